"""The confidence of an answer: the probability that it is right, from what supports it.

A logistic model over the answer's features — how much of the question its sentence covers, how well
its role fits, how close it stands to the asked verb, its lead over the best different answer, its
sentence's retrieval rank, how few other answers its sentence gives in as good a role — fitted on
development answers (the right ones, and the wrong ones the reader gives when the right answer is out of
its reach) by ``bench/qa_calibration.py`` and shipped as
data: ``resources/pl/confidence.tsv``, whose header names the SHA-1 of the table it was fitted on.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import lru_cache

from kronika.lang.resources import read_table

FEATURES = ("coverage", "fit", "proximity", "lead", "rank", "alone")


@lru_cache(maxsize=2)
def load_weights(language: str = "pl") -> dict[str, float]:
    weights: dict[str, float] = {}
    for number, (name, weight) in read_table("kronika.qa", f"resources/{language}/confidence.tsv", 2):
        if name not in {"bias", *FEATURES}:
            raise ValueError(f"confidence.tsv line {number}: unknown feature {name!r}")
        weights[name] = float(weight)
    if set(weights) != {"bias", *FEATURES}:
        raise ValueError(f"confidence.tsv: needs a weight for bias and each of {', '.join(FEATURES)}")
    return weights


def probability(features: Mapping[str, float], weights: Mapping[str, float] | None = None) -> float:
    weights = weights or load_weights()
    z = weights["bias"] + sum(weights[f] * features[f] for f in FEATURES)
    return 1.0 / (1.0 + math.exp(-z))
