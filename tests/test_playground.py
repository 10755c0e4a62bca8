"""Tests of helpers.playground: settings, train_run and the widget, driven without a browser."""

from __future__ import annotations

import dataclasses
import math
import re
import subprocess
import sys
import time

import pytest

from helpers import playground as pg_module
from helpers.playground import (
    ACTIVATIONS,
    DATASETS,
    OPTIMIZERS,
    Playground,
    RunResult,
    Settings,
    build_model,
    playground,
    train_run,
    validate_settings,
)

FAST = {"epochs": 3, "batch_size": 32}  # a real run, kept short


def wait_for(condition, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the playground")
        time.sleep(0.02)


# ---------------------------------------------------------------- settings ---


def test_importing_the_playground_does_not_load_tensorflow():
    code = (
        "import sys, helpers.playground; print('keras' in sys.modules, 'tensorflow' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_settings_label_describes_the_run():
    assert Settings().label == "iris, Adam lr=0.01, 1x16 relu, batch 16, 50 epochs"
    no_hidden = Settings(dataset="xor", hidden_layers=0, optimizer="sgd_momentum", learning_rate=3)
    assert no_hidden.label == "xor, SGD with momentum lr=3, no hidden layer, batch 16, 50 epochs"
    with pytest.raises(dataclasses.FrozenInstanceError):
        Settings().epochs = 5  # type: ignore[misc]


def test_valid_settings_pass():
    for dataset in DATASETS:
        validate_settings(Settings(dataset=dataset, validation_fraction=0))
    for optimizer in OPTIMIZERS:
        for activation in ACTIVATIONS:
            validate_settings(Settings(optimizer=optimizer, activation=activation))
    validate_settings(Settings(batch_size=105))  # exactly the training set


@pytest.mark.parametrize(
    ("changes", "error", "match"),
    [
        ({"dataset": "mnist"}, ValueError, r"Unknown dataset 'mnist': choose one of 'iris', "),
        ({"optimizer": "adamw"}, ValueError,
         r"Unknown optimizer 'adamw': choose one of 'sgd', 'sgd_momentum', 'rmsprop', 'adam', "
         r"'nadam'\."),
        ({"activation": "softmax"}, ValueError, r"Unknown activation 'softmax': choose one of"),
        ({"epochs": 0}, ValueError, r"epochs must be from 1 to 1000; got 0"),
        ({"epochs": 2.5}, TypeError, r"epochs must be a whole number such as 1; got 2.5"),
        ({"epochs": True}, TypeError, r"epochs must be a whole number"),
        ({"hidden_layers": -1}, ValueError, r"hidden_layers must be from 0 to 10"),
        ({"units": 0}, ValueError, r"units must be from 1 to 1024"),
        ({"batch_size": 0}, ValueError, r"batch_size must be 1 or more"),
        ({"batch_size": 200}, ValueError,
         r"batch size 200 is larger than the training set: iris has 105 training samples after "
         r"holding out 30% for validation\. Choose a batch size of 105 or less"),
        ({"batch_size": 151, "validation_fraction": 0}, ValueError, r"has 150 training samples\."),
        ({"learning_rate": 0}, ValueError, r"learning rate must be a positive number"),
        ({"learning_rate": -0.1}, ValueError, r"learning rate must be a positive number"),
        ({"learning_rate": math.nan}, ValueError, r"learning rate must be a positive number"),
        ({"learning_rate": "fast"}, TypeError, r"learning_rate must be a number such as 0.01"),
        ({"validation_fraction": 1.0}, ValueError, r"below 1"),
        ({"validation_fraction": -0.2}, ValueError, r"at least 0"),
        ({"validation_fraction": 0.001}, ValueError,
         r"leaves 150 training and 0 validation samples of iris"),
        ({"seed": -1}, ValueError, r"seed must be 0 or more"),
    ],
)  # fmt: skip
def test_impossible_settings_are_explained(changes, error, match):
    with pytest.raises(error, match=match):
        validate_settings(dataclasses.replace(Settings(), **changes))


def test_validate_settings_wants_settings():
    with pytest.raises(TypeError, match=r"Expected Settings\(...\); got dict"):
        validate_settings({"epochs": 5})  # type: ignore[arg-type]


# ---------------------------------------------------------------- training ---


def test_build_model_matches_the_settings():
    model = build_model(Settings(hidden_layers=2, units=8))
    assert model.count_params() == (4 * 8 + 8) + (8 * 8 + 8) + (8 * 3 + 3)
    assert model.layers[-1].units == 3
    binary = build_model(Settings(dataset="breast_cancer", hidden_layers=0))
    assert binary.layers[-1].units == 1 and binary.count_params() == 31
    assert binary.loss == "binary_crossentropy"


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


# ------------------------------------------------------------------ widget ---


def test_playground_builds_controls_from_defaults():
    pg = playground(dataset="breast_cancer", epochs=300, learning_rate=1e-5, seed=3)
    assert isinstance(pg, Playground)
    assert pg.controls["dataset"].value == "breast_cancer"
    assert pg.controls["epochs"].value == 300 and pg.controls["epochs"].max >= 300
    assert pg.controls["learning_rate"].value == pytest.approx(1e-5)
    assert pg.settings == Settings(dataset="breast_cancer", epochs=300, learning_rate=1e-5, seed=3)
    for name in ("epochs", "batch_size", "units", "hidden_layers", "learning_rate"):
        assert pg.controls[name].continuous_update is False
    assert pg.stop_button.disabled and not pg.train_button.disabled
    assert pg.runs == [] and pg.wait() is None
    assert pg.summary().split() == ["#", "run", "status", "epochs"]


@pytest.mark.parametrize(
    ("defaults", "error", "match"),
    [
        ({"epoch": 5}, TypeError, r"Unknown setting 'epoch'; the settings are dataset, "),
        ({"optimizer": "Adam"}, ValueError, r"Unknown optimizer 'Adam'"),
        ({"batch_size": 1000}, ValueError, r"batch size 1000 is larger than the training set"),
    ],
)
def test_playground_rejects_bad_defaults(defaults, error, match):
    with pytest.raises(error, match=match):
        playground(**defaults)


def test_train_click_runs_in_the_background_and_ignores_a_second_click():
    pg = playground(epochs=8, batch_size=32)
    pg.train_button.click()
    assert pg.train_button.disabled and not pg.stop_button.disabled
    pg.train_button.click()  # a double click must not start a second run
    result = pg.wait(timeout=60)
    assert result.status == "finished" and len(pg.runs) == 1
    assert not pg.train_button.disabled and pg.stop_button.disabled
    assert "Run 1: finished 8 epochs." in pg.status.value
    assert pg.live.value.startswith("<svg") and pg.live.value.count("<polyline") == 4
    assert "1: iris, Adam lr=0.01, 1x16 relu, batch 32, 8 epochs" in pg.tray.value


def test_stop_ends_a_run_early():
    pg = playground(epochs=500, batch_size=8)
    pg.train_button.click()
    wait_for(lambda: "<svg" in pg.live.value)  # the first epoch is drawn
    pg.stop_button.click()
    result = pg.wait(timeout=60)
    assert result.status == "stopped" and result.epochs_run < 500
    assert f"stopped after {result.epochs_run} of 500 epochs" in pg.status.value
    assert pg.runs == [result]


def test_wait_times_out_while_a_run_goes_on():
    pg = playground(epochs=500, batch_size=8)
    pg.train_button.click()
    with pytest.raises(TimeoutError, match="still going after 0.01 s"):
        pg.wait(timeout=0.01)
    with pytest.raises(RuntimeError, match="A run is already going"):
        pg.train(epochs=2)
    pg.stop_button.click()
    assert pg.wait(timeout=60).status == "stopped"


def test_impossible_setting_in_the_controls_is_shown_not_raised():
    pg = playground()
    pg.controls["batch_size"].value = 200
    pg.train_button.click()
    assert "Can&#x27;t train: batch size 200 is larger than the training set" in pg.status.value
    assert pg.runs == [] and not pg.train_button.disabled and pg._thread is None


def test_train_sets_controls_and_the_tray_grows_with_labels():
    pg = playground(**FAST)
    first = pg.train()
    second = pg.train(optimizer="sgd", learning_rate=0.1, seed=2)
    assert pg.runs == [first, second]
    assert pg.controls["optimizer"].value == "sgd" and pg.settings.seed == 2
    assert second.settings == Settings(**FAST, optimizer="sgd", learning_rate=0.1, seed=2)
    assert "1: iris, Adam lr=0.01" in pg.tray.value and "2: iris, SGD lr=0.1" in pg.tray.value
    assert pg.tray.value.count("<polyline") == 8  # 2 runs x (loss, accuracy) x (train, val)
    assert pg.table.value.count("<tr>") == 3  # header and two runs
    lines = pg.summary(digits=2).splitlines()
    assert lines[0].split() == ["#", "run", "status", "epochs", "loss", "accuracy",
                                "val_loss", "val_accuracy"]  # fmt: skip
    assert re.split(r"\s{2,}", lines[2])[:4] == [
        "2", "iris, SGD lr=0.1, 1x16 relu, batch 32, 3 epochs", "finished", "3",
    ]  # fmt: skip
    assert re.fullmatch(r"\d\.\d\d", lines[1].split()[-1])


def test_train_explains_divergence_in_the_status_line():
    pg = playground(epochs=20)
    result = pg.train(optimizer="sgd", learning_rate=100)
    assert result.status == "diverged"
    assert "learning rate 100 is too large for SGD" in pg.status.value
    assert "#b00020" in pg.status.value  # shown as a problem
    assert "nan" in pg.summary()


@pytest.mark.parametrize(
    ("overrides", "error", "match"),
    [
        ({"batch_size": 500}, ValueError, r"batch size 500 is larger than the training set"),
        ({"epochs": 0}, ValueError, r"epochs must be from 1 to 1000"),
        ({"optimizer": "momentum"}, ValueError, r"choose one of 'sgd', 'sgd_momentum'"),
        ({"lr": 0.1}, TypeError, r"Unknown setting 'lr'; the settings are .*learning_rate"),
    ],
)
def test_train_raises_for_impossible_overrides_and_shows_them(overrides, error, match):
    pg = playground()
    with pytest.raises(error, match=match):
        pg.train(**overrides)
    assert pg.runs == [] and pg.controls["epochs"].value == 50  # nothing changed
    if error is ValueError:
        assert "Can&#x27;t train" in pg.status.value


def test_a_failing_run_is_reported_in_the_status_and_by_wait(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("out of memory")

    monkeypatch.setattr(pg_module, "train_run", broken)
    pg = playground()
    pg.train_button.click()
    with pytest.raises(RuntimeError, match="out of memory"):
        pg.wait(timeout=30)
    assert "The run failed: RuntimeError: out of memory" in pg.status.value
    assert not pg.train_button.disabled and pg.runs == []


def test_summary_rejects_bad_digits():
    with pytest.raises(ValueError, match="digits must be from 0 to 8"):
        playground().summary(digits=12)
