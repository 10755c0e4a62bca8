"""Tests for helpers.splits: split_sizes and train_test_split, the split rule of every loader.

The strategies of what a learner might pass (NUMBERS, SEEDS, FRACTIONS) and the
refusal checks are shared with tests/test_data.py, whose loaders split by this rule.
"""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from helpers.i18n import set_language
from helpers.splits import split_sizes, train_test_split

HANGUL = re.compile(r"[\uac00-\ud7a3]")

# What a learner might pass where a number is asked for: odd types, NaN and
# infinity, huge and NumPy numbers, arrays.
NUMBERS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=4),
    st.integers(-(2**63), 2**63 - 1).map(np.int64),
    st.floats(width=32).map(np.float32),
    st.sampled_from([np.uint64(2**64 - 1), np.float64(np.nan), np.array(0.5), np.array([1])]),
)


def or_anything(valid: st.SearchStrategy) -> st.SearchStrategy:
    """Values from ``valid`` three times in four, else anything from NUMBERS."""
    return st.integers(0, 3).flatmap(lambda i: valid if i else NUMBERS)


SEEDS = or_anything(st.integers(0, 2**32 - 1) | st.integers(0, 2**32 - 1).map(np.uint32))
FRACTIONS = or_anything(st.floats(0.01, 0.99) | st.floats(0.01, 0.99).map(np.float32))
DTYPES = st.sampled_from([np.float64, np.float32, np.int64, np.uint8, np.bool_, np.complex64])
# Arrays of any shape (0-d and empty too); lists, ragged ones too; and numbers.
ARRAY_LIKES = st.one_of(
    hnp.arrays(DTYPES, hnp.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=5)),
    st.lists(
        st.one_of(st.integers(), st.floats(), st.lists(st.integers(), max_size=2)), max_size=6
    ),
    NUMBERS,
)


@st.composite
def samples_and_labels(draw) -> tuple[np.ndarray, np.ndarray]:
    """Arrays of any dtype (NaN and infinity too) with one label per sample."""
    row = draw(hnp.array_shapes(min_dims=0, max_dims=2, min_side=0, max_side=4))
    n_samples = draw(st.integers(2, 30))
    return draw(hnp.arrays(DTYPES, (n_samples, *row))), draw(hnp.arrays(DTYPES, n_samples))


def refused_by_name(error: Exception, *names: str) -> bool:
    """Whether the message begins with one of the argument names and says what came."""
    return str(error).split()[0] in names and (" got " in str(error) or " has " in str(error))


def refused_in_korean_and_english(call, error: type, kept: str) -> None:
    """``call()`` is refused in Korean, keeping ``kept``; then in English, with no Hangul."""
    set_language("ko")
    with pytest.raises(error) as refused:
        call()
    assert HANGUL.search(str(refused.value)) and kept in str(refused.value)
    set_language("en")
    with pytest.raises(error) as refused:
        call()
    assert not HANGUL.search(str(refused.value))


# -------------------------------------------------------------- splitting ---


def test_train_test_split_is_deterministic_disjoint_and_paired():
    ids = np.arange(100)
    labels = ids * 10  # so a pair (x, y) that stays together keeps y == 10 * x
    (x_train, y_train), (x_test, y_test) = train_test_split(ids, labels, seed=7)
    (x_train2, _), (x_test2, _) = train_test_split(ids, labels, seed=7)
    np.testing.assert_array_equal(x_train, x_train2)
    np.testing.assert_array_equal(x_test, x_test2)
    assert (len(x_train), len(x_test)) == (70, 30)
    assert not set(x_train.tolist()) & set(x_test.tolist())
    assert sorted(x_train.tolist() + x_test.tolist()) == ids.tolist()
    np.testing.assert_array_equal(y_train, 10 * x_train)
    np.testing.assert_array_equal(y_test, 10 * x_test)
    assert not np.array_equal(x_test, ids[70:])  # it really shuffled
    np.testing.assert_array_equal(ids, np.arange(100))  # and left the input alone


def test_train_test_split_is_the_permutation_the_notebook_teaches():
    x, y = np.arange(10.0), np.arange(10)
    order = np.random.default_rng(5).permutation(10)
    (x_train, _), (x_test, _) = train_test_split(x, y, test_fraction=0.3, seed=5)
    np.testing.assert_array_equal(x_train, x[order[:7]])
    np.testing.assert_array_equal(x_test, x[order[7:]])


def test_train_test_split_keeps_nan_and_infinity_in_x():
    x = np.array([np.nan, 1.0, 2.0, np.inf])
    (x_train, _), (x_test, _) = train_test_split(x, np.arange(4), test_fraction=0.5)
    kept = np.concatenate([x_train, x_test])
    assert np.isnan(kept).sum() == 1 and np.isinf(kept).sum() == 1


def test_split_sizes_rounds_half_to_even():
    assert split_sizes(569, 0.3) == (398, 171)
    assert split_sizes(5, 0.5) == (3, 2)  # 2.5 -> 2
    assert split_sizes(7, 0.5) == (3, 4)  # 3.5 -> 4
    assert split_sizes(np.int64(150), np.float32(0.2)) == (120, 30)


@settings(max_examples=150, deadline=None)
@given(st.integers(2, 300), st.floats(0, 1, exclude_min=True, exclude_max=True), st.integers(0, 9))
def test_train_test_split_splits_by_split_sizes(n_samples, test_fraction, seed):
    x = np.arange(n_samples)
    try:
        n_train, n_test = split_sizes(n_samples, test_fraction)
    except ValueError as refused:
        with pytest.raises(ValueError) as error:
            train_test_split(x, x, test_fraction=test_fraction, seed=seed)
        assert str(error.value) == str(refused)
    else:
        (x_train, _), (x_test, _) = train_test_split(x, x, test_fraction=test_fraction, seed=seed)
        assert (len(x_train), len(x_test)) == (n_train, n_test)
        assert n_test == round(n_samples * test_fraction) >= 1 and n_train >= 1


def test_train_test_split_accepts_lists_and_keeps_dtypes():
    (x_train, y_train), (x_test, y_test) = train_test_split(
        [[0, 1], [2, 3], [4, 5], [6, 7]], [0, 1, 0, 1], test_fraction=0.5
    )
    assert x_train.shape == (2, 2) and x_test.shape == (2, 2)
    assert y_train.dtype == np.asarray([0]).dtype


# --------------------------------------------------------------- bad input ---


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: split_sizes(1, 0.5), ValueError, r"n_samples must be .* 2 .*got 1\."),
        (lambda: split_sizes(10**400, 0.5), ValueError, r"n_samples must be .*got 1000"),
        (lambda: split_sizes(10, 1), ValueError, r"test_fraction must be .*got 1\."),
        (
            lambda: train_test_split(np.zeros((5, 2)), np.zeros(4)),
            ValueError,
            r"^y must be as long as x \(5 samples\); got 4 samples\. Pass one label per sample",
        ),
        (
            lambda: train_test_split(np.zeros(4), np.zeros(4), test_fraction=0.1),
            ValueError,
            r"test_fraction must be .* at least one of the 4 samples .*0 for testing",
        ),
        (
            lambda: train_test_split(np.zeros(4), np.zeros(4), test_fraction=1.5),
            ValueError,
            r"test_fraction must be a number above 0 and below 1; got 1.5",
        ),
        (
            lambda: train_test_split(np.array(5), np.array(5)),
            ValueError,
            r"x must be an array or a list with one entry per sample; got array\(5\)\.",
        ),
        (
            lambda: train_test_split([[1, 2], [3]], [0, 1]),
            ValueError,
            r"x must be .*; got \[\[1, 2\], \[3\]\]\. .*equally long",
        ),
        (lambda: train_test_split([], []), ValueError, r"x must be an array of at least 2"),
        (lambda: train_test_split([1, 2], 7), ValueError, r"y must be an array .*got 7\."),
        (
            lambda: train_test_split(np.zeros(3), [0, np.nan, 1]),
            ValueError,
            r"y must be labels without NaN or infinity; .*1 of its 3 labels",
        ),
        (lambda: train_test_split([1, 2], [1, 2], seed=2**40), ValueError, r"seed must be"),
    ],
)
def test_bad_input_says_what_was_received(call, error, message):
    with pytest.raises(error, match=message):
        call()


# ------------------------------------------- any input: a result or a refusal ---


@settings(max_examples=300, deadline=None)
@given(or_anything(st.integers(0, 10**6)), FRACTIONS)
def test_split_sizes_adds_up_or_refuses_clearly(n_samples, test_fraction):
    try:
        n_train, n_test = split_sizes(n_samples, test_fraction)
    except (TypeError, ValueError) as error:
        assert refused_by_name(error, "n_samples", "test_fraction"), error
    else:
        assert (type(n_train), type(n_test)) == (int, int) and min(n_train, n_test) >= 1
        assert n_train + n_test == n_samples
        assert n_test == round(int(n_samples) * float(test_fraction))


def split_or_refusal(x: object, y: object, test_fraction: object, seed: object) -> None:
    """train_test_split's result is the taught permutation cut by split_sizes, or a refusal."""
    try:
        (x_train, y_train), (x_test, y_test) = train_test_split(
            x, y, test_fraction=test_fraction, seed=seed
        )
    except (TypeError, ValueError) as error:
        assert refused_by_name(error, "x", "y", "test_fraction", "seed"), error
    else:
        x, y = np.asarray(x), np.asarray(y)
        order = np.random.default_rng(int(seed)).permutation(len(x))
        assert len(x_train) == split_sizes(len(x), test_fraction)[0] == len(y_train)
        np.testing.assert_array_equal(np.concatenate([x_train, x_test]), x[order])
        np.testing.assert_array_equal(np.concatenate([y_train, y_test]), y[order])
        assert (x_train.dtype, y_test.dtype) == (x.dtype, y.dtype)


@settings(max_examples=300, deadline=None)
@given(st.tuples(ARRAY_LIKES, ARRAY_LIKES) | samples_and_labels(), FRACTIONS, SEEDS)
def test_train_test_split_splits_anything_or_refuses_clearly(x_and_y, test_fraction, seed):
    split_or_refusal(*x_and_y, test_fraction, seed)


@settings(max_examples=200, deadline=None)
@given(samples_and_labels(), st.floats(0.25, 0.75), st.integers(0, 2**32 - 1))
def test_train_test_split_splits_arrays_of_any_dtype_or_refuses_clearly(x_and_y, fraction, seed):
    split_or_refusal(*x_and_y, fraction, seed)


# ------------------------------------------------------------------ Korean ---


@pytest.mark.parametrize(
    ("call", "error", "kept"),
    [
        (lambda: train_test_split(np.zeros((5, 2)), np.zeros(4)), ValueError, "받은 값: 샘플 4개."),
        (lambda: split_sizes(10, 0.01), ValueError, "받은 값: 0.01. 이 값이면 훈련에 10개"),
        (lambda: train_test_split([[1, 2], [3]], [0, 1]), ValueError, "받은 값: [[1, 2], [3]]."),
    ],
)
def test_bad_input_is_refused_in_korean_with_what_was_received(call, error, kept):
    refused_in_korean_and_english(call, error, kept)
