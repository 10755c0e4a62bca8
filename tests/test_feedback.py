import math

import pytest

from helpers.feedback import expect_range


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
        ({"name": "", "value": 1.0}, TypeError, "short text"),
        ({"name": "acc", "value": "high"}, TypeError, "must be a number; got 'high'"),
        ({"name": "acc", "value": 0.5, "low": 1.0, "high": 0.0}, ValueError, "low must not exceed"),
        ({"name": "acc", "value": 0.5, "causes": "too few epochs"}, TypeError, "list of texts"),
    ],
)
def test_bad_input(kwargs, error, message):
    kwargs = {"low": 0.0, "high": 1.0, **kwargs}
    with pytest.raises(error, match=message):
        expect_range(kwargs.pop("name"), kwargs.pop("value"), **kwargs)
