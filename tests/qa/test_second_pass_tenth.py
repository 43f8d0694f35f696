"""The tenth round's second pass: a number right after the asked verb, its noun left out, counts the verb's
subject (*do celu dotarło 17*), and the verbs of finishing a race are related (*ukończyć*, *dojechać*,
*dotrzeć*, *przybyć*; ``related_words.tsv``), none of them an answer; *jaki/który/czyj* agree with their
noun in case, number and gender (*Do której trwało…?* has none); *jaki* + a noun of a building or a room asks
one named by its capitalised kind and adjectives (*w Auli Kolumnowej*); *przed* with the instrumental places
(*przed gmachem X*, ``prepositions.tsv``). Notes written for these tests."""

from __future__ import annotations

import pytest

from kronika.qa import answer
from kronika.qa.question import parse_question
from kronika.store import Store

NOTES = [
    ("1933-09-04", "KATOWICE, 3 września. Wczoraj odbył się bieg przełajowy o mistrzostwo Śląska. Do biegu "
                   "zgłosiło się 64 zawodników z dwunastu klubów; do celu dotarło 41. Zwyciężył Paweł Kurek "
                   "z Chorzowa."),
    ("1932-03-12", "RADOM, 11 marca. Walne zebranie Kasy Stefczyka, otwarte w sali Resursy o godz. 18, trwało "
                   "do godz. 22.30; nowym prezesem wybrano Jana Mroczka."),
    ("1935-10-02", "POZNAŃ, 1 października. Wczoraj o godz. 11 odbyło się w Auli Kolumnowej Uniwersytetu "
                   "Poznańskiego uroczyste otwarcie roku akademickiego. Przedtem w kościele Bernardynów odprawiono "
                   "nabożeństwo."),
    ("1935-11-12", "KRAKÓW, 11 listopada. Wczoraj wieczorem odbył się w Sali Lustrzanej Teatru Słowackiego koncert "
                   "chóru „Echo”."),
    ("1937-06-14", "KRAKÓW, 13 czerwca. Dziś o godz. 15 przybyli na metę przed gmachem Sokoła przy ul. "
                   "Piłsudskiego ostatni zawodnicy biegu sztafetowego. Na start stanęło 12 drużyn."),
]


@pytest.mark.parametrize(("question", "expected"), [
    ("Ilu biegaczy ukończyło bieg?", 41),
    ("Ilu zawodników zgłosiło się do biegu?", 64),
    ("Do której trwało zebranie Kasy Stefczyka?", "T22:30"),
])
def test_a_count_after_the_asked_verb_and_an_hour(store: Store, question: str, expected: object) -> None:
    answers = answer(store, question)
    assert answers, question
    assert str(expected) in str(answers[0].value), (question, answers[0])


@pytest.mark.parametrize(("question", "asks", "noun"), [
    ("Do której trwało zebranie?", "time", None),  # "trwało" a verb; its noun reading a vocative
    ("Do której trwała sesja?", "time", None),  # "sesja" in the nominative: not the noun of "której"
    ("Do której godziny trwało zebranie?", "time", "godziny"),
    ("W jakiej sali odbył się koncert?", "which", "sali"),
    ("Którzy posłowie głosowali przeciw?", "person", "posłowie"),
])
def test_the_noun_of_jaki_and_ktory_agrees_with_it(question: str, asks: str, noun: str | None) -> None:
    parsed = parse_question(question)
    assert (parsed.asks, parsed.noun.form if parsed.noun else None) == (asks, noun)


@pytest.mark.parametrize(("question", "expected"), [
    ("W jakiej sali odbyło się otwarcie roku akademickiego?", "Auli Kolumnowej"),  # sala and aula related
    ("W jakiej sali odbył się koncert chóru?", "Sali Lustrzanej Teatru Słowackiego"),  # a name found whole
    ("W jakim kościele odprawiono nabożeństwo?", "Bernardynów"),  # no hall of another kind
])
def test_a_named_building_of_the_asked_kind(store: Store, question: str, expected: str) -> None:
    answers = answer(store, question)
    assert answers, question
    assert expected in answers[0].text, (question, answers[0])


def test_przed_with_a_building_says_where(store: Store) -> None:
    answers = answer(store, "Gdzie była meta biegu sztafetowego?")
    assert answers
    assert answers[0].text == "gmachem Sokoła", answers[0]
