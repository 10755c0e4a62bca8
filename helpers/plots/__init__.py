"""Plots used in the lessons: training curves, activations, confusion matrices,
handwritten digits and regression results.

Every single-plot function takes ``ax=None`` and returns the Axes it drew on;
functions that draw several panels return the Figure. Importing this module
changes no matplotlib settings and does not import TensorFlow.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Mapping, Sequence
from itertools import islice
from typing import TYPE_CHECKING, TypeAlias

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import is_color_like
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator
from numpy.typing import ArrayLike

from helpers.checks import refusal, true_or_false, whole_number
from helpers.history import base_metrics, to_history_dict

if TYPE_CHECKING:
    from keras.callbacks import History

#: What ``model.fit`` returns, or its ``.history`` dictionary.
HistoryLike: TypeAlias = "History | Mapping[str, Sequence[float]]"

DIGIT_SHAPES = {(28, 28), (784,), (28, 28, 1)}

#: Limits that keep a mistyped argument from hanging the kernel or filling memory.
MAX_CLASSES = 100  # a confusion matrix of 100 x 100 cells is already hard to read
MAX_IMAGES = 200  # digits in one plot_digits grid
MAX_BINS = 1000  # bars in one error histogram
MAX_SCORES = 20  # bars in plot_activations' softmax panel
MAX_VALUE = 1e300  # largest value drawn: differences of two, and axis limits, stay finite
MAX_INPUT = 1e6  # largest x_range bound and softmax score (float32 holds them exactly enough)

DIVERGED = (
    "This usually means training diverged: try a smaller learning rate, or normalise the inputs."
)
MISSING = "Remove the samples with missing values, or fill them in."


# --------------------------------------------------------------------------
# Training curves
# --------------------------------------------------------------------------


def plot_history(
    history: HistoryLike,
    *,
    metric: str = "loss",
    ax: Axes | None = None,
    label: str | None = None,
    color: str | None = None,
) -> Axes:
    """Draw one metric of one training run: training solid, validation dashed.

    Both curves share one colour; epochs are counted from 1.

    Args:
        history: what ``model.fit`` returns, or its ``.history`` dict.
        metric: the metric to draw, e.g. ``"loss"`` or ``"accuracy"``; its
            ``val_`` twin is drawn with it when the history has one.
        ax: the matplotlib Axes to draw on (``fig.gca()``, ``plt.subplots()[1]``);
            None draws on the current Axes.
        label: put in front of the legend entries, e.g. ``"adam (training)"``.
        color: a matplotlib colour such as ``"red"`` or ``"C1"``; None picks the next one.

    Returns:
        The Axes drawn on.

    Example::

        >>> history = {"loss": [0.9, 0.6, 0.5], "val_loss": [1.0, 0.8, 0.7]}  # or model.fit(...)
        >>> fig, ax = plt.subplots()  # or leave ax out to draw on the current Axes
        >>> ax = plot_history(history, metric="loss", ax=ax)
        >>> [(line.get_label(), line.get_linestyle()) for line in ax.get_lines()]
        [('training', '-'), ('validation', '--')]
    """
    hist = _history(history)
    _check_metric(hist, metric)
    if color is not None and not is_color_like(color):
        raise ValueError(refusal("color", "a matplotlib colour such as 'red' or 'C1'", color))
    ax = _axes(ax)
    epochs = np.arange(1, len(next(iter(hist.values()))) + 1)
    for key, style, kind in [(metric, "-", "training"), (f"val_{metric}", "--", "validation")]:
        if key in hist:
            # Validation every n-th epoch (fit's validation_freq) leaves NaN between:
            # join the epochs that have a value, as LivePlot does.
            values = np.asarray(hist[key], dtype=float)
            measured = ~np.isnan(values)
            if np.any(np.abs(values[np.isfinite(values)]) > MAX_VALUE):  # the axis would overflow
                raise ValueError(
                    f"history[{key!r}] must hold numbers from -1e300 to 1e300 (or inf); "
                    f"got {np.abs(values[np.isfinite(values)]).max():g}."
                )
            marker = "o" if measured.sum() == 1 else None  # one point needs a marker to be seen
            (line,) = ax.plot(
                epochs[measured], values[measured], linestyle=style, color=color, marker=marker,
                label=kind if label is None else f"{label} ({kind})",
            )
            color = line.get_color()  # the validation curve reuses the training colour
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("epoch")
    ax.set_ylabel(metric)
    ax.legend()
    return ax


def plot_training(
    history: HistoryLike,
    *,
    metrics: Sequence[str] | None = None,
    title: str | None = None,
) -> Figure:
    """Draw every metric of a run in its own panel (loss first, then accuracy...).

    Args:
        history: what ``model.fit`` returns, or its ``.history`` dict.
        metrics: the metrics to draw, one panel each (a single name is fine);
            None draws every metric of the history.
        title: the title above the panels.

    Returns:
        The Figure.

    Example::

        >>> history = {"loss": [0.9, 0.5], "accuracy": [0.6, 0.8],
        ...            "val_loss": [1.0, 0.7], "val_accuracy": [0.5, 0.7]}  # or model.fit(...)
        >>> [ax.get_ylabel() for ax in plot_training(history).axes]
        ['loss', 'accuracy']
    """
    hist = _history(history)
    if isinstance(metrics, str):
        metrics = [metrics]
    if metrics is None:
        metrics = base_metrics(hist)
    elif not isinstance(metrics, Iterable):
        raise TypeError(refusal("metrics", "a list of metric names", metrics, _names_hint(hist)))
    metrics = list(metrics)
    if not metrics:
        raise ValueError(f"metrics is empty: pass metric names such as {base_metrics(hist)}.")
    for metric in metrics:
        _check_metric(hist, metric)
    if len(set(metrics)) < len(metrics):
        raise ValueError(refusal("metrics", "a list of different metric names", metrics))
    fig, axes = plt.subplots(
        1, len(metrics), figsize=(4.5 * len(metrics), 3.5), squeeze=False, layout="constrained"
    )
    for ax, metric in zip(axes.flat, metrics, strict=True):
        plot_history(hist, metric=metric, ax=ax)
    if title is not None:
        fig.suptitle(title)
    return fig


def plot_runs(
    runs: Mapping[str, HistoryLike] | Sequence[tuple[str, HistoryLike]],
    *,
    metric: str = "loss",
    ax: Axes | None = None,
) -> Axes:
    """Overlay several runs to compare them, one colour per run.

    Args:
        runs: a dict {label: History or history dict}, or a list of
            ``(label, history)`` pairs.
        metric: the metric to compare, e.g. ``"loss"``.
        ax: the matplotlib Axes to draw on; None draws on the current Axes.

    Returns:
        The Axes drawn on.

    Example::

        >>> runs = {"adam": {"loss": [0.9, 0.4]}, "sgd": {"loss": [0.9, 0.7]}}  # or Histories
        >>> fig, ax = plt.subplots()  # or leave ax out to draw on the current Axes
        >>> ax = plot_runs(runs, metric="loss", ax=ax)
        >>> [line.get_label() for line in ax.get_lines()]
        ['adam (training)', 'sgd (training)']
    """
    if isinstance(runs, Mapping):
        pairs = list(runs.items())
    elif isinstance(runs, Sequence) and not isinstance(runs, str):
        pairs = list(runs)
    else:
        raise TypeError(
            "runs must be a dict {label: history} or a list of (label, history) pairs; "
            f"got {type(runs).__name__}."
        )
    if not pairs:
        raise ValueError("runs is empty: train at least one model and pass {label: history}.")
    checked = []
    for pair in pairs:
        if not (isinstance(pair, (tuple, list)) and len(pair) == 2):
            raise TypeError(f"Each run must be a (label, history) pair; got {pair!r:.80}.")
        label, history = pair
        hist = _history(history)
        _check_metric(hist, metric, run=label)
        checked.append((str(label), hist))
    ax = _axes(ax)
    for label, hist in checked:
        plot_history(hist, metric=metric, ax=ax, label=label)
    has_validation = any(f"val_{metric}" in hist for _, hist in checked)
    ax.set_title(f"{metric}: solid = training, dashed = validation" if has_validation else metric)
    return ax


def _history(history: HistoryLike) -> dict[str, list[float]]:
    try:
        return to_history_dict(history)
    except OverflowError:  # a Python int beyond 1e308, typed by hand
        raise ValueError(
            "history must hold numbers of at most about 1e308 (what a float can hold); "
            "got a larger one. Check the numbers you typed in."
        ) from None


def _names_hint(hist: dict[str, list[float]]) -> str:
    return f"This history has {base_metrics(hist)}."


def _check_metric(hist: dict[str, list[float]], metric: str, *, run: object = None) -> None:
    if not isinstance(metric, str):
        raise TypeError(refusal("metric", "a metric name (text)", metric, _names_hint(hist)))
    names = base_metrics(hist)
    if metric not in names:
        whose = "This history" if run is None else f"Run {run!r}"
        raise ValueError(
            f"{whose} has no metric {metric!r}; it has {names}. Pass one of those "
            "(the val_ curve is drawn automatically with its training metric)."
        )


# --------------------------------------------------------------------------
# Activation functions
# --------------------------------------------------------------------------


def plot_activations(
    *,
    x_range: tuple[float, float] = (-5.0, 5.0),
    softmax_input: Sequence[float] = (2.0, 1.0, 0.1),
) -> Figure:
    """Plot sigmoid, tanh and relu, and softmax applied to a small vector.

    The curves are computed with Keras' own ``keras.activations`` functions.

    Args:
        x_range: ``(low, high)``, the inputs to draw the curves over, with
            ``-1e6 <= low < high <= 1e6``.
        softmax_input: up to 20 scores (logits) to turn into probabilities.

    Returns:
        The Figure, four panels.

    Example::

        >>> fig = plot_activations(x_range=(-3, 3), softmax_input=(1.0, 2.0, 3.0))
        >>> [ax.get_title() for ax in fig.axes]
        ['sigmoid', 'tanh', 'relu', 'softmax: outputs sum to 1.00']
    """
    import keras  # imported here so that importing helpers.plots stays light

    bounds = _as_values(x_range, "x_range")
    if len(bounds) != 2 or not -MAX_INPUT <= bounds[0] < bounds[1] <= MAX_INPUT:
        raise ValueError(
            refusal("x_range", "(low, high) with -1e6 <= low < high <= 1e6", x_range,
                    "For example x_range=(-5, 5).")
        )  # fmt: skip
    scores = _as_values(softmax_input, "softmax_input")
    if len(scores) > MAX_SCORES or not np.all(np.abs(scores) <= MAX_INPUT):
        raise ValueError(
            refusal("softmax_input", f"at most {MAX_SCORES} scores from -1e6 to 1e6",
                    softmax_input, "For example softmax_input=(2.0, 1.0, 0.1).")
        )  # fmt: skip
    scores = scores.astype("float32")
    x = np.linspace(*bounds, 201, dtype="float32")
    fig, axes = plt.subplots(1, 4, figsize=(15, 3.4), layout="constrained")
    for ax, name in zip(axes[:3], ["sigmoid", "tanh", "relu"], strict=True):
        y = keras.ops.convert_to_numpy(getattr(keras.activations, name)(x))
        ax.axhline(0, color="gray", linewidth=0.5)
        ax.axvline(0, color="gray", linewidth=0.5)
        ax.plot(x, y)
        ax.set_title(name)
        ax.set_xlabel("input x")
        ax.set_ylabel(f"{name}(x)")
    probs = keras.ops.convert_to_numpy(keras.activations.softmax(scores))
    ax = axes[3]
    bars = ax.bar(range(len(scores)), probs)
    ax.bar_label(bars, fmt="%.2f")
    ax.set_xticks(range(len(scores)), labels=[f"{s:g}" for s in scores])
    ax.set_ylim(0, 1.1)
    ax.set_title(f"softmax: outputs sum to {probs.sum():.2f}")
    ax.set_xlabel("input score")
    ax.set_ylabel("probability")
    return fig


# --------------------------------------------------------------------------
# Classification
# --------------------------------------------------------------------------


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
    true = _as_labels(y_true, "y_true")
    pred = _as_labels(y_pred, "y_pred")
    _check_same_length(true, pred, "y_true", "y_pred")
    largest = int(max(true.max(), pred.max()))
    if num_classes is None:
        num_classes = largest + 1
    else:
        num_classes = whole_number("num_classes", num_classes, low=1, high=MAX_CLASSES)
        if num_classes <= largest:
            raise ValueError(
                f"num_classes={num_classes!r} is too small: the labels go up to {largest}. "
                f"Pass num_classes={largest + 1} or more, or leave it out."
            )
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
    if class_names is None:
        names = [str(i) for i in range(len(matrix))]
    elif isinstance(class_names, str) or not isinstance(class_names, Iterable):
        raise TypeError(refusal("class_names", "a list of names, one per class", class_names))
    else:
        names = [str(c) for c in islice(class_names, MAX_CLASSES + 1)]
        if len(names) > MAX_CLASSES:
            raise ValueError(
                refusal("class_names", f"at most {MAX_CLASSES} names", class_names,
                        "Give one name per class.")
            )  # fmt: skip
        if len(names) < len(matrix):
            raise ValueError(
                f"class_names has {len(names)} names but the labels go up to {len(matrix) - 1} "
                f"({len(matrix)} classes): give one name per class."
            )
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
            col, row, f"{value:.2f}" if normalize else str(value), ha="center", va="center",
            color="white" if value > threshold else "black",
        )
    ticks = range(len(names))
    ax.set_xticks(ticks, labels=names)
    ax.set_yticks(ticks, labels=names)
    ax.set_xlabel("predicted class")
    ax.set_ylabel("true class")
    right, total = int(np.trace(matrix)), int(matrix.sum())
    ax.set_title(
        f"{right} of {total} right (accuracy {right / total:.3f})"
        + ("\neach row sums to 1" if normalize else "")
    )
    return ax


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
    pixels = _as_array(images, "images")
    if pixels.shape[1:] not in DIGIT_SHAPES:
        raise ValueError(
            f"images must have shape (n, 28, 28) or flattened (n, 784); got {pixels.shape}. "
            "For a single image x, pass x[None] or [x]."
        )
    _check_finite(pixels, "images", MISSING)
    true = _as_labels(labels, "labels")
    _check_same_length(pixels, true, "images", "labels")
    pred = None
    if predictions is not None:
        pred = _as_labels(predictions, "predictions")
        _check_same_length(true, pred, "labels", "predictions")
    ncols = whole_number("ncols", ncols, low=1)
    max_images = whole_number(
        "max_images", max_images, low=1, high=MAX_IMAGES, hint="More would take long to draw."
    )
    count = min(len(pixels), max_images)
    cols = min(ncols, count)
    rows = math.ceil(count / cols)
    fig, axes = plt.subplots(
        rows, cols, figsize=(1.3 * cols, 1.6 * rows), squeeze=False, layout="constrained"
    )
    for i, ax in enumerate(axes.flat):
        ax.set_axis_off()
        if i >= count:
            continue
        ax.imshow(pixels[i].reshape(28, 28), cmap="gray_r")
        caption, color = f"true {true[i]}", "black"
        if pred is not None:
            caption += f"\npred {pred[i]}"
            color = "black" if pred[i] == true[i] else "red"
        ax.set_title(caption, color=color, fontsize=9)
    if title is not None:
        fig.suptitle(str(title))
    return fig


# --------------------------------------------------------------------------
# Comparing measures
# --------------------------------------------------------------------------


def plot_comparison(results: Mapping[str, Mapping[str, float]]) -> Figure:
    """Bar charts side by side: one panel per measure, one labelled bar per case.

    ``results`` maps each case to its measures, every case with the same ones.
    The bars carry their values, so a figure can show details whose last
    digits differ from computer to computer while the printed text stays robust.

    Args:
        results: a dict {case: {measure: value}}; every case has the same
            measures in the same order, and every value is a finite number.

    Returns:
        The Figure, one panel per measure.

    Example::

        >>> fig = plot_comparison({"pixels / 255": {"accuracy": 0.95, "loss": 0.22},
        ...                        "raw pixels": {"accuracy": 0.95, "loss": 49.7}})
        >>> [ax.get_title() for ax in fig.axes]
        ['accuracy', 'loss']
    """
    if not isinstance(results, Mapping) or not results:
        raise TypeError(
            "results must be a non-empty dict {case: {measure: value}}, e.g. "
            f"{{'scaled': {{'loss': 0.2}}}}; got {results!r:.80}."
        )
    cases = [str(case) for case in results]
    measures = None
    for case, values in results.items():
        if not isinstance(values, Mapping) or not values:
            raise TypeError(
                f"results[{case!r}] must be a non-empty dict {{measure: value}}; "
                f"got {values!r:.80}."
            )
        if measures is None:
            measures = list(values)
        elif list(values) != measures:
            raise ValueError(
                f"Every case needs the same measures in the same order: {measures} for the "
                f"first case, {list(values)} for {case!r}."
            )
    table = np.array([_as_values(list(v.values()), f"results[{c!r}]") for c, v in results.items()])
    if not np.all(np.abs(table) <= MAX_VALUE):  # NaN and infinity too; larger ones overflow
        raise ValueError(
            f"results must hold finite numbers from -1e300 to 1e300; got {table.tolist()!r:.200}."
        )
    fig, axes = plt.subplots(
        1, len(measures), figsize=(3.2 * len(measures), 2.8), squeeze=False, layout="constrained"
    )
    for column, (ax, measure) in enumerate(zip(axes.flat, measures, strict=True)):
        bars = ax.bar(cases, table[:, column], color=[f"C{i}" for i in range(len(cases))])
        ax.bar_label(bars, fmt="%.3g")
        ax.set_title(str(measure))
        ax.margins(y=0.2)
    return fig


# --------------------------------------------------------------------------
# Regression
# --------------------------------------------------------------------------


def plot_predictions(
    y_true: ArrayLike, y_pred: ArrayLike, *, ax: Axes | None = None, unit: str | None = None
) -> Axes:
    """Scatter predicted against true values; perfect predictions lie on y = x.

    Args:
        y_true: the true values, shape (n,) or (n, 1).
        y_pred: the predictions, e.g. what ``model.predict`` returns.
        ax: the matplotlib Axes to draw on; None draws on the current Axes.
        unit: the values' unit, shown in the axis labels.

    Returns:
        The Axes drawn on.

    Example::

        >>> y_test, predicted = [18.0, 30.5, 24.0], [[19.2], [28.9], [24.5]]  # from predict
        >>> plot_predictions(y_test, predicted, unit="mpg").get_xlabel()
        'true value [mpg]'
    """
    true, pred = _regression_pair(y_true, y_pred)
    ax = _axes(ax)
    ax.scatter(true, pred, s=14, alpha=0.6)
    low, high = min(true.min(), pred.min()), max(true.max(), pred.max())
    ax.plot([low, high], [low, high], "--", color="gray", label="perfect prediction (y = x)")
    ax.set_aspect("equal", adjustable="datalim")
    ax.set_xlabel(_with_unit("true value", unit))
    ax.set_ylabel(_with_unit("predicted value", unit))
    ax.legend()
    return ax


def plot_error_histogram(
    y_true: ArrayLike,
    y_pred: ArrayLike,
    *,
    ax: Axes | None = None,
    bins: int = 25,
    unit: str | None = None,
) -> Axes:
    """Histogram of the errors (predicted - true); a good model centres them on 0.

    Args:
        y_true: the true values, shape (n,) or (n, 1).
        y_pred: the predictions, e.g. what ``model.predict`` returns.
        ax: the matplotlib Axes to draw on; None draws on the current Axes.
        bins: the number of bars, from 1 to 1000.
        unit: the values' unit, shown in the axis label.

    Returns:
        The Axes drawn on.

    Example::

        >>> y_test, predicted = [18.0, 30.5, 24.0], [[19.2], [28.9], [24.5]]  # from predict
        >>> plot_error_histogram(y_test, predicted, unit="mpg").get_xlabel()
        'error (predicted - true) [mpg]'
    """
    true, pred = _regression_pair(y_true, y_pred)
    bins = whole_number("bins", bins, low=1, high=MAX_BINS)
    errors = pred - true
    ax = _axes(ax)
    ax.hist(errors, bins=bins, range=_histogram_range(errors, bins))
    ax.axvline(0, color="gray", linestyle="--")
    ax.set_xlabel(_with_unit("error (predicted - true)", unit))
    ax.set_ylabel("count")
    return ax


def plot_regression(y_true: ArrayLike, y_pred: ArrayLike, *, unit: str | None = None) -> Figure:
    """Predicted-vs-true scatter and error histogram side by side.

    Args:
        y_true: the true values, shape (n,) or (n, 1).
        y_pred: the predictions, e.g. what ``model.predict`` returns.
        unit: the values' unit, shown in the axis labels.

    Returns:
        The Figure, two panels.

    Example::

        >>> y_test, predicted = [18.0, 30.5, 24.0], [[19.2], [28.9], [24.5]]  # from predict
        >>> [ax.get_xlabel() for ax in plot_regression(y_test, predicted, unit="mpg").axes]
        ['true value [mpg]', 'error (predicted - true) [mpg]']
    """
    true, pred = _regression_pair(y_true, y_pred)
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4), layout="constrained")
    plot_predictions(true, pred, ax=left, unit=unit)
    plot_error_histogram(true, pred, ax=right, unit=unit)
    return fig


# --------------------------------------------------------------------------
# Input checks shared by the plots above
# --------------------------------------------------------------------------


def _axes(ax: Axes | None) -> Axes:
    if ax is None:
        return plt.gca()
    if not isinstance(ax, Axes):
        raise TypeError(
            refusal("ax", "a matplotlib Axes or None", ax,
                    "Pass the Axes to draw on, e.g. fig.gca() or plt.subplots()[1], or leave "
                    "ax out to draw on the current one.")
        )  # fmt: skip
    return ax


def _as_array(data: ArrayLike, name: str, *, booleans: bool = False) -> np.ndarray:
    """An array of real numbers (of True/False too with ``booleans``), any shape."""
    must_be = "an array or list of numbers"
    try:
        array = np.asarray(data)
        if array.dtype == object and all(
            isinstance(v, numbers.Real) and not isinstance(v, bool) for v in array.flat
        ):
            array = array.astype(float)  # Python ints too large for int64
    except OverflowError:
        raise ValueError(refusal(name, must_be + " of at most about 1e308", data)) from None
    except ValueError:  # nested lists of different lengths
        raise ValueError(refusal(name, must_be + " with rows of equal length", data)) from None
    kind = array.dtype.kind
    if not (kind in "iuf" or (booleans and kind == "b")):
        raise TypeError(refusal(name, must_be, data))
    return array


def _as_values(data: ArrayLike, name: str, *, booleans: bool = False) -> np.ndarray:
    """A non-empty 1-D float array; an (n, 1) column (what predict returns) is flattened."""
    array = _as_array(data, name, booleans=booleans)
    if array.ndim == 2 and array.shape[1] == 1:
        array = array[:, 0]
    if array.ndim != 1 or array.size == 0:
        raise ValueError(
            f"{name} must be a non-empty list of numbers (shape (n,) or (n, 1)); "
            f"got shape {array.shape}."
        )
    return array.astype(float)


def _check_finite(array: np.ndarray, name: str, hint: str) -> None:
    finite = np.isfinite(array)
    if not finite.all():
        kinds = [kind for kind, found in [("NaN", np.isnan(array)), ("infinity", ~finite)]
                 if found.any()]  # fmt: skip
        raise ValueError(
            f"{name} must hold finite numbers; got {kinds[0]} in {int((~finite).sum())} of "
            f"{array.size} values. {hint}"
        )


def _as_labels(data: ArrayLike, name: str) -> np.ndarray:
    """Integer class labels below MAX_CLASSES; 2-D one-hot rows or probabilities become
    their argmax."""
    array = _as_array(data, name, booleans=True)
    hint = DIVERGED if name in ("y_pred", "predictions") else MISSING
    if array.ndim == 2 and array.shape[1] > 1:
        _check_finite(array, name, hint)
        array = array.argmax(axis=1)
    values = _as_values(array, name, booleans=True)
    _check_finite(values, name, hint)
    if np.any(values < 0) or np.any(values != np.round(values)):
        bad = values[(values < 0) | (values != np.round(values))][0]
        raise ValueError(
            f"{name} must hold class numbers 0, 1, 2...; found {bad:g}. If these are "
            "sigmoid scores, turn them into classes first: (scores > 0.5).astype(int)."
        )
    largest = values.max()
    if largest >= MAX_CLASSES:
        raise ValueError(
            f"{name} must hold class numbers from 0 to {MAX_CLASSES - 1}; got labels up to "
            f"{largest:g}. Labels up to {largest:g} would draw a {largest + 1:g} x "
            f"{largest + 1:g} confusion matrix; did you pass scores or pixel values instead "
            "of class numbers?"
        )
    return values.astype(int)


def _check_same_length(a: np.ndarray, b: np.ndarray, name_a: str, name_b: str) -> None:
    if len(a) != len(b):
        raise ValueError(
            f"{name_a} has {len(a)} samples but {name_b} has {len(b)}: "
            "pass one entry per sample in both."
        )


def _regression_pair(y_true: ArrayLike, y_pred: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    true, pred = _as_values(y_true, "y_true"), _as_values(y_pred, "y_pred")
    _check_same_length(true, pred, "y_true", "y_pred")
    for values, name, hint in [(true, "y_true", MISSING), (pred, "y_pred", DIVERGED)]:
        _check_finite(values, name, hint)
        largest = np.abs(values).max()
        if largest > MAX_VALUE:  # their differences and the axis limits would overflow
            raise ValueError(
                f"{name} must hold numbers from -1e300 to 1e300; got {largest:g}. {hint}"
            )
    return true, pred


def _histogram_range(errors: np.ndarray, bins: int) -> tuple[float, float] | None:
    """None (NumPy's choice) unless the errors lie too close together to split into ``bins``."""
    try:
        np.histogram_bin_edges(errors, bins)
        return None
    except ValueError:  # e.g. errors 0 and 5e-324: no 25 bins fit between them
        low, high = float(errors.min()), float(errors.max())
        pad = max(abs(low), abs(high), 1.0) * 1e-9  # wide enough for MAX_BINS bins
        return low - pad, high + pad


def _with_unit(text: str, unit: str | None) -> str:
    return text if unit is None else f"{text} [{unit}]"
