"""Polish temporal phenomena on sentences written for these tests (not taken from any benchmark): the
direction of weekdays and months, uncertainty kept in ``mod``, 1930s press conventions, narrative time."""

from __future__ import annotations

import pytest

from kronika.model import Timex
from kronika.timex import find_timexes


def found(text: str, dct: str | None = None) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.value, t.mod) for t in find_timexes(text, dct)]


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # the clause's tense points the way: past → the last such day, future → the next (1939-06-07 is a Wednesday)
        ("W poniedziałek rozpoczęto obrady sejmu.", "1939-06-07", [("poniedziałek", "1939-06-05", None)]),
        ("W poniedziałek rozpoczną się obrady sejmu.", "1939-06-07", [("poniedziałek", "1939-06-12", None)]),
        ("Zebranie odbędzie się w najbliższą środę.", "1939-06-07", [("najbliższą środę", "1939-06-14", None)]),
        ("W ub. środę zebrał się zarząd.", "1939-06-07", [("ub. środę", "1939-05-31", None)]),
        # a month without a year in past narrative: this year or the last, never the next
        ("W październiku spłonął młyn.", "1939-06-07", [("październiku", "1938-10", None)]),
        ("W marcu spłonął młyn.", "1939-06-07", [("marcu", "1939-03", None)]),
        ("W październiku otworzą nowy most.", "1939-06-07", [("październiku", "1939-10", None)]),
        # uncertainty and phase are kept as TIMEX3 mod, the value stays the best point
        ("Wojsko weszło około 20 września 1939 r.", None, [("około 20 września 1939 r.", "1939-09-20", "APPROX")]),
        ("Wrócił koło 1920 roku.", None, [("koło 1920 roku", "1920", "APPROX")]),
        ("Stało się to w końcu września 1939 r.", None, [("w końcu września 1939 r.", "1939-09", "END")]),
        ("Umowę zawarto przed 1 września 1939 r.", None, [("przed 1 września 1939 r.", "1939-09-01", "BEFORE")]),
        ("Po 17 września 1939 r. granica upadła.", None, [("Po 17 września 1939 r.", "1939-09-17", "AFTER")]),
        ("Walczono między 18 a 20 września 1939 r.", None,
         [("między 18 a 20 września 1939 r.", "1939-09-18/1939-09-20", None)]),
        # a point hedge is not the amount's: "po dwóch dniach" is a duration without BEFORE/AFTER
        ("Wrócił po dwóch dniach.", None, [("dwóch dniach", "P2D", None)]),
        # 1930s press abbreviations, with OCR reading 1 as l or I
        ("Posiedzenie odbyło się 3 bm. w ratuszu.", "1936-04-09", [("3 bm.", "1936-04-03", None)]),
        ("Zjazd odbył się 28 ub. m. w Wilnie.", "1936-04-09", [("28 ub. m.", "1936-03-28", None)]),
        # "roku zeszłego" and its abbreviations: the year before the issue's, even for a month still to come
        ("Zjazd był 5 maja roku zeszłego w Wilnie.", "1936-04-09", [("5 maja roku zeszłego", "1935-05-05", None)]),
        ("Zebranie odbyło się 5 maja roku z. w Wilnie.", "1936-04-09", [("5 maja roku z.", "1935-05-05", None)]),
        ("Zebranie odbyło się w grudniu r. z", "1936-04-09", [("grudniu r. z", "1935-12", None)]),
        ("W maju z. r. otwarto szkołę.", "1936-04-09", [("maju z. r.", "1935-05", None)]),
        ("W listopadzie ub. r. otwarto szkołę.", "1936-04-09", [("listopadzie ub. r.", "1935-11", None)]),
        ("Dnia 2l czerwca l939 r. otwarto szkołę.", None, [("Dnia 2l czerwca l939 r.", "1939-06-21", None)]),
        # eras and Roman numerals
        ("Chrzest przyjęto w 966 r., a Rzym założono w 753 r. p.n.e.", None,
         [("966 r.", "0966", None), ("753 r. p.n.e.", "BC0753", None)]),
        ("W XVII w. miasto rosło, aż do dnia 1.IX.1939.", None,
         [("XVII w.", "16", None), ("dnia 1.IX.1939", "1939-09-01", None)]),
        # numbers that are not years
        ("Pociąg nr 1701 przybył z opóźnieniem.", None, []),
        ("W r. 1936 i w 1937 r. budowano.", None, [("r. 1936", "1936", None), ("1937 r.", "1937", None)]),
        # a clock with its part of the day
        ("Pociąg odszedł o godz. 3 po poł.", "1939-06-07", [("godz. 3 po poł.", "1939-06-07T15:00", None)]),
        ("Obudzono go o piątej nad ranem.", "1939-06-07", [("o piątej nad ranem", "1939-06-07T05:00", None)]),
    ],
)
def test_phenomena(text: str, dct: str | None, expected: list[tuple[str, str, str | None]]) -> None:
    assert found(text, dct) == expected


def test_anaphora_follows_the_narrative_not_the_issue() -> None:
    text = "W dniu 12 maja 1939 r. przybył do Wilna. Nazajutrz zwiedzał miasto, a tego dnia wieczorem wyjechał."
    values = [(t.text, t.value) for t in find_timexes(text, "1939-06-07")]
    assert values == [("W dniu 12 maja 1939 r.", "1939-05-12"), ("Nazajutrz", "1939-05-13"),
                      ("tego dnia wieczorem", "1939-05-13TEV")]


def test_a_night_clock_after_the_evening_is_the_next_day() -> None:
    text = "Wczoraj o godz. 21 zerwała się burza i miasto było bez prądu do godz. 0.20."
    values = [(t.text, t.value) for t in find_timexes(text, "1939-07-02")]
    assert values == [("Wczoraj o godz. 21", "1939-07-01T21:00"), ("godz. 0.20", "1939-07-02T00:20")]


def test_lasting_until_a_small_hour_ends_on_the_next_day() -> None:
    text = "Sejm obradował wczoraj do godz. 1.15 w nocy, a wczoraj o godz. 3 w nocy wybuchł pożar."
    values = [(t.text, t.value) for t in find_timexes(text, "1931-03-05")]
    assert values == [("wczoraj", "1931-03-04"), ("godz. 1.15 w nocy", "1931-03-05T01:15"),
                      ("wczoraj o godz. 3 w nocy", "1931-03-04T03:00")]


def test_mod_is_in_the_json() -> None:
    (timex,) = find_timexes("około 1940 roku")
    assert timex.to_json()["mod"] == "APPROX"
    assert Timex("t1", 0, 4, "1939", "DATE", "1939").to_json()["mod"] is None


def test_a_dateline_is_dated_by_the_issue_not_by_the_narrative() -> None:
    text = "Raty spłacane będą aż do r. 1852. Berlin, 9 lipca. Ogłoszono dziś traktat."
    values = [(t.text, t.value) for t in find_timexes(text, "1850-07-12")]
    assert values == [("r. 1852", "1852"), ("9 lipca", "1850-07-09"), ("dziś", "1850-07-09")]


def test_a_past_event_after_a_programme_is_not_in_the_future() -> None:
    text = "Wystawa potrwa do 15 marca 1903 roku. Rada miejska uchwaliła w d. 19 listopada budowę pomnika."
    values = [(t.text, t.value) for t in find_timexes(text, "1902-11-29")]
    assert values == [("15 marca 1903 roku", "1903-03-15"), ("19 listopada", "1902-11-19")]


def test_a_season_told_in_the_past_after_plans_is_the_last_one() -> None:
    text = "Klub zorganizuje zawody w roku 1940. Nikt z zawodników przez zimę nie trenował."
    values = [(t.text, t.value) for t in find_timexes(text, "1939-04-03")]
    assert values == [("roku 1940", "1940"), ("zimę", "1938-WI")]


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # no verb says which way: the nearest such day (2009-05-13 is a Wednesday)
        ("Do 15 maja remont.", "2009-05-13", [("15 maja", "2009-05-15")]),
        ("Dnia 29 grudnia napad na strażnicę.", "1925-01-02", [("Dnia 29 grudnia", "1924-12-29")]),
        # the ends of a range of months share one stretch of time
        ("Sezon trwa od listopada do marca.", "2009-05-13", [("listopada do marca", "2008-11/2009-03")]),
        # a habit has no one day
        ("Jak zwykle nabożeństwo rozpocznie się o godz. 18.", "2009-05-13", [("godz. 18", "XXXX-XX-XXT18:00")]),
        # a score and a rate are not times
        ("Przy stanie 16:12 przerwano grę.", "2009-05-13", []),
        ("Bilet kosztuje 3 zł/60 min.", "2009-05-13", []),
        # the phase of the unit spoken of, and a time counted back with "sprzed"
        ("W 1937 r. zaczęto budowę, a pod koniec roku ją przerwano.", "1939-06-07",
         [("1937 r.", "1937"), ("pod koniec roku", "1937")]),
        ("Zdjęcie sprzed dwóch lat.", "2009-05-13", [("sprzed dwóch lat", "2007")]),
    ],
)
def test_direction_habits_and_non_times(text: str, dct: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in find_timexes(text, dct)] == expected


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # the genitive of time alone: "roku zeszłego" is last year as "zeszłego roku" is
        ("Roku ubiegłego spłonął tartak.", "1937-03-02", [("Roku ubiegłego", "1936")]),
        # a number of years counted back with the genitive; a range of amounts is a range of dates
        ("Kurhan usypano przed 3000 lat.", "1930-05-01", [("przed 3000 lat", "BC1071")]),
        ("Kurhan usypano przed 1500–2000 lat.", "1930-05-01", [("przed 1500–2000 lat", "BC0071/0430")]),
        # the day of an event: the day the text gave it, else no day of the text (not marked)
        ("Zjazd otwarto 4 maja. Po południu padał deszcz, a w dniu zjazdu nikt nie wyjechał.", "1936-05-10",
         [("4 maja", "1936-05-04"), ("Po południu", "1936-05-04TAF"), ("dniu", "1936-05-04")]),
        ("Mandat wygasa z dniem śmierci posła.", "1936-05-10", []),
        # a list of clock times names no other day than the one it was dated by: the order of its entries is
        # the writer's, not the calendar's
        ("Program: 3 lipca godz. 17 otwarcie; godz. 20 koncert; godz. 9 msza; godz. 11 defilada.", "1937-06-20",
         [("3 lipca godz. 17", "1937-07-03T17:00"), ("godz. 20", "1937-07-03T20:00"),
          ("godz. 9", "1937-07-03T09:00"), ("godz. 11", "1937-07-03T11:00")]),
        # a comma and a conjunction open a clause with its own tense (1938-05-11 is a Wednesday)
        ("W poniedziałek obradowano, a w piątek zapadnie wyrok.", "1938-05-11",
         [("poniedziałek", "1938-05-09"), ("piątek", "1938-05-13")]),
        ("Obradowano w poniedziałek, a w piątek także.", "1938-05-11",
         [("poniedziałek", "1938-05-09"), ("piątek", "1938-05-06")]),
        ("Starosta ogłosił, że w piątek przyjedzie wojewoda.", "1938-05-11", [("piątek", "1938-05-13")]),
        # a fraction of a year or a week counted in months or days
        ("Wróci za pół roku.", "1936-02-10", [("za pół roku", "1936-08")]),
        ("Osiadł tu półtora roku temu.", "1936-02-10", [("półtora roku temu", "1934-08")]),
        # the clock time of a weekly set belongs to every such day
        ("Próby chóru odbywają się w każdy czwartek o godz. 18.", "1936-02-10",
         [("każdy czwartek o godz. 18", "XXXX-WXX-4T18:00")]),
        ("Czytelnia czynna w niedziele o 4 po południu.", "1936-02-10",
         [("niedziele o 4 po południu", "XXXX-WXX-7T16:00")]),
        # "12 w nocy" is midnight; dusk is the evening's beginning
        ("Bal trwał do 12-ej w nocy.", "1931-01-10", [("12-ej w nocy", "1931-01-10T24:00")]),
        ("Wczoraj o zmierzchu spadł śnieg.", "1931-01-10", [("Wczoraj o zmierzchu", "1931-01-09TEV")]),
        # a half or a quarter of the year spoken of; "obecny", "mijający" as "bieżący"
        ("W drugiej połowie roku zbiory były lepsze.", "1931-11-10", [("drugiej połowie roku", "1931-H2")]),
        ("Dochody w pierwszym kwartale spadły.", "1931-11-10", [("pierwszym kwartale", "1931-Q1")]),
        ("W mijającym roku zbudowano most.", "1931-12-28", [("mijającym roku", "1931")]),
        # a month told in the past after a year of the narrative is in that year; "następnego roku" counts from it
        ("W 1905 r. założono szkołę. W październiku przybył nauczyciel.", "1930-01-10",
         [("1905 r.", "1905"), ("październiku", "1905-10")]),
        ("W 1905 r. założono szkołę, a w maju następnego roku bibliotekę.", "1930-01-10",
         [("1905 r.", "1905"), ("maju następnego roku", "1906-05")]),
        # a day with a Roman month in capitals, without the year
        ("Dnia 3 V 1921 r. wybuchło powstanie. 21 VII podpisano rozejm.", None,
         [("Dnia 3 V 1921 r.", "1921-05-03"), ("21 VII", "1921-07-21")]),
        # a range of weekdays runs forward from its first day (2008-05-14 is a Wednesday)
        ("Od piątku do poniedziałku padało.", "2008-05-14", [("piątku do poniedziałku", "2008-05-09/2008-05-12")]),
        ("Od jutra do soboty sklep będzie zamknięty.", "2008-05-14", [("jutra do soboty", "2008-05-15/2008-05-17")]),
        # a day and a two-digit month without the year; a clock after "o" stays a clock
        ("Zgłoszenia przyjmujemy do 30.06.", "2008-05-14", [("30.06.", "2008-06-30")]),
        ("Autobus odchodzi o 10.05 spod dworca.", "2008-05-14", [("10.05", "2008-05-14T10:05")]),
        # sets of other units, halves as months; a part of the day after a daily set holds for each day
        ("Poczta przychodzi co pół roku, a kontrola kwartalnie.", "1933-03-01",
         [("co pół roku", "P6M"), ("kwartalnie", "P3M")]),
        ("Codziennie wieczorem grała orkiestra.", "1933-03-01", [("Codziennie wieczorem", "XXXX-XX-XXTEV")]),
        # a weekday of the week counted to (1937-03-10 is a Wednesday)
        ("Tydzień temu w sobotę spadł śnieg.", "1937-03-10", [("Tydzień temu w sobotę", "1937-02-27")]),
        ("Za dwa tygodnie w czwartek zbierze się rada.", "1937-03-10", [("Za dwa tygodnie w czwartek", "1937-03-25")]),
        # …but a narrative may go back in time within one day
        ("Dnia 3 lipca o godz. 20 wrócił. O godz. 9 był jeszcze w Wilnie.", "1937-07-10",
         [("Dnia 3 lipca o godz. 20", "1937-07-03T20:00"), ("godz. 9", "1937-07-03T09:00")]),
    ],
)
def test_genitive_year_ranges_back_event_days_and_clock_lists(
        text: str, dct: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in find_timexes(text, dct)] == expected


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # movable feasts by the Gregorian computus (Easter 1928: 8 April), the year from the tense or the text
        ("W Wielki Czwartek 1928 r. zamknięto szkoły.", None, [("Wielki Czwartek 1928 r.", "1928-04-05")]),
        ("Od Popielca obowiązuje post.", "1928-02-10", [("Popielca", "1928-02-22")]),
        ("Na Wniebowstąpienie pojedziemy na wieś.", "1928-04-20", [("Wniebowstąpienie", "1928-05-17")]),
        ("W Niedzielę Palmową 1928 r. padał deszcz.", None, [("Niedzielę Palmową 1928 r.", "1928-04-01")]),
        # fixed feasts: New Year's Day with capitals, Marian feasts by their folk names, the eve of a feast
        ("Na Nowy Rok spadł śnieg.", "1928-01-05", [("Nowy Rok", "1928-01-01")]),
        ("Wchodzimy w nowy rok bez długów.", "1928-01-05", []),
        ("Na Matkę Boską Siewną zaczęto siać żyto.", "1928-09-20", [("Matkę Boską Siewną", "1928-09-08")]),
        ("W przeddzień Wszystkich Świętych sprzedawano znicze.", "1928-11-05",
         [("W przeddzień Wszystkich Świętych", "1928-10-31")]),
        # a saint's day of the folk calendar after a preposition of time or a day noun, not a church
        ("Komorne płaci się na św. Michała.", "1928-09-01", [("św. Michała", "1928-09-29")]),
        ("Od św. Marcina do Bożego Narodzenia drogi były nieprzejezdne.", "1928-12-30",
         [("św. Marcina do Bożego Narodzenia", "1928-11-11/1928-12-25")]),
        ("Procesja wyszła z kościoła św. Anny.", "1928-07-20", []),
        ("Święto Wniebowzięcia obchodzono uroczyście.", "1928-08-20", [("Wniebowzięcia", "1928-08-15")]),
        ("Parafia Bożego Ciała zebrała 300 zł.", "1928-08-20", []),
    ],
)
def test_feasts(text: str, dct: str | None, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in find_timexes(text, dct)] == expected


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a full stop and a capital end the date's sentence: the part of the day opens the next one and goes
        # with the day named after it
        ("Przybył do Grodna 2 maja 1920 r. Wieczorem tego samego dnia odjechał.", None,
         [("2 maja 1920 r.", "1920-05-02"), ("Wieczorem tego samego dnia", "1920-05-02TEV")]),
        ("Dnia 2 maja wyjechał. Rano następnego dnia był w Lidzie.", "1920-05-10",
         [("Dnia 2 maja", "1920-05-02"), ("Rano następnego dnia", "1920-05-03TMO")]),
        # repetitions: once or twice a year, each coordinated weekday, a season of every year
        ("Sejmik zbiera się raz do roku.", "1920-05-10", [("raz do roku", "P1Y")]),
        ("Targ bywa we wtorki i soboty.", "1920-05-10", [("wtorki", "XXXX-WXX-2"), ("soboty", "XXXX-WXX-6")]),
        ("Każdej zimy rzeka zamarzała.", "1920-05-10", [("Każdej zimy", "XXXX-WI")]),
        # a quarter of an hour; a numeral after its unit; an age is no duration
        ("Pociąg stał przez kwadrans, a postój trwał trzy kwadranse.", "1920-05-10",
         [("kwadrans", "PT15M"), ("trzy kwadranse", "PT45M")]),
        ("Wojna trwała lat sześć.", None, [("lat sześć", "P6Y")]),
        ("Przez lat czterdzieści uczył w gimnazjum.", None, [("lat czterdzieści", "P40Y")]),
        ("Mając lat dwadzieścia, wyjechał do Ameryki.", None, []),
    ],
)
def test_sentences_sets_and_amounts(text: str, dct: str | None, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in find_timexes(text, dct)] == expected


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # the hedge of a clock time after a date is the whole expression's
        ("Dnia 3 marca ok. godz. 17 wybuchł pożar.", "1931-03-10",
         [("Dnia 3 marca ok. godz. 17", "1931-03-03T17:00", "APPROX")]),
        # a year in words, as deeds and registers write it; an hour as an ordinal after "godzina"
        ("Akt spisano w roku tysiąc osiemset dziewięćdziesiątym.", None,
         [("roku tysiąc osiemset dziewięćdziesiątym", "1890", None)]),
        ("Posiedzenie trwało do godziny dwudziestej pierwszej.", "1931-03-10",
         [("godziny dwudziestej pierwszej", "1931-03-10T21:00", None)]),
        # the turn of two centuries; the first and the last quarter of one
        ("Na przełomie XVI i XVII wieku miasto kwitło.", None, [("przełomie XVI i XVII wieku", "15/16", None)]),
        ("W pierwszej ćwierci XVIII wieku spłonął zamek.", None, [("pierwszej ćwierci XVIII wieku", "17", "START")]),
        # "następny" counts from the narrative's year; "po tygodniu" is an amount
        ("Jesienią 1831 r. wyjechał; następnego lata był w Paryżu.", None,
         [("Jesienią 1831 r.", "1831-FA", None), ("następnego lata", "1832-SU", None)]),
        ("Chory wyzdrowiał po miesiącu.", None, [("miesiącu", "P1M", None)]),
    ],
)
def test_hedges_words_centuries_and_narrative_seasons(
        text: str, dct: str | None, expected: list[tuple[str, str, str | None]]) -> None:
    assert found(text, dct) == expected


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a date alone on its line heads a diary's entry or a letter: deixis below counts from it
        ("Środa, 9 października 1940.\nDziś spadł śnieg. Jutro jedziemy do miasta.", None,
         [("Środa, 9 października 1940", "1940-10-09"), ("Dziś", "1940-10-09"), ("Jutro", "1940-10-10")]),
        # the relative adjective after the unit, as official prose put it
        ("Obroty w miesiącu ubiegłym spadły.", "1930-04-15", [("miesiącu ubiegłym", "1930-03")]),
        # OCR reads 0 as O in a day number
        ("Dnia 3O kwietnia otwarto most.", "1930-05-15", [("Dnia 3O kwietnia", "1930-04-30")]),
        # a month adjective naming a historical event is no date of the text
        ("Weterani powstania styczniowego przybyli na uroczystość.", "1930-05-15", []),
        # the eve of a saint's day; a Marian feast by its folk name after a preposition of time
        ("W wigilię św. Andrzeja lano wosk.", "1930-12-15", [("W wigilię św. Andrzeja", "1930-11-29")]),
        ("Po Siewnej zaczęto orkę.", "1930-10-15", [("Po Siewnej", "1930-09-08")]),
        ("Matka zapaliła gromniczną świecę.", "1930-10-15", []),
    ],
)
def test_headings_postposed_ocr_and_folk_feasts(text: str, dct: str | None, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in find_timexes(text, dct)] == expected


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a feast in the instrumental after "przed", "za", "między"; Easter Sunday by its older name
        ("Przed Wielkim Piątkiem 1930 r. zamknięto szkoły.", None, [("Przed Wielkim Piątkiem 1930 r.", "1930-04-18")]),
        ("W Wielką Niedzielę 1930 r. świeciło słońce.", None, [("Wielką Niedzielę 1930 r.", "1930-04-20")]),
        # the first day of a coordination with its ordinal suffix
        ("Targi odbędą się 3-go i 4-go maja.", "1930-04-20", [("3-go i 4-go maja", "1930-05-03/1930-05-04")]),
    ],
)
def test_feasts_in_the_instrumental_and_ordinal_pairs(
        text: str, dct: str | None, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in find_timexes(text, dct)] == expected


def test_a_year_named_since_does_not_put_a_past_month_ahead() -> None:
    # "na rok bieżący" names the issue's year; "w październiku" told in the past is then the last October
    text = "Pismo wychodzić będzie od stycznia. Budżet na rok bieżący uchwalono. Było to w październiku."
    assert [(t.text, t.value) for t in find_timexes(text, "1908-02-07")] == [
        ("stycznia", "1909-01"), ("rok bieżący", "1908"), ("październiku", "1907-10")]


def test_an_age_is_no_decade() -> None:
    assert find_timexes("Zmarło 12 starców w wieku lat 90.", None) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one amount told in units running downwards is one duration (TIMEX3 PT2H15M)
        ("Narada trwała 2 godziny 15 minut.", [("2 godziny 15 minut", "PT2H15M")]),
        ("Zwycięzca przebiegł dystans w 3 min. 52 sek.", [("3 min. 52 sek.", "PT3M52S")]),
        ("Służył w wojsku 3 lata i 4 miesiące.", [("3 lata i 4 miesiące", "P3Y4M")]),
        # the number after "lat" with "na": a duration, not a decade
        ("Utracił prawa obywatelskie na lat 10.", [("lat 10", "P10Y")]),
    ],
)
def test_amounts_of_time(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in find_timexes(text, None)] == expected


def test_a_present_form_of_either_aspect_does_not_point_ahead() -> None:
    """*donoszą* is a form of *donosić* 'to report' (imperfective: a present) and of *donosić* 'to carry to
    term' (perfective: a future); such a form says nothing of the direction, the past verb after it does."""
    assert found("Ze Lwowa donoszą: W czwartek pożar strawił trzy domy.", "1936-01-29") == [
        ("czwartek", "1936-01-23", None)]
    assert found("W czwartek przyjedzie do nas wójt.", "1936-01-29") == [("czwartek", "1936-01-30", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a month of every year: TIMEX3 SET XXXX-MM, whichever side the yearly word stands on
        ("Co roku w lutym jeździmy na narty.", [("Co roku w lutym", "XXXX-02", None)]),
        ("Targi odbywają się we wrześniu każdego roku.", [("wrześniu każdego roku", "XXXX-09", None)]),
        # a yearly word and a month of another sentence stay apart
        ("Byliśmy tam co roku. W lutym padało.", [("co roku", "P1Y", None), ("lutym", "2011-02", None)]),
        # a year of accounts or a budget named by its number is that year, not "za rok" counted forward
        ("Zysk za rok obrotowy 2010 wyniósł milion złotych.", [("rok obrotowy 2010", "2010", None)]),
        ("Gmina nie ma jeszcze planu na rok budżetowy.", []),
    ],
)
def test_modern_sets_and_named_years(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert found(text, "2011-05-10") == expected


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a date a past verb of postponing or scheduling takes lies after the act: the nearest such day
        ("Przetarg został przesunięty do 14 stycznia.", "2010-12-28", [("14 stycznia", "2011-01-14", None)]),
        ("Zarząd zwołał walne zgromadzenie na czwartek.", "2010-12-28", [("czwartek", "2010-12-30", None)]),
        # other past verbs still point back
        ("Przetarg rozstrzygnięto 14 stycznia.", "2010-12-28", [("14 stycznia", "2010-01-14", None)]),
    ],
)
def test_postponed_dates_lie_ahead(text: str, dct: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert found(text, dct) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # quarters and halves of a year as economic reports write them
        ("Przychody w II kw. 2010 r. spadły.", [("II kw. 2010 r.", "2010-Q2", None)]),
        ("Zysk za I półrocze 2010 r. był rekordowy.", [("I półrocze 2010 r.", "2010-H1", None)]),
        ("Prognoza na drugie półrocze jest ostrożna.", [("drugie półrocze", "2011-H2", None)]),
    ],
)
def test_quarters_and_halves_of_reports(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert found(text, "2011-05-10") == expected


def test_turn_of_two_years_and_ordinal_halves() -> None:
    assert found("Na przełomie lat 2010 i 2011 rynek się załamał.", "2011-05-10") == [
        ("przełomie lat 2010 i 2011", "2010/2011", None)]
    assert found("W 2. połowie czerwca ruszą zapisy.", "2011-05-10") == [("2. połowie czerwca", "2011-06-H2", None)]


def test_a_bare_hour_after_a_day_word() -> None:
    # "o 18" right after a day word is its clock time; an amount after "o" stays none
    assert found("Wczoraj około 23 doszło do kolizji.", "2011-05-10") == [
        ("Wczoraj około 23", "2011-05-09T23:00", "APPROX")]
    assert found("Wczoraj o 5 zł podrożała benzyna.", "2011-05-10") == [("Wczoraj", "2011-05-09", None)]


def test_a_hedged_clock_after_a_part_of_the_day_hedges_the_whole() -> None:
    assert found("Wczoraj wieczorem, około godz. 9, wybuchł pożar.", "1928-10-10") == [
        ("Wczoraj wieczorem, około godz. 9", "1928-10-09T21:00", "APPROX")]


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # noon is a clock time; "około południa" stays a part of the day
        ("Spotkamy się jutro w południe.", "1936-04-09", [("jutro w południe", "1936-04-10T12:00", None)]),
        ("Wyjechał wczoraj około południa.", "1936-04-09", [("wczoraj około południa", "1936-04-08TMI", None)]),
        ("Od rana padał śnieg.", "1936-04-09", [("Od rana", "1936-04-09TMO", None)]),
        # "każdy" holds for each weekday coordinated with its own
        ("Lekarz przyjmuje w każdy poniedziałek i czwartek.", "1936-04-09",
         [("każdy poniedziałek", "XXXX-WXX-1", None), ("czwartek", "XXXX-WXX-4", None)]),
        # Roman months in ranges and before a year
        ("Kurs trwał od XI 1931 do III 1932 r.", None, [("XI 1931 do III 1932 r.", "1931-11/1932-03", None)]),
        ("Kasa będzie zamknięta w dniach 7–9 VI.", "1936-05-20", [("7–9 VI.", "1936-06-07/1936-06-09", None)]),
        # older prose capitalised the months
        ("Zboże zebrano w Sierpniu.", "1887-10-02", [("Sierpniu", "1887-08", None)]),
        # an age is no duration: "przeżywszy 90 lat"
        ("Zmarła w Krakowie, przeżywszy 90 lat.", None, []),
        # a registry act dated in words, the new style in brackets; its date anchors "wczoraj" in the act
        ("Działo się w Warszawie dnia dziesiątego (22) marca 1880 roku. Dziecię urodziło się wczoraj.", None,
         [("dziesiątego (22) marca 1880 roku", "1880-03-22", None), ("wczoraj", "1880-03-21", None)]),
        # a letter's heading after its place dates what the letter tells; a feast told in the past lies before it
        ("Kraków, 5 stycznia 1925 r.\nDrogi Ojcze! Wczoraj wróciłem, a Boże Narodzenie spędziłem w Wiedniu.", None,
         [("5 stycznia 1925 r.", "1925-01-05", None), ("Wczoraj", "1925-01-04", None),
          ("Boże Narodzenie", "1924-12-25", None)]),
        # told after a day near the year's end, a date may cross into the next year
        ("Dnia 28 grudnia 1930 r. wyjechał, a 2 stycznia wrócił.", None,
         [("Dnia 28 grudnia 1930 r.", "1930-12-28", None), ("2 stycznia", "1931-01-02", None)]),
        # a clock time in a sentence whose subject carries the day: on that day
        ("Zebranie z dnia 3 marca trwało do godz. 22.", "1936-03-10",
         [("dnia 3 marca", "1936-03-03", None), ("godz. 22", "1936-03-03T22:00", None)]),
        # modern usage: unit symbols without a dot, weekends as a weekly set, "przez" with one unit a duration
        ("Jechałem 2 h, czekałem 5 min.", "2009-05-14", [("2 h", "PT2H", None), ("5 min.", "PT5M", None)]),
        ("W weekendy sklep jest zamknięty.", "2009-05-14", [("weekendy", "XXXX-WXX-WE", None)]),
        ("Przez ostatni miesiąc padało, a w ostatnim roku było sucho.", "2009-05-14",
         [("ostatni miesiąc", "P1M", None), ("ostatnim roku", "2008", None)]),
        ("Eksport wzrósł rok do roku o 3 proc.", "2009-05-14", []),
        # a day of every year is a set, unless "jak co roku" compares this year's occurrence with the others
        ("Co roku 3 maja odbywa się pochód.", "2009-05-14", [("Co roku 3 maja", "XXXX-05-03", None)]),
        ("Jak co roku 3 maja odbył się pochód.", "2009-05-14",
         [("co roku", "P1Y", None), ("3 maja", "2009-05-03", None)]),
        # a bare hour after a hedge with its part of the day; the turn of two decades; the last century
        ("Wyszedł koło 6 rano.", "2009-05-14", [("koło 6 rano", "2009-05-14T06:00", "APPROX")]),
        ("Na przełomie lat 70. i 80. grali w klubach.", "2009-05-14", [("przełomie lat 70. i 80.", "197/198", None)]),
        ("W ubiegłym wieku była tu kopalnia.", "2009-05-14", [("ubiegłym wieku", "19", None)]),
        ("Umowa wygasa po upływie miesiąca.", "2009-05-14", [("miesiąca", "P1M", None)]),
        # OCR "l" for 1 in an hour after "godz."
        ("Otwarcie nastąpi o godz. l1.", "1936-03-10", [("godz. l1", "1936-03-10T11:00", None)]),
    ],
)
def test_eighth_pass_phenomena(text: str, dct: str | None, expected: list[tuple[str, str, str | None]]) -> None:
    assert found(text, dct) == expected


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # hours and minutes counted from the clock time just told, on its day (midnight crossed)
        ("Zebranie zaczęło się o godz. 11, a pół godziny później przemówił wojewoda.", "1936-04-09",
         [("godz. 11", "1936-04-09T11:00", None), ("pół godziny później", "1936-04-09T11:30", None)]),
        ("Dnia 2 maja o godz. 23.40 wrócił, a w godzinę później już spał.", "1936-05-10",
         [("Dnia 2 maja o godz. 23.40", "1936-05-02T23:40", None), ("godzinę później", "1936-05-03T00:40", None)]),
        ("Dnia 13 b. m. o północy wpadli do karczmy, a kwadrans potem uciekli.", "1863-11-30",
         [("Dnia 13 b. m. o północy", "1863-11-13T24:00", None), ("kwadrans potem", "1863-11-14T00:15", None)]),
        ("Wyjechał dnia 2 maja, a dwa dni później wrócił.", "1936-05-10",
         [("dnia 2 maja", "1936-05-02", None), ("dwa dni później", "1936-05-04", None)]),
        # "od" glues a day and its clock time as "o" does
        ("Dziś od godz. 12 sklep będzie zamknięty.", "1936-04-09", [("Dziś od godz. 12", "1936-04-09T12:00", None)]),
        ("Jutro od godz. 8 do 14 urząd będzie nieczynny.", "1936-04-09",
         [("Jutro od godz. 8 do 14", "1936-04-10T08:00/1936-04-10T14:00", None)]),
        # a hedge after a clock time: some minutes past it
        ("Wrócił o godz. 8 z minutami wieczorem.", "1930-11-24",
         [("godz. 8 z minutami wieczorem", "1930-11-24T20:00", "AFTER")]),
        # quarters: the last of a year's is its fourth; alone, a quarter counted from the anchor
        ("W ostatnim kwartale ub. roku sprzedaż spadła.", "2012-05-10",
         [("ostatnim kwartale ub. roku", "2011-Q4", None)]),
        ("W ostatnim kwartale sprzedaż spadła, a w przyszłym wzrośnie.", "2012-05-10",
         [("ostatnim kwartale", "2012-Q1", None)]),
        ("W bieżącym kwartale sprzedaż wzrośnie.", "2012-05-10", [("bieżącym kwartale", "2012-Q2", None)]),
        # the term of a comparison is no time of the narrative: a later date takes the issue's year
        ("Zbiory są o 4 proc. większe niż w roku ub. Grad dnia 9 lipca zniszczył żyto.", "1933-09-12",
         [("roku ub.", "1932", None), ("dnia 9 lipca", "1933-07-09", None)]),
        ("W roku ub. otwarto szkołę. Dnia 9 lipca spłonął młyn.", "1933-09-12",
         [("roku ub.", "1932", None), ("Dnia 9 lipca", "1932-07-09", None)]),
    ],
)
def test_ninth_round_phenomena(text: str, dct: str | None, expected: list[tuple[str, str, str | None]]) -> None:
    assert found(text, dct) == expected


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # OCR put a letter for a day number's first figure: read as digits where a month or "b. m." follows
        ("Walne zebranie odbędzie się i5 b. m. w lokalu szkoły.", "1934-03-02", [("i5 b. m.", "1934-03-15", None)]),
        ("Pogrzeb odbył się l9 lutego na cmentarzu.", "1934-03-02", [("l9 lutego", "1934-02-19", None)]),
        ("Czy li maja się bać?", "1934-03-02", [("maja", "1934-05", None)]),
        # the clock told in words: minutes past or to an ordinal hour, quarters on the way to it, minutes after it
        ("Goście zjechali dziesięć po ósmej.", "1934-03-02", [("dziesięć po ósmej", "1934-03-02T08:10", None)]),
        ("Pociąg stanął za pięć dwunasta.", "1934-03-02", [("za pięć dwunasta", "1934-03-02T11:55", None)]),
        ("Lekcja zaczęła się kwadrans na dziewiątą.", "1934-03-02",
         [("kwadrans na dziewiątą", "1934-03-02T08:15", None)]),
        ("Wrócił wpół do dziewiątej wieczorem.", "1934-03-02",
         [("wpół do dziewiątej wieczorem", "1934-03-02T20:30", None)]),
        ("Autobus odchodzi o siódmej czterdzieści.", "1934-03-02",
         [("o siódmej czterdzieści", "1934-03-02T07:40", None)]),
        ("Trzy po pierwszej wojnie wydane mapy zaginęły.", "1934-03-02", []),
        ("Sklep zamknięto pięć minut przed ósmą.", "1934-03-02", [("pięć minut przed ósmą", "1934-03-02T07:55", None)]),
        ("Wyszedł kwadrans przed szóstą rano.", "1934-03-02",
         [("kwadrans przed szóstą rano", "1934-03-02T05:45", None)]),
        ("Dwie minuty przed drugą połową gol padł.", "1934-03-02", [("Dwie minuty", "PT2M", None)]),
    ],
)
def test_ocr_day_numbers_and_clock_idioms(text: str, dct: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert found(text, dct) == expected


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a day of a month or a year counted by an ordinal, the last by the month's length
        ("Sąd ogłosi wyrok ostatniego dnia lutego.", "1936-01-15", [("ostatniego dnia lutego", "1936-02-29", None)]),
        ("Kasa czynna będzie do ostatniego dnia b. m.", "1936-06-03", [("ostatniego dnia b. m.", "1936-06-30", None)]),
        ("Zmarł w ostatnim dniu roku.", "1936-06-03", [("ostatnim dniu roku", "1935-12-31", None)]),
        ("Koncert odbył się drugiego dnia maja.", "1936-06-03", [("drugiego dnia maja", "1936-05-02", None)]),
        ("Pierwszego dnia wiosny uczniowie topią marzannę.", "1936-03-02",
         [("Pierwszego dnia wiosny", "1936-03-21", None)]),
        # a half of a decade is its start or end: TIMEX3 has no half of a decade
        ("W drugiej połowie lat 30. wyjechał do Francji.", None, [("drugiej połowie lat 30.", "193", "END")]),
    ],
)
def test_ordinal_days_of_months_and_halves_of_decades(
    text: str, dct: str | None, expected: list[tuple[str, str, str | None]],
) -> None:
    assert found(text, dct) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a range of hours after a daily set stays a range of its own, as independently written gold marks it
        ("Kancelaria czynna codziennie od 9 do 13.",
         [("codziennie", "P1D"), ("od 9 do 13", "XXXX-XX-XXT09:00/XXXX-XX-XXT13:00")]),
        # parts of the day as the ends of a range: "od" makes the first, one span
        ("Kopali rowy od rana do wieczora.", [("od rana do wieczora", "1934-03-02TMO/1934-03-02TEV")]),
        ("Od tygodnia do dziś nie padało.", [("Od tygodnia", "1934-02-23"), ("dziś", "1934-03-02")]),
    ],
)
def test_ranges_of_hours_after_sets_and_of_parts_of_the_day(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in find_timexes(text, "1934-03-02")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what is told in the future tense after last year's events is not before the creation date
        ("Sprawę odroczono w listopadzie ub. r.; nowa rozprawa odbędzie się 3 marca.",
         [("listopadzie ub. r.", "1937-11"), ("3 marca", "1938-03-03")]),
        # "lata" after a word that takes the genitive is the summer; before 1936 the locative in -em
        ("Od początku lata nie spadła kropla deszczu.", [("początku lata", "1937-SU")]),
        ("W pierwszem półroczu wywóz zboża zmalał.", [("pierwszem półroczu", "1938-H1")]),
    ],
)
def test_future_after_last_year_summer_and_older_locative(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in find_timexes(text, "1938-02-14")] == expected
