"""What a place mention names, read from the words around it (``resources/pl/place_context.tsv``).

- After *ul.*, *ulica*, *Aleje*, *plac* (or coordinated with such a name: *ul. Chmielnej i Złotej*) a
  name is a street; after *dworzec*, *gmach*, *most*, *cmentarz*, *kopalnia*, *szpital* a building or a site
  (*kopalnia Wieczorek*, *cmentarz Bródno*); so is a name that opens with the word
  (*Dworzec Gdański*). A lone feminine adjective Morfeusz reads as no noun (*na Marszałkowskiej*) in a
  text about a town is a street too. These are not geocoded as villages that happen to share the name.
- A word that is also a common noun (*Kowali*, *Izby*, *Pracy*) names a hamlet only with evidence: a
  capital letter that is not the sentence's first, a preposition of place before it, an administrative
  unit beside it or a list of other names, and no capitalised word continuing a longer name (*Izby
  Rzemieślniczej*, *Grupy Pracy*). Without it, only a town or a larger place may be meant; with a
  lower-case adjective after it (*Koła literackiego*) it is a common noun phrase, not a place.
- A name between quotation marks is a title (*„Wisła”*, *»Koła«*), not a place; so is a name after a
  title of nobility (*książę Bordeaux*, *Księciem Szlezwiku*): part of a person's title.
- A one-word name the dictionary (SGJP) knows only as a building's (*Luwr*, *Koloseum*, *Porta*, the
  Ottoman government's seat) is a building.
- A capitalised adjective or a hyphenated word beside the mention may belong to the name (*Polską
  Cerekwią*, *Rawa-Ruska*); the gazetteer decides.
- One capitalised word right after *w*, *do*, *z* (the prepositions asking where, whither, whence) in the
  case the question governs (*w* + locative, *do*/*z* + genitive) and read by Morfeusz as a geographic
  name in that case (*konsul w Warszawie*), or not known to it at all (a foreign name: *do Antivari*), is
  a place even when the name stages typed it a person; the gazetteer must know it as a settlement.
- A word the name stages left out is read the same way: one capitalised word after *w*, *do*, *z* in the
  governed case (*do Göding*), or the words in capitals that open a press dateline, the place the news was
  filed from, before the agency in parentheses (*HELSINGFORS (Pat).*); the gazetteer must know the very
  name as a settlement.
- Polish names a town with *w* and a part of a town (a district, a suburb) with *na* + locative (*na
  Mokotowie*, *na Antokolu*; *teatr na Wiedeniu* is a building): a settlement after *na* in the locative
  is a part of a town the text names, not a town or a village elsewhere (*na Lwów*, the accusative of
  direction, is the town).
- An administrative unit named beside a mention (*Rogienice w powiecie Włoszczowskim*, *pow.
  włoszczowski*, *Bronów powiatu Pleszewskiego*) picks the namesake in that district (PRNG) or region
  (``regional_qualifiers.tsv``), or near its seat town (*powiat nisiecki*: Nisko, ``district_seats.tsv``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from kronika.geo.keys import name_abbreviations
from kronika.geo.qualifiers import adjective_rule_lemma
from kronika.lang.grammar import CASES, case_agrees, number_gender, place_preposition_cases
from kronika.lang.orthography import modernised
from kronika.lang.resources import read_table
from kronika.lang.tokens import QUOTES
from kronika.model import Token

ROLES = frozenset({"street", "building", "preposition", "water", "region", "unit", "title", "nobility", "patron",
                   "particle", "settlement", "honorific", "landform"})
PREPOSITION_ROLES = frozenset({"preposition", "water"})  # "nad" is a preposition of place and says water
REGION_ROLES = frozenset({"region", "unit"})  # a unit is a region whose adjective alone names it
APART = frozenset({"street", "building"})  # what a name after such a word is: not a settlement
HYPHENS = frozenset({"-", "‐", "–"})
DASHES = HYPHENS | {"—"}
COORDINATORS = frozenset({"i", "oraz", "a", "lub", "albo", ","})
NOUN_POS = frozenset({"subst", "depr"})
BUILDING_NAME = "nazwa_własna_budowli"  # SGJP's qualifier of a building's proper name
GEOGRAPHIC_NAME = "nazwa_geograficzna"
ADJECTIVE_POS = frozenset({"adj", "adja", "adjp"})
# parts of speech of words no place is named like, as the tagger reads them in context: verbs, pronouns,
# adverbs, numerals, particles (qub in NKJP's tagset, part in SGJP's), conjunctions, abbreviations
FUNCTION_POS = frozenset({"fin", "impt", "praet", "inf", "imps", "pcon", "pant", "ppron12", "ppron3", "siebie",
                          "adv", "num", "qub", "part", "conj", "comp", "interj", "prep", "pred", "bedzie", "aglt",
                          "brev"})
REGION_WINDOW = 3  # tokens either side where an administrative word locates the name
ROUTE_FROM, ROUTE_TO = frozenset({"z", "ze"}), "do"  # the ends of a route: z Krakowa do Bochni
ROUTE_END_WORDS = 3  # a route's first end is a name of this many words at most (z Nowego Targu do …)
LOCATING = frozenset({"w", "we"})  # "w powiecie X" locates a name, so does "X, powiatu Y"; "i powiaty X" not
DISTRICT_WINDOW = 6  # tokens either side where "w powiecie X" names the mention's district
TITLE_WORDS = 4  # other words a quoted title may have beside the mention: „New York Herald”
DATELINE_WORDS = 3  # words of a town's name in capitals opening a dateline: NOWY YORK (WAT)
AGENT_WORDS = 3  # adverbs and particles between a passive participle and its agent's "przez"
LIST_WORDS = 12  # tokens of a list of one-word names a preposition governs (pod Sarnami, Oranami i Kowlem)
COORDINATED_NAME_WORDS = 3  # words of the first name in "ul. Emilii Plater i Chmielnej"
POLISH_LETTERS = frozenset("ąćęłńóśźż")


@lru_cache(maxsize=1)
def context_words() -> dict[str, str]:
    """Lemma or abbreviation → role, validated on load."""
    words: dict[str, str] = {}
    for number, (word, role) in read_table("kronika.geo", "resources/pl/place_context.tsv", ("word", "role"),
                                           header=True, non_empty=True):
        if role not in ROLES or word != word.lower():
            raise ValueError(f"place_context.tsv line {number}: role must be one of {sorted(ROLES)}, word lower case")
        words[word] = role
    return words


def _role(tokens: Sequence[Token], i: int) -> str | None:
    """The role of token ``i`` by its lemma, or as an abbreviation when a dot follows it."""
    if not 0 <= i < len(tokens):
        return None
    words = context_words()
    token = tokens[i]
    if i + 1 < len(tokens) and tokens[i + 1].text == "." and (role := words.get(token.text.lower() + ".")):
        return role
    return words.get(token.lemma.lower()) or words.get(token.text.lower())


def particle_name_end(tokens: Sequence[Token], first: int) -> int:
    """The last token of a foreign name whose capitalised words lower-case particles join, from its first
    word ``first`` (*Rio de Janeiro*, *Santa Cruz de Tenerife*); ``first`` itself when no particle joins it."""
    last, joined = first, False
    while last + 1 < len(tokens):
        step = 2 if _role(tokens, last + 1) == "particle" and tokens[last + 1].text.islower() else 1
        if last + step >= len(tokens) or not (
                _is_capitalised(tokens[last + step]) and tokens[last + step].text.isalpha()):
            break
        last, joined = last + step, joined or step == 2
    return last if joined else first


def _particle_name_start(tokens: Sequence[Token], last: int) -> int:
    """The first token of such a name from its last word ``last``; ``last`` itself when no particle joins it."""
    first, joined = last, False
    while first >= 1:
        step = 2 if first >= 2 and _role(tokens, first - 1) == "particle" and tokens[first - 1].text.islower() else 1
        if not (_is_capitalised(tokens[first - step]) and tokens[first - step].text.isalpha()):
            break
        first, joined = first - step, joined or step == 2
    return first if joined else last


def _word_before(tokens: Sequence[Token], first: int) -> int:
    """Index of the word before token ``first``, stepping over an abbreviation's dot and a title
    (*kościele św. Katarzyny*: the word before *Katarzyny* is *kościele*)."""
    k = first - 1
    if k >= 1 and tokens[k].text == "." and _role(tokens, k - 1):
        k -= 1
    if _role(tokens, k) == "title" and k >= 1:
        return _word_before(tokens, k)
    return k


def _is_capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def is_building_name(token: Token) -> bool:
    """SGJP reads the word as a building's name (*Luwr*, *Porta*) and as no other geographic name."""
    proper = [i for i in token.interps if i.lemma[:1].isupper()]
    return any(BUILDING_NAME in i.quals for i in proper) and not any(
        GEOGRAPHIC_NAME in i.quals and BUILDING_NAME not in i.quals for i in proper)


def apart_kind(tokens: Sequence[Token], first: int, last: int) -> str | None:
    """``street`` or ``building`` when the words say the mention (tokens ``first``..``last``) is one."""
    if first == last and is_building_name(tokens[first]):
        return "building"
    own = _role(tokens, first)
    if own in APART and last > first:
        return own
    before = _word_before(tokens, first)
    role = _role(tokens, before)
    if role in APART:
        return role
    if headed_by_building(tokens, first, last):
        return "building"
    if before >= 0 and tokens[before].text.lower() in COORDINATORS:
        k = before  # back over the first name of "ul. Emilii Plater i Chmielnej" to its marker
        while k > 0 and before - k < COORDINATED_NAME_WORDS and _is_capitalised(tokens[k - 1]):
            k -= 1
        if k < before and (role := _role(tokens, _word_before(tokens, k))) in APART:
            return role
    return None


def headed_by_building(tokens: Sequence[Token], first: int, last: int) -> bool:
    """A name of several words with a building's noun last (*Krakowskiej Katedrze*, *Królewskiej Hucie*, not
    *Król. Hucie*): a building, unless the gazetteer knows the whole name as a settlement's (``resolve``)."""
    return last > first and _role(tokens, last) == "building" and _abbreviation_end(tokens, first) is None


def _sentence_initial(tokens: Sequence[Token], first: int) -> bool:
    return not any(t.text[:1].isalnum() for t in tokens[:first])


def is_lone_adjective(tokens: Sequence[Token], first: int, last: int) -> bool:
    """One word that Morfeusz reads as a feminine singular adjective, agreeing with an unsaid *ulica*,
    and never as a common or geographic noun (*Marszałkowskiej*; a surname reading does not count)."""
    if first != last:
        return False
    interps = tokens[first].interps
    nouns = [i for i in interps if i.pos in NOUN_POS and (i.lemma[:1].islower() or GEOGRAPHIC_NAME in i.quals)]
    feminine = any(i.pos in ADJECTIVE_POS and ":sg:" in i.tag and ":f:" in f"{i.tag}:" for i in interps)
    return feminine and not nouns


def needs_evidence(tokens: Sequence[Token], first: int, last: int) -> bool:
    """True when a one-word mention is also a common noun and nothing in the sentence says it is a place."""
    if first != last:
        return False
    token = tokens[first]
    if not is_common_word(token):
        return False
    title_case = token.text[:1].isupper() and not token.text.isupper()
    if not title_case or _sentence_initial(tokens, first):
        return True
    before = _word_before(tokens, first)
    following = tokens[last + 1] if last + 1 < len(tokens) else None
    if following is not None and _is_capitalised(following) and following.text[:1].isalpha():
        return True  # the head of a longer name: "Izby Rzemieślniczej"
    if before >= 0 and _is_capitalised(tokens[before]) and _role(tokens, before) not in PREPOSITION_ROLES \
            and not _sentence_initial(tokens, before):
        return True  # the end of a longer name: "Grupy Pracy"
    if _ends_a_name(tokens, first):
        return True
    window = range(max(0, first - REGION_WINDOW), min(len(tokens), last + 1 + REGION_WINDOW))
    located = any(_role(tokens, k) in REGION_ROLES for k in window if k != first)
    listed = before >= 1 and tokens[before].text.lower() in COORDINATORS and _is_proper_name(tokens[before - 1]) \
        or last + 2 < len(tokens) and tokens[last + 1].text.lower() in COORDINATORS \
        and _is_proper_name(tokens[last + 2])  # the first of a list: "Ląd, Lądek, Lelów"
    return not (_role(tokens, before) in PREPOSITION_ROLES or located or listed)


def _ends_a_name(tokens: Sequence[Token], first: int) -> bool:
    """The word follows a preposition that follows a capitalised common noun mid-sentence: with them, the end
    of a body's or a building's name (*Komisja Polaków za Granicą*, *Hotel pod Orłem*) when it is a common
    noun too; not after a name (*szewca Malińskiego z Krobi*, *z Worochty przez Tatarów*)."""
    return first >= 2 and _role(tokens, first - 1) in PREPOSITION_ROLES and _is_capitalised(tokens[first - 2]) \
        and not _sentence_initial(tokens, first - 2) and is_common_word(tokens[first - 2])


def is_common_word(token: Token) -> bool:
    """Morfeusz reads the word as a common noun, or the tagger reads it in context as a verb, a pronoun,
    an adverb, a numeral or another word no place name is (*Słuchaj*, *Mnie*, *Tam*, *Wiele* opening a
    sentence)."""
    chosen = token.chosen
    return chosen is not None and chosen.pos in FUNCTION_POS or any(
        i.pos in NOUN_POS and i.lemma[:1].islower() and GEOGRAPHIC_NAME not in i.quals for i in token.interps)


def is_function_word(tokens: Sequence[Token], first: int, last: int) -> bool:
    """One word the tagger reads in context as a word no place is named like (*Tam na nas się czają*, *Banki
    są OK*), with no preposition of place before it: no place at all, not even a town of that name."""
    chosen = tokens[first].chosen
    return first == last and chosen is not None and chosen.pos in FUNCTION_POS \
        and _role(tokens, _word_before(tokens, first)) not in PREPOSITION_ROLES


def in_longer_name(tokens: Sequence[Token], first: int, last: int) -> bool:
    """A one-word common noun inside a longer capitalised name, its head or its end (*Koła Polskiego*,
    *Unii Europejskiej*, *Srebrnym Krzyżem Zasługi*): the name of a body or a decoration, no settlement
    unless the gazetteer knows the whole name (*Góra Kalwaria*)."""
    if first != last or not any(i.pos in NOUN_POS and i.lemma[:1].islower() and GEOGRAPHIC_NAME not in i.quals
                                for i in tokens[first].interps):
        return False
    token = tokens[first]
    if not token.text[:1].isupper() or token.text.isupper():
        return False

    def title_case(k: int) -> bool:
        return 0 <= k < len(tokens) and tokens[k].text[:1].isupper() and not tokens[k].text.isupper()

    def agreeing_adjective(k: int) -> bool:
        chosen = tokens[k].chosen
        return chosen is not None and chosen.pos in ADJECTIVE_POS and case_agrees(tokens[k], token) \
            and bool(number_gender(tokens[k]) & number_gender(token))

    # a name after it is another name (prezydent Łodzi Marek ...); an agreeing adjective or a common noun in
    # the genitive continues this one (Koła Polskiego, Krzyżem Zasługi), as the word is read in context
    following = tokens[last + 1].chosen if last + 1 < len(tokens) else None
    if title_case(last + 1) and (agreeing_adjective(last + 1) or following is not None and following.pos in NOUN_POS
                                 and following.lemma[:1].islower() and ":gen" in following.tag):
        return True
    return title_case(first - 1) and not _sentence_initial(tokens, first - 1) and agreeing_adjective(first - 1)


def _is_proper_name(token: Token) -> bool:
    """Capitalised and never a common noun: a place in a list (*Gółkowic i Chałupek*), unlike
    *Ślusarzy, Kowali*."""
    return _is_capitalised(token) and not token.text.isupper() and not any(
        i.pos in NOUN_POS and i.lemma[:1].islower() for i in token.interps)


def _triples(token: Token, common: bool = False) -> set[tuple[str, str, str]]:
    """(number, case, gender) of the token's nominal and adjectival readings, of its common-noun readings
    only when ``common`` (*Warszawy* as the car, not as a surname)."""
    found: set[tuple[str, str, str]] = set()
    for interp in token.interps:
        parts = interp.tag.split(":")
        if len(parts) < 4 or not (interp.pos in NOUN_POS and interp.lemma[:1].islower() if common
                                  else interp.pos in NOUN_POS | ADJECTIVE_POS):
            continue
        found.update((n, c, g) for n in parts[1].split(".") for c in parts[2].split(".") for g in parts[3].split("."))
    return found


def is_common_phrase(tokens: Sequence[Token], first: int, last: int) -> bool:
    """A one-word common noun with a lower-case adjective after it that agrees with it in case, number
    and gender: the head of a noun phrase (*Koła literackiego*), not a town of that name (*z Warszawy
    powiatowy lekarz*: the adjective belongs to the noun after it; *w Lublinie trzydniowy proces*: a vocative
    of the common noun agrees, but *w* governs the locative); or an adjective agreeing with a
    lower-case noun after it (*w Czarnych olędrach*): it describes that noun, not the town *Czarne*."""
    if first != last or last + 1 >= len(tokens):
        return False
    token, following = tokens[first], tokens[last + 1]
    if not following.text[:1].islower():
        return False
    following_noun = any(i.pos in NOUN_POS for i in following.interps)
    following_adjective = any(i.pos in ADJECTIVE_POS for i in following.interps)
    common = any(i.pos in NOUN_POS and i.lemma[:1].islower() for i in token.interps)
    governed = governed_cases(tokens, first)  # after a preposition only the cases it governs agree
    agreeing = {t for t in _triples(token, common=True) & _triples(following) if not governed or t[1] in governed}
    if common and following_adjective and not following_noun and (
            _sentence_initial(tokens, first) or tokens[first - 1].text in DASHES | {":"}  # "- Unia musi"
            or bool(agreeing)
            and (following.chosen is None or following.chosen.pos in ADJECTIVE_POS)):
        return True  # but "w okolicach Gródka stały wojska": a verb in context, in another case
    adjective = any(i.pos in ADJECTIVE_POS for i in token.interps)
    return adjective and following_noun and not following_adjective and case_agrees(token, following) \
        and bool(number_gender(token) & number_gender(following))


def districts(tokens: Sequence[Token], first: int, last: int) -> tuple[str, ...]:
    """The adjective lemmas of the administrative units named beside the mention, in text order (*w
    powiecie Włoszczowskim* → ``włoszczowski``; *Borsuki, gm. Chocieńczyckiej, pow. Wilejskiego* → the
    commune's and the district's), whose places should win."""
    found: list[str] = []
    window = range(max(0, first - DISTRICT_WINDOW), min(len(tokens), last + 1 + DISTRICT_WINDOW))
    for k in window:
        if first <= k <= last or _role(tokens, k) not in REGION_ROLES:
            continue
        abbreviated = k + 1 < len(tokens) and tokens[k + 1].text == "."
        right_after = k == last + 1 or k == last + 2 and tokens[last + 1].text == ","
        listed_after = bool(found) and k > last  # "gm. Chocieńczyckiej, pow. Wilejskiego"
        if not (k >= 1 and tokens[k - 1].text.lower() in LOCATING or abbreviated or right_after or listed_after):
            continue  # "miasto Opole i powiaty opolski": listed beside it, not locating it
        after = k + 2 if k + 1 < len(tokens) and tokens[k + 1].text == "." else k + 1
        if after < len(tokens) and not first <= after <= last:
            adjectives = [i.lemma.lower() for i in tokens[after].interps if i.pos in ADJECTIVE_POS]
            guessed = adjective_rule_lemma(tokens[after].text)  # an old district Morfeusz lacks: Nisieckim
            if adjectives or guessed:
                found.append(adjectives[0] if adjectives else str(guessed))
    return tuple(dict.fromkeys(found))


def names_a_unit(tokens: Sequence[Token], first: int) -> bool:
    """After an administrative word (*gub. Kijowskiej*, *w powiecie Nisieckim*): the adjective names the
    unit, not a street."""
    return _role(tokens, _word_before(tokens, first)) in REGION_ROLES


@lru_cache(maxsize=64)
def unit_gender(word: str) -> str | None:
    """``m``, ``f`` or ``n``: the grammatical gender of an administrative unit's noun (*powiat*, *gmina*,
    *województwo*), or of the one whose initial letters an abbreviation is (*pow.*, *gm.*, *woj.*)."""
    from kronika.morph.analyzer import get_morphology

    if word.endswith("."):
        stem = word[:-1]
        word = next((w for w, role in context_words().items() if role in REGION_ROLES and not w.endswith(".")
                     and w.startswith(stem)), "")
    genders = {part[0] for i in get_morphology().analyse(word) if i.pos == "subst" and i.lemma == word
               for part in i.tag.split(":")[3:4] for part in part.split(".")}
    return next(iter(genders)) if len(genders) == 1 else None


_LAND_LOCATIVE = re.compile(r"([sc]k)(?:im|iem)$")  # the locative of a -ski/-cki adjective, before 1936 also -skiem
_GENDER_ENDINGS = {"m": "i", "f": "a", "n": "ie"}  # of -ski/-cki adjectives: nisiecki, nisiecka, nisieckie


def unit_name(tokens: Sequence[Token], first: int, last: int) -> str | None:
    """The base form of a one-word adjective naming an administrative unit after the unit's noun, in the
    noun's gender and as capitalised in the text (*w powiecie Nisieckim* → Nisiecki, *gm. Chocieńczyckiej* →
    Chocieńczycka, *woj. wileńskiego* → wileńskie); None otherwise."""
    if first != last or not names_a_unit(tokens, first):
        return None
    before = _word_before(tokens, first)
    noun = tokens[before]
    abbreviated = before + 1 < len(tokens) and tokens[before + 1].text == "."
    unit = noun.text.lower() + "." if abbreviated else noun.lemma.lower()
    word = tokens[first].text
    masculine = adjective_rule_lemma(word)
    gender = unit_gender(unit)
    if masculine is None or gender is None:
        return None
    name = masculine[:-1] + _GENDER_ENDINGS[gender]
    return name[0].upper() + name[1:] if word[:1].isupper() else name


def land_name(tokens: Sequence[Token], first: int, last: int) -> str | None:
    """The base form of a capitalised -ski/-cki adjective standing alone in the locative after *w* or *na*
    (*w Kieleckiem*, *w Zabrskiem*, today *w Kieleckim*): the land around a town, the neuter adjective
    used as a noun (ziemia kielecka, the older województwo kieleckie), which Polish cites in the neuter
    (Kieleckie), not a settlement (*Bytomskiem* is no village Bytomsko). None otherwise, or when a noun it
    may agree with follows (*w Poznańskim Towarzystwie*, *w Lubelskim teatrze*)."""
    word = tokens[first].text
    if first != last or not word[:1].isupper() or word.isupper() or not _LAND_LOCATIVE.search(word.lower()):
        return None
    before = _word_before(tokens, first)
    if before < 0 or tokens[before].text.lower() not in LOCATING | {"na"}:
        return None
    following = tokens[last + 1] if last + 1 < len(tokens) else None
    if following is not None and following.text[:1].isalpha() and (_is_capitalised(following) or any(
            i.pos in NOUN_POS and "loc" in i.tag for i in following.interps)):
        return None
    return _LAND_LOCATIVE.sub(r"\1ie", word)


def unit_adjectives(tokens: Sequence[Token], named: set[int]) -> list[tuple[int, str]]:
    """Adjectives no entity covers (``named``: the indices of those an entity covers) that name an
    administrative unit after its noun, each of a list (*w powiatach kutnowskim i łęczyckim*, *województwa
    lwowskiego*), or a word no dictionary knows with an adjective's -ski/-cki ending (*z powiatu
    sarneńskiego*): ``(index, base form in the noun's gender)``."""
    found: list[tuple[int, str]] = []
    for k, token in enumerate(tokens):
        if _role(tokens, k) != "unit":
            continue
        abbreviated = k + 1 < len(tokens) and tokens[k + 1].text == "."
        gender = unit_gender(token.text.lower() + "." if abbreviated else token.lemma.lower())
        at = k + 2 if abbreviated else k + 1
        while gender is not None and at < len(tokens) and at not in named and tokens[at].text.isalpha() \
                and (any(i.pos in ADJECTIVE_POS for i in tokens[at].interps)  # or one no dictionary knows:
                     or all(i.tag == "ign" for i in tokens[at].interps)) \
                and (masculine := adjective_rule_lemma(tokens[at].text)) is not None:  # its -ski/-cki says it
            name = masculine[:-1] + _GENDER_ENDINGS[gender]
            found.append((at, name[0].upper() + name[1:] if tokens[at].text[:1].isupper() else name))
            if not (at + 2 < len(tokens) and tokens[at + 1].text.lower() in COORDINATORS):
                break
            at += 2
    return found


def is_mixed_case_abbreviation(tokens: Sequence[Token], first: int, last: int) -> bool:
    """One word with a capital after a small letter (*PiS*, *SdRP*): an abbreviation of a body's name, as
    Polish spells some, not a place."""
    text = tokens[first].text
    pairs = zip(text, text[1:], strict=False)
    return first == last and text.isalpha() and any(a.islower() and b.isupper() for a, b in pairs)


def is_titled(tokens: Sequence[Token], first: int) -> bool:
    """After a title of nobility (*książę Bordeaux*): the name is part of a person's title; after *im.*
    (*1 DP im. T. Kościuszki*, *szkoła imienia Staszica*) it is the patron's name; after *p.*, *pani* (*p.
    Brokowa*) a person's."""
    before = _word_before(tokens, first)
    if before >= 2 and tokens[before].text == "." and len(tokens[before - 1].text) == 1:
        before = _word_before(tokens, before - 1)  # over the patron's initial: "im. T. Kościuszki"
    return _role(tokens, before) in ("nobility", "patron", "honorific") or _maiden_family(tokens, first)


@lru_cache(maxsize=4096)
def _feminine_forename(word: str) -> bool:
    """A woman's first name, in the spelling of the time or today's (*Marję* → Marię)."""
    from kronika.morph.analyzer import get_morphology

    return any("imię" in i.quals and ":f" in i.tag for w in dict.fromkeys((word, modernised(word)))
               for i in get_morphology().analyse(w))


def _maiden_family(tokens: Sequence[Token], first: int) -> bool:
    """*z* and a family name in the genitive plural after a woman's first name (*Annę z Kossakowskich*): the
    family she was born into, as Polish writes a married woman's maiden name, not a place she came from."""
    return first >= 2 and tokens[first - 1].text == "z" and _is_capitalised(tokens[first - 2]) \
        and any("nazwisko" in i.quals and ":pl:gen" in i.tag for i in tokens[first].interps) \
        and _feminine_forename(tokens[first - 2].text)


def is_quoted(tokens: Sequence[Token], first: int, last: int) -> bool:
    """Between quotation marks, alone or among other capitalised words: the title of a paper, a work or a
    society (*„Wisła”*, *»Koła«*, *„New York Herald”*), which Polish sets in quotes, not a place. A quoted
    phrase with a lower-case word (*„Warszawa walczy”*) is speech, not a title."""
    def reaches_quote(k: int, step: int) -> bool:
        for _ in range(TITLE_WORDS + 1):
            if not 0 <= k < len(tokens):
                return False
            text = tokens[k].text
            if text in QUOTES:
                return True
            if text[:1].isalpha() and not text[:1].isupper():
                return False
            k += step
        return False

    opening = tokens[first].text in QUOTES or reaches_quote(first - 1, -1)
    closing = tokens[last].text in QUOTES or reaches_quote(last + 1, 1)
    return opening and closing


def wider_name(tokens: Sequence[Token], first: int, last: int) -> str | None:
    """The mention with the capitalised adjective before it, or the capitalised or hyphenated word or the
    adjective after it, that the name stages left out (*Polską Cerekwią*, *Rawa-Ruska*, *San Sebastian*,
    *Rawy ruskiej* as older texts write it), for the gazetteer to confirm; None when there is none."""
    def text(a: int, b: int) -> str:
        return "".join(t.text + " " * (i + 1 < len(tokens) and tokens[i + 1].start > t.end)
                       for i, t in enumerate(tokens[a:b + 1], a)).strip()

    before = next((k for k in (first - 2, first - 1) if _abbreviation_end(tokens, k) == first - 1), None)
    if before is not None:
        return text(before, last)  # "Król. Hucie"
    if (dot := _abbreviation_end(tokens, last)) is not None:
        if dot + 1 < len(tokens) and _is_capitalised(tokens[dot + 1]):
            return text(first, dot + 1)  # "Tarn. Górach"
        if dot > last:
            return text(first, dot)  # "Tomaszów Maz." with the abbreviation's dot
    if (dot := _abbreviation_end(tokens, last + 1)) is not None:
        return text(first, dot)  # "Ostrów Wlkp."
    if last + 2 < len(tokens) and tokens[last + 1].text in HYPHENS and _is_capitalised(tokens[last + 2]) \
            and tokens[last + 1].start == tokens[last].end:
        return text(first, last + 2)
    if first > 1 and tokens[first - 1].text in HYPHENS and _is_capitalised(tokens[first - 2]) \
            and tokens[first - 1].end == tokens[first].start:
        return text(first - 2, last)  # "NOWY-YORK"
    if first > 0 and _is_capitalised(tokens[first - 1]) and any(
            i.pos in ADJECTIVE_POS for i in tokens[first - 1].interps):
        return text(first - 1, last)
    if (end := particle_name_end(tokens, last)) > last:
        return text(first, end)  # "Santa Cruz de Tenerife"
    if last + 1 < len(tokens) and tokens[last + 1].text[:1].isalpha() and (
            _is_capitalised(tokens[last + 1]) or any(i.pos in ADJECTIVE_POS for i in tokens[last + 1].interps)):
        return text(first, last + 1)  # "Rawie Ruskiej", "Nowym Sączu", "San Sebastian", older "Rawy ruskiej"
    return None


def _joining_dash(tokens: Sequence[Token], i: int) -> bool:
    """Token ``i`` is a dash between two names (*Narol—Uhnów*, *Komarno — Rawa*), not the hyphen inside a
    compound name (*Bielsko-Biała*), which touches both its parts."""
    dash = tokens[i]
    if dash.text not in DASHES or not 0 < i < len(tokens) - 1:
        return False
    return dash.text != "-" or tokens[i - 1].end < dash.start or dash.end < tokens[i + 1].start


def _abbreviation_end(tokens: Sequence[Token], i: int) -> int | None:
    """The index of the dot when token ``i`` abbreviates a place name's qualifying word (*Król.*, *Wlkp.*: one
    token with its dot, or the word and the dot right after it), else None."""
    if i < 0 or i >= len(tokens):
        return None
    word = tokens[i].text
    if word.endswith(".") and word[:-1] in name_abbreviations():
        return i
    if i + 1 < len(tokens) and word in name_abbreviations() and tokens[i + 1].text == "." \
            and tokens[i + 1].start == tokens[i].end:
        return i + 1
    return None


def _unit_follows(tokens: Sequence[Token], last: int) -> bool:
    """An administrative unit follows the mention: *Grudna Kępska, w powiecie Jasielskim*, *X, pow. Y*."""
    k = last + 1
    if k < len(tokens) and tokens[k].text == ",":
        k += 1
    if k < len(tokens) and tokens[k].text.lower() in LOCATING:
        k += 1
    return _role(tokens, k) in REGION_ROLES


def governed_cases(tokens: Sequence[Token], first: int) -> frozenset[str]:
    """The cases in which the word at ``first`` says where, after the preposition of place right before it
    (*w* + locative, *do*/*z* + genitive, *pod* + instrumental or accusative: ``place_preposition_cases``;
    *z* + instrumental is "with": *z Nowakiem*), or before a list of one-word names it opens (*przez
    Tatarów i Jaremcze*: the preposition governs every member); empty after any other word."""
    k = _particle_name_start(tokens, first) - 1
    while k >= 2 and tokens[k].text.lower() in COORDINATORS and _is_capitalised(tokens[k - 1]) \
            and tokens[k - 1].text.isalpha() and first - k < LIST_WORDS:
        k = _particle_name_start(tokens, k - 1) - 1  # "do Lizbony, Rio de Janeiro, Santos"
    if k < 0 or _role(tokens, k) not in PREPOSITION_ROLES or _agent(tokens, k, first):
        return frozenset()
    return place_preposition_cases(tokens[k].text.lower())


def _agent(tokens: Sequence[Token], k: int, first: int) -> bool:
    """*przez* (token ``k``) names an agent, not the way through a place: after a passive participle (*aleja
    sadzona jeszcze przez Radziwiłłów*, *został wybrany przez Nowaka*), or before a plural of persons, a people
    or a family, off a route (*bojkot przez Serbów*; a route: *z Worochty przez Tatarów na przełęcz*)."""
    if tokens[k].text.lower() != "przez":
        return False
    for j in range(k - 1, max(-1, k - 1 - AGENT_WORDS), -1):
        chosen = tokens[j].chosen
        if chosen is not None and chosen.pos == "ppas":
            return True
        if chosen is None or chosen.pos not in ("adv", "qub", "part"):
            break
    fields = [[set(part.split(".")) for part in i.tag.split(":")] for i in tokens[first].interps if i.pos == "subst"]
    persons = any(len(f) > 3 and "pl" in f[1] and "m1" in f[3] for f in fields)
    return persons and not _on_a_route(tokens, k, first)


def _on_a_route(tokens: Sequence[Token], k: int, first: int) -> bool:
    """*przez* at token ``k`` stands between the ends of a route: a place after *z* a few words before it, or
    one after *do* or *na* right after the word at ``first`` (*z Worochty przez Tatarów*, *przez Tatarów do
    Jaremcza*)."""
    before = any(tokens[j].text.lower() in ROUTE_FROM and _is_capitalised(tokens[j + 1])
                 for j in range(max(0, k - 1 - ROUTE_END_WORDS), k - 1))
    after = first + 2 < len(tokens) and tokens[first + 1].text.lower() in ("do", "na") \
        and tokens[first + 2].text[:1].isalpha()
    return before or after


def governed_place(tokens: Sequence[Token], first: int, last: int) -> str | None:
    """``located`` when an administrative unit follows the name (*Grudna Kępska, w powiecie Jasielskim*);
    ``named`` when a noun for a town or a village stands before it (*w miasteczku Aurich*);
    for one title-case word right after a preposition of place (*w*, *do*, *z*, *pod*, *koło*, *przez*…):
    ``known`` when it is, in a case the preposition governs there, a geographic name to Morfeusz (*w
    Warszawie*, *pod Kowlem*); ``foreign`` when Morfeusz does not know the word and it has no Polish letter
    (*do Antivari*: an indeclinable foreign name), and for the words of a foreign name that particles join
    (*do Rio de Janeiro*); ``declined`` otherwise, a place only if it is a case form
    of a settlement's name in such a case (*pomiędzy Kurnikami*, *z Gółkowic*: ``resolve``); None otherwise
    (*od Nowaka*)."""
    if _unit_follows(tokens, last) and all(_is_capitalised(t) for t in tokens[first:last + 1] if t.text[:1].isalpha()):
        return "located"
    if first != last and last == particle_name_end(tokens, first) and governed_cases(tokens, first):
        return "foreign"  # "do Santa Cruz de Tenerife": particles join the words of one foreign name
    if first != last or first == 0:
        return None
    token = tokens[first]
    if _role(tokens, first - 1) == "settlement" and token.text[:1].isupper() and not token.text.isupper():
        return "named"  # "w miasteczku Aurich": the noun says what the name names
    governed = governed_cases(tokens, first)
    if not governed or not token.text[:1].isupper() or token.text.isupper():
        return None
    readings = [i for i in token.interps if i.tag != "ign"]
    if not readings and not POLISH_LETTERS & set(token.text.lower()):
        return "foreign"  # a Polish letter says the unknown word is Polish or declined (z Gółkowic), not foreign
    if any(GEOGRAPHIC_NAME in i.quals and governed.intersection(
            c for part in i.tag.split(":")[1:] for c in part.split(".") if c in CASES) for i in readings):
        return "known"
    if not token.text.isalpha() or is_common_word(token) and _ends_a_name(tokens, first):
        return None
    return "declined"


def is_landmark_word(tokens: Sequence[Token], i: int) -> bool:
    """A capitalised word mid-sentence right after a preposition of place that the tagger reads as a common
    noun (*na Śnieżce*, *nad Amurem*: a snowball, a cupid): maybe a mountain's or a river's name the dictionary
    lacks, which the capital letter marks; the gazetteer must know it as one."""
    token = tokens[i]
    if not token.text.isalpha() or not token.text[:1].isupper() or token.text.isupper():
        return False
    chosen = token.chosen
    return chosen is not None and chosen.pos in NOUN_POS and chosen.lemma[:1].islower() \
        and _role(tokens, _word_before(tokens, i)) in PREPOSITION_ROLES


def dateline(tokens: Sequence[Token]) -> int | None:
    """The index of the last word of a press dateline's place: the sentence opens with one to
    ``DATELINE_WORDS`` words in capitals followed by the news agency in parentheses (*HELSINGFORS (Pat).*,
    *NOWY YORK (WAT)*); None when the sentence opens otherwise."""
    k = 0
    while k < len(tokens) and k < DATELINE_WORDS and tokens[k].text.isupper() and tokens[k].text.isalpha():
        k += 1
    agency = tokens[k + 1:k + 3]
    if k == 0 or k + 2 >= len(tokens) or tokens[k].text != "(" or agency[1].text != ")" \
            or not agency[0].text[:1].isupper():
        return None
    return k - 1


def unnamed_places(tokens: Sequence[Token], named: set[int], persons: frozenset[int] = frozenset(),
                   places: frozenset[int] = frozenset()) -> list[tuple[int, int, str]]:
    """Spans of tokens no entity covers (``named``: the indices of those an entity covers) that the context
    says name a place: ``(first, last, why)`` with ``why`` as :func:`governed_place` gives it, ``dateline``,
    ``landmark`` (a capitalised common noun after a preposition of place: :func:`is_landmark_word`),
    ``joined`` (a word joined by a dash to a place, ``places``: the indices of those a place entity covers:
    *Narol—Uhnów*),
    or ``abbreviated`` (a name with an abbreviated qualifying word, *Król. Hutę*, even where a person
    mention covers it, ``persons``: the name stages read *Król.* as a first name's abbreviation). A word the
    tagger reads in context as no geographic name (*ktoś z Polaków*) or that a capitalised word continues (*do
    Głównego Inspektora*) is left alone: no entity vouches for it."""
    found = []
    last = dateline(tokens)
    if last is not None and named.isdisjoint(range(last + 1)):
        found.append((0, last, "dateline"))
    for i in range(len(tokens) - 1):  # "w Król. Hucie", "miasto Tarn. Góry": the abbreviation marks a place name
        dot = _abbreviation_end(tokens, i)
        if dot is not None and dot + 1 < len(tokens) and _is_capitalised(tokens[dot + 1]) \
                and named.difference(persons).isdisjoint(range(i, dot + 2)):
            found.append((i, dot + 1, "abbreviated"))
    for i in range(len(tokens)):  # "Narol—Uhnów", "Komarno — Rawa": a line between two places
        if i not in named and _is_capitalised(tokens[i]) and tokens[i].text.isalpha() and (
                i >= 2 and _joining_dash(tokens, i - 1) and i - 2 in places
                or i + 2 < len(tokens) and _joining_dash(tokens, i + 1) and i + 2 in places):
            found.append((i, i, "joined"))
    for i in range(1, len(tokens)):
        if (end := particle_name_end(tokens, i)) > i and named.isdisjoint(range(i, end + 1)) \
                and _particle_name_start(tokens, i) == i and governed_place(tokens, i, end) == "foreign":
            found.append((i, end, "foreign"))  # "do Rio de Janeiro": the gazetteer must know the whole name
            continue
        if i in named or i + 1 < len(tokens) and _is_capitalised(tokens[i + 1]) and tokens[i + 1].text[:1].isalpha():
            continue
        if not _is_capitalised(tokens[i]) or tokens[i].text.isupper():
            continue  # both tests below ask for a title-case word: most tokens are not one
        if is_landmark_word(tokens, i):
            found.append((i, i, "landmark"))
            continue
        why = governed_place(tokens, i, i)
        chosen = tokens[i].chosen
        if why in ("foreign", "declined") or why == "known" and chosen is not None and GEOGRAPHIC_NAME in chosen.quals:
            found.append((i, i, why))
    return found


def by_water(tokens: Sequence[Token], first: int) -> bool:
    """After *nad* or a noun for a river or its parts (*rzeka*, *ujście*, *brzeg*): a river, not the town or
    the village named like it (*wieś nad Pilicą*, *ujście Nidy*)."""
    return _role(tokens, _word_before(tokens, first)) == "water"


def plural_names(tokens: Sequence[Token], first: int, last: int) -> frozenset[str]:
    """The geographic names a one-word mention can only be a plural case form of (*New*, *Cis*: genitive
    plurals of Newa, Cisa): no river, which is named in the singular."""
    if first != last:
        return frozenset()
    numbers: dict[str, set[str]] = {}
    for interp in tokens[first].interps:
        if GEOGRAPHIC_NAME in interp.quals:
            numbers.setdefault(interp.lemma.split(":", 1)[0], set()).update(interp.tag.split(":")[1].split("."))
    return frozenset(name for name, found in numbers.items() if found == {"pl"})


def singular_form(tokens: Sequence[Token], first: int, last: int) -> bool:
    """A one-word mention that can only be a singular case form: every reading Morfeusz gives it is
    singular, or, a word it does not know, it ends in the *-e* of a singular's locative or dative (*na
    Tatrze*, *w Karwinie*). No plurale tantum's form ends so (its cases end in *-ów*, *-om*, *-ami*,
    *-ach*), so it names no place whose name is one (Tatry)."""
    if first != last or not tokens[first].text.isalpha():
        return False
    numbers = {n for i in tokens[first].interps if i.pos == "subst" for n in i.tag.split(":")[1].split(".")}
    if any(i.tag != "ign" for i in tokens[first].interps):
        return numbers == {"sg"}
    return tokens[first].text.endswith("e")


def inside_a_place(tokens: Sequence[Token], first: int, last: int) -> bool:
    """After *w*: a place one is in, a settlement rather than the river of its name (*w Pilicy*); so is either
    end of a route *z X do Y* (*z Pilicy do Wolbromia*, *z Wolbromia do Pilicy*): one travels between
    settlements, and leaves or reaches a river *znad*, *nad* it (*z*, *do* alone may mean its water: *ryby z
    Pilicy*, *wpada do Wisły*)."""
    before = _word_before(tokens, first)
    if before < 0:
        return False
    word = tokens[before].text.lower()
    if word in LOCATING:
        return True
    if word in ROUTE_FROM:
        return last + 2 < len(tokens) and tokens[last + 1].text.lower() == ROUTE_TO \
            and _is_capitalised(tokens[last + 2])
    if word != ROUTE_TO:
        return False
    k = before - 1  # back over the route's first end, a name of a few capitalised words
    while k >= 0 and before - k <= ROUTE_END_WORDS and tokens[k].text.lower() not in ROUTE_FROM \
            and _is_capitalised(tokens[k]):
        k -= 1
    return 0 <= k < before - 1 and tokens[k].text.lower() in ROUTE_FROM


def names_a_part_of_town(tokens: Sequence[Token], first: int) -> bool:
    """After *na* with the name in the locative, or in a form Morfeusz does not know (*na Mokotowie*, *na
    Wiedeniu*): a district or a suburb, as Polish names them, not a town."""
    before = _word_before(tokens, first)
    if before < 0 or tokens[before].text.lower() != "na":
        return False
    readings = [i for i in tokens[first].interps if i.tag != "ign"]
    named = [i for i in readings if GEOGRAPHIC_NAME in i.quals] or readings  # a place's own readings decide
    cases = {case for i in named for part in i.tag.split(":")[1:] for case in part.split(".")}
    return not readings or "loc" in cases and "acc" not in cases  # "na Paryż" (via Paris): accusative


@dataclass(frozen=True, slots=True)
class MentionContext:
    apart: str | None  # "street" / "building": not to be geocoded as a settlement
    lone_adjective: bool  # a street only in a text about a town
    towns_only: bool  # a common noun without evidence: a village namesake is not meant
    common_phrase: bool = False  # a common noun heading a phrase: no place at all
    quoted: bool = False  # a title in quotation marks: no place at all
    abbreviation: bool = False  # a mixed-case abbreviation (PiS): a body, no place at all
    titled: bool = False  # part of a nobility title: no place where anything happens
    wider: str | None = None  # the mention with an adjacent adjective or hyphenated word
    districts: tuple[str, ...] = ()  # the adjectives of the administrative units beside it
    governed: str | None = None  # "known" / "foreign" / "located"…: a place by its context (governed_place)
    cases: frozenset[str] = frozenset()  # the cases the preposition before it governs as one of place
    part_of_town: bool = False  # after "na" + locative: a district or a suburb of a town the text names
    longer_name: bool = False  # a common noun inside a longer capitalised name: no place unless it is whole
    unit: str | None = None  # the base form of an adjective naming an administrative unit (unit_name)
    function_word: bool = False  # read in context as an adverb, a particle, a verb…: no place at all
    water: bool = False  # after "nad", "rzeka", "ujście": a river where one has the name (by_water)
    inside: bool = False  # after "w", or a route's end: a settlement where one has the name, not the river
    plural_names: frozenset[str] = frozenset()  # names it is only a plural form of: no river (plural_names)
    singular: bool = False  # only a singular case form: no plurale tantum's name (singular_form)
    land: str | None = None  # "w Kieleckiem": the land's base form, a region, no settlement (land_name)
    building_head: bool = False  # several words, a building's noun last: a building unless a town's whole name
    landform: bool = False  # after "dolina", "szczyt": a river or a mountain, no settlement (place_context.tsv)


def read_context(tokens: Sequence[Token], start: int, end: int) -> MentionContext:
    """The context of the mention spanning ``start``–``end`` among a sentence's tokens."""
    inside = [i for i, t in enumerate(tokens) if start <= t.start and t.end <= end]
    if not inside:
        return MentionContext(None, False, False)
    first, last = inside[0], inside[-1]
    return MentionContext(
        apart=apart_kind(tokens, first, last),
        lone_adjective=is_lone_adjective(tokens, first, last) and not names_a_unit(tokens, first),
        towns_only=needs_evidence(tokens, first, last), common_phrase=is_common_phrase(tokens, first, last),
        quoted=is_quoted(tokens, first, last), titled=is_titled(tokens, first),
        abbreviation=is_mixed_case_abbreviation(tokens, first, last),
        districts=districts(tokens, first, last), wider=wider_name(tokens, first, last),
        governed=governed_place(tokens, first, last), cases=governed_cases(tokens, first),
        part_of_town=names_a_part_of_town(tokens, first),
        longer_name=in_longer_name(tokens, first, last), unit=unit_name(tokens, first, last),
        function_word=is_function_word(tokens, first, last), water=by_water(tokens, first),
        inside=inside_a_place(tokens, first, last), plural_names=plural_names(tokens, first, last),
        singular=singular_form(tokens, first, last), land=land_name(tokens, first, last),
        building_head=headed_by_building(tokens, first, last),
        landform=_role(tokens, _word_before(tokens, first)) == "landform")
