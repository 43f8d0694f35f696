"""``kronika corrections``: the log of human corrections, listed or exported as training data."""

from __future__ import annotations

import json
import sys

import click

from kronika.commands.options import db_option, json_option
from kronika.errors import InputError
from kronika.store import Store
from kronika.store import corrections as library


@click.group()
def command() -> None:
    """The corrections people made: list them, export them as training data."""


@command.command("list")
@click.option("--document", help="Only this document's corrections.")
@db_option
@json_option
def list_corrections(document: str | None, db_url: str | None, as_json: bool) -> None:
    """Every correction, newest first: who, when, what, and whether it was undone."""
    with Store.open(db_url) as store:
        found = library.corrections(store, document)
    for correction in found:
        if as_json:
            click.echo(json.dumps(correction.to_json(), ensure_ascii=False))
        else:
            state = f"  (undone {correction.undone_at} by {correction.undone_by})" if correction.undone_at else ""
            click.echo(f"{correction.id}\t{correction.created_at}\t{correction.user}\t{correction.kind}\t"
                       f"{json.dumps(correction.target, ensure_ascii=False)} → "
                       f"{json.dumps(correction.value, ensure_ascii=False)}{state}")


@command.command("export")
@db_option
@click.option("--format", "export_format", type=click.Choice(["jsonl"]), default="jsonl", show_default=True,
              help="JSON lines, one training example a line.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here instead of stdout.")
def export(db_url: str | None, export_format: str, output: str | None) -> None:
    """Active corrections as JSON lines of training data: "span" (NKJP-style, with its sentence and the
    names now in it; "negative" for a false entity), "base_form" pairs, "timex" (TIMEX3) pairs,
    "gazetteer" rows, "event" judgements."""
    with Store.open(db_url) as store:
        rendered = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in library.training_rows(store))
    if output is None:
        sys.stdout.write(rendered)
        return
    try:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(rendered)
    except OSError as error:
        raise InputError(f"{output}: cannot write ({error.strerror})") from None
