"""Training curves drawn as a small SVG string, with no Keras and no plotting library.

:func:`curves_svg` draws one panel per metric, one colour per run, training
solid and validation dashed. It takes about a millisecond, where redrawing a
matplotlib figure takes 80-90 ms, so :class:`~helpers.live.LivePlot` can
redraw while ``fit`` runs and the playground can draw its run tray.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from html import escape
from itertools import cycle
from typing import Any

from helpers.checks import refusal, whole_number
from helpers.history import drawn_history, metric_label, pick_metrics
from helpers.i18n import N_, _

__all__ = ["curves_svg"]

_COLORS = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
)  # fmt: skip
_PANEL_HEIGHT = 220
_MAX_EPOCH, _MAX_WIDTH = 10**9, 100_000
_EPOCHS = N_("It is the last epoch the axis shows.")
_LEGEND_LINE = 16
_LEFT, _RIGHT, _TOP, _BOTTOM = 52, 12, 24, 36  # margins of the plotting area in a panel


# ----------------------------------------------------------------- drawing ---


def _nice_step(span: float, count: int) -> tuple[float, int]:
    """A round step (1, 2, 2.5 or 5 times a power of ten) giving about ``count`` ticks.

    Also returns the power of ten of the step's last digit (-4 for 0.00025),
    which says how precisely the ticks must be labelled.
    """
    raw = span / count
    power = math.floor(math.log10(raw))
    multiple, last = next(
        (m, power + shift)
        for m, shift in ((1, 0), (2, 0), (2.5, -1), (5, 0), (10, 1))
        if m * 10.0**power >= raw
    )
    return multiple * 10.0**power, last


def _y_ticks(values: list[float]) -> tuple[float, float, list[str]]:
    """Axis limits and the tick labels, evenly spaced from the lower limit to the upper."""
    lo, hi = (min(values), max(values)) if values else (0.0, 1.0)
    if hi - lo < 1e-9 * max(1.0, abs(hi)):  # a flat curve: give it some room
        pad = 0.05 * max(1.0, abs(hi))
        lo, hi = lo - pad, hi + pad
    step, last = _nice_step(hi - lo, 4)
    lo, hi = math.floor(lo / step) * step, math.ceil(hi / step) * step
    ticks = [lo + i * step for i in range(round((hi - lo) / step) + 1)]
    biggest = max(abs(lo), abs(hi))
    if biggest >= 1e5 or step < 1e-4:  # exponent notation, with enough digits to differ
        digits = max(2, math.floor(math.log10(biggest)) - last + 1)
        return lo, hi, [f"{t:.{digits}g}" for t in ticks]
    return lo, hi, [f"{t:.{max(0, -last)}f}" for t in ticks]


def _panel(
    runs: Mapping[str, Mapping[str, list[float]]], metric: str, x0: float, width: float,
    last_epoch: int,
) -> list[str]:  # fmt: skip
    """SVG elements of one panel: frame, ticks, title and one polyline per series."""
    series = [
        (color, name, run[name])
        for color, run in zip(cycle(_COLORS), runs.values())
        for name in (metric, f"val_{metric}")
        if name in run
    ]
    # Runs that ended in NaN or inf (diverged) would squash the others: they set
    # the range only when nothing else does, and their points stop at the frame.
    steady = [values for _, _, values in series if values and math.isfinite(values[-1])]
    lo, hi, tick_labels = _y_ticks(
        [v for values in steady or [s[2] for s in series] for v in values if math.isfinite(v)]
    )
    left, right = x0 + _LEFT, x0 + width - _RIGHT
    top, bottom = _TOP, _PANEL_HEIGHT - _BOTTOM
    x_span = max(last_epoch - 1, 1)

    def sx(epoch: float) -> float:
        return left + (epoch - 1) / x_span * (right - left)

    def sy(value: float) -> float:
        return bottom - (min(max(value, lo), hi) - lo) / (hi - lo) * (bottom - top)

    parts = [
        f'<text x="{(left + right) / 2:.1f}" y="16" text-anchor="middle" '
        f'font-weight="bold">{escape(metric_label(metric))}</text>',
        f'<rect x="{left:.1f}" y="{top}" width="{right - left:.1f}" height="{bottom - top}" '
        'fill="none" stroke="#888"/>',
    ]
    for i, label in enumerate(tick_labels):
        y = bottom - i / (len(tick_labels) - 1) * (bottom - top)
        parts.append(
            f'<line x1="{left:.1f}" x2="{right:.1f}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e5e5e5"/>'
            f'<text x="{left - 4:.1f}" y="{y + 4:.1f}" text-anchor="end">{label}</text>'
        )
    x_step = max(1, math.ceil(_nice_step(x_span, 5)[0]))
    for epoch in sorted({1, *range(x_step, last_epoch + 1, x_step)}):
        parts.append(
            f'<text x="{sx(epoch):.1f}" y="{bottom + 14}" text-anchor="middle">{epoch}</text>'
        )
    axis_label = escape(_("epoch"))
    parts.append(
        f'<text x="{(left + right) / 2:.1f}" y="{bottom + 28}" text-anchor="middle">'
        f"{axis_label}</text>"
    )
    for color, name, values in series:
        points = [(sx(i + 1), sy(v)) for i, v in enumerate(values) if math.isfinite(v)]
        if not points:
            continue
        kind = "val" if name.startswith("val_") else "train"
        dash = ' stroke-dasharray="6 4"' if kind == "val" else ""
        coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        parts.append(
            f'<polyline class="{kind}" fill="none" stroke="{color}" stroke-width="2"{dash} '
            f'points="{coords}"><title>{escape(metric_label(name))}</title></polyline>'
            f'<circle cx="{points[-1][0]:.1f}" cy="{points[-1][1]:.1f}" r="2.5" fill="{color}"/>'
        )
    return parts


def _legend(runs: Mapping[str, Mapping[str, list[float]]], y: float) -> list[str]:
    """The line style key (train solid, validation dashed) and the run labels."""
    key = [(_("train"), "")]
    if any(name.startswith("val_") for run in runs.values() for name in run):
        key.append((_("validation"), ' stroke-dasharray="6 4"'))
    parts = []
    for x, (text, dash) in zip((_LEFT, _LEFT + 100), key, strict=False):
        parts.append(
            f'<line x1="{x}" x2="{x + 24}" y1="{y - 4}" y2="{y - 4}" stroke="#444" '
            f'stroke-width="2"{dash}/><text x="{x + 30}" y="{y}">{escape(text)}</text>'
        )
    labelled = [(color, label) for color, label in zip(cycle(_COLORS), runs) if label]
    for i, (color, label) in enumerate(labelled, start=1):
        parts.append(
            f'<rect x="{_LEFT}" y="{y + i * _LEGEND_LINE - 9}" width="24" height="4" '
            f'fill="{color}"/><text x="{_LEFT + 30}" y="{y + i * _LEGEND_LINE}">'
            f"{escape(label)}</text>"
        )
    return parts


def curves_svg(
    runs: Mapping[str, Any],
    *,
    metrics: Sequence[str] | None = None,
    max_epoch: int | None = None,
    width: int = 640,
) -> str:
    """Draw training curves as an SVG string: one panel per metric, side by side.

    Each run gets its own colour; training curves are solid, validation curves
    (``val_...``) dashed in the same colour. Non-empty labels are listed under
    the panels. NaN and infinite values are left out; values beyond 1e300 are
    drawn at the frame's edge, as :func:`~helpers.plots.plot_history` draws them.
    A run whose last value is NaN or infinite (it diverged) does not set the
    value axis unless no other run does.

    Args:
        runs: label -> history (a Keras ``History`` or a dict of metric -> one
            value per epoch).
        metrics: the metrics to draw, one panel each (names without ``val_``):
            one name or a list; None draws every metric of the runs, ``loss``
            first, as :func:`~helpers.plots.plot_training` does.
        max_epoch: the epoch axis runs from 1 to the longest run, or to
            ``max_epoch`` if that is larger (so a live plot does not rescale).
        width: the drawing's width in pixels, 200 to 100,000.

    Returns:
        The SVG document as a string.

    Raises:
        TypeError: an argument has the wrong kind of value.
        ValueError: a value is out of range, or a metric is not in the histories.

    Example::

        >>> svg = curves_svg({"adam": {"loss": [0.9, 0.5], "val_loss": [1.0, 0.7]}})
        >>> svg.startswith("<svg"), svg.count("<polyline")
        (True, 2)
    """
    if not isinstance(runs, Mapping) or not runs:
        raise TypeError(
            refusal(
                "runs",
                _("a non-empty dict of label -> history"),
                runs,
                _("E.g. {'adam': history}."),
            )
        )
    histories = {
        str(label): drawn_history(history, name=f"runs[{label!r}]")
        for label, history in runs.items()
    }
    metrics = pick_metrics(list(histories.values()), metrics)
    if max_epoch is not None:
        max_epoch = whole_number("max_epoch", max_epoch, low=1, high=_MAX_EPOCH, hint=_(_EPOCHS))
    width = whole_number("width", width, low=200, high=_MAX_WIDTH, hint=_("It counts pixels."))

    longest = max(len(values) for h in histories.values() for values in h.values())
    last_epoch = max(longest, max_epoch or 1, 2)
    panel_width = width / len(metrics)
    parts = [
        element
        for i, metric in enumerate(metrics)
        for element in _panel(histories, metric, i * panel_width, panel_width, last_epoch)
    ]
    labelled = sum(1 for label in histories if label)
    height = _PANEL_HEIGHT + (labelled + 1) * _LEGEND_LINE + 4
    parts += _legend(histories, _PANEL_HEIGHT + 10)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">'
        f'<rect width="100%" height="100%" fill="white"/>{"".join(parts)}</svg>'
    )
