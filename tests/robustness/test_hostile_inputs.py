"""The hostile-input table: every input a careless user or a damaged disk can hand Kronika, with the
exit status and the one-line message it must get (docs/errors.md). Failures write nothing to stdout and
one line to stderr; warnings are one line each and the result is still right."""

from __future__ import annotations

import json
import os
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kronika.timex.values import is_timex3_value
from tests.robustness.inputs import (
    DOCX_BROKEN_XML,
    DOCX_NO_DOCUMENT,
    DOCX_PLAIN_ZIP,
    POLISH,
    minimal_pdf,
)

CUT_UTF8 = POLISH.encode("utf-8")[:-1] + "ń".encode()[:1]  # a file cut inside its last letter
CP1250_LINE = "Świątynia w Łodzi, źródło śliwek.".encode("cp1250")
ISO_LINE = "Śląsk, źdźbło, świeża ziemia.".encode("iso-8859-2")
RELATIVE = "Wojsko weszło do miasta. W {} wrócili."


@dataclass
class Case:
    name: str
    args: list[str]  # "{dir}" is the case's folder
    status: int
    message: str  # a regular expression the stderr line must match ("" for none)
    files: dict[str, bytes] = field(default_factory=dict)
    stdin: bytes = b""
    text: str | None = None  # on success: the document text analyze must print
    warning: str | None = None  # on success: a one-line warning stderr must carry


def jsonl(*records: object) -> bytes:
    return "".join(json.dumps(r) + "\n" for r in records).encode()


CASES = [
    # encodings
    Case("utf8-cut-short", ["analyze", "{dir}/a.txt"], 0, "", {"a.txt": CUT_UTF8},
         text=POLISH[:-1], warning="ends in the middle of a UTF-8 character"),
    Case("utf8-damaged-inside", ["analyze", "{dir}/a.txt"], 1, r"line 2: invalid UTF-8",
         {"a.txt": POLISH.encode() + b"\n" + CP1250_LINE}),
    Case("cp1250-then-utf8", ["analyze", "{dir}/a.txt"], 1, r"line 1: invalid UTF-8",
         {"a.txt": CP1250_LINE + b"\n" + POLISH.encode()}),
    Case("cp1250-capitals", ["analyze", "{dir}/a.txt"], 0, "", {"a.txt": "PÓŁNOC, ŚLĄSK. Północ.".encode("cp1250")},
         text="PÓŁNOC, ŚLĄSK. Północ."),
    Case("cp1250-and-iso-8859-2-mixed", ["analyze", "{dir}/a.txt"], 0, "",
         {"a.txt": CP1250_LINE + b"\n" + ISO_LINE},
         text="Świątynia w Łodzi, źródło śliwek.\nŚląsk, źdźbło, świeża ziemia.",
         warning="mixes cp1250 and ISO-8859-2"),
    Case("utf16-le-without-bom", ["analyze", "{dir}/a.txt"], 0, "", {"a.txt": POLISH.encode("utf-16-le")},
         text=POLISH),
    Case("utf16-be-without-bom", ["analyze", "{dir}/a.txt"], 0, "", {"a.txt": POLISH.encode("utf-16-be")},
         text=POLISH),
    Case("utf16-odd-length", ["analyze", "{dir}/a.txt"], 1, "not valid UTF-16",
         {"a.txt": b"\xff\xfe" + POLISH.encode("utf-16-le") + b"X"}),
    Case("binary", ["analyze", "{dir}/a.txt"], 1, "looks like a binary file", {"a.txt": bytes(range(256)) * 8}),
    Case("nul-inside-text", ["analyze", "{dir}/a.txt"], 0, "", {"a.txt": (POLISH * 100).encode() + b"\x00 koniec."},
         text=POLISH * 100 + "\ufffd koniec.", warning="NUL characters"),
    Case("empty", ["analyze", "{dir}/a.txt"], 1, "empty document", {"a.txt": b""}),
    Case("missing", ["analyze", "{dir}/nie-ma.txt"], 1, "no such file"),
    Case("empty-folder", ["analyze", "{dir}"], 1, "no readable documents"),
    Case("over-the-size-limit", ["analyze", "{dir}/a.txt"], 1, "over the 10 MB limit",
         {"a.txt": b"a" * (10 * 1024 * 1024 + 1)}),
    # stdin
    Case("stdin-text-starting-with-brace", ["analyze", "-"], 0, "",
         stdin="{Notatka} Wojsko weszło do Lwowa.".encode(), text="{Notatka} Wojsko weszło do Lwowa."),
    Case("stdin-jsonl", ["analyze", "-"], 0, "", stdin=jsonl({"text": "Wojsko weszło do Lwowa."}),
         text="Wojsko weszło do Lwowa."),
    Case("stdin-broken-jsonl", ["analyze", "-"], 1, "stdin: line 1: malformed JSON", stdin=b'{"text": "Wojsko'),
    # JSONL
    Case("jsonl-raw-line-separators", ["analyze", "{dir}/a.jsonl"], 0, "",
         {"a.jsonl": '{"text": "Pierwsze\u2028drugie\u0085trzecie."}\n'.encode()},
         text="Pierwsze\u2028drugie\u0085trzecie."),
    Case("jsonl-lone-surrogate", ["analyze", "{dir}/a.jsonl"], 0, "",
         {"a.jsonl": b'{"text": "Wojsko \\ud800 weszlo."}\n'}, text="Wojsko \ufffd weszlo.",
         warning="lone surrogates"),
    Case("jsonl-nul-escape", ["analyze", "{dir}/a.jsonl"], 0, "",
         {"a.jsonl": b'{"text": "Wojsko\\u0000weszlo."}\n'}, text="Wojsko\ufffdweszlo.", warning="NUL"),
    Case("jsonl-deep-nesting", ["analyze", "{dir}/a.jsonl"], 1, "line 1: JSON nested too deeply",
         {"a.jsonl": b"[" * 100_000 + b"]" * 100_000 + b"\n"}),
    Case("jsonl-huge-integer", ["analyze", "{dir}/a.jsonl"], 1, "line 1: malformed JSON",
         {"a.jsonl": b'{"text": "a", "n": ' + b"7" * 5000 + b"}\n"}),
    Case("jsonl-title-number", ["analyze", "{dir}/a.jsonl"], 1, 'line 1: "title" must be a string',
         {"a.jsonl": jsonl({"text": "Tekst.", "title": 5})}),
    Case("jsonl-title-object", ["ingest", "{dir}/a.jsonl", "--db", "{dir}/s.sqlite"], 1,
         'line 1: "title" must be a string', {"a.jsonl": jsonl({"text": "Tekst.", "title": {"x": 1}})}),
    Case("jsonl-id-list", ["analyze", "{dir}/a.jsonl"], 1, 'line 1: "id" must be a string',
         {"a.jsonl": jsonl({"text": "Tekst.", "id": [1]})}),
    Case("jsonl-dct-impossible", ["analyze", "{dir}/a.jsonl"], 1, r'line 1: "dct" 1939-02-30 is not a day',
         {"a.jsonl": jsonl({"text": "Tekst.", "dct": "1939-02-30"})}),
    Case("jsonl-dct-number", ["analyze", "{dir}/a.jsonl"], 1, r'line 1: "dct" must be a date',
         {"a.jsonl": jsonl({"text": "Tekst.", "dct": 1939})}),
    Case("jsonl-not-an-object", ["analyze", "{dir}/a.jsonl"], 1, "line 2: expected an object",
         {"a.jsonl": jsonl({"text": "Tekst."}, [1, 2])}),
    # --dct
    Case("dct-february-30", ["analyze", "-", "--dct", "1939-02-30"], 2, "1939-02-30 is not a day",
         stdin=b"Tekst."),
    Case("dct-month-13", ["analyze", "-", "--dct", "1939-13-45"], 2, "is not a day", stdin=b"Tekst."),
    Case("dct-zeros", ["analyze", "-", "--dct", "0000-00-00"], 2, "is not a day", stdin=b"Tekst."),
    Case("dct-arabic-digits", ["analyze", "-", "--dct", "١٩٣٩-٠٩-١٧"], 2, "must be a date YYYY-MM-DD",
         stdin=b"Tekst."),
    Case("dct-far-future", ["analyze", "-", "--dct", "9999-12-31"], 2, "outside the supported range",
         stdin=b"Nazajutrz wrocili."),
    Case("dct-year-one", ["analyze", "-", "--dct", "0001-01-01"], 2, "outside the supported range",
         stdin=b"Wczoraj wrocili."),
    Case("relative-days-huge", ["analyze", "-", "--dct", "2999-12-31"], 0, "",
         stdin=RELATIVE.format("99999999999 dni później").encode(),
         text=RELATIVE.format("99999999999 dni później")),
    Case("relative-years-huge", ["analyze", "-", "--dct", "1000-01-01"], 0, "",
         stdin="Sto tysięcy lat temu nic nie było. 100000 lat wcześniej też.".encode(),
         text="Sto tysięcy lat temu nic nie było. 100000 lat wcześniej też."),
    # PDF and docx
    Case("pdf-garbage", ["analyze", "{dir}/a.pdf"], 1, "not a readable PDF", {"a.pdf": b"%PDF-1.4\n\x00\x01 nic"}),
    Case("pdf-cut-in-half", ["analyze", "{dir}/a.pdf"], 1, "PDF",
         {"a.pdf": minimal_pdf("Wojsko weszlo do Lwowa.")[:300]}),
    Case("pdf-no-text-layer", ["analyze", "{dir}/a.pdf"], 1, "no text layer", {"a.pdf": minimal_pdf("")}),
    Case("docx-not-a-zip", ["analyze", "{dir}/a.docx"], 1, r"not a readable \.docx", {"a.docx": b"PK\x03\x04 nie"}),
    Case("docx-broken-xml", ["analyze", "{dir}/a.docx"], 1, r"not a readable \.docx", {"a.docx": DOCX_BROKEN_XML}),
    Case("docx-without-document", ["analyze", "{dir}/a.docx"], 1, r"not a readable \.docx",
         {"a.docx": DOCX_NO_DOCUMENT}),
    Case("docx-plain-zip", ["analyze", "{dir}/a.docx"], 1, r"not a readable \.docx", {"a.docx": DOCX_PLAIN_ZIP}),
    # output and limits
    Case("output-folder-missing", ["analyze", "-", "-o", "{dir}/nie/ma/out.json"], 5, "cannot write",
         stdin=b"Tekst."),
    Case("time-limit", ["analyze", "{dir}/a.txt", "--time-limit", "0.001"], 4, "per-document time limit",
         {"a.txt": (POLISH + "\n") .encode() * 200}),
    # stores
    Case("db-is-a-text-file", ["ingest", "-", "--db", "{dir}/README.md"], 3, "cannot open the store.*not a database",
         {"README.md": b"# Kronika\n\nTo nie jest baza.\n" * 50}, stdin=POLISH.encode()),
    Case("db-is-random-bytes", ["search", "Lwów", "--db", "{dir}/r.sqlite"], 3, "cannot open the store",
         {"r.sqlite": os.urandom(8192)}),
    Case("db-read-only", ["ingest", "-", "--db", "sqlite:///file:{dir}/ro.sqlite?mode=ro&uri=true"], 3,
         r"(readonly|read-only)", stdin=POLISH.encode()),
    Case("db-bad-url", ["search", "Lwów", "--db", "mysql://x@y/z"], 1, "unsupported database"),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_input(case: Case, tmp_path: Path, kronika) -> None:
    for name, data in case.files.items():
        (tmp_path / name).write_bytes(data)
    if case.name == "db-read-only":
        sqlite3.connect(tmp_path / "ro.sqlite").close()
    args = [arg.replace("{dir}", str(tmp_path)) for arg in case.args]
    outcome = kronika(*args, stdin=case.stdin)
    lines = outcome.stderr.splitlines()
    assert outcome.status == case.status, outcome.stderr
    assert "Traceback" not in outcome.stderr
    if case.status:
        assert outcome.stdout == ""
        errors = [line for line in lines if not line.startswith("kronika: warning:")]
        assert len(errors) == 1 and errors[0].startswith("kronika: error:"), lines
        assert re.search(case.message, errors[0]), errors[0]
        assert "SELECT" not in errors[0] and "INSERT" not in errors[0] and POLISH[:20] not in errors[0]
        return
    assert all(line.startswith("kronika: warning:") for line in lines), lines
    if case.warning:
        assert any(case.warning in line for line in lines), lines
    if case.text is not None:
        analysis = json.loads(outcome.stdout)
        assert analysis["document"]["text"] == case.text
        for timex in analysis["timexes"]:
            assert is_timex3_value(timex["value"]), timex


@pytest.mark.skipif(os.geteuid() == 0, reason="the superuser reads files whatever their mode")
def test_unreadable_file(tmp_path: Path, kronika) -> None:
    path = tmp_path / "a.txt"
    path.write_text(POLISH, encoding="utf-8")
    path.chmod(0)
    outcome = kronika("analyze", str(path))
    assert outcome.status == 1 and outcome.stderr.strip() == f"kronika: error: {path}: permission denied"


@pytest.mark.parametrize("name", ["a.txt", "a.pdf", "a.docx", "a.jsonl"])
def test_unreadable_file_of_any_kind(tmp_path: Path, kronika, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """What a user without the right to read a file gets, whatever its kind (simulated: the suite may run
    as the superuser, who reads everything)."""
    path = tmp_path / name
    path.write_bytes(b"x")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    outcome = kronika("analyze", str(path))
    assert outcome.status == 1 and outcome.stderr == f"kronika: error: {path}: permission denied\n"


def test_bad_time_limit_variable(kronika, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KRONIKA_TIME_LIMIT", "szybko")
    outcome = kronika("analyze", "-", stdin=b"Tekst.")
    assert outcome.status == 1 and "KRONIKA_TIME_LIMIT must be a number" in outcome.stderr


@pytest.mark.parametrize("fmt", ["tei", "html"])
def test_control_characters_never_reach_xml_or_html(tmp_path: Path, kronika, fmt: str) -> None:
    """Two documents with control characters: the TEI is well-formed XML with unique ids, the HTML has no
    character XML forbids."""
    from xml.etree import ElementTree

    path = tmp_path / "a.jsonl"
    path.write_bytes(jsonl({"id": "a b", "text": "Dnia 17 września 1939 roku\x01 wojsko weszło do Lwowa.\x0b",
                            "title": "Raport\x02"},
                           {"id": "c d", "text": "Dnia 18 września 1939 roku\x1f wojsko weszło do Wilna."}))
    outcome = kronika("analyze", str(path), "--format", fmt)
    assert outcome.status == 0, outcome.stderr
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", outcome.stdout)
    if fmt == "tei":
        root = ElementTree.fromstring(outcome.stdout.encode("utf-8"))
        ids = [e.get("{http://www.w3.org/XML/1998/namespace}id") for e in root.iter()]
        ids = [i for i in ids if i]
        assert len(ids) > 2 and len(ids) == len(set(ids))
