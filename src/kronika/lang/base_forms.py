"""How a Polish word Morfeusz does not know is lemmatised: the one base-form guesser.

A word no dictionary knows (a foreign surname, a rare village: *Rückemanna*, *Szackiem*, *Typelówny*) gets
its base form from its ending, in two steps:

1. the hand-written oblique endings of Polish person and place names — endings no nominative of such a
   name has (``resources/pl/lemma_person_endings.tsv``: *Typelówny* → *Typelówna*, *Iwanowych* →
   *Iwanow*; ``lemma_place_endings.tsv``: *Szackiem* → *Szack*, *Oranami* → *Orany*);
2. suffix rules learned from the Polem KPWr training names by ``scripts/learn_lemma_suffixes.py``
   (``lemma_suffix_rules.tsv``): per name class and case, the rule of the longest known ending.

A case already known to be the nominative leaves the word as it is, and so does a vowel ending after a
vowel, which no Polish declension has (*Allgäu*, *Lizarazu*), and, where the case is unknown, a word that
is as written the nominative of a foreign forename, surname or town (``name_nominatives.tsv``: *Lucinda*,
*Ishikawa*, *Ravenna*; in the Polem training names 745 of 762 such words are cited as written). Names
of unknown kind consult the person and the place endings. Words Morfeusz knows are lemmatised by their
readings (``kronika.morph``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from kronika.lang.grammar import CASES
from kronika.lang.resources import language_lines

CLASSES = ("person", "place", "adjective", "other")  # the classes of names the rules know
UNKNOWN = "unknown"  # the class of a name of unknown kind
POOLED = "any"  # suffix rules pooled over all classes, for endings a class has too few examples of
_VOWELS = set("aąeęiouóyäëöüéèáàíìúùâêîôû")
# the hand-written oblique endings each class of names consults before the learned rules
_ENDINGS_CLASSES = {"person": ("person",), "place": ("place",), UNKNOWN: ("person", "place")}


@dataclass(frozen=True, slots=True)
class SuffixRule:
    strip: int
    append: str


def _resource_lines(name: str) -> Iterable[tuple[int, str]]:
    return language_lines("kronika.lang", name)


@lru_cache(maxsize=1)
def _suffix_rules() -> dict[tuple[str, str, str], SuffixRule]:
    """(class, case key, ending) → rule; the case key is ``'gen:sg'`` … or ``'*'`` (case unknown)."""
    rules: dict[tuple[str, str, str], SuffixRule] = {}
    for number, line in _resource_lines("lemma_suffix_rules.tsv"):
        fields = line.split("\t")
        if len(fields) != 5 or fields[0] not in (*CLASSES, POOLED) or not fields[3].isdigit():
            raise ValueError(f"lemma_suffix_rules.tsv line {number}: expected class, case, ending, strip, append")
        cls, case_key, ending, strip, append = fields
        if case_key != "*" and case_key.split(":")[0] not in CASES:
            raise ValueError(f"lemma_suffix_rules.tsv line {number}: unknown case {case_key!r}")
        rules[(cls, case_key, ending)] = SuffixRule(int(strip), append)
    return rules


@lru_cache(maxsize=2)
def _oblique_endings(cls: str) -> dict[str, tuple[str, SuffixRule]]:
    """Ending → (case key, rule) of the hand-written oblique endings of Polish names of a class
    (``lemma_place_endings.tsv``, ``lemma_person_endings.tsv``)."""
    name = f"lemma_{cls}_endings.tsv"
    endings = {}
    for number, line in _resource_lines(name):
        fields = line.split("\t")
        if len(fields) not in (3, 4) or fields[1].split(":")[0] not in CASES or not fields[2].isdigit():
            raise ValueError(f"{name} line {number}: expected ending, case:number, strip[, append]")
        endings[fields[0]] = (fields[1], SuffixRule(int(fields[2]), fields[3] if len(fields) == 4 else ""))
    return endings


def oblique_ending(word: str, cls: str) -> tuple[str, SuffixRule] | None:
    """(case key, rule) of the longest hand-written oblique ending of ``word`` among the endings of
    names of class ``cls`` (places: Szackiem, Oranami, Kalininie; persons: Typelówny, Iwanowych)."""
    lower = word.lower()
    for endings_class in _ENDINGS_CLASSES.get(cls, ()):
        for size in range(min(len(lower) - 2, 6), 1, -1):
            if (found := _oblique_endings(endings_class).get(lower[-size:])) is not None:
                return found
    return None


def guess_base(word: str, cls: str = UNKNOWN, case_key: str = "*") -> str:
    """Base form of a word Morfeusz does not know, as a name of class ``cls`` (``person``, ``place``,
    ``adjective``, ``other`` or ``unknown``) in case ``case_key`` (``'gen:sg'``, ``'*'`` unknown):
    ``guess_base('Szackiem', 'place')`` → ``'Szack'``, ``guess_base('Typelówny', 'person')`` →
    ``'Typelówna'``."""
    if case_key.startswith("nom:"):
        return word
    if case_key == "*" and foreign_name_kind(word) is not None:
        return word  # as written, a foreign name's nominative (Lucinda, Ishikawa): no Polish ending on it
    if (ending := oblique_ending(word, cls)) is not None and case_key in ("*", ending[0]):
        return word[: len(word) - ending[1].strip] + _cased(ending[1].append, word)
    rules = _suffix_rules()
    # a name of unknown kind takes the rules pooled over all kinds: the likeliest reading of its ending
    rule_class = {"adjective": "other", UNKNOWN: POOLED}.get(cls, cls)
    lower = word.lower()
    for size in range(min(len(lower) - 1, 6), 0, -1):
        ending = lower[-size:]
        rule = rules.get((rule_class, case_key, ending)) or rules.get((POOLED, case_key, ending))
        if rule is not None and rule.strip < len(word):
            stem = word[: len(word) - rule.strip]
            if rule.strip == 1 and not rule.append and {word[-1:].lower(), stem[-1:].lower()} <= _VOWELS:
                return word  # a vowel ending after a vowel is no Polish declension (Allgäu, Lizarazu)
            return _hardened(stem + _cased(rule.append, word) if rule.append else _mute_e(stem))
    return word if case_key == "*" else guess_base(word, cls, "*")


@lru_cache(maxsize=1)
def _stem_alternations() -> dict[str, str]:
    alternations = {}
    for number, line in _resource_lines("stem_alternations.tsv"):
        fields = line.split("\t")
        if len(fields) != 2:
            raise ValueError(f"stem_alternations.tsv line {number}: expected softened letters, nominative letters")
        alternations[fields[0]] = fields[1]
    return alternations


def _hardened(base: str) -> str:
    """A guessed nominative with the consonants softened before the locative's -e restored (*Reichspoście*
    → *Reichspost*, as *moście* → *most*)."""
    for softened, hard in _stem_alternations().items():
        if base.lower().endswith(softened):
            return base[: len(base) - len(softened)] + _cased(hard, base)
    return base


def _mute_e(stem: str) -> str:
    """A foreign name's nominative in a mute *-e*, which Polish endings replace (Neville: Nevillowi,
    Clyde: Clydem), where the stem left is no name itself (Georg stays)."""
    if len(stem) > 2 and not foreign_name_kind(stem) and foreign_name_kind(stem + "e"):
        return stem + _cased("e", stem)
    return stem


def _cased(letters: str, word: str) -> str:
    """Appended letters in the word's case: capitals after a word in capitals (TYPELÓWNY → TYPELÓWNA)."""
    return letters.upper() if len(word) > 1 and word.isupper() else letters


@lru_cache(maxsize=1)
def _feminine_surname_endings() -> tuple[str, ...]:
    endings = tuple(line for _, line in _resource_lines("feminine_surname_endings.txt"))
    if any(not e.isalpha() or not e.islower() for e in endings):
        raise ValueError("feminine_surname_endings.txt: expected one lower-case ending a line")
    return endings


def is_feminine_surname(word: str) -> bool:
    """Whether a capitalised ``word`` has the nominative ending of a woman's surname (Reymanowa, Wolska,
    Typelówna)."""
    return word[:1].isupper() and len(word) > 4 and word.lower().endswith(_feminine_surname_endings())


def feminine_surname_base(word: str) -> str | None:
    """The nominative of a capitalised ``word`` in an oblique case of a woman's surname, which declines
    as an adjective (*-iej* after *k*, else *-ej*; *-ą*): *Reymanowej*, *Reymanową* → *Reymanowa*,
    *Bzdrągowskiej* → *Bzdrągowska*; ``None`` for any other word."""
    lower = word.lower()
    for ending in _feminine_surname_endings():
        stem = ending[:-1]
        for oblique in (stem + ("iej" if stem.endswith("k") else "ej"), stem + "ą"):
            if lower.endswith(oblique) and len(word) - len(oblique) >= 2 and word[:1].isupper():
                return word[: len(word) - len(oblique)] + ending
    return None


@lru_cache(maxsize=1)
def _name_nominatives() -> dict[str, str]:
    names = {}
    for number, line in _resource_lines("name_nominatives.tsv"):
        name, _, kinds = line.partition("\t")
        if not kinds or any(kind not in "fsp" for kind in kinds):
            raise ValueError(f"name_nominatives.tsv line {number}: expected name, kinds (f, s, p)")
        names[name] = kinds
    return names


def foreign_name_kind(word: str) -> str | None:
    """The kinds of name (``f`` a forename, ``s`` a surname, ``p`` a town: ``'fs'``) ``word`` is, as written,
    the nominative of, in another language, unknown to SGJP (*Lucinda*, *Ishikawa*, *Ravenna*); ``None``
    for none."""
    return _name_nominatives().get(word[:1].upper() + word[1:])


def guess_bases(word: str) -> list[str]:
    """Every base form ``word`` may have as a name of any kind, in case unknown (what a search indexes an
    unknown word under): ``'Rückemanna'`` → ``['Rückemann']``."""
    return list(dict.fromkeys(guess_base(word, cls) for cls in ("person", "place", "other")))
