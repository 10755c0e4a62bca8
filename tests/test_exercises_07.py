"""Notebook 07's exercises: solutions pass, typical mistakes get a useful message."""

import keras
import numpy as np
import pytest
from exercise_support import solve

from helpers.exercises import lesson07

RNG = np.random.default_rng(0)
X_TRAIN = (RNG.normal(size=(40, 9)) * [1, 100, 40, 800, 3, 4, 1, 1, 1] + 50).astype("float32")
X_OTHER = (RNG.normal(size=(40, 9)) * 3 + 60).astype("float32")
Y_TEST = RNG.uniform(10, 45, size=30).astype("float32")
PREDICTIONS = (Y_TEST + RNG.normal(size=30) * 2).astype("float32")[:, None]  # shape (30, 1)


# ---------------------------------------------------------------- q1 ---


def test_q1_solution_passes():
    assert lesson07.q1.evaluate(solve(lesson07.q1)["regression_output"]).ok
    assert lesson07.q1.evaluate(keras.layers.Dense(1, activation=None)).ok


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (keras.layers.Dense(1, activation="sigmoid"), "between 0 and 1"),
        (keras.layers.Dense(1, activation="relu"), "stuck at 0"),
        (keras.layers.Dense(1, activation="softmax"), "always says 1"),
        (keras.layers.Dense(10), "10 units"),
        (keras.Sequential([keras.layers.Dense(1)]), "a whole model"),
        (keras.layers.Normalization(), "should be a Dense layer"),
    ],
)
def test_q1_explains_wrong_answers(answer, message):
    result = lesson07.q1.evaluate(answer)
    assert not result.ok and message in result.message, result.message


# ---------------------------------------------------------------- q2 ---


def test_q2_solution_passes():
    my_normalizer = solve(lesson07.q2, x_train=X_TRAIN)["my_normalizer"]
    assert lesson07.q2.evaluate(my_normalizer, X_TRAIN).ok


def test_q2_explains_wrong_answers():
    unadapted = keras.layers.Normalization()
    result = lesson07.q2.evaluate(unadapted, X_TRAIN)
    assert not result.ok and "adapt(x_train)" in result.message, result.message

    on_other_data = keras.layers.Normalization()
    on_other_data.adapt(X_OTHER)
    result = lesson07.q2.evaluate(on_other_data, X_TRAIN)
    assert not result.ok and "Adapt it on x_train only" in result.message, result.message

    on_everything = keras.layers.Normalization()
    on_everything.adapt(np.concatenate([X_TRAIN, X_TRAIN[:10] * 1.5]))
    result = lesson07.q2.evaluate(on_everything, X_TRAIN)
    assert not result.ok and "Adapt it on x_train only" in result.message, result.message

    result = lesson07.q2.evaluate(keras.layers.Dense(9), X_TRAIN)
    assert not result.ok and "Normalization layer" in result.message, result.message


# ---------------------------------------------------------------- q3 ---


def test_q3_solution_passes():
    my_mae = solve(lesson07.q3, deep_predictions=PREDICTIONS, y_test=Y_TEST)["my_mae"]
    assert lesson07.q3.evaluate(my_mae, PREDICTIONS, Y_TEST).ok
    assert lesson07.q3.evaluate(float(my_mae), PREDICTIONS, Y_TEST).ok


@pytest.mark.parametrize(
    ("compute", "message"),
    [
        (lambda p, y: np.mean(np.abs(p - y)), "broadcasts to (30, 30)"),
        (lambda p, y: np.mean(p[:, 0] - y), "mean error"),
        (lambda p, y: np.mean((p[:, 0] - y) ** 2), "mean *squared* error"),
        (lambda p, y: np.abs(p[:, 0] - y), "one number"),
        (lambda p, y: np.median(np.abs(p[:, 0] - y)), "is not that"),
    ],
)
def test_q3_explains_wrong_answers(compute, message):
    result = lesson07.q3.evaluate(compute(PREDICTIONS, Y_TEST), PREDICTIONS, Y_TEST)
    assert not result.ok and message in result.message, result.message
