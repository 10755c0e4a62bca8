"""Tests for helpers.plots.activations: plot_activations."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

from helpers.plots import (
    plot_activations,
)
from tests.property_support import REFUSED, mostly, outcome
from tests.test_plots import (
    BAD,
    NUMBER,
    check_drawn,
)


def test_plot_activations_draws_keras_functions_and_softmax_sums_to_one():
    fig = plot_activations(x_range=(-2, 2), softmax_input=(1.0, 2.0, 3.0))
    titles = [ax.get_title() for ax in fig.axes]
    assert titles[:3] == ["sigmoid", "tanh", "relu"]
    assert titles[3] == "softmax: outputs sum to 1.00"
    relu = fig.axes[2].get_lines()[-1]
    assert min(relu.get_ydata()) == 0 and max(relu.get_ydata()) == pytest.approx(2)
    heights = [bar.get_height() for bar in fig.axes[3].patches]
    assert sum(heights) == pytest.approx(1, abs=1e-5) and heights[2] > heights[0]


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: plot_activations(x_range=(3, -3)), ValueError, "low < high"),
        # Found by the property tests below, or typed by learners:
        (lambda: plot_activations(x_range=(-math.inf, 1)), ValueError, "x_range must be"),
        (lambda: plot_activations(x_range=(0, 1, 2)), ValueError, "x_range must be"),
        (lambda: plot_activations(x_range="wide"), TypeError, "x_range must be"),
        (lambda: plot_activations(softmax_input=[1e40]), ValueError, "softmax_input must be"),
        (lambda: plot_activations(softmax_input=[1.0] * 21), ValueError, "at most 20"),
    ],
)
def test_bad_input_is_explained(call, error, message):
    with pytest.raises(error, match=message):
        call()


# ---------------------------------------------------------------- properties ---


SCORE = st.floats(-1e6, 1e6)


@settings(max_examples=20, deadline=None)
@given(
    x_range=mostly(st.tuples(SCORE, SCORE).map(sorted), st.one_of(st.tuples(NUMBER, NUMBER), BAD)),
    softmax_input=mostly(st.lists(SCORE, min_size=1, max_size=5), BAD),
)
def test_plot_activations_draws_or_refuses_clearly(x_range, softmax_input):
    result = outcome(lambda: plot_activations(x_range=x_range, softmax_input=softmax_input),
                     "x_range", "softmax_input")  # fmt: skip
    if result is not REFUSED:
        check_drawn(result, Figure)
