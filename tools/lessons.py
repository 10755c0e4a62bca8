"""Which notebooks are the course's lessons: the one list that the tools, tests and bench read.

A lesson is ``notebooks/NN_name.ipynb`` (NN, two digits, is its place in the
course); its Korean edition is ``notebooks/ko/NN_name.ipynb``. Only the standard
library is used here, so ``course.py`` can read the list before the course's
virtual environment exists.
"""

from __future__ import annotations

import json
import re
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


# A learner's hour (the course's design notes): reading at about 120 words a minute,
# half a minute per code cell, five minutes per exercise; no lesson over 45 minutes.
WORDS_PER_MINUTE = 120
MINUTES_PER_CODE_CELL = 0.5
MINUTES_PER_EXERCISE = 5
LONGEST_LESSON = 45
CHECK_TAG = "check"  # a check cell: asserts that keep a claim true, stored collapsed
EXERCISE = re.compile(r"\blesson\d\d\.(q\d+)\.check\(")


def estimated_minutes(path: Path) -> int:
    """How long the lesson at ``path`` takes a learner, rounded to the nearest 5 minutes.

    Its prose's words, its code cells (check cells aside: they are run, not read)
    and its exercises (each ``lessonNN.qK.check(...)`` call), at the rates above.
    """
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    words = code = 0
    exercises = set()
    for cell in cells:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            words += len(source.split())
        elif cell["cell_type"] == "code" and CHECK_TAG not in cell["metadata"].get("tags", []):
            code += 1
            exercises.update(EXERCISE.findall(source))
    minutes = (
        words / WORDS_PER_MINUTE
        + code * MINUTES_PER_CODE_CELL
        + len(exercises) * MINUTES_PER_EXERCISE
    )
    return 5 * round(minutes / 5)
