"""The training playground widget: pick a dataset and hyperparameters, train, compare runs.

The training itself is :mod:`helpers.training` (plain Python, no widgets;
the settings and their checks in :mod:`helpers.run_settings`):
:class:`Playground` (made by :func:`playground`) wires widgets to it. Train
runs :func:`~helpers.training.train_run` in a background thread, so the
notebook stays responsive and Stop works, while a
:class:`~helpers.live.LivePlot` draws the curves; every finished run joins the
tray below, drawn by :func:`~helpers.curves.curves_svg`. When the playground
opens and whenever a control changes, :func:`~helpers.training.warm_up`
builds and traces the model of the settings shown, so Train only has to fit it.

The widget speaks the helpers' language (:func:`helpers.i18n.set_language`):
its labels, buttons and menus are chosen when it is built, its status lines,
run tray and :meth:`Playground.summary` when they are written. Only what is
shown changes: the settings' values ("relu", "adam") are the same in every language.

Importing this module does not load TensorFlow: that happens at the first
warm-up or run.
"""

from __future__ import annotations

import dataclasses
import math
import threading
import unicodedata
from collections.abc import Iterable
from html import escape
from typing import Any

import ipywidgets as widgets

from helpers import data, run_settings, training
from helpers.checks import whole_number
from helpers.curves import curves_svg
from helpers.history import metric_label, metric_order
from helpers.i18n import N_, _

__all__ = ["Playground", "playground"]

RUN_THREAD = "helpers.playground run"  # the name of a background run's thread


# ----------------------------------------------------------------- widgets ---

_CONTROLS = ("dataset", "hidden_layers", "units", "activation",
             "optimizer", "learning_rate", "epochs", "batch_size")  # fmt: skip
#: What each control is called on screen (in English: show it with ``_()``).
_LABELS = {
    "dataset": N_("dataset"),
    "hidden_layers": N_("hidden layers"),
    "units": N_("units"),
    "activation": N_("activation"),
    "optimizer": N_("optimizer"),
    "learning_rate": N_("learning rate"),
    "epochs": N_("epochs"),
    "batch_size": N_("batch size"),
}
#: A run's status (RunResult.status) as the tray and summary() show it.
_STATUSES = {"finished": N_("finished"), "stopped": N_("stopped"), "diverged": N_("diverged")}
_SLIDER_RANGES = {
    "hidden_layers": (0, 4),
    "units": (1, 128),
    "epochs": (1, 200),
    "batch_size": (1, 256),
}


def _control(name: str, value: Any) -> widgets.ValueWidget:
    """The widget that sets one field of Settings, showing ``value``, in the language now."""
    common = {
        "description": _(_LABELS[name]),
        "style": {"description_width": "110px"},
        "layout": {"width": "360px"},
    }
    if name in ("dataset", "optimizer", "activation"):
        options = {
            "dataset": [
                (_(data.DATASETS[key].description), key) for key in run_settings.DATASET_NAMES
            ],
            "optimizer": [
                (_(choice.description), key) for key, choice in run_settings.OPTIMIZERS.items()
            ],
            "activation": list(run_settings.ACTIVATIONS),  # Keras' names, as in pg.train(...)
        }[name]
        return widgets.Dropdown(options=options, value=value, **common)
    if name == "learning_rate":
        control = widgets.FloatLogSlider(
            value=0.01, base=10, min=-4, max=1, step=0.25, readout_format=".4g",
            continuous_update=False, **common,
        )  # fmt: skip
    else:
        low, high = _SLIDER_RANGES[name]
        control = widgets.IntSlider(value=low, min=low, max=high, continuous_update=False, **common)
    _show(control, value)
    return control


def _show(control: widgets.ValueWidget, value: Any) -> None:
    """Set a control, first widening a slider's range if the value lies outside it."""
    if isinstance(control, widgets.FloatLogSlider):
        exponent = math.log10(value)
        control.min, control.max = min(control.min, exponent), max(control.max, exponent)
    elif isinstance(control, widgets.IntSlider):
        control.min, control.max = min(control.min, value), max(control.max, value)
    control.value = value


def _check_names(names: Iterable[str]) -> None:
    unknown = sorted(set(names) - set(run_settings.FIELDS))
    if unknown:
        message = _("Unknown setting {name}; the settings are {names}.")
        fields = ", ".join(run_settings.FIELDS)
        raise TypeError(message.format(name=repr(unknown[0]), names=fields))


def _width(text: str) -> int:
    """How many columns ``text`` takes in a monospaced font (Hangul takes two)."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


class Playground(widgets.VBox):
    """The training playground widget. Make it with :func:`playground`.

    Click Train to train with the current controls in a background thread
    (Stop ends the run early); or, from code, ``pg.train(epochs=20)`` sets
    the controls and runs to completion. Finished runs are in ``pg.runs``,
    drawn together in the tray and listed by ``pg.summary()``.

    Parts you can read or drive: ``controls`` (one widget per setting),
    ``train_button``, ``stop_button``, ``status``, ``live`` (the curves of
    the current run), ``tray`` (all runs) and ``table`` (their final metrics).

    Labels, buttons and menus are in the helpers' language when it is built;
    status lines, the tray and ``summary()`` in the language when they are written.

    While the controls stay unchanged, the model of their settings is built
    and traced in the background (:func:`~helpers.training.warm_up`), so a
    click on Train only has to fit it.

    Args:
        settings: the starting :class:`~helpers.run_settings.Settings`; None
            starts from the defaults.
    """

    def __init__(self, settings: run_settings.Settings | None = None) -> None:
        settings = run_settings.validate_settings(
            run_settings.Settings() if settings is None else settings
        )
        self.controls = {name: _control(name, getattr(settings, name)) for name in _CONTROLS}
        self._fixed = {"validation_fraction": settings.validation_fraction, "seed": settings.seed}
        self.train_button = widgets.Button(
            description=_("Train"), button_style="primary", icon="play"
        )
        self.stop_button = widgets.Button(description=_("Stop"), icon="stop", disabled=True)
        self.status = widgets.HTML()
        self.live = widgets.HTML()
        self.tray = widgets.HTML()
        self.table = widgets.HTML()
        self._runs: list[training.RunResult] = []
        self._lock = threading.Lock()
        self._busy = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._outcome: training.RunResult | Exception | None = None
        self.train_button.on_click(self._on_train)
        self.stop_button.on_click(self._on_stop)
        for control in self.controls.values():
            control.observe(self._on_change, "value")
        columns = list(self.controls.values())
        super().__init__(
            children=[
                widgets.HBox([widgets.VBox(columns[:4]), widgets.VBox(columns[4:])]),
                widgets.HBox([self.train_button, self.stop_button]),
                self.status,
                self.live,
                widgets.HTML("<b>{}</b>".format(escape(_("Runs")))),
                self.tray,
                self.table,
            ]
        )
        self._set_status(_("Choose settings and click Train."))
        training.warm_up(settings)

    @property
    def settings(self) -> run_settings.Settings:
        """The settings the controls show now."""
        values = {name: control.value for name, control in self.controls.items()}
        return run_settings.Settings(**values, **self._fixed)

    @property
    def runs(self) -> list[training.RunResult]:
        """The finished runs, oldest first (stopped and diverged ones included)."""
        return list(self._runs)

    def summary(self, *, digits: int = 2) -> str:
        """The tray as a plain-text table: one line per run, final metrics rounded, and
        beside them the baseline: the accuracy of a model that learned nothing.

        Args:
            digits: decimals of the metrics, 0 to 8.

        Example::

            >>> print(pg.summary())  # doctest: +SKIP
            #  run                                                  status    epochs  loss   ...
            1  iris, Adam lr=0.01, 1x16 relu, batch 16, 50 epochs  finished  50      0.054  ...
        """
        digits = whole_number("digits", digits, low=0, high=8)
        rows = self._rows(digits)
        widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
        return "\n".join(
            "  ".join(
                cell + " " * (width - _width(cell)) for cell, width in zip(row, widths, strict=True)
            ).rstrip()
            for row in rows
        )

    def _rows(self, digits: int) -> list[list[str]]:
        """The header and one row per run, as text (metric names as :func:`metric_label` gives
        them: in Korean, the Keras key in parentheses). The last column is the run's
        :attr:`~helpers.training.RunResult.baseline`: the accuracy of always answering
        the most common class, which a model that learned something must beat."""
        names = dict.fromkeys(name for run in self._runs for name in run.final)
        names = sorted(names, key=metric_order)
        baseline = [_("baseline")] if self._runs else []
        rows = [["#", _("run"), _("status"), _("epochs"), *map(metric_label, names), *baseline]]
        for i, run in enumerate(self._runs, start=1):
            values = [run.final.get(name, math.nan) for name in names] + [run.baseline]
            status = _(_STATUSES[run.status]) if run.status in _STATUSES else run.status
            rows.append(
                [str(i), run.settings.label, status, str(run.epochs_run)]
                + [f"{value:.{digits}f}" for value in values]
            )
        return rows

    def _set_status(self, text: str, *, error: bool = False) -> None:
        color = "#b00020" if error else "inherit"
        self.status.value = f'<span style="color:{color}">{escape(text)}</span>'

    def _refresh_tray(self) -> None:
        runs = {f"{i}: {run.settings.label}": run.history for i, run in enumerate(self._runs, 1)}
        self.tray.value = curves_svg(runs)
        header, *rows = self._rows(3)

        def row_html(tag: str, cells: list[str]) -> str:
            style = "text-align:left;padding:1px 8px"
            if tag == "th":  # a squeezed column must not break its header (상태) per syllable
                style += ";white-space:nowrap"
            cells_html = "".join(f'<{tag} style="{style}">{escape(c)}</{tag}>' for c in cells)
            return f"<tr>{cells_html}</tr>"

        lines = [row_html("th", header)] + [row_html("td", row) for row in rows]
        self.table.value = f"<table>{''.join(lines)}</table>"

    def train(self, **overrides: Any) -> training.RunResult:
        """Set the controls to ``overrides``, then train in this thread and return the run.

        It takes the Train button's path, so the run is drawn live and joins
        the tray.

        Args:
            **overrides: settings to change, any fields of
                :class:`~helpers.run_settings.Settings`.

        Raises:
            TypeError, ValueError: an impossible setting (also shown in the status line).
            RuntimeError: a run is already going.

        Example::

            result = pg.train(optimizer="sgd", learning_rate=0.1, epochs=20)
        """
        _check_names(overrides)
        busy = RuntimeError(_("A run is already going: call pg.wait() or click Stop first."))
        if self._busy:
            raise busy
        settings = self._checked(dataclasses.replace(self.settings, **overrides))
        if not self._claim():
            raise busy
        for name in overrides:  # busy: these changes start no warm-up, the run follows at once
            if name in self.controls:
                _show(self.controls[name], getattr(settings, name))
            else:
                self._fixed[name] = getattr(settings, name)
        self._start(settings, background=False)
        return self.wait()

    def wait(self, timeout: float | None = None) -> training.RunResult | None:
        """Wait for the current run to end and return it (None if nothing ran yet).

        Args:
            timeout: seconds to wait at most; None waits as long as it takes.

        Raises:
            TimeoutError: the run is still going after ``timeout`` seconds.
            Exception: the error that ended a failed run, raised again.
        """
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                message = _("The run is still going after {timeout} s: wait longer or click Stop.")
                raise TimeoutError(message.format(timeout=timeout))
        if isinstance(self._outcome, Exception):
            raise self._outcome
        return self._outcome

    def _on_stop(self, _button: Any = None) -> None:
        if self._busy:
            self._stop.set()
            self._set_status(_("Stopping..."))

    def _checked(self, settings: run_settings.Settings) -> run_settings.Settings:
        """``validate_settings(settings)``, its refusal shown in the status line too."""
        try:
            return run_settings.validate_settings(settings)
        except (TypeError, ValueError) as error:
            self._set_status(_("Can't train: {error}").format(error=error), error=True)
            raise

    def _on_train(self, _button: Any = None) -> None:
        """The Train button: start a run in the background unless the controls are impossible."""
        try:
            settings = self._checked(self.settings)
        except (TypeError, ValueError):
            return  # shown in the status line
        if self._claim():  # a second click while a run is going does nothing
            self._start(settings, background=True)

    def _on_change(self, _change: Any = None) -> None:
        """Prepare the model of the settings shown, unless a run is going (it does so after)."""
        if self._busy:
            return
        try:
            training.warm_up(self.settings)
        except (TypeError, ValueError):
            pass  # impossible settings: Train explains them in the status line

    def _claim(self) -> bool:
        """Mark the playground busy, unless a run is going; return whether it was free."""
        with self._lock:
            if self._busy:
                return False
            self._busy = True
            return True

    def _start(self, settings: run_settings.Settings, *, background: bool) -> None:
        """Start a run with checked ``settings``; the caller has claimed the playground."""
        self._stop.clear()
        self.train_button.disabled, self.stop_button.disabled = True, False
        self._set_status(_("Training: {label}...").format(label=settings.label))
        building = _("Building the model: the curves appear after the first epoch.")
        self.live.value = f"<i>{escape(building)}</i>"
        if background:
            self._thread = threading.Thread(
                target=self._run, args=(settings,), name=RUN_THREAD, daemon=True
            )
            self._thread.start()
        else:
            self._thread = None
            self._run(settings)

    def _run(self, settings: run_settings.Settings) -> None:
        from helpers.live import LivePlot  # it subclasses a Keras class: Keras loads here

        try:
            result = training.train_run(
                settings,
                callbacks=[LivePlot(target=self.live)],
                should_stop=self._stop.is_set,
            )
        except Exception as error:  # a background thread can only report it here
            self._outcome = error
            message = _("The run failed: {kind}: {error}").format(
                kind=type(error).__name__, error=error
            )
            self._set_status(message, error=True)
        else:
            self._outcome = result
            self._runs.append(result)
            self._refresh_tray()
            failed = result.status == "diverged"
            # One full stop: a message may end with its own (a diverged run's does).
            message = result.message.rstrip(".")
            self._set_status(
                _("Run {number}: {message}.").format(number=len(self._runs), message=message),
                error=failed,
            )
        finally:
            self.train_button.disabled, self.stop_button.disabled = False, True
            with self._lock:
                self._busy = False
            if self.settings != settings:  # the controls changed during the run
                self._on_change()


def playground(**defaults: Any) -> Playground:
    """Build the training playground; display it by making it a cell's last line.

    Args:
        **defaults: the starting settings, any fields of
            :class:`~helpers.run_settings.Settings`.

    Raises:
        TypeError: a name is not a setting, or a setting has the wrong kind of value.
        ValueError: a setting is out of range or impossible for the dataset.

    Example::

        pg = playground(dataset="breast_cancer", epochs=30)
        pg
    """
    _check_names(defaults)
    return Playground(run_settings.Settings(**defaults))
