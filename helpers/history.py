"""Training histories as plain dictionaries.

Keras' ``model.fit`` returns a ``History`` object whose ``.history`` attribute
maps metric names to one value per epoch. Every helper that draws or compares
curves accepts either that object or the plain dictionary, through
:func:`to_history_dict`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from helpers.i18n import _


def to_history_dict(history: Any) -> dict[str, list[float]]:
    """Return ``{metric: [value per epoch]}`` from a Keras ``History`` or a dict.

    Every list gets one value per epoch, epoch 1 first. ``model.fit(...,
    validation_freq=n)`` records the ``val_`` metrics only every n-th epoch, so
    their lists are shorter: they are padded with NaN at the epochs where
    validation did not run, as :class:`~helpers.live.LivePlot` records them.
    The padding assumes an integer ``validation_freq`` (every n-th epoch), the
    one that the lengths can tell apart.

    Args:
        history: what ``model.fit`` returns, or its ``.history`` dict of
            metric name -> list of numbers.

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
    raw = getattr(history, "history", history)
    if not isinstance(raw, Mapping):
        raise TypeError(
            _(
                "Expected a Keras History (what model.fit returns) or a dict of "
                "metric name -> list of numbers; got {kind}."
            ).format(kind=type(history).__name__)
        )
    if not raw:
        raise ValueError(
            _(
                "The history is empty: train for at least one epoch "
                "(model.fit(..., epochs=1) or more) before plotting."
            )
        )
    result: dict[str, list[float]] = {}
    for name, values in raw.items():
        if not isinstance(name, str):
            raise TypeError(
                _("The history's metric names must be strings; got {name}.").format(name=repr(name))
            )
        if isinstance(values, (str, bytes)) or not hasattr(values, "__iter__"):
            raise TypeError(
                _("History[{name}] must be a list with one number per epoch; got {kind}.").format(
                    name=repr(name), kind=type(values).__name__
                )
            )
        try:
            result[name] = [float(v) for v in values]
        except (TypeError, ValueError):
            raise TypeError(
                _("History[{name}] must hold numbers only; got {got}.").format(
                    name=repr(name), got=f"{list(values)!r:.200}"
                )
            ) from None
        except OverflowError:
            raise ValueError(
                _(
                    "History[{name}] holds a number too large for a float (above about "
                    "1.8e308): record the values as floats (float('inf') for one that overflowed)."
                ).format(name=repr(name))
            ) from None
    if not any(result.values()):
        raise ValueError(
            _("The history has no epochs: train for at least one epoch before plotting.")
        )
    return _one_value_per_epoch(result)


def _one_value_per_epoch(history: dict[str, list[float]]) -> dict[str, list[float]]:
    """Pad ``val_`` lists recorded every n-th epoch with NaN (in place); refuse other mismatches."""
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
    for name, values in history.items():
        if len(values) < epochs:  # a val_ metric: its values go to epochs step, 2*step...
            history[name] = [math.nan] * epochs
            history[name][step - 1 :: step] = values
    return history


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
