"""Base forms of Polish names and phrases, as a name is cited: in the nominative.

The head phrase of a name — leading numbers and adjectives, the head noun, agreeing adjectives after it
and, for persons and common-noun heads, agreeing proper nouns in apposition — is put in the nominative;
everything from the first word that does not agree on (genitive complements, prepositional phrases,
quoted names) is kept as written:

    Samodzielnej Grupy Operacyjnej „Polesie”  →  Samodzielna Grupa Operacyjna „Polesie”
    Ludowego Komisariatu Spraw Zagranicznych  →  Ludowy Komisariat Spraw Zagranicznych

Agreement is checked on Morfeusz (SGJP) readings: the phrase keeps the (number, case, gender) triples
that every word of the head phrase allows, and the nominative forms come from Morfeusz's generator.
Words Morfeusz does not know (foreign surnames, rare places: *Rückemanna*, *Oranami*) are treated as
agreeing, and their base form is guessed by :mod:`kronika.lang.base_forms`; an oblique ending of a
person's or place's name there also tells the case the other words share (*Stelli Typelówny*).
Where a word's readings are several proper names, how the NKJP text used them decides
(``lemma_name_usage.tsv``, learned: *Edwarda* is Edward's, *Polski* Polska's); a one-word name of
unknown kind prefers a name's reading to a common word's (*Marka* → *Marek*), a lone forename that is a
man's genitive or a woman's nominative is the man's (*Huberta* → *Hubert*), and a lower-case one-word
name that is an adjective is a name-derived adjective (*francuskiego* → *francuski*). A person listed
surname first is cited forename first (*Nowak Jan* → *Jan Nowak*) in the pipeline's convention.
A hyphenated second part keeps its own gender (*Bielsko-Biała*), a capitalised noun after *i* its own
number and gender (*Prawo i Sprawiedliwość*); names made only of adjectives take the gender the corpus
cites their category in (``lemma_adjective_genders.tsv``, learned by the same script).
A tagger's case for an unknown word is checked against Polish declension (``lemma_case_endings.tsv``:
*Raulowi* is no nominative, *Schiavo* no genitive); web addresses are cited as written. With no category,
where these rules guess at a word (unknown to Morfeusz, or forms of several lemmas that agreement does not
tell apart), a learned edit ranker (:mod:`kronika.morph.lemma_edits`) chooses among the rules' answer and
the other candidates; where the rules are sure, it overrules them only by a clear margin.

How names are cited is a convention (``lemma_conventions.tsv``): ``"kronika"`` (the default, the
pipeline's) as a historian cites them — *ulica Wilanowska*, *województwo opolskie*, *Tatarzy* — and
``"poleval"`` as the PolEval 2019 / KPWr annotators did — one-adjective names of streets and
administrative units by their dictionary lemma (*płocki*, *opolski*), nations in the singular (*Anglik*).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from kronika.lang.base_forms import (
    CLASSES,
    UNKNOWN,
    feminine_surname_base,
    guess_base,
    is_feminine_surname,
    oblique_ending,
)
from kronika.lang.grammar import PROPER_QUALIFIERS
from kronika.lang.orthography import generic_name_nouns, street_abbreviations
from kronika.lang.resources import data_lines, read_text
from kronika.lang.tokens import QUOTES, load_abbreviations, tokenize
from kronika.model import Interp, Token
from kronika.morph import lemma_edits
from kronika.morph.analyzer import expand_tag, get_morphology

_INFLECTED_POS = {"subst", "depr", "ger", "adj", "ppas", "pact"}
_NOUN_POS = {"subst", "depr", "ger"}
# Gender of a phrase with no noun to fix it, for categories the corpus counts do not cover
# (lemma_adjective_genders.tsv): substantivised adjectives name regions and towns in the neuter
# (Opolskie, Zakopane), persons in the masculine (Kilińskiego).
_DEFAULT_GENDER = {"place": "n", "person": "m1"}
_GENDERS = {"m": ("m1", "m2", "m3"), "f": ("f",), "n": ("n",)}
_GEOGRAPHIC_MEMBER = "człon_nazwy_geograficznej"  # SGJP: a word only part of a geographic name (Kasprowy)
_CLASS_QUALIFIERS = {
    "person": {"imię", "nazwisko"},
    "place": {"nazwa_geograficzna", _GEOGRAPHIC_MEMBER},
}
_APOSTROPHES = set("'’")
# Polish case endings glued to a name that does not take them directly: after an apostrophe (Steve'a,
# Bush'owi, Cory'ego) or a hyphen after an acronym (PSL-u, ZSRS-em); not English 's, not O'Donnell, Be'er
_CASE_ENDING = r"(a|u|e|y|i|ę|ą|m|em|ie|om|ów|ego|emu|owi|owie|ach|ami)"
_APOSTROPHE_TAIL = re.compile(rf"(?<=\w)['’](?={_CASE_ENDING}$)")
_CASE_ENDING_WORD = re.compile(f"{_CASE_ENDING}$")
_HYPHENS = {"-", "‐", "‑"}
# a web or e-mail address is cited as written (Time.com, mam.media.pl, Del.icio.us)
_WEB_ADDRESS = re.compile(r"^(\w+://)?[\w.@-]*\w\.[a-z]{2,}\b\S*$")
_ACRONYM_LENGTH = 4  # the longest all-capital word taken for an acronym even if it spells a word
_ROMAN = re.compile(r"^[IVXLCDM]+$")
_VOWELS = set("aąeęioóuyäëöüéèáàíìúùâêîôû")
_CASES = ("nom", "gen", "dat", "acc", "inst", "loc", "voc")
CONVENTIONS = ("kronika", "poleval")  # how names are cited: see resources/pl/lemma_conventions.tsv
_CONVENTION_RULES = ("adjective_lemma", "singular", "forename_first")
_NO_CATEGORY = "(none)"  # the conventions' row for a name given with no category

Triple = tuple[str, str, str]  # (number, case, gender)


# ---------------------------------------------------------------- resources


@lru_cache(maxsize=1)
def _category_classes() -> tuple[tuple[str, str], ...]:
    """(lower-cased category prefix, class), longest prefix first."""
    rows: list[tuple[str, str]] = []
    for number, line in _resource_lines("lemma_categories.tsv"):
        prefix, _, name_class = line.partition("\t")
        if name_class not in CLASSES:
            raise ValueError(f"lemma_categories.tsv line {number}: unknown class {name_class!r}")
        rows.append((prefix.lower(), name_class))
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


def name_class(category: str | None) -> str:
    """``'person'``, ``'place'``, ``'adjective'`` or ``'other'`` for a category hint; ``'unknown'``
    (handled as ``'other'``, but open to the endings of places) for none."""
    if not category:
        return UNKNOWN
    lower = category.lower()
    return next((cls for prefix, cls in _category_classes() if lower.startswith(prefix)), "other")


@lru_cache(maxsize=1)
def _adjective_genders() -> dict[str, str]:
    """Lower-cased category → the gender (``m``, ``f``, ``n``) its adjective-only names are cited in."""
    genders = {}
    for number, line in _resource_lines("lemma_adjective_genders.tsv"):
        fields = line.split("\t")
        if len(fields) != 5 or fields[1] not in _GENDERS:
            raise ValueError(f"lemma_adjective_genders.tsv line {number}: expected category, gender m/f/n, 3 counts")
        genders[fields[0].lower()] = fields[1]
    return genders


def _preferred_gender(category: str | None, cls: str) -> tuple[str, ...]:
    """Genders preferred for a phrase with no noun, best first."""
    default = _DEFAULT_GENDER.get(cls, "m3")
    learned = _adjective_genders().get((category or "").lower())
    if learned is None:
        return (default,)
    return tuple(sorted(_GENDERS[learned], key=lambda g: g != default))


@lru_cache(maxsize=1)
def _conventions() -> dict[str, tuple[tuple[str, str], ...]]:
    """Convention → ((lower-cased category prefix, rule), ...), longest prefix first."""
    rows: dict[str, list[tuple[str, str]]] = {c: [] for c in CONVENTIONS}
    for number, line in _resource_lines("lemma_conventions.tsv"):
        fields = line.split("\t")
        if len(fields) != 3 or fields[0] not in CONVENTIONS or fields[2] not in _CONVENTION_RULES:
            raise ValueError(f"lemma_conventions.tsv line {number}: expected convention, category, rule")
        rows[fields[0]].append((fields[1].lower(), fields[2]))
    return {c: tuple(sorted(r, key=lambda row: -len(row[0]))) for c, r in rows.items()}


def _convention_rule(category: str | None, convention: str) -> str | None:
    """The rule ``convention`` sets for names of ``category``, if any."""
    if convention not in CONVENTIONS:
        raise ValueError(f"unknown lemmatisation convention {convention!r}: expected one of {CONVENTIONS}")
    if not category:
        return next((rule for prefix, rule in _conventions()[convention] if prefix == _NO_CATEGORY), None)
    lower = category.lower()
    return next((rule for prefix, rule in _conventions()[convention]
                 if prefix != _NO_CATEGORY and lower.startswith(prefix)), None)


@lru_cache(maxsize=1)
def _case_endings() -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
    """(endings no nominative has, case key → the closed set of endings of the case)."""
    oblique: tuple[str, ...] = ()
    closed: dict[str, tuple[str, ...]] = {}
    for number, line in _resource_lines("lemma_case_endings.tsv"):
        fields = line.split("\t")
        if len(fields) != 3 or (fields[0], fields[1]) != ("oblique", "*") and (
                fields[0] != "closed" or fields[1].split(":")[0] not in _CASES):
            raise ValueError(f"lemma_case_endings.tsv line {number}: expected oblique *|closed case:number, endings")
        if fields[0] == "oblique":
            oblique += tuple(fields[2].split())
        else:
            closed[fields[1]] = tuple(fields[2].split())
    return oblique, closed


def _counts(file: str) -> dict[str, int]:
    """A learned table of names and counts (``name<TAB>count``)."""
    counts = {}
    for number, line in _resource_lines(file):
        fields = line.split("\t")
        if len(fields) != 2 or not fields[1].isdigit():
            raise ValueError(f"{file} line {number}: expected name, count")
        counts[fields[0]] = int(fields[1])
    return counts


@lru_cache(maxsize=1)
def _name_usage() -> dict[str, int]:
    """Proper name → how often a form shared by several proper names stood for it in the NKJP text
    (``lemma_name_usage.tsv``, learned): *Edwarda* is mostly Edward's genitive, *Polski* Polska's."""
    return _counts("lemma_name_usage.tsv")


@lru_cache(maxsize=1)
def _forename_nominatives() -> dict[str, int]:
    """Forename → how often the NKJP text named it by its own nominative (``lemma_forename_nominatives.tsv``,
    learned): *Jacek* is far commoner than *Jack*, so *Jacka* is Jacek's when nothing else tells."""
    return _counts("lemma_forename_nominatives.tsv")


def _by_usage(cls: str, tokens: list[Token]) -> bool:
    """Whether the names a word may be are told apart by their usage: in persons' and places' names, and in
    a name of unknown kind made of one word or only of words that may be names (Edwarda Gierka; in Rada
    Miasta a forename's usage says nothing)."""
    words = [t for i, t in enumerate(tokens) if _kind(tokens, i) == "word"]  # not a numeral: Jana Pawła II
    return cls in ("person", "place") or (cls == UNKNOWN and (len(words) == 1 or all(
        t.text[:1].isupper() and any(i.lemma[:1].isupper() and PROPER_QUALIFIERS.intersection(i.quals)
                                     for i in t.interps) for t in words)))


def _one_word(tokens: list[Token]) -> bool:
    return sum(t.text[:1].isalpha() for t in tokens) == 1


def _usage(reading: Reading) -> int:
    """How often the proper name ``reading`` names was met where its form could name another (0: no
    proper name, or never met)."""
    return _name_usage().get(reading.interp.lemma, 0) if _is_proper(reading) else 0


def _resource_lines(name: str) -> Iterable[tuple[int, str]]:
    return data_lines(read_text("kronika.morph", f"resources/pl/{name}"))


# ---------------------------------------------------------------- readings


@dataclass(frozen=True, slots=True)
class Reading:
    interp: Interp
    triples: frozenset[Triple]

    @property
    def pos(self) -> str:
        return self.interp.pos


@lru_cache(maxsize=100_000)
def _readings(interps: tuple[Interp, ...]) -> tuple[Reading, ...]:
    """The inflected readings of a word with the agreement triples each allows. A name is hardly ever cited
    in the vocative: a reading that is only a vocative (Mario of Maria, Angelo of Angela) is none."""
    readings = []
    for interp in interps:
        if interp.pos not in _INFLECTED_POS:
            continue
        triples = set()
        for full in expand_tag(interp.tag):
            parts = full.split(":")
            if len(parts) >= 4 and parts[2] != "voc":
                triples.add((parts[1], parts[2], parts[3]))
        if triples:
            readings.append(Reading(interp, frozenset(triples)))
    return tuple(readings)


@lru_cache(maxsize=100_000)
def _nominative(lemma: str, tag: str, number: str, gender: str, quals: tuple[str, ...]) -> str | None:
    """The nominative of ``lemma`` in ``number`` (and, for adjectives, ``gender``) from Morfeusz."""
    parts = tag.split(":")
    pos = "subst" if parts[0] == "depr" else parts[0]
    want_gender = None if pos in _NOUN_POS else gender
    extra = parts[4:]  # degree, aspect, negation
    best: tuple[int, str] | None = None
    for form, form_tag, form_quals in get_morphology().generate(lemma):
        if "nom" not in form_tag:  # no nominative among the tags it stands for: not worth expanding
            continue
        for full in expand_tag(form_tag):
            fparts = full.split(":")
            if fparts[0] != pos or len(fparts) < 4 or fparts[1] != number or fparts[2] != "nom":
                continue
            if want_gender and fparts[3] != want_gender:
                continue
            if pos in _NOUN_POS and fparts[3] not in parts[3].split("."):
                continue
            if pos != "subst" and any(f not in e.split(".") for f, e in zip(fparts[4:], extra, strict=False)):
                continue  # same degree, aspect and negation
            # an adjective's lemma before its short form of the same tag (wszechmocny, not wszechmocen)
            score = (form_quals == quals) * 4 + (form[:1] == lemma[:1]) * 2 + (form == lemma)
            if best is None or score > best[0]:
                best = (score, form)
    return best[1] if best else None


# ---------------------------------------------------------------- tokens


def _kind(tokens: list[Token], i: int) -> str:
    text = tokens[i].text
    if text in QUOTES and text not in _APOSTROPHES:  # ’ in a name is an apostrophe (Neville’a), not a closing mark
        return "quote"
    if text in _HYPHENS:
        attached = 0 < i < len(tokens) - 1 and tokens[i - 1].end == tokens[i].start == tokens[i + 1].start - 1
        return "hyphen" if attached and tokens[i + 1].start == tokens[i].end else "other"
    if text == ".":
        return "dot"
    if text in _APOSTROPHES:
        return "apostrophe"
    if text[:1].isdigit() or (_ROMAN.match(text) and any(i.tag == "romandig" for i in tokens[i].interps)):
        return "number"
    if not text[:1].isalpha():
        return "other"
    followed_by_dot = i + 1 < len(tokens) and tokens[i + 1].text == "." and tokens[i + 1].start == tokens[i].end
    # an abbreviated forename is cited as written (Wład. Kosińskiego → Wład. Kosiński), whatever word it spells
    if followed_by_dot and (len(text) == 1 or any(i.pos == "brev" for i in tokens[i].interps)
                            or all(i.pos == "ign" for i in tokens[i].interps) or text in load_abbreviations().names):
        return "abbreviation"
    if len(text) > 1 and text.isupper() and (not _readings(tokens[i].interps) or _short_acronym(tokens, text)):
        return "acronym"
    return "word"


def _short_acronym(tokens: list[Token], text: str) -> bool:
    """A short all-capital word is an acronym even when it spells a word (MAM, GRUB), unless the whole
    name of several words is in capitals (a heading: KOŚCIOŁA NMP)."""
    words = [t.text for t in tokens if t.text[:1].isalpha()]
    return len(text) <= _ACRONYM_LENGTH and (len(words) == 1 or not all(w.isupper() for w in words))


def _regnal(tokens: list[Token], i: int) -> bool:
    """Whether ``tokens[i]`` is followed by a regnal number in Roman numerals, which only a ruler's forename
    takes (Mieszka II, Filipa II, Ludwika XIV): the word is a forename, not a surname spelt like it."""
    return i + 1 < len(tokens) and _ROMAN.match(tokens[i + 1].text) is not None and _kind(tokens, i + 1) == "number"


def _is_case_ending(tokens: list[Token], i: int, last_only: bool = True) -> bool:
    """Whether ``tokens[i]`` is a case ending glued to the word before it (PSL-u, Steve'a)."""
    return (
        i < len(tokens) and tokens[i].start == tokens[i - 1].end and bool(_CASE_ENDING_WORD.match(tokens[i].text))
        and (i + 1 == len(tokens) or not last_only)
    )


def _is_unknown(token: Token) -> bool:
    """No Morfeusz reading, or a tagger chose a reading Morfeusz does not have (its guess for a name
    Morfeusz reads as forms of other words: Obama)."""
    if token.chosen is not None and token.chosen.pos != "ign" and token.chosen not in token.interps:
        return True
    return all(i.pos == "ign" for i in token.interps) or not token.interps


def _is_people(reading: Reading) -> bool:
    """Whether a reading is a noun of a people or of inhabitants: a capitalised common noun of persons
    (Włoch, Rusin, Tatar)."""
    return (reading.pos in _NOUN_POS and reading.interp.lemma[:1].isupper()
            and "nazwa_pospolita" in reading.interp.quals and any(t[2] == "m1" for t in reading.triples))


def _is_proper(reading: Reading) -> bool:
    return bool(PROPER_QUALIFIERS.intersection(reading.interp.quals))


# How much of the phrase's (number, case, gender) a member shares: all of it, or — for the part after
# a hyphen (Bielsko-Biała) — number and case, or — for a coordinated noun (Prawo i Sprawiedliwość,
# Lewica i Demokraci) — only the case.
_ALL, _NUMBER_CASE, _CASE = 3, 2, 1
_COORDINATORS = {"i", "oraz"}


def _fits(triple: Triple, phrase: Triple, shared: int) -> bool:
    if shared == _ALL:
        return triple == phrase
    return triple[1] == phrase[1] and (shared == _CASE or triple[0] == phrase[0])


@dataclass(slots=True)
class _Member:
    index: int
    readings: tuple[Reading, ...]  # empty for an unknown word (agrees with anything)
    after_head: bool
    shared: int = _ALL

    def fitting(self, phrase: Triple) -> list[Reading]:
        return [r for r in self.readings if any(_fits(t, phrase, self.shared) for t in r.triples)]


def _head_phrase(tokens: list[Token], cls: str) -> tuple[list[_Member], set[Triple] | None, set[int]]:
    """The agreeing head phrase, the triples it allows (None: unconstrained) and the indexes of case
    endings to drop (``PSL-u`` → ``PSL``), walking left to right until agreement breaks."""
    members: list[_Member] = []
    state: set[Triple] | None = None
    head: _Member | None = None
    dropped: set[int] = set()
    shared = _ALL  # what the next word must share with the phrase
    for i, token in enumerate(tokens):
        if i in dropped:
            continue
        kind = _kind(tokens, i)
        if shared == _CASE and (kind != "word" or not token.text[:1].isupper()):
            break  # no conjunct of the name after ``i``: the phrase ends before it
        if kind == "quote":
            if i == 0 or (i + 1 == len(tokens) and not members):
                continue
            break
        if kind == "hyphen":
            before = tokens[i - 1].text
            if before.isupper() and len(before) > 1 and _is_case_ending(tokens, i + 1):
                dropped.update((i, i + 1))  # an acronym's case ending: PSL-u, ZSRS-em
            elif members and members[-1].index == i - 1 and members[-1].readings:
                shared = min(shared, _NUMBER_CASE)
            continue
        if token.text in _COORDINATORS and members and head is not None and state:
            shared = _CASE  # a capitalised noun after it is a conjunct of the name
            continue
        if kind == "apostrophe":
            if _is_case_ending(tokens, i + 1, last_only=False):
                dropped.update((i, i + 1))  # a foreign name's case ending: Steve'a, Coase'owi
            continue
        if kind in ("number", "dot", "acronym", "abbreviation"):
            continue
        if kind == "other":
            break
        if _is_unknown(token):
            if token.text[:1].islower() and members:
                break  # van, der, de: particles of foreign names end the inflected part
            members.append(_Member(i, (), head is not None))
            # an oblique ending of the name's class tells the case its words share (Stelli Typelówny)
            if state and (ending := oblique_ending(token.text, cls)) is not None:
                state = {t for t in state if f"{t[1]}:{t[0]}" == ending[0]} or state
            if head is None and cls in ("person", "place"):
                head = members[-1]
            shared = _ALL
            continue
        readings = _readings(token.interps)
        if cls != "person" and _town_apposition(token, readings, state) and any(
                not m.readings or any(r.pos in _NOUN_POS for r in m.readings) for m in members):
            break  # a club's town stays in the nominative: Wisły Kraków, Orła Parzęczew, Partizanem Belgrad
        if token.text[:1].islower() and members and not members[-1].readings and all(
                r.pos in _NOUN_POS for r in readings):
            break  # a common word after a foreign word is no part of an inflected head (Noir sur Blanc)
        if cls == "person":
            # a person is one: a name SGJP knows only in the plural is another word's form (Trun, Hal)
            readings = tuple(r for r in readings if any(t[0] == "sg" for t in r.triples))
            if not readings and token.text[:1].isupper():
                members.append(_Member(i, (), head is not None))
                head = head or members[-1]
                shared = _ALL
                continue
        if not readings:
            if i + 1 < len(tokens) and _kind(tokens, i + 1) == "hyphen":
                continue  # the uninflected first part of a compound: łódzko-wieluński, Lejb-Gwardyjski
            break
        # a noun in apposition to a proper name need not share its gender (San Sebastian); in a person's
        # name it does (Prymasa Tysiąclecia is no apposition), and after a common noun a genitive of
        # another gender is its complement (obrony Lwowa, Rady Nadzorczej Polskiego Radia)
        gender_free = head is not None and cls != "person" and (
            not head.readings or any(_is_proper(r) and r.triples & state for r in head.readings))
        appositive_shared = _NUMBER_CASE if shared == _ALL and gender_free else shared
        agreeing = [r for r in readings if state is None or _agrees(
            r.triples, state, appositive_shared if r.pos in _NOUN_POS else shared)]
        if not agreeing and shared == _CASE:
            break  # no conjunct of the name after ``i``: the phrase ends before it
        if not agreeing:
            _give_back_adjectives(members, readings, state)
            break
        if shared != _ALL:
            member = _Member(i, tuple(agreeing), head is not None, shared)
            members.append(member)
            allowed = {t for r in agreeing for t in r.triples}
            state = {t for t in state if any(_fits(a, t, shared) for a in allowed)}
            if shared == _CASE:
                break  # what follows the conjunct is its own complement
            shared = _ALL
            continue
        adjectives = [r for r in agreeing if r.pos not in _NOUN_POS]
        nouns = [r for r in agreeing if r.pos in _NOUN_POS]
        if head is not None and not adjectives and not _may_appose(tokens, head, nouns, cls):
            _give_back_adjectives(members, nouns, state)
            break
        appositive = gender_free and not adjectives
        members.append(_Member(i, tuple(agreeing), head is not None, _NUMBER_CASE if appositive else _ALL))
        if head is None and nouns and not (adjectives and _next_agreeing_noun(tokens, i, agreeing)):
            head = members[-1]
        allowed = set().union(*(r.triples for r in agreeing))
        if state is None:
            state = allowed
        elif appositive:
            state = {t for t in state if any(_fits(a, t, _NUMBER_CASE) for a in allowed)}
        else:
            state &= allowed
    return members, state, dropped


def _town_apposition(token: Token, readings: tuple[Reading, ...], state: set[Triple] | None) -> bool:
    """Whether a capitalised word after a noun of a name is a place's nominative singular that the words
    before cannot share (they stand in an oblique case, or are unknown to Morfeusz): the town of a club
    or a firm, in apposition, not declined with it (Wisły Kraków, Anwilu Włocławek)."""
    if not token.text[:1].isupper() or (state is not None and any(t[:2] == ("sg", "nom") for t in state)):
        return False
    if state is not None and any(t[0] == "sg" for r in readings for t in r.triples & state):
        # a singular reading agrees with the words before: one phrase (Morskiego Oka, not the river Oka;
        # Pogoni Szczecin stays the club's town: a bristle's plural is no name's word)
        return False
    return any(r.pos == "subst" and "nazwa_geograficzna" in r.interp.quals and ("sg", "nom", r.interp.tag.split(":")[3])
               in r.triples for r in readings)


def _agrees(triples: frozenset[Triple], state: set[Triple], shared: int) -> bool:
    if shared == _ALL:
        return bool(triples & state)
    return any(_fits(t, s, shared) for t in triples for s in state)


def _next_agreeing_noun(tokens: list[Token], i: int, readings: list[Reading]) -> bool:
    """Whether the next word is a noun the adjective-or-noun word ``tokens[i]`` can modify."""
    if i + 1 >= len(tokens) or _kind(tokens, i + 1) != "word":
        return False
    triples = set().union(*(r.triples for r in readings if r.pos not in _NOUN_POS))
    return any(r.pos in _NOUN_POS and r.triples & triples for r in _readings(tokens[i + 1].interps))


def _may_appose(tokens: list[Token], head: _Member, nouns: list[Reading], cls: str) -> bool:
    """Whether a second agreeing noun stands in apposition (rzeki Wisły, Wacława Grzybowskiego, Pana
    Tadeusza) rather than being a complement that happens to share the case (Ministerstwa Zdrowia; a
    place after a capitalised common noun: Rady Europy, Partii Rosji, whatever surname the head spells)."""
    if cls == "person":
        return True
    if head.readings and all(_GEOGRAPHIC_MEMBER in r.interp.quals for r in head.readings):
        return True  # a word that is only part of a geographic name goes with the noun it agrees with (Kasprowy Wierch)
    if not any(_is_proper(r) for r in nouns):
        return False
    head_token = tokens[head.index]
    if head_token.text[:1].islower() or not head.readings:
        return True
    if not any(_CLASS_QUALIFIERS["person"].intersection(r.interp.quals) for r in nouns):
        triples = set().union(*(r.triples for r in nouns))
        if any(r.pos in _NOUN_POS and r.interp.lemma[:1].islower() and r.triples & triples for r in head.readings):
            return False
    return any(_is_proper(r) for r in head.readings)


def _give_back_adjectives(members: list[_Member], readings: Iterable[Reading], state: set[Triple] | None) -> None:
    """Adjectives after the head that agree with the noun that ended the phrase modify that noun
    (Kościoła Świętego Krzyża): they leave the head phrase with it."""
    # an indeclinable reading (a foreign or a woman's surname: Niemiec) agrees with anything: no evidence
    # (its readings have every case but the vocative, which _readings leaves out); nor does a surname spelt
    # like a common noun the word also is (Doliny: the valley's, not a Mr Dolina's: Parku Krajobrazowego
    # Doliny Baryczy)
    readings = list(readings)
    common = {r.interp.lemma.lower() for r in readings if "nazwa_pospolita" in r.interp.quals}
    triples = set().union(*(r.triples for r in readings if len({t[1] for t in r.triples}) < len(_CASES) - 1
                            and not ("nazwisko" in r.interp.quals and r.interp.lemma.lower() in common)))
    while members and members[-1].after_head and members[-1].readings:
        last = members[-1]
        if all(r.pos in _NOUN_POS for r in last.readings) or not any(r.triples & triples for r in last.readings):
            break
        members.pop()


# ---------------------------------------------------------------- choosing and inflecting


def _choose_triple(
    tokens: list[Token], members: list[_Member], state: set[Triple], cls: str, genders: tuple[str, ...]
) -> Triple:
    """The phrase's (number, case, gender): the one most readings of the name's class (SGJP qualifiers)
    allow, then the one most chosen readings support, then the singular (before the chosen readings when
    a quoted name follows), then (places) the one whose nouns' lemmas the suffix rules would guess, then
    the nominative (names are often cited already in it)."""
    wanted_quals = _CLASS_QUALIFIERS.get(cls, set())
    after_phrase = members[-1].index + 1
    named_by_quote = after_phrase < len(tokens) and _kind(tokens, after_phrase) == "quote"
    told_by_usage = _by_usage(cls, tokens)  # of the mention, not of a triple: once
    one_word = _one_word(tokens)

    def support(triple: Triple) -> tuple[int, int, int, int]:
        chosen = in_class = regular = usage = 0
        for member in members:
            token = tokens[member.index]
            fitting = member.fitting(triple)
            chosen += any(r.interp == token.chosen for r in fitting)
            # an adjective after the head modifies it, whatever noun it also spells (Łódzkiego, Mazowieckiego: not
            # the regions' names), so neither the class, nor usage, nor a regular paradigm counts its readings
            modifier = member.after_head and any(r.pos not in _NOUN_POS for r in member.readings)
            if cls == UNKNOWN:
                # a one-word name of unknown kind: a name's reading before a common word's (Polski: Polska,
                # Marka: Marek, Amerykanów: Amerykanie); in longer names the head's readings decide
                in_class += one_word and any(r.interp.lemma[:1].isupper() for r in fitting)
                # a word before a regnal number is a ruler's forename (Mieszka II Otyłego: Mieszko's)
                in_class += _regnal(tokens, member.index) and any("imię" in r.interp.quals for r in fitting)
            else:
                in_class += not modifier and any(wanted_quals.intersection(r.interp.quals) for r in fitting)
            if told_by_usage and not modifier:
                usage += max((_usage(r) for r in fitting), default=0)
            if cls == "place" and fitting and not modifier:  # Aleksandrowa: Aleksandrów rather than Aleksandrowo
                guess = guess_base(token.text, cls, f"{triple[1]}:{triple[0]}").lower()
                regular += any(r.pos in _NOUN_POS and r.interp.lemma.lower() == guess for r in fitting)
        return chosen, in_class, regular, usage

    # a lone forename that may be a man's oblique case or a woman's (Huberta, Jarka, Hubercie) is the man's:
    # men's forenames are named more often (in the Polem training names 140 of 148 one-word names that are a
    # man's genitive or a woman's nominative are the man's)
    lone_word = len(members) == 1 and one_word
    # so is a forename alone with its regnal number (Filipa II: Filip, as kings and popes outnumber queens)
    ruler = len(members) == 1 and _regnal(tokens, members[0].index) and sum(
        _kind(tokens, i) == "word" for i in range(len(tokens))) == 1
    lone_forename = (lone_word or ruler) and cls in ("person", UNKNOWN)

    def man_named(triple: Triple) -> bool:
        return lone_forename and triple[0] == "sg" and triple[2] == "m1" and triple[1] != "nom" and any(
            "imię" in r.interp.quals for r in members[0].fitting(triple))

    def nation(triple: Triple) -> bool:
        """A lone word read as the plural of a people's noun (Włochów, Rusinów) names the people, not the
        village spelt like its genitive, unless the NKJP text used the word for a place (Niemcom: Niemcy)."""
        return lone_word and triple[0] == "pl" and triple[2] == "m1" and any(
            _is_people(r) for r in members[0].fitting(triple)) and not any(_usage(r) for r in members[0].readings)

    def score(triple: Triple) -> tuple[int | bool, ...]:
        chosen, in_class, regular, usage = support(triple)
        # a conjunct's number is its own, but names mostly join singulars (Prawo i Sprawiedliwość)
        singular_triple = ("sg", *triple[1:])
        singular = (triple[0] == "sg") + sum(
            m.shared == _CASE and any(_fits(t, singular_triple, _NUMBER_CASE) for r in m.readings for t in r.triples)
            for m in members
        )
        if cls == "person":  # a person is one; plural readings of names are mostly other lemmas' forms
            # which of two names a form stands for (Edwarda) is known better from usage than from a tagger
            return singular, in_class, usage, chosen, man_named(triple), triple[1] == "nom", triple[2] == "m1"
        gender_prior = -genders.index(triple[2]) if triple[2] in genders else -len(genders)
        # a noun a quoted name follows names one thing (Zgrupowania „Małyńsk”): singular before the tagger
        first, second = (singular, chosen) if named_by_quote else (chosen, singular)
        return (in_class, cls == UNKNOWN and nation(triple), first, second, usage, regular, man_named(triple),
                triple[1] == "nom", triple[1] != "voc", common_head(triple), gender_prior)

    def common_head(triple: Triple) -> bool:
        """In a name of several words, not a person's or a place's, its nouns read as common nouns (Wojska
        Polskiego: Wojsko Polskie, Morskiego Oka) rather than as a homonymous place or person no usage
        supports (the village Wojsk): the gender prior is for phrases with no noun."""
        if cls not in (UNKNOWN, "other") or _one_word(tokens):
            return False
        nouns = [fitting for m in members
                 if (fitting := m.fitting(triple)) and all(r.pos in _NOUN_POS for r in fitting)]
        return bool(nouns) and all(any("nazwa_pospolita" in r.interp.quals for r in fitting) for fitting in nouns)

    return max(sorted(state), key=score)


def _choose_reading(token: Token, member: _Member, triple: Triple, cls: str, by_usage: bool,
                    forename: bool = False) -> Reading:
    """The reading of a word of the head phrase in the phrase's ``triple``; ``forename``: the word is known
    to be a forename (a regnal number follows it)."""
    capitalised = token.text[:1].isupper()
    wanted_quals = _CLASS_QUALIFIERS.get(cls, set())
    # between places SGJP gives the same standing (Dubno, Dubne), the more regular paradigm's: the one
    # the suffix rules would guess
    regular = guess_base(token.text, cls, f"{triple[1]}:{triple[0]}").lower() if cls == "place" else None

    def score(reading: Reading) -> tuple[int, ...]:
        interp = reading.interp
        return (
            any(_fits(t, triple, member.shared) for t in reading.triples),
            # a tagger tells the tag; between lemmas with the same tag the class and regularity decide
            token.chosen is not None and interp.tag == token.chosen.tag,
            bool(wanted_quals.intersection(interp.quals)),
            forename and "imię" in interp.quals,  # Mieszku II: Mieszko's, not a Mr Mieszek's
            _usage(reading) if by_usage else 0,
            interp.lemma.lower() == regular,
            interp == token.chosen,
            capitalised == (_is_proper(reading) or interp.lemma[:1].isupper()),
            interp.pos != "depr",
            # a people in the plural, not a family of the same surname (Włosi, not Włochowie)
            triple[0] == "pl" and triple[2] == "m1" and _is_people(reading),
            triple[0] == "pl" and interp.tag.endswith(":pt"),  # a plural name is most often plurale tantum
            # between forenames nothing else tells apart, the commoner (Jacka: Jacek, not Jack)
            _forename_nominatives().get(interp.lemma, 0) if "imię" in interp.quals else 0,
        )

    return max(member.readings, key=score)


def _match_case(form: str, orth: str) -> str:
    """Give ``form`` the capitalisation of the word it stands for (iPody → iPod, CHRYSTUSEM → CHRYSTUS)."""
    if len(orth) > 1 and orth.isupper():
        return form.upper()
    shared = 0
    while shared < min(len(form), len(orth)) and form[shared].lower() == orth[shared].lower():
        shared += 1
    if shared:
        return orth[:shared] + form[shared:]
    return (form[:1].upper() if orth[:1].isupper() else form[:1].lower()) + form[1:]


def _tagged_case(token: Token, leading: bool) -> str:
    """The case key (``'gen:sg'``, ``'*'`` unknown) of a word no dictionary knows, from the tagger's
    reading when the word's ending allows it (``resources/pl/lemma_case_endings.tsv``); ``leading``: the
    word opens the name."""
    if token.chosen is None or token.chosen.pos not in _INFLECTED_POS:
        return "*"
    number, case = (part.split(".")[0] for part in token.chosen.tag.split(":")[1:3])
    lower = token.text.lower()
    oblique, closed = _case_endings()
    if case == "nom":
        # a tagger's nominative for an unknown word is its default: Raulowi, Gézę, Rustlerem VXL
        return "*" if leading and lower.endswith(oblique) else f"nom:{number}"
    if case == "voc":
        return f"nom:{number}"  # names are seldom addressed: a tagger's vocative is its guess
    if lower.endswith(closed.get(f"{case}:{number}", ("",))):
        return f"{case}:{number}"
    # not an ending of the tagged case: another case's (Chavezem tagged genitive), or none — a foreign
    # name that is not declined (Schiavo tagged genitive)
    other_cases = tuple(e for endings in closed.values() for e in endings if len(e) > 1)
    return "*" if lower.endswith(oblique + other_cases) else f"nom:{number}"


def _inflect(token: Token, member: _Member, triple: Triple | None, cls: str, singular: bool, leading: bool,
             by_usage: bool, forename: bool = False) -> str:
    """The nominative of one word of the head phrase; ``leading``: the word opens the name; ``by_usage``:
    how the NKJP text used the names it may be decides between them; ``forename``: the word is known to be
    a forename."""
    if not member.readings:
        case_key = f"{triple[1]}:{triple[0]}" if triple else _tagged_case(token, leading)
        if not case_key.startswith("nom:") and _is_unknown(token) and (stem := _listed_name_stem(token.text)):
            return stem
        return guess_base(token.text, cls, case_key)
    if triple is None:
        return token.text
    reading = _choose_reading(token, member, triple, cls, by_usage, forename)
    if member.shared != _ALL:  # its own number or gender: the head's if it can, else the singular's
        own = [t for t in reading.triples if _fits(t, triple, member.shared)] or [triple]
        triple = max(own, key=lambda t: (t[0] == triple[0], t[0] == "sg", t[2] == triple[2], t))
    number, _case, gender = triple
    if singular:
        number = "sg"
    interp = reading.interp
    if reading.pos in _NOUN_POS:
        genders = [g for g in interp.tag.split(":")[3].split(".")]
        gender = gender if gender in genders else genders[0]
    form = _nominative(interp.lemma, interp.tag, number, gender, interp.quals)
    if form is None:
        form = interp.lemma if number == "sg" else token.text
    return _match_case(form, token.text)


# the masculine case endings a name takes where Polish declines a foreign name as written (Lloydu, Tageblattem)
_MASCULINE_ENDINGS = ("owi", "em", "u", "a")


def _listed_name_stem(word: str) -> str | None:
    """The name SGJP lists whose nominative ``word``, unknown to it, is under a masculine case ending
    (*Lloydu*, *Lloydem* → Lloyd): a Polish ending on a listed name, however it declines it; ``None`` else."""
    lower = word.lower()
    for ending in _MASCULINE_ENDINGS:
        stem = word[: len(word) - len(ending)]
        if not lower.endswith(ending) or len(stem) < 3 or stem[-1:].lower() in _VOWELS:
            continue
        if any(i.lemma == stem and PROPER_QUALIFIERS.intersection(i.quals) and any(
                f.split(":")[1:3] == ["sg", "nom"] for f in expand_tag(i.tag))
               for i in get_morphology().analyse(stem) if i.pos == "subst"):
            return stem
    return None


def _adjective_base(token: Token) -> str:
    """A name-derived adjective is cited in the masculine singular, lower case: polskiego → polski."""
    adjectives = [i for i in token.interps if i.pos == "adj"]
    if not adjectives:
        return guess_base(token.text, "other").lower()
    chosen = token.chosen if token.chosen in adjectives else adjectives[0]
    form = _nominative(chosen.lemma, chosen.tag, "sg", "m1", chosen.quals) or chosen.lemma
    return form.lower()


def _is_adjective(token: Token) -> bool:
    """Whether a word of a name that is no person's is an adjective SGJP knows (by the tagger's reading,
    when there is one; without, unless it is also a proper noun other than a surname: Płockiej)."""
    if token.chosen is not None:
        return token.chosen.pos == "adj" and token.chosen in token.interps
    non_personal = PROPER_QUALIFIERS - _CLASS_QUALIFIERS["person"]
    return any(i.pos == "adj" for i in token.interps) and not any(
        i.pos in _NOUN_POS and non_personal.intersection(i.quals) for i in token.interps)


def _is_name_adjective(token: Token, cls: str, rule: str | None) -> bool:
    """Whether a one-word name is cited as an adjective's lemma: by its category, or by the convention for
    its category when it is an adjective; with no category, when it is a lower-case adjective
    (francuskiego → francuski) or, by the convention, a capitalised word that is only an adjective."""
    if cls == "adjective":
        return True
    if cls == UNKNOWN:
        if token.text[:1].islower():
            return _is_adjective(token)
        # capitalised, of unknown kind: where the convention cites adjectives by their lemma, a word SGJP
        # reads only as an adjective (Europejskiej, Świętokrzyskiej; not Kowalskiego, also a surname)
        readings = [i for i in token.interps if i.pos != "ign"]
        return rule == "adjective_lemma" and bool(readings) and all(i.pos == "adj" for i in readings)
    return rule == "adjective_lemma" and _is_adjective(token)


def _split_compound_tokens(tokens: list[Token]) -> list[Token]:
    """Our tokenization of each token (a corpus may keep Korwina-Mikke or Steve'a whole), with readings."""
    morphology = get_morphology()
    result: list[Token] = []
    for token in tokens:
        parts = tokenize(token.text) if len(token.text) > 1 and not token.text.isalnum() else []
        if len(parts) == 1 and (tail := _APOSTROPHE_TAIL.search(token.text)):
            # Steve'a: the name, the apostrophe, and a Polish case ending to drop
            cut = tail.start()
            parts = [Token(0, cut, token.text[:cut]), Token(cut, cut + 1, token.text[cut]),
                     Token(cut + 1, len(token.text), token.text[cut + 1:])]
        if len(parts) > 1:
            for part in parts:
                result.append(Token(token.start + part.start, token.start + part.end, part.text,
                                    morphology.analyse(part.text)))
        else:
            if not token.interps:
                token.interps = morphology.analyse(token.text)
            result.append(token)
    return result


def base_form(tokens: list[Token], category: str | None = None, convention: str = "kronika") -> str:
    """The base form of one mention; ``tokens`` carry Morfeusz ``interps`` (and optionally ``chosen``).

    ``convention`` is how names are cited (``resources/pl/lemma_conventions.tsv``): ``"kronika"`` as a
    historian does (*ulica Wilanowska*, *Tatarzy*), ``"poleval"`` as the PolEval 2019 / KPWr annotators
    did (*płocki*, *Anglik*). Spacing and punctuation between tokens are kept as in the text the offsets
    point into."""
    rule = _convention_rule(category, convention)
    if not tokens:
        return ""
    if _WEB_ADDRESS.match(_joined(tokens)):
        return _joined(tokens)
    tokens = _split_compound_tokens(tokens)
    if _street_patron(tokens):
        return _joined(tokens)
    cls = name_class(category)
    if len(tokens) == 1 and tokens[0].text[:1].isalpha() and _is_name_adjective(tokens[0], cls, rule):
        return _adjective_base(tokens[0])
    members, state, dropped = _head_phrase(tokens, cls)
    woman = bool(state) and cls in ("person", UNKNOWN) and _named_woman(tokens, members)
    if woman:
        state = {t for t in state if t[2] == "f"} or state
    triple = _choose_triple(tokens, members, state, cls, _preferred_gender(category, cls)) if state else None
    # a person is one (a family's plural, Kowalskich, is cited by the surname: Kowalski)
    singular = cls == "person" or rule == "singular"
    first_word = next((i for i, t in enumerate(tokens) if t.text[:1].isalpha()), None)
    by_usage = _by_usage(cls, tokens)
    replaced = {m.index: _inflect(tokens[m.index], m, triple, cls, singular, m.index == first_word, by_usage,
                                  _regnal(tokens, m.index)) for m in members}
    if triple is not None and triple[2] == "f" and cls in ("person", UNKNOWN) and len(members) > 1:
        # a woman's surname no dictionary knows declines as an adjective: Henryki Reymanowej → Reymanowa
        last = members[-1]
        if not last.readings and (nominative := feminine_surname_base(tokens[last.index].text)):
            replaced[last.index] = nominative
    # the apostrophe before a Polish ending marks the nominative as written: Gary'ego → Gary
    as_written = {i - 1 for i in dropped if tokens[i].text in _APOSTROPHES}
    replaced.update({i: tokens[i].text for i in as_written if i in replaced})
    kept_indexes = [i for i in range(len(tokens)) if i not in dropped]
    rules_forms = dict(replaced)
    for position, i in enumerate(kept_indexes):
        # another word of the head phrase Morfeusz knows fixes this one's case by agreement
        agreement = triple is not None and any(m.readings for m in members if m.index != i)
        # with no category the rules guess the kind of name too: the learned ranker chooses
        # (a woman's name is known to be feminine from its surname: the ranker keeps no say over its words)
        if cls == UNKNOWN and _kind(tokens, i) == "word" and not (woman and i in replaced) and i not in as_written:
            replaced[i] = lemma_edits.choose(lemma_edits.Choice(
                tokens, i, cls, replaced.get(i, tokens[i].text), i in replaced, agreement, position,
                len(kept_indexes)))
    if triple is None or triple[1] == "nom":
        _share_apostrophe_case(tokens, members, dropped, replaced, cls)
    if cls in ("person", UNKNOWN):
        _share_nominative_forename(tokens, members, replaced)
    if cls == UNKNOWN and (triple is None or triple[1] == "nom"):
        _share_ranked_case(tokens, members, replaced, rules_forms)
        _share_stripped_ending(tokens, members, replaced)
    _lower_generic_noun(tokens, kept_indexes, replaced)
    kept = [tokens[i] for i in kept_indexes]
    cited = _joined(kept, {id(tokens[i]): form for i, form in replaced.items()})
    if rule == "forename_first" and _surname_first(kept):
        return " ".join(reversed(cited.split(" ")))
    return cited


def _street_patron(tokens: list[Token]) -> bool:
    """Whether the name is an abbreviated street noun and a noun, the street's patron in the genitive, which
    no case of the street changes (*al. Piłsudskiego*, *ul. Unii Europejskiej*; not an adjective, which agrees
    with the street: *ul. Marszałkowskiej*)."""
    if len(tokens) < 3 or tokens[0].text.lower() not in street_abbreviations() or tokens[1].text != ".":
        return False
    return not any(i.pos == "adj" for i in tokens[2].interps)


def _lower_generic_noun(tokens: list[Token], kept_indexes: list[int], replaced: dict[int, str]) -> None:
    """A generic noun that opens a name of several words is written lower case, as Polish orthography
    has it (``generic_name_nouns.tsv``: *Placu Zbawiciela* → plac Zbawiciela, *Bitwy pod Grunwaldem*)."""
    words = [i for i in kept_indexes if tokens[i].text[:1].isalpha()]
    if len(words) < 2 or words[0] != kept_indexes[0] or tokens[words[0]].text.isupper():
        return
    first = words[0]
    form = replaced.get(first, tokens[first].text)
    if form[:1].isupper() and form.lower() in generic_name_nouns():
        replaced[first] = form.lower()


def _share_apostrophe_case(tokens: list[Token], members: list[_Member], dropped: set[int], replaced: dict[int, str],
                           cls: str) -> None:
    """The words of one name stand in one case: a Polish ending after an apostrophe tells it (*Harry'ego*:
    the genitive), and the unknown words left as written take it too (*Harry'ego Pottera* → Harry Potter)."""
    closed = _case_endings()[1]
    case = None
    for i in sorted(dropped):
        if tokens[i].text in _APOSTROPHES and i + 1 in dropped:
            ending = tokens[i + 1].text.lower()
            cases = [key for key, endings in closed.items() if key.endswith(":sg") and ending in endings]
            case = cases[0] if len(cases) == 1 else None
            break
    if case is None:
        return
    for member in members:
        i = member.index
        if not member.readings and replaced.get(i) == tokens[i].text and i + 1 not in dropped:
            replaced[i] = guess_base(tokens[i].text, cls, case)


def _share_ranked_case(tokens: list[Token], members: list[_Member], replaced: dict[int, str],
                       rules_forms: dict[int, str]) -> None:
    """The words of one name stand in one case: where the ranker read a known word of the head phrase in
    an oblique case the rules did not (Henryka as Henryk's genitive, not the woman's name), the unknown
    words the rules left as written take that case too (Henryka Reymana → Henryk Reyman)."""
    case = None
    for member in members:
        i = member.index
        if i not in rules_forms or replaced.get(i) == rules_forms[i]:
            continue
        cases = {t[1] for r in member.readings for t in r.triples
                 if r.interp.lemma.lower() == replaced[i].lower() and t[0] == "sg"} - {"nom"}
        if len(cases) != 1 and cases != {"gen", "acc"}:  # one case, or the genitive-accusative of a person
            continue
        case = "gen" if "gen" in cases else cases.pop()
        break
    if case is None:
        return
    for member in members:
        i = member.index
        if not member.readings and replaced.get(i) == tokens[i].text:
            replaced[i] = guess_base(tokens[i].text, UNKNOWN, f"{case}:sg")


def _share_nominative_forename(tokens: list[Token], members: list[_Member], replaced: dict[int, str]) -> None:
    """The words of one name stand in one case: a forename that stays as written, with no Polish case ending
    (*Kazys*, *Antanas*), is a nominative, so the unknown surname after it in -a is a nominative too, as
    Lithuanian and Latvian surnames end (*Kazys Srouga*, *Antanas Smetona*), not a genitive (*Sroug*)."""
    if len(members) < 2:
        return
    forename, surname = members[-2], members[-1]
    text = tokens[surname.index].text
    if surname.readings or not text.endswith("a") or replaced.get(surname.index, text) == text:
        return
    if forename.readings or replaced.get(forename.index) != tokens[forename.index].text or \
            not tokens[forename.index].text[:1].isupper() or len(tokens[forename.index].text) < 3:
        return
    replaced[surname.index] = text


def _share_stripped_ending(tokens: list[Token], members: list[_Member], replaced: dict[int, str]) -> None:
    """The capitalised words of one name stand in one case: where one lost a case ending and another,
    left as written, ends in the same ending after a consonant, it loses it too (*Arvida Norberga* → Arvid
    Norberg, *Ehuda Olmerta* → Ehud Olmert; not *Wisła Kraków*, where no word lost an ending)."""
    words = [m.index for m in members if _kind(tokens, m.index) == "word"]
    if len(words) < 2 or not all(tokens[i].text[:1].isupper() for i in words):
        return
    closed = {e for endings in _case_endings()[1].values() for e in endings}
    stripped = set()
    for i in words:
        text, form = tokens[i].text, replaced.get(i, tokens[i].text)
        if len(form) < len(text) and text.lower().startswith(form.lower()):
            stripped.add(text[len(form):].lower())
    if len(stripped) != 1 or not stripped <= closed:
        return
    ending = stripped.pop()
    for i in words:
        text = tokens[i].text
        if (replaced.get(i, text) == text and text.lower().endswith(ending) and len(text) > len(ending) + 2
                and text[-len(ending) - 1].lower() not in _VOWELS):
            replaced[i] = text[: -len(ending)]


def _named_woman(tokens: list[Token], members: list[_Member]) -> bool:
    """A forename that may be a woman's before a woman's surname (Henryka Reymanowa, Henryka Wolska): the
    name is hers, so its words are feminine, not a man's genitive (Henryk Reymanów)."""
    if len(members) < 2 or not is_feminine_surname(tokens[members[-1].index].text):
        return False
    return any(any("imię" in q for q in r.interp.quals) and any(t[2] == "f" for t in r.triples)
               for m in members[:-1] for r in m.readings)


def _surname_first(tokens: list[Token]) -> bool:
    """Two words, a surname and a forename: the first has no forename reading, the second has one
    (Nowak Jan, Sawicki Piotr, Rudaka Jana)."""
    if len(tokens) != 2 or tokens[1].start == tokens[0].end or not all(t.text[:1].isupper() for t in tokens):
        return False
    # a person's forename is singular: Kraków is no plural of the forename Krak (Wisła Kraków)
    is_forename = [any("imię" in i.quals and i.tag.split(":")[1:2] != ["pl"] for i in t.interps) for t in tokens]
    return not is_forename[0] and is_forename[1]


def _joined(tokens: list[Token], replaced: dict[int, str] | None = None) -> str:
    """The tokens' text (or, by token id, its replacement) with a space wherever the text has one."""
    replaced = replaced or {}
    return "".join((" " if i and token.start > tokens[i - 1].end else "") + replaced.get(id(token), token.text)
                   for i, token in enumerate(tokens))


def lemmatize_phrase(text: str, category: str | None = None, convention: str = "kronika") -> str:
    """The base form of a bare phrase: ``'Franciszka Kleeberga'`` → ``'Franciszek Kleeberg'``; a name quoted
    with the preposition that governs it is cited without it: ``'pod Wytycznem'`` → ``'Wytyczno'``. A
    governing preposition is a word of its own written lower case: a capitalised one opens the name
    (*Pod Napięciem*, *Koło Naukowe*, *A 21*), a letter glued to what follows is part of it (*A4*, *CO2*)."""
    tokens = tokenize(text.strip())
    if len(tokens) > 1 and tokens[0].text[:1].islower() and tokens[1].start > tokens[0].end and (
            tokens[1].text[:1].isupper() or tokens[1].text.isdigit()) and any(
            i.pos == "prep" for i in get_morphology().analyse(tokens[0].text)):
        tokens = tokens[1:]
    return base_form(tokens, category, convention)
