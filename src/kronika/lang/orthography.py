"""Older and misprinted spellings read as today's: the spelling before the orthography reforms of 1918 and
1936 (``resources/pl/historical_spellings.tsv``: *Rosyi* → *Rosji*, *Anglji* → *Anglii*, *linja* → *linia*)
and the letters worn type or OCR confuse (``resources/pl/print_confusions.tsv``: *Szumh* for *Szumli*); and
the generic nouns a name is cited with in lower case (``resources/pl/generic_name_nouns.tsv``: *plac
Zbawiciela*)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from kronika.lang.fold import fold
from kronika.lang.resources import read_table


@lru_cache(maxsize=1)
def spelling_rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The rules in order; each example must come out of the rules, or the table is rejected."""
    rows = read_table("kronika.lang", "resources/pl/historical_spellings.tsv", ("pattern", "replacement", "example"),
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


def modern_spellings(word: str) -> list[str]:
    """The spellings the rules lead a word through, one rule at a time, each new one in order: ``'audjencji'`` →
    audiencji, audięcji. A common word is today's at the first spelling a dictionary knows (the later rules are
    for names: *Przemencie* → *Przemęcie*, but *konwencyi* is *konwencji*)."""
    found = []
    for pattern, replacement in spelling_rules():
        changed = pattern.sub(replacement, word)
        if changed != word:
            found.append(changed)
            word = changed
    return found


@lru_cache(maxsize=1)
def _adjective_endings_before_1936() -> tuple[tuple[str, str], ...]:
    rows = read_table("kronika.lang", "resources/pl/adjective_endings_before_1936.tsv", ("old", "modern", "example"),
                      header=True, non_empty=True)
    endings = tuple(sorted(((old, modern) for _, (old, modern, _) in rows), key=lambda e: -len(e[0])))
    for number, (_, _, example) in rows:
        old_form, _, modern_form = example.partition(" → ")
        if adjective_before_1936(old_form, endings) != modern_form:
            raise ValueError(f"adjective_endings_before_1936.tsv line {number}: {old_form!r} does not become "
                             f"{modern_form!r}")
    return endings


def adjective_before_1936(word: str, endings: tuple[tuple[str, str], ...] | None = None) -> str | None:
    """Today's form of an adjective written with an ending of before 1936 (*Polskiem* → *Polskim*,
    *politycznemi* → *politycznymi*), or ``None`` when it has no such ending; whether the result is an
    adjective the dictionary must tell."""
    for old, modern in _adjective_endings_before_1936() if endings is None else endings:
        if word.endswith(old) and len(word) > len(old) + 2:
            return word[: -len(old)] + modern
    return None


@lru_cache(maxsize=1)
def print_confusions() -> tuple[tuple[str, str], ...]:
    """(read, meant) letter groups of ``resources/pl/print_confusions.tsv``, folded as look-up keys are; each
    example must come out of its own row, or the table is rejected."""
    rows = read_table("kronika.lang", "resources/pl/print_confusions.tsv", ("read", "meant", "example"), header=True,
                      non_empty=True)
    confusions = []
    for number, fields in rows:
        read, meant, old, new = (fold(text) for text in (*fields[:2], *fields[2].partition(" → ")[::2]))
        if new not in misreadings_of(old, ((read, meant),)):
            raise ValueError(f"print_confusions.tsv line {number}: {read!r} → {meant!r} does not turn {old!r} "
                             f"into {new!r}")
        confusions.append((read, meant))
    return tuple(confusions)


def misreadings_of(word: str, confusions: tuple[tuple[str, str], ...] | None = None) -> list[str]:
    """What a folded word may have been printed as, one confusion undone at one place: ``'szumh'`` → szumli, …"""
    found = []
    for read, meant in print_confusions() if confusions is None else confusions:
        at = word.find(read)
        while at != -1:
            found.append(word[:at] + meant + word[at + len(read):])
            at = word.find(read, at + 1)
    return found


class GenericNoun(NamedTuple):
    abbreviation: str | None  # ul., al.
    example: str  # a name as cited: plac Zbawiciela


@lru_cache(maxsize=1)
def generic_name_nouns() -> dict[str, GenericNoun]:
    """Lemma → (abbreviation, example) of the generic nouns written lower case at the start of a name (plac
    Zbawiciela, bitwa pod Grunwaldem)."""
    rows = read_table("kronika.lang", "resources/pl/generic_name_nouns.tsv", ("noun", "abbreviation", "example"),
                      header=True)
    nouns = {}
    for number, (noun, abbreviation, example) in rows:
        abbreviated = abbreviation == "-" or abbreviation.endswith(".")
        if not noun.islower() or example.split(" ")[0] != noun or not abbreviated:
            raise ValueError(f"generic_name_nouns.tsv line {number}: expected a lower-case noun, its abbreviation "
                             "with its dot or -, and a name it opens")
        nouns[noun] = GenericNoun(None if abbreviation == "-" else abbreviation, example)
    return nouns


@lru_cache(maxsize=1)
def street_abbreviations() -> frozenset[str]:
    """The abbreviations of the generic nouns of street names, without the dot (ul, al, pl, os)."""
    return frozenset(n.abbreviation[:-1] for n in generic_name_nouns().values() if n.abbreviation)

