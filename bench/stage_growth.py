"""How each pipeline stage's CPU time grows with the length of one document: a linear stage takes 4×
the time for 4× the text, a quadratic one 16×.

The document is the bundled sample repeated as numbered reports (no shared data set, so no split).
Run: `python bench/stage_growth.py [--sizes 131072 524288]` (sizes in bytes of UTF-8).
"""

from __future__ import annotations

import argparse
import time


def long_text(sample: str, size: int) -> str:
    """Numbered copies of ``sample`` until ``size`` bytes, so no two paragraphs are the same."""
    parts, length, number = [], 0, 0
    while length < size:
        number += 1
        part = f"Raport nr {number}.\n\n{sample}\n\n"
        parts.append(part)
        length += len(part.encode("utf-8"))
    return "".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[128 * 1024, 512 * 1024])
    args = parser.parse_args()
    from kronika.commands.demo import sample_document
    from kronika.model import Analysis, Document
    from kronika.pipeline import STAGES, analyze

    sample = sample_document().text
    analyze(Document("warm", sample, "1939-10-01"))  # models and caches loaded before timing
    rows = []
    for size in args.sizes:
        analysis = Analysis(Document(f"s{size}", long_text(sample, size), "1939-10-01"))
        seconds = {}
        for stage in STAGES:
            started = time.process_time()
            stage.run(analysis)
            seconds[stage.name] = time.process_time() - started
        rows.append((size, seconds))
        print(f"{size // 1024:>6} KB: " + ", ".join(f"{name} {value:.1f}" for name, value in seconds.items()),
              flush=True)
    (small, first), (large, last) = rows[0], rows[-1]
    print(f"growth for {large / small:g}x the text: " + ", ".join(
        f"{name} {last[name] / first[name]:.1f}x" for name in first if first[name] >= 0.05))


if __name__ == "__main__":
    main()
