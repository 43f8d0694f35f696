"""Analysis in a process pool: outcomes come back in input order, equal to a single process's, and a
document that breaks the pipeline becomes a one-line error without stopping the others."""

from __future__ import annotations

import json

from kronika.model import Document
from kronika.parallel import Outcome, analyse_document, analyse_stream

TEXTS = [
    "Dnia 17 września 1939 r. Armia Czerwona wkroczyła do Polski.",
    "Gen. Władysław Anders walczył pod Lwowem.",
    "W Warszawie prezydent Stefan Starzyński wzywał do obrony stolicy.",
    "Pod Kockiem gen. Franciszek Kleeberg stoczył ostatnią bitwę.",
]


def documents() -> list[Document | Outcome]:
    items: list[Document | Outcome] = [Document(id=f"d{n}", text=text) for n, text in enumerate(TEXTS)]
    items.insert(2, Outcome(Document(id="skipped", text=""), None, "unreadable"))
    return items


def as_json(outcomes: list[Outcome]) -> list[object]:
    return [json.dumps(o.analysis.to_json(), sort_keys=True) if o.analysis else o.error for o in outcomes]


def test_pool_gives_the_single_process_outcomes_in_order():
    single = list(analyse_stream(documents(), workers=1))
    pooled = list(analyse_stream(documents(), workers=2, window=2))
    assert [o.document.id for o in pooled] == ["d0", "d1", "skipped", "d2", "d3"]
    assert as_json(pooled) == as_json(single)
    assert pooled[2].error == "unreadable" and pooled[2].analysis is None


def test_a_failing_document_becomes_an_error(monkeypatch):
    import kronika.pipeline

    def broken(document: Document, nkjp: bool = False) -> None:
        raise ValueError("boom")

    monkeypatch.setattr(kronika.pipeline, "analyze", broken)
    outcome = analyse_document(Document(id="x", text="Tekst."))
    assert outcome.analysis is None and outcome.error == "internal error: ValueError: boom"
