"""Plain SQL on either back end: the store's reads on the way to an answer (search, citations, documents,
the fingerprint) are written once as SQL that SQLite and PostgreSQL both understand, and run on a
connection of the standard library's ``sqlite3`` (a SQLite file) or of SQLAlchemy (PostgreSQL, SQLite in
memory, and inside a writing transaction). So ``kronika ask`` and ``kronika search`` on a SQLite store
answer without importing SQLAlchemy (about half of their start-up).

Values are bound by name (``:p0``), the style both drivers accept; ``"end"`` is a reserved word and
always quoted.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Connection

MMAP_BYTES = 1 << 30  # address space, not memory: the file's pages stay in the operating system's cache
CACHE_KIB = 32 * 1024  # each connection's own page cache, at most


class Params(dict[str, Any]):
    """The values bound to one statement, named in the order they are added."""

    def __call__(self, value: Any) -> str:
        """The placeholder of one more value."""
        name = f"p{len(self)}"
        self[name] = value
        return f":{name}"

    def many(self, values: Iterable[Any]) -> str:
        """A parenthesised list of placeholders for ``IN``; ``(NULL)``, which matches nothing, when empty
        (PostgreSQL has no empty list)."""
        placeholders = [self(value) for value in values]
        return f"({', '.join(placeholders)})" if placeholders else "(NULL)"


def fetch(connection: sqlite3.Connection | Connection, sql: str, params: dict[str, Any] | None = None
         ) -> list[Sequence[Any]]:
    """Every row of a query, as tuples."""
    if isinstance(connection, sqlite3.Connection):
        return connection.execute(sql, params or {}).fetchall()
    from sqlalchemy import text

    return list(connection.execute(text(sql), params or {}).all())


def dialect(connection: sqlite3.Connection | Connection) -> str:
    """``sqlite`` or ``postgresql``."""
    return "sqlite" if isinstance(connection, sqlite3.Connection) else connection.dialect.name


def set_sqlite_pragmas(connection: sqlite3.Connection, _record: Any = None) -> None:
    """What every SQLite connection of the store sets first (also SQLAlchemy's, as its ``connect`` hook)."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA busy_timeout = 30000")
    # reading: a search ranks and joins hundreds of sentences at random places of the file, and a
    # connection's default page cache (2 MB) holds few of them; pages mapped from the operating system's
    # cache are shared by all connections and need no copy
    cursor.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
    cursor.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    cursor.close()


def driver_error(error: BaseException) -> BaseException | None:
    """The database driver's own error when ``error`` is a failure of the database (raised by ``sqlite3``
    or wrapped by SQLAlchemy), else None. SQLAlchemy's errors are only looked for once it is imported:
    before that, nothing can have raised one."""
    if isinstance(error, sqlite3.Error):
        return error
    exceptions = sys.modules.get("sqlalchemy.exc")
    if exceptions is not None and isinstance(error, exceptions.DBAPIError):
        return error.orig
    return None


def is_integrity_error(error: BaseException) -> bool:
    """A constraint violated: a broken analysis or a concurrent writer, not a fault of the store."""
    exceptions = sys.modules.get("sqlalchemy.exc")
    return isinstance(error, sqlite3.IntegrityError) or (
        exceptions is not None and isinstance(error, exceptions.IntegrityError))
