"""Parsing a Polish question into what it asks and the words it asks about.

*Kiedy broniło się Wilno?* → asks ``time``; predicate *bronić*; names *Wilno*.
*Z jaką dywizją walczyła grupa …?* → asks ``which`` with the noun *dywizja* under *z*: the opponent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from kronika.events.grammar import FINITE
from kronika.events.lexicon import load_triggers
from kronika.lang.resources import read_table
from kronika.model import Token
from kronika.morph import get_morphology
from kronika.morph.analyzer import strip_homonym
from kronika.text.segment import tokenize

ASK_CLASSES = ("ask_time", "ask_place", "ask_person", "ask_which", "ask_quantity", "ask_what")
OTHER_CLASSES = ("stop", "command", "happen")
VERB_FORMS = FINITE | {"inf", "ppas", "pact", "ger", "pcon", "pant"}


@dataclass(frozen=True)
class Term:
    """A content word of a question: its form and every lemma it may have."""

    form: str
    lemmas: frozenset[str]
    name: bool  # capitalised or unknown to the dictionary: must be found for an answer to count
    predicate_weight: float  # > 0 when the word may name the event asked about


@dataclass
class Question:
    text: str
    asks: str  # time, place, person, which, quantity, what, unknown
    preposition: str | None = None  # "z" in "Z kim…", "Z jaką dywizją…"
    noun: Term | None = None  # the noun after jaki/który: "dywizja"
    entity_type: str | None = None  # the type that noun names
    terms: list[Term] = field(default_factory=list)
    passive: bool = False  # asks about the patient: "Kto został aresztowany?"
    command: bool = False  # "Kto dowodził …?"
    happened: bool = False  # "Co się stało …?"

    @property
    def names(self) -> list[Term]:
        return [t for t in self.terms if t.name]

    @property
    def predicates(self) -> list[Term]:
        return [t for t in self.terms if t.predicate_weight > 0]


@lru_cache(maxsize=2)
def load_question_words(language: str = "pl") -> dict[str, frozenset[str]]:
    classes: dict[str, set[str]] = {}
    for number, (name, lemma) in read_table("kronika.qa", f"resources/{language}/question_words.tsv", 2):
        if name not in ASK_CLASSES + OTHER_CLASSES and not name.startswith("type:"):
            raise ValueError(f"question_words.tsv line {number}: unknown class {name!r}")
        classes.setdefault(name, set()).add(lemma)
    return {name: frozenset(words) for name, words in classes.items()}


@lru_cache(maxsize=1)
def _trigger_lemmas() -> frozenset[str]:
    return frozenset(lemma for entry in load_triggers() for word in entry.words for lemma in word)


def token_lemmas(token: Token) -> frozenset[str]:
    return frozenset(strip_homonym(i.lemma).lower() for i in token.interps if i.tag != "ign")


def _term(token: Token, first: bool) -> Term:
    lemmas = token_lemmas(token)
    unknown = not lemmas
    name = unknown or (token.text[:1].isupper() and not first)
    weight = 0.0
    verbal = {i.pos for i in token.interps if i.pos in VERB_FORMS}
    if verbal - {"ger"}:
        weight = 1.0
    elif lemmas & _trigger_lemmas() or "ger" in verbal:
        # an event noun weighs more as subject or object ("decyzja") than in an oblique case
        direct = any(part in {"nom", "acc"} for i in token.interps
                     if i.pos in {"subst", "ger"} and len(i.tag.split(":")) > 2
                     for part in i.tag.split(":")[2].split("."))
        weight = 1.0 if direct else 0.5
    return Term(token.text, lemmas or frozenset({token.text.lower()}), name, weight)


def parse_question(text: str) -> Question:
    words = load_question_words()
    morphology = get_morphology()
    tokens = [t for t in tokenize(text) if t.text.strip() and (t.text[0].isalnum())]
    for token in tokens:
        token.interps = morphology.analyse(token.text)
    question = Question(text=text, asks="unknown")
    index = 0
    if tokens and tokens[0].text.lower() in {"z", "ze", "o", "w", "we", "do", "od", "przeciw", "dla"}:
        question.preposition = tokens[0].text.lower().rstrip("e") or "z"
        index = 1
    if index < len(tokens):
        ask = token_lemmas(tokens[index]) | {tokens[index].text.lower()}
        for name in ASK_CLASSES:
            if ask & words.get(name, frozenset()):
                question.asks = name.removeprefix("ask_")
                index += 1
                break
    if question.asks == "which" and index < len(tokens):
        question.noun = _term(tokens[index], False)
        for name, lemmas in words.items():
            if name.startswith("type:") and question.noun.lemmas & lemmas:
                question.entity_type = name.removeprefix("type:")
        index += 1
    if question.asks == "what" and any(token_lemmas(t) & words["happen"] for t in tokens[index:]):
        question.happened = True
    if question.asks == "which" and question.preposition is None and question.entity_type == "PERSON":
        question.asks = "person"
    for position, token in enumerate(tokens[index:], index):
        lemmas = token_lemmas(token)
        if lemmas & words["command"]:
            question.command = True
        if any(i.pos in {"ppas", "imps"} for i in token.interps):
            question.passive = True
        if lemmas & (words["stop"] | words["happen"]) or _function_word(token):
            continue
        question.terms.append(_term(token, position == 0))
    return question


def _function_word(token: Token) -> bool:
    return bool(token.interps) and all(
        i.pos in {"prep", "conj", "comp", "qub", "interp", "brev", "ppron3", "ppron12", "siebie"}
        for i in token.interps)
