"""``kronika ingest``: analyse documents and store them (idempotent, resumable, one transaction each)."""

from __future__ import annotations

import sys

import click
from tqdm import tqdm

from kronika.commands.options import db_option, dct_option
from kronika.store import Store, content_hash
from kronika.text.reader import read_paths


@click.command()
@click.argument("paths", nargs=-1, required=True)
@dct_option
@db_option
def command(paths: tuple[str, ...], dct: str | None, db_url: str | None) -> None:
    """Analyse and store documents. Text already stored is skipped, so an interrupted run resumes where
    it stopped. Prints one line per document: id, new|stored, source."""
    documents = list(read_paths(list(paths)))
    new = 0
    with Store.open(db_url) as store:
        progress = tqdm(documents, desc="ingest", unit="doc", file=sys.stderr, disable=None)
        for document in progress:
            if document.dct is None:
                document.dct = dct
            stored = store.has_document(content_hash(document.text))
            document_id = store.ingest(document)
            new += not stored
            progress.write(f"{document_id}\t{'stored' if stored else 'new'}\t{document.source or ''}",
                           file=sys.stdout)
        url = store.engine.url.render_as_string(hide_password=True)
    click.echo(f"{new} new, {len(documents) - new} already stored, in {url}", err=True)
