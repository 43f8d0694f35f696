"""Reading documents from files, folders, stdin and JSONL, with Polish encoding detection.

Every text is returned as Unicode NFC; all offsets Kronika reports index that text.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import sys
import unicodedata
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from kronika.errors import InputError
from kronika.model import Document
from kronika.text.tei import is_tei, read_tei

TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEI_SUFFIXES = {".xml", ".tei"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | TEI_SUFFIXES | {".jsonl", ".pdf", ".docx"}
MAX_BYTES = 10 * 1024 * 1024  # one document; a larger file is refused with advice, never silently cut
MAX_JSONL_BYTES = 2 * 1024 * 1024 * 1024  # a JSONL file holds many documents

# Letters that tell the Polish 8-bit code pages apart: cp1250 puts ś ź Ś Ź ą Ą at 0x9c 0x9f 0x8c 0x8f
# 0xb9 0xa5, ISO-8859-2 at 0xb6 0xbc 0xa6 0xac 0xb1 0xa1.
_POLISH_LETTERS = set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")


def content_id(text: str) -> str:
    """A stable document id from its content (the same text always gets the same id)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def decode(data: bytes, name: str = "input") -> str:
    """Decode bytes of a Polish text: UTF-8 (with or without BOM), cp1250 or ISO-8859-2.

    Raises :class:`InputError` for binary data and for bytes no candidate decodes sensibly."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:8192]:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return _nfc(data.decode("utf-16"))
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        return _nfc(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    best: tuple[float, str] | None = None
    for encoding in ("cp1250", "iso-8859-2"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = _plausibility(text)
        if best is None or score > best[0]:
            best = (score, text)
    if best is None or best[0] < 0:
        raise InputError(f"{name}: cannot detect the text encoding (tried UTF-8, cp1250, ISO-8859-2)")
    return _nfc(best[1])


def _plausibility(text: str) -> float:
    """Polish letters count for a decoding, control characters and odd symbols against it."""
    polish = sum(1 for c in text if c in _POLISH_LETTERS)
    odd = sum(1 for c in text if (unicodedata.category(c) in {"Cc", "Co", "Cn"} and c not in "\n\r\t\f"))
    symbols = sum(1 for c in text if c in "¦¼¶¬±¡¹¥\x8c\x9c\x8f\x9f")
    if odd > max(3, len(text) // 50):
        return -1.0
    return polish - 2 * symbols - 5 * odd


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


class _TextExtractor(HTMLParser):
    """Visible text of an HTML page: scripts, styles and other non-content elements dropped."""

    SKIP = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object"}
    BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
             "blockquote", "pre", "title", "header", "footer", "table", "ul", "ol", "dd", "dt"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.title: str | None = None
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")
        if tag == "title":
            self._in_title = True

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCK:
            self.parts.append("\n")
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title and self.title is None:
            self.title = data.strip() or None
        if not self.skipping:
            self.parts.append(data)


def html_to_text(markup: str) -> tuple[str, str | None]:
    """Text and title of an HTML document."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\u00a0]+", " ", html.unescape(text))
    text = re.sub(r" *\n[ \n]*", lambda m: "\n\n" if m.group().count("\n") > 1 else "\n", text)
    return text.strip(), parser.title


def _read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(f"{path}: {size // (1024 * 1024)} MB is over the {limit // (1024 * 1024)} MB limit "
                             "for one document; split it into smaller files")
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from None


def _document(text: str, source: str, doc_id: str | None = None, dct: str | None = None,
              title: str | None = None) -> Document:
    if not text.strip():
        raise InputError(f"{source}: empty document (no text)")
    if len(text) > MAX_BYTES:
        raise InputError(f"{source}: {len(text) // (1024 * 1024)} MB of text is over the "
                         f"{MAX_BYTES // (1024 * 1024)} MB limit for one document; split it into smaller files")
    return Document(id=doc_id or content_id(text), text=text, dct=dct, title=title, source=source)


def read_pdf(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError) as error:
        raise InputError(f"{path}: not a readable PDF ({error})") from None
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text:
        raise InputError(f"{path}: the PDF has no text layer (scanned pages need OCR first)")
    return _nfc(text)


def read_docx(path: Path) -> str:
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as error:
        raise InputError(f"{path}: not a readable .docx file ({error})") from None
    return _nfc("\n".join(p.text for p in document.paragraphs))


def parse_jsonl(data: str, source: str) -> Iterator[Document]:
    """Documents of a JSONL stream ``{"id", "text", "dct"?, "title"?}``; a bad line is named."""
    seen = False
    for number, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"{source}: line {number}: malformed JSON ({error.msg})") from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise InputError(f"{source}: line {number}: expected an object with a \"text\" string")
        dct = record.get("dct")
        if dct is not None and not (isinstance(dct, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", dct)):
            raise InputError(f"{source}: line {number}: \"dct\" must be a date YYYY-MM-DD")
        text = _nfc(record["text"])
        doc_id = record.get("id")
        seen = True
        yield _document(text, f"{source}: line {number}", str(doc_id) if doc_id is not None else None,
                        dct, record.get("title"))
    if not seen:
        raise InputError(f"{source}: empty JSONL file (no documents)")


def read_file(path: Path) -> Iterator[Document]:
    """Documents of one file, by its suffix (plain text when the suffix is unknown)."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        yield _document(read_pdf(path), str(path), title=path.stem)
        return
    if suffix == ".docx":
        yield _document(read_docx(path), str(path), title=path.stem)
        return
    text = decode(_read_bytes(path, MAX_JSONL_BYTES if suffix == ".jsonl" else MAX_BYTES), str(path))
    if suffix == ".jsonl":
        yield from parse_jsonl(text, str(path))
    elif suffix in TEI_SUFFIXES and is_tei(text):
        yield from read_tei(text, str(path))
    elif suffix in HTML_SUFFIXES:
        body, title = html_to_text(text)
        yield _document(body, str(path), title=title or path.stem)
    else:
        yield _document(text, str(path), title=path.stem)


def read_stdin() -> Iterator[Document]:
    data = sys.stdin.buffer.read()
    text = decode(data, "stdin")
    if text.lstrip().startswith("{"):
        yield from parse_jsonl(text, "stdin")
    else:
        yield _document(text, "stdin")


def read_paths(paths: list[str]) -> Iterator[Document]:
    """Documents from paths (files, folders walked for supported suffixes, ``-`` for stdin)."""
    for name in paths:
        if name == "-":
            yield from read_stdin()
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
            if not files:
                raise InputError(f"{path}: no readable documents in this folder")
            for file in files:
                yield from read_file(file)
        else:
            yield from read_file(path)
