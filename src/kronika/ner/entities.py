"""The entities stage: NKJP spans and domain rules → contract entities with base forms and refs.

Candidates come from three sources, trusted in this order: the domain rules (:mod:`kronika.ner.domain`),
the statistical NKJP tagger (``analysis.nkjp``), and bare Morfeusz evidence (geographic-name and
first-name qualifiers). A candidate lying wholly inside an accepted document, event or organisation name
becomes a nested entity of it (*Lwowa* in *obrony Lwowa*); other overlaps are dropped.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from kronika.lang.grammar import FINITE_VERBS, case_agrees, fully_agrees
from kronika.lang.orthography import modernised
from kronika.lang.resources import read_table
from kronika.lang.tokens import CLOSING_QUOTES_OF, is_truncation, load_abbreviations
from kronika.model import Analysis, Entity, Interp, NkjpSpan, Sentence, Token
from kronika.morph.analyzer import get_morphology, strip_homonym
from kronika.morph.lemmatize import base_form
from kronika.ner.coref import assign_refs
from kronika.ner.domain import (
    RECOGNISERS,
    Mention,
    cases,
    find_known_names,
    has_pos,
    has_qualifier,
    is_capitalised,
    is_ethnonym,
    is_unknown,
    load_lexicon,
    longest_word_match,
    quoted_span,
    river_qualifier_end,
    sentence_lemmas,
    span_text,
)

_SOURCE_RANK = {"rule": 0, "nkjp": 1, "morph": 2}
_CALENDAR_TYPES = frozenset({"DATE", "TIME"})
_CONTAINERS = frozenset({"DOCUMENT", "EVENT", "ORGANIZATION"})
# a governed case is met by nouns and by the adjectives and participles that open names (Ludowego …)
_DECLINED = ("subst", "depr", "adj", "ppas", "pact")
_THING_GENDERS = frozenset({"m2", "m3", "n"})  # genders of nouns that name no person
_NESTABLE = frozenset({"PERSON", "PLACE", "COUNTRY", "ORGANIZATION"})
# readings that a word of an all-capitals headline has when it is a common word, not a name
# ("JAK", "DAMY", "I"): function words and verbs
_HEADLINE_COMMON_POS = frozenset({
    "conj", "comp", "prep", "qub", "adv", "fin", "praet", "impt", "inf", "bedzie", "pred", "interj", "ppron12",
    "ppron3", "siebie", "imps", "pcon", "pant",
})
# NKJP label → (contract type, subtype); labels not listed (dates, name parts) make no entity
_NKJP_TYPES: dict[str, tuple[str, str | None]] = {
    "persName": ("PERSON", None),
    "placeName_country": ("COUNTRY", None),
    "placeName_settlement": ("PLACE", "settlement"),
    "placeName_region": ("PLACE", "region"),
    "placeName_district": ("PLACE", "region"),
    "placeName_bloc": ("PLACE", "region"),
    "geogName": ("PLACE", None),
    "orgName": ("ORGANIZATION", None),
}


def annotate_entities(analysis: Analysis) -> None:
    """Fill ``analysis.entities`` (ids e1, e2… in text order, nested ones after their parent)."""
    spans_in = _spans_by_sentence(analysis.sentences, analysis.nkjp or [])
    dates = sorted((t.start, t.end) for t in analysis.timexes if t.type in _CALENDAR_TYPES)
    mentions: list[Mention] = []
    for position, sentence in enumerate(analysis.sentences):
        lemma_sets = sentence_lemmas(sentence.tokens)
        candidates = [m for recognise in RECOGNISERS for m in recognise(sentence.tokens, lemma_sets)]
        candidates += _nkjp_mentions(sentence, spans_in.get(position, []))
        candidates = [_with_abbreviated_forename(m, sentence.tokens) for m in candidates
                      if not _is_date_word(m, dates)]
        candidates = _with_river_qualifiers(candidates, sentence.tokens)
        candidates = _with_nouns_after_adjectives(candidates, sentence.tokens)
        candidates = _with_lowercase_modifiers(candidates, sentence.tokens, dates)
        candidates += _persons_with_title_inside(candidates, sentence.tokens, lemma_sets)
        candidates += _dateline_place(candidates, sentence.tokens, dates)
        for mention in resolve(candidates):
            if _is_headline_words(mention, sentence.tokens) or _is_headline_attribute(mention, sentence.tokens):
                continue
            _apply_name_suffix(mention)
            _set_lemmas(mention, sentence.tokens)
            mention.lemma = _recased(mention)
            mentions.append(mention)
    entities: list[Entity] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
        parent = _to_entity(analysis, mention, len(entities) + 1, None)
        entities.append(parent)
        for child in sorted(mention.children, key=lambda m: m.start):
            entities.append(_to_entity(analysis, child, len(entities) + 1, parent.id))
    assign_refs(entities)
    analysis.entities = entities


def _with_river_qualifiers(candidates: list[Mention], sentence: list[Token]) -> list[Mention]:
    """A place with *nad* and a river after it is one name (*Brześć nad Bugiem*), whichever source found the
    town; the river of the qualifier is no candidate of its own."""
    position = {id(token): i for i, token in enumerate(sentence)}
    extended: list[Mention] = []
    qualifiers: list[tuple[int, int]] = []  # offsets of the qualifiers taken into a name
    for mention in candidates:
        after = position[id(mention.tokens[-1])] + 1
        end = river_qualifier_end(sentence, after) if mention.type == "PLACE" else after
        if end > after:
            qualifiers.append((sentence[after].start, sentence[end - 1].end))
            mention = replace(mention, tokens=sentence[after - len(mention.tokens):end], lemma=None, children=[])
        extended.append(mention)
    return [m for m in extended if not any(start <= m.start and m.end <= end for start, end in qualifiers)]


def _dateline_place(candidates: list[Mention], sentence: list[Token], dates: list[tuple[int, int]]) -> list[Mention]:
    """A news item's dateline, the place in capitals, a comma and the date ending the sentence or followed by
    the agency in brackets (*SPAŁA, 12 lipca (PAT).*, *NOWY SĄCZ, 3 maja.*), names where the news was written,
    whatever common word the capitals also spell (*spała*, she slept); its base form is the words in title
    case. (*UWAGA, 3 maja zamknięte* goes on after its date: no dateline.)"""
    end = 0
    while end < len(sentence) and _is_shouted(sentence[end]) and len(sentence[end].text) > 1:
        end += 1
    if not end or end + 1 >= len(sentence) or sentence[end].text != "," or \
            any(m.start < sentence[end - 1].end and sentence[0].start < m.end for m in candidates):
        return []
    date_end = next((stop for start, stop in dates if start == sentence[end + 1].start), None)
    after = next((t.text for t in sentence if t.start >= (date_end or 0)), ".")
    if date_end is None or after not in {"(", "."}:
        return []
    words = sentence[:end]
    return [Mention(words, "PLACE", "settlement", lemma=" ".join(t.text.capitalize() for t in words))]


def _with_nouns_after_adjectives(candidates: list[Mention], sentence: list[Token]) -> list[Mention]:
    """A place found as an adjective alone (*z Wielkich*) takes the capitalised noun after it that agrees with
    it in case: the name opens with its adjective (*Wielkie Hajduki*, *Stare Juchy*), and an adjective is no
    place's name alone. The noun is then no candidate of its own (not the surname *Hajduk*)."""
    position = {id(token): i for i, token in enumerate(sentence)}
    extended: list[Mention] = []
    nouns: list[Token] = []  # the nouns taken into a name
    for mention in candidates:
        after = position[id(mention.tokens[-1])] + 1
        if mention.type == "PLACE" and len(mention.tokens) == 1 and after < len(sentence) and \
                _opens_a_name(mention.tokens[0], sentence[after]):
            nouns.append(sentence[after])
            mention = replace(mention, tokens=sentence[after - 1:after + 1], lemma=None, children=[])
        extended.append(mention)
    return [m for m in extended if not any(m.tokens == [noun] for noun in nouns)]


def _opens_a_name(adjective: Token, noun: Token) -> bool:
    """The noun's readings as a person's name are left aside: a surname after a place stays a person
    (*z Białej Kowalski*)."""
    if not (has_pos(adjective, "adj") and is_capitalised(noun) and noun.text[:1].isalpha()):
        return False
    common = tuple(i for i in noun.interps if i.pos == "subst" and not _PERSONAL.intersection(i.quals))
    return bool(common) and case_agrees(adjective, replace(noun, interps=common))


_PERSONAL = frozenset({"imię", "nazwisko"})


def _with_lowercase_modifiers(candidates: list[Mention], sentence: list[Token],
                              dates: list[tuple[int, int]]) -> list[Mention]:
    """Older press capitalised only the first word of an institution's name (*Związek zawodowy przemysłu
    włóknistego*, *Polskie Tow. krajoznawcze*): an organisation ending in its head noun takes the lower-case
    adjectives agreeing with it and one genitive noun group after them (not a date's: *w Sejmie dnia 5
    maja*). A head before a name in quotation
    marks that a rule found (*Stowarzyszenia śpiewaczego „Harfa”*) is that name's word, no name of its own."""
    position = {id(token): i for i, token in enumerate(sentence)}
    starts = {id(m.tokens[0]) for m in candidates if m.source == "rule"}
    extended: list[Mention] = []
    for mention in candidates:
        last = position[id(mention.tokens[-1])]
        head = mention.tokens[-1]
        if mention.type != "ORGANIZATION" or not has_pos(head, "subst", "ign", "brev"):
            extended.append(mention)
            continue
        end = last + 1
        # "Tow.": an abbreviated head (not an acronym, "JKM."), whose case no ending shows
        abbreviated = end < len(sentence) and sentence[end].text == "." and sentence[end].start == head.end \
            and has_pos(head, "ign", "brev") and not head.text.isupper()
        named = end + abbreviated  # the capitalised name ends here, with the dot of an abbreviated head
        end = named
        while end < len(sentence) and _is_lowercase_word(sentence[end]) and has_pos(sentence[end], "adj") and \
                (abbreviated or fully_agrees(sentence[end], head)):
            end += 1
        adjectives = sentence[named:end]
        if quoted_span(sentence, end) and len(mention.tokens) == 1 and id(sentence[end + 1]) in starts:
            continue
        if end < len(sentence) and _is_lowercase_word(sentence[end]) and _is_genitive_noun(sentence[end]) and \
                not _in_dates(sentence[end], dates):
            noun = sentence[end]
            end += 1
            while end < len(sentence) and _is_lowercase_word(sentence[end]) and has_pos(sentence[end], "adj") \
                    and fully_agrees(sentence[end], noun):
                end += 1
        if end > named:
            name = replace(mention, tokens=sentence[position[id(mention.tokens[0])]:named], lemma=None, children=[])
            _set_lemmas(name, sentence)
            complement = [t.text for t in sentence[named + len(adjectives):end]]
            lowered = [t.text if abbreviated else _nominative_adjective(t, head) for t in adjectives]
            mention = replace(mention, tokens=sentence[position[id(mention.tokens[0])]:end],
                              lemma=" ".join([name.lemma or "", *lowered, *complement]))
        extended.append(mention)
    return extended


def _nominative_adjective(adjective: Token, head: Token) -> str:
    """The adjective's form in the nominative singular of the head noun's gender (*zawodowego* with
    *Związku* → *zawodowy*), as the name's base form has it; as written when the dictionary has none."""
    nouns = [i for i in ((head.chosen,) if head.chosen else ()) + head.interps if i.pos in ("subst", "depr")]
    lemmas = {strip_homonym(i.lemma) for i in adjective.interps if i.pos == "adj"}
    if not nouns or len(lemmas) != 1:
        return adjective.text
    gender = nouns[0].tag.split(":")[3].split(".")[0]
    for form, tag, _ in get_morphology().generate(lemmas.pop()):
        parts = tag.split(":")
        if parts[0] == "adj" and parts[1] == "sg" and "nom" in parts[2].split(".") and \
                gender in parts[3].split(".") and parts[-1] == "pos":
            return form
    return adjective.text


def _persons_with_title_inside(candidates: list[Mention], sentence: list[Token],
                               found: list[frozenset[str]]) -> list[Mention]:
    """A forename, a title and a surname are one person (*biskup Jerzy hr. Szembek*, *Adam hr. Krasiński*,
    *Józef gen. Haller*: the older order, with the title of nobility or rank before the surname); the base
    form is the forename's and the surname's, and the title is the person's role when no other is."""
    position = {id(token): i for i, token in enumerate(sentence)}
    persons = [m for m in candidates if m.type == "PERSON"]
    forenames = [m for m in persons if all(has_qualifier(t, {"imię"}) for t in m.tokens)]
    by_start = {position[id(m.tokens[0])]: m for m in persons}
    titles = load_lexicon().titles
    merged: list[Mention] = []
    for forename in forenames:
        after = position[id(forename.tokens[-1])] + 1
        title_length = longest_word_match(found, after, titles) if after < len(sentence) else 0
        surname = by_start.get(after + title_length) if title_length else None
        if surname is None or surname is forename or any(has_qualifier(t, {"imię"}) and not has_qualifier(
                t, {"nazwisko"}) for t in surname.tokens):
            continue
        name = replace(forename, tokens=[*forename.tokens, *surname.tokens], lemma=None, children=[])
        _set_lemmas(name, sentence)
        merged.append(Mention(sentence[position[id(forename.tokens[0])]:position[id(surname.tokens[-1])] + 1],
                              "PERSON", role=forename.role or span_text(sentence[after:after + title_length]),
                              lemma=name.lemma))
    return merged


def _in_dates(token: Token, dates: list[tuple[int, int]]) -> bool:
    return any(start <= token.start and token.end <= end for start, end in dates)


def _is_lowercase_word(token: Token) -> bool:
    return token.text[:1].isalpha() and token.text[:1].islower()


def _is_genitive_noun(token: Token) -> bool:
    """A common noun that can only be a genitive here (*przemysłu*, *reprezentantów*), not a subject, nor a
    verb (*złoży*: a name never takes its sentence's predicate)."""
    readings = [i for i in token.interps if i.pos in ("subst", "depr")]
    return bool(readings) and not has_pos(token, *FINITE_VERBS) and "gen" in cases(token, ("subst", "depr")) and \
        "nom" not in cases(token, ("subst", "depr"))


def _is_date_word(mention: Mention, dates: list[tuple[int, int]]) -> bool:
    """A capitalised common noun inside a date (*10. Lipca*, *z dnia 2go Lipca*: older press capitalises
    months) is the date's word, whatever names it might also be (*Lipiec*, a village and a surname)."""
    if len(mention.tokens) != 1:
        return False
    position = bisect_right(dates, (mention.start, mention.end)) - 1  # the last date starting at or before it
    if position < 0 or dates[position][1] < mention.end:
        return False
    token = mention.tokens[0]
    return is_capitalised(token) and any(
        "nazwa_pospolita" in i.quals and i.lemma[:1].islower() for i in token.interps)


def resolve(candidates: list[Mention]) -> list[Mention]:
    """Top-level mentions with their nested children, from overlapping candidates of one sentence."""
    expanded = candidates + [child for m in candidates for child in m.children]
    for mention in candidates:
        mention.children = []
    ranked = sorted(expanded, key=lambda m: (_SOURCE_RANK[m.source], -(m.end - m.start), m.start))
    accepted: list[Mention] = []
    for mention in ranked:
        overlapping = [a for a in accepted if a.start < mention.end and mention.start < a.end]
        if not overlapping:
            accepted.append(mention)
            continue
        container = overlapping[0]
        if len(overlapping) == 1 and container.type in _CONTAINERS and mention.type in _NESTABLE and \
                container.start <= mention.start and mention.end <= container.end and \
                (container.start, container.end) != (mention.start, mention.end) and \
                not any(c.start < mention.end and mention.start < c.end for c in container.children) and \
                not _is_abbreviated_part(mention, container):
            container.children.append(mention)
    return accepted


def _is_abbreviated_part(mention: Mention, container: Mention) -> bool:
    """Words of a name written in abbreviations (*Sł. Polsk* of *„Sł. Polsk.”*): no name of their own."""
    following = [t for t in container.tokens if t.start >= mention.end][:1]
    return bool(following) and following[0].text == "." and \
        following[0].start == mention.end


def _spans_by_sentence(sentences: list[Sentence], spans: list[NkjpSpan]) -> dict[int, list[NkjpSpan]]:
    """The NKJP spans lying inside each sentence (by its position), found by bisection: a scan of every
    span for every sentence grew with the square of the document."""
    starts = [sentence.start for sentence in sentences]
    inside: dict[int, list[NkjpSpan]] = {}
    for span in spans:
        position = bisect_right(starts, span.start) - 1
        if position >= 0 and span.end <= sentences[position].end:
            inside.setdefault(position, []).append(span)
    return inside


def _nkjp_mentions(sentence: Sentence, spans: list[NkjpSpan]) -> list[Mention]:
    """Contract-typed candidates from the NKJP spans inside this sentence."""
    mentions: list[Mention] = []
    for span in spans:
        if span.start < sentence.start or span.end > sentence.end or span.label not in _NKJP_TYPES:
            continue
        tokens = _trim([t for t in sentence.tokens if span.start <= t.start and t.end <= span.end])
        title_length = longest_word_match(sentence_lemmas(tokens), 0, load_lexicon().titles)
        if title_length and len(tokens[0].text) == 1 and tokens[0].text.isupper() and \
                any(t.text[:1].isalpha() for t in sentence.tokens if t.end <= tokens[0].start):
            title_length = 0  # "W. Piotrowski": inside a sentence a capital with a dot is an initial
        role = span_text(tokens[:title_length]) if title_length else None
        tokens = tokens[title_length:]  # "Marszałka Piłsudskiego": the title is a role, not the name
        # adjectives (polskiego) and ethnonyms (Sowieci) are NKJP names, not entities; nor is a lone word the
        # disambiguator read as a verb or a function word ("— Płonie stodoła": names are nominal)
        if not tokens or len(tokens) == 1 and not _is_quoted(tokens, sentence.tokens) and (
                is_ethnonym(tokens[0]) or _is_not_nominal(tokens[0])):
            continue
        if len(tokens) == 1 and (_is_common_word_of_old(tokens[0]) or _is_attribute(tokens[0], sentence.tokens)):
            continue
        entity_type, subtype = _NKJP_TYPES[span.label]
        if entity_type == "ORGANIZATION" and not role and (holder := _office_holder(tokens, sentence.tokens)):
            role, tokens = holder
            entity_type, subtype = "PERSON", None
        if entity_type == "PERSON" and (_has_truncation(tokens, sentence.tokens) or _initials(tokens) > 2):
            continue  # "Komit. Ekon.", "T. C. L.": words cut short name an institution, not a person
        if entity_type in ("PERSON", "ORGANIZATION") and _is_heading(tokens, sentence.tokens):
            entity_type, subtype = "PLACE", None
        if len(tokens) == 1 and _is_shouted_person(tokens[0]):
            entity_type, subtype = "PERSON", None  # MIEDZIŃSKI: a surname in capitals, no acronym or place
        if entity_type == "PERSON" and _is_press_title(tokens, sentence.tokens):
            entity_type, subtype = "ORGANIZATION", None
            tokens = _with_place_adjective(tokens, sentence.tokens)
        if entity_type == "PERSON" and not any(has_qualifier(t, {"imię", "nazwisko", "pseudonim"}) or is_unknown(t)
                                               for t in tokens):
            continue
        if entity_type == "COUNTRY" and not _is_known_country(tokens):  # states are a closed list
            if not any(has_qualifier(t, {"nazwa_geograficzna"}) or is_unknown(t) for t in tokens):
                continue
            entity_type, subtype = "PLACE", "settlement" if len(tokens) == 1 else None
        if entity_type == "ORGANIZATION":
            if len(tokens) == 1 and not has_pos(tokens[0], "subst", "depr", "ign") and \
                    not _is_quoted(tokens, sentence.tokens):
                continue  # a lone adjective: a street (Jerozolimskiej) or a fragment; a quoted title (*„Społem”*) stays
            if len(tokens) == 1 and has_qualifier(tokens[0], {"nazwa_geograficzna"}):
                entity_type, subtype = "PLACE", "settlement"  # "rząd Kowna": the city standing for its rulers
            else:
                lemma_sets = sentence_lemmas(tokens)
                if any(longest_word_match(lemma_sets, i, load_lexicon().unit_heads) for i in range(len(tokens))):
                    entity_type = "MILITARY_UNIT"
        mentions.append(Mention(tokens, entity_type, subtype, role=role if entity_type == "PERSON" else None,
                                source="nkjp"))
    return mentions


def _title_before(tokens: list[Token], sentence: list[Token]) -> int:
    """Length of the title (*minister*, *podsekretarz stanu*) that ends right before the span, or 0."""
    position = next(i for i, t in enumerate(sentence) if t is tokens[0])
    lemma_sets = sentence_lemmas(sentence[:position])
    titles = load_lexicon().titles
    return next((position - start for start in range(max(0, position - 3), position)
                 if longest_word_match(lemma_sets, start, titles) == position - start), 0)


def _office_holder(tokens: list[Token], sentence: list[Token]) -> tuple[str, list[Token]] | None:
    """An office's name ends before a capitalised surname (*minister Spraw Zagranicznych Czarneckis*): after a
    title, common words of the office followed by the holder's name are a person with the office as role.
    Returns the role and the holder's name, or None."""
    title = _title_before(tokens, sentence)
    if not title:
        return None
    start = len(tokens)
    while start > 1 and not tokens[start - 1].text.isupper() and \
            (has_qualifier(tokens[start - 1], {"imię", "nazwisko"}) or is_unknown(tokens[start - 1])) and \
            not _names_institution(tokens, start - 1):
        start -= 1
    office = tokens[:start]
    if start == len(tokens) or not all(i.lemma[:1].islower() for t in office for i in t.interps):
        return None
    position = next(i for i, t in enumerate(sentence) if t is tokens[0])
    return span_text(sentence[position - title:position] + office), tokens[start:]


def _names_institution(tokens: list[Token], i: int) -> bool:
    """``tokens[i]`` is a common adjective agreeing in case, number and gender with the institution's noun
    before it (*Politechniki Lwowskiej*, *Uniwersytetu Jagiellońskiego*): part of the institution's name, not
    a surname (*Lwowska*) after the office."""
    adjectives = [interp for interp in tokens[i].interps if interp.pos == "adj" and interp.lemma[:1].islower()]
    heads = load_lexicon().organization_heads
    return bool(adjectives) and i > 0 and any((interp.lemma,) in heads for interp in tokens[i - 1].interps) and \
        fully_agrees(replace(tokens[i], interps=adjectives), tokens[i - 1])


_NON_NOMINAL = frozenset({"fin", "praet", "impt", "imps", "inf", "pcon", "pant", "bedzie", "aglt", "winien", "pred",
                          "adv", "conj", "comp", "prep", "qub", "interj", "part"})


def _with_abbreviated_forename(mention: Mention, sentence: list[Token]) -> Mention:
    """A person's name with an abbreviated forename (*Wład. Kosiński*, *Stan. Nowak*) is one mention of
    the forename, its dot and the capitalised words after it, whichever part the tagger found."""
    if mention.type != "PERSON" or mention.children:
        return mention
    first = next(i for i, t in enumerate(sentence) if t is mention.tokens[0])
    start, end = first, first + len(mention.tokens)
    names = load_abbreviations().names
    if start >= 2 and _abbreviated_forename(sentence, start - 2, names):
        start -= 2  # the tagger found the surname: the forename before it belongs to the name
    if _abbreviated_forename(sentence, end - 1, names):
        end += 1  # the tagger found the forename: the surname after its dot belongs to the name
        while end < len(sentence) and sentence[end].text[:1].isalpha() and is_capitalised(sentence[end]):
            end += 1
    if (start, end) == (first, first + len(mention.tokens)):
        return mention
    return replace(mention, tokens=sentence[start:end])


def _abbreviated_forename(sentence: list[Token], i: int, names: frozenset[str]) -> bool:
    """``sentence[i]`` is an abbreviated forename with its dot glued to it, before a capitalised word."""
    return (i + 2 < len(sentence) and sentence[i].text in names and sentence[i + 1].text == "."
            and sentence[i + 1].start == sentence[i].end and is_capitalised(sentence[i + 2]))


def _is_not_nominal(token: Token) -> bool:
    return token.chosen is not None and token.chosen.pos in _NON_NOMINAL


def _is_shouted(token: Token) -> bool:
    return token.text[:1].isalpha() and token.text.isupper()


def _is_press_title(tokens: list[Token], sentence: list[Token]) -> bool:
    """A one-word name Morfeusz does not know beside a periodical's noun or a verb of reporting, or cited
    with an issue's date (*pismo Constitutionnel*, *Constitutionnel donosi*, *Constitutionnel z 28. b. m.*),
    is a newspaper's title, not a person."""
    if len(tokens) != 1 or not is_unknown(tokens[0]):
        return False
    position = next(i for i, t in enumerate(sentence) if t is tokens[0])
    following = [t.text for t in sentence[position + 1:position + 3]]
    if len(following) == 2 and following[0] == "z" and following[1].isdigit():
        return True
    cues = load_lexicon().press_cues
    beside = sentence[max(position - 1, 0):position] + sentence[position + 1:position + 2]
    return any((strip_homonym(i.lemma).lower(),) in cues for t in beside for i in t.interps)


def _with_place_adjective(tokens: list[Token], sentence: list[Token]) -> list[Token]:
    """A periodical's title with the capitalised adjective before it (*Wiedeński Wanderer*, *Kurjer
    Warszawski* the other way round): the adjective is part of the title."""
    position = next(i for i, t in enumerate(sentence) if t is tokens[0])
    before = sentence[position - 1] if position > 0 else None
    if before is not None and is_capitalised(before) and has_pos(before, "adj"):
        return [before, *tokens]
    return tokens


def _has_truncation(tokens: list[Token], sentence: list[Token]) -> bool:
    """Whether a word of the span is a truncation with its dot (*Komit.*), not a forename's abbreviation."""
    following = {id(a): b for a, b in zip(sentence, sentence[1:], strict=False)}
    names = load_abbreviations().names
    return any(
        (after := following.get(id(token))) is not None and after.text == "." and after.start == token.end
        and token.text not in names and is_truncation(token.text, token.interps)
        for token in tokens
    )


def _initials(tokens: list[Token]) -> int:
    """How many capital letters with their dots open the span: a person is written with one or two
    initials (*J. K. Nowak*); three or more abbreviate an institution's name (*T. C. L.*, *P. K. O.*)."""
    count = 0
    while 2 * count + 1 < len(tokens) and len(tokens[2 * count].text) == 1 and \
            tokens[2 * count].text.isupper() and tokens[2 * count + 1].text == ".":
        count += 1
    return count


def _is_heading(tokens: list[Token], sentence: list[Token]) -> bool:
    """A sentence of one capitalised word and its full stop heads a column of news from a land or a town in
    the press of the 19th century (*Austrya.*, *Węgry.*, *Bawarya.*): it names that place, not a person or a
    body, when the word is a place's name that is also a surname (*Ruda.*) or one the dictionary does not know
    in any spelling (*Kroacya.*). (A word known only as a place, *Austrya* in today's spelling, the places
    stage reads as a place with its base form.)"""
    if len(sentence) != 2 or sentence[1].text != "." or tokens != sentence[:1]:
        return False
    word = tokens[0]
    if len(word.text) < 3 or _is_shouted(word):
        return False
    if is_unknown(word):
        return all(i.tag == "ign" for i in get_morphology().analyse(modernised(word.text)))
    return has_qualifier(word, {"nazwa_geograficzna"}) and has_qualifier(word, {"imię", "nazwisko"})


def _is_shouted_person(token: Token) -> bool:
    """A word in capitals (a heading, a speaker in a report) whose only proper-name readings are a forename's
    or a surname's is read as its title-case form would be: a person (*MIEDZIŃSKI*, *BECK*; not *WARSZAWA*)."""
    if not (_is_shouted(token) and len(token.text) > 1):
        return False
    proper = [i for i in token.interps if i.lemma[:1].isupper() and not strip_homonym(i.lemma).isupper()]
    personal = {"imię", "nazwisko"}
    return bool(proper) and all(personal.intersection(i.quals) and personal.issuperset(i.quals) for i in proper)


def _is_headline_words(mention: Mention, sentence: list[Token]) -> bool:
    """A mention made of words of an all-capitals passage (three or more words in capitals in the
    sentence) that are common words there ("JAK", "DAMY WSZYSTKO"): only a word with a proper-name
    reading and no function-word or verb reading (*HITLER*, *POLSCE*, *GDAŃSKA*) stays a name."""
    words = [t for t in mention.tokens if t.text[:1].isalpha()]
    if not words or not all(_is_shouted(t) for t in words):
        return False
    if sum(1 for t in sentence if _is_shouted(t) and len(t.text) > 1) < 3:
        return False  # a dateline ("BERLIN, (PAT)") or an acronym, not a headline
    return not all(
        any(i.lemma[:1].isupper() for i in t.interps) and not any(i.pos in _HEADLINE_COMMON_POS for i in t.interps)
        for t in words
    )


def _is_headline_attribute(mention: Mention, sentence: list[Token]) -> bool:
    """A word in capitals agreeing in case, number and gender with the common noun in capitals before it is
    that noun's adjective in a section heading (*SPRAWY KOŚCIELNE.*, *PRASA POLSKA.*), not a surname or a
    country; a name after a preposition (*Z GDAŃSKA*) stays."""
    if len(mention.tokens) != 1 or not _is_shouted(token := mention.tokens[0]) or not has_pos(token, "adj"):
        return False
    position = next(i for i, t in enumerate(sentence) if t is token)
    before = sentence[position - 1] if position else None
    return before is not None and _is_shouted(before) and len(before.text) > 1 and \
        any(i.pos == "subst" and i.lemma[:1].islower() for i in before.interps) and fully_agrees(token, before)


def _recased(mention: Mention) -> str | None:
    """The base form of a name written in capitals (*BERLIN*, *GDAŃSKA*) as SGJP writes it (*Berlin*,
    *Gdańsk*); acronyms (*PAT*, *PZLA*), which SGJP writes in capitals or does not know, and names of
    organisations stay."""
    if mention.lemma is None or mention.type not in ("PERSON", "PLACE", "COUNTRY"):
        return mention.lemma  # organisations in capitals are mostly acronyms
    cased = {strip_homonym(i.lemma).lower(): strip_homonym(i.lemma) for t in mention.tokens for i in t.interps
             if i.lemma[:1].isupper() and not strip_homonym(i.lemma).isupper()}
    return " ".join(cased.get(word.lower(), word) if word.isupper() and len(word) > 1 else word
                    for word in mention.lemma.split(" "))


@lru_cache(maxsize=1)
def _name_suffixes() -> tuple[tuple[str, str, str, str | None], ...]:
    rules = []
    for number, (ending, base, kind) in read_table("kronika.ner", "resources/pl/name_suffixes.tsv", 3):
        entity_type, _, subtype = kind.partition("/")
        if entity_type not in ("PERSON", "PLACE"):
            raise ValueError(f"name_suffixes.tsv line {number}: the type must be PERSON or PLACE")
        rules.append((ending, base, entity_type, subtype or None))
    return tuple(sorted(rules, key=lambda r: -len(r[0])))


def _apply_name_suffix(mention: Mention) -> None:
    """Type and base form of a one-word name Morfeusz lacks, from its ending (*Walasiewiczówny*)."""
    if len(mention.tokens) != 1 or mention.lemma is not None:
        return
    token = mention.tokens[0]
    if not (is_unknown(token) or has_qualifier(token, {"nazwisko_(odojcowskie)"})):
        return
    for ending, base, entity_type, subtype in _name_suffixes():
        if token.text.endswith(ending) and len(token.text) > len(ending) + 1:
            mention.type, mention.subtype = entity_type, subtype
            mention.lemma = token.text[: -len(ending)] + base
            if entity_type != "PERSON":
                mention.role = None
            return


def _trim(tokens: list[Token]) -> list[Token]:
    """Drop what cannot begin or end a name: numbers, punctuation, lower-case words; a closing quotation mark
    stays only where the name holds its opening one (*Związek „Jedność”*, not *Społem”*)."""
    while tokens and not is_capitalised(tokens[0]):
        tokens = tokens[1:]
    while tokens and not (is_capitalised(tokens[-1]) or _closes_quote(tokens)):
        tokens = tokens[:-1]
    return tokens


def _is_common_word_of_old(token: Token) -> bool:
    """A capitalised word the dictionary knows only in today's spelling, and there only as a common word
    (*Wakacye*, *Petycya*, *Patryarchowie*: the heading "(Wakacye wielkanocne.)"), is no name."""
    if not is_unknown(token) or (modern := modernised(token.text)) == token.text:
        return False
    readings = get_morphology().analyse(modern)
    return any(i.tag != "ign" for i in readings) and all(i.lemma[:1].islower() for i in readings if i.tag != "ign")


def _is_attribute(token: Token, sentence: list[Token]) -> bool:
    """A capitalised adjective agreeing in case, number and gender with the lower-case noun before it is
    that noun's attribute, as older press capitalised adjectives of places (*z magistratu Będzińskiego*),
    not a person's surname, when the noun names a thing (*radca Krakowski*, *wdowa Kowalska* are persons);
    a surname in the genitive after a noun it does not agree with stays (*w szkole Poznańskiego*)."""
    position = next(i for i, t in enumerate(sentence) if t is token)
    if not position or not has_pos(token, "adj"):
        return False
    before = sentence[position - 1]
    genders = {g for i in before.interps if i.pos == "subst" for g in i.tag.split(":")[3].split(".")}
    return before.text[:1].islower() and bool(genders) and genders <= _THING_GENDERS and fully_agrees(token, before)


def _is_quoted(tokens: list[Token], sentence: list[Token]) -> bool:
    """The span stands between a quotation mark and its closing one, as a title does (*„Społem”*)."""
    position = next(i for i, t in enumerate(sentence) if t is tokens[0])
    end = position + len(tokens)
    return 0 < position and end < len(sentence) and sentence[position - 1].text in CLOSING_QUOTES_OF and \
        sentence[end].text in CLOSING_QUOTES_OF[sentence[position - 1].text]


def _closes_quote(tokens: list[Token]) -> bool:
    """The last token is the closing mark of a quotation mark opened inside the span."""
    return any(tokens[-1].text in CLOSING_QUOTES_OF[t.text] for t in tokens[:-1] if t.text in CLOSING_QUOTES_OF)


def _is_known_country(tokens: list[Token]) -> bool:
    return any(m.type == "COUNTRY" and len(m.tokens) == len(tokens)
               for m in find_known_names(tokens, sentence_lemmas(tokens)))


def _set_lemmas(mention: Mention, sentence: list[Token]) -> None:
    for child in mention.children:
        _set_lemmas(child, sentence)
    if mention.lemma is None:
        mention.lemma = _base_form(_readings_in_context(mention, sentence), mention.type)


# A text names the same person or place again and again: the base form of a mention depends only on its
# tokens' texts, readings and spacing, and on its type, so it is found once for them.
_BASE_FORMS: dict[tuple[object, ...], str] = {}
_BASE_FORMS_LIMIT = 100_000


def _base_form(tokens: list[Token], category: str) -> str:
    first = tokens[0].start
    key = (category, *((t.start - first, t.end - first, t.text, t.interps, t.chosen) for t in tokens))
    lemma = _BASE_FORMS.get(key)
    if lemma is None:
        if len(_BASE_FORMS) >= _BASE_FORMS_LIMIT:  # bound memory on huge inputs
            _BASE_FORMS.clear()
        lemma = _BASE_FORMS[key] = base_form(tokens, category)
    return lemma


def _readings_in_context(mention: Mention, sentence: list[Token]) -> list[Token]:
    """Copies of the mention's tokens keeping the readings its type and context allow: a place's
    geographic readings in the case its preposition or head noun governs (*obrony Lwowa*: genitive),
    and no personal-name readings in names of other things (*Uchwale* is not the surname *Uchwał*)."""
    position = next(i for i, t in enumerate(sentence) if t is mention.tokens[0])
    governed = _governed_cases(sentence[position - 1]) if position else set()
    tokens: list[Token] = []
    for index, token in enumerate(mention.tokens):
        readings = list(token.interps)
        if mention.type in ("PLACE", "COUNTRY"):
            readings = _prefer(readings, lambda i: "nazwa_geograficzna" in i.quals)
        elif mention.type != "PERSON":
            readings = _prefer(readings, lambda i: not {"imię", "nazwisko"}.intersection(i.quals))
        if index == 0 and governed:
            readings = _prefer(readings, lambda i: bool(governed & cases(Token(0, 0, "", (i,)), _DECLINED)))
        chosen = token.chosen if token.chosen in readings else readings[0]
        tokens.append(replace(token, interps=tuple(readings), chosen=chosen))
    return tokens


def _governed_cases(token: Token) -> set[str]:
    """Cases a preposition governs, or the genitive after a noun (*obrona Grodna*)."""
    if token.interps and all(i.pos == "prep" for i in token.interps):
        return {i.tag.split(":")[1] for i in token.interps}
    if any(i.pos in ("subst", "ger") and i.lemma[:1].islower() for i in token.interps):
        return {"gen"}
    return set()


def _prefer(readings: list[Interp], keep: Callable[[Interp], bool]) -> list[Interp]:
    return [i for i in readings if keep(i)] or readings


def _to_entity(analysis: Analysis, mention: Mention, number: int, parent: str | None) -> Entity:
    text = analysis.document.text[mention.start:mention.end]
    return Entity(id=f"e{number}", start=mention.start, end=mention.end, text=text, type=mention.type,
                  lemma=mention.lemma or text, subtype=mention.subtype, parent=parent, role=mention.role)
