"""helpers.checks: one message shape, NumPy scalars accepted, nothing else slips through."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.checks import one_of, real_number, refusal, whole_number

# Anything a learner might type where a number or a name is asked for.
ANYTHING = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=8),
    st.lists(st.integers(), max_size=3),
    st.integers(-(2**63), 2**63 - 1).map(np.int64),
    st.floats(width=32).map(np.float32),
    st.just(np.array([1, 2])),
    st.just(np.bool_(True)),
)


def test_numpy_scalars_are_plain_python_numbers_afterwards():
    assert type(whole_number("units", np.int64(16), low=1)) is int
    assert type(real_number("rate", np.float32(0.5), above=0)) is float
    assert real_number("rate", 3, above=0) == 3.0  # a whole number is a number too


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: whole_number("epochs", True, low=1), TypeError, "epochs must be a whole number"),
        (lambda: whole_number("epochs", 0, low=1), ValueError, "of at least 1; got 0."),
        (lambda: whole_number("seed", 2**32, low=0, high=2**32 - 1), ValueError, "from 0 to"),
        (lambda: whole_number("n", "3"), TypeError, "n must be a whole number; got '3'."),
        (lambda: real_number("noise", math.inf, low=0), ValueError, "NaN and infinity"),
        (lambda: real_number("noise", -0.1, low=0), ValueError, "at least 0; got -0.1."),
        (lambda: real_number("f", 0, above=0, below=1), ValueError, "above 0 and below 1"),
        (lambda: real_number("f", np.array([0.5])), TypeError, "must be a number; got array"),
        (lambda: one_of("optimizer", "adamw", ["adam", "sgd"]), ValueError, "'adam', 'sgd'"),
        (lambda: one_of("optimizer", None, ["adam"]), TypeError, "one of 'adam'; got None."),
    ],
)
def test_refusals_name_the_argument_what_it_must_be_and_what_came(call, error, message):
    with pytest.raises(error, match=message.replace("(", r"\(").replace(")", r"\)")):
        call()


def test_a_hint_follows_the_refusal():
    assert refusal("x", "a number", "a", "Pass 0.5.") == "x must be a number; got 'a'. Pass 0.5."
    long = refusal("x", "a number", "y" * 500)
    assert len(long) < 140, "a huge value is cut short in the message"


@given(ANYTHING)
def test_whole_number_returns_an_int_in_range_or_refuses_clearly(value):
    try:
        number = whole_number("units", value, low=1, high=1024)
    except (TypeError, ValueError) as error:
        assert str(error).startswith("units must be a whole number from 1 to 1024; got ")
    else:
        assert type(number) is int and 1 <= number <= 1024


@given(ANYTHING)
def test_real_number_returns_a_finite_float_in_range_or_refuses_clearly(value):
    try:
        number = real_number("learning_rate", value, above=0, high=10)
    except (TypeError, ValueError) as error:
        assert str(error).startswith("learning_rate must be a number above 0 and at most 10; got ")
    else:
        assert type(number) is float and math.isfinite(number) and 0 < number <= 10


@given(ANYTHING)
def test_one_of_returns_a_choice_or_refuses_clearly(value):
    try:
        chosen = one_of("activation", value, ["relu", "tanh"])
    except (TypeError, ValueError) as error:
        assert str(error).startswith("activation must be one of 'relu', 'tanh'; got ")
    else:
        assert chosen in ("relu", "tanh")
