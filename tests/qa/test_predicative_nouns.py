"""A question with no verb of its own asks through the noun said of its subject (*Kto był oskarżycielem?*:
who accused), and words of one meaning in the questions and in the notes (*kobieta* / *pani*, *zabity* /
*ofiara*, *kara* / *skazać*, *proces* / *rozprawa*), none of which is the answer; a court report gives a
sentence by its length, which answers *Jaką karę…?*. Notes written for these tests."""

from __future__ import annotations

import pytest

from kronika.qa import answer
from kronika.qa.question import parse_question
from kronika.qa.retrieve import related_words
from kronika.store import Store

NOTES = [
    ("1932-04-20", "RADOM, 19 kwietnia. Przed Sądem Okręgowym w Radomiu toczy się rozprawa przeciw urzędnikom "
                   "magistratu, oskarżonym o sprzeniewierzenie. Oskarża wiceprokurator Antoni Lis, bronią "
                   "adwokaci Karol Rudzki i Feliks Mróz."),
    ("1932-04-22", "RADOM, 21 kwietnia. Sąd skazał kasjera magistratu, Jana Sowę, na 4 lata więzienia, "
                   "buchaltera Piotra Dzika na 2 lata, a woźnego uniewinnił."),
    ("1935-09-02", "ŁÓDŹ, 1 września. W biegu na 10 km zwyciężył Jerzy Kowal z Pabjanic. Wśród pań pierwsza "
                   "przybiegła do mety Anna Gryc z Łodzi."),
    ("1933-02-14", "SOSNOWIEC, 13 lutego. W kopalni „Renard” zginęło wczoraj dwóch górników. Pogrzeb ofiar "
                   "odbędzie się w czwartek, 16 b. m."),
    ("1931-05-04", "Konsekracja kaplicy w Zgierzu.\n\nZGIERZ, 3 maja. Wczoraj ks. biskup Jan Żarski dokonał "
                   "konsekracji nowej kaplicy cmentarnej."),
]


def test_a_copula_gives_its_noun_the_place_of_the_verb() -> None:
    question = parse_question("Kto był oskarżycielem w tej sprawie?")
    assert [p.form for p in question.predicates] == ["oskarżycielem"]
    # a subject noun of the question stays its topic: "Czyje artykuły są przedmiotem dyskusji?"
    assert [p.form for p in parse_question("Czyje artykuły są przedmiotem sporu?").predicates] == ["artykuły"]


@pytest.mark.parametrize(("question", "expected"), [
    ("Kto był oskarżycielem w procesie urzędników magistratu?", "Antoni Lis"),
    ("Jaką karę dostał Jan Sowa?", "P4Y"),
    ("Jaką karę otrzymał Piotr Dzik?", "P2Y"),
    ("Która kobieta była pierwsza w biegu?", "Anna Gryc"),
    ("Kiedy będzie pogrzeb zabitych górników?", "1933-02-16"),
    # the headline's noun of the happening is what the question says, not who did it
    ("Kto konsekrował kaplicę w Zgierzu?", "Jan Żarski"),
])
def test_answers_through_a_noun_of_the_same_meaning(store: Store, question: str, expected: str) -> None:
    answers = answer(store, question)
    assert answers, question
    assert expected in str(answers[0].value), (question, answers[0])


@pytest.mark.parametrize(("one", "other"), [
    ("kobieta", "pani"), ("ofiara", "zabity"), ("proces", "rozprawa"), ("kara", "skazać"),
    ("głębokość", "poziom"), ("konsekrować", "konsekracja"),
])
def test_words_of_one_meaning_are_related(one: str, other: str) -> None:
    assert other in related_words()[one] and one in related_words()[other]
