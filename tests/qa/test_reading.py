"""Retrieve, then read: questions about short press notes written for these tests, ingested through the
real pipeline into SQLite and PostgreSQL. No answer here rests on a recognised event."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kronika.model import Document
from kronika.pipeline import analyze
from kronika.qa import answer, parse_question
from kronika.store import Store
from tests.store.conftest import BACKENDS, fresh_store

NOTES = {
    "pozar": ("1938-03-10", "Wczoraj wybuchł pożar w młynie we wsi Zawady pod Łomżą. Ogień strawił budynek i 40 worków "
                            "zboża. Akcją ratunkową kierował komendant straży Józef Malinowski. Straty oceniają na "
                            "12 tysięcy złotych."),
    "zebranie": ("1938-03-12", "Na zebraniu Koła Rolników w Kolnie wybrano prezesem p. Antoniego Wróbla. Zgromadzenie "
                               "przyjęło też sprawozdanie skarbnika."),
    "lawina": ("1938-02-20", "Lawina porwała trzech narciarzy na zboczu Kasprowego Wierchu. Dwóch uratowali ratownicy "
                             "pod kierownictwem Mariusza Zaruskiego."),
}


@pytest.fixture(scope="module", params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with fresh_store(request.param, tmp_path_factory.mktemp("reading")) as opened:
        for name, (dct, text) in NOTES.items():
            opened.ingest(analyze(Document(id=name, text=text, dct=dct)))
        yield opened


@pytest.mark.parametrize(("question", "expected"), [
    ("Kiedy spłonął młyn w Zawadach?", "1938-03-09"),  # pożar ~ spłonąć; "wczoraj" resolved on the issue date
    ("Kto kierował akcją ratunkową?", "Józef Malinowski"),
    ("Ile worków zboża strawił ogień?", 40),
    ("Kogo wybrano prezesem Koła Rolników?", "Antoni Wróbel"),  # the accusative object of an impersonal verb
    ("Ilu narciarzy porwała lawina?", 3),  # a number in words
    ("Pod czyim kierownictwem ratownicy uratowali narciarzy?", "Mariusz Zaruski"),
    ("Na ile oceniają straty?", 12000),  # a multiplier after the number
])
def test_answer_is_read_from_the_sentence(store: Store, question: str, expected: object) -> None:
    answers = answer(store, question)
    assert answers, question
    best = answers[0]
    assert best.value == expected or str(best.value).startswith(str(expected)), (question, answers)
    (citation,) = best.citations
    assert NOTES[_name(store, citation.document)][1][citation.start:citation.end] == citation.text
    assert 0 < best.confidence <= 1


@pytest.mark.parametrize("question", [
    "Kiedy spłonął ratusz w Krakowie?",  # a name no document has
    "Ilu posłów wybrano do sejmu?",
])
def test_weak_evidence_gives_no_answer(store: Store, question: str) -> None:
    assert answer(store, question) == []


def test_any_word_search_ranks_partial_matches(store: Store) -> None:
    hits = store.search("pożar lawina", any_word=True)
    assert {_name(store, hit.citation.document) for hit in hits} == {"pozar", "lawina"}
    assert store.search("pożar lawina") == []


def _name(store: Store, document_id: str) -> str:
    return next(d.name for d in store.documents() if d.id == document_id)


@pytest.mark.parametrize(("question", "asks", "cases", "preposition"), [
    ("Kto przemawiał?", "person", {"nom"}, None),
    ("Kogo porwała lawina?", "person", {"acc", "gen"}, None),
    ("Komu wręczono adres?", "person", {"dat"}, None),
    ("Z kim rozmawiał minister?", "person", {"inst", "loc"}, "z"),
    ("Skąd przybył minister?", "place", {"from"}, None),
    ("Dokąd wyjechał minister?", "place", {"to"}, None),
    ("W jakim mieście zmarł poeta?", "place", {"at"}, "w"),
])
def test_question_word_gives_kind_and_case(question: str, asks: str, cases: set[str], preposition: str | None) -> None:
    parsed = parse_question(question)
    assert (parsed.asks, set(parsed.cases), parsed.preposition) == (asks, cases, preposition)


def test_words_of_a_relative_clause_weigh_less() -> None:
    parsed = parse_question("Jaką rolę grał aktor w filmie, od którego wzięła początek plotka?")
    assert {t.form: t.main for t in parsed.terms} == {
        "rolę": True, "grał": True, "aktor": True, "filmie": True, "którego": False, "wzięła": False,
        "początek": False, "plotka": False} or not parsed.terms[-1].main


def test_shared_texts_are_not_needed(tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'empty.sqlite'}") as empty:
        assert answer(empty, "Kto kierował akcją ratunkową?") == []
