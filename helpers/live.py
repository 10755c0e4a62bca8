"""Live training curves that redraw while ``model.fit`` runs.

:class:`LivePlot` is a thin Keras callback: at the end of each epoch it copies
the logs, and at most about twice a second (and always once when training
ends) it redraws. The drawing is a small hand-written SVG made by
:func:`curves_svg`: about a millisecond, where redrawing a matplotlib figure
takes 80-90 ms. It goes into its own display area below the cell (updated in
place, so the rest of the cell's output stays) or into a widget you pass.

This module imports Keras, because ``LivePlot`` subclasses
``keras.callbacks.Callback``: run the notebook's setup cell first.
"""

from __future__ import annotations

import math
import numbers
import time
from collections.abc import Mapping, Sequence
from html import escape
from itertools import cycle
from typing import Any

import keras
from IPython.core.interactiveshell import InteractiveShell
from IPython.display import display

from helpers.history import base_metrics, to_history_dict

__all__ = ["PLACEHOLDER", "LivePlot", "curves_svg"]

#: The plain-text form of a live plot: constant, so stored notebook outputs stay stable.
PLACEHOLDER = "[live training curves]"

_COLORS = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
)  # fmt: skip
_PANEL_HEIGHT = 220
_LEGEND_LINE = 16
_LEFT, _RIGHT, _TOP, _BOTTOM = 52, 12, 24, 36  # margins of the plotting area in a panel


# ----------------------------------------------------------------- drawing ---


def _nice_step(span: float, count: int) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) giving about ``count`` ticks."""
    raw = span / count
    power = 10.0 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


def _y_ticks(values: list[float]) -> tuple[float, float, list[str]]:
    """Axis limits and the tick labels, evenly spaced from the lower limit to the upper."""
    lo, hi = (min(values), max(values)) if values else (0.0, 1.0)
    if hi - lo < 1e-9 * max(1.0, abs(hi)):  # a flat curve: give it some room
        pad = 0.05 * max(1.0, abs(hi))
        lo, hi = lo - pad, hi + pad
    step = _nice_step(hi - lo, 4)
    lo, hi = math.floor(lo / step) * step, math.ceil(hi / step) * step
    ticks = [lo + i * step for i in range(round((hi - lo) / step) + 1)]
    biggest = max(abs(lo), abs(hi))
    if biggest >= 1e5 or step < 1e-4:  # exponent notation, with enough digits to differ
        digits = max(2, math.floor(math.log10(biggest)) - math.floor(math.log10(step)) + 1)
        return lo, hi, [f"{t:.{digits}g}" for t in ticks]
    decimals = len(f"{step:.4f}".rstrip("0").split(".")[1])
    return lo, hi, [f"{t:.{decimals}f}" for t in ticks]


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
        f'font-weight="bold">{escape(metric)}</text>',
        f'<rect x="{left:.1f}" y="{top}" width="{right - left:.1f}" height="{bottom - top}" '
        'fill="none" stroke="#888"/>',
    ]
    for i, label in enumerate(tick_labels):
        y = bottom - i / (len(tick_labels) - 1) * (bottom - top)
        parts.append(
            f'<line x1="{left:.1f}" x2="{right:.1f}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e5e5e5"/>'
            f'<text x="{left - 4:.1f}" y="{y + 4:.1f}" text-anchor="end">{label}</text>'
        )
    x_step = max(1, math.ceil(_nice_step(x_span, 5)))
    for epoch in sorted({1, *range(x_step, last_epoch + 1, x_step)}):
        parts.append(
            f'<text x="{sx(epoch):.1f}" y="{bottom + 14}" text-anchor="middle">{epoch}</text>'
        )
    parts.append(
        f'<text x="{(left + right) / 2:.1f}" y="{bottom + 28}" text-anchor="middle">epoch</text>'
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
            f'points="{coords}"><title>{escape(name)}</title></polyline>'
            f'<circle cx="{points[-1][0]:.1f}" cy="{points[-1][1]:.1f}" r="2.5" fill="{color}"/>'
        )
    return parts


def _legend(runs: Mapping[str, Mapping[str, list[float]]], y: float) -> list[str]:
    """The line style key (train solid, validation dashed) and the run labels."""
    key = [("train", "")]
    if any(name.startswith("val_") for run in runs.values() for name in run):
        key.append(("validation", ' stroke-dasharray="6 4"'))
    parts = []
    for x, (text, dash) in zip((_LEFT, _LEFT + 100), key, strict=False):
        parts.append(
            f'<line x1="{x}" x2="{x + 24}" y1="{y - 4}" y2="{y - 4}" stroke="#444" '
            f'stroke-width="2"{dash}/><text x="{x + 30}" y="{y}">{text}</text>'
        )
    labelled = [(color, label) for color, label in zip(cycle(_COLORS), runs) if label]
    for i, (color, label) in enumerate(labelled, start=1):
        parts.append(
            f'<rect x="{_LEFT}" y="{y + i * _LEGEND_LINE - 9}" width="24" height="4" '
            f'fill="{color}"/><text x="{_LEFT + 30}" y="{y + i * _LEGEND_LINE}">'
            f"{escape(label)}</text>"
        )
    return parts


def _check_metrics(metrics: object) -> None:
    if metrics is not None and (
        isinstance(metrics, str)
        or not isinstance(metrics, Sequence)
        or not metrics
        or not all(isinstance(m, str) for m in metrics)
    ):
        raise TypeError(
            "metrics must be None (loss and the first other metric) or a list of metric "
            f"names such as ['loss', 'accuracy']; got {metrics!r}."
        )


def curves_svg(
    runs: Mapping[str, Any],
    *,
    metrics: Sequence[str] | None = None,
    max_epoch: int | None = None,
    width: int = 640,
) -> str:
    """Draw training curves as an SVG string: one panel per metric, side by side.

    ``runs`` maps a label to a history (a Keras ``History`` or a dict of
    metric -> one value per epoch). Each run gets its own colour; training
    curves are solid, validation curves (``val_...``) dashed in the same colour.
    Non-empty labels are listed under the panels. ``metrics`` defaults to
    ``loss`` and the first other metric. The epoch axis runs from 1 to the
    longest run, or to ``max_epoch`` if that is larger (so a live plot does
    not rescale). NaN and infinite values are left out.

    Example::

        >>> svg = curves_svg({"adam": {"loss": [0.9, 0.5], "val_loss": [1.0, 0.7]}})
        >>> svg.startswith("<svg"), svg.count("<polyline")
        (True, 2)
    """
    if not isinstance(runs, Mapping) or not runs:
        raise TypeError(
            "runs must be a non-empty dict of label -> history, e.g. "
            f"{{'adam': history}}; got {runs!r:.80}."
        )
    histories = {str(label): to_history_dict(history) for label, history in runs.items()}
    available = {m for h in histories.values() for m in base_metrics(h)}
    if metrics is None:
        metrics = base_metrics(next(iter(histories.values())))[:2]
    _check_metrics(metrics)
    unknown = [m for m in metrics if m not in available]
    if unknown:
        raise ValueError(
            f"No curve called {unknown[0]!r} in the history; the metrics there are "
            f"{sorted(available)}. Pick from those (without 'val_')."
        )
    if max_epoch is not None and (
        isinstance(max_epoch, bool) or not isinstance(max_epoch, numbers.Integral) or max_epoch < 1
    ):
        raise ValueError(
            f"max_epoch must be a whole number of epochs, 1 or more; got {max_epoch!r}."
        )
    if isinstance(width, bool) or not isinstance(width, numbers.Integral) or width < 200:
        raise ValueError(f"width must be a whole number of pixels, 200 or more; got {width!r}.")

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


# ---------------------------------------------------------------- callback ---


class _SvgView:
    """What IPython displays: the SVG, and a constant text for nbval to compare."""

    def __init__(self) -> None:
        self.svg = ""

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return {"image/svg+xml": self.svg, "text/plain": PLACEHOLDER}

    def __repr__(self) -> str:
        return PLACEHOLDER


class LivePlot(keras.callbacks.Callback):
    """Keras callback that draws loss and metric curves while ``fit`` runs.

    Training curves are solid, validation curves dashed in the same colour,
    epochs counted from 1. It redraws at most once every ``min_interval``
    seconds and always once when training ends, so it adds almost nothing
    to the training time.

    Options (keyword-only):

    - ``metrics``: names to draw, one panel each; default ``loss`` and the
      first other metric (e.g. ``accuracy``).
    - ``min_interval``: seconds between redraws (0 redraws every epoch).
    - ``target``: where to draw. ``None`` (default) opens a display area
      below the cell and updates it in place; an ``ipywidgets.HTML`` gets the
      SVG as its value; an ``ipywidgets.Output`` gets it as its only output.
      Outside Jupyter, with no target, nothing is shown but ``.svg`` still
      holds the latest drawing.

    After training, ``.history`` holds every epoch's logs and ``.svg`` the
    final drawing.

    Example::

        model.fit(x, y, epochs=20, validation_split=0.3, verbose=0,
                  callbacks=[LivePlot()])
    """

    def __init__(
        self,
        *,
        metrics: Sequence[str] | None = None,
        min_interval: float = 0.5,
        target: Any = None,
    ) -> None:
        super().__init__()
        _check_metrics(metrics)
        if isinstance(min_interval, bool) or not isinstance(min_interval, numbers.Real):
            raise TypeError(
                f"min_interval must be a number of seconds such as 0.5; got {min_interval!r}."
            )
        if not 0 <= min_interval < math.inf:
            raise ValueError(
                f"min_interval must be 0 (redraw every epoch) or more seconds; got {min_interval}."
            )
        if target is not None:
            import ipywidgets  # only needed when drawing into a widget

            if not isinstance(target, (ipywidgets.HTML, ipywidgets.Output)):
                raise TypeError(
                    "target must be None (draw below the cell), an ipywidgets.HTML or an "
                    f"ipywidgets.Output; got {type(target).__name__}."
                )
        self.metrics = None if metrics is None else list(metrics)
        self.min_interval = float(min_interval)
        self.target = target
        self.history: dict[str, list[float]] = {}
        self._view = _SvgView()
        self._handle: Any = None
        self._last_draw = -math.inf

    @property
    def svg(self) -> str:
        """The latest drawing (an empty string before the first epoch ends)."""
        return self._view.svg

    def on_train_begin(self, logs: dict | None = None) -> None:
        self.history = {}
        self._view = _SvgView()  # a new fit draws in a new area
        self._handle = None
        self._last_draw = -math.inf

    def on_epoch_end(self, epoch: int, logs: dict | None = None) -> None:
        done = len(next(iter(self.history.values()), []))
        for name, value in (logs or {}).items():
            if isinstance(value, numbers.Real):
                self.history.setdefault(name, [math.nan] * done).append(float(value))
        for values in self.history.values():
            if len(values) == done:  # a metric missing this epoch (e.g. validation_freq=2)
                values.append(math.nan)
        if time.monotonic() - self._last_draw >= self.min_interval:
            self._draw()

    def on_train_end(self, logs: dict | None = None) -> None:
        if self.history:
            self._draw()

    def _draw(self) -> None:
        self._view.svg = svg = curves_svg(
            {"": self.history}, metrics=self.metrics, max_epoch=(self.params or {}).get("epochs")
        )
        if self.target is None:
            if self._handle is not None:
                self._handle.update(self._view)
            elif InteractiveShell.initialized():
                self._handle = display(self._view, display_id=True)
        elif hasattr(self.target, "outputs"):  # an Output widget: replace its only output
            data = self._view._repr_mimebundle_()
            self.target.outputs = ({"output_type": "display_data", "data": data, "metadata": {}},)
        else:
            self.target.value = svg
        self._last_draw = time.monotonic()
