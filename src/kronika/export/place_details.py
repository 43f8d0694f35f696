"""What the gazetteer knows about a stored place beyond its coordinates: its 1939 country, today's country
code, its kind (as a Getty AAT concept) and its GeoNames id — for LPF features and RDF places; and the
states it belonged to on the dates of the documents naming it."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from kronika.geo import Place, candidates
from kronika.geo.states import country_then, full_date
from kronika.lang.resources import read_table
from kronika.store import EntityRecord

if TYPE_CHECKING:
    from kronika.export.snapshot import StoreSnapshot

SAME_PLACE_KM = 2.0  # the store keeps the chosen gazetteer entry's coordinates; rounding stays far below this


@dataclass(frozen=True)
class PlaceType:
    kind: str
    aat_id: str | None
    label: str


@dataclass(frozen=True)
class PlaceDetails:
    country_1939: str | None
    country_now: str | None
    country_code: str | None  # ISO 3166-1 alpha-2, today
    type: PlaceType | None
    geonames_id: int | None


@lru_cache(maxsize=1)
def aat_place_types() -> dict[str, PlaceType]:
    """``resources/aat_place_types.tsv``: gazetteer kind → AAT concept, validated on load."""
    types: dict[str, PlaceType] = {}
    rows = read_table("kronika.export", "resources/aat_place_types.tsv", 3, non_empty=True)
    for number, (kind, aat_id, label) in rows:
        if not aat_id.isdigit() or kind in types:
            raise ValueError(f"aat_place_types.tsv line {number}: repeated kind or non-numeric AAT id")
        types[kind] = PlaceType(kind, aat_id, label)
    return types


@lru_cache(maxsize=1)
def country_codes() -> dict[str, str]:
    """``resources/country_codes.tsv`` (from ``scripts/build_country_codes.py``): name → ISO code."""
    codes: dict[str, str] = {}
    for number, (name, code) in read_table("kronika.export", "resources/country_codes.tsv", 2, non_empty=True):
        if len(code) != 2 or not code.isupper() or name in codes:
            raise ValueError(f"country_codes.tsv line {number}: repeated name or not an ISO alpha-2 code")
        codes[name] = code
    return codes


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    # An equirectangular approximation: exact enough to tell one place from another a few km away.
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))


def gazetteer_place(entity: EntityRecord) -> Place | None:
    """The gazetteer entry at the stored coordinates, found by the place's base form or today's name."""
    geo = entity.geo or {}
    lat, lon = geo.get("lat"), geo.get("lon")
    if lat is None or lon is None:
        return None
    return _gazetteer_entry(entity.lemma, geo.get("name"), float(lat), float(lon))


@lru_cache(maxsize=65_536)  # the gazetteer never changes in a process; a map or an export asks for every place
def _gazetteer_entry(lemma: str, name_now: str | None, lat: float, lon: float) -> Place | None:
    for name in dict.fromkeys(n for n in (lemma, name_now) if n):
        for place in candidates(name):
            if _distance_km(lat, lon, place.lat, place.lon) <= SAME_PLACE_KM:
                return place
    return None


def place_details(entity: EntityRecord) -> PlaceDetails | None:
    place = gazetteer_place(entity)
    if place is None:
        return None
    kind = aat_place_types().get(place.kind) or PlaceType(place.kind, None, place.kind)
    return PlaceDetails(place.country_1939, place.country_now, country_codes().get(place.country_now or ""), kind,
                        place.geonames_id)


def states_then(snapshot: StoreSnapshot, entity: EntityRecord) -> dict[str, list[str]]:
    """The state that held the place on the date of each document naming it → those dates, in date order:
    Lwów → {"Austria-Hungary": ["1902-11-29"], "Poland": ["1936-09-01"]}. The state is looked up once
    per distinct date."""
    place = gazetteer_place(entity)
    if place is None:
        return {}
    days: dict[str, list[str]] = {}
    for dct in snapshot.dates_naming(entity.ref):
        date = full_date(dct)
        if date and (state := country_then(place, date)):
            days.setdefault(state, []).append(dct)  # dates come sorted, so states come by their first date
    return days
