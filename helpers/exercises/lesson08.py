"""Exercises for notebook 08: the playground capstone.

The checkers read a run through the playground's public ``RunResult``
(``settings``, ``status``, ``history``), never through Keras internals.
"""

from __future__ import annotations

import math

from helpers.exercises import Exercise, WrongAnswer


def _run_result(run, name: str):
    from helpers.playground import RunResult

    if isinstance(run, RunResult):
        return run
    if hasattr(run, "runs") and hasattr(run, "train"):
        raise WrongAnswer(
            f"{name} is the playground itself; keep what pg.train(...) returns: "
            f"{name} = pg.train(...)."
        )
    if isinstance(run, list | tuple) and any(isinstance(item, RunResult) for item in run):
        raise WrongAnswer(
            f"{name} is a list of runs; keep one run, such as the last one: {name} = pg.runs[-1]."
        )
    raise WrongAnswer(
        f"{name} should be the run that pg.train(...) returns; you gave a {type(run).__name__}."
    )


def _final_accuracy(run) -> float:
    """The validation accuracy at the end of a finished run (NaN if there is none)."""
    if run.status == "diverged":
        raise WrongAnswer(
            f"learning rate {run.settings.learning_rate:g} still diverges: "
            "go down by factors of 10."
        )
    if run.status != "finished":
        raise WrongAnswer(f"the run did not finish: {run.message}.")
    return (run.history.get("val_accuracy") or [math.nan])[-1]


def _check_small_xor(xor_run) -> None:
    run = _run_result(xor_run, "xor_run")
    settings = run.settings
    if settings.dataset != "xor":
        raise WrongAnswer(f"that run trained on {settings.dataset!r}; pass dataset='xor'.")
    if settings.hidden_layers == 0:
        raise WrongAnswer(
            "with no hidden layer the model draws one straight line, and no line separates "
            "XOR's classes: add a hidden layer."
        )
    if settings.units > 4:
        raise WrongAnswer(
            f"{settings.units} units per hidden layer is more than the 4 allowed: "
            "find a smaller network that still solves XOR (pass units=4 or fewer)."
        )
    accuracy = _final_accuracy(run)
    if not accuracy >= 0.95:  # also refuses NaN
        raise WrongAnswer(
            f"validation accuracy {accuracy:.2f} is below 0.95. Tiny networks are fragile: try "
            "another activation (tanh or relu), a different number of units, or more epochs."
        )


# What the exercise fixes, besides the learning rate: name, value, how to say it.
_SGD_SETUP = {
    "dataset": ("iris", "this exercise is about iris: pass dataset='iris'"),
    "optimizer": ("sgd", "keep plain SGD (optimizer='sgd') and change only the learning rate"),
    "hidden_layers": (1, "the exercise asks for one hidden layer: pass hidden_layers=1"),
    "units": (16, "the exercise asks for 16 units: pass units=16"),
    "activation": ("relu", "the exercise asks for relu units: pass activation='relu'"),
    "batch_size": (16, "the exercise asks for batches of 16: pass batch_size=16"),
}


def _check_repaired_rate(sgd_run) -> None:
    run = _run_result(sgd_run, "sgd_run")
    settings = run.settings
    for name, (wanted, fix) in _SGD_SETUP.items():
        used = getattr(settings, name)
        if used != wanted:
            raise WrongAnswer(f"that run used {name}={used!r}; {fix}.")
    if settings.epochs > 30:
        raise WrongAnswer(
            f"{settings.epochs} epochs is more than 30: a better rate needs fewer (epochs=30)."
        )
    accuracy = _final_accuracy(run)
    if not accuracy >= 0.9:  # also refuses NaN
        raise WrongAnswer(
            f"validation accuracy {accuracy:.2f} is below 0.9 after {settings.epochs} epochs: "
            f"learning rate {settings.learning_rate:g} is too small or too large. "
            "Try the other powers of 10 between 0.001 and 100."
        )


# Each name of the list, with the other ways a learner may write it (English and Korean),
# compared without case, spaces, hyphens and underscores.
_NAMES = {
    "learning_rate": ("learningrate", "lr", "학습률"),
    "epochs": ("epochs", "epoch", "에포크", "에폭"),
    "batch_size": ("batchsize", "배치크기"),
    "units": ("units", "unit", "neurons", "유닛", "노드", "뉴런"),
    "hidden_layers": ("hiddenlayers", "hiddenlayer", "은닉층", "은닉층수", "은닉층개수"),
    "kernel": ("kernel", "kernels", "weights", "weight", "커널", "가중치"),
    "bias": ("bias", "biases", "편향"),
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
            "give a list of names, such as ['epochs', ...]; you gave a "
            f"{type(hyperparameters).__name__}."
        ) from None
    unknown = [word for word in given if _name_of(word) is None]
    if unknown:
        raise WrongAnswer(
            f"{unknown[:3]!r:.80} is not one of the names listed: pick from "
            f"{sorted(_SETTINGS_YOU_CHOOSE | _LEARNED)}."
        )
    chosen = {_name_of(word) for word in given}
    learned = chosen & _LEARNED
    if learned:
        raise WrongAnswer(
            f"{sorted(learned)}: training finds those, so they are parameters (weights), "
            "not hyperparameters."
        )
    missing = _SETTINGS_YOU_CHOOSE - chosen
    if missing:
        raise WrongAnswer(f"you left out {sorted(missing)}: you choose that before training, too.")


q1 = Exercise(
    check=_check_small_xor,
    hint="pg.train(dataset='xor', hidden_layers=1, units=4, ...) returns the run; "
    "if it gets stuck, change the activation or the units and try again.",
    solution="xor_run = pg.train(dataset='xor', hidden_layers=1, units=4, activation='tanh', "
    "optimizer='adam', learning_rate=0.01, epochs=40, batch_size=16)",
    success="a handful of units is enough, once there is a hidden layer.",
)

q2 = Exercise(
    check=_check_repaired_rate,
    hint="Learning rate 100 diverged, 0.001 crawled. Try the powers of 10 in between.",
    solution="sgd_run = pg.train(dataset='iris', hidden_layers=1, units=16, activation='relu', "
    "optimizer='sgd', learning_rate=0.1, epochs=30, batch_size=16)",
    success="between too timid and too wild, plain SGD learns iris in 30 epochs.",
)

q3 = Exercise(
    check=_check_hyperparameters,
    hint="A hyperparameter is set by you before training starts; a parameter is a number "
    "that training itself adjusts.",
    solution="hyperparameters = ['learning_rate', 'epochs', 'batch_size', 'units', "
    "'hidden_layers']",
    success="you choose those; training finds the kernels and biases.",
)
