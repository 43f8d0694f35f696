"""A verb and the noun derived from it name one happening (related words), in notes written for these
tests: *zagłosują* ← *głosowanie … odbędzie się*, *poświęcił* ← *poświęcenia dokonał*, and a synonym
(*schwytać* / *ująć*)."""

from __future__ import annotations

import pytest

from kronika.qa import answer
from kronika.qa.retrieve import related_words
from kronika.store import Store

NOTES = [
    ("1936-02-10", "WARSZAWA, 9 lutego. Komisja budżetowa Senatu przyjęła wczoraj ustawę o lasach "
                   "państwowych. Głosowanie nad ustawą w Senacie odbędzie się w piątek, 14 b. m."),
    ("1936-09-02", "W niedzielę starosta Jan Wilk otworzył w Radomyślu nową szkołę powszechną. Poświęcenia "
                   "szkoły dokonał ks. proboszcz Wincenty Góra."),
    ("1936-11-20", "Sklep kolonjalny w Sieradzu okradł wczoraj Antoni Mucha. Złodzieja ujął na dworcu "
                   "posterunkowy Jan Kot."),
]


@pytest.mark.parametrize(("question", "expected"), [
    ("Kiedy Senat zagłosuje nad ustawą o lasach?", "14"),
    ("Kto poświęcił nową szkołę w Radomyślu?", "Wincenty Góra"),
    ("Kto schwytał złodzieja w Sieradzu?", "Jan Kot"),
])
def test_a_verb_asked_by_its_noun_or_synonym(store: Store, question: str, expected: str) -> None:
    answers = answer(store, question)
    assert answers, question
    assert expected in answers[0].text, (question, answers[0])


@pytest.mark.parametrize(("verb", "noun"), [
    ("głosować", "głosowanie"), ("poświęcić", "poświęcenie"), ("wybuchnąć", "wybuch"), ("wystartować", "start"),
    ("zaprojektować", "projekt"), ("oskarżyć", "oskarżyciel"),
])
def test_verb_and_its_noun_are_related_words(verb: str, noun: str) -> None:
    assert noun in related_words()[verb] and verb in related_words()[noun]
