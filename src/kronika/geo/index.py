"""Read-only access to the prebuilt gazetteer (``data/gazetteer.sqlite``, built by
``scripts/build_gazetteer.py``). Importing costs nothing; each column is read on first use.

The index is columnar: the SQLite file holds one blob per column (``packed`` table) plus small tables
naming the coded values. Texts (keys, names) are concatenated UTF-8 with an array of start offsets, so
loading them is one copy, not 100,000 strings; keys are found through an open-addressing hash table
(CRC-32 of the key, linear probing). A look-up is then a few array reads, with no SQL per name: a
per-name query alone costs more than the 20 µs a look-up may take at 50,000 names/s.
"""

from __future__ import annotations

import math
import sqlite3
import sys
import threading
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple
from zlib import crc32

from kronika.errors import KronikaError

CANDIDATE_LIMIT = 20  # a key such as "nowa wies" names hundreds of villages; the most salient suffice
NONE = -1  # "no value" in the integer columns and empty hash slots
# Column → array typecode (the smallest that holds the values). The two texts ("keys", "name") each
# come with a "<text>_start" offsets column; today's names, where they differ, are a small table.
ARRAY_COLUMNS = {
    "lat_e5": "i", "lon_e5": "i", "salience_e2": "h", "km_to_poland_1939": "h", "population": "i",
    "geonames_id": "i", "prng_id": "i", "country_now": "h", "border_1939": "h", "district": "h", "kind": "b",
    "postings": "i", "postings_start": "i", "key_slots": "i", "keys_start": "i", "name_start": "i",
}
TEXT_COLUMNS = ("keys", "name")
CODE_TABLES = ("country", "border_1939", "district", "kind", "curated_source", "name_now")  # id → name


def key_slot(key: bytes, slots: int) -> int:
    """First hash-table slot of a UTF-8 key; ``slots`` is a power of two."""
    return crc32(key) & (slots - 1)


class Hit(NamedTuple):
    """A place indexed under a key, with what ranking needs."""

    id: int
    inflected: int  # 1 when the key is one of the place's case forms (*grodna*), not one of its names
    name: str
    name_now: str
    salience: float
    km_to_poland_1939: int | None
    lat: float
    lon: float


@dataclass(slots=True)  # not frozen: frozen dataclasses cost 3x to build
class Place:
    """One gazetteer entry. ``name`` is the Polish name a 1939 text uses, ``name_now`` today's."""

    id: int
    name: str
    name_now: str
    lat: float
    lon: float
    country_now: str | None
    country_1939: str | None
    kind: str  # settlement, site, region, river, country, mountains
    population: int | None
    admin: str | None  # PRNG district (powiat)
    geonames_id: int | None
    prng_id: int | None
    curated_source: str | None  # the curated row's reference
    salience: float  # log10(population) plus curated / exonym bonuses, the prior of disambiguation
    km_to_poland_1939: int | None  # 0 inside Poland's 1939 borders, None if far

    @property
    def source(self) -> str:
        """``+``-joined origins: ``curated:<reference>``, ``geonames:<id>``, ``prng:<id>``."""
        origins = [f"curated:{self.curated_source}" if self.curated_source else "",
                   f"geonames:{self.geonames_id}" if self.geonames_id else "",
                   f"prng:{self.prng_id}" if self.prng_id else ""]
        return "+".join(o for o in origins if o)

    def to_geo(self) -> dict[str, Any]:
        """The contract's ``geo`` object for an entity."""
        return {
            "lat": self.lat, "lon": self.lon, "name": self.name_now, "name_pl": self.name,
            "country_1939": self.country_1939, "country_now": self.country_now, "source": self.source,
            "geonames_id": self.geonames_id, "kind": self.kind,
        }


_new_tuple = tuple.__new__  # builds a Hit in half the time of NamedTuple's Python-level __new__


def default_index_path() -> Path:
    return Path(__file__).parent / "data" / "gazetteer.sqlite"


def _optional(value: int) -> int | None:
    return None if value == NONE else value


class _Columns:
    """The loaded index: one attribute per column (arrays and UTF-8 texts), and the code tables."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        blobs = dict(connection.execute("SELECT name, data FROM packed"))
        swap = dict(connection.execute("SELECT name, value FROM meta")).get("byteorder") != sys.byteorder
        for column, typecode in ARRAY_COLUMNS.items():
            values = array(typecode)
            values.frombytes(blobs[column])
            if swap:
                values.byteswap()
            setattr(self, column, values)
        for column in TEXT_COLUMNS:
            setattr(self, column, blobs[column])
        self.codes = {table: dict(connection.execute(f"SELECT id, name FROM {table}")) for table in CODE_TABLES}
        # What a look-up reads, in one tuple: unpacking it beats a dozen attribute reads per look-up.
        self.for_hits = (self.key_slots, self.keys_start, self.keys, self.postings_start, self.postings, self.name,
                         self.name_start, self.codes["name_now"], self.salience_e2, self.km_to_poland_1939,
                         self.lat_e5, self.lon_e5)

    def __getattr__(self, column: str) -> Any:  # the columns set in __init__, for the type checker
        raise AttributeError(column)


class Gazetteer:
    """Folded key → places, from the columnar index loaded on first use."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_index_path()
        self._columns: _Columns | None = None
        self._lock = threading.Lock()
        self._meta: dict[str, str] | None = None
        self.hits = lru_cache(maxsize=50_000)(self._hits)  # texts repeat names

    def _connect(self) -> sqlite3.Connection:
        if not self.path.exists():
            raise KronikaError(f"gazetteer index missing: {self.path} (run scripts/build_gazetteer.py)")
        return sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)

    def _load(self) -> _Columns:
        with self._lock:
            if self._columns is None:
                connection = self._connect()
                try:
                    self._columns = _Columns(connection)
                except (sqlite3.Error, KeyError) as exc:
                    raise KronikaError(f"gazetteer index {self.path} is not in the current format: rebuild it") from exc
                finally:
                    connection.close()
            return self._columns

    def _hits(self, key: str) -> tuple[Hit, ...]:
        """Places indexed under one folded key, most salient first (ids follow salience)."""
        return self._postings(key, 0, CANDIDATE_LIMIT)

    def _postings(self, key: str, first: int, last: int) -> tuple[Hit, ...]:
        """The key's places from its ``first`` to before its ``last`` in salience order."""
        (slots, keys_start, keys, postings_start, postings, names, name_start, names_now, salience, km, lat,
         lon) = (self._columns or self._load()).for_hits
        wanted = key.encode("utf-8")
        mask = len(slots) - 1
        slot = crc32(wanted) & mask  # key_slot, inlined
        while (found := slots[slot]) != NONE and keys[keys_start[found]:keys_start[found + 1]] != wanted:
            slot = (slot + 1) & mask
        if found == NONE:
            return ()
        start, end = postings_start[found], postings_start[found + 1]
        hits = []
        for posting in postings[start + first:min(end, start + last)]:
            i = posting >> 1
            name = names[name_start[i]:name_start[i + 1]].decode("utf-8")
            hits.append(_new_tuple(Hit, (i, posting & 1, name, names_now.get(i, name), salience[i] / 100,
                                         None if km[i] == NONE else km[i], lat[i] / 1e5, lon[i] / 1e5)))
        return tuple(hits)

    def hits_near(self, key: str, points: Sequence[tuple[float, float]], km: float) -> tuple[Hit, ...]:
        """The key's places beyond the ``CANDIDATE_LIMIT`` most salient that lie within ``km`` of one of the
        ``points`` (lat, lon): the village of a common name next to the places a text names (one of hundreds
        of *Zalesie*)."""
        if not points:
            return ()
        near = []
        for hit in self._postings(key, CANDIDATE_LIMIT, 1 << 30):
            for lat, lon in points:
                dy = hit.lat - lat
                dx = (hit.lon - lon) * math.cos(math.radians(lat))
                if 111.2 * math.hypot(dx, dy) <= km:
                    near.append(hit)
                    break
        return tuple(near)

    def hits_many(self, keys: list[str]) -> dict[str, tuple[Hit, ...]]:
        """``hits`` for many keys (a document's names, a command line's)."""
        return {key: self._hits(key) for key in dict.fromkeys(keys)}

    def place(self, hit: Hit) -> Place:
        """The full place of a hit."""
        c = self._columns or self._load()
        i, codes = hit.id, c.codes
        return Place(
            i, hit.name, hit.name_now, hit.lat, hit.lon, codes["country"].get(c.country_now[i]),
            codes["border_1939"].get(c.border_1939[i]), codes["kind"].get(c.kind[i], "settlement"),
            _optional(c.population[i]), codes["district"].get(c.district[i]), _optional(c.geonames_id[i]),
            _optional(c.prng_id[i]), codes["curated_source"].get(i), hit.salience, hit.km_to_poland_1939)

    def places(self, key: str) -> list[Place]:
        """The places indexed under one folded key, most salient first."""
        return [self.place(hit) for hit in self.hits(key)]

    def __len__(self) -> int:
        return len((self._columns or self._load()).name_start) - 1

    def names(self) -> list[str]:
        """Every place's Polish name, by id."""
        c = self._columns or self._load()
        return [c.name[c.name_start[i]:c.name_start[i + 1]].decode("utf-8") for i in range(len(self))]

    def meta(self) -> dict[str, str]:
        if self._meta is None:
            connection = self._connect()
            try:
                self._meta = dict(connection.execute("SELECT name, value FROM meta").fetchall())
            finally:
                connection.close()
        return self._meta


_default: Gazetteer | None = None


def get_gazetteer() -> Gazetteer:
    global _default
    if _default is None:
        _default = Gazetteer()
    return _default
