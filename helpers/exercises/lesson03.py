"""Exercises for notebook 03: compile, loss and metrics.

Exercise 1 (a loss per problem, and why the digits take theirs) has no one
right value, only known ways to be wrong: it is a ValueExercise declared with
its rules alone, in the order they are checked. Exercise 2 keeps its own
checker (why: beside it). Exercise 3 is predict-then-run, a
:class:`~helpers.exercises.words.Prediction`: does the careful loss with
``MALIGNANT_WEIGHT = 0.3`` miss more malignant tumours than ordinary
cross-entropy, judged on what the learner's own two trained models called benign.
They use public Keras APIs only: ``keras.losses.get``, a loss object's ``name``,
and calling the learner's function on probe values and on symbolic
``keras.KerasTensor`` inputs.
"""

from __future__ import annotations

from functools import cache
from operator import itemgetter
from typing import Any

import numpy as np

from helpers.data import load_breast_cancer
from helpers.exercises import Exercise, NotAnswered, WrongAnswer, as_array
from helpers.exercises.types import Arg, Mistake, ValueExercise
from helpers.exercises.words import Prediction, Words
from helpers.i18n import N_, _

# ------------------------------------------------------------ exercise 1 ---

PROBLEMS = {
    "spam": "binary",  # spam or not: one sigmoid output
    "digits": "sparse",  # which digit 0-9, integer labels, ten softmax outputs
    "price": "regression",  # a house price: one output, no activation
}
BINARY = {"binary_crossentropy", "binary_focal_crossentropy"}
CATEGORICAL = {"categorical_crossentropy", "categorical_focal_crossentropy"}
SPARSE = {"sparse_categorical_crossentropy"}
REGRESSION = {
    "mean_squared_error",
    "mean_absolute_error",
    "huber",
    "huber_loss",
    "log_cosh",
    "mean_squared_logarithmic_error",
    "mean_absolute_percentage_error",
}


def loss_name(loss) -> str:
    """The canonical name of a loss given as a string, a function or a Loss object."""
    import keras

    if isinstance(loss, str):
        try:
            loss = keras.losses.get(loss)
        except ValueError:
            raise WrongAnswer(
                _(
                    "{loss!r} is not a loss Keras knows: check the spelling "
                    "(for example 'binary_crossentropy')."
                ).format(loss=loss)
            ) from None
    if isinstance(loss, type) and issubclass(loss, keras.losses.Loss):
        loss = loss()  # the class itself: its instances carry the name
    if isinstance(loss, keras.losses.Loss):
        return loss.name
    if callable(loss) and hasattr(loss, "__name__"):
        return loss.__name__
    raise WrongAnswer(
        _(
            "a loss is a name such as 'mean_squared_error' or a keras.losses object; "
            "you gave a {kind}."
        ).format(kind=type(loss).__name__)
    )


#: The losses' names in Korean (the course's term table, with the other names learners
#: know from their books), compared without spaces, hyphens and underscores.
KOREAN_LOSSES = {
    "binary_crossentropy": ("이진교차엔트로피", "이항교차엔트로피", "이진크로스엔트로피"),
    "categorical_crossentropy": ("범주형교차엔트로피", "범주형크로스엔트로피"),
    "sparse_categorical_crossentropy": ("희소범주형교차엔트로피", "희소범주형크로스엔트로피"),
    "mean_squared_error": ("평균제곱오차",),
    "mean_absolute_error": ("평균절댓값오차", "평균절대값오차", "평균절대오차"),
}
_KOREAN_LOSS = {word: name for name, words in KOREAN_LOSSES.items() for word in words}


def _keras_name(loss):
    """``loss``, or Keras' name for it when it is a loss's Korean name (이진 교차 엔트로피)."""
    if not isinstance(loss, str):
        return loss
    key = "".join(loss.split()).replace("_", "").replace("-", "")
    return _KOREAN_LOSS.get(key, loss)


def _loss_names(losses, name: str) -> dict:
    """The losses dict with each loss by Keras' name for it; refused if not all are given."""
    if not isinstance(losses, dict):
        raise WrongAnswer(
            _(
                "losses should be a dict such as {{'spam': ..., 'digits': ..., 'price': ...}}; "
                "you gave a {kind}."
            ).format(kind=type(losses).__name__)
        )
    missing = [key for key in PROBLEMS if key not in losses]
    if missing:
        raise WrongAnswer(
            _("losses needs the keys {keys}; {missing} are missing.").format(
                keys=list(PROBLEMS), missing=missing
            )
        )
    for problem in PROBLEMS:
        if losses[problem] is None:
            raise NotAnswered(
                _("replace each None with a loss name; {problem!r} is still None.").format(
                    problem=problem
                )
            )
    return {key: loss_name(_keras_name(losses[key])) for key in PROBLEMS}


def wrong_loss(loss_of, wrong):
    """A Mistake test: ``wrong(loss)`` for the loss ``loss_of(answer)`` names; fills {loss}."""

    def test(answer, *_inputs):
        loss = loss_of(answer)
        return wrong(loss) and {"loss": loss}

    return test


#: The ideas a reason for the digits' loss names: the labels are class numbers, not one-hot rows.
WHY_SPARSE = Words(
    {
        "integer labels": (
            "integer",
            "class number",
            "class index",
            "index",
            "one-hot",
            "onehot",
            "정수",
            "번호",
            "인덱스",
            "원-핫",
            "원핫",
        )
    }
)

#: What each loss must not be, in the order checked, then the reason for the digits' loss:
#: the answer is right when none applies.
LOSS_RULES = [
    Mistake(
        N_(
            "spam: you chose {loss!r}. Spam or not is a binary problem with one sigmoid "
            "output: use 'binary_crossentropy'."
        ),
        when=wrong_loss(itemgetter("spam"), lambda loss: loss not in BINARY),
    ),
    Mistake(
        N_(
            "digits: {loss!r} expects one-hot labels, but these labels are integers "
            "such as 7: use the sparse version, 'sparse_categorical_crossentropy'."
        ),
        when=wrong_loss(itemgetter("digits"), lambda loss: loss in CATEGORICAL),
    ),
    Mistake(
        N_(
            "digits: you chose {loss!r}. Ten classes with integer labels need "
            "'sparse_categorical_crossentropy'."
        ),
        when=wrong_loss(itemgetter("digits"), lambda loss: loss not in SPARSE),
    ),
    Mistake(
        N_(
            "price: you chose {loss!r}. A price is a number, not a class: a regression "
            "loss such as 'mean_squared_error' measures how far off it is."
        ),
        when=wrong_loss(itemgetter("price"), lambda loss: loss not in REGRESSION),
    ),
    Mistake(
        N_(
            "digits: the right loss. Now write in reason, in a few words, why: what form do "
            "the digit labels have, and what does 'categorical_crossentropy' expect instead?"
        ),
        when=lambda losses, reason: not (isinstance(reason, str) and WHY_SPARSE.found(reason)),
    ),
]

q1 = ValueExercise(
    answer=Arg("losses", read=_loss_names),
    inputs=["reason"],
    rules=LOSS_RULES,
    hint=N_(
        "One probability: binary cross-entropy. Several classes with integer labels: the "
        "sparse categorical cross-entropy. A number: mean squared error. For the reason, "
        "compare the label 7 with a one-hot row."
    ),
    solution=N_(
        """
        losses = {
            "spam": "binary_crossentropy",
            "digits": "sparse_categorical_crossentropy",
            "price": "mean_squared_error",
        }
        reason = "integer labels"  # the digit labels are integers such as 7, not one-hot rows
        """
    ),
    success=N_("binary, sparse categorical and regression: the loss follows the problem."),
)


# ------------------------------------------------------------ exercise 2 ---

PROBE_TRUE = np.array([[1.0], [2.0], [3.0], [4.0]], dtype="float32")
PROBE_PRED = np.array([[1.5], [1.0], [3.0], [6.0]], dtype="float32")  # errors .5, -1, 0, 2
#: Two samples of three values each: the mean over each sample differs from its sum.
WIDE_TRUE = np.array([[0.0, 1.0, 2.0], [1.0, 1.0, 1.0]], dtype="float32")
WIDE_PRED = np.array([[1.0, 1.0, 0.5], [4.0, 1.0, 1.0]], dtype="float32")


def _call_mae(my_mae, y_true, y_pred) -> np.ndarray:
    import keras

    try:
        value = my_mae(y_true, y_pred)
    except Exception as error:  # the learner's code may fail in any way
        raise WrongAnswer(
            _("calling my_mae(y_true, y_pred) failed with {error}: {text}").format(
                error=type(error).__name__, text=error
            )
        ) from None
    if value is None:
        raise WrongAnswer(_("my_mae returned None: did you forget the return line?"))
    try:
        return np.asarray(keras.ops.convert_to_numpy(value), dtype=float)
    except (TypeError, ValueError):
        raise WrongAnswer(
            _("my_mae returned a {kind}; return the result of keras.ops.mean(...).").format(
                kind=type(value).__name__
            )
        ) from None


def _reason(value: np.ndarray, errors: np.ndarray) -> str:
    """What the learner's per-sample values are, if they are a known mistake."""
    for other, reason in (
        (
            errors.mean(axis=-1),
            N_("negative errors cancel positive ones: take keras.ops.abs first."),
        ),
        ((errors**2).mean(axis=-1), N_("that is the squared error; the absolute error uses abs.")),
        (
            np.abs(errors).sum(axis=-1),
            N_("that is the sum of each sample's errors; take the mean."),
        ),
    ):
        if np.allclose(value, other, atol=1e-5):
            return _(reason)
    return _("the mean absolute error is the mean of |y_pred - y_true| over the last axis.")


def _check_mae(my_mae) -> None:
    import keras

    if not callable(my_mae):
        raise WrongAnswer(
            _(
                "my_mae should be a function: def my_mae(y_true, y_pred): ...; you gave a {kind}."
            ).format(kind=type(my_mae).__name__)
        )
    for y_true, y_pred in ((PROBE_TRUE, PROBE_PRED), (WIDE_TRUE, WIDE_PRED)):
        value = _call_mae(my_mae, y_true, y_pred)
        errors = y_pred - y_true
        expected = np.abs(errors).mean(axis=-1)
        if value.shape != expected.shape:
            if value.size == 1:
                message = _(
                    "for {samples} samples my_mae returned one number for the whole batch; the "
                    "exercise asks for one value per sample: keras.ops.mean(..., axis=-1)."
                )
            else:
                message = _(
                    "for {samples} samples my_mae returned shape {shape}; the exercise asks "
                    "for one value per sample: keras.ops.mean(..., axis=-1)."
                )
            raise WrongAnswer(message.format(samples=len(y_true), shape=value.shape))
        if not np.allclose(value, expected, atol=1e-5):
            raise WrongAnswer(
                _(
                    "for y_true {y_true} and y_pred {y_pred} my_mae gave {got}, "
                    "expected {expected}: {why}"
                ).format(
                    y_true=y_true.tolist(),
                    y_pred=y_pred.tolist(),
                    got=np.round(value, 3).tolist(),
                    expected=np.round(expected, 3).tolist(),
                    why=_reason(value, errors),
                )
            )
    try:
        my_mae(keras.KerasTensor((None, 1)), keras.KerasTensor((None, 1)))
    except Exception:  # NumPy functions cannot handle symbolic tensors
        raise WrongAnswer(
            _(
                "my_mae gives the right numbers, but fails inside a compiled model: use "
                "keras.ops functions (keras.ops.abs, keras.ops.mean), not NumPy's."
            )
        ) from None


# Exercise 2 keeps its own checker: FunctionExercise runs a function on its cases and
# stops there, but a loss must then also run on symbolic keras.KerasTensor inputs, as
# inside compile(), checked only once its numbers are right (so a NumPy version's
# numeric mistakes are explained first); and a loss that fails or returns None gets
# messages about a loss ("calling my_mae(y_true, y_pred) failed with ...", "did you
# forget the return line?") where call_answer's are generic.
q2 = Exercise(
    check=_check_mae,
    hint=N_(
        "The error is y_pred - y_true; keras.ops.abs makes it positive, and "
        "keras.ops.mean(..., axis=-1) averages it for each sample."
    ),
    solution="""
        def my_mae(y_true, y_pred):
            return keras.ops.mean(keras.ops.abs(y_pred - y_true), axis=-1)
    """,
    success=N_("the same numbers as keras.losses.mean_absolute_error, and it works in fit()."),
)


# ------------------------------------------------------------ exercise 3 ---

#: How many malignant tumours the model trained with MALIGNANT_WEIGHT = 0.3 misses, against
#: ordinary cross-entropy. A bare 같 would also read the hedge "것 같다", so "same" needs more.
MORE_OR_FEWER = Words(
    {
        "more": ("많", "늘"),
        "fewer": ("less", "적", "덜", "줄"),
        "same": ("equal", "unchanged", "같은수", "똑같", "동일", "그대로"),
    }
)


@cache
def _malignant() -> np.ndarray:
    """Which of the lesson's 569 tumours are malignant (label 0)."""
    _x, labels = load_breast_cancer()
    return labels == 0


def _called_benign(value: Any, name: str) -> np.ndarray:
    """What a trained model called benign, True or False per tumour; a refusal for anything else."""
    try:
        called = as_array(value, name)
    except WrongAnswer:
        called = np.empty(0)
    tumours = len(_malignant())
    if (
        called.shape != (tumours,)
        or called.dtype.kind not in "biuf"
        or not np.isin(called, (0, 1)).all()
    ):
        raise WrongAnswer(
            _(
                "{name} should be what train_cancer_model returns second: True or False for "
                "each of the {tumours} tumours. Run the cell as it was given."
            ).format(name=name, tumours=tumours)
        )
    return called.astype(bool)


def _misses(light: np.ndarray, ordinary: np.ndarray) -> tuple[str, dict]:
    """Whether the light model missed more malignant tumours than the ordinary one, and the
    counts: malignant tumours called benign, benign ones called malignant (false alarms)."""
    malignant = _malignant()
    counts = {
        "total": int(malignant.sum()),
        "light": int(np.sum(light & malignant)),
        "ordinary": int(np.sum(ordinary & malignant)),
        "light_alarms": int(np.sum(~light & ~malignant)),
        "ordinary_alarms": int(np.sum(~ordinary & ~malignant)),
    }
    difference = counts["light"] - counts["ordinary"]
    return ("more" if difference > 0 else "fewer" if difference < 0 else "same"), counts


#: A weight above 1 is what gives fewer misses: the cell was not run as given.
NOT_THE_CELL = N_(
    "Fewer misses is what a weight above 1 gives, like the lesson's 3.0: check that the cell "
    "sets MALIGNANT_WEIGHT = 0.3 before it trains, and run it again."
)

q3 = Prediction(
    answer="prediction",
    inputs=[
        Arg("light_benign", read=_called_benign),
        Arg("ordinary_benign", read=_called_benign),
    ],
    outcomes=MORE_OR_FEWER,
    observe=_misses,
    happened={
        "more": N_(
            "your model missed {light} of the {total} malignant tumours, where ordinary "
            "cross-entropy missed {ordinary}, and raised {light_alarms} false alarms against "
            "{ordinary_alarms}. Missing a malignant tumour had become the cheaper mistake, so "
            "training let more of them pass as benign."
        ),
        "fewer": N_(
            "your model missed {light} of the {total} malignant tumours, where ordinary "
            "cross-entropy missed {ordinary}, and raised {light_alarms} false alarms against "
            "{ordinary_alarms}."
        ),
        "same": N_(
            "both models missed {light} of the {total} malignant tumours; yours raised "
            "{light_alarms} false alarms, ordinary cross-entropy {ordinary_alarms}."
        ),
    },
    why={
        ("fewer", "more"): N_(
            "At 3.0 the costly mistake was missing a malignant tumour; at 0.3 it is the false "
            "alarm, so training leans the other way."
        ),
        ("same", "more"): N_(
            "Changing what a mistake costs changes what training aims for: the tumours near "
            "the 0.5 threshold move to the side whose mistake is cheaper."
        ),
        ("more", "fewer"): NOT_THE_CELL,
        ("same", "fewer"): NOT_THE_CELL,
    },
    hint=N_(
        "MALIGNANT_WEIGHT multiplies what an error on a malignant tumour costs. At 3.0, missing "
        "one was the costly mistake, and the model missed fewer. At 0.3, which mistake is "
        "cheaper, and which way will training move the tumours near the threshold?"
    ),
    solution=N_(
        'prediction = "more"  # at 0.3 a missed malignant tumour costs less than a false alarm'
    ),
    success=N_(
        "the loss decides which mistake is cheaper: with a weight below 1 it is missing a "
        "malignant tumour, so the model misses more of them and raises fewer false alarms."
    ),
)
