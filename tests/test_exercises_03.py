"""Notebook 03's exercises: each solution passes, typical wrong answers are explained."""

import keras
import numpy as np
import pytest
from exercise_support import (
    ANY_ANSWER,
    ANY_ANSWERS,
    UNEXPECTED,
    evaluate_anything,
    korean_refusal,
    korean_success,
    solve,
)
from hypothesis import given, settings

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
        (float("nan"), "steps_per_epoch is nan"),
        (float("inf"), "steps_per_epoch is inf"),
        ([9, 10], "you gave a list"),
    ],
)
def test_q1_explains_wrong_answers(answer, message):
    result = lesson03.q1.evaluate(answer)
    assert not result.ok and message in result.message, result.message


def make_model():
    keras.utils.set_random_seed(0)  # as notebook 03's make_model does
    model = keras.Sequential([keras.Input(shape=(30,)), keras.layers.Dense(1, "sigmoid")])
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model


X = np.random.default_rng(0).normal(size=(569, 30)).astype("float32")
Y = (X[:, 0] > 0).astype("int64")


def test_q2_solution_passes_with_a_real_fit():
    history_q2 = solve(lesson03.q2, make_model=make_model, x=X, y=Y)["history_q2"]
    assert lesson03.q2.evaluate(history_q2).ok
    assert lesson03.q2.evaluate(history_q2, make_model, X, Y).ok
    quiet = make_model().fit(X, Y, batch_size=64, epochs=15, verbose=False)  # another order
    assert lesson03.q2.evaluate(quiet, make_model, X, Y).ok


def test_q2_pins_the_batch_size_with_make_model():
    history = make_model().fit(X, Y, epochs=15, batch_size=70, verbose=0)
    assert lesson03.q2.evaluate(history).ok  # 9 steps: the History alone cannot tell
    result = lesson03.q2.evaluate(history, make_model, X, Y)
    assert not result.ok and "any batch size from 64 to 71" in result.message, result.message


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
        (float("nan"), "accuracy_epoch_10 is nan"),
        (np.array(ACCURACY), "one number; you gave 30 values"),
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


def test_q3_accepts_numpy_and_tensor_numbers():
    assert lesson03.q3.evaluate(np.float32(ACCURACY[9]), HISTORY).ok
    assert lesson03.q3.evaluate(keras.ops.convert_to_tensor(ACCURACY[9]), HISTORY).ok


def test_q3_needs_a_history_with_accuracy():
    result = lesson03.q3.evaluate(0.5, make_history(epochs=30, keys=("loss",)))
    assert not result.ok and "history has no 'accuracy'" in result.message
    result = lesson03.q3.evaluate(0.9)
    assert not result.ok and "check(accuracy_epoch_10, history)" in result.message


def test_q3_needs_the_long_run():
    result = lesson03.q3.evaluate(0.5, make_history(epochs=5))
    assert not result.ok and "only 5 epochs" in result.message


def _right_q3(*answers):
    try:
        return len(answers) == 2 and abs(float(answers[0]) - ACCURACY[9]) < 1e-4
    except (TypeError, ValueError):
        return False


@settings(max_examples=40, deadline=None)
@given(ANY_ANSWERS)
def test_no_answer_raises_or_passes_by_mistake(answers):
    right_q1 = len(answers) == 1 and _same(answers[0], 10)
    assert lesson03.q1.evaluate(*answers).ok == right_q1
    evaluate_anything(lesson03.q2, answers)
    evaluate_anything(lesson03.q3, answers)
    evaluate_anything(lesson03.q3, [*answers[:1], HISTORY], _right_q3)


def _same(value, number):
    if isinstance(value, bool | str | list | dict | type(None)):
        return False
    return np.asarray(value).size == 1 and np.asarray(value).item() == number


@settings(max_examples=40, deadline=None)
@given(ANY_ANSWER)
def test_any_single_answer_gets_a_proper_message(answer):
    for exercise, answers in (
        (lesson03.q1, (answer,)),
        (lesson03.q2, (answer,)),
        (lesson03.q3, (answer, HISTORY)),
        (lesson03.q3, (0.5, answer)),
    ):
        result = evaluate_anything(exercise, answers, _right_q3)
        assert UNEXPECTED not in result.message, result.message


# ------------------------------------------------------------- in Korean ---


def test_korean_feedback():
    korean_success(lesson03.q1, 10)
    for wrong in (9, 9.3, 11):
        korean_refusal(lesson03.q1, wrong)
    korean_success(lesson03.q2, make_history())
    korean_refusal(lesson03.q2, make_history(epochs=10))
    korean_refusal(lesson03.q2, make_history(steps=5))
    korean_refusal(lesson03.q2, make_history(keys=("loss",)))
    korean_success(lesson03.q3, ACCURACY[9], HISTORY)
    korean_refusal(lesson03.q3, ACCURACY[10], HISTORY)
    korean_refusal(lesson03.q3, ACCURACY, HISTORY)
