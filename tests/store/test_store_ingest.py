"""Ingest: idempotent, transactional per document, entities merged across documents; reading back."""

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from kronika.model import Timex
from kronika.store import content_hash, schema

LWOW = {"lat": 49.84, "lon": 24.03, "name": "Lviv"}
SZACK = {"lat": 51.49, "lon": 23.93, "name": "Shatsk"}
BATTLE = ("Grupa gen. Orlika-Rückemanna walczyła pod Szackiem 28 września 1939 roku. "
          "Następnie wycofała się na zachód.")


def _battle(build, text=BATTLE, name="a", date="28 września 1939 roku", value="1939-09-28"):
    return build(text, name=name,
                 entities=[("Orlika-Rückemanna", "PERSON", "Wilhelm Orlik-Rückemann", "person:orlik", None),
                           ("Szackiem", "PLACE", "Szack", "place:szack", SZACK)],
                 timexes=[(date, value)],
                 events=[{"trigger": "walczyła", "type": "battle", "timex": date, "places": ["Szack"],
                          "participants": [("Wilhelm Orlik-Rückemann", "agent")]}])


def _count(store, table):
    with store.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(table)).scalar()


TABLES = [schema.documents, schema.sentences, schema.tokens, schema.mentions, schema.entities, schema.timexes,
          schema.events, schema.participants, schema.places]


def test_same_text_is_stored_once(store, build):
    first = store.ingest(_battle(build))
    counts = [_count(store, table) for table in TABLES]
    again = store.ingest(_battle(build, name="renamed"))  # same content under another name
    assert again == first
    assert [_count(store, table) for table in TABLES] == counts
    assert store.has_document(content_hash(BATTLE))
    assert not store.has_document(content_hash(BATTLE + " "))
    assert [d.id for d in store.documents()] == [first]


def test_a_failing_document_leaves_nothing_behind(store, build):
    store.ingest(_battle(build))
    before = [_count(store, table) for table in TABLES]
    broken = _battle(build, text=BATTLE.replace("zachód", "wschód"), name="broken")
    broken.timexes.append(Timex("t9", 0, 5, "Grupa", "DATE", None))  # type: ignore[arg-type]  # NOT NULL
    with pytest.raises(IntegrityError):
        store.ingest(broken)
    assert [_count(store, table) for table in TABLES] == before
    assert not store.has_document(content_hash(broken.document.text))
    assert store.search("wschód") == []  # nor any half-indexed sentence
    # ...and the same document, repaired, goes in on the next run
    broken.timexes.pop()
    assert store.ingest(broken) in {d.id for d in store.documents()}


def test_entities_merge_across_documents_by_ref_and_by_place(store, build):
    store.ingest(build("Miasto Lwów było oblężone.", name="a",
                       entities=[("Lwów", "PLACE", "Lwów", "place:lwow", LWOW)]))
    store.ingest(build("We Lwowie walczono długo.", name="b",
                       entities=[("Lwowie", "PLACE", "Lwów", "place:lwow", None)]))
    store.ingest(build("Lemberg war belagert, pisał kronikarz.", name="c",
                       entities=[("Lemberg", "PLACE", "Lemberg", "place:lemberg", LWOW)]))
    places = store.entities(type="PLACE")
    assert len(places) == 1
    lwow = places[0]
    assert (lwow.lemma, lwow.mentions, lwow.documents) == ("Lwów", 3, 3)
    assert {"place:lwow", "place:lemberg"} <= set(lwow.refs)
    assert store.entities(ref="place:lemberg")[0].id == lwow.id
    assert [e.id for e in store.entities(name="Lwowie")] == [lwow.id]
    assert sorted(m.text for m in store.mentions("place:lemberg")) == ["Lemberg", "Lwowie", "Lwów"]
    assert all(m.ref == "place:lwow" for m in store.mentions("place:lwow"))


def test_a_place_keeps_its_gazetteer_kind(store, build):
    document = store.ingest(build("Poseł wrócił z Persji.", name="a",
                                  entities=[("Persji", "PLACE", "Persja", "place:persja",
                                             {"lat": 32.4, "lon": 53.7, "name": "Iran", "kind": "country"})]))
    assert store.entities(type="PLACE")[0].geo["kind"] == "country"
    assert store.document_analysis(document).entities[0].geo["kind"] == "country"


def test_events_read_back_with_canonical_arguments(store, build):
    doc = store.ingest(_battle(build))
    (event,) = store.events()
    assert (event.type, event.time, event.interval) == ("battle", "1939-09-28", ("1939-09-28", "1939-09-28"))
    assert event.trigger_text == "walczyła"
    assert event.sentence.text == BATTLE.split(" Następnie")[0]
    assert [(p.lemma, p.ref) for p in event.places] == [("Szack", "place:szack")]
    assert [(p.lemma, p.ref, p.role) for p in event.participants] == [
        ("Wilhelm Orlik-Rückemann", "person:orlik", "agent")]
    assert store.events(place="Szacku") == [event]
    assert store.events(ref="person:orlik") == [event]
    assert store.events(type="battle", date_from="1939-09", date_to="1939-09", document=doc) == [event]
    assert store.events(date_from="1939-10") == []
    assert store.events(type="parade") == []


def test_events_are_read_in_batches_with_nothing_lost(store, build, monkeypatch):
    from kronika.store import store as store_module

    store.ingest(_battle(build))
    store.ingest(_battle(build, text=BATTLE.replace("28", "29"), name="b", date="29 września 1939 roku",
                         value="1939-09-29"))
    whole = store.events()
    monkeypatch.setattr(store_module, "EVENTS_PER_QUERY", 1)
    assert sorted(event.time for event in whole) == ["1939-09-28", "1939-09-29"]
    assert store.events() == whole


def test_entities_of_a_type_count_their_mentions(store, build):
    store.ingest(_battle(build))
    (person,) = store.entities(type="PERSON")
    assert (person.ref, person.mentions, person.documents) == ("person:orlik", 1, 1)


def test_sentence_citation(store, build):
    doc = store.ingest(_battle(build))
    second = BATTLE.index("Następnie")
    citation = store.sentence(doc, second + 3)
    assert (citation.start, citation.text) == (second, "Następnie wycofała się na zachód.")
    assert citation.source == "a.txt"
    assert store.sentence(doc, 10_000) is None
    assert store.sentence("no-such-document", 0) is None


def test_quantities_are_stored_with_their_event(store, build):
    text = "Wywieziono ponad 320 000 obywateli polskich do ZSRS w 1940 roku."
    store.ingest(build(text, entities=[("ZSRS", "COUNTRY", "ZSRS", "country:zsrs", None)],
                       timexes=[("1940 roku", "1940")],
                       events=[{"trigger": "Wywieziono", "type": "deportation", "timex": "1940 roku",
                                "places": ["ZSRS"]}]))
    (quantity,) = store.quantities(unit="obywatel")
    assert (quantity.value, quantity.modifier, quantity.text) == (320000, "more", "ponad 320 000 obywateli")
    (event,) = store.events(type="deportation")
    assert event.quantities == (quantity,)


def test_delete_document(store, build):
    doc = store.ingest(_battle(build))
    assert store.delete_document(doc)
    assert store.documents() == [] and store.events() == [] and store.search("Szack") == []
    assert not store.delete_document(doc)
