"""Loading and validating the quantity stage's language data (``resources/pl/quantity_words.tsv``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kronika.lang.resources import read_table


@dataclass(frozen=True)
class QuantityWords:
    multipliers: dict[str, float]
    modifiers: dict[str, str]  # lemma (possibly two words) → approx / more / less
    numerals: dict[str, int]
    not_units: frozenset[str]
    units: dict[str, str]  # abbreviation → the counted noun's lemma: "km" → "kilometr"
    compounds: dict[str, str]  # adjective of a compound with digits → its noun: "letni" → "rok"
    hundredths: dict[str, str]  # the hundredth part of a currency → the currency: "grosz" → "złoty"


@lru_cache(maxsize=4)
def quantity_words(language: str = "pl") -> QuantityWords:
    multipliers: dict[str, float] = {}
    modifiers: dict[str, str] = {}
    numerals: dict[str, int] = {}
    not_units: set[str] = set()
    units: dict[str, str] = {}
    compounds: dict[str, str] = {}
    hundredths: dict[str, str] = {}
    rows = read_table("kronika.quantities", f"resources/{language}/quantity_words.tsv", 3)
    for number, (lemma, kind, value) in rows:
        where = f"quantity_words.tsv line {number}"
        if kind == "multiplier":
            multipliers[lemma] = float(value)
        elif kind == "modifier":
            if value not in {"approx", "more", "less"}:
                raise ValueError(f"{where}: modifier must be approx, more or less, not {value!r}")
            modifiers[lemma] = value
        elif kind == "numeral":
            numerals[lemma] = int(value)
        elif kind == "not_unit":
            not_units.add(lemma)
        elif kind == "unit":
            units[lemma] = value
        elif kind == "compound":
            compounds[lemma] = value
        elif kind == "hundredth":
            hundredths[lemma] = value
        else:
            raise ValueError(f"{where}: unknown class {kind!r}")
    return QuantityWords(multipliers, modifiers, numerals, frozenset(not_units), units, compounds, hundredths)
