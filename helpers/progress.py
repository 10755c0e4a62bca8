"""What a learner has done in the lessons' exercises, kept on their own computer.

Every ``check``, ``hint`` and ``solution`` of a lesson's exercise (``lesson05.q1``)
notes what happened, with the time, in one small JSON file: whether the exercise
was checked (the last time), answered (an answer other than the starter's ``None``),
passed (✅, or 🔎 for a prediction), and whether its hint and its solution were
shown (each the first time it happened).

- ``progress()`` prints the saved record: a table per lesson.
- ``progress(lesson="03")`` prints one lesson's exercises as they went in this
  session (since the kernel started), without times. A lesson's last cell calls
  it: a notebook run from the top prints the same there on every machine, however
  often it ran before, so its stored output holds.
- ``progress.reset(confirm=True)`` (or ``reset_progress(confirm=True)``) erases the record.

Where the file is, ``progress_file()``: in the folder that the environment
variable ``KFS_PROGRESS_DIR`` names, if it is set (the tests set it); on Colab in
``/content/keras-first-steps-progress`` (lost, like everything in ``/content``,
when the runtime is recycled); otherwise in the learner's data folder, under
``keras-first-steps``: ``%APPDATA%`` on Windows, ``~/Library/Application Support``
on macOS, ``$XDG_DATA_HOME`` or ``~/.local/share`` elsewhere. Never in the course's
folder, never on the network.

Saving never makes a check fail, print or wait: a folder that cannot be written,
a full disk, a file where the folder should be or a file that is not a record are
passed over in silence, because a check's output is what the lesson's stored
output shows, and a learner in the middle of an exercise can do nothing about a
disk. ``progress()`` says what went wrong when the learner asks. Writes are atomic
(a temporary file in the same folder, then ``os.replace``); a file that is not a
record is kept beside the new one as ``progress.corrupt.json``.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from helpers.checks import refusal, true_or_false, whole_number
from helpers.i18n import _, ngettext

#: The environment variable naming the folder of the record (the tests point it at a temporary one).
FOLDER_VARIABLE = "KFS_PROGRESS_DIR"
FOLDER_NAME = "keras-first-steps"
COLAB_FOLDER = Path("/content/keras-first-steps-progress")
FILE_NAME = "progress.json"
CORRUPT_NAME = "progress.corrupt.json"
FORMAT = 1
#: What is noted about an exercise, each with a time: the last check, the first of the others.
EVENTS = ("checked", "answered", "passed", "hint", "solution")
#: What can go wrong with the file: the disk (OSError), its content (ValueError), no home folder.
FILE_ERRORS = (OSError, ValueError, RuntimeError)

#: {lesson: {exercise: {event: ISO time}}}, as saved in the file.
Record = dict[str, dict[str, dict[str, str]]]


@dataclass
class _State:
    """This session: what happened, each lesson's exercises in order, the file's last problem."""

    session: Record = field(default_factory=dict)
    lessons: dict[str, tuple[str, ...]] = field(default_factory=dict)
    problem: str = ""


_state = _State()


def progress_file() -> Path:
    """Where the record is kept (see the module's docstring).

    Raises ``RuntimeError`` when there is no home folder to keep it in.
    """
    chosen = os.environ.get(FOLDER_VARIABLE)
    if chosen:
        return Path(chosen).expanduser() / FILE_NAME
    if "google.colab" in sys.modules:
        return COLAB_FOLDER / FILE_NAME
    if sys.platform == "win32":
        base, default = os.environ.get("APPDATA", ""), ("AppData", "Roaming")
    elif sys.platform == "darwin":
        base, default = "", ("Library", "Application Support")
    else:
        base, default = os.environ.get("XDG_DATA_HOME", ""), (".local", "share")
    if not os.path.isabs(base):  # unset, or relative (which the specifications ignore)
        base = Path.home().joinpath(*default)
    return Path(base) / FOLDER_NAME / FILE_NAME


def record(lesson: str, exercise: str, *events: str, exercises: Sequence[str] = ()) -> None:
    """Note that ``events`` (of :data:`EVENTS`) happened to ``exercise`` of ``lesson`` now.

    ``exercises``: all of the lesson's, in order (the tables list them all). Never
    raises and never prints: a file that cannot be used is noted for :func:`progress`.
    """
    now = datetime.now().astimezone().isoformat(timespec="seconds")
    new = dict.fromkeys(events, now)
    if exercises:
        _state.lessons[lesson] = tuple(exercises)
    _merge_into(_state.session, lesson, exercise, new)
    try:
        path = progress_file()
        try:
            saved = _load(path)
        except ValueError:  # not a record: keep it aside, start a new one
            os.replace(path, path.with_name(CORRUPT_NAME))
            saved = {}
        _merge_into(saved, lesson, exercise, new)
        _save(path, saved)
        _state.problem = ""
    except FILE_ERRORS as error:
        _state.problem = _reason(error)


def progress(lesson: str | int | None = None) -> None:
    """Print the saved progress, a table per lesson.

    With ``lesson`` ("03" or 3): that lesson's exercises in this session, with no
    times, what a lesson's last cell shows.
    """
    if lesson is not None:
        print(_session_table(_lesson_id(lesson)))
        return
    try:
        path = progress_file()
        saved = _load(path)
        place = _("Your progress, saved in {path}:").format(path=path)
    except FILE_ERRORS as error:
        saved, _state.problem = {}, _reason(error)
        place = _("Your progress:")
    lines = [place]
    if _state.problem:
        lines.append(
            _(
                "⚠️ The progress file could not be used ({problem}): what you did in this "
                "session is shown, but it may not be kept."
            ).format(problem=_state.problem)
        )
    for lesson_id, exercises in _state.session.items():
        for exercise, entry in exercises.items():
            _merge_into(saved, lesson_id, exercise, entry)
    if not saved:
        lines.append(_("Nothing noted yet: check an exercise and it appears here."))
    for lesson_id in sorted(saved):
        rows = _rows(lesson_id, saved[lesson_id])
        lines += ["", _lesson_heading(lesson_id, rows), *_table(rows, times=True)]
    lines += ["", _("To start again from nothing: progress.reset(confirm=True)")]
    print("\n".join(lines))


def reset_progress(*, confirm: bool = False) -> None:
    """Erase the saved progress and this session's, when ``confirm`` is True.

    Without it, say what would be erased and how to do it: never by accident.
    """
    if not true_or_false("confirm", confirm):
        print(_("This would erase your saved progress. To do it: progress.reset(confirm=True)"))
        return
    try:
        progress_file().unlink(missing_ok=True)
    except FILE_ERRORS as error:
        print(_("Your progress could not be erased ({problem}).").format(problem=_reason(error)))
        return
    _state.session.clear()
    _state.problem = ""
    print(_("Your progress is erased: every lesson starts again from nothing."))


progress.reset = reset_progress


# ------------------------------------------------------------------ the file ---


def _time(text: object) -> datetime:
    """A saved time: an ISO text with its time zone, else ValueError."""
    if not isinstance(text, str):
        raise ValueError(f"not a saved time (a text): {text!r:.40}")
    time = datetime.fromisoformat(text)
    if time.tzinfo is None:
        raise ValueError(f"a saved time without its time zone: {text!r:.40}")
    return time


def _load(path: Path) -> Record:
    """The saved record ({} when there is none); ValueError when the file is not one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    lessons = data.get("lessons") if isinstance(data, dict) else None
    if not isinstance(lessons, dict):
        raise ValueError(f"{path.name} holds no lessons")
    for exercises in lessons.values():
        for entry in exercises.values() if isinstance(exercises, dict) else [exercises]:
            if not isinstance(entry, dict) or not set(entry) <= set(EVENTS):
                raise ValueError(f"{path.name} holds an entry that is not a record: {entry!r:.60}")
            for time in entry.values():
                _time(time)
    return lessons


def _save(path: Path, saved: Record) -> None:
    """Write ``saved`` to ``path`` atomically: a temporary file, then ``os.replace``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".progress-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            json.dump({"format": FORMAT, "lessons": saved}, file, indent=1, sort_keys=True)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _merge_into(saved: Record, lesson: str, exercise: str, new: dict[str, str]) -> None:
    """Add ``new`` events to an exercise's entry: the latest check, the first of the others."""
    entry = saved.setdefault(lesson, {}).setdefault(exercise, {})
    for event, time in new.items():
        if event in entry:
            pick = max if event == "checked" else min
            time = pick(entry[event], time, key=_time)
        entry[event] = time


def _reason(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"


# ----------------------------------------------------------------- the tables ---


def _lesson_id(lesson: object) -> str:
    """ "03" for "03", "3" or 3; a refusal for anything else."""
    if isinstance(lesson, str):
        if re.fullmatch(r"[0-9]{1,2}", lesson):
            return lesson.zfill(2)
        must_be = _('a lesson number such as "03" or 3')
        raise ValueError(refusal("lesson", must_be, lesson))
    return f"{whole_number('lesson', lesson, low=0, high=99):02d}"


def _rows(lesson: str, exercises: dict[str, dict[str, str]]) -> list[tuple[str, dict[str, str]]]:
    """The lesson's exercises in order (those known first), each with its entry."""
    known = _state.lessons.get(lesson, ())
    names = [*known, *sorted(set(exercises) - set(known))]
    return [(name, exercises.get(name, {})) for name in names]


def _lesson_heading(lesson: str, rows: list, session: bool = False) -> str:
    passed, total = sum("passed" in entry for _name, entry in rows), len(rows)
    if session:
        return ngettext(
            "Lesson {lesson} in this session: {passed} of {total} exercise passed.",
            "Lesson {lesson} in this session: {passed} of {total} exercises passed.",
            total,
        ).format(lesson=lesson, passed=passed, total=total)
    return ngettext(
        "Lesson {lesson}: {passed} of {total} exercise passed.",
        "Lesson {lesson}: {passed} of {total} exercises passed.",
        total,
    ).format(lesson=lesson, passed=passed, total=total)


def _session_table(lesson: str) -> str:
    rows = _rows(lesson, _state.session.get(lesson, {}))
    if not rows:
        return _("Lesson {lesson} in this session: no exercise checked yet.").format(lesson=lesson)
    return "\n".join(
        [
            _lesson_heading(lesson, rows, session=True),
            *_table(rows, times=False),
            _("See the saved progress of every lesson with progress()."),
        ]
    )


def _result(entry: dict[str, str]) -> str:
    if "passed" in entry:
        return _("passed")
    if "answered" in entry:
        return _("not passed yet")
    if "checked" in entry:
        return _("not answered yet")
    return _("not checked")


def _shown(entry: dict[str, str], event: str, times: bool) -> str:
    if event not in entry:
        return "-"
    return _time(entry[event]).strftime("%Y-%m-%d %H:%M") if times else _("seen")


def _table(rows: list[tuple[str, dict[str, str]]], times: bool) -> list[str]:
    """The rows as lines of aligned columns (Hangul counts two columns, as it is drawn)."""
    cells = [[_("exercise"), _("result"), _("hint"), _("solution")]]
    for name, entry in rows:
        hint, solution = (_shown(entry, event, times) for event in ("hint", "solution"))
        cells.append([name, _result(entry), hint, solution])
    if times:
        cells[0].append(_("last check"))
        for row, (_name, entry) in zip(cells[1:], rows, strict=True):
            row.append(_shown(entry, "checked", times))
    widths = [max(map(_width, column)) for column in zip(*cells, strict=True)]
    lines = []
    for row in cells:
        padded = (
            text + " " * (width - _width(text)) for text, width in zip(row, widths, strict=True)
        )
        lines.append(("  " + "  ".join(padded)).rstrip())
    return lines


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
