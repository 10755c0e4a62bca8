"""Exercises for notebook 03: fit, epochs, batch size and History.

Exercises 1 (steps per epoch) and 3 (the accuracy of epoch 10) are numbers
compared with the value they should have, with their known mistakes; exercise
2 (the History of a fit) is judged by rules alone. Each is a ValueExercise.
A Keras ``History`` is read through its public attributes:
``history.history`` (one value per epoch) and ``history.params`` (the
``epochs`` and ``steps`` that ``fit`` ran).
"""

from __future__ import annotations

import math

from helpers.exercises import WrongAnswer, as_number
from helpers.exercises.types import Arg, Mistake, ValueExercise, same
from helpers.i18n import N_, _

# Exercise 1: steps in one epoch
Q1_SAMPLES, Q1_BATCH = 298, 32
Q1_STEPS = math.ceil(Q1_SAMPLES / Q1_BATCH)

# Exercise 2: the fit call
Q2_SAMPLES, Q2_EPOCHS, Q2_BATCH = 569, 15, 64
Q2_STEPS = math.ceil(Q2_SAMPLES / Q2_BATCH)


def _steps(steps: float) -> dict:
    """What the messages of exercise 1 say besides the answer."""
    last = Q1_SAMPLES - (Q1_STEPS - 1) * Q1_BATCH
    return {"steps": steps, "samples": Q1_SAMPLES, "batch": Q1_BATCH, "last": last}


def _as_history(history, name: str):
    import keras

    if not isinstance(history, keras.callbacks.History):
        raise WrongAnswer(
            _(
                "{name} should be the History that model.fit(...) returns: "
                "{name} = model.fit(...); you gave a {kind}."
            ).format(name=name, kind=type(history).__name__)
        )
    if not history.history:
        raise WrongAnswer(
            _("{name} is empty: did fit run for at least one epoch?").format(name=name)
        )
    return history


def _epochs(history) -> int:
    return len(history.history.get("loss", []))


def _other_batch_size(history, make_model, x, y) -> bool:
    """Steps alone allow batch sizes 64 to 71: one epoch of the same seeded fit pins it."""
    if make_model is None:  # the check cell passed the History alone
        return False
    first = make_model().fit(x, y, epochs=1, batch_size=Q2_BATCH, verbose=0)
    return not math.isclose(history.history["loss"][0], first.history["loss"][0], rel_tol=1e-6)


#: What history_q2 must not be, in the order it is checked: it is right when none applies.
FIT_RULES = [
    Mistake(
        N_("history_q2 records {epochs} epochs; the exercise asks for epochs={wanted}."),
        when=lambda history, *data: (
            _epochs(history) != Q2_EPOCHS and {"epochs": _epochs(history), "wanted": Q2_EPOCHS}
        ),
    ),
    Mistake(
        N_(
            "each epoch took {steps} steps; batch_size={batch} on all {samples} samples "
            "takes ceil({samples} / {batch}) = {wanted}. Check batch_size, and train "
            "on x and y."
        ),
        when=lambda history, *data: (
            history.params.get("steps") != Q2_STEPS
            and {
                "steps": history.params.get("steps"),
                "batch": Q2_BATCH,
                "samples": Q2_SAMPLES,
                "wanted": Q2_STEPS,
            }
        ),
    ),
    Mistake(
        N_(
            "history_q2 has no 'accuracy': train a model from make_model(), which is "
            "compiled with metrics=['accuracy']."
        ),
        when=lambda history, *data: "accuracy" not in history.history,
    ),
    Mistake(
        N_(
            "{epochs} epochs of {steps} steps, but the first epoch's loss is not that of "
            "a fresh make_model() trained with batch_size={batch}: any batch size from 64 "
            "to 71 takes 9 steps. Use batch_size={batch}, a new make_model(), x and y, "
            "and no other options."
        ),
        when=lambda history, *data: (
            _other_batch_size(history, *data)
            and {"epochs": Q2_EPOCHS, "steps": Q2_STEPS, "batch": Q2_BATCH}
        ),
    ),
]

Q3_EPOCH = 10  # counted from 1, as fit prints it
Q3_ATOL = 5e-5  # the accuracy as fit prints it, to four decimals


def _long_run(history, name: str):
    """The History of notebook 03's 30-epoch run: it has the accuracy of epoch 10 and 11."""
    history = _as_history(history, name)
    accuracy = history.history.get("accuracy")
    if accuracy is None:
        raise WrongAnswer(
            _(
                "history has no 'accuracy': pass the History of the 30-epoch run, whose model "
                "was compiled with metrics=['accuracy'], as the second argument."
            )
        )
    if len(accuracy) < Q3_EPOCH + 1:
        raise WrongAnswer(
            _(
                "history has only {epochs} epochs: pass the 30-epoch run as the second argument."
            ).format(epochs=len(accuracy))
        )
    return history


def _one_accuracy(value, name: str) -> float:
    if isinstance(value, (list, tuple)):
        raise WrongAnswer(
            _(
                "that is a list of {count} values, one per epoch; pick one of them with [...]."
            ).format(count=len(value))
        )
    return as_number(value, name)


def _recorded(key: str, at: int, **said):
    """A Mistake test: the answer is history.history[key][at] (fills {value} and ``said``)."""

    def found(value: float, history) -> dict | bool:
        recorded = history.history.get(key, [])
        same_value = at < len(recorded) and same(value, recorded[at], atol=Q3_ATOL)
        return same_value and {"value": value, **said}

    return found


q1 = ValueExercise(
    answer=Arg("steps_per_epoch", read=as_number),
    rules=[
        Mistake(
            N_(
                "you gave {steps:g}: a number of steps is whole. Round "
                "{samples} / {batch} up, because the last, smaller batch is a step too."
            ),
            when=lambda steps: steps != int(steps) and _steps(steps),
        )
    ],
    expected=Q1_STEPS,
    mistakes=[
        Mistake(
            N_(
                "you gave {steps:g}, which leaves out the last batch of {last} samples; "
                "Keras trains on it too, so round up (math.ceil)."
            ),
            when=lambda steps: steps == Q1_SAMPLES // Q1_BATCH and _steps(steps),
        )
    ],
    otherwise=Mistake(
        N_(
            "you gave {steps:g}. One step trains on one batch of {batch} samples: "
            "how many batches does it take to cover {samples} samples?"
        ),
        when=_steps,
    ),
    hint=N_(
        "Divide the number of samples by the batch size and round up: "
        "a last, smaller batch is still one step."
    ),
    solution=N_("steps_per_epoch = math.ceil(298 / 32)  # 10: nine batches of 32, one of 10"),
    success=N_("9 full batches of 32 and a last one of 10: 10 steps per epoch."),
)

q2 = ValueExercise(
    answer=Arg("history_q2", read=_as_history),
    inputs=[Arg(name, default=lambda: None) for name in ("make_model", "x", "y")],
    rules=FIT_RULES,
    hint=N_(
        "fit returns the History: history_q2 = make_model().fit(x, y, epochs=..., "
        "batch_size=..., verbose=0)"
    ),
    solution="history_q2 = make_model().fit(x, y, epochs=15, batch_size=64, verbose=0)",
    success=N_("15 epochs of ceil(569 / 64) = 9 steps each: 135 weight updates."),
)

q3 = ValueExercise(
    answer=Arg("accuracy_epoch_10", read=_one_accuracy),
    inputs=[Arg("history", read=_long_run)],
    expected=lambda history: history.history["accuracy"][Q3_EPOCH - 1],
    atol=Q3_ATOL,
    mistakes=[
        Mistake(
            N_(
                "{value:.4f} is the accuracy after epoch {next}: Python lists count "
                "from 0, so epoch {epoch} is at index {index}."
            ),
            when=_recorded(
                "accuracy", Q3_EPOCH, next=Q3_EPOCH + 1, epoch=Q3_EPOCH, index=Q3_EPOCH - 1
            ),
        ),
        Mistake(
            N_("{value:.4f} is the accuracy after the last epoch, not epoch 10."),
            when=_recorded("accuracy", -1),
        ),
        Mistake(
            N_("{value:.4f} is the loss after epoch 10; the exercise asks for the accuracy."),
            when=_recorded("loss", Q3_EPOCH - 1),
        ),
    ],
    otherwise=Mistake(
        N_(
            "{value:.4f} is not the accuracy after epoch 10: look up the 'accuracy' key "
            "of history.history and pick the right index."
        ),
        when=lambda value, history: {"value": value},
    ),
    hint=N_(
        "history.history['accuracy'] lists one value per epoch, starting with epoch 1 at index 0."
    ),
    solution=N_('accuracy_epoch_10 = history.history["accuracy"][9]  # epoch 10 is index 9'),
    success=N_("epoch 10 sits at index 9: fit counts epochs from 1, Python lists from 0."),
)
