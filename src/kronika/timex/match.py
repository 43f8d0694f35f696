"""Phase one: find temporal expressions and read what their parts mean, without anchoring them.

One pass of the grammar's compiled expression over the lower-cased text gives candidates; each named
group is normalised (a month form to its number, "dwóch" to 2) into a :class:`Point` — HeidelTime's
underspecified value — and a context check or two (cheap Morfeusz lookups) drops false readings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from kronika.lang.tokens import OPENING_QUOTES
from kronika.morph import get_morphology
from kronika.timex.grammar import Grammar, Rule
from kronika.timex.values import roman_to_int

# parts of speech after which a bare four-digit number can still be a year ("w 1982 współtworzył")
_NON_NOMINAL = frozenset({
    "prep", "conj", "comp", "fin", "praet", "bedzie", "impt", "imps", "inf", "pcon", "pant", "pred", "adv",
    "qub", "part", "interj", "winien", "aglt", "ppas", "pact",
})
_NEXT_WORD = re.compile(r"[ \t\u00a0]{0,3}([^\W\d_]+)")
_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)[ \t\u00a0]{1,3}$")
_PREVIOUS_AMOUNT = re.compile(r"([^\W_]+)[ \t\u00a0]{1,3}(?:([^\W_]+)[ \t\u00a0]{1,3})?$")
_YEAR_PREPOSITIONS = frozenset({
    "w", "we", "od", "do", "po", "przed", "sprzed", "około", "koło", "z", "ze", "roku", "rok",
})
_SENTENCE_START = OPENING_QUOTES | set(".!?…\n(–-:;")
_QUANTITY_HEDGES = frozenset({"mod=MORE_THAN", "mod=LESS_THAN", "mod=APPROX"})
# hedges that place a point before or after a date: not for amounts of time ("po dwóch dniach")
_POINT_MODS = frozenset({"BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"})
# OCR of 1930s print reads the digit 1 as "l", "i" or "I", and 0 as "o" or "O"
_OCR_DIGITS = str.maketrans("lio", "110")
# a press dateline: a place in capitals before the date ("WIEDEŃ. 17.II.", "KOWNO, 1 lipca"), or, in older
# papers, a capitalised place opening a sentence ("Wiedeń, 7. 9. Komitet …")
_UPPER = "A-ZĄĆĘŁŃÓŚŹŻ"
DATELINE_PLACE = re.compile(rf"(?:^|[\s.!?)])[{_UPPER}]{{3,}}(?:[- ][{_UPPER}]{{2,}})*[,.]\s{{0,2}}$")
DATELINE_TITLE_PLACE = re.compile(
    rf"(?:^|[.!?)]\s{{1,3}}|\n)[{_UPPER}][a-ząćęłńóśźż]{{2,}}(?:[- ][{_UPPER}][a-ząćęłńóśźż]{{2,}})?,\s{{0,2}}$"
)
_NEXT_CAPITAL = re.compile(rf"\.?\s{{0,2}}[{_UPPER}(]")
# prepositions of time before a saint's name: "na św. Jana", "po św. Michale" ("w kościele św. Jana" is a church)
_FEAST_PREPOSITIONS = frozenset({"na", "od", "do", "po", "przed", "około", "koło", "aż", "pod"})
_DAY_NOUN = re.compile(r"(?:dzień|dniu|dnia|dniem|święto|święta|uroczystość|uroczystości)\s", re.IGNORECASE)
# a Roman numeral as a word of its own: a month ("3.V.", "17 IX") whose capitals the check reads
_ROMAN_WORD = re.compile(r"(?<![^\W\d_])[ivxIVX]{1,6}(?![^\W\d_])")
_STREET_BEFORE = re.compile(
    r"(?<![^\W_])(?:ul\.|ulic[aeyą]?|ulicach|al\.|alej[ai]?|pl\.|plac[u]?|rondo|osiedle)\s{0,3}[:,]?\s{0,3}$"
)


@dataclass
class Point:
    """One date, time or amount as written; None = not said."""

    year: int | None = None
    year_digits: int = 4  # 2 for "94" in "1987-94": the century comes from the other member
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    part: str | None = None  # MO, MI, AF, EV, NI
    season: str | None = None
    weekday: int | None = None
    decade: int | None = None  # 193 = the 1930s
    century: int | None = None  # 19 = the 20th century
    half: str | None = None
    num: str | None = None  # "3", "1.5", "X"
    unit: str | None = None  # Y, M, W, D, H, MIN, S, DE, CE, WE, Q
    unit_plural: bool = False
    unit_may_be_plural: bool = False
    shift: tuple[int, str] | None = None  # (amount, base) for "zeszły", "następny"
    dayshift: tuple[int, str] | None = None
    yearshift: tuple[int, str] | None = None
    monthshift: tuple[int, str] | None = None  # "b. m." (this month), "ub. m." (last month)
    centuryshift: tuple[int, str] | None = None  # "ub. w." (last century) after a decade
    direction: tuple[int, str] | None = None
    set: str | None = None
    era: str | None = None  # "BC" for "p.n.e."
    quarter: int | None = None
    holiday: str | None = None  # "EASTER", "EASTER+60": a movable feast, whose day depends on the year
    julian: bool = False  # "st. st.": a day of the old calendar
    event: str | None = None  # "w dniu koncertu": the stem of the event whose day this is
    nth: int | None = None  # "w pierwszą sobotę czerwca": which such weekday of the month, -1 the last
    more: tuple[tuple[str, str], ...] = ()  # "2 godziny 15 minut": the smaller units' amounts after the first

    @property
    def has_date(self) -> bool:
        return (
            self.day is not None or self.holiday is not None or self.dayshift is not None
            or self.weekday is not None or (self.shift is not None and self.unit == "D")
        )

    @property
    def has_clock(self) -> bool:
        return self.hour is not None or self.part is not None

    @property
    def is_time_only(self) -> bool:
        return self.has_clock and not (self.has_date or self.month or self.year or self.season)

    def inherit(self, other: Point) -> None:
        """Fill what a range's first member leaves out from the second ("29–30 września 1939")."""
        if self.year is None and self.yearshift is None and self.decade is None and self.century is None:
            self.year, self.yearshift = other.year, other.yearshift
        if self.month is None and self.day is not None:
            self.month, self.monthshift = other.month, self.monthshift or other.monthshift
        if self.unit is None and self.num is not None:
            self.unit = other.unit
        if self.era is None:  # "od V do III w. p.n.e.": the era written once holds for both ends
            self.era = other.era


@dataclass
class Candidate:
    start: int
    end: int
    type: str
    rule: str
    points: list[Point]
    spans: list[tuple[int, int]]  # the members' spans (two for a range)
    measure: tuple[int, int] | None = None
    mod: str | None = None
    night: bool = False
    habitual: bool = False  # names a kind of time, no one day: "wieczorne gry"
    night_before: bool = False  # "w nocy na wtorek": the night that ends on the day written
    range: bool = False
    merged: list[str] = field(default_factory=list)
    bare_number: bool = False  # a number read as a year with nothing else saying so ("W 1982 współtworzył")


def _number(text: str, grammar: Grammar, table: str) -> str | None:
    """Digits ("25 770", "1,5") or number words summed ("dwadzieścia pięć")."""
    compact = text.replace(" ", "").replace("\u00a0", "").replace(",", ".")
    if "-" in compact and compact.split("-")[0].isdigit():  # "5-ciu": the digits, not the case ending
        compact = compact.split("-")[0]
    if compact.replace(".", "", 1).isdigit():
        return compact
    total = 0.0
    for word in text.split():
        if word == "i":  # "trzy i pół"
            continue
        value = word.replace(",", ".") if word.replace(",", "", 1).isdigit() else grammar.value(table, word)
        if value is None:
            return None
        if value == "X":
            return "X"
        total += float(value)
    return str(int(total)) if total.is_integer() else str(total)


def _shift(value: str | None) -> tuple[int, str] | None:
    if value is None:
        return None
    amount, _, base = value.partition("@")
    return int(amount), base


def _plural(form: str) -> tuple[bool, bool]:
    """Whether a noun form is surely plural ("dniach"), and whether it can be ("lata": also "lato")."""
    numbers = [":pl:" in i.tag for i in get_morphology().analyse(form) if i.pos == "subst"]
    return bool(numbers) and all(numbers), any(numbers)


def _set_field(point: Point, name: str, text: str, grammar: Grammar) -> bool:
    """Store one group's meaning in ``point``; False when the text cannot be normalised."""
    if name == "year":
        text = text.translate(_OCR_DIGITS).lstrip("'’")
        point.year, point.year_digits = int(text), len(text)
    elif name == "yearword":  # "tysiąc dziewięćset trzydziestego"
        value = _number(text, grammar, "ordinal")
        if not value or value == "X" or not 1000 <= float(value) < 2100:
            return False
        point.year = int(float(value))
    elif name == "quarter":
        value = text if text.isdigit() else grammar.value("ordinal", text) or grammar.value("quarter", text)
        if value is None and text.isalpha():
            value = str(roman_to_int(text)) if set(text) <= set("iv") else None
        if value is None or not 1 <= int(float(value)) <= 4:
            return False
        point.quarter = int(float(value))
    elif name == "holiday":
        value = grammar.value("holiday", text) or ""
        if value.startswith("EASTER"):  # "EASTER", "EASTER-2" (Wielki Piątek), "EASTER+60" (Boże Ciało)
            point.holiday = value
        else:
            point.month, point.day = (int(part) for part in value.split("-"))
    elif name == "era":
        point.era = grammar.value("era", text)
    elif name == "style":
        point.julian = grammar.value("style", text) == "OS"
    elif name == "hourword":
        value = _number(text, grammar, "ordinal")
        if not value or value == "X" or float(value) > 24:
            return False
        point.hour = int(float(value))
    elif name == "minuteword":  # "o ósmej trzydzieści", "dziesięć po ósmej"
        value = _number(text, grammar, "num")
        if not value or value == "X" or float(value) >= 60:
            return False
        point.minute = int(float(value))
    elif name == "month":
        value = text if text.isdigit() else grammar.value("month", text)
        point.month = int(value) if value else None
    elif name == "day":
        point.day = int(text.translate(_OCR_DIGITS))
    elif name == "dayword":
        value = _number(text, grammar, "ordinal")
        point.day = int(float(value)) if value and value != "X" else None
    elif name in ("hour", "minute"):
        # "godz. 7 i pół"; OCR reads 1 as "l" ("godz. l2")
        setattr(point, name, 30 if "pół" in text else int(text.translate(_OCR_DIGITS)))
    elif name in ("part", "season", "set"):
        setattr(point, name, grammar.value(name, text))
    elif name == "weekday":
        value = grammar.value("weekday", text)
        point.weekday = int(value) if value else None
    elif name == "decade":
        point.decade = (point.century if point.century is not None else 19) * 10 + int(text) // 10
    elif name == "decadeword":
        value = _number(text, grammar, "ordinal")
        if not value or value == "X":
            return False
        point.decade = (point.century if point.century is not None else 19) * 10 + int(float(value)) // 10
    elif name == "century":
        # "dziewiętnastowieczny", "dziewiętnastym (wieku)"
        written = grammar.value("century", text) or (_number(text, grammar, "ordinal") if " " in text or not
                                                     set(text) <= set("ivxlc") else None)
        if written == "X":
            return False
        century = (int(float(written)) if written else int(text) if text.isdigit() else roman_to_int(text)) - 1
        if point.decade is not None:  # "lat 20. XIX wieku": the century came after the decade
            point.decade = century * 10 + point.decade % 10
        else:
            point.century = century
    elif name == "num":
        point.num = _number(text, grammar, "num")
    elif name == "numordinal":  # "trwa trzeci tydzień": the units counted so far, by the ordinal of the last
        point.num = _number(text, grammar, "ordinal")
    elif name == "andhalf" and point.num not in (None, "X"):  # "dwa lata i pół": a half of the unit after it
        point.num = f"{float(point.num) + 0.5:g}"  # ("kilka lat i pół" stays some years)
    elif name == "stopwatch":  # "2:08:45", "4:02,5": hours, minutes and seconds as a stopwatch shows them
        parts = text.replace(",", ".").split(":")
        units = ("H", "MIN", "S")[-len(parts):]
        amounts = [(f"{float(part):g}", unit) for part, unit in zip(parts, units, strict=True)]
        (point.num, point.unit), point.more = amounts[0], tuple(amounts[1:])
    elif name == "unit":
        point.unit = grammar.value("unit", text)
        # an abbreviation or a symbol ("sek.", "godz.", "h", "m-cy") stands for any number of its noun
        abbreviated = text.endswith(".") or len(text) < 2 or "-" in text
        point.unit_plural, point.unit_may_be_plural = (False, True) if abbreviated else _plural(text)
    elif name == "unitone":
        point.unit, point.num = grammar.value("unit", text), "1"
    elif name == "event":
        point.event = grammar.value("event", text)
    elif name == "nth":
        point.nth = int(grammar.value("nth", text) or 0) or None
    elif name in ("shift", "dayshift", "yearshift", "monthshift", "centuryshift", "direction"):
        setattr(point, name, _shift(grammar.value(name, text)))
    return True


def _sentence_initial(text: str, start: int) -> bool:
    # walk back over spaces instead of copying the text before ``start``: linear in the document
    position = start
    while position and text[position - 1] in " \t\u00a0":
        position -= 1
    return not position or text[position - 1] in _SENTENCE_START


def _passes(rule: Rule, candidate: Candidate, text: str, lower: str, grammar: Grammar) -> bool:
    check = rule.check
    if check == "bare_year":
        if re.search(r"\d[ \u00a0]$", lower[max(0, candidate.start - 2):candidate.start]):
            return False
        if grammar.compiled_macro("numberNoun").search(lower, max(0, candidate.start - 12), candidate.start):
            return False  # "pociąg nr 1701", "ul. Wielka 1920"
        if grammar.compiled_macro("streetBefore").search(lower, max(0, candidate.start - 50), candidate.start):
            return False  # "przy ul. Wielkiej 1936": a house number
        hedge = grammar.compiled_macro("modifierBefore").search(lower, max(0, candidate.start - 30), candidate.start)
        after = _NEXT_WORD.match(lower, candidate.end)
        if hedge and grammar.value("mod", hedge["word"]) in _QUANTITY_HEDGES:
            # "ponad 1800 zostało rannych": an amount; "około 1900 wyjechał": a past verb that no amount
            # can be the subject of makes it a year
            return bool(after) and _not_agreeing_with_amount(text[after.start(1):after.end(1)])
        before = _PREVIOUS_WORD.search(text, max(0, candidate.start - 24), candidate.start)
        if after:
            readings = get_morphology().analyse(text[after.start(1):after.end(1)])
            if any(i.pos in _NON_NOMINAL for i in readings):
                return True
            # "Od 1918 Polska jest wolna": a preposition of time before, a capitalised subject after
            return bool(before) and before.group(1).lower() in _YEAR_PREPOSITIONS and text[after.start(1)].isupper()
        # nothing follows: a year ("Euro 2012.", "sezonu 2008."), but an amount right after a verb ("wynosi 1934.")
        if before is None:
            return True
        word = before.group(1)
        return word[0].isupper() or not any(i.pos in ("fin", "praet") for i in get_morphology().analyse(word))
    if check == "ascending":
        left, right = candidate.points
        return left.year is not None and right.year is not None and right.year > left.year
    if check == "lowercase_initial":  # a capital not opening a sentence makes a name ("ul. Listopadowa")
        if rule.name == "month" and grammar.compiled_macro("capitalMonthLocative").match(lower, candidate.start):
            return True  # "w Sierpniu": older prose capitalised the months
        return _passes_lowercase_initial(text, candidate)
    if check == "capital_roman":  # "I kwartał", not the conjunction in "rok i kwartał": a Roman numeral in capitals
        roman = re.match(r"[ivxIVX]{1,4}(?![^\W_])", text[candidate.start:candidate.end])
        return roman is None or roman.group().isupper()
    if check == "not_house_number":  # "ul. Listopadowej 6, 15 listopada": a house number, then a date
        return not grammar.compiled_macro("streetBefore").search(lower, max(0, candidate.start - 50), candidate.start)
    if check == "uppercase_roman":  # "17 IX", "3.V.", not "3 ii" (a paragraph's point) or a unit
        roman = _ROMAN_WORD.search(text, candidate.start, candidate.end)
        return roman is not None and roman.group().isupper()
    if check == "lowercase_month":
        # a capitalised month after a day number names a street or square ("ul. 3 Maja")
        month = re.search(r"[^\W\d_]{3,}", text[candidate.start:candidate.end])
        capitalised = month is not None and month.group()[0].isupper() and month.start() > 0
        return not (capitalised and _STREET_BEFORE.search(text, max(0, candidate.start - 30), candidate.start))
    if check == "dateline":
        window = max(0, candidate.start - 40)
        if DATELINE_PLACE.search(text, window, candidate.start):
            return True
        return bool(DATELINE_TITLE_PLACE.search(text, window, candidate.start)) and bool(
            _NEXT_CAPITAL.match(text, candidate.end))
    if check == "season_of_year":  # "opony zimowe", "zimowe igrzyska": a kind of thing, not a season of a year
        if not _passes_lowercase_initial(text, candidate):
            return False
        before = _PREVIOUS_WORD.search(lower, max(0, candidate.start - 24), candidate.start)
        after = _NEXT_WORD.match(lower, candidate.end)
        return not any(word and grammar.value("kind", word.group(1)) is not None for word in (before, after))
    if check == "not_press_kind":  # "prasa poranna": a kind of paper, not a time
        before = _PREVIOUS_WORD.search(lower, max(0, candidate.start - 24), candidate.start)
        return before is None or grammar.value("press", before.group(1)) is None
    if check == "not_score":  # "przy stanie 16:12": the score of a game
        return not grammar.compiled_macro("scoreContext").search(lower, max(0, candidate.start - 30), candidate.start)
    if check == "not_money":  # "pożyczył 1500 rubli, a oddał 700 r.": after a sum of money "r." is a rouble
        if not lower.endswith("r.", candidate.start, candidate.end):
            return True
        before = _PREVIOUS_WORD.search(lower, max(0, candidate.start - 24), candidate.start)
        if before and before.group(1) in _YEAR_PREPOSITIONS:  # "w 1863 r."
            return True
        return not grammar.compiled_macro("moneyBefore").search(lower, max(0, candidate.start - 60), candidate.start)
    if check == "feast":
        if grammar.compiled_macro("dedicationBefore").search(lower, max(0, candidate.start - 40), candidate.start):
            return False  # "kościół Bożego Ciała", "ul. św. Marcina": a church or a street of that name
        written = text[candidate.start:candidate.end]
        if rule.name == "new_year" and not re.search(r"\bRok", written):
            return False  # "w nowy rok": the next year; New Year's Day is written "Nowy Rok"
        if rule.name not in ("saint_day", "folk_feast") or _DAY_NOUN.match(written):
            return True
        before = _PREVIOUS_WORD.search(lower, max(0, candidate.start - 24), candidate.start)
        return before is not None and before.group(1) in _FEAST_PREPOSITIONS
    if check == "after_day":  # "dziś o 18": the hour follows a day word and its "o"
        window = max(0, candidate.start - 40)
        return bool(grammar.compiled_macro("dayWordBefore").search(lower, window, candidate.start))
    if check == "after_degree":  # "dopiero po 22": an adverb of degree in time before the preposition
        window = max(0, candidate.start - 24)
        return bool(grammar.compiled_macro("timeDegreeBefore").search(lower, window, candidate.start))
    if check == "after_elapse_verb":  # "minęła godzina": the subject of a verb of time passing
        window = max(0, candidate.start - 24)
        return bool(grammar.compiled_macro("elapseVerbBefore").search(lower, window, candidate.start))
    if check == "after_weekday_set":  # "w soboty i niedziele": coordinated with a weekly set before it
        window = max(0, candidate.start - 80)
        return bool(grammar.compiled_macro("weekdaySetBefore").search(lower, window, candidate.start))
    if check == "decade":  # "z lat 60.", "muzyka lat 60.", but not "liczył (sobie) lat 60.", "w wieku lat 90"
        if not lower.startswith("lat ", candidate.start):
            return True
        if grammar.compiled_macro("ageContext").search(lower[max(0, candidate.start - 12):candidate.start]):
            return False  # "w wieku lat 90": an age
        before = _PREVIOUS_WORD.search(text, max(0, candidate.start - 24), candidate.start)
        if before is None:
            return True
        word = before.group(1)
        return word.lower() != "sobie" and not any(
            i.pos in ("fin", "praet", "pcon", "pant", "bedzie", "inf", "adv") for i in get_morphology().analyse(word))
    if check == "clock_ordinal":  # "dziesięć po ósmej", not "dwa po pierwszej wojnie", "o ósmej trzydzieści osób"
        return not _qualifies_next_noun(text, candidate)
    if check == "not_age":
        return not _is_age(text, lower, candidate, grammar)
    if check == "duration":
        window = lower[max(0, candidate.start - 12):candidate.start]
        if grammar.compiled_macro("ageContext").search(window):
            return False
        point = candidate.points[-1]
        # "25 roku życia" is an ordinal: a whole amount above one takes a plural unit
        return not (point.num and point.num.isdigit() and int(point.num) > 1 and not point.unit_may_be_plural)
    return True


def _not_agreeing_with_amount(word: str) -> bool:
    """A past-tense verb that cannot agree with a numeral subject: a numeral of five or more takes the
    neuter singular ("1800 zostało"), one ending in 2–4 the non-personal plural ("1902 osoby przybyły"), so
    a masculine or feminine singular ("wyjechał", "wyjechała") or a personal plural ("wyjechali") has another
    subject and the number before it is a year."""
    readings = get_morphology().analyse(word)
    def personal(tag: str) -> bool:  # praet:NUMBER:GENDERS:…
        _, number, genders, *_ = tag.split(":")
        return "n" not in genders.split(".") if number == "sg" else genders == "m1"

    return bool(readings) and all(i.pos == "praet" and personal(i.tag) for i in readings)


def _qualifies_next_noun(text: str, candidate: Candidate) -> bool:
    """Whether the expression's last word qualifies the noun after it: an ordinal agreeing with it ("po
    pierwszej wojnie"), or a numeral counting it (a noun in the plural: "trzydzieści osób")."""
    after = _NEXT_WORD.match(text, candidate.end)
    if after is None:
        return False
    last = text[candidate.start:candidate.end].split()[-1]
    if _agreeing_numbers(last, after.group(1)):
        return True
    return any(i.pos == "num" for i in get_morphology().analyse(last)) and any(
        i.pos in ("subst", "depr") and i.tag.split(":")[1] == "pl" for i in get_morphology().analyse(after.group(1)))


def _passes_lowercase_initial(text: str, candidate: Candidate) -> bool:
    """Lower case, or a capital that only opens a sentence (and no street's name stands before it)."""
    if not text[candidate.start].isupper():
        return True
    return _sentence_initial(text, candidate.start) and not _STREET_BEFORE.search(
        text, max(0, candidate.start - 30), candidate.start)


def _qualifies_plural(text: str, candidate: Candidate) -> bool:
    """Whether the expression is an adjective agreeing only in the plural with the noun after or before it."""
    adjective = text[candidate.start:candidate.end]
    after = _NEXT_WORD.match(text, candidate.end)
    before = _PREVIOUS_WORD.search(text, max(0, candidate.start - 24), candidate.start)
    for neighbour in (after, before):
        if neighbour is not None:
            numbers = _agreeing_numbers(adjective, neighbour.group(1))
            if numbers:
                return numbers == {"pl"}
    return False


def _agreeing_numbers(adjective: str, noun: str) -> set[str]:
    """The grammatical numbers in which ``adjective`` agrees with ``noun`` (number, a case and a gender)."""
    morphology = get_morphology()
    nouns = [i.tag.split(":") for i in morphology.analyse(noun) if i.pos in ("subst", "depr")]
    numbers = set()
    for reading in morphology.analyse(adjective):
        if reading.pos != "adj":
            continue
        _, number, cases, genders, *_ = reading.tag.split(":")
        for tag in nouns:
            if len(tag) >= 4 and tag[1] == number and set(tag[2].split(".")) & set(cases.split(".")) and set(
                    tag[3].split(".")) & set(genders.split(".")):
                numbers.add(number)
    return numbers


def _is_age(text: str, lower: str, candidate: Candidate, grammar: Grammar) -> bool:
    """"31-letni mieszkaniec", "25-letnia Anna", "stuletni dąb": an adjective in years before a person, an
    animal or a thing states its age ("dwuletnia przerwa", a stretch of time, is a duration)."""
    after = _NEXT_WORD.match(lower, candidate.end)
    if candidate.points[0].unit not in ("Y", "M") or not after or lower.startswith("wielo", candidate.start):
        return False  # "wieloletni prezes": many years are the length of an office, never an age
    word = text[after.start(1):after.end(1)]
    if word[0].isupper() or grammar.value("aged", after.group(1)) is not None:
        return True
    return any(i.pos == "subst" and (":m1" in i.tag or ":m2" in i.tag) for i in get_morphology().analyse(word))


def _with_modifier(candidate: Candidate, lower: str, grammar: Grammar) -> None:
    """Take a hedge or phase word just before the expression into it ("ponad", "na początku")."""
    window_start = max(0, candidate.start - 30)
    match = grammar.compiled_macro("modifierBefore").search(lower, window_start, candidate.start)
    if not match:
        return
    value = grammar.value("mod", match["word"]) or "-"
    kind, _, detail = value.partition("=")
    if detail in _POINT_MODS and candidate.type not in ("DATE", "TIME"):
        return
    if match["word"].endswith("niż") and _counted_before(lower, match.start()):
        return  # "o cztery mniej niż trzy lata temu", "dwa razy więcej niż rok temu": the comparison's own amount
    if kind == "mod":
        candidate.mod = detail
    elif kind == "half" and all(point.decade is not None for point in candidate.points):
        candidate.mod = "START" if detail == "H1" else "END"  # "w drugiej połowie lat 30.": TIMEX3 halves no decade
    elif kind == "half":
        for point in candidate.points:
            point.half = detail
    candidate.start = match.start()
    candidate.spans[0] = (candidate.start, candidate.spans[0][1])


def _counted_before(lower: str, position: int) -> bool:
    """Whether an amount stands right before ``position``, or before the noun it counts: a number, a numeral
    ("o cztery mniej", "10 medali więcej", "dwa razy więcej")."""
    before = _PREVIOUS_AMOUNT.search(lower, max(0, position - 40), position)
    if before is None:
        return False
    return any(word.isdigit() or any(i.pos == "num" for i in get_morphology().analyse(word))
               for word in before.groups() if word)


def _with_post_modifier(candidate: Candidate, lower: str, grammar: Grammar) -> None:
    """Take a hedge right after the expression into it ("godz. 8 z minutami" AFTER, "rok z okładem")."""
    match = grammar.compiled_macro("modifierAfter").match(lower, candidate.end)
    if not match:
        return
    candidate.mod = candidate.mod or (grammar.value("mod", match["word"]) or "").partition("=")[2] or None
    candidate.end = match.end()
    candidate.spans[-1] = (candidate.spans[-1][0], candidate.end)


def _shift_feast(point: Point, days: int) -> None:
    """Move a feast's day by ``days``: the offset of a movable feast, the month and day of a fixed one (the year
    before when the day crosses New Year's Day backwards, "w przeddzień Nowego Roku 1931" = 31 Dec 1930)."""
    if point.holiday and point.holiday.startswith("EASTER"):
        point.holiday = f"EASTER{int(point.holiday[len('EASTER'):] or 0) + days:+d}"
    elif point.month is not None and point.day is not None:
        day = date(2001, point.month, point.day) + timedelta(days=days)  # 2001: no leap day, as the feasts
        if point.year is not None and day.year != 2001:
            point.year += day.year - 2001
        point.month, point.day = day.month, day.day


def read_ocr_digits(lower: str, grammar: Grammar) -> str:
    """``lower`` with the letters OCR put for a day number's first figure read as digits where a month or
    "b. m." follows ("i5 b. m.", "l9 maja"); the length is kept, so offsets stay those of the text."""
    return grammar.compiled_macro("ocrDayNumber").sub(lambda m: m.group().translate(_OCR_DIGITS), lower)


def find_candidates(text: str, lower: str, grammar: Grammar) -> list[Candidate]:
    """Every rule match in ``lower`` (the lower-cased ``text``), normalised and checked."""
    candidates: list[Candidate] = []
    for match in grammar.matches(lower):
        rule = grammar.rule_by_group[match.lastgroup or ""]
        points = [Point(), Point()]
        spans: dict[str, tuple[int, int]] = {}
        usable = True
        for group, name, member in rule.groups:
            span = match.span(group)
            if span[0] < 0:
                continue
            if name in ("left", "right", "measure", "hedge"):
                spans[name] = span
                continue
            usable &= _set_field(points[member], name, lower[span[0]:span[1]], grammar)
        if not usable:
            continue
        start, end = match.span()
        ranged = "left" in spans and "right" in spans
        candidate = Candidate(
            start, end, rule.type, rule.name, points[:2] if ranged else points[:1],
            [spans["left"], spans["right"]] if ranged else [(start, end)], spans.get("measure"),
        )
        if ranged:
            left, right = candidate.points
            if right.year is not None and right.year_digits == 2 and left.year is not None:
                right.year, right.year_digits = right.year + left.year // 100 * 100, 4
            left.inherit(right)
            right.direction = right.direction or left.direction  # "przed 2000–2500 lat": both counted back
            candidate.range = "night" not in rule.fields
        if rule.fields.get("turn") == "year":  # "na przełomie roku": from December to the January after it
            candidate.points, candidate.spans = [Point(month=12), Point(month=1)], [(start, end), (start, end)]
            candidate.range = True
        candidate.night = rule.fields.get("night") == "yes"
        candidate.night_before = rule.fields.get("night") == "before"
        # "wieczorne gry", "audycji nocnych": an adjective of a plural noun names a kind of time
        candidate.habitual = rule.fields.get("habitual") == "plural" and _qualifies_plural(text, candidate)
        for name in ("part", "unit", "num", "season", "half", "set"):
            if name in rule.fields:
                setattr(candidate.points[0], name, rule.fields[name])
        if "shift" in rule.fields:  # "do końca roku": the unit spoken of
            candidate.points[0].shift = _shift(rule.fields["shift"])
        if "dayshift" in rule.fields:  # "w dniu koncertu": the day spoken of
            candidate.points[0].dayshift = _shift(rule.fields["dayshift"])
        for name in ("month", "day"):  # "ostatniego dnia roku": 31 December
            if name in rule.fields:
                setattr(candidate.points[0], name, int(rule.fields[name]))
        if "monthshift" in rule.fields and candidate.points[0].monthshift is None:  # "ostatniego dnia miesiąca"
            candidate.points[0].monthshift = _shift(rule.fields["monthshift"])
        if "feastshift" in rule.fields:  # "w przeddzień Nowego Roku": a day counted from the feast
            _shift_feast(candidate.points[0], int(rule.fields["feastshift"]))
        if "hour" in rule.fields:  # "o północy"
            candidate.points[0].hour, candidate.points[0].minute = int(rule.fields["hour"]), 0
        point = candidate.points[0]
        if "minutes" in rule.fields and point.hour is not None:  # "wpół do ósmej": 30 minutes before eight
            total = point.hour * 60 + (point.minute or 0) + int(rule.fields["minutes"])
            point.hour, point.minute = divmod(total % (24 * 60), 60)
        if rule.fields.get("clock") == "to" and point.hour is not None:  # "za pięć dwunasta": 5 minutes before 12
            point.hour, point.minute = divmod((point.hour * 60 - (point.minute or 0)) % (24 * 60), 60)
        if not _passes(rule, candidate, text, lower, grammar):
            continue
        candidate.bare_number = rule.check == "bare_year"
        _with_modifier(candidate, lower, grammar)
        _with_post_modifier(candidate, lower, grammar)
        if "hedge" in spans:  # "za niecały miesiąc": the hedge inside the expression
            candidate.mod = (grammar.value("mod", lower[slice(*spans["hedge"])]) or "").partition("=")[2] or None
        candidates.append(candidate)
    return candidates
