"""Exercises for notebook 02: compile (loss, optimizer, metrics).

The checkers use public Keras APIs only: ``keras.losses.get``, a loss object's
``name``, ``model.optimizer`` and its ``learning_rate``,
``model.get_compile_config()``, and calling the learner's function on probe
values and on symbolic ``keras.KerasTensor`` inputs.
"""

from __future__ import annotations

import numpy as np

from helpers.exercises import Exercise, NotAnswered, WrongAnswer, as_model

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
                f"{loss!r} is not a loss Keras knows: check the spelling "
                "(for example 'binary_crossentropy')."
            ) from None
    if isinstance(loss, type) and issubclass(loss, keras.losses.Loss):
        loss = loss()  # the class itself: its instances carry the name
    if isinstance(loss, keras.losses.Loss):
        return loss.name
    if callable(loss) and hasattr(loss, "__name__"):
        return loss.__name__
    raise WrongAnswer(
        f"a loss is a name such as 'mean_squared_error' or a keras.losses object; "
        f"you gave a {type(loss).__name__}."
    )


def _check_losses(losses) -> None:
    if not isinstance(losses, dict):
        raise WrongAnswer(
            f"losses should be a dict such as {{'spam': ..., 'digits': ..., 'price': ...}}; "
            f"you gave a {type(losses).__name__}."
        )
    missing = [key for key in PROBLEMS if key not in losses]
    if missing:
        raise WrongAnswer(f"losses needs the keys {list(PROBLEMS)}; {missing} are missing.")
    for problem in PROBLEMS:
        if losses[problem] is None:
            raise NotAnswered(f"replace each None with a loss name; {problem!r} is still None.")
    spam, digits, price = (loss_name(losses[key]) for key in PROBLEMS)
    if spam not in BINARY:
        raise WrongAnswer(
            f"spam: you chose {spam!r}. Spam or not is a binary problem with one sigmoid "
            "output: use 'binary_crossentropy'."
        )
    if digits in CATEGORICAL:
        raise WrongAnswer(
            f"digits: {digits!r} expects one-hot labels, but these labels are integers "
            "such as 7: use the sparse version, 'sparse_categorical_crossentropy'."
        )
    if digits not in SPARSE:
        raise WrongAnswer(
            f"digits: you chose {digits!r}. Ten classes with integer labels need "
            "'sparse_categorical_crossentropy'."
        )
    if price not in REGRESSION:
        raise WrongAnswer(
            f"price: you chose {price!r}. A price is a number, not a class: a regression "
            "loss such as 'mean_squared_error' measures how far off it is."
        )


# ------------------------------------------------------------ exercise 2 ---

WANTED_LEARNING_RATE = 0.01


def _check_compiled(model_q2) -> None:
    import keras

    as_model(model_q2, "model_q2")
    optimizer = getattr(model_q2, "optimizer", None)
    if optimizer is None:
        raise NotAnswered("model_q2 is not compiled yet: call model_q2.compile(...) above.")
    config = model_q2.get_compile_config()
    if not isinstance(optimizer, keras.optimizers.Adam):
        raise WrongAnswer(
            f"the optimizer is {type(optimizer).__name__}; the exercise asks for Adam."
        )
    learning_rate = float(optimizer.learning_rate)
    if not np.isclose(learning_rate, WANTED_LEARNING_RATE, rtol=1e-3):
        extra = (
            " The string 'adam' always means the default 0.001: pass "
            "keras.optimizers.Adam(learning_rate=0.01) instead."
            if np.isclose(learning_rate, 0.001, rtol=1e-3)
            else ""
        )
        raise WrongAnswer(f"the learning rate is {learning_rate:g}, not 0.01.{extra}")
    name = loss_name(model_q2.loss) if model_q2.loss is not None else "no loss"
    if name in CATEGORICAL:
        raise WrongAnswer(
            f"the loss is {name!r}, which needs one-hot labels; iris labels here are "
            "integers 0, 1, 2: use 'sparse_categorical_crossentropy'."
        )
    if name not in SPARSE:
        raise WrongAnswer(
            f"the loss is {name!r}; three classes with integer labels need "
            "'sparse_categorical_crossentropy'."
        )
    _check_accuracy(_metric_names(config.get("metrics")))


#: Metrics that give the accuracy for integer labels and probabilities.
SPARSE_ACCURACY = {"accuracy", "acc", "sparse_categorical_accuracy", "SparseCategoricalAccuracy"}


def _metric_names(metrics) -> list[str]:
    """Names of compiled metrics: a string as given, else the class or function name."""
    names = []
    for metric in metrics if isinstance(metrics, list | tuple) else [metrics]:
        if isinstance(metric, dict):
            function = metric.get("class_name") == "function"
            metric = metric.get("config") if function else metric.get("class_name")
        names.append(str(metric))
    return names


def _check_accuracy(names: list[str]) -> None:
    if any(name in SPARSE_ACCURACY for name in names):
        return
    if any("ategorical" in name for name in names):
        raise WrongAnswer(
            "categorical accuracy expects one-hot labels; these labels are integers: "
            "use metrics=['accuracy']."
        )
    if any("inary" in name for name in names):
        raise WrongAnswer(
            "binary accuracy is for one yes/no output; here are 3 classes: "
            "use metrics=['accuracy']."
        )
    if "Accuracy" in names:
        raise WrongAnswer(
            "keras.metrics.Accuracy() counts predictions exactly equal to the labels, never "
            "true for probabilities: use metrics=['accuracy']."
        )
    raise WrongAnswer("add metrics=['accuracy'] so that fit reports the accuracy too.")


# ------------------------------------------------------------ exercise 3 ---

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
            f"calling my_mae(y_true, y_pred) failed with {type(error).__name__}: {error}"
        ) from None
    if value is None:
        raise WrongAnswer("my_mae returned None: did you forget the return line?")
    try:
        return np.asarray(keras.ops.convert_to_numpy(value), dtype=float)
    except (TypeError, ValueError):
        raise WrongAnswer(
            f"my_mae returned a {type(value).__name__}; return the result of keras.ops.mean(...)."
        ) from None


def _reason(value: np.ndarray, errors: np.ndarray) -> str:
    """What the learner's per-sample values are, if they are a known mistake."""
    for other, reason in (
        (errors.mean(axis=-1), "negative errors cancel positive ones: take keras.ops.abs first."),
        ((errors**2).mean(axis=-1), "that is the squared error; the absolute error uses abs."),
        (np.abs(errors).sum(axis=-1), "that is the sum of each sample's errors; take the mean."),
    ):
        if np.allclose(value, other, atol=1e-5):
            return reason
    return "the mean absolute error is the mean of |y_pred - y_true| over the last axis."


def _check_mae(my_mae) -> None:
    import keras

    if not callable(my_mae):
        raise WrongAnswer(
            f"my_mae should be a function: def my_mae(y_true, y_pred): ...; you gave a "
            f"{type(my_mae).__name__}."
        )
    for y_true, y_pred in ((PROBE_TRUE, PROBE_PRED), (WIDE_TRUE, WIDE_PRED)):
        value = _call_mae(my_mae, y_true, y_pred)
        errors = y_pred - y_true
        expected = np.abs(errors).mean(axis=-1)
        if value.shape != expected.shape:
            per_sample = "one number for the whole batch" if value.size == 1 else None
            raise WrongAnswer(
                f"for {len(y_true)} samples my_mae returned "
                f"{per_sample or f'shape {value.shape}'}; the exercise asks for one value "
                "per sample: keras.ops.mean(..., axis=-1)."
            )
        if not np.allclose(value, expected, atol=1e-5):
            raise WrongAnswer(
                f"for y_true {y_true.tolist()} and y_pred {y_pred.tolist()} my_mae gave "
                f"{np.round(value, 3).tolist()}, expected {np.round(expected, 3).tolist()}: "
                f"{_reason(value, errors)}"
            )
    try:
        my_mae(keras.KerasTensor((None, 1)), keras.KerasTensor((None, 1)))
    except Exception:  # NumPy functions cannot handle symbolic tensors
        raise WrongAnswer(
            "my_mae gives the right numbers, but fails inside a compiled model: use "
            "keras.ops functions (keras.ops.abs, keras.ops.mean), not NumPy's."
        ) from None


q1 = Exercise(
    check=_check_losses,
    hint="One probability: binary cross-entropy. Several classes with integer labels: the "
    "sparse categorical cross-entropy. A number: mean squared error.",
    solution="""
        losses = {
            "spam": "binary_crossentropy",
            "digits": "sparse_categorical_crossentropy",
            "price": "mean_squared_error",
        }
    """,
    success="binary, sparse categorical and regression: the loss follows the problem.",
)

q2 = Exercise(
    check=_check_compiled,
    hint="A string such as 'adam' cannot carry a learning rate: pass "
    "keras.optimizers.Adam(learning_rate=...). The labels are integers.",
    solution="""
        model_q2.compile(
            optimizer=keras.optimizers.Adam(learning_rate=0.01),
            loss="sparse_categorical_crossentropy",
            metrics=["accuracy"],
        )
    """,
    success="Adam at 0.01, the sparse loss for integer labels, and accuracy to watch.",
)

q3 = Exercise(
    check=_check_mae,
    hint="The error is y_pred - y_true; keras.ops.abs makes it positive, and "
    "keras.ops.mean(..., axis=-1) averages it for each sample.",
    solution="""
        def my_mae(y_true, y_pred):
            return keras.ops.mean(keras.ops.abs(y_pred - y_true), axis=-1)
    """,
    success="the same numbers as keras.losses.mean_absolute_error, and it works in fit().",
)
