"""The lessons teach what they say (the course's design notes, "Teaching as well as computing").

- Each lesson fits one sitting: its stated time is the estimate of tools/lessons.py.
- Check cells (tagged ``check``, stored collapsed) keep the prose's claims true;
  teaching cells hold no asserts.
- Every decimal number the prose writes is one the lesson's code or outputs show.
- Nothing is used before it is taught: no lesson's code uses a name that
  tools/taught.toml says a later lesson teaches, unless the cell says in a comment
  that it is a preview and which lesson explains it.
"""

from __future__ import annotations

import ast
import json
import re
import sys
from pathlib import Path

import nbformat
import pytest

from tools.lessons import (
    CHECK_TAG,
    ENGLISH,
    KOREAN,
    LONGEST_LESSON,
    estimated_minutes,
    every_lesson,
    lessons,
)
from tools.translations import _python

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
TAUGHT = tomllib.loads((ROOT / "tools" / "taught.toml").read_text(encoding="utf-8"))["taught"]
STATED = {
    ENGLISH: re.compile(r"\*\*Estimated time:\*\* (\d+) minutes"),
    KOREAN: re.compile(r"\*\*예상 시간:\*\* (\d+)분"),
}
# A comment that says "preview" ("미리") and names the lesson that teaches it:
# "# a preview of lesson 05: ..." / "# 레슨 05에서 배울 층을 미리 씁니다".
PREVIEW = re.compile(r"#.*(?:preview|미리)", re.IGNORECASE)
LESSON = re.compile(r"(?:lesson|레슨)\s*(\d\d)", re.IGNORECASE)
DECIMAL = re.compile(r"(?<![\w.])\d+\.\d+(?![\w.]*\d)")
LINK_TARGET = re.compile(r"\]\([^)]*\)|<https?://[^>]*>|https?://\S+")


def lesson_id(path: Path) -> str:
    return path.relative_to(ENGLISH).as_posix()


def number(path: Path) -> str:
    return path.name[:2]


def load(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def is_check(cell) -> bool:
    return CHECK_TAG in cell.metadata.get("tags", [])


def code_tree(cell) -> ast.Module:
    return ast.parse(_python(cell.source))


def shown_text(nb: nbformat.NotebookNode) -> str:
    """What a learner can see besides the prose: every code cell's source and text outputs."""
    parts = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        parts.append(cell.source)
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            data = output.get("data", {})
            parts.extend(
                data.get(kind, "") for kind in ("text/plain", "text/html", "text/markdown")
            )
    return "\n".join(p if isinstance(p, str) else "".join(p) for p in parts)


ENGLISH_LESSONS = lessons(ENGLISH)
BOTH = every_lesson()


# ------------------------------------------------------------- one sitting ---


def stated_minutes(path: Path) -> int:
    edition = KOREAN if path.parent == KOREAN else ENGLISH
    for cell in load(path).cells[:3]:
        found = STATED[edition].search(cell.source)
        if found:
            return int(found.group(1))
    raise AssertionError(f"{lesson_id(path)} states no time ({STATED[edition].pattern})")


@pytest.mark.parametrize("path", ENGLISH_LESSONS, ids=lesson_id)
def test_each_lesson_states_its_estimated_time_in_both_editions(path):
    estimate = estimated_minutes(path)
    assert stated_minutes(path) == estimate, f"{path.name}: the estimate is {estimate} minutes"
    assert stated_minutes(KOREAN / path.name) == estimate, f"ko/{path.name}: {estimate}분"


@pytest.mark.parametrize("path", ENGLISH_LESSONS, ids=lesson_id)
def test_each_lesson_fits_one_sitting(path):
    assert estimated_minutes(path) <= LONGEST_LESSON


# ------------------------------------------------------------- check cells ---


@pytest.mark.parametrize("path", BOTH, ids=lesson_id)
def test_each_lesson_has_check_cells_that_assert_and_print_nothing(path):
    checks = [(i, c) for i, c in enumerate(load(path).cells) if is_check(c)]
    assert checks, f"{lesson_id(path)} has no check cell"
    for index, cell in checks:
        where = f"{lesson_id(path)} cell {index}"
        assert cell.cell_type == "code", f"{where} is tagged {CHECK_TAG} but is not code"
        assert cell.source.startswith("#@title "), f"{where}: a check cell starts '#@title '"
        asserts = [n for n in ast.walk(code_tree(cell)) if isinstance(n, ast.Assert)]
        assert asserts, f"{where} is a check cell that asserts nothing"
        assert not cell.outputs, f"{where} is a check cell that shows something"


@pytest.mark.parametrize("path", BOTH, ids=lesson_id)
def test_teaching_cells_hold_no_asserts(path):
    for index, cell in enumerate(load(path).cells):
        if cell.cell_type == "code" and not is_check(cell):
            found = any(isinstance(n, ast.Assert) for n in ast.walk(code_tree(cell)))
            assert not found, f"{lesson_id(path)} cell {index}: move its assert to a check cell"


def unshown_decimals(nb: nbformat.NotebookNode) -> list[tuple[int, str]]:
    """(cell, number) for each decimal number in the prose that no code or output shows."""
    shown = shown_text(nb)
    missing = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            prose = LINK_TARGET.sub("", cell.source)
            missing += [(index, n) for n in DECIMAL.findall(prose) if n not in shown]
    return missing


@pytest.mark.parametrize("path", BOTH, ids=lesson_id)
def test_every_decimal_number_in_the_prose_is_shown_by_the_lesson(path):
    assert unshown_decimals(load(path)) == []


def test_a_decimal_number_no_output_shows_is_found():
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("Accuracy 0.93, see [docs](https://x.org/v2.15/)."),
        nbformat.v4.new_code_cell(
            "print(acc)", outputs=[nbformat.v4.new_output("stream", text="0.98\n")]
        ),  # fmt: skip
    ]
    assert unshown_decimals(nb) == [(0, "0.93")]
    nb.cells[1].outputs[0].text = "0.93\n"
    assert unshown_decimals(nb) == []


# --------------------------------------------------- nothing before taught ---


def names_used(tree: ast.AST) -> set[str]:
    """The names a cell's code uses: names, attributes, keyword arguments and strings."""
    used = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            used.add(node.id)
        elif isinstance(node, ast.Attribute):
            used.add(node.attr)
        elif isinstance(node, ast.keyword) and node.arg:
            used.add(node.arg)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            used.add(node.value)
    return used


def early_uses(lesson: str, cells: list) -> list[str]:
    """Each use, in ``lesson``'s code cells, of a name a later lesson teaches, unless the
    cell's comment names that lesson as a preview."""
    found = []
    for index, cell in enumerate(cells):
        if cell.cell_type != "code" or is_check(cell):
            continue  # check cells are not read: they may use anything
        comments = [line for line in cell.source.splitlines() if PREVIEW.search(line)]
        previews = {number for line in comments for number in LESSON.findall(line)}
        for name in sorted(names_used(code_tree(cell))):
            taught = TAUGHT.get(name)
            if taught is not None and taught > lesson and taught not in previews:
                found.append(f"cell {index} uses {name} (lesson {taught})")
    return found


@pytest.mark.parametrize("path", BOTH, ids=lesson_id)
def test_no_lesson_uses_what_a_later_lesson_teaches(path):
    assert early_uses(number(path), load(path).cells) == []


def test_an_early_use_is_found_unless_the_cell_calls_it_a_preview():
    later = max(TAUGHT.values())
    name = next(n for n, taught in TAUGHT.items() if taught == later)
    cell = nbformat.v4.new_code_cell(f"model.{name}(x)")
    assert early_uses("00", [cell]) == [f"cell 0 uses {name} (lesson {later})"]
    assert early_uses(later, [cell]) == []
    cell.source = f"# Preview: lesson {later} explains it.\nmodel.{name}(x)"
    assert early_uses("00", [cell]) == []
    cell.source = f"# 미리 보기: 레슨 {later}에서 설명합니다.\nmodel.{name}(x)"
    assert early_uses("00", [cell]) == []


def test_the_map_names_real_lessons():
    numbers = {number(path) for path in ENGLISH_LESSONS}
    assert set(TAUGHT.values()) <= numbers, json.dumps(TAUGHT)
    assert len(TAUGHT) >= 20, "tools/taught.toml was not read"
