"""The web application under attack and crawled, on both stores, through the real server: every page
escaped and under the strict CSP, every hostile request answered cleanly (never 500), the Host guard,
idle and half-sent connections that cannot starve the workers, no absolute source paths."""

from __future__ import annotations

import http.client
import re
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import quote, urljoin, urlsplit

import pytest

from kronika.commands.demo import sample_document
from kronika.model import Document
from kronika.pipeline import analyze
from kronika.store import Store
from kronika.web import running
from kronika.web.app import API, CONTENT_SECURITY_POLICY, PAGES
from tests.store.conftest import fresh_store
from tests.web.conftest import HOSTILE_TEXT, HOSTILE_TITLE

SECRET_FOLDER = "/home/historyk/tajne-archiwum"


@dataclass(frozen=True)
class Site:
    host: str
    port: int
    store: Store
    hostile_id: str


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with fresh_store(request.param, tmp_path_factory.mktemp("site")) as store:
        sample = sample_document()
        sample.source = f"{SECRET_FOLDER}/wrzesien.txt"
        store.ingest(analyze(sample))
        hostile = Document("hostile", HOSTILE_TEXT + "\x01\x1f", "1939-09-21", HOSTILE_TITLE,
                           f"{SECRET_FOLDER}/<b>meldunek.txt")
        hostile_id = store.ingest(analyze(hostile))
        with running(store) as url:
            address = urlsplit(url)
            yield Site(address.hostname or "", address.port or 0, store, hostile_id)


def fetch(site: Site, path: str, method: str = "GET", host: str | None = None) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection(site.host, site.port, timeout=30)
    connection.request(method, path, headers={"Host": host} if host else {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.scripts: list[dict[str, str | None]] = []
        self.handlers: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"{tag} {name}")
            if name in ("href", "src", "action") and value and value.lower().lstrip().startswith("javascript:"):
                self.handlers.append(f"{tag} {name}=javascript:")
        if tag == "a":
            self.links.extend(value for name, value in attrs if name == "href" and value)
        if tag == "script":
            self.scripts.append(dict(attrs))


def test_crawl_every_page_is_safe(site: Site) -> None:
    """Follow every local link from / (up to a bound): each page renders, carries the strict CSP, runs
    only scripts from /static/ and has no event-handler attribute from a document."""
    queue, seen = ["/"], {"/"}
    pages = 0
    while queue and pages < 250:
        path = queue.pop(0)
        status, headers, body = fetch(site, path)
        pages += 1
        assert status in (200, 404), (path, status)
        assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        if not headers["content-type"].startswith("text/html"):
            continue
        page = body.decode("utf-8")
        parser = _Links()
        parser.feed(page)
        assert parser.handlers == [], (path, parser.handlers)
        assert all((script.get("src") or "").startswith("/static/") for script in parser.scripts), path
        assert SECRET_FOLDER not in page, path
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", page), path
        for link in parser.links:
            target = urljoin(path, link)
            parts = urlsplit(target)
            if parts.netloc or parts.scheme or parts.path.startswith("/export/") or parts.path.startswith("/api/"):
                continue
            local = parts.path + (f"?{parts.query}" if parts.query else "")
            if local not in seen:
                seen.add(local)
                queue.append(local)
    assert pages > 20


def test_front_page_shows_file_names_not_folders(site: Site) -> None:
    page = fetch(site, "/")[2].decode("utf-8")
    assert "wrzesien.txt" in page and "&lt;b&gt;meldunek.txt" in page
    assert SECRET_FOLDER not in page


ATTACKS = [
    "/static/../app.py", "/static/%2e%2e/%2e%2e/etc/passwd", "/static/..%5c..%5cwin.ini", "/doc/..%2f..%2fetc",
    "/doc/" + "a" * 5000, "/doc/%00", "/doc/%ff%fe", "/export/%2e%2e", "/export/tei%00.xml", "/api/documents/%00",
    "/search?q=%ff%fe%00", "/search?q=" + "%F0%9F%92%A9" * 400, "/search?q=a&limit=-1", "/api/search?q=a&limit=1e9",
    "/api/search?q=a&limit=99999999999999999999999", "/api/search?q=a&from=1939-02-30", "/api/search?q=a&from=%00",
    "/api/events?from=9999-99-99&to=0000", "/api/entity?ref=%27%20OR%201%3D1--", "/api/entity?ref=" + "x" * 100000,
    "/ask?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/timeline?type=%3Cimg%20src%3Dx%3E", "/map?place=%0d%0aSet-Cookie:x",
    "/entities?type=%22%3E%3Csvg%20onload%3Dalert(1)%3E", "/?%00=%00",
    "/search?" + "&".join(f"p{i}=1" for i in range(2000)),
]


@pytest.mark.parametrize("path", ATTACKS)
def test_attacks_are_answered_cleanly(site: Site, path: str) -> None:
    status, headers, body = fetch(site, path)
    assert status in (200, 400, 404, 414, 431), (path, status, body[:200])
    assert headers.get("content-security-policy", CONTENT_SECURITY_POLICY) == CONTENT_SECURITY_POLICY
    assert b"root:" not in body and b"Traceback" not in body and b"import " not in body
    assert "set-cookie" not in headers
    if headers.get("content-type", "").startswith("text/html"):
        assert b"<svg onload" not in body and b"<script>alert" not in body and b"<img src=x" not in body


@pytest.mark.parametrize("parameter", ["type", "place", "ref", "q", "from", "to", "name", "document", "limit"])
@pytest.mark.parametrize("path", sorted(set(PAGES) | set(API)))
def test_nul_in_any_parameter_is_a_bad_request(site: Site, path: str, parameter: str) -> None:
    status, _headers, body = fetch(site, f"{path}?q=Lw%C3%B3w&{parameter}=Lw%00%C3%B3w")
    assert status == 400, (path, parameter, body[:200])
    assert b"NUL" in body


def test_host_header_guard(site: Site) -> None:
    assert fetch(site, "/", host="evil.example")[0] == 421
    assert fetch(site, "/api/documents", host="127.0.0.1.evil.example")[0] == 421
    assert fetch(site, "/", host=f"127.0.0.1:{site.port}")[0] == 200


def _raw(site: Site, data: bytes, timeout: float = 10) -> bytes:
    with socket.create_connection((site.host, site.port), timeout=timeout) as sock:
        sock.sendall(data)
        chunks = []
        try:
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        except (TimeoutError, ConnectionResetError):
            pass
        return b"".join(chunks)


@pytest.mark.parametrize(("request_bytes", "statuses"), [
    (b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + b"a" * 200_000 + b"\r\n\r\n", (b"431", b"400")),
    (b"GARBAGE\r\n\r\n", (b"400",)),
    (b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello", (b"405",)),
    (b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 999999999\r\nConnection: close\r\n\r\n", (b"413",)),
    (b"GET /\x00 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", (b"400", b"404")),
    (b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked, identity\r\nConnection: close\r\n\r\n",
     (b"400", b"501")),
])
def test_malformed_requests(site: Site, request_bytes: bytes, statuses: tuple[bytes, ...]) -> None:
    answer = _raw(site, request_bytes)
    assert answer.split(b" ", 2)[1] in statuses, answer[:200]


def test_idle_and_half_sent_connections_do_not_starve_the_workers(site: Site) -> None:
    held = []
    try:
        for _ in range(200):
            sock = socket.create_connection((site.host, site.port), timeout=10)
            sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")  # and never finish
            held.append(sock)
        started = time.monotonic()
        status, _headers, _body = fetch(site, "/api/documents")
        assert status == 200 and time.monotonic() - started < 5
    finally:
        for sock in held:
            sock.close()


def test_document_text_round_trips(site: Site) -> None:
    """Offsets slice back to their text on every stored document, as the API serves them."""
    import json

    for document in site.store.documents():
        status, _headers, body = fetch(site, f"/api/documents/{quote(document.id)}")
        assert status == 200
        analysis = json.loads(body)
        text = analysis["document"]["text"]
        for item in analysis["entities"] + analysis["timexes"]:
            assert text[item["start"]:item["end"]] == item["text"]


def test_export_of_hostile_text_is_well_formed_xml(site: Site) -> None:
    from xml.etree import ElementTree

    status, _headers, body = fetch(site, "/export/tei")
    assert status == 200
    root = ElementTree.fromstring(body)
    ids = [element.get("{http://www.w3.org/XML/1998/namespace}id") for element in root.iter()]
    ids = [i for i in ids if i]
    assert ids and len(ids) == len(set(ids))


def test_cached_pages_follow_the_store(site: Site) -> None:
    """Rendered pages are kept in memory, but a document stored meanwhile shows within a second."""
    before = fetch(site, "/")[2]
    assert fetch(site, "/")[2] == before
    added = site.store.ingest(Document("nowy", "Nowy meldunek z Wilna.", None, "Meldunek z Wilna", "nowy.txt"))
    try:
        deadline = time.monotonic() + 5
        while b"Meldunek z Wilna" not in fetch(site, "/")[2]:
            assert time.monotonic() < deadline, "the new document never appeared"
            time.sleep(0.1)
    finally:
        site.store.delete_document(added)
