"""Shared fixtures: a non-interactive matplotlib, closed figures, a seeded rng."""

import os

import matplotlib
import numpy as np
import pytest

# Quiet TensorFlow in this process too (the notebooks call setup_notebook() for this).
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402 - after choosing the backend


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture
def rng():
    return np.random.default_rng(0)
