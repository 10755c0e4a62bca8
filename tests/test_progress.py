"""The learner's progress: what checks, hints and solutions note, the tables in English
and Korean, reset, where the file is, and a file that cannot be used, which never
changes what a check prints."""

from __future__ import annotations

import errno
import json
import os
import pkgutil
import sys
import time
import types
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pytest

import helpers.exercises
import helpers.progress as progress_module
from helpers.exercises import Exercise, WrongAnswer, lesson00
from helpers.i18n import set_language
from helpers.progress import (
    FOLDER_VARIABLE,
    progress,
    progress_file,
    record,
    reset_progress,
)

ROOT = Path(__file__).resolve().parent.parent
START = datetime(2024, 5, 1, 10, 0, tzinfo=timezone.utc)


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """A fresh progress folder (not yet made) and a fresh session, as in a new kernel."""
    folder = tmp_path / "progress"
    monkeypatch.setenv(FOLDER_VARIABLE, str(folder))
    monkeypatch.setattr(progress_module, "_state", progress_module._State())
    return folder


def new_kernel(monkeypatch):
    monkeypatch.setattr(progress_module, "_state", progress_module._State())


@pytest.fixture
def clock(monkeypatch):
    """Each note happens one minute after the one before; the list holds the times given."""
    given: list[datetime] = []

    class Clock(datetime):
        @classmethod
        def now(cls, tz=None):
            given.append(START + timedelta(minutes=len(given)))
            return given[-1]

    monkeypatch.setattr(progress_module, "datetime", Clock)
    return given


def _units(units):
    if units != 1:
        raise WrongAnswer(f"you chose {units} units; a binary problem needs 1.")


@pytest.fixture
def lesson99(monkeypatch):
    """A lesson module, as helpers.exercises.lesson03 is one: its exercises are noted."""
    module = types.ModuleType("helpers.exercises.lesson99")
    module.q1 = Exercise(check=_units, hint="One probability, one unit.", solution="units = 1",
                         success="One unit, one probability.")  # fmt: skip
    module.q2 = Exercise(check=_units, hint="Still one.", solution="units = 1")
    monkeypatch.setitem(sys.modules, module.__name__, module)
    return module


def saved(folder: Path) -> dict:
    data = json.loads((folder / "progress.json").read_text(encoding="utf-8"))
    assert data["format"] == 1
    return data["lessons"]


def times(entry: dict) -> dict:
    return {event: datetime.fromisoformat(text) for event, text in entry.items()}


def shown(moment: datetime) -> str:
    """A time as the table shows it: in the learner's time zone, to the minute."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def printed(capsys, call) -> str:
    capsys.readouterr()
    call()
    return capsys.readouterr().out


# ------------------------------------------------------------- what is noted ---


def test_a_check_notes_answered_and_passed_with_the_times(folder, clock, lesson99, capsys):
    lesson99.q1.check(None)
    assert times(saved(folder)["99"]["q1"]) == {"checked": clock[0]}
    lesson99.q1.check(3)
    lesson99.q1.check(1)
    lesson99.q1.check(2)  # wrong after right: it was passed, and stays so
    assert times(saved(folder)["99"]["q1"]) == {
        "checked": clock[3],  # the last check
        "answered": clock[1],  # the first answer
        "passed": clock[2],  # the first pass
    }
    assert set(saved(folder)["99"]) == {"q1"}


def test_hint_and_solution_are_noted_the_first_time_they_are_shown(folder, clock, lesson99):
    lesson99.q2.hint()
    lesson99.q2.hint()
    lesson99.q2.solution()
    assert times(saved(folder)["99"]["q2"]) == {"hint": clock[0], "solution": clock[2]}


def test_every_lessons_exercises_are_found_by_module_and_name(folder, capsys):
    modules = [
        f"helpers.exercises.{info.name}"
        for info in pkgutil.iter_modules(helpers.exercises.__path__)
        if info.name.startswith("lesson")
    ]
    assert len(modules) >= 9
    expected = {}
    for name in modules:
        module = __import__(name, fromlist=["_"])
        lesson = name.removeprefix("helpers.exercises.lesson")
        found = {key for key, value in vars(module).items() if isinstance(value, Exercise)}
        for exercise in found:
            getattr(module, exercise).hint()
        expected[lesson] = found
    assert {lesson: set(exercises) for lesson, exercises in saved(folder).items()} == expected


def test_evaluate_notes_nothing_nor_does_an_exercise_outside_a_lesson(folder, lesson99, capsys):
    assert lesson99.q1.evaluate(1).ok
    Exercise(check=_units, hint="h", solution="s").check(1)
    assert not folder.exists()


def test_the_file_is_one_small_json_file_and_no_temporary_file_is_left(folder, lesson99, capsys):
    for answer in (None, 3, 1):
        lesson99.q1.check(answer)
        lesson99.q2.check(answer)
    assert [path.name for path in folder.iterdir()] == ["progress.json"]
    assert (folder / "progress.json").stat().st_size < 1000


def test_noting_does_not_slow_a_check_noticeably(folder, lesson99, capsys):
    start = time.perf_counter()
    for _ in range(20):
        lesson99.q1.check(3)
    assert (time.perf_counter() - start) / 20 < 0.1, "a check took over 0.1 s on average"


# ---------------------------------------------------------------- the tables ---


def test_progress_shows_a_table_per_lesson_with_times(folder, clock, lesson99, capsys):
    lesson99.q1.check(1)  # 0
    lesson99.q2.hint()  # 1
    lesson99.q2.check(5)  # 2
    lesson00.q1.check(None, None)  # 3: not answered yet (its check takes the run too)
    out = printed(capsys, progress)
    t = [shown(moment) for moment in clock]
    assert out == (
        f"Your progress, saved in {folder / 'progress.json'}:\n"
        "\n"
        "Lesson 00: 0 of 2 exercises passed.\n"
        "  exercise  result            hint  solution  last check\n"
        f"  q1        not answered yet  -     -         {t[3]}\n"
        "  q2        not checked       -     -         -\n"
        "\n"
        "Lesson 99: 1 of 2 exercises passed.\n"
        "  exercise  result          hint              solution  last check\n"
        f"  q1        passed          -                 -         {t[0]}\n"
        f"  q2        not passed yet  {t[1]}  -         {t[2]}\n"
        "\n"
        "To start again from nothing: progress.reset(confirm=True)\n"
    )


def test_progress_in_korean_lines_up_hangul_as_two_columns(folder, clock, lesson99, capsys):
    lesson99.q1.check(1)
    lesson99.q2.solution()
    set_language("ko")
    out = printed(capsys, progress).splitlines()
    t = [shown(moment) for moment in clock]
    assert out[0] == f"학습 진도 (저장 위치: {folder / 'progress.json'}):"
    assert out[2:6] == [
        "레슨 99: 연습 문제 2개 중 1개를 통과했습니다.",
        "  연습 문제  결과           힌트  풀이              마지막 확인",
        f"  q1         통과           -     -                 {t[0]}",
        f"  q2         확인하지 않음  -     {t[1]}  -",
    ]
    assert out[-1] == "처음부터 다시 시작하려면: progress.reset(confirm=True)"


def test_progress_with_nothing_noted_says_so(folder, capsys):
    out = printed(capsys, progress)
    assert "Nothing noted yet: check an exercise and it appears here." in out


def test_a_lessons_line_shows_this_session_the_same_on_every_clean_run(
    folder, lesson99, capsys, monkeypatch
):
    def clean_run():
        """What a lesson run from the top does: each check with None, then its last cell."""
        lesson99.q1.check(None)
        lesson99.q2.check(None)
        return printed(capsys, lambda: progress(lesson="99"))

    first = clean_run()
    assert first == (
        "Lesson 99 in this session: 0 of 2 exercises passed.\n"
        "  exercise  result            hint  solution\n"
        "  q1        not answered yet  -     -\n"
        "  q2        not answered yet  -     -\n"
        "See the saved progress of every lesson with progress().\n"
    )
    # The learner works the exercises; their record grows...
    lesson99.q1.check(1)
    lesson99.q2.solution()
    assert "Lesson 99 in this session: 1 of 2" in printed(capsys, lambda: progress(lesson=99))
    assert "1 of 2" in printed(capsys, progress)
    # ...and the next clean run, in a new kernel, shows what a clean run shows.
    new_kernel(monkeypatch)
    assert clean_run() == first
    # So does one on a machine whose progress cannot be saved at all.
    new_kernel(monkeypatch)
    blocked = folder.parent / "a-file"
    blocked.write_text("")
    monkeypatch.setenv(FOLDER_VARIABLE, str(blocked))
    assert clean_run() == first


def test_a_lessons_line_with_nothing_checked_yet(folder, capsys):
    out = printed(capsys, lambda: progress(lesson="07"))
    assert out == "Lesson 07 in this session: no exercise checked yet.\n"


def test_a_lessons_line_in_korean(folder, lesson99, capsys):
    set_language("ko")
    lesson99.q1.hint()
    lesson99.q1.check(1)
    assert printed(capsys, lambda: progress(lesson="99")).splitlines() == [
        "이번 세션에서 레슨 99의 연습 문제 중 1개를 통과했습니다(전체 2개).",
        "  연습 문제  결과           힌트  풀이",
        "  q1         통과           봄    -",
        "  q2         확인하지 않음  -     -",
        "모든 레슨의 저장된 진도는 progress()로 볼 수 있습니다.",
    ]


@pytest.mark.parametrize("lesson", [3, "3", "03", np.int64(3)])
def test_a_lesson_is_named_by_its_number(folder, capsys, lesson):
    assert printed(capsys, lambda: progress(lesson=lesson)).startswith("Lesson 03 ")


@pytest.mark.parametrize(
    ("lesson", "error", "message"),
    [
        ("three", ValueError, "lesson must be a lesson number such as \"03\" or 3; got 'three'."),
        ("lesson03", ValueError, "got 'lesson03'."),
        (100, ValueError, "lesson must be a whole number from 0 to 99; got 100."),
        (True, TypeError, "lesson must be a whole number from 0 to 99; got True."),
        (3.0, TypeError, "got 3.0."),
    ],
)
def test_a_lesson_that_is_not_a_number_is_refused(folder, lesson, error, message):
    with pytest.raises(error) as refused:
        progress(lesson=lesson)
    assert message in str(refused.value)


# --------------------------------------------------------------------- reset ---


def test_reset_needs_a_confirmation(folder, lesson99, capsys):
    lesson99.q1.check(1)
    out = printed(capsys, progress.reset)
    assert out == "This would erase your saved progress. To do it: progress.reset(confirm=True)\n"
    assert saved(folder)["99"]["q1"]
    with pytest.raises(TypeError, match="confirm must be True or False; got 'yes'."):
        reset_progress(confirm="yes")
    with pytest.raises(TypeError):
        reset_progress(True)  # keyword only: said on purpose
    assert saved(folder)["99"]["q1"]


def test_reset_erases_the_record_and_the_session(folder, lesson99, capsys):
    lesson99.q1.check(1)
    out = printed(capsys, lambda: progress.reset(confirm=True))
    assert out == "Your progress is erased: every lesson starts again from nothing.\n"
    assert not (folder / "progress.json").exists()
    assert "Nothing noted yet" in printed(capsys, progress)
    lesson_line = printed(capsys, lambda: progress(lesson=99))
    assert "0 of 2 exercises passed" in lesson_line and lesson_line.count("not checked") == 2
    reset_progress(confirm=True)  # with nothing to erase: the same
    assert "Your progress is erased" in capsys.readouterr().out


def test_reset_says_when_the_record_cannot_be_erased(folder, lesson99, capsys):
    (folder / "progress.json").mkdir(parents=True)  # a folder where the file should be
    out = printed(capsys, lambda: reset_progress(confirm=True))
    assert out.startswith("Your progress could not be erased (")
    assert (folder / "progress.json").is_dir()


# ------------------------------------------------------ where the file is kept ---


def test_the_environment_variable_chooses_the_folder(monkeypatch, tmp_path):
    monkeypatch.setenv(FOLDER_VARIABLE, str(tmp_path / "mine"))
    assert progress_file() == tmp_path / "mine" / "progress.json"


@pytest.mark.parametrize(
    ("platform", "variables", "expected"),
    [
        ("linux", {}, ".local/share/keras-first-steps/progress.json"),
        ("linux", {"XDG_DATA_HOME": "relative"}, ".local/share/keras-first-steps/progress.json"),
        ("linux", {"XDG_DATA_HOME": "/data"}, "/data/keras-first-steps/progress.json"),
        ("darwin", {}, "Library/Application Support/keras-first-steps/progress.json"),
        ("win32", {}, "AppData/Roaming/keras-first-steps/progress.json"),
        ("win32", {"APPDATA": "/roaming"}, "/roaming/keras-first-steps/progress.json"),
    ],
)
def test_the_learners_data_folder_on_each_system(monkeypatch, tmp_path, platform, variables,
                                                 expected):  # fmt: skip
    monkeypatch.delenv(FOLDER_VARIABLE)
    for name in ("XDG_DATA_HOME", "APPDATA"):
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(sys, "platform", platform)
    assert progress_file() == tmp_path / expected  # an absolute expected path stays as it is
    assert ROOT not in progress_file().parents, "never in the course's folder"


def test_on_colab_the_file_is_in_content(monkeypatch):
    monkeypatch.delenv(FOLDER_VARIABLE)
    monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
    assert progress_file() == Path("/content/keras-first-steps-progress/progress.json")


def test_the_tests_never_write_into_the_real_home():
    assert os.environ[FOLDER_VARIABLE], "conftest.py sets the folder for every test"
    assert Path.home() not in progress_file().parents


# ------------------------------------------- a file that cannot be used is passed over ---


def session(exercise):
    """Every call a learner makes, in English and in Korean: what they print is compared."""
    for language in ("en", "ko"):
        set_language(language)
        exercise.check(None)
        exercise.check(3)
        exercise.check(1)
        exercise.check()
        exercise.hint()
        exercise.solution()
    set_language("en")


def unusable(base: Path, monkeypatch, how: str) -> Path:
    """Point the progress at a folder under ``base`` made unusable as a learner's disk can be."""
    folder = base / "unusable"
    monkeypatch.setenv(FOLDER_VARIABLE, str(folder))
    if how == "a file where the folder should be":
        folder.write_text("not a folder")
    elif how == "a read-only folder":
        if os.geteuid() == 0:
            pytest.skip("root writes into a read-only folder: the next case stands in for it")
        folder.mkdir()
        folder.chmod(0o500)
    elif how == "a folder that refuses a new file":  # what a read-only folder does, as root too

        def refused(*args, **kwargs):
            raise PermissionError(errno.EACCES, "Permission denied", str(folder))

        monkeypatch.setattr(progress_module.tempfile, "mkstemp", refused)
    elif how == "a full disk":

        def full(*args, **kwargs):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(progress_module.json, "dump", full)
    else:  # "a file that is not JSON"
        folder.mkdir()
        (folder / "progress.json").write_bytes(b'{"lessons": {"99": \xff')
    return folder


UNUSABLE = ["a file where the folder should be", "a read-only folder",
            "a folder that refuses a new file", "a full disk"]  # fmt: skip


@pytest.mark.parametrize("how", UNUSABLE)
def test_an_unusable_folder_changes_nothing_a_check_prints(folder, lesson99, capsys,
                                                           monkeypatch, how):  # fmt: skip
    expected = printed(capsys, lambda: session(lesson99.q1))
    assert "✅ Correct! One unit, one probability." in expected
    new_kernel(monkeypatch)
    broken = unusable(folder.parent, monkeypatch, how)
    assert printed(capsys, lambda: session(lesson99.q1)) == expected
    # and progress() says why, showing what this session did
    out = printed(capsys, progress)
    assert "⚠️ The progress file could not be used (" in out, out
    assert "Lesson 99: 1 of 2 exercises passed." in out
    if broken.is_dir():
        assert not list(broken.iterdir()), "a temporary file was left behind"


def test_a_check_prints_the_same_with_and_without_noting(folder, lesson99, capsys, monkeypatch):
    noted = printed(capsys, lambda: session(lesson99.q1))
    assert saved(folder)["99"]["q1"]
    monkeypatch.setattr(helpers.exercises, "record", lambda *args, **kwargs: None)
    assert printed(capsys, lambda: session(lesson99.q1)) == noted
    outside = Exercise(check=_units, hint="One probability, one unit.", solution="units = 1",
                       success="One unit, one probability.")  # fmt: skip
    assert printed(capsys, lambda: session(outside)) == noted


def test_a_corrupt_file_is_kept_aside_and_a_new_record_begins(folder, lesson99, capsys,
                                                              monkeypatch):  # fmt: skip
    folder = unusable(folder.parent, monkeypatch, "a file that is not JSON")
    corrupt = (folder / "progress.json").read_bytes()
    out = printed(capsys, progress)
    assert "⚠️ The progress file could not be used (UnicodeDecodeError: " in out
    lesson99.q1.check(1)
    assert capsys.readouterr().out == "✅ Correct! One unit, one probability.\n"
    assert set(saved(folder)["99"]["q1"]) == {"checked", "answered", "passed"}
    assert (folder / "progress.corrupt.json").read_bytes() == corrupt
    assert "⚠️" not in printed(capsys, progress)  # saved again: nothing to warn about


@pytest.mark.parametrize(
    "content",
    [
        "[]",
        '{"lessons": []}',
        '{"lessons": {"99": []}}',
        '{"lessons": {"99": {"q1": {"passed": "yesterday"}}}}',
        '{"lessons": {"99": {"q1": {"passed": "2024-05-01T10:00:00"}}}}',  # no time zone
        '{"lessons": {"99": {"q1": {"won": "2024-05-01T10:00:00+00:00"}}}}',
    ],
)
def test_json_that_is_not_a_record_counts_as_corrupt(folder, lesson99, capsys, content):
    folder.mkdir()
    (folder / "progress.json").write_text(content, encoding="utf-8")
    assert "⚠️ The progress file could not be used (ValueError: " in printed(capsys, progress)
    lesson99.q1.check(3)
    assert set(saved(folder)["99"]["q1"]) == {"checked", "answered"}
    assert (folder / "progress.corrupt.json").read_text(encoding="utf-8") == content


def test_record_never_raises_even_with_no_home_folder(folder, monkeypatch, capsys):
    monkeypatch.delenv(FOLDER_VARIABLE)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)

    def no_home():
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", no_home)
    record("99", "q1", "checked")
    out = printed(capsys, progress)
    assert out.startswith("Your progress:\n⚠️ The progress file could not be used (RuntimeError: ")
    assert "Lesson 99: 0 of 1 exercise passed." in out
