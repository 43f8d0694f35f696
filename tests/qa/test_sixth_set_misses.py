"""The tenth round's third pass, on what the sixth written set's misses showed: a noun of the question's
matter that one retrieved note never uses while another does says the first tells of something else (a
boxer *z Łodzi* does not answer who was the city's president); a noun whose value is an amount asks a number
after *jaki* (*Jaki był dochód…?*, ``question_words.tsv``: amount); *wynosić* says no more than a copula, and
estimating has its synonyms (*oszacować*, *obliczać*: ``related_words.tsv``); *Kto był sędzią?* asks the
clause of the noun, not of a verb of its family (*sędzią był X, na punkty sędziowali Y i Z*); the subject of a
converse verb of beating answers *Z kim przegrał X?* (*Y pokonał X*; ``question_words.tsv``: lose, beat).
Notes written for these tests."""

from __future__ import annotations

import pytest

from kronika.qa import answer
from kronika.store import Store

NOTES = [
    ("1934-02-20", "ŁÓDŹ, 19 lutego. Wczoraj w hali Sokoła odbył się mecz bokserski Łódź — Lwów. W wadze lekkiej "
                   "Tadeusz Kowalczyk z Łodzi wygrał na punkty z Marianem Dudą."),
    ("1934-02-22", "ŁÓDŹ, 21 lutego. Na posiedzeniu Rady Miejskiej uchwalono budowę nowej szkoły. Prezydent "
                   "miasta p. Antoni Wierzbowski zapewnił, że roboty rozpoczną się na wiosnę."),
    ("1933-05-10", "GNIEZNO, 9 maja. W niedzielę obradowało walne zebranie Spółdzielni Rolniczej. Sprawozdanie "
                   "zarządu złożył kierownik spółdzielni p. Feliks Nowicki."),
    ("1933-05-12", "GNIEZNO, 11 maja. Przed sądem okręgowym stanął rolnik Jan Kubiak, który przedstawił w sądzie "
                   "podrobiony weksel."),
    ("1936-04-03", "RADOM, 2 kwietnia. Na walnem zebraniu Kasy Stefczyka podano, że dochód Kasy w ubiegłym roku "
                   "wyniósł 12.300 zł. Zebranie trwało do późnej nocy."),
    ("1936-07-15", "BRZEŚĆ, 14 lipca. Wczoraj spłonęła fabryka dykt. Szkody właściciel fabryki oblicza na "
                   "przeszło 80.000 zł."),
    ("1937-08-21", "GDYNIA, 20 sierpnia. Jutro rozpoczną się regaty o puchar Ligi Morskiej. Najlepsza załoga "
                   "otrzyma puchar i nagrodę 2.000 zł."),
    ("1938-03-07", "KATOWICE, 6 marca. Wczoraj odbył się mecz bokserski Śląsk — Pomorze. Sędzią ringowym był "
                   "p. Karol Walczak, na punkty sędziowali p. Jan Sobczyk i p. Ludwik Mazur."),
    ("1938-11-14", "BYDGOSZCZ, 13 listopada. W turnieju tenisowym o mistrzostwo Pomorza Alfred Domański wygrał "
                   "z Kazimierzem Lisem, natomiast w finale Ignacy Pawłowski pokonał Romana Szulca."),
]


@pytest.mark.parametrize(("question", "expected"), [
    ("Kto był prezydentem Łodzi?", "Wierzbowski"),
    ("Kto przedstawił sprawozdanie zarządu?", "Nowicki"),
])
def test_a_note_without_the_questions_matter_tells_of_another(store: Store, question: str, expected: str) -> None:
    answers = answer(store, question)
    assert answers, question
    assert expected in answers[0].text, (question, answers[0])


@pytest.mark.parametrize(("question", "expected"), [
    ("Jaki był dochód Kasy Stefczyka?", 12300),
    ("Na ile oszacowano szkody w fabryce dykt?", 80000),
    ("Ile wynosi nagroda dla najlepszej załogi?", 2000),
])
def test_amounts(store: Store, question: str, expected: int) -> None:
    answers = answer(store, question)
    assert answers, question
    assert answers[0].value == expected, (question, answers[0])


def test_the_clause_of_the_asked_noun(store: Store) -> None:
    answers = answer(store, "Kto był sędzią ringowym na meczu Śląsk — Pomorze?")
    assert answers
    assert "Walczak" in answers[0].text, answers[0]


def test_the_subject_of_a_converse_verb(store: Store) -> None:
    answers = answer(store, "Z kim przegrał Roman Szulc?")
    assert answers
    assert "Pawłowski" in answers[0].text, answers[0]
