"""Notebook 08's exercises: solutions pass, typical mistakes get a useful message.

Runs are made with the playground's own ``train_run`` (no widgets needed) and
kept short; the solutions run through a real ``playground()``, as in the notebook.
"""

import dataclasses

import pytest
from exercise_support import (
    ANY_ANSWER,
    ANY_ANSWERS,
    UNEXPECTED,
    evaluate_anything,
    korean_refusal,
    korean_success,
    solve,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.exercises import lesson08
from helpers.playground import playground
from helpers.run_settings import Settings
from helpers.training import RunResult, train_run


def fake_run(status="finished", val_accuracy=1.0, **settings):
    """A RunResult without training, for checks that only read settings and metrics."""
    history = {"loss": [0.1], "accuracy": [1.0], "val_loss": [0.1], "val_accuracy": [val_accuracy]}
    return RunResult(Settings(**settings), history, status, f"{status} (made up)", 0.0)


def refused(result, message):
    return not result.ok and result.answered and message in result.message


@pytest.fixture(scope="module")
def pg():
    return playground(dataset="mnist_subset", hidden_layers=1, units=64, epochs=10, batch_size=32)


# ---------------------------------------------------------------- q1 ---


def test_q1_solution_passes(pg):
    xor_run = solve(lesson08.q1, pg=pg)["xor_run"]
    assert lesson08.q1.evaluate(xor_run).ok, lesson08.q1.evaluate(xor_run).message
    assert lesson08.q1.evaluate(pg.runs[-1]).ok  # the same run, read from the tray


def test_q1_accepts_two_small_hidden_layers():
    assert lesson08.q1.evaluate(fake_run(dataset="xor", hidden_layers=2, units=3)).ok


def test_q1_a_real_run_without_hidden_layer_is_explained():
    run = train_run(Settings(dataset="xor", hidden_layers=0, epochs=3))
    assert refused(lesson08.q1.evaluate(run), "no hidden layer")


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (fake_run(dataset="iris", hidden_layers=1, units=4), "pass dataset='xor'"),
        (fake_run(dataset="xor", hidden_layers=1, units=64), "more than the 4 allowed"),
        (fake_run(dataset="xor", hidden_layers=1, units=3, val_accuracy=0.7), "below 0.95"),
        (fake_run(dataset="xor", units=3, val_accuracy=float("nan")), "below 0.95"),
        (fake_run("stopped", dataset="xor", hidden_layers=1, units=3), "did not finish"),
        (fake_run("diverged", dataset="xor", units=3, learning_rate=100.0), "diverges"),
        ([fake_run(dataset="xor", units=4)], "pg.runs[-1]"),
        ("xor", "should be the run that pg.train"),
    ],
)
def test_q1_explains_wrong_answers(answer, message):
    result = lesson08.q1.evaluate(answer)
    assert refused(result, message), result.message


def test_q1_recognises_the_playground_itself(pg):
    assert refused(lesson08.q1.evaluate(pg), "the playground itself")


# ---------------------------------------------------------------- q2 ---


def test_q2_solution_passes(pg):
    sgd_run = solve(lesson08.q2, pg=pg)["sgd_run"]
    assert lesson08.q2.evaluate(sgd_run).ok, lesson08.q2.evaluate(sgd_run).message


IRIS_SGD = {"dataset": "iris", "optimizer": "sgd", "epochs": 30, "units": 16, "batch_size": 16}


def test_q2_accepts_fewer_epochs_and_another_seed():
    assert lesson08.q2.evaluate(fake_run(**{**IRIS_SGD, "epochs": 20, "seed": 3})).ok


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (fake_run("diverged", **{**IRIS_SGD, "learning_rate": 10.0}), "still diverges"),
        (fake_run(val_accuracy=0.6, **{**IRIS_SGD, "learning_rate": 0.001}), "too small"),
        (fake_run(**{**IRIS_SGD, "optimizer": "adam"}), "keep plain SGD"),
        (fake_run(**{**IRIS_SGD, "epochs": 100}), "more than 30"),
        (fake_run(**{**IRIS_SGD, "dataset": "xor"}), "dataset='iris'"),
        # pg starts with 64 units and batches of 32: forgetting to change them is easy
        (fake_run(**{**IRIS_SGD, "units": 64}), "pass units=16"),
        (fake_run(**{**IRIS_SGD, "batch_size": 32}), "pass batch_size=16"),
        (fake_run(**{**IRIS_SGD, "hidden_layers": 2}), "pass hidden_layers=1"),
        (fake_run(**{**IRIS_SGD, "activation": "tanh"}), "pass activation='relu'"),
    ],
)
def test_q2_explains_wrong_answers(answer, message):
    result = lesson08.q2.evaluate(answer)
    assert refused(result, message), result.message


def test_fake_runs_match_the_real_result_type():
    real = train_run(Settings(dataset="iris", epochs=1))
    fake = fake_run()
    assert {f.name for f in dataclasses.fields(real)} == {f.name for f in dataclasses.fields(fake)}
    assert set(real.final) == set(fake.final)


# ---------------------------------------------------------------- q3 ---

RIGHT = {"learning_rate", "epochs", "batch_size", "units", "hidden_layers"}


def test_q3_solution_passes():
    hyperparameters = solve(lesson08.q3)["hyperparameters"]
    assert lesson08.q3.evaluate(hyperparameters).ok


@pytest.mark.parametrize(
    "answer",
    [
        ("hidden_layers", "units", "batch_size", "epochs", "learning_rate"),
        {"Learning rate", "epochs", "batch size", "units", "hidden layers"},
        ["학습률", "에포크", "배치 크기", "유닛", "은닉층"],
        "learning_rate, epochs, batch_size, units, hidden_layers",
    ],
)
def test_q3_accepts_other_right_answers(answer):
    assert lesson08.q3.evaluate(answer).ok


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ([*RIGHT, "kernel"], "parameters (weights)"),
        ([*RIGHT, "가중치"], "['kernel']"),
        (["learning_rate", "epochs"], "you left out"),
        (["learning_rate", "optimizr"], "not one of the names"),
        (42, "give a list of names"),
    ],
)
def test_q3_explains_wrong_answers(answer, message):
    result = lesson08.q3.evaluate(answer)
    assert refused(result, message), result.message


# ---------------------------------------------------- any answer at all ---


@settings(max_examples=60, deadline=None)
@given(ANY_ANSWERS)
def test_no_answers_raise_or_pass_by_mistake(answers):
    for exercise in (lesson08.q1, lesson08.q2, lesson08.q3):
        result = evaluate_anything(exercise, answers)
        assert UNEXPECTED not in result.message, result.message


def no_text(answer):
    return not isinstance(answer, str)  # a random text might be a name said another way


NAMES = [*RIGHT, "kernel", "bias", "Epochs", "학습률", "optimizer", 3, None]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(NAMES), ANY_ANSWER.filter(no_text)), max_size=8))
def test_q3_passes_exactly_the_five_hyperparameters(names):
    as_said = {"Epochs": "epochs", "학습률": "learning_rate"}
    right = {as_said.get(name, name) for name in names if isinstance(name, str)} == RIGHT
    right = right and all(isinstance(name, str) for name in names)
    result = evaluate_anything(lesson08.q3, (names,), lambda names: right)
    assert result.ok == right, result.message


def test_wrong_numbers_of_answers_get_a_message():
    result = lesson08.q2.evaluate(fake_run(**IRIS_SGD), 0.1)
    assert refused(result, "check(sgd_run)"), result.message


# ------------------------------------------------------------- in Korean ---


def test_korean_feedback():
    korean_success(lesson08.q1, fake_run(dataset="xor", hidden_layers=1, units=4))
    korean_refusal(lesson08.q1, fake_run(dataset="xor", hidden_layers=0, units=4))
    korean_refusal(lesson08.q1, fake_run(dataset="xor", hidden_layers=1, units=64))
    korean_refusal(lesson08.q1, fake_run(dataset="xor", units=3, val_accuracy=0.7))
    korean_refusal(lesson08.q1, [fake_run(dataset="xor", units=4)])
    korean_success(lesson08.q2, fake_run(**{**IRIS_SGD, "learning_rate": 0.1}))
    korean_refusal(lesson08.q2, fake_run("diverged", **{**IRIS_SGD, "learning_rate": 10.0}))
    korean_refusal(lesson08.q2, fake_run(**{**IRIS_SGD, "optimizer": "adam"}))
    korean_refusal(lesson08.q2, fake_run(**{**IRIS_SGD, "batch_size": 32}))
    korean_success(lesson08.q3, solve(lesson08.q3)["hyperparameters"])
    korean_refusal(lesson08.q3, [*RIGHT, "가중치"])
    korean_refusal(lesson08.q3, ["학습률", "에포크"])
    korean_refusal(lesson08.q3, ["학습률", "최적화"])


@pytest.mark.parametrize(
    "answer",
    [
        ["학습률", "에포크", "배치 크기", "유닛", "은닉층"],
        ["학습률", "에포크 수", "배치 사이즈", "유닛 개수", "은닉층의 개수"],
        "학습률, 에폭, 배치크기, 뉴런 수, 은닉 레이어",
        ["learning_rate", "에포크", "batch_size", "노드", "hidden_layers"],
    ],
)
def test_q3_accepts_korean_names_in_both_languages(answer):
    assert lesson08.q3.evaluate(answer).ok, answer
    korean_success(lesson08.q3, answer)


def test_q3_korean_names_of_parameters_are_refused():
    for word in ("가중치", "커널", "편향", "바이어스"):
        assert refused(lesson08.q3.evaluate([*RIGHT, word]), "parameters (weights)"), word
