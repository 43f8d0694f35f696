"""The store's places as Linked Places Format (LPF v1.1, Linked Pasts / World Historical Gazetteer):
a GeoJSON-LD FeatureCollection, one Feature per canonical place with coordinates.

Each Feature has the required ``@id``, ``type``, ``properties.title`` and ``names`` (every base form the
documents use for the place, each citing the mentions — NIF ``#char=`` IRIs that slice back to the
text), plus ``properties.ccodes`` (today's country), ``properties.country_1939`` and
``properties.countries_then`` (the state on the dates of the documents naming it, each with those dates
as LPF timespans; a citation gives the state on its document's date as ``country_then``), ``types`` (Getty
AAT), a Point ``geometry``, ``when`` (the spans of the dated events at the place) and a GeoNames
``closeMatch`` link when the gazetteer has one.
"""

from __future__ import annotations

import re
from typing import Any

from kronika.export.modality import happened
from kronika.export.place_details import place_details, states_then
from kronika.export.snapshot import Iris, StoreSnapshot
from kronika.store import EntityRecord, EventRecord
from kronika.store.intervals import timex_interval

LPF_CONTEXT = ("https://raw.githubusercontent.com/LinkedPasts/linked-places/master/"
               "linkedplaces-context-v1.1.jsonld")
GEONAMES = "https://sws.geonames.org/{}/"
CALENDAR_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
CITATION_TEXT_LIMIT = 300  # characters of the citing sentence kept in a citation's label
# GeoNames feature classes of the gazetteer's kinds of place (LPF ``fclasses``): A administrative unit,
# P populated place, H water, T terrain, L area, S spot
FEATURE_CLASSES = {"settlement": "P", "country": "A", "region": "A", "river": "H", "lake": "H", "sea": "H",
                   "mountains": "T", "mountain": "T", "forest": "V", "area": "L", "building": "S"}
ENTITY_FEATURE_CLASSES = {"COUNTRY": "A", "PLACE": "P"}


def _bound(part: str, fallback: str, inexact: str) -> dict[str, str]:
    """An LPF timespan bound: ``in`` for a calendar date as precise as the text gives it (``1939-09``),
    else the first or last day the TIMEX3 value covers (a week, a season) as ``earliest``/``latest``."""
    if CALENDAR_DATE.fullmatch(part) and timex_interval(part) is not None:
        return {"in": part}
    return {inexact: fallback}


def timespan(event: EventRecord) -> dict[str, Any] | None:
    if event.time is None or event.interval is None:
        return None
    first, _, last = event.time.partition("/")
    return {"start": _bound(first[:10], event.interval[0], "earliest"),
            "end": _bound((last or first)[:10], event.interval[1], "latest")}


def attestation_spans(snapshot: StoreSnapshot, document_ids: list[str]) -> list[dict[str, Any]]:
    """The dates of the documents that name a place, as LPF timespans (the place is attested then)."""
    days = sorted({snapshot.analyses[d].document.dct for d in document_ids if snapshot.analyses[d].document.dct})
    return [{"start": {"in": day}, "end": {"in": day}} for day in days]


def _citation(snapshot: StoreSnapshot, iris: Iris, document_id: str, start: int, end: int) -> dict[str, Any]:
    text = snapshot.analyses[document_id].document.text
    sentence = snapshot.sentence_at(document_id, start)
    quoted = " ".join(text[sentence.start:sentence.end].split()) if sentence else text[start:end]
    if len(quoted) > CITATION_TEXT_LIMIT:
        quoted = quoted[:CITATION_TEXT_LIMIT - 1] + "…"
    citation: dict[str, Any] = {"label": f"{snapshot.title(document_id)}: {quoted}",
                                "@id": iris.span(document_id, start, end),
                                "document": document_id, "start": start, "end": end, "form": text[start:end]}
    if year := snapshot.year(document_id):
        citation["year"] = int(year)
    if sentence:
        citation["sentence"] = {"@id": iris.span(document_id, sentence.start, sentence.end),
                                "start": sentence.start, "end": sentence.end}
    return citation


def place_feature(snapshot: StoreSnapshot, iris: Iris, place: EntityRecord) -> dict[str, Any]:
    geo = place.geo or {}
    details = place_details(place)
    names: dict[str, list[dict[str, Any]]] = {}
    naming_documents: list[str] = []
    states = states_then(snapshot, place)
    state_on = {day: state for state, days in states.items() for day in days}
    for document_id, mention in snapshot.mentions_of(place.ref):
        naming_documents.append(document_id)
        citation = _citation(snapshot, iris, document_id, mention.start, mention.end)
        if state := state_on.get(snapshot.analyses[document_id].document.dct or ""):
            citation["country_then"] = state
        names.setdefault(mention.lemma, []).append(citation)
    toponyms = [{"toponym": lemma, "lang": "pl", "citations": citations}
                for lemma, citations in names.items()]
    if details and details.geonames_id and geo.get("name") and geo["name"] not in names:
        toponyms.append({"toponym": geo["name"], "citations": [
            {"label": "GeoNames", "@id": GEONAMES.format(details.geonames_id)}]})

    events = [e for e in snapshot.events_at(place.ref) if happened(e.modality)]
    spans = [span for span in map(timespan, events) if span] + attestation_spans(snapshot, naming_documents)
    unique_spans = list({repr(span): span for span in spans}.values())
    properties: dict[str, Any] = {
        "title": place.lemma,
        "ccodes": [details.country_code] if details and details.country_code else [],
        "country_1939": details.country_1939 if details else None,
        "countries_then": [{"label": state, "when": {"timespans": [{"start": {"in": day}, "end": {"in": day}}
                                                                   for day in days]}}
                           for state, days in states.items()],
        "name_now": geo.get("name"),
        "kronika_ref": place.ref,
        "events": [{"@id": iris.event(e.document, e.local_id), "type": e.type, "time": e.time,
                    "edtf": snapshot.event_edtf(e)} for e in events],
    }
    kind = details.type.kind if details and details.type else None
    fclass = FEATURE_CLASSES.get(kind or "") or ENTITY_FEATURE_CLASSES.get(place.type)
    properties["fclasses"] = [fclass] if fclass else []
    feature: dict[str, Any] = {
        "@id": iris.entity(place.ref),
        "type": "Feature",
        "properties": properties,
        "geometry": {"type": "GeometryCollection",
                     "geometries": [{"type": "Point", "coordinates": [geo["lon"], geo["lat"]]}]},
        "names": toponyms,
    }
    if unique_spans:
        feature["when"] = {"timespans": unique_spans,
                           "label": "dates of the events at the place and of the documents naming it"}
    if details and details.type:
        kind = details.type
        identifier = {"identifier": f"aat:{kind.aat_id}"} if kind.aat_id else {}
        feature["types"] = [{**identifier, "label": kind.label,
                             "sourceLabels": [{"label": kind.kind, "lang": "en"}]}]
    if details and details.geonames_id:
        feature["links"] = [{"type": "closeMatch", "identifier": f"gn:{details.geonames_id}"}]
    return feature


def snapshot_to_lpf(snapshot: StoreSnapshot, iris: Iris) -> dict[str, Any]:
    """The LPF FeatureCollection of every stored place with coordinates, most mentioned first."""
    return {"type": "FeatureCollection", "@context": LPF_CONTEXT,
            "features": [place_feature(snapshot, iris, place) for place in snapshot.places()]}
