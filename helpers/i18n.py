"""The language the helpers speak: English (the default) or Korean (한국어).

Every message a learner reads is written in English in the code, marked with
``_()``, and looked up at the moment it is shown in the gettext catalog
``helpers/locale/<language>/LC_MESSAGES/helpers.mo``. So :func:`set_language`
switches every later message, in the same kernel and back again::

    >>> set_language("ko")
    >>> _("a whole number")
    '정수'
    >>> set_language("en")
    >>> _("a whole number")
    'a whole number'

Messages with values use named placeholders, filled after translation, so a
translator can move them: ``_("{name} must be a whole number").format(name=...)``.
A message defined before it is shown (a constant, a default argument) is
marked with ``N_()``, which only marks it, and translated with ``_()`` where it
is used. ``python course.py catalog`` extracts the marked messages with Babel
and updates the catalog; a test fails when one has no Korean translation.

Korean also needs a font with Hangul in figures: choosing "ko" registers the
NanumGothic font shipped in ``helpers/fonts`` with matplotlib (see
:func:`use_language_font`).
"""

from __future__ import annotations

import functools
import gettext
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
LOCALE_DIR = PACKAGE / "locale"
DOMAIN = "helpers"
#: The languages the helpers speak, by code, each named in its own language.
LANGUAGES = {"en": "English", "ko": "한국어"}
DEFAULT_LANGUAGE = "en"

#: The Hangul font shipped with the course (SIL Open Font License, helpers/fonts/OFL.txt).
HANGUL_FONT = PACKAGE / "fonts" / "NanumGothic.ttf"
HANGUL_FONT_NAME = "NanumGothic"
#: The font of the English figures (matplotlib's own), kept for Latin letters and digits.
LATIN_FONT_NAME = "DejaVu Sans"

_current = {"language": DEFAULT_LANGUAGE}


@functools.cache
def _catalog(language: str) -> gettext.NullTranslations:
    if language == DEFAULT_LANGUAGE:
        return gettext.NullTranslations()
    # No fallback: a missing catalog is a broken installation, not English.
    return gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[language])


def _(message: str) -> str:
    """``message`` in the current language (the English itself when it is English)."""
    return _catalog(_current["language"]).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form of a message for ``n``, in the current language."""
    return _catalog(_current["language"]).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for the catalog without translating it yet (translate it with ``_``)."""
    return message


#: The one shape of every refusal of bad input. :func:`helpers.checks.refusal` fills it in;
#: it is defined here so that :func:`set_language`, which can import no other module of the
#: course, refuses a language in the same words.
REFUSAL = N_("{name} must be {must_be}; got {got}.")


def get_language() -> str:
    """The code of the language the helpers speak now: "en" or "ko"."""
    return _current["language"]


def set_language(language: str) -> None:
    """Make the helpers speak ``language`` ("en" or "ko") from now on.

    Messages, the environment report, exercise feedback, the playground and the
    text in figures all follow it. Figures drawn afterwards use a font that
    has Hangul when the language is Korean.
    """
    if not isinstance(language, str) or language not in LANGUAGES:
        options = ", ".join(repr(code) for code in LANGUAGES)
        refused = _(REFUSAL).format(
            name="language", must_be=_("one of {options}").format(options=options),
            got=repr(language)[:80],
        )  # fmt: skip
        raise (ValueError if isinstance(language, str) else TypeError)(refused)
    _catalog(language)  # fail here, not at the first message, if the catalog is missing
    _current["language"] = language
    use_language_font(language)


def use_language_font(language: str) -> None:
    """Set matplotlib's fonts for figures in ``language``.

    For Korean, the bundled NanumGothic is registered (once, from the file; no
    system font, no download) and placed after DejaVu Sans: matplotlib draws
    each character with the first font that has it, so Latin letters, digits
    and the minus sign look as in the English figures and Hangul comes from
    NanumGothic, with no "Glyph missing" warnings. For English, matplotlib's
    default font list is restored.
    """
    import matplotlib as mpl
    from matplotlib import font_manager

    if language == "ko":
        if HANGUL_FONT_NAME not in {font.name for font in font_manager.fontManager.ttflist}:
            font_manager.fontManager.addfont(str(HANGUL_FONT))
        # Fallback works across the names in font.family (not within the generic
        # "sans-serif" list), so both fonts are named there.
        mpl.rcParams["font.family"] = [LATIN_FONT_NAME, HANGUL_FONT_NAME]
    else:
        mpl.rcParams["font.family"] = mpl.rcParamsDefault["font.family"]
