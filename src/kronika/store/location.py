"""Where the store lives: ``--db``, else ``$KRONIKA_DB``, else a SQLite file in the user's data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kronika.config import DB_ENV_VAR
from kronika.errors import KronikaError

if TYPE_CHECKING:
    from sqlalchemy.engine import URL


def data_dir() -> Path:
    """The per-user data folder (XDG on Linux, Application Support on macOS, LOCALAPPDATA on Windows)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "kronika"


def default_url() -> str:
    return f"sqlite:///{data_dir() / 'kronika.sqlite'}"


def requested_url(url: str | None = None) -> str:
    """``url`` (a URL or a plain file path, made a ``sqlite:///`` URL), the environment's, or the default."""
    raw = url or os.environ.get(DB_ENV_VAR) or default_url()
    return raw if "://" in raw else f"sqlite:///{Path(raw).expanduser().resolve()}"


def sqlite_file(url: str) -> Path | None:
    """The file of a plain ``sqlite:///PATH`` URL (no options, not in memory), read without SQLAlchemy;
    None for any other URL."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or any(c in url for c in "?%#"):
        return None
    path = url[len(prefix):]
    return Path(path) if path and path != ":memory:" else None


def resolve_url(url: str | None = None) -> URL:
    """The SQLAlchemy URL for ``url`` (see :func:`requested_url`).

    ``postgresql://`` URLs get the psycopg 3 driver; a SQLite file's folder is created."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    raw = requested_url(url)
    try:
        parsed = make_url(raw)
    except ArgumentError:
        raise KronikaError(f"not a database URL: {raw!r} (use sqlite:///PATH or postgresql://...)") from None
    if parsed.drivername in {"postgresql", "postgres"}:
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() == "sqlite" and parsed.database and parsed.database != ":memory:":
        folder = Path(parsed.database).expanduser().parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise KronikaError(f"cannot create the store's folder {folder}: {error.strerror}") from None
    elif parsed.get_backend_name() not in {"sqlite", "postgresql"}:
        raise KronikaError(f"unsupported database {parsed.get_backend_name()!r}: use SQLite or PostgreSQL")
    return parsed
