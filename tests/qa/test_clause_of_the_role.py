"""The clause that holds the asked role: the noun of the asked verb heads a clause of its own (*pod
kierownictwem X; lekarzem był Y*: X led), an organisation's genitive after a group says whose the group is,
not who led it; *który* in the nominative is its clause's subject and stands for the phrase before it
(*rodzinie X z Kalisza, która ufundowała*), and the phrase opening a sentence belongs to the clause after
the relative one set after it, whose passive's subject is what an active *kogo* asks (*Subiekt X, który …,
został raniony*); *Do której godziny…?* asks the end of a range, not its start; a
pronoun (*w tym*) stands for a noun said elsewhere and is no place. Notes written for these tests."""

from __future__ import annotations

import pytest

from kronika.qa import answer
from kronika.qa.question import parse_question
from kronika.qa.read import Reader
from kronika.qa.retrieve import retrieve
from kronika.store import Store

NOTES = [
    ("1934-08-20", "KRAKÓW, 19 sierpnia. Wczoraj wrócił do Krakowa spływ kajakowy Związku Harcerstwa Polskiego, "
                   "który przez dwa tygodnie płynął Dunajcem i Wisłą. W spływie wzięło udział dwunastu harcerzy "
                   "pod kierownictwem druha Stanisława Gila; lekarzem spływu był dr Jan Lasota z Tarnowa."),
    ("1936-03-06", "ŁÓDŹ, 5 marca. Wczoraj o godz. 18 rozpoczęło się walne zebranie Towarzystwa Śpiewaczego "
                   "„Lutnia”. Zebranie trwało do godz. 23.30."),
    ("1937-06-14", "GDYNIA, 13 czerwca. Na zawody przybyło 40 strzelców, w tym 5 z Wejherowa; zawody odbyły się "
                   "na strzelnicy wojskowej w Oksywiu."),
    ("1936-05-11", "KALISZ, 10 maja. Wczoraj poświęcono sztandar Cechu Rzeźników. Starszy cechu Jan Bąk "
                   "podziękował ofiarodawcom, a szczególnie rodzinie Lipskich z Kalisza, która ufundowała "
                   "sztandar."),
    ("1932-12-03", "KUTNO, 2 grudnia. Wczoraj wieczorem dwaj bandyci napadli na sklep kolonjalny przy ul. "
                   "Królewskiej. Subjekt Adam Wrona, który stanął w obronie kasy, został ciężko raniony nożem."),
]


@pytest.mark.parametrize(("question", "expected"), [
    ("Kto kierował spływem kajakowym?", "Gil"),
    ("Do której godziny trwało zebranie „Lutni”?", "23:30"),
    ("Gdzie odbyły się zawody strzelców?", "Oksyw"),
    ("Kto ufundował sztandar Cechu Rzeźników?", "Lipskich"),
    ("Kogo ranili bandyci w Kutnie?", "Adam Wrona"),
])
def test_the_clause_of_the_asked_role(store: Store, question: str, expected: str) -> None:
    answers = answer(store, question)
    assert answers, question
    assert expected in answers[0].text, (question, answers[0])


def test_a_pronoun_is_no_place(store: Store) -> None:
    reader = Reader(parse_question("Gdzie przybyło 40 strzelców?"))
    found = [c.text for passage in retrieve(store, reader.question) for c in reader.candidates(passage)]
    assert "Oksywiu" in found and "tym" not in found
