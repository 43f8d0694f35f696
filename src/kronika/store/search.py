"""Lemma-aware full-text search over stored sentences.

Each sentence is stored with a string of folded terms (``kronika.store.terms``): its words, all their
lemmas, guessed base forms of unknown words, and the lemmas of the names in it. A query is turned into
the same terms — each query word becomes an OR of its possible lemmas, and all words must match — so
*Lwów* finds *Lwowa* and *Lwowie*, and *Orlik-Rückemann* finds *Orlika-Rückemanna*.

SQLite: an FTS5 table ``sentence_fts`` (rowid = sentence id), ranked by bm25. PostgreSQL: a GIN index
on ``to_tsvector('simple', sentences.lemmas)`` queried with ``to_tsquery('simple', …)``, ranked by
``ts_rank``. Terms are pure ``[a-z0-9]`` so neither engine's own folding changes them.

Filters narrow the sentences to those that mention an entity (``ref``), contain an entity or event of
a ``type``, mention or locate an event at a ``place``, or carry a timex or event whose TIMEX3 interval
overlaps ``[date_from, date_to]``.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice, product

from sqlalchemy import (
    ColumnElement,
    Connection,
    and_,
    column,
    exists,
    literal,
    literal_column,
    or_,
    select,
    table,
    text,
)
from sqlalchemy import func as sql_func

from kronika.lang.fold import fold
from kronika.store import schema
from kronika.store.intervals import query_interval
from kronika.store.terms import query_alternatives, split_terms

ENTITY_TYPES = frozenset({"PERSON", "PLACE", "COUNTRY", "ORGANIZATION", "MILITARY_UNIT", "EVENT", "DOCUMENT"})
PLACE_TYPES = ("PLACE", "COUNTRY")
_MAX_PLACE_READINGS = 16

_SIMPLE = literal_column("'simple'::regconfig")
_fts = table("sentence_fts", column("rowid"), column("lemmas"))


def create_index(connection: Connection) -> None:
    """The dialect's full-text index (idempotent)."""
    if connection.dialect.name == "sqlite":
        connection.execute(text(
            "CREATE VIRTUAL TABLE IF NOT EXISTS sentence_fts "
            "USING fts5(lemmas, tokenize = 'unicode61 remove_diacritics 2')"))
    else:
        connection.execute(text(
            "CREATE INDEX IF NOT EXISTS ix_sentences_fts ON sentences "
            "USING gin (to_tsvector('simple', lemmas))"))


def index_sentences(connection: Connection, rows: list[dict[str, object]]) -> None:
    """Add sentences (``{"id", "lemmas"}``) to the index; PostgreSQL's expression index needs nothing."""
    if connection.dialect.name == "sqlite" and rows:
        connection.execute(text("INSERT INTO sentence_fts(rowid, lemmas) VALUES (:id, :lemmas)"), rows)


def unindex_document(connection: Connection, document_id: str) -> None:
    if connection.dialect.name == "sqlite":
        connection.execute(text(
            "DELETE FROM sentence_fts WHERE rowid IN (SELECT id FROM sentences WHERE document_id = :d)"),
            {"d": document_id})


def match_expression(groups: list[list[tuple[str, ...]]], dialect: str, any_word: bool = False) -> str:
    """The engine's query string: every group (or, with ``any_word``, at least one) must match one of its
    alternatives."""
    if dialect == "sqlite":
        conj, disj, quote = " AND ", " OR ", '"{}"'
    else:
        conj, disj, quote = " & ", " | ", "{}"
    return (disj if any_word else conj).join(
        "(" + disj.join("(" + conj.join(quote.format(t) for t in alternative) + ")" for alternative in group) + ")"
        for group in groups
    )


@dataclass(frozen=True)
class Filters:
    ref: str | None = None
    type: str | None = None
    place: str | None = None
    date_from: str | None = None
    date_to: str | None = None


def place_entity_ids(connection: Connection, place: str) -> list[int]:
    """Canonical places a name refers to, in any case form: *Lwowie* → the entity *Lwów*."""
    groups = query_alternatives(place)
    folded = {" ".join(split_terms(place))}
    folded |= {" ".join(" ".join(alt) for alt in combo) for combo in islice(product(*groups), _MAX_PLACE_READINGS)}
    entities, refs = schema.entities, schema.entity_refs
    query = select(entities.c.id).where(
        entities.c.type.in_(PLACE_TYPES),
        or_(entities.c.folded.in_(folded),
            entities.c.id.in_(select(refs.c.entity_id).where(refs.c.ref == place)),
            sql_func.lower(entities.c.geo_name) == place.lower()),
    )
    return [row.id for row in connection.execute(query)]


def ref_entity_ids(connection: Connection, ref: str) -> list[int]:
    refs = schema.entity_refs
    return [row.entity_id for row in connection.execute(select(refs.c.entity_id).where(refs.c.ref == ref))]


def sentence_conditions(connection: Connection, filters: Filters) -> list[ColumnElement[bool]]:
    """WHERE conditions on ``sentences`` for the filters (a filter that matches nothing yields FALSE)."""
    s, m, e, t = schema.sentences, schema.mentions, schema.events, schema.timexes
    conditions: list[ColumnElement[bool]] = []
    if filters.ref is not None:
        ids = ref_entity_ids(connection, filters.ref)
        conditions.append(exists().where(m.c.sentence_id == s.c.id, m.c.entity_id.in_(ids)))
    if filters.type is not None:
        if filters.type.upper() in ENTITY_TYPES:
            conditions.append(exists().where(m.c.sentence_id == s.c.id, m.c.type == filters.type.upper()))
        else:
            conditions.append(exists().where(e.c.sentence_id == s.c.id, e.c.type == filters.type.lower()))
    if filters.place is not None:
        ids = place_entity_ids(connection, filters.place)
        located = select(schema.places.c.event_id).where(schema.places.c.entity_id.in_(ids))
        conditions.append(or_(exists().where(m.c.sentence_id == s.c.id, m.c.entity_id.in_(ids)),
                              exists().where(e.c.sentence_id == s.c.id, e.c.id.in_(located))))
    span = query_interval(filters.date_from, filters.date_to)
    if span is not None:
        conditions.append(or_(
            exists().where(t.c.sentence_id == s.c.id, t.c.begin <= span[1], t.c.end_date >= span[0]),
            exists().where(e.c.sentence_id == s.c.id, e.c.begin <= span[1], e.c.end_date >= span[0])))
    return conditions


def search_sentences(connection: Connection, query: str, filters: Filters, limit: int,
                     any_word: bool = False) -> list[tuple[int, float]]:
    """``(sentence id, score)`` best first; an empty query lists the filtered sentences in text order.
    With ``any_word`` a sentence needs only one of the query's words (ranked questions)."""
    s = schema.sentences
    conditions = sentence_conditions(connection, filters)
    groups = query_alternatives(query) if query.strip() else []
    if query.strip() and not groups:
        return []  # only punctuation: nothing to look for
    dialect = connection.dialect.name
    if not groups:
        statement = select(s.c.id, literal(0.0).label("score")).order_by(s.c.document_id, s.c.start)
    elif dialect == "sqlite":
        match = match_expression(groups, dialect, any_word)
        # bm25() takes the FTS table itself as its argument; lower is better.
        score = (-sql_func.bm25(literal_column("sentence_fts"))).label("score")
        statement = (select(s.c.id, score).join(_fts, _fts.c.rowid == s.c.id)
                     .where(text("sentence_fts MATCH :match").bindparams(match=match))
                     .order_by(score.desc(), s.c.document_id, s.c.start))
    else:
        match = match_expression(groups, dialect, any_word)
        # The same expression as the index (a literal regconfig, not a parameter) so the planner uses it.
        vector = sql_func.to_tsvector(_SIMPLE, s.c.lemmas)
        tsquery = sql_func.to_tsquery(_SIMPLE, match)
        score = sql_func.ts_rank(vector, tsquery).label("score")
        statement = (select(s.c.id, score).where(vector.op("@@")(tsquery))
                     .order_by(score.desc(), s.c.document_id, s.c.start))
    statement = statement.where(and_(True, *conditions)).limit(limit)
    return [(row.id, float(row.score)) for row in connection.execute(statement)]


def fold_lemma(lemma: str) -> str:
    """The form of an entity lemma stored in ``entities.folded``."""
    return " ".join(split_terms(fold(lemma)))
