"""What the store returns: small frozen records with their JSON form."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Citation:
    """A sentence of a stored document: what an answer rests on."""

    document: str
    start: int
    end: int
    text: str
    title: str | None = None
    source: str | None = None

    def to_json(self) -> dict[str, Any]:
        # the fields by hand: asdict() copies recursively, ~15 % of a search request (20 hits)
        return {"document": self.document, "start": self.start, "end": self.end, "text": self.text,
                "title": self.title, "source": self.source}


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    id: str
    content_hash: str
    name: str | None
    title: str | None
    source: str | None
    dct: str | None
    length: int
    ingested_at: str
    journal: str | None = None
    pub_place: str | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class SearchHit:
    citation: Citation
    score: float  # higher is better; comparable only within one result list

    def to_json(self) -> dict[str, Any]:
        return {**self.citation.to_json(), "score": round(self.score, 4)}


@dataclass(frozen=True, slots=True)
class EntityRecord:
    """A canonical entity, merged across documents by ref and by place identity."""

    id: int
    ref: str
    type: str
    lemma: str
    geo: dict[str, Any] | None
    refs: tuple[str, ...]  # every ref and geo key it is known by
    mentions: int
    documents: int

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["refs"] = list(self.refs)
        return data


@dataclass(frozen=True, slots=True)
class MentionRecord:
    document: str
    start: int
    end: int
    text: str
    type: str
    lemma: str
    ref: str  # the canonical entity's ref
    role: str | None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Argument:
    """A place or participant of an event; ``ref`` is the canonical entity's, when linked."""

    lemma: str
    ref: str | None
    entity_id: int | None
    role: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"lemma": self.lemma, "ref": self.ref, "role": self.role}


@dataclass(frozen=True, slots=True)
class QuantityRecord:
    id: int
    document: str
    start: int
    end: int
    text: str
    value: float
    modifier: str | None  # approx, more, less
    unit: str
    predicate: str | None  # lemma of the sentence's main verb
    event_id: int | None
    sentence: Citation

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["sentence"] = self.sentence.to_json()
        return data


@dataclass(frozen=True, slots=True)
class EventRecord:
    id: int
    document: str
    local_id: str
    type: str
    trigger_start: int
    trigger_end: int
    trigger_text: str
    sentence: Citation
    time: str | None
    interval: tuple[str, str] | None  # the time as first and last ISO day
    time_inherited: bool
    places: tuple[Argument, ...] = ()
    participants: tuple[Argument, ...] = ()
    quantities: tuple[QuantityRecord, ...] = field(default=())
    modality: str = "asserted"  # asserted, negated, future, conditional, possible, reported
    confidence: float | None = None  # how plausible the event is; None in a store made before it was kept

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "document": self.document, "local_id": self.local_id, "type": self.type,
            "modality": self.modality, "confidence": self.confidence,
            "trigger": {"start": self.trigger_start, "end": self.trigger_end, "text": self.trigger_text},
            "sentence": self.sentence.to_json(), "time": self.time,
            "interval": list(self.interval) if self.interval else None, "time_inherited": self.time_inherited,
            "places": [p.to_json() for p in self.places],
            "participants": [p.to_json() for p in self.participants],
            "quantities": [{"text": q.text, "value": q.value, "modifier": q.modifier, "unit": q.unit}
                           for q in self.quantities],
        }


@dataclass(frozen=True, slots=True)
class Claim:
    """One document's statement in a conflict: the value it gives and the sentence that gives it."""

    value: str
    text: str  # the words stating it (the timex or the number phrase)
    citation: Citation
    event_id: int | None = None
    quantity_id: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "text": self.text, "citation": self.citation.to_json(),
                "event_id": self.event_id, "quantity_id": self.quantity_id}


@dataclass(frozen=True, slots=True)
class Conflict:
    """Documents that disagree on the date or a number of what the store takes to be one thing."""

    kind: str  # "date" or "number"
    subject: str  # a readable description: "battle: Szack, Wilhelm Orlik-Rückemann"
    claims: tuple[Claim, ...]

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "subject": self.subject, "claims": [c.to_json() for c in self.claims]}
