"""Options shared by the commands: the store (``--db``), ``--json``, the document date (``--dct``), and
where the web application listens (``--host``, ``--port``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import click

from kronika.config import DB_ENV_VAR
from kronika.dates import check_date

F = TypeVar("F", bound=Callable[..., object])


def db_option(function: F) -> F:
    """``--db URL``: the store (``sqlite:///PATH``, ``postgresql://…`` or a file path)."""
    return click.option(
        "--db", "db_url", metavar="URL",
        help=f"Store: sqlite:///PATH, postgresql://USER@HOST/DB or a file path "
             f"[default: ${DB_ENV_VAR}, else a SQLite file in the user data folder].",
    )(function)


def json_option(function: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")(function)


def _valid_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return check_date(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


def dct_option(function: F) -> F:
    """``--dct YYYY-MM-DD``: the document creation date that relative dates are anchored to."""
    return click.option("--dct", callback=_valid_date,
                        help="Document creation date YYYY-MM-DD (a JSONL line's own dct wins).")(function)


def host_option(function: F) -> F:
    return click.option("--host", default="127.0.0.1", show_default=True,
                        help="Address to listen on; anything but loopback exposes the store to the network.")(function)


def port_option(function: F) -> F:
    return click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
                        help="Port to listen on (0: any free port).")(function)


def time_limit_option(function: F) -> F:
    """``--time-limit SECONDS``: stop a document whose analysis runs longer, with a clean error."""
    return click.option("--time-limit", "time_limit_seconds", type=click.FloatRange(min=0), metavar="SECONDS",
                        help="Per-document analysis time limit in seconds, 0 for none [default: "
                             "$KRONIKA_TIME_LIMIT, else 60 s plus 1 s per 5,000 characters].")(function)
