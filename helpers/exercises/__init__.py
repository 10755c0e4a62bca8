"""Exercises that check themselves: ``q1.check(answer)``, ``q1.hint()``, ``q1.solution()``.

Each lesson module (``lesson00``, ``lesson01``, ...) defines its questions as
:class:`Exercise` objects. A checker inspects the learner's answer through
public Keras APIs and its behaviour, and raises :class:`WrongAnswer` with a
message that says what is wrong; :meth:`Exercise.check` turns that into
friendly printed feedback, so a wrong answer never stops the notebook.

Nothing raises out of a check: a wrong number of answers and any unexpected
error inside a checker become a "❌ Not yet" message too, and warnings that
TensorFlow, Keras or Python emit while checking are kept out of the output.
The small ``as_...`` helpers below are the refusals that several lessons share.
"""

from __future__ import annotations

import contextlib
import inspect
import io
import logging
import math
import numbers
import sys
import textwrap
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from helpers import checks
from helpers.i18n import N_, _
from helpers.progress import record

#: What the learner sees while the starter's None is still in place (translated when shown).
REPLACE_NONE = N_("replace None with your answer, run that cell, then check again.")
#: Loggers that TensorFlow and Keras write warnings to (such as tf.function retracing).
QUIET_LOGGERS = ("tensorflow", "absl", "keras")
#: The modules of the lessons' exercises: helpers.exercises.lesson05's are lesson "05"'s.
LESSON_MODULE = "helpers.exercises.lesson"


class WrongAnswer(Exception):
    """Raised by a checker with a message that tells the learner what to fix."""


class NotAnswered(WrongAnswer):
    """Raised by a checker when the starter placeholder (``None``) is still there."""


class Surprise(WrongAnswer):
    """Raised when what happened is not what the learner predicted: explained, not wrong."""


@dataclass(frozen=True)
class Result:
    """The outcome of a check: ``ok`` and the message shown to the learner.

    ``surprise``: a prediction that did not come true; done (``ok``), with an explanation.
    """

    ok: bool
    message: str
    answered: bool = True
    surprise: bool = False

    def __str__(self) -> str:
        if self.surprise:
            return _("🔎 Not what you predicted: {message}").format(message=self.message)
        if self.ok:
            return _("✅ Correct! {message}").format(message=self.message).rstrip()
        if not self.answered:
            return _("✏️ Not answered yet: {message}").format(message=self.message)
        return _("❌ Not yet: {message}").format(message=self.message)


class Exercise:
    """One exercise: a checker, a hint and a solution.

    ``hint``, ``solution`` and ``success`` are English texts marked with ``N_()``
    in the lesson modules; they are translated when shown, so a solution's
    Korean differs from the English only in its comments. Checkers raise their
    messages already translated: ``WrongAnswer(_("...{name}...").format(name=...))``;
    one that returns a text has it shown after "Correct!" instead of ``success``.
    Most exercises are declared with the types in ``helpers.exercises.types``,
    ``.words`` and ``.models``; a lesson module that writes its own checker says why.

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
        self._checker = checks.function("check", check, must_be=_("a function"))
        self._hint = checks.text("hint", hint)
        self._solution = checks.text("solution", solution)
        self.success = success

    @property
    def hint_text(self) -> str:
        """The hint in the current language."""
        return textwrap.dedent(_(self._hint)).strip()

    @property
    def solution_code(self) -> str:
        """The solution as written in the lesson module (English comments): runnable code."""
        return textwrap.dedent(self._solution).strip()

    @property
    def solution_text(self) -> str:
        """The solution in the current language: the same code, its comments translated."""
        return textwrap.dedent(_(self._solution)).strip()

    @property
    def success_text(self) -> str:
        """What a right answer prints after "Correct!", in the current language."""
        return _(self.success) if self.success else ""

    def evaluate(self, *answers: Any) -> Result:
        """Run the checker and return the :class:`Result` (what ``check`` prints).

        Never raises: a wrong number of answers, the starter's ``None`` and any
        error inside the checker all become a :class:`Result` that says what to do.
        """
        wrong_count = self._wrong_count(len(answers))
        if wrong_count:
            return Result(False, wrong_count)
        if answers and answers[0] is None:
            return Result(False, _(REPLACE_NONE), answered=False)
        with quiet():
            try:
                said = self._checker(*answers)
            except NotAnswered as missing:
                return Result(False, str(missing), answered=False)
            except Surprise as surprise:
                return Result(True, str(surprise), surprise=True)
            except WrongAnswer as wrong:
                return Result(False, str(wrong))
            except Exception as error:  # whatever a learner's answer makes a checker trip on
                return Result(False, _unexpected(error))
        return Result(True, said if isinstance(said, str) else self.success_text)

    def _wrong_count(self, given: int) -> str:
        """What to pass, if ``given`` answers do not fit the checker's parameters."""
        parameters = list(inspect.signature(self._checker).parameters.values())
        needed = [p.name for p in parameters if p.default is inspect.Parameter.empty]
        optional = [p.name for p in parameters if p.default is not inspect.Parameter.empty]
        if len(needed) <= given <= len(parameters):
            return ""
        call = ", ".join(needed + [f"[{name}]" for name in optional])
        values = {"needed": len(needed), "most": len(parameters), "call": call, "given": given}
        if optional:
            message = _(
                "check takes {needed} to {most} values, check({call}); you passed {given}. "
                "Pass the variables named there, in that order."
            )
        elif len(parameters) > 1:
            message = _(
                "check takes {needed} values, check({call}); you passed {given}. "
                "Pass the variables named there, in that order."
            )
        else:
            message = _(
                "check takes {needed} value, check({call}); you passed {given}. "
                "Pass the variables named there, in that order."
            )
        return message.format(**values)

    def check(self, *answers: Any) -> None:
        """Print whether the answer is right and, if not, what is wrong (noted in the progress)."""
        result = self.evaluate(*answers)
        print(result)
        happened = {"checked": True, "answered": result.answered, "passed": result.ok}
        self._note(*(event for event, yes in happened.items() if yes))

    def hint(self) -> None:
        """Print a hint."""
        print(_("💡 Hint: {hint}").format(hint=self.hint_text))
        self._note("hint")

    def solution(self) -> None:
        """Print a solution you can copy into the cell above."""
        print(_("Solution:") + "\n" + textwrap.indent(self.solution_text, "    "))
        self._note("solution")

    def _note(self, *events: str) -> None:
        """Note ``events`` in the learner's progress (:mod:`helpers.progress`), if a lesson
        module defines this exercise: its lesson and name are found there, ``lesson05.q1``.
        Prints nothing and never raises. ``evaluate`` notes nothing: it only judges."""
        for module_name, module in list(sys.modules.items()):
            lesson = module_name.removeprefix(LESSON_MODULE)
            if lesson == module_name or module is None:
                continue
            defined = {name: value for name, value in list(vars(module).items())
                       if isinstance(value, Exercise)}  # fmt: skip
            for name, value in defined.items():
                if value is self:
                    record(lesson, name, *events, exercises=list(defined))
                    return


def _unexpected(error: Exception) -> str:
    """A checker's unexpected error as one short line, never a traceback."""
    text = " ".join(str(error).split()) or _("(no message)")
    text = text if len(text) <= 160 else text[:156] + " ..."
    return _(
        "checking your answer ran into {error}: {text} "
        "Look again at what the exercise asks for, fix your answer and check again."
    ).format(error=type(error).__name__, text=text)


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """Keep warnings, TensorFlow/Keras log lines and stray prints out of a check's output."""
    loggers = [logging.getLogger(name) for name in QUIET_LOGGERS]
    disabled = [logger.disabled for logger in loggers]
    sink = io.StringIO()
    try:
        for logger in loggers:
            logger.disabled = True
        with (
            warnings.catch_warnings(),
            contextlib.redirect_stdout(sink),
            contextlib.redirect_stderr(sink),
        ):
            warnings.simplefilter("ignore")
            yield
    finally:
        for logger, was in zip(loggers, disabled, strict=True):
            logger.disabled = was


# ------------------------------------------------- refusals lessons share ---


def as_number(value: Any, name: str) -> float:
    """``value`` as a finite float: numbers, NumPy scalars and one-number arrays or tensors."""
    if isinstance(value, (str, bytes, bool, list, tuple, dict)) or value is None:
        raise WrongAnswer(
            _("{name} should be a number; you gave a {kind}.").format(
                name=name, kind=type(value).__name__
            )
        )
    if not isinstance(value, numbers.Real):
        try:
            array = np.asarray(value, dtype=float)
        except (TypeError, ValueError):
            raise WrongAnswer(
                _("{name} should be a number; you gave a {kind}.").format(
                    name=name, kind=type(value).__name__
                )
            ) from None
        if array.size != 1:
            raise WrongAnswer(
                _("{name} should be one number; you gave {size} values (shape {shape}).").format(
                    name=name, size=array.size, shape=array.shape
                )
            )
        value = array.item()
    number = float(value)
    if not math.isfinite(number):
        raise WrongAnswer(
            _("{name} is {number}: it should be an ordinary, finite number.").format(
                name=name, number=number
            )
        )
    return number


def as_whole_number(value: Any, name: str, why: str) -> int:
    """``value`` as an int when it is a finite whole number (67 or 67.0); ``why`` explains.

    ``why`` is shown to the learner: pass it translated, ``_("...")``.
    """
    number = as_number(value, name)
    if number != int(number):
        raise WrongAnswer(_("you gave {number:g}; {why}").format(number=number, why=why))
    return int(number)


def as_array(value: Any, name: str) -> np.ndarray:
    """``value`` as a NumPy array when it is an array or tensor (has a shape and a dtype)."""
    if not hasattr(value, "shape") or not hasattr(value, "dtype"):
        raise WrongAnswer(
            _("{name} should be a NumPy array; you gave a {kind}.").format(
                name=name, kind=type(value).__name__
            )
        )
    return np.asarray(value)


def as_model(value: Any, name: str):
    """``value`` when it is a Keras model, else a refusal that says what a model is."""
    import keras

    if not isinstance(value, keras.Model):
        raise WrongAnswer(
            _(
                "{name} should be a Keras model, such as keras.Sequential([...]); "
                "you gave a {kind}."
            ).format(name=name, kind=type(value).__name__)
        )
    return value


def call_answer(function: Callable[..., Any], call: str, *args: Any, called_with: str = "") -> Any:
    """Call the learner's ``function``; its error, or a missing ``return``, becomes a refusal.

    ``call`` is how the message names the call, e.g. ``"species_names(model, x)"``;
    ``called_with`` says what it was given, e.g. ``"an array of shape (5, 1)"``
    (translated by the caller).
    """
    try:
        result = function(*args)
    except Exception as error:  # the learner's code failed: say how
        if called_with:
            message = _("{call} raised {error}: {text} (called with {called_with}).")
        else:
            message = _("{call} raised {error}: {text}.")
        raise WrongAnswer(
            message.format(
                call=call, error=type(error).__name__, text=error, called_with=called_with
            )
        ) from None
    if result is None:
        name = call.split("(")[0]
        raise WrongAnswer(
            _("{name} returned None: end it with a return statement.").format(name=name)
        )
    return result
