"""Exercises for notebook 08: the playground capstone.

The checkers read a run through the playground's public ``RunResult``
(``settings``, ``status``, ``final``), never through Keras internals.
"""

from __future__ import annotations

from helpers.exercises import Exercise, NotAnswered, WrongAnswer


def _run_result(run, name: str):
    from helpers.playground import RunResult

    if run is None:
        raise NotAnswered("replace None with your answer, run that cell, then check again.")
    if isinstance(run, RunResult):
        return run
    if hasattr(run, "runs") and hasattr(run, "train"):
        raise WrongAnswer(
            f"{name} is the playground itself; keep what pg.train(...) returns: "
            f"{name} = pg.train(...)."
        )
    raise WrongAnswer(
        f"{name} should be the run that pg.train(...) returns; you gave a {type(run).__name__}."
    )


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
            "find a smaller network that still solves XOR."
        )
    if run.status != "finished":
        raise WrongAnswer(f"the run did not finish: {run.message}.")
    accuracy = run.final.get("val_accuracy")
    if accuracy is None:
        raise WrongAnswer("the run has no validation accuracy: keep the playground's validation.")
    if accuracy < 0.95:
        raise WrongAnswer(
            f"validation accuracy {accuracy:.2f} is below 0.95. Tiny networks are fragile: "
            "try another activation (tanh or relu), a different number of units, or more epochs."
        )


def _check_repaired_rate(sgd_run) -> None:
    run = _run_result(sgd_run, "sgd_run")
    settings = run.settings
    if settings.dataset != "iris":
        raise WrongAnswer(f"that run trained on {settings.dataset!r}; this one is about iris.")
    if settings.optimizer != "sgd":
        raise WrongAnswer(
            f"that run used {settings.optimizer!r}; keep plain SGD (optimizer='sgd') and "
            "change only the learning rate."
        )
    if settings.epochs > 30:
        raise WrongAnswer(f"{settings.epochs} epochs is more than 30: a better rate needs fewer.")
    if run.status == "diverged":
        raise WrongAnswer(
            f"learning rate {settings.learning_rate:g} still diverges: go down by factors of 10."
        )
    if run.status != "finished":
        raise WrongAnswer(f"the run did not finish: {run.message}.")
    accuracy = run.final.get("val_accuracy", 0.0)
    if accuracy < 0.9:
        raise WrongAnswer(
            f"validation accuracy {accuracy:.2f} is below 0.9 after {settings.epochs} epochs: "
            f"learning rate {settings.learning_rate:g} is probably too small now."
        )


_SETTINGS_YOU_CHOOSE = {"learning_rate", "epochs", "batch_size", "units", "hidden_layers"}
_LEARNED = {"kernel", "bias"}


def _check_hyperparameters(hyperparameters) -> None:
    if hyperparameters is None:
        raise NotAnswered("replace None with your answer, run that cell, then check again.")
    if isinstance(hyperparameters, str):
        hyperparameters = [hyperparameters]
    try:
        chosen = {str(name).strip().lower() for name in hyperparameters}
    except TypeError:
        raise WrongAnswer(
            "give a list of names, such as ['epochs', ...]; you gave a "
            f"{type(hyperparameters).__name__}."
        ) from None
    unknown = chosen - _SETTINGS_YOU_CHOOSE - _LEARNED
    if unknown:
        raise WrongAnswer(
            f"{sorted(unknown)} is not one of the names listed: pick from "
            f"{sorted(_SETTINGS_YOU_CHOOSE | _LEARNED)}."
        )
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
