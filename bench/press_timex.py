"""Score the temporal grammar on the hand-annotated period press set (bench/data/press_timex.gold.json).

Usage: python bench/press_timex.py [--split dev|locked|all] [--misses] [--gold PATH]

The gold holds document ids and offsets (docs/timex-press-guideline.md); the texts are read from
../shared/data/period-texts/ and checked against the recorded digest. Scores: the fraction of gold values
right (a system timex overlapping the gold span with its value or an accepted alternative), the fraction of
gold mods right, and span F1 (relaxed = overlapping, strict = identical; one-to-one, greedy in text order,
as CONTRACT.md). ``--misses`` prints the wrong, missing and spurious timexes of the development part only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

from splits import locked

from kronika.evaluation import match_timexes, prf, timex_value_right
from kronika.timex import find_timexes

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT / "bench" / "data" / "press_timex.gold.json"
TEXTS = ROOT.parent / "shared" / "data" / "period-texts"


def in_split(key: str, split: str) -> bool:
    return split == "all" or locked(key) == (split == "locked")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "locked", "all"), default="dev")
    parser.add_argument("--misses", action="store_true")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    args = parser.parse_args()
    gold_docs = [d for d in json.loads(args.gold.read_text("utf-8"))["documents"] if in_split(d["id"], args.split)]
    texts: dict[str, dict] = {}
    for name in {d["file"] for d in gold_docs}:
        for line in (TEXTS / name).read_text("utf-8").splitlines():
            if line.strip():
                document = json.loads(line)
                texts[document["id"]] = document
    n_gold = n_system = relaxed = strict = values_right = mods_right = 0
    for gold in gold_docs:
        text = texts[gold["id"]]["text"]
        if hashlib.sha1(text.encode("utf-8")).hexdigest() != gold["text_sha1"]:
            raise SystemExit(f"{gold['id']}: the text differs from the annotated one")
        system = find_timexes(text, gold["dct"])
        n_gold += len(gold["timexes"])
        n_system += len(system)
        strict += len(match_timexes(gold["timexes"], system, strict=True))
        pairs = {id(g): s for g, s in match_timexes(gold["timexes"], system, strict=False)}
        relaxed += len(pairs)
        for g in gold["timexes"]:
            s = pairs.get(id(g))
            right = s is not None and timex_value_right(g, s.value)
            values_right += right
            mods_right += s is not None and s.mod == g.get("mod")
            if args.misses and args.split == "dev" and not right:
                shown = text[max(0, g["start"] - 40):g["end"] + 20].replace("\n", " ")
                ours = f"{s.text!r} {s.value} mod={s.mod}" if s else "missed"
                print(f"  {g['value']} mod={g.get('mod')} ours={ours} (dct {gold['dct']}) | …{shown}…")
        if args.misses and args.split == "dev":
            for s in system:
                if not any(s.start < g["end"] and g["start"] < s.end for g in gold["timexes"]):
                    shown = text[max(0, s.start - 40):s.end + 20].replace("\n", " ")
                    print(f"  spurious {s.text!r} {s.value} | …{shown}…")
    print(f"press timex ({args.split}): {len(gold_docs)} documents, {n_gold} gold timexes, {n_system} system")
    print(f"  gold values right: {values_right / max(1, n_gold):.3f} ({values_right}/{n_gold}); "
          f"mods right: {mods_right / max(1, n_gold):.3f}")
    for name, found in (("relaxed", relaxed), ("strict", strict)):
        score = prf(found, n_system, n_gold)
        print(f"  span {name:8s} P {score['p']:.3f}  R {score['r']:.3f}  F1 {score['f']:.3f}")


if __name__ == "__main__":
    main()
