"""The events stage: triggers found clause by clause, with participants, places and time attached.

Roles come from Polish case and prepositions: a nominative subject agreeing with the verb is the
agent (the patient in a passive), *przez* + accusative in a passive is the agent, *z* + instrumental
the opponent, an accusative object the patient, a genitive person after a unit its commander. Places
are place entities under a locative preposition (*pod*, *w*, *na*, *do*, …), coordinated places share
it. Time is a timex of the clause; else the date of the document the event is about (*pakt … z
23 sierpnia 1939*); else the narrative time carried from the text before, marked as inherited.
"""

from __future__ import annotations

from dataclasses import dataclass

from kronika.events.arguments import Mention, mentions_in
from kronika.events.clauses import Clause, split_clauses
from kronika.events.grammar import FINITE, agrees, has_pos, is_preposition, number_gender
from kronika.events.lexicon import NOT_AN_EVENT, TriggerEntry, load_function_words, load_triggers
from kronika.lang.grammar import NOMINAL, lemmas_lower
from kronika.model import Analysis, Entity, Event, EventArgument, Sentence, Timex, Token

PREDICATE = FINITE | {"ppas", "pact", "pcon", "pant", "inf", "impt"}
PARTICIPANT_TYPES = frozenset({"PERSON", "ORGANIZATION", "MILITARY_UNIT", "COUNTRY", "DOCUMENT"})
PLACE_TYPES = frozenset({"PLACE", "COUNTRY"})
HOSTILE_TYPES = frozenset({"battle", "invasion"})
NAME_TYPES_WITHOUT_TRIGGERS = frozenset({"PERSON", "ORGANIZATION", "MILITARY_UNIT", "COUNTRY", "PLACE",
                                         "DOCUMENT"})
MAX_GAP = 4  # tokens allowed between the words of a multiword trigger ("stoczyły również walkę")


@dataclass
class TriggerMatch:
    entry: TriggerEntry
    tokens: list[int]
    verbal: int | None  # the token carrying the verb, when the trigger has one
    verbal_lemmas: frozenset[str] = frozenset()  # the lexicon lemmas that token stands for

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


def find_triggers(tokens: list[Token], clause: Clause, blocked: set[int]) -> list[TriggerMatch]:
    """Lexicon entries found in a clause, longest entries first, each token used once."""
    used: set[int] = set(blocked)
    found: list[TriggerMatch] = []
    positions = [i for i in clause.tokens if i not in blocked]
    lemma_sets = {i: lemmas_lower(tokens[i]) for i in positions}
    present = frozenset().union(*lemma_sets.values())
    for entry in load_triggers():
        if not entry.words[0] & present:
            continue
        for i in positions:
            if i in used or not lemma_sets[i] & entry.words[0]:
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
            used.update(matched)
            if entry.type == NOT_AN_EVENT:
                continue
            verbal = next(((j, word) for j, word in zip(matched, entry.words, strict=True)
                           if _verbal_reading(tokens[j], word)), None)
            found.append(TriggerMatch(entry, sorted(matched), verbal[0] if verbal else None,
                                      verbal[1] if verbal else frozenset()))
    return sorted(found, key=lambda m: m.tokens[0])


class _DocumentContext:
    """What the stage learns while reading a document in order: narrative time, document dates."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.narrative: list[Timex] = []  # the clause times met so far, in reading order
        self.dated: dict[str, Timex] = {}  # entity ref or lemma → the date written with it
        self.words = load_function_words()


def _key(entity: Entity) -> str:
    return entity.ref or entity.lemma.lower()


def _timexes_in(analysis: Analysis, tokens: list[Token], clause: Clause) -> list[tuple[int, Timex]]:
    """Timexes starting in the clause, with the index of their first token."""
    starts = {tokens[i].start: i for i in clause.tokens}
    found = []
    for timex in analysis.timexes:
        first = next((i for i in clause.tokens if tokens[i].start <= timex.start < tokens[i].end), None)
        if first is None and timex.start in starts:
            first = starts[timex.start]
        if first is not None:
            found.append((first, timex))
    return found


def _attributive(tokens: list[Token], first: int, words: dict[str, frozenset[str]]) -> bool:
    """A date modifying a noun ("pakt z 23 sierpnia", "decyzja z 5 marca"), not the clause's time."""
    if first < 2 or tokens[first - 1].text.lower() != "z":
        return False
    before = tokens[first - 2]
    return has_pos(before, NOMINAL | {"ign", "adj"}) and not (lemmas_lower(before) & words["time_noun"])


def _inside(entity: Entity, timex: Timex) -> bool:
    return entity.start <= timex.start and timex.end <= entity.end


def _role(mention: Mention, match: TriggerMatch, tokens: list[Token], passive: bool, verb: Token | None,
          words: dict[str, frozenset[str]]) -> str | None:
    entity = mention.entity
    preposition = mention.preposition
    if mention.attached_to is not None and preposition is None:
        host = tokens[mention.attached_to]
        if mention.attached_to in match.tokens:
            return "patient"
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
        return "agent" if passive else None
    if preposition == "z":
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
    if not mention.cases or "nom" in mention.cases and (verb is None or agrees(verb, tokens[_head(mention,
                                                                                                    tokens)])):
        return "patient" if passive else "agent"
    if "acc" in mention.cases and not passive:
        return "patient"
    if "dat" in mention.cases:
        return "recipient"
    return None


def _head(mention: Mention, tokens: list[Token]) -> int:
    for i in range(mention.first, mention.last + 1):
        if has_pos(tokens[i], NOMINAL):
            return i
    return mention.first


def _is_passive(match: TriggerMatch, tokens: list[Token]) -> bool:
    forms = match.verb_forms(tokens)
    return "imps" in forms or "ppas" in forms and not forms & {"fin", "praet"}


def _passes_gate(match: TriggerMatch, tokens: list[Token], clause: Clause, mentions: list[Mention],
                 timexes: list[tuple[int, Timex]], words: dict[str, frozenset[str]]) -> bool:
    """Whether the clause shows the trigger as an event: a verb used as a predicate; a noun that a
    light or occurrence verb governs or that carries its own place or date."""
    first = match.tokens[0]
    if first > 0 and lemmas_lower(tokens[first - 1]) & words["negation"]:
        return False
    if len(match.entry.words) > 1:
        return True
    if match.verbal is not None:
        if match.verb_forms(tokens) - {"ppas"}:
            return True
        # a passive participle is a predicate with an auxiliary (*zostali zamordowani*) or a przez-agent
        # (*rozstrzelanych przez NKWD*); alone it is an attribute (*układy zawarte uprzednio*)
        aux = any(lemmas_lower(tokens[i]) & words["passive_aux"] for i in clause.tokens if i != match.verbal)
        agent = any(tokens[i].text.lower() == "przez" for i in clause.tokens if i > match.verbal)
        # or a town of its own right after it (*ojca, więzionego w Mińsku*): a located event, as for nouns
        located = any(m.entity.type == "PLACE" and m.preposition in words["place_prep"]
                      and 0 < m.first - match.verbal <= 2 for m in mentions)
        return aux or agent or located
    noun = match.tokens[0]
    support = words["occurrence"] | words["light_verb"]
    if any(lemmas_lower(tokens[i]) & support and has_pos(tokens[i], FINITE)
           and not (i > 0 and lemmas_lower(tokens[i - 1]) & words["negation"]) for i in clause.tokens):
        return True
    if any(m.attached_to == noun and m.entity.type in PLACE_TYPES for m in mentions):
        return True
    # a date of its own after the noun and its genitive attributes: "obrona Grodna (20–21 września)",
    # "decyzja najwyższych władz ZSRS z 5 marca 1940"
    for first, _timex in timexes:
        between = tokens[noun + 1:first]
        if first <= noun or len(between) > 6 or between and between[-1].text not in "(z":
            continue
        if all(t.text in "(z" or has_pos(t, NOMINAL | {"adj", "ign"}) for t in between):
            return True
    return False


def _choose_time(match: TriggerMatch, tokens: list[Token], timexes: list[tuple[int, Timex]],
                 context: _DocumentContext, clause_entities: list[Mention]) -> tuple[Timex | None, bool]:
    usable = []
    nominal = match.verbal is None
    for first, timex in timexes:
        if timex.type not in {"DATE", "TIME"}:
            continue
        attributive = _attributive(tokens, first, context.words) or any(
            m.entity.type in {"DOCUMENT"} and _inside(m.entity, timex) for m in clause_entities)
        if attributive and not (nominal and first > match.tokens[-1]):
            continue
        usable.append((first, timex))
    if usable:
        anchor = match.tokens[0]
        return min(usable, key=lambda ft: abs(ft[0] - anchor))[1], False
    return None, False


def _narrative_update(tokens: list[Token], timexes: list[tuple[int, Timex]], clause_entities: list[Mention],
                      context: _DocumentContext) -> None:
    for first, timex in sorted(timexes, key=lambda ft: ft[0]):
        if timex.type not in {"DATE", "TIME"} or _attributive(tokens, first, context.words):
            continue
        if any(_inside(m.entity, timex) for m in clause_entities if m.entity.type == "DOCUMENT"):
            continue
        context.narrative.append(timex)


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


def _sentence_events(analysis: Analysis, sentence: Sentence, context: _DocumentContext) -> list[Event]:
    tokens = sentence.tokens
    words = context.words
    entities = [e for e in analysis.entities if sentence.start <= e.start < sentence.end]
    blocked = {i for i, t in enumerate(tokens) for e in entities
               if e.type in NAME_TYPES_WITHOUT_TRIGGERS and e.start <= t.start and t.end <= e.end}
    clauses = split_clauses(sentence)
    events: list[Event] = []
    mentions_by_clause = {id(c): mentions_in(tokens, c.tokens, entities) for c in clauses}
    all_mentions = [m for c in clauses for m in mentions_by_clause[id(c)]]
    for clause in clauses:
        mentions = mentions_by_clause[id(clause)]
        for mention in mentions:
            if mention.attached_to is not None:
                host = next((m for m in all_mentions if m.first <= mention.attached_to <= m.last
                             and m is not mention and m.entity.parent is None), None)
                mention.host_type = host.entity.type if host else None
        timexes = _timexes_in(analysis, tokens, clause)
        _learn_document_dates(tokens, timexes, mentions, context)
        for match in find_triggers(tokens, clause, blocked):
            if not _passes_gate(match, tokens, clause, mentions, timexes, words):
                continue
            events.append(_build_event(analysis, sentence, clause, match, mentions, all_mentions, timexes,
                                       context))
        _narrative_update(tokens, timexes, mentions, context)
    _share_places(events)
    return events


def _build_event(analysis: Analysis, sentence: Sentence, clause: Clause, match: TriggerMatch,
                 mentions: list[Mention], all_mentions: list[Mention], timexes: list[tuple[int, Timex]],
                 context: _DocumentContext) -> Event:
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
        if entity.type in PLACE_TYPES and _is_place(mention, words):
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
        if role is not None:
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
    timex, inherited = _choose_time(match, tokens, timexes, context, mentions)
    if timex is None:
        timex = _document_date(participants, analysis, context)
    if timex is None:
        # the narrative time is the last clause time written before the trigger (a relative clause
        # does not take the time of the main clause that resumes after it)
        before = [t for t in context.narrative if t.start < tokens[match.tokens[0]].start]
        if before:
            timex, inherited = before[-1], True
    start, end = tokens[match.tokens[0]].start, tokens[match.tokens[-1]].end
    return Event(
        id="", type=match.entry.type, trigger_start=start, trigger_end=end,
        trigger_text=analysis.document.text[start:end], sentence=(sentence.start, sentence.end),
        time=timex.value if timex else None, timex=timex.id if timex else None, time_inherited=inherited,
        places=places, participants=participants,
    )


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


def _document_date(participants: list[EventArgument], analysis: Analysis,
                   context: _DocumentContext) -> Timex | None:
    by_id = {e.id: e for e in analysis.entities}
    for participant in participants:
        entity = by_id.get(participant.entity or "")
        if entity is not None and entity.type == "DOCUMENT" and _key(entity) in context.dated:
            return context.dated[_key(entity)]
    return None


def _share_places(events: list[Event]) -> None:
    """Coordinated clauses of one sentence share their setting: "rozpoczęło pertraktacje … i dzień
    później podpisano protokół" happened in the same town."""
    for previous, event in zip(events, events[1:], strict=False):
        if not event.places and previous.places:
            event.places = [EventArgument(p.lemma, p.entity, p.role) for p in previous.places]


def annotate_events(analysis: Analysis) -> None:
    """Fill ``analysis.events`` (ids v1, v2, … in text order). Requires entities and timexes."""
    context = _DocumentContext(analysis)
    events: list[Event] = []
    for sentence in analysis.sentences:
        events.extend(_sentence_events(analysis, sentence, context))
    events.sort(key=lambda e: e.trigger_start)
    for number, event in enumerate(events, 1):
        event.id = f"v{number}"
    analysis.events = events
