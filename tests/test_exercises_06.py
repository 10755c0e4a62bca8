"""Notebook 06's exercises: solutions pass, typical mistakes get a useful message."""

import keras
import numpy as np
import pytest
from exercise_support import (
    ANY_ANSWER,
    UNEXPECTED,
    evaluate_anything,
    korean_refusal,
    korean_success,
    solve,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.data import IRIS_CLASSES
from helpers.exercises import lesson06

X_TEST = np.random.default_rng(0).normal(size=(12, 4)).astype("float32")
L = keras.layers


@pytest.fixture(scope="module")
def iris_model():
    keras.utils.set_random_seed(0)
    return keras.Sequential([keras.Input(shape=(4,)), L.Dense(3, activation="softmax")])


@pytest.fixture(scope="module")
def y_test(iris_model):
    """Labels the model gets all right: 100% test accuracy, as sparse_model may reach."""
    return iris_model.predict(X_TEST, verbose=0).argmax(axis=1)


def refused(result, message):
    return not result.ok and result.answered and message in result.message


# ---------------------------------------------------------------- q1 ---


def test_q1_solution_passes(iris_model):
    species_names = solve(lesson06.q1, IRIS_CLASSES=IRIS_CLASSES)["species_names"]
    assert lesson06.q1.evaluate(species_names, iris_model, X_TEST).ok


@pytest.mark.parametrize(
    "species_names",
    [
        lambda model, x: np.array(IRIS_CLASSES)[np.argmax(model(x), axis=1)],  # calls the model
        lambda model, x: tuple(IRIS_CLASSES[int(c)] for c in model.predict(x).argmax(-1)),
    ],
)
def test_q1_accepts_other_right_answers(iris_model, species_names):
    assert lesson06.q1.evaluate(species_names, iris_model, X_TEST).ok


def test_q1_refuses_true_labels_even_when_the_model_gets_every_flower_right(iris_model, y_test):
    def from_labels(model, x):
        return [IRIS_CLASSES[c] for c in y_test]

    assert from_labels(iris_model, X_TEST) == solve(lesson06.q1, IRIS_CLASSES=IRIS_CLASSES)[
        "species_names"
    ](iris_model, X_TEST)
    assert refused(lesson06.q1.evaluate(from_labels, iris_model, X_TEST), "not from y_test")

    def from_labels_by_row(model, x):  # the same for every x of the right length
        return [IRIS_CLASSES[y_test[i % len(y_test)]] for i in range(len(x))]

    result = lesson06.q1.evaluate(from_labels_by_row, iris_model, X_TEST)
    assert refused(result, "not from y_test"), result.message


def test_q1_explains_wrong_answers(iris_model):
    def names_of(classes):
        return [IRIS_CLASSES[c] for c in classes]

    cases = [
        (lambda model, x: "setosa", "returned one name"),
        (lambda model, x: names_of(model.predict(x).argmax(axis=0)), "raised IndexError"),
        (lambda model, x: list(model.predict(x).argmax(axis=1)), "not species names"),
        (lambda model, x: names_of(model.predict(x).argmin(axis=1)), "names differ"),
        (lambda model, x: names_of(iris_model.predict(x).argmax(axis=1)), "not from y_test"),
        (lambda model, x: names_of(model.predict(X_TEST).argmax(axis=1)), "Use x, the function"),
        (lambda model, x: print(model.predict(x)), "return statement"),
        (lambda model, x: 42, "should return a list of names"),
        (lambda x: x, "raised TypeError"),
        (["setosa"] * 12, "should be a function"),
    ]
    for answer, message in cases:
        result = lesson06.q1.evaluate(answer, iris_model, X_TEST)
        assert refused(result, message), (message, result.message)


def test_q1_unanswered_and_a_wrong_check_cell(iris_model):
    assert not lesson06.q1.evaluate(None, iris_model, X_TEST).answered
    species_names = solve(lesson06.q1, IRIS_CLASSES=IRIS_CLASSES)["species_names"]
    assert refused(lesson06.q1.evaluate(species_names, "sparse_model", X_TEST), "copy the check")


# ---------------------------------------------------------------- q2 ---


def _digit_model(*layers, shape=(784,)):
    return keras.Sequential([keras.Input(shape=shape), *layers])


def test_q2_solution_passes():
    assert lesson06.q2.evaluate(solve(lesson06.q2)["my_digit_model"]).ok


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
    result = lesson06.q2.evaluate(build())
    assert result.ok, result.message


def test_q2_accepts_dropout_between_the_layers():
    """Dropout (notebook 04) may sit between the layers: why q2 is not a ModelExercise."""
    model = _digit_model(
        L.Dense(64, activation="relu"), L.Dropout(0.2), L.Dense(10, activation="softmax")
    )
    assert lesson06.q2.evaluate(model).ok


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
    result = lesson06.q2.evaluate(build())
    assert refused(result, message), result.message


# ---------------------------------------------------------------- q3 ---

# Digit 2 has the fewest correct (8 of 10); digit 1 the smallest share (9 of 12);
# digit 0 the smallest share by column (predicted 13 times, 9 right).
MATRIX = np.array([[9, 1, 0], [3, 9, 0], [1, 0, 8]])


def test_q3_solution_passes():
    worst_digit = solve(lesson06.q3, matrix=MATRIX)["worst_digit"]
    assert worst_digit == 1
    assert lesson06.q3.evaluate(worst_digit, MATRIX).ok


@pytest.mark.parametrize("answer", [np.int64(1), 1.0, np.array(1), np.array([1])])
def test_q3_accepts_other_right_answers(answer):
    assert lesson06.q3.evaluate(answer, MATRIX).ok


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
    result = lesson06.q3.evaluate(answer, MATRIX)
    assert refused(result, message), result.message


def test_q3_accepts_each_digit_of_a_tie_for_the_smallest_share():
    matrix = np.array([[9, 1, 0], [2, 8, 0], [0, 2, 8]])  # digits 1 and 2: 80% each
    assert lesson06.q3.evaluate(1, matrix).ok and lesson06.q3.evaluate(2, matrix).ok
    assert refused(lesson06.q3.evaluate(0, matrix), "recognised 90.0% of the time")


def test_q3_a_digit_without_test_images_is_never_the_worst():
    matrix = np.array([[9, 1, 0], [0, 0, 0], [3, 0, 8]])
    assert lesson06.q3.evaluate(2, matrix).ok
    assert refused(lesson06.q3.evaluate(1, matrix), "no test images")


@pytest.mark.parametrize(
    "matrix",
    [None, np.array([[1, np.nan], [0, 1]]), np.array([[1, np.inf], [0, 1]]), MATRIX[:2], [[-1]]],
)
def test_q3_needs_a_matrix_of_counts(matrix):
    assert refused(lesson06.q3.evaluate(1, matrix), "a square table of counts")


# ---------------------------------------------------- any answer at all ---


@settings(max_examples=25, deadline=None)
@given(ANY_ANSWER, ANY_ANSWER)
def test_any_answer_gets_a_proper_message_q1_q2(iris_model, answer, other):
    for answers in (
        (answer, iris_model, X_TEST),
        (lambda model, x: answer, iris_model, X_TEST),
        (lambda model, x: answer, other, X_TEST),
        (lambda model, x: answer, iris_model, other),
    ):
        result = evaluate_anything(lesson06.q1, answers)
        assert UNEXPECTED not in result.message, result.message
    result = evaluate_anything(lesson06.q2, (answer,))
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
    result = evaluate_anything(lesson06.q3, (answer, matrix), worst_is_1)
    assert UNEXPECTED not in result.message, result.message
    if matrix is MATRIX and type(answer) is int:
        assert result.ok == (answer == 1)


def test_wrong_numbers_of_answers_get_a_message(iris_model):
    result = lesson06.q1.evaluate(print, iris_model)
    assert not result.ok and "check(species_names, model, x_test)" in result.message
    result = lesson06.q3.evaluate(1)
    assert not result.ok and "check(worst_digit, matrix)" in result.message


# ------------------------------------------------------------- in Korean ---


def test_korean_feedback(iris_model, y_test):
    species_names = solve(lesson06.q1, IRIS_CLASSES=IRIS_CLASSES)["species_names"]
    korean_success(lesson06.q1, species_names, iris_model, X_TEST)
    korean_refusal(
        lesson06.q1, lambda model, x: [IRIS_CLASSES[c] for c in y_test], iris_model, X_TEST
    )
    korean_refusal(
        lesson06.q1,
        lambda model, x: [IRIS_CLASSES[c] for c in model.predict(x).argmax(axis=0)],
        iris_model,
        X_TEST,
    )
    korean_success(lesson06.q2, solve(lesson06.q2)["my_digit_model"])
    korean_refusal(lesson06.q2, _digit_model(L.Dense(10, activation="softmax")))
    korean_refusal(lesson06.q2, _digit_model(L.Dense(32, activation="relu"), L.Dense(10)))
    korean_success(lesson06.q3, 1, MATRIX)
    for wrong in (0, 2, 7, 1.5):
        korean_refusal(lesson06.q3, wrong, MATRIX)
