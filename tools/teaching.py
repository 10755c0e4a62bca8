"""What the course's website (tools/site.py) and lecture slides (tools/slides.py) share."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import helpers

ROOT = Path(__file__).resolve().parent.parent
#: The Hangul font the Korean pages and decks fall back on (SIL OFL, its licence beside it).
FONT = ROOT / "helpers" / "fonts" / "NanumGothic.ttf"
#: The picture of the lessons' "Open in Colab" badge: on Colab's server, so it is drawn locally.
COLAB_BADGE = "https://colab.research.google.com/assets/colab-badge.svg"
IMAGE_TYPES = ("image/png", "image/jpeg", "image/svg+xml", "image/gif")
DISPLAY_OUTPUTS = ("display_data", "execute_result")


def copy_font(folder: Path) -> None:
    """The Hangul font, ready for a browser, and its licence into ``folder``.

    Browsers refuse NanumGothic.ttf as it is (Chrome: "OTS parsing error: TSI3:
    zero-length table"); without the TSI tables, the source of its hinting,
    which nothing needs, they take it.
    """
    from fontTools.ttLib import TTFont

    folder.mkdir(parents=True, exist_ok=True)
    font = TTFont(FONT)
    for tag in [tag for tag in font.keys() if tag.startswith("TSI")]:
        del font[tag]
    font.save(folder / FONT.name)
    shutil.copy(FONT.parent / "OFL.txt", folder / "OFL.txt")


def show_streams_as_printed(notebook) -> None:
    """Printed text as a notebook shows it: what a carriage return or a backspace wrote over
    is gone (Keras' progress bar, verbose=1, redraws its line that way)."""
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.output_type == "stream":
                output.text = "\n".join(map(_as_printed, output.text.split("\n")))


def _as_printed(line: str) -> str:
    line = re.sub(r"^.*\r(?=.)", "", line)
    while "\b" in line:
        line = re.sub(r"^\x08+|[^\x08]\x08", "", line)
    return line


def github_url(path: str) -> str:
    """A repository file at the course's tag, for links to files that are not pages."""
    return f"{helpers.REPOSITORY}/blob/{helpers.COURSE_TAG}/{path}"


def display_outputs(cell) -> list:
    """A code cell's outputs that carry data (figures, tables, reprs), in order."""
    return [o for o in cell.get("outputs", []) if o.output_type in DISPLAY_OUTPUTS and o.data]


def image_alt(output, mime_type: str) -> str:
    """The alt text of an image output: ``output.metadata[mime_type]["alt"]``, or ``""``."""
    return str(output.get("metadata", {}).get(mime_type, {}).get("alt", ""))


def count_missing_alt(notebooks: list[Path]) -> tuple[int, int]:
    """How many image outputs the notebooks hold, and how many of them have no alt text."""
    import nbformat

    images = missing = 0
    for path in notebooks:
        for cell in nbformat.read(path, as_version=4).cells:
            for output in display_outputs(cell):
                found = [mime for mime in IMAGE_TYPES if mime in output.data]
                if found:
                    images += 1
                    missing += not any(image_alt(output, mime) for mime in found)
    return images, missing


def report_missing_alt(notebooks: list[Path]) -> None:
    images, missing = count_missing_alt(notebooks)
    print(
        f"Alt text: {missing} of the {images} figures have none yet"
        ' (an output gives it in its metadata: {"image/png": {"alt": "..."}}).',
        flush=True,
    )
