"""Score the temporal grammar on a generalisation set of sentences written for it.

Usage: python bench/timex_generalisation.py [--gold PATH] [--misses]

``bench/data/timex_generalisation.gold.json`` (the first set: official letters, memoirs, 19th-century press,
chronicles, legal acts, relative dates with different anchors, durations, sets, vague expressions) was reported
once as never tuned on and is a development set since: ``--misses`` lists its errors.
``bench/data/timex_generalisation2.gold.json`` (the second set: registry records, court, weather, market and
sports reports, listings, advertisements, notices, dated letters and diaries, Roman months, older spelling, OCR
noise, ranges, ages, feasts) was scored once as never tuned on (its gold committed before any rule was changed)
and is a development set since the eighth pass.
``bench/data/timex_generalisation3.gold.json`` (the third set: 1925–1939 press and modern news, blogs, encyclopaedia
entries, law and science, ordinary dates first; see ``bench/data/FRESH.md``) was run once as never tuned on in the
eighth round and is a development set since.
``bench/data/timex_generalisation4.gold.json`` (the fourth set: 1902–1939 press and modern news, sport, blogs,
law and science; ``bench/data/FRESH.md``, ninth round) was run once as never tuned on at the ninth round's final
code and is a development set since.
``bench/data/timex_generalisation5.gold.json`` (the fifth set: two thirds 1908–1939 press, one third modern genres;
``bench/data/FRESH.md``, tenth round) is never tuned on until its one run: ``--misses`` refuses it (``bench/fresh.py``).
``bench/data/timex_modern.gold.json`` (modern Polish in the genres of KPWr: blogs, forums, news, sports, Wikipedia
biographies, legal acts, reviews, school years, economic reports) is a development set: ``--misses`` lists its errors.

Scores as ``bench/press_timex.py``: the fraction of gold values right (a system timex overlapping
the gold span with its value or an accepted alternative), of gold mods right, and span F1 (relaxed =
overlapping, strict = identical; one-to-one, greedy in text order, as CONTRACT.md), overall and per style.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from fresh import refuse_misses

from kronika.evaluation import match_timexes, prf, timex_value_right
from kronika.timex import find_timexes

DEFAULT_GOLD = Path(__file__).resolve().parent / "data" / "timex_generalisation.gold.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--misses", action="store_true", help="list the errors (refused on a set never tuned on)")
    args = parser.parse_args()
    if args.misses:
        refuse_misses(args.gold)
    docs = json.loads(args.gold.read_text("utf-8"))["documents"]
    counts: Counter[str] = Counter()
    by_style: dict[str, Counter[str]] = {}
    for doc in docs:
        system = find_timexes(doc["text"], doc["dct"])
        gold = doc["timexes"]
        pairs = {id(g): s for g, s in match_timexes(gold, system, strict=False)}
        style = by_style.setdefault(doc["style"].split(",")[0], Counter())
        for c in (counts, style):
            c["gold"] += len(gold)
            c["system"] += len(system)
            c["relaxed"] += len(pairs)
            c["strict"] += len(match_timexes(gold, system, strict=True))
            for g in gold:
                s = pairs.get(id(g))
                c["value"] += s is not None and timex_value_right(g, s.value)
                c["mod"] += s is not None and s.mod == g.get("mod")
        if args.misses:
            for g in gold:
                s = pairs.get(id(g))
                if s is None or not timex_value_right(g, s.value) or s.mod != g.get("mod"):
                    found = "missed" if s is None else f"ours={s.value} mod={s.mod} {s.text!r}"
                    print(f"  {doc['id']}: {g['text']!r} gold={g['value']} mod={g.get('mod')} {found}")
    print(f"timex generalisation set: {len(docs)} sentences, {counts['gold']} gold timexes, "
          f"{counts['system']} system")
    print(f"  gold values right: {counts['value'] / counts['gold']:.3f} ({counts['value']}/{counts['gold']}); "
          f"mods right: {counts['mod'] / counts['gold']:.3f}")
    for name in ("relaxed", "strict"):
        score = prf(counts[name], counts["system"], counts["gold"])
        print(f"  span {name:8s} P {score['p']:.3f}  R {score['r']:.3f}  F1 {score['f']:.3f}")
    for name, c in sorted(by_style.items()):
        print(f"    {name:20s} values {c['value']:3d}/{c['gold']:<3d}")


if __name__ == "__main__":
    main()
