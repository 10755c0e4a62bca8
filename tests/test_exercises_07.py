"""Notebook 07's exercises: solutions pass, typical mistakes get a useful message."""

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

from helpers.exercises import lesson07

RNG = np.random.default_rng(0)
X_TRAIN = (RNG.normal(size=(40, 9)) * [1, 100, 40, 800, 3, 4, 1, 1, 1] + 50).astype("float32")
X_OTHER = (RNG.normal(size=(40, 9)) * 3 + 60).astype("float32")
Y_TEST = RNG.uniform(10, 45, size=30).astype("float32")
PREDICTIONS = (Y_TEST + RNG.normal(size=30) * 2).astype("float32")[:, None]  # shape (30, 1)


def refused(result, message):
    return not result.ok and result.answered and message in result.message


def adapted(data):
    layer = keras.layers.Normalization()
    layer.adapt(data)
    return layer


# ---------------------------------------------------------------- q1 ---


def test_q1_solution_passes():
    assert lesson07.q1.evaluate(solve(lesson07.q1)["regression_output"]).ok


@pytest.mark.parametrize(
    "answer",
    [
        keras.layers.Dense(1, activation=None),
        keras.layers.Dense(units=1, activation="linear", name="mpg"),
        keras.layers.Dense(1, activation=lambda x: x),
    ],
)
def test_q1_accepts_other_right_answers(answer):
    assert lesson07.q1.evaluate(answer).ok


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (keras.layers.Dense(1, activation="sigmoid"), "between 0 and 1"),
        (keras.layers.Dense(1, activation="relu"), "stuck at 0"),
        (keras.layers.Dense(1, activation="softmax"), "always says 1"),
        (keras.layers.Dense(1, activation="elu"), "a reshaped value"),
        (keras.layers.Dense(10), "10 units"),
        (keras.Sequential([keras.layers.Dense(1)]), "a whole model"),
        (keras.layers.Normalization(), "should be a Dense layer"),
        ("Dense(1)", "should be a Dense layer"),
    ],
)
def test_q1_explains_wrong_answers(answer, message):
    result = lesson07.q1.evaluate(answer)
    assert refused(result, message), result.message


# ---------------------------------------------------------------- q2 ---


def test_q2_solution_passes():
    my_normalizer = solve(lesson07.q2, x_train=X_TRAIN)["my_normalizer"]
    assert lesson07.q2.evaluate(my_normalizer, X_TRAIN).ok
    assert lesson07.q2.evaluate(my_normalizer, X_TRAIN, adapted(X_TRAIN)).ok


def test_q2_accepts_statistics_given_by_hand():
    by_hand = keras.layers.Normalization(mean=X_TRAIN.mean(axis=0), variance=X_TRAIN.var(axis=0))
    assert lesson07.q2.evaluate(by_hand, X_TRAIN).ok


def test_q2_explains_wrong_answers():
    result = lesson07.q2.evaluate(keras.layers.Normalization(), X_TRAIN)
    assert refused(result, "adapt(x_train)"), result.message
    for other_data in (X_OTHER, np.concatenate([X_TRAIN, X_TRAIN[:10] * 1.5])):
        result = lesson07.q2.evaluate(adapted(other_data), X_TRAIN)
        assert refused(result, "Adapt it on x_train only"), result.message
    one_for_all = keras.layers.Normalization(axis=None)
    one_for_all.adapt(X_TRAIN)
    result = lesson07.q2.evaluate(one_for_all, X_TRAIN)
    assert refused(result, "do not have mean 0 and standard deviation 1"), result.message
    result = lesson07.q2.evaluate(keras.layers.Dense(9), X_TRAIN)
    assert refused(result, "Normalization layer"), result.message


def test_q2_wants_a_new_layer_not_the_lessons():
    normalizer = adapted(X_TRAIN)
    result = lesson07.q2.evaluate(normalizer, X_TRAIN, normalizer)
    assert refused(result, "make a new one"), result.message


@pytest.mark.parametrize("x_train", [None, X_TRAIN.tolist(), X_TRAIN[0], X_TRAIN * np.nan])
def test_q2_asks_for_the_check_cell_as_it_was(x_train):
    assert refused(lesson07.q2.evaluate(adapted(X_TRAIN), x_train), "copy the check cell")


# ---------------------------------------------------------------- q3 ---


def test_q3_solution_passes():
    my_mae = solve(lesson07.q3, deep_predictions=PREDICTIONS, y_test=Y_TEST)["my_mae"]
    assert lesson07.q3.evaluate(my_mae, PREDICTIONS, Y_TEST).ok


@pytest.mark.parametrize(
    "compute",
    [
        lambda p, y: float(np.mean(np.abs(p[:, 0] - y))),
        lambda p, y: np.abs(p.ravel() - y).sum() / len(y),
        lambda p, y: keras.ops.mean(keras.ops.abs(p[:, 0] - y)),  # a tensor
        lambda p, y: np.array([np.mean(np.abs(p[:, 0] - y))]),  # one number in an array
    ],
)
def test_q3_accepts_other_right_answers(compute):
    assert lesson07.q3.evaluate(compute(PREDICTIONS, Y_TEST), PREDICTIONS, Y_TEST).ok


@pytest.mark.parametrize(
    ("compute", "message"),
    [
        (lambda p, y: np.mean(np.abs(p - y)), "broadcasts to (30, 30)"),
        (lambda p, y: np.mean(p[:, 0] - y), "mean error"),
        (lambda p, y: np.mean((p[:, 0] - y) ** 2), "*squared* errors"),
        (lambda p, y: np.sqrt(np.mean((p[:, 0] - y) ** 2)), "*squared* errors"),
        (lambda p, y: np.sum(np.abs(p[:, 0] - y)), "the sum of the absolute errors"),
        (lambda p, y: np.abs(p[:, 0] - y), "you gave 30 values"),
        (lambda p, y: np.median(np.abs(p[:, 0] - y)), "is not that"),
        (lambda p, y: str(np.mean(np.abs(p[:, 0] - y))), "should be a number; you gave a str"),
        (lambda p, y: np.nan, "finite number"),
    ],
)
def test_q3_explains_wrong_answers(compute, message):
    result = lesson07.q3.evaluate(compute(PREDICTIONS, Y_TEST), PREDICTIONS, Y_TEST)
    assert refused(result, message), result.message


def test_q3_asks_for_the_check_cell_as_it_was():
    result = lesson07.q3.evaluate(1.0, PREDICTIONS[:10], Y_TEST)
    assert refused(result, "with deep_predictions and y_test"), result.message


# ---------------------------------------------------- any answer at all ---


@settings(max_examples=40, deadline=None)
@given(ANY_ANSWER, ANY_ANSWER)
def test_any_answer_gets_a_proper_message(answer, other):
    for exercise, answers in (
        (lesson07.q1, (answer,)),
        (lesson07.q2, (answer, X_TRAIN)),
        (lesson07.q2, (adapted(X_OTHER), other)),
        (lesson07.q2, (answer, X_TRAIN, other)),
        (lesson07.q3, (answer, PREDICTIONS, Y_TEST)),
        (lesson07.q3, (1.0, other, Y_TEST)),
        (lesson07.q3, (1.0, PREDICTIONS, other)),
    ):
        result = evaluate_anything(exercise, answers)
        assert UNEXPECTED not in result.message, result.message


def test_wrong_numbers_of_answers_get_a_message():
    result = lesson07.q2.evaluate(adapted(X_TRAIN))
    assert refused(result, "check(my_normalizer, x_train, [lesson_normalizer])"), result.message
    result = lesson07.q3.evaluate(1.0, PREDICTIONS)
    assert refused(result, "check(my_mae, predictions, y_test)"), result.message


# ------------------------------------------------------------- in Korean ---


def test_korean_feedback():
    korean_success(lesson07.q1, keras.layers.Dense(1))
    for activation in ("sigmoid", "relu", "softmax", "tanh", "elu"):
        result = korean_refusal(lesson07.q1, keras.layers.Dense(1, activation=activation))
        assert repr(activation) in result.message, result.message
    korean_refusal(lesson07.q1, keras.layers.Dense(3))
    korean_success(lesson07.q2, adapted(X_TRAIN), X_TRAIN)
    korean_refusal(lesson07.q2, keras.layers.Normalization(), X_TRAIN)
    korean_refusal(lesson07.q2, adapted(X_OTHER), X_TRAIN)
    errors = PREDICTIONS[:, 0] - Y_TEST
    korean_success(lesson07.q3, np.mean(np.abs(errors)), PREDICTIONS, Y_TEST)
    for wrong in (np.mean(errors), np.mean(errors**2), np.sum(np.abs(errors)), 1.0):
        korean_refusal(lesson07.q3, wrong, PREDICTIONS, Y_TEST)
    korean_refusal(lesson07.q3, np.mean(np.abs(PREDICTIONS - Y_TEST)), PREDICTIONS, Y_TEST)
