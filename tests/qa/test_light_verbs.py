"""A verb of happening with a deverbal noun as its subject (class `light` in ``question_words.tsv``) says
that the noun's happening took place: *nastąpił wybuch* answers *Co się stało?*, in notes written for these
tests; a "what happened" question naming a day still lists that day's stored events."""

from __future__ import annotations

import pytest

from kronika.qa import answer
from kronika.qa.question import load_question_words, parse_question
from kronika.store import Store

NOTES = [
    ("1934-06-05", "KATOWICE, 4 czerwca. W kopalni „Zofja” w Czeladzi nastąpił wczoraj wybuch metanu na "
                   "głębokości 300 metrów. Zginęło trzech górników."),
    ("1934-06-06", "KATOWICE, 5 czerwca. Pogrzeb ofiar katastrofy w kopalni „Zofja” odbędzie się w sobotę, "
                   "9 b. m., o godz. 10 rano."),
    ("1935-01-15", "W nocy z soboty na niedzielę w tartaku Jana Cisa w Ostrowi wybuchł pożar. Straty sięgają "
                   "20.000 zł."),
]


@pytest.mark.parametrize(("question", "expected"), [
    ("Co się stało w kopalni „Zofja”?", "wybuch"),
    ("Co się wydarzyło w tartaku w Ostrowi?", "pożar"),
    ("Kiedy będzie pogrzeb ofiar katastrofy?", "9"),
])
def test_the_happening_said_by_a_light_verb(store: Store, question: str, expected: str) -> None:
    answers = answer(store, question)
    assert answers, question
    assert expected in answers[0].text, (question, answers[0])


def test_what_happened_asks_the_subject_of_a_verb_of_happening() -> None:
    question = parse_question("Co się stało w kopalni?")
    assert question.happened and not question.predicates
    assert {"nastąpić", "wybuchnąć"} <= load_question_words()["light"]
