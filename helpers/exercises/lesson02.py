"""Exercises for notebook 02: activations and XOR.

Exercise 1 is a prediction: does the hand-set XOR network still solve XOR once
its hidden layer has no activation? The check reads the answer from the
learner's own run of that network.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from helpers.data import make_xor
from helpers.exercises import WrongAnswer, as_model
from helpers.exercises.types import Arg
from helpers.exercises.words import Prediction, Words
from helpers.i18n import N_, _

# Exercise 1: the hand-set XOR network of the lesson, its hidden layer without activation.
YES_NO = Words(
    {
        "yes": ("yes", "y", "true", "예", "네", "맞힌다", "맞힙니다"),
        "no": ("no", "n", "false", "아니요", "아니오", "아니", "못맞힌다", "못맞힙니다"),
    },
    whole=True,
)


def _yes_or_no(value: Any, name: str) -> Any:
    """``True``/``False`` read as "yes"/"no"; any other value as it is."""
    return ("yes" if value else "no") if isinstance(value, bool | np.bool_) else value


def _corners_right(network: Any) -> tuple[str, dict]:
    """How many of XOR's four corners ``network`` answers right (probability above 0.5)."""
    x_xor, y_xor = make_xor()
    try:
        probabilities = np.asarray(network(x_xor), dtype=float).ravel()
    except Exception as error:  # a network that cannot read XOR's two inputs
        raise WrongAnswer(
            _(
                "no_activation could not answer XOR's four corners ({error}): run the cell "
                "as it was, with keras.Input(shape=(2,))."
            ).format(error=type(error).__name__)
        ) from None
    if probabilities.shape != (4,) or not np.isfinite(probabilities).all():
        raise WrongAnswer(
            _(
                "no_activation should give one probability per corner, 4 in all; it gave "
                "{count} numbers: run the cell as it was."
            ).format(count=probabilities.size)
        )
    answers = (probabilities > 0.5).astype(int)
    right = int((answers == y_xor).sum())
    return ("yes" if right == 4 else "no"), {"right": right, "answers": answers.tolist()}


q1 = Prediction(
    answer=Arg("prediction", read=_yes_or_no),
    inputs=[Arg("no_activation", read=as_model)],
    outcomes=YES_NO,
    observe=_corners_right,
    happened={
        "yes": N_("this network answers {answers}: all 4 corners right."),
        "no": N_(
            "this network answers {answers} where XOR is [0, 1, 1, 0]: {right} of the "
            "4 corners right."
        ),
    },
    why={
        ("yes", "no"): N_(
            "Without an activation the hidden layer passes on weighted sums, and a weighted "
            "sum of weighted sums is one weighted sum: the network draws one straight line "
            "again, like a single perceptron, and no line gets all four corners."
        ),
        ("no", "yes"): N_(
            "This is not the network the cell builds: keep Dense(2) without activation and "
            "the weights of xor_net, then run it again."
        ),
    },
    hint=N_(
        "Without an activation, what does a layer of weighted sums followed by another "
        "weighted sum compute? Compare with what one perceptron can do on XOR."
    ),
    solution=N_(
        'prediction = "no"  # without relu the two layers are one weighted sum: one straight line'
    ),
    success=N_("a network without activations is one weighted sum, and one line cannot do XOR."),
)
