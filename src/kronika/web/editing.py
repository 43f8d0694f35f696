"""Editing from the browser: the correction forms on the pages and the POST requests they send.

Every form carries the server's CSRF token (checked with :func:`check_csrf`) and the name of who corrects
(``kronika serve --user NAME``, else typed in the form). The request context (token, user, the map's
optional online tiles) is set by the application for the duration of one request, so page functions keep
their ``(store, query)`` signature.
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from urllib.parse import urlsplit

from kronika.errors import KronikaError
from kronika.store import Store
from kronika.store import corrections as library
from kronika.web.markup import Html, h, join


@dataclass(frozen=True)
class TileLayer:
    """An online base map the server was given (``kronika serve --tiles``): offered on the map as one more
    layer, never shown by default."""

    url: str  # https://…/{z}/{x}/{y}.png
    attribution: str

    @property
    def origin(self) -> str:
        """What the Content-Security-Policy allows images from."""
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.netloc}"

    @classmethod
    def checked(cls, url: str, attribution: str) -> TileLayer:
        parts = urlsplit(url)
        if parts.scheme != "https" or not parts.netloc or "{" in parts.netloc \
                or not all(key in url for key in ("{z}", "{x}", "{y}")):
            raise KronikaError(f"--tiles {url!r}: give an https URL template on one host, with {{z}}, {{x}} "
                               "and {y}")
        if not attribution.strip():
            raise KronikaError("an online tile layer needs its attribution (--tiles-attribution)")
        return cls(url, attribution.strip())


@dataclass(frozen=True)
class Editor:
    csrf: str
    user: str  # "" when the server was started without --user: the forms ask for a name
    tiles: TileLayer | None = None


current: ContextVar[Editor | None] = ContextVar("kronika_editor", default=None)


def check_csrf(form: Mapping[str, str], expected: str) -> None:
    if not hmac.compare_digest(form.get("csrf", "").encode(), expected.encode()):
        raise KronikaError("the form is out of date or did not come from this server (CSRF); reload the page")


def hidden_fields(back: str, **values: object) -> Html:
    editor = current.get()
    csrf = editor.csrf if editor else ""
    user = editor.user if editor else ""
    who = h('<input type="hidden" name="user" value="{}">', user) if user else \
        Html('<label class="who">Kto <input name="user" required size="10" autocomplete="name"></label>')
    fields = join(h('<input type="hidden" name="{}" value="{}">', key, value) for key, value in values.items()
                  if value is not None)
    return h('<input type="hidden" name="csrf" value="{}"><input type="hidden" name="back" value="{}">{}{}',
             csrf, back, fields, who)


def form(action: str, back: str, inner: Html, button: str, css: str = "edit", multipart: bool = False,
         **values: object) -> Html:
    encoding = Html(' enctype="multipart/form-data"') if multipart else Html("")
    return h('<form class="{}" method="post" action="{}"{}>{}{}<button>{}</button></form>', css, action,
             encoding, hidden_fields(back, **values), inner, button)


def _safe_back(back: str) -> str:
    """Where to return after a correction: a local path only (never another site)."""
    return back if back.startswith("/") and not back.startswith("//") else "/"


def handle_post(store: Store, path: str, form_data: Mapping[str, str]) -> str:
    """Carry out one editing request; returns the local URL to redirect to."""
    user = form_data.get("user", "")
    back = _safe_back(form_data.get("back", "/"))
    document = form_data.get("document") or None
    if path == "/correct":
        kind = form_data.get("kind", "")
        target = {key: form_data[key] for key in ("ref", "start", "end", "text", "trigger_start", "trigger_end")
                  if form_data.get(key)}
        value = {key: form_data[key] for key in ("type", "lemma", "into", "lat", "lon", "name", "value", "mod",
                                                  "status", "authority", "time") if form_data.get(key)}
        # an emptied list of places or participants is a list too: the event has none
        value.update({key: form_data[key] for key in ("places", "participants") if key in form_data})
        library.correct(store, kind, target, value, user, document)
        if kind == "merge":
            return f"/entity?ref={value.get('into', '')}"
        return back
    if path == "/undo":
        try:
            correction_id = int(form_data.get("id", ""))
        except ValueError:
            raise KronikaError("which correction? (id is missing)") from None
        library.undo(store, correction_id, user)
        return back
    if path == "/reanalyze":
        library.reanalyze(store, document or "")
        return back
    if path == "/delete-document":
        if form_data.get("confirm") != "yes":
            raise KronikaError("tick the confirmation to delete the document and its corrections")
        if not library.delete_document(store, document or ""):
            raise KronikaError(f"no document {document}")
        return "/"
    raise KronikaError(f"nothing to do at {path}")


POST_PATHS = frozenset({"/correct", "/undo", "/reanalyze", "/delete-document", "/upload"})
