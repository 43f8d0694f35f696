"""The state a place belonged to on a date (``resources/pl/states_by_date.tsv``): *Wiedeń* is in the
Austrian Empire in 1863, in Austria in 1925 and in Germany in 1939; *Poznań* is Prussian in 1850.

The gazetteer stores each place's state of August 1939 (``country_1939``) and today's (``country_now``);
the table says, for ranges of dates, which state held the places of a country today, of a state of 1939
or inside a polygon (the partitions of Poland, Galicia, Alsace-Lorraine). A continent or a sea belongs to
no state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kronika.geo.curated import WIDE_KINDS
from kronika.geo.index import Place
from kronika.lang.resources import read_table

COLUMNS = ("state", "from", "until", "country_now", "country_1939", "polygon", "source")
COPIED = {"=1939", "=now"}  # the state is the place's own country_1939 / country_now
ACROSS_BORDERS = frozenset({"river", "mountains"})  # a river or a range seldom lies in one state
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


@dataclass(frozen=True, slots=True)
class StateRule:
    state: str | None  # None: no single state held the place then
    start: str  # ISO date, "" for open
    until: str  # ISO date (exclusive), "" for open
    countries_now: frozenset[str]
    countries_1939: frozenset[str]
    polygon: tuple[tuple[float, float], ...]  # (lat, lon) vertices; empty: anywhere

    def matches(self, place: Place, date: str) -> bool:
        return ((not self.start or self.start <= date) and (not self.until or date < self.until)
                and (not self.countries_now or place.country_now in self.countries_now)
                and (not self.countries_1939 or place.country_1939 in self.countries_1939)
                and (not self.polygon or inside(self.polygon, place.lat, place.lon)))

    def state_of(self, place: Place) -> str | None:
        if self.state == "=1939":
            return place.country_1939
        if self.state == "=now":
            return place.country_now
        return self.state


def inside(polygon: tuple[tuple[float, float], ...], lat: float, lon: float) -> bool:
    """Ray casting: whether the point lies inside the polygon of (lat, lon) vertices."""
    found = False
    for (lat1, lon1), (lat2, lon2) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
        if (lat1 > lat) != (lat2 > lat) and lon < lon1 + (lat - lat1) * (lon2 - lon1) / (lat2 - lat1):
            found = not found
    return found


def _names(field: str) -> frozenset[str]:
    return frozenset(name for name in field.split("|") if name)


@lru_cache(maxsize=1)
def state_rules() -> tuple[StateRule, ...]:
    """The table's rows in order, validated on load (a bad row raises ValueError naming its line)."""
    rules = []
    for number, (state, start, until, now, in_1939, polygon, source) in read_table(
            "kronika.geo", "resources/pl/states_by_date.tsv", COLUMNS, header=True):
        where = f"states_by_date.tsv line {number}"
        try:
            vertices = tuple((float(a), float(b)) for a, b in (v.split(",") for v in polygon.split()))
        except ValueError as exc:
            raise ValueError(f"{where}: polygon must be space-separated 'lat,lon' vertices") from exc
        problems = [
            any(d and not _DATE.fullmatch(d) for d in (start, until)) and "dates must be YYYY-MM-DD or empty",
            start and until and start >= until and "from must come before until",
            0 < len(vertices) < 3 and "a polygon needs 3 vertices",
            state.startswith("=") and state not in COPIED and f"a copied state is one of {sorted(COPIED)}",
            not source.strip() and "empty source",
        ]
        reported = [p for p in problems if p]
        if reported:
            raise ValueError(f"{where}: {'; '.join(reported)}")
        rules.append(StateRule(state or None, start, until, _names(now), _names(in_1939), vertices))
    return tuple(rules)


def full_date(value: str | None) -> str | None:
    """A document date as ``YYYY-MM-DD``: a year alone stands for its middle, a month for its middle."""
    match = _PARTIAL_DATE.match(value or "")
    if not match:
        return None
    year, month, day = match.groups()
    return f"{year}-{month or '07'}-{day or ('15' if month else '01')}"


def country_then(place: Place, date: str) -> str | None:
    """The state that held ``place`` on ``date`` (``YYYY-MM-DD``), or None when unknown or stateless."""
    if place.kind in ACROSS_BORDERS or place.kind in WIDE_KINDS and not place.country_now:
        return None  # a river, a mountain range, a continent or a sea
    for rule in state_rules():
        if rule.matches(place, date):
            return rule.state_of(place)
    return None
