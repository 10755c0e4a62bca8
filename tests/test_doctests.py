"""Every ``>>>`` example in the helpers' docstrings runs and prints what it shows.

The modules are found with ``pkgutil.walk_packages``, so a new module's examples
are checked without changing this file. Each docstring is its own test, named
after the module and the object it documents (e.g. ``helpers.data.make_xor``).
Plots draw with the Agg backend that conftest.py selects.
"""

import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

import helpers

MODULES = ["helpers"] + [
    module.name for module in pkgutil.walk_packages(helpers.__path__, prefix="helpers.")
]


def docstrings_with_examples() -> list[doctest.DocTest]:
    finder = doctest.DocTestFinder()
    return [
        test
        for name in MODULES
        for test in finder.find(importlib.import_module(name))
        if test.examples
    ]


def test_every_module_of_the_package_is_searched():
    root = Path(helpers.__file__).parent
    on_disk = {
        ".".join(("helpers", *path.relative_to(root).with_suffix("").parts)).removesuffix(
            ".__init__"
        )
        for path in root.rglob("*.py")
    }
    assert set(MODULES) == on_disk


@pytest.mark.parametrize("test", docstrings_with_examples(), ids=lambda test: test.name)
def test_docstring_examples_run(test):
    report: list[str] = []
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    result = runner.run(test, out=report.append)
    assert result.failed == 0, f"{test.name} (line {test.lineno} of {test.filename}):\n" + "".join(
        report
    )
