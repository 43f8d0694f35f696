"""A timetable in the present and a name after a place phrase, on sentences of our own: a verb of the
present with a stated day after the issue's tells a happening planned, not one taking place; a person
named after *z* + a town and a title is the one who acts, not an attribute of the town. Entities and
timexes are given by hand (tests/events/builders.py)."""

from __future__ import annotations

import pytest

from tests.events.builders import annotated_events

ISSUE = "1937-06-10"


@pytest.mark.parametrize(("text", "timex", "modality"), [
    ("Jutro odbywa się w Lidzie zebranie cechu.", ("Jutro", "DATE", "1937-06-11"), "future"),
    ("Dnia 15 czerwca rozpoczyna się w Lidzie zjazd nauczycieli.", ("Dnia 15 czerwca", "DATE", "1937-06-15"),
     "future"),
    ("W niedzielę odbędzie się w Lidzie zjazd nauczycieli.", ("niedzielę", "DATE", "1937-06-13"), "future"),
    # the day of the issue or before it: the present tells what is going on, the past what went on
    ("Dziś odbywa się w Lidzie zebranie cechu.", ("Dziś", "DATE", "1937-06-10"), "asserted"),
    ("Wczoraj odbywało się w Lidzie zebranie cechu.", ("Wczoraj", "DATE", "1937-06-09"), "asserted"),
    # a month that holds the issue's day is not after it
    ("W czerwcu odbywa się w Lidzie zjazd nauczycieli.", ("czerwcu", "DATE", "1937-06"), "asserted"),
])
def test_a_present_with_a_later_day_is_planned(text, timex, modality) -> None:
    (event,) = annotated_events(text, [("Lidzie", "PLACE", "Lida")], [timex], dct=ISSUE)
    assert (event.type, event.time, event.modality) == ("meeting", timex[2], modality)


def test_without_an_issue_date_the_present_stays_as_it_is() -> None:
    (event,) = annotated_events("Dnia 15 czerwca rozpoczyna się w Lidzie zjazd nauczycieli.",
                                [("Lidzie", "PLACE", "Lida")], [("Dnia 15 czerwca", "DATE", "1937-06-15")])
    assert event.modality == "asserted"


@pytest.mark.parametrize(("text", "person", "town"), [
    ("Wczoraj przybył z Tallina min. Munters.", "Munters", "Tallina"),
    ("Do Wilna przyjechał z Rygi prof. Balodis.", "Balodis", "Rygi"),
])
def test_a_person_after_a_town_and_a_title_is_the_visitor(text, person, town) -> None:
    (event,) = annotated_events(text, [(town, "PLACE", town), (person, "PERSON", person)])
    assert event.type == "visit"
    assert [(p.lemma, p.role) for p in event.participants] == [(person, "agent")]


def test_a_person_after_a_title_still_hangs_on_an_event_noun() -> None:
    (event,) = annotated_events("Wizyta min. Muntersa w Tallinie trwała dwa dni.",
                                [("Muntersa", "PERSON", "Munters"), ("Tallinie", "PLACE", "Tallin")])
    assert [(p.lemma, p.role) for p in event.participants] == [("Munters", "agent")]
