"""A plain, readable rendering of an analysis for the terminal (``--format text``, ``kronika demo``)."""

from __future__ import annotations

from collections import defaultdict

from kronika.model import Analysis

_TYPE_NAMES = {
    "PERSON": "Osoby", "PLACE": "Miejsca", "COUNTRY": "Państwa", "ORGANIZATION": "Organizacje",
    "MILITARY_UNIT": "Jednostki wojskowe", "EVENT": "Wydarzenia nazwane", "DOCUMENT": "Dokumenty",
}


def _clip(text: str, width: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render_text(analysis: Analysis) -> str:
    doc = analysis.document
    words = sum(1 for t in analysis.tokens if t.text[:1].isalnum())
    lines = [
        f"Dokument {doc.id}" + (f" — {doc.title}" if doc.title else "") + (f" (data: {doc.dct})" if doc.dct else ""),
        f"  {len(doc.text)} znaków, {words} słów, {len(analysis.sentences)} zdań, "
        f"{len(analysis.entities)} nazw, {len(analysis.timexes)} wyrażeń czasu, {len(analysis.events)} zdarzeń",
    ]
    by_type: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for entity in analysis.entities:
        if entity.parent is None:
            by_type[entity.type][entity.lemma].append(entity.start)
    for entity_type, label in _TYPE_NAMES.items():
        if by_type.get(entity_type):
            mentions = by_type[entity_type].items()
            names = ", ".join(f"{lemma} ×{len(s)}" if len(s) > 1 else lemma for lemma, s in mentions)
            lines.append(f"\n{label}: {_clip(names, 400)}")
    places = [e for e in analysis.entities if e.geo]
    if places:
        lines.append("\nNa mapie:")
        seen: set[str] = set()
        for entity in places:
            geo = entity.geo or {}
            if entity.lemma in seen:
                continue
            seen.add(entity.lemma)
            lines.append(f"  {entity.lemma:<20} {geo.get('lat', 0):8.3f} {geo.get('lon', 0):8.3f}  "
                         f"dziś {geo.get('name')} ({geo.get('country_now')}), w 1939: {geo.get('country_1939')}")
    if analysis.timexes:
        lines.append("\nCzas:")
        for timex in analysis.timexes:
            lines.append(f"  {timex.value:<24} {timex.type:<8} „{timex.text}” [{timex.start}–{timex.end}]")
    if analysis.events:
        lines.append("\nZdarzenia (oś czasu):")
        for event in sorted(analysis.events, key=lambda e: (e.time is None, e.time or "", e.trigger_start)):
            places_text = ", ".join(p.lemma for p in event.places)
            who = ", ".join(p.lemma for p in event.participants)
            lines.append(f"  {event.time or '?':<24} {event.type:<17} {event.trigger_text}"
                         + (f" — {places_text}" if places_text else "") + (f" — {who}" if who else ""))
            lines.append(f"      ↳ „{_clip(doc.text[event.sentence[0]:event.sentence[1]], 110)}”")
    return "\n".join(lines)
