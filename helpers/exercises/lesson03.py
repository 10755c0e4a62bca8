"""Exercises for notebook 03: fit, epochs, batch size and History.

The checkers read a Keras ``History`` through its public attributes:
``history.history`` (one value per epoch) and ``history.params`` (the
``epochs`` and ``steps`` that ``fit`` ran).
"""

from __future__ import annotations

import math

from helpers.exercises import Exercise, WrongAnswer, as_number

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
            f"you gave {steps_per_epoch:g}: a number of steps is whole. Round "
            f"{Q1_SAMPLES} / {Q1_BATCH} up, because the last, smaller batch is a step too."
        )
    if steps_per_epoch == Q1_SAMPLES // Q1_BATCH:
        raise WrongAnswer(
            f"you gave {steps_per_epoch:g}, which leaves out the last batch of {last} samples; "
            "Keras trains on it too, so round up (math.ceil)."
        )
    raise WrongAnswer(
        f"you gave {steps_per_epoch:g}. One step trains on one batch of {Q1_BATCH} samples: "
        f"how many batches does it take to cover {Q1_SAMPLES} samples?"
    )


def _as_history(history, name: str):
    import keras

    if not isinstance(history, keras.callbacks.History):
        raise WrongAnswer(
            f"{name} should be the History that model.fit(...) returns: "
            f"{name} = model.fit(...); you gave a {type(history).__name__}."
        )
    if not history.history:
        raise WrongAnswer(f"{name} is empty: did fit run for at least one epoch?")
    return history


def _check_fit(history_q2, make_model=None, x=None, y=None) -> None:
    history = _as_history(history_q2, "history_q2")
    epochs = len(history.history.get("loss", []))
    if epochs != Q2_EPOCHS:
        raise WrongAnswer(
            f"history_q2 records {epochs} epochs; the exercise asks for epochs={Q2_EPOCHS}."
        )
    steps = history.params.get("steps")
    wanted = math.ceil(Q2_SAMPLES / Q2_BATCH)
    if steps != wanted:
        raise WrongAnswer(
            f"each epoch took {steps} steps; batch_size={Q2_BATCH} on all {Q2_SAMPLES} samples "
            f"takes ceil({Q2_SAMPLES} / {Q2_BATCH}) = {wanted}. Check batch_size, and train "
            "on x and y."
        )
    if "accuracy" not in history.history:
        raise WrongAnswer(
            "history_q2 has no 'accuracy': train a model from make_model(), which is "
            "compiled with metrics=['accuracy']."
        )
    if make_model is not None:
        _check_batch_size(history, make_model, x, y)


def _check_batch_size(history, make_model, x, y) -> None:
    """Steps alone allow batch sizes 64 to 71: one epoch of the same seeded fit pins it."""
    first = make_model().fit(x, y, epochs=1, batch_size=Q2_BATCH, verbose=0)
    if not math.isclose(history.history["loss"][0], first.history["loss"][0], rel_tol=1e-6):
        raise WrongAnswer(
            f"{Q2_EPOCHS} epochs of {math.ceil(Q2_SAMPLES / Q2_BATCH)} steps, but the first "
            f"epoch's loss is not that of a fresh make_model() trained with batch_size={Q2_BATCH}: "
            f"any batch size from 64 to 71 takes 9 steps. Use batch_size={Q2_BATCH}, a new "
            "make_model(), x and y, and no other options."
        )


Q3_EPOCH = 10  # counted from 1, as fit prints it


def _check_epoch_accuracy(accuracy_epoch_10, history) -> None:
    history = _as_history(history, "history")
    accuracy = history.history.get("accuracy")
    if accuracy is None:
        raise WrongAnswer(
            "history has no 'accuracy': pass the History of the 30-epoch run, whose model "
            "was compiled with metrics=['accuracy'], as the second argument."
        )
    if len(accuracy) < Q3_EPOCH + 1:
        raise WrongAnswer(
            f"history has only {len(accuracy)} epochs: pass the 30-epoch run as the "
            "second argument."
        )
    if isinstance(accuracy_epoch_10, (list, tuple)):
        raise WrongAnswer(
            f"that is a list of {len(accuracy_epoch_10)} values, one per epoch; "
            "pick one of them with [...]."
        )
    value = as_number(accuracy_epoch_10, "accuracy_epoch_10")

    def same(other: float) -> bool:
        return math.isclose(value, other, abs_tol=5e-5)

    if same(accuracy[Q3_EPOCH - 1]):
        return
    if same(accuracy[Q3_EPOCH]):
        raise WrongAnswer(
            f"{value:.4f} is the accuracy after epoch {Q3_EPOCH + 1}: Python lists count "
            f"from 0, so epoch {Q3_EPOCH} is at index {Q3_EPOCH - 1}."
        )
    if same(accuracy[-1]):
        raise WrongAnswer(f"{value:.4f} is the accuracy after the last epoch, not epoch 10.")
    if same(history.history.get("loss", [math.nan] * Q3_EPOCH)[Q3_EPOCH - 1]):
        raise WrongAnswer(
            f"{value:.4f} is the loss after epoch 10; the exercise asks for the accuracy."
        )
    raise WrongAnswer(
        f"{value:.4f} is not the accuracy after epoch 10: look up the 'accuracy' key "
        "of history.history and pick the right index."
    )


q1 = Exercise(
    check=_check_steps,
    hint="Divide the number of samples by the batch size and round up: "
    "a last, smaller batch is still one step.",
    solution="steps_per_epoch = math.ceil(298 / 32)  # 10: nine batches of 32, one of 10",
    success="9 full batches of 32 and a last one of 10: 10 steps per epoch.",
)

q2 = Exercise(
    check=_check_fit,
    hint="fit returns the History: history_q2 = make_model().fit(x, y, epochs=..., "
    "batch_size=..., verbose=0)",
    solution="history_q2 = make_model().fit(x, y, epochs=15, batch_size=64, verbose=0)",
    success="15 epochs of ceil(569 / 64) = 9 steps each: 135 weight updates.",
)

q3 = Exercise(
    check=_check_epoch_accuracy,
    hint="history.history['accuracy'] lists one value per epoch, starting with epoch 1 at index 0.",
    solution='accuracy_epoch_10 = history.history["accuracy"][9]  # epoch 10 is index 9',
    success="epoch 10 sits at index 9: fit counts epochs from 1, Python lists from 0.",
)
