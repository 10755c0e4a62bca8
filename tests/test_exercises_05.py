"""Notebook 05's exercises: solutions pass, typical mistakes get a useful message."""

import os
import tempfile

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

from helpers.exercises import lesson05

pytestmark = pytest.mark.filterwarnings("ignore:__array__ implementation:DeprecationWarning")

X_TEST = np.random.default_rng(0).normal(size=(20, 30)).astype("float32")


def tiny_model(seed=0, features=30):
    keras.utils.set_random_seed(seed)
    return keras.Sequential(
        [keras.Input(shape=(features,)), keras.layers.Dense(1, activation="sigmoid")]
    )


@pytest.fixture(scope="module")
def model():
    small = tiny_model()
    small.compile(optimizer="adam", loss="binary_crossentropy")
    small.fit(X_TEST, np.arange(20) % 2, epochs=1, verbose=0)  # builds the optimizer's state
    return small


@pytest.fixture
def folder(model):
    """The lesson's folder: it already holds breast_cancer.keras, saved from model."""
    with tempfile.TemporaryDirectory() as name:
        lesson_folder = tempfile.TemporaryDirectory(dir=name)
        model.save(os.path.join(lesson_folder.name, "breast_cancer.keras"))
        yield lesson_folder


def refused(result, message):
    return not result.ok and result.answered and message in result.message


# ---------------------------------------------------------------- q1 ---


def test_q1_solution_passes():
    to_classes = solve(lesson05.q1)["to_classes"]
    assert lesson05.q1.evaluate(to_classes).ok


@pytest.mark.parametrize(
    "answer",
    [
        lambda p: p.ravel() > 0.5,  # booleans
        lambda p: [int(v > 0.5) for v in p[:, 0]],  # a list
        lambda p: np.round(p[:, 0]),  # floats, and 0.5 rounds to 0
        lambda p: np.where(p > 0.5, 1, 0).flatten(),
    ],
)
def test_q1_accepts_other_right_answers(answer):
    assert lesson05.q1.evaluate(answer).ok


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (lambda p: (p > 0.5).astype(int), "broadcasts to an (n, n) table"),
        (lambda p: p[:, 0], "not probabilities"),
        (lambda p: (p[:, 0] >= 0.5).astype(int), "Use > 0.5, not >= 0.5"),
        (lambda p: (p[:, 0] < 0.5).astype(int), "above 0.5 means class 1"),
        (lambda p: p.argmax(axis=1), "above 0.5 means class 1"),
        (lambda p: None, "return statement"),
        (lambda p: p[0] > 0.5, "one class per sample"),
        (lambda p: p[:, 1] > 0.5, "raised IndexError"),
        (lambda p: [[1], [0, 1]], "not one array of numbers"),
        (lambda p: ["class 1"] * len(p), "not probabilities"),
        (lambda: 1, "raised TypeError"),
        (np.array([0, 1]), "should be a function"),
    ],
)
def test_q1_explains_wrong_answers(answer, message):
    result = lesson05.q1.evaluate(answer)
    assert refused(result, message), result.message


def test_q1_judges_the_probabilities_as_declared_whatever_the_function_does_to_them():
    def zeroes_them_then_answers(probabilities):
        probabilities[:] = 0
        return probabilities[:, 0].astype(int)

    assert refused(lesson05.q1.evaluate(zeroes_them_then_answers), "above 0.5 means class 1")
    assert lesson05.q1.evaluate(solve(lesson05.q1)["to_classes"]).ok


# ---------------------------------------------------------------- q2 ---


def test_q2_solution_passes():
    one_sample = solve(lesson05.q2, x_test=X_TEST)["one_sample"]
    assert lesson05.q2.evaluate(one_sample, X_TEST).ok


@pytest.mark.parametrize(
    "answer",
    [
        X_TEST[9][np.newaxis],
        X_TEST[9].reshape(1, -1),
        X_TEST[[9]],
        np.array([X_TEST[9]]),
        keras.ops.convert_to_tensor(X_TEST[9:10]),
    ],
)
def test_q2_accepts_other_right_answers(answer):
    assert lesson05.q2.evaluate(answer, X_TEST).ok


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (X_TEST[9], "without the batch axis"),
        (X_TEST[10:11], "row 10 of x_test"),
        (X_TEST[9:11], "a batch of one sample has shape (1, 30)"),
        (X_TEST[9].tolist(), "should be a NumPy array"),
        (X_TEST[9:10] * 2, "not a row of x_test"),
        (X_TEST[9:10].astype(str), "take it from x_test"),
    ],
)
def test_q2_explains_wrong_answers(answer, message):
    result = lesson05.q2.evaluate(answer, X_TEST)
    assert refused(result, message), result.message


@pytest.mark.parametrize("x_test", [None, X_TEST.tolist(), X_TEST[0], X_TEST[:5]])
def test_q2_asks_for_the_check_cell_as_it_was(x_test):
    assert refused(lesson05.q2.evaluate(X_TEST[9:10], x_test), "copy the check cell")


def test_q2_unanswered():
    result = lesson05.q2.evaluate(None, X_TEST)
    assert not result.ok and not result.answered


# ---------------------------------------------------------------- q3 ---


def test_q3_solution_passes(model, folder):
    reloaded = solve(lesson05.q3, model=model, folder=folder)["reloaded"]
    assert lesson05.q3.evaluate(reloaded, model, X_TEST, folder).ok
    assert lesson05.q3.evaluate(reloaded, model, X_TEST).ok  # the check cell before the folder


def test_q3_accepts_a_path_in_a_subfolder_name_and_the_folder_as_text(model, folder):
    path = os.path.join(folder.name, "Tumours v2.keras")
    model.save(path)
    reloaded = keras.models.load_model(path, compile=False)
    assert lesson05.q3.evaluate(reloaded, model, X_TEST, folder.name).ok


def test_q3_explains_wrong_answers(model, folder):
    assert refused(lesson05.q3.evaluate(model, model, X_TEST), "the very same object")
    assert refused(lesson05.q3.evaluate("my_model.keras", model, X_TEST), "load_model")
    other = tiny_model(seed=1)
    assert refused(lesson05.q3.evaluate(other, model, X_TEST), "predicts differently")
    narrow = tiny_model(features=10)
    assert refused(lesson05.q3.evaluate(narrow, model, X_TEST), "cannot take x_test")
    result = lesson05.q3.evaluate(None, model, X_TEST)
    assert not result.ok and not result.answered


def test_q3_wants_a_new_file_of_model_in_the_folder(model, folder):
    restored = keras.models.load_model(os.path.join(folder.name, "breast_cancer.keras"))
    result = lesson05.q3.evaluate(restored, model, X_TEST, folder)  # the lesson's own file
    assert refused(result, "no new .keras file in folder.name"), result.message
    tiny_model(seed=2).save(os.path.join(folder.name, "mine.keras"))
    result = lesson05.q3.evaluate(restored, model, X_TEST, folder)
    assert refused(result, "saved in mine.keras predicts differently"), result.message
    result = lesson05.q3.evaluate(restored, model, X_TEST, "no such folder")
    assert refused(result, "should be folder"), result.message


def test_q3_accepts_a_file_of_its_own_whose_name_ends_like_the_lessons(model, folder):
    model.save(os.path.join(folder.name, "my_breast_cancer.keras"))
    restored = keras.models.load_model(os.path.join(folder.name, "breast_cancer.keras"))
    assert lesson05.q3.evaluate(restored, model, X_TEST, folder).ok


# ---------------------------------------------------- any answer at all ---


def answer_is_fine(result):
    assert UNEXPECTED not in result.message, result.message


@settings(max_examples=40, deadline=None)
@given(ANY_ANSWER, ANY_ANSWER)
def test_any_answer_gets_a_proper_message_q1_q2(answer, x_test):
    answer_is_fine(evaluate_anything(lesson05.q1, (answer,)))
    answer_is_fine(evaluate_anything(lesson05.q1, (lambda probabilities: answer,)))
    answer_is_fine(evaluate_anything(lesson05.q2, (answer, X_TEST)))
    answer_is_fine(evaluate_anything(lesson05.q2, (X_TEST[9:10], x_test)))


@settings(max_examples=20, deadline=None)
@given(ANY_ANSWER, ANY_ANSWER)
def test_any_answer_gets_a_proper_message_q3(model, answer, other):
    answer_is_fine(evaluate_anything(lesson05.q3, (answer, model, X_TEST)))
    answer_is_fine(evaluate_anything(lesson05.q3, (answer, model, X_TEST, other)))
    answer_is_fine(evaluate_anything(lesson05.q3, (model, other, X_TEST)))
    answer_is_fine(evaluate_anything(lesson05.q3, (tiny_model(seed=3), model, other)))


def test_wrong_numbers_of_answers_get_a_message(model):
    for answers in ((), (X_TEST[9:10],), (model, model, X_TEST, None, None)):
        result = lesson05.q3.evaluate(*answers)
        assert not result.ok and "check(reloaded, model, x_test, [folder])" in result.message


# ------------------------------------------------------------- in Korean ---


def test_korean_feedback(model, folder):
    korean_success(lesson05.q1, solve(lesson05.q1)["to_classes"])
    for wrong in (
        lambda p: (p > 0.5).astype(int),
        lambda p: (p[:, 0] >= 0.5).astype(int),
        lambda p: p[:, 0],
        lambda p: None,
    ):
        korean_refusal(lesson05.q1, wrong)
    korean_success(lesson05.q2, X_TEST[9:10], X_TEST)
    for wrong in (X_TEST[9], X_TEST[10:11], X_TEST[9:10] * 2):
        korean_refusal(lesson05.q2, wrong, X_TEST)
    korean_success(
        lesson05.q3, solve(lesson05.q3, model=model, folder=folder)["reloaded"], model, X_TEST
    )
    korean_refusal(lesson05.q3, model, model, X_TEST)
    korean_refusal(lesson05.q3, "my_model.keras", model, X_TEST)
    korean_refusal(lesson05.q3, tiny_model(seed=1), model, X_TEST)
