"""Train the morphological disambiguator (``kronika.morph.disambiguate``) and write its model.

    python scripts/train_tagger.py [--epochs 8] [--out src/kronika/morph/models/tagger-pl.json.gz]

Training data: the KPWr documents' chosen readings (``../shared/data/kpwr-timex``, CC BY). The NKJP
split in ``../shared/data/nkjp-ner`` is not used for tags: its ``ctag`` column is close to a random
pick among the readings (case ``voc`` on 13 % of nouns and adjectives against 0.03 % in KPWr), so a
tagger learns nothing from it. See ``src/kronika/morph/models/README.md``.

Each KPWr token is aligned to our own tokens by its start offset (KPWr splits agglutinates such as
``dostała|m``; our tokenizer keeps ``dostałam`` whole, and its host reading is what counts). The
corpus tag is mapped onto the Morfeusz candidates of the token; tokens whose tag no candidate shares
stay unconstrained, so the training path still goes through Morfeusz readings only.

The model records what it was made from (``provenance``: the command, the SHA-256 of the KPWr file,
the Morfeusz dictionary), so a test can tell when the shared data no longer matches it.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kronika.model import Token
from kronika.morph.analyzer import get_morphology
from kronika.morph.disambiguate import (
    END,
    MODEL_FORMAT,
    START,
    Tagger,
    capitalisation,
    context_features,
    contexts,
    dot_follows,
    emission_features,
    is_proper,
    readings,
    to_nkjp,
    transition_features,
)
from kronika.text.segment import split_sentences

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
KPWR = SHARED / "data" / "kpwr-timex" / "kpwr-timex-visible.jsonl"
MODEL = ROOT / "src" / "kronika" / "morph" / "models" / "tagger-pl.json.gz"


@dataclass
class GoldToken:
    token: Token
    lemma: str | None  # the corpus' reading of the token starting where ours starts
    tag: str | None


@dataclass
class GoldDocument:
    id: str
    sentences: list[list[GoldToken]]


def load_kpwr(path: Path = KPWR) -> list[GoldDocument]:
    """KPWr documents split into our sentences and tokens, each token with the corpus reading."""
    documents = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            gold = {start: (lemma, ctag) for start, _end, lemma, ctag in record["tokens"]}
            sentences = []
            for sentence in split_sentences(record["text"]):
                sentences.append(
                    [GoldToken(t, *gold.get(t.start, (None, None))) for t in sentence.tokens]
                )
            documents.append(GoldDocument(record["id"], sentences))
    return documents


def gold_choices(tags: Sequence[str], gold_tag: str | None) -> list[int]:
    """Indices of the candidate tags that match the corpus tag: exactly in NKJP terms, else the
    same part of speech with most attributes in common; all candidates when nothing fits."""
    everything = list(range(len(tags)))
    if gold_tag is None:
        return everything
    wanted = to_nkjp(gold_tag)
    exact = [i for i, tag in enumerate(tags) if to_nkjp(tag) == wanted]
    if exact:
        return exact
    wanted_parts = wanted.split(":")
    overlaps = {
        i: len(set(to_nkjp(tag).split(":")) & set(wanted_parts))
        for i, tag in enumerate(tags)
        if tag.split(":")[0] == wanted_parts[0] or to_nkjp(tag).split(":")[0] == wanted_parts[0]
    }
    if not overlaps:
        return everything
    top = max(overlaps.values())
    return [i for i, overlap in overlaps.items() if overlap == top]


@dataclass
class TrainingSentence:
    tags: list[tuple[str, ...]]  # candidate full tags per token
    emissions: list[list[list[str]]]  # emission features per candidate
    gold: list[list[int]]  # allowed candidate indices per token


def training_sentences(documents: Iterable[GoldDocument], tagger: Tagger) -> list[TrainingSentence]:
    prepared = []
    for document in documents:
        for sentence in document.sentences:
            tags, emissions, gold = [], [], []
            tokens = [item.token for item in sentence]
            for index, (item, context) in enumerate(zip(sentence, contexts(tokens), strict=True)):
                form = item.token.text
                case_context = capitalisation(form, index == 0)
                candidates = tagger.candidates(readings(form, dot_follows(tokens, index)), case_context)
                token_tags = tuple(tag for tag, _ in candidates)
                tags.append(token_tags)
                emissions.append(
                    [
                        emission_features(form, case_context, tag, is_proper(i)) + context_features(context, tag)
                        for tag, i in candidates
                    ]
                )
                gold.append(gold_choices(token_tags, item.tag))
            if tags:
                prepared.append(TrainingSentence(tags, emissions, gold))
    return prepared


class AveragedPerceptron:
    """Weights with lazy averaging (Collins 2002; the per-feature timestamp trick)."""

    def __init__(self) -> None:
        self.weights: dict[str, float] = defaultdict(float)
        self._totals: dict[str, float] = defaultdict(float)
        self._stamps: dict[str, int] = defaultdict(int)
        self.step = 0

    def update(self, features: Counter[str]) -> None:
        for feature, delta in features.items():
            if delta:
                self._totals[feature] += (self.step - self._stamps[feature]) * self.weights[feature]
                self._stamps[feature] = self.step
                self.weights[feature] += delta

    def averaged(self, precision: int = 3) -> dict[str, float]:
        averaged = {}
        for feature, weight in self.weights.items():
            total = self._totals[feature] + (self.step - self._stamps[feature]) * weight
            value = round(total / max(self.step, 1), precision)
            if value:
                averaged[feature] = value
        return averaged


def _path_features(sentence: TrainingSentence, path: Sequence[int]) -> Counter[str]:
    features: Counter[str] = Counter()
    previous = START
    for tags, emissions, choice in zip(sentence.tags, sentence.emissions, path, strict=True):
        features.update(emissions[choice])
        features.update(transition_features(previous, tags[choice]))
        previous = tags[choice]
    features.update(transition_features(previous, END))
    return features


def train(documents: Sequence[GoldDocument], epochs: int = 8, seed: int = 1) -> dict:
    """A model (the JSON the tagger loads) trained on ``documents``."""
    all_lemmas = Counter(item.lemma.lower() for d in documents for s in d.sentences for item in s if item.lemma)
    lemma_counts = {lemma: n for lemma, n in all_lemmas.items() if n > 1}  # singletons break no ties
    perceptron = AveragedPerceptron()
    tagger = Tagger(perceptron.weights, lemma_counts, fixed_weights=False)
    sentences = training_sentences(documents, tagger)
    order = list(range(len(sentences)))
    shuffle = random.Random(seed).shuffle
    for epoch in range(epochs):
        shuffle(order)
        errors = tokens = 0
        for number in order:
            sentence = sentences[number]
            scored = [
                (tags, [tagger.score(f) for f in feats])
                for tags, feats in zip(sentence.tags, sentence.emissions, strict=True)
            ]
            predicted = tagger.best_path(scored)
            constrained = tagger.best_path(
                [
                    (tuple(tags[i] for i in allowed), [scores[i] for i in allowed])
                    for (tags, scores), allowed in zip(scored, sentence.gold, strict=True)
                ]
            )
            gold = [allowed[i] for allowed, i in zip(sentence.gold, constrained, strict=True)]
            perceptron.step += 1
            tokens += len(gold)
            wrong = sum(p != g for p, g in zip(predicted, gold, strict=True))
            if wrong:
                errors += wrong
                delta = _path_features(sentence, gold)
                delta.subtract(_path_features(sentence, predicted))
                perceptron.update(delta)
        print(f"epoch {epoch + 1}: {1 - errors / max(tokens, 1):.4f} of training tokens right", file=sys.stderr)
    return {
        "format": MODEL_FORMAT,
        "weights": perceptron.averaged(),
        "lemma_counts": lemma_counts,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--out", type=Path, default=MODEL)
    args = parser.parse_args()
    documents = load_kpwr()
    model = train(documents, epochs=args.epochs)
    model["provenance"] = {
        "command": f"python scripts/train_tagger.py --epochs {args.epochs}",
        "training_data": KPWR.resolve().relative_to(SHARED.resolve()).as_posix(),
        "training_data_sha256": hashlib.sha256(KPWR.read_bytes()).hexdigest(),
        "morfeusz_dictionary": get_morphology().dictionary_id,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(model, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    args.out.write_bytes(gzip.compress(payload, mtime=0))
    print(f"{args.out}: {len(model['weights'])} weights, {args.out.stat().st_size} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
