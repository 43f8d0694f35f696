"""Agreement of our chosen readings with corpus readings, and the speed of the morphology stage.

    python bench/morph_agreement.py [--folds 4] [--epochs 8] [--repeats 3] [--speed-only]

Corpora (automatic readings both, so this is agreement, not accuracy):
- KPWr (``../shared/data/kpwr-timex``): 33,639 tokens; the tagger is trained on KPWr too, so its
  figure is cross-validated by document (``--folds``): each fold is tagged by a model trained on the
  other folds. ``committed`` tags with the shipped model, trained on all of KPWr (train = test).
- NKJP dev split (``../shared/data/nkjp-ner``): its ctags are near-random among readings, so only the
  lemma and part-of-speech columns say much; shown for completeness.
Tokens are aligned by start offset; agglutinates (``dostała|m``) compare the host reading.

Speed: the NKJP dev text (many short documents, so many distinct forms: a pessimistic case) through
analyse + disambiguate on one core, in CPU seconds (the machine may be shared), best of ``--repeats``
runs, each from cold caches (Morfeusz's and a fresh tagger's), beside bare Morfeusz analysis of the
same tokens in the same run; "warm" tags the text a second time with the same tagger, as the later
chapters of a long text are.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kronika.model import Interp, Token
from kronika.morph.analyzer import expand_tag, get_morphology
from kronika.morph.disambiguate import Tagger, clean_lemma, expand_readings, to_nkjp
from kronika.text.segment import split_sentences

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from train_tagger import KPWR, GoldDocument, GoldToken, load_kpwr, train  # noqa: E402

NKJP_DEV = ROOT / ".." / "shared" / "data" / "nkjp-ner" / "nkjp-ner-dev.iob.gz"

Policy = Callable[[Sequence[Token]], None]


def baseline(tokens: Sequence[Token]) -> None:
    """The first policy: a known reading, proper names for capitalised words inside a sentence;
    Morfeusz's first reading otherwise, and the first full tag of its compact tag."""
    names = {"nazwa_geograficzna", "imię", "nazwisko", "nazwa_organizacji", "nazwa_własna"}
    morphology = get_morphology()
    for index, token in enumerate(tokens):
        token.interps = morphology.analyse(token.text)
        capitalised = token.text[:1].isupper()

        def score(interp: Interp, capitalised: bool = capitalised, initial: bool = index == 0) -> tuple[int, int]:
            is_name = bool(names.intersection(interp.quals)) or interp.lemma[:1].isupper()
            name_score = int(is_name) if capitalised and not initial else int(not is_name)
            return (0 if interp.tag == "ign" else 1, name_score)

        best = max(token.interps, key=score)
        token.chosen = Interp(clean_lemma(best.lemma), expand_tag(best.tag)[0], best.quals)


@dataclass
class Agreement:
    tokens: int = 0  # corpus tokens with a token of ours starting at the same offset
    corpus_tokens: int = 0
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, item: GoldToken) -> None:
        chosen = item.token.chosen
        assert chosen is not None and item.lemma is not None and item.tag is not None
        gold_tag = to_nkjp(item.tag)
        ours = to_nkjp(chosen.tag)
        candidates = {to_nkjp(t) for i in item.token.interps for t in expand_tag(i.tag)}
        checks = {
            "lemma": chosen.lemma == item.lemma,
            "lemma_ci": chosen.lemma.lower() == item.lemma.lower(),
            "tag": ours == gold_tag,
            "pos": ours.split(":")[0] == gold_tag.split(":")[0],
            "tag_reachable": gold_tag in candidates,
        }
        self.tokens += 1
        for name, ok in checks.items():
            self.counts[name] = self.counts.get(name, 0) + int(ok)

    def row(self, name: str) -> str:
        share = {k: v / max(self.tokens, 1) for k, v in self.counts.items()}
        return (
            f"{name:<22} {share['lemma']:7.4f} {share['lemma_ci']:9.4f} {share['tag']:7.4f} "
            f"{share['pos']:7.4f} {share['tag_reachable']:9.4f} {self.tokens:>7}/{self.corpus_tokens}"
        )


HEADER = f"{'policy':<22} {'lemma':>7} {'lemma_ci':>9} {'tag':>7} {'pos':>7} {'reachable':>9} {'aligned':>15}"


def measure(documents: Sequence[GoldDocument], policy: Policy, corpus_tokens: int) -> Agreement:
    agreement = Agreement(corpus_tokens=corpus_tokens)
    for document in documents:
        for sentence in document.sentences:
            policy([item.token for item in sentence])
            for item in sentence:
                if item.tag is not None:
                    agreement.add(item)
    return agreement


def load_nkjp(path: Path = NKJP_DEV) -> tuple[list[GoldDocument], int]:
    """NKJP documents re-joined into text (agglutinates glued to their host, as written)."""
    documents: list[GoldDocument] = []
    rows: list[list[str]] = []
    total = 0

    def flush(name: str) -> None:
        nonlocal total
        if not rows:
            return
        parts: list[str] = []
        gold: dict[int, tuple[str, str]] = {}
        length = 0
        for orth, base, ctag in rows:
            if parts and not ctag.startswith("aglt"):
                parts.append(" ")
                length += 1
            gold.setdefault(length, (base, ctag))
            parts.append(orth)
            length += len(orth)
        text = "".join(parts)
        total += len(gold)
        sentences = [
            [GoldToken(t, *gold.get(t.start, (None, None))) for t in s.tokens] for s in split_sentences(text)
        ]
        documents.append(GoldDocument(name, sentences))
        rows.clear()

    name = ""
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("-DOCSTART FILE"):
                flush(name)
                name = line.split()[-1]
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 3 and not line.startswith("-DOCSTART"):
                rows.append(fields[:3])
    flush(name)
    return documents, total


def words_per_second(
    documents: Sequence[GoldDocument], make_policy: Callable[[], Policy | None], repeats: int, warm: bool = False
) -> float:
    """Words per CPU second of the policy ``make_policy`` gives, from cold caches (best of ``repeats``);
    ``None`` for a policy: bare Morfeusz analysis. ``warm``: time a second pass of the same policy."""
    sentences = [[item.token for item in s] for d in documents for s in d.sentences]
    words = sum(len(s) for s in sentences)
    morphology = get_morphology()

    def run(policy: Policy | None) -> float:
        started = time.process_time()
        for tokens in sentences:
            if policy is None:
                for token in tokens:
                    morphology.analyse(token.text)
            else:
                policy(tokens)
        return time.process_time() - started

    best = float("inf")
    for _ in range(repeats):
        morphology.analyse.cache_clear()
        expand_readings.cache_clear()
        policy = make_policy()
        seconds = run(policy)
        if warm:
            seconds = run(policy)
        best = min(best, seconds)
    return words / best


def speed(documents: Sequence[GoldDocument], repeats: int) -> None:
    words = sum(len(s) for d in documents for s in d.sentences)
    print(f"\nSpeed on NKJP dev ({words} words), one core, words per CPU second, best of {repeats}")
    bare = words_per_second(documents, lambda: None, repeats)
    print(f"bare Morfeusz analyse       {bare:9.0f}")
    for name, make_policy, warm in [
        ("baseline", lambda: baseline, False),
        ("tagger, cold caches", lambda: Tagger.load().tag, False),
        ("tagger, warm caches", lambda: Tagger.load().tag, True),
    ]:
        rate = words_per_second(documents, make_policy, repeats, warm)
        print(f"{name:<27} {rate:9.0f}  ({rate / bare:.2f} of bare Morfeusz)")


def cross_validated(documents: Sequence[GoldDocument], folds: int, epochs: int, corpus_tokens: int) -> Agreement:
    total = Agreement(corpus_tokens=corpus_tokens)
    for fold in range(folds):
        held_out = [d for i, d in enumerate(documents) if i % folds == fold]
        training = [d for i, d in enumerate(documents) if i % folds != fold]
        model = train(training, epochs=epochs)
        tagger = Tagger(model["weights"], model["lemma_counts"])
        part = measure(held_out, tagger.tag, 0)
        total.tokens += part.tokens
        for key, value in part.counts.items():
            total.counts[key] = total.counts.get(key, 0) + value
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--repeats", type=int, default=3, help="speed runs per policy (the best counts)")
    parser.add_argument("--speed-only", action="store_true", help="skip the agreement tables")
    args = parser.parse_args()
    if args.speed_only:
        speed(load_nkjp()[0], args.repeats)
        return

    kpwr = load_kpwr()
    with KPWR.open(encoding="utf-8") as lines:
        kpwr_tokens = sum(len(json.loads(line)["tokens"]) for line in lines)
    committed = Tagger.load()
    print(f"KPWr ({len(kpwr)} documents)")
    print(HEADER)
    print(measure(kpwr, baseline, kpwr_tokens).row("baseline"))
    print(cross_validated(kpwr, args.folds, args.epochs, kpwr_tokens).row(f"tagger {args.folds}-fold CV"))
    print(measure(kpwr, committed.tag, kpwr_tokens).row("committed (train=test)"))

    nkjp, nkjp_tokens = load_nkjp()
    print(f"\nNKJP dev ({len(nkjp)} documents; corpus ctags near-random, see docstring)")
    print(HEADER)
    print(measure(nkjp, baseline, nkjp_tokens).row("baseline"))
    print(measure(nkjp, committed.tag, nkjp_tokens).row("committed"))

    speed(nkjp, args.repeats)

if __name__ == "__main__":
    main()
