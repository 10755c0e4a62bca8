"""The helpers' message catalog: extract, update and compile it with Babel.

    python course.py catalog

runs this file in the course's virtual environment. It collects every message
marked with ``_()``, ``N_()`` or ``ngettext()`` in ``helpers/`` (Babel's
extractor), merges them into ``helpers/locale/ko/LC_MESSAGES/helpers.po``
(new messages get an empty translation, messages no longer in the code are
dropped, translations of the others are kept), and compiles the ``.mo`` file
that the helpers read at run time. Then fill the empty ``msgstr ""`` entries
(any PO editor works: Poedit, Lokalize, or a text editor) and run it again.
``tests/test_catalog.py`` fails while a message has no Korean translation.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "helpers"
LANGUAGES = ("ko",)  # besides English, which is the text in the code
# The markers of helpers/i18n.py: _ and N_ take one message, ngettext two.
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
METHOD_MAP = [("**.py", "python")]
WIDTH = 100


def po_path(language: str) -> Path:
    return PACKAGE / "locale" / language / "LC_MESSAGES" / "helpers.po"


def extracted() -> Catalog:
    """Every message marked in helpers/, with where it is used."""
    template = Catalog(project="keras-first-steps", fuzzy=False)
    found = extract_from_dir(
        PACKAGE,
        METHOD_MAP,
        keywords=KEYWORDS,
        comment_tags=("Translators:",),
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in found:
        template.add(
            message,
            None,
            [(f"helpers/{filename}", lineno)],
            auto_comments=comments,
            context=context,
        )
    return template


def read(language: str) -> Catalog:
    path = po_path(language)
    if not path.exists():
        return Catalog(locale=language, project="keras-first-steps", fuzzy=False)
    with path.open("rb") as file:
        return read_po(file, locale=language)


def update(language: str) -> list[str]:
    """Merge the extracted messages into the language's catalog; compile it.

    Returns the messages that still need a translation.
    """
    catalog = read(language)
    catalog.update(extracted(), no_fuzzy_matching=True)
    path = po_path(language)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as file:
        write_po(file, catalog, width=WIDTH, ignore_obsolete=True, sort_by_file=True)
    with path.with_suffix(".mo").open("wb") as file:
        write_mo(file, catalog)
    return [message.id for message in catalog if message.id and not message.string]


def main(argv: list[str]) -> None:
    if argv:
        sys.exit("usage: tools/catalog.py   (takes no arguments)")
    for language in LANGUAGES:
        missing = update(language)
        print(f"{po_path(language).relative_to(ROOT)}: {len(missing)} message(s) to translate")
        for message in missing:
            shown = message if isinstance(message, str) else message[0]
            print(f"  - {shown}")


if __name__ == "__main__":
    main(sys.argv[1:])
