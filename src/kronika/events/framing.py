"""Framings that tell no happening: a generic or habitual statement, a rule or advice, a title, a figure of
speech, a law in force, a case of a kind.
"""

from __future__ import annotations

from kronika.events.clauses import Clause
from kronika.events.grammar import (
    FINITE,
    chosen_case,
    chosen_pos,
    frame_phrase,
    is_finite,
    is_preposition,
    own_date,
    preposition_before,
    tense_of,
)
from kronika.events.triggers import NATURAL_FORCES, TriggerMatch
from kronika.lang.grammar import cases, has_pos, lemmas_lower
from kronika.lang.tokens import QUOTES
from kronika.model import Timex, Token

AUTHOR_WORDS = 3  # capitalised words of an author's name between a work and its title


def generic(match: TriggerMatch, tokens: list[Token], words: dict[str, frozenset[str]]) -> bool:
    """An event noun under a universal quantifier names a kind of happening (*każde spotkanie*)."""
    first = match.tokens[0]
    return match.verbal is None and any(lemmas_lower(tokens[k]) & words["generic"]
                                        for k in range(max(0, first - 2), first))


def rule_or_advice(match: TriggerMatch, tokens: list[Token], clause: Clause, timexes: list[tuple[int, Timex]],
                   words: dict[str, frozenset[str]]) -> bool:
    """An infinitive under an impersonal predicative of duty or advice, in a clause with no time and no form of
    *być* (*było*, *będzie*), states a rule or gives advice, no happening: *wodę należy wylać*, *trzeba zbudować
    staw*; *trzeba było ewakuować wieś*, *należy to zrobić do piątku* tell one."""
    if match.verbal is None or match.verb_forms(tokens) != {"inf"} or timexes:
        return False
    before = [k for k in clause.tokens if k < match.verbal]
    return any(lemmas_lower(tokens[k]) & words["deontic"] and has_pos(tokens[k], FINITE) for k in before) \
        and not any(lemmas_lower(tokens[k]) & {"być"} for k in clause.tokens)


def set_framing(match: TriggerMatch, predicate: int | None, tokens: list[Token], clause: Clause,
                timexes: list[tuple[int, Timex]], words: dict[str, frozenset[str]]) -> bool:
    """A countable event noun in the plural framing a clause of the imperfective present with no time tells a
    set of happenings, at each of which the clause holds (*w czasie meczów kibice dopingują drużynę*); a noun
    with no singular (*podczas obrad*, *w czasie wyborów*) may be one."""
    if match.verbal is None and not timexes and frame_phrase(tokens, match.tokens[0], words) is not None:
        chosen = tokens[match.tokens[0]].chosen
        fields = chosen.tag.split(":") if chosen else []
        verb = next((i for i in clause.tokens if chosen_pos(tokens[i]) == "fin"), None)
        return len(fields) > 1 and fields[1] == "pl" and "pt" not in fields and verb is not None \
            and tokens[verb].chosen is not None and "imperf" in tokens[verb].chosen.tag.split(":")
    return False


def in_title(match: TriggerMatch, tokens: list[Token], words: dict[str, frozenset[str]]) -> bool:
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


def habitual(predicate: int | None, tokens: list[Token], clause: Clause, timexes: list[tuple[int, Timex]],
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
    if tense_of(tokens[predicate], [tokens[i] for i in clause.tokens]) != "present" or len(timexes) != 1 \
            or not _bare_weekday(tokens, timexes[0][0], words):
        return False
    day = tokens[timexes[0][0]].chosen
    return dct is None or day is not None and "pl" in day.tag.split(":")


def _bare_weekday(tokens: list[Token], first: int, words: dict[str, frozenset[str]]) -> bool:
    """A timex that is a day of the week after *w*/*we* alone, with no determiner: *w niedzielę*."""
    if first < 1 or tokens[first - 1].text.lower() not in {"w", "we"} \
            or not lemmas_lower(tokens[first]) & words["weekday"]:
        return False
    after = tokens[first + 1] if first + 1 < len(tokens) else None
    return not (after is not None and has_pos(after, {"dig", "num", "adj"}))


def figure_of_plenty(match: TriggerMatch, tokens: list[Token], words: dict[str, frozenset[str]]) -> bool:
    """A disaster noun with a genitive of sounds, words or feelings is a figure of plenty, no disaster
    (*huragan oklasków*, *burza protestów*, *lawina listów*, *powódź słów*)."""
    if match.verbal is not None or match.entry.type not in NATURAL_FORCES:
        return False
    after = match.tokens[-1] + 1
    while after < len(tokens) and chosen_pos(tokens[after]) == "adj":
        after += 1
    return after < len(tokens) and "gen" in cases(tokens[after]) \
        and bool(lemmas_lower(tokens[after]) & words["outburst"])


def in_force(match: TriggerMatch, tokens: list[Token], timexes: list[tuple[int, Timex]],
             words: dict[str, frozenset[str]]) -> bool:
    """An event noun after a compound preposition of accordance or basis names an act in force, no happening:
    *zgodnie z uchwałą Sejmu*, *na mocy ustawy*, *na podstawie decyzji*, *w myśl rozporządzenia*; one cited
    with its date still tells its making (*na mocy porozumienia z 5 listopada 1999 r.*)."""
    if own_date(match.tokens[-1], tokens, timexes):
        return False
    k = match.tokens[0] - 1
    while k >= 0 and chosen_pos(tokens[k]) == "adj":
        k -= 1
    if k >= 1 and tokens[k].text.lower() in {"z", "ze"}:
        return bool(lemmas_lower(tokens[k - 1]) & words["basis"])  # "zgodnie z"
    return k >= 1 and bool(lemmas_lower(tokens[k]) & words["basis"]) and is_preposition(tokens[k - 1])


def case_of(match: TriggerMatch, tokens: list[Token], words: dict[str, frozenset[str]]) -> bool:
    """A noun of condition in a compound preposition, no happening: *w wypadku odmowy*, *na ten wypadek*
    (but *w wypadku samochodowym* is an accident: an adjective of its own follows)."""
    noun = match.tokens[0]
    if match.verbal is not None or len(match.tokens) > 1 or not lemmas_lower(tokens[noun]) & words["case_noun"]:
        return False
    after = tokens[noun + 1] if noun + 1 < len(tokens) else None
    if after is not None and chosen_pos(after) == "adj" \
            and chosen_case(after) == chosen_case(tokens[noun]):
        return False  # its own adjective, agreeing with it; not "w wypadku pierwszego" (a genitive)
    return preposition_before(tokens, noun, frozenset({"w", "na"}))


def aimed_at(match: TriggerMatch, tokens: list[Token], words: dict[str, frozenset[str]]) -> bool:
    """An event noun after a preposition of purpose names an aim, not a happening (*komitet dla
    odbudowy*, *w celu budowy*); so does one a word of protection guards against (*ochrona przeciwko
    wylewom*, *ubezpieczenie od ognia*, *chronić przed powodzią*, *zapobieganie katastrofom*): the
    danger, no happening."""
    if match.verbal is not None:
        return False
    noun = match.tokens[0]
    if preposition_before(tokens, noun, words["purpose_prep"]):
        return True
    # a building going on names the place of its works after a noun of place: *na terenie budowy*
    if match.entry.type == "construction" and noun > 0 and lemmas_lower(tokens[noun - 1]) & words["place_head"] \
            and chosen_case(tokens[noun]) == "gen":
        return True
    # "zapobieganie katastrofom", "zapobiec pożarowi": the dative of a word of prevention is a danger
    k = noun - 1
    while k >= 0 and chosen_pos(tokens[k]) in {"adj", "num"}:
        k -= 1
    if k >= 0 and lemmas_lower(tokens[k]) & words["protection"] and "dat" in cases(tokens[noun]):
        return True
    if not preposition_before(tokens, noun, words["against_prep"]):
        return False
    k = noun - 1
    while k >= 0 and not lemmas_lower(tokens[k]) & words["against_prep"]:
        k -= 1
    return any(lemmas_lower(tokens[j]) & words["protection"] for j in range(max(0, k - 3), k))
