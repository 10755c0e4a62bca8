"""Notebook 05's exercises: solutions pass, typical mistakes get a useful message."""

import tempfile

import keras
import numpy as np
import pytest
from exercise_support import solve

from helpers.exercises import lesson05

X_TEST = np.random.default_rng(0).normal(size=(20, 30)).astype("float32")


@pytest.fixture(scope="module")
def model():
    keras.utils.set_random_seed(0)
    small = keras.Sequential(
        [keras.Input(shape=(30,)), keras.layers.Dense(1, activation="sigmoid")]
    )
    small.compile(optimizer="adam", loss="binary_crossentropy")
    small.fit(X_TEST, np.arange(20) % 2, epochs=1, verbose=0)  # builds the optimizer's state
    return small


# ---------------------------------------------------------------- q1 ---


def test_q1_solution_passes():
    to_classes = solve(lesson05.q1)["to_classes"]
    assert lesson05.q1.evaluate(to_classes).ok


def test_q1_accepts_booleans_and_ravel():
    assert lesson05.q1.evaluate(lambda p: p.ravel() > 0.5).ok


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (lambda p: (p > 0.5).astype(int), "broadcasts to an (n, n) table"),
        (lambda p: p[:, 0], "not probabilities"),
        (lambda p: (p[:, 0] < 0.5).astype(int), "above 0.5 means class 1"),
        (lambda p: p.argmax(axis=1), "above 0.5 means class 1"),
        (lambda p: None, "return statement"),
        (lambda p: p[0] > 0.5, "one class per sample"),
        (lambda p: p[:, 1] > 0.5, "raised IndexError"),
        (np.array([0, 1]), "should be a function"),
    ],
)
def test_q1_explains_wrong_answers(answer, message):
    result = lesson05.q1.evaluate(answer)
    assert not result.ok and message in result.message, result.message


# ---------------------------------------------------------------- q2 ---


def test_q2_solution_passes():
    one_sample = solve(lesson05.q2, x_test=X_TEST)["one_sample"]
    assert lesson05.q2.evaluate(one_sample, X_TEST).ok
    assert lesson05.q2.evaluate(X_TEST[9][np.newaxis], X_TEST).ok


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (X_TEST[9], "without the batch axis"),
        (X_TEST[10:11], "row 10 of x_test"),
        (X_TEST[9:11], "a batch of one sample has shape (1, 30)"),
        (X_TEST[9].tolist(), "should be a NumPy array"),
    ],
)
def test_q2_explains_wrong_answers(answer, message):
    result = lesson05.q2.evaluate(answer, X_TEST)
    assert not result.ok and message in result.message, result.message


def test_q2_unanswered():
    result = lesson05.q2.evaluate(None, X_TEST)
    assert not result.ok and not result.answered


# ---------------------------------------------------------------- q3 ---


@pytest.mark.filterwarnings("ignore:__array__ implementation:DeprecationWarning")  # Keras' own
def test_q3_solution_passes(model):
    with tempfile.TemporaryDirectory() as name:
        folder = tempfile.TemporaryDirectory(dir=name)
        reloaded = solve(lesson05.q3, model=model, folder=folder)["reloaded"]
        assert lesson05.q3.evaluate(reloaded, model, X_TEST).ok


def test_q3_explains_wrong_answers(model):
    result = lesson05.q3.evaluate(model, model, X_TEST)
    assert not result.ok and "the very same object" in result.message
    result = lesson05.q3.evaluate("my_model.keras", model, X_TEST)
    assert not result.ok and "load_model" in result.message
    keras.utils.set_random_seed(1)
    other = keras.Sequential(
        [keras.Input(shape=(30,)), keras.layers.Dense(1, activation="sigmoid")]
    )
    result = lesson05.q3.evaluate(other, model, X_TEST)
    assert not result.ok and "predicts differently" in result.message
    result = lesson05.q3.evaluate(None, model, X_TEST)
    assert not result.ok and not result.answered
