"""Where the store lives: ``--db``, else ``$KRONIKA_DB``, else a SQLite file in the user's data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from kronika.config import DB_ENV_VAR
from kronika.errors import KronikaError


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


def resolve_url(url: str | None = None) -> URL:
    """The SQLAlchemy URL for ``url`` (a URL or a plain file path), the environment, or the default.

    ``postgresql://`` URLs get the psycopg 3 driver; a SQLite file's folder is created."""
    raw = url or os.environ.get(DB_ENV_VAR) or default_url()
    if "://" not in raw:
        raw = f"sqlite:///{Path(raw).expanduser().resolve()}"
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
