"""Token-level grammar of event extraction: finite verbs, modifiers, clause breaks.

What a token's readings say it can be in general (lemmas, parts of speech, cases, agreement) is in
:mod:`kronika.lang.grammar`; this module adds what the events stage asks beyond that.
"""

from __future__ import annotations

from kronika.lang.grammar import FINITE, NOMINAL, has_pos
from kronika.model import Token

PUNCTUATION_BREAKS = frozenset({",", ";", ":", "–", "—", "-"})
QUOTES = frozenset("„”\"«»‚‘’'")


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
