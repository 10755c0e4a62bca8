"""helpers.checks: one message shape, NumPy scalars accepted, nothing else slips through."""

import ast
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.checks import (
    MAX_SEED,
    array,
    class_labels,
    finite,
    function,
    history,
    interval,
    one_number,
    one_of,
    random_seed,
    real_number,
    refusal,
    same_length,
    text,
    texts,
    vector,
    whole_number,
)
from helpers.i18n import REFUSAL

# Anything a learner might type where a number or a name is asked for.
ANYTHING = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=8),
    st.lists(st.integers(), max_size=3),
    st.integers(-(2**63), 2**63 - 1).map(np.int64),
    st.floats(width=32).map(np.float32),
    st.just(np.array([1, 2])),
    st.just(np.bool_(True)),
)


def test_numpy_scalars_are_plain_python_numbers_afterwards():
    assert type(whole_number("units", np.int64(16), low=1)) is int
    assert type(real_number("rate", np.float32(0.5), above=0)) is float
    assert real_number("rate", 3, above=0) == 3.0  # a whole number is a number too


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: whole_number("epochs", True, low=1), TypeError, "epochs must be a whole number"),
        (lambda: whole_number("epochs", 0, low=1), ValueError, "of at least 1; got 0."),
        (lambda: whole_number("seed", 2**32, low=0, high=2**32 - 1), ValueError, "from 0 to"),
        (lambda: whole_number("n", "3"), TypeError, "n must be a whole number; got '3'."),
        (lambda: real_number("noise", math.inf, low=0), ValueError, "NaN and infinity"),
        (lambda: real_number("noise", -0.1, low=0), ValueError, "at least 0; got -0.1."),
        (lambda: real_number("f", 0, above=0, below=1), ValueError, "above 0 and below 1"),
        (lambda: real_number("f", np.array([0.5])), TypeError, "must be a number; got array"),
        (lambda: one_of("optimizer", "adamw", ["adam", "sgd"]), ValueError, "'adam', 'sgd'"),
        (lambda: one_of("optimizer", None, ["adam"]), TypeError, "one of 'adam'; got None."),
    ],
)
def test_refusals_name_the_argument_what_it_must_be_and_what_came(call, error, message):
    with pytest.raises(error, match=message.replace("(", r"\(").replace(")", r"\)")):
        call()


def test_a_hint_follows_the_refusal():
    assert refusal("x", "a number", "a", "Pass 0.5.") == "x must be a number; got 'a'. Pass 0.5."
    long = refusal("x", "a number", "y" * 500)
    assert len(long) < 140, "a huge value is cut short in the message"


@given(ANYTHING)
def test_whole_number_returns_an_int_in_range_or_refuses_clearly(value):
    try:
        number = whole_number("units", value, low=1, high=1024)
    except (TypeError, ValueError) as error:
        assert str(error).startswith("units must be a whole number from 1 to 1024; got ")
    else:
        assert type(number) is int and 1 <= number <= 1024


@given(ANYTHING)
def test_real_number_returns_a_finite_float_in_range_or_refuses_clearly(value):
    try:
        number = real_number("learning_rate", value, above=0, high=10)
    except (TypeError, ValueError) as error:
        assert str(error).startswith("learning_rate must be a number above 0 and at most 10; got ")
    else:
        assert type(number) is float and math.isfinite(number) and 0 < number <= 10


@given(ANYTHING)
def test_one_of_returns_a_choice_or_refuses_clearly(value):
    try:
        chosen = one_of("activation", value, ["relu", "tanh"])
    except (TypeError, ValueError) as error:
        assert str(error).startswith("activation must be one of 'relu', 'tanh'; got ")
    else:
        assert chosen in ("relu", "tanh")


# ------------------------------------------------------ the rest of the vocabulary ---


def test_refusal_says_what_came_in_its_own_words_when_given():
    assert refusal("x", "an array of shape (n, 2)", got="shape (3,)") == (
        "x must be an array of shape (n, 2); got shape (3,)."
    )


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: one_number("value", "0.5"), TypeError, "value must be a number; got '0.5'."),
        (lambda: one_number("value", [1.0, 2.0]), TypeError, r"got \[1.0, 2.0\]\."),
        (lambda: one_number("value", True), TypeError, "got True."),
        (lambda: text("name", ""), ValueError, "name must be a text; got ''."),
        (lambda: text("name", None, must_be="a short text"), TypeError, "a short text; got None."),
        (lambda: texts("causes", "abc"), TypeError, r"list of texts; got 'abc'\. Put even one"),
        (lambda: texts("causes", ["a", 3]), TypeError, r"causes must be a list of texts"),
        (lambda: texts("names", ["a"], low=2), ValueError, r"got \['a'\]\.$"),
        (lambda: texts("names", iter(lambda: "a", None), high=5), ValueError, "names must be"),
        (lambda: function("loss", 3, must_be="a function"), TypeError, "loss must be a function"),
        (lambda: random_seed("seed", 2**32), ValueError, "from 0 to 4294967295; got 4294967296."),
        (lambda: interval("r", (0, 0), largest=10), ValueError, r"-10 <= low < high <= 10, at"),
        (lambda: interval("r", (0, 1e-46), largest=10), ValueError, "at least 0.0001 apart"),
        (lambda: interval("r", (1, math.nan), largest=10), ValueError, r"got \(1, nan\)\."),
        (lambda: array("x", [[1, 2], [3]]), ValueError, "x must be .* rows of equal length"),
        (lambda: array("x", [10**400]), ValueError, "at most about 1e308"),
        (lambda: array("x", ["a"]), TypeError, r"x must be an array or list of numbers; got"),
        (lambda: array("x", [True]), TypeError, r"list of numbers; got \[True\]\.$"),
        (lambda: vector("y", np.zeros((2, 2))), ValueError, r"\(n, 1\)\); got shape \(2, 2\)\.$"),
        (lambda: vector("y", 3), ValueError, r"got 3\.$"),  # a lone number has no shape to show
        (lambda: finite("y", np.array([np.inf, 1.0])), ValueError, "got infinity in 1 of 2 values"),
        (lambda: finite("y", np.array([2e300]), largest=1e300), ValueError,
         r"^y must be numbers from -1e300 to 1e300; got 2e\+300\.$"),
        (lambda: class_labels("y", [0, -1]), ValueError, r"y must be class numbers 0, 1, 2\.\.\.; "
         r"got -1\. If these are sigmoid scores"),
        (lambda: class_labels("y", [0, 100]), ValueError, "class numbers from 0 to 99; got labels"),
        (lambda: same_length("x", [1, 2], "y", [1]), ValueError,
         r"^y must be as long as x \(2 samples\); got 1 sample\.$"),
        (lambda: history("h", [0.5]), TypeError, r"h must be a Keras History .*; got \[0.5\]\."),
        (lambda: history("h", {"loss": np.array(0.5)}), ValueError,
         r"^h\['loss'\] must be a list with one number per epoch; got array\(0.5\)\.$"),
        (lambda: history("h", {"loss": []}), ValueError, "h must be a history of at least one"),
    ],
)  # fmt: skip
def test_every_check_refuses_in_the_one_shape(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_the_checks_return_plain_values():
    assert one_number("value", np.float32(0.5)) == 0.5 and math.isnan(one_number("v", math.nan))
    assert texts("metrics", "loss", single=True) == ["loss"]
    assert texts("names", (name for name in "ab")) == ["a", "b"]
    assert interval("r", [np.int64(-1), 2.5], largest=10) == (-1.0, 2.5)
    assert vector("y", [[1], [2]]).tolist() == [1.0, 2.0]
    assert class_labels("y", [[0.1, 0.9], [1.0, 0.0]]).tolist() == [1, 0]
    assert class_labels("y", [True, False]).dtype.kind == "i"
    assert history("h", {"loss": [1, np.float32(0.5)]}) == {"loss": [1.0, 0.5]}


def test_every_seed_of_the_course_follows_the_one_rule():
    from helpers.data import make_xor
    from helpers.environment import setup_notebook
    from helpers.run_settings import Settings, validate_settings
    from helpers.splits import train_test_split

    assert MAX_SEED == 2**32 - 1
    for bad in [-1, 2**32, 1.5, None]:
        with pytest.raises((TypeError, ValueError)) as rule:
            random_seed("seed", bad)
        for call in (lambda bad=bad: make_xor(seed=bad), lambda bad=bad: setup_notebook(seed=bad),
                     lambda bad=bad: train_test_split([1, 2], [1, 2], seed=bad),
                     lambda bad=bad: validate_settings(Settings(seed=bad))):  # fmt: skip
            with pytest.raises(type(rule.value)) as refused:
                call()
            assert str(refused.value) == str(rule.value)


# ------------------------------------------------------- one message shape, here ---

HELPERS = Path(__file__).resolve().parent.parent / "helpers"
MARKERS = {"_", "N_", "ngettext"}


def handwritten_refusals(package: Path) -> list[str]:
    """``file:line`` of every learner-facing text (marked for translation) outside
    ``package``/checks/ that writes "; got" itself instead of calling checks.refusal; the
    one allowed is the template the refusals share, i18n.REFUSAL."""
    found = []
    for path in sorted(package.rglob("*.py")):
        if path.relative_to(package).parts[0] == "checks":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            marked = isinstance(node, ast.Call) and getattr(node.func, "id", None) in MARKERS
            for argument in node.args if marked else []:
                if (
                    isinstance(argument, ast.Constant)
                    and isinstance(argument.value, str)
                    and "; got" in argument.value
                    and argument.value != REFUSAL
                ):
                    found.append(f"{path.relative_to(package.parent)}:{argument.lineno}")
    return found


def test_no_learner_facing_message_outside_checks_writes_the_refusal_shape_by_hand():
    assert handwritten_refusals(HELPERS) == []


def test_the_search_names_the_file_and_line_of_a_handwritten_refusal(tmp_path):
    package = tmp_path / "helpers"
    (package / "plots").mkdir(parents=True)
    (package / "checks").mkdir()
    (package / "checks" / "values.py").write_text('_("{name} must be {must_be}; got {got}.")\n')
    (package / "plots" / "bad.py").write_text(
        'x = 1\nraise ValueError(_("x must be 1; got {x}.").format(x=x))\n'
        'print(_(REFUSAL), "; got", f"; got {x}")  # not marked: not learner-facing\n'
        'y = N_("{name} must be {must_be}; got {got}.")  # the shared template itself\n'
    )
    assert handwritten_refusals(package) == ["helpers/plots/bad.py:2"]
