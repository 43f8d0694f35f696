"""Verbs of crossing and of motion away as related words, in notes written for these tests: a question with
*przekroczyć granicę* finds the note that says *wkroczyć na teren*, *wejść* or *najechać*; one with *wracać*
finds *wyjeżdżać*, *odjeżdżać*, *odpływać*; *płynąć* with its prefixes of setting out (*popłynąć*, *odpłynąć*,
*wypłynąć*) names one voyage."""

from __future__ import annotations

import pytest

from kronika.qa import answer
from kronika.qa.retrieve import related_words
from kronika.store import Store

NOTES = [
    ("1920-08-03", "Dnia 12 lipca 1920 roku oddziały litewskie wkroczyły na teren powiatu trockiego. Dnia 30 "
                   "lipca 1920 roku oddziały łotewskie zajęły stację kolejową w Dyneburgu."),
    ("1936-05-20", "Dnia 4 maja 1936 roku z portu w Gdyni odpłynęli do Brazylii osadnicy z Wołynia."),
]


@pytest.mark.parametrize(("one", "other"), [
    ("przekroczyć", "wkroczyć"), ("przekroczyć", "wejść"), ("przekroczyć", "najechać"),
    ("wracać", "wyjeżdżać"), ("wracać", "odjeżdżać"), ("wracać", "odpływać"),
    ("popłynąć", "odpłynąć"), ("płynąć", "wypłynąć"),
])
def test_crossing_and_leaving_are_related(one: str, other: str) -> None:
    assert other in related_words()[one] and one in related_words()[other]


@pytest.mark.parametrize(("question", "expected"), [
    ("Kiedy oddziały litewskie przekroczyły granicę powiatu trockiego?", "12 lipca"),
])
def test_crossing_asked_with_another_verb(store: Store, question: str, expected: str) -> None:
    answers = answer(store, question)
    assert answers, question
    assert expected in answers[0].text, (question, answers[0])
