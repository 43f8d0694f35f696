"""The exports and the modality of events (docs/formats.md, "Modality"): CSV and TEI keep every event
and mark its modality; TimelineJS, RDF and the events of a place in LPF leave out what the text denies
or only supposes, and mark what it announces or only reports. One short account of our own, analysed by
the real pipeline into a SQLite store."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest
from rdflib import Graph, Literal, Namespace
from rdflib.namespace import RDF, RDFS

from kronika.export.snapshot import StoreSnapshot
from kronika.export.store_export import render_snapshot
from kronika.model import Document
from kronika.pipeline import analyze
from kronika.store import Store

SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
CRM = Namespace("http://www.cidoc-crm.org/cidoc-crm/")
TEI = "{http://www.tei-c.org/ns/1.0}"

ACCOUNT = Document(
    "kronika-lidy",
    "Wczoraj spłonął młyn w Lidzie. Posiedzenie Rady Miejskiej odbędzie się 20 maja 1938 roku. "
    "Straż nie ugasiła pożaru 10 maja 1938 roku. Podobno 9 maja 1938 roku spłonął tartak w Lidzie. "
    "Gdyby 8 maja 1938 roku wojska wkroczyły do miasta, ludność by uciekła.",
    dct="1938-05-12", title="Kronika Lidy")
# trigger → modality, as the events stage gives them (checked first, so a failure below is the export's)
MODALITIES = {("spłonął", "1938-05-11"): "asserted", ("Posiedzenie", "1938-05-20"): "future",
              ("ugasiła", "1938-05-10"): "negated", ("spłonął", "1938-05-09"): "reported",
              ("wkroczyły", "1938-05-08"): "conditional"}


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StoreSnapshot]:
    url = f"sqlite:///{tmp_path_factory.mktemp('modality') / 'store.sqlite'}"
    with Store.open(url) as store:
        store.ingest(analyze(ACCOUNT))
        yield StoreSnapshot.load(store)


def test_the_account_has_one_event_of_each_modality(snapshot: StoreSnapshot) -> None:
    assert {(e.trigger_text, e.time): e.modality for e in snapshot.events} == MODALITIES


def test_csv_keeps_every_event_with_its_modality(snapshot: StoreSnapshot) -> None:
    rows = list(csv.DictReader(io.StringIO(render_snapshot(snapshot, "csv"), newline="")))
    assert {(r["trigger"], r["time"]): r["modality"] for r in rows} == MODALITIES


def test_tei_keeps_every_event_and_marks_its_modality(snapshot: StoreSnapshot) -> None:
    root = ET.fromstring(render_snapshot(snapshot, "tei"))
    events = root.iter(f"{TEI}event")
    marked = {(e.find(f"{TEI}label").text, e.get("when")): e.get("subtype") for e in events}
    assert marked == {key: None if modality == "asserted" else modality for key, modality in MODALITIES.items()}


def test_timeline_leaves_out_what_did_not_happen_and_marks_what_is_announced(snapshot: StoreSnapshot) -> None:
    items = json.loads(render_snapshot(snapshot, "timelinejs"))["events"]
    shown = {(i["start_date"]["day"], i.get("modality")): i["text"]["headline"] for i in items}
    assert set(shown) == {(11, None), (20, "future"), (9, "reported")}
    assert shown[(20, "future")].endswith("— zapowiedziane")
    assert shown[(9, "reported")].endswith("— według doniesień")
    assert "—" not in shown[(11, None)]


def test_rdf_states_only_what_happened_and_types_its_modality(snapshot: StoreSnapshot) -> None:
    graph = Graph().parse(data=render_snapshot(snapshot, "ttl"), format="turtle")
    labels = {str(graph.value(node, RDFS.label)) for node in graph.subjects(RDF.type, SEM.Event)}
    assert labels == {"fire: spłonął", "meeting: Posiedzenie"}  # the two fires share a label
    events = list(graph.subjects(RDF.type, SEM.Event))
    assert len(events) == 3
    modalities = {str(graph.value(t, RDFS.label)) for e in events for t in graph.objects(e, CRM.P2_has_type)
                  if (t, RDF.type, SEM.EventType) not in graph}
    assert modalities == {"future", "reported"}
    for left_out in ("fire: ugasiła", "military_movement: wkroczyły"):  # denied, only supposed
        assert (None, RDFS.label, Literal(left_out, lang="pl")) not in graph
