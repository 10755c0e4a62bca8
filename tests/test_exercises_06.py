"""Notebook 04's exercises: each solution passes, typical wrong answers are explained."""

import keras
import numpy as np
import pytest
from exercise_support import (
    ANY_ANSWER,
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

from helpers.data import load_iris
from helpers.exercises import lesson06

X_IRIS, Y_IRIS = load_iris()


def split(order, n_test=45, x=X_IRIS, y=Y_IRIS):
    xs, ys = x[order], y[order]
    return xs[:-n_test], ys[:-n_test], xs[-n_test:], ys[-n_test:]


SHUFFLED = np.random.default_rng(3).permutation(150)


def keras_history(curves):
    """A keras.callbacks.History holding ``curves``, as model.fit returns it."""
    history = keras.callbacks.History()
    history.history = curves
    return history


def test_q1_solution_passes():
    names = solve(lesson06.q1, x_iris=X_IRIS, y_iris=Y_IRIS)
    answer = [names[k] for k in ("x_train_q1", "y_train_q1", "x_test_q1", "y_test_q1")]
    assert lesson06.q1.evaluate(*answer).ok


def test_q1_accepts_any_shuffle():
    assert lesson06.q1.evaluate(*split(SHUFFLED)).ok
    x_train, y_train, x_test, y_test = split(SHUFFLED)
    assert lesson06.q1.evaluate(x_train, y_train[:, None], x_test, y_test.astype(float)).ok


def test_q1_unanswered():
    result = lesson06.q1.evaluate(None, None, None, None)
    assert not result.ok and not result.answered


def test_q1_explains_wrong_answers():
    def check(answer, message):
        result = lesson06.q1.evaluate(*answer)
        assert not result.ok and message in result.message, result.message

    x_train, y_train, x_test, y_test = split(SHUFFLED)
    check(split(np.arange(150)), "last 45 rows of the file")
    check(split(SHUFFLED, n_test=30), "30% of 150 is 45")
    check((x_train, y_train[:-1], x_test, y_test), "every sample needs its label")
    check((x_train, y_train, x_test, None), "y_test_q1 is still None")
    check((x_train, y_train, x_test, list(y_test)), "should be a NumPy array")
    check((x_train, y_train, x_test[:, :2], y_test), "4 features")
    other = np.random.default_rng(4).permutation(150)
    check((x_train, Y_IRIS[other][:-45], x_test, Y_IRIS[other][-45:]), "lost their labels")
    check((np.concatenate([x_train[:-1], x_test[:1]]), y_train, x_test, y_test), "exactly once")
    check((x_train, y_train, x_test, np.float64(1.0)), "one label per row")
    check((x_train, x_train, x_test, y_test), "one label per row")


def test_q1_needs_every_class_in_the_test_set():
    rng = np.random.default_rng(0)
    test_rows = rng.permutation(np.arange(50, 150))[:45]  # versicolor and virginica only
    train_rows = rng.permutation(np.setdiff1d(np.arange(150), test_rows))
    answer = (X_IRIS[train_rows], Y_IRIS[train_rows], X_IRIS[test_rows], Y_IRIS[test_rows])
    result = lesson06.q1.evaluate(*answer)
    assert not result.ok and "no flowers of class [0]" in result.message, result.message


def run(at_30, last, epochs=60):
    """A History's dict whose val_loss is at_30 at epoch 30 and last at the end."""
    val_loss = [*np.linspace(0.3, at_30, 30), *np.linspace(at_30, last, epochs - 30 + 1)[1:]]
    return {"loss": list(np.linspace(0.5, 0.001, epochs)), "val_loss": val_loss}


RISING, FALLING, LEVEL = run(0.089, 0.14), run(0.089, 0.05), run(0.089, 0.092)


def test_q2_solution_passes():
    prediction = solve(lesson06.q2)["prediction_q2"]
    result = lesson06.q2.evaluate(prediction, RISING)
    assert result.ok and not result.surprise, str(result)
    assert "rose from 0.089 at epoch 30 to 0.140 at epoch 60" in result.message


@pytest.mark.parametrize(
    ("prediction", "history"),
    [
        ("It goes UP", RISING),
        ("higher", keras_history(RISING)),
        ("올라갈 것입니다", RISING),
        ("더 높아집니다", RISING),
        ("lower", FALLING),
        ("줄어듭니다", FALLING),
        ("about the same", LEVEL),
        ("비슷합니다", LEVEL),
        ("higher", run(0.089, 0.2, epochs=100)),
    ],
)
def test_q2_a_prediction_that_came_true(prediction, history):
    result = lesson06.q2.evaluate(prediction, history)
    assert result.ok and not result.surprise, str(result)


@pytest.mark.parametrize(
    ("prediction", "history", "said"),
    [
        ("lower", RISING, "the further its validation loss climbs"),
        ("the same", RISING, "the further its validation loss climbs"),
        ("higher", FALLING, "fell from 0.089 at epoch 30 to 0.050 at epoch 60."),
        ("higher", LEVEL, "stayed about the same: 0.089 at epoch 30, 0.092 at epoch 60."),
    ],
)
def test_q2_a_prediction_that_did_not_come_true_is_explained(prediction, history, said):
    result = lesson06.q2.evaluate(prediction, history)
    assert result.ok and result.surprise and said in result.message, str(result)


@pytest.mark.parametrize(
    ("prediction", "history", "message"),
    [
        ("sideways", RISING, "'sideways' is not one of 'higher', 'lower', 'same'"),
        ("up or down", RISING, "name exactly one"),
        ("higher", run(0.089, 0.14)["loss"], "must be a Keras History"),
        ("higher", {"loss": RISING["loss"]}, "a val_loss for each of 60 epochs"),
        ("higher", {"val_loss": RISING["val_loss"][:30]}, "a val_loss for each of 60 epochs"),
        ("higher", {"val_loss": [*RISING["val_loss"][:59], np.nan]}, "for each of 60 epochs"),
        ("higher", None, "must be a Keras History"),
    ],
)
def test_q2_explains_wrong_answers(prediction, history, message):
    result = lesson06.q2.evaluate(prediction, history)
    assert not result.ok and message in result.message, result.message
    assert not lesson06.q2.evaluate(None, RISING).answered


@settings(max_examples=60, deadline=None)
@given(
    st.floats(0.01, 1.0),
    st.floats(0.01, 1.0),
    st.sampled_from(["higher", "lower", "same"]),
)
def test_q2_tells_what_the_learners_own_run_did(at_30, last, prediction):
    """Whatever the run, the check compares the prediction with that run's val_loss."""
    result = lesson06.q2.evaluate(prediction, run(at_30, last))
    change = (last - at_30) / at_30
    if abs(change) > 0.11:  # clearly up or down (0.1 is the "about the same" band)
        happened = "higher" if change > 0 else "lower"
        assert result.ok and result.surprise == (prediction != happened), str(result)
        assert ("rose" if change > 0 else "fell") in result.message
    elif abs(change) < 0.09:
        assert result.surprise == (prediction != "same"), str(result)


def test_q3_solution_passes_and_accepts_variants():
    assert lesson06.q3.evaluate(solve(lesson06.q3, x_iris=X_IRIS, y_iris=Y_IRIS)["diagnosis"]).ok
    for variants in (
        {"A": "Overfit", "B": "underfit", "C": "good"},
        {"A": "과대적합", "B": "과소적합", "C": "적정적합"},
        {"A": "과적합", "B": "과소 적합", "C": "좋은 적합"},
        {"a": "overfitting ", "b": "UNDERFITTING", "c": "just right"},
    ):
        assert lesson06.q3.evaluate(variants).ok, variants


def test_q3_curves_look_like_their_diagnosis():
    a, b, c = (lesson06.CURVES[run] for run in "ABC")
    assert np.argmin(a["val_loss"]) < 15 and a["val_loss"][-1] > 2 * min(a["val_loss"])
    assert a["loss"][-1] < 0.05
    assert min(b["loss"]) > 0.3 and b["loss"][-1] < b["loss"][-2]
    assert c["val_loss"][-1] < 0.15 and abs(c["val_loss"][-1] - c["loss"][-1]) < 0.05


def test_q3_starter_is_not_answered():
    result = lesson06.q3.evaluate({"A": None, "B": None, "C": None})
    assert not result.ok and not result.answered


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("overfitting", "should be a dict"),
        ({"A": "overfitting", "B": "underfitting"}, "give run C"),
        ({"A": "overfitting", "B": "underfitting", "C": "meh"}, "'meh' is not one of"),
        ({"A": "underfitting", "B": "underfitting", "C": "good fit"}, "run A is not underfitting"),
        ({"A": "overfitting", "B": "good fit", "C": "good fit"}, "run B is not good fit"),
        ({"A": "overfitting", "B": "underfitting", "C": "overfitting"}, "run C is not overfitting"),
        ({"A": "과소적합", "B": "과대적합", "C": "적정적합"}, "run A is not underfitting"),
        ({"A": "과대적합", "B": "과소적합", "C": "과적합"}, "run C is not overfitting"),
        ({"A": "over or under", "B": "underfitting", "C": "good"}, "name exactly one"),
    ],
)
def test_q3_explains_wrong_answers(answer, message):
    result = lesson06.q3.evaluate(answer)
    assert not result.ok and message in result.message, result.message


@pytest.mark.parametrize("blank", [None, "", "  ", 3, ["overfitting"]])
def test_q3_a_run_without_a_word_is_named(blank):
    result = lesson06.q3.evaluate({"A": "overfitting", "B": blank, "C": "good fit"})
    assert not result.ok and result.message.startswith("give run B one of"), result.message


@settings(max_examples=40, deadline=None)
@given(ANY_ANSWER)
def test_any_single_answer_gets_a_proper_message(answer):
    parts = list(split(SHUFFLED))
    for position in range(4):
        answers = [*parts[:position], answer, *parts[position + 1 :]]
        refused_properly(lesson06.q1, answers)
    refused_properly(lesson06.q3, (answer,))
    refused_properly(lesson06.q2, ("higher", answer))
    evaluate_anything(lesson06.q2, (answer, RISING), lambda *given: True)  # any word may be it
    refused_properly(lesson06.q3, ({"A": answer, "B": "underfitting", "C": "good"},))


# ------------------------------------------------------------- in Korean ---


def test_korean_feedback():
    korean_success(lesson06.q1, *split(SHUFFLED))
    korean_refusal(lesson06.q1, *split(np.arange(150)))
    korean_refusal(lesson06.q1, *split(SHUFFLED, n_test=30))
    korean_success(lesson06.q2, "높아집니다", RISING)
    korean_refusal(lesson06.q2, "옆으로", RISING)
    result = in_korean(lesson06.q2, "내려갑니다", RISING)
    assert result.surprise and hangul(result.message), str(result)
    korean_success(lesson06.q3, solve(lesson06.q3)["diagnosis"])
    result = korean_refusal(lesson06.q3, {"A": "과소적합", "B": "과대적합", "C": "적정적합"})
    assert "A 훈련은 과소적합이 아닙니다" in result.message, result.message
    result = korean_refusal(lesson06.q3, {"A": "과대적합", "B": "과소적합", "C": "뭔가"})
    assert "'뭔가'" in result.message, result.message


@pytest.mark.parametrize(
    "answer",
    [
        {"A": "과대적합", "B": "과소적합", "C": "적정적합"},
        {"A": "과적합", "B": "과소 적합", "C": "좋은 적합"},
        {"A": "과대 적합", "B": "과소적합", "C": "적절한 적합"},
        {"A": "오버피팅", "B": "언더피팅", "C": "알맞게 적합"},
        {"A": "overfitting", "B": "과소적합", "C": "good fit"},
    ],
)
def test_q3_accepts_korean_words_in_both_languages(answer):
    assert lesson06.q3.evaluate(answer).ok, answer
    korean_success(lesson06.q3, answer)
