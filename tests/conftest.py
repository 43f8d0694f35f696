"""Shared fixtures: the seed document and its gold annotation from ../shared (CI clones it beside us); and the
helpers the areas' tests share: a sentence of our own through the whole pipeline, its entities, a distance, a
script of ``bench/`` or ``scripts/`` loaded as a module."""

from __future__ import annotations

import importlib.util
import json
import math
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from kronika.model import Analysis, Document, Entity
from kronika.pipeline import analyze

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
SCRIPTS = ROOT / "scripts"
SHARED = ROOT.parent / "shared"
SEED_TEXT = SHARED / "seed" / "000_5b7885c2e26dc5af.txt"
SEED_GOLD = SHARED / "seed" / "000_5b7885c2e26dc5af.gold.json"


def _shared_file(path: Path) -> Path:
    if not path.exists():
        pytest.skip("../shared/seed is not beside the checkout")
    return path


@pytest.fixture(scope="session")
def seed_text_path() -> Path:
    return _shared_file(SEED_TEXT)


@pytest.fixture(scope="session")
def seed_gold_path() -> Path:
    return _shared_file(SEED_GOLD)


@pytest.fixture(scope="session")
def seed_gold(seed_gold_path: Path) -> dict[str, Any]:
    return json.loads(seed_gold_path.read_text("utf-8"))


def analysed(text: str, dct: str | None = None) -> Analysis:
    """``text`` through the whole pipeline, as a document of its own issued on ``dct``."""
    return analyze(Document(id="t", text=text, dct=dct))


def entities_of(text: str, dct: str | None = None) -> list[Entity]:
    return analysed(text, dct).entities


def top_level(text: str) -> set[tuple[str, str, str]]:
    """(text, type, base form) of the entities of ``text`` that no other contains."""
    return {(e.text, e.type, e.lemma) for e in entities_of(text) if e.parent is None}


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance in km, by a formula of the tests, not the geocoder's."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def load_script(path: Path) -> ModuleType:
    """A script of ``bench/`` or ``scripts/`` as a module, loaded as it runs: from its own directory, whose helpers it
    imports, and registered under its name (its dataclasses look their module up)."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(path.parent))
    try:
        sys.modules[path.stem] = module
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(path.parent))
    return module
