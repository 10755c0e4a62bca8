"""Tell the learner whether a result is in the range a correct set-up reaches."""

from __future__ import annotations

import math
from collections.abc import Sequence


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
        raise TypeError(f"name must be a short text such as 'test accuracy'; got {name!r}.")
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise TypeError(f"value must be a number; got {value!r} for {name}.") from None
    if not low <= high:
        raise ValueError(f"low must not exceed high; got low={low}, high={high}.")
    if isinstance(causes, str):
        raise TypeError(f"causes must be a list of texts, not one string; got {causes!r}.")
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
