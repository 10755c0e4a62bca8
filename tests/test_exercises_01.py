"""Notebook 01's exercises: each solution passes, typical wrong answers are explained."""

import keras
import numpy as np
import pytest
from exercise_support import (
    ANY_ANSWER,
    ANY_ANSWERS,
    UNEXPECTED,
    evaluate_anything,
    hangul,
    in_korean,
    korean_refusal,
    korean_success,
    refused_properly,
    solve,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.exercises import lesson01


def stack(*layers, n_features=30):
    return keras.Sequential([keras.Input(shape=(n_features,)), *layers])


def dense(units, activation=None):
    return keras.layers.Dense(units, activation=activation)


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


#: The lesson's hand-set XOR network: hidden x1 + x2 and x1 + x2 - 1, output 10 h1 - 20 h2 - 5.
XOR_WEIGHTS = [np.array([[1.0, 1.0], [1.0, 1.0]]), np.array([0.0, -1.0]),
               np.array([[10.0], [-20.0]]), np.array([-5.0])]  # fmt: skip


def xor_network(activation=None, weights=XOR_WEIGHTS):
    """Exercise 3's network: the lesson's XOR weights, the hidden layer's activation as given."""
    network = keras.Sequential([keras.Input(shape=(2,)), dense(2, activation), dense(1, "sigmoid")])
    network.set_weights(weights)
    return network


XOR_NETWORK = xor_network()  # built once: the hypothesis test below calls it many times


def test_q3_solution_comes_true_on_the_network_of_the_check_cell():
    prediction = solve(lesson01.q3)["prediction"]
    result = lesson01.q3.evaluate(prediction, xor_network())
    assert result.ok and not result.surprise, str(result)
    assert "[1, 1, 1, 0]" in result.message and "3 of the 4 corners right" in result.message


@pytest.mark.parametrize(
    "prediction", ["no", "No", " NO ", "n", "false", False, np.False_, "아니요", "아니오"]
)
def test_q3_accepts_every_way_to_say_no(prediction):
    result = lesson01.q3.evaluate(prediction, xor_network())
    assert result.ok and not result.surprise, str(result)


@pytest.mark.parametrize("prediction", ["yes", True, "예", "네"])
def test_q3_a_wrong_prediction_is_explained_not_refused(prediction):
    result = lesson01.q3.evaluate(prediction, xor_network())
    assert result.ok and result.surprise, str(result)
    assert "one weighted sum" in result.message and "3 of the 4 corners" in result.message


def test_q3_reads_what_the_learners_own_network_did():
    with_relu = lesson01.q3.evaluate("no", xor_network("relu"))  # the activation left in
    assert with_relu.surprise and "all 4 corners right" in with_relu.message
    assert "not the network the cell builds" in with_relu.message
    assert lesson01.q3.evaluate("yes", xor_network("relu")).ok


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        (("maybe", "network"), "should be a Keras model"),
        (("maybe", None), "should be a Keras model"),
        (("maybe",), "check takes 2 values"),
        (("perhaps", "xor"), "is not one of 'yes', 'no'"),
        (("3 of 4", "xor"), "is not one of 'yes', 'no'"),
        ((4, "xor"), "is not one of 'yes', 'no'"),
        (("no", "three inputs"), "could not answer XOR's four corners"),
        (("no", "three outputs"), "it gave 12 numbers"),
    ],
)
def test_q3_explains_wrong_answers(answers, message):
    networks = {
        "xor": xor_network(),
        "three inputs": stack(dense(1, "sigmoid"), n_features=3),
        "three outputs": stack(dense(3, "sigmoid"), n_features=2),
    }
    answers = tuple(networks.get(a, a) if isinstance(a, str) else a for a in answers)
    result = lesson01.q3.evaluate(*answers)
    assert not result.ok and message in result.message, result.message


EXERCISES = (lesson01.q1, lesson01.q2, lesson01.q3)


def _right_count(*answers):
    if len(answers) != 1 or isinstance(answers[0], bool | str | list | dict | type(None)):
        return False
    value = np.asarray(answers[0])
    return value.size == 1 and value.item() == 67


@settings(max_examples=40, deadline=None)
@given(ANY_ANSWERS)
def test_no_answer_raises_or_passes_by_mistake(answers):
    for exercise in EXERCISES[:2]:
        evaluate_anything(exercise, answers, _right_count)
    refused_properly(lesson01.q3, answers)  # no model among arbitrary answers: never done


@settings(max_examples=40, deadline=None)
@given(ANY_ANSWER)
def test_any_single_answer_gets_a_proper_message(answer):
    for exercise in EXERCISES:
        result = evaluate_anything(exercise, (answer,), _right_count)
        assert UNEXPECTED not in result.message, result.message


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.text(max_size=8), st.sampled_from(["no", "No", "아니요", "yes", "예", "n"])))
def test_q3_any_text_prediction_on_the_real_network_is_read_or_refused_properly(text):
    result = refused_properly(lesson01.q3, (text, XOR_NETWORK), lambda *given: True)
    said = lesson01.YES_NO.read(text)
    assert result.ok == (said is not None), str(result)
    assert result.surprise == (said == "yes"), str(result)


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
    korean_success(lesson01.q3, "아니요", xor_network())
    korean_refusal(lesson01.q3, "모르겠어요", xor_network())
    korean_refusal(lesson01.q3, "아니요", stack(dense(1), n_features=3))
    surprise = in_korean(lesson01.q3, "예", xor_network())
    assert surprise.surprise and hangul(surprise.message), str(surprise)
