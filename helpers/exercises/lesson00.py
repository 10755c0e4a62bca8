"""Exercises for notebook 00: data as tensors.

Each answer is compared with what it should be made from: the learner's
``images`` and ``labels`` when the check cell passes them, else the bundled
MNIST subset that notebook 00 loads with ``load_mnist_subset()``. The rules
come first, in order: each names one way the shape or the values are off.
"""

from __future__ import annotations

import numpy as np

from helpers.exercises import as_array
from helpers.exercises.types import Arg, Mistake, ValueExercise
from helpers.i18n import N_


def _bundled() -> tuple[np.ndarray, np.ndarray]:
    from helpers.data import load_mnist_subset

    return load_mnist_subset()


def _flat(images: np.ndarray) -> np.ndarray:
    return images.reshape(len(images), -1).astype("float32") / 255


IMAGES = Arg("images", read=as_array, default=lambda: _bundled()[0])
LABELS = Arg("labels", read=lambda value, name: as_array(value, name).ravel(),
             default=lambda: _bundled()[1])  # fmt: skip

#: What x_flat must be before its values are compared, in the order they are checked.
FLAT_RULES = [
    Mistake(
        N_(
            "x_flat has rank {rank} (shape {shape}); Dense layers need rank 2: (samples, features)."
        ),
        when=lambda x, images: x.ndim != 2 and {"rank": x.ndim, "shape": x.shape},
    ),
    Mistake(
        N_("each sample has {features} features; a flattened 28 x 28 image has 784."),
        when=lambda x, images: x.shape[1] != 28 * 28 and {"features": x.shape[1]},
    ),
    Mistake(
        N_(
            "x_flat has {rows} rows, but there are {images} images: one row per image, "
            "images.reshape(len(images), 28 * 28)."
        ),
        when=lambda x, images: len(x) != len(images) and {"rows": len(x), "images": len(images)},
    ),
    Mistake(
        N_(
            "x_flat has dtype {dtype}; dividing by 255 should give floats: "
            "convert with .astype('float32') first."
        ),
        when=lambda x, images: not np.issubdtype(x.dtype, np.floating) and {"dtype": x.dtype},
    ),
    Mistake(
        N_(
            "x_flat has dtype {dtype}; the exercise asks for float32, what Keras computes "
            "in: .astype('float32') before dividing by 255."
        ),
        when=lambda x, images: x.dtype != np.float32 and {"dtype": x.dtype},
    ),
    Mistake(
        N_("x_flat holds NaN or infinity; pixels divided by 255 are finite."),
        when=lambda x, images: not np.isfinite(x).all(),
    ),
    Mistake(
        N_("the values run from {low:g} to {high:g}; divide by 255 so they lie in [0, 1]."),
        when=lambda x, images: (
            (x.max() > 1.0 or x.min() < 0.0) and {"low": x.min(), "high": x.max()}
        ),
    ),
    Mistake(
        N_(
            "the largest value is {high:g}; divided by 255 once, the brightest pixels are "
            "close to 1. Did you divide twice?"
        ),
        when=lambda x, images: x.max() < 0.5 and {"high": x.max()},
    ),
]

#: What y_one_hot must be before its rows are compared with the labels.
ONE_HOT_RULES = [
    Mistake(
        N_(
            "y_one_hot has shape {shape}; one-hot labels are a matrix (samples, classes). "
            "Use keras.utils.to_categorical."
        ),
        when=lambda y, labels: y.ndim != 2 and {"shape": y.shape},
    ),
    Mistake(
        N_("y_one_hot has {columns} columns; digits 0-9 need 10."),
        when=lambda y, labels: y.shape[1] != 10 and {"columns": y.shape[1]},
    ),
    Mistake(
        N_(
            "y_one_hot has {rows} rows, but there are {labels} labels: one row per "
            "label. Make it from labels: keras.utils.to_categorical(labels, num_classes=10)."
        ),
        when=lambda y, labels: len(y) != len(labels) and {"rows": len(y), "labels": len(labels)},
    ),
    Mistake(
        N_("every row of a one-hot label holds exactly one 1 and zeros elsewhere."),
        when=lambda y, labels: not np.all((y == 0) | (y == 1)) or not np.all(y.sum(axis=1) == 1),
    ),
]


def _first_wrong_row(y: np.ndarray, labels: np.ndarray) -> dict:
    wrong = np.flatnonzero(y.argmax(axis=1) != labels)
    row = wrong[0]
    return {"row": row, "column": y[row].argmax(), "label": labels[row], "count": wrong.size}


q1 = ValueExercise(
    answer=Arg("x_flat", read=as_array),
    inputs=[IMAGES],
    rules=FLAT_RULES,
    expected=_flat,
    atol=1e-6,
    mistakes=[
        Mistake(
            N_(
                "x_flat's values are not those of images divided by 255; the pixels are in "
                "another order: make it with images.reshape(len(images), 28 * 28), which keeps "
                "each image's pixels in order."
            ),
            value=lambda images: _flat(np.swapaxes(images, -1, -2)),
        )
    ],
    otherwise=N_(
        "x_flat's values are not those of images divided by 255; make it with "
        "images.reshape(len(images), 28 * 28), which keeps each image's pixels in order."
    ),
    hint=N_(
        "reshape(len(images), 28 * 28) turns each image into a row; then "
        "astype('float32') and divide by 255."
    ),
    solution="x_flat = images.reshape(len(images), 28 * 28).astype('float32') / 255",
    success=N_("5,000 rows of 784 numbers between 0 and 1: ready for a Dense layer."),
)

q2 = ValueExercise(
    answer=Arg("y_one_hot", read=as_array),
    inputs=[LABELS],
    rules=ONE_HOT_RULES,
    expected=lambda labels: (labels[:, None] == np.arange(10)).astype("float32"),
    otherwise=Mistake(
        N_(
            "row {row} has its 1 in column {column}, but labels[{row}] is "
            "{label}: {count} rows do not match their label. Make "
            "y_one_hot from labels, in the same order."
        ),
        when=_first_wrong_row,
    ),
    hint=N_("keras.utils.to_categorical(labels, num_classes=10) does it in one call."),
    solution="y_one_hot = keras.utils.to_categorical(labels, num_classes=10)",
    success=N_("one column per digit, a single 1 in each row."),
)
