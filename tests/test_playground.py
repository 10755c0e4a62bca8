"""Tests of helpers.playground: the widget, driven without a browser (training: test_training)."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import keras
import numpy as np
import pytest
from test_training import hold_warm_ups, spy_on_builds

from helpers import data, run_settings, training
from helpers import playground as pg_module
from helpers.i18n import set_language
from helpers.playground import Playground, playground
from helpers.run_settings import ACTIVATIONS, DATASET_NAMES, OPTIMIZERS, Settings, validate_settings
from helpers.training import RunResult, train_run

FAST = {"epochs": 3, "batch_size": 32}  # a real run, kept short


def wait_for(condition, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the playground")
        time.sleep(0.02)


# ------------------------------------------------------------------ widget ---


def test_importing_the_playground_does_not_load_tensorflow():
    code = (
        "import sys, helpers.playground; print('keras' in sys.modules, 'tensorflow' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


@pytest.mark.parametrize("name", ["RunResult", "Settings", "train_run", "validate_settings"])
def test_the_playground_offers_only_its_own_names(name):
    assert pg_module.__all__ == ["Playground", "playground"]
    with pytest.raises(ImportError):  # one import path per name: helpers.training or run_settings
        exec(f"from helpers.playground import {name}", {})


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
    assert pg.controls["dataset"].options == tuple(
        (data.DATASETS[name].description, name)
        for name in ("iris", "breast_cancer", "xor", "mnist_subset")
    )


def test_playground_takes_numpy_numbers_as_plain_ones():
    pg = playground(units=np.int64(4), learning_rate=np.float32(0.5), seed=np.uint32(7))
    assert pg.settings == Settings(units=4, learning_rate=0.5, seed=7)
    assert type(pg.controls["units"].value) is int and type(pg.settings.seed) is int


@pytest.mark.parametrize(
    ("defaults", "error", "match"),
    [
        ({"epoch": 5}, TypeError, r"Unknown setting 'epoch'; the settings are dataset, "),
        ({"optimizer": "Adam"}, ValueError, r"optimizer must be one of 'sgd', .*; got 'Adam'"),
        ({"batch_size": 1000}, ValueError, r"batch_size must be at most 105, the size of the"),
        ({"seed": 2**32}, ValueError, r"seed must be a whole number from 0 to"),
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
    assert "Can&#x27;t train: batch_size must be at most 105" in pg.status.value
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
                                "val_loss", "val_accuracy", "baseline"]  # fmt: skip
    assert re.split(r"\s{2,}", lines[2])[:4] == [
        "2", "iris, SGD lr=0.1, 1x16 relu, batch 32, 3 epochs", "finished", "3",
    ]  # fmt: skip
    assert re.fullmatch(r"\d\.\d\d", lines[1].split()[-1])


def majority_share(labels: np.ndarray) -> float:
    return np.bincount(labels).max() / len(labels)


def test_the_summary_shows_what_a_model_that_learned_nothing_gets():
    pg = playground(dataset="xor", **FAST)
    held_out = pg.train(seed=5)
    everything = pg.train(dataset="breast_cancer", validation_fraction=0.0)
    x, y = data.DATASETS["xor"].load()
    (_x, _y), (_x_val, y_val) = data.train_test_split(x, y, test_fraction=0.3, seed=5)
    _x, y_all = data.DATASETS["breast_cancer"].load()
    assert held_out.baseline == pytest.approx(majority_share(y_val))
    assert everything.baseline == pytest.approx(357 / 569) == majority_share(y_all)
    header, *rows = pg.summary(digits=3).splitlines()
    assert header.split()[-2:] == ["val_accuracy", "baseline"]  # beside the score
    assert [row.split()[-1] for row in rows] == [f"{held_out.baseline:.3f}", "0.627"]
    assert pg.table.value.count(">baseline</th>") == 1 and ">0.627</td>" in pg.table.value


@pytest.mark.parametrize("dataset", DATASET_NAMES)
def test_every_baseline_is_the_largest_class_share_of_the_validation_rows(dataset):
    for seed, fraction in ((0, 0.3), (7, 0.5)):
        settings = Settings(dataset, validation_fraction=fraction, seed=seed)
        baseline = RunResult(settings, {}, "finished", "", 0.0).baseline
        n_classes = data.DATASETS[dataset].n_classes
        n_val = data.split_sizes(data.DATASETS[dataset].n_samples, fraction)[1]
        assert 1 / n_classes <= baseline < 1 and (baseline * n_val) == pytest.approx(
            round(baseline * n_val)
        )  # a whole number of the validation rows


def test_validation_scores_hold_the_held_out_rows_alone_on_keras_3_13_too(monkeypatch):
    """Keras 3.13 (Colab's) does not reset the metrics inside test_on_batch, as 3.15 does:
    without a reset of its own, a run's val_ scores there averaged in the training batches
    (lesson 10's deep relu run: val_loss 0.07 against 0.14). And it returns them as 0-d
    arrays, which the live plot did not draw. Both emulated here."""
    before = playground(**FAST)
    before.train()
    original = keras.Model.test_on_batch

    def as_in_keras_3_13(model, *args, **kwargs):
        model.reset_metrics = lambda: None  # the reset inside test_on_batch does nothing
        try:
            scores = original(model, *args, **kwargs)
        finally:
            del model.reset_metrics
        return {name: np.asarray(value, dtype="float32") for name, value in scores.items()}

    monkeypatch.setattr(keras.Model, "test_on_batch", as_in_keras_3_13)
    pg = playground(**FAST)
    after = pg.train()
    assert after.history == before.runs[0].history
    assert pg.live.value.count("<polyline") == before.live.value.count("<polyline") == 4
    held_out = data.split_sizes(150, 0.3)[1]
    right = [round(a * held_out) for a in after.history["val_accuracy"]]  # rows right
    assert after.history["val_accuracy"] == pytest.approx([n / held_out for n in right], abs=1e-6)


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
        ({"batch_size": 500}, ValueError, r"batch_size must be at most 105, the size of the"),
        ({"epochs": 0}, ValueError, r"epochs must be a whole number from 1 to 1000"),
        ({"epochs": 2.5}, TypeError, r"epochs must be a whole number from 1 to 1000"),
        ({"optimizer": "momentum"}, ValueError, r"one of 'sgd', 'sgd_momentum'"),
        ({"lr": 0.1}, TypeError, r"Unknown setting 'lr'; the settings are .*learning_rate"),
    ],
)
def test_train_raises_for_impossible_overrides_and_shows_them(overrides, error, match):
    pg = playground()
    with pytest.raises(error, match=match):
        pg.train(**overrides)
    assert pg.runs == [] and pg.controls["epochs"].value == 50  # nothing changed
    if "lr" not in overrides:
        assert "Can&#x27;t train" in pg.status.value


def test_a_failing_run_is_reported_in_the_status_and_by_wait(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("out of memory")

    monkeypatch.setattr(training, "train_run", broken)
    pg = playground()
    pg.train_button.click()
    with pytest.raises(RuntimeError, match="out of memory"):
        pg.wait(timeout=30)
    assert "The run failed: RuntimeError: out of memory" in pg.status.value
    assert not pg.train_button.disabled and pg.runs == []


def test_summary_rejects_bad_digits():
    with pytest.raises(ValueError, match="digits must be a whole number from 0 to 8; got 12"):
        playground().summary(digits=12)


def test_train_checks_the_settings_once(monkeypatch):
    checked = []

    def counting(settings):
        checked.append(settings)
        return validate_settings(settings)

    def quick(settings, **options):
        return RunResult(settings, {"loss": [0.5]}, "finished", "finished 1 epochs", 0.0)

    pg = playground()
    monkeypatch.setattr(run_settings, "validate_settings", counting)
    monkeypatch.setattr(training, "train_run", quick)
    pg.train(epochs=7)
    assert checked == [Settings(epochs=7)] and pg.runs[0].settings == Settings(epochs=7)
    pg.train_button.click()  # the button checks the controls' settings once too
    pg.wait(timeout=30)
    assert len(checked) == 2 and len(pg.runs) == 2


# ----------------------------------------------------------------- warm-up ---


class ModelSpy(keras.callbacks.Callback):
    """Keeps the model that ``fit`` trains."""

    def __init__(self, models: list) -> None:
        super().__init__()
        self.models = models

    def on_train_begin(self, logs=None):
        self.models.append(self.model)


def spy_on_trained_models(monkeypatch) -> list:
    """Make every run of the playground keep the model it trains in the returned list."""
    models: list = []
    real = training.train_run

    def spying(settings, *, callbacks=(), **options):
        return real(settings, callbacks=[*callbacks, ModelSpy(models)], **options)

    monkeypatch.setattr(training, "train_run", spying)
    return models


def test_a_click_after_the_warm_up_only_fits_the_model_built_before(monkeypatch):
    built, trained = spy_on_builds(monkeypatch), spy_on_trained_models(monkeypatch)
    pg = playground(**FAST)  # opening it warms up the model of its settings
    assert training.wait_for_warm_up(timeout=60)
    assert built[-1] == Settings(**FAST) and trained == []
    before_the_click = list(built)
    pg.train_button.click()
    result = pg.wait(timeout=60)
    assert built == before_the_click and len(trained) == 1  # nothing built after the click
    assert result.history == train_run(Settings(**FAST)).history  # the numbers of a fresh model


def test_a_setting_changed_during_the_warm_up_trains_a_model_of_the_new_settings(monkeypatch):
    underway, release = hold_warm_ups(monkeypatch)
    trained = spy_on_trained_models(monkeypatch)
    pg = playground(**FAST, units=16, learning_rate=0.01)
    assert underway.wait(timeout=30)  # the warm-up of the opening settings is under way
    pg.controls["units"].value = 4
    pg.controls["learning_rate"].value = 0.1
    pg.train_button.click()
    release.set()
    result = pg.wait(timeout=60)
    new = Settings(**FAST, units=4, learning_rate=0.1)
    assert result.settings == new
    (model,) = trained
    assert [layer.units for layer in model.layers] == [4, 3]
    assert float(model.optimizer.learning_rate.numpy()) == pytest.approx(0.1)
    assert result.history == train_run(new).history != train_run(Settings(**FAST)).history


def test_changes_during_a_run_are_warmed_up_after_it(monkeypatch):
    built = spy_on_builds(monkeypatch)
    pg = playground(epochs=500, batch_size=8)
    pg.train_button.click()
    wait_for(lambda: "<svg" in pg.live.value)
    pg.controls["units"].value = 5  # while the run goes on: no warm-up yet
    assert training.wait_for_warm_up(timeout=0) is False
    pg.stop_button.click()
    pg.wait(timeout=60)
    assert training.wait_for_warm_up(timeout=60)  # after the run: the model of the new settings
    assert built[-1] == Settings(epochs=500, batch_size=8, units=5)


def test_impossible_controls_start_no_warm_up(monkeypatch):
    built = spy_on_builds(monkeypatch)
    pg = playground()
    assert training.wait_for_warm_up(timeout=60)
    pg.controls["batch_size"].value = 200  # more than iris' 105 training samples: no error here
    time.sleep(1)  # longer than the warm-up's delay
    assert built[-1] == Settings() and training.wait_for_warm_up(timeout=0)  # still the same
    pg.train_button.click()
    assert "batch_size must be at most 105" in pg.status.value and pg.runs == []


# ------------------------------------------------------------------ Korean ---

HANGUL = re.compile(r"[\uac00-\ud7a3]")
ENGLISH_LABELS = ["dataset", "hidden layers", "units", "activation",
                  "optimizer", "learning rate", "epochs", "batch size"]  # fmt: skip


#: English a Korean table, summary or tray may show: Keras' names (activations, optimizers,
#: the XOR dataset) and the SVG's own markup.
CODE_WORDS = {"relu", "tanh", "sigmoid", "Adam", "SGD", "RMSprop", "XOR"}
MARKUP = re.compile(r"<[^>]*>|&\w+;")


def english_words(text: str) -> set[str]:
    """English words ``text`` shows a Korean learner outside parentheses (Keras keys in
    parentheses are kept for code), markup and the allowed names aside."""
    shown = re.sub(r"\([^()]*\)", "", MARKUP.sub(" ", text))
    return set(re.findall(r"[A-Za-z]{2,}", shown)) - CODE_WORDS


def test_a_korean_playground_speaks_korean_and_trains_the_same_numbers():
    set_language("ko")
    pg = playground(**FAST)
    labels = [control.description for control in pg.controls.values()]
    assert all(HANGUL.search(label) for label in labels), labels
    assert pg.train_button.description == "훈련" and pg.stop_button.description == "중지"
    assert HANGUL.search(pg.status.value) and HANGUL.search(pg.children[4].value)
    optimizers = pg.controls["optimizer"].options
    assert ("모멘텀 SGD", "sgd_momentum") in optimizers  # shown in Korean, the same value
    assert [value for _, value in optimizers] == list(OPTIMIZERS)
    assert pg.controls["activation"].options == ACTIVATIONS  # Keras' names, as typed in code
    datasets = pg.controls["dataset"].options  # helpers.data's descriptions, translated
    assert [value for _, value in datasets] == list(DATASET_NAMES)
    assert all(HANGUL.search(text) for text, _ in datasets), datasets
    korean = pg.train()
    assert pg.settings == Settings(**FAST) and korean.status == "finished"
    assert "실행 1: 에포크 3번을 모두 마쳤습니다." in pg.status.value
    label = "붓꽃 (iris), Adam 학습률=0.01, 은닉층 1개 × 유닛 16개, relu, 배치 32, 에포크 3"
    assert f"1: {label}" in pg.tray.value
    assert "<th" in pg.table.value and "상태" in pg.table.value and "완료" in pg.table.value
    # A squeezed column keeps its header on one line (JupyterLab broke 상태 per syllable).
    assert pg.table.value.count("<th ") == pg.table.value.count("white-space:nowrap")
    header, row = pg.summary().splitlines()
    assert header.split()[:3] == ["#", "실행", "상태"]
    assert "손실 (loss)" in header and header.endswith("기준 정확도")
    assert ">손실 (loss)</text>" in pg.tray.value  # the tray's panel titles
    assert label in row
    for text in (pg.summary(), pg.table.value, pg.tray.value):
        assert not english_words(text), english_words(text)
    # Hangul takes two columns in a monospaced font: the columns still line up.
    assert pg_module._width(header[: header.index("손실")]) == pg_module._width(
        row[: row.index(f"{korean.final['loss']:.2f}")]
    )

    set_language("en")
    english_pg = playground(**FAST)
    assert [control.description for control in english_pg.controls.values()] == ENGLISH_LABELS
    assert (english_pg.train_button.description, english_pg.stop_button.description) == (
        "Train", "Stop",
    )  # fmt: skip
    assert "Choose settings and click Train." in english_pg.status.value
    assert ("SGD with momentum", "sgd_momentum") in english_pg.controls["optimizer"].options
    english = english_pg.train()
    assert english.history == korean.history and english.settings == korean.settings
    assert "Run 1: finished 3 epochs." in english_pg.status.value


def test_the_language_is_read_when_the_playground_is_built():
    set_language("ko")
    pg = playground()
    set_language("en")
    assert pg.controls["epochs"].description == "에포크 수"  # built in Korean, stays Korean
    assert playground().controls["epochs"].description == "epochs"


@pytest.mark.parametrize(
    ("defaults", "error", "received"),
    [
        ({"batch_size": 1000}, ValueError, "batch_size: 훈련 데이터의 크기인 105 이하의 값이 필요"),
        ({"seed": 2**32}, ValueError, "seed: 0에서 4294967295 사이의 정수 값이 필요합니다. "
         "받은 값: 4294967296."),
        ({"optimizer": "Adam"}, ValueError, "받은 값: 'Adam'."),
        ({"epoch": 5}, TypeError, "'epoch': 알 수 없는 설정입니다. 쓸 수 있는 설정: dataset, "),
    ],
)  # fmt: skip
def test_a_korean_playground_refuses_bad_settings_in_korean(defaults, error, received):
    set_language("ko")
    with pytest.raises(error) as caught:
        playground(**defaults)
    assert received in str(caught.value) and "must be" not in str(caught.value)


def test_a_korean_playground_shows_impossible_settings_in_korean():
    set_language("ko")
    pg = playground()
    with pytest.raises(TypeError, match=r"^epochs: .*받은 값: 2\.5\.$"):
        pg.train(epochs=2.5)
    assert "훈련할 수 없습니다: epochs: " in pg.status.value
    pg.controls["batch_size"].value = 200
    pg.train_button.click()
    assert "훈련할 수 없습니다: batch_size: " in pg.status.value
    assert "받은 값: 200." in pg.status.value and "#b00020" in pg.status.value
    with pytest.raises(TypeError, match=r"^'lr': 알 수 없는 설정입니다"):
        pg.train(lr=0.1)
    assert pg.runs == []


def test_a_korean_playground_reports_waits_and_failures_in_korean(monkeypatch):
    set_language("ko")
    pg = playground(epochs=500, batch_size=8)
    pg.train_button.click()
    with pytest.raises(TimeoutError, match="0.01초가 지났지만 훈련이 아직 진행 중입니다"):
        pg.wait(timeout=0.01)
    with pytest.raises(RuntimeError, match=r"이미 훈련이 진행 중입니다\. 먼저 pg\.wait\(\)"):
        pg.train(epochs=2)
    pg.stop_button.click()
    result = pg.wait(timeout=60)
    assert result.status == "stopped"
    assert f"에포크 500번 중 {result.epochs_run}번을 마치고 중지했습니다." in pg.status.value
    assert "중지됨" in pg.summary()

    def broken(*args, **kwargs):
        raise RuntimeError("out of memory")

    monkeypatch.setattr(training, "train_run", broken)
    pg.train_button.click()
    with pytest.raises(RuntimeError, match="out of memory"):
        pg.wait(timeout=30)
    assert "실행이 실패했습니다: RuntimeError: out of memory" in pg.status.value


def test_a_diverged_run_s_status_line_ends_with_one_full_stop():
    set_language("ko")
    pg = playground(epochs=20)
    pg.train(optimizer="sgd", learning_rate=100)
    assert "10 이하로 낮춰 보세요.</span>" in pg.status.value and "발산" in pg.summary()
    set_language("en")
    english = playground(epochs=20)
    english.train(optimizer="sgd", learning_rate=100)
    assert "Try 10 or smaller.</span>" in english.status.value


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_text_form_holds_nothing_machine_specific(language):
    """What a stored notebook shows as text/plain: no ids, addresses, paths or timings."""
    set_language(language)
    pg = playground(**FAST)
    pg.train()
    # ipywidgets 7 and 8 both show repr(widget), cut at 110 characters.
    text = repr(pg)
    assert text.startswith("Playground(children=(")
    home, here = str(Path.home()), str(Path.cwd())
    assert pg.model_id not in text and home not in text and here not in text
    assert not re.search(r"0x[0-9a-fA-F]{6,}|[0-9a-f]{32}", text)
    assert f"{pg.runs[0].seconds}" not in text
    assert repr(playground(**FAST)) == repr(playground(**FAST))  # nothing from the instance
