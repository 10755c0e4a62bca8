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
    refused_properly,
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
from helpers.exercises.models import DenseLayer, ModelExercise
from helpers.exercises.types import Arg, FunctionExercise, Mistake, ValueExercise, same
from helpers.exercises.words import Choice, Prediction, WordExercise, Words
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
    for exercise in exercises_of(importlib.import_module(f"helpers.exercises.{lesson}")).values():
        evaluate_anything(exercise, answers)


# ------------------------------------------------------------- in Korean ---

LESSONS = [f"lesson0{n}" for n in range(9)]
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
        success=N_("one column per digit, a single 1 in each row."),
    )
    set_language("ko")
    exercise.check(2)
    exercise.check(3)
    exercise.check(None)
    exercise.check()
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "✅ 정답입니다! 숫자마다 열이 하나 있고, 각 행에는 1이 하나만 있습니다."
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
    assert capsys.readouterr().out == "✅ Correct! one column per digit, a single 1 in each row.\n"


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
    with pytest.raises(WrongAnswer, match="NumPy 배열이어야 합니다"):
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


# ------------------------------------------------- the declared types ---

TOTAL = ValueExercise(
    answer=Arg("total", read=as_number),
    inputs=[Arg("prices", read=as_array, default=lambda: np.array([2.0, 5.0]))],
    rules=[
        Mistake(
            "{total:g} is below zero; a sum of {count} prices is not.",
            when=lambda total, prices: total < 0 and {"count": len(prices)},
        )
    ],
    expected=lambda prices: prices.sum(),
    rtol=1e-6,
    mistakes=[Mistake("{total:g} is the largest price only.", value=lambda prices: prices.max())],
    otherwise="{total:g} is not the sum of {prices}; expected {expected:g}.",
    hint="h",
    solution="total = prices.sum()",
)


def test_a_value_is_compared_with_one_computed_from_the_learners_inputs():
    prices = np.array([1.0, 2.0, 4.0])
    assert TOTAL.evaluate(7, prices).ok
    assert TOTAL.evaluate(np.float32(7.0000001), prices).ok  # within rtol, another type
    assert TOTAL.evaluate(np.array([[7]]), prices).ok  # one number in an array
    assert not TOTAL.evaluate(7, np.array([1.0, 2.0])).ok  # another learner's inputs
    assert TOTAL.evaluate(4, prices).message == "4 is the largest price only."
    assert TOTAL.evaluate(-1, prices).message == "-1 is below zero; a sum of 3 prices is not."
    assert TOTAL.evaluate(6, prices).message == "6 is not the sum of [1. 2. 4.]; expected 7."


def test_an_optional_input_left_out_or_none_takes_its_default():
    assert TOTAL.evaluate(7).ok and TOTAL.evaluate(7, None).ok
    assert "largest" in TOTAL.evaluate(5).message


def test_the_inputs_are_read_before_the_answer_and_the_count_names_them():
    result = TOTAL.evaluate("7", [1, 2])
    assert result.message == "prices should be a NumPy array; you gave a list."
    assert "check(total, [prices]); you passed 3." in TOTAL.evaluate(1, 2, 3).message
    assert not TOTAL.evaluate(None).answered


def test_a_rule_applies_before_the_comparison():
    within = ValueExercise(
        answer="x",
        rules=[Mistake("not an int.", when=lambda x: not isinstance(x, int))],
        expected=1,
        otherwise="no.",
        hint="h",
        solution="x = 1",
    )
    assert within.evaluate(1).ok
    assert within.evaluate(1.0).message == "not an int."


def test_otherwise_may_be_a_mistake_that_fills_its_placeholders():
    pair = ValueExercise(
        answer="pair",
        expected=[1, 2],
        otherwise=Mistake("position {at} is off.", when=lambda pair: {"at": pair.index(9)}),
        hint="h",
        solution="pair = [1, 2]",
    )
    assert pair.evaluate([1, 9]).message == "position 1 is off."
    assert pair.evaluate([1, 2, 3]).message.startswith("checking your answer ran into ValueError")


@pytest.mark.parametrize(
    ("declare", "error", "message"),
    [
        (lambda: Mistake("m"), TypeError, "Mistake must be given either value= or when=; got"),
        (lambda: Mistake("m", value=1, when=bool), TypeError, "either value= or when="),
        (
            lambda: ValueExercise(
                answer=Arg("a", default=list), inputs=["b"], expected=1, otherwise="o",
                hint="h", solution="s",
            ),
            ValueError,
            "inputs must be a list with the required arguments before the optional ones; got",
        ),
        (
            lambda: ValueExercise(answer="not a name", expected=1, otherwise="o", hint="h",
                                  solution="s"),
            TypeError,
            "an argument must be an Arg or a Python name",
        ),
        (lambda: Words({}), ValueError, "meanings must be a dict of meanings and spellings"),
        (
            lambda: WordExercise(answer="w", words=Words({"a": ()}), right="b", hint="h",
                                 solution="s"),
            ValueError,
            "right and mistakes must be meanings of words; got \\['b'\\]",
        ),
        (lambda: DenseLayer(1, "swish"), ValueError, "activation must be one of"),
    ],
)  # fmt: skip
def test_a_wrong_declaration_is_refused_in_the_one_message_shape(declare, error, message):
    with pytest.raises(error, match=message):
        declare()


DOUBLE = FunctionExercise(
    answer="double",
    call="double(x)",
    cases=lambda xs: [(x,) for x in xs],
    inputs=[Arg("xs", default=lambda: [3, -1])],
    reference=lambda x: 2 * x,
    read=as_number,
    mistakes=[Mistake("double({x}) gave {output:g}: that is x squared.", value=lambda x: x * x)],
    otherwise="double({x}) gave {output:g}, not {expected}.",
    hint="h",
    solution="def double(x):\n    return 2 * x",
)


def _fails(x):
    raise ZeroDivisionError("no")


@pytest.mark.parametrize(
    ("function", "message"),
    [
        (lambda x: x + x, None),
        (lambda x: float(2 * x), None),
        (lambda x: x * x, "double(3) gave 9: that is x squared."),
        (lambda x: x + 2, "double(3) gave 5, not 6."),
        (lambda x: None, "double returned None: end it with a return statement."),
        (_fails, "double(x) raised ZeroDivisionError: no (called with 3)."),
        (lambda x: "two", "what double returned should be a number; you gave a str."),
        (2, "double should be a function: def double(x): ...; you gave a int."),
    ],
)
def test_a_function_runs_on_the_declared_cases(function, message):
    result = DOUBLE.evaluate(function, [3, -1])
    assert result.ok == (message is None) and (message is None or result.message == message)


FIT = Words(
    {
        "overfitting": ("over", "과대적합", "과적합", "오버피팅"),
        "underfitting": ("under", "과소적합", "언더피팅"),
        "good fit": ("good", "적정", "알맞"),
    }
)
DIAGNOSIS = WordExercise(
    answer="diagnosis",
    words=FIT,
    right={"A": "overfitting", "B": "good fit"},
    mistakes={"underfitting": "both losses would still be high."},
    unanswered="replace each None.",
    hint="h",
    solution="diagnosis = {'A': 'overfitting', 'B': 'good fit'}",
)


@pytest.mark.parametrize(
    "answer",
    [
        {"A": "overfitting", "B": "good fit"},
        {"a ": "Over-fitting", "B": "GOOD FIT"},
        {"A": "과대 적합입니다", "B": "적정적합"},
        {"A": "과적합", "B": "알맞게 맞음"},
        {"A": "오버피팅", "B": "good", "C": "extra keys are ignored"},
    ],
)
def test_words_are_accepted_in_english_and_korean(answer):
    assert DIAGNOSIS.evaluate(answer).ok


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ({"A": "underfitting", "B": "good"}, "A: both losses would still be high."),
        ({"A": "over", "B": "과대적합"}, "B: '과대적합' is not the answer: look again"),
        ({"A": "over", "B": "no idea"}, "B: 'no idea' is not one of 'overfitting', 'underfi"),
        ({"A": "over or under", "B": "good"}, "A: 'over or under' is not one of"),
        ({"A": 3, "B": "good"}, "A: 3 is not one of"),
        ({"B": "good"}, "A: None is not one of"),
        (["over"], "diagnosis should be a dict with the keys ['A', 'B']; you gave a list."),
    ],
)
def test_words_wrong_or_unknown_are_explained(answer, message):
    result = DIAGNOSIS.evaluate(answer)
    assert not result.ok and result.message.startswith(message), result.message


def test_a_dict_of_nones_is_not_answered_yet():
    result = DIAGNOSIS.evaluate({"A": None, "B": None})
    assert not result.answered and result.message == "replace each None."


def test_one_word_and_its_korean_message():
    word = WordExercise(answer="word", words=FIT, right="underfitting", hint="h", solution="s")
    assert word.evaluate("과소적합").ok and word.evaluate(" Under fitting ").ok
    set_language("ko")
    result = word.evaluate("뭔가")
    assert result.message.startswith("'뭔가': 'overfitting', 'underfitting', 'good fit' 중 하나가")


CHOICE = Choice(
    answer="choice",
    options=["A", "B", "C"],
    right="B",
    mistakes={"A": "A trains longer, but the gap is what matters."},
    because=Words({"gap": ("gap", "validation", "검증", "차이")}),
    because_missing="say what the curves show: the validation loss.",
    hint="h",
    solution="choice, reason = 'B', 'the validation loss'",
)


@pytest.mark.parametrize(
    ("answers", "verdict"),
    [
        (("B", "the validation loss rises"), "✅ Correct!"),
        ((" b", "검증 손실이 올라갑니다"), "✅ Correct!"),
        (("A", "gap"), "❌ Not yet: A trains longer, but the gap is what matters."),
        (("C", "gap"), "❌ Not yet: 'C' is not the answer: look again at what the exercise shows."),
        (("BB", "gap"), "❌ Not yet: 'BB' is not one of 'A', 'B', 'C': name exactly one."),
        (("B", "it is nicer"), "❌ Not yet: say what the curves show: the validation loss."),
        (("B", 3), "❌ Not yet: say what the curves show: the validation loss."),
        (("B", None), "✏️ Not answered yet: say what the curves show: the validation loss."),
        ((None, None), "✏️ Not answered yet: replace None with your answer"),
        (("B",), "❌ Not yet: check takes 2 values, check(choice, reason); you passed 1."),
    ],
)
def test_a_choice_and_its_reason(answers, verdict):
    assert str(CHOICE.evaluate(*answers)).startswith(verdict)


def _trend(losses):
    losses = as_array(losses, "losses")
    outcome = "down" if losses[-1] < losses[0] else "up"
    return outcome, {"first": losses[0], "last": losses[-1]}


LOSS_TREND = Prediction(
    answer="prediction",
    inputs=["losses"],
    outcomes=Words({"down": ("decrease", "fall", "내려", "감소", "줄"), "up": ("rise", "올라")}),
    observe=_trend,
    happened={
        "down": "the loss fell from {first:.1f} to {last:.1f}.",
        "up": "the loss rose from {first:.1f} to {last:.1f}.",
    },
    why={("up", "down"): "fit steps downhill."},
    hint="h",
    solution="prediction = 'down'",
)


@pytest.mark.parametrize(
    ("prediction", "losses", "verdict"),
    [
        ("down", [0.7, 0.2], "✅ Correct! You predicted it: the loss fell from 0.7 to 0.2."),
        ("줄어듭니다", [0.7, 0.2], "✅ Correct! You predicted it: the loss fell from 0.7 to 0.2."),
        (
            "It will rise",
            [0.2, 0.9],
            "✅ Correct! You predicted it: the loss rose from 0.2 to 0.9.",
        ),
        (
            "up",
            [0.7, 0.2],
            "🔎 Not what you predicted: you expected 'up'; the loss fell from 0.7 to 0.2. "
            "fit steps downhill.",
        ),
        (
            "down",
            [0.2, 0.9],
            "🔎 Not what you predicted: you expected 'down'; the loss rose from 0.2 to 0.9.",
        ),
        ("sideways", [0.7, 0.2], "❌ Not yet: 'sideways' is not one of 'down', 'up'"),
        (None, [0.7, 0.2], "✏️ Not answered yet: replace None with your answer"),
        ("down", "no run", "❌ Not yet: losses should be a NumPy array; you gave a str."),
    ],
)
def test_a_prediction_is_compared_with_what_the_learners_run_did(prediction, losses, verdict):
    result = LOSS_TREND.evaluate(
        prediction, np.asarray(losses) if isinstance(losses, list) else losses
    )
    assert str(result) == verdict or str(result).startswith(verdict), str(result)
    assert result.ok == verdict.startswith(("✅", "🔎")) and result.surprise == verdict.startswith(
        "🔎"
    )


def test_a_surprise_speaks_korean():
    set_language("ko")
    result = LOSS_TREND.evaluate("up", np.array([0.7, 0.2]))
    assert str(result).startswith("🔎 예측과 다릅니다: 예측은 'up'였습니다.")


def _stack(*layers, features=4):
    import keras

    return keras.Sequential([keras.Input(shape=(features,)), *layers])


def test_a_model_declared_layer_by_layer():
    import keras

    dense = keras.layers.Dense
    three = ModelExercise(
        answer="model",
        api=None,
        input_shape=(4,),
        input_why="use keras.Input(shape={wanted}).",
        hidden=[DenseLayer(8, "tanh"), DenseLayer(8, "relu")],
        output=DenseLayer(3, "softmax"),
        hint="h",
        solution="s",
    )
    right = _stack(dense(8, "tanh"), dense(8), keras.layers.ReLU(), dense(3, "softmax"))
    assert three.evaluate(right).ok
    for model, message in [
        (
            _stack(dense(8, "tanh"), dense(3, "softmax")),
            "model has 1 hidden layers; the exercise asks for 2.",
        ),
        (
            _stack(dense(8, "relu"), dense(8, "relu"), dense(3, "softmax")),
            "your hidden layer uses activation 'relu'; the exercise asks for 'tanh'.",
        ),
        (
            _stack(dense(8, "tanh"), dense(8, "relu"), dense(2, "softmax")),
            "your output layer has 2 units; the exercise asks for 3.",
        ),
        (
            _stack(dense(3, "softmax"), features=5),
            "model expects samples of shape (5,); use keras.Input(shape=(4,)).",
        ),
        (
            _stack(),
            "model does not know its input shape yet: start it with keras.Input(shape=(4,)).",
        ),
    ]:
        assert three.evaluate(model).message == message
    inputs = keras.Input(shape=(4,))
    assert three.evaluate(keras.Model(inputs, inputs)).message == (
        "model has no Dense layers yet: add a hidden and an output layer."
    )
    one = ModelExercise(
        answer="m", api="functional", input_shape=(4,), input_why="w", hidden=[],
        output=DenseLayer(1, "linear"), hint="h", solution="s",
    )  # fmt: skip
    assert one.evaluate(_stack()).message.startswith("m is a Sequential model; use the functional")
    assert one.evaluate(keras.Model(inputs, dense(1)(inputs))).ok
    assert one.evaluate(keras.Model(inputs, inputs)).message == (
        "m has no Dense layer yet: add the output layer."
    )


def _right_total(*answers):
    """Whether the answer is the sum of the prices passed (or of the default ones)."""
    if len(answers) not in (1, 2):
        return False
    prices = answers[1] if answers[1:] and answers[1] is not None else np.array([2.0, 5.0])
    return isinstance(prices, np.ndarray) and same(answers[0], prices.sum(), rtol=1e-6)


@settings(max_examples=60, deadline=None)
@given(ANY_ANSWERS)
def test_declared_types_never_raise_nor_pass_by_mistake(answers):
    evaluate_anything(TOTAL, answers, _right_total)
    for exercise in (DOUBLE, DIAGNOSIS, CHOICE):  # no arbitrary answer is right
        refused_properly(exercise, answers)
    evaluate_anything(LOSS_TREND, answers, lambda *given: True)  # any prediction may come true
