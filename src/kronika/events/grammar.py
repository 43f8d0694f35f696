"""Token-level grammar of event extraction: finite verbs, predicates, modifiers, clause breaks, the reading the
tagger chose, tense, support verbs and the prepositions before a noun.

What a token's readings say it can be in general (lemmas, parts of speech, cases, agreement) is in
:mod:`kronika.lang.grammar`; this module adds what the events stage asks beyond that.
"""

from __future__ import annotations

from kronika.lang.grammar import FINITE, NOMINAL, has_pos, lemmas_lower
from kronika.lang.tokens import QUOTES
from kronika.model import Timex, Token

PUNCTUATION_BREAKS = frozenset({",", ";", ":", "–", "—", "-"})
# an active adjectival participle is an attribute, never the predicate of an event (*uderzające postępy*)
PREDICATE = FINITE | {"ppas", "pcon", "pant", "inf", "impt"}


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
        has_pos(token, {"adj", "adja", "num", "adv", "part", "brev", "dig", "romandig", "pact", "ppas"})
        or token.text == "."
        or token.text in QUOTES
    )


def own_date(noun: int, tokens: list[Token], timexes: list[tuple[int, Timex]]) -> bool:
    """A date of the noun's own after it and its genitive attributes: "obrona Grodna (20–21 września)",
    "decyzja najwyższych władz ZSRS z 5 marca 1940"."""
    for first, _timex in timexes:
        between = tokens[noun + 1:first]
        if first <= noun or len(between) > 6 or between and between[-1].text not in "(z":
            continue
        if all(t.text in "(z" or has_pos(t, NOMINAL | {"adj", "ign"}) for t in between):
            return True
    return False


def support_verb(token: Token, support: frozenset[str]) -> bool:
    """A verb of the class as the tagger reads it (*przerwie* after *po* is the noun *przerwa*)."""
    chosen = token.chosen
    if chosen is None:
        return bool(lemmas_lower(token) & support) and has_pos(token, FINITE | {"inf", "ppas"})
    return chosen.lemma.lower() in support and chosen.pos in FINITE | {"inf", "ppas"}


def tense_of(token: Token | None, clause_tokens: list[Token]) -> str | None:
    """"past", "present" or "future" of a predicate, read from its reading and auxiliaries."""
    if token is None:
        return None
    if any(has_pos(t, {"bedzie"}) for t in clause_tokens):
        return "future"
    reading = token.chosen if token.chosen is not None and token.chosen.pos in PREDICATE else next(
        (i for i in token.interps if i.pos in PREDICATE), None)
    if reading is None:
        return None
    if reading.pos in {"praet", "imps", "pant"}:
        return "past"
    if reading.pos == "fin":
        return "future" if "perf" in reading.tag.split(":") else "present"
    if reading.pos == "ppas":
        # "pochowany zostanie": the auxiliary's future
        if any(has_pos(t, {"fin"}) and "perf" in (t.chosen.tag if t.chosen else "").split(":") for t in clause_tokens):
            return "future"
        return "past" if any(has_pos(t, {"praet"}) for t in clause_tokens) else None
    return None


def frame_phrase(tokens: list[Token], noun: int, words: dict[str, frozenset[str]]) -> str | None:
    """The frame phrase an event noun stands in, "during" (*w trakcie zjazdu*) or "before" (*po
    katastrofie*, *w wyniku zamachów*), or None: the clause takes a framed happening as known, so its
    negation is not the happening's, and a happening before the clause is not at its time."""
    # "po tej strasznej katastrofie": adjectives and numerals between
    if preposition_before(tokens, noun, words["frame_prep"]):
        return "during"
    return "before" if preposition_before(tokens, noun, words["anterior_prep"]) else None


def chosen_number(token: Token) -> str | None:
    fields = token.chosen.tag.split(":") if token.chosen else []
    return next((f for f in fields if f in {"sg", "pl"}), None)


def chosen_gender(token: Token) -> str | None:
    fields = token.chosen.tag.split(":") if token.chosen else []
    return next((f for f in fields if f in {"m1", "m2", "m3", "f", "n"}), None)


def governed_by_preposition(tokens: list[Token], noun: int) -> bool:
    """A preposition or a noun before the noun, over adjectives: *poprawki do nowej ustawy*, *projekt
    ustawy* (a complement or an attribute, no subject, no object)."""
    k = noun - 1
    while k >= 0 and chosen_pos(tokens[k]) == "adj":
        k -= 1
    return k >= 0 and (is_preposition(tokens[k]) or chosen_pos(tokens[k]) == "subst")


def chosen_pos(token: Token) -> str:
    """The part of speech of the tagger's reading, "" when the tagger gave none."""
    return token.chosen.pos if token.chosen else ""


def chosen_case(token: Token) -> str | None:
    """The case of the tagger's reading of a noun or adjective (*subst:sg:loc:m3* → loc)."""
    fields = token.chosen.tag.split(":") if token.chosen else []
    return fields[2] if len(fields) > 2 else None


def chosen_lemma(token: Token) -> frozenset[str]:
    return frozenset({token.chosen.lemma.lower()}) if token.chosen else lemmas_lower(token)


def preposition_before(tokens: list[Token], noun: int, prepositions: frozenset[str]) -> bool:
    """Whether one of ``prepositions`` governs the noun, over adjectives and numerals; a noun of a
    compound preposition counts after its own preposition (*w wyniku*, not *wyniki głosowania*)."""
    k = noun - 1
    while k >= 0 and chosen_pos(tokens[k]) in {"adj", "num"}:
        k -= 1
    if k < 0 or not lemmas_lower(tokens[k]) & prepositions:
        return False
    return is_preposition(tokens[k]) or k > 0 and is_preposition(tokens[k - 1])
