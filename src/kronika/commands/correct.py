"""``kronika correct``: human corrections of the store, for scripts (the web application makes the same).

Each subcommand records who (``--user``, else ``$KRONIKA_USER``, else the login name), when and what
the correction replaced; ``undo`` restores it; ``reanalyze`` re-runs the pipeline on a document and keeps
every correction that still anchors to its text."""

from __future__ import annotations

import getpass
import json
import os
from collections.abc import Callable
from typing import Any, TypeVar

import click

from kronika.commands.options import db_option, json_option
from kronika.store import Store
from kronika.store import corrections as library

USER_ENV_VAR = "KRONIKA_USER"
F = TypeVar("F", bound=Callable[..., object])


def default_user() -> str:
    try:
        return os.environ.get(USER_ENV_VAR) or getpass.getuser()
    except (KeyError, OSError):  # no login name in a bare container
        return "anonymous"


def _user_option(function: F) -> F:
    return click.option("--user", default=default_user, show_default=f"${USER_ENV_VAR} or the login name",
                        help="Who makes the correction.")(function)


def _report(correction: library.Correction, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(correction.to_json(), ensure_ascii=False))
    else:
        state = "undone" if correction.undone_at else "applied"
        click.echo(f"correction {correction.id} ({correction.kind}) {state} by {correction.user}")


def _make(db_url: str | None, kind: str, target: dict[str, Any], value: dict[str, Any], user: str,
          as_json: bool, document: str | None = None) -> None:
    with Store.open(db_url) as store:
        _report(library.correct(store, kind, target, value, user, document), as_json)


@click.group()
def command() -> None:
    """Correct what the machine found: entities, places, dates, events (each kept as a human assertion)."""


@command.command("entity")
@click.argument("ref")
@click.option("--type", "entity_type", type=click.Choice(library.ENTITY_TYPES, case_sensitive=False))
@click.option("--lemma", help="The right base form.")
@db_option
@_user_option
@json_option
def entity(ref: str, entity_type: str | None, lemma: str | None, db_url: str | None, user: str,
           as_json: bool) -> None:
    """Change the type or base form of the entity REF (every mention of it)."""
    _make(db_url, "entity", {"ref": ref}, {"type": entity_type, "lemma": lemma}, user, as_json)


@command.command("merge")
@click.argument("ref")
@click.argument("into")
@db_option
@_user_option
@json_option
def merge(ref: str, into: str, db_url: str | None, user: str, as_json: bool) -> None:
    """Merge the entity REF into the entity INTO (same person, place, …)."""
    _make(db_url, "merge", {"ref": ref}, {"into": into}, user, as_json)


@command.command("place")
@click.argument("ref")
@click.argument("lat", type=float)
@click.argument("lon", type=float)
@click.option("--name", help="Today's name of the place.")
@db_option
@_user_option
@json_option
def place(ref: str, lat: float, lon: float, name: str | None, db_url: str | None, user: str,
          as_json: bool) -> None:
    """Set the coordinates of the place REF."""
    _make(db_url, "place", {"ref": ref}, {"lat": lat, "lon": lon, "name": name}, user, as_json)


@command.command("link")
@click.argument("ref")
@click.argument("authority")
@db_option
@_user_option
@json_option
def link(ref: str, authority: str, db_url: str | None, user: str, as_json: bool) -> None:
    """Link the entity REF to an AUTHORITY id: wikidata:Q…, geonames:…, viaf:…"""
    _make(db_url, "link", {"ref": ref}, {"authority": authority}, user, as_json)


@command.command("delete")
@click.argument("document")
@click.argument("start", type=int)
@click.argument("end", type=int)
@db_option
@_user_option
@json_option
def delete(document: str, start: int, end: int, db_url: str | None, user: str, as_json: bool) -> None:
    """Delete the false entity at characters START–END of DOCUMENT."""
    _make(db_url, "delete", {"start": start, "end": end}, {}, user, as_json, document)


@command.command("split")
@click.argument("document")
@click.argument("start", type=int)
@click.argument("end", type=int)
@click.option("--type", "entity_type", type=click.Choice(library.ENTITY_TYPES, case_sensitive=False))
@click.option("--lemma", help="The base form of the entity it names (else the mention's own).")
@db_option
@_user_option
@json_option
def split(document: str, start: int, end: int, entity_type: str | None, lemma: str | None, db_url: str | None,
          user: str, as_json: bool) -> None:
    """Split the mention at characters START–END of DOCUMENT off its entity: it names another one."""
    _make(db_url, "split", {"start": start, "end": end}, {"type": entity_type, "lemma": lemma}, user, as_json,
          document)


@command.command("add")
@click.argument("document")
@click.argument("start", type=int)
@click.argument("end", type=int)
@click.option("--type", "entity_type", required=True, type=click.Choice(library.ENTITY_TYPES, case_sensitive=False))
@click.option("--lemma", required=True, help="Its base form.")
@db_option
@_user_option
@json_option
def add(document: str, start: int, end: int, entity_type: str, lemma: str, db_url: str | None, user: str,
        as_json: bool) -> None:
    """Add an entity the machine missed at characters START–END of DOCUMENT."""
    _make(db_url, "add", {"start": start, "end": end}, {"type": entity_type, "lemma": lemma}, user, as_json,
          document)


@command.command("timex")
@click.argument("document")
@click.argument("start", type=int)
@click.argument("end", type=int)
@click.argument("value")
@click.option("--mod", help="TIMEX3 mod: BEFORE, AFTER, START, MID, END, APPROX, …")
@db_option
@_user_option
@json_option
def timex(document: str, start: int, end: int, value: str, mod: str | None, db_url: str | None, user: str,
          as_json: bool) -> None:
    """Set the TIMEX3 value of the date at characters START–END of DOCUMENT (added if missed)."""
    _make(db_url, "timex", {"start": start, "end": end}, {"value": value, "mod": mod}, user, as_json, document)


@command.command("event")
@click.argument("document")
@click.argument("start", type=int)
@click.argument("end", type=int)
@click.argument("status", type=click.Choice(library.EVENT_STATUSES))
@click.option("--type", "event_type", help="The right event type.")
@click.option("--time", help="The right time, a TIMEX3 value (1939-09-17, 1939-09, 1939-09-29/1939-09-30).")
@click.option("--places", help="The event's places: refs or base forms, comma-separated (\"\" for none).")
@click.option("--participants", help="The event's participants: refs or base forms, comma-separated.")
@db_option
@_user_option
@json_option
def event(document: str, start: int, end: int, status: str, event_type: str | None, time: str | None,
          places: str | None, participants: str | None, db_url: str | None, user: str, as_json: bool) -> None:
    """Accept (and retype or edit) or reject the event whose trigger is at characters START–END of DOCUMENT."""
    _make(db_url, "event", {"trigger_start": start, "trigger_end": end},
          {"status": status, "type": event_type, "time": time, "places": places, "participants": participants},
          user, as_json, document)


@command.command("undo")
@click.argument("correction_id", type=int)
@db_option
@_user_option
@json_option
def undo(correction_id: int, db_url: str | None, user: str, as_json: bool) -> None:
    """Undo a correction: restore what it replaced."""
    with Store.open(db_url) as store:
        _report(library.undo(store, correction_id, user), as_json)


@command.command("reanalyze")
@click.argument("document")
@db_option
def reanalyze(document: str, db_url: str | None) -> None:
    """Re-run the pipeline on a stored DOCUMENT and replay its corrections."""
    with Store.open(db_url) as store:
        kept, lost = library.reanalyze(store, document)
    click.echo(f"{document}: re-analysed; {kept} corrections kept, {lost} no longer anchor to the text")
