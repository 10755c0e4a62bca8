"""Exercises for notebook 08: the playground capstone.

The checkers read a run through the playground's public ``RunResult``
(``settings``, ``status``, ``history``), never through Keras internals.
"""

from __future__ import annotations

import math

from helpers.exercises import Exercise, WrongAnswer
from helpers.i18n import N_, _


def _run_result(run, name: str):
    from helpers.playground import RunResult

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


def _final_accuracy(run) -> float:
    """The validation accuracy at the end of a finished run (NaN if there is none)."""
    if run.status == "diverged":
        raise WrongAnswer(
            _("learning rate {rate:g} still diverges: go down by factors of 10.").format(
                rate=run.settings.learning_rate
            )
        )
    if run.status != "finished":
        raise WrongAnswer(_("the run did not finish: {message}.").format(message=run.message))
    return (run.history.get("val_accuracy") or [math.nan])[-1]


def _check_small_xor(xor_run) -> None:
    run = _run_result(xor_run, "xor_run")
    settings = run.settings
    if settings.dataset != "xor":
        raise WrongAnswer(
            _("that run trained on {dataset!r}; pass dataset='xor'.").format(
                dataset=settings.dataset
            )
        )
    if settings.hidden_layers == 0:
        raise WrongAnswer(
            _(
                "with no hidden layer the model draws one straight line, and no line separates "
                "XOR's classes: add a hidden layer."
            )
        )
    if settings.units > 4:
        raise WrongAnswer(
            _(
                "{units} units per hidden layer is more than the 4 allowed: "
                "find a smaller network that still solves XOR (pass units=4 or fewer)."
            ).format(units=settings.units)
        )
    accuracy = _final_accuracy(run)
    if not accuracy >= 0.95:  # also refuses NaN
        raise WrongAnswer(
            _(
                "validation accuracy {accuracy:.2f} is below 0.95. Tiny networks are fragile: "
                "try another activation (tanh or relu), a different number of units, or more "
                "epochs."
            ).format(accuracy=accuracy)
        )


# What the exercise fixes, besides the learning rate: name, value, the whole message.
_SGD_SETUP = {
    "dataset": (
        "iris",
        N_("that run used {name}={used!r}; this exercise is about iris: pass dataset='iris'."),
    ),
    "optimizer": (
        "sgd",
        N_(
            "that run used {name}={used!r}; keep plain SGD (optimizer='sgd') and change only "
            "the learning rate."
        ),
    ),
    "hidden_layers": (
        1,
        N_(
            "that run used {name}={used!r}; the exercise asks for one hidden layer: "
            "pass hidden_layers=1."
        ),
    ),
    "units": (
        16,
        N_("that run used {name}={used!r}; the exercise asks for 16 units: pass units=16."),
    ),
    "activation": (
        "relu",
        N_(
            "that run used {name}={used!r}; the exercise asks for relu units: "
            "pass activation='relu'."
        ),
    ),
    "batch_size": (
        16,
        N_(
            "that run used {name}={used!r}; the exercise asks for batches of 16: "
            "pass batch_size=16."
        ),
    ),
}


def _check_repaired_rate(sgd_run) -> None:
    run = _run_result(sgd_run, "sgd_run")
    settings = run.settings
    for name, (wanted, message) in _SGD_SETUP.items():
        used = getattr(settings, name)
        if used != wanted:
            raise WrongAnswer(_(message).format(name=name, used=used))
    if settings.epochs > 30:
        raise WrongAnswer(
            _("{epochs} epochs is more than 30: a better rate needs fewer (epochs=30).").format(
                epochs=settings.epochs
            )
        )
    accuracy = _final_accuracy(run)
    if not accuracy >= 0.9:  # also refuses NaN
        raise WrongAnswer(
            _(
                "validation accuracy {accuracy:.2f} is below 0.9 after {epochs} epochs: "
                "learning rate {rate:g} is too small or too large. "
                "Try the other powers of 10 between 0.001 and 100."
            ).format(accuracy=accuracy, epochs=settings.epochs, rate=settings.learning_rate)
        )


# Each name of the list, with the other ways a learner may write it (English and Korean),
# compared without case, spaces, hyphens and underscores.
_NAMES = {
    "learning_rate": ("learningrate", "lr", "학습률"),
    "epochs": ("epochs", "epoch", "에포크", "에폭", "에포크수", "에포크횟수", "에폭수"),
    "batch_size": ("batchsize", "배치크기", "배치사이즈"),
    "units": (
        "units",
        "unit",
        "neurons",
        "유닛",
        "노드",
        "뉴런",
        "유닛수",
        "유닛개수",
        "노드수",
        "뉴런수",
    ),
    "hidden_layers": (
        "hiddenlayers",
        "hiddenlayer",
        "은닉층",
        "은닉층수",
        "은닉층개수",
        "은닉층의수",
        "은닉층의개수",
        "은닉레이어",
        "은닉레이어수",
    ),
    "kernel": ("kernel", "kernels", "weights", "weight", "커널", "가중치"),
    "bias": ("bias", "biases", "편향", "바이어스"),
}
_ALIASES = {alias: name for name, aliases in _NAMES.items() for alias in aliases}
_SETTINGS_YOU_CHOOSE = {"learning_rate", "epochs", "batch_size", "units", "hidden_layers"}
_LEARNED = {"kernel", "bias"}


def _name_of(word) -> str | None:
    key = "".join(str(word).lower().split()).replace("_", "").replace("-", "")
    return _ALIASES.get(key)


def _check_hyperparameters(hyperparameters) -> None:
    if isinstance(hyperparameters, str):
        hyperparameters = hyperparameters.split(",")
    try:
        given = list(hyperparameters)
    except TypeError:
        raise WrongAnswer(
            _("give a list of names, such as ['epochs', ...]; you gave a {kind}.").format(
                kind=type(hyperparameters).__name__
            )
        ) from None
    unknown = [word for word in given if _name_of(word) is None]
    if unknown:
        raise WrongAnswer(
            _("{unknown!r:.80} is not one of the names listed: pick from {names}.").format(
                unknown=unknown[:3], names=sorted(_SETTINGS_YOU_CHOOSE | _LEARNED)
            )
        )
    chosen = {_name_of(word) for word in given}
    learned = chosen & _LEARNED
    if learned:
        raise WrongAnswer(
            _(
                "{learned}: training finds those, so they are parameters (weights), "
                "not hyperparameters."
            ).format(learned=sorted(learned))
        )
    missing = _SETTINGS_YOU_CHOOSE - chosen
    if missing:
        raise WrongAnswer(
            _("you left out {missing}: you choose that before training, too.").format(
                missing=sorted(missing)
            )
        )


q1 = Exercise(
    check=_check_small_xor,
    hint=N_(
        "pg.train(dataset='xor', hidden_layers=1, units=4, ...) returns the run; "
        "if it gets stuck, change the activation or the units and try again."
    ),
    solution="xor_run = pg.train(dataset='xor', hidden_layers=1, units=4, activation='tanh', "
    "optimizer='adam', learning_rate=0.01, epochs=40, batch_size=16)",
    success=N_("a handful of units is enough, once there is a hidden layer."),
)

q2 = Exercise(
    check=_check_repaired_rate,
    hint=N_("Learning rate 100 diverged, 0.001 crawled. Try the powers of 10 in between."),
    solution="sgd_run = pg.train(dataset='iris', hidden_layers=1, units=16, activation='relu', "
    "optimizer='sgd', learning_rate=0.1, epochs=30, batch_size=16)",
    success=N_("between too timid and too wild, plain SGD learns iris in 30 epochs."),
)

q3 = Exercise(
    check=_check_hyperparameters,
    hint=N_(
        "A hyperparameter is set by you before training starts; a parameter is a number "
        "that training itself adjusts."
    ),
    solution="hyperparameters = ['learning_rate', 'epochs', 'batch_size', 'units', "
    "'hidden_layers']",
    success=N_("you choose those; training finds the kernels and biases."),
)
