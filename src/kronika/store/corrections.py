"""Human corrections: assertions a historian makes beside the machine's, applied to the store and kept.

Every correction is a row of ``corrections`` (who, when, what it anchors to, the new value, what it
replaced) and is applied at once to the machine's rows, so every page, answer and export shows it.
Re-analysing a document (:func:`reanalyze`) rewrites its rows with the current pipeline and replays every
correction that still anchors to the text: a span whose characters are unchanged, an entity ref that
still resolves. :func:`undo` restores what a correction replaced.

Kinds (``target`` → ``value``)::

    entity   {"ref"}                                → {"type"?, "lemma"?}   every mention of the entity
    merge    {"ref"}                                → {"into": ref}         the first entity joins the second
    place    {"ref"}                                → {"lat", "lon", "name"?}
    link     {"ref"}                                → {"authority": "wikidata:Q…" | "geonames:…" | "viaf:…"}
    delete   {"start", "end", "text"}               → {}                    a false mention
    split    {"start", "end", "text"}               → {"type"?, "lemma"?}   the mention names another entity
    add      {"start", "end", "text"}               → {"type", "lemma"}     a missed mention
    timex    {"start", "end", "text"}               → {"value", "mod"?}
    event    {"trigger_start", "trigger_end", "trigger_text"} → {"status": accepted|rejected, "type"?,
             "time"? (TIMEX3), "places"?, "participants"? (refs or base forms: the whole new list)}
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, insert, or_, select, update

from kronika.errors import KronikaError
from kronika.store import schema, search
from kronika.store.intervals import timex_interval
from kronika.store.store import Store, _citations
from kronika.store.writing import _slug

KINDS = ("entity", "merge", "place", "link", "delete", "split", "add", "timex", "event")
AUTHORITY = re.compile(r"(wikidata:Q[1-9]\d*|geonames:[1-9]\d*|viaf:[1-9]\d*)")
ENTITY_TYPES = ("PERSON", "PLACE", "COUNTRY", "ORGANIZATION", "MILITARY_UNIT", "EVENT", "DOCUMENT")
EVENT_STATUSES = ("accepted", "rejected")
TIMEX_MODS = ("", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "START", "MID", "END", "APPROX",
              "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE")
SPAN_KINDS = ("delete", "split", "add", "timex", "event")
REF_KINDS = ("entity", "merge", "place", "link")  # corrections of an entity, in every document


class NoAnchor(KronikaError):
    """The correction's target is no longer in the store (the text or the machine's reading changed)."""


@dataclass(frozen=True, slots=True)
class Correction:
    id: int
    document: str | None
    kind: str
    target: dict[str, Any]
    value: dict[str, Any]
    previous: dict[str, Any]
    user: str
    created_at: str
    undone_at: str | None = None
    undone_by: str | None = None

    @property
    def active(self) -> bool:
        return self.undone_at is None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "document": self.document, "kind": self.kind, "target": self.target,
                "value": self.value, "previous": self.previous, "user": self.user,
                "created_at": self.created_at, "undone_at": self.undone_at, "undone_by": self.undone_by,
                "source": "human"}


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _record(row: Any) -> Correction:
    return Correction(row.id, row.document_id, row.kind, json.loads(row.target), json.loads(row.value),
                      json.loads(row.previous), row.user, row.created_at, row.undone_at, row.undone_by)


# --- the library API (used by ``kronika correct`` and the web application) ------------------------------


def correct(store: Store, kind: str, target: dict[str, Any], value: dict[str, Any], user: str,
            document: str | None = None) -> Correction:
    """Check, apply and record one correction; a target that is not in the store is a KronikaError."""
    if not user.strip():
        raise KronikaError("a correction needs the name of who makes it (--user)")
    target, value = _validated(kind, target, value, document)
    with store.engine.begin() as connection:
        if document is not None and _document_text(connection, document) is None:
            raise KronikaError(f"no document {document} in the store")
        if kind in SPAN_KINDS:
            _check_span(connection, document, target)
        c = schema.corrections
        correction_id = connection.execute(insert(c).returning(c.c.id).values(
            document_id=document, kind=kind, target=json.dumps(target, ensure_ascii=False),
            value=json.dumps(value, ensure_ascii=False), previous="{}", user=user.strip(),
            created_at=_now())).scalar_one()
        previous = APPLY[kind](connection, document, target, value, correction_id)
        connection.execute(update(c).where(c.c.id == correction_id).values(
            previous=json.dumps(previous, ensure_ascii=False)))
        row = connection.execute(select(c).where(c.c.id == correction_id)).one()
    return _record(row)


def corrections(store: Store, document: str | None = None, include_undone: bool = True) -> list[Correction]:
    """Corrections, newest first; ``document`` narrows to one document's span corrections."""
    c = schema.corrections
    query = select(c).order_by(c.c.id.desc())
    if document is not None:
        query = query.where(c.c.document_id == document)
    if not include_undone:
        query = query.where(c.c.undone_at.is_(None))
    with store.engine.connect() as connection:
        return [_record(row) for row in connection.execute(query)]


def undo(store: Store, correction_id: int, user: str) -> Correction:
    """Restore what the correction replaced and mark it undone."""
    c = schema.corrections
    with store.engine.begin() as connection:
        row = connection.execute(select(c).where(c.c.id == correction_id)).first()
        if row is None:
            raise KronikaError(f"no correction {correction_id}")
        if row.undone_at is not None:
            raise KronikaError(f"correction {correction_id} is already undone")
        record = _record(row)
        UNDO[record.kind](connection, record)
        connection.execute(update(c).where(c.c.id == correction_id).values(undone_at=_now(),
                                                                           undone_by=user.strip() or "?"))
        return _record(connection.execute(select(c).where(c.c.id == correction_id)).one())


def reanalyze(store: Store, document: str) -> tuple[int, int]:
    """Re-run the pipeline on a stored document and replay its corrections; returns (kept, lost): the
    corrections that still anchor and those that no longer do (they stay in the log, not applied)."""
    from kronika.pipeline import analyze

    analysis = store.document_analysis(document)
    if analysis is None:
        raise KronikaError(f"no document {document} in the store")
    store.delete_document(document)
    new_id = store.ingest(analyze(analysis.document))
    return replay(store, new_id)


def replay(store: Store, document: str) -> tuple[int, int]:
    """Apply again every active correction that touches ``document`` (after its rows were rewritten)."""
    c = schema.corrections
    kept = lost = 0
    with store.engine.begin() as connection:
        refs = _document_refs(connection, document)
        rows = connection.execute(select(c).where(c.c.undone_at.is_(None)).order_by(c.c.id)).all()
        for row in rows:
            record = _record(row)
            if record.document != document and not (record.document is None and record.target["ref"] in refs):
                continue
            try:
                with connection.begin_nested():
                    if record.kind in SPAN_KINDS:
                        _check_span(connection, document, record.target)
                    previous = APPLY[record.kind](connection, document, record.target, record.value, record.id)
            except KronikaError:
                lost += 1
                continue
            if record.document is not None:  # what the new machine reading said is what undo restores
                connection.execute(update(c).where(c.c.id == record.id).values(
                    previous=json.dumps(previous, ensure_ascii=False)))
            kept += 1
    return kept, lost


def delete_document(store: Store, document: str) -> bool:
    """Delete a document and its corrections (the user's choice, after a confirmation)."""
    with store.engine.begin() as connection:
        connection.execute(delete(schema.corrections).where(schema.corrections.c.document_id == document))
    return store.delete_document(document)


@dataclass(frozen=True, slots=True)
class Mark:
    """Who made a human assertion and when (the latest active correction of that thing)."""

    by: str
    at: str
    kind: str

    def to_json(self) -> dict[str, str]:
        return {"source": "human", "by": self.by, "at": self.at}


@dataclass(frozen=True)
class HumanMarks:
    """What the active corrections made or changed, for the pages, ``analyze`` JSON and every export:
    spans (added names, corrected dates) and event triggers by document and offsets, entities by ref."""

    spans: dict[tuple[str | None, int, int], Mark]
    refs: dict[str, Mark]
    triggers: dict[tuple[str | None, int, int], Mark]

    def entity(self, document: str, start: int, end: int, ref: str | None) -> Mark | None:
        return self.spans.get((document, start, end)) or (self.refs.get(ref) if ref else None)

    def timex(self, document: str, start: int, end: int) -> Mark | None:
        return self.spans.get((document, start, end))

    def event(self, document: str, trigger_start: int, trigger_end: int) -> Mark | None:
        return self.triggers.get((document, trigger_start, trigger_end))


def human_marks(store: Store, document: str | None = None) -> HumanMarks:
    """One read of the correction log; the newest correction of a thing is the one shown. With ``document``,
    only what a page of that document shows: its own span and event corrections (by the indexed document
    column) and the entity corrections, which hold for every document an entity is named in."""
    c = schema.corrections
    query = select(c).where(c.c.undone_at.is_(None)).order_by(c.c.id.desc())
    if document is not None:
        query = query.where(or_(c.c.document_id == document, c.c.kind.in_(REF_KINDS)))
    with store.engine.connect() as connection:
        rows = connection.execute(query).all()
    spans: dict[tuple[str | None, int, int], Mark] = {}
    refs: dict[str, Mark] = {}
    triggers: dict[tuple[str | None, int, int], Mark] = {}
    for record in map(_record, rows):  # newest first: setdefault keeps the newest
        mark = Mark(record.user, record.created_at, record.kind)
        if record.kind in ("add", "timex", "split"):
            spans.setdefault((record.document, record.target["start"], record.target["end"]), mark)
        elif record.kind in ("entity", "place", "link"):
            refs.setdefault(record.target["ref"], mark)
        elif record.kind == "merge":
            refs.setdefault(record.value["into"], mark)
        elif record.kind == "event":
            triggers.setdefault((record.document, record.target["trigger_start"], record.target["trigger_end"]), mark)
    return HumanMarks(spans, refs, triggers)


def mark_human(store: Store, document: str, analysis_json: dict[str, Any]) -> dict[str, Any]:
    """``"source": "human"`` with ``"by"`` and ``"at"`` on the entities, timexes and events of an ``analyze``
    JSON that a correction made or changed, ``"source": "machine"`` on the rest."""
    marks = human_marks(store, document)
    machine = {"source": "machine"}
    for item in analysis_json.get("entities", []):
        mark = marks.entity(document, item["start"], item["end"], item.get("ref"))
        item.update(mark.to_json() if mark else machine)
    for item in analysis_json.get("timexes", []):
        mark = marks.timex(document, item["start"], item["end"])
        item.update(mark.to_json() if mark else machine)
    for item in analysis_json.get("events", []):
        mark = marks.event(document, item["trigger"]["start"], item["trigger"]["end"])
        item.update(mark.to_json() if mark else machine)
    return analysis_json


def training_rows(store: Store) -> Iterator[dict[str, Any]]:
    """Active corrections as training data: NKJP-style spans (``span``: an added or retyped mention, with
    ``"negative"`` for a deleted false entity), base-form pairs (``base_form``), TIMEX3 pairs (``timex``),
    gazetteer rows (``gazetteer``), authority links (``authority``), event judgements (``event``)."""
    with store.engine.connect() as connection:
        for record in reversed(corrections(store, include_undone=False)):
            base = {"correction": record.id, "user": record.user, "created_at": record.created_at}
            target, value = record.target, record.value
            if record.kind == "add":
                yield {**base, "kind": "span", "document": record.document, "start": target["start"],
                       "end": target["end"], "text": target["text"], "type": value["type"],
                       **_sentence_context(connection, record.document, target["start"])}
                yield {**base, "kind": "base_form", "form": target["text"], "lemma": value["lemma"],
                       "type": value["type"]}
            elif record.kind == "split":
                mention = _mention_at(connection, record.document, target)
                if mention is not None:
                    if value.get("type"):
                        yield _retyped_span(connection, base, mention)
                    yield {**base, "kind": "base_form", "form": target["text"], "lemma": mention.lemma,
                           "type": mention.type, "document": record.document, "start": target["start"],
                           "end": target["end"]}
            elif record.kind == "delete":
                yield {**base, "kind": "span", "document": record.document, "start": target["start"],
                       "end": target["end"], "text": target["text"], "type": None, "negative": True,
                       **_sentence_context(connection, record.document, target["start"])}
            elif record.kind == "entity":
                for mention in _entity_mentions(connection, target["ref"]):
                    if value.get("type"):
                        yield _retyped_span(connection, base, mention)
                    yield {**base, "kind": "base_form", "form": mention.text, "lemma": mention.lemma,
                           "type": mention.type, "document": mention.document_id, "start": mention.start,
                           "end": mention.end}
            elif record.kind == "timex":
                yield {**base, "kind": "timex", "document": record.document, "start": target["start"],
                       "end": target["end"], "text": target["text"], "value": value["value"],
                       "mod": value.get("mod") or None}
            elif record.kind == "place":
                entity = _entity_row(connection, target["ref"])
                yield {**base, "kind": "gazetteer", "name": entity.lemma if entity else target["ref"],
                       "lat": value["lat"], "lon": value["lon"], "ref": target["ref"]}
            elif record.kind == "link":
                entity = _entity_row(connection, target["ref"])
                yield {**base, "kind": "authority", "ref": target["ref"], "lemma": entity.lemma if entity else None,
                       "authority": value["authority"]}
            elif record.kind == "event":
                yield {**base, "kind": "event", "document": record.document, **target, **value}


def _retyped_span(connection: Connection, base: dict[str, Any], mention: Any) -> dict[str, Any]:
    """A span row for a mention whose type a person changed: its sentence teaches the tagger the new type."""
    return {**base, "kind": "span", "document": mention.document_id, "start": mention.start, "end": mention.end,
            "text": mention.text, "type": mention.type,
            **_sentence_context(connection, mention.document_id, mention.start)}


def _sentence_context(connection: Connection, document: str | None, offset: int) -> dict[str, Any]:
    """The sentence around a span row and every mention now in it (the machine's, as the human decisions
    left them), offsets in the document: enough to make the row a training sentence on its own."""
    m = schema.mentions
    sentence_id = _sentence_id(connection, document, offset)
    sentence = _citations(connection, [sentence_id]).get(sentence_id) if sentence_id is not None else None
    if sentence is None:
        return {}
    mentions = connection.execute(select(m.c.start, m.c.end, m.c.text, m.c.type, m.c.subtype).where(
        m.c.document_id == document, m.c.start >= sentence.start, m.c.end <= sentence.end)
        .order_by(m.c.start, m.c.end.desc(), m.c.id)).all()
    return {"sentence": {"start": sentence.start, "end": sentence.end, "text": sentence.text},
            "mentions": [{"start": row.start, "end": row.end, "text": row.text, "type": row.type,
                          "subtype": row.subtype} for row in mentions]}


# --- validation ---------------------------------------------------------------------------------------


def _event_edits(value: dict[str, Any]) -> dict[str, Any]:
    """An accepted event's new time and argument lists; a list may come as one comma-separated string."""
    edits: dict[str, Any] = {}
    if str(value.get("time") or "").strip():
        time = str(value["time"]).strip()
        if timex_interval(time) is None:
            raise KronikaError(f"{time!r} is not a TIMEX3 date value (e.g. 1939-09-17, 1939-09, 1939)")
        edits["time"] = time
    for key in ("places", "participants"):
        if key in value and value[key] is not None:
            items = value[key].split(",") if isinstance(value[key], str) else value[key]
            edits[key] = [" ".join(str(item).split()) for item in items if str(item).strip()]
    return edits


def _validated(kind: str, target: dict[str, Any], value: dict[str, Any],
               document: str | None) -> tuple[dict[str, Any], dict[str, Any]]:
    raw = value
    if kind not in KINDS:
        raise KronikaError(f"unknown correction {kind!r}; one of: {', '.join(KINDS)}")
    if kind in SPAN_KINDS:
        if document is None:
            raise KronikaError(f"a {kind} correction needs the document id")
        keys = ("trigger_start", "trigger_end") if kind == "event" else ("start", "end")
        try:
            target = {**target, **{key: int(target[key]) for key in keys}}
        except (KeyError, TypeError, ValueError):
            raise KronikaError(f"a {kind} correction needs the character offsets {' and '.join(keys)}") from None
    elif not str(target.get("ref") or "").strip():
        raise KronikaError(f"a {kind} correction needs the entity ref")
    if kind in ("entity", "add", "split"):
        entity_type = str(value.get("type") or "").upper()
        lemma = " ".join(str(value.get("lemma") or "").split())
        if entity_type and entity_type not in ENTITY_TYPES:
            raise KronikaError(f"unknown entity type {entity_type!r}; one of: {', '.join(ENTITY_TYPES)}")
        if kind == "add" and not (entity_type and lemma):
            raise KronikaError("an added entity needs a type and a base form")
        if kind == "entity" and not (entity_type or lemma):
            raise KronikaError("give a new type or a new base form")
        value = {key: item for key, item in (("type", entity_type), ("lemma", lemma)) if item}
    elif kind == "merge":
        if not str(value.get("into") or "").strip():
            raise KronikaError("a merge needs the ref of the entity to merge into")
    elif kind == "place":
        try:
            lat, lon = float(value["lat"]), float(value["lon"])
        except (KeyError, TypeError, ValueError):
            raise KronikaError("a place needs numeric lat and lon") from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise KronikaError("lat must be within -90..90 and lon within -180..180")
        value = {"lat": lat, "lon": lon, **({"name": str(value["name"])} if value.get("name") else {})}
    elif kind == "link":
        authority = str(value.get("authority") or "").strip()
        if not AUTHORITY.fullmatch(authority):
            raise KronikaError(f"{authority!r} is not an authority id: wikidata:Q…, geonames:… or viaf:…")
        value = {"authority": authority}
    elif kind == "timex":
        timex_value = str(value.get("value") or "").strip()
        mod = str(value.get("mod") or "").strip().upper()
        if timex_interval(timex_value) is None:
            raise KronikaError(f"{timex_value!r} is not a TIMEX3 date value (e.g. 1939-09-17, 1939-09, 1939)")
        if mod not in TIMEX_MODS:
            raise KronikaError(f"unknown TIMEX3 mod {mod!r}; one of: {', '.join(m for m in TIMEX_MODS if m)}")
        value = {"value": timex_value, **({"mod": mod} if mod else {})}
    elif kind == "event":
        status = str(value.get("status") or "accepted")
        if status not in EVENT_STATUSES:
            raise KronikaError(f"an event is accepted or rejected, not {status!r}")
        event_type = str(value.get("type") or "").lower()
        if event_type:
            from kronika.events.lexicon import EVENT_TYPES

            if event_type not in EVENT_TYPES:
                raise KronikaError(f"unknown event type {event_type!r}; one of: {', '.join(sorted(EVENT_TYPES))}")
        value = {"status": status, **({"type": event_type} if event_type else {})}
        if status == "accepted":
            value.update(_event_edits(raw))
    return target, value


def _document_text(connection: Connection, document: str | None) -> str | None:
    d = schema.documents
    return connection.execute(select(d.c.text).where(d.c.id == document)).scalar()


def _check_span(connection: Connection, document: str | None, target: dict[str, Any]) -> None:
    """A span target anchors only where the document still has the same characters."""
    text = _document_text(connection, document) or ""
    start, end = (target["trigger_start"], target["trigger_end"]) if "trigger_start" in target \
        else (target["start"], target["end"])
    if not 0 <= start < end <= len(text):
        raise NoAnchor(f"characters {start}–{end} are outside the document")
    quoted = target.get("trigger_text", target.get("text"))
    if quoted is None:
        target["trigger_text" if "trigger_start" in target else "text"] = text[start:end]
    elif text[start:end] != quoted:
        raise NoAnchor(f"characters {start}–{end} read {text[start:end]!r}, not {quoted!r}")


# --- applying and undoing ------------------------------------------------------------------------------


def _entity_row(connection: Connection, ref: str) -> Any:
    e, r = schema.entities, schema.entity_refs
    return connection.execute(select(e).where(e.c.id.in_(select(r.c.entity_id).where(r.c.ref == ref)))).first()


def _entity_mentions(connection: Connection, ref: str) -> list[Any]:
    entity = _entity_row(connection, ref)
    if entity is None:
        return []
    m = schema.mentions
    return connection.execute(select(m).where(m.c.entity_id == entity.id).order_by(m.c.document_id, m.c.start)).all()


def _document_refs(connection: Connection, document: str) -> set[str]:
    m, r = schema.mentions, schema.entity_refs
    ids = select(m.c.entity_id).where(m.c.document_id == document)
    return {row.ref for row in connection.execute(select(r.c.ref).where(r.c.entity_id.in_(ids)))}


def _required_entity(connection: Connection, ref: str) -> Any:
    entity = _entity_row(connection, ref)
    if entity is None:
        raise NoAnchor(f"no entity {ref!r} in the store")
    return entity


def _apply_entity(connection: Connection, _document: str | None, target: dict[str, Any], value: dict[str, Any],
                  _id: int) -> dict[str, Any]:
    entity = _required_entity(connection, target["ref"])
    e, m = schema.entities, schema.mentions
    previous = {"type": entity.type, "lemma": entity.lemma,
                "mentions": [[row.id, row.type, row.lemma] for row in
                             connection.execute(select(m.c.id, m.c.type, m.c.lemma).where(m.c.entity_id == entity.id))]}
    lemma = value.get("lemma", entity.lemma)
    connection.execute(update(e).where(e.c.id == entity.id).values(
        type=value.get("type", entity.type), lemma=lemma, folded=search.fold_lemma(lemma)))
    changes = {key: value[key] for key in ("type", "lemma") if key in value}
    connection.execute(update(m).where(m.c.entity_id == entity.id).values(**changes))
    if "lemma" in value:  # the event arguments that name it (CSV and RDF exports read these)
        previous["arguments"] = []
        for table in (schema.places, schema.participants):
            previous["arguments"] += [[table.name, row.id, row.lemma] for row in connection.execute(
                select(table.c.id, table.c.lemma).where(table.c.entity_id == entity.id))]
            connection.execute(update(table).where(table.c.entity_id == entity.id).values(lemma=value["lemma"]))
    return previous


def _undo_entity(connection: Connection, record: Correction) -> None:
    entity = _required_entity(connection, record.target["ref"])
    e, m = schema.entities, schema.mentions
    previous = record.previous
    connection.execute(update(e).where(e.c.id == entity.id).values(
        type=previous["type"], lemma=previous["lemma"], folded=search.fold_lemma(previous["lemma"])))
    for mention_id, mention_type, lemma in previous["mentions"]:
        connection.execute(update(m).where(m.c.id == mention_id).values(type=mention_type, lemma=lemma))
    tables = {table.name: table for table in (schema.places, schema.participants)}
    for name, argument_id, lemma in previous.get("arguments", []):
        connection.execute(update(tables[name]).where(tables[name].c.id == argument_id).values(lemma=lemma))


def _apply_merge(connection: Connection, _document: str | None, target: dict[str, Any], value: dict[str, Any],
                 _id: int) -> dict[str, Any]:
    source = _required_entity(connection, target["ref"])
    into = _required_entity(connection, value["into"])
    if source.id == into.id:
        return {}  # already one entity (a replay after re-analysis: the refs were moved)
    e, r, m = schema.entities, schema.entity_refs, schema.mentions
    previous: dict[str, Any] = {
        "entity": {key: getattr(source, key) for key in ("ref", "type", "lemma", "lat", "lon", "geo_name", "geo_key")},
        "refs": [row.ref for row in connection.execute(select(r.c.ref).where(r.c.entity_id == source.id))],
        "mentions": [row.id for row in connection.execute(select(m.c.id).where(m.c.entity_id == source.id))],
    }
    for table in (schema.places, schema.participants):
        previous[table.name] = [row.id for row in connection.execute(
            select(table.c.id).where(table.c.entity_id == source.id))]
        connection.execute(update(table).where(table.c.entity_id == source.id).values(entity_id=into.id))
    connection.execute(update(m).where(m.c.entity_id == source.id).values(entity_id=into.id))
    connection.execute(update(r).where(r.c.entity_id == source.id).values(entity_id=into.id))
    connection.execute(delete(e).where(e.c.id == source.id))
    return previous


def _undo_merge(connection: Connection, record: Correction) -> None:
    previous = record.previous
    if not previous:
        return
    e, r, m = schema.entities, schema.entity_refs, schema.mentions
    entity = previous["entity"]
    restored = connection.execute(insert(e).returning(e.c.id).values(
        **entity, folded=search.fold_lemma(entity["lemma"]))).scalar_one()
    connection.execute(update(r).where(r.c.ref.in_(previous["refs"])).values(entity_id=restored))
    connection.execute(update(m).where(m.c.id.in_(previous["mentions"])).values(entity_id=restored))
    for table in (schema.places, schema.participants):
        connection.execute(update(table).where(table.c.id.in_(previous.get(table.name, []))).values(
            entity_id=restored))


def _apply_place(connection: Connection, _document: str | None, target: dict[str, Any], value: dict[str, Any],
                 _id: int) -> dict[str, Any]:
    entity = _required_entity(connection, target["ref"])
    e = schema.entities
    connection.execute(update(e).where(e.c.id == entity.id).values(
        lat=value["lat"], lon=value["lon"], geo_name=value.get("name") or entity.geo_name or entity.lemma))
    return {"lat": entity.lat, "lon": entity.lon, "geo_name": entity.geo_name}


def _undo_place(connection: Connection, record: Correction) -> None:
    entity = _required_entity(connection, record.target["ref"])
    connection.execute(update(schema.entities).where(schema.entities.c.id == entity.id).values(**record.previous))


def _apply_link(connection: Connection, _document: str | None, target: dict[str, Any], value: dict[str, Any],
                _id: int) -> dict[str, Any]:
    entity = _required_entity(connection, target["ref"])
    r = schema.entity_refs
    linked = connection.execute(select(r.c.entity_id).where(r.c.ref == value["authority"])).scalar()
    if linked == entity.id:
        return {}
    if linked is not None:
        raise KronikaError(f"{value['authority']} already names another entity; merge the two instead")
    connection.execute(insert(r).values(ref=value["authority"], entity_id=entity.id))
    return {"added": value["authority"]}


def _undo_link(connection: Connection, record: Correction) -> None:
    if "added" in record.previous:
        connection.execute(delete(schema.entity_refs).where(schema.entity_refs.c.ref == record.previous["added"]))


def _mention_at(connection: Connection, document: str | None, target: dict[str, Any]) -> Any:
    m = schema.mentions
    return connection.execute(select(m).where(m.c.document_id == document, m.c.start == target["start"],
                                              m.c.end == target["end"]).order_by(m.c.id)).first()


def _row_values(row: Any) -> dict[str, Any]:
    return dict(row._mapping)


def _apply_delete(connection: Connection, document: str | None, target: dict[str, Any], _value: dict[str, Any],
                  _id: int) -> dict[str, Any]:
    mention = _mention_at(connection, document, target)
    if mention is None:
        raise NoAnchor(f"no entity at characters {target['start']}–{target['end']}")
    connection.execute(delete(schema.mentions).where(schema.mentions.c.id == mention.id))
    return {"mention": _row_values(mention)}


def _undo_delete(connection: Connection, record: Correction) -> None:
    mention = record.previous["mention"]
    m = schema.mentions
    if connection.execute(select(m.c.id).where(m.c.document_id == mention["document_id"],
                                               m.c.local_id == mention["local_id"])).first() is None:
        connection.execute(insert(m).values(**{k: v for k, v in mention.items() if k != "id"}))


def _apply_split(connection: Connection, document: str | None, target: dict[str, Any], value: dict[str, Any],
                 correction_id: int) -> dict[str, Any]:
    """The mention (and the event arguments it fills) leaves its entity for a new one of its own."""
    mention = _mention_at(connection, document, target)
    if mention is None:
        raise NoAnchor(f"no entity at characters {target['start']}–{target['end']}")
    e, r, m = schema.entities, schema.entity_refs, schema.mentions
    entity_type, lemma = value.get("type", mention.type), value.get("lemma", mention.lemma)
    base = f"{entity_type.lower()}:{_slug(lemma)}"
    for ref in (base, f"{base}-h{correction_id}"):  # the second is this correction's own, on every replay
        entity_id = connection.execute(select(r.c.entity_id).where(r.c.ref == ref)).scalar()
        if entity_id is None:
            entity_id = connection.execute(insert(e).returning(e.c.id).values(
                ref=ref, type=entity_type, lemma=lemma, folded=search.fold_lemma(lemma))).scalar_one()
            connection.execute(insert(r).values(ref=ref, entity_id=entity_id))
            break
        if connection.execute(select(m.c.id).where(m.c.entity_id == entity_id)).first() is None:
            break  # left without mentions when the document was analysed again: this split's entity
    connection.execute(update(m).where(m.c.id == mention.id).values(entity_id=entity_id, type=entity_type,
                                                                    lemma=lemma))
    previous: dict[str, Any] = {"mention": [mention.id, mention.entity_id, mention.type, mention.lemma],
                                "entity": entity_id, "ref": ref}
    events = select(schema.events.c.id).where(schema.events.c.document_id == document)
    for table in (schema.places, schema.participants):
        moved = table.c.event_id.in_(events) & (table.c.mention_local_id == mention.local_id)
        previous[table.name] = [[row.id, row.entity_id, row.lemma]
                                for row in connection.execute(select(table).where(moved))]
        connection.execute(update(table).where(moved).values(entity_id=entity_id, lemma=lemma))
    return previous


def _undo_split(connection: Connection, record: Correction) -> None:
    previous = record.previous
    e, r, m = schema.entities, schema.entity_refs, schema.mentions
    mention_id, entity_id, mention_type, lemma = previous["mention"]
    connection.execute(update(m).where(m.c.id == mention_id).values(entity_id=entity_id, type=mention_type,
                                                                    lemma=lemma))
    for table in (schema.places, schema.participants):
        for argument_id, argument_entity, argument_lemma in previous[table.name]:
            connection.execute(update(table).where(table.c.id == argument_id).values(
                entity_id=argument_entity, lemma=argument_lemma))
    if connection.execute(select(m.c.id).where(m.c.entity_id == previous["entity"])).first() is None:
        connection.execute(delete(r).where(r.c.entity_id == previous["entity"]))
        connection.execute(delete(e).where(e.c.id == previous["entity"]))


def _sentence_id(connection: Connection, document: str | None, offset: int) -> int | None:
    s = schema.sentences
    return connection.execute(select(s.c.id).where(s.c.document_id == document, s.c.start <= offset,
                                                   s.c.end > offset)).scalar()


def _apply_add(connection: Connection, document: str | None, target: dict[str, Any], value: dict[str, Any],
               correction_id: int) -> dict[str, Any]:
    existing = _mention_at(connection, document, target)
    if existing is not None:  # the machine now finds it too: make it say what the human said
        m = schema.mentions
        connection.execute(update(m).where(m.c.id == existing.id).values(type=value["type"], lemma=value["lemma"]))
        return {"updated": [existing.id, existing.type, existing.lemma]}
    e, r = schema.entities, schema.entity_refs
    entity_id = connection.execute(select(e.c.id).where(e.c.folded == search.fold_lemma(value["lemma"]),
                                                        e.c.type == value["type"])).scalar()
    if entity_id is None:
        ref = f"{value['type'].lower()}:{_slug(value['lemma'])}"
        known = connection.execute(select(r.c.entity_id).where(r.c.ref == ref)).scalar()
        if known is not None:
            entity_id = known
        else:
            entity_id = connection.execute(insert(e).returning(e.c.id).values(
                ref=ref, type=value["type"], lemma=value["lemma"],
                folded=search.fold_lemma(value["lemma"]))).scalar_one()
            connection.execute(insert(r).values(ref=ref, entity_id=entity_id))
    m = schema.mentions
    mention_id = connection.execute(insert(m).returning(m.c.id).values(
        document_id=document, sentence_id=_sentence_id(connection, document, target["start"]),
        entity_id=entity_id, local_id=f"h{correction_id}", start=target["start"], end=target["end"],
        text=target["text"], type=value["type"], lemma=value["lemma"])).scalar_one()
    return {"added": mention_id}


def _undo_add(connection: Connection, record: Correction) -> None:
    m = schema.mentions
    if "added" in record.previous:
        connection.execute(delete(m).where(m.c.id == record.previous["added"]))
    elif "updated" in record.previous:
        mention_id, mention_type, lemma = record.previous["updated"]
        connection.execute(update(m).where(m.c.id == mention_id).values(type=mention_type, lemma=lemma))


def _apply_timex(connection: Connection, document: str | None, target: dict[str, Any], value: dict[str, Any],
                 correction_id: int) -> dict[str, Any]:
    t, ev = schema.timexes, schema.events
    span = timex_interval(value["value"])
    dates = {"begin": span[0] if span else None, "end_date": span[1] if span else None}
    timex = connection.execute(select(t).where(t.c.document_id == document, t.c.start == target["start"],
                                               t.c.end == target["end"])).first()
    if timex is None:
        timex_id = connection.execute(insert(t).returning(t.c.id).values(
            document_id=document, sentence_id=_sentence_id(connection, document, target["start"]),
            local_id=f"h{correction_id}", start=target["start"], end=target["end"], text=target["text"],
            type="DATE", value=value["value"], mod=value.get("mod"), **dates)).scalar_one()
        return {"added": timex_id}
    previous = {"timex": [timex.id, timex.value, timex.mod, timex.begin, timex.end_date],
                "events": [[row.id, row.time, row.begin, row.end_date] for row in connection.execute(
                    select(ev).where(ev.c.document_id == document, ev.c.timex_local_id == timex.local_id))]}
    connection.execute(update(t).where(t.c.id == timex.id).values(value=value["value"], mod=value.get("mod"), **dates))
    connection.execute(update(ev).where(ev.c.document_id == document, ev.c.timex_local_id == timex.local_id)
                       .values(time=value["value"], **dates))
    return previous


def _undo_timex(connection: Connection, record: Correction) -> None:
    t, ev = schema.timexes, schema.events
    if "added" in record.previous:
        connection.execute(delete(t).where(t.c.id == record.previous["added"]))
        return
    timex_id, value, mod, begin, end_date = record.previous["timex"]
    connection.execute(update(t).where(t.c.id == timex_id).values(value=value, mod=mod, begin=begin,
                                                                   end_date=end_date))
    for event_id, time, begin, end_date in record.previous["events"]:
        connection.execute(update(ev).where(ev.c.id == event_id).values(time=time, begin=begin, end_date=end_date))


def _apply_event(connection: Connection, document: str | None, target: dict[str, Any], value: dict[str, Any],
                 _id: int) -> dict[str, Any]:
    ev = schema.events
    row = connection.execute(select(ev).where(ev.c.document_id == document,
                                              ev.c.trigger_start == target["trigger_start"],
                                              ev.c.trigger_end == target["trigger_end"])).first()
    if row is None:
        raise NoAnchor(f"no event at characters {target['trigger_start']}–{target['trigger_end']}")
    if value["status"] == "rejected":
        arguments = {table.name: [_row_values(a) for a in connection.execute(
            select(table).where(table.c.event_id == row.id))] for table in (schema.places, schema.participants)}
        quantities = [q.id for q in connection.execute(select(schema.quantities.c.id)
                                                       .where(schema.quantities.c.event_id == row.id))]
        connection.execute(update(schema.quantities).where(schema.quantities.c.event_id == row.id)
                           .values(event_id=None))
        for table in (schema.places, schema.participants):
            connection.execute(delete(table).where(table.c.event_id == row.id))
        connection.execute(delete(ev).where(ev.c.id == row.id))
        return {"event": _row_values(row), "quantities": quantities, **arguments}
    previous: dict[str, Any] = {"type": [row.id, row.type]}
    changes: dict[str, Any] = {"type": value["type"]} if "type" in value else {}
    if "time" in value and value["time"] != row.time:
        begin, end = timex_interval(value["time"]) or (None, None)
        previous["time"] = {key: getattr(row, key) for key in ("time", "begin", "end_date", "time_inherited")}
        changes.update(time=value["time"], begin=begin, end_date=end, time_inherited=False)
    if changes:
        connection.execute(update(ev).where(ev.c.id == row.id).values(**changes))
    for table in (schema.places, schema.participants):
        if table.name in value:
            replaced = _replace_arguments(connection, table, row.id, value[table.name])
            if replaced is not None:
                previous[table.name] = replaced
    return previous


def _named_entity(connection: Connection, name: str) -> Any:
    """The entity a person names by its ref or its base form (None: a name with no entity yet)."""
    e = schema.entities
    return _entity_row(connection, name) or connection.execute(
        select(e).where(e.c.folded == search.fold_lemma(name)).order_by(e.c.id)).first()


def _replace_arguments(connection: Connection, table: Any, event_id: int,
                       names: list[str]) -> list[dict[str, Any]] | None:
    """Put ``names`` in place of an event's places or participants (a participant keeps its role);
    returns the rows replaced, None when the names are those the event has (nothing to replace)."""
    old = [_row_values(a) for a in connection.execute(select(table).where(table.c.event_id == event_id)
                                                      .order_by(table.c.id))]
    if names == [a["lemma"] for a in old]:
        return None
    roles = {a["entity_id"]: a.get("role") for a in old if a["entity_id"] is not None}
    connection.execute(delete(table).where(table.c.event_id == event_id))
    for name in names:
        entity = _named_entity(connection, name)
        row = {"event_id": event_id, "entity_id": entity.id if entity else None,
               "lemma": entity.lemma if entity else name, "mention_local_id": None}
        if table is schema.participants:
            row["role"] = roles.get(row["entity_id"])
        connection.execute(insert(table).values(**row))
    return old


def _undo_event(connection: Connection, record: Correction) -> None:
    ev = schema.events
    previous = record.previous
    if "type" in previous:
        event_id, event_type = previous["type"]
        connection.execute(update(ev).where(ev.c.id == event_id).values(type=event_type, **previous.get("time", {})))
        for table in (schema.places, schema.participants):
            if table.name in previous:
                connection.execute(delete(table).where(table.c.event_id == event_id))
                if previous[table.name]:
                    connection.execute(insert(table), previous[table.name])
        return
    event = previous["event"]
    event_id = connection.execute(insert(ev).returning(ev.c.id).values(
        **{k: v for k, v in event.items() if k != "id"})).scalar_one()
    for table in (schema.places, schema.participants):
        rows = [{**{k: v for k, v in a.items() if k != "id"}, "event_id": event_id} for a in previous[table.name]]
        if rows:
            connection.execute(insert(table), rows)
    connection.execute(update(schema.quantities).where(schema.quantities.c.id.in_(previous["quantities"]))
                       .values(event_id=event_id))


APPLY = {"entity": _apply_entity, "merge": _apply_merge, "place": _apply_place, "link": _apply_link,
         "delete": _apply_delete, "split": _apply_split,
         "add": _apply_add, "timex": _apply_timex, "event": _apply_event}
UNDO = {"entity": _undo_entity, "merge": _undo_merge, "place": _undo_place, "link": _undo_link,
        "delete": _undo_delete, "split": _undo_split,
        "add": _undo_add, "timex": _undo_timex, "event": _undo_event}
