"""Hygiene of the stored notebooks (nbval itself re-executes them and compares outputs)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest
from nbval.plugin import get_sanitize_patterns

import helpers
from tools.lessons import EDITIONS, ENGLISH, KOREAN, lessons
from tools.notebooks import (
    CELL_METADATA_KEPT,
    CHECK_CELL_METADATA,
    CHECK_TAG,
    KERNELSPEC,
    WIDGET_VIEW,
)

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = lessons(ENGLISH)
KOREAN_NOTEBOOKS = lessons(KOREAN)
# What each edition's lessons must show, in its own words.
EDITION = {
    "notebooks": {
        "time": "Estimated time",
        "headings": ("## Learning goals", "## Summary", "## Exercise"),
        "setup": "setup_notebook()",
        "glossary": "GLOSSARY.md",
    },
    "ko": {
        "time": "예상 시간",
        "headings": ("## 학습 목표", "## 정리", "## 연습 문제"),
        "setup": 'setup_notebook(language="ko")',
        "glossary": "GLOSSARY.ko.md",
    },
}
NAME = re.compile(r"^(\d\d)_[a-z0-9]+(_[a-z0-9]+)*\.ipynb$")
MACHINE_PATH = re.compile(r"(/home/|/root/|/Users/|/tmp/|/work/|/content/|[A-Za-z]:\\\\)")
IGNORE_MARKER = "# NBVAL_IGNORE_OUTPUT"


def code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def load(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def raises_on_purpose(cell) -> bool:
    return "raises-exception" in cell.metadata.get("tags", [])


@pytest.fixture(
    params=NOTEBOOKS + KOREAN_NOTEBOOKS,
    ids=[p.relative_to(ENGLISH).as_posix() for p in NOTEBOOKS + KOREAN_NOTEBOOKS],
)
def notebook(request):
    return request.param, load(request.param)


def test_the_course_has_numbered_notebooks():
    """Every notebook of both editions is named as a lesson, so tools.lessons lists them all."""
    assert NOTEBOOKS, "no notebooks found in notebooks/"
    for edition in EDITIONS:
        bad = [p.name for p in sorted(edition.glob("*.ipynb")) if not NAME.match(p.name)]
        assert not bad, f"notebook names must look like NN_snake_case.ipynb: {bad}"
    numbers = [int(p.name[:2]) for p in NOTEBOOKS]
    assert numbers == list(range(len(numbers))), (
        f"notebooks must be numbered 00, 01, ...: {numbers}"
    )


def test_valid_nbformat(notebook):
    path, nb = notebook
    nbformat.validate(nb)


def test_executed_in_order_from_a_clean_kernel(notebook):
    path, nb = notebook
    counts = [c.execution_count for c in code_cells(nb) if c.source.strip()]
    assert counts == list(range(1, len(counts) + 1)), (
        f"{path.name}: execution counts {counts} are not 1..n; refresh it with "
        f"python course.py refresh notebooks/{path.name}"
    )


def test_no_errors_except_on_purpose_and_no_stderr(notebook):
    path, nb = notebook
    for index, cell in enumerate(code_cells(nb)):
        kinds = [o.output_type for o in cell.outputs]
        if raises_on_purpose(cell):
            assert "error" in kinds, f"{path.name} code cell {index} is tagged to raise but did not"
        else:
            assert "error" not in kinds, f"{path.name} code cell {index} raised an error"
        streams = [o.name for o in cell.outputs if o.output_type == "stream"]
        assert "stderr" not in streams, f"{path.name} code cell {index} wrote to stderr"


def test_no_machine_paths_or_widget_views_in_outputs(notebook):
    path, nb = notebook
    for index, cell in enumerate(code_cells(nb)):
        text = json.dumps(cell.outputs, ensure_ascii=False)
        found = MACHINE_PATH.search(text)
        assert not found, f"{path.name} code cell {index} shows a machine path: {found.group(0)!r}"
        assert WIDGET_VIEW not in text, f"{path.name} code cell {index} stores a widget view"


def test_minimal_metadata(notebook):
    path, nb = notebook
    assert dict(nb.metadata) == {"kernelspec": KERNELSPEC, "language_info": {"name": "python"}}
    for index, cell in enumerate(nb.cells):
        check = CHECK_TAG in cell.metadata.get("tags", [])
        extra = {k: v for k, v in cell.metadata.items() if k not in CELL_METADATA_KEPT}
        expected = CHECK_CELL_METADATA if check else {}
        assert extra == expected, f"{path.name} cell {index}: metadata {extra}, not {expected}"


def test_few_ignored_outputs_each_with_a_reason(notebook):
    path, nb = notebook
    cells = code_cells(nb)
    ignored = [c for c in cells if IGNORE_MARKER in c.source]
    assert len(ignored) < 0.1 * len(cells), (
        f"{path.name}: {len(ignored)} of {len(cells)} code cells ignore their output (max 10%)"
    )
    for cell in ignored:
        line = next(x for x in cell.source.splitlines() if IGNORE_MARKER in x)
        reason = line.split(IGNORE_MARKER, 1)[1].strip(" -:")
        assert len(reason) > 10, f"{path.name}: say why the output is ignored: {line!r}"


def test_template_structure(notebook):
    path, nb = notebook
    edition = EDITION[path.parent.name]
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# "), "start with an H1 title"
    assert edition["time"] in first.source, f"{path.name}: give the estimated time"
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    for heading in edition["headings"]:
        assert heading in text, f"{path.name}: missing a '{heading}' section"
    glossary = "../" * len(path.parent.relative_to(ROOT).parts) + edition["glossary"]
    assert f"({glossary})" in text, f"{path.name}: link the glossary as {glossary}"
    following = [p for p in NOTEBOOKS if p.name > path.name]
    if following:
        assert f"({following[0].name})" in text, f"{path.name}: link the next notebook"
    setup = [i for i, c in enumerate(code_cells(nb)) if edition["setup"] in c.source]
    assert setup and setup[0] <= 1, f"{path.name}: call {edition['setup']} in the first code cells"
    before = "".join(c.source for c in code_cells(nb)[: setup[0]])
    assert "import keras" not in before and "tensorflow" not in before


def test_the_progress_line_is_this_lessons(notebook):
    """The last code cell shows this lesson's progress line, named by the file's number (a
    renumbering that forgot it would show another lesson's exercises)."""
    path, nb = notebook
    calls = re.findall(r"progress\(lesson=\"(\d\d)\"\)", code_cells(nb)[-1].source)
    assert calls == [path.name[:2]], f'{path.name}: end with progress(lesson="{path.name[:2]}")'


def test_colab_badge_and_bootstrap_match_the_repository(notebook):
    path, nb = notebook
    slug = helpers.REPOSITORY.removeprefix("https://github.com/")
    badge = (
        f"https://colab.research.google.com/github/{slug}/blob/"
        f"{helpers.COURSE_TAG}/{path.relative_to(ROOT).as_posix()}"
    )
    assert badge in nb.cells[0].source, f"{path.name}: the Colab badge must link {badge}"
    bootstrap = code_cells(nb)[0].source
    assert "google.colab" in bootstrap
    assert f'"{helpers.REPOSITORY}"' in bootstrap, f"{path.name}: bootstrap must clone REPOSITORY"
    assert f'"{helpers.COURSE_TAG}"' in bootstrap, f"{path.name}: bootstrap must pin COURSE_TAG"
    assert code_cells(nb)[0].outputs == [], "the bootstrap prints nothing outside Colab"


def test_the_sanitizer_file_is_read_and_masks_what_varies():
    patterns = get_sanitize_patterns((ROOT / "tests" / "nbval_sanitize.cfg").read_text())
    assert len(patterns) >= 6, "nbval ignores a malformed sanitize file: check its format"

    def sanitize(text: str) -> str:
        for regex, replace in patterns:
            text = re.sub(regex, replace, text)
        return text

    fast = "47/47 - 0s - 5ms/step - accuracy: 0.5936 - loss: 0.6785"
    slow = "47/47 - 2s - 41ms/step - accuracy: 0.6012 - loss: 0.6611"
    assert sanitize(fast) == sanitize(slow)
    bar = "13/13 ━━━━━━━━━━━━━━━━━━━━ 1s 12ms/step - accuracy: 0.9000 - loss: 1.2000e-04"
    assert sanitize(bar) == "13/13 ━━━━━━━━━━━━━━━━━━━━ Ts T/step - accuracy: X - loss: X"
    assert sanitize("  Keras       3.15.1") == sanitize("  Keras       3.13.0")
    assert sanitize("  Running on  Google Colab (1 GPU)") == sanitize(
        "  Running on  this computer (CPU)"
    )
    assert sanitize("<Figure size 640x480 with 2 Axes>") == sanitize(
        "<Figure size 1280x960 with 2 Axes>"
    )
    assert sanitize("<History at 0x7f3a2b1c9d50>") == sanitize("<History at 0x7f00deadbeef>")
    bar = "10/10 \x1b[32m━━━━\x1b[0m \x1b[1m{}\x1b[0m {} - loss: {}"
    assert sanitize(bar.format("1s", "3ms/step", "0.5000   ")) == bar.format("Ts", "T/step", "X")
    first_frame = '<svg width="640"><polyline points="1,2"/></svg>'
    last_frame = '<svg width="640"><polyline points="1,2 3,4 5,6"/></svg>'
    assert sanitize(first_frame) == sanitize(last_frame)
    # What the learner must see stays as it is.
    assert sanitize("Test accuracy: 0.97") == "Test accuracy: 0.97"
    assert sanitize("Epoch 3/5") == "Epoch 3/5"
