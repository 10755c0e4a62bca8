"""Notebook 06's exercises: solutions pass, typical mistakes get a useful message."""

import keras
import numpy as np
import pytest
from exercise_support import (
    ANY_ANSWER,
    UNEXPECTED,
    evaluate_anything,
    hangul,
    in_korean,
    korean_refusal,
    korean_success,
    solve,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.exercises import lesson08

L = keras.layers
X_IRIS = np.random.default_rng(0).normal(size=(24, 4)).astype("float32")
Y_IRIS = np.arange(24) % 3  # class numbers, one per flower, as y_train


def iris_model(loss="categorical_crossentropy"):
    """A fresh compiled iris-shaped model, as the cell that checks exercise 1 makes it."""
    keras.utils.set_random_seed(0)
    model = keras.Sequential(
        [keras.Input(shape=(4,)), L.Dense(8, activation="relu"), L.Dense(3, activation="softmax")]
    )
    model.compile(optimizer="adam", loss=loss)
    return model


def refused(result, message):
    return not result.ok and result.answered and message in result.message


def surprised(result, message):
    return result.ok and result.surprise and message in result.message


# ---------------------------------------------------------------- q1 ---


def test_q1_solution_is_what_happens():
    prediction = solve(lesson08.q1)["prediction"]
    result = lesson08.q1.evaluate(prediction, iris_model(), X_IRIS, Y_IRIS)
    assert result.ok and not result.surprise, result.message
    assert "Keras refused to train" in result.message and "rank" in result.message


@pytest.mark.parametrize(
    "prediction",
    [
        "Error",
        "it raises an error",
        "Keras refuses",
        "an exception",
        "오류가 납니다",
        "에러",
        "예외",
    ],
)
def test_q1_accepts_other_words_for_an_error(prediction):
    result = lesson08.q1.evaluate(prediction, iris_model(), X_IRIS, Y_IRIS)
    assert result.ok and not result.surprise, result.message


@pytest.mark.parametrize("prediction", ["trains", "It will train badly", "훈련됩니다", "works"])
def test_q1_a_prediction_that_it_trains_is_explained(prediction):
    result = lesson08.q1.evaluate(prediction, iris_model(), X_IRIS, Y_IRIS)
    assert surprised(result, "one-hot label row of the same shape"), result.message


def test_q1_follows_the_learners_own_run():
    """One-hot labels fit categorical_crossentropy, class numbers the sparse loss: it trains."""
    one_hot = keras.utils.to_categorical(Y_IRIS, 3)
    result = lesson08.q1.evaluate("trains", iris_model(), X_IRIS, one_hot)
    assert result.ok and not result.surprise and "it trained" in result.message, result.message
    result = lesson08.q1.evaluate("error", iris_model(), X_IRIS, one_hot)
    assert surprised(result, "These labels fit the loss"), result.message
    sparse = iris_model("sparse_categorical_crossentropy")
    result = lesson08.q1.evaluate("error", sparse, X_IRIS, Y_IRIS)
    assert surprised(result, "it trained"), result.message
    result = lesson08.q1.evaluate(
        "error", iris_model("sparse_categorical_crossentropy"), X_IRIS, one_hot
    )
    assert result.ok and not result.surprise, result.message


@pytest.mark.parametrize(
    ("prediction", "message"),
    [
        ("maybe", "'maybe' is not one of 'error', 'trains'"),
        ("it fails to train", "name exactly one"),
        (3, "is not one of"),
    ],
)
def test_q1_an_unreadable_prediction_is_named(prediction, message):
    assert refused(lesson08.q1.evaluate(prediction, iris_model(), X_IRIS, Y_IRIS), message)


@pytest.mark.parametrize(
    "inputs",
    [
        lambda: (iris_model(), X_IRIS[:10], Y_IRIS),  # another x than the labels' rows
        lambda: (iris_model(), X_IRIS[:, :3], Y_IRIS),  # the model cannot take x
        lambda: (iris_model(), X_IRIS, np.array(["setosa"] * 24)),  # names, not numbers
        lambda: (iris_model(), X_IRIS[0], Y_IRIS[:1]),  # one flower, not a table of them
        lambda: (keras.Sequential([keras.Input(shape=(4,)), L.Dense(3)]), X_IRIS, Y_IRIS),
    ],
)
def test_q1_a_check_cell_copied_wrongly_is_said_not_blamed_on_the_loss(inputs):
    result = lesson08.q1.evaluate("error", *inputs())
    assert refused(result, "run the cell that checks it as it was given"), result.message


def test_q1_unanswered_and_not_a_model():
    assert not lesson08.q1.evaluate(None, iris_model(), X_IRIS, Y_IRIS).answered
    result = lesson08.q1.evaluate("error", "mismatched_model", X_IRIS, Y_IRIS)
    assert refused(result, "should be a Keras model"), result.message


# ---------------------------------------------------------------- q2 ---


def _digit_model(*layers, shape=(784,)):
    return keras.Sequential([keras.Input(shape=shape), *layers])


def test_q2_solution_passes():
    assert lesson08.q2.evaluate(solve(lesson08.q2)["my_digit_model"]).ok


@pytest.mark.parametrize(
    "build",
    [
        lambda: _digit_model(L.Dense(16), L.Activation("relu"), L.Dense(10, activation="softmax")),
        lambda: _digit_model(L.Dense(16), L.ReLU(), L.Dense(10), L.Softmax()),
        lambda: _digit_model(
            L.Dense(16, activation="sigmoid"),
            L.Dense(16, activation=keras.activations.relu),
            L.Dense(10, activation="softmax"),
        ),
        lambda: keras.Sequential(
            [L.Dense(8, activation="relu"), L.Dense(10, activation="softmax")]
        ),
    ],
)
def test_q2_accepts_other_right_answers(build):
    result = lesson08.q2.evaluate(build())
    assert result.ok, result.message


def test_q2_accepts_dropout_between_the_layers():
    """Dropout (notebook 04) may sit between the layers: why q2 is not a ModelExercise."""
    model = _digit_model(
        L.Dense(64, activation="relu"), L.Dropout(0.2), L.Dense(10, activation="softmax")
    )
    assert lesson08.q2.evaluate(model).ok


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: _digit_model(L.Dense(10, activation="softmax")), "no hidden layer"),
        (
            lambda: _digit_model(L.Dense(32, activation="relu"), L.Dense(10)),
            'activation="softmax"',
        ),
        (
            lambda: _digit_model(L.Dense(32, activation="relu"), L.Dense(1, activation="sigmoid")),
            "needs 10 units",
        ),
        (
            lambda: _digit_model(
                L.Dense(32, activation="sigmoid"), L.Dense(10, activation="softmax")
            ),
            "no hidden layer uses relu",
        ),
        (
            lambda: _digit_model(L.ReLU(), L.Dense(32), L.Dense(10, activation="softmax")),
            "no hidden layer uses relu",
        ),
        (
            lambda: _digit_model(
                L.Dense(32, activation="relu"), L.Dense(10, activation="softmax"), shape=(28, 28)
            ),
            "shape (3, 784)",
        ),
        (lambda: L.Dense(10, activation="softmax"), "should be a Keras model"),
    ],
)
def test_q2_explains_wrong_answers(build, message):
    result = lesson08.q2.evaluate(build())
    assert refused(result, message), result.message


# ---------------------------------------------------------------- q3 ---

# Digit 2 has the fewest correct (8 of 10); digit 1 the smallest share (9 of 12);
# digit 0 the smallest share by column (predicted 13 times, 9 right).
MATRIX = np.array([[9, 1, 0], [3, 9, 0], [1, 0, 8]])


def test_q3_solution_passes():
    worst_digit = solve(lesson08.q3, matrix=MATRIX)["worst_digit"]
    assert worst_digit == 1
    assert lesson08.q3.evaluate(worst_digit, MATRIX).ok


@pytest.mark.parametrize("answer", [np.int64(1), 1.0, np.array(1), np.array([1])])
def test_q3_accepts_other_right_answers(answer):
    assert lesson08.q3.evaluate(answer, MATRIX).ok


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (0, "column sums"),
        (2, "compare shares"),
        (7, "you gave 7; worst_digit is one whole number from 0 to 2"),
        (1.5, "you gave 1.5; worst_digit is one whole number from 0 to 2"),
        ("one", "should be a number; you gave a str"),
        (True, "should be a number; you gave a bool"),
        (float("inf"), "ordinary, finite number"),
        (np.array([1, 2]), "should be one number; you gave 2 values"),
    ],
)
def test_q3_explains_wrong_answers(answer, message):
    result = lesson08.q3.evaluate(answer, MATRIX)
    assert refused(result, message), result.message


def test_q3_accepts_each_digit_of_a_tie_for_the_smallest_share():
    matrix = np.array([[9, 1, 0], [2, 8, 0], [0, 2, 8]])  # digits 1 and 2: 80% each
    assert lesson08.q3.evaluate(1, matrix).ok and lesson08.q3.evaluate(2, matrix).ok
    assert refused(lesson08.q3.evaluate(0, matrix), "recognised 90.0% of the time")


def test_q3_a_digit_without_test_images_is_never_the_worst():
    matrix = np.array([[9, 1, 0], [0, 0, 0], [3, 0, 8]])
    assert lesson08.q3.evaluate(2, matrix).ok
    assert refused(lesson08.q3.evaluate(1, matrix), "no test images")


@pytest.mark.parametrize(
    "matrix",
    [None, np.array([[1, np.nan], [0, 1]]), np.array([[1, np.inf], [0, 1]]), MATRIX[:2], [[-1]]],
)
def test_q3_needs_a_matrix_of_counts(matrix):
    assert refused(lesson08.q3.evaluate(1, matrix), "a square table of counts")


# ---------------------------------------------------- any answer at all ---


def q1_is_done(prediction, model, x, y):
    """Whether a check may pass: a prediction it reads, a model, a table x and its labels."""
    return (
        isinstance(prediction, str)
        and lesson08.FIT_OUTCOMES.read(prediction) is not None
        and isinstance(model, keras.Model)
        and all(isinstance(value, np.ndarray) for value in (x, y))
        and x.shape[1:] == (4,)
        and len(x) == len(y) > 0
    )


@pytest.fixture(scope="module")
def any_model():
    """One compiled model for every example: only a run that passes the checks trains it."""
    return iris_model()


@settings(max_examples=25, deadline=None)
@given(ANY_ANSWER, ANY_ANSWER)
def test_any_answer_gets_a_proper_message_q1_q2(any_model, answer, other):
    for answers in (
        (answer, any_model, X_IRIS, Y_IRIS),
        ("error", answer, X_IRIS, Y_IRIS),
        ("error", any_model, answer, Y_IRIS),
        ("error", any_model, X_IRIS, answer),
        ("error", any_model, answer, other),
    ):
        result = evaluate_anything(lesson08.q1, answers, q1_is_done)
        assert UNEXPECTED not in result.message, result.message
    result = evaluate_anything(lesson08.q2, (answer,))
    assert UNEXPECTED not in result.message, result.message


def worst_is_1(answer, matrix):
    """Whether ``answer`` is digit 1 as a number or a one-number array (MATRIX's worst)."""
    if matrix is not MATRIX or isinstance(answer, bool) or np.size(answer) != 1:
        return False
    return isinstance(answer, int | float | np.ndarray) and np.asarray(answer).item() == 1


NOT_A_MATRIX = ANY_ANSWER.filter(lambda answer: np.ndim(answer) != 2)


@settings(max_examples=80, deadline=None)
@given(st.one_of(ANY_ANSWER, st.integers(-1, 3)), st.one_of(NOT_A_MATRIX, st.just(MATRIX)))
def test_q3_passes_only_the_worst_digit_and_never_raises(answer, matrix):
    result = evaluate_anything(lesson08.q3, (answer, matrix), worst_is_1)
    assert UNEXPECTED not in result.message, result.message
    if matrix is MATRIX and type(answer) is int:
        assert result.ok == (answer == 1)


def test_wrong_numbers_of_answers_get_a_message():
    result = lesson08.q1.evaluate("error", iris_model())
    assert not result.ok and "check(prediction, model, x, y)" in result.message
    result = lesson08.q3.evaluate(1)
    assert not result.ok and "check(worst_digit, matrix)" in result.message


# ------------------------------------------------------------- in Korean ---


def test_korean_feedback():
    result = korean_success(lesson08.q1, "오류가 납니다", iris_model(), X_IRIS, Y_IRIS)
    assert "예측한 대로" in result.message, result.message
    result = in_korean(lesson08.q1, "훈련됩니다", iris_model(), X_IRIS, Y_IRIS)
    assert result.surprise and hangul(result.message), result.message
    korean_refusal(lesson08.q1, "글쎄요", iris_model(), X_IRIS, Y_IRIS)
    korean_refusal(lesson08.q1, "오류", iris_model(), X_IRIS[:3], Y_IRIS)
    korean_success(lesson08.q2, solve(lesson08.q2)["my_digit_model"])
    korean_refusal(lesson08.q2, _digit_model(L.Dense(10, activation="softmax")))
    korean_refusal(lesson08.q2, _digit_model(L.Dense(32, activation="relu"), L.Dense(10)))
    korean_success(lesson08.q3, 1, MATRIX)
    for wrong in (0, 2, 7, 1.5):
        korean_refusal(lesson08.q3, wrong, MATRIX)
