"""PolEval 2019 (task 2) score of kronika's name base forms on the Polem KPWr name lemmas.

score = 0.2 · case-sensitive accuracy + 0.8 · case-insensitive accuracy, over all mentions.

Modes: ``tokens`` gives ``base_form`` the corpus' own tokens, with the corpus tagger's reading as
``chosen`` (the PolEval setting); ``phrase`` gives ``lemmatize_phrase`` only the mention's text
(our tokenizer, Morfeusz readings, no tagger). Both pass the KPWr category as the hint.

    python bench/lemma_polem.py --split tune [--mode tokens|phrase] [--errors 40]
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from kronika.model import Interp, Token
from kronika.morph import get_morphology
from kronika.morph.analyzer import expand_tag
from kronika.morph.lemmatize import base_form, lemmatize_phrase
from kronika.text.segment import tokenize

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "lemma"


@dataclass
class Mention:
    lemma: str
    text: str
    tokens: list[Token]
    category: str


def read_row(line: str) -> list[str]:
    """One line of the Polem TSV; a field with quote marks is CSV-quoted (``"Akcji ""Wisła"`` → ``Akcji "Wisła``)."""
    fields = line.rstrip("\n").split("\t")[:6]  # some lines end with a stray tab
    return [f[1:-1].replace('""', '"') if len(f) > 1 and f[0] == f[-1] == '"' else f for f in fields]


def chosen_reading(interps: tuple[Interp, ...], ctag: str, base: str) -> Interp:
    """The Morfeusz reading the corpus tag names (same lemma preferred), else the corpus reading itself."""
    # KPWr tags omit SGJP's extra noun flags (subst:sg:gen:n for subst:sg:gen:n:ncol)
    matching = [i for i in interps if any(f == ctag or f.startswith(ctag + ":") for f in expand_tag(i.tag))]
    matching.sort(key=lambda i: i.lemma.lower() != base.lower())
    return matching[0] if matching else Interp(base, ctag)


def corpus_tokens(orth: str, tags: list[str]) -> list[Token] | None:
    """The corpus' tokens as offsets into the mention text: its space-separated words when they are as
    many as the tags, else our tokenization when that is; None when neither lines up with the tags."""
    words, position = [], 0
    for word in orth.split(" "):
        if word:
            start = orth.index(word, position)
            words.append(Token(start, start + len(word), word))
            position = start + len(word)
    if len(words) == len(tags):
        return words
    ours = tokenize(orth)
    return ours if len(ours) == len(tags) else None


def read(path: Path) -> list[Mention]:
    """Mentions with the corpus text (``orth``: its spacing is right, the token spacing flags are not)
    and, where the corpus tokens line up with it, the corpus tagger's reading of each token."""
    morphology = get_morphology()
    mentions = []
    with path.open(encoding="utf-8") as handle:
        for lemma, orth, bases, ctags, _spaces, category in map(read_row, handle):
            tags, base_list = ctags.split(" "), bases.split(" ")
            aligned = corpus_tokens(orth, tags)
            tokens = aligned if aligned is not None else tokenize(orth)
            for i, token in enumerate(tokens):
                token.interps = morphology.analyse(token.text)
                if aligned is not None:
                    base = base_list[i] if i < len(base_list) else token.text
                    token.chosen = chosen_reading(token.interps, tags[i], base)
            mentions.append(Mention(lemma, orth, tokens, category))
    return mentions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="tune", choices=["train", "tune"])
    parser.add_argument("--mode", default="tokens", choices=["tokens", "phrase"])
    parser.add_argument("--errors", type=int, default=0, help="print this many random errors")
    args = parser.parse_args()
    mentions = read(DATA / f"polem-kpwr-ne-{args.split}.tsv")
    started = time.perf_counter()
    if args.mode == "tokens":
        predictions = [base_form(m.tokens, m.category) for m in mentions]
    else:
        predictions = [lemmatize_phrase(m.text, m.category) for m in mentions]
    elapsed = time.perf_counter() - started
    exact = sum(p == m.lemma for p, m in zip(predictions, mentions, strict=True)) / len(mentions)
    folded = sum(p.lower() == m.lemma.lower() for p, m in zip(predictions, mentions, strict=True)) / len(mentions)
    print(f"{args.split} ({args.mode}): {len(mentions)} mentions, case-sensitive {exact:.4f}, "
          f"case-insensitive {folded:.4f}, PolEval score {0.2 * exact + 0.8 * folded:.4f} "
          f"({len(mentions) / elapsed:.0f} mentions/s)")
    errors = [(m, p) for m, p in zip(mentions, predictions, strict=True) if p.lower() != m.lemma.lower()]
    by_category = Counter(m.category for m, _ in errors)
    print("errors by category:", ", ".join(f"{c} {n}" for c, n in by_category.most_common(12)))
    for mention, predicted in random.Random(0).sample(errors, min(args.errors, len(errors))):
        tags = " ".join(t.chosen.tag if t.chosen else "-" for t in mention.tokens)
        print(f"{mention.category:24} {mention.text!r:40} gold {mention.lemma!r:36} got {predicted!r}  [{tags}]")


if __name__ == "__main__":
    main()
