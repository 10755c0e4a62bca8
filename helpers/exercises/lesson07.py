"""Exercises for notebook 07: regression.

Exercises 1 and 2 ask for a Keras layer, which has no one right value: each is a
:class:`~helpers.exercises.types.ValueExercise` declared with ``rules`` alone,
judging the layer by what it does to numbers (an output layer that passes them
through, a Normalization layer that standardises x_train). Exercise 3 is a
number compared with the mean absolute error of the learner's own predictions,
the usual wrong computations of it declared as known mistakes.
"""

from __future__ import annotations

import numpy as np

from helpers.exercises import WrongAnswer, as_number
from helpers.exercises.types import Arg, Mistake, ValueExercise
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


def _dense_layer(value, name: str):
    """``value`` when it is a Dense layer; a whole model or anything else is refused."""
    import keras

    if isinstance(value, keras.Model):
        raise WrongAnswer(
            _("that is a whole model; give just its output layer, a keras.layers.Dense.")
        )
    if not isinstance(value, keras.layers.Dense):
        raise WrongAnswer(
            _("regression_output should be a Dense layer; you gave a {kind}.").format(
                kind=type(value).__name__
            )
        )
    return value


def _limits(activation: str | None = None):
    """A rule's test: the layer's activation changes numbers and is ``activation`` (None: any)."""

    def when(layer):
        used = getattr(layer.activation, "__name__", "")
        if activation not in (None, used) or _is_identity(layer.activation):
            return None
        return {"activation": used or _("that activation")}

    return when


q1 = ValueExercise(
    answer=Arg("regression_output", read=_dense_layer),
    rules=[
        Mistake(
            N_("the layer has {units} units; one number per car needs one unit."),
            when=lambda layer: layer.units != 1 and {"units": layer.units},
        ),
        # What an output with each activation can only be, as one whole message each.
        Mistake(
            N_(
                "with activation {activation!r} the output can only be between 0 and 1. "
                "Leave the activation out: a regression output is the plain weighted sum."
            ),
            when=_limits("sigmoid"),
        ),
        Mistake(
            N_(
                "with activation {activation!r} the output can only be equal to 1 (a single "
                "softmax unit always says 1). Leave the activation out: a regression output is "
                "the plain weighted sum."
            ),
            when=_limits("softmax"),
        ),
        Mistake(
            N_(
                "with activation {activation!r} the output can only be 0 or more, and stuck at 0 "
                "once the weighted sum turns negative. Leave the activation out: a regression "
                "output is the plain weighted sum."
            ),
            when=_limits("relu"),
        ),
        Mistake(
            N_(
                "with activation {activation!r} the output can only be between -1 and 1. "
                "Leave the activation out: a regression output is the plain weighted sum."
            ),
            when=_limits("tanh"),
        ),
        Mistake(
            N_(
                "with activation {activation!r} the output can only be a reshaped value instead "
                "of the weighted sum. Leave the activation out: a regression output is the plain "
                "weighted sum."
            ),
            when=_limits(),
        ),
    ],
    hint=N_("One unit, and no activation argument at all (or activation=None)."),
    solution="regression_output = keras.layers.Dense(1)",
    success=N_("one unit, no activation: the output is the weighted sum itself."),
)


def _training_inputs(x_train, name: str) -> np.ndarray:
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


def _normalization_layer(value, name: str):
    import keras

    if not isinstance(value, keras.layers.Normalization):
        raise WrongAnswer(
            _(
                "my_normalizer should be a keras.layers.Normalization layer; you gave a {kind}."
            ).format(kind=type(value).__name__)
        )
    return value


def _rescaled(layer, x_train: np.ndarray) -> np.ndarray | Exception:
    """What ``layer`` makes of x_train, or the error calling it raised."""
    import keras

    try:
        return np.asarray(keras.ops.convert_to_numpy(layer(x_train)), dtype="float64")
    except Exception as error:  # whatever the learner's layer trips on
        return error


def _fails(layer, x_train, lesson_normalizer) -> dict | None:
    scaled = _rescaled(layer, x_train)
    return {"error": type(scaled).__name__} if isinstance(scaled, Exception) else None


def _unchanged(layer, x_train, lesson_normalizer) -> bool:
    scaled = _rescaled(layer, x_train)
    return scaled.shape == x_train.shape and bool(np.allclose(scaled, x_train))


def _not_standardised(layer, x_train, lesson_normalizer) -> bool:
    """Whether ``layer`` rescales x_train otherwise than a Normalization adapted on x_train."""
    import keras

    reference = keras.layers.Normalization()
    reference.adapt(x_train)
    expected = keras.ops.convert_to_numpy(reference(x_train))
    scaled = _rescaled(layer, x_train)
    return scaled.shape != expected.shape or not np.allclose(scaled, expected, atol=1e-3)


q2 = ValueExercise(
    answer=Arg("my_normalizer", read=_normalization_layer),
    inputs=[
        Arg("x_train", read=_training_inputs),
        Arg("lesson_normalizer", default=lambda: None),  # optional: the lesson's own layer
    ],
    rules=[
        Mistake(
            N_(
                "my_normalizer is the lesson's normalizer, which the models already use; make a "
                "new one with keras.layers.Normalization() and adapt that."
            ),
            when=lambda layer, x_train, lesson_normalizer: layer is lesson_normalizer,
        ),
        Mistake(
            N_(
                "the layer cannot rescale x_train ({error}): create it without "
                "arguments, then call adapt(x_train)."
            ),
            when=_fails,
        ),
        Mistake(
            N_(
                "the layer leaves x_train unchanged: it has not learned any statistics yet. "
                "Call my_normalizer.adapt(x_train)."
            ),
            when=_unchanged,
        ),
        Mistake(
            N_(
                "on x_train the rescaled columns do not have mean 0 and standard deviation 1: "
                "the layer learned its statistics from other data. Adapt it on x_train only, "
                "so that the test data stays unseen."
            ),
            when=_not_standardised,
        ),
    ],
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

#: How close my_mae must be to a computation to be taken for it.
TOLERANCE = {"rtol": 1e-4, "atol": 1e-8}
#: What the check needs to be called with, when predictions or y_test are not that.
COPY_THE_CHECK_CELL = N_(
    "the check needs the model's predictions and the true values: copy the check "
    "cell as it was, with deep_predictions and y_test."
)


def _column(value, name: str) -> np.ndarray:
    """``value`` as one flat column of finite numbers (predictions of shape (n, 1) too)."""
    try:
        column = np.asarray(value, dtype="float64").reshape(-1)
    except (TypeError, ValueError):
        column = np.zeros(0)
    if column.size == 0 or not np.isfinite(column).all():
        raise WrongAnswer(_(COPY_THE_CHECK_CELL))
    return column


def _mae(predicted: np.ndarray, true: np.ndarray) -> float:
    if predicted.size != true.size:
        raise WrongAnswer(_(COPY_THE_CHECK_CELL))
    return float(np.mean(np.abs(predicted - true)))


def _one_number(my_mae, name: str) -> float:
    try:
        return as_number(my_mae, name)
    except WrongAnswer as wrong:
        raise WrongAnswer(
            _("{problem} Take the mean of all the absolute errors.").format(problem=wrong)
        ) from None


def _gave(*computations):
    """A mistake's test: my_mae is one of these computations of the predictions and y_test."""

    def when(my_mae, predicted, true):
        found = any(np.isclose(my_mae, c(predicted, true), **TOLERANCE) for c in computations)
        return found and {"value": my_mae, "n": len(true)}

    return when


q3 = ValueExercise(
    answer=Arg("my_mae", read=_one_number),
    inputs=[Arg("predictions", read=_column), Arg("y_test", read=_column)],
    expected=_mae,
    **TOLERANCE,
    mistakes=[
        Mistake(
            N_(
                "{value:.3f} mixes every prediction with every true value: predictions has "
                "shape ({n}, 1) and y_test ({n},), so their difference "
                "broadcasts to ({n}, {n}). Take predictions[:, 0] first."
            ),
            when=_gave(lambda p, y: np.mean(np.abs(p[:, None] - y))),
        ),
        Mistake(
            N_(
                "{value:.3f} is the mean error, where positive and negative errors cancel out. "
                "Take the absolute value of each error (np.abs) before the mean."
            ),
            when=_gave(lambda p, y: np.mean(p - y), lambda p, y: np.mean(y - p)),
        ),
        Mistake(
            N_(
                "{value:.3f} comes from the *squared* errors. "
                "The mean absolute error averages np.abs(error) instead."
            ),
            when=_gave(
                lambda p, y: np.mean((p - y) ** 2), lambda p, y: np.sqrt(np.mean((p - y) ** 2))
            ),
        ),
        Mistake(
            N_(
                "{value:.3f} is the sum of the absolute errors; divide by the number of cars, "
                "or use np.mean instead of np.sum."
            ),
            when=_gave(lambda p, y: np.sum(np.abs(p - y))),
        ),
    ],
    otherwise=Mistake(
        N_(
            "you got {value:.3f}; the mean absolute error of these predictions is not that. "
            "Average np.abs(predictions[:, 0] - y_test)."
        ),
        when=lambda my_mae, predicted, true: {"value": my_mae},
    ),
    hint=N_(
        "predictions has shape (n, 1): take column 0 so it lines up with y_test, "
        "subtract, np.abs, then np.mean."
    ),
    solution="my_mae = np.mean(np.abs(deep_predictions[:, 0] - y_test))",
    success=N_("the same number evaluate() reports as mean_absolute_error."),
)
