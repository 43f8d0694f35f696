"""How each pipeline stage's CPU time grows with the length of one document: a linear stage takes 4×
the time for 4× the text, a quadratic one 16×.

The document is the bundled sample repeated as numbered reports (no shared data set, so no split).
Run: `python bench/stage_growth.py [--sizes 131072 524288]` (sizes in bytes of UTF-8). The robustness
tests use the same text and timing (``tests/robustness/test_scaling.py``).
"""

from __future__ import annotations

import argparse
import time

DCT = "1939-10-01"


def long_text(size: int) -> str:
    """Numbered copies of the bundled sample until ``size`` bytes, so no two paragraphs are the same."""
    from kronika.commands.demo import sample_document

    sample = sample_document().text
    parts, length, number = [], 0, 0
    while length < size:
        number += 1
        part = f"Raport nr {number}.\n\n{sample}\n\n"
        parts.append(part)
        length += len(part.encode("utf-8"))
    return "".join(parts)


def stage_seconds(text: str) -> dict[str, float]:
    """CPU seconds of each stage on ``text`` as one document."""
    from kronika.model import Analysis, Document
    from kronika.pipeline import STAGES

    analysis = Analysis(Document("long", text, DCT))
    seconds = {}
    for stage in STAGES:
        started = time.process_time()
        stage.run(analysis)
        seconds[stage.name] = time.process_time() - started
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[128 * 1024, 512 * 1024])
    args = parser.parse_args()
    stage_seconds(long_text(20_000))  # models and caches loaded before timing
    rows = []
    for size in args.sizes:
        seconds = stage_seconds(long_text(size))
        rows.append((size, seconds))
        print(f"{size // 1024:>6} KB: " + ", ".join(f"{name} {value:.1f}" for name, value in seconds.items()),
              flush=True)
    (small, first), (large, last) = rows[0], rows[-1]
    print(f"growth for {large / small:g}x the text: " + ", ".join(
        f"{name} {last[name] / first[name]:.1f}x" for name in first if first[name] >= 0.05))


if __name__ == "__main__":
    main()
