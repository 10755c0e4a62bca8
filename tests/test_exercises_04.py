"""Notebook 04's exercises: each solution passes, typical wrong answers are explained."""

import keras
import numpy as np
import pytest
from exercise_support import (
    ANY_ANSWER,
    korean_refusal,
    korean_success,
    refused_properly,
    solve,
)
from hypothesis import given, settings

from helpers.data import load_iris
from helpers.exercises import lesson04

X_IRIS, Y_IRIS = load_iris()


def split(order, n_test=45, x=X_IRIS, y=Y_IRIS):
    xs, ys = x[order], y[order]
    return xs[:-n_test], ys[:-n_test], xs[-n_test:], ys[-n_test:]


SHUFFLED = np.random.default_rng(3).permutation(150)


def test_q1_solution_passes():
    names = solve(lesson04.q1, x_iris=X_IRIS, y_iris=Y_IRIS)
    answer = [names[k] for k in ("x_train_q1", "y_train_q1", "x_test_q1", "y_test_q1")]
    assert lesson04.q1.evaluate(*answer).ok


def test_q1_accepts_any_shuffle():
    assert lesson04.q1.evaluate(*split(SHUFFLED)).ok
    x_train, y_train, x_test, y_test = split(SHUFFLED)
    assert lesson04.q1.evaluate(x_train, y_train[:, None], x_test, y_test.astype(float)).ok


def test_q1_unanswered():
    result = lesson04.q1.evaluate(None, None, None, None)
    assert not result.ok and not result.answered


def test_q1_explains_wrong_answers():
    def check(answer, message):
        result = lesson04.q1.evaluate(*answer)
        assert not result.ok and message in result.message, result.message

    x_train, y_train, x_test, y_test = split(SHUFFLED)
    check(split(np.arange(150)), "last 45 rows of the file")
    check(split(SHUFFLED, n_test=30), "30% of 150 is 45")
    check((x_train, y_train[:-1], x_test, y_test), "every sample needs its label")
    check((x_train, y_train, x_test, None), "y_test_q1 is still None")
    check((x_train, y_train, x_test, list(y_test)), "should be a NumPy array")
    check((x_train, y_train, x_test[:, :2], y_test), "4 features")
    other = np.random.default_rng(4).permutation(150)
    check((x_train, Y_IRIS[other][:-45], x_test, Y_IRIS[other][-45:]), "lost their labels")
    check((np.concatenate([x_train[:-1], x_test[:1]]), y_train, x_test, y_test), "exactly once")
    check((x_train, y_train, x_test, np.float64(1.0)), "one label per row")
    check((x_train, x_train, x_test, y_test), "one label per row")


def test_q1_needs_every_class_in_the_test_set():
    rng = np.random.default_rng(0)
    test_rows = rng.permutation(np.arange(50, 150))[:45]  # versicolor and virginica only
    train_rows = rng.permutation(np.setdiff1d(np.arange(150), test_rows))
    answer = (X_IRIS[train_rows], Y_IRIS[train_rows], X_IRIS[test_rows], Y_IRIS[test_rows])
    result = lesson04.q1.evaluate(*answer)
    assert not result.ok and "no flowers of class [0]" in result.message, result.message


def test_q2_solution_passes():
    assert lesson04.q2.evaluate(solve(lesson04.q2, x_iris=X_IRIS, y_iris=Y_IRIS)["stopper_q2"]).ok


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (keras.callbacks.History(), "should be a keras.callbacks.EarlyStopping"),
        (
            keras.callbacks.EarlyStopping(monitor="loss", patience=10, restore_best_weights=True),
            "training loss",
        ),
        (
            keras.callbacks.EarlyStopping(
                monitor="val_accuracy", patience=10, restore_best_weights=True
            ),
            "monitors 'val_accuracy'",
        ),
        (
            keras.callbacks.EarlyStopping(
                monitor="val_loss", patience=5, restore_best_weights=True
            ),
            "patience is 5",
        ),
        (keras.callbacks.EarlyStopping(monitor="val_loss", patience=10), "restore_best_weights"),
        (
            keras.callbacks.EarlyStopping(
                monitor="val_loss", patience=10, restore_best_weights=True, mode="max"
            ),
            "mode='max'",
        ),
    ],
)
def test_q2_explains_wrong_answers(answer, message):
    result = lesson04.q2.evaluate(answer)
    assert not result.ok and message in result.message, result.message


def test_q3_solution_passes_and_accepts_variants():
    assert lesson04.q3.evaluate(solve(lesson04.q3, x_iris=X_IRIS, y_iris=Y_IRIS)["diagnosis"]).ok
    for variants in (
        {"A": "Overfit", "B": "underfit", "C": "good"},
        {"A": "과대적합", "B": "과소적합", "C": "적정적합"},
        {"A": "과적합", "B": "과소 적합", "C": "좋은 적합"},
        {"a": "overfitting ", "b": "UNDERFITTING", "c": "just right"},
    ):
        assert lesson04.q3.evaluate(variants).ok, variants


def test_q3_curves_look_like_their_diagnosis():
    a, b, c = (lesson04.CURVES[run] for run in "ABC")
    assert np.argmin(a["val_loss"]) < 15 and a["val_loss"][-1] > 2 * min(a["val_loss"])
    assert a["loss"][-1] < 0.05
    assert min(b["loss"]) > 0.3 and b["loss"][-1] < b["loss"][-2]
    assert c["val_loss"][-1] < 0.15 and abs(c["val_loss"][-1] - c["loss"][-1]) < 0.05


def test_q3_starter_is_not_answered():
    result = lesson04.q3.evaluate({"A": None, "B": None, "C": None})
    assert not result.ok and not result.answered


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("overfitting", "should be a dict"),
        ({"A": "overfitting", "B": "underfitting"}, "give run C"),
        ({"A": "overfitting", "B": "underfitting", "C": "meh"}, "'meh' is not one of"),
        ({"A": "underfitting", "B": "underfitting", "C": "good fit"}, "run A is not underfitting"),
        ({"A": "overfitting", "B": "good fit", "C": "good fit"}, "run B is not good fit"),
        ({"A": "overfitting", "B": "underfitting", "C": "overfitting"}, "run C is not overfitting"),
        ({"A": "과소적합", "B": "과대적합", "C": "적정적합"}, "run A is not underfitting"),
        ({"A": "과대적합", "B": "과소적합", "C": "과적합"}, "run C is not overfitting"),
        ({"A": "over or under", "B": "underfitting", "C": "good"}, "name exactly one"),
    ],
)
def test_q3_explains_wrong_answers(answer, message):
    result = lesson04.q3.evaluate(answer)
    assert not result.ok and message in result.message, result.message


@pytest.mark.parametrize("blank", [None, "", "  ", 3, ["overfitting"]])
def test_q3_a_run_without_a_word_is_named(blank):
    result = lesson04.q3.evaluate({"A": "overfitting", "B": blank, "C": "good fit"})
    assert not result.ok and result.message.startswith("give run B one of"), result.message


@settings(max_examples=40, deadline=None)
@given(ANY_ANSWER)
def test_any_single_answer_gets_a_proper_message(answer):
    parts = list(split(SHUFFLED))
    for position in range(4):
        answers = [*parts[:position], answer, *parts[position + 1 :]]
        refused_properly(lesson04.q1, answers)
    for exercise in (lesson04.q2, lesson04.q3):
        refused_properly(exercise, (answer,))
    refused_properly(lesson04.q3, ({"A": answer, "B": "underfitting", "C": "good"},))


# ------------------------------------------------------------- in Korean ---


def test_korean_feedback():
    korean_success(lesson04.q1, *split(SHUFFLED))
    korean_refusal(lesson04.q1, *split(np.arange(150)))
    korean_refusal(lesson04.q1, *split(SHUFFLED, n_test=30))
    korean_success(lesson04.q2, solve(lesson04.q2)["stopper_q2"])
    korean_refusal(lesson04.q2, keras.callbacks.EarlyStopping(monitor="loss", patience=10))
    korean_refusal(lesson04.q2, keras.callbacks.EarlyStopping(monitor="val_loss", patience=10))
    korean_success(lesson04.q3, solve(lesson04.q3)["diagnosis"])
    result = korean_refusal(lesson04.q3, {"A": "과소적합", "B": "과대적합", "C": "적정적합"})
    assert "A 훈련은 과소적합이 아닙니다" in result.message, result.message
    result = korean_refusal(lesson04.q3, {"A": "과대적합", "B": "과소적합", "C": "뭔가"})
    assert "'뭔가'" in result.message, result.message


@pytest.mark.parametrize(
    "answer",
    [
        {"A": "과대적합", "B": "과소적합", "C": "적정적합"},
        {"A": "과적합", "B": "과소 적합", "C": "좋은 적합"},
        {"A": "과대 적합", "B": "과소적합", "C": "적절한 적합"},
        {"A": "오버피팅", "B": "언더피팅", "C": "알맞게 적합"},
        {"A": "overfitting", "B": "과소적합", "C": "good fit"},
    ],
)
def test_q3_accepts_korean_words_in_both_languages(answer):
    assert lesson04.q3.evaluate(answer).ok, answer
    korean_success(lesson04.q3, answer)
