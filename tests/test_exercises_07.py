"""Notebook 05's exercises: solutions pass, typical mistakes get a useful message."""

import numpy as np
import pytest
from exercise_support import (
    ANY_ANSWER,
    UNEXPECTED,
    evaluate_anything,
    hangul,
    in_korean,
    korean_refusal,
    korean_success,
    solve,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.exercises import lesson07

pytestmark = pytest.mark.filterwarnings("ignore:__array__ implementation:DeprecationWarning")


def refused(result, message):
    return not result.ok and result.answered and message in result.message


# ---------------------------------------------------------------- q1 ---


def test_q1_solution_passes():
    to_classes = solve(lesson07.q1)["to_classes"]
    assert lesson07.q1.evaluate(to_classes).ok


@pytest.mark.parametrize(
    "answer",
    [
        lambda p: p.ravel() > 0.5,  # booleans
        lambda p: [int(v > 0.5) for v in p[:, 0]],  # a list
        lambda p: np.round(p[:, 0]),  # floats, and 0.5 rounds to 0
        lambda p: np.where(p > 0.5, 1, 0).flatten(),
    ],
)
def test_q1_accepts_other_right_answers(answer):
    assert lesson07.q1.evaluate(answer).ok


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (lambda p: (p > 0.5).astype(int), "broadcasts to an (n, n) table"),
        (lambda p: p[:, 0], "not probabilities"),
        (lambda p: (p[:, 0] >= 0.5).astype(int), "Use > 0.5, not >= 0.5"),
        (lambda p: (p[:, 0] < 0.5).astype(int), "above 0.5 means class 1"),
        (lambda p: p.argmax(axis=1), "above 0.5 means class 1"),
        (lambda p: None, "return statement"),
        (lambda p: p[0] > 0.5, "one class per sample"),
        (lambda p: p[:, 1] > 0.5, "raised IndexError"),
        (lambda p: [[1], [0, 1]], "not one array of numbers"),
        (lambda p: ["class 1"] * len(p), "not probabilities"),
        (lambda: 1, "raised TypeError"),
        (np.array([0, 1]), "should be a function"),
    ],
)
def test_q1_explains_wrong_answers(answer, message):
    result = lesson07.q1.evaluate(answer)
    assert refused(result, message), result.message


def test_q1_judges_the_probabilities_as_declared_whatever_the_function_does_to_them():
    def zeroes_them_then_answers(probabilities):
        probabilities[:] = 0
        return probabilities[:, 0].astype(int)

    assert refused(lesson07.q1.evaluate(zeroes_them_then_answers), "above 0.5 means class 1")
    assert lesson07.q1.evaluate(solve(lesson07.q1)["to_classes"]).ok


# ---------------------------------------------------------------- q2 ---

RNG = np.random.default_rng(0)
Y_VAL = (np.arange(100) % 3 != 0).astype(np.int64)  # 66 benign (1), 34 malignant (0)
# Scores as a trained model gives them: most tumours far from the thresholds, some between.
SCORES = np.clip(np.where(Y_VAL == 1, 0.95, 0.05) + RNG.normal(0, 0.3, 100), 0, 1)
VAL_PROBABILITIES = SCORES.astype("float32")


def at(threshold, scores=VAL_PROBABILITIES, labels=Y_VAL):
    benign = scores > threshold
    return np.sum(benign & (labels == 0)), np.sum(~benign & (labels == 1))


def test_q2_the_probe_falls_as_in_the_lesson():
    (missed, alarms), (missed_9, alarms_9) = at(0.5), at(0.9)
    assert missed_9 <= missed and alarms_9 > alarms and missed + alarms < missed_9 + alarms_9


def test_q2_solution_is_what_happens():
    prediction = solve(lesson07.q2)["prediction"]
    result = lesson07.q2.evaluate(prediction, VAL_PROBABILITIES, Y_VAL)
    assert result.ok and not result.surprise and "You predicted it" in result.message
    (missed, alarms), (missed_9, alarms_9) = at(0.5), at(0.9)
    said = (
        f"missed cancers went from {missed} to {missed_9}, false alarms from {alarms} to {alarms_9}"
    )
    assert said in result.message, result.message


@pytest.mark.parametrize(
    "prediction", ["Down", "it falls", "lower", "worse", "떨어집니다", "낮아져요", "감소"]
)
def test_q2_accepts_every_way_to_say_down(prediction):
    result = lesson07.q2.evaluate(prediction, VAL_PROBABILITIES, Y_VAL)
    assert result.ok and not result.surprise, result.message


@pytest.mark.parametrize(
    ("prediction", "why"),
    [
        ("up", "accuracy counts both kinds of mistake alike"),
        ("올라갑니다", "accuracy counts both kinds of mistake alike"),
        ("stays the same", "added more false alarms than it saved missed cancers"),
    ],
)
def test_q2_a_wrong_prediction_is_explained_not_failed(prediction, why):
    result = lesson07.q2.evaluate(prediction, VAL_PROBABILITIES, Y_VAL)
    assert result.ok and result.surprise and why in result.message, result.message
    assert "the validation accuracy fell from" in result.message


def test_q2_judges_the_learners_own_scores():
    confident = np.where(Y_VAL == 1, 0.99, 0.01).astype("float32")  # no tumour between 0.5 and 0.9
    result = lesson07.q2.evaluate("same", confident, Y_VAL)
    assert result.ok and not result.surprise and "stayed at 1.00" in result.message
    result = lesson07.q2.evaluate("down", confident, Y_VAL)
    assert result.surprise and "balance exactly" in result.message, result.message
    # Malignant tumours scored between 0.5 and 0.9: the stricter threshold catches them.
    caught = np.where(Y_VAL == 1, 0.99, 0.7).astype("float32")
    result = lesson07.q2.evaluate("down", caught, Y_VAL)
    assert result.surprise and "rose from 0.66 to 1.00" in result.message, result.message
    assert "saved more missed cancers than it added false alarms" in result.message
    column = lesson07.q2.evaluate("down", VAL_PROBABILITIES[:, np.newaxis], Y_VAL)
    assert column.ok and not column.surprise, column.message  # predict()'s (n, 1) shape


@pytest.mark.parametrize("prediction", ["x", "up or down", 3, ["down"], 0.9])
def test_q2_a_prediction_that_is_not_a_choice_is_refused(prediction):
    result = lesson07.q2.evaluate(prediction, VAL_PROBABILITIES, Y_VAL)
    assert refused(result, "is not one of 'up', 'down', 'same'"), result.message


@pytest.mark.parametrize(
    ("scores", "labels"),
    [
        (Y_VAL, Y_VAL),  # labels twice
        (VAL_PROBABILITIES, VAL_PROBABILITIES),  # probabilities twice
        (VAL_PROBABILITIES * 3, Y_VAL),  # not probabilities
        (VAL_PROBABILITIES, Y_VAL[:50]),  # not the same tumours
        (VAL_PROBABILITIES.tolist(), Y_VAL),
        (VAL_PROBABILITIES[:5], Y_VAL[:5]),
        (VAL_PROBABILITIES, Y_VAL + 1),
        (VAL_PROBABILITIES, None),
    ],
)
def test_q2_asks_for_the_checking_cell_as_it_was(scores, labels):
    result = lesson07.q2.evaluate("down", scores, labels)
    assert refused(result, "run the cell that checks it as it was given"), result.message


def test_q2_unanswered():
    result = lesson07.q2.evaluate(None, VAL_PROBABILITIES, Y_VAL)
    assert not result.ok and not result.answered


# ---------------------------------------------------------------- q3 ---


def test_q3_solution_passes():
    answer = solve(lesson07.q3)
    assert lesson07.q3.evaluate(answer["choice"], answer["reason"]).ok


@pytest.mark.parametrize(
    ("choice", "reason"),
    [
        ("B", "A tuned the threshold to the test tumours"),
        ("b", "B kept the test set for the end"),
        (" B ", "its score is too optimistic otherwise"),
        ("B", "검증 데이터로 골랐기 때문입니다"),
        ("B", "A는 테스트 데이터에 맞춘 임계값입니다"),
        ("B", "new patients are not the test tumours"),
    ],
)
def test_q3_accepts_other_right_answers(choice, reason):
    result = lesson07.q3.evaluate(choice, reason)
    assert result.ok, result.message


@pytest.mark.parametrize(
    ("choice", "reason", "message"),
    [
        ("A", "fewest mistakes", "A chose the threshold by looking at the test tumours"),
        ("A", "the test set is best", "not how the model will do on new patients"),
        ("C", "test", "'C' is not one of 'A', 'B'"),
        ("A and B", "test", "is not one of 'A', 'B'"),
        (2, "test", "is not one of"),
        ("B", "B is nicer", "give your reason"),
        ("B", "", "give your reason"),
        ("B", 3, "give your reason"),
    ],
)
def test_q3_explains_wrong_answers(choice, reason, message):
    result = lesson07.q3.evaluate(choice, reason)
    assert refused(result, message), result.message


def test_q3_unanswered():
    assert not lesson07.q3.evaluate(None, None).answered
    result = lesson07.q3.evaluate("B", None)
    assert not result.ok and not result.answered and "give your reason" in result.message


# ---------------------------------------------------- any answer at all ---


def answer_is_fine(result):
    assert UNEXPECTED not in result.message, result.message


@settings(max_examples=40, deadline=None)
@given(ANY_ANSWER, ANY_ANSWER)
def test_any_answer_gets_a_proper_message(answer, other):
    answer_is_fine(evaluate_anything(lesson07.q1, (answer,)))
    answer_is_fine(evaluate_anything(lesson07.q1, (lambda probabilities: answer,)))
    answer_is_fine(evaluate_anything(lesson07.q2, (answer, other, Y_VAL)))
    answer_is_fine(evaluate_anything(lesson07.q2, (answer, VAL_PROBABILITIES, other)))
    answer_is_fine(evaluate_anything(lesson07.q3, (answer, other)))


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["up", "down", "same"]), st.integers(0, 2**32 - 1))
def test_every_prediction_is_done_and_told_what_happened(prediction, seed):
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 2, 50)
    scores = rng.random(50).astype("float32")
    result = lesson07.q2.evaluate(prediction, scores, labels)
    (missed, alarms), (missed_9, alarms_9) = at(0.5, scores, labels), at(0.9, scores, labels)
    assert missed_9 <= missed and alarms_9 >= alarms  # a stricter threshold, always
    right, right_9 = 50 - missed - alarms, 50 - missed_9 - alarms_9
    happened = "up" if right_9 > right else "down" if right_9 < right else "same"
    assert result.ok and result.surprise == (prediction != happened), result.message
    assert f"false alarms from {alarms} to {alarms_9}" in result.message


def test_wrong_numbers_of_answers_get_a_message():
    for answers in ((), ("down",), ("down", VAL_PROBABILITIES, Y_VAL, None)):
        result = lesson07.q2.evaluate(*answers)
        assert not result.ok and "check(prediction, val_probabilities, y_val)" in result.message
    result = lesson07.q3.evaluate("B", "test", "extra")
    assert not result.ok and "check(choice, reason)" in result.message


# ------------------------------------------------------------- in Korean ---


def test_korean_feedback():
    korean_success(lesson07.q1, solve(lesson07.q1)["to_classes"])
    for wrong in (
        lambda p: (p > 0.5).astype(int),
        lambda p: (p[:, 0] >= 0.5).astype(int),
        lambda p: p[:, 0],
        lambda p: None,
    ):
        korean_refusal(lesson07.q1, wrong)
    korean_success(lesson07.q2, "떨어집니다", VAL_PROBABILITIES, Y_VAL)
    surprise = in_korean(lesson07.q2, "올라갑니다", VAL_PROBABILITIES, Y_VAL)
    assert surprise.ok and surprise.surprise and hangul(surprise.message), surprise.message
    korean_refusal(lesson07.q2, "모르겠어요", VAL_PROBABILITIES, Y_VAL)
    korean_refusal(lesson07.q2, "down", Y_VAL, Y_VAL)
    korean_success(lesson07.q3, "B", "A는 테스트 데이터로 임계값을 골랐습니다")
    korean_refusal(lesson07.q3, "A", "실수가 가장 적어서")
    korean_refusal(lesson07.q3, "B", "그냥")
