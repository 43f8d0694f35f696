"""Reading documents from files, folders, stdin and JSONL, with Polish encoding detection.

Every text is returned as Unicode NFC; all offsets Kronika reports index that text.
"""

from __future__ import annotations

import html
import json
import re
import sys
import unicodedata
import warnings
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from kronika.dates import check_date
from kronika.errors import InputError, InputWarning
from kronika.lang.tokens import QUOTES
from kronika.model import Document, content_id
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


def decode(data: bytes, name: str = "input") -> str:
    """Decode bytes of a Polish text: UTF-8 (with or without BOM), UTF-16 (with or without BOM), cp1250 or
    ISO-8859-2 (line by line when a file mixes the two, with a warning).

    Raises :class:`InputError` for binary data and for bytes no candidate decodes sensibly."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _clean(_strict(data, "utf-16", name), name)
    if b"\x00" in data[:8192]:
        encoding = _utf16_without_bom(data[:8192])
        text = data.decode(encoding, errors="replace") if encoding else ""
        if not text or _unusual(text[:4096]) > len(text[:4096]) // 100:
            raise InputError(f"{name}: looks like a binary file, not text")
        return _clean(_strict(data, encoding, name), name)
    try:
        return _clean(data.decode("utf-8"), name)
    except UnicodeDecodeError as error:
        if _has_utf8_letters(data):
            return _clean(_damaged_utf8(data, error, name), name)
    return _clean(_decode_8bit(data, name), name)


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(f"{name}: not valid {encoding.upper()} text") from None


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 told by its NUL bytes: text in Latin scripts has a zero high byte in most code units."""
    even, odd = sample[0::2], sample[1::2]
    if not odd:
        return None
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd > 0.3 and zeros_even < 0.05:
        return "utf-16-le"
    if zeros_even > 0.3 and zeros_odd < 0.05:
        return "utf-16-be"
    return None


_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _has_utf8_letters(data: bytes) -> bool:
    """Whether the bytes hold Polish letters (or Polish quotes and dashes) in UTF-8; cp1250/ISO-8859-2 text
    does not (there a Polish letter is one high byte; the two-byte pairs an all-capitals word may form,
    like ÓŁ, decode to no Polish letter)."""
    # the byte pattern also admits encoded surrogates and overlong forms, which decode to no sign
    return any(match.group().decode("utf-8", "replace") in _UTF8_SIGNS for match in _UTF8_MULTIBYTE.finditer(data))


_UTF8_SIGNS = _POLISH_LETTERS | QUOTES | set("–—…")


def _damaged_utf8(data: bytes, error: UnicodeDecodeError, name: str) -> str:
    """UTF-8 cut short is read with a warning (only the incomplete last character is dropped); invalid bytes
    inside are an error, never a guess at another encoding."""
    if error.reason == "unexpected end of data" and len(data) - error.start < 4:
        warnings.warn(f"{name}: ends in the middle of a UTF-8 character (was the file cut short?); "
                      "the incomplete character is left out", InputWarning, stacklevel=3)
        return data[:error.start].decode("utf-8")
    line = data.count(b"\n", 0, error.start) + 1
    raise InputError(f"{name}: line {line}: invalid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); "
                     "the file is damaged or mixes encodings")


def _decode_8bit(data: bytes, name: str) -> str:
    """cp1250 or ISO-8859-2, whichever makes more Polish letters; a line whose letters say otherwise is
    decoded by its own code page, and the mixture is reported."""
    best: tuple[float, str] | None = None
    for encoding in _CODE_PAGES:
        text = data.decode(encoding, errors="replace")
        score = _plausibility(text)
        if best is None or score > best[0]:
            best = (score, encoding)
    if best is None or best[0] < 0:
        raise InputError(f"{name}: cannot detect the text encoding (tried UTF-8, UTF-16, cp1250, ISO-8859-2)")
    default = best[1]
    lines = []
    used = set()
    for line in data.split(b"\n"):
        scores = {encoding: _plausibility(line.decode(encoding, errors="replace")) for encoding in _CODE_PAGES}
        other = next(e for e in _CODE_PAGES if e != default)
        encoding = other if scores[other] > scores[default] and scores[other] > 0 else default
        if any(byte >= 0x80 for byte in line):
            used.add(encoding)
        lines.append(line.decode(encoding, errors="replace"))
    if len(used) > 1:
        warnings.warn(f"{name}: mixes cp1250 and ISO-8859-2 lines; each line was decoded by its own Polish "
                      "letters, check the result", InputWarning, stacklevel=3)
    return "\n".join(lines)


_CODE_PAGES = ("cp1250", "iso-8859-2")


def _unusual(text: str) -> int:
    """Characters no text is made of: controls (but line ends, tabs, form feeds), private-use and
    unassigned code points, surrogates, and U+FFFD from bytes that did not decode."""
    return sum(1 for c in text if (unicodedata.category(c) in {"Cc", "Co", "Cn", "Cs"} and c not in "\n\r\t\f")
               or c == "\ufffd")


def _plausibility(text: str) -> float:
    """Polish letters count for a decoding, control characters and odd symbols against it."""
    polish = sum(1 for c in text if c in _POLISH_LETTERS)
    odd = _unusual(text)
    symbols = sum(1 for c in text if c in "¦¼¶¬±¡¹¥\x8c\x9c\x8f\x9f")
    if odd > max(3, len(text) // 50):
        return -1.0
    return polish - 2 * symbols - 5 * odd


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def _clean(text: str, name: str) -> str:
    """NFC text with line ends unified; characters no store or XML can hold (NUL, lone surrogates) become
    U+FFFD, one for one, so offsets still index the text as read."""
    text = _nfc(text)
    if _UNSTORABLE.search(text):
        warnings.warn(f"{name}: NUL characters or lone surrogates replaced by U+FFFD", InputWarning, stacklevel=3)
        text = _UNSTORABLE.sub("\ufffd", text)
    return text


_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


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
              title: str | None = None, journal: str | None = None, pub_place: str | None = None) -> Document:
    if not text.strip():
        raise InputError(f"{source}: empty document (no text)")
    if len(text) > MAX_BYTES:
        raise InputError(f"{source}: {len(text) // (1024 * 1024)} MB of text is over the "
                         f"{MAX_BYTES // (1024 * 1024)} MB limit for one document; split it into smaller files")
    return Document(id=doc_id or content_id(text), text=text, dct=dct, title=title, source=source,
                    journal=journal, pub_place=pub_place)


def read_pdf(path: Path) -> str:
    import io
    import logging

    from pypdf import PdfReader

    data = _read_bytes(path)
    # pypdf logs its repairs of damaged files as multi-line warnings; the user gets one line from us
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as error:  # a damaged PDF fails in many ways inside the parser; all mean "unreadable"
        raise InputError(f"{path}: not a readable PDF ({_first_line(error)})") from None
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text:
        raise InputError(f"{path}: the PDF has no text layer (scanned pages need OCR first)")
    return _clean(text, str(path))


def read_docx(path: Path) -> str:
    import io

    import docx

    data = _read_bytes(path)
    try:
        document = docx.Document(io.BytesIO(data))
        paragraphs = [p.text for p in document.paragraphs]
    except Exception as error:  # a damaged zip or XML part fails in many ways; all mean "unreadable"
        raise InputError(f"{path}: not a readable .docx file ({_first_line(error)})") from None
    return _clean("\n".join(paragraphs), str(path))


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return (lines[0][:200] if lines else "") or type(error).__name__


def _string_field(record: dict, key: str, where: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and key == "id":
        return str(value)
    if not isinstance(value, str):
        raise InputError(f"{where}: \"{key}\" must be a string")
    return _clean(value, f"{where}: \"{key}\"")


def parse_jsonl(data: str, source: str) -> Iterator[Document]:
    """Documents of a JSONL stream ``{"id", "text", "dct"?, "title"?, "journal"?, "pub_place"?}`` (PressMint's
    ``journal``: the periodical's title); a bad line is named.

    Lines end only at ``\\n`` (JSON strings may hold U+2028 or U+0085 raw)."""
    seen = False
    for number, line in enumerate(data.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{source}: line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"{where}: malformed JSON ({error.msg})") from None
        except RecursionError:
            raise InputError(f"{where}: JSON nested too deeply") from None
        except ValueError as error:  # e.g. an integer longer than Python converts
            raise InputError(f"{where}: malformed JSON ({_first_line(error)})") from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise InputError(f"{where}: expected an object with a \"text\" string")
        dct = record.get("dct")
        if dct is not None:
            if not isinstance(dct, str):
                raise InputError(f"{where}: \"dct\" must be a date YYYY-MM-DD")
            try:
                dct = check_date(dct)
            except ValueError as error:
                raise InputError(f"{where}: \"dct\" {error}") from None
        text = _clean(record["text"], where)
        doc_id = _string_field(record, "id", where)
        title = _string_field(record, "title", where)
        journal, pub_place = _string_field(record, "journal", where), _string_field(record, "pub_place", where)
        seen = True
        yield _document(text, where, doc_id, dct, title, journal and journal.strip() or None,
                        pub_place and pub_place.strip() or None)
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
    if len(data) > MAX_JSONL_BYTES:
        raise InputError(f"stdin: over the {MAX_JSONL_BYTES // (1024 * 1024)} MB limit; split the input")
    text = decode(data, "stdin")
    if _looks_like_jsonl(text):
        yield from parse_jsonl(text, "stdin")
    else:
        yield _document(text, "stdin")


def _looks_like_jsonl(text: str) -> bool:
    """JSONL on stdin: its first line is a JSON object with a "text", or starts like one (``{"``, so a
    broken line is reported); plain text may start with ``{``."""
    first = text.lstrip().split("\n", 1)[0]
    if not first.startswith("{"):
        return False
    if re.match(r'\{\s*"', first):
        return True
    try:
        record = json.loads(first)
    except (ValueError, RecursionError):
        return False
    return isinstance(record, dict) and "text" in record


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
