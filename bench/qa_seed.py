"""Question answering on gold files (format of ../shared/seed/*.gold.json).

    python bench/qa_seed.py [GOLD.json ...] [--gold-mentions] [-v]

Each gold text is analysed and stored in a fresh SQLite file, then its questions are asked. A question
is right when an answer's value or text equals an accepted answer (ignoring case and spaces) and it
cites a sentence (CONTRACT.md).
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from kronika.model import Document
from kronika.qa import answer
from kronika.store import Store

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


def _normal(value: object) -> str:
    return " ".join(str(value).lower().split())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("gold", nargs="*", type=Path)
    parser.add_argument("--gold-mentions", action="store_true", help="entities and timexes from the gold file")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    paths = args.gold or sorted((SHARED / "seed").glob("*.gold.json"))
    right = total = 0
    with tempfile.TemporaryDirectory() as folder:
        with Store.open(f"sqlite:///{folder}/qa.sqlite") as store:
            golds = [json.loads(p.read_text("utf-8")) for p in paths]
            for path, gold in zip(paths, golds, strict=True):
                document = Document(id=path.stem, text=gold["text"])
                if args.gold_mentions:
                    from events_seed import _with_gold_mentions

                    store.ingest(_with_gold_mentions(gold, document))
                else:
                    from events_seed import _with_pipeline

                    store.ingest(_with_pipeline(document))
            for gold in golds:
                for item in gold["questions"]:
                    answers = answer(store, item["question"])
                    accepted = {_normal(a) for a in item["answers"]}
                    ok = any((_normal(a.value) in accepted or _normal(a.text) in accepted) and a.citations
                             for a in answers)
                    right += ok
                    total += 1
                    if args.verbose:
                        got = [(a.text, a.value, a.confidence) for a in answers]
                        print(f"{'OK  ' if ok else 'MISS'} {item['question']} → {got} (gold {item['answers']})")
    print(f"questions {right}/{total}")


if __name__ == "__main__":
    main()
