"""Exercises for notebook 07: regression."""

from __future__ import annotations

import numpy as np

from helpers.exercises import Exercise, WrongAnswer, as_number


def _is_identity(activation) -> bool:
    """Whether ``activation`` passes numbers through unchanged, as a regression output must."""
    import keras

    probe = np.array([[-40.0, -2.0, 0.0, 0.5, 3.0, 40.0]], dtype="float32")
    try:
        result = keras.ops.convert_to_numpy(activation(probe))
    except Exception:
        return False
    return np.shape(result) == probe.shape and np.allclose(result, probe)


def _check_output_layer(regression_output) -> None:
    import keras

    if isinstance(regression_output, keras.Model):
        raise WrongAnswer(
            "that is a whole model; give just its output layer, a keras.layers.Dense."
        )
    if not isinstance(regression_output, keras.layers.Dense):
        raise WrongAnswer(
            f"regression_output should be a Dense layer; you gave a "
            f"{type(regression_output).__name__}."
        )
    units = regression_output.units
    if units != 1:
        raise WrongAnswer(f"the layer has {units} units; one number per car needs one unit.")
    if not _is_identity(regression_output.activation):
        activation = getattr(regression_output.activation, "__name__", "")
        limits = {
            "sigmoid": "between 0 and 1",
            "softmax": "equal to 1 (a single softmax unit always says 1)",
            "relu": "0 or more, and stuck at 0 once the weighted sum turns negative",
            "tanh": "between -1 and 1",
        }
        what = limits.get(activation, "a reshaped value instead of the weighted sum")
        raise WrongAnswer(
            f"with activation {activation or 'that activation'!r} the output can only be {what}. "
            "Leave the activation out: a regression output is the plain weighted sum."
        )


def _training_inputs(x_train) -> np.ndarray:
    if (
        not isinstance(x_train, np.ndarray)
        or x_train.ndim != 2
        or len(x_train) < 2
        or x_train.dtype.kind not in "iuf"
        or not np.isfinite(x_train).all()
    ):
        raise WrongAnswer(
            "the check needs the training inputs as its second argument: copy the check cell "
            "as it was, with x_train."
        )
    return x_train.astype("float32")


def _check_normalizer(my_normalizer, x_train, lesson_normalizer=None) -> None:
    import keras

    x_train = _training_inputs(x_train)
    if not isinstance(my_normalizer, keras.layers.Normalization):
        raise WrongAnswer(
            f"my_normalizer should be a keras.layers.Normalization layer; you gave a "
            f"{type(my_normalizer).__name__}."
        )
    if my_normalizer is lesson_normalizer:
        raise WrongAnswer(
            "my_normalizer is the lesson's normalizer, which the models already use; make a "
            "new one with keras.layers.Normalization() and adapt that."
        )
    try:
        scaled = np.asarray(keras.ops.convert_to_numpy(my_normalizer(x_train)), dtype="float64")
    except Exception as error:
        raise WrongAnswer(
            f"the layer cannot rescale x_train ({type(error).__name__}): create it without "
            "arguments, then call adapt(x_train)."
        ) from None
    if scaled.shape == x_train.shape and np.allclose(scaled, x_train):
        raise WrongAnswer(
            "the layer leaves x_train unchanged: it has not learned any statistics yet. "
            "Call my_normalizer.adapt(x_train)."
        )
    reference = keras.layers.Normalization()
    reference.adapt(x_train)
    expected = keras.ops.convert_to_numpy(reference(x_train))
    if scaled.shape != expected.shape or not np.allclose(scaled, expected, atol=1e-3):
        raise WrongAnswer(
            "on x_train the rescaled columns do not have mean 0 and standard deviation 1: "
            "the layer learned its statistics from other data. Adapt it on x_train only, "
            "so that the test data stays unseen."
        )


def _one_number(my_mae) -> float:
    try:
        return as_number(my_mae, "my_mae")
    except WrongAnswer as wrong:
        raise WrongAnswer(f"{wrong} Take the mean of all the absolute errors.") from None


def _errors(predictions, y_test) -> tuple[np.ndarray, np.ndarray]:
    """The column of predictions and the true values, or a message about the check cell."""
    try:
        predicted = np.asarray(predictions, dtype="float64")
        true = np.asarray(y_test, dtype="float64").reshape(-1)
    except (TypeError, ValueError):
        predicted = true = np.zeros(0)
    if predicted.size != true.size or true.size == 0 or not np.isfinite(predicted).all():
        raise WrongAnswer(
            "the check needs the model's predictions and the true values: copy the check cell "
            "as it was, with deep_predictions and y_test."
        )
    return predicted.reshape(-1), true


def _check_mae(my_mae, predictions, y_test) -> None:
    predicted, true = _errors(predictions, y_test)
    value = _one_number(my_mae)
    errors = predicted - true

    def near(number: float) -> bool:
        return bool(np.isclose(value, number, rtol=1e-4))

    if near(np.mean(np.abs(errors))):
        return
    if near(np.mean(np.abs(predicted[:, None] - true))):
        raise WrongAnswer(
            f"{value:.3f} mixes every prediction with every true value: predictions has "
            f"shape ({len(true)}, 1) and y_test ({len(true)},), so their difference "
            f"broadcasts to ({len(true)}, {len(true)}). Take predictions[:, 0] first."
        )
    if near(np.mean(errors)) or near(-np.mean(errors)):
        raise WrongAnswer(
            f"{value:.3f} is the mean error, where positive and negative errors cancel out. "
            "Take the absolute value of each error (np.abs) before the mean."
        )
    if near(np.mean(errors**2)) or near(np.sqrt(np.mean(errors**2))):
        raise WrongAnswer(
            f"{value:.3f} comes from the *squared* errors. "
            "The mean absolute error averages np.abs(error) instead."
        )
    if near(np.sum(np.abs(errors))):
        raise WrongAnswer(
            f"{value:.3f} is the sum of the absolute errors; divide by the number of cars, "
            "or use np.mean instead of np.sum."
        )
    raise WrongAnswer(
        f"you got {value:.3f}; the mean absolute error of these predictions is not that. "
        "Average np.abs(predictions[:, 0] - y_test)."
    )


q1 = Exercise(
    check=_check_output_layer,
    hint="One unit, and no activation argument at all (or activation=None).",
    solution="regression_output = keras.layers.Dense(1)",
    success="one unit, no activation: the output is the weighted sum itself.",
)

q2 = Exercise(
    check=_check_normalizer,
    hint="keras.layers.Normalization() makes the layer; its adapt() method measures the "
    "mean and variance of the data you give it.",
    solution="""
    my_normalizer = keras.layers.Normalization()
    my_normalizer.adapt(x_train)
    """,
    success="adapted on the training data: every column of x_train now has mean 0, "
    "standard deviation 1.",
)

q3 = Exercise(
    check=_check_mae,
    hint="predictions has shape (n, 1): take column 0 so it lines up with y_test, "
    "subtract, np.abs, then np.mean.",
    solution="my_mae = np.mean(np.abs(deep_predictions[:, 0] - y_test))",
    success="the same number evaluate() reports as mean_absolute_error.",
)
