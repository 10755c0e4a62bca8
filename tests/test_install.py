"""What each install holds: a learner's, a maintainer's, and a fork's CI on GitHub."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

import course

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
WORKFLOW = ROOT / ".github" / "workflows" / "test.yml"
OLDEST, TOO_NEW = course.supported_python()
RANGE = {  # how each text states the supported Pythons
    "README.md": f"Python {OLDEST[0]}.{OLDEST[1]} to {TOO_NEW[0]}.{TOO_NEW[1] - 1}",
    "START.md": f"Python {OLDEST[0]}.{OLDEST[1]} to {TOO_NEW[0]}.{TOO_NEW[1] - 1}",
    "README.ko.md": f"(Python) {OLDEST[0]}.{OLDEST[1]}~{TOO_NEW[0]}.{TOO_NEW[1] - 1}",
    "START.ko.md": f"(Python) {OLDEST[0]}.{OLDEST[1]}~{TOO_NEW[0]}.{TOO_NEW[1] - 1}",
}


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def names(requirements: list[str]) -> set[str]:
    return {normalized(Requirement(line).name) for line in requirements}


def test_one_python_range_read_from_pyproject_and_stated_alike_everywhere():
    spec = f">={OLDEST[0]}.{OLDEST[1]},<{TOO_NEW[0]}.{TOO_NEW[1]}"
    assert PROJECT["requires-python"] == spec
    conda = re.search(r"^  - python (\S+)$", (ROOT / "environment.yml").read_text(), re.MULTILINE)
    assert conda and conda.group(1) == spec, "environment.yml's python must be pyproject's range"
    for name, phrase in RANGE.items():
        assert phrase in (ROOT / name).read_text(encoding="utf-8"), f"{name} should say {phrase}"
    ruff = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["ruff"]
    assert ruff["target-version"] == f"py{OLDEST[0]}{OLDEST[1]}", "lint for the oldest Python"
    ci = re.search(r'python-version: "(\d+)\.(\d+)"', WORKFLOW.read_text())
    assert ci and OLDEST <= (int(ci.group(1)), int(ci.group(2))) < TOO_NEW


@pytest.mark.parametrize("version", [(OLDEST[0], OLDEST[1] - 1), TOO_NEW])
def test_course_py_refuses_a_python_outside_the_range_and_says_what_to_do(
    version, monkeypatch, tmp_path
):
    monkeypatch.setattr(course.sys, "version_info", (*version, 0))
    with pytest.raises(SystemExit) as stop:
        course.ensure_env(tmp_path / "env", course.LAB_REQUIREMENTS)
    assert RANGE["README.md"] in str(stop.value) and "START.md" in str(stop.value)
    assert not (tmp_path / "env").exists()


def requirements_per_command(monkeypatch, *command_lines: list[str]) -> list[list[str]]:
    """What each command line asks ensure_env to install (nothing installed, nothing run)."""
    asked = []
    monkeypatch.setattr(course, "ensure_env", lambda env, wanted: asked.append(wanted) or "python")
    monkeypatch.setattr(course, "run", lambda *args, **kwargs: None)
    for line in command_lines:
        args = course.parse_args(line)
        args.func(args)
    return asked


def extras(requirements: list[str]) -> set[str]:
    """The extras of ``["-e", ".[a,b]"]``: {"a", "b"}; none for ``["-e", "."]``."""
    found = re.fullmatch(r"\.(?:\[(.*)\])?", requirements[-1])
    assert requirements[0] == "-e" and found, f"expected -e . and its extras: {requirements}"
    return set(found.group(1).split(",")) if found.group(1) else set()


def test_lab_and_publish_install_only_what_the_lessons_need(monkeypatch):
    lab, publish = requirements_per_command(monkeypatch, ["lab"], ["publish", "--hub", "https://h"])
    assert extras(lab) == extras(publish) == set()


def test_the_test_command_adds_the_test_extras(monkeypatch):
    (test,) = requirements_per_command(monkeypatch, ["test", "-k", "nothing"])
    assert "test" in extras(test)


def test_a_lab_environment_holds_no_test_or_maintainer_package():
    """Follow the course's own dependencies through every installed package's metadata."""
    extra = set().union(*(names(lines) for lines in PROJECT["optional-dependencies"].values()))
    closure, todo = set(), list(PROJECT["dependencies"])
    while todo:
        requirement = Requirement(todo.pop())
        name = normalized(requirement.name)
        if name in closure or (requirement.marker and not requirement.marker.evaluate()):
            continue
        closure.add(name)
        try:
            needs = metadata.distribution(name).requires or []
        except metadata.PackageNotFoundError:
            pytest.fail(f"{name} (needed by the lessons) is not installed: reinstall the course")
        # Requirements of the package's own extras are not installed with it.
        todo += [r for r in needs if "extra ==" not in str(Requirement(r).marker or "")]
    assert len(closure) > 50, "the walk should reach JupyterLab's and TensorFlow's dependencies"
    # JupyterLab (and matplotlib: fonttools) need these themselves; the extras' other
    # packages (pytest, Playwright, scikit-learn, Sphinx, actionlint, ...) must stay out.
    needed_anyway = {"nbformat", "nbclient", "nbconvert", "babel", "markdown-it-py", "fonttools"}
    assert closure & extra <= needed_anyway | {"tomli"}, closure & extra - needed_anyway
    assert len(extra - closure) > 10


def test_the_ci_workflow_runs_the_readmes_test_command_with_the_browser_and_fonts():
    text = WORKFLOW.read_text(encoding="utf-8")
    assert re.search(r"^\s+run: python course\.py test$", text, re.MULTILINE)
    ci = (ROOT / ".ci" / "run").read_text()
    for package in ("chromium", "fonts-noto-cjk"):
        assert package in ci and package in text, f"install {package} as .ci/run does"
    assert "actions/setup-python" in text


def test_the_ci_workflow_passes_actionlint():
    actionlint = shutil.which("actionlint", path=str(Path(sys.executable).parent))
    assert actionlint, "actionlint is missing: install the test extras (pip install -e .[test])"
    lint = subprocess.run([actionlint, str(WORKFLOW)], capture_output=True, text=True)
    assert lint.returncode == 0, lint.stdout + lint.stderr
