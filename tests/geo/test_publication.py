"""Namesakes: the periodical's city as a weak prior, the city of a known title or the stated place of
publication; it decides between namesakes the text does not tell apart, never against the text's places."""

from __future__ import annotations

import pytest

from kronika.geo.publication import periodical_city, publication_city
from kronika.geo.resolve import Evidence, distance_km, geocode, resolve
from kronika.model import Document


@pytest.mark.parametrize(("journal", "city"), [
    ("Kurjer Wileński : Niezależny Organ Demokratyczny", "Wilno"),
    ("Kurier Wileński wraz z Kurierem Wileńsko-Nowogródzkim", "Wilno"),
    ("Gazeta Lwowska", "Lwów"),
    ("Kurjer  Warszawski", "Warszawa"),
    ("Ilustrowany Kuryer Codzienny", "Kraków"),
    ("Czas", "Kraków"),
    ("Czasopismo Prawnicze", None),  # a title that only starts with a listed one's letters
    ("Słowo", None),  # a title several cities' papers bore
    ("Tygodnik Rolniczy", None),
])
def test_a_known_title_names_its_city(journal: str, city: str | None) -> None:
    assert periodical_city(journal) == city


def test_the_stated_place_of_publication_comes_first() -> None:
    assert publication_city(Document("a", "Tekst.", journal="Kurjer Wileński", pub_place="Kowno")) == "Kowno"
    assert publication_city(Document("b", "Tekst.", journal="Kurjer Wileński")) == "Wilno"
    assert publication_city(Document("c", "Tekst.")) is None


def test_the_periodicals_city_decides_between_namesakes_the_text_does_not_tell_apart() -> None:
    warsaw, cracow = geocode("Warszawa"), geocode("Kraków")
    assert warsaw is not None and cracow is not None
    (alone,) = resolve(["Brzozówka"], 1930)
    (near,) = resolve(["Brzozówka"], 1930, home=warsaw)
    assert alone.place is not None and distance_km(alone.place, warsaw) > 100
    assert near.place is not None and distance_km(near.place, warsaw) < 50
    assert near.reason == "closest to where the document's periodical appeared"
    # weaker than the text's own places: with Kraków named, the village by Kraków
    village, _ = resolve(["Brzozówka", "Kraków"], 1930, home=warsaw)
    assert village.place is not None and distance_km(village.place, cracow) < 30


@pytest.mark.parametrize(("name", "district", "seat"), [
    ("Dąbrowa", "kozienicki", "Kozienice"),
    ("Dąbrowa", "pułtuski", "Pułtusk"),
])
def test_a_namesake_in_the_district_named_competes_however_many_share_its_name(name: str, district: str,
                                                                               seat: str) -> None:
    """Beyond the most salient of about a hundred *Dąbrowa*: the one of the district named beside it."""
    town = geocode(seat)
    (found,) = resolve([name], 1930, evidence=[Evidence(district=district)])
    assert town is not None and found.place is not None and distance_km(found.place, town) <= 40, found.place
