"""The whole store read once for an export: documents rebuilt as analyses, events, canonical entities,
and the IRIs the linked-data formats (LPF, RDF) give them."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import quote

from kronika.edtf import timex_to_edtf
from kronika.errors import KronikaError
from kronika.model import Analysis, Entity, Sentence
from kronika.store import DocumentRecord, EntityRecord, EventRecord, Store
from kronika.store.corrections import HumanMarks, Mark, human_marks

DEFAULT_BASE_IRI = "urn:kronika:"


@dataclass(frozen=True)
class Iris:
    """IRIs of exported things under one base; text spans are NIF-style ``<document>#char=START,END``."""

    base: str = DEFAULT_BASE_IRI

    def document(self, document_id: str) -> str:
        return f"{self.base}document/{quote(document_id, safe='')}"

    def span(self, document_id: str, start: int, end: int) -> str:
        return f"{self.document(document_id)}#char={start},{end}"

    def entity(self, ref: str) -> str:
        return f"{self.base}entity/{quote(ref, safe=':')}"

    def event(self, document_id: str, local_id: str) -> str:
        return f"{self.base}event/{quote(document_id, safe='')}/{quote(local_id, safe='')}"

    def vocabulary(self, kind: str, name: str) -> str:
        """A Kronika term: ``eventType/battle``, ``roleType/agent``."""
        return f"{self.base}{kind}/{quote(name, safe='')}"


@dataclass
class StoreSnapshot:
    documents: list[DocumentRecord]
    analyses: dict[str, Analysis]  # by document id
    events: list[EventRecord]  # in ingestion and text order
    entities: dict[str, EntityRecord]  # canonical entities by their ref
    human: HumanMarks  # what people corrected: every format says who and when

    @classmethod
    def load(cls, store: Store) -> StoreSnapshot:
        """Everything an export needs; a store without documents is an error the user can fix."""
        documents = store.documents()
        if not documents:
            url = store.where
            raise KronikaError(f"the store at {url} has no documents: nothing to export "
                               "(add some with `kronika ingest PATH`)")
        analyses = {}
        for record in documents:
            analysis = store.document_analysis(record.id)
            if analysis is not None:  # deleted meanwhile by another process
                analyses[record.id] = analysis
        entities = {entity.ref: entity for entity in store.entities()}
        order = {record.id: position for position, record in enumerate(documents)}
        events = sorted(store.events(), key=lambda event: order.get(event.document, len(order)))  # stable
        return cls(documents, analyses, events, entities, human_marks(store))

    def places(self) -> list[EntityRecord]:
        """Canonical entities with coordinates (places; countries and regions when geocoded)."""
        return [entity for entity in self.entities.values() if entity.geo]

    @cached_property
    def _dates_by_ref(self) -> dict[str, list[str]]:
        # From the mentions grouped once, so an export asking for each place's dates stays linear.
        return {ref: sorted({dct for document_id, _ in mentions if (dct := self.analyses[document_id].document.dct)})
                for ref, mentions in self._mentions_by_ref.items()}

    def dates_naming(self, ref: str) -> list[str]:
        """The distinct dates (DCT) of the documents naming an entity, earliest first."""
        return self._dates_by_ref.get(ref, [])

    @cached_property
    def _mentions_by_ref(self) -> dict[str, list[tuple[str, Entity]]]:
        # One pass over every mention, so an export citing each place's mentions stays linear.
        found: dict[str, list[tuple[str, Entity]]] = {}
        for document_id, analysis in self.analyses.items():
            for mention in analysis.entities:
                if mention.ref:
                    found.setdefault(mention.ref, []).append((document_id, mention))
        return found

    def mentions_of(self, ref: str) -> list[tuple[str, Entity]]:
        """(document id, mention) of every mention of an entity, in document and text order."""
        return self._mentions_by_ref.get(ref, [])

    @cached_property
    def _events_by_place(self) -> dict[str, list[EventRecord]]:
        found: dict[str, list[EventRecord]] = {}
        for event in self.events:
            for ref in dict.fromkeys(place.ref for place in event.places if place.ref):  # an event once a place
                found.setdefault(ref, []).append(event)
        return found

    def events_at(self, ref: str) -> list[EventRecord]:
        """The events with the entity among their places, in the order of :attr:`events`."""
        return self._events_by_place.get(ref, [])

    def sentence_at(self, document_id: str, offset: int) -> Sentence | None:
        sentences = self.analyses[document_id].sentences
        index = bisect.bisect_right([s.start for s in sentences], offset) - 1
        if index >= 0 and offset < sentences[index].end:
            return sentences[index]
        return None

    def event_edtf(self, event: EventRecord) -> str | None:
        """The EDTF of an event's time: its timex's ``mod`` applied, ``?`` when carried over."""
        mod = None
        analysis = self.analyses.get(event.document)
        if analysis is not None:
            local = next((e for e in analysis.events if e.id == event.local_id), None)
            if local is not None and local.timex:
                mod = next((getattr(t, "mod", None) for t in analysis.timexes if t.id == local.timex), None)
        return timex_to_edtf(event.time, mod, event.time_inherited)

    def event_mark(self, event: EventRecord) -> Mark | None:
        return self.human.event(event.document, event.trigger_start, event.trigger_end)

    def year(self, document_id: str) -> str | None:
        """The year of a document's date, for citations."""
        dct = self.analyses[document_id].document.dct
        return dct[:4] if dct else None

    def title(self, document_id: str) -> str:
        document = self.analyses[document_id].document
        return document.title or document.source or document_id
