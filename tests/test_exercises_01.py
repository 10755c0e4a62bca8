"""Notebook 01's exercises: each solution passes, typical wrong answers are explained."""

import keras
import pytest
from exercise_support import solve

from helpers.exercises import lesson01


def stack(*layers, n_features=30):
    return keras.Sequential([keras.Input(shape=(n_features,)), *layers])


def dense(units, activation=None):
    return keras.layers.Dense(units, activation=activation)


def test_q1_solution_passes():
    assert lesson01.q1.evaluate(solve(lesson01.q1)["cancer_model"]).ok


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
    ],
)
def test_q1_explains_wrong_answers(make, message):
    result = lesson01.q1.evaluate(make())
    assert not result.ok and message in result.message, result.message


def test_q1_asks_for_sequential():
    functional = solve(lesson01.q3)["functional_model"]
    result = lesson01.q1.evaluate(functional)
    assert not result.ok and "keras.Sequential" in result.message


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
    ],
)
def test_q2_explains_wrong_answers(answer, message):
    result = lesson01.q2.evaluate(answer)
    assert not result.ok and message in result.message, result.message


def test_q3_solution_passes():
    assert lesson01.q3.evaluate(solve(lesson01.q3)["functional_model"]).ok


def test_q3_rejects_sequential_and_wrong_structure():
    sequential = solve(lesson01.q1)["cancer_model"]
    result = lesson01.q3.evaluate(sequential)
    assert not result.ok and "functional API" in result.message

    inputs = keras.Input(shape=(30,))
    outputs = dense(3, "softmax")(dense(16, "relu")(inputs))
    result = lesson01.q3.evaluate(keras.Model(inputs, outputs))
    assert not result.ok and "output layer has 3 units" in result.message
