"""Token features for the statistical NKJP tagger.

Everything a token contributes depends on its form alone (spelling, shape, affixes, the Morfeusz
readings with their SGJP name qualifiers, the kinds of KPWr name the word occurs in
(``resources/pl/name_gazetteer.tsv``) and its word classes learned from NKJP text
(``resources/pl/word_clusters.tsv``)), so it is computed once per form and cached; a token's
feature list is then the concatenation of its own and its neighbours' cached, position-prefixed lists.
The same function serves training and tagging, so the model never sees features it was not trained on.
"""

from __future__ import annotations

from functools import lru_cache

from kronika.lang.grammar import CASES
from kronika.lang.resources import read_table
from kronika.morph import get_morphology

# Neighbour offsets and which of their own features a neighbour lends to the token.
_WINDOW = (-2, -1, 1, 2)
_NEIGHBOUR_KINDS = {
    1: ("w", "sh", "q", "p", "s3", "c", "l", "g", "k64", "k1024"),
    2: ("w", "sh", "q", "p", "k64"),
}
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


@lru_cache(maxsize=300_000)
def form_features(form: str) -> tuple[tuple[str, str], ...]:
    """``(kind, value)`` pairs that describe one form out of context."""
    lower = form.lower()
    features: list[tuple[str, str]] = [("w", lower), ("sh", word_shape(form))]
    features.append(("len", str(min(len(form), 8))))
    if form[:1].isupper():
        features.append(("cap", "1"))
    for n in (1, 2, 3, 4):
        if len(lower) > n:
            features.append((f"s{n}", lower[-n:]))
    for n in (2, 3):
        if len(lower) > n:
            features.append((f"p{n}", lower[:n]))
    poses: set[str] = set()
    quals: set[str] = set()
    cases: set[str] = set()
    lemmas: set[str] = set()
    for interp in get_morphology().analyse(form):
        parts = interp.tag.split(":")
        poses.add(parts[0])
        quals.update(interp.quals)
        if parts[0] in ("subst", "adj", "depr", "ppron3", "num"):
            # the cases say whether a capitalised word can be the genitive complement of an organisation
            # name ("Ministerstwo Spraw Zagranicznych")
            cases.update(c for part in parts[1:] for c in part.split(".") if c in CASES)
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


@lru_cache(maxsize=300_000)
def _own(form: str) -> tuple[str, ...]:
    return tuple(f"{kind}={value}" for kind, value in form_features(form))


@lru_cache(maxsize=300_000)
def _as_neighbour(form: str, offset: int) -> tuple[str, ...]:
    kinds = _NEIGHBOUR_KINDS[abs(offset)]
    return tuple(f"{offset}{kind}={value}" for kind, value in form_features(form) if kind in kinds)


def sentence_features(forms: list[str]) -> list[list[str]]:
    """One feature list per token of a sentence, for python-crfsuite."""
    sequence: list[list[str]] = []
    last = len(forms) - 1
    for i, form in enumerate(forms):
        features = ["bias", *_own(form)]
        for offset in _WINDOW:
            j = i + offset
            if 0 <= j <= last:
                features.extend(_as_neighbour(forms[j], offset))
            elif j == -1 or j == last + 1:
                features.append(f"{offset}BOUNDARY")
        if i > 0:
            features.append(f"-1w|w={forms[i - 1].lower()}|{form.lower()}")
            if form[:1].isupper():
                features.append("cap_inside")  # a capital that is not the sentence's first letter
        if i < last:
            features.append(f"w|+1w={form.lower()}|{forms[i + 1].lower()}")
        sequence.append(features)
    return sequence
