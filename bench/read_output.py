"""Print what ``analyze`` finds in period texts, sentence by sentence, for reading by hand.

    python bench/read_output.py PressMint-PL_1863-11-30-1863-30-listopada-2-2 [ID ...] [--docs FILE.jsonl]

Texts come from ``../shared/data/period-texts/`` (``pressmint-pl-1830-1938.jsonl`` and
``kurjer-wilenski-1939.jsonl``) by id, or from ``--docs`` (notes written for the benchmarks); a locked id (see
``bench/splits.py``) is refused unless ``--locked-ok`` is given, since its output is read only to report a
hand count. Each sentence is printed with its offsets, then what was found in it, so that a reader sees a miss
beside the words it was missed in: ``E`` a top-level entity (type/subtype, base form; a place with its
coordinates, its state on the article's date and the gazetteer's name), ``T`` a timex (value, mod, the timex
it was anchored on), ``V`` an event (type, time and where it came from, modality, participants with roles,
places), ``Q`` a quantity. The hand counts in BENCHMARKS.md ("Reading real output") were made from this
listing.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path

from corpus import SHARED
from splits import locked

from kronika.pipeline import analyze
from kronika.text.reader import read_file

PERIOD_TEXTS = (
    SHARED / "data" / "period-texts" / "pressmint-pl-1830-1938.jsonl",
    SHARED / "data" / "period-texts" / "kurjer-wilenski-1939.jsonl",
)


def place_note(geo: dict) -> str:
    """Where a geocoded entity was put, as a reader checks it: the place, its coordinates, its state then."""
    return (f"@ {geo.get('name_pl') or geo.get('name')} ({geo['lat']:.2f}, {geo['lon']:.2f}) "
            f"{geo.get('kind', '')}, then: {geo.get('country_then') or '-'}")


def entity_line(entity: dict) -> str:
    kind = entity["type"] + (f"/{entity['subtype']}" if entity.get("subtype") else "")
    geo = entity.get("geo")
    return (f"  E {entity['start']:>5} {entity['text']!r:30} {kind:20} {entity.get('lemma')!r:26}"
            + (f" {place_note(geo)}" if geo else ""))


def timex_line(timex: dict) -> str:
    mod = f" mod={timex['mod']}" if timex.get("mod") else ""
    anchor = f" (on {timex['anchor']})" if timex.get("anchor") else ""
    return (f"  T {timex['start']:>5} {timex['text']!r:30} {timex['id']:4} {timex['type']:8} "
            f"{timex['value']}{mod}{anchor}")


def event_line(event: dict) -> str:
    trigger = event["trigger"]
    time = f"{event['time']} ({event.get('time_basis')})" if event.get("time") else "no time"
    participants = ", ".join(f"{participant['role']}={participant['lemma']}"
                             for participant in event.get("participants", []))
    places = ", ".join(place["lemma"] for place in event.get("places", []))
    return (f"  V {trigger['start']:>5} {trigger['text']!r:30} {event['type']:14} {time}, {event.get('modality')}"
            + (f"; {participants}" if participants else "")
            + (f"; in {places}" if places else ""))


def quantity_line(quantity: dict) -> str:
    modifier = f" {quantity['modifier']}" if quantity.get("modifier") else ""
    return f"  Q {quantity['start']:>5} {quantity['text']!r:30} {quantity['value']} {quantity.get('unit')}{modifier}"


def listing(analysis: dict) -> list[str]:
    """The document's sentences, each followed by the entities, timexes, events and quantities that start in it."""
    document = analysis["document"]
    found = ([(entity["start"], entity_line(entity)) for entity in analysis["entities"] if not entity.get("parent")]
             + [(timex["start"], timex_line(timex)) for timex in analysis["timexes"]]
             + [(event["trigger"]["start"], event_line(event)) for event in analysis["events"]]
             + [(quantity["start"], quantity_line(quantity)) for quantity in analysis.get("quantities", [])])
    found.sort(key=lambda item: item[0])
    lines = [f"== {document['id']} ({document['dct']}) {document.get('title') or ''}"]
    for start, end in analysis["sentences"]:
        lines.append(f"[{start}–{end}]")
        lines.extend(textwrap.wrap(document["text"][start:end], width=110, initial_indent="| ",
                                   subsequent_indent="| "))
        lines.extend(line for offset, line in found if start <= offset < end)
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ids", nargs="+")
    parser.add_argument("--docs", type=Path, help="read the texts from this JSONL file instead of the period texts")
    parser.add_argument("--locked-ok", action="store_true", help="allow locked texts (only to report a count)")
    arguments = parser.parse_args()
    wanted = set(arguments.ids)
    refused = sorted(key for key in wanted if locked(key) and not arguments.locked_ok)
    if refused:
        print(f"read_output: locked texts, read only to report (--locked-ok): {', '.join(refused)}", file=sys.stderr)
        return 2
    sources = (arguments.docs,) if arguments.docs else PERIOD_TEXTS
    found = [document for path in sources for document in read_file(path) if document.id in wanted]
    if len(found) < len(wanted):
        missing = wanted - {document.id for document in found}
        print(f"read_output: no such text: {', '.join(sorted(missing))}", file=sys.stderr)
        return 2
    for document in found:
        print("\n".join(listing(analyze(document).to_json())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
