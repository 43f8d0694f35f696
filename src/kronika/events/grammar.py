"""Token-level Polish grammar used by event extraction.

The disambiguator's single chosen reading is often wrong on rare words, so these predicates look at
all Morfeusz readings of a token and ask what it *can* be.
"""

from __future__ import annotations

from kronika.model import Interp, Token

FINITE = frozenset({"fin", "praet", "imps", "bedzie", "winien", "pred"})
VERBAL = FINITE | {"inf", "ppas", "pact", "pcon", "pant", "impt"}
NOMINAL = frozenset({"subst", "depr", "ger", "ppron3", "ppron12"})
CASES = ("nom", "gen", "dat", "acc", "inst", "loc", "voc")
PUNCTUATION_BREAKS = frozenset({",", ";", ":", "–", "—", "-"})
QUOTES = frozenset("„”\"«»‚‘’'")


# What the stage asks of a token again and again (its lemmas, its parts of speech), computed once per
# distinct analysis: the morphology stage shares one tuple of readings among the tokens of one form, so
# the facts are kept by that tuple's id (the tuple itself is kept too, so that its id is never reused).
_FACTS: dict[int, tuple[tuple[Interp, ...], frozenset[str], frozenset[str], frozenset[str]]] = {}
_FACTS_LIMIT = 200_000


def _facts(token: Token) -> tuple[tuple[Interp, ...], frozenset[str], frozenset[str], frozenset[str]]:
    interps = token.interps
    if not interps:
        text = frozenset({token.text})
        return interps, text, frozenset({token.text.lower()}), frozenset()
    facts = _FACTS.get(id(interps))
    if facts is None or facts[0] is not interps:
        found = frozenset(i.lemma for i in interps)
        facts = (interps, found, frozenset(lemma.lower() for lemma in found),
                 frozenset(i.tag.partition(":")[0] for i in interps))
        if len(_FACTS) >= _FACTS_LIMIT:
            _FACTS.clear()
        _FACTS[id(interps)] = facts
    return facts


def lemmas(token: Token) -> frozenset[str]:
    """The token's lemmas (readings carry them without SGJP homonym marks), or its form when it has none."""
    return _facts(token)[1]


def lemmas_lower(token: Token) -> frozenset[str]:
    return _facts(token)[2]


def has_pos(token: Token, parts_of_speech: frozenset[str] | set[str], lemma: str | None = None) -> bool:
    if lemma is None:
        return not _facts(token)[3].isdisjoint(parts_of_speech)
    return any(i.pos in parts_of_speech and i.lemma == lemma for i in token.interps)


def is_finite(token: Token, previous: Token | None = None) -> bool:
    """A token that heads a clause: a finite verb form. A word that may also be a noun or adjective
    (*głębi*, *przyjaźni*) counts only when the tagger chose the verb and no preposition precedes it."""
    if not has_pos(token, FINITE) or all(i.lemma[:1].isupper() for i in token.interps):
        return False
    if not has_pos(token, NOMINAL | {"adj", "num"}):
        return True
    chosen_verb = token.chosen is not None and token.chosen.pos in FINITE
    return chosen_verb and not (previous is not None and is_preposition(previous))


def is_preposition(token: Token) -> bool:
    return has_pos(token, {"prep"})


def is_modifier(token: Token) -> bool:
    """Words that may stand between a preposition or noun and the noun phrase it governs."""
    return (
        has_pos(token, {"adj", "adja", "num", "adv", "qub", "brev", "dig", "romandig", "pact", "ppas"})
        or token.text == "."
        or token.text in QUOTES
    )


def cases(token: Token, parts_of_speech: frozenset[str] = NOMINAL) -> frozenset[str]:
    """Cases a nominal token may be in; empty when it has no nominal reading (unknown words)."""
    found: set[str] = set()
    for interp in token.interps:
        if interp.pos in parts_of_speech:
            for part in interp.tag.split(":")[1:]:
                found.update(c for c in part.split(".") if c in CASES)
    return frozenset(found)


def agreement(token: Token) -> set[tuple[str, str]]:
    """(number, gender class) pairs a verb form allows: ``stoczyła`` → {(sg, f)}."""
    pairs: set[tuple[str, str]] = set()
    for interp in token.interps:
        if interp.pos not in {"praet", "fin", "bedzie", "ppas", "winien"}:
            continue
        parts = interp.tag.split(":")
        numbers = parts[1].split(".") if len(parts) > 1 else []
        genders = next((p.split(".") for p in parts[2:] if p.split(".")[0] in {"m1", "m2", "m3", "f", "n"}),
                       ["any"])
        pairs.update((n, g) for n in numbers for g in genders)
    return pairs


def noun_agreement(token: Token) -> set[tuple[str, str]]:
    """(number, gender) pairs of a noun's nominative readings."""
    pairs: set[tuple[str, str]] = set()
    for interp in token.interps:
        parts = interp.tag.split(":")
        if interp.pos in NOMINAL and len(parts) > 3 and "nom" in parts[2].split("."):
            pairs.update((n, g) for n in parts[1].split(".") for g in parts[3].split("."))
    return pairs


def agrees(verb: Token, noun: Token) -> bool:
    """Whether a nominative noun can be the subject of a verb form; unknown forms agree."""
    verb_pairs, noun_pairs = agreement(verb), noun_agreement(noun)
    if not verb_pairs or not noun_pairs:
        return True
    for number, gender in verb_pairs:
        if number == "pl":
            return True  # coordinated subjects ("Niemcy i Rosja") make any plural verb possible
        if any(n == number and (gender == "any" or g == gender) for n, g in noun_pairs):
            return True
    return False


def number_gender(token: Token) -> set[tuple[str, str]]:
    """(number, gender) pairs of any nominal or adjectival reading (*którzy* → {(pl, m1)})."""
    pairs: set[tuple[str, str]] = set()
    for interp in token.interps:
        parts = interp.tag.split(":")
        if interp.pos in NOMINAL | {"adj"} and len(parts) > 3:
            pairs.update((n, g) for n in parts[1].split(".") for g in parts[3].split("."))
    return pairs
