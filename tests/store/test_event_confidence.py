"""An event's confidence is stored, read back, exported; a store made before it was kept gains the column
on opening, its stored events with none."""

from __future__ import annotations

from sqlalchemy import text

from kronika.export.events_csv import events_to_csv
from kronika.store import Store


def test_confidence_is_stored_read_and_exported(store, build) -> None:
    analysis = build("Wczoraj w Lidzie wybuchł pożar.", events=[{"trigger": "wybuchł", "type": "fire"}])
    analysis.events[0].confidence = 0.75
    document_id = store.ingest(analysis)
    (event,) = store.events()
    assert event.confidence == 0.75
    assert event.to_json()["confidence"] == 0.75
    assert store.document_analysis(document_id).events[0].confidence == 0.75
    header, row = events_to_csv([event]).splitlines()[:2]
    columns = header.split(",")
    assert row.split(",")[columns.index("confidence")] == "0.750"


def test_an_older_store_gains_the_column(store, build) -> None:
    store.ingest(build("Wczoraj w Lidzie wybuchł pożar.", name="old",
                       events=[{"trigger": "wybuchł", "type": "fire"}]))
    with store.engine.begin() as connection:  # the store as it was made before events kept a confidence
        connection.execute(text("ALTER TABLE events DROP COLUMN confidence"))
        connection.execute(text("DELETE FROM store_info WHERE key = 'schema_source'"))  # nor a schema digest
    url = store.url
    with Store.open(url) as reopened:
        (old,) = reopened.events()
        assert old.confidence is None
        new = build("Dziś w Grodnie wybuchł pożar.", name="new", events=[{"trigger": "wybuchł", "type": "fire"}])
        new.events[0].confidence = 0.5
        reopened.ingest(new)
        assert sorted(e.confidence or 0.0 for e in reopened.events()) == [0.0, 0.5]
        assert events_to_csv([old]).splitlines()[1].split(",")[5] == ""
