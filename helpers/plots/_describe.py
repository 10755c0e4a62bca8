"""Text alternatives of figures: what a reader who cannot see the figure is told instead.

Every plot helper describes what it drew (what is shown, the axes, a few rounded
numbers) in the language of :mod:`helpers.i18n`, with :func:`describe`; a lesson
that draws its own figure with matplotlib does the same in one line. A figure's
:func:`description` joins its title, its own description and those of its Axes,
each after the Axes' title, as they are when the figure is shown, so a title set
afterwards (``ax.set_title("run A")``) is part of it.

In a notebook, the description travels with the picture as its alt text:
:func:`describe` registers, on the running IPython, a printer that adds it to a
figure's PNG output as ``metadata["image/png"]["alt"]``, which the course's
website and slides turn into the image's ``alt``. The printer is IPython's
mime-bundle formatter for matplotlib's Figure, so it changes neither the picture
nor the figure's text, and the inline backend's own set-up of the PNG formatter
(on the first figure) leaves it alone.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from helpers.checks import refusal, text
from helpers.i18n import _

#: The description of each described Figure and Axes, forgotten with it.
_DESCRIPTIONS: WeakKeyDictionary[Figure | Axes, str] = WeakKeyDictionary()


def describe(drawing: Figure | Axes, description: str) -> None:
    """Give a figure, or one Axes of it, its text alternative (the ``alt`` of its picture).

    Say what the figure shows and what a reader should notice, in a sentence or
    two: the site and the slides show it to readers who cannot see the picture.

    Args:
        drawing: the matplotlib Figure (``fig``), or one Axes of it (``ax``).
        description: the text alternative, e.g. ``"The sigmoid curve against the
            step function: both go from 0 to 1."``

    Example::

        >>> fig = Figure()  # or: fig, ax = plt.subplots()
        >>> lines = fig.subplots().plot([1, 2, 3], [3, 1, 2])
        >>> describe(fig, "A line through three points, lowest in the middle.")
        >>> description(fig)
        'A line through three points, lowest in the middle.'
    """
    _drawing("drawing", drawing)
    _DESCRIPTIONS[drawing] = text(
        "description", description, must_be=_("a text that says what the figure shows")
    )
    _show_as_alt_text()


def description(figure: Figure | Axes) -> str:
    """The text alternative of ``figure`` (or of the figure an Axes is on): its title, its
    own description, then each described Axes' title and description; ``""`` when nothing
    of it is described."""
    figure = _drawing("figure", figure)
    if isinstance(figure, Axes):
        figure = figure.figure
    parts = [_DESCRIPTIONS[figure]] if figure in _DESCRIPTIONS else []
    parts += [
        _titled(ax.get_title(), _DESCRIPTIONS[ax]) for ax in figure.axes if ax in _DESCRIPTIONS
    ]
    if parts and figure.get_suptitle():
        parts.insert(0, _sentence(figure.get_suptitle()))
    return " ".join(parts)


def _drawing(name: str, value: object) -> Figure | Axes:
    if not isinstance(value, (Figure, Axes)):
        raise TypeError(
            refusal(name, _("a matplotlib Figure or Axes"), value,
                    _("Pass the figure itself, e.g. fig from fig, ax = plt.subplots()."))
        )  # fmt: skip
    return value


def _titled(title: str, described: str) -> str:
    return f"{_sentence(title)} {described}" if title else described


def _sentence(title: str) -> str:
    """A title as a sentence: its lines joined, a full stop at its end."""
    joined = ", ".join(line.strip() for line in title.splitlines() if line.strip())
    return joined if joined.endswith((".", "?", "!")) else f"{joined}."


def _alt_text(figure: Figure) -> tuple[dict, dict] | None:
    """The metadata IPython adds to a figure's outputs: its description as the PNG's alt."""
    alt = description(figure)
    return ({}, {"image/png": {"alt": alt}}) if alt else None


def _show_as_alt_text() -> None:
    """Have the running IPython, if any, give each figure's PNG output its description."""
    try:
        from IPython import get_ipython
    except ImportError:  # plain Python: no notebook to show figures in
        return
    shell = get_ipython()
    if shell is not None:
        shell.display_formatter.mimebundle_formatter.for_type(Figure, _alt_text)
