"""Exercises for notebook 05: inference."""

from __future__ import annotations

import os

import numpy as np

from helpers.exercises import Exercise, WrongAnswer, as_array, call_answer
from helpers.i18n import N_, _

# Sigmoid outputs as predict() returns them: one column, one row per sample.
# 0.5 itself is not above 0.5, so it is class 0.
_PROBES = [
    np.array([[0.1], [0.7], [0.49], [0.51], [0.95]], dtype="float32"),
    np.array([[0.8], [0.2], [0.5]], dtype="float32"),
    np.array([[0.6]], dtype="float32"),
]


def _as_array(value, what: str) -> np.ndarray:
    try:
        return np.asarray(value)
    except Exception:  # ragged lists and other things that are not one array
        raise WrongAnswer(
            _("{what} is not one array of numbers; you gave {value!r:.60}.").format(
                what=what, value=value
            )
        ) from None


def _check_to_classes(to_classes) -> None:
    if not callable(to_classes):
        raise WrongAnswer(
            _(
                "to_classes should be a function (def to_classes(probabilities): ...); "
                "you gave a {kind}."
            ).format(kind=type(to_classes).__name__)
        )
    for probabilities in _PROBES:
        expected = (probabilities[:, 0] > 0.5).astype(int)
        classes = call_answer(
            to_classes, "to_classes", probabilities.copy(),
            called_with=_("an array of shape {shape}").format(shape=probabilities.shape),
        )  # fmt: skip
        classes = _as_array(classes, _("what to_classes returned"))
        if classes.shape == probabilities.shape and classes.ndim == 2:
            raise WrongAnswer(
                _(
                    "for {samples} samples to_classes returns shape {shape}; "
                    "make it ({samples},), like y_test. Comparing an (n, 1) array with "
                    "an (n,) one broadcasts to an (n, n) table and gives a wrong accuracy: "
                    "take column 0 or use .ravel()."
                ).format(samples=len(probabilities), shape=classes.shape)
            )
        if classes.shape != expected.shape:
            raise WrongAnswer(
                _(
                    "for {samples} samples to_classes returns shape {shape}; "
                    "expected one class per sample, shape {expected}."
                ).format(samples=len(probabilities), shape=classes.shape, expected=expected.shape)
            )
        if classes.dtype.kind not in "biuf" or not np.isin(classes, (0, 1)).all():
            raise WrongAnswer(
                _("to_classes returned {classes}; classes are 0 or 1, not probabilities.").format(
                    classes=classes.tolist()
                )
            )
        classes = classes.astype(int)
        if np.array_equal(classes, expected):
            continue
        shown = probabilities[:, 0].round(2).tolist()
        if np.array_equal(classes, (probabilities[:, 0] >= 0.5).astype(int)):
            raise WrongAnswer(
                _(
                    "for probabilities {shown} to_classes returned {classes}: 0.5 is not "
                    "above 0.5, so it is class 0. Use > 0.5, not >= 0.5."
                ).format(shown=shown, classes=classes.tolist())
            )
        raise WrongAnswer(
            _(
                "for probabilities {shown} to_classes returned {classes}, "
                "but a 0.5 threshold gives {expected}: above 0.5 means class 1."
            ).format(shown=shown, classes=classes.tolist(), expected=expected.tolist())
        )


def _test_inputs(x_test) -> np.ndarray:
    """x_test as the check cell passes it: a 2-D array of numbers, or a message."""
    array = np.asarray(x_test) if isinstance(x_test, np.ndarray) else None
    if array is None or array.ndim != 2 or array.dtype.kind not in "iuf" or len(array) < 10:
        raise WrongAnswer(
            _(
                "the check needs the test inputs as its second argument: copy the check cell "
                "as it was, with x_test."
            )
        )
    return array


def _check_one_sample(one_sample, x_test) -> None:
    x_test = _test_inputs(x_test)
    sample = as_array(one_sample, "one_sample")
    features = x_test.shape[1]
    if sample.shape == (features,):
        raise WrongAnswer(
            _(
                "one_sample has shape {shape}: one sample without the batch axis. "
                "predict() wants a batch, shape (1, {features}): slice with x_test[9:10]."
            ).format(shape=sample.shape, features=features)
        )
    if sample.shape != (1, features):
        raise WrongAnswer(
            _(
                "one_sample has shape {shape}; a batch of one sample has shape (1, {features})."
            ).format(shape=sample.shape, features=features)
        )
    if sample.dtype.kind not in "iuf":
        raise WrongAnswer(
            _("one_sample holds {dtype} values; take it from x_test.").format(dtype=sample.dtype)
        )
    if not np.array_equal(sample[0], x_test[9]):
        match = np.flatnonzero((x_test == sample[0]).all(axis=1))
        if len(match):
            message = _(
                "one_sample holds row {row} of x_test; the 10th sample is x_test[9] "
                "(counting starts at 0)."
            )
        else:
            message = _(
                "one_sample holds not a row of x_test; the 10th sample is x_test[9] "
                "(counting starts at 0)."
            )
        raise WrongAnswer(message.format(row=match[0] if len(match) else None))


def _predictions(model, x) -> np.ndarray | None:
    """What ``model`` predicts for ``x``, or None if it cannot take ``x``."""
    try:
        return np.asarray(model.predict(x, verbose=0), dtype="float64")
    except Exception:
        return None


def _same(got: np.ndarray | None, expected: np.ndarray) -> bool:
    return got is not None and got.shape == expected.shape and np.allclose(got, expected, atol=1e-6)


def _saved_models(folder) -> list[str]:
    """The .keras files in ``folder`` (a TemporaryDirectory or a path)."""
    name = getattr(folder, "name", folder)
    if not isinstance(name, str | os.PathLike) or not os.path.isdir(name):
        raise WrongAnswer(
            _("the fourth argument should be folder, the temporary folder made in the lesson.")
        )
    return [os.path.join(name, file) for file in os.listdir(name) if file.endswith(".keras")]


def _check_reloaded(reloaded, model, x_test, folder=None) -> None:
    import keras

    x_test = _test_inputs(x_test)
    if isinstance(reloaded, str | os.PathLike):
        raise WrongAnswer(
            _(
                "reloaded is a file name; pass it to keras.models.load_model() to get the "
                "model back."
            )
        )
    if not isinstance(reloaded, keras.Model):
        raise WrongAnswer(
            _(
                "reloaded should be a Keras model from keras.models.load_model(); "
                "you gave a {kind}."
            ).format(kind=type(reloaded).__name__)
        )
    if reloaded is model:
        raise WrongAnswer(
            _(
                "reloaded is the very same object as model; save model to a .keras file, then "
                "load that file into a new variable."
            )
        )
    expected = _predictions(model, x_test)
    if expected is None:
        raise WrongAnswer(_("the check needs the lesson's model and x_test: copy the check cell."))
    got = _predictions(reloaded, x_test)
    if not _same(got, expected):
        if got is None:
            message = _(
                "reloaded cannot take x_test: did you save model after training, "
                "or load a different file?"
            )
        else:
            message = _(
                "reloaded predicts differently from model: did you save model after training, "
                "or load a different file?"
            )
        raise WrongAnswer(message)
    if folder is None:
        return
    new_files = [path for path in _saved_models(folder) if not path.endswith("breast_cancer.keras")]
    if not new_files:
        raise WrongAnswer(
            _(
                "there is no new .keras file in folder.name: save model there under a name of "
                'your own, such as os.path.join(folder.name, "my_model.keras").'
            )
        )
    for path in new_files:
        try:
            saved = keras.models.load_model(path)
        except Exception:  # not a model file after all: look at the next one
            continue
        if _same(_predictions(saved, x_test), expected):
            return
    raise WrongAnswer(
        _(
            "the model saved in {file} predicts differently from model: "
            "save model itself, after training."
        ).format(file=os.path.basename(new_files[0]))
    )


q1 = Exercise(
    check=_check_to_classes,
    hint=N_(
        "probabilities[:, 0] is one probability per sample; compare it with 0.5 and turn "
        "the True/False answers into 1/0 with .astype(int)."
    ),
    solution="""
    def to_classes(probabilities):
        return (probabilities[:, 0] > 0.5).astype(int)
    """,
    success=N_("one class per sample, shape (n,), ready to compare with y_test."),
)

q2 = Exercise(
    check=_check_one_sample,
    hint=N_(
        "A slice keeps the batch axis: x_test[9:10] is one row but still a batch. "
        "x_test[9] drops it."
    ),
    solution=N_("one_sample = x_test[9:10]  # or x_test[9][np.newaxis]"),
    success=N_("shape (1, 30): a batch of one, which predict() accepts."),
)

q3 = Exercise(
    check=_check_reloaded,
    hint=N_(
        "model.save(path) with a path that ends in .keras, inside folder.name; then "
        "keras.models.load_model(path)."
    ),
    solution="""
    my_path = os.path.join(folder.name, "my_model.keras")
    model.save(my_path)
    reloaded = keras.models.load_model(my_path)
    """,
    success=N_("the reloaded model predicts exactly what the original does."),
)
