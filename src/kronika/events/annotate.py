"""The events stage: triggers found clause by clause, with participants, places and time attached.

Roles come from Polish case and prepositions: a nominative subject agreeing with the verb is the
agent (the patient in a passive), *przez* + accusative in a passive is the agent, *z* + instrumental
the opponent, an accusative object the patient, a genitive person after a unit its commander. Places
are place entities under a locative preposition (*pod*, *w*, *na*, *do*, …), coordinated places share
it. Time is a timex of the clause; else the date of the document the event is about (*pakt … z
23 sierpnia 1939*); else the narrative time carried from the text before, marked as inherited.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from kronika.events.arguments import PLACE_TYPES, Mention, mentions_in
from kronika.events.clauses import Clause, split_clauses
from kronika.events.grammar import FINITE, is_finite, is_preposition
from kronika.events.lexicon import NOT_AN_EVENT, TriggerEntry, load_function_words, triggers_by_first_lemma
from kronika.events.plausibility import event_features, load_plausibility
from kronika.lang.grammar import NOMINAL, cases, has_pos, lemmas_lower, number_gender, subject_agrees
from kronika.lang.orthography import modern_spellings
from kronika.model import Analysis, Entity, Event, EventArgument, Sentence, Timex, Token
from kronika.morph import get_morphology
from kronika.timex import load_grammar

# an active adjectival participle is an attribute, never the predicate of an event (*uderzające postępy*)
PREDICATE = FINITE | {"ppas", "pcon", "pant", "inf", "impt"}
PARTICIPANT_TYPES = frozenset({"PERSON", "ORGANIZATION", "MILITARY_UNIT", "COUNTRY", "DOCUMENT"})
ACTOR_TYPES = frozenset({"PERSON", "ORGANIZATION"})
CALLED_TYPES = frozenset({"election", "meeting", "sports"})  # happenings one calls before they happen
# happenings whose noun's genitive names who undergoes them, not who does them
UNDERGONE_TYPES = frozenset({"arrest", "search", "deportation", "mass_killing", "crime", "trial", "death", "funeral",
                             "appointment", "election", "defense", "construction", "fire", "flood", "disaster",
                             "accident", "capitulation"})
# happenings whose subject undergoes them: no one does a death
EXPERIENCED_TYPES = frozenset({"death"})
HOSTILE_TYPES = frozenset({"battle", "invasion"})
NATURAL_FORCES = frozenset({"disaster", "flood", "fire"})
ASSEMBLIES = frozenset({"meeting"})  # happenings whose noun names the body assembled: "zebranie uchwaliło"
NAME_TYPES_WITHOUT_TRIGGERS = frozenset({"PERSON", "ORGANIZATION", "MILITARY_UNIT", "COUNTRY", "PLACE",
                                         "DOCUMENT"})
SCORE = re.compile(r"\d{1,2}:\d{1,2}")  # a match result, "3:1"
NARRATIVE_SPAN = 3  # sentences a narrative time carries over in a text without paragraphs
MAX_GAP = 4  # tokens allowed between the words of a multiword trigger ("stoczyły również walkę")
DASHES = frozenset({"—", "–"})
REPORTED_DAYS = timedelta(days=7)  # how far before its issue a report of news tells of
HEADING_WORDS = 4  # a verbless sentence this short is a heading of a news column
LINKING_POS = frozenset({"prep", "adv", "part"})  # words between a verb and the time it governs
ATTRIBUTE_GAP = 3  # prepositions and adverbs between a participle and the time it governs ("opanowany dopiero o")
AUXILIARY_SPAN = 3  # words between an auxiliary and its participle, fewer than this ("zostały przez Niemców zajęte")
CONDITIONAL_ENDING = re.compile(r"(?:by|bym|byś|byśmy|byście)$")  # the conditional mood: "skończyłby"
CLOCK_ON_DAY = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")  # an hour of a calendar day
DAY_VALUE = re.compile(r"\d{4}(?:-\d\d){0,2}(?:T|$)")  # a calendar year, month or day (not a week, a season)


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


class _DocumentContext:
    """What the stage learns while reading a document in order: narrative time, document dates."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        # the clause times met so far, in reading order, with the sentence number and the tense of their clause
        self.narrative: list[tuple[Timex, int, str | None]] = []
        # where the first of those times that is not the issue's own day starts (None: there is none)
        self.other_day_start: int | None = None
        self.dated: dict[str, Timex] = {}  # entity ref or lemma → the date written with it
        self.entities_by_id = {e.id: e for e in analysis.entities}
        self.words = load_function_words()
        self.sentence_number = 0
        self.seen_lemmas: set[str] = set()  # lemmas of the sentences read before this one
        self.seen_refs: set[str] = set()  # entity refs met before this sentence
        self.verbless: set[int] = set()  # numbers of the sentences without a verb (headings, datelines)
        self.reports_its_days = _reports_its_days(analysis)
        self._neighbours: dict[int, frozenset[str]] = {}
        # the day a happening's ordinal day moved the narrative to (*drugi dzień zjazdu*), its ordinal, and where
        # it was said
        self.happening_day: tuple[date, int, int] | None = None

    def tell_time(self, timex: Timex, tense: str | None) -> None:
        self.narrative.append((timex, self.sentence_number, tense))
        dct = self.analysis.document.dct
        if dct and not timex.value.startswith(dct):
            self.other_day_start = min(timex.start, self.other_day_start if self.other_day_start is not None
                                       else timex.start)

    def neighbour_lemmas(self) -> frozenset[str]:
        """The lemmas of the sentences just before and after the one being read."""
        number = self.sentence_number
        if number not in self._neighbours:
            sentences = self.analysis.sentences[max(0, number - 1):number + 2]
            self._neighbours[number] = frozenset().union(*(lemmas_lower(t) for s in sentences for t in s.tokens))
        return self._neighbours[number]

    def forget_times(self) -> None:
        self.narrative.clear()
        self.other_day_start = None
        self.happening_day = None

    def move_to_day(self, ordinal: int, said: Token) -> None:
        """*Drugi dzień zjazdu*: the narrative moves to the happening's day ``ordinal``, counted from the day of an
        ordinal day told before, else from the last day the narrative told (its first day)."""
        if self.happening_day is not None:
            first, base = self.happening_day[0] - timedelta(days=self.happening_day[1] - 1), 1
        else:
            days = [_day(told[0].value) for told in self.narrative]
            first, base = next((d for d in reversed(days) if d is not None), None), 1
        if first is None or ordinal <= base:
            return
        day = first + timedelta(days=ordinal - 1)
        self.happening_day = (day, ordinal, said.start)
        self.tell_time(Timex("", said.start, said.end, said.text, "DATE", day.isoformat()), "past")

    def on_happening_day(self, timex: Timex) -> Timex:
        """A clock time told after an ordinal day of a happening, which the dates stage put on an earlier day it
        was anchored on (*Drugi dzień zjazdu … o godz. 11.30*), on the happening's day."""
        moved = self.happening_day
        day = _day(timex.value)
        if moved is None or timex.type != "TIME" or not timex.anchor or timex.start < moved[2] \
                or day is None or day >= moved[0]:
            return timex
        return Timex(timex.id, timex.start, timex.end, timex.text, timex.type,
                     moved[0].isoformat() + timex.value[10:], timex.anchor, timex.mod)

    def narrative_time(self, before: int) -> tuple[Timex, int, str | None] | None:
        """The last clause time written before offset ``before``, in this sentence or the few before it
        (read backwards: the list is in reading order, so the walk stops at the first sentence too far)."""
        for told in reversed(self.narrative):
            if self.sentence_number - told[1] > NARRATIVE_SPAN:
                return None
            if told[0].start < before:
                return told
        return None


def _day(value: str) -> date | None:
    """The calendar day a time value names (*1935-03-09*, *1935-03-09T11:30*), else None."""
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _happening_ordinal_day(tokens: list[Token]) -> tuple[int, Token] | None:
    """An ordinal day of a happening in the sentence (*drugi dzień zjazdu*, *w trzecim dniu obrad*): the ordinal, and
    its word; *dzień* in it is followed by a noun of a happening the lexicon lists."""
    grammar = load_grammar()
    index = triggers_by_first_lemma()
    for k in range(1, len(tokens) - 1):
        if "dzień" not in lemmas_lower(tokens[k]):
            continue
        ordinal = grammar.value("ordinal", tokens[k - 1].text.lower())
        if ordinal is None or not ordinal.isdigit():
            continue
        noun = tokens[k + 1]
        if "gen" in cases(noun) and any(e.type != NOT_AN_EVENT and len(e.words) == 1
                                        for lemma in lemmas_lower(noun) for e in index.get(lemma, ())):
            return int(ordinal), tokens[k - 1]
    return None


def _reports_its_days(analysis: Analysis) -> bool:
    """Whether the text reports the days around its issue: a date of the week before it, or of its day
    (a dateline, *wczoraj*, *d. 26 b. m.*). Only such a text dates a past happening it gives no day for
    by the issue; a retrospective one (a history, an essay) does not."""
    try:
        issue = date.fromisoformat((analysis.document.dct or "")[:10])
    except ValueError:  # no issue date, or none of a day
        return False
    for timex in analysis.timexes:
        try:
            day = date.fromisoformat(timex.value[:10])
        except ValueError:
            continue
        if timedelta(0) <= issue - day <= REPORTED_DAYS:
            return True
    return False


def _key(entity: Entity) -> str:
    return entity.ref or entity.lemma.lower()


def _timexes_in(timexes: list[Timex], starts: list[int], tokens: list[Token],
                clause: Clause) -> list[tuple[int, Timex]]:
    """Timexes starting in the clause, with the index of their first token. ``timexes`` are the
    sentence's, sorted by start, and ``starts`` their start offsets."""
    found = []
    for i in clause.tokens:
        token = tokens[i]
        # a timex starting inside this token (or right at it)
        for k in range(bisect_left(starts, token.start), len(starts)):
            if starts[k] >= token.end:
                break
            found.append((i, timexes[k]))
    return found


def _attributive(tokens: list[Token], first: int, words: dict[str, frozenset[str]]) -> bool:
    """A date modifying a noun ("pakt z 23 sierpnia", "decyzja z 5 marca"), not the clause's time."""
    if first < 2 or tokens[first - 1].text.lower() != "z":
        return False
    before = tokens[first - 2]
    return has_pos(before, NOMINAL | {"ign", "adj"}) and not (lemmas_lower(before) & words["time_noun"])


def _compared(tokens: list[Token], first: int, words: dict[str, frozenset[str]]) -> bool:
    """A date that is the standard of a comparison ("4407 osób więcej umarło jak w r. 1836")."""
    before = [tokens[k] for k in range(max(0, first - 2), first)]
    return any(lemmas_lower(t) & words["comparison"] for t in before)


def _inside(entity: Entity, timex: Timex) -> bool:
    return entity.start <= timex.start and timex.end <= entity.end


def _role(mention: Mention, match: TriggerMatch, tokens: list[Token], passive: bool, verb: Token | None,
          words: dict[str, frozenset[str]]) -> str | None:
    entity = mention.entity
    preposition = mention.preposition
    if mention.attached_to is not None and preposition is None:
        host = tokens[mention.attached_to]
        if mention.attached_to in match.tokens:
            # the genitive of an event noun: what is done to (*aresztowanie posła*), or who does it
            # (*przemówienie posła*, *posiedzenie Sejmu*)
            return "patient" if match.entry.type in UNDERGONE_TYPES else "agent"
        if entity.type == "PERSON" and (lemmas_lower(host) & words["command"] or mention.host_type == "MILITARY_UNIT"):
            return "commander"
        return None
    if preposition == "przez":
        before = tokens[mention.first - 1]
        j = mention.first - 1
        while j > 0 and not is_preposition(tokens[j]):
            j -= 1
        before = tokens[j - 1] if j > 0 else before
        if lemmas_lower(before) & words["command"]:
            return "commander"
        # the agent of the nearest passive before it: "pochowano więźniów rozstrzelanych przez Gestapo"
        closer = any(has_pos(tokens[k], {"ppas"}) for k in range(match.tokens[-1] + 1, mention.first))
        return "agent" if passive and not closer else None
    if preposition == "z":
        if match.entry.type not in HOSTILE_TYPES | {"defense"}:
            return "partner" if "inst" in mention.cases else None  # "rokowania z Niemcami"
        return "opponent" if not mention.cases or "inst" in mention.cases else None
    if preposition in {"przeciw", "przeciwko"}:
        return "opponent"
    if preposition == "na" and match.entry.type in HOSTILE_TYPES and entity.type == "MILITARY_UNIT" \
            and (not mention.cases or "acc" in mention.cases):
        # "uderzyła na 8. Armię": the unit an attack is directed at
        return "opponent"
    if preposition == "do":
        return "goal"
    if preposition is not None:
        return None
    if entity.type == "DOCUMENT":
        return "patient" if mention.cases & {"nom", "acc"} or not mention.cases else None
    if not mention.cases or "nom" in mention.cases and (verb is None or subject_agrees(verb, tokens[_head(mention,
                                                                                                    tokens)])):
        # who dies undergoes the death, whatever the verb's voice (*zmarł prof. Kowalski*)
        return "patient" if passive or match.entry.type in EXPERIENCED_TYPES else "agent"
    # the impersonal in -no/-to keeps its accusative object (*rozstrzelano Jana*)
    if "acc" in mention.cases and (not passive or "imps" in match.verb_forms(tokens)):
        return "patient"
    if "dat" in mention.cases:
        if match.entry.type not in HOSTILE_TYPES:
            return "recipient"
        # "stawili opór Niemcom": the dative of a fight is the side resisted; a name coordinated with others
        # takes their role (a misspelt "batalion Ludwikowi" among the units resisting)
        return "opponent" if mention.coordinated_with is None else None
    return None


def _head(mention: Mention, tokens: list[Token]) -> int:
    for i in range(mention.first, mention.last + 1):
        if has_pos(tokens[i], NOMINAL):
            return i
    return mention.first


def _is_passive(match: TriggerMatch, tokens: list[Token]) -> bool:
    forms = match.verb_forms(tokens)
    return "imps" in forms or "ppas" in forms and not forms & {"fin", "praet"}


def _has_auxiliary(participle: int | None, tokens: list[Token], clause: Clause,
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
        if len(_words_outside_parentheses(tokens, between)) < AUXILIARY_SPAN:  # "zostanie (lub nie) uchwalona"
            return True
    return False


def _words_outside_parentheses(tokens: list[Token], span: range) -> list[int]:
    words, depth = [], 0
    for k in span:
        depth += (tokens[k].text == "(") - (tokens[k].text == ")")
        if depth <= 0 and not has_pos(tokens[k], {"interp"}):
            words.append(k)
    return words


def _passes_gate(match: TriggerMatch, tokens: list[Token], clause: Clause, mentions: list[Mention],
                 timexes: list[tuple[int, Timex]], words: dict[str, frozenset[str]]) -> bool:
    """Whether the clause shows the trigger as an event: a verb used as a predicate; a noun that a
    light or occurrence verb governs or that carries its own place or date."""
    if len(match.entry.words) > 1:
        return True
    if match.verbal is not None:
        if match.verb_forms(tokens) - {"ppas"}:
            return True
        # a passive participle is a predicate with an auxiliary (*zostali zamordowani*) or a przez-agent
        # (*rozstrzelanych przez NKWD*); alone it is an attribute (*układy zawarte uprzednio*)
        aux = _has_auxiliary(match.verbal, tokens, clause, words)
        agent = any(tokens[i].text.lower() == "przez" for i in clause.tokens if 0 < i - match.verbal <= 4)
        # or a town of its own right after it (*ojca, więzionego w Mińsku*): a located event, as for nouns
        located = any(m.entity.type == "PLACE" and m.preposition in words["place_prep"]
                      and 0 < m.first - match.verbal <= 2 for m in mentions)
        # or a date of its own right after it (*preliminarz uchwalony w styczniu*)
        dated = any(0 < first - match.verbal <= 2 for first, _timex in timexes)
        return aux or agent or located or dated
    noun = match.tokens[0]
    if _office_of(noun, tokens, words):
        return False
    # a verb of calling or inviting makes its noun a happening to come: "zarządził wybory"
    support = words["occurrence"] | words["light_verb"] | words["announcement"]
    if any(_support_verb(tokens[i], support) for i in clause.tokens):
        return True
    if any(m.attached_to == noun and m.entity.type in PLACE_TYPES for m in mentions):
        return True
    if _threatened(match, tokens, clause, words):
        return True
    if _actor_of_noun(noun, tokens, mentions) or _armed_genitive(noun, tokens, words):
        return True
    # a force of nature doing something is one happening: "lawina porwała narciarzy", "burza zerwała dachy"
    if match.entry.type in NATURAL_FORCES and _subject_of_verb(noun, tokens, clause):
        return True
    # so is a body assembled doing something other than being (*zebranie uchwaliło*, *zjazd wybrał zarząd*;
    # not *zebranie jest jawne*)
    if match.entry.type in ASSEMBLIES and _subject_of_verb(noun, tokens, clause, words["passive_aux"]):
        return True
    # a place of its own right after the noun: "pożar w Warszawie", "powódź na Podhalu" (not a partner:
    # "mecz z Litwą")
    if any(m.entity.type in PLACE_TYPES and m.preposition in words["place_prep"] and 0 < m.first - noun <= 3
           and not (m.preposition == "z" and "inst" in m.cases) for m in mentions):
        return True
    return _own_date(noun, tokens, timexes)


def _office_of(noun: int, tokens: list[Token], words: dict[str, frozenset[str]]) -> bool:
    """The noun is the genitive of an office or title right before it, which names a body or a happening told
    before, no new one (*komisarz zjazdu*, *przewodniczący zebrania*, *prezydium kongresu*)."""
    if "gen" not in cases(tokens[noun]):
        return False
    offices = words["office"] | words["title"]
    for before in range(noun - 1, -1, -1):
        if lemmas_lower(tokens[before]) & offices:
            return True
        if _chosen_pos(tokens[before]) != "adj":
            return False
    return False


def _own_date(noun: int, tokens: list[Token], timexes: list[tuple[int, Timex]]) -> bool:
    """A date of the noun's own after it and its genitive attributes: "obrona Grodna (20–21 września)",
    "decyzja najwyższych władz ZSRS z 5 marca 1940"."""
    for first, _timex in timexes:
        between = tokens[noun + 1:first]
        if first <= noun or len(between) > 6 or between and between[-1].text not in "(z":
            continue
        if all(t.text in "(z" or has_pos(t, NOMINAL | {"adj", "ign"}) for t in between):
            return True
    return False


def _subject_of_verb(noun: int, tokens: list[Token], clause: Clause, copulas: frozenset[str] = frozenset()) -> bool:
    """The noun, in the nominative, is the subject of a finite verb of its clause that agrees with it (one
    not in ``copulas``)."""
    if _chosen_case(tokens[noun]) != "nom":
        return False
    return any(is_finite(tokens[i], tokens[i - 1] if i else None) and subject_agrees(tokens[i], tokens[noun])
               and not lemmas_lower(tokens[i]) & copulas for i in clause.tokens if i != noun)


def _actor_of_noun(noun: int, tokens: list[Token], mentions: list[Mention]) -> bool:
    """A named actor in the genitive makes an event noun one happening: *posiedzenie Sejmu*, *przemówienie
    pos. Kozłowskiego*."""
    return any(m.attached_to == noun and m.entity.type in ACTOR_TYPES and m.entity.parent is None
               and ("gen" in m.cases or not m.cases) and not _subject_before_verb(tokens, m) for m in mentions)


def _armed_genitive(noun: int, tokens: list[Token], words: dict[str, frozenset[str]]) -> bool:
    """An armed party or a perpetrator in the genitive after the noun, over adjectives, makes it one
    happening: *napad bandytów*, *atak wojsk niemieckich*."""
    k = noun + 1
    while k < len(tokens) and _chosen_pos(tokens[k]) == "adj":
        k += 1
    return k < len(tokens) and "gen" in cases(tokens[k]) \
        and bool(lemmas_lower(tokens[k]) & (words["armed"] | words["perpetrator"]))


def _subject_before_verb(tokens: list[Token], mention: Mention) -> bool:
    """A name that may be a nominative, right before a finite verb, is its subject (*w meczu Pogoń
    pokonała*), no genitive of the noun before it (*na posiedzeniu Sejmu przemawiał* is one)."""
    after = mention.last + 1
    return (not mention.cases or "nom" in mention.cases) and after < len(tokens) \
        and is_finite(tokens[after], tokens[mention.last])


def _choose_time(match: TriggerMatch, tokens: list[Token], timexes: list[tuple[int, Timex]],
                 context: _DocumentContext, clause_entities: list[Mention],
                 clause: Clause) -> tuple[Timex | None, bool]:
    usable, fallback = [], []
    nominal = match.verbal is None
    dct = context.analysis.document.dct
    for first, timex in timexes:
        if timex.type not in {"DATE", "TIME"} or not timex.value[:4].isdigit() \
                or _compared(tokens, first, context.words):
            continue
        if dct and timex.value[:4] > dct[:4] and not _future_allowed(match, tokens):
            continue  # a number read as a later year: what the document reports happened by its date
        if _since(tokens, first, timex) and _perfective(match, tokens):
            continue  # "od 1986 r. zamordowała 769 osób": a span's start, over which the clause counts
        if nominal and _other_happening_verb(match, tokens, first, clause, context.words):
            continue  # "pożar … został opanowany o godz. 14": the hour is the containment's, not the fire's
        attributive = _attributive(tokens, first, context.words) or any(
            m.entity.type in {"DOCUMENT"} and _inside(m.entity, timex) for m in clause_entities)
        if attributive and not (nominal and first > match.tokens[-1]):
            continue
        participle = _attribute_participle(tokens, first, clause, context.words)
        if participle is not None and participle not in match.tokens:
            # the time of another happening, told by a participle; one of a verb that performs or tells a
            # happening ("bitwa stoczona 7 września") dates the noun only when the clause gives no time of its
            # own ("wznowiono debatę przerwaną przed dwoma tygodniami" was resumed at the clause's time)
            if _performs(tokens, participle, context.words) and (
                    lemmas_lower(tokens[participle]) & context.words["light_verb"]
                    or not _told_by_other_verb(match, participle, tokens, clause, context.words)):
                fallback.append((first, timex))
            continue
        usable.append((first, timex))
    anchor = match.tokens[0]
    for found in (usable, fallback):
        if found:
            return min(found, key=lambda ft: abs(ft[0] - anchor))[1], False
    return None, False


def _other_happening_verb(match: TriggerMatch, tokens: list[Token], first: int, clause: Clause,
                          words: dict[str, frozenset[str]]) -> bool:
    """A verb between the noun and a time, the one nearest the time, governs it, and is a verb of the trigger
    lexicon that neither tells nor performs the noun's happening: it dates a happening of its own (*pożar … został
    opanowany o godz. 14*, *o godz. 14 opanowano pożar*); *pożar zniszczył wczoraj tartak*, *odbyła się wczoraj
    defilada*, *zarządził wybory na dzień 6 listopada* date the noun."""
    noun = match.tokens[0]
    between = [k for k in clause.tokens if min(noun, first) < k < max(noun, first) and k not in match.tokens
               and _chosen_pos(tokens[k]) in PREDICATE]
    if not between:
        return False
    verb = between[-1] if first > noun else between[0]
    if _support_verb(tokens[verb], words["occurrence"] | words["light_verb"]) \
            or lemmas_lower(tokens[verb]) & words["passive_aux"]:
        return False
    index = triggers_by_first_lemma()
    return any(e.type != NOT_AN_EVENT and len(e.words) == 1 for lemma in lemmas_lower(tokens[verb])
               for e in index.get(lemma, ()))


def _since(tokens: list[Token], first: int, timex: Timex) -> bool:
    """A time after *od* with no *do* closing a range after it: the start of a span (*od 1986 r.*)."""
    if first == 0 or tokens[first - 1].text.lower() != "od":
        return False
    after = [k for k in range(first, min(first + 8, len(tokens))) if tokens[k].start >= timex.end]
    return not any(tokens[k].text.lower() == "do" for k in after[:3])


def _perfective(match: TriggerMatch, tokens: list[Token]) -> bool:
    """The trigger is a verb of the perfective aspect: one happening, never one lasting since a time."""
    chosen = tokens[match.verbal].chosen if match.verbal is not None else None
    return chosen is not None and "perf" in chosen.tag.split(":")


def _called_for(tokens: list[Token], first: int) -> bool:
    """A time governed by *na*, the day something is called for: *na 15 maja*, *na dzień 6 listopada*."""
    k = first - 1
    if k > 0 and tokens[k].text.lower() in {"dzień", "termin"}:
        k -= 1
    return k >= 0 and tokens[k].text.lower() == "na"


def _told_by_other_verb(match: TriggerMatch, participle: int, tokens: list[Token], clause: Clause,
                        words: dict[str, frozenset[str]]) -> bool:
    """A noun that a verb of its clause other than the participle tells (*toczyła się debata przerwana przed
    dwoma tygodniami*): the time of a participle of a phase (not of one performing the happening: *rozegrane 10
    lutego zawody*) is of a phase before, not of the happening the clause tells."""
    support = words["occurrence"] | words["light_verb"]
    return match.verbal is None and any(i != participle and i not in match.tokens and _support_verb(tokens[i], support)
                                        and not has_pos(tokens[i], {"ppas"}) for i in clause.tokens)


def _performs(tokens: list[Token], verb: int, words: dict[str, frozenset[str]]) -> bool:
    """A verb that performs or tells a happening of its noun (*stoczyć bitwę*, *debata została przerwana*)."""
    return bool(lemmas_lower(tokens[verb]) & (words["light_verb"] | words["occurrence"]))


def _future_allowed(match: TriggerMatch, tokens: list[Token]) -> bool:
    """Whether the trigger may lie after the document's date: not a verb in a past form."""
    forms = match.verb_forms(tokens)
    return not forms & {"praet", "imps", "pant", "ppas"}


def _narrative_update(tokens: list[Token], clause: Clause, timexes: list[tuple[int, Timex]],
                      clause_entities: list[Mention], context: _DocumentContext) -> None:
    # the narrative moves with main clauses: a time in a relative or subordinate clause ("pozycje, które
    # urządzono w marcu") is about that clause only
    if not timexes or clause.kind != "main":
        return
    verb = next((tokens[i] for i in clause.tokens if has_pos(tokens[i], FINITE)), None)
    tense = _tense(verb, [tokens[i] for i in clause.tokens])
    for first, timex in sorted(timexes, key=lambda ft: ft[0]):
        if timex.type not in {"DATE", "TIME"} or _attributive(tokens, first, context.words) \
                or _compared(tokens, first, context.words):
            continue
        if any(_inside(m.entity, timex) for m in clause_entities if m.entity.type == "DOCUMENT"):
            continue
        if _attribute_participle(tokens, first, clause, context.words) is not None:
            # "niż preliminarz uchwalony w styczniu", "debata przerwana przed dwoma tygodniami": the time of an
            # attribute, not of the narrative
            continue
        context.tell_time(timex, tense)


def _attribute_participle(tokens: list[Token], first: int, clause: Clause,
                          words: dict[str, frozenset[str]]) -> int | None:
    """The passive participle standing as an attribute right before a time, whose time it is (*debata
    przerwana przed dwoma tygodniami*, *preliminarz uchwalony w styczniu*), else None."""
    if first > 0 and tokens[first - 1].text.lower() == "z":
        return None  # "izby deputowanych z 27 b. m.": a noun's own date
    k = first - 1
    # over the time's preposition and adverbs: *opanowany dopiero o godz. 14*
    while k >= first - ATTRIBUTE_GAP and k in clause.tokens and _chosen_pos(tokens[k]) in LINKING_POS:
        k -= 1
    if k >= 0 and k in clause.tokens and _chosen_pos(tokens[k]) == "ppas":
        # one with an auxiliary is the clause's predicate
        return None if _has_auxiliary(k, tokens, clause, words) else k
    return None


def _learn_document_dates(tokens: list[Token], timexes: list[tuple[int, Timex]], mentions: list[Mention],
                          context: _DocumentContext) -> None:
    """"pakt … z 23 sierpnia 1939": remember the date of a document, for events about it later."""
    for mention in mentions:
        if mention.entity.type not in {"DOCUMENT", "EVENT"}:
            continue
        for first, timex in timexes:
            right_after = first == mention.last + 2 and tokens[mention.last + 1].text.lower() == "z"
            if timex.type == "DATE" and (right_after or _inside(mention.entity, timex)):
                context.dated.setdefault(_key(mention.entity), timex)


def _predicate(match: TriggerMatch, tokens: list[Token], clause: Clause,
               words: dict[str, frozenset[str]]) -> int | None:
    """The verb that asserts the event: the trigger's own, else the support verb of a noun (*odbędzie
    się posiedzenie*); a noun without one is asserted by no verb of the clause."""
    if match.verbal is not None:
        return match.verbal
    support = words["occurrence"] | words["light_verb"]
    return next((i for i in clause.tokens if i not in match.tokens and _support_verb(tokens[i], support)), None)


def _support_verb(token: Token, support: frozenset[str]) -> bool:
    """A verb of the class as the tagger reads it (*przerwie* after *po* is the noun *przerwa*)."""
    chosen = token.chosen
    if chosen is None:
        return bool(lemmas_lower(token) & support) and has_pos(token, FINITE | {"inf", "ppas"})
    return chosen.lemma.lower() in support and chosen.pos in FINITE | {"inf", "ppas"}


def _tense(token: Token | None, clause_tokens: list[Token]) -> str | None:
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


def _negated(tokens: list[Token], index: int, words: dict[str, frozenset[str]]) -> bool:
    """A negation right before the word (clitics between: *nie został*, *nie się* are skipped)."""
    j = index - 1
    while j >= 0 and tokens[j].text.lower() in {"się", "by", "został", "została", "zostało", "zostali", "zostały"}:
        j -= 1
    return j >= 0 and bool(lemmas_lower(tokens[j]) & words["negation"])


def _clitic_by(tokens: list[Token], predicate: int, index: int) -> bool:
    """*by* at ``index`` is the conditional clitic of the predicate (*walczył by*, *wkroczyli by*): close
    after it with no punctuation between; after a comma it opens a clause of its own (*nakazał, by …*)."""
    return tokens[index].text.lower() == "by" and 0 < index - predicate <= 2 and not any(
        has_pos(tokens[k], {"interp"}) for k in range(predicate + 1, index))


def _frame(tokens: list[Token], noun: int, words: dict[str, frozenset[str]]) -> str | None:
    """The frame phrase an event noun stands in, "during" (*w trakcie zjazdu*) or "before" (*po
    katastrofie*, *w wyniku zamachów*), or None: the clause takes a framed happening as known, so its
    negation is not the happening's, and a happening before the clause is not at its time."""
    # "po tej strasznej katastrofie": adjectives and numerals between
    if _preposition_before(tokens, noun, words["frame_prep"]):
        return "during"
    return "before" if _preposition_before(tokens, noun, words["anterior_prep"]) else None


def _modality(match: TriggerMatch, tokens: list[Token], clause: Clause, predicate: int | None,
              sentence_lemmas: frozenset[str], words: dict[str, frozenset[str]]) -> str:
    """Whether the clause tells the event as a fact: "asserted", or "negated", "reported" (hearsay),
    "conditional", "future", "possible" (a modal or an infinitive)."""
    # the clause's own finite verb governs a noun or an infinitive: "pertraktacje nie mogą być prowadzone"
    governing = next((i for i in clause.tokens if is_finite(tokens[i], tokens[i - 1] if i else None)), None)
    non_finite = predicate is None or not is_finite(tokens[predicate], tokens[predicate - 1] if predicate else None)
    # a question, direct or indirect, leaves open the happening its predicate tells: "nie wiadomo, czy wybuchł
    # pożar" (a *czy* that joins clauses opens this one and is not among its tokens); a noun no verb tells is
    # presupposed ("czy zawodnicy pojadą na mecz" asks about the journey, not the match)
    if predicate is not None and any(0 <= i < min(match.tokens[0], predicate)
                                     and tokens[i].text.lower() in words["question"]
                                     for i in [clause.tokens[0] - 1, *clause.tokens]):
        return "possible"
    if _negated(tokens, match.tokens[0], words):
        return "negated"
    # a participle standing as an attribute (*zawarty w r. 1934 układ*) tells what happened, whatever the
    # clause's verb says of the rest
    if match.verb_forms(tokens) == {"ppas"} and not _has_auxiliary(match.verbal, tokens, clause, words):
        return "reported" if sentence_lemmas & words["rumour"] else "asserted"
    # a framed happening is taken as known: the clause's negation is not its own (its future is: *mecz
    # odbędzie się po meczu z Litwą* tells of two matches to come)
    if match.verbal is None and _frame(tokens, match.tokens[0], words) is not None:
        if sentence_lemmas & words["rumour"]:
            return "reported"
        planned = governing is not None and (
            lemmas_lower(tokens[governing]) & words["intention"]
            or _tense(tokens[governing], [tokens[i] for i in clause.tokens]) == "future")
        return "future" if planned else "asserted"
    # a happening that is the subject of a verb other than one of existence is presupposed by it: the verb's
    # negation or modal is not the happening's (*pożar nie wpłynął na ruch*, *powódź może przerwać
    # komunikację*); its mood and tense still are (*wojna zniszczyłaby*, *zjazd uchwali*)
    presupposed = match.verbal is None and governing is not None \
        and _presupposed_subject(match.tokens[0], governing, tokens, clause, words)
    if not presupposed and (predicate is not None and _negated(tokens, predicate, words)
                            or non_finite and governing is not None and _negated(tokens, governing, words)):
        return "negated"
    if match.verbal is None and _called_off(match.tokens[0], tokens, clause, words):
        return "negated"
    if sentence_lemmas & words["rumour"]:
        return "reported"
    # "walczyłby", "gdyby wkroczyli", "aby zbudować": the particle or conjunction before the predicate,
    # or "by" right after it; a purpose clause after the predicate ("przybył, by prosić") is not it
    anchor = predicate if predicate is not None else match.tokens[0]
    if any(lemmas_lower(tokens[i]) & words["conditional"] and (i < anchor or _clitic_by(tokens, anchor, i))
           for i in clause.tokens):
        return "conditional"
    if any(_clitic_by(tokens, anchor, k) for k in range(anchor + 1, min(anchor + 3, len(tokens)))):
        return "conditional"
    if predicate is not None and CONDITIONAL_ENDING.search(tokens[predicate].text.lower()) \
            and has_pos(tokens[predicate], {"praet"}):
        return "conditional"
    if match.verbal is None and any(lemmas_lower(tokens[k]) & words["irrealis_noun"]
                                    for k in range(max(0, match.tokens[0] - 2), match.tokens[0])):
        return "possible"  # "próby okrążenia", "groźba strajku"
    if _threatened(match, tokens, clause, words):
        return "possible"  # "związki grożą strajkiem", "zagroził zerwaniem stosunków": only threatened
    if match.verbal is None and _supposed_case(tokens, match.tokens[0], words):
        return "conditional"
    clause_tokens = [tokens[i] for i in clause.tokens]
    # a happening announced or planned that its own verb says took place did: "zapowiedziany strajk wybuchł"
    took_place = any(_chosen_lemma(tokens[i]) & words["existence"] and _chosen_pos(tokens[i]) in FINITE
                     and _tense(tokens[i], clause_tokens) == "past" for i in clause.tokens if i not in match.tokens)
    if match.verbal is None and not took_place and _announced(match, tokens, clause, words):
        return "future"
    if predicate is not None and _tense(tokens[predicate], clause_tokens) == "future":
        return "future"
    if match.verbal is None and predicate is None and governing is not None and governing < match.tokens[0] \
            and _tense(tokens[governing], clause_tokens) == "future":
        return "future"  # "pojadą na mecz": a noun no verb tells, after a verb of the future
    chosen = tokens[predicate].chosen.pos if predicate is not None and tokens[predicate].chosen else None
    if chosen == "impt":
        return "possible"
    # "ma się odbyć", "mają być rozstrzelani": planned; "może powołać", "musi być przyjęta": possible; but
    # with no infinitive the verb governs only the noun ("odpowiedź na przemówienie ma charakter …")
    if presupposed:
        return "asserted"
    if non_finite and governing is not None and any(
            has_pos(tokens[i], {"inf", "ppas"}) for i in clause.tokens if i != governing):
        governing_lemmas = lemmas_lower(tokens[governing])
        if governing_lemmas & words["implicative"] and _tense(tokens[governing], clause_tokens) == "past":
            return "asserted"  # "musieli walczyć", "zdołali się przebić": it happened
        if governing_lemmas & words["intention"]:
            return "future"
        if governing_lemmas & words["modal"]:
            return "possible"
    if chosen == "inf" and predicate is not None:
        # "mającym się odbyć": the infinitive's own governor just before it
        before = frozenset().union(*(lemmas_lower(tokens[k]) for k in range(max(0, predicate - 3), predicate)))
        return "future" if before & words["intention"] else "possible"
    return "asserted"


def _called_off(noun: int, tokens: list[Token], clause: Clause, words: dict[str, frozenset[str]]) -> bool:
    """An event noun a verb of cancelling governs did not happen: its object after it (over adjectives and
    particles: *odwołano zapowiedziany wiec*), or its subject or object before it in one stretch of words
    (*zjazd został odwołany*, *zamierzony strajk odwołano*); not the verb with *się*, an appeal (*odwołał się od
    wyroku*)."""
    for verb in clause.tokens:
        if not (_chosen_lemma(tokens[verb]) & words["cancellation"]
                and _chosen_pos(tokens[verb]) in FINITE | {"ppas", "inf", "imps"}):
            continue
        if any(tokens[k].text.lower() == "się" for k in (verb - 1, verb + 1) if k in clause.tokens):
            continue
        between = range(min(noun, verb) + 1, max(noun, verb))
        if noun > verb:
            if all(_chosen_pos(tokens[k]) in {"adj", "num", "part", "adv", "ppas"} for k in between):
                return True
        elif not any(_chosen_pos(tokens[k]) in {"interp", "subst", "conj", "comp"} and not _governed_by_preposition(
                tokens, k) for k in between):
            return True
    return False


def _threatened(match: TriggerMatch, tokens: list[Token], clause: Clause, words: dict[str, frozenset[str]]) -> bool:
    """An event noun in the instrumental after a finite verb of threatening in its clause is a happening threatened
    (*grożą strajkiem*, *grozili mu śmiercią*), a possibility."""
    noun = match.tokens[0]
    return match.verbal is None and "inst" in cases(tokens[noun]) and any(
        lemmas_lower(tokens[k]) & words["threat"] and has_pos(tokens[k], FINITE) for k in clause.tokens if k < noun)


def _presupposed_subject(noun: int, governing: int, tokens: list[Token], clause: Clause,
                         words: dict[str, frozenset[str]]) -> bool:
    """The event noun is the nominative subject of the clause's finite verb, and neither that verb nor an
    infinitive or participle it governs says that the happening took place or performs it (*pożar nie
    wybuchł* denies the fire, *pertraktacje nie mogą być prowadzone* the negotiations)."""
    if noun == governing or _chosen_case(tokens[noun]) != "nom" or not subject_agrees(tokens[governing], tokens[noun]):
        return False
    chain = [governing] + [i for i in clause.tokens if i > governing and has_pos(tokens[i], {"inf", "ppas"})]
    return not any(lemmas_lower(tokens[i]) & (words["existence"] | words["light_verb"]) for i in chain)


def _armed(clause: Clause, tokens: list[Token], mentions: list[Mention], all_mentions: list[Mention],
           entities: list[Entity], sentence_lemmas: frozenset[str], words: dict[str, frozenset[str]],
           match_tokens: list[int], subject_country: bool = True) -> bool:
    """An armed party in the sentence: a military unit, a word of the armed class, a country as a
    party (in the nominative only when ``subject_country``), or a town taken or held (a place or *miasto*,
    *twierdza* named without a preposition)."""
    if any(e.type == "MILITARY_UNIT" for e in entities) or sentence_lemmas & words["armed"]:
        return True
    # a country is a party unless it hangs on another noun ("stronę internetową Watykanu"); a town is the
    # fight's own argument when no preposition governs it and it hangs on no other noun ("obrona Grodna"
    # yes, "we wsi Borsuki" no)
    if any(m.entity.type == "COUNTRY" and (subject_country or "nom" not in m.cases)
           and (m.attached_to is None or m.attached_to in match_tokens)
           or m.entity.type == "PLACE" and m.preposition is None
           and (m.attached_to is None or m.attached_to in match_tokens)
           and not (m.first > 0 and m.first - 1 not in match_tokens and has_pos(tokens[m.first - 1], NOMINAL)
                    and not has_pos(tokens[m.first - 1], FINITE))
           for m in mentions):
        return True
    antecedent = _antecedent(clause, all_mentions, tokens)  # "w Poznaniu, który został zajęty"
    if antecedent is not None and antecedent.entity.type in PLACE_TYPES:
        return True
    # the trigger's own words are no party (*przekroczyć granicę*)
    return any(lemmas_lower(tokens[i]) & words["place_head"] and cases(tokens[i]) & {"nom", "acc"}
               and not any(is_preposition(tokens[k]) for k in range(max(0, i - 2), i))
               for i in clause.tokens if i not in match_tokens)


def _sense(match: TriggerMatch, event: Event, clause: Clause, tokens: list[Token], mentions: list[Mention],
           all_mentions: list[Mention], entities: list[Entity], sentence_lemmas: frozenset[str],
           words: dict[str, frozenset[str]], neighbour_lemmas: Callable[[], frozenset[str]]) -> TriggerEntry | None:
    """The first lexicon row of the trigger whose sense condition the sentence meets (a court case's words
    also in the sentences around it, ``neighbour_lemmas``)."""
    people = {e.id for e in entities if e.type in {"PERSON", "ORGANIZATION", "MILITARY_UNIT"}}
    for entry in match.senses:
        # a country that defends or resists is no armed party by itself: a state also resists in words ("Polska
        # stawiła mu opór i odpowiedziała odmową"); the country resisted is one ("stawili opór Niemcom")
        if entry.condition in {"armed", "defended"} and not _armed(clause, tokens, mentions, all_mentions, entities,
                                                                   sentence_lemmas, words, match.tokens,
                                                                   subject_country=entry.condition == "armed"):
            continue
        if entry.condition == "armed" and (_won_object(match, tokens, clause, words)
                                           or _blow(match, tokens, clause, words)):
            continue
        if entry.condition == "elected" and (not (
                sentence_lemmas & words["election"] or clause.lemma_set(tokens) & words["office"]
                or any(m.entity.type in ACTOR_TYPES for m in mentions))
                or clause.lemma_set(tokens) & words["contest"] and not sentence_lemmas & words["election"]):
            continue
        if entry.condition == "defended" and _figurative_object(match, tokens, clause, mentions, words):
            continue
        if entry.condition == "country" and not any(m.entity.type == "COUNTRY" for m in mentions):
            continue
        if entry.condition == "sports" and not (sentence_lemmas & words["sports"] or any(
                SCORE.fullmatch(t.text) for t in tokens)):
            continue
        if entry.condition == "election" and not sentence_lemmas & words["election"]:
            continue
        # the trigger's own word is no court around it (*proces pokojowy* is no trial); a case against someone is one
        if entry.condition == "court" and not (sentence_lemmas | neighbour_lemmas()) & (words["court"]
                                                                                       - {entry.phrase}) \
                and not (match.tokens[-1] + 1 < len(tokens)
                         and lemmas_lower(tokens[match.tokens[-1] + 1]) & words["lawsuit_prep"]):
            continue
        if entry.condition in {"police", "detained"} and not _police_act(match, tokens, clause, mentions,
                                                                         sentence_lemmas, words, neighbour_lemmas):
            continue
        if entry.condition == "detained" and _holds_things(match, tokens, clause, mentions, words):
            continue
        if entry.condition == "nature" and not _natural_cause(match, tokens, clause, words):
            continue
        if entry.condition == "mishap" and _chosen_number(tokens[match.tokens[0]]) == "pl" \
                and not sentence_lemmas & (words["vehicle"] | words["harm"]):
            continue
        if entry.condition == "perpetrator" and not clause.lemma_set(tokens) & words["perpetrator"]:
            continue
        if entry.condition == "people" and not _people(match, tokens, clause, mentions, words):
            continue
        if entry.condition == "living" and any(_thing(tokens[k], words)
                                               for k in _subjects(match, tokens, clause, mentions)):
            continue
        if entry.condition == "law" and not _signed_law(match, tokens, clause, words):
            continue
        if entry.condition == "vehicle" and not _vehicle(clause, tokens, words):
            continue
        if entry.condition == "penalty" and not _penalty_or_none(match, tokens, words):
            continue
        # a return is a journey only to or from a place named in the clause: *wrócił do pracy*, *sprawa wróciła
        # do komisji* are none
        if entry.condition == "returning" and not any(m.entity.type in PLACE_TYPES and _is_place(m, words)
                                                      for m in mentions):
            continue
        if entry.condition in {"traveller", "returning"} and (_message_moves(clause, tokens, match.verbal, words)
                                               or _increase(match, tokens, clause, mentions) or any(
                lemmas_lower(tokens[k]) & (words["vehicle"] | words["animal"] | words["perpetrator"])
                for k in _subjects(match, tokens, clause, mentions))):
            continue
        # the law is what the verb enacts: its subject or object ("w sprawie ustaw" is a topic)
        if entry.condition == "enacted" and match.verbal is None and not (
                cases(tokens[match.tokens[0]]) & {"nom", "acc"}
                and not _governed_by_preposition(tokens, match.tokens[0])
                and any(_support_verb(tokens[i], words["light_verb"]) for i in clause.tokens)):
            continue
        if entry.condition == "building" and not any(
                lemmas_lower(tokens[k]) & words["building"]
                for k in range(match.tokens[-1] + 1, min(match.tokens[-1] + 6, len(tokens)))):
            continue
        if entry.condition == "many" and _one_person_undergoes(event, entities):
            continue
        if entry.condition == "natural" and (any(
                p.role == "agent" and p.entity and p.entity in people for p in event.participants) or any(
                not lemmas_lower(tokens[k]) & words["water"] for k in _subjects(match, tokens, clause, mentions))):
            continue
        if entry.condition == "document" and not (
                any(lemmas_lower(tokens[i]) & words["treaty_noun"] for i in clause.tokens)
                or any(m.entity.type == "DOCUMENT" for m in mentions)
                or any(p.role == "patient" and p.entity and p.lemma for p in event.participants
                       if any(e.id == p.entity and e.type == "DOCUMENT" for e in entities))):
            continue
        return entry
    return None


def _won_object(match: TriggerMatch, tokens: list[Token], clause: Clause, words: dict[str, frozenset[str]]) -> bool:
    """The verb's object, a noun right after it (over adjectives, numerals and pronouns) or right before it, is a
    thing won, held or ranked, which no arms take: *zdobyła czwartą nagrodę*, *zajmuje piąte miejsce*, *drugie
    miejsce zajmuje partia*."""
    if match.verbal is None:
        return False
    after = match.tokens[-1] + 1
    while after in clause.tokens and _chosen_pos(tokens[after]) in {"adj", "num", "part", "adv"}:
        after += 1
    before = match.tokens[0] - 1
    return any(k in clause.tokens and lemmas_lower(tokens[k]) & words["prize"] and cases(tokens[k]) & {"acc", "gen"}
               for k in (after, before))


def _blow(match: TriggerMatch, tokens: list[Token], clause: Clause, words: dict[str, frozenset[str]]) -> bool:
    """The verb strikes a part of the body (*w* and a noun of the class "body" after it): a blow to a
    person, no fight, whoever strikes (*żołnierz uderzył kolegę w twarz*)."""
    return match.verbal is not None and any(
        tokens[k - 1].text.lower() == "w" and lemmas_lower(tokens[k]) & words["body"] and "acc" in cases(tokens[k])
        for k in clause.tokens if k > match.tokens[-1])


def _vehicle(clause: Clause, tokens: list[Token], words: dict[str, frozenset[str]]) -> bool:
    """A vehicle or its driver strikes or runs into something: one is the clause's subject (a nominative),
    or one is named in a clause with no armed party (*kierowca samochodu*, *najechał na wóz*)."""
    vehicles = [k for k in clause.tokens if lemmas_lower(tokens[k]) & words["vehicle"]]
    return any("nom" in cases(tokens[k]) for k in vehicles) \
        or bool(vehicles) and not clause.lemma_set(tokens) & words["armed"]


def _subjects(match: TriggerMatch, tokens: list[Token], clause: Clause, mentions: list[Mention]) -> list[int]:
    """The common nouns that may be the subject of the trigger's verb: a nominative agreeing with it and governed
    by no preposition, or, with a verb of the neuter singular, a genitive a numeral counts (*zginęło 6 tys.
    samochodów*); no word of a name (*Piotrcovia Ptak* is a club, no bird). The subject *który* stands for the
    noun before it; a verb coordinated with one before it and with no subject of its own shares that verb's
    (*napastnicy pobili go i odjechali*)."""
    if match.verbal is None or match.verb_forms(tokens) <= {"imps", "inf"}:
        return []  # an impersonal form or an infinitive has no subject: *przeszukano mieszkanie*
    found = _nominatives(match, tokens, clause.tokens, mentions)
    if clause.relative is not None and "nom" in cases(tokens[clause.relative], ("adj",)) \
            and clause.antecedent is not None and _chosen_pos(tokens[clause.antecedent]) in {"subst", "depr"} \
            and not any(m.first <= clause.antecedent <= m.last for m in mentions):
        found.append(clause.antecedent)  # *niedźwiedź, który przybył*: the relative pronoun's noun
    first = clause.tokens[0]
    coordinators = load_function_words()["coordinator"]
    if not found and first > 0 and any(lemmas_lower(tokens[k]) & coordinators for k in (first - 1, first)):
        found = _nominatives(match, tokens, range(first - 1), mentions)
    return found


def _nominatives(match: TriggerMatch, tokens: list[Token], positions: Iterable[int],
                 mentions: list[Mention]) -> list[int]:
    verb = tokens[match.verbal]
    neuter = any(i.tag.split(":")[1:3] == ["sg", "n"] for i in verb.interps if i.pos == "praet")
    found = []
    for k in positions:
        if k in match.tokens or _chosen_pos(tokens[k]) not in {"subst", "depr"} \
                or any(m.first <= k <= m.last for m in mentions):
            continue
        before = k - 1  # over adjectives and an abbreviation's full stop (*6 tys. samochodów*)
        while before >= 0 and (_chosen_pos(tokens[before]) == "adj" or tokens[before].text == "."):
            before -= 1
        if before >= 0 and is_preposition(tokens[before]):
            continue
        if "nom" in cases(tokens[k], ("subst", "depr")) and subject_agrees(verb, tokens[k]):
            found.append(k)
        elif neuter and "gen" in cases(tokens[k]) and before >= 0 \
                and _chosen_pos(tokens[before]) in {"num", "dig", "brev"}:
            found.append(k)
    return found


def _increase(match: TriggerMatch, tokens: list[Token], clause: Clause, mentions: list[Mention]) -> bool:
    """A verb of arrival in the third person singular (or an infinitive) with no subject and an uncounted
    genitive plural tells a number growing, no arrival: *bezdomnych przybywa*, *placówek przybyło*, *będzie
    przybywać ludzi bogatych* (*przybyło trzydziestu wędkarzy* counts who came)."""
    if match.verbal is None or _subjects(match, tokens, clause, mentions):
        return False
    chosen = tokens[match.verbal].chosen
    fields = chosen.tag.split(":") if chosen else []
    if not (chosen and (chosen.pos == "praet" and fields[1:3] == ["sg", "n"] or chosen.pos == "fin"
                        and fields[1:3] == ["sg", "ter"] or chosen.pos == "inf")):
        return False
    for k in clause.tokens:
        before = tokens[k - 1] if k else None
        if _chosen_pos(tokens[k]) in {"subst", "adj"} and "gen" in cases(tokens[k], ("subst", "adj")) \
                and tokens[k].chosen.tag.split(":")[1] == "pl" and not any(m.first <= k <= m.last for m in mentions) \
                and not (before and (is_preposition(before) or _chosen_pos(before) in {"num", "dig", "subst"})):
            return True
    return False


def _thing(token: Token, words: dict[str, frozenset[str]]) -> bool:
    """A noun of a thing, which goes missing rather than dies: a vehicle, a thing sent, or a noun of the
    inanimate masculine gender in every reading that is no armed body (*zginęły zasobniki*; *zginął cały
    oddział* died, and *Francuz* is also a man)."""
    lemmas = lemmas_lower(token)
    genders = {gender for _number, gender in number_gender(token)}
    return bool(lemmas & (words["vehicle"] | words["message"])) \
        or genders == {"m3"} and not lemmas & words["armed"]


def _police_act(match: TriggerMatch, tokens: list[Token], clause: Clause, mentions: list[Mention],
                sentence_lemmas: frozenset[str], words: dict[str, frozenset[str]],
                neighbour_lemmas: Callable[[], frozenset[str]]) -> bool:
    """The police do it: the police as a subject of the verb, or, when no subject is found, a word of the police
    in the sentence or the sentences around it (*Policja wkroczyła do baru. Przeszukano zaplecze.*); other
    subjects make no police act (*docierają do nich sygnały*, *kierowca zatrzymał samochód*)."""
    subjects = _subjects(match, tokens, clause, mentions)
    if subjects:
        return any(lemmas_lower(tokens[k]) & words["police"] for k in subjects)
    return bool((sentence_lemmas | neighbour_lemmas()) & words["police"])


def _holds_things(match: TriggerMatch, tokens: list[Token], clause: Clause, mentions: list[Mention],
                  words: dict[str, frozenset[str]]) -> bool:
    """What the police stop or keep is a thing: the verb's object, the first noun after the trigger that may be
    an accusative or a genitive governed by no preposition and is no police (else the first such before it), is
    a vehicle or a thing, no person (*zatrzymali tira do kontroli*, *zatrzymali samochód przemytników*; *zatrzymali
    kierowcę* is an arrest); a genitive after it is its attribute."""
    # the police are the subject (a police act); a noun the verb might also agree with is its object (*audi*)
    police = {k for k in _subjects(match, tokens, clause, mentions) if lemmas_lower(tokens[k]) & words["police"]}
    objects = [k for k in clause.tokens if k not in match.tokens and k not in police
               and _chosen_pos(tokens[k]) in {"subst", "depr"} and cases(tokens[k]) & {"acc", "gen"}
               and not _after_preposition(tokens, k)]
    after = [k for k in objects if k > match.tokens[-1]]
    first = after[0] if after else objects[0] if objects else None
    return first is not None and _thing(tokens[first], words) and _chosen_gender(tokens[first]) != "m1"


def _after_preposition(tokens: list[Token], noun: int) -> bool:
    """A preposition right before the noun, over its adjectives and numerals (*do kontroli*, not *kontroli forda*)."""
    k = noun - 1
    while k >= 0 and _chosen_pos(tokens[k]) in {"adj", "num"}:
        k -= 1
    return k >= 0 and is_preposition(tokens[k])


def _natural_cause(match: TriggerMatch, tokens: list[Token], clause: Clause, words: dict[str, frozenset[str]]) -> bool:
    """A natural force kills: a word of the class "nature" in the clause, governed by no preposition (the
    subject, *piorun zabił pasterza*) or by *przez* (*zabity przez lawinę*); *w czasie burzy zabił go* is no
    such cause."""
    for k in clause.tokens:
        if k in match.tokens or not lemmas_lower(tokens[k]) & words["nature"]:
            continue
        before = k - 1
        while before >= 0 and _chosen_pos(tokens[before]) == "adj":
            before -= 1
        if not _governed_by_preposition(tokens, k) or tokens[before].text.lower() == "przez":
            return True
    return False


def _chosen_number(token: Token) -> str | None:
    fields = token.chosen.tag.split(":") if token.chosen else []
    return next((f for f in fields if f in {"sg", "pl"}), None)


def _people(match: TriggerMatch, tokens: list[Token], clause: Clause, mentions: list[Mention],
            words: dict[str, frozenset[str]]) -> bool:
    """What is carted away is people: a person named, a noun of the class "people", or a noun, pronoun or the
    verb's own passive participle of the masculine personal gender (*wywieziono mieszkańców*, *zostali
    wywiezieni*); things carted away (*wywieźli obrazy*) are no deportation."""
    if any(m.entity.type == "PERSON" for m in mentions) or clause.lemma_set(tokens) & words["people"]:
        return True
    if match.verb_forms(tokens) == {"ppas"} and _chosen_gender(tokens[match.verbal]) == "m1":
        return True
    # the agents of a finite verb are masculine personal too: only a noun after the verb is what it carts away
    return any(_chosen_pos(tokens[k]) in {"subst", "depr", "ppron3"} and _chosen_gender(tokens[k]) == "m1"
               and _chosen_case(tokens[k]) in {"acc", "gen"} for k in clause.tokens if k > match.tokens[-1])


def _chosen_gender(token: Token) -> str | None:
    fields = token.chosen.tag.split(":") if token.chosen else []
    return next((f for f in fields if f in {"m1", "m2", "m3", "f", "n"}), None)


def _signed_law(match: TriggerMatch, tokens: list[Token], clause: Clause, words: dict[str, frozenset[str]]) -> bool:
    """The verb's object, a noun after it in the accusative (over adjectives, numerals and pronouns), is a law or
    a regulation: signing it enacts it (*prezydent podpisał nowelizację ustawy*)."""
    k = match.tokens[-1] + 1
    while k in clause.tokens and _chosen_pos(tokens[k]) in {"adj", "num", "part", "adv"}:
        k += 1
    return k in clause.tokens and bool(lemmas_lower(tokens[k]) & words["law"]) and "acc" in cases(tokens[k])


def _figurative_object(match: TriggerMatch, tokens: list[Token], clause: Clause, mentions: list[Mention],
                       words: dict[str, frozenset[str]]) -> bool:
    """What is defended or resisted, a common noun right after the trigger (over adjectives and
    pronouns), is no place, unit, person or thing arms hold: *bronić idei*, *stawiać opór germanizacji*."""
    k = match.tokens[-1] + 1
    while k in clause.tokens and _chosen_pos(tokens[k]) in {"adj", "part"}:
        k += 1
    if k not in clause.tokens or _chosen_pos(tokens[k]) != "subst" \
            or not cases(tokens[k]) & {"gen", "dat", "acc"} or any(m.first <= k <= m.last for m in mentions):
        return False
    return not lemmas_lower(tokens[k]) & (words["armed"] | words["place_head"] | words["defended"])


def _one_person_undergoes(event: Event, entities: list[Entity]) -> bool:
    """The happening's only patient is one named person (*rozstrzelanie Jarossyego*)."""
    persons = {e.id for e in entities if e.type == "PERSON"}
    patients = [p for p in event.participants if p.role == "patient"]
    return len(patients) == 1 and patients[0].entity in persons


def _governed_by_preposition(tokens: list[Token], noun: int) -> bool:
    """A preposition or a noun before the noun, over adjectives: *poprawki do nowej ustawy*, *projekt
    ustawy* (a complement or an attribute, no subject, no object)."""
    k = noun - 1
    while k >= 0 and _chosen_pos(tokens[k]) == "adj":
        k -= 1
    return k >= 0 and (is_preposition(tokens[k]) or _chosen_pos(tokens[k]) == "subst")


def _penalty_or_none(match: TriggerMatch, tokens: list[Token], words: dict[str, frozenset[str]]) -> bool:
    """No *na* after the verb, or a penalty after it: *skazał na trzy lata więzienia*, not *skazani na los*."""
    at = None
    for k in range(match.tokens[-1] + 1, min(match.tokens[-1] + 6, len(tokens))):
        if has_pos(tokens[k], {"interp"}):
            break
        if tokens[k].text.lower() == "na":  # "skazani w naszym kraju na los"
            at = k
            break
    if at is None:
        return True
    noun = next((k for k in range(at + 1, min(at + 5, len(tokens))) if has_pos(tokens[k], NOMINAL)), None)
    return noun is not None and bool(lemmas_lower(tokens[noun]) & words["penalty"])


def _message_moves(clause: Clause, tokens: list[Token], verb: int | None, words: dict[str, frozenset[str]]) -> bool:
    """The subject that arrives is a message (*wiadomości docierały*, *wiadomości, które docierały*): a
    message noun in the nominative that agrees with the verb (*pismo* is not who *przybył*)."""
    # the antecedent of *które* is the subject whatever its own case (*z informacji, które docierały*)
    if clause.antecedent is not None and lemmas_lower(tokens[clause.antecedent]) & words["message"]:
        return True
    return any(lemmas_lower(tokens[i]) & words["message"] and "nom" in cases(tokens[i])
               and (verb is None or subject_agrees(tokens[verb], tokens[i])) for i in clause.tokens)


def _generic(match: TriggerMatch, tokens: list[Token], words: dict[str, frozenset[str]]) -> bool:
    """An event noun under a universal quantifier names a kind of happening (*każde spotkanie*)."""
    first = match.tokens[0]
    return match.verbal is None and any(lemmas_lower(tokens[k]) & words["generic"]
                                        for k in range(max(0, first - 2), first))


def _rule_or_advice(match: TriggerMatch, tokens: list[Token], clause: Clause, timexes: list[tuple[int, Timex]],
                    words: dict[str, frozenset[str]]) -> bool:
    """An infinitive under an impersonal predicative of duty or advice, in a clause with no time and no form of
    *być* (*było*, *będzie*), states a rule or gives advice, no happening: *wodę należy wylać*, *trzeba zbudować
    staw*; *trzeba było ewakuować wieś*, *należy to zrobić do piątku* tell one."""
    if match.verbal is None or match.verb_forms(tokens) != {"inf"} or timexes:
        return False
    before = [k for k in clause.tokens if k < match.verbal]
    return any(lemmas_lower(tokens[k]) & words["deontic"] and has_pos(tokens[k], FINITE) for k in before) \
        and not any(lemmas_lower(tokens[k]) & {"być"} for k in clause.tokens)


def _set_framing(match: TriggerMatch, predicate: int | None, tokens: list[Token], clause: Clause,
                 timexes: list[tuple[int, Timex]], words: dict[str, frozenset[str]]) -> bool:
    """A countable event noun in the plural framing a clause of the imperfective present with no time tells a
    set of happenings, at each of which the clause holds (*w czasie meczów kibice dopingują drużynę*); a noun
    with no singular (*podczas obrad*, *w czasie wyborów*) may be one."""
    if match.verbal is None and not timexes and _frame(tokens, match.tokens[0], words) is not None:
        chosen = tokens[match.tokens[0]].chosen
        fields = chosen.tag.split(":") if chosen else []
        verb = next((i for i in clause.tokens if _chosen_pos(tokens[i]) == "fin"), None)
        return len(fields) > 1 and fields[1] == "pl" and "pt" not in fields and verb is not None \
            and tokens[verb].chosen is not None and "imperf" in tokens[verb].chosen.tag.split(":")
    return False


QUOTES = frozenset({'"', "„", "”", "“", "«", "»"})
AUTHOR_WORDS = 3  # capitalised words of an author's name between a work and its title


def _in_title(match: TriggerMatch, tokens: list[Token], words: dict[str, frozenset[str]]) -> bool:
    """A trigger inside quotation marks opened after a noun of a titled work, or after its author's name that
    follows the noun, is part of the title, no happening (*w filmie "Trzeba zabić Sekala"*, *książkę Jana
    Kowalskiego "Jak zbudowano Gdynię"*)."""
    quotes = [k for k in range(match.tokens[0]) if tokens[k].text in QUOTES]
    if len(quotes) % 2 == 0:
        return False
    k = quotes[-1] - 1
    while k > 0 and quotes[-1] - k <= AUTHOR_WORDS and tokens[k].text[:1].isupper():
        k -= 1  # the author's name
    return k >= 0 and bool(lemmas_lower(tokens[k]) & words["work"])


def _habitual(predicate: int | None, tokens: list[Token], clause: Clause, timexes: list[tuple[int, Timex]],
              words: dict[str, frozenset[str]], dct: str | None) -> bool:
    """A verb of the imperfective aspect with an adverb of repetition or a set of times tells a habit, no
    single dated happening (*co roku odbywa się zjazd*, *minister zwykle przyjeżdża w maju*)."""
    if predicate is None:  # a noun no support verb tells: the clause's own verb (*często wybuchały pożary*)
        predicate = next((i for i in clause.tokens if is_finite(tokens[i], tokens[i - 1] if i else None)), None)
    if predicate is None or tokens[predicate].chosen is None \
            or "imperf" not in tokens[predicate].chosen.tag.split(":"):
        return False
    if any(timex.type == "SET" for _first, timex in timexes) or clause.lemma_set(tokens) & words["habitual"]:
        return True
    # the plain present of an imperfective verb with a day of the week named bare: *w niedziele odbywa się
    # targ* (every Sunday); one day in the singular is every such day in prose, but in a dated report it is
    # the next one, a plan (*w sobotę rozpoczyna się zjazd*); *w tę niedzielę*, *w niedzielę 14 maja* name one
    if _tense(tokens[predicate], [tokens[i] for i in clause.tokens]) != "present" or len(timexes) != 1 \
            or not _bare_weekday(tokens, timexes[0][0], words):
        return False
    day = tokens[timexes[0][0]].chosen
    return dct is None or day is not None and "pl" in day.tag.split(":")


def _scheduled(event: Event, predicate: int | None, tokens: list[Token], clause: Clause, dct: str | None) -> bool:
    """A verb of the present with a stated time after the issue's day tells a planned happening, not one
    taking place (*jutro odbywa się zjazd*, *15 czerwca rozpoczynają się wybory*): the present of a
    timetable."""
    if not dct or event.time_basis != "stated" or not event.time or not DAY_VALUE.match(event.time) \
            or event.time[:10] <= dct[:10]:
        return False
    if predicate is None:  # a noun no support verb tells: the clause's own verb (*jutro jest zebranie*)
        predicate = next((i for i in clause.tokens if is_finite(tokens[i], tokens[i - 1] if i else None)), None)
    return predicate is not None and _tense(tokens[predicate], [tokens[i] for i in clause.tokens]) == "present"


def _bare_weekday(tokens: list[Token], first: int, words: dict[str, frozenset[str]]) -> bool:
    """A timex that is a day of the week after *w*/*we* alone, with no determiner: *w niedzielę*."""
    if first < 1 or tokens[first - 1].text.lower() not in {"w", "we"} \
            or not lemmas_lower(tokens[first]) & words["weekday"]:
        return False
    after = tokens[first + 1] if first + 1 < len(tokens) else None
    return not (after is not None and has_pos(after, {"dig", "num", "adj"}))


def _figure_of_plenty(match: TriggerMatch, tokens: list[Token], words: dict[str, frozenset[str]]) -> bool:
    """A disaster noun with a genitive of sounds, words or feelings is a figure of plenty, no disaster
    (*huragan oklasków*, *burza protestów*, *lawina listów*, *powódź słów*)."""
    if match.verbal is not None or match.entry.type not in NATURAL_FORCES:
        return False
    after = match.tokens[-1] + 1
    while after < len(tokens) and _chosen_pos(tokens[after]) == "adj":
        after += 1
    return after < len(tokens) and "gen" in cases(tokens[after]) \
        and bool(lemmas_lower(tokens[after]) & words["outburst"])


def _in_force(match: TriggerMatch, tokens: list[Token], timexes: list[tuple[int, Timex]],
              words: dict[str, frozenset[str]]) -> bool:
    """An event noun after a compound preposition of accordance or basis names an act in force, no happening:
    *zgodnie z uchwałą Sejmu*, *na mocy ustawy*, *na podstawie decyzji*, *w myśl rozporządzenia*; one cited
    with its date still tells its making (*na mocy porozumienia z 5 listopada 1999 r.*)."""
    if _own_date(match.tokens[-1], tokens, timexes):
        return False
    k = match.tokens[0] - 1
    while k >= 0 and _chosen_pos(tokens[k]) == "adj":
        k -= 1
    if k >= 1 and tokens[k].text.lower() in {"z", "ze"}:
        return bool(lemmas_lower(tokens[k - 1]) & words["basis"])  # "zgodnie z"
    return k >= 1 and bool(lemmas_lower(tokens[k]) & words["basis"]) and is_preposition(tokens[k - 1])


def _case_of(match: TriggerMatch, tokens: list[Token], words: dict[str, frozenset[str]]) -> bool:
    """A noun of condition in a compound preposition, no happening: *w wypadku odmowy*, *na ten wypadek*
    (but *w wypadku samochodowym* is an accident: an adjective of its own follows)."""
    noun = match.tokens[0]
    if match.verbal is not None or len(match.tokens) > 1 or not lemmas_lower(tokens[noun]) & words["case_noun"]:
        return False
    after = tokens[noun + 1] if noun + 1 < len(tokens) else None
    if after is not None and _chosen_pos(after) == "adj" \
            and _chosen_case(after) == _chosen_case(tokens[noun]):
        return False  # its own adjective, agreeing with it; not "w wypadku pierwszego" (a genitive)
    return _preposition_before(tokens, noun, frozenset({"w", "na"}))


def _chosen_pos(token: Token) -> str:
    """The part of speech of the tagger's reading, "" when the tagger gave none."""
    return token.chosen.pos if token.chosen else ""


def _chosen_case(token: Token) -> str | None:
    """The case of the tagger's reading of a noun or adjective (*subst:sg:loc:m3* → loc)."""
    fields = token.chosen.tag.split(":") if token.chosen else []
    return fields[2] if len(fields) > 2 else None


def _supposed_case(tokens: list[Token], noun: int, words: dict[str, frozenset[str]]) -> bool:
    """An event noun after a compound preposition of condition is only supposed: *w razie wojny*,
    *na wypadek zamachów*."""
    k = noun - 1
    while k >= 0 and _chosen_pos(tokens[k]) in {"adj", "num"}:
        k -= 1
    return k > 0 and bool(lemmas_lower(tokens[k]) & words["case_noun"]) \
        and _preposition_before(tokens, k, frozenset({"w", "na"}))


def _announced(match: TriggerMatch, tokens: list[Token], clause: Clause, words: dict[str, frozenset[str]]) -> bool:
    """An event noun that a verb of calling or inviting governs, or an adjective of the future modifies,
    is still to come: *zarządził wybory*, *pismo zapraszające na kongres*, *przyszłe wybory*; so is a vote,
    a meeting or a match called (*ogłosiło wybory*, *zwołał zjazd*; an *ogłoszone orędzie* is said)."""
    noun = match.tokens[0]
    if _chosen_case(tokens[noun]) == "loc" and _governed_by_preposition(tokens, noun):
        return False  # where it was announced: *zapowiedział w przemówieniu podatki*, *na posiedzeniu*
    announcing = words["announcement"] | (words["calling"] if match.entry.type in CALLED_TYPES else frozenset())
    # the happening one is invited or called to, with "na", however far its verb stands (*zapraszają
    # wszystkich sympatyków na mecze*)
    modified = noun  # the window opens before the noun's modifiers (*zapowiedziany jest 5-minutowy strajk*)
    while modified > 0 and (_chosen_pos(tokens[modified - 1]) in {"adj", "num", "dig"}
                            or tokens[modified - 1].text == "-"):
        modified -= 1
    start = clause.tokens[0] if _preposition_before(tokens, noun, frozenset({"na"})) else modified - 3
    # the word as the tagger reads it: *przyszli na obrady* (they came) is no *przyszły* (future)
    return any(_chosen_lemma(tokens[k]) & announcing for k in range(max(0, start), noun) if k in clause.tokens)


def _chosen_lemma(token: Token) -> frozenset[str]:
    return frozenset({token.chosen.lemma.lower()}) if token.chosen else lemmas_lower(token)


def _aimed_at(match: TriggerMatch, tokens: list[Token], words: dict[str, frozenset[str]]) -> bool:
    """An event noun after a preposition of purpose names an aim, not a happening (*komitet dla
    odbudowy*, *w celu budowy*); so does one a word of protection guards against (*ochrona przeciwko
    wylewom*, *ubezpieczenie od ognia*, *chronić przed powodzią*, *zapobieganie katastrofom*): the
    danger, no happening."""
    if match.verbal is not None:
        return False
    noun = match.tokens[0]
    if _preposition_before(tokens, noun, words["purpose_prep"]):
        return True
    # a building going on names the place of its works after a noun of place: *na terenie budowy*
    if match.entry.type == "construction" and noun > 0 and lemmas_lower(tokens[noun - 1]) & words["place_head"] \
            and _chosen_case(tokens[noun]) == "gen":
        return True
    # "zapobieganie katastrofom", "zapobiec pożarowi": the dative of a word of prevention is a danger
    k = noun - 1
    while k >= 0 and _chosen_pos(tokens[k]) in {"adj", "num"}:
        k -= 1
    if k >= 0 and lemmas_lower(tokens[k]) & words["protection"] and "dat" in cases(tokens[noun]):
        return True
    if not _preposition_before(tokens, noun, words["against_prep"]):
        return False
    k = noun - 1
    while k >= 0 and not lemmas_lower(tokens[k]) & words["against_prep"]:
        k -= 1
    return any(lemmas_lower(tokens[j]) & words["protection"] for j in range(max(0, k - 3), k))


def _preposition_before(tokens: list[Token], noun: int, prepositions: frozenset[str]) -> bool:
    """Whether one of ``prepositions`` governs the noun, over adjectives and numerals; a noun of a
    compound preposition counts after its own preposition (*w wyniku*, not *wyniki głosowania*)."""
    k = noun - 1
    while k >= 0 and _chosen_pos(tokens[k]) in {"adj", "num"}:
        k -= 1
    if k < 0 or not lemmas_lower(tokens[k]) & prepositions:
        return False
    return is_preposition(tokens[k]) or k > 0 and is_preposition(tokens[k - 1])


def _claimed(clause: Clause, tokens: list[Token], words: dict[str, frozenset[str]]) -> bool:
    """A *że* clause after a verb of claiming (*twierdzą, że*; *starał się przekonać …, że*): what it
    tells is someone's claim."""
    start = clause.tokens[0]
    opener = start if tokens[start].text.lower() == "że" else start + 1
    if opener >= len(tokens) or tokens[opener].text.lower() != "że":
        return False
    return any(lemmas_lower(tokens[k]) & words["claim"] for k in range(max(0, opener - 6), opener))


def _one_event_per_verb_and_noun(matches: list[TriggerMatch], tokens: list[Token],
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


def _sentence_events(analysis: Analysis, sentence: Sentence, context: _DocumentContext,
                     entities: list[Entity], timexes: list[Timex]) -> list[tuple[Event, frozenset[str]]]:
    """The sentence's events, each with the features of its clause (see :mod:`kronika.events.plausibility`)."""
    tokens = sentence.tokens
    words = context.words
    blocked = {i for i, t in enumerate(tokens) for e in entities
               if e.type in NAME_TYPES_WITHOUT_TRIGGERS and e.start <= t.start and t.end <= e.end}
    sentence_lemmas = frozenset().union(*(lemmas_lower(t) for t in tokens)) if tokens else frozenset()
    starts = [t.start for t in timexes]
    clauses = split_clauses(sentence)
    events: list[tuple[Event, frozenset[str]]] = []
    mentions_by_clause = {id(c): mentions_in(tokens, c.tokens, entities) for c in clauses}
    all_mentions = [m for c in clauses for m in mentions_by_clause[id(c)]]
    for clause in clauses:
        mentions = mentions_by_clause[id(clause)]
        for mention in mentions:
            if mention.attached_to is not None:
                host = next((m for m in all_mentions if m.first <= mention.attached_to <= m.last
                             and m is not mention and m.entity.parent is None), None)
                mention.host_type = host.entity.type if host else None
        clause_timexes = _timexes_in(timexes, starts, tokens, clause)
        _learn_document_dates(tokens, clause_timexes, mentions, context)
        matches = _one_event_per_verb_and_noun(find_triggers(tokens, clause, blocked), tokens, words)
        claimed = _claimed(clause, tokens, words)
        for match in matches:
            if _generic(match, tokens, words) or _aimed_at(match, tokens, words) \
                    or _figure_of_plenty(match, tokens, words) or _case_of(match, tokens, words) \
                    or _in_title(match, tokens, words) or _in_force(match, tokens, clause_timexes, words):
                continue
            if not _passes_gate(match, tokens, clause, mentions, clause_timexes, words):
                continue
            predicate = _predicate(match, tokens, clause, words)
            if _habitual(predicate, tokens, clause, clause_timexes, words, analysis.document.dct) \
                    or _rule_or_advice(match, tokens, clause, clause_timexes, words) \
                    or _set_framing(match, predicate, tokens, clause, clause_timexes, words):
                continue
            event = _build_event(analysis, sentence, clause, match, predicate, mentions, all_mentions,
                                 clause_timexes, context, sentence_lemmas, timexes)
            if match.verbal is None and event.time_basis != "stated":
                _date_by_description(event, match, tokens, clauses, timexes, starts, words)
            entry = _sense(match, event, clause, tokens, mentions, all_mentions, entities, sentence_lemmas, words,
                           context.neighbour_lemmas)
            if entry is None:
                continue
            event.type, event.lemma = entry.type, entry.phrase
            if claimed and event.modality == "asserted":
                event.modality = "reported"
            elif event.modality == "asserted" and _scheduled(event, predicate, tokens, clause, analysis.document.dct):
                event.modality = "future"
            events.append((event, _clause_features(match, entry, tokens, clause, predicate, context)))
        _narrative_update(tokens, clause, clause_timexes, mentions, context)
    _share_places([event for event, _features in events])
    return events


def _date_by_description(event: Event, match: TriggerMatch, tokens: list[Token], clauses: list[Clause],
                         timexes: list[Timex], starts: list[int], words: dict[str, frozenset[str]]) -> None:
    """A happening noun takes the time of the relative clause that tells it happened (*pożar, który wybuchł
    wczoraj w nocy, został opanowany*): a clause on the noun whose verb says its subject happened."""
    for clause in clauses:
        if clause.relative is None or clause.antecedent != match.tokens[-1] \
                or not any(_support_verb(tokens[i], words["existence"]) for i in clause.tokens):
            continue
        dated = [timex for _first, timex in _timexes_in(timexes, starts, tokens, clause)
                 if timex.type in {"DATE", "TIME"} and timex.value[:4].isdigit()]
        if dated:
            event.time, event.timex = dated[0].value, dated[0].id
            event.time_basis, event.time_inherited = "stated", False
            return


def _clause_features(match: TriggerMatch, entry: TriggerEntry, tokens: list[Token], clause: Clause,
                     predicate: int | None, context: _DocumentContext) -> frozenset[str]:
    """General features of the trigger in its clause, for the plausibility model: part of speech, the
    verb's form or the noun's case, number and governor, the clause's kind, a heading or the title."""
    found = {f"clause:{clause.kind}"}
    if len(match.entry.words) > 1:
        found.add("multiword")
    if entry.condition != "any":
        found.add("sense_condition")
    if context.sentence_number in context.verbless:
        found.add("heading")
    if context.sentence_number == 0:
        found.add("first_sentence")
    if match.verbal is not None:
        forms = match.verb_forms(tokens)
        if forms == {"ppas"}:
            found.add("verb:participle")
        elif forms == {"inf"}:
            found.add("verb:infinitive")
        else:
            found.add(f"verb:{_tense(tokens[match.verbal], [tokens[i] for i in clause.tokens]) or 'other'}")
        return frozenset(found)
    noun = match.tokens[0]
    found.add("noun:supported" if predicate is not None else "noun:bare")
    case = _chosen_case(tokens[noun])
    found.add(f"noun:{case if case in {'nom', 'gen', 'acc', 'loc', 'inst'} else 'other'}")
    fields = tokens[noun].chosen.tag.split(":") if tokens[noun].chosen else []
    if len(fields) > 1 and fields[1] == "pl":
        found.add("noun:plural")
    k = noun - 1
    while k >= 0 and _chosen_pos(tokens[k]) in {"adj", "num"}:
        k -= 1
    if any(_chosen_pos(tokens[j]) == "num" for j in range(k + 1, noun)):
        found.add("noun:counted")
    if k >= 0 and is_preposition(tokens[k]):
        found.add("noun:after_preposition")
    elif k >= 0 and _chosen_pos(tokens[k]) == "subst":
        found.add("noun:of_noun")  # the attribute of another noun: "projekt ustawy", "termin wyborów"
    after = match.tokens[-1] + 1
    if after < len(tokens) and _chosen_pos(tokens[after]) in {"subst", "depr"} and _chosen_case(tokens[after]) == "gen":
        found.add("noun:with_genitive")
    if _subject_of_verb(noun, tokens, clause):
        found.add("noun:subject")
    return frozenset(found)


def _placed_elsewhere(event_type: str, clause_lemmas: frozenset[str], mentions: list[Mention],
                      context: _DocumentContext) -> bool:
    """Whether the clause puts the event away from the time of the narrative or the issue: an adverb
    like *niegdyś*, *dawniej*; or the making of a treaty the text spoke of before (*Układ ten zawarty
    został …*): the treaty existed already, so it was made at its own, earlier time."""
    words = context.words
    if clause_lemmas & words["displacement"]:
        return True
    if event_type != "treaty":
        return False
    return bool(clause_lemmas & words["treaty_noun"] & context.seen_lemmas) or any(
        m.entity.type == "DOCUMENT" and _key(m.entity) in context.seen_refs for m in mentions)


def _span_after(tokens: list[Token], timexes: list[tuple[int, Timex]]) -> bool:
    """A duration of days or more after *po* in the clause (*odbudowany po 63 latach*): the happening lies that
    long after the time the text spoke of, so it takes no time from the narrative (*po kilku godzinach* may keep
    its day)."""
    return any(timex.type == "DURATION" and "T" not in timex.value and first > 0
               and tokens[first - 1].text.lower() == "po" for first, timex in timexes)


def _other_year(timexes: list[Timex], dct: str) -> bool:
    return any(t.type in {"DATE", "TIME"} and t.value[:4].isdigit() and t.value[:4] != dct[:4] for t in timexes)


def _build_event(analysis: Analysis, sentence: Sentence, clause: Clause, match: TriggerMatch,
                 predicate: int | None, mentions: list[Mention],
                 all_mentions: list[Mention], timexes: list[tuple[int, Timex]],
                 context: _DocumentContext, sentence_lemmas: frozenset[str], sentence_timexes: list[Timex]) -> Event:
    tokens = sentence.tokens
    words = context.words
    passive = _is_passive(match, tokens)
    verb_index = match.verbal
    if verb_index is None:
        verb_index = next((i for i in clause.tokens if has_pos(tokens[i], FINITE)), None)
    verb = tokens[verb_index] if verb_index is not None else None
    places: list[EventArgument] = []
    participants: list[EventArgument] = []
    roles: dict[int, str | None] = {}
    for k, mention in enumerate(mentions):
        entity = mention.entity
        if match.entry.type == "sports" and entity.type == "PLACE" and entity.parent is None \
                and _club(mention, tokens, words):
            # a town named with no preposition in a match is its club (*Bzura Ozorków*, *Wilno pokonało Kowno*),
            # and so is one in the genitive of a result (*zwycięstwem Bzury*) or after *nad*, *z* (*nad Wartą*)
            roles[k] = _role(mention, match, tokens, passive, verb, words) or (
                "opponent" if mention.preposition in {"nad", "z"} else "participant")
            continue
        if entity.type in PLACE_TYPES and _is_place(mention, words):
            if entity.parent is not None and context.entities_by_id.get(entity.parent, entity).type == "ORGANIZATION":
                continue  # the town in a club's or a society's name (*Bzura Ozorków*) is no setting
            if not any(p.entity == entity.id for p in places):
                places.append(EventArgument(entity.lemma, entity.id))
            continue
        if entity.type not in PARTICIPANT_TYPES or entity.parent is not None:
            continue
        roles[k] = _role(mention, match, tokens, passive, verb, words)
    for k, mention in enumerate(mentions):
        if k in roles and roles[k] is None and mention.coordinated_with is not None:
            partner = mentions.index(mention.coordinated_with)
            roles[k] = roles.get(partner)
    for k, role in roles.items():
        # a name repeated in the clause is one participant (*Zgon dr. X Wczoraj zmarła … dr. X*)
        if role is not None and not any(p.lemma == mentions[k].entity.lemma and p.role == role for p in participants):
            participants.append(EventArgument(mentions[k].entity.lemma, mentions[k].entity.id, role))
    antecedent = _antecedent(clause, all_mentions, tokens)
    if antecedent is not None:
        entity = antecedent.entity
        if entity.type == "PLACE":
            places.append(EventArgument(entity.lemma, entity.id))
        elif entity.type in PARTICIPANT_TYPES:
            has_agent = any(p.role == "agent" for p in participants)
            role = "patient" if passive or has_agent or entity.type == "DOCUMENT" else "agent"
            participants.append(EventArgument(entity.lemma, entity.id, role))
    modality = _modality(match, tokens, clause, predicate, sentence_lemmas, words)
    # a participle standing as an attribute ("straceni …, skazani przez sąd wojenny") tells an event of
    # its own, earlier or later: the clause's time is not its time
    attribute = match.verb_forms(tokens) == {"ppas"} and not _has_auxiliary(match.verbal, tokens, clause, words)
    own = [(first, t) for first, t in timexes if abs(first - (match.verbal or 0)) <= 2]  # "podpisany dziś"
    if match.verbal is None and _announced(match, tokens, clause, words):
        # a happening called or invited to is dated by the time it is called for, after it with "na" ("zwołał
        # zjazd na 15 maja", "wybory na dzień 6 listopada"), not by the day of the calling or of the invitation
        # ("wczoraj doręczono zaproszenia na zjazd", "doręczono pismo zapraszające na kongres dnia 20 b. m.")
        own, attribute = [(first, t) for first, t in timexes if first > match.tokens[-1]
                          and _called_for(tokens, first)], True
    timex, inherited = _choose_time(match, tokens, own if attribute else timexes, context, mentions, clause)
    basis = "stated" if timex else None
    time = timex.value if timex else None
    if timex is None:
        timex = _document_date(participants, context)
        basis = "document" if timex else None
        time = timex.value if timex else None
    # only what happened (or is said to have happened) takes a time from the narrative or the issue
    # so does a noun no verb of the clause tells, named by its actor: "odpowiedź na przemówienie Stresemanna",
    # "udział w walkach powstańców" refer to happenings known from before, at no time the clause gives
    earlier = match.verbal is None and (_frame(tokens, match.tokens[0], words) == "before" or predicate is None and (
        _actor_of_noun(match.tokens[0], tokens, mentions) or _armed_genitive(match.tokens[0], tokens, words)))
    if timex is None and modality in {"asserted", "reported"} and not attribute and not earlier \
            and not _placed_elsewhere(match.entry.type, clause.lemma_set(tokens), mentions, context) \
            and not _span_after(tokens, timexes):
        tense = _tense(tokens[predicate] if predicate is not None else None, [tokens[i] for i in clause.tokens])
        clause_lemmas = clause.lemma_set(tokens)
        trigger_start = tokens[match.tokens[0]].start
        # the narrative time is the last clause time written before the trigger, in this sentence or the
        # few before it (a relative clause does not take the time of the main clause that resumes after it);
        # a clause of the present ("obecnie rokowania trwają") is out of the narrative
        told = None if clause_lemmas & words["now"] else context.narrative_time(trigger_start)
        dct = analysis.document.dct
        # a time told of the present ("dziś naród nie chce …") or the future does not date a past event,
        # nor does any time after the document's own date
        if told and not (told[2] in {"present", "future"} and tense == "past") \
                and not (dct and told[0].value[:10] > dct and tense != "future"):
            timex, inherited, basis = told[0], True, "narrative"
            # the narrative carries its day; an hour is the time of the happening it was told with ("opanowano go
            # o godz. 14"), not of the next one
            time = timex.value[:10] if CLOCK_ON_DAY.match(timex.value) else timex.value
        elif dct and tense in {"past", "present", None} and not _other_year(sentence_timexes, dct) \
                and (context.other_day_start is None or context.other_day_start >= trigger_start
                     or clause_lemmas & words["now"]) \
                and (tense == "present" or context.reports_its_days and not clause_lemmas & words["then"]):
            # the issue's date, only while the text has told of no other day before the event; for a past
            # event, only in a report of the days around its issue, and not one set "then" (wówczas)
            time, inherited, basis = dct, True, "issue"
    start, end = tokens[match.tokens[0]].start, tokens[match.tokens[-1]].end
    return Event(
        id="", type=match.entry.type, trigger_start=start, trigger_end=end,
        trigger_text=analysis.document.text[start:end], sentence=(sentence.start, sentence.end),
        time=time, timex=timex.id or None if timex else None, time_inherited=inherited,
        time_basis=basis, modality=modality, lemma=match.entry.phrase, places=places, participants=participants,
    )


def _club(mention: Mention, tokens: list[Token], words: dict[str, frozenset[str]]) -> bool:
    """A town in a match that names its club: with no preposition, standing alone or in the genitive of a
    result or a word of sport (*zwycięstwem Bzury*, *drużyna Warty*), or an instrumental after *nad* or *z*
    (*zwycięstwo nad Pogonią*, *mecz z Wartą*; *z Wilna*, a genitive, is where from)."""
    if mention.preposition is None:
        return mention.attached_to is None or bool(
            lemmas_lower(tokens[mention.attached_to]) & (words["sports"] | words["result"]))
    return mention.preposition in {"nad", "z"} and "inst" in mention.cases


def _is_place(mention: Mention, words: dict[str, frozenset[str]]) -> bool:
    if mention.preposition in words["place_prep"]:
        if mention.preposition == "z":
            return "gen" in mention.cases or not mention.cases
        return mention.preposition != "przez" or mention.entity.type == "PLACE"
    # a town named without a preposition is still where things happened ("broniło się Wilno",
    # "dowództwo obrony Lwowa"); a country so named is an actor ("Niemcy podpisały")
    return mention.entity.type == "PLACE"


def _antecedent(clause: Clause, all_mentions: list[Mention], tokens: list[Token]) -> Mention | None:
    """The entity a relative clause's *który* refers to: the mention right before its comma, when the
    pronoun agrees with it in number and gender (*obywateli …, którzy*, not *Rzeczypospolitej*)."""
    if clause.relative is None or clause.antecedent is None:
        return None
    mention = next((m for m in all_mentions if m.last == clause.antecedent and m.entity.parent is None), None)
    if mention is None:
        return None
    pronoun = number_gender(tokens[clause.relative])
    noun = number_gender(tokens[_head(mention, tokens)])
    return mention if not pronoun or not noun or pronoun & noun else None


def _document_date(participants: list[EventArgument], context: _DocumentContext) -> Timex | None:
    for participant in participants:
        entity = context.entities_by_id.get(participant.entity or "")
        if entity is not None and entity.type == "DOCUMENT" and _key(entity) in context.dated:
            return context.dated[_key(entity)]
    return None


def _share_places(events: list[Event]) -> None:
    """Coordinated clauses of one sentence share their setting: "rozpoczęło pertraktacje … i dzień
    później podpisano protokół" happened in the same town."""
    for previous, event in zip(events, events[1:], strict=False):
        if not event.places and previous.places:
            event.places = [EventArgument(p.lemma, p.entity, p.role) for p in previous.places]


def _opens_an_item(tokens: list[Token], verbless: bool) -> bool:
    """A sentence that opens another item of a news column: one led by a dash (the column's separator of
    notices), or a heading (a few words and no verb: *Z kraju.*, *Wiadomości z Łodzi.*)."""
    if tokens and tokens[0].text in DASHES:
        return True
    return verbless and 0 < sum(not has_pos(t, {"interp"}) for t in tokens) <= HEADING_WORDS


@dataclass
class _Opening:
    """An event of an item's opening words (a heading, or the first sentence of a notice), waiting for the
    notice to tell its happening again."""

    event: Event
    sentence: int
    heading: bool  # told by a verbless heading


def _same_setting(event: Event, other: Event) -> bool:
    """Two events whose places, where both have some, share one: *W Wilnie spłonął dom. W Lidzie spłonęła stodoła.*
    are two fires."""
    return not event.places or not other.places or bool({p.lemma for p in event.places}
                                                         & {p.lemma for p in other.places})


def _tell_opening(opening: list[_Opening], told: list[Event], number: int, dct: str | None) -> list[_Opening]:
    """An item's heading or first sentence names the happening its notice then tells (*Przyjazd ministra do Wilna.*
    before *Minister przybędzie …*; *W Lidzie spłonął tartak. Pożar wybuchł w poniedziałek w nocy.*): it takes the
    time the notice's first event of its type (and of no other place) has, when the opening had only the issue's
    date and the notice places the happening on a day before it (the issue's date is a fallback, never a past
    happening's time where the text places it elsewhere) or, in a heading, none; a heading takes its modality too.
    A heading naming its happening in other words than the notice (*Tragiczny wypadek. Wczoraj utonął …*) takes the
    time stated by the notice's first sentence (``told`` are the events of sentence ``number``). The openings no
    event has told yet are returned."""
    waiting = []
    for item in opening:
        event = item.event
        notice = next((e for e in told if e.type == event.type and _same_setting(event, e)), None)
        if notice is None and item.heading and number == item.sentence + 1:
            notice = next((e for e in told if e.time_basis == "stated" and _same_setting(event, e)), None)
        if notice is None:
            waiting.append(item)
            continue
        if item.heading and notice.type == event.type and event.modality == "asserted" \
                and notice.modality != "asserted":
            event.modality = notice.modality
        elif notice.time_basis not in {"stated", "narrative"} or notice.modality not in {"asserted", "reported"} \
                or not (event.time_basis == "issue" and dct and (notice.time or "")[:10] < dct
                        or item.heading and event.time_basis is None and (notice.time or "")[:10] <= (dct or "9")):
            continue
        # the notice's time, carried to the words that named it before: the opening states none of its own
        event.time, event.timex = notice.time, notice.timex
        event.time_basis, event.time_inherited = ("narrative", True) if notice.time else (None, False)
    return waiting


def annotate_events(analysis: Analysis) -> None:
    """Fill ``analysis.events`` (ids v1, v2, … in text order), each with the plausibility model's
    ``confidence``. Requires entities and timexes."""
    model = load_plausibility()
    events = []
    for event, features in candidate_events(analysis):
        event.confidence = round(model.confidence(features), 3)
        events.append(event)
    for number, event in enumerate(events, 1):
        event.id = f"v{number}"
    analysis.events = events


def candidate_events(analysis: Analysis) -> list[tuple[Event, frozenset[str]]]:
    """Every event the rules find, in text order, with its features for the plausibility model."""
    context = _DocumentContext(analysis)
    candidates: list[tuple[Event, frozenset[str]]] = []
    entities = sorted(analysis.entities, key=lambda e: e.start)
    entity_starts = [e.start for e in entities]
    timexes = sorted(analysis.timexes, key=lambda t: t.start)
    timex_starts = [t.start for t in timexes]
    words = context.words
    opening: list[_Opening] = []  # events of the current item's opening words its notice has not told yet
    item_first = True  # the sentence opens an item: the text's first, a heading or the one after it, or led by a dash
    for number, sentence in enumerate(analysis.sentences):
        context.sentence_number = number
        verbless = not any(is_finite(t, sentence.tokens[i - 1] if i else None) for i, t in enumerate(sentence.tokens))
        opens_an_item = _opens_an_item(sentence.tokens, verbless)
        if any(t.text == ":" for t in sentence.tokens) and any(lemmas_lower(t) & words["report_verb"]
                                                               for t in sentence.tokens):
            context.forget_times()  # "Biuro Havasa donosi z Londynu:" opens another report
        elif opens_an_item:
            # "— Odbył się zjazd", "Z kraju.": no time carries into another notice of the column (but a
            # dateline's does: "WIEDEŃ. 17.II. (Pat.)."), and the issue's date stays as doubtful as the
            # column made it
            context.narrative[:] = [told for told in context.narrative if told[1] in context.verbless]
            context.happening_day = None
        if verbless:
            context.verbless.add(number)
        in_sentence = entities[bisect_left(entity_starts, sentence.start):bisect_left(entity_starts, sentence.end)]
        ordinal_day = _happening_ordinal_day(sentence.tokens)
        if ordinal_day is not None:
            context.move_to_day(*ordinal_day)
        sentence_timexes = [context.on_happening_day(t) for t in
                            timexes[bisect_left(timex_starts, sentence.start):bisect_left(timex_starts, sentence.end)]]
        found = _sentence_events(analysis, sentence, context, in_sentence, sentence_timexes)
        if opens_an_item:
            opening, item_first = [], True
        opening = _tell_opening([o for o in opening if number - o.sentence <= NARRATIVE_SPAN],
                                [event for event, _features in found], number, analysis.document.dct)
        if item_first:
            opening.extend(_Opening(event, number, verbless) for event, _features in found)
        item_first = opens_an_item and verbless
        candidates.extend(found)
        for token in sentence.tokens:
            context.seen_lemmas.update(lemmas_lower(token))
        context.seen_refs.update(_key(e) for e in in_sentence)
    candidates.sort(key=lambda c: c[0].trigger_start)
    return [(event, event_features(event, features)) for event, features in candidates]
