"""Learning curves: one metric of a run, every metric of a run, several runs overlaid.

Training is drawn solid, validation dashed in the same colour; epochs count from 1.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, TypeAlias

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import is_color_like
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from helpers.checks import refusal, text
from helpers.history import (
    curves_in_words,
    drawn_history,
    epoch_span,
    learning_curves_in_words,
    metric_label,
    pick_metrics,
)
from helpers.i18n import N_, _, ngettext
from helpers.plots._describe import describe
from helpers.plots._inputs import _axes

if TYPE_CHECKING:
    from keras.callbacks import History

#: What ``model.fit`` returns, or its ``.history`` dictionary.
HistoryLike: TypeAlias = "History | Mapping[str, Sequence[float]]"

#: The two curves of a metric: history key prefix, line style, legend entry alone
#: and after a run's label.
CURVES = [
    ("", "-", N_("training"), N_("{label} (training)")),
    ("val_", "--", N_("validation"), N_("{label} (validation)")),
]


def plot_history(
    history: HistoryLike,
    *,
    metric: str = "loss",
    ax: Axes | None = None,
    label: str | None = None,
    color: str | None = None,
) -> Axes:
    """Draw one metric of one training run: training solid, validation dashed.

    Both curves share one colour; epochs are counted from 1. NaN and infinite
    values are left out; values beyond 1e300 (a run diverging) are drawn at
    1e300, as :func:`~helpers.curves.curves_svg` draws them.

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
    hist = drawn_history(history)
    metric = _metric(hist, metric)
    if color is not None and not is_color_like(color):
        raise ValueError(refusal("color", _("a matplotlib colour such as 'red' or 'C1'"), color))
    ax = _axes(ax)
    epochs = np.arange(1, len(next(iter(hist.values()))) + 1)
    for prefix, style, kind, labelled in CURVES:
        key = f"{prefix}{metric}"
        if key in hist:
            # Validation every n-th epoch (fit's validation_freq) leaves NaN between:
            # join the epochs that have a value, as LivePlot does.
            values = np.asarray(hist[key], dtype=float)
            measured = ~np.isnan(values)
            marker = "o" if measured.sum() == 1 else None  # one point needs a marker to be seen
            (line,) = ax.plot(
                epochs[measured],
                values[measured],
                linestyle=style,
                color=color,
                marker=marker,
                label=_(kind) if label is None else _(labelled).format(label=label),
            )
            color = line.get_color()  # the validation curve reuses the training colour
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(_("epoch"))
    ax.set_ylabel(metric_label(metric))
    ax.legend()
    describe(ax, learning_curves_in_words(hist, [metric]))
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
        metrics: the metrics to draw, one panel each: one name or a list;
            None draws every metric of the history, as
            :func:`~helpers.curves.curves_svg` does.
        title: the title above the panels.

    Returns:
        The Figure.

    Example::

        >>> history = {"loss": [0.9, 0.5], "accuracy": [0.6, 0.8],
        ...            "val_loss": [1.0, 0.7], "val_accuracy": [0.5, 0.7]}  # or model.fit(...)
        >>> [ax.get_ylabel() for ax in plot_training(history).axes]
        ['loss', 'accuracy']
    """
    hist = drawn_history(history)
    metrics = pick_metrics([hist], metrics)
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
    must_be = _("a non-empty dict {label: history} or a list of (label, history) pairs")
    if isinstance(runs, Mapping):
        pairs = list(runs.items())
    elif isinstance(runs, Sequence) and not isinstance(runs, str):
        pairs = list(runs)
    else:
        raise TypeError(refusal("runs", must_be, runs))
    if not pairs:
        raise ValueError(refusal("runs", must_be, runs, _("Train at least one model first.")))
    checked = []
    for number, pair in enumerate(pairs):
        if not (isinstance(pair, (tuple, list)) and len(pair) == 2):
            raise TypeError(refusal(f"runs[{number}]", _("a (label, history) pair"), pair))
        label, history = pair
        hist = drawn_history(history, name=f"runs[{label!r}]")
        metric = _metric(hist, metric, run=label)
        checked.append((str(label), hist))
    ax = _axes(ax)
    for label, hist in checked:
        plot_history(hist, metric=metric, ax=ax, label=label)
    has_validation = any(f"val_{metric}" in hist for _label, hist in checked)
    if has_validation:
        title = _("{metric}: solid = training, dashed = validation")
        ax.set_title(title.format(metric=metric_label(metric)))
    else:
        ax.set_title(metric_label(metric))
    lengths = [len(next(iter(hist.values()))) for _label, hist in checked]
    head = ngettext(
        "Learning curves of {metric} over {epochs} for {count} run, one colour per run.",
        "Learning curves of {metric} over {epochs} for {count} runs, one colour per run.",
        len(checked),
    ).format(metric=metric_label(metric), count=len(checked), epochs=epoch_span(lengths))
    runs = [f"{label}: {curves_in_words(hist, metric)}." for label, hist in checked]
    describe(ax, " ".join([head, *runs]))
    return ax


def _metric(hist: dict[str, list[float]], metric: object, *, run: object = None) -> str:
    """``metric`` if it names a metric of ``hist`` (of ``run``, when one is named)."""
    whose = "" if run is None else _("run {run}").format(run=repr(run))
    metric = text("metric", metric, must_be=_("a metric name such as 'loss'"))
    return pick_metrics([hist], metric, name="metric", whose=whose)[0]
