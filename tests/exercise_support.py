"""Run an exercise's printed solution the way a learner would; answers of any kind."""

import io
import math
import os
import re
import tokenize

import keras
import numpy as np
from hypothesis import strategies as st
from hypothesis.extra.numpy import array_shapes, arrays

from helpers.exercises import Exercise
from helpers.i18n import set_language


def solve(exercise, **names):
    """Run ``exercise.solution_code`` in a namespace like a lesson notebook's; return it.

    The namespace holds what the notebooks import (``keras``, ``np``, ``math``,
    ``os``) and the notebook variables the solution uses, passed as ``names``.
    """
    namespace = {"keras": keras, "np": np, "math": math, "os": os, **names}
    exec(exercise.solution_code, namespace)
    return namespace


def dense(units, activation=None):
    """``keras.layers.Dense(units, activation=activation)``: a layer as the lessons write it."""
    return keras.layers.Dense(units, activation=activation)


def stack(*layers, n_features):
    """A Sequential model of ``layers`` reading ``n_features`` numbers per sample."""
    return keras.Sequential([keras.Input(shape=(n_features,)), *layers])


#: Anything a learner might pass to a check: None, numbers with NaN and infinity,
#: texts, lists, dicts and arrays of odd shapes and dtypes.
ANY_ANSWER = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=5),
    st.lists(st.one_of(st.integers(), st.floats(), st.text(max_size=3)), max_size=4),
    st.dictionaries(st.sampled_from("ABC"), st.one_of(st.none(), st.text(max_size=5))),
    arrays(st.sampled_from(["float32", "int64", "uint8"]), array_shapes(min_dims=0, max_dims=3)),
)
#: Zero to four such answers: what a call ``check(...)`` might receive.
ANY_ANSWERS = st.lists(ANY_ANSWER, max_size=4)

#: The start of the message a check prints when a checker itself tripped on an answer.
UNEXPECTED = "checking your answer ran into"


def evaluate_anything(exercise, answers, is_right=lambda *answers: False):
    """``exercise.evaluate(*answers)``, asserting it is ✅ only when ``is_right(*answers)``.

    A prediction that did not come true is done too (``ok``), shown with 🔎.
    """
    result = exercise.evaluate(*answers)
    assert not result.ok or is_right(*answers), f"✅ for {answers!r:.200}"
    start = "🔎" if result.surprise else "✅" if result.ok else ("❌", "✏️")
    assert str(result).startswith(start), str(result)
    return result


def exercises_of(module):
    """Every exercise a lesson module declares, by name: ``{"q1": ..., "q2": ...}``."""
    return {name: value for name, value in vars(module).items() if isinstance(value, Exercise)}


def refused_properly(exercise, answers, is_right=lambda *answers: False):
    """As :func:`evaluate_anything`, also asserting the checker itself did not trip."""
    result = evaluate_anything(exercise, answers, is_right)
    assert UNEXPECTED not in result.message, result.message
    return result


# ------------------------------------------------------------- in Korean ---

#: A Hangul syllable: Korean text has at least one.
HANGUL = re.compile("[\uac00-\ud7a3]")
#: The start of the Korean verdict lines.
CORRECT_KO = "✅ 정답입니다!"
NOT_YET_KO = "❌ 아직 아닙니다: "
NOT_ANSWERED_KO = "✏️ 아직 답하지 않았습니다: "


def hangul(text: str) -> bool:
    """Whether ``text`` holds Korean."""
    return bool(HANGUL.search(text))


def in_korean(exercise, *answers):
    """``exercise.evaluate(*answers)`` in Korean (conftest resets English)."""
    set_language("ko")
    return exercise.evaluate(*answers)


def korean_refusal(exercise, *answers):
    """Assert that, in Korean, ``answers`` get a Korean "not yet" message; return the result."""
    result = in_korean(exercise, *answers)
    assert not result.ok and result.answered, str(result)
    assert str(result).startswith(NOT_YET_KO) and hangul(result.message), str(result)
    assert UNEXPECTED not in result.message and "답을 확인하는 중에" not in result.message
    return result


def korean_success(exercise, *answers):
    """Assert that, in Korean, ``answers`` get the Korean ✅ line; return the result."""
    result = in_korean(exercise, *answers)
    assert result.ok, str(result)
    assert str(result).startswith(CORRECT_KO) and hangul(result.message), str(result)
    return result


def code_only(source: str) -> list[tuple[int, str]]:
    """The tokens of Python ``source`` without its comments: what a solution runs."""
    skip = {tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT}
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    return [(token.type, token.string) for token in tokens if token.type not in skip]
