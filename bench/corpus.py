"""Benchmark corpora rebuilt from ../shared: NKJP dev documents re-joined from the IOB file, KPWr texts."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
NO_SPACE_BEFORE = set(".,;:!?)]}”»%")
NO_SPACE_AFTER = set("([{„«")


def nkjp_documents(split: str = "dev") -> list[str]:
    """NKJP documents as plain text (tokens joined with the usual Polish spacing)."""
    return [text for _name, text in nkjp_named_documents(split)]


def nkjp_named_documents(split: str = "dev") -> list[tuple[str, str]]:
    """(document name, text) of every document of the NKJP file ``split`` (train or dev)."""
    documents: list[tuple[str, str]] = []
    name = ""
    tokens: list[str] = []
    with gzip.open(SHARED / "data" / "nkjp-ner" / f"nkjp-ner-{split}.iob.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("-DOCSTART FILE"):
                if tokens:
                    documents.append((name, _join(tokens)))
                name, tokens = line.split(maxsplit=2)[2].strip(), []
            elif line.strip() and not line.startswith("-DOCSTART"):
                tokens.append(line.split("\t", 1)[0])
    if tokens:
        documents.append((name, _join(tokens)))
    return documents


def _join(tokens: list[str]) -> str:
    out: list[str] = []
    for token in tokens:
        if out and token not in NO_SPACE_BEFORE and out[-1][-1:] not in NO_SPACE_AFTER:
            out.append(" ")
        out.append(token)
    return "".join(out)


def kpwr_documents() -> list[dict]:
    path = SHARED / "data" / "kpwr-timex" / "kpwr-timex-visible.jsonl"
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
