"""Exercises for notebook 08: the playground capstone.

A run has no one right value, only settings and results that must hold, so each
exercise is a :class:`~helpers.exercises.types.ValueExercise` declared with
``rules`` alone: the first rule that applies is the message, a run none applies
to is right. The rules read a run through the playground's public ``RunResult``
(``settings``, ``status``, ``history``), never through Keras internals.
Exercise 3 reads the names with :class:`~helpers.exercises.words.Words`,
English and Korean.
"""

from __future__ import annotations

import math

from helpers.exercises import WrongAnswer
from helpers.exercises.types import Arg, Mistake, ValueExercise
from helpers.exercises.words import Words
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

q1 = ValueExercise(
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

#: What exercise 2 fixes, besides the learning rate, each with its whole message.
SGD_SETUP = [
    Mistake(
        N_("that run used {name}={used!r}; this exercise is about iris: pass dataset='iris'."),
        when=_differs("dataset", "iris"),
    ),
    Mistake(
        N_(
            "that run used {name}={used!r}; keep plain SGD (optimizer='sgd') and change only "
            "the learning rate."
        ),
        when=_differs("optimizer", "sgd"),
    ),
    Mistake(
        N_(
            "that run used {name}={used!r}; the exercise asks for one hidden layer: "
            "pass hidden_layers=1."
        ),
        when=_differs("hidden_layers", 1),
    ),
    Mistake(
        N_("that run used {name}={used!r}; the exercise asks for 16 units: pass units=16."),
        when=_differs("units", 16),
    ),
    Mistake(
        N_(
            "that run used {name}={used!r}; the exercise asks for relu units: "
            "pass activation='relu'."
        ),
        when=_differs("activation", "relu"),
    ),
    Mistake(
        N_(
            "that run used {name}={used!r}; the exercise asks for batches of 16: "
            "pass batch_size=16."
        ),
        when=_differs("batch_size", 16),
    ),
]

q2 = ValueExercise(
    answer=Arg("sgd_run", read=_run_result),
    rules=[
        *SGD_SETUP,
        Mistake(
            N_("{epochs} epochs is more than 30: a better rate needs fewer (epochs=30)."),
            when=lambda run: run.settings.epochs > 30 and {"epochs": run.settings.epochs},
        ),
        *FINISHED,
        Mistake(
            N_(
                "validation accuracy {accuracy:.2f} is below 0.9 after {epochs} epochs: "
                "learning rate {rate:g} is too small or too large. "
                "Try the other powers of 10 between 0.001 and 100."
            ),
            when=_accuracy_below(0.9),
        ),
    ],
    hint=N_("Learning rate 100 diverged, 0.001 crawled. Try the powers of 10 in between."),
    solution="sgd_run = pg.train(dataset='iris', hidden_layers=1, units=16, activation='relu', "
    "optimizer='sgd', learning_rate=0.1, epochs=30, batch_size=16)",
    success=N_("between too timid and too wild, plain SGD learns iris in 30 epochs."),
)

#: The names of exercise 3's list, each with the other ways a learner may write it.
NAMES = Words(
    {
        "learning_rate": ("lr", "학습률"),
        "epochs": ("epoch", "에포크", "에폭", "에포크 수", "에포크 횟수", "에폭 수"),
        "batch_size": ("배치 크기", "배치 사이즈"),
        "units": ("unit", "neurons", "유닛", "노드", "뉴런", "유닛 수", "유닛 개수", "노드 수",
                  "뉴런 수"),
        "hidden_layers": ("hidden layer", "은닉층", "은닉층 수", "은닉층 개수", "은닉층의 수",
                          "은닉층의 개수", "은닉 레이어", "은닉 레이어 수"),
        "kernel": ("kernels", "weights", "weight", "커널", "가중치"),
        "bias": ("biases", "편향", "바이어스"),
    },
    whole=True,
)  # fmt: skip
#: The settings you choose before training, and the parameters training finds.
CHOSEN = {"learning_rate", "epochs", "batch_size", "units", "hidden_layers"}
LEARNED = {"kernel", "bias"}


def _names(value, name: str) -> list:
    """The learner's names as a list: a text is split at its commas."""
    if isinstance(value, str):
        return value.split(",")
    try:
        return list(value)
    except TypeError:
        raise WrongAnswer(
            _("give a list of names, such as ['epochs', ...]; you gave a {kind}.").format(
                kind=type(value).__name__
            )
        ) from None


def _unknown(given: list) -> dict | None:
    unknown = [word for word in given if NAMES.read(word) is None]
    return {"unknown": unknown[:3], "names": sorted(NAMES.names)} if unknown else None


def _learned(given: list) -> dict | None:
    learned = sorted({NAMES.read(word) for word in given} & LEARNED)
    return {"learned": learned} if learned else None


def _missing(given: list) -> dict | None:
    missing = sorted(CHOSEN - {NAMES.read(word) for word in given})
    return {"missing": missing} if missing else None


q3 = ValueExercise(
    answer=Arg("hyperparameters", read=_names),
    rules=[
        Mistake(
            N_("{unknown!r:.80} is not one of the names listed: pick from {names}."),
            when=_unknown,
        ),
        Mistake(
            N_(
                "{learned}: training finds those, so they are parameters (weights), "
                "not hyperparameters."
            ),
            when=_learned,
        ),
        Mistake(N_("you left out {missing}: you choose that before training, too."), when=_missing),
    ],
    hint=N_(
        "A hyperparameter is set by you before training starts; a parameter is a number "
        "that training itself adjusts."
    ),
    solution="hyperparameters = ['learning_rate', 'epochs', 'batch_size', 'units', "
    "'hidden_layers']",
    success=N_("you choose those; training finds the kernels and biases."),
)
