"""Participants: the role a mention plays for a trigger, from Polish case and prepositions.

A nominative subject agreeing with the verb is the agent (the patient in a passive), *przez* + accusative in a
passive is the agent, *z* + instrumental the opponent, an accusative object the patient, a genitive person after
a unit its commander.
"""

from __future__ import annotations

from kronika.events.arguments import Mention
from kronika.events.clauses import RELATIVE_PRONOUNS, Clause
from kronika.events.grammar import chosen_pos, is_preposition
from kronika.events.triggers import TriggerMatch
from kronika.lang.grammar import NOMINAL, cases, has_pos, lemmas_lower, number_gender, subject_agrees
from kronika.model import Token

# happenings whose noun's genitive names who undergoes them, not who does them
UNDERGONE_TYPES = frozenset({"arrest", "search", "deportation", "mass_killing", "crime", "trial", "death", "funeral",
                             "appointment", "election", "defense", "construction", "fire", "flood", "disaster",
                             "accident", "capitulation"})
# happenings whose subject undergoes them: no one does a death
EXPERIENCED_TYPES = frozenset({"death"})
HOSTILE_TYPES = frozenset({"battle", "invasion"})


def role_of(mention: Mention, match: TriggerMatch, tokens: list[Token], passive: bool, verb: Token | None,
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
        # the agent of the nearest passive or verbal noun before it: "pochowano więźniów rozstrzelanych przez
        # Gestapo", "po zajęciu miasta przez Niemców aresztowano" (the Germans took the town, no one says who arrested)
        host = next((k for k in range(j - 1, max(-1, j - 8), -1) if k in match.tokens
                     or chosen_pos(tokens[k]) in {"ppas", "ger"}), None)
        if host is not None and host not in match.tokens:
            return None
        if match.verbal is None:
            # a verbal noun's agent follows its object in the genitive: "zajęcie miasta przez Niemców" ("przejście
            # przez Niemcy" is a way)
            return "agent" if host is not None and any(
                "gen" in cases(tokens[k]) and has_pos(tokens[k], NOMINAL) for k in range(host + 1, j)) else None
        return "agent" if passive else None
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


def is_passive(match: TriggerMatch, tokens: list[Token]) -> bool:
    forms = match.verb_forms(tokens)
    return "imps" in forms or "ppas" in forms and not forms & {"fin", "praet"}


def names_a_club(mention: Mention, tokens: list[Token], words: dict[str, frozenset[str]]) -> bool:
    """A town in a match that names its club: with no preposition, standing alone or in the genitive of a
    result or a word of sport (*zwycięstwem Bzury*, *drużyna Warty*), or an instrumental after *nad* or *z*
    (*zwycięstwo nad Pogonią*, *mecz z Wartą*; *z Wilna*, a genitive, is where from)."""
    if mention.preposition is None:
        return mention.attached_to is None or bool(
            lemmas_lower(tokens[mention.attached_to]) & (words["sports"] | words["result"]))
    return mention.preposition in {"nad", "z"} and "inst" in mention.cases


def is_place(mention: Mention, words: dict[str, frozenset[str]]) -> bool:
    if mention.preposition in words["place_prep"]:
        if mention.preposition == "z":
            return "gen" in mention.cases or not mention.cases
        return mention.preposition != "przez" or mention.entity.type == "PLACE"
    # a town named without a preposition is still where things happened ("broniło się Wilno",
    # "dowództwo obrony Lwowa"); a country so named is an actor ("Niemcy podpisały")
    return mention.entity.type == "PLACE"


def clause_antecedent(clause: Clause, all_mentions: list[Mention], tokens: list[Token]) -> Mention | None:
    """The entity a relative clause's *który* refers to: the mention right before its comma, when the
    pronoun agrees with it in number and gender (*obywateli …, którzy*, not *Rzeczypospolitej*); a clause opened
    by a conjunction has none (*powiedział agencji Reuters, że bojownicy zaatakowali*: Reuters attacked nothing)."""
    if clause.relative is None or clause.antecedent is None \
            or not lemmas_lower(tokens[clause.relative]) & RELATIVE_PRONOUNS:
        return None
    mention = next((m for m in all_mentions if m.last == clause.antecedent and m.entity.parent is None), None)
    if mention is None:
        return None
    pronoun = number_gender(tokens[clause.relative])
    noun = number_gender(tokens[_head(mention, tokens)])
    return mention if not pronoun or not noun or pronoun & noun else None
