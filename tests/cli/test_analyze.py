"""The `analyze` contract (CONTRACT.md) and its errors, through the real command."""

import json
import subprocess
import sys

import pytest

from kronika.cli import COMMANDS


def run(*args: str, stdin: str | bytes | None = None) -> subprocess.CompletedProcess[str]:
    data = stdin.encode() if isinstance(stdin, str) else stdin
    result = subprocess.run([sys.executable, "-m", "kronika.cli", *args], input=data, capture_output=True,
                            timeout=300)
    return subprocess.CompletedProcess(result.args, result.returncode, result.stdout.decode(), result.stderr.decode())


def assert_contract(analysis: dict) -> None:
    assert set(analysis) >= {"kronika", "document", "sentences", "entities", "timexes", "events"}
    text = analysis["document"]["text"]
    assert set(analysis["document"]) >= {"id", "title", "dct", "text"}
    for start, end in analysis["sentences"]:
        assert 0 <= start < end <= len(text) and text[start:end].strip() == text[start:end]
    for entity in analysis["entities"]:
        assert text[entity["start"]:entity["end"]] == entity["text"]
        assert set(entity) >= {"id", "start", "end", "text", "type", "subtype", "lemma", "ref", "parent", "geo"}
        assert entity["type"] in {"PERSON", "PLACE", "COUNTRY", "ORGANIZATION", "MILITARY_UNIT", "EVENT", "DOCUMENT"}
    for timex in analysis["timexes"]:
        assert text[timex["start"]:timex["end"]] == timex["text"]
        assert timex["type"] in {"DATE", "TIME", "DURATION", "SET"}
    for event in analysis["events"]:
        trigger = event["trigger"]
        assert text[trigger["start"]:trigger["end"]] == trigger["text"]
        assert event["sentence"][0] <= trigger["start"] < trigger["end"] <= event["sentence"][1]
    for span in analysis.get("nkjp", []):
        assert 0 <= span["start"] < span["end"] <= len(text)


def test_analyze_seed_json(tmp_path, seed_gold):
    path = tmp_path / "seed.txt"
    path.write_text(seed_gold["text"], encoding="utf-8")
    result = run("analyze", str(path), "--dct", "2019-09-17", "--nkjp")
    assert result.returncode == 0, result.stderr
    analysis = json.loads(result.stdout)
    assert_contract(analysis)
    assert analysis["document"]["dct"] == "2019-09-17"
    assert analysis["sentences"] == seed_gold["sentences"]
    assert "nkjp" in analysis


def test_several_documents_give_a_list_and_jsonl_one_line_each(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text('{"id": "a", "text": "Wilno broniło się.", "dct": "1939-09-20"}\n'
                    '{"id": "b", "text": "Lwów skapitulował."}\n', encoding="utf-8")
    listed = json.loads(run("analyze", str(path), "--dct", "2000-01-01").stdout)
    assert [a["document"]["id"] for a in listed] == ["a", "b"]
    assert [a["document"]["dct"] for a in listed] == ["1939-09-20", "2000-01-01"]  # the line's own dct wins
    lines = run("analyze", str(path), "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line)["document"]["id"] for line in lines] == ["a", "b"]
    for line in lines:
        assert_contract(json.loads(line))
    assert "nkjp" not in json.loads(lines[0])


def test_stdin_text_and_output_file(tmp_path):
    out = tmp_path / "out.json"
    result = run("analyze", "-", "-o", str(out), stdin="Gen. Anders dowodził. Armia ruszyła.")
    assert result.returncode == 0 and result.stdout == ""
    analysis = json.loads(out.read_text("utf-8"))
    assert analysis["document"]["text"] == "Gen. Anders dowodził. Armia ruszyła."
    assert len(analysis["sentences"]) == 2


def test_text_format_is_readable(tmp_path):
    result = run("analyze", "-", "--format", "text", stdin="Armia Czerwona wkroczyła 17 września 1939 roku.")
    assert result.returncode == 0
    assert result.stdout.startswith("Dokument ") and "zdań" in result.stdout


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["analyze", "/nie/ma/takiego/pliku.txt"], None, "no such file"),
        (["analyze", "-"], b"", "empty document"),
        (["analyze", "-"], b"\x00\x01\x02binary\x00" * 10, "binary"),
        (["analyze", "-", "--dct", "wczoraj"], b"Tekst.", "YYYY-MM-DD"),
        (["analyze"], None, "Missing argument"),
        (["bez-takiej-komendy"], None, "No such command"),
    ],
)
def test_errors_are_one_line_without_traceback(args, stdin, message):
    result = run(*args, stdin=stdin)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert result.stdout == ""


def test_malformed_jsonl_names_the_line_and_writes_nothing(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text('{"text": "Dobry dokument."}\n{"text": "zepsuty"\n', encoding="utf-8")
    result = run("analyze", str(path))
    assert result.returncode == 1 and "line 2" in result.stderr and result.stdout == ""


def test_huge_file_is_refused_clearly(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.write(("Armia Czerwona wkroczyła na teren Polski. " * 1000 + "\n").encode() * 1200)  # ~50 MB
    result = run("analyze", str(path))
    assert result.returncode == 1
    assert "over the 10 MB limit" in result.stderr and "split" in result.stderr
    assert "Traceback" not in result.stderr


def test_every_command_has_help():
    for name in COMMANDS:
        result = run(name, "--help")
        assert result.returncode == 0, (name, result.stderr)
        assert "Usage:" in result.stdout


def test_cli_reference_is_up_to_date():
    from pathlib import Path

    script = Path(__file__).resolve().parents[2] / "scripts" / "gen_cli_docs.py"
    result = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_tei_and_html_formats(tmp_path):
    import xml.etree.ElementTree as ET

    text = "Gen. Franciszek Kleeberg walczył pod Kockiem 2 października 1939 roku. <script>alert(1)</script>"
    tei = run("analyze", "-", "--format", "tei", stdin=text)
    assert tei.returncode == 0, tei.stderr
    root = ET.fromstring(tei.stdout.encode())
    ns = "{http://www.tei-c.org/ns/1.0}"
    assert root.tag == f"{ns}TEI"
    body = root.find(f"{ns}text")  # the standOff lists name the entities again
    assert [p.get("key") for p in body.iter(f"{ns}persName")] == ["Franciszek Kleeberg"]
    assert [d.get("when") for d in body.iter(f"{ns}date") if d.text] == ["1939-10-02"]
    page = run("analyze", "-", "--format", "html", stdin=text)
    assert page.returncode == 0 and page.stdout.startswith("<!DOCTYPE html>")
    assert "<script>" not in page.stdout and "&lt;script&gt;" in page.stdout
    assert 'title="PERSON: Franciszek Kleeberg"' in page.stdout
