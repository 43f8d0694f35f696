"""The events stage on short texts of our own: triggers, roles from case and prepositions, places,
time (own, document date, inherited), and what must not become an event."""

from __future__ import annotations

import pytest

from kronika.events.clauses import split_clauses
from kronika.events.lexicon import EVENT_TYPES, NOT_AN_EVENT, load_function_words, load_triggers
from tests.events.builders import annotated_events, build_analysis

# text, entities, timexes, expected events: (trigger, type, time, inherited, places, {lemma: role})
CASES = [
    (
        "5 września 1939 roku pod Mławą 20. Dywizja Piechoty stoczyła ciężkie walki z niemiecką 3. Armią.",
        [("Mławą", "PLACE", "Mława"), ("20. Dywizja Piechoty", "MILITARY_UNIT", "20. Dywizja Piechoty"),
         ("3. Armią", "MILITARY_UNIT", "3. Armia")],
        [("5 września 1939 roku", "DATE", "1939-09-05")],
        [("stoczyła ciężkie walki", "battle", "1939-09-05", False, ["Mława"],
          {"20. Dywizja Piechoty": "agent", "3. Armia": "opponent"})],
    ),
    (
        "12 września wojska niemieckie dotarły pod Lwów. Miasto broniło się dzielnie.",
        [("Lwów", "PLACE", "Lwów")],
        [("12 września", "DATE", "1939-09-12")],
        [("dotarły", "military_movement", "1939-09-12", False, ["Lwów"], {}),
         ("broniło się", "defense", "1939-09-12", True, [], {})],
    ),
    (
        "W marcu 1945 roku Kołobrzeg został zdobyty przez 1. Armię Wojska Polskiego.",
        [("Kołobrzeg", "PLACE", "Kołobrzeg"), ("1. Armię Wojska Polskiego", "MILITARY_UNIT",
                                                "1. Armia Wojska Polskiego")],
        [("W marcu 1945 roku", "DATE", "1945-03")],
        [("zdobyty", "battle", "1945-03", False, ["Kołobrzeg"], {"1. Armia Wojska Polskiego": "agent"})],
    ),
    (
        "Na cmentarzu pochowano więźniów rozstrzelanych przez Gestapo w Palmirach.",
        [("Gestapo", "ORGANIZATION", "Gestapo"), ("Palmirach", "PLACE", "Palmiry")],
        [],
        [("pochowano", "funeral", None, False, ["Palmiry"], {}),
         ("rozstrzelanych", "mass_killing", None, False, ["Palmiry"], {"Gestapo": "agent"})],
    ),
    (
        "Ciężkie walki toczyły się pod Kutnem, Łęczycą i Piątkiem.",
        [("Kutnem", "PLACE", "Kutno"), ("Łęczycą", "PLACE", "Łęczyca"), ("Piątkiem", "PLACE", "Piątek")],
        [],
        [("walki toczyły", "battle", None, False, ["Kutno", "Łęczyca", "Piątek"], {})],
    ),
    (
        "Układ monachijski z 30 września 1938 roku zmienił mapę Europy. Układ ten podpisały Niemcy i Włochy.",
        [("Układ monachijski", "DOCUMENT", "układ monachijski", "document:uklad-monachijski"),
         ("Europy", "PLACE", "Europa"),
         ("Układ", "DOCUMENT", "układ monachijski", "document:uklad-monachijski"),
         ("Niemcy", "COUNTRY", "Niemcy"), ("Włochy", "COUNTRY", "Włochy")],
        [("30 września 1938 roku", "DATE", "1938-09-30")],
        [("podpisały", "treaty", "1938-09-30", False, [],
          {"Niemcy": "agent", "Włochy": "agent", "układ monachijski": "patient"})],
    ),
    (
        "Grupa dowodzona przez płk. Jana Nowaka walczyła z batalionem niemieckim pod Tomaszowem.",
        [("Jana Nowaka", "PERSON", "Jan Nowak"), ("Tomaszowem", "PLACE", "Tomaszów")],
        [],
        [("walczyła", "battle", None, False, ["Tomaszów"], {"Jan Nowak": "commander"})],
    ),
    # denied events are kept, with their modality (see MODALITY below)
    (
        "Rząd nie podpisał traktatu, a armia ruszyła bez wypowiedzenia wojny.",
        [], [],
        [("podpisał", "treaty", None, False, [], {}), ("wypowiedzenia wojny", "diplomacy", None, False, [], {})],
    ),
    (
        "W Poznaniu, który został zajęty bez walki, 10 października odbyła się defilada.",
        [("Poznaniu", "PLACE", "Poznań")],
        [("10 października", "DATE", "1939-10-10")],
        [("zajęty", "military_movement", None, False, ["Poznań"], {}),
         ("defilada", "parade", "1939-10-10", False, ["Poznań"], {})],
    ),
    # "zająć się" (to catch fire, to deal with) is no occupation; "powołać pod broń" is a mobilisation
    (
        "Od iskry zajął się dach stodoły, a gospodarz zajmował się wtedy bydłem.",
        [], [], [],
    ),
    (
        "Rumunia może powołać pod broń milion ludzi.",
        [("Rumunia", "COUNTRY", "Rumunia")], [],
        [("powołać pod broń", "military_movement", None, False, [], {"Rumunia": "agent"})],
    ),
]


@pytest.mark.parametrize(("text", "entities", "timexes", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_events_from_case_and_prepositions(text, entities, timexes, expected) -> None:
    got = [(e.trigger_text, e.type, e.time, e.time_inherited, [p.lemma for p in e.places],
            {p.lemma: p.role for p in e.participants}) for e in annotated_events(text, entities, timexes)]
    assert got == expected


def test_events_have_ids_offsets_and_sentence() -> None:
    text = "1 września 1939 roku Niemcy zaatakowały Polskę. 17 września wkroczyła Armia Czerwona."
    events = annotated_events(text, [("Niemcy", "COUNTRY", "Niemcy"), ("Polskę", "COUNTRY", "Polska"),
                                     ("Armia Czerwona", "MILITARY_UNIT", "Armia Czerwona")],
                              [("1 września 1939 roku", "DATE", "1939-09-01"), ("17 września", "DATE", "1939-09-17")])
    assert [e.id for e in events] == ["v1", "v2"]
    for event in events:
        assert text[event.trigger_start:event.trigger_end] == event.trigger_text
        assert text[event.sentence[0]:event.sentence[1]].endswith(".")
        assert event.to_json()["trigger"]["text"] == event.trigger_text
    assert {p.lemma: p.role for p in events[0].participants} == {"Niemcy": "agent", "Polska": "patient"}
    assert {p.lemma: p.role for p in events[1].participants} == {"Armia Czerwona": "agent"}


CLAUSES = [
    ("W Brześciu, który został przekazany Armii Czerwonej, odbyła się defilada.",
     ["W Brześciu odbyła się defilada .", "który został przekazany Armii Czerwonej"]),
    ("Sowieci aresztowali oficerów, a następnie wywieźli ich na wschód.",
     ["Sowieci aresztowali oficerów ,", "następnie wywieźli ich na wschód ."]),
    ("Rozpoczęto rokowania i dzień później, 22 września, podpisano protokół.",
     ["Rozpoczęto rokowania", "dzień później , 22 września , podpisano protokół ."]),
    ("Obrona Grodna (20–21 września) stała się symbolem.", ["Obrona Grodna 20 – 21 września stała się symbolem ."]),
]


@pytest.mark.parametrize(("text", "expected"), CLAUSES)
def test_split_clauses(text, expected) -> None:
    sentence = build_analysis(text).sentences[0]
    got = [" ".join(sentence.tokens[i].text for i in clause.tokens) for clause in split_clauses(sentence)]
    assert got == expected


def test_lexicons_load_and_are_valid() -> None:
    triggers = load_triggers()
    assert {entry.type for entry in triggers} <= EVENT_TYPES | {NOT_AN_EVENT}
    by_phrase = {entry.phrase: entry for entry in triggers}
    assert by_phrase["stoczyć walkę"].words == (frozenset({"stoczyć"}), frozenset({"walka"}))
    # multiword entries come first, so they claim their words before the single nouns do
    assert len(triggers[0].words) > 1 and len(triggers[-1].words) == 1
    assert "pod" in load_function_words()["place_prep"]


def test_every_event_type_has_a_polish_label() -> None:
    from kronika.web.labels import EVENT_TYPES as LABELS

    assert EVENT_TYPES <= set(LABELS)
