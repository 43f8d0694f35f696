"""Rule-based recognisers of the contract's entity types, driven by the data in ``resources/pl``.

Each recogniser reads one sentence's tokens (with their Morfeusz readings) and returns
:class:`Mention` candidates; :mod:`kronika.ner.entities` merges them with the statistical NKJP spans.
Words are matched on every Morfeusz lemma of a token, not only the chosen one, so that a name is found
in any case form whatever the disambiguator picked (*Polską* has a surname reading too).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from kronika.lang.grammar import (
    FINITE_VERBS,
    NON_FINITE_VERBS,
    cases,
    complex_prepositions_before_places,
    fully_agrees,
    prepositions_before_places,
)
from kronika.lang.grammar import case_agrees as agrees
from kronika.lang.grammar import lemmas_and_form as lemmas
from kronika.lang.orthography import adjective_before_1936
from kronika.lang.resources import data_lines, read_text
from kronika.lang.tokens import CLOSING_QUOTES_OF, OPENING_QUOTES, QUOTES, is_truncation, load_abbreviations
from kronika.model import Interp, Token
from kronika.morph.analyzer import strip_homonym
from kronika.text.segment import DASHES

_INFLECTED = ("subst", "depr", "adj", "ppas", "pact")

TYPES = ("PERSON", "PLACE", "COUNTRY", "ORGANIZATION", "MILITARY_UNIT", "EVENT", "DOCUMENT")
_NOUN_POS = frozenset({"subst", "depr", "ign"})
_PERSON_QUALS = frozenset({"imię", "nazwisko"})
# words after which a capitalised word names a street or square, whatever its part of speech
_STREET_ABBREVIATIONS = frozenset({"ul", "al", "pl"})
_STREET_WORDS = frozenset({"ulica", "ulicy", "ulicę", "ulicą", "aleja", "alei", "aleję", "aleją", "plac", "placu"})
_ROMAN = re.compile(r"^[IVXLC]+$")
_WORD_LIST_ELEMENTS = re.compile(r"\s+")


@dataclass(slots=True)
class Mention:
    """A candidate entity: a token span of one sentence with its type and what the rule knows."""

    tokens: list[Token]
    type: str
    subtype: str | None = None
    role: str | None = None  # a title before a person's name, kept apart from the name
    lemma: str | None = None  # the base form when the rule knows it (a gazetteer entry)
    source: str = "rule"  # rule | nkjp | morph: which evidence found it
    children: list[Mention] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


# --- resources ---------------------------------------------------------------------------------


def _read_resource(name: str) -> list[tuple[int, str]]:
    """Data lines of a resource file with their line numbers, trailing white space dropped."""
    return [(n, line.rstrip()) for n, line in data_lines(read_text("kronika.ner", f"resources/pl/{name}"))]


def _split_words(phrase: str) -> tuple[str, ...]:
    """A phrase as the segmenter tokenises it: words, with hyphens and dots as words of their own."""
    return tuple(w for w in re.split(r"\s+|(?=[-.])|(?<=[-.])", phrase) if w)


def _word_list(name: str) -> frozenset[tuple[str, ...]]:
    entries: set[tuple[str, ...]] = set()
    for number, line in _read_resource(name):
        words = _split_words(line.lower())
        if words in entries:
            raise ValueError(f"{name} line {number}: duplicate entry {line!r}")
        entries.add(words)
    return frozenset(entries)


@dataclass(frozen=True)
class KnownName:
    name: str
    words: tuple[frozenset[str], ...]  # each word of the name with its Morfeusz lemmas
    type: str
    subtype: str | None
    older_forms: frozenset[str] = frozenset()  # lower-cased case forms of older declension (niemczach)


@dataclass(frozen=True)
class EventPattern:
    elements: tuple[str, ...]  # lemmas, "<PLACE>", "<ORD>", "@macro"


@dataclass(frozen=True)
class Lexicon:
    unit_heads: frozenset[tuple[str, ...]]
    titles: frozenset[tuple[str, ...]]
    document_heads: frozenset[tuple[str, ...]]
    organization_heads: frozenset[tuple[str, ...]]
    known_names: tuple[KnownName, ...]  # longest first
    event_patterns: tuple[EventPattern, ...]
    event_macros: dict[str, frozenset[str]]
    aliases: dict[str, str]  # lower-cased name → canonical name
    press_cues: frozenset[tuple[str, ...]]  # lemmas beside a periodical's title
    quoted_name_heads: dict[str, tuple[str, str | None]]  # lemma → the type of a quoted name after it
    quoted_name_verbs: frozenset[str]  # heads that give the type to a quoted name before them as well


def _known_names() -> tuple[KnownName, ...]:
    names: dict[str, KnownName] = {}
    for number, line in _read_resource("known_names.tsv"):
        name, _, rest = line.partition("\t")
        kind, _, forms = rest.partition("\t")
        entity_type, _, subtype = kind.partition("/")
        older = frozenset(form.lower() for form in forms.split())
        if entity_type not in TYPES or name in names or older and " " in name:
            raise ValueError(f"known_names.tsv line {number}: bad type, duplicate name or older forms of a "
                             f"name of several words: {line!r}")
        words = tuple(word_lemmas(word) | older for word in _split_words(name))
        names[name] = KnownName(name, words, entity_type, subtype or None, older)
    return tuple(sorted(names.values(), key=lambda k: -len(k.words)))


def _event_patterns() -> tuple[tuple[EventPattern, ...], dict[str, frozenset[str]]]:
    patterns: list[EventPattern] = []
    macros: dict[str, frozenset[str]] = {}
    for number, line in _read_resource("event_patterns.txt"):
        if line.startswith("@"):
            macro, _, lemmas = line.partition("\t")
            macros[macro] = frozenset(lemmas.split())
            continue
        elements = tuple(e for word in line.split() for e in (_split_words(word) if word[0] not in "<@"
                                                                 else (word,)))
        for element in elements:
            if element.startswith("@") and element not in macros or element.startswith("<") and \
                    element not in ("<PLACE>", "<ORD>"):
                raise ValueError(f"event_patterns.txt line {number}: unknown element {element!r}")
        patterns.append(EventPattern(elements))
    return tuple(sorted(patterns, key=lambda p: -len(p.elements))), macros


def _quoted_name_heads() -> tuple[dict[str, tuple[str, str | None]], frozenset[str]]:
    heads: dict[str, tuple[str, str | None]] = {}
    either_side: set[str] = set()
    for number, line in _read_resource("quoted_name_heads.tsv"):
        lemma, kind, *side = line.split("\t")
        entity_type, _, subtype = kind.partition("/")
        if entity_type not in TYPES or lemma in heads or side not in ([], ["either"]):
            raise ValueError(f"quoted_name_heads.tsv line {number}: bad type, side or duplicate lemma: {line!r}")
        heads[lemma] = (entity_type, subtype or None)
        if side:
            either_side.add(lemma)
    return heads, frozenset(either_side)


def _aliases() -> dict[str, str]:
    canonical_of: dict[str, str] = {}
    for number, line in _read_resource("aliases.tsv"):
        names = line.split("\t")
        if len(names) < 2:
            raise ValueError(f"aliases.tsv line {number}: a canonical name needs at least one alias")
        for name in names:
            key = normalise_name(name)
            if key in canonical_of:
                raise ValueError(f"aliases.tsv line {number}: {name!r} already belongs to a group")
            canonical_of[key] = names[0]
    return canonical_of


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    patterns, macros = _event_patterns()
    quoted_name_heads, quoted_name_verbs = _quoted_name_heads()
    return Lexicon(
        unit_heads=_word_list("unit_heads.txt"),
        titles=_word_list("titles.txt"),
        document_heads=_word_list("document_heads.txt"),
        organization_heads=_word_list("organization_heads.txt"),
        known_names=_known_names(),
        event_patterns=patterns,
        event_macros=macros,
        aliases=_aliases(),
        press_cues=_word_list("press_cues.txt"),
        quoted_name_heads=quoted_name_heads,
        quoted_name_verbs=quoted_name_verbs,
    )


def normalise_name(name: str) -> str:
    """Case, quote marks and spacing do not distinguish names."""
    name = "".join(c for c in name if c not in QUOTES)
    return " ".join(name.lower().replace(" - ", "-").split())


# --- token predicates ----------------------------------------------------------------------------


def word_lemmas(word: str) -> frozenset[str]:
    """Lemmas of a word written in a data file in its base form (*Zachodnia* → *zachodni*)."""
    from kronika.morph import get_morphology

    readings = get_morphology().analyse(word)
    return frozenset({strip_homonym(i.lemma).lower() for i in readings if i.tag != "ign"} | {word.lower()})


def is_capitalised(token: Token) -> bool:
    """Capitalised as a name is; a common word in an all-capitals headline (*MOCY PRAWA*) is not."""
    if not token.text[:1].isupper():
        return False
    shouted = len(token.text) > 1 and token.text.isupper()
    return not shouted or any(i.tag == "ign" or i.lemma[:1].isupper() for i in token.interps)


def is_ethnonym(token: Token) -> bool:
    """*Sowieci*, *Polaków*: SGJP reads them as capitalised common nouns naming people (m1)."""
    return any(i.lemma[:1].isupper() and "nazwa_pospolita" in i.quals and i.tag.endswith(":m1")
               for i in token.interps)


def has_qualifier(token: Token, qualifiers: frozenset[str] | set[str]) -> bool:
    return any(qualifiers.intersection(i.quals) for i in token.interps)


def has_pos(token: Token, *pos: str) -> bool:
    return any(i.pos in pos for i in token.interps)


def is_unknown(token: Token) -> bool:
    return all(i.tag == "ign" for i in token.interps)


def is_word(token: Token) -> bool:
    return token.text[:1].isalpha()


def is_place_word(token: Token) -> bool:
    """A capitalised word that can name a place: SGJP's geographic names, or a word Morfeusz lacks."""
    return is_capitalised(token) and (has_qualifier(token, {"nazwa_geograficzna"}) or is_unknown(token))


LemmaSets = Sequence[frozenset[str]]


def sentence_lemmas(tokens: list[Token]) -> list[frozenset[str]]:
    """Each token's lower-cased lemmas and form (what a lexicon word may match), in the sentence's order:
    computed once a sentence and passed to every recogniser (they ask at every token)."""
    return [_word_lemmas(token) for token in tokens]


# A token's set depends only on its text and readings: kept by the text and the identity of the readings tuple,
# which the tagger shares among the tokens of one form (as ``lemmas_and_form`` keeps its own; the entry keeps
# the tuple alive, so its identity is not reused while the entry stands).
_WORD_LEMMAS: dict[tuple[str, int], tuple[tuple[Interp, ...], frozenset[str]]] = {}
_WORD_LEMMAS_LIMIT = 200_000


def _word_lemmas(token: Token) -> frozenset[str]:
    key = (token.text, id(token.interps))
    entry = _WORD_LEMMAS.get(key)
    if entry is None:
        found = lemmas(token)
        if is_unknown(token):
            found = found | _adjective_lemmas_before_1936(token.text)
        if len(_WORD_LEMMAS) >= _WORD_LEMMAS_LIMIT:
            _WORD_LEMMAS.clear()
        entry = _WORD_LEMMAS[key] = (token.interps, found)
    return entry[1]


@lru_cache(maxsize=4096)
def _adjective_lemmas_before_1936(word: str) -> frozenset[str]:
    """The lemmas of an adjective the dictionary lacks in its spelling of before 1936 (*Polskiem*: polski), so
    that a known name matches it (*w Królestwie Polskiem*)."""
    from kronika.morph import get_morphology

    modern = adjective_before_1936(word)
    if modern is None:
        return frozenset()
    return frozenset(strip_homonym(i.lemma).lower() for i in get_morphology().analyse(modern) if i.pos == "adj")


def match_words(lemma_sets: LemmaSets, index: int, words: tuple[str, ...]) -> bool:
    """Whether ``words`` (lemmas) match the tokens of ``lemma_sets`` starting at ``index``."""
    if index + len(words) > len(lemma_sets):
        return False
    return all(word in lemma_sets[index + k] for k, word in enumerate(words))


_Index = dict[str, tuple[tuple[str, ...], ...]]


@lru_cache(maxsize=64)
def _by_first_word(entries: frozenset[tuple[str, ...]]) -> tuple[_Index, frozenset[str]]:
    """A lexicon's entries indexed by their first word, longest first (a scan of the whole lexicon at every
    token made the entity stage the slowest of the pipeline), and the set of first words, which most tokens
    are rejected by at once."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for words in entries:
        if words:
            index.setdefault(words[0], []).append(words)
    return {first: tuple(sorted(group, key=len, reverse=True)) for first, group in index.items()}, frozenset(index)


def longest_entry(lemma_sets: LemmaSets, index: int, entries: frozenset[tuple[str, ...]]) -> tuple[str, ...]:
    """The longest entry matching the tokens of ``lemma_sets`` at ``index`` (empty when none does)."""
    if index >= len(lemma_sets):
        return ()
    by_first, first_words = _by_first_word(entries)
    found = lemma_sets[index]
    if first_words.isdisjoint(found):
        return ()
    best: tuple[str, ...] = ()
    for lemma in found:
        for words in by_first.get(lemma, ()):
            if len(words) <= len(best):
                break
            if match_words(lemma_sets, index, words):
                best = words
                break
    return best


def longest_word_match(lemma_sets: LemmaSets, index: int, entries: frozenset[tuple[str, ...]]) -> int:
    """Length in tokens of the longest entry matching at ``index`` (0 when none does)."""
    return len(longest_entry(lemma_sets, index, entries))


def quoted_span(tokens: list[Token], index: int, max_words: int = 6) -> int:
    """End index (exclusive) of a quoted name starting at ``index`` (``„Polesie”``, ``»Sokół«``), else 0."""
    if index >= len(tokens) or tokens[index].text not in OPENING_QUOTES:
        return 0
    closing = CLOSING_QUOTES_OF[tokens[index].text]
    if tokens[index].text in closing and index and tokens[index - 1].end == tokens[index].start:
        return 0  # a straight mark right after a word closes a quotation ("naukowej" Avenariusa): none opens there
    if index + 1 >= len(tokens) or not (is_capitalised(tokens[index + 1]) or tokens[index + 1].text.isdigit()):
        return 0
    for end in range(index + 2, min(len(tokens), index + max_words + 2)):
        if tokens[end].text in closing:
            return end + 1
    return 0


def ordinal_span(tokens: list[Token], index: int) -> int:
    """End index of an ordinal before a name (``52.``, ``II``, ``drugi``), else 0."""
    token = tokens[index]
    if token.text.isdigit() and index + 1 < len(tokens) and tokens[index + 1].text == ".":
        return index + 2
    if _ROMAN.match(token.text) and len(token.text) <= 4:
        return index + 1
    return 0


def _extend_name_tail(tokens: list[Token], end: int, head: Token) -> int:
    """Extend a capitalised name over agreeing capitalised adjectives and capitalised genitive nouns
    (*Dywizja Strzelecka*, *Komisariat Spraw Zagranicznych*, *Pułk Ułanów Krechowieckich*), and over a
    foreign surname the dictionary lacks with the masculine genitive's -a right after the head (*Agencja
    Havasa*, *Biuro Wolffa*)."""
    genitive_seen = False
    after_head = end
    while end < len(tokens) and is_capitalised(tokens[end]) and is_word(tokens[end]):
        token = tokens[end]
        if not genitive_seen and agrees(token, head):
            end += 1
        elif "gen" in cases(token, _INFLECTED) or is_unknown(token) and (
                token.text.isupper() or end == after_head and token.text.endswith("a")):
            genitive_seen = True
            end += 1
        else:
            break
    return end


# --- recognisers ---------------------------------------------------------------------------------


def find_known_names(tokens: list[Token], found: LemmaSets) -> list[Mention]:
    """Gazetteer names (states, regions, named forces), longest first, in any case form (``found``: the
    tokens' :func:`sentence_lemmas`, as for every recogniser)."""
    by_first = _known_names_by_first_lemma()
    mentions: list[Mention] = []
    index = 0
    while index < len(tokens):
        if by_first.keys().isdisjoint(found[index]):  # no name can start here
            index += 1
            continue
        # the names whose first word can be this token, in the lexicon's order (longest first)
        candidates = sorted({position for lemma in found[index] for position in by_first.get(lemma, ())})
        for known in (load_lexicon().known_names[position] for position in candidates):
            if not _known_name_at(tokens, found, index, known):
                continue
            span = tokens[index:index + len(known.words)]
            mentions.append(Mention(span, known.type, known.subtype, lemma=known.name))
            index += len(known.words) - 1
            break
        index += 1
    return mentions


@lru_cache(maxsize=1)
def _known_names_by_first_lemma() -> dict[str, tuple[int, ...]]:
    """Lemma → positions in ``known_names`` of the names whose first word has that lemma."""
    index: dict[str, list[int]] = {}
    for position, known in enumerate(load_lexicon().known_names):
        for lemma in known.words[0]:
            index.setdefault(lemma, []).append(position)
    return {lemma: tuple(positions) for lemma, positions in index.items()}


def _known_name_at(tokens: list[Token], found: LemmaSets, index: int, known: KnownName) -> bool:
    if index + len(known.words) > len(tokens) or \
            not all(not word.isdisjoint(found[index + k]) for k, word in enumerate(known.words)):
        return False
    for k, word in enumerate(_split_words(known.name)):
        token = tokens[index + k]
        if word[:1].isupper() and not is_capitalised(token):
            return False
    if len(known.words) == 1:  # a single word must be read as a noun, not as its adjective (Polska/polska)
        token = tokens[index]
        return token.text.lower() in {known.name.lower(), *known.older_forms} or any(
            strip_homonym(i.lemma).lower() == known.name.lower() and i.pos in _NOUN_POS
            and not _PERSON_QUALS.intersection(i.quals) for i in token.interps)
    return True


def find_military_units(tokens: list[Token], found: LemmaSets) -> list[Mention]:
    """*52. Dywizja Strzelecka*, *Samodzielna Grupa Operacyjna „Polesie”*, *Pułk „Sarny”*,
    *batalionów: „Kleck”, „Sienkiewicze”* (each quoted name a unit of its own)."""
    heads = load_lexicon().unit_heads
    mentions: list[Mention] = []
    index = 0
    while index < len(tokens):
        start = index
        after_ordinal = ordinal_span(tokens, index)
        if after_ordinal:
            index = after_ordinal
        # capitalised adjectives before a capitalised head: "Samodzielna Grupa Operacyjna"
        while index < len(tokens) and is_capitalised(tokens[index]) and has_pos(tokens[index], "adj") \
                and not longest_word_match(found, index, heads):
            index += 1
        head_entry = longest_entry(found, index, heads) if index < len(tokens) else ()
        head_length = len(head_entry)
        if not head_length:
            index = start + 1
            continue
        head = tokens[index]
        head_name = " ".join(head_entry)
        end = index + head_length
        capitalised = is_capitalised(head) and (index > 0 or after_ordinal)
        if capitalised or after_ordinal:
            end = _extend_name_tail(tokens, end, head)
        quote_end = quoted_span(tokens, end)
        head_nouns = [i for i in tokens[index + head_length - 1].interps if i.pos == "subst"]
        plural = bool(head_nouns) and all(tag_number(i.tag) == "pl" for i in head_nouns)
        if quote_end and plural:
            mentions.extend(_quoted_list(tokens, end, head_name))
        elif end < len(tokens) and tokens[end].text == ":" and quoted_span(tokens, end + 1):
            mentions.extend(_quoted_list(tokens, end + 1, head_name))
        elif quote_end or after_ordinal or (capitalised and end > index + head_length) or \
                (capitalised and start < index):
            end = quote_end or end
            mentions.append(Mention(tokens[start:end], "MILITARY_UNIT"))
        else:
            index = start + 1
            continue
        index = max(end, start + 1)
    return mentions


def tag_number(tag: str) -> str | None:
    parts = tag.split(":")
    return parts[1] if len(parts) > 1 else None


def _quoted_list(tokens: list[Token], index: int, head_lemma: str) -> list[Mention]:
    """Quoted names coordinated after a plural head: each is a unit named ``head „name”``."""
    mentions: list[Mention] = []
    while (end := quoted_span(tokens, index)):
        name = tokens[index:end]
        mentions.append(Mention(name, "MILITARY_UNIT", lemma=f"{head_lemma} {span_text(name)}"))
        index = end
        if index < len(tokens) and tokens[index].text in {",", "i", "oraz", "a"}:
            index += 1
    return mentions


def find_documents(tokens: list[Token], found: LemmaSets) -> list[Mention]:
    """Treaties and acts: a document head noun followed by a name (*pakt Ribbentrop-Mołotow*), an
    adjective from a place (*traktat ryski*), an ``o`` + noun subject (*pakt o nieagresji*), or, for a
    capitalised head, its issuing body and date (*Uchwała Sejmu RP z 23 września 2009 r.*)."""
    heads = load_lexicon().document_heads
    mentions: list[Mention] = []
    index = 0
    while index < len(tokens):
        head_length = longest_word_match(found, index, heads)
        if not head_length or not any(i.pos == "subst" for i in tokens[index].interps):
            index += 1
            continue
        start = index - 1 if index > 0 and _is_ordinal_word(tokens[index - 1]) else index
        head = tokens[index]
        after = index + head_length
        end, children = _document_name(tokens, after, head)
        if end > after:
            mentions.append(Mention(tokens[start:end], "DOCUMENT", children=children))
            index = end
        else:
            index += 1
    return mentions


def _is_ordinal_word(token: Token) -> bool:
    return bool(_ROMAN.match(token.text)) or bool(lemmas(token) & load_lexicon().event_macros["@ordinal_word"])


def _document_name(tokens: list[Token], index: int, head: Token) -> tuple[int, list[Mention]]:
    if index >= len(tokens):
        return index, []
    # a pair of names joined by a hyphen: "Ribbentrop-Mołotow"
    if index + 2 < len(tokens) and tokens[index + 1].text == "-" and \
            all(is_capitalised(tokens[k]) and has_qualifier(tokens[k], _PERSON_QUALS) | is_unknown(tokens[k])
                for k in (index, index + 2)):
        persons = [Mention([tokens[k]], "PERSON") for k in (index, index + 2)]
        return index + 3, persons
    token = tokens[index]
    # an adjective derived from a place, agreeing in full: "traktat ryski", "traktatu wersalskiego" (not the
    # genitive of the next noun: "ustawę żydowskiego Stowarzyszenia")
    if not is_capitalised(token) and fully_agrees(token, head) and any(
            i.pos == "adj" and re.search(r"(?:ski|cki|dzki)$", i.lemma) for i in token.interps):
        return index + 1, []
    # a subject: "o" + nouns in the locative, coordinated ("o granicach i przyjaźni"), not gerunds
    if token.text.lower() == "o" and index + 1 < len(tokens):
        end = index + 1
        while end < len(tokens) and "loc" in cases(tokens[end], ("subst", "adj")) and \
                not has_pos(tokens[end], "ger"):
            end += 1
            if end + 1 < len(tokens) and tokens[end].text in {"i", "oraz"} and \
                    "loc" in cases(tokens[end + 1], ("subst",)):
                end += 1
        if end > index + 1:  # with the subject's genitive complements: "o obronie Ojczyzny"
            while end < len(tokens) and "gen" in cases(tokens[end], ("subst", "adj")) and \
                    not has_pos(tokens[end], "ger"):
                end += 1
            return end, []
    # a capitalised head with its issuing body (genitive, capitalised) and date
    if is_capitalised(head) and is_capitalised(token) and "gen" in cases(token, ("subst",)):
        end = _extend_name_tail(tokens, index + 1, token)
        while end < len(tokens) and (tokens[end].text.isupper() and is_word(tokens[end])):
            end += 1
        body = Mention(tokens[index:end], "ORGANIZATION")
        return _date_tail(tokens, end), [body]
    return index, []


def _date_tail(tokens: list[Token], index: int) -> int:
    """Extend over "z 23 września 2009 r." (a document's date is part of its title)."""
    if index + 3 < len(tokens) and tokens[index].text == "z" and tokens[index + 1].text.isdigit() and \
            has_pos(tokens[index + 2], "subst") and tokens[index + 3].text.isdigit():
        end = index + 4
        if end < len(tokens) and tokens[end].text in {"r", "roku"}:
            end += 1
            if tokens[end - 1].text == "r" and end < len(tokens) and tokens[end].text == ".":
                end += 1
        return end
    return index


def find_organizations(tokens: list[Token], found: LemmaSets) -> list[Mention]:
    """A capitalised organisation head with its capitalised modifiers and complements (*Ludowy
    Komisariat Spraw Zagranicznych ZSRS*, *Ministerstwo Spraw Wojskowych*, *Sejm RP*)."""
    heads = load_lexicon().organization_heads
    mentions: list[Mention] = []
    index = 0
    while index < len(tokens):
        start = index
        while index < len(tokens) and is_capitalised(tokens[index]) and has_pos(tokens[index], "adj") and \
                not longest_word_match(found, index, heads):
            index += 1
        # the cheap test first: most tokens are not capitalised
        head_length = longest_word_match(found, index, heads) \
            if index < len(tokens) and is_capitalised(tokens[index]) else 0
        if not head_length:
            index = start + 1
            continue
        head = tokens[index]
        end = _extend_name_tail(tokens, index + head_length, head)
        if end == index + head_length and start == index:  # a bare capitalised head may begin a sentence
            index = start + 1
            continue
        mentions.append(Mention(tokens[start:end], "ORGANIZATION"))
        index = end
    return mentions


@lru_cache(maxsize=1)
def _religious_order_titles() -> frozenset[tuple[str, ...]]:
    return _word_list("religious_order_titles.txt")


def find_religious_orders(tokens: list[Token], found: LemmaSets) -> list[Mention]:
    """A religious order after the plural title of its members (*OO. Paulinów*, *ks. Salezjanów*): the
    capitalised plural of a common noun naming persons (*paulin*, *jezuita*, *urszulanka*) is the order, not the place
    *Paulinów* or a surname *Jezuit*."""
    titles = _religious_order_titles()
    mentions: list[Mention] = []
    for index in range(len(tokens) - 1):
        end = _one_title_end(tokens, found, index, titles)
        if not end or end >= len(tokens):
            continue
        name = tokens[end]
        if is_capitalised(name) and any(
                i.pos == "subst" and i.lemma[:1].islower() and ":pl:" in f":{i.tag}:" and i.tag.endswith((":m1", ":f"))
                for i in name.interps):
            mentions.append(Mention([name], "ORGANIZATION"))
    return mentions


def find_events(tokens: list[Token], found: LemmaSets) -> list[Mention]:
    """Named events from ``event_patterns.txt`` (*obrona Grodna*, *II wojna światowa*)."""
    lexicon = load_lexicon()
    by_first, open_start = _event_patterns_by_first_lemma()
    anywhere = sorted(open_start)
    mentions: list[Mention] = []
    index = 0
    while index < len(tokens):
        # only the patterns whose first element can match this token, in the lexicon's order
        positions = anywhere if by_first.keys().isdisjoint(found[index]) else \
            sorted({p for lemma in found[index] for p in by_first.get(lemma, ())} | open_start)
        for pattern in (lexicon.event_patterns[p] for p in positions):
            match = _match_event(tokens, found, index, pattern, lexicon.event_macros)
            if match:
                end, children = match
                mentions.append(Mention(tokens[index:end], "EVENT", children=children))
                index = end - 1
                break
        index += 1
    return mentions


@lru_cache(maxsize=1)
def _event_patterns_by_first_lemma() -> tuple[dict[str, tuple[int, ...]], frozenset[int]]:
    """Lemma → positions of the event patterns whose first element is that lemma (or a macro holding it),
    and the positions of the patterns that start with a slot (``<PLACE>``, ``<ORD>``) and are tried anywhere."""
    lexicon = load_lexicon()
    index: dict[str, list[int]] = {}
    open_start: set[int] = set()
    for position, pattern in enumerate(lexicon.event_patterns):
        first = pattern.elements[0]
        if first.startswith("<"):
            open_start.add(position)
            continue
        for lemma in lexicon.event_macros[first] if first.startswith("@") else (first,):
            index.setdefault(lemma, []).append(position)
    return {lemma: tuple(positions) for lemma, positions in index.items()}, frozenset(open_start)


def _match_event(tokens: list[Token], found: LemmaSets, index: int, pattern: EventPattern,
                 macros: dict[str, frozenset[str]]) -> tuple[int, list[Mention]] | None:
    children: list[Mention] = []
    position = index
    for element in pattern.elements:
        if position >= len(tokens):
            return None
        token = tokens[position]
        if element == "<PLACE>":
            if not is_place_word(token):
                return None
            end = position + 1
            while end < len(tokens) and is_capitalised(tokens[end]) and agrees(tokens[end], token):
                end += 1
            children.append(Mention(tokens[position:end], "PLACE", "settlement", source="morph"))
            position = end
        elif element == "<ORD>":
            end = ordinal_span(tokens, position)
            if not end:
                return None
            position = end
        elif element.startswith("@"):
            if macros[element].isdisjoint(found[position]):
                return None
            position += 1
        elif element in found[position]:
            position += 1
        else:
            return None
    return position, children


# the token grammar's finite verb forms and the agglutinate end an office's complements (not the imperative:
# "spraw" is also a genitive)
_PREDICATE_POS = (*sorted(FINITE_VERBS), "aglt")


def find_persons(tokens: list[Token], found: LemmaSets) -> list[Mention]:
    """Persons from titles (*gen. Franciszka Kleeberga*, *ambasadorowi Grzybowskiemu*) and from SGJP
    first-name + surname readings (*Wacław Grzybowski*). The title becomes the role."""
    titles = load_lexicon().titles
    mentions: list[Mention] = []
    index = 0
    while index < len(tokens):
        title_end = _title_end(tokens, found, index, titles)
        if title_end:
            name_start = title_end
            # the office's complements stand between title and name: "komisarz ludowy spraw zagranicznych";
            # a verb ends them ("prezesem sądu jest radzca Hoffmann": the name is the later title's)
            while name_start < len(tokens) and name_start - title_end < 4 and \
                    not is_capitalised(tokens[name_start]) and is_word(tokens[name_start]) and \
                    not has_pos(tokens[name_start], *_PREDICATE_POS):
                name_start += 1
            name_end = _person_name_end(tokens, name_start)
            if name_end > name_start:
                role = span_text(tokens[index:name_start])
                mentions.append(Mention(tokens[name_start:name_end], "PERSON", role=role))
                index = name_end
                continue
        if index + 1 < len(tokens) and is_capitalised(tokens[index]) and \
                has_qualifier(tokens[index], {"imię"}) and _is_surname(tokens[index + 1]):
            end = _person_name_end(tokens, index)
            if end > index:  # a shouted first name (ANNA) starts no name: without this check, no progress
                mentions.append(Mention(tokens[index:end], "PERSON", source="morph"))
                index = end
                continue
        index += 1
    return mentions


def _title_end(tokens: list[Token], found: LemmaSets, index: int, titles: frozenset[tuple[str, ...]]) -> int:
    """End of the titles starting at ``index``; titles may follow one another (*p. premier gen.*,
    *ks. kan.*), with lower-case words of the office between them (*p. wiceminister inż.*); a verb ends the
    office (*prezesem sądu jest radzca Hoffmann*: the predicate's title alone is the person's)."""
    end = _one_title_end(tokens, found, index, titles)
    if not end:
        return 0
    while True:
        following = end
        while following < len(tokens) and following - end < 2 and tokens[following].text[:1].islower() and \
                is_word(tokens[following]) and not has_pos(tokens[following], *_PREDICATE_POS) and \
                not _one_title_end(tokens, found, following, titles):
            following += 1
        more = _one_title_end(tokens, found, following, titles) if following < len(tokens) else 0
        if not more:
            return end
        end = more


def _one_title_end(tokens: list[Token], found: LemmaSets, index: int, titles: frozenset[tuple[str, ...]]) -> int:
    if _by_first_word(titles)[1].isdisjoint(found[index]):
        return 0  # the token's form and lemmas begin no title (asked at every token: most begin none)
    token = tokens[index]
    if len(token.text) == 1 and token.text.isupper() and any(is_word(t) for t in tokens[:index]):
        return 0  # "W. Piotrowski": a capital letter with a dot inside a sentence is an initial
    if index + 1 < len(tokens) and tokens[index + 1].text == "." and \
            (token.text.lower(), ".") in titles:
        end = index + 2
        # compound ranks: "gen. bryg.", "gen. dyw."
        if end + 1 < len(tokens) and tokens[end + 1].text == "." and \
                (token.text.lower(), ".", tokens[end].text.lower(), ".") in titles:
            end += 2
        return end
    length = longest_word_match(found, index, titles)
    return index + length if length else 0


def _is_surname(token: Token) -> bool:
    return is_capitalised(token) and (has_qualifier(token, {"nazwisko"}) or is_unknown(token))


def _person_name_end(tokens: list[Token], index: int) -> int:
    """End of a personal name starting at ``index``: initials (*E. Kwiatkowski*), capitalised name words,
    hyphenated surnames."""
    end = index
    while end < len(tokens) and end - index < 4:
        token = tokens[end]
        if len(token.text) == 1 and token.text.isupper() and end + 2 < len(tokens) and \
                tokens[end + 1].text == "." and is_capitalised(tokens[end + 2]) and len(tokens[end + 2].text) > 1:
            end += 2  # an initial: the name goes on after it
            continue
        if not (is_capitalised(token) and is_word(token)) or token.text.isupper() and len(token.text) > 1:
            break
        if len(token.text) == 1 and end + 1 < len(tokens) and tokens[end + 1].text == ".":
            break  # letters after the surname ("Rymkiewicz T. J.": Towarzystwo Jezusowe) are not a name
        if not (has_qualifier(token, _PERSON_QUALS) or is_unknown(token)
                or any(i.lemma[:1].isupper() for i in token.interps)):
            break
        if end == index and token.interps and \
                all("nazwa_geograficzna" in i.quals or not i.lemma[:1].isupper() for i in token.interps):
            break  # "arcybiskup Udine": a place after an office is its see or seat, not the holder's name
        end += 1
        if end + 1 < len(tokens) and tokens[end].text == "-" and is_capitalised(tokens[end + 1]):
            end += 2
    return end


def span_text(tokens: list[Token]) -> str:
    text = tokens[0].text
    for previous, token in zip(tokens, tokens[1:], strict=False):
        text += (" " if token.start > previous.end else "") + token.text
    return text


def find_places(tokens: list[Token], found: LemmaSets) -> list[Mention]:
    """Capitalised geographic names (SGJP ``nazwa_geograficzna``), and capitalised proper nouns after a
    place preposition (*pod Szackiem*) or coordinated with a place (*pod Kowlem, Sarnami, Oranami*).

    The contexts are strong evidence (a rule); a geographic reading alone is weak (surnames share it)."""
    mentions: list[Mention] = []
    list_open = False  # the previous name was a place and a coordinator or comma followed it
    street_list = False  # ... and it was a street's name ("ul. Piwnej i Długiej": both are streets)
    first_word = next((i for i, t in enumerate(tokens) if is_word(t) or t.text.isdigit()), len(tokens))
    for index, token in enumerate(tokens):
        previous = tokens[index - 1].text.lower() if index else ""
        after_street = previous in _STREET_WORDS or \
            previous == "." and index >= 2 and tokens[index - 2].text.lower() in _STREET_ABBREVIATIONS and \
            not _after_title(tokens, found, index - 2)  # "pp. Al. Janowskiego": Aleksander, no avenue
        # at a sentence's start (after a dash or quote too: "— Płonie gmach") capitals say nothing: there
        # the disambiguator's reading decides
        initial = index <= first_word
        initial_name = initial and token.chosen is not None and "nazwa_geograficzna" in token.chosen.quals
        if not ((not initial or initial_name) and is_capitalised(token) and is_word(token)) or \
                _is_common_abbreviation(tokens, index):
            list_open = list_open and token.text in {",", "i", "oraz", "lub", "albo"}
            street_list = street_list and list_open
            continue
        geographic = has_qualifier(token, {"nazwa_geograficzna"})
        proper = is_unknown(token) or not any(i.lemma[:1].islower() for i in token.interps)
        listed = list_open and previous in {",", "i", "oraz", "lub", "albo"}
        in_context = previous in prepositions_before_places() or listed or _after_complex_preposition(tokens, index)
        street = after_street or listed and street_list  # a street's name may be any capitalised word
        if previous in _LOCATIVE_PREPOSITIONS and token.text.endswith(_region_endings()) and (proper or geographic):
            mentions.append(Mention([token], "PLACE", "region", lemma=token.text[:-1]))  # w Zabrskiem
        elif street or in_context and (geographic or proper):
            end = index + 1  # "pod Tomaszowem Lubelskim"
            while end < len(tokens) and is_capitalised(tokens[end]) and agrees(tokens[end], token):
                end += 1
            mentions.append(Mention(tokens[index:end], "PLACE", "settlement"))
        elif geographic and not has_pos(token, "adj") and not is_ethnonym(token):
            mentions.append(Mention([token], "PLACE", "settlement", source="morph"))
        list_open = street or in_context and (geographic or proper)
        street_list = street
    return mentions



def _after_title(tokens: list[Token], found: LemmaSets, index: int) -> bool:
    """A title or honorific (*p.*, *pp.*, *dr*, *ks.*) ends right before ``index``."""
    titles = load_lexicon().titles
    return any(longest_word_match(found, start, titles) == index - start for start in range(max(index - 3, 0), index))


_LOCATIVE_PREPOSITIONS = frozenset({"w", "we", "na"})


@lru_cache(maxsize=1)
def _region_endings() -> tuple[str, ...]:
    return tuple(line for _, line in _read_resource("region_endings.txt"))


def _after_complex_preposition(tokens: list[Token], index: int) -> bool:
    """The words before ``index`` are a complex preposition of place (*na wschód od*, *w kierunku*)."""
    return any(index >= len(words) and tuple(t.text.lower() for t in tokens[index - len(words):index]) == words
               for words in complex_prepositions_before_places())


def _is_common_abbreviation(tokens: list[Token], index: int) -> bool:
    """A word with its dot glued to it that abbreviates a title or a common noun (*Min.* for *Ministerstwa*,
    *Gen.*, *Prof.*; ``lang/resources/pl/abbreviations.txt``) is no place, whatever town it spells."""
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return following is not None and following.text == "." and following.start == tokens[index].end and \
        tokens[index].text.lower() in load_abbreviations().prefix


_RIVER_PREPOSITION = "nad"


def river_qualifier_end(tokens: list[Token], end: int) -> int:
    """End of a place name with its qualifier: *nad* and a capitalised river in the instrumental (*Brześć nad
    Bugiem*, *Frankfurt nad Odrą*) is part of the town's name, not a place of its own. (*pod* with the
    instrumental says mostly where a place lies, *w Krakowie pod Wawelem*, and is left out.)"""
    if end + 1 < len(tokens) and tokens[end].text.lower() == _RIVER_PREPOSITION and \
            is_capitalised(tokens[end + 1]) and "inst" in cases(tokens[end + 1]):
        end += 2
        while end < len(tokens) and is_capitalised(tokens[end]) and agrees(tokens[end], tokens[end - 1]):
            end += 1
    return end


_COORDINATORS = frozenset({",", "i", "oraz", "a"})
_BETWEEN_HEAD_AND_QUOTE = 2  # adjectives or an author between the word and the quoted name
_VERB_POS = tuple(sorted(FINITE_VERBS | NON_FINITE_VERBS))


def find_quoted_names(tokens: list[Token], found: LemmaSets) -> list[Mention]:
    """Names in quotation marks after a word for what they name (``quoted_name_heads.tsv``): a periodical or
    a society (*pisze „Now. Wr.”*, *stowarzyszenia „Strzecha”*) is an organisation, a song, poem or play
    (*pieśń „Rota”*, *wykonała „I Brygadę”*) a work; the name is kept whole, without its quotation marks."""
    lexicon = load_lexicon()
    heads = lexicon.quoted_name_heads
    mentions: list[Mention] = []
    for index in range(len(tokens) - 1):
        kinds = sorted(heads[lemma] for lemma in found[index] if lemma in heads)
        if not kinds:
            continue
        position = index + 1
        if tokens[position].text == "." and tokens[position].start == tokens[index].end:
            position += 1  # an abbreviated head: "stow. ruskiego „Hromada”"
        skipped = 0
        while position < len(tokens) and skipped < _BETWEEN_HEAD_AND_QUOTE and (
                not is_capitalised(tokens[position]) and has_pos(tokens[position], "adj")
                or is_capitalised(tokens[position]) and (
                    "gen" in cases(tokens[position], ("subst", "adj")) or is_unknown(tokens[position]))):
            position += 1
            skipped += 1
        after_verb = has_pos(tokens[index], *_VERB_POS)
        while (end := quoted_span(tokens, position)):
            name = _without_full_stop(tokens, position + 1, end - 1)
            # a title after its generic noun stays as written ("pieśń „Wstań biały orle”"), as does one in
            # abbreviations ("„Sł. Polsk.”"); a one-word name or one after a verb is inflected ("„Strzechy”")
            written = any(not t.text[:1].isalnum() for t in name) or len(name) > 1 and not after_verb
            mentions.append(Mention(name, *kinds[0], lemma=span_text(name) if written else None))
            position = end
            if not (position + 1 < len(tokens) and tokens[position].text in _COORDINATORS
                    and tokens[position + 1].text in OPENING_QUOTES):
                break
            position += 1
    claimed = {id(m.tokens[0]) for m in mentions}
    for index in range(len(tokens)):
        if not (end := quoted_span(tokens, index)) or id(tokens[index + 1]) in claimed:
            continue
        name = _without_full_stop(tokens, index + 1, end - 1)
        verbs = sorted(heads[lemma] for lemma in found[end] if lemma in lexicon.quoted_name_verbs) \
            if end < len(tokens) and has_pos(tokens[end], *_VERB_POS) else []
        after_verb = end < len(tokens) and has_pos(tokens[end], *FINITE_VERBS)
        if _author_follows(tokens, end, after_verb):  # "„Pamiętnik …” podał Józef W.", "„Ezopy” Brücknera"
            mentions.append(Mention(name, "DOCUMENT", "work", lemma=span_text(name)))
        elif verbs:  # "„Vorwärts” zaznacza": the subject of a verb of reporting is a periodical
            mentions.append(Mention(name, *verbs[0], lemma=span_text(name) if len(name) > 1 else None))
        elif _has_common_head(name):
            mentions.append(Mention(name, "ORGANIZATION"))
    return mentions


def find_reviewed_periodicals(tokens: list[Token], found: LemmaSets) -> list[Mention]:
    """A press review opens each entry with the periodical, a colon and what it printed: a title in quotation
    marks, or its author and the title (*Wisła: Maryan W. „O pieśni”*, *Biblioteka Warszawska: „Listy”*). The
    capitalised words before the colon are the periodical, written in the nominative and without quotation
    marks; a lone common word (*Uwaga: „…”*) is none."""
    start = end = 1 if tokens and tokens[0].text in DASHES else 0  # "— Wisła: …", an entry after a dash
    while end < min(len(tokens), start + 4) and is_capitalised(tokens[end]) and is_word(tokens[end]):
        end += 1
    if end == start or end + 1 >= len(tokens) or tokens[end].text != ":":
        return []
    quote = end + 1
    while quote < min(len(tokens), end + 6) and (tokens[quote].text == "." or is_capitalised(tokens[quote])):
        quote += 1  # the author: "Maryan W.", "J. Kowalski"
    if not quoted_span(tokens, quote):
        return []
    name = tokens[start:end]
    if len(name) == 1 and not (is_unknown(name[0]) or any(i.lemma[:1].isupper() for i in name[0].interps)):
        return []
    return [Mention(name, "ORGANIZATION", lemma=span_text(name))]


def _author_follows(tokens: list[Token], end: int, after_verb: bool) -> bool:
    """A person's name right after a quoted title ending at ``end`` is its author, in the genitive (*„Ezopy
    polskie” Brücknera*), as is the forename that is the subject of the verb after it (*„Pamiętnik” podał
    Józef W.*): the title is a work, not a periodical (*„Czas” podaje Rzym* names no author)."""
    index = end + after_verb
    if index >= len(tokens) or not is_capitalised(tokens[index]) or tokens[index].text.isupper():
        return False
    person = [i for i in tokens[index].interps if _PERSON_QUALS.intersection(i.quals)]
    if not person or any("nazwa_geograficzna" in i.quals for i in tokens[index].interps):
        return False
    if after_verb:
        return any("imię" in i.quals and "nom" in i.tag.split(":")[2].split(".") for i in person)
    return any("gen" in i.tag.split(":")[2].split(".") for i in person)


_SENTENCE_MARKS_INSIDE_QUOTES = frozenset(",;:")


def _without_full_stop(tokens: list[Token], start: int, end: int) -> list[Token]:
    """The quoted name ``tokens[start:end]`` without the sentence's full stop that the period's typography
    set inside the closing mark (*stowarzyszenia „Harfa.” — Zatwierdzono*): the sentence goes on with a
    capital, a dash or not at all; the dot of an abbreviation stays (*„Now. Wr.” z Lublina*). A comma, semicolon
    or colon set there (*„Apokryfy;”*, *„Ziarno,”*) is the sentence's always: no name ends in one."""
    while end - start > 1 and tokens[end - 1].text in _SENTENCE_MARKS_INSIDE_QUOTES:
        end -= 1
    name = tokens[start:end]
    if len(name) < 2 or name[-1].text != "." or name[-1].start != name[-2].end:
        return name
    after = tokens[end + 1] if end + 1 < len(tokens) else None
    word = name[-2]
    if after is not None and not (is_capitalised(after) or after.text in DASHES) or len(word.text) == 1 or \
            word.text in load_abbreviations().names or is_truncation(word.text, word.interps) or \
            any(t.text == "." for t in name[:-1]):  # a name in abbreviations keeps every dot: „Sł. Polsk.”
        return name
    return name[:-1]


def _has_common_head(name: list[Token]) -> bool:
    """A quoted name of a capitalised common noun and the capitalised adjectives agreeing with it (*„Dom
    Ludowy”*, *„Czytelnia Polska”*) names an institution or its building, not a person; a noun with a
    genitive after it (*„Marsz Sokołów”*) may as well be a work's title, and is left to the heads."""
    head = name[0]
    return len(name) > 1 and is_capitalised(head) and has_pos(head, "subst") and \
        all(i.lemma[:1].islower() for i in head.interps if i.pos == "subst") and \
        all(is_capitalised(t) and (is_unknown(t) or has_pos(t, "adj") and agrees(t, head)) for t in name[1:])


RECOGNISERS: tuple[Callable[[list[Token], LemmaSets], list[Mention]], ...] = (
    find_known_names, find_quoted_names, find_documents, find_events, find_military_units, find_organizations,
    find_religious_orders, find_reviewed_periodicals,
    find_persons, find_places,
)
