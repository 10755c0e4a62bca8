"""A diagram of a small network of Dense layers, drawn from the model object itself.

One column of circles per layer (the input too), every unit joined to every unit
of the next column, and under each layer the counts of its weights and biases,
read from the layer's kernel: they are the numbers ``model.summary()`` prints.
A layer wider than ``max_units`` is drawn with a few circles, an ellipsis and its
true count, not with hundreds of circles.
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
from matplotlib.axes import Axes

from helpers.checks import refusal, whole_number
from helpers.i18n import _, ngettext
from helpers.plots._describe import describe
from helpers.plots._inputs import _axes

#: Limits that keep a mistyped argument from drawing something nobody can read.
MAX_UNITS = 16  # largest max_units: circles drawn in one column
MAX_DENSE_LAYERS = 20  # columns in one diagram
ELLIPSIS = "\u22ee"  # ⋮, in DejaVu Sans and in the bundled NanumGothic
#: Colours of the input, hidden and output columns.
COLOURS = {"input": "#9ecae1", "hidden": "#fdae6b", "output": "#a1d99b"}


def _network_refusal(model: object, hint: str) -> str:
    return refusal("model", _("a built Keras model made of Dense layers"), model, hint)


def _dense_layers(model: object) -> tuple[int, list]:
    """The number of input features and the Dense layers of ``model``, or a clear refusal."""
    import keras  # imported here so that importing helpers.plots stays light

    if not isinstance(model, keras.Model):
        raise TypeError(
            _network_refusal(
                model,
                _("Pass the model itself, e.g. plot_network(model), after building it with "
                  "keras.Sequential or keras.Model(inputs, outputs)."),
            )
        )  # fmt: skip
    if isinstance(model, keras.Sequential) and not model.layers:
        raise ValueError(_network_refusal(model, _("Add at least one Dense layer to draw.")))
    try:
        inputs = model.inputs
    except AttributeError:
        if isinstance(model, keras.Sequential):  # no keras.Input, never called on data
            hint = _("Start the model with keras.Input(shape=(number_of_features,)) so that "
                     "Keras knows its inputs and creates its weights.")  # fmt: skip
        else:
            hint = _("A subclassed model has no fixed list of layers to draw: write the same "
                     "network with keras.Sequential or the functional API.")  # fmt: skip
        raise ValueError(_network_refusal(model, hint)) from None
    if len(inputs) != 1 or len(model.outputs) != 1:
        raise ValueError(
            _network_refusal(
                model,
                _("plot_network draws a chain of layers with one input and one output; here "
                  "len(model.inputs) is {inputs} and len(model.outputs) is {outputs}.").format(
                    inputs=len(inputs), outputs=len(model.outputs)),
            )
        )  # fmt: skip
    shape = tuple(inputs[0].shape)
    if len(shape) != 2:
        raise ValueError(
            _network_refusal(
                model,
                _("Its input has the shape {shape}, not (None, features): flatten each sample "
                  "into one row of features first, e.g. keras.Input(shape=(28 * 28,)).").format(
                    shape=shape),
            )
        )  # fmt: skip
    dense = []
    for layer in model.layers:
        if isinstance(layer, keras.layers.InputLayer):
            continue
        if not isinstance(layer, keras.layers.Dense):
            raise ValueError(
                _network_refusal(
                    model,
                    _("Its layer '{name}' is a {kind}; plot_network draws only keras.Input and "
                      "Dense layers.").format(name=layer.name, kind=type(layer).__name__),
                )
            )  # fmt: skip
        dense.append(layer)
    if not dense:
        raise ValueError(_network_refusal(model, _("Add at least one Dense layer to draw.")))
    if len(dense) > MAX_DENSE_LAYERS:
        raise ValueError(
            _network_refusal(
                model,
                _("It has {count} Dense layers; plot_network draws at most {most}.").format(
                    count=len(dense), most=MAX_DENSE_LAYERS),
            )
        )  # fmt: skip
    # A plain chain of distinct layers. A Sequential is a chain by construction (it may
    # list one layer twice); in a functional model each layer must read what the layer
    # before it gave (a layer used twice reads something else the second time).
    sequential = isinstance(model, keras.Sequential)
    given = inputs[0]
    for number, layer in enumerate(dense):
        chained = layer not in dense[:number] if sequential else layer.input is given
        if not chained:
            raise ValueError(
                _network_refusal(
                    model,
                    _("Its layer '{name}' does not simply read the output of the layer before "
                      "it (is it used twice?): plot_network draws a plain chain of "
                      "layers.").format(name=layer.name),
                )
            )  # fmt: skip
        given = layer.output
    if not sequential and given is not model.outputs[0]:
        raise ValueError(
            _network_refusal(
                model,
                _("Its output is not the output of its last layer '{name}': plot_network "
                  "draws a plain chain of layers.").format(name=dense[-1].name),
            )
        )  # fmt: skip
    return shape[1], dense


def _slots(count: int, max_units: int) -> list[int | None]:
    """What each position of a column shows: a unit's number, or None for the ellipsis.

    A column of at most ``max_units`` units shows them all; a wider one shows its
    first ``max_units - 2`` units, the ellipsis and its last unit.
    """
    if count <= max_units:
        return list(range(count))
    return [*range(max_units - 2), None, count - 1]


def plot_network(model: object, *, ax: Axes | None = None, max_units: int = 8) -> Axes:
    """Draw a network of Dense layers: its units, connections and parameter counts.

    Args:
        model: a built ``keras.Sequential`` or functional ``keras.Model`` made of
            ``keras.Input`` and ``Dense`` layers, one after the other.
        ax: the Axes to draw on; by default a new figure sized to the network.
        max_units: the most circles drawn in one column, from 3 to 16. A wider
            layer shows its first ``max_units - 2`` units, "⋮" and its last unit,
            and its true count in the column's heading.

    Returns:
        The Axes. Under each Dense layer: its weights (inputs x units), its
        biases (one per unit) and their sum, the layer's ``count_params()``.

    Example::

        >>> import keras
        >>> model = keras.Sequential([keras.Input(shape=(2,)),
        ...                           keras.layers.Dense(8, activation="tanh"),
        ...                           keras.layers.Dense(1, activation="sigmoid")], name="xor")
        >>> ax = plot_network(model)
        >>> ax.get_title()
        'xor · total parameters: 33'
        >>> print(ax.texts[-1].get_text())
        weights: 8 × 1 = 8
        biases: 1
        parameters: 9
    """
    features, dense = _dense_layers(model)
    max_units = whole_number(
        "max_units", max_units, low=3, high=MAX_UNITS,
        hint=_("For example max_units=8: wider layers are drawn with an ellipsis."),
    )  # fmt: skip
    widths = [features] + [layer.units for layer in dense]
    columns = [_slots(width, max_units) for width in widths]
    tallest = max(len(slots) for slots in columns)
    if ax is None:
        ax = plt.subplots(figsize=(1.2 + 2.8 * len(columns), 2.6 + 0.42 * tallest))[1]
    else:
        ax = _axes(ax)

    def heights(slots: list[int | None]) -> list[float]:
        return [(len(slots) - 1) / 2 - i for i in range(len(slots))]

    # Connections first, so that the circles are drawn over them.
    for x, (left, right) in enumerate(zip(columns, columns[1:], strict=False)):
        left_y = [y for y, unit in zip(heights(left), left, strict=True) if unit is not None]
        right_y = [y for y, unit in zip(heights(right), right, strict=True) if unit is not None]
        for y0 in left_y:
            for y1 in right_y:
                ax.plot([x, x + 1], [y0, y1], color="0.6", linewidth=0.6, zorder=1)
    top, bottom = (tallest - 1) / 2 + 0.7, -(tallest - 1) / 2 - 0.7
    inputs = ngettext("{count:,} feature", "{count:,} features", features).format(count=features)
    layers_in_words = []
    for x, slots in enumerate(columns):
        role = "input" if x == 0 else "output" if x == len(columns) - 1 else "hidden"
        for y, unit in zip(heights(slots), slots, strict=True):
            if unit is None:
                ax.text(x, y, ELLIPSIS, ha="center", va="center", fontsize=16, zorder=3)
            else:
                ax.scatter([x], [y], s=260, color=COLOURS[role], edgecolors="0.2", zorder=2)
        if x == 0:
            ax.text(x, top, "\n".join([_("input"), inputs]), ha="center", va="bottom", fontsize=9)
            continue
        layer = dense[x - 1]
        name = (_("output: {name}") if role == "output" else _("hidden: {name}")).format(
            name=layer.name
        )
        units = ngettext(
            "{count:,} unit, {activation}", "{count:,} units, {activation}", layer.units
        ).format(count=layer.units, activation=layer.get_config()["activation"])
        ax.text(x, top, f"{name}\n{units}", ha="center", va="bottom", fontsize=9)
        fan_in, fan_out = layer.kernel.shape
        biases = math.prod(layer.bias.shape) if layer.bias is not None else 0
        parameters = _("parameters: {total:,}").format(total=fan_in * fan_out + biases)
        layers_in_words.append(f"{name}, {units}, {parameters}")
        counts = "\n".join([
            _("weights: {inputs:,} × {units:,} = {weights:,}").format(
                inputs=fan_in, units=fan_out, weights=fan_in * fan_out),
            _("biases: {biases:,}").format(biases=biases),
            parameters,
        ])  # fmt: skip
        ax.text(x, bottom, counts, ha="center", va="top", fontsize=9)
    total = sum(layer.count_params() for layer in dense)
    ax.set_title(
        _("{name} · total parameters: {total:,}").format(name=model.name, total=total), pad=12
    )
    ax.set_xlim(-0.6, len(columns) - 0.4)
    ax.set_ylim(bottom - 1.5, top + 1.0)
    ax.axis("off")
    describe(ax, ngettext(
        "Diagram of a network: an input of {features}, then {count} Dense layer: {layers}. "
        "Every unit is joined to every unit of the next layer.",
        "Diagram of a network: an input of {features}, then {count} Dense layers: {layers}. "
        "Every unit is joined to every unit of the next layer.",
        len(dense),
    ).format(features=inputs, count=len(dense), layers="; ".join(layers_in_words)))  # fmt: skip
    return ax
