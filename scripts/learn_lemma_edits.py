"""Learn the edit ranker of name base forms (``kronika.morph.lemma_edits``) from the Polem KPWr names.

Runs the rule lemmatizer on each training mention's text with no category (as on unseen text), and for
every word whose gold word is among the candidates trains an averaged perceptron to rank the gold
candidate first (words the rules guess at and words they are sure of by separate features). Only the train
file is read (``../shared/data/lemma/polem-kpwr-ne-train.tsv``); the weights, rounded, go to
``src/kronika/morph/models/lemma-edits-pl.json.gz``. Deterministic and stable: each epoch visits the
examples in the order of a hash of the seed, the epoch and the example itself (its text, gold, word and
repeat), not of its place in the list, so an example more or fewer (a rule that changed one mention's
candidates) moves no other example in the order; the mean over ``SEEDS`` orders; gzip without timestamp.

``--corrections FILE`` adds the base-form pairs of a ``kronika corrections export`` file to the training pairs.

    python scripts/learn_lemma_edits.py [--train PATH] [--out PATH] [--epochs 6] [--corrections FILE]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import json
import sys
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path

from corrections_file import base_form_pairs

from kronika.lang.tokens import tokenize
from kronika.morph import lemma_edits
from kronika.morph.lemmatize import lemmatize_phrase

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TRAIN = ROOT / ".." / "shared" / "data" / "lemma" / "polem-kpwr-ne-train.tsv"
DEFAULT_OUT = ROOT / "src" / "kronika" / "morph" / "models" / lemma_edits.MODEL_FILE
BENCH = ROOT / "bench" / "lemma_polem.py"
EPOCHS = 6
# orders of the examples averaged (dev: 1 order 0.910, 5 orders 0.912, 10 and 20 orders 0.913); two sets
# of 10 orders gave dev figures 0.0010 apart, 37 mentions changed; two sets of 40 orders 0.0001, 10 mentions
SEEDS = 40
CONVENTION = "poleval"  # the corpus' own citation convention: the gold the model learns from

# each candidate's features, the gold candidate's index, the example's key (text, gold, word, repeat)
Instance = tuple[list[list[str]], int, str]


def instances(examples: list[tuple[str, str]]) -> list[Instance]:
    """Training instances from (mention text, gold base form) pairs."""
    result = []
    seen: Counter[str] = Counter()
    for text, lemma in examples:
        choices: list[lemma_edits.Choice] = []
        lemma_edits.record(choices)
        try:
            lemmatize_phrase(text, None, CONVENTION)
        finally:
            lemma_edits.record(None)
        gold = [t.text.lower() for t in tokenize(lemma)]
        for choice in choices:
            token = choice.tokens[choice.index]
            if choice.kept != len(gold) or not lemma_edits.ranks(choice):
                continue
            options = lemma_edits.candidates(token, choice.rule_form, choice.in_head)
            target = next((n for n, c in enumerate(options) if c.form.lower() == gold[choice.position]), None)
            if target is not None and len(options) > 1:
                key = f"{text}\t{lemma}\t{choice.index}"
                seen[key] += 1
                result.append(([lemma_edits.choice_features(choice, c) for c in options], target,
                               f"{key}\t{seen[key]}"))
    return result


def visiting_order(data: list[Instance], seed: int, epoch: int) -> list[int]:
    """The examples' indexes in the order of a hash of the seed, the epoch and each example's key: the
    place of an example in the order does not depend on which other examples there are."""
    def rank(n: int) -> bytes:
        return hashlib.blake2b(f"{seed}\t{epoch}\t{data[n][2]}".encode(), digest_size=8).digest()
    return sorted(range(len(data)), key=rank)


def train(data: list[Instance], epochs: int = EPOCHS) -> dict[str, float]:
    """Averaged-perceptron ranking weights, averaged again over ``SEEDS`` orders of the examples: one
    order's weights swing with a few examples (a whole forename flips), their mean does not."""
    summed: dict[str, float] = defaultdict(float)
    for seed in range(SEEDS):
        for feature, weight in _train_once(data, epochs, seed).items():
            summed[feature] += weight / SEEDS
    return {f: v for f, w in summed.items() if abs(v := round(w, 3)) > 0}


def _train_once(data: list[Instance], epochs: int, seed: int) -> dict[str, float]:
    """Averaged-perceptron ranking weights from one order of the examples."""
    weights: dict[str, float] = defaultdict(float)
    totals: dict[str, float] = defaultdict(float)
    stamps: dict[str, int] = defaultdict(int)
    step = 0
    for epoch in range(epochs):
        for n in visiting_order(data, seed, epoch):
            step += 1
            options, gold, _key = data[n]
            scores = [sum(weights.get(f, 0.0) for f in option) for option in options]
            guess = max(range(len(options)), key=lambda k: (scores[k], -k))
            if guess == gold:
                continue
            for feature_set, sign in ((options[gold], 1.0), (options[guess], -1.0)):
                for feature in feature_set:
                    totals[feature] += (step - stamps[feature]) * weights[feature]
                    stamps[feature] = step
                    weights[feature] += sign
    averaged = {}
    for feature, weight in weights.items():
        total = totals[feature] + (step - stamps[feature]) * weight
        averaged[feature] = total / step
    return averaged


def learn(examples: list[tuple[str, str]], epochs: int = EPOCHS) -> dict[str, float]:
    """Weights learned from (mention text, gold base form) pairs, the rules alone making the candidates."""
    lemma_edits.use_weights(None)
    try:
        data = instances(examples)
    finally:
        lemma_edits.restore_weights()
    return train(data, epochs)


def read_examples(path: Path) -> list[tuple[str, str]]:
    """(mention text, gold base form) pairs, the text spaced as the benchmark spaces it."""
    spec = importlib.util.spec_from_file_location("lemma_polem", BENCH)
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench  # its dataclasses look their module up
    spec.loader.exec_module(bench)
    return [(m.text, m.lemma) for m in bench.read(path)]


def sources(train_file: Path) -> dict[str, str]:
    """The SHA-256 of what the model is made from, the training file, this script, the module whose
    features it weighs and the list of foreign names' nominatives they read: the test compares them with the
    committed model's, so an edited script, feature, list or training file asks for retraining."""
    names = resources.files("kronika.lang").joinpath("resources/pl/name_nominatives.tsv").read_bytes()
    return {"training_sha256": hashlib.sha256(train_file.read_bytes()).hexdigest(),
            "script_sha256": hashlib.sha256(Path(__file__).read_bytes()).hexdigest(),
            "features_sha256": hashlib.sha256(Path(lemma_edits.__file__).read_bytes()).hexdigest(),
            "names_sha256": hashlib.sha256(names).hexdigest()}


def write(weights: dict[str, float], out: Path, train_file: Path, corrections: Path | None = None) -> None:
    training = train_file.name + (f" + {corrections.name}" if corrections else "")
    model = {
        "format": lemma_edits.MODEL_FORMAT,
        "provenance": {"command": "python scripts/learn_lemma_edits.py", "training": training,
                       **sources(train_file)},
        "weights": dict(sorted(weights.items())),
    }
    data = json.dumps(model, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    out.write_bytes(gzip.compress(data, mtime=0))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--train", type=Path, default=DEFAULT_TRAIN)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--corrections", type=Path, metavar="FILE",
                        help="a `kronika corrections export` file: its base-form pairs "
                        "are added to the training pairs")
    args = parser.parse_args()
    # the corrections first: a malformed file stops the script before the long part
    corrected = [(form, lemma) for form, lemma, _type in base_form_pairs(args.corrections)] if args.corrections else []
    examples = read_examples(args.train) + corrected
    weights = learn(examples, args.epochs)
    write(weights, args.out, args.train, args.corrections)
    print(f"{len(weights)} weights → {args.out}")


if __name__ == "__main__":
    main()
