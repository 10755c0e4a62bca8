"""Which notebooks are the course's lessons: the one list that the tools, tests and bench read.

A lesson is ``notebooks/NN_name.ipynb`` (NN, two digits, is its place in the
course); its Korean edition is ``notebooks/ko/NN_name.ipynb``. Only the standard
library is used here, so ``course.py`` can read the list before the course's
virtual environment exists.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENGLISH = ROOT / "notebooks"
KOREAN = ENGLISH / "ko"
EDITIONS = (ENGLISH, KOREAN)
PATTERN = "[0-9][0-9]_*.ipynb"  # tests/test_notebooks.py checks that every notebook matches


def lessons(edition: Path = ENGLISH) -> list[Path]:
    """The lessons in ``edition`` (``ENGLISH`` or ``KOREAN``, or a copy's folder), in order."""
    return sorted(edition.glob(PATTERN))


def every_lesson() -> list[Path]:
    """Both editions: the English lessons in order, then the Korean ones."""
    return [path for edition in EDITIONS for path in lessons(edition)]
