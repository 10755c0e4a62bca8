"""The exercise machinery and notebook 00's exercises."""

import keras
import numpy as np
import pytest
from exercise_support import solve

from helpers.exercises import Exercise, NotAnswered, WrongAnswer, lesson00


def _needs_two(x):
    if x == "skip":
        raise NotAnswered("fill in x.")
    if x != 2:
        raise WrongAnswer(f"you gave {x}; the answer is an even prime.")


EXAMPLE = Exercise(check=_needs_two, hint="Think small.", solution="x = 2", success="Yes.")


def test_check_prints_correct_wrong_and_unanswered(capsys):
    EXAMPLE.check(2)
    EXAMPLE.check(3)
    EXAMPLE.check(None)
    EXAMPLE.check("skip")
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "✅ Correct! Yes.",
        "❌ Not yet: you gave 3; the answer is an even prime.",
        "✏️ Not answered yet: replace None with your answer, run that cell, then check again.",
        "✏️ Not answered yet: fill in x.",
    ]


def test_hint_and_solution(capsys):
    EXAMPLE.hint()
    EXAMPLE.solution()
    assert capsys.readouterr().out == "💡 Hint: Think small.\nSolution:\n    x = 2\n"


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"check": "not a function"}, TypeError, "check must be a function; got str"),
        ({"hint": ""}, ValueError, "hint must be a non-empty string"),
        ({"solution": None}, ValueError, "solution must be a non-empty string"),
    ],
)
def test_exercise_rejects_bad_definitions(kwargs, error, message):
    with pytest.raises(error, match=message):
        Exercise(**{"check": _needs_two, "hint": "h", "solution": "s", **kwargs})


IMAGES = np.random.default_rng(0).integers(0, 256, size=(50, 28, 28), dtype=np.uint8)
LABELS = np.arange(50) % 10


def test_lesson00_q1_solution_passes():
    x_flat = solve(lesson00.q1, images=IMAGES)["x_flat"]
    assert lesson00.q1.evaluate(x_flat).ok


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (IMAGES / 255, "rank 3"),
        (IMAGES.reshape(50, 28 * 28), "dtype uint8"),
        (IMAGES.reshape(50, 28 * 28).astype("float32"), "divide by 255"),
        (IMAGES.reshape(50, 28 * 28).astype("float32") / 255 / 255, "divide twice"),
        (IMAGES.reshape(100, 392) / 255, "784"),
        ([1, 2, 3], "NumPy array; you gave a list"),
    ],
)
def test_lesson00_q1_explains_wrong_answers(answer, message):
    result = lesson00.q1.evaluate(answer)
    assert not result.ok and message in result.message


def test_lesson00_q2_solution_passes():
    y_one_hot = solve(lesson00.q2, labels=LABELS)["y_one_hot"]
    assert lesson00.q2.evaluate(y_one_hot).ok


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (LABELS, "matrix (samples, classes)"),
        (keras.utils.to_categorical(LABELS % 3), "3 columns"),
        (np.ones((50, 10)), "exactly one 1"),
    ],
)
def test_lesson00_q2_explains_wrong_answers(answer, message):
    result = lesson00.q2.evaluate(answer)
    assert not result.ok and message in result.message
