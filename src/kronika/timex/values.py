"""TIMEX3 values: the grammar they must fit, and the calendar arithmetic used to anchor them."""

from __future__ import annotations

import re
from datetime import date, timedelta

_YEAR = r"(?:\d{4}|XXXX)"
_DATE = (
    rf"(?:{_YEAR}(?:-(?:\d\d|XX)(?:-(?:\d\d|XX)(?:-H[12])?|-H[12])?|-W(?:\d\d|XX)(?:-[1-7WE]{{1,2}})?"
    rf"|-(?:SP|SU|FA|WI)|-Q[1-4]|-H[12])?|\d{{3}}|\d{{2}}(?:-H[12])?|BC\d{{4}}|BC\d{{2}})"
)
_TIME = r"T(?:\d\d(?::\d\d)?|MO|MI|AF|EV|NI|DT)"
_NUMBER = r"(?:\d+(?:\.\d+)?|X)"
_PART_OF_DAY = r"(?:MO|MI|AF|EV|NI)"
_DURATION = (
    rf"(?:P(?:{_NUMBER}(?:Y|M|W|D|DE|CE|WE|Q))+(?:T(?:{_NUMBER}[HMS])+)?|PT(?:{_NUMBER}[HMS])+"
    rf"|PT{_NUMBER}{_PART_OF_DAY})"  # "PT1NI": a whole night
)
_POINT = rf"(?:{_DATE}(?:{_TIME})?|PRESENT_REF|PAST_REF|FUTURE_REF)"
VALUE_GRAMMAR = re.compile(
    rf"^(?:{_POINT}(?:/{_POINT})?|{_DURATION}|XXXX-XX-XX{_TIME}|{_TIME}|VAGUE)$"
)
MODS = frozenset({"START", "MID", "END", "APPROX", "MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE",
                  "EQUAL_OR_LESS", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"})


def is_timex3_value(value: str) -> bool:
    """Whether ``value`` is a TIMEX3 value this project emits (ISO 8601 with TimeML extensions; a bare time
    of day, ``T18:00``, only in the KPWr convention)."""
    return bool(VALUE_GRAMMAR.match(value))


def parse_iso_date(text: str | None) -> date | None:
    """``'2006-09-06'`` → a date; None for a missing or malformed creation date."""
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def add_months(day: date, months: int) -> tuple[int, int]:
    """(year, month) ``months`` after the month of ``day``."""
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def shift_date(day: date, amount: int, unit: str) -> date:
    """``day`` moved by ``amount`` days, weeks, months or years (month ends are clamped)."""
    if unit == "D":
        return day + timedelta(days=amount)
    if unit in ("W", "WE"):
        return day + timedelta(weeks=amount)
    months = amount * {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}.get(unit, 0)
    year, month = add_months(day, months)
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month, last) if 1 <= year <= 9999 else day
        except ValueError:
            continue
    return day


def easter(year: int) -> date:
    """Easter Sunday of ``year`` in the Gregorian calendar (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def roman_to_int(numeral: str) -> int:
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    total = 0
    for i, char in enumerate(numeral):
        value = values[char]
        total += -value if i + 1 < len(numeral) and values[numeral[i + 1]] > value else value
    return total
