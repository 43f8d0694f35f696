"""TEI out is valid TEI P5: jing with tei_all.rng on one analysed document and on the corpus export."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter

import pytest

from kronika.export.tei import analyses_to_tei, date_attributes
from kronika.model import Document
from kronika.pipeline import analyze

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
TEXTS = [
    Document("pierwszy", "Około 20 września 1939 r. wojska niemieckie weszły do Warszawy. Na początku "
             "października gen. Franciszek Kleeberg walczył pod Kockiem.\nJesienią 1939 r. Armia Czerwona "
             "zajęła Lwów. W latach 30. Polska podpisała traktat z Francją.", dct="1939-12-01", title="Jesień"),
    Document("drugi", "17 września 1939 r. o godz. 3 w nocy Armia Czerwona przekroczyła granicę. W dniach 18–19 "
             "września broniło się Wilno. Przed 1 października poddała się Warszawa.", dct="1940-01-05"),
]


@pytest.fixture(scope="module")
def analyses():
    return [analyze(document) for document in TEXTS]


def test_one_document_is_valid_tei(analyses, jing_errors) -> None:
    assert jing_errors(analyses_to_tei(analyses[:1])) == []


def test_the_periodical_and_its_place_go_to_the_source_description(jing_errors) -> None:
    analysis = analyze(Document("trzeci", "Wczoraj w Oszmianie był jarmark.", dct="1930-05-02",
                                journal="Kurjer Wileński", pub_place="Wilno"))
    tei = analyses_to_tei([analysis])
    assert jing_errors(tei) == []
    bibl = ET.fromstring(tei.encode()).find(f"{TEI}teiHeader/{TEI}fileDesc/{TEI}sourceDesc/{TEI}p/{TEI}bibl")
    assert bibl is not None
    assert [(child.tag, child.get("level"), child.text) for child in bibl] == [
        (f"{TEI}title", "j", "Kurjer Wileński"), (f"{TEI}pubPlace", None, "Wilno")]


def test_corpus_export_is_valid_tei_with_unique_ids(analyses, jing_errors) -> None:
    tei = analyses_to_tei(analyses, corpus=True)
    assert jing_errors(tei) == []
    ids = Counter(element.get(XML_ID) for element in ET.fromstring(tei.encode()).iter() if element.get(XML_ID))
    assert ids and max(ids.values()) == 1


def test_every_name_points_at_a_standoff_entry(analyses) -> None:
    root = ET.fromstring(analyses_to_tei(analyses[:1]).encode())
    entries = {e.get(XML_ID) for e in root.find(f"{TEI}standOff").iter() if e.get(XML_ID)}
    body = root.find(f"{TEI}text")
    refs = {n.get("ref") for tag in ("persName", "placeName", "orgName") for n in body.iter(TEI + tag)}
    assert refs and {ref.lstrip("#") for ref in refs} <= entries
    warsaw = next(p for p in root.iter(f"{TEI}place") if p.findtext(f"{TEI}placeName") == "Warszawa")
    assert warsaw.findtext(f"{TEI}location/{TEI}geo")
    assert warsaw.find(f"{TEI}idno").text.startswith("https://sws.geonames.org/")
    assert root.find(f"{TEI}standOff/{TEI}listEvent/{TEI}event") is not None


def test_dates_keep_the_timex3_value_and_the_texts_uncertainty(analyses) -> None:
    root = ET.fromstring(analyses_to_tei(analyses[:1]).encode())
    dates = {d.text: d for d in root.find(f"{TEI}text").iter(f"{TEI}date")}
    around = dates["Około 20 września 1939 r."]
    assert around.get("when-custom") == "1939-09-20" and around.get("cert") == "medium"


@pytest.mark.parametrize(("value", "mod", "uncertain", "expected"), [
    ("1939-09-20", None, False, {"when": "1939-09-20"}),
    ("1939-09-20", "APPROX", False, {"when": "1939-09-20", "cert": "medium"}),
    ("1939-09-18/1939-09-19", None, False, {"from": "1939-09-18", "to": "1939-09-19"}),
    ("1939-10-01", "BEFORE", False, {"notAfter": "1939-10-01"}),
    ("1939-FA", None, False, {"notBefore": "1939-09-01", "notAfter": "1939-11-30"}),
    ("193", None, False, {"notBefore": "1930", "notAfter": "1939"}),
    ("1939-09-17T03:00", None, False, {"when": "1939-09-17T03:00:00"}),
    ("1939-09-18TNI", None, True, {"when": "1939-09-18", "cert": "low"}),
    ("XXXX-09-17", None, False, {"when": "--09-17"}),
    ("P3D", None, False, {}),
])
def test_w3c_attributes_are_as_precise_as_the_text(value, mod, uncertain, expected) -> None:
    assert date_attributes(value, mod, uncertain) == expected
