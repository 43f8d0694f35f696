"""TIMEX3 values as EDTF (Extended Date/Time Format, ISO 8601-2), keeping exactly the precision of the text.

``1939-09-20`` stays a day; *około 20 września* (``mod=APPROX``) becomes ``1939-09-20~``; a season
``1939-FA`` becomes ``1939-23``; a decade ``193`` becomes ``193X``; *przed 1 września* (``BEFORE``) the
open interval ``../1939-09-01``; *na początku października* (``START``) the first third of the month,
approximate: ``1939-10-01~/1939-10-10~``; *300 r. p.n.e.* (``BC0300``) the astronomical year ``-0299``.
A value without a calendar reading (durations, sets, ``PRESENT_REF``) has no EDTF. A date carried over
from the narrative rather than stated is uncertain (``?``). Shared by the contract JSON and every export.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

_DAY = re.compile(r"(\d{4}|XXXX)-(\d{2})-(\d{2})")
_DAY_TIME = re.compile(r"(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?")
_DAY_PART = re.compile(r"(\d{4}-\d{2}-\d{2})T(?:MO|MI|AF|EV|NI|DT)")  # a part of the day: the day itself
_MONTH = re.compile(r"(\d{4}|XXXX)-(\d{2})")
_YEAR = re.compile(r"\d{4}")
BC_YEAR = re.compile(r"BC(\d{4})")
DECADE = re.compile(r"(\d{3})X?")
CENTURY = re.compile(r"(\d{2})(?:XX)?")
WEEK = re.compile(r"(\d{4})-W(\d{2})(?:-WE)?")
QUARTER = re.compile(r"(\d{4})-Q([1-4])")
HALF = re.compile(r"(\d{4})-H([12])")
SEASON = re.compile(r"(\d{4})-(SP|SU|FA|WI)")
# EDTF level 1 season codes (21 spring … 24 winter); quarters and halves are level 2 (33–36, 40–41)
SEASON_CODES = {"SP": "21", "SU": "22", "FA": "23", "WI": "24"}
# Meteorological seasons as (first month, last month); winter runs into the next year.
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
QUARTER_BASE, HALF_BASE = 32, 39

# TIMEX3 mods that turn a point into an open interval
OPEN_START = {"BEFORE", "ON_OR_BEFORE"}
OPEN_END = {"AFTER", "ON_OR_AFTER"}
APPROXIMATE = {"APPROX"}
THIRDS = {"START": 0, "MID": 1, "END": 2}


def month_span(year: int, first: int, last: int) -> tuple[str, str]:
    """The first and last day of months ``first``..``last`` of ``year``; a ``last`` past 12 runs into the
    next year (winter: 12..14)."""
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    last_day = calendar.monthrange(end_year, end_month)[1]
    return f"{year:04d}-{first:02d}-01", f"{end_year:04d}-{end_month:02d}-{last_day:02d}"


def _point(value: str) -> str | None:
    """EDTF of one TIMEX3 point value, as precise as the value; None when it has no calendar reading."""
    if match := _DAY_PART.fullmatch(value):
        return match[1]
    if match := _DAY_TIME.fullmatch(value):
        if match[2] == "24":  # midnight at the end of a day is the start of the next
            try:
                day = dt.date.fromisoformat(match[1]) + dt.timedelta(days=1)
            except (ValueError, OverflowError):  # not a day, or midnight ending 9999-12-31
                return None
            return f"{day.isoformat()}T00:{match[3]}:{match[4] or '00'}"
        return f"{match[1]}T{match[2]}:{match[3]}:{match[4] or '00'}"
    if _DAY.fullmatch(value) or _MONTH.fullmatch(value) or _YEAR.fullmatch(value):
        return value
    if match := SEASON.fullmatch(value):
        return f"{match[1]}-{SEASON_CODES[match[2]]}"
    if match := QUARTER.fullmatch(value):
        return f"{match[1]}-{QUARTER_BASE + int(match[2])}"
    if match := HALF.fullmatch(value):
        return f"{match[1]}-{HALF_BASE + int(match[2])}"
    if match := WEEK.fullmatch(value):
        try:
            monday = dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)
        except ValueError:
            return None
        first = monday + dt.timedelta(days=5) if value.endswith("-WE") else monday
        return f"{first.isoformat()}/{(monday + dt.timedelta(days=6)).isoformat()}"
    if match := DECADE.fullmatch(value):
        return f"{match[1]}X"
    if match := CENTURY.fullmatch(value):
        return f"{match[1]}XX"
    if (match := BC_YEAR.fullmatch(value)) and int(match[1]) > 0:
        # ISO 8601 counts years astronomically: 1 BC is year 0, so 300 BC is -0299
        year = int(match[1]) - 1
        return f"-{year:04d}" if year else "0000"
    return None


def _third(value: str, index: int) -> str | None:
    """The first, middle or last third of a month, year, decade or century (START, MID, END)."""
    if match := _MONTH.fullmatch(value):
        if match[1] == "XXXX":
            return None
        year, month = int(match[1]), int(match[2])
        last = calendar.monthrange(year, month)[1]
        bounds = [(1, 10), (11, 20), (21, last)][index]
        return f"{value}-{bounds[0]:02d}/{value}-{bounds[1]:02d}"
    if _YEAR.fullmatch(value):
        first, last = [(1, 4), (5, 8), (9, 12)][index]
        return f"{value}-{first:02d}/{value}-{last:02d}"
    if match := DECADE.fullmatch(value):
        first, last = [(0, 3), (4, 6), (7, 9)][index]
        return f"{match[1]}{first}/{match[1]}{last}"
    if match := CENTURY.fullmatch(value):
        first, last = [(0, 33), (34, 66), (67, 99)][index]
        return f"{match[1]}{first:02d}/{match[1]}{last:02d}"
    return None


def _interval_end(point: str, last: bool) -> str:
    """One end of an interval: EDTF intervals hold dates, so a time of day gives its day."""
    end = point.split("/")[-1 if last else 0]
    return end.split("T")[0]


def _qualify(edtf: str, mark: str) -> str:
    """``~``/``?``/``%`` on every end of a point or interval (open ends stay open)."""
    if not mark:
        return edtf
    # EDTF qualifies dates, not times of day: a qualified time gives its day
    return "/".join(part if part in ("..", "") else part.split("T")[0] + mark for part in edtf.split("/"))


def timex_to_edtf(value: str | None, mod: str | None = None, uncertain: bool = False) -> str | None:
    """The EDTF string of a TIMEX3 ``value`` with its ``mod``; ``uncertain`` marks a date not stated in
    the text (carried over from the narrative) with ``?``."""
    if not value:
        return None
    mod = (mod or "").upper()
    if "/" in value:
        first, _, last = value.partition("/")
        begin, end = _point(first), _point(last)
        if begin is None or end is None:
            return None
        first_day, last_day = _interval_end(begin, False), _interval_end(end, True)
        edtf = first_day if first_day == last_day else f"{first_day}/{last_day}"
    elif mod in THIRDS:
        edtf = _third(value, THIRDS[mod])
        if edtf is None:
            return None
        mod = "APPROX"
    else:
        point = _point(value)
        if point is None:
            return None
        if mod in OPEN_START:
            edtf = f"../{_interval_end(point, False)}"
        elif mod in OPEN_END:
            edtf = f"{_interval_end(point, True)}/.."
        else:
            edtf = point
    approximate = mod in APPROXIMATE
    mark = "%" if approximate and uncertain else "~" if approximate else "?" if uncertain else ""
    return _qualify(edtf, mark)


_EDTF_SUB_YEAR = re.compile(r"(\d{4})-(2[1-4]|3[3-6]|4[01])")
# first and last month of EDTF sub-year groupings (seasons 21–24, quarters 33–36, halves 40–41)
_SUB_YEAR_MONTHS = {**{int(SEASON_CODES[season]): months for season, months in SEASON_MONTHS.items()},
                    33: (1, 3), 34: (4, 6), 35: (7, 9), 36: (10, 12), 40: (1, 6), 41: (7, 12)}


def qualifiers(edtf: str) -> str:
    """The qualification marks of an EDTF string (``~``, ``?``, ``%``), once each."""
    return "".join(mark for mark in "~?%" if mark in edtf)


def bounds(part: str) -> tuple[str, str] | None:
    """The earliest and latest W3C date (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) one unqualified EDTF point
    covers: a year with unspecified digits (``193X``) as years, a season or quarter as days."""
    if match := _EDTF_SUB_YEAR.fullmatch(part):
        return month_span(int(match[1]), *_SUB_YEAR_MONTHS[int(match[2])])
    if re.fullmatch(r"\d{1,3}X{1,3}", part) and len(part) == 4:
        return part.replace("X", "0"), part.replace("X", "9")
    if re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}:\d{2})?)?)?", part):
        return part, part
    return None
