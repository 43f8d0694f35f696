"""What a clause presupposes, repeats or only figures, on sentences of our own: a happening that is the
subject of a verb other than one of existence took place whatever that verb's negation or modal says;
a habit is no dated happening, nor is a danger guarded against; a heading names the happening its notice
tells; what is called or invited to is not dated by the calling; a defence of an idea, or a state's
resistance, is no fight by itself; clubs named after a result take part. Entities and timexes are given by
hand (tests/events/builders.py)."""

from __future__ import annotations

import pytest

from tests.events.builders import annotated_events

PLACES = [("Lidzie", "Lida"), ("Wilnie", "Wilno"), ("Wilna", "Wilno"), ("Wilnem", "Wilno"), ("Pradze", "Praga"),
          ("Mokrą", "Mokra"), ("Bzurze", "Bzura"),
          ("Genewie", "Genewa"), ("Lublinie", "Lublin"), ("Wisły", "Wisła")]


def _events(text, entities=(), timexes=(), dct="1937-06-10"):
    places = [(name, "PLACE", lemma) for name, lemma in PLACES if name in text]
    return annotated_events(text, list(entities) + places, timexes, dct=dct)


# the negation or the modal of the predicate is the predicate's: the subject happening is presupposed, unless
# the verb itself says that it took place (wybuchnąć, odbyć się)
SUBJECT_MODALITY = [
    ("Pożar nie wpłynął na ruch pociągów.", "Pożar", "asserted"),
    ("Powódź może przerwać komunikację z Wilnem.", "Powódź", "asserted"),
    ("Ogień mógł się rozszerzać na sąsiednie domy.", "Ogień", "asserted"),
    ("Burza nie wyrządziła w Lidzie większych szkód.", "Burza", "asserted"),
    ("Lawina nie porwała nikogo.", "Lawina", "asserted"),
    ("Pożar nie wybuchł w Lidzie.", "Pożar", "negated"),
    ("Zebranie może się odbyć w Wilnie.", "Zebranie", "possible"),
    ("Mecz nie odbył się.", "Mecz", "negated"),
    # a verb that performs the happening is its predicate: "rokowania nie mogą być prowadzone" denies them
    ("Rokowania w Genewie nie mogą być dalej prowadzone.", "Rokowania", "negated"),
    ("Wybory w Lublinie nie mogą być przeprowadzone w terminie.", "Wybory", "negated"),
    ("Aktywiści postanowili zorganizować walne zgromadzenie.", "zgromadzenie", "future"),
    # the tense of the predicate still is the happening's
    ("Powódź przerwie komunikację z Wilnem.", "Powódź", "future"),
]


@pytest.mark.parametrize(("text", "trigger", "modality"), SUBJECT_MODALITY,
                         ids=[c[0][:40] for c in SUBJECT_MODALITY])
def test_a_subject_happening_keeps_its_own_modality(text, trigger, modality) -> None:
    events = {e.trigger_text: e for e in _events(text)}
    assert events[trigger].modality == modality


@pytest.mark.parametrize("text", [
    "Co roku w Wilnie odbywa się zjazd nauczycieli.",
    "Minister zwykle przyjeżdża do Wilna w maju.",
    "Często wybuchały pożary w Lidzie.",
    # a defence of an idea, a resistance to a policy: figures, even with a country as the party
    "Polska broniła idei słowiańskiej.",
    "Polska stawiała opór germanizacji.",
    # a danger guarded against
    "Niziny nie miały dotąd żadnej ochrony przeciwko wylewom Wisły.",
    "Wał chroni wieś w Lidzie przed powodzią.",
])
def test_no_single_happening(text) -> None:
    timexes = [("Co roku", "SET", "P1Y")] if "Co roku" in text else []
    assert _events(text, [("Polska", "COUNTRY", "Polska")] if "Polska" in text else [], timexes) == []


def test_a_single_happening_beside_a_habit_is_one() -> None:
    events = _events("Wczoraj w Lidzie wybuchł pożar, jak to często bywa.", timexes=[("Wczoraj", "DATE", "1937-06-09")])
    assert [(e.trigger_text, e.time) for e in events] == [("pożar", "1937-06-09")]


def test_a_state_that_resists_may_resist_in_words() -> None:
    assert _events("Gdy Polska stawiła mu opór, odpowiedziała odmową.", [("Polska", "COUNTRY", "Polska")]) == []


def test_a_defence_of_a_place_or_a_bridge_is_a_fight() -> None:
    events = _events("Pułk bronił mostu na Bzurze.")
    assert [e.type for e in events] == ["defense"]
    events = _events("Polacy stawili opór Niemcom pod Mokrą.", [("Niemcom", "COUNTRY", "Niemcy")])
    assert [(e.type, [(p.lemma, p.role) for p in e.participants]) for e in events] == [
        ("battle", [("Niemcy", "opponent")])]


def test_a_participle_of_a_phase_gives_its_time_only_when_the_clause_has_none() -> None:
    timexes = [("Wczoraj", "DATE", "1937-06-09"), ("przed dwoma tygodniami", "DATE", "1937-05-27")]
    events = _events("Wczoraj w Sejmie wznowiono debatę przerwaną przed dwoma tygodniami.", timexes=timexes)
    assert [(e.trigger_text, e.time) for e in events] == [("debatę", "1937-06-09")]
    events = _events("Debata, przerwana przed dwoma tygodniami, dotyczyła budżetu.",
                     timexes=[("przed dwoma tygodniami", "DATE", "1937-05-27")])
    assert [(e.trigger_text, e.time) for e in events] == [("Debata", "1937-05-27")]


def test_a_phase_told_by_a_participle_dates_neither_the_happening_nor_the_narrative() -> None:
    # the debate goes on at the sitting of the 27th; it was interrupted two weeks before
    text = ("Na posiedzeniu izby (z 27 b. m.) toczyła się dalsza debata przerwana przed dwoma tygodniami, "
            "i izba przyjęła pięć artykułów projektu.")
    timexes = [("27 b. m.", "DATE", "1863-11-27"), ("przed dwoma tygodniami", "DATE", "1863-11-13")]
    events = _events(text, timexes=timexes, dct="1863-11-30")
    assert {e.time for e in events} == {"1863-11-27"}
    # a participle that performs the happening dates it, whatever else the clause says of it
    events = _events("Rozegrane 10 lutego w Katowicach zawody rozpoczęły cykl imprez.",
                     [("Katowicach", "PLACE", "Katowice")], [("10 lutego", "DATE", "2007-02-10")], dct="2007-02-20")
    assert [(e.trigger_text, e.time) for e in events] == [("zawody", "2007-02-10")]


def test_what_is_invited_to_is_not_dated_by_the_invitation() -> None:
    events = _events("Wczoraj otrzymaliśmy zaproszenie na kongres słowiański w Pradze.",
                     timexes=[("Wczoraj", "DATE", "1937-06-09")])
    assert [(e.trigger_text, e.modality, e.time) for e in events] == [("kongres", "future", None)]
    # a date after the noun without "na" is the invitation's
    events = _events("Sułtanowi doręczone zostało pismo zapraszające na kongres dnia 20 b. m.",
                     timexes=[("dnia 20 b. m.", "DATE", "1937-06-20")])
    assert [(e.trigger_text, e.modality, e.time) for e in events] == [("kongres", "future", None)]
    # invited to, however far the verb stands
    events = _events("Klub zaprasza wszystkich sympatyków piłki nożnej na mecze w Lublinie.")
    assert [(e.trigger_text, e.modality) for e in events] == [("mecze", "future")]
    events = _events("Prezydent zarządził wczoraj wybory na dzień 6 listopada.",
                     timexes=[("wczoraj", "DATE", "1937-06-09"), ("6 listopada", "DATE", "1937-11-06")])
    assert [(e.trigger_text, e.modality, e.time) for e in events][-1] == ("wybory", "future", "1937-11-06")


def test_a_heading_names_the_happening_its_notice_tells() -> None:
    events = _events("Przyjazd ministra do Wilna. Minister przybędzie do Wilna w przyszłym tygodniu.",
                     timexes=[("w przyszłym tygodniu", "DATE", "1937-W24")])
    assert [(e.trigger_text, e.modality, e.time) for e in events] == [
        ("Przyjazd", "future", "1937-W24"), ("przybędzie", "future", "1937-W24")]


def test_clubs_after_a_result_take_part_in_the_match() -> None:
    events = _events("Mecz zakończył się zwycięstwem Bzury nad Pogonią.",
                     [("Bzury", "PLACE", "Bzura"), ("Pogonią", "PLACE", "Pogoń")])
    assert [(e.trigger_text, e.places, [(p.lemma, p.role) for p in e.participants]) for e in events] == [
        ("Mecz", [], [("Bzura", "participant"), ("Pogoń", "opponent")])]
