"""Splitting samples into training and test sets, and the options every loader shares.

:func:`split_sizes` is the one rule for how many samples each side gets;
:func:`train_test_split` shuffles and cuts by it. The loaders of
:mod:`helpers.data` check their ``test_fraction`` and ``seed`` options here.
"""

from __future__ import annotations

import numpy as np

from helpers.checks import random_seed, real_number, refusal, same_length, whole_number
from helpers.i18n import _

__all__ = ["check_options", "split_if_asked", "split_sizes", "train_test_split"]

XY = tuple[np.ndarray, np.ndarray]
Split = tuple[XY, XY]

#: The most samples an array can hold (NumPy indexes with 64-bit integers).
_MAX_SAMPLES = 2**63 - 1


def _fraction(test_fraction: object) -> float:
    return real_number(
        "test_fraction", test_fraction, above=0, below=1,
        hint=_("0.3 holds out 30% of the samples for testing."),
    )  # fmt: skip


def check_options(test_fraction: object, seed: object) -> None:
    """Refuse a loader's ``test_fraction`` (None or above 0 and below 1) or ``seed``."""
    if test_fraction is not None:
        _fraction(test_fraction)
    random_seed("seed", seed)


def split_if_asked(x: np.ndarray, y: np.ndarray, test_fraction, seed) -> XY | Split:
    """``(x, y)`` when ``test_fraction`` is None, else :func:`train_test_split`'s split."""
    if test_fraction is None:
        return x, y
    return train_test_split(x, y, test_fraction=test_fraction, seed=seed)


def _samples(name: str, value: object) -> np.ndarray:
    """``value`` as an array of at least one dimension (one entry per sample)."""
    try:
        array = np.asarray(value)
    except (ValueError, TypeError, OverflowError):  # ragged lists, odd objects
        array = None
    if array is None or array.ndim == 0:
        raise ValueError(
            refusal(
                name,
                _("an array or a list with one entry per sample"),
                value,
                _("Pass e.g. a NumPy array, or a list of rows that are all equally long."),
            )
        )
    return array


def split_sizes(n_samples: int, test_fraction: float) -> tuple[int, int]:
    """How many of ``n_samples`` train and how many test when ``test_fraction`` is held out.

    The test side gets ``n_samples * test_fraction`` rounded to the nearest
    whole number, a half to the even neighbour (Python's ``round``: 2.5 gives 2,
    3.5 gives 4); the training side gets the rest. :func:`train_test_split`
    splits by this rule, so these are the lengths it returns.

    Args:
        n_samples: How many samples there are: a whole number, at least 2.
        test_fraction: The share held out for testing, above 0 and below 1.

    Returns:
        ``(n_train, n_test)``, which add up to ``n_samples``.

    Raises:
        ValueError: If one side would get no sample at all.

    Example::

        >>> split_sizes(569, 0.3)
        (398, 171)
        >>> split_sizes(5, 0.5)  # 2.5 rounds to the even 2
        (3, 2)
        >>> split_sizes(10, 0.01)
        Traceback (most recent call last):
        ...
        ValueError: test_fraction must be a fraction that leaves at least one of the 10 \
samples on each side; got 0.01. It leaves 10 for training and 0 for testing.
    """
    n_samples = whole_number(
        "n_samples", n_samples, low=2, high=_MAX_SAMPLES,
        hint=_("A split needs one sample to train on and one to test on."),
    )  # fmt: skip
    fraction = _fraction(test_fraction)
    n_test = round(n_samples * fraction)
    n_train = n_samples - n_test
    if min(n_train, n_test) < 1:
        raise ValueError(
            refusal(
                "test_fraction",
                _(
                    "a fraction that leaves at least one of the {n_samples} samples on each side"
                ).format(n_samples=n_samples),
                test_fraction,
                _("It leaves {n_train} for training and {n_test} for testing.").format(
                    n_train=n_train, n_test=n_test
                ),
            )
        )
    return n_train, n_test


def train_test_split(
    x: np.ndarray, y: np.ndarray, *, test_fraction: float = 0.3, seed: int = 0
) -> Split:
    """Shuffle ``x`` and ``y`` together, then hold out the last ``test_fraction``.

    The same ``seed`` always gives the same split: the order is
    ``np.random.default_rng(seed).permutation(len(x))``, and the sizes are
    :func:`split_sizes`. ``x`` is kept as it is, NaN and infinity included
    (fill gaps after splitting, with the training set's statistics); a NaN or
    infinite label in ``y`` is refused, since no model can learn or be scored on it.

    Args:
        x: The inputs, one entry (a number, a row, an image...) per sample:
            a NumPy array or a list of equally long rows.
        y: The labels or targets, one per sample, in the same order as ``x``.
        test_fraction: The share held out for testing, above 0 and below 1.
        seed: Chooses the shuffle: a whole number from 0 to 2**32 - 1.

    Returns:
        ``((x_train, y_train), (x_test, y_test))``, arrays with the dtypes you passed in.

    Example::

        >>> x, y = np.arange(10).reshape(5, 2), np.array([0, 1, 0, 1, 0])
        >>> (x_train, y_train), (x_test, y_test) = train_test_split(x, y, test_fraction=0.4)
        >>> len(x_train), len(x_test)
        (3, 2)
    """
    _fraction(test_fraction)
    seed = random_seed("seed", seed)
    x, y = _samples("x", x), _samples("y", y)
    same_length("x", x, "y", y, hint=_("Pass one label per sample (the first dimensions match)."))
    if len(x) < 2:
        raise ValueError(
            refusal("x", _("an array of at least 2 samples"), x, _("One trains, one tests."))
        )
    if y.dtype.kind in "fc" and not np.isfinite(y).all():
        raise ValueError(
            refusal(
                "y",
                _("labels without NaN or infinity"),
                y,
                _(
                    "{bad} of its {total} labels are NaN or infinite: drop or fix those samples."
                ).format(bad=np.count_nonzero(~np.isfinite(y)), total=len(y)),
            )
        )
    n_train, _n_test = split_sizes(len(x), test_fraction)
    order = np.random.default_rng(seed).permutation(len(x))  # a shuffled 0..n-1
    x, y = x[order], y[order]
    return (x[:n_train], y[:n_train]), (x[n_train:], y[n_train:])
