"""One analysis as a TEI P5 document: sentences as ``<s>``, names as ``<persName>``/``<placeName>``/…,
dates as ``<date when|from|to>``/``<time>``, with ``@ref`` to the canonical entity and ``@key`` lemma."""

from __future__ import annotations

from kronika.export.markup import Span, layered_spans, render_inline, xml_name
from kronika.export.markup import xml_attribute as quoteattr
from kronika.export.markup import xml_text as escape
from kronika.model import Analysis, Entity

TEI_ELEMENT = {"PERSON": "persName", "PLACE": "placeName", "COUNTRY": "placeName", "ORGANIZATION": "orgName",
               "MILITARY_UNIT": "orgName", "EVENT": "name", "DOCUMENT": "title"}


def _date_attributes(value: str) -> str:
    if "/" in value:
        begin, end = value.split("/", 1)
        return f' from={quoteattr(begin)} to={quoteattr(end)}'
    if value[:1].isdigit() and "X" not in value and not value.startswith("P"):
        return f" when={quoteattr(value)}"
    return f" when-custom={quoteattr(value)}"


def _open(span: Span, id_prefix: str) -> str:
    item = span.item
    if isinstance(item, Entity):
        element = TEI_ELEMENT.get(item.type, "name")
        attributes = f" type={quoteattr(item.type.lower())} key={quoteattr(item.lemma)}"
        if item.ref:
            attributes += f" ref={quoteattr('#' + item.ref)}"
        if item.geo:
            point = f"{item.geo.get('lat')} {item.geo.get('lon')}"
            attributes += f" geo={quoteattr(point)}"
        return f"<{element}{attributes}>"
    element = "time" if item.type == "TIME" else "date"
    identifier = f' xml:id="{id_prefix}{xml_name(item.id)}"'
    return f"<{element} type={quoteattr(item.type.lower())}{_date_attributes(item.value)}{identifier}>"


def _close(span: Span) -> str:
    item = span.item
    if isinstance(item, Entity):
        return f"</{TEI_ELEMENT.get(item.type, 'name')}>"
    return "</time>" if item.type == "TIME" else "</date>"


def analysis_to_tei(analysis: Analysis, indent: str = "", id_prefix: str = "") -> str:
    """The ``<TEI>`` element of one analysis; ``id_prefix`` starts every ``xml:id`` in it, so the ids of
    several documents in one corpus stay unique."""
    doc = analysis.document
    spans = layered_spans(analysis)
    # a span that crosses a sentence boundary cannot nest in <s>; keep it out
    sentence_spans = [s for s in spans if any(x.start <= s.start and s.end <= x.end for x in analysis.sentences)]
    body: list[str] = []
    paragraph: list[str] = []
    previous_end = 0
    for sentence in analysis.sentences:
        if "\n" in doc.text[previous_end:sentence.start] and paragraph:
            body.append("      <p>" + " ".join(paragraph) + "</p>")
            paragraph = []
        inner = render_inline(doc.text, sentence_spans, lambda span: _open(span, id_prefix), _close,
                              sentence.start, sentence.end)
        paragraph.append(f'<s from="{sentence.start}" to="{sentence.end}">{inner}</s>')
        previous_end = sentence.end
    if paragraph:
        body.append("      <p>" + " ".join(paragraph) + "</p>")
    title = escape(doc.title or doc.id)
    date = f"<date when={quoteattr(doc.dct)}/>" if doc.dct else ""
    return "\n".join(indent + line for line in [
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="pl">',
        "  <teiHeader><fileDesc>",
        f"    <titleStmt><title>{title}</title></titleStmt>",
        "    <publicationStmt><p>Annotated by Kronika</p></publicationStmt>",
        f"    <sourceDesc><p>{escape(doc.source or doc.id)}{date}</p></sourceDesc>",
        "  </fileDesc></teiHeader>",
        f'  <text><body xml:id="{id_prefix or "d"}{xml_name(doc.id)}">',
        *body,
        "  </body></text>",
        "</TEI>",
    ]) + "\n"


def analyses_to_tei(analyses: list[Analysis], corpus: bool = False) -> str:
    """A TEI document for one analysis, a ``<teiCorpus>`` for several (or always, with ``corpus``)."""
    header = '<?xml version="1.0" encoding="UTF-8"?>\n'
    if len(analyses) == 1 and not corpus:
        return header + analysis_to_tei(analyses[0])
    return (header + '<teiCorpus xmlns="http://www.tei-c.org/ns/1.0">\n'
            '  <teiHeader><fileDesc><titleStmt><title>Kronika corpus</title></titleStmt>'
            "<publicationStmt><p>Annotated by Kronika</p></publicationStmt>"
            "<sourceDesc><p>Several documents</p></sourceDesc></fileDesc></teiHeader>\n"
            + "".join(analysis_to_tei(a, "  ", f"d{number}.") for number, a in enumerate(analyses, 1))
            + "</teiCorpus>\n")
