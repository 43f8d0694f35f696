"""TIMEX3 → EDTF: precision kept, mods mapped, and every string parsed by the ``edtf`` library."""

import pytest

from kronika.edtf import timex_to_edtf

edtf = pytest.importorskip("edtf")

CASES = [
    ("1939-09-20", None, False, "1939-09-20"),
    ("1939-09", None, False, "1939-09"),
    ("1939", None, False, "1939"),
    ("1939-09-20", "APPROX", False, "1939-09-20~"),
    ("1939-09-20", None, True, "1939-09-20?"),
    ("1939-09-20", "APPROX", True, "1939-09-20%"),
    ("1939-09-18/1939-09-19", None, False, "1939-09-18/1939-09-19"),
    ("1939-09-01", "BEFORE", False, "../1939-09-01"),
    ("1939-09-01", "AFTER", False, "1939-09-01/.."),
    ("1939-FA", None, False, "1939-23"),
    ("1939-SP", None, False, "1939-21"),
    ("193", None, False, "193X"),
    ("19", None, False, "19XX"),
    ("1939-10", "START", False, "1939-10-01~/1939-10-10~"),
    ("1939-10", "END", False, "1939-10-21~/1939-10-31~"),
    ("1939", "MID", False, "1939-05~/1939-08~"),
    ("1939-09-17T03:00", None, False, "1939-09-17T03:00:00"),
    ("1939-09-18TNI", None, False, "1939-09-18"),
    ("1939-09-30T24:00", None, False, "1939-10-01T00:00:00"),
    ("1939-09-17T03:00", None, True, "1939-09-17?"),
    ("1939-W37", None, False, "1939-09-11/1939-09-17"),
    ("XXXX-09-17", None, False, "XXXX-09-17"),
    # ISO 8601 years are astronomical: 300 BC is -0299, 1 BC is 0000
    ("BC0300", None, False, "-0299"),
    ("BC0001", "APPROX", False, "0000~"),
    # EDTF intervals hold dates: a time of day at an end gives its day
    ("1935-03-09T09:00/1935-03-09T21:00", None, False, "1935-03-09"),
    ("1913-03-12T19:00", "AFTER", False, "1913-03-12/.."),
    ("1913-03-12T19:00/1913-03-14", None, False, "1913-03-12/1913-03-14"),
]


@pytest.mark.parametrize(("value", "mod", "uncertain", "expected"), CASES)
def test_timex_values_map_onto_edtf_that_the_library_parses(value, mod, uncertain, expected):
    result = timex_to_edtf(value, mod, uncertain)
    assert result == expected
    edtf.parse_edtf(result)  # raises on anything that is not EDTF


@pytest.mark.parametrize("value", ["P3D", "PRESENT_REF", "XXXX-WXX-1", "9999-12-31T24:00", "", None])
def test_values_without_a_calendar_reading_have_no_edtf(value):
    assert timex_to_edtf(value) is None


def test_quarters_use_the_level_2_sub_year_codes():
    assert timex_to_edtf("1939-Q3") == "1939-35"
    assert timex_to_edtf("1939-H2") == "1939-41"
