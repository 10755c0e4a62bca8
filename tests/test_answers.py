"""tools/answers.py: the starter-cell rule, the filling-in and the check of the checks.

The answer keys themselves are executed by `python course.py test` (beside the
notebooks), not here.
"""

from __future__ import annotations

import nbformat
import pytest

from helpers.i18n import get_language
from tools import answers
from tools.lessons import ENGLISH, KOREAN, lessons

code, markdown = nbformat.v4.new_code_cell, nbformat.v4.new_markdown_cell
CHECK = "lesson99.q1.check(answer, data)\n# lesson99.q1.hint()\n# lesson99.q1.solution()"


def made_up(starter: str, check: str = CHECK) -> list:
    return [
        code("data = [1, 2, 3]"),
        markdown("**Exercise 1.** Sum the data."),
        code(starter),
        code(check),
        code("lesson99.q2.check(other)"),
    ]


def starter(cells: list) -> tuple[int, list[str]]:
    return answers.starter_cell(cells, "99_made_up.ipynb", "lesson99", "q1")


def test_the_starter_is_the_code_cell_before_the_first_check():
    cells = made_up("answer = None  # your code here")
    cells.insert(4, code(CHECK))  # checked again later: the first check counts
    assert starter(cells) == (2, ["answer", "data"])


@pytest.mark.parametrize(
    ("layout", "cells", "said"),
    [
        ("no check", made_up("answer = None", check="print(data)"), "no code cell calls"),
        ("check(1 + 1)", made_up("answer = None", check="lesson99.q1.check(1 + 1)"), "no name"),
        ("other cell before", made_up("total = None"), "does not"),
        ("no placeholder", made_up("answer = sum(data)"), "no placeholder"),
        ("check first", made_up("answer = None")[3:], "does not"),
    ],
)
def test_a_layout_the_rule_cannot_read_fails_naming_lesson_and_exercise(layout, cells, said):
    with pytest.raises(answers.AnswerKeyError) as error:
        starter(cells)
    assert "99_made_up.ipynb, exercise lesson99.q1" in str(error.value)
    assert said in str(error.value), layout


@pytest.mark.parametrize(
    ("starter_source", "expected"),
    [
        ("answer = None  # your code here", "answer = sum(data)"),
        ('answer = {"a": None, "b": None}  # your code here: "x" or "y"', "answer = sum(data)"),
        # A given start stays; the comment that asks for the rest goes.
        (
            "answer = list(data)\n# your code here: answer.append(...)",
            "answer = list(data)\nanswer = sum(data)",
        ),
    ],
)
def test_filling_in_replaces_the_placeholder_with_the_solution(starter_source, expected):
    cells = made_up(starter_source)
    index, names = starter(cells)
    assert answers.filled(cells[index].source, names, "answer = sum(data)") == expected


@pytest.mark.parametrize(
    ("language", "edition"), [("en", ENGLISH), ("ko", KOREAN)], ids=["en", "ko"]
)
def test_every_lesson_s_starters_become_its_solutions(language, edition):
    """The real lessons' layouts follow the rule: each answer key is the lesson with the
    solutions in place (English comments, or Korean ones read in Korean)."""
    for lesson in lessons(edition):
        original = nbformat.read(lesson, as_version=4).cells
        key = answers.key(lesson, language).cells
        changed = [
            i for i, (a, b) in enumerate(zip(original, key, strict=True)) if a.source != b.source
        ]
        exercises = answers.exercises(lesson)
        assert len(changed) == len(exercises), lesson.name
        for index, exercise in zip(changed, exercises.values(), strict=True):
            solution = exercise.solution_code if language == "en" else _korean(exercise)
            assert key[index].source.endswith(solution), f"{lesson.name} cell {index + 1}"
    assert get_language() == "en", "the key left the helpers speaking another language"


def _korean(exercise) -> str:
    from helpers.i18n import set_language

    set_language("ko")
    try:
        return exercise.solution_text
    finally:
        set_language("en")


def executed(*printed: str) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.cells = [code(f"lesson99.q{n}.check(answer)") for n in range(1, len(printed) + 1)]
    for cell, text in zip(nb.cells, printed, strict=True):
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=text)]
    return nb


def test_a_check_that_does_not_print_success_is_named():
    nb = executed(
        "✅ Correct! Well done.\n",
        "🔎 Not what you predicted: the loss went up.\n",
        "❌ Not yet: answer should be a number; you gave a str.\n",
        "",
    )
    assert answers.failed_checks(nb, "99_made_up.ipynb") == [
        "99_made_up.ipynb, exercise lesson99.q3 (cell 3): "
        "❌ Not yet: answer should be a number; you gave a str.",
        "99_made_up.ipynb, exercise lesson99.q4 (cell 4): (it printed nothing)",
    ]


def test_the_tool_fails_when_an_executed_check_is_not_a_success(tmp_path, monkeypatch):
    """On a real kernel: a lesson (no exercise module, so nothing is filled in) whose check
    prints "❌ Not yet" stops the tool, naming the lesson, the exercise and the message."""
    lesson = tmp_path / "lessons" / "99_made_up.ipynb"
    lesson.parent.mkdir()
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        code(
            "from types import SimpleNamespace\n"
            "from helpers.exercises import Exercise, WrongAnswer\n\n"
            "def wrong(answer):\n"
            '    raise WrongAnswer("the answer is 2.")\n\n'
            'lesson99 = SimpleNamespace(q1=Exercise(check=wrong, hint="h", solution="s"))'
        ),
        code("answer = 1"),
        code("lesson99.q1.check(answer)"),
    ]
    nbformat.write(nb, lesson)
    monkeypatch.setattr(answers, "EDITIONS", {"en": lesson.parent})
    with pytest.raises(answers.AnswerKeyError) as error:
        answers.write_keys("en", tmp_path / "answers")
    assert "exercise lesson99.q1 (cell 3): ❌ Not yet: the answer is 2." in str(error.value)
    assert str(lesson) in str(error.value)
