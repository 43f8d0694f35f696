"""*Czym* with a verb of travelling asks the means of transport, in notes written for these tests: a noun of a
vehicle that is the subject of such a verb answers it (*odpłynął statek „Pułaski”, zabierając osadników*:
they sailed on it), its name in quotation marks with it; a vehicle that is not the subject of a verb of
travelling does not."""

from __future__ import annotations

import pytest

from kronika.qa import answer
from kronika.store import Store

NOTES = [
    ("1936-05-06", "Dnia 4 maja 1936 roku z portu w Gdyni odpłynął do Brazylii statek „Pułaski”, zabierając "
                   "osadników z Wołynia."),
    ("1937-02-10", "Wczoraj rano z Krakowa odjechał do Zakopanego pociąg specjalny, wioząc uczestników zjazdu "
                   "narciarzy."),
    ("1937-03-01", "Wczoraj w Poznaniu samochód ciężarowy potrącił przechodnia."),
]


@pytest.mark.parametrize(("question", "expected"), [
    ("Czym popłynęli osadnicy z Wołynia do Brazylii?", "statek „Pułaski”"),
    ("Czym pojechali uczestnicy zjazdu narciarzy do Zakopanego?", "pociąg specjalny"),
])
def test_vehicle_subject_answers_czym(store: Store, question: str, expected: str) -> None:
    answers = answer(store, question)
    assert answers, question
    assert answers[0].text == expected, (question, answers[0])


def test_vehicle_not_travelling_does_not_answer(store: Store) -> None:
    answers = answer(store, "Czym pojechał przechodzień do Poznania?")
    assert not any("samochód" in a.text for a in answers), answers
