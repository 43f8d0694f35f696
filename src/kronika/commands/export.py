"""``kronika export``: the whole store as TEI, Linked Places, RDF (Turtle, JSON-LD), CSV, TimelineJS or
W3C Web Annotations."""

from __future__ import annotations

import sys

import click

from kronika.commands.options import db_option
from kronika.errors import InputError
from kronika.export.events_csv import TABLES
from kronika.export.snapshot import DEFAULT_BASE_IRI
from kronika.export.store_export import FORMATS, export_store
from kronika.store import Store


@click.command()
@click.option("--format", "export_format", type=click.Choice(FORMATS), required=True,
              help="tei: TEI corpus; lpf: Linked Places GeoJSON-LD; ttl/jsonld: RDF (SEM, CIDOC-CRM, NIF); "
                   "csv: a table (--table); timelinejs: TimelineJS3 JSON; webanno: W3C Web Annotations.")
@db_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write here instead of stdout.")
@click.option("--base-iri", default=DEFAULT_BASE_IRI, show_default=True,
              help="Prefix of the IRIs of documents, entities and events (lpf, ttl, jsonld).")
@click.option("--table", type=click.Choice(TABLES), default="events", show_default=True,
              help="csv: which table (events, entities, mentions, places).")
@click.option("--bom", is_flag=True, help="csv: start with a UTF-8 byte order mark (for spreadsheet programs).")
def command(export_format: str, db_url: str | None, output: str | None, base_iri: str, table: str,
            bom: bool) -> None:
    """Export everything in the store: documents, places, events, with character offsets as provenance."""
    with Store.open(db_url) as store:
        rendered = export_store(store, export_format, base_iri, table, bom)
    if output is None:
        sys.stdout.write(rendered)
        return
    try:
        # newline="" keeps the CSV's CRLF line ends as RFC 4180 wants them, on every platform
        with open(output, "w", encoding="utf-8", newline="") as handle:
            handle.write(rendered)
    except OSError as error:
        raise InputError(f"{output}: cannot write ({error.strerror})") from None
