"""The base form of a place name of several words, as Polish grammar cites it: every word in the
nominative, an adjective in the gender of the noun it agrees with (*Kasprowego Wierchu* → Kasprowy Wierch,
*Nowego Bierunia* → Nowy Bieruń, *Małego Chełmu* → Mały Chełm, *Szczyrbskim Jeziorze* → Szczyrbskie
Jezioro). Only names in the singular: a plural's nouns are cited in the plural (*Górach Świętokrzyskich*),
which Morfeusz's singular lemmas do not give."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice, product

from kronika.geo.keys import GEOGRAPHIC_QUALIFIERS, NAME_PART, suffix_candidates
from kronika.geo.qualifiers import adjective_rule_lemma
from kronika.lang.grammar import place_prepositions
from kronika.model import Token

# the accusative last: a place's is its nominative or, in a person's name, its genitive (Jeziora: jezioro's
# genitive before the surname Jezior's accusative)
OBLIQUE_CASES = ("gen", "loc", "inst", "dat", "acc")
MAX_FORMS = 8  # combinations of the nouns' readings tried
GENDERS = ("m1", "m2", "m3", "f", "n")
_SKI_GENDERS = {"ski": ("m1", "m2", "m3"), "cki": ("m1", "m2", "m3"), "ska": ("f",), "cka": ("f",), "skie": ("n",),
                "ckie": ("n",)}
_SKI_ENDINGS = {"m": "i", "f": "a", "n": "ie"}  # of -ski/-cki adjectives by gender: szczyrbski, -ska, -skie


@dataclass(frozen=True, slots=True)
class _Reading:
    pos: str  # "subst" or "adj"
    number: str
    case: str
    gender: str
    lemma: str
    geographic: bool
    part: bool  # SGJP's part of a geographic name (Kasprowy of Kasprowy Wierch), no noun of its own


def _readings(token: Token) -> list[_Reading]:
    from kronika.morph.analyzer import expand_tag

    found = []
    for interp in token.interps:
        if interp.pos not in ("subst", "adj"):
            continue
        lemma = interp.lemma.split(":", 1)[0]
        for tag in expand_tag(interp.tag):
            parts = tag.split(":")
            if len(parts) >= 4 and parts[2] != "voc" and (interp.pos == "subst" or parts[4:5] == ["pos"]):
                found.append(_Reading(interp.pos, parts[1], parts[2], parts[3], lemma,
                                      not GEOGRAPHIC_QUALIFIERS.isdisjoint(interp.quals), NAME_PART in interp.quals))
    return found


def _nominative_adjective(lemma: str, gender: str) -> str | None:
    """The adjective's nominative singular in ``gender`` (*mały*, n → *małe*)."""
    from kronika.morph.analyzer import expand_tag, get_morphology

    return next((form for form, tag, _ in get_morphology().generate(lemma)
                 if f"adj:sg:nom:{gender}:pos" in expand_tag(tag)), None)


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]


def _rule_adjective(word: str, gender: str) -> str | None:
    """A -ski/-cki adjective Morfeusz does not know, in ``gender`` (*Szczyrbskim*, n → szczyrbskie)."""
    masculine = adjective_rule_lemma(word)
    if masculine is None:
        return None
    return masculine[:-1] + _SKI_ENDINGS[gender[:1]]


def _rule_genders(word: str) -> set[str]:
    """The genders a -ski/-cki adjective Morfeusz does not know may stand in, by its ending (*Szczyrbskim*:
    masculine or neuter; *Szczyrbskiej*: feminine)."""
    return {gender for base in suffix_candidates(word) for ending, genders in _SKI_GENDERS.items()
            if base.lower().endswith(ending) for gender in genders}


def _rule_nominative(word: str) -> bool:
    """The -ski/-cki adjective Morfeusz does not know is written in a nominative (*Szczyrbskie*)."""
    masculine = adjective_rule_lemma(word) or ""
    return word.lower() in {masculine[:-1] + ending for ending in _SKI_ENDINGS.values()}


def agreeing_base_forms(tokens: Sequence[Token]) -> list[str]:
    """The base forms, most likely first, of the name the ``tokens`` spell (two or more title-case words, one
    space apart, and maybe a qualifier after a preposition, kept as written: *Kazimierzu Dolnym nad Wisłą*),
    when its words agree in one oblique case of the singular; none when they do not, or may stand in the
    nominative, or a word is unknown to Morfeusz and no -ski adjective (the name stages' base form stays).
    Several when a noun's case form is that of two nouns (*Tomaszowa Lubelskiego*: Tomaszów or Tomaszowo)."""
    qualifier = next((k for k, t in enumerate(tokens) if k and t.text in place_prepositions()), len(tokens))
    words, rest = tokens[:qualifier], tokens[qualifier:]
    if len(words) < 2 or any(not t.text.isalpha() or not t.text[:1].isupper() or t.text.isupper() for t in words):
        return []
    if any(b.start - a.end > 1 for a, b in zip(tokens, tokens[1:], strict=False)):
        return []
    readings = [_readings(t) for t in words]
    known = [rs for rs in readings if rs]
    if any(not rs and adjective_rule_lemma(t.text) is None for t, rs in zip(words, readings, strict=True)):
        return []
    shared = set.intersection(*({r.case for r in rs if r.number == "sg"} for rs in known)) if known else set()
    if any(not rs and not _rule_nominative(t.text) for t, rs in zip(words, readings, strict=True)):
        shared.discard("nom")  # Szczyrbskiego Jeziora: the adjective's ending is no nominative
    if not shared or "nom" in shared:
        return []
    case = next(c for c in OBLIQUE_CASES if c in shared)

    def fitting(k: int, pos: str) -> list[_Reading]:
        return [r for r in readings[k] if r.pos == pos and r.case == case and r.number == "sg"]

    nouns = [k for k in range(len(words)) if fitting(k, "subst") and not fitting(k, "adj")]
    if not nouns:  # Białej Podlaskiej: the first word may be a noun, the rest agree with it
        nouns = [k for k in range(len(words)) if fitting(k, "subst")][:1]
    heads = [k for k in nouns if not all(r.part for r in fitting(k, "subst"))]
    if not nouns or case == "gen" and len(heads) > 1:  # Golgoty Wschodu: a genitive complement may stay one
        return []
    # the genders every other word may agree in: Szczyrbskim Jeziorze is the lake (n), not Jeziora (f)
    agreeing = set(GENDERS).intersection(*(
        {r.gender for r in fitting(k, "adj")} if readings[k] else _rule_genders(words[k].text)
        for k in range(len(words)) if k not in nouns))

    def ranked_nouns(k: int) -> list[_Reading]:
        """The word's best readings as a noun, one per lemma and gender: in a gender the other words agree
        in, a geographic name's, else a common noun's (Jeziora: Jezioro, not the surname Jezior); ties are
        kept (Tomaszowa: Tomaszów and Tomaszowo)."""
        def rank(r: _Reading) -> tuple[bool, bool, bool]:
            return r.gender in agreeing, r.geographic, r.lemma[:1].islower()
        best = max(rank(r) for r in fitting(k, "subst"))
        return list({(r.lemma, r.gender): r for r in fitting(k, "subst") if rank(r) == best}.values())

    written = "".join((" " if t.start > before.end else "") + t.text for before, t in zip(tokens[qualifier - 1:], rest,
                                                                                          strict=False))
    forms = []
    for choice in islice(product(*(ranked_nouns(k) for k in nouns)), MAX_FORMS):
        chosen = dict(zip(nouns, choice, strict=True))
        cited = [_word_base(k, words[k], chosen, readings[k], fitting(k, "adj")) for k in range(len(words))]
        if None not in cited:
            forms.append(" ".join(word or "" for word in cited) + written)
    return list(dict.fromkeys(forms))


def _word_base(k: int, token: Token, chosen: dict[int, _Reading], readings: list[_Reading],
               adjectives: list[_Reading]) -> str | None:
    """Word ``k``'s base form: a noun's lemma, or an adjective in the gender of the noun it stands before
    (else of the one before it), ``chosen`` by the nouns' positions."""
    if k in chosen:
        return _capitalised(chosen[k].lemma)
    gender = chosen[next((n for n in chosen if n > k), max(chosen))].gender
    if not readings:
        form = _rule_adjective(token.text, gender)
    else:
        adjective = next((r for r in adjectives if r.gender == gender), None)
        form = _nominative_adjective(adjective.lemma, gender) if adjective else None
    return _capitalised(form) if form else None
