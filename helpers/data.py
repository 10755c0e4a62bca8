"""The course's datasets: small files bundled in ``datasets/`` and toy data made here.

Every bundled loader works offline. It checks the file against
``datasets/SHA256SUMS`` first, so a missing or altered file (or a damaged
checksum list) fails with a message that says how to restore it, instead of
training on the wrong numbers.

All loaders share two keyword-only options:

- ``test_fraction=None`` returns ``(x, y)``; a number above 0 and below 1 returns
  ``((x_train, y_train), (x_test, y_test))`` made by :func:`train_test_split`,
  whose sizes :func:`split_sizes` gives.
- ``seed=0`` chooses the shuffle used for that split (0 to 2**32 - 1).

:data:`DATASETS` lists every dataset a model trains on, with what a model needs
to know about it (:class:`Dataset`). Only :func:`load_full_mnist` goes online,
and only when you call it.
"""

from __future__ import annotations

import functools
import hashlib
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from helpers.checks import real_number, refusal, whole_number

__all__ = [
    "AUTO_MPG_FEATURES",
    "AUTO_MPG_ORIGINS",
    "AUTO_MPG_TARGET",
    "BREAST_CANCER_CLASSES",
    "BREAST_CANCER_FEATURES",
    "DATASETS",
    "DATA_DIR",
    "Dataset",
    "IRIS_CLASSES",
    "IRIS_FEATURES",
    "MNIST_CLASSES",
    "load_auto_mpg",
    "load_breast_cancer",
    "load_full_mnist",
    "load_iris",
    "load_mnist_subset",
    "make_xor",
    "split_sizes",
    "train_test_split",
]

#: Where the bundled files live: ``datasets/`` in your copy of the course.
DATA_DIR = Path(__file__).resolve().parent.parent / "datasets"

# Ten measurements of cell nuclei, each given three ways: mean, standard error, worst.
_NUCLEUS_MEASURES = (
    "radius", "texture", "perimeter", "area", "smoothness",
    "compactness", "concavity", "concave points", "symmetry", "fractal dimension",
)  # fmt: skip
BREAST_CANCER_FEATURES: tuple[str, ...] = (
    tuple(f"mean {m}" for m in _NUCLEUS_MEASURES)
    + tuple(f"{m} error" for m in _NUCLEUS_MEASURES)
    + tuple(f"worst {m}" for m in _NUCLEUS_MEASURES)
)
#: Label 0 is malignant, label 1 is benign (scikit-learn's coding).
BREAST_CANCER_CLASSES: tuple[str, ...] = ("malignant", "benign")

IRIS_FEATURES: tuple[str, ...] = (
    "sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)",
)  # fmt: skip
IRIS_CLASSES: tuple[str, ...] = ("setosa", "versicolor", "virginica")

MNIST_CLASSES: tuple[str, ...] = tuple(str(digit) for digit in range(10))

AUTO_MPG_FEATURES: tuple[str, ...] = (
    "cylinders", "displacement", "horsepower", "weight",
    "acceleration", "model_year", "origin",
)  # fmt: skip
AUTO_MPG_TARGET = "mpg"
#: The ``origin`` column codes 1, 2 and 3.
AUTO_MPG_ORIGINS: tuple[str, ...] = ("USA", "Europe", "Japan")

XY = tuple[np.ndarray, np.ndarray]
Split = tuple[XY, XY]


#: The most samples :func:`make_xor` makes: far more than any lesson needs.
_MAX_XOR_SAMPLES = 1_000_000
#: The largest seed ``keras.utils.set_random_seed`` and ``np.random.seed`` take.
_MAX_SEED = 2**32 - 1
#: The most samples an array can hold (NumPy indexes with 64-bit integers).
_MAX_SAMPLES = 2**63 - 1

# ---------------------------------------------------------------- checks ---


def _restore_hint(name: str) -> str:
    return (
        f"Restore it with `git checkout -- datasets/{name}` in your copy of the course, "
        "or clone the course again (the helpers must be used from that clone, "
        "e.g. after `pip install -e .`)."
    )


def _read_bundled(name: str) -> bytes:
    """The bytes of ``DATA_DIR / name``, or a message that says why they can't be read."""
    path = DATA_DIR / name
    if not path.is_file():
        raise FileNotFoundError(
            f"The bundled file datasets/{name} is missing "
            f"(looked in {DATA_DIR}). {_restore_hint(name)}"
        )
    try:
        return path.read_bytes()
    except PermissionError as error:
        raise PermissionError(
            f"The bundled file datasets/{name} exists but you may not read it "
            f"(permission denied in {DATA_DIR}). Give yourself read access, e.g. "
            f"`chmod u+r datasets/{name}`, or clone the course again."
        ) from error


def _expected_digests() -> dict[str, str]:
    """File name -> sha256 as listed in ``SHA256SUMS`` (``sha256sum``'s format)."""
    text = _read_bundled("SHA256SUMS").decode("utf-8", errors="replace")
    expected = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = re.fullmatch(r"([0-9a-fA-F]{64})\s+\*?(\S.*)", line.strip())
        if match is None:
            raise ValueError(
                f"The checksum list datasets/SHA256SUMS is damaged: line {number} "
                f"({line[:60]!r}) is not a sha256 followed by a file name. "
                f"{_restore_hint('SHA256SUMS')}"
            )
        expected[match[2]] = match[1].lower()
    return expected


def _verified_bytes(name: str) -> bytes:
    """The bytes of ``DATA_DIR / name`` after checking them against ``SHA256SUMS``."""
    raw = _read_bundled(name)
    expected = _expected_digests()
    if name not in expected:
        raise ValueError(
            f"The checksum list datasets/SHA256SUMS has no line for {name}, so the file "
            f"cannot be checked. {_restore_hint('SHA256SUMS')}"
        )
    if hashlib.sha256(raw).hexdigest() != expected[name]:
        raise ValueError(
            f"The bundled file datasets/{name} has been altered: its sha256 does not "
            f"match datasets/SHA256SUMS. {_restore_hint(name)}"
        )
    return raw


def _seed(seed: object) -> int:
    return whole_number(
        "seed", seed, low=0, high=_MAX_SEED,
        hint="Any whole number from 0 to 4294967295, such as 0 or 42, gives a repeatable shuffle.",
    )  # fmt: skip


def _fraction(test_fraction: object) -> float:
    return real_number(
        "test_fraction", test_fraction, above=0, below=1,
        hint="0.3 holds out 30% of the samples for testing.",
    )  # fmt: skip


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
                "an array or a list with one entry per sample",
                value,
                "Pass e.g. a NumPy array, or a list of rows that are all equally long.",
            )
        )
    return array


def _split_if_asked(x: np.ndarray, y: np.ndarray, test_fraction, seed) -> XY | Split:
    if test_fraction is None:
        return x, y
    return train_test_split(x, y, test_fraction=test_fraction, seed=seed)


def _check_options(test_fraction: object, seed: object) -> None:
    if test_fraction is not None:
        _fraction(test_fraction)
    _seed(seed)


def _read_csv(name: str, x_columns: tuple[str, ...], y_column: str, y_dtype) -> XY:
    """Read the named columns of a bundled CSV file (header row, then numbers)."""
    header, *rows = _verified_bytes(name).decode("utf-8").splitlines()
    columns = header.split(",")
    x = np.loadtxt(
        rows, delimiter=",", comments=None, ndmin=2, dtype=np.float32,
        usecols=[columns.index(column) for column in x_columns],
    )  # fmt: skip
    y = np.loadtxt(
        rows, delimiter=",", comments=None, dtype=y_dtype, usecols=columns.index(y_column)
    )
    return x, y


# --------------------------------------------------------------- splitting ---


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
        hint="A split needs one sample to train on and one to test on.",
    )  # fmt: skip
    fraction = _fraction(test_fraction)
    n_test = round(n_samples * fraction)
    n_train = n_samples - n_test
    if min(n_train, n_test) < 1:
        raise ValueError(
            refusal(
                "test_fraction",
                f"a fraction that leaves at least one of the {n_samples} samples on each side",
                test_fraction,
                f"It leaves {n_train} for training and {n_test} for testing.",
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
    seed = _seed(seed)
    x, y = _samples("x", x), _samples("y", y)
    if len(x) != len(y):
        raise ValueError(
            f"x has {len(x)} samples but y has {len(y)}: pass one label per sample "
            "(the first dimensions must match)."
        )
    if len(x) < 2:
        raise ValueError(
            refusal("x", "an array of at least 2 samples", x, "One trains, one tests.")
        )
    if y.dtype.kind in "fc" and not np.isfinite(y).all():
        raise ValueError(
            refusal(
                "y",
                "labels without NaN or infinity",
                y,
                f"{np.count_nonzero(~np.isfinite(y))} of its {len(y)} labels are NaN or "
                "infinite: drop or fix those samples.",
            )
        )
    n_train, _ = split_sizes(len(x), test_fraction)
    order = np.random.default_rng(seed).permutation(len(x))  # a shuffled 0..n-1
    x, y = x[order], y[order]
    return (x[:n_train], y[:n_train]), (x[n_train:], y[n_train:])


# --------------------------------------------------------- bundled loaders ---


def load_breast_cancer(*, test_fraction: float | None = None, seed: int = 0) -> XY | Split:
    """Breast cancer Wisconsin (diagnostic): 569 tumours, 30 measurements, 2 classes.

    Returns ``x`` float32 of shape (569, 30) (columns: ``BREAST_CANCER_FEATURES``)
    and ``y`` int64 of shape (569,): 0 = malignant (212), 1 = benign (357).
    The measurements have very different scales: normalise them before training.

    Args:
        test_fraction: None returns ``(x, y)``; a number above 0 and below 1 splits
            them with :func:`train_test_split`.
        seed: Chooses the shuffle of that split (0 to 2**32 - 1).

    Example::

        >>> x, y = load_breast_cancer()
        >>> x.shape, x.dtype, y.shape, y.dtype
        ((569, 30), dtype('float32'), (569,), dtype('int64'))
        >>> (x_train, y_train), (x_test, y_test) = load_breast_cancer(test_fraction=0.3)
        >>> len(x_train), len(x_test)
        (398, 171)
    """
    _check_options(test_fraction, seed)
    x, y = _read_csv("breast_cancer.csv", BREAST_CANCER_FEATURES, "label", np.int64)
    return _split_if_asked(x, y, test_fraction, seed)


def load_iris(*, test_fraction: float | None = None, seed: int = 0) -> XY | Split:
    """Fisher's iris flowers: 150 samples, 4 measurements in cm, 3 classes.

    Returns ``x`` float32 of shape (150, 4) (columns: ``IRIS_FEATURES``) and
    ``y`` int64 of shape (150,): 0 = setosa, 1 = versicolor, 2 = virginica,
    50 of each. The rows are sorted by class, so shuffle before you split
    (``test_fraction`` does that for you).

    Args:
        test_fraction: As for :func:`load_breast_cancer`: None, or the share to hold out.
        seed: Chooses the shuffle of that split.

    Example::

        >>> x, y = load_iris()
        >>> x.shape, x.dtype, np.bincount(y)
        ((150, 4), dtype('float32'), array([50, 50, 50]))
    """
    _check_options(test_fraction, seed)
    x, y = _read_csv("iris.csv", IRIS_FEATURES, "label", np.int64)
    return _split_if_asked(x, y, test_fraction, seed)


def load_mnist_subset(*, test_fraction: float | None = None, seed: int = 0) -> XY | Split:
    """5,000 handwritten digits from MNIST, 500 of each digit 0-9, bundled offline.

    Returns ``x`` uint8 of shape (5000, 28, 28), pixel values 0 (black) to
    255 (white), and ``y`` int64 of shape (5000,) holding the digit. The images
    are raw: flattening and dividing by 255 is your job. The samples are sorted
    by digit, so shuffle before you split (``test_fraction`` does that for you).

    Args:
        test_fraction: As for :func:`load_breast_cancer`: None, or the share to hold out.
        seed: Chooses the shuffle of that split.

    Example::

        >>> x, y = load_mnist_subset()
        >>> x.shape, x.dtype, int(x.max()), set(np.bincount(y).tolist())
        ((5000, 28, 28), dtype('uint8'), 255, {500})
    """
    _check_options(test_fraction, seed)
    raw = _verified_bytes("mnist_subset.npz")
    with np.load(io.BytesIO(raw), allow_pickle=False) as arrays:
        x, y = arrays["images"], arrays["labels"].astype(np.int64)
    return _split_if_asked(x, y, test_fraction, seed)


def load_auto_mpg(*, test_fraction: float | None = None, seed: int = 0) -> XY | Split:
    """Auto MPG: fuel use of 392 cars from 1970-1982, a regression task.

    Returns ``x`` float32 of shape (392, 7) (columns: ``AUTO_MPG_FEATURES``;
    ``origin`` codes 1 = USA, 2 = Europe, 3 = Japan) and ``y`` float32 of shape
    (392,): miles per US gallon. The car names are in ``datasets/auto_mpg.csv``.

    Args:
        test_fraction: As for :func:`load_breast_cancer`: None, or the share to hold out.
        seed: Chooses the shuffle of that split.

    Example::

        >>> x, y = load_auto_mpg()
        >>> x.shape, x.dtype, y.shape, y.dtype
        ((392, 7), dtype('float32'), (392,), dtype('float32'))
    """
    _check_options(test_fraction, seed)
    x, y = _read_csv("auto_mpg.csv", AUTO_MPG_FEATURES, AUTO_MPG_TARGET, np.float32)
    return _split_if_asked(x, y, test_fraction, seed)


# ------------------------------------------------------------ generated ---


def make_xor(n_samples: int = 4, *, noise: float = 0.0, seed: int = 0) -> XY:
    """The XOR problem: label 1 when exactly one of the two inputs is 1.

    ``make_xor()`` is the truth table itself. Larger ``n_samples`` repeat the
    four corners in turn (so the classes stay balanced) and add Gaussian noise
    with standard deviation ``noise`` to ``x``. Returns ``x`` float32 of shape
    (n_samples, 2) and ``y`` int64 of shape (n_samples,).

    Args:
        n_samples: How many points: from 4 (the truth table) to 1,000,000.
        noise: The standard deviation of the noise added to ``x``, from 0 (none) to 100.
        seed: Chooses the noise (0 to 2**32 - 1).

    Example::

        >>> x, y = make_xor()
        >>> x.tolist(), y.tolist()
        ([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]], [0, 1, 1, 0])
        >>> x, y = make_xor(200, noise=0.1, seed=1)
        >>> x.shape, np.bincount(y)
        ((200, 2), array([100, 100]))
    """
    n_samples = whole_number(
        "n_samples", n_samples, low=4, high=_MAX_XOR_SAMPLES,
        hint="4 is the truth table; 1,000,000 points are more than any lesson needs.",
    )  # fmt: skip
    noise = real_number(
        "noise", noise, low=0, high=100,
        hint="It is a standard deviation, such as 0.1; 0 adds none.",
    )  # fmt: skip
    seed = _seed(seed)

    corners = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
    labels = np.array([0, 1, 1, 0], dtype=np.int64)
    which = np.arange(n_samples) % 4  # 0, 1, 2, 3, 0, 1, ...
    x, y = corners[which], labels[which]
    if noise > 0:
        x = x + np.random.default_rng(seed).normal(0.0, noise, size=x.shape).astype(np.float32)
    return x, y


# --------------------------------------------------------------- registry ---


def _as_float32(x: np.ndarray) -> np.ndarray:
    """Rows of numbers, as float32 (no copy if they are already)."""
    return np.asarray(x, dtype=np.float32)


def _pixels_0_to_1(x: np.ndarray) -> np.ndarray:
    """Images flattened to rows of pixels scaled from 0-255 to 0-1, as lesson 00 does."""
    return x.reshape(len(x), -1).astype(np.float32) / 255


@dataclass(frozen=True)
class Dataset:
    """One dataset of :data:`DATASETS`, and what a model needs to know about it.

    Args:
        description: What a menu shows, e.g. ``"iris flowers (150, 3 classes)"``.
        load: Called with no arguments, returns the raw ``(x, y)``
            (e.g. :func:`load_iris`).
        prepare: Turns that ``x`` into model inputs: float32, one row per sample.
        task: ``"binary"``, ``"multiclass"`` or ``"regression"``.
        classes: The class names (label ``i`` is ``classes[i]``); empty for regression.
        n_samples: How many samples ``load`` returns.
        n_features: How long a prepared row is: the model's input shape is ``(n_features,)``.
        standardize: Whether the prepared columns are left on their own scales,
            to be standardised with the training set's mean and standard
            deviation (as the playground does, or by a ``keras.layers.Normalization``
            adapted on the training set). False when ``prepare`` scales them itself.
        file: The file in ``datasets/`` that ``load`` reads, or None if made here.

    Example::

        >>> iris = DATASETS["iris"]
        >>> x, y = iris.load()
        >>> iris.prepare(x).shape == (iris.n_samples, iris.n_features), iris.n_classes
        (True, 3)
    """

    description: str
    load: Callable[[], XY]
    prepare: Callable[[np.ndarray], np.ndarray]
    task: str
    classes: tuple[str, ...]
    n_samples: int
    n_features: int
    standardize: bool = True
    file: str | None = None

    @property
    def n_classes(self) -> int:
        """How many classes: 2 for binary, 0 for regression."""
        return len(self.classes)


#: Every dataset a model in the course trains on, by name (see :class:`Dataset`).
DATASETS: dict[str, Dataset] = {
    "iris": Dataset(
        "iris flowers (150, 3 classes)", load_iris, _as_float32,
        "multiclass", IRIS_CLASSES, 150, 4, file="iris.csv",
    ),
    "breast_cancer": Dataset(
        "breast cancer (569, 2 classes)", load_breast_cancer, _as_float32,
        "binary", BREAST_CANCER_CLASSES, 569, 30, file="breast_cancer.csv",
    ),
    "xor": Dataset(
        "XOR (200 noisy points, 2 classes)", functools.partial(make_xor, 200, noise=0.1),
        _as_float32, "binary", ("0", "1"), 200, 2,
    ),
    "mnist_subset": Dataset(
        "MNIST digits (5,000, 10 classes)", load_mnist_subset, _pixels_0_to_1,
        "multiclass", MNIST_CLASSES, 5000, 784, standardize=False, file="mnist_subset.npz",
    ),
    "auto_mpg": Dataset(
        "Auto MPG cars (392, regression of mpg)", load_auto_mpg, _as_float32,
        "regression", (), 392, 7, file="auto_mpg.csv",
    ),
}  # fmt: skip


# ------------------------------------------------------ online, opt-in only ---


def load_full_mnist() -> Split:
    """Download the full MNIST (70,000 digits) through Keras. Needs the internet.

    Not bundled and never used by the checked notebooks: it is an opt-in for
    learners online (e.g. on Colab). The first call downloads about 11 MB into
    ``~/.keras/datasets``. Returns ``((x_train, y_train), (x_test, y_test))``:
    uint8 images of shape (60000, 28, 28) and (10000, 28, 28), int64 labels.
    Offline, use :func:`load_mnist_subset` instead.

    Example::

        (x_train, y_train), (x_test, y_test) = load_full_mnist()
    """
    import keras  # imported here so that the offline loaders never load TensorFlow

    try:
        (x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
    except Exception as error:
        raise ConnectionError(
            "load_full_mnist() downloads MNIST and needs an internet connection, but "
            f"the download failed ({error}). Offline, use load_mnist_subset(), "
            "which is bundled with the course."
        ) from error
    return (x_train, y_train.astype(np.int64)), (x_test, y_test.astype(np.int64))
