"""Event recall and precision on gold files (format of ../shared/seed/*.gold.json).

    python bench/events_seed.py [GOLD.json ...] [--split dev|locked|all] [--gold-mentions] [-v]

A gold event is found when a system event's trigger overlaps its trigger, its time equals the gold
date or an alternative (when the gold has a date) and its places include every gold place by base
form (CONTRACT.md). Precision: system events whose trigger overlaps a gold trigger. With
``--gold-mentions`` the entities and timexes come from the gold file instead of the pipeline, which
isolates the events stage from the stages before it. ``--split`` keeps the gold files whose name (the
document id) is in that part by the SPLITS.md rule (bench/splits.py); the seed is in the dev part.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kronika.events import annotate_events
from kronika.model import Analysis, Document, Entity, Timex
from kronika.pipeline import STAGES

sys.path.insert(0, str(Path(__file__).resolve().parent))
from splits import locked  # noqa: E402

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


def _with_gold_mentions(gold: dict, document: Document) -> Analysis:
    analysis = Analysis(document=document)
    for stage in STAGES:
        if stage.name in {"segment", "morphology"}:
            stage.run(analysis)
    top: list[Entity] = []
    for number, item in enumerate(gold["entities"], 1):
        parent = None
        if item.get("nested"):
            parent = next((e.id for e in top if e.start <= item["start"] and item["end"] <= e.end), None)
        entity = Entity(f"e{number}", item["start"], item["end"], item["text"], item["type"], item["lemma"],
                        ref=item["lemma"].lower(), parent=parent)
        analysis.entities.append(entity)
        if parent is None:
            top.append(entity)
    analysis.timexes = [Timex(f"t{n}", t["start"], t["end"], t["text"], t["type"], t["value"])
                        for n, t in enumerate(gold["timexes"], 1)]
    annotate_events(analysis)
    return analysis


def _with_pipeline(document: Document) -> Analysis:
    from kronika.pipeline import analyze

    return analyze(document)


def score(gold: dict, analysis: Analysis, verbose: bool) -> tuple[int, int, int, int]:
    events = analysis.events
    found = 0
    for item in gold["events"]:
        dates = {item["date"], *item.get("date_alternatives", [])} if item["date"] else None
        overlapping = [e for e in events if e.trigger_start < item["end"] and item["start"] < e.trigger_end]
        ok = [e for e in overlapping if (dates is None or e.time in dates)
              and {p.lower() for p in item["places"]} <= {p.lemma.lower() for p in e.places}]
        found += bool(ok)
        if verbose and not ok:
            got = [(e.trigger_text, e.time, [p.lemma for p in e.places]) for e in overlapping]
            print(f"MISS {item['id']} {item['trigger']!r} {item['date']} {item['places']} got {got}")
    correct = sum(any(e.trigger_start < g["end"] and g["start"] < e.trigger_end for g in gold["events"])
                  for e in events)
    if verbose:
        for e in events:
            print(f"  {e.id} {e.type:17} {e.trigger_text!r:28} {e.time} {'(inh)' if e.time_inherited else ''}"
                  f" places={[p.lemma for p in e.places]} "
                  f"parts={[(p.lemma, p.role) for p in e.participants]}")
    return found, len(gold["events"]), correct, len(events)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("gold", nargs="*", type=Path)
    parser.add_argument("--split", choices=["dev", "locked", "all"], default="all")
    parser.add_argument("--gold-mentions", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    paths = args.gold or sorted((SHARED / "seed").glob("*.gold.json"))
    paths = [p for p in paths if args.split == "all"
             or locked(p.name.removesuffix(".gold.json")) == (args.split == "locked")]
    totals = [0, 0, 0, 0]
    for path in paths:
        gold = json.loads(path.read_text("utf-8"))
        document = Document(id=path.stem, text=gold["text"])
        analysis = _with_gold_mentions(gold, document) if args.gold_mentions else _with_pipeline(document)
        for k, value in enumerate(score(gold, analysis, args.verbose)):
            totals[k] += value
    found, gold_total, correct, system_total = totals
    print(f"event recall {found}/{gold_total} = {found / max(gold_total, 1):.2f}; "
          f"trigger precision {correct}/{system_total} = {correct / max(system_total, 1):.2f}")


if __name__ == "__main__":
    main()
