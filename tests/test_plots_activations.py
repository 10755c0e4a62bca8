"""Tests for helpers.plots.activations: plot_activations."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

from helpers.checks import MIN_GAP
from helpers.i18n import set_language
from helpers.plots import (
    description,
    plot_activations,
)
from tests.property_support import REFUSED, mostly, outcome, unpack
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
        # A range too narrow to draw (it drew empty panels): refused, saying how wide it must be.
        (
            lambda: plot_activations(x_range=(0, 1e-46)),
            ValueError,
            r"at least 0.0001 apart; got \(0, 1e-46\)\. For example x_range=\(-5, 5\)\.",
        ),
        (lambda: plot_activations(x_range=(1e6 - 10, 1e6)), ValueError, "at least 100 apart"),
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


@pytest.mark.parametrize("x_range", [(0, 1e-4), (1e6 - 100, 1e6), (-1e6, -1e6 + 100)])
def test_the_narrowest_ranges_allowed_draw_every_curve_point_apart(x_range):
    fig = plot_activations(x_range=x_range)
    for ax in fig.axes[:3]:
        x = ax.get_lines()[-1].get_xdata()
        assert len(np.unique(x)) == len(x) == 201  # 201 different inputs: a curve, not a dot


# ---------------------------------------------------------------- properties ---


SCORE = st.floats(-1e6, 1e6)
WIDE_ENOUGH = (
    st.tuples(SCORE, SCORE)
    .map(sorted)
    .filter(lambda pair: pair[1] - pair[0] >= MIN_GAP * max(1.0, abs(pair[0]), abs(pair[1])))
)


@settings(max_examples=20, deadline=None)
@given(
    x_range=mostly(WIDE_ENOUGH, st.one_of(st.tuples(NUMBER, NUMBER), BAD)),
    softmax_input=mostly(st.lists(SCORE, min_size=1, max_size=5), BAD),
)
def test_plot_activations_draws_or_refuses_clearly(x_range, softmax_input):
    (x_range, softmax_input), valid = unpack(x_range, softmax_input)
    result = outcome(lambda: plot_activations(x_range=x_range, softmax_input=softmax_input),
                     "x_range", "softmax_input", valid=valid)  # fmt: skip
    if result is not REFUSED:
        check_drawn(result, Figure)


def test_plot_activations_describes_its_four_panels_in_english_and_korean():
    words = "from -3 to 3. The softmax of the scores 1, 2, 3: the probabilities 0.09, 0.24, 0.67,"
    fig = plot_activations(x_range=(-3, 3), softmax_input=(1.0, 2.0, 3.0))
    assert description(fig).startswith("Four panels. The activation functions sigmoid (an S-curve")
    assert words in description(fig)
    set_language("ko")
    fig = plot_activations(x_range=(-3, 3), softmax_input=(1.0, 2.0, 3.0))
    assert description(fig) == (
        "패널 네 개. 입력 -3부터 3까지의 활성화 함수 sigmoid(0에서 1까지의 S자 곡선), "
        "tanh(-1에서 1까지의 S자 곡선), relu(음수 입력에는 0, 그 밖에는 입력 그대로). "
        "점수 1, 2, 3의 softmax: 확률 0.09, 0.24, 0.67, 합은 1."
    )
