"""Habits in the plain present, bodies assembled that act, police and state seizures, and questions, on
sentences of our own: a day of the week named bare with an imperfective verb of the present is every such
day; a meeting that is the subject of a verb other than *być* took place; a raid, a confiscation, a
requisition, a deportation by exile are happenings; a question leaves open what its predicate tells.
Entities and timexes are given by hand (tests/events/builders.py)."""

from __future__ import annotations

import pytest

from tests.events.builders import annotated_events

SUNDAY = ("niedzielę", "DATE", "1937-06-13")


@pytest.mark.parametrize("text", [
    "W niedzielę odbywa się w Lidzie zebranie cechu.",
    "We wtorek zbiera się w Lidzie rada gminy.",
])
def test_a_bare_weekday_with_the_imperfective_present_is_a_habit(text) -> None:
    day = next(d for d in ("niedzielę", "wtorek") if d in text)
    assert annotated_events(text, [("Lidzie", "PLACE", "Lida")], [(day, "DATE", "1937-06-13")],
                            dct="1937-06-10") == []


@pytest.mark.parametrize(("text", "timex", "modality"), [
    # one day: a determiner, a date beside the weekday, a past or a perfective verb (a present with a day
    # after the is a timetable: the meeting is to come)
    ("W tę niedzielę odbywa się w Lidzie zebranie cechu.", ("tę niedzielę", "DATE", "1937-06-13"), "future"),
    ("W niedzielę 13 czerwca odbywa się w Lidzie zebranie cechu.",
     ("niedzielę 13 czerwca", "DATE", "1937-06-13"), "future"),
    ("W niedzielę odbyło się w Lidzie zebranie cechu.", ("niedzielę", "DATE", "1937-06-06"), "asserted"),
    ("W niedzielę odbędzie się w Lidzie zebranie cechu.", SUNDAY, "future"),
])
def test_a_weekday_of_one_day_dates_the_happening(text, timex, modality) -> None:
    (event,) = annotated_events(text, [("Lidzie", "PLACE", "Lida")], [timex], dct="1937-06-10")
    assert (event.type, event.time, event.modality) == ("meeting", timex[2], modality)


@pytest.mark.parametrize(("text", "trigger"), [
    ("Zebranie uchwaliło rezolucję w sprawie szkół.", "Zebranie"),
    ("Zjazd wybrał nowy zarząd związku.", "Zjazd"),
    ("Walne zgromadzenie przyjęło sprawozdanie komitetu.", "zgromadzenie"),
])
def test_a_meeting_that_acts_took_place(text, trigger) -> None:
    events = {e.trigger_text: e for e in annotated_events(text)}
    assert events[trigger].type == "meeting" and events[trigger].modality == "asserted"


def test_a_meeting_only_described_is_no_happening() -> None:
    assert annotated_events("Zebranie jest jawne dla wszystkich członków.") == []


@pytest.mark.parametrize(("text", "trigger", "event_type"), [
    ("Wczoraj policja urządziła obławę na złodziei w Wilnie.", "obławę", "arrest"),
    ("Władze skonfiskowały w Wilnie numer gazety.", "skonfiskowały", "other"),
    ("Konfiskata majątku nastąpiła w Wilnie.", "Konfiskata", "other"),
    ("Wojsko zarekwirowało w Wilnie konie i wozy.", "zarekwirowało", "other"),
    ("Zsyłka powstańców nastąpiła w Wilnie.", "Zsyłka", "deportation"),
    ("Starosta zarządził w Wilnie wysiedlenie mieszkańców wsi.", "wysiedlenie", "deportation"),
])
def test_raids_seizures_and_exile_are_happenings(text, trigger, event_type) -> None:
    events = {e.trigger_text: e for e in annotated_events(text, [("Wilnie", "PLACE", "Wilno")])}
    assert events[trigger].type == event_type


@pytest.mark.parametrize(("text", "trigger", "modality"), [
    ("Nie wiadomo, czy w Wilnie wybuchł pożar.", "pożar", "possible"),
    ("Nie wiadomo jeszcze, czy policja aresztowała sprawców.", "aresztowała", "possible"),
    ("Czy zjazd odbędzie się w Wilnie?", "zjazd", "possible"),
    # the question is about the journey: the match it goes to is planned all the same
    ("Ciekawe, czy zawodnicy pojadą na mecz do Wilna.", "mecz", "future"),
    ("W Wilnie wybuchł pożar, którego przyczyny nie znamy.", "pożar", "asserted"),
])
def test_a_question_leaves_its_predicate_open(text, trigger, modality) -> None:
    places = [(name, "PLACE", "Wilno") for name in ("Wilnie", "Wilna") if name in text]
    events = {e.trigger_text: e for e in annotated_events(text, places)}
    assert events[trigger].modality == modality
