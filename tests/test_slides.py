"""The lecture decks (tools/slides.py): the rules that make slides of a lesson, and two
decks opened from the file system in headless Chromium, page by page.

The browser test saves a screenshot of every slide it visits in tests/screenshots/.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from tests import test_browser
from tools import slides
from tools.lessons import ENGLISH, KOREAN
from tools.teaching import COLAB_BADGE, github_url, show_streams_as_printed

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "tests" / "screenshots"
LESSON = "05_fit.ipynb"

browser = test_browser.browser  # the same Chromium (skipped without it, failed under CI)


def markdown(source, **metadata):
    return nbformat.v4.new_markdown_cell(source, metadata=metadata)


def code(source, *outputs, **metadata):
    return nbformat.v4.new_code_cell(source, outputs=list(outputs), metadata=metadata)


def printed(text):
    return nbformat.v4.new_output("stream", name="stdout", text=text)


def figure():
    data = {"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"}
    return nbformat.v4.new_output("display_data", data=data)


LESSON_CELLS = [
    markdown("# 11 · A lesson\n\nWhat it is about.\n\n**Estimated time:** 5 minutes"),
    code('import sys\nif "google.colab" in sys.modules:\n    pass'),
    markdown("## Learning goals\n\nBy the end you can:\n\n1. **train** a model"),
    markdown("## Train\n\nA model learns from data. It takes a while.\n\nMore prose here."),
    code("model.fit(x)", printed("loss 0.25\n")),
    markdown("Then predict. Predictions are numbers."),
    code("model.predict(x)", printed("0.75\n")),
    markdown("After the output, a remark.\n\n### Look at it"),
    code("fig = plot(history)", figure()),
    code("print(1.5); show()", printed("1.5\n"), figure()),
    code("a = 1\nb = 2\nc = 3\nfig = plot(a, b, c)", figure()),
    code("lesson11.q1.check(answer)", printed("Not answered yet"), tags=[slides.CHECK_TAG]),
    code("secret()", jupyter={"source_hidden": True}),
    markdown("## Summary\n\n- one thing\n\n**Next:** [10 · More](10_more.ipynb)"),
]


def layout(cells):
    """Each deck cell as (slide type, kind, its text), kind "code" or "figure" or "md"."""
    found = []
    for cell in cells:
        kind = "md"
        if cell.cell_type == "code":
            kind = "figure" if cell.metadata.get("transient", {}).get("remove_source") else "code"
        found.append((cell.metadata.slideshow["slide_type"], kind, cell.source))
    return found


def test_slides_follow_the_lessons_headings_code_and_figures_with_prose_in_the_notes():
    notebook = nbformat.v4.new_notebook(cells=LESSON_CELLS)
    assert layout(slides.slide_cells(notebook, nbformat)) == [
        ("slide", "md", LESSON_CELLS[0].source),  # the title cell; no Colab set-up cell
        ("slide", "md", "## Learning goals"),
        ("-", "md", "By the end you can:"),
        ("-", "md", "1. **train** a model"),
        ("slide", "md", "## Train"),
        ("-", "md", "A model learns from data."),  # the first sentence on the slide
        ("notes", "md", "It takes a while.\n\nMore prose here."),  # the rest in the notes
        ("-", "code", "model.fit(x)"),
        ("subslide", "md", "## Train"),  # the next code cell: a sub-slide, heading again
        ("-", "md", "Then predict."),
        ("notes", "md", "Predictions are numbers."),
        ("-", "code", "model.predict(x)"),
        ("notes", "md", "After the output, a remark."),  # prose after the code: notes
        ("subslide", "md", "### Look at it"),
        ("-", "code", "fig = plot(history)"),  # a figure under its short code
        ("subslide", "md", "### Look at it"),
        ("-", "code", "print(1.5); show()"),  # code and text, then the figure on its own
        ("subslide", "md", "### Look at it"),
        ("-", "figure", "print(1.5); show()"),
        ("subslide", "md", "### Look at it"),
        ("-", "code", "a = 1\nb = 2\nc = 3\nfig = plot(a, b, c)"),  # long code: the figure
        ("subslide", "md", "### Look at it"),  # goes on a sub-slide of its own
        ("-", "figure", "a = 1\nb = 2\nc = 3\nfig = plot(a, b, c)"),
        ("slide", "md", "## Summary"),  # no check cell, no collapsed cell before it
        ("-", "md", "- one thing"),
        ("-", "md", "**Next:** [10 · More](10_more.ipynb)"),  # one sentence: all of it
    ]


def test_a_figure_keeps_its_output_and_the_code_its_text():
    notebook = nbformat.v4.new_notebook(cells=LESSON_CELLS)
    cells = [cell for cell in slides.slide_cells(notebook, nbformat) if cell.cell_type == "code"]
    outputs = {cell.source: [output.output_type for output in cell.outputs] for cell in cells[:3]}
    assert outputs == {
        "model.fit(x)": ["stream"],
        "model.predict(x)": ["stream"],
        "fig = plot(history)": ["display_data"],
    }
    assert [o.output_type for o in cells[3].outputs] == ["stream"]
    assert [o.output_type for o in cells[4].outputs] == ["display_data"]


@pytest.mark.parametrize(("paragraph", "first"), [
    ("Train a model. Then test it.", "Train a model."),
    ("Shapes, ranks, etc. all matter. Next.", "Shapes, ranks, etc. all matter."),
    ("The accuracy is 0.95 here! Good.", "The accuracy is 0.95 here!"),
    ("모델을 훈련합니다. 그다음 평가합니다.", "모델을 훈련합니다."),
    ("One sentence only", "One sentence only"),
])  # fmt: skip
def test_a_slide_shows_the_first_sentence_of_the_prose(paragraph, first):
    sentence, rest = slides.lead(paragraph)
    assert sentence == first and f"{sentence} {rest}".strip() == paragraph


def test_links_lead_to_decks_and_other_files_to_the_repository():
    notebook = KOREAN / LESSON
    text = (
        f"[![Colab에서 열기]({COLAB_BADGE})](https://colab.example/ko/05_fit.ipynb) · "
        "[English](../05_fit.ipynb) · [다음](06_validation.ipynb#goals) · "
        "[용어집](../../GLOSSARY.md) · [Keras](https://keras.io)"
    )
    assert slides.local_links(text, notebook) == (
        '<a class="colab-badge" href="https://colab.example/ko/05_fit.ipynb">Colab에서 열기</a> · '
        "[English](../en/05_fit.slides.html) · [다음](06_validation.slides.html#goals) · "
        f"[용어집]({github_url('GLOSSARY.md')}) · [Keras](https://keras.io)"
    )


def test_printed_text_shows_what_a_progress_bar_left():
    notebook = nbformat.v4.new_notebook(
        cells=[code("fit()", printed("Epoch 1/2\n\r1/6 ━━ 0.3\b\b\b\b\r6/6 ━━━━ 0.9\ndone\r\n"))]
    )
    show_streams_as_printed(notebook)
    assert notebook.cells[0].outputs[0].text == "Epoch 1/2\n6/6 ━━━━ 0.9\ndone\r\n"


# In the browser -----------------------------------------------------------------


@pytest.fixture(scope="module")
def decks(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("slides")
    slides.build(out, [ENGLISH / LESSON, KOREAN / LESSON])
    return out


def headings(lesson: Path) -> list[str]:
    """The lesson's headings as a page shows them (no markdown)."""
    cells = nbformat.read(lesson, as_version=4).cells
    text = "\n".join(cell.source for cell in cells if cell.cell_type == "markdown")
    lines = text.split("\n")
    return [re.sub(r"[`*]", "", line.lstrip("#").strip()) for line in lines if line.startswith("#")]


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
@pytest.mark.parametrize("lesson", [ENGLISH / LESSON, KOREAN / LESSON], ids=["en", "ko"])
def test_a_deck_opens_from_the_file_system_and_shows_the_lesson_slide_by_slide(
    browser, decks, lesson
):
    language = slides.language(lesson)
    SCREENSHOTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    requests, errors = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((decks / slides.deck_name(lesson)).as_uri())
    page.wait_for_function("() => window.Reveal && Reveal.isReady()")
    assert page.evaluate("document.documentElement.lang") == language
    titles = headings(lesson)
    for step in range(8):
        slide = page.evaluate("Reveal.getCurrentSlide().innerText")
        shown = [title for title in titles if title in slide]
        assert shown, f"slide {step} shows no heading of the lesson: {slide[:200]!r}"
        assert len(slide.strip()) > len(shown[0]), f"slide {step} shows its heading alone"
        page.screenshot(path=str(SCREENSHOTS / f"slides-{language}-{lesson.stem}-{step}.png"))
        page.evaluate("Reveal.next()")
    # A figure: the stored image, drawn full width.
    page.evaluate("""() => {
        const slide = Reveal.getSlides().find(s => s.querySelector('.jp-RenderedImage img'));
        const where = Reveal.getIndices(slide);
        Reveal.slide(where.h, where.v);
    }""")
    drawn, slide = page.evaluate("""() => {
        const img = document.querySelector('.present .jp-RenderedImage img');
        const box = img.getBoundingClientRect();
        const scale = Math.min(box.width / img.naturalWidth, box.height / img.naturalHeight);
        const size = Reveal.getComputedSlideSize(), zoom = Reveal.getScale();
        return [[img.naturalWidth * scale, img.naturalHeight * scale],
                [size.width * zoom, size.height * zoom]];
    }""")
    # As large as the slide allows: its whole width, or most of its height.
    assert drawn[0] >= 0.9 * slide[0] or drawn[1] >= 0.65 * slide[1], (drawn, slide)
    page.screenshot(path=str(SCREENSHOTS / f"slides-{language}-{lesson.stem}-figure.png"))
    # Speaker notes hold the lesson's prose; the Hangul font the decks bring loads.
    notes = page.evaluate("Reveal.getSlides().map(s => Reveal.getSlideNotes(s) || '')")
    assert sum(bool(note.strip()) for note in notes) >= 5
    font = page.evaluate("""() => document.fonts.load('16px "Course Hangul"', '한')
        .then(faces => faces.map(face => face.status))""")
    assert font == ["loaded"]
    assert not errors
    assert {url.split(":", 1)[0] for url in requests} <= {"file", "data"}, "no network"
    context.close()
