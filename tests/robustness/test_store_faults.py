"""Store faults and concurrency: one-line errors without SQL or document text, a new store created by
several processes at once, kill -9 during ingest losing and duplicating nothing — on SQLite and
PostgreSQL."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import make_url

from kronika.errors import StoreError
from kronika.model import Analysis, Document
from kronika.store import Store
from kronika.text.reader import read_paths
from tests.robustness.inputs import POLISH
from tests.store.conftest import POSTGRES_URL, Spec, build_analysis, fresh_store

SECRET = "Tajny meldunek pułkownika o odwrocie spod Grodna."


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    with fresh_store(request.param, tmp_path) as opened:
        yield opened


def _document(number: int, words: str = SECRET) -> Analysis:
    return build_analysis(Spec(f"{words} Raport numer {number}.", name=f"r{number}"))


def test_disk_full_is_one_line_without_the_text(tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path / 's.sqlite'}") as store:
        store.ingest(_document(0))
        pages = sqlite3.connect(tmp_path / "s.sqlite").execute("PRAGMA page_count").fetchone()[0]
        event.listen(store.engine, "connect",
                     lambda connection, _record: connection.execute(f"PRAGMA max_page_count = {pages}"))
        store.engine.dispose()
        with pytest.raises(StoreError) as raised:
            store.ingest(_document(1, SECRET * 200))
    message = str(raised.value)
    assert "database or disk is full" in message and "\n" not in message
    assert SECRET[:20] not in message and "INSERT" not in message


def test_locked_store_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    with Store.open(f"sqlite:///{path}") as store:
        event.listen(store.engine, "connect",
                     lambda connection, _record: connection.execute("PRAGMA busy_timeout = 50"))
        store.engine.dispose()
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            with pytest.raises(StoreError, match="database is locked"):
                store.ingest(_document(2))
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert store.documents() == []


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 's.sqlite'}"
    Store.open(url).close()
    connection = sqlite3.connect(tmp_path / "s.sqlite")
    connection.execute("UPDATE store_info SET value = '999' WHERE key = 'schema_version'")
    connection.commit()
    connection.close()
    with pytest.raises(StoreError, match="schema version 999"):
        Store.open(url)


def test_nul_and_control_characters_round_trip(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"text": "Wojsko\\u0000weszlo\\u0007 do Lwowa.\\u001f Koniec."}\n')
    with pytest.warns(UserWarning, match="NUL"):
        [document] = read_paths([str(path)])
    document_id = store.ingest(build_analysis(Spec(document.text, name="nul")))
    assert store.document_text(document_id) == "Wojsko\ufffdweszlo\x07 do Lwowa.\x1f Koniec."


def test_nul_reaching_the_store_directly_is_a_clean_error(store: Store) -> None:
    analysis = Analysis(Document("nul", "Wojsko\x00weszlo.", title="nul"))
    if store.engine.dialect.name == "sqlite":
        store.ingest(analysis)  # SQLite keeps any string
        return
    with pytest.raises(StoreError, match="NUL") as raised:
        store.ingest(analysis)
    assert "weszlo" not in str(raised.value)


# --- several processes at once ----------------------------------------------------------------------------

WRITER = """
import sys
from kronika.model import Analysis, Document
from kronika.store import Store
url, number = sys.argv[1], int(sys.argv[2])
print("ready", flush=True)
sys.stdin.readline()  # all writers start together, after their imports
with Store.open(url) as store:
    for text in ("Wspólny tekst pierwszy.", "Wspólny tekst drugi.", f"Tekst procesu {number}."):
        print(store.add(Analysis(Document(text[:10], text)))[1])
"""


def _new_store_url(backend: str, folder: Path) -> tuple[str, object]:
    """A URL of a store that does not exist yet, and a clean-up."""
    if backend == "sqlite":
        return f"sqlite:///{folder / 'new.sqlite'}", lambda: None
    if not POSTGRES_URL:
        pytest.skip("KRONIKA_TEST_POSTGRES_URL is not set")
    server = make_url(POSTGRES_URL).set(drivername="postgresql+psycopg")
    name = f"kronika_race_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{name}"'))

    def drop() -> None:
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))
        admin.dispose()
    return server.update_query_dict({"options": f"-csearch_path={name}"}).render_as_string(False), drop


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_concurrent_writers_create_a_new_store_once(backend: str, tmp_path: Path) -> None:
    processes = 4
    for round_ in range(2):
        folder = tmp_path / f"round{round_}"
        folder.mkdir()
        url, drop = _new_store_url(backend, folder)
        try:
            running = [subprocess.Popen([sys.executable, "-c", WRITER, url, str(n)], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                       for n in range(processes)]
            for process in running:
                assert process.stdout is not None and process.stdout.readline().strip() == "ready"
            results = [p.communicate("go\n", timeout=120) + (p.returncode,) for p in running]
            assert all(status == 0 for _out, _err, status in results), [err for _out, err, _s in results]
            new = [line for out, _err, _status in results for line in out.split()]
            assert new.count("True") == 2 + processes  # each text stored by exactly one writer
            with Store.open(url) as store:
                texts = [store.document_text(d.id) for d in store.documents()]
            assert len(texts) == len(set(texts)) == 2 + processes
        finally:
            drop()  # type: ignore[operator]


def _kronika(*args: str) -> list[str]:
    return [sys.executable, "-m", "kronika.cli", *args]


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_kill_during_ingest_then_resume(backend: str, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for number in range(4):
        (folder / f"{number}.txt").write_text(f"{POLISH} Meldunek {number}. " * (1 + 30 * number), encoding="utf-8")
    url, drop = _new_store_url(backend, tmp_path)
    try:
        # its own process group: kill -9 reaches the command and any worker processes it started
        first = subprocess.Popen(_kronika("ingest", str(folder), "--db", url), stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL, text=True, start_new_session=True)
        assert first.stdout is not None
        line = first.stdout.readline()  # the first document is stored; the next ones are being analysed
        assert "\tnew\t" in line
        time.sleep(0.3)
        os.killpg(first.pid, signal.SIGKILL)
        first.wait()
        second = subprocess.run(_kronika("ingest", str(folder), "--db", url), capture_output=True, text=True,
                                timeout=300)
        assert second.returncode == 0, second.stderr
        statuses = [row.split("\t")[1] for row in second.stdout.splitlines()]
        assert statuses[0] == "stored" and len(statuses) == 4
        with Store.open(url) as store:
            documents = store.documents()
            assert len(documents) == 4
            with store.engine.connect() as connection:
                orphans = connection.execute(text(
                    "SELECT count(*) FROM sentences WHERE document_id NOT IN (SELECT id FROM documents)")).scalar()
                sentences = connection.execute(text("SELECT count(*) FROM sentences")).scalar()
                positions = connection.execute(text(
                    "SELECT count(DISTINCT document_id || ':' || position) FROM sentences")).scalar()
            assert orphans == 0 and sentences == positions  # nothing half-written, nothing twice
            for document in documents:
                analysis = store.document_analysis(document.id)
                assert analysis is not None
                for entity in analysis.entities:
                    assert analysis.document.text[entity.start:entity.end] == entity.text
    finally:
        drop()  # type: ignore[operator]
