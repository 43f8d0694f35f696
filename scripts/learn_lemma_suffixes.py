"""Learn suffix rules for the base forms of words Morfeusz does not know.

Reads the Polem KPWr name-lemma training split (``../shared/data/lemma/polem-kpwr-ne-train.tsv``), pairs
each capitalised word of a mention with the word of its gold base form, and counts, per name class
(person / place / other), case (from the corpus tag; ``*`` for any case, for words whose case nothing
tells) and word ending (1–6 letters), which transformation —
strip n letters, append s — turns the form into its base. SGJP paradigms of the
names seen in training (Morfeusz ``generate``) add one example per case form. The most frequent rule
of each (class, case, ending) is written to ``src/kronika/lang/resources/pl/lemma_suffix_rules.tsv``
when at least ``--min-count`` examples support the ending and it differs from the rule of the next
shorter ending. The rules carry to unseen names; no (form, lemma) pair is stored.

It also counts, per category, the gender in which names made only of adjectives are cited
(*Wilanowskiej* → *Wilanowska* as a street, *nyskim* → *nyski* as a county, *opolskim* → *opolskie* as a
voivodeship): the majority gender of each category with enough examples goes to
``lemma_adjective_genders.tsv``.

It also counts, over the NKJP training text, how often a form shared by several proper names stood for
each (``lemma_name_usage.tsv``: *Polski* is mostly Polska's, *Edwarda* Edward's), where the name's label
or the surname agreeing with a forename allows one of them only; and how often each forename was named by
its own nominative (``lemma_forename_nominatives.tsv``: *Jacek* far more often than *Jack*), to tell
which of two forenames a shared oblique form (*Jacka*) stands for when nothing else does.

``--corrections FILE`` adds the base-form pairs of a ``kronika corrections export`` file to the suffix
rules' examples (no case is known for them: words Morfeusz does not know count under ``*``, as in training).

    python scripts/learn_lemma_suffixes.py [--train PATH] [--out PATH] [--genders-out PATH]
                                          [--usage-out PATH] [--forenames-out PATH] [--nkjp PATH]
                                          [--corrections FILE]
"""

from __future__ import annotations

import argparse
import gzip
import re
from collections import Counter, defaultdict
from pathlib import Path

from corrections_file import base_form_pairs

from kronika.morph import get_morphology
from kronika.morph.analyzer import expand_tag
from kronika.morph.lemmatize import _readings, name_class

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TRAIN = ROOT / ".." / "shared" / "data" / "lemma" / "polem-kpwr-ne-train.tsv"
RESOURCES = ROOT / "src" / "kronika" / "morph" / "resources" / "pl"
DEFAULT_OUT = ROOT / "src" / "kronika" / "lang" / "resources" / "pl" / "lemma_suffix_rules.tsv"
GENDERS_OUT = RESOURCES / "lemma_adjective_genders.tsv"
USAGE_OUT = RESOURCES / "lemma_name_usage.tsv"
FORENAMES_OUT = RESOURCES / "lemma_forename_nominatives.tsv"
NKJP_TRAIN = ROOT / ".." / "shared" / "data" / "nkjp-ner" / "nkjp-ner-train.iob.gz"
MIN_GENDER_EXAMPLES = 3
MIN_COUNT = 2  # examples an ending needs for a rule
MIN_WORDS = 2  # distinct words an ending needs for a rule: a rule is what several words share
MIN_USAGE = 3  # uses a name needs to be preferred by its usage
MAX_ENDING = 6
POOLED = "any"  # the class of rules pooled over all classes, for endings a class has too few examples of
_WORD = re.compile(r"\w+|[^\w\s]")
_NAME_QUALIFIERS = {"imię", "nazwisko", "nazwa_geograficzna"}

Key = tuple[str, str, str]


class Examples(defaultdict[Key, Counter]):
    """(class, case key, ending) → how many times each rule turned a word into its base, and the words met
    under each key: an ending takes a rule only when several words share it, not one name repeated through
    a document (*Gladwella* twelve times in one text is one word in *-lla*)."""

    def __init__(self) -> None:
        super().__init__(Counter)
        self.words: defaultdict[Key, set[str]] = defaultdict(set)


def read_row(line: str) -> list[str]:
    """One line of the Polem TSV; a field with quote marks is CSV-quoted (``"Akcji ""Wisła"`` → ``Akcji "Wisła``)."""
    fields = line.rstrip("\n").split("\t")[:6]  # some lines end with a stray tab
    return [f[1:-1].replace('""', '"') if len(f) > 1 and f[0] == f[-1] == '"' else f for f in fields]


def rule_of(form: str, base: str) -> tuple[int, str]:
    """(letters to strip, letters to append) that turn ``form`` into ``base``, the appended letters lower
    case (an ending is no capital: *Rajoeliny* → Rajoelina, whatever a gold in capitals spelt)."""
    common = 0
    while common < min(len(form), len(base)) and form[common].lower() == base[common].lower():
        common += 1
    return len(form) - common, base[common:].lower()


def case_key(ctag: str) -> str:
    parts = ctag.split(":")
    if parts[0] in ("subst", "depr", "adj", "ppas", "pact", "ger") and len(parts) >= 3:
        return f"{parts[2].split('.')[0]}:{parts[1].split('.')[0]}"
    return "*"


def count(counts: Examples, cls: str, key: str, form: str, base: str) -> None:
    rule = rule_of(form, base)
    lower = form.lower()
    for size in range(1, min(len(lower) - 1, MAX_ENDING) + 1):
        counts[(cls, key, lower[-size:])][rule] += 1
        counts.words[(cls, key, lower[-size:])].add(lower)


def cited_gender(base_word: str) -> str | None:
    """``'m'``, ``'f'`` or ``'n'``: the gender of an adjective's nominative singular (*nyski*, *Wilanowska*)."""
    genders = {
        full.split(":")[3][0]
        for i in get_morphology().analyse(base_word) if i.pos == "adj"
        for full in expand_tag(i.tag) if full.split(":")[1:3] == ["sg", "nom"]
    }
    return genders.pop() if len(genders) == 1 else None


def learn_adjective_genders(train: Path) -> dict[str, Counter]:
    """Per category, the genders in which the names made only of adjectives are cited."""
    counts: dict[str, Counter] = defaultdict(Counter)
    with train.open(encoding="utf-8") as handle:
        for lemma, _orth, _bases, ctags, _spaces, category in map(read_row, handle):
            tags = [t for t in ctags.split(" ") if t != "interp"]
            words = _WORD.findall(lemma)
            if tags and words and all(t.startswith("adj") for t in tags) and words[-1].isalpha():
                if gender := cited_gender(words[-1]):
                    counts[category][gender] += 1
    return counts


def write_genders(counts: dict[str, Counter], out: Path) -> int:
    lines = [
        "# Gender in which a name made only of adjectives is cited, per category (kronika.morph.lemmatize).",
        "# source: counted by scripts/learn_lemma_suffixes.py over the Polem KPWr name lemmas (train split;",
        "# KPWr CC BY, via CLARIN-PL Polem, LGPL-3): the majority per category; licence: CC BY 4.0.",
        "# Format: category, gender (m, f or n), examples of m, f, n.",
    ]
    for category, genders in sorted(counts.items()):
        if sum(genders.values()) >= MIN_GENDER_EXAMPLES:
            gender = genders.most_common(1)[0][0]
            lines.append(f"{category}\t{gender}\t{genders['m']}\t{genders['f']}\t{genders['n']}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines) - 4


# the readings an NKJP name label allows, most specific label first
_LABEL_QUALIFIERS = (("persName-forename", {"imię"}), ("persName-surname", {"nazwisko"}),
                     ("persName", {"imię", "nazwisko"}), ("placeName", {"nazwa_geograficzna"}),
                     ("geogName", {"nazwa_geograficzna"}))


def learn_name_usage(nkjp: Path) -> Counter:
    """How often each proper name was meant by a form Morfeusz reads as several proper names, over the
    NKJP training text: where the name's label allows one of them only (*Polski* in a place name: Polska,
    not the surname Polski; *Jana* as a forename: Jan, not the surname Jana); for places, where the
    corpus lemma picks one of those the label allows (*Łodzi*: Łódź, not Łodzia); for forenames
    (*Edwarda*: Edward or Edwarda), where the next word, the surname, agrees in case, number and gender
    with one of them only (*Edwarda Gierka*: Edward)."""
    counts: Counter = Counter()
    morphology = get_morphology()
    previous: dict[str, set] = {}
    with gzip.open(nkjp, "rt", encoding="utf-8") as handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            form = fields[0].strip()
            names: dict[str, set] = defaultdict(set)
            quals: dict[str, set] = defaultdict(set)
            inhabitants: set[str] = set()  # nouns naming a nation or inhabitants the form may be (Polaków: Polak)
            if form[:1].isupper() and form.isalpha():
                interps = morphology.analyse(form)
                inhabitants = {i.lemma.lower() for i in interps
                               if i.lemma[:1].isupper() and "nazwa_pospolita" in i.quals}
                for reading in _readings(interps):
                    if _NAME_QUALIFIERS.intersection(reading.interp.quals):
                        names[reading.interp.lemma] |= reading.triples
                        quals[reading.interp.lemma] |= set(reading.interp.quals)
            if len(previous) > 1 and names:
                following = set().union(*names.values())
                agreeing = [name for name, triples in previous.items() if triples & following]
                if len(agreeing) == 1:
                    counts[agreeing[0]] += 1
            label = fields[3] if len(fields) > 3 else "O"
            wanted = next((q for kind, q in _LABEL_QUALIFIERS if kind in label), set())
            if len(names) > 1 and wanted:
                fitting = [name for name in names if quals[name] & wanted]
                if fields[1].lower() in inhabitants and "placeName" in label:
                    pass  # NKJP labels a nation by its country: Polaków is Polak's, not the village Polaki's
                elif len(fitting) == 1:
                    counts[fitting[0]] += 1
                elif fields[1] in fitting and "persName" not in label:
                    # between places the corpus' own (automatic) lemma; between forenames it is a guess
                    counts[fields[1]] += 1
            previous = {name: triples for name, triples in names.items() if "imię" in quals[name]}
    return counts


def write_counts(counts: Counter, out: Path, header: list[str]) -> int:
    """``name<TAB>count`` lines under ``header``, names counted fewer than MIN_USAGE times left out (a name met
    a few times tells nothing: the corpus lemmas are automatic, Żolibórz beside Żoliborz); the rows written."""
    rows = [f"{name}\t{count}" for name, count in sorted(counts.items()) if count >= MIN_USAGE]
    out.write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    return len(rows)


def write_name_usage(counts: Counter, out: Path) -> int:
    return write_counts(counts, out, [
        "# How often a proper name was meant by a form shared by several (kronika.morph.lemmatize).",
        "# source: counted by scripts/learn_lemma_suffixes.py over NKJP 1M (train split, where its name label,",
        "# or for places the corpus lemma, or the surname agreeing with a forename allows one reading only;",
        "# CC BY 4.0, via CLARIN-PL PolDeepNer) with morfeusz2 readings (BSD-2); licence: CC BY 4.0.",
        f"# Format: name (lemma), count (names used at least {MIN_USAGE} times).",
    ])


def learn_forename_nominatives(nkjp: Path) -> Counter:
    """How often the NKJP training text names each forename by its nominative, where the form, in the
    singular, is no other forename's (*Jacek*, not *Jacka*, which is Jacek's or Jack's genitive): how
    common the forename is, to choose between two whose oblique forms coincide."""
    counts: Counter = Counter()
    morphology = get_morphology()
    with gzip.open(nkjp, "rt", encoding="utf-8") as handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 4 or "persName-forename" not in fields[3] or not fields[0].isalpha():
                continue
            readings = [i for i in morphology.analyse(fields[0]) if "imię" in i.quals
                        and any(full.split(":")[1] == "sg" for full in expand_tag(i.tag))]
            lemmas = {i.lemma.split(":")[0] for i in readings}
            if len(lemmas) == 1 and any(":nom" in full for i in readings for full in expand_tag(i.tag)):
                counts[lemmas.pop()] += 1
    return counts


def write_forename_nominatives(counts: Counter, out: Path) -> int:
    return write_counts(counts, out, [
        "# How often a forename was named by its own nominative (kronika.morph.lemmatize): which of two",
        "# forenames a shared oblique form stands for when nothing else tells (Jacka: Jacek, not Jack).",
        "# source: counted by scripts/learn_lemma_suffixes.py over NKJP 1M (train split, tokens labelled as",
        "# forenames whose singular readings are the nominative of one forename only; CC BY 4.0, via CLARIN-PL",
        "# PolDeepNer) with morfeusz2 readings (BSD-2); licence: CC BY 4.0.",
        f"# Format: forename (lemma), count (forenames named at least {MIN_USAGE} times).",
    ])


def learn(train: Path, corrections: Path | None = None) -> Examples:
    counts = Examples()
    lemmas: dict[str, str] = {}
    morphology = get_morphology()
    if corrections:
        add_corrections(counts, lemmas, base_form_pairs(corrections))
    with train.open(encoding="utf-8") as handle:
        for lemma, orth, _bases, ctags, _spaces, category in map(read_row, handle):
            cls = name_class(category)
            cls = "other" if cls == "adjective" else cls
            forms, tags, bases = orth.split(" "), ctags.split(" "), _WORD.findall(lemma)
            if len(forms) != len(bases) or len(forms) != len(tags):
                continue
            for form, tag, base in zip(forms, tags, bases, strict=True):
                if not (form[:1].isupper() and form.isalpha() and base.isalpha()):
                    continue
                if all(i.tag == "ign" for i in morphology.analyse(form)):
                    count(counts, cls, "*", form, base)  # case unknown: what unknown words in texts look like
                if (key := case_key(tag)) != "*":
                    count(counts, cls, key, form, base)
                lemmas.setdefault(base, cls)
    add_paradigms(counts, lemmas)
    return counts


def add_corrections(counts: Examples, lemmas: dict[str, str],
                    pairs: list[tuple[str, str, str | None]]) -> None:
    """Count the base-form pairs people corrected, word by word where form and base have as many words."""
    morphology = get_morphology()
    for text, lemma, category in pairs:
        cls = name_class(category)
        cls = "other" if cls in ("adjective", "unknown") else cls
        forms, bases = _WORD.findall(text), _WORD.findall(lemma)
        if len(forms) != len(bases):
            continue
        for form, base in zip(forms, bases, strict=True):
            if form[:1].isupper() and form.isalpha() and base.isalpha():
                if all(i.tag == "ign" for i in morphology.analyse(form)):
                    count(counts, cls, "*", form, base)
                lemmas.setdefault(base, cls)


def add_paradigms(counts: Examples, lemmas: dict[str, str]) -> None:
    """Every case form of each name SGJP knows, in the number its base form has."""
    morphology = get_morphology()
    for base, cls in lemmas.items():
        numbers = {
            full.split(":")[1]
            for i in morphology.analyse(base)
            if i.pos == "subst" and i.lemma == base and _NAME_QUALIFIERS.intersection(i.quals)
            for full in expand_tag(i.tag) if full.split(":")[2] == "nom"
        }
        if not numbers:
            continue
        seen = set()
        for form, tag, quals in morphology.generate(base):
            if not _NAME_QUALIFIERS.intersection(quals) or not tag.startswith("subst"):
                continue
            for full in expand_tag(tag):
                _pos, number, case, *_ = full.split(":")
                if number in numbers and (form, case, number) not in seen:
                    seen.add((form, case, number))
                    count(counts, cls, f"{case}:{number}", form, base)


def lookup(best: dict[Key, tuple[int, str]], cls: str, case: str, ending: str) -> tuple[int, str] | None:
    """The rule ``kronika.lang.base_forms.guess_base`` applies: at the longest ending with a rule, the
    class's own rule, else the rule pooled over all classes."""
    for size in range(len(ending), 0, -1):
        for rule_class in (cls, POOLED):
            if (rule := best.get((rule_class, case, ending[-size:]))) is not None:
                return rule
    return None


def write(counts: Examples, out: Path, min_count: int) -> int:
    pooled = Examples()
    for (cls, case, ending), rules in counts.items():
        pooled[(POOLED, case, ending)].update(rules)
        pooled.words[(POOLED, case, ending)] |= counts.words[(cls, case, ending)]
    best: dict[Key, tuple[int, str]] = {}
    # pooled rules first, then each class's where it differs from what the lookup would give without it
    for table in (pooled, counts):
        for key in sorted(table, key=lambda k: len(k[2])):
            if sum(table[key].values()) >= min_count and len(table.words[key]) >= MIN_WORDS:
                rule = table[key].most_common(1)[0][0]
                if rule != lookup(best, *key):
                    best[key] = rule
    lines = [
        "# Suffix rules for the base forms of words Morfeusz does not know (kronika.lang.base_forms).",
        "# source: learned by scripts/learn_lemma_suffixes.py from the Polem KPWr name lemmas (train split;",
        "# KPWr CC BY, via CLARIN-PL Polem, LGPL-3) and SGJP paradigms from morfeusz2 (BSD-2); licence: CC BY 4.0.",
        "# Format: class, case:number (or * for any), word ending, letters to strip, letters to append.",
        "# The longest matching ending wins, the class's rule before the one pooled over all classes (any);",
        "# an ending absent here takes the rule of the next shorter one.",
    ]
    lines += [f"{c}\t{k}\t{e}\t{s}\t{a}" for (c, k, e), (s, a) in sorted(best.items())]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(best)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--train", type=Path, default=DEFAULT_TRAIN)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--genders-out", type=Path, default=GENDERS_OUT)
    parser.add_argument("--usage-out", type=Path, default=USAGE_OUT)
    parser.add_argument("--forenames-out", type=Path, default=FORENAMES_OUT)
    parser.add_argument("--nkjp", type=Path, default=NKJP_TRAIN)
    parser.add_argument("--min-count", type=int, default=MIN_COUNT)
    parser.add_argument("--corrections", type=Path, metavar="FILE",
                        help="a `kronika corrections export` file: its base-form pairs "
                        "are added to the suffix rules' examples")
    args = parser.parse_args()
    written = write(learn(args.train, args.corrections), args.out, args.min_count)
    print(f"{written} rules → {args.out}")
    written = write_genders(learn_adjective_genders(args.train), args.genders_out)
    print(f"{written} category genders → {args.genders_out}")
    written = write_name_usage(learn_name_usage(args.nkjp), args.usage_out)
    print(f"{written} name usage counts → {args.usage_out}")
    written = write_forename_nominatives(learn_forename_nominatives(args.nkjp), args.forenames_out)
    print(f"{written} forename counts → {args.forenames_out}")


if __name__ == "__main__":
    main()
