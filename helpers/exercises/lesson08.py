"""Exercises for notebook 06: multiclass classification.

Exercise 1 is a prediction: the learner says what training with
categorical_crossentropy on integer labels will do, then the check runs it on
the learner's own model and labels and says what happened. Exercise 3 has no one
right value when digits tie, so its rules alone judge it. Exercise 2 keeps its own
checker: see the comment there.
"""

from __future__ import annotations

import numpy as np

from helpers.exercises import Exercise, WrongAnswer, as_array, as_model, as_number
from helpers.exercises.types import Arg, Mistake, ValueExercise
from helpers.exercises.words import Prediction, Words
from helpers.i18n import N_, _

#: What a fit with a loss and labels can do: refuse, or train.
FIT_OUTCOMES = Words(
    {
        "error": ("raise", "refuse", "exception", "fail", "crash", "오류", "에러", "예외", "거부"),
        "trains": ("train", "work", "learn", "runs", "훈련", "학습", "작동"),
    }
)

#: Why the check cannot run the learner's fit: its cell was not copied as it was.
COPY_THE_CELL = N_(
    "the check needs the compiled model, x_train and y_train: run the cell that checks it "
    "as it was given."
)


def _fitted(model, x: np.ndarray, y: np.ndarray) -> tuple[str, dict]:
    """One epoch of ``model.fit(x, y)``: ("error", what Keras said) or ("trains", the loss).

    The model must take ``x`` and be compiled, and ``y`` must be numbers, one per row of
    ``x``: then a refusal can only come from labels that do not fit the loss.
    """
    if not getattr(model, "compiled", False):
        raise WrongAnswer(_(COPY_THE_CELL))
    if x.dtype.kind not in "biuf" or y.dtype.kind not in "biuf" or x.ndim != 2 or y.ndim < 1:
        raise WrongAnswer(_(COPY_THE_CELL))
    if not len(x) or len(y) != len(x) or not (np.isfinite(x).all() and np.isfinite(y).all()):
        raise WrongAnswer(_(COPY_THE_CELL))
    try:
        model(x[:1])
    except Exception:
        raise WrongAnswer(_(COPY_THE_CELL)) from None
    try:
        history = model.fit(x, y, epochs=1, verbose=0)
    except ValueError as error:
        said = str(error).strip().splitlines()
        return "error", {"said": said[0] if said else type(error).__name__}
    return "trains", {"loss": history.history["loss"][-1]}


q1 = Prediction(
    answer="prediction",
    inputs=[Arg("model", read=as_model), Arg("x", read=as_array), Arg("y", read=as_array)],
    outcomes=FIT_OUTCOMES,
    observe=_fitted,
    happened={
        "error": N_("Keras refused to train. It said: {said}"),
        "trains": N_("it trained: the loss after one epoch is {loss:.2f}."),
    },
    why={
        ("trains", "error"): N_(
            "categorical_crossentropy compares each output row (three probabilities) with a "
            "one-hot label row of the same shape; y_train holds one class number per flower, "
            "so the shapes differ and Keras stops before the first step. Give it "
            "to_categorical labels, or use sparse_categorical_crossentropy."
        ),
        ("error", "trains"): N_(
            "These labels fit the loss: one one-hot row per flower for "
            "categorical_crossentropy, or class numbers for sparse_categorical_crossentropy."
        ),
    },
    hint=N_(
        "Compare the shapes: y_train is (120,), one class number per flower; the model "
        "answers (120, 3), one row of probabilities per flower. What does "
        "categorical_crossentropy compare a probability row with?"
    ),
    solution=N_('prediction = "error"  # one class number per flower, not a one-hot row of three'),
    success=N_(
        "the loss must match the labels: class numbers for sparse_categorical_crossentropy, "
        "one-hot rows for categorical_crossentropy."
    ),
)


def _outputs(model, batch) -> np.ndarray | None:
    import keras

    try:
        return np.asarray(keras.ops.convert_to_numpy(model(batch)), dtype="float64")
    except Exception:
        return None


def _relu_like(function) -> bool:
    """Whether ``function`` (a layer or an activation) behaves as relu on a few numbers."""
    import keras

    probe = np.array([[-2.0, -0.5, 0.0, 0.5, 3.0]], dtype="float32")
    try:
        result = keras.ops.convert_to_numpy(function(probe))
    except Exception:
        return False
    return np.shape(result) == probe.shape and np.allclose(result, np.maximum(probe, 0))


def _has_hidden_relu(model) -> bool:
    """A relu after a Dense layer that is not the output: in the Dense or as its own layer."""
    import keras

    layers = list(model.layers)
    dense = [i for i, layer in enumerate(layers) if isinstance(layer, keras.layers.Dense)]
    for i, layer in enumerate(layers[: dense[-1]] if dense else []):
        if isinstance(layer, keras.layers.Dense):
            if _relu_like(layer.activation):
                return True
        elif i > dense[0] and isinstance(layer, keras.layers.Activation | keras.layers.ReLU):
            if _relu_like(layer):
                return True
    return False


def _check_digit_model(my_digit_model) -> None:
    import keras

    as_model(my_digit_model, "my_digit_model")
    batch = np.random.default_rng(0).uniform(size=(3, 784)).astype("float32")
    output = _outputs(my_digit_model, batch)
    if output is None:
        raise WrongAnswer(
            _(
                "the model cannot take a batch of flattened images, shape (3, 784). "
                "Start with keras.Input(shape=(784,))."
            )
        )
    if output.shape != (3, 10):
        raise WrongAnswer(
            _(
                "for 3 images the model returns shape {shape}; it should return (3, 10): "
                "one probability per digit. The output layer needs 10 units."
            ).format(shape=output.shape)
        )
    if not np.allclose(output.sum(axis=1), 1.0, atol=1e-4) or not output.min() >= 0:
        raise WrongAnswer(
            _(
                "the outputs are not probabilities that sum to 1 for each image: "
                'give the output layer activation="softmax".'
            )
        )
    dense = [layer for layer in my_digit_model.layers if isinstance(layer, keras.layers.Dense)]
    if len(dense) < 2:
        raise WrongAnswer(
            _("the model has no hidden layer: add Dense(512, activation='relu') before the output.")
        )
    if not _has_hidden_relu(my_digit_model):
        raise WrongAnswer(
            _(
                "no hidden layer uses relu: give at least one hidden Dense layer "
                "activation='relu' (or follow it with keras.layers.Activation('relu'))."
            )
        )


# Exercise 2 keeps its own checker: it is open, not one architecture. Any number of
# hidden layers of any size is right, with other layers between them (Dropout, taught in
# notebook 04), an activation written as a layer (ReLU(), Softmax()) and a model with no
# Input that builds on the first batch, as long as a hidden layer applies relu and the
# output gives 10 probabilities. ModelExercise declares one exact stack of Dense layers
# and would refuse most of these; the checker judges the model by what it does instead.
q2 = Exercise(
    check=_check_digit_model,
    hint=N_(
        "keras.Sequential with keras.Input(shape=(784,)), one or more "
        "Dense(..., activation='relu') layers, and Dense(10, activation='softmax') last."
    ),
    solution="""
    my_digit_model = keras.Sequential([
        keras.Input(shape=(784,)),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ])
    """,
    success=N_("784 pixels in, a hidden relu layer, 10 probabilities out."),
)


def _counts(matrix, name: str) -> np.ndarray:
    """``matrix`` as a square table of counts, or a message saying what it should be."""
    try:
        counts = np.asarray(matrix, dtype="float64")
    except (TypeError, ValueError):
        counts = np.zeros((0, 0))
    if (
        counts.ndim != 2
        or counts.shape[0] != counts.shape[1]
        or not np.isfinite(counts).all()
        or (counts < 0).any()
        or (counts != np.round(counts)).any()
        or not (counts.sum(axis=1) > 0).any()
    ):
        raise WrongAnswer(
            _(
                "the check needs the confusion matrix, a square table of counts: run the cell "
                "that checks it as it was given, with matrix."
            )
        )
    return counts


#: Why an answer that is not a row of the matrix is wrong (its last row filled in).
DIGIT_RANGE = N_("worst_digit is one whole number from 0 to {last}.")


def _outside(number: float, matrix: np.ndarray) -> dict:
    return {"number": number, "why": _(DIGIT_RANGE).format(last=len(matrix) - 1)}


def _shares(counts: np.ndarray) -> np.ndarray:
    """Each row's share on the diagonal; infinity for a row without test images."""
    share = np.full(len(counts), np.inf)
    rows = counts.sum(axis=1)
    np.divide(np.diag(counts), rows, out=share, where=rows > 0)
    return share


def _not_worst(test):
    """A rule's test for a digit whose share is not the smallest: ``test(digit, matrix)``."""

    def when(answer: float, matrix: np.ndarray) -> dict | None:
        digit, share = int(answer), _shares(matrix)
        if np.isclose(share[digit], share.min()):
            return None  # digits that tie for the smallest share are all right
        said = test(digit, matrix)
        return {"digit": digit, **(said if isinstance(said, dict) else {})} if said else None

    return when


def _recognised(digit: int, matrix: np.ndarray) -> dict:
    share = _shares(matrix)
    worst = int(share.argmin())
    return {"share": share[digit], "worst": worst, "worst_share": share[worst]}


q3 = ValueExercise(
    answer=Arg("worst_digit", read=as_number),
    inputs=[Arg("matrix", read=_counts)],
    rules=[
        Mistake(
            N_("you gave {number:g}; {why}"),
            when=lambda digit, matrix: digit != int(digit) and _outside(digit, matrix),
        ),
        Mistake(
            N_("you gave {number}; {why}"),
            when=lambda digit, matrix: (
                not 0 <= digit < len(matrix) and _outside(int(digit), matrix)
            ),
        ),
        Mistake(
            N_("digit {digit} has no test images at all, so nothing to get wrong."),
            when=lambda digit, matrix: matrix[int(digit)].sum() == 0 and {"digit": int(digit)},
        ),
        Mistake(
            N_(
                "you divided by the column sums (how often {digit} was *predicted*); rows are "
                "the true digits: divide the diagonal by each row's sum."
            ),
            when=_not_worst(
                lambda digit, matrix: np.isclose(_shares(matrix.T)[digit], _shares(matrix.T).min())
            ),
        ),
        Mistake(
            N_(
                "digit {digit} has the fewest correct answers, but the digits have different "
                "numbers of test images: compare shares (diagonal / row sum), not counts."
            ),
            when=_not_worst(lambda digit, matrix: matrix[digit, digit] == matrix.diagonal().min()),
        ),
        Mistake(
            N_(
                "digit {digit} was recognised {share:.1%} of the time; digit {worst} only "
                "{worst_share:.1%}."
            ),
            when=_not_worst(_recognised),
        ),
    ],
    hint=N_(
        "Row i counts the test images of digit i. matrix.diagonal() / matrix.sum(axis=1) is "
        "the share each digit got right; argmin finds the smallest."
    ),
    solution="worst_digit = int((matrix.diagonal() / matrix.sum(axis=1)).argmin())",
    success=N_("that digit's row has the smallest share on the diagonal."),
)
