"""Happenings the period press reports that a reader expects to find: dismissals, promotions, returns,
audiences, acquittals and sentences, ratifications, resignations; who dies is no doer of the death.
Sentences of our own; entities and timexes given by hand (tests/events/builders.py)."""

from __future__ import annotations

from functools import partial

import pytest

from tests.events.builders import annotated_events

_events = partial(annotated_events, dct="1931-05-20")

# text, entities, the trigger, its type (None: no event)
HAPPENINGS = [
    # dismissals, promotions, resignations
    ("Pułkownikowi Wolskiemu odebrano komendę nad brygadą.", [("Wolskiemu", "PERSON", "Wolski")],
     "odebrano komendę", "appointment"),
    ("Naczelnika urzędu usunięto ze stanowiska.", [], "usunięto ze stanowiska", "appointment"),
    ("Kasjera zwolniono ze służby za nadużycia.", [], "zwolniono ze służby", "appointment"),
    ("Burmistrz ustąpił z urzędu po dwóch latach.", [], "ustąpił z urzędu", "appointment"),
    ("Więźnia zwolniono wczoraj z aresztu.", [], "zwolniono", None),
    # courts: an acquittal, a verdict of the jury
    ("Trybunał uwolnił redaktora od winy.", [], "uwolnił redaktora od winy", "trial"),
    ("Przysięgli uznali kupca niewinnym.", [], "uznali kupca niewinnym", "trial"),
    # a treaty's ratifications exchanged
    ("Ratyfikacje układu wymieniono w Rydze.", [("Rydze", "PLACE", "Ryga")], "Ratyfikacje układu wymieniono",
     "treaty"),
    # an envoy received, an audience
    ("Premjer przyjął posła włoskiego.", [], "przyjął posła", "diplomacy"),
    ("Król przyjął na audiencji delegację rzemieślników.", [], "przyjął na audiencji", "visit"),
    # a return is a journey to or from a place named; to work or to a committee it is none
    ("Delegaci wrócili wczoraj z Genewy.", [("Genewy", "PLACE", "Genewa")], "wrócili", "visit"),
    ("Starosta powrócił do Grodna.", [("Grodna", "PLACE", "Grodno")], "powrócił", "visit"),
    ("Po urlopie kasjer wrócił do pracy.", [], "wrócił", None),
    ("Projekt wrócił do komisji sejmowej.", [], "wrócił", None),
    # a death told with the older verb
    ("W nocy zmarł w szpitalu stary organista.", [], "zmarł", "death"),
]


@pytest.mark.parametrize(("text", "entities", "trigger", "event_type"), HAPPENINGS,
                         ids=[h[0][:40] for h in HAPPENINGS])
def test_period_press_happening(text, entities, trigger, event_type) -> None:
    types = {e.trigger_text: e.type for e in _events(text, entities)}
    assert types.get(trigger) == event_type


def test_who_dies_undergoes_the_death_told_once_by_a_heading_and_its_notice() -> None:
    text = "Zgon inż. Adama Rydla Wczoraj zmarł w Poznaniu inż. Adam Rydel, budowniczy mostów."
    events = _events(text, [("Adama Rydla", "PERSON", "Adam Rydel"), ("Poznaniu", "PLACE", "Poznań"),
                            ("Adam Rydel", "PERSON", "Adam Rydel")])
    roles = [(p.lemma, p.role) for e in events for p in e.participants]
    assert [e.trigger_text for e in events] == ["zmarł"]  # the heading run into its notice is one death
    assert roles == [("Adam Rydel", "patient")]


def test_a_traveller_after_the_verb_with_a_title_is_the_agent() -> None:
    events = _events("Wczoraj przybył do Kowna min. Zaleski.", [("Kowna", "PLACE", "Kowno"),
                                                                ("Zaleski", "PERSON", "Zaleski")])
    assert [(e.type, [(p.lemma, p.role) for p in e.participants]) for e in events] == [
        ("visit", [("Zaleski", "agent")])]


def test_names_listed_after_a_noun_and_a_colon_or_in_a_name_genitive_are_no_objects() -> None:
    text = ("O godz. 10 odbyła się defilada, którą przyjął gen. Malinowski w otoczeniu oficerów sztabu: "
            "mjr. Nowickiego i kpt. Wrony.")
    entities = [("Malinowski", "PERSON", "Malinowski"), ("Nowickiego", "PERSON", "Nowicki"),
                ("Wrony", "PERSON", "Wrona")]
    events = _events(text, entities, [("godz. 10", "TIME", "1931-05-20T10:00")])
    assert [(e.type, e.participants) for e in events] == [("parade", [])]
    text = "Zebranie otworzył w obecności delegata Komendy Głównej p. Zająca prezes Lis."
    entities = [("Komendy Głównej", "ORGANIZATION", "Komenda Główna"), ("Zająca", "PERSON", "Zając"),
                ("Lis", "PERSON", "Lis")]
    roles = [(p.lemma, p.role) for e in _events(text, entities) for p in e.participants]
    assert ("Zając", "patient") not in roles


def test_a_time_in_the_words_a_speaker_is_quoted_in_dates_no_happening_of_the_clause_quoting_them() -> None:
    text = ("Na posiedzeniu Rady minister wygłosił przemówienie, w którym mówił m. in.: Jeden z pisarzy, "
            "opisując wojny w latach 60-tych ub. w. mówi, że do sprawy tej przywiązywano wagę.")
    events = _events(text, timexes=[("w latach 60-tych ub. w.", "DATE", "186")])
    assert [(e.trigger_text, e.time) for e in events] == [("posiedzeniu", None), ("wygłosił przemówienie", None)]
    events = _events("Minister oświadczył: Wczoraj podpisano umowę handlową.",
                     timexes=[("Wczoraj", "DATE", "1931-05-19")])
    assert [(e.trigger_text, e.time) for e in events if e.type == "treaty"] == [("podpisano", "1931-05-19")]


def test_the_elected_and_a_speaker_after_a_legionary_s_title_and_the_older_poczem() -> None:
    text = "Prezesem przez aklamację wybrano leg. Jana Kowalskiego."
    events = _events(text, [("Jana Kowalskiego", "PERSON", "Jan Kowalski")])
    assert [(p.lemma, p.role) for e in events for p in e.participants] == [("Jan Kowalski", "patient")]
    text = "Następnie przemówił leg. Kowalski, poczem leg. Nowak wygłosił odczyt."
    events = _events(text, [("Kowalski", "PERSON", "Kowalski"), ("Nowak", "PERSON", "Nowak")])
    assert [[(p.lemma, p.role) for p in e.participants] for e in events] == [
        [("Kowalski", "agent")], [("Nowak", "agent")]]


def test_a_happening_named_as_the_genitive_of_an_office_is_no_new_one() -> None:
    text = "Wczoraj odbył się zjazd nauczycieli, który zagaił przewodniczący zebrania p. Nowak."
    events = _events(text, [("Nowak", "PERSON", "Nowak")], [("Wczoraj", "DATE", "1931-05-19")])
    assert [e.trigger_text for e in events] == ["zjazd"]
