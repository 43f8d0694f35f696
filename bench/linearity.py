"""Per-word cost of one long document against a short one: analysis and storing must stay linear.

Documents of 5,000 to 100,000 words are made by joining NKJP dev documents (as paragraphs) of the chosen
split; each size is analysed from the same warm state, then stored in a fresh SQLite store. Prints CPU
microseconds per word for each size and the ratio of the largest to the smallest (target ≤ 1.2). The
smallest document is only the first texts of the largest, and names, dates and places are not spread
evenly over them, so the largest document's texts are also analysed as documents of the smallest size:
the same words, cut differently, whose ratio is the cost of the length alone. The collector's thresholds
are raised as in the commands that analyse many documents.
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


def pieces_of(texts: list[str], size: int, piece: int) -> list[str]:
    """The texts of :func:`document_of` ``(texts, size)`` joined into documents of ``piece`` words or more."""
    pieces: list[list[str]] = [[]]
    count = total = 0
    while total < size:
        text = texts[sum(len(p) for p in pieces) % len(texts)]
        if count >= piece:
            pieces.append([])
            count = 0
        pieces[-1].append(text)
        words = len(WORD.findall(text))
        count += words
        total += words
    return ["\n\n".join(p) for p in pieces]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", choices=["dev", "locked", "all"], default="dev")
    parser.add_argument("--sizes", type=int, nargs="+", default=[5_000, 20_000, 100_000])
    args = parser.parse_args()
    from kronika.model import Document
    from kronika.pipeline import analyze, collect_garbage_rarely
    from kronika.store import Store

    collect_garbage_rarely()  # as the commands that analyse many documents do

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
    pieces = pieces_of(texts, max(args.sizes), min(args.sizes))
    words = sum(len(WORD.findall(piece)) for piece in pieces)
    start = time.process_time()
    for number, piece in enumerate(pieces):
        analyze(Document(id=f"p{number}", text=piece))
    cut = (time.process_time() - start) / words * 1e6
    print(f"the {last[1]:,} words as {len(pieces)} documents of ~{min(args.sizes):,}: analysis {cut:.1f} µs/word; "
          f"one document of them {last[2] / cut:.2f}x")


if __name__ == "__main__":
    main()
