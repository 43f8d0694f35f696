import json
import zlib

import pytest

from kronika.errors import InputError
from kronika.text.reader import decode, html_to_text, read_paths
from tests.robustness.inputs import minimal_pdf

POLISH = "Zażółć gęślą jaźń. Źródło, Śląsk, Łódź — świątynia, źdźbło, ŻÓŁW."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1250", "iso-8859-2", "utf-16"])
def test_encodings_come_out_right(tmp_path, encoding):
    text = POLISH.replace("—", "-")  # ISO-8859-2 has no dash
    path = tmp_path / "doc.txt"
    path.write_bytes(text.encode(encoding))
    [document] = read_paths([str(path)])
    assert document.text == text


@pytest.mark.parametrize("encoding", ["cp1250", "iso-8859-2"])
def test_8bit_code_pages_told_apart_on_a_longer_text(encoding):
    text = "Śmierć przyszła, gdy źli ludzie świętowali. Ściana, źrebię, Śląsk, Źródła Świdra. " * 5
    assert decode(text.encode(encoding)) == text


def test_nfc_normalisation():
    decomposed = "Zaz\u0307o\u0301ł\u0107"  # z + combining dot, o + combining acute
    assert decode(decomposed.encode("utf-8")) == "Zażół\u0107"


def test_crlf_becomes_lf(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_bytes(b"Pierwsze zdanie.\r\nDrugie zdanie.")
    [document] = read_paths([str(path)])
    assert document.text == "Pierwsze zdanie.\nDrugie zdanie."


def test_html_drops_scripts_styles_and_keeps_text(tmp_path):
    markup = """<html><head><title>Wrzesień</title><style>p{color:red}</style>
    <script>alert("x")</script></head><body><h1>Agresja</h1><p>Armia&nbsp;Czerwona <b>wkroczyła</b>.</p>
    <iframe src="evil"></iframe><noscript>bez skryptów</noscript><p onclick="steal()">Koniec.</p>
    <script>document.write('<p>wstrzyknięte</p>')</script></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(markup, encoding="utf-8")
    [document] = read_paths([str(path)])
    assert document.title == "Wrzesień"
    assert "alert" not in document.text and "color" not in document.text and "wstrzyknięte" not in document.text
    assert "bez skryptów" not in document.text
    assert "Armia Czerwona wkroczyła." in document.text and "Koniec." in document.text


def test_html_unclosed_and_malicious_markup_does_not_crash():
    text, _ = html_to_text("<p>Tekst <script>while(1){}" + "<div>" * 5000)
    assert text == "Tekst"


def test_jsonl_documents_and_dct(tmp_path):
    path = tmp_path / "docs.jsonl"
    lines = [{"id": "a", "text": "Pierwszy.", "dct": "1939-09-30", "title": "A"}, {"text": "Drugi."}]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n\n", encoding="utf-8")
    documents = list(read_paths([str(path)]))
    assert [d.id for d in documents][0] == "a" and documents[0].dct == "1939-09-30"
    assert documents[1].text == "Drugi." and len(documents[1].id) == 16


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"text": "ok"}\n{"text": "zły"\n', "line 2: malformed JSON"),
        ('{"text": "ok"}\n["lista"]\n', "line 2: expected an object"),
        ('{"text": 5}\n', "line 1: expected an object"),
        ('{"text": "ok", "dct": "wczoraj"}\n', "line 1: \"dct\" must be a date"),
        ("\n\n", "empty JSONL"),
        ('{"text": "   "}\n', "line 1: empty document"),
    ],
)
def test_malformed_jsonl_names_the_line(tmp_path, content, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        list(read_paths([str(path)]))


def test_folder_reads_supported_files_in_order(tmp_path):
    (tmp_path / "b.txt").write_text("Drugi dokument.", encoding="utf-8")
    (tmp_path / "a.md").write_text("Pierwszy dokument.", encoding="utf-8")
    (tmp_path / "obraz.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert [d.text for d in read_paths([str(tmp_path)])] == ["Pierwszy dokument.", "Drugi dokument."]


def test_docx(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Wojsko Polskie broniło Lwowa.")
    document.add_paragraph("Potem przyszła kapitulacja.")
    path = tmp_path / "raport.docx"
    document.save(str(path))
    [read] = read_paths([str(path)])
    assert read.text == "Wojsko Polskie broniło Lwowa.\nPotem przyszła kapitulacja."


def test_pdf_text_layer(tmp_path):
    path = tmp_path / "raport.pdf"
    path.write_bytes(minimal_pdf("Armia Czerwona przekroczyla granice 17 IX 1939."))
    [document] = read_paths([str(path)])
    assert "Armia Czerwona przekroczyla granice 17 IX 1939." in document.text


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty document"),
        ("blank.txt", b"  \n\t\n", "empty document"),
        ("binary.txt", zlib.compress(b"x" * 1000) + b"\x00\x00\x00", "binary"),
        ("broken.pdf", b"%PDF-1.4 not really", "PDF"),
        ("broken.docx", b"PK\x03\x04 not a zip", "docx"),
        ("garbage.txt", bytes(range(128, 256)) * 40, "cannot detect the text encoding"),
    ],
)
def test_bad_files_raise_input_errors(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        list(read_paths([str(path)]))


def test_missing_file_and_empty_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(read_paths([str(tmp_path / "nie-ma.txt")]))
    with pytest.raises(InputError, match="no readable documents"):
        list(read_paths([str(tmp_path)]))


def test_jsonl_periodical_and_its_place(tmp_path):
    """PressMint's ``journal`` names the periodical; ``pub_place`` where it appeared, when the input says."""
    path = tmp_path / "press.jsonl"
    lines = [{"text": "Wczoraj w Oszmianie był jarmark.", "journal": "Kurjer Wileński : Organ Niezależny"},
             {"text": "Dziś w Brodach spadł śnieg.", "journal": " ", "pub_place": "Lwów"},
             {"text": "Bez gazety."}]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    first, second, third = read_paths([str(path)])
    assert (first.journal, first.pub_place) == ("Kurjer Wileński : Organ Niezależny", None)
    assert (second.journal, second.pub_place) == (None, "Lwów")
    assert (third.journal, third.pub_place) == (None, None)
    path.write_text('{"text": "Tekst.", "journal": 7}', encoding="utf-8")
    with pytest.raises(InputError, match='"journal" must be a string'):
        list(read_paths([str(path)]))
