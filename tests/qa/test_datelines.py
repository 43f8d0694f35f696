"""The date of a note's dateline (*TORUŃ, 5 maja.*) is when the report was sent: when the text dates what it
tells from it (*Wczoraj o godz. 12 nastąpiło otwarcie*), that date answers *kiedy*, not the dateline's; a
dateline is still the answer when the note dates nothing else. *O której…?*, *Do której…?* leave *godzinie*
out: they ask an hour. Notes written for these tests."""

from __future__ import annotations

import pytest

from kronika.qa import answer
from kronika.qa.question import parse_question
from kronika.qa.read import Reader
from kronika.qa.retrieve import retrieve
from kronika.store import Store

NOTES = [
    ("1933-05-06", "Otwarcie wystawy ogrodniczej w Toruniu.\n\nTORUŃ, 5 maja (PAT). Wczoraj o godz. 12 nastąpiło "
                   "uroczyste otwarcie wystawy ogrodniczej w sali Dworu Artusa."),
    ("1933-05-09", "Nowy regulamin targowisk.\n\nKIELCE, 8 maja. Rada Miejska uchwaliła nowy regulamin "
                   "targowisk miejskich; wejdzie on w życie w roku przyszłym."),
    ("1936-01-10", "RADOM, 9 stycznia. Bal Strzelecki w sali Resursy rozpocznie się w sobotę o godz. 21 i potrwa "
                   "do godz. 4 rano."),
]


@pytest.mark.parametrize(("question", "expected"), [
    ("Kiedy otwarto wystawę ogrodniczą w Toruniu?", "1933-05-04"),
    ("Kiedy Rada Miejska Kielc uchwaliła regulamin targowisk?", "1933-05-08"),
    ("O której rozpocznie się Bal Strzelecki w Radomiu?", "1936-01-11T21:00"),
    ("Do której potrwa Bal Strzelecki w Radomiu?", "1936-01-12T04:00"),
])
def test_the_asked_time(store: Store, question: str, expected: str) -> None:
    answers = answer(store, question)
    assert answers, question
    assert str(answers[0].value).startswith(expected), (question, answers[0])


def test_a_dateline_is_no_candidate_when_the_text_dates_its_happening(store: Store) -> None:
    reader = Reader(parse_question("Kiedy otwarto wystawę ogrodniczą w Toruniu?"))
    found = {str(c.value) for passage in retrieve(store, reader.question) for c in reader.candidates(passage)}
    assert "1933-05-04T12:00" in found and "1933-05-05" not in found


def test_which_with_an_hour_left_out_asks_a_time() -> None:
    assert parse_question("O której zaczyna się przedstawienie?").asks == "time"
    assert parse_question("Do której potrwa zebranie?").asks == "time"
    assert parse_question("O której godzinie zaczyna się przedstawienie?").asks == "time"
