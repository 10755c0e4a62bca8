"""Exercises for notebook 00: data as tensors.

Exercise 1 is a prediction: the shape a ``Dense`` layer returns for images
that were not flattened, compared with what the learner's own run returned.
Exercise 2 is a choice with its reason: the layer family for recordings
described in words, whose shape the learner works out.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from helpers.exercises import WrongAnswer, as_array
from helpers.exercises.types import Arg
from helpers.exercises.words import Choice, Prediction, Words, read_shape, shape_text
from helpers.i18n import N_, _

# ------------------------------------------------------------ exercise 1 ---

#: The shapes the exercise offers, and "error"; a prediction names exactly one.
SHAPES = Words(
    {
        "(32, 16)": (),
        "(32, 28, 16)": (),
        "(32, 28, 28, 16)": (),
        "error": ("오류", "에러", "exception", "예외", "fails", "실패"),
    }
)


def _read_output(value: Any, name: str) -> str:
    """The shape of what the run returned; a refusal unless it is a layer's output (floats)."""
    try:
        array = as_array(value, name)
        text, floats = shape_text(array.shape), np.issubdtype(array.dtype, np.floating)
    except WrongAnswer:
        text, floats = "", False
    if text not in SHAPES.names or not floats:
        raise WrongAnswer(
            _(
                "{name} should be what keras.layers.Dense(16) returns for images[:32] / 255: "
                "run the cell that checks it as it was given."
            ).format(name=name)
        )
    return text


q1 = Prediction(
    answer=Arg("prediction", read=read_shape),
    inputs=[Arg("out", read=_read_output)],
    outcomes=SHAPES,
    observe=lambda out: out,
    happened={
        "(32, 16)": N_("Dense(16) returned shape {out}."),
        "(32, 28, 28, 16)": N_("Dense(16) returned shape {out}."),
        "error": N_("Dense(16) returned shape {out}."),
        "(32, 28, 16)": N_(
            "Dense(16) returned shape {out}: it worked along the last axis only, so each of "
            "the 28 rows of every image got its own 16 numbers. To get one vector per image, "
            "flatten first."
        ),
    },
    why={
        ("(32, 16)", "(32, 28, 16)"): N_(
            "A Dense layer does not flatten for you: it combines the numbers of the last axis "
            "(the 28 pixels of one row) and keeps every other axis as it is."
        ),
        ("(32, 28, 28, 16)", "(32, 28, 16)"): N_(
            "A Dense layer combines the whole last axis, 28 pixels at a time, into its 16 "
            "outputs; it does not treat each pixel on its own."
        ),
        ("error", "(32, 28, 16)"): N_(
            "A Dense layer takes a tensor of any rank from 2 up: it works along the last axis "
            "and keeps the others. That is why flattening is your job, not the layer's."
        ),
    },
    hint=N_(
        "A Dense layer combines the numbers along the last axis of its input into its units. "
        "What is the last axis of a batch of shape (32, 28, 28), and what happens to the others?"
    ),
    solution='prediction = "(32, 28, 16)"',
    success=N_("a Dense layer reads the last axis; flatten images before a Dense layer."),
)

# ------------------------------------------------------------ exercise 2 ---

#: The layer families of the lesson's table.
FAMILIES = Words(
    {
        "Dense": ("밀집",),
        "LSTM or Conv1D": ("lstm", "conv1d", "gru", "recurrent", "rnn", "순환"),
        "Conv2D": (),
        "Conv3D": (),
    }
)

#: What a right reason names: the data is a sequence, a rank-3 tensor.
SEQUENCE = Words(
    {
        "sequence": (
            "sequence", "시퀀스", "rank 3", "랭크 3", "rank-3", "3 axes", "축 3", "축이 3",
            "time", "시간", "시계열", "timestep", "타임스텝", "스텝", "order", "순서",
            "(1000, 5000, 12)", "5000", "5,000",
        )
    }
)  # fmt: skip

q2 = Choice(
    answer="choice",
    options=FAMILIES,
    right="LSTM or Conv1D",
    because=SEQUENCE,
    because_missing=N_(
        "give your reason: what shape is the tensor of these recordings? Name its shape, "
        "its rank or what its second axis counts."
    ),
    mistakes={
        "Dense": N_(
            "Dense reads vectors, rank 2 (samples, features). Write the recordings' shape "
            "axis by axis: one per recording, then what? Count its axes."
        ),
        "Conv2D": N_(
            "Conv2D reads images, rank 4 (samples, height, width, channels). A recording has "
            "no height and width: write its shape axis by axis and count the axes."
        ),
        "Conv3D": N_(
            "Conv3D reads video, rank 5 (samples, frames, height, width, channels). Write the "
            "recordings' shape axis by axis and count the axes."
        ),
    },
    hint=N_(
        "Write the shape axis by axis: one entry per recording, then one per moment measured "
        "(10 seconds x 500), then one per measurement. Count the axes, then find that rank "
        "in the table."
    ),
    solution=N_(
        """
        choice = "LSTM or Conv1D"
        reason = "(1000, 5000, 12)"  # (samples, timesteps, features): rank 3, a sequence
        """
    ),
    success=N_(
        "(1000, 5000, 12) is (samples, timesteps, features): a sequence, for LSTM or Conv1D."
    ),
)
