"""Folding, index terms and interval arithmetic: the pieces search and date filters rest on."""

import pytest

from kronika.lang.base_forms import guess_bases
from kronika.lang.fold import fold
from kronika.store.intervals import query_interval, timex_interval
from kronika.store.terms import query_alternatives


@pytest.mark.parametrize(("text", "folded"), [
    ("Łódź", "lodz"), ("Rückemann", "ruckemann"), ("ŻÓŁW", "zolw"), ("Brześć", "brzesc"), ("Kraków", "krakow"),
])
def test_fold(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize(("form", "base"), [
    ("Rückemanna", "Rückemann"), ("Kalininie", "Kalinin"), ("Szackiem", "Szack"), ("Szackiego", "Szacki"),
    ("Rückemannowi", "Rückemann"),
])
def test_guess_bases(form, base):
    assert base in guess_bases(form)


@pytest.mark.parametrize(("query", "must_have", "must_not_have"), [
    ("Lwów", ("lwow",), ("lew",)),  # the base form typed: not also the genitive plural of "Lew"
    ("Lwowie", ("lwow",), ()),
    ("Rückemann", ("ruckemann",), ()),
    ("Łodzi", ("lodz",), ()),
])
def test_query_alternatives(query, must_have, must_not_have):
    terms = {t for group in query_alternatives(query) for alternative in group for t in alternative}
    assert set(must_have) <= terms
    assert not set(must_not_have) & terms


@pytest.mark.parametrize(("value", "interval"), [
    ("1939-09-17", ("1939-09-17", "1939-09-17")),
    ("1939-09-17T03:00", ("1939-09-17", "1939-09-17")),
    ("1939-09-18TNI", ("1939-09-18", "1939-09-18")),
    ("1939-09", ("1939-09-01", "1939-09-30")),
    ("1940-02", ("1940-02-01", "1940-02-29")),
    ("1939", ("1939-01-01", "1939-12-31")),
    ("1939-09-29/1939-09-30", ("1939-09-29", "1939-09-30")),
    ("1939-09/1940-06", ("1939-09-01", "1940-06-30")),
    ("193", ("1930-01-01", "1939-12-31")),
    ("19", ("1900-01-01", "1999-12-31")),
    ("1939-Q3", ("1939-07-01", "1939-09-30")),
    ("1939-WI", ("1939-12-01", "1940-02-29")),
    ("1939-W38", ("1939-09-18", "1939-09-24")),
    ("XXXX-09-17", None), ("P2Y", None), ("PRESENT_REF", None), ("1939-02-30", None), (None, None),
])
def test_timex_interval(value, interval):
    assert timex_interval(value) == interval


def test_query_interval_open_ends_and_errors():
    assert query_interval("1939-09", None) == ("1939-09-01", "9999-12-31")
    assert query_interval(None, "1939") == ("0000-01-01", "1939-12-31")
    assert query_interval(None, None) is None
    with pytest.raises(ValueError):
        query_interval("wrzesień", None)
