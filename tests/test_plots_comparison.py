"""Tests for helpers.plots.comparison: plot_comparison."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

from helpers.i18n import set_language
from helpers.plots import (
    description,
    plot_comparison,
)
from tests.property_support import REFUSED, mostly, outcome, unpack
from tests.test_checks import ANYTHING
from tests.test_plots import (
    DRAWABLE,
    NUMBER,
    check_drawn,
)


def test_plot_comparison_labels_each_bar_with_its_value():
    fig = plot_comparison(
        {"pixels / 255": {"accuracy": 0.948, "loss": 0.2213},
         "raw pixels": {"accuracy": 0.954, "loss": 49.71}}
    )  # fmt: skip
    assert [ax.get_title() for ax in fig.axes] == ["accuracy", "loss"]
    loss = fig.axes[1]
    assert [t.get_text() for t in loss.get_xticklabels()] == ["pixels / 255", "raw pixels"]
    assert [t.get_text() for t in loss.texts] == ["0.221", "49.7"]
    assert [bar.get_height() for bar in loss.patches] == [0.2213, 49.71]


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: plot_comparison({}), TypeError, "non-empty dict"),
        (lambda: plot_comparison([("a", 1.0)]), TypeError, r"\{case: \{measure: value\}\}"),
        (lambda: plot_comparison({"a": 1.0}), TypeError, r"results\['a'\] must be"),
        (lambda: plot_comparison({"a": {"x": 1}, "b": {"y": 2}}), ValueError, "same measures"),
        (lambda: plot_comparison({"a": {"x": "high"}}), TypeError, "numbers"),
        (
            lambda: plot_comparison({"a": {"x": float("nan")}}),
            ValueError,
            "results must be numbers without NaN or infinity; got NaN in 1 of 1 values.",
        ),
        (lambda: plot_comparison({"a": {"x": 1.5e308}}), ValueError, "-1e300 to 1e300"),
        # Found by the property tests below, or typed by learners:
        (lambda: plot_comparison({"a": {"x": True}}), TypeError, r"results\['a'\] must be"),
        (lambda: plot_comparison({"a": {"x": 10**400}}), ValueError, "at most about 1e308"),
    ],
)
def test_bad_input_is_explained(call, error, message):
    with pytest.raises(error, match=message):
        call()


# ---------------------------------------------------------------- properties ---


def comparisons(measures):
    cases = st.lists(st.text(max_size=4), min_size=1, max_size=3, unique=True)
    return cases.flatmap(
        lambda names: st.fixed_dictionaries({
            # every case with the measures in one order, as plot_comparison asks
            name: st.fixed_dictionaries({m: DRAWABLE for m in measures}).map(
                lambda drawn: {m: drawn[m] for m in measures}
            )
            for name in names
        })
    )  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(
    results=mostly(
        st.lists(st.sampled_from(["accuracy", "loss"]), min_size=1, unique=True).flatmap(
            comparisons
        ),
        st.one_of(
            st.dictionaries(st.text(max_size=3) | st.integers(),
                            st.dictionaries(st.sampled_from(["loss", "accuracy"]), NUMBER)
                            | ANYTHING, max_size=3),
            ANYTHING,
        ),
    )
)  # fmt: skip
def test_plot_comparison_draws_or_refuses_clearly(results):
    (results,), valid = unpack(results)
    result = outcome(lambda: plot_comparison(results), "results", "case", "measures", valid=valid)
    if result is not REFUSED:
        check_drawn(result, Figure)


def test_plot_comparison_describes_every_bar_as_the_bars_show_it():
    results = {"pixels / 255": {"accuracy": 0.95, "loss": 0.22},
               "raw pixels": {"accuracy": 0.95, "loss": 49.7}}  # fmt: skip
    assert description(plot_comparison(results)) == (
        "Bar charts comparing 2 cases (pixels / 255, raw pixels), one panel per measure: "
        "accuracy (pixels / 255: 0.95, raw pixels: 0.95); loss (pixels / 255: 0.22, raw "
        "pixels: 49.7)."
    )
    set_language("ko")
    assert description(plot_comparison({"정규화": {"손실": 0.2125}})) == (
        "경우 1가지(정규화)를 비교하는 막대그래프, 측정값마다 패널 하나: 손실 (정규화: 0.212)."
    )
