"""Temporal expressions: recognition, TIMEX3 normalisation and narrative anchoring.

``find_timexes`` runs the grammar of ``resources/<language>/`` over a text in two phases (match and
normalise, then merge and anchor). Conventions: ``"kronika"`` (the project's contract: a range of dates is
one timex with an ISO interval value, a range of amounts two durations, "dzień później" a date) and ``"kpwr"``
(the KPWr TimeML guidelines: a range's ends are two timexes, "dwa dni wcześniej" is the duration "dwa dni",
unknown amounts "VAGUE").
"""

from __future__ import annotations

from kronika.model import Analysis, Sentence, Timex
from kronika.timex.grammar import load_grammar
from kronika.timex.match import find_candidates, read_ocr_digits
from kronika.timex.resolve import merge, resolve

CONVENTIONS = ("kronika", "kpwr")


def find_timexes(
    text: str, dct: str | None = None, sentences: list[Sentence] | None = None, *,
    convention: str = "kronika", language: str = "pl",
) -> list[Timex]:
    """Temporal expressions of ``text`` with TIMEX3 values, anchored on ``dct`` (YYYY-MM-DD) and on
    the narrative; ids t1, t2… in text order."""
    if convention not in CONVENTIONS:
        raise ValueError(f"unknown convention {convention!r}; expected one of {CONVENTIONS}")
    grammar = load_grammar(language)
    lower = text.lower()
    if len(lower) != len(text):  # a few characters lower-case to two: keep offsets exact
        lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    lower = read_ocr_digits(lower, grammar)
    candidates = merge(find_candidates(text, lower, grammar), text, lower, grammar)
    return resolve(candidates, text, dct, sentences, convention, grammar)


def annotate_timexes(analysis: Analysis) -> None:
    """Pipeline stage: fill ``analysis.timexes`` from the document's text and creation date."""
    document = analysis.document
    analysis.timexes = find_timexes(document.text, document.dct, analysis.sentences)


__all__ = ["CONVENTIONS", "annotate_timexes", "find_timexes"]
