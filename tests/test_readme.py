"""The READMEs' results tables quote the lessons, so they cannot drift from them.

Every bold figure in the column "this course" ("이 강좌") of a results table is one that
the lesson named in the row's first column shows in its stored outputs: printed text, or
a figure's alt text in the output's metadata. README.md is read against the English
lessons, README.ko.md against the Korean ones. The published anchors are not the lessons'
figures, so their column is not checked.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from tools.lessons import ENGLISH, KOREAN, lessons
from tools.teaching import IMAGE_TYPES, image_alt

ROOT = Path(__file__).resolve().parent.parent
READMES = {"README.md": ENGLISH, "README.ko.md": KOREAN}
BOLD = re.compile(r"\*\*(.+?)\*\*")
FIGURE = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")


def stored_outputs(lesson: Path) -> str:
    """Every text output of the lesson and every figure's alt text, as stored."""
    parts = []
    for cell in nbformat.read(lesson, as_version=4).cells:
        for output in cell.get("outputs", []):
            parts += [output.get("text", ""), output.get("data", {}).get("text/plain", "")]
            parts += [image_alt(output, mime) for mime in IMAGE_TYPES]
    return "\n".join(parts)


def results_rows(readme: str) -> list[tuple[str, str]]:
    """(lesson number, its cell "this course") for each row of the results table."""
    section = next(part for part in readme.split("\n## ") if part.startswith(("Results", "결과")))
    rows = re.findall(r"^\| (\d\d) \|(.*)$", section, re.MULTILINE)
    return [(number, rest.split("|")[1]) for number, rest in rows]


def figures(cell: str) -> list[str]:
    """The numbers written in bold in a table cell, in order."""
    return [figure for bold in BOLD.findall(cell) for figure in FIGURE.findall(bold)]


def unbacked_figures(readme: str, edition: Path) -> list[tuple[str, str]]:
    """(lesson number, figure) for each bold figure its lesson's stored outputs do not show."""
    unbacked = []
    for number, cell in results_rows(readme):
        [lesson] = [path for path in lessons(edition) if path.name.startswith(f"{number}_")]
        shown = stored_outputs(lesson)
        for figure in figures(cell):
            # the whole number: 0.98 is not backed by 0.985 or 10.98
            if not re.search(rf"(?<![\d.]){re.escape(figure)}(?!\d)", shown):
                unbacked.append((number, figure))
    return unbacked


@pytest.mark.parametrize("readme", list(READMES))
def test_every_bold_figure_of_the_results_table_is_in_its_lessons_outputs(readme):
    text = (ROOT / readme).read_text(encoding="utf-8")
    rows = results_rows(text)
    assert rows and all(figures(cell) for _, cell in rows), f"{readme}: a row quotes no bold figure"
    assert unbacked_figures(text, READMES[readme]) == [], (
        f"{readme}: these figures are not in the stored outputs of their lessons"
    )


def test_a_figure_the_lesson_does_not_show_is_found():
    """A wrong figure planted in a copy of the table is named, and nothing else."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    number, cell = results_rows(readme)[0]
    figure = figures(cell)[0]
    planted = readme.replace(cell, cell.replace(f"**{figure}", f"**{figure}9", 1))
    assert unbacked_figures(planted, ENGLISH) == [(number, f"{figure}9")]
