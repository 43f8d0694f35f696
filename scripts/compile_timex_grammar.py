"""Compile the temporal grammar of a language into ``src/kronika/timex/resources/<lang>/compiled.json``.

Loading the compiled form instead of the sources saves over a second at every start-up. The file records a
digest of its inputs (the resource files and the SGJP dictionary); `kronika` falls back to compiling from
the sources when they differ, and a test fails until this script is run again. `--check` only compares.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from generated import write_or_check

from kronika.timex.grammar import COMPILED_NAME, compile_grammar, grammar_to_json

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--language", default="pl")
    parser.add_argument("--check", action="store_true", help="fail when the committed file is out of date")
    args = parser.parse_args()
    path = ROOT / "src" / "kronika" / "timex" / "resources" / args.language / COMPILED_NAME
    text = json.dumps(grammar_to_json(compile_grammar(args.language)), ensure_ascii=False, sort_keys=True) + "\n"
    write_or_check(path, text, args.check, "compile_timex_grammar.py")


if __name__ == "__main__":
    main()
