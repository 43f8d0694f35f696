"""How an entity mention stands in its clause: the preposition governing it, its case, and what it
is attached to — the facts from which event roles and places are read."""

from __future__ import annotations

from dataclasses import dataclass

from kronika.events.grammar import is_modifier, is_preposition
from kronika.events.lexicon import load_function_words
from kronika.lang.grammar import NOMINAL, cases, has_pos, lemmas
from kronika.lang.tokens import CLOSING_QUOTES
from kronika.model import Entity, Token

FINITE_LIKE = frozenset({"fin", "praet", "imps", "ppas", "inf"})  # a verb's forms: no noun a list hangs on
COORDINATION = frozenset({",", "i", "oraz", "lub", "albo", "a"})
PLACE_TYPES = frozenset({"PLACE", "COUNTRY"})


@dataclass
class Mention:
    entity: Entity
    first: int  # token indices in the sentence, inclusive
    last: int
    preposition: str | None = None  # lemma of the governing preposition
    via_head: bool = False  # reached through a place noun: "na teren Polski"
    cases: frozenset[str] = frozenset()
    attached_to: int | None = None  # token a genitive attribute hangs on ("obrona Grodna")
    coordinated_with: Mention | None = None
    host_type: str | None = None  # entity type of the noun a genitive attribute hangs on


def entity_tokens(tokens: list[Token], entity: Entity) -> tuple[int, int] | None:
    inside = [i for i, t in enumerate(tokens) if t.start >= entity.start and t.end <= entity.end]
    return (inside[0], inside[-1]) if inside else None


def head_cases(tokens: list[Token], first: int, last: int, entity_type: str) -> frozenset[str]:
    """Cases of the first noun of a mention; empty for a word Morfeusz does not know. A person's
    first name and surname agree, so their common cases are the mention's (*Wacław Grzybowski*)."""
    found: frozenset[str] = frozenset()
    for token in tokens[first:last + 1]:
        token_cases = cases(token)
        if not token_cases:
            continue
        if entity_type != "PERSON":
            return token_cases
        found = found & token_cases if found and found & token_cases else found or token_cases
    return found


def _governor(tokens: list[Token], first: int, floor: int,
              names: list[tuple[int, int]] = ()) -> tuple[str | None, bool, int | None]:
    """Walk left from a mention over modifiers and titles: (preposition, via place noun, noun it is a
    genitive attribute of). A name reached on the way is a noun phrase, whatever the tagger reads its
    last word as (*delegata Komendy Głównej p. Kiersnowskiego*: the delegate, not an object)."""
    words = load_function_words()
    via_head = False
    j = first - 1
    while j >= floor:
        name = next((span for span in names if span[0] <= j <= span[1]), None)
        if name is not None:
            return None, via_head, name[0]
        token = tokens[j]
        if token.text == ":" and j > floor and _is_noun(tokens[j - 1]) and not has_pos(tokens[j - 1], FINITE_LIKE):
            # names listed after a noun and a colon stand for it, and are governed as it is (*w otoczeniu
            # oficerów: mjr. Nowickiego*; *batalionów: „Kleck”, „Sienkiewicze”* in a list of the units resisting)
            return _governor(tokens, j - 1, floor, names)
        token_lemmas = {lemma.lower() for lemma in lemmas(token)}
        if token_lemmas & words["coordinator"]:
            break  # a word joining clauses is no noun, whatever the dictionary (*poczem*, the older *po czym*)
        if is_preposition(token):
            return min(_preposition_lemmas(token)), via_head, None
        # a title abbreviation is known by its written form: Morfeusz reads *min.* as a mine or a minute
        if (token_lemmas | {token.text.lower()}) & words["title"] or is_modifier(token) and not _is_noun(token):
            j -= 1
            continue
        if token_lemmas & words["place_head"] and not via_head:
            via_head = True
            j -= 1
            continue
        if _is_noun(token) and not has_pos(token, {"adj"}) or token.text in CLOSING_QUOTES:
            return None, via_head, j
        break
    return None, via_head, None


def _preposition_lemmas(token: Token) -> set[str]:
    return {i.lemma.lower() for i in token.interps if i.pos == "prep"}


def _is_noun(token: Token) -> bool:
    return any(i.pos in NOMINAL or i.pos == "ign" for i in token.interps)


def mentions_in(tokens: list[Token], clause_tokens: list[int], entities: list[Entity]) -> list[Mention]:
    """Mentions of entities starting in the clause, in text order, with their grammatical standing."""
    in_clause = set(clause_tokens)
    floor = min(clause_tokens)
    found: list[Mention] = []
    spans = {id(entity): entity_tokens(tokens, entity) for entity in entities}
    for entity in sorted(entities, key=lambda e: (e.start, -e.end)):
        span = spans[id(entity)]
        if span is None or span[0] not in in_clause:
            continue
        first, last = span
        preposition, via_head, attached = _governor(tokens, first, floor,
                                                    [s for s in spans.values() if s is not None and s[1] < first])
        mention_cases = head_cases(tokens, first, last, entity.type)
        if mention_cases and "gen" not in mention_cases:
            attached = None  # only a genitive hangs on the noun before it
        elif attached is not None and any(other.type in PLACE_TYPES and span_ is not None
                                          and span_[0] <= attached <= span_[1] < first
                                          for other in entities for span_ in [spans[id(other)]]):
            # a place's name takes no genitive attribute: in *z Tallina min. Munters* the minister is no
            # attribute of the town, whatever case the unknown surname has (a unit's name does: *Armia
            # gen. Sikorskiego*)
            attached = None
        mention = Mention(entity, first, last, preposition, via_head, mention_cases, attached)
        previous = next((m for m in reversed(found) if m.entity.parent == entity.parent), None)
        gap = [tokens[k].text.lower() for k in range(previous.last + 1, first)] if previous else []
        same_case = previous is not None and (not mention_cases or not previous.cases
                                              or bool(mention_cases & previous.cases))
        titles = load_function_words()["title"]
        if gap and same_case and any(word in COORDINATION for word in gap) \
                and all(word in COORDINATION or word in titles or word == "." for word in gap):
            # "pod Kowlem, Sarnami i Dubnem": later conjuncts share the first one's preposition
            mention.coordinated_with = previous
            mention.preposition = previous.preposition
            mention.via_head = previous.via_head
            mention.attached_to = previous.attached_to
        found.append(mention)
    return found
