"""The gazetteer: keys, curated data, look-up of historical and inflected names, disambiguation in
context, the pipeline stage on the seed's gold places, and the command."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from click.testing import CliRunner

from kronika.commands.geocode import command as geocode_command
from kronika.geo import annotate_places, candidates, geocode, resolve
from kronika.geo.curated import load_curated
from kronika.geo.index import Gazetteer, get_gazetteer
from kronika.geo.keys import fold, mention_keys
from kronika.model import Analysis, Document, Entity

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
GOLD = SHARED / "seed" / "000_5b7885c2e26dc5af.gold.json"


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


@pytest.mark.parametrize(("name", "key"), [
    ("Brześć nad  Bugiem", "brzesc nad bugiem"),
    ("ŁUCK", "luck"),
    ("Ivano-Frankivsk", "ivano frankivsk"),
    ("Varėna", "varena"),
    ("L'viv", "lviv"),
])
def test_fold(name: str, key: str) -> None:
    assert fold(name) == key


@pytest.mark.parametrize(("mention", "key"), [
    ("Kowlem", "kowel"),  # Morfeusz lemma
    ("Szackiem", "szack"),  # unknown to Morfeusz: suffix rule
    ("Oranami", "orany"),
    ("Kalininie", "kalinin"),
    ("Baranowiczami", "baranowicze"),
    ("Rawie Ruskiej", "rawa ruska"),  # adjective gender variant
    ("Brześciu nad Bugiem", "brzesc nad bugiem"),  # words after the preposition stay
])
def test_mention_keys(mention: str, key: str) -> None:
    assert key in mention_keys(mention)


def test_curated_table_loads_with_sources() -> None:
    rows = load_curated()
    assert len(rows) > 100
    assert all(row.source for row in rows)


@pytest.mark.parametrize("row", [
    "Katyń\t\tsettlement\t54.77\t31.79\tKatyn\tRU\t",  # no source
    "Katyń\t\tcastle\t54.77\t31.79\tKatyn\tRU\tx",  # unknown kind
    "Katyń\t\tsettlement\t154.77\t31.79\tKatyn\tRU\tx",  # latitude
    "Katyń\t\tsettlement\t54.77\t31.79\tKatyn\tRussia\tx",  # not ISO
])
def test_curated_table_rejects_bad_rows(row: str) -> None:
    header = "name\taliases\tkind\tlat\tlon\tname_now\tcountry_now\tsource"
    with pytest.raises(ValueError, match="line 2"):
        load_curated(f"{header}\n{row}\n")


def test_every_curated_row_is_in_the_index() -> None:
    """The shipped index was built from the current curated table."""
    for row in load_curated():
        places = [p for p, _ in get_gazetteer().lookup(fold(row.name))]
        assert any(p.curated_source == row.source for p in places), row.name


@pytest.mark.parametrize(("name", "lat", "lon"), [
    ("Lwów", 49.84, 24.03), ("Lwowa", 49.84, 24.03), ("Lviv", 49.84, 24.03),
    ("Wilno", 54.69, 25.28), ("Wilnie", 54.69, 25.28), ("Vilnius", 54.69, 25.28),
    ("Brześć nad Bugiem", 52.10, 23.69), ("Brześć", 52.10, 23.69), ("Brześciu", 52.10, 23.69),
    ("Stanisławów", 48.92, 24.71), ("Ivano-Frankivsk", 48.92, 24.71),
    ("Królewiec", 54.71, 20.51), ("Kaliningrad", 54.71, 20.51),
    ("Kalinin", 56.86, 35.90), ("Kalininie", 56.86, 35.90),
    ("Katyń", 54.77, 31.79), ("Starobielsku", 49.28, 38.91), ("Kozielsk", 54.03, 35.78),
    ("Ostaszkowie", 57.15, 33.11), ("Miednoje", 56.93, 35.45), ("Charkowie", 49.99, 36.23),
    ("Kowlem", 51.21, 24.71), ("Sarnami", 51.34, 26.60), ("Baranowiczami", 53.13, 26.01),
    ("Dubnem", 50.42, 25.74), ("Tarnopolem", 49.55, 25.59), ("Grodna", 53.68, 23.83),
    ("Rawie Ruskiej", 50.23, 23.62), ("Polesie", 52.0, 26.5), ("Wołyniu", 51.0, 25.3),
])
def test_geocode_historical_and_inflected_names(name: str, lat: float, lon: float) -> None:
    place = geocode(name, year=1939)
    assert place is not None, name
    assert km(place.lat, place.lon, lat, lon) < 30, (name, place)


@pytest.mark.parametrize(("name", "country_1939", "country_now"), [
    ("Lwów", "Poland", "Ukraine"),
    ("Wilno", "Poland", "Lithuania"),
    ("Grodno", "Poland", "Belarus"),
    ("Katyń", "USSR", "Russia"),
    ("Królewiec", "Germany", "Russia"),
    ("Kraków", "Poland", "Poland"),
])
def test_countries_then_and_now(name: str, country_1939: str, country_now: str) -> None:
    place = geocode(name)
    assert place is not None
    assert (place.country_1939, place.country_now) == (country_1939, country_now)


def test_candidates_expose_namesakes() -> None:
    found = candidates("Milanów")
    assert len(found) >= 2
    assert {p.admin for p in found} >= {"grójecki", "parczewski"}


def test_context_keeps_nearby_places_together() -> None:
    """The same name resolves differently next to other places: coherence, not a fixed answer."""
    east = resolve(["Jabłoń", "Milanów", "Wytyczno", "Włodawa"], year=1939)[1]
    west = resolve(["Grójec", "Milanów", "Warka"], year=1939)[1]
    assert east.place is not None and west.place is not None
    assert east.place.admin == "parczewski" and west.place.admin == "grójecki"
    assert "closest" in east.reason and len(east.candidates) >= 2


def test_period_prefers_poland_of_1939() -> None:
    place = geocode("Jarosław", year=1939)
    assert place is not None and place.country_now == "Poland"


def test_unknown_name() -> None:
    assert geocode("Xyzzyqwe") is None
    assert candidates("Xyzzyqwe") == []


def test_index_opens_lazily() -> None:
    gazetteer = Gazetteer()
    assert gazetteer._connection is None
    assert gazetteer.lookup("lwow")
    assert gazetteer.meta()["polskie-miejscowosci"]


@pytest.mark.skipif(not GOLD.exists(), reason="shared data absent")
def test_seed_settlements_within_30_km() -> None:
    gold = json.loads(GOLD.read_text("utf-8"))
    entities = [
        Entity(id=f"e{i}", start=e["start"], end=e["end"], text=e["text"], type=e["type"], lemma=e["lemma"])
        for i, e in enumerate(gold["entities"]) if e["type"] == "PLACE"
    ]
    analysis = Analysis(document=Document(id="seed", text=gold["text"], dct="1939-09-30"), entities=entities)
    annotate_places(analysis)
    expected = [(e, g["geo"]) for e, g in zip(entities, [g for g in gold["entities"] if g["type"] == "PLACE"],
                                              strict=True) if g.get("geo")]
    assert len(expected) >= 20
    wrong = [(e.text, e.geo) for e, geo in expected
             if e.geo is None or km(e.geo["lat"], e.geo["lon"], geo["lat"], geo["lon"]) > 30]
    assert not wrong


def test_geocode_command_json_keeps_order_and_nulls() -> None:
    result = CliRunner().invoke(geocode_command, ["Kowlem", "Xyzzyqwe", "Wilno", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert len(data) == 3 and data[1] is None
    assert data[0]["name"] == "Kovel" and data[2]["country_1939"] == "Poland"
    assert set(data[0]) >= {"lat", "lon", "name", "country_1939", "country_now", "source"}


def test_surface_form_rescues_a_wrong_lemma() -> None:
    resolution = resolve(["Dubne"], year=1939, surfaces=["Dubnem"])[0]
    assert resolution.place is not None and resolution.place.country_now == "Ukraine"
