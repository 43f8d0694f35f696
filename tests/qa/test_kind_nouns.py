"""*Jaki* + a noun of a kind of thing or place, in notes written for these tests: the name standing in
apposition to that noun says which (*we wsi Bliżyn*, *w kościele św. Wojciecha*); another place of the
sentence (*z posterunku w Kielcach*) is not of the asked kind. Likewise the count of a part whose noun
is left out after an adjective of the question (*450 delegatów, w tem 38 zagranicznych*), and the leader
of a group named before *z X na czele*."""

from __future__ import annotations

import pytest

from kronika.qa import answer
from kronika.store import Store

NOTES = [
    ("1934-10-12", "Posterunkowy Jan Lis z posterunku w Kielcach aresztował wczoraj we wsi Bliżyn złodzieja "
                   "koni, poszukiwanego od wiosny."),
    ("1934-10-14", "Ślub córki mecenasa Adama Wolskiego odbędzie się w sobotę w kościele św. Wojciecha w "
                   "Krakowie."),
    ("1934-10-16", "Na zjazd kupców w Poznaniu przybyło 450 delegatów, w tem 38 zagranicznych."),
    ("1934-10-18", "Na dworcu powitali posła delegaci Związku Rzemieślników z inż. Janem Wróblem na "
                   "czele."),
]



@pytest.mark.parametrize(("question", "expected"), [
    ("W jakiej wsi aresztowano złodzieja koni?", "Bliżyn"),
    ("W jakim kościele odbędzie się ślub córki mecenasa Wolskiego?", "św. Wojciecha"),
    ("Ilu delegatów zagranicznych przybyło na zjazd kupców?", "38"),
    ("Ilu delegatów przybyło na zjazd kupców?", "450"),
])
def test_the_name_or_number_of_the_asked_kind(store: Store, question: str, expected: str) -> None:
    answers = answer(store, question)
    assert answers, question
    assert expected in answers[0].text, (question, answers[0])


def test_the_leader_named_before_na_czele(store: Store) -> None:
    # the instrumental after "z" fits the subject "kto" asks only as the head of the group (0.63 without)
    answers = answer(store, "Kto stał na czele delegatów Związku Rzemieślników?")
    assert answers and "Wróblem" in answers[0].text and answers[0].confidence >= 0.8, answers[:1]
