"""Search terms: what a sentence is indexed under and what a query asks for.

Both sides go through the same folding (lower case, diacritics removed, *ł* → *l*, which Unicode does
not decompose) so SQLite FTS5 and PostgreSQL see identical ASCII terms. A word is indexed under its form
and the lemmas of all its Morfeusz readings (the chosen reading may be wrong); a word Morfeusz does not
know gets the base forms :mod:`kronika.lang.base_forms` guesses, so *Rückemanna* is also indexed as
*ruckemann*.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kronika.lang.base_forms import guess_bases
from kronika.lang.fold import fold
from kronika.model import Token
from kronika.morph import get_morphology
from kronika.morph.analyzer import strip_homonym

_NON_TERM = re.compile(r"[^a-z0-9]+")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def split_terms(text: str) -> list[str]:
    """Folded terms of a text (a lemma may hold several words: *między innymi*)."""
    return [t for t in _NON_TERM.split(fold(text)) if t]


def _is_word(text: str) -> bool:
    return bool(_WORD.search(text))


def token_terms(token: Token, in_name: bool = False) -> set[str]:
    """Every term one token is indexed under. Inside a recognised name only the chosen reading counts
    (the name's own lemma is indexed with the sentence): *Lwów* the city is not also *Lew*."""
    if not _is_word(token.text):
        return set()
    words = {token.text}
    interps = token.interps if token.interps and not in_name else ((token.chosen,) if token.chosen else ())
    for interp in interps:
        if interp is None:
            continue
        if interp.tag == "ign":
            words |= set(guess_bases(token.text))
        else:
            words.add(strip_homonym(interp.lemma))
    return {term for word in words for term in split_terms(word)}


def index_string(tokens: Iterable[Token], names: Iterable[tuple[int, int, str]] = ()) -> str:
    """The space-separated term string stored for a sentence; ``names`` are the ``(start, end, lemma)``
    of the names recognised in it, whose lemmas are indexed too."""
    names = list(names)
    terms: dict[str, None] = {}
    for token in tokens:
        in_name = any(start <= token.start < end for start, end, _ in names)
        for term in sorted(token_terms(token, in_name)):
            terms[term] = None
    for _, _, lemma in names:
        for term in split_terms(lemma):
            terms[term] = None
    return " ".join(terms)


def query_alternatives(query: str) -> list[list[tuple[str, ...]]]:
    """For each word of a query, its alternatives; each alternative is a tuple of terms that must all
    occur (a lemma can be several words). A capitalised word keeps only proper-name readings when it has
    any, and a word that is itself the lemma of one of its readings is taken as that base form, so
    *Lwów* does not also search for the genitive plural of *Lew*."""
    from kronika.lang.tokens import tokenize

    morphology = get_morphology()
    groups: list[list[tuple[str, ...]]] = []
    for token in tokenize(query):
        if not _is_word(token.text):
            continue
        interps = morphology.analyse(token.text)
        words = {token.text}
        if token.text[:1].isupper():
            proper = [i for i in interps if i.lemma[:1].isupper()]
            interps = tuple(proper) or interps
        as_base = [i for i in interps if strip_homonym(i.lemma).lower() == token.text.lower()]
        interps = tuple(as_base) or interps
        for interp in interps:
            if interp.tag == "ign":
                words |= set(guess_bases(token.text))
            else:
                words.add(strip_homonym(interp.lemma))
        alternatives = sorted({tuple(split_terms(w)) for w in words} - {()})
        if alternatives:
            groups.append(alternatives)
    return groups
