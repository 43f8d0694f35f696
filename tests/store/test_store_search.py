"""Lemma-aware search and its filters, on SQLite and PostgreSQL."""

import pytest

from kronika.errors import KronikaError

LWOW = {"lat": 49.84, "lon": 24.03, "name": "Lviv"}
SZACK = {"lat": 51.49, "lon": 23.93, "name": "Shatsk"}

TEXT = (
    "Pod Lwów pierwsze jednostki dotarły w nocy z 18 na 19 września. "
    "Dowództwo obrony Lwowa rozpoczęło pertraktacje 21 września 1939 r. "
    "We Lwowie pozostało wielu uchodźców. "
    "Grupa gen. Orlika-Rückemanna walczyła pod Szackiem 28 i 29 września. "
    "W Łodzi było spokojnie w 1938 roku. "
    "W ogrodzie zoologicznym trzymano dwa lwy. "
    "Oficerów z obozu zamordowano w Kalininie."
)
ENTITIES = [
    ("Lwów", "PLACE", "Lwów", "place:lwow", LWOW),
    ("Lwowa", "PLACE", "Lwów", "place:lwow", LWOW),
    ("Lwowie", "PLACE", "Lwów", "place:lwow", LWOW),
    ("Orlika-Rückemanna", "PERSON", "Wilhelm Orlik-Rückemann", "person:wilhelm-orlik-ruckemann", None),
    ("Szackiem", "PLACE", "Szack", "place:szack", SZACK),
]
TIMEXES = [("z 18 na 19 września", "1939-09-18/1939-09-19"), ("21 września 1939 r.", "1939-09-21"),
           ("28 i 29 września", "1939-09-28/1939-09-29"), ("1938 roku", "1938")]
EVENTS = [{"trigger": "walczyła", "type": "battle", "timex": "28 i 29 września", "places": ["Szack"],
           "participants": [("Wilhelm Orlik-Rückemann", "agent")]}]


@pytest.fixture(scope="module")
def store(module_store):
    return module_store


@pytest.fixture(scope="module")
def doc_id(store, build):
    return store.ingest(build(TEXT, name="lwow", entities=ENTITIES, timexes=TIMEXES, events=EVENTS))


def _found(hits):
    return [hit.citation.text for hit in hits]


@pytest.mark.parametrize(("query", "expected"), [
    ("Lwów", ["Pod Lwów", "obrony Lwowa", "We Lwowie"]),  # every case form of the base form
    ("lwow", ["Pod Lwów", "obrony Lwowa", "We Lwowie"]),  # without diacritics
    ("Orlik-Rückemann", ["Orlika-Rückemanna"]),  # a surname Morfeusz does not know, inflected
    ("Orlik Ruckemann", ["Orlika-Rückemanna"]),
    ("Łódź", ["W Łodzi"]),  # ł folded on both sides
    ("Lodz", ["W Łodzi"]),
    ("Kalinin", ["w Kalininie"]),  # unknown to Morfeusz: a guessed base form
    ("obrona Lwowa", ["obrony Lwowa"]),  # every word must match
    ("walka", []),  # "walczyła" is a verb: lemma search does not stem across parts of speech
    ("Kraków", []),
    ("lew", ["dwa lwy"]),
])
def test_lemma_search(store, doc_id, query, expected):
    hits = _found(store.search(query))
    assert len(hits) == len(expected), hits
    for fragment in expected:
        assert any(fragment in hit for hit in hits), (fragment, hits)


def test_base_form_query_is_not_a_common_noun(store, doc_id):
    assert not any("lwy" in hit for hit in _found(store.search("Lwów")))


def test_inflected_query_finds_its_base_form(store, doc_id):
    # "Lwowie" is also a plural of the name "Lew", so the lions may come too; the city must.
    hits = _found(store.search("Lwowie"))
    for fragment in ["Pod Lwów", "obrony Lwowa", "We Lwowie"]:
        assert any(fragment in hit for hit in hits), (fragment, hits)


@pytest.mark.parametrize(("filters", "expected"), [
    ({"ref": "person:wilhelm-orlik-ruckemann"}, ["Orlika-Rückemanna"]),
    ({"ref": "place:lwow"}, ["Pod Lwów", "obrony Lwowa", "We Lwowie"]),
    ({"type": "PERSON"}, ["Orlika-Rückemanna"]),
    ({"type": "battle"}, ["Orlika-Rückemanna"]),
    ({"place": "Szacku"}, ["Orlika-Rückemanna"]),  # a place name in another case form
    ({"place": "Lviv"}, ["Pod Lwów", "obrony Lwowa", "We Lwowie"]),  # today's name from the geocoder
    ({"date_from": "1939-09-19", "date_to": "1939-09-20"}, ["Pod Lwów"]),  # an interval overlapping
    ({"date_from": "1939-09"}, ["Pod Lwów", "obrony Lwowa", "Orlika-Rückemanna"]),
    ({"date_to": "1938-12-31"}, ["W Łodzi"]),
    ({"date_from": "1938-06-01", "date_to": "1938-06-01"}, ["W Łodzi"]),  # inside the year 1938
    ({"date_from": "1940"}, []),
    ({"ref": "person:nobody"}, []),
])
def test_filters(store, doc_id, filters, expected):
    hits = _found(store.search("", **filters))
    assert len(hits) == len(expected), hits
    for fragment in expected:
        assert any(fragment in hit for hit in hits), (fragment, hits)


def test_query_and_filter_combine(store, doc_id):
    assert _found(store.search("Lwów", date_from="1939-09-21", date_to="1939-09-21")) == [
        "Dowództwo obrony Lwowa rozpoczęło pertraktacje 21 września 1939 r."]


def test_hits_cite_their_sentence(store, doc_id):
    text = store.document_text(doc_id)
    for hit in store.search("Lwów"):
        citation = hit.citation
        assert citation.document == doc_id
        assert text[citation.start:citation.end] == citation.text
        assert citation.title == "lwow"


def test_bad_date_is_a_user_error(store, doc_id):
    with pytest.raises(KronikaError):
        store.search("Lwów", date_from="wczoraj")


def test_punctuation_only_query_finds_nothing(store, doc_id):
    assert store.search("„–”") == []
