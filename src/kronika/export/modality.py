"""How the exports treat events the text does not tell as facts (docs/formats.md, "Modality").

An event's ``modality`` is ``asserted`` or one of ``negated``, ``future``, ``conditional``, ``possible``,
``reported``. Formats that list every event found in the text (CSV, TEI) keep them all and mark the
modality; formats that state what happened (TimelineJS, RDF, the events of a place in LPF) leave out
what the text denies or only supposes, and mark what it announces or reports.
"""

from __future__ import annotations

ASSERTED = "asserted"
# denied, or only supposed: no happening to put on a timeline or to state as a sem:Event
NOT_HAPPENED = frozenset({"negated", "conditional", "possible"})
# how a timeline tells an event that is announced or only reported (Polish, as the interface)
LABELS = {"future": "zapowiedziane", "reported": "według doniesień", "negated": "zaprzeczone",
          "conditional": "warunkowe", "possible": "możliwe"}


def happened(modality: str) -> bool:
    """Whether a format that states happenings shows the event: asserted, announced or reported."""
    return modality not in NOT_HAPPENED
