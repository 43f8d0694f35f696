"""The dative a *komu* asks, whither after a complex preposition, and the part of a sentence the asked verb
says, in notes written for these tests: the dative of a feminine noun has the genitive's and the
locative's form (*radzie*, *komisji*), so the tagger's pick among them does not decide; *w kierunku* +
the genitive says whither; a list before a semicolon is not the subject of the verb after it."""

from __future__ import annotations

import pytest

from kronika.qa import answer
from kronika.store import Store

NOTES = [
    ("1936-06-02", "Jeżeli strony nie dojdą do ugody, spór zostanie przekazany radzie nadzorczej spółki."),
    ("1936-06-04", "Złodzieje zabrali z kasy 300 zł i uciekli rowerami w kierunku Garwolina."),
    ("1936-06-06", "Na wystawie pokazują swe wyroby Francja, Belgja i Holandja; po raz pierwszy wystawia na "
                   "niej Egipt."),
]


@pytest.mark.parametrize(("question", "expected"), [
    ("Komu zostanie przekazany spór, jeśli strony nie dojdą do ugody?", "radzie nadzorczej"),
    ("Dokąd uciekli złodzieje?", "Garwolin"),
    ("Jakie państwo po raz pierwszy wystawia na wystawie?", "Egipt"),
])
def test_dative_whither_and_the_asked_part(store: Store, question: str, expected: str) -> None:
    answers = answer(store, question)
    assert answers, question
    assert expected in answers[0].text, (question, answers[0])
