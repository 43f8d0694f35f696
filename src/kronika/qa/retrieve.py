"""Retrieval: the stored sentences most likely to hold an answer, with their neighbours.

The question's content words, and the words related to them (``resources/pl/related_words.tsv``:
*pożar* brings *spłonąć*), are looked up in the store's lemma index (SQLite FTS5 or PostgreSQL
full-text, ranked by BM25 / ts_rank), any word sufficing; each hit comes back as a :class:`Passage`:
the sentence in its document's stored analysis, so the reader sees its tokens, names, dates and numbers
and the sentences around it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kronika.lang.resources import read_table
from kronika.model import Analysis, Sentence
from kronika.qa.question import Question
from kronika.store import Store

CANDIDATES = 40


FRAGMENT = 3  # a "sentence" of at most this many words is the tail of the one before ("sen. | Bobrowskiego.")


@dataclass
class Passage:
    """A retrieved sentence (with a fragment the splitter cut off after an abbreviation) in its document."""

    analysis: Analysis
    position: int  # index of the sentence in the analysis
    rank: float  # retrieval score, 1.0 for the best hit
    last: int = -1  # index of the last sentence joined to it

    def __post_init__(self) -> None:
        sentences = self.analysis.sentences
        self.last = self.position
        following = self.position + 1
        if following < len(sentences) and sum(t.text[:1].isalnum() for t in sentences[following].tokens) <= FRAGMENT:
            self.last = following
        first, last = sentences[self.position], sentences[self.last]
        tokens = [t for s in sentences[self.position:self.last + 1] for t in s.tokens]
        self.sentence = Sentence(first.start, last.end, tokens)

    def around(self) -> list[int]:
        """Indices of the sentences just before and after."""
        return [i for i in (self.position - 1, self.last + 1) if 0 <= i < len(self.analysis.sentences)]


@lru_cache(maxsize=2)
def related_words(language: str = "pl") -> dict[str, frozenset[str]]:
    """Lemma → the other lemmas of its groups."""
    related: dict[str, set[str]] = {}
    for _number, row in read_table("kronika.qa", f"resources/{language}/related_words.tsv"):
        for lemma in row:
            related.setdefault(lemma, set()).update(w for w in row if w != lemma)
    return {lemma: frozenset(words) for lemma, words in related.items()}


def expanded_lemmas(lemmas: frozenset[str]) -> frozenset[str]:
    related = related_words()
    return lemmas.union(*(related.get(lemma, frozenset()) for lemma in lemmas))


def query_words(question: Question) -> list[str]:
    words: list[str] = []
    for term in question.terms:
        words.append(term.form)
        words += sorted(expanded_lemmas(term.lemmas) - term.lemmas)
    if question.noun is not None and question.noun.form not in words:
        words.append(question.noun.form)
    return list(dict.fromkeys(words))


def retrieve(store: Store, question: Question) -> list[Passage]:
    words = query_words(question)
    if not words:
        return []
    hits = store.search(" ".join(words), limit=CANDIDATES, any_word=True)
    if not hits:
        return []
    best = max(hit.score for hit in hits) or 1.0
    analyses: dict[str, Analysis | None] = {}
    passages = []
    for hit in hits:
        document = hit.citation.document
        if document not in analyses:
            analyses[document] = store.document_analysis(document)
        analysis = analyses[document]
        if analysis is None:
            continue
        position = next((i for i, s in enumerate(analysis.sentences) if s.start == hit.citation.start), None)
        if position is not None:
            passages.append(Passage(analysis, position, hit.score / best if best > 0 else 1.0))
    return passages
