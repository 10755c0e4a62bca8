"""Notebook 03's exercises: each solution passes, typical wrong answers are explained."""

import keras
import numpy as np
import pytest
from exercise_support import (
    ANY_ANSWER,
    UNEXPECTED,
    evaluate_anything,
    in_korean,
    korean_refusal,
    korean_success,
    refused_properly,
    solve,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from helpers.data import load_breast_cancer
from helpers.exercises import lesson03

GOOD = {"spam": "binary_crossentropy", "digits": "sparse_categorical_crossentropy", "price": "mse"}
REASON = "the labels are integers, not one-hot rows"


def test_q1_solution_passes():
    solved = solve(lesson03.q1)
    assert lesson03.q1.evaluate(solved["losses"], solved["reason"]).ok


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
    assert lesson03.q1.evaluate(answer, REASON).ok


def test_q1_starter_is_not_answered():
    result = lesson03.q1.evaluate({"spam": None, "digits": None, "price": None}, None)
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
    result = lesson03.q1.evaluate(answer, REASON)
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
    assert lesson03.q1.evaluate(GOOD, reason).ok


@pytest.mark.parametrize("reason", [None, "", "because", "ten classes", 7, ["integer"]])
def test_q1_asks_for_the_reason_once_the_losses_are_right(reason):
    result = lesson03.q1.evaluate(GOOD, reason)
    assert not result.ok and "write in reason" in result.message, result.message


def test_q1_judges_the_losses_before_the_reason():
    result = lesson03.q1.evaluate({**GOOD, "price": "binary_crossentropy"}, None)
    assert not result.ok and "not a class" in result.message, result.message


@settings(max_examples=40, deadline=None)
@given(ANY_ANSWER)
def test_q1_any_reason_gets_a_proper_message(reason):
    def right(losses, reason):
        return isinstance(reason, str) and bool(lesson03.WHY_SPARSE.found(reason))

    refused_properly(lesson03.q1, (GOOD, reason), right)


def test_q2_solution_passes_and_matches_keras():
    my_mae = solve(lesson03.q2)["my_mae"]
    assert lesson03.q2.evaluate(my_mae).ok
    ours = keras.ops.convert_to_numpy(my_mae(lesson03.PROBE_TRUE, lesson03.PROBE_PRED))
    theirs = keras.losses.mean_absolute_error(lesson03.PROBE_TRUE, lesson03.PROBE_PRED)
    np.testing.assert_allclose(ours, keras.ops.convert_to_numpy(theirs))


def test_q2_accepts_other_ways_to_write_it():
    def by_hand(y_true, y_pred):
        error = y_true - y_pred
        return keras.ops.mean(keras.ops.maximum(error, -error), axis=1)

    assert lesson03.q2.evaluate(by_hand).ok
    assert lesson03.q2.evaluate(keras.losses.mean_absolute_error).ok
    assert lesson03.q2.evaluate(lambda t, p: keras.ops.mean(abs(p - t), axis=-1)).ok


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
def test_q2_explains_wrong_answers(answer, message):
    result = lesson03.q2.evaluate(answer)
    assert not result.ok and message in result.message, result.message


# ---------------------------------------------------------------- q3 ---

_, LABELS = load_breast_cancer()
MALIGNANT = LABELS == 0


def called_benign(missed, false_alarms):
    """A model's calls, True for benign: every malignant tumour found but ``missed`` of them,
    every benign one called benign but ``false_alarms`` of them."""
    called = ~MALIGNANT
    called[np.flatnonzero(MALIGNANT)[:missed]] = True
    called[np.flatnonzero(~MALIGNANT)[:false_alarms]] = False
    return called


ORDINARY = called_benign(10, 11)  # the lesson's run: ordinary cross-entropy
LIGHT = called_benign(18, 9)  # the same network at MALIGNANT_WEIGHT = 0.3


def test_q3_the_lessons_run_gives_what_the_solution_predicts():
    """The lesson's cells, as the exercise runs them: the weight 0.3 misses more."""
    x, y = load_breast_cancer()
    normalize = keras.layers.Normalization()
    normalize.adapt(x)

    def careful(weight):
        def loss(y_true, y_pred):
            y_true = keras.ops.cast(y_true, y_pred.dtype)
            p = keras.ops.clip(y_pred, 1e-7, 1 - 1e-7)
            per_value = -(y_true * keras.ops.log(p) + weight * (1 - y_true) * keras.ops.log(1 - p))
            return keras.ops.mean(per_value, axis=-1)

        return loss

    def called(loss):
        keras.utils.set_random_seed(0)
        net = keras.Sequential([
            keras.Input(shape=(30,)),
            normalize,
            keras.layers.Dense(8, activation="relu"),
            keras.layers.Dense(1, activation="sigmoid"),
        ])  # fmt: skip
        net.compile(loss=loss, optimizer="adam")
        net.fit(x, y, epochs=10, verbose=0)
        return keras.ops.convert_to_numpy(net(x)).ravel() > 0.5

    result = lesson03.q3.evaluate(
        solve(lesson03.q3)["prediction"], called(careful(0.3)), called("binary_crossentropy")
    )
    assert result.ok and not result.surprise, result.message


def test_q3_solution_is_predicted_with_the_counts_and_why():
    result = lesson03.q3.evaluate(solve(lesson03.q3)["prediction"], LIGHT, ORDINARY)
    assert result.ok and not result.surprise and "You predicted it" in result.message
    assert "missed 18 of the 212 malignant tumours" in result.message
    assert "cross-entropy missed 10, and raised 9 false alarms against 11" in result.message
    assert "the cheaper mistake" in result.message


@pytest.mark.parametrize(
    "prediction",
    [
        "More",
        " MORE ",
        "more of them",
        "더 많이",
        "더 많이 놓칠 것 같습니다",
        "놓치는 수가 늘어난다",
    ],
)
def test_q3_accepts_every_way_to_say_more(prediction):
    result = lesson03.q3.evaluate(prediction, LIGHT, ORDINARY)
    assert result.ok and not result.surprise, result.message


@pytest.mark.parametrize(
    ("prediction", "why"),
    [
        ("fewer", "At 3.0 the costly mistake was missing a malignant tumour"),
        ("less", "At 3.0 the costly mistake"),
        ("더 적게", "At 3.0 the costly mistake"),
        ("덜 놓칩니다", "At 3.0 the costly mistake"),
        ("same", "move to the side whose mistake is cheaper"),
        ("unchanged", "move to the side whose mistake is cheaper"),
        ("같은 수", "move to the side whose mistake is cheaper"),
        ("똑같다", "move to the side whose mistake is cheaper"),
    ],
)
def test_q3_a_wrong_prediction_is_explained_not_failed(prediction, why):
    result = lesson03.q3.evaluate(prediction, LIGHT, ORDINARY)
    assert result.ok and result.surprise, result.message
    assert "missed 18 of the 212" in result.message and why in result.message


def test_q3_judges_what_the_learners_own_run_gave():
    swapped = lesson03.q3.evaluate("fewer", ORDINARY, LIGHT)  # a weight above 1 kept
    assert swapped.ok and not swapped.surprise and "missed 10 of the 212" in swapped.message
    result = lesson03.q3.evaluate("more", ORDINARY, LIGHT)
    assert result.ok and result.surprise and "sets MALIGNANT_WEIGHT = 0.3" in result.message
    same = lesson03.q3.evaluate("same", called_benign(12, 3), called_benign(12, 20))
    assert same.ok and not same.surprise, same.message
    assert "both models missed 12 of the 212" in same.message and "raised 3 false" in same.message


def test_q3_accepts_the_calls_as_zeros_and_ones():
    result = lesson03.q3.evaluate("more", LIGHT.astype(int), ORDINARY.astype("float32"))
    assert result.ok and not result.surprise, result.message


@pytest.mark.parametrize(
    "prediction", ["maybe", "more or fewer", "더 많거나 적게", "", 3, True, ["more"]]
)
def test_q3_a_prediction_that_is_not_one_choice_is_refused(prediction):
    result = lesson03.q3.evaluate(prediction, LIGHT, ORDINARY)
    assert not result.ok and result.answered, result.message
    assert "is not one of 'more', 'fewer', 'same'" in result.message


@pytest.mark.parametrize(
    "run",
    [
        LIGHT[:100],
        LIGHT.reshape(1, -1),
        LIGHT * 0.7,
        np.full(len(LIGHT), np.nan),
        list(LIGHT),
        "light_benign",
        None,
    ],
    ids=["short", "2-d", "not 0/1", "nan", "list", "text", "None"],
)
def test_q3_asks_for_the_runs_own_calls(run):
    for answers in (("more", run, ORDINARY), ("more", LIGHT, run)):
        result = lesson03.q3.evaluate(*answers)
        assert not result.ok and "Run the cell as it was given" in result.message, result.message
        assert "True or False for each of the 569 tumours" in result.message


def test_q3_unanswered():
    result = lesson03.q3.evaluate(None, LIGHT, ORDINARY)
    assert not result.ok and not result.answered


PREDICTIONS = st.sampled_from(["more", "fewer", "same", "더 많이", "더 적게", "같은 수"])
CALLS = arrays(bool, len(LABELS))


@settings(max_examples=30, deadline=None)
@given(PREDICTIONS, CALLS, CALLS)
def test_q3_any_run_is_judged_by_which_missed_more(prediction, light, ordinary):
    result = lesson03.q3.evaluate(prediction, light, ordinary)
    difference = np.sum(light & MALIGNANT) - np.sum(ordinary & MALIGNANT)
    happened = "more" if difference > 0 else "fewer" if difference < 0 else "same"
    predicted = lesson03.MORE_OR_FEWER.read(prediction)
    assert result.ok and result.surprise == (predicted != happened), result.message
    assert f"{np.sum(light & MALIGNANT)} of the 212" in result.message


def _a_real_run(prediction, light, ordinary):
    """Whether the answers are a readable prediction and two runs' calls for every tumour."""
    runs = [getattr(calls, "shape", None) == LABELS.shape for calls in (light, ordinary)]
    readable = isinstance(prediction, str) and lesson03.MORE_OR_FEWER.read(prediction)
    return all(runs) and bool(readable)


@settings(max_examples=40, deadline=None)
@given(ANY_ANSWER, ANY_ANSWER, ANY_ANSWER)
def test_q3_any_answers_get_a_proper_message(prediction, light, ordinary):
    result = evaluate_anything(lesson03.q3, (prediction, light, ordinary), is_right=_a_real_run)
    assert UNEXPECTED not in result.message, result.message


EXERCISES = (lesson03.q1, lesson03.q2, lesson03.q3)


@settings(max_examples=40, deadline=None)
@given(ANY_ANSWER)
def test_any_single_answer_gets_a_proper_message(answer):
    for exercise in EXERCISES:
        refused_properly(exercise, (answer,))
    for key in ("spam", "digits"):  # a short text could be a right regression loss
        refused_properly(lesson03.q1, ({**GOOD, key: answer}, REASON))
    refused_properly(lesson03.q2, (lambda y_true, y_pred: answer,))


# ------------------------------------------------------------- in Korean ---

#: The three losses by their Korean names (the course's term table and the books' others).
KOREAN = {
    "spam": "이진 교차 엔트로피",
    "digits": "희소 범주형 교차 엔트로피",
    "price": "평균 제곱 오차",
}


def test_korean_feedback():
    solved = solve(lesson03.q1)
    korean_success(lesson03.q1, solved["losses"], solved["reason"])
    korean_refusal(lesson03.q1, {**GOOD, "spam": "mse"}, REASON)
    korean_refusal(lesson03.q1, {**GOOD, "digits": "categorical_crossentropy"}, REASON)
    korean_refusal(lesson03.q1, {**GOOD, "price": "교차 엔트로피"}, REASON)
    korean_refusal(lesson03.q1, GOOD, "모르겠습니다")
    korean_refusal(lesson03.q2, _no_abs)
    korean_success(lesson03.q2, solve(lesson03.q2)["my_mae"])
    korean_success(lesson03.q3, "더 많이", LIGHT, ORDINARY)
    surprise = in_korean(lesson03.q3, "더 적게", LIGHT, ORDINARY)
    assert surprise.ok and surprise.surprise and "예측" in str(surprise), str(surprise)
    assert "악성 종양 212개 중 18개를 놓쳤고" in surprise.message, surprise.message
    korean_refusal(lesson03.q3, "글쎄요", LIGHT, ORDINARY)
    korean_refusal(lesson03.q3, "더 많이", LIGHT[:5], ORDINARY)


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
    assert lesson03.q1.evaluate(answer, "레이블이 정수입니다").ok
    korean_success(lesson03.q1, answer, "원-핫이 아니라 정수 레이블입니다")


def test_q1_explains_a_wrong_korean_name():
    result = lesson03.q1.evaluate({**KOREAN, "digits": "범주형 교차 엔트로피"}, "정수")
    assert not result.ok and "expects one-hot labels" in result.message, result.message
    korean_refusal(lesson03.q1, {**KOREAN, "digits": "범주형 교차 엔트로피"}, "정수")
