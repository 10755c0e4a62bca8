"""Regression: the data before modelling (each feature against the target), then the
results (predicted against true values, and the histogram of the errors)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from itertools import islice

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from helpers.checks import refusal, whole_number
from helpers.i18n import _
from helpers.plots._inputs import (
    DIVERGED,
    MAX_BINS,
    MAX_VALUE,
    MISSING,
    _as_array,
    _as_values,
    _axes,
    _check_finite,
    _check_same_length,
)

#: Panels in one plot_features_against_target grid: more would be too small to read.
MAX_FEATURES = 30


def plot_features_against_target(
    x: ArrayLike,
    y: ArrayLike,
    *,
    feature_names: Sequence[str],
    target_name: str,
    ncols: int = 3,
) -> Figure:
    """One small scatter plot per feature (column of ``x``) against the target ``y``.

    Look at the data before training a model: which features go with the
    target, up or down, along a straight line or a curve. Pass the training
    data only: the test data stays unseen until it judges the finished model.
    Every panel shares the target's axis, so the panels compare at a glance.

    Args:
        x: the features, shape (samples, features), at most 30 features.
        y: the target, one number per sample, shape (n,) or (n, 1).
        feature_names: one name per column of ``x``, shown under its panel.
        target_name: the target's name, e.g. ``"MPG"``, shown on the shared axis.
        ncols: panels per row.

    Returns:
        The Figure, one panel per feature.

    Example::

        >>> x = [[3504, 130], [2130, 88], [4354, 220]]  # weight, horsepower of three cars
        >>> fig = plot_features_against_target(
        ...     x, [18.0, 27.0, 14.0], feature_names=["weight", "horsepower"], target_name="MPG"
        ... )
        >>> [(ax.get_xlabel(), ax.get_ylabel()) for ax in fig.axes]
        [('weight', 'MPG'), ('horsepower', '')]
    """
    features = _as_array(x, "x")
    if features.ndim != 2 or features.size == 0:
        raise ValueError(
            _(
                "x must be a non-empty table of shape (samples, features); got shape {shape}. "
                "For a single feature, pass x[:, None]."
            ).format(shape=features.shape)
        )
    if features.shape[1] > MAX_FEATURES:
        raise ValueError(
            _(
                "x has {count} features; plot_features_against_target draws at most {most}. "
                "Pass the columns you want to look at, e.g. x[:, :6]."
            ).format(count=features.shape[1], most=MAX_FEATURES)
        )
    features = features.astype(float)
    target = _as_values(y, "y")
    _check_same_length(features, target, "x", "y")
    _check_drawable(features, "x", MISSING)
    _check_drawable(target, "y", MISSING)
    names = _feature_names(feature_names, features.shape[1])
    if not isinstance(target_name, str):
        raise TypeError(refusal("target_name", _("a short text such as 'MPG'"), target_name))
    ncols = whole_number("ncols", ncols, low=1)
    cols = min(ncols, len(names))
    rows = math.ceil(len(names) / cols)
    fig, axes = plt.subplots(
        rows, cols, figsize=(3.2 * cols, 2.6 * rows), sharey=True, squeeze=False,
        layout="constrained",
    )  # fmt: skip
    for number, ax in enumerate(axes.flat):
        if number >= len(names):
            ax.set_axis_off()
            continue
        ax.scatter(features[:, number], target, s=10, alpha=0.5)
        ax.set_xlabel(names[number])
        if number % cols == 0:
            ax.set_ylabel(target_name)
    fig.suptitle(
        _("{target} against each feature ({count} samples)").format(
            target=target_name, count=len(target)
        )
    )
    return fig


def _feature_names(feature_names: object, columns: int) -> list[str]:
    """``feature_names`` as a list of ``columns`` texts, or a clear refusal."""
    if isinstance(feature_names, str) or not isinstance(feature_names, Iterable):
        raise TypeError(
            refusal("feature_names", _("a list of names, one per column of x"), feature_names,
                    _("For example feature_names=['weight', 'horsepower'].")),
        )  # fmt: skip
    names = list(islice(feature_names, MAX_FEATURES + 1))  # an endless iterator stops here
    if len(names) > MAX_FEATURES:
        raise ValueError(
            refusal("feature_names", _("at most {count} names").format(count=MAX_FEATURES),
                    feature_names, _("Give one name per column of x."))
        )  # fmt: skip
    if len(names) != columns:
        raise ValueError(
            _(
                "feature_names has {count} names but x has {columns} columns: "
                "give one name per column."
            ).format(count=len(names), columns=columns)
        )
    return [str(name) for name in names]


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
    _check_drawable(true, "y_true", MISSING)
    _check_drawable(pred, "y_pred", DIVERGED)
    return true, pred


def _check_drawable(values: np.ndarray, name: str, hint: str) -> None:
    """Refuse NaN, infinity and numbers so large that differences and axis limits overflow."""
    _check_finite(values, name, hint)
    largest = np.abs(values).max()
    if largest > MAX_VALUE:
        found = _("{name} must hold numbers from -1e300 to 1e300; got {largest:g}.").format(
            name=name, largest=largest
        )
        raise ValueError(f"{found} {_(hint)}")


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
