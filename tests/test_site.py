"""The course website and the lecture decks, built from a copy of the repository.

Builds what ``python course.py site`` and ``python course.py slides`` build (the
whole site, both languages, and every lesson's deck: about 30 s on 2 cores) into
a temporary folder, from a copy of the repository in which one figure has alt
text and one cell is a check cell, and reads the result as a browser would find
it. Deselect with ``-m "not teach"``.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
import pytest

from tools import site, slides
from tools.lessons import KOREAN, every_lesson, lessons
from tools.teaching import IMAGE_TYPES, show_streams_as_printed

pytestmark = pytest.mark.teach

ROOT = Path(__file__).resolve().parent.parent
ALT = "Loss curves of three batch sizes"
CHECK = "print('a check cell the slides leave out')"
LESSON = "03_fit.ipynb"  # the lesson whose copy carries the alt text and the check cell


class Page(HTMLParser):
    """What a page asks of the network and of the site: its links, scripts, styles, images."""

    def __init__(self, path: Path):
        super().__init__()
        self.path, self.urls, self.ids, self.text, self.lang = path, [], set(), [], None
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name) is not None:
                self.urls.append((tag, name, attrs[name], attrs))

    def handle_data(self, data):
        self.text.append(data)

    def loads(self) -> list[str]:
        """The addresses of the page's scripts and style sheets."""
        return [url for tag, name, url, _ in self.urls if (tag, name) in LOADS]

    def links(self, text: str) -> list[str]:
        found = [(url, attrs.get("class", "")) for tag, _, url, attrs in self.urls if tag == "a"]
        return [url for url, classes in found if text in classes]


LOADS = {("script", "src"), ("link", "href"), ("img", "src")}


def is_remote(url: str) -> bool:
    return bool(urlsplit(url).scheme in ("http", "https") or url.startswith("//"))


def words(page: Page) -> str:
    return " ".join(html.unescape(" ".join(page.text)).split())


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> Path:
    """The repository's pages and notebooks, with an alt text and a check cell added to 03."""
    copy = tmp_path_factory.mktemp("repository") / "course"
    ignored = shutil.ignore_patterns(".*", "build", "__pycache__", "*.egg-info", "screenshots")
    shutil.copytree(ROOT, copy, ignore=ignored)
    for edition in ("notebooks", "notebooks/ko"):
        path = copy / edition / LESSON
        notebook = nbformat.read(path, as_version=4)
        figure = next(
            output
            for cell in notebook.cells
            for output in cell.get("outputs", [])
            if "image/png" in output.get("data", {})
        )
        figure.metadata["image/png"] = {"alt": ALT}
        check = nbformat.v4.new_code_cell(CHECK, metadata={"tags": [slides.CHECK_TAG]})
        notebook.cells.insert(len(notebook.cells) - 1, check)
        nbformat.write(notebook, path)
    return copy


@pytest.fixture(scope="module")
def built(source, tmp_path_factory) -> Path:
    return site.build(tmp_path_factory.mktemp("site"), source=source)


@pytest.fixture(scope="module")
def decks(source, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("slides")
    slides.build(out, [*lessons(source / "notebooks"), *lessons(source / "notebooks" / "ko")])
    return out


def lesson_page(built: Path, lesson: Path) -> Path:
    language = "ko" if lesson.parent == KOREAN else "en"
    return built / language / lesson.relative_to(ROOT).with_suffix(".html")


def pages(built: Path) -> list[Path]:
    return sorted(path for path in built.rglob("*.html") if "_static" not in path.parts)


def stored_number(lesson: Path) -> str:
    """The last decimal number the lesson printed (as its page shows printed text)."""
    notebook = nbformat.read(lesson, as_version=4)
    show_streams_as_printed(notebook)
    printed = "".join(
        output.text
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if output.output_type == "stream"
    )
    return re.findall(r"\d+\.\d+", re.sub(r"\x1b\[[0-9;]*m", "", printed))[-1]


@pytest.mark.parametrize("lesson", every_lesson(), ids=lambda path: path.parent.name + path.stem)
def test_every_lesson_has_its_page_with_its_stored_output_its_twin_badge_and_download(
    built, source, lesson
):
    page = Page(lesson_page(built, lesson))
    language = "ko" if lesson.parent == KOREAN else "en"
    assert page.lang == language
    assert stored_number(lesson) in words(page), "a number the lesson printed is not on its page"
    twin = ROOT / "notebooks" / lesson.name if language == "ko" else KOREAN / lesson.name
    (twin_link,) = page.links("course-twin")
    assert (page.path.parent / twin_link).resolve() == lesson_page(built, twin).resolve()
    (download,) = page.links("course-download")
    notebook = source / lesson.relative_to(ROOT)
    assert (page.path.parent / download).read_bytes() == notebook.read_bytes()
    colab = [url for tag, _, url, _ in page.urls if "colab.research.google.com/github/" in url]
    assert colab and all(url.endswith(lesson.relative_to(ROOT).as_posix()) for url in colab)


def test_no_page_loads_anything_from_the_network(built):
    remote = {
        path.relative_to(built).as_posix(): [url for url in Page(path).loads() if is_remote(url)]
        for path in pages(built)
    }
    assert not {page: urls for page, urls in remote.items() if urls}
    styles = list(built.rglob("*.css"))
    assert styles
    for style in styles:
        imported = re.findall(r"(?:url\(|@import\s+)[\"']?(https?:|//)", style.read_text("utf-8"))
        assert not imported, f"{style} loads from the network"


def test_no_internal_link_is_broken(built):
    found = {path: Page(path) for path in pages(built)}
    assert len(found) > 2 * len(lessons())
    broken = []
    for path, page in found.items():
        for tag, _, url, _ in page.urls:
            parts = urlsplit(url)
            if parts.scheme or url.startswith("//") or url.startswith(("mailto:", "javascript:")):
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if not target.exists():
                broken.append(f"{path.relative_to(built)}: <{tag}> {url}")
            elif parts.fragment and target.suffix == ".html":
                ids = found[target].ids if target in found else Page(target).ids
                if parts.fragment not in ids:
                    broken.append(f"{path.relative_to(built)}: {url} (no such anchor)")
    assert not broken


def test_home_pages_are_the_readmes_and_the_glossary_is_a_page(built):
    for home, readme in (("en/README.html", "README.md"), ("ko/README.ko.html", "README.ko.md")):
        page = words(Page(built / home))
        title = (ROOT / readme).read_text(encoding="utf-8").splitlines()[0].removeprefix("# ")
        assert title in page
        for lesson in lessons(ROOT / ("notebooks/ko" if "ko" in home else "notebooks")):
            assert f"{lesson.stem[:2]} ·" in page  # the course map lists every lesson
    for language in ("en", "ko"):
        assert "GLOSSARY.md" not in words(Page(built / language / "GLOSSARY.html"))
        glossary = (ROOT / "GLOSSARY.md").read_text(encoding="utf-8").splitlines()[0]
        assert glossary.removeprefix("# ") in words(Page(built / language / "GLOSSARY.html"))
    root = Page(built / "index.html")
    assert {url for _, _, url, _ in root.urls} == {"en/README.html", "ko/README.ko.html"}


def test_korean_pages_speak_korean_and_carry_the_hangul_font(built):
    page = lesson_page(built, KOREAN / LESSON)
    text = page.read_text(encoding="utf-8")
    for english in ("Skip to main content", "Back to top", "Download the notebook", "Search"):
        assert english not in words(Page(page)) and f'"{english}' not in text
    assert "노트북 내려받기" in text and 'placeholder="검색' in text
    font = built / "ko" / "_static" / "NanumGothic.ttf"
    assert font.stat().st_size > 1_000_000 and (font.parent / "OFL.txt").exists()
    assert "NanumGothic.ttf" in (built / "ko" / "_static" / "course.css").read_text()


def search_index(built: Path, language: str) -> dict:
    text = (built / language / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1 : text.rindex(")")])


@pytest.mark.parametrize(("language", "word", "lesson"), [
    ("en", "epoch", "notebooks/03_fit"),
    ("ko", "에포크", "notebooks/ko/03_fit"),
    ("ko", "검증", "notebooks/ko/04_validation"),
])  # fmt: skip
def test_search_finds_a_lesson_by_a_word_in_either_language(built, language, word, lesson):
    index = search_index(built, language)  # what Sphinx's search looks a word up in
    found = []
    for table in ("terms", "titleterms"):
        pages = index[table].get(word, [])
        found += pages if isinstance(pages, list) else [pages]
    assert index["docnames"].index(lesson) in found


def test_an_image_outputs_alt_text_comes_from_its_metadata(built, decks):
    for page in (built / "en" / "notebooks" / "03_fit.html", decks / "en" / "03_fit.slides.html"):
        assert page.read_text(encoding="utf-8").count(f'alt="{ALT}"') == 1, page


def test_every_lesson_has_a_deck_in_both_languages_that_loads_nothing_from_the_network(decks):
    for lesson in every_lesson():
        deck = decks / slides.deck_name(lesson)
        page = Page(deck)
        assert page.lang == slides.language(lesson)
        assert page.loads() and not [url for url in page.loads() if is_remote(url)]
        for url in page.loads():
            if not url.startswith("data:"):  # a figure, in the page itself
                assert (deck.parent / url).exists(), f"{deck.name} loads {url}: not there"
        assert stored_number(lesson) in words(page)
    assert (decks / slides.REVEAL / "LICENSE").exists() and (decks / "fonts" / "OFL.txt").exists()


def test_decks_leave_check_cells_out(decks):
    for edition in ("en", "ko"):
        deck = (decks / edition / LESSON.replace(".ipynb", ".slides.html")).read_text("utf-8")
        assert "a check cell the slides leave out" not in deck


def test_figures_in_decks_are_images_of_the_stored_outputs(decks):
    notebook = nbformat.read(ROOT / "notebooks" / LESSON, as_version=4)
    figures = [
        output.data[mime]
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        for mime in IMAGE_TYPES
        if mime == "image/png" and mime in output.get("data", {})
    ]
    deck = (decks / "en" / LESSON.replace(".ipynb", ".slides.html")).read_text("utf-8")
    assert figures and all(figure.replace("\n", "") in deck for figure in figures)
