"""Notebook 07's exercises: a choice with its reason, a prediction judged by the learner's own
run, a number computed by hand; solutions pass, typical mistakes get a useful message."""

import keras
import numpy as np
import pytest
from exercise_support import (
    ANY_ANSWER,
    UNEXPECTED,
    evaluate_anything,
    in_korean,
    korean_refusal,
    korean_success,
    solve,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.exercises import lesson09
from helpers.exercises.lesson09 import WHY_REGRESSION
from helpers.i18n import set_language

RNG = np.random.default_rng(0)
X_TRAIN = (RNG.normal(size=(40, 9)) * [1, 100, 40, 800, 3, 4, 1, 1, 1] + 50).astype("float32")
Y_TEST = RNG.uniform(10, 45, size=30).astype("float32")
PREDICTIONS = (Y_TEST + RNG.normal(size=30) * 2).astype("float32")[:, None]  # shape (30, 1)


def refused(result, message):
    return not result.ok and result.answered and message in result.message


def solve_in_korean(exercise, *names):
    """The answers the Korean solution gives: its text (Korean words in it) run as code."""
    set_language("ko")
    namespace = {}
    exec(exercise.solution_text, namespace)
    set_language("en")
    return [namespace[name] for name in names]


# ---------------------------------------------------------------- q1 ---


def test_q1_solution_passes():
    namespace = solve(lesson09.q1)
    assert lesson09.q1.evaluate(namespace["choice"], namespace["reason"]).ok


@pytest.mark.parametrize(
    ("choice", "reason"),
    [
        ("b", "any value can come out"),
        (" B ", "MSE: how far off each price is"),
        ("B", "no activation, so the output is not limited to 0-1"),
        ("B", "활성화 함수가 없어서 어떤 숫자든 나옵니다"),
        ("B", "제곱 오차로 예측이 얼마나 빗나갔는지 잽니다"),
    ],
)
def test_q1_accepts_other_right_answers(choice, reason):
    assert lesson09.q1.evaluate(choice, reason).ok


@pytest.mark.parametrize(
    ("choice", "reason", "message"),
    [
        ("A", "any value", "A's sigmoid can only say 0 to 1"),
        ("a", "", "A's sigmoid can only say 0 to 1"),
        ("C", "it is a number", "not one of ten classes"),
        ("B", "it looks right", "write in reason"),
        ("B", 42, "write in reason"),
        ("D", "any value", "is not one of 'A', 'B', 'C'"),
        ("B or C", "any value", "is not one of 'A', 'B', 'C'"),
        (2, "any value", "is not one of 'A', 'B', 'C'"),
    ],
)
def test_q1_explains_wrong_answers(choice, reason, message):
    result = lesson09.q1.evaluate(choice, reason)
    assert refused(result, message), result.message


def test_q1_asks_for_a_reason_left_out():
    result = lesson09.q1.evaluate("B", None)
    assert not result.ok and not result.answered and "write in reason" in result.message
    assert not lesson09.q1.evaluate(None, None).answered


@settings(max_examples=40, deadline=None)
@given(ANY_ANSWER, st.one_of(ANY_ANSWER, st.sampled_from(["any number", "제곱", "why not"])))
def test_q1_passes_only_b_with_a_reason(choice, reason):
    def is_right(choice, reason):
        return str(choice).strip().upper() == "B" and bool(WHY_REGRESSION.found(reason))

    result = evaluate_anything(lesson09.q1, (choice, reason), is_right)
    assert UNEXPECTED not in result.message, result.message


# ---------------------------------------------------------------- q2 ---


def raw_run(x, epochs=3):
    """What exercise 2's check cell runs: the linear model, plain SGD, on the inputs as given."""
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input(shape=(x.shape[1],)), keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.01), loss="mean_squared_error")
    y = (x[:, 1] / x[:, 1].max() * 30 + 10).astype("float32")  # an MPG-like target
    return model.fit(x, y, epochs=epochs, batch_size=16, verbose=0)


@pytest.fixture(scope="module")
def raw_history():
    return raw_run(X_TRAIN)


def test_q2_the_raw_run_gives_what_the_solution_predicts(raw_history):
    assert not np.isfinite(raw_history.history["loss"]).all()
    result = lesson09.q2.evaluate(solve(lesson09.q2)["prediction"], raw_history)
    assert result.ok and not result.surprise and "You predicted it" in result.message


@pytest.mark.parametrize(
    "prediction", ["explodes", "It will blow up", "NaN", "발산합니다", "커집니다"]
)
def test_q2_accepts_every_way_to_say_it_explodes(raw_history, prediction):
    result = lesson09.q2.evaluate(prediction, raw_history)
    assert result.ok and not result.surprise, result.message


@pytest.mark.parametrize(
    "prediction", ["falls", "goes down as before", "stays", "제자리", "내려감"]
)
def test_q2_a_wrong_prediction_is_explained_not_failed(raw_history, prediction):
    result = lesson09.q2.evaluate(prediction, raw_history)
    assert result.ok and result.surprise, result.message
    assert "ended at" in result.message and "not a number" in result.message
    assert "normalises first" in result.message


def test_q2_judges_what_the_learners_own_run_did():
    standardised = (X_TRAIN - X_TRAIN.mean(axis=0)) / X_TRAIN.std(axis=0)  # the cell was changed
    history = raw_run(standardised, epochs=10)
    result = lesson09.q2.evaluate("falls", history)
    assert result.ok and not result.surprise and "fell from" in result.message
    result = lesson09.q2.evaluate("explodes", history)
    assert result.ok and result.surprise and "fell from" in result.message


@pytest.mark.parametrize(
    ("losses", "seen"),
    [([400.0, 20.0], "fell from 400 to 20"), ([400.0, 300.0], "hardly lower"),
     ([10.0, 50.0], "ended at 50"), ([10.0, np.inf], "ended at inf")],
)  # fmt: skip
def test_q2_reads_any_history_dict(losses, seen):
    result = lesson09.q2.evaluate("stays", {"loss": losses})
    assert result.ok and seen in result.message, result.message


@pytest.mark.parametrize("prediction", ["maybe", "up and down", 3, ["explodes"], {"A": 1}])
def test_q2_a_prediction_that_is_not_a_choice_is_refused(raw_history, prediction):
    result = lesson09.q2.evaluate(prediction, raw_history)
    assert refused(result, "is not one of 'falls', 'stays', 'explodes'"), result.message


@pytest.mark.parametrize("history", ["loss", [1.0, 2.0], {"accuracy": [0.5]}, {"loss": []}, 3])
def test_q2_asks_for_the_check_cell_as_it_was(history):
    assert refused(lesson09.q2.evaluate("explodes", history), "with raw_history")


@settings(max_examples=40, deadline=None)
@given(ANY_ANSWER, ANY_ANSWER)
def test_q2_any_answer_gets_a_proper_message(prediction, history):
    result = evaluate_anything(lesson09.q2, (prediction, history), lambda *_: True)
    assert UNEXPECTED not in result.message, result.message


@settings(max_examples=20, deadline=None)
@given(st.lists(st.floats(allow_nan=True, allow_infinity=True), min_size=1, max_size=5))
def test_q2_every_readable_prediction_of_a_run_is_done(losses):
    for prediction in ("falls", "stays", "explodes"):
        result = evaluate_anything(lesson09.q2, (prediction, {"loss": losses}), lambda *_: True)
        assert result.ok and "training loss" in result.message, result.message


# ---------------------------------------------------------------- q3 ---


def test_q3_solution_passes():
    my_mae = solve(lesson09.q3, deep_predictions=PREDICTIONS, y_test=Y_TEST)["my_mae"]
    assert lesson09.q3.evaluate(my_mae, PREDICTIONS, Y_TEST).ok


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
    assert lesson09.q3.evaluate(compute(PREDICTIONS, Y_TEST), PREDICTIONS, Y_TEST).ok


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
    result = lesson09.q3.evaluate(compute(PREDICTIONS, Y_TEST), PREDICTIONS, Y_TEST)
    assert refused(result, message), result.message


def test_q3_asks_for_the_check_cell_as_it_was():
    result = lesson09.q3.evaluate(1.0, PREDICTIONS[:10], Y_TEST)
    assert refused(result, "with deep_predictions and y_test"), result.message


# ---------------------------------------------------- any answer at all ---


@settings(max_examples=40, deadline=None)
@given(ANY_ANSWER, ANY_ANSWER)
def test_any_answer_gets_a_proper_message(answer, other):
    for exercise, answers in (
        (lesson09.q3, (answer, PREDICTIONS, Y_TEST)),
        (lesson09.q3, (1.0, other, Y_TEST)),
        (lesson09.q3, (1.0, PREDICTIONS, other)),
    ):
        result = evaluate_anything(exercise, answers)
        assert UNEXPECTED not in result.message, result.message


def test_wrong_numbers_of_answers_get_a_message():
    result = lesson09.q1.evaluate("B")
    assert refused(result, "check(choice, reason)"), result.message
    result = lesson09.q2.evaluate("explodes")
    assert refused(result, "check(prediction, raw_history)"), result.message
    result = lesson09.q3.evaluate(1.0, PREDICTIONS)
    assert refused(result, "check(my_mae, predictions, y_test)"), result.message


# ------------------------------------------------------------- in Korean ---


def test_korean_feedback(raw_history):
    korean_success(lesson09.q1, "B", "활성화 함수가 없어서 어떤 값이든 낼 수 있습니다")
    korean_success(lesson09.q1, *solve_in_korean(lesson09.q1, "choice", "reason"))
    for choice in ("A", "C"):
        korean_refusal(lesson09.q1, choice, "어떤 값이든")
    korean_refusal(lesson09.q1, "B", "좋아 보여서")
    korean_success(lesson09.q2, *solve_in_korean(lesson09.q2, "prediction"), raw_history)
    surprise = in_korean(lesson09.q2, "내려감", raw_history)
    assert surprise.ok and surprise.surprise and "표준화" in surprise.message, surprise.message
    korean_refusal(lesson09.q2, "모르겠음", raw_history)
    korean_refusal(lesson09.q2, "발산", None)
    errors = PREDICTIONS[:, 0] - Y_TEST
    korean_success(lesson09.q3, np.mean(np.abs(errors)), PREDICTIONS, Y_TEST)
    for wrong in (np.mean(errors), np.mean(errors**2), np.sum(np.abs(errors)), 1.0):
        korean_refusal(lesson09.q3, wrong, PREDICTIONS, Y_TEST)
    korean_refusal(lesson09.q3, np.mean(np.abs(PREDICTIONS - Y_TEST)), PREDICTIONS, Y_TEST)
