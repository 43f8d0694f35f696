"""One analysis as a TEI P5 document, valid against ``tei_all.rng``.

Sentences are ``<s>``, names ``<persName>``/``<placeName>``/``<orgName>``/… pointing (``@ref``) at one
entry of the ``<standOff>`` lists (``listPerson``, ``listPlace`` with ``location/geo`` and GeoNames
``idno``, ``listOrg``, ``listEvent`` with the events, their dates, participants and places as pointers).
Dates carry W3C values (``@when``, ``@from``/``@to``, ``@notBefore``/``@notAfter``) derived from the
EDTF of the TIMEX3 value, ``@cert`` when the text is approximate or the date is carried over, and the
TIMEX3 value itself in ``@when-custom`` interpreted by a ``<calendar>`` declared in the header. Every
``xml:id`` starts with the document's own prefix, so a corpus of many documents has unique ids.
A name, date or event a person corrected carries ``@resp`` pointing at a ``<respStmt>`` of the header
(the person), and the header's ``<revisionDesc>`` has a ``<change>`` with who and when.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable

from kronika.edtf import bounds, qualifiers, timex_to_edtf
from kronika.export.markup import Span, layered_spans, render_inline
from kronika.export.markup import xml_attribute as quoteattr
from kronika.export.markup import xml_text as escape
from kronika.model import Analysis, Document, Entity, Event
from kronika.store.corrections import HumanMarks, Mark
from kronika.text.tei import XML_ID, Extraction, extract, parse

TEI_NAMESPACE = "http://www.tei-c.org/ns/1.0"
TEI_ELEMENT = {"PERSON": "persName", "PLACE": "placeName", "COUNTRY": "placeName", "ORGANIZATION": "orgName",
               "MILITARY_UNIT": "orgName", "EVENT": "name", "DOCUMENT": "title"}
# standOff list, entry element and the name element inside an entry, by entity type
STANDOFF = {"PERSON": ("listPerson", "person", "persName"), "PLACE": ("listPlace", "place", "placeName"),
            "COUNTRY": ("listPlace", "place", "placeName"), "ORGANIZATION": ("listOrg", "org", "orgName"),
            "MILITARY_UNIT": ("listOrg", "org", "orgName"), "EVENT": ("listEvent", "event", "label"),
            "DOCUMENT": ("listBibl", "bibl", "title")}
LIST_ORDER = ("listPerson", "listPlace", "listOrg", "listEvent", "listBibl")
# how sure a date is, by its EDTF qualification: approximate (~), uncertain (?), both (%)
CERTAINTY = {"~": "medium", "?": "low", "%": "low"}
GEONAMES = "https://sws.geonames.org/{}/"
TIMEX3_CALENDAR = "timex3"
AUTHORITY_URI = re.compile(r"https?://(?:[\w-]+\.)*?([\w-]+)\.(?:org|com|net)/(?:.*/)?([^/]+)/?$")


def ncname(text: str) -> str:
    """``text`` as an XML name (letters, digits, ``.``, ``-``, ``_``; starting with a letter)."""
    name = re.sub(r"[^\w.-]", "_", text)
    return name if name[:1].isalpha() or name[:1] == "_" else "x" + name


def date_attributes(value: str | None, mod: str | None = None, uncertain: bool = False) -> dict[str, str]:
    """W3C dating attributes of a TIMEX3 value: ``when`` for a date as precise as the text, ``from``/``to``
    for a stated range, ``notBefore``/``notAfter`` for open, approximate or sub-year spans, and ``cert``."""
    edtf = timex_to_edtf(value, mod, uncertain)
    if edtf is None:
        return {}
    marks = qualifiers(edtf)
    plain = re.sub(r"[~?%]", "", edtf)
    attributes: dict[str, str] = {}
    if "/" in plain:
        first, last = plain.split("/")
        low = bounds(first) if first != ".." else None
        high = bounds(last) if last != ".." else None
        if (first != ".." and low is None) or (last != ".." and high is None):
            return {}
        exact = not marks and low is not None and high is not None
        if low:
            attributes["from" if exact else "notBefore"] = low[0]
        if high:
            attributes["to" if exact else "notAfter"] = high[1]
    elif plain.startswith("XXXX-"):  # a day or month of an unknown year: xs:gMonthDay, xs:gMonth
        attributes["when"] = "--" + plain[5:]
    else:
        span = bounds(plain)
        if span is None:
            return {}
        if span[0] == span[1]:
            attributes["when"] = span[0]
        else:
            attributes["notBefore"], attributes["notAfter"] = span
    if marks:
        attributes["cert"] = CERTAINTY[marks[-1]]
    return attributes


def _attributes(pairs: dict[str, str | None]) -> str:
    return "".join(f" {name}={quoteattr(value)}" for name, value in pairs.items() if value)


class TeiIds:
    """The ``xml:id``s of one document: its prefix on sentences, dates, events and standOff entries."""

    def __init__(self, analysis: Analysis, human: HumanMarks | None = None) -> None:
        self.prefix = ncname("d" + analysis.document.id) + "."
        self.entities = {e.id: e for e in analysis.entities}
        self.document = analysis.document.id
        self.human = human
        self.people: dict[str, str] = {}  # who corrected → the xml:id of their respStmt
        self.changes: dict[tuple[str, str, str], None] = {}  # (who, when, what), in order met

    def _resp(self, mark: Mark | None) -> dict[str, str | None]:
        if mark is None:
            return {}
        person = self.people.setdefault(mark.by, f"{self.prefix}resp{len(self.people) + 1}")
        self.changes[(mark.by, mark.at, mark.kind)] = None
        return {"resp": "#" + person}

    def entity_resp(self, entity: Entity) -> dict[str, str | None]:
        """``@resp`` of a name a person corrected (nothing for the machine's)."""
        return self._resp(self.human.entity(self.document, entity.start, entity.end, entity.ref)
                          if self.human else None)

    def timex_resp(self, start: int, end: int) -> dict[str, str | None]:
        return self._resp(self.human.timex(self.document, start, end) if self.human else None)

    def event_resp(self, event: Event) -> dict[str, str | None]:
        return self._resp(self.human.event(self.document, event.trigger_start, event.trigger_end)
                          if self.human else None)

    def responsibility(self) -> tuple[str, str]:
        """The header's ``<respStmt>``s (for ``titleStmt``) and ``<change>``s (for ``revisionDesc``)."""
        statements = "".join(f'<respStmt xml:id="{identifier}"><resp>correction</resp><name>{escape(who)}</name>'
                             "</respStmt>" for who, identifier in self.people.items())
        changes = "".join(f"<change{_attributes({'when': when, 'who': '#' + self.people[who]})}>"
                          f"{escape(what)}</change>" for who, when, what in self.changes)
        return statements, changes

    def entry(self, entity: Entity) -> str:
        ref = entity.ref or entity.id
        if match := AUTHORITY_URI.match(ref):  # https://www.wikidata.org/wiki/Q360771 → wikidata.Q360771
            ref = f"{match[1]}.{match[2]}"
        return self.prefix + ncname(ref)

    def local(self, local_id: str) -> str:
        return self.prefix + ncname(local_id)


def authority(entity: Entity) -> str | None:
    """The entity's link outside Kronika: a URI ref (Wikidata, from TEI input) or the GeoNames id."""
    if entity.ref and entity.ref.startswith(("http://", "https://")):
        return entity.ref
    geonames_id = (entity.geo or {}).get("geonames_id")
    return GEONAMES.format(geonames_id) if geonames_id else None


def _timex_attributes(analysis: Analysis, ids: TeiIds, timex_id: str | None, value: str | None,
                      uncertain: bool) -> dict[str, str | None]:
    mod = next((getattr(t, "mod", None) for t in analysis.timexes if t.id == timex_id), None)
    return {**date_attributes(value, mod, uncertain), "when-custom": value,
            "datingMethod": f"#{ids.prefix}{TIMEX3_CALENDAR}" if value else None}


def _inline(analysis: Analysis, ids: TeiIds) -> tuple[Callable[[Span], str], Callable[[Span], str]]:
    def open_tag(span: Span) -> str:
        item = span.item
        if isinstance(item, Entity):
            element = TEI_ELEMENT.get(item.type, "name")
            names = {"type": item.type.lower(), "key": item.lemma, "ref": "#" + ids.entry(item),
                     **ids.entity_resp(item)}
            return f"<{element}{_attributes(names)}>"
        element = "time" if item.type == "TIME" else "date"
        attributes = {"xml:id": ids.local(item.id), "type": item.type.lower(),
                      **_timex_attributes(analysis, ids, item.id, item.value, False),
                      **ids.timex_resp(item.start, item.end)}
        return f"<{element}{_attributes(attributes)}>"

    def close_tag(span: Span) -> str:
        item = span.item
        if isinstance(item, Entity):
            return f"</{TEI_ELEMENT.get(item.type, 'name')}>"
        return "</time>" if item.type == "TIME" else "</date>"

    return open_tag, close_tag


def _entry(entity: Entity, ids: TeiIds) -> str:
    _list, element, name = STANDOFF.get(entity.type, ("listPerson", "person", "persName"))
    link = authority(entity)
    parts = [f"<{name}{_attributes({'ref': link})}>{escape(entity.lemma)}</{name}>"]
    if entity.geo and entity.geo.get("lat") is not None:
        parts.append(f"<location><geo>{entity.geo['lat']} {entity.geo['lon']}</geo></location>")
    if link:
        kind = "GeoNames" if "geonames" in link else "Wikidata" if "wikidata" in link else "URI"
        parts.append(f"<idno type={quoteattr(kind)}>{escape(link)}</idno>")
    # person has no @type in TEI; the others keep Kronika's entity type
    typed = {"type": entity.type.lower()} if element in ("place", "org", "event") else {}
    attributes = {"xml:id": ids.entry(entity), **typed, **ids.entity_resp(entity)}
    return f"<{element}{_attributes(attributes)}>{''.join(parts)}</{element}>"


def _event(analysis: Analysis, ids: TeiIds, event: Event) -> str:
    attributes: dict[str, str | None] = {
        "xml:id": ids.local(event.id), "type": event.type,
        "subtype": event.modality if event.modality != "asserted" else None,
        **_timex_attributes(analysis, ids, event.timex, event.time, event.time_inherited),
        **ids.event_resp(event),
    }
    pointers = []
    for argument in event.participants + event.places:
        entity = ids.entities.get(argument.entity or "")
        element = TEI_ELEMENT.get(entity.type, "name") if entity else "name"
        ref = "#" + ids.entry(entity) if entity else None
        role = getattr(argument, "role", None)
        pointers.append(f"<{element}{_attributes({'ref': ref, 'role': role})}>{escape(argument.lemma)}</{element}>")
    desc = f"<desc>{' '.join(pointers)}</desc>" if pointers else ""
    return f"<event{_attributes(attributes)}><label>{escape(event.trigger_text)}</label>{desc}</event>"


def standoff(analysis: Analysis, ids: TeiIds) -> list[str]:
    """The ``<standOff>`` lines: one entry per entity (by its canonical ref), then the events."""
    lists: dict[str, dict[str, str]] = {name: {} for name in LIST_ORDER}
    for entity in analysis.entities:
        list_name = STANDOFF.get(entity.type, ("listPerson",))[0]
        lists[list_name].setdefault(ids.entry(entity), _entry(entity, ids))
    for event in analysis.events:
        lists["listEvent"][ids.local(event.id)] = _event(analysis, ids, event)
    lines = [f"    <{name}>{''.join(entries.values())}</{name}>" for name, entries in lists.items() if entries]
    return ["  <standOff>", *lines, "  </standOff>"] if lines else []


def _body(analysis: Analysis, ids: TeiIds) -> list[str]:
    doc = analysis.document
    spans = layered_spans(analysis)
    # a span that crosses a sentence boundary cannot nest in <s>; keep it out
    sentence_spans = [s for s in spans if any(x.start <= s.start and s.end <= x.end for x in analysis.sentences)]
    open_tag, close_tag = _inline(analysis, ids)
    body: list[str] = []
    paragraph: list[str] = []
    previous_end = 0
    for number, sentence in enumerate(analysis.sentences, 1):
        if "\n" in doc.text[previous_end:sentence.start] and paragraph:
            body.append("      <p>" + " ".join(paragraph) + "</p>")
            paragraph = []
        inner = render_inline(doc.text, sentence_spans, open_tag, close_tag, sentence.start, sentence.end)
        # @n keeps the sentence's character offsets in the analysed text
        paragraph.append(f'<s xml:id="{ids.local(f"s{number}")}" n="{sentence.start}-{sentence.end}">{inner}</s>')
        previous_end = sentence.end
    if paragraph:
        body.append("      <p>" + " ".join(paragraph) + "</p>")
    return body or ["      <p/>"]


def _string_range(extraction: Extraction, start: int, end: int) -> str | None:
    """A TEI ``string-range`` pointer into the source paragraph that holds ``[start, end)``."""
    if end <= start or end > len(extraction.block_of):
        return None
    block = extraction.block_of[start]
    if block < 0 or extraction.block_of[end - 1] != block:
        return None
    offset = extraction.offset_of[start]
    identifier = extraction.blocks[block].get(XML_ID)
    return f"#string-range(//*[@xml:id='{identifier}'],{offset},{extraction.offset_of[end - 1] + 1 - offset})"


def _mention_spans(analysis: Analysis, ids: TeiIds, extraction: Extraction) -> list[str]:
    """Kronika's names and dates as ``<span>``s pointing into the untouched source text."""
    text = analysis.document.text
    names, dates = [], []
    for entity in analysis.entities:
        if target := _string_range(extraction, entity.start, entity.end):
            names.append(f"<span{_attributes({'target': target, 'ana': '#' + ids.entry(entity)})}>"
                         f"{escape(text[entity.start:entity.end])}</span>")
    for timex in analysis.timexes:
        if target := _string_range(extraction, timex.start, timex.end):
            attributes = {"type": timex.type.lower(),
                          **_timex_attributes(analysis, ids, timex.id, timex.value, False),
                          **ids.timex_resp(timex.start, timex.end)}
            dates.append(f"<span{_attributes({'xml:id': ids.local(timex.id), 'target': target})}>"
                         f"<date{_attributes(attributes)}>{escape(text[timex.start:timex.end])}</date></span>")
    return [f'    <spanGrp type="{kind}">{"".join(spans)}</spanGrp>'
            for kind, spans in (("names", names), ("dates", dates)) if spans]


def _calendar(ids: TeiIds) -> str:
    return (f'<calendar xml:id="{ids.prefix}{TIMEX3_CALENDAR}"><p>TIMEX3 (ISO-TimeML) values as the text '
            "states them; the W3C attributes give the calendar span</p></calendar>")


def _declare_responsibility(header: ET.Element, ids: TeiIds) -> None:
    """The people who corrected the source TEI document, added to its header."""
    statements, changes = ids.responsibility()
    if not statements:
        return
    title_statement = header.find(f"{{{TEI_NAMESPACE}}}fileDesc/{{{TEI_NAMESPACE}}}titleStmt")
    if title_statement is not None:
        title_statement.extend(ET.fromstring(f'<x xmlns="{TEI_NAMESPACE}">{statements}</x>'))
    revision = header.find(f"{{{TEI_NAMESPACE}}}revisionDesc")
    if revision is None:
        revision = ET.SubElement(header, f"{{{TEI_NAMESPACE}}}revisionDesc")
    revision.extend(ET.fromstring(f'<x xmlns="{TEI_NAMESPACE}">{changes}</x>'))


def source_to_tei(analysis: Analysis, human: HumanMarks | None = None) -> str | None:
    """The source TEI of a document read from TEI, every element and attribute kept, with Kronika's
    reading added: the TIMEX3 calendar in the header, a ``<standOff>`` with the entity and event lists
    and spans pointing into the source paragraphs (which get an ``xml:id`` where they had none).
    None when the source no longer gives the analysed text."""
    doc = analysis.document
    if doc.origin is None:
        return None
    ET.register_namespace("", TEI_NAMESPACE)
    root = parse(doc.origin, doc.source or doc.id)
    ids = TeiIds(analysis, human)
    extraction = extract(root)
    if extraction.text != doc.text:
        return None
    for number, block in enumerate(extraction.blocks, 1):
        if block.get(XML_ID) is None:
            block.set(XML_ID, ids.local(f"p{number}"))
    header = root.find(f"{{{TEI_NAMESPACE}}}teiHeader")
    if header is not None:
        profile = header.find(f"{{{TEI_NAMESPACE}}}profileDesc")
        if profile is None:
            profile = ET.Element(f"{{{TEI_NAMESPACE}}}profileDesc")
            revision = header.find(f"{{{TEI_NAMESPACE}}}revisionDesc")
            header.insert(list(header).index(revision) if revision is not None else len(header), profile)
        profile.append(ET.fromstring(f'<calendarDesc xmlns="{TEI_NAMESPACE}">{_calendar(ids)}</calendarDesc>'))
    lines = standoff(analysis, ids)[1:-1] + _mention_spans(analysis, ids, extraction)
    if lines:
        added = ET.fromstring(f'<standOff xmlns="{TEI_NAMESPACE}">{"".join(lines)}</standOff>')
        root.append(added)
    if header is not None:
        _declare_responsibility(header, ids)
    return ET.tostring(root, encoding="unicode") + "\n"


def _periodical(document: Document) -> str:
    """The periodical that printed the document and its place, as a ``<bibl>`` of the source description."""
    parts = [f'<title level="j">{escape(document.journal)}</title>' if document.journal else "",
             f"<pubPlace>{escape(document.pub_place)}</pubPlace>" if document.pub_place else ""]
    return f"<bibl>{''.join(parts)}</bibl>" if any(parts) else ""


def analysis_to_tei(analysis: Analysis, indent: str = "", human: HumanMarks | None = None) -> str:
    """The ``<TEI>`` element of one analysis: the source TEI kept whole when the document came as TEI;
    ``human``: the store's corrections, marked with ``@resp``."""
    if (kept := source_to_tei(analysis, human)) is not None:
        return "".join(indent + line + "\n" for line in kept.splitlines()) if indent else kept
    doc = analysis.document
    ids = TeiIds(analysis, human)
    title = escape(doc.title or doc.id)
    date = f"<date when={quoteattr(doc.dct)}/>" if doc.dct else ""
    body, stand_off = _body(analysis, ids), standoff(analysis, ids)  # before the header: they find the people
    statements, changes = ids.responsibility()
    revision = f"<revisionDesc>{changes}</revisionDesc>" if changes else ""
    return "\n".join(indent + line for line in [
        f'<TEI xmlns="{TEI_NAMESPACE}" xml:lang="pl" xml:id="{ids.prefix[:-1]}">',
        "  <teiHeader><fileDesc>",
        f"    <titleStmt><title>{title}</title>{statements}</titleStmt>",
        "    <publicationStmt><p>Annotated by Kronika</p></publicationStmt>",
        f"    <sourceDesc><p>{escape(doc.source or doc.id)}{date}{_periodical(doc)}</p></sourceDesc>",
        "  </fileDesc>",
        f"  <profileDesc><calendarDesc>{_calendar(ids)}</calendarDesc></profileDesc>{revision}</teiHeader>",
        "  <text><body>",
        *body,
        "  </body></text>",
        *stand_off,
        "</TEI>",
    ]) + "\n"


def analyses_to_tei(analyses: Iterable[Analysis], corpus: bool = False, human: HumanMarks | None = None) -> str:
    """A TEI document for one analysis, a ``<teiCorpus>`` for several (or always, with ``corpus``)."""
    analyses = list(analyses)
    header = '<?xml version="1.0" encoding="UTF-8"?>\n'
    if len(analyses) == 1 and not corpus:
        return header + analysis_to_tei(analyses[0], human=human)
    return (header + f'<teiCorpus xmlns="{TEI_NAMESPACE}">\n'
            '  <teiHeader><fileDesc><titleStmt><title>Kronika corpus</title></titleStmt>'
            "<publicationStmt><p>Annotated by Kronika</p></publicationStmt>"
            "<sourceDesc><p>Several documents</p></sourceDesc></fileDesc></teiHeader>\n"
            + "".join(analysis_to_tei(a, "  ", human) for a in analyses) + "</teiCorpus>\n")
