"""The course website and the lecture decks, built from a copy of the repository.

Builds what ``python course.py site`` and ``python course.py slides`` build (the
whole site, both languages, about 20 s on 2 cores; every lesson's deck, about
10 s) into a temporary folder, from a copy of the repository in which one figure's
alt text is a known one and one cell is a check cell, and reads the result as a
browser would find it: every figure of every lesson shows its output's alt text
(the plot helpers' descriptions, stored when the notebooks are refreshed).
Deselect with ``-m "not teach"``.

Each build has one test that runs every check and reports every problem found:
one test, so that pytest-xdist builds each once (its ``loadgroup`` grouping does
not hold under pytest 9), and the two builds can run side by side.
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
from tools.lessons import ENGLISH, KOREAN, every_lesson, lessons
from tools.teaching import IMAGE_TYPES, display_outputs, image_alt, show_streams_as_printed

pytestmark = pytest.mark.teach

ROOT = Path(__file__).resolve().parent.parent
ALT = "Loss curves of three batch sizes"
CHECK = "print('a check cell the slides leave out')"
LESSON = "05_fit.ipynb"  # the lesson whose copy carries the alt text and the check cell
LOADS = {("script", "src"), ("link", "href"), ("img", "src")}  # what a page fetches
SEARCHES = [("en", "epoch", "notebooks/05_fit"), ("ko", "에포크", "notebooks/ko/05_fit"),
            ("ko", "검증", "notebooks/ko/06_validation")]  # fmt: skip


class Page(HTMLParser):
    """A page as a browser meets it: its language, links, scripts, styles, images, anchors, text."""

    def __init__(self, path: Path):
        super().__init__()
        self.path, self.urls, self.ids, self.text, self.lang = path, [], set(), [], None
        self.alts = []  # each image's alt text, in order
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "img":
            self.alts.append(attrs.get("alt") or "")
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name) is not None:
                self.urls.append((tag, name, attrs[name], attrs.get("class") or ""))

    def handle_data(self, data):
        self.text.append(data)

    def words(self) -> str:
        return " ".join(html.unescape(" ".join(self.text)).split())

    def loads(self) -> list[str]:
        return [url for tag, name, url, _ in self.urls if (tag, name) in LOADS]

    def links(self, css_class: str) -> list[str]:
        return [url for tag, _, url, classes in self.urls if tag == "a" and css_class in classes]


def is_remote(url: str) -> bool:
    return urlsplit(url).scheme in ("http", "https") or url.startswith("//")


def language(lesson: Path) -> str:
    return "ko" if lesson.parent.name == "ko" else "en"


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


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> Path:
    """The repository's pages and notebooks; 03's first figure has a known alt text, and a
    check cell is added to 03."""
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


# The website -----------------------------------------------------------------------


def lesson_page(built: Path, lesson: Path) -> Path:
    return built / language(lesson) / lesson.relative_to(ROOT).with_suffix(".html")


def lesson_problems(built: Path, source: Path, lesson: Path) -> list[str]:
    """Its page: its language, a number it printed, its twin, its Colab badge, its download."""
    page, name = Page(lesson_page(built, lesson)), lesson.relative_to(ROOT).as_posix()
    problems = []
    if page.lang != language(lesson):
        problems.append(f"{name}: lang={page.lang!r}")
    if stored_number(lesson) not in page.words():
        problems.append(f"{name}: the printed {stored_number(lesson)} is not on its page")
    twin = (ENGLISH if language(lesson) == "ko" else KOREAN) / lesson.name
    links = page.links("course-twin")
    if [(page.path.parent / url).resolve() for url in links] != [lesson_page(built, twin)]:
        problems.append(f"{name}: its twin link is {links}")
    downloads = page.links("course-download")
    notebook = (source / name).read_bytes()
    if [(page.path.parent / url).read_bytes() for url in downloads] != [notebook]:
        problems.append(f"{name}: its download link {downloads} is not the notebook")
    colab = [url for _, _, url, _ in page.urls if "colab.research.google.com/github/" in url]
    if not colab or not all(url.endswith(name) for url in colab):
        problems.append(f"{name}: its Colab badge links {colab}")
    return problems


def alt_problems(page: Page, lesson: Path, *, every_figure: bool) -> list[str]:
    """Every figure of the lesson carries alt text in its output's metadata, and each image
    of its page shows its figure's text as its alt (a page shows every figure, a deck some)."""
    notebook = nbformat.read(lesson, as_version=4)
    alts = [
        image_alt(output, mime)
        for cell in notebook.cells
        for output in display_outputs(cell)
        for mime in IMAGE_TYPES
        if mime in output.data
    ]
    name = f"{lesson.parent.name}/{lesson.name}"
    problems = []
    if "" in alts:
        problems.append(f"{name}: {alts.count('')} of its {len(alts)} figures have no alt text")
    shown = [alt for alt in page.alts if alt not in alts or not alt]
    if shown or (every_figure and sorted(page.alts) != sorted(alts)):
        problems.append(f"{name}: its images' alt texts are not its figures' ({page.alts[:3]})")
    return problems


def network_problems(out: Path, pages: dict[Path, Page]) -> list[str]:
    """Anything a page or a style sheet would fetch from the network."""
    problems = [
        f"{path.relative_to(out)} loads {url}"
        for path, page in pages.items()
        for url in page.loads()
        if is_remote(url)
    ]
    for style in out.rglob("*.css"):
        if re.search(r"(?:url\(|@import\s+)[\"']?(?:https?:|//)", style.read_text("utf-8")):
            problems.append(f"{style.relative_to(out)} loads from the network")
    return problems


def broken_links(out: Path, pages: dict[Path, Page]) -> list[str]:
    """Links, scripts, styles and images of the site that lead nowhere, or to no such anchor."""
    problems = []
    for path, page in pages.items():
        for tag, _, url, _ in page.urls:
            parts = urlsplit(url)
            if parts.scheme or url.startswith("//"):
                continue  # another site, a data: image, mailto:
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if not target.exists():
                problems.append(f"{path.relative_to(out)}: <{tag}> {url} leads nowhere")
            elif parts.fragment and target.suffix == ".html":
                if parts.fragment not in (pages.get(target) or Page(target)).ids:
                    problems.append(f"{path.relative_to(out)}: {url}: no such anchor")
    return problems


def home_and_glossary_problems(built: Path) -> list[str]:
    """The READMEs are the home pages, with every lesson; the glossary is a page; the root
    page offers both languages."""
    problems = []
    for home, readme, edition in (("en/README.html", "README.md", ENGLISH),
                                  ("ko/README.ko.html", "README.ko.md", KOREAN)):  # fmt: skip
        words = Page(built / home).words()
        title = (ROOT / readme).read_text(encoding="utf-8").splitlines()[0].removeprefix("# ")
        missing = [path.stem for path in lessons(edition) if f"{path.stem[:2]} ·" not in words]
        if title not in words or missing:
            problems.append(f"{home}: not {readme} ({title!r}), or no lessons {missing}")
    for edition in ("en", "ko"):
        glossary = site.EDITIONS[edition].files(ROOT)["glossary"]  # GLOSSARY.ko.md, if there is one
        title = (ROOT / glossary).read_text(encoding="utf-8").splitlines()[0][2:]
        page = built / edition / glossary.replace(".md", ".html")
        if not page.exists() or title not in Page(page).words():
            problems.append(f"{edition}: no page of {glossary}")
    root = {url for _, _, url, _ in Page(built / "index.html").urls}
    if root != {"en/README.html", "ko/README.ko.html"}:
        problems.append(f"index.html links {root}")
    return problems


def korean_problems(built: Path) -> list[str]:
    """A Korean page's interface speaks Korean, and the Hangul font is there."""
    path = lesson_page(built, KOREAN / LESSON)
    text, words = path.read_text(encoding="utf-8"), Page(path).words()
    problems = [
        f"the Korean page says {english!r}"
        for english in ("Skip to main content", "Back to top", "Download the notebook", "Search")
        if english in words or f'"{english}' in text
    ]
    if "노트북 내려받기" not in text or 'placeholder="검색' not in text:
        problems.append("the Korean page has no Korean download link or search field")
    font = built / "ko" / "_static" / "NanumGothic.ttf"
    if not font.exists() or not (font.parent / "OFL.txt").exists():
        problems.append("no Hangul font (or its licence) in ko/_static")
    return problems


def search_problems(built: Path) -> list[str]:
    """Sphinx's search finds a lesson by an English word and by Korean words."""
    problems = []
    for edition, word, lesson in SEARCHES:
        text = (built / edition / "searchindex.js").read_text(encoding="utf-8")
        index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
        found = []
        for table in ("terms", "titleterms"):  # what the search looks a word up in
            pages = index[table].get(word, [])
            found += pages if isinstance(pages, list) else [pages]
        if index["docnames"].index(lesson) not in found:
            problems.append(f"searching {word!r} does not find {lesson}")
    return problems


def test_the_website(source, tmp_path_factory):
    built = site.build(tmp_path_factory.mktemp("site"), source=source)
    pages = {
        path.resolve(): Page(path)
        for path in sorted(built.rglob("*.html"))
        if "_static" not in path.parts
    }
    assert len(pages) >= len(every_lesson()) + 4  # the lessons, two homes, two glossaries
    problems = [
        *(found for lesson in every_lesson() for found in lesson_problems(built, source, lesson)),
        *network_problems(built, pages),
        *broken_links(built, pages),
        *home_and_glossary_problems(built),
        *korean_problems(built),
        *search_problems(built),
        *(found for lesson in every_lesson()
          for found in alt_problems(Page(lesson_page(built, lesson)),
                                    source / lesson.relative_to(ROOT), every_figure=True)),
    ]  # fmt: skip
    alt = lesson_page(built, ENGLISH / LESSON).read_text(encoding="utf-8").count(f'alt="{ALT}"')
    if alt != 1:
        problems.append(f"the figure's alt text from its output's metadata appears {alt} times")
    assert not problems, "\n".join(problems)


# The decks -------------------------------------------------------------------------


def test_the_decks(source, tmp_path_factory):
    out = tmp_path_factory.mktemp("slides")
    copies = [source / lesson.relative_to(ROOT) for lesson in every_lesson()]
    slides.build(out, copies)
    pages = {out / slides.deck_name(copy): Page(out / slides.deck_name(copy)) for copy in copies}
    problems = [*network_problems(out, pages), *broken_links(out, pages)]
    for lesson in every_lesson():
        deck = pages[out / slides.deck_name(lesson)]
        if deck.lang != language(lesson) or stored_number(lesson) not in deck.words():
            problems.append(f"{deck.path.name}: lang={deck.lang!r}, or not its stored output")
        if not any(url.endswith("reveal.js") for url in deck.loads()):
            problems.append(f"{deck.path.name} does not load reveal.js")
        problems += alt_problems(deck, source / lesson.relative_to(ROOT), every_figure=False)
    for name in (f"{slides.REVEAL}/LICENSE", "fonts/NanumGothic.ttf", "fonts/OFL.txt"):
        if not (out / name).exists():
            problems.append(f"no {name} beside the decks")
    for edition in (ENGLISH, KOREAN):
        deck = (out / slides.deck_name(edition / LESSON)).read_text(encoding="utf-8")
        if CHECK in html.unescape(deck) or "a check cell the slides leave out" in deck:
            problems.append(f"the check cell is in the {language(edition / LESSON)} deck")
        if edition == ENGLISH and deck.count(f'alt="{ALT}"') != 1:
            problems.append("the figure's alt text from its output's metadata is not in the deck")
    assert not problems, "\n".join(problems)
