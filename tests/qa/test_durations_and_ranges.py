"""Numbers the way a note writes them, in notes written for these tests: a length of time asked in any unit
(*Ile trwało…?*, *W jakim czasie…?*) is answered by the duration whole, of two units or in words (*35
min. 20 sek.*, *blisko dwie godziny*), *o ile* with no noun by the duration after *o*; a superlative asks
one end of a range (*najtańsze* ← *od 2 zł do 10 zł*); the question's own number is never its answer;
the nominative and accusative plural of all but men are one form, the verb's agreement tells the subject
(*Tramwaje zbudowały Zakłady X*); a noun of nationality before a name is in apposition (*Węgier X Y*);
converse words of winning (*zwycięzcą został* answers *kto wygrał*)."""

from __future__ import annotations

import pytest

from kronika.qa import answer
from kronika.store import Store

NOTES = [
    ("1937-03-02", "Walne zebranie Towarzystwa Śpiewaczego trwało blisko dwie godziny."),
    ("1937-03-04", "W biegu na 10 km zwyciężył Jan Kos z Nowego Targu w czasie 35 min. 20 sek."),
    ("1937-03-06", "Wiosenne mrozy opóźniły roboty polne na Podhalu o trzy tygodnie."),
    ("1937-03-08", "Miejsca na koncert w filharmonji sprzedaje kasa w cenie od 2 zł do 10 zł."),
    ("1937-03-10", "Na targu w Łomży płacono za 50 kg ziemniaków 3 zł 20 gr."),
    ("1937-03-12", "Nowe tramwaje dla Lwowa zbudowały Zakłady Mechaniczne w Sanoku."),
    ("1937-03-14", "Zwycięzcą turnieju szachowego został Węgier Ferenc Nagy."),
]


@pytest.mark.parametrize(("question", "expected"), [
    ("Ile trwało walne zebranie Towarzystwa Śpiewaczego?", "PT2H"),
    ("W jakim czasie Kos zwyciężył w biegu na 10 km?", "PT35M20S"),
    ("O ile mrozy opóźniły roboty polne na Podhalu?", "P3W"),
    ("Ile kosztują najtańsze miejsca na koncert w filharmonji?", "2"),
    ("Ile kosztują najdroższe miejsca na koncert w filharmonji?", "10"),
    ("Ile płacono za 50 kg ziemniaków na targu w Łomży?", "3,20"),
    ("Kto zbudował nowe tramwaje dla Lwowa?", "Zakłady Mechaniczne"),
    ("Kto wygrał turniej szachowy?", "Nagy"),
])
def test_numbers_and_subjects_as_written(store: Store, question: str, expected: str) -> None:
    answers = answer(store, question)
    assert answers, question
    assert expected in str(answers[0].value) or expected in answers[0].text, (question, answers[0])
