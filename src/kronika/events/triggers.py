"""Trigger finding and the gate: the lexicon phrases a clause says, and whether one tells a happening here.

A trigger is a verb, a noun or a phrase of :mod:`kronika.events.lexicon` found in a clause (its words within a few
tokens of each other); the gate drops a noun that names an office, a thing with its own date, or an armed force,
not a happening.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from kronika.events.arguments import PLACE_TYPES, Mention
from kronika.events.clauses import Clause
from kronika.events.grammar import (
    FINITE,
    PREDICATE,
    chosen_case,
    chosen_pos,
    frame_phrase,
    is_finite,
    own_date,
    preposition_before,
    support_verb,
    tense_of,
)
from kronika.events.lexicon import NOT_AN_EVENT, TriggerEntry, triggers_by_first_lemma
from kronika.lang.grammar import NOMINAL, cases, has_pos, lemmas_lower, number_gender, subject_agrees
from kronika.lang.orthography import modern_spellings
from kronika.model import Timex, Token
from kronika.morph import get_morphology

ACTOR_TYPES = frozenset({"PERSON", "ORGANIZATION"})
NATURAL_FORCES = frozenset({"disaster", "flood", "fire"})
ASSEMBLIES = frozenset({"meeting"})  # happenings whose noun names the body assembled: "zebranie uchwaliło"
MAX_GAP = 4  # tokens allowed between the words of a multiword trigger ("stoczyły również walkę")
SETTING_PREPOSITIONS = frozenset({"w", "we", "na"})  # before the locative of where a happening took place
AUXILIARY_SPAN = 3  # words between an auxiliary and its participle, fewer than this ("zostały przez Niemców zajęte")


@dataclass
class TriggerMatch:
    entry: TriggerEntry
    tokens: list[int]
    verbal: int | None  # the token carrying the verb, when the trigger has one
    verbal_lemmas: frozenset[str] = frozenset()  # the lexicon lemmas that token stands for
    senses: list[TriggerEntry] = field(default_factory=list)  # rows of the same phrase, in lexicon order

    def verb_forms(self, tokens: list[Token]) -> set[str]:
        """Parts of speech the verbal token has as this verb: {"praet"}, {"imps"}, {"ppas"}…"""
        if self.verbal is None:
            return set()
        return {i.pos for i in tokens[self.verbal].interps
                if i.lemma.lower() in self.verbal_lemmas and i.pos in PREDICATE}


def _verbal_reading(token: Token, lemma_set: frozenset[str]) -> bool:
    """The token is a verb form of the lexicon word (an infinitive only when it cannot be a noun)."""
    verbal = {i.pos for i in token.interps if i.lemma.lower() in lemma_set and i.pos in PREDICATE}
    return bool(verbal - {"inf"}) or bool(verbal) and not has_pos(token, NOMINAL)


def _same_word_class(token: Token, lemma_set: frozenset[str]) -> bool:
    """Whether the tagger's reading is the lexicon word's part of speech: *broni* read as the noun
    *broń* (weapon) does not stand for the verb *bronić*."""
    chosen = token.chosen
    if chosen is None or chosen.lemma.lower() in lemma_set or chosen.tag == "ign":
        return True  # a word the dictionary does not know has only the class of its today's spelling
    readings = {i.pos for i in token.interps if i.lemma.lower() in lemma_set}
    if chosen.pos in {"subst", "depr"}:
        # a noun of its own lexeme is no gerund of the lexicon's verb: *w więzieniu* (a prison) is no *więzić*
        return bool(readings & {"subst", "depr"})
    verbal = chosen.pos in PREDICATE or chosen.pos == "pact"
    return bool(readings & (PREDICATE if verbal else NOMINAL))


@lru_cache(maxsize=4096)
def _modern_lemmas(word: str) -> frozenset[str]:
    """The lemmas of a word the dictionary does not know, read in today's spelling: the first spelling the
    orthography rules lead it to that the dictionary knows (*audjencji*, *ratyfikacye*, *demonstracyi* →
    *audiencja*, *ratyfikacja*, *demonstracja*); none when there is no such spelling."""
    for spelling in modern_spellings(word.lower()):
        known = {i.lemma.lower() for i in get_morphology().analyse(spelling) if i.tag != "ign"}
        if known:
            return frozenset(known)
    return frozenset()


def _trigger_lemmas(token: Token) -> frozenset[str]:
    """The lemmas a token may stand for in the trigger lexicon: its own, or, for a word in a spelling of before the
    reforms of 1918 and 1936, those of today's spelling."""
    own = lemmas_lower(token)
    return own if any(i.tag != "ign" for i in token.interps) else own | _modern_lemmas(token.text)


def find_triggers(tokens: list[Token], clause: Clause, blocked: set[int]) -> list[TriggerMatch]:
    """Lexicon entries found in a clause, longest entries first, each token used once."""
    used: set[int] = set(blocked)
    found: list[TriggerMatch] = []
    positions = [i for i in clause.tokens if i not in blocked]
    lemma_sets = {i: _trigger_lemmas(tokens[i]) for i in positions}
    index = triggers_by_first_lemma()
    # lemmas in a fixed order: ties between entries of one length must not depend on the hash seed
    candidates = {id(e): e for i in positions for lemma in sorted(lemma_sets[i]) for e in index.get(lemma, ())}
    entries = sorted(candidates.values(), key=lambda e: -len(e.words))
    claimed: dict[tuple[str, int], TriggerMatch] = {}
    for entry in entries:
        for i in positions:
            if not lemma_sets[i] & entry.words[0] or not _same_word_class(tokens[i], entry.words[0]):
                continue
            earlier = claimed.get((entry.phrase, i))
            if earlier is not None:
                earlier.senses.append(entry)  # the same words, another sense row
                continue
            if i in used:
                continue
            matched = [i]
            for word in entry.words[1:]:
                near = [j for j in positions if j not in used and j not in matched and abs(j - i) <= MAX_GAP
                        and (lemma_sets[j] & word)]
                if not near:
                    break
                matched.append(min(near, key=lambda j: abs(j - i)))
            if len(matched) < len(entry.words):
                continue
            if "się" in entry.phrase.split() and not _verbal_reading(tokens[i], entry.words[0]):
                continue  # "zebrać się" is a verb: "na zebraniu zapisało się" is not it
            used.update(matched)
            verbal = next(((j, word) for j, word in zip(matched, entry.words, strict=True)
                           if _verbal_reading(tokens[j], word)), None)
            match = TriggerMatch(entry, sorted(matched), verbal[0] if verbal else None,
                                 verbal[1] if verbal else frozenset(), [entry])
            claimed[(entry.phrase, i)] = match
            if entry.type != NOT_AN_EVENT:
                found.append(match)
    return sorted(found, key=lambda m: m.tokens[0])


def has_auxiliary(participle: int | None, tokens: list[Token], clause: Clause,
                  words: dict[str, frozenset[str]]) -> bool:
    """Whether a passive participle has its own auxiliary (*zostali zamordowani*, *został on wywieziony*):
    one near it, with no other participle between (in *oskarżeni ujęci … zostali zwolnieni* the
    auxiliary is *zwolnieni*'s)."""
    if participle is None:
        return False
    for i in clause.tokens:
        # a finite form or an infinitive of the auxiliary ("będącą katalogiem zbudowanym" has none)
        if i == participle or not lemmas_lower(tokens[i]) & words["passive_aux"] \
                or not has_pos(tokens[i], FINITE | {"inf"}):
            continue
        between = range(min(i, participle) + 1, max(i, participle))
        if any(has_pos(tokens[k], {"ppas"}) for k in between):
            continue
        # an auxiliary after the participle with a participle of its own right after it is that one's
        if i > participle and any(has_pos(tokens[k], {"ppas"}) for k in range(i + 1, min(i + 3, len(tokens)))):
            continue
        if not _agrees_with_auxiliary(tokens[i], tokens[participle]):
            continue  # "w jaką popadł oskarżony była przyczyną": *była* is another subject's
        if len(_words_outside_parentheses(tokens, between)) < AUXILIARY_SPAN:  # "zostanie (lub nie) uchwalona"
            return True
    return False


def _number_gender_of(token: Token, parts_of_speech: frozenset[str]) -> set[tuple[str, str]]:
    """(number, gender) of the token's readings of those parts of speech, the masculine genders as one."""
    pairs = set()
    for interp in token.interps:
        fields = interp.tag.split(":")
        genders = next((f.split(".") for f in fields[2:] if f.split(".")[0] in {"m1", "m2", "m3", "f", "n"}), [])
        if interp.pos in parts_of_speech:
            pairs.update((fields[1], "m" if g.startswith("m") else g) for g in genders)
    return pairs


def _agrees_with_auxiliary(auxiliary: Token, participle: Token) -> bool:
    """An auxiliary in the past agrees with its participle in number and gender (*została uchwalona*, *zostali
    zamordowani*), or stands in the neuter singular of a counted subject (*kilku zostało zatrzymanych*); a
    present or future form has no gender to agree in."""
    own = _number_gender_of(auxiliary, frozenset({"praet"}))
    if not own or ("sg", "n") in own:
        return True
    other = _number_gender_of(participle, frozenset({"ppas"}))
    return not other or bool(own & other)


def _words_outside_parentheses(tokens: list[Token], span: range) -> list[int]:
    words, depth = [], 0
    for k in span:
        depth += (tokens[k].text == "(") - (tokens[k].text == ")")
        if depth <= 0 and not has_pos(tokens[k], {"interp"}):
            words.append(k)
    return words


def passes_gate(match: TriggerMatch, tokens: list[Token], clause: Clause, mentions: list[Mention],
                timexes: list[tuple[int, Timex]], words: dict[str, frozenset[str]], clauses: list[Clause]) -> bool:
    """Whether the clause shows the trigger as an event: a verb used as a predicate; a noun that a
    light or occurrence verb governs, that carries its own place or date, or that a relative clause of the
    sentence (``clauses``) says took place."""
    if len(match.entry.words) > 1:
        return True
    if match.verbal is not None:
        if match.verb_forms(tokens) - {"ppas"}:
            return True
        # a passive participle is a predicate with an auxiliary (*zostali zamordowani*) or a przez-agent
        # (*rozstrzelanych przez NKWD*); alone it is an attribute (*układy zawarte uprzednio*)
        aux = has_auxiliary(match.verbal, tokens, clause, words)
        agent = any(tokens[i].text.lower() == "przez" for i in clause.tokens if 0 < i - match.verbal <= 4)
        # or a town of its own right after it (*ojca, więzionego w Mińsku*): a located event, as for nouns
        located = any(m.entity.type == "PLACE" and m.preposition in words["place_prep"]
                      and 0 < m.first - match.verbal <= 2 for m in mentions)
        # or a date of its own right after it (*preliminarz uchwalony w styczniu*)
        dated = any(0 < first - match.verbal <= 2 for first, _timex in timexes)
        return aux or agent or located or dated
    noun = match.tokens[0]
    if dated_by_adjective(noun, tokens, timexes) or told_in_relative(noun, tokens, clauses, words) \
            or setting_of_past(match, tokens, clause, words):
        return True
    if _office_of(noun, tokens, words):
        return False
    # a verb of calling or inviting makes its noun a happening to come: "zarządził wybory"
    support = words["occurrence"] | words["light_verb"] | words["announcement"]
    if any(support_verb(tokens[i], support) for i in clause.tokens):
        return True
    if any(m.attached_to == noun and m.entity.type in PLACE_TYPES for m in mentions):
        return True
    if threatened(match, tokens, clause, words):
        return True
    if actor_of_noun(noun, tokens, mentions) or armed_genitive(noun, tokens, words):
        return True
    # a force of nature doing something is one happening: "lawina porwała narciarzy", "burza zerwała dachy"
    if match.entry.type in NATURAL_FORCES and subject_of_verb(noun, tokens, clause):
        return True
    # so is a body assembled doing something other than being (*zebranie uchwaliło*, *zjazd wybrał zarząd*;
    # not *zebranie jest jawne*)
    if match.entry.type in ASSEMBLIES and subject_of_verb(noun, tokens, clause, words["passive_aux"]):
        return True
    # a place of its own right after the noun: "pożar w Warszawie", "powódź na Podhalu" (not a partner:
    # "mecz z Litwą")
    if any(m.entity.type in PLACE_TYPES and m.preposition in words["place_prep"] and 0 < m.first - noun <= 3
           and not (m.preposition == "z" and "inst" in m.cases) for m in mentions):
        return True
    return own_date(noun, tokens, timexes)


def dated_by_adjective(noun: int, tokens: list[Token], timexes: list[tuple[int, Timex]]) -> bool:
    """An adjective of time before the noun, over other adjectives, dates it: *wczorajsze aresztowanie*, *w sobotnim
    głosowaniu*, *po trzydniowej debacie*."""
    return any(first < noun and chosen_pos(tokens[first]) == "adj"
               and all(chosen_pos(tokens[k]) == "adj" for k in range(first + 1, noun)) for first, _timex in timexes)


def told_in_relative(noun: int, tokens: list[Token], clauses: list[Clause], words: dict[str, frozenset[str]]) -> bool:
    """A relative clause right after the noun, its pronoun agreeing with the noun, says with a verb of occurrence
    that it took or takes place: *zderzenia dwóch tramwajów, do którego doszło w czwartek*, *wyrok, który zapadł*."""
    for clause in clauses:
        if clause.relative is None or clause.antecedent is None or not 0 <= clause.antecedent - noun <= MAX_GAP:
            continue
        if not number_gender(tokens[clause.relative]) & number_gender(tokens[noun]):
            continue
        if any(support_verb(tokens[k], words["existence"])
               and tense_of(tokens[k], [tokens[j] for j in clause.tokens]) != "future" for k in clause.tokens):
            return True  # one to come is left to the noun's own clause (*kwalifikacje do mistrzostw, które odbędą się*)
    return False


def setting_of_past(match: TriggerMatch, tokens: list[Token], clause: Clause, words: dict[str, frozenset[str]]) -> bool:
    """The noun frames what a verb of its clause tells in the past: after *po*, *podczas*, *w wyniku* (*po nagłej
    śmierci Diora stanął na czele*), or as the locative of where it happened (*w katastrofie zginęło 55 osób*, *na
    konferencji prasowej powiedział*); an agreement with someone is a manner, no treaty (*w porozumieniu z*)."""
    noun = match.tokens[0]
    # the case the preposition governs must be one of the lexicon word's own forms: *po starcie* is after a start
    # (the locative of *start*), no clash (*starcie* has no such locative)
    own_cases = {i.tag.split(":")[2] for i in tokens[noun].interps
                 if i.lemma.lower() in match.entry.words[0] and i.pos in {"subst", "ger"} and i.tag.count(":") >= 2}
    if chosen_case(tokens[noun]) not in own_cases:
        return False
    # a plural of a noun that has a singular frames happenings in general (*frekwencja na zebraniach wzrosła*,
    # *skazani za morderstwa*); a plural-only noun is one happening (*w wyborach*, *na obradach*)
    fields = tokens[noun].chosen.tag.split(":") if tokens[noun].chosen else []
    plural_only = any(i.lemma.lower() in match.entry.words[0] and "pt" in i.tag.split(":")
                      for i in tokens[noun].interps)
    if "pl" in fields[1:2] and not plural_only:
        return False
    manner = match.entry.type == "treaty" and noun + 1 < len(tokens) and tokens[noun + 1].text.lower() in {"z", "ze"}
    locative = chosen_case(tokens[noun]) == "loc" and preposition_before(tokens, noun, SETTING_PREPOSITIONS)
    if manner or not (locative or frame_phrase(tokens, noun, words) is not None):
        return False
    clause_tokens = [tokens[k] for k in clause.tokens]
    return any(k != noun and has_pos(tokens[k], FINITE) and tense_of(tokens[k], clause_tokens) == "past"
               for k in clause.tokens)


def _office_of(noun: int, tokens: list[Token], words: dict[str, frozenset[str]]) -> bool:
    """The noun is the genitive of an office or title right before it, which names a body or a happening told
    before, no new one (*komisarz zjazdu*, *przewodniczący zebrania*, *prezydium kongresu*)."""
    if "gen" not in cases(tokens[noun]):
        return False
    offices = words["office"] | words["title"]
    for before in range(noun - 1, -1, -1):
        if lemmas_lower(tokens[before]) & offices:
            return True
        if chosen_pos(tokens[before]) != "adj":
            return False
    return False


def subject_of_verb(noun: int, tokens: list[Token], clause: Clause, copulas: frozenset[str] = frozenset()) -> bool:
    """The noun, in the nominative, is the subject of a finite verb of its clause that agrees with it (one
    not in ``copulas``)."""
    if chosen_case(tokens[noun]) != "nom":
        return False
    return any(is_finite(tokens[i], tokens[i - 1] if i else None) and subject_agrees(tokens[i], tokens[noun])
               and not lemmas_lower(tokens[i]) & copulas for i in clause.tokens if i != noun)


def actor_of_noun(noun: int, tokens: list[Token], mentions: list[Mention]) -> bool:
    """A named actor in the genitive makes an event noun one happening: *posiedzenie Sejmu*, *przemówienie
    pos. Kozłowskiego*."""
    return any(m.attached_to == noun and m.entity.type in ACTOR_TYPES and m.entity.parent is None
               and ("gen" in m.cases or not m.cases) and not _subject_before_verb(tokens, m) for m in mentions)


def armed_genitive(noun: int, tokens: list[Token], words: dict[str, frozenset[str]]) -> bool:
    """An armed party or a perpetrator in the genitive after the noun, over adjectives, makes it one
    happening: *napad bandytów*, *atak wojsk niemieckich*."""
    k = noun + 1
    while k < len(tokens) and chosen_pos(tokens[k]) == "adj":
        k += 1
    return k < len(tokens) and "gen" in cases(tokens[k]) \
        and bool(lemmas_lower(tokens[k]) & (words["armed"] | words["perpetrator"]))


def _subject_before_verb(tokens: list[Token], mention: Mention) -> bool:
    """A name that may be a nominative, right before a finite verb, is its subject (*w meczu Pogoń
    pokonała*), no genitive of the noun before it (*na posiedzeniu Sejmu przemawiał* is one)."""
    after = mention.last + 1
    return (not mention.cases or "nom" in mention.cases) and after < len(tokens) \
        and is_finite(tokens[after], tokens[mention.last])


def threatened(match: TriggerMatch, tokens: list[Token], clause: Clause, words: dict[str, frozenset[str]]) -> bool:
    """An event noun in the instrumental after a finite verb of threatening in its clause is a happening threatened
    (*grożą strajkiem*, *grozili mu śmiercią*), a possibility."""
    noun = match.tokens[0]
    return match.verbal is None and "inst" in cases(tokens[noun]) and any(
        lemmas_lower(tokens[k]) & words["threat"] and has_pos(tokens[k], FINITE) for k in clause.tokens if k < noun)


def one_event_per_verb_and_noun(matches: list[TriggerMatch], tokens: list[Token],
                                words: dict[str, frozenset[str]]) -> list[TriggerMatch]:
    """A verb and a noun of the lexicon in one clause telling one happening count once: "wybuchł pożar"
    is the fire (a verb that only says a noun's event happened is no event of its own); "podpisał
    traktat" is the signing (a light verb's object is what it does)."""
    nouns = [m for m in matches if m.verbal is None]
    if not nouns:
        return matches
    # "obrady zjazdu", "posiedzenie nadzwyczajnej sesji": a genitive attribute of a noun of the same type
    attributes = [b for a in nouns for b in nouns if b is not a and a.entry.type == b.entry.type
                  and 0 < b.tokens[0] - a.tokens[-1] <= 3]
    matches = [m for m in matches if m not in attributes]
    verbs = [m for m in matches if m.verbal is not None and len(m.entry.words) == 1]
    # a noun before a predicate of its own type tells the predicate's happening (*Zgon dr. X Wczoraj zmarła dr. X*:
    # a heading run into its notice; an attribute, *poświęcenie odbudowanej kaplicy*, tells another)
    matches = [m for m in matches if m.verbal is not None or not any(
        v.entry.type == m.entry.type and v.tokens[0] > m.tokens[-1] and v.verb_forms(tokens) - {"ppas"}
        for v in verbs)]
    if any(m.verbal_lemmas & words["light_verb"] for m in verbs):
        return [m for m in matches if m.verbal is not None]
    return [m for m in matches if m not in verbs or not (m.verbal_lemmas & words["occurrence"])]
