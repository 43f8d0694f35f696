"""What a verb's object makes of it, on sentences of our own: a thing won, held or ranked is taken by no
arms (*zdobyła nagrodę*, *zajmuje miejsce*); choosing is an election only of a person, a post or a body
(*wybrano przewodniczącego*, not *wybrać kod*); the dative of a word of prevention is a danger, no
happening (*zapobieganie katastrofom*). Entities are given by hand (tests/events/builders.py)."""

from __future__ import annotations

import pytest

from tests.events.builders import annotated_events


@pytest.mark.parametrize("text", [
    "Uczennica gimnazjum w Lidzie zdobyła w konkursie drugą nagrodę.",
    "Polska zajmuje trzecie miejsce w handlu Łotwy.",
    "Drużyna z Lidy zdobyła w turnieju złoty medal.",
])
def test_a_thing_won_or_ranked_is_no_fight(text) -> None:
    entities = [(name, kind, name) for name, kind in (("Lidzie", "PLACE"), ("Lidy", "PLACE"), ("Polska", "COUNTRY"),
                                                      ("Łotwy", "COUNTRY")) if name in text]
    assert {e.type for e in annotated_events(text, entities)} <= {"sports"}  # the contest itself is one


@pytest.mark.parametrize(("text", "entities", "kind"), [
    ("Wojska niemieckie zdobyły Kraków.", [("Kraków", "PLACE", "Kraków")], "battle"),
    ("Oddział zajął wieś nad rzeką.", [], "military_movement"),
])
def test_a_place_taken_is_still_a_fight(text, entities, kind) -> None:
    assert [e.type for e in annotated_events(text, entities)] == [kind]


@pytest.mark.parametrize(("text", "entities"), [
    ("Zjazd wybrał przewodniczącego i sekretarza.", []),
    ("Posłowie wybrali Kowalskiego na marszałka.", [("Kowalskiego", "PERSON", "Kowalski")]),
    ("Robotnicy wybrali delegację do wojewody.", []),
])
def test_choosing_a_person_post_or_body_is_an_election(text, entities) -> None:
    assert "election" in [e.type for e in annotated_events(text, entities)]


@pytest.mark.parametrize("text", [
    "Wystarczy wybrać odpowiedni numer.",
    "Klient może wybrać najtańszy bilet.",
    "Wybrali na ognisko suche gałęzie.",
])
def test_choosing_a_thing_is_no_election(text) -> None:
    assert "election" not in [e.type for e in annotated_events(text)]


@pytest.mark.parametrize("text", [
    "Gmina wyda pieniądze na zapobieganie powodziom.",
    "Straż ma zapobiegać pożarom w lasach.",
])
def test_the_dative_of_prevention_is_a_danger(text) -> None:
    assert annotated_events(text) == []
