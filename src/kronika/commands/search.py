"""``kronika search``: lemma-aware full-text search of the stored sentences."""

from __future__ import annotations

import json

import click

from kronika.commands.options import db_option, json_option
from kronika.store import Store


@click.command()
@click.argument("query", nargs=-1)
@click.option("--ref", help="Only sentences mentioning this entity ref (person:franciszek-kleeberg).")
@click.option("--type", "kind", help="Only sentences with an entity of this type (PLACE) or an event of this type "
                                     "(battle).")
@click.option("--place", help="Only sentences naming this place or locating an event there (any case form).")
@click.option("--from", "date_from", metavar="DATE", help="Range start: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--to", "date_to", metavar="DATE", help="Range end: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1))
@db_option
@json_option
def command(query: tuple[str, ...], ref: str | None, kind: str | None, place: str | None, date_from: str | None,
            date_to: str | None, limit: int, db_url: str | None, as_json: bool) -> None:
    """Find stored sentences by the base forms of their words: "Lwów" finds "Lwowa" and "Lwowie".
    With filters only (no QUERY), lists the sentences that pass them."""
    text = " ".join(query)
    if not text.strip() and not any((ref, kind, place, date_from, date_to)):
        raise click.UsageError("give a QUERY or at least one filter")
    with Store.open(db_url) as store:
        hits = store.search(text, ref=ref, type=kind, place=place, date_from=date_from, date_to=date_to,
                            limit=limit)
    if as_json:
        click.echo(json.dumps([hit.to_json() for hit in hits], ensure_ascii=False, indent=2))
        return
    for hit in hits:
        citation = hit.citation
        click.echo(f"{citation.document}:{citation.start}-{citation.end}\t{' '.join(citation.text.split())}")
