"""The knowledge store: analysed documents in SQLite (default) or PostgreSQL, one schema.

API (everything the QA, export and web layers need)::

    from kronika.store import Store, content_hash

    with Store.open(url=None) as store:         # url: sqlite:///PATH, postgresql://…, a file path;
                                                # None → $KRONIKA_DB → <user data dir>/kronika.sqlite
        doc_id = store.ingest(analysis)          # Analysis (or Document: analysed only if new) → id;
                                                 # same text again → same id, nothing written
        doc_id, stored = store.add(analysis)     # the same, and whether this call stored it
        store.fingerprint()                      # changes whenever a document is stored or deleted
        store.has_document(content_hash(text))   # bool
        store.documents()                        # [DocumentRecord]
        store.document_text(doc_id)              # str | None
        store.sentence(doc_id, start)            # Citation of the sentence containing offset `start`
        store.search("Lwów", ref=None, type=None, place=None, date_from=None, date_to=None, limit=20)
                                                 # [SearchHit(citation, score)], lemma-aware, best first
        store.events(type=None, ref=None, place=None, date_from=None, date_to=None, document=None)
                                                 # [EventRecord] with places/participants as Argument
                                                 # (lemma, canonical ref), interval, quantities, sentence
        store.entities(ref=None, type=None, name=None)   # [EntityRecord], canonical, most mentioned first
        store.mentions(ref)                      # [MentionRecord] of one canonical entity
        store.quantities(unit=None, document=None)       # [QuantityRecord]: "320 000 obywateli" → 320000
        store.conflicts()                        # [Conflict(kind "date"|"number", subject, claims)]
        store.delete_document(doc_id)

Records are frozen dataclasses with ``to_json()`` (``kronika.store.records``). ``type`` filters take an
entity type (``PLACE``) or an event type (``battle``); ``place`` takes a name in any case form
(*Lwowie*); dates are TIMEX3-like (``1939``, ``1939-09``, ``1939-09-17``) and match any timex or event
whose interval overlaps the range. Errors a user can fix are :class:`kronika.errors.KronikaError`; a
database that cannot be opened, read or written raises :class:`kronika.errors.StoreError` (one line,
never SQL or document text).
"""

from kronika.store.records import (
    Argument,
    Citation,
    Claim,
    Conflict,
    DocumentRecord,
    EntityRecord,
    EventRecord,
    MentionRecord,
    QuantityRecord,
    SearchHit,
)
from kronika.store.store import Store, content_hash

__all__ = [
    "Argument", "Citation", "Claim", "Conflict", "DocumentRecord", "EntityRecord", "EventRecord",
    "MentionRecord", "QuantityRecord", "SearchHit", "Store", "content_hash",
]
