"""Store fixtures: every store test runs on a fresh SQLite file and, when ``KRONIKA_TEST_POSTGRES_URL``
is set (``scripts/start_postgres.sh`` prints one), on a fresh PostgreSQL database too."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from kronika.model import Analysis, Document, Entity, Event, EventArgument, Timex
from kronika.morph import get_morphology
from kronika.quantities import annotate_quantities
from kronika.store import Store
from kronika.text.segment import split_sentences
from tests.tei_validation import jing_errors, tei_schema  # noqa: F401 - TEI validation for the correction exports

POSTGRES_URL = os.environ.get("KRONIKA_TEST_POSTGRES_URL")


BACKENDS = ["sqlite", "postgresql"]


@contextmanager
def fresh_store(backend: str, folder: Path) -> Iterator[Store]:
    """An empty store: a new SQLite file, or a new schema on the test PostgreSQL server."""
    if backend == "sqlite":
        with Store.open(f"sqlite:///{folder / 'store.sqlite'}") as store:
            yield store
        return
    if not POSTGRES_URL:
        pytest.skip("KRONIKA_TEST_POSTGRES_URL is not set (scripts/start_postgres.sh starts a server)")
    # A schema of its own on the test database: much cheaper than a database per test.
    server = make_url(POSTGRES_URL).set(drivername="postgresql+psycopg")
    name = f"kronika_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{name}"'))
    try:
        url = server.update_query_dict({"options": f"-csearch_path={name}"})
        with Store.open(url.render_as_string(hide_password=False)) as store:
            yield store
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A fresh, empty store for one test."""
    with fresh_store(request.param, tmp_path) as opened:
        yield opened


@pytest.fixture(scope="module", params=BACKENDS)
def module_store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """One store per test module and backend, for tests that only read what the module ingests once."""
    with fresh_store(request.param, tmp_path_factory.mktemp("store")) as opened:
        yield opened


@dataclass
class Spec:
    """A document described by surface strings; offsets are found in the text (first occurrence)."""

    text: str
    name: str = "doc"
    entities: list[tuple[str, str, str, str | None, dict | None]] = field(default_factory=list)  # surface,
    # type, lemma, ref, geo
    timexes: list[tuple[str, str]] = field(default_factory=list)  # surface, value
    events: list[dict] = field(default_factory=list)  # trigger, type, timex (surface), places, participants


def _span(text: str, surface: str) -> tuple[int, int]:
    start = text.index(surface)
    return start, start + len(surface)


def build_analysis(spec: Spec) -> Analysis:
    """An Analysis with real segmentation and Morfeusz readings (first reading chosen) and the given
    entities, timexes and events — independent of the name, date and event stages."""
    morphology = get_morphology()
    sentences = split_sentences(spec.text)
    for sentence in sentences:
        for token in sentence.tokens:
            token.interps = morphology.analyse(token.text)
            token.chosen = token.interps[0]
    entities = []
    ids: dict[str, str] = {}
    for number, (surface, kind, lemma, ref, geo) in enumerate(spec.entities, 1):
        start, end = _span(spec.text, surface)
        entities.append(Entity(f"e{number}", start, end, surface, kind, lemma, ref, geo=geo))
        ids[lemma] = f"e{number}"
    timexes = []
    timex_ids: dict[str, Timex] = {}
    for number, (surface, value) in enumerate(spec.timexes, 1):
        start, end = _span(spec.text, surface)
        timex = Timex(f"t{number}", start, end, surface, "DATE", value)
        timexes.append(timex)
        timex_ids[surface] = timex
    events = []
    for number, item in enumerate(spec.events, 1):
        start, end = _span(spec.text, item["trigger"])
        sentence = next(s for s in sentences if s.start <= start < s.end)
        timex = timex_ids.get(item.get("timex", ""))
        events.append(Event(
            f"v{number}", item["type"], start, end, item["trigger"], (sentence.start, sentence.end),
            time=timex.value if timex else item.get("time"), timex=timex.id if timex else None,
            time_inherited=item.get("inherited", False),
            places=[EventArgument(p, ids.get(p)) for p in item.get("places", [])],
            participants=[EventArgument(p, ids.get(p), role) for p, role in item.get("participants", [])]))
    document = Document(id=spec.name, text=spec.text, title=spec.name, source=f"{spec.name}.txt")
    analysis = Analysis(document, sentences, entities, timexes, events)
    annotate_quantities(analysis)  # a pipeline stage, run on the given names and dates
    return analysis


@pytest.fixture(scope="session")
def build():
    """``build(text, name=..., entities=[...], timexes=[...], events=[...])`` → Analysis (see Spec)."""
    def make(text: str, **parts: object) -> Analysis:
        return build_analysis(Spec(text, **parts))  # type: ignore[arg-type]
    return make
