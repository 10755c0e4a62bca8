"""Exercises for notebook 04: validation, overfitting and early stopping.

The checkers look at NumPy arrays, at the public attributes of
``keras.callbacks.EarlyStopping`` (``monitor``, ``patience``,
``restore_best_weights``) and at plain text answers.
"""

from __future__ import annotations

import numpy as np

from helpers.exercises import Exercise, NotAnswered, WrongAnswer, as_array
from helpers.i18n import N_, _

# ------------------------------------------------------------ exercise 1 ---

TEST_FRACTION = 0.3


def _rows(x: np.ndarray) -> list[bytes]:
    return [row.tobytes() for row in np.ascontiguousarray(x, dtype=np.float32)]


def _check_split(x_train_q1, y_train_q1, x_test_q1, y_test_q1) -> None:
    from helpers.data import load_iris

    x, y = load_iris()
    names = ("x_train_q1", "y_train_q1", "x_test_q1", "y_test_q1")
    parts = (x_train_q1, y_train_q1, x_test_q1, y_test_q1)
    for name, part in zip(names, parts, strict=True):
        if part is None:
            raise WrongAnswer(_("{name} is still None: set all four arrays.").format(name=name))
    x_train, y_train, x_test, y_test = (as_array(p, n) for p, n in zip(parts, names, strict=True))
    for xs, ys, which in ((x_train, y_train, "train"), (x_test, y_test, "test")):
        if xs.ndim == 0 or ys.ndim == 0 or ys.size != len(ys):
            raise WrongAnswer(
                _(
                    "x_{which}_q1 should be rows of 4 features and y_{which}_q1 one label per "
                    "row; you gave shapes {x_shape} and {y_shape}."
                ).format(which=which, x_shape=xs.shape, y_shape=ys.shape)
            )
        if len(xs) != len(ys):
            raise WrongAnswer(
                _(
                    "x_{which}_q1 has {x_rows} rows but y_{which}_q1 has {y_rows}: "
                    "every sample needs its label."
                ).format(which=which, x_rows=len(xs), y_rows=len(ys))
            )
        if xs.ndim != 2 or xs.shape[1] != x.shape[1]:
            raise WrongAnswer(
                _(
                    "x_{which}_q1 has shape {shape}; rows of x_iris have {features} features."
                ).format(which=which, shape=xs.shape, features=x.shape[1])
            )
    n_test = round(len(x) * TEST_FRACTION)
    if len(x_test) != n_test:
        raise WrongAnswer(
            _(
                "x_test_q1 has {rows} rows; 30% of {total} is {n_test}, "
                "which leaves {n_train} for training."
            ).format(rows=len(x_test), total=len(x), n_test=n_test, n_train=len(x) - n_test)
        )
    if sorted(_rows(np.concatenate([x_train, x_test]))) != sorted(_rows(x)):
        raise WrongAnswer(
            _(
                "together, the training and test rows should be the 150 rows of x_iris, each "
                "exactly once: take them from x_iris, indexed by one permutation."
            )
        )
    if np.array_equal(x_test, x[-n_test:]):
        raise WrongAnswer(
            _(
                "your test rows are the last {n_test} rows of the file, which is sorted by "
                "class: they are all {classes}. Shuffle with a permutation first."
            ).format(n_test=n_test, classes=sorted(set(y[-n_test:].tolist())))
        )
    labels_of: dict[bytes, set[int]] = {}
    for row, label in zip(_rows(x), y.tolist(), strict=True):
        labels_of.setdefault(row, set()).add(label)
    rows = _rows(np.concatenate([x_train, x_test]))
    pairs = zip(rows, [*y_train.ravel().tolist(), *y_test.ravel().tolist()], strict=True)
    if any(label not in labels_of[row] for row, label in pairs):
        raise WrongAnswer(
            _(
                "some rows have lost their labels: shuffle x and y with the same permutation, "
                "x_iris[order] and y_iris[order]."
            )
        )
    missing = sorted(set(y.tolist()) - set(y_test.ravel().tolist()))
    if missing:
        raise WrongAnswer(
            _(
                "your test set has no flowers of class {missing}: a random permutation mixes "
                "all three classes into both parts."
            ).format(missing=missing)
        )


# ------------------------------------------------------------ exercise 2 ---

PATIENCE = 10


def _check_stopper(stopper_q2) -> None:
    import keras

    if not isinstance(stopper_q2, keras.callbacks.EarlyStopping):
        raise WrongAnswer(
            _(
                "stopper_q2 should be a keras.callbacks.EarlyStopping(...) callback; "
                "you gave a {kind}."
            ).format(kind=type(stopper_q2).__name__)
        )
    if stopper_q2.monitor == "loss":
        raise WrongAnswer(
            _(
                "it monitors the training loss, which keeps falling even while the model "
                "overfits: watch monitor='val_loss'."
            )
        )
    if stopper_q2.monitor != "val_loss":
        raise WrongAnswer(
            _("it monitors {monitor!r}; the exercise asks for monitor='val_loss'.").format(
                monitor=stopper_q2.monitor
            )
        )
    if stopper_q2.mode == "max":
        raise WrongAnswer(
            _(
                "mode='max' waits for val_loss to rise; a loss should fall: leave mode out "
                "(or mode='min')."
            )
        )
    if stopper_q2.patience != PATIENCE:
        raise WrongAnswer(
            _(
                "patience is {patience}; the exercise asks to wait {wanted} epochs "
                "without improvement (patience=10)."
            ).format(patience=stopper_q2.patience, wanted=PATIENCE)
        )
    if not stopper_q2.restore_best_weights:
        raise WrongAnswer(
            _(
                "without restore_best_weights=True the model keeps the weights of the last "
                "epoch, {patience} epochs past the best one."
            ).format(patience=PATIENCE)
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
_ANSWERS = {"A": "overfitting", "B": "underfitting", "C": "good fit"}
#: What a run's curves would look like, were it the diagnosis given: one message each.
_NOT_THAT = {
    "overfitting": N_(
        "run {run} is not overfitting: look again. In overfitting, the training loss keeps "
        "falling while the validation loss turns back up."
    ),
    "underfitting": N_(
        "run {run} is not underfitting: look again. In underfitting, both losses are still "
        "high and still falling: it has not learned enough."
    ),
    "good fit": N_(
        "run {run} is not good fit: look again. In good fit, both losses are low and stay "
        "close together."
    ),
}


#: Words, English and Korean (see the course's term table), that name each diagnosis,
#: looked for in the answer without its spaces ("과대 적합" is "과대적합").
_WORDS = {
    "overfitting": ("over", "과대적합", "과적합", "오버피팅"),
    "underfitting": ("under", "과소적합", "언더피팅"),
    "good fit": ("good", "right", "fine", "well", "적정", "좋은", "알맞", "적절", "적당", "정상"),
}


def _reading(text: str) -> str | None:
    """The one diagnosis ``text`` names, or None when it names none or several."""
    words = "".join(text.lower().split())
    found = [name for name, marks in _WORDS.items() if any(mark in words for mark in marks)]
    return found[0] if len(found) == 1 else None


def _check_diagnosis(diagnosis) -> None:
    if not isinstance(diagnosis, dict):
        raise WrongAnswer(
            _(
                "diagnosis should be a dict such as {{'A': '...', 'B': '...', 'C': '...'}}; "
                "you gave a {kind}."
            ).format(kind=type(diagnosis).__name__)
        )
    diagnosis = {str(run).strip().upper(): answer for run, answer in diagnosis.items()}
    if all(diagnosis.get(run) is None for run in _ANSWERS):
        raise NotAnswered(_("replace each None with 'underfitting', 'good fit' or 'overfitting'."))
    for run, right in _ANSWERS.items():
        answer = diagnosis.get(run)
        if not isinstance(answer, str) or not answer.strip():
            raise WrongAnswer(
                _("give run {run} one of 'underfitting', 'good fit' or 'overfitting'.").format(
                    run=run
                )
            )
        reading = _reading(answer)
        if reading is None:
            raise WrongAnswer(
                _(
                    "run {run}: {answer!r} is not one of 'underfitting', 'good fit', "
                    "'overfitting' (과소적합, 적정적합, 과대적합): name exactly one."
                ).format(run=run, answer=answer)
            )
        if reading != right:
            raise WrongAnswer(_(_NOT_THAT[reading]).format(run=run))


q1 = Exercise(
    check=_check_split,
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

q2 = Exercise(
    check=_check_stopper,
    hint=N_(
        "keras.callbacks.EarlyStopping takes monitor=..., patience=... and restore_best_weights=..."
    ),
    solution="""
        stopper_q2 = keras.callbacks.EarlyStopping(
            monitor="val_loss", patience=10, restore_best_weights=True
        )
    """,
    success=N_("it waits 10 epochs for val_loss to improve, then rolls back to the best epoch."),
)

q3 = Exercise(
    check=_check_diagnosis,
    hint=N_(
        "Compare the solid (training) and dashed (validation) curves: are both still high? "
        "Does the dashed one turn back up while the solid one keeps falling?"
    ),
    solution="""
        diagnosis = {"A": "overfitting", "B": "underfitting", "C": "good fit"}
    """,
    success=N_("A overfits (validation turns up), B underfits (both still high), C fits well."),
)
