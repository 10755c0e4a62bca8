"""Answers in words: a word (or one per key), a choice with its reason, a prediction.

:class:`Words` lists the accepted spellings of each meaning, English and Korean
(과대적합, 과적합, 오버피팅 all mean overfitting); a text is read by comparing
it without case, spaces, hyphens and underscores, so "Over-fitting" and
"과대 적합입니다" both read as overfitting.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from numbers import Integral
from typing import Any

from helpers.checks import refusal
from helpers.exercises import REPLACE_NONE, NotAnswered, Surprise, WrongAnswer
from helpers.exercises.types import Arg, Declared
from helpers.i18n import N_, _


def _plain(text: Any) -> str:
    return "".join(str(text).lower().split()).replace("_", "").replace("-", "")


def shape_text(shape: Any) -> str:
    """A shape written as the exercises write their choices: ``(32, 28, 16)``."""
    return "(" + ", ".join(str(int(n)) for n in shape) + ")"


def read_shape(value: Any, name: str) -> Any:
    """A predicted shape given as a tuple, a list or a text with numbers, written as the
    choices are (an ``Arg`` reader); anything else, and a text naming two shapes, as it is.

    >>> read_shape((32, 28, 16), "prediction"), read_shape("32 x 16", "prediction")
    ('(32, 28, 16)', '(32, 16)')
    >>> read_shape("an error", "prediction"), read_shape("(4, 2) or (2, 3)", "prediction")
    ('an error', '(4, 2) or (2, 3)')
    """
    if isinstance(value, tuple | list) and value and all(isinstance(n, Integral) for n in value):
        return shape_text(value)
    if isinstance(value, str) and len(re.findall(r"\([^()]*\d[^()]*\)", value)) < 2:
        numbers = re.findall(r"\d+", value)
        return shape_text(numbers) if numbers else value
    return value


class Words:
    """The spellings that mean each thing; ``whole``: the text must be one of them exactly.

    Otherwise a text names a meaning when it contains one of its spellings, so
    Korean endings (과대적합입니다) and short forms ("over") are understood.

    >>> fit = Words({"overfitting": ("over", "과대적합", "과적합", "오버피팅"),
    ...              "underfitting": ("under", "과소적합", "언더피팅")})
    >>> fit.read("Over-fitting"), fit.read("과대 적합입니다"), fit.read("과소적합")
    ('overfitting', 'overfitting', 'underfitting')
    >>> fit.read("good"), fit.read("over or under")
    (None, None)
    """

    def __init__(self, meanings: Mapping[str, Iterable[str]], *, whole: bool = False) -> None:
        if not meanings or not all(isinstance(name, str) for name in meanings):
            raise ValueError(refusal("meanings", _("a dict of meanings and spellings"), meanings))
        self.names = list(meanings)
        self.spellings = {
            name: {_plain(name), *(_plain(word) for word in words)}
            for name, words in meanings.items()
        }
        self.whole = whole

    def found(self, text: Any) -> list[str]:
        """Every meaning ``text`` names."""
        plain = _plain(text)
        if self.whole:
            return [name for name, words in self.spellings.items() if plain in words]
        return [name for name, words in self.spellings.items() if any(w in plain for w in words)]

    def read(self, text: Any) -> str | None:
        """The one meaning ``text`` names, or None when it names none or several."""
        found = self.found(text) if isinstance(text, str) else []
        return found[0] if len(found) == 1 else None

    def listed(self) -> str:
        """The meanings as a message lists them: 'overfitting', 'underfitting'."""
        return ", ".join(repr(name) for name in self.names)


class WordExercise(Declared):
    """A word, or a dict of words (one per key), read with ``words`` and compared with ``right``.

    ``right``: the meaning, or a dict key -> meaning (then the answer is a dict with
    those keys; keys compare without case and spaces). ``mistakes``: a meaning the
    learner gave -> what to say. Messages may use ``{key}``, ``{given}`` (the
    learner's text), ``{meaning}`` (how it was read), ``{right}`` and ``{choices}``;
    a message for one key of a dict starts "{key}: ", unless it names ``{key}`` itself.
    ``missing``: what to say when a text is left out or is not a word (None, a number,
    blanks); by default ``unknown`` says it.

    >>> q = WordExercise(
    ...     answer="diagnosis", right="overfitting",
    ...     words=Words({"overfitting": ("과대적합", "과적합"), "underfitting": ("과소적합",)}),
    ...     mistakes={"underfitting": "both losses would still be high; here one rises."},
    ...     hint="Look at the dashed curve.", solution="diagnosis = 'overfitting'")
    >>> q.check("과소적합")
    ❌ Not yet: both losses would still be high; here one rises.
    >>> q.check("과적합입니다")
    ✅ Correct!
    """

    def __init__(
        self,
        *,
        answer: Arg | str,
        words: Words,
        right: str | Mapping[str, str],
        mistakes: Mapping[str, str] | None = None,
        unknown: str = N_("{given!r} is not one of {choices}: name exactly one."),
        missing: str | None = None,
        otherwise: str = N_("{given!r} is not the answer: look again at what the exercise shows."),
        unanswered: str = REPLACE_NONE,
        inputs: Sequence[Arg | str] = (),
        **texts: str,
    ) -> None:
        rights = right.values() if isinstance(right, Mapping) else [right]
        wrong = [name for name in (*rights, *(mistakes or {})) if name not in words.names]
        if wrong:
            raise ValueError(refusal("right and mistakes", _("meanings of words"), wrong))
        self.words, self.right, self.mistakes = words, right, dict(mistakes or {})
        self.unknown, self.otherwise, self.unanswered = unknown, otherwise, unanswered
        self.missing = missing or unknown
        super().__init__(answer=answer, inputs=inputs, **texts)

    def pairs(self, answer: Any) -> list[tuple[str, Any, str]]:
        """(key, the learner's text, the right meaning) for each word to judge."""
        if not isinstance(self.right, Mapping):
            return [("", answer, self.right)]
        if not isinstance(answer, Mapping):
            raise WrongAnswer(
                _("{name} should be a dict with the keys {keys}; you gave a {kind}.").format(
                    name=self.args[0].name, keys=list(self.right), kind=type(answer).__name__
                )
            )
        given = {_plain(key): value for key, value in answer.items()}
        pairs = [(key, given.get(_plain(key)), meaning) for key, meaning in self.right.items()]
        if all(text is None for _key, text, _meaning in pairs):
            raise NotAnswered(_(self.unanswered))
        return pairs

    def judge(self, answer: Any, inputs: list, names: dict) -> str | None:
        for key, text, right in self.pairs(answer):
            meaning = self.words.read(text)
            said = {**names, "key": key, "given": text, "meaning": meaning, "right": right}
            said["choices"] = self.words.listed()
            if meaning is None:
                blank = not isinstance(text, str) or not text.strip()
                raise WrongAnswer(self._say(self.missing if blank else self.unknown, said))
            if meaning != right:
                raise WrongAnswer(self._say(self.mistakes.get(meaning, self.otherwise), said))
        return None

    def _say(self, message: str, said: dict) -> str:
        text = _(message).format(**said)
        if not said["key"] or "{key}" in message:
            return text
        return _("{key}: {message}").format(key=said["key"], message=text)


class Choice(WordExercise):
    """One of a few options, and optionally the reason for it: ``check(choice, reason)``.

    ``options``: the option labels ("A", "B", ...) or :class:`Words`, matched whole.
    ``because``: :class:`Words` for the ideas a right reason names (any one will
    do); ``because_missing`` says what the reason lacks.

    >>> q = Choice(
    ...     answer="choice", options=["A", "B"], right="B",
    ...     mistakes={"A": "A trains longer, but the gap is what matters."},
    ...     because=Words({"gap": ("gap", "validation", "검증", "차이")}),
    ...     because_missing="say what the curves show: the validation loss.",
    ...     hint="Compare the gap.", solution="choice, reason = 'B', 'the validation gap'")
    >>> q.check("b", "검증 손실이 올라갑니다")
    ✅ Correct!
    >>> q.check("B", "it looks better")
    ❌ Not yet: say what the curves show: the validation loss.
    """

    def __init__(
        self,
        *,
        answer: Arg | str,
        options: Sequence[str] | Words,
        right: str,
        because: Words | None = None,
        because_missing: str = "",
        **declared: Any,
    ) -> None:
        if not isinstance(options, Words):
            options = Words({option: () for option in options}, whole=True)
        if because is not None and not because_missing:
            raise ValueError(refusal("because_missing", _("a message"), because_missing))
        self.because, self.because_missing = because, because_missing
        reason = [Arg("reason")] if because is not None else []
        super().__init__(answer=answer, words=options, right=right, inputs=reason, **declared)

    def judge(self, answer: Any, inputs: list, names: dict) -> str | None:
        super().judge(answer, inputs, names)
        if self.because is not None:
            reason = inputs[0]
            if reason is None:
                raise NotAnswered(_(self.because_missing))
            if not isinstance(reason, str) or not self.because.found(reason):
                raise WrongAnswer(_(self.because_missing))
        return None


class Prediction(Declared):
    """What the learner expected before running a cell, compared with what then happened.

    The learner writes ``prediction = "down"`` before the cell that runs, then
    ``q.check(prediction, history)``. ``observe(*inputs)`` works out what happened
    from the learner's own run: a meaning of ``outcomes``, or (meaning, values for
    the messages). ``happened`` says it in words, per meaning; ``why`` explains a
    specific gap, per (predicted, observed) pair. A prediction that came true is
    ✅; one that did not is not wrong: it is explained (🔎).

    >>> q = Prediction(
    ...     answer="prediction", inputs=["losses"],
    ...     outcomes=Words({"down": ("decrease", "내려", "감소"), "up": ("increase", "올라")}),
    ...     observe=lambda losses: ("down" if losses[-1] < losses[0] else "up",
    ...                             {"first": losses[0], "last": losses[-1]}),
    ...     happened={"down": "the loss fell from {first} to {last}.",
    ...               "up": "the loss rose from {first} to {last}."},
    ...     why={("up", "down"): "fit steps downhill."},
    ...     hint="Training lowers the loss.", solution="prediction = 'down'")
    >>> q.check("내려갑니다", [0.7, 0.2])
    ✅ Correct! You predicted it: the loss fell from 0.7 to 0.2.
    >>> q.check("up", [0.7, 0.2])
    🔎 Not what you predicted: you expected 'up'; the loss fell from 0.7 to 0.2. fit steps downhill.
    """

    def __init__(
        self,
        *,
        answer: Arg | str,
        inputs: Sequence[Arg | str],
        outcomes: Words,
        observe: Callable[..., Any],
        happened: Mapping[str, str],
        why: Mapping[tuple[str, str], str] | None = None,
        **texts: str,
    ) -> None:
        missing = [name for name in outcomes.names if name not in happened]
        if missing:
            raise ValueError(refusal("happened", _("a message for every outcome"), missing))
        self.outcomes, self.observe, self.happened = outcomes, observe, dict(happened)
        self.why = dict(why or {})
        super().__init__(answer=answer, inputs=inputs, **texts)

    def judge(self, answer: Any, inputs: list, names: dict) -> str:
        predicted = self.outcomes.read(answer)
        if predicted is None:
            raise WrongAnswer(
                _("{given!r} is not one of {choices}: name exactly one.").format(
                    given=answer, choices=self.outcomes.listed()
                )
            )
        observed = self.observe(*inputs)
        observed, values = observed if isinstance(observed, tuple) else (observed, {})
        happened = _(self.happened[observed]).format(**names, **values)
        if predicted == observed:
            return _("You predicted it: {happened}").format(happened=happened)
        why = self.why.get((predicted, observed))
        raise Surprise(
            _("you expected {predicted!r}; {happened} {why}")
            .format(predicted=predicted, happened=happened, why=_(why) if why else "")
            .rstrip()
        )
