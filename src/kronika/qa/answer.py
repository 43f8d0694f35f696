"""Answering a parsed question from the store's events, with the sentences the answers rest on.

An event supports an answer when its sentence contains every name of the question and, for most
questions, its trigger is the question's predicate (lemma-aware: *podpisano* ~ *podpisały*). The best
supported events give the answer: their time, places, a participant in the asked role, or a number.
Nothing supported → no answers (the calibrated "nie wiem"); confidence falls with weaker support and
with a time only inherited from the narrative.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from kronika.events.lexicon import load_triggers
from kronika.morph import get_morphology
from kronika.qa.question import Question, Term, parse_question, token_lemmas
from kronika.qa.render import render_timex
from kronika.store import Argument, Citation, EventRecord, Store
from kronika.text.segment import tokenize

MIN_SUPPORT = 0.55  # below this share of the question's words in a sentence, say nothing
INHERITED_PENALTY = 0.6


@dataclass
class Answer:
    text: str
    value: Any
    confidence: float
    citations: list[Citation] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "value": self.value, "confidence": round(self.confidence, 2),
                "citations": [{"document": c.document, "start": c.start, "end": c.end, "text": c.text}
                              for c in self.citations]}


@lru_cache(maxsize=20_000)
def text_terms(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(lemmas, lower-case forms) of every word of a text."""
    morphology = get_morphology()
    lemmas: set[str] = set()
    forms: set[str] = set()
    for token in tokenize(text):
        token.interps = morphology.analyse(token.text)
        lemmas |= token_lemmas(token)
        forms.add(token.text.lower())
    return frozenset(lemmas), frozenset(forms)


def term_in(term: Term, text: str) -> bool:
    lemmas, forms = text_terms(text)
    if term.lemmas & lemmas or term.form.lower() in forms:
        return True
    # a word the dictionary does not know ("Rückemanna") matches another case form by its stem
    stem = term.form.lower()[: max(4, len(term.form) - 2)]
    return term.lemmas == {term.form.lower()} and any(f.startswith(stem) for f in forms)


def _argument_text(event: EventRecord) -> str:
    return " ".join(a.lemma for a in (*event.places, *event.participants))


@dataclass
class Support:
    event: EventRecord
    score: float
    trigger: float


def _support(question: Question, event: EventRecord) -> Support | None:
    sentence = event.sentence.text
    context = sentence + " " + _argument_text(event)
    if not all(term_in(t, context) for t in question.names):
        return None
    found = [t for t in question.terms if term_in(t, context)]
    coverage = len(found) / max(len(question.terms), 1)
    trigger = max((t.predicate_weight for t in question.predicates if term_in(t, event.trigger_text)), default=0.0)
    if not trigger:
        # another word for the same kind of event: "walczyła" asks about "stoczyła walki"
        trigger = 0.8 * max((t.predicate_weight for t in question.predicates
                             if event.type in event_types(t.lemmas)), default=0.0)
    return Support(event, coverage, trigger)


@lru_cache(maxsize=4096)
def event_types(lemmas: frozenset[str]) -> frozenset[str]:
    """Event types the trigger lexicon gives a single word ("walczyć" → battle)."""
    return frozenset(e.type for e in load_triggers() if len(e.words) == 1 and e.words[0] & lemmas)


def _ranked(question: Question, events: list[EventRecord], need_trigger: bool) -> list[Support]:
    supports = [s for e in events if (s := _support(question, e)) is not None]
    if need_trigger and question.predicates:
        supports = [s for s in supports if s.trigger > 0]
    supports = [s for s in supports if s.score >= MIN_SUPPORT or s.trigger >= 1.0 and s.score >= 0.4]
    return sorted(supports, key=lambda s: (s.trigger + s.score, -s.event.time_inherited), reverse=True)


def _confidence(support: Support, inherited: bool = False) -> float:
    value = 0.45 + 0.3 * support.score + 0.2 * min(support.trigger, 1.0)
    return round(value * (INHERITED_PENALTY if inherited else 1.0), 2)


def _mentioned(question: Question, argument: Argument) -> bool:
    """Whether the question itself names this argument (so it is not the answer)."""
    # a number tells units apart ("8. Armia" is not the "Armia „Poznań”" of the question)
    words = [w for w in re.findall(r"\w+", argument.lemma) if len(w) > 2 or w.isdigit()]
    lemmas = {lemma for t in question.terms for lemma in t.lemmas}
    return bool(words) and all(text_terms(w)[0] & lemmas or w.lower() in lemmas for w in words)


def _time_answers(question: Question, ranked: list[Support]) -> list[Answer]:
    dated = [s for s in ranked if s.event.time]
    if not dated:
        return []
    best = max(dated, key=lambda s: (s.trigger + s.score - (0.3 if s.event.time_inherited else 0)))
    event = best.event
    return [Answer(render_timex(event.time or ""), event.time, _confidence(best, event.time_inherited),
                   [event.sentence])]


def _place_answers(question: Question, ranked: list[Support]) -> list[Answer]:
    for support in ranked:
        places = [p for p in support.event.places if not _mentioned(question, p)]
        if places:
            return [Answer(p.lemma, p.lemma, _confidence(support), [support.event.sentence]) for p in places]
    return []


def _wanted_roles(question: Question) -> tuple[str, ...]:
    if question.command:
        return ("commander",)
    if question.preposition == "z":
        return ("opponent",)
    if question.passive:
        return ("patient", "recipient")
    return ("agent",)


def _participant_answers(question: Question, ranked: list[Support]) -> list[Answer]:
    roles = _wanted_roles(question)
    for support in ranked:
        candidates = [p for p in support.event.participants if p.role in roles and not _mentioned(question, p)]
        if question.noun is not None and question.asks == "which":
            noun = question.noun
            candidates = [p for p in candidates if term_in(noun, p.lemma)
                          or question.entity_type and (p.ref or "").startswith(question.entity_type.lower())]
        if candidates:
            return [Answer(p.lemma, p.lemma, _confidence(support), [support.event.sentence])
                    for p in candidates]
    return []


def _number_text(text: str) -> str:
    match = re.search(r"\d[\d\s.,]*\d|\d", text)
    return match.group().strip() if match else text


def _quantity_answers(question: Question, ranked: list[Support], store: Store) -> list[Answer]:
    nouns = {lemma for t in question.terms for lemma in t.lemmas}
    for support in ranked:
        quantities = list(support.event.quantities) or [
            q for q in store.quantities(document=support.event.document)
            if q.sentence.start == support.event.sentence.start]
        matching = [q for q in quantities if q.unit.lower() in nouns]
        if matching:
            quantity = matching[0]
            value = int(quantity.value) if float(quantity.value).is_integer() else quantity.value
            return [Answer(_number_text(quantity.text), value, _confidence(support), [quantity.sentence])]
    return []


def _happened_answers(question: Question, store: Store) -> list[Answer]:
    from kronika.model import Document
    from kronika.pipeline import analyze

    timexes = analyze(Document(id="question", text=question.text)).timexes
    dates = [t.value for t in timexes if t.type in {"DATE", "TIME"}]
    if not dates:
        return []
    day = dates[0][:10]
    answers = []
    for event in store.events(date_from=day, date_to=day):
        if event.time_inherited or not event.time:
            continue
        who = ", ".join(p.lemma for p in event.participants if p.role == "agent")
        where = ", ".join(p.lemma for p in event.places)
        text = " ".join(x for x in (who, event.trigger_text, where and f"({where})") if x)
        exact = event.time == day
        answers.append(Answer(text, event.type, 0.8 if exact else 0.6, [event.sentence]))
    # the events of that very day before those of a longer period containing it
    return sorted(answers, key=lambda a: -a.confidence)


def answer(store: Store, question_text: str) -> list[Answer]:
    """Answers to a Polish question from the stored documents, best first; empty when unsupported."""
    question = parse_question(question_text)
    if question.happened:
        return _happened_answers(question, store)
    events = store.events()
    if question.asks == "person" and question.command:
        return _participant_answers(question, _ranked(question, events, need_trigger=False))
    need_trigger = question.asks in {"time", "place", "which", "person", "quantity"}
    ranked = _ranked(question, events, need_trigger)
    if question.asks == "time":
        return _time_answers(question, ranked)
    if question.asks == "place":
        return _place_answers(question, ranked)
    if question.asks in {"person", "which"}:
        return _participant_answers(question, ranked)
    if question.asks == "quantity":
        return _quantity_answers(question, ranked, store)
    return []
