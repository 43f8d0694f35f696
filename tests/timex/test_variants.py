"""The generalisation audit: for each family of the temporal grammar, variants that Polish grammar says
behave alike (other cases and numbers, numerals in words and digits, other units and months, abbreviations
with and without dots, word order). Sentences written for these tests, none from a benchmark."""

from __future__ import annotations

import pytest

from kronika.timex import find_timexes


def found(text: str, dct: str | None = "1936-04-15") -> list[tuple[str, str, str | None]]:
    return [(t.text, t.value, t.mod) for t in find_timexes(text, dct)]


# the month referred to by the press's abbreviations: this, last and next month, the adjective before or
# after its noun, either of them abbreviated (1936-04-15 is a Wednesday)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zebranie odbyło się 28 ub. m.", ("28 ub. m.", "1936-03-28", None)),
        ("Zebranie odbyło się 28 ub. miesiąca.", ("28 ub. miesiąca", "1936-03-28", None)),
        ("Zebranie odbyło się 28 m. ub.", ("28 m. ub.", "1936-03-28", None)),
        ("Zebranie odbyło się 28 miesiąca ubiegłego.", ("28 miesiąca ubiegłego", "1936-03-28", None)),
        ("Zebranie odbyło się 2 miesiąca zeszłego.", ("2 miesiąca zeszłego", "1936-03-02", None)),
        ("Zebranie odbędzie się 5 przysz. m.", ("5 przysz. m.", "1936-05-05", None)),
        ("Zebranie odbędzie się 5 przyszłego miesiąca.", ("5 przyszłego miesiąca", "1936-05-05", None)),
        ("Zebranie odbędzie się 7 miesiąca przyszłego.", ("7 miesiąca przyszłego", "1936-05-07", None)),
        ("Zebranie odbędzie się 22 b. miesiąca.", ("22 b. miesiąca", "1936-04-22", None)),
    ],
)
def test_month_of_the_press_abbreviations(text: str, expected: tuple) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("W maju r. przysz. otworzą szkołę.", ("maju r. przysz.", "1937-05", None)),
        ("W maju przysz. roku otworzą szkołę.", ("maju przysz. roku", "1937-05", None)),
        ("W marcu roku przysz. otworzą szkołę.", ("marcu roku przysz.", "1937-03", None)),
        ("W maju przyszłego roku otworzą szkołę.", ("maju przyszłego roku", "1937-05", None)),
    ],
)
def test_next_year_abbreviated_as_the_last_one_is(text: str, expected: tuple) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "m-c", "m-ce", "m-cy": the month abbreviated with its ending, for any number
        ("Na 3 m-ce wyjechał.", [("3 m-ce", "P3M", None)]),
        ("Kurs trwa 5 m-cy.", [("5 m-cy", "P5M", None)]),
        ("Urlop trwa 1 m-c.", [("1 m-c", "P1M", None)]),
        # "wiek" counted is a duration of centuries, in the instrumental after "przed" a date counted back
        ("Trwało to kilka wieków.", [("kilka wieków", "PXCE", None)]),
        ("Spór trwał dwa wieki.", [("dwa wieki", "P2CE", None)]),
        ("Gród stał tu przed trzema wiekami.", [("przed trzema wiekami", "16", None)]),
        ("Gród spłonął przed wiekiem.", [("przed wiekiem", "18", None)]),
        ("W tym wieku trudno o pracę.", []),
        # a fraction of a century is counted in years
        ("Ćwierć wieku temu zbudowano most.", [("Ćwierć wieku temu", "1911", None)]),
        ("Pół wieku temu zbudowano most.", [("Pół wieku temu", "1886", None)]),
        ("Trwało to ćwierć roku.", [("ćwierć roku", "P0.25Y", None)]),
        # compound adjectives: "długo-" as "wielo-", "cało-" the whole of one unit
        ("Po długoletniej przerwie wrócił.", [("długoletniej", "PXY", None)]),
        ("Po całodziennym marszu odpoczywali.", [("całodziennym", "P1D", None)]),
        ("Po całorocznej pracy odpoczywali.", [("całorocznej", "P1Y", None)]),
        ("Apteka pełni całodobowy dyżur.", [("całodobowy", "P1D", None)]),
    ],
)
def test_units_abbreviated_counted_and_in_compounds(text: str, expected: list) -> None:
    assert found(text) == expected


def test_the_next_day_said_as_na_drugi_dzien() -> None:
    assert found("Dnia 3 maja 1920 r. przyjechał do Wilna. Na drugi dzień wyjechał.") == [
        ("Dnia 3 maja 1920 r.", "1920-05-03", None), ("Na drugi dzień", "1920-05-04", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # midnight with "przed" as any clock with it: the mod BEFORE; dawn and the sun as "o świcie"
        ("Zabawa skończyła się przed północą.", [("przed północą", "1936-04-15T24:00", "BEFORE")]),
        ("W sobotę bal trwał do rana, goście rozeszli się przed świtem.",
         [("sobotę", "1936-04-11", None), ("przed świtem", "1936-04-11TMO", None)]),
        ("Wyruszyli o wschodzie słońca.", [("o wschodzie słońca", "1936-04-15TMO", None)]),
        ("Wrócili po zachodzie słońca.", [("po zachodzie słońca", "1936-04-15TEV", None)]),
        # minutes after a comma, and in words after the noun "godzina"
        ("Pociąg odszedł o godz. 8,30.", [("godz. 8,30", "1936-04-15T08:30", None)]),
        ("Pociąg odchodzi o godzinie piętnastej trzydzieści.",
         [("o godzinie piętnastej trzydzieści", "1936-04-15T15:30", None)]),
        ("O godzinie ósmej trzydzieści osób czekało.", []),
        # a bare afternoon hour after "po"/"przed" that an adverb of degree in time qualifies
        ("Do domu wróciliśmy dopiero po 22.", [("po 22", "1936-04-15T22:00", "AFTER")]),
        ("Wyszli grubo po 23, gdy zamknięto lokal.", [("po 23", "1936-04-15T23:00", "AFTER")]),
        ("Sprzedawano jabłka po 15, gruszki po 20.", []),
        ("Wyrównali po 21, ale set przegrali.", []),
        # a stopwatch's time is a duration; a clock's seconds stay a clock
        ("Maraton wygrał w czasie 2:14:05.", [("2:14:05", "PT2H14M5S", None)]),
        ("Na 800 m zwyciężył w 1:58,4.", [("1:58,4", "PT1M58.4S", None)]),
        ("Serwer padł o 14:03:22.", [("14:03", "1936-04-15T14:03", None)]),
        # "z" with an amount in the accusative is "about"
        ("Posiedzę tu z godzinę.", [("z godzinę", "PT1H", "APPROX")]),
        ("Zostanę ze trzy dni.", [("ze trzy dni", "P3D", "APPROX")]),
        ("Czekał z pół godziny.", [("z pół godziny", "PT0.5H", "APPROX")]),
        ("Dom z roku 1936 spłonął.", [("roku 1936", "1936", None)]),
        ("Z dwóch lat zrobiły się trzy.", [("dwóch lat", "P2Y", None)]),
        # the plural "w początkach" as "na początku"
        ("Szkołę otwarto w początkach października 1935 r.",
         [("w początkach października 1935 r.", "1935-10", "START")]),
    ],
)
def test_clock_and_amount_variants(text: str, expected: list) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an adverb of daily frequency stands apart from its clock phrase, which names no one day
        ("Statek odchodzi codziennie o 7 rano.",
         [("codziennie", "P1D", None), ("7 rano", "XXXX-XX-XXT07:00", None)]),
        ("Poczta czynna co dzień o godz. 8.", [("co dzień", "P1D", None), ("godz. 8", "XXXX-XX-XXT08:00", None)]),
        # a part of the day joins it; a clock joins a weekday's set
        ("Codziennie wieczorem czytam.", [("Codziennie wieczorem", "XXXX-XX-XXTEV", None)]),
        ("Msza w każdą niedzielę o godz. 10.", [("każdą niedzielę o godz. 10", "XXXX-WXX-7T10:00", None)]),
    ],
)
def test_a_daily_adverb_and_its_clock(text: str, expected: list) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the first and second days of the great feasts, in several cases; Easter by its older name
        ("Przyjechał w drugie święto Bożego Narodzenia.", [("drugie święto Bożego Narodzenia", "1935-12-26", None)]),
        ("Przyjechał drugiego dnia Wielkanocy.", [("drugiego dnia Wielkanocy", "1936-04-13", None)]),
        ("Przyjechał w pierwszym dniu świąt Bożego Narodzenia.",
         [("pierwszym dniu świąt Bożego Narodzenia", "1935-12-25", None)]),
        ("Przyjechał w drugim dniu Zielonych Świątek.", [("drugim dniu Zielonych Świątek", "1935-06-10", None)]),
        ("Przyjechał na Wielką Noc.", [("Wielką Noc", "1936-04-12", None)]),
        ("Był to drugi dzień podróży.", []),
        # a century by an Arabic ordinal with its dot or ending, by an ordinal in words, "w." before a Roman one
        ("Kościół zbudowano w 17. wieku.", [("17. wieku", "16", None)]),
        ("Kościół zbudowano w 17-tym wieku.", [("17-tym wieku", "16", None)]),
        ("Kościół zbudowano w siedemnastym wieku.", [("siedemnastym wieku", "16", None)]),
        ("Kościół zbudowano w w. XVII.", [("w. XVII", "16", None)]),
        ("Zmarł w wieku dziewiętnastu lat.", []),
        # a year in words before its noun, and after a day in words
        ("Szkołę otwarto w tysiąc dziewięćset dwudziestym roku.",
         [("tysiąc dziewięćset dwudziestym roku", "1920", None)]),
        ("Trzeciego maja tysiąc dziewięćset dwudziestego roku otwarto szkołę.",
         [("Trzeciego maja tysiąc dziewięćset dwudziestego roku", "1920-05-03", None)]),
        # a range of days with ordinal endings or "dnia" at both ends
        ("Zjazd trwał od 3-go do 5-go maja 1936 r.", [("od 3-go do 5-go maja 1936 r.", "1936-05-03/1936-05-05", None)]),
        ("Zjazd trwał od dnia 3 do dnia 5 maja 1936 r.",
         [("od dnia 3 do dnia 5 maja 1936 r.", "1936-05-03/1936-05-05", None)]),
    ],
)
def test_feasts_centuries_years_in_words_and_ranges(text: str, expected: list) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a month with its year after "r." or "roku"
        ("Szkołę otwarto w maju r. 1935.", [("maju r. 1935", "1935-05", None)]),
        ("W lutym roku 1935 otwarto szkołę.", [("lutym roku 1935", "1935-02", None)]),
        # the press's month or year alone after a noun of its phase or part
        ("Szkołę otwarto w połowie b. m.", [("w połowie b. m.", "1936-04", "MID")]),
        ("Szkołę otwarto pod koniec b. r.", [("pod koniec b. r.", "1936", "END")]),
        ("Szkołę otwarto z początkiem ub. r.", [("z początkiem ub. r.", "1935", "START")]),
        ("Wrócił w ostatnich dniach ub. m.", [("ostatnich dniach ub. m.", "1936-03", "END")]),
        ("Wrócił w ostatnim miesiącu ub. r.", [("ostatnim miesiącu ub. r.", "1935", "END")]),
        ("Wrócił w pierwszych tygodniach b. r.", [("pierwszych tygodniach b. r.", "1936", "START")]),
        ("Wrócił w ostatnich miesiącach 1935 r.", [("ostatnich miesiącach 1935 r.", "1935", "END")]),
        # ordinal endings of a day number: -tego, -ty, -szy, -ci
        ("Wrócił 5-tego maja 1935 r.", [("5-tego maja 1935 r.", "1935-05-05", None)]),
        ("Wrócił 1-szy maja 1935 r.", [("1-szy maja 1935 r.", "1935-05-01", None)]),
        ("Wrócił w nocy z 3-go na 4-ty kwietnia.", [("w nocy z 3-go na 4-ty kwietnia", "1936-04-03TNI", None)]),
        ("Kupił 5-ty tom.", []),
    ],
)
def test_months_years_and_their_parts(text: str, expected: list) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one unit after "po" is its duration, any unit of the clock or calendar
        ("Po godzinie wrócił.", [("godzinie", "PT1H", None)]),
        ("Po minucie drzwi się otwarły.", [("minucie", "PT1M", None)]),
        ("Po godzinie policyjnej nie wychodzono.", []),
        # the instrumental plural of a unit: a long, unknown number of them
        ("Czekał latami na wyrok.", [("latami", "PXY", None)]),
        ("Całymi tygodniami nie pisał.", [("Całymi tygodniami", "PXW", None)]),
    ],
)
def test_one_unit_after_po_and_units_in_the_instrumental_plural(text: str, expected: list) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("dct", "text", "expected"),
    [
        # a day named before a clock in the sentence: a schedule's hours are that day's
        ("1936-12-23", "Urzędy będą nieczynne 25 grudnia, a w Wigilię urzędują tylko do godz. 13.",
         [("25 grudnia", "1936-12-25", None), ("Wigilię", "1936-12-24", None), ("godz. 13", "1936-12-24T13:00", None)]),
        ("1936-12-23", "Sklepy będą w Sylwestra czynne do godz. 16.",
         [("Sylwestra", "1936-12-31", None), ("godz. 16", "1936-12-31T16:00", None)]),
        # a day after "od" opens a period whose hours recur
        ("1912-03-10", "Od dnia 1 kwietnia statek odchodzić będzie o godz. 7 rano.",
         [("dnia 1 kwietnia", "1912-04-01", None), ("godz. 7 rano", "XXXX-XX-XXT07:00", None)]),
        ("1912-03-10", "Od 15 marca biuro urzędować będzie od godz. 9 do 13.",
         [("15 marca", "1912-03-15", None), ("godz. 9 do 13", "XXXX-XX-XXT09:00/XXXX-XX-XXT13:00", None)]),
        # a day after "do" with no schedule: the clock is told on it
        ("1912-03-10", "Obrady trwały do 3 marca, a zamknięto je o godz. 12.",
         [("3 marca", "1912-03-03", None), ("godz. 12", "1912-03-03T12:00", None)]),
    ],
)
def test_the_day_of_a_schedules_hours(dct: str, text: str, expected: list) -> None:
    assert found(text, dct) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a comparative with its own amount before it compares other things, not the time
        ("Zdobyli 10 medali, o cztery mniej niż trzy lata temu.", [("trzy lata temu", "1933", None)]),
        ("Zebrano dwa razy więcej niż rok temu.", [("rok temu", "1935", None)]),
        ("Trwało to mniej niż trzy lata.", [("mniej niż trzy lata", "P3Y", "LESS_THAN")]),
    ],
)
def test_a_comparison_of_other_amounts(text: str, expected: list) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a full date's year in two figures before "r." or after an apostrophe: the creation date's century
        ("Pismo z dn. 3.XI.35 r. nadeszło.", [("dn. 3.XI.35 r.", "1935-11-03", None)]),
        ("Pismo z 3.11.35 r. nadeszło.", [("3.11.35 r.", "1935-11-03", None)]),
        ("Pismo z 3 listopada 35 r. nadeszło.", [("3 listopada 35 r.", "1935-11-03", None)]),
        ("Dnia 3 listopada 35 osób przyszło.", [("Dnia 3 listopada", "1935-11-03", None)]),
        ("Cezar zginął w 44 r. p.n.e.", [("44 r. p.n.e.", "BC0044", None)]),
        # the abbreviations' dots lost in print
        ("Zebranie odbyło się 2 ub m.", [("2 ub m.", "1936-03-02", None)]),
        ("Zebranie odbyło się 2 bm", [("2 bm", "1936-04-02", None)]),
        ("Zebranie odbyło się w marcu ub r.", [("marcu ub r.", "1935-03", None)]),
        ("Zebranie odbyło się o godz. 7 min 15.", [("godz. 7 min 15", "1936-04-15T07:15", None)]),
    ],
)
def test_two_figure_years_and_lost_dots(text: str, expected: list) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one unit in the accusative after "przez": a second, a decade, a weekend as an hour or a year
        ("Przez dekadę firma rosła.", [("dekadę", "P1DE", None)]),
        ("Przez weekend padało.", [("weekend", "P1WE", None)]),
        ("Błysk trwał sekundę.", [("sekundę", "PT1S", None)]),
        # "z górą" before the amount as after it; "i" before "kwartał" is a conjunction, not a Roman one
        ("Budowa trwała z górą rok.", [("z górą rok", "P1Y", "MORE_THAN")]),
        ("Budowa trwała rok i kwartał.", [("rok", "P1Y", None)]),
        ("Sprzedaż wzrosła w I kwartale 1936 r.", [("I kwartale 1936 r.", "1936-Q1", None)]),
    ],
)
def test_one_unit_and_hedges_before_amounts(text: str, expected: list) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a half year by an ordinal in figures; the start of a unit with "z początkiem" as "na początku"
        ("W 1. półroczu 1935 r. wywóz wzrósł.", [("1. półroczu 1935 r.", "1935-H1", None)]),
        ("W 2. półroczu 1935 r. wywóz wzrósł.", [("2. półroczu 1935 r.", "1935-H2", None)]),
        ("Z początkiem roku ceny wzrosły.", [("Z początkiem roku", "1936", "START")]),
        ("Z końcem miesiąca ceny wzrosły.", [("Z końcem miesiąca", "1936-04", "END")]),
    ],
)
def test_halves_and_phases_of_units(text: str, expected: list) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Most zbudują w niedalekiej przyszłości.", [("niedalekiej przyszłości", "FUTURE_REF", None)]),
        ("Most zbudują w najbliższym czasie.", [("najbliższym czasie", "FUTURE_REF", None)]),
        ("Most zbudują wkrótce.", []),
    ],
)
def test_the_near_future_named_by_a_noun(text: str, expected: list) -> None:
    assert found(text) == expected


# the second pass: phenomena the audit left open, each with variants of its own (1936-04-15 is a Wednesday)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a half after the unit it halves, as before it ("dwa i pół roku"); after one unit alone too
        ("Podróż trwała dwa lata i pół.", [("dwa lata i pół", "P2.5Y", None)]),
        ("Czekali pięć lat i pół na wyrok.", [("pięć lat i pół", "P5.5Y", None)]),
        ("Obrady trwały dwie godziny i pół.", [("dwie godziny i pół", "PT2.5H", None)]),
        ("Spóźnił się 2 godziny i pół.", [("2 godziny i pół", "PT2.5H", None)]),
        ("Siedział w areszcie miesiąc i pół.", [("miesiąc i pół", "P1.5M", None)]),
        ("Czekał tydzień i pół na list.", [("tydzień i pół", "P1.5W", None)]),
        ("Czekał rok i pół.", [("rok i pół", "P1.5Y", None)]),
        ("Czekał kilka lat i pół.", [("kilka lat i pół", "PXY", None)]),
        ("Przemawiał godzinę i kwadrans.", [("godzinę i kwadrans", "PT1H15M", None)]),
        # three quarters of an hour in figures as in words; the clock idiom stays a clock
        ("Przerwa trwała 3 kwadranse.", [("3 kwadranse", "PT45M", None)]),
        ("Czekała trzy kwadranse na tramwaj.", [("trzy kwadranse", "PT45M", None)]),
        ("Wrócił o trzy kwadranse na ósmą.", [("o trzy kwadranse na ósmą", "1936-04-15T07:45", None)]),
    ],
)
def test_a_half_after_the_unit_and_quarters_in_figures(text: str, expected: list) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the ordinal of the unit now passing, after a verb of time passing: the units passed so far
        ("Strajk trwa już trzeci tydzień.", [("trzeci tydzień", "P3W", None)]),
        ("Mija dziesiąty rok od jego śmierci.", [("dziesiąty rok", "P10Y", None)]),
        ("Upływa właśnie czwarty miesiąc oczekiwania.", [("czwarty miesiąc", "P4M", None)]),
        ("Szedł już drugi tydzień marszu.", [("drugi tydzień", "P2W", None)]),
        ("Trwał piąty dzień obrad.", [("piąty dzień", "P5D", None)]),
        ("Minęła trzecia godzina.", [("trzecia godzina", "PT3H", None)]),
        ("Trwa dwudziesty pierwszy dzień strajku.", [("dwudziesty pierwszy dzień", "P21D", None)]),
        # no verb of time passing, or a cardinal ("czterdzieści" is also an ordinal's plural)
        ("Był to trzeci tydzień nauki.", []),
        ("Post potrwa czterdzieści dni.", [("czterdzieści dni", "P40D", None)]),
        ("Post trwa czterdzieści dni.", [("czterdzieści dni", "P40D", None)]),
    ],
)
def test_an_ordinal_unit_after_a_verb_of_time_passing(text: str, expected: list) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an abbreviated weekday joins the date after it, as the weekday written out does
        ("Zebranie odbędzie się w czw. 16 kwietnia.", [("czw. 16 kwietnia", "1936-04-16", None)]),
        ("Zebranie odbędzie się w pon. 20 kwietnia.", [("pon. 20 kwietnia", "1936-04-20", None)]),
        ("Wykład odbędzie się we wt., 21 kwietnia.", [("wt., 21 kwietnia", "1936-04-21", None)]),
        ("Msza w śr. 22.IV. w kościele.", [("śr. 22.IV.", "1936-04-22", None)]),
        ("Pt. 17 kwietnia: otwarcie wystawy.", [("Pt. 17 kwietnia", "1936-04-17", None)]),
        ("Koncert w niedz. 19 kwietnia o godz. 18.", [("niedz. 19 kwietnia o godz. 18", "1936-04-19T18:00", None)]),
        ("Zabawa w sob. 18 b. m.", [("sob. 18 b. m.", "1936-04-18", None)]),
        # by itself an abbreviation is as often another word
        ("Wydał książkę pt. 12 krzeseł.", []),
    ],
)
def test_abbreviated_weekdays_before_a_date(text: str, expected: list) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list of days sharing the month after its last one: each day its own date
        ("Targi odbędą się 19, 20 i 21 maja.",
         [("19", "1936-05-19", None), ("20", "1936-05-20", None), ("21 maja", "1936-05-21", None)]),
        ("Posiedzenia odbędą się 4, 11 oraz 18 czerwca 1937 r.",
         [("4", "1937-06-04", None), ("11", "1937-06-11", None), ("18 czerwca 1937 r.", "1937-06-18", None)]),
        ("Egzaminy odbyły się 2, 3, 5 i 9 marca.",
         [("2", "1936-03-02", None), ("3", "1936-03-03", None), ("5", "1936-03-05", None),
          ("9 marca", "1936-03-09", None)]),
        ("Wykłady w dniach 6, 13 maja.", [("6", "1936-05-06", None), ("13 maja", "1936-05-13", None)]),
        ("Wykłady 6, 13, 20 maja.",
         [("6", "1936-05-06", None), ("13", "1936-05-13", None), ("20 maja", "1936-05-20", None)]),
        # a number after a street's name is a house number, not the list's first day
        ("Czytelnia przy ul. Długiej 6, 15 marca nieczynna.", [("15 marca", "1936-03-15", None)]),
        # two days joined by "i" and a span of days stay one range
        ("Zawody odbędą się 28 i 29 maja.", [("28 i 29 maja", "1936-05-28/1936-05-29", None)]),
        ("Targi trwały 19-21 marca.", [("19-21 marca", "1936-03-19/1936-03-21", None)]),
    ],
)
def test_a_list_of_days_sharing_one_month(text: str, expected: list) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "między … a …" and the colloquial "między … i …": a range, as "od … do …" is
        ("Budowano go pomiędzy 1930 i 1935 rokiem.", [("pomiędzy 1930 i 1935 rokiem", "1930/1935", None)]),
        ("Stało się to między 1920 i 1921 r.", [("między 1920 i 1921 r.", "1920/1921", None)]),
        ("Budowano go między 1930 a 1935 r.", [("między 1930 a 1935 r.", "1930/1935", None)]),
        ("Przyjedzie między 18 i 20 maja.", [("między 18 i 20 maja", "1936-05-18/1936-05-20", None)]),
        ("Przyjedzie pomiędzy 5 a 7 czerwca.", [("pomiędzy 5 a 7 czerwca", "1936-06-05/1936-06-07", None)]),
    ],
)
def test_between_one_and_the_other(text: str, expected: list) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day and a Roman month, each closed by its dot: the abbreviated date of notices, single letters too
        ("Wystawa czynna od 3.V. do 5.V.", [("3.V. do 5.V.", "1936-05-03/1936-05-05", None)]),
        ("Od 1.VII. do 31.VIII. biuro zamknięte.", [("1.VII. do 31.VIII.", "1936-07-01/1936-08-31", None)]),
        ("Zjazd odbędzie się 12.VI. w Wilnie.", [("12.VI.", "1936-06-12", None)]),
        ("Zebranie zwołano na 15.X. b. r.", [("15.X. b. r.", "1936-10-15", None)]),
        # in lower case a paragraph's point, not a month
        ("Przepis 3.v. stosuje się.", []),
    ],
)
def test_roman_months_with_dots_and_no_year(text: str, expected: list) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "tegoż dnia" with no day told before it is some day, as "tego samego dnia"; after a day, that day
        ("Tegoż dnia wyjechał do Krakowa.", [("Tegoż dnia", "XXXX-XX-XX", None)]),
        ("Tego samego dnia wyjechał do Krakowa.", [("Tego samego dnia", "XXXX-XX-XX", None)]),
        ("Dnia tego spadł śnieg.", [("Dnia tego", "XXXX-XX-XX", None)]),
        ("Dnia 3 kwietnia przyjechał. Tegoż dnia wyjechał.",
         [("Dnia 3 kwietnia", "1936-04-03", None), ("Tegoż dnia", "1936-04-03", None)]),
        # "dziś" counts from the issue: its value is the present where the issue has no date
        ("Dziś wyjechał.", [("Dziś", "1936-04-15", None)]),
    ],
)
def test_the_same_day_with_no_day_before(text: str, expected: list) -> None:
    assert found(text) == expected


def test_the_same_day_in_an_undated_text_and_today() -> None:
    assert [(t.text, t.value) for t in find_timexes("Tegoż dnia wyjechał.", None)] == [("Tegoż dnia", "XXXX-XX-XX")]
    assert [(t.text, t.value) for t in find_timexes("Dziś wyjechał.", None)] == [("Dziś", "PRESENT_REF")]


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        # a month alone points the way the clause's tense does: the future to the next such month
        ("W marcu odbędzie się zjazd.", "1936-12-10", "1937-03"),
        ("W lutym będzie obradował sejm.", "1936-12-10", "1937-02"),
        ("Zjazd w marcu odbyć się ma w Wilnie.", "1936-12-10", "1937-03"),
        ("W marcu odbył się zjazd.", "1936-12-10", "1936-03"),
        ("W marcu odbędzie się zjazd.", "1936-02-10", "1936-03"),
        ("W listopadzie odbył się zjazd.", "1936-02-10", "1935-11"),
    ],
)
def test_a_month_alone_follows_the_tense(text: str, dct: str, value: str) -> None:
    assert [t.value for t in find_timexes(text, dct)] == [value]
