"""Tests for helpers.i18n: the language the helpers speak (the catalog itself: test_catalog.py)."""

from __future__ import annotations

import re

import pytest

from helpers import i18n

HANGUL = re.compile(r"[\uac00-\ud7a3]")


def test_the_language_switches_within_one_kernel_and_english_is_the_default():
    english = "{name} must be {must_be}; got {got}."
    assert i18n.get_language() == "en"
    assert i18n._(english) == english
    i18n.set_language("ko")
    assert HANGUL.search(i18n._(english))
    i18n.set_language("en")
    assert i18n._(english) == english


@pytest.mark.parametrize("bad", ["kr", "KO", "", None, 1])
def test_an_unknown_language_is_refused_by_name(bad):
    with pytest.raises((TypeError, ValueError), match="language must be one of 'en', 'ko'"):
        i18n.set_language(bad)
    assert i18n.get_language() == "en"
