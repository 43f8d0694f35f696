"""The curated table of historically salient places (``resources/pl/curated_places.tsv``), validated."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

KINDS = frozenset({"settlement", "site", "region", "river", "country", "mountains"})
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


def load_curated(text: str | None = None) -> list[CuratedPlace]:
    """Parse the table (the packaged one by default); raise ValueError naming the bad line."""
    if text is None:
        path = resources.files("kronika.geo").joinpath("resources/pl/curated_places.tsv")
        text = path.read_text("utf-8")
    rows: list[CuratedPlace] = []
    header_seen = False
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            if tuple(fields) != COLUMNS:
                raise ValueError(f"curated_places.tsv line {number}: header must be {COLUMNS}")
            header_seen = True
            continue
        if len(fields) != len(COLUMNS):
            raise ValueError(f"curated_places.tsv line {number}: {len(fields)} fields, {len(COLUMNS)} expected")
        name, aliases, kind, lat, lon, name_now, country_now, source = fields
        try:
            latitude, longitude = float(lat), float(lon)
        except ValueError as exc:
            raise ValueError(f"curated_places.tsv line {number}: bad coordinates") from exc
        problems = [
            not name and "empty name",
            kind not in KINDS and f"kind {kind!r} not in {sorted(KINDS)}",
            not -90 <= latitude <= 90 and "latitude out of range",
            not -180 <= longitude <= 180 and "longitude out of range",
            not (len(country_now) == 2 and country_now.isupper()) and "country_now must be ISO 3166 alpha-2",
            not source.strip() and "empty source",
        ]
        reported = [p for p in problems if p]
        if reported:
            raise ValueError(f"curated_places.tsv line {number}: {'; '.join(reported)}")
        rows.append(CuratedPlace(name, tuple(a for a in aliases.split("|") if a), kind, latitude, longitude,
                                 name_now, country_now, source))
    if not header_seen:
        raise ValueError("curated_places.tsv: no header")
    return rows
