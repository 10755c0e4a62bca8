"""The pictures of lesson 06: plot_classes (two features by class) and plot_probabilities
(each digit beside its predicted probabilities), in English and Korean, and their refusals."""

from __future__ import annotations

import math
import re
import warnings

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.font_manager import FontProperties, findfont
from matplotlib.ft2font import FT2Font
from matplotlib.text import Text

from helpers.data import IRIS_CLASSES, IRIS_FEATURES, load_iris, load_mnist_subset
from helpers.i18n import HANGUL_FONT_NAME, set_language
from helpers.plots import plot_classes, plot_probabilities
from helpers.plots.classification import MAX_PAIRS

HANGUL = re.compile(r"[\uac00-\ud7a3]")
KOREAN_FEATURES = ("꽃받침 길이(cm)", "꽃받침 너비(cm)", "꽃잎 길이(cm)", "꽃잎 너비(cm)")


@pytest.fixture(scope="module")
def iris():
    return load_iris()


@pytest.fixture(scope="module")
def digits():
    """Six digits (0 to 5), probabilities that read the first three right and the rest wrong."""
    images, labels = load_mnist_subset()
    picks = np.arange(6) * 500
    probabilities = np.full((6, 10), 0.02)
    predicted = [0, 1, 2, 8, 9, 3]
    probabilities[np.arange(6), predicted] = 0.82
    return images[picks], probabilities, labels[picks]


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


# ------------------------------------------------------ plot_probabilities ---


def test_plot_probabilities_pairs_each_digit_with_its_bars(digits):
    images, probabilities, labels = digits
    fig = plot_probabilities(images, probabilities, labels, title="six digits")
    image_axes, bar_axes = fig.axes[::2], fig.axes[1::2]
    assert len(image_axes) == 6 and fig.get_suptitle() == "six digits"
    captions = [(ax.get_title(), ax.title.get_color()) for ax in image_axes]
    assert captions[0] == ("true 0\npred 0", "black")
    assert captions[3] == ("true 3\npred 8", "red")
    for ax, row, label in zip(bar_axes, probabilities, labels, strict=True):
        heights = [bar.get_height() for bar in ax.patches]
        np.testing.assert_allclose(heights, row)
        predicted = int(row.argmax())
        colour = "tab:blue" if predicted == label else "tab:red"
        assert ax.patches[predicted].get_facecolor() == plt.matplotlib.colors.to_rgba(colour)
        assert ax.patches[label].get_linewidth() == 2  # the true class is outlined
        assert ax.get_xticklabels()[label].get_color() == "tab:blue"
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert legend == ["predicted class, right", "predicted class, wrong",
                      "true class (outlined, its number in blue)"]  # fmt: skip


def test_plot_probabilities_shows_at_most_max_images_in_rows_of_ncols(digits):
    fig = plot_probabilities(*digits, ncols=2, max_images=3)
    visible = [ax for ax in fig.axes if ax.axison]
    assert len(fig.axes) == 8 and len(visible) == 6  # 2 rows of 2 pairs, the last one empty


def test_plot_probabilities_in_korean(digits):
    set_language("ko")
    fig = plot_probabilities(*digits)
    assert fig.axes[6].get_title() == "정답 3\n예측 8"
    assert fig.axes[1].get_ylabel() == "확률"
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert legend == ["예측 클래스(정답)", "예측 클래스(오답)", "실제 클래스(테두리, 파란 번호)"]
    assert_renders_with_hangul(fig)


def assert_renders_with_hangul(fig) -> None:
    """Render with warnings as errors (a missing glyph warns); NanumGothic has every Hangul."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.canvas.draw()
    path = findfont(FontProperties(family=HANGUL_FONT_NAME), fallback_to_default=False)
    charmap = set(FT2Font(path).get_charmap())
    shown = [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text()]
    hangul = {char for text in shown for char in HANGUL.findall(text)}
    assert hangul and all(ord(char) in charmap for char in hangul)


# --------------------------------------------------------------- refusals ---

X, Y = np.arange(12.0).reshape(6, 2), np.array([0, 1, 2, 0, 1, 2])
PIXELS, PROBS = np.zeros((2, 28, 28)), np.array([[0.9, 0.1], [0.3, 0.7]])

BAD_CLASSES = [
    (lambda: plot_classes(np.arange(6.0), Y), ValueError, "x must be a table"),
    (lambda: plot_classes(X[:, :1], Y), ValueError, "at least two features"),
    (lambda: plot_classes([["a", "b"]] * 6, Y), TypeError, "x must be an array"),
    (lambda: plot_classes(np.where(X > 10, np.nan, X), Y), ValueError, "got NaN in 1 of 12"),
    (lambda: plot_classes(X, Y[:5]), ValueError, "x has 6 samples but y has 5"),
    (lambda: plot_classes(X, Y * 0.5), ValueError, "y must hold class numbers"),
    (lambda: plot_classes(X, Y, features=0), TypeError, "features must be two different"),
    (lambda: plot_classes(X, Y, features=(0, 1, 1)), ValueError, "got (0, 1, 1)"),
    (lambda: plot_classes(X, Y, features=(0, 2)), ValueError, "from 0 to 1; got 2"),
    (lambda: plot_classes(X, Y, features=(1, 1)), ValueError, "two different column numbers"),
    (lambda: plot_classes(X, Y, features=(0, 1.0)), TypeError, "features must be"),
    (lambda: plot_classes(X, Y, feature_names="ab"), TypeError, "one per column of x"),
    (lambda: plot_classes(X, Y, feature_names=["a"]), ValueError, "(2 or more); got ['a']"),
    (lambda: plot_classes(X, Y, class_names=["a", "b"]), ValueError, "one per class (3 or"),
    (lambda: plot_classes(X, Y, class_names=map(str, range(10**9))), ValueError, "class_names"),
    (lambda: plot_classes(X, Y, ax=plt.figure()), TypeError, "ax must be a matplotlib Axes"),
]
BAD_PROBABILITIES = [
    (lambda: plot_probabilities(np.zeros((2, 28, 27)), PROBS, [0, 1]), ValueError, "(n, 784)"),
    (lambda: plot_probabilities(PIXELS, [0, 1], [0, 1]), ValueError, "got shape (2,)"),
    (lambda: plot_probabilities(PIXELS, PROBS[:1], [0, 1]), ValueError, "images has 2 samples"),
    (lambda: plot_probabilities(PIXELS, PROBS * 3, [0, 1]), ValueError, "from 0.3 to 2.7"),
    (lambda: plot_probabilities(PIXELS, PROBS * 0.5, [0, 1]), ValueError, "sum to 1"),
    (lambda: plot_probabilities(PIXELS, [[math.nan, 1]] * 2, [0, 1]), ValueError, "NaN"),
    (lambda: plot_probabilities(PIXELS, PROBS, [0, 2]), ValueError, "only 2 columns"),
    (lambda: plot_probabilities(PIXELS, np.eye(21)[:2], [0, 1]), ValueError, "2 to 20 classes"),
    (lambda: plot_probabilities(PIXELS, PROBS, [0, 1], ncols=0), ValueError, "ncols must be"),
    (lambda: plot_probabilities(PIXELS, PROBS, [0, 1], max_images=MAX_PAIRS + 1), ValueError,
     "max_images must be a whole number from 1 to 36"),
]  # fmt: skip


@pytest.mark.parametrize(("call", "error", "words"), BAD_CLASSES + BAD_PROBABILITIES)
def test_bad_input_is_refused_clearly_in_english_and_korean(call, error, words):
    with pytest.raises(error) as english:
        call()
    assert words in str(english.value)
    set_language("ko")
    with pytest.raises(error) as korean:
        call()
    message = str(korean.value)
    assert HANGUL.search(message) and not re.search(r"\b(must|got|pass|Give)\b", message), message
