"""Train the NKJP / PolEval 2018 CRF tagger (``kronika.ner.statistical``) on the NKJP IOB data.

    python scripts/train_ner.py                       # train split → src/kronika/ner/models/
    python scripts/train_ner.py --docs 400 -o /tmp/m.crfsuite   # a quick subset for feature work

The held-out development documents of the train split (``statistical.is_held_out``, 1 in 16) are left
out, so that ``bench/poleval_ner.py --split dev`` scores the model on text it was not trained on;
``--with-held-out`` adds them back for the shipped model once the recipe is chosen. The NKJP dev split
is locked (scored only to report, never trained or tuned on).

Single process, ~1.1 M tokens; see src/kronika/ner/models/README.md for the recorded run.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pycrfsuite

from kronika.ner.features import sentence_features
from kronika.ner.statistical import MODEL_NAME, is_held_out, read_nkjp_iob

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / ".." / "shared" / "data" / "nkjp-ner"


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
