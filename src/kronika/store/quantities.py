"""Counted quantities in a sentence: a number (digits with spaced thousands, or numeral words), an
optional multiplier (*tys.*, *mln*), an optional precision word before it (*około*, *ponad*,
*prawie*), and the noun counted (*320 000 obywateli* → 320000 × *obywatel*).

Numbers inside a timex or a name (*52. Dywizja*) are not quantities; ordinals (a number followed by a
dot and a word) are not either. Polish counts a plural noun after every number but one, so a number
before a singular noun is a year or an ordinal (*1794 grupa*, *19 wieku*), not a count; a lone *jeden*
is mostly "one of", not a count either.
"""

from __future__ import annotations

from dataclasses import dataclass

from kronika.model import Sentence, Token
from kronika.morph.analyzer import strip_homonym, tag_has
from kronika.store.resources import quantity_words

_VERB_CLASSES = {"fin", "praet", "imps", "ppas", "inf", "bedzie", "pact", "winien", "pred"}
_NOUN_CLASSES = {"subst", "ger", "depr"}
_SKIPPABLE = {"adj", "adja", "adjp"}  # "320 000 polskich obywateli": adjectives before the noun


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int
    end: int
    text: str
    value: float
    unit: str  # lemma of the counted noun
    modifier: str | None  # approx / more / less
    predicate: str | None  # lemma of the sentence's first verb


def _words(token: Token) -> set[str]:
    """The token's lower-cased text and lemmas: abbreviations (*ok*, *tys*) are known by their text."""
    return {token.text.lower()} | {strip_homonym(i.lemma).lower() for i in token.interps or ()}


def _lookup(token: Token, table: dict[str, float] | dict[str, int]) -> float | None:
    for word in sorted(_words(token)):
        if word in table:
            return table[word]
    return None


def _counted_noun_lemma(token: Token, value: float) -> str | None:
    """The lemma of the token's noun reading that a number ``value`` can count: plural unless the
    number is one (the chosen reading first)."""
    readings = [token.chosen, *token.interps] if token.chosen else list(token.interps)
    number = "sg" if value == 1 else "pl"
    for interp in readings:
        if interp is not None and interp.pos in _NOUN_CLASSES and tag_has(interp.tag, number, 1):
            return strip_homonym(interp.lemma)
    return None


def _predicate(sentence: Sentence) -> str | None:
    for token in sentence.tokens:
        if token.tag.split(":", 1)[0] in _VERB_CLASSES:
            return strip_homonym(token.lemma)
    return None


def _number_at(text: str, tokens: list[Token], index: int) -> tuple[float, int] | None:
    """The number starting at ``tokens[index]`` and the index after it."""
    words = quantity_words()
    token = tokens[index]
    if token.text.isdigit():
        digits, end = token.text, index + 1
        # "320 000": groups of three digits separated by a space continue the number
        while (end < len(tokens) and len(tokens[end].text) == 3 and tokens[end].text.isdigit()
               and text[tokens[end - 1].end:tokens[end].start] in {" ", "\u00a0", "\u202f"}):
            digits += tokens[end].text
            end += 1
        return float(digits), end
    total, end = 0, index
    while end < len(tokens) and (value := _lookup(tokens[end], words.numerals)) is not None:
        total += int(value)
        end += 1
    return (float(total), end) if end > index else None


def _modifier(tokens: list[Token], index: int) -> tuple[str | None, int]:
    modifiers = quantity_words().modifiers
    for width in (2, 1):
        first = index - width
        if first < 0:
            continue
        window = tokens[first:index]
        if window[-1].text == "." and first > 0:  # "ok. 22": the abbreviation's dot
            window = tokens[first - 1:index - 1]
        candidates = [""]
        for token in window:
            candidates = [f"{c} {w}".strip() for c in candidates for w in sorted(_words(token))]
        for phrase in candidates:
            if phrase in modifiers:
                return modifiers[phrase], window[0].start
    return None, tokens[index].start


def find_quantities(text: str, sentence: Sentence, excluded: list[tuple[int, int]]) -> list[Quantity]:
    """Quantities of one sentence; ``excluded`` are spans (timexes, names) whose numbers do not count."""
    words = quantity_words()
    tokens = sentence.tokens
    predicate = _predicate(sentence)
    found: list[Quantity] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        inside = any(s <= token.start < e for s, e in excluded)
        number = None if inside else _number_at(text, tokens, index)
        if number is None:
            index += 1
            continue
        value, after = number
        multiplier = _lookup(tokens[after], words.multipliers) if after < len(tokens) else None
        if multiplier is not None:
            value *= multiplier
            after += 1
            if after < len(tokens) and tokens[after].text == ".":
                after += 1
        elif after < len(tokens) and tokens[after].text == "." and tokens[index].text.isdigit():
            index = after  # an ordinal numeral: "52. Dywizja", "3. pułk"
            continue
        unit_index = after
        while unit_index < len(tokens) and tokens[unit_index].tag.split(":", 1)[0] in _SKIPPABLE:
            unit_index += 1
        unit = tokens[unit_index] if unit_index < len(tokens) else None
        unit_lemma = _counted_noun_lemma(unit, value) if unit else None
        lone_one = value == 1 and after == index + 1 and not tokens[index].text.isdigit()
        if unit and unit_lemma and not _words(unit) & words.not_units and not lone_one:
            modifier, start = _modifier(tokens, index)
            end = unit.end
            found.append(Quantity(start, end, text[start:end], value, unit_lemma, modifier, predicate))
            index = unit_index + 1
            continue
        index = after
    return found
