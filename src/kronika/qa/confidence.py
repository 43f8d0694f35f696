"""The confidence of an answer: the probability that it is right, from what supports it.

A logistic model over the answer's features — how much of the question its sentence covers, how well
its role fits, how close it stands to the asked verb, its lead over the best different answer, its
sentence's retrieval rank — fitted on development answers (the right ones, and the wrong ones the
reader gives when the right answer is out of its reach) by ``bench/qa_calibration.py`` and shipped as
data: ``resources/pl/confidence.tsv``, whose header names the SHA-1 of the table it was fitted on.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from kronika.lang.resources import read_table

FEATURES = ("coverage", "fit", "proximity", "lead", "rank")
L2 = 1.0  # ridge penalty on the weights (not the bias): few wrong answers, no extreme weights
# The share of first answers that are right on questions the reader was not tuned on: 59 of 85 on the
# development sets of 1838–1935 press at their first run, before any tuning. The table over-represents
# wrong answers (taken on purpose), so the fitted bias is moved to this rate (a prior-shift correction).
PRIOR = 59 / 85
STEPS = 50


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


def fit(rows: Sequence[tuple[Mapping[str, float], bool]], prior: float = PRIOR) -> dict[str, float]:
    """Weights of the logistic model of being right, by Newton's method with a ridge penalty, the bias
    moved from the table's share of right answers to ``prior``; deterministic, so refitting the same table
    gives the same weights."""
    xs = [[1.0, *(features[f] for f in FEATURES)] for features, _ in rows]
    ys = [1.0 if ok else 0.0 for _, ok in rows]
    size = len(FEATURES) + 1
    w = [0.0] * size
    for _ in range(STEPS):
        gradient = [-L2 * w[j] if j else 0.0 for j in range(size)]
        hessian = [[(L2 if i == j and i else 0.0) for j in range(size)] for i in range(size)]
        for x, y in zip(xs, ys, strict=True):
            p = 1.0 / (1.0 + math.exp(-sum(a * b for a, b in zip(w, x, strict=True))))
            for i in range(size):
                gradient[i] += (y - p) * x[i]
                for j in range(size):
                    hessian[i][j] += p * (1 - p) * x[i] * x[j]
        step = _solve(hessian, gradient)
        w = [a + b for a, b in zip(w, step, strict=True)]
        if max(abs(s) for s in step) < 1e-10:
            break
    share = sum(ys) / len(ys)
    w[0] += math.log(prior / (1 - prior)) - math.log(share / (1 - share))
    return {name: round(value, 4) for name, value in zip(("bias", *FEATURES), w, strict=True)}


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the system is small and positive definite)."""
    n = len(vector)
    rows = [[*matrix[i], vector[i]] for i in range(n)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(rows[r][col]))
        rows[col], rows[pivot] = rows[pivot], rows[col]
        for r in range(col + 1, n):
            factor = rows[r][col] / rows[col][col]
            rows[r] = [a - factor * b for a, b in zip(rows[r], rows[col], strict=True)]
    solution = [0.0] * n
    for r in reversed(range(n)):
        solution[r] = (rows[r][n] - sum(rows[r][c] * solution[c] for c in range(r + 1, n))) / rows[r][r]
    return solution


def read_answers(path: Path) -> list[tuple[dict[str, float], bool]]:
    """The answers a model is fitted on: a tab-separated table with a header, a ``right`` column (1 or 0)
    and one column per feature."""
    lines = path.read_text("utf-8").splitlines()
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t"), strict=True))
        rows.append(({f: float(row[f]) for f in FEATURES}, row["right"] == "1"))
    return rows


def write_weights(path: Path, weights: Mapping[str, float], source: str) -> None:
    lines = ["# Weights of the logistic model of an answer being right (kronika.qa.confidence).",
             f"# source: fitted by bench/qa_calibration.py --fit on {source}; licence: MIT.",
             "# Format: FEATURE<TAB>WEIGHT (bias first).",
             *(f"{name}\t{weights[name]}" for name in ("bias", *FEATURES))]
    path.write_text("\n".join(lines) + "\n", "utf-8")
