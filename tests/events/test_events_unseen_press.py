"""Senses and times of press text nobody tuned on: a natural force kills (a death, no crime), the police stop a
vehicle (no arrest), *proces* of peace is no trial, *wypadki* are the events of a time, words in the spelling of
before 1936 trigger as today's; an item's opening words take the day its notice tells. Sentences of our own;
entities and timexes given by hand (tests/events/builders.py)."""

from __future__ import annotations

from functools import partial

import pytest

from kronika.events import annotate_events
from kronika.lang.orthography import modern_spellings
from tests.events.builders import annotated_events, build_analysis

_events = partial(annotated_events, dct="1934-10-17")

# text, entities, the trigger, its type (None: no event)
SENSES = [
    # a natural force kills: the cause of a death, no perpetrator
    ("Piorun zabił dwóch żniwiarzy pod lasem.", [], "zabił", "death"),
    ("Lawina zabiła trzech narciarzy.", [], "zabiła", "death"),
    ("Pasterz został zabity przez piorun.", [], "zabity", "death"),
    ("Rozbójnik zabił kupca w czasie burzy.", [], "zabił", "crime"),
    ("Parobek zabił gospodarza siekierą.", [], "zabił", "crime"),
    # the police stop a vehicle or keep a thing: no arrest; a person stopped is one
    ("Policjanci zatrzymali tira do kontroli.", [], "zatrzymali", None),
    ("Policja zatrzymała samochód przemytników na granicy.", [], "zatrzymała", None),
    ("Na szosie policjanci zatrzymali do kontroli forda, którym jechał Jan K.", [("Jan K.", "PERSON", "Jan K.")],
     "zatrzymali", None),
    ("Policjanci zatrzymali Jana Kowalskiego.", [("Jana Kowalskiego", "PERSON", "Jan Kowalski")], "zatrzymali",
     "arrest"),
    ("Policjanci zatrzymali kierowcę ciężarówki.", [], "zatrzymali", "arrest"),
    ("Policja zatrzymała dwóch złodziei.", [], "zatrzymała", "arrest"),
    ("Samochód przemytników zatrzymali policjanci.", [], "zatrzymali", None),
    ("Kierowcę zatrzymali policjanci.", [], "zatrzymali", "arrest"),
    # a trial needs a court's word besides *proces* itself
    ("Proces pokojowy na Bałkanach utknął w martwym punkcie.", [], "Proces", None),
    ("Wczoraj rozpoczął się przed sądem okręgowym proces fałszerzy.", [], "proces", "trial"),
    ("W Ekwadorze toczy się obecnie proces przeciw koncernowi naftowemu.", [("Ekwadorze", "COUNTRY", "Ekwador")],
     "proces", "trial"),
    # *wypadki* in the plural are the events of a time, unless a vehicle or harm is named
    ("Ostatnie wypadki w stolicy wywołały niepokój w Rzymie.", [("Rzymie", "PLACE", "Rzym")], "wypadki", None),
    ("W czasie wypadków majowych w Krakowie padły strzały.", [("Krakowie", "PLACE", "Kraków")], "wypadków", None),
    ("Wczoraj w Krakowie zdarzyły się wypadki samochodowe.", [("Krakowie", "PLACE", "Kraków")], "wypadki",
     "accident"),
    # a lorry is a vehicle: it runs into something in an accident
    ("Tir uderzył w przydrożne drzewo.", [], "uderzył", "accident"),
    # words in the spelling of before 1936
    ("Wczoraj król przyjął na audjencji posła.", [], "przyjął na audjencji", "visit"),
    ("Wczoraj na placu odbyła się demonstracya robotników.", [], "demonstracya", "strike"),
    ("Ratyfikacye traktatu wymieniono wczoraj w Rydze.", [("Rydze", "PLACE", "Ryga")],
     "Ratyfikacye traktatu wymieniono", "treaty"),
]


@pytest.mark.parametrize(("text", "entities", "trigger", "event_type"), SENSES, ids=[s[0][:40] for s in SENSES])
def test_sense(text, entities, trigger, event_type) -> None:
    types = {e.trigger_text: e.type for e in _events(text, entities)}
    assert types.get(trigger) == event_type


def test_the_spellings_a_word_passes_through_in_order() -> None:
    # the first a dictionary knows is today's common word; the later rules are for names (Przemencie → Przemęcie)
    assert modern_spellings("audyencyi") == ["audjencji", "audiencji", "audięcji"]
    assert modern_spellings("konwencyi") == ["konwencji", "konwęcji"]
    assert modern_spellings("dom") == []


def _times(text: str, timexes: list[tuple[str, str, str]], entities=(), dct: str = "1934-10-17") -> list[tuple]:
    return [(e.trigger_text, e.time, e.time_basis) for e in annotated_events(text, list(entities), timexes, dct=dct)]


def test_a_heading_takes_the_day_its_notice_tells_not_the_issue() -> None:
    assert _times("Pożar w Lidzie. Wczoraj o godz. 5 rano wybuchł pożar w tartaku.",
                  [("Wczoraj o godz. 5 rano", "TIME", "1934-10-16T05:00")], [("Lidzie", "PLACE", "Lida")]) == [
        ("Pożar", "1934-10-16T05:00", "narrative"), ("pożar", "1934-10-16T05:00", "stated")]


def test_an_items_first_sentence_takes_the_day_its_notice_tells() -> None:
    text = "W Lidzie spłonął tartak. Pożar wybuchł w poniedziałek w nocy. — W Grodnie spłonęła stodoła."
    assert _times(text, [("poniedziałek w nocy", "TIME", "1934-10-15TNI")],
                  [("Lidzie", "PLACE", "Lida"), ("Grodnie", "PLACE", "Grodno")]) == [
        ("spłonął", "1934-10-15TNI", "narrative"), ("Pożar", "1934-10-15TNI", "stated"),
        ("spłonęła", None, None)]  # another notice of the column: no day of the one before carries into it


def test_a_time_governed_by_another_happenings_verb_does_not_date_the_noun() -> None:
    # the hour the fire was contained is not the fire's; the clause telling it broke out is
    assert _times("Pożar, który wybuchł wczoraj w nocy w tartaku, został opanowany o godz. 14.",
                  [("wczoraj w nocy", "TIME", "1934-10-16TNI"), ("godz. 14", "TIME", "1934-10-16T14:00")])[0] == (
        "Pożar", "1934-10-16TNI", "stated")
    assert _times("Wczoraj w nocy wybuchł w tartaku pożar, opanowany dopiero o godz. 14.",
                  [("Wczoraj w nocy", "TIME", "1934-10-16TNI"), ("godz. 14", "TIME", "1934-10-16T14:00")]) == [
        ("pożar", "1934-10-16TNI", "stated")]
    # a verb that tells the happening dates it
    assert _times("Pożar zniszczył wczoraj tartak.", [("wczoraj", "DATE", "1934-10-16")]) == [
        ("Pożar", "1934-10-16", "stated")]


def test_a_happenings_second_day_moves_the_narrative_a_day_on() -> None:
    text = ("W sobotę rozpoczął obrady zjazd strzelców. Drugi dzień zjazdu rozpoczęło nabożeństwo. "
            "O godz. 11 odbyła się defilada. W trzecim dniu obrad uchwalono rezolucję.")
    analysis = build_analysis(text, dct="1934-10-17",
                              timexes=[("sobotę", "DATE", "1934-10-13"), ("godz. 11", "TIME", "1934-10-13T11:00")])
    analysis.timexes[1].anchor = "t1"  # the dates stage put the bare hour on the day told before
    annotate_events(analysis)
    assert [(e.trigger_text, e.time, e.time_basis) for e in analysis.events] == [
        ("obrady", "1934-10-13", "stated"), ("zjazdu", "1934-10-14", "narrative"),
        ("defilada", "1934-10-14T11:00", "stated"), ("uchwalono", "1934-10-15", "narrative")]


def test_the_narrative_carries_its_day_not_another_happenings_hour() -> None:
    text = "Wczoraj o godz. 5 rano wybuchł pożar w tartaku. Spłonęły trzy domy i stodoła."
    assert _times(text, [("Wczoraj o godz. 5 rano", "TIME", "1934-10-16T05:00")]) == [
        ("pożar", "1934-10-16T05:00", "stated"), ("Spłonęły", "1934-10-16", "narrative")]


def test_a_heading_in_other_words_takes_the_day_its_notice_opens_with() -> None:
    assert _times("Tragiczny wypadek na Wilji. Wczoraj po południu utonął w Wilji uczeń.",
                  [("Wczoraj po południu", "TIME", "1934-10-16TAF")],
                  [("Wilji", "PLACE", "Wilja"), ("Wilji", "PLACE", "Wilja")]) == [
        ("wypadek", "1934-10-16TAF", "narrative"), ("utonął", "1934-10-16TAF", "stated")]
