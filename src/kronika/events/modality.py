"""Modality: whether a clause asserts its event, negates it, plans it, reports it or only supposes it."""

from __future__ import annotations

import re

from kronika.events.clauses import RELATIVE_PRONOUNS, Clause
from kronika.events.grammar import (
    FINITE,
    chosen_case,
    chosen_lemma,
    chosen_pos,
    frame_phrase,
    governed_by_preposition,
    is_finite,
    preposition_before,
    tense_of,
)
from kronika.events.triggers import SETTING_PREPOSITIONS, TriggerMatch, has_auxiliary, threatened
from kronika.lang.grammar import cases, has_pos, lemmas_lower, subject_agrees
from kronika.model import Event, Token

CALLED_TYPES = frozenset({"election", "meeting", "sports"})  # happenings one calls before they happen
CONDITIONAL_ENDING = re.compile(r"(?:by|bym|byś|byśmy|byście)$")  # the conditional mood: "skończyłby"
DAY_VALUE = re.compile(r"\d{4}(?:-\d\d){0,2}(?:T|$)")  # a calendar year, month or day (not a week, a season)


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


def hearsay(clause: Clause, clauses: list[Clause], tokens: list[Token], words: dict[str, frozenset[str]]) -> bool:
    """A word of hearsay (*podobno*, *słychać*) in the clause or in one its statement depends on: not in a clause
    coordinated with it (*podobno minister wyjechał, a sejm uchwalił ustawę* reports only the journey) nor in a
    relative clause on one of its nouns (*dom, który podobno spłonął, odbudowano*); *jak słychać, aresztowano*,
    *słychać, że wojsko wkroczyło* report the arrest and the entry."""
    if clause.lemma_set(tokens) & words["rumour"]:
        return True
    for other in clauses:
        if other is clause or not other.lemma_set(tokens) & words["rumour"]:
            continue
        if other.relative is not None and lemmas_lower(tokens[other.relative]) & RELATIVE_PRONOUNS:
            continue
        later = max(other, clause, key=lambda c: c.tokens[0])
        opener = [k for k in (later.tokens[0] - 1, later.tokens[0]) if k >= 0]
        if other.kind == clause.kind == "main" and any(lemmas_lower(tokens[k]) & words["coordinator"]
                                                       for k in opener):
            continue
        return True
    return False


def modality_of(match: TriggerMatch, tokens: list[Token], clause: Clause, predicate: int | None,
                rumoured: bool, words: dict[str, frozenset[str]]) -> str:
    """Whether the clause tells the event as a fact: "asserted", or "negated", "reported" (hearsay: ``rumoured``,
    see ``hearsay``), "conditional", "future", "possible" (a modal or an infinitive)."""
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
    if match.verb_forms(tokens) == {"ppas"} and not has_auxiliary(match.verbal, tokens, clause, words):
        return "reported" if rumoured else "asserted"
    # a framed happening is taken as known: the clause's negation is not its own (its future is: *mecz
    # odbędzie się po meczu z Litwą* tells of two matches to come)
    if match.verbal is None and frame_phrase(tokens, match.tokens[0], words) is not None:
        if rumoured:
            return "reported"
        planned = governing is not None and (
            lemmas_lower(tokens[governing]) & words["intention"]
            or tense_of(tokens[governing], [tokens[i] for i in clause.tokens]) == "future")
        return "future" if planned else "asserted"
    # a happening that is the subject of a verb other than one of existence is presupposed by it: the verb's
    # negation or modal is not the happening's (*pożar nie wpłynął na ruch*, *powódź może przerwać
    # komunikację*); its mood and tense still are (*wojna zniszczyłaby*, *zjazd uchwali*)
    presupposed = match.verbal is None and governing is not None \
        and _presupposed_subject(match.tokens[0], governing, tokens, clause, words)
    setting = match.verbal is None and governing is not None and _setting(match.tokens[0], governing, tokens, words)
    if not (presupposed or setting) and (predicate is not None and _negated(tokens, predicate, words)
                            or non_finite and governing is not None and _negated(tokens, governing, words)):
        return "negated"
    if match.verbal is None and _called_off(match.tokens[0], tokens, clause, words):
        return "negated"
    if rumoured:
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
    if threatened(match, tokens, clause, words):
        return "possible"  # "związki grożą strajkiem", "zagroził zerwaniem stosunków": only threatened
    if match.verbal is None and _supposed_case(tokens, match.tokens[0], words):
        return "conditional"
    # so is what the clause's verb tells after one: "w razie strajku rząd ogłosi stan wyjątkowy"
    if match.verbal is not None and any(k < match.verbal and lemmas_lower(tokens[k]) & words["case_noun"]
                                        and preposition_before(tokens, k, frozenset({"w", "na"}))
                                        and _genitive_after(tokens, k) for k in clause.tokens):
        return "conditional"
    clause_tokens = [tokens[i] for i in clause.tokens]
    # a happening announced or planned that its own verb says took place did: "zapowiedziany strajk wybuchł"
    took_place = any(chosen_lemma(tokens[i]) & words["existence"] and chosen_pos(tokens[i]) in FINITE
                     and tense_of(tokens[i], clause_tokens) == "past" for i in clause.tokens if i not in match.tokens)
    if match.verbal is None and not took_place and announced(match, tokens, clause, words):
        return "future"
    if predicate is not None and tense_of(tokens[predicate], clause_tokens) == "future":
        return "future"
    if match.verbal is None and predicate is None and governing is not None and governing < match.tokens[0] \
            and tense_of(tokens[governing], clause_tokens) == "future":
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
        if governing_lemmas & words["implicative"] and tense_of(tokens[governing], clause_tokens) == "past":
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
        if not (chosen_lemma(tokens[verb]) & words["cancellation"]
                and chosen_pos(tokens[verb]) in FINITE | {"ppas", "inf", "imps"}):
            continue
        if any(tokens[k].text.lower() == "się" for k in (verb - 1, verb + 1) if k in clause.tokens):
            continue
        between = range(min(noun, verb) + 1, max(noun, verb))
        if noun > verb:
            if all(chosen_pos(tokens[k]) in {"adj", "num", "part", "adv", "ppas"} for k in between):
                return True
        elif not any(chosen_pos(tokens[k]) in {"interp", "subst", "conj", "comp"} and not governed_by_preposition(
                tokens, k) for k in between):
            return True
    return False


def _presupposed_subject(noun: int, governing: int, tokens: list[Token], clause: Clause,
                         words: dict[str, frozenset[str]]) -> bool:
    """The event noun is the nominative subject of the clause's finite verb, and neither that verb nor an
    infinitive or participle it governs says that the happening took place or performs it (*pożar nie
    wybuchł* denies the fire, *pertraktacje nie mogą być prowadzone* the negotiations)."""
    if noun == governing or chosen_case(tokens[noun]) != "nom" or not subject_agrees(tokens[governing], tokens[noun]):
        return False
    chain = [governing] + [i for i in clause.tokens if i > governing and has_pos(tokens[i], {"inf", "ppas"})]
    return not any(lemmas_lower(tokens[i]) & (words["existence"] | words["light_verb"]) for i in chain)


def _setting(noun: int, governing: int, tokens: list[Token], words: dict[str, frozenset[str]]) -> bool:
    """The event noun in the locative after a preposition is the setting of what the clause tells, which the
    clause's negation does not deny (*nie zdobyli poparcia w głosowaniu*, *nie był obecny na zebraniu*), unless its
    verb tells the happening itself (*na zebraniu nie doszło do zgody* denies no meeting, but the verb is one)."""
    return chosen_case(tokens[noun]) == "loc" and preposition_before(tokens, noun, SETTING_PREPOSITIONS) \
        and not lemmas_lower(tokens[governing]) & (words["existence"] | words["light_verb"])


def scheduled(event: Event, predicate: int | None, tokens: list[Token], clause: Clause, dct: str | None) -> bool:
    """A verb of the present with a stated time after the issue's day tells a planned happening, not one
    taking place (*jutro odbywa się zjazd*, *15 czerwca rozpoczynają się wybory*): the present of a
    timetable."""
    if not dct or event.time_basis != "stated" or not event.time or not DAY_VALUE.match(event.time) \
            or event.time[:10] <= dct[:10]:
        return False
    if predicate is None:  # a noun no support verb tells: the clause's own verb (*jutro jest zebranie*)
        predicate = next((i for i in clause.tokens if is_finite(tokens[i], tokens[i - 1] if i else None)), None)
    return predicate is not None and tense_of(tokens[predicate], [tokens[i] for i in clause.tokens]) == "present"


def _supposed_case(tokens: list[Token], noun: int, words: dict[str, frozenset[str]]) -> bool:
    """An event noun after a compound preposition of condition is only supposed: *w razie wojny*,
    *na wypadek zamachów*."""
    k = noun - 1
    while k >= 0 and chosen_pos(tokens[k]) in {"adj", "num"}:
        k -= 1
    return k > 0 and bool(lemmas_lower(tokens[k]) & words["case_noun"]) \
        and preposition_before(tokens, k, frozenset({"w", "na"}))


def _genitive_after(tokens: list[Token], k: int) -> bool:
    """A common noun in the genitive right after the word, over adjectives: what *w razie*, *na wypadek* suppose
    (*w wypadku samochodowym* supposes nothing)."""
    k += 1
    while k < len(tokens) and chosen_pos(tokens[k]) == "adj":
        k += 1
    return k < len(tokens) and chosen_pos(tokens[k]) in {"subst", "depr", "ger"} and "gen" in cases(tokens[k]) \
        and tokens[k].text.islower()  # *w przypadku Hiszpanii* is "as for Spain"


def announced(match: TriggerMatch, tokens: list[Token], clause: Clause, words: dict[str, frozenset[str]]) -> bool:
    """An event noun that a verb of calling or inviting governs, or an adjective of the future modifies,
    is still to come: *zarządził wybory*, *pismo zapraszające na kongres*, *przyszłe wybory*; so is a vote,
    a meeting or a match called (*ogłosiło wybory*, *zwołał zjazd*; an *ogłoszone orędzie* is said)."""
    noun = match.tokens[0]
    if chosen_case(tokens[noun]) == "loc" and governed_by_preposition(tokens, noun):
        return False  # where it was announced: *zapowiedział w przemówieniu podatki*, *na posiedzeniu*
    announcing = words["announcement"] | (words["calling"] if match.entry.type in CALLED_TYPES else frozenset())
    # the happening one is invited or called to, with "na", however far its verb stands (*zapraszają
    # wszystkich sympatyków na mecze*)
    modified = noun  # the window opens before the noun's modifiers (*zapowiedziany jest 5-minutowy strajk*)
    while modified > 0 and (chosen_pos(tokens[modified - 1]) in {"adj", "num", "dig"}
                            or tokens[modified - 1].text == "-"):
        modified -= 1
    start = clause.tokens[0] if preposition_before(tokens, noun, frozenset({"na"})) else modified - 3
    # the word as the tagger reads it: *przyszli na obrady* (they came) is no *przyszły* (future)
    return any(chosen_lemma(tokens[k]) & announcing for k in range(max(0, start), noun) if k in clause.tokens)


def is_claimed(clause: Clause, tokens: list[Token], words: dict[str, frozenset[str]],
               clauses: list[Clause]) -> bool:
    """A *że* clause after a verb of claiming (*twierdzą, że*; *starał się przekonać …, że*): what it
    tells is someone's claim; so is a subordinate clause coordinated with one (*twierdził, że fałszował rachunki
    i przywłaszczał pieniądze*)."""
    start = clause.tokens[0]
    if clause.kind == "subordinate" and any(lemmas_lower(tokens[k]) & words["coordinator"]
                                            for k in (start - 1, start) if k >= 0):
        before = [c for c in clauses if c.tokens[-1] < start and c.kind == "subordinate"]
        if before and is_claimed(max(before, key=lambda c: c.tokens[-1]), tokens, words, clauses):
            return True
    opener = start if tokens[start].text.lower() == "że" else start + 1
    if opener >= len(tokens) or tokens[opener].text.lower() != "że":
        return False
    return any(lemmas_lower(tokens[k]) & words["claim"] for k in range(max(0, opener - 6), opener))


def charged(match: TriggerMatch, tokens: list[Token], words: dict[str, frozenset[str]]) -> bool:
    """A crime named after *o* that a word of charging governs is a charge, no fact: *oskarżony o
    sprzeniewierzenie*, *podejrzany o kradzież*, *zarzut o fałszerstwo*."""
    first = match.tokens[0]
    if first == 0 or tokens[first - 1].text.lower() != "o":
        return False
    return any(lemmas_lower(tokens[k]) & words["charge"] for k in range(max(0, first - 4), first - 1))
