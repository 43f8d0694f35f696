"""Person base forms of ``kronika analyze`` on 1925–1939 press (Kurjer Wileński, ../shared/data/period-texts/).

Gold: ``bench/gold/press_persons.tsv`` (document id, offsets, base form; annotated by hand before any
tuning). A gold person is right when a PERSON entity of the analysis overlaps it and its base form
equals the gold one (or an alternative), ignoring case and quote marks, as ``kronika eval`` does. An
entity reaching beyond the gold span (a title: *Marszałka Śmigłego-Rydza*) is compared on the words of
its base form the gold span covers. Two figures: of all gold persons, and of those a PERSON entity
overlaps (the base forms alone, whatever the recogniser found).

    python bench/press_names.py --split dev|locked|all [--errors]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from splits import locked

from kronika.evaluation import normalise_name
from kronika.model import Document
from kronika.pipeline import analyze

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "bench" / "gold" / "press_persons.tsv"
TEXTS = ROOT.parent / "shared" / "data" / "period-texts"


def read_gold() -> dict[str, list[tuple[int, int, list[str]]]]:
    gold: dict[str, list[tuple[int, int, list[str]]]] = {}
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            document, start, end, base = line.split("\t")
            gold.setdefault(document, []).append((int(start), int(end), base.split("|")))
    return gold


def read_documents(ids: set[str]) -> list[Document]:
    documents = []
    for path in sorted(TEXTS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record["id"] in ids:
                documents.append(Document(id=record["id"], text=record["text"], dct=record.get("dct")))
    return documents


def covered_base(entity: dict, start: int, end: int) -> str:
    """The words of the entity's base form that stand for the gold span (a base form has as many words
    as its text: the words before the span are dropped)."""
    before = len(entity["text"][: max(0, start - entity["start"])].split())
    words = entity["lemma"].split()
    after = len(entity["text"][max(0, end - entity["start"]):].split())
    return " ".join(words[before: len(words) - after] if after < len(words) - before else words[before:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="dev", choices=["dev", "locked", "all"])
    parser.add_argument("--errors", action="store_true", help="print the misses (dev only)")
    args = parser.parse_args()
    if args.errors and args.split != "dev":
        parser.error("--errors shows development misses only: the locked part is never read for misses")
    gold = {d: g for d, g in read_gold().items() if args.split == "all" or locked(d) == (args.split == "locked")}
    total = found = right = 0
    for document in read_documents(set(gold)):
        persons = [e.to_json() for e in analyze(document).entities if e.type == "PERSON"]
        for start, end, bases in gold[document.id]:
            total += 1
            overlapping = [e for e in persons if e["start"] < end and start < e["end"]]
            if not overlapping:
                if args.errors:
                    print(f"missed  {document.text[start:end]!r:34} gold {bases[0]!r}")
                continue
            found += 1
            entity = min(overlapping, key=lambda e: abs(e["start"] - start) + abs(e["end"] - end))
            got = covered_base(entity, start, end)
            accepted = {normalise_name(b) for b in bases}
            if normalise_name(got) in accepted or normalise_name(entity["lemma"]) in accepted:
                right += 1
            elif args.errors:
                print(f"wrong   {document.text[start:end]!r:34} gold {bases[0]!r:28} got {entity['lemma']!r}")
    print(f"press persons ({args.split}): {total} gold mentions, {found} found as PERSON; base forms right "
          f"{right / total:.3f} of all, {right / found if found else 0:.3f} of those found")


if __name__ == "__main__":
    main()
