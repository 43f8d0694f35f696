"""Score the temporal grammar on the KPWr TimeML documents (../shared/data/kpwr-timex) and time it.

Usage: python bench/timex_kpwr.py [--split dev|locked|all] [--convention kronika|kpwr] [--misses 25] [--data PATH]

``--split``: the development part (default), the locked test part (documents whose sha1(id) starts with
c-f, bench/splits.py; report its figures only, never read its misses: they are not printed), or all.
``--convention``: ``kronika`` (the contract, default) or ``kpwr`` (the corpus' own TimeML conventions).

Under the contract convention the gold is first restated in the contract's terms
(``kronika.evaluation.kpwr_contract_gold``, each rule quoted there and in BENCHMARKS.md "Dates and times"),
so that a difference of convention is not counted as an error. ``--raw-gold`` scores against the corpus'
values as they are (lower-case "x" placeholders read as "X").

Matching and value comparison are those of ``kronika eval`` (``kronika.evaluation``, after CONTRACT.md):
one-to-one, greedy in text order; strict = identical span, relaxed = overlapping; a value is right when it
equals the gold value or an alternative. Value accuracy is over relaxed matches whose gold value is set
(KPWr leaves SET values empty). Speed counts the corpus' tokens over
the time of ``find_timexes`` alone (best of three passes, one process), by the wall clock and by CPU time.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter, defaultdict
from pathlib import Path

from splits import locked

from kronika.evaluation import kpwr_contract_gold, match_timexes, prf, timex_value_right
from kronika.timex import CONVENTIONS, find_timexes

DEFAULT_DATA = (
    Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "kpwr-timex" / "kpwr-timex-visible.jsonl"
)


def in_split(key: str, split: str) -> bool:
    return split == "all" or locked(key) == (split == "locked")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "locked", "all"), default="dev")
    parser.add_argument("--convention", choices=CONVENTIONS, default="kronika")
    parser.add_argument("--misses", type=int, default=25)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--raw-gold", action="store_true",
                        help="score the contract convention against the corpus' own gold, unconverted")
    args = parser.parse_args()
    docs = [json.loads(line) for line in args.data.read_text("utf-8").splitlines() if line.strip()]
    docs = [d for d in docs if in_split(d["id"], args.split)]
    contract = args.convention == "kronika" and not args.raw_gold
    if contract:
        docs = [{**d, "timexes": kpwr_contract_gold(d)} for d in docs]
    else:
        docs = [{**d, "timexes": [{**g, "value": g["value"] and g["value"].replace("x", "X")}
                                  for g in d["timexes"]]} for d in docs]
    if args.split != "dev":
        args.misses = 0  # the locked part is only reported

    results = [find_timexes(d["text"], d.get("dct") or None, convention=args.convention) for d in docs]
    n_gold = sum(len(d["timexes"]) for d in docs)
    n_system = sum(len(r) for r in results)
    counts: Counter[str] = Counter()
    per_type: dict[str, Counter[str]] = defaultdict(Counter)
    misses: list[tuple[str, str]] = []
    for doc, system in zip(docs, results, strict=True):
        relaxed = match_timexes(doc["timexes"], system, strict=False)
        strict = match_timexes(doc["timexes"], system, strict=True)
        counts["relaxed"] += len(relaxed)
        counts["strict"] += len(strict)
        for s in system:
            per_type[s.type]["system"] += 1
        for g in doc["timexes"]:
            per_type[g["type"]]["gold"] += 1
        strict_ids = {id(g) for g, _ in strict}
        matched = {id(g): s for g, s in relaxed}
        for g in doc["timexes"]:
            s = matched.get(id(g))
            context = doc["text"][max(0, g["start"] - 30):g["end"] + 15].replace("\n", " ")
            if s is None:
                misses.append(("missed", f"{g['type']} {g['text']!r} gold={g['value']} | …{context}…"))
                continue
            per_type[g["type"]]["relaxed"] += 1
            per_type[g["type"]]["strict"] += id(g) in strict_ids
            per_type[g["type"]]["type"] += s.type == g["type"]
            if g["value"] is None:
                continue
            ok = timex_value_right(g, s.value)
            counts["valued"] += 1
            counts["value_ok"] += ok
            per_type[g["type"]]["valued"] += 1
            per_type[g["type"]]["value_ok"] += ok
            if not ok:
                misses.append(("value", f"{g['type']} {g['text']!r} gold={g['value']} ours={s.value} "
                                        f"(dct {doc.get('dct') or '-'}) | …{context}…"))
        gold_spans = [(g["start"], g["end"]) for g in doc["timexes"]]
        for s in system:
            if not any(s.start < e and b < s.end for b, e in gold_spans):
                context = doc["text"][max(0, s.start - 30):s.end + 15].replace("\n", " ")
                misses.append(("spurious", f"{s.type} {s.text!r} ours={s.value} | …{context}…"))

    print(f"KPWr timex ({args.split}): {len(docs)} documents, {n_gold} gold timexes, {n_system} system "
          f"(convention {args.convention}"
          f"{', gold unconverted' if args.raw_gold else ''})")
    for name in ("relaxed", "strict"):
        score = prf(counts[name], n_system, n_gold)
        print(f"  {name:8s} P {score['p']:.3f}  R {score['r']:.3f}  F1 {score['f']:.3f}")
    print(f"  value accuracy on relaxed matches: {counts['value_ok'] / max(1, counts['valued']):.3f} "
          f"({counts['value_ok']}/{counts['valued']} with a gold value)")
    print("  per gold type:   gold  sys  relaxedR strictR  typeAcc valueAcc")
    for kind in sorted(per_type):
        c = per_type[kind]
        print(f"    {kind:9s} {c['gold']:6d} {c['system']:4d}  {c['relaxed'] / max(1, c['gold']):7.3f} "
              f"{c['strict'] / max(1, c['gold']):7.3f}  {c['type'] / max(1, c['relaxed']):7.3f} "
              + (f"{c['value_ok'] / c['valued']:8.3f}" if c["valued"] else "       -"))

    by_kind = Counter(kind for kind, _ in misses)
    if args.misses:
        print(f"worst misses ({dict(by_kind)}), first {args.misses} of each kind:")
    for kind in ("missed", "spurious", "value"):
        for _, line in [m for m in misses if m[0] == kind][: args.misses]:
            print(f"  [{kind}] {line}")

    words = sum(len(d["tokens"]) for d in docs)
    best = best_cpu = float("inf")
    for _ in range(3):
        started, started_cpu = time.perf_counter(), time.process_time()
        for d in docs:
            find_timexes(d["text"], d.get("dct") or None, convention=args.convention)
        best = min(best, time.perf_counter() - started)
        best_cpu = min(best_cpu, time.process_time() - started_cpu)
    # CPU time too: on a shared machine the wall clock measures the other processes as well
    print(f"speed: {words} words in {best:.3f} s = {words / best:,.0f} words/s, "
          f"{words / max(best_cpu, 1e-9):,.0f} words per CPU-second (temporal stage alone)")


if __name__ == "__main__":
    main()
