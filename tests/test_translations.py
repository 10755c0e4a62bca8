"""The Korean lessons are the English programs in other words, and never behind the English."""

from __future__ import annotations

import shutil

import nbformat
import pytest

from tools import translations
from tools.lessons import lessons

LESSONS = lessons()


@pytest.mark.parametrize("english", LESSONS, ids=[path.name for path in LESSONS])
def test_the_korean_lesson_is_complete_and_up_to_date(english):
    found = translations.problems(english)
    assert not found, "\n".join(found)


def test_every_korean_lesson_has_an_english_one():
    assert not [line for line in translations.every_problem() if "has no English lesson" in line]


@pytest.fixture
def pair(tmp_path, monkeypatch):
    """Lesson 00 and a Korean stand-in for it, in step, for the tool to check."""
    english = tmp_path / "notebooks" / LESSONS[0].name
    english.parent.mkdir()
    shutil.copy(LESSONS[0], english)
    monkeypatch.setattr(translations, "ROOT", tmp_path)
    monkeypatch.setattr(translations, "ENGLISH", english.parent)
    monkeypatch.setattr(translations, "KOREAN", english.parent / "ko")
    korean = translations.start(english)
    nb = nbformat.read(korean, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = "번역: " + cell.source
    nbformat.write(nb, korean)
    translations.stamp(korean, list(range(1, len(nb.cells) + 1)))
    assert translations.problems(english) == []
    return english, korean


def _edit(path, index, change):
    nb = nbformat.read(path, as_version=4)
    change(nb.cells, index)
    nbformat.write(nb, path)


def _markdown(path) -> int:
    cells = nbformat.read(path, as_version=4).cells
    return next(i for i, cell in enumerate(cells) if cell.cell_type == "markdown" and i > 0)


def test_changing_one_english_sentence_names_the_korean_cell_to_update(pair):
    english, korean = pair
    index = _markdown(english)

    def add_a_sentence(cells, i):
        cells[i].source += "\n\nOne more sentence."

    _edit(english, index, add_a_sentence)
    found = translations.problems(english)
    assert len(found) == 1
    assert f"ko/{english.name} cell {index + 1} (markdown)" in found[0]
    assert "has changed since it was translated" in found[0]
    translations.stamp(korean, [index + 1])  # after updating the Korean
    assert translations.problems(english) == []


def test_a_cell_added_to_the_english_alone_is_named(pair):
    english, korean = pair

    def insert(cells, i):
        cells.insert(i, nbformat.v4.new_markdown_cell("A new paragraph."))

    _edit(english, 3, insert)
    found = translations.problems(english)
    assert any("cell 4 (markdown) does not translate English cell 4" in line for line in found)


def test_a_cell_the_english_lacks_is_named(pair):
    english, korean = pair
    _edit(korean, 0, lambda cells, i: cells.append(nbformat.v4.new_markdown_cell("덧붙인 문단")))
    found = translations.problems(english)
    assert any("have no English cell" in line for line in found)


def test_an_untranslated_or_english_only_cell_is_named(pair):
    english, korean = pair
    index = _markdown(english)
    english_text = nbformat.read(english, as_version=4).cells[index].source

    def back_to_english(cells, i):
        cells[i].source = english_text

    _edit(korean, index, back_to_english)
    found = translations.problems(english)
    assert any(f"cell {index + 1} (markdown) has no Korean" in line for line in found)


def test_a_missing_korean_lesson_is_named_with_the_command_to_start_it(pair):
    english, korean = pair
    korean.unlink()
    (line,) = translations.problems(english)
    assert "does not exist" in line and "translations --start" in line


SAME = [
    ('print("Test accuracy:", acc)  # the score', 'print("테스트 정확도:", acc)  # 점수'),
    ('ax.set_title(f"{n} samples")', 'ax.set_title(f"샘플 {n}개")'),
    ("setup_notebook()", 'setup_notebook(language="ko")'),
    ("%xmode Context\nx = 1", "%xmode Context\nx = 1  # 하나"),
]
DIFFERENT = [
    ('layers.Dense(16, activation="relu")', 'layers.Dense(16, activation="tanh")'),
    ("model.fit(x, y, epochs=5)", "model.fit(x, y, epochs=6)"),
    ("setup_notebook()", "setup_notebook(seed=1)"),
    ('print(f"{n} samples")', 'print(f"샘플 {m}개")'),
    ("x = 1", "x = 1\ny = 2"),
    ('print(f"{name:9} label")', 'print(f"{name} 레이블")'),  # a format spec in one edition
]


@pytest.mark.parametrize(("english", "korean"), SAME)
def test_comments_and_korean_strings_keep_the_program_the_same(english, korean):
    assert translations.program_difference(english, korean) == ""


@pytest.mark.parametrize(("english", "korean"), DIFFERENT)
def test_any_other_change_makes_another_program(english, korean):
    assert translations.program_difference(english, korean) != ""
