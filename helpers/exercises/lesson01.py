"""Exercises for notebook 01: layers and models.

The checkers look at the learner's model only through public Keras APIs:
``model.layers``, ``layer.get_config()``, ``model.input_shape``,
``model.count_params()`` and ``isinstance`` against public classes.
"""

from __future__ import annotations

import numbers

from helpers.exercises import Exercise, WrongAnswer

N_FEATURES = 30  # the breast-cancer table's measurements per tumour
HIDDEN_UNITS = 16


def _as_model(model, what: str):
    import keras

    if not isinstance(model, keras.Model):
        raise WrongAnswer(
            f"{what} should be a Keras model, such as keras.Sequential([...]); "
            f"you gave a {type(model).__name__}."
        )
    return model


def _input_shape(model, what: str) -> tuple:
    try:
        shape = model.input_shape
    except (AttributeError, ValueError):
        shape = None
    if shape is None:
        raise WrongAnswer(
            f"{what} does not know its input shape yet: start it with "
            f"keras.Input(shape=({N_FEATURES},))."
        )
    return tuple(shape)


def _check_cancer_structure(model, what: str) -> None:
    import keras

    shape = _input_shape(model, what)
    if shape != (None, N_FEATURES):
        raise WrongAnswer(
            f"{what} expects samples of shape {shape[1:]}; each tumour has {N_FEATURES} "
            f"measurements, so use keras.Input(shape=({N_FEATURES},))."
        )
    # Functional models list their InputLayer among the layers; Sequential ones do not.
    layers = [layer for layer in model.layers if not isinstance(layer, keras.layers.InputLayer)]
    dense = [layer for layer in layers if isinstance(layer, keras.layers.Dense)]
    others = [type(layer).__name__ for layer in layers if layer not in dense]
    if others:
        raise WrongAnswer(f"{what} has layers other than Dense: {others}; use Dense layers only.")
    if not dense:
        raise WrongAnswer(f"{what} has no Dense layers yet: add a hidden and an output layer.")
    output = dense[-1].get_config()
    if output["units"] != 1:
        raise WrongAnswer(
            f"your output layer has {output['units']} units; this is a binary problem "
            "(benign or malignant), so one unit giving one probability is enough."
        )
    if output["activation"] != "sigmoid":
        raise WrongAnswer(
            f"your output layer uses activation {output['activation']!r}; a binary output "
            "needs 'sigmoid' to give a probability between 0 and 1."
        )
    hidden = dense[:-1]
    if not hidden:
        raise WrongAnswer(
            f"{what} has no hidden layer: put Dense({HIDDEN_UNITS}, activation='relu') "
            "between the input and the output layer."
        )
    if len(hidden) > 1:
        raise WrongAnswer(f"{what} has {len(hidden)} hidden layers; the exercise asks for one.")
    config = hidden[0].get_config()
    if config["units"] != HIDDEN_UNITS:
        raise WrongAnswer(
            f"your hidden layer has {config['units']} units; the exercise asks for {HIDDEN_UNITS}."
        )
    if config["activation"] != "relu":
        raise WrongAnswer(
            f"your hidden layer uses activation {config['activation']!r}; use 'relu', "
            "the usual choice for hidden layers."
        )


def _check_sequential(cancer_model) -> None:
    import keras

    model = _as_model(cancer_model, "cancer_model")
    if not isinstance(model, keras.Sequential):
        raise WrongAnswer(
            "cancer_model works, but this exercise is about keras.Sequential: "
            "build it with Sequential() and .add(), or Sequential([...])."
        )
    _check_cancer_structure(model, "cancer_model")


# Exercise 2: Input(4) -> Dense(8) -> Dense(3)
COUNT_SHAPES = (4, 8, 3)


def _true_count() -> int:
    n_in, hidden, out = COUNT_SHAPES
    return n_in * hidden + hidden + hidden * out + out


def _check_count(n_params) -> None:
    if isinstance(n_params, bool) or not isinstance(n_params, numbers.Real):
        raise WrongAnswer(
            f"n_params should be a number, such as 4 * 8 + 8 + ...; you gave a "
            f"{type(n_params).__name__}."
        )
    if n_params != int(n_params):
        raise WrongAnswer(f"you gave {n_params}; a count of parameters is a whole number.")
    n_in, hidden, out = COUNT_SHAPES
    n_params = int(n_params)
    known = {
        n_in * hidden + hidden * out: "you counted the weights but not the biases: "
        f"every unit has one bias too (+{hidden} and +{out}).",
        n_in * hidden + hidden: "that is the hidden layer only; add the output layer's "
        "weights and biases.",
        hidden * out + out: "that is the output layer only; add the hidden layer's "
        "weights and biases.",
        n_in * hidden + hidden * out + out: "the hidden layer's biases are missing.",
        n_in * hidden + hidden + hidden * out: "the output layer's biases are missing.",
    }
    if n_params == _true_count():
        return
    if n_params in known:
        raise WrongAnswer(f"you gave {n_params}: {known[n_params]}")
    raise WrongAnswer(
        f"you gave {n_params}. For each Dense layer count inputs * units weights plus "
        "units biases, then add the layers together."
    )


def _check_functional(functional_model) -> None:
    import keras

    model = _as_model(functional_model, "functional_model")
    if isinstance(model, keras.Sequential):
        raise WrongAnswer(
            "functional_model is a Sequential model; use the functional API instead: "
            "inputs = keras.Input(...), call each layer on the previous result, then "
            "keras.Model(inputs, outputs)."
        )
    _check_cancer_structure(model, "functional_model")


q1 = Exercise(
    check=_check_sequential,
    hint="Start with keras.Sequential(), then .add() keras.Input(shape=(30,)), a hidden "
    "Dense(16, activation='relu') and an output layer for a yes/no answer.",
    solution="""
        cancer_model = keras.Sequential()
        cancer_model.add(keras.Input(shape=(30,)))
        cancer_model.add(keras.layers.Dense(16, activation="relu"))
        cancer_model.add(keras.layers.Dense(1, activation="sigmoid"))
    """,
    success="30 inputs, one hidden layer of 16 relu units, one sigmoid probability.",
)

q2 = Exercise(
    check=_check_count,
    hint="A Dense layer with n inputs and m units has n * m weights and m biases. "
    "The hidden layer has 4 inputs and 8 units; the output layer has 8 inputs and 3 units.",
    solution="n_params = (4 * 8 + 8) + (8 * 3 + 3)  # 40 + 27 = 67",
    success="(4 * 8 + 8) + (8 * 3 + 3) = 67, what model.count_params() says too.",
)

q3 = Exercise(
    check=_check_functional,
    hint="inputs = keras.Input(shape=(30,)); hidden = keras.layers.Dense(...)(inputs); "
    "outputs = keras.layers.Dense(...)(hidden); functional_model = keras.Model(inputs, outputs)",
    solution="""
        inputs = keras.Input(shape=(30,))
        hidden = keras.layers.Dense(16, activation="relu")(inputs)
        outputs = keras.layers.Dense(1, activation="sigmoid")(hidden)
        functional_model = keras.Model(inputs, outputs)
    """,
    success="the same network as in exercise 1, written with the functional API.",
)
