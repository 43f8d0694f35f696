"""*Jak* + an adjective of size (*Jak długa…?*, *Jak wysoka…?*; class `dimension:NOUN` in
``question_words.tsv``) asks the amount of that dimension: the amount said with its noun (*na wysokość 38
metrów*), or in a unit of it with no noun of its own (*liczący 640 m*); an amount that measures another noun
(*z szybkością 60 km*, *12 metrów szerokości*) is no answer. Notes written for these tests."""

from __future__ import annotations

import pytest

from kronika.qa import answer
from kronika.qa.question import parse_question
from kronika.store import Store

NOTES = [
    ("1929-11-05", "TCZEW, 4 listopada. Nowy most drogowy na Wiśle, liczący 640 m, otwarto wczoraj dla ruchu. "
                   "Pierwszy przejechał po nim pociąg rządowy z szybkością 60 km na godzinę."),
    ("1931-08-11", "ZAKOPANE, 10 sierpnia. Wieża nowego kościoła ma 12 metrów szerokości u podstawy i wznosi się "
                   "na wysokość 38 metrów."),
]


def test_an_adjective_of_size_asks_its_dimension() -> None:
    question = parse_question("Jak długa była trasa rajdu?")
    assert (question.asks, question.dimension, question.noun) == ("quantity", "długość", None)
    assert parse_question("Jak wysoka jest wieża?").dimension == "wysokość"
    assert parse_question("Jak długo trwał lot?").dimension is None  # an adverb: a length of time


@pytest.mark.parametrize(("question", "expected"), [
    ("Jak długi jest nowy most w Tczewie?", 640),
    ("Jak wysoka jest wieża nowego kościoła w Zakopanem?", 38),
])
def test_the_amount_of_the_asked_dimension(store: Store, question: str, expected: int) -> None:
    answers = answer(store, question)
    assert answers, question
    assert answers[0].value == expected, (question, answers[0])
