"""Checks of single values a learner types (numbers, texts, choices, functions, seeds) and
of lists of texts, and :func:`refusal`, the one message shape of every check.

Each returns the value in a plain form (a Python ``int``, ``float``, ``str``
or list): see :mod:`helpers.checks`.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Iterable
from itertools import islice
from typing import Any

import numpy as np

from helpers.i18n import REFUSAL, _

#: The largest seed ``keras.utils.set_random_seed`` and ``np.random.seed`` take.
MAX_SEED = 2**32 - 1
#: The most texts in one list (an endless generator stops here).
MAX_TEXTS = 10_000


def refusal(name: str, must_be: str, value: object = None, hint: str = "", *, got: str = "") -> str:
    """The one message shape: what ``name`` must be, what it got, and how to fix it.

    ``got`` says what was received when the value's ``repr`` would not (a shape, a count).

    >>> refusal("epochs", "a whole number of at least 1", 0, "Train for 1 epoch or more.")
    'epochs must be a whole number of at least 1; got 0. Train for 1 epoch or more.'
    >>> refusal("images", "an array of shape (n, 784)", got="shape (3, 4)")
    'images must be an array of shape (n, 784); got shape (3, 4).'
    """
    message = _(REFUSAL).format(name=name, must_be=must_be, got=got or repr(value)[:80])
    return message + (f" {hint}" if hint else "")


def _bound_text(bound: float) -> str:
    """A bound as a reader wants it: 4294967295 in full, 0.5 as 0.5, 1e300 as 1e300."""
    whole = float(bound).is_integer() and abs(bound) < 1e16
    return str(int(bound)) if whole else f"{bound:g}".replace("e+", "e")


def _whole_number(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return _("a whole number from {low} to {high}").format(
            low=_bound_text(low), high=_bound_text(high)
        )
    if low is not None:
        return _("a whole number of at least {low}").format(low=_bound_text(low))
    if high is not None:
        return _("a whole number of at most {high}").format(high=_bound_text(high))
    return _("a whole number")


# ------------------------------------------------------------ single values ---


def whole_number(
    name: str, value: object, *, low: int | None = None, high: int | None = None, hint: str = ""
) -> int:
    """``value`` as an ``int`` in ``[low, high]`` (either bound optional).

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
    limits = [words.format(bound=_bound_text(b)) for words, b in bounds if b is not None]
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


def one_number(name: str, value: object, *, must_be: str = "", hint: str = "") -> float:
    """``value`` as a ``float``: a number, or an array or tensor holding exactly one.

    For a result to judge rather than an option: NaN and infinity are numbers here.

    >>> one_number("value", np.array([0.5]))
    0.5
    >>> one_number("loss(w)", [1.0, 2.0], must_be="one number")
    Traceback (most recent call last):
    ...
    TypeError: loss(w) must be one number; got [1.0, 2.0].
    """
    try:
        held = None if isinstance(value, (str, bytes, bool, np.bool_)) else np.asarray(value)
    except (TypeError, ValueError, OverflowError):  # ragged lists, odd objects
        held = None
    if held is None or held.size != 1 or held.dtype.kind not in "iuf":
        raise TypeError(refusal(name, must_be or _("a number"), value, hint))
    return float(held.reshape(()))


def one_of(name: str, value: object, choices: Iterable[str]) -> str:
    """``value`` if it is one of ``choices`` (texts).

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

    >>> true_or_false("normalize", 1)
    Traceback (most recent call last):
    ...
    TypeError: normalize must be True or False; got 1.
    """
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(refusal(name, _("True or False"), value))
    return bool(value)


def text(name: str, value: object, *, must_be: str = "", hint: str = "") -> str:
    """``value`` if it is a text that is not empty.

    >>> text("target_name", 3, must_be="a short text such as 'MPG'")
    Traceback (most recent call last):
    ...
    TypeError: target_name must be a short text such as 'MPG'; got 3.
    """
    must_be = must_be or _("a text")
    if not isinstance(value, str):
        raise TypeError(refusal(name, must_be, value, hint))
    if not value.strip():
        raise ValueError(refusal(name, must_be, value, hint))
    return value


def function(name: str, value: object, *, must_be: str, hint: str = "") -> Callable[..., Any]:
    """``value`` if it can be called, such as a function passed without calling it."""
    if not callable(value):
        raise TypeError(refusal(name, must_be, value, hint))
    return value


def random_seed(name: str, value: object) -> int:
    """A seed for Python's, NumPy's and Keras' random generators: a whole number from 0 to
    2**32 - 1, the one rule and hint of every seed in the course.

    >>> random_seed("seed", -1)
    Traceback (most recent call last):
    ...
    ValueError: seed must be a whole number from 0 to 4294967295; got -1. The same seed \
gives the same random numbers again: 0 or 42, for example.
    """
    hint = _("The same seed gives the same random numbers again: 0 or 42, for example.")
    return whole_number(name, value, low=0, high=MAX_SEED, hint=hint)


# -------------------------------------------------------------------- lists ---


def texts(
    name: str,
    value: object,
    *,
    low: int = 0,
    high: int = MAX_TEXTS,
    single: bool = False,
    must_be: str = "",
    hint: str = "",
) -> list[str]:
    """``value`` as a list of ``low`` to ``high`` texts; with ``single``, one text is a list of one.

    >>> texts("metrics", "loss", low=1, single=True)
    ['loss']
    >>> texts("causes", "too few epochs")
    Traceback (most recent call last):
    ...
    TypeError: causes must be a list of texts; got 'too few epochs'. Put even one text in a \
list: ['...'].
    """
    must_be = must_be or _("a list of texts")
    if single and isinstance(value, str):
        value = [value]
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        hint = hint or _("Put even one text in a list: ['...'].")
        raise TypeError(refusal(name, must_be, value, hint))
    items = list(islice(value, high + 1))
    if not all(isinstance(item, str) for item in items):
        raise TypeError(refusal(name, must_be, value, hint))
    if not low <= len(items) <= high:
        raise ValueError(refusal(name, must_be, value, hint))
    return items
