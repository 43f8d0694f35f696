"""``kronika export``: the whole store in the formats historians and digital humanists use.

=============  ==========================================================================================
``tei``        a TEI P5 ``<teiCorpus>``: every document with names and dates marked up (:mod:`.tei`)
``lpf``        Linked Places Format GeoJSON-LD: one Feature per place with coordinates (:mod:`.lpf`)
``ttl``        RDF (SEM, CIDOC-CRM, NIF provenance) as Turtle (:mod:`.rdf`)
``jsonld``     the same graph as JSON-LD
``csv``        a table: events (default), entities, mentions or places, optionally with a BOM (:mod:`.events_csv`)
``timelinejs`` TimelineJS3 JSON of the dated events (:mod:`.timelinejs`)
``webanno``    W3C Web Annotations (JSON-LD) of every name and date (:mod:`.webanno`)
=============  ==========================================================================================
"""

from __future__ import annotations

import json

from kronika.export.events_csv import TABLES, snapshot_to_csv
from kronika.export.lpf import snapshot_to_lpf
from kronika.export.place_details import place_details
from kronika.export.snapshot import DEFAULT_BASE_IRI, Iris, StoreSnapshot
from kronika.export.tei import analyses_to_tei
from kronika.export.timelinejs import events_to_timeline
from kronika.export.webanno import snapshot_to_webanno
from kronika.store import Store

FORMATS = ("tei", "lpf", "ttl", "jsonld", "csv", "timelinejs", "webanno")


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _link_geonames(snapshot: StoreSnapshot) -> None:
    """Give the rebuilt mentions of gazetteer places their GeoNames id, for authority links."""
    ids = {ref: details.geonames_id for ref, place in snapshot.entities.items()
           if place.geo and (details := place_details(place)) and details.geonames_id}
    for analysis in snapshot.analyses.values():
        for mention in analysis.entities:
            if mention.geo is not None and mention.ref in ids:
                mention.geo = {**mention.geo, "geonames_id": ids[mention.ref]}


def render_snapshot(snapshot: StoreSnapshot, export_format: str, base_iri: str = DEFAULT_BASE_IRI,
                    table: str = "events", bom: bool = False) -> str:
    """``table`` and ``bom`` choose the CSV table and whether it starts with a byte order mark."""
    iris = Iris(base_iri)
    if export_format in ("tei", "webanno"):
        _link_geonames(snapshot)
    if export_format == "webanno":
        return _json(snapshot_to_webanno(snapshot, iris))
    if export_format == "tei":
        return analyses_to_tei(list(snapshot.analyses.values()), corpus=True, human=snapshot.human)
    if export_format == "lpf":
        return _json(snapshot_to_lpf(snapshot, iris))
    if export_format in ("ttl", "jsonld"):
        from kronika.export.rdf import serialize, snapshot_to_graph  # rdflib loads in ~0.5 s: only when asked

        return serialize(snapshot_to_graph(snapshot, iris), "turtle" if export_format == "ttl" else "json-ld")
    if export_format == "csv":
        return snapshot_to_csv(snapshot, table, bom)
    if export_format == "timelinejs":
        subtitle = f"zdarzenia: {len(snapshot.events)}, dokumenty: {len(snapshot.analyses)}"
        return _json(events_to_timeline(snapshot.events, "Kronika", subtitle, snapshot.event_edtf))
    raise ValueError(f"unknown export format {export_format!r}; expected one of {', '.join(FORMATS)}")


def export_store(store: Store, export_format: str, base_iri: str = DEFAULT_BASE_IRI, table: str = "events",
                 bom: bool = False) -> str:
    """The whole store in ``export_format`` (one of :data:`FORMATS`; ``table`` one of :data:`TABLES` for
    CSV). Raises :class:`~kronika.errors.KronikaError` when the store has no documents."""
    if export_format not in FORMATS:
        raise ValueError(f"unknown export format {export_format!r}; expected one of {', '.join(FORMATS)}")
    if table not in TABLES:
        raise ValueError(f"unknown CSV table {table!r}; expected one of {', '.join(TABLES)}")
    return render_snapshot(StoreSnapshot.load(store), export_format, base_iri, table, bom)
