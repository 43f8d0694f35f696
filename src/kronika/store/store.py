"""The :class:`Store`: analysed documents in SQLite or PostgreSQL, queried by the rest of Kronika.

The reads on the way to an answer (search, citations, documents, the fingerprint) are plain SQL
(:mod:`kronika.store.database`), run on SQLite files through the standard library's ``sqlite3``;
everything else, and PostgreSQL, goes through SQLAlchemy Core, imported when first needed. Opening a
SQLite store whose schema this code made (its recorded :func:`schema_source`) needs no SQLAlchemy either.
"""

from __future__ import annotations

import functools
import hashlib
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

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
)
from kronika.store import search
from kronika.store.database import Params, dialect, driver_error, fetch, is_integrity_error, set_sqlite_pragmas
from kronika.store.intervals import query_interval
from kronika.store.location import requested_url, resolve_url, sqlite_file
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

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine


def content_hash(text: str) -> str:
    """The sha256 of a document's text: the store keeps one document per hash."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@functools.cache
def schema_source() -> str:
    """A digest of the schema's definition (``schema.py``, which holds its version): recorded in a store when
    its schema is made or brought up to date, so a store this code already saw opens without any DDL."""
    return hashlib.sha256(Path(__file__).with_name("schema.py").read_bytes()).hexdigest()[:16]


_SCHEMA_ATTEMPTS = 6


def _reason(error: BaseException) -> str:
    """The database's own reason, first line only: never the SQL statement or its parameters (which
    would print a whole document)."""
    lines = str(error).strip().splitlines()
    reason = lines[0].strip() if lines else type(error).__name__
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
            except Exception as error:
                cause = driver_error(error)
                if cause is None or is_integrity_error(error):
                    raise  # not the database's, or a broken analysis (a bug)
                raise StoreError(f"cannot {action} the store at {self.where}: {_reason(cause)}") from None
        return wrapper  # type: ignore[return-value]
    return decorate


class Store:
    """Analysed documents and what was found in them. Open with :meth:`open`; see the package docstring."""

    def __init__(self, url: str, where: str, engine: Engine | None = None) -> None:
        self.url = url  # as given to the engine, with any password: what tells two stores apart
        self.where = where  # the URL to show, without a password
        self._engine = engine
        self._file = sqlite_file(url)
        self._idle: list[sqlite3.Connection] = []  # the plain-SQL reads' own SQLite connections
        self._lock = threading.Lock()

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """Open (creating if needed) the store at ``url``, ``$KRONIKA_DB`` or the per-user default."""
        requested = requested_url(url)
        file = sqlite_file(requested)
        if file is not None and file.is_file():
            store = cls(requested, requested)
            if store._schema_is_current():
                return store
            store.close()
        return cls._create(url)

    @classmethod
    def _create(cls, url: str | None) -> Store:
        """Open through SQLAlchemy, making or bringing up to date the schema."""
        from sqlalchemy import create_engine, event
        from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, ProgrammingError

        from kronika.store.writing import create_schema, is_creation_race

        resolved = resolve_url(url)
        where = resolved.render_as_string(hide_password=True)
        engine = create_engine(resolved)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", set_sqlite_pragmas)
        try:
            for attempt in range(_SCHEMA_ATTEMPTS):
                try:
                    create_schema(engine, where, schema_source())
                    break
                except (IntegrityError, ProgrammingError, OperationalError) as error:
                    # Two processes opening a new store both create the schema; the loser sees "already
                    # exists" (or a unique violation on PostgreSQL's catalogue) and finds it made next time.
                    if attempt == _SCHEMA_ATTEMPTS - 1 or not is_creation_race(error):
                        raise
                    time.sleep(0.05 * (attempt + 1))
        except DBAPIError as error:
            engine.dispose()
            raise StoreError(f"cannot open the store at {where}: {_reason(error.orig)}") from None
        except BaseException:
            engine.dispose()
            raise
        return cls(resolved.render_as_string(hide_password=False), where, engine)

    def _schema_is_current(self) -> bool:
        """Whether the SQLite file records this code's :func:`schema_source` with the version it has."""
        try:
            with self._reading() as connection:
                recorded = dict(fetch(connection, "SELECT key, value FROM store_info "
                                                 "WHERE key IN ('schema_version', 'schema_source')"))
        except sqlite3.Error:
            return False  # not a store, or not this code's: opening it the full way says why
        return recorded.get("schema_source") == f"{schema_source()}:{recorded.get('schema_version')}"

    @property
    def engine(self) -> Engine:
        """SQLAlchemy's engine on the store, made on first use."""
        with self._lock:
            if self._engine is None:
                from sqlalchemy import create_engine, event

                self._engine = create_engine(resolve_url(self.url))
                if self._engine.dialect.name == "sqlite":
                    event.listen(self._engine, "connect", set_sqlite_pragmas)
            return self._engine

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection | Connection]:
        """A connection for the plain-SQL reads: one of the store's own on a SQLite file (kept for the next
        read, from any thread), else one of the engine's."""
        if self._file is None:
            with self.engine.connect() as connection:
                yield connection
            return
        with self._lock:
            connection = self._idle.pop() if self._idle else None
        if connection is None:
            connection = sqlite3.connect(self._file, check_same_thread=False)
            set_sqlite_pragmas(connection)
        try:
            yield connection
        except BaseException:
            connection.close()  # it may be in any state
            raise
        with self._lock:
            self._idle.append(connection)

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
            engine, self._engine = self._engine, None
        for connection in idle:
            connection.close()
        if engine is not None:
            engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- documents -------------------------------------------------------------------------------------

    @_faults("read")
    def document_for_hash(self, digest: str) -> str | None:
        """The id of the stored document with this content hash, if any."""
        with self._reading() as connection:
            found = fetch(connection, "SELECT id FROM documents WHERE content_hash = :digest", {"digest": digest})
        return found[0][0] if found else None

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
        from sqlalchemy.exc import IntegrityError

        from kronika.store.writing import write_analysis

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
                    return write_analysis(connection, item, digest), True
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
        from kronika.store.writing import delete_document

        with self.engine.begin() as connection:
            return delete_document(connection, document_id)

    @_faults("read")
    def fingerprint(self) -> tuple[Any, ...]:
        """A value that changes whenever a document is stored or deleted, or a correction made or undone (by
        any process): what caches of rendered pages are checked against."""
        # one aggregate per subquery: each is read from an index, where several in one SELECT scan the table;
        # the newest sentence row: a document deleted and stored again (re-analysed) in the second of the
        # newest ingest changes no aggregate of the documents, but gets new rows
        documents = ("SELECT (SELECT count(*) FROM documents), (SELECT max(ingested_at) FROM documents), "
                     "(SELECT min(content_hash) FROM documents), (SELECT max(content_hash) FROM documents), "
                     "(SELECT max(id) FROM sentences)")
        with self._reading() as connection:
            [row] = fetch(connection, documents)
            [edits] = fetch(connection, "SELECT count(*), max(id), count(undone_at) FROM corrections")
        return (*row, *edits)

    @_faults("read")
    def documents(self) -> list[DocumentRecord]:
        with self._reading() as connection:
            found = fetch(connection, "SELECT id, content_hash, name, title, source, dct, length(text), ingested_at, "
                                     "journal, pub_place FROM documents ORDER BY ingested_at, id")
        return [DocumentRecord(*row) for row in found]

    @_faults("read")
    def document_text(self, document_id: str) -> str | None:
        with self._reading() as connection:
            found = fetch(connection, "SELECT text FROM documents WHERE id = :id", {"id": document_id})
        return found[0][0] if found else None

    @_faults("read")
    def sentence(self, document_id: str, start: int) -> Citation | None:
        """The sentence of a document that contains offset ``start``: the citation for an answer."""
        with self._reading() as connection:
            found = fetch(connection, """SELECT s.document_id, s.start, s."end", d.text, d.title, d.source
                FROM sentences s JOIN documents d ON d.id = s.document_id
                WHERE s.document_id = :document AND s.start <= :offset AND s."end" > :offset LIMIT 1""",
                         {"document": document_id, "offset": start})
        if not found:
            return None
        document, begin, end, text, title, source = found[0]
        return Citation(document, begin, end, text[begin:end], title, source)

    def document_analysis(self, document_id: str) -> Analysis | None:
        """A stored document rebuilt as an :class:`Analysis` (tokens with their chosen reading only; entity
        ``ref`` and ``geo`` are the canonical entity's), for renderings such as TEI and for reading answers."""
        return self.document_analyses([document_id]).get(document_id)

    @_faults("read")
    def document_analyses(self, document_ids: Sequence[str], events: bool = True) -> dict[str, Analysis]:
        """:meth:`document_analysis` of several documents (those stored), by id: one query per table for
        all of them, so reading the documents of a question's hits costs the same few queries. Without
        ``events`` the analyses have none (answers never depend on an event: three queries fewer)."""
        ids = list(dict.fromkeys(document_ids))
        if not ids:
            return {}
        with self._reading() as connection:
            p = Params()
            analyses = {document_id: Analysis(Document(document_id, text, dct, title, source, journal=journal,
                                                        pub_place=pub_place))
                        for document_id, text, dct, title, source, journal, pub_place in fetch(
                            connection, "SELECT id, text, dct, title, source, journal, pub_place FROM documents "
                                        f"WHERE id IN {p.many(ids)}", p)}
            p = Params()
            found = p.many(analyses)
            sentences: dict[int, Sentence] = {}  # by stored id: each token row names its sentence
            for sentence_id, document_id, start, end in fetch(
                    connection, f'SELECT id, document_id, start, "end" FROM sentences WHERE document_id IN {found} '
                                "ORDER BY document_id, start", p):
                sentence = sentences[sentence_id] = Sentence(start, end)
                analyses[document_id].sentences.append(sentence)
            # one shared (immutable) reading, and tuple of readings, per lemma and tag
            readings: dict[tuple[str, str], tuple[Interp, tuple[Interp]]] = {}
            for sentence_id, start, end, text, lemma, tag in fetch(
                    connection, f'SELECT sentence_id, start, "end", text, lemma, tag FROM tokens '
                                f"WHERE document_id IN {found} ORDER BY document_id, start", p):
                shared = readings.get((lemma, tag))
                if shared is None:
                    reading = Interp(lemma, tag)
                    shared = readings[lemma, tag] = (reading, (reading,))
                sentences[sentence_id].tokens.append(Token(start, end, text, shared[1], shared[0]))
            for document_id, start, end, text, value, unit, modifier, predicate in fetch(
                    connection, f'SELECT document_id, start, "end", text, value, unit, modifier, predicate '
                                f"FROM quantities WHERE document_id IN {found} ORDER BY document_id, start", p):
                analyses[document_id].quantities.append(Quantity(start, end, text, value, unit, modifier, predicate))
            for (document_id, local_id, start, end, text, type_, lemma, ref, subtype, parent, role,
                 lat, lon, geo_name, geo_kind) in fetch(
                    connection, 'SELECT m.document_id, m.local_id, m.start, m."end", m.text, m.type, m.lemma, e.ref, '
                                "m.subtype, m.parent_local_id, m.role, e.lat, e.lon, e.geo_name, e.geo_kind "
                                f"FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.document_id IN {found} "
                                "ORDER BY m.document_id, m.start, m.id", p):
                geo = {"lat": lat, "lon": lon, "name": geo_name, "kind": geo_kind} if lat is not None else None
                analyses[document_id].entities.append(Entity(
                    local_id, start, end, text, type_, lemma, ref, subtype, parent, geo, role))
            for document_id, local_id, start, end, text, type_, value, anchor, mod in fetch(
                    connection, 'SELECT document_id, local_id, start, "end", text, type, value, anchor, mod '
                                f"FROM timexes WHERE document_id IN {found} ORDER BY document_id, start, id", p):
                analyses[document_id].timexes.append(Timex(local_id, start, end, text, type_, value, anchor, mod))
            if events:
                _read_events(connection, analyses, found, p)
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
            with self._reading() as connection:
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
        p = Params()
        conditions = []
        with self._reading() as connection:
            if ref is not None:
                conditions.append(f"id IN (SELECT entity_id FROM entity_refs WHERE ref = {p(ref)})")
            if type is not None:
                conditions.append(f"type = {p(type.upper())}")
            if name is not None:
                ids = search.place_entity_ids(connection, name)
                conditions.append(f"(folded = {p(search.fold_lemma(name))} OR id IN {p.many(ids)})")
            where = f"WHERE {' AND '.join(conditions)} " if conditions else ""
            found = fetch(connection, "SELECT id, ref, type, lemma, lat, lon, geo_name, geo_key, geo_kind "
                                      f"FROM entities {where}ORDER BY id", p)
            counts: dict[int, tuple[int, int]] = {}
            aliases: dict[int, list[str]] = {}
            if found:
                # the mentions of the entities found, chosen again by the same conditions (a list of their
                # ids could pass the number of parameters a statement may bind)
                among = f"WHERE entity_id IN (SELECT id FROM entities {where}) " if conditions else ""
                for entity_id, count, documents in fetch(
                        connection, "SELECT entity_id, count(*), count(DISTINCT document_id) FROM mentions "
                                    f"{among}GROUP BY entity_id", p):
                    counts[entity_id] = (count, documents)
                for entity_id, alias in fetch(connection, f"SELECT entity_id, ref FROM entity_refs {among}ORDER BY ref",
                                              p):
                    aliases.setdefault(entity_id, []).append(alias)
        records = [EntityRecord(entity_id, canonical, kind, lemma, _geo(lat, lon, geo_name, key, geo_kind),
                                tuple(aliases.get(entity_id, ())), *counts.get(entity_id, (0, 0)))
                   for entity_id, canonical, kind, lemma, lat, lon, geo_name, key, geo_kind in found]
        if ref is None:
            records = [record for record in records if record.mentions]
        records.sort(key=lambda record: (-record.mentions, record.id))
        return records[:limit] if limit is not None else records

    @_faults("read")
    def mentions(self, ref: str) -> list[MentionRecord]:
        """Every mention of the entity known by ``ref``, in document and text order."""
        return [mention for mention, _sentence in self._mentions(ref, 0, None)]

    @_faults("read")
    def cited_mentions(self, ref: str, offset: int = 0,
                       limit: int | None = None) -> list[tuple[MentionRecord, Citation | None]]:
        """A page of :meth:`mentions`, each with its sentence; two queries whatever the page's length."""
        with self._reading() as connection:
            page = self._mentions(ref, offset, limit, connection)
            citations = _citations(connection, sorted({sentence for _, sentence in page if sentence}))
        return [(mention, citations.get(sentence) if sentence else None) for mention, sentence in page]

    def _mentions(self, ref: str, offset: int, limit: int | None, connection: Any = None
                  ) -> list[tuple[MentionRecord, int | None]]:
        """The mentions of the entity known by ``ref`` with their canonical ref, in document and text order,
        each with its sentence's id."""
        if connection is None:
            with self._reading() as connection:
                return self._mentions(ref, offset, limit, connection)
        p = Params()
        page = f" LIMIT {p(limit)}" if limit is not None else ""
        if offset:  # SQLite reads an offset only after a limit; a negative one is none
            page = f"{page or (' LIMIT -1' if dialect(connection) == 'sqlite' else '')} OFFSET {p(offset)}"
        found = fetch(connection, 'SELECT m.document_id, m.start, m."end", m.text, m.type, m.lemma, e.ref, m.role, '
                                  "m.sentence_id FROM mentions m JOIN entities e ON e.id = m.entity_id "
                                  f"WHERE m.entity_id IN (SELECT entity_id FROM entity_refs WHERE ref = {p(ref)}) "
                                  f"ORDER BY m.document_id, m.start{page}", p)
        return [(MentionRecord(*row[:8]), row[8]) for row in found]

    @_faults("read")
    def first_citations(self, entity_ids: Sequence[int], per_entity: int) -> dict[int, list[Citation]]:
        """The sentences of each entity's first ``per_entity`` mentions (document and text order), by
        entity id: two queries for any number of entities (a map's popups)."""
        if not entity_ids:
            return {}
        p = Params()
        with self._reading() as connection:
            found = fetch(connection, f"""SELECT entity_id, sentence_id FROM (
                SELECT entity_id, sentence_id, document_id, start,
                       row_number() OVER (PARTITION BY entity_id ORDER BY document_id, start) AS rank
                FROM mentions WHERE entity_id IN {p.many(entity_ids)}) ranked
                WHERE rank <= {p(per_entity)} ORDER BY entity_id, document_id, start""", p)
            citations = _citations(connection, sorted({sentence for _, sentence in found if sentence}))
        cited: dict[int, list[Citation]] = {}
        for entity_id, sentence in found:
            if sentence in citations:
                cited.setdefault(entity_id, []).append(citations[sentence])
        return cited

    @_faults("read")
    def place_intervals(self) -> dict[int, list[tuple[str, str]]]:
        """The TIMEX3 intervals of the dated events that happened at each place, by entity id (one query)."""
        found: dict[int, list[tuple[str, str]]] = {}
        with self._reading() as connection:
            for entity_id, begin, end in fetch(
                    connection, "SELECT pl.entity_id, ev.begin, ev.end_date FROM places pl JOIN events ev "
                                "ON ev.id = pl.event_id WHERE pl.entity_id IS NOT NULL AND ev.begin IS NOT NULL "
                                "ORDER BY pl.entity_id, ev.document_id, ev.trigger_start"):
                found.setdefault(entity_id, []).append((begin, end))
        return found

    @_faults("read")
    def events(self, type: str | None = None, ref: str | None = None, place: str | None = None,
               date_from: str | None = None, date_to: str | None = None,
               document: str | None = None) -> list[EventRecord]:
        """Events in document and text order, with places, participants and quantities resolved to
        canonical entities. Filters: event ``type``; ``ref`` of a participant or place; ``place`` name
        in any case form; an interval overlapping ``[date_from, date_to]``; a ``document`` id."""
        try:
            span = query_interval(date_from, date_to)
        except ValueError as error:
            raise KronikaError(str(error)) from None
        p = Params()
        conditions = []
        with self._reading() as connection:
            if type is not None:
                conditions.append(f"ev.type = {p(type.lower())}")
            if document is not None:
                conditions.append(f"ev.document_id = {p(document)}")
            if ref is not None:
                ids = p.many(search.ref_entity_ids(connection, ref))
                conditions.append(f"(ev.id IN (SELECT event_id FROM participants WHERE entity_id IN {ids}) "
                                  f"OR ev.id IN (SELECT event_id FROM places WHERE entity_id IN {ids}))")
            if place is not None:
                ids = p.many(search.place_entity_ids(connection, place))
                conditions.append(f"ev.id IN (SELECT event_id FROM places WHERE entity_id IN {ids})")
            if span is not None:
                conditions.append(f"ev.begin <= {p(span[1])} AND ev.end_date >= {p(span[0])}")
            where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
            found = fetch(connection, f"{_EVENTS}{where} ORDER BY ev.document_id, ev.trigger_start", p)
            return load_events(connection, found)

    @_faults("read")
    def quantities(self, unit: str | None = None, document: str | None = None) -> list[QuantityRecord]:
        """Counted quantities (*320 000 obywateli*); ``unit`` is the counted noun's lemma."""
        p = Params()
        conditions = ([f"unit = {p(unit)}"] if unit is not None else []) + (
            [f"document_id = {p(document)}"] if document is not None else [])
        where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
        with self._reading() as connection:
            found = fetch(connection, f"{_QUANTITIES}{where} ORDER BY document_id, start", p)
            return load_quantities(connection, found)

    @_faults("read")
    def conflicts(self) -> list[Conflict]:
        """Dates and numbers on which documents disagree (see :mod:`kronika.store.conflicts`)."""
        from kronika.store.conflicts import find_conflicts

        return find_conflicts(self.events(), self.quantities(), self._sentence_entities())

    def _sentence_entities(self) -> dict[tuple[str, int], frozenset[int]]:
        """Canonical entity ids mentioned in each sentence, keyed by (document, sentence start)."""
        found: dict[tuple[str, int], set[int]] = {}
        with self._reading() as connection:
            for document_id, start, entity_id in fetch(
                    connection, "SELECT s.document_id, s.start, m.entity_id FROM mentions m "
                                "JOIN sentences s ON s.id = m.sentence_id"):
                found.setdefault((document_id, start), set()).add(entity_id)
        return {key: frozenset(ids) for key, ids in found.items()}


# --- reading -------------------------------------------------------------------------------------------

_EVENT_COLUMNS = ("id, document_id, local_id, type, trigger_start, trigger_end, trigger_text, sentence_start, "
                  "sentence_end, time, timex_local_id, time_inherited, begin, end_date, modality, time_basis, "
                  "lemma, confidence")
_EVENTS = "SELECT " + ", ".join(f"ev.{column}" for column in _EVENT_COLUMNS.split(", ")) + " FROM events ev"
_QUANTITIES = ('SELECT id, document_id, start, "end", text, value, modifier, unit, predicate, event_id, sentence_id '
               "FROM quantities")


def _geo(lat: float | None, lon: float | None, name: str | None, key: str | None,
         kind: str | None) -> dict[str, Any] | None:
    if lat is None or lon is None:
        return None
    return {"lat": lat, "lon": lon, "name": name, "key": key, "kind": kind}


def _citations(connection: sqlite3.Connection | Connection, sentence_ids: Sequence[int]) -> dict[int, Citation]:
    if not sentence_ids:
        return {}
    p = Params()
    found = fetch(connection, 'SELECT s.id, s.document_id, s.start, s."end", d.title, d.source, '
                              'substr(d.text, s.start + 1, s."end" - s.start) FROM sentences s '
                              f"JOIN documents d ON d.id = s.document_id WHERE s.id IN {p.many(sentence_ids)}", p)
    return {sentence_id: Citation(document, start, end, text, title, source)
            for sentence_id, document, start, end, title, source, text in found}


def _read_events(connection: sqlite3.Connection | Connection, analyses: dict[str, Analysis], documents: str,
                 p: Params) -> None:
    """The events of the ``documents`` (a placeholder list bound in ``p``) into their analyses."""
    found = fetch(connection, f"{_EVENTS} WHERE ev.document_id IN {documents} "
                              "ORDER BY ev.document_id, ev.trigger_start", p)
    arguments: dict[int, tuple[list[EventArgument], list[EventArgument]]] = {row[0]: ([], []) for row in found}
    events = f"(SELECT id FROM events WHERE document_id IN {documents})"
    if found:
        for event_id, lemma, mention in fetch(
                connection, f"SELECT event_id, lemma, mention_local_id FROM places WHERE event_id IN {events} "
                            "ORDER BY id", p):
            arguments[event_id][0].append(EventArgument(lemma, mention, None))
        for event_id, lemma, mention, role in fetch(
                connection, f"SELECT event_id, lemma, mention_local_id, role FROM participants "
                            f"WHERE event_id IN {events} ORDER BY id", p):
            arguments[event_id][1].append(EventArgument(lemma, mention, role))
    for (event_id, document_id, local_id, type_, trigger_start, trigger_end, trigger_text, sentence_start,
         sentence_end, time_, timex, inherited, _begin, _end, modality, basis, lemma, confidence) in found:
        analyses[document_id].events.append(Event(
            local_id, type_, trigger_start, trigger_end, trigger_text, (sentence_start, sentence_end), time_, timex,
            bool(inherited), *arguments[event_id], time_basis=basis, modality=modality, lemma=lemma,
            confidence=confidence))


def load_quantities(connection: sqlite3.Connection | Connection,
                    found: Iterable[Sequence[Any]]) -> list[QuantityRecord]:
    """Quantity rows (:data:`_QUANTITIES`' columns) with their sentence citations."""
    found = list(found)
    citations = _citations(connection, sorted({row[10] for row in found}))
    return [QuantityRecord(*row[:10], citations[row[10]]) for row in found]


EVENTS_PER_QUERY = 10_000
"""Event ids bound in one statement: PostgreSQL binds at most 65,535 parameters; a store holds millions of events."""


def load_events(connection: sqlite3.Connection | Connection, found: Sequence[Sequence[Any]]) -> list[EventRecord]:
    """Event rows (:data:`_EVENTS`' columns) with their arguments, quantities and sentence citations, read
    :data:`EVENTS_PER_QUERY` at a time."""
    return [record for start in range(0, len(found), EVENTS_PER_QUERY)
            for record in _load_event_batch(connection, found[start:start + EVENTS_PER_QUERY])]


def _load_event_batch(connection: sqlite3.Connection | Connection,
                      found: Sequence[Sequence[Any]]) -> list[EventRecord]:
    p = Params()
    ids = p.many(row[0] for row in found)
    places: dict[int, list[Argument]] = {}
    participants: dict[int, list[Argument]] = {}
    for table, target, role in (("places", places, "NULL"), ("participants", participants, "a.role")):
        for event_id, lemma, entity_id, ref, argument_role in fetch(
                connection, f"SELECT a.event_id, a.lemma, a.entity_id, e.ref, {role} FROM {table} a "
                            f"LEFT OUTER JOIN entities e ON e.id = a.entity_id WHERE a.event_id IN {ids} "
                            "ORDER BY a.id", p):
            target.setdefault(event_id, []).append(Argument(lemma, ref, entity_id, argument_role))
    quantities: dict[int, list[QuantityRecord]] = {}
    for quantity in load_quantities(connection,
                                    fetch(connection, f"{_QUANTITIES} WHERE event_id IN {ids} ORDER BY start", p)):
        quantities.setdefault(quantity.event_id or 0, []).append(quantity)
    p = Params()
    cited = p.many({row[1] for row in found})
    documents = {document_id: (title, source, text) for document_id, title, source, text in fetch(
        connection, f"SELECT id, title, source, text FROM documents WHERE id IN {cited}", p)}
    records = []
    for (event_id, document_id, local_id, type_, trigger_start, trigger_end, trigger_text, sentence_start,
         sentence_end, time_, _timex, inherited, begin, end, modality, _basis, _lemma, confidence) in found:
        title, source, text = documents[document_id]
        citation = Citation(document_id, sentence_start, sentence_end, text[sentence_start:sentence_end], title, source)
        interval = (begin, end) if begin else None
        records.append(EventRecord(
            event_id, document_id, local_id, type_, trigger_start, trigger_end, trigger_text, citation, time_, interval,
            bool(inherited), tuple(places.get(event_id, ())), tuple(participants.get(event_id, ())),
            tuple(quantities.get(event_id, ())), modality, confidence))
    return records
