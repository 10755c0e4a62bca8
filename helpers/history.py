"""Training histories as plain dictionaries, and the rules every drawer of curves shares.

Keras' ``model.fit`` returns a ``History`` object whose ``.history`` attribute
maps metric names to one value per epoch. Every helper that draws or compares
curves accepts either that object or the plain dictionary, through
:func:`to_history_dict` (:func:`drawn_history` for drawing). :class:`Recorder`
records a history epoch by epoch, as :class:`~helpers.live.LivePlot` does;
:func:`check_metrics` and :func:`pick_metrics` are the one rule for the
``metrics`` a drawer is asked for, and its default (every metric).
:func:`learning_curves_in_words` says what the curves show, for readers who
cannot see them: the alt text of the plots' figures and of LivePlot's drawing.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from helpers.checks import history as read_history
from helpers.checks import refusal, texts
from helpers.i18n import N_, _, ngettext

#: The largest value a curve is drawn at. A larger one (a run diverging) is drawn at
#: +-LARGEST, the edge of the frame, as NaN and infinity are left out: every drawer of
#: curves treats them alike, and an axis any longer would overflow Python's floats.
LARGEST = 1e300


class Recorder:
    """A history recorded epoch by epoch: one value per epoch for every metric.

    A metric missing from an epoch's logs (``model.fit(..., validation_freq=n)``
    validates every n-th epoch only) gets NaN there, at the epochs before it
    first appears too. Values that are not real numbers are left out.

    Example::

        >>> recorder = Recorder()
        >>> recorder.add({"loss": 0.9})
        >>> recorder.add({"loss": 0.5, "val_loss": 0.7})
        >>> recorder.history
        {'loss': [0.9, 0.5], 'val_loss': [nan, 0.7]}
    """

    def __init__(self) -> None:
        self.history: dict[str, list[float]] = {}
        self.epochs = 0

    def add(self, logs: Mapping[str, Any]) -> None:
        """Record one epoch's ``logs``: metric name -> value."""
        for name, value in logs.items():
            if isinstance(value, numbers.Real):
                self.history.setdefault(name, [math.nan] * self.epochs).append(float(value))
        self.epochs += 1
        for values in self.history.values():
            if len(values) < self.epochs:
                values.append(math.nan)


def to_history_dict(history: Any, *, name: str = "history") -> dict[str, list[float]]:
    """Return ``{metric: [value per epoch]}`` from a Keras ``History`` or a dict.

    Every list gets one value per epoch, epoch 1 first. ``model.fit(...,
    validation_freq=n)`` records the ``val_`` metrics only every n-th epoch, so
    their lists are shorter: they are padded with NaN at the epochs where
    validation did not run, as :class:`Recorder` (and so
    :class:`~helpers.live.LivePlot`) records them. The padding assumes an
    integer ``validation_freq`` (every n-th epoch), the one that the lengths
    can tell apart.

    Args:
        history: what ``model.fit`` returns, or its ``.history`` dict of
            metric name -> list of numbers.
        name: what a refusal calls ``history``.

    Returns:
        A new dict of metric name -> list of floats, one per epoch.

    Raises:
        TypeError: ``history`` is not a ``History`` or a dict of lists of numbers.
        ValueError: it has no epochs, or lengths that ``validation_freq`` cannot explain.

    Example::

        >>> to_history_dict({"loss": [0.9, 0.5], "val_loss": [1.0, 0.7]})
        {'loss': [0.9, 0.5], 'val_loss': [1.0, 0.7]}
        >>> to_history_dict({"loss": [0.9, 0.6, 0.5, 0.4], "val_loss": [0.7, 0.5]})
        {'loss': [0.9, 0.6, 0.5, 0.4], 'val_loss': [nan, 0.7, nan, 0.5]}
    """
    return _one_value_per_epoch(read_history(name, history))


def drawn_history(history: Any, *, name: str = "history") -> dict[str, list[float]]:
    """What every drawer of curves draws: :func:`to_history_dict`, values beyond
    +-:data:`LARGEST` brought to it.

    Example::

        >>> drawn_history({"loss": [0.5, 1e305, float("inf")]})
        {'loss': [0.5, 1e+300, inf]}
    """
    return {
        metric: [min(max(v, -LARGEST), LARGEST) if math.isfinite(v) else v for v in values]
        for metric, values in to_history_dict(history, name=name).items()
    }


def _one_value_per_epoch(history: dict[str, list[float]]) -> dict[str, list[float]]:
    """Pad ``val_`` lists recorded every n-th epoch with NaN; refuse other mismatches."""
    sizes = {name: len(values) for name, values in history.items()}
    train = {size for name, size in sizes.items() if not name.startswith("val_")}
    val = {size for name, size in sizes.items() if name.startswith("val_")}
    if len(train | val) == 1:
        return history
    if len(train) != 1 or len(val) != 1:
        raise ValueError(
            _(
                "Every metric needs one value per epoch, but the lengths differ: {sizes}. "
                "Give every metric the same number of values; only the val_ "
                "metrics may have fewer, when model.fit(..., validation_freq=n) skipped "
                "validation on some epochs."
            ).format(sizes=sizes)
        )
    (epochs,), (runs,) = train, val
    # validation_freq=n validates at epochs n, 2n, 3n... : epochs // n times.
    steps = [n for n in range(1, epochs + 1) if epochs // n == runs]
    if len(steps) != 1:
        unknown = (
            _(
                "Every metric needs one value per epoch, but the lengths differ: {sizes}. "
                "The val_ metrics have {runs} values for {epochs} epochs, and validation_freq "
                "could be any of {steps}, so the epochs they belong to are unknown. "
                "Pad them with float('nan') at the epochs where validation did not run, or "
                "record the run with LivePlot, whose .history does that."
            )
            if steps
            else _(
                "Every metric needs one value per epoch, but the lengths differ: {sizes}. "
                "The val_ metrics have {runs} values for {epochs} epochs, and no "
                "validation_freq gives that many. "
                "Pad them with float('nan') at the epochs where validation did not run, or "
                "record the run with LivePlot, whose .history does that."
            )
        )
        raise ValueError(unknown.format(sizes=sizes, runs=runs, epochs=epochs, steps=steps))
    step = steps[0]
    recorder = Recorder()
    for epoch in range(1, epochs + 1):  # a val_ metric's values go to epochs step, 2*step...
        recorder.add({
            name: values[epoch - 1] if len(values) == epochs else values[epoch // step - 1]
            for name, values in history.items()
            if len(values) == epochs or epoch % step == 0
        })  # fmt: skip
    return {name: recorder.history[name] for name in history}


def check_metrics(metrics: object) -> list[str] | None:
    """``metrics`` as drawers take it: None (every metric), one name, or a list of different
    names (the curve drawers' one rule).

    Example::

        >>> check_metrics("loss"), check_metrics(("loss", "accuracy")), check_metrics(None)
        (['loss'], ['loss', 'accuracy'], None)
    """
    if metrics is None:
        return None
    must_be = _("None (every metric), a metric name or a list of different metric names")
    hint = _("For example ['loss', 'accuracy'].")
    names = texts("metrics", metrics, low=1, single=True, must_be=must_be, hint=hint)
    if len(set(names)) < len(names):
        raise ValueError(refusal("metrics", must_be, metrics, hint))
    return names


def pick_metrics(
    histories: Sequence[Mapping[str, list[float]]],
    metrics: object = None,
    *,
    name: str = "metrics",
    whose: str = "",
) -> list[str]:
    """The metrics to draw from ``histories``: every metric they hold (``loss`` first) when
    ``metrics`` is None, else ``metrics`` (see :func:`check_metrics`), each held by one of them.

    Args:
        histories: dicts as :func:`to_history_dict` returns.
        metrics: what the caller passed.
        name: the argument's name, for a refusal.
        whose: whose metrics they are, for a refusal; by default "the history" (or "the runs").

    Example::

        >>> pick_metrics([{"loss": [0.5], "val_loss": [0.6]}, {"accuracy": [0.7]}])
        ['loss', 'accuracy']
        >>> pick_metrics([{"loss": [0.5], "val_loss": [0.6]}], "val_loss")
        Traceback (most recent call last):
        ...
        ValueError: metrics must be among the metrics of the history: 'loss'; got 'val_loss'. \
Name the training metric: its val_ curve is drawn with it.
    """
    available = base_metrics(dict.fromkeys(key for history in histories for key in history))
    chosen = check_metrics(metrics)
    if chosen is None:
        return available
    unknown = [metric for metric in chosen if metric not in available]
    if unknown:
        whose = whose or (_("the history") if len(histories) == 1 else _("the runs"))
        must_be = _("among the metrics of {whose}: {names}").format(
            whose=whose, names=", ".join(repr(metric) for metric in available)
        )
        hint = _("Name the training metric: its val_ curve is drawn with it.")
        raise ValueError(refusal(name, must_be, unknown[0], hint))
    return chosen


def metric_order(name: str) -> tuple[bool, bool]:
    """The course's one order of metric names, as a sort key.

    Training metrics come before validation ones, and ``loss`` first among
    each; ``sorted`` keeps the recorded order otherwise.

    Args:
        name: a metric name such as ``"val_accuracy"``.

    Returns:
        A key for ``sorted(names, key=metric_order)``.

    Example::

        >>> sorted(["val_accuracy", "accuracy", "val_loss", "loss"], key=metric_order)
        ['loss', 'accuracy', 'val_loss', 'val_accuracy']
    """
    return name.startswith("val_"), name.removeprefix("val_") != "loss"


def base_metrics(history: Mapping[str, list[float]]) -> list[str]:
    """Names of the training metrics, ``loss`` first, without the ``val_`` twins.

    Args:
        history: a dict of metric name -> values, as :func:`to_history_dict` returns.

    Returns:
        The metric names to draw, one per panel; a ``val_`` metric without its
        training twin is listed under the twin's name.

    Example::

        >>> base_metrics({"accuracy": [0.5], "loss": [0.7], "val_loss": [0.8]})
        ['loss', 'accuracy']
    """
    # Training names first; a val_ metric without its training twin still gets its curves.
    names = dict.fromkeys(name.removeprefix("val_") for name in sorted(history, key=metric_order))
    return sorted(names, key=metric_order)


# Metric names as a learner reads them ------------------------------------------

#: Keras' metric keys (without ``val_``) and what a figure or table calls them, in English
#: (show it with ``_()``). Where the English name is the key, figures show the key itself.
_METRIC_NAMES = {
    "loss": N_("loss"),
    "accuracy": N_("accuracy"),
    "binary_accuracy": N_("accuracy"),
    "categorical_accuracy": N_("accuracy"),
    "sparse_categorical_accuracy": N_("accuracy"),
    "mean_absolute_error": N_("mean absolute error"),
    "mae": N_("mean absolute error"),
    "mean_squared_error": N_("mean squared error"),
    "mse": N_("mean squared error"),
    "root_mean_squared_error": N_("root mean squared error"),
    "precision": N_("precision"),
    "recall": N_("recall"),
}


def metric_label(key: str) -> str:
    """What figures and tables call the metric ``key`` of a Keras history, in the helpers'
    language: the key itself in English; in Korean its Korean name, the key after it in
    parentheses for code. A key the table does not know (a learner's own metric) stays as it is.

    Example::

        >>> metric_label("val_mean_absolute_error"), metric_label("my_metric")
        ('val_mean_absolute_error', 'my_metric')
        >>> from helpers.i18n import set_language
        >>> set_language("ko")
        >>> metric_label("loss"), metric_label("val_accuracy"), metric_label("my_metric")
        ('손실 (loss)', '검증 정확도 (val_accuracy)', 'my_metric')
        >>> set_language("en")
    """
    base = key.removeprefix("val_")
    name = _(_METRIC_NAMES[base]) if base in _METRIC_NAMES else base
    if name in {base, _METRIC_NAMES.get(base)}:  # English: the key, as Keras writes it
        return key
    if key != base:
        name = _("validation {metric}").format(metric=name)
    return f"{name} ({key})"


# Curves in words ---------------------------------------------------------------


def rounded(value: float) -> str:
    """A number as a description gives it: two significant digits, which outlast the last
    digits that change from computer to computer.

    Example::

        >>> rounded(0.95321), rounded(187.4), rounded(0.00123)
        ('0.95', '190', '0.0012')
    """
    return f"{float(f'{value:.2g}') + 0.0:g}"  # + 0.0 turns -0.0 into 0


def epoch_span(counts: Iterable[int]) -> str:
    """How many epochs some curves span: "20 epochs", or "12 to 25 epochs"."""
    counts = list(counts)
    low, high = min(counts), max(counts)
    if low == high:
        return ngettext("{count} epoch", "{count} epochs", high).format(count=high)
    return _("{low} to {high} epochs").format(low=low, high=high)


def learning_curves_in_words(history: Mapping[str, list[float]], metrics: Sequence[str]) -> str:
    """What the learning curves of ``metrics`` show, one sentence per metric.

    Example::

        >>> learning_curves_in_words({"loss": [0.9, 0.5], "val_loss": [1.0, 0.7]}, ["loss"])
        'Learning curves of loss over 2 epochs: training starts at 0.9 and ends at 0.5; \
validation starts at 1 and ends at 0.7.'
    """
    epochs = epoch_span([len(next(iter(history.values())))])
    sentence = _("Learning curves of {metric} over {epochs}: {curves}.")
    return " ".join(
        sentence.format(
            metric=metric_label(metric), epochs=epochs, curves=curves_in_words(history, metric)
        )
        for metric in metrics
    )


def curves_in_words(history: Mapping[str, list[float]], metric: str) -> str:
    """The training and validation curves of ``metric``: where each starts, turns and ends."""
    return "; ".join(
        _curve_in_words(curve, np.asarray(history[key], dtype=float))
        for key, curve in ((metric, _("training")), (f"val_{metric}", _("validation")))
        if key in history
    )


def _curve_in_words(curve: str, values: np.ndarray) -> str:
    """Where one curve starts and ends, and its lowest or highest point when that lies
    between them (a validation loss that turns back up), in rounded numbers."""
    measured = np.flatnonzero(np.isfinite(values))  # validation may skip epochs
    if len(measured) == 0:
        return _("{curve} has no finite value").format(curve=curve)
    first, last = values[measured[0]], values[measured[-1]]
    if len(measured) == 1:
        words = _("{curve} is {value} at epoch {epoch}")
        return words.format(curve=curve, value=rounded(first), epoch=measured[0] + 1)
    lowest = measured[np.argmin(values[measured])]
    highest = measured[np.argmax(values[measured])]
    turns = {
        lowest: _("{curve} starts at {first}, is lowest at epoch {epoch} ({value}) and "
                  "ends at {last}"),
        highest: _("{curve} starts at {first}, is highest at epoch {epoch} ({value}) and "
                   "ends at {last}"),
    }  # fmt: skip
    between = [
        epoch for epoch in turns
        if measured[0] < epoch < measured[-1]
        and rounded(values[epoch]) not in {rounded(first), rounded(last)}
    ]  # fmt: skip
    if not between:
        words = _("{curve} starts at {first} and ends at {last}")
        return words.format(curve=curve, first=rounded(first), last=rounded(last))
    # The turn farther from both ends, when the curve has two.
    turn = max(between, key=lambda i: min(abs(values[i] - first), abs(values[i] - last)))
    return turns[turn].format(curve=curve, first=rounded(first), last=rounded(last),
                              epoch=turn + 1, value=rounded(values[turn]))  # fmt: skip
