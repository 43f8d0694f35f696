"""Human corrections: applied at once, listed, undone, exported as training data, and kept when the
document is analysed again."""

from __future__ import annotations

import csv
import io
import json

import pytest

from kronika.errors import KronikaError
from kronika.export.store_export import export_store
from kronika.model import Document, content_id
from kronika.pipeline import analyze
from kronika.store import Store
from kronika.store import corrections as library

TEXT = ("Generał Władysław Sikorski przyjechał do Lwowa 5 maja 1939 roku. "
        "We Lwowie spotkał się z ministrem Józefem Beckiem. "
        "Wojska niemieckie zajęły Kraków 6 września 1939 roku.")


def _span(surface: str) -> tuple[int, int]:
    start = TEXT.index(surface)
    return start, start + len(surface)


@pytest.fixture
def stored(store: Store) -> tuple[Store, str]:
    document = Document(content_id(TEXT), TEXT, "1939-10-01", "Notatka", "notatka.txt")
    return store, store.ingest(analyze(document))


def _analysis_json(store: Store, document: str) -> dict:
    analysis = store.document_analysis(document)
    assert analysis is not None
    return library.mark_human(store, document, analysis.to_json())


def _entity_ref(store: Store, lemma_start: str) -> str:
    return next(e.ref for e in store.entities() if e.lemma.startswith(lemma_start))


def test_base_form_correction_is_applied_marked_and_undone(stored: tuple[Store, str]) -> None:
    store, document = stored
    ref = _entity_ref(store, "Lw")
    correction = library.correct(store, "entity", {"ref": ref}, {"lemma": "Lwów (miasto)"}, "Anna")
    assert store.entities(ref=ref)[0].lemma == "Lwów (miasto)"
    marked = [e for e in _analysis_json(store, document)["entities"] if e["ref"] == ref]
    assert marked and all(e["source"] == "human" and e["lemma"] == "Lwów (miasto)" for e in marked)
    listed = library.corrections(store)
    assert [(c.id, c.user, c.kind) for c in listed] == [(correction.id, "Anna", "entity")]
    assert correction.previous["lemma"] == "Lwów"
    library.undo(store, correction.id, "Anna")
    assert store.entities(ref=ref)[0].lemma == "Lwów"
    assert library.corrections(store)[0].undone_by == "Anna"


def test_corrections_survive_reanalysis(stored: tuple[Store, str]) -> None:
    store, document = stored
    lwow, krakow = _entity_ref(store, "Lw"), _entity_ref(store, "Krak")
    beck_start, beck_end = _span("Józefem Beckiem")
    date_start, date_end = _span("6 września 1939 roku")
    library.correct(store, "entity", {"ref": lwow}, {"lemma": "Lwów (miasto)"}, "Anna")
    library.correct(store, "place", {"ref": krakow}, {"lat": 50.0, "lon": 20.0}, "Anna")
    library.correct(store, "timex", {"start": date_start, "end": date_end}, {"value": "1939-09-07", "mod": "APPROX"},
                    "Anna", document)
    library.correct(store, "add", {"start": _span("Generał")[0], "end": _span("Generał")[1]},
                    {"type": "PERSON", "lemma": "generał"}, "Anna", document)
    mentions = {(e["start"], e["end"]) for e in _analysis_json(store, document)["entities"]}
    if (beck_start, beck_end) in mentions:
        library.correct(store, "delete", {"start": beck_start, "end": beck_end}, {}, "Anna", document)
    events = store.events(document=document)
    assert events
    library.correct(store, "event", {"trigger_start": events[-1].trigger_start, "trigger_end": events[-1].trigger_end},
                    {"status": "rejected"}, "Anna", document)
    before = _analysis_json(store, document)

    kept, lost = library.reanalyze(store, document)

    assert lost == 0 and kept >= 5
    after = _analysis_json(store, document)
    assert after["entities"] == before["entities"]
    assert after["timexes"] == before["timexes"]
    assert [e["trigger"] for e in after["events"]] == [e["trigger"] for e in before["events"]]
    timex = next(t for t in after["timexes"] if t["start"] == date_start)
    assert (timex["value"], timex["mod"], timex["source"]) == ("1939-09-07", "APPROX", "human")
    assert store.entities(ref=krakow)[0].geo["lat"] == 50.0


def test_merge_joins_two_entities_and_undo_splits_them(stored: tuple[Store, str]) -> None:
    store, _document = stored
    lwow, krakow = _entity_ref(store, "Lw"), _entity_ref(store, "Krak")
    correction = library.correct(store, "merge", {"ref": krakow}, {"into": lwow}, "Jan")
    merged = store.entities(ref=krakow)
    assert merged[0].ref == lwow and krakow in merged[0].refs
    library.undo(store, correction.id, "Jan")
    assert store.entities(ref=krakow)[0].ref == krakow
    assert store.entities(ref=lwow)[0].mentions == 2


def test_training_rows_and_bad_corrections(stored: tuple[Store, str]) -> None:
    store, document = stored
    start, end = _span("Generał")
    library.correct(store, "add", {"start": start, "end": end}, {"type": "person", "lemma": "generał"}, "Ewa", document)
    rows = list(library.training_rows(store))
    assert {"kind": "span", "text": "Generał", "type": "PERSON"}.items() <= rows[0].items()
    assert rows[1]["kind"] == "base_form" and rows[1]["lemma"] == "generał"
    json.dumps(rows)
    with pytest.raises(KronikaError, match="read"):
        library.correct(store, "add", {"start": start, "end": end, "text": "Kapitan"},
                        {"type": "PERSON", "lemma": "kapitan"}, "Ewa", document)
    with pytest.raises(KronikaError, match="TIMEX3"):
        library.correct(store, "timex", {"start": start, "end": end}, {"value": "wczoraj"}, "Ewa", document)
    with pytest.raises(KronikaError, match="no entity"):
        library.correct(store, "entity", {"ref": "person:nikt"}, {"lemma": "Nikt"}, "Ewa")
    with pytest.raises(KronikaError, match="user"):
        library.correct(store, "entity", {"ref": "person:nikt"}, {"lemma": "Nikt"}, " ")


def test_deleting_a_document_takes_its_corrections(stored: tuple[Store, str]) -> None:
    store, document = stored
    start, end = _span("Generał")
    library.correct(store, "add", {"start": start, "end": end}, {"type": "PERSON", "lemma": "generał"}, "Ewa", document)
    assert library.delete_document(store, document)
    assert library.corrections(store) == []


def test_cli_correct_list_export_and_errors(tmp_path, capsys) -> None:
    from kronika.cli import main

    db = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    with Store.open(db) as store:
        document = store.ingest(analyze(Document(content_id(TEXT), TEXT, "1939-10-01", "Notatka", "notatka.txt")))
    start, end = _span("6 września 1939 roku")
    main(["correct", "timex", document, str(start), str(end), "1939-09-07", "--db", db, "--user", "Ewa", "--json"])
    assert json.loads(capsys.readouterr().out)["source"] == "human"
    main(["corrections", "export", "--db", db, "--format", "jsonl"])
    row = json.loads(capsys.readouterr().out)
    assert (row["kind"], row["value"], row["user"]) == ("timex", "1939-09-07", "Ewa")
    split_start, split_end = _span("Lwowie")
    main(["correct", "split", document, str(split_start), str(split_end), "--lemma", "Lwów Zamarstynów",
          "--db", db, "--user", "Ewa", "--json"])
    assert json.loads(capsys.readouterr().out)["kind"] == "split"
    with Store.open(db) as store:
        event = store.events(document=document)[0]
    main(["correct", "event", document, str(event.trigger_start), str(event.trigger_end), "accepted",
          "--time", "1939-05-06", "--places", "Kraków", "--db", db, "--user", "Ewa"])
    assert "applied by Ewa" in capsys.readouterr().out
    with Store.open(db) as store:
        assert [a.lemma for a in store.events(document=document)[0].places] == ["Kraków"]
    main(["corrections", "export", "--db", db])
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines() if '"base_form"' in line]
    assert {"kind": "base_form", "form": "Lwowie", "lemma": "Lwów Zamarstynów"}.items() <= rows[-1].items()
    main(["analyze", "--stored", document, "--db", db])
    timex = next(t for t in json.loads(capsys.readouterr().out)["timexes"] if t["start"] == start)
    assert (timex["value"], timex["source"]) == ("1939-09-07", "human")
    with pytest.raises(SystemExit) as exit_status:
        main(["correct", "undo", "99", "--db", db])
    assert exit_status.value.code == 1 and "no correction 99" in capsys.readouterr().err


def test_authority_link_adds_a_ref_and_undo_removes_it(stored: tuple[Store, str]) -> None:
    store, _document = stored
    lwow = _entity_ref(store, "Lw")
    correction = library.correct(store, "link", {"ref": lwow}, {"authority": "wikidata:Q36036"}, "Ewa")
    assert store.entities(ref="wikidata:Q36036")[0].ref == lwow
    with pytest.raises(KronikaError, match="authority id"):
        library.correct(store, "link", {"ref": lwow}, {"authority": "Q36036"}, "Ewa")
    library.undo(store, correction.id, "Ewa")
    assert store.entities(ref="wikidata:Q36036") == []


def test_every_export_says_who_corrected_what_and_when(stored: tuple[Store, str], jing_errors) -> None:
    store, document = stored
    lwow = _entity_ref(store, "Lw")
    library.correct(store, "entity", {"ref": lwow}, {"lemma": "Lwów (miasto)"}, "Anna")
    start, end = _span("6 września 1939 roku")
    timex = library.correct(store, "timex", {"start": start, "end": end}, {"value": "1939-09-07"}, "Ewa", document)
    event = store.events(document=document)[0]
    library.correct(store, "event", {"trigger_start": event.trigger_start, "trigger_end": event.trigger_end},
                    {"status": "accepted"}, "Ewa", document)

    marked = _analysis_json(store, document)
    date = next(t for t in marked["timexes"] if t["start"] == start)
    assert (date["source"], date["by"], date["at"]) == ("human", "Ewa", timex.created_at)
    assert {(e["source"], e.get("by")) for e in marked["entities"] if e["ref"] == lwow} == {("human", "Anna")}
    assert any(e["source"] == "machine" and "by" not in e for e in marked["entities"])

    tei = export_store(store, "tei")
    assert jing_errors(tei) == []
    assert 'key="Lwów (miasto)" ref="#' in tei and 'resp="#' in tei
    assert "<resp>correction</resp><name>Anna</name>" in tei and f'when="{timex.created_at}"' in tei

    rows = {row["lemma"]: row for row in _csv(export_store(store, "csv", table="mentions"))}
    assert (rows["Lwów (miasto)"]["source"], rows["Lwów (miasto)"]["corrected_by"]) == ("human", "Anna")
    assert {row["source"] for name, row in rows.items() if name != "Lwów (miasto)"} == {"machine"}
    events = _csv(export_store(store, "csv"))
    assert (events[0]["source"], events[0]["corrected_by"]) == ("human", "Ewa")

    annotations = json.loads(export_store(store, "webanno"))["first"]["items"]
    corrected = [a for a in annotations if a["target"]["selector"][1]["start"] == start]
    assert corrected[0]["creator"] == {"type": "Person", "name": "Ewa"} and corrected[0]["created"] == timex.created_at

    turtle = export_store(store, "ttl")
    assert "prov:wasAttributedTo" in turtle and '"Anna"' in turtle and "prov:generatedAtTime" in turtle


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_split_gives_a_mention_its_own_entity_and_survives_reanalysis(stored: tuple[Store, str]) -> None:
    store, document = stored
    lwow = _entity_ref(store, "Lw")
    assert store.entities(ref=lwow)[0].mentions == 2
    start, end = _span("Lwowie")
    split = library.correct(store, "split", {"start": start, "end": end}, {"lemma": "Lwów Zamarstynów"}, "Ewa",
                            document)
    assert store.entities(ref=lwow)[0].mentions == 1
    zamarstynow = store.entities(ref="place:lwow-zamarstynow")[0]
    assert (zamarstynow.lemma, zamarstynow.mentions) == ("Lwów Zamarstynów", 1)
    mention = next(e for e in _analysis_json(store, document)["entities"] if e["start"] == start)
    assert (mention["ref"], mention["source"], mention["by"]) == ("place:lwow-zamarstynow", "human", "Ewa")

    assert library.reanalyze(store, document) == (1, 0)
    assert store.entities(ref="place:lwow-zamarstynow")[0].mentions == 1
    assert store.entities(ref=lwow)[0].mentions == 1

    library.undo(store, split.id, "Ewa")
    assert store.entities(ref=lwow)[0].mentions == 2
    assert store.entities(ref="place:lwow-zamarstynow") == []


def test_an_entity_left_without_mentions_by_a_split_is_not_listed(stored: tuple[Store, str]) -> None:
    store, document = stored
    krakow = _entity_ref(store, "Krak")
    start, end = _span("Kraków")
    split = library.correct(store, "split", {"start": start, "end": end}, {"lemma": "Kraków Podgórze"}, "Ewa",
                            document)
    listed = [e.ref for e in store.entities()]
    assert krakow not in listed and "place:krakow-podgorze" in listed
    assert krakow not in [e.ref for e in store.entities(type="PLACE")]
    assert store.entities(ref=krakow)[0].mentions == 0  # still there, for the undo
    library.undo(store, split.id, "Ewa")
    assert krakow in [e.ref for e in store.entities()]


def test_a_split_keeping_the_name_has_a_ref_of_its_own(stored: tuple[Store, str]) -> None:
    store, document = stored
    lwow = _entity_ref(store, "Lw")
    start, end = _span("Lwowa")
    split = library.correct(store, "split", {"start": start, "end": end}, {}, "Ewa", document)
    own = f"{lwow}-h{split.id}"
    assert store.entities(ref=own)[0].mentions == 1
    library.correct(store, "place", {"ref": own}, {"lat": 49.9, "lon": 24.0}, "Ewa")
    assert library.reanalyze(store, document) == (1, 0)  # the place stays on the entity, kept by its ref
    assert store.entities(ref=own)[0].geo["lat"] == 49.9 and store.entities(ref=lwow)[0].mentions == 1


def test_an_event_gets_another_time_place_and_participants(stored: tuple[Store, str]) -> None:
    store, document = stored
    event = store.events(document=document)[0]
    target = {"trigger_start": event.trigger_start, "trigger_end": event.trigger_end}
    before = (event.time, [a.lemma for a in event.places], [a.lemma for a in event.participants])
    krakow = _entity_ref(store, "Krak")
    edit = library.correct(store, "event", target, {"status": "accepted", "time": "1939-05-06",
                                                    "places": f"{krakow}, Nowy Sącz",
                                                    "participants": ["Józef Beck"]}, "Ewa", document)
    edited = store.events(document=document)[0]
    assert (edited.time, edited.interval) == ("1939-05-06", ("1939-05-06", "1939-05-06"))
    assert [(a.lemma, a.ref) for a in edited.places] == [("Kraków", krakow), ("Nowy Sącz", None)]
    assert [a.lemma for a in edited.participants] == ["Józef Beck"] and edited.participants[0].ref
    analysis = _analysis_json(store, document)["events"][0]
    assert (analysis["time"], analysis["source"], analysis["by"]) == ("1939-05-06", "human", "Ewa")

    assert library.reanalyze(store, document) == (1, 0)
    again = store.events(document=document)[0]
    assert again.time == "1939-05-06" and [a.lemma for a in again.places] == ["Kraków", "Nowy Sącz"]

    library.undo(store, edit.id, "Ewa")
    undone = store.events(document=document)[0]
    assert (undone.time, [a.lemma for a in undone.places], [a.lemma for a in undone.participants]) == before
    with pytest.raises(KronikaError, match="TIMEX3"):
        library.correct(store, "event", target, {"status": "accepted", "time": "w maju"}, "Ewa", document)


def test_a_documents_marks_are_the_whole_logs_marks_of_that_document(stored: tuple[Store, str]) -> None:
    store, document = stored
    other_text = "Marszałek Józef Piłsudski przyjechał do Krakowa 3 maja 1920 roku."
    other = store.ingest(analyze(Document(content_id(other_text), other_text, "1920-05-10", "Druga", "druga.txt")))
    lwow, krakow = _entity_ref(store, "Lw"), _entity_ref(store, "Krak")
    library.correct(store, "entity", {"ref": lwow}, {"lemma": "Lwów (miasto)"}, "Anna")
    library.correct(store, "place", {"ref": krakow}, {"lat": 50.0, "lon": 20.0}, "Jan", other)
    for name, doc, surface, text in (("Ewa", document, "5 maja 1939 roku", TEXT),
                                     ("Ola", other, "3 maja 1920 roku", other_text)):
        start = text.index(surface)
        library.correct(store, "timex", {"start": start, "end": start + len(surface)}, {"value": "1939-05-06"},
                        name, doc)
        event = store.events(document=doc)[0]
        library.correct(store, "event", {"trigger_start": event.trigger_start, "trigger_end": event.trigger_end},
                        {"status": "accepted"}, name, doc)
    undone = library.correct(store, "entity", {"ref": krakow}, {"lemma": "Kraków (miasto)"}, "Jan")
    library.undo(store, undone.id, "Jan")

    everything = library.human_marks(store)
    for doc in (document, other):
        marks = library.human_marks(store, doc)
        assert marks.refs == everything.refs and set(marks.refs) == {lwow, krakow}
        assert marks.refs[krakow].kind == "place"  # the undone correction shows nowhere
        assert marks.spans == {key: mark for key, mark in everything.spans.items() if key[0] == doc} != {}
        assert marks.triggers == {key: mark for key, mark in everything.triggers.items() if key[0] == doc} != {}
