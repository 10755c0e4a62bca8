"""Tests of helpers.curves: training curves as SVG, with no Keras."""

from __future__ import annotations

import math
import re
import subprocess
import sys
from types import SimpleNamespace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.curves import curves_svg
from helpers.history import base_metrics
from helpers.i18n import set_language
from tests.property_support import REFUSED, mostly, outcome, unpack
from tests.test_checks import ANYTHING

HISTORY = {
    "loss": [0.9, 0.6, 0.4],
    "accuracy": [0.5, 0.7, 0.8],
    "val_loss": [1.0, 0.7, 0.5],
    "val_accuracy": [0.4, 0.6, 0.7],
}


def polylines(svg: str) -> list[str]:
    return re.findall(r"<polyline [^>]*>", svg)


def points(polyline: str) -> int:
    return len(re.search(r'points="([^"]*)"', polyline).group(1).split())


def y_labels(svg: str) -> list[str]:
    return re.findall(r'text-anchor="end">([^<]*)</text>', svg)


def test_importing_curves_loads_no_tensorflow():
    code = "import sys, helpers.curves; print('keras' in sys.modules, 'tensorflow' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


# ------------------------------------------------------------- curves_svg ---


def test_curves_svg_draws_one_polyline_per_series_with_validation_dashed():
    svg = curves_svg({"": HISTORY})
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    lines = polylines(svg)
    assert len(lines) == 4  # loss, val_loss, accuracy, val_accuracy
    assert all('class="val"' in p and "stroke-dasharray" in p for p in lines if "val" in p)
    assert all("stroke-dasharray" not in p for p in lines if 'class="train"' in p)
    train_colour, val_colour = (re.search(r'stroke="(#\w+)"', p)[1] for p in lines[:2])
    assert train_colour == val_colour
    assert ">loss<" in svg and ">accuracy<" in svg and ">validation<" in svg
    assert [points(p) for p in lines] == [3, 3, 3, 3]


def test_curves_svg_overlays_runs_in_their_own_colours_with_labels():
    other = {k: [v * 1.1 for v in values] for k, values in HISTORY.items()}
    svg = curves_svg({"adam <fast>": HISTORY, "sgd": other}, metrics=["loss"])
    lines = polylines(svg)
    assert len(lines) == 4
    colours = {re.search(r'stroke="(#\w+)"', p)[1] for p in lines}
    assert len(colours) == 2
    assert "adam &lt;fast&gt;" in svg and ">sgd<" in svg  # labels escaped
    assert ">accuracy<" not in svg


def test_curves_svg_epoch_axis_reaches_max_epoch_and_starts_at_1():
    svg = curves_svg({"": {"loss": [1.0]}}, max_epoch=50)
    ticks = re.findall(r'text-anchor="middle">(\d+)</text>', svg)
    assert ticks[0] == "1" and ticks[-1] == "50"
    assert len(polylines(svg)) == 1  # a single epoch is still drawn (as a dot)


def test_curves_svg_leaves_out_nan_and_keeps_diverged_runs_from_squashing_others():
    diverged = {"loss": [1.2, 3e26, math.nan]}
    steady = {"loss": [0.9, 0.5, 0.3]}
    svg = curves_svg({"steady": steady, "diverged": diverged})
    lines = polylines(svg)
    assert [points(p) for p in lines] == [3, 2]
    assert "e+" not in svg  # the axis follows the steady run, not 3e26
    alone = curves_svg({"": diverged})
    assert "e+26" in alone  # a diverged run alone shows how far it went


def test_curves_svg_accepts_a_keras_history_like_object():
    history = SimpleNamespace(history={"loss": [0.5, 0.4]})
    assert len(polylines(curves_svg({"run": history}))) == 1


@pytest.mark.parametrize(
    ("runs", "options", "error", "match"),
    [
        ({}, {}, TypeError, "non-empty dict of label -> history"),
        ([HISTORY], {}, TypeError, "non-empty dict of label -> history"),
        ({"": HISTORY}, {"metrics": 3}, TypeError, r"list of different metric names; got 3"),
        ({"": HISTORY}, {"metrics": []}, ValueError, "list of different metric names; got \\[\\]"),
        ({"": HISTORY}, {"metrics": ["val_loss"]}, ValueError,
         r"among the metrics of the history: 'loss', 'accuracy'; got 'val_loss'"),
        ({"": HISTORY}, {"max_epoch": 0}, ValueError, "max_epoch must be a whole number from 1"),
        ({"": HISTORY}, {"max_epoch": 10**400}, ValueError, "max_epoch must be a whole number"),
        ({"": HISTORY}, {"max_epoch": 2.0}, TypeError, "max_epoch must be a whole number"),
        ({"": HISTORY}, {"width": 50}, ValueError, r"width must be .* from 200 to 100000; got 50"),
        ({"": HISTORY}, {"width": 10**400}, ValueError, r"width must be .* It counts pixels"),
        ({"": {"loss": [10**400]}}, {}, ValueError, r"runs\[''\]\['loss'\] must be .*1e308"),
        ({"": {"loss": [None]}}, {}, TypeError, r"runs\[''\]\['loss'\] must be an array or list"),
        ({"": {"loss": "0.5"}}, {}, TypeError, r"\['loss'\] must be an array or list of numbers"),
        ({"a": {"loss": np.array(0.5)}}, {}, ValueError,
         r"^runs\['a'\]\['loss'\] must be a list with one number per epoch; got array\(0.5\)\.$"),
    ],
)  # fmt: skip
def test_curves_svg_bad_input_says_how_to_fix_it(runs, options, error, match):
    with pytest.raises(error, match=match):
        curves_svg(runs, **options)


def test_curves_svg_is_cheap():
    long = {k: list(np.linspace(1, 0, 500)) for k in HISTORY}
    curves_svg({"": long})
    assert len(curves_svg({"": long})) < 60_000


def test_tick_labels_are_as_precise_as_the_step_between_them():
    labels = y_labels(curves_svg({"": {"loss": [0.01, 0.011]}}, metrics=["loss"]))
    assert labels == ["0.01000", "0.01025", "0.01050", "0.01075", "0.01100"]
    assert y_labels(curves_svg({"": {"loss": [0.2, 1.3]}})) == ["0.0", "0.5", "1.0", "1.5"]
    tiny = y_labels(curves_svg({"": {"loss": [1e-7, 2e-7]}}))
    assert tiny == ["1e-07", "1.25e-07", "1.5e-07", "1.75e-07", "2e-07"]


@settings(max_examples=200, deadline=None)
@given(
    low=st.floats(-1e12, 1e12),
    span=st.floats(1e-6, 1e6),
)
def test_neighbouring_tick_labels_differ_and_read_as_their_values(low, span):
    labels = y_labels(curves_svg({"": {"loss": [low, low + span * max(1, abs(low))]}}))
    values = [float(label) for label in labels]
    assert len(set(labels)) == len(labels) >= 2
    steps = np.diff(values)
    assert np.allclose(steps, steps[0], rtol=1e-6), labels  # evenly spaced as written


def test_every_metric_is_drawn_by_default_and_one_name_is_a_list_of_one():
    svg = curves_svg({"a": {"loss": [1.0], "auc": [0.5]}, "b": {"loss": [1.0], "mae": [0.2]}})
    assert re.findall(r'font-weight="bold">(\w+)<', svg) == ["loss", "auc", "mae"]
    assert curves_svg({"": HISTORY}, metrics="loss") == curves_svg({"": HISTORY}, metrics=["loss"])


def test_values_beyond_1e300_are_drawn_at_the_edge_of_the_frame():
    svg = curves_svg({"": {"loss": [1.0, 1e305]}})
    assert [points(p) for p in polylines(svg)] == [2] and "1e+300" in "".join(y_labels(svg))


# Histories of anything: numbers of every size, NaN, infinity, and things that are not numbers.
VALUES = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-(10**400), 10**400),
    st.sampled_from([None, "0.5", "fast", True, [1.0], np.float32(0.5), np.int64(3)]),
)
HISTORIES = st.dictionaries(
    st.sampled_from(["loss", "accuracy", "val_loss", "val_accuracy", 3]),
    st.one_of(st.lists(VALUES, max_size=6), VALUES, st.just(np.array(0.5))),
    max_size=4,
)
NAMES = ["loss", "accuracy", "auc"]
# Histories a learner's model.fit gives: floats of any size, NaN and infinity among them.
GOOD_HISTORY = st.integers(1, 5).flatmap(
    lambda n: st.dictionaries(
        st.sampled_from(["loss", "accuracy", "val_loss", "val_accuracy", "auc"]),
        st.lists(st.floats() | st.floats(width=32).map(np.float32), min_size=n, max_size=n),
        min_size=1,
    )
)


@settings(max_examples=400, deadline=None)
@given(
    runs=mostly(
        st.dictionaries(st.sampled_from(["", "a", "b"]), GOOD_HISTORY, min_size=1, max_size=3),
        st.one_of(st.dictionaries(st.sampled_from(["", "a", "b"]), HISTORIES, max_size=3), VALUES),
    ),
    metrics=mostly(
        st.none() | st.sampled_from(NAMES) | st.lists(st.sampled_from(NAMES), min_size=1,
                                                      max_size=2, unique=True),
        st.lists(st.sampled_from(NAMES + ["val_loss"]), max_size=3) | ANYTHING,
    ),
    max_epoch=mostly(st.none() | st.integers(1, 10**9),
                     st.integers(-5, 10**12) | st.sampled_from([2.0, "5", 10**400])),
    width=mostly(st.integers(200, 100_000) | st.integers(200, 10**5).map(np.int64),
                 st.integers(-10, 10**6) | st.sampled_from([640.0, 10**400])),
)  # fmt: skip
def test_curves_svg_draws_anything_or_refuses_it_by_name(runs, metrics, max_epoch, width):
    """Valid runs and options are drawn; anything else is drawn too or refused with a clear
    ValueError or TypeError. A drawing holds no NaN or infinity."""
    (runs, metrics, max_epoch, width), valid = unpack(runs, metrics, max_epoch, width)
    if valid:
        held = {name for history in runs.values() for name in base_metrics(history)}
        asked = [] if metrics is None else [metrics] if isinstance(metrics, str) else metrics
        valid = set(asked) <= held
    svg = outcome(lambda: curves_svg(runs, metrics=metrics, max_epoch=max_epoch, width=width),
                  "runs", "history", "metric", "max_epoch", "width", valid=valid)  # fmt: skip
    if svg is not REFUSED:
        assert svg.startswith("<svg") and svg.endswith("</svg>")
        assert not re.search(r"nan|inf", svg, re.IGNORECASE)


@settings(max_examples=200, deadline=None)
@given(
    values=st.lists(
        st.floats(allow_nan=True, allow_infinity=True) | st.floats(-1e-300, 1e-300),
        min_size=1,
        max_size=8,
    )
)
def test_curves_svg_draws_every_finite_value_inside_the_frame(values):
    svg = curves_svg({"": {"loss": values}}, metrics=["loss"])
    finite = sum(math.isfinite(v) for v in values)
    drawn = polylines(svg)
    assert [points(p) for p in drawn] == ([finite] if finite else [])
    for x, y in re.findall(r"(-?[\d.]+),(-?[\d.]+)", " ".join(drawn)):
        assert 0 <= float(x) <= 640 and 24 <= float(y) <= 184  # the plotting area


# ---------------------------------------------------------------- Korean ---

HANGUL = re.compile(r"[\uac00-\ud7a3]")


def texts(svg: str) -> list[str]:
    return re.findall(r"<text [^>]*>([^<]*)</text>", svg)


def test_axis_label_and_legend_speak_korean_and_english_again():
    set_language("ko")
    korean = texts(curves_svg({"adam": HISTORY}))
    assert {"에포크", "훈련", "검증"} <= set(korean)
    # Metric names in Korean, with Keras' key for code; run labels as given.
    assert {"손실 (loss)", "정확도 (accuracy)", "adam"} <= set(korean)
    assert "<title>검증 손실 (val_loss)</title>" in curves_svg({"adam": HISTORY})  # a curve's tip
    set_language("en")
    english = texts(curves_svg({"adam": HISTORY}))
    assert {"epoch", "train", "validation", "loss", "accuracy"} <= set(english)
    assert not any(HANGUL.search(text) for text in english)


@pytest.mark.parametrize(
    ("call", "kept"),
    [
        (lambda: curves_svg({"": HISTORY}, metrics=["mae"]), "'mae'"),
        (lambda: curves_svg({}), "받은 값: {}."),
        (lambda: curves_svg({"": HISTORY}, width=10), "받은 값: 10. 픽셀 수입니다."),
        (lambda: curves_svg({"": HISTORY}, metrics=3), "받은 값: 3. 예: ['loss', 'accuracy']."),
    ],
)
def test_refusals_speak_korean_and_keep_what_was_received(call, kept):
    set_language("ko")
    with pytest.raises((TypeError, ValueError)) as refused:
        call()
    assert HANGUL.search(str(refused.value)) and kept in str(refused.value)
    set_language("en")
    with pytest.raises((TypeError, ValueError)) as refused:
        call()
    assert not HANGUL.search(str(refused.value))
