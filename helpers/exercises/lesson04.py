"""Exercises for notebook 04: gradients and optimizers.

Exercise 1 (a model compiled with an optimizer object) has no one right value,
only known ways to be wrong: it is a ValueExercise declared with its rules
alone, in the order they are checked. Exercise 2 is a Prediction,
predict-then-run: what a learning rate ten times bigger does to the loss,
judged against the learner's own run. They use public Keras APIs only:
``model.optimizer`` and its ``learning_rate``, ``model.get_compile_config()``.
"""

from __future__ import annotations

import numpy as np

from helpers.exercises import NotAnswered, WrongAnswer, as_model
from helpers.exercises.lesson03 import CATEGORICAL, SPARSE, loss_name, wrong_loss
from helpers.exercises.types import Arg, Mistake, ValueExercise
from helpers.exercises.words import Prediction, Words
from helpers.i18n import N_, _

# ------------------------------------------------------------ exercise 1 ---

WANTED_LEARNING_RATE = 0.01


def _compiled(model_q1, name: str):
    """``model_q1`` once it is a compiled Keras model."""
    as_model(model_q1, name)
    if getattr(model_q1, "optimizer", None) is None:
        raise NotAnswered(_("model_q1 is not compiled yet: call model_q1.compile(...) above."))
    return model_q1


def _not_adam(model) -> dict | bool:
    import keras

    optimizer = model.optimizer
    return not isinstance(optimizer, keras.optimizers.Adam) and {
        "optimizer": type(optimizer).__name__
    }


def _rate_near(rate: float, near: bool):
    """A Mistake test: the learning rate is (``near``) or is not near ``rate``; fills {rate}."""

    def test(model) -> dict | bool:
        learning_rate = float(model.optimizer.learning_rate)
        return bool(np.isclose(learning_rate, rate, rtol=1e-3)) == near and {"rate": learning_rate}

    return test


def _compiled_loss(model) -> str:
    return loss_name(model.loss) if model.loss is not None else "no loss"


#: Metrics that give the accuracy for integer labels and probabilities.
SPARSE_ACCURACY = {"accuracy", "acc", "sparse_categorical_accuracy", "SparseCategoricalAccuracy"}


def _metric_names(metrics) -> list[str]:
    """Names of compiled metrics: a string as given, else the class or function name."""
    names = []
    for metric in metrics if isinstance(metrics, list | tuple) else [metrics]:
        if isinstance(metric, dict):
            function = metric.get("class_name") == "function"
            metric = metric.get("config") if function else metric.get("class_name")
        names.append(str(metric))
    return names


def _no_accuracy(found=lambda names: True):
    """A Mistake test: no compiled metric gives the accuracy, and ``found(names)`` holds."""

    def test(model) -> bool:
        names = _metric_names(model.get_compile_config().get("metrics"))
        return not any(name in SPARSE_ACCURACY for name in names) and found(names)

    return test


#: What the compiled model_q1 must not have, in the order checked.
COMPILE_RULES = [
    Mistake(N_("the optimizer is {optimizer}; the exercise asks for Adam."), when=_not_adam),
    Mistake(
        N_(
            "the learning rate is {rate:g}, not 0.01. The string 'adam' always means the "
            "default 0.001: pass keras.optimizers.Adam(learning_rate=0.01) instead."
        ),
        when=_rate_near(0.001, near=True),
    ),
    Mistake(
        N_("the learning rate is {rate:g}, not 0.01."),
        when=_rate_near(WANTED_LEARNING_RATE, near=False),
    ),
    Mistake(
        N_(
            "the loss is {loss!r}, which needs one-hot labels; iris labels here are "
            "integers 0, 1, 2: use 'sparse_categorical_crossentropy'."
        ),
        when=wrong_loss(_compiled_loss, lambda loss: loss in CATEGORICAL),
    ),
    Mistake(
        N_(
            "the loss is {loss!r}; three classes with integer labels need "
            "'sparse_categorical_crossentropy'."
        ),
        when=wrong_loss(_compiled_loss, lambda loss: loss not in SPARSE),
    ),
    Mistake(
        N_(
            "categorical accuracy expects one-hot labels; these labels are integers: "
            "use metrics=['accuracy']."
        ),
        when=_no_accuracy(lambda names: any("ategorical" in name for name in names)),
    ),
    Mistake(
        N_(
            "binary accuracy is for one yes/no output; here are 3 classes: "
            "use metrics=['accuracy']."
        ),
        when=_no_accuracy(lambda names: any("inary" in name for name in names)),
    ),
    Mistake(
        N_(
            "keras.metrics.Accuracy() counts predictions exactly equal to the labels, never "
            "true for probabilities: use metrics=['accuracy']."
        ),
        when=_no_accuracy(lambda names: "Accuracy" in names),
    ),
    Mistake(
        N_("add metrics=['accuracy'] so that fit reports the accuracy too."),
        when=_no_accuracy(),
    ),
]


q1 = ValueExercise(
    answer=Arg("model_q1", read=_compiled),
    rules=COMPILE_RULES,
    hint=N_(
        "A string such as 'adam' cannot carry a learning rate: pass "
        "keras.optimizers.Adam(learning_rate=...). The labels are integers."
    ),
    solution="""
        model_q1.compile(
            optimizer=keras.optimizers.Adam(learning_rate=0.01),
            loss="sparse_categorical_crossentropy",
            metrics=["accuracy"],
        )
    """,
    success=N_("Adam at 0.01, the sparse loss for integer labels, and accuracy to watch."),
)


# ------------------------------------------------------------ exercise 2 ---


def _losses(losses, name: str) -> np.ndarray:
    """The losses the learner's run recorded, start first: at least two numbers."""
    try:
        values = np.asarray(losses, dtype=float)
    except (TypeError, ValueError):
        values = np.zeros((0,))
    if values.ndim != 1 or values.size < 2:
        raise WrongAnswer(
            _(
                "{name} should be the list of losses the cell above records, from the start to "
                "the last step; run that cell again (you gave a {kind})."
            ).format(name=name, kind=type(losses).__name__)
        )
    return values


def _trend(losses: np.ndarray) -> tuple[str, dict]:
    """'down' when the run ended below where it started; a loss grown to nan went 'up'."""
    first, last = losses[0], losses[-1]
    return ("down" if last < first else "up"), {"first": first, "last": last}


q2 = Prediction(
    answer="prediction",
    inputs=[Arg("losses_q2", read=_losses)],
    outcomes=Words(
        {
            "down": (
                "decrease",
                "lower",
                "fall",
                "drop",
                "shrink",
                "smaller",
                "converge",
                "내려",
                "감소",
                "줄",
                "낮아",
                "작아",
                "수렴",
            ),
            "up": (
                "increase",
                "higher",
                "rise",
                "grow",
                "larger",
                "bigger",
                "diverge",
                "explode",
                "올라",
                "증가",
                "커",
                "높아",
                "발산",
            ),
        }
    ),
    observe=_trend,
    happened={
        "down": N_("the loss went down from {first:.1f} to {last:.3g}."),
        "up": N_("the loss went up from {first:.1f} to {last:.3g}."),
    },
    why={
        ("down", "up"): N_(
            "A step is the learning rate times the gradient: ten times bigger steps jump across "
            "the valley and land higher on the other wall each time, as 1.05 did on the toy "
            "loss. A larger learning rate is not a faster one past that point."
        ),
        ("up", "down"): N_(
            "This learning rate is still small enough for this loss: every step lands lower "
            "than the one before."
        ),
    },
    hint=N_(
        "Look back at the learning-rate section: which rates jumped across the valley? Each "
        "step is the learning rate times the gradient, and this loss is steep."
    ),
    solution=N_(
        'prediction = "up"  # ten times bigger steps land higher on the other wall each time'
    ),
    success=N_("past a point, a bigger step overshoots the minimum instead of reaching it sooner."),
)
