"""Build ``src/kronika/ner/resources/pl/name_gazetteer.tsv``: which kinds of name each word occurs in.

    python scripts/build_name_gazetteer.py [--check]

Source: the typed name mentions of the Polem KPWr training file (``../shared/data/lemma/
polem-kpwr-ne-train.tsv``; KPWr, CC BY 3.0, Wrocław University of Science and Technology). The ``-tune``
file is a locked test set and is never read. Every word of a mention, in its inflected and its base
form, is listed with the coarse kind of the mention and whether it opens it (``B``) or continues it
(``I``); the NKJP tagger uses these as features, so it learns from 21,000 more names than NKJP holds
(a press title is a title, not a person, even when its words look like a first name).
"""

from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from pathlib import Path

from generated import write_or_check

ROOT = Path(__file__).resolve().parents[1]
POLEM_TRAIN = ROOT / ".." / "shared" / "data" / "lemma" / "polem-kpwr-ne-train.tsv"
OUTPUT = ROOT / "src" / "kronika" / "ner" / "resources" / "pl" / "name_gazetteer.tsv"

# KPWr category prefix → coarse kind; the longest matching prefix wins, categories not listed are skipped
KINDS = {
    "nam_liv_person_first": "first",
    "nam_liv_person_last": "last",
    "nam_liv_person_add": "add",
    "nam_liv_person": "person",
    "nam_liv_god": "god",
    "nam_liv": "living",
    "nam_loc_gpe_city": "city",
    "nam_loc_gpe_country": "country",
    "nam_loc_gpe": "admin",
    "nam_loc_historical_region": "region",
    "nam_loc_country_region": "region",
    "nam_loc_land_region": "region",
    "nam_loc": "geog",
    "nam_org_nation": "nation",
    "nam_org": "org",
    "nam_pro_media": "media",
    "nam_pro": "product",
    "nam_fac": "facility",
    "nam_eve": "event",
    "nam_adj": "adjective",
    "nam_oth": "other",
}


def kind_of(category: str) -> str | None:
    for prefix in sorted(KINDS, key=len, reverse=True):
        if category == prefix or category.startswith(prefix + "_"):
            return KINDS[prefix]
    return None


def build() -> str:
    entries: dict[str, set[str]] = defaultdict(set)
    with POLEM_TRAIN.open(encoding="utf-8", newline="") as rows:
        for row in csv.reader(rows, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) < 6:
                continue
            kind = kind_of(row[5])
            if kind is None:
                continue
            for words in (row[1].split(), row[2].split()):
                for position, word in enumerate(words):
                    if len(word) > 1 and any(char.isalpha() for char in word):
                        entries[word].add(f"{kind}:{'B' if position == 0 else 'I'}")
    lines = ["# word\tkinds of name it occurs in (B: first word, I: later word); "
             "built by scripts/build_name_gazetteer.py from Polem KPWr train (CC BY 3.0)"]
    lines += [f"{word}\t{','.join(sorted(kinds))}" for word, kinds in sorted(entries.items())]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="fail if the committed file differs")
    args = parser.parse_args()
    write_or_check(OUTPUT, build(), args.check, "build_name_gazetteer.py")


if __name__ == "__main__":
    main()
