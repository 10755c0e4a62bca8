"""Exercises for notebook 01: layers and models.

Exercise 1 is a diagnosis: a classmate's model for the breast-cancer table has
two mistakes, and the learner writes it corrected, Sequential or functional
(the network input -> 16 relu units -> 1 sigmoid unit); the
:class:`~helpers.exercises.models.ModelExercise` reads the learner's model
through public Keras APIs and its predictions. Exercise 2 is a count predicted
by hand before Keras counts it, with the partial sums learners typically give
declared as known mistakes. Exercise 3 is a prediction: does the hand-set XOR
network still solve XOR once its hidden layer has no activation? The check reads
the answer from the learner's own run of that network.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from helpers.data import make_xor
from helpers.exercises import WrongAnswer, as_model, as_whole_number
from helpers.exercises.models import DenseLayer, ModelExercise
from helpers.exercises.types import Arg, Mistake, ValueExercise
from helpers.exercises.words import Prediction, Words
from helpers.i18n import N_, _

N_FEATURES = 30  # the breast-cancer table's measurements per tumour
HIDDEN_UNITS = 16

q1 = ModelExercise(
    answer="cancer_model",
    api=None,
    input_shape=(N_FEATURES,),
    input_why=N_("each tumour has 30 measurements, so use keras.Input(shape=(30,))."),
    hidden=[
        DenseLayer(
            HIDDEN_UNITS,
            "relu",
            activation_why=N_("use 'relu', the usual choice for hidden layers."),
        )
    ],
    output=DenseLayer(
        1,
        "sigmoid",
        units_why=N_(
            "this is a binary problem (benign or malignant), so one unit giving one "
            "probability is enough."
        ),
        activation_why=N_("a binary output needs 'sigmoid' to give a probability between 0 and 1."),
    ),
    hint=N_(
        "Two mistakes: (30) without a comma is the number 30, not a shape: a tuple of one "
        "element needs its comma. And the output must be a probability between 0 and 1: "
        "which activation gives that, and which one does not?"
    ),
    solution=N_("""
        inputs = keras.Input(shape=(30,))  # a tuple: (30,) with its comma
        hidden = keras.layers.Dense(16, activation="relu")(inputs)
        outputs = keras.layers.Dense(1, activation="sigmoid")(hidden)  # a probability
        cancer_model = keras.Model(inputs, outputs)
    """),
    success=N_(
        "both mistakes fixed: the shape (30,) with its comma, and a sigmoid output, one "
        "probability between 0 and 1 (relu would give any number from 0 up)."
    ),
)

# Exercise 2: Input(4) -> Dense(8) -> Dense(3): (4 * 8 + 8) + (8 * 3 + 3) parameters.
HIDDEN_WEIGHTS, HIDDEN_BIASES, OUTPUT_WEIGHTS, OUTPUT_BIASES = 4 * 8, 8, 8 * 3, 3

q2 = ValueExercise(
    answer=Arg(
        "n_params",
        read=lambda value, name: as_whole_number(
            value, name, _("a count of parameters is a whole number.")
        ),
    ),
    expected=HIDDEN_WEIGHTS + HIDDEN_BIASES + OUTPUT_WEIGHTS + OUTPUT_BIASES,
    mistakes=[
        Mistake(
            N_(
                "you gave {n_params}: you counted the weights but not the biases: "
                "every unit has one bias too (+8 and +3)."
            ),
            value=HIDDEN_WEIGHTS + OUTPUT_WEIGHTS,
        ),
        Mistake(
            N_(
                "you gave {n_params}: that is the hidden layer only; add the output layer's "
                "weights and biases."
            ),
            value=HIDDEN_WEIGHTS + HIDDEN_BIASES,
        ),
        Mistake(
            N_(
                "you gave {n_params}: that is the output layer only; add the hidden layer's "
                "weights and biases."
            ),
            value=OUTPUT_WEIGHTS + OUTPUT_BIASES,
        ),
        Mistake(
            N_("you gave {n_params}: the hidden layer's biases are missing."),
            value=HIDDEN_WEIGHTS + OUTPUT_WEIGHTS + OUTPUT_BIASES,
        ),
        Mistake(
            N_("you gave {n_params}: the output layer's biases are missing."),
            value=HIDDEN_WEIGHTS + HIDDEN_BIASES + OUTPUT_WEIGHTS,
        ),
    ],
    otherwise=N_(
        "you gave {n_params}. For each Dense layer count inputs * units weights plus "
        "units biases, then add the layers together."
    ),
    hint=N_(
        "A Dense layer with n inputs and m units has n * m weights and m biases. "
        "The hidden layer has 4 inputs and 8 units; the output layer has 8 inputs and 3 units."
    ),
    solution="n_params = (4 * 8 + 8) + (8 * 3 + 3)  # 40 + 27 = 67",
    success=N_("(4 * 8 + 8) + (8 * 3 + 3) = 67, what model.count_params() says too."),
)

# Exercise 3: the hand-set XOR network of the lesson, its hidden layer without activation.
YES_NO = Words(
    {
        "yes": ("yes", "y", "true", "예", "네", "맞힌다", "맞힙니다"),
        "no": ("no", "n", "false", "아니요", "아니오", "아니", "못맞힌다", "못맞힙니다"),
    },
    whole=True,
)


def _yes_or_no(value: Any, name: str) -> Any:
    """``True``/``False`` read as "yes"/"no"; any other value as it is."""
    return ("yes" if value else "no") if isinstance(value, bool | np.bool_) else value


def _corners_right(network: Any) -> tuple[str, dict]:
    """How many of XOR's four corners ``network`` answers right (probability above 0.5)."""
    x_xor, y_xor = make_xor()
    try:
        probabilities = np.asarray(network(x_xor), dtype=float).ravel()
    except Exception as error:  # a network that cannot read XOR's two inputs
        raise WrongAnswer(
            _(
                "no_activation could not answer XOR's four corners ({error}): run the cell "
                "as it was, with keras.Input(shape=(2,))."
            ).format(error=type(error).__name__)
        ) from None
    if probabilities.shape != (4,) or not np.isfinite(probabilities).all():
        raise WrongAnswer(
            _(
                "no_activation should give one probability per corner, 4 in all; it gave "
                "{count} numbers: run the cell as it was."
            ).format(count=probabilities.size)
        )
    answers = (probabilities > 0.5).astype(int)
    right = int((answers == y_xor).sum())
    return ("yes" if right == 4 else "no"), {"right": right, "answers": answers.tolist()}


q3 = Prediction(
    answer=Arg("prediction", read=_yes_or_no),
    inputs=[Arg("no_activation", read=as_model)],
    outcomes=YES_NO,
    observe=_corners_right,
    happened={
        "yes": N_("this network answers {answers}: all 4 corners right."),
        "no": N_(
            "this network answers {answers} where XOR is [0, 1, 1, 0]: {right} of the "
            "4 corners right."
        ),
    },
    why={
        ("yes", "no"): N_(
            "Without an activation the hidden layer passes on weighted sums, and a weighted "
            "sum of weighted sums is one weighted sum: the network draws one straight line "
            "again, like a single perceptron, and no line gets all four corners."
        ),
        ("no", "yes"): N_(
            "This is not the network the cell builds: keep Dense(2) without activation and "
            "the weights of xor_net, then run it again."
        ),
    },
    hint=N_(
        "Without an activation, what does a layer of weighted sums followed by another "
        "weighted sum compute? Compare with what one perceptron can do on XOR."
    ),
    solution=N_(
        'prediction = "no"  # without relu the two layers are one weighted sum: one straight line'
    ),
    success=N_("a network without activations is one weighted sum, and one line cannot do XOR."),
)
