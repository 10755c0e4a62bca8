"""Exercises for notebook 06: multiclass classification."""

from __future__ import annotations

import numpy as np

from helpers.data import IRIS_CLASSES
from helpers.exercises import Exercise, NotAnswered, WrongAnswer


def _not_answered(answer) -> None:
    if answer is None:
        raise NotAnswered("replace None with your answer, run that cell, then check again.")


def _check_species(predicted_species, model, x_test) -> None:
    _not_answered(predicted_species)
    expected = [IRIS_CLASSES[i] for i in model.predict(x_test, verbose=0).argmax(axis=1)]
    if isinstance(predicted_species, str):
        raise WrongAnswer(
            f"you gave one name, {predicted_species!r}; make one name per test flower "
            f"({len(expected)} of them). argmax(axis=1) gives one class per row."
        )
    try:
        names = [str(name) for name in predicted_species]
    except TypeError:
        raise WrongAnswer(
            f"predicted_species should be a list of names; you gave a "
            f"{type(predicted_species).__name__}."
        ) from None
    if len(names) != len(expected):
        raise WrongAnswer(
            f"you gave {len(names)} names for {len(expected)} test flowers: with argmax(axis=0) "
            "you get one value per class (column) instead of one per flower (row)."
            if len(names) == len(IRIS_CLASSES)
            else f"you gave {len(names)} names for {len(expected)} test flowers; give one each."
        )
    unknown = sorted(set(names) - set(IRIS_CLASSES))
    if unknown:
        raise WrongAnswer(
            f"{unknown[:3]} are not species names: look each class number up in IRIS_CLASSES."
        )
    wrong = [i for i, (a, b) in enumerate(zip(names, expected, strict=True)) if a != b]
    if wrong:
        i = wrong[0]
        raise WrongAnswer(
            f"flower {i} should be {expected[i]!r} (the model's most probable class), "
            f"you gave {names[i]!r}; {len(wrong)} of {len(expected)} names differ."
        )


def _check_digit_model(my_digit_model) -> None:
    import keras

    _not_answered(my_digit_model)
    if not isinstance(my_digit_model, keras.Model):
        raise WrongAnswer(
            f"my_digit_model should be a Keras model (keras.Sequential([...])); "
            f"you gave a {type(my_digit_model).__name__}."
        )
    batch = np.random.default_rng(0).uniform(size=(3, 784)).astype("float32")
    try:
        output = keras.ops.convert_to_numpy(my_digit_model(batch))
    except Exception as error:
        raise WrongAnswer(
            "the model cannot take a batch of flattened images, shape (3, 784): "
            f"{type(error).__name__}. Start with keras.Input(shape=(784,))."
        ) from None
    if output.shape != (3, 10):
        raise WrongAnswer(
            f"for 3 images the model returns shape {output.shape}; it should return (3, 10): "
            "one probability per digit. The output layer needs 10 units."
        )
    if not np.allclose(output.sum(axis=1), 1.0, atol=1e-4) or output.min() < 0:
        raise WrongAnswer(
            "the outputs are not probabilities that sum to 1 for each image: "
            'give the output layer activation="softmax".'
        )
    dense = [layer for layer in my_digit_model.layers if isinstance(layer, keras.layers.Dense)]
    hidden = dense[:-1]
    if not hidden:
        raise WrongAnswer(
            "the model has no hidden layer: add Dense(512, activation='relu') before the output."
        )
    not_relu = [layer.name for layer in hidden if layer.get_config()["activation"] != "relu"]
    if not_relu:
        raise WrongAnswer(
            f"the hidden layer(s) {not_relu} do not use relu; this lesson's digit model uses "
            "activation='relu' in its hidden layers."
        )


def _check_worst_digit(worst_digit, matrix) -> None:
    _not_answered(worst_digit)
    matrix = np.asarray(matrix)
    if isinstance(worst_digit, np.ndarray) and worst_digit.size != 1:
        raise WrongAnswer(f"give a single digit, not an array of shape {worst_digit.shape}.")
    try:
        digit = int(worst_digit)
    except (TypeError, ValueError):
        raise WrongAnswer(
            f"worst_digit should be a whole number 0-9; you gave {worst_digit!r}."
        ) from None
    if digit != worst_digit or not 0 <= digit < len(matrix):
        raise WrongAnswer(f"worst_digit should be a whole number 0-9; you gave {worst_digit!r}.")
    share = np.diag(matrix) / matrix.sum(axis=1)
    worst = np.flatnonzero(share == share.min())
    if digit in worst:
        return
    by_column = np.diag(matrix) / np.maximum(matrix.sum(axis=0), 1)
    if digit in np.flatnonzero(by_column == by_column.min()):
        raise WrongAnswer(
            f"you divided by the column sums (how often {digit} was *predicted*); rows are the "
            "true digits: divide the diagonal by each row's sum."
        )
    if digit in np.flatnonzero(np.diag(matrix) == np.diag(matrix).min()):
        raise WrongAnswer(
            f"digit {digit} has the fewest correct answers, but the digits have different "
            "numbers of test images: compare shares (diagonal / row sum), not counts."
        )
    raise WrongAnswer(
        f"digit {digit} was recognised {share[digit]:.1%} of the time; digit {worst[0]} only "
        f"{share[worst[0]]:.1%}."
    )


q1 = Exercise(
    check=_check_species,
    hint="predict, then argmax(axis=1) gives one class number per flower; IRIS_CLASSES[number] "
    "is its name. A list comprehension does all of them.",
    solution="""
    classes = sparse_model.predict(x_test, verbose=0).argmax(axis=1)
    predicted_species = [IRIS_CLASSES[c] for c in classes]
    """,
    success="one species name per test flower.",
)

q2 = Exercise(
    check=_check_digit_model,
    hint="keras.Sequential with keras.Input(shape=(784,)), one or more "
    "Dense(..., activation='relu') layers, and Dense(10, activation='softmax') last.",
    solution="""
    my_digit_model = keras.Sequential([
        keras.Input(shape=(784,)),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ])
    """,
    success="784 pixels in, a hidden relu layer, 10 probabilities out.",
)

q3 = Exercise(
    check=_check_worst_digit,
    hint="Row i counts the test images of digit i. matrix.diagonal() / matrix.sum(axis=1) is "
    "the share each digit got right; argmin finds the smallest.",
    solution="worst_digit = int((matrix.diagonal() / matrix.sum(axis=1)).argmin())",
    success="that digit's row has the smallest share on the diagonal.",
)
