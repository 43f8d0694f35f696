"""Modality as a class, on sentences of our own: a statement asserted while what it announces is to come; plans
and hypotheticals; a rumour; negation and calling off. Each class is tried on the trigger paths that reach it: a
verb, a noun with a support verb, a noun with a place of its own, a noun framed by a compound preposition.
Entities are given by hand (tests/events/builders.py)."""

from __future__ import annotations

from functools import partial

import pytest

from tests.events.builders import annotated_events

_events = partial(annotated_events, dct="1930-05-12")

_LODZ = ("Łodzi", "PLACE", "Łódź")
_WARSAW = ("Warszawie", "PLACE", "Warszawa")
_CRACOW = ("Krakowie", "PLACE", "Kraków")
_FRANCE = ("Francją", "COUNTRY", "Francja")

# text, entities, expected (trigger, type, modality)
MODALITY_CLASSES = [
    # a statement asserted, what it announces to come
    ("Minister oświadczył, że rząd podpisze traktat z Francją.", [_FRANCE],
     [("oświadczył", "speech", "asserted"), ("podpisze", "treaty", "future")]),
    ("Prezes zapowiedział, że zjazd odbędzie się w Krakowie.", [_CRACOW],
     [("zapowiedział", "speech", "asserted"), ("zjazd", "meeting", "future")]),
    ("Komunikat donosi, że strajk w Łodzi rozpocznie się jutro.", [_LODZ], [("strajk", "strike", "future")]),
    # plans
    ("Na niedzielę projektowany jest wiec w Warszawie.", [_WARSAW], [("wiec", "meeting", "future")]),
    ("Związek zamierza ogłosić strajk w Łodzi.", [_LODZ], [("strajk", "strike", "future")]),
    ("Związek planuje strajk w Łodzi.", [_LODZ], [("strajk", "strike", "future")]),
    ("W Krakowie ma się odbyć zjazd lekarzy.", [_CRACOW], [("zjazd", "meeting", "future")]),
    ("Zapowiedziany strajk w Łodzi wybuchnie jutro.", [_LODZ], [("strajk", "strike", "future")]),
    # a plan its own verb says came about
    ("Zapowiedziany strajk w Łodzi wybuchł wczoraj.", [_LODZ], [("strajk", "strike", "asserted")]),
    ("Projektowany zjazd w Krakowie odbył się wczoraj.", [_CRACOW], [("zjazd", "meeting", "asserted")]),
    ("Zwołany zjazd w Krakowie odbył się wczoraj.", [_CRACOW], [("zjazd", "meeting", "asserted")]),
    ("Zamierzony strajk w Łodzi rozpoczął się.", [_LODZ], [("strajk", "strike", "asserted")]),
    # hypotheticals
    ("W razie strajku w Łodzi rząd ogłosi stan wyjątkowy.", [_LODZ],
     [("strajku", "strike", "conditional"), ("ogłosi stan", "order", "conditional")]),
    ("Na wypadek pożaru w Warszawie straż czuwa.", [_WARSAW], [("pożaru", "fire", "conditional")]),
    ("Gdyby wybuchł strajk w Łodzi, fabryki by stanęły.", [_LODZ], [("strajk", "strike", "conditional")]),
    ("Jeśli dojdzie do strajku w Łodzi, fabryki staną.", [_LODZ], [("strajku", "strike", "conditional")]),
    ("Jeżeli rząd podpisze traktat z Francją, opozycja zaprotestuje.", [_FRANCE],
     [("podpisze", "treaty", "conditional")]),
    # rumour
    ("Podobno w Łodzi wybuchł strajk.", [_LODZ], [("strajk", "strike", "reported")]),
    ("Jak słychać, w Warszawie aresztowano trzech posłów.", [_WARSAW], [("aresztowano", "arrest", "reported")]),
    ("Według pogłosek w Krakowie odbył się tajny zjazd.", [_CRACOW], [("zjazd", "meeting", "reported")]),
    ("Krążą pogłoski, że w Łodzi wybuchł strajk.", [_LODZ], [("strajk", "strike", "reported")]),
    ("Rzekomy zamach w Warszawie okazał się plotką.", [_WARSAW], [("zamach", "crime", "reported")]),
    ("Ponoć zjazd w Krakowie zakończył się kłótnią.", [_CRACOW], [("zjazd", "meeting", "reported")]),
    # negation: of the verb, of the happening after do, of a noun after bez
    ("W Łodzi nie doszło do strajku.", [_LODZ], [("strajku", "strike", "negated")]),
    ("Do strajku w Łodzi nie doszło.", [_LODZ], [("strajku", "strike", "negated")]),
    ("Zjazd w Krakowie się nie odbył.", [_CRACOW], [("Zjazd", "meeting", "negated")]),
    ("Rząd nie podpisał traktatu z Francją.", [_FRANCE], [("podpisał", "treaty", "negated")]),
    ("Nikt nie został aresztowany w Warszawie.", [_WARSAW], [("aresztowany", "arrest", "negated")]),
    ("Policja nikogo nie aresztowała w Warszawie.", [_WARSAW], [("aresztowała", "arrest", "negated")]),
    ("Wiec w Warszawie przeszedł bez starć.", [_WARSAW], [("Wiec", "meeting", "asserted")]),
    # a happening called off did not happen; an appeal (odwołać się) calls off nothing
    ("Zamierzony strajk w Łodzi odwołano.", [_LODZ], [("strajk", "strike", "negated")]),
    ("Rząd odwołał zapowiedziany wiec w Warszawie.", [_WARSAW], [("wiec", "meeting", "negated")]),
    ("Wiec odwołany przez policję miał się odbyć w Warszawie.", [_WARSAW], [("Wiec", "meeting", "negated")]),
    ("Po strajku w Łodzi odwołano prezesa ze stanowiska.", [_LODZ],
     [("strajku", "strike", "asserted"), ("odwołano prezesa ze stanowiska", "appointment", "asserted")]),
]


@pytest.mark.parametrize(("text", "entities", "expected"), MODALITY_CLASSES, ids=[row[0] for row in MODALITY_CLASSES])
def test_modality_by_class(text, entities, expected) -> None:
    assert [(e.trigger_text, e.type, e.modality) for e in _events(text, entities)] == expected
