"""Notebook 12's exercises: a prediction judged by the learner's own run, a slope worked out
with the chain rule; solutions pass, unusual right answers pass, typical slips are answered."""

import math

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

from helpers.exercises import lesson12

#: The lesson's table: 4 rows, 3 columns.
A = np.array([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]])
PICKED = A[:, [0, 2]]  # what the cell that checks q1 runs


def slope(f, x, h=1e-6):
    """The lesson's measured slope."""
    return (f(x + h) - f(x - h)) / (2 * h)


# ---------------------------------------------------------------- q1 ---


def test_q1_the_run_gives_what_the_solution_predicts():
    assert PICKED.shape == (4, 2)
    result = lesson12.q1.evaluate(solve(lesson12.q1)["prediction"], PICKED)
    assert result.ok and not result.surprise and "You predicted it" in result.message


@pytest.mark.parametrize(
    "prediction", [(4, 2), [4, 2], (np.int64(4), 2), "4 x 2", "(4,2)입니다", " (4, 2) "]
)
def test_q1_accepts_every_way_to_write_the_shape(prediction):
    result = lesson12.q1.evaluate(prediction, PICKED)
    assert result.ok and not result.surprise, result.message


@pytest.mark.parametrize(
    ("prediction", "why"),
    [
        ("(2, 3)", "is what a[[0, 2]] gives"),
        ((2, 3), "is what a[[0, 2]] gives"),
        ("(2, 4)", "so that axis has length 2"),
        ("error", "works on any axis"),
        ("오류가 납니다", "works on any axis"),
    ],
)
def test_q1_a_wrong_prediction_is_explained_not_failed(prediction, why):
    result = lesson12.q1.evaluate(prediction, PICKED)
    assert result.ok and result.surprise, result.message
    assert "returned shape (4, 2)" in result.message and why in result.message


def test_q1_judges_what_the_learners_own_run_returned():
    rows = A[[0, 2]]  # the learner changed the cell to pick rows
    result = lesson12.q1.evaluate("(2, 3)", rows)
    assert result.ok and not result.surprise and "returned shape (2, 3)" in result.message
    result = lesson12.q1.evaluate("(4, 2)", rows)
    assert result.ok and result.surprise and "returned shape (2, 3)." in result.message


@pytest.mark.parametrize(
    "prediction", ["(4,)", "(2,)", "b", "a table", 42, 3.5, {"A": 1}, (), "(4, 2) or (2, 3)"]
)
def test_q1_a_prediction_that_is_not_a_choice_is_refused(prediction):
    result = lesson12.q1.evaluate(prediction, PICKED)
    assert not result.ok and result.answered and "is not one of" in result.message
    assert "'(4, 2)', '(2, 3)', '(2, 4)', 'error'" in result.message


def test_q1_two_shapes_in_one_answer_are_shown_as_written():
    """Not run together into one shape: "(4, 2) or (2, 3)" once read as (4, 2, 2, 3)."""
    result = lesson12.q1.evaluate("(4, 2) or (2, 3)", PICKED)
    assert not result.ok and "'(4, 2) or (2, 3)' is not one of" in result.message


@pytest.mark.parametrize("run", [A, A[:, 0], "picked", None, [[1, 3], [4, 6]], np.float32(3)])
def test_q1_asks_for_the_checking_cells_own_run(run):
    result = lesson12.q1.evaluate("(4, 2)", run)
    assert not result.ok and "run the cell that checks it as it was given" in result.message, (
        result.message
    )


def test_q1_unanswered():
    result = lesson12.q1.evaluate(None, PICKED)
    assert not result.ok and not result.answered


# ---------------------------------------------------------------- q2 ---


def square(x):
    return x**2


def triple(x):
    return 3 * x


def test_q2_solution_passes_and_is_the_measured_slope():
    measured = slope(lambda x: square(triple(x)), 1.0)
    assert abs(measured - 18) < 1e-4
    assert lesson12.q2.evaluate(solve(lesson12.q2)["chain_slope"]).ok
    assert lesson12.q2.evaluate(measured).ok, "measuring it is a right way too"


@pytest.mark.parametrize(
    "answer", [18, 18.0, np.float32(18), np.int64(18), np.array([18.0]), 3 * 6, 17.999999]
)
def test_q2_accepts_every_form_of_18(answer):
    result = lesson12.q2.evaluate(answer)
    assert result.ok, result.message


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (6, "The square receives triple(1) = 3"),
        (6.0, "The square receives triple(1) = 3"),
        (5, "adds slopes; along a chain they multiply"),
        (9, "the chain's value at x = 1"),
        (3, "the slope of one step only"),
        (2, "the slope of one step only"),
        (54, "is not the slope of square(triple(x)) at x = 1"),
        (-18, "is not the slope of square(triple(x)) at x = 1"),
        ("18", "should be a number; you gave a str"),
        (math.inf, "an ordinary, finite number"),
        (np.array([18.0, 18.0]), "one number"),
    ],
)
def test_q2_answers_each_slip(answer, message):
    result = lesson12.q2.evaluate(answer)
    assert not result.ok and result.answered and message in result.message, result.message


def test_q2_unanswered():
    assert not lesson12.q2.evaluate(None).answered


# ---------------------------------------------------- any answer at all ---

SHAPE_WORDS = st.sampled_from(["(4, 2)", "(2, 3)", "(2, 4)", "error"])
OFFERED = {(4, 2), (2, 3), (2, 4)}  # the shapes a run may have to be judged


def a_real_run(_prediction, run):
    """Whether ``run`` can be what the checking cell ran: an array of an offered shape."""
    return getattr(run, "shape", None) in OFFERED


@settings(max_examples=40, deadline=None)
@given(ANY_ANSWER, ANY_ANSWER)
def test_any_answers_get_a_proper_message(first, second):
    result = evaluate_anything(lesson12.q1, (first, second), is_right=a_real_run)
    assert UNEXPECTED not in result.message, result.message


@settings(max_examples=60, deadline=None)
@given(ANY_ANSWER)
def test_q2_is_right_only_for_18(answer):
    def is_18(value):
        try:
            number = np.asarray(value, dtype=float)
        except (TypeError, ValueError):
            return False
        return number.size == 1 and abs(number.item() - 18) < 0.01

    result = evaluate_anything(lesson12.q2, (answer,), is_right=is_18)
    assert UNEXPECTED not in result.message, result.message


@settings(max_examples=40, deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False))
def test_q2_any_number_is_judged_by_its_distance_from_18(number):
    result = lesson12.q2.evaluate(number)
    assert result.ok == (abs(number - 18) < 0.01), result.message
    assert result.ok or f"{number:g}" in result.message


@settings(max_examples=20, deadline=None)
@given(SHAPE_WORDS, ANY_ANSWER.filter(lambda run: not a_real_run(None, run)))
def test_a_prediction_is_judged_only_against_a_real_run(prediction, run):
    result = lesson12.q1.evaluate(prediction, run)
    assert not result.ok and "run the cell that checks it as it was given" in result.message, (
        result.message
    )


@settings(max_examples=20, deadline=None)
@given(SHAPE_WORDS)
def test_every_prediction_of_the_run_is_done_and_says_what_happened(prediction):
    result = lesson12.q1.evaluate(prediction, PICKED)
    assert result.ok and result.surprise == (prediction != "(4, 2)")
    assert "returned shape (4, 2)" in result.message


# ------------------------------------------------------------- in Korean ---


def test_korean_feedback():
    korean_success(lesson12.q1, "(4, 2)", PICKED)
    surprise = in_korean(lesson12.q1, "(2, 3)", PICKED)
    assert surprise.ok and surprise.surprise and "a[[0, 2]]" in surprise.message
    assert "예상" in surprise.message or "예측" in surprise.message, surprise.message
    korean_refusal(lesson12.q1, "(4,)", PICKED)
    korean_refusal(lesson12.q1, "(4, 2)", A)
    korean_success(lesson12.q2, 18)
    for slip in (6, 5, 9, 3, 54):
        korean_refusal(lesson12.q2, slip)
