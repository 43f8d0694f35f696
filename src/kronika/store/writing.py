"""What changes the store's tables: the schema made or brought up to date, one analysis written, a
document's rows deleted. SQLAlchemy Core on both back ends."""

from __future__ import annotations

import bisect
import datetime as dt
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, select, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.schema import CreateIndex

from kronika import __version__
from kronika.errors import StoreError
from kronika.model import Analysis, Entity, content_id
from kronika.store import schema, search
from kronika.store.intervals import timex_interval
from kronika.store.terms import index_string, split_terms


def _slug(text: str) -> str:
    return "-".join(split_terms(text))


def _default_ref(entity: Entity) -> str:
    return f"{entity.type.lower()}:{_slug(entity.lemma)}"


def geo_key(geo: dict[str, Any] | None) -> str | None:
    """A key shared by every mention of one place: the gazetteer id when the geocoder gives one, else
    today's name with coordinates rounded to ~1 km."""
    if not geo:
        return None
    if geo.get("id") is not None:
        return f"geo:{geo.get('source') or 'id'}:{geo['id']}"
    if geo.get("lat") is None or geo.get("lon") is None:
        return None
    name = _slug(str(geo.get("name") or ""))
    return f"geo:{name}@{float(geo['lat']):.2f},{float(geo['lon']):.2f}"


_ADDED_COLUMNS = (("events", "confidence", "FLOAT"), ("documents", "journal", "TEXT"),
                  ("documents", "pub_place", "TEXT"), ("entities", "geo_kind", "VARCHAR(32)"))


def create_schema(engine: Engine, where: str, source: str) -> None:
    """Make the schema, or bring an older store's up to date, and record ``source`` (the digest of the
    schema's definition, see :func:`kronika.store.store.schema_source`) beside its version."""
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # one creator at a time on a server; released with the transaction
            connection.execute(text("SELECT pg_advisory_xact_lock(7395001)"))
        schema.metadata.create_all(connection)
        # columns added since the store was made, empty for what it holds: events' confidence, the periodical
        for table, column, kind in _ADDED_COLUMNS:
            if column not in {c["name"] for c in connection.dialect.get_columns(connection, table)}:
                connection.execute(text(f"ALTER TABLE {table} ADD COLUMN {column} {kind}"))
        for table in schema.metadata.sorted_tables:  # indexes added since the store was made
            for index in table.indexes:
                connection.execute(CreateIndex(index, if_not_exists=True))
        if connection.dialect.name == "sqlite":
            connection.execute(text(
                "CREATE VIRTUAL TABLE IF NOT EXISTS sentence_fts "
                "USING fts5(lemmas, tokenize = 'unicode61 remove_diacritics 2')"))
        else:
            connection.execute(text(
                "CREATE INDEX IF NOT EXISTS ix_sentences_fts ON sentences "
                "USING gin (to_tsvector('simple', lemmas))"))
        version = connection.execute(
            select(schema.store_info.c.value).where(schema.store_info.c.key == "schema_version")
        ).scalar()
        if version is None:
            connection.execute(insert(schema.store_info).values(
                key="schema_version", value=str(schema.SCHEMA_VERSION)))
        elif int(version) != schema.SCHEMA_VERSION:
            raise StoreError(f"the store at {where} has schema version {version}; "
                             f"this Kronika reads version {schema.SCHEMA_VERSION}")
        info = schema.store_info
        recorded = f"{source}:{schema.SCHEMA_VERSION}"
        if connection.execute(update(info).where(info.c.key == "schema_source").values(value=recorded)).rowcount == 0:
            connection.execute(insert(info).values(key="schema_source", value=recorded))


def is_creation_race(error: DBAPIError) -> bool:
    message = str(error.orig).lower()
    return isinstance(error, IntegrityError) or "already exists" in message or "duplicate key" in message


def write_analysis(connection: Connection, analysis: Analysis, digest: str) -> str:
    document = analysis.document
    document_id = content_id(document.text)
    d = schema.documents
    if connection.execute(select(d.c.id).where(d.c.id == document_id)).first() is not None:
        document_id = digest  # a 16-digit prefix shared with another text: fall back to the full hash
    connection.execute(insert(d).values(
        id=document_id, content_hash=digest, name=document.id, source=document.source, title=document.title,
        dct=document.dct, journal=document.journal, pub_place=document.pub_place, text=document.text,
        kronika_version=__version__,
        ingested_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds")))

    sentence_ids = _write_sentences(connection, analysis, document_id)
    starts = [sentence.start for sentence in analysis.sentences]

    def sentence_of(offset: int) -> int | None:
        index = bisect.bisect_right(starts, offset) - 1
        if index >= 0 and offset < analysis.sentences[index].end:
            return sentence_ids[index]
        return None

    entity_of = _write_mentions(connection, analysis, document_id, sentence_of)
    _write_timexes(connection, analysis, document_id, sentence_of)
    event_ids = _write_events(connection, analysis, document_id, sentence_of, entity_of)
    _write_quantities(connection, analysis, document_id, sentence_ids, event_ids)
    return document_id


def _write_sentences(connection: Connection, analysis: Analysis, document_id: str) -> list[int]:
    names: dict[int, list[tuple[int, int, str]]] = {}
    starts = [sentence.start for sentence in analysis.sentences]
    for entity in analysis.entities:
        index = bisect.bisect_right(starts, entity.start) - 1
        if index >= 0:
            names.setdefault(index, []).append((entity.start, entity.end, entity.lemma))
    rows = [{"document_id": document_id, "position": position, "start": sentence.start, "end": sentence.end,
             "lemmas": index_string(sentence.tokens, names.get(position, ()))}
            for position, sentence in enumerate(analysis.sentences)]
    if not rows:
        return []
    s = schema.sentences
    result = connection.execute(insert(s).returning(s.c.id, sort_by_parameter_order=True), rows)
    ids = [row.id for row in result]
    if connection.dialect.name == "sqlite":  # PostgreSQL's index is on an expression of the column
        connection.execute(text("INSERT INTO sentence_fts(rowid, lemmas) VALUES (:id, :lemmas)"),
                           [{"id": i, "lemmas": row["lemmas"]} for i, row in zip(ids, rows, strict=True)])
    token_rows = [{"document_id": document_id, "sentence_id": sentence_id, "start": token.start,
                   "end": token.end, "text": token.text, "lemma": token.lemma, "tag": token.tag}
                  for sentence_id, sentence in zip(ids, analysis.sentences, strict=True)
                  for token in sentence.tokens]
    if token_rows:
        connection.execute(insert(schema.tokens), token_rows)
    return ids


def _resolve_entity(connection: Connection, entity: Entity) -> int:
    """The canonical entity for a mention: found by its ref or its place identity, else created."""
    e, r = schema.entities, schema.entity_refs
    keys = [entity.ref or _default_ref(entity)]
    place_key = geo_key(entity.geo)
    if place_key:
        keys.append(place_key)
    known = {row.ref: row.entity_id for row in connection.execute(select(r).where(r.c.ref.in_(keys)))}
    entity_id = next((known[key] for key in keys if key in known), None)
    geo = entity.geo or {}
    geo_values = {"lat": geo.get("lat"), "lon": geo.get("lon"), "geo_name": geo.get("name"), "geo_key": place_key,
                  "geo_kind": geo.get("kind")}
    if entity_id is None:
        entity_id = connection.execute(insert(e).returning(e.c.id).values(
            ref=keys[0], type=entity.type, lemma=entity.lemma, folded=search.fold_lemma(entity.lemma),
            **geo_values)).scalar_one()
    elif place_key:
        connection.execute(update(e).where(e.c.id == entity_id, e.c.geo_key.is_(None)).values(**geo_values))
    missing = [{"ref": key, "entity_id": entity_id} for key in keys if key not in known]
    if missing:
        connection.execute(insert(r), missing)
    return entity_id


def _write_mentions(connection: Connection, analysis: Analysis, document_id: str,
                    sentence_of: Any) -> dict[str, int]:
    cache: dict[tuple[str | None, str | None, str, str], int] = {}
    entity_of: dict[str, int] = {}
    rows = []
    for entity in analysis.entities:
        key = (entity.ref, geo_key(entity.geo), entity.type, entity.lemma)
        if key not in cache:
            cache[key] = _resolve_entity(connection, entity)
        entity_of[entity.id] = cache[key]
        rows.append({"document_id": document_id, "sentence_id": sentence_of(entity.start),
                     "entity_id": cache[key], "local_id": entity.id, "parent_local_id": entity.parent,
                     "start": entity.start, "end": entity.end, "text": entity.text, "type": entity.type,
                     "subtype": entity.subtype, "lemma": entity.lemma, "role": entity.role})
    if rows:
        connection.execute(insert(schema.mentions), rows)
    return entity_of


def _write_timexes(connection: Connection, analysis: Analysis, document_id: str, sentence_of: Any) -> None:
    rows = []
    for timex in analysis.timexes:
        span = timex_interval(timex.value)
        rows.append({"document_id": document_id, "sentence_id": sentence_of(timex.start),
                     "local_id": timex.id, "start": timex.start, "end": timex.end, "text": timex.text,
                     "type": timex.type, "value": timex.value, "anchor": timex.anchor, "mod": timex.mod,
                     "begin": span[0] if span else None, "end_date": span[1] if span else None})
    if rows:
        connection.execute(insert(schema.timexes), rows)


def _write_events(connection: Connection, analysis: Analysis, document_id: str, sentence_of: Any,
                  entity_of: dict[str, int]) -> dict[str, int]:
    ev = schema.events
    event_ids: dict[str, int] = {}
    for item in analysis.events:
        span = timex_interval(item.time)
        event_id = connection.execute(insert(ev).returning(ev.c.id).values(
            document_id=document_id, sentence_id=sentence_of(item.trigger_start), local_id=item.id,
            type=item.type, trigger_start=item.trigger_start, trigger_end=item.trigger_end,
            trigger_text=item.trigger_text, sentence_start=item.sentence[0], sentence_end=item.sentence[1],
            time=item.time, timex_local_id=item.timex, time_inherited=item.time_inherited,
            begin=span[0] if span else None, end_date=span[1] if span else None,
            modality=item.modality, time_basis=item.time_basis, lemma=item.lemma,
            confidence=item.confidence)).scalar_one()
        event_ids[item.id] = event_id
        places = [{"event_id": event_id, "entity_id": entity_of.get(p.entity or ""),
                   "mention_local_id": p.entity, "lemma": p.lemma} for p in item.places]
        participants = [{"event_id": event_id, "entity_id": entity_of.get(p.entity or ""),
                         "mention_local_id": p.entity, "lemma": p.lemma, "role": p.role}
                        for p in item.participants]
        if places:
            connection.execute(insert(schema.places), places)
        if participants:
            connection.execute(insert(schema.participants), participants)
    return event_ids


def _write_quantities(connection: Connection, analysis: Analysis, document_id: str, sentence_ids: list[int],
                      event_ids: dict[str, int]) -> None:
    starts = [sentence.start for sentence in analysis.sentences]
    triggers: dict[int, list[tuple[int, int]]] = {}
    for item in analysis.events:
        position = bisect.bisect_right(starts, item.trigger_start) - 1
        triggers.setdefault(position, []).append((item.trigger_start, event_ids[item.id]))
    rows = []
    for quantity in analysis.quantities:
        position = bisect.bisect_right(starts, quantity.start) - 1
        if position < 0:
            continue
        # A number belongs to the event whose trigger is nearest to it in the sentence.
        nearest = min(triggers.get(position, ()), key=lambda t: abs(t[0] - quantity.start), default=None)
        rows.append({"document_id": document_id, "sentence_id": sentence_ids[position],
                     "event_id": nearest[1] if nearest else None, "start": quantity.start,
                     "end": quantity.end, "text": quantity.text, "value": quantity.value,
                     "modifier": quantity.modifier, "unit": quantity.unit, "predicate": quantity.predicate})
    if rows:
        connection.execute(insert(schema.quantities), rows)


def delete_document(connection: Connection, document_id: str) -> bool:
    """Remove a document and everything found in it (canonical entities stay)."""
    if connection.dialect.name == "sqlite":
        connection.execute(text(
            "DELETE FROM sentence_fts WHERE rowid IN (SELECT id FROM sentences WHERE document_id = :d)"),
            {"d": document_id})
    for child in (schema.quantities, schema.mentions, schema.timexes):
        connection.execute(delete(child).where(child.c.document_id == document_id))
    events = select(schema.events.c.id).where(schema.events.c.document_id == document_id)
    for argument in (schema.participants, schema.places):
        connection.execute(delete(argument).where(argument.c.event_id.in_(events)))
    connection.execute(delete(schema.events).where(schema.events.c.document_id == document_id))
    connection.execute(delete(schema.tokens).where(schema.tokens.c.document_id == document_id))
    connection.execute(delete(schema.sentences).where(schema.sentences.c.document_id == document_id))
    deleted = connection.execute(delete(schema.documents).where(schema.documents.c.id == document_id))
    return deleted.rowcount > 0
