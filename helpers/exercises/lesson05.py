"""Exercises for notebook 05: inference."""

from __future__ import annotations

import numpy as np

from helpers.exercises import Exercise, NotAnswered, WrongAnswer

# Sigmoid outputs as predict() returns them: one column, one row per sample.
_PROBES = [
    np.array([[0.1], [0.7], [0.49], [0.51], [0.95]], dtype="float32"),
    np.array([[0.8], [0.2], [0.3]], dtype="float32"),
    np.array([[0.6]], dtype="float32"),
]


def _check_to_classes(to_classes) -> None:
    if not callable(to_classes):
        raise WrongAnswer(
            f"to_classes should be a function (def to_classes(probabilities): ...); "
            f"you gave a {type(to_classes).__name__}."
        )
    for probabilities in _PROBES:
        expected = (probabilities[:, 0] > 0.5).astype(int)
        try:
            classes = to_classes(probabilities.copy())
        except Exception as error:  # the learner's code failed: say how
            raise WrongAnswer(
                f"to_classes raised {type(error).__name__}: {error} "
                f"(called with an array of shape {probabilities.shape})."
            ) from None
        if classes is None:
            raise WrongAnswer("to_classes returned None: end it with a return statement.")
        classes = np.asarray(classes)
        if classes.shape == probabilities.shape and classes.ndim == 2:
            raise WrongAnswer(
                f"for {len(probabilities)} samples to_classes returns shape {classes.shape}; "
                f"make it ({len(probabilities)},), like y_test. Comparing an (n, 1) array with "
                "an (n,) one broadcasts to an (n, n) table and gives a wrong accuracy: "
                "take column 0 or use .ravel()."
            )
        if classes.shape != expected.shape:
            raise WrongAnswer(
                f"for {len(probabilities)} samples to_classes returns shape {classes.shape}; "
                f"expected one class per sample, shape {expected.shape}."
            )
        if not np.isin(classes, (0, 1)).all():
            raise WrongAnswer(
                f"to_classes returned {classes.tolist()}; classes are 0 or 1, not probabilities."
            )
        if not np.array_equal(classes.astype(int), expected):
            shown = probabilities[:, 0].round(2).tolist()
            raise WrongAnswer(
                f"for probabilities {shown} to_classes returned {classes.astype(int).tolist()}, "
                f"but a 0.5 threshold gives {expected.tolist()}: above 0.5 means class 1."
            )


def _check_one_sample(one_sample, x_test) -> None:
    if one_sample is None:
        raise NotAnswered("replace None with your answer, run that cell, then check again.")
    if not hasattr(one_sample, "shape"):
        raise WrongAnswer(
            f"one_sample should be a NumPy array; you gave a {type(one_sample).__name__}."
        )
    sample = np.asarray(one_sample)
    features = x_test.shape[1]
    if sample.shape == (features,):
        raise WrongAnswer(
            f"one_sample has shape {sample.shape}: one sample without the batch axis. "
            f"predict() wants a batch, shape (1, {features}): slice with x_test[9:10]."
        )
    if sample.shape != (1, features):
        raise WrongAnswer(
            f"one_sample has shape {sample.shape}; a batch of one sample has shape (1, {features})."
        )
    if not np.array_equal(sample[0], x_test[9]):
        match = np.flatnonzero((x_test == sample[0]).all(axis=1))
        where = f"row {match[0]} of x_test" if len(match) else "not a row of x_test"
        raise WrongAnswer(
            f"one_sample holds {where}; the 10th sample is x_test[9] (counting starts at 0)."
        )


def _check_reloaded(reloaded, model, x_test) -> None:
    import keras

    if reloaded is None:
        raise NotAnswered("replace None with your answer, run that cell, then check again.")
    if isinstance(reloaded, str):
        raise WrongAnswer(
            "reloaded is a file name; pass it to keras.models.load_model() to get the model back."
        )
    if not isinstance(reloaded, keras.Model):
        raise WrongAnswer(
            f"reloaded should be a Keras model from keras.models.load_model(); "
            f"you gave a {type(reloaded).__name__}."
        )
    if reloaded is model:
        raise WrongAnswer(
            "reloaded is the very same object as model; save model to a .keras file, then "
            "load that file into a new variable."
        )
    batch = x_test[:20]
    if not np.array_equal(reloaded.predict(batch, verbose=0), model.predict(batch, verbose=0)):
        raise WrongAnswer(
            "reloaded predicts differently from model: did you save model after training, "
            "or load a different file?"
        )


q1 = Exercise(
    check=_check_to_classes,
    hint="probabilities[:, 0] is one probability per sample; compare it with 0.5 and turn "
    "the True/False answers into 1/0 with .astype(int).",
    solution="""
    def to_classes(probabilities):
        return (probabilities[:, 0] > 0.5).astype(int)
    """,
    success="one class per sample, shape (n,), ready to compare with y_test.",
)

q2 = Exercise(
    check=_check_one_sample,
    hint="A slice keeps the batch axis: x_test[9:10] is one row but still a batch. "
    "x_test[9] drops it.",
    solution="one_sample = x_test[9:10]  # or x_test[9][np.newaxis]",
    success="shape (1, 30): a batch of one, which predict() accepts.",
)

q3 = Exercise(
    check=_check_reloaded,
    hint="model.save(path) with a path that ends in .keras, inside folder.name; then "
    "keras.models.load_model(path).",
    solution="""
    my_path = os.path.join(folder.name, "my_model.keras")
    model.save(my_path)
    reloaded = keras.models.load_model(my_path)
    """,
    success="the reloaded model predicts exactly what the original does.",
)
