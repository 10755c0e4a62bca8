"""helpers.plots.network: the diagram of a learner's own network of Dense layers."""

from __future__ import annotations

import re
import warnings

import keras
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.collections import PathCollection
from matplotlib.font_manager import FontProperties, findfont
from matplotlib.ft2font import FT2Font

from helpers.i18n import HANGUL_FONT_NAME, set_language
from helpers.plots import description, plot_network
from helpers.plots.network import ELLIPSIS, MAX_DENSE_LAYERS

HANGUL = re.compile(r"[\uac00-\ud7a3]")


def xor_model() -> keras.Model:
    return keras.Sequential(
        [keras.Input(shape=(2,)),
         keras.layers.Dense(8, activation="tanh"),
         keras.layers.Dense(1, activation="sigmoid")],
        name="xor",
    )  # fmt: skip


def digits_model() -> keras.Model:
    return keras.Sequential(
        [keras.Input(shape=(28 * 28,)),
         keras.layers.Dense(512, activation="relu"),
         keras.layers.Dense(10, activation="softmax")],
        name="digits",
    )  # fmt: skip


def column(ax, x: int) -> tuple[list[float], list[str]]:
    """The heights of the circles drawn at ``x`` and the texts placed there."""
    heights = [
        float(y)
        for collection in ax.collections
        if isinstance(collection, PathCollection)
        for cx, y in collection.get_offsets()
        if cx == x
    ]
    texts = [text.get_text() for text in ax.texts if text.get_position()[0] == x]
    return heights, texts


def counts(ax, x: int) -> dict[str, int]:
    """The numbers under layer column ``x``: {"weights": ..., "biases": ..., "parameters": ...}."""
    (text,) = [t for t in column(ax, x)[1] if "biases" in t]
    found = dict(re.findall(r"(\w+): (?:[\d,]+ × [\d,]+ = )?([\d,]+)", text))
    return {key: int(value.replace(",", "")) for key, value in found.items()}


def summary_params(model: keras.Model) -> list[int]:
    """The "Param #" column of ``model.summary()``, layer by layer."""
    printed = []
    model.summary(print_fn=lambda text, *args, **kwargs: printed.append(text))
    rows = re.findall(r"│ \S+ \(Dense\)\s+│[^│]+│\s+([\d,]+) │", "".join(printed))
    return [int(row.replace(",", "")) for row in rows]


def test_the_xor_model_is_drawn_unit_by_unit_with_its_counts():
    model = xor_model()
    ax = plot_network(model)
    assert ax.get_title() == "xor · total parameters: 33"
    heights, texts = column(ax, 0)
    assert len(heights) == 2 and texts == ["input\n2 features"]
    heights, texts = column(ax, 1)
    assert len(heights) == 8 and ELLIPSIS not in texts
    assert texts[0] == f"hidden: {model.layers[0].name}\n8 units, tanh"
    assert texts[1] == "weights: 2 × 8 = 16\nbiases: 8\nparameters: 24"
    assert column(ax, 2)[1][0] == f"output: {model.layers[1].name}\n1 unit, sigmoid"
    # every unit of one column is joined to every unit of the next
    assert len(ax.get_lines()) == 2 * 8 + 8 * 1


@pytest.mark.parametrize("make", [xor_model, digits_model])
def test_the_counts_are_count_params_and_model_summary_layer_by_layer(make):
    model = make()
    ax = plot_network(model)
    drawn = [counts(ax, x) for x in range(1, len(model.layers) + 1)]
    for layer, numbers in zip(model.layers, drawn, strict=True):
        fan_in, units = layer.kernel.shape
        assert numbers == {
            "weights": fan_in * units, "biases": units, "parameters": layer.count_params(),
        }  # fmt: skip
    assert [numbers["parameters"] for numbers in drawn] == summary_params(model)
    assert ax.get_title().endswith(f"{model.count_params():,}")


def test_a_512_unit_layer_is_drawn_with_an_ellipsis_and_its_true_count():
    ax = plot_network(digits_model(), max_units=8)
    for x, units in [(0, 784), (1, 512), (2, 10)]:
        heights, texts = column(ax, x)
        assert len(heights) == 7, (x, heights)  # 6 circles, the ellipsis, the last unit
        assert ELLIPSIS in texts
        assert any(f"{units} " in text for text in texts), texts
    assert ax.get_title() == "digits · total parameters: 407,050"
    assert counts(ax, 1) == {"weights": 401408, "biases": 512, "parameters": 401920}
    # connections join drawn circles only: 7 x 7 between each pair of columns
    assert len(ax.get_lines()) == 2 * 7 * 7
    small = plot_network(digits_model(), max_units=3, ax=plt.figure().gca())
    assert len(column(small, 1)[0]) == 2


def test_functional_models_and_models_built_by_a_call_are_drawn_too():
    inputs = keras.Input(shape=(17,))
    hidden = keras.layers.Dense(30, activation="relu")(inputs)
    outputs = keras.layers.Dense(1, activation="sigmoid", use_bias=False)(hidden)
    functional = keras.Model(inputs, outputs, name="surgery")
    ax = plot_network(functional)
    assert counts(ax, 2) == {"weights": 30, "biases": 0, "parameters": 30}
    assert ax.get_title() == f"surgery · total parameters: {functional.count_params()}"
    called = keras.Sequential([keras.layers.Dense(3), keras.layers.Dense(1)])
    called(np.ones((2, 4), dtype="float32"))
    assert column(plot_network(called), 0)[1] == ["input\n4 features"]


def test_it_draws_on_the_axes_given_and_returns_it():
    fig, (left, right) = plt.subplots(1, 2)
    assert plot_network(xor_model(), ax=right) is right
    assert not left.collections and right.collections


def test_korean_diagram_renders_every_character_with_a_font_that_has_it():
    set_language("ko")
    ax = plot_network(digits_model())
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a "Glyph ... missing" warning fails here
        ax.figure.canvas.draw()
    texts = [ax.title, *ax.texts]
    shown = [text.get_text() for text in texts]
    assert shown[0] == "digits · 전체 파라미터: 407,050"
    assert "입력\n특성 784개" in shown
    assert any(t.startswith("은닉층: ") and t.endswith("\n유닛 512개, relu") for t in shown)
    assert "가중치: 784 × 512 = 401,408\n편향: 512\n파라미터: 401,920" in shown
    english = {w for t in shown for w in re.findall(r"[A-Za-z]{3,}", t)}
    assert english <= {"digits", "dense", "relu", "softmax"}, english
    path = findfont(FontProperties(family=HANGUL_FONT_NAME), fallback_to_default=False)
    charmap = set(FT2Font(path).get_charmap())
    for text in texts:
        for char in set(HANGUL.findall(text.get_text())):
            assert ord(char) in charmap, char
    set_language("en")
    assert plot_network(digits_model(), ax=plt.figure().gca()).get_title().startswith("digits ·")


class TwoLayers(keras.Model):
    def __init__(self):
        super().__init__()
        self.hidden = keras.layers.Dense(4, activation="relu")
        self.out = keras.layers.Dense(1)

    def call(self, inputs):
        return self.out(self.hidden(inputs))


def skip_model() -> keras.Model:
    inputs = keras.Input(shape=(3,))
    hidden = keras.layers.Dense(4)(inputs)
    both = keras.layers.Concatenate()([inputs, hidden])
    return keras.Model(inputs, keras.layers.Dense(1)(both))


def two_inputs_model() -> keras.Model:
    a, b = keras.Input(shape=(2,)), keras.Input(shape=(3,))
    return keras.Model([a, b], keras.layers.Dense(1)(keras.layers.Concatenate()([a, b])))


def subclassed_model() -> keras.Model:
    model = TwoLayers()
    model(np.ones((1, 3), dtype="float32"))
    return model


#: (what a learner might pass, the error, words the message must hold)
BAD_MODELS = [
    ("model", TypeError, "got 'model'"),
    (None, TypeError, "got None"),
    (lambda: keras.layers.Dense(3), TypeError, "Pass the model itself"),
    (lambda: keras.Sequential([keras.layers.Dense(3)]), ValueError, "keras.Input(shape="),
    (lambda: keras.Sequential(), ValueError, "at least one Dense"),
    (subclassed_model, ValueError, "subclassed model"),
    (skip_model, ValueError, "is a Concatenate"),
    (two_inputs_model, ValueError, "len(model.inputs) is 2 and len(model.outputs) is 1"),
    (lambda: keras.Sequential([keras.Input(shape=(28, 28)), keras.layers.Dense(4)]), ValueError,
     "(None, 28, 28)"),
    (lambda: keras.Sequential([keras.Input(shape=(4,)), keras.layers.Normalization(axis=-1)]),
     ValueError, "is a Normalization"),
    (lambda: keras.Sequential([keras.Input(shape=(4,))]), ValueError, "at least one Dense"),
    (lambda: keras.Sequential([keras.Input(shape=(2,))] + [keras.layers.Dense(2)] * 2),
     ValueError, "plain chain"),
    (lambda: keras.Sequential(
        [keras.Input(shape=(2,))] + [keras.layers.Dense(2) for _ in range(MAX_DENSE_LAYERS + 1)]),
     ValueError, f"at most {MAX_DENSE_LAYERS}"),
]  # fmt: skip


@pytest.mark.parametrize(("bad", "error", "words"), BAD_MODELS)
def test_what_is_not_a_built_chain_of_dense_layers_is_refused_clearly(bad, error, words):
    model = bad() if callable(bad) else bad
    with pytest.raises(error) as refused:
        plot_network(model)
    message = str(refused.value)
    assert message.startswith("model must be a built Keras model made of Dense layers; got ")
    assert words in message, message
    set_language("ko")
    with pytest.raises(error) as korean:
        plot_network(model)
    assert HANGUL.search(str(korean.value)) and "must" not in str(korean.value)


@pytest.mark.parametrize(
    ("max_units", "error"), [(2, ValueError), (17, ValueError), (2.5, TypeError), (True, TypeError)]
)
def test_max_units_out_of_range_is_refused(max_units, error):
    with pytest.raises(error, match=r"max_units must be a whole number from 3 to 16; got"):
        plot_network(xor_model(), max_units=max_units)


def test_an_axes_that_is_not_one_is_refused():
    with pytest.raises(TypeError, match="ax must be a matplotlib Axes or None; got"):
        plot_network(xor_model(), ax=plt.figure())


def test_a_layer_used_twice_in_a_functional_model_is_refused():
    shared = keras.layers.Dense(2)
    inputs = keras.Input(shape=(2,))
    model = keras.Model(inputs, shared(shared(inputs)))
    with pytest.raises(ValueError, match="plain chain"):
        plot_network(model)


def test_a_sequential_built_layer_by_layer_with_add_is_drawn():
    model = keras.Sequential(name="surgery")
    model.add(keras.Input(shape=(17,)))
    model.add(keras.layers.Dense(30, activation="relu"))
    model.add(keras.layers.Dense(1, activation="sigmoid"))
    ax = plot_network(model)
    assert [counts(ax, x)["parameters"] for x in (1, 2)] == [540, 31] == summary_params(model)


def test_plot_network_describes_its_layers_in_english_and_korean():
    model = keras.Sequential(
        [keras.Input(shape=(2,)),
         keras.layers.Dense(8, activation="tanh", name="hidden"),
         keras.layers.Dense(1, activation="sigmoid", name="out")],
        name="xor",
    )  # fmt: skip
    assert description(plot_network(model).figure) == (
        "xor · total parameters: 33. Diagram of a network: an input of 2 features, then 2 Dense "
        "layers: hidden: hidden, 8 units, tanh, parameters: 24; output: out, 1 unit, sigmoid, "
        "parameters: 9. Every unit is joined to every unit of the next layer."
    )
    set_language("ko")
    assert description(plot_network(model).figure) == (
        "xor · 전체 파라미터: 33. 신경망 그림: 입력 특성 2개, 이어서 밀집층 2개: 은닉층: hidden, "
        "유닛 8개, tanh, 파라미터: 24; 출력층: out, 유닛 1개, sigmoid, 파라미터: 9. "
        "각 유닛은 다음 층의 모든 유닛과 연결됨."
    )
