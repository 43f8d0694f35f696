"""The store's names and dates as W3C Web Annotations (JSON-LD, https://www.w3.org/TR/annotation-model/),
the form annotation tools exchange: one ``AnnotationCollection`` whose page holds one ``Annotation`` per
mention.

Each annotation targets its document with a ``TextQuoteSelector`` (the words, with 32 characters of
context either side) and a ``TextPositionSelector`` (code-point offsets into the document text). Its
bodies: the entity as a ``SpecificResource`` (``purpose: identifying``; its authority link, GeoNames or
Wikidata, when known, else Kronika's entity IRI), the type as a ``tagging`` tag and the base form as a
``describing`` text; a date's bodies are its type, its TIMEX3 value and its EDTF. A name or date a person
corrected has that person as its ``creator`` (a ``Person``) and the time of the correction as ``created``.
"""

from __future__ import annotations

from typing import Any

from kronika.edtf import timex_to_edtf
from kronika.export.snapshot import Iris, StoreSnapshot
from kronika.export.tei import authority
from kronika.model import Analysis, Entity, Timex
from kronika.store.corrections import HumanMarks, Mark

ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CONTEXT_CHARS = 32  # prefix and suffix of a TextQuoteSelector


def _target(iris: Iris, analysis: Analysis, start: int, end: int) -> dict[str, Any]:
    text = analysis.document.text
    return {"source": iris.document(analysis.document.id), "type": "Text", "selector": [
        {"type": "TextQuoteSelector", "exact": text[start:end],
         "prefix": text[max(0, start - CONTEXT_CHARS):start], "suffix": text[end:end + CONTEXT_CHARS]},
        {"type": "TextPositionSelector", "start": start, "end": end},
    ]}


def _tag(value: str, purpose: str = "tagging") -> dict[str, Any]:
    return {"type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain"}


def _provenance(mark: Mark | None) -> dict[str, Any]:
    return {"creator": {"type": "Person", "name": mark.by}, "created": mark.at} if mark else {}


def entity_annotation(iris: Iris, analysis: Analysis, entity: Entity, mark: Mark | None = None) -> dict[str, Any]:
    link = authority(entity) or (iris.entity(entity.ref) if entity.ref else None)
    bodies: list[dict[str, Any]] = [_tag(entity.type)]
    if link:
        bodies.insert(0, {"type": "SpecificResource", "purpose": "identifying", "source": link})
    bodies.append({**_tag(entity.lemma, "describing"), "language": "pl"})
    return {"id": iris.vocabulary("annotation", analysis.document.id) + f"/{entity.id}",
            "type": "Annotation", "motivation": "identifying" if link else "tagging", **_provenance(mark),
            "body": bodies, "target": _target(iris, analysis, entity.start, entity.end)}


def timex_annotation(iris: Iris, analysis: Analysis, timex: Timex, mark: Mark | None = None) -> dict[str, Any]:
    bodies = [_tag(timex.type), _tag(timex.value, "describing")]
    if edtf := timex_to_edtf(timex.value, getattr(timex, "mod", None)):
        bodies.append({**_tag(edtf, "describing"), "format": "application/edtf"})
    return {"id": iris.vocabulary("annotation", analysis.document.id) + f"/{timex.id}",
            "type": "Annotation", "motivation": "tagging", **_provenance(mark), "body": bodies,
            "target": _target(iris, analysis, timex.start, timex.end)}


def analysis_annotations(iris: Iris, analysis: Analysis, human: HumanMarks | None = None) -> list[dict[str, Any]]:
    document = analysis.document.id
    items = [entity_annotation(iris, analysis, e,
                               human.entity(document, e.start, e.end, e.ref) if human else None)
             for e in analysis.entities]
    items += [timex_annotation(iris, analysis, t,
                               human.timex(document, t.start, t.end) if human else None)
              for t in analysis.timexes]
    return sorted(items, key=lambda item: item["target"]["selector"][1]["start"])


def snapshot_to_webanno(snapshot: StoreSnapshot, iris: Iris) -> dict[str, Any]:
    """One AnnotationCollection with every mention of every document, in text order per document."""
    items = [item for analysis in snapshot.analyses.values()
             for item in analysis_annotations(iris, analysis, snapshot.human)]
    return {"@context": ANNOTATION_CONTEXT, "id": f"{iris.base}annotations", "type": "AnnotationCollection",
            "label": "Kronika: names and dates", "total": len(items),
            "first": {"id": f"{iris.base}annotations/page1", "type": "AnnotationPage", "startIndex": 0,
                      "items": items}}
