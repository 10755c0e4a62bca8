"""Notebook 11's exercises: a predicted baseline, then the learner's own pipeline (split,
standardisation, training, test and reload), graded by its properties, with a prediction
(q2, q4) or a diagnosis (q3) judged in the same check: the solutions pass, unusual right
answers pass, each usual mistake gets its message, nothing raises."""

import io

import keras
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from exercise_support import (
    ANY_ANSWER,
    ANY_ANSWERS,
    UNEXPECTED,
    hangul,
    in_korean,
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
    assert said(lesson11.q1.evaluate(1, False), "should hold class numbers")  # not labels
    assert said(lesson11.q1.evaluate(1, Y == 0), "should hold class numbers")


@settings(max_examples=40, deadline=None)
@given(guess=st.floats(0, 1), counts=st.lists(st.integers(1, 50), min_size=2, max_size=4))
def test_q1_right_exactly_near_the_majority_share(guess, counts):
    y = np.repeat(np.arange(len(counts)), counts)
    share = max(counts) / sum(counts)
    assert lesson11.q1.evaluate(guess, y).ok == bool(np.isclose(guess, share, atol=0.03))


# ---------------------------------------------------------------- q2 ---


#: What the last fifth of the file holds: its end is the Chinstrap block (class 1).
LAST = "Chinstrap"


def test_q2_solution_passes():
    found = solve(lesson11.q2, x=X, y=Y)
    names = ("last_fifth", "x_train", "x_test", "y_train", "y_test")
    result = lesson11.q2.evaluate(*(found[n] for n in names), X, Y)
    assert result.ok and not result.surprise, result.message


def test_q2_the_file_ends_with_all_the_chinstrap_penguins():
    n = round(len(Y) / 5)
    assert set(Y[-n:]) == {1} and (Y == 1).sum() == n  # what the solution's comment says


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("fraction", [0.2, 0.25, 0.3])
def test_q2_accepts_any_shuffle_and_a_usual_test_share(seed, fraction):
    x_train, x_test, y_train, y_test = split(seed, fraction)
    assert lesson11.q2.evaluate(LAST, x_train, x_test, y_train, y_test, X, Y).ok


def test_q2_accepts_pandas_float64_and_column_labels():
    x_train, x_test, y_train, y_test = split()
    frame = pd.DataFrame(x_train.astype("float64"), columns=FEATURES)
    answers = (frame, x_test, y_train[:, None], pd.Series(y_test), X, Y)
    assert lesson11.q2.evaluate(LAST, *answers).ok


@pytest.mark.parametrize(
    "prediction",
    [
        "Chinstrap",
        "chinstrap penguins",
        " CHINSTRAP ",
        "턱끈펭귄",
        "턱끈펭귄입니다",
        1,
        np.int64(1),
    ],
)
def test_q2_accepts_every_way_of_naming_the_last_block(prediction):
    result = lesson11.q2.evaluate(prediction, *split(), X, Y)
    assert result.ok and not result.surprise, result.message
    assert "train on 0 of the 68 Chinstrap penguins" in result.message
    assert "every penguin is on one side only" in result.message  # the code's success too


@pytest.mark.parametrize(
    ("prediction", "why"),
    [
        ("Adelie", "open the file"),
        ("아델리펭귄", "open the file"),
        (0, "open the file"),
        ("gentoo", "middle block"),
        ("all three, mixed", "keeps each species together"),
        ("섞여 있습니다", "keeps each species together"),
    ],
)
def test_q2_explains_a_prediction_that_did_not_come_true(prediction, why):
    result = lesson11.q2.evaluate(prediction, *split(), X, Y)
    assert result.ok and result.surprise, result.message
    assert "all Chinstrap penguins" in result.message and why in result.message


@pytest.mark.parametrize("prediction", ["penguins", "Adelie or Gentoo", "", 3, 1.0, ["Chinstrap"]])
def test_q2_refuses_a_prediction_that_names_no_one_outcome(prediction):
    assert said(lesson11.q2.evaluate(prediction, *split(), X, Y), "name exactly one")


def test_q2_judges_the_code_before_the_prediction():
    n = len(X) - 68
    unshuffled = (X[:n], X[n:], Y[:n], Y[n:])
    assert said(lesson11.q2.evaluate(LAST, *unshuffled, X, Y), "no penguins of class 0, 2")
    assert said(lesson11.q2.evaluate("what", X, split()[1], Y, split()[3], X, Y), "also training")


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
        assert said(lesson11.q2.evaluate(LAST, *answers, X, Y), message), message


def test_q2_unanswered_parts():
    x_train, x_test, y_train, y_test = split()
    assert not lesson11.q2.evaluate(None, x_train, x_test, y_train, y_test, X, Y).answered
    assert not lesson11.q2.evaluate(LAST, None, None, None, None, X, Y).answered
    assert not lesson11.q2.evaluate(LAST, x_train, None, y_train, y_test, X, Y).answered
    result = lesson11.q2.evaluate(LAST, "rows", x_test, y_train, y_test, X, Y)
    assert said(result, "array of numbers")


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10**6), n_test=st.integers(1, len(X) - 1))
def test_q2_right_exactly_for_a_fair_partition(seed, n_test):
    order = np.random.default_rng(seed).permutation(len(X))
    test, train = order[:n_test], order[n_test:]
    result = lesson11.q2.evaluate(LAST, X[train], X[test], Y[train], Y[test], X, Y)
    fair = 0.15 <= n_test / len(X) <= 0.35 and len(set(Y[test])) == len(set(Y[train])) == 3
    assert result.ok == fair and UNEXPECTED not in result.message


@settings(max_examples=40, deadline=None)
@given(
    blocks=st.permutations([0, 1, 2]),
    sizes=st.lists(st.integers(1, 60), min_size=3, max_size=3),
    prediction=st.sampled_from(["Adelie", "Chinstrap", "Gentoo", "mixed"]),
)
def test_q2_prediction_comes_true_exactly_when_it_names_the_end_of_the_file(
    blocks, sizes, prediction
):
    """Any file sorted by species in blocks: the prediction comes true (✅, not 🔎) exactly
    when it names the one species of the last fifth, or 'mixed' when that holds several."""
    y = np.repeat(blocks, sizes)
    x = np.arange(len(y) * 4, dtype="float32").reshape(-1, 4)  # distinct rows
    order = np.random.default_rng(0).permutation(len(y))
    n_test = round(0.25 * len(y))
    test, train = order[:n_test], order[n_test:]
    result = lesson11.q2.evaluate(prediction, x[train], x[test], y[train], y[test], x, y)
    assert UNEXPECTED not in result.message
    if result.ok:  # the code passed: the prediction is judged against the file's end
        end = sorted(set(y[-max(1, round(len(y) / 5)) :]))
        happened = ("Adelie", "Chinstrap", "Gentoo")[end[0]] if len(end) == 1 else "mixed"
        assert result.surprise == (prediction != happened), result.message


# ---------------------------------------------------------------- q3 ---

X_TRAIN, X_TEST, Y_TRAIN, Y_TEST = split()


#: A right diagnosis of the classmate's shortcut: the choice and a reason.
DIAGNOSIS = ("B", "the test rows leaked into the preparation")


def test_q3_solution_passes():
    found = solve(lesson11.q3, x_train=X_TRAIN, x_test=X_TEST)
    names = ("classmate", "reason", "mean", "std", "x_train_n", "x_test_n")
    assert lesson11.q3.evaluate(*(found[n] for n in names), X_TRAIN, X_TEST).ok


def test_q3_accepts_pandas_statistics_and_kept_dimensions():
    frame = pd.DataFrame(X_TRAIN.astype("float64"), columns=FEATURES)
    mean, std = frame.mean(), frame.std()  # pandas: one per column, std with ddof=1
    right = (mean, std, (X_TRAIN - mean.values) / std.values, (X_TEST - mean.values) / std.values)
    assert lesson11.q3.evaluate(*DIAGNOSIS, *right, X_TRAIN, X_TEST).ok
    mean, std = X_TRAIN.mean(axis=0, keepdims=True), X_TRAIN.std(axis=0, keepdims=True)
    right = (mean, std, (X_TRAIN - mean) / std, (X_TEST - mean) / std)
    assert lesson11.q3.evaluate(*DIAGNOSIS, *right, X_TRAIN, X_TEST).ok


@pytest.mark.parametrize(
    ("choice", "reason"),
    [
        ("b", "statistics from the training rows only"),
        (" B ", "data leakage"),
        ("B", "the score speaks for penguins it has never met no more"),
        ("B", "테스트 행이 준비에 섞였습니다"),
        ("B", "데이터 누수"),
        ("B", "훈련 행의 통계만 써야 합니다"),
    ],
)
def test_q3_accepts_the_diagnosis_with_any_right_reason(choice, reason):
    right = standardised(X_TRAIN, X_TEST)
    assert lesson11.q3.evaluate(choice, reason, *right, X_TRAIN, X_TEST).ok


@pytest.mark.parametrize(
    ("choice", "reason", "message"),
    [
        ("A", "the test rows", "the whole table holds the test rows too"),
        ("C", "the test rows", "The harm is to the test score"),
        ("B", "it is just wrong", "write in reason the rule"),
        ("B", 42, "write in reason the rule"),
        ("D", "the test rows", "is not one of 'A', 'B', 'C'"),
        ("B or C", "the test rows", "is not one of"),
        (2, "the test rows", "is not one of"),
    ],
)
def test_q3_explains_a_wrong_diagnosis(choice, reason, message):
    right = standardised(X_TRAIN, X_TEST)
    assert said(lesson11.q3.evaluate(choice, reason, *right, X_TRAIN, X_TEST), message)


def test_q3_without_a_reason_asks_for_one():
    result = lesson11.q3.evaluate("B", None, *standardised(X_TRAIN, X_TEST), X_TRAIN, X_TEST)
    assert not result.answered and "write in reason" in result.message


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
        result = lesson11.q3.evaluate(*DIAGNOSIS, *answers, X_TRAIN, X_TEST)
        assert said(result, message), message
    whole = cases[0][0]  # the classmate's shortcut, diagnosed or not, is refused as code
    assert said(lesson11.q3.evaluate("A", "x", *whole, X_TRAIN, X_TEST), "the whole table")


def test_q3_unanswered_until_exercise_2_is_done():
    assert not lesson11.q3.evaluate(*DIAGNOSIS, None, None, None, None, X_TRAIN, X_TEST).answered
    result = lesson11.q3.evaluate(*DIAGNOSIS, *standardised(X_TRAIN, X_TEST), None, None)
    assert not result.answered
    result = lesson11.q3.evaluate(None, None, *standardised(X_TRAIN, X_TEST), X_TRAIN, X_TEST)
    assert not result.answered


#: Choices and reasons a learner might give exercise 3, right and wrong, in both languages.
CHOICES = ["A", "B", "b", "C", "D", "B!", 2, None]
REASONS = ["test rows", "누수", "훈련 행만", "because", "", "좋지 않음", None, 3.0]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(CHOICES), st.sampled_from(REASONS))
def test_q3_passes_exactly_choice_b_with_a_reason_that_names_an_idea(choice, reason):
    named = isinstance(reason, str) and any(w in reason for w in ("test", "누수", "훈련"))
    right = isinstance(choice, str) and choice.strip().upper() == "B" and named
    answers = (choice, reason, *standardised(X_TRAIN, X_TEST), X_TRAIN, X_TEST)
    refused_properly(lesson11.q3, answers, lambda *answers: right)


# ------------------------------------------------------------ q4 and q5 ---

M, S, X_TRAIN_N, X_TEST_N = standardised(X_TRAIN, X_TEST)


def trained(validation="split", monitor="val_loss", passed=True, epochs=60, **stopping):
    """A run as the learner's q4 makes it; ``stopping``: EarlyStopping's other arguments."""
    keras.utils.set_random_seed(0)
    model = keras.Sequential(
        [keras.Input(shape=(4,)), keras.layers.Dense(8, activation="relu"),
         keras.layers.Dense(3, activation="softmax")]
    )  # fmt: skip
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    stopping = {"patience": 3, "restore_best_weights": True, **stopping}
    stopper = keras.callbacks.EarlyStopping(monitor=monitor, **stopping)
    where = {"split": {"validation_split": 0.2}, "test": {"validation_data": (X_TEST_N, Y_TEST)},
             "none": {}}[validation]  # fmt: skip
    history = model.fit(X_TRAIN_N, Y_TRAIN, epochs=epochs, batch_size=32, verbose=0,
                        callbacks=[stopper] if passed else [], **where)  # fmt: skip
    return history, model, stopper


@pytest.fixture(scope="module")
def good():
    return trained()


def stopped(stopper):
    """What the learner's run did, as exercise 4's prediction names it."""
    return "yes" if stopper.stopped_epoch > 0 else "no"


def test_q4_and_q5_solutions_pass(tmp_path):
    names = {"x_train_n": X_TRAIN_N, "y_train": Y_TRAIN, "plt": plt}
    keras.utils.set_random_seed(0)  # as the starter cell does
    found = solve(lesson11.q4, **names)
    plt.close("all")
    history, model, stopper = found["history"], found["model"], found["early_stopping"]
    result = lesson11.q4.evaluate(found["stops_early"], history, model, stopper, X_TEST_N, Y_TEST)
    assert result.ok and UNEXPECTED not in result.message, result.message
    baseline = np.bincount(Y).max() / len(Y)
    found = solve(lesson11.q5, model=model, x_test_n=X_TEST_N, y_test=Y_TEST, baseline=baseline,
                  path=str(tmp_path / "penguins.keras"))  # fmt: skip
    answers = (found["test_accuracy"], found["reloaded"], model, X_TEST_N, Y_TEST, baseline)
    assert lesson11.q5.evaluate(*answers).ok


def test_q4_accepts_a_history_dict_and_val_accuracy(good):
    history, model, stopper = good
    result = lesson11.q4.evaluate(
        stopped(stopper), history.history, model, stopper, X_TEST_N, Y_TEST
    )
    assert result.ok and not result.surprise, result.message
    history, model, stopper = trained(monitor="val_accuracy", epochs=20)
    result = lesson11.q4.evaluate(stopped(stopper), history, model, stopper, X_TEST_N, Y_TEST)
    assert result.ok and not result.surprise, result.message


#: Runs whose ending is certain: no improvement of 10 in val_loss ever counts (so early
#: stopping fires at the second epoch), and two epochs that patience 10 cannot cut short.
CERTAIN = {
    "yes": {"epochs": 20, "patience": 1, "min_delta": 10.0},
    "no": {"epochs": 2, "patience": 10},
}


@pytest.fixture(scope="module")
def certain():
    return {ending: trained(**settings) for ending, settings in CERTAIN.items()}


@pytest.mark.parametrize(
    ("prediction", "ending"),
    [
        ("yes", "yes"), ("Yes, it stops early", "yes"), (True, "yes"), (np.bool_(True), "yes"),
        ("네, 일찍 멈춥니다", "yes"), ("200 에포크 전에 멈춥니다", "yes"),
        ("no", "no"), ("No: it runs all 200", "no"), (False, "no"), ("아니요", "no"),
        ("끝까지 갑니다", "no"),
    ],
)  # fmt: skip
def test_q4_a_prediction_that_came_true_in_any_words(certain, prediction, ending):
    history, model, stopper = certain[ending]
    result = lesson11.q4.evaluate(prediction, history, model, stopper, X_TEST_N, Y_TEST)
    assert result.ok and not result.surprise, result.message
    epochs = len(history.history["loss"])
    assert (
        f"{epochs} epochs" in result.message and "the test rows are still unseen" in result.message
    )
    assert ("ended the run" in result.message) == (ending == "yes")


@pytest.mark.parametrize(
    ("prediction", "ending", "why"),
    [("no", "yes", "patience runs out"), ("yes", "no", "keeps the run going")],
)
def test_q4_explains_a_prediction_that_did_not_come_true(certain, prediction, ending, why):
    history, model, stopper = certain[ending]
    result = lesson11.q4.evaluate(prediction, history, model, stopper, X_TEST_N, Y_TEST)
    assert result.ok and result.surprise and why in result.message, result.message


@pytest.mark.parametrize("prediction", ["maybe", "yes and no", "", 1, [True]])
def test_q4_refuses_a_prediction_that_is_neither_yes_nor_no(good, prediction):
    assert said(lesson11.q4.evaluate(prediction, *good, X_TEST_N, Y_TEST), "name exactly one")


@settings(max_examples=30, deadline=None)
@given(prediction=ANY_ANSWER)
def test_q4_any_prediction_on_a_real_run(good, prediction):
    """Whatever the prediction, nothing trips, and only a yes or a no is done."""
    readable = isinstance(prediction, (bool, np.bool_)) or (
        isinstance(prediction, str) and lesson11.STOPS_EARLY.read(prediction) is not None
    )
    refused_properly(lesson11.q4, (prediction, *good, X_TEST_N, Y_TEST), lambda *_: readable)


def test_q4_explains_wrong_training(good):
    cases = [
        (trained(validation="test", epochs=20), "your validation rows are the test rows"),
        (trained(validation="none", monitor="loss", epochs=5), "no val_loss"),
        (trained(monitor="loss", epochs=5), "watches loss"),
        (trained(passed=False, epochs=5), "do not come from this model's fit"),
    ]
    for (history, model, stopper), message in cases:
        result = lesson11.q4.evaluate("yes", history, model, stopper, X_TEST_N, Y_TEST)
        assert said(result, message), (message, result.message)
    history, model, _ = good
    result = lesson11.q4.evaluate("no", history, model, "stop", X_TEST_N, Y_TEST)
    assert said(result, "EarlyStopping")
    assert said(lesson11.q4.evaluate("no", 42, model, good[2], X_TEST_N, Y_TEST), "model.fit(...)")
    assert not lesson11.q4.evaluate("no", None, None, None, None, None).answered
    assert not lesson11.q4.evaluate(None, *good, X_TEST_N, Y_TEST).answered


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


@settings(max_examples=40, deadline=None)
@given(first=ANY_ANSWER, second=ANY_ANSWER)
def test_any_words_beside_right_code_never_trip(first, second):
    """The words of q2 and q3 may be anything: a message, never an error, and done only
    for words the exercise reads (a species, its class number or a mix; B with a reason)."""

    def named(words, text):
        return isinstance(text, str) and words.read(text) is not None

    number = isinstance(first, int) and not isinstance(first, bool) and 0 <= first < 3
    readable = number or named(lesson11.LAST_FIFTH, first)
    refused_properly(lesson11.q2, (first, *split(), X, Y), lambda *_: readable)
    b = isinstance(first, str) and "".join(first.split()).strip("-_").upper() == "B"
    right = b and named(lesson11.PREPARED_ON, second)
    answers = (first, second, *standardised(X_TRAIN, X_TEST), X_TRAIN, X_TEST)
    refused_properly(lesson11.q3, answers, lambda *_: right)


def test_korean_feedback(certain):
    x_train, x_test, y_train, y_test = split()
    korean_refusal(lesson11.q1, 151, Y)
    korean_refusal(lesson11.q2, LAST, X, x_test, Y, y_test, X, Y)
    result = korean_success(lesson11.q2, "턱끈펭귄", x_train, x_test, y_train, y_test, X, Y)
    assert "턱끈펭귄" in result.message and "Chinstrap" not in result.message
    result = in_korean(lesson11.q2, "아델리", x_train, x_test, y_train, y_test, X, Y)
    assert result.surprise and hangul(result.message) and "penguins" not in result.message
    korean_refusal(lesson11.q2, "펭귄", x_train, x_test, y_train, y_test, X, Y)
    everything = np.concatenate([X_TRAIN, X_TEST])
    whole = everything.mean(axis=0), everything.std(axis=0)
    korean_refusal(lesson11.q3, *DIAGNOSIS, *whole, X_TRAIN_N, X_TEST_N, X_TRAIN, X_TEST)
    right = (M, S, X_TRAIN_N, X_TEST_N, X_TRAIN, X_TEST)
    korean_success(lesson11.q3, "B", "테스트 행이 준비에 쓰였습니다", *right)
    korean_refusal(lesson11.q3, "A", "테스트 행", *right)
    korean_refusal(lesson11.q3, "C", "테스트 행", *right)
    korean_refusal(lesson11.q3, "B", "그냥", *right)
    history, model, stopper = certain["yes"]
    result = korean_success(lesson11.q4, "네", history, model, stopper, X_TEST_N, Y_TEST)
    assert "val_loss" in result.message
    result = in_korean(lesson11.q4, "아니요", history, model, stopper, X_TEST_N, Y_TEST)
    assert result.surprise and "에포크" in result.message and "epochs" not in result.message
    korean_refusal(lesson11.q4, "글쎄요", history, model, stopper, X_TEST_N, Y_TEST)
