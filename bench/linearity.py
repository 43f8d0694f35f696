"""Per-word cost of one long document against a short one: analysis and storing must stay linear.

Documents of 5,000 to 100,000 words are made by joining NKJP dev documents (as paragraphs) of the chosen
split; each size is analysed from the same warm state, then stored in a fresh SQLite store. Prints CPU
microseconds per word for each size and the ratio of the largest to the smallest (target ≤ 1.2).
Run: `python bench/linearity.py [--split dev|locked|all] [--sizes 5000 20000 100000]`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import WORD, corpora, warm_up  # noqa: E402


def document_of(texts: list[str], size: int) -> str:
    """The first texts (cycling when needed) joined as paragraphs until ``size`` words."""
    parts: list[str] = []
    count = 0
    while count < size:
        text = texts[len(parts) % len(texts)]
        parts.append(text)
        count += len(WORD.findall(text))
    return "\n\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", choices=["dev", "locked", "all"], default="dev")
    parser.add_argument("--sizes", type=int, nargs="+", default=[5_000, 20_000, 100_000])
    args = parser.parse_args()
    from kronika.model import Document
    from kronika.pipeline import analyze
    from kronika.store import Store

    texts = corpora(args.split)["nkjp-dev"]
    warm_up()
    # a first pass over the largest text fills the form caches, so every size is timed from the same state
    analyze(Document(id="fill", text=document_of(texts, max(args.sizes))))
    rows = []
    for size in args.sizes:
        text = document_of(texts, size)
        words = len(WORD.findall(text))
        start = time.process_time()
        analysis = analyze(Document(id=f"n{size}", text=text))
        analysed = time.process_time() - start
        with tempfile.TemporaryDirectory() as folder, Store.open(f"sqlite:///{folder}/store.sqlite") as store:
            start = time.process_time()
            store.ingest(analysis)
            stored = time.process_time() - start
        rows.append((size, words, analysed / words * 1e6, stored / words * 1e6))
        print(f"{words:>8,} words: analysis {rows[-1][2]:7.1f} µs/word, storing {rows[-1][3]:6.1f} µs/word "
              f"(CPU {analysed:.1f} s + {stored:.1f} s)", flush=True)
    first, last = rows[0], rows[-1]
    print(f"ratio {last[1]:,} / {first[1]:,} words: analysis {last[2] / first[2]:.2f}x, "
          f"storing {last[3] / first[3]:.2f}x, together {(last[2] + last[3]) / (first[2] + first[3]):.2f}x")


if __name__ == "__main__":
    main()
