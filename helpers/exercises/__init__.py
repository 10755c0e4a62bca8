"""Exercises that check themselves: ``q1.check(answer)``, ``q1.hint()``, ``q1.solution()``.

Each lesson module (``lesson00``, ``lesson01``, ...) defines its questions as
:class:`Exercise` objects. A checker inspects the learner's answer through
public Keras APIs and its behaviour, and raises :class:`WrongAnswer` with a
message that says what is wrong; :meth:`Exercise.check` turns that into
friendly printed feedback, so a wrong answer never stops the notebook.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


class WrongAnswer(Exception):
    """Raised by a checker with a message that tells the learner what to fix."""


class NotAnswered(WrongAnswer):
    """Raised by a checker when the starter placeholder (``None``) is still there."""


@dataclass(frozen=True)
class Result:
    """The outcome of a check: ``ok`` and the message shown to the learner."""

    ok: bool
    message: str
    answered: bool = True

    def __str__(self) -> str:
        if self.ok:
            return f"✅ Correct! {self.message}".rstrip()
        if not self.answered:
            return f"✏️ Not answered yet: {self.message}"
        return f"❌ Not yet: {self.message}"


class Exercise:
    """One exercise: a checker, a hint and a solution.

    Example::

        >>> def check_units(units):
        ...     if units != 1:
        ...         raise WrongAnswer(f"you chose {units} units; a binary problem needs 1.")
        >>> q1 = Exercise(check=check_units, hint="One probability needs one unit.",
        ...               solution="units = 1", success="One unit, one probability.")
        >>> q1.check(3)
        ❌ Not yet: you chose 3 units; a binary problem needs 1.
        >>> q1.check(1)
        ✅ Correct! One unit, one probability.
    """

    def __init__(
        self,
        *,
        check: Callable[..., None],
        hint: str,
        solution: str,
        success: str = "",
    ) -> None:
        if not callable(check):
            raise TypeError(f"check must be a function; got {type(check).__name__}.")
        for name, text in (("hint", hint), ("solution", solution)):
            if not isinstance(text, str) or not text.strip():
                raise ValueError(f"{name} must be a non-empty string; got {text!r}.")
        self._checker = check
        self.hint_text = textwrap.dedent(hint).strip()
        self.solution_code = textwrap.dedent(solution).strip()
        self.success = success

    def evaluate(self, *answers: Any) -> Result:
        """Run the checker and return the :class:`Result` (what ``check`` prints)."""
        if answers and all(answer is None for answer in answers):
            return Result(
                False,
                "replace None with your answer, run that cell, then check again.",
                answered=False,
            )
        try:
            self._checker(*answers)
        except NotAnswered as missing:
            return Result(False, str(missing), answered=False)
        except WrongAnswer as wrong:
            return Result(False, str(wrong))
        return Result(True, self.success)

    def check(self, *answers: Any) -> None:
        """Print whether the answer is right and, if not, what is wrong."""
        print(self.evaluate(*answers))

    def hint(self) -> None:
        """Print a hint."""
        print(f"💡 Hint: {self.hint_text}")

    def solution(self) -> None:
        """Print a solution you can copy into the cell above."""
        print("Solution:\n" + textwrap.indent(self.solution_code, "    "))
