"""The helpers' Korean message catalog is complete, consistent and compiled."""

from __future__ import annotations

import gettext
import re
import string

import pytest

from tools import catalog

HANGUL = re.compile(r"[\uac00-\ud7a3]")


def placeholders(message: str) -> list[str]:
    """The named fields of a str.format message, sorted ("{value:.3f}" gives "value")."""
    fields = [field for _, field, _, _ in string.Formatter().parse(message) if field is not None]
    return sorted(field.split("!")[0].split(".")[0].split("[")[0] for field in fields)


def english_forms(message) -> list[str]:
    return list(message.id) if isinstance(message.id, tuple) else [message.id]


def korean_forms(message) -> list[str]:
    return list(message.string) if isinstance(message.string, tuple) else [message.string]


@pytest.fixture(scope="module")
def extracted():
    return catalog.extracted()


@pytest.fixture(scope="module", params=catalog.LANGUAGES)
def translated(request):
    return catalog.read(request.param)


def where(message) -> str:
    return ", ".join(f"{path}:{line}" for path, line in message.locations) or "nowhere"


def test_the_extractor_finds_the_messages_of_every_kind_of_marker(extracted):
    ids = {message.id for message in extracted}
    assert "{name} must be {must_be}; got {got}." in ids  # _() in helpers/checks.py
    assert len(ids) > 100, "the helpers' messages are not being extracted"


def test_every_message_has_a_translation(extracted, translated):
    missing = [
        f"{where(message)}: {english_forms(message)[0]!r}"
        for message in extracted
        if message.id
        and (
            message.id not in translated
            or not all(korean_forms(translated[message.id]))
            or translated[message.id].fuzzy
        )
    ]
    assert not missing, (
        f"{len(missing)} message(s) have no {translated.locale} translation: run "
        "python course.py catalog, translate them in helpers/locale, and run it again:\n"
        + "\n".join(missing[:40])
    )


def test_the_catalog_holds_no_message_the_code_has_dropped(extracted, translated):
    stale = [message.id for message in translated if message.id and message.id not in extracted]
    assert not stale, f"run python course.py catalog to drop messages no longer used: {stale[:20]}"


def test_translations_keep_the_placeholders_of_the_english(translated):
    wrong = []
    for message in translated:
        if not message.id or not message.string:
            continue
        expected = placeholders(english_forms(message)[-1])
        for form in korean_forms(message):
            if placeholders(form) != expected:
                wrong.append(f"{where(message)}: {message.id!r} -> {form!r}")
    assert not wrong, "a translation must use the same {placeholders}:\n" + "\n".join(wrong)


def test_translations_are_korean_where_the_english_has_words(translated):
    untranslated = [
        f"{where(message)}: {message.id!r}"
        for message in translated
        if message.id
        and re.search(r"[A-Za-z]{3,}", re.sub(r"\{[^}]*\}", "", english_forms(message)[0]))
        and not HANGUL.search(korean_forms(message)[0] or "")
        and not _all_code(english_forms(message)[0])
    ]
    assert not untranslated, "left in English:\n" + "\n".join(untranslated)


def _all_code(message: str) -> bool:
    """True for messages with nothing to translate: names, code, numbers."""
    text = re.sub(r"\{[^}]*\}|`[^`]*`", "", message)
    return not re.search(r"[A-Za-z]{3,}\s+[A-Za-z]{2,}", text)


def test_the_compiled_catalog_is_in_step_with_the_po_file(translated):
    path = catalog.po_path(translated.locale.language).with_suffix(".mo")
    with path.open("rb") as file:
        compiled = gettext.GNUTranslations(file)
    for message in translated:
        if message.id and not isinstance(message.id, tuple):
            assert compiled.gettext(message.id) == message.string, (
                f"{path.name} is older than helpers.po ({message.id!r}): "
                "run python course.py catalog"
            )


def test_no_message_is_an_f_string():
    """An f-string is filled before the lookup, so it can never match the catalog."""
    import ast

    found = []
    for path in sorted(catalog.PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in catalog.KEYWORDS
                and any(isinstance(arg, ast.JoinedStr) for arg in node.args)
            ):
                found.append(f"{path.relative_to(catalog.ROOT)}:{node.lineno}")
    assert not found, "use _('... {name} ...').format(name=...) instead of an f-string: " + str(
        found
    )
