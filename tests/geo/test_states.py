"""The state a place belonged to on the date of a document (``country_then``)."""

from __future__ import annotations

import pytest

from kronika.geo import geocode
from kronika.geo.states import country_then, full_date, state_rules

CASES = [
    # Vienna: empire, dual monarchy, republic, annexed
    ("Wiedeń", "1863-11-30", "Austrian Empire"),
    ("Wiedeń", "1900-01-01", "Austria-Hungary"),
    ("Wiedeń", "1925-03-24", "Austria"),
    ("Wiedeń", "1939-06-07", "Germany"),
    ("Jerozolima", "1863-11-30", "Ottoman Empire"),
    ("Jerozolima", "1930-02-23", "Mandatory Palestine"),
    ("Konstantynopol", "1850-07-12", "Ottoman Empire"),
    ("Stambuł", "1930-01-01", "Turkey"),
    ("Antivari", "1863-11-30", "Ottoman Empire"),  # Bar went to Montenegro at the Congress of Berlin
    ("Cetynia", "1863-11-30", "Montenegro"),
    ("Budva", "1900-01-01", "Austria-Hungary"),
    # the partitions of Poland
    ("Gdańsk", "1850-07-12", "Prussia"),
    ("Gdańsk", "1900-01-01", "Germany"),
    ("Gdańsk", "1930-01-01", "Free City of Danzig"),
    ("Poznań", "1850-07-12", "Prussia"),
    ("Poznań", "1913-03-18", "Germany"),
    ("Warszawa", "1863-11-30", "Kingdom of Poland (Russian Empire)"),
    ("Sosnowiec", "1908-02-07", "Kingdom of Poland (Russian Empire)"),
    ("Katowice", "1908-02-07", "Germany"),
    ("Białystok", "1900-01-01", "Russian Empire"),
    ("Łapy", "1908-02-07", "Kingdom of Poland (Russian Empire)"),  # Łomża governorate, west of Suraż
    ("Suraż", "1900-01-01", "Russian Empire"),
    # Prussian and Austrian Silesia: the Przemsza, then the Vistula, then south of Pawłowice
    ("Bieruń Nowy", "1913-03-18", "Germany"),
    ("Goczałkowice-Zdrój", "1913-03-18", "Germany"),
    ("Jarząbkowice", "1913-03-18", "Germany"),
    ("Strumień", "1913-03-18", "Austria-Hungary"),
    ("Zebrzydowice", "1913-03-18", "Austria-Hungary"),
    ("Jaworzno", "1913-03-18", "Austria-Hungary"),
    ("Wilno", "1900-01-01", "Russian Empire"),
    ("Wilno", "1930-01-01", "Poland"),
    ("Kraków", "1840-04-03", "Free City of Kraków"),
    ("Kraków", "1850-07-12", "Austrian Empire"),
    ("Lwów", "1902-11-29", "Austria-Hungary"),
    ("Lwów", "1936-01-01", "Poland"),
    ("Lwów", "1960-01-01", "USSR"),
    ("Lwów", "2020-01-01", "Ukraine"),
    ("Berlin", "1850-07-12", "Prussia"),
    ("Monachium", "1850-07-12", "German Confederation"),
    ("Strasburg", "1900-01-01", "Germany"),
    ("Strasburg", "1930-01-01", "France"),
    ("Helsinki", "1900-01-01", "Grand Duchy of Finland (Russian Empire)"),
    # the changes of 1938-1939
    ("Praga", "1930-01-01", "Czechoslovakia"),
    ("Praga", "1939-06-07", "Protectorate of Bohemia and Moravia"),
    ("Kłajpeda", "1930-01-01", "Lithuania"),
    ("Mukden", "1930-01-01", "China"),
    ("Pekin", "1900-01-01", "Qing Empire"),
    ("Pekin", "1918-09-11", "China"),
    ("Waszyngton", "1918-09-11", "United States"),
    ("Mukden", "1937-07-07", "Manchukuo"),
    ("Moskwa", "1918-09-11", None),  # the civil war: no single state
]


@pytest.mark.parametrize(("name", "date", "state"), CASES)
def test_country_then(name: str, date: str, state: str | None) -> None:
    place = geocode(name, int(date[:4]))
    assert place is not None
    assert country_then(place, date) == state


@pytest.mark.parametrize("name", ["Europa", "Azja", "Wisła", "Ameryka"])
def test_continents_seas_and_rivers_belong_to_no_state(name: str) -> None:
    place = geocode(name)
    assert place is not None and place.kind != "settlement"
    assert country_then(place, "1863-11-30") is None
    if place.kind != "river":
        assert place.country_1939 is None


@pytest.mark.parametrize(("value", "date"), [("1863-11-30", "1863-11-30"), ("1863", "1863-07-01"),
                                             ("1863-11", "1863-11-15"), ("", None), (None, None), ("XXXX", None)])
def test_full_date(value: str | None, date: str | None) -> None:
    assert full_date(value) == date


def test_rules_load_and_are_ordered() -> None:
    rules = state_rules()
    assert rules and all(not (r.start and r.until) or r.start < r.until for r in rules)
