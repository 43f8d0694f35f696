"""Shared fixtures: the seed document and its gold annotation from ../shared (CI clones it beside us)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
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
