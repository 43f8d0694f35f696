"""The store of a test module's ``NOTES``: short press notes of our own, (date of issue, text) each."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kronika.model import Document
from kronika.pipeline import analyze
from kronika.store import Store


@pytest.fixture(scope="module")
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The module's ``NOTES`` analysed and stored, one document each (``note0``, ``note1`` …); a module with
    no ``NOTES`` defines its own ``store``."""
    folder = tmp_path_factory.mktemp(request.module.__name__.rsplit(".", 1)[-1])
    with Store.open(f"sqlite:///{folder}/notes.sqlite") as opened:
        for number, (dct, text) in enumerate(request.module.NOTES):
            opened.ingest(analyze(Document(id=f"note{number}", text=text, dct=dct)))
        yield opened
