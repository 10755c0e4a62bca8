"""Regression: the data before modelling (each feature against the target), then the
results (predicted against true values, and the histogram of the errors)."""

from __future__ import annotations

import math
from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from helpers.checks import array, finite, same_length, text, texts, vector, whole_number
from helpers.history import rounded
from helpers.i18n import _, ngettext
from helpers.plots._describe import describe
from helpers.plots._inputs import DIVERGED, MAX_BINS, MAX_VALUE, MISSING, _axes

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
    features = array(
        "x", x, shape=_("a non-empty table of shape (samples, features)"),
        fits=lambda shape: len(shape) == 2 and 0 not in shape,
        hint=_("For a single feature, pass x[:, None]."),
    )  # fmt: skip
    if features.shape[1] > MAX_FEATURES:
        raise ValueError(
            _(
                "x has {count} features; plot_features_against_target draws at most {most}. "
                "Pass the columns you want to look at, e.g. x[:, :6]."
            ).format(count=features.shape[1], most=MAX_FEATURES)
        )
    features = features.astype(float)
    target = vector("y", y)
    same_length("x", features, "y", target)
    finite("x", features, largest=MAX_VALUE, hint=_(MISSING))
    finite("y", target, largest=MAX_VALUE, hint=_(MISSING))
    names = texts(
        "feature_names", feature_names, low=features.shape[1], high=features.shape[1],
        must_be=_("a list of names, one per column of x ({count})").format(
            count=features.shape[1]),
        hint=_("For example feature_names=['weight', 'horsepower']."),
    )  # fmt: skip
    target_name = text("target_name", target_name, must_be=_("a short text such as 'MPG'"))
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
    panels = "; ".join(
        _correlation(name, column, target) for name, column in zip(names, features.T, strict=True)
    )
    describe(fig, _(
        "One scatter plot per feature, {target} up, on an axis all panels share: {panels}."
    ).format(target=target_name, panels=panels))  # fmt: skip
    return fig


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
    describe(ax, ngettext(
        "Scatter plot of the predicted against the true value of {count} sample, with the "
        "dashed line y = x where perfect predictions lie. The true values go from {low} to "
        "{high}; the mean absolute error is {error}.",
        "Scatter plot of the predicted against the true values of {count} samples, with the "
        "dashed line y = x where perfect predictions lie. The true values go from {low} to "
        "{high}; the mean absolute error is {error}.",
        len(true),
    ).format(count=len(true), low=_valued(true.min(), unit), high=_valued(true.max(), unit),
             error=_valued(np.mean(np.abs(pred - true)), unit)))  # fmt: skip
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
    describe(ax, ngettext(
        "Histogram of the error (predicted - true) of {count} prediction, with a dashed line "
        "at 0. The errors go from {low} to {high}; their mean is {mean}.",
        "Histogram of the errors (predicted - true) of {count} predictions, with a dashed line "
        "at 0. The errors go from {low} to {high}; their mean is {mean}.",
        len(errors),
    ).format(count=len(errors), low=_valued(errors.min(), unit),
             high=_valued(errors.max(), unit), mean=_valued(errors.mean(), unit)))  # fmt: skip
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
    true, pred = vector("y_true", y_true), vector("y_pred", y_pred)
    same_length("y_true", true, "y_pred", pred)
    finite("y_true", true, largest=MAX_VALUE, hint=_(MISSING))
    finite("y_pred", pred, largest=MAX_VALUE, hint=_(DIVERGED))
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


def _correlation(name: str, feature: np.ndarray, target: np.ndarray) -> str:
    """A feature's name and its (Pearson) correlation with the target, when both vary."""
    # Scaled to at most 1 first, so that no square overflows.
    x, y = (v / np.max(np.abs(v)) if v.any() else v for v in (feature, target))
    x, y = x - x.mean(), y - y.mean()
    spread = math.sqrt(np.sum(x * x) * np.sum(y * y))
    if spread == 0:
        return name
    return _("{name} (correlation {r:.2f})").format(name=name, r=np.sum(x * y) / spread)


def _valued(value: float, unit: str | None) -> str:
    """A rounded value of a description, with its unit."""
    return rounded(value) if unit is None else f"{rounded(value)} {unit}"


def _with_unit(text: str, unit: str | None) -> str:
    """An axis label with its unit in brackets: the same notation in every language."""
    return text if unit is None else f"{text} [{unit}]"
