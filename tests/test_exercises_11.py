"""Notebook 09's exercises: a predicted baseline, then the learner's own pipeline (split,
standardisation, training, test and reload), graded by its properties: the solutions pass,
unusual right answers pass, each usual mistake gets its message, nothing raises."""

import io

import keras
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from exercise_support import (
    ANY_ANSWERS,
    UNEXPECTED,
    korean_refusal,
    korean_success,
    refused_properly,
    solve,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.datafiles import verified_bytes
from helpers.exercises import lesson11

FEATURES = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"]


def cleaned():
    """x and y as the lesson makes them from the bundled table."""
    penguins = pd.read_csv(io.BytesIO(verified_bytes("penguins.csv")))
    complete = penguins.dropna(subset=FEATURES)
    y, _ = pd.factorize(complete["species"], sort=True)
    return complete[FEATURES].to_numpy(dtype="float32"), y


X, Y = cleaned()


def split(seed=0, fraction=0.2):
    order = np.random.default_rng(seed).permutation(len(X))
    n_test = round(fraction * len(X))
    return X[order[n_test:]], X[order[:n_test]], Y[order[n_test:]], Y[order[:n_test]]


def standardised(x_train, x_test):
    mean, std = x_train.mean(axis=0), x_train.std(axis=0)
    return mean, std, (x_train - mean) / std, (x_test - mean) / std


def said(result, text):
    return not result.ok and result.answered and text in result.message


# ---------------------------------------------------------------- q1 ---


@pytest.mark.parametrize("guess", [151 / 342, 0.44, np.float32(0.45), 0.42, np.array([0.44])])
def test_q1_accepts_a_close_prediction(guess):
    assert lesson11.q1.evaluate(guess, Y).ok


def test_q1_solution_passes():
    assert lesson11.q1.evaluate(solve(lesson11.q1)["baseline_guess"], Y).ok


@pytest.mark.parametrize(
    ("guess", "message"),
    [
        (151, "is a count"),
        (44, "is a count"),
        (1 / 3, "one in 3"),
        (0.56, "*not*"),
        (0.9, "look at"),
    ],
)
def test_q1_explains_wrong_predictions(guess, message):
    assert said(lesson11.q1.evaluate(guess, Y), message)


def test_q1_unanswered_and_not_a_number():
    assert not lesson11.q1.evaluate(None, Y).answered
    assert said(lesson11.q1.evaluate("0.44", Y), "should be a number")


@settings(max_examples=40, deadline=None)
@given(guess=st.floats(0, 1), counts=st.lists(st.integers(1, 50), min_size=2, max_size=4))
def test_q1_right_exactly_near_the_majority_share(guess, counts):
    y = np.repeat(np.arange(len(counts)), counts)
    share = max(counts) / sum(counts)
    assert lesson11.q1.evaluate(guess, y).ok == bool(np.isclose(guess, share, atol=0.03))


# ---------------------------------------------------------------- q2 ---


def test_q2_solution_passes():
    found = solve(lesson11.q2, x=X, y=Y)
    names = ("x_train", "x_test", "y_train", "y_test")
    assert lesson11.q2.evaluate(*(found[n] for n in names), X, Y).ok


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("fraction", [0.2, 0.25, 0.3])
def test_q2_accepts_any_shuffle_and_a_usual_test_share(seed, fraction):
    x_train, x_test, y_train, y_test = split(seed, fraction)
    assert lesson11.q2.evaluate(x_train, x_test, y_train, y_test, X, Y).ok


def test_q2_accepts_pandas_float64_and_column_labels():
    x_train, x_test, y_train, y_test = split()
    frame = pd.DataFrame(x_train.astype("float64"), columns=FEATURES)
    assert lesson11.q2.evaluate(frame, x_test, y_train[:, None], pd.Series(y_test), X, Y).ok


def test_q2_explains_wrong_splits():
    x_train, x_test, y_train, y_test = split()
    n = len(X) - 68
    cases = [
        ((X, x_test, Y, y_test), "are also training rows"),
        ((x_train, x_test, y_train, np.roll(y_test, 1)), "labels moved"),
        ((x_train[:-5], x_test, y_train[:-5], y_test), "you have 337 rows"),
        ((X[:n], X[n:], Y[:n], Y[n:]), "sorted by"),
        ((*split(0, 0.5)[:2], *split(0, 0.5)[2:]), "hold out about"),
        ((x_train[:, :3], x_test, y_train, y_test), "rows of 4 measurements"),
        ((x_train, x_test, y_train[:-1], y_test), "one label per row"),
    ]
    for answers, message in cases:
        assert said(lesson11.q2.evaluate(*answers, X, Y), message), message


def test_q2_unanswered_parts():
    x_train, x_test, y_train, y_test = split()
    assert not lesson11.q2.evaluate(None, None, None, None, X, Y).answered
    assert not lesson11.q2.evaluate(x_train, None, y_train, y_test, X, Y).answered
    assert said(lesson11.q2.evaluate("rows", x_test, y_train, y_test, X, Y), "array of numbers")


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10**6), n_test=st.integers(1, len(X) - 1))
def test_q2_right_exactly_for_a_fair_partition(seed, n_test):
    order = np.random.default_rng(seed).permutation(len(X))
    test, train = order[:n_test], order[n_test:]
    result = lesson11.q2.evaluate(X[train], X[test], Y[train], Y[test], X, Y)
    fair = 0.15 <= n_test / len(X) <= 0.35 and len(set(Y[test])) == len(set(Y[train])) == 3
    assert result.ok == fair and UNEXPECTED not in result.message


# ---------------------------------------------------------------- q3 ---

X_TRAIN, X_TEST, Y_TRAIN, Y_TEST = split()


def test_q3_solution_passes():
    found = solve(lesson11.q3, x_train=X_TRAIN, x_test=X_TEST)
    names = ("mean", "std", "x_train_n", "x_test_n")
    assert lesson11.q3.evaluate(*(found[n] for n in names), X_TRAIN, X_TEST).ok


def test_q3_accepts_pandas_statistics_and_kept_dimensions():
    frame = pd.DataFrame(X_TRAIN.astype("float64"), columns=FEATURES)
    mean, std = frame.mean(), frame.std()  # pandas: one per column, std with ddof=1
    right = (mean, std, (X_TRAIN - mean.values) / std.values, (X_TEST - mean.values) / std.values)
    assert lesson11.q3.evaluate(*right, X_TRAIN, X_TEST).ok
    mean, std = X_TRAIN.mean(axis=0, keepdims=True), X_TRAIN.std(axis=0, keepdims=True)
    right = (mean, std, (X_TRAIN - mean) / std, (X_TEST - mean) / std)
    assert lesson11.q3.evaluate(*right, X_TRAIN, X_TEST).ok


def test_q3_explains_leaks_and_slips():
    everything = np.concatenate([X_TRAIN, X_TEST])
    m, s, train_n, test_n = standardised(X_TRAIN, X_TEST)
    whole_m, whole_s = everything.mean(axis=0), everything.std(axis=0)
    test_m, test_s = X_TEST.mean(axis=0), X_TEST.std(axis=0)
    cases = [
        ((whole_m, whole_s, (X_TRAIN - whole_m) / whole_s, (X_TEST - whole_m) / whole_s),
         "the whole table"),
        ((test_m, s, train_n, test_n), "the test rows"),
        ((m, test_s, train_n, test_n), "the test rows"),
        ((m, s, train_n, (X_TEST - test_m) / test_s), "own mean and std"),
        ((X_TRAIN.mean(), s, train_n, test_n), "one per column"),
        ((m, s.mean(axis=0) * np.ones(4) + 1, train_n, test_n), "column std of x_train"),
        ((m + 1, s, train_n, test_n), "column mean of x_train"),
        ((m, s, X_TRAIN - m, test_n), "x_train_n should be"),
        ((m, s, train_n, X_TEST / s), "x_test_n should be"),
    ]  # fmt: skip
    for answers, message in cases:
        assert said(lesson11.q3.evaluate(*answers, X_TRAIN, X_TEST), message), message


def test_q3_unanswered_until_exercise_2_is_done():
    assert not lesson11.q3.evaluate(None, None, None, None, X_TRAIN, X_TEST).answered
    assert not lesson11.q3.evaluate(*standardised(X_TRAIN, X_TEST), None, None).answered


# ------------------------------------------------------------ q4 and q5 ---

M, S, X_TRAIN_N, X_TEST_N = standardised(X_TRAIN, X_TEST)


def trained(validation="split", monitor="val_loss", passed=True, epochs=60):
    keras.utils.set_random_seed(0)
    model = keras.Sequential(
        [keras.Input(shape=(4,)), keras.layers.Dense(8, activation="relu"),
         keras.layers.Dense(3, activation="softmax")]
    )  # fmt: skip
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    stopper = keras.callbacks.EarlyStopping(monitor=monitor, patience=3, restore_best_weights=True)
    where = {"split": {"validation_split": 0.2}, "test": {"validation_data": (X_TEST_N, Y_TEST)},
             "none": {}}[validation]  # fmt: skip
    history = model.fit(X_TRAIN_N, Y_TRAIN, epochs=epochs, batch_size=32, verbose=0,
                        callbacks=[stopper] if passed else [], **where)  # fmt: skip
    return history, model, stopper


@pytest.fixture(scope="module")
def good():
    return trained()


def test_q4_and_q5_solutions_pass(tmp_path):
    names = {"x_train_n": X_TRAIN_N, "y_train": Y_TRAIN, "plt": plt}
    keras.utils.set_random_seed(0)  # as the starter cell does
    found = solve(lesson11.q4, **names)
    plt.close("all")
    history, model, stopper = found["history"], found["model"], found["early_stopping"]
    assert lesson11.q4.evaluate(history, model, stopper, X_TEST_N, Y_TEST).ok
    baseline = np.bincount(Y).max() / len(Y)
    found = solve(lesson11.q5, model=model, x_test_n=X_TEST_N, y_test=Y_TEST, baseline=baseline,
                  path=str(tmp_path / "penguins.keras"))  # fmt: skip
    answers = (found["test_accuracy"], found["reloaded"], model, X_TEST_N, Y_TEST, baseline)
    assert lesson11.q5.evaluate(*answers).ok


def test_q4_accepts_a_history_dict_and_val_accuracy(good):
    history, model, stopper = good
    assert lesson11.q4.evaluate(history.history, model, stopper, X_TEST_N, Y_TEST).ok
    history, model, stopper = trained(monitor="val_accuracy", epochs=20)
    assert lesson11.q4.evaluate(history, model, stopper, X_TEST_N, Y_TEST).ok


def test_q4_explains_wrong_training(good):
    cases = [
        (trained(validation="test", epochs=20), "your validation rows are the test rows"),
        (trained(validation="none", monitor="loss", epochs=5), "no val_loss"),
        (trained(monitor="loss", epochs=5), "watches loss"),
        (trained(passed=False, epochs=5), "do not come from this model's fit"),
    ]
    for (history, model, stopper), message in cases:
        result = lesson11.q4.evaluate(history, model, stopper, X_TEST_N, Y_TEST)
        assert said(result, message), (message, result.message)
    history, model, _ = good
    assert said(lesson11.q4.evaluate(history, model, "stop", X_TEST_N, Y_TEST), "EarlyStopping")
    assert said(lesson11.q4.evaluate(42, model, good[2], X_TEST_N, Y_TEST), "model.fit(...)")
    assert not lesson11.q4.evaluate(None, None, None, None, None).answered


def test_q5_explains_wrong_scores_and_reloads(good, tmp_path):
    _, model, _ = good
    baseline = np.bincount(Y).max() / len(Y)
    path = tmp_path / "penguins.keras"
    model.save(path)
    reloaded = keras.models.load_model(path)
    _, accuracy = model.evaluate(X_TEST_N, Y_TEST, verbose=0)
    assert lesson11.q5.evaluate(accuracy, reloaded, model, X_TEST_N, Y_TEST, baseline).ok
    fresh = keras.models.clone_model(model)
    cases = [
        ((accuracy, model), "not one read from the file"),
        ((accuracy, fresh), "weights differ"),
        ((accuracy - 0.1, reloaded), "take it from model.evaluate"),
        ((accuracy, reloaded, model, X_TEST_N, Y_TEST, 0.999), "no better than the baseline"),
    ]
    for answers, message in cases:
        full = (*answers, model, X_TEST_N, Y_TEST, baseline)[:6] if len(answers) == 2 else answers
        assert said(lesson11.q5.evaluate(*full), message), message
    assert not lesson11.q5.evaluate(None, None, model, X_TEST_N, Y_TEST, baseline).answered


# ------------------------------------------------------- anything, Korean ---


@settings(max_examples=40, deadline=None)
@given(answers=ANY_ANSWERS)
def test_no_answers_raise_or_pass_by_mistake(answers):
    for exercise in (lesson11.q2, lesson11.q3, lesson11.q4, lesson11.q5):
        refused_properly(exercise, answers)


def test_korean_feedback():
    x_train, x_test, y_train, y_test = split()
    korean_refusal(lesson11.q1, 151, Y)
    korean_refusal(lesson11.q2, X, x_test, Y, y_test, X, Y)
    korean_success(lesson11.q2, x_train, x_test, y_train, y_test, X, Y)
    everything = np.concatenate([X_TRAIN, X_TEST])
    whole = everything.mean(axis=0), everything.std(axis=0)
    korean_refusal(lesson11.q3, *whole, X_TRAIN_N, X_TEST_N, X_TRAIN, X_TEST)
