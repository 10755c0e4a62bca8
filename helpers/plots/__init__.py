"""Plots used in the lessons: training curves, activations, confusion matrices,
handwritten digits and regression results.

Every single-plot function takes ``ax=None`` and returns the Axes it drew on;
functions that draw several panels return the Figure. Importing this package
changes no matplotlib settings and does not import TensorFlow. Titles, axis
labels, legends and refusals follow :func:`helpers.i18n.set_language`.

The functions live in modules by concern, and are all imported here, so
``from helpers.plots import plot_training`` works for each of them:

- :mod:`~helpers.plots.learning_curves`: ``plot_history``, ``plot_training``, ``plot_runs``
- :mod:`~helpers.plots.activations`: ``plot_activations``
- :mod:`~helpers.plots.classification`: ``confusion_matrix``, ``plot_confusion_matrix``,
  ``plot_digits``, ``plot_probabilities``
- :mod:`~helpers.plots.scatter`: ``plot_classes``
- :mod:`~helpers.plots.comparison`: ``plot_comparison``
- :mod:`~helpers.plots.descent`: ``plot_descent``, ``descent_path``
- :mod:`~helpers.plots.network`: ``plot_network``
- :mod:`~helpers.plots.regression`: ``plot_predictions``, ``plot_error_histogram``,
  ``plot_regression``, ``plot_features_against_target``
- :mod:`~helpers.plots._inputs`: the input checks and limits they share
- :mod:`~helpers.plots._describe`: ``describe``, ``description``: each figure's text
  alternative (what it shows, in words), which a notebook stores as the picture's alt text
"""

from __future__ import annotations

from helpers.plots._describe import describe, description
from helpers.plots._inputs import (
    DIVERGED,
    MAX_BINS,
    MAX_CLASSES,
    MAX_IMAGES,
    MAX_INPUT,
    MAX_SCORES,
    MAX_VALUE,
    MISSING,
)
from helpers.plots.activations import plot_activations
from helpers.plots.classification import (
    DIGIT_SHAPES,
    confusion_matrix,
    plot_confusion_matrix,
    plot_digits,
    plot_probabilities,
)
from helpers.plots.comparison import plot_comparison
from helpers.plots.descent import descent_path, plot_descent
from helpers.plots.learning_curves import HistoryLike, plot_history, plot_runs, plot_training
from helpers.plots.network import plot_network
from helpers.plots.regression import (
    plot_error_histogram,
    plot_features_against_target,
    plot_predictions,
    plot_regression,
)
from helpers.plots.scatter import plot_classes

__all__ = [
    "DIGIT_SHAPES",
    "DIVERGED",
    "MAX_BINS",
    "MAX_CLASSES",
    "MAX_IMAGES",
    "MAX_INPUT",
    "MAX_SCORES",
    "MAX_VALUE",
    "MISSING",
    "HistoryLike",
    "confusion_matrix",
    "descent_path",
    "describe",
    "description",
    "plot_activations",
    "plot_classes",
    "plot_comparison",
    "plot_confusion_matrix",
    "plot_descent",
    "plot_digits",
    "plot_error_histogram",
    "plot_features_against_target",
    "plot_history",
    "plot_network",
    "plot_predictions",
    "plot_probabilities",
    "plot_regression",
    "plot_runs",
    "plot_training",
]
