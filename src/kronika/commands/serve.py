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
@click.option("--tiles", metavar="URL", help="An online base map the map offers as one more layer (off until "
              "chosen; the browser then fetches tiles from that server), e.g. "
              "https://tile.openstreetmap.org/{z}/{x}/{y}.png. Without it the map is wholly offline.")
@click.option("--tiles-attribution", metavar="TEXT", default="© OpenStreetMap contributors", show_default=True,
              help="The credit the tile server asks for.")
def command(db_url: str | None, host: str, port: int, user: str | None, token: str | None, tiles: str | None,
            tiles_attribution: str) -> None:
    """Serve the web application until Ctrl+C: documents with names and dates marked, entity pages,
    timeline, map, search, questions, conflicts, exports, corrections, uploads, and a JSON API under /api/."""
    from kronika.pipeline import collect_garbage_rarely
    from kronika.web import TileLayer, serve

    collect_garbage_rarely()  # a server lives long and analyses uploads

    layer = TileLayer.checked(tiles, tiles_attribution) if tiles else None
    with Store.open(db_url) as store:
        serve(store, host, port, echo=click.echo, user=user, token=token, tiles=layer)
