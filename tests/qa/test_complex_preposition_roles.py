"""A complex preposition gives a person's genitive the role of a simple preposition (``prepositions.tsv``),
in notes written for these tests: *w towarzystwie X* is the companion *z kim* asks about, *według projektu
X* the agent of *kto zaprojektował*."""

from __future__ import annotations

import pytest

from kronika.qa import answer
from kronika.qa.read import preposition_roles
from kronika.store import Store

NOTES = [
    ("1935-03-06", "KATOWICE, 5 marca. Do huty „Pokój” w Rudzie przybył wczoraj starosta Adam Nowak w "
                   "towarzystwie inspektora pracy Karola Zięby. Goście zwiedzili walcownię."),
    ("1937-05-12", "W Pułtusku oddano wczoraj do użytku nowy gmach gimnazjum, wzniesiony według projektu "
                   "architekta Tadeusza Walczaka. Budowa trwała dwa lata."),
]


@pytest.mark.parametrize(("question", "expected"), [
    ("Z kim starosta przybył do huty w Rudzie?", "Karol"),
    ("Kto zaprojektował gmach gimnazjum w Pułtusku?", "Tadeusz"),
])
def test_a_person_in_a_complex_prepositions_role(store: Store, question: str, expected: str) -> None:
    answers = answer(store, question)
    assert answers, question
    assert expected in answers[0].text, (question, answers[0])


@pytest.mark.parametrize(("phrase", "role"), [
    ("w towarzystwie", "with"), ("w asyście", "with"), ("według projektu", "by"), ("pod kierownictwem", "by"),
])
def test_complex_prepositions_of_persons_are_data(phrase: str, role: str) -> None:
    assert role in preposition_roles()[phrase]
