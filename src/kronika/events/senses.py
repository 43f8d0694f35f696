"""Senses: which lexicon row of a trigger the clause means (*wygrać wybory* an election, *wygrać mecz* a match),
or none when the clause uses the word for no happening (a figurative object, a thing, a penalty).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from kronika.events.arguments import PLACE_TYPES, Mention
from kronika.events.clauses import Clause
from kronika.events.grammar import (
    FINITE,
    chosen_case,
    chosen_gender,
    chosen_number,
    chosen_pos,
    governed_by_preposition,
    is_preposition,
    support_verb,
)
from kronika.events.lexicon import TriggerEntry, load_function_words
from kronika.events.participants import clause_antecedent, is_place
from kronika.events.triggers import ACTOR_TYPES, TriggerMatch
from kronika.lang.grammar import NOMINAL, cases, has_pos, lemmas_lower, number_gender, subject_agrees
from kronika.model import Entity, Event, Token

SCORE = re.compile(r"\d{1,2}:\d{1,2}")  # a match result, "3:1"
ROMAN_ORDINAL = re.compile(r"[IVX]+")  # an ordinal in Roman numerals before its noun: "I nagroda"


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
    antecedent = clause_antecedent(clause, all_mentions, tokens)  # "w Poznaniu, który został zajęty"
    if antecedent is not None and antecedent.entity.type in PLACE_TYPES:
        return True
    # the trigger's own words are no party (*przekroczyć granicę*)
    return any(lemmas_lower(tokens[i]) & words["place_head"] and cases(tokens[i]) & {"nom", "acc"}
               and not any(is_preposition(tokens[k]) for k in range(max(0, i - 2), i))
               for i in clause.tokens if i not in match_tokens)


def sense(match: TriggerMatch, event: Event, clause: Clause, tokens: list[Token], mentions: list[Mention],
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
        if entry.condition == "sports" and not (sentence_lemmas & words["sports"] or _score(tokens)):
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
        if entry.condition == "mishap" and chosen_number(tokens[match.tokens[0]]) == "pl" \
                and not sentence_lemmas & (words["vehicle"] | words["harm"]):
            continue
        if entry.condition == "perpetrator" and not clause.lemma_set(tokens) & words["perpetrator"]:
            continue
        if entry.condition in {"speaker", "stance"} and not _speaker(match, tokens, clause, mentions, words):
            continue
        # a claim is a statement made only in the past; in the present it is an opinion held (*eksperci twierdzą*)
        if entry.condition == "stance" and "praet" not in match.verb_forms(tokens):
            continue
        if entry.condition == "inquiry" and sentence_lemmas & words["medical"]:
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
        if entry.condition == "returning" and not any(m.entity.type in PLACE_TYPES and is_place(m, words)
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
                and not governed_by_preposition(tokens, match.tokens[0])
                and any(support_verb(tokens[i], words["light_verb"]) for i in clause.tokens)):
            continue
        if entry.condition == "founded" and not _founds_institution(match, tokens, words):
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
        if entry.condition == "document" and not _between_states(clause, tokens, entities, sentence_lemmas, words):
            continue
        return entry
    return None


def _won_object(match: TriggerMatch, tokens: list[Token], clause: Clause, words: dict[str, frozenset[str]]) -> bool:
    """The verb's object, a noun right after it (over adjectives, numerals, a Roman ordinal and pronouns) or right
    before it, is a thing won, held or ranked, or a way covered, which no arms take: *zdobyła czwartą nagrodę*,
    *zdobyła I nagrodę*, *zajmuje piąte miejsce*, *drugie miejsce zajmuje partia*, *pokonali trasę*."""
    if match.verbal is None:
        return False
    after = match.tokens[-1] + 1
    while after in clause.tokens and (chosen_pos(tokens[after]) in {"adj", "num", "part", "adv"}
                                      or ROMAN_ORDINAL.fullmatch(tokens[after].text)):
        after += 1
    before = match.tokens[0] - 1
    won = words["prize"] | words["distance"]
    # the relative pronoun in the object's case stands for its noun: *trasą, jaką pokonał generał*
    antecedent = _relative_antecedent(clause, tokens, {"acc", "gen"})
    return any(k in clause.tokens and lemmas_lower(tokens[k]) & won and cases(tokens[k]) & {"acc", "gen"}
               for k in (after, before)) or antecedent is not None and bool(lemmas_lower(tokens[antecedent]) & won)


def _relative_antecedent(clause: Clause, tokens: list[Token], pronoun_cases: set[str]) -> int | None:
    """The noun a relative clause's pronoun stands for, when the pronoun (*który*, *jaki*) is in one of
    ``pronoun_cases`` and agrees with the noun before the clause's comma in number and gender: the antecedent
    plays the pronoun's part in the clause, whatever its own case (*samolotu, który uderzył*: the plane struck)."""
    if clause.relative is None or clause.antecedent is None \
            or chosen_pos(tokens[clause.antecedent]) not in {"subst", "depr"} \
            or not cases(tokens[clause.relative], ("adj",)) & pronoun_cases \
            or clause.relative != clause.tokens[0]:
        return None  # a preposition before the pronoun (*w którym*) makes it no subject nor object
    pronoun, noun = number_gender(tokens[clause.relative]), number_gender(tokens[clause.antecedent])
    return clause.antecedent if pronoun & noun else None


def _between_states(clause: Clause, tokens: list[Token], entities: list[Entity], sentence_lemmas: frozenset[str],
                    words: dict[str, frozenset[str]]) -> bool:
    """A treaty is concluded by states or governments: a document's name or a treaty noun of the clause no
    private agreement names (*traktat*, *rozejm*), or a country or a word of a state party in the sentence (*rząd
    podpisał umowę*); a contract between persons or firms is none (*firma podpisała umowę najmu*)."""
    nouns = [i for i in clause.tokens if lemmas_lower(tokens[i]) & words["treaty_noun"]]
    return not nouns or any(not lemmas_lower(tokens[i]) & words["contract"] for i in nouns) \
        or any(e.type == "COUNTRY" for e in entities) or bool(sentence_lemmas & words["state_party"])


def _score(tokens: list[Token]) -> bool:
    """A match result in the sentence, its colon written close or spaced: *3:1*, *2: 0*."""
    return any(SCORE.fullmatch(t.text) for t in tokens) or any(
        a.text.isdigit() and colon.text == ":" and b.text.isdigit() and len(a.text) <= 2 and len(b.text) <= 2
        for a, colon, b in zip(tokens, tokens[1:], tokens[2:], strict=False))


def _founds_institution(match: TriggerMatch, tokens: list[Token], words: dict[str, frozenset[str]]) -> bool:
    """A verb of founding sets up a body: a word of the class "institution" among the few words after it (*założył
    firmę wysyłkową*, *powołano szkołę*), or, for a participle, the noun it qualifies right before it (*Fundacji
    założonej w latach 90.*); *założył okulary*, *stworzył warunki* found nothing."""
    if match.verb_forms(tokens) == {"ppas"}:
        near = range(max(0, match.tokens[0] - 2), match.tokens[0])  # *nagrody ufundowanej przez firmę* founds none
    else:
        near = range(match.tokens[-1] + 1, min(match.tokens[-1] + 5, len(tokens)))
    return any(lemmas_lower(tokens[k]) & words["institution"] for k in near)


def _blow(match: TriggerMatch, tokens: list[Token], clause: Clause, words: dict[str, frozenset[str]]) -> bool:
    """The verb strikes a part of the body (*w* and a noun of the class "body" after it): a blow to a
    person, no fight, whoever strikes (*żołnierz uderzył kolegę w twarz*)."""
    return match.verbal is not None and any(
        tokens[k - 1].text.lower() == "w" and lemmas_lower(tokens[k]) & words["body"] and "acc" in cases(tokens[k])
        for k in clause.tokens if k > match.tokens[-1])


def _vehicle(clause: Clause, tokens: list[Token], words: dict[str, frozenset[str]]) -> bool:
    """A vehicle or its driver strikes or runs into something: one is the clause's subject (a nominative, or the
    noun a nominative relative pronoun stands for), or one is named in a clause with no armed party (*kierowca
    samochodu*, *najechał na wóz*)."""
    vehicles = [k for k in clause.tokens if lemmas_lower(tokens[k]) & words["vehicle"]]
    subject = _relative_antecedent(clause, tokens, {"nom"})  # *autobusu, który uderzył w drzewo*
    return any("nom" in cases(tokens[k]) for k in vehicles) \
        or bool(vehicles) and not clause.lemma_set(tokens) & words["armed"] \
        or subject is not None and bool(lemmas_lower(tokens[subject]) & words["vehicle"])


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
            and clause.antecedent is not None and chosen_pos(tokens[clause.antecedent]) in {"subst", "depr"} \
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
        if k in match.tokens or chosen_pos(tokens[k]) not in {"subst", "depr"} \
                or any(m.first <= k <= m.last for m in mentions):
            continue
        before = k - 1  # over adjectives and an abbreviation's full stop (*6 tys. samochodów*)
        while before >= 0 and (chosen_pos(tokens[before]) == "adj" or tokens[before].text == "."):
            before -= 1
        if before >= 0 and is_preposition(tokens[before]):
            continue
        if "nom" in cases(tokens[k], ("subst", "depr")) and subject_agrees(verb, tokens[k]):
            found.append(k)
        elif neuter and "gen" in cases(tokens[k]) and before >= 0 \
                and chosen_pos(tokens[before]) in {"num", "dig", "brev"}:
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
        if chosen_pos(tokens[k]) in {"subst", "adj"} and "gen" in cases(tokens[k], ("subst", "adj")) \
                and tokens[k].chosen.tag.split(":")[1] == "pl" and not any(m.first <= k <= m.last for m in mentions) \
                and not (before and (is_preposition(before) or chosen_pos(before) in {"num", "dig", "subst"})):
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
               and chosen_pos(tokens[k]) in {"subst", "depr"} and cases(tokens[k]) & {"acc", "gen"}
               and not _after_preposition(tokens, k)]
    after = [k for k in objects if k > match.tokens[-1]]
    first = after[0] if after else objects[0] if objects else None
    return first is not None and _thing(tokens[first], words) and chosen_gender(tokens[first]) != "m1"


def _after_preposition(tokens: list[Token], noun: int) -> bool:
    """A preposition right before the noun, over its adjectives and numerals (*do kontroli*, not *kontroli forda*)."""
    k = noun - 1
    while k >= 0 and chosen_pos(tokens[k]) in {"adj", "num"}:
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
        while before >= 0 and chosen_pos(tokens[before]) == "adj":
            before -= 1
        if not governed_by_preposition(tokens, k) or tokens[before].text.lower() == "przez":
            return True
    return False


def _people(match: TriggerMatch, tokens: list[Token], clause: Clause, mentions: list[Mention],
            words: dict[str, frozenset[str]]) -> bool:
    """What is carted away is people: a person named, a noun of the class "people", or a noun, pronoun or the
    verb's own passive participle of the masculine personal gender (*wywieziono mieszkańców*, *zostali
    wywiezieni*); things carted away (*wywieźli obrazy*) are no deportation."""
    if any(m.entity.type == "PERSON" for m in mentions) or clause.lemma_set(tokens) & words["people"]:
        return True
    if match.verb_forms(tokens) == {"ppas"} and chosen_gender(tokens[match.verbal]) == "m1":
        return True
    # the agents of a finite verb are masculine personal too: only a noun after the verb is what it carts away
    return any(chosen_pos(tokens[k]) in {"subst", "depr", "ppron3"} and chosen_gender(tokens[k]) == "m1"
               and chosen_case(tokens[k]) in {"acc", "gen"} for k in clause.tokens if k > match.tokens[-1])


def _speaker(match: TriggerMatch, tokens: list[Token], clause: Clause, mentions: list[Mention],
             words: dict[str, frozenset[str]]) -> bool:
    """A statement is made by a person or a body: a common noun found as the verb's subject of a masculine
    non-personal or the neuter gender names a thing, which says nothing (*obraz przypomina*, *dane twierdzą*),
    unless it is a word of people or bodies (*ministerstwo zapowiedziało*); a feminine noun may be either
    (*dyrekcja zapowiedziała*). With no such noun the subject is a name, a pronoun or left out. A passive
    participle tells what was said, no statement (*zapowiedziana wizyta*, *projekt zostanie wniesiony*)."""
    if match.verb_forms(tokens) == {"ppas"}:
        return False
    speakers = words["people"] | words["institution"] | words["office"] | words["state_party"] | words["court"] \
        | words["police"]
    subjects = _subjects(match, tokens, clause, mentions)
    return not subjects or any(chosen_gender(tokens[k]) in {"m1", "f"} or lemmas_lower(tokens[k]) & speakers
                               for k in subjects)


def _signed_law(match: TriggerMatch, tokens: list[Token], clause: Clause, words: dict[str, frozenset[str]]) -> bool:
    """The verb's object, a noun after it in the accusative (over adjectives, numerals and pronouns), is a law or
    a regulation: signing it enacts it (*prezydent podpisał nowelizację ustawy*)."""
    k = match.tokens[-1] + 1
    while k in clause.tokens and chosen_pos(tokens[k]) in {"adj", "num", "part", "adv"}:
        k += 1
    return k in clause.tokens and bool(lemmas_lower(tokens[k]) & words["law"]) and "acc" in cases(tokens[k])


def _figurative_object(match: TriggerMatch, tokens: list[Token], clause: Clause, mentions: list[Mention],
                       words: dict[str, frozenset[str]]) -> bool:
    """What is defended or resisted, a common noun right after the trigger (over adjectives and
    pronouns), is no place, unit, person or thing arms hold: *bronić idei*, *stawiać opór germanizacji*."""
    k = match.tokens[-1] + 1
    while k in clause.tokens and chosen_pos(tokens[k]) in {"adj", "part"}:
        k += 1
    if k not in clause.tokens or chosen_pos(tokens[k]) != "subst" \
            or not cases(tokens[k]) & {"gen", "dat", "acc"} or any(m.first <= k <= m.last for m in mentions):
        return False
    return not lemmas_lower(tokens[k]) & (words["armed"] | words["place_head"] | words["defended"])


def _one_person_undergoes(event: Event, entities: list[Entity]) -> bool:
    """The happening's only patient is one named person (*rozstrzelanie Jarossyego*)."""
    persons = {e.id for e in entities if e.type == "PERSON"}
    patients = [p for p in event.participants if p.role == "patient"]
    return len(patients) == 1 and patients[0].entity in persons


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
