"""Notebook 02's exercise: a prediction about XOR without activation, judged by the run."""

import numpy as np
import pytest
from exercise_support import (
    ANY_ANSWER,
    ANY_ANSWERS,
    dense,
    hangul,
    in_korean,
    korean_refusal,
    korean_success,
    refused_properly,
    solve,
    stack,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.exercises import lesson02

#: The lesson's hand-set XOR network: hidden x1 + x2 and x1 + x2 - 1, output 10 h1 - 20 h2 - 5.
XOR_WEIGHTS = [np.array([[1.0, 1.0], [1.0, 1.0]]), np.array([0.0, -1.0]),
               np.array([[10.0], [-20.0]]), np.array([-5.0])]  # fmt: skip


def xor_network(activation=None, weights=XOR_WEIGHTS):
    """The exercise's network: the lesson's XOR weights, the hidden layer's activation as given."""
    network = stack(dense(2, activation), dense(1, "sigmoid"), n_features=2)
    network.set_weights(weights)
    return network


XOR_NETWORK = xor_network()  # built once: the hypothesis test below calls it many times


def test_q1_solution_comes_true_on_the_network_of_the_check_cell():
    prediction = solve(lesson02.q1)["prediction"]
    result = lesson02.q1.evaluate(prediction, xor_network())
    assert result.ok and not result.surprise, str(result)
    assert "[1, 1, 1, 0]" in result.message and "3 of the 4 corners right" in result.message


@pytest.mark.parametrize(
    "prediction", ["no", "No", " NO ", "n", "false", False, np.False_, "아니요", "아니오"]
)
def test_q1_accepts_every_way_to_say_no(prediction):
    result = lesson02.q1.evaluate(prediction, xor_network())
    assert result.ok and not result.surprise, str(result)


@pytest.mark.parametrize("prediction", ["yes", True, "예", "네"])
def test_q1_a_wrong_prediction_is_explained_not_refused(prediction):
    result = lesson02.q1.evaluate(prediction, xor_network())
    assert result.ok and result.surprise, str(result)
    assert "one weighted sum" in result.message and "3 of the 4 corners" in result.message


def test_q1_reads_what_the_learners_own_network_did():
    with_relu = lesson02.q1.evaluate("no", xor_network("relu"))  # the activation left in
    assert with_relu.surprise and "all 4 corners right" in with_relu.message
    assert "not the network the cell builds" in with_relu.message
    assert lesson02.q1.evaluate("yes", xor_network("relu")).ok


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
def test_q1_explains_wrong_answers(answers, message):
    networks = {
        "xor": xor_network(),
        "three inputs": stack(dense(1, "sigmoid"), n_features=3),
        "three outputs": stack(dense(3, "sigmoid"), n_features=2),
    }
    answers = tuple(networks.get(a, a) if isinstance(a, str) else a for a in answers)
    result = lesson02.q1.evaluate(*answers)
    assert not result.ok and message in result.message, result.message


@settings(max_examples=40, deadline=None)
@given(ANY_ANSWERS)
def test_no_answer_raises_or_passes_by_mistake(answers):
    refused_properly(lesson02.q1, answers)  # no model among arbitrary answers: never done


@settings(max_examples=40, deadline=None)
@given(ANY_ANSWER)
def test_any_single_answer_gets_a_proper_message(answer):
    refused_properly(lesson02.q1, (answer,))


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.text(max_size=8), st.sampled_from(["no", "No", "아니요", "yes", "예", "n"])))
def test_q1_any_text_prediction_on_the_real_network_is_read_or_refused_properly(text):
    result = refused_properly(lesson02.q1, (text, XOR_NETWORK), lambda *given: True)
    said = lesson02.YES_NO.read(text)
    assert result.ok == (said is not None), str(result)
    assert result.surprise == (said == "yes"), str(result)


# ------------------------------------------------------------- in Korean ---


def test_korean_feedback():
    korean_success(lesson02.q1, "아니요", xor_network())
    korean_refusal(lesson02.q1, "모르겠어요", xor_network())
    korean_refusal(lesson02.q1, "아니요", stack(dense(1), n_features=3))
    surprise = in_korean(lesson02.q1, "예", xor_network())
    assert surprise.surprise and hangul(surprise.message), str(surprise)
