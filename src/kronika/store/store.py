"""The :class:`Store`: analysed documents in SQLite or PostgreSQL, queried by the rest of Kronika."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import hashlib
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from sqlalchemy import (
    Connection,
    Engine,
    bindparam,
    create_engine,
    delete,
    event,
    insert,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, ProgrammingError
from sqlalchemy.schema import CreateIndex

from kronika import __version__
from kronika.errors import KronikaError, StoreError
from kronika.limits import time_limit
from kronika.model import (
    Analysis,
    Document,
    Entity,
    Event,
    EventArgument,
    Interp,
    Quantity,
    Sentence,
    Timex,
    Token,
    content_id,
)
from kronika.store import schema, search
from kronika.store.intervals import query_interval, timex_interval
from kronika.store.location import resolve_url
from kronika.store.records import (
    Argument,
    Citation,
    Conflict,
    DocumentRecord,
    EntityRecord,
    EventRecord,
    MentionRecord,
    QuantityRecord,
    SearchHit,
)
from kronika.store.terms import split_terms


def content_hash(text: str) -> str:
    """The sha256 of a document's text: the store keeps one document per hash."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


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


MMAP_BYTES = 1 << 30  # address space, not memory: the file's pages stay in the operating system's cache
CACHE_KIB = 32 * 1024  # each connection's own page cache, at most


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA busy_timeout = 30000")
    # reading: a search ranks and joins hundreds of sentences at random places of the file, and a
    # connection's default page cache (2 MB) holds few of them; pages mapped from the operating system's
    # cache are shared by all connections and need no copy
    cursor.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
    cursor.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    cursor.close()


_SCHEMA_ATTEMPTS = 6


# columns added since schema version 2, with their SQL type: events' confidence, places' gazetteer kind
_ADDED_COLUMNS = (("events", "confidence", "FLOAT"), ("entities", "geo_kind", "VARCHAR(32)"))


def _create_schema(engine: Engine, where: str) -> None:
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # one creator at a time on a server; released with the transaction
            connection.execute(text("SELECT pg_advisory_xact_lock(7395001)"))
        schema.metadata.create_all(connection)
        for table, column, kind in _ADDED_COLUMNS:
            if column not in {c["name"] for c in connection.dialect.get_columns(connection, table)}:
                # a store made before the column: it is added, empty
                connection.execute(text(f"ALTER TABLE {table} ADD COLUMN {column} {kind}"))
        for table in schema.metadata.sorted_tables:  # indexes added since the store was made
            for index in table.indexes:
                connection.execute(CreateIndex(index, if_not_exists=True))
        search.create_index(connection)
        version = connection.execute(
            select(schema.store_info.c.value).where(schema.store_info.c.key == "schema_version")
        ).scalar()
        if version is None:
            connection.execute(insert(schema.store_info).values(
                key="schema_version", value=str(schema.SCHEMA_VERSION)))
        elif int(version) != schema.SCHEMA_VERSION:
            raise StoreError(f"the store at {where} has schema version {version}; "
                             f"this Kronika reads version {schema.SCHEMA_VERSION}")


def _is_creation_race(error: DBAPIError) -> bool:
    message = str(error.orig).lower()
    return isinstance(error, IntegrityError) or "already exists" in message or "duplicate key" in message


def _reason(error: DBAPIError) -> str:
    """The database's own reason, first line only: never the SQL statement or its parameters (which
    would print a whole document)."""
    lines = str(error.orig).strip().splitlines()
    reason = lines[0].strip() if lines else type(error.orig).__name__
    return reason[:200]


F = TypeVar("F", bound=Callable[..., Any])


def _faults(action: str) -> Callable[[F], F]:
    """Database failures of a store method as one-line :class:`StoreError` (disk full, read-only,
    locked, not a database, lost connection)."""
    def decorate(method: F) -> F:
        @functools.wraps(method)
        def wrapper(self: Store, *args: Any, **kwargs: Any) -> Any:
            try:
                return method(self, *args, **kwargs)
            except IntegrityError:
                raise  # a broken analysis (a bug), not a fault of the store
            except DBAPIError as error:
                where = self.engine.url.render_as_string(hide_password=True)
                raise StoreError(f"cannot {action} the store at {where}: {_reason(error)}") from None
        return wrapper  # type: ignore[return-value]
    return decorate


class Store:
    """Analysed documents and what was found in them. Open with :meth:`open`; see the package docstring."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """Open (creating if needed) the store at ``url``, ``$KRONIKA_DB`` or the per-user default."""
        resolved = resolve_url(url)
        where = resolved.render_as_string(hide_password=True)
        engine = create_engine(resolved)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        try:
            for attempt in range(_SCHEMA_ATTEMPTS):
                try:
                    _create_schema(engine, where)
                    break
                except (IntegrityError, ProgrammingError, OperationalError) as error:
                    # Two processes opening a new store both create the schema; the loser sees "already
                    # exists" (or a unique violation on PostgreSQL's catalogue) and finds it made next time.
                    if attempt == _SCHEMA_ATTEMPTS - 1 or not _is_creation_race(error):
                        raise
                    time.sleep(0.05 * (attempt + 1))
        except DBAPIError as error:
            engine.dispose()
            raise StoreError(f"cannot open the store at {where}: {_reason(error)}") from None
        except BaseException:
            engine.dispose()
            raise
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- documents -------------------------------------------------------------------------------------

    @_faults("read")
    def document_for_hash(self, digest: str) -> str | None:
        """The id of the stored document with this content hash, if any."""
        d = schema.documents
        with self.engine.connect() as connection:
            return connection.execute(select(d.c.id).where(d.c.content_hash == digest)).scalar()

    def has_document(self, digest: str) -> bool:
        """Whether a document with this content hash (:func:`content_hash` of its text) is stored."""
        return self.document_for_hash(digest) is not None

    def ingest(self, item: Analysis | Document, time_limit_seconds: float | None = None) -> str:
        """Store one document and return its id; the same text again returns the stored id untouched
        (see :meth:`add`)."""
        return self.add(item, time_limit_seconds)[0]

    @_faults("write to")
    def add(self, item: Analysis | Document, time_limit_seconds: float | None = None) -> tuple[str, bool]:
        """Store one document: its id, and whether this call stored it (False when the text was already
        there, also when another process stored it meanwhile).

        A :class:`Document` is analysed only when its text is not stored yet, within the per-document time
        limit (``time_limit_seconds``, default ``$KRONIKA_TIME_LIMIT``). Everything of one document is
        written in one transaction: a failure leaves no part of it behind."""
        digest = content_hash(item.text if isinstance(item, Document) else item.document.text)
        existing = self.document_for_hash(digest)
        if existing is not None:
            return existing, False
        if isinstance(item, Document):
            from kronika.pipeline import analyze

            with time_limit(time_limit_seconds, item.source or item.id, len(item.text)):
                item = analyze(item)
        for attempt in range(2):
            try:
                with self.engine.begin() as connection:
                    return _write_analysis(connection, item, digest), True
            except IntegrityError:
                # Another writer stored the same text, or created an entity we also created, meanwhile.
                existing = self.document_for_hash(digest)
                if existing is not None:
                    return existing, False
                if attempt:
                    raise
        raise AssertionError("unreachable")

    @_faults("write to")
    def delete_document(self, document_id: str) -> bool:
        """Remove a document and everything found in it (canonical entities stay)."""
        with self.engine.begin() as connection:
            search.unindex_document(connection, document_id)
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

    @_faults("read")
    def fingerprint(self) -> tuple[Any, ...]:
        """A value that changes whenever a document is stored or deleted, or a correction made or undone (by
        any process): what caches of rendered pages are checked against."""
        d, c, s = schema.documents, schema.corrections, schema.sentences
        count, maximum = search.sql_func.count, search.sql_func.max
        # one aggregate per subquery: each is read from an index, where several in one SELECT scan the table
        documents = [select(aggregate).select_from(d).scalar_subquery() for aggregate in (
            count(), maximum(d.c.ingested_at), search.sql_func.min(d.c.content_hash), maximum(d.c.content_hash))]
        # the newest sentence row: a document deleted and stored again (re-analysed) in the second of the
        # newest ingest changes no aggregate of the documents, but gets new rows
        documents.append(select(maximum(s.c.id)).scalar_subquery())
        with self.engine.connect() as connection:
            row = connection.execute(select(*documents)).one()
            edits = connection.execute(select(count(), maximum(c.c.id), count(c.c.undone_at))).one()
        return (*row, *edits)

    @_faults("read")
    def documents(self) -> list[DocumentRecord]:
        d = schema.documents
        columns = [d.c.id, d.c.content_hash, d.c.name, d.c.title, d.c.source, d.c.dct,
                   d.c.ingested_at, search.sql_func.length(d.c.text).label("length")]
        with self.engine.connect() as connection:
            rows = connection.execute(select(*columns).order_by(d.c.ingested_at, d.c.id)).all()
        return [DocumentRecord(r.id, r.content_hash, r.name, r.title, r.source, r.dct, r.length, r.ingested_at)
                for r in rows]

    @_faults("read")
    def document_text(self, document_id: str) -> str | None:
        d = schema.documents
        with self.engine.connect() as connection:
            return connection.execute(select(d.c.text).where(d.c.id == document_id)).scalar()

    @_faults("read")
    def sentence(self, document_id: str, start: int) -> Citation | None:
        """The sentence of a document that contains offset ``start``: the citation for an answer."""
        s, d = schema.sentences, schema.documents
        query = (select(s.c.document_id, s.c.start, s.c.end, d.c.text, d.c.title, d.c.source)
                 .join(d, d.c.id == s.c.document_id)
                 .where(s.c.document_id == document_id, s.c.start <= start, s.c.end > start))
        with self.engine.connect() as connection:
            row = connection.execute(query).first()
        if row is None:
            return None
        return Citation(row.document_id, row.start, row.end, row.text[row.start:row.end], row.title, row.source)

    def document_analysis(self, document_id: str) -> Analysis | None:
        """A stored document rebuilt as an :class:`Analysis` (tokens with their chosen reading only; entity
        ``ref`` and ``geo`` are the canonical entity's), for renderings such as TEI and for reading answers."""
        return self.document_analyses([document_id]).get(document_id)

    @_faults("read")
    def document_analyses(self, document_ids: Sequence[str], events: bool = True) -> dict[str, Analysis]:
        """:meth:`document_analysis` of several documents (those stored), by id: one query per table for
        all of them, so reading the documents of a question's hits costs the same few queries. Without
        ``events`` the analyses have none (answers never depend on an event: three queries fewer)."""
        d, s, m, e, t, ev = (schema.documents, schema.sentences, schema.mentions, schema.entities,
                             schema.timexes, schema.events)
        tok, q = schema.tokens, schema.quantities
        ids = list(dict.fromkeys(document_ids))
        if not ids:
            return {}
        with self.engine.connect() as connection:
            analyses = {r.id: Analysis(Document(r.id, r.text, r.dct, r.title, r.source))
                        for r in connection.execute(select(d.c.id, d.c.text, d.c.dct, d.c.title, d.c.source)
                                                    .where(d.c.id.in_(ids))).all()}
            found = list(analyses)
            sentences: dict[int, Sentence] = {}  # by stored id: each token row names its sentence
            for sentence_id, document_id, start, end in connection.execute(
                    select(s.c.id, s.c.document_id, s.c.start, s.c.end).where(s.c.document_id.in_(found))
                    .order_by(s.c.document_id, s.c.start)).all():
                sentence = sentences[sentence_id] = Sentence(start, end)
                analyses[document_id].sentences.append(sentence)
            # one shared (immutable) reading, and tuple of readings, per lemma and tag
            readings: dict[tuple[str, str], tuple[Interp, tuple[Interp]]] = {}
            for sentence_id, start, end, text, lemma, tag in connection.execute(
                    select(tok.c.sentence_id, tok.c.start, tok.c.end, tok.c.text, tok.c.lemma, tok.c.tag)
                    .where(tok.c.document_id.in_(found)).order_by(tok.c.document_id, tok.c.start)):
                shared = readings.get((lemma, tag))
                if shared is None:
                    reading = Interp(lemma, tag)
                    shared = readings[lemma, tag] = (reading, (reading,))
                sentences[sentence_id].tokens.append(Token(start, end, text, shared[1], shared[0]))
            for r in connection.execute(select(q).where(q.c.document_id.in_(found))
                                        .order_by(q.c.document_id, q.c.start)).all():
                analyses[r.document_id].quantities.append(
                    Quantity(r.start, r.end, r.text, r.value, r.unit, r.modifier, r.predicate))
            for r in connection.execute(select(m, e.c.ref.label("canonical_ref"), e.c.lat, e.c.lon, e.c.geo_name,
                                               e.c.geo_kind)
                                        .join(e, e.c.id == m.c.entity_id).where(m.c.document_id.in_(found))
                                        .order_by(m.c.document_id, m.c.start, m.c.id)).all():
                geo = {"lat": r.lat, "lon": r.lon, "name": r.geo_name, "kind": r.geo_kind} if r.lat is not None \
                    else None
                analyses[r.document_id].entities.append(Entity(
                    r.local_id, r.start, r.end, r.text, r.type, r.lemma, r.canonical_ref, r.subtype,
                    r.parent_local_id, geo, r.role))
            for r in connection.execute(select(t).where(t.c.document_id.in_(found))
                                        .order_by(t.c.document_id, t.c.start, t.c.id)).all():
                analyses[r.document_id].timexes.append(
                    Timex(r.local_id, r.start, r.end, r.text, r.type, r.value, r.anchor, r.mod))
            rows = connection.execute(select(ev).where(ev.c.document_id.in_(found))
                                      .order_by(ev.c.document_id, ev.c.trigger_start)).all() if events else []
            arguments: dict[int, tuple[list[EventArgument], list[EventArgument]]] = {r.id: ([], []) for r in rows}
            for index, table in enumerate((schema.places, schema.participants) if rows else ()):
                for a in connection.execute(select(table).where(table.c.event_id.in_(list(arguments)))
                                            .order_by(table.c.id)).all():
                    arguments[a.event_id][index].append(
                        EventArgument(a.lemma, a.mention_local_id, getattr(a, "role", None)))
        for r in rows:
            analyses[r.document_id].events.append(Event(
                r.local_id, r.type, r.trigger_start, r.trigger_end, r.trigger_text, (r.sentence_start, r.sentence_end),
                r.time, r.timex_local_id, bool(r.time_inherited), *arguments[r.id], time_basis=r.time_basis,
                modality=r.modality, lemma=r.lemma, confidence=r.confidence))
        return analyses

    # --- queries ---------------------------------------------------------------------------------------

    @_faults("read")
    def search(self, query: str, ref: str | None = None, type: str | None = None, place: str | None = None,
               date_from: str | None = None, date_to: str | None = None, limit: int = 20,
               any_word: bool = False) -> list[SearchHit]:
        """Sentences matching ``query`` by lemma (all words must match, or one with ``any_word``), best first
        (BM25), narrowed by filters:
        ``ref`` an entity ref, ``type`` an entity type (``PLACE``) or event type (``battle``), ``place`` a
        place name in any case form, ``date_from``/``date_to`` TIMEX3-like dates (``1939``,
        ``1939-09``, ``1939-09-17``) that a timex or event interval in the sentence must overlap."""
        filters = search.Filters(ref, type, place, date_from, date_to)
        try:
            with self.engine.connect() as connection:
                scored = search.search_sentences(connection, query, filters, limit, any_word)
                citations = _citations(connection, [sentence_id for sentence_id, _ in scored])
        except ValueError as error:
            raise KronikaError(str(error)) from None
        return [SearchHit(citations[sentence_id], score) for sentence_id, score in scored]

    @_faults("read")
    def entities(self, ref: str | None = None, type: str | None = None, name: str | None = None,
                 limit: int | None = None) -> list[EntityRecord]:
        """Canonical entities, most mentioned first; ``ref`` matches any ref or geo key of an entity,
        ``name`` its base form (in any case form for places: *Lwowie*). Without ``ref``, entities no mention
        names any more (left behind by a split, or by a re-analysis) are not listed: kept only so that the
        correction can be undone."""
        e, m, r = schema.entities, schema.mentions, schema.entity_refs
        query = select(e).order_by(e.c.id)
        with self.engine.connect() as connection:
            if ref is not None:
                query = query.where(e.c.id.in_(select(r.c.entity_id).where(r.c.ref == ref)))
            if type is not None:
                query = query.where(e.c.type == type.upper())
            if name is not None:
                ids = search.place_entity_ids(connection, name)
                query = query.where(or_(e.c.folded == search.fold_lemma(name), e.c.id.in_(ids)))
            rows = connection.execute(query).all()
            ids = [row.id for row in rows]
            counts: dict[int, tuple[int, int]] = {}
            aliases: dict[int, list[str]] = {}
            if ids:
                for row in connection.execute(
                        select(m.c.entity_id, search.sql_func.count().label("n"),
                               search.sql_func.count(m.c.document_id.distinct()).label("docs"))
                        .where(m.c.entity_id.in_(ids)).group_by(m.c.entity_id)):
                    counts[row.entity_id] = (row.n, row.docs)
                for row in connection.execute(select(r).where(r.c.entity_id.in_(ids)).order_by(r.c.ref)):
                    aliases.setdefault(row.entity_id, []).append(row.ref)
        records = [EntityRecord(row.id, row.ref, row.type, row.lemma, _geo(row), tuple(aliases.get(row.id, ())),
                                *counts.get(row.id, (0, 0))) for row in rows]
        if ref is None:
            records = [record for record in records if record.mentions]
        records.sort(key=lambda record: (-record.mentions, record.id))
        return records[:limit] if limit is not None else records

    @_faults("read")
    def mentions(self, ref: str) -> list[MentionRecord]:
        """Every mention of the entity known by ``ref``, in document and text order."""
        with self.engine.connect() as connection:
            return [_mention_record(row) for row in connection.execute(_mentions_of(ref))]

    @_faults("read")
    def cited_mentions(self, ref: str, offset: int = 0,
                       limit: int | None = None) -> list[tuple[MentionRecord, Citation | None]]:
        """A page of :meth:`mentions`, each with its sentence; two queries whatever the page's length."""
        with self.engine.connect() as connection:
            rows = connection.execute(_mentions_of(ref).offset(offset).limit(limit)).all()
            citations = _citations(connection, sorted({row.sentence_id for row in rows if row.sentence_id}))
        return [(_mention_record(row), citations.get(row.sentence_id)) for row in rows]

    @_faults("read")
    def first_citations(self, entity_ids: Sequence[int], per_entity: int) -> dict[int, list[Citation]]:
        """The sentences of each entity's first ``per_entity`` mentions (document and text order), by
        entity id: two queries for any number of entities (a map's popups)."""
        m = schema.mentions
        rank = search.sql_func.row_number().over(partition_by=m.c.entity_id,
                                                 order_by=(m.c.document_id, m.c.start)).label("rank")
        ranked = (select(m.c.entity_id, m.c.sentence_id, m.c.document_id, m.c.start, rank)
                  .where(m.c.entity_id.in_(list(entity_ids))).subquery())
        query = (select(ranked.c.entity_id, ranked.c.sentence_id).where(ranked.c.rank <= per_entity)
                 .order_by(ranked.c.entity_id, ranked.c.document_id, ranked.c.start))
        with self.engine.connect() as connection:
            rows = connection.execute(query).all() if entity_ids else []
            citations = _citations(connection, sorted({row.sentence_id for row in rows if row.sentence_id}))
        found: dict[int, list[Citation]] = {}
        for row in rows:
            if row.sentence_id in citations:
                found.setdefault(row.entity_id, []).append(citations[row.sentence_id])
        return found

    @_faults("read")
    def place_intervals(self) -> dict[int, list[tuple[str, str]]]:
        """The TIMEX3 intervals of the dated events that happened at each place, by entity id (one query)."""
        ev, pl = schema.events, schema.places
        query = (select(pl.c.entity_id, ev.c.begin, ev.c.end_date).join(ev, ev.c.id == pl.c.event_id)
                 .where(pl.c.entity_id.is_not(None), ev.c.begin.is_not(None))
                 .order_by(pl.c.entity_id, ev.c.document_id, ev.c.trigger_start))
        found: dict[int, list[tuple[str, str]]] = {}
        with self.engine.connect() as connection:
            for row in connection.execute(query):
                found.setdefault(row.entity_id, []).append((row.begin, row.end_date))
        return found

    @_faults("read")
    def events(self, type: str | None = None, ref: str | None = None, place: str | None = None,
               date_from: str | None = None, date_to: str | None = None,
               document: str | None = None) -> list[EventRecord]:
        """Events in document and text order, with places, participants and quantities resolved to
        canonical entities. Filters: event ``type``; ``ref`` of a participant or place; ``place`` name
        in any case form; an interval overlapping ``[date_from, date_to]``; a ``document`` id."""
        ev, pa, pl = schema.events, schema.participants, schema.places
        query = select(ev).order_by(ev.c.document_id, ev.c.trigger_start)
        try:
            span = query_interval(date_from, date_to)
        except ValueError as error:
            raise KronikaError(str(error)) from None
        with self.engine.connect() as connection:
            if type is not None:
                query = query.where(ev.c.type == type.lower())
            if document is not None:
                query = query.where(ev.c.document_id == document)
            if ref is not None:
                ids = search.ref_entity_ids(connection, ref)
                query = query.where(or_(ev.c.id.in_(select(pa.c.event_id).where(pa.c.entity_id.in_(ids))),
                                        ev.c.id.in_(select(pl.c.event_id).where(pl.c.entity_id.in_(ids)))))
            if place is not None:
                ids = search.place_entity_ids(connection, place)
                query = query.where(ev.c.id.in_(select(pl.c.event_id).where(pl.c.entity_id.in_(ids))))
            if span is not None:
                query = query.where(ev.c.begin <= span[1], ev.c.end_date >= span[0])
            return load_events(connection, connection.execute(query).all())

    @_faults("read")
    def quantities(self, unit: str | None = None, document: str | None = None) -> list[QuantityRecord]:
        """Counted quantities (*320 000 obywateli*); ``unit`` is the counted noun's lemma."""
        q = schema.quantities
        query = select(q).order_by(q.c.document_id, q.c.start)
        if unit is not None:
            query = query.where(q.c.unit == unit)
        if document is not None:
            query = query.where(q.c.document_id == document)
        with self.engine.connect() as connection:
            return load_quantities(connection, connection.execute(query).all())

    @_faults("read")
    def conflicts(self) -> list[Conflict]:
        """Dates and numbers on which documents disagree (see :mod:`kronika.store.conflicts`)."""
        from kronika.store.conflicts import find_conflicts

        return find_conflicts(self.events(), self.quantities(), self._sentence_entities())

    def _sentence_entities(self) -> dict[tuple[str, int], frozenset[int]]:
        """Canonical entity ids mentioned in each sentence, keyed by (document, sentence start)."""
        m, s = schema.mentions, schema.sentences
        found: dict[tuple[str, int], set[int]] = {}
        with self.engine.connect() as connection:
            for row in connection.execute(select(s.c.document_id, s.c.start, m.c.entity_id)
                                          .join(s, s.c.id == m.c.sentence_id)):
                found.setdefault((row.document_id, row.start), set()).add(row.entity_id)
        return {key: frozenset(ids) for key, ids in found.items()}


# --- writing -------------------------------------------------------------------------------------------


def _write_analysis(connection: Connection, analysis: Analysis, digest: str) -> str:
    document = analysis.document
    document_id = content_id(document.text)
    d = schema.documents
    if connection.execute(select(d.c.id).where(d.c.id == document_id)).first() is not None:
        document_id = digest  # a 16-digit prefix shared with another text: fall back to the full hash
    connection.execute(insert(d).values(
        id=document_id, content_hash=digest, name=document.id, source=document.source, title=document.title,
        dct=document.dct, text=document.text, kronika_version=__version__,
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
    from kronika.store.terms import index_string

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
    search.index_sentences(connection, [{"id": i, "lemmas": row["lemmas"]}
                                        for i, row in zip(ids, rows, strict=True)])
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


# --- reading -------------------------------------------------------------------------------------------


def _geo(row: Any) -> dict[str, Any] | None:
    if row.lat is None or row.lon is None:
        return None
    return {"lat": row.lat, "lon": row.lon, "name": row.geo_name, "key": row.geo_key, "kind": row.geo_kind}


def _mentions_of(ref: str) -> Any:
    """The mentions of the entity known by ``ref`` with its canonical ref, in document and text order."""
    m, e, r = schema.mentions, schema.entities, schema.entity_refs
    return (select(m, e.c.ref.label("canonical_ref")).join(e, e.c.id == m.c.entity_id)
            .where(m.c.entity_id.in_(select(r.c.entity_id).where(r.c.ref == ref)))
            .order_by(m.c.document_id, m.c.start))


def _mention_record(row: Any) -> MentionRecord:
    return MentionRecord(row.document_id, row.start, row.end, row.text, row.type, row.lemma, row.canonical_ref,
                         row.role)


@functools.cache
def _citations_query() -> Any:
    """Built once: every search and answer reads its citations with it (building it took a tenth of a search)."""
    s, d = schema.sentences, schema.documents
    return (select(s.c.id, s.c.document_id, s.c.start, s.c.end, d.c.title, d.c.source,
                   search.sql_func.substr(d.c.text, s.c.start + 1, s.c.end - s.c.start))
            .join(d, d.c.id == s.c.document_id).where(s.c.id.in_(bindparam("ids", expanding=True))))


def _citations(connection: Connection, sentence_ids: Sequence[int]) -> dict[int, Citation]:
    if not sentence_ids:
        return {}
    rows = connection.execute(_citations_query(), {"ids": list(sentence_ids)})
    return {sentence_id: Citation(document, start, end, text, title, source)
            for sentence_id, document, start, end, title, source, text in rows}


def load_quantities(connection: Connection, rows: Iterable[Any]) -> list[QuantityRecord]:
    rows = list(rows)
    citations = _citations(connection, sorted({row.sentence_id for row in rows}))
    return [QuantityRecord(row.id, row.document_id, row.start, row.end, row.text, row.value, row.modifier,
                           row.unit, row.predicate, row.event_id, citations[row.sentence_id]) for row in rows]


def load_events(connection: Connection, rows: Sequence[Any]) -> list[EventRecord]:
    """Event rows with their arguments, quantities and sentence citations."""
    if not rows:
        return []
    pa, pl, e, q = schema.participants, schema.places, schema.entities, schema.quantities
    ids = [row.id for row in rows]
    places: dict[int, list[Argument]] = {}
    participants: dict[int, list[Argument]] = {}
    for table, target in ((pl, places), (pa, participants)):
        role = pa.c.role if table is pa else None
        columns = [table.c.event_id, table.c.lemma, table.c.entity_id, e.c.ref] + ([role] if role is not None else [])
        query = (select(*columns).outerjoin(e, e.c.id == table.c.entity_id)
                 .where(table.c.event_id.in_(ids)).order_by(table.c.id))
        for arg in connection.execute(query):
            target.setdefault(arg.event_id, []).append(
                Argument(arg.lemma, arg.ref, arg.entity_id, getattr(arg, "role", None)))
    quantities: dict[int, list[QuantityRecord]] = {}
    for quantity in load_quantities(connection, connection.execute(
            select(q).where(q.c.event_id.in_(ids)).order_by(q.c.start)).all()):
        quantities.setdefault(quantity.event_id or 0, []).append(quantity)
    d = schema.documents
    documents = {row.id: row for row in connection.execute(
        select(d.c.id, d.c.title, d.c.source, d.c.text).where(d.c.id.in_({row.document_id for row in rows})))}
    records = []
    for row in rows:
        document = documents[row.document_id]
        citation = Citation(row.document_id, row.sentence_start, row.sentence_end,
                            document.text[row.sentence_start:row.sentence_end], document.title, document.source)
        interval = (row.begin, row.end_date) if row.begin else None
        records.append(EventRecord(
            row.id, row.document_id, row.local_id, row.type, row.trigger_start, row.trigger_end, row.trigger_text,
            citation, row.time, interval, bool(row.time_inherited), tuple(places.get(row.id, ())),
            tuple(participants.get(row.id, ())), tuple(quantities.get(row.id, ())), row.modality, row.confidence))
    return records
