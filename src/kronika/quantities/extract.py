"""Counted quantities in a sentence: a number (digits with thousands grouped by spaces or dots, a decimal
comma, numeral words or a multiplier alone), an optional multiplier (*tys.*, *mln*, *milionów*), an optional
precision word before it (*około*, *ponad*, *prawie*), and the noun counted (*320 000 obywateli* → 320000 × *obywatel*).

Units also come as abbreviations after or before the number (*80 km*, *zł 300*, *33 proc.*) and as the
adjective of a compound (*2-metrowa* → 2 × *metr*, *32-letni* → 32 × *rok*); a sum in a currency and its
hundredth part after it are one amount (*4 zł 20 gr* → 4.20 × *złoty*); a case ending after a hyphen (*3-ch okresów*) is
skipped. Numbers inside a timex or a name (*52. Dywizja*) are not quantities; ordinals (a number followed
by a dot and a word) are not either. Polish counts a plural noun after every number but one, so a number
before a singular noun is a year or an ordinal (*1794 grupa*, *19 wieku*), not a count; a lone *jeden*
is mostly "one of", not a count either.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kronika.lang.grammar import FINITE, NON_FINITE_VERBS, lemmas_and_form
from kronika.model import Quantity, Sentence, Token
from kronika.morph.analyzer import strip_homonym, tag_has
from kronika.quantities.resources import quantity_words

_VERB_CLASSES = FINITE | NON_FINITE_VERBS
_NOUN_CLASSES = {"subst", "ger", "depr"}
_SKIPPABLE = {"adj", "adja", "adjp"}  # "320 000 polskich obywateli": adjectives before the noun
_SPACES = {" ", "\u00a0", "\u202f"}
_ADJECTIVE_OF_NOUN = ("owy", "owa", "owe")  # "metrowy" is the adjective of "metr"
# older press groups thousands with commas too: three digits after a comma are a group unless the noun
# after them is the genitive singular a fraction takes
_COMMA_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")
_THOUSANDS = re.compile(r"\d{3}(?:,\d+)?")  # a group after a space: "000", "250,5"
_RANGE_WORDS = frozenset({"albo", "lub", "czy", "do", "-", "–", "—"})
_NOT_COUNTED = frozenset({"prep", "conj", "comp", "qub"})  # "od" is a preposition here, not odes counted


def _lookup(token: Token, table: dict[str, float] | dict[str, int] | dict[str, str]) -> float | str | None:
    for word in sorted(lemmas_and_form(token)):
        if word in table:
            return table[word]
    return None


def _counted_noun_lemma(token: Token, value: float) -> str | None:
    """The lemma of the token's noun reading that a number ``value`` can count: plural unless the
    number is one, the genitive singular after a fraction (*2,5 kilometra*; the chosen reading first)."""
    if any(i.pos in _NOT_COUNTED for i in token.interps):
        return None  # "milion reńskich od nich": a function word, whatever noun it may also spell
    readings = [token.chosen, *token.interps] if token.chosen else list(token.interps)
    fraction = not value.is_integer()
    number = "sg" if value == 1 or fraction else "pl"
    for interp in readings:
        if interp is not None and interp.pos in _NOUN_CLASSES and tag_has(interp.tag, number, 1) and (
                not fraction or tag_has(interp.tag, "gen", 2)):
            return strip_homonym(interp.lemma)
    return None


def _predicate(sentence: Sentence) -> str | None:
    for token in sentence.tokens:
        if token.tag.split(":", 1)[0] in _VERB_CLASSES:
            return strip_homonym(token.lemma)
    return None


def _digits_value(text: str) -> float | None:
    """``12.500`` → 12500 and ``1.250.000`` → 1250000 (Polish typography groups thousands with dots),
    ``1,5`` → 1.5 (and ``12.500,50``: the comma is the decimal sign); a dot before other than three digits
    is a decimal point (``2.5``)."""
    whole, _, fraction = text.partition(",")
    groups = whole.split(".")
    if len(groups) > 1:
        if len(groups[0]) > 3 or any(len(g) != 3 for g in groups[1:]):
            return None if fraction else _float(whole)  # "2.5" (a decimal point); "1.5,3" is no number
        whole = "".join(groups)
    return _float(f"{whole}.{fraction}" if fraction else whole)


def _float(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _fraction_noun(token: Token) -> bool:
    """A noun in the genitive singular and not plural: what a fraction counts (*1,500 kilometra*)."""
    nouns = [i for i in token.interps if i.pos in _NOUN_CLASSES]
    return bool(nouns) and any(tag_has(i.tag, "sg", 1) and tag_has(i.tag, "gen", 2) for i in nouns) and not any(
        tag_has(i.tag, "pl", 1) for i in nouns)


def read_number(text: str, tokens: list[Token], index: int) -> tuple[float, int, bool] | None:
    """The number starting at ``tokens[index]``, the index after it, and whether it was in digits."""
    words = quantity_words()
    token = tokens[index]
    if token.text[:1].isdigit() and (value := _digits_value(token.text)) is not None:
        digits, end = token.text, index + 1
        # "320 000", "1 250,5": groups of three digits separated by a space continue the number
        while (end < len(tokens) and _THOUSANDS.fullmatch(tokens[end].text)
               and text[tokens[end - 1].end:tokens[end].start] in _SPACES and digits.isdigit()):
            digits += tokens[end].text
            end += 1
        if _COMMA_GROUPED.fullmatch(digits) and not (end < len(tokens) and _fraction_noun(tokens[end])):
            return float(digits.replace(",", "")), end, True  # "24,720 osób": a fraction would count "osoby"
        return (_digits_value(digits) or value), end, True
    total, end = 0, index
    while end < len(tokens) and isinstance(value := _lookup(tokens[end], words.numerals), int):
        total += value
        end += 1
    if end > index:
        return float(total), end, False
    if isinstance(_lookup(token, words.multipliers), float) and not tag_has(token.tag, "pl", 1):
        return 1.0, index, False  # "miljard litów": the multiplier alone counts one ("tysiące" counts none)
    return None


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
            candidates = [f"{c} {w}".strip() for c in candidates for w in sorted(lemmas_and_form(token))]
        for phrase in candidates:
            if phrase in modifiers:
                return modifiers[phrase], window[0].start
    return None, tokens[index].start


def _excluded_tokens(tokens: list[Token], excluded: list[tuple[int, int]]) -> list[bool]:
    """For each token, whether it starts inside one of the spans: one pass over both sorted lists (a
    token is inside when a span that began at or before it reaches past its start)."""
    spans = sorted(excluded)
    inside = []
    position, reach = 0, -1
    for token in tokens:
        while position < len(spans) and spans[position][0] <= token.start:
            reach = max(reach, spans[position][1])
            position += 1
        inside.append(token.start < reach)
    return inside


def _unit_after_hyphen(tokens: list[Token], after: int) -> tuple[str | None, int]:
    """``2-metrowa`` → ("metr", index after the adjective), ``32-letni`` → ("rok", …) from the table of
    compounds; ``3-ch`` → (None, index after the ending)."""
    if after + 1 >= len(tokens) or tokens[after].text != "-" or tokens[after].start != tokens[after - 1].end:
        return None, after
    word = tokens[after + 1]
    if word.start != tokens[after].end:
        return None, after
    adjectives = [strip_homonym(i.lemma) for i in word.interps if i.pos == "adj"]
    compounds = quantity_words().compounds
    for lemma in adjectives:
        if lemma in compounds:
            return compounds[lemma], after + 2
    for lemma in adjectives:
        for ending in _ADJECTIVE_OF_NOUN:
            if lemma.endswith(ending) and len(lemma) > len(ending) + 1:
                return lemma[: -len(ending)], after + 2
    if word.text.isalpha() and len(word.text) <= 3:
        return None, after + 2  # a case ending written after the digits: "3-ch", "5-ciu"
    return None, after


def _range_end(text: str, tokens: list[Token], after: int, low: float) -> tuple[float, int, bool] | None:
    """The upper number of a range after ``low`` (*4 albo 5*, *3 lub 4*, *10 do 12*, *4–5*): a disjunction,
    *do* or a dash, then a greater number."""
    if after + 1 >= len(tokens) or tokens[after].text.lower() not in _RANGE_WORDS:
        return None
    upper = read_number(text, tokens, after + 1)
    return upper if upper is not None and upper[0] > low else None


def _join_hundredths(text: str, found: list[Quantity]) -> list[Quantity]:
    """A whole sum in a currency and its hundredth part right after it (under a hundred, no word between)
    are one amount: *4 zł 20 gr* → 4.20 złoty."""
    hundredths = quantity_words().hundredths
    joined: list[Quantity] = []
    for quantity in found:
        previous = joined[-1] if joined else None
        if previous is not None and hundredths.get(quantity.unit) == previous.unit and previous.value.is_integer() \
                and quantity.value.is_integer() and quantity.value < 100 and quantity.modifier is None \
                and quantity.low is None and text[previous.end:quantity.start].isspace():
            joined[-1] = replace(previous, end=quantity.end, text=text[previous.start:quantity.end],
                                 value=round(previous.value + quantity.value / 100, 2))
        else:
            joined.append(quantity)
    return joined


def find_quantities(text: str, sentence: Sentence, excluded: list[tuple[int, int]]) -> list[Quantity]:
    """Quantities of one sentence; ``excluded`` are spans (timexes, names) whose numbers do not count."""
    words = quantity_words()
    tokens = sentence.tokens
    inside = _excluded_tokens(tokens, excluded)
    predicate = _predicate(sentence)
    found: list[Quantity] = []
    index = 0
    while index < len(tokens):
        number = None if inside[index] else read_number(text, tokens, index)
        if number is None:
            index += 1
            continue
        value, after, in_digits = number
        low = None
        if (upper := _range_end(text, tokens, after, value)) is not None:
            low, (value, after, in_digits) = value, upper  # "4 albo 5 milionów": one quantity from 4 to 5
        compound_unit, after = _unit_after_hyphen(tokens, after) if in_digits else (None, after)
        if compound_unit is not None:
            modifier, start = _modifier(tokens, index)
            end = tokens[after - 1].end
            found.append(Quantity(start, end, text[start:end], value, compound_unit, modifier, predicate))
            index = after
            continue
        multiplier = _lookup(tokens[after], words.multipliers) if after < len(tokens) else None
        if isinstance(multiplier, float):
            value *= multiplier
            low = None if low is None else low * multiplier
            after += 1
            if after < len(tokens) and tokens[after].text == ".":
                after += 1
        elif after < len(tokens) and tokens[after].text == "." and in_digits:
            index = after  # an ordinal numeral: "52. Dywizja", "3. pułk"
            continue
        unit_index = after
        while unit_index < len(tokens) and tokens[unit_index].tag.split(":", 1)[0] in _SKIPPABLE:
            unit_index += 1
        unit = tokens[unit_index] if unit_index < len(tokens) else None
        abbreviation = _lookup(unit, words.units) if unit else None
        unit_lemma = abbreviation if isinstance(abbreviation, str) else (
            _counted_noun_lemma(unit, value) if unit else None)
        if unit_lemma is None and unit_index > after:
            # the last "adjective" may be the noun ("12 tysięcy złotych": złoty the coin)
            unit_index -= 1
            unit = tokens[unit_index]
            unit_lemma = _counted_noun_lemma(unit, value)
        end = unit.end if unit else tokens[after - 1].end
        if unit_lemma is None and index > 0 and in_digits:
            # the unit before the number: "zł 300"
            before = _lookup(tokens[index - 1], words.units)
            if isinstance(before, str):
                unit_lemma, unit, end = before, tokens[index - 1], tokens[after - 1].end
        lone_one = value == 1 and after == index + 1 and not in_digits
        if unit and unit_lemma and not lemmas_and_form(unit) & words.not_units and not lone_one:
            modifier, start = _modifier(tokens, index)
            start = min(start, unit.start)
            if abbreviation and unit_index + 1 < len(tokens) and tokens[unit_index + 1].text == ".":
                end = tokens[unit_index + 1].end  # "33 proc."
            found.append(Quantity(start, end, text[start:end], value, unit_lemma, modifier, predicate, low))
            index = max(unit_index + 1, after)
            continue
        index = max(after, index + 1)
    return _join_hundredths(text, found)
