"""Curated build inputs, validated on load: the table of historically salient places
(``resources/pl/curated_places.tsv``) and the corrections to the coarse 1938 borders
(``resources/pl/borders_1939_corrections.tsv``). The index records their checksums (``input_checksums``)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from kronika.lang.resources import parse_table, read_text

BUILD_INPUTS = ("curated_places.tsv", "borders_1939_corrections.tsv", "country_1939_names.tsv", "exonyms.tsv")
CORRECTION_COLUMNS = ("country_1939", "region", "polygon", "source")
KINDS = frozenset({"settlement", "site", "region", "river", "country", "mountains"})
WIDE_KINDS = frozenset({"region", "river", "mountains"})  # may lie in several countries: continents, seas
COLUMNS = ("name", "aliases", "kind", "lat", "lon", "name_now", "country_now", "source")


@dataclass(frozen=True, slots=True)
class CuratedPlace:
    name: str
    aliases: tuple[str, ...]
    kind: str
    lat: float
    lon: float
    name_now: str
    country_now: str
    source: str


def _coordinates(lat: str, lon: str, where: str) -> tuple[float, float]:
    """A table row's latitude and longitude, in range; ValueError naming ``where`` otherwise."""
    try:
        latitude, longitude = float(lat), float(lon)
    except ValueError as exc:
        raise ValueError(f"{where}: bad coordinates") from exc
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise ValueError(f"{where}: coordinates out of range")
    return latitude, longitude


def load_curated(text: str | None = None) -> list[CuratedPlace]:
    """Parse the table (the packaged one by default); raise ValueError naming the bad line."""
    text = _read("curated_places.tsv") if text is None else text
    rows: list[CuratedPlace] = []
    for number, fields in parse_table(text, "curated_places.tsv", COLUMNS, header=True):
        name, aliases, kind, lat, lon, name_now, country_now, source = fields
        latitude, longitude = _coordinates(lat, lon, f"curated_places.tsv line {number}")
        problems = [
            not name and "empty name",
            kind not in KINDS and f"kind {kind!r} not in {sorted(KINDS)}",
            not (len(country_now) == 2 and country_now.isupper()) and not (country_now == "" and kind in WIDE_KINDS)
            and "country_now must be ISO 3166 alpha-2 (empty only for a region astride countries)",
            not source.strip() and "empty source",
        ]
        reported = [p for p in problems if p]
        if reported:
            raise ValueError(f"curated_places.tsv line {number}: {'; '.join(reported)}")
        rows.append(CuratedPlace(name, tuple(a for a in aliases.split("|") if a), kind, latitude, longitude,
                                 name_now, country_now, source))
    return rows


@dataclass(frozen=True, slots=True)
class BorderCorrection:
    country_1939: str
    region: str
    polygon: tuple[tuple[float, float], ...]  # (lat, lon) vertices
    source: str


def _read(name: str) -> str:
    return read_text("kronika.geo", f"resources/pl/{name}")


def load_border_corrections(text: str | None = None) -> list[BorderCorrection]:
    """Parse the corrections table (the packaged one by default); raise ValueError naming the bad line."""
    text = _read("borders_1939_corrections.tsv") if text is None else text
    rows: list[BorderCorrection] = []
    for number, fields in parse_table(text, "borders_1939_corrections.tsv", CORRECTION_COLUMNS, header=True):
        where = f"borders_1939_corrections.tsv line {number}"
        country, region, polygon, source = fields
        try:
            vertices = tuple((float(lat), float(lon)) for lat, lon in (v.split(",") for v in polygon.split()))
        except ValueError as exc:
            raise ValueError(f"{where}: polygon must be space-separated 'lat,lon' vertices") from exc
        problems = [
            not country and "empty country_1939",
            len(vertices) < 3 and "a polygon needs 3 vertices",
            any(not (-90 <= lat <= 90 and -180 <= lon <= 180) for lat, lon in vertices) and "vertex out of range",
            not source.strip() and "empty source",
        ]
        reported = [p for p in problems if p]
        if reported:
            raise ValueError(f"{where}: {'; '.join(reported)}")
        rows.append(BorderCorrection(country, region, vertices, source))
    return rows


def load_country_names(text: str | None = None) -> tuple[dict[str, str], frozenset[str]]:
    """The borders data's name → the readable 1939 name, and the states the corrections alone assign."""
    text = _read("country_1939_names.tsv") if text is None else text
    renamed: dict[str, str] = {}
    extra: set[str] = set()
    for number, (borders_name, name, source) in parse_table(text, "country_1939_names.tsv",
                                                            ("borders_name", "name_1939", "source"), header=True):
        if not name or not source.strip():
            raise ValueError(f"country_1939_names.tsv line {number}: name_1939 and source must not be empty")
        if borders_name in renamed:
            raise ValueError(f"country_1939_names.tsv line {number}: {borders_name!r} renamed twice")
        if borders_name:
            renamed[borders_name] = name
        else:
            extra.add(name)
    return renamed, frozenset(extra)


@dataclass(frozen=True, slots=True)
class Exonym:
    exonym: str  # the Polish name: Lizbona
    name_now: str  # the GeoNames name it stands for: Lisbon
    country_now: str  # ISO 3166 alpha-2: PT
    source: str


def load_exonyms(text: str | None = None) -> list[Exonym]:
    """Polish exonyms of places outside Poland (``resources/pl/exonyms.tsv``); ValueError names the bad line."""
    text = _read("exonyms.tsv") if text is None else text
    rows: list[Exonym] = []
    for number, fields in parse_table(text, "exonyms.tsv", ("exonym", "name_now", "country_now", "source"),
                                      header=True, non_empty=True):
        exonym, name_now, country_now, source = fields
        if not (len(country_now) == 2 and country_now.isupper()):
            raise ValueError(f"exonyms.tsv line {number}: country_now must be ISO 3166 alpha-2")
        rows.append(Exonym(exonym, name_now, country_now, source))
    return rows


def input_checksums() -> dict[str, str]:
    """``sha256:<file>`` → hex digest of each curated build input, as the index's ``meta`` records them."""
    return {f"sha256:{name}": hashlib.sha256(_read(name).encode("utf-8")).hexdigest() for name in BUILD_INPUTS}


DISTRICT_COLUMNS = ("name", "name_now", "town", "lat", "lon", "source")


@dataclass(frozen=True, slots=True)
class TownDistrict:
    """A district or a suburb of a town, which Polish names with *na* + locative (*na Pradze*)."""

    name: str
    name_now: str  # today's name: the name itself where it did not change
    town: str
    lat: float
    lon: float
    source: str


def load_town_districts(text: str | None = None) -> list[TownDistrict]:
    """Parse ``town_districts.tsv`` (the packaged one by default); raise ValueError naming the bad line."""
    text = _read("town_districts.tsv") if text is None else text
    rows: list[TownDistrict] = []
    for number, fields in parse_table(text, "town_districts.tsv", DISTRICT_COLUMNS, header=True):
        name, name_now, town, lat, lon, source = fields
        latitude, longitude = _coordinates(lat, lon, f"town_districts.tsv line {number}")
        if not (name and town and source.strip()):
            raise ValueError(f"town_districts.tsv line {number}: name, town and source are required")
        rows.append(TownDistrict(name, name_now or name, town, latitude, longitude, source))
    return rows
