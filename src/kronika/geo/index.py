"""Read-only access to the prebuilt gazetteer (``data/gazetteer.sqlite``, built by
``scripts/build_gazetteer.py``). The file is opened on first use, so importing costs nothing."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from kronika.errors import KronikaError

CANDIDATE_LIMIT = 20  # a key such as "nowa wies" names hundreds of villages; the most salient suffice


@dataclass(slots=True)  # not frozen: frozen dataclasses cost 3x to build, and look-ups build many
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
    feature: str | None  # PRNG "city"/"village", GeoNames "P", or the curated kind
    population: int | None
    admin: str | None  # PRNG district (powiat)
    geonames_id: int | None
    prng_id: int | None
    curated_source: str | None  # the curated row's reference
    salience: float  # log10(population) plus curated / exonym bonuses, the prior of disambiguation
    km_to_poland_1939: int | None  # 0 inside Poland's 1939 borders (as the coarse data draws them), None if far

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


_QUERY = """
SELECT p.id, p.name, COALESCE(p.name_now, p.name), p.lat_e5, p.lon_e5, p.country_now, p.border_1939,
       COALESCE(p.kind, 'settlement'), COALESCE(p.feature, 'P'), p.population, p.admin, p.geonames_id,
       p.prng_id, p.curated_source, p.salience_e2, p.km_to_poland_1939, k.inflected
FROM place_key k JOIN place p ON p.id = k.place WHERE k.key = ? ORDER BY p.salience_e2 DESC LIMIT ?"""
_BATCH_QUERY = _QUERY.replace("SELECT ", "SELECT k.key, ", 1).replace(
    "WHERE k.key = ? ORDER BY p.salience_e2 DESC LIMIT ?", "WHERE k.key IN ({}) ORDER BY p.salience_e2 DESC")
_BATCH = 500  # keys per query, under SQLite's variable limit
_MMAP_BYTES = 64 << 20  # the whole index, mapped: look-ups cost no read() calls


def default_index_path() -> Path:
    return Path(str(resources.files("kronika.geo").joinpath("data/gazetteer.sqlite")))


class Gazetteer:
    """Folded key → places, through one read-only SQLite connection opened lazily."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_index_path()
        self._connection: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._countries: dict[str, str] = {}
        self._borders: dict[int, str] = {}
        self._cached_lookup = lru_cache(maxsize=50_000)(self._lookup)

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None:
            if not self.path.exists():
                raise KronikaError(f"gazetteer index missing: {self.path} (run scripts/build_gazetteer.py)")
            uri = f"{self.path.resolve().as_uri()}?mode=ro&immutable=1"
            connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
            connection.execute(f"PRAGMA mmap_size = {_MMAP_BYTES}")
            self._countries = dict(connection.execute("SELECT code, name FROM country"))
            self._borders = dict(connection.execute("SELECT id, name FROM border_1939"))
            self._connection = connection
        return self._connection

    def _place(self, row: tuple[Any, ...]) -> Place:
        place_id, name, name_now, lat, lon, country, border, kind, feature, population, admin = row[:11]
        return Place(place_id, name, name_now, lat / 1e5, lon / 1e5, self._countries.get(country, country),
                     self._borders.get(border), kind, feature, population, admin, row[11], row[12], row[13],
                     row[14] / 100, row[15])

    def lookup(self, key: str) -> tuple[tuple[Place, bool], ...]:
        """Places indexed under one folded key, most salient first, each with whether the key is
        one of its case forms (*grodna*) rather than one of its names. Cached: texts repeat names."""
        return self._cached_lookup(key)

    def lookup_many(self, keys: list[str]) -> dict[str, tuple[tuple[Place, bool], ...]]:
        """``lookup`` for many keys in few queries (a document's names, a command line's)."""
        found: dict[str, list[tuple[Place, bool]]] = {k: [] for k in keys}
        distinct = list(found)
        for start in range(0, len(distinct), _BATCH):
            chunk = distinct[start:start + _BATCH]
            with self._lock:
                rows = self._connect().execute(_BATCH_QUERY.format(",".join("?" * len(chunk))), chunk).fetchall()
            for row in rows:
                matches = found[row[0]]
                if len(matches) < CANDIDATE_LIMIT:
                    matches.append((self._place(row[1:]), bool(row[-1])))
        return {k: tuple(v) for k, v in found.items()}

    def _lookup(self, key: str) -> tuple[tuple[Place, bool], ...]:
        with self._lock:
            rows = self._connect().execute(_QUERY, (key, CANDIDATE_LIMIT)).fetchall()
        return tuple((self._place(row), bool(row[-1])) for row in rows)

    def meta(self) -> dict[str, str]:
        with self._lock:
            return dict(self._connect().execute("SELECT name, value FROM meta").fetchall())


_default: Gazetteer | None = None


def get_gazetteer() -> Gazetteer:
    global _default
    if _default is None:
        _default = Gazetteer()
    return _default
