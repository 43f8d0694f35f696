"""``kronika serve``: the web application over the store (documents, names, timeline, map, search, questions)."""

from __future__ import annotations

import click

from kronika.commands.options import db_option, host_option, port_option
from kronika.store import Store


@click.command()
@db_option
@host_option
@port_option
@click.option("--user", metavar="NAME", help="Who the corrections made in the browser are by "
              "(without it, each form asks for a name).")
@click.option("--token", envvar="KRONIKA_TOKEN", metavar="SECRET",
              help="Required on every request (?token=SECRET once, then a cookie); needed with a --host "
                   "other than loopback. [env: KRONIKA_TOKEN]")
def command(db_url: str | None, host: str, port: int, user: str | None, token: str | None) -> None:
    """Serve the web application until Ctrl+C: documents with names and dates marked, entity pages,
    timeline, map, search, questions, conflicts, exports, corrections, uploads, and a JSON API under /api/."""
    from kronika.web import serve

    with Store.open(db_url) as store:
        serve(store, host, port, echo=click.echo, user=user, token=token)
