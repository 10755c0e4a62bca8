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


def to_history_dict(history: Any) -> dict[str, list[float]]:
    """Return ``{metric: [value per epoch]}`` from a Keras ``History`` or a dict.

    Example::

        >>> to_history_dict({"loss": [0.9, 0.5], "val_loss": [1.0, 0.7]})
        {'loss': [0.9, 0.5], 'val_loss': [1.0, 0.7]}
    """
    raw = getattr(history, "history", history)
    if not isinstance(raw, Mapping):
        raise TypeError(
            "Expected a Keras History (what model.fit returns) or a dict of "
            f"metric name -> list of numbers; got {type(history).__name__}."
        )
    if not raw:
        raise ValueError(
            "The history is empty: train for at least one epoch "
            "(model.fit(..., epochs=1) or more) before plotting."
        )
    result: dict[str, list[float]] = {}
    lengths = set()
    for name, values in raw.items():
        if not isinstance(name, str):
            raise TypeError(f"Metric names must be strings; got {name!r}.")
        if isinstance(values, (str, bytes)) or not hasattr(values, "__iter__"):
            raise TypeError(
                f"History[{name!r}] must be a list with one number per epoch; "
                f"got {type(values).__name__}."
            )
        try:
            numbers = [float(v) for v in values]
        except (TypeError, ValueError):
            raise TypeError(
                f"History[{name!r}] must hold numbers only; got {list(values)!r}."
            ) from None
        result[name] = numbers
        lengths.add(len(numbers))
    if lengths == {0}:
        raise ValueError("The history has no epochs: train for at least one epoch before plotting.")
    if len(lengths) > 1:
        sizes = {k: len(v) for k, v in result.items()}
        raise ValueError(
            f"Every metric needs one value per epoch, but the lengths differ: {sizes}."
        )
    return result


def base_metrics(history: Mapping[str, list[float]]) -> list[str]:
    """Names of the training metrics, ``loss`` first, without the ``val_`` twins.

    Example::

        >>> base_metrics({"accuracy": [0.5], "loss": [0.7], "val_loss": [0.8]})
        ['loss', 'accuracy']
    """
    names = [k for k in history if not k.startswith("val_")]
    # A history that holds only validation metrics still gets its curves.
    names += [k[4:] for k in history if k.startswith("val_") and k[4:] not in history]
    return sorted(names, key=lambda k: k != "loss")  # stable: keeps Keras' order otherwise


def is_finite(values: list[float]) -> bool:
    """True when no value is NaN or infinite (a diverged run has such values)."""
    return all(math.isfinite(v) for v in values)
