"""Namesakes: the periodical's city (the stated place of publication, or the city of a known title) is a weak
prior that decides between namesakes the text does not tell apart, never against the text's places; a
namesake in the district named beside a mention competes; a reason of closeness names the final places."""

from __future__ import annotations

import pytest

from kronika.geo.publication import periodical_city, publication_city
from kronika.geo.resolve import Evidence, _renamed_closest, distance_km, geocode, resolve
from kronika.model import Document, Entity


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


def test_a_reason_of_closeness_names_the_closest_place_as_finally_read() -> None:
    """The resolver compared with places the document then read otherwise (a village a town's district
    replaced): the reason names the closest of the places as finally read."""
    def placed(number: int, name: str, lat: float, lon: float, reason: str) -> Entity:
        entity = Entity(f"e{number}", number, number + 1, name, "PLACE", name)
        entity.geo = {"name": name, "kind": "settlement", "lat": lat, "lon": lon, "reason": reason}
        return entity

    village = placed(1, "Brzozówka", 52.35, 20.66, "closest to the document's other places (Okęcie, 140 km)")
    district = placed(2, "Okęcie", 52.18, 20.96, "a part of a town the document names")
    dateline = placed(3, "Warszawa", 52.23, 21.01, "the place of a press dateline; closest to the document's "
                                                    "other places (Okęcie, 140 km)")
    _renamed_closest([village, district, dateline])
    closeness = "closest to the document's other places"
    assert village.geo is not None and village.geo["reason"] == f"{closeness} (Warszawa, 27 km)"
    assert dateline.geo is not None
    assert dateline.geo["reason"] == f"the place of a press dateline; {closeness} (Okęcie, 7 km)"
    assert district.geo is not None and district.geo["reason"] == "a part of a town the document names"
