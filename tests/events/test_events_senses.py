"""Sense conditions, modality and time on sentences of our own that read like the press and prose the
events stage had not seen: a vote is no match, a fate is no court's sentence, a message is no traveller,
a framed happening keeps its own modality, a claim is told as a claim, a kind is no happening.
Entities and timexes are given by hand (tests/events/builders.py)."""

from __future__ import annotations

from functools import partial

import pytest

from tests.events.builders import annotated_events

_events = partial(annotated_events, dct="1938-05-12")


# text, entities, expected (trigger, type, modality)
SENSES = [
    ("Wybory prezydenckie wygrał ze znaczną przewagą Ignacy Mościcki.",
     [("Ignacy Mościcki", "PERSON", "Ignacy Mościcki")], [("wygrał", "election", "asserted")]),
    ("Rząd przegrał pięcioma punktami procentowymi ze stronnictwem ludowym.", [],
     [("przegrał", "election", "asserted")]),
    ("Gdybyśmy wygrali tę partię, mecz skończyłby się szybciej.", [],
     [("wygrali", "sports", "conditional"), ("mecz", "sports", "conditional")]),
    ("Rok temu Kusociński zdobył mistrzostwo Polski w biegu.",
     [("Kusociński", "PERSON", "Kusociński"), ("Polski", "COUNTRY", "Polska")],
     [("zdobył mistrzostwo", "sports", "asserted")]),
    ("Zdobyciem kompletu punktów zakończył się mecz Pogoni z Ogniskiem.",
     [("Pogoni", "ORGANIZATION", "Pogoń"), ("Ogniskiem", "ORGANIZATION", "Ognisko")],
     [("Zdobyciem kompletu punktów", "sports", "asserted")]),
    ("Sąd skazał go na trzy lata więzienia.", [], [("skazał", "trial", "asserted")]),
    ("Dokonano otwarcia nowego mostu na Wilji.", [("Wilji", "PLACE", "Wilja")],
     [("otwarcia", "construction", "asserted")]),
    ("Wojewoda dokonał otwarcia wystawy rolniczej.", [], [("otwarcia wystawy", "meeting", "asserted")]),
    ("Dziś zostanie (lub nie) uchwalona poprawka do ustawy.", [], [("uchwalona", "legal_act", "future")]),
    ("Delegacja dotarła do Wilna wieczorem.", [("Wilna", "PLACE", "Wilno")], [("dotarła", "visit", "asserted")]),
    ("Wezbrana Wisła zalała nadbrzeżne wsie.", [("Wisła", "PLACE", "Wisła")], [("zalała", "flood", "asserted")]),
]


@pytest.mark.parametrize(("text", "entities", "expected"), SENSES, ids=[c[0][:40] for c in SENSES])
def test_senses(text, entities, expected) -> None:
    assert [(e.trigger_text, e.type, e.modality) for e in _events(text, entities)] == expected


# no happening at all: a fate, a message, an idiom, a law as a document, a kind, a participle used as a noun
NOT_EVENTS = [
    ("Starzy ludzie będą skazani w naszym kraju na los obywateli drugiej kategorii.", []),
    ("Z informacji, które docierały do redakcji, wynikało to samo.", []),
    ("Wiadomości docierały do nas z opóźnieniem.", []),
    ("Złożyli zegar z powrotem.", []),
    ("Ten rok powinien przemówić nam do wyobraźni.", []),
    ("Nie objęła go ustawa z 1932 r.", []),
    ("Od okładki zaczyna się każde spotkanie z czytelnikiem.", []),
    ("Wszyscy oskarżeni ujęci w wyniku donosu zostali zwolnieni.", []),
    ("Wszyscy oskarżeni zostali zwolnieni.", []),
    ("Stworzono bazę danych będącą katalogiem filmów zbudowanym z cudzych opisów.", []),
    ("Mówcę powitał huragan oklasków.", []),
    ("Przez salę przeszła burza gwałtownych protestów.", []),
    ("Koncern Texaco wylał do rzeki miliony litrów ścieków.", [("Koncern Texaco", "ORGANIZATION", "Koncern Texaco")]),
]


@pytest.mark.parametrize(("text", "entities"), NOT_EVENTS, ids=[c[0][:40] for c in NOT_EVENTS])
def test_not_events(text, entities) -> None:
    assert [(e.trigger_text, e.type) for e in _events(text, entities)] == []


MODALITY = [
    # a complement clause after a comma is no conditional; the clitic right after the verb is
    ("Sąd nakazał, by wypłacić powodowi odszkodowanie.", "nakazał", "asserted"),
    ("Wojska wkroczyłyby do miasta bez wystrzału.", "wkroczyłyby", "conditional"),
    # the negation denies the explaining or the organising, not the framing happening
    ("Dwa lata po katastrofie w Gdyni nadal nie wyjaśniono jej przyczyn.", "katastrofie", "asserted"),
    ("Nie udało się zorganizować odczytu w trakcie naszego zjazdu.", "zjazdu", "asserted"),
    ("Nie udało się zorganizować odczytu w trakcie naszego zjazdu.", "odczytu", "negated"),
    # what someone claims is told as a claim
    ("Rząd starał się przekonać społeczeństwo, że zamachu dokonali komuniści.", "zamachu", "reported"),
    ("Opozycja twierdzi, że policja aresztowała posłów.", "aresztowała", "reported"),
]


@pytest.mark.parametrize(("text", "trigger", "modality"), MODALITY, ids=[f"{c[1]}:{c[0][:30]}" for c in MODALITY])
def test_modality(text, trigger, modality) -> None:
    events = {e.trigger_text: e for e in _events(text, [("Gdyni", "PLACE", "Gdynia")] if "Gdyni" in text else [])}
    assert events[trigger].modality == modality


def test_a_happening_before_the_clause_takes_no_time_of_it() -> None:
    # the disaster is before the clause's time: neither the date nor a date told before it
    events = _events("Dwa lata po katastrofie w Gdyni nadal nie wyjaśniono jej przyczyn.",
                     [("Gdyni", "PLACE", "Gdynia")])
    assert [(e.trigger_text, e.time) for e in events] == [("katastrofie", None)]


def test_a_framing_happening_during_the_clause_keeps_the_clause_time() -> None:
    events = _events("W trakcie posiedzenia z 3 maja nie zgłoszono wniosku.", [], [("3 maja", "DATE", "1938-05-03")])
    assert [(e.trigger_text, e.modality, e.time) for e in events] == [("posiedzenia", "asserted", "1938-05-03")]


def test_no_time_carries_into_another_notice_of_a_column() -> None:
    text = ("Z kraju. W fabryce Scheiblera przystąpiono wczoraj do pracy. — Odbył się zjazd delegatów związku. "
            "Wiadomości z Łodzi. Wybrano nowy zarząd.")
    events = _events(text, [], [("wczoraj", "DATE", "1908-02-06")], dct="1908-02-07")
    assert [(e.trigger_text, e.time_basis) for e in events] == [("zjazd", None), ("Wybrano", None)]


def test_an_aim_is_no_happening_but_what_a_protest_is_against_is() -> None:
    assert _events("Komitet dla odbudowy kraju wykrył nadużycia.") == []
    events = _events("Rząd złożył protest przeciw oświadczeniu ministra w Berlinie.", [("Berlinie", "PLACE", "Berlin")])
    assert "oświadczeniu" in [e.trigger_text for e in events]


def test_a_datelines_date_carries_into_its_report() -> None:
    events = _events("WIEDEŃ. 17.II. (Pat.). W komisji spraw zagranicznych wygłosił kanclerz przemówienie.",
                     [("WIEDEŃ", "PLACE", "Wiedeń")], [("17.II.", "DATE", "1926-02-17")], dct="1926-02-18")
    assert [(e.trigger_text, e.time, e.time_basis) for e in events] == [
        ("wygłosił kanclerz przemówienie", "1926-02-17", "narrative")]


# what participants a type needs or excludes: a battle needs an armed party (no police, no vehicle, no blow
# to a body), a trial needs a court, its defendant or a sentence
PARTICIPANT_SENSES = [
    ("Policja dotarła wczoraj do kryjówki przemytników.", "dotarła", "search"),  # a raid, no march, no visit
    ("Żandarmeria zajęła dworzec w Lidzie.", "zajęła", None),
    ("Policja walczyła całą noc z bandą złodziei.", "walczyła", None),
    ("Wojsko i policja walczyły z powstańcami.", "walczyły", "battle"),
    ("Samochód ciężarowy uderzył w drzewo pod Lidą.", "uderzył", "accident"),
    ("Pociąg osobowy najechał na wóz z sianem.", "najechał", "accident"),
    ("Autobus z żołnierzami uderzył w przydrożny słup.", "uderzył", "accident"),
    ("Kierowca taksówki uderzył w latarnię.", "uderzył", "accident"),
    ("Czołgi uderzyły na wieś od zachodu.", "uderzyły", "battle"),
    ("Pułk uderzył na tabor nieprzyjaciela.", "uderzył", "battle"),
    ("Żołnierz uderzył kolegę w twarz.", "uderzył", None),
    ("Na wiecu poseł oskarżył rząd o bezczynność.", "oskarżył", "speech"),
    ("Prokurator oskarżył urzędnika o przywłaszczenie pieniędzy.", "oskarżył", "trial"),
    ("Sąd okręgowy oskarżył kupca o lichwę.", "oskarżył", "trial"),
]


@pytest.mark.parametrize(("text", "trigger", "event_type"), PARTICIPANT_SENSES,
                         ids=[c[0][:40] for c in PARTICIPANT_SENSES])
def test_a_type_needs_its_participants(text, trigger, event_type) -> None:
    types = {e.trigger_text: e.type for e in _events(text, [])}
    assert types.get(trigger) == event_type


# a particle (też, także, nawet: tagged part) between the verb and its object does not hide the object
_UNIT = [("Pułk", "MILITARY_UNIT", "pułk")]


@pytest.mark.parametrize(("text", "entities", "expected"), [
    ("Pułk zdobył też czwartą nagrodę na zawodach.", _UNIT, [("zawodach", "sports", "asserted")]),
    ("Pułk bronił nawet idei wolności.", _UNIT, []),
    ("Pułk bronił też mostu.", _UNIT, [("bronił", "defense", "asserted")]),
    ("Prezydent podpisał także ustawę o szkołach.", [], [("podpisał", "legal_act", "asserted")]),
])
def test_a_particle_before_the_object_is_walked_over(text, entities, expected) -> None:
    assert [(e.trigger_text, e.type, e.modality) for e in _events(text, entities)] == expected
