"""The state that held a place on the dates of the documents naming it: one lookup per distinct date."""

from __future__ import annotations

import pytest
from rdflib import Graph

from kronika.export import place_details
from kronika.export.place_details import states_then
from kronika.export.snapshot import StoreSnapshot
from kronika.export.store_export import render_snapshot
from tests.export.conftest import stored_snapshot

XSD = "http://www.w3.org/2001/XMLSchema#"
DOCUMENTS = [  # (id, text, date): Lwów under Austria, then in Poland, twice on one day, once with a year only
    ("a", "We Lwowie otwarto wystawę rolniczą.", "1902-11-29"),
    ("b", "We Lwowie otwarto targi wschodnie.", "1936-09-01"),
    ("c", "Do Lwowa przyjechali goście targów.", "1936-09-01"),
    ("d", "We Lwowie założono towarzystwo gimnastyczne.", "1850"),
    ("e", "We Lwowie wydano kalendarz.", None),  # no date: no state then
    ("f", "W Krakowie otwarto wystawę.", "1920-05-03"),  # does not name Lwów
]


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory: pytest.TempPathFactory) -> StoreSnapshot:
    return stored_snapshot(tmp_path_factory.mktemp("states"), DOCUMENTS)


def test_states_by_the_first_date_each_with_its_distinct_dates(snapshot: StoreSnapshot,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    lwow = next(place for place in snapshot.places() if place.lemma == "Lwów")
    asked: list[str] = []

    def counted(place: place_details.Place, date: str) -> str | None:
        asked.append(date)
        return country_then(place, date)

    country_then = place_details.country_then
    monkeypatch.setattr(place_details, "country_then", counted)
    assert snapshot.dates_naming(lwow.ref) == ["1850", "1902-11-29", "1936-09-01"]
    assert states_then(snapshot, lwow) == {"Austrian Empire": ["1850"], "Austria-Hungary": ["1902-11-29"],
                                           "Poland": ["1936-09-01"]}
    assert sorted(asked) == ["1850-07-01", "1902-11-29", "1936-09-01"]  # once per distinct date


def test_a_place_no_document_names_on_a_date_has_no_state_then(snapshot: StoreSnapshot) -> None:
    assert snapshot.dates_naming("no-such-ref") == []
    krakow = next(place for place in snapshot.places() if place.lemma == "Kraków")
    assert states_then(snapshot, krakow) == {"Poland": ["1920-05-03"]}


def test_identical_to_asking_every_document(snapshot: StoreSnapshot) -> None:
    for place in snapshot.places():
        gazetteer = place_details.gazetteer_place(place)
        expected: dict[str, set[str]] = {}
        for analysis in snapshot.analyses.values():
            date = place_details.full_date(analysis.document.dct)
            if gazetteer and date and any(m.ref == place.ref for m in analysis.entities) and (
                    state := place_details.country_then(gazetteer, date)):
                expected.setdefault(state, set()).add(analysis.document.dct or date)
        assert states_then(snapshot, place) == {
            state: sorted(days) for state, days in sorted(expected.items(), key=lambda item: min(item[1]))}


def test_rdf_gives_a_place_its_state_in_1939_and_on_each_document_date(snapshot: StoreSnapshot) -> None:
    graph = Graph().parse(data=render_snapshot(snapshot, "ttl"), format="turtle")
    rows = graph.query("""
        PREFIX crm: <http://www.cidoc-crm.org/cidoc-crm/>
        PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?state ?day WHERE {
            ?place rdfs:label "Lwów"@pl ; crm:P89_falls_within ?within .
            ?within a sem:Temporary ; rdf:value [ a crm:E53_Place, sem:Place ; rdfs:label ?state ] ;
                    sem:hasTimeStamp ?day . }""")
    assert {(str(state), str(day), str(day.datatype)) for state, day in rows} == {
        ("Poland", "1939-08", f"{XSD}gYearMonth"), ("Austrian Empire", "1850", f"{XSD}gYear"),
        ("Austria-Hungary", "1902-11-29", f"{XSD}date"), ("Poland", "1936-09-01", f"{XSD}date")}
