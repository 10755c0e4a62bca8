"""Tests of helpers.training: the model, train_run and RunMonitor (settings: test_run_settings)."""

from __future__ import annotations

import math
import random
import re
import subprocess
import sys
import threading

import keras
import numpy as np
import pytest

from helpers import run_settings, training
from helpers.i18n import set_language
from helpers.run_settings import OPTIMIZERS, Settings
from helpers.training import RunResult, build_model, train_run

FAST = {"epochs": 3, "batch_size": 32}  # a real run, kept short


@pytest.mark.parametrize("name", run_settings.__all__)
def test_the_settings_names_are_imported_from_run_settings_only(name):
    assert name not in training.__all__ and not hasattr(training, name)


@pytest.mark.parametrize("module", ["helpers.training", "helpers.run_settings"])
def test_importing_training_or_its_settings_loads_neither_tensorflow_nor_widgets(module):
    code = (
        f"import sys, {module}; "
        "print(*(name in sys.modules for name in ('keras', 'tensorflow', 'ipywidgets')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False", "False"]


# ---------------------------------------------------------------- training ---


def test_build_model_matches_the_settings():
    model = build_model(Settings(hidden_layers=2, units=np.int64(8)))
    assert model.count_params() == (4 * 8 + 8) + (8 * 8 + 8) + (8 * 3 + 3)
    assert model.layers[-1].units == 3
    binary = build_model(Settings(dataset="breast_cancer", hidden_layers=0))
    assert binary.layers[-1].units == 1 and binary.count_params() == 31
    assert binary.loss == "binary_crossentropy"
    assert build_model(Settings(dataset="mnist_subset", hidden_layers=0)).count_params() == 7850


def test_build_model_checks_its_settings():
    with pytest.raises(ValueError, match="units must be a whole number from 1 to 1024"):
        build_model(Settings(units=0))


@pytest.mark.parametrize("name", OPTIMIZERS)
def test_every_optimizer_of_the_table_builds_and_trains_a_step(name):
    choice = OPTIMIZERS[name]
    model = build_model(Settings(optimizer=name, learning_rate=0.05))
    assert type(model.optimizer) is getattr(keras.optimizers, choice.keras_class)
    assert float(model.optimizer.learning_rate.numpy()) == pytest.approx(0.05)
    for option, value in choice.options.items():
        assert getattr(model.optimizer, option) == value
    x, y = training._prepared(Settings())[:2]
    before = model.get_weights()
    loss = model.train_on_batch(x[:16], y[:16], return_dict=True)["loss"]
    assert math.isfinite(loss) and int(model.optimizer.iterations.numpy()) == 1
    assert not np.array_equal(before[0], model.get_weights()[0])


def test_the_initial_weights_are_those_keras_draws_after_set_random_seed():
    # Runs gave these numbers when train_run called keras.utils.set_random_seed and
    # built with Keras' default initializers; build_model draws the same seeds itself.
    keras.utils.set_random_seed(7)
    dense = [keras.layers.Dense(8, activation="relu") for _ in range(2)]
    default = keras.Sequential([keras.Input(shape=(4,)), *dense, keras.layers.Dense(3)])
    random.seed(123)  # the global seeds now say something else: build_model ignores them
    ours = build_model(Settings(hidden_layers=2, units=8, seed=7))
    for expected, weights in zip(default.get_weights(), ours.get_weights(), strict=True):
        np.testing.assert_array_equal(weights, expected)


def test_runs_and_warm_ups_leave_the_global_seeds_alone():
    def draws():
        return random.random(), np.random.random()

    random.seed(5)
    np.random.seed(5)
    expected = draws()
    random.seed(5)
    np.random.seed(5)
    training.warm_up(Settings(**FAST), delay=0)
    assert training.wait_for_warm_up(timeout=60)
    train_run(Settings(**FAST, units=4))
    assert draws() == expected


def test_fit_runs_up_to_32_batches_per_call_that_divide_each_epoch():
    counts = [1, 7, 14, 32, 64, 110, 569]  # 569 is prime: one batch per call
    assert [training._batches_per_call(n) for n in counts] == [1, 7, 14, 32, 32, 22, 1]
    assert build_model(Settings()).steps_per_execution == 7  # 105 iris samples, batch 16


@pytest.mark.parametrize(
    "changes",
    [{"batch_size": 8}, {"batch_size": 2, "validation_fraction": 0}],  # 14 batches; 3 x 25
)
def test_batches_per_call_change_no_number(changes, monkeypatch):
    settings = Settings(epochs=3, **changes)
    several = train_run(settings)
    monkeypatch.setattr(training, "MAX_BATCHES_PER_CALL", 1)
    assert build_model(settings).steps_per_execution == 1
    np.testing.assert_equal(train_run(settings).history, several.history)


def test_train_run_finishes_with_history_and_final_metrics():
    result = train_run(Settings(**FAST))
    assert isinstance(result, RunResult)
    assert (result.status, result.epochs_run) == ("finished", 3)
    assert result.message == "finished 3 epochs"
    assert sorted(result.history) == ["accuracy", "loss", "val_accuracy", "val_loss"]
    assert all(len(values) == 3 for values in result.history.values())
    assert result.final == {name: values[-1] for name, values in result.history.items()}
    assert 0 <= result.final["val_accuracy"] <= 1 and result.seconds > 0


def test_train_run_is_reproducible_with_a_seed():
    first, second = train_run(Settings(**FAST)), train_run(Settings(**FAST))
    assert first.history == second.history
    assert train_run(Settings(**FAST, seed=1)).history != first.history


def test_train_run_learns_xor_with_a_hidden_layer():
    result = train_run(Settings(dataset="xor", epochs=30, units=8, learning_rate=0.05))
    assert result.final["val_accuracy"] >= 0.9


@pytest.mark.parametrize("dataset", ["breast_cancer", "mnist_subset"])
def test_train_run_handles_every_dataset(dataset):
    result = train_run(Settings(dataset=dataset, epochs=1, batch_size=256, validation_fraction=0))
    assert result.status == "finished" and sorted(result.history) == ["accuracy", "loss"]


def test_mnist_pixels_are_scaled_to_0_1_and_not_standardised():
    x_train, _, x_val, _ = training._prepared(Settings(dataset="mnist_subset"))
    assert x_train.shape == (3500, 784) and x_val.shape == (1500, 784)
    assert x_train.min() == 0 and x_train.max() == 1
    iris_train, *_ = training._prepared(Settings())
    assert np.allclose(iris_train.mean(axis=0), 0, atol=1e-5)


def test_train_run_reports_divergence_in_plain_words():
    result = train_run(Settings(optimizer="sgd", learning_rate=100, epochs=20))
    assert result.status == "diverged"
    assert result.epochs_run < 20 and math.isnan(result.final["loss"])
    assert re.fullmatch(
        r"learning rate 100 is too large for SGD: the loss became NaN at epoch \d+\. "
        r"Try 10 or smaller\.",
        result.message,
    )


def test_train_run_stops_when_asked():
    asked = []

    def should_stop() -> bool:
        asked.append(True)
        return True

    result = train_run(Settings(epochs=50), should_stop=should_stop)
    assert result.status == "stopped" and result.epochs_run == 1
    assert result.message == "stopped after 1 of 50 epochs" and asked


def test_train_run_passes_validation_metrics_to_callbacks():
    from helpers.live import LivePlot

    plot = LivePlot(min_interval=0)
    result = train_run(Settings(**FAST), callbacks=[plot])
    assert plot.history == result.history
    assert plot.svg.count('class="val"') == 2


@pytest.mark.parametrize(
    ("options", "match"),
    [
        ({"callbacks": [print]}, r"callbacks must be Keras callbacks such as LivePlot\(\); got"),
        ({"should_stop": True}, r"should_stop must be a function that returns True"),
    ],
)
def test_train_run_bad_options(options, match):
    with pytest.raises(TypeError, match=match):
        train_run(Settings(**FAST), **options)


def test_train_run_options_are_keyword_only():
    with pytest.raises(TypeError):
        train_run(Settings(**FAST), [])  # type: ignore[misc]


# ----------------------------------------------------------------- warm-up ---


def spy_on_builds(monkeypatch) -> list:
    """Make every model built (by a warm-up or a run) note its settings in the returned list."""
    built: list = []
    real = training._build

    def noting(settings):
        built.append(settings)
        return real(settings)

    monkeypatch.setattr(training, "_build", noting)
    return built


def hold_warm_ups(monkeypatch) -> tuple[threading.Event, threading.Event]:
    """Make warm-ups wait once started: set the first event when one is under way, go on
    when the test sets the second."""
    underway, release, real_warmed = threading.Event(), threading.Event(), training._warmed

    def held(settings):
        underway.set()
        assert release.wait(timeout=60)
        return real_warmed(settings)

    monkeypatch.setattr(training, "_warmed", held)
    return underway, release


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"dataset": "breast_cancer", "optimizer": "sgd_momentum", "validation_fraction": 0},
        {"dataset": "xor", "optimizer": "rmsprop", "hidden_layers": 0, "batch_size": 8},
        {"optimizer": "sgd", "learning_rate": 100, "epochs": 20},  # diverges
    ],
)
def test_a_warmed_up_model_trains_the_numbers_of_a_fresh_one(changes, monkeypatch):
    settings = Settings(**{**FAST, **changes})
    fresh = train_run(settings)
    built = spy_on_builds(monkeypatch)
    training.warm_up(settings, delay=0)
    assert training.wait_for_warm_up(timeout=60) and built == [settings]
    warmed = train_run(settings)
    assert built == [settings]  # the run built nothing: it took the warmed-up model
    np.testing.assert_equal(warmed.history, fresh.history)
    assert (warmed.status, warmed.message) == (fresh.status, fresh.message)


def test_a_run_of_other_settings_builds_its_own_model_and_drops_the_warmed_up_one(monkeypatch):
    training.warm_up(Settings(**FAST), delay=0)
    assert training.wait_for_warm_up(timeout=60)
    built = spy_on_builds(monkeypatch)
    other = Settings(**FAST, units=4)
    train_run(other)
    assert built == [other] and not training.wait_for_warm_up(timeout=0)


def test_a_run_cancels_a_warm_up_that_has_not_started(monkeypatch):
    built = spy_on_builds(monkeypatch)
    training.warm_up(Settings(**FAST), delay=30)
    train_run(Settings(**FAST))  # builds at once, without waiting 30 s for the warm-up
    assert built == [Settings(**FAST)] and not training.wait_for_warm_up(timeout=0)


def test_a_run_waits_for_the_warm_up_of_its_settings_under_way(monkeypatch):
    underway, release = hold_warm_ups(monkeypatch)
    built = spy_on_builds(monkeypatch)
    training.warm_up(Settings(**FAST), delay=0)
    assert underway.wait(timeout=30)
    threading.Timer(0.3, release.set).start()
    assert train_run(Settings(**FAST)).status == "finished"
    assert built == [Settings(**FAST)]  # built once, by the warm-up


def test_the_latest_warm_up_wins(monkeypatch):
    built = spy_on_builds(monkeypatch)
    for units in (2, 3, 4):
        training.warm_up(Settings(**FAST, units=units), delay=0.2)
    assert training.wait_for_warm_up(timeout=60)
    assert built == [Settings(**FAST, units=4)]


def test_warm_up_refuses_impossible_settings_and_delays():
    with pytest.raises(ValueError, match="batch_size must be at most 105"):
        training.warm_up(Settings(batch_size=500))
    with pytest.raises(ValueError, match=r"delay must be a number at least 0; got -1\."):
        training.warm_up(Settings(), delay=-1)


# -------------------------------------------------------------- RunMonitor ---


def tiny_fit(monitor, *, epochs: int = 3, rate: float = 0.01, order: str = "first"):
    """Fit a one-layer model on random data with ``monitor`` first or last; return the logs."""
    rng = np.random.default_rng(0)
    x = rng.normal(size=(40, 3)).astype("float32")
    y = (x[:, 0] > 0).astype("float32")
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.SGD(rate), loss="mse")
    seen = []
    recorder = keras.callbacks.LambdaCallback(on_epoch_end=lambda _, logs: seen.append(dict(logs)))
    callbacks = [monitor, recorder] if order == "first" else [recorder, monitor]
    model.fit(x, y, epochs=epochs, batch_size=20, verbose=0, callbacks=callbacks)
    return seen


def test_run_monitor_validates_each_epoch_and_records_a_finished_run():
    rng = np.random.default_rng(1)
    monitor = training.RunMonitor(rng.normal(size=(10, 3)).astype("float32"), np.ones(10))
    seen = tiny_fit(monitor)
    assert [sorted(logs) for logs in seen] == [["loss", "val_loss"]] * 3
    assert (monitor.status, monitor.epochs_run, monitor.diverged_loss) == ("finished", 3, None)
    assert isinstance(monitor, keras.callbacks.Callback)
    assert training.RunMonitor is type(monitor)  # one class, made once


def test_run_monitor_findings_do_not_depend_on_its_place_in_the_list():
    empty = np.zeros((0, 3), "float32"), np.zeros(0)
    for order in ("first", "last"):
        stopped = training.RunMonitor(*empty, should_stop=lambda: True)
        tiny_fit(stopped, epochs=5, order=order)
        assert (stopped.status, stopped.epochs_run) == ("stopped", 1)
        diverged = training.RunMonitor(*empty)
        tiny_fit(diverged, epochs=30, rate=1e10, order=order)
        assert diverged.status == "diverged" and diverged.epochs_run < 30
        assert not math.isfinite(diverged.diverged_loss)


def test_run_monitor_starts_afresh_on_each_fit():
    monitor = training.RunMonitor(np.zeros((0, 3), "float32"), np.zeros(0))
    tiny_fit(monitor, epochs=30, rate=1e10)
    tiny_fit(monitor, epochs=2)
    assert (monitor.status, monitor.epochs_run) == ("finished", 2)


def test_unknown_attributes_of_the_module_are_still_errors():
    with pytest.raises(AttributeError, match="has no attribute 'RunMonitr'"):
        training.RunMonitr  # noqa: B018


def test_the_first_mnist_run_of_lesson_08_learns_on_validation_data_too():
    # Lesson 10's playground starts on MNIST with these settings. When the playground
    # standardised each pixel by its own spread, near-constant border pixels of unseen
    # images blew up and the validation loss climbed from 1.0 to 3.5; pixels / 255 (lesson 00)
    # learn on validation data as on training data.
    first = Settings(dataset="mnist_subset", hidden_layers=1, units=64, epochs=4, batch_size=32)
    result = train_run(first)
    assert result.status == "finished"
    assert max(result.history["val_loss"]) < 0.6
    assert result.final["val_accuracy"] > 0.85


# ------------------------------------------------------------------ Korean ---


def test_train_run_options_are_refused_in_korean():
    set_language("ko")
    with pytest.raises(TypeError, match=r"^callbacks: LivePlot\(\) 같은 케라스 콜백 값이 필요"):
        train_run(Settings(**FAST), callbacks=[print])
    with pytest.raises(TypeError, match=r"^should_stop: .*True를 반환하는 함수 .*받은 값: True\."):
        train_run(Settings(**FAST), should_stop=True)


def test_train_run_reports_its_ending_in_korean():
    set_language("ko")
    stopped = train_run(Settings(epochs=50), should_stop=lambda: True)
    assert stopped.status == "stopped"
    assert stopped.message == "에포크 50번 중 1번을 마치고 중지했습니다"
    diverged = train_run(Settings(optimizer="sgd", learning_rate=100, epochs=20))
    assert diverged.status == "diverged"  # the status is a value: it stays English
    assert re.fullmatch(
        r"학습률 100 값은 SGD에 너무 큽니다\. \d+번째 에포크에서 손실이 NaN이 되었습니다\. "
        r"10 이하로 낮춰 보세요\.",
        diverged.message,
    )
