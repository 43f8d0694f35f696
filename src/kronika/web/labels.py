"""Polish labels the web application shows for the contract's entity and event types."""

from __future__ import annotations

ENTITY_TYPES: dict[str, str] = {
    "PERSON": "osoba", "PLACE": "miejsce", "COUNTRY": "państwo", "ORGANIZATION": "organizacja",
    "MILITARY_UNIT": "jednostka wojskowa", "EVENT": "wydarzenie nazwane", "DOCUMENT": "dokument",
}

EVENT_TYPES: dict[str, str] = {
    "diplomacy": "dyplomacja", "treaty": "traktat", "invasion": "agresja", "military_movement": "ruch wojsk",
    "battle": "walka", "defense": "obrona", "capitulation": "kapitulacja", "negotiation": "rokowania",
    "order": "rozkaz", "arrest": "aresztowanie", "deportation": "deportacja", "mass_killing": "zbrodnia",
    "parade": "defilada", "legal_act": "akt prawny", "other": "inne",
    "fire": "pożar", "flood": "powódź", "disaster": "klęska żywiołowa", "accident": "wypadek", "death": "śmierć",
    "funeral": "pogrzeb", "crime": "przestępstwo", "speech": "przemówienie", "meeting": "zebranie",
    "election": "wybory", "appointment": "nominacja", "visit": "wizyta", "trial": "sąd", "strike": "strajk",
    "construction": "budowa", "sports": "sport", "search": "przeszukanie", "pursuit": "pościg",
}

TIMEX_TYPES: dict[str, str] = {"DATE": "data", "TIME": "czas", "DURATION": "okres", "SET": "powtarzalność"}


def entity_label(entity_type: str) -> str:
    return ENTITY_TYPES.get(entity_type, entity_type.lower())


def event_label(event_type: str) -> str:
    return EVENT_TYPES.get(event_type, event_type)
