"""Argument checks that every helper shares, so every refusal reads the same way.

Each check returns the value in a plain form (a Python ``int``, ``float``,
``str`` or list, a NumPy array) or raises ``TypeError`` (wrong kind of value)
or ``ValueError`` (right kind, out of range) with one message shape::

    {name} must be {what it must be}; got {what was received}.[ {how to fix it}]

NumPy scalars such as ``np.int64(4)`` are accepted wherever Python's numbers
are. Python's ``True`` and ``False`` are numbers to Python but never to a
learner, so they are refused where a number is asked for.

Every check is importable from here; they live in two modules:

- :mod:`~helpers.checks._values`: :func:`refusal` (the message shape), single
  values (:func:`whole_number`, :func:`real_number`, :func:`one_number`,
  :func:`one_of`, :func:`true_or_false`, :func:`text`, :func:`function`,
  :func:`random_seed`, the one rule of every seed) and lists of texts
  (:func:`texts`);
- :mod:`~helpers.checks._arrays`: arrays (:func:`array` with a shape rule,
  :func:`vector` for one number per sample, :func:`finite`), class labels
  (:func:`class_labels`), pairs of one length (:func:`same_length`),
  :func:`interval` and training histories (:func:`history`, the one reading
  every curve drawer shares).
"""

from helpers.checks._arrays import (
    MAX_CLASSES,
    MIN_GAP,
    array,
    class_labels,
    finite,
    history,
    interval,
    same_length,
    vector,
)
from helpers.checks._values import (
    MAX_SEED,
    MAX_TEXTS,
    function,
    one_number,
    one_of,
    random_seed,
    real_number,
    refusal,
    text,
    texts,
    true_or_false,
    whole_number,
)

__all__ = [
    "MAX_CLASSES",
    "MAX_SEED",
    "MAX_TEXTS",
    "MIN_GAP",
    "array",
    "class_labels",
    "finite",
    "function",
    "history",
    "interval",
    "one_number",
    "one_of",
    "random_seed",
    "real_number",
    "refusal",
    "same_length",
    "text",
    "texts",
    "true_or_false",
    "vector",
    "whole_number",
]
