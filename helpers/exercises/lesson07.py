"""Exercises for notebook 07: regression."""

from __future__ import annotations

import numpy as np

from helpers.exercises import Exercise, NotAnswered, WrongAnswer


def _not_answered(answer) -> None:
    if answer is None:
        raise NotAnswered("replace None with your answer, run that cell, then check again.")


def _check_output_layer(regression_output) -> None:
    import keras

    _not_answered(regression_output)
    if isinstance(regression_output, keras.Model):
        raise WrongAnswer(
            "that is a whole model; give just its output layer, a keras.layers.Dense."
        )
    if not isinstance(regression_output, keras.layers.Dense):
        raise WrongAnswer(
            f"regression_output should be a Dense layer; you gave a "
            f"{type(regression_output).__name__}."
        )
    config = regression_output.get_config()
    if config["units"] != 1:
        raise WrongAnswer(
            f"the layer has {config['units']} units; one number per car needs one unit."
        )
    activation = config["activation"]
    if activation != "linear":
        limits = {
            "sigmoid": "between 0 and 1",
            "softmax": "equal to 1 (a single softmax unit always says 1)",
            "relu": "0 or more, and stuck at 0 once the weighted sum turns negative",
            "tanh": "between -1 and 1",
        }
        what = limits.get(activation, "a reshaped value instead of the weighted sum")
        raise WrongAnswer(
            f"with activation {activation!r} the output can only be {what}. "
            "Leave the activation out: a regression output is the plain weighted sum."
        )


def _check_normalizer(my_normalizer, x_train) -> None:
    import keras

    _not_answered(my_normalizer)
    if not isinstance(my_normalizer, keras.layers.Normalization):
        raise WrongAnswer(
            f"my_normalizer should be a keras.layers.Normalization layer; you gave a "
            f"{type(my_normalizer).__name__}."
        )
    try:
        scaled = keras.ops.convert_to_numpy(my_normalizer(x_train))
    except Exception as error:
        raise WrongAnswer(
            f"the layer cannot rescale x_train ({type(error).__name__}): create it without "
            "arguments, then call adapt(x_train)."
        ) from None
    if np.allclose(scaled, x_train):
        raise WrongAnswer(
            "the layer leaves x_train unchanged: it has not learned any statistics yet. "
            "Call my_normalizer.adapt(x_train)."
        )
    means = np.abs(scaled.mean(axis=0)).max()
    spreads = np.abs(scaled.std(axis=0) - 1).max()
    if means > 1e-3 or spreads > 1e-2:
        raise WrongAnswer(
            f"on x_train the rescaled columns have means up to {means:.3f} away from 0: "
            "the layer learned its statistics from other data. Adapt it on x_train only, "
            "so that the test data stays unseen."
        )


def _check_mae(my_mae, predictions, y_test) -> None:
    _not_answered(my_mae)
    try:
        value = float(np.asarray(my_mae))
    except (TypeError, ValueError):
        raise WrongAnswer(
            f"my_mae should be one number; you gave a {type(my_mae).__name__}"
            + (f" of shape {np.shape(my_mae)}" if hasattr(my_mae, "shape") else "")
            + ". Take the mean of all the absolute errors."
        ) from None
    predicted = np.asarray(predictions, dtype="float64").reshape(-1)
    true = np.asarray(y_test, dtype="float64").reshape(-1)
    errors = predicted - true
    right = np.mean(np.abs(errors))
    if np.isclose(value, right, rtol=1e-4):
        return
    column = np.asarray(predictions, dtype="float64").reshape(-1, 1)
    if np.isclose(value, np.mean(np.abs(column - true)), rtol=1e-4):
        raise WrongAnswer(
            f"{value:.3f} mixes every prediction with every true value: predictions has "
            f"shape ({len(true)}, 1) and y_test ({len(true)},), so their difference "
            f"broadcasts to ({len(true)}, {len(true)}). Take predictions[:, 0] first."
        )
    if np.isclose(value, np.mean(errors), rtol=1e-4) or np.isclose(
        value, -np.mean(errors), rtol=1e-4
    ):
        raise WrongAnswer(
            f"{value:.3f} is the mean error, where positive and negative errors cancel out. "
            "Take the absolute value of each error (np.abs) before the mean."
        )
    if np.isclose(value, np.mean(errors**2), rtol=1e-4):
        raise WrongAnswer(
            f"{value:.3f} is the mean *squared* error, in MPG squared. "
            "The mean absolute error averages np.abs(error) instead."
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
