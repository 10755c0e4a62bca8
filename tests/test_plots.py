"""Tests of the package helpers.plots as a whole, and what the per-module tests share.

Each module helpers/plots/NAME.py has its tests in tests/test_plots_NAME.py. This file
holds the package's own: the shared input checks of helpers/plots/_inputs.py and the
package's public names (helpers/plots/__init__.py), tests that call the functions of
several modules, and the strategies and checks the per-module tests import from here.
(tests/test_plots_korean.py draws every public function in Korean.)"""

from __future__ import annotations

import re
import warnings

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
