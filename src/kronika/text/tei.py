"""Reading TEI P5 files: the text of ``<text>`` with every character traced back to the source, the
header's title and date, the periodical and its place of publication, and the names and dates the source
already marks up.

Paragraph-like elements (``p``, ``head``, ``ab``, ``l``, ``item``, …) become lines of the document text.
Inside one, whitespace runs become one space, and two conventions of PressMint-PL newspaper files are
read: a ``##`` heading at the start of a paragraph (``## Z frontu ## Wojska …``) becomes its own line,
and the ``{{`` ``}}`` braces around a span are dropped, its words kept. :func:`extract` also tells, for each
character of the text, the paragraph element and the offset in its XPath string value it came from,
so an export can point back into the untouched source.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from kronika.errors import InputError
from kronika.model import Analysis, Document, Entity, SourceMarkup, Timex, content_id

TEI_NAMESPACE = "http://www.tei-c.org/ns/1.0"
XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"
XML_ID = f"{{{XML_NAMESPACE}}}id"
T = f"{{{TEI_NAMESPACE}}}"
BLOCKS = {T + name for name in ("p", "head", "ab", "l", "item", "label", "byline", "dateline", "salute",
                                "signed", "closer", "opener", "trailer", "quote", "cell", "note")}
NOTES = {T + "note", T + "fw"}  # a footnote or running head inside a paragraph is not part of its sentence
NAMES = {T + "persName": "PERSON", T + "placeName": "PLACE", T + "orgName": "ORGANIZATION",
         T + "date": "DATE"}
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
W3C_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_ROOT_NAMESPACE = re.compile(r"<(?:\w+:)?(?:TEI|teiCorpus)\b[^>]*xmlns(?::\w+)?=[\"']" + re.escape(TEI_NAMESPACE))
HEADING_MARK = "##"


def is_tei(text: str) -> bool:
    """Whether an XML text is TEI P5: its root is ``TEI`` or ``teiCorpus`` in the TEI namespace."""
    return _ROOT_NAMESPACE.search(text[:4096]) is not None


@dataclass
class Extraction:
    """The text of one ``<TEI>`` element and where each character of it comes from."""

    text: str
    blocks: list[ET.Element]
    block_of: list[int]  # per character: index into ``blocks``, -1 for a line break Kronika added
    offset_of: list[int]  # per character: offset in that block's string value
    markup: list[SourceMarkup] = field(default_factory=list)


def _string_value(element: ET.Element, parts: list[str], spans: list[tuple[ET.Element, int, int]],
                  position: int) -> int:
    """Append the XPath string value of ``element``'s content; record each descendant's span in it."""
    if element.text:
        parts.append(element.text)
        position += len(element.text)
    for child in element:
        start = position
        position = _string_value(child, parts, spans, position)
        spans.append((child, start, position))
        if child.tail:
            parts.append(child.tail)
            position += len(child.tail)
    return position


class _Line:
    """Characters of one paragraph's text with the raw offset each came from (-1 for an added one)."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.offsets: list[int] = []

    def add(self, char: str, offset: int) -> None:
        self.chars.append(char)
        self.offsets.append(offset)

    def trim(self, ending: str = " ") -> None:
        while self.chars and self.chars[-1] in ending:
            self.chars.pop()
            self.offsets.pop()

    def break_line(self) -> None:
        self.trim()
        self.add("\n", -1)


def _normalise(raw: str, skipped: Sequence[tuple[int, int]] = ()) -> tuple[str, list[int]]:
    """One paragraph's text: whitespace runs as one space, a leading ``##`` heading on its own line,
    ``{{``/``}}`` dropped, the ``skipped`` ranges (notes) left out; with the raw offset of every kept
    character (-1 for an added line break)."""
    line = _Line()
    skip_to = {start: end for start, end in skipped if end > start}
    in_heading = False
    index = 0
    while index < len(raw):
        if index in skip_to:
            index = skip_to[index]
        elif raw.startswith(("{{", "}}"), index):
            index += 2
        elif raw.startswith(HEADING_MARK, index):
            if not "".join(line.chars).strip():
                in_heading = True
            elif in_heading:  # the closing marks end the heading's line
                in_heading = False
                line.break_line()
            index += len(raw[index:]) - len(raw[index:].lstrip("#"))
        else:
            char = raw[index]
            if in_heading and char == "\n":
                in_heading = False
                line.break_line()
            elif not char.isspace():
                line.add(char, index)
            elif line.chars and line.chars[-1] not in " \n":
                line.add(" ", index)
            index += 1
    line.trim(" \n")
    return "".join(line.chars), line.offsets


def _blocks(element: ET.Element) -> Iterator[ET.Element]:
    """The outermost paragraph-like elements under ``element``, in document order."""
    for child in element:
        if child.tag in BLOCKS:
            yield child
        else:
            yield from _blocks(child)


def _markup(element: ET.Element, start: int, end: int) -> SourceMarkup | None:
    kind = NAMES.get(element.tag)
    if kind is None or start >= end:
        return None
    if kind != "DATE":
        return SourceMarkup(start, end, kind, ref=element.get("ref"), key=element.get("key"))
    when, begin, finish = element.get("when"), element.get("from"), element.get("to")
    value = when if when and W3C_DATE.fullmatch(when) else None
    if begin and finish and W3C_DATE.fullmatch(begin) and W3C_DATE.fullmatch(finish):
        value = f"{begin}/{finish}"
    return SourceMarkup(start, end, kind, value=value) if value else None


def extract(tei: ET.Element) -> Extraction:
    """The text of one ``<TEI>`` element's ``<text>``, one line per paragraph-like element."""
    text_element = tei.find(f"{T}text")
    blocks = list(_blocks(text_element)) if text_element is not None else []
    chars: list[str] = []
    block_of: list[int] = []
    offset_of: list[int] = []
    markup: list[SourceMarkup] = []
    for number, block in enumerate(blocks):
        parts: list[str] = []
        spans: list[tuple[ET.Element, int, int]] = []
        _string_value(block, parts, spans, 0)
        notes = [(start, end) for element, start, end in spans if element.tag in NOTES]
        line, offsets = _normalise("".join(parts), notes)
        if not line:
            continue
        if chars:
            chars.append("\n"), block_of.append(-1), offset_of.append(-1)
        base = len(chars)
        chars.extend(line)
        block_of.extend(number if offset >= 0 else -1 for offset in offsets)
        offset_of.extend(offsets)
        for element, raw_start, raw_end in spans:
            kept = [i for i, offset in enumerate(offsets) if raw_start <= offset < raw_end]
            if kept and (found := _markup(element, base + kept[0], base + kept[-1] + 1)):
                markup.append(found)
    return Extraction("".join(chars), blocks, block_of, offset_of, markup)


def _header_text(tei: ET.Element, path: str) -> str | None:
    element = tei.find(path)
    if element is None:
        return None
    return " ".join("".join(element.itertext()).split()) or None


def _document_date(tei: ET.Element) -> str | None:
    """The publication date: ``sourceDesc//date/@when`` first, then the header's other dates."""
    for path in (f"{T}teiHeader/{T}fileDesc/{T}sourceDesc//{T}date", f"{T}teiHeader//{T}date"):
        for date in tei.iterfind(path):
            when = date.get("when") or ""
            if ISO_DAY.fullmatch(when):
                return when
    return None


def parse(markup: str, source: str) -> ET.Element:
    try:
        return ET.fromstring(markup)
    except ET.ParseError as error:
        raise InputError(f"{source}: not well-formed XML ({error})") from None


def tei_document(tei: ET.Element, source: str, origin: str | None = None) -> Document:
    """One ``<TEI>`` element as a Document, its source markup and (``origin``) its XML kept."""
    extraction = extract(tei)
    if not extraction.text.strip():
        raise InputError(f"{source}: TEI file without text in <text>")
    title = _header_text(tei, f"{T}teiHeader/{T}fileDesc/{T}titleStmt/{T}title")
    # the printed source the file transcribes: its periodical and where that appeared (the header's other
    # pubPlace, in publicationStmt, is the digital edition's publisher)
    source_description = f"{T}teiHeader/{T}fileDesc/{T}sourceDesc"
    return Document(id=tei.get(XML_ID) or content_id(extraction.text), text=extraction.text,
                    dct=_document_date(tei), title=title, source=source, markup=extraction.markup,
                    origin=origin, journal=_header_text(tei, f"{source_description}//{T}title[@level='j']"),
                    pub_place=_header_text(tei, f"{source_description}//{T}pubPlace"))


def read_tei(markup: str, source: str) -> Iterator[Document]:
    """The documents of a TEI file: one, or every ``<TEI>`` of a ``<teiCorpus>``."""
    root = parse(markup, source)
    if root.tag == f"{T}TEI":
        yield tei_document(root, source, markup)
        return
    members = list(root.iter(f"{T}TEI"))
    if not members:
        raise InputError(f"{source}: a teiCorpus without TEI documents")
    for member in members:
        yield tei_document(member, source, ET.tostring(member, encoding="unicode"))


def apply_source_markup(analysis: Analysis) -> None:
    """The source's own names and dates replace Kronika's readings of the same words: a name keeps its
    ``@ref`` as the entity's reference and its ``@key`` as the base form; a date its W3C value."""
    markup = analysis.document.markup
    if not markup:
        return
    text = analysis.document.text
    for number, item in enumerate(markup, 1):
        def overlaps(span: Entity | Timex, item: SourceMarkup = item) -> bool:
            return span.start < item.end and item.start < span.end

        if item.type == "DATE":
            analysis.timexes = [t for t in analysis.timexes if not overlaps(t)]
            analysis.timexes.append(Timex(f"ts{number}", item.start, item.end, text[item.start:item.end],
                                          "DATE", item.value or ""))
            continue
        same = next((e for e in analysis.entities if (e.start, e.end) == (item.start, item.end)), None)
        lemma = item.key or (same.lemma if same else text[item.start:item.end])
        analysis.entities = [e for e in analysis.entities if not overlaps(e)]
        analysis.entities.append(Entity(f"es{number}", item.start, item.end, text[item.start:item.end],
                                        item.type, lemma, ref=item.ref or (same.ref if same else None),
                                        subtype=same.subtype if same else None))
    analysis.entities.sort(key=lambda e: (e.start, -e.end))
    analysis.timexes.sort(key=lambda t: (t.start, -t.end))
