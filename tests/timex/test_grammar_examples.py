"""Every example and counter-example written next to a rule in patterns.txt runs here."""

from __future__ import annotations

import pytest

from kronika.timex import find_timexes
from kronika.timex.grammar import load_grammar

GRAMMAR = load_grammar()
EXAMPLES = [(rule.name, example) for rule in GRAMMAR.rules for example in rule.examples]
COUNTERS = [(rule.name, counter) for rule in GRAMMAR.rules for counter in rule.counters]


@pytest.mark.parametrize(("rule", "example"), EXAMPLES, ids=[f"{r}:{e.text}" for r, e in EXAMPLES])
def test_rule_example(rule: str, example) -> None:
    timexes = find_timexes(example.text, example.dct)
    start, end = example.span
    found = [(t.start, t.end, t.value) for t in timexes]
    assert (start, end, example.value) in found, f"{rule}: expected {example.text[start:end]!r}"
    if example.whole:
        assert len(timexes) == 1


@pytest.mark.parametrize(("rule", "counter"), COUNTERS, ids=[f"{r}:{c}" for r, c in COUNTERS])
def test_rule_counter_example(rule: str, counter: str) -> None:
    assert find_timexes(counter, "2010-01-01") == []


def test_every_rule_has_an_example() -> None:
    assert [r.name for r in GRAMMAR.rules if not r.examples] == []
