"""One run's settings, and their checks, for the playground and :mod:`helpers.training`.

- :class:`Settings` holds one run's choices: dataset, layers, optimizer,
  learning rate, epochs, batch size, validation share and seed;
- :func:`validate_settings` explains impossible ones in plain words (in the
  helpers' language) and returns them with plain Python numbers;
- :data:`OPTIMIZERS` is the one table of the optimizers a run can use: name,
  description and the Keras class that makes it.

Importing this module loads neither TensorFlow nor ipywidgets: the optimizers'
Keras classes are named here and made by :mod:`helpers.training`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from helpers import data
from helpers.checks import one_of, random_seed, real_number, refusal, whole_number
from helpers.i18n import N_, _

__all__ = [
    "ACTIVATIONS",
    "DATASET_NAMES",
    "FIELDS",
    "LIMITS",
    "OPTIMIZERS",
    "OptimizerChoice",
    "Settings",
    "validate_settings",
]

#: The datasets a run can train on: the classification ones of ``helpers.data.DATASETS``.
DATASET_NAMES: tuple[str, ...] = tuple(
    name for name, dataset in data.DATASETS.items() if dataset.task != "regression"
)


@dataclass(frozen=True)
class OptimizerChoice:
    """One optimizer a run can use: a value of :data:`OPTIMIZERS`.

    Args:
        description: how prose names it, in English (show it with ``_()``).
        keras_class: the class of ``keras.optimizers`` that makes it, by name
            (so that this module loads no Keras).
        options: its arguments besides the learning rate.
    """

    description: str
    keras_class: str
    options: dict[str, float] = dataclasses.field(default_factory=dict)


#: Optimizer name (the value of ``Settings.optimizer``) -> what it is and how to make it.
OPTIMIZERS: dict[str, OptimizerChoice] = {
    "sgd": OptimizerChoice("SGD", "SGD"),
    "sgd_momentum": OptimizerChoice(N_("SGD with momentum"), "SGD", {"momentum": 0.9}),
    "rmsprop": OptimizerChoice("RMSprop", "RMSprop"),
    "adam": OptimizerChoice("Adam", "Adam"),
    "nadam": OptimizerChoice("Nadam", "Nadam"),
}
ACTIVATIONS: tuple[str, ...] = ("relu", "tanh", "sigmoid", "linear")
#: The whole-number settings and their (lowest, highest) values.
LIMITS: dict[str, tuple[int, int | None]] = {
    "hidden_layers": (0, 10),
    "units": (1, 1024),
    "epochs": (1, 1000),
    "batch_size": (1, None),  # and at most the training set: see validate_settings
}


@dataclass(frozen=True)
class Settings:
    """One run's choices. Check them with :func:`validate_settings`.

    Args:
        dataset: a name in :data:`DATASET_NAMES`.
        hidden_layers: how many ``Dense`` hidden layers (0 to 10).
        units: units in each hidden layer (1 to 1024).
        activation: the hidden layers' activation, one of :data:`ACTIVATIONS`.
        optimizer: a name in :data:`OPTIMIZERS`.
        learning_rate: the optimizer's step size, above 0.
        epochs: passes over the training set (1 to 1000).
        batch_size: samples per update, at most the training set.
        validation_fraction: the share of samples held out for validation,
            from 0 (none) to below 1.
        seed: chooses the split, the initial weights and the shuffling
            (0 to 2**32 - 1).

    Example::

        >>> Settings(optimizer="sgd", learning_rate=0.1).label
        'iris, SGD lr=0.1, 1x16 relu, batch 16, 50 epochs'
    """

    dataset: str = "iris"
    hidden_layers: int = 1
    units: int = 16
    activation: str = "relu"
    optimizer: str = "adam"
    learning_rate: float = 0.01
    epochs: int = 50
    batch_size: int = 16
    validation_fraction: float = 0.3
    seed: int = 0

    @property
    def label(self) -> str:
        """A short description for legends and tables, in the helpers' language."""
        if self.hidden_layers:
            text = _("{dataset}, {optimizer} lr={learning_rate:.4g}, {hidden_layers}x{units} "
                     "{activation}, batch {batch_size}, {epochs} epochs")  # fmt: skip
        else:
            text = _("{dataset}, {optimizer} lr={learning_rate:.4g}, no hidden layer, "
                     "batch {batch_size}, {epochs} epochs")  # fmt: skip
        choice = OPTIMIZERS.get(self.optimizer)
        optimizer = _(choice.description) if choice else self.optimizer
        known = data.DATASETS.get(self.dataset)
        dataset = _(known.name) if known else self.dataset
        return text.format(**{**dataclasses.asdict(self), "optimizer": optimizer,
                              "dataset": dataset})  # fmt: skip


#: The names of the settings, in the order of :class:`Settings`.
FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Settings))


def validate_settings(settings: Settings) -> Settings:
    """Check every setting; return them with plain Python numbers.

    NumPy numbers such as ``np.int64(4)`` are accepted wherever Python's are.

    Args:
        settings: the run's :class:`Settings`.

    Returns:
        The same settings, each number a plain ``int`` or ``float``.

    Raises:
        TypeError: a setting has the wrong kind of value (``units=2.5``), or
            ``settings`` is not a :class:`Settings`.
        ValueError: a setting is out of range or impossible for the dataset.

    Example::

        >>> validate_settings(Settings(batch_size=500))
        Traceback (most recent call last):
        ValueError: batch_size must be at most 105, the size of the training set; got 500. iris ...
    """
    if not isinstance(settings, Settings):
        raise TypeError(refusal("settings", "Settings(...)", settings))
    one_of("dataset", settings.dataset, DATASET_NAMES)
    one_of("activation", settings.activation, ACTIVATIONS)
    one_of("optimizer", settings.optimizer, OPTIMIZERS)
    whole = {
        name: whole_number(name, getattr(settings, name), low=low, high=high)
        for name, (low, high) in LIMITS.items()
    }
    whole["seed"] = random_seed("seed", settings.seed)
    rate = real_number(
        "learning_rate", settings.learning_rate, above=0,
        hint=_("It is the size of each step down the loss, such as 0.01."),
    )  # fmt: skip
    fraction = real_number(
        "validation_fraction", settings.validation_fraction, low=0, below=1,
        hint=_("0.3 holds out 30% of the samples; 0 holds out none."),
    )  # fmt: skip
    n_samples = data.DATASETS[settings.dataset].n_samples
    try:
        n_train, n_val = data.split_sizes(n_samples, fraction) if fraction else (n_samples, 0)
    except ValueError:
        must_be = _("0 or a share that leaves samples on both sides")
        hint = _("{dataset} has {count} samples.").format(dataset=settings.dataset, count=n_samples)
        raise ValueError(refusal("validation_fraction", must_be, fraction, hint)) from None
    if whole["batch_size"] > n_train:
        if n_val:
            hint = _("{dataset} has {count} training samples after holding out "
                     "{fraction:.0%} for validation.")  # fmt: skip
        else:
            hint = _("{dataset} has {count} training samples.")
        must_be = _("at most {count}, the size of the training set").format(count=n_train)
        hint = hint.format(dataset=settings.dataset, count=n_train, fraction=fraction)
        raise ValueError(refusal("batch_size", must_be, whole["batch_size"], hint))
    return dataclasses.replace(settings, learning_rate=rate, validation_fraction=fraction, **whole)
