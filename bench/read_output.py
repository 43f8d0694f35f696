"""Print what ``analyze`` finds in period texts, one line per entity, timex and event, for reading by hand.

    python bench/read_output.py PressMint-PL_1863-11-30-1863-30-listopada-2-2 [ID ...]

Texts come from ``../shared/data/period-texts/pressmint-pl-1830-1938.jsonl`` by id; a locked id (see
``bench/splits.py``) is refused unless ``--locked-ok`` is given, since its output is read only to report a
hand count. The hand counts in BENCHMARKS.md ("Reading real output") were made from this listing.
"""

from __future__ import annotations

import argparse
import sys

from corpus import SHARED
from splits import locked

from kronika.pipeline import analyze
from kronika.text.reader import read_file

PERIOD_TEXTS = SHARED / "data" / "period-texts" / "pressmint-pl-1830-1938.jsonl"


def listing(analysis: dict) -> list[str]:
    lines = [f"== {analysis['document']['id']} ({analysis['document']['dct']})"]
    for entity in analysis["entities"]:
        if entity.get("parent"):
            continue
        geo = entity.get("geo") or {}
        place = f"{geo.get('name_pl', '')} [{geo.get('country_then', '')}]" if geo else ""
        lines.append(f"E {entity['text']!r:32} {entity['type']:12} {entity.get('lemma')!r:28} {place}")
    for timex in analysis["timexes"]:
        lines.append(f"T {timex['text']!r:32} {timex['type']:8} {timex['value']} {timex.get('mod') or ''}")
    for event in analysis["events"]:
        participants = [participant["lemma"] for participant in event.get("participants", [])]
        lines.append(f"V {event['trigger']['text']!r:32} {event['type']:12} {event.get('time')} "
                     f"{event.get('time_basis')} {event.get('modality')} {participants}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ids", nargs="+")
    parser.add_argument("--locked-ok", action="store_true", help="allow locked texts (only to report a count)")
    arguments = parser.parse_args()
    wanted = set(arguments.ids)
    refused = sorted(key for key in wanted if locked(key) and not arguments.locked_ok)
    if refused:
        print(f"read_output: locked texts, read only to report (--locked-ok): {', '.join(refused)}", file=sys.stderr)
        return 2
    found = [document for document in read_file(PERIOD_TEXTS) if document.id in wanted]
    if len(found) < len(wanted):
        missing = wanted - {document.id for document in found}
        print(f"read_output: no such text: {', '.join(sorted(missing))}", file=sys.stderr)
        return 2
    for document in found:
        print("\n".join(listing(analyze(document).to_json())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
