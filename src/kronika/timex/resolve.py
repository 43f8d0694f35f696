"""Phase two: join neighbouring expressions, anchor underspecified ones, and write TIMEX3 values.

Anchoring follows HeidelTime's "narratives" strategy: a date without a year takes it from the most recent
date the text spoke of (its timex id becomes the ``anchor``), else from the document creation date;
news-style deixis (*wczoraj*, *w przyszłym roku*) counts from the creation date; what nothing anchors
keeps ``X`` placeholders (``XXXX-09-22``).
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from kronika.model import Sentence, Timex
from kronika.morph import get_morphology
from kronika.timex.grammar import Grammar
from kronika.timex.match import DATELINE_PLACE, DATELINE_TITLE_PLACE, Candidate, Point
from kronika.timex.values import easter, iso_week, parse_iso_date, shift_date

_CLOCK_UNITS = {"H": "H", "MIN": "M", "S": "S", "NI": "NI"}  # a part of the day counts after T: "PT1NI"
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
# units an amount of time is told in from the largest down ("2 godziny 15 minut", "3 lata i 4 miesiące")
_UNIT_ORDER = {"Y": 0, "M": 1, "D": 3, "H": 4, "MIN": 5, "S": 6}
_AMOUNT_GLUE = re.compile(r"\s{0,3}(?:,\s{0,3}|(?:i|oraz)\s{1,3})?")
_BARE_YEAR_AHEAD = 10  # a bare number more years than this after the creation date is not a year
# between a yearly set and its month: "co roku w grudniu", "w maju każdego roku"
_YEARLY_MONTH_GLUE = re.compile(r"\s{1,3}(?:we?\s{1,3})?")
_AS_EVERY = re.compile(r"(?<![^\W_])jak\s{1,3}$")  # "jak co roku": as every year, this year's occurrence
_WORD = re.compile(r"[^\W\d_]+")
# a clause ends at a stop, but not at a dot before a number: a clock time ("15.00"), an abbreviation ("w d. 19")
_CLAUSE_END = re.compile(r"[!?;\n]|\.(?!\s{0,2}\d)")
# a comma and a coordinating or subordinating conjunction open a clause of its own (with its own verb)
_CLAUSE_JOIN = re.compile(
    r",\s{0,3}(?:a|ale|lecz|zaś|natomiast|jednak|gdy|kiedy|bo|ponieważ|że|choć|chociaż|jeśli|jeżeli|"
    r"który|która|które|którego|której|których|którym|którą)(?![^\W_])")
_COORDINATION = re.compile(r"\s{0,3}(?:,|\s(?:i|oraz|lub|albo|a))\s{1,3}")
_ATTRIBUTIVE = re.compile(r"(?<![^\W_])(?:z|ze|sprzed)\s{1,3}$")
_WEEKDAY_OF_WEEK = re.compile(r"\s{1,3}we?\s{1,3}")
# a fraction of a unit counted in a smaller one ("pół roku" in months, "ćwierć wieku" in years)
_SMALLER = {"Y": ("M", 12), "W": ("D", 7), "DE": ("Y", 10), "CE": ("Y", 100)}
_EVENT_REACH = 300  # characters back in which an event's day counts as just told
_SENTENCE_STOP = re.compile(r"[.!?](?=\s{1,3}[^\W\d_])(?=\s{1,3}[A-ZĄĆĘŁŃÓŚŹŻ])|\n")
# "obradowała wczoraj do godz. 0.20": lasting until a small hour, the end falls after that day's midnight
_CLOCK_VALUE = re.compile(r"T\d\d:\d\d")
_UNTIL = re.compile(r"(?<![^\W_])do\s{1,3}$")
# "od dnia 1 października", "do końca wakacji tj. 31 sierpnia": a day that opens or closes a period
_PERIOD_BEFORE = re.compile(r"(?<![^\W_])(od|do)(?![^\W_])[^,;]{0,30}$")
_EVENING_OR_NIGHT = re.compile(r"\d{4}-\d\d-\d\dT(?:NI|1[2-9]|2[0-4])")  # a time from noon to midnight
# a press report's dateline: a place in capitals before the date ("KOWNO, 1 lipca. — Wczoraj …"), or
# before an agency in brackets ("BERLIN, (PAT). —"), which opens a report without a date of its own
_UPPER = "A-ZĄĆĘŁŃÓŚŹŻ"
# after the date: a dash, or the agency or wire in brackets ("(Pat.)", "(Tel. wł.)") and the report
_DATELINE_END = re.compile(
    rf"\.?\s{{0,2}}(?:[—–-]|\([^()]{{2,16}}\)\.?\s{{0,2}}(?:[—–-]|[{_UPPER}]))|\.?\s{{1,2}}(?=[{_UPPER}(])"
)
_NEAR_ACROSS_YEAR = timedelta(days=62)  # a date a narrative tells next may cross the year's end within this
_HEADING_REACH = 40  # characters a heading's line may hold beside its date
# what may follow a heading's date on its line: a full stop, a weekday ("12 września 1939. Wtorek.")
_HEADING_REST = re.compile(r"[.,]?\s{0,3}(?:[^\W\d_]{4,13}\.?)?\s*")
# what may stand before it: the place a letter is written from and "dnia" ("Wilno, d. 17.XI.1926 r.")
_HEADING_LEAD = re.compile(
    rf"\s*(?:[{_UPPER}][^\W\d_]{{1,24}}(?:[ -][^\W\d_]{{1,24}}){{0,2}},\s{{0,3}})?(?:(?:dnia|dn\.|d\.)\s{{0,3}})?")
_AGENCY_DATELINE = re.compile(rf"[{_UPPER}]{{3,}}[,.]?\s{{0,2}}\([^()]{{2,12}}\)\.?\s{{0,2}}[—–-]")


def _merge_points(first: Point, second: Point) -> Point:
    """A date and the clock time or part of day written after it, as one point."""
    merged = replace(first)
    for name in ("hour", "minute", "part"):
        if getattr(second, name) is not None:
            setattr(merged, name, getattr(second, name))
    for name in ("year", "month", "day", "yearshift", "monthshift"):
        if getattr(merged, name) is None and getattr(second, name) is not None:
            setattr(merged, name, getattr(second, name))
    if second.day is not None:  # "wtorek 6 października": the date says more; the weekday still picks its year
        merged.shift = None
    return merged


def _with_day_half(clock: Point, part: str) -> Point:
    """A clock time read on the 24-hour dial: "8 wieczorem" is 20:00, "10 w nocy" 22:00, "3 w nocy" 03:00,
    "12 w nocy" 24:00."""
    hour = clock.hour or 0
    if hour < 12 and (part in ("AF", "EV") or part == "NI" and hour >= 6) or hour == 12 and part == "NI":
        hour += 12  # "12 w nocy" is midnight, the end of the day (T24:00)
    return replace(clock, hour=hour)


def _bare_month(point: Point) -> bool:
    """A month, or a day of it, named without a year or a shift ("w grudniu", "11 listopada")."""
    return point.month is not None and point == Point(month=point.month, day=point.day)


def _weekly(point: Point) -> bool:
    """A set of one weekday in every week ("w soboty", "co niedzielę") or of every day ("codziennie"): a
    clock time or a part of the day after it holds for each."""
    return point.weekday is not None or (point.set or "").startswith("XXXX-WXX-") or point.set == "P1D"


def _in_order(first: Point, second: Point) -> bool:
    """Two written amounts of time whose units run downwards, the second a smaller one: one amount."""
    last = first.more[-1][1] if first.more else first.unit
    if not (first.num and second.num and "X" not in (first.num, second.num) and second.more == ()):
        return False
    return last in _UNIT_ORDER and second.unit in _UNIT_ORDER and _UNIT_ORDER[last] < _UNIT_ORDER[second.unit]


def _glue(grammar: Grammar, name: str, text: str, start: int, end: int) -> bool:
    return start <= end and grammar.compiled_macro(name).fullmatch(text, start, end) is not None


_APPROX_GLUE = re.compile(r"(?<![^\W_])(?:około|ok\.|koło)(?![^\W_])")


def _take_hedge(previous: Candidate, clock: Candidate, lower: str) -> None:
    """A clock time joined to its day: a hedge on the clock or in the glue before it is the whole's."""
    if previous.mod is None:
        approx = _APPROX_GLUE.search(lower, previous.end, clock.start)
        previous.mod = clock.mod or ("APPROX" if approx else None)


def _sentence_between(text: str, first: Candidate, second: Candidate) -> bool:
    """A full stop ends ``first`` (its "r." or the day's dot) and a capital opens ``second``: a new sentence
    ("Wyjechali 6 września 1939 r. Wieczorem dotarli…"), whose part of the day is not the date's."""
    return text[first.end - 1] == "." and text[second.start].isupper()


def merge(candidates: list[Candidate], text: str, lower: str, grammar: Grammar) -> list[Candidate]:
    """Join a weekday with the date after it, a date with its clock time or part of the day, and the
    two ends of a range ("od kwietnia do czerwca", "23 marca – 3 kwietnia 2009")."""
    result: list[Candidate] = []
    for candidate in candidates:
        previous = result[-1] if result else None
        if (
            previous is not None and not previous.range and candidate.range and previous.type == "DATE"
            and previous.points[-1].has_date and all(p.is_time_only for p in candidate.points)
            and _glue(grammar, "glueTime", lower, previous.end, candidate.start)
        ):  # "wtorek 6 października godzina 15.00 – 16.00": the date holds for both ends
            candidate.points = [_merge_points(previous.points[-1], p) for p in candidate.points]
            candidate.spans[0] = (previous.start, candidate.spans[0][1])
            candidate.start, candidate.mod = previous.start, candidate.mod or previous.mod
            candidate.merged.append(previous.rule)
            result[-1] = candidate
            continue
        if (
            previous is not None and previous.range and not candidate.range and previous.type == "TIME"
            and previous.points[-1].hour is not None and candidate.points[0].part is not None
            and candidate.points[0].hour is None and not candidate.points[0].has_date
            and not lower[previous.end:candidate.start].strip()
        ):  # "od godz. 9 rano do godz. 9 wieczór": the part of the day says which half of the range's end
            previous.points[-1] = _with_day_half(previous.points[-1], candidate.points[0].part or "")
            previous.end = candidate.end
            previous.spans[-1] = (previous.spans[-1][0], candidate.end)
            previous.merged.append(candidate.rule)
            continue
        yearly = (previous, candidate) if previous is not None and previous.type == "SET" else (candidate, previous)
        if (
            previous is not None and not previous.range and not candidate.range
            and yearly[0].type == "SET" and yearly[0].points[0].set == "P1Y"
            and yearly[1].type == "DATE" and _bare_month(yearly[1].points[0])
            and _YEARLY_MONTH_GLUE.fullmatch(lower, previous.end, candidate.start)
            and not (yearly[0] is previous and _AS_EVERY.search(lower, max(0, previous.start - 12), previous.start))
        ):  # "co roku w grudniu", "11 listopada każdego roku": that month or day of every year ("jak co roku w
            # grudniu" compares this year's December with the others)
            point = yearly[1].points[0]
            day = f"-{point.day:02d}" if point.day else ""
            previous.type, previous.points = "SET", [replace(point, set=f"XXXX-{point.month:02d}{day}")]
            previous.end = candidate.end
            previous.spans[-1] = (previous.spans[-1][0], candidate.end)
            previous.merged.append(candidate.rule)
            continue
        if (
            previous is not None and previous.type == candidate.type == "DURATION" and not previous.range
            and not candidate.range and previous.measure is None and candidate.measure is None
            and _in_order(previous.points[0], candidate.points[0])
            and _AMOUNT_GLUE.fullmatch(lower, previous.end, candidate.start)
        ):  # "2 godziny 15 minut", "4 min. 10 sek.": one amount told in two units
            first = previous.points[0]
            first.more = (*first.more, (candidate.points[0].num or "1", candidate.points[0].unit or ""))
            previous.end = candidate.end
            previous.spans[-1] = (previous.spans[-1][0], candidate.end)
            previous.merged.append(candidate.rule)
            continue
        if (
            previous is not None and previous.type == "SET" and previous.points[0].set == "P1D"
            and candidate.points[0].is_time_only and candidate.points[0].hour is not None
            and _glue(grammar, "glueTime", lower, previous.end, candidate.start)
        ):  # "codziennie o 6 rano": an adverb of frequency and a clock phrase of its own, the clock no one day's
            # (a part of the day joins it, "codziennie rano"; a clock joins a weekday's set, "co niedzielę o 10")
            candidate.habitual = True
        elif (
            previous is not None and previous.type == "SET" and not candidate.range
            and _weekly(previous.points[0]) and not previous.points[0].has_clock
            and candidate.points[0].is_time_only and _glue(grammar, "glueTime", lower, previous.end, candidate.start)
        ):  # "w każdą sobotę o godz. 10", "co niedzielę wieczorem": the clock time of every such day
            previous.points[0] = _merge_points(previous.points[0], candidate.points[0])
            previous.end = candidate.end
            previous.spans[-1] = (previous.spans[-1][0], candidate.end)
            previous.merged.append(candidate.rule)
            continue
        if (
            previous is not None and previous.type == "SET" and _weekly(previous.points[0])
            and previous.points[0].hour is not None and candidate.points[0].part is not None
            and candidate.points[0].hour is None and not candidate.points[0].has_date
            and not lower[previous.end:candidate.start].strip()
        ):  # "w soboty o 8 wieczorem": the part of the day says which half
            previous.points[0] = _with_day_half(previous.points[0], candidate.points[0].part or "")
            previous.end = candidate.end
            previous.spans[-1] = (previous.spans[-1][0], candidate.end)
            previous.merged.append(candidate.rule)
            continue
        if (
            previous is not None and not previous.range and not candidate.range and previous.type == "DATE"
            and previous.points[0].direction is not None and previous.points[0].unit == "W"
            and previous.points[0].weekday is None and candidate.points[0].weekday is not None
            and candidate.points[0].day is None and candidate.points[0].shift is None
            and _WEEKDAY_OF_WEEK.fullmatch(lower, previous.end, candidate.start)
        ):  # "tydzień temu w piątek", "za dwa tygodnie we wtorek": that weekday of the week counted to
            previous.points[0] = _merge_points(replace(previous.points[0], weekday=candidate.points[0].weekday),
                                               candidate.points[0])
            previous.end = candidate.end
            previous.spans[-1] = (previous.spans[-1][0], candidate.end)
            previous.type = "TIME" if previous.points[0].has_clock else "DATE"
            previous.merged.append(candidate.rule)
            continue
        if previous is not None and not previous.range and not candidate.range:
            first, second = previous.points[-1], candidate.points[0]
            if (
                previous.type == "SET" and _weekly(first) and first.set != "P1D" and candidate.type == "DATE"
                and second.weekday is not None and second.day is None and second.shift is None
                and _COORDINATION.fullmatch(lower, previous.end, candidate.start)
            ):  # "w każdy wtorek i piątek": "każdy" holds for each weekday coordinated with its own
                candidate.type = "SET"
            dates = previous.type in ("DATE", "TIME") and candidate.type in ("DATE", "TIME")
            weekday_then_date = (
                dates and first.weekday is not None and first.day is None and second.day is not None
                and _glue(grammar, "glueDate", lower, previous.end, candidate.start)
            )
            date_then_clock = (
                dates and (first.has_date or previous.night) and not first.has_clock
                and second.is_time_only and _glue(grammar, "glueTime", lower, previous.end, candidate.start)
                and not _sentence_between(text, previous, candidate)
            )
            clock_then_part = (
                dates and first.hour is not None and second.part is not None and second.hour is None
                and not second.has_date and not lower[previous.end:candidate.start].strip()
            )
            weekday_after_date = (
                dates and first.has_date and first.weekday is None and second.weekday is not None
                and second.day is None and second.shift is None and not second.has_clock
                and _glue(grammar, "glueWeekdayAfter", lower, previous.end, candidate.start)
            )
            if weekday_after_date:  # "piątek" in "5 maja br. (piątek)" says nothing the date does not
                previous.end = candidate.end + (1 if lower[candidate.end:candidate.end + 1] == ")" else 0)
                previous.spans[-1] = (previous.spans[-1][0], previous.end)
                previous.merged.append(candidate.rule)
                continue
            if clock_then_part:  # "o godz. 8 rano", "o 9 wieczorem": the part of day says which half
                previous.points[-1] = _with_day_half(first, second.part or "")
                previous.end = candidate.end
                previous.spans[-1] = (previous.spans[-1][0], candidate.end)
                previous.merged.append(candidate.rule)
                continue
            part_then_clock = (
                dates and first.part is not None and first.hour is None and second.is_time_only
                and second.hour is not None and _glue(grammar, "glueTime", lower, previous.end, candidate.start)
            )
            if part_then_clock:  # "14 marca po południu o godz. 3": 15:00
                second = _with_day_half(second, first.part or "")
                _take_hedge(previous, candidate, lower)  # "onegdaj nad ranem, około godz. 4"
                previous.points[-1] = _merge_points(replace(first, part=None), second)
                previous.end = candidate.end
                previous.spans[-1] = (previous.spans[-1][0], candidate.end)
                previous.type = "TIME"
                previous.merged.append(candidate.rule)
                continue
            part_then_date = (
                dates and not previous.night and first.part is not None and first.hour is None
                and not first.has_date and first.month is None
                and second.has_date
                and not second.has_clock and not lower[previous.end:candidate.start].strip()
            )
            if part_then_date:  # "o świcie 8 września", "wieczorem tego dnia": the part of the day named next
                previous.points[-1] = replace(second, part=first.part)
                previous.end = candidate.end
                previous.spans[-1] = (previous.spans[-1][0], candidate.end)
                previous.merged.append(candidate.rule)
                continue
            if weekday_then_date or date_then_clock:
                previous.points[-1] = _merge_points(first, second)
                if date_then_clock:
                    _take_hedge(previous, candidate, lower)  # "wczoraj około godz. 2"
                if date_then_clock and first.dayshift is not None and _glue(
                        grammar, "afterMidnight", lower, candidate.start, candidate.end):
                    # "dziś po północy": the night after that day's midnight, on the next day's date
                    previous.points[-1].dayshift = (first.dayshift[0] + 1, first.dayshift[1])
                previous.end = candidate.end
                previous.spans[-1] = (previous.spans[-1][0], candidate.end)
                previous.type = "TIME" if previous.points[-1].has_clock else "DATE"
                previous.merged.append(candidate.rule)
                continue
            if (
                dates and first.year is None and first.yearshift is None and first.month is not None
                and first.day is None and (second.year is not None or second.yearshift is not None)
                and second.day is None and _COORDINATION.fullmatch(lower, previous.end, candidate.start)
            ):  # "w kwietniu i maju 1940 r.": the months share the year written once
                first.year, first.yearshift = second.year, second.yearshift
            if (
                dates and len(previous.points) == 1 and not previous.night
                and _is_range_glue(grammar, lower, previous, candidate)
                and first.is_time_only == second.is_time_only
            ):
                first.inherit(second)
                previous.points.append(second)
                previous.spans.append(candidate.spans[0])
                previous.end, previous.range = candidate.end, True
                previous.merged.append(candidate.rule)
                continue
        result.append(candidate)
    return result


def _is_range_glue(grammar: Grammar, lower: str, first: Candidate, second: Candidate) -> bool:
    between = lower[first.end:second.start]
    if not _glue(grammar, "glueRange", lower, first.end, second.start):
        return False
    if between.strip() in ("-", "–", "—"):
        return True
    opener = grammar.compiled_macro("rangeOpener")
    # "od" before the first end, or inside a time of day where it makes the expression ("od rana do wieczora")
    return opener.search(lower, max(0, first.start - 12), first.start) is not None or (
        lower.startswith("od ", first.start) and first.points[-1].is_time_only)


@dataclass
class _Reference:
    """The narrative time: what the text last spoke of, at each precision, with the timex saying it."""

    year: tuple[int, str] | None = None
    month: tuple[int, int, str] | None = None
    day: tuple[date, str] | None = None
    evening: bool = False  # the day spoken of has reached its evening: "godz. 0.20" is after midnight
    part: str | None = None  # the part of that day last spoken of: "w środę wieczorem … po godzinie 7" is 19:00
    clock: tuple[int, int, int] | None = None  # the last clock time on that day: hour, minute, where it ended

    def update(self, point: Point, resolved: date | None, year: int | None, month: int | None, tid: str) -> None:
        if year is not None:
            self.year = (year, tid)
            if month is not None:
                self.month = (year, month, tid)
                if resolved is not None:
                    if self.day is None or self.day[0] != resolved:
                        self.evening, self.part, self.clock = False, None, None
                    if point.part is not None:
                        self.part = point.part
                    self.day = (resolved, tid)
                    hour = point.hour if point.hour is not None else {"EV": 19, "NI": 22}.get(point.part or "")
                    if hour is not None:
                        self.evening = hour >= 18


class _Resolver:
    def __init__(
        self, text: str, dct: str | None, sentences: list[Sentence] | None, vague: str, ahead: frozenset[str],
    ) -> None:
        self.text = text
        self.ahead = ahead  # forms of verbs whose date lies after the act: "odroczono do 5 grudnia"
        self.dct = parse_iso_date(dct)
        self.sentences = sentences
        self.sentence_ends = [sentence.end for sentence in sentences or ()]  # in text order, for bisection
        self.reference = _Reference()
        self.report_day: date | None = None  # the date of the report's dateline: "wczoraj" counts from it
        self.report_tid: str | None = None  # the id of that date's timex
        self.vague = vague  # how a duration of an unknown amount is written: "PX" or "VAGUE"
        self.days_told: list[tuple[int, int, date, str]] = []  # start, end, day and id of each dated timex

    # --- bases -------------------------------------------------------------------------------------
    @property
    def now(self) -> date | None:
        """The day deixis counts from: the report's dateline, else the document's creation date."""
        return self.report_day or self.dct

    def base_day(self, base: str) -> tuple[date | None, str | None]:
        ref = self.reference.day
        if base == "ref" and ref:
            return ref
        if self.dct:
            return self.dct, None
        return ref if ref else (None, None)

    def base_year(self, base: str) -> tuple[int | None, str | None]:
        ref = self.reference.year
        if base == "ref" and ref:
            return ref
        if self.dct:
            return self.dct.year, None
        return ref if ref else (None, None)

    def narrative_year(
        self, start: int, end: int, month: int, day: int | None, dateline: bool = False,
    ) -> tuple[int | None, str | None]:
        """The year of a date written without one. Narrative time when the text has been telling dated
        events (a date with a month: the latest such date or year mentioned since), unless that puts an
        event told in the past after the creation date; otherwise the creation date, moved a year on (back)
        when the clause speaks of the future (past) across it; otherwise any year the text mentioned. A
        report's dateline is dated by the issue: the last such day."""
        reference = self.reference
        # a letter's or diary's heading stands for the creation date; while still the last date told, for
        # the narrative's too
        today = self.dct or self.report_day
        headed = self.dct is None and self.report_day is not None and bool(
            reference.month and reference.month[2] == self.report_tid)
        if reference.month and not dateline and not headed:
            year, told_month, tid = reference.month
            if reference.day and reference.day[1] == tid:
                # told after a day near a year's end: "Boże Narodzenie …, a na Nowy Rok" crosses into the next
                told = reference.day[0]
                year = next((y for y in (year + 1, year - 1)
                             if abs(_day_in(y, month, day) - told) <= _NEAR_ACROSS_YEAR), year)
            found = (year, tid)
            by_year = bool(reference.year and reference.year[1] != tid and int(reference.year[1][1:]) > int(tid[1:]))
            if by_year:
                found = reference.year
            # the text has been speaking of what is to come (a programme, a plan), or has named a year since
            # ("na rok bieżący"): an event told in the past tense is not after the creation date
            ahead = today is not None and found[0] is not None and (
                (by_year or (found[0], told_month) > (today.year, today.month))
                and (found[0], month, day or 1) > (today.year, today.month, today.day))
            tense = self._tense(start, end)
            if not by_year and year is not None and day is not None and tense == "future" and month < told_month:
                # what is to come after the month told is not before it: "odroczona w grudniu ub. r., odbędzie
                # się 21 lutego" is the February after that December
                return year + 1, tid
            if not (ahead and tense == "past"):
                return found
        if reference.year and not dateline and today and reference.year[0] < today.year and self._tense(
                start, end) == "past":  # "W 1980 r. ukończył studia. W październiku wyjechał": that year's
            return reference.year
        if today:
            year = today.year
            if day is None and month == today.month:  # "w listopadzie" written in November
                return year, None
            written = (month, day or 1)
            now = (today.month, today.day)
            tense = "past" if dateline else self._tense(start, end)
            if tense is None:  # no verb says which way: the nearest such day ("Do 15 maja", "29 grudnia")
                return min((year - 1, year, year + 1), key=lambda y: abs(_day_in(y, month, day) - today)), None
            if written != now and (written < now) == (tense == "future"):
                year += 1 if written < now else -1
            return year, None
        return reference.year if reference.year else (None, None)

    # --- values ------------------------------------------------------------------------------------
    def duration(self, point: Point) -> str:
        unit = point.unit or "D"
        if point.more:  # "2 godziny 15 minut": PT2H15M
            amounts = [(point.num or "1", unit), *point.more]
            days = "".join(f"{a}{u}" for a, u in amounts if u not in _CLOCK_UNITS)
            clock = "".join(f"{a}{_CLOCK_UNITS[u]}" for a, u in amounts if u in _CLOCK_UNITS)
            return f"P{days}" + (f"T{clock}" if clock else "")
        if point.num is None:  # "rok temu"
            return self._duration("1", unit)
        if point.num == "X":
            return "VAGUE" if self.vague == "VAGUE" else self._duration("X", unit)
        return self._duration(point.num, unit)

    @staticmethod
    def _duration(amount: str, unit: str) -> str:
        if unit in _CLOCK_UNITS:
            return f"PT{amount}{_CLOCK_UNITS[unit]}"
        return f"P{amount}{unit}"

    def point(
        self, point: Point, start: int, end: int, habitual: bool = False, dateline: bool = False,
    ) -> tuple[str, str | None, tuple]:
        """The value of a date or time point, the id it was anchored on, and what it tells the
        narrative (resolved day, year, month). ``habitual``: the clause states a schedule ("czynne w
        godzinach 9–14", "od poniedziałku do soboty"), so a weekday or a clock time names no one day."""
        anchor: str | None = None
        if habitual and point.weekday is not None and point.day is None and point.shift is None:
            return self._clock(f"XXXX-WXX-{point.weekday}", point), None, ()
        if habitual and point.is_time_only:
            return self._clock("XXXX-XX-XX", point), None, ()
        day: date | None = None
        year, month = point.year, point.month
        if point.holiday and point.holiday.startswith("EASTER"):  # a movable feast: its day comes with the year
            offset = int(point.holiday[len("EASTER"):] or 0)
            if year is None and point.yearshift is not None:
                origin_year, anchor = self.base_year(point.yearshift[1])
                year = None if origin_year is None else origin_year + point.yearshift[0]
            elif year is None:
                about = (easter(self.dct.year) + timedelta(days=offset)) if self.dct else date(2000, 4, 15)
                year, anchor = self.narrative_year(start, end, about.month, about.day)
            if year is None:
                return self._clock("XXXX-XX-XX", point), None, ()
            day = easter(year) + timedelta(days=offset)
            return self._clock(day.isoformat(), point), anchor, (day, day.year, day.month)
        if point.dayshift is not None:
            amount, base = point.dayshift
            if point.event is not None:  # "w dniu koncertu": the day told with that event (resolve skips the rest)
                origin, anchor = self._event_day(point.event, start) or (None, None)
            elif base == "ref":  # "nazajutrz", "w przeddzień": the narrative's day, never the issue's
                origin, anchor = self.reference.day or (None, None)
            else:
                origin, anchor = (self.now, None) if self.now else (None, None)
            if origin is None:
                if amount == 0 and not point.has_clock and base != "ref":  # "dziś" of an undated text
                    return "PRESENT_REF", None, ()
                # "tegoż dnia", "nazajutrz" with no day told before: some day, as "tego samego dnia"
                return self._clock("XXXX-XX-XX", point), None, ()
            day = origin + timedelta(days=amount)
        elif point.shift is not None and point.part is not None and point.unit is None and point.weekday is None:
            sign, base = point.shift  # "następnego ranka", "tej nocy": a part of a day placed from the anchor
            origin, anchor = self.base_day("ref" if sign == 0 else base)
            if origin is None:
                return self._clock("XXXX-XX-XX", point), None, ()
            day = origin + timedelta(days=sign)
        elif point.shift is not None and point.unit is not None and point.weekday is None:
            return self._relative(point, point.shift, 1)
        elif point.direction is not None and point.unit is not None:
            amount = 1 if point.num is None else point.num
            if amount == "X":
                return ("PAST_REF" if point.direction[0] < 0 else "FUTURE_REF"), None, ()
            return self._relative(point, (point.direction[0], point.direction[1]), float(amount))
        elif point.unit == "WE" and point.num is None and point.shift is None:  # "w weekend": its Saturday's week
            origin, anchor = (self.now, None) if self.now else self.base_day("dct")
            if origin is None:
                return "XXXX-WXX-WE", None, ()
            saturday = self._weekday(origin, replace(point, weekday=6), start, end)
            return iso_week(saturday) + "-WE", anchor, (None, saturday.year, None)
        elif point.nth is not None and point.weekday is not None and point.month is not None:
            year = point.year  # "w pierwszą sobotę czerwca": counted in the month's year
            if year is None and point.yearshift is not None:
                origin_year, anchor = self.base_year(point.yearshift[1])
                year = None if origin_year is None else origin_year + point.yearshift[0]
            elif year is None:
                year, anchor = self.narrative_year(start, end, point.month, None, dateline)
            if year is None:
                return self._clock(f"XXXX-{point.month:02d}", point), None, ()
            day = _nth_weekday(year, point.month, point.weekday, point.nth)
        elif point.weekday is not None and point.day is None:
            origin, anchor = (self.now, None) if self.now else self.base_day("dct")
            if origin is None:
                return self._clock(f"XXXX-WXX-{point.weekday}", point), None, ()
            day = self._weekday(origin, point, start, end)
        elif point.decade is not None:
            decade = point.decade
            if point.centuryshift is not None and self.dct:  # "lata 30-te ub. w.": the century before
                decade = (self.dct.year // 100 + point.centuryshift[0]) * 10 + decade % 10
            return f"{decade:03d}", None, ()
        elif point.century is not None:
            if point.era == "BC":
                return f"BC{point.century:02d}", None, ()
            return f"{point.century:02d}" + (f"-{point.half}" if point.half else ""), None, ()
        elif point.era == "BC" and point.year is not None:
            return f"BC{point.year:04d}", None, ()
        elif point.is_time_only:
            origin, anchor = self._attributed_day(start) or self.base_day("ref")
            if origin is None:
                return self._clock("XXXX-XX-XX", point), None, ()
            day = origin
            small_hour = point.hour is not None and point.hour < 6
            if anchor and small_hour and (self.reference.evening or _UNTIL.search(self.text, max(0, start - 8), start)):
                day = origin + timedelta(days=1)  # "do godz. 0.20" after the evening's events
            elif anchor and point.part is None and self.reference.part in ("AF", "EV"):
                point = _with_day_half(point, self.reference.part or "")
            if anchor is None:  # "w nocy" of an undated story: the day, but no narrative time
                return self._clock(day.isoformat(), point), None, ()
        if day is not None:
            return self._clock(day.isoformat(), point), anchor, (day, day.year, day.month)
        if year is None and month is None and point.monthshift is not None:  # "dnia 3 b. m."
            origin, anchor = self.base_day(point.monthshift[1])
            if origin is not None:
                moved = shift_date(origin, point.monthshift[0], "M")
                year, month = moved.year, moved.month
        if year is None and point.yearshift is not None:
            origin_year, anchor = self.base_year(point.yearshift[1])
            year = None if origin_year is None else origin_year + point.yearshift[0]
        elif year is None and month is not None:
            year, anchor = self.narrative_year(start, end, month, point.day, dateline)
            if year is not None and point.weekday is not None and point.day is not None:
                year = _year_of_weekday(year, month, point.day, point.weekday)
        elif year is None and point.season and point.shift is not None and point.shift[0] != 0:
            origin, anchor = self.base_day(point.shift[1])  # "zeszłej zimy", "przyszłej wiosny"
            if point.shift[1] == "ref" and not self.reference.day and self.reference.year:
                # "Zimą 1915 r. … następnej wiosny": the narrative gave a year only; the season after it (before it)
                ref_year, anchor = self.reference.year
                origin = date(ref_year, 12, 31) if point.shift[0] > 0 else date(ref_year, 1, 1)
            year = None if origin is None else _season_year(origin, point.season, point.shift[0])
        elif year is None and point.season:
            year, anchor = self.base_year("ref")
            if anchor is not None and self.dct and year is not None and year > self.dct.year and self._tense(
                    start, end) == "past":  # a narrative of plans: a season told in the past is not ahead
                year, anchor = self.dct.year, None
            if anchor is None and self.dct and year is not None:  # no narrative: the tense points the way
                start_month = _SEASON_START[point.season]
                tense = self._tense(start, end)
                if tense == "past" and start_month > self.dct.month:
                    year -= 1  # "zimą nie trenował" in April: the winter before
                elif tense == "future" and start_month + 3 <= self.dct.month:
                    year += 1  # "wiosną otworzą" in October: the next spring
        if year is None and point.quarter and point.yearshift is None:  # "w pierwszym kwartale": as a month
            year, anchor = self.narrative_year(start, end, (point.quarter - 1) * 3 + 1, None, dateline)
        text = f"{year:04d}" if year is not None else "XXXX"
        if point.quarter:
            return f"{text}-Q{point.quarter}", anchor, (None, year, None)
        if point.season:
            return f"{text}-{point.season}", anchor, (None, year, None)
        if month is None:
            return text + (f"-{point.half}" if point.half else ""), anchor, (None, year, None)
        if point.nth == -1 and point.weekday is None and point.day is None:  # "ostatniego dnia lutego"
            point = replace(point, day=calendar.monthrange(2001 if year is None else year, month)[1])
        text += f"-{month:02d}"
        if point.day is None:
            return text + (f"-{point.half}" if point.half else ""), anchor, (None, year, month)
        try:
            day = date(year, month, point.day) if year is not None else None
        except ValueError:
            day = None
        if day is not None and point.julian:  # "3 stycznia 1903 st. st.": 16 January by the new calendar
            day += timedelta(days=_julian_lag(day))
            return self._clock(day.isoformat(), point), anchor, (day, day.year, day.month)
        return self._clock(f"{text}-{point.day:02d}", point), anchor, (day, year, month)

    def _attributed_day(self, start: int) -> tuple[date, str] | None:
        """"Posiedzenie z dn. 18.II. trwało od godz. 10": a clock time without a day, in a sentence that
        named a day only in an attribute of its subject (which moves no narrative), is on that day."""
        if not self.days_told:
            return None
        told_start, _, day, tid = self.days_told[-1]
        sentence = _sentence_start(self.text, start)
        if told_start < sentence:
            return None
        narrative = self.reference.day[1] if self.reference.day else None
        if any(s >= sentence and t == narrative for s, _, _, t in self.days_told):
            return None  # the narrative's own day is of this sentence: "Dziś, w rocznicę … z 1920 r., o godz. 10"
        return day, tid

    def _event_day(self, stem: str, start: int) -> tuple[date, str] | None:
        """The day last told, shortly before ``start``, in a sentence that speaks of the event ``stem``
        names: "Koncert rozpocznie się 15 grudnia o godz. 19 … w dniu koncertu" is 15 December."""
        for told_start, told_end, day, tid in reversed(self.days_told):
            if told_end > start:
                continue
            if start - told_end > _EVENT_REACH:
                break
            # the sentence of that day, up to the expression itself: "koncertu" after "w dniu" is no evidence
            sentence = self.text[_sentence_start(self.text, told_start):min(start, _sentence_end(self.text, told_end))]
            if stem in sentence.lower():
                return day, tid
        return None

    def _relative(self, point: Point, shift: tuple[int, str], amount: float) -> tuple[str, str | None, tuple]:
        """"w zeszłym tygodniu", "następnego dnia", "dwa lata później": a base moved by whole units."""
        sign, base = shift
        unit = point.unit or "D"
        if point.unit_plural and point.num is None:
            return ("PRESENT_REF" if sign == 0 else "PAST_REF" if sign < 0 else "FUTURE_REF"), None, ()
        if unit == "D" and sign == 0:
            base = "ref"  # "tego dnia" is the day spoken of: today would be "dziś"
        if unit in _SMALLER and amount != int(amount):  # "za pół roku", "półtora tygodnia temu": whole months, days
            unit, amount = _SMALLER[unit][0], amount * _SMALLER[unit][1]
        if unit == "D" and base == "ref" and self.reference.day is None and point.direction is None:
            return self._clock("XXXX-XX-XX", point), None, ()  # "następnego dnia" of an undated story
        if unit in ("Y", "DE", "CE"):
            origin_year, anchor = self.base_year(base)
            if origin_year is None:
                return "XXXX", None, ()
            year = origin_year + int(sign * amount * {"Y": 1, "DE": 10, "CE": 100}[unit])
            if unit != "Y":  # "w ubiegłej dekadzie", "w zeszłym stuleciu": a decade or a century
                return (f"{year // 10:03d}" if unit == "DE" else f"{year // 100:02d}"), anchor, ()
            if year < 1:  # "przed 2500 lat" in 2008: TIMEX3 counts years before the era from BC0001 (4 digits)
                return (f"BC{1 - year:04d}" if year > -9999 else "XXXX"), anchor, ()
            half = f"-{point.half}" if point.half else ""  # "w drugiej połowie roku"
            return f"{year:04d}{half}", anchor, (None, year, None)
        origin, anchor = self.base_day(base)
        if origin is None:
            return "XXXX-XX-XX", None, ()
        clock = self.reference.clock
        if unit in ("H", "MIN") and base == "ref" and clock is not None and point.direction is not None:
            # "o godz. 11 …, a pół godziny później": hours and minutes counted from the clock time just told
            minutes = round(sign * amount * (60 if unit == "H" else 1))
            moved_at = datetime.combine(origin, time()) + timedelta(hours=clock[0], minutes=clock[1] + minutes)
            return f"{moved_at:%Y-%m-%dT%H:%M}", anchor, ()
        whole = int(amount)
        moved = shift_date(origin, sign * whole, unit) if unit not in _CLOCK_UNITS else origin
        if unit == "WE" and point.direction is None:  # "w najbliższy weekend", "w ubiegły weekend"
            saturday = origin + timedelta(days=(6 - origin.isoweekday()) % 7)
            if sign < 0:
                saturday -= timedelta(weeks=1)
            return iso_week(saturday) + "-WE", anchor, (None, saturday.year, None)
        if unit == "W" and point.direction is None:
            return iso_week(moved), anchor, (None, moved.year, None)
        if point.weekday is not None:  # "tydzień temu w piątek": that weekday, on or before (after) the day counted to
            step = (moved.isoweekday() - point.weekday) % 7 if sign < 0 else -((point.weekday - moved.isoweekday()) % 7)
            moved -= timedelta(days=step)
        if unit == "Q" and point.direction is None:  # "w ostatnim kwartale", "w bieżącym kwartale": a quarter
            return f"{moved.year:04d}-Q{(moved.month - 1) // 3 + 1}", anchor, (None, moved.year, None)
        if unit == "M" and point.direction is None:
            half = f"-{point.half}" if point.half else ""  # "w pierwszej połowie miesiąca"
            return f"{moved.year:04d}-{moved.month:02d}{half}", anchor, (None, moved.year, moved.month)
        if unit in ("M", "Q"):
            return f"{moved.year:04d}-{moved.month:02d}", anchor, (None, moved.year, moved.month)
        return self._clock(moved.isoformat(), point), anchor, (moved, moved.year, moved.month)

    @staticmethod
    def _clock(day_value: str, point: Point) -> str:
        if point.hour is not None:
            return f"{day_value}T{point.hour:02d}:{(point.minute or 0):02d}"
        if point.part is not None:
            return f"{day_value}T{point.part}"
        return day_value

    def _weekday(self, origin: date, point: Point, start: int, end: int) -> date:
        """The weekday nearest the creation date, backwards when the clause speaks of the past."""
        assert point.weekday is not None
        if point.shift is not None and point.unit == "W":  # "środę ubiegłego tygodnia": that week's day
            monday = origin - timedelta(days=origin.isoweekday() - 1)
            return monday + timedelta(weeks=point.shift[0], days=point.weekday - 1)
        if point.shift is not None and point.shift[0] != 0:
            past = point.shift[0] < 0
        else:
            past = self._tense(start, end) == "past"
        if past:
            # "w ub. czwartek" said on a Thursday is a week ago, not today
            # "w ub. czwartek" said on a Thursday is a week ago; "w czwartek" in a Thursday's news is today
            back = (origin.isoweekday() - point.weekday) % 7 or (7 if point.shift and point.shift[0] < 0 else 0)
            return origin - timedelta(days=back)
        # "w najbliższą środę", "w przyszły poniedziałek" said on that day: a week on
        ahead = (point.weekday - origin.isoweekday()) % 7 or (7 if point.shift and point.shift[0] > 0 else 0)
        return origin + timedelta(days=ahead)

    def _words_with_tags(self, start: int, end: int) -> Iterator[tuple[int, set[str]]]:
        """Words of ``text[start:end]`` with their Morfeusz tags: from the pipeline's tokens when given,
        else analysed here (cached by form)."""
        if self.sentences:
            # from the first sentence ending after ``start``: a long document's sentences are not all walked
            for index in range(bisect_right(self.sentence_ends, start), len(self.sentences)):
                sentence = self.sentences[index]
                if sentence.start >= end:
                    break
                for token in sentence.tokens:
                    if start <= token.start < end:
                        yield token.start, {i.tag for i in token.interps}
            return
        morphology = get_morphology()
        for word in _WORD.finditer(self.text, start, end):
            yield word.start(), {i.tag for i in morphology.analyse(word.group())}

    def _tense(self, start: int, end: int) -> str | None:
        """"past" or "future" from the verb nearest to ``[start, end)`` in its clause: the clause a comma and
        a conjunction open ("grali w niedzielę, a we wtorek zagrają") when it has a verb, else the sentence's."""
        clause_start = _clause_start(self.text, start, 300)
        following = _CLAUSE_END.search(self.text, end)
        clause_end = following.start() if following else min(len(self.text), end + 300)
        opened = [m.end() for m in _CLAUSE_JOIN.finditer(self.text, clause_start, start) if m.end() <= start]
        closing = _CLAUSE_JOIN.search(self.text, end, clause_end)
        narrow_start = opened[-1] if opened else clause_start
        narrow_end = closing.start() if closing else clause_end
        tense = None
        if (narrow_start, narrow_end) != (clause_start, clause_end):
            tense = self._nearest_tense(start, end, narrow_start, narrow_end)
        if not tense:
            narrow_start, narrow_end = clause_start, clause_end
            tense = self._nearest_tense(start, end, clause_start, clause_end)
        if tense == "past" and any(
            word.group().lower() in self.ahead for word in _WORD.finditer(self.text, narrow_start, narrow_end)
        ):  # "rozprawę odroczono do 5 grudnia": a postponed or scheduled date lies after the act
            return None
        return tense

    def _nearest_tense(self, start: int, end: int, clause_start: int, clause_end: int) -> str | None:
        best: tuple[int, str] | None = None
        words = list(self._words_with_tags(clause_start, clause_end))
        for index, (word_start, tags) in enumerate(words):
            if start <= word_start < end:
                continue
            tense = None
            finite = [t for t in tags if t.startswith("fin")]
            # a perfective present form is a future; one that may also be imperfective (*donoszą*: donosić is
            # both) is a present and says nothing of the direction
            if any(t.startswith("bedzie") for t in tags) or (
                finite and all(t.endswith("perf") and not t.endswith("imperf") for t in finite)
            ):
                tense = "future"
            elif any(t.startswith(("praet", "imps")) for t in tags):  # "rozpoczęto": the impersonal past
                # "będzie obowiązywała", "obowiązywała będzie": the compound future
                neighbours = words[max(0, index - 1):index] + words[index + 1:index + 2]
                compound = any(t.startswith("bedzie") for _, tags_of in neighbours for t in tags_of)
                tense = "future" if compound else "past"
            if tense:
                distance = abs(word_start - start)
                if best is None or distance < best[0]:
                    best = (distance, tense)
        return best[1] if best else None


def _day_before(value: str) -> str:
    # a clock time after midnight ("w nocy na wtorek o godz. 3") is on the day written
    if not _EVENING_OR_NIGHT.match(value):
        return value
    return (date.fromisoformat(value[:10]) - timedelta(days=1)).isoformat() + value[10:]


def resolve(
    candidates: list[Candidate], text: str, dct: str | None, sentences: list[Sentence] | None,
    convention: str, grammar: Grammar,
) -> list[Timex]:
    """Timexes with anchored values, in text order, ids t1, t2…"""
    ahead = frozenset(form for form, value in grammar.values.get("tense", {}).items() if value == "ahead")
    resolver = _Resolver(text, dct, sentences, "VAGUE" if convention == "kpwr" else "PX", ahead)
    lower_text = text.lower()
    timexes: list[Timex] = []

    def emit(start: int, end: int, kind: str, value: str, anchor: str | None, mod: str | None) -> str:
        tid = f"t{len(timexes) + 1}"
        if convention == "kpwr" and value.startswith("XXXX-XX-XXT"):
            value = value[len("XXXX-XX-XX"):]  # KPWr writes a time of day without a day as "T18:00"
        timexes.append(Timex(tid, start, end, text[start:end], kind, value, anchor, mod))
        return tid

    previous_end = 0
    # where the last timex naming one day began, and "od" or "do" when it opens or closes a period
    told_day: tuple[int, str | None] | None = None
    for candidate in candidates:
        points = candidate.points
        for point in points:
            if point.year_digits == 2 and point.year is not None and point.day is not None and point.era is None:
                # "12.V.36 r.": a full date's year in two figures is in the creation date's century
                point.year += (resolver.dct.year // 100 * 100) if resolver.dct else 1900
                point.year_digits = 4
        if _AGENCY_DATELINE.search(text, previous_end, candidate.start):
            resolver.report_day = None  # a new report, dated by the paper
        previous_end = candidate.end
        if candidate.bare_number and resolver.dct and (points[0].year or 0) > resolver.dct.year + _BARE_YEAR_AHEAD:
            continue  # "ogółem 1870" in an 1838 paper: an amount, not a year decades ahead
        if any(p.event is not None and resolver._event_day(p.event, candidate.start) is None for p in points):
            continue  # "od dnia ogłoszenia": the day of an event the text has not dated names no day of the text
        if candidate.type == "DURATION":
            # "2–3 dni": ISO 8601 has no interval of two durations, so each amount is a duration of its own, as
            # TimeML marks them (the contract's one timex with an interval value is a range of dates)
            if candidate.range:
                for point, (start, end) in zip(points, candidate.spans, strict=True):
                    emit(start, end, "DURATION", resolver.duration(point), None, candidate.mod)
            else:
                emit(candidate.start, candidate.end, "DURATION", resolver.duration(points[-1]), None,
                     candidate.mod)
            continue
        if candidate.type == "SET":
            point = points[0]
            if _weekly(point) and point.set == "P1D" and point.has_clock:  # "codziennie rano": that part of each day
                value = resolver._clock("XXXX-XX-XX", point)
            elif _weekly(point):  # "w soboty", "w każdą sobotę o godz. 10"
                value = resolver._clock(point.set or f"XXXX-WXX-{point.weekday}", point)
            else:
                value = point.set or resolver._duration(point.num or "1", point.unit or "D")
            if value.startswith("T"):
                value = "XXXX-XX-XX" + value
            emit(candidate.start, candidate.end, "SET", value, None, candidate.mod)
            continue
        if candidate.measure is not None and convention == "kpwr":
            start, end = candidate.measure
            emit(start, end, "DURATION", resolver.duration(points[0]), None, candidate.mod)
            continue
        if candidate.night:
            left, right = points
            clock = right if right.hour is not None else left
            if clock.hour is not None:  # "w nocy z 16 na 17 września o godz. 3": after midnight
                use = right if clock.hour < 12 else left
                use = replace(use, hour=clock.hour, minute=clock.minute, part=None)
            else:
                use = replace(left, part="NI")
            points = [use]
        habitual = candidate.habitual or any(
            p.is_time_only or (p.weekday is not None and p.day is None) for p in points) and _in_schedule(
            text, lower_text, candidate, grammar)
        if all(p.is_time_only for p in points) and told_day is not None and told_day[0] >= _sentence_start(
                text, candidate.start):
            # a day named in the sentence before a clock makes a schedule that day's hours ("w Wigilię czynne do
            # godz. 12"); a day after "od" opens a period whose hours recur ("od dnia 1 czerwca urzędowanie trwać
            # będzie od godz. 8 do 14"); a day after "do" closes the one a schedule holds in ("do końca wakacji
            # tj. 31 sierpnia w godzinach 7–15")
            if told_day[1] == "od":
                habitual = True
            elif told_day[1] is None:
                habitual = candidate.habitual
        dateline = _is_dateline(text, candidate)
        if candidate.range and not habitual:
            points = _share_year(resolver, points, candidate, dateline)
        resolved = [_point_or_unknown(resolver, p, candidate.start, candidate.end, habitual, dateline) for p in points]
        if candidate.range and all(p.weekday is not None and p.day is None for p in points) and resolved[0][2]:
            first_day = resolved[0][2][0]  # "od wtorku do niedzieli": the second end is the first such day after
            if first_day is not None:
                later = first_day + timedelta(days=(points[1].weekday - points[0].weekday) % 7 or 7)
                resolved[1] = (resolver._clock(later.isoformat(), points[1]), resolved[0][1],
                               (later, later.year, later.month))
        if candidate.night_before:  # the night before the day written is dated by the evening it starts on
            resolved = [(_day_before(v), a, told) for v, a, told in resolved]
        if candidate.range and convention == "kpwr":
            tids = [
                emit(start, end, _kind(p), value, anchor, candidate.mod)
                for p, (value, anchor, _), (start, end) in zip(points, resolved, candidate.spans, strict=True)
            ]
        else:
            backwards = candidate.range and points[0].direction is not None and points[0].direction[0] < 0
            # "przed 2000–2500 lat": the larger amount counted back is the interval's start
            value = "/".join(v for v, _, _ in (resolved[::-1] if backwards else resolved))
            anchor = next((a for _, a, _ in resolved if a), None)
            # "pół godziny później" after a clock time is a time of day too
            kind = "TIME" if any(_kind(p) == "TIME" for p in points) or _CLOCK_VALUE.search(value) else "DATE"
            tids = [emit(candidate.start, candidate.end, kind, value, anchor, candidate.mod)] * len(points)
        if not candidate.range and resolved[0][2] and resolved[0][2][0] is not None and points[0].has_date:
            bound = _PERIOD_BEFORE.search(lower_text, max(0, candidate.start - 36), candidate.start)
            told_day = candidate.start, bound.group(1) if bound else None
        dates_writing = dateline or _is_heading(text, candidate) or grammar.compiled_macro("recordOpening").search(
            lower_text, max(0, candidate.start - 80), candidate.start) is not None
        if dates_writing and resolved[0][2] and resolved[0][2][0] is not None:
            resolver.report_day, resolver.report_tid = resolved[0][2][0], tids[0]
        attributive = _is_attributive(lower_text, candidate.start) or bool(grammar.compiled_macro(
            "comparisonBefore").search(lower_text, max(0, candidate.start - 30), candidate.start))
        # a span of years ("w sezonie 2006/07") does not move a narrative that is telling months
        background = candidate.range and resolver.reference.month is not None and all(
            told and told[2] is None for _, _, told in resolved)
        for point, (_, _, told), tid in zip(points, resolved, tids, strict=True):
            if told and not attributive and not background:
                resolver.reference.update(point, *told, tid)
                if point.hour is not None and told[0] is not None:
                    resolver.reference.clock = (point.hour, point.minute or 0, candidate.end)
            elif point.hour is not None and resolver.reference.day is None and not attributive:
                # a clock time of the creation date's day in a story not yet dated: later hours count from it
                resolver.reference.clock = (point.hour, point.minute or 0, candidate.end)
            if told and told[0] is not None:
                resolver.days_told.append((candidate.start, candidate.end, told[0], tid))
    return timexes


def _julian_lag(day: date) -> int:
    """Days the old (Julian) calendar lags the new on a Julian ``day``: 12 in the 19th century, 13 in the
    20th (the lag grows on 1 March of a century year the new calendar does not leap)."""
    year = day.year if day.month > 2 else day.year - 1
    return year // 100 - year // 400 - 2


def _season_year(origin: date, season: str, sign: int) -> int:
    """The year of the last season of its kind over before ``origin`` ("zeszłej wiosny" in July: this
    year's), or of the next to begin after it ("przyszłej zimy")."""
    first = _SEASON_START[season]
    years = range(origin.year, origin.year - 3, -1) if sign < 0 else range(origin.year - 1, origin.year + 3)
    for year in years:
        begins = date(year, first, 1)
        ends = date(year + (first + 2) // 12, (first + 2) % 12 + 1, 1)
        if (ends <= origin) if sign < 0 else (begins > origin):
            return year
    return origin.year + sign


def _day_in(year: int, month: int, day: int | None) -> date:
    """About the day of a date in ``year`` (the middle of the month for a month alone; days past the 28th
    are taken as the 28th, which every month has)."""
    return date(year, month, min(day or 15, 28))


def _share_year(resolver: _Resolver, points: list[Point], candidate: Candidate, dateline: bool) -> list[Point]:
    """"od maja do lipca", "od listopada do marca": the ends of a range of months written without a year
    lie in one stretch: the second end takes the year of the first, or the next one when it comes earlier
    in the calendar."""
    left, right = points
    unyeared = all(p.year is None and p.yearshift is None and p.month is not None for p in points)
    if not unyeared:
        return points
    _, _, told = _point_or_unknown(resolver, left, candidate.start, candidate.end, False, dateline)
    year = told[1] if len(told) > 1 else None
    if year is None:
        return points
    later = (right.month or 0, right.day or 1) < (left.month or 0, left.day or 1)
    return [left, replace(right, year=year + later)]


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The ``nth`` such ``weekday`` (ISO) of the month, counted from its end when negative."""
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7 + 7 * (-nth - 1))


def _year_of_weekday(year: int, month: int, day: int, weekday: int) -> int:
    """"we wtorek, 5 marca": the year found, else the one after or before it, in which that day is that
    weekday (a date without a year and with its weekday names one week of some year)."""
    for candidate in (year, year + 1, year - 1):
        try:
            if date(candidate, month, day).isoweekday() == weekday:
                return candidate
        except ValueError:
            continue
    return year


def _point_or_unknown(resolver: _Resolver, point: Point, start: int, end: int,
                      habitual: bool, dateline: bool) -> tuple[str, str | None, tuple]:
    """A point whose arithmetic leaves the calendar ("za 99999999999 dni", "100000 lat wcześniej") has no
    anchored value: TIMEX3 years have four digits."""
    try:
        value, anchor, told = resolver.point(point, start, end, habitual, dateline)
    except (OverflowError, ValueError):
        return "XXXX-XX-XX", None, ()
    if len(told) > 1 and told[1] is not None and not 0 <= told[1] <= 9999:
        return "XXXX", None, ()
    return value, anchor, told


def _clause_start(text: str, start: int, reach: int) -> int:
    """Where the clause holding ``start`` begins, looking back at most ``reach`` characters (the stops are
    searched a little past ``start``: whether a dot ends a clause depends on what follows it)."""
    stops = _CLAUSE_END.finditer(text, max(0, start - reach), start + 3)
    return max((m.end() for m in stops if m.end() <= start), default=max(0, start - reach))


def _in_schedule(text: str, lower: str, candidate: Candidate, grammar: Grammar) -> bool:
    """Whether the clause before ``candidate`` states opening hours or a timetable."""
    clause_start = _clause_start(text, candidate.start, 80)
    return grammar.compiled_macro("scheduleContext").search(lower, clause_start, candidate.end) is not None


def _sentence_start(text: str, position: int) -> int:
    """Where the sentence holding ``position`` begins: after the last full stop, "!" or "?" followed by a
    capital, or a line break, before it."""
    # searched a little past ``position``: whether a stop ends a sentence depends on what follows it
    stops = [m.end() for m in _SENTENCE_STOP.finditer(text, max(0, position - _EVENT_REACH), position + 4)
             if m.end() <= position]
    return stops[-1] if stops else max(0, position - _EVENT_REACH)


def _sentence_end(text: str, position: int) -> int:
    stop = _SENTENCE_STOP.search(text, position, position + _EVENT_REACH)
    return stop.start() + 1 if stop else min(len(text), position + _EVENT_REACH)


def _is_heading(text: str, candidate: Candidate) -> bool:
    """"12 września 1939. Wtorek.", "Poniedziałek, 7 października 1940.", "Lwów, 3 stycznia 1912.": a date alone
    on its line, or after the place a letter is written from, heads a diary's entry or a letter; "dziś",
    "wczoraj" below it count from it."""
    if candidate.range:
        return False
    # only the stretch a heading's line can hold is read on either side: linear in the document
    before = text[max(0, candidate.start - _HEADING_REACH):candidate.start]
    after = text[candidate.end:candidate.end + _HEADING_REACH]
    if "\n" not in before and candidate.start > _HEADING_REACH:
        return False
    rest, newline, _ = after.partition("\n")
    if not newline and candidate.end + _HEADING_REACH < len(text):
        return False
    return bool(_HEADING_LEAD.fullmatch(before.rpartition("\n")[2])) and bool(_HEADING_REST.fullmatch(rest))


def _is_dateline(text: str, candidate: Candidate) -> bool:
    """"KOWNO, 1 lipca. —": a date after a place in capitals, closed by a dash."""
    window = max(0, candidate.start - 40)
    placed = DATELINE_PLACE.search(text, window, candidate.start) or DATELINE_TITLE_PLACE.search(
        text, window, candidate.start)
    return not candidate.range and bool(placed) and bool(_DATELINE_END.match(text, candidate.end))


def _is_attributive(lower: str, start: int) -> bool:
    """A date that qualifies a noun ("traktat ryski z 1921 roku") or stands in brackets: background,
    not a step of the narrative, so later dates do not take their year from it."""
    before = lower[max(0, start - 40):start]
    return bool(_ATTRIBUTIVE.search(before)) or before.rfind("(") > before.rfind(")")


def _kind(point: Point) -> str:
    return "TIME" if point.has_clock else "DATE"
