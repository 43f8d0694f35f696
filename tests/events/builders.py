"""Analyses built from text with hand-given entities and timexes: the events stage tested on its own.

Mentions are given by their surface text (the n-th occurrence when repeated), so a table row reads
like the sentence it tests. Segmentation and morphology are the real ones (Morfeusz and the tagger).
"""

from __future__ import annotations

from kronika.events import annotate_events
from kronika.model import Analysis, Document, Entity, Event, Timex
from kronika.pipeline import STAGES

EntitySpec = tuple[str, str, str] | tuple[str, str, str, str]  # surface, type, lemma[, ref]
TimexSpec = tuple[str, str, str]  # surface, type, value


def _span(text: str, surface: str, used: set[int]) -> tuple[int, int]:
    start = text.find(surface)
    while start in used:
        start = text.find(surface, start + 1)
    if start < 0:
        raise ValueError(f"{surface!r} not in {text!r}")
    used.add(start)
    return start, start + len(surface)


def build_analysis(text: str, entities: list[EntitySpec] = (), timexes: list[TimexSpec] = (),
                   document_id: str = "test", dct: str | None = None) -> Analysis:
    analysis = Analysis(document=Document(id=document_id, text=text, dct=dct))
    for stage in STAGES:
        if stage.name in {"segment", "morphology"}:
            stage.run(analysis)
    used: set[int] = set()
    for number, (surface, kind, lemma, *ref) in enumerate(entities, 1):
        start, end = _span(text, surface, used)
        analysis.entities.append(Entity(f"e{number}", start, end, surface, kind, lemma,
                                        ref=ref[0] if ref else f"{kind.lower()}:{lemma.lower()}"))
    used = set()
    for number, (surface, kind, value) in enumerate(timexes, 1):
        start, end = _span(text, surface, used)
        analysis.timexes.append(Timex(f"t{number}", start, end, surface, kind, value))
    return analysis


def annotated_events(text: str, entities: list[EntitySpec] = (), timexes: list[TimexSpec] = (),
                     dct: str | None = None) -> list[Event]:
    """The events the stage finds in `text` with the given mentions: the one call the sentence tables make."""
    analysis = build_analysis(text, list(entities), list(timexes), dct=dct)
    annotate_events(analysis)
    return analysis.events
