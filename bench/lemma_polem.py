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


_NO_SPACE_BEFORE = set(",.;:!?)]”»%’'/")
_NO_SPACE_AFTER = set("([„«’'/")


def guess_spacing(forms: list[str]) -> list[bool]:
    """Whether a space follows each token, by Polish typography: none before closing punctuation,
    after opening brackets, around an in-word hyphen, inside numbers (2.0) and web names (media.pl)."""
    spaces = []
    quotes_open = False
    for form, after in zip(forms, forms[1:], strict=False):
        if form == '"':
            quotes_open = not quotes_open
        space = not (
            after in _NO_SPACE_BEFORE or form in _NO_SPACE_AFTER or "-" in (form, after)
            or (form == '"' and quotes_open) or (after == '"' and quotes_open)
            or (form == "." and (after[:1].isdigit() or after[:1].islower()))
        )
        spaces.append(space)
    return spaces + [False]


def corpus_tokens(orth: str, tags: list[str], spaces: str) -> tuple[str, list[Token], bool]:
    """(mention text, tokens, whether the tokens are the corpus' own, one per tag).

    The ``orth`` column holds either the corpus tokens joined by spaces, to be re-spaced by the token
    spacing flags (or by typography where the flags are all unset, as in half the tune split), or,
    where its words do not line up with the tags, the mention's own text: we tokenize that."""
    forms = orth.split(" ")
    if len(forms) != len(tags):
        tokens = tokenize(orth)
        return orth, tokens, len(tokens) == len(tags)
    space_after = [flag == "True" for flag in spaces.split(" ")]
    if len(forms) > 1 and not any(space_after[: len(forms) - 1]):
        space_after = guess_spacing(forms)
    tokens, text = [], ""
    for i, form in enumerate(forms):
        tokens.append(Token(len(text), len(text) + len(form), form))
        text += form + (" " if i < len(space_after) and space_after[i] else "")
    return text.rstrip(), tokens, True


def read(path: Path) -> list[Mention]:
    morphology = get_morphology()
    mentions = []
    with path.open(encoding="utf-8") as handle:
        for lemma, orth, bases, ctags, spaces, category in map(read_row, handle):
            tags, base_list = ctags.split(" "), bases.split(" ")
            text, tokens, aligned = corpus_tokens(orth, tags, spaces)
            for i, token in enumerate(tokens):
                token.interps = morphology.analyse(token.text)
                if aligned:
                    base = base_list[i] if i < len(base_list) else token.text
                    token.chosen = chosen_reading(token.interps, tags[i], base)
            mentions.append(Mention(lemma, text, tokens, category))
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
