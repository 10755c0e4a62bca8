"""Exercises for notebook 04: validation, overfitting and early stopping.

The checkers look at NumPy arrays, at the public attributes of
``keras.callbacks.EarlyStopping`` (``monitor``, ``patience``,
``restore_best_weights``) and at plain text answers.
"""

from __future__ import annotations

import numpy as np

from helpers.exercises import Exercise, NotAnswered, WrongAnswer, as_array

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
            raise WrongAnswer(f"{name} is still None: set all four arrays.")
    x_train, y_train, x_test, y_test = (as_array(p, n) for p, n in zip(parts, names, strict=True))
    for xs, ys, which in ((x_train, y_train, "train"), (x_test, y_test, "test")):
        if xs.ndim == 0 or ys.ndim == 0 or ys.size != len(ys):
            raise WrongAnswer(
                f"x_{which}_q1 should be rows of 4 features and y_{which}_q1 one label per row; "
                f"you gave shapes {xs.shape} and {ys.shape}."
            )
        if len(xs) != len(ys):
            raise WrongAnswer(
                f"x_{which}_q1 has {len(xs)} rows but y_{which}_q1 has {len(ys)}: "
                "every sample needs its label."
            )
        if xs.ndim != 2 or xs.shape[1] != x.shape[1]:
            raise WrongAnswer(
                f"x_{which}_q1 has shape {xs.shape}; rows of x_iris have {x.shape[1]} features."
            )
    n_test = round(len(x) * TEST_FRACTION)
    if len(x_test) != n_test:
        raise WrongAnswer(
            f"x_test_q1 has {len(x_test)} rows; 30% of {len(x)} is {n_test}, "
            f"which leaves {len(x) - n_test} for training."
        )
    if sorted(_rows(np.concatenate([x_train, x_test]))) != sorted(_rows(x)):
        raise WrongAnswer(
            "together, the training and test rows should be the 150 rows of x_iris, each "
            "exactly once: take them from x_iris, indexed by one permutation."
        )
    if np.array_equal(x_test, x[-n_test:]):
        raise WrongAnswer(
            f"your test rows are the last {n_test} rows of the file, which is sorted by class: "
            f"they are all {sorted(set(y[-n_test:].tolist()))}. Shuffle with a permutation first."
        )
    labels_of: dict[bytes, set[int]] = {}
    for row, label in zip(_rows(x), y.tolist(), strict=True):
        labels_of.setdefault(row, set()).add(label)
    rows = _rows(np.concatenate([x_train, x_test]))
    pairs = zip(rows, [*y_train.ravel().tolist(), *y_test.ravel().tolist()], strict=True)
    if any(label not in labels_of[row] for row, label in pairs):
        raise WrongAnswer(
            "some rows have lost their labels: shuffle x and y with the same permutation, "
            "x_iris[order] and y_iris[order]."
        )
    missing = sorted(set(y.tolist()) - set(y_test.ravel().tolist()))
    if missing:
        raise WrongAnswer(
            f"your test set has no flowers of class {missing}: a random permutation mixes "
            "all three classes into both parts."
        )


# ------------------------------------------------------------ exercise 2 ---

PATIENCE = 10


def _check_stopper(stopper_q2) -> None:
    import keras

    if not isinstance(stopper_q2, keras.callbacks.EarlyStopping):
        raise WrongAnswer(
            "stopper_q2 should be a keras.callbacks.EarlyStopping(...) callback; you gave a "
            f"{type(stopper_q2).__name__}."
        )
    if stopper_q2.monitor == "loss":
        raise WrongAnswer(
            "it monitors the training loss, which keeps falling even while the model "
            "overfits: watch monitor='val_loss'."
        )
    if stopper_q2.monitor != "val_loss":
        raise WrongAnswer(
            f"it monitors {stopper_q2.monitor!r}; the exercise asks for monitor='val_loss'."
        )
    if stopper_q2.mode == "max":
        raise WrongAnswer(
            "mode='max' waits for val_loss to rise; a loss should fall: leave mode out "
            "(or mode='min')."
        )
    if stopper_q2.patience != PATIENCE:
        raise WrongAnswer(
            f"patience is {stopper_q2.patience}; the exercise asks to wait {PATIENCE} epochs "
            "without improvement (patience=10)."
        )
    if not stopper_q2.restore_best_weights:
        raise WrongAnswer(
            "without restore_best_weights=True the model keeps the weights of the last epoch, "
            f"{PATIENCE} epochs past the best one."
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
_WHY = {
    "overfitting": "the training loss keeps falling while the validation loss turns back up",
    "underfitting": "both losses are still high and still falling: it has not learned enough",
    "good fit": "both losses are low and stay close together",
}


#: Words, English and Korean (see the course's term table), that name each diagnosis.
_WORDS = {
    "overfitting": ("over", "과대적합", "과적합", "과대 적합"),
    "underfitting": ("under", "과소적합", "과소 적합"),
    "good fit": ("good", "right", "fine", "well", "적정", "좋은", "알맞", "적절", "적당", "정상"),
}


def _reading(text: str) -> str | None:
    """The one diagnosis ``text`` names, or None when it names none or several."""
    words = text.lower()
    found = [name for name, marks in _WORDS.items() if any(mark in words for mark in marks)]
    return found[0] if len(found) == 1 else None


def _check_diagnosis(diagnosis) -> None:
    if not isinstance(diagnosis, dict):
        raise WrongAnswer(
            "diagnosis should be a dict such as {'A': '...', 'B': '...', 'C': '...'}; you gave "
            f"a {type(diagnosis).__name__}."
        )
    diagnosis = {str(run).strip().upper(): answer for run, answer in diagnosis.items()}
    if all(diagnosis.get(run) is None for run in _ANSWERS):
        raise NotAnswered("replace each None with 'underfitting', 'good fit' or 'overfitting'.")
    for run, right in _ANSWERS.items():
        answer = diagnosis.get(run)
        if not isinstance(answer, str) or not answer.strip():
            raise WrongAnswer(f"give run {run} one of 'underfitting', 'good fit' or 'overfitting'.")
        reading = _reading(answer)
        if reading is None:
            raise WrongAnswer(
                f"run {run}: {answer!r} is not one of 'underfitting', 'good fit', 'overfitting' "
                "(과소적합, 적정적합, 과대적합): name exactly one."
            )
        if reading != right:
            raise WrongAnswer(
                f"run {run} is not {reading}: look again. In {reading}, {_WHY[reading]}."
            )


q1 = Exercise(
    check=_check_split,
    hint="order = np.random.default_rng(0).permutation(len(x_iris)) shuffles the row numbers; "
    "index x_iris and y_iris with it, then cut after 105 rows.",
    solution="""
        order = np.random.default_rng(0).permutation(len(x_iris))
        x_shuffled, y_shuffled = x_iris[order], y_iris[order]
        n_test = round(0.3 * len(x_iris))  # 45
        x_train_q1, y_train_q1 = x_shuffled[:-n_test], y_shuffled[:-n_test]
        x_test_q1, y_test_q1 = x_shuffled[-n_test:], y_shuffled[-n_test:]
    """,
    success="105 flowers to train on and 45 to test, all three classes on both sides.",
)

q2 = Exercise(
    check=_check_stopper,
    hint="keras.callbacks.EarlyStopping takes monitor=..., patience=... and "
    "restore_best_weights=...",
    solution="""
        stopper_q2 = keras.callbacks.EarlyStopping(
            monitor="val_loss", patience=10, restore_best_weights=True
        )
    """,
    success="it waits 10 epochs for val_loss to improve, then rolls back to the best epoch.",
)

q3 = Exercise(
    check=_check_diagnosis,
    hint="Compare the solid (training) and dashed (validation) curves: are both still high? "
    "Does the dashed one turn back up while the solid one keeps falling?",
    solution="""
        diagnosis = {"A": "overfitting", "B": "underfitting", "C": "good fit"}
    """,
    success="A overfits (validation turns up), B underfits (both still high), C fits well.",
)
