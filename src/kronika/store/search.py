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

import sqlite3
from dataclasses import dataclass
from itertools import islice, product
from typing import TYPE_CHECKING

from kronika.lang.fold import fold
from kronika.store.database import Params, dialect, fetch
from kronika.store.intervals import query_interval
from kronika.store.terms import query_alternatives, split_terms

if TYPE_CHECKING:
    from sqlalchemy import Connection

ENTITY_TYPES = frozenset({"PERSON", "PLACE", "COUNTRY", "ORGANIZATION", "MILITARY_UNIT", "EVENT", "DOCUMENT"})
PLACE_TYPES = ("PLACE", "COUNTRY")
_MAX_PLACE_READINGS = 16
# the expression of PostgreSQL's index (a literal configuration, not a parameter), so the planner uses it
_VECTOR = "to_tsvector('simple'::regconfig, s.lemmas)"


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


def place_entity_ids(connection: sqlite3.Connection | Connection, place: str) -> list[int]:
    """Canonical places a name refers to, in any case form: *Lwowie* → the entity *Lwów*."""
    groups = query_alternatives(place)
    folded = {" ".join(split_terms(place))}
    folded |= {" ".join(" ".join(alt) for alt in combo) for combo in islice(product(*groups), _MAX_PLACE_READINGS)}
    p = Params()
    sql = (f"SELECT id FROM entities WHERE type IN {p.many(PLACE_TYPES)} AND (folded IN {p.many(sorted(folded))}"
           f" OR id IN (SELECT entity_id FROM entity_refs WHERE ref = {p(place)})"
           f" OR lower(geo_name) = {p(place.lower())})")
    return [row[0] for row in fetch(connection, sql, p)]


def ref_entity_ids(connection: sqlite3.Connection | Connection, ref: str) -> list[int]:
    return [row[0] for row in fetch(connection, "SELECT entity_id FROM entity_refs WHERE ref = :ref", {"ref": ref})]


def sentence_conditions(connection: sqlite3.Connection | Connection, filters: Filters, p: Params) -> list[str]:
    """WHERE conditions on the sentences ``s`` for the filters (a filter that matches nothing matches no
    sentence), their values added to ``p``."""
    conditions: list[str] = []
    if filters.ref is not None:
        ids = p.many(ref_entity_ids(connection, filters.ref))
        conditions.append(f"EXISTS (SELECT 1 FROM mentions m WHERE m.sentence_id = s.id AND m.entity_id IN {ids})")
    if filters.type is not None:
        if filters.type.upper() in ENTITY_TYPES:
            conditions.append("EXISTS (SELECT 1 FROM mentions m WHERE m.sentence_id = s.id "
                              f"AND m.type = {p(filters.type.upper())})")
        else:
            conditions.append("EXISTS (SELECT 1 FROM events e WHERE e.sentence_id = s.id "
                              f"AND e.type = {p(filters.type.lower())})")
    if filters.place is not None:
        ids = place_entity_ids(connection, filters.place)
        conditions.append(
            f"(EXISTS (SELECT 1 FROM mentions m WHERE m.sentence_id = s.id AND m.entity_id IN {p.many(ids)})"
            " OR EXISTS (SELECT 1 FROM events e WHERE e.sentence_id = s.id AND e.id IN "
            f"(SELECT event_id FROM places WHERE entity_id IN {p.many(ids)})))")
    span = query_interval(filters.date_from, filters.date_to)
    if span is not None:
        begin, end = p(span[0]), p(span[1])
        conditions.append(
            "(EXISTS (SELECT 1 FROM timexes t WHERE t.sentence_id = s.id "
            f"AND t.begin <= {end} AND t.end_date >= {begin})"
            " OR EXISTS (SELECT 1 FROM events e WHERE e.sentence_id = s.id "
            f"AND e.begin <= {end} AND e.end_date >= {begin}))")
    return conditions


def search_sentences(connection: sqlite3.Connection | Connection, query: str, filters: Filters, limit: int,
                     any_word: bool = False) -> list[tuple[int, float]]:
    """``(sentence id, score)`` best first; an empty query lists the filtered sentences in text order.
    With ``any_word`` a sentence needs only one of the query's words (ranked questions)."""
    p = Params()
    conditions = sentence_conditions(connection, filters, p)
    groups = query_alternatives(query) if query.strip() else []
    if query.strip() and not groups:
        return []  # only punctuation: nothing to look for
    engine = dialect(connection)
    if not groups:
        select, order = "SELECT s.id, 0.0 AS score FROM sentences s", "s.document_id, s.start"
    elif engine == "sqlite":
        # bm25() takes the FTS table itself as its argument; lower is better
        select = ("SELECT s.id, -bm25(sentence_fts) AS score FROM sentences s "
                  "JOIN sentence_fts ON sentence_fts.rowid = s.id")
        conditions.insert(0, f"sentence_fts MATCH {p(match_expression(groups, engine, any_word))}")
        order = "score DESC, s.document_id, s.start"
    else:
        tsquery = f"to_tsquery('simple'::regconfig, {p(match_expression(groups, engine, any_word))})"
        select = f"SELECT s.id, ts_rank({_VECTOR}, {tsquery}) AS score FROM sentences s"
        conditions.insert(0, f"{_VECTOR} @@ {tsquery}")
        order = "score DESC, s.document_id, s.start"
    where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    found = fetch(connection, f"{select}{where} ORDER BY {order} LIMIT {p(limit)}", p)
    return [(sentence_id, float(score)) for sentence_id, score in found]


def fold_lemma(lemma: str) -> str:
    """The form of an entity lemma stored in ``entities.folded``."""
    return " ".join(split_terms(fold(lemma)))
