import math

import keras
import matplotlib.pyplot as plt
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from matplotlib.axes import Axes
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from helpers.plots import (
    confusion_matrix,
    plot_activations,
    plot_comparison,
    plot_confusion_matrix,
    plot_digits,
    plot_error_histogram,
    plot_history,
    plot_predictions,
    plot_regression,
    plot_runs,
    plot_training,
)
from tests.property_support import REFUSED, mostly, outcome
from tests.test_checks import ANYTHING

HISTORY = {
    "loss": [0.9, 0.6, 0.4],
    "accuracy": [0.5, 0.7, 0.8],
    "val_loss": [1.0, 0.7, 0.6],
    "val_accuracy": [0.4, 0.6, 0.7],
}


def lines_by_label(ax):
    return {line.get_label(): line for line in ax.get_lines()}


def test_plot_history_train_solid_validation_dashed_same_colour_from_epoch_1():
    ax = plot_history(HISTORY, metric="accuracy")
    lines = lines_by_label(ax)
    train, val = lines["training"], lines["validation"]
    assert train.get_linestyle() == "-" and val.get_linestyle() == "--"
    assert to_hex(train.get_color()) == to_hex(val.get_color())
    assert list(train.get_xdata()) == [1, 2, 3]
    assert list(val.get_ydata()) == HISTORY["val_accuracy"]
    assert ax.get_xlabel() == "epoch" and ax.get_ylabel() == "accuracy"


def test_plot_history_accepts_a_keras_history_and_draws_on_the_given_axes():
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    history = model.fit(np.ones((8, 2)), np.ones(8), epochs=2, verbose=0)
    fig, ax = plt.subplots()
    returned = plot_history(history, ax=ax, label="run A", color="red")
    assert returned is ax
    (line,) = ax.get_lines()
    assert line.get_label() == "run A (training)" and to_hex(line.get_color()) == "#ff0000"
    assert list(line.get_xdata()) == [1, 2]


def test_plot_training_one_panel_per_metric_loss_first():
    fig = plot_training(HISTORY, title="breast cancer")
    assert [ax.get_ylabel() for ax in fig.axes] == ["loss", "accuracy"]
    assert fig.get_suptitle() == "breast cancer"
    assert len(plot_training(HISTORY, metrics="accuracy").axes) == 1


def test_plot_runs_overlays_runs_in_their_own_colours():
    ax = plot_runs({"adam": HISTORY, "sgd": {"loss": [1.0, 0.9, 0.8]}}, metric="loss")
    lines = lines_by_label(ax)
    assert set(lines) == {"adam (training)", "adam (validation)", "sgd (training)"}
    assert to_hex(lines["adam (training)"].get_color()) != to_hex(
        lines["sgd (training)"].get_color()
    )
    assert "dashed = validation" in ax.get_title()
    assert plot_runs([("only", {"loss": [1.0, 0.5]})]).get_title() == "loss"


def test_plot_activations_draws_keras_functions_and_softmax_sums_to_one():
    fig = plot_activations(x_range=(-2, 2), softmax_input=(1.0, 2.0, 3.0))
    titles = [ax.get_title() for ax in fig.axes]
    assert titles[:3] == ["sigmoid", "tanh", "relu"]
    assert titles[3] == "softmax: outputs sum to 1.00"
    relu = fig.axes[2].get_lines()[-1]
    assert min(relu.get_ydata()) == 0 and max(relu.get_ydata()) == pytest.approx(2)
    heights = [bar.get_height() for bar in fig.axes[3].patches]
    assert sum(heights) == pytest.approx(1, abs=1e-5) and heights[2] > heights[0]


def test_confusion_matrix_counts_and_accepts_probabilities():
    matrix = confusion_matrix([0, 1, 1, 2], [0, 1, 2, 2])
    assert matrix.tolist() == [[1, 0, 0], [0, 1, 1], [0, 0, 1]]
    probabilities = np.array([[0.9, 0.1], [0.2, 0.8], [0.6, 0.4]])
    assert confusion_matrix([0, 1, 1], probabilities, num_classes=3).tolist() == [
        [1, 0, 0], [1, 1, 0], [0, 0, 0],
    ]  # fmt: skip


def test_plot_confusion_matrix_writes_counts_and_names():
    ax = plot_confusion_matrix([0, 1, 1, 2], [0, 1, 2, 2], class_names=["a", "b", "c", "d"])
    texts = [t.get_text() for t in ax.texts]
    assert len(texts) == 16 and texts[:4] == ["1", "0", "0", "0"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["a", "b", "c", "d"]
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("predicted class", "true class")
    assert ax.get_title() == "3 of 4 right (accuracy 0.750)"
    normalised = plot_confusion_matrix([0, 1, 1], [0, 1, 0], normalize=True, ax=plt.figure().gca())
    assert [t.get_text() for t in normalised.texts] == ["1.00", "0.00", "0.50", "0.50"]
    assert normalised.get_title().endswith("each row sums to 1")


def test_plot_digits_titles_wrong_predictions_in_red(rng):
    images = rng.integers(0, 256, size=(5, 784), dtype=np.uint8)
    fig = plot_digits(images, [1, 2, 3, 4, 5], predictions=[1, 2, 0, 4, 9], ncols=3)
    titled = [ax for ax in fig.axes if ax.get_title()]
    assert len(fig.axes) == 6 and len(titled) == 5
    red = [ax.get_title() for ax in titled if to_hex(ax.title.get_color()) == "#ff0000"]
    assert red == ["true 3\npred 0", "true 5\npred 9"]
    assert len(plot_digits(images, [1, 2, 3, 4, 5], max_images=2).axes) == 2
    assert plot_digits(images, [1, 2, 3, 4, 5], title="five digits").get_suptitle() == "five digits"


def test_plot_comparison_labels_each_bar_with_its_value():
    fig = plot_comparison(
        {"pixels / 255": {"accuracy": 0.948, "loss": 0.2213},
         "raw pixels": {"accuracy": 0.954, "loss": 49.71}}
    )  # fmt: skip
    assert [ax.get_title() for ax in fig.axes] == ["accuracy", "loss"]
    loss = fig.axes[1]
    assert [t.get_text() for t in loss.get_xticklabels()] == ["pixels / 255", "raw pixels"]
    assert [t.get_text() for t in loss.texts] == ["0.221", "49.7"]
    assert [bar.get_height() for bar in loss.patches] == [0.2213, 49.71]


def test_regression_plots():
    y_true = np.array([10.0, 20.0, 30.0])
    y_pred = np.array([[12.0], [19.0], [33.0]])  # what predict() returns
    ax = plot_predictions(y_true, y_pred, unit="mpg")
    assert list(ax.collections[0].get_offsets()[:, 1]) == [12.0, 19.0, 33.0]
    assert ax.get_xlabel() == "true value [mpg]"
    hist = plot_error_histogram(y_true, y_pred, bins=3, ax=plt.figure().gca())
    assert sum(p.get_height() for p in hist.patches) == 3
    fig = plot_regression(y_true, y_pred)
    assert len(fig.axes) == 2


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: plot_history([0.5, 0.4]), TypeError, "Keras History"),
        (lambda: plot_history({}), ValueError, "history is empty"),
        (lambda: plot_history({"loss": []}), ValueError, "no epochs"),
        (
            lambda: plot_history({"loss": [1, 2, 3], "val_loss": [1, 2]}),
            ValueError,
            "lengths differ",
        ),
        (lambda: plot_history(HISTORY, metric="acc"), ValueError, "no metric 'acc'.*'accuracy'"),
        (lambda: plot_training(HISTORY, metrics=[]), ValueError, "metrics is empty"),
        (lambda: plot_runs({}), ValueError, "runs is empty"),
        (lambda: plot_runs("adam"), TypeError, "dict {label: history}"),
        (lambda: plot_runs([HISTORY]), TypeError, r"\(label, history\) pair"),
        (
            lambda: plot_runs({"a": HISTORY, "b": {"loss": [1.0]}}, metric="accuracy"),
            ValueError,
            "Run 'b' has no metric 'accuracy'",
        ),
        (lambda: plot_activations(x_range=(3, -3)), ValueError, "low < high"),
        (lambda: confusion_matrix([0, 1], [0]), ValueError, "2 samples but y_pred has 1"),
        (lambda: confusion_matrix([0, 2], [0, 1], num_classes=2), ValueError, "too small"),
        (lambda: confusion_matrix([0.2, 0.9], [0, 1]), ValueError, r"\(scores > 0.5\)"),
        (lambda: confusion_matrix(["a", "b"], [0, 1]), TypeError, "numbers"),
        (
            lambda: plot_confusion_matrix([0, 2], [0, 1], class_names=["x", "y"]),
            ValueError,
            "one name per class",
        ),
        (
            lambda: plot_confusion_matrix([0, 1], [0, 1], class_names="xy"),
            TypeError,
            "list of names",
        ),
        (lambda: plot_digits(np.zeros((2, 28, 27)), [0, 1]), ValueError, r"\(n, 28, 28\)"),
        (lambda: plot_digits(np.zeros((2, 784)), [0, 1], ncols=0), ValueError, "ncols"),
        (lambda: plot_digits(np.zeros((2, 784)), [0, 1, 2]), ValueError, "images has 2 samples"),
        (lambda: plot_predictions([1.0, 2.0], [1.0]), ValueError, "one entry per sample"),
        (lambda: plot_comparison({}), TypeError, "non-empty dict"),
        (lambda: plot_comparison([("a", 1.0)]), TypeError, r"\{case: \{measure: value\}\}"),
        (lambda: plot_comparison({"a": 1.0}), TypeError, r"results\['a'\] must be"),
        (lambda: plot_comparison({"a": {"x": 1}, "b": {"y": 2}}), ValueError, "same measures"),
        (lambda: plot_comparison({"a": {"x": "high"}}), TypeError, "numbers"),
        (lambda: plot_comparison({"a": {"x": float("nan")}}), ValueError, "finite numbers"),
        (lambda: plot_comparison({"a": {"x": 1.5e308}}), ValueError, "-1e300 to 1e300"),
        (lambda: plot_error_histogram([1.0], [1.0], bins=0), ValueError, "bins"),
        (lambda: plot_regression([], []), ValueError, "non-empty"),
        # Found by the property tests below, or typed by learners:
        (lambda: plot_history(HISTORY, ax=plt.figure()), TypeError, r"ax must be .*fig.gca\(\)"),
        (lambda: plot_runs({"a": HISTORY}, ax="left"), TypeError, "plt.subplots"),
        (lambda: plot_history(HISTORY, color="blurple"), ValueError, "color must be"),
        (lambda: plot_history(HISTORY, metric=["loss"]), TypeError, "metric must be"),
        (lambda: plot_history({"loss": [10**400]}), ValueError, "(?i)history.*too large|1e308"),
        (lambda: plot_training(HISTORY, metrics=3), TypeError, "metrics must be a list"),
        (lambda: plot_history({"loss": [1e300, 2e300]}), ValueError, r"history\['loss'\]"),
        (lambda: plot_training(HISTORY, metrics=["loss"] * 2), ValueError, "different"),
        (lambda: plot_activations(x_range=(-math.inf, 1)), ValueError, "x_range must be"),
        (lambda: plot_activations(x_range=(0, 1, 2)), ValueError, "x_range must be"),
        (lambda: plot_activations(x_range="wide"), TypeError, "x_range must be"),
        (lambda: plot_activations(softmax_input=[1e40]), ValueError, "softmax_input must be"),
        (lambda: plot_activations(softmax_input=[1.0] * 21), ValueError, "at most 20"),
        (lambda: confusion_matrix([0, 1], [0, 1], num_classes=10**6), ValueError, "num_classes"),
        (lambda: confusion_matrix([0, 1], [0, 1], num_classes=2.0), TypeError, "num_classes"),
        (lambda: confusion_matrix([[0, 1], [2]], [0, 1]), ValueError, "y_true must be .* equal"),
        (lambda: confusion_matrix([0, 10**400], [0, 1]), ValueError, "at most about 1e308"),
        (lambda: confusion_matrix(0, 0), ValueError, r"got shape \(\)"),
        (lambda: confusion_matrix([0, 1], [0, math.nan]), ValueError, "NaN.*diverged"),
        (lambda: confusion_matrix([0, 1], [[0.5, math.nan]] * 2), ValueError, "y_pred .* NaN"),
        (lambda: confusion_matrix(np.zeros((0, 3)), []), ValueError, "non-empty"),
        (lambda: confusion_matrix([0, 2**62], [0, 1]), ValueError, "scores or pixel values"),
        (lambda: confusion_matrix([0, 1e300], [0, 1]), ValueError, "up to 1e\\+300"),
        (lambda: plot_confusion_matrix([0], [0], normalize="yes"), TypeError, "normalize must"),
        (lambda: plot_confusion_matrix([0], [0], class_names=7), TypeError, "class_names"),
        (
            lambda: plot_confusion_matrix([0], [0], class_names=map(str, range(10**9))),
            ValueError,
            "at most 100 names",
        ),
        (lambda: plot_digits(np.full((1, 784), np.nan), [0]), ValueError, "images must .* NaN"),
        (lambda: plot_digits([[0] * 784, [0]], [0, 1]), ValueError, "images must .* equal"),
        (lambda: plot_digits(np.zeros((2, 784)), [0, 1], ncols=1.5), TypeError, "ncols"),
        (lambda: plot_digits(np.zeros((2, 784)), [0, 1], max_images=10**9), ValueError, "200"),
        (lambda: plot_digits(np.zeros((1, 784)), [0], predictions=[[]]), ValueError, "predic"),
        (lambda: plot_comparison({"a": {"x": True}}), TypeError, r"results\['a'\] must be"),
        (lambda: plot_comparison({"a": {"x": 10**400}}), ValueError, "at most about 1e308"),
        (lambda: plot_predictions([1.0, 2.0], [1.0, math.inf]), ValueError, "y_pred .* infinity"),
        (lambda: plot_error_histogram([1.0], [1.0], bins=10**9), ValueError, "bins must"),
        (lambda: plot_error_histogram([1e308], [-1e308]), ValueError, "y_true .* 1e300"),
    ],
)
def test_bad_input_is_explained(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_plot_history_joins_validation_recorded_every_other_epoch():
    ax = plot_history({"loss": [0.9, 0.7, 0.6, 0.5], "val_loss": [1.0, 0.8]})  # validation_freq=2
    training, validation = ax.get_lines()
    assert list(training.get_xdata()) == [1, 2, 3, 4]
    assert list(validation.get_xdata()) == [2, 4] and list(validation.get_ydata()) == [1.0, 0.8]


def test_a_diverged_models_predictions_are_named_as_such():
    with pytest.raises(ValueError) as refused:
        plot_error_histogram([1.0, 2.0, 3.0], [math.nan] * 3)
    assert str(refused.value) == (
        "y_pred must hold finite numbers; got NaN in 3 of 3 values. This usually means training "
        "diverged: try a smaller learning rate, or normalise the inputs."
    )


def test_labels_far_out_of_range_are_refused_at_once():
    for y_pred in ([0, 1, 1000], [0, 1, 100000]):  # once a 40 s hang, and a 74.5 GiB matrix
        with pytest.raises(ValueError, match="1001 x 1001|100001 x 100001") as refused:
            plot_confusion_matrix([0, 1, 2], y_pred)
        assert "did you pass scores or pixel values instead of class numbers?" in str(
            refused.value
        )
    assert confusion_matrix([0, 99], [0, 99]).shape == (100, 100)  # the largest allowed


def test_numpy_numbers_are_accepted_where_python_numbers_are(rng):
    images = rng.integers(0, 256, size=(3, 28, 28), dtype=np.uint8)
    fig = plot_digits(images, [1, 2, 3], ncols=np.int64(2), max_images=np.int32(3))
    assert len(fig.axes) == 4
    ax = plot_error_histogram([1.0, 2.0], [1.5, 2.5], bins=np.int64(4))
    assert len(ax.patches) == 4
    assert confusion_matrix([0], [1], num_classes=np.int8(3)).shape == (3, 3)
    assert plot_confusion_matrix([0, 1], [1, 1], normalize=np.bool_(True)).texts


def test_errors_too_close_together_for_the_bins_still_get_a_histogram():
    ax = plot_error_histogram([0.0, 0.0], [5e-324, 0.0])  # NumPy could not split that range
    assert sum(p.get_height() for p in ax.patches) == 2


# ---------------------------------------------------------------- properties ---
# Every public function, given arbitrary arguments, draws (and the drawing renders) or
# refuses with a TypeError/ValueError that names an argument; nothing else escapes.

NUMBER = st.one_of(
    st.integers(-2, 12),
    st.floats(),
    st.sampled_from([10**400, 2**62, 1e300, -1e308, 5e-324]),
    st.booleans(),
)
BAD = st.one_of(  # what a learner might pass where an array of numbers is asked for
    st.lists(NUMBER, max_size=6),
    st.lists(st.lists(NUMBER, max_size=3), max_size=4),  # 2-D or ragged
    hnp.arrays(
        st.sampled_from([np.float64, np.int64, np.uint8, np.bool_]),
        hnp.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=4),
    ),  # NaN and infinities among the floats; 0-d and empty arrays
    ANYTHING,
)
FLOATS = st.floats(allow_nan=False, allow_infinity=False)


def values(n, elements=FLOATS):
    """n numbers as a list, or as the (n, 1) column that predict returns."""
    column = hnp.arrays(np.float64, (n, 1), elements=elements)
    return st.one_of(st.lists(elements, min_size=n, max_size=n), column)


def labels(n):
    """n class labels, or n rows of probabilities."""
    return st.one_of(
        st.lists(st.integers(0, 5), min_size=n, max_size=n),
        hnp.arrays(np.float64, (n, 3), elements=st.floats(0, 1)),
    )


def pairs(valid):
    """Two arguments of one length n (drawn first), or two arbitrary ones."""
    same_length = st.integers(1, 5).flatmap(lambda n: st.tuples(valid(n), valid(n)))
    return mostly(same_length, st.tuples(BAD, BAD))


AXES = mostly(st.sampled_from(["none", "axes"]), st.sampled_from(["figure", "text"]))
METRIC = mostly(st.sampled_from(["loss", "accuracy"]), st.one_of(st.just("acc"), ANYTHING))
GOOD_HISTORY = st.integers(1, 4).flatmap(
    lambda n: st.fixed_dictionaries(
        {"loss": st.lists(st.floats(), min_size=n, max_size=n)},
        optional={name: st.lists(st.floats(), min_size=n, max_size=n)
                  for name in ["val_loss", "accuracy"]},
    )  # fmt: skip
)
HISTORIES = mostly(
    GOOD_HISTORY,
    st.one_of(
        st.dictionaries(
            st.one_of(st.sampled_from(["loss", "val_loss"]), st.integers()),
            # Not 0-d arrays: helpers.history fails on them without naming the metric (reported).
            st.one_of(st.lists(NUMBER, max_size=4), st.text(max_size=3), st.none()),
            max_size=3,
        ),
        ANYTHING,
    ),
)


def make_axes(kind):
    plt.close("all")  # one example's figures at a time
    return {"none": lambda: None, "axes": lambda: plt.figure().gca(),
            "figure": plt.figure, "text": lambda: "ax"}[kind]()  # fmt: skip


def check_drawn(result, kind):
    """The result is what the function promises, and it renders."""
    assert isinstance(result, kind)
    (result if kind is Figure else result.figure).canvas.draw()


@settings(max_examples=60, deadline=None)
@given(
    history=HISTORIES,
    metric=METRIC,
    ax=AXES,
    color=mostly(st.sampled_from([None, "red", "C1"]), ANYTHING),
)
def test_plot_history_draws_or_refuses_clearly(history, metric, ax, color):
    ax = make_axes(ax)
    result = outcome(lambda: plot_history(history, metric=metric, ax=ax, color=color),
                     "history", "metric", "ax", "color")  # fmt: skip
    if result is not REFUSED:
        check_drawn(result, Axes)
        assert ax is None or result is ax


@settings(max_examples=30, deadline=None)
@given(history=HISTORIES, metrics=mostly(st.none() | st.lists(METRIC, max_size=2), METRIC))
def test_plot_training_draws_or_refuses_clearly(history, metrics):
    result = outcome(lambda: plot_training(history, metrics=metrics), "history", "metric")
    if result is not REFUSED:
        check_drawn(result, Figure)


@settings(max_examples=30, deadline=None)
@given(
    runs=mostly(
        st.dictionaries(st.text(max_size=3), GOOD_HISTORY, min_size=1, max_size=3),
        st.one_of(st.lists(st.tuples(ANYTHING, HISTORIES), max_size=2), ANYTHING),
    ),
    metric=METRIC,
    ax=AXES,
)
def test_plot_runs_draws_or_refuses_clearly(runs, metric, ax):
    ax = make_axes(ax)
    result = outcome(lambda: plot_runs(runs, metric=metric, ax=ax),
                     "run", "history", "metric", "ax")  # fmt: skip
    if result is not REFUSED:
        check_drawn(result, Axes)


SCORE = st.floats(-1e6, 1e6)


@settings(max_examples=20, deadline=None)
@given(
    x_range=mostly(st.tuples(SCORE, SCORE).map(sorted), st.one_of(st.tuples(NUMBER, NUMBER), BAD)),
    softmax_input=mostly(st.lists(SCORE, min_size=1, max_size=5), BAD),
)
def test_plot_activations_draws_or_refuses_clearly(x_range, softmax_input):
    result = outcome(lambda: plot_activations(x_range=x_range, softmax_input=softmax_input),
                     "x_range", "softmax_input")  # fmt: skip
    if result is not REFUSED:
        check_drawn(result, Figure)


@settings(max_examples=150, deadline=None)
@given(
    labels=pairs(labels),
    num_classes=mostly(st.none() | st.integers(6, 100), st.integers() | ANYTHING),
)
def test_confusion_matrix_counts_or_refuses_clearly(labels, num_classes):
    y_true, y_pred = labels
    matrix = outcome(lambda: confusion_matrix(y_true, y_pred, num_classes=num_classes),
                     "y_true", "y_pred", "num_classes")  # fmt: skip
    if matrix is not REFUSED:
        assert matrix.shape[0] == matrix.shape[1] <= 100
        assert matrix.sum() == len(np.asarray(y_true))


@settings(max_examples=40, deadline=None)
@given(
    labels=pairs(labels),
    class_names=mostly(st.none() | st.lists(st.text(max_size=3), min_size=6, max_size=8),
                       st.lists(st.text(max_size=3), max_size=3) | ANYTHING),
    normalize=mostly(st.booleans(), ANYTHING),
    ax=AXES,
)  # fmt: skip
def test_plot_confusion_matrix_draws_or_refuses_clearly(labels, class_names, normalize, ax):
    ax = make_axes(ax)
    result = outcome(
        lambda: plot_confusion_matrix(*labels, class_names=class_names, normalize=normalize, ax=ax),
        "y_true", "y_pred", "class_names", "normalize", "ax",
    )  # fmt: skip
    if result is not REFUSED:
        check_drawn(result, Axes)


def digits(n):
    shapes = st.sampled_from([(n, 28, 28), (n, 784), (n, 28, 28, 1)])
    kinds = st.sampled_from([np.uint8, np.float64])
    pixels = hnp.arrays(kinds, shapes, elements=st.integers(0, 255))
    return st.tuples(pixels, labels(n), st.none() | labels(n))


COUNT = mostly(st.integers(1, 4) | st.integers(1, 4).map(np.int64), st.integers() | ANYTHING)


@settings(max_examples=30, deadline=None)
@given(
    arrays=mostly(st.integers(1, 3).flatmap(digits), st.tuples(BAD, BAD, st.none() | BAD)),
    ncols=COUNT,
    max_images=COUNT,
    title=st.one_of(st.none(), ANYTHING),
)
def test_plot_digits_draws_or_refuses_clearly(arrays, ncols, max_images, title):
    images, labels, predictions = arrays
    result = outcome(
        lambda: plot_digits(images, labels, predictions=predictions, ncols=ncols,
                            max_images=max_images, title=title),
        "images", "labels", "predictions", "ncols", "max_images",
    )  # fmt: skip
    if result is not REFUSED:
        check_drawn(result, Figure)


def comparisons(measures):
    cases = st.lists(st.text(max_size=4), min_size=1, max_size=3, unique=True)
    return cases.flatmap(
        lambda names: st.fixed_dictionaries({
            name: st.fixed_dictionaries({m: FLOATS for m in measures}) for name in names
        })
    )  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(
    results=mostly(
        st.lists(st.sampled_from(["accuracy", "loss"]), min_size=1, unique=True).flatmap(
            comparisons
        ),
        st.one_of(
            st.dictionaries(st.text(max_size=3) | st.integers(),
                            st.dictionaries(st.sampled_from(["loss", "accuracy"]), NUMBER)
                            | ANYTHING, max_size=3),
            ANYTHING,
        ),
    )
)  # fmt: skip
def test_plot_comparison_draws_or_refuses_clearly(results):
    result = outcome(lambda: plot_comparison(results), "results", "case", "measures")
    if result is not REFUSED:
        check_drawn(result, Figure)


@settings(max_examples=60, deadline=None)
@given(
    function=st.sampled_from(["predictions", "histogram", "both"]),
    ys=pairs(values),
    bins=mostly(st.integers(1, 50) | st.integers(1, 50).map(np.int64), st.integers() | ANYTHING),
    unit=st.one_of(st.none(), ANYTHING),
    ax=AXES,
)
def test_regression_plots_draw_or_refuse_clearly(function, ys, bins, unit, ax):
    ax, (y_true, y_pred) = make_axes(ax), ys
    calls = {
        "predictions": lambda: plot_predictions(y_true, y_pred, ax=ax, unit=unit),
        "histogram": lambda: plot_error_histogram(y_true, y_pred, ax=ax, bins=bins, unit=unit),
        "both": lambda: plot_regression(y_true, y_pred, unit=unit),
    }
    result = outcome(calls[function], "y_true", "y_pred", "bins", "ax")
    if result is not REFUSED:
        check_drawn(result, Figure if function == "both" else Axes)
