"""Tests for helpers.plots.regression: plot_predictions, plot_error_histogram,
plot_regression, and plot_features_against_target (lesson 09's look at the data
before modelling)."""

from __future__ import annotations

import math
import re
import warnings

import matplotlib.pyplot as plt
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, findfont
from matplotlib.ft2font import FT2Font
from matplotlib.text import Text

from helpers.data import AUTO_MPG_FEATURES, load_auto_mpg
from helpers.i18n import HANGUL_FONT_NAME, set_language
from helpers.plots import (
    description,
    plot_error_histogram,
    plot_features_against_target,
    plot_predictions,
    plot_regression,
)
from helpers.plots.regression import MAX_FEATURES
from tests.property_support import REFUSED, mostly, outcome, unpack
from tests.test_checks import ANYTHING
from tests.test_plots import AXES, check_drawn, make_axes, pairs, values

HANGUL = re.compile(r"[\uac00-\ud7a3]")
#: English words that would betray an untranslated sentence (code and values never use them).
ENGLISH = re.compile(r"\b(must|got|has|have|pass|the|give|of|than|draws|For|Give)\b")


def lesson_figure() -> Figure:
    """The lesson's call: the six numeric features of the training cars against MPG."""
    (x_train, y_train), _ = load_auto_mpg(test_fraction=0.2)
    return plot_features_against_target(
        x_train[:, :6], y_train, feature_names=AUTO_MPG_FEATURES[:6], target_name="MPG"
    )


def points(ax) -> np.ndarray:
    (scatter,) = [c for c in ax.collections if isinstance(c, PathCollection)]
    return np.asarray(scatter.get_offsets())


def test_one_panel_per_feature_with_the_feature_against_the_target():
    x = np.array([[3504.0, 130.0, 8.0], [2130.0, 88.0, 4.0], [4354.0, 220.0, 8.0]])
    y = np.array([18.0, 27.0, 14.0])
    fig = plot_features_against_target(
        x, y, feature_names=["weight", "horsepower", "cylinders"], target_name="MPG", ncols=2
    )
    assert isinstance(fig, Figure)
    drawn = [ax for ax in fig.axes if ax.axison]
    assert [ax.get_xlabel() for ax in drawn] == ["weight", "horsepower", "cylinders"]
    assert [ax.get_ylabel() for ax in drawn] == ["MPG", "", "MPG"]  # first of each row
    for column, ax in enumerate(drawn):
        np.testing.assert_array_equal(points(ax), np.column_stack([x[:, column], y]))
    assert len(fig.axes) == 4 and not fig.axes[3].axison  # the empty fourth cell is hidden
    assert fig.get_suptitle() == "MPG against each feature (3 samples)"
    assert drawn[0].get_shared_y_axes().joined(drawn[0], drawn[2])  # one target axis


def test_the_lessons_figure_six_features_of_the_314_training_cars():
    fig = lesson_figure()
    assert [ax.get_xlabel() for ax in fig.axes] == list(AUTO_MPG_FEATURES[:6])
    assert fig.get_suptitle() == "MPG against each feature (314 samples)"
    assert all(len(points(ax)) == 314 for ax in fig.axes)
    rows = {round(ax.get_position().y0, 3) for ax in fig.axes}
    assert len(rows) == 2  # three panels per row


def test_lists_tuples_a_target_column_and_a_single_feature_are_accepted():
    fig = plot_features_against_target(
        [[1], [2], [3]], [[2.0], [4.0], [6.0]], feature_names=("size",), target_name="price"
    )
    (ax,) = fig.axes
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("size", "price")
    np.testing.assert_array_equal(points(ax), [[1, 2], [2, 4], [3, 6]])
    names = iter(["a", "b"])  # any iterable of names
    fig = plot_features_against_target(np.eye(2), [0, 1], feature_names=names, target_name="y")
    assert [ax.get_xlabel() for ax in fig.axes] == ["a", "b"]


def test_korean_figure_has_korean_words_and_no_missing_glyph():
    set_language("ko")
    fig = lesson_figure()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a "Glyph ... missing" warning fails here
        fig.canvas.draw()
    assert fig.get_suptitle() == "각 특성에 따른 MPG (샘플 314개)"
    shown = [t for t in fig.findobj(Text) if t.get_visible() and t.get_text()]
    hangul = [t for t in shown if HANGUL.search(t.get_text())]
    assert hangul
    path = findfont(FontProperties(family=HANGUL_FONT_NAME), fallback_to_default=False)
    charmap = set(FT2Font(path).get_charmap())
    for text in hangul:
        assert HANGUL_FONT_NAME in text.get_fontfamily()
        assert all(ord(char) in charmap for char in HANGUL.findall(text.get_text()))
    # Feature and target names are the data's own: drawn as given, in either language.
    english = {w for t in shown for w in re.findall(r"[A-Za-z_]{3,}", t.get_text())}
    assert english <= {*AUTO_MPG_FEATURES, "MPG"}, english
    set_language("en")
    assert lesson_figure().get_suptitle() == "MPG against each feature (314 samples)"


def endless_names():
    while True:
        yield "name"


#: (call, error, words the English message must hold)
BAD_CALLS = [
    (lambda: plot_features_against_target([1.0, 2.0], [1.0, 2.0], feature_names=["a"],
                                          target_name="y"), ValueError, "x[:, None]"),
    (lambda: plot_features_against_target(np.zeros((0, 2)), [], feature_names=["a", "b"],
                                          target_name="y"), ValueError, "got shape (0, 2)"),
    (lambda: plot_features_against_target(np.zeros((2, 40)), [1, 2], feature_names=["a"] * 40,
                                          target_name="y"), ValueError, "x has 40 features"),
    (lambda: plot_features_against_target([["a"], ["b"]], [1, 2], feature_names=["a"],
                                          target_name="y"), TypeError, "x must be"),
    (lambda: plot_features_against_target([[1.0], [math.nan]], [1, 2], feature_names=["a"],
                                          target_name="y"), ValueError, "NaN in 1 of 2"),
    (lambda: plot_features_against_target([[1.0], [2.0]], [1, math.inf], feature_names=["a"],
                                          target_name="y"), ValueError, "infinity"),
    (lambda: plot_features_against_target([[1e308], [2.0]], [1, 2], feature_names=["a"],
                                          target_name="y"), ValueError, "-1e300 to 1e300"),
    (lambda: plot_features_against_target([[1.0], [2.0]], [1, 2, 3], feature_names=["a"],
                                          target_name="y"), ValueError,
     "y must be as long as x (2 samples); got 3 samples."),
    (lambda: plot_features_against_target([[1.0], [2.0]], np.ones((2, 2)), feature_names=["a"],
                                          target_name="y"), ValueError, "got shape (2, 2)"),
    (lambda: plot_features_against_target([[1.0, 2.0]], [1], feature_names="ab",
                                          target_name="y"), TypeError, "got 'ab'"),
    (lambda: plot_features_against_target([[1.0, 2.0]], [1], feature_names=["a"],
                                          target_name="y"), ValueError,
     "feature_names must be a list of names, one per column of x (2); got ['a']."),
    (lambda: plot_features_against_target([[1.0]], [1], feature_names=endless_names(),
                                          target_name="y"), ValueError,
     "feature_names must be a list of names, one per column of x (1); got <generator"),
    (lambda: plot_features_against_target([[1.0]], [1], feature_names=["a"], target_name=None),
     TypeError, "target_name must be a short text"),
    (lambda: plot_features_against_target([[1.0]], [1], feature_names=["a"], target_name="y",
                                          ncols=0), ValueError, "ncols must be"),
    (lambda: plot_features_against_target([[1.0]], [1], ["a"], "y"), TypeError, "positional"),
]  # fmt: skip


@pytest.mark.parametrize(("call", "error", "words"), BAD_CALLS)
def test_bad_input_is_refused_clearly_in_english_and_in_korean(call, error, words):
    with pytest.raises(error) as english:
        call()
    assert words in str(english.value)
    if words == "positional":  # Python's own message: keyword-only options
        return
    set_language("ko")
    with pytest.raises(error) as korean:
        call()
    message = str(korean.value)
    assert HANGUL.search(message) and not ENGLISH.search(message), message
    assert not plt.get_fignums()  # refused before drawing anything


def test_the_limit_is_the_one_the_refusal_names():
    assert MAX_FEATURES == 30
    fig = plot_features_against_target(
        np.zeros((2, MAX_FEATURES)), [1, 2], feature_names=["f"] * MAX_FEATURES, target_name="y",
        ncols=6,
    )  # fmt: skip
    assert len(fig.axes) == MAX_FEATURES


# ------------------------------------ predictions, errors (lessons 09, 10) ---


def test_regression_plots():
    y_true = np.array([10.0, 20.0, 30.0])
    y_pred = np.array([[12.0], [19.0], [33.0]])  # what predict() returns
    ax = plot_predictions(y_true, y_pred, unit="mpg")
    assert list(ax.collections[0].get_offsets()[:, 1]) == [12.0, 19.0, 33.0]
    assert ax.get_xlabel() == "true value [mpg]"
    hist = plot_error_histogram(y_true, y_pred, bins=3, ax=plt.figure().gca())
    assert sum(p.get_height() for p in hist.patches) == 3
    fig = plot_regression(y_true, y_pred)
    assert len(fig.axes) == 2


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: plot_predictions([1.0, 2.0], [1.0]),
            ValueError,
            r"y_pred must be as long as y_true \(2 samples\); got 1 sample\.",
        ),
        (lambda: plot_error_histogram([1.0], [1.0], bins=0), ValueError, "bins"),
        (lambda: plot_regression([], []), ValueError, "non-empty"),
        # Found by the property tests below, or typed by learners:
        (lambda: plot_predictions([1.0, 2.0], [1.0, math.inf]), ValueError, "y_pred .* infinity"),
        (lambda: plot_error_histogram([1.0], [1.0], bins=10**9), ValueError, "bins must"),
        (lambda: plot_error_histogram([1e308], [-1e308]), ValueError, "y_true .* 1e300"),
    ],
)
def test_bad_input_is_explained(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_a_diverged_models_predictions_are_named_as_such():
    with pytest.raises(ValueError) as refused:
        plot_error_histogram([1.0, 2.0, 3.0], [math.nan] * 3)
    assert str(refused.value) == (
        "y_pred must be numbers without NaN or infinity; got NaN in 3 of 3 values. This usually "
        "means training "
        "diverged: try a smaller learning rate, or normalise the inputs."
    )


def test_errors_too_close_together_for_the_bins_still_get_a_histogram():
    ax = plot_error_histogram([0.0, 0.0], [5e-324, 0.0])  # NumPy could not split that range
    assert sum(p.get_height() for p in ax.patches) == 2


# ---------------------------------------------------------------- properties ---


@settings(max_examples=60, deadline=None)
@given(
    function=st.sampled_from(["predictions", "histogram", "both"]),
    ys=pairs(values),
    bins=mostly(st.integers(1, 50) | st.integers(1, 50).map(np.int64), st.integers() | ANYTHING),
    unit=st.one_of(st.none(), ANYTHING),
    ax=AXES,
)
def test_regression_plots_draw_or_refuse_clearly(function, ys, bins, unit, ax):
    (ys, bins, ax), valid = unpack(ys, bins, ax)
    ax, (y_true, y_pred) = make_axes(ax), ys
    calls = {
        "predictions": lambda: plot_predictions(y_true, y_pred, ax=ax, unit=unit),
        "histogram": lambda: plot_error_histogram(y_true, y_pred, ax=ax, bins=bins, unit=unit),
        "both": lambda: plot_regression(y_true, y_pred, unit=unit),
    }
    result = outcome(calls[function], "y_true", "y_pred", "bins", "ax", valid=valid)
    if result is not REFUSED:
        check_drawn(result, Figure if function == "both" else Axes)


# ------------------------------------------------------ text alternatives ---


def test_the_regression_plots_describe_their_values_errors_and_correlations():
    y_test, predicted = [18.0, 30.5, 24.0], [[19.2], [28.9], [24.5]]
    assert description(plot_regression(y_test, predicted, unit="mpg")) == (
        "Scatter plot of the predicted against the true values of 3 samples, with the dashed "
        "line y = x where perfect predictions lie. The true values go from 18 mpg to 30 mpg; "
        "the mean absolute error is 1.1 mpg. Histogram of the errors (predicted - true) of 3 "
        "predictions, with a dashed line at 0. The errors go from -1.6 mpg to 1.2 mpg; their "
        "mean is 0.033 mpg."
    )
    x = [[3504, 130, 1], [2130, 88, 1], [4354, 220, 1]]  # weight, horsepower, a constant
    fig = plot_features_against_target(x, [18.0, 27.0, 14.0], target_name="MPG",
                                       feature_names=["weight", "horsepower", "one"])  # fmt: skip
    assert description(fig) == (
        "MPG against each feature (3 samples). One scatter plot per feature, MPG up, on an axis "
        "all panels share: weight (correlation -1.00); horsepower (correlation -0.91); one."
    )
    huge = [[1e300], [-1e300], [0.0]]  # scaled before squaring: no overflow
    assert "(correlation 1.00)" in description(plot_features_against_target(
        huge, [1e300, -1e300, 0.0], feature_names=["x"], target_name="y"))  # fmt: skip
    set_language("ko")
    assert description(plot_predictions([18.0], [19.0], ax=plt.figure().gca())) == (
        "샘플 1개의 예측값 대 실제값 산점도, 완벽한 예측이 놓이는 점선 y = x 포함. "
        "실제값 범위는 18~18, 평균 절댓값 오차는 1."
    )
    ax = plot_error_histogram([18.0, 20.0], [19.0, 19.0], ax=plt.figure().gca())
    assert description(ax) == (
        "예측 2개의 오차(예측 - 실제) 히스토그램, 0에 점선. 오차 범위는 -1~1, 평균은 0."
    )
