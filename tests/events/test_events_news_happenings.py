"""Happenings of ordinary news beyond battles and treaties, on sentences of our own: statements made by a person
or a body (a thing says nothing), injuries and rescue, inquiries (an examination of a patient is none), crimes
told as charges (their modality from the clause), legal acts. Entities and timexes are given by hand
(tests/events/builders.py)."""

from __future__ import annotations

from functools import partial

import pytest

from tests.events.builders import annotated_events

_events = partial(annotated_events, dct="1931-05-10")


# text, expected (trigger, type, modality)
HAPPENINGS = [
    # statements and speech acts
    ("Minister przypomniał, że budżet jest zrównoważony.", [("przypomniał", "speech", "asserted")]),
    ("Dyrekcja fabryki zapowiedziała zwolnienia.", [("zapowiedziała", "speech", "asserted")]),
    ("Świadek zeznał, że widział napastnika.", [("zeznał", "speech", "asserted")]),
    ("Radni zażądali obniżenia podatku.", [("zażądali", "speech", "asserted")]),
    ("Obrońca wnosił o uniewinnienie klienta.", [("wnosił o", "speech", "asserted")]),
    # injuries and rescue
    ("Dwaj robotnicy odnieśli ciężkie obrażenia.", [("odnieśli ciężkie obrażenia", "accident", "asserted")]),
    ("Robotnik oparzył się gorącą smołą.", [("oparzył się", "accident", "asserted")]),
    ("Przewieziono ich do szpitala.", [("Przewieziono ich do szpitala", "other", "asserted")]),
    ("Trzech pasażerów ocalało.", [("ocalało", "other", "asserted")]),
    ("Strażacy uratowali dziecko z płonącego domu.", [("uratowali", "other", "asserted")]),
    # inquiries: a verb of starting makes the noun a happening
    ("Prokuratura wszczęła wczoraj śledztwo w sprawie napadu.",
     [("śledztwo", "other", "asserted"), ("napadu", "crime", "asserted")]),
    # the participles used as nouns stay none; the inquiry that framed the arrests took place
    ("Podejrzani schwytani w wyniku śledztwa zostali wypuszczeni.", [("śledztwa", "other", "asserted")]),
    ("Komisja przeprowadziła badanie przyczyn katastrofy.",
     [("badanie przyczyn", "other", "asserted"), ("katastrofy", "accident", "asserted")]),
    # crimes: a charge is reported, a clause coordinated with a claimed one is claimed too
    ("Kasjer sprzeniewierzył 5000 zł z kasy gminnej.", [("sprzeniewierzył", "crime", "asserted")]),
    ("Adwokat twierdził, że oskarżony fałszował weksle i przywłaszczał pieniądze klientów.",
     [("twierdził", "speech", "asserted"), ("fałszował", "crime", "reported"), ("przywłaszczał", "crime", "reported")]),
    # legal acts
    ("Wojewoda zatwierdził uchwałę rady miejskiej.", [("zatwierdził", "legal_act", "asserted")]),
    ("Sąd uznał testament za nieważny.", [("uznał testament za nieważny", "legal_act", "asserted")]),
    ("Gmina zaskarżyła decyzję starosty.", [("zaskarżyła", "legal_act", "asserted")]),
    ("Obrona wniosła apelację od wyroku.", [("wniosła apelację", "trial", "asserted")]),
    # a thing says nothing; an examination of a patient is no inquiry
    ("Ten obraz przypomina dawne czasy.", []),
    ("Pomnik przypomina o bohaterach.", []),
    ("Lekarz przeprowadził badanie chorego.", []),
    # an opinion held is no statement made
    ("Eksperci twierdzą, że woda opadnie.", []),
    ("Kupcy twierdzili, że podatek jest za wysoki.", [("twierdzili", "speech", "asserted")]),
]


@pytest.mark.parametrize(("text", "expected"), HAPPENINGS)
def test_happenings_of_ordinary_news(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(e.trigger_text, e.type, e.modality) for e in _events(text, [], [])] == expected


def test_a_crime_after_a_word_of_charging_is_a_charge() -> None:
    events = _events("Wczoraj zakończył się proces kasjera, oskarżonego o sprzeniewierzenie 20.000 zł.", [], [])
    assert [(e.trigger_text, e.modality) for e in events] == [("proces", "asserted"), ("sprzeniewierzenie", "reported")]
    # a court that sentences for it holds it for a fact
    events = _events("Sąd skazał kasjera za sprzeniewierzenie pieniędzy.", [], [])
    assert [(e.trigger_text, e.modality) for e in events] == [("skazał", "asserted"), ("sprzeniewierzenie", "asserted")]
