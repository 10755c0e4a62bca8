"""Exercises declared as data: a value worked out from the learner's inputs, or a function.

A lesson module declares what is right and which mistakes it knows; the type
turns that into a checker for :class:`~helpers.exercises.Exercise`, so every
declared exercise keeps its machinery: ``check``, ``hint``, ``solution``,
the "✏️ Not answered yet" line for ``None``, a message for a wrong number of
answers, and no exception ever reaching the notebook.

The parts, shared by every type here and in ``words`` and ``models``:

* :class:`Arg` - one value the check cell passes: its name (which messages and
  ``check(...)``'s signature use), how it is read (``as_array``,
  ``as_number``: any ``read(value, name)`` that returns the value or raises
  :class:`~helpers.exercises.WrongAnswer`) and, for an optional one, a
  function giving its default. A plain string is an :class:`Arg` with no reader.
* :class:`Mistake` - a message and when it applies: ``value=`` a known wrong
  value (or a function of the inputs computing it), or ``when=`` a test of the
  answer and the inputs. A test may return a dict: its items fill the message's
  placeholders.

Every message is English marked with ``N_()``: it is translated when shown and
formatted with the answer and the inputs under their names, ``expected``, and
what the mistake's test returned.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from helpers.checks import refusal
from helpers.exercises import Exercise, WrongAnswer, call_answer
from helpers.i18n import _

#: Marks a :class:`Mistake` declared without a known wrong ``value``.
NO_VALUE = object()


@dataclass(frozen=True)
class Arg:
    """One value the check cell passes to ``check``, in the order of ``check(...)``.

    >>> from helpers.exercises import as_array
    >>> Arg("images", read=as_array, default=lambda: np.zeros((2, 28, 28))).name
    'images'
    """

    name: str
    #: ``read(value, name)``: the value to judge, or a WrongAnswer that says what is wrong.
    read: Callable[[Any, str], Any] | None = None
    #: Makes the argument optional: called when the check cell leaves it out (or passes None).
    default: Callable[[], Any] | None = None


@dataclass(frozen=True)
class Mistake:
    """A known mistake and the message that answers it.

    ``value``: the wrong answer itself, or a function of the inputs that computes it
    (compared within the exercise's tolerance). ``when``: ``when(answer, *inputs)``,
    true when the mistake applies; a dict it returns fills the message's placeholders.

    >>> Mistake("too small: {size} rows.", when=lambda x: len(x) < 3 and {"size": len(x)}).found(
    ...     [1, 2], (), 0, 0)
    {'size': 2}
    >>> Mistake("that forgets the biases.", value=56).found(56, (), 0, 0)
    {}
    """

    message: str
    value: Any = NO_VALUE
    when: Callable[..., Any] | None = None

    def __post_init__(self) -> None:
        if (self.value is NO_VALUE) == (self.when is None):
            raise TypeError(refusal("Mistake", _("given either value= or when="), self))

    def found(self, answer: Any, inputs: Sequence[Any], atol: float, rtol: float) -> dict | None:
        """The message's extra placeholders when ``answer`` is this mistake, else None."""
        if self.when is not None:
            said = self.when(answer, *inputs)
            return (said if isinstance(said, dict) else {}) if said else None
        wrong = self.value(*inputs) if callable(self.value) else self.value
        return {} if same(answer, wrong, atol, rtol) else None

    def say(self, names: dict, found: dict) -> str:
        """The message in the current language, its placeholders filled.

        An empty last placeholder leaves no space behind: "... differ. {why}" with no why.
        """
        return _(self.message).format(**{**names, **found}).rstrip()


def same(answer: Any, expected: Any, atol: float = 0.0, rtol: float = 0.0) -> bool:
    """Whether ``answer`` is ``expected``: same shape, numbers within the tolerances.

    >>> same([0.1, 0.2], np.array([0.1, 0.2000001]), atol=1e-6), same([1, 2], [1, 2, 3])
    (True, False)
    >>> same("relu", "relu"), same(np.ones(3), "ones")
    (True, False)
    """
    try:
        answer, expected = np.asarray(answer), np.asarray(expected)
        if answer.shape != expected.shape:
            return False
        if answer.dtype.kind in "biuf" and expected.dtype.kind in "biuf":
            answer, expected = answer.astype(float), expected.astype(float)
            return bool(np.allclose(answer, expected, atol=atol, rtol=rtol))
        return bool(np.array_equal(answer, expected))
    except (TypeError, ValueError):  # ragged lists and other things that are not one array
        return False


def as_arg(spec: Arg | str) -> Arg:
    """``spec`` as an :class:`Arg`: a plain name is an argument read as it is."""
    if isinstance(spec, str) and spec.isidentifier():
        return Arg(spec)
    if isinstance(spec, Arg):
        return spec
    raise TypeError(refusal("an argument", _("an Arg or a Python name"), spec))


class Declared(Exercise):
    """An exercise whose checker is built from declared arguments; types define ``judge``.

    The checker reads the inputs first, then the answer (so a check cell copied
    wrongly is reported first), and calls ``judge(answer, inputs, names)``, where
    ``names`` maps every argument's name to its value.
    """

    def __init__(self, *, answer: Arg | str, inputs: Sequence[Arg | str] = (), **texts: str):
        self.args = tuple(as_arg(spec) for spec in (answer, *inputs))
        parameters = []
        for spec in self.args:
            optional = spec.default is not None
            if parameters and parameters[-1].default is None and not optional:
                raise ValueError(
                    refusal(
                        "inputs",
                        _("a list with the required arguments before the optional ones"),
                        [arg.name for arg in self.args],
                    )
                )
            parameters.append(
                inspect.Parameter(
                    spec.name,
                    inspect.Parameter.POSITIONAL_OR_KEYWORD,
                    default=None if optional else inspect.Parameter.empty,
                )
            )

        def check(*values: Any) -> Any:
            given = dict(zip([spec.name for spec in self.args], values, strict=False))
            names = {}
            for spec in (*self.args[1:], self.args[0]):  # the inputs first, then the answer
                value = given.get(spec.name)
                if value is None and spec.default is not None:
                    value = spec.default()
                names[spec.name] = spec.read(value, spec.name) if spec.read else value
            inputs = [names[spec.name] for spec in self.args[1:]]
            return self.judge(names[self.args[0].name], inputs, names)

        check.__signature__ = inspect.Signature(parameters)  # what a wrong count names
        super().__init__(check=check, **texts)

    def judge(self, answer: Any, inputs: list, names: dict) -> str | None:
        """Raise WrongAnswer if ``answer`` is wrong; may return the success message."""
        raise NotImplementedError


class ValueExercise(Declared):
    """An answer compared with the value it should have, worked out from the learner's inputs.

    In order: each of ``rules`` (mistakes whatever the value: a shape, a dtype),
    then the answer against ``expected`` (a value, or a function of the inputs),
    within ``atol``/``rtol``; if it differs, the first of ``mistakes`` that
    applies, else ``otherwise`` (a message, or a :class:`Mistake` whose ``when``
    fills its placeholders).

    Declared with ``rules`` alone (no ``expected``, ``otherwise`` or ``mistakes``),
    the answer is right when no rule applies: for answers that have no one right
    value but known ways to be wrong, such as a compiled model or a History.

    >>> from helpers.exercises import as_number
    >>> q = ValueExercise(
    ...     answer=Arg("total", read=as_number), inputs=["prices"],
    ...     expected=lambda prices: sum(prices),
    ...     mistakes=[Mistake("{total:g} is the largest price; add them all.",
    ...                       value=lambda prices: max(prices))],
    ...     otherwise="{total:g} is not the sum of {prices}.",
    ...     hint="sum() adds a list.", solution="total = sum(prices)")
    >>> q.check(5, [2, 5])
    ❌ Not yet: 5 is the largest price; add them all.
    >>> q.check(9, [2, 5])
    ❌ Not yet: 9 is not the sum of [2, 5].
    >>> q.check(7.0, [2, 5])
    ✅ Correct!
    """

    def __init__(
        self,
        *,
        answer: Arg | str,
        inputs: Sequence[Arg | str] = (),
        expected: Any = NO_VALUE,
        otherwise: str | Mistake = "",
        rules: Sequence[Mistake] = (),
        mistakes: Sequence[Mistake] = (),
        atol: float = 0.0,
        rtol: float = 0.0,
        **texts: str,
    ) -> None:
        declared = {"expected": expected is not NO_VALUE, "otherwise": otherwise,
                    "rules": rules, "mistakes": mistakes}  # fmt: skip
        given = [name for name, value in declared.items() if value]
        if given != ["rules"] and not {"expected", "otherwise"} <= set(given):
            must_be = _("given expected= and otherwise=, or rules= alone")
            raise TypeError(refusal("ValueExercise", must_be, given))
        self.expected, self.otherwise = expected, otherwise
        self.rules, self.mistakes = tuple(rules), tuple(mistakes)
        self.atol, self.rtol = atol, rtol
        super().__init__(answer=answer, inputs=inputs, **texts)

    def judge(self, answer: Any, inputs: list, names: dict) -> None:
        for rule in self.rules:
            found = rule.found(answer, inputs, self.atol, self.rtol)
            if found is not None:
                raise WrongAnswer(rule.say(names, found))
        if self.expected is NO_VALUE:  # declared with rules alone: none applies
            return
        expected = self.expected(*inputs) if callable(self.expected) else self.expected
        if same(answer, expected, self.atol, self.rtol):
            return
        names = {**names, "expected": expected}
        for mistake in self.mistakes:
            found = mistake.found(answer, inputs, self.atol, self.rtol)
            if found is not None:
                raise WrongAnswer(mistake.say(names, found))
        otherwise = self.otherwise
        if isinstance(otherwise, Mistake):
            raise WrongAnswer(otherwise.say(names, otherwise.found(answer, inputs, 0, 0) or {}))
        raise WrongAnswer(_(otherwise).format(**names).rstrip())


@dataclass(frozen=True)
class Case:
    """A case of :class:`FunctionExercise` whose messages say more: its arguments and ``names``.

    ``names`` fill the placeholders of the messages that judge this call, such as
    ``{why}``: what this case tests that the others do not.

    >>> Case((np.zeros(3),), {"why": "use x, the function's argument."}).args[0].shape
    (3,)
    """

    args: tuple
    names: dict = field(default_factory=dict)


class FunctionExercise(ValueExercise):
    """The learner's function, run on declared cases and compared with ``reference``.

    ``cases``: tuples of arguments or :class:`Case` s (or a function of the inputs giving them).
    For each case the function's ``output`` (read by ``read``) is judged as
    :class:`ValueExercise` judges an answer: ``rules``, ``mistakes`` and
    ``otherwise`` see ``when(output, *case)`` and ``value(*case)``, and messages
    name the case's arguments as ``reference`` names its parameters, with
    ``output`` and ``expected``. ``call`` is how messages write the call. The function
    gets copies of a case's arrays: what it changes in place changes neither the case
    nor what its output is judged against.

    >>> q = FunctionExercise(
    ...     answer="double", call="double(x)", cases=[(3,), (-1,)],
    ...     reference=lambda x: 2 * x,
    ...     mistakes=[Mistake("double({x}) gave {output}: that is x squared.",
    ...                       value=lambda x: x * x)],
    ...     otherwise="double({x}) gave {output}, not {expected}.",
    ...     hint="return 2 * x", solution="def double(x):\\n    return 2 * x")
    >>> q.check(lambda x: x ** 2)
    ❌ Not yet: double(3) gave 9: that is x squared.
    >>> q.check(lambda x: x + x)
    ✅ Correct!
    """

    def __init__(
        self,
        *,
        answer: Arg | str,
        call: str,
        cases: Sequence[tuple] | Callable[..., Sequence[tuple]],
        reference: Callable[..., Any],
        otherwise: str | Mistake,
        read: Callable[[Any, str], Any] | None = None,
        **declared: Any,
    ) -> None:
        self.call, self.cases, self.read = call, cases, read
        self.parameters = list(inspect.signature(reference).parameters)
        super().__init__(answer=answer, expected=reference, otherwise=otherwise, **declared)

    def judge(self, answer: Any, inputs: list, names: dict) -> None:
        name = self.args[0].name
        if not callable(answer):
            raise WrongAnswer(
                _("{name} should be a function: def {call}: ...; you gave a {kind}.").format(
                    name=name, call=self.call, kind=type(answer).__name__
                )
            )
        for case in self.cases(*inputs) if callable(self.cases) else self.cases:
            case, said = (case.args, case.names) if isinstance(case, Case) else (case, {})
            copies = [np.copy(value) if isinstance(value, np.ndarray) else value for value in case]
            output = call_answer(answer, self.call, *copies, called_with=_called_with(case))
            if self.read is not None:
                output = self.read(output, _("what {name} returned").format(name=name))
            case_names = {
                **names,
                **dict(zip(self.parameters, case, strict=False)),
                **said,
                "output": output,
            }
            super().judge(output, list(case), case_names)


def _called_with(case: tuple) -> str:
    """The arguments of a case as a message names them: arrays by their shape."""
    return ", ".join(
        _("an array of shape {shape}").format(shape=value.shape)
        if isinstance(value, np.ndarray)
        else f"{value!r:.40}"
        for value in case
    )
