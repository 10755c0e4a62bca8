"""Notebook 08's exercises: solutions pass, typical mistakes get a useful message.

Runs are made with the playground's own ``train_run`` (no widgets needed) and
kept short; the solutions run through a real ``playground()``, as in the notebook.
"""

import dataclasses

import pytest
from exercise_support import solve

from helpers.exercises import lesson08
from helpers.playground import RunResult, Settings, playground, train_run


def fake_run(status="finished", val_accuracy=1.0, **settings):
    """A RunResult without training, for checks that only read settings and metrics."""
    history = {"loss": [0.1], "accuracy": [1.0], "val_loss": [0.1], "val_accuracy": [val_accuracy]}
    return RunResult(Settings(**settings), history, status, f"{status} (made up)", 0.0)


@pytest.fixture(scope="module")
def pg():
    return playground(dataset="mnist_subset", hidden_layers=1, units=64, epochs=10, batch_size=32)


# ---------------------------------------------------------------- q1 ---


def test_q1_solution_passes(pg):
    xor_run = solve(lesson08.q1, pg=pg)["xor_run"]
    assert lesson08.q1.evaluate(xor_run).ok, lesson08.q1.evaluate(xor_run).message


def test_q1_a_real_run_without_hidden_layer_is_explained():
    run = train_run(Settings(dataset="xor", hidden_layers=0, epochs=3))
    result = lesson08.q1.evaluate(run)
    assert not result.ok and "no hidden layer" in result.message


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (fake_run(dataset="iris", hidden_layers=1, units=4), "pass dataset='xor'"),
        (fake_run(dataset="xor", hidden_layers=1, units=8), "more than the 4 allowed"),
        (fake_run(dataset="xor", hidden_layers=1, units=3, val_accuracy=0.7), "below 0.95"),
        (fake_run("stopped", dataset="xor", hidden_layers=1, units=3), "did not finish"),
        ("xor", "should be the run that pg.train"),
    ],
)
def test_q1_explains_wrong_answers(answer, message):
    result = lesson08.q1.evaluate(answer)
    assert not result.ok and message in result.message, result.message


def test_q1_recognises_the_playground_itself(pg):
    result = lesson08.q1.evaluate(pg)
    assert not result.ok and "the playground itself" in result.message


# ---------------------------------------------------------------- q2 ---


def test_q2_solution_passes(pg):
    sgd_run = solve(lesson08.q2, pg=pg)["sgd_run"]
    assert lesson08.q2.evaluate(sgd_run).ok, lesson08.q2.evaluate(sgd_run).message


IRIS_SGD = {"dataset": "iris", "optimizer": "sgd", "epochs": 30}


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (fake_run("diverged", **{**IRIS_SGD, "learning_rate": 10.0}), "still diverges"),
        (fake_run(val_accuracy=0.6, **{**IRIS_SGD, "learning_rate": 0.001}), "too small"),
        (fake_run(**{**IRIS_SGD, "optimizer": "adam"}), "keep plain SGD"),
        (fake_run(**{**IRIS_SGD, "epochs": 100}), "more than 30"),
        (fake_run(**{**IRIS_SGD, "dataset": "xor"}), "about iris"),
    ],
)
def test_q2_explains_wrong_answers(answer, message):
    result = lesson08.q2.evaluate(answer)
    assert not result.ok and message in result.message, result.message


def test_fake_runs_match_the_real_result_type():
    real = train_run(Settings(dataset="iris", epochs=1))
    fake = fake_run()
    assert {f.name for f in dataclasses.fields(real)} == {f.name for f in dataclasses.fields(fake)}
    assert set(real.final) == set(fake.final)


# ---------------------------------------------------------------- q3 ---


def test_q3_solution_passes():
    hyperparameters = solve(lesson08.q3)["hyperparameters"]
    assert lesson08.q3.evaluate(hyperparameters).ok
    assert lesson08.q3.evaluate(tuple(reversed(hyperparameters))).ok


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (
            ["learning_rate", "epochs", "batch_size", "units", "hidden_layers", "kernel"],
            "parameters",
        ),
        (["learning_rate", "epochs"], "you left out"),
        (["learning_rate", "optimizr"], "not one of the names"),
        (42, "give a list of names"),
    ],
)
def test_q3_explains_wrong_answers(answer, message):
    result = lesson08.q3.evaluate(answer)
    assert not result.ok and message in result.message, result.message
