"""Anchoring, conventions, offsets and the TIMEX3 value grammar."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kronika.timex import find_timexes
from kronika.timex.values import is_timex3_value
from tests.conftest import analysed

NARRATIVE = "Pakt podpisano 23 sierpnia 1939 roku. Traktat z 1921 roku. Walki trwały 29–30 września, a dzień później"


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # the year of a partial date comes from narrative time, not from an attributive "z 1921 roku"
        (NARRATIVE, None, [("23 sierpnia 1939 roku", "1939-08-23", None), ("1921 roku", "1921", None),
                           ("29–30 września", "1939-09-29/1939-09-30", "t1"),
                           ("dzień później", "1939-10-01", "t3")]),
        ("Atak nastąpił 22 września.", None, [("22 września", "XXXX-09-22", None)]),
        ("Atak nastąpił 22 września.", "1939-09-30", [("22 września", "1939-09-22", None)]),
        ("Wczoraj padało, a w zeszłym tygodniu świeciło słońce.", "2009-02-24",
         [("Wczoraj", "2009-02-23", None), ("zeszłym tygodniu", "2009-W08", None)]),
        ("W 1937 roku wyjechał, a dwa lata później wrócił.", None,
         [("1937 roku", "1937", None), ("dwa lata później", "1939", "t1")]),
        ("Około 1940 roku", None, [("Około 1940 roku", "1940", None)]),
        ("na początku września 1939", None, [("na początku września 1939", "1939-09", None)]),
        ("pod koniec lat 60.", None, [("pod koniec lat 60.", "196", None)]),
        ("przez trzy dni", None, [("trzy dni", "P3D", None)]),
        ("co roku", None, [("co roku", "P1Y", None)]),
        ("wówczas", None, []),
        # 1930s press: deixis in an agency report counts from its dateline, not from the paper's date
        ("Obrady zamknięte RYGA, 14 maja. — Wczoraj sejm uchwalił budżet, a w czwartek rozpoczną się ferie. "
         "PARYŻ, (PAT). — Wczoraj premier przyjął posła.", "1938-05-16",
         [("14 maja", "1938-05-14", None), ("Wczoraj", "1938-05-13", None), ("czwartek", "1938-05-19", None),
          ("Wczoraj", "1938-05-15", None)]),
        # a clock time with its part of the day, read on the 24-hour dial
        ("Pociąg przybył o godz. 7 wieczorem, a odjechał o godz. 6.15 rano.", "1937-01-12",
         [("godz. 7 wieczorem", "1937-01-12T19:00", None), ("godz. 6.15 rano", "1937-01-12T06:15", None)]),
        # "rb." (roku bieżącego) is the paper's year even after an older year was mentioned
        ("Od r. 1926 rządził marszałek, a w lutym rb. ustąpił.", "1935-06-01",
         [("r. 1926", "1926", None), ("lutym rb.", "1935-02", None)]),
    ],
)
def test_anchoring_and_values(text: str, dct: str | None, expected: list[tuple[str, str, str | None]]) -> None:
    found = [(t.text, t.value, t.anchor) for t in find_timexes(text, dct)]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "mod"),
    [("na początku września 1939", "START"), ("ponad dwa lata", "MORE_THAN"), ("około 1940 roku", "APPROX"),
     ("pod koniec 1940 r.", "END"), ("co najmniej dziesięć lat", "EQUAL_OR_MORE"),
     ("przynajmniej trzy tygodnie", "EQUAL_OR_MORE"), ("co najwyżej dwie godziny", "EQUAL_OR_LESS")],
)
def test_modifiers(text: str, mod: str) -> None:
    (timex,) = find_timexes(text)
    assert timex.mod == mod


def test_kpwr_convention_splits_ranges_and_measures() -> None:
    text = "W dniach 6-7.03.2010 r. grali, a dwa dni wcześniej trenowali."
    found = [(t.text, t.type, t.value) for t in find_timexes(text, "2010-02-19", convention="kpwr")]
    assert found == [("6", "DATE", "2010-03-06"), ("7.03.2010 r.", "DATE", "2010-03-07"),
                     ("dwa dni", "DURATION", "P2D")]


def test_ids_in_text_order_and_offsets_slice_back() -> None:
    text = "17 września 1939 roku, o godz. 5.40, a 28 i 29 września walczono."
    timexes = find_timexes(text)
    assert [t.id for t in timexes] == [f"t{i}" for i in range(1, len(timexes) + 1)]
    assert all(text[t.start:t.end] == t.text for t in timexes)


def test_pipeline_fills_timexes() -> None:
    analysis = analysed("Dnia 17 września 1939 r. Armia Czerwona wkroczyła.", "1939-09-30")
    assert [(t.text, t.value) for t in analysis.timexes] == [("Dnia 17 września 1939 r.", "1939-09-17")]


@pytest.mark.parametrize(
    ("value", "valid"),
    [("1939-09-17", True), ("1939-09-17T03:00", True), ("1939-09-18TNI", True), ("XXXX-09-22", True),
     ("1939-09-29/1939-09-30", True), ("P2Y", True), ("PT70M", True), ("PXY", True), ("193", True),
     ("19-H2", True), ("2009-W08", True), ("XXXX-WXX-3", True), ("2010-SP", True), ("PRESENT_REF", True),
     ("BC0300", True), ("BC04", True), ("2008-Q1", True), ("2008-W20-WE", True), ("2008-05-H2", True),
     ("XXXX-XX-XXT24:00", True), ("PT1NI", True), ("BC300", False), ("P2D/1939", False),
     ("1939-9-17", False), ("P2", False), ("sierpień", False), ("1939-09-17T3", False)],
)
def test_value_grammar(value: str, valid: bool) -> None:
    assert is_timex3_value(value) is valid


PIECES = st.sampled_from([
    "17", "września", "1939", "roku", "r.", " ", "  ", "-", "–", "w", "nocy", "z", "na", "godz.", "3", "5.40",
    "dzień", "później", "co", "roku", "od", "do", "latach", "70.", "XX", "wieku", "ponad", "dwa", "lata", ",",
    "\n", "IX", "wtorek", "dziś", "tego", "samego", "dnia", "1:10", "2000", "osób", "ąę", "(", ")",
])


@settings(max_examples=60, deadline=None)
@given(st.lists(PIECES, max_size=400), st.sampled_from([None, "2007-07-04"]))
def test_random_inputs_give_valid_timexes(pieces: list[str], dct: str | None) -> None:
    text = " ".join(pieces)
    for timex in find_timexes(text, dct) + find_timexes(text, dct, convention="kpwr"):
        assert text[timex.start:timex.end] == timex.text
        assert is_timex3_value(timex.value), timex
        assert timex.type in ("DATE", "TIME", "DURATION", "SET")


@settings(max_examples=20, deadline=None)
@given(st.text(alphabet="0123456789 .-–:/ IXrokuwześniagdz\n", min_size=1000, max_size=5000))
def test_adversarial_inputs_stay_fast(text: str) -> None:
    find_timexes(text[:200])  # the grammar compiles its alternations on first use: time the input, not that
    started = time.perf_counter()
    find_timexes(text)
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize("piece", ["1" * 20000, " " * 20000, "1 " * 10000, "17 września " * 2000, "-" * 20000,
                                   "godz. " * 4000, "w nocy z " * 3000])
def test_long_repetitive_inputs_are_linear(piece: str) -> None:
    started = time.perf_counter()
    find_timexes(piece)
    assert time.perf_counter() - started < 2.0


def test_schedule_times_name_no_day_and_kpwr_writes_them_bare() -> None:
    text = "Biuro czynne w godz. 8.00 - 15.00."
    assert [t.value for t in find_timexes(text, "2003-04-12")] == ["XXXX-XX-XXT08:00/XXXX-XX-XXT15:00"]
    assert [t.value for t in find_timexes(text, "2003-04-12", convention="kpwr")] == ["T08:00", "T15:00"]
