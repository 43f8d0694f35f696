"""Options shared by the commands that use the store (``ingest``, ``search``, ``conflicts``, ``ask``…)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import click

from kronika.store.location import ENV_VAR

F = TypeVar("F", bound=Callable[..., object])


def db_option(function: F) -> F:
    """``--db URL``: the store (``sqlite:///PATH``, ``postgresql://…`` or a file path)."""
    return click.option(
        "--db", "db_url", metavar="URL",
        help=f"Store: sqlite:///PATH, postgresql://USER@HOST/DB or a file path "
             f"[default: ${ENV_VAR}, else a SQLite file in the user data folder].",
    )(function)


def json_option(function: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")(function)
