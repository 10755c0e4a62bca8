import contextlib
import io
import math
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.feedback import expect_range
from helpers.i18n import set_language
from tests.property_support import REFUSED, mostly, outcome, unpack
from tests.test_checks import ANYTHING


def test_in_range(capsys):
    assert expect_range("test accuracy", 0.97, low=0.96, high=1.0) is True
    assert capsys.readouterr().out == (
        "✅ test accuracy = 0.970 is in the expected range 0.960 to 1.000.\n"
    )


def test_out_of_range_lists_causes(capsys):
    ok = expect_range(
        "test MAE", 3.4, low=0.0, high=1.9, causes=["inputs not normalised"], digits=2
    )
    assert ok is False
    out = capsys.readouterr().out
    assert "test MAE = 3.40 is above the expected range 0.00 to 1.90." in out
    assert "  - inputs not normalised" in out


def test_nan_is_never_in_range(capsys):
    assert expect_range("loss", math.nan, low=0, high=10) is False
    assert "loss = nan is not a number, so not in the expected range" in capsys.readouterr().out


def test_a_hidden_value_still_says_in_range_or_which_side(capsys):
    assert expect_range("accuracy", 0.948, low=0.93, high=0.97, show_value=False) is True
    assert expect_range("loss", 49.7, low=0, high=0.5, digits=1, show_value=False) is False
    assert expect_range("loss", 0.1, low=0.5, high=1, digits=1, show_value=False) is False
    assert capsys.readouterr().out.splitlines() == [
        "✅ accuracy is in the expected range 0.930 to 0.970.",
        "⚠️ loss is above the expected range 0.0 to 0.5.",
        "⚠️ loss is below the expected range 0.5 to 1.0.",
    ]


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"name": "", "value": 1.0}, ValueError, "name must be a short text"),
        ({"name": 3, "value": 1.0}, TypeError, "name must be a short text"),
        ({"name": "acc", "value": "high"}, TypeError, "must be a number; got 'high'"),
        (
            {"name": "acc", "value": 0.5, "low": 1.0, "high": 0.0},
            ValueError,
            r"^low must be a number at most 0; got 1\.0\. The range runs from low up to high\.$",
        ),
        ({"name": "acc", "value": np.array([0.5, 0.6])}, TypeError, "value must be a number"),
        ({"name": "acc", "value": 0.5, "causes": "too few epochs"}, TypeError, "list of texts"),
        ({"name": "acc", "value": 0.5, "low": math.nan}, ValueError, "low must be a number"),
        ({"name": "acc", "value": 0.5, "high": math.inf}, ValueError, "high must be .* infinity"),
        ({"name": "acc", "value": 0.5, "low": "0"}, TypeError, "low must be a number .*; got '0'"),
        ({"name": "acc", "value": 0.5, "high": None}, TypeError, "high must be a number"),
        ({"name": "acc", "value": 0.5, "digits": 10**6}, ValueError, "digits must be .* 0 to 10"),
        ({"name": "acc", "value": 0.5, "digits": 2.0}, TypeError, "digits must be a whole"),
        ({"name": "acc", "value": 0.5, "causes": ["a", 3]}, TypeError, "causes must be a list"),
        ({"name": "acc", "value": 0.5, "causes": 3}, TypeError, "causes must be a list"),
        ({"name": "acc", "value": 0.5, "show_value": "no"}, TypeError, "show_value must be True"),
        ({"name": "acc", "value": 10**400}, TypeError, "value must be a number"),
        ({"name": "acc", "value": 0.5, "low": -(10**400)}, ValueError, "low must be a number at"),
        ({"name": "acc", "value": True}, TypeError, "value must be a number; got True"),
    ],
)
def test_bad_input(kwargs, error, message):
    kwargs = {"low": 0.0, "high": 1.0, **kwargs}
    with pytest.raises(error, match=message):
        expect_range(kwargs.pop("name"), kwargs.pop("value"), **kwargs)


def test_numpy_numbers_are_numbers(capsys):
    assert expect_range("acc", np.float32(0.5), low=np.int64(0), high=1, digits=np.int64(1))
    assert expect_range("acc", 0.5, low=0, high=1, show_value=np.bool_(False))
    assert capsys.readouterr().out.splitlines() == [
        "✅ acc = 0.5 is in the expected range 0.0 to 1.0.",
        "✅ acc is in the expected range 0.000 to 1.000.",
    ]


NUMBERS = st.one_of(st.floats(), st.integers(-(10**400), 10**400), ANYTHING)
FINITE = st.floats(allow_nan=False, allow_infinity=False)


@settings(max_examples=300, deadline=None)
@given(
    name=mostly(st.just("test accuracy"), st.one_of(st.just(""), ANYTHING)),
    value=mostly(st.floats(), NUMBERS),
    bounds=mostly(st.tuples(FINITE, FINITE).map(sorted), st.tuples(NUMBERS, NUMBERS)),
    causes=mostly(st.lists(st.text(max_size=5), max_size=3), ANYTHING),
    digits=mostly(st.integers(0, 10), st.one_of(st.integers(), ANYTHING)),
    show_value=mostly(st.booleans(), ANYTHING),
)
def test_expect_range_judges_or_refuses_clearly(name, value, bounds, causes, digits, show_value):
    drawn, valid = unpack(name, value, bounds, causes, digits, show_value)
    name, value, (low, high), causes, digits, show_value = drawn
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        result = outcome(
            lambda: expect_range(
                name, value, low=low, high=high, causes=causes, digits=digits,
                show_value=show_value,
            ),
            "name", "value", "low", "high", "causes", "digits", "show_value", valid=valid,
        )  # fmt: skip
    if result is REFUSED:
        assert printed.getvalue() == ""
    else:
        number = float(np.asarray(value, dtype=float).reshape(()))  # a tensor or array of one too
        assert result is (float(low) <= number <= float(high))
        assert printed.getvalue().startswith("✅ " if result else "⚠️ ")


# ---------------------------------------------------------------- Korean ---

HANGUL = re.compile(r"[\uac00-\ud7a3]")


def test_the_verdicts_speak_korean_with_their_values_and_english_again(capsys):
    set_language("ko")
    assert expect_range("test accuracy", 0.97, low=0.96, high=1.0) is True
    causes = ["입력 정규화 안 함"]
    assert expect_range("test MAE", 3.4, low=0.0, high=1.9, causes=causes, digits=2) is False
    assert expect_range("loss", math.nan, low=0, high=10, show_value=False) is False
    assert capsys.readouterr().out.splitlines() == [
        "✅ test accuracy = 0.970: 예상 범위 0.960~1.000 안에 있습니다.",
        "⚠️ test MAE = 3.40: 예상 범위 0.00~1.90보다 높습니다.",
        "가능한 원인:",
        "  - 입력 정규화 안 함",
        "⚠️ loss: 숫자가 아니므로 예상 범위 0.000~10.000에 들지 않습니다.",
    ]
    set_language("en")
    expect_range("test accuracy", 0.5, low=0.96, high=1.0, show_value=False)
    assert capsys.readouterr().out == (
        "⚠️ test accuracy is below the expected range 0.960 to 1.000.\n"
    )


@pytest.mark.parametrize(
    ("kwargs", "error", "received"),
    [
        ({"name": "", "value": 1.0}, ValueError, "받은 값: ''."),
        ({"name": "acc", "value": "high"}, TypeError, "받은 값: 'high'. acc의 값입니다."),
        ({"name": "acc", "value": 0.5, "low": 1.0, "high": 0.0}, ValueError, "받은 값: 1.0."),
        ({"name": "acc", "value": 0.5, "causes": "a"}, TypeError, "받은 값: 'a'."),
    ],
)
def test_refusals_speak_korean_and_say_what_was_received(kwargs, error, received):
    set_language("ko")
    with pytest.raises(error) as refused:
        expect_range(**{"low": 0.0, "high": 1.0, **kwargs})
    assert HANGUL.search(str(refused.value)) and received in str(refused.value)
    set_language("en")
    with pytest.raises(error) as refused:
        expect_range(**{"low": 0.0, "high": 1.0, **kwargs})
    assert not HANGUL.search(str(refused.value))
