"""Tests of helpers.training: settings, their checks, the model, train_run and RunMonitor."""

from __future__ import annotations

import dataclasses
import math
import re
import subprocess
import sys

import keras
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import training
from helpers.i18n import set_language
from helpers.training import RunResult, Settings, build_model, train_run, validate_settings

FAST = {"epochs": 3, "batch_size": 32}  # a real run, kept short

# Anything a learner might type for a setting.
ANYTHING = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=6),
    st.sampled_from([*training.DATASET_NAMES, *training.OPTIMIZERS, *training.ACTIVATIONS]),
    st.integers(-(2**63), 2**63 - 1).map(np.int64),
    st.floats(width=32).map(np.float32),
    st.just(np.array([1, 2])),
    st.lists(st.integers(), max_size=2),
)


# ---------------------------------------------------------------- settings ---


def test_importing_training_loads_neither_tensorflow_nor_widgets():
    code = (
        "import sys, helpers.training; "
        "print(*(name in sys.modules for name in ('keras', 'tensorflow', 'ipywidgets')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False", "False"]


def test_settings_label_describes_the_run():
    assert Settings().label == "iris, Adam lr=0.01, 1x16 relu, batch 16, 50 epochs"
    no_hidden = Settings(dataset="xor", hidden_layers=0, optimizer="sgd_momentum", learning_rate=3)
    assert no_hidden.label == "xor, SGD with momentum lr=3, no hidden layer, batch 16, 50 epochs"
    with pytest.raises(dataclasses.FrozenInstanceError):
        Settings().epochs = 5  # type: ignore[misc]


def test_the_datasets_are_the_registry_s_classification_ones():
    assert training.DATASET_NAMES == ("iris", "breast_cancer", "xor", "mnist_subset")


def test_valid_settings_pass_and_come_back_as_plain_numbers():
    for dataset in training.DATASET_NAMES:
        assert (
            validate_settings(Settings(dataset=dataset, validation_fraction=0)).dataset == dataset
        )
    for optimizer in training.OPTIMIZERS:
        for activation in training.ACTIVATIONS:
            validate_settings(Settings(optimizer=optimizer, activation=activation))
    validate_settings(Settings(batch_size=105))  # exactly the training set
    numpy = Settings(units=np.int64(4), seed=np.uint32(2**32 - 1), learning_rate=np.float32(0.5))
    checked = validate_settings(numpy)
    assert checked == Settings(units=4, seed=2**32 - 1, learning_rate=0.5)
    assert type(checked.units) is int and type(checked.learning_rate) is float


@pytest.mark.parametrize(
    ("changes", "error", "match"),
    [
        ({"dataset": "mnist"}, ValueError,
         r"dataset must be one of 'iris', 'breast_cancer', 'xor', 'mnist_subset'; got 'mnist'\."),
        ({"dataset": "auto_mpg"}, ValueError, r"dataset must be one of .*; got 'auto_mpg'"),
        ({"optimizer": "adamw"}, ValueError,
         r"optimizer must be one of 'sgd', 'sgd_momentum', 'rmsprop', 'adam', 'nadam'; "
         r"got 'adamw'\."),
        ({"activation": "softmax"}, ValueError, r"activation must be one of 'relu', "),
        ({"activation": None}, TypeError, r"activation must be one of .*; got None"),
        ({"epochs": 0}, ValueError, r"epochs must be a whole number from 1 to 1000; got 0\."),
        ({"epochs": 2.5}, TypeError, r"epochs must be a whole number from 1 to 1000; got 2.5"),
        ({"epochs": True}, TypeError, r"epochs must be a whole number"),
        ({"hidden_layers": -1}, ValueError, r"hidden_layers must be a whole number from 0 to 10"),
        ({"units": 0}, ValueError, r"units must be a whole number from 1 to 1024"),
        ({"batch_size": 0}, ValueError, r"batch_size must be a whole number of at least 1"),
        ({"batch_size": 200}, ValueError,
         r"batch_size must be at most 105, the size of the training set; got 200\. iris has 105 "
         r"training samples after holding out 30% for validation\."),
        ({"batch_size": 151, "validation_fraction": 0}, ValueError,
         r"at most 150, .* has 150 training samples\.$"),
        ({"learning_rate": 0}, ValueError, r"learning_rate must be a number above 0; got 0\."),
        ({"learning_rate": -0.1}, ValueError, r"learning_rate must be a number above 0"),
        ({"learning_rate": math.nan}, ValueError, r"must be a number above 0; got nan\."),
        ({"learning_rate": "fast"}, TypeError, r"learning_rate must be a number above 0; got 'f"),
        ({"validation_fraction": 1.0}, ValueError, r"validation_fraction must be .* below 1"),
        ({"validation_fraction": -0.2}, ValueError, r"at least 0"),
        ({"validation_fraction": 0.001}, ValueError,
         r"validation_fraction must be 0 or a share that leaves samples on both sides; "
         r"got 0\.001\. iris has 150 samples\."),
        ({"seed": -1}, ValueError, r"seed must be a whole number from 0 to 4294967295; got -1\."),
        ({"seed": 2**32}, ValueError, r"seed must be a whole number from 0 to 4294967295; got 42"),
    ],
)  # fmt: skip
def test_impossible_settings_are_explained(changes, error, match):
    with pytest.raises(error, match=match):
        validate_settings(dataclasses.replace(Settings(), **changes))


def test_validate_settings_wants_settings():
    with pytest.raises(TypeError, match=r"settings must be Settings\(...\); got \{'epochs': 5\}"):
        validate_settings({"epochs": 5})  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(name=st.sampled_from(training.FIELDS), value=ANYTHING)
def test_any_value_of_any_setting_is_accepted_or_refused_by_name(name, value):
    """Nothing escapes from NumPy, and a refusal names the setting it refuses."""
    try:
        checked = validate_settings(dataclasses.replace(Settings(), **{name: value}))
    except (TypeError, ValueError) as error:
        assert str(error).startswith(f"{name} must be "), str(error)
    else:
        assert getattr(checked, name) == value
        assert type(getattr(checked, name)) in (str, int, float)


@given(seed=st.integers(0, 2**32 - 1), units=st.integers(1, 1024).map(np.int64))
def test_every_accepted_seed_and_numpy_unit_count_reaches_keras(seed, units):
    checked = validate_settings(Settings(seed=seed, units=units))
    assert type(checked.units) is int
    np.random.default_rng(checked.seed)  # what keras.utils.set_random_seed does with it


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
    # Lesson 08's playground starts on MNIST with these settings. When the playground
    # standardised each pixel by its own spread, near-constant border pixels of unseen
    # images blew up and the validation loss climbed from 1.0 to 3.5; pixels / 255 (lesson 00)
    # learn on validation data as on training data.
    first = Settings(dataset="mnist_subset", hidden_layers=1, units=64, epochs=4, batch_size=32)
    result = train_run(first)
    assert result.status == "finished"
    assert max(result.history["val_loss"]) < 0.6
    assert result.final["val_accuracy"] > 0.85


# ------------------------------------------------------------------ Korean ---

HANGUL = re.compile(r"[\uac00-\ud7a3]")


def test_settings_label_speaks_korean_and_keeps_the_values():
    set_language("ko")
    assert Settings().label == "iris, Adam lr=0.01, 1x16 relu, 배치 16, 에포크 50"
    no_hidden = Settings(dataset="xor", hidden_layers=0, optimizer="sgd_momentum", learning_rate=3)
    assert no_hidden.label == "xor, 모멘텀 SGD lr=3, 은닉층 없음, 배치 16, 에포크 50"
    set_language("en")
    assert Settings().label == "iris, Adam lr=0.01, 1x16 relu, batch 16, 50 epochs"


@pytest.mark.parametrize(
    ("changes", "error", "received", "words"),
    [
        ({"batch_size": 200}, ValueError, "200", "105 이하의 값이 필요합니다. 받은 값: 200. "
         "iris 데이터셋에서 검증용으로 30%를 떼어 두면 훈련 샘플은 105개입니다."),
        ({"batch_size": 151, "validation_fraction": 0}, ValueError, "151",
         "iris 데이터셋의 훈련 샘플은 150개입니다."),
        ({"validation_fraction": 0.001}, ValueError, "0.001", "iris 데이터셋에는 샘플이 150개"),
        ({"learning_rate": "fast"}, TypeError, "'fast'", "한 걸음의 크기입니다"),
        ({"epochs": 2.5}, TypeError, "2.5", "1에서 1000 사이의 정수"),
        ({"optimizer": "adamw"}, ValueError, "'adamw'", "중 하나인 값이 필요합니다"),
    ],
)  # fmt: skip
def test_impossible_settings_are_explained_in_korean(changes, error, received, words):
    set_language("ko")
    with pytest.raises(error) as caught:
        validate_settings(dataclasses.replace(Settings(), **changes))
    message = str(caught.value)
    name = next(iter(changes)) if len(changes) == 1 else "batch_size"
    assert message.startswith(f"{name}: ") and f"받은 값: {received}." in message, message
    assert words in message and "must be" not in message


@settings(max_examples=100, deadline=None)
@given(name=st.sampled_from(training.FIELDS), value=ANYTHING)
def test_every_korean_refusal_names_the_setting_and_the_value(name, value):
    set_language("ko")
    try:
        validate_settings(dataclasses.replace(Settings(), **{name: value}))
    except (TypeError, ValueError) as error:
        assert str(error).startswith(f"{name}: ") and "받은 값: " in str(error), str(error)
        assert HANGUL.search(str(error)) and "must be" not in str(error)


def test_train_run_options_are_refused_in_korean():
    set_language("ko")
    with pytest.raises(TypeError, match=r"^callbacks: LivePlot\(\) 같은 Keras 콜백 값이 필요"):
        train_run(Settings(**FAST), callbacks=[print])
    with pytest.raises(TypeError, match=r"^should_stop: .*True를 돌려주는 함수 .*받은 값: True\."):
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
