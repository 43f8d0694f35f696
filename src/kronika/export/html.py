"""One analysis as a standalone, safe HTML page: the text with names and dates highlighted (hover for the
base form and TIMEX3 value), then the entities and the timeline. All document text is escaped."""

from __future__ import annotations

from kronika.export.markup import Span, layered_spans, render_inline
from kronika.export.markup import html_text as escape
from kronika.model import Analysis, Entity

STYLE = """body{font-family:Georgia,serif;max-width:52em;margin:2em auto;line-height:1.6;color:#222}
mark{border-radius:3px;padding:0 2px}.PERSON{background:#fde2c8}.PLACE{background:#d4f0d0}
.COUNTRY{background:#cfe8f7}.ORGANIZATION{background:#eadcf7}.MILITARY_UNIT{background:#f7d4d4}
.EVENT{background:#fff3b0}.DOCUMENT{background:#e2e2e2}.timex{background:none;border-bottom:2px solid #2b7bb9}
table{border-collapse:collapse}td,th{padding:2px 8px;border-bottom:1px solid #ddd;text-align:left}"""


def _open(span: Span) -> str:
    item = span.item
    if isinstance(item, Entity):
        return f'<mark class="{item.type}" title="{escape(item.type)}: {escape(item.lemma)}">'
    return f'<mark class="timex" title="{escape(item.type)} {escape(item.value)}">'


def _close(span: Span) -> str:
    return "</mark>"


def _article(analysis: Analysis) -> str:
    doc = analysis.document
    body = render_inline(doc.text, layered_spans(analysis), _open, _close)
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n") if p.strip())
    entity_rows = "".join(
        f"<tr><td>{escape(e.type)}</td><td>{escape(e.lemma)}</td><td>{escape(e.text)}</td>"
        f"<td>{e.start}–{e.end}</td></tr>" for e in analysis.entities)
    timex_rows = "".join(
        f"<tr><td>{escape(t.value)}</td><td>{escape(t.type)}</td><td>{escape(t.text)}</td><td>{t.start}–{t.end}</td></tr>"
        for t in sorted(analysis.timexes, key=lambda t: t.value))
    title = escape(doc.title or doc.id)
    return (f"<article><h1>{title}</h1>{paragraphs}"
            f"<h2>Nazwy</h2><table><tr><th>typ</th><th>forma podstawowa</th><th>w tekście</th><th>znaki</th></tr>"
            f"{entity_rows}</table>"
            f"<h2>Czas</h2><table><tr><th>TIMEX3</th><th>typ</th><th>w tekście</th><th>znaki</th></tr>"
            f"{timex_rows}</table>"
            f"</article>")


def analyses_to_html(analyses: list[Analysis]) -> str:
    """A standalone page; a strict Content-Security-Policy forbids scripts even if escaping failed."""
    title = escape(analyses[0].document.title or analyses[0].document.id) if len(analyses) == 1 else "Kronika"
    return (f'<!DOCTYPE html>\n<html lang="pl"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">'
            f"<title>{title}</title><style>{STYLE}</style></head><body>"
            + "".join(_article(a) for a in analyses) + "</body></html>\n")
