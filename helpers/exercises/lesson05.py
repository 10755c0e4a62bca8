"""Exercises for notebook 05: inference.

Exercise 1 is the learner's function, run on sigmoid outputs as ``predict()``
returns them; exercise 2 a value taken from the learner's ``x_test``;
exercise 3 has many right answers (any file name, any way of loading it), so
it is declared by its rules alone, in the order they are checked.
"""

from __future__ import annotations

import os

import numpy as np

from helpers.exercises import WrongAnswer, as_array
from helpers.exercises.types import Arg, FunctionExercise, Mistake, ValueExercise, same
from helpers.i18n import N_, _

# ------------------------------------------------------------ exercise 1 ---

# Sigmoid outputs as predict() returns them: one column, one row per sample.
# 0.5 itself is not above 0.5, so it is class 0.
_PROBES = [
    np.array([[0.1], [0.7], [0.49], [0.51], [0.95]], dtype="float32"),
    np.array([[0.8], [0.2], [0.5]], dtype="float32"),
    np.array([[0.6]], dtype="float32"),
]


def _classes(probabilities: np.ndarray) -> np.ndarray:
    return (probabilities[:, 0] > 0.5).astype(int)


def _as_array(value, what: str) -> np.ndarray:
    try:
        return np.asarray(value)
    except Exception:  # ragged lists and other things that are not one array
        raise WrongAnswer(
            _("{what} is not one array of numbers; you gave {value!r:.60}.").format(
                what=what, value=value
            )
        ) from None


def _shown(classes: np.ndarray, probabilities: np.ndarray) -> dict:
    """The probabilities, the classes returned and the right ones, as plain lists."""
    return {
        "shown": probabilities[:, 0].round(2).tolist(),
        "classes": classes.astype(int).tolist(),
        "expected": _classes(probabilities).tolist(),
    }


#: What to_classes must return before its classes are compared, in order.
CLASSES_RULES = [
    Mistake(
        N_(
            "for {samples} samples to_classes returns shape {shape}; "
            "make it ({samples},), like y_test. Comparing an (n, 1) array with "
            "an (n,) one broadcasts to an (n, n) table and gives a wrong accuracy: "
            "take column 0 or use .ravel()."
        ),
        when=lambda classes, probabilities: (
            classes.shape == probabilities.shape
            and classes.ndim == 2
            and {"samples": len(probabilities), "shape": classes.shape}
        ),
    ),
    Mistake(
        N_(
            "for {samples} samples to_classes returns shape {shape}; "
            "expected one class per sample, shape {expected}."
        ),
        when=lambda classes, probabilities: (
            classes.shape != (len(probabilities),)
            and {
                "samples": len(probabilities),
                "shape": classes.shape,
                "expected": (len(probabilities),),
            }
        ),
    ),
    Mistake(
        N_("to_classes returned {classes}; classes are 0 or 1, not probabilities."),
        when=lambda classes, probabilities: (
            (classes.dtype.kind not in "biuf" or not np.isin(classes, (0, 1)).all())
            and {"classes": classes.tolist()}
        ),
    ),
]

# ------------------------------------------------------------ exercise 2 ---


def _test_inputs(x_test, name: str) -> np.ndarray:
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


X_TEST = Arg("x_test", read=_test_inputs)


def _shapes(sample: np.ndarray, x_test: np.ndarray) -> dict:
    return {"shape": sample.shape, "features": x_test.shape[1]}


def _row_of(sample: np.ndarray, x_test: np.ndarray) -> dict:
    """Which row of x_test the sample holds, if any."""
    match = np.flatnonzero((x_test == sample[0]).all(axis=1))
    return {"row": match[0]} if len(match) else {}


#: What one_sample must be before it is compared with x_test[9:10], in order.
SAMPLE_RULES = [
    Mistake(
        N_(
            "one_sample has shape {shape}: one sample without the batch axis. "
            "predict() wants a batch, shape (1, {features}): slice with x_test[9:10]."
        ),
        when=lambda sample, x_test: sample.shape == x_test.shape[1:] and _shapes(sample, x_test),
    ),
    Mistake(
        N_("one_sample has shape {shape}; a batch of one sample has shape (1, {features})."),
        when=lambda sample, x_test: (
            sample.shape != (1, x_test.shape[1]) and _shapes(sample, x_test)
        ),
    ),
    Mistake(
        N_("one_sample holds {dtype} values; take it from x_test."),
        when=lambda sample, x_test: sample.dtype.kind not in "iuf" and {"dtype": sample.dtype},
    ),
]

# ------------------------------------------------------------ exercise 3 ---


def _predictions(model, x) -> np.ndarray | None:
    """What ``model`` predicts for ``x``, or None if it cannot take ``x``."""
    try:
        return np.asarray(model.predict(x, verbose=0), dtype="float64")
    except Exception:
        return None


def _same(got: np.ndarray | None, expected: np.ndarray | None) -> bool:
    return got is not None and expected is not None and same(got, expected, atol=1e-6, rtol=1e-5)


def _new_models(folder, name: str) -> list[str] | None:
    """The .keras files saved in ``folder`` (a TemporaryDirectory or a path) besides the
    lesson's own; None when the check cell leaves the folder out."""
    if folder is None:
        return None
    path = getattr(folder, "name", folder)
    if not isinstance(path, str | os.PathLike) or not os.path.isdir(path):
        raise WrongAnswer(
            _("the fourth argument should be folder, the temporary folder made in the lesson.")
        )
    return [
        os.path.join(path, file)
        for file in os.listdir(path)
        if file.endswith(".keras") and file != "breast_cancer.keras"
    ]


def _is_model(value) -> bool:
    import keras

    return isinstance(value, keras.Model)


def _saved_differs(reloaded, model, x_test, saved) -> dict:
    """When no new file in the folder predicts as ``model`` does: the first file's name."""
    import keras

    if not saved:
        return {}
    expected = _predictions(model, x_test)
    for path in saved:
        try:
            loaded = keras.models.load_model(path)
        except Exception:  # not a model file after all: look at the next one
            continue
        if _same(_predictions(loaded, x_test), expected):
            return {}
    return {"file": os.path.basename(saved[0])}


#: What reloaded must be, and the folder hold, in the order they are checked.
RELOADED_RULES = [
    Mistake(
        N_("reloaded is a file name; pass it to keras.models.load_model() to get the model back."),
        when=lambda reloaded, *inputs: isinstance(reloaded, str | os.PathLike),
    ),
    Mistake(
        N_("reloaded should be a Keras model from keras.models.load_model(); you gave a {kind}."),
        when=lambda reloaded, *inputs: (
            not _is_model(reloaded) and {"kind": type(reloaded).__name__}
        ),
    ),
    Mistake(
        N_(
            "reloaded is the very same object as model; save model to a .keras file, then "
            "load that file into a new variable."
        ),
        when=lambda reloaded, model, *inputs: reloaded is model,
    ),
    Mistake(
        N_("the check needs the lesson's model and x_test: copy the check cell."),
        when=lambda reloaded, model, x_test, saved: _predictions(model, x_test) is None,
    ),
    Mistake(
        N_(
            "reloaded cannot take x_test: did you save model after training, "
            "or load a different file?"
        ),
        when=lambda reloaded, model, x_test, saved: _predictions(reloaded, x_test) is None,
    ),
    Mistake(
        N_(
            "reloaded predicts differently from model: did you save model after training, "
            "or load a different file?"
        ),
        when=lambda reloaded, model, x_test, saved: (
            not _same(_predictions(reloaded, x_test), _predictions(model, x_test))
        ),
    ),
    Mistake(
        N_(
            "there is no new .keras file in folder.name: save model there under a name of "
            'your own, such as os.path.join(folder.name, "my_model.keras").'
        ),
        when=lambda reloaded, model, x_test, saved: saved is not None and not saved,
    ),
    Mistake(
        N_(
            "the model saved in {file} predicts differently from model: "
            "save model itself, after training."
        ),
        when=_saved_differs,
    ),
]

q1 = FunctionExercise(
    answer="to_classes",
    call="to_classes(probabilities)",
    cases=[(probabilities,) for probabilities in _PROBES],
    reference=_classes,
    read=_as_array,
    rules=CLASSES_RULES,
    mistakes=[
        Mistake(
            N_(
                "for probabilities {shown} to_classes returned {classes}: 0.5 is not "
                "above 0.5, so it is class 0. Use > 0.5, not >= 0.5."
            ),
            when=lambda classes, probabilities: (
                same(classes, probabilities[:, 0] >= 0.5) and _shown(classes, probabilities)
            ),
        )
    ],
    otherwise=Mistake(
        N_(
            "for probabilities {shown} to_classes returned {classes}, "
            "but a 0.5 threshold gives {expected}: above 0.5 means class 1."
        ),
        when=_shown,
    ),
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

q2 = ValueExercise(
    answer=Arg("one_sample", read=as_array),
    inputs=[X_TEST],
    rules=SAMPLE_RULES,
    expected=lambda x_test: x_test[9:10],
    mistakes=[
        Mistake(
            N_(
                "one_sample holds row {row} of x_test; the 10th sample is x_test[9] "
                "(counting starts at 0)."
            ),
            when=_row_of,
        )
    ],
    otherwise=N_(
        "one_sample holds not a row of x_test; the 10th sample is x_test[9] (counting starts at 0)."
    ),
    hint=N_(
        "A slice keeps the batch axis: x_test[9:10] is one row but still a batch. "
        "x_test[9] drops it."
    ),
    solution=N_("one_sample = x_test[9:10]  # or x_test[9][np.newaxis]"),
    success=N_("shape (1, 30): a batch of one, which predict() accepts."),
)

q3 = ValueExercise(
    answer="reloaded",
    inputs=["model", X_TEST, Arg("folder", read=_new_models, default=lambda: None)],
    rules=RELOADED_RULES,
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
