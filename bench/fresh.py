"""Gold sets never tuned on, until their one run at a round's final code (bench/data/FRESH.md).

The scorers refuse to list their misses: nobody must read how the system fails on them before that run.
After it, a set leaves this list and becomes a development set like the earlier fresh ones.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
NEVER_TUNED_ON: frozenset[Path] = frozenset()  # every set written so far has had its one run


def refuse_misses(gold: Path) -> None:
    """Stop before listing the misses of a set that is still never tuned on."""
    if gold.resolve() in NEVER_TUNED_ON:
        sys.exit(f"{gold.name} is never tuned on until its one run (bench/data/FRESH.md): its misses are not listed")
