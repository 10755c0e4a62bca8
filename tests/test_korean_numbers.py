"""The Korean lessons' stored outputs print the English lessons' numbers.

The Korean lessons run the same programs as the English ones
(tests/test_translations.py), so they compute the same numbers. This test shows
they print them too: for each pair of code cells, the numbers in the text
outputs (printed text and text/plain results, after nbval's sanitizer, as nbval
compares them) are the same, in the same order. That is why the test command's
perturbed runs (the portability check) re-run only the English lessons: a
perturbation that moves a Korean number moves the English one.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import nbformat
import pytest
from nbval.plugin import get_sanitize_patterns

from tools.lessons import ENGLISH, KOREAN, lessons

ROOT = Path(__file__).resolve().parent.parent
SANITIZE = get_sanitize_patterns((ROOT / "tests" / "nbval_sanitize.cfg").read_text())
NUMBER = re.compile(r"\d+(?:\.\d+)?(?:e[-+]?\d+)?")
LESSONS = lessons(ENGLISH)

# Cells whose Korean prints the same numbers in another order, or one the English spells
# out: (lesson, the English cell's id) -> (why, numbers the Korean writes as digits and the
# English in words). Their numbers must still be the same, order aside.
DIFFER = {
    ("03_loss_and_metrics.ipynb", "fb097c26"): (
        "Korean puts the true label before the prediction: 정답 1, 예측 0.9",
        (),
    ),
    ("03_loss_and_metrics.ipynb", "e74c4513"): (
        "Korean lists the epochs, then their accuracies: 에포크 1, 5, 10 뒤의 정확도: ...",
        (),
    ),
    ("05_fit.ipynb", "21f07cc6"): (
        "Korean names the 0 before the distance to it: 0의 차이는 0.000 이하",
        (),
    ),
    ("06_validation.ipynb", "4c8486af"): (
        "Korean gives the most epochs before those run: 최대 200 에포크 중 15 에포크",
        (),
    ),
}


def numbers(cell: nbformat.NotebookNode) -> list[str]:
    """The numbers a code cell's stored text outputs show, as nbval compares them."""
    texts = []
    for output in cell.get("outputs", []):
        if output.output_type == "stream":
            texts.append(output.text)
        else:
            texts.append(output.get("data", {}).get("text/plain", ""))
    text = "\n".join(texts)
    for regex, replace in SANITIZE:
        text = re.sub(regex, replace, text)
    return NUMBER.findall(text)


def code_pairs(english: Path, korean: Path):
    """(cell number, English cell, Korean cell) for each code cell of a lesson."""
    en_cells = nbformat.read(english, as_version=4).cells
    ko_cells = nbformat.read(korean, as_version=4).cells
    for number, (en, ko) in enumerate(zip(en_cells, ko_cells, strict=True), start=1):
        if en.cell_type == "code":
            yield number, en, ko


def differences(english: Path, korean: Path) -> list[str]:
    """Each Korean code cell whose numbers are not its English cell's, as a message."""
    wrong = []
    for number, en, ko in code_pairs(english, korean):
        ours, theirs = numbers(en), numbers(ko)
        listed = DIFFER.get((english.name, en.get("id")))
        where = f"notebooks/ko/{english.name} cell {number}"
        if listed is None and ours != theirs:
            wrong.append(f"{where} shows {theirs}, the English {ours}")
        elif listed is not None and ours == theirs:
            wrong.append(f"{where} now shows the English numbers in order: take it off DIFFER")
        elif listed is not None and Counter(theirs) != Counter(ours) + Counter(listed[1]):
            wrong.append(f"{where} shows {theirs}, not the English {ours} in another order")
    return wrong


@pytest.mark.parametrize("english", LESSONS, ids=[path.name for path in LESSONS])
def test_the_korean_lesson_prints_the_english_numbers(english):
    wrong = differences(english, KOREAN / english.name)
    assert not wrong, "\n".join(wrong)


def test_a_korean_number_that_differs_is_named(tmp_path):
    english = ENGLISH / "05_fit.ipynb"
    nb = nbformat.read(KOREAN / english.name, as_version=4)
    number, cell, stream = next(  # a printed number that nbval's sanitizer leaves alone
        (n, c, o)
        for n, c in enumerate(nb.cells, 1)
        for o in c.get("outputs", [])
        if o.output_type == "stream" and NUMBER.findall(o.text) == numbers(c) != []
    )
    stream.text = NUMBER.sub(lambda m: m.group() + "1", stream.text, count=1)
    korean = tmp_path / english.name
    nbformat.write(nb, korean)
    assert [line.split(" shows")[0] for line in differences(english, korean)] == [
        f"notebooks/ko/{english.name} cell {number}"
    ]


def test_every_listed_difference_is_a_code_cell_of_a_lesson():
    cells = {
        (path.name, en.get("id"))
        for path in LESSONS
        for _, en, _ko in code_pairs(path, KOREAN / path.name)
    }
    assert set(DIFFER) <= cells, f"not a code cell of a lesson: {set(DIFFER) - cells}"
