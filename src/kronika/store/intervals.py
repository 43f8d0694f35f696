"""TIMEX3 values as closed intervals of ISO dates, so a date range query is an overlap test.

``1939-09`` → ``("1939-09-01", "1939-09-30")``; ``1939-09-29/1939-09-30`` → its ends; a week, quarter,
season, decade or century → its first and last day. Values without a calendar anchor (``XXXX-09-17``,
durations, sets, ``PRESENT_REF``) have no interval.
"""

from __future__ import annotations

import datetime as dt
import re

from kronika.edtf import CENTURY, DECADE, HALF, QUARTER, SEASON, SEASON_MONTHS, WEEK, month_span

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"(\d{4})")

Interval = tuple[str, str]


def _point_interval(value: str) -> Interval | None:
    try:
        if match := _DAY.fullmatch(value):
            day = dt.date(int(match[1]), int(match[2]), int(match[3]))
            return day.isoformat(), day.isoformat()
        if match := _MONTH.fullmatch(value):
            month = int(match[2])
            return month_span(int(match[1]), month, month) if 1 <= month <= 12 else None
        if match := _YEAR.fullmatch(value):
            return f"{match[1]}-01-01", f"{match[1]}-12-31"
        if match := WEEK.fullmatch(value):
            monday = dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)
            first = monday + dt.timedelta(days=5) if value.endswith("-WE") else monday
            return first.isoformat(), (monday + dt.timedelta(days=6)).isoformat()
        if match := QUARTER.fullmatch(value):
            quarter = int(match[2])
            return month_span(int(match[1]), 3 * quarter - 2, 3 * quarter)
        if match := HALF.fullmatch(value):
            half = int(match[2])
            return month_span(int(match[1]), 6 * half - 5, 6 * half)
        if match := SEASON.fullmatch(value):
            return month_span(int(match[1]), *SEASON_MONTHS[match[2]])
        if match := DECADE.fullmatch(value):
            return f"{match[1]}0-01-01", f"{match[1]}9-12-31"
        if match := CENTURY.fullmatch(value):
            return f"{match[1]}00-01-01", f"{match[1]}99-12-31"
    except ValueError:  # 1939-02-30, week 54
        return None
    return None


def timex_interval(value: str | None) -> Interval | None:
    """The first and last day a TIMEX3 value covers, or None when it names no calendar span."""
    if not value:
        return None
    if "/" in value:
        first, _, last = value.partition("/")
        begin, end = _point_interval(first), _point_interval(last)
        if begin is None or end is None or begin[0] > end[1]:
            return None
        return begin[0], end[1]
    return _point_interval(value)


def overlaps(a: Interval, b: Interval) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def query_interval(date_from: str | None, date_to: str | None) -> Interval | None:
    """A query range from two TIMEX3-like bounds (``1939``, ``1939-09``, ``1939-09-17``); either may be
    open. Raises ValueError for a bound that is not a date."""
    if date_from is None and date_to is None:
        return None
    begin, end = "0000-01-01", "9999-12-31"
    if date_from is not None:
        span = timex_interval(date_from)
        if span is None:
            raise ValueError(f"not a date: {date_from!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
        begin = span[0]
    if date_to is not None:
        span = timex_interval(date_to)
        if span is None:
            raise ValueError(f"not a date: {date_to!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
        end = span[1]
    return begin, end
