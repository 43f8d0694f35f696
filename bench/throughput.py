"""Whole-pipeline speed (words per second per core), start-up time and peak memory of `kronika analyze`.

Compared in the same run with bare Morfeusz analysis of the same texts. Run: `python bench/throughput.py`
(results go to stdout; record them in BENCHMARKS.md with the date).
"""

from __future__ import annotations

import argparse
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import kpwr_documents, nkjp_documents  # noqa: E402

WORD = re.compile(r"\w+")


def words(texts: list[str]) -> int:
    return sum(len(WORD.findall(t)) for t in texts)


def bare_morfeusz(texts: list[str]) -> float:
    import morfeusz2

    analyser = morfeusz2.Morfeusz(generate=False)
    start = time.process_time()
    for text in texts:
        analyser.analyse(text)
    return time.process_time() - start


def pipeline(texts: list[str]) -> tuple[float, dict[str, float]]:
    from kronika.model import Analysis, Document
    from kronika.pipeline import STAGES

    analyses = [Analysis(document=Document(id=str(i), text=t)) for i, t in enumerate(texts)]
    per_stage: dict[str, float] = {}
    start = time.process_time()
    for stage in STAGES:
        stage_start = time.process_time()
        for analysis in analyses:
            stage.run(analysis)
        per_stage[stage.name] = time.process_time() - stage_start
    return time.process_time() - start, per_stage


def startup(repeats: int = 5) -> tuple[float, float]:
    """Median wall time of `kronika analyze -` on a one-line input, and the child's peak RSS (MB)."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "kronika.cli", "analyze", "-"], input=b"Armia Czerwona wkroczyla.",
                       check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=0, help="use only the first N documents of each corpus")
    args = parser.parse_args()
    corpora = {"nkjp-dev": nkjp_documents("dev"), "kpwr-timex": [d["text"] for d in kpwr_documents()]}
    seconds, rss = startup()
    print(f"start-up: `kronika analyze -` on one line: {seconds:.2f} s wall (median of 5), peak RSS {rss:.0f} MB")
    for name, texts in corpora.items():
        if args.limit:
            texts = texts[: args.limit]
        n_words = words(texts)
        morfeusz_seconds = bare_morfeusz(texts)
        pipeline_seconds, per_stage = pipeline(texts)
        stages = ", ".join(f"{k} {n_words / v:,.0f}" for k, v in per_stage.items() if v > 0)
        print(f"{name}: {len(texts)} documents, {n_words:,} words")
        print(f"  bare Morfeusz analyse(): {n_words / morfeusz_seconds:,.0f} words/s per core")
        print(f"  kronika pipeline:        {n_words / pipeline_seconds:,.0f} words/s per core "
              f"(CPU {pipeline_seconds:.1f} s)")
        print(f"  per stage words/s:       {stages}")
    print(f"peak memory of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
