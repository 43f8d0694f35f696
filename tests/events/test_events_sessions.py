"""Parliamentary reports and news columns, on sentences of our own written like them: what a house
passes, what an official orders, a session named by its house, a speech named by its speaker;
skirmishes and banishments of a 19th-century column; *wypadek* meaning 'case'; happenings called or
invited to, which are still to come. Entities and timexes are given by hand (tests/events/builders.py)."""

from __future__ import annotations

from functools import partial

import pytest

from tests.events.builders import annotated_events

_events = partial(annotated_events, dct="1930-02-06")


# text, entities, expected (trigger, type, modality)
HAPPENINGS = [
    ("Sejm przyjął poprawki Senatu do ustawy o szkołach.",
     [("Sejm", "ORGANIZATION", "Sejm"), ("Senatu", "ORGANIZATION", "Senat")],
     [("przyjął poprawki", "legal_act", "asserted")]),
    ("Komisja załatwiła dwa budżety.", [], [("załatwiła dwa budżety", "legal_act", "asserted")]),
    ("Marszałek zarządził przerwę.", [], [("zarządził", "order", "asserted")]),
    ("Minister wydał instrukcję wojewodom.", [], [("wydał instrukcję", "order", "asserted")]),
    ("Na posiedzeniu Sejmu przemawiał poseł Nowak.",
     [("Sejmu", "ORGANIZATION", "Sejm"), ("Nowak", "PERSON", "Nowak")],
     [("posiedzeniu", "meeting", "asserted"), ("przemawiał", "speech", "asserted")]),
    ("W izbie toczyła się długa debata.", [], [("debata", "meeting", "asserted")]),
    # a title between the noun and the name: "przemówienie posła X"
    ("Przemówienie posła Miedzińskiego", [("Miedzińskiego", "PERSON", "Miedziński")],
     [("Przemówienie", "speech", "asserted")]),
    ("Gubernator zesłał trzech gospodarzy w głąb Rosji.", [("Rosji", "COUNTRY", "Rosja")],
     [("zesłał", "deportation", "asserted")]),
    ("Pod Radomiem zaszła potyczka.", [("Radomiem", "PLACE", "Radom")], [("potyczka", "battle", "asserted")]),
    # a force of nature that does something is a happening; a figure of plenty is not (see test_no_happening)
    ("W Tatrach lawina porwała dwóch narciarzy.", [("Tatrach", "PLACE", "Tatry")],
     [("lawina", "disaster", "asserted")]),
    # the genitive of an armed party or a perpetrator makes a noun one happening
    ("Doszła nas wiadomość o zuchwałym napadzie bandytów.", [], [("napadzie", "crime", "asserted")]),
    ("Atak wojsk nieprzyjacielskich załamał się.", [], [("Atak", "battle", "asserted")]),
    ("W wypadku samochodowym pod Lublinem zginęło dwóch ludzi.", [("Lublinem", "PLACE", "Lublin")],
     [("wypadku", "accident", "asserted"), ("zginęło", "death", "asserted")]),
    # a club's name before the verb is its subject, not a genitive of the match
    ("W niedzielnym meczu Pogoń pokonała Ognisko 3:1.",
     [("Pogoń", "ORGANIZATION", "Pogoń"), ("Ognisko", "ORGANIZATION", "Ognisko")],
     [("pokonała", "sports", "asserted")]),
]


@pytest.mark.parametrize(("text", "entities", "expected"), HAPPENINGS, ids=[c[0][:40] for c in HAPPENINGS])
def test_happenings(text, entities, expected) -> None:
    assert [(e.trigger_text, e.type, e.modality) for e in _events(text, entities)] == expected


@pytest.mark.parametrize("text", [
    "W wypadku odmowy sąd orzeka grzywnę.",
    "Na ten wypadek przygotowano zapasy.",
    "W przeciwnym wypadku umowa traci moc.",
    "W wypadku pierwszego spisu ludzie zadeklarowali się inaczej.",
    "Lawina listów napłynęła do redakcji.",
    "W porozumieniu z rządem komitet rozdzielił zapomogi.",
    # a message is no traveller, however it travels
    "Pogłoski przyjechały pociągiem z Warszawy.",
    # resistance with no armed party is no fight
    "Opozycja stawiła rządowi zacięty opór.",
])
def test_no_happening(text) -> None:
    assert _events(text) == []


MODALITY = [
    # called, invited to or still ahead: to come
    ("Rząd zarządził wybory do rady miejskiej w Lublinie.", "wybory", "future"),
    ("Posłów zaproszono na kongres w Genewie.", "kongres", "future"),
    ("Przyszłe wybory w Lublinie zdecydują o wszystkim.", "wybory", "future"),
    # a vote or a match called is to come, a strike declared is on; a match one will go to is to come
    ("Gubernator ogłosił wybory do rady miejskiej.", "wybory", "future"),
    ("Związek ogłosił strajk generalny.", "strajk", "asserted"),
    ("Nasi zawodnicy pojadą na mecz do Królewca.", "mecz", "future"),
    # a case supposed
    ("W razie pożaru w Lublinie straż wezwie pomoc.", "pożaru", "conditional"),
    # a finite verb that governs only the noun, with no infinitive, plans nothing
    ("Odpowiedź na przemówienie Stresemanna, mimo uprzejmych zwrotów, ma charakter negatywny.", "przemówienie",
     "asserted"),
]


@pytest.mark.parametrize(("text", "trigger", "modality"), MODALITY, ids=[f"{c[1]}:{c[0][:30]}" for c in MODALITY])
def test_modality(text, trigger, modality) -> None:
    entities = [(name, "PLACE", lemma) for name, lemma in
                [("Lublinie", "Lublin"), ("Genewie", "Genewa"), ("Królewca", "Królewiec")] if name in text]
    entities += [("Stresemanna", "PERSON", "Stresemann")] if "Stresemanna" in text else []
    events = {e.trigger_text: e for e in _events(text, entities)}
    assert events[trigger].modality == modality


def test_a_speech_named_by_its_speaker_takes_no_time_of_the_report() -> None:
    events = _events("BERLIN, 2 lutego. Odpowiedź na przemówienie Stresemanna, mimo uprzejmych zwrotów, ma charakter "
                     "negatywny.",
                     [("BERLIN", "PLACE", "Berlin"), ("Stresemanna", "PERSON", "Stresemann")],
                     [("2 lutego", "DATE", "1928-02-02")], dct="1928-02-04")
    assert [(e.trigger_text, e.time) for e in events] == [("przemówienie", None)]


def test_what_happened_since_or_was_avenged_is_not_at_the_issue_date() -> None:
    # "odkąd" places the declaration before the time written about; a deed avenged was before its revenge
    events = _events("Odkąd wojnę wypowiedziały Stany Zjednoczone, wzrosły zyski.",
                     [("Stany Zjednoczone", "COUNTRY", "Stany Zjednoczone")], dct="1918-09-11")
    assert [(e.trigger_text, e.time) for e in events] == [("wojnę wypowiedziały", None)]
    events = _events("Odwet za zabicie posła nastąpił nazajutrz.", dct="1918-09-11")
    assert [(e.trigger_text, e.time) for e in events] == [("zabicie", None)]


def test_a_retrospective_text_gives_no_issue_date_to_what_it_tells() -> None:
    # a history names no day of its issue: its past is not the issue's day
    events = _events("Kościół zbudowano na miejscu pogańskiej świątyni. Pożar zniszczył świątynię.", dct="1932-01-19")
    assert [(e.trigger_text, e.time) for e in events] == [("zbudowano", None), ("Pożar", None)]
    # a report of the issue's days does
    events = _events("W Lidzie aresztowano trzech komunistów. Dziś zbierze się sąd.",
                     [("Lidzie", "PLACE", "Lida")], [("Dziś", "DATE", "1932-01-19")], dct="1932-01-19")
    assert [(e.trigger_text, e.time, e.time_basis) for e in events][0] == ("aresztowano", "1932-01-19", "issue")


def test_then_points_back_to_the_narrative_and_now_to_the_issue() -> None:
    events = _events("Rok 1935 przyniósł zmianę. Zawarto wtedy układ z Niemcami. Obecnie rokowania trwają.",
                     [("Niemcami", "COUNTRY", "Niemcy")], [("Rok 1935", "DATE", "1935")], dct="1938-05-12")
    assert [(e.trigger_text, e.time, e.time_basis) for e in events] == [
        ("Zawarto", "1935", "narrative"), ("rokowania", "1938-05-12", "issue")]


def test_a_town_named_in_a_match_is_its_club() -> None:
    events = _events("Wilno pokonało Kowno w meczu lekkoatletycznym 80:60.",
                     [("Wilno", "PLACE", "Wilno"), ("Kowno", "PLACE", "Kowno")])
    beat = next(e for e in events if e.trigger_text == "pokonało")
    assert beat.type == "sports" and beat.places == []
    assert "Wilno" in [p.lemma for p in beat.participants]


def test_the_genitive_of_an_event_noun_does_it_or_undergoes_it() -> None:
    roles = {e.trigger_text: [(p.lemma, p.role) for p in e.participants] for e in _events(
        "Po przemówieniu posła Nowaka nastąpiło aresztowanie posła Kowalskiego.",
        [("Nowaka", "PERSON", "Nowak"), ("Kowalskiego", "PERSON", "Kowalski")])}
    assert roles["przemówieniu"] == [("Nowak", "agent")]
    assert roles["aresztowanie"] == [("Kowalski", "patient")]


def test_the_execution_of_one_man_is_no_mass_killing() -> None:
    one = _events("Wczoraj rozstrzelano Jana Kowalskiego.", [("Jana Kowalskiego", "PERSON", "Jan Kowalski")])
    assert [(e.type, [(p.lemma, p.role) for p in e.participants]) for e in one] == [
        ("other", [("Jan Kowalski", "patient")])]
    many = _events("Wczoraj rozstrzelano Jana Kowalskiego i Piotra Nowaka.",
                   [("Jana Kowalskiego", "PERSON", "Jan Kowalski"), ("Piotra Nowaka", "PERSON", "Piotr Nowak")])
    assert [e.type for e in many] == ["mass_killing"]
    assert [e.type for e in _events("Bolszewicy rozstrzelali 512 zakładników.")] == ["mass_killing"]


def test_a_participle_with_its_own_date_tells_a_happening_of_that_date() -> None:
    # an attribute: its time is its own, not the narrative's, and the clause's modal verb is not its modality
    text = ("KOWNO, 1 lipca. Budżet jest mniejszy niż preliminarz uchwalony w styczniu. "
            "Następnie minister oświadczył, że projekt zostanie wniesiony. Zawarty w r. 1934 układ uważać "
            "należało za dowód dobrej woli.")
    events = _events(text, [("KOWNO", "PLACE", "Kowno")],
                     [("1 lipca", "DATE", "1939-07-01"), ("w styczniu", "DATE", "1939-01"),
                      ("r. 1934", "DATE", "1934")], dct="1939-07-02")
    assert [(e.trigger_text, e.type, e.modality, e.time) for e in events] == [
        ("uchwalony", "legal_act", "asserted", "1939-01"), ("oświadczył", "speech", "asserted", "1939-07-01"),
        ("Zawarty", "treaty", "asserted", "1934")]


def test_a_bill_passed_is_one_happening() -> None:
    events = _events("Po krótkiej dyskusji projekt ustawy skarbowej został przyjęty.")
    assert [(e.trigger_text, e.type) for e in events] == [("projekt ustawy skarbowej został przyjęty", "legal_act")]


@pytest.mark.parametrize(("text", "name", "lemma", "role"), [
    # an abbreviated title is known by its written form (Morfeusz reads *min.* as a mine or a minute)
    ("Wczoraj do Lublina przybył min. Dubois.", "Dubois", "Dubois", "agent"),
    ("W sali ratusza przemawiał dr Rossi.", "Rossi", "Rossi", "agent"),
    ("Wczoraj aresztowano sierż. Ricci.", "Ricci", "Ricci", "patient"),
])
def test_a_title_abbreviation_leaves_the_name_its_role(text: str, name: str, lemma: str, role: str) -> None:
    [event] = _events(text, [(name, "PERSON", lemma)])
    assert [(p.lemma, p.role) for p in event.participants] == [(lemma, role)]
