"""Exercises for notebook 07: regression."""

from __future__ import annotations

import numpy as np

from helpers.exercises import Exercise, WrongAnswer, as_number
from helpers.i18n import N_, _


def _is_identity(activation) -> bool:
    """Whether ``activation`` passes numbers through unchanged, as a regression output must."""
    import keras

    probe = np.array([[-40.0, -2.0, 0.0, 0.5, 3.0, 40.0]], dtype="float32")
    try:
        result = keras.ops.convert_to_numpy(activation(probe))
    except Exception:
        return False
    return np.shape(result) == probe.shape and np.allclose(result, probe)


#: What an output with each activation can only be, as one whole message each.
_LIMITS = {
    "sigmoid": N_(
        "with activation {activation!r} the output can only be between 0 and 1. "
        "Leave the activation out: a regression output is the plain weighted sum."
    ),
    "softmax": N_(
        "with activation {activation!r} the output can only be equal to 1 (a single softmax "
        "unit always says 1). Leave the activation out: a regression output is the plain "
        "weighted sum."
    ),
    "relu": N_(
        "with activation {activation!r} the output can only be 0 or more, and stuck at 0 once "
        "the weighted sum turns negative. Leave the activation out: a regression output is the "
        "plain weighted sum."
    ),
    "tanh": N_(
        "with activation {activation!r} the output can only be between -1 and 1. "
        "Leave the activation out: a regression output is the plain weighted sum."
    ),
}
_ANY_LIMIT = N_(
    "with activation {activation!r} the output can only be a reshaped value instead of the "
    "weighted sum. Leave the activation out: a regression output is the plain weighted sum."
)


def _check_output_layer(regression_output) -> None:
    import keras

    if isinstance(regression_output, keras.Model):
        raise WrongAnswer(
            _("that is a whole model; give just its output layer, a keras.layers.Dense.")
        )
    if not isinstance(regression_output, keras.layers.Dense):
        raise WrongAnswer(
            _("regression_output should be a Dense layer; you gave a {kind}.").format(
                kind=type(regression_output).__name__
            )
        )
    units = regression_output.units
    if units != 1:
        raise WrongAnswer(
            _("the layer has {units} units; one number per car needs one unit.").format(units=units)
        )
    if not _is_identity(regression_output.activation):
        activation = getattr(regression_output.activation, "__name__", "")
        message = _LIMITS.get(activation, _ANY_LIMIT)
        raise WrongAnswer(_(message).format(activation=activation or _("that activation")))


def _training_inputs(x_train) -> np.ndarray:
    if (
        not isinstance(x_train, np.ndarray)
        or x_train.ndim != 2
        or len(x_train) < 2
        or x_train.dtype.kind not in "iuf"
        or not np.isfinite(x_train).all()
    ):
        raise WrongAnswer(
            _(
                "the check needs the training inputs as its second argument: copy the check "
                "cell as it was, with x_train."
            )
        )
    return x_train.astype("float32")


def _check_normalizer(my_normalizer, x_train, lesson_normalizer=None) -> None:
    import keras

    x_train = _training_inputs(x_train)
    if not isinstance(my_normalizer, keras.layers.Normalization):
        raise WrongAnswer(
            _(
                "my_normalizer should be a keras.layers.Normalization layer; you gave a {kind}."
            ).format(kind=type(my_normalizer).__name__)
        )
    if my_normalizer is lesson_normalizer:
        raise WrongAnswer(
            _(
                "my_normalizer is the lesson's normalizer, which the models already use; make a "
                "new one with keras.layers.Normalization() and adapt that."
            )
        )
    try:
        scaled = np.asarray(keras.ops.convert_to_numpy(my_normalizer(x_train)), dtype="float64")
    except Exception as error:
        raise WrongAnswer(
            _(
                "the layer cannot rescale x_train ({error}): create it without "
                "arguments, then call adapt(x_train)."
            ).format(error=type(error).__name__)
        ) from None
    if scaled.shape == x_train.shape and np.allclose(scaled, x_train):
        raise WrongAnswer(
            _(
                "the layer leaves x_train unchanged: it has not learned any statistics yet. "
                "Call my_normalizer.adapt(x_train)."
            )
        )
    reference = keras.layers.Normalization()
    reference.adapt(x_train)
    expected = keras.ops.convert_to_numpy(reference(x_train))
    if scaled.shape != expected.shape or not np.allclose(scaled, expected, atol=1e-3):
        raise WrongAnswer(
            _(
                "on x_train the rescaled columns do not have mean 0 and standard deviation 1: "
                "the layer learned its statistics from other data. Adapt it on x_train only, "
                "so that the test data stays unseen."
            )
        )


def _one_number(my_mae) -> float:
    try:
        return as_number(my_mae, "my_mae")
    except WrongAnswer as wrong:
        raise WrongAnswer(
            _("{problem} Take the mean of all the absolute errors.").format(problem=wrong)
        ) from None


def _errors(predictions, y_test) -> tuple[np.ndarray, np.ndarray]:
    """The column of predictions and the true values, or a message about the check cell."""
    try:
        predicted = np.asarray(predictions, dtype="float64")
        true = np.asarray(y_test, dtype="float64").reshape(-1)
    except (TypeError, ValueError):
        predicted = true = np.zeros(0)
    if predicted.size != true.size or true.size == 0 or not np.isfinite(predicted).all():
        raise WrongAnswer(
            _(
                "the check needs the model's predictions and the true values: copy the check "
                "cell as it was, with deep_predictions and y_test."
            )
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
            _(
                "{value:.3f} mixes every prediction with every true value: predictions has "
                "shape ({n}, 1) and y_test ({n},), so their difference "
                "broadcasts to ({n}, {n}). Take predictions[:, 0] first."
            ).format(value=value, n=len(true))
        )
    if near(np.mean(errors)) or near(-np.mean(errors)):
        raise WrongAnswer(
            _(
                "{value:.3f} is the mean error, where positive and negative errors cancel out. "
                "Take the absolute value of each error (np.abs) before the mean."
            ).format(value=value)
        )
    if near(np.mean(errors**2)) or near(np.sqrt(np.mean(errors**2))):
        raise WrongAnswer(
            _(
                "{value:.3f} comes from the *squared* errors. "
                "The mean absolute error averages np.abs(error) instead."
            ).format(value=value)
        )
    if near(np.sum(np.abs(errors))):
        raise WrongAnswer(
            _(
                "{value:.3f} is the sum of the absolute errors; divide by the number of cars, "
                "or use np.mean instead of np.sum."
            ).format(value=value)
        )
    raise WrongAnswer(
        _(
            "you got {value:.3f}; the mean absolute error of these predictions is not that. "
            "Average np.abs(predictions[:, 0] - y_test)."
        ).format(value=value)
    )


q1 = Exercise(
    check=_check_output_layer,
    hint=N_("One unit, and no activation argument at all (or activation=None)."),
    solution="regression_output = keras.layers.Dense(1)",
    success=N_("one unit, no activation: the output is the weighted sum itself."),
)

q2 = Exercise(
    check=_check_normalizer,
    hint=N_(
        "keras.layers.Normalization() makes the layer; its adapt() method measures the "
        "mean and variance of the data you give it."
    ),
    solution="""
    my_normalizer = keras.layers.Normalization()
    my_normalizer.adapt(x_train)
    """,
    success=N_(
        "adapted on the training data: every column of x_train now has mean 0, "
        "standard deviation 1."
    ),
)

q3 = Exercise(
    check=_check_mae,
    hint=N_(
        "predictions has shape (n, 1): take column 0 so it lines up with y_test, "
        "subtract, np.abs, then np.mean."
    ),
    solution="my_mae = np.mean(np.abs(deep_predictions[:, 0] - y_test))",
    success=N_("the same number evaluate() reports as mean_absolute_error."),
)
