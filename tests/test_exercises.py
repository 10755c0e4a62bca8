"""The exercise machinery: printed verdicts, argument counts, errors and warnings kept out."""

import importlib
import logging
import re
import warnings
from pathlib import Path
from string import Formatter

import numpy as np
import pytest
import tensorflow as tf
from exercise_support import (
    ANY_ANSWERS,
    code_only,
    evaluate_anything,
    exercises_of,
    hangul,
)
from hypothesis import given, settings

import helpers.exercises
from helpers.exercises import (
    QUIET_LOGGERS,
    Exercise,
    NotAnswered,
    WrongAnswer,
    as_array,
    as_number,
    as_whole_number,
)
from helpers.i18n import N_, _, set_language


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
        ({"check": "not a function"}, TypeError, "check must be a function; got 'not a function'"),
        ({"hint": ""}, ValueError, "hint must be a text; got ''"),
        ({"solution": None}, TypeError, "solution must be a text; got None"),
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
LESSONS_REFUSING_ANYTHING = (
    "lesson00",
    "lesson02",
    "lesson03",
    "lesson06",
    "lesson07",
    "lesson08",
    "lesson11",
)


@pytest.mark.parametrize("lesson", LESSONS_REFUSING_ANYTHING)
@settings(max_examples=60, deadline=None)
@given(answers=ANY_ANSWERS)
def test_no_answers_raise_or_pass_by_mistake(lesson, answers):
    for exercise in exercises_of(importlib.import_module(f"helpers.exercises.{lesson}")).values():
        evaluate_anything(exercise, answers)


# ------------------------------------------------------------- in Korean ---

#: Every lesson module with exercises, helpers/exercises/lessonNN.py: "lesson00", "lesson01", ...
LESSONS = sorted(
    path.stem for path in Path(helpers.exercises.__file__).parent.glob("lesson[0-9][0-9].py")
)
ALL_EXERCISES = [
    pytest.param(exercise, id=f"{lesson}.{name}")
    for lesson in LESSONS
    for name, exercise in exercises_of(
        importlib.import_module(f"helpers.exercises.{lesson}")
    ).items()
]


def _korean_needs_two(x):
    if x == "skip":
        raise NotAnswered(_("replace None with your answer, run that cell, then check again."))
    if x != 2:
        raise WrongAnswer(_("you gave {number:g}; {why}").format(number=x, why="..."))


def test_verdict_lines_speak_korean(capsys):
    exercise = Exercise(
        check=_korean_needs_two,
        hint=N_("One probability: binary cross-entropy."),
        solution="x = 2",
        success=N_("a Dense layer reads the last axis; flatten images before a Dense layer."),
    )
    set_language("ko")
    exercise.check(2)
    exercise.check(3)
    exercise.check(None)
    exercise.check()
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (
        "✅ 정답입니다! Dense 층은 마지막 축을 읽습니다. Dense 층에 넣기 전에 이미지를 펼치세요."
    )
    assert lines[1] == "❌ 아직 아닙니다: 입력한 값: 3. ..."
    assert (
        lines[2]
        == "✏️ 아직 답하지 않았습니다: None을 답으로 바꾸고 그 셀을 실행한 뒤 다시 확인하세요."
    )
    assert lines[3].startswith(
        "❌ 아직 아닙니다: check에는 값을 1개 넘깁니다. check(x) 형태입니다."
    )
    set_language("en")
    exercise.check(2)
    assert capsys.readouterr().out == (
        "✅ Correct! a Dense layer reads the last axis; flatten images before a Dense layer.\n"
    )


def test_unexpected_errors_and_shared_refusals_speak_korean():
    set_language("ko")
    result = _exercise(_trips).evaluate([1])
    assert result.message.startswith("답을 확인하는 중에 KeyError 오류가 났습니다: 'loss")
    for value in (float("nan"), "3", np.zeros(3)):
        with pytest.raises(WrongAnswer) as refused:
            as_number(value, "x")
        assert hangul(str(refused.value)), str(refused.value)
    with pytest.raises(WrongAnswer, match="입력한 값: 2.5. 개수는 정수입니다."):
        as_whole_number(2.5, "n", "개수는 정수입니다.")
    with pytest.raises(WrongAnswer, match="넘파이 배열이어야 합니다"):
        as_array([1, 2], "x")


def test_every_lesson_declares_its_exercises():
    assert len(ALL_EXERCISES) >= 2 * len(LESSONS)


@pytest.mark.parametrize("exercise", ALL_EXERCISES)
def test_hints_solutions_and_successes_speak_korean(exercise, capsys):
    english = (exercise.hint_text, exercise.solution_text, exercise.success_text)
    assert exercise.solution_text == exercise.solution_code
    set_language("ko")
    exercise.hint()
    exercise.solution()
    out = capsys.readouterr().out
    assert out.startswith("💡 힌트: ") and hangul(exercise.hint_text), out
    assert "\n풀이:\n    " in out
    assert hangul(exercise.success_text), exercise.success_text
    # The solution's code is the same in both languages; its comments are translated.
    assert code_only(exercise.solution_text) == code_only(exercise.solution_code)
    if re.search(r"#.*[a-z]{2}", exercise.solution_code):
        assert hangul(exercise.solution_text), exercise.solution_text
    set_language("en")
    assert (exercise.hint_text, exercise.solution_text, exercise.success_text) == english


def _marked_messages() -> list[str]:
    """Every message marked with _() or N_() in helpers/exercises, as Babel extracts it."""
    from babel.messages.extract import extract_from_file

    folder = Path(helpers.exercises.__file__).parent
    return [
        message
        for path in sorted(folder.glob("*.py"))
        for _line, message, _comments, _context in extract_from_file(
            "python", str(path), keywords={"_": None, "N_": None}
        )
    ]


def _placeholders(text: str) -> list[tuple]:
    return sorted(
        {
            (name, spec, conversion)
            for _literal, name, spec, conversion in Formatter().parse(text)
            if name is not None
        }
    )


def test_every_exercise_message_has_korean_with_the_same_placeholders():
    messages = _marked_messages()
    assert len(messages) > 200
    set_language("ko")
    for message in messages:
        korean = _(message)
        assert korean != message and hangul(korean), message
        assert _placeholders(korean) == _placeholders(message), (message, korean)
