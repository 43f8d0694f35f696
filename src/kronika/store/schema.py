"""The store's tables (SQLAlchemy Core), the same on SQLite and PostgreSQL.

Document-local rows (sentences, tokens, mentions, timexes, events, quantities) carry the document id and
are deleted with it; ``entities`` are canonical and shared across documents, reached by any of their
``entity_refs`` (a ref, or a geo key such as ``geo:geonames:702550``).

Every index is also created on opening an existing store (``CREATE INDEX IF NOT EXISTS``), so one added
here reaches stores made before it without a new schema version: a store records the digest of this file
it was last opened with (``store_info.schema_source``), and any change here makes the next opening bring
the store up to date.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

SCHEMA_VERSION = 2

metadata = MetaData()


def _id() -> Column[int]:
    return Column("id", Integer, primary_key=True, autoincrement=True)


def _document_id() -> Column[str]:
    return Column("document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False)


def _sentence_id(nullable: bool = True) -> Column[int]:
    return Column("sentence_id", Integer, ForeignKey("sentences.id", ondelete="CASCADE"), nullable=nullable)


def _span() -> tuple[Column[int], Column[int], Column[str]]:
    """Where a row's text stands in its document: ``documents.text[start:end] == text``."""
    return (Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
            Column("text", Text, nullable=False))


store_info = Table(
    "store_info", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("id", String(64), primary_key=True),  # content id (see kronika.model.content_id)
    Column("content_hash", String(64), nullable=False, unique=True),  # sha256 of the text
    Column("name", Text),  # the id the document came with (JSONL "id", file stem)
    Column("source", Text),
    Column("title", Text),
    Column("dct", String(10)),
    Column("journal", Text),  # added on opening a store made before it, with the place below
    Column("pub_place", Text),
    Column("text", Text, nullable=False),
    Column("kronika_version", String(32), nullable=False),
    Column("ingested_at", String(32), nullable=False),
    Index("ix_documents_ingested", "ingested_at"),  # the store's fingerprint: max() from the index
)

sentences = Table(
    "sentences", metadata,
    _id(),
    _document_id(),
    Column("position", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("lemmas", Text, nullable=False),  # folded search terms (see kronika.store.terms)
    UniqueConstraint("document_id", "start"),
)

tokens = Table(
    "tokens", metadata,
    _id(),
    _document_id(),
    _sentence_id(nullable=False),
    *_span(),
    Column("lemma", Text, nullable=False),
    Column("tag", Text, nullable=False),
    Index("ix_tokens_document", "document_id", "start"),  # a document's tokens in text order
    Index("ix_tokens_sentence", "sentence_id"),
    Index("ix_tokens_lemma", "lemma"),
)

entities = Table(
    "entities", metadata,
    _id(),
    Column("ref", Text, nullable=False, unique=True),  # the first ref seen; others live in entity_refs
    Column("type", String(32), nullable=False),
    Column("lemma", Text, nullable=False),
    Column("folded", Text, nullable=False),  # lemma folded for lookups
    Column("lat", Float),
    Column("lon", Float),
    Column("geo_name", Text),
    Column("geo_key", Text),
    Column("geo_kind", String(32)),  # the gazetteer's kind of place: settlement, country, region …
    Index("ix_entities_folded", "folded"),
    Index("ix_entities_type", "type"),
)

entity_refs = Table(
    "entity_refs", metadata,
    Column("ref", Text, primary_key=True),
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
    Index("ix_entity_refs_entity", "entity_id"),
)

mentions = Table(
    "mentions", metadata,
    _id(),
    _document_id(),
    _sentence_id(),
    Column("entity_id", Integer, ForeignKey("entities.id"), nullable=False),
    Column("local_id", String(32), nullable=False),  # "e1" in the document's analysis
    Column("parent_local_id", String(32)),
    *_span(),
    Column("type", String(32), nullable=False),
    Column("subtype", String(32)),
    Column("lemma", Text, nullable=False),
    Column("role", Text),
    UniqueConstraint("document_id", "local_id"),
    Index("ix_mentions_entity", "entity_id"),
    Index("ix_mentions_sentence", "sentence_id"),
)

timexes = Table(
    "timexes", metadata,
    _id(),
    _document_id(),
    _sentence_id(),
    Column("local_id", String(32), nullable=False),
    *_span(),
    Column("type", String(16), nullable=False),
    Column("value", Text, nullable=False),
    Column("anchor", String(32)),
    Column("mod", String(16)),
    Column("begin", String(10)),  # the value as a closed interval of ISO dates, for range queries
    Column("end_date", String(10)),
    UniqueConstraint("document_id", "local_id"),
    Index("ix_timexes_range", "begin", "end_date"),
    Index("ix_timexes_sentence", "sentence_id"),
)

events = Table(
    "events", metadata,
    _id(),
    _document_id(),
    _sentence_id(),
    Column("local_id", String(32), nullable=False),
    Column("type", String(32), nullable=False),
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
    Column("trigger_text", Text, nullable=False),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    Column("time", Text),
    Column("timex_local_id", String(32)),
    Column("time_inherited", Boolean, nullable=False, default=False),
    Column("begin", String(10)),
    Column("end_date", String(10)),
    Column("modality", String(16), nullable=False, default="asserted"),
    Column("time_basis", String(16)),
    Column("lemma", Text, nullable=False, default=""),
    Column("confidence", Float),  # added on opening a store made before it (stored events then have none)
    UniqueConstraint("document_id", "local_id"),
    Index("ix_events_type", "type"),
    Index("ix_events_range", "begin", "end_date"),
    Index("ix_events_sentence", "sentence_id"),
)



def _event_argument_table(name: str, *extra: Column[str]) -> Table:
    """An event's participants or places: a mention's lemma and the stored entity it refers to, if any."""
    return Table(
        name, metadata,
        _id(),
        Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
        Column("entity_id", Integer, ForeignKey("entities.id")),
        Column("mention_local_id", String(32)),
        Column("lemma", Text, nullable=False),
        *extra,
        Index(f"ix_{name}_event", "event_id"),
        Index(f"ix_{name}_entity", "entity_id"),
    )


participants = _event_argument_table("participants", Column("role", String(32)))
places = _event_argument_table("places")

quantities = Table(
    "quantities", metadata,
    _id(),
    _document_id(),
    _sentence_id(nullable=False),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE")),
    *_span(),
    Column("value", Float, nullable=False),
    Column("modifier", String(16)),  # approx, more, less (około, ponad, prawie)
    Column("unit", Text, nullable=False),  # lemma of the counted noun: "obywatel"
    Column("predicate", Text),  # lemma of the sentence's main verb, for matching claims without events
    Index("ix_quantities_unit", "unit"),
    Index("ix_quantities_document", "document_id"),
    Index("ix_quantities_event", "event_id"),
)

# Human corrections: an append-only log of assertions beside the machine's rows. No foreign key to
# ``documents``: re-analysing a document deletes and rewrites its rows, and the corrections must outlive
# that to be replayed (see kronika.store.corrections).
corrections = Table(
    "corrections", metadata,
    _id(),
    Column("document_id", String(64)),  # None for corrections of a canonical entity (all documents)
    Column("kind", String(32), nullable=False),
    Column("target", Text, nullable=False),  # JSON: what it anchors to (a span or an entity ref)
    Column("value", Text, nullable=False),  # JSON: the human's assertion
    Column("previous", Text, nullable=False),  # JSON: what it replaced, for undo
    Column("user", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("undone_at", String(32)),
    Column("undone_by", Text),
    Index("ix_corrections_document", "document_id"),
    Index("ix_corrections_kind", "kind"),  # entity corrections, shown on every page of their documents
)
