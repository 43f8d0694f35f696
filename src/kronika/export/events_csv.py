"""The store as CSV tables (RFC 4180: CRLF line ends, quoted where needed; UTF-8, with a byte order mark
on request so spreadsheet programs read Polish letters right): ``events`` (one row per event, in document
and text order), ``entities`` (one row per canonical entity), ``mentions`` (one row per name in a
document, with offsets) and ``places`` (the entities with coordinates). Every table ends with ``source``
(``machine``, or ``human`` where a person corrected the row), ``corrected_by`` and ``corrected_at``."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from kronika.export.place_details import place_details, states_then
from kronika.export.snapshot import StoreSnapshot
from kronika.store import Argument, EventRecord
from kronika.store.corrections import Mark

EVENT_COLUMNS = ("document", "document_title", "event", "type", "modality", "confidence", "time", "edtf", "begin",
                 "end", "time_inherited", "trigger", "trigger_start", "trigger_end", "places", "participants",
                 "sentence_start", "sentence_end", "sentence")
ENTITY_COLUMNS = ("ref", "type", "lemma", "mentions", "documents", "lat", "lon")
MENTION_COLUMNS = ("document", "mention", "start", "end", "text", "type", "lemma", "ref", "sentence_start",
                   "sentence_end")
PLACE_COLUMNS = ("ref", "lemma", "lat", "lon", "name_now", "country_1939", "countries_then", "country_code", "kind",
                 "geonames", "mentions", "documents")
PROVENANCE_COLUMNS = ("source", "corrected_by", "corrected_at")
TABLES = ("events", "entities", "mentions", "places")
LIST_SEPARATOR = "; "
BOM = "\ufeff"


def _arguments(arguments: tuple[Argument, ...]) -> str:
    return LIST_SEPARATOR.join(f"{a.lemma} ({a.role})" if a.role else a.lemma for a in arguments)


def provenance(mark: Mark | None) -> dict[str, object]:
    """The provenance columns of a row: who corrected it and when, or the machine."""
    if mark is None:
        return {"source": "machine", "corrected_by": "", "corrected_at": ""}
    return {"source": "human", "corrected_by": mark.by, "corrected_at": mark.at}


def event_row(event: EventRecord, edtf: str | None = None, mark: Mark | None = None) -> dict[str, object]:
    begin, end = event.interval or ("", "")
    return {
        "document": event.document, "document_title": event.sentence.title or "", "event": event.local_id,
        "type": event.type, "modality": event.modality,
        "confidence": "" if event.confidence is None else f"{event.confidence:.3f}",
        "time": event.time or "", "edtf": edtf or "",
        "begin": begin, "end": end,
        "time_inherited": "yes" if event.time_inherited else "no", "trigger": event.trigger_text,
        "trigger_start": event.trigger_start, "trigger_end": event.trigger_end,
        "places": _arguments(event.places), "participants": _arguments(event.participants),
        "sentence_start": event.sentence.start, "sentence_end": event.sentence.end,
        "sentence": event.sentence.text,  # exactly document[sentence_start:sentence_end]
        **provenance(mark),
    }


def _table(columns: tuple[str, ...], rows: Iterable[dict[str, object]], bom: bool) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return (BOM if bom else "") + buffer.getvalue()


def events_to_csv(events: list[EventRecord], bom: bool = False, snapshot: StoreSnapshot | None = None) -> str:
    """A header and one row per event, whatever its ``modality`` (asserted, negated, future, conditional,
    possible, reported: filter on that column for what happened). ``places``/``participants`` are base
    forms joined by ``; ``, a participant's role in parentheses; ``begin``/``end`` the first and last day
    the time covers; ``edtf`` the time as the text gives it (approximate ``~``, carried over ``?``)."""
    def row(event: EventRecord) -> dict[str, object]:
        if snapshot is None:
            return event_row(event)
        return event_row(event, snapshot.event_edtf(event), snapshot.event_mark(event))

    return _table(EVENT_COLUMNS + PROVENANCE_COLUMNS, (row(e) for e in events), bom)


def snapshot_to_csv(snapshot: StoreSnapshot, table: str = "events", bom: bool = False) -> str:
    """One of :data:`TABLES` of the store."""
    if table == "events":
        return events_to_csv(snapshot.events, bom, snapshot)
    if table == "entities":
        return _table(ENTITY_COLUMNS + PROVENANCE_COLUMNS, ({
            "ref": e.ref, "type": e.type, "lemma": e.lemma, "mentions": e.mentions, "documents": e.documents,
            "lat": (e.geo or {}).get("lat", ""), "lon": (e.geo or {}).get("lon", ""),
            **provenance(snapshot.human.refs.get(e.ref))}
            for e in snapshot.entities.values()), bom)
    if table == "mentions":
        rows = []
        for document_id, analysis in snapshot.analyses.items():
            for mention in analysis.entities:
                sentence = snapshot.sentence_at(document_id, mention.start)
                rows.append({"document": document_id, "mention": mention.id, "start": mention.start,
                             "end": mention.end, "text": mention.text, "type": mention.type,
                             "lemma": mention.lemma, "ref": mention.ref or "",
                             "sentence_start": sentence.start if sentence else "",
                             "sentence_end": sentence.end if sentence else "",
                             **provenance(snapshot.human.entity(document_id, mention.start, mention.end,
                                                                mention.ref))})
        return _table(MENTION_COLUMNS + PROVENANCE_COLUMNS, rows, bom)
    if table == "places":
        rows = []
        for place in snapshot.places():
            details = place_details(place)
            geo = place.geo or {}
            then = states_then(snapshot, place)
            rows.append({"ref": place.ref, "lemma": place.lemma, "lat": geo.get("lat"), "lon": geo.get("lon"),
                         "name_now": geo.get("name") or "",
                         "country_1939": details.country_1939 if details else "",
                         "countries_then": LIST_SEPARATOR.join(f"{state} ({', '.join(days)})"
                                                               for state, days in then.items()),
                         "country_code": details.country_code if details else "",
                         "kind": details.type.kind if details and details.type else "",
                         "geonames": details.geonames_id if details and details.geonames_id else "",
                         "mentions": place.mentions, "documents": place.documents,
                         **provenance(snapshot.human.refs.get(place.ref))})
        return _table(PLACE_COLUMNS + PROVENANCE_COLUMNS, rows, bom)
    raise ValueError(f"unknown CSV table {table!r}; expected one of {', '.join(TABLES)}")
