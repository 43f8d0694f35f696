"""Analysis time grows linearly with the document: a 2 MB document takes at most a small multiple of
sixteen times what its first 128 KB take (a quadratic stage would take 256 times)."""

from __future__ import annotations

import time

import pytest

from kronika.commands.demo import sample_document
from kronika.model import Document
from kronika.pipeline import analyze

TWO_MEGABYTES = 2 * 1024 * 1024


def _long_text(size: int) -> str:
    """Reports made of the bundled sample, numbered so no two paragraphs are the same (as
    bench/stage_growth.py builds them)."""
    sample = sample_document().text
    parts, length, number = [], 0, 0
    while length < size:
        number += 1
        part = f"Raport nr {number}.\n\n{sample}\n\n"
        parts.append(part)
        length += len(part.encode("utf-8"))
    return "".join(parts)


def _seconds(text: str) -> float:
    started = time.process_time()
    analyze(Document("long", text, "1939-10-01", "long", "long.txt"))
    return time.process_time() - started


@pytest.mark.slow
def test_two_megabytes_analyse_in_linear_time() -> None:
    text = _long_text(TWO_MEGABYTES)
    part = text[:len(text) // 16]
    _seconds(part[:20_000])  # models and caches loaded before timing
    small, large = _seconds(part), _seconds(text)
    assert large <= 16 * small * 2.5 + 5, (small, large)
