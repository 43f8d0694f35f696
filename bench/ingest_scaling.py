"""`kronika ingest` of up to 10,000 documents: time per document as the store grows, peak memory, and
the speed-up of several workers.

The documents are NKJP dev documents of the chosen split, cycled, each opened with its own number so
that every text is new. One `kronika ingest` run stores them all in a fresh SQLite store (or `--db`);
the time between its output lines gives the wall time per document in the windows 1–10, 11–100,
101–1,000, 1,001–10,000. Peak memory comes from `/usr/bin/time -v`.
Run: `python bench/ingest_scaling.py [--split dev] [--documents 10000] [--workers 1 2]`.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import KRONIKA, WORD, corpora  # noqa: E402

WINDOWS = [(1, 10), (11, 100), (101, 1_000), (1_001, 10_000), (10_001, 100_000)]


def write_documents(path: Path, texts: list[str], count: int, words: int) -> list[int]:
    """``count`` JSONL documents (each cut after the sentence that reaches ``words`` words when given);
    returns the number of words of each."""
    sizes = []
    with open(path, "w", encoding="utf-8") as handle:
        for number in range(count):
            text = texts[number % len(texts)]
            if words:
                cut = [m.end() for m in re.finditer(r"[.!?](?=\s)", text)]
                text = next((text[:end] for end in cut if len(WORD.findall(text[:end])) >= words), text)
            text = f"Dokument nr {number + 1}. {text}"
            sizes.append(len(WORD.findall(text)))
            handle.write(json.dumps({"id": f"d{number + 1}", "text": text}, ensure_ascii=False) + "\n")
    return sizes


def ingest(jsonl: Path, db: str, workers: int) -> tuple[list[float], float, float, float]:
    """Times (since start) of every stored document, the wall and CPU seconds, and the peak RSS in MB."""
    command = ["/usr/bin/time", "-v", *KRONIKA, "ingest", str(jsonl), "--db", db, "--workers", str(workers)]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stderr is not None
    stamps = [time.perf_counter() - start for line in process.stdout if "\tnew\t" in line]
    report = process.stderr.read()
    process.wait()
    wall = time.perf_counter() - start
    if process.returncode:
        sys.exit(f"ingest failed:\n{report}")
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", report).group(1))  # type: ignore[union-attr]
    system = float(re.search(r"System time \(seconds\): ([\d.]+)", report).group(1))  # type: ignore[union-attr]
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", report).group(1)) / 1024  # type: ignore[union-attr]
    return stamps, wall, user + system, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", choices=["dev", "locked", "all"], default="dev")
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--words", type=int, default=0, help="cut each document after about this many words")
    parser.add_argument("--keep", type=Path, help="a folder to keep the stores in (store-N.sqlite for --workers N), "
                                                   "e.g. for bench/server_latency.py")
    args = parser.parse_args()
    texts = corpora(args.split)["nkjp-dev"]
    with tempfile.TemporaryDirectory() as temporary:
        folder = args.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        jsonl = Path(temporary) / "documents.jsonl"
        sizes = write_documents(jsonl, texts, args.documents, args.words)
        print(f"{args.documents:,} documents, {sum(sizes):,} words ({args.split} split of NKJP dev, cycled)")
        walls = {}
        for workers in args.workers:
            (folder / f"store-{workers}.sqlite").unlink(missing_ok=True)
            db = f"sqlite:///{folder}/store-{workers}.sqlite"
            stamps, wall, cpu, peak = ingest(jsonl, db, workers)
            walls[workers] = wall
            print(f"--workers {workers}: {wall:.0f} s wall, {cpu:.0f} s CPU (all processes), "
                  f"{sum(sizes) / wall:,.0f} words/s wall, peak RSS {peak:.0f} MB (largest process)")
            for first, last in WINDOWS:
                if last > len(stamps):
                    last = len(stamps)
                if first > last:
                    break
                seconds = stamps[last - 1] - (stamps[first - 2] if first > 1 else 0.0)
                words = sum(sizes[first - 1:last])
                print(f"  documents {first:>6,}–{last:<6,}: {seconds / (last - first + 1) * 1000:7.1f} ms/document, "
                      f"{seconds / words * 1e6:6.1f} µs/word (wall)")
        if len(walls) > 1:
            fewest = min(walls)
            for workers, wall in sorted(walls.items()):
                if workers == fewest:
                    continue
                print(f"speed-up of --workers {workers} over {fewest}: {walls[fewest] / wall:.2f}x")


if __name__ == "__main__":
    main()
