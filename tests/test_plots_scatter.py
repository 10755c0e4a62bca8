"""Tests for helpers.plots.scatter: plot_classes (lesson 08: two features by class), in
English and Korean, and its refusals."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest

from helpers.data import IRIS_CLASSES, IRIS_FEATURES, load_iris
from helpers.i18n import set_language
from helpers.plots import (
    description,
    plot_classes,
)
from tests.test_plots import (
    assert_renders_with_hangul,
    refused_in_english_and_korean,
)

KOREAN_FEATURES = ("꽃받침 길이(cm)", "꽃받침 너비(cm)", "꽃잎 길이(cm)", "꽃잎 너비(cm)")


@pytest.fixture(scope="module")
def iris():
    return load_iris()


def legend_texts(ax) -> list[str]:
    return [text.get_text() for text in ax.get_legend().get_texts()]


# ------------------------------------------------------------ plot_classes ---


def test_plot_classes_draws_one_group_per_class_with_the_names_given(iris):
    x, y = iris
    ax = plot_classes(x, y, features=(2, 3), feature_names=IRIS_FEATURES, class_names=IRIS_CLASSES)
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("petal length (cm)", "petal width (cm)")
    assert legend_texts(ax) == list(IRIS_CLASSES)
    assert ax.get_legend().get_title().get_text() == "class"
    assert ax.get_title() == "150 samples, one colour per class"
    for number, points in enumerate(ax.collections):
        np.testing.assert_array_equal(points.get_offsets(), x[y == number][:, [2, 3]])


def test_plot_classes_without_names_numbers_classes_and_features(iris):
    x, y = iris
    ax = plot_classes(x[:60], np.eye(3)[y[:60]], features=[3, 0])  # one-hot rows, a list
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("feature 3", "feature 0")
    assert legend_texts(ax) == [f"class {c}" for c in np.unique(y[:60])]


def test_plot_classes_draws_on_the_axes_given_and_returns_it(iris):
    _, ax = plt.subplots()
    assert plot_classes(*iris, ax=ax) is ax


def test_plot_classes_in_korean(iris):
    set_language("ko")
    ax = plot_classes(*iris, features=(2, 3), feature_names=KOREAN_FEATURES,
                      class_names=IRIS_CLASSES)  # fmt: skip
    assert ax.get_title() == "샘플 150개, 클래스마다 다른 색"
    assert ax.get_legend().get_title().get_text() == "클래스"
    assert ax.get_xlabel() == "꽃잎 길이(cm)"
    assert plot_classes(*iris, ax=plt.figure().gca()).get_xlabel() == "특성 0"
    assert_renders_with_hangul(ax.figure)


# --------------------------------------------------------------- refusals ---

X, Y = np.arange(12.0).reshape(6, 2), np.array([0, 1, 2, 0, 1, 2])


BAD_CLASSES = [
    (lambda: plot_classes(np.arange(6.0), Y), ValueError, "x must be a table"),
    (lambda: plot_classes(X[:, :1], Y), ValueError, "at least two features"),
    (lambda: plot_classes([["a", "b"]] * 6, Y), TypeError, "x must be an array"),
    (lambda: plot_classes(np.where(X > 10, np.nan, X), Y), ValueError, "got NaN in 1 of 12"),
    (
        lambda: plot_classes(X, Y[:5]),
        ValueError,
        "y must be as long as x (6 samples); got 5 samples.",
    ),
    (
        lambda: plot_classes(X, Y * 0.5),
        ValueError,
        "y must be class numbers 0, 1, 2...; got 0.5. If these are sigmoid scores",
    ),
    (lambda: plot_classes(X, Y, features=0), TypeError, "features must be two different"),
    (lambda: plot_classes(X, Y, features=(0, 1, 1)), ValueError, "got (0, 1, 1)"),
    (lambda: plot_classes(X, Y, features=(0, 2)), ValueError, "from 0 to 1; got 2"),
    (lambda: plot_classes(X, Y, features=(1, 1)), ValueError, "two different column numbers"),
    (lambda: plot_classes(X, Y, features=(0, 1.0)), TypeError, "features must be"),
    (lambda: plot_classes(X, Y, feature_names="ab"), TypeError, "one per column of x"),
    (lambda: plot_classes(X, Y, feature_names=["a"]), ValueError, "(2 or more); got ['a']"),
    (
        lambda: plot_classes(X, Y, class_names=["a", "b"]),
        ValueError,
        "one per class (3 to 100); got ['a', 'b']",
    ),
    (lambda: plot_classes(X, Y, class_names=map(str, range(10**9))), ValueError, "class_names"),
    (lambda: plot_classes(X, Y, ax=plt.figure()), TypeError, "ax must be a matplotlib Axes"),
]


@pytest.mark.parametrize(("call", "error", "words"), BAD_CLASSES)
def test_bad_input_is_refused_clearly_in_english_and_korean(call, error, words):
    refused_in_english_and_korean(call, error, words)


def test_plot_classes_describes_where_each_class_lies(iris):
    ax = plot_classes(*iris, features=(2, 3), feature_names=IRIS_FEATURES,
                      class_names=IRIS_CLASSES)  # fmt: skip
    assert description(ax.figure) == (
        "150 samples, one colour per class. Scatter plot, petal length (cm) across and petal "
        "width (cm) up, one colour and marker per class: setosa: 50 samples around (1.5, 0.25); "
        "versicolor: 50 samples around (4.3, 1.3); virginica: 50 samples around (5.6, 2)."
    )
    set_language("ko")
    ax = plot_classes(X, Y, ax=plt.figure().gca())
    assert description(ax.figure) == (
        "샘플 6개, 클래스마다 다른 색. 산점도: 가로축 특성 0, 세로축 특성 1, 클래스마다 다른 색과 "
        "모양: 클래스 0: 샘플 2개, 중심 (3, 4) 부근; 클래스 1: 샘플 2개, 중심 (5, 6) 부근; "
        "클래스 2: 샘플 2개, 중심 (7, 8) 부근."
    )
