"""Tests of the package helpers.plots as a whole, and what the per-module tests share.

Each module helpers/plots/NAME.py has its tests in tests/test_plots_NAME.py. This file
holds the package's own: the shared input checks of helpers/plots/_inputs.py and the
package's public names (helpers/plots/__init__.py), tests that call the functions of
several modules, and the strategies and checks the per-module tests import from here.
(tests/test_plots_korean.py draws every public function in Korean.)"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pytest
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, findfont
from matplotlib.ft2font import FT2Font
from matplotlib.text import Text

from helpers.i18n import HANGUL_FONT_NAME, set_language
from helpers.plots import (
    confusion_matrix,
    describe,
    description,
    plot_confusion_matrix,
    plot_digits,
    plot_error_histogram,
)
from tests.property_support import mostly
from tests.test_checks import ANYTHING

HANGUL = re.compile(r"[\uac00-\ud7a3]")


# ------------------------------------------------------ shared by the tests ---
# The property tests of every module: every public function, given arbitrary arguments,
# draws (and the drawing renders) or refuses with a TypeError/ValueError that names an
# argument; nothing else escapes.

NUMBER = st.one_of(
    st.integers(-2, 12),
    st.floats(),
    st.sampled_from([10**400, 2**62, 1e300, -1e308, 5e-324]),
    st.booleans(),
)
BAD = st.one_of(  # what a learner might pass where an array of numbers is asked for
    st.lists(NUMBER, max_size=6),
    st.lists(st.lists(NUMBER, max_size=3), max_size=4),  # 2-D or ragged
    hnp.arrays(
        st.sampled_from([np.float64, np.int64, np.uint8, np.bool_]),
        hnp.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=4),
    ),  # NaN and infinities among the floats; 0-d and empty arrays
    ANYTHING,
)
FLOATS = st.floats(allow_nan=False, allow_infinity=False)
DRAWABLE = st.floats(-1e300, 1e300)  # larger ones are refused: axes and differences would overflow


def values(n, elements=DRAWABLE):
    """n numbers as a list, or as the (n, 1) column that predict returns."""
    column = hnp.arrays(np.float64, (n, 1), elements=elements)
    return st.one_of(st.lists(elements, min_size=n, max_size=n), column)


def labels(n):
    """n class labels, or n rows of probabilities."""
    return st.one_of(
        st.lists(st.integers(0, 5), min_size=n, max_size=n),
        hnp.arrays(np.float64, (n, 3), elements=st.floats(0, 1)),
    )


def pairs(valid):
    """Two arguments of one length n (drawn first), or two arbitrary ones; as ``mostly`` draws."""
    same_length = st.integers(1, 5).flatmap(lambda n: st.tuples(valid(n), valid(n)))
    return mostly(same_length, st.tuples(BAD, BAD))


AXES = mostly(st.sampled_from(["none", "axes"]), st.sampled_from(["figure", "text"]))


def make_axes(kind):
    plt.close("all")  # one example's figures at a time
    return {"none": lambda: None, "axes": lambda: plt.figure().gca(),
            "figure": plt.figure, "text": lambda: "ax"}[kind]()  # fmt: skip


def check_drawn(result, kind):
    """The result is what the function promises, and it renders."""
    assert isinstance(result, kind)
    (result if kind is Figure else result.figure).canvas.draw()


def assert_renders_with_hangul(fig) -> None:
    """Render with warnings as errors (a missing glyph warns); NanumGothic has every Hangul."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.canvas.draw()
    path = findfont(FontProperties(family=HANGUL_FONT_NAME), fallback_to_default=False)
    charmap = set(FT2Font(path).get_charmap())
    shown = [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text()]
    hangul = {char for text in shown for char in HANGUL.findall(text)}
    assert hangul and all(ord(char) in charmap for char in hangul)


def refused_in_english_and_korean(call, error: type, words: str) -> None:
    """``call()`` is refused in English with ``words``, then in Korean with no English word."""
    with pytest.raises(error) as english:
        call()
    assert words in str(english.value)
    set_language("ko")
    with pytest.raises(error) as korean:
        call()
    message = str(korean.value)
    assert HANGUL.search(message) and not re.search(r"\b(must|got|pass|Give)\b", message), message


# ------------------------------------------------------------ the package ---


def test_numpy_numbers_are_accepted_where_python_numbers_are(rng):
    images = rng.integers(0, 256, size=(3, 28, 28), dtype=np.uint8)
    fig = plot_digits(images, [1, 2, 3], ncols=np.int64(2), max_images=np.int32(3))
    assert len(fig.axes) == 4
    ax = plot_error_histogram([1.0, 2.0], [1.5, 2.5], bins=np.int64(4))
    assert len(ax.patches) == 4
    assert confusion_matrix([0], [1], num_classes=np.int8(3)).shape == (3, 3)
    assert plot_confusion_matrix([0, 1], [1, 1], normalize=np.bool_(True)).texts


# ------------------------------------------------- text alternatives (_describe) ---


def test_a_figure_is_described_by_its_title_its_own_words_and_its_axes_words():
    fig, (left, right) = plt.subplots(1, 2)
    assert description(fig) == ""  # nothing described: no alt text
    describe(right, "A bar chart of three counts.")
    describe(fig, "Two panels.")
    right.set_title("counts\nper class")  # titles are read when the figure is shown
    fig.suptitle("A figure")
    assert description(fig) == (
        "A figure. Two panels. counts, per class. A bar chart of three counts."
    )
    describe(fig, "Two panels, side by side.")  # described again: the last words count
    assert description(fig).startswith("A figure. Two panels, side by side. counts")
    assert description(plt.figure()) == ""
    assert description(right) == description(fig)  # an Axes: the figure it is on


def test_description_refuses_what_is_not_a_figure_in_english_and_korean():
    refusal = "figure must be a matplotlib Figure or Axes; got None."
    refused_in_english_and_korean(lambda: description(None), TypeError, refusal)


@pytest.mark.parametrize(
    ("drawing", "words", "error", "refusal"),
    [
        ("fig", "words", TypeError, "drawing must be a matplotlib Figure or Axes; got 'fig'."),
        (None, None, TypeError, "description must be a text that says what the figure shows"),
        (None, "  ", ValueError, "description must be a text that says what the figure shows"),
    ],
)
def test_describe_refuses_what_is_not_a_figure_or_a_text_in_english_and_korean(
    drawing, words, error, refusal
):
    drawing = drawing or plt.figure()
    refused_in_english_and_korean(lambda: describe(drawing, words), error, refusal)


#: A notebook as a lesson runs it: the helpers' figures, a figure of the lesson's own,
#: the same figure described, a change of the inline backend's formats, Korean.
KERNEL_CELLS = [
    "from helpers.i18n import set_language\n"
    "from helpers.plots import describe, plot_history\n"
    "import matplotlib.pyplot as plt",
    "ax = plot_history({'loss': [0.9, 0.5, 0.4], 'val_loss': [1.0, 0.7, 0.8]})",
    "fig, ax = plt.subplots()\nlines = ax.plot([1, 2, 3], [3, 1, 2])",
    "fig, ax = plt.subplots()\nlines = ax.plot([1, 2, 3], [3, 1, 2])\n"
    "describe(fig, 'A line through three points, lowest in the middle.')",
    "%config InlineBackend.figure_formats = ['png']\n"
    "fig, ax = plt.subplots()\nlines = ax.plot([1, 2, 3], [3, 1, 2])\n"
    "describe(fig, 'The same line again.')\nfig",
    "set_language('ko')\nax = plot_history({'loss': [0.9, 0.5, 0.4]})",
]


def test_in_a_kernel_a_figures_png_output_carries_its_description_as_alt_text(tmp_path):
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell(source) for source in KERNEL_CELLS]
    )
    root = Path(__file__).resolve().parent.parent
    resources = {"metadata": {"path": root}}  # where the kernel starts, so helpers imports
    NotebookClient(notebook, kernel_name="python3", resources=resources).execute()
    figures = [
        output
        for cell in notebook.cells
        for output in cell.outputs
        if "image/png" in output.get("data", {})
    ]
    assert [output.output_type for output in figures] == ["display_data"] * 3 + [
        "execute_result", "display_data", "display_data",
    ]  # fmt: skip
    history, plain, described, result, shown, korean = figures
    alt = [output.metadata.get("image/png", {}).get("alt") for output in figures]
    assert alt[0] == (
        "Learning curves of loss over 3 epochs: training starts at 0.9 and ends at 0.4; "
        "validation starts at 1, is lowest at epoch 2 (0.7) and ends at 0.8."
    )
    assert alt[1] is None and "image/png" not in plain.metadata  # a figure without words
    assert alt[2] == "A line through three points, lowest in the middle."
    assert alt[3] == alt[4] == "The same line again."  # fig as the cell's value, then shown
    assert alt[5] == "3 에포크 동안의 손실 (loss) 학습 곡선: 훈련 값은 처음 0.9, 마지막 0.4."
    # The picture and its text are the inline backend's own: described or not, the same.
    assert described.data == plain.data
    for figure in (history, result, shown, korean):
        assert figure.data["text/plain"] == "<Figure size 640x480 with 1 Axes>"
