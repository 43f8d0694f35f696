"""Answering a Polish question from the stored documents: retrieve, then read.

The question is parsed (:mod:`kronika.qa.question`), candidate sentences are retrieved from the store's
lemma index (:mod:`kronika.qa.retrieve`), and in each the answer of the expected kind and role is read
(:mod:`kronika.qa.read`). A candidate's score joins how much of the question its sentence covers, how
well its role fits and how close it stands to the question's words; the confidence is the probability
that the answer is right given those features and its lead over the best different answer
(:mod:`kronika.qa.confidence`). Weak evidence gives no answer (the "nie wiem"). Answers never depend
on an event having been recognised; "what happened on a day" lists the stored events of that day, and
"what happened" with no day is read as any question (the subject of a verb of happening: *nastąpił wybuch*).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kronika.qa.confidence import probability
from kronika.qa.question import Question, parse_question
from kronika.qa.read import Candidate, Reader
from kronika.qa.render import render_timex
from kronika.qa.retrieve import retrieve
from kronika.store import Citation, Store

MIN_COVERAGE = 0.4  # below this share of the question in a sentence, it does not count as evidence
MIN_SCORE = 0.55  # the best candidate's score below which the answer is "nie wiem"
TIE = 0.02  # candidates this close to the best are given too (a list: "w Katyniu, Charkowie i Kalininie")
MAX_ANSWERS = 3
LEAD = 0.2  # a lead over the best different answer beyond this says no more (no rival at all)
NUMBER = re.compile(r"\d[\d\s.,]*\d|\d")


@dataclass
class Answer:
    text: str
    value: Any
    confidence: float
    citations: list[Citation] = field(default_factory=list)
    span: tuple[int, int] | None = None  # document offsets of the answer in its cited sentence
    features: dict[str, float] = field(default_factory=dict)  # what the confidence is computed from

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "value": self.value, "confidence": round(self.confidence, 2),
                "citations": [{"document": c.document, "start": c.start, "end": c.end, "text": c.text}
                              for c in self.citations]}


def _score(reader: Reader, candidate: Candidate) -> float:
    return (candidate.coverage + 0.35 * candidate.fit + 0.2 * reader.proximity(candidate)
            + 0.05 * candidate.passage.rank)


def _citation(candidate: Candidate) -> Citation:
    analysis = candidate.passage.analysis
    sentence = candidate.passage.sentence
    document = analysis.document
    return Citation(document.id, sentence.start, sentence.end, document.text[sentence.start:sentence.end],
                    document.title, document.source)


def _features(reader: Reader, candidate: Candidate, lead: float, scored: list[Candidate],
              joint: set[str]) -> dict[str, float]:
    return {"coverage": candidate.coverage, "fit": candidate.fit, "proximity": reader.proximity(candidate),
            "lead": min(max(lead, 0.0), LEAD) / LEAD, "rank": candidate.passage.rank,
            "alone": _alone(candidate, scored, joint)}


def _alone(candidate: Candidate, scored: list[Candidate], joint: set[str]) -> float:
    """1 / (1 + the other answers its own sentence gives that fit the question's role as well), its conjuncts
    aside: three towns in one role (*przelecieli nad X, Y i Z, lądując w W*) leave the reading of the
    sentence, not only the sentence, in doubt."""
    sentence = candidate.passage.sentence
    rivals = {str(c.value) for c in scored if c.passage.analysis is candidate.passage.analysis
              and c.passage.sentence.start == sentence.start and c.fit >= candidate.fit and str(c.value) not in joint}
    return 1.0 / (1.0 + len(rivals))


def _answer(candidate: Candidate, asks: str, features: dict[str, float], sure: float) -> Answer:
    text = candidate.text
    if asks == "time":
        text = render_timex(str(candidate.value))
    elif asks == "quantity" and isinstance(candidate.value, str):
        text = candidate.value  # a range: "3–5"
    elif asks == "quantity" and (number := NUMBER.search(text)):
        shown = number.group().strip()  # "ponad 320 000 obywateli" → "320 000"; the unit is the question's
        written = float(re.sub(r"[\s.]", "", shown).replace(",", "."))
        following = text[number.end():].split()
        if following and isinstance(candidate.value, int | float) and written and candidate.value >= 1000 * written:
            shown = f"{shown} {following[0]}"  # "2 miljony": the multiplier is part of the amount
        text = shown
    return Answer(text, candidate.value, sure, [_citation(candidate)], (candidate.start, candidate.end), features)


def _question_day(question: Question) -> str | None:
    """The day a "what happened" question names (*Co się stało 3 maja 1934?*), if any."""
    from kronika.model import Analysis, Document
    from kronika.pipeline import STAGES, check_order

    # the question's dates need only the sentences and the date stage, not the models of the name stages
    stages = [stage for stage in STAGES if stage.name in {"segment", "timex"}]
    check_order(stages)  # fails loudly if the date stage comes to need more
    analysis = Analysis(Document(id="question", text=question.text))
    for stage in stages:
        stage.run(analysis)
    dates = [t.value for t in analysis.timexes if t.type in {"DATE", "TIME"} and t.value[:4].isdigit()]
    return dates[0][:10] if dates else None


def _happened_answers(day: str, store: Store) -> list[Answer]:
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
    day = _question_day(question) if question.happened else None
    if day is not None:
        return _happened_answers(day, store)  # the stored events of that day
    if question.asks == "unknown":
        return []
    reader = Reader(question)
    return choose(reader, candidates(store, reader))


def candidates(store: Store, reader: Reader) -> list[Candidate]:
    """Every candidate answer in the sentences retrieved for the reader's question, scored, best first."""
    scored: list[Candidate] = []
    passages = retrieve(store, reader.question)
    reader.know_documents(passages)
    for passage in passages:
        coverage = reader.coverage(passage)
        if coverage < MIN_COVERAGE:
            continue
        for candidate in reader.candidates(passage):
            candidate.coverage = coverage
            candidate.score = _score(reader, candidate)
            scored.append(candidate)
    return sorted(scored, key=lambda c: -c.score)


def choose(reader: Reader, scored: list[Candidate]) -> list[Answer]:
    """The answers given from the scored candidates: the best with its conjuncts and near ties, or none
    when the best is weak."""
    if not scored or scored[0].score < MIN_SCORE:
        return []
    asks = reader.question.asks
    best = scored[0]
    coordinated = reader.conjuncts(best, scored)
    joint = {str(best.value)} | {str(c.value) for c in coordinated}
    rival = next((c.score for c in scored if str(c.value) not in joint), 0.0)
    features = _features(reader, best, best.score - rival, scored, joint)
    sure = probability(features)
    answers = [_answer(best, asks, features, sure)]
    seen = {str(best.value)}
    for candidate in coordinated:  # each conjunct answers as the best does: "Kraków i Lwów"
        if str(candidate.value) not in seen:
            seen.add(str(candidate.value))
            answers.append(_answer(candidate, asks, features, sure))
    total = sure
    for candidate in scored:
        if best.score - candidate.score > TIE or len(answers) >= MAX_ANSWERS:
            break
        if str(candidate.value) not in seen:
            seen.add(str(candidate.value))
            # a near tie is a rival of the best: no lead of its own
            own = _features(reader, candidate, 0.0, scored, {str(candidate.value)})
            answers.append(_answer(candidate, asks, own, min(probability(own), sure)))
            total += answers[-1].confidence
    if total > 1.0:
        # the best and its near ties are alternatives, not all of them the answer: their probabilities share
        # one whole (two notes that disagree on a name leave each about a half)
        for found in answers:
            found.confidence /= total
    return answers
