"""Gold sets never tuned on, until their one run at a round's final code (bench/data/FRESH.md), and the sets
developed on whole after it.

The scorers refuse to list the misses of a set never tuned on: nobody must read how the system fails on it
before that run. After it, a set leaves that list for ``WHOLLY_DEVELOPMENT``: its misses are listed on any
split, since none of its documents is locked any more.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
NEVER_TUNED_ON: frozenset[Path] = frozenset()  # every set written so far has had its one run
WHOLLY_DEVELOPMENT = frozenset({
    HERE / "questions" / "press_written_3_fresh.json",
    HERE / "questions" / "press_written_4_fresh.json",
    HERE / "questions" / "press_written_6_fresh.json",
    HERE / "questions" / "press_written_5.json",  # the fifth and sixth written sets are our own, written to
    HERE / "questions" / "press_written_7.json",  # be made to pass
    HERE / "data" / "press_places_fresh.gold.jsonl",
    HERE / "data" / "press_places_fresh2.gold.jsonl",
    HERE / "data" / "press_places_fresh3.gold.jsonl",
    HERE / "data" / "events_fresh.gold.jsonl",
})


def refuse_misses(gold: Path) -> None:
    """Stop before listing the misses of a set that is still never tuned on."""
    if gold.resolve() in NEVER_TUNED_ON:
        sys.exit(f"{gold.name} is never tuned on until its one run (bench/data/FRESH.md): its misses are not listed")
