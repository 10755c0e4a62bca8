"""The declared exercise types of helpers/exercises/words.py: words, choices, predictions."""

import numpy as np
import pytest
from exercise_support import ANY_ANSWERS, evaluate_anything, refused_properly
from hypothesis import given, settings

from helpers.exercises import as_array
from helpers.exercises.words import Choice, Prediction, WordExercise, Words
from helpers.i18n import set_language

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


RUNS = WordExercise(
    answer="diagnosis",
    words=FIT,
    right={"A": "overfitting", "B": "good fit"},
    mistakes={"underfitting": "run {key} would have both losses high."},
    missing="give run {key} a word.",
    hint="h",
    solution="diagnosis = {'A': 'overfitting', 'B': 'good fit'}",
)


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ({"A": "under", "B": "good"}, "run A would have both losses high."),
        ({"B": "good"}, "give run A a word."),
        ({"A": 3, "B": "good"}, "give run A a word."),
        ({"A": "over", "B": "  "}, "give run B a word."),
        ({"A": "over", "B": "meh"}, "B: 'meh' is not one of 'overfitting', 'underfitting', 'go"),
    ],
)
def test_a_missing_word_has_its_message_and_a_message_naming_its_key_is_not_prefixed(
    answer, message
):
    result = RUNS.evaluate(answer)
    assert not result.ok and result.message.startswith(message), result.message
    assert RUNS.evaluate({"A": "과대적합", "B": "good"}).ok


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


@pytest.mark.parametrize(
    ("declare", "message"),
    [
        (lambda: Words({}), "meanings must be a dict of meanings and spellings"),
        (
            lambda: WordExercise(answer="w", words=Words({"a": ()}), right="b", hint="h",
                                 solution="s"),
            "right and mistakes must be meanings of words; got \\['b'\\]",
        ),
    ],
)  # fmt: skip
def test_a_wrong_declaration_is_refused_in_the_one_message_shape(declare, message):
    with pytest.raises(ValueError, match=message):
        declare()


@settings(max_examples=60, deadline=None)
@given(ANY_ANSWERS)
def test_declared_types_never_raise_nor_pass_by_mistake(answers):
    for exercise in (DIAGNOSIS, CHOICE):  # no arbitrary answer is right
        refused_properly(exercise, answers)
    evaluate_anything(LOSS_TREND, answers, lambda *given: True)  # any prediction may come true
