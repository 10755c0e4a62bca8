"""Checks of arrays (numbers, a shape rule, finite values), class labels, pairs of arrays
of one length, intervals, and training histories: see :mod:`helpers.checks`.
"""

from __future__ import annotations

import numbers
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from helpers.checks._values import _bound_text, refusal
from helpers.i18n import _, ngettext

#: The most classes a label may name: a confusion matrix of 100 x 100 cells is already hard to read.
MAX_CLASSES = 100
#: How far apart the ends of an interval must be, as a share of the larger end (at least 1):
#: enough for 201 different float32 points between them.
MIN_GAP = 1e-4


def array(
    name: str,
    value: object,
    *,
    booleans: bool = False,
    shape: str = "",
    fits: Callable[[tuple[int, ...]], bool] | None = None,
    hint: str = "",
) -> np.ndarray:
    """``value`` as a NumPy array of real numbers (True/False too with ``booleans``).

    ``fits`` tells whether a shape is right and ``shape`` describes the right
    ones; a refusal then names the shape received.

    >>> array("images", np.zeros((3, 4)), shape="an array of shape (n, 784)",
    ...       fits=lambda shape: shape[1:] == (784,))
    Traceback (most recent call last):
    ...
    ValueError: images must be an array of shape (n, 784); got shape (3, 4).
    """
    try:
        result = np.asarray(value)
        if result.dtype == object and all(
            isinstance(v, numbers.Real) and not isinstance(v, bool) for v in result.flat
        ):
            result = result.astype(float)  # Python ints too large for int64
    except OverflowError:
        must_be = _("an array or list of numbers of at most about 1e308")
        raise ValueError(refusal(name, must_be, value, hint)) from None
    except ValueError:  # nested lists of different lengths
        must_be = _("an array or list of numbers with rows of equal length")
        raise ValueError(refusal(name, must_be, value, hint)) from None
    if not (result.dtype.kind in "iuf" or (booleans and result.dtype.kind == "b")):
        raise TypeError(refusal(name, _("an array or list of numbers"), value, hint))
    if fits is not None and not fits(result.shape):
        got = _("shape {shape}").format(shape=result.shape) if result.ndim else ""
        raise ValueError(refusal(name, shape, value, hint, got=got))
    return result


def vector(name: str, value: object, *, booleans: bool = False, hint: str = "") -> np.ndarray:
    """One number per sample as a non-empty 1-D float array; an (n, 1) column (what
    ``model.predict`` returns) is flattened."""
    column = array(
        name, value, booleans=booleans, hint=hint,
        shape=_("a non-empty list of numbers (shape (n,) or (n, 1))"),
        fits=lambda shape: len(shape) in (1, 2) and shape[0] > 0 and shape[1:] in ((), (1,)),
    )  # fmt: skip
    return column.reshape(-1).astype(float)


def finite(name: str, found: np.ndarray, *, largest: float | None = None, hint: str = "") -> None:
    """Refuse NaN and infinity in an array, and numbers beyond ``largest`` either way.

    >>> finite("y_true", np.array([1.0, np.nan]), hint="Fill in the missing values.")
    Traceback (most recent call last):
    ...
    ValueError: y_true must be numbers without NaN or infinity; got NaN in 1 of 2 values. \
Fill in the missing values.
    """
    bad = ~np.isfinite(found)
    if bad.any():
        if np.isnan(found).any():
            got = _("NaN in {count} of {size} values")
        else:
            got = _("infinity in {count} of {size} values")
        got = got.format(count=int(bad.sum()), size=found.size)
        raise ValueError(refusal(name, _("numbers without NaN or infinity"), hint=hint, got=got))
    if largest is not None and found.size and np.abs(found).max() > largest:
        must_be = _("numbers from {low} to {high}").format(
            low=_bound_text(-largest), high=_bound_text(largest)
        )
        got = f"{np.abs(found).max():g}"
        raise ValueError(refusal(name, must_be, hint=hint, got=got))


def class_labels(name: str, value: object, *, hint: str = "") -> np.ndarray:
    """Class numbers 0, 1, 2... below :data:`MAX_CLASSES`, one per sample, as ints.

    2-D one-hot rows or probabilities (what ``model.predict`` returns for
    softmax) become their argmax. ``hint`` follows a refusal of NaN or infinity.

    >>> class_labels("y", [[0.9, 0.1], [0.2, 0.8]]).tolist()
    [0, 1]
    """
    classes = array(name, value, booleans=True)
    if classes.ndim == 2 and classes.shape[1] > 1:
        finite(name, classes, hint=hint)
        classes = vector(name, classes.argmax(axis=1))
    else:
        classes = vector(name, value, booleans=True)
    finite(name, classes, hint=hint)
    wrong = (classes < 0) | (classes != np.round(classes))
    if wrong.any():
        sigmoid = _("If these are sigmoid scores, turn them into classes first: "
                    "(scores > 0.5).astype(int).")  # fmt: skip
        got = f"{classes[wrong][0]:g}"
        raise ValueError(refusal(name, _("class numbers 0, 1, 2..."), hint=sigmoid, got=got))
    largest = classes.max()
    if largest >= MAX_CLASSES:
        must_be = _("class numbers from 0 to {most}").format(most=MAX_CLASSES - 1)
        got = _("labels up to {largest:g}").format(largest=largest)
        scores = _("Labels up to {largest:g} would draw a {size:g} x {size:g} confusion matrix; "
                   "did you pass scores or pixel values instead of class numbers?").format(
            largest=largest, size=largest + 1)  # fmt: skip
        raise ValueError(refusal(name, must_be, hint=scores, got=got))
    return classes.astype(int)


def same_length(name_a: str, a: Any, name_b: str, b: Any, *, hint: str = "") -> None:
    """Refuse ``b`` unless it has as many samples (first dimension) as ``a``.

    >>> same_length("y_true", [1, 2, 3], "y_pred", [1, 2])
    Traceback (most recent call last):
    ...
    ValueError: y_pred must be as long as y_true (3 samples); got 2 samples.
    """
    if len(a) != len(b):
        samples = ngettext("{count} sample", "{count} samples", len(a)).format(count=len(a))
        must_be = _("as long as {other} ({samples})").format(other=name_a, samples=samples)
        got = ngettext("{count} sample", "{count} samples", len(b)).format(count=len(b))
        raise ValueError(refusal(name_b, must_be, hint=hint, got=got))


def interval(name: str, value: object, *, largest: float, hint: str = "") -> tuple[float, float]:
    """``(low, high)``: two numbers from -``largest`` to ``largest``, far enough apart to draw
    a curve between (:data:`MIN_GAP` times the larger end, at least 1).

    >>> interval("x_range", (0, 1e-46), largest=1e6)
    Traceback (most recent call last):
    ...
    ValueError: x_range must be (low, high) with -1000000 <= low < high <= 1000000, at least \
0.0001 apart; got (0, 1e-46).
    """
    pair = vector(name, value, hint=hint)
    ends = np.abs(pair[np.isfinite(pair)]).clip(max=largest)
    gap = MIN_GAP * max(1.0, *ends.tolist())
    if len(pair) != 2 or not -largest <= pair[0] <= pair[0] + gap <= pair[1] <= largest:
        must_be = _("(low, high) with {low} <= low < high <= {high}, at least {gap:g} apart")
        bounds = {"low": _bound_text(-largest), "high": _bound_text(largest), "gap": gap}
        raise ValueError(refusal(name, must_be.format(**bounds), value, hint))
    return float(pair[0]), float(pair[1])


# ---------------------------------------------------------------- histories ---


def history(name: str, value: object) -> dict[str, list[float]]:
    """What ``model.fit`` returns, or its ``.history`` dict, as metric name -> list of floats.

    The one reading of a history that every curve drawer shares; the lengths
    of the lists are :func:`helpers.history.to_history_dict`'s concern.

    >>> history("history", {"loss": np.array(0.5)})
    Traceback (most recent call last):
    ...
    ValueError: history['loss'] must be a list with one number per epoch; got array(0.5).
    """
    raw = getattr(value, "history", value)
    must_be = _("a Keras History (what model.fit returns) or a dict of metric name -> "
                "list of numbers")  # fmt: skip
    if not isinstance(raw, Mapping):
        raise TypeError(refusal(name, must_be, value))
    result = {}
    for key, recorded in raw.items():
        if not isinstance(key, str):
            hint = _("Its metric names are texts, such as 'loss'; {key} is not.")
            raise TypeError(refusal(name, must_be, value, hint.format(key=repr(key))))
        per_epoch = array(
            f"{name}[{key!r}]", recorded, shape=_("a list with one number per epoch"),
            fits=lambda shape: len(shape) == 1,
        )  # fmt: skip
        result[key] = per_epoch.astype(float).tolist()
    if not any(result.values()):
        must_be = _("a history of at least one epoch")
        hint = _("Train for at least one epoch (model.fit(..., epochs=1) or more) before plotting.")
        raise ValueError(refusal(name, must_be, value, hint))
    return result
