"""Notebook 08's exercises: solutions pass, typical mistakes get a useful message.

Runs are made with the playground's own ``train_run`` (no widgets needed) and
kept short, or made up when a check only reads settings and metrics; the
solutions and the predictions run through a real ``playground()``, as in the notebook.
"""

import dataclasses
import re
from pathlib import Path

import numpy as np
import pytest
from exercise_support import (
    ANY_ANSWERS,
    UNEXPECTED,
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

from helpers.exercises import lesson10
from helpers.i18n import set_language
from helpers.playground import playground
from helpers.run_settings import Settings
from helpers.training import RunResult, train_run


def fake_run(status="finished", val_accuracy=1.0, loss=0.1, **settings):
    """A RunResult without training, for checks that only read settings and metrics."""
    history = {"loss": [loss], "accuracy": [1.0], "val_loss": [0.1], "val_accuracy": [val_accuracy]}
    return RunResult(Settings(**settings), history, status, f"{status} (made up)", 0.0)


def refused(result, message):
    return not result.ok and result.answered and message in result.message


@pytest.fixture(scope="module")
def pg():
    return playground(dataset="mnist_subset", hidden_layers=1, units=64, epochs=10, batch_size=32)


# ---------------------------------------------------------------- q1 ---


def rate_runs(slow=0.62, good=0.98, wild="diverged"):
    """Exercise 1's three runs, made up: SGD on iris at 0.001, 0.1 and 100."""
    return [
        fake_run(val_accuracy=slow, learning_rate=0.001, optimizer="sgd"),
        fake_run(val_accuracy=good, learning_rate=0.1, optimizer="sgd"),
        fake_run(wild, val_accuracy=0.3, learning_rate=100.0, optimizer="sgd"),
    ]


def test_q1_a_real_lab_and_the_solution_agree():
    rate_lab = playground(dataset="iris", optimizer="sgd", epochs=30)
    for rate in (0.001, 0.1, 100.0):
        rate_lab.train(learning_rate=rate)
    result = lesson10.q1.evaluate(solve(lesson10.q1)["best_rate"], rate_lab)
    assert result.ok and not result.surprise, result.message
    assert "learning rate 0.1 ended with the highest validation accuracy" in result.message
    assert f"baseline of {rate_lab.runs[1].baseline:.2f}" in result.message


@pytest.mark.parametrize("answer", [0.1, "0.1", " 0.10 ", 1e-1, "1e-1", "lr=0.1", "학습률 0.1"])
def test_q1_accepts_every_way_of_writing_the_rate(answer):
    result = lesson10.q1.evaluate(answer, rate_runs())
    assert result.ok and not result.surprise, result.message


def test_q1_explains_a_prediction_that_did_not_come_true():
    slow = lesson10.q1.evaluate(0.001, rate_runs())
    assert slow.surprise and "you expected '0.001'" in slow.message
    assert "safe but slow" in slow.message
    wild = lesson10.q1.evaluate(100, rate_runs())
    assert wild.surprise and "overshoots" in wild.message
    # An unusual lab: the slow rate did best. A prediction of 0.001 then came true.
    assert lesson10.q1.evaluate("0.001", rate_runs(slow=0.99)).message.startswith("You predicted")


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        (("fast", rate_runs()), "is not one of '0.001', '0.1', '100'"),
        ((0.01, rate_runs()), "'0.01' is not one of"),
        ((0.1, rate_runs()[:2]), "no run with learning_rate=100"),
        ((0.1, "rate_lab"), "should be the playground of the cell above"),
        ((0.1, [*rate_runs(wild="diverged")[2:]] * 3), "no run with learning_rate=0.001"),
    ],
)
def test_q1_refuses_what_it_cannot_judge(answers, message):
    result = lesson10.q1.evaluate(*answers)
    assert refused(result, message), result.message


def test_q1_reads_the_latest_run_of_each_rate_when_the_cell_ran_twice():
    result = lesson10.q1.evaluate("0.001", rate_runs() + rate_runs(slow=0.99))
    assert result.ok and not result.surprise, result.message


def test_q1_needs_a_finished_run():
    runs = [dataclasses.replace(run, status="stopped") for run in rate_runs()]
    assert refused(lesson10.q1.evaluate(0.1, runs), "none of the runs finished")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(0, 1), min_size=2, max_size=2), st.sampled_from(["0.001", "0.1", "100"]))
def test_q1_is_right_exactly_when_the_prediction_names_the_best_finished_run(accuracies, said):
    runs = rate_runs(*accuracies)  # the third diverged: never the best
    best = "0.001" if accuracies[0] >= accuracies[1] else "0.1"  # a tie: the first listed
    result = lesson10.q1.evaluate(said, runs)
    assert result.ok and result.surprise == (said != best), result.message


# ---------------------------------------------------------------- q2 ---


def batch_runs(small=0.05, large=0.19):
    return [fake_run(loss=small, batch_size=4), fake_run(loss=large, batch_size=64)]


def test_q2_a_real_lab_and_the_solution_agree():
    batch_lab = playground(dataset="iris", optimizer="adam", learning_rate=0.01, epochs=30)
    for batch_size in (4, 64):
        batch_lab.train(batch_size=batch_size)
    result = lesson10.q2.evaluate(solve(lesson10.q2)["lower_loss"], batch_lab)
    assert result.ok and not result.surprise, result.message


@pytest.mark.parametrize("answer", [4, 4.0, "4", "batch 4", "배치 크기 4", np.int64(4)])
def test_q2_accepts_every_way_of_writing_the_batch_size(answer):
    result = lesson10.q2.evaluate(answer, batch_runs())
    assert result.ok and not result.surprise, result.message


def test_q2_explains_a_prediction_that_did_not_come_true():
    result = lesson10.q2.evaluate(64, batch_runs())
    assert result.surprise and "many more updates" in result.message
    assert "0.050 against 0.190" in result.message
    assert lesson10.q2.evaluate(64, batch_runs(small=0.3)).message.startswith("You predicted")


@settings(max_examples=60, deadline=None)
@given(st.floats(0, 2), st.floats(0, 2), st.sampled_from([4, 64, "4", "64"]))
def test_q2_is_right_exactly_when_the_prediction_names_the_lower_loss(small, large, said):
    best = "4" if small <= large else "64"  # a tie: the first listed
    result = lesson10.q2.evaluate(said, batch_runs(small, large))
    assert result.ok and result.surprise == (str(said) != best), result.message


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        (("small", batch_runs()), "is not one of '4', '64'"),
        ((16, batch_runs()), "'16' is not one of"),
        ((4, batch_runs()[:1]), "no run with batch_size=64"),
        ((4, None), "should be the playground of the cell above"),
    ],
)
def test_q2_refuses_what_it_cannot_judge(answers, message):
    result = lesson10.q2.evaluate(*answers)
    assert refused(result, message), result.message


# ---------------------------------------------------------------- q3 ---


def test_q3_solution_passes():
    names = solve(lesson10.q3)
    assert lesson10.q3.evaluate(names["cause"], names["reason"]).ok


@pytest.mark.parametrize(
    ("cause", "reason"),
    [
        ("b", "vanishing gradients"),
        (" B ", "기울기 소실 때문입니다"),
        ("B", "relu learned with the same settings"),
        ("B", "시그모이드를 지날 때마다 그레이디언트가 줄어듭니다"),
    ],
)
def test_q3_accepts_the_cause_with_any_right_reason(cause, reason):
    assert lesson10.q3.evaluate(cause, reason).ok


@pytest.mark.parametrize(
    ("cause", "reason", "message"),
    [
        ("A", "the gradient", "jump or become nan"),
        ("C", "the gradient", "same 40 epochs"),
        ("D", "the gradient", "same 16 units"),
        ("B", "it looks right", "write why in reason"),
        ("B", 42, "write why in reason"),
        ("E", "the gradient", "is not one of 'A', 'B', 'C', 'D'"),
        ("B or C", "the gradient", "is not one of"),
    ],
)
def test_q3_explains_wrong_answers(cause, reason, message):
    result = lesson10.q3.evaluate(cause, reason)
    assert refused(result, message), result.message


def test_q3_without_a_reason_asks_for_one():
    result = lesson10.q3.evaluate("B", None)
    assert not result.ok and not result.answered and "write why" in result.message


def test_q3_hint_names_the_lesson_that_teaches_gradients():
    """The hint sends the learner to the lesson tools/taught.toml gives for gradients (where
    the vanishing gradient is measured), in both languages, so a renumbering cannot leave it
    pointing at the wrong lesson."""
    taught = (Path(__file__).parent.parent / "tools" / "taught.toml").read_text(encoding="utf-8")
    lesson = re.search(r'^gradient = "(\d\d)"', taught, re.MULTILINE).group(1)
    assert f"(lesson {lesson})" in lesson10.q3.hint_text
    set_language("ko")
    assert f"(레슨 {lesson})" in lesson10.q3.hint_text


# ---------------------------------------------------------------- q4 ---


def test_q4_solution_passes(pg):
    xor_run = solve(lesson10.q4, pg=pg)["xor_run"]
    assert lesson10.q4.evaluate(xor_run).ok, lesson10.q4.evaluate(xor_run).message
    assert lesson10.q4.evaluate(pg.runs[-1]).ok  # the same run, read from the tray


def test_q4_accepts_two_small_hidden_layers():
    assert lesson10.q4.evaluate(fake_run(dataset="xor", hidden_layers=2, units=3)).ok


def test_q4_a_real_run_without_hidden_layer_is_explained():
    run = train_run(Settings(dataset="xor", hidden_layers=0, epochs=3))
    assert refused(lesson10.q4.evaluate(run), "no hidden layer")


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
def test_q4_explains_wrong_answers(answer, message):
    result = lesson10.q4.evaluate(answer)
    assert refused(result, message), result.message


def test_q4_recognises_the_playground_itself(pg):
    assert refused(lesson10.q4.evaluate(pg), "the playground itself")


# ---------------------------------------------------- any answer at all ---


@settings(max_examples=60, deadline=None)
@given(ANY_ANSWERS)
def test_no_answers_raise_or_pass_by_mistake(answers):
    for exercise in (lesson10.q1, lesson10.q2, lesson10.q3, lesson10.q4):
        result = evaluate_anything(exercise, answers)
        assert UNEXPECTED not in result.message, result.message


#: Causes and reasons a learner might give exercise 3, right and wrong, in both languages.
CAUSES = ["A", "B", "b", "C", "D", "E", "B!", 2]
REASONS = ["gradient", "기울기 소실", "relu did fine", "because", "", "시그모이드", None, 3.0]


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(CAUSES), st.sampled_from(REASONS))
def test_q3_passes_exactly_cause_b_with_a_reason_that_names_an_idea(cause, reason):
    named = isinstance(reason, str) and any(w in reason for w in ("gradient", "기울기", "relu"))
    right = isinstance(cause, str) and cause.upper() == "B" and named
    refused_properly(lesson10.q3, (cause, reason), lambda *answers: right)


def test_fake_runs_match_the_real_result_type():
    real = train_run(Settings(dataset="iris", epochs=1))
    fake = fake_run()
    assert {f.name for f in dataclasses.fields(real)} == {f.name for f in dataclasses.fields(fake)}
    assert set(real.final) == set(fake.final) and real.baseline == fake.baseline


def test_wrong_numbers_of_answers_get_a_message():
    result = lesson10.q1.evaluate(0.1)
    assert refused(result, "check(best_rate, rate_lab)"), result.message


# ------------------------------------------------------------- in Korean ---


def test_korean_feedback():
    korean_success(lesson10.q1, "학습률 0.1", rate_runs())
    korean_refusal(lesson10.q1, "빠른 것", rate_runs())
    korean_refusal(lesson10.q1, 0.1, rate_runs()[:2])
    korean_refusal(lesson10.q1, 0.1, "rate_lab")
    surprise = in_korean(lesson10.q1, 100, rate_runs())
    assert surprise.surprise and hangul(surprise.message), surprise.message
    korean_success(lesson10.q2, "배치 4", batch_runs())
    surprise = in_korean(lesson10.q2, 64, batch_runs())
    assert surprise.surprise and hangul(surprise.message), surprise.message
    korean_success(lesson10.q3, "B", "층마다 기울기가 줄어듭니다")
    korean_refusal(lesson10.q3, "C", "기울기")
    korean_refusal(lesson10.q3, "B", "그냥")
    korean_success(lesson10.q4, fake_run(dataset="xor", hidden_layers=1, units=4))
    korean_refusal(lesson10.q4, fake_run(dataset="xor", hidden_layers=0, units=4))
    korean_refusal(lesson10.q4, fake_run(dataset="xor", hidden_layers=1, units=64))
    korean_refusal(lesson10.q4, fake_run(dataset="xor", units=3, val_accuracy=0.7))
    korean_refusal(lesson10.q4, [fake_run(dataset="xor", units=4)])
