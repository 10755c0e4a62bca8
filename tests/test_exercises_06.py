"""Notebook 06's exercises: solutions pass, typical mistakes get a useful message."""

import keras
import numpy as np
import pytest
from exercise_support import solve

from helpers.data import IRIS_CLASSES
from helpers.exercises import lesson06

X_TEST = np.random.default_rng(0).normal(size=(12, 4)).astype("float32")


@pytest.fixture(scope="module")
def iris_model():
    keras.utils.set_random_seed(0)
    return keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3, activation="softmax")])


def expected_names(model):
    return [IRIS_CLASSES[i] for i in model.predict(X_TEST, verbose=0).argmax(axis=1)]


# ---------------------------------------------------------------- q1 ---


def test_q1_solution_passes(iris_model):
    names = solve(lesson06.q1, IRIS_CLASSES=IRIS_CLASSES, sparse_model=iris_model, x_test=X_TEST)[
        "predicted_species"
    ]
    assert lesson06.q1.evaluate(names, iris_model, X_TEST).ok


def test_q1_explains_wrong_answers(iris_model):
    probabilities = iris_model.predict(X_TEST, verbose=0)
    names = expected_names(iris_model)
    cases = [
        ("setosa", "you gave one name"),
        (["setosa", "versicolor", "setosa"], "argmax(axis=0)"),
        (list(probabilities.argmax(axis=1)), "not species names"),
        (names[:-1] + [next(n for n in IRIS_CLASSES if n != names[-1])], "flower 11 should be"),
        (42, "should be a list of names"),
    ]
    for answer, message in cases:
        result = lesson06.q1.evaluate(answer, iris_model, X_TEST)
        assert not result.ok and message in result.message, (answer, result.message)


def test_q1_unanswered(iris_model):
    assert not lesson06.q1.evaluate(None, iris_model, X_TEST).answered


# ---------------------------------------------------------------- q2 ---


def test_q2_solution_passes():
    assert lesson06.q2.evaluate(solve(lesson06.q2, IRIS_CLASSES=IRIS_CLASSES)["my_digit_model"]).ok


def _digit_model(*layers, shape=(784,)):
    return keras.Sequential([keras.Input(shape=shape), *layers])


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: _digit_model(keras.layers.Dense(10, activation="softmax")), "no hidden layer"),
        (
            lambda: _digit_model(keras.layers.Dense(32, activation="relu"), keras.layers.Dense(10)),
            'activation="softmax"',
        ),
        (
            lambda: _digit_model(
                keras.layers.Dense(32, activation="relu"),
                keras.layers.Dense(1, activation="sigmoid"),
            ),
            "needs 10 units",
        ),
        (
            lambda: _digit_model(
                keras.layers.Dense(32, activation="sigmoid"),
                keras.layers.Dense(10, activation="softmax"),
            ),
            "do not use relu",
        ),
        (
            lambda: _digit_model(
                keras.layers.Dense(32, activation="relu"),
                keras.layers.Dense(10, activation="softmax"),
                shape=(28, 28),
            ),
            "shape (3, 784)",
        ),
        (lambda: keras.layers.Dense(10, activation="softmax"), "should be a Keras model"),
    ],
)
def test_q2_explains_wrong_answers(build, message):
    result = lesson06.q2.evaluate(build())
    assert not result.ok and message in result.message, result.message


# ---------------------------------------------------------------- q3 ---

# Digit 2 has the fewest correct (8 of 10); digit 1 the smallest share (9 of 12);
# digit 0 the smallest share by column (predicted 13 times, 9 right).
MATRIX = np.array([[9, 1, 0], [3, 9, 0], [1, 0, 8]])


def test_q3_solution_passes():
    worst_digit = solve(lesson06.q3, IRIS_CLASSES=IRIS_CLASSES, matrix=MATRIX)["worst_digit"]
    assert worst_digit == 1
    assert lesson06.q3.evaluate(worst_digit, MATRIX).ok
    assert lesson06.q3.evaluate(np.int64(1), MATRIX).ok


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (0, "column sums"),
        (2, "compare shares"),
        (7, "whole number 0-9"),
        (1.5, "whole number 0-9"),
        ("one", "whole number 0-9"),
        (np.array([1, 2]), "single digit"),
    ],
)
def test_q3_explains_wrong_answers(answer, message):
    result = lesson06.q3.evaluate(answer, MATRIX)
    assert not result.ok and message in result.message, result.message
