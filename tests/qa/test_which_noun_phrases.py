"""*Jaki/który/czyj* + noun: the noun after its adjective is the one asked (*z jaką średnią szybkością*,
*ilu nowych członków*); the genitive after the asked noun may be an anniversary written with its number
(*z okazji 40-lecia*); a name keeps the capitalised adjectives after it that agree with it (*pod wezwaniem
Ducha Świętego*); the asked noun in the spelling before 1936 (*relikwje*) still has the name after it as its
genitive. Notes written for these tests."""

from __future__ import annotations

import pytest

from kronika.qa import answer
from kronika.qa.question import parse_question
from kronika.store import Store

NOTES = [
    ("1935-07-08", "LWÓW, 7 lipca. W wyścigu motocyklowym na trasie Lwów–Stryj zwyciężył Adam Rzepa, który "
                   "jechał ze średnią szybkością 74 km na godzinę."),
    ("1934-10-02", "GNIEZNO, 1 października. Wczoraj odbył się zjazd Towarzystwa Gimnastycznego „Sokół”, "
                   "zwołany z okazji 40-lecia gniazda. Do towarzystwa przyjęto w tym roku 56 nowych członków."),
    ("1930-06-16", "OPOLE LUBELSKIE, 15 czerwca. Ks. biskup poświęcił wczoraj nową kaplicę pod wezwaniem Ducha "
                   "Świętego. W ołtarzu złożono relikwje św. Wawrzyńca, przywiezione z Krakowa."),
]


def test_the_noun_after_its_adjective_is_asked() -> None:
    assert parse_question("Z jaką średnią szybkością jechał?").noun.form == "szybkością"
    assert parse_question("Ilu nowych członków przyjęto?").noun.form == "członków"
    assert parse_question("Jaką nagrodę otrzymał?").noun.form == "nagrodę"
    assert parse_question("Jak długa była trasa?").noun is None  # "była" is the verb, not a noun


@pytest.mark.parametrize(("question", "expected"), [
    ("Z jaką średnią szybkością jechał zwycięzca wyścigu?", "74"),
    ("Ilu nowych członków przyjęto do towarzystwa?", "56"),
    ("Z jakiej okazji zwołano zjazd Sokoła?", "40-lecia gniazda"),
    ("Pod jakim wezwaniem jest nowa kaplica?", "Ducha Świętego"),
    ("Czyje relikwie złożono w ołtarzu?", "Wawrzyńca"),
])
def test_which_noun_phrases(store: Store, question: str, expected: str) -> None:
    answers = answer(store, question)
    assert answers, question
    assert expected in answers[0].text, (question, answers[0])
