"""Kinds of question the earlier sets had few of, in notes written for these tests: *w jakim celu* is
answered by the deverbal noun after *w celu* with its own object (*w celu osuszenia łąk*); *od kiedy*,
*do kiedy* by the date after that preposition, not by another date of the sentence; *jak długo* by a
duration; *dla kogo* by a noun counted in digits (*dla 40 sierot*); *na co* by the noun with its
genitive attribute and the attribute's adjectives (*na budowę nowego mostu*); the genitive after an
amount names the thing measured, so *14 kwintali jęczmienia* does not answer *Ile kwintali owsa…?*; an
adjective after a comma is in apposition to the list item before it (*córkę Marię, zamężną X, zamieszkałą
w Y*), and the question's noun tells the item more than its genitive attribute (*córka zmarłego kupca*)."""

from __future__ import annotations

import pytest

from kronika.qa import answer
from kronika.store import Store

NOTES = [
    ("1934-04-03", "Spółka wodna w Mławie kopie rowy w celu osuszenia łąk nad Wkrą."),
    ("1934-04-05", "Towarzystwo Gimnastyczne, działające od roku 1892, urządziło w sobotę zebranie."),
    ("1934-04-07", "Kierownik poczty w Płońsku pełnił swój urząd przez 18 lat."),
    ("1934-04-09", "Ochronkę w Sierpcu otwarto dla 40 sierot z powiatu."),
    ("1934-04-11", "Dochód z loterji fantowej przeznaczono na budowę nowego mostu w Raciążu."),
    ("1934-04-13", "W powiecie płockim zebrano z hektara po 14 kwintali jęczmienia. Plon owsa z hektara wyniósł "
                   "tam 12 kwintali."),
    ("1934-04-15", "Zmarły kupiec Jan Nowak pozostawił żonę Annę, syna Piotra, lekarza w Kielcach, i córkę Marię, "
                   "zamężną Kowalską, zamieszkałą w Radomiu."),
]


@pytest.mark.parametrize(("question", "expected"), [
    ("W jakim celu spółka wodna kopie rowy?", "osuszenia łąk"),
    ("Od kiedy działa Towarzystwo Gimnastyczne?", "1892"),
    ("Jak długo kierownik poczty w Płońsku pełnił swój urząd?", "P18Y"),
    ("Dla kogo otwarto ochronkę w Sierpcu?", "40 sierot"),
    ("Na co przeznaczono dochód z loterji fantowej?", "budowę nowego mostu"),
    ("Ile kwintali owsa zebrano z hektara w powiecie płockim?", "12"),
    ("Gdzie mieszka córka zmarłego kupca?", "Radom"),
])
def test_purpose_bounds_and_phrases(store: Store, question: str, expected: str) -> None:
    answers = answer(store, question)
    assert answers, question
    assert expected in str(answers[0].value) or expected in answers[0].text, (question, answers[0])
