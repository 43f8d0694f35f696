"""Score the temporal grammar on the KPWr TimeML documents (../shared/data/kpwr-timex) and time it.

Usage: python bench/timex_kpwr.py [--split dev|locked|all] [--convention kronika|kpwr] [--misses 25] [--data PATH]

``--split``: the development part (default), the locked test part (documents whose sha1(id) starts with
c-f, bench/splits.py; report its figures only, never read its misses: they are not printed), or all.
``--convention``: ``kronika`` (the contract, default) or ``kpwr`` (the corpus' own TimeML conventions).

Under the contract convention the gold is first restated in the contract's terms (``contract_gold``), so
that a difference of convention is not counted as an error: the two ends of a KPWr range become one timex
with an interval value; an amount before *temu* or after *za* becomes the date it points to from the
creation date (*PAST_REF* / *FUTURE_REF* for an unknown amount); an amount before *wcześniej* / *później*
points from a time the gold does not give, so its value is not scored; nor is a week KPWr dates to its
year only (``2009-Wxx``: its annotators write no week numbers, the contract does); a KPWr time of day
without a day (``T18:00``) is written ``XXXX-XX-XXT18:00``; and KPWr's ``VAGUE`` duration is any TIMEX3
duration of an unknown amount (``PXY``, ``PTXH``). ``--raw-gold`` scores against the corpus' values as they are.

Matching follows CONTRACT.md: one-to-one, greedy in text order; strict = identical span, relaxed =
overlapping. Value accuracy is over relaxed matches whose gold value is set (KPWr leaves SET values
empty); lower-case "x" placeholders in the gold are read as "X". Speed counts the corpus' tokens over
the time of ``find_timexes`` alone (best of three passes, one process), by the wall clock and by CPU time.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

from splits import locked

from kronika.model import Timex
from kronika.timex import CONVENTIONS, find_timexes
from kronika.timex.values import parse_iso_date, shift_date

DEFAULT_DATA = (
    Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "kpwr-timex" / "kpwr-timex-visible.jsonl"
)


def match(gold: list[dict], system: list[Timex], strict: bool) -> list[tuple[dict, Timex]]:
    used: set[int] = set()
    pairs = []
    for g in sorted(gold, key=lambda t: t["start"]):
        for i, s in enumerate(system):
            if i in used:
                continue
            same = (s.start, s.end) == (g["start"], g["end"])
            if same or (not strict and s.start < g["end"] and g["start"] < s.end):
                used.add(i)
                pairs.append((g, s))
                break
    return pairs


def prf(found: int, n_system: int, n_gold: int) -> tuple[float, float, float]:
    p = found / n_system if n_system else 0.0
    r = found / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# what joins the two ends of a range; "i" only after a bare day number ("7 i 8 kwietnia")
_RANGE_GLUE = re.compile(r"\s{0,3}(?:[-–—/]|do)\s{0,3}", re.IGNORECASE)
_AND_GLUE = re.compile(r"\s{1,3}i\s{1,3}", re.IGNORECASE)
_AGO = re.compile(r"\s{1,3}temu(?![^\W_])", re.IGNORECASE)
_AHEAD = re.compile(r"(?<![^\W_])(?:za|przed)\s{1,3}$", re.IGNORECASE)
_FROM_NARRATIVE = re.compile(r"\s{1,3}(?:wcześniej|później|przedtem|potem)(?![^\W_])", re.IGNORECASE)
_UNNUMBERED_WEEK = re.compile(r"^\d{4}-WXX(?:-WE)?$")
_AMOUNT = re.compile(r"^P(\d+)(Y|M|W|D)$")


def _pointed_date(dct: date, amount: int, unit: str) -> str:
    """The date ``amount`` units from ``dct``, at the unit's precision (a week or a day: the day), as the
    contract writes *dwa lata temu*, *przed miesiącem*, *za dwa tygodnie*."""
    moved = shift_date(dct, amount, unit)
    return {"Y": f"{moved.year:04d}", "M": f"{moved.year:04d}-{moved.month:02d}"}.get(unit, moved.isoformat())


def contract_gold(doc: dict) -> list[dict]:
    """The gold timexes of a KPWr document restated in the contract's convention (see the module doc)."""
    text, dct = doc["text"], parse_iso_date(doc.get("dct"))
    gold: list[dict] = []
    for raw in sorted(doc["timexes"], key=lambda t: t["start"]):
        g = dict(raw)
        if g["value"] is not None:
            g["value"] = g["value"].replace("x", "X")
            if g["value"].startswith("T"):
                g["value"] = "XXXX-XX-XX" + g["value"]
            if _UNNUMBERED_WEEK.match(g["value"]):
                g["value"] = None
        previous = gold[-1] if gold else None
        if (
            previous is not None and previous["value"] and g["value"] and "/" not in previous["value"]
            and {previous["type"], g["type"]} <= {"DATE", "TIME"}
            and (_RANGE_GLUE.fullmatch(text, previous["end"], g["start"])
                 or (previous["text"].isdigit() and _AND_GLUE.fullmatch(text, previous["end"], g["start"])))
        ):
            previous.update(end=g["end"], text=text[previous["start"]:g["end"]],
                            value=f"{previous['value']}/{g['value']}",
                            type="TIME" if "TIME" in (previous["type"], g["type"]) else "DATE")
            continue
        if g["type"] == "DURATION" and g["value"] is not None:
            ago = _AGO.match(text, g["end"])
            ahead = _AHEAD.search(text, max(0, g["start"] - 8), g["start"])
            amount = _AMOUNT.match(g["value"])
            if ago or ahead:
                g["type"] = "DATE"
                sign = -1 if ago or text[ahead.start():g["start"]].lower().startswith("przed") else 1
                if g["value"] == "VAGUE":
                    g["value"] = "PAST_REF" if sign < 0 else "FUTURE_REF"
                elif amount and dct:
                    g["value"] = _pointed_date(dct, sign * int(amount[1]), amount[2])
                else:
                    g["value"] = None
            elif _FROM_NARRATIVE.match(text, g["end"]):
                g["type"], g["value"] = "DATE", None
        gold.append(g)
    return gold


_UNKNOWN_AMOUNT = re.compile(r"^PT?X[A-Z]{1,2}$")


def same_value(gold: str, system: str, contract: bool = False) -> bool:
    """Whether the values agree; ``contract``: the gold was restated in the contract's convention."""
    gold = gold.replace("x", "X")
    if contract and gold == "VAGUE":
        return bool(_UNKNOWN_AMOUNT.match(system))
    return gold == system


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
        docs = [{**d, "timexes": contract_gold(d)} for d in docs]
    if args.split != "dev":
        args.misses = 0  # the locked part is only reported

    results = [find_timexes(d["text"], d.get("dct") or None, convention=args.convention) for d in docs]
    n_gold = sum(len(d["timexes"]) for d in docs)
    n_system = sum(len(r) for r in results)
    counts: Counter[str] = Counter()
    per_type: dict[str, Counter[str]] = defaultdict(Counter)
    misses: list[tuple[str, str]] = []
    for doc, system in zip(docs, results, strict=True):
        relaxed = match(doc["timexes"], system, strict=False)
        strict = match(doc["timexes"], system, strict=True)
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
            ok = same_value(g["value"], s.value, contract)
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
        p, r, f = prf(counts[name], n_system, n_gold)
        print(f"  {name:8s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
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
