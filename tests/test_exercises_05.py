"""Notebook 03's exercises: each solution passes, typical wrong answers are explained."""

import json
import re
from pathlib import Path

import keras
import numpy as np
import pytest
from exercise_support import (
    ANY_ANSWER,
    ANY_ANSWERS,
    UNEXPECTED,
    evaluate_anything,
    hangul,
    in_korean,
    korean_refusal,
    korean_success,
    solve,
)
from hypothesis import given, settings

from helpers.data import load_breast_cancer
from helpers.exercises import lesson05


def make_history(epochs=15, steps=9, keys=("accuracy", "loss")):
    """A History as fit returns it, without the training (fast, and exact numbers)."""
    history = keras.callbacks.History()
    history.set_params({"verbose": 0, "epochs": epochs, "steps": steps})
    history.history = {key: list(np.linspace(0.5, 0.9, epochs)) for key in keys}
    return history


def test_q1_solution_passes():
    assert lesson05.q1.evaluate(solve(lesson05.q1)["steps_per_epoch"]).ok
    assert lesson05.q1.evaluate(10.0).ok


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
    result = lesson05.q1.evaluate(answer)
    assert not result.ok and message in result.message, result.message


LESSON_06 = Path(__file__).resolve().parent.parent / "notebooks" / "06_validation.ipynb"
FITTED = re.compile(r"\(len\(y_fit\), len\(y_val\)\) == \((\d+),")  # lesson 06's split check


def test_q1_counts_the_tumours_lesson_04_fits_on():
    """Exercise 1 says lesson 06 fits on 298 tumours: lesson 06's own check cell asserts it."""
    cells = json.loads(LESSON_06.read_text(encoding="utf-8"))["cells"]
    checks = ["".join(c["source"]) for c in cells if "check" in c["metadata"].get("tags", [])]
    checked = [int(found.group(1)) for check in checks for found in FITTED.finditer(check)]
    assert checked == [lesson05.Q1_SAMPLES], (
        f"lesson 06's check cells assert it fits on {checked}: update exercise 1 of lesson 05 "
        "(Q1_SAMPLES and the prose of both editions)"
    )


def make_model():
    keras.utils.set_random_seed(0)  # as notebook 03's make_model does
    model = keras.Sequential([keras.Input(shape=(30,)), keras.layers.Dense(1, "sigmoid")])
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model


X = np.random.default_rng(0).normal(size=(569, 30)).astype("float32")
Y = (X[:, 0] > 0).astype("int64")


def run(epochs, steps, last_loss):
    """A History of ``epochs`` epochs of ``steps`` steps whose loss ends at ``last_loss``."""
    history = make_history(epochs=epochs, steps=steps)
    history.history["loss"] = list(np.linspace(1.2, last_loss, epochs + 1)[1:])
    return history


RUN_A, RUN_B = run(1, 72, 0.69), run(10, 1, 0.94)  # as the notebook's two runs end


def test_q2_solution_passes():
    prediction = solve(lesson05.q2)["prediction"]
    result = lesson05.q2.evaluate(prediction, RUN_A, RUN_B)
    assert result.ok and not result.surprise, result.message
    assert "made 72 updates, B's ten epochs only 10" in result.message, result.message


def test_q2_with_the_notebooks_fits():
    x, y = load_breast_cancer()
    normalize = keras.layers.Normalization()
    normalize.adapt(x)

    def notebook_model():  # notebook 03's make_model
        keras.utils.set_random_seed(0)
        layers = [keras.Input(shape=(30,)), normalize, keras.layers.Dense(16, activation="relu")]
        model = keras.Sequential([*layers, keras.layers.Dense(1, activation="sigmoid")])
        model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
        return model

    history_a = notebook_model().fit(x, y, epochs=1, batch_size=8, verbose=0)
    history_b = notebook_model().fit(x, y, epochs=10, batch_size=569, verbose=0)
    result = lesson05.q2.evaluate("A", history_a, history_b)
    assert result.ok and not result.surprise, result.message


@pytest.mark.parametrize("prediction", ["A", "a", " model A", "Run-A", "모델 A", "A 모델"])
def test_q2_accepts_every_spelling_of_a(prediction):
    result = lesson05.q2.evaluate(prediction, RUN_A, RUN_B)
    assert result.ok and not result.surprise, result.message


@pytest.mark.parametrize(
    ("prediction", "expected"),
    [("B", "'B'"), ("모델 b", "'B'"), ("same", "'same'"), ("같음", "'same'"), ("비슷함", "'same'")],
)
def test_q2_explains_a_prediction_that_did_not_come_true(prediction, expected):
    result = lesson05.q2.evaluate(prediction, RUN_A, RUN_B)
    assert result.ok and result.surprise, result.message
    assert f"you expected {expected}" in result.message, result.message
    assert "Epochs are not what counts" in result.message, result.message


@pytest.mark.parametrize(
    ("runs", "prediction"),
    [((run(1, 72, 0.9), run(10, 1, 0.5)), "B"), ((run(1, 72, 0.9), run(10, 1, 0.85)), "same")],
)
def test_q2_reads_what_happened_in_the_runs_it_is_given(runs, prediction):
    result = lesson05.q2.evaluate(prediction, *runs)
    assert result.ok and not result.surprise, result.message
    assert lesson05.q2.evaluate("A", *runs).surprise


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        (("maybe", RUN_A, RUN_B), "'maybe' is not one of 'A', 'B', 'same'"),
        (("A or B", RUN_A, RUN_B), "is not one of"),
        ((0.5, RUN_A, RUN_B), "is not one of"),
        (("A", run(2, 72, 0.5), RUN_B), "history_a should be the History of fit(x, y, epochs=1"),
        (("A", RUN_A, run(10, 9, 0.5)), "batch_size=569), which runs 1 steps per epoch"),
        (("A", RUN_B, RUN_A), "history_a should be the History of fit"),
        (("A", keras.Sequential(), RUN_B), "history_a should be the History that model.fit"),
        (("A", RUN_A, keras.callbacks.History()), "history_b is empty"),
    ],
)
def test_q2_explains_wrong_answers(answers, message):
    result = lesson05.q2.evaluate(*answers)
    assert not result.ok and message in result.message, result.message


def test_q2_unanswered():
    result = lesson05.q2.evaluate(None, RUN_A, RUN_B)
    assert not result.ok and not result.answered


HISTORY = make_history(epochs=30, steps=18)
ACCURACY = HISTORY.history["accuracy"]


def test_q3_solution_passes():
    answer = solve(lesson05.q3, history=HISTORY)["accuracy_epoch_10"]
    assert lesson05.q3.evaluate(answer, HISTORY).ok


def test_q3_unanswered_even_with_a_history():
    result = lesson05.q3.evaluate(None, HISTORY)
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
    result = lesson05.q3.evaluate(answer, HISTORY)
    assert not result.ok and message in result.message, result.message


def test_q3_spots_the_loss():
    history = make_history(epochs=30, steps=18)
    history.history["loss"] = [1.0 - a for a in history.history["accuracy"]]
    result = lesson05.q3.evaluate(history.history["loss"][9], history)
    assert not result.ok and "is the loss" in result.message


def test_q3_accepts_numpy_and_tensor_numbers():
    assert lesson05.q3.evaluate(np.float32(ACCURACY[9]), HISTORY).ok
    assert lesson05.q3.evaluate(keras.ops.convert_to_tensor(ACCURACY[9]), HISTORY).ok


def test_q3_needs_a_history_with_accuracy():
    result = lesson05.q3.evaluate(0.5, make_history(epochs=30, keys=("loss",)))
    assert not result.ok and "history has no 'accuracy'" in result.message
    result = lesson05.q3.evaluate(0.9)
    assert not result.ok and "check(accuracy_epoch_10, history)" in result.message


def test_q3_needs_the_long_run():
    result = lesson05.q3.evaluate(0.5, make_history(epochs=5))
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
    assert lesson05.q1.evaluate(*answers).ok == right_q1
    evaluate_anything(lesson05.q2, answers)
    evaluate_anything(lesson05.q2, [*answers[:1], RUN_A, RUN_B], _a_prediction)
    evaluate_anything(lesson05.q3, answers)
    evaluate_anything(lesson05.q3, [*answers[:1], HISTORY], _right_q3)


def _a_prediction(*answers):
    """Any prediction in words passes (✅ or 🔎) once the two runs are the right ones."""
    return lesson05.q2.outcomes.read(answers[0]) is not None


def _same(value, number):
    if isinstance(value, bool | str | list | dict | type(None)):
        return False
    return np.asarray(value).size == 1 and np.asarray(value).item() == number


@settings(max_examples=40, deadline=None)
@given(ANY_ANSWER)
def test_any_single_answer_gets_a_proper_message(answer):
    for exercise, answers in (
        (lesson05.q1, (answer,)),
        (lesson05.q2, (answer,)),
        (lesson05.q2, (answer, RUN_A, RUN_B)),
        (lesson05.q2, ("A", answer, RUN_B)),
        (lesson05.q3, (answer, HISTORY)),
        (lesson05.q3, (0.5, answer)),
    ):
        right = _a_prediction if exercise is lesson05.q2 else _right_q3
        result = evaluate_anything(exercise, answers, right)
        assert UNEXPECTED not in result.message, result.message


# ------------------------------------------------------------- in Korean ---


def test_korean_feedback():
    korean_success(lesson05.q1, 10)
    for wrong in (9, 9.3, 11):
        korean_refusal(lesson05.q1, wrong)
    korean_success(lesson05.q2, "A", RUN_A, RUN_B)
    surprise = in_korean(lesson05.q2, "같음", RUN_A, RUN_B)
    assert surprise.surprise and hangul(surprise.message), str(surprise)
    korean_refusal(lesson05.q2, "아마도", RUN_A, RUN_B)
    korean_refusal(lesson05.q2, "A", run(2, 72, 0.5), RUN_B)
    korean_success(lesson05.q3, ACCURACY[9], HISTORY)
    korean_refusal(lesson05.q3, ACCURACY[10], HISTORY)
    korean_refusal(lesson05.q3, ACCURACY, HISTORY)
