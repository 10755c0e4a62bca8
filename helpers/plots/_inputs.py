"""Limits and input checks shared by the plots, built on :mod:`helpers.checks`.

Every refusal names the argument, what it must be and what was received, in
the language of :mod:`helpers.i18n`.
"""

from __future__ import annotations

from collections.abc import Callable

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes

from helpers.checks import MAX_CLASSES, array, class_labels, finite, refusal, same_length, texts
from helpers.history import LARGEST
from helpers.i18n import N_, _

#: Limits that keep a mistyped argument from hanging the kernel or filling memory.
MAX_IMAGES = 200  # digits in one plot_digits grid
MAX_BINS = 1000  # bars in one error histogram
MAX_SCORES = 20  # bars in plot_activations' softmax panel
MAX_VALUE = LARGEST  # largest value drawn: differences of two, and axis limits, stay finite
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


def _samples_and_labels(
    x: object,
    y: object,
    *,
    names: tuple[str, str],
    shape: str,
    fits: Callable[[tuple[int, ...]], bool],
    hint: str = "",
) -> tuple[np.ndarray, np.ndarray]:
    """Samples (an array whose shape ``fits``, without NaN or infinity) and their class
    numbers, one per sample: what a plot of samples by class draws."""
    x_name, y_name = names
    samples = array(x_name, x, shape=shape, fits=fits, hint=hint)
    finite(x_name, samples, hint=_(MISSING))
    classes = class_labels(y_name, y, hint=_(MISSING))
    same_length(x_name, samples, y_name, classes)
    return samples, classes


def _class_names(value: object, count: int) -> list[str] | None:
    """``class_names`` as a list of at least ``count`` names (None stays None)."""
    if value is None:
        return None
    return texts(
        "class_names", value, low=count, high=MAX_CLASSES,
        must_be=_("a list of names, one per class ({count} to {most})").format(
            count=count, most=MAX_CLASSES),
        hint=_("Give one name per class, in the order of the class numbers 0, 1, 2..."),
    )  # fmt: skip
