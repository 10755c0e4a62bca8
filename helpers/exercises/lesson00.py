"""Exercises for notebook 00: data as tensors.

Each checker compares the answer with what it should be made from: the
learner's ``images`` and ``labels`` when the check cell passes them, else the
bundled MNIST subset that notebook 00 loads with ``load_mnist_subset()``.
"""

from __future__ import annotations

import numpy as np

from helpers.exercises import Exercise, WrongAnswer, as_array
from helpers.i18n import N_, _


def _bundled() -> tuple[np.ndarray, np.ndarray]:
    from helpers.data import load_mnist_subset

    return load_mnist_subset()


def _check_flat_images(x_flat, images=None) -> None:
    x = as_array(x_flat, "x_flat")
    images = as_array(_bundled()[0] if images is None else images, "images")
    if x.ndim != 2:
        raise WrongAnswer(
            _(
                "x_flat has rank {rank} (shape {shape}); Dense layers need rank 2: "
                "(samples, features)."
            ).format(rank=x.ndim, shape=x.shape)
        )
    if x.shape[1] != 28 * 28:
        raise WrongAnswer(
            _("each sample has {features} features; a flattened 28 x 28 image has 784.").format(
                features=x.shape[1]
            )
        )
    if len(x) != len(images):
        raise WrongAnswer(
            _(
                "x_flat has {rows} rows, but there are {images} images: one row per image, "
                "images.reshape(len(images), 28 * 28)."
            ).format(rows=len(x), images=len(images))
        )
    if not np.issubdtype(x.dtype, np.floating):
        raise WrongAnswer(
            _(
                "x_flat has dtype {dtype}; dividing by 255 should give floats: "
                "convert with .astype('float32') first."
            ).format(dtype=x.dtype)
        )
    if x.dtype != np.float32:
        raise WrongAnswer(
            _(
                "x_flat has dtype {dtype}; the exercise asks for float32, what Keras computes "
                "in: .astype('float32') before dividing by 255."
            ).format(dtype=x.dtype)
        )
    if not np.isfinite(x).all():
        raise WrongAnswer(_("x_flat holds NaN or infinity; pixels divided by 255 are finite."))
    if x.max() > 1.0 or x.min() < 0.0:
        raise WrongAnswer(
            _(
                "the values run from {low:g} to {high:g}; divide by 255 so they lie in [0, 1]."
            ).format(low=x.min(), high=x.max())
        )
    if x.max() < 0.5:
        raise WrongAnswer(
            _(
                "the largest value is {high:g}; divided by 255 once, the brightest pixels are "
                "close to 1. Did you divide twice?"
            ).format(high=x.max())
        )
    expected = images.reshape(len(images), -1).astype("float32") / 255
    if not np.allclose(x, expected, atol=1e-6):
        turned = np.swapaxes(images, -1, -2).reshape(len(images), -1).astype("float32") / 255
        if np.allclose(x, turned, atol=1e-6):
            message = _(
                "x_flat's values are not those of images divided by 255; the pixels are in "
                "another order: make it with images.reshape(len(images), 28 * 28), which keeps "
                "each image's pixels in order."
            )
        else:
            message = _(
                "x_flat's values are not those of images divided by 255; make it with "
                "images.reshape(len(images), 28 * 28), which keeps each image's pixels in order."
            )
        raise WrongAnswer(message)


def _check_one_hot(y_one_hot, labels=None) -> None:
    y = as_array(y_one_hot, "y_one_hot")
    labels = as_array(_bundled()[1] if labels is None else labels, "labels").ravel()
    if y.ndim != 2:
        raise WrongAnswer(
            _(
                "y_one_hot has shape {shape}; one-hot labels are a matrix (samples, classes). "
                "Use keras.utils.to_categorical."
            ).format(shape=y.shape)
        )
    if y.shape[1] != 10:
        raise WrongAnswer(
            _("y_one_hot has {columns} columns; digits 0-9 need 10.").format(columns=y.shape[1])
        )
    if len(y) != len(labels):
        raise WrongAnswer(
            _(
                "y_one_hot has {rows} rows, but there are {labels} labels: one row per "
                "label. Make it from labels: keras.utils.to_categorical(labels, num_classes=10)."
            ).format(rows=len(y), labels=len(labels))
        )
    if not np.all((y == 0) | (y == 1)) or not np.all(y.sum(axis=1) == 1):
        raise WrongAnswer(
            _("every row of a one-hot label holds exactly one 1 and zeros elsewhere.")
        )
    wrong = np.flatnonzero(y.argmax(axis=1) != labels)
    if wrong.size:
        row = wrong[0]
        raise WrongAnswer(
            _(
                "row {row} has its 1 in column {column}, but labels[{row}] is "
                "{label}: {count} rows do not match their label. Make "
                "y_one_hot from labels, in the same order."
            ).format(row=row, column=y[row].argmax(), label=labels[row], count=wrong.size)
        )


q1 = Exercise(
    check=_check_flat_images,
    hint=N_(
        "reshape(len(images), 28 * 28) turns each image into a row; then "
        "astype('float32') and divide by 255."
    ),
    solution="x_flat = images.reshape(len(images), 28 * 28).astype('float32') / 255",
    success=N_("5,000 rows of 784 numbers between 0 and 1: ready for a Dense layer."),
)

q2 = Exercise(
    check=_check_one_hot,
    hint=N_("keras.utils.to_categorical(labels, num_classes=10) does it in one call."),
    solution="y_one_hot = keras.utils.to_categorical(labels, num_classes=10)",
    success=N_("one column per digit, a single 1 in each row."),
)
