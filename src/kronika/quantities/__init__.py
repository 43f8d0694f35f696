"""Counted quantities (*ponad 320 000 obywateli*, *7 milionów ludzi*, *80 km*): a pipeline stage, so the
analysis JSON shows the numbers that questions (*Ile…?*, *Ilu…?*) and conflict checks use."""

from __future__ import annotations

from kronika.model import Analysis
from kronika.quantities.extract import find_quantities

__all__ = ["annotate_quantities", "find_quantities"]


def annotate_quantities(analysis: Analysis) -> None:
    """Quantities of every sentence; numbers inside a timex or a name are not counts."""
    excluded = [(t.start, t.end) for t in analysis.timexes] + [(e.start, e.end) for e in analysis.entities]
    text = analysis.document.text
    analysis.quantities = [q for sentence in analysis.sentences for q in find_quantities(text, sentence, excluded)]
