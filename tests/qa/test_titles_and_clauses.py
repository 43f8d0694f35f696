"""Roles past titles and abbreviations, and clauses of adverbial participles, in notes written for these
tests: a word before a period inside a sentence is abbreviated, not a preposition (*kpt. ż. w. X*); a name
whose form cannot share its title's case is the title's genitive attribute (*prezes Kasy …*), not a man
in apposition; a sentence opening with the asked verb goes on with the topic of the sentences before it in
its paragraph; an adverbial participle heads a clause of its own (*…, lądując w X*); a place named after a
common noun in the asked role locates it (*z lotniska pod Lublinem*)."""

from __future__ import annotations

import pytest

from kronika.qa import answer
from kronika.store import Store

NOTES = [
    ("1936-05-04", "Wczoraj odbyło się w Radomiu walne zebranie kupców. Przemawiał prezes Izby Rzemieślniczej "
                   "w Kielcach inż. Feliks Sowa."),
    ("1936-05-06", "Do Gdańska przybył wczoraj parowiec „Warta”. Parowiec prowadził kpt. ż. w. Adam Mróz, "
                   "dawny oficer marynarki."),
    ("1936-05-08", "W piątek odbyła się w Teatrze Miejskim w Lublinie premjera dramatu Jana Korca „Młyn”. "
                   "Sztuka podobała się publiczności bardzo. Reżyserował dyr. Piotr Bednarz, dekoracje wykonał "
                   "Adam Sosna."),
    ("1936-05-10", "Lotnik Jan Cis wystartował rano z Poznania i przeleciał nad Toruniem i Olsztynem, lądując "
                   "po drodze tylko raz, w Grudziądzu, dla naprawy silnika."),
    ("1936-05-12", "Szybownicy wystartowali w niedzielę z lotniska pod Lublinem."),
]


@pytest.mark.parametrize(("question", "expected"), [
    ("Kto przemawiał na zebraniu kupców w Radomiu?", "Sowa"),
    ("Kto prowadził parowiec „Warta”?", "Mróz"),
    ("Kto reżyserował „Młyn” w Lublinie?", "Bednarz"),
    ("Gdzie lądował lotnik Cis dla naprawy silnika?", "Grudziądz"),
    ("Skąd wystartowali szybownicy?", "Lublin"),
])
def test_the_role_past_titles_and_in_clauses(store: Store, question: str, expected: str) -> None:
    answers = answer(store, question)
    assert answers, question
    assert expected in answers[0].text, (question, answers[0])

