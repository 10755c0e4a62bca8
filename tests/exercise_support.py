"""Run an exercise's printed solution the way a learner would; answers of any kind."""

import math
import os

import keras
import numpy as np
from hypothesis import strategies as st
from hypothesis.extra.numpy import array_shapes, arrays


def solve(exercise, **names):
    """Run ``exercise.solution_code`` in a namespace like a lesson notebook's; return it.

    The namespace holds what the notebooks import (``keras``, ``np``, ``math``,
    ``os``) and the notebook variables the solution uses, passed as ``names``.
    """
    namespace = {"keras": keras, "np": np, "math": math, "os": os, **names}
    exec(exercise.solution_code, namespace)
    return namespace


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
    """``exercise.evaluate(*answers)``, asserting it is ✅ only when ``is_right(*answers)``."""
    result = exercise.evaluate(*answers)
    assert not result.ok or is_right(*answers), f"✅ for {answers!r:.200}"
    assert str(result).startswith("✅" if result.ok else ("❌", "✏️"))
    return result


def refused_properly(exercise, answers, is_right=lambda *answers: False):
    """As :func:`evaluate_anything`, also asserting the checker itself did not trip."""
    result = evaluate_anything(exercise, answers, is_right)
    assert UNEXPECTED not in result.message, result.message
    return result
