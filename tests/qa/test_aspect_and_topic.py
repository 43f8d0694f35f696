"""Two general gaps of reading, in notes written for these tests: a verb and its aspect partner name one
happening (*zabiły* / *zabijały*: related words); a sentence that opens with the asked verb goes on with
the topic the sentence before it named (*Stanął przed sądem kasjer X. Oskarżał prokurator Y.*)."""

from __future__ import annotations

import pytest

from kronika.morph import get_morphology
from kronika.qa import answer
from kronika.qa.retrieve import related_words
from kronika.store import Store

NOTES = [
    ("1936-05-06", "Pod Kozienicami wilki zabijały owce gospodarzy. Pod Kozienicami gajowy Piotr Sowa widział "
                   "wczoraj stado dzików."),
    ("1936-06-01", "Wczoraj przed Sądem Okręgowym w Kielcach stanął kasjer Spółdzielni Mleczarskiej Jan Pietrzak, "
                   "oskarżony o sprzeniewierzenie 3 tysięcy złotych. Oskarżał prokurator Adam Nowicki. Bronił "
                   "adwokat Stefan Lis. Sąd skazał kasjera na rok więzienia."),
    ("1936-06-03", "Do Sandomierza zjechała komisja Ministerstwa Rolnictwa. Przewodniczył jej inż. Tadeusz Rak. "
                   "Komisja obejrzała sady nad Wisłą."),
]



@pytest.mark.parametrize(("question", "expected", "confidence"), [
    # the perfective of the question, the imperfective of the text: one happening (0.34 without the pair)
    ("Co zabiły wilki pod Kozienicami?", "owce", 0.6),
    # the verb-first sentence's topic is the cashier of the sentence before, not the cashier himself
    ("Kto oskarżał kasjera Spółdzielni Mleczarskiej?", "Adam Nowicki", 0.6),
    ("Kto przewodniczył komisji Ministerstwa Rolnictwa?", "Tadeusz Rak", 0.6),
])
def test_the_answer_and_its_confidence(store: Store, question: str, expected: str, confidence: float) -> None:
    answers = answer(store, question)
    assert answers, question
    assert expected in answers[0].text and answers[0].confidence >= confidence, (question, answers[0])


def _aspects(lemma: str) -> set[str]:
    return {aspect for interp in get_morphology().analyse(lemma) if interp.pos == "inf"
            and interp.lemma.split(":")[0] == lemma for aspect in interp.tag.split(":")[-1].split(".")}


@pytest.mark.parametrize(("perfective", "imperfective"), [
    ("zabić", "zabijać"), ("przyjechać", "przyjeżdżać"), ("zatrzymać", "zatrzymywać"), ("odbyć", "odbywać"),
])
def test_aspect_partners_are_related_words(perfective: str, imperfective: str) -> None:
    assert imperfective in related_words()[perfective] and perfective in related_words()[imperfective]
    assert "perf" in _aspects(perfective) and "imperf" in _aspects(imperfective)
