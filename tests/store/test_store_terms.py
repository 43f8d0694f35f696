"""Folding, index terms and interval arithmetic: the pieces search and date filters rest on."""

import pytest

from kronika.lang.base_forms import guess_bases
from kronika.lang.fold import fold
from kronika.morph import get_morphology
from kronika.store.intervals import query_interval, timex_interval
from kronika.store.quantities import find_quantities
from kronika.store.terms import query_alternatives
from kronika.text.segment import split_sentences


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


@pytest.mark.parametrize(("text", "expected"), [
    ("Wywieziono ponad 320 000 obywateli polskich.", [(320000, "obywatel", "more")]),
    ("Zginęło ok. 22 tys. oficerów.", [(22000, "oficer", "approx")]),
    ("Zginęło dwadzieścia dwa tysiące ludzi.", [(22000, "człowiek", None)]),
    ("Armia liczyła prawie 600 tys. żołnierzy i 5 000 czołgów.",
     [(600000, "żołnierz", "less"), (5000, "czołg", None)]),
    ("Walczyła z 52. Dywizją Strzelecką.", []),  # an ordinal, not a count
    ("Było to 17 września 1939 roku.", []),  # a date, not a count
    ("W 1794 grupa powstańców ruszyła.", []),  # a year before a singular noun
    ("Na przełomie 19 wieku.", []),  # an ordinal century
    ("Była to jedna okazja.", []),  # "one", not a count
    ("Zdobyto 1 działo.", [(1, "działo", None)]),
])
def test_find_quantities(text, expected):
    morphology = get_morphology()
    found = []
    for sentence in split_sentences(text):
        for token in sentence.tokens:
            token.interps = morphology.analyse(token.text)
            token.chosen = token.interps[0]
        found += [(q.value, q.unit, q.modifier) for q in find_quantities(text, sentence, [])]
    assert found == expected
