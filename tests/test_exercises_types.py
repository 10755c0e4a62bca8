"""The declared exercise types of helpers/exercises/types.py: values and functions."""

import numpy as np
import pytest
from exercise_support import ANY_ANSWERS, evaluate_anything, refused_properly
from hypothesis import given, settings

from helpers.exercises import as_array, as_number
from helpers.exercises.types import Arg, Case, FunctionExercise, Mistake, ValueExercise, same

TOTAL = ValueExercise(
    answer=Arg("total", read=as_number),
    inputs=[Arg("prices", read=as_array, default=lambda: np.array([2.0, 5.0]))],
    rules=[
        Mistake(
            "{total:g} is below zero; a sum of {count} prices is not.",
            when=lambda total, prices: total < 0 and {"count": len(prices)},
        )
    ],
    expected=lambda prices: prices.sum(),
    rtol=1e-6,
    mistakes=[Mistake("{total:g} is the largest price only.", value=lambda prices: prices.max())],
    otherwise="{total:g} is not the sum of {prices}; expected {expected:g}.",
    hint="h",
    solution="total = prices.sum()",
)


def test_a_value_is_compared_with_one_computed_from_the_learners_inputs():
    prices = np.array([1.0, 2.0, 4.0])
    assert TOTAL.evaluate(7, prices).ok
    assert TOTAL.evaluate(np.float32(7.0000001), prices).ok  # within rtol, another type
    assert TOTAL.evaluate(np.array([[7]]), prices).ok  # one number in an array
    assert not TOTAL.evaluate(7, np.array([1.0, 2.0])).ok  # another learner's inputs
    assert TOTAL.evaluate(4, prices).message == "4 is the largest price only."
    assert TOTAL.evaluate(-1, prices).message == "-1 is below zero; a sum of 3 prices is not."
    assert TOTAL.evaluate(6, prices).message == "6 is not the sum of [1. 2. 4.]; expected 7."


def test_an_optional_input_left_out_or_none_takes_its_default():
    assert TOTAL.evaluate(7).ok and TOTAL.evaluate(7, None).ok
    assert "largest" in TOTAL.evaluate(5).message


def test_the_inputs_are_read_before_the_answer_and_the_count_names_them():
    result = TOTAL.evaluate("7", [1, 2])
    assert result.message == "prices should be a NumPy array; you gave a list."
    assert "check(total, [prices]); you passed 3." in TOTAL.evaluate(1, 2, 3).message
    assert not TOTAL.evaluate(None).answered


def test_a_rule_applies_before_the_comparison():
    within = ValueExercise(
        answer="x",
        rules=[Mistake("not an int.", when=lambda x: not isinstance(x, int))],
        expected=1,
        otherwise="no.",
        hint="h",
        solution="x = 1",
    )
    assert within.evaluate(1).ok
    assert within.evaluate(1.0).message == "not an int."


def test_otherwise_may_be_a_mistake_that_fills_its_placeholders():
    pair = ValueExercise(
        answer="pair",
        expected=[1, 2],
        otherwise=Mistake("position {at} is off.", when=lambda pair: {"at": pair.index(9)}),
        hint="h",
        solution="pair = [1, 2]",
    )
    assert pair.evaluate([1, 9]).message == "position 1 is off."
    assert pair.evaluate([1, 2, 3]).message.startswith("checking your answer ran into ValueError")


def test_rules_alone_pass_an_answer_none_of_them_applies_to():
    word = ValueExercise(
        answer="word",
        inputs=[Arg("letters", default=lambda: 3)],
        rules=[
            Mistake("{word!r} is not a text.", when=lambda word, n: not isinstance(word, str)),
            Mistake(
                "{word!r} has {count} letters, not {letters}.",
                when=lambda word, letters: len(word) != letters and {"count": len(word)},
            ),
        ],
        hint="h",
        solution="word = 'cat'",
    )
    assert word.evaluate("cat").ok and word.evaluate("dog").ok and word.evaluate("cats", 4).ok
    assert word.evaluate(3).message == "3 is not a text."
    assert word.evaluate("cats").message == "'cats' has 4 letters, not 3."


@pytest.mark.parametrize(
    ("declare", "error", "message"),
    [
        (lambda: Mistake("m"), TypeError, "Mistake must be given either value= or when=; got"),
        (lambda: Mistake("m", value=1, when=bool), TypeError, "either value= or when="),
        (
            lambda: ValueExercise(
                answer=Arg("a", default=list), inputs=["b"], expected=1, otherwise="o",
                hint="h", solution="s",
            ),
            ValueError,
            "inputs must be a list with the required arguments before the optional ones; got",
        ),
        (
            lambda: ValueExercise(answer="not a name", expected=1, otherwise="o", hint="h",
                                  solution="s"),
            TypeError,
            "an argument must be an Arg or a Python name",
        ),
        (
            lambda: ValueExercise(answer="a", expected=1, hint="h", solution="s"),
            TypeError,
            "ValueExercise must be given expected= and otherwise=, or rules= alone; "
            "got \\['expected'\\]",
        ),
        (
            lambda: ValueExercise(answer="a", rules=[Mistake("m", value=1)],
                                  mistakes=[Mistake("m", value=2)], hint="h", solution="s"),
            TypeError,
            "got \\['rules', 'mistakes'\\]",
        ),
        (
            lambda: ValueExercise(answer="a", hint="h", solution="s"),
            TypeError,
            "or rules= alone; got \\[\\]",
        ),
    ],
)  # fmt: skip
def test_a_wrong_declaration_is_refused_in_the_one_message_shape(declare, error, message):
    with pytest.raises(error, match=message):
        declare()


DOUBLE = FunctionExercise(
    answer="double",
    call="double(x)",
    cases=lambda xs: [(x,) for x in xs],
    inputs=[Arg("xs", default=lambda: [3, -1])],
    reference=lambda x: 2 * x,
    read=as_number,
    mistakes=[Mistake("double({x}) gave {output:g}: that is x squared.", value=lambda x: x * x)],
    otherwise="double({x}) gave {output:g}, not {expected}.",
    hint="h",
    solution="def double(x):\n    return 2 * x",
)


def _fails(x):
    raise ZeroDivisionError("no")


@pytest.mark.parametrize(
    ("function", "message"),
    [
        (lambda x: x + x, None),
        (lambda x: float(2 * x), None),
        (lambda x: x * x, "double(3) gave 9: that is x squared."),
        (lambda x: x + 2, "double(3) gave 5, not 6."),
        (lambda x: None, "double returned None: end it with a return statement."),
        (_fails, "double(x) raised ZeroDivisionError: no (called with 3)."),
        (lambda x: "two", "what double returned should be a number; you gave a str."),
        (2, "double should be a function: def double(x): ...; you gave a int."),
    ],
)
def test_a_function_runs_on_the_declared_cases(function, message):
    result = DOUBLE.evaluate(function, [3, -1])
    assert result.ok == (message is None) and (message is None or result.message == message)


HALVE = FunctionExercise(
    answer="halve",
    call="halve(x)",
    cases=[
        Case(([2, 4],), {"why": ""}),
        ([8],),  # a plain case, among cases that say more
        Case(([6],), {"why": "Halve x, the argument, not numbers of your own."}),
    ],
    reference=lambda x: [value / 2 for value in x],
    otherwise="halve({x}) gave {output}, not {expected}. {why}",
    hint="h",
    solution="def halve(x):\n    return [value / 2 for value in x]",
)


def test_a_case_may_say_what_it_tests():
    assert HALVE.evaluate(lambda x: [value * 0.5 for value in x]).ok
    result = HALVE.evaluate(lambda x: [value - 1 for value in x])
    assert result.message == "halve([2, 4]) gave [1, 3], not [1.0, 2.0]."  # no "why", no space
    result = HALVE.evaluate(lambda x: [1, 2] if len(x) == 2 else [4] if x == [8] else [1])
    assert result.message == (
        "halve([6]) gave [1], not [3.0]. Halve x, the argument, not numbers of your own."
    )


def test_the_function_gets_copies_of_a_cases_arrays():
    double_all = FunctionExercise(
        answer="double_all",
        call="double_all(x)",
        cases=[(np.array([1.0, 3.0]),)],
        reference=lambda x: 2 * x,
        otherwise="double_all gave {output}, not {expected}.",
        hint="h",
        solution="def double_all(x):\n    return 2 * x",
    )

    def zeroes_x(x):
        x[:] = 0  # were x the case itself, 2 * x would be zeros too
        return x

    assert double_all.evaluate(zeroes_x).message == "double_all gave [0. 0.], not [2. 6.]."
    assert double_all.evaluate(lambda x: x + x).ok  # the case is still [1, 3]


def _right_total(*answers):
    """Whether the answer is the sum of the prices passed (or of the default ones): one
    number, alone or in an array of any shape, as ``as_number`` reads it."""
    if len(answers) not in (1, 2):
        return False
    prices = answers[1] if answers[1:] and answers[1] is not None else np.array([2.0, 5.0])
    try:
        total = np.asarray(answers[0], dtype=float).reshape(-1)
    except (TypeError, ValueError):
        return False
    one_number = total.size == 1
    return isinstance(prices, np.ndarray) and one_number and same(total[0], prices.sum(), rtol=1e-6)


@settings(max_examples=60, deadline=None)
@given(ANY_ANSWERS)
def test_declared_types_never_raise_nor_pass_by_mistake(answers):
    evaluate_anything(TOTAL, answers, _right_total)
    refused_properly(DOUBLE, answers)  # no arbitrary answer is right
