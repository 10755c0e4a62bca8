"""Exercises for notebook 05: inference.

Exercise 1 is the learner's function, run on sigmoid outputs as ``predict()``
returns them; exercise 2 a prediction, what a stricter threshold does to the
validation accuracy, judged by the learner's own validation scores; exercise 3
a choice with its reason: which threshold report to trust.
"""

from __future__ import annotations

import numpy as np

from helpers.exercises import WrongAnswer
from helpers.exercises.types import Arg, FunctionExercise, Mistake, same
from helpers.exercises.words import Choice, Prediction, Words
from helpers.i18n import N_, _

# ------------------------------------------------------------ exercise 1 ---

# Sigmoid outputs as predict() returns them: one column, one row per sample.
# 0.5 itself is not above 0.5, so it is class 0.
_PROBES = [
    np.array([[0.1], [0.7], [0.49], [0.51], [0.95]], dtype="float32"),
    np.array([[0.8], [0.2], [0.5]], dtype="float32"),
    np.array([[0.6]], dtype="float32"),
]


def _classes(probabilities: np.ndarray) -> np.ndarray:
    return (probabilities[:, 0] > 0.5).astype(int)


def _as_array(value, what: str) -> np.ndarray:
    try:
        return np.asarray(value)
    except Exception:  # ragged lists and other things that are not one array
        raise WrongAnswer(
            _("{what} is not one array of numbers; you gave {value!r:.60}.").format(
                what=what, value=value
            )
        ) from None


def _shown(classes: np.ndarray, probabilities: np.ndarray) -> dict:
    """The probabilities, the classes returned and the right ones, as plain lists."""
    return {
        "shown": probabilities[:, 0].round(2).tolist(),
        "classes": classes.astype(int).tolist(),
        "expected": _classes(probabilities).tolist(),
    }


#: What to_classes must return before its classes are compared, in order.
CLASSES_RULES = [
    Mistake(
        N_(
            "for {samples} samples to_classes returns shape {shape}; "
            "make it ({samples},), like y_test. Comparing an (n, 1) array with "
            "an (n,) one broadcasts to an (n, n) table and gives a wrong accuracy: "
            "take column 0 or use .ravel()."
        ),
        when=lambda classes, probabilities: (
            classes.shape == probabilities.shape
            and classes.ndim == 2
            and {"samples": len(probabilities), "shape": classes.shape}
        ),
    ),
    Mistake(
        N_(
            "for {samples} samples to_classes returns shape {shape}; "
            "expected one class per sample, shape {expected}."
        ),
        when=lambda classes, probabilities: (
            classes.shape != (len(probabilities),)
            and {
                "samples": len(probabilities),
                "shape": classes.shape,
                "expected": (len(probabilities),),
            }
        ),
    ),
    Mistake(
        N_("to_classes returned {classes}; classes are 0 or 1, not probabilities."),
        when=lambda classes, probabilities: (
            (classes.dtype.kind not in "biuf" or not np.isin(classes, (0, 1)).all())
            and {"classes": classes.tolist()}
        ),
    ),
]

# ------------------------------------------------------------ exercise 2 ---

#: What the validation accuracy can do when the threshold goes from 0.5 to 0.9.
TRENDS = Words(
    {
        "up": ("rise", "rises", "higher", "better", "increase", "올라", "높아", "증가", "좋아"),
        "down": ("fall", "falls", "lower", "worse", "drop", "decrease", "내려", "낮아", "떨어",
                 "감소", "나빠"),
        "same": ("unchanged", "equal", "stays", "그대로", "같", "변하지", "변함"),
    }
)  # fmt: skip


RUN_THE_CHECK = N_(
    "the check needs the validation probabilities and labels: run the cell that checks it as it "
    "was given, with val_probabilities and y_val."
)


def _scores(value, name: str) -> np.ndarray:
    """The validation probabilities, one per tumour: shape (n,) or (n, 1), all in [0, 1]."""
    array = np.asarray(value) if isinstance(value, np.ndarray) else None
    if array is not None and array.ndim == 2 and array.shape[1:] == (1,):
        array = array[:, 0]
    if (
        array is None
        or array.ndim != 1
        or len(array) < 10
        or array.dtype.kind != "f"
        or not ((array >= 0) & (array <= 1)).all()
    ):
        raise WrongAnswer(_(RUN_THE_CHECK))
    return array


def _labels(value, name: str) -> np.ndarray:
    """The validation labels: 0 (malignant) and 1 (benign)."""
    array = np.asarray(value) if isinstance(value, np.ndarray) else None
    if (
        array is None
        or array.ndim != 1
        or len(array) < 10
        or array.dtype.kind not in "iu"
        or not np.isin(array, (0, 1)).all()
    ):
        raise WrongAnswer(_(RUN_THE_CHECK))
    return array


def _at(threshold: float, scores: np.ndarray, labels: np.ndarray) -> tuple[int, int, int]:
    """Right answers, missed cancers and false alarms when above ``threshold`` means benign."""
    benign = scores > threshold
    missed = int(np.sum(benign & (labels == 0)))
    alarms = int(np.sum(~benign & (labels == 1)))
    return len(labels) - missed - alarms, missed, alarms


def _stricter(scores: np.ndarray, labels: np.ndarray) -> tuple[str, dict]:
    """What the accuracy did from threshold 0.5 to 0.9, and the counts behind it."""
    if len(scores) != len(labels):
        raise WrongAnswer(_(RUN_THE_CHECK))
    (right, missed, alarms), (right_9, missed_9, alarms_9) = (
        _at(threshold, scores, labels) for threshold in (0.5, 0.9)
    )
    trend = "up" if right_9 > right else "down" if right_9 < right else "same"
    return trend, {
        "before": right / len(labels), "after": right_9 / len(labels),
        "missed": missed, "missed_9": missed_9, "alarms": alarms, "alarms_9": alarms_9,
    }  # fmt: skip


# ------------------------------------------------------------ exercise 3 ---

#: What a right reason for exercise 3 names: where each threshold was chosen.
WHERE_CHOSEN = Words(
    {
        "the data it was chosen on": (
            "test", "테스트", "validation", "검증", "new patient", "새 환자", "unseen",
            "tuned", "맞춰", "맞춘", "optimistic", "낙관", "once", "한 번", "leak", "누설",
            "overfit", "과대적합", "과적합", "cheat", "부정",
        )
    }
)  # fmt: skip

q1 = FunctionExercise(
    answer="to_classes",
    call="to_classes(probabilities)",
    cases=[(probabilities,) for probabilities in _PROBES],
    reference=_classes,
    read=_as_array,
    rules=CLASSES_RULES,
    mistakes=[
        Mistake(
            N_(
                "for probabilities {shown} to_classes returned {classes}: 0.5 is not "
                "above 0.5, so it is class 0. Use > 0.5, not >= 0.5."
            ),
            when=lambda classes, probabilities: (
                same(classes, probabilities[:, 0] >= 0.5) and _shown(classes, probabilities)
            ),
        )
    ],
    otherwise=Mistake(
        N_(
            "for probabilities {shown} to_classes returned {classes}, "
            "but a 0.5 threshold gives {expected}: above 0.5 means class 1."
        ),
        when=_shown,
    ),
    hint=N_(
        "probabilities[:, 0] is one probability per sample; compare it with 0.5 and turn "
        "the True/False answers into 1/0 with .astype(int)."
    ),
    solution="""
    def to_classes(probabilities):
        return (probabilities[:, 0] > 0.5).astype(int)
    """,
    success=N_("one class per sample, shape (n,), ready to compare with y_test."),
)

q2 = Prediction(
    answer="prediction",
    inputs=[Arg("val_probabilities", read=_scores), Arg("y_val", read=_labels)],
    outcomes=TRENDS,
    observe=_stricter,
    happened={
        "up": N_(
            "the validation accuracy rose from {before:.2f} to {after:.2f}: missed cancers "
            "went from {missed} to {missed_9}, false alarms from {alarms} to {alarms_9}."
        ),
        "down": N_(
            "the validation accuracy fell from {before:.2f} to {after:.2f}: missed cancers "
            "went from {missed} to {missed_9}, false alarms from {alarms} to {alarms_9}."
        ),
        "same": N_(
            "the validation accuracy stayed at {before:.2f}: missed cancers went from "
            "{missed} to {missed_9}, false alarms from {alarms} to {alarms_9}."
        ),
    },
    why={
        ("up", "down"): N_(
            "A stricter threshold calls more tumours malignant: missed cancers can only go "
            "down and false alarms only up, and accuracy counts both kinds of mistake alike."
        ),
        ("same", "down"): N_(
            "Raising the threshold moves tumours from one kind of mistake to the other, and "
            "here it added more false alarms than it saved missed cancers."
        ),
        ("down", "up"): N_(
            "Here the threshold saved more missed cancers than it added false alarms."
        ),
        ("down", "same"): N_(
            "Here the missed cancers it saved and the false alarms it added balance exactly."
        ),
    },
    hint=N_(
        "Read the table: accuracy is the share of tumours with neither a missed cancer nor a "
        "false alarm. Add the two kinds of mistake at 0.5, then at 0.9."
    ),
    solution='prediction = "down"',
    success=N_("a stricter threshold trades missed cancers for false alarms."),
)

q3 = Choice(
    answer="choice",
    options=["A", "B"],
    right="B",
    because=WHERE_CHOSEN,
    because_missing=N_(
        "give your reason: on which tumours did each student choose the threshold, and what "
        "does that do to the test score?"
    ),
    mistakes={
        "A": N_(
            "A chose the threshold by looking at the test tumours, so it is tuned to them: "
            "A's test score tells how well the threshold fits those tumours, not how the model "
            "will do on new patients."
        )
    },
    hint=N_(
        "The test tumours stand in for new patients only if nothing was chosen by looking at "
        "them. Which student looked at them before reporting?"
    ),
    solution=N_(
        """
        choice = "B"
        reason = "validation"  # B chose on validation data; A tuned the threshold to the test set
        """
    ),
    success=N_(
        "B chose on validation data, so the test score is a fair estimate for new patients; "
        "A's is tuned to the test tumours and too optimistic."
    ),
)
