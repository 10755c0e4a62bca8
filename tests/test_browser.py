"""The course in a real JupyterLab, driven in headless Chromium as a learner would.

Run just these: ``python course.py test -m browser`` (needs ``apt-get install chromium``).
Screenshots of every step go to tests/screenshots/ (git-ignored).
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import sys
from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

import course
from helpers.i18n import _, set_language
from tests.browser_support import (
    CHROMIUM,
    CHROMIUM_FLAGS,
    STDERR,
    SVG_IMAGE,
    WIDGET_ERROR,
    Lab,
    Notebook,
    free_port,
    jupyter_lab,
    private_jupyter,
    server_options,
    serving,
)

# One JupyterLab for the module: under pytest-xdist these tests stay in one process.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
HANGUL = re.compile(r"[\uac00-\ud7a3]")

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "tests" / "screenshots"
CONTROLS = ("dataset", "hidden layers", "units", "activation",
            "optimizer", "learning rate", "epochs", "batch size")  # fmt: skip


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        reason = (
            f"Chromium not found at {CHROMIUM}: apt-get install chromium to run the browser tests"
        )
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason + " (under CI a missing browser is a failure)")
        pytest.skip(reason)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab serving a copy of the notebooks, kernels in this environment."""
    root = tmp_path_factory.mktemp("course")
    shutil.copytree(ROOT / "notebooks", root / "notebooks")
    with jupyter_lab(root, tmp_path_factory.mktemp("jupyter"), python=sys.executable) as server:
        yield server


@pytest.fixture
def page(browser):
    SCREENSHOTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    yield page
    context.close()


def assert_no_errors(notebook: Notebook) -> None:
    """No widget failed to display; the only error text is from cells that raise on purpose.

    JupyterLab renders both stderr and a cell's error with the stderr mime type.
    """
    page = notebook.page
    failed = page.get_by_text(WIDGET_ERROR).all_inner_texts()
    assert not failed, f"a widget failed to display: {failed}"
    shown = page.locator(STDERR).all_inner_texts()
    unexpected = [text for text in shown if not re.match(r"^\w+(Error|Exception): ", text)]
    assert not unexpected, f"a cell wrote to stderr: {unexpected}"
    assert len(shown) == notebook.expected_errors, f"errors shown: {shown}"


def open_notebook(page, lab, name: str) -> Notebook:
    notebook = Notebook(page, lab, f"notebooks/{name}", SCREENSHOTS)
    notebook.stored = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    notebook.expected_errors = sum(
        "raises-exception" in cell.metadata.get("tags", []) for cell in notebook.stored.cells
    )
    return notebook


def test_live_plot_draws_while_fit_runs_and_keeps_the_cell_output(page, lab):
    notebook = open_notebook(page, lab, "05_fit.ipynb")
    notebook.shot("1-opened")
    notebook.menu("Edit", "Clear Outputs of All Cells")
    notebook.menu("Run", "Run All Cells")
    # The live plot's cell has not finished (no [n] in its prompt yet) when its curves appear.
    live_cell = notebook.cells.filter(has=page.locator(SVG_IMAGE))
    page.wait_for_function(
        r"""(selector) => [...document.querySelectorAll('.jp-Notebook .jp-CodeCell')].some(
            cell => cell.querySelector(selector)
                && !/\[\d+\]/.test(cell.querySelector('.jp-InputPrompt').textContent))""",
        arg=SVG_IMAGE,
        polling=50,
        timeout=180_000,
    )
    notebook.shot("2-live-plot-while-fit-runs", live_cell.first)
    notebook.wait_all_run(timeout=300_000)
    notebook.shot("3-all-cells-run")
    assert live_cell.count() == 1
    assert live_cell.first.locator(SVG_IMAGE).count() == 1  # one plot, updated in place
    # Redrawing the plot must not wipe what the cell printed: the same outputs as stored.
    stored = next(c for c in notebook.stored.cells if "LivePlot(" in c.source)
    shown = live_cell.first.locator(".jp-OutputArea-output")
    assert shown.count() == len(stored.outputs), shown.all_inner_texts()
    text = "\n".join(shown.all_inner_texts())
    for output in stored.outputs:
        for line in output.get("text", "").splitlines():
            assert line.strip() in text, f"{line!r} missing from the live cell's output"
    assert_no_errors(notebook)


def cell_showing(notebook: Notebook, text_form: str):
    """The cell (in the page) whose stored result's text form starts with ``text_form``."""
    for index, cell in enumerate(notebook.stored.cells):
        for output in cell.get("outputs", []):
            if output.get("data", {}).get("text/plain", "").startswith(text_form):
                return notebook.cells.nth(index)
    raise AssertionError(f"{notebook.name}: no cell shows {text_form}...")


def playground_widget(notebook: Notebook):
    """The playground's widget, with a plain message when the widget front end is broken."""
    cell = cell_showing(notebook, "Playground(")
    cell.scroll_into_view_if_needed()
    notebook.shot("1-playground", cell)
    assert_no_errors(notebook)
    train = notebook.page.get_by_role("button", name="Train")
    widget = cell.locator(".widget-vbox").filter(has=train).first
    try:
        widget.wait_for(timeout=20_000)
    except PlaywrightTimeout:
        shown = cell.locator(".jp-OutputArea-output").all_inner_texts()
        raise AssertionError(
            f"the playground's controls did not render; its cell shows {shown}. "
            "Is jupyterlab_widgets installed and of the pair that matches ipywidgets?"
        ) from None
    return widget


def set_slider(widget, label: str, value: int) -> None:
    slider = widget.locator(".widget-slider").filter(has_text=re.compile(f"^{label}"))
    readout = slider.locator(".widget-readout")
    readout.click()
    readout.press("Control+a")
    readout.type(str(value))
    readout.press("Enter")


def test_playground_trains_stops_and_fills_the_run_tray(page, lab):
    notebook = open_notebook(page, lab, "10_playground.ipynb")
    notebook.run_all(timeout=300_000)
    widget = playground_widget(notebook)
    for label in CONTROLS:
        assert widget.locator(".widget-label", has_text=label).count() >= 1, f"no {label} control"
    train = widget.get_by_role("button", name="Train")
    stop = widget.get_by_role("button", name="Stop")
    rows = widget.locator("table tr")
    assert rows.count() == 0  # an empty tray before the first run

    # A long run with new settings, stopped once its curves are moving.
    set_slider(widget, "epochs", 150)
    set_slider(widget, "batch size", 64)
    widget.locator(".widget-dropdown").filter(has_text="optimizer").locator("select").select_option(
        label="SGD"
    )
    train.click()
    page.wait_for_function(
        """(root) => (root.innerHTML.match(/<polyline/g) || []).length > 0""",
        arg=widget.element_handle(),
        timeout=60_000,
    )
    first = widget.locator("polyline").first.get_attribute("points")
    page.wait_for_function(
        """([root, before]) => {
            const line = root.querySelector('polyline');
            return line && line.getAttribute('points') !== before;
        }""",
        arg=[widget.element_handle(), first],
        timeout=60_000,
    )
    assert train.is_disabled(), "Train must be disabled while a run is going"
    notebook.shot("2-training-live", widget)
    stop.click()
    rows.nth(1).wait_for(timeout=60_000)
    assert "stopped" in rows.nth(1).inner_text()
    notebook.shot("3-stopped", widget)

    # A second configuration joins the first in the tray.
    set_slider(widget, "epochs", 3)
    widget.locator(".widget-dropdown").filter(has_text="optimizer").locator("select").select_option(
        label="Adam"
    )
    train.click()
    rows.nth(2).wait_for(timeout=60_000)
    assert "finished" in rows.nth(2).inner_text() and "Adam" in rows.nth(2).inner_text()
    assert "SGD" in rows.nth(1).inner_text()
    widget.scroll_into_view_if_needed()
    notebook.shot("4-two-runs-in-tray", widget)
    assert_no_errors(notebook)


def test_the_korean_playground_speaks_korean_and_trains(page, lab):
    """Hangul in the lesson's text, its figures and the widgets; a run completes."""
    notebook = open_notebook(page, lab, "ko/10_playground.ipynb")
    notebook.run_all(timeout=300_000)
    title = notebook.stored.cells[0].source.splitlines()[0].removeprefix("# ")
    heading = page.locator(".jp-RenderedMarkdown h1").first
    assert heading.inner_text().strip().startswith(title.split(" · ")[0])
    assert HANGUL.search(heading.inner_text()), "the lesson's title is not shown in Korean"
    notebook.shot("1-korean-lesson-text", heading)
    set_language("ko")
    try:
        labels = {english: _(english) for english in (*CONTROLS, "Train", "finished")}
    finally:
        set_language("en")
    assert all(HANGUL.search(korean) for korean in labels.values()), labels
    cell = cell_showing(notebook, "Playground(")
    cell.scroll_into_view_if_needed()
    train = page.get_by_role("button", name=labels["Train"])  # has= wants a page locator
    widget = cell.locator(".widget-vbox").filter(has=train).first
    widget.wait_for(timeout=20_000)
    for english in CONTROLS:
        shown = widget.locator(".widget-label", has_text=labels[english])
        assert shown.count() >= 1, f"no {labels[english]} ({english}) control"
    set_slider(widget, labels["epochs"], 3)
    widget.get_by_role("button", name=labels["Train"]).click()
    rows = widget.locator("table tr")
    rows.nth(1).wait_for(timeout=60_000)
    assert labels["finished"] in rows.nth(1).inner_text()
    svg_text = " ".join(widget.locator("svg text").all_text_contents())
    assert HANGUL.search(svg_text), f"the live curves' labels are not Korean: {svg_text!r}"
    notebook.shot("2-korean-playground-after-a-run", widget)
    figures = page.locator(".jp-OutputArea-output img")
    assert figures.count() >= 1, "the lesson's figures are not shown"
    figures.first.scroll_into_view_if_needed()
    notebook.shot("3-korean-figure", figures.first)
    assert_no_errors(notebook)


def test_a_check_in_the_lab_changes_the_progress_line(page, lab, tmp_path):
    """A wrong, then a right answer to lesson 00's q1 in a real kernel: the lesson's line
    and the saved table follow, and the record lands in the folder the kernel was given."""
    folder = tmp_path / "progress"
    cells = [
        f"import os\nos.environ['KFS_PROGRESS_DIR'] = {str(folder)!r}\n"
        "from helpers.data import load_mnist_subset\nfrom helpers.exercises import lesson00\n"
        "from helpers.progress import progress\nimages, labels = load_mnist_subset()\n"
        "from helpers.environment import quiet_tensorflow\nquiet_tensorflow()\n"
        "import keras\nout = keras.layers.Dense(16)(images[:32] / 255)",
        "lesson00.q1.check('(32, 784)', out)  # not one of the choices",
        "progress(lesson='00')",
        "lesson00.q1.check('(32, 28, 16)', out)",
        "progress(lesson='00')",
        "progress()",
    ]
    book = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code) for code in cells])
    book.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                   "language": "python"}  # fmt: skip
    nbformat.write(book, lab.root / "progress_check.ipynb")
    notebook = Notebook(page, lab, "progress_check.ipynb", SCREENSHOTS)
    notebook.expected_errors = 0
    notebook.run_all()
    shown = [notebook.cells.nth(index).locator(".jp-OutputArea").inner_text() for index in range(6)]
    notebook.shot("1-progress-after-a-wrong-and-a-right-answer")
    assert shown[1].startswith("❌ Not yet: '(32, 784)' is not one of"), shown[1]
    assert "Lesson 00 in this session: 0 of 2 exercises passed." in shown[2], shown[2]
    assert re.search(r"q1 +not passed yet", shown[2]), shown[2]
    assert shown[3].startswith("✅ Correct!"), shown[3]
    assert "Lesson 00 in this session: 1 of 2 exercises passed." in shown[4], shown[4]
    assert re.search(r"q1 +passed", shown[4]) and re.search(r"q2 +not checked", shown[4])
    assert f"saved in {folder / 'progress.json'}" in shown[5], shown[5]
    assert "Lesson 00: 1 of 2 exercises passed." in shown[5], shown[5]
    saved = json.loads((folder / "progress.json").read_text(encoding="utf-8"))["lessons"]
    assert set(saved["00"]["q1"]) == {"checked", "answered", "passed"}
    assert_no_errors(notebook)


def test_course_py_lab_in_korean_opens_lesson_00_in_a_korean_jupyterlab(page, tmp_path):
    """JupyterLab started as ``python course.py lab --lang ko`` starts it: Korean menus, the
    Korean lesson 00 open, and no question (about news) on the first start."""
    root = tmp_path / "course"
    shutil.copytree(ROOT / "notebooks", root / "notebooks")
    port, token = free_port(), secrets.token_hex(16)
    settings = tmp_path / "lab-settings"  # where course.py lab writes the course's settings
    command, env = course.lab_command(sys.executable, "ko", server_options(port, token), settings)
    env = private_jupyter(env, tmp_path) | {"JUPYTERLAB_SETTINGS_DIR": str(settings)}
    lab = Lab(f"http://127.0.0.1:{port}/", token, root, tmp_path / "jupyter-lab.log")
    with serving(lab, command, env, cwd=root):
        # The page jupyter lab opens in the browser (written with --no-browser too)
        (opened,) = (tmp_path / "runtime").glob("jpserver-file-to-run-*-open.html")
        page.goto(opened.as_uri())
        labels = page.locator("#jp-menu-panel .lm-MenuBar-itemLabel")
        page.wait_for_function(
            """() => [...document.querySelectorAll('#jp-menu-panel .lm-MenuBar-itemLabel')]
                .some(label => label.textContent === '파일')""",
            timeout=60_000,
        )
        heading = page.locator(".jp-NotebookPanel .jp-RenderedMarkdown h1").first
        heading.wait_for(timeout=60_000)
        page.wait_for_timeout(5_000)  # JupyterLab asks about news a moment after it starts
        page.screenshot(path=str(SCREENSHOTS / "course-lab-korean.png"))
        menus = labels.all_inner_texts()
        assert {"파일", "편집", "보기", "실행", "커널"} <= set(menus), menus
        title = nbformat.read(ROOT / course.FIRST_NOTEBOOK["ko"], as_version=4).cells[0].source
        assert heading.inner_text().strip().startswith(title.splitlines()[0].removeprefix("# "))
        questions = page.locator(".Toastify__toast").all_inner_texts()
        assert not questions, f"JupyterLab asked something on its first start: {questions}"
