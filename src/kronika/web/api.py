"""The JSON API under ``/api/…``: the same store queries the pages show, as the records' own JSON.

=============================  ==========================================================================
``/api/documents``             stored documents
``/api/documents/<id>``        one document as ``analyze`` JSON (entities, timexes, events with offsets)
``/api/entities``              canonical entities; filters ``type``, ``name``, ``ref``
``/api/entity?ref=``           one entity with its mentions (each with its cited sentence; 50 a ``page``,
                               with ``pages``) and events
``/api/events``                events in text order; filters ``type``, ``ref``, ``place``, ``from``, ``to``,
                               ``document``
``/api/timeline``              events ordered by TIMEX3 interval: ``{"dated": […], "undated": […]}``
``/api/places``                located places with ``country_1939`` and ``country_now``
``/api/search?q=``             sentences matched by lemma; filters ``type``, ``place``, ``from``, ``to``,
                               ``limit``
``/api/ask?q=``                the answers of ``kronika ask --json``
``/api/conflicts``             dates and numbers on which documents disagree
``/api/map``                   located places for the map: mentions, cited sentences, event dates
``/api/candidates?ref=``       the gazetteer's places of a PLACE entity's name, with the one it is at now
``/api/corrections``           human corrections, newest first; filter ``document``
``/api/export/<format>``       the store exported (``tei``, ``lpf``, ``ttl``, ``jsonld``, ``csv``,
                               ``timelinejs``)
=============================  ==========================================================================
"""

from __future__ import annotations

from typing import Any

from kronika.errors import KronikaError
from kronika.qa import answer
from kronika.store import Store
from kronika.store import corrections as correction_log
from kronika.web.pages import (
    MENTIONS_PER_PAGE,
    NotFound,
    Query,
    candidate_label,
    page_of,
    place_candidates,
    places,
    search_filters,
    timeline_key,
)

MAX_SEARCH_RESULTS = 200


def documents(store: Store, query: Query) -> Any:
    return [d.to_json() for d in store.documents()]


def document(store: Store, document_id: str) -> Any:
    analysis = store.document_analysis(document_id)
    if analysis is None:
        raise NotFound(f"no document {document_id}")
    return correction_log.mark_human(store, document_id, analysis.to_json())


def entities(store: Store, query: Query) -> Any:
    found = store.entities(ref=query.get("ref") or None, type=query.get("type") or None,
                           name=query.get("name") or None)
    return [e.to_json() for e in found]


def entity(store: Store, query: Query) -> Any:
    ref = query.get("ref", "")
    found = store.entities(ref=ref) if ref else []
    if not found:
        raise NotFound(f"no entity {ref!r}")
    number, pages = page_of(query, found[0].mentions)
    cited = store.cited_mentions(ref, (number - 1) * MENTIONS_PER_PAGE, MENTIONS_PER_PAGE)
    mentions = [{**mention.to_json(), "citation": citation.to_json() if citation else None}
                for mention, citation in cited]
    return {"entity": found[0].to_json(), "mentions": mentions, "page": number, "pages": pages,
            "events": [e.to_json() for e in store.events(ref=found[0].ref)]}


def _events(store: Store, query: Query) -> list[Any]:
    return store.events(type=query.get("type") or None, ref=query.get("ref") or None,
                        place=query.get("place") or None, date_from=query.get("from") or None,
                        date_to=query.get("to") or None, document=query.get("document") or None)


def events(store: Store, query: Query) -> Any:
    return [e.to_json() for e in _events(store, query)]


def timeline(store: Store, query: Query) -> Any:
    ordered = sorted(_events(store, query), key=timeline_key)
    return {"dated": [e.to_json() for e in ordered if e.interval is not None],
            "undated": [e.to_json() for e in ordered if e.interval is None]}


def place_list(store: Store, query: Query) -> Any:
    return [{**entity.to_json(), "country_1939": then, "country_now": now} for entity, then, now in places(store)]


def search(store: Store, query: Query) -> Any:
    text = query.get("q", "").strip()
    if not text:
        raise KronikaError("the parameter q (the words to search for) is missing")
    try:
        limit = min(int(query.get("limit", "20")), MAX_SEARCH_RESULTS)
    except ValueError:
        raise KronikaError("limit must be a whole number") from None
    return [hit.to_json() for hit in store.search(text, limit=limit, **search_filters(query))]


def ask(store: Store, query: Query) -> Any:
    question = query.get("q", "").strip()
    if not question:
        raise KronikaError("the parameter q (the question) is missing")
    return {"question": question, "answers": [a.to_json() for a in answer(store, question)]}


def conflicts(store: Store, query: Query) -> Any:
    return [c.to_json() for c in store.conflicts()]


def corrections(store: Store, query: Query) -> Any:
    return [c.to_json() for c in correction_log.corrections(store, query.get("document") or None)]


MAP_CITATIONS = 3  # sentences per place in its popup


def map_places(store: Store, query: Query) -> Any:
    """Every located place with its first cited sentences and the dates of its events: a fixed number of
    queries whatever the number of places (the map of a large store loads in one request)."""
    located = places(store)
    citations = store.first_citations([entity.id for entity, _, _ in located], MAP_CITATIONS)
    dates = store.place_intervals()
    return [{"ref": entity.ref, "lemma": entity.lemma, "lat": entity.geo["lat"], "lon": entity.geo["lon"],
             "name": entity.geo.get("name"), "mentions": entity.mentions, "country_1939": then,
             "country_now": now, "dates": [list(interval) for interval in dates.get(entity.id, [])],
             "citations": [{"document": c.document, "start": c.start, "text": c.text, "title": c.title}
                           for c in citations.get(entity.id, [])]}
            for entity, then, now in located]


def place_candidates_of(store: Store, query: Query) -> Any:
    ref = query.get("ref", "")
    found = store.entities(ref=ref) if ref else []
    if not found:
        raise NotFound(f"no entity {ref!r}")
    return [{"label": candidate_label(place), "name": place.name, "name_now": place.name_now, "lat": place.lat,
             "lon": place.lon, "country_now": place.country_now, "country_1939": place.country_1939,
             "current": current} for place, current in place_candidates(found[0])]
