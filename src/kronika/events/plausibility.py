"""How plausible a found event is: a small logistic regression over general features of the clause.

The rules of :mod:`kronika.events.annotate` propose events; this model, learned by
``scripts/train_event_plausibility.py`` from hand verdicts on texts outside the locked parts
(``bench/events_judged/``), gives each a ``confidence``: the probability that a reader judges it right.
Every event is emitted with it; none is dropped by it: cross-validation finds no cut that removes more
wrong events than right ones, and a cut lost right events on texts never trained on (BENCHMARKS.md,
"Events"). The features are general — the trigger's part of speech, form and
case, the event type's class, modality, where the time comes from, arguments found, the clause's kind —
never a word of one document, so what is learned carries to texts not read.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from kronika.lang.resources import read_table
from kronika.model import Event

# event types by the kind of happening; one weight per class, so that types seen rarely in the verdicts
# share what their class teaches
TYPE_CLASSES = {
    "invasion": "military", "military_movement": "military", "battle": "military", "defense": "military",
    "capitulation": "military", "parade": "military",
    "arrest": "repression", "deportation": "repression", "mass_killing": "repression", "crime": "repression",
    "trial": "repression", "search": "repression", "pursuit": "repression",
    "diplomacy": "politics", "treaty": "politics", "negotiation": "politics", "order": "politics",
    "legal_act": "politics", "election": "politics", "appointment": "politics",
    "meeting": "public", "speech": "public", "visit": "public", "strike": "public", "sports": "public",
    "construction": "public",
    "fire": "calamity", "flood": "calamity", "disaster": "calamity", "accident": "calamity",
    "death": "life", "funeral": "life",
    "other": "other",
}
MODALITY_CLASSES = {"asserted": "asserted", "negated": "negated", "future": "future", "reported": "reported",
                    "conditional": "irrealis", "possible": "irrealis"}
BIAS = "bias"


def event_features(event: Event, syntax: frozenset[str]) -> frozenset[str]:
    """The event's features: those of its clause (``syntax``, from the stage) and those of its fields."""
    found = set(syntax)
    found.add(f"type:{TYPE_CLASSES[event.type]}")
    found.add(f"modality:{MODALITY_CLASSES[event.modality]}")
    found.add(f"time:{event.time_basis or 'none'}")
    if event.participants:
        found.add("participants")
    if any(p.role == "agent" for p in event.participants):
        found.add("agent")
    if event.places:
        found.add("places")
    return frozenset(found)


@dataclass(frozen=True)
class PlausibilityModel:
    weights: dict[str, float]  # feature → weight; "bias" is the intercept

    def confidence(self, features: frozenset[str]) -> float:
        score = self.weights.get(BIAS, 0.0) + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-score))


@lru_cache(maxsize=4)
def load_plausibility(language: str = "pl") -> PlausibilityModel:
    weights: dict[str, float] = {}
    for number, (name, value) in read_table("kronika.events", f"resources/{language}/plausibility.tsv", 2):
        if name in weights:
            raise ValueError(f"plausibility.tsv line {number}: duplicate {name!r}")
        weights[name] = float(value)
    if BIAS not in weights:
        raise ValueError(f"plausibility.tsv: no {BIAS!r}")
    return PlausibilityModel(weights)
