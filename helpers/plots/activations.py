"""Activation functions: sigmoid, tanh and relu as curves, softmax as bars."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure

from helpers.checks import interval, refusal, vector
from helpers.i18n import _
from helpers.plots._describe import describe
from helpers.plots._inputs import MAX_INPUT, MAX_SCORES


def plot_activations(
    *,
    x_range: tuple[float, float] = (-5.0, 5.0),
    softmax_input: Sequence[float] = (2.0, 1.0, 0.1),
) -> Figure:
    """Plot sigmoid, tanh and relu, and softmax applied to a small vector.

    The curves are computed with Keras' own ``keras.activations`` functions.

    Args:
        x_range: ``(low, high)``, the inputs to draw the curves over, with
            ``-1e6 <= low < high <= 1e6`` (see :func:`helpers.checks.interval`).
        softmax_input: up to 20 scores (logits) to turn into probabilities.

    Returns:
        The Figure, four panels.

    Example::

        >>> fig = plot_activations(x_range=(-3, 3), softmax_input=(1.0, 2.0, 3.0))
        >>> [ax.get_title() for ax in fig.axes]
        ['sigmoid', 'tanh', 'relu', 'softmax: outputs sum to 1.00']
    """
    import keras  # imported here so that importing helpers.plots stays light

    bounds = interval("x_range", x_range, largest=MAX_INPUT, hint=_("For example x_range=(-5, 5)."))
    scores = vector("softmax_input", softmax_input)
    if len(scores) > MAX_SCORES or not np.all(np.abs(scores) <= MAX_INPUT):
        raise ValueError(
            refusal("softmax_input",
                    _("at most {count} scores from -1e6 to 1e6").format(count=MAX_SCORES),
                    softmax_input, _("For example softmax_input=(2.0, 1.0, 0.1)."))
        )  # fmt: skip
    scores = scores.astype("float32")
    x = np.linspace(*bounds, 201, dtype="float32")
    fig, axes = plt.subplots(1, 4, figsize=(15, 3.4), layout="constrained")
    for ax, name in zip(axes[:3], ["sigmoid", "tanh", "relu"], strict=True):
        y = keras.ops.convert_to_numpy(getattr(keras.activations, name)(x))
        ax.axhline(0, color="gray", linewidth=0.5)
        ax.axvline(0, color="gray", linewidth=0.5)
        ax.plot(x, y)
        ax.set_title(name)
        ax.set_xlabel(_("input x"))
        ax.set_ylabel(f"{name}(x)")
    probs = keras.ops.convert_to_numpy(keras.activations.softmax(scores))
    ax = axes[3]
    bars = ax.bar(range(len(scores)), probs)
    ax.bar_label(bars, fmt="%.2f")
    ax.set_xticks(range(len(scores)), labels=[f"{s:g}" for s in scores])
    ax.set_ylim(0, 1.1)
    ax.set_title(_("softmax: outputs sum to {total:.2f}").format(total=probs.sum()))
    ax.set_xlabel(_("input score"))
    ax.set_ylabel(_("probability"))
    describe(fig, _(
        "Four panels. The activation functions sigmoid (an S-curve from 0 to 1), tanh (an "
        "S-curve from -1 to 1) and relu (0 for negative inputs, else the input itself), for "
        "inputs from {low:g} to {high:g}. The softmax of the scores {scores}: the "
        "probabilities {probabilities}, which sum to 1."
    ).format(low=bounds[0], high=bounds[1], scores=", ".join(f"{s:g}" for s in scores),
             probabilities=", ".join(f"{p:.2f}" for p in probs)))  # fmt: skip
    return fig
