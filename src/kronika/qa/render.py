"""TIMEX3 values as Polish readers write them: ``1939-09-18/1939-09-19`` → *18–19 września 1939*."""

from __future__ import annotations

import re

MONTHS_GENITIVE = ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
                   "września", "października", "listopada", "grudnia")
MONTHS_NOMINATIVE = ("styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień",
                     "wrzesień", "październik", "listopad", "grudzień")
_DATE = re.compile(r"(?P<year>\d{4}|XXXX)(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?(?P<rest>T.*)?")
_PARTS_OF_DAY = {"TNI": "w nocy", "TMO": "rano", "TAF": "po południu", "TEV": "wieczorem"}


def _single(value: str) -> str:
    match = _DATE.fullmatch(value)
    if not match:
        return value
    year, month, day, rest = match["year"], match["month"], match["day"], match["rest"]
    year_text = "" if year == "XXXX" else year
    if month is None:
        return f"{year_text} rok".strip()
    if day is None:
        return f"{MONTHS_NOMINATIVE[int(month) - 1]} {year_text}".strip()
    text = f"{int(day)} {MONTHS_GENITIVE[int(month) - 1]} {year_text}".strip()
    if rest:
        hour = re.fullmatch(r"T(\d{2})(?::(\d{2}))?", rest)
        if hour:
            text += f", godz. {int(hour[1])}:{hour[2] or '00'}"
        elif rest in _PARTS_OF_DAY:
            text += f" {_PARTS_OF_DAY[rest]}"
    return text


def render_timex(value: str) -> str:
    """A readable Polish date for a TIMEX3 value; unknown shapes come back unchanged."""
    if "/" in value:
        first, last = value.split("/", 1)
        a, b = _DATE.fullmatch(first), _DATE.fullmatch(last)
        if a and b and a["day"] and b["day"] and a["year"] == b["year"] and a["month"] == b["month"]:
            return f"{int(a['day'])}–{_single(last)}"
        return f"{_single(first)} – {_single(last)}"
    return _single(value)
