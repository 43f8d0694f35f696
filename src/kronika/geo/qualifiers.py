"""Qualifiers of town names: a regional adjective (*Drohiczyn Poleski*, *Drohiczynie Poleskim*) or a
river phrase (*Frankfurt nad Odrą*). When the full name is not in the gazetteer, the resolver looks up
the head alone and keeps the head's namesakes inside the region (``resources/pl/regional_qualifiers.tsv``)
or, for a river, those whose name names it (*Frankfurt (Oder)*)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kronika.lang.grammar import prepositions_in_place_names
from kronika.lang.resources import parse_table, read_text

COLUMNS = ("adjective", "region", "lat", "lon", "radius_km", "source")
# Case endings of -ski/-cki adjectives, for qualifiers Morfeusz does not know: Koszyrskim -> koszyrski.
_ADJECTIVE_ENDING = re.compile(r"([sc]k)(?:i|a|ie|iego|iej|im|iemu|ą|ich|imi)$")


@dataclass(frozen=True, slots=True)
class Region:
    adjective: str
    name: str
    lat: float
    lon: float
    radius_km: float
    source: str


def load_regions(text: str | None = None) -> dict[str, Region]:
    """Parse the table (the packaged one by default), keyed by adjective; ValueError names the bad line."""
    if text is None:
        text = read_text("kronika.geo", "resources/pl/regional_qualifiers.tsv")
    regions: dict[str, Region] = {}
    for number, fields in parse_table(text, "regional_qualifiers.tsv", COLUMNS, header=True):
        adjective, name, lat, lon, radius, source = fields
        try:
            region = Region(adjective, name, float(lat), float(lon), float(radius), source)
        except ValueError as exc:
            raise ValueError(f"regional_qualifiers.tsv line {number}: bad number") from exc
        problems = [
            not _ADJECTIVE_ENDING.search(adjective) and "adjective must be a -ski/-cki lemma",
            not (-90 <= region.lat <= 90 and -180 <= region.lon <= 180) and "coordinates out of range",
            not 0 < region.radius_km <= 1000 and "radius_km must be in (0, 1000]",
            not source.strip() and "empty source",
        ]
        reported = [p for p in problems if p]
        if reported:
            raise ValueError(f"regional_qualifiers.tsv line {number}: {'; '.join(reported)}")
        regions[adjective] = region
    return regions


@dataclass(frozen=True, slots=True)
class Qualified:
    head: str  # the name without its qualifier, as written: "Drohiczynie"
    region: Region | None  # for a regional adjective
    river: str | None  # for a river phrase, the words after the preposition: "Odrą"


@lru_cache(maxsize=1)
def regions() -> dict[str, Region]:
    """The packaged table of regional adjectives, by adjective."""
    return load_regions()


def adjective_rule_lemma(word: str) -> str | None:
    """The masculine lemma the -ski/-cki ending rule gives (*Nisieckim* → nisiecki), or None."""
    lower = word.lower()
    return _ADJECTIVE_ENDING.sub(r"\1i", lower) if _ADJECTIVE_ENDING.search(lower) else None


@lru_cache(maxsize=1)
def seat_endings() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(adjective ending, seat endings) from ``resources/pl/district_seats.tsv``, longest ending first."""
    rows = read_text("kronika.geo", "resources/pl/district_seats.tsv")
    endings = [(ending, tuple(seat.split("|"))) for _, (ending, seat) in parse_table(
        rows, "district_seats.tsv", ("ending", "seat"), header=True)]
    return tuple(sorted(endings, key=lambda row: -len(row[0])))


def seat_names(adjective: str) -> list[str]:
    """Names the seat of the district an adjective names may have, longest ending first:
    ``'rozwadowski'`` → Rozwadów, Rozwadowo, ..."""
    return [(adjective[: len(adjective) - len(ending)] + seat).capitalize() for ending, seats in seat_endings()
            if adjective.endswith(ending) and len(adjective) > len(ending) + 1 for seat in seats]


def adjective_lemmas(word: str) -> set[str]:
    """Masculine lemmas a word may be a form of: Morfeusz's, and the -ski/-cki ending rule."""
    from kronika.morph.analyzer import get_morphology  # here: names found as written never load Morfeusz

    lower = word.lower()
    lemmas = {i.lemma for i in get_morphology().analyse(lower) if i.pos == "adj"}
    lemmas.add(adjective_rule_lemma(lower) or lower)
    return lemmas


def split_qualifier(mention: str) -> Qualified | None:
    """``'Drohiczyn Poleski'`` → Drohiczyn in Polesie; ``'Frankfurt nad Odrą'`` → Frankfurt on the
    Odrą; None when the mention has no qualifier."""
    words = mention.split()
    for position, word in enumerate(words[1:], 1):
        if word.lower() in prepositions_in_place_names() and position < len(words) - 1:
            return Qualified(" ".join(words[:position]), None, " ".join(words[position + 1:]))
    if len(words) >= 2:
        for lemma in sorted(adjective_lemmas(words[-1])):
            region = regions().get(lemma)
            if region is not None:
                return Qualified(" ".join(words[:-1]), region, None)
    return None
