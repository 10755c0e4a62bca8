"""Exercises for notebook 01: layers and models.

Exercise 1 is a diagnosis: a classmate's model for the breast-cancer table has
two mistakes, and the learner writes it corrected, Sequential or functional
(the network input -> 16 relu units -> 1 sigmoid unit); the
:class:`~helpers.exercises.models.ModelExercise` reads the learner's model
through public Keras APIs and its predictions. Exercise 2 is a count predicted
by hand before Keras counts it, with the partial sums learners typically give
declared as known mistakes.
"""

from __future__ import annotations

from helpers.exercises import as_whole_number
from helpers.exercises.models import DenseLayer, ModelExercise
from helpers.exercises.types import Arg, Mistake, ValueExercise
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
