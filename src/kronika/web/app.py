"""The web application as a WSGI callable: routing, security headers, static files, errors.

``GET``/``HEAD`` for reading; ``POST`` only for the editing paths (:mod:`kronika.web.editing`), each
checked against the server's CSRF token and the request's ``Origin``. With a ``token`` (required when
listening beyond loopback) every request must carry it: ``?token=`` once (kept in a cookie), the cookie, or
``Authorization: Bearer``. Every response carries a strict Content-Security-Policy (scripts and styles only
from ``/static``; images from elsewhere only from the online tile server the map was given, if any),
``nosniff`` and ``frame-ancestors 'none'``. Static files are served from a fixed table
read at start-up, so no request path ever reaches the file system. When the server listens on loopback,
requests naming another host are refused (a guard against DNS rebinding).
"""

from __future__ import annotations

import hmac
import json
import re
import secrets
import sys
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.cookies import CookieError, SimpleCookie
from importlib import resources
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from kronika.errors import KronikaError
from kronika.export.store_export import export_store
from kronika.store import Store
from kronika.web import api, editing, pages
from kronika.web.editing import TileLayer
from kronika.web.pages import NotFound, Page, Query

CONTENT_SECURITY_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                           "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "no-referrer"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
]
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
MAX_PARAMETER = 1000  # characters; longer query values are cut (nothing a historian types is longer)
MAX_FORM = 100_000  # bytes of a correction form
TOKEN_COOKIE = "kronika_token"

STATIC_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
                ".json": "application/json; charset=utf-8", ".png": "image/png", ".txt": "text/plain; charset=utf-8"}
StartResponse = Callable[[str, list[tuple[str, str]]], Any]


@dataclass
class Response:
    status: str
    body: bytes
    content_type: str
    headers: list[tuple[str, str]] = field(default_factory=list)


def _static_files() -> dict[str, tuple[bytes, str]]:
    """Every file under ``static/`` (vendored libraries and map data in sub-folders), by relative path."""
    files = {}
    pending = [("", resources.files("kronika.web").joinpath("static"))]
    while pending:
        prefix, folder = pending.pop()
        for item in folder.iterdir():
            suffix = "." + item.name.rsplit(".", 1)[-1]
            if item.is_dir():
                pending.append((f"{prefix}{item.name}/", item))
            elif suffix in STATIC_TYPES:
                files[prefix + item.name] = (item.read_bytes(), STATIC_TYPES[suffix])
    return files


def _html(page: Page, status: str = "200 OK") -> Response:
    return Response(status, pages.layout(page).encode("utf-8"), "text/html; charset=utf-8")


def _json(data: Any, status: str = "200 OK") -> Response:
    return Response(status, json.dumps(data, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")


def _host_name(host_header: str) -> str:
    """``example.org:8000`` → ``example.org``; ``[::1]:8000`` → ``::1``."""
    if host_header.startswith("["):
        return host_header[1:].split("]", 1)[0]
    return host_header.rsplit(":", 1)[0] if host_header.count(":") == 1 else host_header


PageHandler = Callable[[Store, Query], Page]
ApiHandler = Callable[[Store, Query], Any]

PAGES: dict[str, PageHandler] = {
    "/": pages.documents_page, "/entities": pages.entities_page, "/entity": pages.entity_page,
    "/timeline": pages.timeline_page, "/map": pages.map_page, "/search": pages.search_page,
    "/ask": pages.ask_page, "/conflicts": pages.conflicts_page, "/export": pages.export_page,
    "/corrections": pages.corrections_page,
}
API: dict[str, ApiHandler] = {
    "/api/documents": api.documents, "/api/entities": api.entities, "/api/entity": api.entity,
    "/api/events": api.events, "/api/timeline": api.timeline, "/api/places": api.place_list,
    "/api/search": api.search, "/api/ask": api.ask, "/api/conflicts": api.conflicts,
    "/api/corrections": api.corrections, "/api/map": api.map_places, "/api/candidates": api.place_candidates_of,
}
DOCUMENT_PATH = re.compile(r"/(?P<api>api/documents|doc)/(?P<id>[A-Za-z0-9_.:-]{1,200})")
EXPORT_PATH = re.compile(r"(?:/api)?/export/(?P<format>[a-z]{1,20})")


class WebApp:
    """The WSGI application over one open :class:`Store`.

    ``allowed_hosts``: host names the ``Host`` header may carry (None: any, for a public bind);
    ``user``: who the corrections are by (None: the forms ask); ``token``: required on every request."""

    def __init__(self, store: Store, allowed_hosts: Iterable[str] | None = LOOPBACK_HOSTS,
                 user: str | None = None, token: str | None = None, tiles: TileLayer | None = None) -> None:
        self.store = store
        self.allowed_hosts = frozenset(allowed_hosts) if allowed_hosts is not None else None
        self.static = _static_files()
        self.user = (user or "").strip()
        self.token = token or None
        self.csrf = secrets.token_urlsafe(32)
        self.tiles = tiles
        self.headers = SECURITY_HEADERS if tiles is None else [
            (name, value.replace("img-src 'self' data:", f"img-src 'self' data: {tiles.origin}")
             if name == "Content-Security-Policy" else value) for name, value in SECURITY_HEADERS]

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> list[bytes]:
        response = self.respond(environ)
        headers = [("Content-Type", response.content_type), ("Content-Length", str(len(response.body))),
                   *self.headers, *response.headers]
        if not any(name == "Cache-Control" for name, _ in headers):
            headers.append(("Cache-Control", "no-store"))
        start_response(response.status, headers)
        return [b""] if environ.get("REQUEST_METHOD") == "HEAD" else [response.body]

    def respond(self, environ: dict[str, Any]) -> Response:
        path = environ.get("PATH_INFO") or "/"
        is_api = path.startswith("/api/")
        context = editing.current.set(editing.Editor(self.csrf, self.user, self.tiles))
        try:
            return self._route(environ, path)
        except NotFound as error:
            return _json({"error": str(error)}, "404 Not Found") if is_api \
                else _html(pages.error_page("Nie znaleziono", str(error)), "404 Not Found")
        except KronikaError as error:
            return _json({"error": str(error)}, "400 Bad Request") if is_api \
                else _html(pages.error_page("Błędne zapytanie", str(error)), "400 Bad Request")
        except Exception:  # a bug: logged for the operator, never shown to the browser
            traceback.print_exc(file=sys.stderr)
            message = "internal error (see the server log)"
            return _json({"error": message}, "500 Internal Server Error") if is_api \
                else _html(pages.error_page("Błąd serwera", message), "500 Internal Server Error")
        finally:
            editing.current.reset(context)

    def _token_given(self, environ: dict[str, Any], query: dict[str, str]) -> str | None:
        authorization = environ.get("HTTP_AUTHORIZATION", "")
        if authorization.startswith("Bearer "):
            return authorization.removeprefix("Bearer ").strip()
        if "token" in query:
            return query["token"]
        try:
            cookie = SimpleCookie(environ.get("HTTP_COOKIE", ""))
        except CookieError:
            return None
        return cookie[TOKEN_COOKIE].value if TOKEN_COOKIE in cookie else None

    def _authorized(self, environ: dict[str, Any], query: dict[str, str]) -> bool:
        if self.token is None:
            return True
        given = self._token_given(environ, query) or ""
        return hmac.compare_digest(given.encode(), self.token.encode())

    def _post(self, environ: dict[str, Any], path: str) -> Response:
        origin = environ.get("HTTP_ORIGIN")
        if origin and origin != "null" and urlsplit(origin).netloc != environ.get("HTTP_HOST", ""):
            return Response("403 Forbidden", b"cross-site request refused\n", "text/plain; charset=utf-8")
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        content_type = environ.get("CONTENT_TYPE", "")
        if path == "/upload":
            from kronika.web.upload import handle_upload

            location = handle_upload(self.store, environ, content_type, length, self.csrf)
            return Response("303 See Other", b"", "text/plain; charset=utf-8", [("Location", location)])
        if length > MAX_FORM:
            return Response("413 Content Too Large", b"form too large\n", "text/plain; charset=utf-8")
        body = environ["wsgi.input"].read(length).decode("utf-8", "replace") if length else ""
        form = dict(parse_qsl(body, keep_blank_values=True))
        editing.check_csrf(form, self.csrf)
        location = editing.handle_post(self.store, path, form)
        return Response("303 See Other", b"", "text/plain; charset=utf-8", [("Location", location)])

    def _route(self, environ: dict[str, Any], path: str) -> Response:
        if self.allowed_hosts is not None:
            host = _host_name(environ.get("HTTP_HOST") or environ.get("SERVER_NAME") or "")
            if host not in self.allowed_hosts:
                return Response("421 Misdirected Request", b"unknown host\n", "text/plain; charset=utf-8")
        query = {key: value[:MAX_PARAMETER] for key, value in
                 parse_qsl(environ.get("QUERY_STRING", ""), keep_blank_values=True)}
        if any("\x00" in key or "\x00" in value for key, value in query.items()):
            raise KronikaError("a query parameter contains a NUL character (%00)")
        if not self._authorized(environ, query):
            return Response("401 Unauthorized", b"a token is required (?token=...)\n", "text/plain; charset=utf-8",
                            [("WWW-Authenticate", "Bearer")])
        if "token" in query and self.token is not None:  # keep it, and drop it from the address bar
            cookie = f"{TOKEN_COOKIE}={self.token}; HttpOnly; SameSite=Strict; Path=/"
            return Response("303 See Other", b"", "text/plain; charset=utf-8",
                            [("Set-Cookie", cookie), ("Location", path)])
        method = environ.get("REQUEST_METHOD", "GET")
        if method == "POST" and path in editing.POST_PATHS:
            return self._post(environ, path)
        if method not in ("GET", "HEAD"):
            return Response("405 Method Not Allowed", b"only GET and HEAD here\n", "text/plain; charset=utf-8",
                            [("Allow", "GET, HEAD")])
        if path.startswith("/static/"):
            found = self.static.get(path.removeprefix("/static/"))
            if found is None:
                raise NotFound("no such file")
            return Response("200 OK", found[0], found[1], [("Cache-Control", "max-age=3600")])
        if path in PAGES:
            return _html(PAGES[path](self.store, query))
        if path in API:
            return _json(API[path](self.store, query))
        if match := DOCUMENT_PATH.fullmatch(path):
            if match["api"] == "doc":
                return _html(pages.document_page(self.store, match["id"]))
            return _json(api.document(self.store, match["id"]))
        if match := EXPORT_PATH.fullmatch(path):
            return self._export(match["format"])
        raise NotFound(f"no page {path}")

    def _export(self, export_format: str) -> Response:
        if export_format not in pages.EXPORTS:
            raise NotFound(f"no export format {export_format}")
        extension, media_type, _what = pages.EXPORTS[export_format]
        body = export_store(self.store, export_format).encode("utf-8")
        disposition = f'attachment; filename="kronika.{extension}"'
        return Response("200 OK", body, f"{media_type}; charset=utf-8", [("Content-Disposition", disposition)])
