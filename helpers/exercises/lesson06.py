"""Exercises for notebook 04: validation, overfitting and early stopping.

Exercise 1 has many right answers (any shuffle of the flowers), so it is
declared by its rules alone: each names one way the answer can be wrong, in
the order they are checked. Exercise 2 is a prediction, compared with the
learner's own longer run; exercise 3 a word per training run. Both are read
in English or Korean.
"""

from __future__ import annotations

import numpy as np

from helpers.exercises import WrongAnswer, as_array
from helpers.exercises.types import Arg, Mistake, ValueExercise
from helpers.exercises.words import Prediction, WordExercise, Words
from helpers.i18n import N_, _

# ------------------------------------------------------------ exercise 1 ---

TEST_FRACTION = 0.3


def _iris() -> tuple[np.ndarray, np.ndarray]:
    from helpers.data import load_iris

    return load_iris()


def _n_test() -> int:
    return round(len(_iris()[0]) * TEST_FRACTION)


def _rows(x: np.ndarray) -> list[bytes]:
    return [row.tobytes() for row in np.ascontiguousarray(x, dtype=np.float32)]


def _part(value, name: str) -> np.ndarray:
    """One of the four arrays of the split: not None, and an array."""
    if value is None:
        raise WrongAnswer(_("{name} is still None: set all four arrays.").format(name=name))
    return as_array(value, name)


def _each_pair(wrong):
    """A rule's ``when`` that tries ``wrong(xs, ys)`` on the training pair, then the test pair.

    What ``wrong`` returns fills the message, with ``which``: "train" or "test".
    """

    def when(x_train, y_train, x_test, y_test):
        for which, xs, ys in (("train", x_train, y_train), ("test", x_test, y_test)):
            said = wrong(xs, ys)
            if said:
                return {"which": which, **said}
        return None

    return when


def _test_size(x_train, y_train, x_test, y_test) -> dict:
    total, n_test = len(_iris()[0]), _n_test()
    if len(x_test) == n_test:
        return {}
    return {"rows": len(x_test), "total": total, "n_test": n_test, "n_train": total - n_test}


def _not_each_row_once(x_train, y_train, x_test, y_test) -> bool:
    return sorted(_rows(np.concatenate([x_train, x_test]))) != sorted(_rows(_iris()[0]))


def _last_rows(x_train, y_train, x_test, y_test) -> dict:
    x, y = _iris()
    n_test = _n_test()
    if not np.array_equal(x_test, x[-n_test:]):
        return {}
    return {"n_test": n_test, "classes": sorted(set(y[-n_test:].tolist()))}


def _lost_labels(x_train, y_train, x_test, y_test) -> bool:
    x, y = _iris()
    labels_of: dict[bytes, set[int]] = {}
    for row, label in zip(_rows(x), y.tolist(), strict=True):
        labels_of.setdefault(row, set()).add(label)
    rows = _rows(np.concatenate([x_train, x_test]))
    labels = [*y_train.ravel().tolist(), *y_test.ravel().tolist()]
    return any(label not in labels_of[row] for row, label in zip(rows, labels, strict=True))


def _missing_classes(x_train, y_train, x_test, y_test) -> dict:
    missing = sorted(set(_iris()[1].tolist()) - set(y_test.ravel().tolist()))
    return {"missing": missing} if missing else {}


def _features() -> int:
    return _iris()[0].shape[1]


#: What the four arrays of a split must be, in the order they are checked.
SPLIT_RULES = [
    Mistake(
        N_(
            "x_{which}_q1 should be rows of 4 features and y_{which}_q1 one label per "
            "row; you gave shapes {x_shape} and {y_shape}."
        ),
        when=_each_pair(
            lambda xs, ys: (
                (xs.ndim == 0 or ys.ndim == 0 or ys.size != len(ys))
                and {"x_shape": xs.shape, "y_shape": ys.shape}
            )
        ),
    ),
    Mistake(
        N_(
            "x_{which}_q1 has {x_rows} rows but y_{which}_q1 has {y_rows}: "
            "every sample needs its label."
        ),
        when=_each_pair(
            lambda xs, ys: len(xs) != len(ys) and {"x_rows": len(xs), "y_rows": len(ys)}
        ),
    ),
    Mistake(
        N_("x_{which}_q1 has shape {shape}; rows of x_iris have {features} features."),
        when=_each_pair(
            lambda xs, ys: (
                (xs.ndim != 2 or xs.shape[1] != _features())
                and {"shape": xs.shape, "features": _features()}
            )
        ),
    ),
    Mistake(
        N_(
            "x_test_q1 has {rows} rows; 30% of {total} is {n_test}, "
            "which leaves {n_train} for training."
        ),
        when=_test_size,
    ),
    Mistake(
        N_(
            "together, the training and test rows should be the 150 rows of x_iris, each "
            "exactly once: take them from x_iris, indexed by one permutation."
        ),
        when=_not_each_row_once,
    ),
    Mistake(
        N_(
            "your test rows are the last {n_test} rows of the file, which is sorted by "
            "class: they are all {classes}. Shuffle with a permutation first."
        ),
        when=_last_rows,
    ),
    Mistake(
        N_(
            "some rows have lost their labels: shuffle x and y with the same permutation, "
            "x_iris[order] and y_iris[order]."
        ),
        when=_lost_labels,
    ),
    Mistake(
        N_(
            "your test set has no flowers of class {missing}: a random permutation mixes "
            "all three classes into both parts."
        ),
        when=_missing_classes,
    ),
]

# ------------------------------------------------------------ exercise 2 ---

#: The epoch the lesson's table ends at; the learner's run goes on to RUN_EPOCHS.
TABLE_EPOCH, RUN_EPOCHS = 30, 60
#: Within this fraction of its epoch-30 value, the validation loss counts as "about the same".
SAME = 0.1


def _validation_run(value, name: str) -> dict[str, list[float]]:
    """The learner's History (or its dict) with a val_loss past epoch TABLE_EPOCH."""
    from helpers.history import to_history_dict

    try:
        curves = to_history_dict(value, name=name)
    except (TypeError, ValueError) as error:
        raise WrongAnswer(str(error)) from None
    losses = curves.get("val_loss", [])
    if len(losses) <= TABLE_EPOCH or not np.all(np.isfinite(losses)):
        raise WrongAnswer(
            _(
                "{name} should hold a val_loss for each of {epochs} epochs: run the cell "
                "that checks it as it is, make_model().fit(..., validation_data=(x_val, y_val), "
                "epochs={epochs})."
            ).format(name=name, epochs=RUN_EPOCHS)
        )
    return curves


def _val_loss_trend(curves: dict[str, list[float]]) -> tuple[str, dict]:
    """Whether the validation loss ended higher, lower or about the same as at epoch 30."""
    at_table, last = curves["val_loss"][TABLE_EPOCH - 1], curves["val_loss"][-1]
    change = last - at_table
    trend = "same" if abs(change) <= SAME * at_table else "higher" if change > 0 else "lower"
    said = {"at_table": at_table, "last": last, "epochs": len(curves["val_loss"])}
    return trend, {**said, "train": curves.get("loss", [np.nan])[-1]}


#: Words, English and Korean, for what the validation loss does.
TREND = Words({
    "higher": ("high", "up", "rise", "rose", "increase", "grow",
               "높", "올라", "커", "증가", "늘"),
    "lower": ("lower", "less", "down", "fall", "fell", "decrease", "drop",
              "낮", "내려", "줄", "감소", "작아"),
    "same": ("same", "flat", "similar", "equal", "unchanged", "같", "비슷", "그대로"),
})  # fmt: skip
OVERFITS_ON = N_(
    "The training loss keeps falling, but past the best epoch the model learns the "
    "particulars of its 298 training tumours: the longer it trains, the further its "
    "validation loss climbs."
)

# ------------------------------------------------------------ exercise 3 ---


def _curve(start: float, end: float, epochs: int = 30, rate: float = 0.25) -> np.ndarray:
    steps = np.arange(epochs)
    return end + (start - end) * np.exp(-rate * steps)


_EPOCHS = np.arange(30)
#: Three training runs to diagnose (made up, but shaped like real ones).
CURVES: dict[str, dict[str, list[float]]] = {
    "A": {  # overfitting: training keeps improving, validation turns back up
        "loss": _curve(0.7, 0.01, rate=0.3).round(4).tolist(),
        "val_loss": (_curve(0.7, 0.12, rate=0.45) + 0.012 * np.maximum(_EPOCHS - 6, 0))
        .round(4)
        .tolist(),
    },
    "B": {  # underfitting: both still high and still falling
        "loss": _curve(0.72, 0.35, rate=0.04).round(4).tolist(),
        "val_loss": _curve(0.73, 0.37, rate=0.04).round(4).tolist(),
    },
    "C": {  # a good fit: both low and close together
        "loss": _curve(0.7, 0.08, rate=0.3).round(4).tolist(),
        "val_loss": _curve(0.7, 0.1, rate=0.3).round(4).tolist(),
    },
}

#: Words, English and Korean (see the course's term table), that name each diagnosis,
#: found anywhere in the answer ("과대 적합입니다" names overfitting).
FIT = Words(
    {
        "overfitting": ("over", "과대적합", "과적합", "오버피팅"),
        "underfitting": ("under", "과소적합", "언더피팅"),
        "good fit": (
            "good",
            "right",
            "fine",
            "well",
            "적정",
            "좋은",
            "알맞",
            "적절",
            "적당",
            "정상",
        ),
    }
)
#: What a run's curves would look like, were it the diagnosis given: one message each.
NOT_THAT = {
    "overfitting": N_(
        "run {key} is not overfitting: look again. In overfitting, the training loss keeps "
        "falling while the validation loss turns back up."
    ),
    "underfitting": N_(
        "run {key} is not underfitting: look again. In underfitting, both losses are still "
        "high and still falling: it has not learned enough."
    ),
    "good fit": N_(
        "run {key} is not good fit: look again. In good fit, both losses are low and stay "
        "close together."
    ),
}


q1 = ValueExercise(
    answer=Arg("x_train_q1", read=_part),
    inputs=[Arg(name, read=_part) for name in ("y_train_q1", "x_test_q1", "y_test_q1")],
    rules=SPLIT_RULES,
    hint=N_(
        "order = np.random.default_rng(0).permutation(len(x_iris)) shuffles the row numbers; "
        "index x_iris and y_iris with it, then cut after 105 rows."
    ),
    solution="""
        order = np.random.default_rng(0).permutation(len(x_iris))
        x_shuffled, y_shuffled = x_iris[order], y_iris[order]
        n_test = round(0.3 * len(x_iris))  # 45
        x_train_q1, y_train_q1 = x_shuffled[:-n_test], y_shuffled[:-n_test]
        x_test_q1, y_test_q1 = x_shuffled[-n_test:], y_shuffled[-n_test:]
    """,
    success=N_("105 flowers to train on and 45 to test, all three classes on both sides."),
)

q2 = Prediction(
    answer="prediction_q2",
    inputs=[Arg("history_q2", read=_validation_run)],
    outcomes=TREND,
    observe=_val_loss_trend,
    happened={
        "higher": N_(
            "the validation loss rose from {at_table:.3f} at epoch 30 to {last:.3f} at epoch "
            "{epochs}, while the training loss fell to {train:.4f}."
        ),
        "lower": N_(
            "the validation loss fell from {at_table:.3f} at epoch 30 to {last:.3f} at epoch "
            "{epochs}."
        ),
        "same": N_(
            "the validation loss stayed about the same: {at_table:.3f} at epoch 30, "
            "{last:.3f} at epoch {epochs}."
        ),
    },
    why={("lower", "higher"): OVERFITS_ON, ("same", "higher"): OVERFITS_ON},
    hint=N_(
        "Look at the table of the 30-epoch run: what did the validation loss do after its "
        "best epoch, while the training loss kept falling?"
    ),
    solution=N_(
        'prediction_q2 = "higher"  # past the best epoch the model overfits: val_loss climbs'
    ),
    success=N_("past its best epoch the model learns its training rows and val_loss climbs."),
)

q3 = WordExercise(
    answer="diagnosis",
    words=FIT,
    right={"A": "overfitting", "B": "underfitting", "C": "good fit"},
    mistakes=NOT_THAT,
    unknown=N_(
        "run {key}: {given!r} is not one of 'underfitting', 'good fit', "
        "'overfitting' (과소적합, 적정적합, 과대적합): name exactly one."
    ),
    missing=N_("give run {key} one of 'underfitting', 'good fit' or 'overfitting'."),
    unanswered=N_("replace each None with 'underfitting', 'good fit' or 'overfitting'."),
    hint=N_(
        "Compare the solid (training) and dashed (validation) curves: are both still high? "
        "Does the dashed one turn back up while the solid one keeps falling?"
    ),
    solution="""
        diagnosis = {"A": "overfitting", "B": "underfitting", "C": "good fit"}
    """,
    success=N_("A overfits (validation turns up), B underfits (both still high), C fits well."),
)
