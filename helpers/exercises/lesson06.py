"""Exercises for notebook 06: multiclass classification.

Exercise 1 is the learner's function, run on declared cases: the iris model and
its test inputs, a model whose every answer differs (names taken from y_test or
from sparse_model itself give themselves away), and fewer flowers (names worked
out from x_test do). Exercise 3 has no one right value when digits tie, so its
rules alone judge it. Exercise 2 keeps its own checker: see the comment there.
"""

from __future__ import annotations

import numpy as np

from helpers.data import IRIS_CLASSES
from helpers.exercises import Exercise, WrongAnswer, as_model, as_number
from helpers.exercises.types import Arg, Case, FunctionExercise, Mistake, ValueExercise
from helpers.i18n import N_, _


def _predicted_names(model, x) -> list[str]:
    """The species ``model`` predicts for each row of ``x``: the names the function must give."""
    try:
        probabilities = np.asarray(model.predict(x, verbose=0))
        return [IRIS_CLASSES[i] for i in probabilities.argmax(axis=1)]
    except Exception:
        raise WrongAnswer(
            _(
                "the check needs the iris model and its test inputs: copy the check cell as it "
                "was, with sparse_model and x_test."
            )
        ) from None


def _as_names(names, name: str) -> list[str]:
    """What species_names returned as a list of texts, one per flower."""
    if isinstance(names, str):
        raise WrongAnswer(
            _(
                "species_names returned one name, {name!r}; return one name per flower "
                "(one per row of x). argmax(axis=1) gives one class per row."
            ).format(name=names)
        )
    try:
        return [name if isinstance(name, str) else str(name) for name in names]
    except TypeError:
        raise WrongAnswer(
            _("species_names should return a list of names; it returned a {kind}.").format(
                kind=type(names).__name__
            )
        ) from None


def _rolled(model):
    """``model`` with each row of probabilities shifted by one class: every prediction changes."""
    import keras

    class Rolled(keras.Model):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def call(self, x):
            return keras.ops.roll(self.inner(x), 1, axis=-1)

    return Rolled(model)


def _flowers(model, x_test) -> list[Case]:
    """The calls of species_names, each with what it tests ({why} in the messages)."""
    _predicted_names(model, x_test)  # a check cell copied wrongly is said first
    return [
        Case((model, x_test), {"why": ""}),
        Case(
            (_rolled(model), x_test),
            {
                "why": _(
                    "The names must come from model.predict(x) with the model passed in: not "
                    "from y_test (the true labels) nor from sparse_model itself."
                )
            },
        ),
        Case(
            (model, np.asarray(x_test)[::-2]),
            {"why": _("Use x, the function's argument, not x_test.")},
        ),
    ]


def _wrong_count(names, model, x) -> dict | None:
    return {"flowers": len(x), "count": len(names)} if len(names) != len(x) else None


def _first_difference(names, model, x) -> dict:
    expected = _predicted_names(model, x)
    wrong = [i for i, (a, b) in enumerate(zip(names, expected, strict=True)) if a != b]
    i = wrong[0]
    return {
        "i": i,
        "expected": expected[i],
        "given": names[i],
        "wrong": len(wrong),
        "total": len(expected),
    }


q1 = FunctionExercise(
    answer="species_names",
    inputs=["model", "x_test"],
    call="species_names(model, x)",
    cases=_flowers,
    reference=_predicted_names,
    read=_as_names,
    rules=[
        Mistake(
            N_(
                "for {flowers} flowers species_names returned {count} names: with argmax(axis=0) "
                "you get one value per class (column) instead of one per flower (row)."
            ),
            when=lambda names, model, x: (
                len(names) == len(IRIS_CLASSES) and _wrong_count(names, model, x)
            ),
        ),
        Mistake(
            N_(
                "for {flowers} flowers species_names returned {count} names: "
                "give one name per row of x. {why}"
            ),
            when=_wrong_count,
        ),
        Mistake(
            N_("{unknown} are not species names: look each class number up in IRIS_CLASSES."),
            when=lambda names, model, x: (
                set(names) - set(IRIS_CLASSES)
                and {"unknown": sorted(set(names) - set(IRIS_CLASSES))[:3]}
            ),
        ),
    ],
    otherwise=Mistake(
        N_(
            "flower {i} should be {expected!r} (the model's most probable class), "
            "you gave {given!r}; {wrong} of {total} names differ. {why}"
        ),
        when=_first_difference,
    ),
    hint=N_(
        "Inside the function: model.predict(x, verbose=0), then argmax(axis=1) gives one "
        "class number per flower; IRIS_CLASSES[number] is its name. A list comprehension does "
        "all of them."
    ),
    solution="""
    def species_names(model, x):
        classes = model.predict(x, verbose=0).argmax(axis=1)
        return [IRIS_CLASSES[c] for c in classes]
    """,
    success=N_("one species name per flower, whatever the model says."),
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
                "the check needs the confusion matrix, a square table of counts: copy the check "
                "cell as it was, with matrix."
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
