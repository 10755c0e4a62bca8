"""Gradient descent drawn on the loss curve of a one-weight model, one panel per learning rate."""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Iterable, Sequence
from itertools import islice

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure

from helpers.checks import function, interval, one_number, real_number, refusal, whole_number
from helpers.history import rounded
from helpers.i18n import _, ngettext
from helpers.plots._describe import describe
from helpers.plots._inputs import MAX_INPUT

#: The most learning rates (panels) in one figure, and the most steps drawn in each.
MAX_RATES = 6
MAX_STEPS = 1000
#: Points of the loss curve drawn in each panel.
CURVE_POINTS = 301


def _function(name: str, value: object) -> Callable[[float], object]:
    return function(
        name, value, must_be=_("a function of one weight w that returns a number"),
        hint=_("For example pass loss_at, the function itself, without calling it."),
    )  # fmt: skip


def _call(given: Callable[[float], object], name: str, w: float, *, finite: bool) -> float:
    """``given(w)`` as a float; a result that is not one number (or, with ``finite``, is
    NaN or infinite) is refused, naming ``w``."""
    hint = _("It came at w = {w:g}: return a single number, for example with np.mean(...).")
    number = one_number(f"{name}(w)", given(w), must_be=_("one number"), hint=hint.format(w=w))
    if finite and not math.isfinite(number):
        hint = _("It came at w = {w:g}: draw a smaller weight_range, where the loss is finite.")
        raise ValueError(refusal(f"{name}(w)", _("a finite number"), number, hint.format(w=w)))
    return number


def _learning_rates(value: object) -> list[float]:
    must_be = _("a list of 1 to {most} numbers above 0").format(most=MAX_RATES)
    hint = _("For example learning_rates=(0.01, 0.1, 0.5).")
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        raise TypeError(
            refusal(
                "learning_rates",
                must_be,
                value,
                _("Put a single rate in a list: learning_rates=[0.1]."),
            )
        )
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise TypeError(refusal("learning_rates", must_be, value, hint))
    rates = list(islice(value, MAX_RATES + 1))
    if not 1 <= len(rates) <= MAX_RATES:
        raise ValueError(refusal("learning_rates", must_be, value, hint))
    return [real_number("learning_rates", rate, above=0, hint=hint) for rate in rates]


def descent_path(
    gradient: Callable[[float], float], *, start: float, learning_rate: float, steps: int
) -> np.ndarray:
    """The weights of ``steps`` steps of gradient descent, ``w = w - learning_rate * gradient(w)``.

    The path starts at ``start``; it stops early if the weight leaves -1e6 to 1e6
    (training diverged), so it holds at most ``steps + 1`` weights.

    Example::

        >>> descent_path(lambda w: 2 * (w - 3), start=0.0, learning_rate=0.25, steps=3).tolist()
        [0.0, 1.5, 2.25, 2.625]
    """
    gradient = _function("gradient", gradient)
    w = real_number("start", start, low=-MAX_INPUT, high=MAX_INPUT)
    rate = real_number("learning_rate", learning_rate, above=0)
    steps = whole_number("steps", steps, low=1, high=MAX_STEPS)
    path = [w]
    for _step in range(steps):
        w = w - rate * _call(gradient, "gradient", w, finite=False)
        if not math.isfinite(w) or abs(w) > MAX_INPUT:
            break
        path.append(w)
    return np.array(path)


def plot_descent(
    loss: Callable[[float], float],
    gradient: Callable[[float], float],
    *,
    start: float,
    learning_rates: Sequence[float],
    steps: int = 10,
    weight_range: tuple[float, float] | None = None,
) -> Figure:
    """Draw gradient descent on a loss curve: one panel per learning rate, side by side.

    Each panel draws the loss of a one-weight model against its weight *w*, and on
    it the weights of ``steps`` steps ``w = w - learning_rate * gradient(w)`` from
    ``start``, as dots joined by arrows; the title gives the rate and where *w* ended.

    Args:
        loss: the loss as a function of the weight, ``loss(w) -> number``.
        gradient: its derivative, ``gradient(w) -> number``.
        start: the weight before the first step, from -1e6 to 1e6.
        learning_rates: 1 to 6 learning rates, one panel each.
        steps: how many steps to draw in each panel, 1 to 1000.
        weight_range: ``(low, high)``, the weights to draw the curve over; None
            covers every step drawn.

    Returns:
        The Figure, one panel per learning rate, sharing both axes.

    Example::

        >>> fig = plot_descent(lambda w: (w - 3) ** 2, lambda w: 2 * (w - 3), start=0.0,
        ...                    learning_rates=(0.1, 1.05), steps=5)
        >>> [ax.get_title().splitlines()[1] for ax in fig.axes]
        ['w after 5 steps = 2.02', 'w after 5 steps = 7.83']
    """
    loss = _function("loss", loss)
    gradient = _function("gradient", gradient)
    rates = _learning_rates(learning_rates)
    start = real_number("start", start, low=-MAX_INPUT, high=MAX_INPUT)
    steps = whole_number("steps", steps, low=1, high=MAX_STEPS)
    paths = [descent_path(gradient, start=start, learning_rate=r, steps=steps) for r in rates]
    if weight_range is None:
        low, high = min(p.min() for p in paths), max(p.max() for p in paths)
        margin = max(0.1 * (high - low), 0.5)
        low, high = low - margin, high + margin
    else:
        low, high = interval(
            "weight_range", weight_range, largest=MAX_INPUT,
            hint=_("For example weight_range=(-1, 4)."),
        )  # fmt: skip
    grid = np.linspace(low, high, CURVE_POINTS)
    curve = np.array([_call(loss, "loss", w, finite=True) for w in grid])
    fig, axes = plt.subplots(
        1, len(rates), figsize=(4.2 * len(rates), 3.6), sharex=True, sharey=True,
        layout="constrained", squeeze=False,
    )  # fmt: skip
    outcomes = []
    for ax, rate, path in zip(axes[0], rates, paths, strict=True):
        heights = np.array([_call(loss, "loss", w, finite=True) for w in path])
        ax.plot(grid, curve, color="gray", linewidth=1.5, label=_("loss curve"))
        arrow = {"arrowstyle": "->", "color": "C1", "linewidth": 1.2}
        for before, after in zip(range(len(path) - 1), range(1, len(path)), strict=True):
            ax.annotate("", xy=(path[after], heights[after]),
                        xytext=(path[before], heights[before]), arrowprops=arrow)  # fmt: skip
        ax.scatter(path[1:], heights[1:], color="C1", s=22, zorder=3, label=_("after each step"))
        ax.scatter(path[:1], heights[:1], color="black", marker="s", s=30, zorder=4,
                   label=_("start"))  # fmt: skip
        done = len(path) - 1
        if done == steps:
            title = _("learning rate {rate:g}\nw after {steps} steps = {w:.2f}")
        else:  # the next step took w out of -1e6 to 1e6
            title = _("learning rate {rate:g}\nw left -1e6 to 1e6 at step {steps}")
        ax.set_title(
            title.format(rate=rate, steps=steps if done == steps else done + 1, w=path[-1])
        )
        ax.set_xlabel(_("weight w"))
        if done == steps:
            outcome = _("learning rate {rate:g}: w ends at {w:.2f}")
        else:
            outcome = _("learning rate {rate:g}: w leaves -1e6 to 1e6 at step {step}")
        outcomes.append(outcome.format(rate=rate, w=path[-1], step=done + 1))
    ax.set_xlim(low, high)
    bottom, top = min(curve.min(), 0.0), curve.max()
    if top > bottom:  # room above the curve for the legend
        axes[0][0].set_ylim(bottom - 0.05 * (top - bottom), top + 0.15 * (top - bottom))
    axes[0][0].set_ylabel(_("loss"))
    axes[0][0].legend(fontsize=8, loc="upper center")
    describe(fig, ngettext(
        "Gradient descent on the loss curve of a model with one weight w (the loss against "
        "w), from w = {start:g}, {steps} step per panel, one panel per learning rate: "
        "{outcomes}. The curve is lowest at w = {lowest}.",
        "Gradient descent on the loss curve of a model with one weight w (the loss against "
        "w), from w = {start:g}, {steps} steps per panel, one panel per learning rate: "
        "{outcomes}. The curve is lowest at w = {lowest}.",
        steps,
    ).format(start=start, steps=steps, outcomes="; ".join(outcomes),
             lowest=rounded(grid[np.argmin(curve)])))  # fmt: skip
    return fig
