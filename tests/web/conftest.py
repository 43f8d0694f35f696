"""One store for the web tests: the bundled sample (through the real pipeline) and a hostile document,
served by the real threaded server on a free loopback port."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kronika.commands.demo import sample_document
from kronika.model import Document, content_id
from kronika.pipeline import analyze
from kronika.store import Store
from kronika.web import running

# Markup a browser would run if the text were not escaped; the pipeline still finds the name and date.
HOSTILE_TEXT = ('Meldunek z Grodna. <script>alert("xss")</script> Oddział dotarł do Grodna 20 września 1939 roku. '
                '<img src=x onerror="alert(1)"> <a href="javascript:alert(2)">link</a> & „cytat”.')
HOSTILE_TITLE = '<img src=x onerror="alert(3)">Meldunek'


@dataclass(frozen=True)
class Served:
    url: str  # with a trailing slash
    store: Store
    sample_id: str
    hostile_id: str
    folder: Path


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    folder = tmp_path_factory.mktemp("web")
    with Store.open(f"sqlite:///{folder / 'web.sqlite'}") as store:
        sample_id = store.ingest(analyze(sample_document()))
        hostile = Document(content_id(HOSTILE_TEXT), HOSTILE_TEXT, "1939-09-21", HOSTILE_TITLE, "hostile.txt")
        hostile_id = store.ingest(hostile)
        with running(store) as url:
            yield Served(url, store, sample_id, hostile_id, folder)
