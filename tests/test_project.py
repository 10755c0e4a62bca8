"""The project's own files: lint, the conda environment, the README's commands."""

import re
import shlex
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

import course
import helpers
from tools.lessons import ENGLISH, KOREAN, lessons

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]], ids=["lint", "format"])
def test_ruff_is_clean_on_helpers_tests_notebooks_and_bench(command):
    run = subprocess.run(
        [sys.executable, "-m", "ruff", *command, "--no-cache", "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_xdist_keeps_a_group_in_one_process(tmp_path):
    """The browser tests share one process (xdist_group "browser"); some pytest versions
    silently stop pytest-xdist's grouping, so prove it still holds with the installed pair."""
    (tmp_path / "test_grouped.py").write_text(
        "import os, pytest\n"
        "@pytest.mark.xdist_group('g')\n"
        "@pytest.mark.parametrize('i', range(6))\n"
        "def test_one(i):\n"
        "    with open(f'worker{i}', 'w') as f:\n"
        "        f.write(os.environ['PYTEST_XDIST_WORKER'])\n"
    )
    command = [sys.executable, "-m", "pytest", "-q", "-n", "2", "--dist", "loadgroup",
               "-p", "no:cacheprovider", "-p", "no:randomly", "test_grouped.py"]  # fmt: skip
    run = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    workers = {(tmp_path / f"worker{i}").read_text() for i in range(6)}
    assert len(workers) == 1, f"one group ran in several processes: {sorted(workers)}"


def _requirements() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    lines = project["dependencies"] + project["optional-dependencies"]["test"]
    # "name>=1,<2; marker" -> {"name": ">=1,<2"}
    return dict(re.match(r"([A-Za-z0-9_.-]+)([^;]*)", line).groups() for line in lines)


def _conda_packages() -> dict[str, str]:
    packages = {}
    for line in (ROOT / "environment.yml").read_text().splitlines():
        # conda's packages, and pip's (a name, then its bounds; not pip's options)
        found = re.match(r"^(?:  |      )- ([A-Za-z][A-Za-z0-9_.-]*) (\S+)$", line)
        if found:
            packages[found.group(1)] = found.group(2)
    return packages


def test_environment_yml_matches_pyproject():
    conda = _conda_packages()
    python = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    assert conda.pop("python").startswith(python)
    assert conda == _requirements(), "environment.yml and pyproject.toml list different packages"


def test_readme_gives_the_two_commands_and_ci_runs_the_test_one():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "python course.py lab" in readme
    assert "python course.py test" in readme
    ci = (ROOT / ".ci" / "run").read_text()
    assert re.search(r"^python3? course\.py test\s*$", ci, re.MULTILINE)


def test_licences_cover_code_and_lesson_text():
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "MIT License" in licence and "CC BY 4.0" in licence


def test_the_licence_names_every_text_of_both_editions():
    licence = " ".join((ROOT / "LICENSE").read_text(encoding="utf-8").split())
    texts = [*ROOT.glob("*.md"), *ROOT.glob("*/README.md")]
    missing = [p.relative_to(ROOT).as_posix() for p in texts]
    missing = [name for name in missing if not re.search(rf"(?<![\w/]){re.escape(name)}", licence)]
    assert not missing, f"LICENSE should say under which licence these texts are: {missing}"
    assert "notebooks/ko/" in licence, "LICENSE should name the Korean lessons"


READMES = {"README.md": ENGLISH, "README.ko.md": KOREAN}


@pytest.mark.parametrize(("readme", "edition"), READMES.items(), ids=list(READMES))
def test_readme_course_map_lists_every_notebook_by_its_title_with_its_colab_badge(readme, edition):
    text = (ROOT / readme).read_text(encoding="utf-8")
    slug = helpers.REPOSITORY.removeprefix("https://github.com/")
    folder = edition.relative_to(ROOT).as_posix()
    notebooks = lessons(edition)
    assert len(notebooks) == len(lessons())
    for notebook in notebooks:
        title = nbformat.read(notebook, as_version=4).cells[0].source.splitlines()[0]
        title = title.removeprefix("# ").split(" · ", 1)[1]
        link = f"[{title}]({folder}/{notebook.name})"
        assert link in text, f"{readme} should link {folder}/{notebook.name} as {link}"
        badge = f"github/{slug}/blob/{helpers.COURSE_TAG}/{folder}/{notebook.name})"
        assert badge in text, f"{readme} has no Colab badge for {folder}/{notebook.name}"


def test_the_two_readmes_link_each_other_and_give_the_same_commands_and_results():
    english = (ROOT / "README.md").read_text(encoding="utf-8")
    korean = (ROOT / "README.ko.md").read_text(encoding="utf-8")
    assert "](README.ko.md)" in english.split("\n## ")[0], "link the Korean README at the top"
    assert "](README.md)" in korean.split("\n## ")[0], "link the English README at the top"
    for command in ("python course.py lab", "python course.py test"):
        assert command in korean
    figures = re.compile(r"\*\*([0-9][0-9.,]*)[^*]*\*\*")
    assert sorted(figures.findall(korean)) == sorted(figures.findall(english)), (
        "README.ko.md's results must carry the same figures as the English README"
    )


DOCUMENTED_COMMAND = re.compile(r"python course\.py ([a-z]+)((?: [^\s#\[`]+)*)")


def documented_command_lines() -> list[str]:
    found = set()
    for name in ("README.md", "CONTRIBUTING.md", "course.py"):
        for match in DOCUMENTED_COMMAND.finditer((ROOT / name).read_text(encoding="utf-8")):
            found.add(match.group(0))
    return sorted(found)


def test_the_documentation_shows_commands_with_options():
    lines = documented_command_lines()
    assert "python course.py test -m browser" in lines
    assert any(line.startswith("python course.py portability notebooks/") for line in lines)


@pytest.mark.parametrize("line", documented_command_lines())
def test_every_documented_command_line_parses_as_typed(line):
    words = shlex.split(line)[2:]
    args = course.parse_args(words)  # a usage error would exit here
    assert args.command == words[0]
    passed_on = getattr(args, course.PASS_THROUGH.get(args.command, "notebooks"), [])
    assert passed_on == words[1:]


def test_options_pass_through_to_pytest_and_jupyter_but_not_elsewhere(capsys):
    assert course.parse_args(["test", "-k", "data"]).pytest_args == ["-k", "data"]
    assert course.parse_args(["lab", "--port", "8890"]).jupyter_args == ["--port", "8890"]
    with pytest.raises(SystemExit):
        course.parse_args(["refresh", "--port", "8890"])
    assert "course.py: error: unrecognized arguments: --port" in capsys.readouterr().err


WIDGET_CODE = re.compile(
    r"^(import ipywidgets|from ipywidgets"
    r"|from helpers\.(playground|live) import|import helpers\.(playground|live))",
    re.MULTILINE,
)


def test_every_unit_test_of_widget_code_runs_again_with_colabs_ipywidgets():
    meets_widgets = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "tests").glob("test_*.py")
        if path.name != "test_browser.py" and WIDGET_CODE.search(path.read_text(encoding="utf-8"))
    }
    assert meets_widgets, "no test of widget code found: is the pattern right?"
    missing = meets_widgets - set(course.WIDGET_TESTS)
    assert not missing, f"add to course.WIDGET_TESTS, to run them with ipywidgets 7.7: {missing}"
    for name in course.WIDGET_TESTS:
        assert (ROOT / name).is_file(), f"course.WIDGET_TESTS names a missing file: {name}"


def expected_test_file(module: Path) -> str:
    """The test file of a module under helpers/: the tests mirror the package.

    helpers/NAME.py -> tests/test_NAME.py; helpers/PACKAGE/NAME.py ->
    tests/test_PACKAGE_NAME.py; a package's __init__.py and its private modules
    (helpers/plots/_inputs.py) -> the package's file, tests/test_PACKAGE.py;
    helpers/exercises/lessonNN.py -> tests/test_exercises_NN.py. The package
    helpers/__init__.py (version, REPOSITORY, COURSE_TAG) is tested here.
    """
    parts = list(module.relative_to(ROOT / "helpers").with_suffix("").parts)
    if parts[-1] == "__init__" or parts[-1].startswith("_"):
        parts.pop()
    if parts and parts[0] == "exercises" and parts[-1].startswith("lesson"):
        parts[-1] = parts[-1].removeprefix("lesson")
    return f"tests/{'_'.join(['test', *parts]) if parts else 'test_project'}.py"


def test_every_helpers_module_has_its_test_file():
    modules = sorted((ROOT / "helpers").rglob("*.py"))
    assert len(modules) > 20, "no helpers modules found: is the path right?"
    missing = [
        f"{module.relative_to(ROOT).as_posix()} -> {expected_test_file(module)}"
        for module in modules
        if not (ROOT / expected_test_file(module)).is_file()
    ]
    assert not missing, "modules without their test file (see expected_test_file):\n" + "\n".join(
        missing
    )
