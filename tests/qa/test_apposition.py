"""Reading roles in notes written for these tests: a person's name takes the case of the title it stands in
apposition to, past the title's genitive attribute; an institution after a personal noun is what that
person heads; a passive participle tells its patient, not the subject of the sentence's own verb; a place
name takes the preposition of the settlement noun before it, and a place after *pod*/*koło* locates the
name before it; a name's first part joined by a hyphen belongs to it; words in the spelling before 1936
(*linja*) match their modern form and are read as nouns in their case."""

from __future__ import annotations

import pytest

from kronika.qa import answer
from kronika.qa.question import parse_question
from kronika.store import Store

NOTES = [
    ("1931-04-10", "Obradom zjazdu przewodniczył prezes Związku Kupców Polskich Adam Kruk."),
    ("1931-04-11", "Sąd Okręgowy w Kielcach sądził wczoraj Józefa Mazura, oskarżonego o podpalenie stodoły. "
                   "Oskarżał wiceprokurator Leon Kos."),
    ("1931-04-12", "Onegdaj spłonął dom kowala Jana Wrony w miasteczku Chmielnik pod Kielcami."),
    ("1931-04-13", "Sejmik uchwalił budowę linji kolejki wąskotorowej do Bodzentyna."),
    ("1931-04-14", "Do gaszenia pożaru tartaku przybyła straż ogniowa z Nowo-Wilejki."),
    ("1931-04-15", "Wczoraj w nocy żandarmerja polowa zatrzymała na dworcu w Lublinie dezertera."),
]



@pytest.mark.parametrize(("question", "expected"), [
    ("Kto przewodniczył obradom zjazdu?", "Adam Kruk"),  # the president, not his union
    ("Kto oskarżał Józefa Mazura?", "Leon Kos"),  # not the court, subject of another verb
    ("Gdzie spłonął dom kowala Jana Wrony?", "Chmielnik"),  # not Kielce, which locates the town
    ("Dokąd ma prowadzić linja kolejki wąskotorowej?", "Bodzentyn"),  # "linja", "linji" = linia
    ("Skąd przybyła straż ogniowa do pożaru tartaku?", "Nowo-Wilejk"),  # both parts of the name
    ("Kto zatrzymał dezertera na dworcu w Lublinie?", "żandarmerja"),  # a noun in the old spelling
])
def test_role_gives_the_answer(store: Store, question: str, expected: str) -> None:
    answers = answer(store, question)
    assert answers, question
    assert expected in str(answers[0].value), (question, [(a.text, a.value) for a in answers])


def test_a_word_in_the_old_spelling_is_no_name() -> None:
    term = next(t for t in parse_question("Dokąd prowadzi linja kolejki?").terms if t.form == "linja")
    assert "linia" in term.lemmas and not term.name
