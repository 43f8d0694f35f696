"""Whole-pipeline speed in words per CPU second, per stage, beside bare Morfeusz on the same texts in the
same run; start-up of `kronika --help` and `kronika analyze -`.

Run: `python bench/throughput.py [--split dev|locked|all] [--profile]` (results on stdout; record them in
BENCHMARKS.md with the date). Documents are split by the sha1 of their name (NKJP file name without
``./``, KPWr id) as ../shared/data/SPLITS.md defines, so the speed work is tuned on one part and reported
on the other. Speeds are per CPU second of this process, so other load on the machine does not inflate them.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import kpwr_documents, nkjp_named_documents  # noqa: E402
from splits import locked  # noqa: E402

WORD = re.compile(r"\w+")
TOKEN = re.compile(r"\w+|[^\w\s]")
KRONIKA = [sys.executable, "-m", "kronika.cli"]


def words(texts: list[str]) -> int:
    return sum(len(WORD.findall(t)) for t in texts)


def in_split(key: str, split: str) -> bool:
    return split == "all" or locked(key) == (split == "locked")


def corpora(split: str) -> dict[str, list[str]]:
    nkjp = [text for name, text in nkjp_named_documents("dev") if in_split(name.removeprefix("./"), split)]
    kpwr = [d["text"] for d in kpwr_documents() if in_split(d["id"], split)]
    return {"nkjp-dev": nkjp, "kpwr-timex": kpwr}


def bare_morfeusz(texts: list[str]) -> float:
    """CPU seconds of Morfeusz's own analysis of the texts (no caching, no disambiguation)."""
    import morfeusz2

    analyser = morfeusz2.Morfeusz(generate=False)
    start = time.process_time()
    for text in texts:
        analyser.analyse(text)
    return time.process_time() - start


def bare_morfeusz_per_form(texts: list[str]) -> float:
    """CPU seconds of Morfeusz's own analysis of each token of the texts on its own (words and punctuation,
    one call each, no caching): the issue's "per-form" reference, as a pipeline that analyses tokens must."""
    import morfeusz2

    analyser = morfeusz2.Morfeusz(generate=False)
    forms = [form for text in texts for form in TOKEN.findall(text)]
    start = time.process_time()
    for form in forms:
        analyser.analyse(form)
    return time.process_time() - start


def pipeline(texts: list[str]) -> tuple[float, dict[str, float]]:
    """CPU seconds of the whole pipeline, and of each stage, from cold caches (models loaded)."""
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


def warm_up(train_documents: int = 0) -> None:
    """Load the dictionaries and models, so that the timed run measures analysis, not loading; with
    ``train_documents``, also fill the per-form caches on that many NKJP train documents (other texts), as
    a long ingest has them filled."""
    from kronika.model import Document
    from kronika.pipeline import analyze

    analyze(Document(id="warm-up", text="Gen. Anders walczył 17 września 1939 r. pod Lwowem."))
    if train_documents:
        for name, text in nkjp_named_documents("train")[:train_documents]:
            analyze(Document(id=name, text=text))


def startup(args: list[str], stdin: bytes = b"", repeats: int = 5) -> tuple[float, float]:
    """Median wall and CPU seconds of one `kronika` run."""
    walls, cpus = [], []
    for _ in range(repeats):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(KRONIKA + args, input=stdin, check=True, capture_output=True)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", choices=["dev", "locked", "all"], default="dev")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N documents of each corpus")
    parser.add_argument("--profile", action="store_true", help="print the 30 costliest functions of the NKJP run")
    parser.add_argument("--no-startup", action="store_true", help="skip the start-up measurements")
    parser.add_argument("--warm", type=int, default=0, metavar="N",
                        help="first analyse N NKJP train documents (warm caches, as in a long ingest)")
    args = parser.parse_args()
    if not args.no_startup:
        for label, command, stdin in (("kronika --help", ["--help"], b""),
                                      ("kronika analyze - (one line)", ["analyze", "-"], b"Armia Czerwona wkroczyla.")):
            wall, cpu = startup(command, stdin)
            print(f"start-up `{label}`: {wall:.3f} s wall, {cpu:.3f} s CPU (median of 5)")
    from kronika.pipeline import collect_garbage_rarely

    collect_garbage_rarely()  # as the commands that analyse many documents do
    warm_up(args.warm)
    if args.warm:
        print(f"caches warmed on {args.warm} NKJP train documents")
    for name, texts in corpora(args.split).items():
        if args.limit:
            texts = texts[: args.limit]
        n_words = words(texts)
        morfeusz_seconds = bare_morfeusz(texts)
        per_form_seconds = bare_morfeusz_per_form(texts)
        profiler = cProfile.Profile() if args.profile and name == "nkjp-dev" else None
        if profiler:
            profiler.enable()
        pipeline_seconds, per_stage = pipeline(texts)
        if profiler:
            profiler.disable()
        stages = ", ".join(f"{k} {n_words / v:,.0f}" for k, v in per_stage.items() if v > 0)
        print(f"{name} ({args.split}): {len(texts)} documents, {n_words:,} words")
        print(f"  bare Morfeusz analyse(): {n_words / morfeusz_seconds:,.0f} words per CPU-second")
        print(f"  bare Morfeusz per form:  {n_words / per_form_seconds:,.0f} words per CPU-second")
        print(f"  kronika pipeline:        {n_words / pipeline_seconds:,.0f} words per CPU-second "
              f"(CPU {pipeline_seconds:.1f} s; {morfeusz_seconds / pipeline_seconds:.2f}x bare Morfeusz, "
              f"{per_form_seconds / pipeline_seconds:.2f}x bare Morfeusz per form)")
        print(f"  per stage words/s:       {stages}")
        if profiler:
            pstats.Stats(profiler).sort_stats("tottime").print_stats(30)
    print(f"peak memory of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
