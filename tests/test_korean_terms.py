"""The Korean edition speaks with one voice: the words and forms of tools/korean_terms.toml.

Every Korean text is checked: the Korean lessons' Markdown cells and the Korean strings and
comments of their code cells, the Korean messages in helpers.po, README.ko.md, START.ko.md,
GLOSSARY.ko.md and KOREAN_STYLE.md. A finding names the file, the cell (numbered from 1, as
``python course.py translations --stamp`` counts them) or the line, the word, what to write
instead and why. Run ``pytest tests/test_korean_terms.py`` to list them.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
from babel.messages.pofile import read_po

from tools.lessons import KOREAN, lessons
from tools.translations import HANGUL, _literal_strings, _python

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
TERMS = tomllib.loads((ROOT / "tools" / "korean_terms.toml").read_text(encoding="utf-8"))
RULES = TERMS["rule"]
CATALOG = ROOT / "helpers" / "locale" / "ko" / "LC_MESSAGES" / "helpers.po"
DOCUMENTS = ("README.ko.md", "START.ko.md", "GLOSSARY.ko.md", "KOREAN_STYLE.md")

# What is never checked: code and link targets (blanked out before a rule is applied) ...
CODE = re.compile(r"^```.*?^```|`[^`\n]*`|\]\([^)\s]*\)|<https?://[^>]*>|https?://\S+", re.M | re.S)
# ... and what a finding may sit inside: an English gloss, "케라스(Keras)", and English quoted.
ENGLISH = re.compile(r"(?<=\S)\([^()\n가-힣]*\)|\"[^\"\n가-힣]*\"|“[^”\n가-힣]*”|'[^'\n가-힣]*'")


@dataclass(frozen=True)
class Text:
    """A Korean text to check: where it is (a file, or a cell), and whether it is Markdown."""

    where: str
    text: str
    markdown: bool = True
    lines: bool = False  # a whole file: a finding names its line


def pattern(expression: str) -> re.Pattern:
    """A rule's ``not`` entry; an English word matches only as a whole word."""
    return re.compile(rf"(?<![A-Za-z])(?:{expression})(?![A-Za-z])")


def prose(text: str) -> str:
    """``text`` with its code and link targets blanked out (same length, same lines)."""
    return CODE.sub(lambda found: re.sub(r"[^\n]", " ", found.group()), text)


def findings(item: Text, rules: list[dict] = RULES) -> list[str]:
    """Every place where ``item`` writes what a rule says not to write."""
    text = prose(item.text) if item.markdown else item.text
    spared = [span.span() for span in ENGLISH.finditer(text)]
    found = []
    for rule in rules:
        if rule.get("markdown") and not item.markdown:
            continue
        names = [m.span() for name in rule.get("allowed", []) for m in re.finditer(name, text)]
        for expression in rule["not"]:
            for match in pattern(expression).finditer(text):
                start, end = match.span()
                if any(a <= start and end <= b for a, b in spared + names):
                    continue
                line = f", line {text.count(chr(10), 0, start) + 1}" if item.lines else ""
                found.append(
                    f"{item.where}{line}: '{match.group()}' -> write {rule['use']} ({rule['why']})"
                )
    return found


def code_texts(source: str) -> list[str]:
    """The Korean strings and comments of a code cell."""
    python = _python(source)
    strings = _literal_strings(ast.parse(python))
    tokens = tokenize.generate_tokens(io.StringIO(python).readline)
    comments = [token.string for token in tokens if token.type == tokenize.COMMENT]
    return [text for text in strings + comments if HANGUL.search(text)]


def lesson_texts(path: Path) -> list[Text]:
    where = path.relative_to(ROOT).as_posix()
    texts = []
    for number, cell in enumerate(nbformat.read(path, as_version=4).cells, start=1):
        if cell.cell_type == "markdown":
            texts.append(Text(f"{where} cell {number} (markdown)", cell.source))
        elif cell.cell_type == "code":
            texts += [
                Text(f"{where} cell {number} (code)", text, markdown=False)
                for text in code_texts(cell.source)
            ]
    return texts


def catalog_texts() -> list[Text]:
    with CATALOG.open("rb") as source:
        catalog = read_po(source)
    where = CATALOG.relative_to(ROOT).as_posix()
    texts = []
    for message in catalog:
        strings = [message.string] if isinstance(message.string, str) else message.string
        texts += [
            Text(f"{where} line {message.lineno}", text, markdown=False) for text in strings if text
        ]
    return texts


LESSONS = {path.relative_to(ROOT).as_posix(): path for path in lessons(KOREAN)}
SOURCES = {
    **{name: (lambda p=path: lesson_texts(p)) for name, path in LESSONS.items()},
    CATALOG.relative_to(ROOT).as_posix(): catalog_texts,
    **{
        name: (lambda n=name: [Text(n, (ROOT / n).read_text(encoding="utf-8"), lines=True)])
        for name in DOCUMENTS
    },
}


def test_the_terms_file_is_read():
    assert len(RULES) >= 25, "tools/korean_terms.toml's rules were not read"
    for rule in RULES:
        assert {"use", "not", "why"} <= set(rule), f"a rule lacks use, not or why: {rule}"
        for expression in rule["not"]:
            pattern(expression)  # a broken regular expression fails here


@pytest.mark.parametrize("source", list(SOURCES))
def test_one_voice(source):
    found = [line for text in SOURCES[source]() for line in findings(text)]
    assert not found, f"{len(found)} in {source}:\n" + "\n".join(found)


def markdown_of(path: Path) -> str:
    cells = nbformat.read(path, as_version=4).cells
    return "\n\n".join(cell.source for cell in cells if cell.cell_type == "markdown")


GLOSSED = [rule for rule in RULES if "gloss" in rule]
WRITINGS = {
    **{name: (lambda p=path: markdown_of(p)) for name, path in LESSONS.items()},
    "README.ko.md": lambda: (ROOT / "README.ko.md").read_text(encoding="utf-8"),
}


@pytest.mark.parametrize("writing", list(WRITINGS))
def test_a_library_is_named_in_english_once_at_its_first_use(writing):
    """케라스(Keras) the first time a lesson names it, 케라스 after that."""
    text = prose(WRITINGS[writing]())
    for rule in GLOSSED:
        first = text.find(rule["use"])
        if first < 0:
            continue
        glossed = re.compile(rf"{rule['use']}( [0-9.]+)?\({rule['gloss']}")
        assert glossed.match(text, first), (
            f"{writing}: the first {rule['use']} should give its English: "
            f"{rule['use']}({rule['gloss']}), found {text[first : first + 30]!r}"
        )


GOAL = re.compile(r"^\d+\. (.*)$", re.MULTILINE)


@pytest.mark.parametrize("lesson", lessons(KOREAN), ids=[path.name for path in lessons(KOREAN)])
def test_learning_goals_share_one_form(lesson):
    """Every goal is a -기 phrase: "모델 **만들기**", "이유 **설명하기**" (then, after a colon,
    what it covers)."""
    sections = markdown_of(lesson).split("\n\n## ")
    cell = next(text for text in sections if text.startswith("학습 목표"))
    goals = GOAL.findall(cell)
    assert len(goals) >= 3, f"{lesson.name}: no numbered learning goals found"
    other = [goal for goal in goals if not goal.split(":")[0].replace("*", "").endswith("기")]
    assert not other, f"{lesson.name}: write each learning goal as a -기 phrase: {other}"


def test_the_normalization_layer_is_said_to_standardise():
    rule = TERMS["normalization"]
    found = []
    for lesson in lessons(KOREAN):
        for text in lesson_texts(lesson):
            if rule["layer"] in text.text and rule["not"] in prose(text.text):
                found.append(f"{text.where}: {rule['not']} -> {rule['use']} ({rule['why']})")
    assert not found, "\n".join(found)


PLANTED = """# 레슨

이 네트워크는 `network` 층 두 개로 되어 있습니다. 랜덤 시드를 고정합니다.
케라스(Keras)는 "Keras" 메시지를 그대로 보여 줍니다. `랜덤 시드`는 코드입니다.
"""


def test_the_checker_finds_a_planted_word_and_spares_code_glosses_and_quotes():
    found = findings(Text("planted.md", PLANTED, lines=True))
    assert len(found) == 2, found
    assert found[0].startswith("planted.md, line 3: '네트워크' -> write 신경망")
    assert found[1].startswith("planted.md, line 3: '랜덤 시드' -> write 난수 시드")
    assert findings(Text("planted", "Keras는 층을 쌓습니다.", markdown=False))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("**정규화(normalisation)**는 나누는 것입니다.", "**정규화(normalisation)**"),
        ("*정답* 클래스", "*정답*"),
        ("배치 하나가 9스텝입니다.", "스텝"),
        ("## 준비\n\n셀을 실행합니다.", "## 준비"),
    ],
)
def test_the_checker_finds_a_planted_form(text, word):
    (found,) = findings(Text("planted", text))
    assert f"'{word}'" in found, found
