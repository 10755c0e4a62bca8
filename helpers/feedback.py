"""Tell the learner whether a result is in the range a correct set-up reaches."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np

from helpers.checks import real_number, refusal, true_or_false, whole_number

MAX_DIGITS = 10  # decimals printed; more would only show a float's rounding noise


def expect_range(
    name: str,
    value: float,
    *,
    low: float,
    high: float,
    causes: Sequence[str] = (),
    digits: int = 3,
    show_value: bool = True,
) -> bool:
    """Print whether ``value`` lies in ``[low, high]``; if not, the likely causes.

    Returns True when it does, so a notebook can also ``assert`` it.
    ``show_value=False`` leaves the value out of the printed line: use it for a
    figure whose last digits differ from computer to computer (the accuracy of a
    network trained for many epochs), so the stored output holds everywhere.

    Args:
        name: what the value is, e.g. ``"test accuracy"``.
        value: the number to judge (NaN and infinity are never in range).
        low: the smallest value a correct set-up reaches.
        high: the largest; ``low`` and ``high`` are finite numbers, ``low <= high``.
        causes: texts listed when the value is out of range.
        digits: decimals printed, from 0 to 10.
        show_value: False leaves the value out of the printed line.

    Returns:
        True when ``low <= value <= high``, else False.

    Example::

        >>> expect_range("test accuracy", 0.71, low=0.95, high=1.0,
        ...              causes=["inputs not normalised", "too few epochs"])
        ⚠️ test accuracy = 0.710 is below the expected range 0.950 to 1.000.
        Likely causes:
          - inputs not normalised
          - too few epochs
        False
        >>> expect_range("test loss", 49.71, low=0.0, high=0.5, digits=1, show_value=False)
        ⚠️ test loss is above the expected range 0.0 to 0.5.
        False
    """
    if not isinstance(name, str) or not name:
        raise TypeError(f"name must be a short text such as 'test accuracy'; got {name!r:.80}.")
    value = _number(value, name)
    low, high = real_number("low", low), real_number("high", high)
    if not low <= high:
        raise ValueError(f"low must not exceed high; got low={low}, high={high}.")
    digits = whole_number("digits", digits, low=0, high=MAX_DIGITS)
    causes = _texts("causes", causes)
    show_value = true_or_false("show_value", show_value)
    shown = f"{name} = {value:.{digits}f}" if show_value else name
    expected = f"{low:.{digits}f} to {high:.{digits}f}"
    if not math.isnan(value) and low <= value <= high:
        print(f"✅ {shown} is in the expected range {expected}.")
        return True
    where = "below" if value < low else "above" if value > high else "not a number, so not in"
    lines = [f"⚠️ {shown} is {where} the expected range {expected}."]
    if causes:
        lines.append("Likely causes:")
        lines += [f"  - {cause}" for cause in causes]
    print("\n".join(lines))
    return False


def _number(value: object, name: str) -> float:
    """``value`` as a float, NaN and infinity included; tensors and 0-d arrays too."""
    if not isinstance(value, (str, bytes, bool, np.bool_)):
        try:
            return float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError, OverflowError):
            pass
    raise TypeError(refusal("value", "a number", value, f"It is the value of {name}."))



def _texts(name: str, value: object) -> list[str]:
    must_be = "a list of texts"
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise TypeError(refusal(name, must_be, value, "Put even one text in a list: ['...']."))
    texts = list(value)
    if not all(isinstance(text, str) for text in texts):
        raise TypeError(refusal(name, must_be, value))
    return texts

