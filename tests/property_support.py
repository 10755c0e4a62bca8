"""Shared pieces of the property-based (hypothesis) tests of the helpers.

Each argument is drawn with :func:`mostly` as a pair ``(value, valid)``: four
times in five from a strategy of valid values (``valid`` is True), else from
anything a learner might pass. :func:`unpack` gives the values and whether all
of them were valid, and :func:`outcome` calls the helper: a call with valid
arguments must succeed (a helper that wrongly refuses valid input fails the
test), any other call succeeds or is refused with a TypeError or ValueError
that names an argument.
"""

from hypothesis import event
from hypothesis import strategies as st

#: What outcome() returns for a clear refusal (some functions return None).
REFUSED = object()


def mostly(valid, bad):
    """Four times in five ``(value, True)`` with a value from ``valid``, else ``(value, False)``
    with one from ``bad`` (which may happen to be valid too)."""
    return st.integers(0, 4).flatmap(
        lambda i: valid.map(lambda v: (v, True)) if i else bad.map(lambda v: (v, False))
    )


def unpack(*drawn):
    """The values of arguments drawn with :func:`mostly`, and whether every one was valid."""
    return [value for value, _valid in drawn], all(valid for _value, valid in drawn)


def outcome(call, *names, valid):
    """``call()``'s result, or REFUSED after a TypeError or ValueError naming one of ``names``.

    With ``valid`` (every argument came from its valid strategy) a refusal fails the
    test. Any other exception (AttributeError, IndexError, OverflowError...) fails it too.
    """
    try:
        result = call()
    except (TypeError, ValueError) as error:
        message = str(error)
        assert not valid, f"valid arguments were refused: {message}"
        assert any(name.lower() in message.lower() for name in names), message
        event("refused")  # hypothesis counts: --hypothesis-show-statistics
        return REFUSED
    event("drawn from valid arguments" if valid else "accepted")
    return result
