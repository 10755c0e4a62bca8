"""helpers.plots.plot_descent and descent_path: lesson 04's gradient descent on a loss curve."""

from __future__ import annotations

import math
import re
import warnings

import numpy as np
import pytest
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.text import Text

from helpers.i18n import set_language
from helpers.plots import descent_path, description, plot_descent
from helpers.plots.descent import MAX_RATES, MAX_STEPS

HANGUL = re.compile(r"[\uac00-\ud7a3]")
#: English words that would betray an untranslated sentence (code and values never use them).
ENGLISH = re.compile(r"\b(must|got|has|returned|the|For|Put|list|number|function|Draw)\b")
#: Lesson 04's one-weight model: prediction w * x, mean squared error on four points.
X = np.array([1.0, 2.0, 3.0, 4.0])
Y = np.array([2.2, 3.9, 6.1, 8.1])


def loss_at(w):
    return np.mean((w * X - Y) ** 2)


def gradient_at(w):
    return np.mean(2 * (w * X - Y) * X)


def lesson_figure() -> Figure:
    return plot_descent(loss_at, gradient_at, start=0.0, learning_rates=(0.005, 0.05, 0.14))


def _dots(ax):
    dots = {c.get_label(): np.asarray(c.get_offsets()) for c in ax.collections
            if isinstance(c, PathCollection)}  # fmt: skip
    return dots["start"], dots["after each step"]


def test_descent_path_follows_the_update_rule():
    path = descent_path(gradient_at, start=0.0, learning_rate=0.05, steps=10)
    w, expected = 0.0, [0.0]
    for _step in range(10):
        w = w - 0.05 * gradient_at(w)
        expected.append(w)
    np.testing.assert_array_equal(path, expected)
    assert round(path[-1], 2) == 2.02  # the best weight, sum(x * y) / sum(x * x) = 2.0233


def test_descent_path_stops_when_the_weight_leaves_the_drawable_range():
    path = descent_path(lambda w: 2 * (w - 3), start=0.0, learning_rate=10.0, steps=50)
    assert 1 < len(path) < 51
    assert np.all(np.abs(path) <= 1e6)


def test_one_panel_per_learning_rate_with_the_steps_on_the_loss_curve():
    fig = lesson_figure()
    assert isinstance(fig, Figure) and len(fig.axes) == 3
    titles = [ax.get_title() for ax in fig.axes]
    assert titles == [
        "learning rate 0.005\nw after 10 steps = 1.10",
        "learning rate 0.05\nw after 10 steps = 2.02",
        "learning rate 0.14\nw after 10 steps = -3.22",
    ]
    for ax, rate in zip(fig.axes, (0.005, 0.05, 0.14), strict=True):
        path = descent_path(gradient_at, start=0.0, learning_rate=rate, steps=10)
        start, after = _dots(ax)
        np.testing.assert_allclose(start, [[0.0, loss_at(0.0)]])
        np.testing.assert_allclose(after, [[w, loss_at(w)] for w in path[1:]])
        arrows = [t for t in ax.texts if getattr(t, "arrow_patch", None) is not None]
        assert len(arrows) == 10  # one arrow per step
        (curve,) = ax.get_lines()
        w, height = curve.get_data()
        np.testing.assert_allclose(height, [loss_at(v) for v in w])
        assert ax.get_xlabel() == "weight w"
    assert fig.axes[0].get_ylabel() == "loss"
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert legend == ["loss curve", "after each step", "start"]
    low, high = fig.axes[0].get_xlim()
    assert low < -3.22 and high > 6.8  # every step of the largest rate is in view
    assert fig.axes[0].get_shared_x_axes().joined(fig.axes[0], fig.axes[2])


def test_a_diverging_rate_says_where_w_left_and_weight_range_sets_the_view():
    fig = plot_descent(lambda w: (w - 3) ** 2, lambda w: 2 * (w - 3), start=0.0,
                       learning_rates=[1e9], steps=3, weight_range=(-1, 5))  # fmt: skip
    (ax,) = fig.axes
    assert ax.get_title() == "learning rate 1e+09\nw left -1e6 to 1e6 at step 1"
    assert ax.get_xlim() == (-1.0, 5.0)


def test_any_iterable_of_rates_numpy_numbers_and_python_floats_are_accepted():
    rates = iter([np.float64(0.1)])
    fig = plot_descent(lambda w: float((w - 1) ** 2), lambda w: np.float32(2 * (w - 1)),
                       start=np.int64(0), learning_rates=rates, steps=2)  # fmt: skip
    assert fig.axes[0].get_title() == "learning rate 0.1\nw after 2 steps = 0.36"


def test_korean_figure_has_korean_words_and_no_missing_glyph():
    set_language("ko")
    fig = lesson_figure()
    assert fig.axes[0].get_title() == "학습률 0.005\n10 스텝 뒤 w = 1.10"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a "Glyph ... missing" warning fails here
        fig.canvas.draw()
    assert (fig.axes[0].get_xlabel(), fig.axes[0].get_ylabel()) == ("가중치 w", "손실")
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert legend == ["손실 곡선", "스텝마다 도착한 곳", "출발점"]
    shown = [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text()]
    assert any(HANGUL.search(text) for text in shown)  # every glyph: tests/test_plots_korean.py
    english = {word for text in shown for word in re.findall(r"[A-Za-z]{3,}", text)}
    assert not english, english


BAD = [
    (
        lambda: plot_descent(loss_at(0.0), gradient_at, start=0, learning_rates=[0.1]),
        TypeError,
        "loss must be a function of one weight w",
    ),
    (
        lambda: plot_descent(loss_at, "gradient", start=0, learning_rates=[0.1]),
        TypeError,
        "gradient must be a function",
    ),
    (
        lambda: plot_descent(loss_at, gradient_at, start=0, learning_rates=0.1),
        TypeError,
        "Put a single rate in a list",
    ),
    (
        lambda: plot_descent(loss_at, gradient_at, start=0, learning_rates=[]),
        ValueError,
        "learning_rates must be a list of 1 to 6 numbers above 0; got [].",
    ),
    (
        lambda: plot_descent(loss_at, gradient_at, start=0, learning_rates=[0.1] * (MAX_RATES + 1)),
        ValueError,
        "learning_rates must be a list of 1 to 6",
    ),
    (
        lambda: plot_descent(loss_at, gradient_at, start=0, learning_rates=[0.1, -0.1]),
        ValueError,
        "learning_rates must be a number above 0; got -0.1.",
    ),
    (
        lambda: plot_descent(loss_at, gradient_at, start=0, learning_rates=[math.nan]),
        ValueError,
        "learning_rates must be a number above 0; got nan.",
    ),
    (
        lambda: plot_descent(loss_at, gradient_at, start=0, learning_rates=["0.1"]),
        TypeError,
        "learning_rates must be a number above 0; got '0.1'.",
    ),
    (
        lambda: plot_descent(loss_at, gradient_at, start="0", learning_rates=[0.1]),
        TypeError,
        "start must be a number",
    ),
    (
        lambda: plot_descent(loss_at, gradient_at, start=0, learning_rates=[0.1], steps=0),
        ValueError,
        f"steps must be a whole number from 1 to {MAX_STEPS}; got 0.",
    ),
    (
        lambda: plot_descent(loss_at, gradient_at, start=0, learning_rates=[0.1], steps=2.5),
        TypeError,
        "steps must be a whole number",
    ),
    (
        lambda: plot_descent(lambda w: w * X, gradient_at, start=0, learning_rates=[0.1]),
        TypeError,
        "loss(w) must be one number; got array([",
    ),
    (
        lambda: plot_descent(loss_at, lambda w: None, start=0, learning_rates=[0.1]),
        TypeError,
        "gradient(w) must be one number; got None. It came at w = 0: return a single number",
    ),
    (
        lambda: plot_descent(
            lambda w: 1 / w, gradient_at, start=1, learning_rates=[0.01], weight_range=(0, 1)
        ),
        ValueError,
        "loss(w) must be a finite number; got inf. It came at w = 0: draw a smaller weight_range",
    ),
    (
        lambda: plot_descent(
            loss_at, gradient_at, start=0, learning_rates=[0.1], weight_range=(3, 1)
        ),
        ValueError,
        "weight_range must be (low, high)",
    ),
    (
        lambda: plot_descent(loss_at, gradient_at, start=0, learning_rates=[0.1], weight_range=3),
        ValueError,
        "weight_range must be a non-empty list of numbers",
    ),
    (
        lambda: descent_path(gradient_at, start=0, learning_rate=0, steps=3),
        ValueError,
        "learning_rate must be a number above 0; got 0.",
    ),
]


@pytest.mark.parametrize(("call", "error", "message"), BAD)
def test_bad_input_is_refused_clearly_in_english_and_in_korean(call, error, message):
    with np.errstate(divide="ignore"), pytest.raises(error) as english:
        call()
    assert message in str(english.value)
    set_language("ko")
    with np.errstate(divide="ignore"), pytest.raises(error) as korean:
        call()
    text = str(korean.value)
    assert HANGUL.search(text) and not ENGLISH.search(text), text


def test_plot_descent_describes_each_rate_and_where_the_curve_is_lowest():
    def square(w):
        return (w - 3) ** 2

    def slope(w):
        return 2 * (w - 3)

    fig = plot_descent(square, slope, start=0.0, learning_rates=(0.1, 1.05), steps=5)
    assert description(fig) == (
        "Gradient descent on the loss curve of a model with one weight w (the loss against w), "
        "from w = 0, 5 steps per panel, one panel per learning rate: learning rate 0.1: w ends "
        "at 2.02; learning rate 1.05: w ends at 7.83. The curve is lowest at w = 3."
    )
    set_language("ko")
    fig = plot_descent(square, slope, start=0.0, learning_rates=(3.0,), steps=40,
                       weight_range=(-1, 4))  # fmt: skip
    assert description(fig) == (
        "가중치가 w 하나인 모델의 손실 곡선(w에 따른 손실) 위의 경사 하강법: w = 0에서 시작해 "
        "패널마다 40 스텝, 학습률마다 패널 하나: 학습률 3: 8번째 스텝에서 w가 -1e6~1e6 범위를 "
        "벗어남. 곡선은 w = 3에서 가장 낮음."
    )
