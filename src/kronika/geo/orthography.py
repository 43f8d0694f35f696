"""Modern spellings of place names written before the orthography reforms of 1918 and 1936
(``resources/pl/historical_spellings.tsv``): *Rosyi* → *Rosji*, *Anglji* → *Anglii*."""

from __future__ import annotations

import re
from functools import lru_cache

from kronika.lang.resources import read_table


@lru_cache(maxsize=1)
def spelling_rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The rules in order; each example must come out of the rules, or the table is rejected."""
    rows = read_table("kronika.geo", "resources/pl/historical_spellings.tsv", ("pattern", "replacement", "example"),
                      header=True)
    rules = []
    for number, (pattern, replacement, _) in rows:
        try:
            rules.append((re.compile(pattern), replacement))
        except re.error as exc:
            raise ValueError(f"historical_spellings.tsv line {number}: bad pattern: {exc}") from exc
    for number, (_, _, example) in rows:
        old, _, modern = example.partition(" → ")
        if modernised(old, tuple(rules)) != modern:
            raise ValueError(f"historical_spellings.tsv line {number}: the rules do not turn {old!r} into {modern!r}")
    return tuple(rules)


def modernised(name: str, rules: tuple[tuple[re.Pattern[str], str], ...] | None = None) -> str:
    """The name in today's spelling (unchanged when no rule applies)."""
    for pattern, replacement in spelling_rules() if rules is None else rules:
        name = pattern.sub(replacement, name)
    return name
