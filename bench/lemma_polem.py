"""PolEval 2019 (task 2) score of kronika's name base forms on the Polem KPWr name lemmas.

score = 0.2 · case-sensitive accuracy + 0.8 · case-insensitive accuracy, over all mentions.

Modes: ``tokens`` gives ``base_form`` the corpus' own tokens, with the corpus tagger's reading as
``chosen`` (the PolEval setting); ``phrase`` gives ``lemmatize_phrase`` only the mention's text
(our tokenizer, Morfeusz readings, no tagger).

Each citation convention is scored (``--convention`` for one): ``poleval`` is the corpus' own (the
PolEval number), ``kronika`` the pipeline's (see ``resources/pl/lemma_conventions.tsv``).
Splits (``../shared/data/SPLITS.md``): ``dev`` is 2-fold cross-validation on the train file's halves,
the learned resources and the edit ranker rebuilt from each half; ``locked`` is the whole tune file, with the committed
resources (learned from train only). ``--hint category`` passes the KPWr category; by default no hint
is given, as on unseen text where the type comes from the name recogniser.

    python bench/lemma_polem.py --split dev|locked|all [--mode phrase|tokens] [--hint none|category]
                                [--convention poleval] [--errors 40] [--classes]

``--classes`` counts the development misses by class of name (persons, first names alone, adjectival
names, organisations, multiword geographic names, …) and, across them, the foreign ones (a word of the
mention unknown to Morfeusz), with what went wrong (left inflected, inflected where the gold keeps the
word, changed wrongly).
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kronika.lang import base_forms
from kronika.lang.tokens import tokenize
from kronika.model import Interp, Token
from kronika.morph import get_morphology, lemma_edits, lemmatize
from kronika.morph.analyzer import expand_tag
from kronika.morph.lemmatize import CONVENTIONS, base_form, lemmatize_phrase

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / ".." / "shared" / "data" / "lemma"
LEARN_SCRIPT = ROOT / "scripts" / "learn_lemma_suffixes.py"
EDITS_SCRIPT = ROOT / "scripts" / "learn_lemma_edits.py"


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


def predict(mentions: list[Mention], mode: str, convention: str, hint: bool) -> list[str]:
    """Base forms of the mentions; ``hint``: pass the KPWr category (the pipeline passes its own type)."""
    if mode == "tokens":
        return [base_form(m.tokens, m.category if hint else None, convention) for m in mentions]
    return [lemmatize_phrase(m.text, m.category if hint else None, convention) for m in mentions]


def score(mentions: list[Mention], predictions: list[str]) -> tuple[float, float, float]:
    """(case-sensitive accuracy, case-insensitive accuracy, PolEval score)."""
    exact = sum(p == m.lemma for p, m in zip(predictions, mentions, strict=True)) / len(mentions)
    folded = sum(p.lower() == m.lemma.lower() for p, m in zip(predictions, mentions, strict=True)) / len(mentions)
    return exact, folded, 0.2 * exact + 0.8 * folded


@contextmanager
def learned_from(train_lines: list[str]) -> Iterator[None]:
    """Run the lemmatizer with the learned resources rebuilt by ``scripts/learn_lemma_suffixes.py`` from
    ``train_lines`` only (cross-validation), the hand-written ones unchanged."""
    if str(LEARN_SCRIPT.parent) not in sys.path:  # the learners import their shared helpers from scripts/
        sys.path.insert(0, str(LEARN_SCRIPT.parent))
    spec = importlib.util.spec_from_file_location("learn_lemma_suffixes", LEARN_SCRIPT)
    learner = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(learner)
    spec = importlib.util.spec_from_file_location("learn_lemma_edits", EDITS_SCRIPT)
    edits_learner = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(edits_learner)
    modules = (base_forms, lemmatize)  # the readers of the learned resources
    originals = [module._resource_lines for module in modules]
    with tempfile.TemporaryDirectory() as directory:
        folder = Path(directory)
        train = folder / "train.tsv"
        train.write_text("".join(train_lines), encoding="utf-8")
        learner.write(learner.learn(train), folder / "lemma_suffix_rules.tsv", learner.MIN_COUNT)
        learner.write_genders(learner.learn_adjective_genders(train), folder / "lemma_adjective_genders.tsv")

        def reader(original: Callable[[str], Iterable[tuple[int, str]]]) -> Callable[[str], Iterator[tuple[int, str]]]:
            def lines(name: str) -> Iterator[tuple[int, str]]:
                path = folder / name
                if not path.exists():
                    yield from original(name)
                    return
                for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
                    if line.strip() and not line.startswith("#"):
                        yield number, line
            return lines

        for module, original in zip(modules, originals, strict=True):
            module._resource_lines = reader(original)
        _clear_caches()
        try:
            lemma_edits.use_weights(edits_learner.learn([(m.text, m.lemma) for m in read(train)]))
            try:
                yield
            finally:
                lemma_edits.restore_weights()
        finally:
            for module, original in zip(modules, originals, strict=True):
                module._resource_lines = original
            _clear_caches()


def _clear_caches() -> None:
    for loader in (base_forms._suffix_rules, lemmatize._adjective_genders):
        loader.cache_clear()


def category_group(category: str) -> str:
    """The reporting group of a KPWr category: persons (full, first name, last name), places, adjectives..."""
    for prefix, group in _GROUPS:
        if category.startswith(prefix):
            return group
    return "other"


_GROUPS = (
    ("nam_liv_person_first", "person: first name"), ("nam_liv_person_last", "person: last name"),
    ("nam_liv_person", "person"), ("nam_loc", "place"), ("nam_fac", "facility"), ("nam_adj", "adjective"),
    ("nam_org", "organization"), ("nam_pro", "product/title"), ("nam_eve", "event"),
)


def report(name: str, mentions: list[Mention], predictions: list[str], label: str) -> None:
    exact, folded, poleval = score(mentions, predictions)
    print(f"{name} ({label}): {len(mentions)} mentions, case-sensitive {exact:.4f}, "
          f"case-insensitive {folded:.4f}, PolEval score {poleval:.4f}")
    groups: dict[str, list[int]] = {}
    for index, mention in enumerate(mentions):
        groups.setdefault(category_group(mention.category), []).append(index)
    figures = []
    for group, indexes in sorted(groups.items(), key=lambda item: -len(item[1])):
        group_score = score([mentions[i] for i in indexes], [predictions[i] for i in indexes])[2]
        figures.append(f"{group} {group_score:.3f} ({len(indexes)})")
    print("  by category: " + ", ".join(figures))


def miss_class(mention: Mention) -> str:
    """The class of a name the misses are counted by."""
    category = mention.category
    words = [t for t in mention.tokens if t.text[:1].isalpha()]
    if category.startswith("nam_liv_person_first"):
        return "first names alone"
    if category.startswith("nam_liv_person_last"):
        return "last names alone"
    if category.startswith("nam_liv"):
        return "persons (and other beings)"
    if category.startswith("nam_adj"):
        return "adjectival names"
    if category.startswith("nam_org"):
        return "organisations"
    if category.startswith("nam_loc"):
        return "geographic names, several words" if len(words) > 1 else "geographic names, one word"
    if category.startswith("nam_fac"):
        return "facilities (streets, buildings)"
    return "titles, products, events, other"


def miss_kind(mention: Mention, predicted: str) -> str:
    """What went wrong: the text left as the gold changes it, a change where the gold keeps the text, or
    another change."""
    text, gold, got = mention.text.lower(), mention.lemma.lower().strip(), predicted.lower()
    if got == text:
        return "left inflected"
    if gold == text:
        return "changed, gold keeps it"
    return "changed wrongly"


def report_classes(mentions: list[Mention], predictions: list[str]) -> None:
    """The misses (case-insensitive) by class of name, the foreign ones apart, and by kind."""
    totals: Counter[str] = Counter()
    misses: dict[str, Counter[str]] = {}
    for mention, predicted in zip(mentions, predictions, strict=True):
        name_class = miss_class(mention)
        foreign = any(t.text[:1].isalpha() and all(i.pos == "ign" for i in t.interps) for t in mention.tokens)
        for key in (name_class, "  of all: a word unknown to Morfeusz (foreign, rare)" if foreign else None):
            if key is None:
                continue
            totals[key] += 1
            if predicted.lower() != mention.lemma.lower():
                misses.setdefault(key, Counter())[miss_kind(mention, predicted)] += 1
    print("dev misses by class (case-insensitive): class, mentions, misses, accuracy; kinds")
    for key in sorted(totals, key=lambda k: (k.startswith(" "), -sum(misses.get(k, Counter()).values()))):
        kinds = misses.get(key, Counter())
        wrong = sum(kinds.values())
        print(f"  {key:52} {totals[key]:6} {wrong:5} {1 - wrong / totals[key]:.3f}; "
              + ", ".join(f"{kind} {n}" for kind, n in kinds.most_common()))


def cross_validate(mode: str, convention: str, hint: bool, label: str) -> tuple[list[Mention], list[str]]:
    """2-fold cross-validation on the train split's halves (contiguous: the file has no document ids,
    but its mentions follow the documents, so the halves share at most one document)."""
    path = DATA / "polem-kpwr-ne-train.tsv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    mentions = read(path)
    half = len(lines) // 2
    folds = [(lines[:half], mentions[half:]), (lines[half:], mentions[:half])]
    tested: list[Mention] = []
    predictions: list[str] = []
    for train_lines, test in folds:
        with learned_from(train_lines):
            predictions += predict(test, mode, convention, hint)
        tested += test
    report("dev: train 2-fold CV", tested, predictions, label)
    return tested, predictions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="dev", choices=["dev", "locked", "all"],
                        help="dev: 2-fold CV on the train file; locked: the tune file (SPLITS.md), rules from train")
    parser.add_argument("--mode", default="phrase", choices=["tokens", "phrase"])
    parser.add_argument("--hint", default="none", choices=["none", "category"],
                        help="pass the KPWr category to the lemmatizer (default: no hint, as on unseen text)")
    parser.add_argument("--convention", choices=CONVENTIONS, help="one citation convention (default: each)")
    parser.add_argument("--errors", type=int, default=0, help="print this many random dev errors (last convention)")
    parser.add_argument("--classes", action="store_true",
                        help="count the dev misses by class of name (last convention)")
    args = parser.parse_args()
    if (args.errors or args.classes) and args.split != "dev":
        parser.error("--errors and --classes show development errors only: the locked part is never read for misses")
    conventions = [args.convention] if args.convention else list(CONVENTIONS)
    hint = args.hint == "category"
    for convention in conventions:
        label = f"{args.mode}, {convention}, hint {args.hint}"
        if args.split in ("dev", "all"):
            mentions, predictions = cross_validate(args.mode, convention, hint, label)
        if args.split in ("locked", "all"):
            locked_mentions = read(DATA / "polem-kpwr-ne-tune.tsv")
            started = time.perf_counter()
            locked_predictions = predict(locked_mentions, args.mode, convention, hint)
            elapsed = time.perf_counter() - started
            report("locked: tune file", locked_mentions, locked_predictions, label)
            print(f"  {len(locked_mentions) / elapsed:.0f} mentions/s")
    if args.classes:
        report_classes(mentions, predictions)
    if args.errors:
        errors = [(m, p) for m, p in zip(mentions, predictions, strict=True) if p.lower() != m.lemma.lower()]
        by_category = Counter(m.category for m, _ in errors)
        print("errors by category:", ", ".join(f"{c} {n}" for c, n in by_category.most_common(12)))
        for mention, predicted in random.Random(0).sample(errors, min(args.errors, len(errors))):
            tags = " ".join(t.chosen.tag if t.chosen else "-" for t in mention.tokens)
            print(f"{mention.category:24} {mention.text!r:40} gold {mention.lemma!r:36} got {predicted!r}  [{tags}]")


if __name__ == "__main__":
    main()
