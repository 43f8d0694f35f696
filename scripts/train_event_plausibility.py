"""Train the event-plausibility model (``kronika.events.plausibility``) and write its weights.

    python scripts/train_event_plausibility.py [--check]

Training data: the hand verdicts (y/n per event) of ``bench/events_judged/`` on texts outside every
locked part — the development and once-held-out press texts of ``../shared/data/period-texts``, the
KPWr development documents and the development half of the NKJP short news (``bench/events_press.py``
says which text is in which part). The KPWr and NKJP held-out documents are judged but never trained on:
the model is measured on them (``HELD_OUT``); the locked press texts are neither. Every candidate the
rules find in those texts must have a verdict: the script stops and lists the ones that lack it.

A logistic regression with an L2 penalty, fitted by gradient descent (deterministic), over the features
seen in at least ``MIN_COUNT`` candidates. A cut is chosen on out-of-fold confidences of a
cross-validation by document (a document's events stay in one fold): the one with the best F-score
weighing precision twice as much as recall (F0.5) of the right events. The stage does not apply it (see
``kronika.events.plausibility``); ``bench/events_press.py --min-confidence`` measures it. The weights
file records the SHA-256 of each verdict table and of the texts, and the cross-validated figures;
``--check`` retrains and fails when the committed file differs.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "scripts"))
from events_press import NKJP_NEWS, PRESS, press_documents, read_judged  # noqa: E402
from generated import write_or_check  # noqa: E402

from kronika.events.annotate import candidate_events  # noqa: E402
from kronika.events.plausibility import PlausibilityModel  # noqa: E402
from kronika.model import Analysis  # noqa: E402
from kronika.pipeline import STAGES  # noqa: E402

OUT = ROOT / "src" / "kronika" / "events" / "resources" / "pl" / "plausibility.tsv"
JUDGED = ROOT / "bench" / "events_judged"
# (corpus, split, verdict table, NKJP news items): the newest table of each non-locked part that is trained on
EVERY_ITEM = (1, NKJP_NEWS)
TRAINING = (("press", "dev", "dev-fifth.tsv", EVERY_ITEM), ("press", "heldout", "heldout-fifth.tsv", EVERY_ITEM),
            ("kpwr", "dev", "kpwr-dev-fourth.tsv", EVERY_ITEM), ("nkjp", "dev", "nkjp-dev.tsv", (1, 800)),
            ("nkjp", "dev", "nkjp-dev-801.tsv", (801, 1200)),
            ("nkjp", "dev", "nkjp-dev-1201.tsv", (1201, 1500)))
# judged, never trained on: the model's figures on text it did not learn from
HELD_OUT = (("kpwr", "heldout", "kpwr-heldout-third.tsv", EVERY_ITEM),
            ("nkjp", "heldout", "nkjp-heldout.tsv", (1, 800)), ("nkjp", "heldout", "nkjp-heldout-801.tsv", (801, 1200)))
PENALTY = 3.0  # L2 penalty on the weights (not on the intercept): at 1.0 the seed loses 3 of its gold events
STEPS = 3000
RATE = 0.5
FOLDS = 5
MIN_COUNT = 10  # a feature of fewer training events gets no weight: three verdicts teach nothing general
BETA = 0.5  # precision counts 1/BETA times as much as recall when the threshold is chosen


def examples(tables: tuple[tuple[str, str, str, tuple[int, int]], ...]) -> list[tuple[str, frozenset[str], int]]:
    """(document, features, 1 when judged right) for every candidate of the texts of ``tables``."""
    rows, missing = [], []
    for corpus, split, table, items in tables:
        verdicts = read_judged(JUDGED / table)
        for document in press_documents(split, corpus, items):
            analysis = Analysis(document=document)
            for stage in STAGES:
                if stage.name == "events":
                    break
                stage.run(analysis)
            for event, features in candidate_events(analysis):
                verdict = verdicts.get((document.id, event.trigger_start))
                if verdict is None or verdict[0] != event.trigger_text:
                    missing.append(f"{table}: {document.id}\t{event.trigger_start}\t{event.trigger_text}")
                    continue
                rows.append((document.id, features, int(verdict[1] == "y")))
    if missing:
        sys.exit("candidates without a verdict:\n" + "\n".join(missing))
    return rows


def fit(rows: list[tuple[str, frozenset[str], int]], names: list[str]) -> dict[str, float]:
    """Weights minimising the mean log loss plus PENALTY/n times the squared weights."""
    weights = dict.fromkeys(["bias", *names], 0.0)
    model = PlausibilityModel(weights)  # reads the weights as they are updated in place
    n = len(rows)
    for _ in range(STEPS):
        gradient = dict.fromkeys(weights, 0.0)
        for _document, features, label in rows:
            error = model.confidence(features) - label
            gradient["bias"] += error / n
            for name in features:
                if name in gradient:
                    gradient[name] += error / n
        for name in weights:
            penalty = 0.0 if name == "bias" else 2 * PENALTY / n * weights[name]
            weights[name] -= RATE * (gradient[name] + penalty)
    return weights


def cross_validated(rows: list[tuple[str, frozenset[str], int]], names: list[str]) -> list[tuple[float, int]]:
    """Out-of-fold (confidence, label) pairs, folds by the sha1 of the document id."""
    def fold(document: str) -> int:
        return int(hashlib.sha1(document.encode("utf-8")).hexdigest(), 16) % FOLDS

    pairs = []
    for k in range(FOLDS):
        model = PlausibilityModel(fit([r for r in rows if fold(r[0]) != k], names))
        pairs.extend((model.confidence(f), label) for document, f, label in rows if fold(document) == k)
    return pairs


def choose_threshold(pairs: list[tuple[float, int]]) -> float:
    """The confidence threshold (rounded down to 0.001) of the best F0.5 of the right events kept; the
    lowest such, so that no event is dropped without a gain."""
    def f_score(threshold: float) -> float:
        right, kept, total = precision_at(pairs, threshold)
        if not right:
            return 0.0
        precision, recall = right / kept, right / total
        return (1 + BETA ** 2) * precision * recall / (BETA ** 2 * precision + recall)

    candidates = sorted({math.floor(p * 1000) / 1000 for p, _label in pairs} | {0.0})
    return max(candidates, key=lambda t: (round(f_score(t), 6), -t))


def precision_at(pairs: list[tuple[float, int]], threshold: float) -> tuple[int, int, int]:
    """(right kept, kept, right in all)."""
    kept = [label for p, label in pairs if p >= threshold]
    return sum(kept), len(kept), sum(label for _p, label in pairs)


def auc(pairs: list[tuple[float, int]]) -> float:
    """The chance that a right event has a higher confidence than a wrong one (ties count half)."""
    right = [p for p, label in pairs if label]
    wrong = [p for p, label in pairs if not label]
    wins = sum((r > w) + 0.5 * (r == w) for r in right for w in wrong)
    return wins / max(len(right) * len(wrong), 1)


def sources() -> list[str]:
    lines = [f"#   {JUDGED.relative_to(ROOT) / table}  sha256 {_sha256(JUDGED / table)}"
             for _c, _s, table, _i in TRAINING]
    lines += [f"#   measured on, not trained on: {JUDGED.relative_to(ROOT) / table}  sha256 {_sha256(JUDGED / table)}"
              for _c, _s, table, _i in HELD_OUT]
    lines += [f"#   ../shared/data/period-texts/{path.name}  sha256 {_sha256(path)}"
              for path in sorted(PRESS.glob("*.jsonl"))]
    kpwr = PRESS.parent / "kpwr-timex" / "kpwr-timex-visible.jsonl"
    lines.append(f"#   ../shared/data/kpwr-timex/{kpwr.name}  sha256 {_sha256(kpwr)}")
    nkjp = PRESS.parent / "nkjp-ner" / "nkjp-ner-train.iob.gz"
    lines.append(f"#   ../shared/data/nkjp-ner/{nkjp.name}  sha256 {_sha256(nkjp)}")
    return lines


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="fail when the committed weights are out of date")
    args = parser.parse_args()
    rows = examples(TRAINING)
    held_out = examples(HELD_OUT)
    counts = Counter(f for _d, features, _l in rows for f in features)
    names = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    pairs = cross_validated(rows, names)
    threshold = choose_threshold(pairs)
    right, kept, total_right = precision_at(pairs, threshold)
    judged, all_right = len(rows), sum(label for _d, _f, label in rows)
    weights = fit(rows, names)
    model = PlausibilityModel(weights)
    unseen = [(model.confidence(f), label) for _d, f, label in held_out]
    unseen_right, unseen_kept, unseen_all_right = precision_at(unseen, threshold)
    header = [
        "# Weights of the event-plausibility model (kronika.events.plausibility): a logistic regression over",
        "# general features of an event's clause. Generated by scripts/train_event_plausibility.py; do not edit.",
        "# source: hand verdicts of the Kronika project on texts outside the locked parts (licence MIT), on",
        "# PressMint-PL (CC BY 4.0), KPWr (CC BY) and NKJP (CC BY 4.0) texts; the model inherits CC BY 4.0.",
        "# trained on, and measured on (SHA-256 of each input):",
        *sources(),
        f"# {judged} candidates, {all_right} judged right; features of >= {MIN_COUNT} candidates; L2 penalty {PENALTY},"
        f" {STEPS} steps of {RATE}.",
        f"# {FOLDS}-fold cross-validation by document: before any cut {all_right}/{judged} = "
        f"{all_right / judged:.3f} right;",
        f"# above the cut {threshold} (the best F{BETA} of the right events; not applied by the stage): "
        f"{right}/{kept} = {right / max(kept, 1):.3f} right, {right}/{total_right} of the right events kept.",
        f"# judged, never trained on ({', '.join(t[2] for t in HELD_OUT)}): {unseen_all_right}/{len(unseen)} = "
        f"{unseen_all_right / len(unseen):.3f} right; above the cut {unseen_right}/{unseen_kept} = "
        f"{unseen_right / max(unseen_kept, 1):.3f}, AUC {auc(unseen):.2f}.",
        "# Format: FEATURE<TAB>WEIGHT (bias is the intercept).",
    ]
    body = [f"{name}\t{weights[name]:.4f}" for name in sorted(weights)]
    write_or_check(OUT, "\n".join(header + body) + "\n", args.check, "train_event_plausibility.py")
    print("\n".join(header[-4:]))


if __name__ == "__main__":
    main()
