"""python course.py lab: the lessons and JupyterLab in the learner's language, Korean or English.

tests/test_browser.py starts JupyterLab the same way and looks at it in Chromium.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

import course
from tools.lessons import ENGLISH, KOREAN, lessons

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("environ", "windows_locale", "language"),
    [
        ({"LANG": "ko_KR.UTF-8"}, None, "ko"),
        ({"LANG": "en_US.UTF-8"}, None, "en"),
        ({"LANG": "C.UTF-8"}, None, "en"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "ko_KR.UTF-8"}, None, "en"),  # LC_ALL comes first
        ({"LC_MESSAGES": "ko_KR.UTF-8", "LANG": "en_US.UTF-8"}, None, "ko"),
        ({"LC_ALL": "", "LANG": "ko_KR.eucKR"}, None, "ko"),  # an empty variable is not set
        ({}, None, "en"),
        ({}, ("Korean_Korea", "949"), "ko"),  # Windows: the user's locale
        ({}, ("ko_KR", "cp949"), "ko"),
        ({}, ("English_United States", "1252"), "en"),
        ({}, (None, None), "en"),
        ({"LANG": "en_US.UTF-8"}, ("Korean_Korea", "949"), "en"),  # a variable set wins
    ],
)
def test_the_computers_language(environ, windows_locale, language, monkeypatch):
    monkeypatch.setattr(course.locale, "getlocale", lambda: windows_locale or (None, None))
    assert course.system_language(environ, windows=windows_locale is not None) == language


def test_lab_takes_lang_and_passes_the_other_options_to_jupyter(capsys):
    args = course.parse_args(["lab", "--lang", "ko", "--port", "8890"])
    assert (args.lang, args.jupyter_args) == ("ko", ["--port", "8890"])
    assert course.parse_args(["lab"]).lang is None  # then the computer's language
    with pytest.raises(SystemExit):
        course.parse_args(["lab", "--lang", "fr"])
    assert "invalid choice: 'fr'" in capsys.readouterr().err


@pytest.mark.parametrize(("language", "locale"), [("ko", "ko_KR"), ("en", "en")])
def test_the_lab_command_opens_the_first_lesson_in_a_jupyterlab_of_that_language(
    language, locale, tmp_path
):
    command, env = course.lab_command("python", language, ["--port", "8890"], tmp_path)
    first = {"ko": lessons(KOREAN)[0], "en": lessons(ENGLISH)[0]}[language]
    assert command == [
        "python", "-m", "jupyter", "lab", first.relative_to(ROOT).as_posix(),
        "--ServerApp.root_dir=.", "--port", "8890",
    ]  # fmt: skip
    assert env["JUPYTERLAB_SETTINGS_DIR"] == str(tmp_path)
    written = sorted(path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*.*"))
    assert written == [
        "@jupyterlab/apputils-extension/notification.jupyterlab-settings",
        "@jupyterlab/translation-extension/plugin.jupyterlab-settings",
    ]
    translation = tmp_path / "@jupyterlab/translation-extension/plugin.jupyterlab-settings"
    assert json.loads(translation.read_text(encoding="utf-8")) == {"locale": locale}
    news = tmp_path / "@jupyterlab/apputils-extension/notification.jupyterlab-settings"
    assert json.loads(news.read_text(encoding="utf-8"))["fetchNews"] == "false"


def test_lab_without_lang_follows_the_computer(monkeypatch):
    ran = []
    monkeypatch.setattr(course, "lab_env", lambda: "python")
    monkeypatch.setattr(course, "run", lambda command, **kwargs: ran.append((command, kwargs)))
    monkeypatch.setattr(course, "system_language", lambda: "ko")
    monkeypatch.setattr(course, "lab_command", lambda *args: (list(args), {"env": "of lab"}))
    for argv, language in ((["lab"], "ko"), (["lab", "--lang", "en"], "en")):
        args = course.parse_args(argv)
        args.func(args)
        assert ran.pop() == (["python", language, []], {"env": {"env": "of lab"}})


def test_the_korean_language_pack_is_installed_and_the_settings_folder_is_not_committed():
    assert importlib.util.find_spec("jupyterlab_language_pack_ko_KR"), "pip install -e . again"
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert f"{course.LAB_SETTINGS_DIR.name}/" in ignored
