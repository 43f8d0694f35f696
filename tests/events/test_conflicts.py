"""Conflicts across sources on short accounts of our own that paraphrase each other, through the whole
pipeline and a real SQLite store: a different day or number for the same happening is a conflict; the
same number written in words, a vague date, an unrelated happening or a denied one are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from kronika.model import Document
from kronika.pipeline import analyze
from kronika.store import Store


def _conflicts(tmp_path: Path, *texts: str) -> list[tuple[str, list[str]]]:
    with Store.open(f"sqlite:///{tmp_path / 'store.sqlite'}") as store:
        for number, text in enumerate(texts):
            store.ingest(analyze(Document(id=f"relacja-{number}", text=text, dct="1938-06-10")))
        return [(c.kind, sorted(claim.value for claim in c.claims)) for c in store.conflicts()]


PAIRS = [
    # the same fire told with other words, on another day
    ("Pożar w tartaku w Lidzie wybuchł 6 czerwca 1938 roku.",
     "Ogień w tartaku w Lidzie pojawił się 7 czerwca 1938 roku.",
     [("date", ["1938-06-06", "1938-06-07"])]),
    # the same flood, at another hour
    ("Powódź w Wilnie zaczęła się 3 czerwca 1938 roku o godzinie 5.",
     "Powódź w Wilnie rozpoczęła się 3 czerwca 1938 roku o godzinie 9.",
     [("date", ["1938-06-03T05:00", "1938-06-03T09:00"])]),
    # the same flood, another number of people evacuated, once in words
    ("Podczas powodzi w Wilnie ewakuowano 3 miliony ludzi 3 czerwca 1938 roku.",
     "Podczas powodzi w Wilnie ewakuowano cztery miliony ludzi 3 czerwca 1938 roku.",
     [("number", ["3000000", "4000000"])]),
    # the same fire, another number of dead
    ("W pożarze tartaku w Lidzie zginęło 5 robotników.", "W pożarze tartaku w Lidzie zginęło dwunastu robotników.",
     [("number", ["12", "5"])]),
    # a rumour is a claim too: what is said to have happened on another day
    ("Pożar w tartaku w Lidzie wybuchł 6 czerwca 1938 roku.",
     "Podobno pożar w tartaku w Lidzie wybuchł 8 czerwca 1938 roku.",
     [("date", ["1938-06-06", "1938-06-08"])]),
]


@pytest.mark.parametrize(("first", "second", "expected"), PAIRS,
                         ids=["fire-day", "flood-hour", "flood-number", "fire-dead", "fire-rumour"])
def test_paraphrased_accounts(tmp_path: Path, first: str, second: str, expected) -> None:
    assert _conflicts(tmp_path, first, second) == expected


AGREEING = [
    # a number in digits and in words
    ("Podczas powodzi w Wilnie ewakuowano 3 miliony ludzi 3 czerwca 1938 roku.",
     "Podczas powodzi w Wilnie ewakuowano trzy miliony ludzi 3 czerwca 1938 roku."),
    # a month against a day of it
    ("Pożar w Lidzie wybuchł w czerwcu 1938 roku.", "Pożar w Lidzie wybuchł 6 czerwca 1938 roku."),
    # two fires in two towns
    ("Pożar w Lidzie wybuchł 6 czerwca 1938 roku.", "Pożar w Grodnie wybuchł 7 czerwca 1938 roku."),
    # what one source denies is no claim against the other
    ("Pożar w Lidzie wybuchł 6 czerwca 1938 roku.", "Pożar w Lidzie nie wybuchł 7 czerwca 1938 roku."),
    # what one source announces is no claim of when it happened
    ("Pożar w tartaku w Lidzie wybuchł 6 czerwca 1938 roku.",
     "Pożar w tartaku w Lidzie wybuchnie 8 czerwca 1938 roku."),
    # a night reaches into the next morning
    ("Pożar w tartaku w Lidzie wybuchł w nocy z 6 na 7 czerwca 1938 roku.",
     "Ogień w tartaku w Lidzie pojawił się 7 czerwca 1938 roku."),
    # a date taken from the issue is no claim
    ("Spłonął tartak w Lidzie.", "Tartak w Lidzie spłonął 6 czerwca 1938 roku."),
]


@pytest.mark.parametrize(("first", "second"), AGREEING,
                         ids=["number-words", "month-day", "two-towns", "denied", "announced", "night", "issue-date"])
def test_agreeing_or_unrelated_accounts(tmp_path: Path, first: str, second: str) -> None:
    assert _conflicts(tmp_path, first, second) == []
