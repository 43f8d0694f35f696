"""TEI in: text from ``<text>`` traced back to the source, header title and date, source markup kept;
TEI out of a TEI document: the source whole (every element and attribute) plus Kronika's standOff."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kronika.errors import InputError
from kronika.export.tei import analyses_to_tei
from kronika.pipeline import analyze
from kronika.text.reader import read_file, read_paths
from kronika.text.tei import extract, is_tei, parse

DATA = Path(__file__).parent / "data"
PRESSMINT = DATA / "pressmint_like.xml"
RICH = DATA / "rich_header.xml"
T = "{http://www.tei-c.org/ns/1.0}"


def _one(path: Path):
    documents = list(read_file(path))
    assert len(documents) == 1
    return documents[0]


def test_pressmint_file_reads_cleanly_with_header_date_and_title() -> None:
    document = _one(PRESSMINT)
    assert document.id == "PressMint-PL_1939-09-25_kurier"
    assert document.dct == "1939-09-25"
    assert document.title == "Kurier Poranny, 25 września 1939 [PressMint]"
    lines = document.text.split("\n")
    assert lines[0] == "Walki pod Warszawą"  # the ## heading on its own line
    assert lines[1] == "Od tygodnia oddziały polskie bronią stolicy."
    assert "{{" not in document.text and "#" not in document.text and "<" not in document.text
    assert "do mieszkańców miasta." in document.text


def test_rich_header_date_comes_from_the_source_description_and_notes_stay_out() -> None:
    document = _one(RICH)
    assert document.dct == "1939-10-02"  # sourceDesc, not the publication date of the edition
    assert document.title == "Dziennik oblężenia"
    assert "zajęły Lwów." in document.text and "Błąd autorki" not in document.text


def test_every_character_traces_back_to_its_source_paragraph() -> None:
    root = parse(PRESSMINT.read_text("utf-8"), "test")
    extraction = extract(root)
    for index, char in enumerate(extraction.text):
        block = extraction.block_of[index]
        if block < 0:
            assert char == "\n"
            continue
        source = "".join(extraction.blocks[block].itertext())[extraction.offset_of[index]]
        assert source == char or (char == " " and source.isspace())


def test_source_names_keep_their_authority_link_and_are_not_duplicated() -> None:
    analysis = analyze(_one(PRESSMINT))
    text = analysis.document.text
    mayor = [e for e in analysis.entities if "Starzyński" in e.text]
    assert len(mayor) == 1
    assert mayor[0].ref == "https://www.wikidata.org/wiki/Q360771" and mayor[0].lemma == "Stefan Starzyński"
    spans = [(e.start, e.end) for e in analysis.entities]
    assert len(spans) == len(set(spans))
    date = next(t for t in analysis.timexes if t.text == "8 września")
    assert date.value == "1939-09-08" and text[date.start:date.end] == "8 września"


def _elements(root: ET.Element) -> list[tuple[str, dict[str, str]]]:
    return [(element.tag, dict(element.attrib)) for element in root.iter()]


@pytest.mark.parametrize("path", [PRESSMINT, RICH], ids=["pressmint", "rich-header"])
def test_round_trip_keeps_every_source_element_and_attribute(path: Path, jing_errors) -> None:
    tei = analyses_to_tei([analyze(_one(path))])
    assert jing_errors(tei) == []
    source, output = ET.fromstring(path.read_bytes()), ET.fromstring(tei.encode())
    kept = iter(_elements(output))
    for tag, attributes in _elements(source):  # in document order, only added to
        assert any(tag == out_tag and attributes.items() <= out_attributes.items()
                   for out_tag, out_attributes in kept), tag
    assert "".join(source.find(f"{T}text").itertext()) == "".join(output.find(f"{T}text").itertext())
    assert output.find(f"{T}standOff/{T}spanGrp/{T}span") is not None


def test_tei_is_told_by_its_namespace_and_bad_xml_is_one_clear_error(tmp_path: Path) -> None:
    assert is_tei(PRESSMINT.read_text("utf-8"))
    plain = tmp_path / "notes.xml"
    plain.write_text("<notes><n>17 września</n></notes>", "utf-8")
    assert not is_tei(plain.read_text("utf-8"))
    assert list(read_paths([str(plain)]))  # other XML is read as text, as before
    broken = tmp_path / "broken.tei"
    broken.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><p>x</text>', "utf-8")
    with pytest.raises(InputError, match="not well-formed XML"):
        list(read_file(broken))


def test_the_periodical_and_its_place_come_from_the_source_description(tmp_path) -> None:
    """``sourceDesc``'s ``<title level="j">`` and ``<pubPlace>``; the digital edition's publisher place
    (``publicationStmt``) is not where the periodical appeared."""
    path = tmp_path / "kurjer.xml"
    path.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Nr 5</title></titleStmt>'
        "<publicationStmt><pubPlace>Ljubljana</pubPlace></publicationStmt><sourceDesc><biblStruct><monogr>"
        '<title level="j">Kurjer  Wileński</title><imprint><pubPlace>Wilno</pubPlace>'
        '<date when="1930-05-02"/></imprint></monogr></biblStruct></sourceDesc></fileDesc></teiHeader>'
        "<text><body><p>Wczoraj w Oszmianie był jarmark.</p></body></text></TEI>", encoding="utf-8")
    document = _one(path)
    assert (document.journal, document.pub_place, document.dct) == ("Kurjer Wileński", "Wilno", "1930-05-02")
    assert (_one(PRESSMINT).journal, _one(PRESSMINT).pub_place) == (None, None)  # a title of no level
