"""The store's dated events as TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html).

Dates keep the precision of the text: ``1939`` → ``{"year": 1939}``, ``1939-09`` → year and month,
``1939-09-17T03:00`` → down to the minute; a range ``1939-09-18/1939-09-19`` gives ``end_date``. Values
without a calendar date (``XXXX-09-17``, durations) are left out; weeks, seasons and quarters become
their first and last day with the TIMEX3 value as ``display_date``. TimelineJS renders ``text`` as
HTML, so everything taken from documents is escaped. Events the text denies or only supposes are left
out; an announced or reported event carries its ``modality`` and says so in its headline.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape
from typing import Any

from kronika.export.modality import ASSERTED, LABELS, happened
from kronika.store import EventRecord

_POINT = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2})"
                    r"(?:T(?P<hour>\d{2}):(?P<minute>\d{2}))?)?)?")
_DAY_PART = re.compile(r"(\d{4}-\d{2}-\d{2})T(?:MO|AF|EV|NI|DT)")  # TIMEX3 parts of day: keep the date


def timeline_date(value: str) -> dict[str, int] | None:
    """A TimelineJS date object for one TIMEX3 point value, as precise as the value; None otherwise."""
    if match := _DAY_PART.fullmatch(value):
        value = match[1]
    match = _POINT.fullmatch(value)
    if match is None:
        return None
    return {unit: int(number) for unit, number in match.groupdict().items() if number is not None}


def _dates(event: EventRecord) -> tuple[dict[str, Any], dict[str, Any] | None] | None:
    if event.time is None or event.interval is None:
        return None
    first, _, last = event.time.partition("/")
    start, end = timeline_date(first), timeline_date(last) if last else None
    if start is not None and (end is not None or not last):
        return start, end
    # A week, season, quarter or decade: its first and last day, labelled with the value.
    start, end = timeline_date(event.interval[0]), timeline_date(event.interval[1])
    if start is None or end is None:
        return None
    return {**start, "display_date": event.time}, end


def timeline_event(event: EventRecord, edtf: str | None = None) -> dict[str, Any] | None:
    dates = _dates(event)
    if dates is None or not happened(event.modality):
        return None
    names = ", ".join(dict.fromkeys(a.lemma for a in event.participants + event.places))
    headline = f"{event.trigger_text} ({names})" if names else event.trigger_text
    if event.modality != ASSERTED:
        headline = f"{headline} — {LABELS[event.modality]}"
    citation = event.sentence
    source = escape(citation.title or citation.document)
    item: dict[str, Any] = {
        "start_date": dates[0],
        "text": {"headline": escape(headline),
                 "text": f"<p>{escape(citation.text)}</p>"
                         f"<p><small>{source}, {citation.start}–{citation.end}</small></p>"},
        "group": event.type,
        "unique_id": f"{event.document}-{event.local_id}",
    }
    if event.modality != ASSERTED:
        item["modality"] = event.modality
    if dates[1] is not None:
        item["end_date"] = dates[1]
    if edtf:  # the date as the text gives it: approximate (~), carried over (?), open ends
        item["edtf"] = edtf
        if any(mark in edtf for mark in "~?%") or ".." in edtf:
            item["start_date"] = {**item["start_date"], "display_date": edtf}
    return item


def events_to_timeline(events: list[EventRecord], title: str, subtitle: str = "",
                       edtf: Callable[[EventRecord], str | None] | None = None) -> dict[str, Any]:
    """The timeline of every event that has a calendar date and happened (asserted, announced or
    reported), in the store's order (TimelineJS sorts);
    ``edtf`` gives each event's EDTF, shown as the display date when the text was not precise."""
    items = [item for event in events
             if (item := timeline_event(event, edtf(event) if edtf else None)) is not None]
    return {"title": {"text": {"headline": escape(title), "text": escape(subtitle)}}, "events": items}
