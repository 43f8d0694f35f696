"""Score the events stage on a written events gold: every happening of a few notes, by hand.

Usage: python bench/events_gold.py [--gold PATH] [--show]

The gold (``bench/data/events_fresh.gold.jsonl``, the first such set: ``bench/data/FRESH.md``, tenth round) is
JSON lines, one note a line: ``id``, ``dct``, ``title``, ``text`` and ``happenings``, each with its trigger's span
(``start``, ``end``, ``trigger``), ``kind`` (an event type of the events stage, else ``other``), ``modality``
(``fact``, ``future``, ``planned``, ``conditional``, ``negated``, ``rumour``) and ``time`` (a TIMEX3 value or
null), with ``time_alternatives`` where a reader may take it two ways.

Figures, after the pipeline runs on each note:
- recall: gold happenings whose trigger overlaps the trigger of an event;
- precision: events whose trigger overlaps a gold happening. The writer of a gold may miss a happening, and an
  event on it counts wrong here: this is a lower bound that a judge reading the extra events may raise;
- of the matched (each gold happening with the first event overlapping it): the modality right, the type right
  (the gold's kind), and the time right, counted where either side gives a time (the event's time is the gold
  time or an alternative). The stage's modalities are read in the gold's terms: ``asserted`` is a fact,
  ``reported`` a rumour, ``future`` a future or planned happening, ``possible`` a conditional or future one.

``--show`` lists the misses, the extra events and the matched ones with a wrong modality, type or time; it is
refused for a set never tuned on (``bench/fresh.py``).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from fresh import refuse_misses

from kronika.model import Document, Event
from kronika.pipeline import analyze

DEFAULT_GOLD = Path(__file__).resolve().parent / "data" / "events_fresh.gold.jsonl"

# the events stage's modality -> the gold modalities it agrees with
AGREEING_MODALITIES = {
    "asserted": {"fact"},
    "negated": {"negated"},
    "future": {"future", "planned"},
    "conditional": {"conditional"},
    "possible": {"conditional", "future"},
    "reported": {"rumour"},
}


def read_notes(path: Path) -> list[dict]:
    """The notes of a gold file, one JSON object a line."""
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _overlaps(happening: dict, event: Event) -> bool:
    return event.trigger_start < happening["end"] and happening["start"] < event.trigger_end


def _time_right(happening: dict, event: Event) -> bool:
    return event.time in {happening["time"], *happening.get("time_alternatives", [])}


def score_note(note: dict, events: list[Event]) -> tuple[Counter[str], list[str]]:
    """The counts of one note against its events, and a line for each miss, extra event or wrong match."""
    counts: Counter[str] = Counter(gold=len(note["happenings"]), system=len(events))
    lines: list[str] = []
    for happening in note["happenings"]:
        event = next((e for e in sorted(events, key=lambda e: e.trigger_start) if _overlaps(happening, e)), None)
        gold = f"{happening['trigger']!r} {happening['kind']} {happening['modality']} {happening['time']}"
        if event is None:
            lines.append(f"  {note['id']}: missed {gold}")
            continue
        counts["found"] += 1
        modality = happening["modality"] in AGREEING_MODALITIES.get(event.modality, set())
        kind = event.type == happening["kind"]
        timed = happening["time"] is not None or event.time is not None
        time = timed and _time_right(happening, event)
        counts["modality"] += modality
        counts["type"] += kind
        counts["timed"] += timed
        counts["time"] += time
        if not (modality and kind and (time or not timed)):
            lines.append(f"  {note['id']}: gold {gold} ours {event.trigger_text!r} {event.type} {event.modality} "
                         f"{event.time}")
    for event in events:
        if any(_overlaps(h, event) for h in note["happenings"]):
            counts["correct"] += 1
        else:
            lines.append(f"  {note['id']}: extra {event.trigger_text!r} {event.type} {event.modality} {event.time}")
    return counts, lines


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f} ({part}/{whole})" if whole else f"- (0/{whole})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--show", action="store_true", help="list the errors (refused on a set never tuned on)")
    args = parser.parse_args()
    if args.show:
        refuse_misses(args.gold)
    notes = read_notes(args.gold)
    totals: Counter[str] = Counter()
    for note in notes:
        analysis = analyze(Document(id=note["id"], text=note["text"], dct=note.get("dct"), title=note.get("title")))
        counts, lines = score_note(note, analysis.events)
        totals.update(counts)
        if args.show:
            print("\n".join(lines))
    print(f"events gold {args.gold.name}: {len(notes)} notes, {totals['gold']} happenings, {totals['system']} events")
    print(f"  recall {_ratio(totals['found'], totals['gold'])}; "
          f"precision against the gold {_ratio(totals['correct'], totals['system'])} (a lower bound)")
    print(f"  of the matched: modality {_ratio(totals['modality'], totals['found'])}, "
          f"type {_ratio(totals['type'], totals['found'])}, "
          f"time {_ratio(totals['time'], totals['timed'])} (where either side gives one)")


if __name__ == "__main__":
    main()
