"""Tests for helpers.history: histories from model.fit or plain dicts."""

import math
import re
from types import SimpleNamespace

import keras
import numpy as np
import pytest

from helpers.history import (
    LARGEST,
    Recorder,
    base_metrics,
    check_metrics,
    curves_in_words,
    drawn_history,
    epoch_span,
    learning_curves_in_words,
    metric_label,
    pick_metrics,
    rounded,
    to_history_dict,
)
from helpers.i18n import set_language
from helpers.live import LivePlot
from helpers.plots import plot_history, plot_training

NAN = math.nan


def test_plain_dict_becomes_a_new_dict_of_float_lists():
    raw = {"loss": [1, np.float32(0.5)], "accuracy": np.array([0.25, 0.75])}
    result = to_history_dict(raw)
    assert result == {"loss": [1.0, 0.5], "accuracy": [0.25, 0.75]}
    assert all(type(v) is float for values in result.values() for v in values)
    assert result is not raw and raw["loss"] == [1, np.float32(0.5)]  # the input is untouched


def test_history_like_object_gives_its_history_attribute():
    history = SimpleNamespace(history={"loss": [0.9, 0.5], "val_loss": [1.0, 0.7]})
    assert to_history_dict(history) == {"loss": [0.9, 0.5], "val_loss": [1.0, 0.7]}


def test_histories_of_only_training_or_only_validation_metrics_are_kept():
    assert to_history_dict({"loss": [0.5, 0.4, 0.3]}) == {"loss": [0.5, 0.4, 0.3]}
    assert to_history_dict({"val_loss": [0.5, 0.4]}) == {"val_loss": [0.5, 0.4]}


def test_validation_every_other_epoch_is_padded_with_nan_at_the_missing_epochs():
    raw = {"loss": [4, 3, 2, 1], "val_loss": [30, 10], "val_accuracy": [0.5, 0.9]}
    result = to_history_dict(raw)
    assert result["loss"] == [4.0, 3.0, 2.0, 1.0]
    np.testing.assert_array_equal(result["val_loss"], [NAN, 30.0, NAN, 10.0])
    np.testing.assert_array_equal(result["val_accuracy"], [NAN, 0.5, NAN, 0.9])


def validated_epochs(epochs, freq):
    """The epochs at which model.fit(..., validation_freq=freq) validates."""
    return [epoch for epoch in range(1, epochs + 1) if epoch % freq == 0]


@pytest.mark.parametrize("epochs", range(1, 13))
def test_padding_puts_values_where_keras_validated_or_refuses_when_ambiguous(epochs):
    for freq in range(1, epochs + 1):
        validated = validated_epochs(epochs, freq)
        raw = {"loss": [1.0] * epochs, "val_loss": [float(e) for e in validated]}  # as History
        count = len(validated)
        alike = [f for f in range(1, epochs + 1) if len(validated_epochs(epochs, f)) == count]
        if alike != [freq]:  # another validation_freq records as many values: refused
            with pytest.raises(ValueError, match=re.escape(f"could be any of {alike}")):
                to_history_dict(raw)
        else:
            expected = [float(e) if e in validated else NAN for e in range(1, epochs + 1)]
            np.testing.assert_array_equal(to_history_dict(raw)["val_loss"], expected)


def test_real_history_with_validation_freq_matches_liveplot_and_plots():
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    x, y = np.ones((4, 2), dtype="float32"), np.zeros(4, dtype="float32")
    live = LivePlot(min_interval=0)
    history = model.fit(
        x, y, epochs=4, validation_data=(x, y), validation_freq=2, verbose=0, callbacks=[live]
    )
    assert len(history.history["val_loss"]) == 2  # Keras records validation epochs only
    result = to_history_dict(history)
    assert list(result) == list(history.history)
    assert result["loss"] == pytest.approx(history.history["loss"])
    assert math.isnan(result["val_loss"][0]) and math.isnan(result["val_loss"][2])
    assert result["val_loss"][1::2] == pytest.approx(history.history["val_loss"])
    np.testing.assert_allclose(result["val_loss"], live.history["val_loss"])  # NaN == NaN here

    lines = {line.get_label(): line for line in plot_history(history).get_lines()}
    assert list(lines["training"].get_xdata()) == [1, 2, 3, 4]
    assert list(lines["validation"].get_xdata()) == [2, 4]  # joined where Keras validated
    np.testing.assert_array_equal(lines["validation"].get_ydata(), result["val_loss"][1::2])
    assert [ax.get_ylabel() for ax in plot_training(history).axes] == ["loss"]


@pytest.mark.parametrize(
    ("history", "error", "message"),
    [
        (
            [0.5, 0.4],
            TypeError,
            r"history must be a Keras History \(what model.fit returns\)"
            r".*; got \[0.5, 0.4\]\.$",
        ),
        (SimpleNamespace(history=None), TypeError, r"got namespace\(history=None\)"),
        ({}, ValueError, r"at least one epoch; got \{\}\. Train .*epochs=1"),
        ({1: [0.5]}, TypeError, r"; got \{1: \[0.5\]\}\. Its metric names are texts.* 1 is not"),
        ({"loss": "0.5"}, TypeError, r"history\['loss'\] must be an array or list of numbers"),
        (
            {"loss": 0.5},
            ValueError,
            r"history\['loss'\] must be a list with one number per epoch; "
            r"got 0.5\.$",
        ),
        ({"loss": np.array(0.5)}, ValueError, r"one number per epoch; got array\(0.5\)\.$"),
        ({"loss": [[0.5]]}, ValueError, r"one number per epoch; got shape \(1, 1\)\.$"),
        ({"loss": [0.5, "low"]}, TypeError, r"history\['loss'\] must be .*numbers; .*'low'"),
        ({"loss": [None]}, TypeError, r"must be an array or list of numbers; got \[None\]"),
        ({"loss": [10**400]}, ValueError, r"\['loss'\] must be .* at most about 1e308"),
        ({"loss": [], "val_loss": []}, ValueError, "at least one epoch"),
        (
            {"loss": [1, 2], "accuracy": [1]},
            ValueError,
            r"lengths differ: \{'loss': 2, 'accuracy': 1\}.*only the val_ metrics may have fewer",
        ),
        (
            {"loss": [1, 2], "val_loss": [1], "val_accuracy": [1, 2]},
            ValueError,
            r"lengths differ: .*'val_accuracy': 2\}. Give every metric the same number",
        ),
        (
            {"val_loss": [1, 2], "val_accuracy": [1]},
            ValueError,
            "Give every metric the same number of values",
        ),
        (
            {"loss": [1, 2, 3], "val_loss": [1, 2]},
            ValueError,
            r"2 values for 3 epochs, and no validation_freq gives that many.*float\('nan'\)",
        ),
        (
            {"loss": [1], "val_loss": [1, 2]},
            ValueError,
            "2 values for 1 epochs, and no validation_freq",
        ),
        (
            {"loss": [1, 2], "val_loss": []},
            ValueError,
            "0 values for 2 epochs, and no validation_freq",
        ),
        (
            {"loss": [1] * 5, "val_loss": [1]},
            ValueError,
            r"validation_freq could be any of \[3, 4, 5\].*record the run with LivePlot",
        ),
    ],
)
def test_bad_histories_say_what_was_received_and_how_to_fix_it(history, error, message):
    with pytest.raises(error, match=message):
        to_history_dict(history)


def test_the_recorder_pads_epochs_without_a_metric_with_nan_before_and_after():
    recorder = Recorder()
    recorder.add({"loss": 0.9, "note": "text"})  # values that are not numbers are left out
    recorder.add({"loss": 0.7, "val_loss": np.float64(0.8)})
    recorder.add({"loss": 0.5})
    assert recorder.epochs == 3 and list(recorder.history) == ["loss", "val_loss"]
    assert recorder.history["loss"] == [0.9, 0.7, 0.5]
    np.testing.assert_array_equal(recorder.history["val_loss"], [NAN, 0.8, NAN])
    assert all(type(v) is float for v in recorder.history["val_loss"])


def test_drawn_history_brings_huge_values_to_the_edge_and_keeps_nan_and_infinity():
    drawn = drawn_history({"loss": [0.5, 1e305, -1e308, math.inf, NAN]})
    assert drawn["loss"][:4] == [0.5, LARGEST, -LARGEST, math.inf] and math.isnan(drawn["loss"][4])


def test_metrics_are_none_one_name_or_a_list_of_different_names():
    assert check_metrics(None) is None
    assert check_metrics("loss") == ["loss"]
    assert check_metrics(("loss", "accuracy")) == ["loss", "accuracy"]
    for bad, error in [([], ValueError), (["loss", "loss"], ValueError), (["loss", 1], TypeError),
                       (3, TypeError), (b"loss", TypeError)]:  # fmt: skip
        with pytest.raises(error, match=r"metrics must be None \(every metric\), a metric name"):
            check_metrics(bad)


def test_pick_metrics_defaults_to_every_metric_of_the_runs_and_names_what_they_have():
    runs = [{"loss": [1.0], "val_loss": [1.0]}, {"accuracy": [0.5], "loss": [0.9]}]
    assert pick_metrics(runs) == ["loss", "accuracy"]
    assert pick_metrics(runs, "accuracy") == ["accuracy"]  # held by one run is enough
    with pytest.raises(
        ValueError,
        match=r"metrics must be among the metrics of the runs: "
        r"'loss', 'accuracy'; got 'val_loss'\. Name the training metric",
    ):
        pick_metrics(runs, ["loss", "val_loss"])
    with pytest.raises(ValueError, match=r"^metric must be among the metrics of run 'b': 'loss'"):
        pick_metrics(runs[:1], "mae", name="metric", whose="run 'b'")


def test_base_metrics_puts_loss_first_and_keeps_the_rest_in_order():
    history = {"accuracy": [0.5], "auc": [0.6], "loss": [0.7], "val_loss": [0.8]}
    assert base_metrics(history) == ["loss", "accuracy", "auc"]


def test_base_metrics_names_validation_only_metrics_without_the_prefix():
    assert base_metrics({"val_loss": [0.8], "val_accuracy": [0.4]}) == ["loss", "accuracy"]
    assert base_metrics({"loss": [0.8], "val_mae": [0.4]}) == ["loss", "mae"]


# ---------------------------------------------------------------- Korean ---

HANGUL = re.compile(r"[\uac00-\ud7a3]")


@pytest.mark.parametrize(
    ("history", "error", "kept"),
    [
        ([0.5, 0.4], TypeError, "[0.5, 0.4]"),
        ({}, ValueError, "epochs=1"),
        ({"loss": np.array(0.5)}, ValueError, "array(0.5)"),
        ({"loss": [0.5, "x"]}, TypeError, "[0.5, 'x']"),
        ({"loss": [0.9, 0.8, 0.7], "accuracy": [0.5]}, ValueError, "{'loss': 3, 'accuracy': 1}"),
        ({"loss": [0.9, 0.8, 0.7, 0.6], "val_loss": [0.7]}, ValueError, "[3, 4]"),
        ({"loss": [0.9, 0.8, 0.7, 0.6], "val_loss": [0.7, 0.6, 0.5]}, ValueError, "'val_loss': 3"),
    ],
)
def test_refusals_speak_korean_with_their_values_and_english_again(history, error, kept):
    set_language("ko")
    with pytest.raises(error) as refused:
        to_history_dict(history)
    assert HANGUL.search(str(refused.value)) and kept in str(refused.value)
    set_language("en")
    with pytest.raises(error) as refused:
        to_history_dict(history)
    assert not HANGUL.search(str(refused.value)) and kept in str(refused.value)


# ------------------------------------------------------------ curves in words ---


@pytest.mark.parametrize(
    ("value", "words"),
    [(0.95321, "0.95"), (187.4, "190"), (-0.0, "0"), (0.00123, "0.0012"), (1e300, "1e+300")],
)
def test_numbers_in_descriptions_keep_two_significant_digits(value, words):
    assert rounded(value) == words


@pytest.mark.parametrize(
    ("key", "korean"),
    [
        ("loss", "손실 (loss)"),
        ("val_loss", "검증 손실 (val_loss)"),
        ("accuracy", "정확도 (accuracy)"),
        ("val_sparse_categorical_accuracy", "검증 정확도 (val_sparse_categorical_accuracy)"),
        ("mean_absolute_error", "평균 절댓값 오차 (mean_absolute_error)"),
        ("val_mae", "검증 평균 절댓값 오차 (val_mae)"),
        ("mse", "평균 제곱 오차 (mse)"),
        ("my_metric", "my_metric"),  # a learner's own metric keeps its name
        ("val_my_metric", "val_my_metric"),
    ],
)
def test_metric_labels_are_the_keys_in_english_and_korean_names_with_the_key(key, korean):
    assert metric_label(key) == key
    set_language("ko")
    assert metric_label(key) == korean


def test_epoch_spans_in_english_and_korean():
    assert (epoch_span([1]), epoch_span([20, 20]), epoch_span([25, 12])) == (
        "1 epoch", "20 epochs", "12 to 25 epochs",
    )  # fmt: skip
    set_language("ko")
    assert (epoch_span([20]), epoch_span([12, 25])) == ("20 에포크", "12~25 에포크")


@pytest.mark.parametrize(
    ("history", "words"),
    [
        ({"loss": [0.9, 0.6, 0.4], "val_loss": [1.0, 0.5, 0.8]},  # validation turns back up
         "training starts at 0.9 and ends at 0.4; validation starts at 1, is lowest at epoch 2 "
         "(0.5) and ends at 0.8"),
        ({"loss": [0.5, 0.9, 0.8]}, "training starts at 0.5, is highest at epoch 2 (0.9) and "
                                    "ends at 0.8"),
        ({"loss": [0.6931, 0.52, 0.497, 0.51, 0.5004]},  # lowest 0.497 rounds as the end does
         "training starts at 0.69 and ends at 0.5"),
        ({"loss": [0.9, 0.5, 0.4, 0.3], "val_loss": [NAN, 0.8, NAN, 0.6]},  # validation_freq=2
         "training starts at 0.9 and ends at 0.3; validation starts at 0.8 and ends at 0.6"),
        ({"loss": [0.9, 0.5], "val_loss": [NAN, 0.8]}, "training starts at 0.9 and ends at 0.5; "
                                                       "validation is 0.8 at epoch 2"),
        ({"loss": [NAN, math.inf]}, "training has no finite value"),
        ({"val_loss": [0.7, 0.6]}, "validation starts at 0.7 and ends at 0.6"),
    ],
)  # fmt: skip
def test_curves_in_words_say_where_each_curve_starts_turns_and_ends(history, words):
    assert curves_in_words(history, "loss") == words


def test_learning_curves_in_words_one_sentence_per_metric_in_english_and_korean():
    history = {"loss": [0.9, 0.4], "accuracy": [0.5, 0.9]}
    assert learning_curves_in_words(history, ["loss", "accuracy"]) == (
        "Learning curves of loss over 2 epochs: training starts at 0.9 and ends at 0.4. "
        "Learning curves of accuracy over 2 epochs: training starts at 0.5 and ends at 0.9."
    )
    set_language("ko")
    history = {"loss": [1.0, 0.5, 0.4], "val_loss": [1.0, 0.3, 0.6]}
    assert learning_curves_in_words(history, ["loss"]) == (
        "3 에포크 동안의 손실 (loss) 학습 곡선: 훈련 값은 처음 1, 마지막 0.4; "
        "검증 값은 처음 1, 2번째 에포크에서 최저 0.3, 마지막 0.6."
    )
