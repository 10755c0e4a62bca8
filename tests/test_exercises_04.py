"""Notebook 04's exercises: each solution passes, typical wrong answers are explained."""

import keras
import numpy as np
import pytest
from exercise_support import (
    ANY_ANSWER,
    ANY_ANSWERS,
    hangul,
    in_korean,
    korean_refusal,
    korean_success,
    refused_properly,
    solve,
)
from hypothesis import given, settings

from helpers.exercises import lesson04


def iris_model():
    return keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3, activation="softmax")])


def test_q1_solution_passes():
    model_q1 = iris_model()
    solve(lesson04.q1, model_q1=model_q1)
    assert lesson04.q1.evaluate(model_q1).ok


def test_q1_accepts_loss_and_metric_objects():
    model_q1 = iris_model()
    model_q1.compile(
        optimizer=keras.optimizers.Adam(learning_rate=0.01),
        loss=keras.losses.SparseCategoricalCrossentropy(),
        metrics=[keras.metrics.SparseCategoricalAccuracy()],
    )
    assert lesson04.q1.evaluate(model_q1).ok
    model_q1.compile(
        optimizer=keras.optimizers.Adam(0.01),
        loss="sparse_categorical_crossentropy",
        metrics=("acc", keras.metrics.sparse_categorical_accuracy),
    )
    assert lesson04.q1.evaluate(model_q1).ok


def test_q1_uncompiled_is_not_answered():
    result = lesson04.q1.evaluate(iris_model())
    assert not result.ok and not result.answered and "not compiled yet" in result.message


@pytest.mark.parametrize(
    ("compile_args", "message"),
    [
        ({"optimizer": "adam"}, "'adam' always means the default 0.001"),
        ({"optimizer": keras.optimizers.Adam(learning_rate=0.1)}, "learning rate is 0.1,"),
        ({"optimizer": keras.optimizers.SGD(learning_rate=0.01)}, "optimizer is SGD"),
        ({"loss": "categorical_crossentropy"}, "needs one-hot labels"),
        ({"loss": "mean_squared_error"}, "integer labels need"),
        ({"metrics": []}, "metrics=['accuracy']"),
        ({"metrics": ["categorical_accuracy"]}, "expects one-hot labels"),
        ({"metrics": ["binary_accuracy"]}, "one yes/no output"),
        ({"metrics": [keras.metrics.Accuracy()]}, "exactly equal to the labels"),
        ({"metrics": ["mae"]}, "add metrics=['accuracy']"),
    ],
)
def test_q1_explains_wrong_answers(compile_args, message):
    settings = {
        "optimizer": keras.optimizers.Adam(learning_rate=0.01),
        "loss": "sparse_categorical_crossentropy",
        "metrics": ["accuracy"],
        **compile_args,
    }
    model_q1 = iris_model()
    model_q1.compile(**settings)
    result = lesson04.q1.evaluate(model_q1)
    assert not result.ok and message in result.message, result.message


def test_q1_rejects_something_else():
    result = lesson04.q1.evaluate("model")
    assert not result.ok and "should be a Keras model" in result.message


# ------------------------------------------------------------ exercise 2 ---

X_POINTS = np.array([1.0, 2.0, 3.0, 4.0])  # the lesson's one-weight model, w * x
Y_POINTS = np.array([2.2, 3.9, 6.1, 8.1])


def lesson_run(learning_rate, steps=10):
    """The losses of the exercise cell's run: gradient descent from w = 0 on the lesson's model."""
    w, losses = 0.0, []
    for _ in range(steps + 1):
        error = w * X_POINTS - Y_POINTS
        losses.append(float(np.mean(error**2)))
        w = w - learning_rate * float(np.sum(2 * error / len(X_POINTS) * X_POINTS))
    return losses


def test_q2_solution_comes_true_on_the_lesson_run():
    prediction = solve(lesson04.q2)["prediction"]
    result = lesson04.q2.evaluate(prediction, lesson_run(0.2))
    assert result.ok and not result.surprise, result.message
    assert "went up from 30.7" in result.message, result.message


@pytest.mark.parametrize(
    ("prediction", "losses"),
    [
        ("It will explode", lesson_run(0.2)),
        ("발산합니다", np.array(lesson_run(0.2))),
        ("HIGHER", (30.7, float("inf"))),
        ("올라갑니다", [30.7, float("nan")]),  # a loss grown to nan went up
        ("it goes down", lesson_run(0.02)),  # a learner who changed the rate: their own run
        ("줄어듭니다", lesson_run(0.02)),
    ],
)
def test_q2_accepts_any_wording_of_what_happened(prediction, losses):
    result = lesson04.q2.evaluate(prediction, losses)
    assert result.ok and not result.surprise, result.message


@pytest.mark.parametrize(
    ("prediction", "losses", "because"),
    [
        ("down", lesson_run(0.2), "ten times bigger steps jump across the valley"),
        ("up", lesson_run(0.02), "still small enough"),
    ],
)
def test_q2_explains_a_prediction_that_did_not_come_true(prediction, losses, because):
    result = lesson04.q2.evaluate(prediction, losses)
    assert result.ok and result.surprise, result.message
    assert because in result.message and "you expected" in result.message, result.message


@pytest.mark.parametrize(
    ("prediction", "losses", "message"),
    [
        (None, lesson_run(0.2), "replace None"),
        ("maybe", lesson_run(0.2), "name exactly one"),
        ("up or down", lesson_run(0.2), "name exactly one"),
        (3, lesson_run(0.2), "name exactly one"),
        ("up", 30.7, "list of losses"),
        ("up", [30.7], "list of losses"),
        ("up", [[30.7, 1.0]], "list of losses"),
        ("up", ["high", "low"], "list of losses"),
    ],
)
def test_q2_refuses_what_is_not_a_prediction_or_a_run(prediction, losses, message):
    result = lesson04.q2.evaluate(prediction, losses)
    assert not result.ok and message in result.message, result.message


def _q2_right(*answers) -> bool:
    """Done (✅, or 🔎 explained) when the prediction names one outcome and the run is a run."""
    if len(answers) != 2:
        return False
    prediction, losses = answers
    try:
        values = np.asarray(losses, dtype=float)
    except (TypeError, ValueError):
        return False
    run = values.ndim == 1 and values.size >= 2
    return run and isinstance(prediction, str) and lesson04.q2.outcomes.read(prediction) is not None


@settings(max_examples=40, deadline=None)
@given(ANY_ANSWER, ANY_ANSWER)
def test_q2_any_prediction_and_run_get_a_proper_message(prediction, losses):
    refused_properly(lesson04.q2, (prediction, lesson_run(0.2)), _q2_right)
    refused_properly(lesson04.q2, ("up", losses), _q2_right)
    refused_properly(lesson04.q2, (prediction, losses), _q2_right)


EXERCISES = (lesson04.q1, lesson04.q2)


@settings(max_examples=60, deadline=None)
@given(ANY_ANSWERS)
def test_no_answers_raise_or_pass_by_mistake(answers):
    refused_properly(lesson04.q1, answers)  # no model among arbitrary answers: never done
    refused_properly(lesson04.q2, answers, _q2_right)


@settings(max_examples=40, deadline=None)
@given(ANY_ANSWER)
def test_any_single_answer_gets_a_proper_message(answer):
    for exercise in EXERCISES:
        refused_properly(exercise, (answer,))


# ------------------------------------------------------------- in Korean ---


def test_korean_feedback():
    model_q1 = iris_model()
    model_q1.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    korean_refusal(lesson04.q1, model_q1)  # the default learning rate
    korean_success(lesson04.q1, solve(lesson04.q1, model_q1=iris_model())["model_q1"])
    korean_success(lesson04.q2, "올라갑니다", lesson_run(0.2))
    korean_refusal(lesson04.q2, "모르겠습니다", lesson_run(0.2))
    korean_refusal(lesson04.q2, "up", "손실")
    surprise = in_korean(lesson04.q2, "down", lesson_run(0.2))
    assert surprise.ok and surprise.surprise and hangul(surprise.message), str(surprise)
