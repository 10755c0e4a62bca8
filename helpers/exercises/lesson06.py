"""Exercises for notebook 06: multiclass classification."""

from __future__ import annotations

import numpy as np

from helpers.data import IRIS_CLASSES
from helpers.exercises import Exercise, WrongAnswer, as_model, as_whole_number, call_answer
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


def _names_from(species_names, model, x) -> list[str]:
    """Call the learner's function and return its answer as a list of texts."""
    names = call_answer(
        species_names,
        "species_names(model, x)",
        model,
        x,
        called_with=_("x of shape {shape}").format(shape=np.shape(x)),
    )
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


def _compare(names, expected, *, why: str) -> None:
    """Refuse ``names`` unless they are ``expected``; ``why`` (translated) ends the message."""
    if len(names) != len(expected):
        if len(names) == len(IRIS_CLASSES):
            message = _(
                "for {flowers} flowers species_names returned {count} names: with argmax(axis=0) "
                "you get one value per class (column) instead of one per flower (row)."
            )
        else:
            message = _(
                "for {flowers} flowers species_names returned {count} names: "
                "give one name per row of x. {why}"
            )
        raise WrongAnswer(message.format(flowers=len(expected), count=len(names), why=why).rstrip())
    unknown = sorted(set(names) - set(IRIS_CLASSES))
    if unknown:
        raise WrongAnswer(
            _("{unknown} are not species names: look each class number up in IRIS_CLASSES.").format(
                unknown=unknown[:3]
            )
        )
    wrong = [i for i, (a, b) in enumerate(zip(names, expected, strict=True)) if a != b]
    if wrong:
        i = wrong[0]
        raise WrongAnswer(
            _(
                "flower {i} should be {expected!r} (the model's most probable class), "
                "you gave {given!r}; {wrong} of {total} names differ. {why}"
            )
            .format(
                i=i,
                expected=expected[i],
                given=names[i],
                wrong=len(wrong),
                total=len(expected),
                why=why,
            )
            .rstrip()
        )


def _check_species(species_names, model, x_test) -> None:
    if not callable(species_names):
        raise WrongAnswer(
            _(
                "species_names should be a function, def species_names(model, x): ..., that "
                "returns the names; you gave a {kind}."
            ).format(kind=type(species_names).__name__)
        )
    expected = _predicted_names(model, x_test)
    names = _names_from(species_names, model, x_test)
    _compare(names, expected, why="")
    shifted = _rolled(model)
    _compare(
        _names_from(species_names, shifted, x_test),
        _predicted_names(shifted, x_test),
        why=_(
            "The names must come from model.predict(x) with the model passed in: not from "
            "y_test (the true labels) nor from sparse_model itself."
        ),
    )
    fewer = np.asarray(x_test)[::-2]
    _compare(
        _names_from(species_names, model, fewer),
        _predicted_names(model, fewer),
        why=_("Use x, the function's argument, not x_test."),
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


def _counts(matrix) -> np.ndarray:
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


def _digit(worst_digit, classes: int) -> int:
    why = _("worst_digit is one whole number from 0 to {last}.").format(last=classes - 1)
    digit = as_whole_number(worst_digit, "worst_digit", why)
    if not 0 <= digit < classes:
        raise WrongAnswer(_("you gave {number}; {why}").format(number=digit, why=why))
    return digit


def _check_worst_digit(worst_digit, matrix) -> None:
    matrix = _counts(matrix)
    digit = _digit(worst_digit, len(matrix))
    right, rows, columns = np.diag(matrix), matrix.sum(axis=1), matrix.sum(axis=0)
    if rows[digit] == 0:
        raise WrongAnswer(
            _("digit {digit} has no test images at all, so nothing to get wrong.").format(
                digit=digit
            )
        )
    share = np.full(len(matrix), np.inf)
    np.divide(right, rows, out=share, where=rows > 0)
    if np.isclose(share[digit], share.min()):
        return
    worst = int(share.argmin())
    by_column = np.full(len(matrix), np.inf)
    np.divide(right, columns, out=by_column, where=columns > 0)
    if np.isclose(by_column[digit], by_column.min()):
        raise WrongAnswer(
            _(
                "you divided by the column sums (how often {digit} was *predicted*); rows are "
                "the true digits: divide the diagonal by each row's sum."
            ).format(digit=digit)
        )
    if right[digit] == right.min():
        raise WrongAnswer(
            _(
                "digit {digit} has the fewest correct answers, but the digits have different "
                "numbers of test images: compare shares (diagonal / row sum), not counts."
            ).format(digit=digit)
        )
    raise WrongAnswer(
        _(
            "digit {digit} was recognised {share:.1%} of the time; digit {worst} only "
            "{worst_share:.1%}."
        ).format(digit=digit, share=share[digit], worst=worst, worst_share=share[worst])
    )


q1 = Exercise(
    check=_check_species,
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

q3 = Exercise(
    check=_check_worst_digit,
    hint=N_(
        "Row i counts the test images of digit i. matrix.diagonal() / matrix.sum(axis=1) is "
        "the share each digit got right; argmin finds the smallest."
    ),
    solution="worst_digit = int((matrix.diagonal() / matrix.sum(axis=1)).argmin())",
    success=N_("that digit's row has the smallest share on the diagonal."),
)
