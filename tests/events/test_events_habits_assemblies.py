"""Habits in the plain present, bodies assembled that act, police and state seizures, and questions, on
sentences of our own: days of the week in the plural (or one day in undated prose) with an imperfective
verb of the present are every such day, one day in a dated report is the next one; a meeting that is the
subject of a verb other than *być* took place; a raid, a confiscation, a requisition, a deportation by
exile are happenings; a question leaves open what its predicate tells.
Entities and timexes are given by hand (tests/events/builders.py)."""

from __future__ import annotations

import pytest

from tests.events.builders import annotated_events

SUNDAY = ("niedzielę", "DATE", "1937-06-13")


@pytest.mark.parametrize(("text", "timex", "dct"), [
    # plural days of the week, "co" + a day, or one day named bare in undated prose: every such day
    ("W niedziele odbywa się w Lidzie zebranie cechu.", ("niedziele", "SET", "XXXX-WXX-7"), "1937-06-10"),
    ("We wtorki rozpoczyna się w Lidzie zjazd nauczycieli.", ("wtorki", "DATE", "1937-06-15"), "1937-06-10"),
    ("Co niedzielę odbywa się w Lidzie zebranie cechu.", ("Co niedzielę", "SET", "XXXX-WXX-7"), "1937-06-10"),
    ("W niedzielę odbywa się w Lidzie zebranie cechu.", SUNDAY, None),
])
def test_a_weekday_of_every_week_with_the_imperfective_present_is_a_habit(text, timex, dct) -> None:
    assert annotated_events(text, [("Lidzie", "PLACE", "Lida")], [timex], dct=dct) == []


@pytest.mark.parametrize(("text", "timex", "modality"), [
    # one day: a determiner, a date beside the weekday, a past or a perfective verb (a present with a day
    # after the is a timetable: the meeting is to come)
    ("W tę niedzielę odbywa się w Lidzie zebranie cechu.", ("tę niedzielę", "DATE", "1937-06-13"), "future"),
    ("W niedzielę 13 czerwca odbywa się w Lidzie zebranie cechu.",
     ("niedzielę 13 czerwca", "DATE", "1937-06-13"), "future"),
    ("W niedzielę odbyło się w Lidzie zebranie cechu.", ("niedzielę", "DATE", "1937-06-06"), "asserted"),
    ("W niedzielę odbędzie się w Lidzie zebranie cechu.", SUNDAY, "future"),
    # one day named bare in a dated report: the next such day, the present of a timetable
    ("W niedzielę odbywa się w Lidzie zebranie cechu.", SUNDAY, "future"),
    ("We wtorek rozpoczyna się w Lidzie zjazd nauczycieli.", ("wtorek", "DATE", "1937-06-15"), "future"),
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
