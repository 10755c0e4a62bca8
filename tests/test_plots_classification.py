"""Tests for helpers.plots.classification: confusion_matrix, plot_confusion_matrix,
plot_digits and plot_probabilities (lesson 08: each digit beside its predicted
probabilities), in English and Korean, and their refusals."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from matplotlib.axes import Axes
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from helpers.data import load_mnist_subset
from helpers.i18n import set_language
from helpers.plots import (
    confusion_matrix,
    description,
    plot_confusion_matrix,
    plot_digits,
    plot_probabilities,
)
from helpers.plots.classification import MAX_PAIRS
from tests.property_support import REFUSED, mostly, outcome, unpack
from tests.test_checks import ANYTHING
from tests.test_plots import (
    AXES,
    BAD,
    assert_renders_with_hangul,
    check_drawn,
    labels,
    make_axes,
    pairs,
    refused_in_english_and_korean,
)


@pytest.fixture(scope="module")
def digits():
    """Six digits (0 to 5), probabilities that read the first three right and the rest wrong."""
    images, labels = load_mnist_subset()
    picks = np.arange(6) * 500
    probabilities = np.full((6, 10), 0.02)
    predicted = [0, 1, 2, 8, 9, 3]
    probabilities[np.arange(6), predicted] = 0.82
    return images[picks], probabilities, labels[picks]


def test_confusion_matrix_counts_and_accepts_probabilities():
    matrix = confusion_matrix([0, 1, 1, 2], [0, 1, 2, 2])
    assert matrix.tolist() == [[1, 0, 0], [0, 1, 1], [0, 0, 1]]
    probabilities = np.array([[0.9, 0.1], [0.2, 0.8], [0.6, 0.4]])
    assert confusion_matrix([0, 1, 1], probabilities, num_classes=3).tolist() == [
        [1, 0, 0], [1, 1, 0], [0, 0, 0],
    ]  # fmt: skip


def test_plot_confusion_matrix_writes_counts_and_names():
    ax = plot_confusion_matrix([0, 1, 1, 2], [0, 1, 2, 2], class_names=["a", "b", "c", "d"])
    texts = [t.get_text() for t in ax.texts]
    assert len(texts) == 16 and texts[:4] == ["1", "0", "0", "0"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["a", "b", "c", "d"]
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("predicted class", "true class")
    assert ax.get_title() == "3 of 4 right (accuracy 0.750)"
    normalised = plot_confusion_matrix([0, 1, 1], [0, 1, 0], normalize=True, ax=plt.figure().gca())
    assert [t.get_text() for t in normalised.texts] == ["1.00", "0.00", "0.50", "0.50"]
    assert normalised.get_title().endswith("each row sums to 1")


def test_plot_digits_titles_wrong_predictions_in_red(rng):
    images = rng.integers(0, 256, size=(5, 784), dtype=np.uint8)
    fig = plot_digits(images, [1, 2, 3, 4, 5], predictions=[1, 2, 0, 4, 9], ncols=3)
    titled = [ax for ax in fig.axes if ax.get_title()]
    assert len(fig.axes) == 6 and len(titled) == 5
    red = [ax.get_title() for ax in titled if to_hex(ax.title.get_color()) == "#ff0000"]
    assert red == ["true 3\npred 0", "true 5\npred 9"]
    assert len(plot_digits(images, [1, 2, 3, 4, 5], max_images=2).axes) == 2
    assert plot_digits(images, [1, 2, 3, 4, 5], title="five digits").get_suptitle() == "five digits"


def test_labels_far_out_of_range_are_refused_at_once():
    for y_pred in ([0, 1, 1000], [0, 1, 100000]):  # once a 40 s hang, and a 74.5 GiB matrix
        with pytest.raises(ValueError, match="1001 x 1001|100001 x 100001") as refused:
            plot_confusion_matrix([0, 1, 2], y_pred)
        assert "did you pass scores or pixel values instead of class numbers?" in str(refused.value)
    assert confusion_matrix([0, 99], [0, 99]).shape == (100, 100)  # the largest allowed


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


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: confusion_matrix([0, 1], [0]),
            ValueError,
            r"^y_pred must be as long as y_true \(2 samples\); got 1 sample\.$",
        ),
        (
            lambda: confusion_matrix([0, 2], [0, 1], num_classes=2),
            ValueError,
            r"num_classes must be a whole number from 3 to 100; got 2\. The labels go up to 2",
        ),
        (lambda: confusion_matrix([0.2, 0.9], [0, 1]), ValueError, r"\(scores > 0.5\)"),
        (lambda: confusion_matrix(["a", "b"], [0, 1]), TypeError, "numbers"),
        (
            lambda: plot_confusion_matrix([0, 2], [0, 1], class_names=["x", "y"]),
            ValueError,
            "one name per class",
        ),
        (
            lambda: plot_confusion_matrix([0, 1], [0, 1], class_names="xy"),
            TypeError,
            "list of names",
        ),
        (lambda: plot_digits(np.zeros((2, 28, 27)), [0, 1]), ValueError, r"\(n, 28, 28\)"),
        (lambda: plot_digits(np.zeros((2, 784)), [0, 1], ncols=0), ValueError, "ncols"),
        (
            lambda: plot_digits(np.zeros((2, 784)), [0, 1, 2]),
            ValueError,
            r"labels must be as long as images \(2 samples\); got 3 samples",
        ),
        # Found by the property tests below, or typed by learners:
        (lambda: confusion_matrix([0, 1], [0, 1], num_classes=10**6), ValueError, "num_classes"),
        (lambda: confusion_matrix([0, 1], [0, 1], num_classes=2.0), TypeError, "num_classes"),
        (lambda: confusion_matrix([[0, 1], [2]], [0, 1]), ValueError, "y_true must be .* equal"),
        (lambda: confusion_matrix([0, 10**400], [0, 1]), ValueError, "at most about 1e308"),
        (
            lambda: confusion_matrix(0, 0),
            ValueError,
            r"y_true must be a non-empty list of numbers \(shape \(n,\) or \(n, 1\)\); got 0\.$",
        ),
        (
            lambda: confusion_matrix([[0, 1]] * 2, np.zeros((2, 1, 1))),
            ValueError,
            r"got shape \(2, 1, 1\)\.$",
        ),
        (lambda: confusion_matrix([0, 1], [0, math.nan]), ValueError, "NaN.*diverged"),
        (lambda: confusion_matrix([0, 1], [[0.5, math.nan]] * 2), ValueError, "y_pred .* NaN"),
        (lambda: confusion_matrix(np.zeros((0, 3)), []), ValueError, "non-empty"),
        (lambda: confusion_matrix([0, 2**62], [0, 1]), ValueError, "scores or pixel values"),
        (lambda: confusion_matrix([0, 1e300], [0, 1]), ValueError, "up to 1e\\+300"),
        (lambda: plot_confusion_matrix([0], [0], normalize="yes"), TypeError, "normalize must"),
        (lambda: plot_confusion_matrix([0], [0], class_names=7), TypeError, "class_names"),
        (
            lambda: plot_confusion_matrix([0], [0], class_names=map(str, range(10**9))),
            ValueError,
            r"one per class \(1 to 100\); got <map object",
        ),
        (lambda: plot_digits(np.full((1, 784), np.nan), [0]), ValueError, "images must .* NaN"),
        (lambda: plot_digits([[0] * 784, [0]], [0, 1]), ValueError, "images must .* equal"),
        (lambda: plot_digits(np.zeros((2, 784)), [0, 1], ncols=1.5), TypeError, "ncols"),
        (lambda: plot_digits(np.zeros((2, 784)), [0, 1], max_images=10**9), ValueError, "200"),
        (lambda: plot_digits(np.zeros((1, 784)), [0], predictions=[[]]), ValueError, "predic"),
    ],
)
def test_bad_input_is_explained(call, error, message):
    with pytest.raises(error, match=message):
        call()


# --------------------------------------------------------------- refusals ---


PIXELS, PROBS = np.zeros((2, 28, 28)), np.array([[0.9, 0.1], [0.3, 0.7]])


BAD_PROBABILITIES = [
    (lambda: plot_probabilities(np.zeros((2, 28, 27)), PROBS, [0, 1]), ValueError, "(n, 784)"),
    (lambda: plot_probabilities(PIXELS, [0, 1], [0, 1]), ValueError, "got shape (2,)"),
    (lambda: plot_probabilities(PIXELS, PROBS[:1], [0, 1]), ValueError,
     "probabilities must be as long as images (2 samples); got 1 sample."),
    (lambda: plot_probabilities(PIXELS, PROBS * 3, [0, 1]), ValueError, "from 0.3 to 2.7"),
    (lambda: plot_probabilities(PIXELS, PROBS * 0.5, [0, 1]), ValueError, "sum to 1"),
    (lambda: plot_probabilities(PIXELS, [[math.nan, 1]] * 2, [0, 1]), ValueError, "NaN"),
    (lambda: plot_probabilities(PIXELS, PROBS, [0, 2]), ValueError, "only 2 columns"),
    (lambda: plot_probabilities(PIXELS, np.eye(21)[:2], [0, 1]), ValueError, "2 to 20 classes"),
    (lambda: plot_probabilities(PIXELS, PROBS, [0, 1], ncols=0), ValueError, "ncols must be"),
    (lambda: plot_probabilities(PIXELS, PROBS, [0, 1], max_images=MAX_PAIRS + 1), ValueError,
     "max_images must be a whole number from 1 to 36"),
]  # fmt: skip


@pytest.mark.parametrize(("call", "error", "words"), BAD_PROBABILITIES)
def test_bad_input_is_refused_clearly_in_english_and_korean(call, error, words):
    refused_in_english_and_korean(call, error, words)


# ---------------------------------------------------------------- properties ---


@settings(max_examples=150, deadline=None)
@given(
    labels=pairs(labels),
    num_classes=mostly(st.none() | st.integers(6, 100), st.integers() | ANYTHING),
)
def test_confusion_matrix_counts_or_refuses_clearly(labels, num_classes):
    ((y_true, y_pred), num_classes), valid = unpack(labels, num_classes)
    matrix = outcome(lambda: confusion_matrix(y_true, y_pred, num_classes=num_classes),
                     "y_true", "y_pred", "num_classes", valid=valid)  # fmt: skip
    if matrix is not REFUSED:
        assert matrix.shape[0] == matrix.shape[1] <= 100
        assert matrix.sum() == len(np.asarray(y_true))


@settings(max_examples=40, deadline=None)
@given(
    labels=pairs(labels),
    class_names=mostly(st.none() | st.lists(st.text(max_size=3), min_size=6, max_size=8),
                       st.lists(st.text(max_size=3), max_size=3) | ANYTHING),
    normalize=mostly(st.booleans(), ANYTHING),
    ax=AXES,
)  # fmt: skip
def test_plot_confusion_matrix_draws_or_refuses_clearly(labels, class_names, normalize, ax):
    (labels, class_names, normalize, ax), valid = unpack(labels, class_names, normalize, ax)
    ax = make_axes(ax)
    result = outcome(
        lambda: plot_confusion_matrix(*labels, class_names=class_names, normalize=normalize, ax=ax),
        "y_true", "y_pred", "class_names", "normalize", "ax", valid=valid,
    )  # fmt: skip
    if result is not REFUSED:
        check_drawn(result, Axes)


def digit_arrays(n):
    shapes = st.sampled_from([(n, 28, 28), (n, 784), (n, 28, 28, 1)])
    kinds = st.sampled_from([np.uint8, np.float64])
    pixels = hnp.arrays(kinds, shapes, elements=st.integers(0, 255))
    return st.tuples(pixels, labels(n), st.none() | labels(n))


COUNT = mostly(st.integers(1, 4) | st.integers(1, 4).map(np.int64), st.integers() | ANYTHING)


@settings(max_examples=30, deadline=None)
@given(
    arrays=mostly(st.integers(1, 3).flatmap(digit_arrays), st.tuples(BAD, BAD, st.none() | BAD)),
    ncols=COUNT,
    max_images=COUNT,
    title=st.one_of(st.none(), ANYTHING),
)
def test_plot_digits_draws_or_refuses_clearly(arrays, ncols, max_images, title):
    (arrays, ncols, max_images), valid = unpack(arrays, ncols, max_images)
    images, labels, predictions = arrays
    result = outcome(
        lambda: plot_digits(images, labels, predictions=predictions, ncols=ncols,
                            max_images=max_images, title=title),
        "images", "labels", "predictions", "ncols", "max_images", valid=valid,
    )  # fmt: skip
    if result is not REFUSED:
        check_drawn(result, Figure)


# ------------------------------------------------------ text alternatives ---


def test_the_confusion_matrix_is_described_with_its_most_frequent_mistake():
    names = ["setosa", "versicolor", "virginica"]
    ax = plot_confusion_matrix([0, 1, 2, 2], [0, 2, 2, 1], class_names=names)
    assert description(ax.figure) == (
        "2 of 4 right (accuracy 0.500). Confusion matrix of 3 classes (setosa, versicolor, "
        "virginica): rows are the true classes, columns the predicted ones. Each cell counts the "
        "samples. The most frequent mistake: true versicolor predicted as virginica, 1 time."
    )
    ax = plot_confusion_matrix([0, 1], [0, 1], normalize=True, ax=plt.figure().gca())
    assert description(ax.figure).endswith(
        "Each cell is the fraction of its row's true class. Every sample is on the diagonal: "
        "no mistakes."
    )
    set_language("ko")
    ax = plot_confusion_matrix([0, 1, 1], [0, 1, 0], normalize=True, ax=plt.figure().gca())
    assert description(ax.figure) == (
        "3개 중 2개 정답 (정확도 0.667), 각 행의 합은 1입니다. 클래스 2개(0, 1)의 오차 행렬: "
        "행은 실제 클래스, 열은 예측 클래스. 각 칸은 그 행의 실제 클래스 안에서의 비율. "
        "가장 잦은 실수: 실제 1, 예측 0, 1번."
    )


def test_digits_are_described_with_their_labels_and_mistakes(digits):
    images, probabilities, labels = digits
    predicted = probabilities.argmax(axis=1)  # 0, 1, 2 right; 3, 4, 5 read as 8, 9, 3
    assert description(plot_digits(images, labels, predictions=predicted)) == (
        "6 handwritten digits, 28 × 28 pixels each, titled with their true and predicted "
        "labels. 3 are predicted wrong (red titles). Mistakes: true 3, predicted 8; true 4, "
        "predicted 9; true 5, predicted 3."
    )
    assert description(plot_digits(images, labels, max_images=4)) == (
        "4 handwritten digits, 28 × 28 pixels each, titled with their labels: 0, 1, 2, 3."
    )
    assert description(plot_digits(images[:1], labels[:1], predictions=labels[:1])).endswith(
        "titled with its true and predicted label. It is predicted right."
    )
    set_language("ko")
    assert description(plot_digits(images[2:4], labels[2:4], predictions=predicted[2:4])) == (
        "손글씨 숫자 2개(각 28 × 28 픽셀), 제목은 정답과 예측. 1개를 틀리게 예측함(빨간 제목). "
        "틀린 예측: 정답 3, 예측 8."
    )


def test_probabilities_are_described_digit_by_digit(digits):
    images, probabilities, labels = digits
    assert description(plot_probabilities(images[2:4], probabilities[2:4], labels[2:4])) == (
        "2 handwritten digits, each beside a bar chart of the probabilities the model gives each "
        "of the 10 classes. 1 is predicted wrong (red title). Predictions: true 2, predicted 2 "
        "(0.82); true 3, predicted 8 (0.82)."
    )
    set_language("ko")
    assert description(plot_probabilities(images[:3], probabilities[:3], labels[:3])) == (
        "손글씨 숫자 3개, 각 숫자 옆에는 모델이 클래스 10개에 매긴 확률의 막대그래프. "
        "틀린 예측 없음. 예측: 정답 0, 예측 0(확률 0.82); 정답 1, 예측 1(확률 0.82); "
        "정답 2, 예측 2(확률 0.82)."
    )
