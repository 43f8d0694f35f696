"""The answers the confidence of ``kronika ask`` is fitted on: development questions only.

    python bench/qa_calibration.py [--out bench/questions/confidence_dev_answers.tsv] [--fit]

Every development question (the dev parts of the question sets tuned on; never a locked, held-out or
fresh set) is asked three times against one store of all their non-locked documents:
- with every document stored: the first answer, right or wrong by the rule of ``qa_press.py``;
- with every candidate that is a right answer taken away: the answer the reader gives when it misses the
  right one (a wrong role, an unrecognised name) — the error the development answers, tuned on, hide;
- with the question's own document removed: whatever is answered then comes from a text that does not
  hold the answer, the confident wrong answer a user must be spared (right only if another text happens
  to say the same).
Each first answer is written with its features (``Answer.features``) and whether it was right. ``--fit``
then fits the logistic model of being right on that table and writes its weights to
``src/kronika/qa/resources/pl/confidence.tsv`` with the table's SHA-1 (a test checks the two agree).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import tempfile
from pathlib import Path

from qa_press import KURJER, SHARED, load_documents, right
from splits import in_split, locked

from kronika.model import Document
from kronika.pipeline import analyze
from kronika.qa import answer, parse_question
from kronika.qa.answer import candidates, choose
from kronika.qa.confidence import FEATURES, fit, read_answers, write_weights
from kronika.qa.read import Reader
from kronika.store import Store

HERE = Path(__file__).resolve().parent
QUESTIONS = HERE / "questions"
PRESS = SHARED / "data" / "period-texts" / "pressmint-pl-1830-1938.jsonl"
SAMPLE = SHARED / "seed" / "000_5b7885c2e26dc5af.txt"
# (question set, documents, the key of its split): the sets developed on, their dev parts only
DEV_SETS = (
    (Path(f"{KURJER}.questions.json"), Path(f"{KURJER}.jsonl"), "document"),
    (QUESTIONS / "press_1925_1937.json", PRESS, "question"),
    (QUESTIONS / "press_calibration.json", PRESS, "question"),
    (QUESTIONS / "sample_heldout.json", SAMPLE, "question"),
    (QUESTIONS / "press_1838_1935.json", PRESS, "document"),
    (QUESTIONS / "press_1838_1935_more.json", PRESS, "document"),
)
OUT = QUESTIONS / "confidence_dev_answers.tsv"
WEIGHTS = HERE.parent / "src" / "kronika" / "qa" / "resources" / "pl" / "confidence.tsv"
COLUMNS = ("set", "store", "right", "asks", *FEATURES, "question")


def _documents() -> list[Document]:
    documents: dict[str, Document] = {}
    for _questions, docs, _key in DEV_SETS:
        for document in load_documents(docs, None):
            if not locked(document.id):
                documents.setdefault(document.id, document)
    return list(documents.values())


def collect(out: Path) -> None:
    rows: list[list[str]] = []
    with tempfile.TemporaryDirectory() as folder, Store.open(f"sqlite:///{folder}/qa.sqlite") as store:
        analyses = {d.id: analyze(d) for d in _documents()}
        stored = {name: store.ingest(analysis) for name, analysis in analyses.items()}  # the store's own ids
        asked: dict[str, list[tuple[str, dict]]] = {}
        for questions, _docs, key in DEV_SETS:
            for item in json.loads(questions.read_text("utf-8")):
                if in_split(item[key], "dev") and item["document"] in analyses:
                    asked.setdefault(item["document"], []).append((questions.stem, item))

        def ask(mode: str, name: str, item: dict) -> None:
            if mode == "without-answer":
                # the reader missing every mention of the answer: what it would say instead
                reader = Reader(parse_question(item["question"]))
                scored = [c for c in candidates(store, reader) if not right(
                    {"value": c.value, "text": c.text, "citations": [c.start]}, item["answers"])]
                answers = choose(reader, scored)
            else:
                answers = answer(store, item["question"])
            if answers:
                first = answers[0]
                rows.append([name, mode, str(int(right(first.to_json(), item["answers"]))), _asks(item),
                             *(f"{first.features[f]:.4f}" for f in FEATURES), item["question"]])

        for document, items in asked.items():
            for name, item in items:
                ask("all", name, item)
                ask("without-answer", name, item)
            store.delete_document(stored[document])
            for name, item in items:
                ask("without-own", name, item)
            store.ingest(analyses[document])
    lines = ["\t".join(COLUMNS), *("\t".join(row) for row in rows)]
    out.write_text("\n".join(lines) + "\n", "utf-8")
    print(f"{len(rows)} answers → {out}")


def _asks(item: dict) -> str:
    return parse_question(item["question"]).asks


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--fit", action="store_true", help="fit the weights on the table and write them")
    parser.add_argument("--no-collect", action="store_true", help="fit on the table as it is")
    args = parser.parse_args()
    if not args.no_collect:
        collect(args.out)
    if args.fit:
        digest = hashlib.sha1(args.out.read_bytes()).hexdigest()
        weights = fit(read_answers(args.out))
        write_weights(WEIGHTS, weights, f"{args.out.relative_to(HERE.parent)} sha1 {digest}")
        print(json.dumps(weights, indent=1))


if __name__ == "__main__":
    main()
