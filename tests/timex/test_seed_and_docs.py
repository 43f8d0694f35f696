"""The seed document's 18 gold timexes, and the generated documentation kept in step."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from kronika.timex import find_timexes

ROOT = Path(__file__).resolve().parents[2]


def test_seed_timexes_all_found_with_their_values(seed_gold: dict[str, Any]) -> None:
    timexes = find_timexes(seed_gold["text"], seed_gold.get("dct"))
    for gold in seed_gold["timexes"]:
        overlapping = [t for t in timexes if t.start < gold["end"] and gold["start"] < t.end]
        assert overlapping, gold["text"]
        accepted = [gold["value"], *gold.get("value_alternatives", [])]
        assert overlapping[0].value in accepted, (gold["text"], overlapping[0].value)
        assert (overlapping[0].start, overlapping[0].end) == (gold["start"], gold["end"])


def test_committed_docs_match_the_grammar() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_timex_docs.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
