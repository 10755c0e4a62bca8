"""Shared fixtures: a non-interactive matplotlib, closed figures, a seeded rng, a temporary
folder for the learner's progress, no background run left going."""

import threading

import matplotlib
import numpy as np
import pytest

from helpers import training
from helpers.environment import quiet_tensorflow
from helpers.i18n import set_language
from helpers.playground import RUN_THREAD
from helpers.progress import FOLDER_VARIABLE
from helpers.training import WARM_UP_THREAD

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


@pytest.fixture(autouse=True, scope="session")
def _progress_in_a_temporary_folder(tmp_path_factory):
    """Exercise checks note the learner's progress: here, never in the real home folder.

    Set for the whole process, so the kernels a test starts (JupyterLab's) inherit it.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(FOLDER_VARIABLE, str(tmp_path_factory.mktemp("progress")))
        yield


@pytest.fixture(autouse=True)
def _no_background_run_left_going():
    """A playground's run or a warm-up a test left going ends before the next test starts,
    and the model it prepared is dropped.

    One ending later would ask for a warm-up of its own and replace the next test's
    (a CI run failed so). Twice: a run that ends may ask for one more warm-up.
    """
    yield
    for _ in range(2):
        for thread in threading.enumerate():
            if thread.name in (RUN_THREAD, WARM_UP_THREAD):
                thread.join(timeout=120)
    # Then empty the one slot for a prepared model: a warm-up of the default settings left
    # from this test would make the next test's playground ask for nothing new, build
    # nothing, and see no build (a CI run failed so).
    training._warmup.take(None)
