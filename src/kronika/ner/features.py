"""Token features for the statistical NKJP tagger.

Everything a token contributes depends on its form alone (spelling, shape, affixes, the Morfeusz
readings with their SGJP name qualifiers, the kinds of KPWr name the word occurs in
(``resources/pl/name_gazetteer.tsv``) and its word classes learned from NKJP text
(``resources/pl/word_clusters.tsv``)), so it is computed once per form and cached; a token's
feature list is then the concatenation of its own and its neighbours' cached, position-prefixed lists.
The same code serves training and tagging, so the model never sees features it was not trained on.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from kronika.lang.grammar import CASES
from kronika.lang.resources import read_table
from kronika.morph import get_morphology

# Neighbour offsets, and which of their own features a neighbour lends to the token: the next or previous
# word the near kinds, the words two places away the far ones (a part of the near ones).
_WINDOW = (-2, -1, 1, 2)
_NEAR_KINDS = frozenset({"w", "sh", "q", "p", "s3", "c", "l", "g", "k64", "k1024"})
_FAR_KINDS = frozenset({"w", "sh", "q", "p", "k64"})
_CLUSTER_KINDS = ("k64", "k256", "k1024")


@lru_cache(maxsize=1)
def _name_gazetteer() -> dict[str, tuple[str, ...]]:
    rows = read_table("kronika.ner", "resources/pl/name_gazetteer.tsv", 2, non_empty=True)
    return {row.fields[0]: tuple(row.fields[1].split(",")) for row in rows}


@lru_cache(maxsize=1)
def _word_clusters() -> dict[str, tuple[str, ...]]:
    rows = read_table("kronika.ner", "resources/pl/word_clusters.tsv", 1 + len(_CLUSTER_KINDS), non_empty=True)
    return {row.fields[0]: tuple(row.fields[1:]) for row in rows}


def _name_kinds(form: str) -> tuple[str, ...]:
    gazetteer = _name_gazetteer()
    kinds = gazetteer.get(form)
    if kinds is None and form.isupper():  # a headline in capitals
        kinds = gazetteer.get(form.capitalize())
    return kinds or ()


def word_shape(form: str) -> str:
    """``'Kowalski'`` → ``'Xx'``, ``'NKWD'`` → ``'X'``, ``'1939'`` → ``'d'``, ``'II'`` → ``'X'``:
    character classes with repeats collapsed."""
    shape: list[str] = []
    for char in form:
        if char.isupper():
            code = "X"
        elif char.isalpha():
            code = "x"
        elif char.isdigit():
            code = "d"
        else:
            code = char
        if not shape or shape[-1] != code:
            shape.append(code)
    return "".join(shape)


# the kinds of a form's endings and beginnings by their length
_SUFFIXES = ((1, "s1"), (2, "s2"), (3, "s3"), (4, "s4"))
_PREFIXES = ((2, "p2"), (3, "p3"))
_CASED_POS = frozenset({"subst", "adj", "depr", "ppron3", "num"})


@lru_cache(maxsize=8192)
def _tag_features(tag: str) -> tuple[str, tuple[str, ...]]:
    """A tag's part of speech, and its cases when it is a noun, adjective or numeral: they say whether a
    capitalised word can be the genitive complement of an organisation name ("Ministerstwo Spraw
    Zagranicznych"). Morfeusz has a few thousand tags."""
    parts = tag.split(":")
    if parts[0] not in _CASED_POS:
        return parts[0], ()
    return parts[0], tuple(c for part in parts[1:] for c in part.split(".") if c in CASES)


def form_features(form: str) -> tuple[tuple[str, str], ...]:
    """``(kind, value)`` pairs that describe one form out of context (its users keep them per form)."""
    lower = form.lower()
    features: list[tuple[str, str]] = [("w", lower), ("sh", word_shape(form)), ("len", str(min(len(form), 8)))]
    if form[:1].isupper():
        features.append(("cap", "1"))
    length = len(lower)
    features += [(kind, lower[-n:]) for n, kind in _SUFFIXES if length > n]
    features += [(kind, lower[:n]) for n, kind in _PREFIXES if length > n]
    poses: set[str] = set()
    quals: set[str] = set()
    cases: set[str] = set()
    lemmas: set[str] = set()
    for interp in get_morphology().analyse(form):
        pos, tag_cases = _tag_features(interp.tag)
        poses.add(pos)
        quals.update(interp.quals)
        cases.update(tag_cases)
        lemma = interp.lemma.split(":", 1)[0] if len(interp.lemma) > 1 else interp.lemma
        lemmas.add(lemma)
        if lemma[:1].isupper():
            features.append(("lemcap", "1"))
    features.extend(("p", p) for p in sorted(poses))
    features.extend(("q", q) for q in sorted(quals))
    features.extend(("c", c) for c in sorted(cases))
    # a handful of lemmas: more would only add noise from rare homonyms
    features.extend(("l", lemma.lower()) for lemma in sorted(lemmas)[:3])
    features.extend(("g", kind) for kind in _name_kinds(form))
    features.extend(zip(_CLUSTER_KINDS, _word_clusters().get(lower, ()), strict=False))
    return tuple(dict.fromkeys(features))


class FormLists(NamedTuple):
    """A form's feature strings, prefixed for each position it can take around a token."""

    own: tuple[str, ...]  # "bias" and the form's own features, for the token itself
    before2: tuple[str, ...]  # lent to the token two places after it ("-2w=…")
    before1: tuple[str, ...]
    after1: tuple[str, ...]
    after2: tuple[str, ...]
    lower: str
    capitalised: bool


def positioned(kind: str, value: str) -> tuple[str | None, ...]:
    """A feature's strings in :class:`FormLists`' order of places: for the token itself, then lent to the
    tokens two and one places after it and one and two places before it (``None`` where not lent)."""
    feature = f"{kind}={value}"
    if kind not in _NEAR_KINDS:
        return feature, None, None, None, None
    far = kind in _FAR_KINDS
    return feature, "-2" + feature if far else None, "-1" + feature, "1" + feature, "2" + feature if far else None


def form_lists(form: str) -> FormLists:
    places: tuple[list[str], ...] = (["bias"], [], [], [], [])
    for kind, value in form_features(form):
        for strings, string in zip(places, positioned(kind, value), strict=True):
            if string is not None:
                strings.append(string)
    own, before2, before1, after1, after2 = map(tuple, places)
    return FormLists(own, before2, before1, after1, after2, form.lower(), form[:1].isupper())


BOUNDARIES = {offset: f"{offset}BOUNDARY" for offset in _WINDOW}  # a neighbour past the sentence's edge
CAP_INSIDE = "cap_inside"  # a capital that is not the sentence's first letter


def previous_pair(previous: FormLists, form: FormLists) -> str:
    return f"-1w|w={previous.lower}|{form.lower}"


def next_pair(form: FormLists, following: FormLists) -> str:
    return f"w|+1w={form.lower}|{following.lower}"


class SentenceFeatures:
    """Feature lists of sentences for python-crfsuite's trainer: each form's strings are built once (running
    text repeats its forms), a token's list is its own and its neighbours' cached lists joined in a fixed
    order. (The tagger joins the same lists' attribute ids in the same order: ``NkjpTagger``.)"""

    def __init__(self, cache_size: int = 300_000) -> None:
        self._cache_size = cache_size
        self._forms: dict[str, FormLists] = {}

    def _form(self, form: str) -> FormLists:
        entry = self._forms.get(form)
        if entry is None:
            if len(self._forms) >= self._cache_size:  # bound memory on huge inputs
                self._forms.clear()
            entry = self._forms[form] = form_lists(form)
        return entry

    def __call__(self, forms: Sequence[str]) -> list[list[str]]:
        """One feature list per token: its own features, then each neighbour's (or a boundary mark at the
        sentence's edge), then the word pairs it forms with its neighbours."""
        entries = [self._form(form) for form in forms]
        sequence: list[list[str]] = []
        last = len(entries) - 1
        for i, entry in enumerate(entries):
            features = list(entry.own)
            if i >= 2:
                features += entries[i - 2].before2
            elif i == 1:
                features.append(BOUNDARIES[-2])
            features += entries[i - 1].before1 if i >= 1 else (BOUNDARIES[-1],)
            features += entries[i + 1].after1 if i < last else (BOUNDARIES[1],)
            if i + 2 <= last:
                features += entries[i + 2].after2
            elif i + 1 == last:
                features.append(BOUNDARIES[2])
            if i > 0:
                features.append(previous_pair(entries[i - 1], entry))
                if entry.capitalised:
                    features.append(CAP_INSIDE)
            if i < last:
                features.append(next_pair(entry, entries[i + 1]))
            sequence.append(features)
        return sequence


sentence_features = SentenceFeatures()
