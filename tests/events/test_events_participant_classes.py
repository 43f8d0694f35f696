"""The sense of a trigger read from the class of its participants and objects: what the police do, what is
carted away, who travels, dies or floods, what is signed or chosen; and statements that are no happening (a
rule or advice, a title, a set of happenings). Sentences of our own; entities and timexes given by hand
(tests/events/builders.py)."""

from __future__ import annotations

from functools import partial

import pytest

from tests.events.builders import annotated_events

_events = partial(annotated_events, dct="1936-03-14")

# text, entities, the trigger, its type (None: no event)
CLASSES = [
    # the police: reaching a place is a raid, stopping someone an arrest, searching a search
    ("Wczoraj wieczorem policja dotarła do meliny paserów.", [], "dotarła", "search"),
    ("Policjanci wkroczyli do lokalu przy ulicy Zawalnej.", [], "wkroczyli", "search"),
    ("Przodownik zatrzymał złodzieja na gorącym uczynku.", [], "zatrzymał", "arrest"),
    ("Policja wpadła na trop szajki. Zatrzymano trzech fałszerzy.", [], "Zatrzymano", "arrest"),
    ("Policja przeszukała mieszkanie kupca.", [], "przeszukała", "search"),
    ("Pościg za zbiegiem trwał do rana.", [], "Pościg", "pursuit"),
    ("Kierowca zatrzymał wóz przed posterunkiem.", [], "zatrzymał", None),
    ("Do posterunku docierają sygnały o kradzieżach.", [], "docierają", None),
    ("Program pozwala przeszukiwać stare gazety.", [], "przeszukiwać", None),
    ("Sierżanta aresztowano i osadzono w więzieniu.", [], "osadzono w więzieniu", "arrest"),
    ("Jeden więzień zmarł w więzieniu w Rawiczu.", [("Rawiczu", "PLACE", "Rawicz")], "więzieniu", None),
    # carting away: people are deported, things are not, and perpetrators commit a crime
    ("Władze wywiozły ludność wsi w głąb kraju.", [], "wywiozły", "deportation"),
    ("Okupanci wywieźli mieszkańców miasteczka.", [], "wywieźli", "deportation"),
    ("Chłopi wywieźli zboże na targ.", [], "wywieźli", None),
    ("Bandyci wywieźli kupca do lasu.", [], "wywieźli", "crime"),
    # who travels: no vehicle, thing sent, animal or fleeing perpetrator
    ("Minister wyjechał wczoraj do Paryża.", [("Paryża", "PLACE", "Paryż")], "wyjechał", "visit"),
    ("Ciężarówki z pomocą wyjechały do powodzian.", [], "wyjechały", None),
    ("Do wsi dotarła przesyłka z lekami.", [], "dotarła", None),
    ("Wilk przybył w te lasy z Litwy.", [("Litwy", "COUNTRY", "Litwa")], "przybył", None),
    ("Napastnicy pobili przechodnia i odjechali.", [], "odjechali", None),
    ("Był to wilk, który przybył tu jesienią z puszczy.", [], "przybył", None),
    ("Był to kupiec, który przybył tu jesienią z Wilna.", [("Wilna", "PLACE", "Wilno")], "przybył", "visit"),
    # a number growing is no arrival; a place held in a ranking or a certificate won is no fight
    ("Bezrobotnych z każdym miesiącem przybywa.", [], "przybywa", None),
    ("Na zawody przybyło trzydziestu wędkarzy.", [], "przybyło", "visit"),
    ("W miastach będzie przybywać ludzi bogatych.", [], "przybywać", None),
    ("Jutro zaczną przybywać do Wilna delegaci.", [("Wilna", "PLACE", "Wilno")], "przybywać", "visit"),
    ("Drugie miejsce zajmuje drużyna kolejarzy.", [], "zajmuje", None),
    ("Spółdzielnia zdobyła certyfikat jakości.", [], "zdobyła", None),
    # a border crossed by no armed party is no invasion
    ("Przemytnicy chcieli nocą przekroczyć granicę.", [], "przekroczyć granicę", None),
    ("Wojska przekroczyły granicę o świcie.", [], "przekroczyły granicę", "invasion"),
    # who dies: no vehicle nor thing (they go missing)
    ("W ubiegłym roku zginęło 300 samochodów.", [], "zginęło", None),
    ("W katastrofie zginęło dwunastu pasażerów.", [], "zginęło", "death"),
    ("Żołnierzom zginęły plecaki z zapasami.", [], "zginęły", None),
    ("W zasadzce zginął cały oddział.", [], "zginął", "death"),
    # a vehicle that kills: an accident; a flood is water's
    ("Pociąg zabił krowę na przejeździe.", [], "zabił", "accident"),
    ("Rozbójnik zabił kupca.", [], "zabił", "crime"),
    ("Rzeka zalała nadbrzeżne łąki.", [], "zalała", "flood"),
    ("Tanie towary zalały rynek.", [], "zalały", None),
    # signing a law enacts it; a contest's choice is no vote
    ("Prezydent podpisał nowelizację ustawy o szkolnictwie.", [], "podpisał", "legal_act"),
    ("Oba państwa podpisały umowę handlową.", [], "podpisały", "treaty"),
    ("Jury konkursu wybrało laureatów spośród dwudziestu autorów.", [], "wybrało", None),
    ("Zebranie wybrało przewodniczącego.", [], "wybrało", "election"),
]


@pytest.mark.parametrize(("text", "entities", "trigger", "event_type"), CLASSES, ids=[c[0][:40] for c in CLASSES])
def test_type_by_participant_class(text, entities, trigger, event_type) -> None:
    types = {e.trigger_text: e.type for e in _events(text, entities)}
    assert types.get(trigger) == event_type


def test_an_accusation_is_a_trial_when_a_court_case_follows_in_the_next_sentence() -> None:
    text = "Towarzystwo oskarżyło rzeźnika o znęcanie się nad końmi. Sąd grodzki wyznaczył rozprawę na maj."
    assert {e.trigger_text: e.type for e in _events(text)}["oskarżyło"] == "trial"
    assert {e.trigger_text: e.type for e in _events("Poseł oskarżył rząd o bezczynność.")}["oskarżył"] == "speech"


# no happening: a rule or advice, a title, a set of happenings
NOT_EVENTS = [
    "Wodę z zalanej piwnicy należy natychmiast wylać.",
    "Przed zimą trzeba zbudować nowy staw.",
    'Nagrodę otrzymał aktor grający w filmie "Trzeba zabić Sekala".',
    'Recenzent chwali książkę "Jak zbudowano Gdynię".',
    "W czasie meczów kibice dopingują drużynę okrzykami.",
    "Zebrania koła odbywają się cyklicznie w szkole.",
    "Saperzy wydobyli pociski na terenie budowy.",
    "Zgodnie z uchwałą rady, targ trwać ma do południa.",
    "Na mocy dekretu szkoła zmieniła nazwę.",
    'Jury uznało książkę Jana Kowalskiego "Jak zbudowano Gdynię".',
]


@pytest.mark.parametrize("text", NOT_EVENTS, ids=[t[:40] for t in NOT_EVENTS])
def test_no_happening(text) -> None:
    assert [(e.trigger_text, e.type) for e in _events(text)] == []


def test_a_duty_told_in_the_past_or_dated_is_a_happening() -> None:
    assert [e.trigger_text for e in _events("Trzeba było zbudować nowy most.")] == ["zbudować"]
    dated = _events("Most należy zbudować do 1 maja.", timexes=[("1 maja", "DATE", "1936-05-01")])
    assert [e.trigger_text for e in dated] == ["zbudować"]


def test_a_meeting_one_came_to_is_no_meeting_to_come() -> None:
    events = _events("Posłowie, którzy przyszli na obrady Sejmu, zostali wygwizdani.",
                     [("Sejmu", "ORGANIZATION", "Sejm")])
    assert [(e.trigger_text, e.modality) for e in events] == [("obrady", "asserted")]


def test_a_time_since_which_a_sum_is_counted_dates_no_happening() -> None:
    events = _events("Od 1930 r. bandy zamordowały tam 60 osób.", timexes=[("1930 r.", "DATE", "1930")])
    assert [(e.trigger_text, e.time) for e in events] == [("zamordowały", None)]
    events = _events("W 1930 r. bandy zamordowały tam 60 osób.", timexes=[("1930 r.", "DATE", "1930")])
    assert [(e.trigger_text, e.time) for e in events] == [("zamordowały", "1930")]


def test_a_strike_announced_over_its_modifiers_is_to_come() -> None:
    events = _events("Na 1 lutego zapowiedziany jest 5-minutowy strajk ostrzegawczy.",
                     timexes=[("1 lutego", "DATE", "1937-02-01")])
    assert [(e.trigger_text, e.modality) for e in events] == [("strajk", "future")]


def test_a_happening_threatened_is_only_possible() -> None:
    events = _events("Kolejarze grożą strajkiem generalnym.")
    assert [(e.trigger_text, e.modality) for e in events] == [("strajkiem", "possible")]


def test_a_happening_a_span_after_the_narrative_takes_none_of_its_time() -> None:
    text = "We wrześniu 1939 r. kościół został zburzony. Odbudowano go po 63 latach."
    events = _events(text, timexes=[("wrześniu 1939 r.", "DATE", "1939-09"), ("63 latach", "DURATION", "P63Y")])
    assert [(e.trigger_text, e.time) for e in events] == [("Odbudowano", None)]
