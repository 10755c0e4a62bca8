"""What may import what in helpers/: the layering CONTRIBUTING.md describes, as a contract.

The contract is checked on the source, from the syntax tree of every module:

- LAYERS: the course modules each one may import, at the top or inside a function
  (a lazy import is still a dependency, and would close a cycle just the same);
- KERAS_AT_IMPORT: the only modules that load Keras (or TensorFlow) when imported,
  counting what they import from helpers/ at import time too;
- no module loads both Keras and ipywidgets when imported.

Why not import-linter: its contracts see every import alike, but half of these rules
are about import time. data, environment, plots, training and the exercises import
Keras inside a function, when a learner asks for a model, and must not at the top of
the module (that is what keeps the offline loaders and ``import helpers.playground``
free of TensorFlow). A contract that forbade keras there would fail on today's code;
one that ignored those imports would miss a new top-level one. So this test reads the
syntax trees itself, in a few dozen lines.
"""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "helpers"

# Which course modules each one may import. A package (plots, exercises) counts as
# one module: its own files import each other freely. "helpers" is helpers/__init__.py.
FOUNDATION = {"checks", "i18n"}
LAYERS: dict[str, set[str] | None] = {
    "helpers": set(),
    # i18n imports nothing of the course. (Before issue 18's checks refactor, set_language
    # imported helpers.checks inside the function: the contract fails on that cycle.)
    "i18n": set(),
    "checks": {"i18n"},
    "datafiles": FOUNDATION,
    "splits": FOUNDATION,
    "history": FOUNDATION,
    "feedback": FOUNDATION,
    "environment": FOUNDATION,
    "progress": FOUNDATION,  # the learner's record; the exercises note into it
    "data": FOUNDATION | {"datafiles", "splits"},
    "curves": FOUNDATION | {"history"},
    "plots": FOUNDATION | {"history"},
    "live": FOUNDATION | {"history", "curves"},
    "run_settings": FOUNDATION | {"data"},
    "training": FOUNDATION | {"data", "run_settings"},
    # live only inside the function that starts a run: it subclasses a Keras class.
    "playground": FOUNDATION | {"training", "curves", "run_settings", "history", "data", "live"},
    "exercises": None,  # the exercises may use any module
}
KERAS = {"keras", "tensorflow"}
WIDGETS = {"ipywidgets"}
KERAS_AT_IMPORT = {"live"}  # a Keras callback: the one module that loads Keras when imported


def module_name(path: Path, package: Path) -> str:
    """helpers/plots/network.py -> "plots"; helpers/checks.py -> "checks"; the package's own
    __init__.py -> "helpers"."""
    parts = path.relative_to(package).with_suffix("").parts
    return "helpers" if parts == ("__init__",) else parts[0]


def imported(node: ast.Import | ast.ImportFrom) -> list[str]:
    """What an import statement names: "helpers.x" becomes "x", "keras.layers" "keras"."""
    if isinstance(node, ast.ImportFrom):
        if node.module == "helpers":  # from helpers import data, training
            return [alias.name for alias in node.names]
        names = [node.module or ""]
    else:
        names = [alias.name for alias in node.names]
    return [name.split(".")[1] if name.startswith("helpers.") else name.split(".")[0]
            for name in names]  # fmt: skip


def imports(tree: ast.Module) -> tuple[set[str], set[str]]:
    """(imported anywhere, imported when the module is imported). Imports inside a
    function run later; those under ``if TYPE_CHECKING:`` never run."""
    anywhere: set[str] = set()
    at_import: set[str] = set()

    def visit(node: ast.AST, top: bool) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            return
        if isinstance(node, ast.Import | ast.ImportFrom):
            anywhere.update(imported(node))
            if top:
                at_import.update(imported(node))
        inside = isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
        for child in ast.iter_child_nodes(node):
            visit(child, top and not inside)

    visit(tree, True)
    return anywhere, at_import


def broken_rules(package: Path = PACKAGE) -> list[str]:
    """Every way the modules under ``package`` break the contract, one line each."""
    anywhere: dict[str, set[str]] = {}
    at_import: dict[str, set[str]] = {}
    for path in sorted(package.rglob("*.py")):
        name = module_name(path, package)
        found, loaded = imports(ast.parse(path.read_text(encoding="utf-8")))
        anywhere.setdefault(name, set()).update(found - {name})
        at_import.setdefault(name, set()).update(loaded - {name})
    broken = [f"helpers/{name}: not in the contract (tests/test_layers.py LAYERS)"
              for name in sorted(set(anywhere) - set(LAYERS))]  # fmt: skip
    for name, found in sorted(anywhere.items()):
        allowed = LAYERS.get(name)
        if allowed is not None:
            broken += [f"helpers.{name} imports helpers.{other}, which it may not"
                       for other in sorted(found & set(LAYERS) - allowed)]  # fmt: skip

    def loads(name: str, seen: frozenset = frozenset()) -> set[str]:
        """Everything importing ``name`` loads, through the course modules it imports."""
        direct = at_import.get(name, set())
        inner = direct & set(LAYERS) - seen - {name}
        return direct.union(*(loads(other, seen | {name}) for other in inner))

    for name in sorted(at_import):
        loaded = loads(name)
        if loaded & KERAS and name not in KERAS_AT_IMPORT:
            broken.append(f"importing helpers.{name} loads Keras: import it inside a function")
        if loaded & KERAS and loaded & WIDGETS:
            broken.append(f"importing helpers.{name} loads both Keras and ipywidgets")
    return broken


def test_the_helpers_keep_the_import_contract():
    broken = broken_rules()
    assert not broken, "\n".join(broken) + "\nsee 'What may import what' in CONTRIBUTING.md"


def test_the_contract_itself_has_no_cycle():
    def below(name: str, path: tuple[str, ...] = ()) -> None:
        assert name not in path, f"the contract has a cycle: {' -> '.join((*path, name))}"
        for other in LAYERS[name] or ():
            below(other, (*path, name))

    for name in LAYERS:
        below(name)


def planted(tmp_path: Path, module: str, line: str) -> Path:
    """A copy of helpers/ with ``line`` added at the top of ``module`` (a module or a package)."""
    copy = tmp_path / "helpers"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("locale", "fonts", "__pycache__"))
    path = copy / f"{module}.py"
    if not path.exists():
        path = copy / module / "__init__.py"
    path.write_text(line + "\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    return copy


def test_an_upward_import_is_named(tmp_path):
    assert broken_rules(planted(tmp_path, "checks", "from helpers import playground")) == [
        "helpers.checks imports helpers.playground, which it may not",
        # and what follows: every module now loads ipywidgets, live with its Keras
        "importing helpers.live loads both Keras and ipywidgets",
    ]


def test_an_upward_import_inside_a_function_is_named_too(tmp_path):
    lazy = "def _later():\n    from helpers.plots.network import plot_network"
    assert broken_rules(planted(tmp_path, "history", lazy)) == [
        "helpers.history imports helpers.plots, which it may not"
    ]


def test_keras_at_import_time_is_named_with_every_module_that_then_loads_it(tmp_path):
    assert broken_rules(planted(tmp_path, "history", "import keras")) == [
        "importing helpers.curves loads Keras: import it inside a function",
        "importing helpers.history loads Keras: import it inside a function",
        "importing helpers.playground loads Keras: import it inside a function",
        "importing helpers.playground loads both Keras and ipywidgets",
        "importing helpers.plots loads Keras: import it inside a function",
    ]


def test_a_new_module_must_join_the_contract(tmp_path):
    copy = planted(tmp_path, "checks", "")
    (copy / "extra.py").write_text("from helpers import checks\n", encoding="utf-8")
    assert broken_rules(copy) == [
        "helpers/extra: not in the contract (tests/test_layers.py LAYERS)"
    ]
