import keras
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import to_hex

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
        (lambda: plot_comparison({"a": {"x": float("nan")}}), ValueError, "not finite"),
        (lambda: plot_error_histogram([1.0], [1.0], bins=0), ValueError, "bins"),
        (lambda: plot_regression([], []), ValueError, "non-empty"),
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
