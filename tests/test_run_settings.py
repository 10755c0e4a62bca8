"""Tests of helpers.run_settings: a run's settings and their checks, in English and Korean."""

from __future__ import annotations

import dataclasses
import math
import re

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from helpers import run_settings
from helpers.i18n import set_language
from helpers.run_settings import Settings, validate_settings

HANGUL = re.compile(r"[\uac00-\ud7a3]")

# Anything a learner might type for a setting.
ANYTHING = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=6),
    st.sampled_from(
        [*run_settings.DATASET_NAMES, *run_settings.OPTIMIZERS, *run_settings.ACTIVATIONS]
    ),
    st.integers(-(2**63), 2**63 - 1).map(np.int64),
    st.floats(width=32).map(np.float32),
    st.just(np.array([1, 2])),
    st.lists(st.integers(), max_size=2),
)


def test_settings_label_describes_the_run():
    assert Settings().label == "iris, Adam lr=0.01, 1x16 relu, batch 16, 50 epochs"
    no_hidden = Settings(dataset="xor", hidden_layers=0, optimizer="sgd_momentum", learning_rate=3)
    assert no_hidden.label == "xor, SGD with momentum lr=3, no hidden layer, batch 16, 50 epochs"
    with pytest.raises(dataclasses.FrozenInstanceError):
        Settings().epochs = 5  # type: ignore[misc]


def test_the_datasets_are_the_registry_s_classification_ones():
    assert run_settings.DATASET_NAMES == ("iris", "breast_cancer", "xor", "mnist_subset")


def test_valid_settings_pass_and_come_back_as_plain_numbers():
    for dataset in run_settings.DATASET_NAMES:
        assert (
            validate_settings(Settings(dataset=dataset, validation_fraction=0)).dataset == dataset
        )
    for optimizer in run_settings.OPTIMIZERS:
        for activation in run_settings.ACTIVATIONS:
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
@given(name=st.sampled_from(run_settings.FIELDS), value=ANYTHING)
@example(name="learning_rate", value=2**53 + 1)  # found by hypothesis: not exactly a float
def test_any_value_of_any_setting_is_accepted_or_refused_by_name(name, value):
    """Nothing escapes from NumPy, and a refusal names the setting it refuses."""
    try:
        checked = validate_settings(dataclasses.replace(Settings(), **{name: value}))
    except (TypeError, ValueError) as error:
        assert str(error).startswith(f"{name} must be "), str(error)
    else:
        # Numbers for a real-number setting come back as floats: 2**53 + 1 as 2**53.
        real = name in ("learning_rate", "validation_fraction")
        assert getattr(checked, name) == (float(value) if real else value)
        assert type(getattr(checked, name)) in (str, int, float)


@given(seed=st.integers(0, 2**32 - 1), units=st.integers(1, 1024).map(np.int64))
def test_every_accepted_seed_and_numpy_unit_count_reaches_keras(seed, units):
    checked = validate_settings(Settings(seed=seed, units=units))
    assert type(checked.units) is int
    np.random.default_rng(checked.seed)  # what keras.utils.set_random_seed does with it


# ------------------------------------------------------------------ Korean ---


def test_settings_label_speaks_korean_and_keeps_the_values():
    set_language("ko")
    assert Settings().label == (
        "붓꽃 (iris), Adam 학습률=0.01, 은닉층 1개 × 유닛 16개, relu, 배치 16, 에포크 50"
    )
    no_hidden = Settings(dataset="xor", hidden_layers=0, optimizer="sgd_momentum", learning_rate=3)
    assert no_hidden.label == "XOR, 모멘텀 SGD 학습률=3, 은닉층 없음, 배치 16, 에포크 50"
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
@given(name=st.sampled_from(run_settings.FIELDS), value=ANYTHING)
def test_every_korean_refusal_names_the_setting_and_the_value(name, value):
    set_language("ko")
    try:
        validate_settings(dataclasses.replace(Settings(), **{name: value}))
    except (TypeError, ValueError) as error:
        assert str(error).startswith(f"{name}: ") and "받은 값: " in str(error), str(error)
        assert HANGUL.search(str(error)) and "must be" not in str(error)
