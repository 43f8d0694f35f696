"""The JSON API and the pages over HTTP, through the real server on 127.0.0.1."""

from __future__ import annotations

import http.client
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pytest
from sqlalchemy import event

from kronika.cli import COMMANDS, main
from kronika.commands.serve import command as serve_command
from kronika.errors import KronikaError
from kronika.export.store_export import FORMATS
from kronika.model import Document
from kronika.pipeline import analyze
from kronika.store import Store
from kronika.web import TileLayer, WebApp, api, pages
from kronika.web.app import CONTENT_SECURITY_POLICY
from kronika.web.server import create_server
from tests.web.conftest import HOSTILE_TEXT, Served


def fetch(served: Served, path: str, method: str = "GET", host: str | None = None) -> tuple[int, dict[str, str], bytes]:
    """A raw request: the path is sent exactly as given (no client-side normalisation of ``..``)."""
    address = urlsplit(served.url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    headers = {"Host": host} if host else {}
    connection.request(method, path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


def get_json(served: Served, path: str) -> Any:
    status, headers, body = fetch(served, path)
    assert status == 200, (path, body[:300])
    assert headers["content-type"].startswith("application/json")
    return json.loads(body)


def q(text: str) -> str:
    return quote(text, safe="")


# --- the API ------------------------------------------------------------------------------------------

def test_documents_lists_both(served: Served) -> None:
    ids = {d["id"] for d in get_json(served, "/api/documents")}
    assert {served.sample_id, served.hostile_id} <= ids


def test_document_offsets_slice_the_text(served: Served) -> None:
    data = get_json(served, f"/api/documents/{served.sample_id}")
    text = data["document"]["text"]
    assert data["entities"] and data["timexes"] and data["events"]
    for item in data["entities"] + data["timexes"]:
        assert text[item["start"]:item["end"]] == item["text"]


def _lwow_ref(served: Served) -> str:
    found = get_json(served, f"/api/entities?type=PLACE&name={q('Lwowie')}")
    assert found, "the sample names Lwów"
    return found[0]["ref"]


def test_entity_has_mentions_with_citations(served: Served) -> None:
    data = get_json(served, f"/api/entity?ref={q(_lwow_ref(served))}")
    assert data["entity"]["lemma"] == "Lwów"
    assert len(data["mentions"]) >= 2
    for mention in data["mentions"]:
        citation = mention["citation"]
        assert citation["start"] <= mention["start"] < mention["end"] <= citation["end"]
        assert mention["text"] in citation["text"]


def _interval_start(event: dict[str, Any]) -> tuple[str, str]:
    return tuple(event["interval"])  # type: ignore[return-value]


def test_timeline_is_ordered_by_interval(served: Served) -> None:
    data = get_json(served, "/api/timeline")
    starts = [_interval_start(e) for e in data["dated"]]
    assert len(starts) >= 5 and starts == sorted(starts)
    assert all(e["interval"] is None for e in data["undated"])


def test_places_carry_1939_and_today(served: Served) -> None:
    places = {p["lemma"]: p for p in get_json(served, "/api/places")}
    assert places["Lwów"]["country_1939"] == "Poland"
    assert places["Lwów"]["country_now"] == "Ukraine"
    assert all(p["geo"]["lat"] is not None for p in places.values())


def test_map_gives_citations_and_dates_in_a_fixed_number_of_queries(served: Served) -> None:
    statements: list[str] = []

    def count(_connection: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(served.store.engine, "before_cursor_execute", count)
    try:  # called directly: the server also reads the store now and then to know whether it changed
        direct = api.map_places(served.store, {})
    finally:
        event.remove(served.store.engine, "before_cursor_execute", count)
    assert len(direct) >= 5 and len(statements) <= 6  # one query per table read, none per place
    data = get_json(served, "/api/map")
    assert data == json.loads(json.dumps(direct))
    lwow = next(p for p in data if p["lemma"] == "Lwów")
    first = served.store.mentions(lwow["ref"])[:3]
    assert [c["text"] for c in lwow["citations"]] == [served.store.sentence(m.document, m.start).text for m in first]
    assert lwow["dates"] and all(begin <= end for begin, end in lwow["dates"])


def test_a_place_offers_the_gazetteer_places_of_its_name(served: Served) -> None:
    found = get_json(served, "/api/candidates?ref=place:grodno")
    assert len(found) >= 2 and [c["current"] for c in found].count(True) == 1
    assert next(c for c in found if c["current"])["label"].startswith("Grodno (Hrodna, Belarus")
    status, _, page = fetch(served, "/entity?ref=place:grodno")
    assert status == 200 and page.decode().count('class="edit inline pick-place"') == len(found) - 1
    assert fetch(served, "/api/candidates?ref=place:nigdzie")[0] == 404


SEARCHES = [
    # query, filters, a word every hit's sentence must contain (another case form of the query)
    ("Lwów", "", "Lwowa"),
    ("Wilno", "&type=PLACE", "Wilno"),
    ("Lwów", "&from=1939-09-21&to=1939-09-22", "Lwowa"),
]


@pytest.mark.parametrize(("query", "filters", "expected"), SEARCHES)
def test_search_is_lemma_aware(served: Served, query: str, filters: str, expected: str) -> None:
    hits = get_json(served, f"/api/search?q={q(query)}{filters}")
    assert any(expected in hit["text"] for hit in hits), hits


def test_search_date_filter_excludes(served: Served) -> None:
    assert get_json(served, f"/api/search?q={q('Lwów')}&from=1945&to=1946") == []


def test_ask_answers_with_citation(served: Served) -> None:
    data = get_json(served, f"/api/ask?q={q('Kiedy broniło się Wilno?')}")
    best = data["answers"][0]
    assert best["value"] == "1939-09-18/1939-09-19"
    assert any("broniło się Wilno" in c["text"] for c in best["citations"])


def test_conflicts_is_a_list(served: Served) -> None:
    assert isinstance(get_json(served, "/api/conflicts"), list)


EXPORTS: list[tuple[str, str, Callable[[bytes], bool]]] = [
    ("csv", "text/csv", lambda body: b"," in body.splitlines()[0]),
    ("timelinejs", "application/json", lambda body: "events" in json.loads(body)),
    ("lpf", "application/geo+json", lambda body: json.loads(body)["type"] == "FeatureCollection"),
    ("tei", "application/tei+xml", lambda body: b"<teiCorpus" in body),
    ("ttl", "text/turtle", lambda body: b"@prefix" in body),
    ("jsonld", "application/ld+json", lambda body: bool(json.loads(body))),
    ("webanno", "application/ld+json", lambda body: json.loads(body)["type"] == "AnnotationCollection"),
]


def test_every_export_format_can_be_downloaded() -> None:
    assert set(pages.EXPORTS) == set(FORMATS) == {row[0] for row in EXPORTS}


@pytest.mark.parametrize(("export_format", "media_type", "valid"), EXPORTS)
def test_export_downloads(served: Served, export_format: str, media_type: str, valid: Callable[[bytes], bool]) -> None:
    for path in (f"/export/{export_format}", f"/api/export/{export_format}"):
        status, headers, body = fetch(served, path)
        assert status == 200 and headers["content-type"].startswith(media_type)
        assert headers["content-disposition"].startswith("attachment;")
        assert valid(body)


ERRORS = [
    ("/api/documents/0000000000000000", 404),
    ("/api/entity?ref=person%3Anobody", 404),
    ("/api/search?q=", 400),
    (f"/api/search?q={q('Lwów')}&from=wczoraj", 400),
    ("/api/export/docx", 404),
    ("/api/nothing", 404),
]


@pytest.mark.parametrize(("path", "status"), ERRORS)
def test_api_errors_are_json(served: Served, path: str, status: int) -> None:
    code, headers, body = fetch(served, path)
    assert code == status
    assert headers["content-type"].startswith("application/json") and json.loads(body)["error"]


# --- pages ---------------------------------------------------------------------------------------------

PAGES = [
    ("/", "Dokumenty"),
    ("/entities?type=PERSON", "Franciszek Kleeberg"),
    ("/timeline", "Oś czasu"),
    ("/map", "<svg"),
    (f"/search?q={q('Lwów')}", "Lwowa"),
    (f"/ask?q={q('Kiedy broniło się Wilno?')}", "18–19 września 1939"),
    ("/conflicts", "Sprzeczności"),
    ("/export", "/export/ttl"),
]


@pytest.mark.parametrize(("path", "expected"), PAGES)
def test_pages_render(served: Served, path: str, expected: str) -> None:
    status, headers, body = fetch(served, path)
    assert status == 200 and headers["content-type"] == "text/html; charset=utf-8"
    assert expected in body.decode("utf-8")


def test_document_page_marks_names_and_dates(served: Served) -> None:
    status, _, body = fetch(served, f"/doc/{served.sample_id}")
    page = body.decode("utf-8")
    assert status == 200
    assert re.search(r'<mark class="ent t-PERSON"[^>]*data-lemma="Franciszek Kleeberg"', page)
    assert re.search(r'<mark class="timex"[^>]*data-value="1939-09-18/1939-09-19"', page)
    assert 'id="s0"' in page  # sentences are anchors for citations


# --- security ------------------------------------------------------------------------------------------

def test_hostile_document_is_escaped(served: Served) -> None:
    for path in (f"/doc/{served.hostile_id}", "/"):
        page = fetch(served, path)[2].decode("utf-8")
        assert page.count("<script") == 1  # only the application's own /static/kronika.js
        assert "<img" not in page and not re.search(r"<a [^>]*javascript:", page)
    page = fetch(served, f"/doc/{served.hostile_id}")[2].decode("utf-8")
    assert "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;" in page
    assert fetch(served, "/")[2].decode("utf-8").count("&lt;img src=x onerror=&quot;alert(3)&quot;&gt;") == 1
    assert get_json(served, f"/api/documents/{served.hostile_id}")["document"]["text"] == HOSTILE_TEXT


@pytest.mark.parametrize("path", ["/", "/api/documents", "/static/kronika.js", "/nothing", "/api/nothing"])
def test_security_headers(served: Served, path: str) -> None:
    headers = fetch(served, path)[1]
    assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY and "script-src 'self'" in CONTENT_SECURITY_POLICY
    assert headers["x-content-type-options"] == "nosniff"


TRAVERSALS = ["/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py", "/static/..%5capp.py",
              "/static/../../../../etc/passwd", "/doc/../../etc/passwd", "/doc/..%2f..%2fetc%2fpasswd",
              "/export/..%2f..%2fetc%2fpasswd", "/static/", "/static/%00kronika.js"]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_path_traversal_is_refused(served: Served, path: str) -> None:
    status, _, body = fetch(served, path)
    assert status in (400, 404)
    assert b"import " not in body and b"root:" not in body


def test_static_files_are_served(served: Served) -> None:
    status, headers, body = fetch(served, "/static/kronika.css")
    assert status == 200 and headers["content-type"].startswith("text/css") and b"mark" in body


@pytest.mark.parametrize(("method", "host", "status"), [
    ("POST", None, 405), ("DELETE", None, 405), ("GET", "evil.example", 421), ("GET", "evil.example:80", 421),
    ("GET", "localhost:1", 200), ("HEAD", None, 200),
])
def test_methods_and_hosts(served: Served, method: str, host: str | None, status: int) -> None:
    assert fetch(served, "/", method, host)[0] == status


def test_loopback_is_the_default(served: Served) -> None:
    defaults = {p.name: p.default for p in serve_command.params}
    assert defaults["host"] == "127.0.0.1" and defaults["port"] == 8000
    server = create_server(served.store, port=0, quiet=True)
    try:
        assert server.server_address[0] == "127.0.0.1"
    finally:
        server.server_close()


# --- commands ------------------------------------------------------------------------------------------

def test_serve_is_registered(capsys: pytest.CaptureFixture[str]) -> None:
    assert COMMANDS["serve"] == "kronika.commands.serve"
    main(["serve", "--help"])
    assert "--port" in capsys.readouterr().out


def test_demo_no_serve_prints_the_summary(capsys: pytest.CaptureFixture[str]) -> None:
    main(["demo", "--no-serve"])
    out = capsys.readouterr().out
    assert "Franciszek Kleeberg" in out and "http://" not in out


def test_demo_prints_summary_then_serves(tmp_path: Path) -> None:
    environment = {**os.environ, "KRONIKA_DB": str(tmp_path / "unused.sqlite")}
    process = subprocess.Popen(
        [sys.executable, "-c", "from kronika.cli import main; main()", "demo", "--port", "0", "--no-browser",
         "--db", f"sqlite:///{tmp_path / 'demo.sqlite'}"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment)
    try:
        lines = []
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line)
            if line.startswith("Otwórz: "):
                break
        output = "".join(lines)
        assert "Franciszek Kleeberg" in output.split("Kronika: http://")[0]  # the summary comes first
        page_url = urlsplit(lines[-1].removeprefix("Otwórz: ").strip())
        assert page_url.hostname == "127.0.0.1" and page_url.path.startswith("/doc/")
        connection = http.client.HTTPConnection(page_url.hostname, page_url.port, timeout=30)
        connection.request("GET", page_url.path)
        response = connection.getresponse()
        assert response.status == 200 and "Kleeberg" in response.read().decode("utf-8")
        connection.close()
        assert not (tmp_path / "unused.sqlite").exists()
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_an_entity_named_many_times_is_read_a_page_at_a_time(tmp_path: Path) -> None:
    text = " ".join(f"Dnia {day} maja 1939 roku przez Lwów przejechał pociąg nr {day}." for day in range(1, 31)) * 2
    with Store.open(f"sqlite:///{tmp_path / 'many.sqlite'}") as store:
        store.ingest(analyze(Document("pociagi", text, "1939-06-01")))
        lwow = store.entities(name="Lwów")[0]
        assert lwow.mentions > pages.MENTIONS_PER_PAGE
        first = api.entity(store, {"ref": lwow.ref})
        last = api.entity(store, {"ref": lwow.ref, "page": "2"})
        assert (first["page"], first["pages"], len(first["mentions"])) == (1, 2, pages.MENTIONS_PER_PAGE)
        assert len(last["mentions"]) == lwow.mentions - pages.MENTIONS_PER_PAGE
        every = [(m["document"], m["start"]) for m in first["mentions"] + last["mentions"]]
        assert every == [(m.document, m.start) for m in store.mentions(lwow.ref)]
        assert all(m["citation"]["text"].startswith("Dnia") for m in last["mentions"])
        page = pages.entity_page(store, {"ref": lwow.ref, "page": "2"})
        assert 'rel="prev"' in page.body and 'rel="next"' not in page.body and "strona 2 z 2" in page.body
        with pytest.raises(pages.NotFound):
            pages.entity_page(store, {"ref": lwow.ref, "page": "3"})


def test_online_tiles_widen_only_the_image_policy(served: Served) -> None:
    tiles = TileLayer.checked("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "© OpenStreetMap contributors")
    policy = dict(WebApp(served.store, tiles=tiles).headers)["Content-Security-Policy"]
    assert policy == CONTENT_SECURITY_POLICY.replace("img-src 'self' data:",
                                                     "img-src 'self' data: https://tile.openstreetmap.org")
    for bad in ("http://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://{s}.tile.example/{z}/{x}/{y}.png",
                "https://tile.example/tiles.png"):
        with pytest.raises(KronikaError, match="--tiles"):
            TileLayer.checked(bad, "©")


def test_the_list_of_names_is_paged(served: Served, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pages, "ENTITIES_PER_PAGE", 5)
    places = served.store.entities(type="PLACE")
    second = pages.entities_page(served.store, {"type": "PLACE", "page": "2"}).body
    assert second.count("<tr><td>") == 5 and places[5].lemma in second and places[4].lemma not in second
    assert '<a rel="prev" href="/entities?type=PLACE&amp;page=1">' in second
    assert '<a rel="next" href="/entities?type=PLACE&amp;page=3">' in second
