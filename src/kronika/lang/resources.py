"""Reading the packaged language data (``<package>/resources/<language>/*.tsv|txt``): the one reader
every stage uses, with the language as a parameter (Polish, ``"pl"``, is the only one so far).

Every data file has one layout: ``#`` comment lines (the header names the source and licence), blank
lines, and data lines of tab-separated fields. These helpers read that layout and check its shape; each
loader keeps its own checks of what the fields mean. Errors name the file and the line:
``"{file} line {n}: …"``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from importlib import resources
from typing import NamedTuple


class Row(NamedTuple):
    number: int  # the line in the file, for error messages
    fields: list[str]


def read_text(package: str, relative_path: str) -> str:
    """A data file shipped in ``package``: ``read_text("kronika.ner", "resources/pl/titles.txt")``."""
    return resources.files(package).joinpath(relative_path).read_text("utf-8")


def data_lines(text: str) -> Iterator[tuple[int, str]]:
    """``(line number, line)`` of every line that is neither blank nor a ``#`` comment, as written."""
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            yield number, line


def parse_table(text: str, name: str, columns: int | Sequence[str] | None = None, *, header: bool = False,
                non_empty: bool = False) -> list[Row]:
    """The tab-separated rows of ``text`` (the file ``name``).

    ``columns`` is how many fields a row has, or the column names; ``None`` leaves the count to the caller.
    With ``header`` the first data line must be the column names (it is not returned); ``non_empty`` rejects
    empty fields. ``ValueError`` names the file and line."""
    names = tuple(columns) if columns is not None and not isinstance(columns, int) else None
    count = len(names) if names is not None else columns
    if header and names is None:
        raise TypeError("a table with a header needs its column names")
    rows: list[Row] = []
    header_seen = not header
    for number, line in data_lines(text):
        fields = line.split("\t")
        if not header_seen:
            if tuple(fields) != names:
                raise ValueError(f"{name} line {number}: header must be {'<TAB>'.join(names or ())}")
            header_seen = True
            continue
        if count is not None and len(fields) != count:
            expected = "<TAB>".join(names) if names is not None else f"{count} tab-separated fields"
            raise ValueError(f"{name} line {number}: {len(fields)} fields, expected {expected}")
        if non_empty and not all(fields):
            raise ValueError(f"{name} line {number}: empty field")
        rows.append(Row(number, fields))
    if not header_seen:
        raise ValueError(f"{name}: no header")
    return rows


def read_table(package: str, relative_path: str, columns: int | Sequence[str] | None = None, *,
               header: bool = False, non_empty: bool = False) -> list[Row]:
    """:func:`parse_table` of a data file shipped in ``package``, errors naming the file by its base name."""
    name = relative_path.rsplit("/", 1)[-1]
    return parse_table(read_text(package, relative_path), name, columns, header=header, non_empty=non_empty)


def language_text(package: str, name: str, language: str = "pl") -> str:
    """The data file ``name`` of ``language`` shipped in ``package``: ``resources/<language>/<name>``."""
    return read_text(package, f"resources/{language}/{name}")


def language_lines(package: str, name: str, language: str = "pl") -> Iterator[tuple[int, str]]:
    """:func:`data_lines` of the data file ``name`` of ``language`` shipped in ``package``."""
    return data_lines(language_text(package, name, language))
