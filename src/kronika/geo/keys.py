"""Look-up keys for place names: folding, and the base-form candidates of an inflected mention.

The index stores only folded keys (lower case, no diacritics, ``ł`` → ``l``, hyphens as spaces), so
*Lwów*, *Lwow* and *LWÓW* meet. A mention in any case form is turned into candidate base forms by,
in order: Morfeusz's geographic lemmas, adjective gender variants for multiword names
(*Rawie Ruskiej* → *Rawa Ruska*), and suffix rules for words Morfeusz lacks (*Szackiem* → *Szack*).
Every candidate is checked against the index, so over-generation costs only a look-up; that is why
these suffix rules are the geocoder's own (every ending that may apply, the mobile *e* restored) and not
the one-answer guesser :mod:`kronika.lang.base_forms` (see docs/language.md).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

from kronika.lang.fold import fold as fold_text
from kronika.lang.grammar import place_prepositions
from kronika.lang.resources import read_table
from kronika.lang.tokens import QUOTES

_SEPARATORS = re.compile(r"[\s\-‐–—_/]+")
_DROP = re.compile("[" + re.escape("".join(sorted(QUOTES | set("'`´.,;:()[]")))) + "]")
_MAX_COMBINATIONS = 32
_WORD_PARTS = re.compile(r"([\s\-‐–—]+)")


# SGJP's qualifiers of a geographic name and of a part of one (Golub of Golub-Dobrzyń)
NAME_PART = "człon_nazwy_geograficznej"
GEOGRAPHIC_QUALIFIERS = frozenset({"nazwa_geograficzna", NAME_PART})

_PLAIN = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*")


def fold(name: str) -> str:
    """The look-up key of a name: folded (:func:`kronika.lang.fold.fold`), punctuation dropped, hyphens and
    runs of spaces as one space: ``'Brześć nad  Bugiem'`` → ``'brzesc nad bugiem'``; ``'Ivano-Frankivsk'`` →
    ``'ivano frankivsk'``."""
    text = fold_text(name)
    if _PLAIN.fullmatch(text):  # the common case
        return text
    return _SEPARATORS.sub(" ", _DROP.sub("", text)).strip()


def _load_suffix_rules() -> tuple[tuple[str, str], ...]:
    """(ending, replacement) pairs from ``resources/pl/inflection_suffixes.tsv``, longest ending first."""
    rules: list[tuple[str, str]] = []
    for number, (ending, replacement) in read_table("kronika.geo", "resources/pl/inflection_suffixes.tsv", 2):
        if not ending or ending != ending.lower():
            raise ValueError(f"inflection_suffixes.tsv line {number}: the ending must be lower case, not empty")
        rules.append((ending, replacement))
    return tuple(sorted(rules, key=lambda rule: -len(rule[0])))


_SUFFIX_RULES = _load_suffix_rules()


@lru_cache(maxsize=1)
def name_abbreviations() -> dict[str, str]:
    """The abbreviations of place names' qualifying words (``resources/pl/name_abbreviations.tsv``), without
    their dot: ``'Wlkp'`` → wielkopolski, ``'Król'`` → królewski."""
    return {abbreviation: word for _, (abbreviation, word) in read_table(
        "kronika.geo", "resources/pl/name_abbreviations.tsv", ("abbreviation", "word"), header=True)}
_VOWELS = set("aeiouyąęó")


def suffix_candidates(word: str) -> list[str]:
    """Nominative guesses for a word Morfeusz does not know: ``'Oranami'`` → ``'Orany'``, ...

    With a mobile *e* restored when stripping leaves two final consonants (*Kowl-* → *Kowel*)."""
    lower = word.lower()
    found: list[str] = []
    for ending, replacement in _SUFFIX_RULES:
        if lower.endswith(ending) and len(lower) - len(ending) >= 2:
            stem = word[: len(word) - len(ending)]
            found.append(stem + replacement)
            if not replacement and len(stem) >= 3 and not (_VOWELS & set(stem[-2:].lower())):
                found.append(stem[:-1] + "e" + stem[-1])
    return list(dict.fromkeys(found))


def _adjective_variants(lemma: str) -> list[str]:
    """The three singular genders of an adjective lemma: ``'ruski'`` → ruski, ruska, ruskie."""
    if lemma.endswith("i"):
        return [lemma, lemma[:-1] + "a", lemma + "e"]
    if lemma.endswith("y"):
        return [lemma, lemma[:-1] + "a", lemma[:-1] + "e"]
    return [lemma]


@lru_cache(maxsize=100_000)
def word_candidates(word: str) -> tuple[str, ...]:
    """Base forms one word of a place mention may stand for, the word itself first."""
    from kronika.morph.analyzer import get_morphology  # here: names found as written never load Morfeusz

    if word.endswith(".") and (full := name_abbreviations().get(word[:-1])):  # "Król." → Królewska
        return (word, *_adjective_variants(full))
    found: list[str] = [word]
    known = False
    for interp in get_morphology().analyse(word):
        if interp.tag == "ign":
            continue
        known = True
        if interp.pos == "adj" or interp.pos == "adjp":
            found.extend(_adjective_variants(interp.lemma))
        elif interp.pos == "subst" and (
            "nazwa_geograficzna" in interp.quals or (interp.lemma[:1].isupper() and not interp.quals)
            # a singular part of a compound name is often a town's older name (Golub of Golub-Dobrzyń); a
            # plural one is a word of a plural name (Chełm: Małe Chełmy's genitive)
            or NAME_PART in interp.quals and interp.tag.split(":")[1] == "sg"
        ):
            found.append(interp.lemma.split(":", 1)[0])
    if not known or len(found) == 1:
        found.extend(suffix_candidates(word))
    return tuple(dict.fromkeys(found))


def mention_forms(mention: str) -> list[str]:
    """The mention's candidate base forms as written words, most literal first: each word one of its
    :func:`word_candidates`, joined by the mention's own spaces and hyphens. Each part of a hyphenated name
    declines on its own (*Bielsku-Białej* → Bielsko-Biała)."""
    parts = _WORD_PARTS.split(mention.strip())
    words, separators = parts[0::2], [*parts[1::2], ""]
    options: list[tuple[str, ...]] = []
    frozen = False
    for word in words:
        options.append((word,) if frozen or not any(ch.isalpha() for ch in word) else word_candidates(word))
        frozen = frozen or word.lower() in place_prepositions()  # Brześciu nad Bugiem: the rest stays
    forms: list[str] = []
    for count, combination in enumerate(product(*options)):
        if count >= _MAX_COMBINATIONS:
            break
        forms.append("".join(word + separator for word, separator in zip(combination, separators, strict=True)))
    return forms


def mention_keys(mention: str) -> list[str]:
    """Folded keys to try for a mention, most literal first (the mention itself, then lemmas); a hyphen is
    a space in a key."""
    return list(dict.fromkeys(key for key in map(fold, mention_forms(mention)) if key))
