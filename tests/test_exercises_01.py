"""Notebook 01's exercises: each solution passes, typical wrong answers are explained."""

from functools import partial

import keras
import numpy as np
import pytest
from exercise_support import (
    ANY_ANSWER,
    ANY_ANSWERS,
    UNEXPECTED,
    dense,
    evaluate_anything,
    korean_refusal,
    korean_success,
    solve,
)
from exercise_support import stack as sequential
from hypothesis import given, settings

from helpers.exercises import lesson01

#: A Sequential model of the given layers on the breast-cancer table's 30 measurements.
stack = partial(sequential, n_features=lesson01.N_FEATURES)


def test_q1_solution_passes():
    assert lesson01.q1.evaluate(solve(lesson01.q1)["cancer_model"]).ok


@pytest.mark.parametrize(
    "make",
    [
        lambda: stack(dense(16), keras.layers.Activation("relu"), dense(1, "sigmoid")),
        lambda: stack(dense(16), keras.layers.ReLU(), dense(1), keras.layers.Activation("sigmoid")),
        lambda: stack(dense(16, keras.activations.relu), dense(1, keras.activations.sigmoid)),
        lambda: keras.Sequential((keras.Input((30,)), dense(16, "relu"), dense(1, "sigmoid"))),
        lambda: stack(keras.layers.Dense(16, "relu", use_bias=False), dense(1, "sigmoid")),
    ],
)
def test_q1_accepts_other_ways_to_write_it(make):
    result = lesson01.q1.evaluate(make())
    assert result.ok, result.message


def test_q1_unanswered():
    result = lesson01.q1.evaluate(None)
    assert not result.ok and not result.answered


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: "a model", "should be a Keras model"),
        (lambda: keras.Sequential([dense(16, "relu"), dense(1, "sigmoid")]), "keras.Input"),
        (lambda: stack(dense(16, "relu"), dense(1, "sigmoid"), n_features=17), "30 measurements"),
        (lambda: stack(dense(16, "relu"), dense(3, "softmax")), "output layer has 3 units"),
        (lambda: stack(dense(16, "relu"), dense(2, "sigmoid")), "binary problem"),
        (lambda: stack(dense(16, "relu"), dense(1)), "needs 'sigmoid'"),
        (lambda: stack(dense(16, "relu"), dense(1, "relu")), "activation 'relu'"),
        (lambda: stack(dense(1, "sigmoid")), "no hidden layer"),
        (lambda: stack(dense(16, "relu"), dense(8, "relu"), dense(1, "sigmoid")), "2 hidden"),
        (lambda: stack(dense(30, "relu"), dense(1, "sigmoid")), "hidden layer has 30 units"),
        (lambda: stack(dense(16, "sigmoid"), dense(1, "sigmoid")), "use 'relu'"),
        (lambda: stack(keras.layers.Dropout(0.2), dense(1, "sigmoid")), "Dense layers only"),
        (lambda: stack(dense(16), dense(1, "sigmoid")), "hidden layer uses activation 'linear'"),
        (
            lambda: stack(keras.layers.Activation("relu"), dense(16), dense(1, "sigmoid")),
            "has a Activation layer there",
        ),
        (
            lambda: stack(dense(16, "relu"), keras.layers.ReLU(max_value=6), dense(1, "sigmoid")),
            "'relu+a modified relu'",
        ),
        (lambda: stack(dense(16, "relu"), dense(1, "sigmoid"), n_features=784), "(784,)"),
        (lambda: keras.Sequential(), "does not know its input shape"),
    ],
)
def test_q1_explains_wrong_answers(make, message):
    result = lesson01.q1.evaluate(make())
    assert not result.ok and message in result.message, result.message


def classmate(output_activation="relu", n_features=30):
    """Exercise 1's model as the classmate wrote it, but its unbuildable shape fixed."""
    inputs = keras.Input(shape=(n_features,))
    hidden = dense(16, "relu")(inputs)
    return keras.Model(inputs, dense(1, output_activation)(hidden))


def test_q1_accepts_the_functional_form_and_explains_the_classmates_output():
    assert lesson01.q1.evaluate(solve(lesson01.q1)["cancer_model"]).ok
    assert lesson01.q1.evaluate(classmate("sigmoid")).ok
    result = lesson01.q1.evaluate(classmate("relu"))
    assert (
        not result.ok
        and "activation 'relu'" in result.message
        and "needs 'sigmoid'" in result.message
    )


def test_q1_the_classmates_first_mistake_does_not_build():
    with pytest.raises(ValueError, match="Cannot convert '30' to a shape"):
        keras.Input(shape=(30))  # noqa: UP034 - the parentheses are the mistake the exercise shows


def test_q1_functional_wrong_structures_are_explained():
    inputs = keras.Input(shape=(30,))
    outputs = dense(3, "softmax")(dense(16, "relu")(inputs))
    result = lesson01.q1.evaluate(keras.Model(inputs, outputs))
    assert not result.ok and "output layer has 3 units" in result.message

    hidden = dense(16, "relu")(inputs)  # built, then left out: the output reads the inputs
    result = lesson01.q1.evaluate(keras.Model(inputs, dense(1, "sigmoid")(inputs)))
    assert hidden is not None and "no hidden layer" in result.message


def test_q1_accepts_activation_layers_and_a_list_of_outputs():
    inputs = keras.Input(shape=(30,))
    hidden = keras.layers.Activation("relu")(dense(16)(inputs))
    outputs = dense(1, "sigmoid")(hidden)
    assert lesson01.q1.evaluate(keras.Model(inputs, outputs)).ok
    assert lesson01.q1.evaluate(keras.Model(inputs=[inputs], outputs=[outputs])).ok


def test_q1_predictions_follow_the_wiring():
    inputs = keras.Input(shape=(30,))
    hidden = dense(16, "relu")(inputs)
    doubled = keras.Model(inputs, dense(1, "sigmoid")(hidden * 2))  # an op between the layers
    result = lesson01.q1.evaluate(doubled)
    assert not result.ok and "predictions are not those of" in result.message, result.message


def test_q2_solution_passes_and_agrees_with_keras():
    n_params = solve(lesson01.q2)["n_params"]
    assert lesson01.q2.evaluate(n_params).ok
    model = keras.Sequential([keras.Input(shape=(4,)), dense(8), dense(3)])
    assert n_params == model.count_params()
    assert lesson01.q2.evaluate(67.0).ok


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (56, "not the biases"),
        (40, "hidden layer only"),
        (27, "output layer only"),
        (59, "hidden layer's biases are missing"),
        (64, "output layer's biases are missing"),
        (100, "inputs * units weights plus units biases"),
        (66.5, "whole number"),
        ("67", "should be a number"),
        (True, "should be a number"),
        (float("nan"), "n_params is nan: it should be an ordinary, finite number."),
        (float("inf"), "n_params is inf"),
        ([40, 27], "you gave a list"),
    ],
)
def test_q2_explains_wrong_answers(answer, message):
    result = lesson01.q2.evaluate(answer)
    assert not result.ok and message in result.message, result.message


EXERCISES = (lesson01.q1, lesson01.q2)


def _right_count(*answers):
    if len(answers) != 1 or isinstance(answers[0], bool | str | list | dict | type(None)):
        return False
    value = np.asarray(answers[0])
    return value.size == 1 and value.item() == 67


@settings(max_examples=40, deadline=None)
@given(ANY_ANSWERS)
def test_no_answer_raises_or_passes_by_mistake(answers):
    for exercise in EXERCISES:
        evaluate_anything(exercise, answers, _right_count)


@settings(max_examples=40, deadline=None)
@given(ANY_ANSWER)
def test_any_single_answer_gets_a_proper_message(answer):
    for exercise in EXERCISES:
        result = evaluate_anything(exercise, (answer,), _right_count)
        assert UNEXPECTED not in result.message, result.message


# ------------------------------------------------------------- in Korean ---


def test_korean_feedback():
    korean_success(lesson01.q1, solve(lesson01.q1)["cancer_model"])
    korean_refusal(lesson01.q1, stack(dense(16, "relu"), dense(2, "softmax")))
    korean_refusal(lesson01.q1, stack(dense(16, "relu"), dense(1)))
    korean_refusal(lesson01.q1, stack(dense(1, "sigmoid")))
    for wrong in (56, 40, 66.5, "67"):
        korean_refusal(lesson01.q2, wrong)
    korean_success(lesson01.q2, 67)
    korean_success(lesson01.q1, classmate("sigmoid"))
    korean_refusal(lesson01.q1, classmate("relu"))
