"""Fixtures: jing with tei_all.rng (see tests/tei_validation.py); a snapshot of a store of short texts."""

from __future__ import annotations

from pathlib import Path

from kronika.export.snapshot import StoreSnapshot
from kronika.model import Document
from kronika.pipeline import analyze
from kronika.store import Store
from tests.tei_validation import jing_errors, tei_schema  # noqa: F401


def stored_snapshot(folder: Path, documents: list[tuple[str, str, str | None]]) -> StoreSnapshot:
    """The export snapshot of a SQLite store in ``folder`` holding ``documents`` (id, text, creation date)."""
    with Store.open(f"sqlite:///{folder / 'store.sqlite'}") as store:
        for document_id, text, dct in documents:
            store.ingest(analyze(Document(document_id, text, dct=dct, title=document_id)))
        return StoreSnapshot.load(store)
