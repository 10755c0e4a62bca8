"""GLOSSARY.md keeps its promise: a term's Korean is given where the lessons first use it.

GLOSSARY.ko.md, the Korean edition's glossary, lists the same terms in the same order.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from tools.lessons import ENGLISH, KOREAN, lessons
from tools.translations import HANGUL

ROOT = Path(__file__).resolve().parent.parent
ROW = re.compile(r"^\| ([^|]+?) \| ([^|]+?) \| ([^|]+) \| (\d\d) \|$")


def table(name: str) -> list[tuple[str, str, str, str]]:
    """The rows of a glossary's table: its four cells each."""
    lines = (ROOT / name).read_text(encoding="utf-8").splitlines()
    return [found.groups() for found in map(ROW.match, lines) if found]


def glossary() -> list[tuple[str, str, str]]:
    """(English, Korean, lesson) for every term, English and Korean without their asides."""
    return [
        (english.split(" (")[0], korean.split(" (")[0], lesson)
        for english, korean, _, lesson in table("GLOSSARY.md")
    ]


def lesson_text(number: str, edition: Path = ENGLISH) -> str:
    (path,) = [path for path in lessons(edition) if path.name.startswith(f"{number}_")]
    nb = nbformat.read(path, as_version=4)
    return "\n".join(cell.source for cell in nb.cells if cell.cell_type == "markdown")


def uses(text: str, english: str) -> bool:
    """Whether the prose uses the word (its plural too).

    Code spans, links (the next lesson's title) and italic menu paths such as
    *Kernel > Restart Kernel* are not prose.
    """
    prose = re.sub(r"`[^`]*`|\[[^\]]*\]\([^)]*\)|(?<!\*)\*[^*\n]+>[^*\n]+\*", "", text)
    return re.search(rf"\b{re.escape(english)}(e?s)?\b", prose, re.IGNORECASE) is not None


TERMS = glossary()


def test_the_glossary_is_read_and_in_lesson_order():
    assert len(TERMS) > 40, "GLOSSARY.md's table was not parsed: check its format"
    lessons = [lesson for _, _, lesson in TERMS]
    assert lessons == sorted(lessons), "list the terms in the order the lessons meet them"


@pytest.mark.parametrize(("english", "korean", "lesson"), TERMS, ids=[t[0] for t in TERMS])
def test_each_term_is_glossed_in_korean_in_the_lesson_that_first_uses_it(english, korean, lesson):
    earlier = [f"{n:02}" for n in range(int(lesson)) if uses(lesson_text(f"{n:02}"), english)]
    assert not earlier, (
        f"'{english}' is used in lesson {earlier[0]} before lesson {lesson}, where the glossary "
        f"says it is first met: gloss it there as '{english} ({korean})' and move the row"
    )
    assert korean in lesson_text(lesson), (
        f"lesson {lesson} is where '{english}' is first met, but its Korean '{korean}' is not there"
    )


GLOSSED = [term for term in TERMS if term[0] != term[1]]  # not argmax: a name in both


@pytest.mark.parametrize(("english", "korean", "lesson"), GLOSSED, ids=[t[0] for t in GLOSSED])
def test_the_korean_lesson_that_first_uses_a_term_gives_its_english(english, korean, lesson):
    """In the Korean edition the roles swap: "손실 함수(loss function)" at first use."""
    text = lesson_text(lesson, KOREAN)
    # "샘플(sample)", "**정규화**(normalisation)", "클래스 레이블(class label)"
    glossed = rf"{re.escape(korean)}[*_]*(\s\w+)?\s*\(\s*(\w+[ -])*{re.escape(english)}"
    assert re.search(glossed, text, re.IGNORECASE), (
        f"Korean lesson {lesson} is where '{korean}' is first met: write it as "
        f"'{korean}({english})' there"
    )


def test_the_korean_glossary_lists_the_same_terms_in_the_same_order_with_korean_meanings():
    english = [(english, korean, lesson) for english, korean, _, lesson in table("GLOSSARY.md")]
    korean = [(english, korean, lesson) for korean, english, _, lesson in table("GLOSSARY.ko.md")]
    assert korean == english, "GLOSSARY.ko.md: the rows of GLOSSARY.md, Korean first, in its order"
    meanings = [meaning for _, _, meaning, _ in table("GLOSSARY.ko.md")]
    assert all(HANGUL.search(meaning) for meaning in meanings), "give every meaning in Korean"
