"""Train the NKJP / PolEval 2018 CRF tagger (``kronika.ner.statistical``) on the NKJP IOB data.

    python scripts/train_ner.py                       # train split → src/kronika/ner/models/
    python scripts/train_ner.py --docs 400 -o /tmp/m.crfsuite   # a quick subset for feature work
    python scripts/train_ner.py --corrections corrections.jsonl  # + the sentences people corrected

The held-out development documents of the train split (``statistical.is_held_out``, 1 in 16) are left
out, so that ``bench/poleval_ner.py --split dev`` scores the model on text it was not trained on;
``--with-held-out`` adds them back for the shipped model once the recipe is chosen. The NKJP dev split
is locked (scored only to report, never trained or tuned on).

``--corrections FILE`` (a ``kronika corrections export``) adds the sentence of every ``span`` row, labelled
with the mentions it has after the corrections, top-level NKJP labels only (:data:`NKJP_LABELS`); a sentence
with a name of a type NKJP has no label for (a military unit, an event, a document) or a name that does not
end on a token boundary is left out.

Single process, ~1.1 M tokens; see src/kronika/ner/models/README.md for the recorded run.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

import pycrfsuite
from corrections_file import read_rows

from kronika.lang.tokens import tokenize
from kronika.ner.features import sentence_features
from kronika.ner.statistical import MODEL_NAME, IobSentence, is_held_out, read_nkjp_iob

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / ".." / "shared" / "data" / "nkjp-ner"
# our entity type (and subtype) → the top-level NKJP label; NKJP names streets and squares geogName
NKJP_LABELS = {"PERSON": "persName", "PLACE": "placeName", "COUNTRY": "placeName", "ORGANIZATION": "orgName"}
NKJP_SUBTYPE_LABELS = {("PLACE", "street"): "geogName"}


def correction_sentences(path: Path) -> tuple[list[IobSentence], int]:
    """The distinct sentences of the file's ``span`` rows as training sentences, and how many were left out."""
    sentences: dict[tuple[str, int], IobSentence | None] = {}
    for row in read_rows(path, "span"):
        key = (row["document"], row["sentence"]["start"])
        if key not in sentences:
            sentences[key] = _labelled(row["sentence"], row["mentions"])
    kept = [sentence for sentence in sentences.values() if sentence is not None]
    return kept, len(sentences) - len(kept)


def _labelled(sentence: dict[str, Any], mentions: list[dict[str, Any]]) -> IobSentence | None:
    tokens = tokenize(sentence["text"])
    labels = ["O"] * len(tokens)
    taken = -1  # the end of the last outermost name: names inside it have no top-level label
    for mention in sorted(mentions, key=lambda m: (m["start"], -m["end"])):
        start, end = mention["start"] - sentence["start"], mention["end"] - sentence["start"]
        if start < taken:
            continue
        label = NKJP_SUBTYPE_LABELS.get((mention["type"], mention.get("subtype"))) or NKJP_LABELS.get(mention["type"])
        inside = [i for i, token in enumerate(tokens) if start <= token.start and token.end <= end]
        if label is None or not inside or tokens[inside[0]].start != start or tokens[inside[-1]].end != end:
            return None
        labels[inside[0]] = f"B-{label}"
        for i in inside[1:]:
            labels[i] = f"I-{label}"
        taken = end
    return IobSentence([token.text for token in tokens], labels)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--train", type=Path, default=DATA / "nkjp-ner-train.iob.gz")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "src/kronika/ner/models" / MODEL_NAME)
    parser.add_argument("--docs", type=int, default=0, help="use only the first N documents (0: all)")
    parser.add_argument("--with-held-out", action="store_true",
                        help="train on the held-out documents too: for the shipped model, once the recipe is chosen")
    parser.add_argument("--algorithm", choices=("lbfgs", "ap"), default="lbfgs",
                        help="L-BFGS on the regularised likelihood, or the averaged perceptron (a few times faster)")
    parser.add_argument("--c1", type=float, default=0.1, help="L1 penalty (lbfgs): prunes features")
    parser.add_argument("--c2", type=float, default=0.01, help="L2 penalty (lbfgs)")
    parser.add_argument("--iterations", type=int, default=100, help="L-BFGS iterations or perceptron epochs")
    parser.add_argument("--verbose", action="store_true", help="print every L-BFGS iteration")
    parser.add_argument("--min-freq", type=float, default=2, help="drop features seen fewer times")
    parser.add_argument("--corrections", type=Path, metavar="FILE",
                        help="a `kronika corrections export` file: the sentences of its span rows are added")
    args = parser.parse_args()

    started = time.perf_counter()
    trainer = pycrfsuite.Trainer(algorithm=args.algorithm, verbose=args.verbose)
    params = {"max_iterations": args.iterations, "feature.minfreq": args.min_freq, "feature.possible_transitions": True}
    if args.algorithm == "lbfgs":
        params |= {"c1": args.c1, "c2": args.c2}
    trainer.set_params(params)
    documents = sentences = tokens = 0
    for document in read_nkjp_iob(args.train):
        if args.docs and documents >= args.docs:
            break
        if is_held_out(document.name) and not args.with_held_out:
            continue
        documents += 1
        for sentence in document.sentences:
            trainer.append(sentence_features(sentence.forms), sentence.labels)
            sentences += 1
            tokens += len(sentence.forms)
    if args.corrections:
        corrected, left_out = correction_sentences(args.corrections)
        for sentence in corrected:
            trainer.append(sentence_features(sentence.forms), sentence.labels)
            tokens += len(sentence.forms)
        sentences += len(corrected)
        print(f"+ {len(corrected)} corrected sentences ({left_out} left out: a name with no NKJP label "
              "or off the token boundaries)", flush=True)
    print(f"features for {documents} docs, {sentences} sentences, {tokens} tokens "
          f"in {time.perf_counter() - started:.0f} s", flush=True)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(args.output))
    info = trainer.logparser.last_iteration
    print(f"trained in {time.perf_counter() - started:.0f} s total; last iteration: "
          f"loss {info.get('loss')}, active features {info.get('active_features')}; "
          f"model {args.output.stat().st_size / 1e6:.1f} MB", flush=True)


if __name__ == "__main__":
    main()
