"""Exercises for notebook 01: layers and models.

The checkers look at the learner's model only through public Keras APIs:
``model.layers``, ``layer.get_config()``, ``layer.get_weights()``,
``model.input_shape`` and ``isinstance`` against public classes, then call the
model on probe inputs: its predictions must be those of its own weights wired
input -> 16 relu units -> 1 sigmoid unit, however the learner wrote it
(``activation="relu"`` or a following ``Activation("relu")``/``ReLU()`` layer).
"""

from __future__ import annotations

import numpy as np

from helpers.exercises import Exercise, WrongAnswer, as_model, as_whole_number
from helpers.i18n import N_, _

N_FEATURES = 30  # the breast-cancer table's measurements per tumour
HIDDEN_UNITS = 16


def _input_shape(model, what: str) -> tuple:
    try:
        shape = model.input_shape
    except (AttributeError, ValueError):
        shape = None
    if shape is None:
        raise WrongAnswer(
            _(
                "{what} does not know its input shape yet: start it with "
                "keras.Input(shape=({features},))."
            ).format(what=what, features=N_FEATURES)
        )
    return tuple(shape)


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


def _check_cancer_structure(model, what: str) -> None:
    shape = _input_shape(model, what)
    if shape != (None, N_FEATURES):
        raise WrongAnswer(
            _(
                "{what} expects samples of shape {shape}; each tumour has {features} "
                "measurements, so use keras.Input(shape=({features},))."
            ).format(what=what, shape=shape[1:], features=N_FEATURES)
        )
    blocks = _dense_blocks(model, what)
    if not blocks:
        raise WrongAnswer(
            _("{what} has no Dense layers yet: add a hidden and an output layer.").format(what=what)
        )
    output, output_activation = blocks[-1]
    units = output.get_config()["units"]
    if units != 1:
        raise WrongAnswer(
            _(
                "your output layer has {units} units; this is a binary problem "
                "(benign or malignant), so one unit giving one probability is enough."
            ).format(units=units)
        )
    if output_activation != "sigmoid":
        raise WrongAnswer(
            _(
                "your output layer uses activation {activation!r}; a binary output "
                "needs 'sigmoid' to give a probability between 0 and 1."
            ).format(activation=output_activation)
        )
    hidden = blocks[:-1]
    if not hidden:
        raise WrongAnswer(
            _(
                "{what} has no hidden layer: put Dense({units}, activation='relu') "
                "between the input and the output layer."
            ).format(what=what, units=HIDDEN_UNITS)
        )
    if len(hidden) > 1:
        raise WrongAnswer(
            _("{what} has {count} hidden layers; the exercise asks for one.").format(
                what=what, count=len(hidden)
            )
        )
    layer, activation = hidden[0]
    units = layer.get_config()["units"]
    if units != HIDDEN_UNITS:
        raise WrongAnswer(
            _("your hidden layer has {units} units; the exercise asks for {wanted}.").format(
                units=units, wanted=HIDDEN_UNITS
            )
        )
    if activation != "relu":
        raise WrongAnswer(
            _(
                "your hidden layer uses activation {activation!r}; use 'relu', "
                "the usual choice for hidden layers."
            ).format(activation=activation)
        )
    _check_predictions(model, layer, output, what)


def _check_predictions(model, hidden, output, what: str) -> None:
    """The model must compute sigmoid(relu(x W1 + b1) W2 + b2) with its own weights."""
    import keras

    x = np.random.default_rng(0).normal(size=(8, N_FEATURES)).astype("float32")
    values = x
    for layer, function in ((hidden, lambda z: np.maximum(z, 0)), (output, _sigmoid)):
        kernel, *bias = layer.get_weights()
        values = function(values @ kernel + (bias[0] if bias else 0))
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


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def _check_sequential(cancer_model) -> None:
    import keras

    model = as_model(cancer_model, "cancer_model")
    if not isinstance(model, keras.Sequential):
        raise WrongAnswer(
            _(
                "cancer_model works, but this exercise is about keras.Sequential: "
                "build it with Sequential() and .add(), or Sequential([...])."
            )
        )
    _check_cancer_structure(model, "cancer_model")


# Exercise 2: Input(4) -> Dense(8) -> Dense(3)
COUNT_SHAPES = (4, 8, 3)


def _true_count() -> int:
    n_in, hidden, out = COUNT_SHAPES
    return n_in * hidden + hidden + hidden * out + out


def _check_count(n_params) -> None:
    n_params = as_whole_number(n_params, "n_params", _("a count of parameters is a whole number."))
    n_in, hidden, out = COUNT_SHAPES
    known = {
        n_in * hidden + hidden * out: _(
            "you counted the weights but not the biases: "
            "every unit has one bias too (+{hidden} and +{out})."
        ).format(hidden=hidden, out=out),
        n_in * hidden + hidden: _(
            "that is the hidden layer only; add the output layer's weights and biases."
        ),
        hidden * out + out: _(
            "that is the output layer only; add the hidden layer's weights and biases."
        ),
        n_in * hidden + hidden * out + out: _("the hidden layer's biases are missing."),
        n_in * hidden + hidden + hidden * out: _("the output layer's biases are missing."),
    }
    if n_params == _true_count():
        return
    if n_params in known:
        raise WrongAnswer(
            _("you gave {n_params}: {why}").format(n_params=n_params, why=known[n_params])
        )
    raise WrongAnswer(
        _(
            "you gave {n_params}. For each Dense layer count inputs * units weights plus "
            "units biases, then add the layers together."
        ).format(n_params=n_params)
    )


def _check_functional(functional_model) -> None:
    import keras

    model = as_model(functional_model, "functional_model")
    if isinstance(model, keras.Sequential):
        raise WrongAnswer(
            _(
                "functional_model is a Sequential model; use the functional API instead: "
                "inputs = keras.Input(...), call each layer on the previous result, then "
                "keras.Model(inputs, outputs)."
            )
        )
    _check_cancer_structure(model, "functional_model")


q1 = Exercise(
    check=_check_sequential,
    hint=N_(
        "Start with keras.Sequential(), then .add() keras.Input(shape=(30,)), a hidden "
        "Dense(16, activation='relu') and an output layer for a yes/no answer."
    ),
    solution="""
        cancer_model = keras.Sequential()
        cancer_model.add(keras.Input(shape=(30,)))
        cancer_model.add(keras.layers.Dense(16, activation="relu"))
        cancer_model.add(keras.layers.Dense(1, activation="sigmoid"))
    """,
    success=N_("30 inputs, one hidden layer of 16 relu units, one sigmoid probability."),
)

q2 = Exercise(
    check=_check_count,
    hint=N_(
        "A Dense layer with n inputs and m units has n * m weights and m biases. "
        "The hidden layer has 4 inputs and 8 units; the output layer has 8 inputs and 3 units."
    ),
    solution="n_params = (4 * 8 + 8) + (8 * 3 + 3)  # 40 + 27 = 67",
    success=N_("(4 * 8 + 8) + (8 * 3 + 3) = 67, what model.count_params() says too."),
)

q3 = Exercise(
    check=_check_functional,
    hint=N_(
        "inputs = keras.Input(shape=(30,)); hidden = keras.layers.Dense(...)(inputs); "
        "outputs = keras.layers.Dense(...)(hidden); functional_model = keras.Model(inputs, outputs)"
    ),
    solution="""
        inputs = keras.Input(shape=(30,))
        hidden = keras.layers.Dense(16, activation="relu")(inputs)
        outputs = keras.layers.Dense(1, activation="sigmoid")(hidden)
        functional_model = keras.Model(inputs, outputs)
    """,
    success=N_("the same network as in exercise 1, written with the functional API."),
)
