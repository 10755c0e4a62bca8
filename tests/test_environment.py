import contextlib
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from unittest import mock

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import environment
from helpers.environment import EnvironmentReport, check_environment, setup_notebook
from helpers.i18n import set_language
from tests.property_support import REFUSED, mostly, outcome, unpack
from tests.test_checks import ANYTHING

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def test_setup_notebook_is_quiet_seeded_and_reports(tmp_path):
    # A fresh interpreter, as in a new kernel: nothing may reach stderr.
    script = (
        "from helpers.environment import setup_notebook\n"
        "setup_notebook(seed=7)\n"
        "import keras, numpy as np\n"
        "m = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])\n"
        "m.compile(optimizer='sgd', loss='mse')\n"
        "m.fit(np.ones((8, 2)), np.ones(8), epochs=1, verbose=0)\n"
        "print(float(np.random.rand()))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("TF_")}
    runs = [
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
        for _ in range(2)
    ]
    for run in runs:
        assert run.returncode == 0, run.stderr
        assert run.stderr == "", f"stderr was not silent:\n{run.stderr}"
        assert "Environment check" in run.stdout and "Random seed 7" in run.stdout
    assert runs[0].stdout == runs[1].stdout  # seeded: the same random number twice


def test_report_lists_versions_and_no_advice_here():
    report = check_environment()
    assert set(report.versions) == {"Python", "TensorFlow", "Keras", "ipywidgets"}
    assert report.versions["Keras"].startswith("3.")
    assert report.advice == []
    assert str(report).endswith("All good: you are ready to start.")


def test_report_gives_advice_for_old_or_missing_packages():
    report = EnvironmentReport(
        versions={
            "Python": "3.11.7",
            "TensorFlow": "2.15.0",
            "Keras": "2.15.0",
            "ipywidgets": None,
        },
        gpus=0,
        on_colab=False,
        advice=[],
    )
    assert "not installed" in str(report)
    assert not environment._at_least("2.15.0", "3.0")
    assert environment._at_least("3.15.1", "3.0")
    assert environment._at_least("8.1.9rc1", "7.6")
    assert not environment._at_least(None, "7.6")


def pyproject_lower_bounds() -> dict[str, str]:
    """The ``>=`` bounds of pyproject.toml by lower-case name, e.g. {"keras": "3.3"}."""
    project = tomllib.loads(PYPROJECT.read_text())["project"]
    bounds = {}
    for requirement in ["python" + project["requires-python"], *project["dependencies"]]:
        name, spec = re.match(r"([A-Za-z0-9_.-]+)([^;]*)", requirement).groups()
        found = re.search(r">=\s*([0-9.]+)", spec)
        if found:
            bounds[name.lower()] = found.group(1)
    return bounds


def test_minimum_versions_are_the_lower_bounds_in_pyproject():
    bounds = pyproject_lower_bounds()
    expected = {name: bounds.get(name.lower(), "no >= bound") for name in environment.MINIMUM}
    assert environment.MINIMUM == expected, "MINIMUM disagrees with pyproject.toml"


def test_report_names_the_device():
    cpu = EnvironmentReport(versions={}, gpus=0, on_colab=False)
    gpu = EnvironmentReport(versions={}, gpus=2, on_colab=True)
    assert "this computer (CPU)" in str(cpu)
    assert "Google Colab (2 GPUs)" in str(gpu)


@pytest.mark.parametrize(
    ("seed", "error", "message"),
    [
        ("42", TypeError, "whole number"),
        (1.5, TypeError, "whole number"),
        (True, TypeError, "whole number"),
        (-1, ValueError, "seed must be a whole number from 0 to"),
        (2**32, ValueError, "from 0 to 4294967295; got 4294967296. The same seed gives the same"),
        (np.float64(3), TypeError, "whole number"),
    ],
)
def test_setup_notebook_rejects_bad_seeds(seed, error, message):
    with pytest.raises(error, match=message):
        setup_notebook(seed=seed)


def test_importing_helpers_has_no_side_effects():
    script = (
        "import os, sys\n"
        "before = dict(os.environ)\n"
        "import helpers, helpers.environment, helpers.exercises, helpers.feedback\n"
        "import helpers.history, helpers.data, helpers.plots\n"
        "assert 'tensorflow' not in sys.modules, 'importing helpers loaded TensorFlow'\n"
        "assert dict(os.environ) == before, 'importing helpers changed the environment'\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout == ""


def test_setup_notebook_rejects_a_short_errors_that_is_not_true_or_false():
    with pytest.raises(TypeError, match="short_errors must be True or False; got 'no'"):
        setup_notebook(short_errors="no")


@settings(max_examples=60, deadline=None)
@given(
    seed=mostly(
        st.integers(0, 2**32 - 1).map(np.int64) | st.integers(0, 2**32 - 1),
        st.integers() | ANYTHING,
    ),
    short_errors=mostly(st.booleans(), ANYTHING),
)
def test_setup_notebook_seeds_or_refuses_clearly(seed, short_errors):
    (seed, short_errors), valid = unpack(seed, short_errors)
    # Seeding and determinism would change the rest of this test session: record them instead.
    printed = io.StringIO()
    with (
        mock.patch("keras.utils.set_random_seed") as set_seed,
        mock.patch("tensorflow.config.experimental.enable_op_determinism") as determinism,
        contextlib.redirect_stdout(printed),
    ):
        result = outcome(lambda: setup_notebook(seed=seed, short_errors=short_errors),
                         "seed", "short_errors", valid=valid)  # fmt: skip
    if result is REFUSED:
        assert not set_seed.called and printed.getvalue() == ""
    else:
        (used,), _ = set_seed.call_args
        assert type(used) is int and used == seed and 0 <= used < 2**32
        assert determinism.called
        assert printed.getvalue().endswith(
            f"Random seed {seed}: results repeat from run to run on this computer.\n"
        )


# ---------------------------------------------------------------- Korean ---

HANGUL = re.compile(r"[\uac00-\ud7a3]")
SANITIZE_FILE = Path(__file__).resolve().parent / "nbval_sanitize.cfg"


def sanitized(text: str) -> str:
    """``text`` as nbval compares it, with the patterns of tests/nbval_sanitize.cfg."""
    from nbval.plugin import get_sanitize_patterns

    for regex, replace in get_sanitize_patterns(SANITIZE_FILE.read_text(encoding="utf-8")):
        text = re.sub(regex, replace, text)
    return text


def test_the_report_speaks_korean_with_its_values_and_english_again():
    report = EnvironmentReport(
        versions={"Python": "3.11.7", "Keras": "3.3.3", "ipywidgets": None}, gpus=2, on_colab=True
    )
    set_language("ko")
    korean = str(report)
    assert korean.splitlines() == [
        "환경 점검",
        "  Python      3.11.7",
        "  Keras       3.3.3",
        "  ipywidgets  설치되지 않음",
        "  실행 환경   Google Colab (GPU 2개)",
        "모두 정상입니다. 이제 시작할 수 있습니다.",
    ]
    assert "이 컴퓨터 (CPU)" in str(EnvironmentReport(versions={}, gpus=0, on_colab=False))
    set_language("en")
    assert str(report).splitlines()[0] == "Environment check"
    assert "  Running on  Google Colab (2 GPUs)" in str(report) and not HANGUL.search(str(report))


def test_advice_for_old_packages_is_korean_and_keeps_the_versions():
    set_language("ko")
    with mock.patch.object(environment, "_version", return_value="2.15.0"):
        report = check_environment()
    text = str(report)
    assert "권장 사항:" in text and HANGUL.search(report.advice[0])
    assert "Keras 3.3 이상 버전이 필요합니다(현재: 2.15.0)" in text
    assert 'pip install -U "keras>=3.3"' in text


def test_korean_reports_from_two_machines_are_equal_once_sanitized():
    here = EnvironmentReport(
        versions={"Python": "3.11.7", "TensorFlow": "2.16.1", "Keras": "3.3.3",
                  "ipywidgets": "8.1.2"},
        gpus=0, on_colab=False,
    )  # fmt: skip
    colab = EnvironmentReport(
        versions={"Python": "3.12.11", "TensorFlow": "2.19.0", "Keras": "3.10.0",
                  "ipywidgets": "7.7.1"},
        gpus=1, on_colab=True, recorded={"TensorFlow": "2.16.1", "Keras": "3.3.3"},
    )  # fmt: skip
    set_language("ko")
    assert "  기록한 버전: TensorFlow 2.16.1, Keras 3.3.3." in str(colab)
    assert str(here) != str(colab)
    assert sanitized(str(here)) == sanitized(str(colab))
    assert "  실행 환경 DEVICE" in sanitized(str(here))  # masked, not deleted
    assert "모두 정상입니다" in sanitized(str(here))  # what the learner must see stays
    set_language("en")
    assert "  Recorded with TensorFlow 2.16.1, Keras 3.3.3: " in str(colab)
    assert sanitized(str(here)) == sanitized(str(colab))


def test_setup_notebook_in_korean_prints_the_seed_line_and_refuses_in_korean():
    with pytest.raises(ValueError) as refused:
        setup_notebook(seed=-1, language="ko")
    assert HANGUL.search(str(refused.value)) and "받은 값: -1." in str(refused.value)
    assert "4294967295" in str(refused.value) and "같은 시드는" in str(refused.value)
    printed = io.StringIO()
    with (
        mock.patch("keras.utils.set_random_seed"),
        mock.patch("tensorflow.config.experimental.enable_op_determinism"),
        contextlib.redirect_stdout(printed),
    ):
        setup_notebook(seed=7, language="ko")
    assert printed.getvalue().startswith("환경 점검\n")
    assert printed.getvalue().endswith(
        "난수 시드 7: 이 컴퓨터에서는 실행할 때마다 같은 결과가 나옵니다.\n"
    )
    printed = io.StringIO()
    with (
        mock.patch("keras.utils.set_random_seed"),
        mock.patch("tensorflow.config.experimental.enable_op_determinism"),
        contextlib.redirect_stdout(printed),
    ):
        setup_notebook(seed=7)
    assert printed.getvalue().endswith(
        "Random seed 7: results repeat from run to run on this computer.\n"
    )


@pytest.mark.parametrize("differ", [False, True])
def test_the_report_says_when_the_numeric_libraries_differ_from_the_recording(differ):
    recorded = environment.numeric_versions()
    if differ:
        recorded = {**recorded, "Keras": "3.0.0"}
    with mock.patch.object(environment, "recorded_with", return_value=recorded):
        report = check_environment()
    assert report.recorded == (recorded if differ else {})
    assert ("Recorded with TensorFlow" in str(report)) is differ
    assert "All good" in str(report)  # a note, not advice: nothing to fix


def test_the_recording_names_the_versions_the_refresh_ran_with(tmp_path, monkeypatch):
    from tools import notebooks

    assert set(environment.recorded_with()) == set(environment.numeric_versions())
    monkeypatch.setattr(notebooks, "RECORDED_WITH", tmp_path / "recorded_with.json")
    notebooks.record_versions()
    written = (tmp_path / "recorded_with.json").read_text(encoding="utf-8")
    assert json.loads(written) == environment.numeric_versions()
