"""Score the NKJP tagger with the PolEval 2018 (task 2) metric.

    python bench/poleval_ner.py --split dev|locked|all [--model PATH] [--json]

``dev``: the held-out documents of the NKJP train split (``statistical.is_held_out``), the part to look
at while working, scored with a model trained on the other documents (``scripts/train_ner.py`` without
``--with-held-out``, passed by ``--model``). The shipped model is trained on those documents too, so with
it ``dev`` is a fit to training text, not a development figure, and the headline says so. ``locked``: the whole NKJP dev
split, locked by ../shared/data/SPLITS.md: scored only to report, never tuned on. ``all``: both.

Every name at every nesting level counts (``persName`` and its ``persName_forename`` alike).
Micro-averaged over all labels:
- exact: a predicted name is right when a gold name has the same label and the same span;
- overlap: a predicted name is right when it overlaps a gold name of the same label (precision), and a
  gold name is found when a predicted one of its label overlaps it (recall);
- final = 0.8 · overlap F1 + 0.2 · exact F1.
Spans are token ranges within a sentence, which overlap exactly when their character ranges do.
Also reports tagging speed in words per CPU-second of this process, so that other jobs on the
machine do not distort it (cold: first pass with empty caches; warm: a second pass).
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from kronika.ner.statistical import (
    IobSentence,
    NkjpTagger,
    decode_levels,
    default_model_path,
    is_held_out,
    read_nkjp_iob,
)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / ".." / "shared" / "data" / "nkjp-ner"

Span = tuple[int, int, int, str]  # sentence number, first token, last token + 1, label


def _f1(right_p: int, n_pred: int, right_r: int, n_gold: int) -> dict[str, float]:
    precision = right_p / n_pred if n_pred else 0.0
    recall = right_r / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": round(precision, 4), "r": round(recall, 4), "f1": round(f1, 4)}


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] == b[0] and a[3] == b[3] and a[1] < b[2] and b[1] < a[2]


def score(gold: list[Span], predicted: list[Span]) -> dict[str, object]:
    """PolEval 2018 scores of predicted against gold spans, overall and per label."""
    by_sentence: dict[int, list[Span]] = {}
    for span in gold + predicted:
        by_sentence.setdefault(span[0], [])
    gold_by: dict[int, list[Span]] = {k: [] for k in by_sentence}
    pred_by: dict[int, list[Span]] = {k: [] for k in by_sentence}
    for span in gold:
        gold_by[span[0]].append(span)
    for span in predicted:
        pred_by[span[0]].append(span)
    counts: Counter[tuple[str, str]] = Counter()  # (label, measure)
    gold_set = set(gold)
    for span in predicted:
        counts[span[3], "pred"] += 1
        counts[span[3], "exact"] += span in gold_set
        counts[span[3], "overlap_p"] += any(_overlaps(span, g) for g in gold_by[span[0]])
    for span in gold:
        counts[span[3], "gold"] += 1
        counts[span[3], "overlap_r"] += any(_overlaps(span, p) for p in pred_by[span[0]])

    def measures(labels: set[str]) -> dict[str, object]:
        total = Counter()
        for (label, measure), n in counts.items():
            if label in labels:
                total[measure] += n
        exact = _f1(total["exact"], total["pred"], total["exact"], total["gold"])
        overlap = _f1(total["overlap_p"], total["pred"], total["overlap_r"], total["gold"])
        final = round(0.8 * overlap["f1"] + 0.2 * exact["f1"], 4)
        return {"final": final, "overlap": overlap, "exact": exact, "gold": total["gold"], "pred": total["pred"]}

    labels = {label for label, _ in counts}
    result = measures(labels)
    result["labels"] = {label: measures({label}) for label in sorted(labels)}
    return result


def _sentences(split: str) -> list[IobSentence]:
    sentences: list[IobSentence] = []
    if split in ("dev", "all"):
        for document in read_nkjp_iob(DATA / "nkjp-ner-train.iob.gz"):
            if is_held_out(document.name):
                sentences += document.sentences
    if split in ("locked", "all"):
        sentences += [s for document in read_nkjp_iob(DATA / "nkjp-ner-dev.iob.gz") for s in document.sentences]
    return sentences


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, default=default_model_path())
    parser.add_argument("--split", choices=("dev", "locked", "all"), required=True)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    sentences = _sentences(args.split)
    tagger = NkjpTagger(args.model)
    words = sum(len(s.forms) for s in sentences)
    speeds = []
    for _pass in ("cold", "warm"):
        started = time.process_time()
        predicted_labels = [tagger.tag_forms(s.forms) for s in sentences]
        speeds.append(round(words / (time.process_time() - started)))
    gold = [(n, *span) for n, s in enumerate(sentences) for span in decode_levels(s.labels)]
    predicted = [(n, *span) for n, labels in enumerate(predicted_labels) for span in decode_levels(labels)]
    result = score(gold, predicted)
    result["split"] = args.split
    result["words"] = words
    result["words_per_s"] = {"cold": speeds[0], "warm": speeds[1]}
    result["model"] = {"path": str(args.model), "mb": round(args.model.stat().st_size / 1e6, 2)}
    if args.json:
        print(json.dumps(result, indent=1))
        return
    headline = args.split
    if args.split != "locked" and args.model.resolve() == default_model_path().resolve():
        headline += " (a fit, not dev: the shipped model was trained on the held-out documents too)"
        print("for the development figure train without --with-held-out and pass --model")
    print(f"{headline}: PolEval 2018 final {result['final']:.4f}  overlap F1 {result['overlap']['f1']:.4f}  "
          f"exact F1 {result['exact']['f1']:.4f}  ({words} words, {result['gold']} gold names)")
    print(f"{'label':24} {'gold':>6} {'pred':>6} {'overlap F1':>10} {'exact F1':>9}")
    for label, m in result["labels"].items():
        print(f"{label:24} {m['gold']:>6} {m['pred']:>6} {m['overlap']['f1']:>10.4f} {m['exact']['f1']:>9.4f}")
    print(f"words per CPU-second: cold {speeds[0]}, warm {speeds[1]}; model {result['model']['mb']} MB")


if __name__ == "__main__":
    main()
