"""The playground's training logic, plain Python you can call and test without widgets.

- :class:`Settings` holds one run's choices; :func:`validate_settings`
  explains impossible ones in plain words (both live in :mod:`helpers.run_settings`
  and are importable from here);
- :func:`build_model` makes the small Keras model a run trains;
- :func:`train_run` trains it and returns a :class:`RunResult` (history,
  final metrics, status), validated and watched by a ``RunMonitor`` callback.

Importing this module loads neither TensorFlow nor ipywidgets: Keras loads
at the first model, so the playground widget that imports this opens at once.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np

from helpers import data
from helpers.checks import refusal
from helpers.i18n import _
from helpers.run_settings import (
    ACTIVATIONS,
    DATASET_NAMES,
    FIELDS,
    LIMITS,
    OPTIMIZERS,
    Settings,
    validate_settings,
)

if TYPE_CHECKING:
    import keras

__all__ = [
    "ACTIVATIONS",
    "DATASET_NAMES",
    "FIELDS",
    "LIMITS",
    "OPTIMIZERS",
    "RunResult",
    "Settings",
    "build_model",
    "train_run",
    "validate_settings",
]


# ----------------------------------------------------------------- training ---


@dataclass(frozen=True, eq=False)
class RunResult:
    """What one run produced.

    Args:
        settings: the run's :class:`Settings`.
        history: each metric -> one value per epoch run.
        status: ``"finished"``, ``"stopped"`` (Stop was pressed) or
            ``"diverged"`` (the loss became NaN or infinite).
        message: the status in words.
        seconds: how long the training took.
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


@cache
def _inputs(name: str) -> tuple[np.ndarray, np.ndarray]:
    """A dataset's prepared inputs (float32 rows) and labels, loaded once."""
    dataset = data.DATASETS[name]
    x, y = dataset.load()
    return dataset.prepare(x), y


def _prepared(settings: Settings) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Train and validation arrays, standardised with the training statistics if the
    dataset's ``standardize`` asks for it."""
    dataset = data.DATASETS[settings.dataset]
    x, y = _inputs(settings.dataset)
    if settings.validation_fraction > 0:
        (x_train, y_train), (x_val, y_val) = data.train_test_split(
            x, y, test_fraction=settings.validation_fraction, seed=settings.seed
        )
    else:
        x_train, y_train, x_val, y_val = x, y, x[:0], y[:0]
    if dataset.standardize:
        mean, std = x_train.mean(axis=0), x_train.std(axis=0)
        std[std < 1e-6] = 1.0  # a constant column stays 0
        x_train, x_val = (x_train - mean) / std, (x_val - mean) / std
    if dataset.task == "binary":  # one sigmoid output wants float labels
        y_train, y_val = y_train.astype(np.float32), y_val.astype(np.float32)
    return x_train, y_train, x_val, y_val


def build_model(settings: Settings) -> keras.Model:
    """The compiled Keras model a run trains: Dense hidden layers, then the output layer.

    Two classes get one sigmoid unit and binary cross-entropy; more get softmax
    and sparse categorical cross-entropy. Accuracy is the metric.

    Args:
        settings: the run's :class:`Settings` (checked first).

    Returns:
        A compiled ``keras.Sequential`` model.

    Example::

        >>> build_model(Settings(hidden_layers=2, units=8)).count_params()  # 40 + 72 + 27
        139
    """
    return _build(validate_settings(settings))


def _build(settings: Settings) -> keras.Model:
    """:func:`build_model` for settings already checked."""
    import keras

    dataset = data.DATASETS[settings.dataset]
    hidden = [
        keras.layers.Dense(settings.units, activation=settings.activation)
        for _ in range(settings.hidden_layers)
    ]
    if dataset.task == "binary":
        output, loss = keras.layers.Dense(1, activation="sigmoid"), "binary_crossentropy"
    else:
        output = keras.layers.Dense(dataset.n_classes, activation="softmax")
        loss = "sparse_categorical_crossentropy"
    model = keras.Sequential([keras.Input(shape=(dataset.n_features,)), *hidden, output])
    rate = settings.learning_rate
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


@cache
def _monitor_class() -> type:
    """Define :class:`RunMonitor` (it subclasses a Keras class, so Keras loads here)."""
    import keras

    class RunMonitor(keras.callbacks.Callback):
        """Validates after every epoch and ends the run when asked or when the loss diverges.

        After each epoch it scores the model on the held-out arrays with one
        ``test_on_batch`` (about 2 ms, where ``fit(validation_data=...)`` runs
        ``evaluate()`` at tens of ms) and adds ``val_loss``, ``val_accuracy``...
        to the epoch's logs. Callbacks listed before it see the epoch without
        them (Keras calls them in list order), so :func:`train_run` puts it
        first; its own findings do not depend on where it stands.

        Args:
            x_val: the validation inputs; empty to skip validation.
            y_val: their labels.
            should_stop: asked before every batch; when it returns True the run
                ends after that batch. None never asks.

        Attributes:
            status: ``"finished"``, ``"stopped"`` (``should_stop`` said so) or
                ``"diverged"`` (the training loss became NaN or infinite).
            epochs_run: how many epochs ended (a stopped one included).
            diverged_loss: the loss that ended a diverged run, else None.
        """

        def __init__(self, x_val: np.ndarray, y_val: np.ndarray, should_stop: Any = None) -> None:
            super().__init__()
            self.x_val, self.y_val, self.should_stop = x_val, y_val, should_stop
            self.on_train_begin()

        def on_train_begin(self, logs: dict | None = None) -> None:
            self.status, self.epochs_run, self.diverged_loss = "finished", 0, None

        def on_train_batch_begin(self, batch: int, logs: dict | None = None) -> None:
            if self.should_stop is not None and self.should_stop():
                self.status = "stopped"
                self.model.stop_training = True

        def on_epoch_end(self, epoch: int, logs: dict | None = None) -> None:
            logs = {} if logs is None else logs
            if len(self.x_val):  # one batch: all the held-out samples at once
                scores = self.model.test_on_batch(self.x_val, self.y_val, return_dict=True)
                logs.update({f"val_{name}": value for name, value in scores.items()})
            self.epochs_run = epoch + 1
            loss = logs.get("loss", 0.0)
            if not math.isfinite(loss):
                self.status, self.diverged_loss = "diverged", loss
                self.model.stop_training = True

    return RunMonitor


def __getattr__(name: str) -> Any:
    """Make :class:`RunMonitor` on first use, so that importing this module loads no Keras."""
    if name == "RunMonitor":
        return _monitor_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _check_options(callbacks: list[Any], should_stop: object) -> None:
    import keras

    for callback in callbacks:
        if not isinstance(callback, keras.callbacks.Callback):
            must_be = _("Keras callbacks such as LivePlot()")
            raise TypeError(refusal("callbacks", must_be, callback))
    if should_stop is not None and not callable(should_stop):
        must_be = _("a function that returns True to stop, such as event.is_set")
        raise TypeError(refusal("should_stop", must_be, should_stop))


def _message(settings: Settings, monitor: Any) -> str:
    """The run's ending in words, in the helpers' language."""
    epoch = monitor.epochs_run
    if monitor.status == "diverged":
        if math.isnan(monitor.diverged_loss):
            text = _("learning rate {rate:g} is too large for {optimizer}: the loss became NaN "
                     "at epoch {epoch}. Try {smaller:g} or smaller.")  # fmt: skip
        else:
            text = _("learning rate {rate:g} is too large for {optimizer}: the loss became "
                     "infinite at epoch {epoch}. Try {smaller:g} or smaller.")  # fmt: skip
        rate, optimizer = settings.learning_rate, _(OPTIMIZERS[settings.optimizer])
        return text.format(rate=rate, optimizer=optimizer, epoch=epoch, smaller=rate / 10)
    if monitor.status == "stopped":
        return _("stopped after {epoch} of {epochs} epochs").format(
            epoch=epoch, epochs=settings.epochs
        )
    return _("finished {epoch} epochs").format(epoch=epoch)


def train_run(
    settings: Settings,
    *,
    callbacks: Iterable[Any] = (),
    should_stop: Callable[[], bool] | None = None,
) -> RunResult:
    """Train the model of ``settings`` and report what happened.

    Seeds everything with ``settings.seed`` (``keras.utils.set_random_seed``),
    standardises the inputs with the training set's mean and standard
    deviation (MNIST's pixels are scaled to 0-1 instead), and validates on the
    held-out part after every epoch (as ``val_loss`` and ``val_accuracy`` in
    the history, which ``callbacks`` see too). A :class:`RunMonitor` ends the
    run with status ``"stopped"`` when ``should_stop`` returns True, or
    ``"diverged"`` when the loss becomes NaN or infinite.

    Args:
        settings: the run's :class:`Settings` (checked first).
        callbacks: more Keras callbacks for ``fit``, such as
            :class:`~helpers.live.LivePlot`.
        should_stop: asked before every batch; return True to end the run.

    Returns:
        A :class:`RunResult`.

    Example::

        >>> result = train_run(Settings(epochs=5))  # doctest: +SKIP
        >>> result.status, result.epochs_run, sorted(result.final)  # doctest: +SKIP
        ('finished', 5, ['accuracy', 'loss', 'val_accuracy', 'val_loss'])
    """
    settings, callbacks = validate_settings(settings), list(callbacks)
    _check_options(callbacks, should_stop)
    import keras

    x_train, y_train, x_val, y_val = _prepared(settings)
    keras.utils.set_random_seed(settings.seed)
    model = _build(settings)
    monitor = _monitor_class()(x_val, y_val, should_stop)
    started = time.perf_counter()
    history = model.fit(
        _batches(x_train, y_train, settings.batch_size, settings.seed),
        steps_per_epoch=math.ceil(len(x_train) / settings.batch_size),
        epochs=settings.epochs,
        shuffle=False,
        verbose=0,
        callbacks=[monitor, *callbacks],  # first, so that the others see the val_ metrics
    )
    seconds = time.perf_counter() - started
    history_dict = {name: [float(v) for v in values] for name, values in history.history.items()}
    return RunResult(settings, history_dict, monitor.status, _message(settings, monitor), seconds)
