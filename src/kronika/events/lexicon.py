"""Language data for event extraction: the trigger lexicon and closed classes of function words.

Both live in ``resources/<language>/`` as tab-separated files with a header comment, and are checked
when loaded (unknown event types or word classes, duplicates, words Morfeusz does not know).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kronika.lang.resources import read_table
from kronika.morph import get_morphology
from kronika.morph.analyzer import strip_homonym

EVENT_TYPES = frozenset({
    "diplomacy", "treaty", "invasion", "military_movement", "battle", "defense", "capitulation",
    "negotiation", "order", "arrest", "deportation", "mass_killing", "parade", "legal_act", "other",
    # happenings of any domain, as a newspaper reports them
    "fire", "flood", "disaster", "accident", "death", "funeral", "crime", "speech", "meeting", "election",
    "appointment", "visit", "trial", "strike", "construction", "sports",
    # what the police do besides arresting: a search or raid, a pursuit
    "search", "pursuit",
})
CONDITIONS = frozenset({"any", "armed", "document", "sports", "country", "election", "penalty", "traveller",
                        "enacted", "building", "founded", "natural", "many", "defended", "elected", "vehicle", "court",
                        "police", "people", "perpetrator", "living", "law", "returning", "nature", "detained",
                        "mishap", "speaker", "stance", "inquiry"})

# the type of an idiom that claims its words without being an event: "zająć się" (to deal with, to
# catch fire) keeps "zająć" (to occupy) from firing
NOT_AN_EVENT = "-"

WORD_CLASSES = frozenset({
    "subordinator", "coordinator", "place_prep", "place_head", "passive_aux", "occurrence", "light_verb",
    "command", "title", "time_noun", "negation", "armed", "treaty_noun", "contract", "state_party", "rumour",
    "conditional", "modal",
    "intention", "displacement", "irrealis_noun", "sports", "implicative", "report_verb", "comparison",
    "election", "penalty", "message", "claim", "frame_prep", "anterior_prep", "generic", "building",
    "purpose_prep", "outburst", "case_noun", "announcement", "then", "now",
    "perpetrator", "calling", "existence", "habitual", "defended", "result",
    "against_prep", "protection", "weekday", "determiner", "question", "prize", "office", "vehicle", "court", "body",
    "police", "people", "animal", "law", "contest", "water", "deontic", "work", "threat", "basis", "saying",
    "nature", "harm", "lawsuit_prep", "cancellation", "institution", "distance", "medical", "charge",
})


@dataclass(frozen=True)
class TriggerEntry:
    phrase: str  # as written in the lexicon: "stoczyć walkę"
    words: tuple[frozenset[str], ...]  # per word, the lemmas it may stand for
    type: str
    condition: str = "any"  # the sense condition (see triggers.tsv)


def word_lemmas(word: str) -> frozenset[str]:
    """Lemmas a dictionary word stands for: itself when it is a lemma (*walczyć*, *obrona*), else the
    lemmas of its readings (*walkę* → *walka*)."""
    readings = get_morphology().analyse(word)
    lemmas = {strip_homonym(r.lemma) for r in readings if r.tag != "ign"}
    if word in lemmas:
        return frozenset({word})
    return frozenset(lemmas)


@lru_cache(maxsize=4)
def load_triggers(language: str = "pl") -> tuple[TriggerEntry, ...]:
    entries: list[TriggerEntry] = []
    seen: set[tuple[str, str]] = set()
    rows = read_table("kronika.events", f"resources/{language}/triggers.tsv", 3)
    for number, (phrase, event_type, condition) in rows:
        if event_type not in EVENT_TYPES and event_type != NOT_AN_EVENT:
            raise ValueError(f"triggers.tsv line {number}: unknown event type {event_type!r}")
        if condition not in CONDITIONS:
            raise ValueError(f"triggers.tsv line {number}: unknown condition {condition!r}")
        if (phrase, condition) in seen:
            raise ValueError(f"triggers.tsv line {number}: duplicate {phrase!r}")
        seen.add((phrase, condition))
        words = tuple(word_lemmas(w) for w in phrase.split())
        if not all(words):
            raise ValueError(f"triggers.tsv line {number}: Morfeusz does not know a word of {phrase!r}")
        entries.append(TriggerEntry(phrase, words, event_type, condition))
    # longest first, so that "stoczyć walkę" claims its words before "walka" alone; rows of one phrase
    # keep their order (the first whose condition holds gives the type)
    return tuple(sorted(entries, key=lambda e: -len(e.words)))


@lru_cache(maxsize=4)
def triggers_by_first_lemma(language: str = "pl") -> dict[str, tuple[TriggerEntry, ...]]:
    """The lexicon indexed by the lemmas its entries' first words may stand for, each list longest first."""
    index: dict[str, list[TriggerEntry]] = {}
    for entry in load_triggers(language):
        for lemma in entry.words[0]:
            index.setdefault(lemma, []).append(entry)
    return {lemma: tuple(entries) for lemma, entries in index.items()}


@lru_cache(maxsize=4)
def load_function_words(language: str = "pl") -> dict[str, frozenset[str]]:
    classes: dict[str, set[str]] = {name: set() for name in WORD_CLASSES}
    for number, (name, lemma) in read_table("kronika.events", f"resources/{language}/function_words.tsv", 2):
        if name not in WORD_CLASSES:
            raise ValueError(f"function_words.tsv line {number}: unknown class {name!r}")
        if lemma in classes[name]:
            raise ValueError(f"function_words.tsv line {number}: duplicate {lemma!r}")
        classes[name].add(lemma)
    return {name: frozenset(words) for name, words in classes.items()}
