"""Loading and validating the store's language data (``resources/pl/*.tsv``)."""

from __future__ import annotations

from functools import lru_cache

from kronika.resources import read_table


@lru_cache(maxsize=4)
def inflection_endings(language: str = "pl") -> tuple[tuple[str, str], ...]:
    """``(ending, replacement)`` pairs, longest ending first."""
    seen: set[tuple[str, str]] = set()
    rows = read_table("kronika.store", f"resources/{language}/inflection_endings.tsv", 3)
    for number, (ending, replacement, _case) in rows:
        if not ending or (ending, replacement) in seen:
            raise ValueError(f"inflection_endings.tsv line {number}: empty or repeated rule {ending!r}")
        seen.add((ending, replacement))
    return tuple(sorted(seen, key=lambda rule: (-len(rule[0]), rule)))
