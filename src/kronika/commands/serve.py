"""``kronika serve``: the web application over the store (documents, names, timeline, map, search, questions)."""

from __future__ import annotations

import click

from kronika.commands.store_options import F, db_option
from kronika.store import Store


def host_option(function: F) -> F:
    return click.option("--host", default="127.0.0.1", show_default=True,
                        help="Address to listen on; anything but loopback exposes the store to the network.")(function)


def port_option(function: F) -> F:
    return click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
                        help="Port to listen on (0: any free port).")(function)


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
