"""Exercises for notebook 12: the notation appendix.

Exercise 1 is predict-then-run, a :class:`~helpers.exercises.words.Prediction`: the
shape of ``a[:, [0, 2]]``, a list of positions after the comma, compared with what the
learner's own run returned. Exercise 2 is a number worked out with the chain rule, a
:class:`~helpers.exercises.types.ValueExercise`: the slope of ``square(triple(x))`` at
x = 1, with the usual slips (the outer slope taken at x, slopes added, the value instead
of the slope) declared as known mistakes.
"""

from __future__ import annotations

from typing import Any

from helpers.exercises import WrongAnswer, as_array, as_number
from helpers.exercises.types import Arg, Mistake, ValueExercise
from helpers.exercises.words import Prediction, Words, read_shape, shape_text
from helpers.i18n import N_, _

# ------------------------------------------------------------ exercise 1 ---

#: The shapes the exercise offers, and "error"; a prediction names exactly one.
SHAPES = Words(
    {
        "(4, 2)": (),
        "(2, 3)": (),
        "(2, 4)": (),
        "error": ("오류", "에러", "exception", "예외", "fails", "실패"),
    }
)


def _read_run(value: Any, name: str) -> str:
    """The shape of what the run returned; a refusal unless it is one of the offered shapes."""
    try:
        text = shape_text(as_array(value, name).shape)
    except WrongAnswer:
        text = ""
    if text not in SHAPES.names:
        raise WrongAnswer(
            _(
                "{name} should be what a[:, [0, 2]] returns for the table a of the lesson: "
                "run the cell that checks it as it was given."
            ).format(name=name)
        )
    return text


q1 = Prediction(
    answer=Arg("prediction", read=read_shape),
    inputs=[Arg("picked", read=_read_run)],
    outcomes=SHAPES,
    observe=lambda picked: picked,
    happened={
        "(2, 3)": N_("a[:, [0, 2]] returned shape {picked}."),
        "(2, 4)": N_("a[:, [0, 2]] returned shape {picked}."),
        "error": N_("a[:, [0, 2]] returned shape {picked}."),
        "(4, 2)": N_(
            "a[:, [0, 2]] returned shape {picked}: ':' kept all 4 rows, and the list picked "
            "columns 0 and 2 of each."
        ),
    },
    why={
        ("(2, 3)", "(4, 2)"): N_(
            "(2, 3) is what a[[0, 2]] gives: two rows. Here the list comes after the comma, so "
            "it picks along the second axis, the columns, while ':' keeps every row."
        ),
        ("(2, 4)", "(4, 2)"): N_(
            "':' keeps all 4 rows on the first axis; the list picks 2 positions along the "
            "second axis, so that axis has length 2."
        ),
        ("error", "(4, 2)"): N_(
            "A list of positions works on any axis: before the comma it picks rows, after "
            "it, columns."
        ),
    },
    hint=N_(
        "Read the index axis by axis: ':' before the comma keeps all 4 rows; [0, 2] after it "
        "picks two positions along the second axis. A list keeps its axis, with one entry "
        "per position."
    ),
    solution='prediction = "(4, 2)"',
    success=N_(
        "':' keeps every row and a list of positions keeps its axis, one entry per position."
    ),
)

# ------------------------------------------------------------ exercise 2 ---

TOLERANCE = 0.01  # a slope measured with slope() is 18 to about nine digits


def _gave(*values: float):
    """A mistake's test: the answer is one of ``values``, within the exercise's tolerance."""
    return lambda answer: any(abs(answer - value) < TOLERANCE for value in values)


q2 = ValueExercise(
    answer=Arg("chain_slope", read=as_number),
    expected=18.0,
    atol=TOLERANCE,
    mistakes=[
        Mistake(
            N_(
                "{chain_slope:g} is only part of it. The square receives triple(1) = 3, so its "
                "slope there is 2 x 3 = 6; the chain rule multiplies that by triple's slope, 3."
            ),
            when=_gave(6),
        ),
        Mistake(
            N_(
                "{chain_slope:g} adds slopes; along a chain they multiply. And take the "
                "square's slope at the value it receives, triple(1) = 3, not at x = 1."
            ),
            when=_gave(5),
        ),
        Mistake(
            N_(
                "{chain_slope:g} is the chain's value at x = 1, (3 x 1)² = 9, or the sum of "
                "the slopes 3 and 6. The slope of the chain is the product of its steps' slopes."
            ),
            when=_gave(9),
        ),
        Mistake(
            N_(
                "{chain_slope:g} is the slope of one step only. The chain rule multiplies the "
                "slopes of both: triple's, and the square's where triple's output lands."
            ),
            when=_gave(2, 3),
        ),
    ],
    otherwise=N_(
        "{chain_slope:g} is not the slope of square(triple(x)) at x = 1. Multiply the slopes "
        "of the two steps, each taken at its own input, or measure the whole chain with slope()."
    ),
    hint=N_(
        "Step 1, triple, multiplies a small change by 3. Step 2, the square, multiplies it by "
        "its slope 2 x y, taken at the y it receives: triple(1) = 3. Multiply the two slopes."
    ),
    solution=N_("chain_slope = 18  # 3 (triple's slope) x 6 (the square's slope at triple(1) = 3)"),
    success=N_(
        "3 x 6 = 18: each step's slope, taken at its own input, multiplied along the chain."
    ),
)
