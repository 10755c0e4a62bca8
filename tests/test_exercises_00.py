"""Notebook 00's exercises: each solution passes, typical wrong answers are explained."""

import keras
import numpy as np
import pytest
from exercise_support import (
    ANY_ANSWER,
    UNEXPECTED,
    evaluate_anything,
    korean_refusal,
    korean_success,
    solve,
)
from hypothesis import given, settings

from helpers.data import load_mnist_subset
from helpers.exercises import lesson00

IMAGES = np.random.default_rng(0).integers(0, 256, size=(50, 28, 28), dtype=np.uint8)
LABELS = np.arange(50) % 10
X_FLAT = IMAGES.reshape(50, 784).astype("float32") / 255


def test_q1_solution_passes_with_and_without_images():
    x_flat = solve(lesson00.q1, images=IMAGES)["x_flat"]
    assert lesson00.q1.evaluate(x_flat, IMAGES).ok
    images = load_mnist_subset()[0]  # what notebook 00 loads: the default
    assert lesson00.q1.evaluate(solve(lesson00.q1, images=images)["x_flat"]).ok


def test_q1_accepts_other_ways_to_write_it():
    assert lesson00.q1.evaluate((IMAGES / 255).reshape(-1, 784).astype("float32"), IMAGES).ok
    assert lesson00.q1.evaluate(keras.ops.reshape(IMAGES, (50, -1)) / 255, IMAGES).ok


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (IMAGES / 255, "rank 3"),
        (IMAGES.reshape(50, 28 * 28), "dtype uint8"),
        (IMAGES.reshape(50, 28 * 28) / 255, "dtype float64; the exercise asks for float32"),
        (IMAGES.reshape(50, 28 * 28).astype("float32"), "divide by 255"),
        (X_FLAT / 255, "divide twice"),
        (IMAGES.reshape(100, 392) / 255, "784"),
        (X_FLAT[:10], "x_flat has 10 rows, but there are 50 images"),
        ([1, 2, 3], "NumPy array; you gave a list"),
        (np.full((50, 784), np.nan, "float32"), "NaN or infinity"),
        (X_FLAT[::-1], "values are not those of images divided by 255"),
        (
            IMAGES.transpose(0, 2, 1).reshape(50, 784).astype("float32") / 255,
            "the pixels are in another order",
        ),
    ],
)
def test_q1_explains_wrong_answers(answer, message):
    result = lesson00.q1.evaluate(answer, IMAGES)
    assert not result.ok and message in result.message, result.message


def test_q1_compares_with_the_bundled_images_by_default():
    result = lesson00.q1.evaluate(np.full((5000, 784), np.nan, "float32"))
    assert not result.ok and "NaN" in result.message
    result = lesson00.q1.evaluate(np.full((5000, 784), 0.75, "float32"))
    assert not result.ok and "not those of images" in result.message


def test_q2_solution_passes_with_and_without_labels():
    y_one_hot = solve(lesson00.q2, labels=LABELS)["y_one_hot"]
    assert lesson00.q2.evaluate(y_one_hot, LABELS).ok
    labels = load_mnist_subset()[1]
    assert lesson00.q2.evaluate(solve(lesson00.q2, labels=labels)["y_one_hot"]).ok


def test_q2_accepts_other_ways_to_write_it():
    assert lesson00.q2.evaluate(np.eye(10, dtype=int)[LABELS], LABELS).ok
    assert lesson00.q2.evaluate(keras.utils.to_categorical(LABELS), LABELS.reshape(-1, 1)).ok


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (LABELS, "matrix (samples, classes)"),
        (keras.utils.to_categorical(LABELS % 3), "3 columns"),
        (np.ones((50, 10)), "exactly one 1"),
        (np.eye(10), "y_one_hot has 10 rows, but there are 50 labels"),
        (keras.utils.to_categorical(np.sort(LABELS)), "row 1 has its 1 in column 0"),
        (keras.utils.to_categorical(LABELS[::-1]), "do not match their label"),
    ],
)
def test_q2_explains_wrong_answers(answer, message):
    result = lesson00.q2.evaluate(answer, LABELS)
    assert not result.ok and message in result.message, result.message


def test_q2_compares_with_the_bundled_labels_by_default():
    result = lesson00.q2.evaluate(np.eye(10))
    assert not result.ok and "but there are 5000 labels" in result.message


@settings(max_examples=40, deadline=None)
@given(ANY_ANSWER)
def test_any_single_answer_gets_a_proper_message(answer):
    for exercise, data in ((lesson00.q1, IMAGES), (lesson00.q2, LABELS)):
        result = evaluate_anything(exercise, (answer, data))
        assert UNEXPECTED not in result.message, result.message


# ------------------------------------------------------------- in Korean ---


def test_korean_feedback():
    korean_success(lesson00.q1, X_FLAT, IMAGES)
    korean_refusal(lesson00.q1, IMAGES.reshape(50, 784), IMAGES)  # uint8, not divided
    korean_refusal(lesson00.q1, IMAGES.reshape(50, 784).astype("float32"), IMAGES)  # not divided
    korean_refusal(lesson00.q1, X_FLAT / 255, IMAGES)  # divided twice
    korean_success(lesson00.q2, keras.utils.to_categorical(LABELS, num_classes=10), LABELS)
    korean_refusal(lesson00.q2, LABELS, LABELS)
    korean_refusal(lesson00.q2, keras.utils.to_categorical(LABELS[::-1], num_classes=10), LABELS)
