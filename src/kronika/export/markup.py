"""Inline markup of one analysis: entities and timexes as nested, non-crossing spans over the text.

Shared by the TEI and HTML renderings so both wrap exactly the same spans, and both drop the characters
XML 1.0 forbids (control characters, U+FFFE/U+FFFF) the same way.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from kronika.model import Analysis, Entity, Timex

# XML 1.0 characters: tab, line feed, carriage return, and U+0020 up, without surrogates, U+FFFE, U+FFFF.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_NOT_NAME = re.compile(r"[^A-Za-z0-9_.-]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (a document may carry them; no parser accepts them)."""
    return _NOT_XML.sub("", text)


def xml_text(text: str) -> str:
    """``text`` as XML element content."""
    return escape(xml_safe(text))


def xml_attribute(text: str) -> str:
    """``text`` as a quoted XML attribute value."""
    return quoteattr(xml_safe(text))


def html_text(value: object) -> str:
    """``value`` as HTML text or attribute content (quotes escaped too)."""
    return html.escape(xml_safe("" if value is None else str(value)), quote=True)


def xml_name(text: str) -> str:
    """``text`` made usable inside an ``xml:id`` (letters, digits, ``_ . -`` kept, the rest ``_``)."""
    return _NOT_NAME.sub("_", text)



@dataclass(frozen=True)
class Span:
    start: int
    end: int
    item: Entity | Timex


def layered_spans(analysis: Analysis) -> list[Span]:
    """Entities and timexes that nest cleanly; a span crossing an already kept one is left out."""
    candidates = [Span(e.start, e.end, e) for e in analysis.entities]
    candidates += [Span(t.start, t.end, t) for t in analysis.timexes]
    candidates.sort(key=lambda s: (s.start, -(s.end - s.start)))
    kept: list[Span] = []
    for span in candidates:
        crossing = any(k.start < span.start < k.end < span.end or span.start < k.start < span.end < k.end
                       for k in kept)
        if not crossing and not any((k.start, k.end) == (span.start, span.end) for k in kept):
            kept.append(span)
    return kept


def render_inline(text: str, spans: list[Span], open_tag: Callable[[Span], str], close_tag: Callable[[Span], str],
                  start: int = 0, end: int | None = None) -> str:
    """``text[start:end]`` escaped for XML/HTML with tags opened and closed around the spans inside it."""
    end = len(text) if end is None else end
    inside = [s for s in spans if start <= s.start and s.end <= end]
    events: list[tuple[int, int, int, Span]] = []
    for span in inside:
        events.append((span.start, 1, -(span.end - span.start), span))
        events.append((span.end, 0, span.end - span.start, span))
    events.sort(key=lambda e: (e[0], e[1], e[2]))
    out: list[str] = []
    position = start
    for offset, is_open, _size, span in events:
        out.append(xml_text(text[position:offset]))
        position = offset
        out.append(open_tag(span) if is_open else close_tag(span))
    out.append(xml_text(text[position:end]))
    return "".join(out)
