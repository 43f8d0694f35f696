"""The events stage: triggers found clause by clause, with participants, places and time attached.

This module composes the units of the stage and builds the events: :mod:`kronika.events.triggers` finds the
triggers and gates them, :mod:`kronika.events.framing` drops those that tell no happening,
:mod:`kronika.events.participants` gives the roles, :mod:`kronika.events.modality` the modality,
:mod:`kronika.events.timing` the time, :mod:`kronika.events.senses` the sense. Places are place entities under a
locative preposition (*pod*, *w*, *na*, *do*, …); coordinated places share it.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from kronika.events.arguments import PLACE_TYPES, Mention, mentions_in
from kronika.events.clauses import Clause, split_clauses
from kronika.events.framing import (
    aimed_at,
    case_of,
    figure_of_plenty,
    generic,
    habitual,
    in_force,
    in_title,
    rule_or_advice,
    set_framing,
)
from kronika.events.grammar import (
    FINITE,
    chosen_case,
    chosen_pos,
    frame_phrase,
    is_finite,
    is_preposition,
    support_verb,
    tense_of,
)
from kronika.events.lexicon import TriggerEntry
from kronika.events.modality import announced, charged, hearsay, is_claimed, modality_of, scheduled
from kronika.events.participants import (
    EXPERIENCED_TYPES,
    clause_antecedent,
    is_passive,
    is_place,
    names_a_club,
    role_of,
)
from kronika.events.plausibility import event_features, load_plausibility
from kronika.events.senses import sense
from kronika.events.timing import (
    NARRATIVE_SPAN,
    DocumentContext,
    Opening,
    called_for,
    choose_time,
    date_by_description,
    document_date,
    entity_key,
    happening_ordinal_day,
    learn_document_dates,
    narrative_update,
    sentence_opens_item,
    tell_opening,
    timexes_in,
)
from kronika.events.triggers import (
    TriggerMatch,
    actor_of_noun,
    armed_genitive,
    find_triggers,
    has_auxiliary,
    one_event_per_verb_and_noun,
    passes_gate,
    subject_of_verb,
)
from kronika.lang.grammar import has_pos, lemmas_lower
from kronika.model import Analysis, Entity, Event, EventArgument, Sentence, Timex, Token

PARTICIPANT_TYPES = frozenset({"PERSON", "ORGANIZATION", "MILITARY_UNIT", "COUNTRY", "DOCUMENT"})
NAME_TYPES_WITHOUT_TRIGGERS = frozenset({"PERSON", "ORGANIZATION", "MILITARY_UNIT", "COUNTRY", "PLACE",
                                         "DOCUMENT"})
CLOCK_ON_DAY = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")  # an hour of a calendar day


def _predicate(match: TriggerMatch, tokens: list[Token], clause: Clause,
               words: dict[str, frozenset[str]]) -> int | None:
    """The verb that asserts the event: the trigger's own, else the support verb of a noun (*odbędzie
    się posiedzenie*); a noun without one is asserted by no verb of the clause."""
    if match.verbal is not None:
        return match.verbal
    support = words["occurrence"] | words["light_verb"]
    return next((i for i in clause.tokens if i not in match.tokens and support_verb(tokens[i], support)), None)


def _sentence_events(analysis: Analysis, sentence: Sentence, context: DocumentContext,
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
        clause_timexes = timexes_in(timexes, starts, tokens, clause)
        learn_document_dates(tokens, clause_timexes, mentions, context)
        matches = one_event_per_verb_and_noun(find_triggers(tokens, clause, blocked), tokens, words)
        claimed = is_claimed(clause, tokens, words, clauses)
        rumoured = hearsay(clause, clauses, tokens, words)
        for match in matches:
            if generic(match, tokens, words) or aimed_at(match, tokens, words) \
                    or figure_of_plenty(match, tokens, words) or case_of(match, tokens, words) \
                    or in_title(match, tokens, words) or in_force(match, tokens, clause_timexes, words):
                continue
            if not passes_gate(match, tokens, clause, mentions, clause_timexes, words, clauses):
                continue
            predicate = _predicate(match, tokens, clause, words)
            if habitual(predicate, tokens, clause, clause_timexes, words, analysis.document.dct) \
                    or rule_or_advice(match, tokens, clause, clause_timexes, words) \
                    or set_framing(match, predicate, tokens, clause, clause_timexes, words):
                continue
            event = _build_event(analysis, sentence, clause, match, predicate, mentions, all_mentions,
                                 clause_timexes, context, rumoured, timexes)
            if match.verbal is None and event.time_basis != "stated":
                date_by_description(event, match, tokens, clauses, timexes, starts, words)
            entry = sense(match, event, clause, tokens, mentions, all_mentions, entities, sentence_lemmas, words,
                          context.neighbour_lemmas)
            if entry is None:
                continue
            event.type, event.lemma = entry.type, entry.phrase
            if event.modality == "asserted" and (claimed or entry.type == "crime" and charged(match, tokens, words)):
                event.modality = "reported"
            elif event.modality == "asserted" and scheduled(event, predicate, tokens, clause, analysis.document.dct):
                event.modality = "future"
            events.append((event, _clause_features(match, entry, tokens, clause, predicate, context)))
        narrative_update(tokens, clause, clause_timexes, mentions, context)
    _share_places([event for event, _features in events])
    return events


def _clause_features(match: TriggerMatch, entry: TriggerEntry, tokens: list[Token], clause: Clause,
                     predicate: int | None, context: DocumentContext) -> frozenset[str]:
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
            found.add(f"verb:{tense_of(tokens[match.verbal], [tokens[i] for i in clause.tokens]) or 'other'}")
        return frozenset(found)
    noun = match.tokens[0]
    found.add("noun:supported" if predicate is not None else "noun:bare")
    case = chosen_case(tokens[noun])
    found.add(f"noun:{case if case in {'nom', 'gen', 'acc', 'loc', 'inst'} else 'other'}")
    fields = tokens[noun].chosen.tag.split(":") if tokens[noun].chosen else []
    if len(fields) > 1 and fields[1] == "pl":
        found.add("noun:plural")
    k = noun - 1
    while k >= 0 and chosen_pos(tokens[k]) in {"adj", "num"}:
        k -= 1
    if any(chosen_pos(tokens[j]) == "num" for j in range(k + 1, noun)):
        found.add("noun:counted")
    if k >= 0 and is_preposition(tokens[k]):
        found.add("noun:after_preposition")
    elif k >= 0 and chosen_pos(tokens[k]) == "subst":
        found.add("noun:of_noun")  # the attribute of another noun: "projekt ustawy", "termin wyborów"
    after = match.tokens[-1] + 1
    if after < len(tokens) and chosen_pos(tokens[after]) in {"subst", "depr"} and chosen_case(tokens[after]) == "gen":
        found.add("noun:with_genitive")
    if subject_of_verb(noun, tokens, clause):
        found.add("noun:subject")
    return frozenset(found)


def _placed_elsewhere(event_type: str, clause_lemmas: frozenset[str], mentions: list[Mention],
                      context: DocumentContext) -> bool:
    """Whether the clause puts the event away from the time of the narrative or the issue: an adverb
    like *niegdyś*, *dawniej*; or the making of a treaty the text spoke of before (*Układ ten zawarty
    został …*): the treaty existed already, so it was made at its own, earlier time."""
    words = context.words
    if clause_lemmas & words["displacement"]:
        return True
    if event_type != "treaty":
        return False
    return bool(clause_lemmas & words["treaty_noun"] & context.seen_lemmas) or any(
        m.entity.type == "DOCUMENT" and entity_key(m.entity) in context.seen_refs for m in mentions)


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
                 context: DocumentContext, rumoured: bool, sentence_timexes: list[Timex]) -> Event:
    tokens = sentence.tokens
    words = context.words
    passive = is_passive(match, tokens)
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
                and names_a_club(mention, tokens, words):
            # a town named with no preposition in a match is its club (*Bzura Ozorków*, *Wilno pokonało Kowno*),
            # and so is one in the genitive of a result (*zwycięstwem Bzury*) or after *nad*, *z* (*nad Wartą*)
            roles[k] = role_of(mention, match, tokens, passive, verb, words) or (
                "opponent" if mention.preposition in {"nad", "z"} else "participant")
            continue
        if entity.type in PLACE_TYPES and is_place(mention, words):
            if entity.parent is not None and context.entities_by_id.get(entity.parent, entity).type == "ORGANIZATION":
                continue  # the town in a club's or a society's name (*Bzura Ozorków*) is no setting
            if not any(p.entity == entity.id for p in places):
                places.append(EventArgument(entity.lemma, entity.id))
            continue
        if entity.type not in PARTICIPANT_TYPES or entity.parent is not None:
            continue
        roles[k] = role_of(mention, match, tokens, passive, verb, words)
    for k, mention in enumerate(mentions):
        if k in roles and roles[k] is None and mention.coordinated_with is not None:
            partner = mentions.index(mention.coordinated_with)
            roles[k] = roles.get(partner)
    for k, role in roles.items():
        # a name repeated in the clause is one participant (*Zgon dr. X Wczoraj zmarła … dr. X*)
        if role is not None and not any(p.lemma == mentions[k].entity.lemma and p.role == role for p in participants):
            participants.append(EventArgument(mentions[k].entity.lemma, mentions[k].entity.id, role))
    antecedent = clause_antecedent(clause, all_mentions, tokens)
    if antecedent is not None:
        entity = antecedent.entity
        if entity.type == "PLACE":
            places.append(EventArgument(entity.lemma, entity.id))
        elif entity.type in PARTICIPANT_TYPES:
            has_agent = any(p.role == "agent" for p in participants)
            # who dies undergoes the death (*poseł, który zmarł*), as the subject does in the main clause
            role = "patient" if passive or has_agent or entity.type == "DOCUMENT" \
                or match.entry.type in EXPERIENCED_TYPES else "agent"
            participants.append(EventArgument(entity.lemma, entity.id, role))
    modality = modality_of(match, tokens, clause, predicate, rumoured, words)
    # a participle standing as an attribute ("straceni …, skazani przez sąd wojenny") tells an event of
    # its own, earlier or later: the clause's time is not its time
    attribute = match.verb_forms(tokens) == {"ppas"} and not has_auxiliary(match.verbal, tokens, clause, words)
    own = [(first, t) for first, t in timexes if abs(first - (match.verbal or 0)) <= 2]  # "podpisany dziś"
    if match.verbal is None and announced(match, tokens, clause, words):
        # a happening called or invited to is dated by the time it is called for, after it with "na" ("zwołał
        # zjazd na 15 maja", "wybory na dzień 6 listopada"), not by the day of the calling or of the invitation
        # ("wczoraj doręczono zaproszenia na zjazd", "doręczono pismo zapraszające na kongres dnia 20 b. m.")
        own, attribute = [(first, t) for first, t in timexes if first > match.tokens[-1]
                          and called_for(tokens, first)], True
    timex, inherited = choose_time(match, tokens, own if attribute else timexes, context, mentions, clause)
    basis = "stated" if timex else None
    time = timex.value if timex else None
    if timex is None:
        timex = document_date(participants, context)
        basis = "document" if timex else None
        time = timex.value if timex else None
    # only what happened (or is said to have happened) takes a time from the narrative or the issue
    # so does a noun no verb of the clause tells, named by its actor: "odpowiedź na przemówienie Stresemanna",
    # "udział w walkach powstańców" refer to happenings known from before, at no time the clause gives
    earlier = match.verbal is None and (
        frame_phrase(tokens, match.tokens[0], words) == "before" or predicate is None and (
            actor_of_noun(match.tokens[0], tokens, mentions) or armed_genitive(match.tokens[0], tokens, words)))
    if timex is None and modality in {"asserted", "reported"} and not attribute and not earlier \
            and not _placed_elsewhere(match.entry.type, clause.lemma_set(tokens), mentions, context) \
            and not _span_after(tokens, timexes):
        tense = tense_of(tokens[predicate] if predicate is not None else None, [tokens[i] for i in clause.tokens])
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
            # the date, only while the text has told of no other day before the event; for a past
            # event, only in a report of the days around its issue, and not one set "then" (wówczas)
            time, inherited, basis = dct, True, "issue"
    start, end = tokens[match.tokens[0]].start, tokens[match.tokens[-1]].end
    return Event(
        id="", type=match.entry.type, trigger_start=start, trigger_end=end,
        trigger_text=analysis.document.text[start:end], sentence=(sentence.start, sentence.end),
        time=time, timex=timex.id or None if timex else None, time_inherited=inherited,
        time_basis=basis, modality=modality, lemma=match.entry.phrase, places=places, participants=participants,
    )


def _share_places(events: list[Event]) -> None:
    """Coordinated clauses of one sentence share their setting: "rozpoczęło pertraktacje … i dzień
    później podpisano protokół" happened in the same town."""
    for previous, event in zip(events, events[1:], strict=False):
        if not event.places and previous.places:
            event.places = [EventArgument(p.lemma, p.entity, p.role) for p in previous.places]


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
    context = DocumentContext(analysis)
    candidates: list[tuple[Event, frozenset[str]]] = []
    entities = sorted(analysis.entities, key=lambda e: e.start)
    entity_starts = [e.start for e in entities]
    timexes = sorted(analysis.timexes, key=lambda t: t.start)
    timex_starts = [t.start for t in timexes]
    words = context.words
    opening: list[Opening] = []  # events of the current item's opening words its notice has not told yet
    item_first = True  # the sentence opens an item: the text's first, a heading or the one after it, or led by a dash
    for number, sentence in enumerate(analysis.sentences):
        context.sentence_number = number
        verbless = not any(is_finite(t, sentence.tokens[i - 1] if i else None) for i, t in enumerate(sentence.tokens))
        opens_an_item = sentence_opens_item(sentence.tokens, verbless)
        if any(t.text == ":" for t in sentence.tokens) and any(lemmas_lower(t) & words["report_verb"]
                                                               for t in sentence.tokens):
            context.forget_times()  # "Biuro Havasa donosi z Londynu:" opens another report
        elif opens_an_item:
            # "— Odbył się zjazd", "Z kraju.": no time carries into another notice of the column (but a
            # dateline's does: "WIEDEŃ. 17.II. (Pat.)."), and the date stays as doubtful as the
            # column made it
            context.narrative[:] = [told for told in context.narrative if told[1] in context.verbless]
            context.happening_day = None
        if verbless:
            context.verbless.add(number)
        in_sentence = entities[bisect_left(entity_starts, sentence.start):bisect_left(entity_starts, sentence.end)]
        ordinal_day = happening_ordinal_day(sentence.tokens)
        if ordinal_day is not None:
            context.move_to_day(*ordinal_day)
        sentence_timexes = [context.on_happening_day(t) for t in
                            timexes[bisect_left(timex_starts, sentence.start):bisect_left(timex_starts, sentence.end)]]
        found = _sentence_events(analysis, sentence, context, in_sentence, sentence_timexes)
        if opens_an_item:
            opening, item_first = [], True
        opening = tell_opening([o for o in opening if number - o.sentence <= NARRATIVE_SPAN],
                               [event for event, _features in found], number, analysis.document.dct)
        if item_first:
            opening.extend(Opening(event, number, verbless) for event, _features in found)
        item_first = opens_an_item and verbless
        candidates.extend(found)
        for token in sentence.tokens:
            context.seen_lemmas.update(lemmas_lower(token))
        context.seen_refs.update(entity_key(e) for e in in_sentence)
    candidates.sort(key=lambda c: c[0].trigger_start)
    return [(event, event_features(event, features)) for event, features in candidates]
