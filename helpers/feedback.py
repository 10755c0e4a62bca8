"""Tell the learner whether a result is in the range a correct set-up reaches."""

from __future__ import annotations

import math
from collections.abc import Sequence

from helpers.checks import one_number, real_number, text, texts, true_or_false, whole_number
from helpers.i18n import N_, _

MAX_DIGITS = 10  # decimals printed; more would only show a float's rounding noise

# The verdicts, by where the value lies and whether it is shown: whole sentences,
# since Korean orders the words differently.
_VERDICTS = {
    ("in", True): N_("✅ {name} = {value} is in the expected range {low} to {high}."),
    ("in", False): N_("✅ {name} is in the expected range {low} to {high}."),
    ("below", True): N_("⚠️ {name} = {value} is below the expected range {low} to {high}."),
    ("below", False): N_("⚠️ {name} is below the expected range {low} to {high}."),
    ("above", True): N_("⚠️ {name} = {value} is above the expected range {low} to {high}."),
    ("above", False): N_("⚠️ {name} is above the expected range {low} to {high}."),
    ("nan", True): N_(
        "⚠️ {name} = {value} is not a number, so not in the expected range {low} to {high}."
    ),
    ("nan", False): N_("⚠️ {name} is not a number, so not in the expected range {low} to {high}."),
}


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
    name = text("name", name, must_be=_("a short text such as 'test accuracy'"))
    value = one_number("value", value, hint=_("It is the value of {name}.").format(name=name))
    high = real_number("high", high)
    low = real_number("low", low, high=high, hint=_("The range runs from low up to high."))
    digits = whole_number("digits", digits, low=0, high=MAX_DIGITS)
    causes = texts("causes", causes)
    show_value = true_or_false("show_value", show_value)
    inside = not math.isnan(value) and low <= value <= high
    where = "in" if inside else "below" if value < low else "above" if value > high else "nan"
    verdict = _(_VERDICTS[where, show_value]).format(
        name=name,
        value=f"{value:.{digits}f}",
        low=f"{low:.{digits}f}",
        high=f"{high:.{digits}f}",
    )
    if inside:
        print(verdict)
        return True
    lines = [verdict]
    if causes:
        lines.append(_("Likely causes:"))
        lines += [f"  - {cause}" for cause in causes]
    print("\n".join(lines))
    return False
