"""Shared fixtures: the seed document and its gold annotation from ../shared (CI clones it beside us)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED_TEXT = SHARED / "seed" / "000_5b7885c2e26dc5af.txt"
SEED_GOLD = SHARED / "seed" / "000_5b7885c2e26dc5af.gold.json"


@pytest.fixture(scope="session")
def seed_gold() -> dict[str, Any]:
    if not SEED_GOLD.exists():
        pytest.skip("../shared/seed is not beside the checkout")
    return json.loads(SEED_GOLD.read_text("utf-8"))
