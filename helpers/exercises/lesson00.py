"""Exercises for notebook 00: data as tensors."""

from __future__ import annotations

import numpy as np

from helpers.exercises import Exercise, WrongAnswer


def _as_array(answer, what: str) -> np.ndarray:
    if not hasattr(answer, "shape") or not hasattr(answer, "dtype"):
        raise WrongAnswer(f"{what} should be a NumPy array; you gave a {type(answer).__name__}.")
    return np.asarray(answer)


def _check_flat_images(x_flat) -> None:
    x = _as_array(x_flat, "x_flat")
    if x.ndim != 2:
        raise WrongAnswer(
            f"x_flat has rank {x.ndim} (shape {x.shape}); Dense layers need rank 2: "
            "(samples, features)."
        )
    if x.shape[1] != 28 * 28:
        raise WrongAnswer(
            f"each sample has {x.shape[1]} features; a flattened 28 x 28 image has 784."
        )
    if not np.issubdtype(x.dtype, np.floating):
        raise WrongAnswer(
            f"x_flat has dtype {x.dtype}; dividing by 255 should give floats: "
            "convert with .astype('float32') first."
        )
    if x.max() > 1.0 or x.min() < 0.0:
        raise WrongAnswer(
            f"the values run from {x.min():g} to {x.max():g}; divide by 255 so they lie in [0, 1]."
        )
    if x.max() < 0.5:
        raise WrongAnswer(
            f"the largest value is {x.max():g}; divided by 255 once, the brightest pixels are "
            "close to 1. Did you divide twice?"
        )


def _check_one_hot(y_one_hot) -> None:
    y = _as_array(y_one_hot, "y_one_hot")
    if y.ndim != 2:
        raise WrongAnswer(
            f"y_one_hot has shape {y.shape}; one-hot labels are a matrix (samples, classes). "
            "Use keras.utils.to_categorical."
        )
    if y.shape[1] != 10:
        raise WrongAnswer(f"y_one_hot has {y.shape[1]} columns; digits 0-9 need 10.")
    if not np.all((y == 0) | (y == 1)) or not np.all(y.sum(axis=1) == 1):
        raise WrongAnswer("every row of a one-hot label holds exactly one 1 and zeros elsewhere.")


q1 = Exercise(
    check=_check_flat_images,
    hint="reshape(len(images), 28 * 28) turns each image into a row; then "
    "astype('float32') and divide by 255.",
    solution="x_flat = images.reshape(len(images), 28 * 28).astype('float32') / 255",
    success="5,000 rows of 784 numbers between 0 and 1: ready for a Dense layer.",
)

q2 = Exercise(
    check=_check_one_hot,
    hint="keras.utils.to_categorical(labels, num_classes=10) does it in one call.",
    solution="y_one_hot = keras.utils.to_categorical(labels, num_classes=10)",
    success="one column per digit, a single 1 in each row.",
)
