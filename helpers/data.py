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

The name lists (``IRIS_CLASSES``, ``BREAST_CANCER_FEATURES``, ``AUTO_MPG_ORIGINS``...)
hold the English names that code uses; :func:`display_names` gives them in the
learner's language, the one ``setup_notebook(language=...)`` chose.

Reading and verifying the bundled files lives in :mod:`helpers.datafiles`, the
split rule in :mod:`helpers.splits`; ``DATA_DIR``, :func:`split_sizes` and
:func:`train_test_split` are importable from here too.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from helpers.checks import random_seed, real_number, refusal, texts, whole_number
from helpers.datafiles import DATA_DIR, read_csv, verified_bytes
from helpers.i18n import N_, _
from helpers.splits import (
    XY,
    Split,
    check_options,
    split_if_asked,
    split_sizes,
    train_test_split,
)

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
    "display_names",
    "load_auto_mpg",
    "load_breast_cancer",
    "load_full_mnist",
    "load_iris",
    "load_mnist_subset",
    "make_xor",
    "split_sizes",
    "train_test_split",
]

# The names below are the English ones code uses, each marked for the catalog: display_names()
# shows them in the learner's language. Each whole name is one message, so that a translation
# can order its words as its language does.

#: Ten measurements of cell nuclei, each given three ways: the mean, the standard error
#: ("error") and the worst, the mean of the three largest values.
BREAST_CANCER_FEATURES: tuple[str, ...] = (
    N_("mean radius"), N_("mean texture"), N_("mean perimeter"), N_("mean area"),
    N_("mean smoothness"), N_("mean compactness"), N_("mean concavity"),
    N_("mean concave points"), N_("mean symmetry"), N_("mean fractal dimension"),
    N_("radius error"), N_("texture error"), N_("perimeter error"), N_("area error"),
    N_("smoothness error"), N_("compactness error"), N_("concavity error"),
    N_("concave points error"), N_("symmetry error"), N_("fractal dimension error"),
    N_("worst radius"), N_("worst texture"), N_("worst perimeter"), N_("worst area"),
    N_("worst smoothness"), N_("worst compactness"), N_("worst concavity"),
    N_("worst concave points"), N_("worst symmetry"), N_("worst fractal dimension"),
)  # fmt: skip
#: Label 0 is malignant, label 1 is benign (scikit-learn's coding).
BREAST_CANCER_CLASSES: tuple[str, ...] = (N_("malignant"), N_("benign"))

IRIS_FEATURES: tuple[str, ...] = (
    N_("sepal length (cm)"), N_("sepal width (cm)"),
    N_("petal length (cm)"), N_("petal width (cm)"),
)  # fmt: skip
IRIS_CLASSES: tuple[str, ...] = (N_("setosa"), N_("versicolor"), N_("virginica"))

MNIST_CLASSES: tuple[str, ...] = tuple(str(digit) for digit in range(10))

AUTO_MPG_FEATURES: tuple[str, ...] = (
    # Translators: Auto MPG's columns: a car's cylinders, engine displacement, horsepower,
    # weight in pounds, seconds from 0 to 60 mph, model year (70 to 82) and origin (a code).
    N_("cylinders"), N_("displacement"), N_("horsepower"), N_("weight"),
    N_("acceleration"), N_("model_year"), N_("origin"),
)  # fmt: skip
AUTO_MPG_TARGET = "mpg"
#: The ``origin`` column codes 1, 2 and 3.
AUTO_MPG_ORIGINS: tuple[str, ...] = (N_("USA"), N_("Europe"), N_("Japan"))

#: The most samples :func:`make_xor` makes: far more than any lesson needs.
_MAX_XOR_SAMPLES = 1_000_000


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
    check_options(test_fraction, seed)
    x, y = read_csv("breast_cancer.csv", BREAST_CANCER_FEATURES, "label", np.int64)
    return split_if_asked(x, y, test_fraction, seed)


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
    check_options(test_fraction, seed)
    x, y = read_csv("iris.csv", IRIS_FEATURES, "label", np.int64)
    return split_if_asked(x, y, test_fraction, seed)


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
    check_options(test_fraction, seed)
    raw = verified_bytes("mnist_subset.npz")
    with np.load(io.BytesIO(raw), allow_pickle=False) as arrays:
        x, y = arrays["images"], arrays["labels"].astype(np.int64)
    return split_if_asked(x, y, test_fraction, seed)


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
    check_options(test_fraction, seed)
    x, y = read_csv("auto_mpg.csv", AUTO_MPG_FEATURES, AUTO_MPG_TARGET, np.float32)
    return split_if_asked(x, y, test_fraction, seed)


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
        hint=_("4 is the truth table; 1,000,000 points are more than any lesson needs."),
    )  # fmt: skip
    noise = real_number(
        "noise", noise, low=0, high=100,
        hint=_("It is a standard deviation, such as 0.1; 0 adds none."),
    )  # fmt: skip
    seed = random_seed("seed", seed)

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
        name: How run descriptions and tables name it, in English: its key in
            :data:`DATASETS` (show it with ``helpers.i18n._(name)``: the Korean puts its
            Korean name first, e.g. ``"붓꽃 (iris)"``).
        description: What a menu shows, e.g. ``"iris flowers (150, 3 classes)"``, in
            English: show it with ``helpers.i18n._(description)`` to follow the language.
        load: Called with no arguments, returns the raw ``(x, y)``
            (e.g. :func:`load_iris`).
        prepare: Turns that ``x`` into model inputs: float32, one row per sample.
        task: ``"binary"``, ``"multiclass"`` or ``"regression"``.
        classes: The class names (label ``i`` is ``classes[i]``), in English: show them
            with :func:`display_names`. Empty for regression.
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

    name: str
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
        N_("iris"),
        N_("iris flowers (150, 3 classes)"), load_iris, _as_float32,
        "multiclass", IRIS_CLASSES, 150, 4, file="iris.csv",
    ),
    "breast_cancer": Dataset(
        N_("breast_cancer"),
        N_("breast cancer (569, 2 classes)"), load_breast_cancer, _as_float32,
        "binary", BREAST_CANCER_CLASSES, 569, 30, file="breast_cancer.csv",
    ),
    "xor": Dataset(
        N_("xor"),
        N_("XOR (200 noisy points, 2 classes)"), functools.partial(make_xor, 200, noise=0.1),
        _as_float32, "binary", ("0", "1"), 200, 2,
    ),
    "mnist_subset": Dataset(
        N_("mnist_subset"),
        N_("MNIST digits (5,000, 10 classes)"), load_mnist_subset, _pixels_0_to_1,
        "multiclass", MNIST_CLASSES, 5000, 784, standardize=False, file="mnist_subset.npz",
    ),
    "auto_mpg": Dataset(
        N_("auto_mpg"),
        N_("Auto MPG cars (392, regression of mpg)"), load_auto_mpg, _as_float32,
        "regression", (), 392, 7, file="auto_mpg.csv",
    ),
}  # fmt: skip


#: Every name :func:`display_names` knows: the name lists above and every dataset's classes.
_NAMES = frozenset(
    BREAST_CANCER_FEATURES + IRIS_FEATURES + AUTO_MPG_FEATURES + AUTO_MPG_ORIGINS
    + tuple(name for entry in DATASETS.values() for name in entry.classes)
)  # fmt: skip


def display_names(names: Iterable[str]) -> list[str] | tuple[str, ...]:
    """The names of classes, features or origins as the learner reads them.

    The name lists of this module keep the English names that code uses (as
    keys, in a check); ``display_names`` gives them in the language that
    ``setup_notebook(language=...)`` chose, through the catalog. In English
    they are the names themselves. A list gives a list, anything else a tuple,
    so printing them looks as printing the names does.

    Args:
        names: Names from this module's lists (``IRIS_CLASSES``,
            ``AUTO_MPG_FEATURES[:6]``, a dataset's ``classes``...), in any order.

    Example::

        >>> from helpers.i18n import set_language
        >>> display_names(IRIS_CLASSES)
        ('setosa', 'versicolor', 'virginica')
        >>> set_language("ko")
        >>> display_names(["weight", "Japan"])
        ['무게', '일본']
        >>> set_language("en")
    """
    must_be = _("a list of names from helpers.data, such as IRIS_CLASSES")
    items = texts("names", names, must_be=must_be)
    unknown = [name for name in items if name not in _NAMES]
    if unknown:
        raise ValueError(refusal(
            "names", must_be, got=repr(unknown)[:80],
            hint=_("These names are not in helpers.data's lists; check their spelling."),
        ))  # fmt: skip
    shown = [_(name) for name in items]
    return shown if isinstance(names, list) else tuple(shown)


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
            _(
                "load_full_mnist() downloads MNIST and needs an internet connection, but "
                "the download failed ({error}). Offline, use load_mnist_subset(), "
                "which is bundled with the course."
            ).format(error=error)
        ) from error
    return (x_train, y_train.astype(np.int64)), (x_test, y_test.astype(np.int64))
