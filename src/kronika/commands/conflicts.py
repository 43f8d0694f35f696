"""``kronika conflicts``: where stored documents disagree on a date or a number."""

from __future__ import annotations

import json

import click

from kronika.commands.options import db_option, json_option
from kronika.store import Store


@click.command()
@db_option
@json_option
def command(db_url: str | None, as_json: bool) -> None:
    """List the events and quantities the stored documents give different dates or numbers for, each
    claim with its document and sentence."""
    with Store.open(db_url) as store:
        conflicts = store.conflicts()
    if as_json:
        click.echo(json.dumps([conflict.to_json() for conflict in conflicts], ensure_ascii=False, indent=2))
        return
    for conflict in conflicts:
        click.echo(f"{conflict.kind} conflict: {conflict.subject}")
        for claim in conflict.claims:
            citation = claim.citation
            source = citation.title or citation.source or citation.document
            click.echo(f"  {claim.value}\t«{claim.text}»\t{source} [{citation.document}:{citation.start}-"
                       f"{citation.end}] {' '.join(citation.text.split())}")
    if not conflicts:
        click.echo("no conflicts", err=True)
