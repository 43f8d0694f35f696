"""Mentions joined into entities: refs shared by all mentions of one referent."""

from __future__ import annotations

import pytest

from kronika.model import Entity
from kronika.ner.coref import assign_refs, slug
from tests.conftest import entities_of


def refs_by_text(text: str) -> dict[str, str | None]:
    return {e.text: e.ref for e in entities_of(text)}


@pytest.mark.parametrize(("name", "expected"), [
    ("Wilhelm Orlik-Rückemann", "wilhelm-orlik-ruckemann"),
    ("Lwów", "lwow"),
    ("Łódź", "lodz"),
    ("52. Dywizja Strzelecka", "52-dywizja-strzelecka"),
    ("Pułk „Sarny”", "pulk-sarny"),
])
def test_slug(name: str, expected: str) -> None:
    assert slug(name) == expected


@pytest.mark.parametrize(("text", "first", "second"), [
    # surname-only mention joined to the full name, in either order
    ("Ambasador Wacław Grzybowski milczał. Potiomkin wręczył notę Grzybowskiemu.",
     "Wacław Grzybowski", "Grzybowskiemu"),
    ("Grzybowskiemu wręczono notę. Wacław Grzybowski ją odrzucił.", "Grzybowskiemu", "Wacław Grzybowski"),
    ("Grupą dowodził gen. Wilhelm Orlik-Rückemann. Potem gen. Orlik-Rückemann rozwiązał oddziały.",
     "Wilhelm Orlik-Rückemann", "Orlik-Rückemann"),
    # aliases as data
    ("ZSRS napadł na Polskę. Związek Sowiecki uznał, że Polska nie istnieje.", "ZSRS", "Związek Sowiecki"),
    ("Granice II RP ustalono w 1921 roku. II Rzeczpospolita broniła się.", "II RP", "II Rzeczpospolita"),
    # one lemma, two case forms
    ("Dowództwo obrony Lwowa skapitulowało. Lwów był otoczony.", "Lwowa", "Lwów"),
    # an acronym spelling the capitalised initials of a name in the document
    ("Korpus Ochrony Pogranicza bronił granicy. Żołnierze KOP walczyli.", "Korpus Ochrony Pogranicza", "KOP"),
])
def test_mentions_of_one_referent_share_ref(text: str, first: str, second: str) -> None:
    refs = refs_by_text(text)
    assert refs[first] is not None and refs[first] == refs[second]


def test_different_people_with_different_surnames_stay_apart() -> None:
    refs = refs_by_text("Wacław Grzybowski spotkał Józefa Becka. Grzybowski wyszedł.")
    assert refs["Wacław Grzybowski"] == refs["Grzybowski"] != refs["Józefa Becka"]


def test_ref_prefix_names_the_type() -> None:
    entities = [Entity("e1", 0, 4, "Lwów", "PLACE", "Lwów"), Entity("e2", 5, 19, "Armia Czerwona", "MILITARY_UNIT",
                                                                      "Armia Czerwona")]
    assign_refs(entities)
    assert [e.ref for e in entities] == ["place:lwow", "unit:armia-czerwona"]
