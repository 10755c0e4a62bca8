"""The declared exercise types of helpers/exercises/models.py: Keras models."""

import pytest

from helpers.exercises.models import DenseLayer, ModelExercise


def _stack(*layers, features=4):
    import keras

    return keras.Sequential([keras.Input(shape=(features,)), *layers])


def test_a_model_declared_layer_by_layer():
    import keras

    dense = keras.layers.Dense
    three = ModelExercise(
        answer="model",
        api=None,
        input_shape=(4,),
        input_why="use keras.Input(shape={wanted}).",
        hidden=[DenseLayer(8, "tanh"), DenseLayer(8, "relu")],
        output=DenseLayer(3, "softmax"),
        hint="h",
        solution="s",
    )
    right = _stack(dense(8, "tanh"), dense(8), keras.layers.ReLU(), dense(3, "softmax"))
    assert three.evaluate(right).ok
    for model, message in [
        (
            _stack(dense(8, "tanh"), dense(3, "softmax")),
            "model has 1 hidden layers; the exercise asks for 2.",
        ),
        (
            _stack(dense(8, "relu"), dense(8, "relu"), dense(3, "softmax")),
            "your hidden layer uses activation 'relu'; the exercise asks for 'tanh'.",
        ),
        (
            _stack(dense(8, "tanh"), dense(8, "relu"), dense(2, "softmax")),
            "your output layer has 2 units; the exercise asks for 3.",
        ),
        (
            _stack(dense(3, "softmax"), features=5),
            "model expects samples of shape (5,); use keras.Input(shape=(4,)).",
        ),
        (
            _stack(),
            "model does not know its input shape yet: start it with keras.Input(shape=(4,)).",
        ),
    ]:
        assert three.evaluate(model).message == message
    inputs = keras.Input(shape=(4,))
    assert three.evaluate(keras.Model(inputs, inputs)).message == (
        "model has no Dense layers yet: add a hidden and an output layer."
    )
    one = ModelExercise(
        answer="m", api="functional", input_shape=(4,), input_why="w", hidden=[],
        output=DenseLayer(1, "linear"), hint="h", solution="s",
    )  # fmt: skip
    assert one.evaluate(_stack()).message.startswith("m is a Sequential model; use the functional")
    assert one.evaluate(keras.Model(inputs, dense(1)(inputs))).ok
    assert one.evaluate(keras.Model(inputs, inputs)).message == (
        "m has no Dense layer yet: add the output layer."
    )


def test_a_wrong_declaration_is_refused_in_the_one_message_shape():
    with pytest.raises(ValueError, match="activation must be one of"):
        DenseLayer(1, "swish")
