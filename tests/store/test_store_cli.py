"""`kronika ingest`, `search` and `conflicts` end to end: the real pipeline on the seed document."""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from kronika.cli import cli
from kronika.store.location import resolve_url


@pytest.fixture(scope="module")
def seeded(tmp_path_factory, seed_text_path):
    """A SQLite store holding the seed (analysed by the real pipeline) and one short note."""
    folder = tmp_path_factory.mktemp("cli")
    note = folder / "notatka.txt"
    note.write_text("Obrona Lwowa trwała do 22 września 1939 roku.", encoding="utf-8")
    db = f"sqlite:///{folder / 'kronika.sqlite'}"
    first = CliRunner().invoke(cli, ["ingest", str(seed_text_path), str(note), "--db", db])
    return db, note, first


def test_ingest_reports_each_document(seeded):
    _db, note, first = seeded
    assert first.exit_code == 0, first.output
    lines = [line.split("\t") for line in first.stdout.splitlines()]
    assert [status for _id, status, _source in lines] == ["new", "new"]
    assert lines[1][2] == str(note)
    assert "2 new, 0 already stored" in first.stderr


def test_ingest_again_stores_nothing_new(seeded, seed_text_path):
    db, note, first = seeded
    again = CliRunner().invoke(cli, ["ingest", str(seed_text_path), str(note), "--db", db])
    assert again.exit_code == 0, again.output
    assert [line.split("\t")[1] for line in again.stdout.splitlines()] == ["stored", "stored"]
    assert [line.split("\t")[0] for line in again.stdout.splitlines()] == [
        line.split("\t")[0] for line in first.stdout.splitlines()]


@pytest.mark.parametrize(("query", "fragment"), [
    ("Lwów", "obrony Lwowa"),
    ("Lwów", "Obrona Lwowa trwała"),
    ("Orlik-Rückemann", "Wilhelma Orlika-Rückemanna"),
    ("Wilno", "broniło się Wilno"),
    ("Starobielsk", "Starobielsku"),
])
def test_search_by_base_form(seeded, query, fragment):
    db, _note, _first = seeded
    result = CliRunner().invoke(cli, ["search", query, "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)
    assert any(fragment in hit["text"] for hit in hits), hits
    assert all({"document", "start", "end", "text", "score"} <= set(hit) for hit in hits)


def test_search_text_output_and_env_default(seeded):
    db, _note, _first = seeded
    result = CliRunner().invoke(cli, ["search", "Kleeberg"], env={"KRONIKA_DB": db})
    assert result.exit_code == 0, result.output
    assert "Franciszka Kleeberga" in result.stdout
    document, _, span = result.stdout.split("\t")[0].partition(":")
    assert len(document) == 16 and "-" in span


def test_conflicts_json(seeded):
    db, _note, _first = seeded
    result = CliRunner().invoke(cli, ["conflicts", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    assert isinstance(json.loads(result.stdout), list)


def test_default_store_is_in_the_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("KRONIKA_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert resolve_url(None).database == str(tmp_path / "kronika" / "kronika.sqlite")
    monkeypatch.setenv("KRONIKA_DB", str(tmp_path / "other.sqlite"))
    assert resolve_url(None).database == str(tmp_path / "other.sqlite")
    assert resolve_url("postgresql://u@h/db").drivername == "postgresql+psycopg"


@pytest.mark.parametrize("args", [
    ["search", "Lwów", "--db", "postgresql://nobody@127.0.0.1:1/none"],
    ["search", "Lwów", "--db", "mysql://u@h/db"],
    ["search", "Lwów", "--from", "wczoraj", "--db", "sqlite:///:memory:"],
])
def test_store_errors_are_one_line(args):
    result = subprocess.run([sys.executable, "-m", "kronika.cli", *args], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode != 0
    assert result.stderr.startswith("kronika: error:") and result.stderr.count("\n") == 1, result.stderr
