"""``kronika lemmatize``: base forms (nominative, as a name is cited) of names and phrases."""

from __future__ import annotations

import sys

import click

from kronika.errors import InputError
from kronika.morph.lemmatize import CONVENTIONS, lemmatize_phrase


def _read_lines(path: str) -> list[str]:
    try:
        if path == "-":
            return sys.stdin.read().splitlines()
        with open(path, encoding="utf-8") as handle:
            return handle.read().splitlines()
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}") from error
    except UnicodeDecodeError as error:
        raise InputError(f"{path} is not UTF-8 text") from error


@click.command()
@click.argument("phrases", nargs=-1)
@click.option("--file", "path", help="Read phrases from this file (one a line; - for stdin).")
@click.option("--category", help="Category hint: PERSON, PLACE, ORGANIZATION, MILITARY_UNIT, ... or NKJP/KPWr.")
@click.option("--convention", type=click.Choice(CONVENTIONS), default="kronika", show_default=True,
              help="How names are cited: kronika (ulica Wilanowska, Tatarzy) or poleval (wilanowski, Tatar).")
def command(phrases: tuple[str, ...], path: str | None, category: str | None, convention: str) -> None:
    """Print the base form of each PHRASE (and each line of --file), one a line, in order."""
    lines = list(phrases) + (_read_lines(path) if path else [])
    for line in lines:
        # one output line per input line, always: a blank line stays blank
        click.echo(lemmatize_phrase(line, category, convention) if line.strip() else "")
