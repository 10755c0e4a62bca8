"""The playground's training logic, plain Python you can call and test without widgets.

A run's settings and their checks live in :mod:`helpers.run_settings`
(:class:`~helpers.run_settings.Settings`, :func:`~helpers.run_settings.validate_settings`).
Here:

- :func:`build_model` makes the small Keras model a run trains;
- :func:`train_run` trains it and returns a :class:`RunResult` (history,
  final metrics, status), validated and watched by a ``RunMonitor`` callback;
- :func:`warm_up` builds, compiles and traces the next run's model in a
  background thread, so that the run only has to fit it.

Importing this module loads neither TensorFlow nor ipywidgets: Keras loads
at the first model, so the playground widget that imports this opens at once.
"""

from __future__ import annotations

import math
import random
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np

from helpers import data, run_settings
from helpers.checks import real_number, refusal
from helpers.i18n import _

if TYPE_CHECKING:
    import keras

__all__ = ["RunResult", "build_model", "train_run", "wait_for_warm_up", "warm_up"]

WARM_UP_THREAD = "helpers.training warm-up"  # the name of a warm-up's thread

#: The most batches ``fit`` runs in one call (Keras' ``steps_per_execution``).
MAX_BATCHES_PER_CALL = 32


# ----------------------------------------------------------------- training ---


@dataclass(frozen=True, eq=False)
class RunResult:
    """What one run produced.

    Args:
        settings: the run's :class:`~helpers.run_settings.Settings`.
        history: each metric -> one value per epoch run.
        status: ``"finished"``, ``"stopped"`` (Stop was pressed) or
            ``"diverged"`` (the loss became NaN or infinite).
        message: the status in words.
        seconds: how long the training took.
    """

    settings: run_settings.Settings
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

    @property
    def baseline(self) -> float:
        """The accuracy of a model that learned nothing and always answers the most common
        class: that class's share of the validation labels (of all the labels when none
        are held out). A score is worth something only above it."""
        settings = self.settings
        return _baseline(settings.dataset, settings.validation_fraction, settings.seed)


@cache
def _inputs(name: str) -> tuple[np.ndarray, np.ndarray]:
    """A dataset's prepared inputs (float32 rows) and labels, loaded once."""
    dataset = data.DATASETS[name]
    x, y = dataset.load()
    return dataset.prepare(x), y


@cache
def _baseline(dataset: str, validation_fraction: float, seed: int) -> float:
    """:attr:`RunResult.baseline` for the split that these settings make."""
    split = run_settings.Settings(dataset, validation_fraction=validation_fraction, seed=seed)
    _x_train, y_train, _x_val, y_val = _prepared(split)
    labels = (y_val if len(y_val) else y_train).astype(np.int64)
    return float(np.bincount(labels).max() / len(labels))


def _prepared(
    settings: run_settings.Settings,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
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


def build_model(settings: run_settings.Settings) -> keras.Model:
    """The compiled Keras model a run trains: Dense hidden layers, then the output layer.

    Two classes get one sigmoid unit and binary cross-entropy; more get softmax
    and sparse categorical cross-entropy. Accuracy is the metric. The initial
    weights come from ``settings.seed`` alone (the global seeds are left alone).

    Args:
        settings: the run's :class:`~helpers.run_settings.Settings` (checked first).

    Returns:
        A compiled ``keras.Sequential`` model; ``fit`` runs up to
        :data:`MAX_BATCHES_PER_CALL` batches of ``settings.batch_size`` per call.

    Example::

        >>> from helpers.run_settings import Settings
        >>> build_model(Settings(hidden_layers=2, units=8)).count_params()  # 40 + 72 + 27
        139
    """
    return _build(run_settings.validate_settings(settings))


def _batches_per_epoch(settings: run_settings.Settings) -> int:
    n_samples, fraction = data.DATASETS[settings.dataset].n_samples, settings.validation_fraction
    n_train = data.split_sizes(n_samples, fraction)[0] if fraction else n_samples
    return math.ceil(n_train / settings.batch_size)


def _batches_per_call(batches_per_epoch: int) -> int:
    """The most batches, up to :data:`MAX_BATCHES_PER_CALL`, that divide an epoch evenly.

    Fewer calls cut Keras' cost per call (one call per iris epoch instead of
    seven saves about 6 ms an epoch) and change no number. The division must be
    even: the batches come from one endless generator, so a call that ran past
    an epoch's end would train on the next epoch's batches.
    """
    top = min(batches_per_epoch, MAX_BATCHES_PER_CALL)
    return max(n for n in range(1, top + 1) if batches_per_epoch % n == 0)


def _build(settings: run_settings.Settings) -> keras.Model:
    """:func:`build_model` for settings already checked."""
    import keras

    # Keras seeds each Dense layer's initializer with a number drawn from Python's
    # global random, which keras.utils.set_random_seed seeds. Drawing the same
    # numbers from a generator of our own gives the same weights (a test checks
    # it) without touching the global seeds, which a warm-up in a background
    # thread must leave alone.
    seeds = random.Random(settings.seed)

    def dense(units: int, activation: str) -> keras.layers.Dense:
        initializer = keras.initializers.GlorotUniform(seed=seeds.randint(1, int(1e9)))
        return keras.layers.Dense(units, activation=activation, kernel_initializer=initializer)

    dataset = data.DATASETS[settings.dataset]
    hidden = [dense(settings.units, settings.activation) for _ in range(settings.hidden_layers)]
    if dataset.task == "binary":
        output, loss = dense(1, "sigmoid"), "binary_crossentropy"
    else:
        output, loss = dense(dataset.n_classes, "softmax"), "sparse_categorical_crossentropy"
    model = keras.Sequential([keras.Input(shape=(dataset.n_features,)), *hidden, output])
    choice = run_settings.OPTIMIZERS[settings.optimizer]
    optimizer_class = getattr(keras.optimizers, choice.keras_class)
    model.compile(
        optimizer=optimizer_class(learning_rate=settings.learning_rate, **choice.options),
        loss=loss,
        metrics=["accuracy"],
        steps_per_execution=_batches_per_call(_batches_per_epoch(settings)),
    )
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


def _warmed(settings: run_settings.Settings) -> keras.Model:
    """:func:`_build`, then trace its training and validation steps by running them once.

    Tracing is most of the time to the first epoch. The weights and the
    optimizer's state are put back afterwards (and ``fit`` resets the metrics),
    so the model trains exactly the numbers of a fresh one.
    """
    x_train, y_train, x_val, y_val = _prepared(settings)
    model = _build(settings)
    model.optimizer.build(model.trainable_variables)
    state = [*model.weights, *model.optimizer.variables]
    start = [variable.numpy() for variable in state]
    batches = _batches(x_train, y_train, settings.batch_size, settings.seed)
    model.fit(batches, steps_per_epoch=model.steps_per_execution, shuffle=False, verbose=0)
    if len(x_val):
        model.test_on_batch(x_val, y_val)
    for variable, value in zip(state, start, strict=True):
        variable.assign(value)
    return model


@dataclass(eq=False)
class _Job:
    """One warm-up: its settings, the timer that starts it, and its model once done."""

    settings: run_settings.Settings
    timer: threading.Timer = field(init=False)
    started: bool = False
    done: threading.Event = field(default_factory=threading.Event)
    model: Any = None


class _Warmup:
    """The one slot for a prepared model: see :func:`warm_up`."""

    def __init__(self) -> None:
        self._lock = threading.Lock()  # guards _job and job.started
        self._one_at_a_time = threading.Lock()
        self._job: _Job | None = None

    def start(self, settings: run_settings.Settings, delay: float) -> None:
        with self._lock:
            old = self._job
            if old is not None and old.settings == settings:
                return  # already wanted
            job = self._job = _Job(settings)
            job.timer = threading.Timer(delay, self._prepare, args=(job,))
            job.timer.name = WARM_UP_THREAD
        if old is not None:
            _drop(old)
        job.timer.start()

    def _prepare(self, job: _Job) -> None:
        with self._one_at_a_time:
            with self._lock:
                current = job is self._job and threading.main_thread().is_alive()  # not at exit
                job.started = current
            try:
                if current:
                    job.model = _warmed(job.settings)
            except Exception:  # the run builds its own model and reports what went wrong
                job.model = None
            finally:
                job.done.set()

    def take(self, settings: run_settings.Settings) -> keras.Model | None:
        """The model prepared for exactly ``settings`` (waiting for it if under way), else None.

        Empties the slot: a warm-up still waiting to start is cancelled
        (building afresh is quicker), one under way for other settings ends unused.
        """
        with self._lock:
            job, self._job = self._job, None
            if job is None:
                return None
            if not job.started or job.settings != settings:
                _drop(job)
                return None
        job.done.wait()
        return job.model

    def wait(self, timeout: float | None) -> bool:
        with self._lock:
            job = self._job
        return job is not None and job.done.wait(timeout) and job.model is not None


_warmup = _Warmup()


def warm_up(settings: run_settings.Settings, *, delay: float = 0.3) -> None:
    """Build, compile and trace the model of ``settings`` in a background thread.

    Keras traces a model's training step the first time ``fit`` runs it: on
    small data that is most of the time to the first epoch (about half a
    second on 2 cores). After this, the next :func:`train_run` of these very
    settings takes the prepared model and only fits it, with exactly the numbers
    of a model it builds itself. A run of any other settings never trains it.

    There is one prepared model at a time: the latest call wins. One warm-up
    runs at a time, ``delay`` seconds after it was asked for (so that code that
    changes settings and trains at once starts none); one under way when
    another is asked for finishes unused.

    Args:
        settings: the next run's :class:`~helpers.run_settings.Settings` (checked first).
        delay: seconds to wait before it starts, at least 0.

    Raises:
        TypeError, ValueError: an impossible setting.

    Example::

        warm_up(Settings(epochs=20))  # ... the learner reads, then:
        result = train_run(Settings(epochs=20))  # fits at once
    """
    settings = run_settings.validate_settings(settings)
    _warmup.start(settings, real_number("delay", delay, low=0))


def wait_for_warm_up(timeout: float | None = None) -> bool:
    """Wait for the warm-up last asked for to end; return whether its model is ready.

    False at once when there is none (none asked for, or a run took it).
    """
    return _warmup.wait(timeout)


def _drop(job: _Job) -> None:
    """Cancel a warm-up that has not started (one under way finishes, unused)."""
    job.timer.cancel()
    if not job.started:
        job.done.set()


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
            should_stop: asked before every call of the training step (one or
                more batches: see ``steps_per_execution``); when it returns True
                the run ends after that call. None never asks.

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
                # Keras 3.13 (Colab's) does not reset the metrics in test_on_batch (3.15 does):
                # without this, val_ scores would average in the epoch's training batches.
                self.model.reset_metrics()
                scores = self.model.test_on_batch(self.x_val, self.y_val, return_dict=True)
                # float(): Keras 3.13 returns 0-d arrays here, which the other callbacks
                # (LivePlot's history) do not take for numbers.
                logs.update({f"val_{name}": float(value) for name, value in scores.items()})
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


def _message(settings: run_settings.Settings, monitor: Any) -> str:
    """The run's ending in words, in the helpers' language."""
    epoch = monitor.epochs_run
    if monitor.status == "diverged":
        if math.isnan(monitor.diverged_loss):
            text = _("learning rate {rate:g} is too large for {optimizer}: the loss became NaN "
                     "at epoch {epoch}. Try {smaller:g} or smaller.")  # fmt: skip
        else:
            text = _("learning rate {rate:g} is too large for {optimizer}: the loss became "
                     "infinite at epoch {epoch}. Try {smaller:g} or smaller.")  # fmt: skip
        rate = settings.learning_rate
        optimizer = _(run_settings.OPTIMIZERS[settings.optimizer].description)
        return text.format(rate=rate, optimizer=optimizer, epoch=epoch, smaller=rate / 10)
    if monitor.status == "stopped":
        return _("stopped after {epoch} of {epochs} epochs").format(
            epoch=epoch, epochs=settings.epochs
        )
    return _("finished {epoch} epochs").format(epoch=epoch)


def train_run(
    settings: run_settings.Settings,
    *,
    callbacks: Iterable[Any] = (),
    should_stop: Callable[[], bool] | None = None,
) -> RunResult:
    """Train the model of ``settings`` and report what happened.

    Every random choice comes from ``settings.seed``: the split, the initial
    weights and the order of the batches (the global seeds are left alone). It
    standardises the inputs with the training set's mean and standard
    deviation (MNIST's pixels are scaled to 0-1 instead), and validates on the
    held-out part after every epoch (as ``val_loss`` and ``val_accuracy`` in
    the history, which ``callbacks`` see too). A :class:`RunMonitor` ends the
    run with status ``"stopped"`` when ``should_stop`` returns True, or
    ``"diverged"`` when the loss becomes NaN or infinite. If :func:`warm_up`
    prepared the model of these settings, the run takes it (waiting for it if
    its warm-up is under way) and only fits it: the numbers are the same.

    Args:
        settings: the run's :class:`~helpers.run_settings.Settings` (checked first).
        callbacks: more Keras callbacks for ``fit``, such as
            :class:`~helpers.live.LivePlot`.
        should_stop: asked before every call of the training step (a few
            batches); return True to end the run.

    Returns:
        A :class:`RunResult`.

    Example::

        >>> from helpers.run_settings import Settings
        >>> result = train_run(Settings(epochs=5))  # doctest: +SKIP
        >>> result.status, result.epochs_run, sorted(result.final)  # doctest: +SKIP
        ('finished', 5, ['accuracy', 'loss', 'val_accuracy', 'val_loss'])
    """
    settings, callbacks = run_settings.validate_settings(settings), list(callbacks)
    _check_options(callbacks, should_stop)
    x_train, y_train, x_val, y_val = _prepared(settings)
    model = _warmup.take(settings)
    if model is None:
        model = _build(settings)
    monitor = _monitor_class()(x_val, y_val, should_stop)
    started = time.perf_counter()
    history = model.fit(
        _batches(x_train, y_train, settings.batch_size, settings.seed),
        steps_per_epoch=_batches_per_epoch(settings),
        epochs=settings.epochs,
        shuffle=False,
        verbose=0,
        callbacks=[monitor, *callbacks],  # first, so that the others see the val_ metrics
    )
    seconds = time.perf_counter() - started
    history_dict = {name: [float(v) for v in values] for name, values in history.history.items()}
    return RunResult(settings, history_dict, monitor.status, _message(settings, monitor), seconds)
