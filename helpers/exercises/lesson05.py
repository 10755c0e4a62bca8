"""Exercises for notebook 03: fit, epochs, batch size and History.

Exercises 1 (steps per epoch) and 3 (the accuracy of epoch 10) are numbers
compared with the value they should have, with their known mistakes (each a
ValueExercise); exercise 2 is a Prediction: which of two runs, one epoch of
small batches or ten epochs of the whole table, ends with the lower loss.
A Keras ``History`` is read through its public attributes: ``history.history``
(one value per epoch) and ``history.params`` (the ``epochs`` and ``steps``
that ``fit`` ran).
"""

from __future__ import annotations

import math

from helpers.exercises import WrongAnswer, as_number
from helpers.exercises.types import Arg, Mistake, ValueExercise, same
from helpers.exercises.words import Prediction, Words
from helpers.i18n import N_, _

# Exercise 1: steps in one epoch
Q1_SAMPLES, Q1_BATCH = 298, 32
Q1_STEPS = math.ceil(Q1_SAMPLES / Q1_BATCH)


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


# Exercise 2: one epoch of small batches against ten epochs of the whole table
Q2_SAMPLES = 569
Q2_RUNS = {"history_a": (1, 8), "history_b": (10, Q2_SAMPLES)}  # name -> (epochs, batch size)
Q2_SAME = 0.1  # last losses within 10% of each other count as the same


def _steps_run(history):
    """The steps per epoch that fit recorded (None for a History that fit never filled)."""
    return (history.params or {}).get("steps")


def _updates(history) -> int:
    return _epochs(history) * (_steps_run(history) or 0)


def _run(history, name: str):
    """One of exercise 2's two runs, as the cell that checks it trains it (else a message)."""
    history = _as_history(history, name)
    epochs, batch = Q2_RUNS[name]
    steps = math.ceil(Q2_SAMPLES / batch)
    if (_epochs(history), _steps_run(history)) != (epochs, steps):
        raise WrongAnswer(
            _(
                "{name} should be the History of fit(x, y, epochs={epochs}, batch_size={batch}), "
                "which runs {steps} steps per epoch; it records epochs={got_epochs} of "
                "{got_steps} steps each. Run the cell that checks it as it was given."
            ).format(
                name=name,
                epochs=epochs,
                batch=batch,
                steps=steps,
                got_epochs=_epochs(history),
                got_steps=_steps_run(history),
            )
        )
    return history


def _lower_loss(history_a, history_b):
    """Which run ended with the lower loss ("same" when they are close), and the numbers."""
    a, b = history_a.history["loss"][-1], history_b.history["loss"][-1]
    said = {"a": a, "b": b, "updates_a": _updates(history_a), "updates_b": _updates(history_b)}
    if abs(a - b) <= Q2_SAME * max(abs(a), abs(b)):
        return "same", said
    return ("A" if a < b else "B"), said


UPDATES_COUNT = N_(
    "Epochs are not what counts: every update moves the weights once, whatever the batch "
    "size, and A made far more updates."
)

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

q2 = Prediction(
    answer="prediction",
    inputs=[Arg("history_a", read=_run), Arg("history_b", read=_run)],
    outcomes=Words(
        {
            "A": ("a", "model a", "run a", "모델 a", "a 모델"),
            "B": ("b", "model b", "run b", "모델 b", "b 모델"),
            "same": ("same", "equal", "tie", "같다", "같음", "같습니다", "비슷", "비슷함", "동일"),
        },
        whole=True,
    ),
    observe=_lower_loss,
    happened={
        "A": N_(
            "A ended at a loss of {a:.2f}, B at {b:.2f}: A's one epoch made {updates_a} "
            "updates, B's ten epochs only {updates_b}."
        ),
        "B": N_(
            "B ended at a loss of {b:.2f}, A at {a:.2f}: B's ten epochs made {updates_b} "
            "updates, A's one epoch {updates_a}."
        ),
        "same": N_(
            "A and B ended at about the same loss, {a:.2f} and {b:.2f}, after {updates_a} "
            "and {updates_b} updates."
        ),
    },
    why={("B", "A"): UPDATES_COUNT, ("same", "A"): UPDATES_COUNT},
    hint=N_(
        "Count the weight updates of each run: steps per epoch, ceil(569 / batch size), "
        "times the epochs. Which moves the weights more often?"
    ),
    solution=N_('prediction = "A"  # 72 updates in one epoch, against 10 in ten epochs'),
    success=N_("A made 72 updates in its one epoch, B only 10 in ten: updates, not epochs, count."),
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
