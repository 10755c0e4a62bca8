"""What a Korean lesson's own code prints or draws is Korean.

A string literal of a Korean lesson's code cell is **shown** when it is

- a positional argument of ``print(...)``, or of a plot call that writes text
  (``set_title``, ``set_xlabel``, ``set_ylabel``, ``suptitle``, ``title``, ``xlabel``,
  ``ylabel``, ``text``, ``annotate``, ``legend``), or the value of a ``label=``, ``title=``,
  ``xlabel=`` or ``ylabel=`` keyword of any call (the course's plot helpers included);
- the message of an ``assert`` (a check cell's, shown when the claim fails);
- or part of a shown f-string (its text, and a literal it formats: ``f"{'bias':13}"``),
  of a shown ``+``/``%`` expression, tuple or list, conditional expression, or
  ``"...".format(...)``.

A shown literal that contains an English word (three letters or more) must contain Hangul,
unless each such word is a name the learner meets as code or a unit: a word of ``ALLOWED``
(units, acronyms, the names of optimizers and activations), or a name the cell's own code
uses as an attribute, a keyword argument or a string that is not shown (``history.params``,
``units=`` read with ``config["units"]``, the key ``"val_loss"``). A finding names the
lesson, the cell (numbered from 1, as ``python course.py translations --stamp`` counts them)
and the string.

What it cannot see: text built elsewhere and only passed through a variable (a helper's
messages and figures, which the catalog translates; the dataset's feature and class names;
a label in a list defined in another cell), text a shown literal names through a variable
(``print(name)``), and Keras' own output (``model.summary()``, the training log).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat
import pytest

from tools.lessons import KOREAN, lessons
from tools.translations import HANGUL, _python

LESSONS = lessons(KOREAN)
WRITES_TEXT = {"print", "set_title", "set_xlabel", "set_ylabel", "suptitle", "title", "xlabel",
               "ylabel", "text", "annotate", "legend"}  # fmt: skip
TEXT_KEYWORDS = {"label", "title", "xlabel", "ylabel"}
WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# Units, acronyms and names the learner types as code, English in the Korean books too.
ALLOWED = {"MPG", "MSE", "MAE", "XOR", "SGD", "Adam", "RMSprop", "Nadam", "relu", "sigmoid",
           "tanh", "softmax"}  # fmt: skip


def _name(call: ast.Call) -> str:
    return call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", "")


def _shown(node: ast.AST):
    """The literals (str constants and f-strings) that ``node``, in a shown place, shows."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node
    elif isinstance(node, ast.JoinedStr):
        yield node
        for value in node.values:
            if isinstance(value, ast.FormattedValue):
                yield from _shown(value.value)
    elif isinstance(node, ast.BinOp):
        yield from _shown(node.left)
        yield from _shown(node.right)
    elif isinstance(node, (ast.Tuple, ast.List)):
        for element in node.elts:
            yield from _shown(element)
    elif isinstance(node, ast.IfExp):
        yield from _shown(node.body)
        yield from _shown(node.orelse)
    elif isinstance(node, ast.Call) and _name(node) == "format":
        yield from _shown(node.func.value)


def shown_literals(tree: ast.AST) -> list[ast.AST]:
    """Every literal that the code in ``tree`` prints, writes on a figure or fails with."""
    found = []
    for check in (node for node in ast.walk(tree) if isinstance(node, ast.Assert) and node.msg):
        found += _shown(check.msg)
    for call in (node for node in ast.walk(tree) if isinstance(node, ast.Call)):
        shown = call.args if _name(call) in WRITES_TEXT else []
        shown += [k.value for k in call.keywords if k.arg in TEXT_KEYWORDS]
        for node in shown:
            found += _shown(node)
    return found


def text(literal: ast.AST) -> str:
    """A literal's text; an f-string's, with ``{}`` where it formats a value."""
    if isinstance(literal, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in literal.values)
    return literal.value


def code_names(tree: ast.AST, shown: list[ast.AST]) -> set[str]:
    """The attributes, keyword arguments and unshown strings the code in ``tree`` uses."""
    skip = {id(node) for node in shown}
    skip |= {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            names.add(node.attr)
        elif isinstance(node, ast.keyword) and node.arg:
            names.add(node.arg)
        elif (
            isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
        ):
            names.update(WORD.findall(node.value))
    return names


def untranslated(source: str) -> list[str]:
    """The shown literals of a code cell that are English: an English word and no Hangul."""
    tree = ast.parse(_python(source))
    shown = shown_literals(tree)
    known = ALLOWED | code_names(tree, shown)
    return [
        text(literal)
        for literal in shown
        if not HANGUL.search(text(literal))
        and any(
            re.search("[A-Za-z]{3}", word) and word not in known
            for word in WORD.findall(text(literal))
        )
    ]


def findings(path: Path) -> dict[tuple[str, int], str]:
    """(lesson, cell number) -> its untranslated strings, for each such code cell."""
    cells = nbformat.read(path, as_version=4).cells
    found = {}
    for number, cell in enumerate(cells, start=1):
        if cell.cell_type == "code" and (texts := untranslated(cell.source)):
            found[(path.name, number)] = " | ".join(texts)
    return found


@pytest.mark.parametrize("korean", LESSONS, ids=[path.name for path in LESSONS])
def test_what_a_korean_lesson_shows_is_korean(korean):
    wrong = findings(korean)
    assert not wrong, "\n".join(
        f"notebooks/ko/{lesson} cell {number} shows English: {text!r}"
        for (lesson, number), text in wrong.items()
    )


def test_a_planted_untranslated_print_is_named(tmp_path):
    nb = nbformat.read(LESSONS[-1], as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell('acc = 0.9\nprint(f"Test accuracy: {acc:.2f}")'))
    planted = tmp_path / LESSONS[-1].name
    nbformat.write(nb, planted)
    assert findings(planted) == {
        **findings(LESSONS[-1]),
        (planted.name, len(nb.cells)): "Test accuracy: {}",
    }


def test_titles_labels_formatted_literals_and_assert_messages_are_shown():
    cell = (
        'ax.set_title("Learning curves")\nax.plot(loss, label="training")\n'
        'print(f"{\'bias\':6} {b:.2f}")\nassert b > 0, "the bias is positive"\n'
    )
    found = {"Learning curves", "training", "bias", "the bias is positive"}
    assert set(untranslated(cell)) == found
    assert set(untranslated(cell.replace("Learning curves", "학습 곡선"))) == found - {
        "Learning curves"
    }


def test_code_names_units_and_unshown_strings_pass():
    cell = (
        'print("params:", history.params)\n'
        'print(f"{h[\'val_loss\']:.3f} MPG", "val_loss")\n'
        'print("sigmoid", "relu", "XOR:")\n'
        "print(config['units'], 'units')\n"
        'model.compile(loss="binary_crossentropy")\n'
    )
    assert untranslated(cell) == []
