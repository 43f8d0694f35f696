"""Questions answered from a store holding short texts of our own; "nie wiem" when unsupported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kronika.cli import main
from kronika.events import annotate_events
from kronika.qa import answer, parse_question
from kronika.qa.render import render_timex
from kronika.quantities import annotate_quantities
from kronika.store import Store
from tests.events.builders import build_analysis

TEXT_1 = ("5 września 1939 roku pod Mławą 20. Dywizja Piechoty stoczyła ciężkie walki z niemiecką 3. Armią. "
          "Grupa dowodzona przez gen. Jana Kruszewskiego 8 września broniła się pod Różanem. "
          "W 1940 roku wywieziono na Syberię ponad 1200 mieszkańców Łomży.")
ENTITIES_1 = [
    ("Mławą", "PLACE", "Mława"), ("20. Dywizja Piechoty", "MILITARY_UNIT", "20. Dywizja Piechoty"),
    ("3. Armią", "MILITARY_UNIT", "3. Armia"), ("Jana Kruszewskiego", "PERSON", "Jan Kruszewski"),
    ("Różanem", "PLACE", "Różan"), ("Syberię", "PLACE", "Syberia"), ("Łomży", "PLACE", "Łomża"),
]
TIMEXES_1 = [("5 września 1939 roku", "DATE", "1939-09-05"), ("8 września", "DATE", "1939-09-08"),
             ("W 1940 roku", "DATE", "1940")]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    path = tmp_path_factory.mktemp("qa") / "qa.sqlite"
    analysis = build_analysis(TEXT_1, ENTITIES_1, TIMEXES_1, document_id="mlawa")
    annotate_events(analysis)
    annotate_quantities(analysis)
    opened = Store.open(f"sqlite:///{path}")
    opened.ingest(analysis)
    yield opened
    opened.close()


QUESTIONS = [
    ("Kiedy 20. Dywizja Piechoty walczyła pod Mławą?", "1939-09-05"),
    ("Gdzie broniła się grupa gen. Kruszewskiego?", "Różan"),
    ("Z jaką armią walczyła 20. Dywizja Piechoty?", "3. Armia"),
    ("Z kim walczyła dywizja pod Mławą?", "3. Armia"),
    ("Kto dowodził grupą broniącą się pod Różanem?", "Jan Kruszewski"),
    ("Ilu mieszkańców Łomży wywieziono na Syberię?", 1200),
    ("Dokąd wywieziono mieszkańców Łomży?", "Syberia"),
]


@pytest.mark.parametrize(("question", "expected"), QUESTIONS)
def test_answers_cite_their_sentence(store: Store, question: str, expected: object) -> None:
    answers = answer(store, question)
    assert answers, question
    best = answers[0]
    assert best.value == expected
    citation = best.citations[0]
    assert citation.document and TEXT_1[citation.start:citation.end] == citation.text
    assert 0 < best.confidence <= 1


@pytest.mark.parametrize("question", [
    "Kiedy 20. Dywizja Piechoty walczyła pod Warszawą?",  # a place the store never mentions
    "Kiedy podpisano traktat wersalski?",  # nothing about it
    "Kto dowodził obroną Helu?",
])
def test_unsupported_questions_get_no_answer(store: Store, question: str) -> None:
    assert answer(store, question) == []


@pytest.mark.parametrize(("question", "asks", "preposition", "noun"), [
    ("Kiedy broniło się Wilno?", "time", None, None),
    ("Z jaką dywizją walczyła grupa?", "which", "z", "dywizja"),
    ("Gdzie odbyła się defilada?", "place", None, None),
    ("Ilu żołnierzy zginęło?", "quantity", None, "żołnierz"),
    ("Pod czyim przewodnictwem obradowała komisja?", "person", "pod", "przewodnictwo"),
    ("W którym roku zbudowano most?", "time", "w", "rok"),
    ("Kto był ambasadorem?", "person", None, None),
])
def test_parse_question(question: str, asks: str, preposition: str | None, noun: str | None) -> None:
    parsed = parse_question(question)
    assert (parsed.asks, parsed.preposition) == (asks, preposition)
    assert (noun in parsed.noun.lemmas) if noun else parsed.noun is None


@pytest.mark.parametrize(("value", "text"), [
    ("1939-09-17", "17 września 1939"),
    ("1939-09-18/1939-09-19", "18–19 września 1939"),
    ("1939-09", "wrzesień 1939"),
    ("1939-09-17T03:00", "17 września 1939, godz. 3:00"),
])
def test_render_timex(value: str, text: str) -> None:
    assert render_timex(value) == text


def test_ask_command_json(store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = str(store.engine.url)
    main(["ask", "Kiedy broniła się grupa gen. Kruszewskiego?", "--db", url, "--json"])
    payload = json.loads(capsys.readouterr().out)
    assert payload["question"].startswith("Kiedy")
    assert payload["answers"][0]["value"] == "1939-09-08"
    assert set(payload["answers"][0]["citations"][0]) == {"document", "start", "end", "text"}
    main(["ask", "Kiedy upadła Troja?", "--db", url])
    assert capsys.readouterr().out.strip() == "nie wiem"
