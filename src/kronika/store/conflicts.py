"""Sources that disagree: different dates or numbers for what the store takes to be one thing.

Two events from different documents are taken to be the same event when they have the same type, share
at least one canonical entity among their places and participants, share a place when both name places,
and share a participant when both name participants (*walki pod Szackiem* of the group of Orlik-Rückemann
in two accounts). Their dates disagree when the TIMEX3 intervals stated in their own clauses do not
overlap: *1939-09* and *1939-09-28* agree, *1939-09-28* and *1939-09-30* do not; on one day, two different
clock times disagree. Dates carried over from narrative time or the issue date are not claims and are left
out, and so are events told as denied, future or possible.

Two quantities from different documents count the same thing when they count the same noun and either
belong to the same event or, outside events, have the same main verb and share a named entity in their
sentences (*wywieziono 320 000 obywateli* / *wywieziono milion obywateli*, both about the USSR). They
disagree when their ranges do not overlap: *około* allows 10% either way, *ponad* anything above,
*prawie* up to 10% below.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping
from datetime import date, timedelta
from typing import TypeVar

from kronika.lang.fold import fold
from kronika.store.intervals import overlaps
from kronika.store.records import Argument, Claim, Conflict, EventRecord, QuantityRecord

T = TypeVar("T")
APPROXIMATION = 0.1  # how far "około" / "prawie" may stray from the stated number
# events told as having happened (or said to have); a denied, future or possible event claims no date
CLAIMS = frozenset({"asserted", "reported"})


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[Hashable, Hashable] = {}

    def find(self, item: Hashable) -> Hashable:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: Hashable, b: Hashable) -> None:
        self.parent[self.find(a)] = self.find(b)


def _keys(arguments: Iterable[Argument]) -> set[Hashable]:
    return {("entity", a.entity_id) if a.entity_id is not None else ("lemma", fold(a.lemma)) for a in arguments}


def same_event(a: EventRecord, b: EventRecord) -> bool:
    """Whether two events of different documents are judged to be one event."""
    if a.document == b.document or a.type != b.type:
        return False
    places_a, places_b = _keys(a.places), _keys(b.places)
    people_a, people_b = _keys(a.participants), _keys(b.participants)
    if places_a and places_b and not places_a & places_b:
        return False
    if people_a and people_b and not people_a & people_b:
        return False
    return bool((places_a | people_a) & (places_b | people_b))


def _event_groups(events: list[EventRecord]) -> dict[int, Hashable]:
    """Event id → group root, joining events judged the same across documents."""
    groups = _UnionFind()
    by_key: dict[tuple[str, Hashable], list[EventRecord]] = defaultdict(list)
    for event in events:
        groups.find(event.id)
        for key in _keys(event.places) | _keys(event.participants):
            by_key[(event.type, key)].append(event)
    for candidates in by_key.values():
        for i, a in enumerate(candidates):
            for b in candidates[i + 1:]:
                if groups.find(a.id) != groups.find(b.id) and same_event(a, b):
                    groups.union(a.id, b.id)
    return {event.id: groups.find(event.id) for event in events}


def _subject(event: EventRecord) -> str:
    names = dict.fromkeys(a.lemma for a in (*event.places, *event.participants))
    return f"{event.type}: {', '.join(names)}" if names else event.type


def _disagree(claims: list[tuple[str, T]], compatible: Callable[[T, T], bool]) -> bool:
    """Whether two claims of different documents are incompatible."""
    return any(a_doc != b_doc and not compatible(a, b)
               for i, (a_doc, a) in enumerate(claims) for b_doc, b in claims[i + 1:])


def _clock(time: str | None) -> str | None:
    """The hour and minute of a TIMEX3 time value (``1939-09-17T03:00`` → ``03:00``), else None."""
    if time and "T" in time:
        clock = time.split("T", 1)[1]
        return clock if clock[:2].isdigit() else None
    return None


def _reach(event: EventRecord) -> tuple[str, str] | None:
    """The days an event's time covers; a night (``…TNI``) reaches into the next morning, so *w nocy z 6
    na 7 czerwca* agrees with *7 czerwca*."""
    if event.interval is None or not (event.time or "").endswith("TNI"):
        return event.interval
    return event.interval[0], (date.fromisoformat(event.interval[1]) + timedelta(days=1)).isoformat()


def _times_agree(a: EventRecord, b: EventRecord) -> bool:
    """Overlapping days, and the same hour when both give one (*o godzinie 5* against *o 9*)."""
    reach_a, reach_b = _reach(a), _reach(b)
    if reach_a is None or reach_b is None or not overlaps(reach_a, reach_b):
        return False
    clock_a, clock_b = _clock(a.time), _clock(b.time)
    return clock_a is None or clock_b is None or a.interval != b.interval or clock_a == clock_b


def _date_conflicts(events: list[EventRecord], groups: dict[int, Hashable]) -> list[Conflict]:
    members: dict[Hashable, list[EventRecord]] = defaultdict(list)
    for event in events:
        if event.interval is not None and not event.time_inherited and event.modality in CLAIMS:
            members[groups[event.id]].append(event)
    conflicts = []
    for group in members.values():
        if not _disagree([(e.document, e) for e in group], _times_agree):
            continue
        claims = tuple(Claim(e.time or "", e.trigger_text, e.sentence, event_id=e.id) for e in group)
        conflicts.append(Conflict("date", _subject(group[0]), claims))
    return conflicts


def number_range(quantity: QuantityRecord) -> tuple[float, float]:
    value = quantity.value
    if quantity.modifier == "approx":
        return value * (1 - APPROXIMATION), value * (1 + APPROXIMATION)
    if quantity.modifier == "more":
        return value, math.inf
    if quantity.modifier == "less":
        return value * (1 - APPROXIMATION), value
    return value, value


def _numbers_agree(a: QuantityRecord, b: QuantityRecord) -> bool:
    (a_low, a_high), (b_low, b_high) = number_range(a), number_range(b)
    return a_low <= b_high and b_low <= a_high


def _number_value(quantity: QuantityRecord) -> str:
    number = f"{quantity.value:.0f}" if quantity.value.is_integer() else f"{quantity.value:g}"
    return {"approx": "~", "more": ">", "less": "<"}.get(quantity.modifier or "", "") + number


def _number_conflicts(quantities: list[QuantityRecord], events: list[EventRecord], groups: dict[int, Hashable],
                      sentence_entities: Mapping[tuple[str, int], frozenset[int]]) -> list[Conflict]:
    event_by_id = {event.id: event for event in events}
    clusters = _UnionFind()
    by_unit: dict[str, list[QuantityRecord]] = defaultdict(list)
    for quantity in quantities:
        clusters.find(quantity.id)
        by_unit[quantity.unit].append(quantity)

    def entities_of(q: QuantityRecord) -> frozenset[int]:
        return sentence_entities.get((q.document, q.sentence.start), frozenset())

    for candidates in by_unit.values():
        for i, a in enumerate(candidates):
            for b in candidates[i + 1:]:
                if a.document == b.document:
                    continue
                if a.event_id is not None and b.event_id is not None:
                    same = groups.get(a.event_id) == groups.get(b.event_id)
                else:
                    same = (a.predicate is not None and a.predicate == b.predicate
                            and bool(entities_of(a) & entities_of(b)))
                if same:
                    clusters.union(a.id, b.id)
    members: dict[Hashable, list[QuantityRecord]] = defaultdict(list)
    for quantity in quantities:
        members[clusters.find(quantity.id)].append(quantity)
    conflicts = []
    for group in members.values():
        if not _disagree([(q.document, q) for q in group], _numbers_agree):
            continue
        event = next((event_by_id[q.event_id] for q in group if q.event_id in event_by_id), None)
        subject = f"{group[0].unit} ({_subject(event)})" if event else group[0].unit
        claims = tuple(Claim(_number_value(q), q.text, q.sentence, event_id=q.event_id, quantity_id=q.id)
                       for q in group)
        conflicts.append(Conflict("number", subject, claims))
    return conflicts


def find_conflicts(events: list[EventRecord], quantities: list[QuantityRecord],
                   sentence_entities: Mapping[tuple[str, int], frozenset[int]]) -> list[Conflict]:
    """Date conflicts between events judged the same, then number conflicts between quantities."""
    groups = _event_groups(events)
    return _date_conflicts(events, groups) + _number_conflicts(quantities, events, groups, sentence_entities)
