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


def test_committed_compiled_grammar_matches_the_sources() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "compile_timex_grammar.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_compiled_grammar_finds_what_the_sources_find() -> None:
    from kronika.timex.grammar import compile_grammar, load_grammar

    text = "w nocy z 16 na 17 września 1939 roku o godz. 3, 29–30 września, dzień później, przez trzy dni"
    from_sources = [m.span() for m in compile_grammar("pl").matches(text)]
    assert from_sources and [m.span() for m in load_grammar("pl").matches(text)] == from_sources

