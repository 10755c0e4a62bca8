"""Notebook 00's exercises: each solution passes, typical wrong answers are explained."""

import keras
import numpy as np
import pytest
from exercise_support import solve

from helpers.exercises import lesson00

IMAGES = np.random.default_rng(0).integers(0, 256, size=(50, 28, 28), dtype=np.uint8)
LABELS = np.arange(50) % 10


def test_q1_solution_passes():
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
def test_q1_explains_wrong_answers(answer, message):
    result = lesson00.q1.evaluate(answer)
    assert not result.ok and message in result.message


def test_q2_solution_passes():
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
def test_q2_explains_wrong_answers(answer, message):
    result = lesson00.q2.evaluate(answer)
    assert not result.ok and message in result.message
