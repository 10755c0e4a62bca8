"""Regression results: predicted against true values, and the histogram of the errors."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from helpers.checks import whole_number
from helpers.i18n import _
from helpers.plots._inputs import (
    DIVERGED,
    MAX_BINS,
    MAX_VALUE,
    MISSING,
    _as_values,
    _axes,
    _check_finite,
    _check_same_length,
)


def plot_predictions(
    y_true: ArrayLike, y_pred: ArrayLike, *, ax: Axes | None = None, unit: str | None = None
) -> Axes:
    """Scatter predicted against true values; perfect predictions lie on y = x.

    Args:
        y_true: the true values, shape (n,) or (n, 1).
        y_pred: the predictions, e.g. what ``model.predict`` returns.
        ax: the matplotlib Axes to draw on; None draws on the current Axes.
        unit: the values' unit, shown in the axis labels.

    Returns:
        The Axes drawn on.

    Example::

        >>> y_test, predicted = [18.0, 30.5, 24.0], [[19.2], [28.9], [24.5]]  # from predict
        >>> plot_predictions(y_test, predicted, unit="mpg").get_xlabel()
        'true value [mpg]'
    """
    true, pred = _regression_pair(y_true, y_pred)
    ax = _axes(ax)
    ax.scatter(true, pred, s=14, alpha=0.6)
    low, high = min(true.min(), pred.min()), max(true.max(), pred.max())
    ax.plot([low, high], [low, high], "--", color="gray", label=_("perfect prediction (y = x)"))
    ax.set_aspect("equal", adjustable="datalim")
    ax.set_xlabel(_with_unit(_("true value"), unit))
    ax.set_ylabel(_with_unit(_("predicted value"), unit))
    ax.legend()
    return ax


def plot_error_histogram(
    y_true: ArrayLike,
    y_pred: ArrayLike,
    *,
    ax: Axes | None = None,
    bins: int = 25,
    unit: str | None = None,
) -> Axes:
    """Histogram of the errors (predicted - true); a good model centres them on 0.

    Args:
        y_true: the true values, shape (n,) or (n, 1).
        y_pred: the predictions, e.g. what ``model.predict`` returns.
        ax: the matplotlib Axes to draw on; None draws on the current Axes.
        bins: the number of bars, from 1 to 1000.
        unit: the values' unit, shown in the axis label.

    Returns:
        The Axes drawn on.

    Example::

        >>> y_test, predicted = [18.0, 30.5, 24.0], [[19.2], [28.9], [24.5]]  # from predict
        >>> plot_error_histogram(y_test, predicted, unit="mpg").get_xlabel()
        'error (predicted - true) [mpg]'
    """
    true, pred = _regression_pair(y_true, y_pred)
    bins = whole_number("bins", bins, low=1, high=MAX_BINS)
    errors = pred - true
    ax = _axes(ax)
    ax.hist(errors, bins=bins, range=_histogram_range(errors, bins))
    ax.axvline(0, color="gray", linestyle="--")
    ax.set_xlabel(_with_unit(_("error (predicted - true)"), unit))
    ax.set_ylabel(_("count"))
    return ax


def plot_regression(y_true: ArrayLike, y_pred: ArrayLike, *, unit: str | None = None) -> Figure:
    """Predicted-vs-true scatter and error histogram side by side.

    Args:
        y_true: the true values, shape (n,) or (n, 1).
        y_pred: the predictions, e.g. what ``model.predict`` returns.
        unit: the values' unit, shown in the axis labels.

    Returns:
        The Figure, two panels.

    Example::

        >>> y_test, predicted = [18.0, 30.5, 24.0], [[19.2], [28.9], [24.5]]  # from predict
        >>> [ax.get_xlabel() for ax in plot_regression(y_test, predicted, unit="mpg").axes]
        ['true value [mpg]', 'error (predicted - true) [mpg]']
    """
    true, pred = _regression_pair(y_true, y_pred)
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4), layout="constrained")
    plot_predictions(true, pred, ax=left, unit=unit)
    plot_error_histogram(true, pred, ax=right, unit=unit)
    return fig


def _regression_pair(y_true: ArrayLike, y_pred: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    true, pred = _as_values(y_true, "y_true"), _as_values(y_pred, "y_pred")
    _check_same_length(true, pred, "y_true", "y_pred")
    for values, name, hint in [(true, "y_true", MISSING), (pred, "y_pred", DIVERGED)]:
        _check_finite(values, name, hint)
        largest = np.abs(values).max()
        if largest > MAX_VALUE:  # their differences and the axis limits would overflow
            found = _("{name} must hold numbers from -1e300 to 1e300; got {largest:g}.").format(
                name=name, largest=largest
            )
            raise ValueError(f"{found} {_(hint)}")
    return true, pred


def _histogram_range(errors: np.ndarray, bins: int) -> tuple[float, float] | None:
    """None (NumPy's choice) unless the errors lie too close together to split into ``bins``."""
    try:
        np.histogram_bin_edges(errors, bins)
        return None
    except ValueError:  # e.g. errors 0 and 5e-324: no 25 bins fit between them
        low, high = float(errors.min()), float(errors.max())
        pad = max(abs(low), abs(high), 1.0) * 1e-9  # wide enough for MAX_BINS bins
        return low - pad, high + pad


def _with_unit(text: str, unit: str | None) -> str:
    """An axis label with its unit in brackets: the same notation in every language."""
    return text if unit is None else f"{text} [{unit}]"
