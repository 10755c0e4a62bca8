"""The portability check of `python course.py test` is not vacuous.

Stored outputs must hold on machines with another CPU or core count. The test
command re-runs the notebooks under perturbations (course.PERTURBATIONS) that
change numerics the way another machine does. These tests prove that each
perturbation really changes a trained model's weights, and that the check
fails a notebook which prints such a fragile detail.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import nbformat
import numpy as np
import pytest

import course
from tools.notebooks import refresh

# A small MLP trained for two epochs, the kind of model whose last bits differ
# between machines. It goes through setup_notebook(), as every lesson does.
TRAIN = """
from helpers.environment import setup_notebook
setup_notebook()
import keras, numpy as np
from helpers.data import load_mnist_subset
(images, labels), _ = load_mnist_subset(test_fraction=0.1)
x = images[:1000].reshape(1000, 784).astype("float32") / 255
model = keras.Sequential([keras.Input((784,)), keras.layers.Dense(64, activation="relu"),
                          keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x, labels[:1000], epochs=2, batch_size=64, verbose=0)
WEIGHTS = np.concatenate([w.ravel() for w in model.get_weights()])
"""
PERTURBED = sorted({name for changes in course.PERTURBATIONS.values() for name in changes})


def environment(changes: dict[str, str]) -> dict[str, str]:
    """This process's environment, normal numerics, plus ``changes``."""
    env = {k: v for k, v in os.environ.items() if k not in PERTURBED}
    return {**env, **changes}


def trained_weights(tmp_path: Path, changes: dict[str, str]) -> np.ndarray:
    out = tmp_path / f"weights{len(list(tmp_path.iterdir()))}.npy"
    script = TRAIN + f"np.save({str(out)!r}, WEIGHTS)\n"
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=environment(changes)
    )
    assert run.returncode == 0, run.stderr
    return np.load(out)


@pytest.fixture(scope="module")
def normal(tmp_path_factory):
    return trained_weights(tmp_path_factory.mktemp("normal"), {})


def test_a_normal_run_repeats_bit_for_bit(normal, tmp_path):
    assert np.array_equal(trained_weights(tmp_path, {}), normal)


def usable_cores() -> int:
    """The cores this process may run on (fewer than the machine's under taskset)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def effective(name: str) -> bool:
    """Whether a perturbation changes anything here: one thread is the normal run on one core."""
    return usable_cores() > 1 or "TF_NUM_INTRAOP_THREADS" not in course.PERTURBATIONS[name]


@pytest.mark.parametrize("name", list(course.PERTURBATIONS))
def test_each_perturbation_changes_the_last_bits_of_trained_weights(name, normal, tmp_path):
    if not effective(name):
        pytest.skip("on one core, one thread is the normal run")
    perturbed = trained_weights(tmp_path, course.PERTURBATIONS[name])
    assert not np.array_equal(perturbed, normal), (
        f"{name} trains bit-identical weights, so the portability check under it is vacuous"
    )
    # The same training all the same: only low-order bits, amplified a little by two epochs.
    np.testing.assert_allclose(perturbed, normal, rtol=0, atol=0.02)


def test_the_check_fails_a_notebook_that_prints_a_fragile_detail(tmp_path):
    fragile = tmp_path / "fragile.ipynb"
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(TRAIN),
        nbformat.v4.new_code_cell('print(f"robust: {WEIGHTS.size} weights")'),
        # The bytes of the weights: they differ whenever a perturbation changes the last bits.
        nbformat.v4.new_code_cell(
            'import hashlib\nprint("fragile:", hashlib.sha256(WEIGHTS.tobytes()).hexdigest())'
        ),
    ]
    nbformat.write(nb, fragile)
    refresh(fragile)  # stored outputs written as `python course.py refresh` writes them

    config = str(course.ROOT / "pyproject.toml")
    args = [str(fragile), "-q", "-c", config, "--rootdir", str(tmp_path)]
    # As the test command runs it: the plain run and the perturbed ones side by side.
    settings = {course.AS_THEY_ARE: {}, **course.PERTURBATIONS}
    failed = course.check_notebooks(sys.executable, args, settings)
    expected = [name for name in course.PERTURBATIONS if effective(name)]
    assert failed == expected, "the plain run failed, or a perturbation let a fragile output pass"
