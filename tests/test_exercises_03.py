"""Notebook 03's exercises: each solution passes, typical wrong answers are explained."""

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

from helpers.exercises import lesson03

GOOD = {"spam": "binary_crossentropy", "digits": "sparse_categorical_crossentropy", "price": "mse"}
REASON = "the labels are integers, not one-hot rows"


def test_q1_solution_passes():
    solved = solve(lesson03.q1)
    assert lesson03.q1.evaluate(solved["losses"], solved["reason"]).ok


@pytest.mark.parametrize(
    "answer",
    [
        GOOD,
        {**GOOD, "price": "mean_absolute_error"},
        {**GOOD, "spam": keras.losses.BinaryCrossentropy()},
        {**GOOD, "digits": keras.losses.SparseCategoricalCrossentropy},
        {**GOOD, "price": keras.losses.mean_squared_error},
        {**GOOD, "price": "huber", "spam": "BinaryCrossentropy"},
        {**GOOD, "price": keras.losses.LogCosh()},
    ],
)
def test_q1_accepts_names_objects_and_functions(answer):
    assert lesson03.q1.evaluate(answer, REASON).ok


def test_q1_starter_is_not_answered():
    result = lesson03.q1.evaluate({"spam": None, "digits": None, "price": None}, None)
    assert not result.ok and not result.answered and "'spam' is still None" in result.message


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (["binary_crossentropy"], "should be a dict"),
        ({"spam": "binary_crossentropy"}, "['digits', 'price'] are missing"),
        ({**GOOD, "spam": "mean_squared_error"}, "binary problem"),
        ({**GOOD, "digits": "categorical_crossentropy"}, "sparse version"),
        ({**GOOD, "digits": "binary_crossentropy"}, "Ten classes"),
        ({**GOOD, "price": "binary_crossentropy"}, "not a class"),
        ({**GOOD, "spam": "binary_crosentropy"}, "check the spelling"),
        ({**GOOD, "spam": 3}, "you gave a int"),
        ({**GOOD, "price": "accuracy"}, "not a loss Keras knows"),
        ({**GOOD, "digits": "sparse_categorical_accuracy"}, "not a loss Keras knows"),
    ],
)
def test_q1_explains_wrong_answers(answer, message):
    result = lesson03.q1.evaluate(answer, REASON)
    assert not result.ok and message in result.message, result.message


@pytest.mark.parametrize(
    "reason",
    [
        "the labels are class numbers",
        "labels like 7 are not onehot",
        "Integer labels",
        "categorical wants one-hot rows; these are class indices",
        "레이블이 클래스 번호입니다",
        "원핫 인코딩을 하지 않았기 때문",
    ],
)
def test_q1_accepts_any_wording_of_the_reason(reason):
    assert lesson03.q1.evaluate(GOOD, reason).ok


@pytest.mark.parametrize("reason", [None, "", "because", "ten classes", 7, ["integer"]])
def test_q1_asks_for_the_reason_once_the_losses_are_right(reason):
    result = lesson03.q1.evaluate(GOOD, reason)
    assert not result.ok and "write in reason" in result.message, result.message


def test_q1_judges_the_losses_before_the_reason():
    result = lesson03.q1.evaluate({**GOOD, "price": "binary_crossentropy"}, None)
    assert not result.ok and "not a class" in result.message, result.message


@settings(max_examples=40, deadline=None)
@given(ANY_ANSWER)
def test_q1_any_reason_gets_a_proper_message(reason):
    def right(losses, reason):
        return isinstance(reason, str) and bool(lesson03.WHY_SPARSE.found(reason))

    refused_properly(lesson03.q1, (GOOD, reason), right)


def test_q2_solution_passes_and_matches_keras():
    my_mae = solve(lesson03.q2)["my_mae"]
    assert lesson03.q2.evaluate(my_mae).ok
    ours = keras.ops.convert_to_numpy(my_mae(lesson03.PROBE_TRUE, lesson03.PROBE_PRED))
    theirs = keras.losses.mean_absolute_error(lesson03.PROBE_TRUE, lesson03.PROBE_PRED)
    np.testing.assert_allclose(ours, keras.ops.convert_to_numpy(theirs))


def test_q2_accepts_other_ways_to_write_it():
    def by_hand(y_true, y_pred):
        error = y_true - y_pred
        return keras.ops.mean(keras.ops.maximum(error, -error), axis=1)

    assert lesson03.q2.evaluate(by_hand).ok
    assert lesson03.q2.evaluate(keras.losses.mean_absolute_error).ok
    assert lesson03.q2.evaluate(lambda t, p: keras.ops.mean(abs(p - t), axis=-1)).ok


def _no_abs(y_true, y_pred):
    return keras.ops.mean(y_pred - y_true, axis=-1)


def _squared(y_true, y_pred):
    return keras.ops.mean(keras.ops.square(y_pred - y_true), axis=-1)


def _summed(y_true, y_pred):
    return keras.ops.sum(keras.ops.abs(y_pred - y_true))


def _numpy(y_true, y_pred):
    return np.mean(np.abs(y_pred - y_true), axis=-1)


def _broken(y_true, y_pred):
    return keras.ops.mean(keras.ops.abs(y_pred - y_true), axis=3)


def _flat(y_true, y_pred):
    return keras.ops.abs(y_pred - y_true)


def _no_return(y_true, y_pred):
    keras.ops.mean(keras.ops.abs(y_pred - y_true), axis=-1)


def _scalar(y_true, y_pred):
    return keras.ops.mean(keras.ops.abs(y_pred - y_true))


def _each_summed(y_true, y_pred):
    return keras.ops.sum(keras.ops.abs(y_pred - y_true), axis=-1)


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("keras.ops.abs", "should be a function"),
        (_no_abs, "negative errors cancel"),
        (_squared, "squared error"),
        (_summed, "one number for the whole batch"),
        (_scalar, "one number for the whole batch; the exercise asks for one value per sample"),
        (_each_summed, "sum of each sample's errors; take the mean"),
        (_no_return, "returned None: did you forget the return line?"),
        (lambda y_true, y_pred: "mae", "my_mae returned a str"),
        (_numpy, "use keras.ops functions"),
        (_broken, "failed with"),
        (_flat, "returned shape (4, 1)"),
    ],
)
def test_q2_explains_wrong_answers(answer, message):
    result = lesson03.q2.evaluate(answer)
    assert not result.ok and message in result.message, result.message


EXERCISES = (lesson03.q1, lesson03.q2)


@settings(max_examples=40, deadline=None)
@given(ANY_ANSWER)
def test_any_single_answer_gets_a_proper_message(answer):
    for exercise in EXERCISES:
        refused_properly(exercise, (answer,))
    for key in ("spam", "digits"):  # a short text could be a right regression loss
        refused_properly(lesson03.q1, ({**GOOD, key: answer}, REASON))
    refused_properly(lesson03.q2, (lambda y_true, y_pred: answer,))


# ------------------------------------------------------------- in Korean ---

#: The three losses by their Korean names (the course's term table and the books' others).
KOREAN = {
    "spam": "이진 교차 엔트로피",
    "digits": "희소 범주형 교차 엔트로피",
    "price": "평균 제곱 오차",
}


def test_korean_feedback():
    solved = solve(lesson03.q1)
    korean_success(lesson03.q1, solved["losses"], solved["reason"])
    korean_refusal(lesson03.q1, {**GOOD, "spam": "mse"}, REASON)
    korean_refusal(lesson03.q1, {**GOOD, "digits": "categorical_crossentropy"}, REASON)
    korean_refusal(lesson03.q1, {**GOOD, "price": "교차 엔트로피"}, REASON)
    korean_refusal(lesson03.q1, GOOD, "모르겠습니다")
    korean_refusal(lesson03.q2, _no_abs)
    korean_success(lesson03.q2, solve(lesson03.q2)["my_mae"])


@pytest.mark.parametrize(
    "answer",
    [
        KOREAN,
        {
            "spam": "이항 교차 엔트로피",
            "digits": "희소_범주형_교차_엔트로피",
            "price": "평균 절댓값 오차",
        },
        {**GOOD, "price": "평균제곱오차"},
        {**KOREAN, "spam": "binary_crossentropy"},
    ],
)
def test_q1_accepts_the_korean_names_in_both_languages(answer):
    assert lesson03.q1.evaluate(answer, "레이블이 정수입니다").ok
    korean_success(lesson03.q1, answer, "원-핫이 아니라 정수 레이블입니다")


def test_q1_explains_a_wrong_korean_name():
    result = lesson03.q1.evaluate({**KOREAN, "digits": "범주형 교차 엔트로피"}, "정수")
    assert not result.ok and "expects one-hot labels" in result.message, result.message
    korean_refusal(lesson03.q1, {**KOREAN, "digits": "범주형 교차 엔트로피"}, "정수")
