"""Shared by the scripts that learn from data: read a ``kronika corrections export`` file (JSON lines, one
training example a line) and keep the rows of the kinds a script takes in, so that what people corrected in
the workbench can be added to the training data."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

# the fields each kind of row must carry to be used (the export writes more)
REQUIRED = {
    "span": ("document", "start", "end", "text", "type", "sentence", "mentions"),
    "base_form": ("form", "lemma", "type"),
    "timex": ("document", "start", "end", "text", "value"),
    "gazetteer": ("name", "lat", "lon", "ref"),
    "authority": ("ref", "authority"),
    "event": ("document",),
}


def read_rows(path: Path, kind: str) -> list[dict[str, Any]]:
    """The rows of ``kind`` in the file; exit with a one-line message on a line that is not an exported row."""
    rows = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        sys.exit(f"{path}: cannot read a corrections export ({error})")
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            sys.exit(f"{path} line {number}: not JSON; expected the output of `kronika corrections export`")
        if not isinstance(row, dict) or row.get("kind") not in REQUIRED:
            sys.exit(f"{path} line {number}: not a corrections export row (no known \"kind\")")
        missing = [name for name in REQUIRED[row["kind"]] if name not in row]
        if missing:
            sys.exit(f"{path} line {number}: a {row['kind']} row without {', '.join(missing)}")
        if row["kind"] == kind:
            rows.append(row)
    return rows


def base_form_pairs(path: Path) -> list[tuple[str, str, str | None]]:
    """(form, base form, entity type) of every base-form row: the pairs a person set or confirmed."""
    return [(row["form"], row["lemma"], row["type"]) for row in read_rows(path, "base_form")
            if str(row["form"]).strip() and str(row["lemma"] or "").strip()]
