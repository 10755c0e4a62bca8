"""Classification results: the confusion matrix (counted and drawn), handwritten digits,
and each digit beside the probabilities a model gives it."""

from __future__ import annotations

import math
from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from numpy.typing import ArrayLike

from helpers.checks import (
    MAX_CLASSES,
    array,
    class_labels,
    finite,
    refusal,
    same_length,
    true_or_false,
    whole_number,
)
from helpers.history import rounded
from helpers.i18n import _, ngettext
from helpers.plots._describe import describe
from helpers.plots._inputs import (
    DIVERGED,
    MAX_IMAGES,
    MAX_SCORES,
    MISSING,
    _axes,
    _class_names,
    _samples_and_labels,
)

DIGIT_SHAPES = {(28, 28), (784,), (28, 28, 1)}
MAX_PAIRS = 36  # digits drawn beside their probabilities in one plot_probabilities figure


def confusion_matrix(
    y_true: ArrayLike, y_pred: ArrayLike, *, num_classes: int | None = None
) -> np.ndarray:
    """Count how often each true class (row) was predicted as each class (column).

    Labels are integers 0, 1, 2...; 2-D one-hot labels or probabilities (what
    ``model.predict`` returns for softmax) are turned into classes with argmax.
    Without ``num_classes`` the matrix goes up to the largest label seen.

    Args:
        y_true: the true classes, integers from 0 to 99 (or one-hot rows).
        y_pred: the predicted classes, or ``model.predict``'s probabilities.
        num_classes: the matrix's size, at most 100; None: the largest label + 1.

    Returns:
        A ``num_classes`` x ``num_classes`` array of counts.

    Example::

        >>> confusion_matrix([0, 1, 1, 2], [0, 1, 2, 2])
        array([[1, 0, 0],
               [0, 1, 1],
               [0, 0, 1]])
    """
    true = class_labels("y_true", y_true, hint=_(MISSING))
    pred = class_labels("y_pred", y_pred, hint=_(DIVERGED))
    same_length("y_true", true, "y_pred", pred)
    largest = int(max(true.max(), pred.max()))
    if num_classes is None:
        num_classes = largest + 1
    else:
        hint = _("The labels go up to {largest}; or leave num_classes out.")
        num_classes = whole_number(
            "num_classes", num_classes, low=largest + 1, high=MAX_CLASSES,
            hint=hint.format(largest=largest),
        )  # fmt: skip
    matrix = np.zeros((num_classes, num_classes), dtype=int)
    np.add.at(matrix, (true, pred), 1)
    return matrix


def plot_confusion_matrix(
    y_true: ArrayLike,
    y_pred: ArrayLike,
    *,
    class_names: Sequence[str] | None = None,
    normalize: bool = False,
    ax: Axes | None = None,
) -> Axes:
    """Draw the confusion matrix with the count written in each cell.

    Rows are true classes, columns predicted ones; the title gives the accuracy.
    ``normalize=True`` shows each row as fractions of that true class instead
    of counts. Labels are integers, or 2-D one-hot/probability arrays (turned
    into classes by argmax).

    Args:
        y_true: the true classes, integers from 0 to 99 (or one-hot rows).
        y_pred: the predicted classes, or ``model.predict``'s probabilities.
        class_names: one name per class (at most 100), for the axes.
        normalize: True shows fractions of each true class instead of counts.
        ax: the matplotlib Axes to draw on; None draws on the current Axes.

    Returns:
        The Axes drawn on.

    Example::

        >>> probs = [[0.8, 0.1, 0.1], [0.1, 0.7, 0.2], [0.2, 0.5, 0.3]]  # model.predict(x)
        >>> names = ["setosa", "versicolor", "virginica"]
        >>> plot_confusion_matrix([0, 1, 2], probs, class_names=names).get_title()
        '2 of 3 right (accuracy 0.667)'
    """
    matrix = confusion_matrix(y_true, y_pred)
    normalize = true_or_false("normalize", normalize)
    names = _class_names(class_names, len(matrix)) or [str(i) for i in range(len(matrix))]
    # Classes that never occur still get their (empty) row and column.
    matrix = np.pad(matrix, (0, len(names) - len(matrix)))
    if normalize:
        totals = matrix.sum(axis=1, keepdims=True)
        values = np.divide(matrix, totals, out=np.zeros(matrix.shape), where=totals > 0)
    else:
        values = matrix
    ax = _axes(ax)
    ax.imshow(values, cmap="Blues", vmin=0)
    threshold = values.max() / 2
    for (row, col), value in np.ndenumerate(values):
        ax.text(
            col,
            row,
            f"{value:.2f}" if normalize else str(value),
            ha="center",
            va="center",
            color="white" if value > threshold else "black",
        )
    ticks = range(len(names))
    ax.set_xticks(ticks, labels=names)
    ax.set_yticks(ticks, labels=names)
    ax.set_xlabel(_("predicted class"))
    ax.set_ylabel(_("true class"))
    right, total = int(np.trace(matrix)), int(matrix.sum())
    if normalize:
        title = _("{right} of {total} right (accuracy {accuracy:.3f})\neach row sums to 1")
    else:
        title = _("{right} of {total} right (accuracy {accuracy:.3f})")
    ax.set_title(title.format(right=right, total=total, accuracy=right / total))
    classes = ngettext(
        "Confusion matrix of {count} class ({names}): rows are the true classes, columns the "
        "predicted ones.",
        "Confusion matrix of {count} classes ({names}): rows are the true classes, columns the "
        "predicted ones.",
        len(names),
    ).format(count=len(names), names=", ".join(names))
    if normalize:
        cells = _("Each cell is the fraction of its row's true class.")
    else:
        cells = _("Each cell counts the samples.")
    mistakes = np.where(np.eye(len(matrix), dtype=bool), 0, matrix)
    if mistakes.any():
        row, col = np.unravel_index(np.argmax(mistakes), mistakes.shape)
        count = int(mistakes[row, col])
        most = ngettext(
            "The most frequent mistake: true {true} predicted as {predicted}, {count} time.",
            "The most frequent mistake: true {true} predicted as {predicted}, {count} times.",
            count,
        ).format(true=names[row], predicted=names[col], count=count)
    else:
        most = _("Every sample is on the diagonal: no mistakes.")
    describe(ax, " ".join([classes, cells, most]))
    return ax


def _digits_and_labels(images: ArrayLike, labels: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """The digits' pixels (any shape of DIGIT_SHAPES) and their integer labels, one per image."""
    return _samples_and_labels(
        images, labels, names=("images", "labels"),
        shape=_("an array of shape (n, 28, 28) or flattened (n, 784)"),
        fits=lambda shape: shape[1:] in DIGIT_SHAPES,
        hint=_("For a single image x, pass x[None] or [x]."),
    )  # fmt: skip


def _grid(available: int, ncols: object, max_images: object, most: int) -> tuple[int, int, int]:
    """How many images to draw, in how many rows and columns; ncols and max_images checked."""
    ncols = whole_number("ncols", ncols, low=1)
    max_images = whole_number(
        "max_images", max_images, low=1, high=most, hint=_("More would take long to draw.")
    )
    count = min(available, max_images)
    cols = min(ncols, count)
    return count, math.ceil(count / cols), cols


def plot_digits(
    images: ArrayLike,
    labels: ArrayLike,
    *,
    predictions: ArrayLike | None = None,
    ncols: int = 8,
    max_images: int = 32,
    title: str | None = None,
) -> Figure:
    """Show handwritten digits in a grid, titled with the true (and predicted) label.

    ``images`` has shape (n, 28, 28) or flattened (n, 784), uint8 or float.
    Labels may be integers or one-hot rows; wrong predictions get a red title.
    ``title`` goes above the grid.

    Args:
        images: the pixels, shape (n, 28, 28), (n, 28, 28, 1) or (n, 784).
        labels: the true digits, one per image (integers or one-hot rows).
        predictions: the predicted digits, or ``model.predict``'s probabilities.
        ncols: images per row.
        max_images: how many of the images to show (the first ones), at most 200.
        title: the title above the grid.

    Returns:
        The Figure.

    Example::

        >>> from helpers.data import load_mnist_subset
        >>> x, y = load_mnist_subset()  # sorted by digit: x[::500] is one of each
        >>> fig = plot_digits(x[::500], y[::500], predictions=[0, 1, 2, 3, 4, 5, 6, 7, 8, 8])
        >>> [i for i, ax in enumerate(fig.axes) if ax.title.get_color() == "red"]  # 9 read as 8
        [9]
    """
    pixels, true = _digits_and_labels(images, labels)
    pred = None
    if predictions is not None:
        pred = class_labels("predictions", predictions, hint=_(DIVERGED))
        same_length("labels", true, "predictions", pred)
    count, rows, cols = _grid(len(pixels), ncols, max_images, MAX_IMAGES)
    fig, axes = plt.subplots(
        rows, cols, figsize=(1.3 * cols, 1.6 * rows), squeeze=False, layout="constrained"
    )
    for i, ax in enumerate(axes.flat):
        ax.set_axis_off()
        if i >= count:
            continue
        ax.imshow(pixels[i].reshape(28, 28), cmap="gray_r")
        if pred is None:
            caption, color = _("true {label}").format(label=true[i]), "black"
        else:
            caption = _("true {label}\npred {prediction}").format(label=true[i], prediction=pred[i])
            color = "black" if pred[i] == true[i] else "red"
        ax.set_title(caption, color=color, fontsize=9)
    if title is not None:
        fig.suptitle(str(title))
    shown = true[:count]
    if pred is None:
        words = ngettext(
            "{count} handwritten digit, 28 × 28 pixels, titled with its label: {labels}.",
            "{count} handwritten digits, 28 × 28 pixels each, titled with their labels: {labels}.",
            count,
        ).format(count=count, labels=", ".join(map(str, shown)))
    else:
        words = ngettext(
            "{count} handwritten digit, 28 × 28 pixels, titled with its true and predicted label.",
            "{count} handwritten digits, 28 × 28 pixels each, titled with their true and "
            "predicted labels.",
            count,
        ).format(count=count)
        words += " " + _verdict(shown, pred[:count])
        wrong = np.flatnonzero(shown != pred[:count])
        if len(wrong):
            mistakes = "; ".join(
                _("true {label}, predicted {prediction}").format(label=true[i], prediction=pred[i])
                for i in wrong
            )
            words += " " + _("Mistakes: {mistakes}.").format(mistakes=mistakes)
    describe(fig, words)
    return fig


def _verdict(true: np.ndarray, predicted: np.ndarray) -> str:
    """How many of the digits drawn are predicted wrong, as their red titles show."""
    wrong = int(np.sum(true != predicted))
    if wrong == 0:
        return ngettext("It is predicted right.", "All are predicted right.", len(true))
    return ngettext(
        "{count} is predicted wrong (red title).",
        "{count} are predicted wrong (red titles).",
        wrong,
    ).format(count=wrong)


def plot_probabilities(
    images: ArrayLike,
    probabilities: ArrayLike,
    labels: ArrayLike,
    *,
    ncols: int = 3,
    max_images: int = 12,
    title: str | None = None,
) -> Figure:
    """Show each digit beside a bar chart of the probabilities the model gives every class.

    The bar of the predicted class is blue when the prediction is right and red
    when it is wrong; the true class's bar is outlined in blue and its number is
    blue, so it shows even when its probability is near 0. Each image's caption
    gives the true and predicted class, in red when they differ.

    Args:
        images: the pixels, shape (n, 28, 28), (n, 28, 28, 1) or (n, 784).
        probabilities: ``model.predict``'s softmax output, shape (n, classes).
        labels: the true classes, one per image (integers or one-hot rows).
        ncols: image-and-bars pairs per row.
        max_images: how many of the images to show (the first ones), at most 36.
        title: the title above the grid.

    Returns:
        The Figure.

    Example::

        >>> import numpy as np
        >>> from helpers.data import load_mnist_subset
        >>> x, y = load_mnist_subset()
        >>> probs = np.full((2, 10), 0.02)
        >>> probs[0, 0] = probs[1, 8] = 0.82  # a 0 read as 0, a 1 read as 8
        >>> fig = plot_probabilities(x[[0, 500]], probs, y[[0, 500]])
        >>> [ax.get_title() for ax in fig.axes[::2]]
        ['true 0\\npred 0', 'true 1\\npred 8']
    """
    pixels, true = _digits_and_labels(images, labels)
    softmax = _("Pass what model.predict returns for a model that ends in a softmax layer.")
    probs = array(
        "probabilities", probabilities, hint=softmax,
        shape=_("an array of shape (n, classes) with 2 to {most} classes, one row per "
                "image").format(most=MAX_SCORES),
        fits=lambda shape: len(shape) == 2 and 2 <= shape[1] <= MAX_SCORES,
    )  # fmt: skip
    same_length("images", pixels, "probabilities", probs)
    finite("probabilities", probs, hint=_(DIVERGED))
    if probs.min() < 0 or probs.max() > 1 or not np.allclose(probs.sum(axis=1), 1, atol=1e-3):
        got = _("values from {low:.3g} to {high:.3g}").format(low=probs.min(), high=probs.max())
        must_be = _("rows of numbers from 0 to 1 that sum to 1")
        raise ValueError(refusal("probabilities", must_be, hint=softmax, got=got))
    if true.max() >= probs.shape[1]:
        raise ValueError(
            _(
                "labels go up to {largest} but probabilities has only {classes} columns: "
                "pass one probability per class."
            ).format(largest=true.max(), classes=probs.shape[1])
        )
    count, rows, cols = _grid(len(pixels), ncols, max_images, MAX_PAIRS)
    fig, axes = plt.subplots(
        rows, 2 * cols, figsize=(3.6 * cols, 1.9 * rows + 0.4), squeeze=False,
        layout="constrained", width_ratios=[1, 1.6] * cols,
    )  # fmt: skip
    predicted = probs.argmax(axis=1)
    classes = np.arange(probs.shape[1])
    for i in range(rows * cols):
        image_ax, bars_ax = axes.flat[2 * i], axes.flat[2 * i + 1]
        if i >= count:
            image_ax.set_axis_off()
            bars_ax.set_axis_off()
            continue
        right = predicted[i] == true[i]
        image_ax.imshow(pixels[i].reshape(28, 28), cmap="gray_r")
        image_ax.set_xticks([])
        image_ax.set_yticks([])
        image_ax.set_title(
            _("true {label}\npred {prediction}").format(label=true[i], prediction=predicted[i]),
            color="black" if right else "red", fontsize=9,
        )  # fmt: skip
        colours = ["lightgray"] * len(classes)
        colours[predicted[i]] = "tab:blue" if right else "tab:red"
        bars = bars_ax.bar(classes, probs[i], color=colours)
        bars[true[i]].set_edgecolor("tab:blue")
        bars[true[i]].set_linewidth(2)
        bars_ax.set_ylim(0, 1)
        bars_ax.set_xticks(classes, labels=[str(c) for c in classes], fontsize=7)
        true_tick = bars_ax.get_xticklabels()[true[i]]
        true_tick.set_color("tab:blue")
        true_tick.set_fontsize(9)
        bars_ax.tick_params(axis="y", labelsize=7)
        if i % cols == 0:
            bars_ax.set_ylabel(_("probability"), fontsize=8)
    handles = [
        Patch(color="tab:blue", label=_("predicted class, right")),
        Patch(color="tab:red", label=_("predicted class, wrong")),
        Patch(facecolor="white", edgecolor="tab:blue", linewidth=2,
              label=_("true class (outlined, its number in blue)")),
    ]  # fmt: skip
    fig.legend(handles=handles, loc="outside lower center", ncols=3, fontsize=8, frameon=False)
    if title is not None:
        fig.suptitle(str(title))
    pairs = ngettext(
        "{count} handwritten digit beside a bar chart of the probabilities the model gives "
        "each of the {classes} classes.",
        "{count} handwritten digits, each beside a bar chart of the probabilities the model "
        "gives each of the {classes} classes.",
        count,
    ).format(count=count, classes=len(classes))
    predictions = "; ".join(
        _("true {label}, predicted {prediction} ({probability})").format(
            label=true[i], prediction=predicted[i], probability=rounded(probs[i, predicted[i]]))
        for i in range(count)
    )  # fmt: skip
    verdict = _verdict(true[:count], predicted[:count])
    describe(fig, " ".join([pairs, verdict, _("Predictions: {predictions}.").format(
        predictions=predictions)]))  # fmt: skip
    return fig
