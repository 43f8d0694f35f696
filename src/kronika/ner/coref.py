"""Mentions joined into entities: one canonical ``ref`` for every mention of a referent in a document.

Three links, each one a historian would draw: the same base form (*Lwowa* and *Lwów*), names listed as
aliases in ``resources/pl/aliases.tsv`` (*ZSRS* and *Związek Sowiecki*), a person's surname or
surname-less mention joined to the full name it ends (*Grzybowskiemu* → *Wacław Grzybowski*), and an
acronym joined to the name whose capitalised initials it spells (*KOP* → *Korpus Ochrony Pogranicza*).
"""

from __future__ import annotations

import re

from kronika.lang.fold import fold
from kronika.model import Entity
from kronika.ner.domain import load_lexicon, normalise_name

_REF_PREFIX = {
    "PERSON": "person", "PLACE": "place", "COUNTRY": "country", "ORGANIZATION": "organization",
    "MILITARY_UNIT": "unit", "EVENT": "event", "DOCUMENT": "document",
}


def slug(name: str) -> str:
    """``'Wilhelm Orlik-Rückemann'`` → ``'wilhelm-orlik-ruckemann'``."""
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")


def canonical_name(entity: Entity) -> str:
    """The entity's base form, or the canonical name of its alias group."""
    return load_lexicon().aliases.get(normalise_name(entity.lemma), entity.lemma)


def _acronym(name: str) -> str:
    return "".join(word[0] for word in re.split(r"[\s-]+", name) if word[:1].isupper())


def assign_refs(entities: list[Entity]) -> None:
    """Set ``ref`` on every entity; mentions of one referent share it."""
    names = {e.id: canonical_name(e) for e in entities}
    persons = [e for e in entities if e.type == "PERSON"]
    for entity in entities:
        name = names[entity.id]
        if entity.type == "PERSON":
            name = _full_person_name(entity, persons, names) or name
        elif name.isupper() and len(name) > 1:
            name = _expanded_acronym(entity, entities, names) or name
        entity.ref = f"{_REF_PREFIX[entity.type]}:{slug(name)}"


def _full_person_name(entity: Entity, persons: list[Entity], names: dict[str, str]) -> str | None:
    """The longest full name in the document that ends with this mention's name (nearest one first)."""
    words = normalise_name(names[entity.id]).split()
    candidates = [p for p in persons if len(normalise_name(names[p.id]).split()) > len(words)
                  and normalise_name(names[p.id]).split()[-len(words):] == words]
    if not candidates:
        return None
    nearest = min(candidates, key=lambda p: (p.start > entity.start, abs(p.start - entity.start)))
    return names[nearest.id]


def _expanded_acronym(entity: Entity, entities: list[Entity], names: dict[str, str]) -> str | None:
    letters = names[entity.id]
    for other in entities:
        if other.type == entity.type and other is not entity and " " in names[other.id] and \
                _acronym(names[other.id]) == letters:
            return names[other.id]
    return None
