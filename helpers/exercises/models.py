"""A Keras model declared layer by layer: :class:`ModelExercise` and its :class:`DenseLayer` s.

The check looks at the learner's model only through public Keras APIs
(``model.layers``, ``layer.get_config()``, ``layer.get_weights()``,
``model.input_shape``, ``isinstance`` against public classes), then calls the
model on probe inputs: its predictions must be those of its own weights wired
input -> each declared layer in turn, however the learner wrote the activation
(``activation="relu"`` or a following ``Activation("relu")``/``ReLU()`` layer).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from helpers.checks import one_of, refusal
from helpers.exercises import WrongAnswer, as_model
from helpers.exercises.types import Arg, Declared
from helpers.i18n import N_, _


def _softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


#: The activations a declared layer may ask for, as NumPy computes them.
ACTIVATIONS = {
    "linear": lambda z: z,
    "relu": lambda z: np.maximum(z, 0),
    "sigmoid": lambda z: 1 / (1 + np.exp(-z)),
    "tanh": np.tanh,
    "softmax": _softmax,
}


@dataclass(frozen=True)
class DenseLayer:
    """One ``Dense`` layer the model must have: its units, its activation and why.

    ``units_why`` and ``activation_why`` end the messages "your output layer has
    3 units; ..." and "your output layer uses activation 'relu'; ..."; by default
    they say what the exercise asks for.

    >>> DenseLayer(1, "sigmoid", activation_why="a binary output needs 'sigmoid'.").units
    1
    """

    units: int
    activation: str
    units_why: str = N_("the exercise asks for {wanted}.")
    activation_why: str = N_("the exercise asks for {wanted!r}.")

    def __post_init__(self) -> None:
        one_of("activation", self.activation, ACTIVATIONS)


class ModelExercise(Declared):
    """A model with a declared input, hidden layers and output layer, checked in that order.

    ``api``: ``"sequential"`` (a ``keras.Sequential``), ``"functional"`` (any other
    model) or None (either). ``input_why`` ends "cancer_model expects samples of
    shape (17,); ..." and may use ``{what}`` (the answer's name) and ``{wanted}`` (the
    declared shape); a :class:`DenseLayer`'s ``units_why`` and ``activation_why`` may use
    ``{wanted}``.

    >>> import keras
    >>> q = ModelExercise(
    ...     answer="model", api=None, input_shape=(4,),
    ...     input_why="the table has 4 columns: keras.Input(shape=(4,)).",
    ...     hidden=[], output=DenseLayer(1, "sigmoid"),
    ...     hint="One sigmoid unit.", solution="model = keras.Sequential([...])")
    >>> q.check(keras.Sequential([keras.Input((4,)), keras.layers.Dense(2)]))
    ❌ Not yet: your output layer has 2 units; the exercise asks for 1.
    >>> q.check(keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, "sigmoid")]))
    ✅ Correct!
    """

    def __init__(
        self,
        *,
        answer: str,
        api: str | None,
        input_shape: tuple[int, ...],
        input_why: str,
        hidden: Sequence[DenseLayer],
        output: DenseLayer,
        **texts: str,
    ) -> None:
        if api is not None:
            one_of("api", api, ("sequential", "functional"))
        if not isinstance(output, DenseLayer):
            raise TypeError(refusal("output", _("a DenseLayer"), output))
        self.api, self.input_shape, self.input_why = api, tuple(input_shape), input_why
        self.hidden, self.output = tuple(hidden), output
        super().__init__(answer=Arg(answer, read=as_model), **texts)

    def judge(self, answer: Any, inputs: list, names: dict) -> None:
        import keras

        what = self.args[0].name
        if self.api == "sequential" and not isinstance(answer, keras.Sequential):
            raise WrongAnswer(
                _(
                    "{what} works, but this exercise is about keras.Sequential: "
                    "build it with Sequential() and .add(), or Sequential([...])."
                ).format(what=what)
            )
        if self.api == "functional" and isinstance(answer, keras.Sequential):
            raise WrongAnswer(
                _(
                    "{what} is a Sequential model; use the functional API instead: "
                    "inputs = keras.Input(...), call each layer on the previous result, then "
                    "keras.Model(inputs, outputs)."
                ).format(what=what)
            )
        self._check_input(answer, what)
        blocks = _dense_blocks(answer, what)
        self._check_layers(blocks, what)
        _check_predictions(answer, blocks, self.input_shape, what)

    def _check_input(self, model, what: str) -> None:
        wanted = self.input_shape
        try:
            shape = model.input_shape
        except (AttributeError, ValueError):
            shape = None
        if shape is None:
            raise WrongAnswer(
                _(
                    "{what} does not know its input shape yet: start it with "
                    "keras.Input(shape={wanted})."
                ).format(what=what, wanted=wanted)
            )
        if tuple(shape) != (None, *wanted):
            why = _(self.input_why).format(what=what, wanted=wanted)
            raise WrongAnswer(
                _("{what} expects samples of shape {shape}; {why}").format(
                    what=what, shape=tuple(shape)[1:], why=why
                )
            )

    def _check_layers(self, blocks: list, what: str) -> None:
        if not blocks:
            if self.hidden:
                message = _("{what} has no Dense layers yet: add a hidden and an output layer.")
            else:
                message = _("{what} has no Dense layer yet: add the output layer.")
            raise WrongAnswer(message.format(what=what))
        _check_block(blocks[-1], self.output, output=True)
        hidden = blocks[:-1]
        if self.hidden and not hidden:
            first = self.hidden[0]
            raise WrongAnswer(
                _(
                    "{what} has no hidden layer: put Dense({units}, activation={activation!r}) "
                    "between the input and the output layer."
                ).format(what=what, units=first.units, activation=first.activation)
            )
        if len(hidden) != len(self.hidden):
            if len(self.hidden) == 1:
                message = _("{what} has {count} hidden layers; the exercise asks for one.")
            else:
                message = _("{what} has {count} hidden layers; the exercise asks for {wanted}.")
            raise WrongAnswer(message.format(what=what, count=len(hidden), wanted=len(self.hidden)))
        for block, layer in zip(hidden, self.hidden, strict=True):
            _check_block(block, layer, output=False)


def _check_block(block: tuple, layer: DenseLayer, *, output: bool) -> None:
    """The Dense layer and its activation against the declared ``layer``."""
    dense, activation = block
    where = _("output layer") if output else _("hidden layer")
    units = dense.get_config()["units"]
    if units != layer.units:
        why = _(layer.units_why).format(wanted=layer.units)
        raise WrongAnswer(
            _("your {layer} has {units} units; {why}").format(layer=where, units=units, why=why)
        )
    if activation != layer.activation:
        why = _(layer.activation_why).format(wanted=layer.activation)
        raise WrongAnswer(
            _("your {layer} uses activation {activation!r}; {why}").format(
                layer=where, activation=activation, why=why
            )
        )


def _activation(layer) -> str:
    """The activation an Activation or ReLU layer applies, by name."""
    config = layer.get_config()
    if "activation" in config:
        return str(config["activation"])
    plain = not config.get("max_value") and not config.get("negative_slope")
    return "relu" if plain and not config.get("threshold") else "a modified relu"


def _dense_blocks(model, what: str) -> list[tuple[object, str]]:
    """Each Dense layer with the activation applied after it, its own or following layers'."""
    import keras

    blocks: list[tuple[object, list[str]]] = []
    for layer in model.layers:
        if isinstance(layer, keras.layers.InputLayer):
            continue  # functional models list it among their layers, Sequential ones do not
        if isinstance(layer, keras.layers.Dense):
            blocks.append((layer, [str(layer.get_config()["activation"])]))
        elif isinstance(layer, (keras.layers.Activation, keras.layers.ReLU)) and blocks:
            blocks[-1][1].append(_activation(layer))
        else:
            raise WrongAnswer(
                _(
                    "{what} has a {layer} layer there; use Dense layers only "
                    "(an Activation layer may follow a Dense one)."
                ).format(what=what, layer=type(layer).__name__)
            )
    return [
        (dense, "+".join(n for n in names if n != "linear") or "linear") for dense, names in blocks
    ]


def _check_predictions(model, blocks: list, input_shape: tuple, what: str) -> None:
    """The model must compute its Dense blocks one after the other, with its own weights."""
    import keras

    x = np.random.default_rng(0).normal(size=(8, *input_shape)).astype("float32")
    values = x
    for dense, activation in blocks:
        kernel, *bias = dense.get_weights()
        values = ACTIVATIONS[activation](values @ kernel + (bias[0] if bias else 0))
    predicted = np.asarray(keras.ops.convert_to_numpy(model(x, training=False)))
    if predicted.size != values.size or not np.allclose(
        predicted.reshape(values.shape), values, atol=1e-5
    ):
        raise WrongAnswer(
            _(
                "{what}'s predictions are not those of input -> hidden layer -> output layer: "
                "connect each layer to the one before it, and the output layer last."
            ).format(what=what)
        )
