"""A first look at a table of samples: two of its features against each other, by class."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import islice

import numpy as np
from matplotlib.axes import Axes
from numpy.typing import ArrayLike

from helpers.checks import refusal, texts, whole_number
from helpers.history import rounded
from helpers.i18n import _, ngettext
from helpers.plots._describe import describe
from helpers.plots._inputs import _axes, _class_names, _samples_and_labels

#: One marker per class (besides its colour), so that the classes stay apart in grey too.
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*", "<", ">")


def _feature_pair(features: object, columns: int) -> tuple[int, int]:
    """Two different column numbers of a table with ``columns`` columns."""
    must_be = _("two different column numbers from 0 to {most}").format(most=columns - 1)
    hint = _("For example features=(0, 1) draws column 0 across and column 1 up.")
    if isinstance(features, str) or not isinstance(features, Iterable):
        raise TypeError(refusal("features", must_be, features, hint))
    pair = list(islice(features, 3))
    if len(pair) != 2:
        raise ValueError(refusal("features", must_be, features, hint))
    across, up = (whole_number("features", f, low=0, high=columns - 1, hint=hint) for f in pair)
    if across == up:
        raise ValueError(refusal("features", must_be, features, hint))
    return across, up


def plot_classes(
    x: ArrayLike,
    y: ArrayLike,
    *,
    features: Sequence[int] = (0, 1),
    feature_names: Sequence[str] | None = None,
    class_names: Sequence[str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Scatter two features of a table against each other, one colour and marker per class.

    Look at the data before modelling it: classes that lie apart are easy to tell
    apart, classes that overlap are where a model's mistakes will be.

    Args:
        x: the samples, shape (n, features), at least two features.
        y: the classes, integers 0, 1, 2... (or one-hot rows), one per sample.
        features: the two column numbers of ``x`` to draw, across and up.
        feature_names: one name per column of ``x``, for the axes.
        class_names: one name per class, for the legend.
        ax: the matplotlib Axes to draw on; None draws on the current Axes.

    Returns:
        The Axes drawn on.

    Example::

        >>> from helpers.data import IRIS_CLASSES, IRIS_FEATURES, load_iris
        >>> x, y = load_iris()
        >>> ax = plot_classes(x, y, features=(2, 3), feature_names=IRIS_FEATURES,
        ...                   class_names=IRIS_CLASSES)
        >>> ax.get_xlabel(), [t.get_text() for t in ax.get_legend().get_texts()]
        ('petal length (cm)', ['setosa', 'versicolor', 'virginica'])
    """
    table, labels = _samples_and_labels(
        x, y, names=("x", "y"),
        shape=_("a table of samples with at least two features, shape (n, features)"),
        fits=lambda shape: len(shape) == 2 and shape[0] > 0 and shape[1] >= 2,
    )  # fmt: skip
    across, up = _feature_pair(features, table.shape[1])
    columns = None if feature_names is None else texts(
        "feature_names", feature_names, low=table.shape[1],
        must_be=_("a list of names, one per column of x ({count} or more)").format(
            count=table.shape[1]),
        hint=_("Give one name per column of x, in the order of its columns."),
    )  # fmt: skip
    classes = _class_names(class_names, int(labels.max()) + 1)
    ax = _axes(ax)
    groups = []
    for number in np.unique(labels):
        rows = table[labels == number]
        name = classes[number] if classes else _("class {number}").format(number=number)
        ax.scatter(rows[:, across], rows[:, up], s=22, alpha=0.7,
                   marker=MARKERS[number % len(MARKERS)], label=name)  # fmt: skip
        groups.append(ngettext(
            "{name}: {count} sample around ({x}, {y})", "{name}: {count} samples around ({x}, {y})",
            len(rows),
        ).format(name=name, count=len(rows), x=rounded(rows[:, across].mean()),
                 y=rounded(rows[:, up].mean())))  # fmt: skip
    axis_names = [
        columns[index] if columns else _("feature {index}").format(index=index)
        for index in (across, up)
    ]
    ax.set_xlabel(axis_names[0])
    ax.set_ylabel(axis_names[1])
    ax.legend(title=_("class"))
    ax.set_title(_("{count} samples, one colour per class").format(count=len(table)))
    describe(ax, _(
        "Scatter plot, {across} across and {up} up, one colour and marker per class: {groups}."
    ).format(across=axis_names[0], up=axis_names[1], groups="; ".join(groups)))  # fmt: skip
    return ax
