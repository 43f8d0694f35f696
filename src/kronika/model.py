"""Typed objects passed between pipeline stages, and their contract JSON form.

Offsets are Python string indices into ``Document.text`` (code points), end exclusive.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from kronika.edtf import timex_to_edtf


@dataclass(frozen=True, slots=True)
class SourceMarkup:
    """A name or date the source file already marks up (TEI ``persName``, ``placeName``, ``orgName``,
    ``date``): kept instead of Kronika's own reading, with the source's authority link."""

    start: int
    end: int
    type: str  # PERSON, PLACE, ORGANIZATION or DATE
    ref: str | None = None  # the source's @ref (a Wikidata or GeoNames URI)
    key: str | None = None  # the source's base form (@key)
    value: str | None = None  # a date's W3C value (@when, or @from/@to as an interval)


def content_id(text: str) -> str:
    """A stable document id from its content (the same text always gets the same id)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class Document:
    id: str
    text: str
    dct: str | None = None  # document creation date, ISO YYYY-MM-DD
    title: str | None = None
    source: str | None = None  # path or other origin, for provenance
    markup: list[SourceMarkup] = field(default_factory=list)
    origin: str | None = None  # the source's own XML (a TEI file), for exports that keep it whole
    journal: str | None = None  # the periodical that published it, as the input names it
    pub_place: str | None = None  # where that periodical appeared (not a dateline's place of writing)


@dataclass(frozen=True, slots=True)
class Interp:
    """One Morfeusz reading of a word: lemma, NKJP tag (Morfeusz compact form), name qualifiers."""

    lemma: str
    tag: str
    quals: tuple[str, ...] = ()

    @property
    def pos(self) -> str:
        return self.tag.split(":", 1)[0]


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    interps: tuple[Interp, ...] = ()
    chosen: Interp | None = None  # the disambiguated reading

    @property
    def lemma(self) -> str:
        return self.chosen.lemma if self.chosen else self.text

    @property
    def tag(self) -> str:
        return self.chosen.tag if self.chosen else "ign"


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    tokens: list[Token] = field(default_factory=list)


@dataclass(slots=True)
class Entity:
    id: str
    start: int
    end: int
    text: str
    type: str  # PERSON, PLACE, COUNTRY, ORGANIZATION, MILITARY_UNIT, EVENT, DOCUMENT
    lemma: str
    ref: str | None = None
    subtype: str | None = None
    parent: str | None = None
    geo: dict[str, Any] | None = None
    role: str | None = None  # a title kept apart from the name: "gen.", "ambasador"

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id, "start": self.start, "end": self.end, "text": self.text, "type": self.type,
            "subtype": self.subtype, "lemma": self.lemma, "ref": self.ref, "parent": self.parent,
            "geo": self.geo,
        }
        if self.role:
            data["role"] = self.role
        return data


@dataclass(slots=True)
class Timex:
    id: str
    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str
    anchor: str | None = None
    mod: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "start": self.start, "end": self.end, "text": self.text, "type": self.type,
            "value": self.value, "edtf": timex_to_edtf(self.value, self.mod), "mod": self.mod,
            "anchor": self.anchor,
        }


@dataclass(slots=True)
class EventArgument:
    lemma: str
    entity: str | None = None  # entity id in this analysis
    role: str | None = None  # agent, patient, opponent, ... (participants only)


@dataclass(slots=True)
class Event:
    id: str
    type: str  # diplomacy, treaty, invasion, ... (see CONTRACT.md)
    trigger_start: int
    trigger_end: int
    trigger_text: str
    sentence: tuple[int, int]
    time: str | None = None  # TIMEX3 value
    timex: str | None = None  # id of the timex the time came from
    time_inherited: bool = False  # carried over from narrative time, not stated in the clause
    places: list[EventArgument] = field(default_factory=list)
    participants: list[EventArgument] = field(default_factory=list)
    # where the time comes from: "stated" in the clause, "document" (the date of a treaty the event is
    # about), "narrative" (carried from the text before), "issue" (the document's own date), or None
    time_basis: str | None = None
    modality: str = "asserted"  # asserted, negated, future, conditional, possible, reported
    lemma: str = ""  # the trigger's lexicon phrase: what makes two accounts tell the same happening
    confidence: float | None = None  # how plausible the event is (kronika.events.plausibility)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "type": self.type,
            "trigger": {"start": self.trigger_start, "end": self.trigger_end, "text": self.trigger_text},
            "sentence": list(self.sentence), "time": self.time, "timex": self.timex,
            "time_inherited": self.time_inherited, "time_basis": self.time_basis,
            "modality": self.modality, "lemma": self.lemma, "confidence": self.confidence,
            "places": [{"lemma": p.lemma, "entity": p.entity} for p in self.places],
            "participants": [
                {"lemma": p.lemma, "entity": p.entity, "role": p.role} for p in self.participants
            ],
        }


@dataclass(slots=True)
class NkjpSpan:
    start: int
    end: int
    label: str

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "label": self.label}


@dataclass(frozen=True, slots=True)
class Quantity:
    """A counted amount: *ponad 320 000 obywateli* → 320000 × *obywatel*, modifier ``more``."""

    start: int
    end: int
    text: str
    value: float
    unit: str  # lemma of the counted noun
    modifier: str | None = None  # approx / more / less
    predicate: str | None = None  # lemma of the sentence's first verb
    low: float | None = None  # a range's lower value (*4 albo 5 milionów*); ``value`` is its upper one

    def to_json(self) -> dict[str, Any]:
        value = int(self.value) if float(self.value).is_integer() else self.value
        found = {"start": self.start, "end": self.end, "text": self.text, "value": value, "unit": self.unit,
                 "modifier": self.modifier}
        if self.low is not None:
            found["low"] = int(self.low) if float(self.low).is_integer() else self.low
        return found


@dataclass(slots=True)
class Analysis:
    """Everything Kronika knows about one document; ``to_json`` is the contract's shape."""

    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    nkjp: list[NkjpSpan] = field(default_factory=list)  # always computed: the entity stage builds on it
    quantities: list[Quantity] = field(default_factory=list)
    show_nkjp: bool = False  # whether the contract JSON carries the layer (`analyze --nkjp`)

    @property
    def tokens(self) -> list[Token]:
        return [t for s in self.sentences for t in s.tokens]

    def to_json(self) -> dict[str, Any]:
        from kronika import __version__

        doc = self.document
        data: dict[str, Any] = {
            "kronika": __version__,
            "document": {"id": doc.id, "title": doc.title, "dct": doc.dct, "text": doc.text,
                         **{key: value for key, value in (("journal", doc.journal), ("pub_place", doc.pub_place))
                            if value}},
            "sentences": [[s.start, s.end] for s in self.sentences],
            "entities": [e.to_json() for e in self.entities],
            "timexes": [t.to_json() for t in self.timexes],
            "events": [e.to_json() for e in self.events],
            "quantities": [q.to_json() for q in self.quantities],
        }
        mods = {t.id: t.mod for t in self.timexes}
        for event, data_event in zip(self.events, data["events"], strict=True):
            # the event's time as the text gives it: its timex's mod, ``?`` when carried over
            data_event["edtf"] = timex_to_edtf(event.time, mods.get(event.timex or ""), event.time_inherited)
        if self.show_nkjp:
            data["nkjp"] = [n.to_json() for n in self.nkjp]
        return data
