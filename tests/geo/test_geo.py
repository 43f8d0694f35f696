"""The gazetteer: keys, curated data, look-up of historical and inflected names, disambiguation in
context, the pipeline stage on the seed's gold places, and the command."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner

from kronika.commands.geocode import command as geocode_command
from kronika.geo import annotate_places, candidates, geocode, resolve
from kronika.geo.curated import input_checksums, load_border_corrections, load_curated
from kronika.geo.index import Gazetteer, get_gazetteer
from kronika.geo.keys import fold, mention_keys
from kronika.geo.qualifiers import load_regions, split_qualifier
from kronika.geo.resolve import district_seat
from kronika.model import Analysis, Document, Entity
from tests.conftest import analysed, km


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
    ("Zaleszczykach", "zaleszczyki"),  # plural -ki stem: -kach -> -ki, not -ky
    ("Kielcach", "kielce"),
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
        places = get_gazetteer().places(fold(row.name))
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
    # a qualified name matches its head in the region: not Drohiczyn on the Bug, not Kosów in Pokucie
    ("Drohiczyn Poleski", 52.18, 25.16), ("Drohiczynie Poleskim", 52.18, 25.16),
    ("Kosów Poleski", 52.75, 25.15), ("Janów Poleski", 52.15, 25.53), ("Kosów Huculski", 48.31, 25.09),
    ("Frankfurt nad Odrą", 52.34, 14.55),
])
def test_geocode_historical_inflected_and_qualified_names(name: str, lat: float, lon: float) -> None:
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
    # the coarse 1938 polygons put these across the border; borders_1939_corrections.tsv fixes them
    ("Zaleszczyki", "Poland", "Ukraine"),
    ("Kołomyja", "Poland", "Ukraine"),
    ("Nieśwież", "Poland", "Belarus"),
    ("Święciany", "Poland", "Lithuania"),
    ("Karviná", "Poland", "Czechia"),
    ("Czerniowce", "Romania", "Ukraine"),
    ("Kamieniec Podolski", "USSR", "Ukraine"),
    ("Użhorod", "Hungary", "Ukraine"),
    ("Kłajpeda", "Germany", "Lithuania"),
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
    assert gazetteer._columns is None
    assert gazetteer.hits("lwow")
    assert gazetteer.meta()["polskie-miejscowosci"]


def test_seed_settlements_within_30_km(seed_gold: dict[str, Any]) -> None:
    entities = [
        Entity(id=f"e{i}", start=e["start"], end=e["end"], text=e["text"], type=e["type"], lemma=e["lemma"])
        for i, e in enumerate(seed_gold["entities"]) if e["type"] == "PLACE"
    ]
    analysis = Analysis(document=Document(id="seed", text=seed_gold["text"], dct="1939-09-30"), entities=entities)
    annotate_places(analysis)
    expected = [(e, g["geo"]) for e, g in zip(entities, [g for g in seed_gold["entities"] if g["type"] == "PLACE"],
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


@pytest.mark.parametrize(("mention", "head", "region"), [
    ("Drohiczyn Poleski", "Drohiczyn", "Polesie"),
    ("Biała Podlaska", "Biała", "Podlasie"),
    ("Włodzimierzu Wołyńskim", "Włodzimierzu", "Wołyń"),
    ("Frankfurt nad Odrą", "Frankfurt", None),
    ("Rawa Ruska", None, None),  # "ruski" names no region in the table: not a qualifier
    ("Lwów", None, None),
])
def test_split_qualifier(mention: str, head: str | None, region: str | None) -> None:
    split = split_qualifier(mention)
    if head is None:
        assert split is None
    else:
        assert split is not None
        assert (split.head, split.region.name if split.region else None) == (head, region)


@pytest.mark.parametrize("row", [
    "poleski\tPolesie\t52.1\t26.0\t200\t",  # no source
    "polesie\tPolesie\t52.1\t26.0\t200\tx",  # not an adjective
    "poleski\tPolesie\t52.1\t26.0\t0\tx",  # radius
    "poleski\tPolesie\t152.1\t26.0\t200\tx",  # latitude
])
def test_regions_table_rejects_bad_rows(row: str) -> None:
    header = "adjective\tregion\tlat\tlon\tradius_km\tsource"
    with pytest.raises(ValueError, match="line 2"):
        load_regions(f"{header}\n{row}\n")


@pytest.mark.parametrize("row", [
    "Poland\teast\t50,20 51,21 52,20\t",  # no source
    "Poland\teast\t50,20 51,21\tx",  # two vertices
    "Poland\teast\t50;20 51;21 52;20\tx",  # bad vertex
    "Poland\teast\t95,20 51,21 52,20\tx",  # latitude
])
def test_border_corrections_reject_bad_rows(row: str) -> None:
    header = "country_1939\tregion\tpolygon\tsource"
    with pytest.raises(ValueError, match="line 2"):
        load_border_corrections(f"{header}\n{row}\n")


def test_shipped_index_matches_the_curated_inputs() -> None:
    """A curated table edited without rebuilding the index (scripts/build_gazetteer.py) fails here."""
    meta = get_gazetteer().meta()
    recorded = {name: value for name, value in meta.items() if name.startswith("sha256:")}
    assert recorded == input_checksums()


def test_shipped_index_row_counts_and_order() -> None:
    """The columns match the meta row counts, and place ids follow salience (a key's postings in id
    order must be its places most salient first)."""
    gazetteer = Gazetteer()
    meta = gazetteer.meta()
    columns = gazetteer._load()
    counts = (len(gazetteer), len(columns.keys_start) - 1, len(columns.postings))
    assert counts == (int(meta["rows:place"]), int(meta["rows:key"]), int(meta["rows:posting"]))
    for column in ("lat_e5", "salience_e2", "km_to_poland_1939", "country_now", "kind"):
        assert len(getattr(columns, column)) == len(gazetteer), column
    salience = columns.salience_e2
    assert all(a >= b for a, b in zip(salience[:-1], salience[1:], strict=True))


@pytest.mark.parametrize(("adjective", "seat"), [("nisiecki", "Nisko"), ("pleszewski", "Pleszew"), ("płocki", "Płock"),
                                                 ("płoński", "Płońsk"), ("włoszczowski", "Włoszczowa"),
                                                 ("katowicki", "Katowice"), ("szamotulski", "Szamotuły"),
                                                 ("suwalski", "Suwałki"), ("lubliniecki", "Lubliniec"),
                                                 ("mławski", "Mława"), ("rawski", "Rawa Mazowiecka"),
                                                 ("ostrowski", "Ostrów Wielkopolski")])
def test_district_adjective_names_its_seat_town(adjective: str, seat: str) -> None:
    place = district_seat(adjective)
    assert place is not None and place.name == seat


def test_an_old_district_picks_the_namesake_near_its_seat() -> None:
    text = "W Rudniku, w powiecie Nisieckim, zabrano dnia 25. b. m. 160 sztuk broni."
    analysis = analysed(text, "1863-11-30")
    rudnik = next(e for e in analysis.entities if e.text == "Rudniku")
    assert rudnik.geo is not None and rudnik.geo["name"] == "Rudnik nad Sanem"
    assert rudnik.geo["country_then"] == "Austrian Empire"


@pytest.mark.parametrize(("word", "included", "excluded"), [
    ("Golubia", "Golub", None),  # SGJP: a singular part of Golub-Dobrzyń
    ("Chełm", "Chełm", "Chełmy"),  # a genitive plural of a word of Małe Chełmy: no base form of its own
])
def test_a_part_of_a_compound_name_is_a_base_form_in_the_singular(word: str, included: str,
                                                                   excluded: str | None) -> None:
    from kronika.geo.keys import word_candidates

    found = word_candidates(word)
    assert included in found and excluded not in found
