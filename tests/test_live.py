"""Tests of helpers.live: the LivePlot callback, without a browser (drawing: test_curves)."""

from __future__ import annotations

import math
import re
from types import SimpleNamespace

import ipywidgets as widgets
import keras
import numpy as np
import pytest
from IPython.core.formatters import DisplayFormatter

from helpers import live
from helpers.i18n import set_language
from helpers.live import PLACEHOLDER, LivePlot


def polylines(svg: str) -> list[str]:
    return re.findall(r"<polyline [^>]*>", svg)


def points(polyline: str) -> int:
    return len(re.search(r'points="([^"]*)"', polyline).group(1).split())


@pytest.fixture(scope="module")
def tiny_data():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(40, 3)).astype("float32")
    y = (x[:, 0] > 0).astype("float32")
    return x, y


def tiny_model() -> keras.Model:
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model


def observed_values(widget: widgets.HTML) -> list[str]:
    """Every value the widget is set to from now on."""
    seen: list[str] = []
    widget.observe(lambda change: seen.append(change["new"]), "value")
    return seen


# ---------------------------------------------------------------- LivePlot ---


def test_liveplot_draws_into_an_html_widget_during_and_after_fit(tiny_data):
    x, y = tiny_data
    target = widgets.HTML()
    values = observed_values(target)
    plot = LivePlot(target=target, min_interval=0)
    history = tiny_model().fit(
        x, y, epochs=4, batch_size=20, validation_data=(x, y), verbose=0, callbacks=[plot]
    )
    assert len(values) == 4  # one per epoch; the final redraw repeats the last one
    assert target.value == plot.svg and target.value.startswith("<svg")
    assert [points(p) for p in polylines(target.value)] == [4, 4, 4, 4]
    assert plot.history.keys() == history.history.keys()
    assert np.allclose(plot.history["val_loss"], history.history["val_loss"])


def test_liveplot_throttles_but_always_draws_the_end(tiny_data):
    x, y = tiny_data
    target = widgets.HTML()
    values = observed_values(target)
    plot = LivePlot(target=target, min_interval=3600)
    tiny_model().fit(x, y, epochs=6, batch_size=20, verbose=0, callbacks=[plot])
    assert len(values) == 2  # the first epoch at once, then only the final redraw
    assert [points(p) for p in polylines(values[0])] == [1, 1]
    assert [points(p) for p in polylines(values[1])] == [6, 6]


def test_liveplot_redraws_at_most_once_per_min_interval(monkeypatch):
    now = [0.0]
    monkeypatch.setattr(live, "time", SimpleNamespace(monotonic=lambda: now[0]))
    target = widgets.HTML()
    values = observed_values(target)
    plot = LivePlot(target=target, min_interval=0.5)
    plot.set_params({"epochs": 10})
    plot.on_train_begin()
    for epoch, seconds in enumerate([0.0, 0.1, 0.2, 0.6, 0.7, 1.2, 1.25]):
        now[0] = seconds
        plot.on_epoch_end(epoch, {"loss": 1.0 / (epoch + 1)})
    assert len(values) == 3  # at 0.0, 0.6 and 1.2 s
    plot.on_train_end()
    assert len(values) == 4 and points(polylines(values[-1])[0]) == 7


def test_liveplot_uses_one_display_handle_and_never_clears(monkeypatch, tiny_data):
    calls = []

    class Handle:
        def update(self, obj):
            calls.append(("update", obj))

    def fake_display(obj, *, display_id):
        calls.append(("display", obj, display_id))
        return Handle()

    monkeypatch.setattr(live, "display", fake_display)
    monkeypatch.setattr(live.InteractiveShell, "initialized", classmethod(lambda cls: True))
    x, y = tiny_data
    plot = LivePlot(min_interval=0)
    tiny_model().fit(x, y, epochs=3, batch_size=20, verbose=0, callbacks=[plot])
    assert [c[0] for c in calls] == ["display", "update", "update", "update"]
    assert calls[0][2] is True
    view = calls[-1][1]
    data, metadata = DisplayFormatter().format(view)  # what IPython would send
    assert data["text/plain"] == PLACEHOLDER
    assert data["image/svg+xml"] == plot.svg and points(polylines(plot.svg)[0]) == 3
    # The curves in words, as the SVG's alt text on the site and the slides.
    alt = metadata["image/svg+xml"]["alt"]
    assert alt.startswith("Learning curves of loss over 3 epochs: training starts at ")
    assert "Learning curves of accuracy over 3 epochs: training starts at " in alt


def test_liveplot_outside_jupyter_shows_nothing_but_keeps_the_drawing(tiny_data, capsys):
    x, y = tiny_data
    plot = LivePlot()
    tiny_model().fit(x, y, epochs=2, batch_size=20, verbose=0, callbacks=[plot])
    assert capsys.readouterr().out == ""
    assert plot.svg.startswith("<svg") and repr(plot._view) == PLACEHOLDER


def test_liveplot_replaces_the_only_output_of_an_output_widget(tiny_data):
    x, y = tiny_data
    out = widgets.Output()
    tiny_model().fit(
        x, y, epochs=3, batch_size=20, verbose=0, callbacks=[LivePlot(target=out, min_interval=0)]
    )  # fmt: skip
    assert len(out.outputs) == 1
    (output,) = out.outputs
    assert output["output_type"] == "display_data"
    assert output["data"]["text/plain"] == PLACEHOLDER
    assert output["metadata"]["image/svg+xml"]["alt"].startswith("Learning curves of loss")
    assert points(polylines(output["data"]["image/svg+xml"])[0]) == 3


def test_liveplot_draws_only_the_metrics_asked_for_and_pads_missing_epochs(tiny_data):
    x, y = tiny_data
    target = widgets.HTML()
    plot = LivePlot(target=target, metrics=["loss"], min_interval=0)
    tiny_model().fit(
        x, y, epochs=4, batch_size=20, validation_data=(x, y), validation_freq=2, verbose=0,
        callbacks=[plot],
    )  # fmt: skip
    assert ">accuracy<" not in target.value
    assert plot.history["val_loss"][0] != plot.history["val_loss"][0]  # NaN: no validation yet
    assert [points(p) for p in polylines(target.value)] == [4, 2]


def test_liveplot_takes_one_metric_name_and_draws_every_metric_by_default(tiny_data):
    x, y = tiny_data
    one, every = LivePlot(metrics="accuracy", min_interval=0), LivePlot(min_interval=0)
    tiny_model().fit(x, y, epochs=2, validation_data=(x, y), verbose=0, callbacks=[one, every])
    assert re.findall(r'font-weight="bold">(\w+)<', one.svg) == ["accuracy"]
    assert re.findall(r'font-weight="bold">(\w+)<', every.svg) == ["loss", "accuracy"]


def test_liveplot_starts_afresh_on_each_fit(tiny_data):
    x, y = tiny_data
    plot, model = LivePlot(min_interval=0), tiny_model()
    model.fit(x, y, epochs=3, batch_size=20, verbose=0, callbacks=[plot])
    model.fit(x, y, epochs=2, batch_size=20, verbose=0, callbacks=[plot])
    assert len(plot.history["loss"]) == 2


@pytest.mark.parametrize(
    ("options", "error", "match"),
    [
        ({"metrics": 3}, TypeError, "list of different metric names; got 3"),
        ({"metrics": ["loss", 1]}, TypeError, "list of different metric names"),
        ({"metrics": ["loss", "loss"]}, ValueError, "list of different metric names"),
        ({"min_interval": -1}, ValueError, r"min_interval must be a number at least 0; got -1"),
        ({"min_interval": "fast"}, TypeError, r"min_interval must be a number .* It is in seconds"),
        ({"min_interval": math.inf}, ValueError, r"min_interval must be .*; got inf"),
        ({"target": widgets.Label()}, TypeError, r"an ipywidgets.Output; got Label"),
        ({"target": "below"}, TypeError, r"target must be None .*; got 'below'"),
    ],
)  # fmt: skip
def test_liveplot_bad_options_say_how_to_fix_them(options, error, match):
    with pytest.raises(error, match=match):
        LivePlot(**options)


def test_liveplot_unknown_metric_fails_at_the_first_epoch_naming_the_metrics(tiny_data):
    x, y = tiny_data
    with pytest.raises(
        ValueError,
        match=r"among the metrics of the history: 'loss', 'accuracy'; "
        r"got 'auc'",
    ):
        tiny_model().fit(x, y, epochs=2, verbose=0, callbacks=[LivePlot(metrics=["auc"])])


def test_liveplot_options_are_keyword_only():
    with pytest.raises(TypeError):
        LivePlot(["loss"])  # type: ignore[misc]


def test_liveplot_decides_how_to_draw_once_when_made(monkeypatch):
    target = widgets.HTML()
    plot = LivePlot(target=target, min_interval=0)
    plot.set_params({"epochs": 2})
    plot.on_train_begin()
    monkeypatch.setattr(widgets, "HTML", None)  # no more type checks after construction
    plot.on_epoch_end(0, {"loss": 1.0})
    assert target.value == plot.svg and target.value.startswith("<svg")


# ---------------------------------------------------------------- Korean ---

HANGUL = re.compile(r"[\uac00-\ud7a3]")


def test_the_placeholder_and_refusals_speak_korean_and_english_again():
    view = live._SvgView()
    set_language("ko")
    assert repr(view) == "[실시간 학습 곡선]" == view._repr_mimebundle_()[0]["text/plain"]
    with pytest.raises(ValueError) as refused:
        LivePlot(min_interval=-1)
    assert HANGUL.search(str(refused.value)) and "받은 값: -1." in str(refused.value)
    with pytest.raises(TypeError) as refused:
        LivePlot(target="below")
    assert HANGUL.search(str(refused.value)) and "받은 값: 'below'." in str(refused.value)
    set_language("en")
    assert repr(view) == PLACEHOLDER == "[live training curves]"
    with pytest.raises(ValueError, match=r"min_interval must be a number at least 0; got -1\."):
        LivePlot(min_interval=-1)


def test_liveplot_draws_korean_labels(tiny_data):
    set_language("ko")
    x, y = tiny_data
    plot = LivePlot(min_interval=0)
    tiny_model().fit(x, y, epochs=2, validation_data=(x, y), verbose=0, callbacks=[plot])
    assert ">에포크<" in plot.svg and ">훈련<" in plot.svg and ">검증<" in plot.svg
    assert ">손실 (loss)<" in plot.svg  # the panel's title
    assert plot._view.alt.startswith("2 에포크 동안의 손실 (loss) 학습 곡선: 훈련 값은 처음 ")
    assert "; 검증 값은 처음 " in plot._view.alt
