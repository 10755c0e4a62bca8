"""Live training curves that redraw while ``model.fit`` runs.

:class:`LivePlot` is a thin Keras callback: at the end of each epoch it copies
the logs, and at most about twice a second (and always once when training
ends) it redraws. The drawing is a small SVG made by
:func:`helpers.curves.curves_svg`: about a millisecond, where redrawing a
matplotlib figure takes 80-90 ms. It goes into its own display area below the
cell (updated in place, so the rest of the cell's output stays) or into a
widget you pass.

This module imports Keras, because ``LivePlot`` subclasses
``keras.callbacks.Callback``: run the notebook's setup cell first.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from typing import Any

import keras
from IPython.core.interactiveshell import InteractiveShell
from IPython.display import display

from helpers.checks import real_number, refusal
from helpers.curves import curves_svg
from helpers.history import Recorder, check_metrics, learning_curves_in_words, pick_metrics
from helpers.i18n import N_, _

__all__ = ["PLACEHOLDER", "LivePlot"]

#: The plain-text form of a live plot: constant, so stored notebook outputs stay stable
#: (shown in the helpers' language: ``_(PLACEHOLDER)``).
PLACEHOLDER = N_("[live training curves]")


class _SvgView:
    """What IPython displays: the SVG, with the curves in words as its alt text, and a
    constant text for nbval to compare."""

    def __init__(self) -> None:
        self.svg = ""
        self.alt = ""

    def _repr_mimebundle_(
        self, include: Any = None, exclude: Any = None
    ) -> tuple[dict[str, str], dict[str, Any]]:
        data = {"image/svg+xml": self.svg, "text/plain": _(PLACEHOLDER)}
        return data, ({"image/svg+xml": {"alt": self.alt}} if self.alt else {})

    def output(self) -> dict[str, Any]:
        """The drawing as an output of an ``ipywidgets.Output``."""
        data, metadata = self._repr_mimebundle_()
        return {"output_type": "display_data", "data": data, "metadata": metadata}

    def __repr__(self) -> str:
        return _(PLACEHOLDER)


class LivePlot(keras.callbacks.Callback):
    """Keras callback that draws loss and metric curves while ``fit`` runs.

    Training curves are solid, validation curves dashed in the same colour,
    epochs counted from 1. It redraws at most once every ``min_interval``
    seconds and always once when training ends, so it adds almost nothing
    to the training time.

    Args:
        metrics: the metrics to draw, one panel each: one name or a list;
            None draws every metric, ``loss`` first (as ``plot_training`` does).
        min_interval: seconds between redraws (0 redraws every epoch).
        target: where to draw, decided once here. None opens a display area
            below the cell and updates it in place (outside Jupyter nothing is
            shown, but ``.svg`` still holds the latest drawing); an
            ``ipywidgets.HTML`` gets the SVG as its value; an
            ``ipywidgets.Output`` gets it as its only output.

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
        self.metrics = check_metrics(metrics)
        self.min_interval = real_number(
            "min_interval", min_interval, low=0, hint=_("It is in seconds: 0 redraws every epoch.")
        )
        self._show = self._drawer(target)
        self.target = target
        self._recorder = Recorder()
        self._view = _SvgView()
        self._handle: Any = None
        self._last_draw = -math.inf

    def _drawer(self, target: Any) -> Callable[[], None]:
        """The method that shows a new drawing in ``target``."""
        if target is None:
            return self._show_below_cell
        import ipywidgets  # only needed when drawing into a widget

        if isinstance(target, ipywidgets.HTML):
            return lambda: setattr(target, "value", self._view.svg)
        if isinstance(target, ipywidgets.Output):  # replace its only output
            return lambda: setattr(target, "outputs", (self._view.output(),))
        raise TypeError(
            refusal(
                "target",
                _("None (draw below the cell), an ipywidgets.HTML or an ipywidgets.Output"),
                target,
            )
        )

    @property
    def history(self) -> dict[str, list[float]]:
        """Every epoch's logs so far: metric name -> one value per epoch (NaN where a metric
        was not measured, e.g. validation with ``validation_freq=2``)."""
        return self._recorder.history

    @property
    def svg(self) -> str:
        """The latest drawing (an empty string before the first epoch ends)."""
        return self._view.svg

    def on_train_begin(self, logs: dict | None = None) -> None:
        self._recorder = Recorder()
        self._view = _SvgView()  # a new fit draws in a new area
        self._handle = None
        self._last_draw = -math.inf

    def on_epoch_end(self, epoch: int, logs: dict | None = None) -> None:
        self._recorder.add(logs or {})
        if time.monotonic() - self._last_draw >= self.min_interval:
            self._draw()

    def on_train_end(self, logs: dict | None = None) -> None:
        if self.history:
            self._draw()

    def _draw(self) -> None:
        self._view.svg = curves_svg(
            {"": self.history}, metrics=self.metrics, max_epoch=(self.params or {}).get("epochs")
        )
        self._view.alt = learning_curves_in_words(
            self.history, pick_metrics([self.history], self.metrics)
        )
        self._show()
        self._last_draw = time.monotonic()

    def _show_below_cell(self) -> None:
        if self._handle is not None:
            self._handle.update(self._view)
        elif InteractiveShell.initialized():
            self._handle = display(self._view, display_id=True)
