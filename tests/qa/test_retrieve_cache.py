"""Documents read for one question are kept for the next while the store is unchanged: a correction, a new
or a deleted document is seen by the very next question; what the reader derived from them for one
question serves the next unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from kronika.qa import answer, retrieve
from kronika.qa.read import Terms
from kronika.qa.retrieve import CACHED_TOKENS, _DocumentCache
from kronika.store import Store
from kronika.store import corrections as library
from tests.events.builders import build_analysis

TEXT = "W 1940 roku wywieziono na Syberię ponad 1200 mieszkańców Łomży."
OTHER = "W 1941 roku wywieziono do Kazachstanu wielu mieszkańców Pińska."
QUESTION = "Dokąd wywieziono mieszkańców Łomży?"


def _store(path: Path) -> Store:
    store = Store.open(f"sqlite:///{path}")
    store.ingest(build_analysis(TEXT, [("Syberię", "PLACE", "Syberia"), ("Łomży", "PLACE", "Łomża")],
                                [("W 1940 roku", "DATE", "1940")], document_id="lomza"))
    return store


def test_a_correction_is_seen_by_the_next_question(tmp_path: Path) -> None:
    with _store(tmp_path / "store.sqlite") as store:
        assert [a.value for a in answer(store, QUESTION)][:1] == ["Syberia"]
        library.correct(store, "entity", {"ref": "place:syberia"}, {"lemma": "Sybir"}, "Anna")
        assert [a.value for a in answer(store, QUESTION)][:1] == ["Sybir"]


def test_a_deleted_document_is_not_read_again(tmp_path: Path) -> None:
    with _store(tmp_path / "store.sqlite") as store:
        assert answer(store, QUESTION)
        store.delete_document(answer(store, QUESTION)[0].citations[0].document)
        assert answer(store, QUESTION) == []


def test_the_cache_keeps_at_most_its_bound_of_tokens(tmp_path: Path) -> None:
    with _store(tmp_path / "store.sqlite") as store:
        store.ingest(build_analysis(OTHER, [("Kazachstanu", "PLACE", "Kazachstan")], document_id="pinsk"))
        ids = [d.id for d in store.documents()]
        cache = _DocumentCache(limit=12)  # each text has 11 tokens: room for one document only
        first = cache.analyses(store, ids)
        assert set(first) == set(ids)
        # which of the two stays depends on the order the store returns them in, not on the cache
        (kept,) = cache._entries
        (dropped,) = set(ids) - {kept}
        assert cache.analyses(store, [kept])[kept][0] is first[kept][0]  # kept, not read again
        assert cache.analyses(store, [dropped])[dropped][0] is not first[dropped][0]  # dropped, read again


def test_words_derived_for_earlier_questions_serve_the_next(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    questions = ["Kiedy wywieziono mieszkańców Łomży?", "Ilu mieszkańców Łomży wywieziono?", QUESTION]
    with _store(tmp_path / "store.sqlite") as store:
        warm = [[a.to_json() for a in answer(store, question)] for question in questions * 2]
        fresh = []
        for question in questions * 2:
            monkeypatch.setattr(retrieve, "_documents", _DocumentCache(CACHED_TOKENS))
            fresh.append([a.to_json() for a in answer(store, question)])
        assert warm == fresh
        assert warm[2][0]["value"] == "Syberia"


def test_words_sharing_a_stem_are_found_by_it() -> None:
    terms = Terms.of({"przyjęcie", "przyjął", "przyj", "przybył"})
    assert set(terms.longer_with_stem("przyj")) == {"przyjęcie", "przyjął"}
    assert list(terms.longer_with_stem("odczy")) == []
