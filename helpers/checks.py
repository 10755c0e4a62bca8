"""Argument checks that every helper shares, so every refusal reads the same way.

Each check returns the value as a plain Python ``int``, ``float`` or ``str``
(NumPy scalars such as ``np.int64(4)`` are accepted wherever Python's are) or
raises ``TypeError`` (wrong kind of value) or ``ValueError`` (right kind, out
of range) with one message shape::

    {name} must be {what it must be}; got {what was received}.[ {how to fix it}]

Python's ``True`` and ``False`` are numbers to Python but never to a learner,
so they are refused where a number is asked for.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable

import numpy as np

from helpers.i18n import _


def refusal(name: str, must_be: str, value: object, hint: str = "") -> str:
    """The one message shape: what ``name`` must be, what it got, and how to fix it.

    >>> refusal("epochs", "a whole number of at least 1", 0, "Train for 1 epoch or more.")
    'epochs must be a whole number of at least 1; got 0. Train for 1 epoch or more.'
    """
    got = f"{value!r:.80}" if not isinstance(value, str) else repr(value)[:80]
    message = _("{name} must be {must_be}; got {got}.").format(name=name, must_be=must_be, got=got)
    return message + (f" {hint}" if hint else "")


def _number(bound: float) -> str:
    """A bound as a reader wants it: 4294967295 in full, 0.5 as 0.5."""
    return str(int(bound)) if float(bound).is_integer() else f"{bound:g}"


def _whole_number(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return _("a whole number from {low} to {high}").format(low=_number(low), high=_number(high))
    if low is not None:
        return _("a whole number of at least {low}").format(low=_number(low))
    if high is not None:
        return _("a whole number of at most {high}").format(high=_number(high))
    return _("a whole number")


def whole_number(
    name: str, value: object, *, low: int | None = None, high: int | None = None, hint: str = ""
) -> int:
    """``value`` as an ``int`` in ``[low, high]`` (either bound optional).

    >>> import numpy as np
    >>> whole_number("units", np.int64(16), low=1)
    16
    >>> whole_number("units", 2.5, low=1)
    Traceback (most recent call last):
    ...
    TypeError: units must be a whole number of at least 1; got 2.5.
    """
    must_be = _whole_number(low, high)
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(refusal(name, must_be, value, hint))
    number = int(value)
    if (low is not None and number < low) or (high is not None and number > high):
        raise ValueError(refusal(name, must_be, value, hint))
    return number


def real_number(
    name: str,
    value: object,
    *,
    low: float | None = None,
    high: float | None = None,
    above: float | None = None,
    below: float | None = None,
    hint: str = "",
) -> float:
    """``value`` as a finite ``float``, within the bounds given.

    ``low``/``high`` include the bound, ``above``/``below`` exclude it.

    >>> real_number("learning_rate", 0.01, above=0)
    0.01
    >>> real_number("test_fraction", 1.0, above=0, below=1)
    Traceback (most recent call last):
    ...
    ValueError: test_fraction must be a number above 0 and below 1; got 1.0.
    """
    bounds = [
        (_("at least {bound}"), low),
        (_("above {bound}"), above),
        (_("at most {bound}"), high),
        (_("below {bound}"), below),
    ]
    limits = [words.format(bound=_number(bound)) for words, bound in bounds if bound is not None]
    must_be = (
        _("a number {limits}").format(limits=_(" and ").join(limits)) if limits else _("a number")
    )
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(refusal(name, must_be, value, hint))
    try:
        number = float(value)
    except OverflowError:  # a Python int beyond 1e308
        number = math.inf
    if not math.isfinite(number):
        raise ValueError(
            refusal(name, must_be, value, hint or _("NaN and infinity are not allowed."))
        )
    if (
        (low is not None and number < low)
        or (high is not None and number > high)
        or (above is not None and number <= above)
        or (below is not None and number >= below)
    ):
        raise ValueError(refusal(name, must_be, value, hint))
    return number


def one_of(name: str, value: object, choices: Iterable[str]) -> str:
    """``value`` if it is one of ``choices`` (texts).

    >>> one_of("activation", "relu", ["relu", "sigmoid", "tanh"])
    'relu'
    >>> one_of("activation", "Relu", ["relu", "sigmoid", "tanh"])
    Traceback (most recent call last):
    ...
    ValueError: activation must be one of 'relu', 'sigmoid', 'tanh'; got 'Relu'.
    """
    options = list(choices)
    must_be = _("one of {options}").format(options=", ".join(repr(option) for option in options))
    if not isinstance(value, str):
        raise TypeError(refusal(name, must_be, value))
    if value not in options:
        raise ValueError(refusal(name, must_be, value))
    return value


def true_or_false(name: str, value: object) -> bool:
    """``value`` as a ``bool``: Python's or NumPy's True or False, nothing else.

    >>> true_or_false("normalize", np.bool_(True))
    True
    >>> true_or_false("normalize", 1)
    Traceback (most recent call last):
    ...
    TypeError: normalize must be True or False; got 1.
    """
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(refusal(name, _("True or False"), value))
    return bool(value)
