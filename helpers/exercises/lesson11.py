"""Exercises for notebook 11: on your own, the whole workflow on the Palmer penguins.

The learner writes the whole pipeline in plain NumPy and Keras, and four of the five
exercises also ask them to think first. Exercise 1 is predict-then-run: the accuracy of
always answering the most common species, which the check cell then computes.
Exercises 2-4 each judge, in one check, the learner's words (:class:`Together`) and
their code; exercise 5 judges code alone:

2. predict which species fill the last fifth of the file as it is sorted (the test rows
   of a split without shuffling: all 68 Chinstrap penguins), then shuffle and split;
3. diagnose a classmate who standardised with the whole table's statistics (a choice
   and the rule it breaks), then standardise with the training rows' only;
4. predict whether early stopping will end the run before the epoch limit, then build,
   compile and fit with ``EarlyStopping`` and plot the History;
5. evaluate once on the test rows against the baseline, save and reload.

The code is graded by its properties rather than by one right value (every shuffle,
every model is different): a :class:`~helpers.exercises.types.ValueExercise` declared
with ``rules`` alone. The split: the training and test rows together are the cleaned
table, each row once with its own label, no test row in training, about a fifth held
out, every species on both sides. The standardisation: the means and standard
deviations of the training rows only (not the whole table's, not the test rows'),
applied to both parts. The training: a History with validation, an ``EarlyStopping``
that watched a validation metric in this model's ``fit``, and validation rows that are
not the test rows (the model's loss on the test rows is none of the recorded
``val_loss``). The test score: the reloaded model's accuracy on the test rows, above
the baseline, from a model loaded from the file (not the trained object itself).

A part still ``None`` (an exercise not done yet) is "not answered yet", never an error.
"""

from __future__ import annotations

from collections import Counter

import numpy as np

from helpers import checks
from helpers.exercises import (
    REPLACE_NONE,
    NotAnswered,
    Surprise,
    WrongAnswer,
    as_model,
    as_number,
)
from helpers.exercises.types import Arg, Declared, Mistake, ValueExercise
from helpers.exercises.words import Choice, Prediction, Words
from helpers.i18n import N_, _

#: How close numbers must be to be the same computation (float32 and float64 both).
CLOSE = {"rtol": 1e-4, "atol": 1e-5}


class Together(Declared):
    """The learner's words about their code (a prediction or a choice) and the code, in one check.

    No type in :mod:`helpers.exercises.words` judges a text together with code the learner
    wrote, hence this one. ``check`` takes the words' answer and their other inputs, then
    the code's arguments; a name both use is passed once and read as the code reads it.
    The code is judged first, by ``code``'s rules: a broken pipeline is the message. Then
    the words: a right choice shows ``success``; a prediction, come true or not (then
    explained), is followed by ``success`` too, as what the code did right. The parts are
    declared with the exercise's own texts, which only the whole shows.
    """

    def __init__(self, *, words: Declared, code: ValueExercise, **texts: str) -> None:
        self.words, self.code = words, code
        coded = {arg.name for arg in code.args}
        extra = [arg for arg in words.args[1:] if arg.name not in coded]
        super().__init__(answer=words.args[0], inputs=[*extra, *code.args], **texts)

    def judge(self, answer, inputs: list, names: dict) -> str | None:
        code = [names[arg.name] for arg in self.code.args]
        self.code.judge(code[0], code[1:], names)
        about = [names[arg.name] for arg in self.words.args[1:]]
        too = _("Your code is right too: {success}").format(success=self.success_text)
        try:
            said = self.words.judge(answer, about, names)
        except Surprise as surprise:
            raise Surprise(f"{surprise} {too}") from None
        return f"{said} {too}" if said else None


# ------------------------------------------------------------ exercise 1 ---


NOT_LABELS = N_("{name} should hold class numbers (0, 1, 2); run the cells above as given.")


def _labels(value, name: str) -> np.ndarray:
    """Class numbers 0, 1, 2, ... as a flat int array."""
    if value is None:
        raise NotAnswered(_(REPLACE_NONE))
    try:
        labels = np.asarray(value).reshape(-1)
        numbers = labels.size > 0 and labels.dtype.kind in "iuf"  # not True/False, not texts
        whole = numbers and np.array_equal(labels, labels.astype(np.int64))
    except (TypeError, ValueError):
        whole = False
    if not whole or labels.min() < 0:
        raise WrongAnswer(_(NOT_LABELS).format(name=name))
    return labels.astype(np.int64)


def _majority(y: np.ndarray) -> float:
    return float(np.bincount(y).max() / len(y))


q1 = ValueExercise(
    answer=Arg("baseline_guess", read=as_number),
    inputs=[Arg("y", read=_labels)],
    expected=_majority,
    atol=0.03,
    mistakes=[
        Mistake(
            N_(
                "{baseline_guess:g} is a count of penguins; the accuracy is a share: "
                "divide by the number of penguins, {n}."
            ),
            when=lambda guess, y: guess > 1 and {"n": len(y)},
        ),
        Mistake(
            N_(
                "{baseline_guess:.2f} is one in {k}, guessing at random. The species are not "
                "equally common: always answering the most common one does better."
            ),
            when=lambda guess, y: (
                np.isclose(guess, 1 / len(np.unique(y)), atol=0.02) and {"k": len(np.unique(y))}
            ),
        ),
        Mistake(
            N_(
                "{baseline_guess:.2f} is the share of the penguins that are *not* of the most "
                "common species: those are the ones it gets wrong."
            ),
            when=lambda guess, y: np.isclose(guess, 1 - _majority(y), atol=0.03),
        ),
    ],
    otherwise=N_(
        "not quite: look at the species counts above. Which species is most common, and what "
        "share of all the penguins is it?"
    ),
    hint=N_(
        "A model that learned nothing can still answer the most common species every time. "
        "It is right for exactly the penguins of that species: count them, and divide by all."
    ),
    solution=N_("baseline_guess = 151 / 342  # the Adelie penguins, of all 342"),
    success=N_("always answering the most common species is right this often."),
)

# ------------------------------------------------------------ exercise 2 ---


def _not_numbers(value, name: str) -> WrongAnswer:
    return WrongAnswer(
        _("{name} should be an array of numbers (or a pandas table); you gave a {kind}.").format(
            name=name, kind=type(value).__name__
        )
    )


def _numbers(value, name: str) -> np.ndarray:
    """``value`` as an array of float64 (a NumPy array, a pandas table or column, a number)."""
    if value is None:
        raise NotAnswered(_(REPLACE_NONE))
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        array = None
    if array is None or array.size == 0:
        raise _not_numbers(value, name)
    return array


def _part(value, name: str) -> np.ndarray:
    """A part of the split, or the cleaned table: an array (or a pandas table) of numbers."""
    array = _numbers(value, name)
    if array.ndim == 0:
        raise _not_numbers(value, name)
    return array


def _rows(x: np.ndarray) -> list[bytes]:
    """Each row as bytes of float32, so a float64 copy of a float32 row is the same row."""
    return [row.tobytes() for row in np.ascontiguousarray(x, dtype=np.float32)]


def _bad_shapes(x_train, x_test, y_train, y_test, x, y):
    for which, xs, ys in (("train", x_train, y_train), ("test", x_test, y_test)):
        if xs.ndim != 2 or xs.shape[1:] != x.shape[1:] or ys.size != len(ys) or len(xs) != len(ys):
            return {"which": which, "x_shape": xs.shape, "y_shape": ys.shape, "columns": x.shape[1]}
    return None


def _shared_rows(x_train, x_test, y_train, y_test, x, y):
    training = set(_rows(x_train))
    shared = sum(row in training for row in _rows(x_test))
    return shared and {"shared": shared, "n_test": len(x_test)}


def _not_the_table(x_train, x_test, y_train, y_test, x, y):
    split = Counter(
        zip(
            _rows(np.concatenate([x_train, x_test])),
            np.concatenate([y_train.ravel(), y_test.ravel()]).tolist(),
            strict=True,
        )
    )
    table = Counter(zip(_rows(x), np.asarray(y).ravel().tolist(), strict=True))  # fmt: skip
    return split != table and {"rows": len(x_train) + len(x_test), "n": len(x)}


def _test_share(x_train, x_test, y_train, y_test, x, y):
    share = len(x_test) / len(x)
    return not 0.15 <= share <= 0.35 and {"share": share, "n_test": len(x_test)}


#: The two sides of a split, as a message says them.
SIDES = {"train": N_("training"), "test": N_("test")}


def _missing_species(x_train, x_test, y_train, y_test, x, y):
    classes = set(np.asarray(y).ravel().tolist())
    for side, ys in (("test", y_test), ("train", y_train)):
        missing = sorted(classes - set(ys.ravel().tolist()))
        if missing:
            return {"side": _(SIDES[side]), "missing": ", ".join(f"{c:g}" for c in missing)}
    return None


#: The species as pd.factorize numbers them, alphabetically: classes 0, 1 and 2.
SPECIES = ("Adelie", "Chinstrap", "Gentoo")
#: Each species as a message names it.
SPECIES_SAID = {"Adelie": N_("Adelie"), "Chinstrap": N_("Chinstrap"), "Gentoo": N_("Gentoo")}
#: What exercise 2's prediction may name: one species (or its class number), or a mix.
LAST_FIFTH = Words(
    {
        "Adelie": ("아델리",),
        "Chinstrap": ("턱끈",),
        "Gentoo": ("젠투",),
        "mixed": ("mix", "all three", "every species", "섞", "세 종", "모든 종", "골고루"),
    }
)


def _species(value, name: str):
    """A class number (0, 1, 2) as the species it numbers; any other answer as it is."""
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        return SPECIES[value] if 0 <= value < len(SPECIES) else value
    return value


def _last_fifth(y):
    """Which species fill the last fifth of the file's rows, and the numbers to say it."""
    labels = _labels(y, "y")
    if labels.max() >= len(SPECIES):
        raise WrongAnswer(_(NOT_LABELS).format(name="y"))
    n = max(1, round(len(labels) / 5))
    kinds = sorted(set(labels[-n:].tolist()))
    said = {"n": n, "names": ", ".join(_(SPECIES_SAID[SPECIES[k]]) for k in kinds)}
    if len(kinds) > 1:
        return "mixed", said
    block = labels == kinds[0]
    said.update(species=said["names"], left=int(block[:-n].sum()), total=int(block.sum()))
    return SPECIES[kinds[0]], said


#: What a split of the file as it is would do, when its end is one species.
ONE_BLOCK = N_(
    "the last {n} rows of the file are all {species} penguins: a split without shuffling "
    "would test on them alone and train on {left} of the {total} {species} penguins."
)

_SPLIT_TEXTS = {
    "hint": N_(
        "For last_fifth: the file holds the species in three blocks, Adelie first, and a "
        "fifth of 342 rows is 68. Which block could fill it? For the split, shuffle the row "
        "numbers with a seeded generator: order = np.random.default_rng(0).permutation(len(x)). "
        "Take the first 20% of that order as test rows and the rest as training rows, and "
        "index x and y with the same numbers."
    ),
    "solution": N_(
        'last_fifth = "Chinstrap"  # the file ends with its 68 Chinstrap penguins\n'
        "order = np.random.default_rng(0).permutation(len(x))  # every row number once, shuffled\n"
        "n_test = round(0.2 * len(x))\n"
        "test_rows, train_rows = order[:n_test], order[n_test:]\n"
        "x_train, y_train = x[train_rows], y[train_rows]\n"
        "x_test, y_test = x[test_rows], y[test_rows]"
    ),
    "success": N_("every penguin is on one side only, and all three species are on both."),
}


q2 = Together(
    words=Prediction(
        answer=Arg("last_fifth", read=_species),
        inputs=["y"],
        outcomes=LAST_FIFTH,
        observe=_last_fifth,
        happened={
            **dict.fromkeys(SPECIES, ONE_BLOCK),
            "mixed": N_("the last {n} rows of the file hold more than one species: {names}."),
        },
        why={
            ("Adelie", "Chinstrap"): N_("The Adelie penguins open the file, as head() showed."),
            ("Gentoo", "Chinstrap"): N_("The Gentoo penguins are the middle block."),
            ("mixed", "Chinstrap"): N_(
                "A file sorted by species keeps each species together, so its end is one block."
            ),
        },
        **_SPLIT_TEXTS,
    ),
    code=ValueExercise(
        answer=Arg("x_train", read=_part),
        inputs=[Arg(name, read=_part) for name in ("x_test", "y_train", "y_test", "x", "y")],
        rules=[
            Mistake(
                N_(
                    "x_{which} should be rows of {columns} measurements and y_{which} one label "
                    "per row; you gave shapes {x_shape} and {y_shape}."
                ),
                when=_bad_shapes,
            ),
            Mistake(
                N_(
                    "{shared} of your {n_test} test rows are also training rows: the test would "
                    "grade the model on penguins it trained on. Give each row to one side only."
                ),
                when=_shared_rows,
            ),
            Mistake(
                N_(
                    "together, your training and test rows should be the {n} rows of x, each once "
                    "and with its own label; you have {rows} rows, or rows whose labels moved. "
                    "Index x and y with the same shuffled order."
                ),
                when=_not_the_table,
            ),
            Mistake(
                N_(
                    "your test set holds {n_test} rows, {share:.0%} of the table: hold out about "
                    "a fifth (20%), enough to judge the model and enough left to train it."
                ),
                when=_test_share,
            ),
            Mistake(
                N_(
                    "your {side} rows have no penguins of class {missing}: the file is sorted by "
                    "species. Shuffle the rows (a permutation) before you split."
                ),
                when=_missing_species,
            ),
        ],
        **_SPLIT_TEXTS,
    ),
    **_SPLIT_TEXTS,
)

# ------------------------------------------------------------ exercise 3 ---


def _columns(value, name: str) -> np.ndarray:
    """One number per column (a NumPy array, a pandas Series, or shape (1, n))."""
    return _numbers(value, name).reshape(-1)


def _standardised(x, mean, std):
    return (x - mean) / std


def _same(a, b) -> bool:
    return a.shape == b.shape and bool(np.allclose(a, b, **CLOSE))


def _stds(x):
    return x.std(axis=0), x.std(axis=0, ddof=1)  # NumPy's default and pandas' default


def _wrong_size(mean, std, x_train_n, x_test_n, x_train, x_test):
    columns = x_train.shape[-1]
    for name, values in (("mean", mean), ("std", std)):
        if values.size != columns:
            return {"name": name, "size": values.size, "columns": columns}
    return None


def _whose(values, x_train, x_test, statistic) -> str | None:
    """Which rows ``values`` are the ``statistic`` of: 'train', 'all', 'test' or None."""
    everything = np.concatenate([x_train, x_test])
    for which, rows in (("train", x_train), ("all", everything), ("test", x_test)):
        if any(_same(values, found) for found in statistic(rows)):
            return which
    return None


def _leaked(values, x_train, x_test, statistic):
    which = _whose(values, x_train, x_test, statistic)
    return which in ("all", "test") and {"rows": which}


#: What a statistic of the wrong rows means, for each of mean and std.
LEAK = N_(
    "{name} are the statistics of {rows_said}: the test rows leaked into the preparation. "
    "Compute them from x_train only, then use them for both parts."
)
ROWS_SAID = {"all": N_("the whole table"), "test": N_("the test rows")}


def _leak(name: str, statistic):
    def when(mean, std, x_train_n, x_test_n, x_train, x_test):
        found = _leaked(mean if name == "mean" else std, x_train, x_test, statistic)
        return found and {"name": name, "rows_said": _(ROWS_SAID[found["rows"]])}

    return when


def _not_training(name: str, statistic):
    def when(mean, std, x_train_n, x_test_n, x_train, x_test):
        values = mean if name == "mean" else std
        return _whose(values, x_train, x_test, statistic) is None and {"name": name}

    return when


def _not_applied(which: str):
    def when(mean, std, x_train_n, x_test_n, x_train, x_test):
        given, rows = (x_train_n, x_train) if which == "train" else (x_test_n, x_test)
        return not _same(given, _standardised(rows, mean, std)) and {"which": which}

    return when


def _own_statistics(mean, std, x_train_n, x_test_n, x_train, x_test):
    return any(
        _same(x_test_n, _standardised(x_test, x_test.mean(axis=0), s)) for s in _stds(x_test)
    )


_STANDARDISE_TEXTS = {
    "hint": N_(
        "For classmate: which rows does the whole table hold that x_train does not, and whom "
        "should a test score speak for? In reason, name the rule in a few words. For the code: "
        "mean = x_train.mean(axis=0) gives one mean per column, from the training rows only; "
        "std the same with .std. Then subtract and divide: x_train_n = (x_train - mean) / std, "
        "and the test rows with the same mean and std."
    ),
    "solution": N_(
        'classmate = "B"\n'
        'reason = "the test rows leaked into the preparation"  # only training rows may shape it\n'
        "mean = x_train.mean(axis=0)  # one per column, from the training rows only\n"
        "std = x_train.std(axis=0)\n"
        "x_train_n = (x_train - mean) / std\n"
        "x_test_n = (x_test - mean) / std  # the training rows' statistics, for new penguins too"
    ),
    "success": N_(
        "the test rows shaped the classmate's preparation; they played no part in yours."
    ),
}

#: What a right reason for the classmate's diagnosis names: the rule, or what breaking it does.
PREPARED_ON = Words(
    {
        "test rows": ("test", "테스트", "시험"),
        "leak": ("leak", "누출", "누수", "유출", "새어"),
        "training rows only": ("train", "훈련"),
        "unseen penguins": ("unseen", "never met", "never seen", "new penguin", "새 펭귄",
                            "처음 보는", "본 적 없", "만나지 않은", "만난 적 없"),
    }
)  # fmt: skip


q3 = Together(
    words=Choice(
        answer="classmate",
        options=["A", "B", "C"],
        right="B",
        mistakes={
            "A": N_(
                "the whole table holds the test rows too: its mean and std carry something of "
                "them into the preparation, so the test no longer judges penguins the model "
                "has never met."
            ),
            "C": N_(
                "the whole table's mean and std are close to the training rows': the training "
                "rows come out standardised all the same, and the model learns as well. The "
                "harm is to the test score."
            ),
        },
        because=PREPARED_ON,
        because_missing=N_(
            "write in reason the rule the shortcut breaks: which rows may the preparation use?"
        ),
        **_STANDARDISE_TEXTS,
    ),
    code=ValueExercise(
        answer=Arg("mean", read=_columns),
        inputs=[
            Arg("std", read=_columns),
            Arg("x_train_n", read=_part),
            Arg("x_test_n", read=_part),
            Arg("x_train", read=_part),
            Arg("x_test", read=_part),
        ],
        rules=[
            Mistake(
                N_(
                    "{name} holds {size} numbers; it should hold one per column ({columns}): take "
                    "it down the rows, with axis=0."
                ),
                when=_wrong_size,
            ),
            Mistake(LEAK, when=_leak("mean", lambda rows: [rows.mean(axis=0)])),
            Mistake(LEAK, when=_leak("std", _stds)),
            Mistake(
                N_("{name} is not the column {name} of x_train: x_train.{name}(axis=0)."),
                when=_not_training("mean", lambda rows: [rows.mean(axis=0)]),
            ),
            Mistake(
                N_("{name} is not the column {name} of x_train: x_train.{name}(axis=0)."),
                when=_not_training("std", _stds),
            ),
            Mistake(
                N_(
                    "x_test_n was standardised with the test rows' own mean and std: use the "
                    "training rows' mean and std for the test rows too, as for any new penguin."
                ),
                when=_own_statistics,
            ),
            Mistake(
                N_("x_{which}_n should be (x_{which} - mean) / std."), when=_not_applied("train")
            ),
            Mistake(
                N_("x_{which}_n should be (x_{which} - mean) / std."), when=_not_applied("test")
            ),
        ],
        **_STANDARDISE_TEXTS,
    ),
    **_STANDARDISE_TEXTS,
)

# ------------------------------------------------------------ exercise 4 ---


def _model(value, name: str):
    if value is None:
        raise NotAnswered(_(REPLACE_NONE))
    return as_model(value, name)


def _early_stopping(value, name: str):
    import keras

    if value is None:
        raise NotAnswered(_(REPLACE_NONE))
    if not isinstance(value, keras.callbacks.EarlyStopping):
        raise WrongAnswer(
            _(
                "{name} should be the keras.callbacks.EarlyStopping(...) you passed to fit; "
                "you gave a {kind}."
            ).format(name=name, kind=type(value).__name__)
        )
    return value


def _history(value, name: str):
    """(the History's dict, the model it belongs to or None)."""
    if value is None:
        raise NotAnswered(_(REPLACE_NONE))
    try:
        recorded = checks.history(name, value)
    except (TypeError, ValueError):
        raise WrongAnswer(
            _("{name} should be what model.fit(...) returns; you gave a {kind}.").format(
                name=name, kind=type(value).__name__
            )
        ) from None
    return recorded, getattr(value, "model", None)


def _no_validation(history, model, early_stopping, x_test_n, y_test):
    return "val_loss" not in history[0]


def _not_this_fit(history, model, early_stopping, x_test_n, y_test):
    owner = history[1]
    return early_stopping.model is not model or (owner is not None and owner is not model)


def _watches_training(history, model, early_stopping, x_test_n, y_test):
    monitor = str(early_stopping.monitor)
    return not monitor.startswith("val_") and {"monitor": monitor}


def _validated_on_test(history, model, early_stopping, x_test_n, y_test):
    test_loss = model.evaluate(x_test_n, y_test, verbose=0, return_dict=True)["loss"]
    return any(np.isclose(test_loss, v, rtol=1e-5, atol=1e-7) for v in history[0]["val_loss"])


#: What exercise 4's prediction may say: early stopping ends the run sooner, or it does not.
STOPS_EARLY = Words(
    {
        "yes": ("true", "early", "before", "sooner", "네", "예", "조기", "일찍", "전에", "멈춥",
                "멈춘", "멈출"),
        "no": ("no", "false", "all 200", "every epoch", "아니", "끝까지", "200 에포크 모두",
               "다 돕", "다 돌"),
    }
)  # fmt: skip


def _yes_no(value, name: str):
    """True and False as the prediction's words; any other answer as it is."""
    if isinstance(value, (bool, np.bool_)):
        return "yes" if value else "no"
    return value


def _stopped(history, early_stopping):
    """Whether early stopping ended the learner's run, and the numbers to say it."""
    epochs = max(len(values) for values in history[0].values())
    said = {"epochs": epochs, "patience": early_stopping.patience,
            "monitor": early_stopping.monitor}  # fmt: skip
    return ("yes" if early_stopping.stopped_epoch > 0 else "no"), said


_TRAINING_TEXTS = {
    "hint": N_(
        "For stops_early: patience=10 ends the run once the validation loss has gone 10 "
        "epochs without a new best. Will it stall that long within 200 epochs, or keep "
        "creeping down? Then build keras.Sequential([keras.Input(shape=(4,)), a Dense "
        "layer with relu, Dense(3, activation='softmax')]), compile with "
        "'sparse_categorical_crossentropy' and metrics=['accuracy'], make early_stopping = "
        "keras.callbacks.EarlyStopping(monitor='val_loss', patience=10, "
        "restore_best_weights=True), and fit on x_train_n, y_train with validation_split=0.2 "
        "and callbacks=[early_stopping]. Then plot history.history['loss'] and ['val_loss'] "
        "with plt.plot."
    ),
    "solution": N_(
        'stops_early = "no"  # your prediction, before you run: the check says what the run did\n'
        "model = keras.Sequential([\n"
        "    keras.Input(shape=(4,)),\n"
        '    keras.layers.Dense(16, activation="relu"),\n'
        '    keras.layers.Dense(3, activation="softmax"),  # one probability per species\n'
        "])\n"
        'model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", '
        'metrics=["accuracy"])\n'
        "early_stopping = keras.callbacks.EarlyStopping(\n"
        '    monitor="val_loss", patience=10, restore_best_weights=True\n'
        ")\n"
        "history = model.fit(\n"
        "    x_train_n, y_train, epochs=200, batch_size=16, verbose=0,\n"
        "    validation_split=0.2,  # the last 20% of the training rows, never the test rows\n"
        "    callbacks=[early_stopping],\n"
        ")\n"
        'plt.plot(history.history["loss"], label="loss")  # training: solid\n'
        'plt.plot(history.history["val_loss"], "--", label="val_loss")  # validation: dashed\n'
        'plt.xlabel("epoch")\n'
        "plt.legend()\n"
        "plt.show()"
    ),
    "success": N_(
        "early stopping watched validation rows taken from the training rows; the test rows "
        "are still unseen."
    ),
}


q4 = Together(
    words=Prediction(
        answer=Arg("stops_early", read=_yes_no),
        inputs=["history", "early_stopping"],
        outcomes=STOPS_EARLY,
        observe=_stopped,
        happened={
            "yes": N_(
                "early stopping ended the run after {epochs} epochs: {monitor} had gone "
                "{patience} epochs without a new best."
            ),
            "no": N_(
                "the run went all {epochs} epochs: {monitor} kept finding a new best within "
                "every {patience} epochs, so early stopping never fired."
            ),
        },
        why={
            ("yes", "no"): N_(
                "Patience counts the epochs since the last new best: a validation loss that "
                "still creeps down now and then keeps the run going."
            ),
            ("no", "yes"): N_(
                "Once the model has learned what the training rows can teach about new "
                "penguins, the validation loss stops improving and patience runs out."
            ),
        },
        **_TRAINING_TEXTS,
    ),
    code=ValueExercise(
        answer=Arg("history", read=_history),
        inputs=[
            Arg("model", read=_model),
            Arg("early_stopping", read=_early_stopping),
            Arg("x_test_n", read=_part),
            Arg("y_test", read=_labels),
        ],
        rules=[
            Mistake(
                N_(
                    "history has no val_loss: fit had no validation rows. Pass "
                    "validation_split=0.2, which keeps the last 20% of the training rows aside."
                ),
                when=_no_validation,
            ),
            Mistake(
                N_(
                    "early_stopping and history do not come from this model's fit: pass "
                    "callbacks=[early_stopping] to model.fit and keep what it returns as history."
                ),
                when=_not_this_fit,
            ),
            Mistake(
                N_(
                    "early_stopping watches {monitor}, which keeps falling as the model memorises "
                    "its training rows: monitor 'val_loss', the rows it does not train on."
                ),
                when=_watches_training,
            ),
            Mistake(
                N_(
                    "the model's loss on the test rows is one of the val_loss values in history: "
                    "your validation rows are the test rows, so early stopping chose the epoch "
                    "by the test. Use validation_split on the training rows instead."
                ),
                when=_validated_on_test,
            ),
        ],
        **_TRAINING_TEXTS,
    ),
    **_TRAINING_TEXTS,
)

# ------------------------------------------------------------ exercise 5 ---


def _accuracy(model, x, y) -> float:
    scores = np.asarray(model.predict(x, verbose=0))
    if scores.ndim == 2 and scores.shape[1] > 1:
        predicted = scores.argmax(axis=1)
    else:
        predicted = (scores.reshape(len(x), -1)[:, 0] > 0.5).astype(np.int64)
    return float(np.mean(predicted == y))


def _same_object(test_accuracy, reloaded, model, x_test_n, y_test, baseline):
    return reloaded is model


def _other_weights(test_accuracy, reloaded, model, x_test_n, y_test, baseline):
    mine, theirs = reloaded.get_weights(), model.get_weights()
    return len(mine) != len(theirs) or not all(
        a.shape == b.shape and np.array_equal(a, b) for a, b in zip(mine, theirs, strict=True)
    )


def _not_its_score(test_accuracy, reloaded, model, x_test_n, y_test, baseline):
    accuracy = _accuracy(reloaded, x_test_n, y_test)
    return not np.isclose(test_accuracy, accuracy, atol=1e-6) and {"accuracy": accuracy}


def _not_above(test_accuracy, reloaded, model, x_test_n, y_test, baseline):
    return test_accuracy <= baseline


q5 = ValueExercise(
    answer=Arg("test_accuracy", read=as_number),
    inputs=[
        Arg("reloaded", read=_model),
        Arg("model", read=_model),
        Arg("x_test_n", read=_part),
        Arg("y_test", read=_labels),
        Arg("baseline", read=as_number),
    ],
    rules=[
        Mistake(
            N_(
                "reloaded is the model you trained, not one read from the file: "
                "reloaded = keras.models.load_model(...) with the path you saved to."
            ),
            when=_same_object,
        ),
        Mistake(
            N_(
                "reloaded's weights differ from the trained model's: save model after fit, "
                "then load that same file."
            ),
            when=_other_weights,
        ),
        Mistake(
            N_(
                "test_accuracy is {test_accuracy:.3f}, but the model gets {accuracy:.3f} on the "
                "test rows: take it from model.evaluate(x_test_n, y_test) (its second value)."
            ),
            when=_not_its_score,
        ),
        Mistake(
            N_(
                "a test accuracy of {test_accuracy:.3f} is no better than the baseline, "
                "{baseline:.3f}: look at the learning curves and the steps before (are the "
                "inputs standardised, does the output have 3 units with softmax?)."
            ),
            when=_not_above,
        ),
    ],
    hint=N_(
        "test_loss, test_accuracy = model.evaluate(x_test_n, y_test, verbose=0), once. Then "
        "model.save(path) and reloaded = keras.models.load_model(path)."
    ),
    solution=N_(
        "test_loss, test_accuracy = model.evaluate(x_test_n, y_test, verbose=0)  # once\n"
        "print(round(test_accuracy, 2), round(baseline, 2))  # the test score, then the baseline\n"
        "model.save(path)\n"
        "reloaded = keras.models.load_model(path)  # a new model, read from the file"
    ),
    success=N_(
        "one look at the test rows, above the baseline, and a saved model that gives the same "
        "answers."
    ),
)
