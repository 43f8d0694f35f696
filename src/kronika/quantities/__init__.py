"""Counted quantities (*ponad 320 000 obywateli*, *7 milionów ludzi*, *80 km*): a pipeline stage, so the
analysis JSON shows the numbers that questions (*Ile…?*, *Ilu…?*) and conflict checks use."""

from __future__ import annotations

from kronika.model import Analysis
from kronika.quantities.extract import find_quantities, read_number
from kronika.quantities.resources import quantity_words

__all__ = ["annotate_quantities", "find_quantities", "quantity_words", "read_number"]


def annotate_quantities(analysis: Analysis) -> None:
    """Quantities of every sentence; numbers inside a timex or a name are not counts. One pass over the
    document's spans in order: each sentence gets only the spans that start before it ends (and one span
    standing for what earlier spans still cover), so the stage is linear in the document."""
    spans = sorted([(t.start, t.end) for t in analysis.timexes] + [(e.start, e.end) for e in analysis.entities])
    text = analysis.document.text
    quantities = []
    position, reach = 0, -1
    for sentence in analysis.sentences:
        local = [(sentence.start, reach)] if reach > sentence.start else []
        while position < len(spans) and spans[position][0] < sentence.end:
            local.append(spans[position])
            reach = max(reach, spans[position][1])
            position += 1
        quantities.extend(find_quantities(text, sentence, local))
    analysis.quantities = quantities
