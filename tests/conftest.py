"""Shared fixtures: a non-interactive matplotlib, closed figures, a seeded rng."""

import matplotlib
import numpy as np
import pytest

from helpers.environment import quiet_tensorflow
from helpers.i18n import set_language

# Quiet TensorFlow in this process too, as the notebooks' setup_notebook() does.
quiet_tensorflow()
matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402 - after choosing the backend


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture
def rng():
    return np.random.default_rng(0)


@pytest.fixture(autouse=True)
def _english_again():
    """A test may switch the helpers to Korean: the next test starts in English."""
    yield
    set_language("en")
