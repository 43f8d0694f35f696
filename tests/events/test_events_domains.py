"""Events of any domain on short texts of our own (a fire, a flood, a council session, a trial, a sports
match, funerals and speeches), figurative uses that are not events, modality, and where time comes from.
Entities and timexes are given by hand (tests/events/builders.py), so only the events stage is tested."""

from __future__ import annotations

import pytest

from tests.events.builders import annotated_events

# text, entities, timexes, expected events: (trigger, type, modality)
DOMAINS = [
    ("Wczoraj wieczorem wybuchł pożar w tartaku w Lidzie.", [("Lidzie", "PLACE", "Lida")],
     [("Wczoraj wieczorem", "TIME", "1938-05-11TEV")], [("pożar", "fire", "asserted")]),
    ("Ogień strawił trzy domy, a straż pożarna ugasiła go dopiero nad ranem.", [], [],
     [("Ogień", "fire", "asserted"), ("ugasiła", "fire", "asserted")]),
    ("Wezbrana Wilja zalała nadbrzeżne ulice Wilna.", [("Wilja", "PLACE", "Wilja"), ("Wilna", "PLACE", "Wilno")],
     [], [("zalała", "flood", "asserted")]),
    ("Powódź nawiedziła wsie nad Bugiem.", [("Bugiem", "PLACE", "Bug")], [], [("Powódź", "flood", "asserted")]),
    ("W poniedziałek odbyło się posiedzenie Rady Miejskiej, na którym burmistrz wygłosił przemówienie.",
     [("Rady Miejskiej", "ORGANIZATION", "Rada Miejska")], [("W poniedziałek", "DATE", "1938-05-09")],
     [("posiedzenie", "meeting", "asserted"), ("wygłosił przemówienie", "speech", "asserted")]),
    ("Rada wybrała nowego prezydenta miasta.", [("Rada", "ORGANIZATION", "Rada")], [],
     [("wybrała", "election", "asserted")]),
    ("Sąd Okręgowy skazał oskarżonego na trzy lata więzienia.",
     [("Sąd Okręgowy", "ORGANIZATION", "Sąd Okręgowy")], [], [("skazał", "trial", "asserted")]),
    ("Rozprawa przeciwko oszustom odbyła się przed sądem w Grodnie.", [("Grodnie", "PLACE", "Grodno")], [],
     [("Rozprawa", "trial", "asserted")]),
    ("W niedzielnym meczu Pogoń pokonała Ognisko 3:1.",
     [("Pogoń", "ORGANIZATION", "Pogoń"), ("Ognisko", "ORGANIZATION", "Ognisko")], [],
     [("pokonała", "sports", "asserted")]),
    ("Pogrzeb zmarłego odbył się na cmentarzu na Rossie.", [("Rossie", "PLACE", "Rossa")], [],
     [("Pogrzeb", "funeral", "asserted")]),
    ("Na skrzyżowaniu autobus zderzył się z ciężarówką, a dwóch pasażerów zginęło.", [], [],
     [("zderzył się", "accident", "asserted"), ("zginęło", "death", "asserted")]),
    ("Robotnicy tartaku ogłosili strajk.", [], [], [("strajk", "strike", "asserted")]),
    # bandits are no army: a raid and a murder are crimes
    ("W nocy bandyci napadli na dom gajowego i zamordowali gospodarza.", [], [],
     [("napadli", "crime", "asserted"), ("zamordowali", "crime", "asserted")]),
    # a village named after "wieś" is where, not what is fought over
    ("Bandyci napadli na dom we wsi Borki.", [("Borki", "PLACE", "Borki")], [], [("napadli", "crime", "asserted")]),
]


@pytest.mark.parametrize(("text", "entities", "timexes", "expected"), DOMAINS, ids=[c[0][:40] for c in DOMAINS])
def test_happenings_of_any_domain(text, entities, timexes, expected) -> None:
    assert [(e.trigger_text, e.type, e.modality) for e in annotated_events(text, entities, timexes)] == expected


# figurative or other senses of words that name fights, occupations or treaties elsewhere
NOT_EVENTS = [
    "Uderzyła mnie prostota tego rozumowania.",
    "Kraj poczynił uderzające postępy w przemyśle.",
    "Autor broni idei federacyjnej.",
    "W swym artykule poseł atakował p. wicepremiera za politykę gospodarczą.",
    "Wystawa zajęła dwie sale ratusza.",
    "W zeszłym roku zawarto w parafii czterdzieści małżeństw.",
    "Tom zawiera listy poety.",
    "Nie wolno nosić broni.",
    "Miasto przegrało jeszcze jedną okazję do rozwoju.",
]


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_figurative_uses_are_not_events(text) -> None:
    assert [(e.trigger_text, e.type) for e in annotated_events(text, [], [])] == []


def test_literal_fight_needs_an_armed_party() -> None:
    events = annotated_events("Oddziały niemieckie uderzyły na miasto.", [], [])
    assert [(e.trigger_text, e.type) for e in events] == [("uderzyły", "battle")]


MODALITY = [
    ("Posiedzenie Sejmu odbędzie się w przyszłym tygodniu.", "future"),
    ("Jutro rada będzie obradować nad budżetem.", "future"),
    ("Gdyby wojska wkroczyły do miasta, ludność by uciekła.", "conditional"),
    ("Podobno w nocy spłonął młyn.", "reported"),
    ("Pogłoski mówią, że minister podał się do dymisji.", "reported"),
    ("Straż nie ugasiła pożaru.", "negated"),
    ("Komitet postanowił wybudować nową szkołę.", "future"),
    ("Polska może powołać pod broń milion ludzi.", "possible"),
    ("Wczoraj spłonął młyn.", "asserted"),
    ("W 1914 roku żołnierze musieli walczyć na dwa fronty.", "asserted"),
]


@pytest.mark.parametrize(("text", "modality"), MODALITY)
def test_modality(text, modality) -> None:
    events = annotated_events(text, [], [])
    assert events and {e.modality for e in events} == {modality}


def test_a_treaty_mentioned_before_keeps_its_own_time() -> None:
    text = ("Układ morski podpisano w Londynie 18 czerwca 1935 roku. Dziś naród niemiecki nie chce wojny. "
            "Układ ten zawarty został w dobrej wierze. W Wilnie spłonął dom.")
    events = annotated_events(text, [("Londynie", "PLACE", "Londyn"), ("Wilnie", "PLACE", "Wilno")],
                                [("18 czerwca 1935 roku", "DATE", "1935-06-18"), ("Dziś", "DATE", "1939-04-03")],
                                dct="1939-04-03")
    # after the text has told of 1935, an undated event is not given the issue's date either
    assert [(e.trigger_text, e.time, e.time_basis) for e in events] == [
        ("podpisano", "1935-06-18", "stated"), ("zawarty", None, None), ("spłonął", None, None)]


def test_issue_date_is_marked_as_such() -> None:
    events = annotated_events("W Wilnie spłonął dom. Dziś rano w Lidzie spłonęła stodoła.", [],
                                [("Dziś rano", "TIME", "1939-04-03TMO")], dct="1939-04-03")
    assert [(e.trigger_text, e.time, e.time_basis, e.time_inherited) for e in events] == [
        ("spłonął", "1939-04-03", "issue", True), ("spłonęła", "1939-04-03TMO", "stated", False)]


def test_a_present_time_does_not_date_a_past_event() -> None:
    text = "Dziś rząd obraduje nad budżetem. Niegdyś miasto spłonęło doszczętnie."
    events = annotated_events(text, [], [("Dziś", "DATE", "1939-04-03")], dct="1939-04-03")
    assert [(e.trigger_text, e.time, e.time_basis) for e in events] == [
        ("obraduje", "1939-04-03", "stated"), ("spłonęło", None, None)]


def test_event_json_carries_modality_basis_and_lemma() -> None:
    event = annotated_events("Wczoraj spłonął młyn.", [], [("Wczoraj", "DATE", "1939-04-02")])[0]
    data = event.to_json()
    assert (data["modality"], data["time_basis"], data["lemma"], data["time"]) == (
        "asserted", "stated", "spłonąć", "1939-04-02")


def test_an_attribute_participle_keeps_its_own_time_only() -> None:
    text = ("Wczoraj stracono dwóch bandytów, skazanych przez sąd wojenny za napad. "
            "Pokój, podpisany dziś przez pełnomocników, kończy wojnę.")
    events = annotated_events(text, [], [("Wczoraj", "DATE", "1908-02-06"), ("dziś", "DATE", "1908-02-07")])
    assert [(e.trigger_text, e.time) for e in events if e.type in {"trial", "treaty"}] == [
        ("skazanych", None), ("podpisany", "1908-02-07")]


def test_comparison_dates_and_new_reports_do_not_date_events() -> None:
    text = ("W roku 1837 umarło 4407 osób więcej jak w roku 1836. "
            "3 września w Moskwie aresztowano kilku oficerów. "
            "Biuro Havasa donosi z Londynu: rząd w Omsku wypowiedział wojnę Niemcom.")
    events = annotated_events(text, [("Moskwie", "PLACE", "Moskwa"), ("Londynu", "PLACE", "Londyn"),
                                       ("Omsku", "PLACE", "Omsk"), ("Niemcom", "COUNTRY", "Niemcy")],
                                [("W roku 1837", "DATE", "1837"), ("w roku 1836", "DATE", "1836"),
                                 ("3 września", "DATE", "1918-09-03")])
    assert [(e.trigger_text, e.time, e.time_basis) for e in events] == [
        ("umarło", "1837", "stated"), ("aresztowano", "1918-09-03", "stated"),
        ("wypowiedział wojnę", None, None)]
