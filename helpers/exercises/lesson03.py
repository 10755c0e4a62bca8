"""Exercises for notebook 03: fit, epochs, batch size and History.

The checkers read a Keras ``History`` through its public attributes:
``history.history`` (one value per epoch) and ``history.params`` (the
``epochs`` and ``steps`` that ``fit`` ran).
"""

from __future__ import annotations

import math

from helpers.exercises import Exercise, WrongAnswer, as_number
from helpers.i18n import N_, _

# Exercise 1: steps in one epoch
Q1_SAMPLES, Q1_BATCH = 298, 32

# Exercise 2: the fit call
Q2_SAMPLES, Q2_EPOCHS, Q2_BATCH = 569, 15, 64


def _check_steps(steps_per_epoch) -> None:
    steps_per_epoch = as_number(steps_per_epoch, "steps_per_epoch")
    right = math.ceil(Q1_SAMPLES / Q1_BATCH)
    last = Q1_SAMPLES - (right - 1) * Q1_BATCH
    if steps_per_epoch == right:
        return
    if steps_per_epoch != int(steps_per_epoch):
        raise WrongAnswer(
            _(
                "you gave {steps:g}: a number of steps is whole. Round "
                "{samples} / {batch} up, because the last, smaller batch is a step too."
            ).format(steps=steps_per_epoch, samples=Q1_SAMPLES, batch=Q1_BATCH)
        )
    if steps_per_epoch == Q1_SAMPLES // Q1_BATCH:
        raise WrongAnswer(
            _(
                "you gave {steps:g}, which leaves out the last batch of {last} samples; "
                "Keras trains on it too, so round up (math.ceil)."
            ).format(steps=steps_per_epoch, last=last)
        )
    raise WrongAnswer(
        _(
            "you gave {steps:g}. One step trains on one batch of {batch} samples: "
            "how many batches does it take to cover {samples} samples?"
        ).format(steps=steps_per_epoch, batch=Q1_BATCH, samples=Q1_SAMPLES)
    )


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


def _check_fit(history_q2, make_model=None, x=None, y=None) -> None:
    history = _as_history(history_q2, "history_q2")
    epochs = len(history.history.get("loss", []))
    if epochs != Q2_EPOCHS:
        raise WrongAnswer(
            _("history_q2 records {epochs} epochs; the exercise asks for epochs={wanted}.").format(
                epochs=epochs, wanted=Q2_EPOCHS
            )
        )
    steps = history.params.get("steps")
    wanted = math.ceil(Q2_SAMPLES / Q2_BATCH)
    if steps != wanted:
        raise WrongAnswer(
            _(
                "each epoch took {steps} steps; batch_size={batch} on all {samples} samples "
                "takes ceil({samples} / {batch}) = {wanted}. Check batch_size, and train "
                "on x and y."
            ).format(steps=steps, batch=Q2_BATCH, samples=Q2_SAMPLES, wanted=wanted)
        )
    if "accuracy" not in history.history:
        raise WrongAnswer(
            _(
                "history_q2 has no 'accuracy': train a model from make_model(), which is "
                "compiled with metrics=['accuracy']."
            )
        )
    if make_model is not None:
        _check_batch_size(history, make_model, x, y)


def _check_batch_size(history, make_model, x, y) -> None:
    """Steps alone allow batch sizes 64 to 71: one epoch of the same seeded fit pins it."""
    first = make_model().fit(x, y, epochs=1, batch_size=Q2_BATCH, verbose=0)
    if not math.isclose(history.history["loss"][0], first.history["loss"][0], rel_tol=1e-6):
        raise WrongAnswer(
            _(
                "{epochs} epochs of {steps} steps, but the first epoch's loss is not that of "
                "a fresh make_model() trained with batch_size={batch}: any batch size from 64 "
                "to 71 takes 9 steps. Use batch_size={batch}, a new make_model(), x and y, "
                "and no other options."
            ).format(epochs=Q2_EPOCHS, steps=math.ceil(Q2_SAMPLES / Q2_BATCH), batch=Q2_BATCH)
        )


Q3_EPOCH = 10  # counted from 1, as fit prints it


def _check_epoch_accuracy(accuracy_epoch_10, history) -> None:
    history = _as_history(history, "history")
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
    if isinstance(accuracy_epoch_10, (list, tuple)):
        raise WrongAnswer(
            _(
                "that is a list of {count} values, one per epoch; pick one of them with [...]."
            ).format(count=len(accuracy_epoch_10))
        )
    value = as_number(accuracy_epoch_10, "accuracy_epoch_10")

    def same(other: float) -> bool:
        return math.isclose(value, other, abs_tol=5e-5)

    if same(accuracy[Q3_EPOCH - 1]):
        return
    if same(accuracy[Q3_EPOCH]):
        raise WrongAnswer(
            _(
                "{value:.4f} is the accuracy after epoch {next}: Python lists count "
                "from 0, so epoch {epoch} is at index {index}."
            ).format(value=value, next=Q3_EPOCH + 1, epoch=Q3_EPOCH, index=Q3_EPOCH - 1)
        )
    if same(accuracy[-1]):
        raise WrongAnswer(
            _("{value:.4f} is the accuracy after the last epoch, not epoch 10.").format(value=value)
        )
    if same(history.history.get("loss", [math.nan] * Q3_EPOCH)[Q3_EPOCH - 1]):
        raise WrongAnswer(
            _("{value:.4f} is the loss after epoch 10; the exercise asks for the accuracy.").format(
                value=value
            )
        )
    raise WrongAnswer(
        _(
            "{value:.4f} is not the accuracy after epoch 10: look up the 'accuracy' key "
            "of history.history and pick the right index."
        ).format(value=value)
    )


q1 = Exercise(
    check=_check_steps,
    hint=N_(
        "Divide the number of samples by the batch size and round up: "
        "a last, smaller batch is still one step."
    ),
    solution=N_("steps_per_epoch = math.ceil(298 / 32)  # 10: nine batches of 32, one of 10"),
    success=N_("9 full batches of 32 and a last one of 10: 10 steps per epoch."),
)

q2 = Exercise(
    check=_check_fit,
    hint=N_(
        "fit returns the History: history_q2 = make_model().fit(x, y, epochs=..., "
        "batch_size=..., verbose=0)"
    ),
    solution="history_q2 = make_model().fit(x, y, epochs=15, batch_size=64, verbose=0)",
    success=N_("15 epochs of ceil(569 / 64) = 9 steps each: 135 weight updates."),
)

q3 = Exercise(
    check=_check_epoch_accuracy,
    hint=N_(
        "history.history['accuracy'] lists one value per epoch, starting with epoch 1 at index 0."
    ),
    solution=N_('accuracy_epoch_10 = history.history["accuracy"][9]  # epoch 10 is index 9'),
    success=N_("epoch 10 sits at index 9: fit counts epochs from 1, Python lists from 0."),
)
