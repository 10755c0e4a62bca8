"""The training playground: pick a dataset and hyperparameters, train, compare runs.

The logic is plain Python you can call and test without widgets:

- :class:`Settings` holds one run's choices; :func:`validate_settings`
  explains impossible ones in plain words;
- :func:`train_run` trains a small real Keras model and returns a
  :class:`RunResult` (history, final metrics, status).

:class:`Playground` (made by :func:`playground`) wires widgets to that logic:
Train runs :func:`train_run` in a background thread, so the notebook stays
responsive and Stop works, while a :class:`~helpers.live.LivePlot` draws the
curves; every finished run joins the tray below.

Importing this module does not load TensorFlow: that happens at the first run.
"""

from __future__ import annotations

import dataclasses
import math
import numbers
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from html import escape
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets
import numpy as np

from helpers import data

if TYPE_CHECKING:
    import keras

__all__ = [
    "ACTIVATIONS",
    "DATASETS",
    "OPTIMIZERS",
    "Playground",
    "RunResult",
    "Settings",
    "build_model",
    "playground",
    "train_run",
    "validate_settings",
]

#: Dataset name -> what the dropdown shows.
DATASETS: dict[str, str] = {
    "iris": "iris flowers (150, 3 classes)",
    "breast_cancer": "breast cancer (569, 2 classes)",
    "xor": "XOR (200 noisy points, 2 classes)",
    "mnist_subset": "MNIST digits (5,000, 10 classes)",
}
#: Optimizer name -> how it is written in prose.
OPTIMIZERS: dict[str, str] = {
    "sgd": "SGD",
    "sgd_momentum": "SGD with momentum",
    "rmsprop": "RMSprop",
    "adam": "Adam",
    "nadam": "Nadam",
}
ACTIVATIONS: tuple[str, ...] = ("relu", "tanh", "sigmoid", "linear")
_LIMITS = {"hidden_layers": (0, 10), "units": (1, 1024), "epochs": (1, 1000)}


# ---------------------------------------------------------------- settings ---


@dataclass(frozen=True)
class Settings:
    """One run's choices. Check them with :func:`validate_settings`.

    Example::

        >>> Settings(optimizer="sgd", learning_rate=0.1).label
        'iris, SGD lr=0.1, 1x16 relu, batch 16, 50 epochs'
    """

    dataset: str = "iris"
    hidden_layers: int = 1
    units: int = 16
    activation: str = "relu"
    optimizer: str = "adam"
    learning_rate: float = 0.01
    epochs: int = 50
    batch_size: int = 16
    validation_fraction: float = 0.3
    seed: int = 0

    @property
    def label(self) -> str:
        """A short description for legends and tables."""
        layers = (
            f"{self.hidden_layers}x{self.units} {self.activation}"
            if self.hidden_layers
            else "no hidden layer"
        )
        optimizer = OPTIMIZERS.get(self.optimizer, self.optimizer)
        return (
            f"{self.dataset}, {optimizer} lr={self.learning_rate:.4g}, {layers}, "
            f"batch {self.batch_size}, {self.epochs} epochs"
        )


_FIELDS = tuple(f.name for f in dataclasses.fields(Settings))


@cache
def _dataset(name: str) -> tuple[np.ndarray, np.ndarray]:
    """Features as float32 rows and integer labels of a bundled dataset (cached)."""
    if name == "xor":
        return data.make_xor(200, noise=0.1)
    if name == "mnist_subset":
        x, y = data.load_mnist_subset()
        return x.reshape(len(x), -1).astype(np.float32) / 255, y
    loader = {"iris": data.load_iris, "breast_cancer": data.load_breast_cancer}[name]
    return loader()


def _check_whole(name: str, value: object, low: int, high: int | None = None) -> None:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be a whole number such as {max(low, 1)}; got {value!r}.")
    if value < low or (high is not None and value > high):
        limit = f"from {low} to {high}" if high is not None else f"{low} or more"
        raise ValueError(f"{name} must be {limit}; got {value}.")


def _check_choice(name: str, value: object, choices: Iterable[str]) -> None:
    if not isinstance(value, str) or value not in choices:
        listed = ", ".join(repr(c) for c in choices)
        raise ValueError(f"Unknown {name} {value!r}: choose one of {listed}.")


def _split_sizes(settings: Settings) -> tuple[int, int]:
    """How many samples train and how many validate (as data.train_test_split splits)."""
    n = len(_dataset(settings.dataset)[0])
    n_val = round(n * settings.validation_fraction)
    return n - n_val, n_val


def validate_settings(settings: Settings) -> None:
    """Raise ``ValueError`` (or ``TypeError``) explaining an impossible setting.

    Example::

        >>> validate_settings(Settings(batch_size=500))
        Traceback (most recent call last):
        ValueError: batch size 500 is larger than the training set: iris has 105 ...
    """
    if not isinstance(settings, Settings):
        raise TypeError(f"Expected Settings(...); got {type(settings).__name__}.")
    _check_choice("dataset", settings.dataset, DATASETS)
    _check_choice("activation", settings.activation, ACTIVATIONS)
    _check_choice("optimizer", settings.optimizer, OPTIMIZERS)
    for name, (low, high) in _LIMITS.items():
        _check_whole(name, getattr(settings, name), low, high)
    _check_whole("batch_size", settings.batch_size, 1)
    _check_whole("seed", settings.seed, 0)
    rate = settings.learning_rate
    if isinstance(rate, bool) or not isinstance(rate, numbers.Real):
        raise TypeError(f"learning_rate must be a number such as 0.01; got {rate!r}.")
    if not (rate > 0 and math.isfinite(rate)):
        raise ValueError(
            f"learning rate must be a positive number such as 0.01 (the size of each step "
            f"down the loss); got {rate}."
        )
    fraction = settings.validation_fraction
    if isinstance(fraction, bool) or not isinstance(fraction, numbers.Real):
        raise TypeError(f"validation_fraction must be a number such as 0.3; got {fraction!r}.")
    if not 0 <= fraction < 1:
        raise ValueError(
            "validation_fraction must be at least 0 (no validation) and below 1 (0.3 holds "
            f"out 30% of the samples); got {fraction}."
        )
    n_train, n_val = _split_sizes(settings)
    if n_train < 1 or (fraction > 0 and n_val < 1):
        raise ValueError(
            f"validation_fraction {fraction} leaves {n_train} training and {n_val} validation "
            f"samples of {settings.dataset}: choose a fraction that keeps both sides non-empty."
        )
    if settings.batch_size > n_train:
        held_out = f" after holding out {fraction:.0%} for validation" if n_val else ""
        raise ValueError(
            f"batch size {settings.batch_size} is larger than the training set: "
            f"{settings.dataset} has {n_train} training samples{held_out}. "
            f"Choose a batch size of {n_train} or less."
        )


# ----------------------------------------------------------------- training ---


@dataclass(frozen=True, eq=False)
class RunResult:
    """What one run produced.

    ``status`` is ``"finished"``, ``"stopped"`` (Stop was pressed) or
    ``"diverged"`` (the loss became NaN or infinite); ``message`` says it in
    words. ``history`` maps each metric to one value per epoch run.
    """

    settings: Settings
    history: dict[str, list[float]]
    status: str
    message: str
    seconds: float

    @property
    def final(self) -> dict[str, float]:
        """Each metric's value at the last epoch run."""
        return {name: values[-1] for name, values in self.history.items()}

    @property
    def epochs_run(self) -> int:
        return len(self.history.get("loss", []))


def _prepared(settings: Settings) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Train and validation arrays, standardised with the training statistics."""
    x, y = _dataset(settings.dataset)
    if settings.validation_fraction > 0:
        (x_train, y_train), (x_val, y_val) = data.train_test_split(
            x, y, test_fraction=settings.validation_fraction, seed=settings.seed
        )
    else:
        x_train, y_train, x_val, y_val = x, y, x[:0], y[:0]
    mean, std = x_train.mean(axis=0), x_train.std(axis=0)
    std[std < 1e-6] = 1.0  # a constant column (e.g. an always-black pixel) stays 0
    if y.max() == 1:  # binary: one sigmoid output wants float labels
        y_train, y_val = y_train.astype(np.float32), y_val.astype(np.float32)
    return (x_train - mean) / std, y_train, (x_val - mean) / std, y_val


def build_model(settings: Settings) -> keras.Model:
    """The compiled Keras model a run trains: Dense hidden layers, then the output layer.

    Two classes get one sigmoid unit and binary cross-entropy; more get softmax
    and sparse categorical cross-entropy. Accuracy is the metric.

    Example::

        >>> build_model(Settings(hidden_layers=2, units=8)).count_params()  # 40 + 72 + 27
        139
    """
    import keras

    validate_settings(settings)
    x, y = _dataset(settings.dataset)
    classes = int(y.max()) + 1
    hidden = [
        keras.layers.Dense(settings.units, activation=settings.activation)
        for _ in range(settings.hidden_layers)
    ]
    if classes == 2:
        output, loss = keras.layers.Dense(1, activation="sigmoid"), "binary_crossentropy"
    else:
        output = keras.layers.Dense(classes, activation="softmax")
        loss = "sparse_categorical_crossentropy"
    model = keras.Sequential([keras.Input(shape=(x.shape[1],)), *hidden, output])
    rate = float(settings.learning_rate)  # Keras rejects an int such as 10
    optimizer = {
        "sgd": lambda: keras.optimizers.SGD(learning_rate=rate),
        "sgd_momentum": lambda: keras.optimizers.SGD(learning_rate=rate, momentum=0.9),
        "rmsprop": lambda: keras.optimizers.RMSprop(learning_rate=rate),
        "adam": lambda: keras.optimizers.Adam(learning_rate=rate),
        "nadam": lambda: keras.optimizers.Nadam(learning_rate=rate),
    }[settings.optimizer]()
    model.compile(optimizer=optimizer, loss=loss, metrics=["accuracy"])
    return model


def _batches(x: np.ndarray, y: np.ndarray, batch_size: int, seed: int) -> Iterator[tuple]:
    """Endless shuffled batches: one pass over the data per epoch.

    Feeding ``fit`` a generator with ``steps_per_epoch`` keeps one input
    pipeline for the whole run; arrays make a new one every epoch, which
    costs more than the training itself on data this small.
    """
    rng = np.random.default_rng(seed)
    while True:
        order = rng.permutation(len(x))
        for start in range(0, len(x), batch_size):
            batch = order[start : start + batch_size]
            yield x[batch], y[batch]


def train_run(
    settings: Settings,
    *,
    callbacks: Iterable[Any] = (),
    should_stop: Callable[[], bool] | None = None,
) -> RunResult:
    """Train the model of ``settings`` and report what happened.

    Seeds everything with ``settings.seed`` (``keras.utils.set_random_seed``),
    standardises the inputs with the training set's mean and standard
    deviation, and validates on the held-out part after every epoch (as
    ``val_loss`` and ``val_accuracy`` in the history, which ``callbacks`` such
    as :class:`~helpers.live.LivePlot` see too). ``should_stop`` is asked
    before every batch; when it returns True the run ends with status
    ``"stopped"``. A loss that becomes NaN or infinite ends it with status
    ``"diverged"``.

    Example::

        >>> result = train_run(Settings(epochs=5))
        >>> result.status, result.epochs_run, sorted(result.final)
        ('finished', 5, ['accuracy', 'loss', 'val_accuracy', 'val_loss'])
    """
    import keras

    validate_settings(settings)
    callbacks = list(callbacks)
    for callback in callbacks:
        if not isinstance(callback, keras.callbacks.Callback):
            raise TypeError(
                "callbacks must be Keras callbacks such as LivePlot(); "
                f"got {type(callback).__name__}."
            )
    if should_stop is not None and not callable(should_stop):
        raise TypeError(
            "should_stop must be a function that returns True to stop, such as "
            f"event.is_set; got {type(should_stop).__name__}."
        )
    x_train, y_train, x_val, y_val = _prepared(settings)
    keras.utils.set_random_seed(settings.seed)
    model = build_model(settings)
    outcome = {"status": "finished", "epoch": settings.epochs, "loss": 0.0}

    def before_batch(batch: int, logs: dict | None = None) -> None:
        if should_stop is not None and should_stop():
            outcome["status"] = "stopped"
            model.stop_training = True

    def after_epoch(epoch: int, logs: dict) -> None:
        if len(x_val):  # one batch: cheaper than fit's own per-epoch evaluate()
            scores = model.test_on_batch(x_val, y_val, return_dict=True)
            logs.update({f"val_{name}": value for name, value in scores.items()})
        outcome["epoch"] = epoch + 1
        if not math.isfinite(logs["loss"]):
            outcome.update(status="diverged", loss=logs["loss"])
            model.stop_training = True

    control = keras.callbacks.LambdaCallback(
        on_train_batch_begin=before_batch, on_epoch_end=after_epoch
    )
    started = time.perf_counter()
    history = model.fit(
        _batches(x_train, y_train, settings.batch_size, settings.seed),
        steps_per_epoch=math.ceil(len(x_train) / settings.batch_size),
        epochs=settings.epochs,
        shuffle=False,
        verbose=0,
        callbacks=[control, *callbacks],  # control first: the others see val_ metrics
    )
    seconds = time.perf_counter() - started
    status, epoch = outcome["status"], outcome["epoch"]
    if status == "diverged":
        what = "NaN" if math.isnan(outcome["loss"]) else "infinite"
        name = OPTIMIZERS[settings.optimizer]
        message = (
            f"learning rate {settings.learning_rate:g} is too large for {name}: the loss "
            f"became {what} at epoch {epoch}. Try {settings.learning_rate / 10:g} or smaller."
        )
    elif status == "stopped":
        message = f"stopped after {epoch} of {settings.epochs} epochs"
    else:
        message = f"finished {epoch} epochs"
    history_dict = {name: [float(v) for v in values] for name, values in history.history.items()}
    return RunResult(settings, history_dict, status, message, seconds)


# ----------------------------------------------------------------- widgets ---

_CONTROLS = ("dataset", "hidden_layers", "units", "activation",
             "optimizer", "learning_rate", "epochs", "batch_size")  # fmt: skip
_SLIDER_RANGES = {
    "hidden_layers": (0, 4),
    "units": (1, 128),
    "epochs": (1, 200),
    "batch_size": (1, 256),
}


def _control(name: str, value: Any) -> widgets.ValueWidget:
    """The widget that sets one field of Settings, showing ``value``."""
    common = {
        "description": name.replace("_", " "),
        "style": {"description_width": "110px"},
        "layout": {"width": "360px"},
    }
    if name in ("dataset", "optimizer", "activation"):
        choices = {"dataset": DATASETS, "optimizer": OPTIMIZERS}.get(name)
        options = list(ACTIVATIONS) if choices is None else [(v, k) for k, v in choices.items()]
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
    unknown = sorted(set(names) - set(_FIELDS))
    if unknown:
        raise TypeError(f"Unknown setting {unknown[0]!r}; the settings are {', '.join(_FIELDS)}.")


def _metric_order(name: str) -> tuple[bool, bool, str]:
    """Loss before other metrics, training before validation."""
    base = name.removeprefix("val_")
    return (name.startswith("val_"), base != "loss", base)


class Playground(widgets.VBox):
    """The training playground widget. Make it with :func:`playground`.

    Click Train to train with the current controls in a background thread
    (Stop ends the run early); or, from code, ``pg.train(epochs=20)`` sets
    the controls and runs to completion. Finished runs are in ``pg.runs``,
    drawn together in the tray and listed by ``pg.summary()``.

    Parts you can read or drive: ``controls`` (one widget per setting),
    ``train_button``, ``stop_button``, ``status``, ``live`` (the curves of
    the current run), ``tray`` (all runs) and ``table`` (their final metrics).
    """

    def __init__(self, settings: Settings | None = None) -> None:
        settings = Settings() if settings is None else settings
        validate_settings(settings)
        self.controls = {name: _control(name, getattr(settings, name)) for name in _CONTROLS}
        self._fixed = {"validation_fraction": settings.validation_fraction, "seed": settings.seed}
        self.train_button = widgets.Button(description="Train", button_style="primary", icon="play")
        self.stop_button = widgets.Button(description="Stop", icon="stop", disabled=True)
        self.status = widgets.HTML()
        self.live = widgets.HTML()
        self.tray = widgets.HTML()
        self.table = widgets.HTML()
        self._runs: list[RunResult] = []
        self._lock = threading.Lock()
        self._busy = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._outcome: RunResult | Exception | None = None
        self.train_button.on_click(lambda _button: self._start(background=True))
        self.stop_button.on_click(self._on_stop)
        columns = list(self.controls.values())
        super().__init__(
            children=[
                widgets.HBox([widgets.VBox(columns[:4]), widgets.VBox(columns[4:])]),
                widgets.HBox([self.train_button, self.stop_button]),
                self.status,
                self.live,
                widgets.HTML("<b>Runs</b>"),
                self.tray,
                self.table,
            ]
        )
        self._set_status("Choose settings and click Train.")

    @property
    def settings(self) -> Settings:
        """The settings the controls show now."""
        values = {name: control.value for name, control in self.controls.items()}
        return Settings(**values, **self._fixed)

    @property
    def runs(self) -> list[RunResult]:
        """The finished runs, oldest first (stopped and diverged ones included)."""
        return list(self._runs)

    def summary(self, *, digits: int = 2) -> str:
        """The tray as a plain-text table: one line per run, final metrics rounded.

        Example::

            >>> print(pg.summary())  # doctest: +SKIP
            #  run                                                  status    epochs  loss   ...
            1  iris, Adam lr=0.01, 1x16 relu, batch 16, 50 epochs  finished  50      0.054  ...
        """
        _check_whole("digits", digits, 0, 8)
        rows = self._rows(digits)
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        return "\n".join(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
            for row in rows
        )

    def _rows(self, digits: int) -> list[list[str]]:
        """The header and one row per run, as text."""
        names = sorted({name for run in self._runs for name in run.final}, key=_metric_order)
        rows = [["#", "run", "status", "epochs", *names]]
        for i, run in enumerate(self._runs, start=1):
            values = [run.final.get(name, math.nan) for name in names]
            rows.append(
                [str(i), run.settings.label, run.status, str(run.epochs_run)]
                + [f"{value:.{digits}f}" for value in values]
            )
        return rows

    def _set_status(self, text: str, *, error: bool = False) -> None:
        color = "#b00020" if error else "inherit"
        self.status.value = f'<span style="color:{color}">{escape(text)}</span>'

    def _refresh_tray(self) -> None:
        from helpers.live import curves_svg

        runs = {f"{i}: {run.settings.label}": run.history for i, run in enumerate(self._runs, 1)}
        self.tray.value = curves_svg(runs)
        header, *rows = self._rows(3)

        def row_html(tag: str, cells: list[str]) -> str:
            style = "text-align:left;padding:1px 8px"
            cells_html = "".join(f'<{tag} style="{style}">{escape(c)}</{tag}>' for c in cells)
            return f"<tr>{cells_html}</tr>"

        lines = [row_html("th", header)] + [row_html("td", row) for row in rows]
        self.table.value = f"<table>{''.join(lines)}</table>"

    def train(self, **overrides: Any) -> RunResult:
        """Set the controls to ``overrides``, then train in this thread and return the run.

        It takes the Train button's path, so the run is drawn live and joins
        the tray. Raises ``ValueError`` for an impossible setting (also shown
        in the status line) and ``RuntimeError`` if a run is already going.

        Example::

            result = pg.train(optimizer="sgd", learning_rate=0.1, epochs=20)
        """
        _check_names(overrides)
        busy = RuntimeError("A run is already going: call pg.wait() or click Stop first.")
        if self._busy:
            raise busy
        try:
            validate_settings(dataclasses.replace(self.settings, **overrides))
        except (TypeError, ValueError) as error:
            self._set_status(f"Can't train: {error}", error=True)
            raise
        for name, value in overrides.items():
            if name in self.controls:
                _show(self.controls[name], value)
            else:
                self._fixed[name] = value
        if not self._start(background=False):
            raise busy
        return self.wait()

    def wait(self, timeout: float | None = None) -> RunResult | None:
        """Wait for the current run to end and return it (None if nothing ran yet).

        Raises ``TimeoutError`` if it is still going after ``timeout`` seconds,
        and re-raises the error that ended a failed run.
        """
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                raise TimeoutError(
                    f"The run is still going after {timeout} s: wait longer or click Stop."
                )
        if isinstance(self._outcome, Exception):
            raise self._outcome
        return self._outcome

    def _on_stop(self, _button: Any = None) -> None:
        if self._busy:
            self._stop.set()
            self._set_status("Stopping after this batch...")

    def _start(self, *, background: bool) -> bool:
        """Start a run with the controls' settings, unless one is going or they are impossible.

        Returns whether it started. Invalid settings are shown in the status
        line, and raised too when ``background`` is false (a call from code).
        """
        settings = self.settings
        try:
            validate_settings(settings)
        except (TypeError, ValueError) as error:
            self._set_status(f"Can't train: {error}", error=True)
            if background:
                return False
            raise
        with self._lock:  # a second click while a run is going does nothing
            if self._busy:
                return False
            self._busy = True
        self._stop.clear()
        self.train_button.disabled, self.stop_button.disabled = True, False
        self._set_status(f"Training: {settings.label}...")
        self.live.value = "<i>Building the model: the curves appear after the first epoch.</i>"
        if background:
            self._thread = threading.Thread(target=self._run, args=(settings,), daemon=True)
            self._thread.start()
        else:
            self._thread = None
            self._run(settings)
        return True

    def _run(self, settings: Settings) -> None:
        from helpers.live import LivePlot

        try:
            result = train_run(
                settings, callbacks=[LivePlot(target=self.live)], should_stop=self._stop.is_set
            )
        except Exception as error:  # a background thread can only report it here
            self._outcome = error
            self._set_status(f"The run failed: {type(error).__name__}: {error}", error=True)
        else:
            self._outcome = result
            self._runs.append(result)
            self._refresh_tray()
            failed = result.status == "diverged"
            self._set_status(f"Run {len(self._runs)}: {result.message}.", error=failed)
        finally:
            self.train_button.disabled, self.stop_button.disabled = False, True
            with self._lock:
                self._busy = False


def playground(**defaults: Any) -> Playground:
    """Build the training playground; display it by making it a cell's last line.

    ``defaults`` are the starting settings (any field of :class:`Settings`).

    Example::

        pg = playground(dataset="breast_cancer", epochs=30)
        pg
    """
    _check_names(defaults)
    return Playground(Settings(**defaults))
