import xml.etree.ElementTree as ET

from kronika.export.html import analyses_to_html
from kronika.export.tei import analyses_to_tei
from kronika.model import Analysis, Document, Entity, Sentence, Timex

TEI = "{http://www.tei-c.org/ns/1.0}"


def _analysis(text: str) -> Analysis:
    document = Document(id="d1", text=text, title="<Raport & notatki>", dct="1939-09-30")
    analysis = Analysis(document=document, sentences=[Sentence(0, text.index(".") + 1)])
    start = text.index("Lwowa")
    analysis.entities = [
        Entity("e1", text.index("obrony"), start + 5, "obrony Lwowa", "EVENT", "obrona Lwowa",
               ref="event:obrona-lwowa"),
        Entity("e2", start, start + 5, "Lwowa", "PLACE", "Lwów", ref="place:lwow", parent="e1",
               geo={"lat": 49.84, "lon": 24.03}),
    ]
    date_start = text.index("22")
    analysis.timexes = [Timex("t1", date_start, date_start + 11, "22 września", "DATE", "1939-09-22")]
    return analysis


def test_tei_is_well_formed_and_nests_names_and_dates():
    text = "Koniec obrony Lwowa nastąpił 22 września <script>alert(1)</script> & co dalej."
    tei = analyses_to_tei([_analysis(text)])
    root = ET.fromstring(tei.encode())
    assert root.tag == f"{TEI}TEI"
    event = root.find(f".//{TEI}name")
    assert event is not None and event.get("key") == "obrona Lwowa"
    place = event.find(f"{TEI}placeName")
    assert place is not None and place.text == "Lwowa" and place.get("ref") == "#dd1.place_lwow"
    date = root.find(f"{TEI}text//{TEI}date")
    assert date is not None and date.get("when") == "1939-09-22" and date.text == "22 września"
    sentence = root.find(f".//{TEI}s")
    assert "".join(sentence.itertext()) == text[: text.index(".") + 1]


def test_tei_corpus_for_several_documents():
    text = "Koniec obrony Lwowa nastąpił 22 września."
    root = ET.fromstring(analyses_to_tei([_analysis(text), _analysis(text)]).encode())
    assert root.tag == f"{TEI}teiCorpus" and len(root.findall(f"{TEI}TEI")) == 2


def test_html_escapes_hostile_text_and_forbids_scripts():
    text = "Koniec obrony Lwowa nastąpił 22 września <script>alert(1)</script><img src=x onerror=alert(2)>."
    page = analyses_to_html([_analysis(text)])
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;" in page
    assert "default-src 'none'" in page
    assert '<mark class="PLACE" title="PLACE: Lwów">Lwowa</mark>' in page
    assert "&lt;Raport &amp; notatki&gt;" in page
