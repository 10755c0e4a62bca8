"""Notebook 00's exercises: a prediction judged by the learner's run, a choice with its reason."""

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

from helpers.exercises import lesson00

IMAGES = np.random.default_rng(0).integers(0, 256, size=(32, 28, 28), dtype=np.uint8)


@pytest.fixture(scope="module")
def out():
    """What the cell that checks q1 runs: Dense(16) on 32 images that were not flattened."""
    return keras.layers.Dense(16)(IMAGES / 255)


# ---------------------------------------------------------------- q1 ---


def test_q1_the_run_gives_what_the_solution_predicts(out):
    assert tuple(out.shape) == (32, 28, 16)
    result = lesson00.q1.evaluate(solve(lesson00.q1)["prediction"], out)
    assert result.ok and not result.surprise and "You predicted it" in result.message


@pytest.mark.parametrize(
    "prediction",
    [(32, 28, 16), [32, 28, 16], (np.int64(32), 28, 16), "32 x 28 x 16", "(32,28,16)입니다"],
)
def test_q1_accepts_every_way_to_write_the_shape(out, prediction):
    result = lesson00.q1.evaluate(prediction, out)
    assert result.ok and not result.surprise, result.message


@pytest.mark.parametrize(
    ("prediction", "why"),
    [
        ("(32, 16)", "does not flatten for you"),
        ((32, 16), "does not flatten for you"),
        ("(32, 28, 28, 16)", "does not treat each pixel on its own"),
        ("error", "any rank from 2 up"),
        ("오류가 납니다", "any rank from 2 up"),
        ("It raises an exception", "any rank from 2 up"),
    ],
)
def test_q1_a_wrong_prediction_is_explained_not_failed(out, prediction, why):
    result = lesson00.q1.evaluate(prediction, out)
    assert result.ok and result.surprise, result.message
    assert "returned shape (32, 28, 16)" in result.message and why in result.message


def test_q1_judges_what_the_learners_own_run_returned():
    flattened = keras.layers.Dense(16)(IMAGES.reshape(32, -1) / 255)  # the cell was changed
    result = lesson00.q1.evaluate("(32, 16)", flattened)
    assert result.ok and not result.surprise and "returned shape (32, 16)" in result.message
    result = lesson00.q1.evaluate("(32, 28, 16)", flattened)
    assert result.ok and result.surprise and "returned shape (32, 16)." in result.message


@pytest.mark.parametrize("prediction", ["(32, 784)", "b", "a vector", 16, 3.5, {"A": 1}, ()])
def test_q1_a_prediction_that_is_not_a_choice_is_refused(out, prediction):
    result = lesson00.q1.evaluate(prediction, out)
    assert not result.ok and result.answered and "is not one of" in result.message
    assert "'(32, 16)', '(32, 28, 16)', '(32, 28, 28, 16)', 'error'" in result.message


@pytest.mark.parametrize("run", [IMAGES, IMAGES[:, :, :16], "out", None, [1, 2], np.float32(3)])
def test_q1_asks_for_the_checking_cells_own_run(run):
    result = lesson00.q1.evaluate("(32, 28, 16)", run)
    assert not result.ok and "run the cell that checks it as it was given" in result.message, (
        result.message
    )


def test_q1_unanswered(out):
    result = lesson00.q1.evaluate(None, out)
    assert not result.ok and not result.answered


# ---------------------------------------------------------------- q2 ---


def test_q2_solution_passes():
    answer = solve(lesson00.q2)
    assert lesson00.q2.evaluate(answer["choice"], answer["reason"]).ok


@pytest.mark.parametrize(
    ("choice", "reason"),
    [
        ("LSTM or Conv1D", "a sequence: rank 3"),
        ("lstm", "(1000, 5000, 12)"),
        ("Conv1D", "each recording is 5,000 time steps of 12 measurements"),
        ("a recurrent layer", "the order of the readings matters"),
        ("GRU", "Rank-3 tensor"),
        ("LSTM 또는 Conv1D", "랭크 3 텐서입니다"),
        ("순환층", "시계열 데이터라서"),
        ("conv 1d", "축이 3개"),
    ],
)
def test_q2_accepts_other_right_answers(choice, reason):
    result = lesson00.q2.evaluate(choice, reason)
    assert result.ok, result.message


@pytest.mark.parametrize(
    ("choice", "message"),
    [
        ("Dense", "Dense reads vectors, rank 2"),
        ("dense layer", "Dense reads vectors, rank 2"),
        ("밀집층", "Dense reads vectors, rank 2"),
        ("Conv2D", "Conv2D reads images, rank 4"),
        ("conv3d", "Conv3D reads video, rank 5"),
        ("LSTM, not Dense", "name exactly one"),
        ("Transformer", "is not one of 'Dense', 'LSTM or Conv1D', 'Conv2D', 'Conv3D'"),
        (3, "name exactly one"),
    ],
)
def test_q2_explains_wrong_choices(choice, message):
    result = lesson00.q2.evaluate(choice, "(1000, 5000, 12): rank 3")  # a right reason
    assert not result.ok and result.answered and message in result.message, result.message


@pytest.mark.parametrize("reason", ["it is the best", "", 3, ["rank 3"]])
def test_q2_a_right_choice_needs_a_reason_that_says_what_the_data_is(reason):
    result = lesson00.q2.evaluate("LSTM or Conv1D", reason)
    assert not result.ok and result.answered and "give your reason" in result.message


def test_q2_unanswered():
    for answers in ((None, None), (None, "rank 3")):
        assert not lesson00.q2.evaluate(*answers).answered
    result = lesson00.q2.evaluate("LSTM or Conv1D", None)
    assert not result.ok and not result.answered and "give your reason" in result.message


# ---------------------------------------------------- any answer at all ---

SHAPE_WORDS = st.sampled_from(["(32, 16)", "(32, 28, 16)", "(32, 28, 28, 16)", "error"])


@settings(max_examples=40, deadline=None)
@given(ANY_ANSWER, ANY_ANSWER)
def test_any_answers_get_a_proper_message(first, second):
    for exercise, answers in ((lesson00.q1, (first, second)), (lesson00.q2, (first, second))):
        result = evaluate_anything(exercise, answers)
        assert UNEXPECTED not in result.message, result.message


@settings(max_examples=20, deadline=None)
@given(SHAPE_WORDS, ANY_ANSWER)
def test_a_prediction_is_judged_only_against_a_real_run(prediction, run):
    result = lesson00.q1.evaluate(prediction, run)
    assert not result.ok and "run the cell that checks it as it was given" in result.message, (
        result.message
    )


@settings(max_examples=20, deadline=None)
@given(SHAPE_WORDS)
def test_every_prediction_of_the_run_is_done_and_says_what_happened(prediction):
    out = np.zeros((32, 28, 16), "float32")
    result = lesson00.q1.evaluate(prediction, out)
    assert result.ok and result.surprise == (prediction != "(32, 28, 16)")
    assert "returned shape (32, 28, 16)" in result.message


# ------------------------------------------------------------- in Korean ---


def test_korean_feedback(out):
    korean_success(lesson00.q1, "(32, 28, 16)", out)
    surprise = in_korean(lesson00.q1, "(32, 16)", out)
    assert surprise.ok and surprise.surprise and "Dense" in surprise.message
    assert "예상" in surprise.message or "예측" in surprise.message, surprise.message
    korean_refusal(lesson00.q1, "(32, 784)", out)
    korean_refusal(lesson00.q1, "(32, 28, 16)", IMAGES)
    korean_success(lesson00.q2, "LSTM 또는 Conv1D", "랭크 3")
    korean_refusal(lesson00.q2, "Dense", "랭크 3")
    korean_refusal(lesson00.q2, "Conv1D", "좋아 보여서")
