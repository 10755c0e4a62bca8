"""Answer keys: every lesson with each exercise's solution filled in, executed and checked.

    python course.py answers

writes ``build/answers/en/`` and ``build/answers/ko/`` (``build/`` is git-ignored:
the keys stay out of the learner's path and out of the repository). Each lesson
is copied with every exercise's starter cell filled in with the exercise's
solution (``Exercise.solution_code``; for the Korean edition ``solution_text``,
the same code with Korean comments), executed top to bottom on a clean kernel
by ``tools/notebooks.py``, and every ``qN.check(...)`` cell must print its
success ("✅", or "🔎" for a prediction that explains what happened).
``python course.py test`` runs it too, so a solution can never stop passing its
own check.

How the starter cell is found, with no metadata: an exercise ``lessonNN.qN``
is checked by the first code cell that calls ``lessonNN.qN.check(answer, ...)``;
its starter is the code cell just before that one. The starter must assign the
answer (the first name passed to check) at its top level, and hold a
placeholder: an assignment of names passed to check whose value contains
``None`` (``answer = None``, ``losses = {"spam": None, ...}``), or a comment
line (``# your code here: model_q2.compile(...)``, after a given start). Filling
it in drops the placeholder assignments and the comment lines, keeps any other
statement (the given start) and adds the solution after it. A lesson laid out
otherwise stops the tool with a message that names the lesson and the exercise.
"""

from __future__ import annotations

import ast
import importlib
import sys
from pathlib import Path

import nbformat
from nbclient.exceptions import CellExecutionError

ROOT = Path(__file__).resolve().parent.parent
if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))

from helpers.exercises import LESSON_MODULE, Exercise  # noqa: E402 - after the path is set
from helpers.i18n import get_language, set_language  # noqa: E402
from tools.lessons import ENGLISH, KOREAN, lessons  # noqa: E402
from tools.notebooks import refresh  # noqa: E402

OUTPUT = ROOT / "build" / "answers"
EDITIONS = {"en": ENGLISH, "ko": KOREAN}
SUCCESS = ("✅", "🔎")  # what a check prints for a right answer, or an explained prediction


class AnswerKeyError(Exception):
    """A lesson whose exercises the rule above cannot read, or a solution that fails."""


def _tree(source: str) -> ast.Module | None:
    try:
        return ast.parse(source)
    except SyntaxError:  # IPython magics: such a cell is neither a check nor a starter
        return None


def check_call(source: str) -> tuple[str, str, list[str]] | None:
    """``(lesson module, exercise, [names passed])`` of the ``lessonNN.qN.check(...)`` in a
    cell's code, or None; an argument that is not a plain name is given as ""."""
    tree = _tree(source)
    for node in ast.walk(tree) if tree else ():
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "check"
            and isinstance(node.func.value, ast.Attribute)
            and isinstance(node.func.value.value, ast.Name)
        ):
            names = [arg.id if isinstance(arg, ast.Name) else "" for arg in node.args]
            return node.func.value.value.id, node.func.value.attr, names
    return None


def _assigned(statement: ast.stmt) -> set[str]:
    """The names a top-level statement binds."""
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return {statement.name}
    targets = getattr(statement, "targets", None) or [getattr(statement, "target", None)]
    return {
        node.id for target in targets if target is not None
        for node in ast.walk(target) if isinstance(node, ast.Name)
    }  # fmt: skip


def _placeholder(statement: ast.stmt, names: list[str]) -> bool:
    """Whether a statement assigns names passed to check a value with None in it."""
    value = getattr(statement, "value", None)
    return (
        isinstance(statement, (ast.Assign, ast.AnnAssign))
        and bool(_assigned(statement))
        and _assigned(statement) <= set(names)
        and value is not None
        and any(isinstance(n, ast.Constant) and n.value is None for n in ast.walk(value))
    )


def _comment_lines(source: str) -> list[int]:
    return [n for n, line in enumerate(source.splitlines(), 1) if line.lstrip().startswith("#")]


def starter_cell(cells: list, lesson: str, module: str, exercise: str) -> tuple[int, list[str]]:
    """The index of ``module.exercise``'s starter cell in ``cells``, and the names passed to
    its check. Raises AnswerKeyError, naming ``lesson`` and the exercise, if the layout differs."""
    where = f"{lesson}, exercise {module}.{exercise}"
    checks = [
        (index, found[2]) for index, cell in enumerate(cells)
        if cell.cell_type == "code" and (found := check_call(cell.source))
        and found[:2] == (module, exercise)
    ]  # fmt: skip
    if not checks:
        raise AnswerKeyError(f"{where}: no code cell calls {module}.{exercise}.check(...)")
    check_index, names = checks[0]
    if not names or not names[0]:
        raise AnswerKeyError(
            f"{where}: the check in cell {check_index + 1} passes no name first; the rule "
            "needs check(answer, ...) with the answer's variable name"
        )
    before = [i for i in range(check_index) if cells[i].cell_type == "code"]
    index = before[-1] if before else None
    tree = _tree(cells[index].source) if index is not None else None
    if tree is None or names[0] not in set().union(*map(_assigned, tree.body)):
        raise AnswerKeyError(
            f"{where}: the code cell before the check (cell {check_index + 1}) should be the "
            f"starter, which assigns {names[0]} (such as {names[0]} = None); it does not"
        )
    source = cells[index].source
    if not any(_placeholder(s, names) for s in tree.body) and not _comment_lines(source):
        raise AnswerKeyError(
            f"{where}: the starter (cell {index + 1}) has no placeholder to replace: neither "
            f"{names[0]} = None (or a value with None in it) nor a '# your code here' line"
        )
    return index, names


def filled(source: str, names: list[str], solution: str) -> str:
    """A starter cell's code with its placeholders replaced by ``solution``."""
    tree = ast.parse(source)
    dropped = set(_comment_lines(source))
    for statement in tree.body:
        if _placeholder(statement, names):
            dropped.update(range(statement.lineno, statement.end_lineno + 1))
    kept = [line for n, line in enumerate(source.splitlines(), 1) if n not in dropped]
    return "\n".join([*(line for line in kept if line.strip()), solution])


def exercises(lesson: Path) -> dict[str, Exercise]:
    """The exercises of a lesson (``05_fit.ipynb``: helpers.exercises.lesson05), by name."""
    try:
        module = importlib.import_module(LESSON_MODULE + lesson.name[:2])
    except ModuleNotFoundError:
        return {}
    return {name: value for name, value in vars(module).items() if isinstance(value, Exercise)}


def _name(lesson: Path) -> str:
    return lesson.relative_to(ROOT).as_posix() if lesson.is_relative_to(ROOT) else str(lesson)


def key(lesson: Path, language: str) -> nbformat.NotebookNode:
    """The lesson with every exercise's solution in place of its starter (not executed)."""
    nb = nbformat.read(lesson, as_version=4)
    module = LESSON_MODULE.rsplit(".", 1)[1] + lesson.name[:2]  # lesson05, as the cells call it
    was = get_language()
    set_language(language)  # solution_text: the comments in the edition's language
    try:
        for name, exercise in exercises(lesson).items():
            index, names = starter_cell(nb.cells, _name(lesson), module, name)
            solution = exercise.solution_code if language == "en" else exercise.solution_text
            nb.cells[index].source = filled(nb.cells[index].source, names, solution)
    finally:
        set_language(was)
    return nb


def failed_checks(nb: nbformat.NotebookNode, lesson: str) -> list[str]:
    """Each check cell of an executed key whose output is not a success, as a message."""
    found = []
    for number, cell in enumerate(nb.cells, 1):
        call = check_call(cell.source) if cell.cell_type == "code" else None
        if call is None:
            continue
        printed = "".join(o.get("text", "") for o in cell.get("outputs", [])
                          if o.output_type == "stream" and o.name == "stdout")  # fmt: skip
        if not printed.startswith(SUCCESS):
            said = printed.strip() or "(it printed nothing)"
            found.append(f"{lesson}, exercise {call[0]}.{call[1]} (cell {number}): {said}")
    return found


def write_keys(language: str, output: Path = OUTPUT) -> list[Path]:
    """Write, execute and check the answer keys of one edition; return their paths."""
    folder = output / language
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for lesson in lessons(EDITIONS[language]):
        path = folder / lesson.name
        nbformat.write(key(lesson, language), path)
        print(f"Answer key {language}/{lesson.name} ...", flush=True)
        try:
            refresh(path)  # clean kernel, as `python course.py refresh`
        except CellExecutionError as error:
            failed = f"{_name(lesson)}: a cell of its answer key failed:\n{error}"
            raise AnswerKeyError(failed) from None
        failures = failed_checks(nbformat.read(path, as_version=4), _name(lesson))
        if failures:
            raise AnswerKeyError("a solution does not pass its own check:\n" + "\n".join(failures))
        written.append(path)
    return written


def main(argv: list[str]) -> None:
    languages = argv or list(EDITIONS)
    unknown = [language for language in languages if language not in EDITIONS]
    if unknown:
        sys.exit(f"usage: tools/answers.py [en] [ko]; not an edition: {' '.join(unknown)}")
    try:
        for language in languages:
            paths = write_keys(language)
            print(f"{len(paths)} answer keys in {paths[0].parent.relative_to(ROOT)}/, every "
                  "check passed.", flush=True)  # fmt: skip
    except AnswerKeyError as error:
        sys.exit(f"Answer keys: {error}")


if __name__ == "__main__":
    main(sys.argv[1:])
