"""Analysis time grows linearly with the document: a 2 MB document takes at most a small multiple of
sixteen times what its first 128 KB take (a quadratic stage would take 256 times). The text and the
timing are the benchmark's (``bench/stage_growth.py``)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_SPEC = importlib.util.spec_from_file_location(
    "stage_growth", Path(__file__).resolve().parents[2] / "bench" / "stage_growth.py")
assert _SPEC is not None and _SPEC.loader is not None
stage_growth = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(stage_growth)

TWO_MEGABYTES = 2 * 1024 * 1024


def _seconds(text: str) -> float:
    return sum(stage_growth.stage_seconds(text).values())


@pytest.mark.slow
def test_two_megabytes_analyse_in_linear_time() -> None:
    text = stage_growth.long_text(TWO_MEGABYTES)
    part = text[:len(text) // 16]
    _seconds(part[:20_000])  # models and caches loaded before timing
    small, large = _seconds(part), _seconds(text)
    assert large <= 16 * small * 2.5 + 5, (small, large)
