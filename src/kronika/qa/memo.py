"""What the reader derives from a stored document whatever the question, kept with the cached document so
that each question does not derive it again: the passage each hit's sentence joins into, the words of
each sentence and of the whole document, and each sentence's tags, clauses, parts and words inside names
and dates. Spans are (start, end) character offsets of a sentence or passage in its document."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field

from kronika.model import Sentence

Span = tuple[int, int]


@dataclass(frozen=True)
class Terms:
    """The words of a piece of text, also in alphabetical order: the words sharing a stem stand together."""

    words: frozenset[str]
    ordered: tuple[str, ...]

    @classmethod
    def of(cls, words: set[str]) -> Terms:
        return cls(frozenset(words), tuple(sorted(words)))

    def longer_with_stem(self, stem: str) -> Iterator[str]:
        """The words longer than ``stem`` that begin with it."""
        index = bisect_left(self.ordered, stem)
        while index < len(self.ordered) and self.ordered[index].startswith(stem):
            if len(self.ordered[index]) > len(stem):
                yield self.ordered[index]
            index += 1


@dataclass(frozen=True)
class Parts:
    """A sentence's parts between punctuation: each word's part, the words (lemmas and forms, folded) each
    part names besides its verbs, and the parts that hold a participle's phrase."""

    of_word: list[int]
    words: dict[int, frozenset[str]]
    participial: frozenset[int]


@dataclass
class DocumentMemo:
    """What the reader derived from one cached document (see the module)."""

    positions: dict[int, int] | None = None  # a sentence's start → its index in the analysis
    passages: dict[int, tuple[int, int, Sentence]] = field(default_factory=dict)  # by a hit's sentence index:
    # the first and last sentence joined with it, and the passage as one sentence
    terms: dict[Span, Terms] = field(default_factory=dict)  # the words of a sentence or passage
    around: dict[Span, Terms] = field(default_factory=dict)  # by the first and last sentence index of a
    # passage: the words of the sentences just before and after it
    document: Terms | None = None  # the words of the whole document and its title
    tags: dict[Span, list[tuple[str, frozenset[str]]]] = field(default_factory=dict)  # each word's part of
    # speech and cases
    clauses: dict[Span, list[int]] = field(default_factory=dict)  # each word's clause
    named: dict[Span, set[int]] = field(default_factory=dict)  # starts of the words inside a name or a date
    parts: dict[Span, Parts] = field(default_factory=dict)  # the parts that say the verb once (Reader._parts)
