"""Exercises for notebook 08: the playground capstone.

Exercises 1 and 2 are predictions (:class:`~helpers.exercises.words.Prediction`):
the learner names the learning rate, then the batch size, expected to do best,
and the check compares it with what the learner's own runs did, read through the
playground's public ``RunResult`` (``settings``, ``status``, ``history``), never
through Keras internals. Exercise 3 is a diagnosis with its reason
(:class:`~helpers.exercises.words.Choice`). Exercise 4 has no one right value,
only settings and results that must hold: a
:class:`~helpers.exercises.types.ValueExercise` declared with ``rules`` alone,
whose first rule that applies is the message; a run none applies to is right.
"""

from __future__ import annotations

import math

from helpers.exercises import WrongAnswer
from helpers.exercises.types import Arg, Mistake, ValueExercise
from helpers.exercises.words import Choice, Prediction, Words
from helpers.i18n import N_, _


def _run_result(run, name: str):
    from helpers.training import RunResult

    if isinstance(run, RunResult):
        return run
    if hasattr(run, "runs") and hasattr(run, "train"):
        raise WrongAnswer(
            _(
                "{name} is the playground itself; keep what pg.train(...) returns: "
                "{name} = pg.train(...)."
            ).format(name=name)
        )
    if isinstance(run, list | tuple) and any(isinstance(item, RunResult) for item in run):
        raise WrongAnswer(
            _(
                "{name} is a list of runs; keep one run, such as the last one: "
                "{name} = pg.runs[-1]."
            ).format(name=name)
        )
    raise WrongAnswer(
        _("{name} should be the run that pg.train(...) returns; you gave a {kind}.").format(
            name=name, kind=type(run).__name__
        )
    )


def _differs(setting: str, wanted):
    """A rule's test: the run's ``setting`` is not ``wanted``."""

    def when(run):
        used = getattr(run.settings, setting)
        return used != wanted and {"name": setting, "used": used}

    return when


def _accuracy_below(least: float):
    """A rule's test: the final validation accuracy is below ``least`` (or there is none)."""

    def when(run):
        accuracy = (run.history.get("val_accuracy") or [math.nan])[-1]
        return not accuracy >= least and {  # also refuses NaN
            "accuracy": accuracy,
            "epochs": run.settings.epochs,
            "rate": run.settings.learning_rate,
        }

    return when


#: A run that diverged or was stopped has no final accuracy to judge.
FINISHED = [
    Mistake(
        N_("learning rate {rate:g} still diverges: go down by factors of 10."),
        when=lambda run: run.status == "diverged" and {"rate": run.settings.learning_rate},
    ),
    Mistake(
        N_("the run did not finish: {message}."),
        when=lambda run: run.status != "finished" and {"message": run.message},
    ),
]


def _as_named(value):
    """A number as the outcomes name it (0.1, "0.10" and 1e-1 all read "0.1"); else as given."""
    if isinstance(value, bool):
        return value
    try:
        return f"{float(value):g}"
    except (TypeError, ValueError, OverflowError):
        return value


def _prediction(value, name: str):
    return _as_named(value)


def _runs_by(setting: str, values: tuple[str, ...]):
    """An input's reader: the learner's playground (or its list of runs) -> {value: run},
    the latest run of each of ``values`` of ``setting``, all of which must be there."""

    def read(lab, name: str) -> dict:
        from helpers.training import RunResult

        runs = getattr(lab, "runs", lab)
        if not isinstance(runs, list | tuple) or not all(isinstance(r, RunResult) for r in runs):
            raise WrongAnswer(
                _("{name} should be the playground of the cell above; you gave a {kind}.").format(
                    name=name, kind=type(lab).__name__
                )
            )
        found = {_as_named(getattr(run.settings, setting)): run for run in runs}
        missing = [value for value in values if value not in found]
        if missing:
            raise WrongAnswer(
                _(
                    "{name} has no run with {setting}={value}: run the cell above as it is, "
                    "then check again."
                ).format(name=name, setting=setting, value=missing[0])
            )
        return {value: found[value] for value in values}

    return read


def _said(values: tuple[str, ...], *ways: str) -> Words:
    """The outcomes ``values``, each also as ``ways`` say it ("lr {}": "lr 0.1"), matched whole."""
    return Words({value: [way.format(value) for way in ways] for value in values}, whole=True)


def _finished(runs: dict) -> dict:
    finished = {value: run for value, run in runs.items() if run.status == "finished"}
    if not finished:
        raise WrongAnswer(_("none of the runs finished: run the cell above again."))
    return finished


#: The learning rates of exercise 1, as the outcomes name them.
RATES = ("0.001", "0.1", "100")


def _best_rate(runs: dict):
    """Which finished run ended with the highest validation accuracy, and the numbers."""
    finished = _finished(runs)
    best = max(finished, key=lambda rate: finished[rate].final["val_accuracy"])
    run = finished[best]
    return best, {"best": best, "accuracy": run.final["val_accuracy"], "baseline": run.baseline}


q1 = Prediction(
    answer=Arg("best_rate", read=_prediction),
    inputs=[Arg("rate_lab", read=_runs_by("learning_rate", RATES))],
    outcomes=_said(RATES, "lr {}", "lr={}", "learning rate {}", "학습률 {}"),
    observe=_best_rate,
    happened=dict.fromkeys(
        RATES,
        N_(
            "learning rate {best} ended with the highest validation accuracy, {accuracy:.2f}, "
            "against a baseline of {baseline:.2f}."
        ),
    ),
    why={
        ("0.001", "0.1"): N_(
            "A small rate is safe but slow: in 30 epochs its small steps add up to little."
        ),
        ("100", "0.1"): N_(
            "A rate that large overshoots at every step: the loss exploded and the run diverged."
        ),
    },
    hint=N_(
        "Write one of 0.001, 0.1 or 100: the rate you expect to end with the highest "
        "validation accuracy. Then run the cell that trains the three."
    ),
    solution="best_rate = 0.1",
    success=N_("the model learns fastest with a rate neither too small nor too large."),
)

#: The batch sizes of exercise 2, as the outcomes name them.
BATCHES = ("4", "64")


def _lower_loss(runs: dict):
    """Which finished run ended with the lower training loss, and both losses."""
    finished = _finished(runs)
    best = min(finished, key=lambda size: finished[size].final["loss"])
    losses = sorted(run.final["loss"] for run in finished.values())
    return best, {"best": best, "low": losses[0], "high": losses[-1]}


q2 = Prediction(
    answer=Arg("lower_loss", read=_prediction),
    inputs=[Arg("batch_lab", read=_runs_by("batch_size", BATCHES))],
    outcomes=_said(BATCHES, "batch {}", "batch size {}", "배치 {}", "배치 크기 {}"),
    observe=_lower_loss,
    happened=dict.fromkeys(
        BATCHES,
        N_("batches of {best} ended with the lower training loss, {low:.3f} against {high:.3f}."),
    ),
    why={
        ("64", "4"): N_(
            "Each update of a large batch averages more samples, but an epoch of batches of 4 "
            "makes many more updates: in the same 30 epochs they get further."
        ),
    },
    hint=N_(
        "Write 4 or 64. Think of how many updates one epoch makes with each: the same "
        "105 training flowers, cut into batches of 4 or of 64."
    ),
    solution="lower_loss = 4",
    success=N_("more updates per epoch get further in the same number of epochs."),
)

#: The ideas a reason for exercise 3 may name: the vanishing gradient, or the relu run beside it.
REASONS = Words(
    {
        "gradient": ("gradient", "기울기", "그레이디언트", "그래디언트", "vanish", "소실",
                     "slope", "derivative", "미분", "signal", "신호", "shrink", "줄어"),
        "relu": ("relu", "렐루"),
    }
)  # fmt: skip

q3 = Choice(
    answer="cause",
    options=["A", "B", "C", "D"],
    right="B",
    mistakes={
        "A": N_(
            "a rate too large makes the loss jump or become nan; this run finished with a finite "
            "loss, and the relu network learned with the same rate."
        ),
        "C": N_(
            "the relu network learned in the same 40 epochs, while the sigmoid network's "
            "accuracy never got going: epochs are not what it lacks."
        ),
        "D": N_(
            "the relu network has the same 16 units per layer and learned iris: the width "
            "is not what differs."
        ),
    },
    because=REASONS,
    because_missing=N_(
        "write why in reason: what eight sigmoid layers do to the gradient, or what the "
        "relu network with the same settings did."
    ),
    hint=N_(
        "Only the activation differs between the two runs. What does each sigmoid layer do "
        "to the gradient on its way back to the first layers (lesson 04)?"
    ),
    solution=N_(
        "cause = 'B'\n"
        "reason = 'vanishing gradient'  # each sigmoid layer shrinks it; relu layers did not"
    ),
    success=N_("eight sigmoid layers shrink the gradient until the first layers barely learn."),
)

q4 = ValueExercise(
    answer=Arg("xor_run", read=_run_result),
    rules=[
        Mistake(
            N_("that run trained on {dataset!r}; pass dataset='xor'."),
            when=lambda run: run.settings.dataset != "xor" and {"dataset": run.settings.dataset},
        ),
        Mistake(
            N_(
                "with no hidden layer the model draws one straight line, and no line separates "
                "XOR's classes: add a hidden layer."
            ),
            when=lambda run: run.settings.hidden_layers == 0,
        ),
        Mistake(
            N_(
                "{units} units per hidden layer is more than the 4 allowed: "
                "find a smaller network that still solves XOR (pass units=4 or fewer)."
            ),
            when=lambda run: run.settings.units > 4 and {"units": run.settings.units},
        ),
        *FINISHED,
        Mistake(
            N_(
                "validation accuracy {accuracy:.2f} is below 0.95. Tiny networks are fragile: "
                "try another activation (tanh or relu), a different number of units, or more "
                "epochs."
            ),
            when=_accuracy_below(0.95),
        ),
    ],
    hint=N_(
        "pg.train(dataset='xor', hidden_layers=1, units=4, ...) returns the run; "
        "if it gets stuck, change the activation or the units and try again."
    ),
    solution="xor_run = pg.train(dataset='xor', hidden_layers=1, units=4, activation='tanh', "
    "optimizer='adam', learning_rate=0.01, epochs=40, batch_size=16)",
    success=N_("a handful of units is enough, once there is a hidden layer."),
)
