"""Comparing measures: one panel of labelled bars per measure, one bar per case."""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure

from helpers.checks import finite, refusal, vector
from helpers.history import metric_label
from helpers.i18n import _, ngettext
from helpers.plots._describe import describe
from helpers.plots._inputs import MAX_VALUE


def plot_comparison(results: Mapping[str, Mapping[str, float]]) -> Figure:
    """Bar charts side by side: one panel per measure, one labelled bar per case.

    ``results`` maps each case to its measures, every case with the same ones.
    The bars carry their values, so a figure can show details whose last
    digits differ from computer to computer while the printed text stays robust.

    Args:
        results: a dict {case: {measure: value}}; every case has the same
            measures in the same order, and every value is a finite number.

    Returns:
        The Figure, one panel per measure.

    Example::

        >>> fig = plot_comparison({"pixels / 255": {"accuracy": 0.95, "loss": 0.22},
        ...                        "raw pixels": {"accuracy": 0.95, "loss": 49.7}})
        >>> [ax.get_title() for ax in fig.axes]
        ['accuracy', 'loss']
    """
    if not isinstance(results, Mapping) or not results:
        must_be = _("a non-empty dict {case: {measure: value}}")
        raise TypeError(refusal("results", must_be, results, _("E.g. {'scaled': {'loss': 0.2}}.")))
    cases = [str(case) for case in results]
    measures = None
    for case, values in results.items():
        if not isinstance(values, Mapping) or not values:
            must_be = _("a non-empty dict {measure: value}")
            raise TypeError(refusal(f"results[{case!r}]", must_be, values))
        if measures is None:
            measures = list(values)
        elif list(values) != measures:
            raise ValueError(
                _(
                    "Every case needs the same measures in the same order: {first} for the "
                    "first case, {other} for {case}."
                ).format(first=measures, other=list(values), case=repr(case))
            )
    table = np.array([vector(f"results[{c!r}]", list(v.values())) for c, v in results.items()])
    finite("results", table, largest=MAX_VALUE)  # larger numbers would overflow the axes
    fig, axes = plt.subplots(
        1, len(measures), figsize=(3.2 * len(measures), 2.8), squeeze=False, layout="constrained"
    )
    for column, (ax, measure) in enumerate(zip(axes.flat, measures, strict=True)):
        bars = ax.bar(cases, table[:, column], color=[f"C{i}" for i in range(len(cases))])
        ax.bar_label(bars, fmt="%.3g")
        ax.set_title(metric_label(str(measure)))
        ax.margins(y=0.2)
    bars = "; ".join(
        f"{metric_label(str(measure))} (" + ", ".join(f"{case}: {value:.3g}" for case, value in zip(
            cases, table[:, column], strict=True)) + ")"
        for column, measure in enumerate(measures)
    )  # fmt: skip
    describe(fig, ngettext(
        "Bar charts comparing {count} case ({cases}), one panel per measure: {bars}.",
        "Bar charts comparing {count} cases ({cases}), one panel per measure: {bars}.",
        len(cases),
    ).format(count=len(cases), cases=", ".join(cases), bars=bars))  # fmt: skip
    return fig
