"""The HTML pages: what the store returns, laid out for a historian. No analysis happens here.

Every page function takes the store and the request's query parameters and returns a :class:`Page`;
all text from documents goes through :mod:`kronika.web.markup`, which escapes it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from itertools import groupby
from typing import NamedTuple

from kronika.errors import KronikaError
from kronika.export.markup import Span, layered_spans, render_inline
from kronika.export.place_details import SAME_PLACE_KM, place_details
from kronika.geo import Place, candidates
from kronika.geo.resolve import distance_km
from kronika.model import Analysis, Entity
from kronika.qa import answer
from kronika.qa.render import render_timex
from kronika.store import Citation, DocumentRecord, EntityRecord, EventRecord, Store
from kronika.store import corrections as correction_log
from kronika.store.corrections import HumanMarks, Mark
from kronika.web.editing import current, form
from kronika.web.labels import ENTITY_TYPES, EVENT_TYPES, TIMEX_TYPES, entity_label, event_label
from kronika.web.markup import Html, esc, h, join, url

Query = Mapping[str, str]

NAVIGATION = (("/", "Dokumenty"), ("/entities", "Nazwy"), ("/timeline", "Oś czasu"), ("/map", "Mapa"),
              ("/search", "Szukaj"), ("/ask", "Pytania"), ("/conflicts", "Sprzeczności"),
              ("/corrections", "Poprawki"), ("/export", "Eksport"))

EXPORTS: dict[str, tuple[str, str, str]] = {  # format → (file extension, media type, description)
    "tei": ("xml", "application/tei+xml", "TEI P5: teksty z oznaczonymi nazwami i datami"),
    "lpf": ("geojson", "application/geo+json", "Linked Places Format (GeoJSON-LD): miejsca ze współrzędnymi"),
    "ttl": ("ttl", "text/turtle", "RDF (SEM, CIDOC-CRM, NIF) w składni Turtle"),
    "jsonld": ("jsonld", "application/ld+json", "ten sam graf RDF jako JSON-LD"),
    "csv": ("csv", "text/csv", "tabela zdarzeń, jeden wiersz na zdarzenie"),
    "timelinejs": ("json", "application/json", "oś czasu TimelineJS3 (JSON)"),
    "webanno": ("jsonld", "application/ld+json", "adnotacje W3C Web Annotation (JSON-LD): nazwy i daty w tekstach"),
}


# A data: URI (allowed by the CSP's img-src) so the package ships no image file.
FAVICON = ("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' "
           "height='32' rx='6' fill='%232d2a26'/%3E%3Ctext x='16' y='23' font-family='Georgia' font-size='20' "
           "font-weight='700' text-anchor='middle' fill='%23e0b25b'%3EK%3C/text%3E%3C/svg%3E")


class NotFound(Exception):
    """The page or the thing it names does not exist (HTTP 404)."""


@dataclass(frozen=True)
class Page:
    title: str
    body: Html
    section: str = "/"  # the navigation entry to mark as current
    assets: tuple[str, ...] = ()  # extra stylesheets and scripts under /static/ the page needs


def layout(page: Page) -> Html:
    links = join(h('<a href="{}"{}>{}</a>', path, Html(' aria-current="page"' if path == page.section else ""), name)
                 for path, name in NAVIGATION)
    assets = join(h('<link rel="stylesheet" href="/static/{}">', asset) if asset.endswith(".css")
                  else h('<script src="/static/{}" defer></script>', asset) for asset in page.assets)
    return h('<!doctype html>\n<html lang="pl"><head><meta charset="utf-8">'
             '<meta name="viewport" content="width=device-width, initial-scale=1">'
             '<title>{title} — Kronika</title><link rel="icon" href="{icon}">'
             '<link rel="stylesheet" href="/static/kronika.css"><script src="/static/kronika.js" defer></script>'
             '{assets}</head><body><header><a class="brand" href="/">Kronika</a><nav>{links}</nav>'
             '<form class="quick" action="/search" role="search"><input name="q" type="search" '
             'placeholder="Szukaj w tekstach…" aria-label="Szukaj"></form></header>'
             '<main>{body}</main><footer>Kronika — każda informacja z odnośnikiem do zdania źródła.</footer>'
             '<div id="tooltip" role="tooltip" hidden></div></body></html>',
             title=page.title, links=links, body=page.body, icon=FAVICON, assets=assets)


# --- small pieces ------------------------------------------------------------------------------------------

def document_url(document: str, start: int | None = None) -> str:
    return f"/doc/{document}" + (f"#s{start}" if start is not None else "")


def entity_url(ref: str) -> str:
    return url("/entity", ref=ref)


def readable_time(value: str | None) -> str:
    return render_timex(value) if value else "bez daty"


def _titles(store: Store) -> dict[str, str]:
    return {d.id: d.title or d.name or d.id for d in store.documents()}


def citation_block(citation: Citation, title: str | None = None, mark: tuple[int, int] | None = None) -> Html:
    """A cited sentence with a link to its place in the document; ``mark`` (document offsets) is
    highlighted inside it."""
    text = " ".join(citation.text.split()) if mark is None else citation.text
    if mark is not None and citation.start <= mark[0] < mark[1] <= citation.end:
        a, b = mark[0] - citation.start, mark[1] - citation.start
        quote = h("{}<mark>{}</mark>{}", text[:a], text[a:b], text[b:])
    else:
        quote = esc(text)
    source = title or citation.title or citation.document
    return h('<blockquote class="citation">{}<cite><a href="{}">{}, znaki {}–{}</a></cite></blockquote>',
             quote, document_url(citation.document, citation.start), source, citation.start, citation.end)


def _arguments(event: EventRecord) -> Html:
    parts = []
    for label, arguments in (("miejsca", event.places), ("uczestnicy", event.participants)):
        if arguments:
            unique = dict.fromkeys((a.lemma, a.ref) for a in arguments)  # one name per place, however often
            items = join(((h('<a href="{}">{}</a>', entity_url(ref), lemma) if ref else esc(lemma))
                          for lemma, ref in unique), ", ")
            parts.append(h("<dt>{}</dt><dd>{}</dd>", label, items))
    return h('<dl class="arguments">{}</dl>', join(parts)) if parts else Html("")


def event_item(event: EventRecord, titles: Mapping[str, str]) -> Html:
    inherited = Html(' <span class="note" title="data przejęta z wcześniejszego zdania">(z kontekstu)</span>'
                     if event.time_inherited else "")
    return h('<li class="event"><div class="when"><time data-value="{value}">{when}</time>{inherited}</div>'
             '<div class="what"><span class="chip ev-{type}">{label}</span> <strong>{trigger}</strong>{args}{cite}'
             '</div></li>',
             value=event.time or "", when=readable_time(event.time), inherited=inherited, type=event.type,
             label=event_label(event.type), trigger=event.trigger_text, args=_arguments(event),
             cite=citation_block(event.sentence, titles.get(event.document), (event.trigger_start, event.trigger_end)))


def _options(choices: Mapping[str, str], selected: str) -> Html:
    return join(h('<option value="{}"{}>{}</option>', key, Html(" selected" if key == selected else ""), label)
                for key, label in choices.items())


# --- documents -------------------------------------------------------------------------------------------

UPLOAD_TYPES = ".txt,.md,.html,.htm,.xml,.docx,.pdf,.jsonl"


def upload_form() -> Html:
    inner = h('<label>Pliki (txt, md, html, docx, pdf, TEI, JSONL) <input type="file" name="file" multiple '
              'required accept="{}"></label><label>Data dokumentu <input name="dct" type="date"></label>'
              '<progress hidden max="100" value="0"></progress>', UPLOAD_TYPES)
    return form("/upload", "/", inner, "Dodaj i analizuj", css="edit upload", multipart=True)


def documents_page(store: Store, query: Query) -> Page:
    documents = store.documents()
    upload = h("<h2>Dodaj dokumenty</h2>{}", upload_form())
    if not documents:
        body = h("<h1>Dokumenty</h1><p>Magazyn jest pusty. Dodaj teksty poniżej, poleceniem "
                 "<code>kronika ingest PLIK…</code> albo uruchom <code>kronika demo</code>.</p>{}", upload)
        return Page("Dokumenty", body)
    rows = join(_document_row(d) for d in documents)
    body = h('<h1>Dokumenty</h1><table class="list"><thead><tr><th>Tytuł</th><th>Data</th><th>Źródło</th>'
             '<th class="num">Znaki</th></tr></thead><tbody>{}</tbody></table>{}', rows, upload)
    return Page("Dokumenty", body)


def source_name(source: str | None) -> str:
    """The file name of a document's source: the folders it was read from are the ingesting user's
    business, not every visitor's."""
    if not source:
        return ""
    return source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or source


def _document_row(document: DocumentRecord) -> Html:
    return h('<tr><td><a href="{}">{}</a></td><td>{}</td><td>{}</td><td class="num">{}</td></tr>',
             document_url(document.id), document.title or document.name or document.id, document.dct or "",
             source_name(document.source), document.length)


def corrected_by(mark: Mark | None) -> Html:
    """How a page shows that a person, not the machine, said this."""
    return h(' <span class="human" title="{}">poprawione: {}</span>', mark.at, mark.by) if mark else Html("")


def _human(mark: Mark | None) -> Html:
    return h(' data-by="{}" data-at="{}"', mark.by, mark.at) if mark else Html("")


def _open_tag(span: Span, document: str, marks: HumanMarks) -> str:
    item = span.item
    if isinstance(item, Entity):
        geo = (item.geo or {}).get("name") or ""
        return h('<mark class="ent t-{type}" tabindex="0" data-kind="entity" data-type="{type}" data-label="{label}"'
                 ' data-lemma="{lemma}" data-ref="{ref}" data-geo="{geo}" data-href="{href}"{human}>',
                 type=item.type, label=entity_label(item.type), lemma=item.lemma, ref=item.ref or "", geo=geo,
                 href=entity_url(item.ref) if item.ref else "",
                 human=_human(marks.entity(document, item.start, item.end, item.ref)))
    return h('<mark class="timex" tabindex="0" data-kind="timex" data-type="{type}" data-label="{label}" '
             'data-value="{value}" data-readable="{readable}"{human}>', type=item.type,
             label=TIMEX_TYPES.get(item.type, item.type), value=item.value, readable=render_timex(item.value),
             human=_human(marks.timex(document, item.start, item.end)))


def _close_tag(_span: Span) -> str:
    return "</mark>"


def document_text(analysis: Analysis, marks: HumanMarks) -> Html:
    """The text with each sentence anchored (``#s<start>``) and names and dates marked inside it; what a
    person corrected carries who and when (``data-by``, ``data-at``)."""
    text, spans = analysis.document.text, layered_spans(analysis)
    document = analysis.document.id

    def open_tag(span: Span) -> str:
        return _open_tag(span, document, marks)

    out: list[str] = []
    position = 0
    for sentence in analysis.sentences:
        out.append(esc(text[position:sentence.start]))
        inner = render_inline(text, spans, open_tag, _close_tag, sentence.start, sentence.end)
        out.append(h('<span class="sentence" id="s{}">{}</span>', sentence.start, Html(inner)))
        position = sentence.end
    out.append(esc(text[position:]))
    return Html("".join(out))


def document_page(store: Store, document_id: str) -> Page:
    analysis = store.document_analysis(document_id)
    if analysis is None:
        raise NotFound(f"nie ma dokumentu {document_id}")
    doc = analysis.document
    meta = join(h("<span>{}</span>", part) for part in (
        f"data: {doc.dct}" if doc.dct else None, f"źródło: {source_name(doc.source)}" if doc.source else None,
        f"{len(analysis.entities)} nazw, {len(analysis.timexes)} dat, {len(analysis.events)} zdarzeń") if part)
    legend = join(h('<span class="ent t-{}">{}</span>', key, label) for key, label in ENTITY_TYPES.items())
    names: dict[str, dict[str, tuple[str, str | None]]] = {}  # type → ref → (fullest base form, ref)
    for entity in analysis.entities:
        key = entity.ref or entity.lemma
        known = names.setdefault(entity.type, {}).get(key)
        if known is None or len(entity.lemma) > len(known[0]):
            names[entity.type][key] = (entity.lemma, entity.ref)
    index = join(h("<h3>{}</h3><ul>{}</ul>", label, join(
        (h('<li><a href="{}">{}</a></li>', entity_url(ref), lemma) if ref else h("<li>{}</li>", lemma))
        for lemma, ref in sorted(names[key].values()))) for key, label in ENTITY_TYPES.items() if key in names)
    back = document_url(doc.id)
    marks = correction_log.human_marks(store, doc.id)
    dates = join(h('<li><a href="{}"><time data-value="{}">{}</time></a> <span class="note">{}</span>{}{}</li>',
                   document_url(doc.id, _sentence_start(analysis, t.start)), t.value, render_timex(t.value), t.text,
                   corrected_by(marks.timex(doc.id, t.start, t.end)),
                   _timex_form(doc.id, back, t.start, t.end, t.value, t.mod))
                 for t in sorted(analysis.timexes, key=lambda t: (t.value, t.start)))
    events = store.events(document=doc.id)
    titles = {doc.id: doc.title or doc.id}
    event_list = join(h('{}<li class="judge">{}{}</li>', event_item(e, titles),
                        corrected_by(marks.event(doc.id, e.trigger_start, e.trigger_end)),
                        _event_forms(doc.id, back, e))
                      for e in sorted(events, key=timeline_key))
    body = h('<h1>{title}</h1><p class="meta">{meta}</p><p class="legend">{legend} <span class="timex">data</span>'
             '</p><div class="columns"><article class="document" lang="pl">{text}</article>'
             '<aside><h2>Nazwy</h2>{index}<h2>Dodaj nazwę</h2>{add}<h2>Daty</h2><ul class="dates">{dates}</ul>'
             '</aside></div><h2>Zdarzenia w tym dokumencie</h2><ol class="timeline">{events}</ol>'
             '<h2>Dokument</h2><div class="document-actions">{reanalyze}{delete}</div>',
             title=doc.title or doc.id, meta=meta, legend=legend, text=document_text(analysis, marks), index=index,
             dates=dates, events=event_list, add=_add_form(doc.id, back),
             reanalyze=form("/reanalyze", back, Html(""), "Analizuj ponownie (poprawki zostają)", document=doc.id),
             delete=form("/delete-document", back, Html('<label><input type="checkbox" name="confirm" value="yes" '
                                                        'required> tak, usuń dokument i jego poprawki</label>'),
                         "Usuń dokument", css="edit danger", document=doc.id))
    return Page(doc.title or doc.id, body)


def _entity_type_select(selected: str = "") -> Html:
    return h('<select name="type" aria-label="rodzaj">{}</select>', _options(ENTITY_TYPES, selected))


def _add_form(document: str, back: str) -> Html:
    """Filled by the script from the text selected in the reading view."""
    inner = h('<p class="note">Zaznacz słowa w tekście.</p><label>Tekst <input name="text" readonly required '
              'size="18"></label><input type="hidden" name="start"><input type="hidden" name="end">'
              '<label>Rodzaj {}</label><label>Forma podstawowa <input name="lemma" required size="18"></label>',
              _entity_type_select("PERSON"))
    return form("/correct", back, inner, "Dodaj", css="edit add-entity", kind="add", document=document)


def _timex_form(document: str, back: str, start: int, end: int, value: str, mod: str | None) -> Html:
    inner = h('<input name="value" value="{}" size="12" aria-label="TIMEX3" required>'
              '<input name="mod" value="{}" size="6" aria-label="mod" placeholder="mod">', value, mod or "")
    return form("/correct", back, inner, "Zmień datę", css="edit inline timex-edit", kind="timex",
                document=document, start=start, end=end)


def _event_forms(document: str, back: str, event: EventRecord) -> Html:
    values = {"kind": "event", "document": document, "trigger_start": event.trigger_start,
              "trigger_end": event.trigger_end}
    retype = h('<select name="type" aria-label="rodzaj zdarzenia">{}</select>', _options(EVENT_TYPES, event.type))
    edit = h('<label>Czas (TIMEX3) <input name="time" value="{}" size="12"></label>'
             '<label>Miejsca <input name="places" value="{}" size="18" placeholder="formy podstawowe, po przecinku">'
             '</label><label>Uczestnicy <input name="participants" value="{}" size="24"></label>',
             event.time or "", ", ".join(a.lemma for a in event.places),
             ", ".join(a.lemma for a in event.participants))
    return join([form("/correct", back, Html(""), "Potwierdź zdarzenie", css="edit inline accept", status="accepted",
                      **values),
                 form("/correct", back, retype, "Zmień rodzaj", css="edit inline retype", status="accepted", **values),
                 form("/correct", back, edit, "Popraw czas, miejsca, uczestników", css="edit inline event-edit",
                      status="accepted", **values),
                 form("/correct", back, Html(""), "Odrzuć zdarzenie", css="edit inline reject", status="rejected",
                      **values)])


def _sentence_start(analysis: Analysis, offset: int) -> int | None:
    return next((s.start for s in analysis.sentences if s.start <= offset < s.end), None)


# --- entities --------------------------------------------------------------------------------------------

ENTITIES_PER_PAGE = 200  # rows of the list of names: a large store has thousands


def entities_page(store: Store, query: Query) -> Page:
    selected = query.get("type", "")
    entities = store.entities(type=selected or None)
    number, pages = page_of(query, len(entities), ENTITIES_PER_PAGE)
    shown = entities[(number - 1) * ENTITIES_PER_PAGE:number * ENTITIES_PER_PAGE]
    rows = join(h('<tr><td><a href="{}">{}</a></td><td>{}</td><td class="num">{}</td><td class="num">{}</td></tr>',
                  entity_url(e.ref), e.lemma, entity_label(e.type), e.mentions, e.documents) for e in shown)
    body = h('<h1>Nazwy</h1><form class="filters" action="/entities"><label>Rodzaj <select name="type">'
             '<option value="">wszystkie</option>{options}</select></label><button>Pokaż</button></form>'
             '{pager}<table class="list"><thead><tr><th>Forma podstawowa</th><th>Rodzaj</th>'
             '<th class="num">Wzmianki</th><th class="num">Dokumenty</th></tr></thead><tbody>{rows}</tbody></table>'
             '{pager}',
             options=_options(ENTITY_TYPES, selected), rows=rows,
             pager=pager("/entities", number, pages, **({"type": selected} if selected else {})))
    return Page("Nazwy", body, "/entities")


def _place_facts(entity: EntityRecord) -> Html:
    if not entity.geo:
        return Html("")
    details = place_details(entity)
    facts = [("współrzędne", f"{entity.geo['lat']:.4f}, {entity.geo['lon']:.4f}"),
             ("nazwa dziś", entity.geo.get("name") or "")]
    if details is not None:
        facts += [("państwo w 1939", details.country_1939 or "?"), ("państwo dziś", details.country_now or "?")]
    return h('<dl class="facts">{}</dl>', join(h("<dt>{}</dt><dd>{}</dd>", k, v) for k, v in facts if v))


MENTIONS_PER_PAGE = 50  # an entity named thousands of times in a large store is read a page at a time


def page_of(query: Query, items: int, per_page: int = MENTIONS_PER_PAGE) -> tuple[int, int]:
    """The page asked for (``?page=``, from 1) and the number of pages of ``items``."""
    pages = max(1, -(-items // per_page))
    try:
        number = int(query.get("page") or 1)
    except ValueError:
        raise KronikaError("page must be a whole number") from None
    if not 1 <= number <= pages:
        raise NotFound(f"nie ma strony {number} (stron: {pages})")
    return number, pages


def pager(path: str, number: int, pages: int, **query: str) -> Html:
    """Links to the previous and next page of a list (nothing when it fits on one page)."""
    if pages == 1:
        return Html("")
    previous = h('<a rel="prev" href="{}">« poprzednie</a>', url(path, **query, page=number - 1)) \
        if number > 1 else Html("")
    following = h('<a rel="next" href="{}">następne »</a>', url(path, **query, page=number + 1)) \
        if number < pages else Html("")
    return h('<nav class="pager">{} <span>strona {} z {}</span> {}</nav>', previous, number, pages, following)


def entity_page(store: Store, query: Query) -> Page:
    ref = query.get("ref", "")
    found = store.entities(ref=ref) if ref else []
    if not found:
        raise NotFound(f"nie ma nazwy {ref}")
    entity = found[0]
    titles = _titles(store)
    number, pages = page_of(query, entity.mentions)
    groups = []
    cited = store.cited_mentions(ref, (number - 1) * MENTIONS_PER_PAGE, MENTIONS_PER_PAGE)
    for document, mentions in groupby(cited, key=lambda pair: pair[0].document):
        items = []
        for mention, citation in mentions:
            if citation is not None:
                delete = form("/correct", entity_url(ref), Html(""), "To nie ta nazwa — usuń wzmiankę",
                              css="edit inline delete-mention", kind="delete", document=document,
                              start=mention.start, end=mention.end)
                split = form("/correct", entity_url(ref),
                             Html('<label>Forma podstawowa <input name="lemma" size="18" '
                                  'placeholder="bez zmian"></label>'),
                             "To ktoś/coś innego — wydziel", css="edit inline split-mention", kind="split",
                             document=document, start=mention.start, end=mention.end)
                items.append(h('<li><span class="note">„{}”</span>{}{}{}</li>', mention.text,
                               citation_block(citation, titles.get(document), (mention.start, mention.end)),
                               delete, split))
        groups.append(h('<h3><a href="{}">{}</a></h3><ol class="mentions">{}</ol>', document_url(document),
                        titles.get(document, document), join(items)))
    events = sorted(store.events(ref=entity.ref), key=timeline_key)
    event_list = h('<h2>Zdarzenia</h2><ol class="timeline">{}</ol>', join(event_item(e, titles) for e in events)) \
        if events else Html("")
    body = h('<h1>{lemma} <span class="chip t-{type}">{label}</span></h1>'
             '<p class="meta">{mentions} wzmianek w {documents} dok.; identyfikatory: <code>{refs}</code></p>'
             '{facts}{events}<h2>Wzmianki</h2>{pager}{groups}{pager}',
             lemma=entity.lemma, type=entity.type, label=entity_label(entity.type), mentions=entity.mentions,
             documents=entity.documents, refs=", ".join(entity.refs), facts=_place_facts(entity),
             events=event_list, groups=join(groups), pager=pager("/entity", number, pages, ref=entity.ref))
    return Page(entity.lemma, h("{}{}", body, _entity_forms(entity)), "/entities")


def _entity_forms(entity: EntityRecord) -> Html:
    back = entity_url(entity.ref)
    change = form("/correct", back, h('<label>Rodzaj {}</label><label>Forma podstawowa <input name="lemma" '
                                      'value="{}" size="24"></label>', _entity_type_select(entity.type), entity.lemma),
                  "Zapisz", css="edit entity-edit", kind="entity", ref=entity.ref)
    merge = form("/correct", back, Html('<label>Ta sama osoba/rzecz co (identyfikator) <input name="into" required '
                                        'size="28" placeholder="np. person:jan-kowalski"></label>'),
                 "Połącz", css="edit merge", kind="merge", ref=entity.ref)
    geo = entity.geo or {}
    place = form("/correct", back, h('<label>Szer. <input name="lat" value="{}" size="9" required></label>'
                                     '<label>Dł. <input name="lon" value="{}" size="9" required></label>',
                                     geo.get("lat", ""), geo.get("lon", "")),
                 "Przenieś", css="edit place-edit", kind="place", ref=entity.ref)
    authority = form("/correct", back, Html('<label>Identyfikator wzorcowy <input name="authority" required '
                                            'size="24" placeholder="wikidata:Q…, geonames:…, viaf:…"></label>'),
                     "Powiąż", css="edit link", kind="link", ref=entity.ref)
    return h('<section class="corrections-forms"><h2>Popraw</h2>{}{}{}{}{}</section>', change, merge, place,
             _candidate_forms(entity), authority)


class Point(NamedTuple):  # where an entity is now, to measure a candidate's distance from
    lat: float
    lon: float


def place_candidates(entity: EntityRecord) -> list[tuple[Place, bool]]:
    """The gazetteer's places of the entity's name, most likely first, each with whether it is the one
    the entity is at now (a PLACE's alternatives to pick from)."""
    if entity.type != "PLACE":
        return []
    here = Point(float(entity.geo["lat"]), float(entity.geo["lon"])) if entity.geo else None
    return [(place, here is not None and distance_km(place, here) <= SAME_PLACE_KM)
            for place in candidates(entity.lemma)]


def candidate_label(place: Place) -> str:
    """*Kijów (Kijów, Poland; 1939: Poland)*: which of the places of one name this is."""
    where = ", ".join(x for x in (place.name_now if place.name_now != place.name else "", place.admin or "",
                                  place.country_now or "") if x)
    then = f"; 1939: {place.country_1939}" if place.country_1939 else ""
    return f"{place.name} ({where}{then})" if where or then else place.name


def _candidate_forms(entity: EntityRecord) -> Html:
    found = place_candidates(entity)
    if not found:
        return Html("")
    back = entity_url(entity.ref)
    items = join(h('<li>{}{} <span class="note">{:.4f}, {:.4f}</span></li>', candidate_label(place),
                   Html(" — <strong>teraz</strong>") if current else
                   form("/correct", back, Html(""), "To to miejsce", css="edit inline pick-place", kind="place",
                        ref=entity.ref, lat=f"{place.lat:.5f}", lon=f"{place.lon:.5f}", name=place.name_now),
                   place.lat, place.lon) for place, current in found)
    return h('<div class="candidates"><h3>Miejsca o tej nazwie w gazeterze</h3><ol>{}</ol></div>', items)


# --- timeline --------------------------------------------------------------------------------------------

def timeline_key(event: EventRecord) -> tuple[int, str, str, str, int]:
    """Dated events by their TIMEX3 interval (earliest first, shorter first), then undated in text order."""
    if event.interval is None:
        return (1, "", "", event.document, event.trigger_start)
    return (0, event.interval[0], event.interval[1], event.document, event.trigger_start)


def timeline_page(store: Store, query: Query) -> Page:
    selected = query.get("type", "")
    events = sorted(store.events(type=selected or None, date_from=query.get("from") or None,
                                 date_to=query.get("to") or None), key=timeline_key)
    titles = _titles(store)
    dated = [e for e in events if e.interval is not None]
    undated = [e for e in events if e.interval is None]
    undated_block = h('<details><summary>Zdarzenia bez daty ({})</summary><ol class="timeline">{}</ol></details>',
                      len(undated), join(event_item(e, titles) for e in undated)) if undated else Html("")
    body = h('<h1>Oś czasu</h1><form class="filters" action="/timeline"><label>Rodzaj <select name="type">'
             '<option value="">wszystkie</option>{options}</select></label>'
             '<label>od <input name="from" value="{date_from}" placeholder="1939-09" size="10"></label>'
             '<label>do <input name="to" value="{date_to}" placeholder="1939-10" size="10"></label>'
             '<button>Pokaż</button></form><p class="meta">{count} zdarzeń z datą, uporządkowanych według '
             'przedziału czasu TIMEX3.</p><ol class="timeline" id="timeline">{items}</ol>{undated}',
             options=_options(EVENT_TYPES, selected), date_from=query.get("from", ""), date_to=query.get("to", ""),
             count=len(dated), items=join(event_item(e, titles) for e in dated), undated=undated_block)
    return Page("Oś czasu", body, "/timeline")


# --- map -------------------------------------------------------------------------------------------------

MAP_WIDTH, MAP_MARGIN = 900, 36
MAP_MIN_HEIGHT, MAP_MAX_HEIGHT = 320, 760
LABEL_CHAR_WIDTH, LABEL_HEIGHT = 7.4, 14  # px of the 13 px label font, to keep labels from overlapping
FOCUS_GAP, FOCUS_MIN_DEGREES = 2.5, 2.0

Located = tuple[EntityRecord, str | None, str | None]
Projection = Callable[[float, float], tuple[float, float]]


def places(store: Store) -> list[Located]:
    """Located places with their country in 1939 and today (from the gazetteer), most mentioned first."""
    found = []
    for entity in store.entities(type="PLACE"):
        if entity.geo:
            details = place_details(entity)
            found.append((entity, details.country_1939 if details else None, details.country_now if details else None))
    return found


def _lat_lon(place: Located) -> tuple[float, float]:
    geo = place[0].geo or {}
    return float(geo["lat"]), float(geo["lon"])


def focus(located: list[Located]) -> tuple[list[Located], list[Located]]:
    """The places near the bulk of them, and the isolated far ones (a region geocoded as one remote point)
    that would shrink everything else to a corner: a place is left out while its distance from the median
    point exceeds FOCUS_GAP times the next farthest place's."""
    points = [_lat_lon(p) for p in located]
    mid_lat = sorted(lat for lat, _ in points)[len(points) // 2]
    mid_lon = sorted(lon for _, lon in points)[len(points) // 2]
    by_distance = sorted(zip((math.hypot(lat - mid_lat, lon - mid_lon) for lat, lon in points), range(len(points)),
                             strict=True))
    kept = len(by_distance)
    while kept > 2 and by_distance[kept - 1][0] > FOCUS_GAP * max(by_distance[kept - 2][0], FOCUS_MIN_DEGREES):
        kept -= 1
    far = {index for _, index in by_distance[kept:]}
    return [p for i, p in enumerate(located) if i not in far], [p for i, p in enumerate(located) if i in far]


def _projection(points: list[tuple[float, float]]) -> tuple[Projection, tuple[float, float, float, float], int]:
    """An equirectangular projection (longitudes shrunk by the cosine of the middle latitude) fitted to the
    points, and the map's height; no tiles, no outlines — only the places and a graticule."""
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    south, north, west, east = min(lats), max(lats), min(lons), max(lons)
    shrink = math.cos(math.radians((south + north) / 2))
    pad_lat, pad_lon = max((north - south) * 0.08, 0.3), max((east - west) * 0.08, 0.3 / max(shrink, 0.1))
    south, north, west, east = south - pad_lat, north + pad_lat, west - pad_lon, east + pad_lon
    width = MAP_WIDTH - 2 * MAP_MARGIN
    scale = width / ((east - west) * shrink)
    height = min(max(round((north - south) * scale) + 2 * MAP_MARGIN, MAP_MIN_HEIGHT), MAP_MAX_HEIGHT)
    scale = min(scale, (height - 2 * MAP_MARGIN) / (north - south))
    x0 = MAP_MARGIN + (width - (east - west) * shrink * scale) / 2
    y0 = (height - (north - south) * scale) / 2

    def project(lat: float, lon: float) -> tuple[float, float]:
        return x0 + (lon - west) * shrink * scale, y0 + (north - lat) * scale

    return project, (south, north, west, east), height


def _graticule(project: Projection, bounds: tuple[float, float, float, float]) -> list[Html]:
    south, north, west, east = bounds
    step = max(1, round(max(north - south, east - west) / 6))
    lines = []
    for lat in range(math.ceil(south / step) * step, math.floor(north) + 1, step):
        (x1, y), (x2, _) = project(lat, west), project(lat, east)
        lines.append(h('<line class="grid" x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}"/>'
                       '<text class="grid-label" x="{:.1f}" y="{:.1f}">{}°N</text>', x1, y, x2, y, x1 + 2, y - 3, lat))
    for lon in range(math.ceil(west / step) * step, math.floor(east) + 1, step):
        (x, y1), (_, y2) = project(north, lon), project(south, lon)
        lines.append(h('<line class="grid" x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}"/>'
                       '<text class="grid-label" x="{:.1f}" y="{:.1f}">{}°E</text>', x, y1, x, y2, x + 2, y2 - 3, lon))
    return lines


def _label_position(x: float, y: float, radius: float, text: str,
                    taken: list[tuple[float, float, float, float]]) -> tuple[float, float, str] | None:
    """Right, left, above or below the point, whichever overlaps no label placed yet; None: no room."""
    width = LABEL_CHAR_WIDTH * len(text)
    for lx, ly, anchor, box_x in ((x + radius + 3, y + 4, "start", x + radius + 3),
                                  (x - radius - 3, y + 4, "end", x - radius - 3 - width),
                                  (x, y - radius - 4, "middle", x - width / 2),
                                  (x, y + radius + LABEL_HEIGHT, "middle", x - width / 2)):
        box = (box_x, ly - LABEL_HEIGHT + 3, box_x + width, ly + 3)
        if box[0] >= 0 and box[2] <= MAP_WIDTH and not any(
                box[0] < t[2] and t[0] < box[2] and box[1] < t[3] and t[1] < box[3] for t in taken):
            taken.append(box)
            return lx, ly, anchor
    return None


def map_svg(located: list[Located]) -> Html:
    project, bounds, height = _projection([_lat_lon(p) for p in located])
    circles, labels = [], []
    taken: list[tuple[float, float, float, float]] = []
    for entity, country_1939, _now in sorted(located, key=lambda p: -p[0].mentions):  # labels for the most cited
        lat, lon = _lat_lon((entity, None, None))
        x, y = project(lat, lon)
        radius = 3 + 2 * math.sqrt(entity.mentions)
        circles.append(h('<a href="{href}" class="place" data-kind="place" data-lemma="{lemma}" data-geo="{today}" '
                         'data-country="{country}"><circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"/></a>',
                         href=entity_url(entity.ref), lemma=entity.lemma, today=(entity.geo or {}).get("name") or "",
                         country=country_1939 or "", x=x, y=y, r=radius))
        position = _label_position(x, y, radius, entity.lemma, taken)
        if position is not None:
            labels.append(h('<text class="label" x="{:.1f}" y="{:.1f}" text-anchor="{}">{}</text>', *position,
                            entity.lemma))
    return h('<svg class="map" viewBox="0 0 {w} {hh}" role="img" aria-label="Mapa miejsc">'
             '<rect class="sea" x="0" y="0" width="{w}" height="{hh}"/>{lines}{circles}{labels}</svg>',
             w=MAP_WIDTH, hh=height, lines=join(_graticule(project, bounds)), circles=join(reversed(circles)),
             labels=join(labels))


def map_page(store: Store, query: Query) -> Page:
    located = places(store)
    if not located:
        return Page("Mapa", h("<h1>Mapa miejsc</h1><p>Żadne miejsce w magazynie nie ma współrzędnych.</p>"), "/map")
    shown, far = (located, []) if query.get("all") else focus(located)
    note = h(' Poza mapą: {} — <a href="/map?all=1">pokaż wszystkie</a>.', ", ".join(e.lemma for e, _, _ in far)) \
        if far else Html("")
    rows = join(h('<tr><td><a href="{}">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td class="num">{:.3f}, {:.3f}</td>'
                  '<td class="num">{}</td></tr>', entity_url(e.ref), e.lemma, (e.geo or {}).get("name") or "",
                  then or "", now or "", *_lat_lon((e, then, now)), e.mentions)
                for e, then, now in located)
    body = h('<h1>Mapa miejsc</h1><p class="meta">{count} miejsc ze współrzędnymi; wielkość punktu — liczba '
             'wzmianek; kliknij punkt, by zobaczyć zdania źródła. Podkład: granice dzisiejsze (Natural Earth) '
             'i, do włączenia, granice z 1938 r.</p><div id="leaflet-map" data-places="/api/map" '
             'data-countries="/static/vendor/world-atlas/countries.json" '
             'data-borders="/static/vendor/borders-1938/borders_1938.json"{tiles}></div>'
             '<div class="map-tools"><label>Zdarzenia do roku <input type="range" id="map-year" disabled> '
             '<output id="map-year-value">wszystkie</output></label>{move}</div>'
             '<h2>Podgląd statyczny</h2><p class="meta">Odwzorowanie równoodległościowe, bez podkładu.{note}</p>'
             '<figure>{svg}</figure><table class="list" id="places"><thead><tr>'
             '<th>Nazwa w tekście</th><th>Nazwa dziś</th><th>Państwo w 1939</th><th>Państwo dziś</th>'
             '<th class="num">Szer., dł.</th><th class="num">Wzmianki</th></tr></thead><tbody>{rows}</tbody></table>',
             count=len(located), note=note, svg=map_svg(shown), rows=rows, move=_map_move_form(),
             tiles=_tile_attributes())
    return Page("Mapa", body, "/map", MAP_ASSETS)


def _tile_attributes() -> Html:
    """The online base map the server offers, if any (``kronika serve --tiles``)."""
    editor = current.get()
    if editor is None or editor.tiles is None:
        return Html("")
    return h(' data-tiles="{}" data-tiles-attribution="{}"', editor.tiles.url, editor.tiles.attribution)


def _map_move_form() -> Html:
    """Filled by the map script: the place chosen in a popup, the point clicked next."""
    inner = Html('<input type="hidden" name="ref"><input type="hidden" name="lat"><input type="hidden" name="lon">'
                 '<input type="hidden" name="name">'
                 '<span class="note" id="map-move-hint">Przenieś miejsce: „Przenieś” w dymku, potem kliknij '
                 'mapę.</span>')
    return form("/correct", "/map", inner, "Zapisz położenie", css="edit inline place-move", kind="place")


MAP_ASSETS = ("vendor/leaflet/leaflet.css", "vendor/leaflet.markercluster/MarkerCluster.css",
              "vendor/leaflet.markercluster/MarkerCluster.Default.css", "vendor/leaflet/leaflet.js",
              "vendor/leaflet.markercluster/leaflet.markercluster.js", "map.js")


# --- search, questions, conflicts, export ---------------------------------------------------------------

SEARCH_TYPES = {**ENTITY_TYPES, **EVENT_TYPES}


def search_filters(query: Query) -> dict[str, str | None]:
    return {"type": query.get("type") or None, "place": query.get("place") or None,
            "date_from": query.get("from") or None, "date_to": query.get("to") or None}


def search_page(store: Store, query: Query) -> Page:
    text = query.get("q", "").strip()
    form = h('<form class="filters" action="/search" role="search"><label>Szukane słowa <input name="q" '
             'value="{q}" size="30" placeholder="np. Lwów (dowolna forma)"></label><label>Rodzaj '
             '<select name="type"><option value="">dowolny</option>{options}</select></label>'
             '<label>Miejsce <input name="place" value="{place}" size="12"></label>'
             '<label>od <input name="from" value="{date_from}" placeholder="1939-09" size="10"></label>'
             '<label>do <input name="to" value="{date_to}" placeholder="1939-10" size="10"></label>'
             '<button>Szukaj</button></form>',
             q=text, options=_options(SEARCH_TYPES, query.get("type", "")), place=query.get("place", ""),
             date_from=query.get("from", ""), date_to=query.get("to", ""))
    results = Html("")
    if text:
        hits = store.search(text, limit=50, **search_filters(query))
        titles = _titles(store)
        items = join(h("<li>{}</li>", citation_block(hit.citation, titles.get(hit.citation.document))) for hit in hits)
        results = h('<p class="meta">Znalezione zdania: {}. Słowa dopasowane po formie podstawowej.</p>'
                    '<ol class="results" id="results">{}</ol>', len(hits), items) if hits else \
            h('<p class="meta" id="results">Brak zdań pasujących do „{}”.</p>', text)
    return Page("Szukaj", h("<h1>Szukaj</h1>{}{}", form, results), "/search")


def ask_page(store: Store, query: Query) -> Page:
    question = query.get("q", "").strip()
    form = h('<form class="filters" action="/ask"><label>Pytanie <input name="q" value="{}" size="50" '
             'placeholder="Kiedy…? Gdzie…? Kto…? Ilu…?"></label><button>Zapytaj</button></form>', question)
    result = Html("")
    if question:
        answers = answer(store, question)
        titles = _titles(store)
        items = join(h('<li class="answer"><p><strong>{}</strong> <span class="note">(wartość: <code>{}</code>, '
                       'pewność {:.0%})</span></p>{}</li>', a.text, a.value, a.confidence,
                       join(citation_block(c, titles.get(c.document), a.span) for c in a.citations)) for a in answers)
        result = h('<ol class="answers" id="answers">{}</ol>', items) if answers else \
            h('<p id="answers" class="meta">Nie wiem: nic w zgromadzonych tekstach nie odpowiada na to pytanie.</p>')
    return Page("Pytania", h("<h1>Pytania</h1>{}{}", form, result), "/ask")


def conflicts_page(store: Store, query: Query) -> Page:
    conflicts = store.conflicts()
    titles = _titles(store)
    items = join(h('<section class="conflict"><h2>{}: {}</h2><table class="list"><thead><tr><th>Wartość</th>'
                   '<th>Sformułowanie</th><th>Źródło</th></tr></thead><tbody>{}</tbody></table></section>',
                   "data" if c.kind == "date" else "liczba", c.subject,
                   join(h("<tr><td><code>{}</code></td><td>{}</td><td>{}</td></tr>", claim.value, claim.text,
                          citation_block(claim.citation, titles.get(claim.citation.document)))
                        for claim in c.claims)) for c in conflicts)
    intro = "Miejsca, w których dokumenty podają różne daty lub liczby tego samego zdarzenia."
    body = h('<h1>Sprzeczności</h1><p class="meta">{}</p>{}', intro,
             items or h("<p>Nie znaleziono sprzeczności między dokumentami.</p>"))
    return Page("Sprzeczności", body, "/conflicts")


def export_page(store: Store, query: Query) -> Page:
    items = join(h('<li><a href="/export/{fmt}" download>kronika.{ext}</a> — <strong>{fmt}</strong>: {what}</li>',
                   fmt=fmt, ext=ext, what=what) for fmt, (ext, _type, what) in EXPORTS.items())
    body = h('<h1>Eksport</h1><p class="meta">Cały magazyn; każda informacja z przesunięciami znaków jako '
             'pochodzeniem.</p><ul class="exports">{}</ul>', items)
    return Page("Eksport", body, "/export")


KIND_LABELS = {"entity": "nazwa", "merge": "połączenie", "place": "współrzędne", "link": "identyfikator",
               "delete": "usunięta wzmianka", "split": "wydzielona wzmianka",
               "add": "dodana nazwa", "timex": "data", "event": "zdarzenie"}


def corrections_page(store: Store, query: Query) -> Page:
    """What people corrected, by whom and when; each can be undone."""
    titles = _titles(store)
    rows = []
    for c in correction_log.corrections(store, query.get("document") or None):
        where = h('<a href="{}">{}</a>', document_url(c.document), titles.get(c.document, c.document)) \
            if c.document else h('<a href="{}">{}</a>', entity_url(c.target["ref"]), c.target["ref"])
        what = ", ".join(f"{key}={value}" for key, value in {**c.target, **c.value}.items() if key != "ref")
        state = h("cofnięta {} ({})", c.undone_at, c.undone_by) if c.undone_at else \
            form("/undo", "/corrections", Html(""), "Cofnij", css="edit inline undo", id=c.id)
        rows.append(h('<tr><td class="num">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>'
                      '<td>{}</td></tr>', c.id, c.created_at, c.user, KIND_LABELS.get(c.kind, c.kind), where, what,
                      state))
    table = h('<table class="list"><thead><tr><th class="num">Nr</th><th>Kiedy</th><th>Kto</th><th>Co</th>'
              '<th>Gdzie</th><th>Nowa wartość</th><th></th></tr></thead><tbody>{}</tbody></table>', join(rows)) \
        if rows else Html("<p>Nikt jeszcze niczego nie poprawił.</p>")
    body = h('<h1>Poprawki</h1><p class="meta">Każda poprawka to twierdzenie człowieka obok odczytu maszyny; '
             'zostaje po ponownej analizie dokumentu. Eksport jako dane uczące: '
             '<code>kronika corrections export</code>.</p>{}', table)
    return Page("Poprawki", body, "/corrections")


def error_page(status: str, message: str) -> Page:
    return Page(status, h('<h1>{}</h1><p>{}</p><p><a href="/">Wróć do listy dokumentów</a></p>', status, message))
