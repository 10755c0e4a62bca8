"""Input checks and limits shared by the plots: arrays of numbers, class labels, Axes.

Every refusal names the argument, what it must be and what was received, in
the language of :mod:`helpers.i18n`.
"""

from __future__ import annotations

import numbers

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from numpy.typing import ArrayLike

from helpers.checks import refusal
from helpers.i18n import N_, _

#: Limits that keep a mistyped argument from hanging the kernel or filling memory.
MAX_CLASSES = 100  # a confusion matrix of 100 x 100 cells is already hard to read
MAX_IMAGES = 200  # digits in one plot_digits grid
MAX_BINS = 1000  # bars in one error histogram
MAX_SCORES = 20  # bars in plot_activations' softmax panel
MAX_VALUE = 1e300  # largest value drawn: differences of two, and axis limits, stay finite
MAX_INPUT = 1e6  # largest x_range bound and softmax score (float32 holds them exactly enough)

#: Hints added to a refusal (translated where they are shown).
DIVERGED = N_(
    "This usually means training diverged: try a smaller learning rate, or normalise the inputs."
)
MISSING = N_("Remove the samples with missing values, or fill them in.")


def _axes(ax: Axes | None) -> Axes:
    if ax is None:
        return plt.gca()
    if not isinstance(ax, Axes):
        raise TypeError(
            refusal("ax", _("a matplotlib Axes or None"), ax,
                    _("Pass the Axes to draw on, e.g. fig.gca() or plt.subplots()[1], or leave "
                      "ax out to draw on the current one."))
        )  # fmt: skip
    return ax


def _as_array(data: ArrayLike, name: str, *, booleans: bool = False) -> np.ndarray:
    """An array of real numbers (of True/False too with ``booleans``), any shape."""
    try:
        array = np.asarray(data)
        if array.dtype == object and all(
            isinstance(v, numbers.Real) and not isinstance(v, bool) for v in array.flat
        ):
            array = array.astype(float)  # Python ints too large for int64
    except OverflowError:
        must_be = _("an array or list of numbers of at most about 1e308")
        raise ValueError(refusal(name, must_be, data)) from None
    except ValueError:  # nested lists of different lengths
        must_be = _("an array or list of numbers with rows of equal length")
        raise ValueError(refusal(name, must_be, data)) from None
    kind = array.dtype.kind
    if not (kind in "iuf" or (booleans and kind == "b")):
        raise TypeError(refusal(name, _("an array or list of numbers"), data))
    return array


def _as_values(data: ArrayLike, name: str, *, booleans: bool = False) -> np.ndarray:
    """A non-empty 1-D float array; an (n, 1) column (what predict returns) is flattened."""
    array = _as_array(data, name, booleans=booleans)
    if array.ndim == 2 and array.shape[1] == 1:
        array = array[:, 0]
    if array.ndim != 1 or array.size == 0:
        raise ValueError(
            _(
                "{name} must be a non-empty list of numbers (shape (n,) or (n, 1)); "
                "got shape {shape}."
            ).format(name=name, shape=array.shape)
        )
    return array.astype(float)


def _check_finite(array: np.ndarray, name: str, hint: str) -> None:
    """Refuse NaN and infinity; ``hint`` (an English message, translated here) says what to do."""
    finite = np.isfinite(array)
    if not finite.all():
        if np.isnan(array).any():
            message = _("{name} must hold finite numbers; got NaN in {count} of {size} values.")
        else:
            message = _(
                "{name} must hold finite numbers; got infinity in {count} of {size} values."
            )
        found = message.format(name=name, count=int((~finite).sum()), size=array.size)
        raise ValueError(f"{found} {_(hint)}")


def _as_labels(data: ArrayLike, name: str) -> np.ndarray:
    """Integer class labels below MAX_CLASSES; 2-D one-hot rows or probabilities become
    their argmax."""
    array = _as_array(data, name, booleans=True)
    hint = DIVERGED if name in ("y_pred", "predictions") else MISSING
    if array.ndim == 2 and array.shape[1] > 1:
        _check_finite(array, name, hint)
        array = array.argmax(axis=1)
    values = _as_values(array, name, booleans=True)
    _check_finite(values, name, hint)
    if np.any(values < 0) or np.any(values != np.round(values)):
        bad = values[(values < 0) | (values != np.round(values))][0]
        raise ValueError(
            _(
                "{name} must hold class numbers 0, 1, 2...; found {bad:g}. If these are "
                "sigmoid scores, turn them into classes first: (scores > 0.5).astype(int)."
            ).format(name=name, bad=bad)
        )
    largest = values.max()
    if largest >= MAX_CLASSES:
        raise ValueError(
            _(
                "{name} must hold class numbers from 0 to {most}; got labels up to "
                "{largest:g}. Labels up to {largest:g} would draw a {size:g} x "
                "{size:g} confusion matrix; did you pass scores or pixel values instead "
                "of class numbers?"
            ).format(name=name, most=MAX_CLASSES - 1, largest=largest, size=largest + 1)
        )
    return values.astype(int)


def _check_same_length(a: np.ndarray, b: np.ndarray, name_a: str, name_b: str) -> None:
    if len(a) != len(b):
        raise ValueError(
            _(
                "{name_a} has {count_a} samples but {name_b} has {count_b}: "
                "pass one entry per sample in both."
            ).format(name_a=name_a, count_a=len(a), name_b=name_b, count_b=len(b))
        )
