"""Notebook 03's exercises: each solution passes, typical wrong answers are explained."""

import keras
import numpy as np
import pytest
from exercise_support import solve

from helpers.exercises import lesson03


def make_history(epochs=15, steps=9, keys=("accuracy", "loss")):
    """A History as fit returns it, without the training (fast, and exact numbers)."""
    history = keras.callbacks.History()
    history.set_params({"verbose": 0, "epochs": epochs, "steps": steps})
    history.history = {key: list(np.linspace(0.5, 0.9, epochs)) for key in keys}
    return history


def test_q1_solution_passes():
    assert lesson03.q1.evaluate(solve(lesson03.q1)["steps_per_epoch"]).ok
    assert lesson03.q1.evaluate(10.0).ok


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (9, "leaves out the last batch of 10 samples"),
        (298 / 32, "a number of steps is whole"),
        (32, "how many batches"),
        (13, "how many batches"),  # 398 tumours: the whole training set, not the fitted part
        ("10", "should be a number"),
    ],
)
def test_q1_explains_wrong_answers(answer, message):
    result = lesson03.q1.evaluate(answer)
    assert not result.ok and message in result.message, result.message


def test_q2_solution_passes_with_a_real_fit():
    def make_model():
        model = keras.Sequential([keras.Input(shape=(30,)), keras.layers.Dense(1, "sigmoid")])
        model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
        return model

    rng = np.random.default_rng(0)
    x, y = rng.normal(size=(569, 30)).astype("float32"), rng.integers(0, 2, size=569)
    history_q2 = solve(lesson03.q2, make_model=make_model, x=x, y=y)["history_q2"]
    assert lesson03.q2.evaluate(history_q2).ok


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (keras.Sequential(), "should be the History that model.fit(...) returns"),
        (make_history(epochs=10), "records 10 epochs"),
        (make_history(steps=18), "each epoch took 18 steps"),
        (make_history(keys=("loss",)), "has no 'accuracy'"),
    ],
)
def test_q2_explains_wrong_answers(answer, message):
    result = lesson03.q2.evaluate(answer)
    assert not result.ok and message in result.message, result.message


def test_q2_unanswered():
    result = lesson03.q2.evaluate(None)
    assert not result.ok and not result.answered


HISTORY = make_history(epochs=30, steps=18)
ACCURACY = HISTORY.history["accuracy"]


def test_q3_solution_passes():
    answer = solve(lesson03.q3, history=HISTORY)["accuracy_epoch_10"]
    assert lesson03.q3.evaluate(answer, HISTORY).ok


def test_q3_unanswered_even_with_a_history():
    result = lesson03.q3.evaluate(None, HISTORY)
    assert not result.ok and not result.answered


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (ACCURACY[10], "lists count from 0"),
        (ACCURACY[-1], "after the last epoch"),
        (ACCURACY, "a list of 30 values"),
        (0.123, "is not the accuracy after epoch 10"),
        ("0.7", "should be a number"),
    ],
)
def test_q3_explains_wrong_answers(answer, message):
    result = lesson03.q3.evaluate(answer, HISTORY)
    assert not result.ok and message in result.message, result.message


def test_q3_spots_the_loss():
    history = make_history(epochs=30, steps=18)
    history.history["loss"] = [1.0 - a for a in history.history["accuracy"]]
    result = lesson03.q3.evaluate(history.history["loss"][9], history)
    assert not result.ok and "is the loss" in result.message


def test_q3_needs_the_long_run():
    result = lesson03.q3.evaluate(0.5, make_history(epochs=5))
    assert not result.ok and "only 5 epochs" in result.message
