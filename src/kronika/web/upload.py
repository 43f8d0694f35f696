"""Documents from the browser: a ``multipart/form-data`` upload read by the same reader as the CLI (the
same formats, limits and error messages), analysed and stored."""

from __future__ import annotations

import re
import tempfile
from email.parser import BytesParser
from email.policy import HTTP
from pathlib import Path
from typing import Any

from kronika.errors import KronikaError
from kronika.store import Store
from kronika.text.reader import read_paths
from kronika.web.editing import check_csrf

MAX_UPLOAD = 64 * 1024 * 1024  # bytes of one request; each document within it has the reader's own limit
SAFE_NAME = re.compile(r"[^\w.\- ]+")


def _parts(body: bytes, content_type: str) -> tuple[dict[str, str], list[tuple[str, bytes]]]:
    """The form's text fields and its files (name, content)."""
    message = BytesParser(policy=HTTP).parsebytes(b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n"
                                                 + body)
    if not message.is_multipart():
        raise KronikaError("the upload must be sent as multipart/form-data")
    fields: dict[str, str] = {}
    files: list[tuple[str, bytes]] = []
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        filename = part.get_filename()
        payload = part.get_payload(decode=True) or b""
        if filename:
            files.append((filename, payload))
        elif name:
            fields[str(name)] = payload.decode("utf-8", "replace")
    return fields, files


def handle_upload(store: Store, environ: dict[str, Any], content_type: str, length: int, csrf: str) -> str:
    """Store the uploaded documents; returns the page to go to (the first new document)."""
    if not content_type.startswith("multipart/form-data"):
        raise KronikaError("the upload must be sent as multipart/form-data")
    if length > MAX_UPLOAD:
        raise KronikaError(f"the upload is {length // (1024 * 1024)} MB, over the "
                           f"{MAX_UPLOAD // (1024 * 1024)} MB limit; send fewer or smaller files")
    fields, files = _parts(environ["wsgi.input"].read(length), content_type)
    check_csrf(fields, csrf)
    files = [(name, data) for name, data in files if data]
    if not files:
        raise KronikaError("choose a file to upload")
    first = None
    with tempfile.TemporaryDirectory(prefix="kronika-upload-") as folder:
        paths = []
        for index, (name, data) in enumerate(files):
            safe = SAFE_NAME.sub("_", Path(name.replace("\\", "/")).name).strip(". ") or f"document{index}.txt"
            path = Path(folder) / str(index) / safe  # the file's own name: it gives the document's title
            path.parent.mkdir()
            path.write_bytes(data)
            paths.append(str(path))
        try:  # every file read (and checked) before anything is stored
            documents = list(read_paths(paths))
        except KronikaError as error:  # the message names the file as the user knows it
            raise KronikaError(re.sub(re.escape(folder) + r"/\d+/", "", str(error))) from None
        for document in documents:
            document.source = Path(document.source or "").name or document.source
            if fields.get("dct") and document.dct is None:
                document.dct = fields["dct"]
            stored = store.ingest(document)
            first = first or stored
    return f"/doc/{first}"
