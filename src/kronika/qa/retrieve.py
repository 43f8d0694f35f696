"""Retrieval: the stored sentences most likely to hold an answer, with their neighbours.

The question's content words, and the words related to them (``resources/pl/related_words.tsv``:
*pożar* brings *spłonąć*), are looked up in the store's lemma index (SQLite FTS5 or PostgreSQL
full-text, ranked by BM25 / ts_rank), any word sufficing; each hit comes back as a :class:`Passage`:
the sentence in its document's stored analysis, so the reader sees its tokens, names, dates and numbers
and the sentences around it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from kronika.lang.grammar import FINITE_VERBS
from kronika.lang.resources import read_table
from kronika.model import Analysis, Sentence
from kronika.morph import get_morphology
from kronika.qa.memo import DocumentMemo
from kronika.qa.question import Question, load_question_words
from kronika.store import Store

CANDIDATES = 40
CACHED_TOKENS = 200_000  # tokens of stored documents kept between questions (~100 MB: ~370 bytes a token
# with its share of the text, names and dates, measured on the NKJP dev documents, and up to ~130 bytes a
# token of what the reader derived from them, measured on 20 questions over the 10,000-document dev store)
FRAGMENT = 3  # at most this many words in a piece the splitter cut off after an abbreviation
ABBREVIATION = 5  # at most this many letters in an abbreviation the splitter took for a sentence end


def _cut_after_abbreviation(sentence: Sentence, following: Sentence, names: set[int]) -> bool:
    """Whether the splitter ended ``sentence`` at the dot of an abbreviation its list does not hold (it
    knows titles, *d.*, *leg.* and abbreviated first names): a single letter (an initial written apart
    from its dot, *p. A . Lipka*), a short word the dictionary does not know (*Wróbl. Jan*) or a short
    noun before a name or a verbless piece of a few words (*dyrek. | Wróblewskiego.*)."""
    tokens = sentence.tokens
    if len(tokens) < 2 or tokens[-1].text != "." or not following.tokens:
        return False
    word = tokens[-2].text
    if not word.isalpha() or len(word) > ABBREVIATION:
        return False
    readings = {i.pos for i in get_morphology().analyse(word)}
    if len(word) == 1 or readings <= {"ign", "brev", "romandig"}:
        return True
    first = following.tokens[0]
    return readings <= {"subst", "depr", "ign", "brev"} and (first.start in names or _fragment(following))


def _fragment(sentence: Sentence) -> bool:
    """A piece of a few words without a finite verb: no sentence of its own."""
    words = [t for t in sentence.tokens if t.text[:1].isalnum()]
    return len(words) <= FRAGMENT and not any(t.tag.split(":", 1)[0] in FINITE_VERBS for t in words)


@dataclass
class Passage:
    """A retrieved sentence in its document, joined with the pieces the splitter cut off it after an
    abbreviation (before or after it)."""

    analysis: Analysis
    position: int  # index of the sentence in the analysis
    rank: float  # retrieval score, 1.0 for the best hit
    last: int = -1  # index of the last sentence joined to it
    memo: DocumentMemo = field(default_factory=DocumentMemo)  # shared by the passages of one cached document

    def __post_init__(self) -> None:
        if self.position not in self.memo.passages:
            self.memo.passages[self.position] = self._joined()
        self.position, self.last, self.sentence = self.memo.passages[self.position]

    def _joined(self) -> tuple[int, int, Sentence]:
        """The first and last sentence of the passage, and the passage as one sentence."""
        sentences = self.analysis.sentences
        names = {e.start for e in self.analysis.entities}

        def joined(before: int) -> bool:
            return _cut_after_abbreviation(sentences[before], sentences[before + 1], names)

        position = self.position
        while position > 0 and joined(position - 1):
            position -= 1
        last = position
        while last + 1 < len(sentences) and joined(last):
            last += 1
        tokens = [t for s in sentences[position:last + 1] for t in s.tokens]
        return position, last, Sentence(sentences[position].start, sentences[last].end, tokens)

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
    if question.preposition == "z" and question.asks == "person":
        words += sorted(load_question_words()["companion"])  # "towarzyszył mu X" says who was with him
    return list(dict.fromkeys(words))


class _DocumentCache:
    """Stored documents read for earlier questions, kept while the store is unchanged (its fingerprint,
    checked once a question, says so): a server answering many questions reads a document once, not once
    per question whose hits it holds. Least recently used first dropped past ``limit`` tokens; the
    analyses (without events, which answers never use) are only read, never changed, so callers share them."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._lock = threading.Lock()
        self._key: tuple[Any, ...] | None = None
        self._entries: OrderedDict[str, tuple[Analysis, DocumentMemo, int]] = OrderedDict()
        self._tokens = 0

    def analyses(self, store: Store, document_ids: Sequence[str]) -> dict[str, tuple[Analysis, DocumentMemo]]:
        """Each document's analysis with its memo (see :attr:`Passage.memo`)."""
        key = (store.url, store.fingerprint())
        found: dict[str, tuple[Analysis, DocumentMemo]] = {}
        with self._lock:
            if key != self._key:
                self._key, self._tokens = key, 0
                self._entries.clear()
            for document in document_ids:
                entry = self._entries.get(document)
                if entry is not None:
                    self._entries.move_to_end(document)
                    found[document] = entry[:2]
        missing = [document for document in document_ids if document not in found]
        if not missing:
            return found
        # the reader never looks at events
        read = {document: (analysis, DocumentMemo()) for document, analysis in
                store.document_analyses(missing, events=False).items()}
        with self._lock:
            if key == self._key:
                for document, (analysis, memo) in read.items():
                    if document not in self._entries:
                        size = sum(len(sentence.tokens) for sentence in analysis.sentences)
                        self._entries[document] = (analysis, memo, size)
                        self._tokens += size
                while self._tokens > self.limit and self._entries:
                    self._tokens -= self._entries.popitem(last=False)[1][2]
        return found | read


_documents = _DocumentCache(CACHED_TOKENS)


def retrieve(store: Store, question: Question) -> list[Passage]:
    words = query_words(question)
    if not words:
        return []
    hits = store.search(" ".join(words), limit=CANDIDATES, any_word=True)
    if not hits:
        return []
    best = max(hit.score for hit in hits) or 1.0
    analyses = _documents.analyses(store, list(dict.fromkeys(hit.citation.document for hit in hits)))
    passages: dict[tuple[str, int], Passage] = {}
    for hit in hits:
        document = hit.citation.document
        if document not in analyses:
            continue
        analysis, memo = analyses[document]
        if memo.positions is None:
            memo.positions = {s.start: i for i, s in enumerate(analysis.sentences)}
        position = memo.positions.get(hit.citation.start)
        if position is not None:
            passage = Passage(analysis, position, hit.score / best if best > 0 else 1.0, memo=memo)
            passages.setdefault((document, passage.position), passage)  # hits joined into one passage
    return list(passages.values())
