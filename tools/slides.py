"""Lecture slides from the stored notebooks: one reveal.js deck per lesson, both languages.

    python course.py slides                              # every lesson, into build/slides/
    python course.py slides notebooks/ko/05_fit.ipynb    # one deck
    python -m tools.slides --out FOLDER [NOTEBOOK ...]   # the same, into FOLDER

Nothing is executed: a deck shows the outputs stored in the notebook. The slides
follow from the lesson's structure, so a new lesson gets its deck for free:

- the title cell is the first slide;
- each ``##`` heading starts a slide, each ``###`` heading a sub-slide;
- a slide shows the first sentence of the prose that leads to its code, the
  lists and tables, and the code with its stored output; the rest of the prose
  is the speaker notes (press S);
- every further code cell of a section continues on a sub-slide of its own;
  a figure fills the slide under the code that drew it when that code is short
  (at most SHORT_CODE lines) and printed nothing, else a sub-slide of its own;
  each sub-slide repeats its section's heading;
- check cells (tagged "check", or with their source collapsed) and the Colab
  set-up cell are left out.

The decks open from the file system with no network: reveal.js (from the
sphinx-revealjs package, with its licence) and the Hangul font are copied
beside them, and no script or style sheet comes from a CDN.
"""

from __future__ import annotations

import argparse
import posixpath
import re
import shutil
import sys
from importlib import resources
from pathlib import Path

from tools.lessons import every_lesson
from tools.teaching import (
    COLAB_BADGE,
    IMAGE_TYPES,
    ROOT,
    copy_font,
    github_url,
    report_missing_alt,
    show_streams_as_printed,
)

TEMPLATES = ROOT / "site"  # the deck template is site/deck/
REVEAL = "reveal.js"  # the folder beside the decks
# What a deck needs of reveal.js's distribution: the presentation, the white theme
# and its font, the speaker-notes plugin, and the licence.
REVEAL_FILES = (
    "LICENSE",
    "dist/reveal.css",
    "dist/reveal.js",
    "dist/theme/white.css",
    "dist/theme/fonts/source-sans-pro",
    "plugin/notes/notes.js",
)
CHECK_TAG = "check"
SHORT_CODE = 3  # lines of code that leave a figure below them room on the slide
# A figure on its own sub-slide: no code above it (nbconvert leaves the source out),
# and a tag that gives it the whole slide (site/deck/deck.css).
FIGURE_ALONE = {"transient": {"remove_source": True}, "tags": ["figure-alone"]}
FIRST_SENTENCE = re.compile(r"(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\betc\.)(?<=[.!?])\s+")


def language(notebook: Path) -> str:
    return "ko" if notebook.parent.name == "ko" else "en"


def deck_name(notebook: Path) -> str:
    return f"{language(notebook)}/{notebook.stem}.slides.html"


# Which cell goes where ------------------------------------------------------------


def is_left_out(cell) -> bool:
    """A check cell (tag "check", or its source collapsed), or the Colab set-up cell."""
    collapsed = cell.metadata.get("jupyter", {}).get("source_hidden", False)
    colab = cell.cell_type == "code" and "google.colab" in cell.source
    return collapsed or colab or CHECK_TAG in cell.metadata.get("tags", [])


def blocks(markdown: str) -> list[tuple[str, str]]:
    """A markdown cell's top-level blocks, in order: (kind, text); kind is "h1".."h6",
    "paragraph", or "block" (a list, a table, a quote, a fence: shown as it is)."""
    from markdown_it import MarkdownIt

    lines = markdown.splitlines()
    found = []
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        if token.level == 0 and token.map and token.nesting >= 0:
            kinds = {"heading_open": token.tag, "paragraph_open": "paragraph"}
            kind = kinds.get(token.type, "block")
            found.append((kind, "\n".join(lines[token.map[0] : token.map[1]]).strip()))
    return found


def lead(paragraph: str) -> tuple[str, str]:
    """A paragraph's first sentence, and the rest."""
    first, *rest = FIRST_SENTENCE.split(paragraph.strip(), maxsplit=1)
    return first, "".join(rest)


class Deck:
    """The cells of a deck, each with its slide type, built piece by piece."""

    def __init__(self, nbformat):
        self.nbformat, self.cells = nbformat, []
        self.heading = ""  # the current section's heading, repeated on its sub-slides
        self.code_shown = False  # whether the current (sub-)slide already has code

    def markdown(self, text: str, slide_type: str = "-") -> None:
        """A markdown cell; one that starts a (sub-)slide is kept even when empty."""
        if text.strip() or slide_type in ("slide", "subslide"):
            cell = self.nbformat.v4.new_markdown_cell(text)
            cell.metadata.slideshow = {"slide_type": slide_type}
            self.cells.append(cell)

    def code(self, cell, slide_type: str = "-") -> None:
        cell = self.nbformat.from_dict(cell)
        cell.id = f"{cell.id}-{len(self.cells)}"  # a code cell may be shown twice: code, figure
        cell.metadata.slideshow = {"slide_type": slide_type}
        self.cells.append(cell)
        self.code_shown = True

    def section(self, heading: str, slide_type: str) -> None:
        self.heading, self.code_shown = heading, False
        self.markdown(heading, slide_type)

    def continue_section(self) -> None:
        """A sub-slide for more of the section, under its heading again."""
        self.markdown(self.heading, "subslide")
        self.code_shown = False

    def prose(self, pieces: list[tuple[str, str]], *, shown: bool) -> None:
        """Prose before code (shown: its first sentence, lists, tables) or after it (notes)."""
        notes, first = [], shown
        for kind, text in pieces:
            if kind == "paragraph" and first:
                sentence, rest = lead(text)
                self.markdown(sentence)
                notes.append(rest)
                first = False
            elif kind == "paragraph" or not shown:
                notes.append(text)
            else:
                self.markdown(text)
        self.markdown("\n\n".join(note for note in notes if note), "notes")


def slide_cells(notebook, nbformat) -> list:
    """The lesson's cells laid out as a deck (see the module's docstring)."""
    deck, pending = Deck(nbformat), []
    cells = [cell for cell in notebook.cells if not is_left_out(cell)]
    title, *cells = cells
    deck.markdown(title.source, "slide")
    for cell in cells:
        if cell.cell_type == "markdown":
            for kind, text in blocks(cell.source):
                if kind in ("h2", "h3"):
                    deck.prose(pending, shown=not deck.code_shown)
                    pending = []
                    deck.section(text, "slide" if kind == "h2" else "subslide")
                else:
                    pending.append((kind, text))
            continue
        if cell.cell_type != "code":
            continue
        if deck.code_shown:
            deck.continue_section()
        deck.prose(pending, shown=True)
        pending = []
        figures = [o for o in cell.outputs if set(o.get("data", {})) & set(IMAGE_TYPES)]
        printed = [o for o in cell.outputs if o not in figures]
        short = len(cell.source.splitlines()) <= SHORT_CODE
        if printed or not figures or not short:  # the figures follow on their own
            deck.code({**cell, "outputs": printed})
        else:  # the short code that drew the figure stays above it
            deck.code({**cell, "outputs": figures[:1]})
            figures = figures[1:]
        for figure in figures:
            deck.continue_section()
            deck.code({**cell, "outputs": [figure], "metadata": FIGURE_ALONE})
    deck.prose(pending, shown=not deck.code_shown)
    return deck.cells


# Links and badges -----------------------------------------------------------------

BADGE = re.compile(r"\[!\[([^\]]*)\]\(" + re.escape(COLAB_BADGE) + r"\)\]\(([^)\s]+)\)")
LINK = re.compile(r"\]\((?![a-z]+:|#)([^)\s]+)\)")


def local_links(markdown: str, notebook: Path) -> str:
    """Links that work from the deck: lessons to their decks, other files to the repository,
    and the Colab badge drawn by the deck's style instead of fetched from Colab's server."""
    markdown = BADGE.sub(r'<a class="colab-badge" href="\2">\1</a>', markdown)
    here = deck_name(notebook)
    repository = notebook.parents[2 if language(notebook) == "ko" else 1]

    def target(match: re.Match) -> str:
        path, _, anchor = match.group(1).partition("#")
        file = (notebook.parent / path).resolve()
        if file.suffix == ".ipynb":
            url = posixpath.relpath(deck_name(file), posixpath.dirname(here))
        else:
            url = github_url(file.relative_to(repository).as_posix())
        return f"]({url}{'#' + anchor if anchor else ''})"

    return LINK.sub(target, markdown)


# The build ------------------------------------------------------------------------


def export(notebook: Path, out: Path) -> Path:
    """Write ``notebook``'s deck into ``out`` (which holds reveal.js); return its path."""
    import nbformat
    from nbconvert import SlidesExporter

    nb = nbformat.read(notebook, as_version=4)
    show_streams_as_printed(nb)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = local_links(cell.source, notebook)
    nb.cells = slide_cells(nb, nbformat)
    nb.metadata.title = nb.cells[0].source.splitlines()[0].lstrip("# ")
    exporter = SlidesExporter(
        extra_template_basedirs=[str(TEMPLATES)],
        template_name="deck",
        reveal_url_prefix=f"../{REVEAL}",
        language_code=language(notebook),
        reveal_theme="white",
    )
    html, _ = exporter.from_notebook_node(nb)
    deck = out / deck_name(notebook)
    deck.parent.mkdir(parents=True, exist_ok=True)
    deck.write_text(html, encoding="utf-8")
    return deck


def copy_assets(out: Path) -> None:
    """reveal.js's files a deck uses (with its licence), and the Hangul font (with its own)."""
    reveal = resources.files("sphinx_revealjs") / "_static" / "revealjs"
    for name in REVEAL_FILES:
        source, target = Path(str(reveal / name)), out / REVEAL / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True)
        else:
            shutil.copy(source, target)
    copy_font(out / "fonts")


def build(out: Path, notebooks: list[Path]) -> list[Path]:
    """The decks of ``notebooks`` in ``out``/en and ``out``/ko, reveal.js beside them."""
    copy_assets(out)
    decks = [export(notebook, out) for notebook in notebooks]
    report_missing_alt(notebooks)
    return decks


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "slides", help="%(default)s")
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: every lesson")
    args = parser.parse_args(argv)
    notebooks = [path.resolve() for path in args.notebooks] or every_lesson()
    for deck in build(args.out.resolve(), notebooks):
        print(deck)
    print("Open a deck in a browser; press S for the speaker notes, F for full screen.")


if __name__ == "__main__":
    main(sys.argv[1:])
