"""Shared pieces of the property-based (hypothesis) tests of the helpers."""

from hypothesis import event
from hypothesis import strategies as st

#: What outcome() returns for a clear refusal (some functions return None).
REFUSED = object()


def mostly(valid, bad):
    """Four times in five a value from ``valid``, else one from ``bad``."""
    return st.integers(0, 4).flatmap(lambda i: valid if i else bad)


def outcome(call, *names):
    """``call()``'s result, or REFUSED after a TypeError or ValueError naming one of ``names``.

    Any other exception (AttributeError, IndexError, OverflowError...) fails the test.
    """
    try:
        result = call()
    except (TypeError, ValueError) as error:
        message = str(error)
        assert any(name.lower() in message.lower() for name in names), message
        event("refused")  # hypothesis counts: --hypothesis-show-statistics
        return REFUSED
    event("accepted")
    return result
