"""Token grammar: what a token's Morfeusz readings say it can be, for every stage.

A disambiguator's single chosen reading is often wrong on rare words and names, so these predicates
look at all readings of a token and ask what it *can* be: its lemmas, parts of speech and cases,
whether a modifier can agree with a head or a noun be the subject of a verb, whether a preposition
takes a place.
"""

from __future__ import annotations

from functools import lru_cache

from kronika.lang.resources import language_text, parse_table
from kronika.model import Interp, Token

NOMINAL = frozenset({"subst", "depr", "ger", "ppron3", "ppron12"})
CASES = ("nom", "gen", "dat", "acc", "inst", "loc", "voc")
# SGJP qualifiers of proper names: forenames, surnames, bynames, pseudonyms, places, bodies, other names
PROPER_QUALIFIERS = frozenset({"imię", "nazwisko", "przydomek", "pseudonim", "nazwa_geograficzna",
                               "nazwa_organizacji", "nazwa_własna"})
# Finite verb forms: present or future (fin), past (praet), impersonal (imps), the future of "być"
# (bedzie) and "winien"; with the predicatives (pred: "trzeba", "można"), what may head a clause.
FINITE_VERBS = frozenset({"fin", "praet", "imps", "bedzie", "winien"})
FINITE = FINITE_VERBS | {"pred"}
# The verb's other forms: the infinitive, the imperative, the adverbial participles (pcon, pant) and the
# adjectival ones (ppas, pact), which govern their objects as the verb does.
NON_FINITE_VERBS = frozenset({"inf", "impt", "pcon", "pant", "ppas", "pact"})
_MODIFIERS = ("adj", "ppas", "pact")
_HEADS = ("subst", "depr")


# What stages ask of a token again and again (its lemmas, its parts of speech), computed once per distinct
# analysis: the morphology stage shares one tuple of readings among the tokens of one form, so the facts
# are kept by that tuple's id (the tuple itself is kept too, so that its id is never reused).
_Facts = tuple[tuple[Interp, ...], frozenset[str], frozenset[str], frozenset[str]]
_FACTS: dict[int, _Facts] = {}
_FACTS_LIMIT = 200_000


def _facts(token: Token) -> _Facts:
    """(readings, lemmas, lower-cased lemmas, parts of speech) of a token."""
    interps = token.interps
    if not interps:
        return interps, frozenset({token.text}), frozenset({token.text.lower()}), frozenset()
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
    """The token's lemmas as Morfeusz gives them (without SGJP homonym marks), or its form when it has none."""
    return _facts(token)[1]


def lemmas_lower(token: Token) -> frozenset[str]:
    return _facts(token)[2]


def known_lemmas(token: Token) -> frozenset[str]:
    """The token's lower-cased lemmas from the dictionary: empty for a word Morfeusz does not know."""
    return frozenset(i.lemma.lower() for i in token.interps if i.tag != "ign")


def has_pos(token: Token, parts_of_speech: frozenset[str] | set[str], lemma: str | None = None) -> bool:
    """Some reading of the token is one of ``parts_of_speech`` (with the lemma ``lemma``, when given)."""
    if lemma is None:
        return not _facts(token)[3].isdisjoint(parts_of_speech)
    return any(i.pos in parts_of_speech and i.lemma == lemma for i in token.interps)


def lemmas_and_form(token: Token) -> frozenset[str]:
    """Every lower-cased lemma of a token and its own lower-cased form: what a
    word listed in a lexicon may match."""
    # Cached by the identity of the readings tuple, which the tagger shares between all tokens of a form:
    # hashing the readings themselves cost more than the look-up saved. The entry keeps the tuple alive,
    # so its identity cannot be reused while the entry stands.
    key = (token.text, id(token.interps))
    entry = _LEMMAS_AND_FORM.get(key)
    if entry is None:
        if len(_LEMMAS_AND_FORM) >= _CACHE_SIZE:
            _LEMMAS_AND_FORM.clear()
        entry = _LEMMAS_AND_FORM[key] = (
            token.interps, frozenset({i.lemma.lower() for i in token.interps} | {token.text.lower()}))
    return entry[1]


_LEMMAS_AND_FORM: dict[tuple[str, int], tuple[tuple[Interp, ...], frozenset[str]]] = {}
_CACHE_SIZE = 200_000


def cases(token: Token, parts_of_speech: frozenset[str] | tuple[str, ...] = NOMINAL) -> frozenset[str]:
    """Cases the token may be in as one of ``parts_of_speech``; empty when it has no such reading."""
    found: set[str] = set()
    for interp in token.interps:
        if interp.pos in parts_of_speech:
            for part in interp.tag.split(":")[1:]:
                found.update(c for c in part.split(".") if c in CASES)
    return frozenset(found)


def case_agrees(modifier: Token, head: Token) -> bool:
    """A modifier (adjective, participle) may modify the head noun: some case in common (gender is left
    aside: heads of names vary). The agreement of a subject and its verb is :func:`subject_agrees`."""
    return bool(cases(modifier, _MODIFIERS) & cases(head, _HEADS))


def _case_number_gender(token: Token, parts_of_speech: tuple[str, ...]) -> set[tuple[str, str, str]]:
    triples: set[tuple[str, str, str]] = set()
    for interp in token.interps:
        parts = interp.tag.split(":")
        if interp.pos in parts_of_speech and len(parts) > 3:
            triples.update((c, n, g) for n in parts[1].split(".") for c in parts[2].split(".")
                           for g in parts[3].split("."))
    return triples


def fully_agrees(modifier: Token, head: Token) -> bool:
    """A modifier agrees with the head noun in case, number and gender at once (*Towarzystwa naukowego*;
    not *Towarzystwa polską*, which share a case only): the test for a lower-case word, which no capital
    ties to a name."""
    return bool(_case_number_gender(modifier, _MODIFIERS) & _case_number_gender(head, _HEADS))


def _verb_agreement(token: Token) -> set[tuple[str, str]]:
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


def _nominative_agreement(token: Token) -> set[tuple[str, str]]:
    """(number, gender) pairs of a noun's nominative readings."""
    pairs: set[tuple[str, str]] = set()
    for interp in token.interps:
        parts = interp.tag.split(":")
        if interp.pos in NOMINAL and len(parts) > 3 and "nom" in parts[2].split("."):
            pairs.update((n, g) for n in parts[1].split(".") for g in parts[3].split("."))
    return pairs


def subject_agrees(verb: Token, noun: Token) -> bool:
    """A nominative noun may be the subject of a verb form (number and gender); unknown forms agree."""
    verb_pairs, noun_pairs = _verb_agreement(verb), _nominative_agreement(noun)
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


@lru_cache(maxsize=4)
def _place_prepositions(language: str = "pl") -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(every preposition of place, those before which a place mostly follows, those inside place names);
    complex prepositions (*na wschód od*) are kept apart, by :func:`complex_prepositions_before_places`."""
    name = "place_prepositions.tsv"
    columns = ("preposition", "cases", "before_place", "in_name")
    rows = parse_table(language_text("kronika.lang", name, language), name, columns, header=True, non_empty=True)
    for number, (_, governed, before, inside) in rows:
        if {before, inside} - {"yes", "no"} or set(governed.split()) - set(CASES):
            raise ValueError(f"{name} line {number}: expected cases, then yes or no twice")
    rows = [row for row in rows if " " not in row.fields[0]]
    every = frozenset(row.fields[0] for row in rows)
    before_place = frozenset(row.fields[0] for row in rows if row.fields[2] == "yes")
    in_name = frozenset(row.fields[0] for row in rows if row.fields[3] == "yes")
    return every, before_place, in_name


@lru_cache(maxsize=4)
def complex_prepositions_before_places(language: str = "pl") -> frozenset[tuple[str, ...]]:
    """Complex prepositions a place name mostly follows, as their words: *w kierunku*, *na wschód od*."""
    name = "place_prepositions.tsv"
    columns = ("preposition", "cases", "before_place", "in_name")
    rows = parse_table(language_text("kronika.lang", name, language), name, columns, header=True, non_empty=True)
    return frozenset(tuple(row.fields[0].split()) for row in rows if " " in row.fields[0] and row.fields[2] == "yes")


def place_prepositions() -> frozenset[str]:
    """Every preposition of place: after one, the rest of a name is governed, not inflected."""
    return _place_prepositions()[0]


def prepositions_before_places() -> frozenset[str]:
    """Prepositions a place name mostly follows in a narrative: *pod Kowlem*, *koło Lwowa*."""
    return _place_prepositions()[1]


def prepositions_in_place_names() -> frozenset[str]:
    """Prepositions that open the qualifier of a place name: *Brześć nad Bugiem*."""
    return _place_prepositions()[2]


@lru_cache(maxsize=4)
def _place_question_prepositions(language: str = "pl") -> dict[str, str]:
    name = "place_question_prepositions.tsv"
    rows = parse_table(language_text("kronika.lang", name, language), name, ("preposition", "direction"),
                       header=True, non_empty=True)
    for number, (_, direction) in rows:
        if direction not in {"at", "to", "from"}:
            raise ValueError(f"{name} line {number}: expected the direction at, to or from")
    return {row.fields[0]: row.fields[1] for row in rows}


def place_question_direction(preposition: str) -> str | None:
    """The question of place (at, to, from) a preposition asks: *w* → at, *do* → to, *z* → from;
    ``None`` for a preposition of no such question."""
    return _place_question_prepositions().get(preposition)


_QUESTION_CASES = {"at": frozenset({"loc"}), "to": frozenset({"gen"}), "from": frozenset({"gen"})}


@lru_cache(maxsize=4)
def _governed_cases(language: str = "pl") -> dict[str, frozenset[str]]:
    name = "place_prepositions.tsv"
    rows = parse_table(language_text("kronika.lang", name, language), name,
                       ("preposition", "cases", "before_place", "in_name"), header=True, non_empty=True)
    cases = {row.fields[0]: frozenset(row.fields[1].split()) for row in rows if " " not in row.fields[0]}
    questions = _place_question_prepositions(language)
    cases.update((word, _QUESTION_CASES[direction]) for word, direction in questions.items())
    return cases


def place_preposition_cases(preposition: str) -> frozenset[str]:
    """The cases in which a name after a preposition of place says where: *w* + locative, *do*/*z* +
    genitive (the questions of place), *pod* + instrumental or accusative, *koło* + genitive, *przez* +
    accusative (``place_prepositions.tsv``); empty for any other word (*od*, *dla*)."""
    return _governed_cases().get(preposition, frozenset())
