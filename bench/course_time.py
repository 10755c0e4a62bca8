"""Time every notebook the way the test command runs it, against the course's targets.

Run from the repository root::

    .venv/bin/python bench/course_time.py                 # both editions
    .venv/bin/python bench/course_time.py notebooks/08_multiclass.ipynb

The notebooks run in one pytest session, as in ``python course.py test``: with
nbval's options from ``pyproject.toml`` (strict comparison of outputs, the
sanitizer, the project's environment), each notebook on a fresh kernel. A
notebook's time runs from the start of its first cell's test (which starts its
kernel) to the end of its last; the total is the whole session, pytest's own
start-up included. The targets: no notebook over 60 s, each edition (English in
notebooks/, Korean in notebooks/ko/) within 4 minutes on a 2-core CPU.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import pytest
from machine import load_average, machine, verdict, versions

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # works without `pip install -e .`

from tools.lessons import every_lesson  # noqa: E402 - after making the repository importable

TARGET_NOTEBOOK = 60.0  # seconds, each notebook
TARGET_TOTAL = 240.0  # seconds, the whole course


class NotebookTimer:
    """A pytest plugin: when each notebook's first test starts and its last one ends."""

    def __init__(self) -> None:
        self.spans: dict[str, list[float]] = {}
        self.failed: set[str] = set()

    def pytest_runtest_logstart(self, nodeid: str, location: object) -> None:
        now = time.perf_counter()
        self.spans.setdefault(nodeid.split("::")[0], [now, now])

    def pytest_runtest_logfinish(self, nodeid: str, location: object) -> None:
        self.spans[nodeid.split("::")[0]][1] = time.perf_counter()

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.failed:
            self.failed.add(report.nodeid.split("::")[0])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", help="default: every lesson, both editions")
    args = parser.parse_args(argv)
    paths = [Path(p).resolve() for p in args.notebooks] or every_lesson()
    if not paths:
        print("No notebooks found in notebooks/.")
        return 1
    names = [path.relative_to(ROOT).as_posix() for path in paths]

    print("Keras First Steps: course run time (the notebooks as `python course.py test` runs them)")
    print(f"    machine: {machine()}")
    print(f"    {versions('tensorflow', 'keras', 'ipywidgets', 'nbval')}")
    print(f"    load average at start: {load_average()}", flush=True)

    os.chdir(ROOT)  # pytest reads nbval's options from pyproject.toml here
    timer = NotebookTimer()
    started = time.perf_counter()
    options = ["-q", "--no-header", "-p", "no:cacheprovider"]
    exit_code = pytest.main([*names, *options], plugins=[timer])
    total = time.perf_counter() - started

    print()
    print(f"    {'notebook':28} {'seconds':>8}  nbval   target <= {TARGET_NOTEBOOK:.0f} s")
    all_fast = True
    for name in names:
        first, last = timer.spans.get(name, [0.0, 0.0])
        seconds = last - first
        all_fast &= seconds <= TARGET_NOTEBOOK
        status = "FAIL" if name in timer.failed or name not in timer.spans else "pass"
        print(f"    {name.removeprefix('notebooks/'):28} {seconds:8.1f}  {status:6}  "
              f"{verdict(seconds <= TARGET_NOTEBOOK)}")  # fmt: skip
    editions = {}
    for name, (first, last) in timer.spans.items():
        edition = "Korean" if name.startswith("notebooks/ko/") else "English"
        editions[edition] = editions.get(edition, 0.0) + last - first
    for edition, seconds in editions.items():
        print(f"    {f'sum of the {edition} lessons':28} {seconds:8.1f}  "
              f"{verdict(seconds <= TARGET_TOTAL)} (target <= {TARGET_TOTAL:.0f} s)")  # fmt: skip
    in_notebooks = sum(editions.values())
    print(f"    {'pytest start-up and the rest':28} {total - in_notebooks:8.1f}")
    print(f"    {'total (the whole session)':28} {total:8.1f}")
    print()
    print(f"    load average at end: {load_average()}")
    print(f"    target: every notebook <= {TARGET_NOTEBOOK:.0f} s: {verdict(all_fast)}")
    print(f"    target: each edition <= {TARGET_TOTAL / 60:.0f} min: "
          f"{verdict(all(seconds <= TARGET_TOTAL for seconds in editions.values()))}")  # fmt: skip
    passed = exit_code == 0 and not timer.failed
    print(f"    every notebook passed nbval: {'yes' if passed else 'NO'}")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
