"""Notebook 02's exercises: each solution passes, typical wrong answers are explained."""

import keras
import numpy as np
import pytest
from exercise_support import (
    ANY_ANSWER,
    hangul,
    in_korean,
    korean_refusal,
    korean_success,
    refused_properly,
    solve,
)
from hypothesis import given, settings

from helpers.exercises import lesson02


def iris_model():
    return keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3, activation="softmax")])


GOOD = {"spam": "binary_crossentropy", "digits": "sparse_categorical_crossentropy", "price": "mse"}
REASON = "the labels are integers, not one-hot rows"


def test_q1_solution_passes():
    solved = solve(lesson02.q1)
    assert lesson02.q1.evaluate(solved["losses"], solved["reason"]).ok


@pytest.mark.parametrize(
    "answer",
    [
        GOOD,
        {**GOOD, "price": "mean_absolute_error"},
        {**GOOD, "spam": keras.losses.BinaryCrossentropy()},
        {**GOOD, "digits": keras.losses.SparseCategoricalCrossentropy},
        {**GOOD, "price": keras.losses.mean_squared_error},
        {**GOOD, "price": "huber", "spam": "BinaryCrossentropy"},
        {**GOOD, "price": keras.losses.LogCosh()},
    ],
)
def test_q1_accepts_names_objects_and_functions(answer):
    assert lesson02.q1.evaluate(answer, REASON).ok


def test_q1_starter_is_not_answered():
    result = lesson02.q1.evaluate({"spam": None, "digits": None, "price": None}, None)
    assert not result.ok and not result.answered and "'spam' is still None" in result.message


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (["binary_crossentropy"], "should be a dict"),
        ({"spam": "binary_crossentropy"}, "['digits', 'price'] are missing"),
        ({**GOOD, "spam": "mean_squared_error"}, "binary problem"),
        ({**GOOD, "digits": "categorical_crossentropy"}, "sparse version"),
        ({**GOOD, "digits": "binary_crossentropy"}, "Ten classes"),
        ({**GOOD, "price": "binary_crossentropy"}, "not a class"),
        ({**GOOD, "spam": "binary_crosentropy"}, "check the spelling"),
        ({**GOOD, "spam": 3}, "you gave a int"),
        ({**GOOD, "price": "accuracy"}, "not a loss Keras knows"),
        ({**GOOD, "digits": "sparse_categorical_accuracy"}, "not a loss Keras knows"),
    ],
)
def test_q1_explains_wrong_answers(answer, message):
    result = lesson02.q1.evaluate(answer, REASON)
    assert not result.ok and message in result.message, result.message


@pytest.mark.parametrize(
    "reason",
    [
        "the labels are class numbers",
        "labels like 7 are not onehot",
        "Integer labels",
        "categorical wants one-hot rows; these are class indices",
        "레이블이 클래스 번호입니다",
        "원핫 인코딩을 하지 않았기 때문",
    ],
)
def test_q1_accepts_any_wording_of_the_reason(reason):
    assert lesson02.q1.evaluate(GOOD, reason).ok


@pytest.mark.parametrize("reason", [None, "", "because", "ten classes", 7, ["integer"]])
def test_q1_asks_for_the_reason_once_the_losses_are_right(reason):
    result = lesson02.q1.evaluate(GOOD, reason)
    assert not result.ok and "write in reason" in result.message, result.message


def test_q1_judges_the_losses_before_the_reason():
    result = lesson02.q1.evaluate({**GOOD, "price": "binary_crossentropy"}, None)
    assert not result.ok and "not a class" in result.message, result.message


@settings(max_examples=40, deadline=None)
@given(ANY_ANSWER)
def test_q1_any_reason_gets_a_proper_message(reason):
    def right(losses, reason):
        return isinstance(reason, str) and bool(lesson02.WHY_SPARSE.found(reason))

    refused_properly(lesson02.q1, (GOOD, reason), right)


def test_q2_solution_passes():
    model_q2 = iris_model()
    solve(lesson02.q2, model_q2=model_q2)
    assert lesson02.q2.evaluate(model_q2).ok


def test_q2_accepts_loss_and_metric_objects():
    model_q2 = iris_model()
    model_q2.compile(
        optimizer=keras.optimizers.Adam(learning_rate=0.01),
        loss=keras.losses.SparseCategoricalCrossentropy(),
        metrics=[keras.metrics.SparseCategoricalAccuracy()],
    )
    assert lesson02.q2.evaluate(model_q2).ok
    model_q2.compile(
        optimizer=keras.optimizers.Adam(0.01),
        loss="sparse_categorical_crossentropy",
        metrics=("acc", keras.metrics.sparse_categorical_accuracy),
    )
    assert lesson02.q2.evaluate(model_q2).ok


def test_q2_uncompiled_is_not_answered():
    result = lesson02.q2.evaluate(iris_model())
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
def test_q2_explains_wrong_answers(compile_args, message):
    settings = {
        "optimizer": keras.optimizers.Adam(learning_rate=0.01),
        "loss": "sparse_categorical_crossentropy",
        "metrics": ["accuracy"],
        **compile_args,
    }
    model_q2 = iris_model()
    model_q2.compile(**settings)
    result = lesson02.q2.evaluate(model_q2)
    assert not result.ok and message in result.message, result.message


def test_q2_rejects_something_else():
    result = lesson02.q2.evaluate("model")
    assert not result.ok and "should be a Keras model" in result.message


def test_q3_solution_passes_and_matches_keras():
    my_mae = solve(lesson02.q3)["my_mae"]
    assert lesson02.q3.evaluate(my_mae).ok
    ours = keras.ops.convert_to_numpy(my_mae(lesson02.PROBE_TRUE, lesson02.PROBE_PRED))
    theirs = keras.losses.mean_absolute_error(lesson02.PROBE_TRUE, lesson02.PROBE_PRED)
    np.testing.assert_allclose(ours, keras.ops.convert_to_numpy(theirs))


def test_q3_accepts_other_ways_to_write_it():
    def by_hand(y_true, y_pred):
        error = y_true - y_pred
        return keras.ops.mean(keras.ops.maximum(error, -error), axis=1)

    assert lesson02.q3.evaluate(by_hand).ok
    assert lesson02.q3.evaluate(keras.losses.mean_absolute_error).ok
    assert lesson02.q3.evaluate(lambda t, p: keras.ops.mean(abs(p - t), axis=-1)).ok


def _no_abs(y_true, y_pred):
    return keras.ops.mean(y_pred - y_true, axis=-1)


def _squared(y_true, y_pred):
    return keras.ops.mean(keras.ops.square(y_pred - y_true), axis=-1)


def _summed(y_true, y_pred):
    return keras.ops.sum(keras.ops.abs(y_pred - y_true))


def _numpy(y_true, y_pred):
    return np.mean(np.abs(y_pred - y_true), axis=-1)


def _broken(y_true, y_pred):
    return keras.ops.mean(keras.ops.abs(y_pred - y_true), axis=3)


def _flat(y_true, y_pred):
    return keras.ops.abs(y_pred - y_true)


def _no_return(y_true, y_pred):
    keras.ops.mean(keras.ops.abs(y_pred - y_true), axis=-1)


def _scalar(y_true, y_pred):
    return keras.ops.mean(keras.ops.abs(y_pred - y_true))


def _each_summed(y_true, y_pred):
    return keras.ops.sum(keras.ops.abs(y_pred - y_true), axis=-1)


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("keras.ops.abs", "should be a function"),
        (_no_abs, "negative errors cancel"),
        (_squared, "squared error"),
        (_summed, "one number for the whole batch"),
        (_scalar, "one number for the whole batch; the exercise asks for one value per sample"),
        (_each_summed, "sum of each sample's errors; take the mean"),
        (_no_return, "returned None: did you forget the return line?"),
        (lambda y_true, y_pred: "mae", "my_mae returned a str"),
        (_numpy, "use keras.ops functions"),
        (_broken, "failed with"),
        (_flat, "returned shape (4, 1)"),
    ],
)
def test_q3_explains_wrong_answers(answer, message):
    result = lesson02.q3.evaluate(answer)
    assert not result.ok and message in result.message, result.message


EXERCISES = (lesson02.q1, lesson02.q2, lesson02.q3, lesson02.q4)


@settings(max_examples=40, deadline=None)
@given(ANY_ANSWER)
def test_any_single_answer_gets_a_proper_message(answer):
    for exercise in EXERCISES:
        refused_properly(exercise, (answer,))
    for key in ("spam", "digits"):  # a short text could be a right regression loss
        refused_properly(lesson02.q1, ({**GOOD, key: answer}, REASON))
    refused_properly(lesson02.q3, (lambda y_true, y_pred: answer,))


# ------------------------------------------------------------- in Korean ---

#: The three losses by their Korean names (the course's term table and the books' others).
KOREAN = {
    "spam": "이진 교차 엔트로피",
    "digits": "희소 범주형 교차 엔트로피",
    "price": "평균 제곱 오차",
}


def test_korean_feedback():
    solved = solve(lesson02.q1)
    korean_success(lesson02.q1, solved["losses"], solved["reason"])
    korean_refusal(lesson02.q1, {**GOOD, "spam": "mse"}, REASON)
    korean_refusal(lesson02.q1, {**GOOD, "digits": "categorical_crossentropy"}, REASON)
    korean_refusal(lesson02.q1, {**GOOD, "price": "교차 엔트로피"}, REASON)
    korean_refusal(lesson02.q1, GOOD, "모르겠습니다")
    model_q2 = iris_model()
    model_q2.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    korean_refusal(lesson02.q2, model_q2)  # the default learning rate
    korean_success(lesson02.q2, solve(lesson02.q2, model_q2=iris_model())["model_q2"])
    korean_refusal(lesson02.q3, _no_abs)
    korean_success(lesson02.q3, solve(lesson02.q3)["my_mae"])


@pytest.mark.parametrize(
    "answer",
    [
        KOREAN,
        {
            "spam": "이항 교차 엔트로피",
            "digits": "희소_범주형_교차_엔트로피",
            "price": "평균 절댓값 오차",
        },
        {**GOOD, "price": "평균제곱오차"},
        {**KOREAN, "spam": "binary_crossentropy"},
    ],
)
def test_q1_accepts_the_korean_names_in_both_languages(answer):
    assert lesson02.q1.evaluate(answer, "레이블이 정수입니다").ok
    korean_success(lesson02.q1, answer, "원-핫이 아니라 정수 레이블입니다")


def test_q1_explains_a_wrong_korean_name():
    result = lesson02.q1.evaluate({**KOREAN, "digits": "범주형 교차 엔트로피"}, "정수")
    assert not result.ok and "expects one-hot labels" in result.message, result.message
    korean_refusal(lesson02.q1, {**KOREAN, "digits": "범주형 교차 엔트로피"}, "정수")


# ------------------------------------------------------------ exercise 4 ---

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


def test_q4_solution_comes_true_on_the_lesson_run():
    prediction = solve(lesson02.q4)["prediction"]
    result = lesson02.q4.evaluate(prediction, lesson_run(0.2))
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
def test_q4_accepts_any_wording_of_what_happened(prediction, losses):
    result = lesson02.q4.evaluate(prediction, losses)
    assert result.ok and not result.surprise, result.message


@pytest.mark.parametrize(
    ("prediction", "losses", "because"),
    [
        ("down", lesson_run(0.2), "ten times bigger steps jump across the valley"),
        ("up", lesson_run(0.02), "still small enough"),
    ],
)
def test_q4_explains_a_prediction_that_did_not_come_true(prediction, losses, because):
    result = lesson02.q4.evaluate(prediction, losses)
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
def test_q4_refuses_what_is_not_a_prediction_or_a_run(prediction, losses, message):
    result = lesson02.q4.evaluate(prediction, losses)
    assert not result.ok and message in result.message, result.message


def _q4_right(prediction, losses=None) -> bool:
    """Done (✅, or 🔎 explained) when the prediction names one outcome and the run is a run."""
    try:
        values = np.asarray(losses, dtype=float)
    except (TypeError, ValueError):
        return False
    run = values.ndim == 1 and values.size >= 2
    return run and isinstance(prediction, str) and lesson02.q4.outcomes.read(prediction) is not None


@settings(max_examples=40, deadline=None)
@given(ANY_ANSWER, ANY_ANSWER)
def test_q4_any_prediction_and_run_get_a_proper_message(prediction, losses):
    refused_properly(lesson02.q4, (prediction, lesson_run(0.2)), _q4_right)
    refused_properly(lesson02.q4, ("up", losses), _q4_right)
    refused_properly(lesson02.q4, (prediction, losses), _q4_right)


def test_q4_in_korean():
    korean_success(lesson02.q4, "올라갑니다", lesson_run(0.2))
    korean_refusal(lesson02.q4, "모르겠습니다", lesson_run(0.2))
    korean_refusal(lesson02.q4, "up", "손실")
    surprise = in_korean(lesson02.q4, "down", lesson_run(0.2))
    assert surprise.ok and surprise.surprise and hangul(surprise.message), str(surprise)
