"""The store's events as one CSV table (RFC 4180: CRLF line ends, quoted where needed; UTF-8), one row
per event in document and text order, for spreadsheets and pandas."""

from __future__ import annotations

import csv
import io

from kronika.store import Argument, EventRecord

COLUMNS = ("document", "document_title", "event", "type", "time", "begin", "end", "time_inherited",
           "trigger", "trigger_start", "trigger_end", "places", "participants",
           "sentence_start", "sentence_end", "sentence")
LIST_SEPARATOR = "; "


def _arguments(arguments: tuple[Argument, ...]) -> str:
    return LIST_SEPARATOR.join(f"{a.lemma} ({a.role})" if a.role else a.lemma for a in arguments)


def event_row(event: EventRecord) -> dict[str, object]:
    begin, end = event.interval or ("", "")
    return {
        "document": event.document, "document_title": event.sentence.title or "", "event": event.local_id,
        "type": event.type, "time": event.time or "", "begin": begin, "end": end,
        "time_inherited": "yes" if event.time_inherited else "no", "trigger": event.trigger_text,
        "trigger_start": event.trigger_start, "trigger_end": event.trigger_end,
        "places": _arguments(event.places), "participants": _arguments(event.participants),
        "sentence_start": event.sentence.start, "sentence_end": event.sentence.end,
        "sentence": event.sentence.text,  # exactly document[sentence_start:sentence_end]
    }


def events_to_csv(events: list[EventRecord]) -> str:
    """A header and one row per event. ``places``/``participants`` are base forms joined by ``; ``, a
    participant's role in parentheses; ``begin``/``end`` the first and last day the time covers."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(event_row(event) for event in events)
    return buffer.getvalue()
