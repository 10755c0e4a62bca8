"""Shared fixtures: a non-interactive matplotlib, closed figures, a seeded rng."""

import matplotlib
import numpy as np
import pytest

from helpers.environment import quiet_tensorflow

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
