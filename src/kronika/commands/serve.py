"""``kronika serve``: the web application over the store (documents, names, timeline, map, search, questions)."""

from __future__ import annotations

import click

from kronika.commands.options import db_option, host_option, port_option
from kronika.store import Store


@click.command()
@db_option
@host_option
@port_option
def command(db_url: str | None, host: str, port: int) -> None:
    """Serve the web application until Ctrl+C: documents with names and dates marked, entity pages,
    timeline, map, search, questions, conflicts, exports, and a JSON API under /api/."""
    from kronika.web import serve

    with Store.open(db_url) as store:
        serve(store, host, port, echo=click.echo)
