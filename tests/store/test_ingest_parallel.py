"""``kronika ingest`` on several processes and on a Dask cluster stores what a single process stores;
a bad document is reported by name while the others are stored; a killed run resumes cleanly."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import uuid
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import Integer, create_engine, select, text
from sqlalchemy.engine import make_url

from kronika.store import schema

DATA = Path(__file__).resolve().parents[1] / "data"
POSTGRES_URL = os.environ.get("KRONIKA_TEST_POSTGRES_URL")
SENTENCES = [
    "Dnia 17 września 1939 r. Armia Czerwona wkroczyła do Polski.",
    "Gen. Władysław Anders walczył pod Lwowem i pod Samborem.",
    "W Warszawie prezydent Stefan Starzyński wzywał do obrony stolicy.",
    "Pod Kockiem gen. Franciszek Kleeberg stoczył ostatnią bitwę kampanii.",
    "Wojsko Polskie broniło Helu do 2 października 1939 r.",
    "Dwa dni później rząd przekroczył granicę rumuńską w Kutach.",
]


def run(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kronika.cli", *args], capture_output=True, text=True,
                          timeout=600, **kwargs)  # type: ignore[call-overload]


def corpus(folder: Path, count: int = 12) -> Path:
    """``count`` small documents, each a different pair of sentences, and the test corpus's JSONL."""
    folder.mkdir()
    for number in range(count):
        first, second = SENTENCES[number % len(SENTENCES)], SENTENCES[(number * 5 + 1) % len(SENTENCES)]
        (folder / f"doc{number:02d}.txt").write_text(f"Nr {number}. {first} {second}", encoding="utf-8")
    shutil.copy(DATA / "speed_corpus.jsonl", folder / "speed.jsonl")
    return folder


def dump(url: str) -> dict[str, Counter]:
    """Every table's rows without the numbers the database assigns (row ids, the time of ingest)."""
    engine = create_engine(url)
    tables: dict[str, Counter] = {}
    with engine.connect() as connection:
        for table in schema.metadata.sorted_tables:
            columns = [c for c in table.columns if c.name != "ingested_at" and not (
                isinstance(c.type, Integer) and (c.name == "id" or c.name.endswith("_id")))]
            tables[table.name] = Counter(tuple(row) for row in connection.execute(select(*columns)))
    engine.dispose()
    return tables


def test_two_workers_store_what_one_stores(tmp_path):
    documents = corpus(tmp_path / "in")
    one, two = f"sqlite:///{tmp_path / 'one.sqlite'}", f"sqlite:///{tmp_path / 'two.sqlite'}"
    single = run("ingest", str(documents), "--db", one, "--workers", "1")
    double = run("ingest", str(documents), "--db", two, "--workers", "2")
    assert single.returncode == 0 and double.returncode == 0, single.stderr + double.stderr
    assert single.stdout == double.stdout  # same ids, same order
    assert "15 new, 0 already stored" in double.stderr
    assert dump(one) == dump(two)


def test_bad_documents_are_named_and_the_others_stored(tmp_path):
    documents = corpus(tmp_path / "in", count=2)
    (documents / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00" * 20)
    (documents / "broken.jsonl").write_text('{"text": "Dobry dokument."}\n{"text": "zepsuty"\n', encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    result = run("ingest", str(documents), "--db", db, "--workers", "2")
    assert result.returncode == 1
    assert "6 new, 0 already stored, 2 failed" in result.stderr
    assert "failed: " + str(documents / "broken.txt") in result.stderr
    assert "failed: " + str(documents / "broken.jsonl") + ": line 2" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("kronika: error: 2 of 8 documents failed")

    stopped = run("ingest", str(documents), "--db", f"sqlite:///{tmp_path / 'other.sqlite'}", "--fail-fast")
    assert stopped.returncode == 1
    assert stopped.stderr.strip().splitlines() == [f"kronika: error: {documents / 'broken.jsonl'}: line 2: "
                                                   "malformed JSON (Expecting ',' delimiter)"]
    assert stopped.stdout.count("\tnew\t") == 1  # broken.jsonl's first line; nothing after the failure


def test_killed_ingest_resumes_without_duplicates_or_losses(tmp_path):
    documents = corpus(tmp_path / "in", count=30)
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    process = subprocess.Popen([sys.executable, "-m", "kronika.cli", "ingest", str(documents), "--db", db,
                                "--workers", "2"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                               start_new_session=True)
    assert process.stdout is not None
    for _ in range(3):  # a few documents stored, the rest in flight
        assert "\tnew\t" in process.stdout.readline()
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    resumed = run("ingest", str(documents), "--db", db)
    assert resumed.returncode == 0, resumed.stderr
    reference = f"sqlite:///{tmp_path / 'reference.sqlite'}"
    assert run("ingest", str(documents), "--db", reference, "--workers", "1").returncode == 0
    assert dump(db) == dump(reference)


@pytest.fixture
def postgres_urls():
    """Two fresh schemas on the test PostgreSQL server."""
    if not POSTGRES_URL:
        pytest.skip("KRONIKA_TEST_POSTGRES_URL is not set (scripts/start_postgres.sh starts a server)")
    server = make_url(POSTGRES_URL).set(drivername="postgresql+psycopg")
    names = [f"kronika_test_{uuid.uuid4().hex[:12]}" for _ in range(2)]
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        for name in names:
            connection.execute(text(f'CREATE SCHEMA "{name}"'))
    try:
        yield [server.update_query_dict({"options": f"-csearch_path={name}"}).render_as_string(hide_password=False)
               for name in names]
    finally:
        with admin.connect() as connection:
            for name in names:
                connection.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))
        admin.dispose()


def test_dask_cluster_into_postgresql_stores_what_one_process_stores(tmp_path, postgres_urls):
    pytest.importorskip("distributed")
    documents = corpus(tmp_path / "in")
    single_url, dask_url = postgres_urls
    single = run("ingest", str(documents), "--db", single_url, "--workers", "1")
    spread = run("ingest", str(documents), "--db", dask_url, "--dask", "local", "--workers", "2")
    assert single.returncode == 0, single.stderr
    assert spread.returncode == 0, spread.stderr
    assert single.stdout == spread.stdout
    assert dump(single_url) == dump(dask_url)
