"""A fixed corpus's analyses hash the same before and after changes made for speed only.

The corpus is the bundled sample and ``tests/data/speed_corpus.jsonl`` (texts written for this test:
headings, hard-wrapped lines, lists, titles, initials, acronyms, repeated names). A change meant to alter
the output (a better rule, a retrained model) changes the hash too: then run
``python tests/test_output_hash.py --write`` and say in the commit message what changed and why.

The digest is computed in a child process with a fixed ``PYTHONHASHSEED``, so that an output depending on
the iteration order of a set of strings (an event's lemma did, until 2026-12-07) fails here, not at random.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

from kronika.commands.demo import sample_document
from kronika.pipeline import analyze
from kronika.text.reader import read_file

DATA = Path(__file__).resolve().parent / "data"
EXPECTED = DATA / "speed_corpus.sha256"


def corpus_digest() -> str:
    """sha256 of the contract JSON (with the NKJP layer) of every document of the corpus, in order."""
    digest = hashlib.sha256()
    for document in [sample_document(), *read_file(DATA / "speed_corpus.jsonl")]:
        analysis = analyze(document, nkjp=True)
        digest.update(json.dumps(analysis.to_json(), ensure_ascii=False, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()


def digest_in_child() -> str:
    environment = {**os.environ, "PYTHONHASHSEED": "0"}
    return subprocess.run([sys.executable, __file__, "--print"], env=environment, capture_output=True, text=True,
                          check=True, timeout=600).stdout.strip()


def test_fixed_corpus_output_is_unchanged():
    assert digest_in_child() == EXPECTED.read_text("ascii").strip(), (
        "the pipeline's output changed: if on purpose, run python tests/test_output_hash.py --write")


if __name__ == "__main__":
    if sys.argv[1:] == ["--print"]:
        print(corpus_digest())
    elif sys.argv[1:] == ["--write"]:
        EXPECTED.write_text(digest_in_child() + "\n", "ascii")
    else:
        sys.exit("usage: python tests/test_output_hash.py --write")
