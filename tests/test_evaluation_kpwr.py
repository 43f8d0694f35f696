"""KPWr TimeML gold restated in the contract's terms: one example of each rule, written for the test."""

import pytest

from kronika.evaluation import kpwr_contract_gold, timex_value_right


def _doc(text: str, *timexes: tuple[str, str, str | None], dct: str = "2008-05-10") -> dict:
    """A document whose gold timexes are given as (span text, type, value), found in order in ``text``."""
    gold, at = [], 0
    for span, kind, value in timexes:
        start = text.index(span, at)
        at = start + len(span)
        gold.append({"start": start, "end": at, "text": span, "type": kind, "value": value})
    return {"text": text, "dct": dct, "timexes": gold}


def _restated(doc: dict) -> list[tuple[str, str, str | None]]:
    return [(g["text"], g["type"], g["value"]) for g in kpwr_contract_gold(doc)]


@pytest.mark.parametrize(("text", "ends", "joined"), [
    ("Targi trwały od 7 do 9 maja 2008.", ("7", "9 maja 2008"), "7 do 9 maja 2008"),
    ("Sesja odbyła się 12–14 czerwca 2008.", ("12", "14 czerwca 2008"), "12–14 czerwca 2008"),
    ("Kasy czynne 7 i 8 kwietnia 2008.", ("7", "8 kwietnia 2008"), "7 i 8 kwietnia 2008"),
])
def test_a_range_is_one_timex_with_an_interval(text, ends, joined):
    doc = _doc(text, (ends[0], "DATE", "2008-05-07"), (ends[1], "DATE", "2008-05-09"))
    assert _restated(doc) == [(joined, "DATE", "2008-05-07/2008-05-09")]


def test_two_dates_joined_by_and_stay_two_unless_the_first_is_a_bare_day():
    doc = _doc("Wybory w maju i w czerwcu 2008.", ("maju", "DATE", "2008-05"), ("czerwcu 2008", "DATE", "2008-06"))
    assert [v for _, _, v in _restated(doc)] == ["2008-05", "2008-06"]


@pytest.mark.parametrize(("text", "span", "value", "restated"), [
    ("Dwa lata temu zamknięto fabrykę.", "Dwa lata", "P2Y", "2006"),
    ("Przed miesiącem ogłoszono przetarg.", "miesiącem", "P1M", "2008-04"),
    ("Wrócimy za tydzień.", "tydzień", "P1W", "2008-05-17"),
    ("Kilka dni temu spadł grad.", "Kilka dni", "VAGUE", "PAST_REF"),
    ("Za kilka lat będzie tu park.", "kilka lat", "VAGUE", "FUTURE_REF"),
])
def test_an_amount_before_temu_or_after_za_przed_is_the_date_it_points_to(text, span, value, restated):
    assert _restated(_doc(text, (span, "DURATION", value))) == [(span, "DATE", restated)]


def test_an_amount_pointing_from_the_narrative_has_no_value_to_compare():
    doc = _doc("Pożar wybuchł trzy dni wcześniej.", ("trzy dni", "DURATION", "P3D"))
    assert _restated(doc) == [("trzy dni", "DATE", None)]


def test_unknown_parts_are_written_with_x():
    doc = _doc("Spotkanie o 18:00, pokaz 3 maja, wyniki w tym tygodniu.",
               ("18:00", "TIME", "T18:00"), ("3 maja", "DATE", "xxxx-05-03"), ("tym tygodniu", "DATE", "2008-Wxx"))
    assert [v for _, _, v in _restated(doc)] == ["XXXX-XX-XXT18:00", "XXXX-05-03", None]


def test_a_vague_duration_is_any_duration_of_an_unknown_amount():
    (gold,) = kpwr_contract_gold(_doc("Budowa trwała przez wiele lat.", ("wiele lat", "DURATION", "VAGUE")))
    assert all(timex_value_right(gold, v) for v in ("PXY", "PXM", "PXD", "PTXH"))
    assert not timex_value_right(gold, "P2Y")


def test_the_document_is_not_changed():
    doc = _doc("Dwa lata temu.", ("Dwa lata", "DURATION", "P2Y"))
    kpwr_contract_gold(doc)
    assert doc["timexes"][0]["value"] == "P2Y"
