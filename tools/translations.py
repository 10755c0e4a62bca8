"""Keep the Korean lessons (notebooks/ko/) in step with the English ones.

    python course.py translations                  list what needs translating
    python course.py translations --stamp notebooks/ko/05_fit.ipynb 12 14
    python course.py translations --start notebooks/06_validation.ipynb

A Korean lesson has the same cells as its English lesson, in the same order.
Each Korean cell records, in its metadata, the id of the English cell it
translates and a fingerprint of that English cell's text::

    "metadata": {"translation": {"source": "1cb06d7a", "fingerprint": "5c0e7d1a2b3f"}}

When the English cell changes, its fingerprint no longer matches and the cell
is listed (and ``tests/test_translations.py`` fails, naming it). After
updating the Korean, ``--stamp`` records the English text it now translates.
``--start`` copies an English lesson whose Korean does not exist yet, every
cell marked as not yet translated.

Code cells must stay the same programs: the same Python syntax tree once
comments are set aside, and a string literal may differ from the English only
by being translated into Korean (it then contains Hangul). The set-up call may
choose the language: ``setup_notebook(language="ko")``.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))

from tools.lessons import ENGLISH, KOREAN, lessons  # noqa: E402 - after the path is set as a script

KEY = "translation"
HANGUL = re.compile(r"[\uac00-\ud7a3]")
SETUP = "setup_notebook"
NOT_YET = ""  # the fingerprint of a cell not translated yet


def fingerprint(cell: nbformat.NotebookNode) -> str:
    """A short hash of an English cell's kind and text."""
    text = f"{cell.cell_type}\n{cell.source}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def korean_path(english: Path) -> Path:
    return KOREAN / english.name


def _python(source: str) -> str:
    """A code cell as plain Python: IPython's magics and shell lines become calls."""
    from IPython.core.inputtransformer2 import TransformerManager

    return TransformerManager().transform_cell(source)


class _WithoutLanguage(ast.NodeTransformer):
    """setup_notebook(language=...) loses its language: the one call that may differ."""

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        if name == SETUP:
            node.keywords = [k for k in node.keywords if k.arg != "language"]
        return node


class _SetAside(ast.NodeTransformer):
    """Each string becomes a marker; an f-string keeps only the values it formats."""

    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        if isinstance(node.value, str):
            return ast.Name(id="STRING", ctx=ast.Load())
        return node

    def visit_JoinedStr(self, node: ast.JoinedStr) -> ast.AST:
        values = [self.visit(v.value) for v in node.values if isinstance(v, ast.FormattedValue)]
        return ast.Call(func=ast.Name(id="FSTRING", ctx=ast.Load()), args=values, keywords=[])


def _literal_strings(tree: ast.AST) -> list[str]:
    # ast.walk visits f-string parts as Constants too: keep only the f-string itself.
    inside = {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            found.append("{}".join(v.value for v in node.values if isinstance(v, ast.Constant)))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if id(node) not in inside:
                found.append(node.value)
    return found


def program_difference(english: str, korean: str) -> str:
    """Why two code cells are not the same program, or "" when they are."""
    try:
        trees = [_WithoutLanguage().visit(ast.parse(_python(s))) for s in (english, korean)]
    except SyntaxError as error:
        return f"does not parse as Python ({error.msg}, line {error.lineno})"
    english_strings, korean_strings = (_literal_strings(tree) for tree in trees)
    shapes = [ast.dump(_SetAside().visit(tree)) for tree in trees]
    if shapes[0] != shapes[1] or len(english_strings) != len(korean_strings):
        # A format spec in one edition's f-string only ({name:9} against {name}) is a string
        # more: the same shape, but not the same program.
        return "is a different program (compare it with the English cell, comments aside)"
    for ours, theirs in zip(english_strings, korean_strings, strict=True):
        if ours != theirs and not HANGUL.search(theirs):
            return f"changes the string {ours!r} to {theirs!r}, which is not a Korean translation"
    return ""


def problems(english_path: Path) -> list[str]:
    """What is out of step between an English lesson and its Korean one."""
    korean = korean_path(english_path)
    where = korean.relative_to(ROOT).as_posix()
    if not korean.exists():
        return [
            f"{where} does not exist: start it with "
            f"python course.py translations --start {english_path.relative_to(ROOT).as_posix()}"
        ]
    en_cells = nbformat.read(english_path, as_version=4).cells
    ko_cells = nbformat.read(korean, as_version=4).cells
    found = []
    for number, (en, ko) in enumerate(zip(en_cells, ko_cells, strict=False), start=1):
        record = ko.metadata.get(KEY, {})
        cell = f"{where} cell {number} ({ko.cell_type})"
        if ko.cell_type != en.cell_type or record.get("source") != en.get("id"):
            found.append(
                f"{cell} does not translate English cell {number} ({en.cell_type}, id "
                f"{en.get('id')}): the Korean cells must follow the English ones in order"
            )
            continue
        if record.get("fingerprint") == NOT_YET:
            found.append(f"{cell} is not translated yet")
        elif record.get("fingerprint") != fingerprint(en):
            found.append(
                f"{cell}: English cell {number} has changed since it was translated; update "
                f"the Korean, then run python course.py translations --stamp {where} {number}"
            )
        if en.cell_type == "code":
            difference = program_difference(en.source, ko.source)
            if difference:
                found.append(f"{cell} {difference}")
        elif re.search("[A-Za-z]", en.source) and (
            ko.source == en.source or not HANGUL.search(ko.source)
        ):
            found.append(f"{cell} has no Korean in it: it is still the English")
    for number in range(len(ko_cells) + 1, len(en_cells) + 1):
        found.append(f"{where} has no translation of English cell {number} (and after)")
        break
    if len(ko_cells) > len(en_cells):
        found.append(
            f"{where} cell {len(en_cells) + 1} and after have no English cell: remove them, "
            "or add the English first"
        )
    return found


def every_problem() -> list[str]:
    found = []
    english_lessons = lessons(ENGLISH)
    for english in english_lessons:
        found += problems(english)
    extra = {p.name for p in KOREAN.glob("*.ipynb")} - {p.name for p in english_lessons}
    found += [f"notebooks/ko/{name} has no English lesson" for name in sorted(extra)]
    return found


def stamp(korean: Path, numbers: list[int]) -> None:
    """Record that the given Korean cells (1-based) translate the English as it is now."""
    english = ENGLISH / korean.name
    en_cells = nbformat.read(english, as_version=4).cells
    nb = nbformat.read(korean, as_version=4)
    for number in numbers:
        if not 1 <= number <= min(len(nb.cells), len(en_cells)):
            sys.exit(f"{korean.name} has no cell {number} that pairs with an English cell")
        en, ko = en_cells[number - 1], nb.cells[number - 1]
        ko.metadata[KEY] = {"source": en.get("id"), "fingerprint": fingerprint(en)}
    nbformat.write(nb, korean)


def start(english: Path) -> Path:
    """Copy an English lesson to notebooks/ko/, every cell marked as not translated yet."""
    korean = korean_path(english)
    if korean.exists():
        sys.exit(f"{korean.relative_to(ROOT)} exists already: use --stamp after editing it")
    nb = nbformat.read(english, as_version=4)
    for cell in nb.cells:
        cell.metadata[KEY] = {"source": cell.get("id"), "fingerprint": NOT_YET}
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    KOREAN.mkdir(exist_ok=True)
    nbformat.write(nb, korean)
    return korean


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python course.py translations")
    parser.add_argument("--stamp", nargs="+", metavar=("KOREAN_NOTEBOOK", "CELL"))
    parser.add_argument("--start", metavar="ENGLISH_NOTEBOOK")
    args = parser.parse_args(argv)
    if args.stamp:
        korean, *numbers = args.stamp
        if not numbers or not all(n.isdigit() for n in numbers):
            sys.exit("give the Korean notebook, then the cell numbers (1 = the first cell)")
        stamp(Path(korean).resolve(), [int(n) for n in numbers])
    if args.start:
        print(f"Started {start(Path(args.start).resolve()).relative_to(ROOT)}")
    found = every_problem()
    for line in found:
        print(line)
    print("The Korean lessons are up to date." if not found else f"{len(found)} to translate.")


if __name__ == "__main__":
    main(sys.argv[1:])
