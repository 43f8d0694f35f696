"""Shared by the scripts that write a committed, generated file: write it, or with ``--check`` fail when the
committed copy differs from what the script produces now (the tests call ``--check``)."""

from __future__ import annotations

import sys
from pathlib import Path


def write_or_check(path: Path, text: str, check: bool, script: str) -> None:
    if check:
        if not path.exists() or path.read_text("utf-8") != text:
            sys.exit(f"{path} is out of date: run python scripts/{script}")
        return
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path} ({len(text.encode()) // 1024} KB)")
