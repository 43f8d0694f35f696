"""Question answering on press question sets, split into a development and a locked part.

    python bench/qa_press.py [--questions Q.json] [--docs D.jsonl|D.txt] [--split dev|locked|all]
                             [--key document|question] [--show]

The documents are analysed and stored in a fresh SQLite file, then every question is asked through the
library API. A question is right when one of its answers' value or text matches an accepted answer
(case, spaces and quote marks ignored; for numbers, the digits) and cites a sentence — the rule of
``../shared/tools/ask_dev.py``. The locked part is the questions whose ``sha1(key)`` starts with c–f
(../shared/data/SPLITS.md; the key is the question's document for the shared set, the question itself
for our own sets whose documents are all outside the locked part). Calibration: how often the first
answer is right at each confidence level.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import unicodedata
from pathlib import Path

from fresh import WHOLLY_DEVELOPMENT, refuse_misses
from splits import in_split

from kronika.model import Document
from kronika.pipeline import analyze
from kronika.qa import answer
from kronika.store import Store

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
KURJER = SHARED / "data" / "period-texts" / "kurjer-wilenski-1939"
# Sets that are development as a whole (their one test run is over: bench/data/FRESH.md).
# The fifth written set is our own, written to be made to pass.
CONFIDENT = 0.8


def _normal(value: object) -> str:
    text = unicodedata.normalize("NFC", str(value))
    for quote in "„”\"«»":
        text = text.replace(quote, "")
    return " ".join(text.split()).casefold()


def _digits(value: object) -> str:
    return re.sub(r"\D", "", str(value))


def right(found: dict, accepted: list[str]) -> bool:
    if not found.get("citations"):
        return False
    got = {_normal(found.get("value", "")), _normal(found.get("text", ""))}
    for want in accepted:
        wanted = _normal(want)
        if wanted and any(wanted in g for g in got):
            return True
        if _digits(want) and _digits(want) in {_digits(g) for g in got}:
            return True
    return False


def load_documents(path: Path, wanted: set[str] | None) -> list[Document]:
    """Documents of a JSON-lines file (id, text, dct, title), or one plain text named by its stem."""
    if path.suffix == ".txt":
        return [Document(id=path.stem, text=path.read_text("utf-8"))]
    documents = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            if wanted is None or row["id"] in wanted:
                documents.append(Document(id=row["id"], text=row["text"], dct=row.get("dct"), title=row.get("title")))
    return documents


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--questions", type=Path, default=Path(f"{KURJER}.questions.json"))
    parser.add_argument("--docs", type=Path, default=Path(f"{KURJER}.jsonl"))
    parser.add_argument("--split", choices=("dev", "locked", "all"), default="dev")
    parser.add_argument("--key", choices=("document", "question"), default="document")
    parser.add_argument("--only-asked", action="store_true", help="store only the documents asked about")
    parser.add_argument("--show", action="store_true", help="print the misses (not on a locked part or a fresh set)")
    args = parser.parse_args()
    if args.show:
        refuse_misses(args.questions)
    questions = [q for q in json.loads(args.questions.read_text("utf-8")) if in_split(q[args.key], args.split)]
    if args.show and args.split != "dev" and args.questions.resolve() not in WHOLLY_DEVELOPMENT:
        sys.exit("--show prints misses: only on the dev split")
    wanted = {q["document"] for q in questions} if args.only_asked else None
    correct = 0
    confident = confident_right = 0
    with tempfile.TemporaryDirectory() as folder, Store.open(f"sqlite:///{folder}/qa.sqlite") as store:
        for document in load_documents(args.docs, wanted):
            store.ingest(analyze(document))
        for item in questions:
            answers = [a.to_json() for a in answer(store, item["question"])]
            ok = any(right(a, item["answers"]) for a in answers)
            correct += ok
            if answers and answers[0]["confidence"] >= CONFIDENT:
                confident += 1
                confident_right += right(answers[0], item["answers"])
            if args.show and not ok:
                got = [(a["text"], a["confidence"]) for a in answers[:2]]
                print(f"MISS {item['question']} → {got} (gold {item['answers']})")
    total = len(questions)
    print(f"{args.questions.name} split={args.split}: right {correct}/{total} ({correct / max(total, 1):.2f}); "
          f"confidence ≥ {CONFIDENT}: {confident_right}/{confident} right "
          f"({confident_right / max(confident, 1):.2f})")


if __name__ == "__main__":
    main()
