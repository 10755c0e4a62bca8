"""Exercises for notebook 07: regression.

Exercise 1 is a choice with its reason (which output layer and loss for a price),
a :class:`~helpers.exercises.words.Choice`. Exercise 2 is predict-then-run, a
:class:`~helpers.exercises.words.Prediction`: the learner predicts what the linear
model's loss does on raw, unnormalised inputs, and the cell that checks it trains it
and compares. Exercise 3 is a number compared with the mean absolute error of the
learner's own predictions, the usual wrong computations of it declared as known
mistakes.
"""

from __future__ import annotations

import numpy as np

from helpers import checks
from helpers.exercises import WrongAnswer, as_number
from helpers.exercises.types import Arg, Mistake, ValueExercise
from helpers.exercises.words import Choice, Prediction, Words
from helpers.i18n import N_, _

#: Ideas a reason for B (Dense(1), mean squared error) names: any one will do.
WHY_REGRESSION = Words(
    {
        "free output": (
            "any value", "any number", "any price", "no activation", "without activation",
            "unbounded", "not bounded", "not limited", "no limit", "unlimited", "weighted sum",
            "linear", "0 and 1", "0 to 1", "one number", "a number", "not a class", "continuous",
            "활성화", "제한", "어떤 값", "어떤 숫자", "가중합", "범위", "연속", "숫자 하나",
            "하나의 숫자", "클래스가 아", "0과 1",
        ),
        "distance": (
            "squared", "square", "distance", "how far", "far off", "size of the error",
            "mse", "제곱", "거리", "얼마나", "차이",
        ),
    }
)  # fmt: skip

q1 = Choice(
    answer="choice",
    options=["A", "B", "C"],
    right="B",
    mistakes={
        "A": N_(
            "A's sigmoid can only say 0 to 1, as the common mistake above showed (its error "
            "stayed near the average MPG), and binary cross-entropy compares a probability with "
            "a 0/1 label. A price needs the plain weighted sum."
        ),
        "C": N_(
            "C gives ten probabilities, one per class, and sparse categorical cross-entropy "
            "wants a class number as the label. A price is one number, not one of ten classes."
        ),
    },
    because=WHY_REGRESSION,
    because_missing=N_(
        "write in reason, in a few words, why: what can B's output say that A's and C's "
        "cannot, or what does its loss measure?"
    ),
    hint=N_(
        "Which of the three outputs can say 12,500? And which loss measures how far a "
        "predicted number is from the true one?"
    ),
    solution=N_(
        'choice = "B"  # the squared error grows with how far off the predicted price is\n'
        'reason = "no activation"  # so the output can be any number: a price of 12,500 too'
    ),
    success=N_(
        "one unit with no activation can say any number, and the mean squared error grows "
        "with how far each prediction is off."
    ),
)


def _losses(history, name: str) -> list[float]:
    """The training loss per epoch of a History (or its dict); refused otherwise."""
    try:
        losses = checks.history(name, history).get("loss", [])
    except (TypeError, ValueError):
        losses = []
    if not losses:
        raise WrongAnswer(
            _(
                "the check needs the History of the run: run the cell that checks it as it was "
                "given, with raw_history."
            )
        )
    return losses


#: Said after the last loss when the run overflowed (translated when shown).
OVERFLOW = N_(" (inf and nan: numbers too big to store, then not a number at all)")


def _loss_went(losses: list[float]) -> tuple[str, dict]:
    """What the loss did over the run: 'explodes', 'falls' or 'stays', and its values."""
    first, last = losses[0], losses[-1]
    said = {"first": f"{first:.3g}", "last": f"{last:.3g}", "epochs": len(losses), "overflow": ""}
    if not np.isfinite(losses).all():
        return "explodes", {**said, "overflow": _(OVERFLOW)}
    if last > first:
        return "explodes", said
    return ("falls" if last < 0.5 * first else "stays"), said


#: Why an SGD step that suits normalised inputs fails on raw ones.
TOO_BIG_A_STEP = N_(
    "Without normalisation the weight column is around 3,000, and a gradient step grows with "
    "the inputs: the learning rate that suits inputs of mean 0 and standard deviation 1 "
    "overshoots further at every step. That is why the lesson normalises first."
)

#: What a loss can do over a run, in the words of both languages.
LOSS_OUTCOMES = Words(
    {
        "falls": (
            "fall", "down", "decrease", "drop", "shrink", "converge",
            "내려", "감소", "줄어", "떨어", "낮아", "수렴",
        ),
        "stays": (
            "stay", "flat", "stuck", "plateau", "unchanged", "no change",
            "제자리", "변하지", "변화 없", "평평", "머물", "멈추", "멈춰", "멈춥",
        ),
        "explodes": (
            "explode", "blow", "nan", "inf", "diverge", "rise", "grow", "increase", "up",
            "발산", "폭발", "터지", "터집", "터져", "무한", "커", "늘어", "올라", "증가",
        ),
    }
)  # fmt: skip

q2 = Prediction(
    answer="prediction",
    inputs=[Arg("raw_history", read=_losses)],
    outcomes=LOSS_OUTCOMES,
    observe=_loss_went,
    happened={
        "falls": N_("the training loss fell from {first} to {last} in {epochs} epochs."),
        "stays": N_(
            "the training loss went from {first} to {last} in {epochs} epochs: hardly lower."
        ),
        "explodes": N_(
            "the training loss ended at {last} after {epochs} epochs{overflow}: the steps made "
            "it worse, not better."
        ),
    },
    why={("falls", "explodes"): TOO_BIG_A_STEP, ("stays", "explodes"): TOO_BIG_A_STEP},
    hint=N_(
        "Compare the scales of the raw columns, printed before normalising, with the "
        "normalised ones: an SGD step grows with the inputs it sees."
    ),
    solution=N_('prediction = "explodes"  # the raw weight column makes every step far too big'),
    success=N_("on raw inputs of thousands, the step that suits normalised inputs is far too big."),
)

#: How close my_mae must be to a computation to be taken for it.
TOLERANCE = {"rtol": 1e-4, "atol": 1e-8}
#: What the check needs to be called with, when predictions or y_test are not that.
COPY_THE_CHECK_CELL = N_(
    "the check needs the model's predictions and the true values: run the cell that checks "
    "it as it was given, with deep_predictions and y_test."
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
