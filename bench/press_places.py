"""Places in 1838–1939 press: base forms, coordinates and precision of `kronika.pipeline.analyze`.

    python bench/press_places.py [--split dev|locked|all] [--show] [--gold FILE]
    python bench/press_places.py --gold bench/data/press_places_fresh.gold.jsonl --split all
    python bench/press_places.py --nkjp 250 [--seed 1] [--show]

Gold: ``bench/data/press_places.gold.jsonl``, hand annotation of every place mention in 27 articles of
``../shared/data/period-texts/`` (both files): first one ``{"document": id}`` line per annotated article
(some have no place at all), then one JSON object per mention: ``document`` (id), ``start``,
``end`` (offsets into the document's text, which is read from ../shared at run time), ``base`` (accepted
base forms), ``kind`` (``settlement``, ``country``, ``region`` — regions, rivers, lakes, seas,
continents, hills —, ``street`` or ``building``), ``lat``/``lon`` (within a few km; a centroid for
countries and regions), ``country_1939`` (the state of August 1939, null for regions astride
borders) and ``country_then`` (the state on the article's date; null where no single state held it).
The split is by document (``bench/splits.py``). ``--gold`` scores another file of the same format:
``bench/data/press_places_fresh.gold.jsonl`` annotates the written notes of ``bench/questions/press_written_3.jsonl``
(documents are read from ../shared and from ``bench/questions/*.jsonl``); written as a set never tuned on and
run once in the eighth round, it is a development set since, all of it (``--split all --show``;
``bench/data/FRESH.md``).

``--gold bench/data/press_places_fresh2.gold.jsonl`` annotates the notes of ``bench/questions/press_written_4.jsonl``,
written in the ninth round and never tuned on until its one run: ``--show`` refuses it (``bench/fresh.py``).
``--gold bench/data/press_places_fresh3.gold.jsonl`` annotates the notes of ``bench/questions/press_written_6.jsonl``,
written in the tenth round and never tuned on until its one run: ``--show`` refuses it.

``--gold bench/data/press_places_1896_1918.gold.jsonl``: a second development set in the same format, every
place mention of the eight non-locked 1896–1918 texts of ``pressmint-pl-1830-1938.jsonl`` that the first gold
leaves out (334 mentions), annotated by hand and committed before the rules it measures were changed.

Scores (a system entity matches a gold mention when their spans overlap, the largest overlap wins):
- base forms: share of gold settlements, regions and countries whose entity's lemma is an accepted
  base form (no entity: wrong);
- within 30 km: share of gold settlements whose entity is geocoded within 30 km;
- precision: share of geocoded entities that are right — overlapping a gold settlement and within
  30 km, or a gold region or country and not geocoded as a settlement unless within 30 km; a street,
  a building or an entity with no gold place (a common noun) is wrong;
- country_1939: share of gold settlements geocoded within 30 km whose ``country_1939`` is the gold one;
- country_then: the same for ``country_then``, where the gold gives one;
- streets and buildings kept apart: share of gold streets and buildings not geocoded.
``--show`` lists the misses (refused on the locked part, except of the sets that are development whole).

``--nkjp N``: a check of precision on other text, N documents of the NKJP train file (not locked; fixed
seed): the share of geocoded entities that overlap no NKJP place or geographic name span (a person, an
organisation, a common word given coordinates; a city standing for its government or its club is
labelled orgName there and counts too, so this is an upper bound on false geocodes).
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import random
import sys
from collections import defaultdict
from pathlib import Path

from corpus import NO_SPACE_AFTER, NO_SPACE_BEFORE, SHARED
from fresh import WHOLLY_DEVELOPMENT, refuse_misses
from splits import locked

from kronika.model import Analysis, Document, Entity
from kronika.pipeline import analyze

HERE = Path(__file__).resolve().parent
GOLD = HERE / "data" / "press_places.gold.jsonl"
# Sets that are development as a whole: their misses are listed on any split.
TEXTS = HERE.parent / ".." / "shared" / "data" / "period-texts"
WRITTEN = HERE / "questions"
LIMIT_KM = 30.0
NAMED = ("settlement", "region", "country")
APART = ("street", "building")


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def read_documents() -> dict[str, Document]:
    documents = {}
    for path in [*sorted(TEXTS.glob("*.jsonl")), *sorted(WRITTEN.glob("*.jsonl"))]:
        for line in path.read_text("utf-8").splitlines():
            item = json.loads(line)
            documents[item["id"]] = Document(item["id"], item["text"], item.get("dct"), item.get("title"),
                                             journal=item.get("journal"), pub_place=item.get("pub_place"))
    return documents


def overlapping(entities: list[Entity], start: int, end: int) -> Entity | None:
    best = max(entities, key=lambda e: min(e.end, end) - max(e.start, start), default=None)
    return best if best is not None and min(best.end, end) > max(best.start, start) else None


def near(entity: Entity | None, gold: dict) -> bool:
    return bool(entity and entity.geo) and haversine_km(
        entity.geo["lat"], entity.geo["lon"], gold["lat"], gold["lon"]) <= LIMIT_KM


def geocoded_right(entity: Entity, gold: dict | None) -> bool:
    if gold is None or gold["kind"] in APART:
        return False
    if gold["kind"] == "settlement" or near(entity, gold):
        return near(entity, gold)
    return entity.geo.get("kind") != "settlement"


class Tally:
    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        self.misses: list[str] = []

    def add(self, measure: str, right: bool, miss: str) -> None:
        self.counts[measure][0] += right
        self.counts[measure][1] += 1
        if not right:
            self.misses.append(f"{measure}: {miss}")

    def share(self, measure: str) -> str:
        right, total = self.counts[measure]
        return f"{right / total:.3f} ({right}/{total})" if total else "n/a"


def _label(entity: Entity | None) -> str:
    if entity is None:
        return "no entity"
    geo = entity.geo
    if not geo:
        return f"{entity.text!r} {entity.type}/{entity.subtype} lemma={entity.lemma!r} → no geo"
    where = f"{geo['name_pl']} {geo['lat']:.2f},{geo['lon']:.2f} {geo['kind']} {geo['country_1939']}"
    return f"{entity.text!r} {entity.type}/{entity.subtype} lemma={entity.lemma!r} → {where}"


def score(analysis: Analysis, golds: list[dict], tally: Tally) -> None:
    entities = analysis.entities
    for gold in golds:
        entity = overlapping(entities, gold["start"], gold["end"])
        shown = f"{analysis.document.id[13:40]} {analysis.document.text[gold['start']:gold['end']]!r} " \
                f"gold {gold['base'][0]} {gold['kind']} | {_label(entity)}"
        if gold["kind"] in NAMED:
            tally.add("base forms", entity is not None and entity.lemma in gold["base"], shown)
            tally.add(f"base forms ({gold['kind']})", entity is not None and entity.lemma in gold["base"], shown)
        if gold["kind"] == "settlement":
            tally.add("within 30 km", near(entity, gold), shown)
            if near(entity, gold) and gold["country_1939"]:
                tally.add("country_1939", entity.geo["country_1939"] == gold["country_1939"],
                          f"{shown} (gold {gold['country_1939']})")
            if near(entity, gold) and gold.get("country_then"):
                tally.add("country_then", entity.geo.get("country_then") == gold["country_then"],
                          f"{shown} then {entity.geo.get('country_then')} (gold {gold['country_then']})")
        if gold["kind"] in APART:
            tally.add("streets and buildings not geocoded", entity is None or not entity.geo, shown)
    for entity in entities:
        if not entity.geo:
            continue
        gold = next((g for g in golds if g["start"] < entity.end and entity.start < g["end"]), None)
        kind = gold["kind"] if gold else "none"
        tally.add("precision", geocoded_right(entity, gold),
                  f"{analysis.document.id[13:40]} gold={kind} | {_label(entity)}")


MEASURES = ("base forms", "base forms (settlement)", "base forms (region)", "base forms (country)", "within 30 km",
            "precision", "country_1939", "country_then", "streets and buildings not geocoded")


def nkjp_labelled(path: Path) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """(text, [(start, end, label)]) of every document of an NKJP IOB file, tokens joined as in corpus.py."""
    documents: list[tuple[str, list[tuple[int, int, str]]]] = []
    text, spans = "", []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("-DOCSTART FILE"):
                if text:
                    documents.append((text, spans))
                text, spans = "", []
            if line.startswith("-DOCSTART") or not line.strip():
                continue
            orth, _base, _ctag, labels = line.rstrip("\n").split("\t")
            space = " " if text and orth not in NO_SPACE_BEFORE and text[-1] not in NO_SPACE_AFTER else ""
            start = len(text) + len(space)
            text += space + orth
            spans += [(start, len(text), label[2:]) for label in labels.split("#") if label != "O"]
    if text:
        documents.append((text, spans))
    return documents


def nkjp_check(count: int, seed: int, show: bool) -> None:
    documents = nkjp_labelled(SHARED / "data" / "nkjp-ner" / "nkjp-ner-train.iob.gz")
    geocoded = outside = 0
    for number, (text, spans) in enumerate(random.Random(seed).sample(documents, count)):
        for entity in analyze(Document(f"nkjp{number}", text, "2000-01-01")).entities:
            if not entity.geo:
                continue
            geocoded += 1
            labels = {label for start, end, label in spans if start < entity.end and entity.start < end}
            if not any(label.startswith(("placeName", "geogName")) for label in labels):
                outside += 1
                if show:
                    context = text[max(0, entity.start - 50):entity.end + 30]
                    print(f"{_label(entity)} | NKJP {sorted(labels)} | {context!r}")
    print(f"nkjp train, {count} documents (seed {seed}): {geocoded} geocoded, {outside} outside any NKJP place span "
          f"({outside / max(geocoded, 1):.3f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "locked", "all"), default="dev")
    parser.add_argument("--gold", type=Path, default=GOLD, help="the gold file (default: the 1838–1939 press set)")
    parser.add_argument("--show", action="store_true", help="list the misses (dev, or a set wholly development)")
    parser.add_argument("--nkjp", type=int, metavar="N", help="check geocodes on N NKJP train documents instead")
    parser.add_argument("--seed", type=int, default=1, help="the sample of --nkjp")
    args = parser.parse_args()
    if args.nkjp:
        nkjp_check(args.nkjp, args.seed, args.show)
        return
    if args.show:
        refuse_misses(args.gold)
    if args.show and args.split != "dev" and args.gold.resolve() not in WHOLLY_DEVELOPMENT:
        sys.exit("--show lists misses: only on --split dev (the locked part is never read for misses)")
    by_document: dict[str, list[dict]] = defaultdict(list)
    for line in args.gold.read_text("utf-8").splitlines():
        gold = json.loads(line)
        if args.split == "all" or locked(gold["document"]) == (args.split == "locked"):
            mentions = by_document[gold["document"]]
            if "start" in gold:
                mentions.append(gold)
    documents = read_documents()
    tally = Tally()
    for document_id, golds in sorted(by_document.items()):
        score(analyze(documents[document_id]), golds, tally)
    print(f"split {args.split}: {len(by_document)} documents, {sum(map(len, by_document.values()))} gold mentions")
    for measure in MEASURES:
        print(f"  {measure:<36} {tally.share(measure)}")
    if args.show:
        print("\n".join(tally.misses))


if __name__ == "__main__":
    main()
