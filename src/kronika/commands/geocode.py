"""``kronika geocode``: place names (any case form, historical or modern) → gazetteer places."""

from __future__ import annotations

import json
import sys

import click

from kronika.geo import geocode_many


@click.command()
@click.argument("names", nargs=-1)
@click.option("--year", type=int, help="The period of the text (1919-1945 prefers Poland's 1939 territory).")
@click.option("--json", "as_json", is_flag=True, help="A JSON list: one object or null per name, in order.")
def command(names: tuple[str, ...], year: int | None, as_json: bool) -> None:
    """Resolve each NAME (or each line of stdin when none is given) to a place."""
    queries = list(names) if names else [line for line in sys.stdin.read().splitlines() if line.strip()]
    places = geocode_many(queries, year) if queries else []
    if as_json:
        click.echo(json.dumps([p.to_geo() if p else None for p in places], ensure_ascii=False))
        return
    for query, place in zip(queries, places, strict=True):
        if place is None:
            click.echo(f"{query}\t-")
            continue
        click.echo(f"{query}\t{place.name}\t{place.name_now}\t{place.lat:.5f}\t{place.lon:.5f}\t"
                   f"{place.country_now}\t1939: {place.country_1939}\t{place.source}")
