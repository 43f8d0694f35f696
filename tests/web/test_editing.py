"""Editing over HTTP: CSRF-checked corrections, undo, upload, delete, and the token beyond loopback."""

from __future__ import annotations

import http.client
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest

from kronika.errors import KronikaError
from kronika.store import Store
from kronika.store import corrections as library
from kronika.web.server import create_server, running

TEXT = ("Generał Władysław Sikorski przyjechał do Lwowa 5 maja 1939 roku. "
        "We Lwowie spotkał się z ministrem Józefem Beckiem.")


class Client:
    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], str]:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        data = response.read().decode("utf-8", "replace")
        connection.close()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, data

    def csrf(self) -> str:
        _status, _headers, page = self.request("GET", "/")
        found = re.search(r'name="csrf" value="([^"]+)"', page)
        assert found
        return found[1]

    def post(self, path: str, fields: dict[str, object],
             headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], str]:
        body = urlencode({k: str(v) for k, v in fields.items()}).encode()
        form_type = {"Content-Type": "application/x-www-form-urlencoded"}
        return self.request("POST", path, body, {**form_type, **(headers or {})})

    def upload(self, name: str, data: bytes, csrf: str) -> tuple[int, dict[str, str], str]:
        boundary = uuid.uuid4().hex
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n"
                f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
                f"Content-Type: application/octet-stream\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
        return self.request("POST", "/upload", body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})


@pytest.fixture
def client(tmp_path: Path) -> Iterator[tuple[Client, Store]]:
    with Store.open(f"sqlite:///{tmp_path / 'edit.sqlite'}") as store, running(store, user="Anna") as url:
        yield Client(url), store


def test_upload_correct_undo_and_delete(client: tuple[Client, Store]) -> None:
    web, store = client
    csrf = web.csrf()
    status, headers, _ = web.upload("notatka.txt", TEXT.encode(), csrf)
    assert status == 303
    document = headers["location"].removeprefix("/doc/")
    status, _, page = web.request("GET", headers["location"])
    assert status == 200 and "Sikorski" in page
    ref = next(e.ref for e in store.entities() if e.lemma.startswith("Lw"))
    status, _, _ = web.post("/correct", {"kind": "entity", "ref": ref, "lemma": "Lwów (miasto)", "csrf": "wrong"})
    assert status == 400
    status, headers, _ = web.post("/correct", {"kind": "entity", "ref": ref, "lemma": "Lwów (miasto)", "user": "Anna",
                                               "csrf": csrf, "back": "https://example.org/"})
    assert status == 303 and headers["location"] == "/"
    assert store.entities(ref=ref)[0].lemma == "Lwów (miasto)"
    status, _, listing = web.request("GET", "/corrections")
    assert status == 200 and "Lwów (miasto)" in listing and "Anna" in listing
    correction = library.corrections(store)[0]
    assert web.post("/undo", {"id": correction.id, "user": "Anna", "csrf": csrf})[0] == 303
    assert store.entities(ref=ref)[0].lemma == "Lwów"
    status, _, page = web.post("/delete-document", {"document": document, "csrf": csrf})
    assert status == 400 and "confirmation" in page
    assert web.post("/delete-document", {"document": document, "confirm": "yes", "csrf": csrf})[0] == 303
    assert store.documents() == [] and library.corrections(store, document) == []


def test_cross_site_and_bad_uploads_are_refused(client: tuple[Client, Store]) -> None:
    web, _store = client
    csrf = web.csrf()
    status, _, _ = web.post("/correct", {"kind": "entity", "ref": "x", "csrf": csrf},
                            {"Origin": "http://evil.example"})
    assert status == 403
    status, _, page = web.upload("obraz.txt", bytes(range(256)) * 8, csrf)
    assert status == 400 and "obraz.txt: looks like a binary file" in page and "kronika-upload" not in page
    status, _, page = web.upload("pusty.txt", b"", csrf)
    assert status == 400
    assert web.request("POST", "/entities")[0] == 405


def test_token_is_required_on_every_request(tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'token.sqlite'}") as store:
        with pytest.raises(KronikaError, match="token"):
            create_server(store, "0.0.0.0", 0)
        with running(store, token="s3cret") as url:
            web = Client(url)
            assert web.request("GET", "/")[0] == 401
            assert web.request("GET", "/api/documents", headers={"Authorization": "Bearer nope"})[0] == 401
            assert web.request("GET", "/api/documents", headers={"Authorization": "Bearer s3cret"})[0] == 200
            status, headers, _ = web.request("GET", "/entities?token=s3cret")
            assert status == 303 and "kronika_token=s3cret" in headers["set-cookie"]
            assert web.request("GET", "/", headers={"Cookie": "kronika_token=s3cret"})[0] == 200


def test_a_mention_is_split_off_from_the_entity_page(client: tuple[Client, Store]) -> None:
    web, store = client
    csrf = web.csrf()
    document = web.upload("notatka.txt", TEXT.encode(), csrf)[1]["location"].removeprefix("/doc/")
    ref = next(e.ref for e in store.entities() if e.lemma.startswith("Lw"))
    status, _, page = web.request("GET", f"/entity?ref={ref}")
    assert status == 200 and page.count('class="edit inline split-mention"') == 2
    start = TEXT.index("Lwowie")
    status, headers, _ = web.post("/correct", {"kind": "split", "document": document, "start": start,
                                               "end": start + len("Lwowie"), "lemma": "Lwów Zamarstynów",
                                               "user": "Anna", "csrf": csrf, "back": f"/entity?ref={ref}"})
    assert status == 303 and store.entities(ref=ref)[0].mentions == 1
    assert store.entities(ref="place:lwow-zamarstynow")[0].mentions == 1


def test_the_reading_view_shows_what_a_person_corrected(client: tuple[Client, Store]) -> None:
    web, store = client
    csrf = web.csrf()
    location = web.upload("notatka.txt", TEXT.encode(), csrf)[1]["location"]
    document = location.removeprefix("/doc/")
    ref = next(e.ref for e in store.entities() if e.lemma.startswith("Lw"))
    web.post("/correct", {"kind": "entity", "ref": ref, "lemma": "Lwów (miasto)", "user": "Anna", "csrf": csrf})
    event = store.events(document=document)[0]
    status, _, page = web.request("GET", location)
    assert page.count('class="edit inline retype"') == len(store.events(document=document))
    status, _, _ = web.post("/correct", {"kind": "event", "document": document, "trigger_start": event.trigger_start,
                                         "trigger_end": event.trigger_end, "status": "accepted", "type": "visit",
                                         "user": "Anna", "csrf": csrf, "back": location})
    assert status == 303 and store.events(document=document)[0].type == "visit"
    status, _, page = web.request("GET", location)
    assert page.count('data-lemma="Lwów (miasto)"') == 2 and page.count('data-by="Anna"') == 2
    assert page.count('<span class="human"') == 1  # the retyped event; names show it in their marks
    assert page.count('class="edit inline event-edit"') == len(store.events(document=document))
    status, _, _ = web.post("/correct", {"kind": "event", "document": document, "trigger_start": event.trigger_start,
                                         "trigger_end": event.trigger_end, "status": "accepted", "time": "1939-05-06",
                                         "places": "Lwów (miasto)", "participants": "", "user": "Anna", "csrf": csrf})
    edited = store.events(document=document)[0]
    assert status == 303 and edited.time == "1939-05-06" and edited.participants == ()
    assert [(a.lemma, a.ref) for a in edited.places] == [("Lwów (miasto)", ref)]
    bad = web.post("/correct", {"kind": "event", "document": document, "trigger_start": event.trigger_start,
                                "trigger_end": event.trigger_end, "status": "accepted", "type": "picnic",
                                "user": "Anna", "csrf": csrf})
    assert bad[0] == 400 and "unknown event type" in bad[2]
