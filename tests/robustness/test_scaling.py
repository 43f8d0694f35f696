"""Analysis time grows linearly with the document: a 2 MB document takes at most a small multiple of
sixteen times what its first 128 KB take (a quadratic stage would take 256 times). The text and the
timing are the benchmark's (``bench/stage_growth.py``)."""

from __future__ import annotations

import pytest

from tests.conftest import BENCH, load_script

stage_growth = load_script(BENCH / "stage_growth.py")

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
