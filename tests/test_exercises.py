"""The exercise machinery: printed verdicts, argument counts, errors and warnings kept out."""

import importlib
import logging
import warnings

import numpy as np
import pytest
import tensorflow as tf
from exercise_support import ANY_ANSWERS, evaluate_anything
from hypothesis import given, settings

from helpers.exercises import (
    QUIET_LOGGERS,
    Exercise,
    NotAnswered,
    WrongAnswer,
    as_array,
    as_number,
    as_whole_number,
)


def _needs_two(x):
    if x == "skip":
        raise NotAnswered("fill in x.")
    if x != 2:
        raise WrongAnswer(f"you gave {x}; the answer is an even prime.")


EXAMPLE = Exercise(check=_needs_two, hint="Think small.", solution="x = 2", success="Yes.")


def _exercise(checker):
    return Exercise(check=checker, hint="h", solution="s", success="Yes.")


def test_check_prints_correct_wrong_and_unanswered(capsys):
    EXAMPLE.check(2)
    EXAMPLE.check(3)
    EXAMPLE.check(None)
    EXAMPLE.check("skip")
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "✅ Correct! Yes.",
        "❌ Not yet: you gave 3; the answer is an even prime.",
        "✏️ Not answered yet: replace None with your answer, run that cell, then check again.",
        "✏️ Not answered yet: fill in x.",
    ]


def test_hint_and_solution(capsys):
    EXAMPLE.hint()
    EXAMPLE.solution()
    assert capsys.readouterr().out == "💡 Hint: Think small.\nSolution:\n    x = 2\n"


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"check": "not a function"}, TypeError, "check must be a function; got str"),
        ({"hint": ""}, ValueError, "hint must be a non-empty string"),
        ({"solution": None}, ValueError, "solution must be a non-empty string"),
    ],
)
def test_exercise_rejects_bad_definitions(kwargs, error, message):
    with pytest.raises(error, match=message):
        Exercise(**{"check": _needs_two, "hint": "h", "solution": "s", **kwargs})


def _two_answers(answer, history, scale=1):
    if answer != history * scale:
        raise WrongAnswer("no.")


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ((), "check takes 2 to 3 values, check(answer, history, [scale]); you passed 0."),
        ((1,), "you passed 1. Pass the variables named there, in that order."),
        ((1, 2, 3, 4), "you passed 4."),
    ],
)
def test_a_wrong_number_of_answers_says_what_to_pass(answers, message):
    result = _exercise(_two_answers).evaluate(*answers)
    assert not result.ok and result.answered and message in result.message, result.message


def test_optional_answers_may_be_left_out():
    assert _exercise(_two_answers).evaluate(4, 4).ok
    assert _exercise(_two_answers).evaluate(8, 4, 2).ok
    single = EXAMPLE.evaluate(1, 2)
    assert "check takes 1 value, check(x); you passed 2." in single.message


def test_the_first_answer_still_none_is_not_answered():
    result = _exercise(_two_answers).evaluate(None, 4)
    assert not result.ok and not result.answered


def _trips(x):
    return {"accuracy": 1}["loss" * (len(x) * 100)]


def test_an_unexpected_error_becomes_a_short_message(capsys):
    _exercise(_trips).check([1, 2])
    out = capsys.readouterr().out
    assert out.startswith("❌ Not yet: checking your answer ran into KeyError: 'lossloss")
    assert " ..." in out and len(out) < 400 and "Traceback" not in out
    assert out.count("\n") == 1


def test_an_error_without_message_is_still_named():
    def fails(x):
        raise ZeroDivisionError

    result = _exercise(fails).evaluate(1)
    assert not result.ok and "ZeroDivisionError: (no message)" in result.message


def _noisy(x):
    print("a stray print")
    warnings.warn("a Python warning", UserWarning, stacklevel=1)
    warnings.warn("deprecated", DeprecationWarning, stacklevel=1)
    for name in QUIET_LOGGERS:
        logging.getLogger(name).warning("5 out of the last 16 calls triggered retracing")
    function = tf.function(lambda value: value * 2)
    for value in range(8):  # Python numbers retrace every time: TensorFlow warns about it
        function(float(value))
    if x != 1:
        raise WrongAnswer("not 1.")


class _Records(logging.Handler):
    def __init__(self):
        super().__init__()
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


@pytest.fixture
def log_records():
    records = _Records()
    loggers = [logging.getLogger(name) for name in QUIET_LOGGERS]
    for logger in loggers:
        logger.addHandler(records)
    yield records.messages
    for logger in loggers:
        logger.removeHandler(records)


def test_noisy_is_noisy_outside_a_check(log_records):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _noisy(1)
    assert {str(w.message) for w in caught} == {"a Python warning", "deprecated"}
    assert any("triggered tf.function retracing" in message for message in log_records)


def test_a_check_prints_its_verdict_and_nothing_else(capfd, log_records):
    before = [logging.getLogger(name).disabled for name in QUIET_LOGGERS]
    filters = list(warnings.filters)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _exercise(_noisy).check(1)
        _exercise(_noisy).check(2)
    out, err = capfd.readouterr()
    assert out == "✅ Correct! Yes.\n❌ Not yet: not 1.\n"
    assert err == "" and caught == [] and log_records == []
    assert [logging.getLogger(name).disabled for name in QUIET_LOGGERS] == before
    assert warnings.filters == filters


def test_warnings_outside_a_check_still_show():
    _exercise(_noisy).evaluate(1)
    with pytest.warns(UserWarning, match="still here"):
        warnings.warn("still here", UserWarning, stacklevel=1)


def test_number_helpers():
    assert as_number(np.float32(0.5), "x") == 0.5
    assert as_number(np.array([[3]]), "x") == 3.0
    assert as_whole_number(67.0, "n", "a count is whole.") == 67
    assert as_array(np.zeros(3), "x").shape == (3,)
    for value, message in [
        (float("nan"), "x is nan: it should be an ordinary, finite number."),
        (np.inf, "x is inf"),
        ("3", "x should be a number; you gave a str."),
        (True, "you gave a bool"),
        (np.zeros(3), "one number; you gave 3 values"),
        (object(), "you gave a object"),
    ]:
        with pytest.raises(WrongAnswer, match=message):
            as_number(value, "x")
    with pytest.raises(WrongAnswer, match="you gave 2.5; a count is whole."):
        as_whole_number(2.5, "n", "a count is whole.")
    with pytest.raises(WrongAnswer, match="NumPy array; you gave a list"):
        as_array([1, 2], "x")


@settings(max_examples=60, deadline=None)
@given(ANY_ANSWERS)
def test_evaluate_never_raises_and_is_right_only_for_2(answers):
    result = EXAMPLE.evaluate(*answers)
    assert result.ok == (len(answers) == 1 and _is_two(answers[0]))


def _is_two(value):
    try:
        return bool(value == 2)
    except ValueError:  # an array of several values
        return False


# Lessons whose exercises no arbitrary answer can get right (the others, whose
# right answers hypothesis could generate, test this with their own rule).
LESSONS_REFUSING_ANYTHING = ("lesson00", "lesson02", "lesson04", "lesson05", "lesson06")


@pytest.mark.parametrize("lesson", LESSONS_REFUSING_ANYTHING)
@settings(max_examples=60, deadline=None)
@given(answers=ANY_ANSWERS)
def test_no_answers_raise_or_pass_by_mistake(lesson, answers):
    module = importlib.import_module(f"helpers.exercises.{lesson}")
    for exercise in (getattr(module, f"q{n}") for n in (1, 2, 3) if hasattr(module, f"q{n}")):
        evaluate_anything(exercise, answers)
