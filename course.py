"""Keras First Steps: one entry point for learners, teachers and CI.

    python course.py lab [--lang ko|en]  open the course in JupyterLab, in Korean or English
    python course.py test                run every test (what CI runs)
    python course.py refresh [NOTEBOOK]  re-execute notebooks in place, clean kernel
    python course.py portability [NB]    check stored outputs under perturbed numerics
    python course.py translations        list what the Korean lessons need translated
    python course.py catalog             update the helpers' Korean messages (Babel)
    python course.py site                the course as a website, both languages (build/site/)
    python course.py slides [NOTEBOOK]   lecture slides, a deck per lesson (build/slides/)
    python course.py answers             answer keys: each lesson with every exercise solved,
                                         executed and checked, both languages (build/answers/)
    python course.py bench               run the benchmarks in bench/
    python course.py publish --repo OWNER/NAME --ref REF [--hub URL]
                                         name your own repository and branch or tag in
                                         every Colab badge, bootstrap cell and link

Each command first makes sure a virtual environment exists in .venv with the
course installed, so it works from a fresh clone on Linux, macOS and Windows:
`lab` and `publish` install only what the lessons need, the other commands add
the extras (test, maintainer and teacher tools). Only the standard library is
used until the environment is ready.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import locale
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import venv
from collections.abc import Mapping
from pathlib import Path

from tools.lessons import ENGLISH, every_lesson, lessons  # standard library only, like this file

ROOT = Path(__file__).resolve().parent
BENCHMARKS = ("run.py", "course_time.py", "regression.py", "test_command.py")  # bench/ scripts
FIRST_NOTEBOOK = {"en": "notebooks/00_start_here.ipynb", "ko": "notebooks/ko/00_start_here.ipynb"}
# The course's JupyterLab keeps its user settings here (git-ignored), not in the learner's own
# JupyterLab settings, which it neither reads nor changes: `lab` writes the interface's
# language (the Korean language pack is one of the course's dependencies) and no news question.
LAB_SETTINGS_DIR = ROOT / ".jupyterlab-settings"
LAB_LOCALES = {"en": "en", "ko": "ko_KR"}
LAB_REQUIREMENTS = ["-e", "."]  # what the lessons need: no test or maintainer extras
# Colab's stack (Python, TensorFlow, Keras and ipywidgets as Colab ships them): the test
# command runs every lesson of both editions there (their answer keys, so every check
# cell and exercise check runs too) and the widget code's unit tests, in .venv-colab.
COLAB_PYTHON = "3.12"
COLAB_STACK = ("tensorflow==2.20.*", "keras==3.13.*", "ipywidgets==7.7.1")
COLAB_ENV_DIR = ROOT / ".venv-colab"
# The tests of the code that meets ipywidgets (the playground, the live plot and
# the histories it records, lesson 10's exercises, the environment report's
# advice): these run again on Colab's stack, with its ipywidgets 7.7.1. A test keeps
# the list complete.
WIDGET_TESTS = (
    "tests/test_playground.py",
    "tests/test_live.py",
    "tests/test_history.py",
    "tests/test_exercises_10.py",
    "tests/test_environment.py",
)
# Another CPU model or core count changes the last bits of every matrix product,
# and training amplifies them. Each perturbation below does the same on this
# machine, so stored outputs that survive them survive other machines too
# (tests/test_portability.py proves that each one really changes the numbers).
PERTURBATIONS = {
    "one intra-op thread, as on a 1-core machine": {"TF_NUM_INTRAOP_THREADS": "1"},
    "oneDNN matrix kernels, as on a CPU with other kernels": {"TF_ENABLE_ONEDNN_OPTS": "1"},
}
AS_THEY_ARE = "as this machine runs them"  # the plain strict nbval run, beside the perturbations
ANSWER_KEYS = "answer keys"  # tools/answers.py, run by the test command beside the notebooks
ANSWERS_TOOL = ROOT / "tools" / "answers.py"
TIME_LINE = "Time in all:"  # bench/test_command.py finds the test command's times by it


def venv_python(env_dir: Path) -> Path:
    scripts = "Scripts" if os.name == "nt" else "bin"
    return env_dir / scripts / ("python.exe" if os.name == "nt" else "python")


def supported_python() -> tuple[tuple[int, int], tuple[int, int]]:
    """The Pythons the course runs on, from pyproject.toml: (the oldest, the first too new)."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    found = re.search(r'^requires-python = ">=(\d+)\.(\d+),<(\d+)\.(\d+)"$', text, re.MULTILINE)
    if not found:
        sys.exit('pyproject.toml must give requires-python = ">=3.A,<3.B", the Pythons to use')
    oldest, too_new = found.group(1, 2), found.group(3, 4)
    return (int(oldest[0]), int(oldest[1])), (int(too_new[0]), int(too_new[1]))


def ensure_env(env_dir: Path, requirements: list[str], base: Path | None = None) -> Path:
    """Create ``env_dir`` if needed and install ``requirements`` unless already there.

    ``base`` is the Python to create it with; by default the one running this file.
    """
    oldest, too_new = supported_python()
    if base is None and not oldest <= sys.version_info[:2] < too_new:
        newest = f"{too_new[0]}.{too_new[1] - 1}"
        sys.exit(
            f"Keras First Steps runs on Python {oldest[0]}.{oldest[1]} to {newest}; this is"
            f" {sys.version.split()[0]}. Install one of those and run this command with it"
            f" (py -{newest} course.py lab on Windows, python{newest} course.py lab elsewhere):"
            " see START.md."
        )
    python = venv_python(env_dir)
    if not python.exists():
        print(f"Creating a virtual environment in {env_dir.name}/ ...", flush=True)
        if base is None:
            venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
        else:
            run([base, "-m", "venv", "--clear", env_dir])
    # The stamp records what was installed for which pyproject.toml, so a
    # second run starts at once and a changed pyproject.toml reinstalls.
    project = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    stamp = env_dir / "course-install.json"
    installed = json.loads(stamp.read_text()) if stamp.exists() else {}
    have = (
        set(installed.get("requirements", [])) if installed.get("pyproject") == project else set()
    )
    if not set(requirements) <= have:
        print(
            f"Installing the course into {env_dir.name}/ (first time: a few minutes) ...",
            flush=True,
        )
        run([python, "-m", "pip", "install", "--disable-pip-version-check", "-q", *requirements])
        stamp.write_text(
            json.dumps({"pyproject": project, "requirements": sorted(have | set(requirements))})
        )
    return python


def run(command: list, **kwargs) -> None:
    """Run a command in the repository folder; stop with its exit code if it fails."""
    result = subprocess.run([str(part) for part in command], cwd=ROOT, **kwargs)
    if result.returncode != 0:
        sys.exit(result.returncode)


def main_env() -> Path:
    # The same .venv as lab_env's, with the extras added. "dev" adds what the benchmarks and the
    # data-export test need (scikit-learn, mlxtend, livelossplot): small, and
    # never imported by the lessons. "teach" builds the website and the slides
    # (Sphinx, myst-nb, nbconvert, reveal.js); the test command builds them too.
    return ensure_env(ROOT / ".venv", ["-e", ".[test,dev,teach]"])


def lab_env() -> Path:
    # What the lessons need and nothing else (a test checks): a learner's disk keeps
    # no test or maintainer packages.
    return ensure_env(ROOT / ".venv", LAB_REQUIREMENTS)


def system_language(
    environ: Mapping[str, str] = os.environ, windows: bool = os.name == "nt"
) -> str:
    """The computer's language, "ko" or "en": from LC_ALL, LC_MESSAGES or LANG (the first that
    is set), or on Windows, where those are rarely set, from the user's locale."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if environ.get(name):
            return "ko" if environ[name].lower().startswith("ko") else "en"
    if windows:  # "Korean_Korea" or "ko_KR"
        return "ko" if (locale.getlocale()[0] or "").lower().startswith(("ko", "korean")) else "en"
    return "en"


def lab_command(
    python: Path | str,
    language: str,
    jupyter_args: list[str],
    settings_dir: Path = LAB_SETTINGS_DIR,
) -> tuple[list[str], dict[str, str]]:
    """The command that opens the course's first lesson in ``language`` ("ko" or "en") in a
    JupyterLab that speaks it and asks nothing on its first start, and its environment.

    Writes JupyterLab's user settings for the language and the news into ``settings_dir``.
    """
    settings = {
        "@jupyterlab/translation-extension/plugin": {"locale": LAB_LOCALES[language]},
        "@jupyterlab/apputils-extension/notification": {
            "fetchNews": "false",
            "checkForUpdates": False,
        },
    }
    for plugin, values in settings.items():
        package, name = plugin.rsplit("/", 1)
        path = settings_dir / package / f"{name}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values, indent=4), encoding="utf-8")
    env = {**os.environ, "JUPYTERLAB_SETTINGS_DIR": str(settings_dir)}
    # The file list shows the whole course (the README, the glossaries, both editions), so
    # the lessons' links work; JupyterLab would otherwise serve the first lesson's folder.
    lab = ["lab", FIRST_NOTEBOOK[language], "--ServerApp.root_dir=."]
    return [str(python), "-m", "jupyter", *lab, *jupyter_args], env


def cmd_lab(args: argparse.Namespace) -> None:
    command, env = lab_command(lab_env(), args.lang or system_language(), args.jupyter_args)
    run(command, env=env)


def side_by_side(runs: dict[str, tuple[str, list, dict]], took: dict | None = None) -> list[str]:
    """Run commands at the same time and print each one's output under its title, in order.

    ``runs`` maps a name to (the title, the command, the environment variables it
    changes). A notebook spends much of its time in one thread (Python, kernel
    start-up), so runs of notebooks together keep both cores busy. ``took`` gets how
    long each run took (seconds). Returns the names of the runs that failed.
    """
    start, running, ended = time.monotonic(), {}, {}
    for name, (_title, command, changes) in runs.items():
        log = tempfile.TemporaryFile("w+", encoding="utf-8")
        process = subprocess.Popen(
            [str(part) for part in command], cwd=ROOT, env={**os.environ, **changes},
            stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        running[name] = (process, log)
    while len(ended) < len(running):
        time.sleep(0.5)
        for name, (process, _log) in running.items():
            if name not in ended and process.poll() is not None:
                ended[name] = time.monotonic() - start
    failed = []
    for name, (process, log) in running.items():
        if process.returncode:
            failed.append(name)
        log.seek(0)
        print(f"\n{runs[name][0]}:", flush=True)
        print(log.read(), end="", flush=True)
        log.close()
    if took is not None:
        took.update(ended)
    return failed


def nbval_runs(python: Path | str, pytest_args: list[str], settings: dict) -> dict:
    """Strict nbval (``pytest_args``: notebooks) under each of ``settings``, as side_by_side runs.

    ``settings`` maps a name to the environment variables that run changes. What
    decides the numbers is the size of TensorFlow's thread pool, not how busy the
    machine is, so running them side by side changes none of them.
    """
    return {
        name: (
            f"Notebooks, {name} ({' '.join(changes) or 'nothing changed'})",
            [python, "-m", "pytest", *pytest_args],
            changes,
        )
        for name, changes in settings.items()
    }


def check_notebooks(python: Path | str, pytest_args: list[str], settings: dict) -> list[str]:
    """Run strict nbval once for each of ``settings``, side by side (see nbval_runs).
    Returns the names of the settings under which a stored output did not hold."""
    return side_by_side(nbval_runs(python, pytest_args, settings))


def portability_verdict(failed: list[str]) -> None:
    if AS_THEY_ARE in failed:
        sys.exit(
            "Notebooks whose stored outputs this machine does not reproduce (nbval's report is"
            " above): fix the lesson, then re-execute it with `python course.py refresh`."
        )
    if failed:
        sys.exit(
            "Stored outputs that another machine would not reproduce (under "
            + "; ".join(failed)
            + "). Print what is robust, show chaotic details as figures: see CONTRIBUTING.md."
        )


def find_python(version: str) -> Path:
    """A Python ``version`` ("3.12") on this computer: on the PATH, from the Windows
    launcher or from pyenv. Stops with how to get one if there is none."""
    candidates = [shutil.which(f"python{version}"), shutil.which("py")]
    pyenv_root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    candidates += sorted(pyenv_root.glob(f"versions/{version}.*/bin/python{version}"), reverse=True)
    ask = "import sys; print('%d.%d' % sys.version_info[:2], sys.executable)"
    for candidate in filter(None, candidates):
        launcher = [f"-{version}"] if Path(candidate).stem == "py" else []
        said = subprocess.run(
            [str(candidate), *launcher, "-c", ask], capture_output=True, text=True
        ).stdout.split(maxsplit=1)
        if said and said[0] == version:
            return Path(said[1].strip())
    sys.exit(
        f"The test command runs the lessons on Colab's stack, which needs Python {version}:"
        f" install it (from python.org, or pyenv install {version}) and run the command again."
    )


def colab_env() -> Path:
    """.venv-colab: the course and its tests on Colab's Python, TensorFlow, Keras and ipywidgets."""
    requirements = [*COLAB_STACK, "-e", ".[test]"]
    python = ensure_env(COLAB_ENV_DIR, requirements, base=find_python(COLAB_PYTHON))
    # The runs below would not test what they say on another stack.
    wanted = {spec.split("==")[0]: spec.split("==")[1].rstrip(".*") for spec in COLAB_STACK}
    check = (
        "import sys; from importlib.metadata import version;"
        f" sys.exit(not sys.version.startswith({COLAB_PYTHON + '.'!r}) or any("
        f"not version(name).startswith(v) for name, v in {wanted!r}.items()))"
    )
    run([python, "-c", check])
    return python


@contextlib.contextmanager
def timed(times: dict, stage: str):
    """Note how long the ``with`` block takes, in ``times[stage]`` (seconds)."""
    start = time.monotonic()
    yield
    times[stage] = time.monotonic() - start


def notebook_runs(python: Path | str, colab: Path | str) -> dict:
    """The test command's runs of notebooks, side by side: every notebook of both editions
    under strict nbval as this machine runs it; the English ones under each perturbation
    (the portability check: the Korean lessons run the same programs and print the same
    numbers, tests/test_korean_numbers.py); the answer keys of both editions on Colab's
    stack (``colab``: every lesson, its check cells and its exercises' checks run there)."""
    english = [path.relative_to(ROOT).as_posix() for path in lessons(ENGLISH)]
    return {
        **nbval_runs(python, ["notebooks", "-q"], {AS_THEY_ARE: {}}),
        **nbval_runs(python, [*english, "-q"], PERTURBATIONS),
        ANSWER_KEYS: ("Answer keys, both editions, on Colab's stack", [colab, ANSWERS_TOOL], {}),
    }


def cmd_test(args: argparse.Namespace) -> None:
    times: dict[str, float] = {}
    with timed(times, "the environment"):
        python = main_env()
        colab = colab_env() if not args.pytest_args else None
    if args.pytest_args:  # a selection, e.g. -m browser: that is all
        run([python, "-m", "pytest", *args.pytest_args])
        return
    # Unit and browser tests in two processes (pytest-xdist); the browser tests
    # share one, with one JupyterLab.
    with timed(times, "unit and browser tests"):
        run([python, "-m", "pytest", "tests", "-n", "2", "--dist", "loadgroup"])
    took: dict[str, float] = {}
    with timed(times, "notebooks and answer keys"):
        failed = side_by_side(notebook_runs(python, colab), took)
        portability_verdict([name for name in failed if name != ANSWER_KEYS])
        if ANSWER_KEYS in failed:
            sys.exit(
                "On Colab's stack a lesson failed, or an exercise's solution does not pass its"
                " own check (above): fix it."
            )
    # The widget code's unit tests on Colab's stack (the browser tests need the front end
    # of the main environment, so they are left out).
    with timed(times, "widget tests on Colab's stack"):
        print("\nThe widget code's unit tests again on Colab's stack:", flush=True)
        run([colab, "-m", "pytest", *WIDGET_TESTS, "-m", "not browser", "-n", "2",
             "-o", "addopts=-p no:cacheprovider"])  # fmt: skip
    spent = ", ".join(f"{stage} {seconds / 60:.1f} min" for stage, seconds in times.items())
    side = ", ".join(f"{name} {seconds / 60:.1f}" for name, seconds in took.items())
    print(f"\nEvery test passed. {TIME_LINE} {sum(times.values()) / 60:.1f} min ({spent};"
          f" the notebook runs side by side, in min: {side}).")  # fmt: skip


def cmd_refresh(args: argparse.Namespace) -> None:
    python = main_env()
    paths = [Path(p).resolve() for p in args.notebooks] or every_lesson()
    run([python, str(ROOT / "tools" / "notebooks.py"), "refresh", *map(str, paths)])


def cmd_answers(args: argparse.Namespace) -> None:
    python = main_env()
    print("Writing the answer keys, both editions side by side (a few minutes) ...", flush=True)
    runs = {
        language: (f"Answer keys, {language}", [python, ANSWERS_TOOL, language], {})
        for language in ("en", "ko")
    }
    if side_by_side(runs):
        sys.exit("No answer keys: see above.")


def cmd_translations(args: argparse.Namespace) -> None:
    run([main_env(), ROOT / "tools" / "translations.py", *args.tool_args])


def cmd_catalog(args: argparse.Namespace) -> None:
    run([main_env(), ROOT / "tools" / "catalog.py"])


def cmd_portability(args: argparse.Namespace) -> None:
    notebooks = [*(args.notebooks or ["notebooks"]), "-q"]
    portability_verdict(check_notebooks(main_env(), notebooks, PERTURBATIONS))


def cmd_publish(args: argparse.Namespace) -> None:
    run([lab_env(), "-m", "tools.publish", *args.tool_args])


def cmd_site(args: argparse.Namespace) -> None:
    run([main_env(), "-m", "tools.site"])


def cmd_slides(args: argparse.Namespace) -> None:
    notebooks = [Path(name).resolve() for name in args.notebooks]  # the tool runs in ROOT
    run([main_env(), "-m", "tools.slides", *notebooks])


def cmd_bench(args: argparse.Namespace) -> None:
    python = main_env()
    for script in BENCHMARKS:
        print(f"== bench/{script}", flush=True)
        run([python, ROOT / "bench" / script])


# Options for these commands are not course.py's own: they pass through to the tool.
PASS_THROUGH = {
    "lab": "jupyter_args",
    "test": "pytest_args",
    "translations": "tool_args",
    "publish": "tool_args",
}


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Read a command line; ``test -m browser`` and ``lab --port 8890`` pass their options on."""
    parser = argparse.ArgumentParser(prog="course.py", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    lab = commands.add_parser(
        "lab", help="open the course in JupyterLab; other options go to jupyter lab (--port 8890)"
    )
    lab.add_argument(
        "--lang",
        choices=("ko", "en"),
        help="the lessons' and JupyterLab's language (default: the computer's language)",
    )
    lab.set_defaults(func=cmd_lab)
    test = commands.add_parser(
        "test",
        help="run all tests: unit, notebooks (nbval), portability, browser; "
        "other options go to pytest and run only that selection (-k data, -m browser)",
    )
    test.set_defaults(func=cmd_test)
    refresh = commands.add_parser(
        "refresh", help="re-execute notebooks in place on a clean kernel (stored outputs)"
    )
    refresh.add_argument("notebooks", nargs="*", help="default: every notebook")
    refresh.set_defaults(func=cmd_refresh)
    portability = commands.add_parser(
        "portability", help="re-run notebooks under perturbed numerics against their outputs"
    )
    portability.add_argument("notebooks", nargs="*", help="default: every notebook")
    portability.set_defaults(func=cmd_portability)
    translations = commands.add_parser(
        "translations",
        help="list what the Korean lessons need translated; --stamp and --start: "
        "see tools/translations.py",
    )
    translations.set_defaults(func=cmd_translations)
    catalog = commands.add_parser(
        "catalog", help="update the helpers' Korean message catalog (helpers/locale) with Babel"
    )
    catalog.set_defaults(func=cmd_catalog)
    site = commands.add_parser(
        "site", help="build the course as a static website, English and Korean, into build/site/"
    )
    site.set_defaults(func=cmd_site)
    slides = commands.add_parser(
        "slides", help="build lecture slides (reveal.js), one deck per lesson, into build/slides/"
    )
    slides.add_argument("notebooks", nargs="*", help="default: every lesson, both languages")
    slides.set_defaults(func=cmd_slides)
    answers = commands.add_parser(
        "answers",
        help="answer keys: every lesson with each exercise's solution filled in, executed "
        "and checked, both languages, into build/answers/ (never committed)",
    )
    answers.set_defaults(func=cmd_answers)
    bench = commands.add_parser("bench", help="run the benchmarks in bench/")
    bench.set_defaults(func=cmd_bench)
    publish = commands.add_parser(
        "publish",
        help="name your own repository and branch or tag in every Colab badge, bootstrap cell "
        "and link (--repo OWNER/NAME --ref REF), print JupyterHub links (--hub URL): "
        "see tools/publish.py",
    )
    publish.set_defaults(func=cmd_publish)
    args, extra = parser.parse_known_args(argv)
    if args.command in PASS_THROUGH:
        setattr(args, PASS_THROUGH[args.command], extra)
    elif extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    return args


# Commands that run lessons: the exercise checks they run record progress (helpers/progress.py)
# in a folder thrown away afterwards, never in the maintainer's own record.
RUNS_LESSONS = {"test", "refresh", "portability", "bench", "answers"}


def main() -> None:
    args = parse_args(sys.argv[1:])
    if args.command not in RUNS_LESSONS:
        args.func(args)
        return
    with tempfile.TemporaryDirectory(prefix="progress-") as folder:
        os.environ["KFS_PROGRESS_DIR"] = folder  # helpers.progress.FOLDER_VARIABLE
        args.func(args)


if __name__ == "__main__":
    main()
