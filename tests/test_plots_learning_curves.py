"""Tests for helpers.plots.learning_curves: plot_history, plot_training and plot_runs."""

from __future__ import annotations

import re

import keras
import matplotlib.pyplot as plt
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from matplotlib.axes import Axes
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from helpers.curves import curves_svg
from helpers.history import base_metrics, learning_curves_in_words
from helpers.i18n import set_language
from helpers.plots import (
    description,
    plot_history,
    plot_runs,
    plot_training,
)
from tests.property_support import REFUSED, mostly, outcome, unpack
from tests.test_checks import ANYTHING
from tests.test_plots import (
    AXES,
    NUMBER,
    check_drawn,
    make_axes,
)

HISTORY = {
    "loss": [0.9, 0.6, 0.4],
    "accuracy": [0.5, 0.7, 0.8],
    "val_loss": [1.0, 0.7, 0.6],
    "val_accuracy": [0.4, 0.6, 0.7],
}


def lines_by_label(ax):
    return {line.get_label(): line for line in ax.get_lines()}


def test_plot_history_train_solid_validation_dashed_same_colour_from_epoch_1():
    ax = plot_history(HISTORY, metric="accuracy")
    lines = lines_by_label(ax)
    train, val = lines["training"], lines["validation"]
    assert train.get_linestyle() == "-" and val.get_linestyle() == "--"
    assert to_hex(train.get_color()) == to_hex(val.get_color())
    assert list(train.get_xdata()) == [1, 2, 3]
    assert list(val.get_ydata()) == HISTORY["val_accuracy"]
    assert ax.get_xlabel() == "epoch" and ax.get_ylabel() == "accuracy"


def test_plot_history_accepts_a_keras_history_and_draws_on_the_given_axes():
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    history = model.fit(np.ones((8, 2)), np.ones(8), epochs=2, verbose=0)
    fig, ax = plt.subplots()
    returned = plot_history(history, ax=ax, label="run A", color="red")
    assert returned is ax
    (line,) = ax.get_lines()
    assert line.get_label() == "run A (training)" and to_hex(line.get_color()) == "#ff0000"
    assert list(line.get_xdata()) == [1, 2]


def test_plot_training_one_panel_per_metric_loss_first():
    fig = plot_training(HISTORY, title="breast cancer")
    assert [ax.get_ylabel() for ax in fig.axes] == ["loss", "accuracy"]
    assert fig.get_suptitle() == "breast cancer"
    assert len(plot_training(HISTORY, metrics="accuracy").axes) == 1


def test_plot_runs_overlays_runs_in_their_own_colours():
    ax = plot_runs({"adam": HISTORY, "sgd": {"loss": [1.0, 0.9, 0.8]}}, metric="loss")
    lines = lines_by_label(ax)
    assert set(lines) == {"adam (training)", "adam (validation)", "sgd (training)"}
    assert to_hex(lines["adam (training)"].get_color()) != to_hex(
        lines["sgd (training)"].get_color()
    )
    assert "dashed = validation" in ax.get_title()
    assert plot_runs([("only", {"loss": [1.0, 0.5]})]).get_title() == "loss"


def test_both_curve_drawers_share_one_rule_for_metrics_and_one_default():
    for metrics in [None, "accuracy", ["accuracy", "loss"]]:
        panels = [ax.get_ylabel() for ax in plot_training(HISTORY, metrics=metrics).axes]
        svg = curves_svg({"": HISTORY}, metrics=metrics)
        assert panels == re.findall(r'font-weight="bold">(\w+)<', svg)
    assert panels == ["accuracy", "loss"]
    many = {"loss": [1.0], "accuracy": [0.5], "auc": [0.6], "precision": [0.7]}
    assert len(plot_training(many).axes) == 4 == curves_svg({"": many}).count("font-weight")
    for bad in [[], ["loss", "loss"], 3]:
        for draw in (lambda bad=bad: plot_training(HISTORY, metrics=bad),
                     lambda bad=bad: curves_svg({"": HISTORY}, metrics=bad)):  # fmt: skip
            with pytest.raises((TypeError, ValueError), match=r"^metrics must be None \(every"):
                draw()


def test_both_curve_drawers_draw_huge_values_at_1e300():
    diverging = {"loss": [1.0, 1e305, -1e308]}
    (line,) = plot_history(diverging).get_lines()
    assert list(line.get_ydata()) == [1.0, 1e300, -1e300]
    assert curves_svg({"": diverging}).count("<polyline") == 1


def test_plot_history_joins_validation_recorded_every_other_epoch():
    ax = plot_history({"loss": [0.9, 0.7, 0.6, 0.5], "val_loss": [1.0, 0.8]})  # validation_freq=2
    training, validation = ax.get_lines()
    assert list(training.get_xdata()) == [1, 2, 3, 4]
    assert list(validation.get_xdata()) == [2, 4] and list(validation.get_ydata()) == [1.0, 0.8]


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: plot_history([0.5, 0.4]), TypeError, "Keras History"),
        (lambda: plot_history({}), ValueError, "history must be a history of at least one epoch"),
        (lambda: plot_history({"loss": []}), ValueError, "at least one epoch"),
        (
            lambda: plot_history({"loss": [1, 2, 3], "val_loss": [1, 2]}),
            ValueError,
            "lengths differ",
        ),
        (
            lambda: plot_history(HISTORY, metric="acc"),
            ValueError,
            r"^metric must be among the metrics of the history: 'loss', 'accuracy'; got 'acc'\.",
        ),
        (
            lambda: plot_history(HISTORY, metric="val_loss"),
            ValueError,
            r"got 'val_loss'\. Name the training metric: its val_ curve is drawn with it\.",
        ),
        (lambda: plot_training(HISTORY, metrics=[]), ValueError, "metrics must be None"),
        (lambda: plot_runs({}), ValueError, r"runs must be a non-empty dict .*; got \{\}\. Train"),
        (lambda: plot_runs("adam"), TypeError, "dict {label: history}"),
        (lambda: plot_runs([HISTORY]), TypeError, r"runs\[0\] must be a \(label, history\) pair"),
        (
            lambda: plot_runs({"a": HISTORY, "b": {"loss": [1.0]}}, metric="accuracy"),
            ValueError,
            "metric must be among the metrics of run 'b': 'loss'; got 'accuracy'",
        ),
        (
            lambda: plot_runs({"a": {"loss": np.array(0.5)}}),
            ValueError,
            r"runs\['a'\]\['loss'\] must be a list with one number per epoch; got array\(0.5\)",
        ),
        (lambda: plot_history({"loss": np.array(0.5)}), ValueError, r"got array\(0.5\)\.$"),
        (lambda: plot_training({"loss": np.array(0.5)}), ValueError, r"got array\(0.5\)\.$"),
        # Found by the property tests below, or typed by learners:
        (lambda: plot_history(HISTORY, ax=plt.figure()), TypeError, r"ax must be .*fig.gca\(\)"),
        (lambda: plot_runs({"a": HISTORY}, ax="left"), TypeError, "plt.subplots"),
        (lambda: plot_history(HISTORY, color="blurple"), ValueError, "color must be"),
        (lambda: plot_history(HISTORY, metric=["loss"]), TypeError, "metric must be"),
        (lambda: plot_history({"loss": [10**400]}), ValueError, "(?i)history.*1e308"),
        (lambda: plot_training(HISTORY, metrics=3), TypeError, "metrics must be None"),
        (lambda: plot_training(HISTORY, metrics=["loss"] * 2), ValueError, "different"),
    ],
)
def test_bad_input_is_explained(call, error, message):
    with pytest.raises(error, match=message):
        call()


# ---------------------------------------------------------------- properties ---


NAMES = ["loss", "accuracy"]
METRIC = mostly(st.sampled_from(NAMES), st.one_of(st.just("acc"), ANYTHING))


GOOD_HISTORY = st.integers(1, 4).flatmap(
    lambda n: st.fixed_dictionaries(
        {"loss": st.lists(st.floats(), min_size=n, max_size=n)},
        optional={
            name: st.lists(st.floats(), min_size=n, max_size=n) for name in ["val_loss", "accuracy"]
        },
    )  # fmt: skip
)


HISTORIES = mostly(
    GOOD_HISTORY,
    st.one_of(
        st.dictionaries(
            st.one_of(st.sampled_from(["loss", "val_loss"]), st.integers()),
            st.one_of(
                st.lists(NUMBER, max_size=4),
                st.text(max_size=3),
                st.none(),
                hnp.arrays(np.float64, ()),  # a 0-d array: refused, naming the metric
            ),  # fmt: skip
            max_size=3,
        ),
        ANYTHING,
    ),
)


def holds(history, *metrics):
    """Whether the (valid) history has every one of ``metrics``."""
    return set(metrics) <= set(base_metrics(history))


@settings(max_examples=60, deadline=None)
@given(
    history=HISTORIES,
    metric=METRIC,
    ax=AXES,
    color=mostly(st.sampled_from([None, "red", "C1"]), ANYTHING),
)
def test_plot_history_draws_or_refuses_clearly(history, metric, ax, color):
    (history, metric, ax, color), valid = unpack(history, metric, ax, color)
    ax = make_axes(ax)
    result = outcome(lambda: plot_history(history, metric=metric, ax=ax, color=color),
                     "history", "metric", "ax", "color",
                     valid=valid and holds(history, metric))  # fmt: skip
    if result is not REFUSED:
        check_drawn(result, Axes)
        assert ax is None or result is ax


@settings(max_examples=30, deadline=None)
@given(
    history=HISTORIES,
    metrics=mostly(
        st.none() | st.sampled_from(NAMES) | st.lists(st.sampled_from(NAMES), min_size=1,
                                                      max_size=2, unique=True),
        st.lists(METRIC.map(lambda drawn: drawn[0]), max_size=2) | ANYTHING,
    ),
)  # fmt: skip
def test_plot_training_draws_or_refuses_clearly(history, metrics):
    (history, metrics), valid = unpack(history, metrics)
    asked = [] if metrics is None else [metrics] if isinstance(metrics, str) else metrics
    result = outcome(lambda: plot_training(history, metrics=metrics), "history", "metric",
                     valid=valid and holds(history, *asked))  # fmt: skip
    if result is not REFUSED:
        check_drawn(result, Figure)
        assert len(result.axes) == len(asked or base_metrics(history))


@settings(max_examples=30, deadline=None)
@given(
    runs=mostly(
        st.dictionaries(st.text(max_size=3), GOOD_HISTORY, min_size=1, max_size=3),
        st.one_of(
            st.lists(st.tuples(ANYTHING, HISTORIES.map(lambda drawn: drawn[0])), max_size=2),
            ANYTHING,
        ),
    ),
    metric=METRIC,
    ax=AXES,
)
def test_plot_runs_draws_or_refuses_clearly(runs, metric, ax):
    (runs, metric, ax), valid = unpack(runs, metric, ax)
    ax = make_axes(ax)
    valid = valid and all(holds(history, metric) for history in runs.values())
    result = outcome(lambda: plot_runs(runs, metric=metric, ax=ax),
                     "run", "history", "metric", "ax", valid=valid)  # fmt: skip
    if result is not REFUSED:
        check_drawn(result, Axes)


# ------------------------------------------------------ text alternatives ---


def test_plot_history_describes_its_curves_as_learning_curves_in_words_does():
    history = {"loss": [0.9, 0.5, 0.4], "accuracy": [0.5, 0.9, 0.8]}
    ax = plot_history(history, metric="accuracy", ax=plt.figure().gca())
    assert (
        description(ax)
        == learning_curves_in_words(history, ["accuracy"])
        == (
            "Learning curves of accuracy over 3 epochs: training starts at 0.5, is highest at "
            "epoch 2 (0.9) and ends at 0.8."
        )
    )


def test_the_runs_and_the_panels_are_described_in_english_and_korean():
    runs = {"adam": {"loss": [0.9, 0.5, 0.3]}, "sgd": {"loss": [0.9, 0.8, 0.7, 0.65, 0.6]}}
    assert description(plot_runs(runs, ax=plt.figure().gca()).figure) == (
        "loss. Learning curves of loss over 3 to 5 epochs for 2 runs, one colour per run. "
        "adam: training starts at 0.9 and ends at 0.3. sgd: training starts at 0.9 and ends at 0.6."
    )
    fig = plot_training({"loss": [0.9, 0.5], "val_loss": [1.0, 0.6]}, title="a run")
    assert description(fig) == (
        "a run. Learning curves of loss over 2 epochs: training starts at 0.9 and ends at 0.5; "
        "validation starts at 1 and ends at 0.6."
    )
    set_language("ko")
    ax = plot_history({"loss": [1.0, 0.5, 0.4], "val_loss": [1.0, 0.3, 0.6]}, ax=plt.figure().gca())
    assert description(ax.figure) == (
        "3 에포크 동안의 손실 (loss) 학습 곡선: 훈련 값은 처음 1, 마지막 0.4; "
        "검증 값은 처음 1, 2번째 에포크에서 최저 0.3, 마지막 0.6."
    )
    assert description(plot_runs(runs, ax=plt.figure().gca()).figure) == (
        "손실 (loss). 3~5 에포크 동안의 손실 (loss) 학습 곡선, 실행 2개, 실행마다 다른 색. "
        "adam: 훈련 값은 처음 0.9, 마지막 0.3. sgd: 훈련 값은 처음 0.9, 마지막 0.6."
    )
