"""CPU time of the place exports as the store grows: the CSV ``places`` table and Linked Places.

The period newspaper texts of a split (``bench/validate_exports.py``) are analysed into a temporary SQLite
store once; the snapshot's documents are then repeated in memory (the same texts under new ids), so the
places stay the same while the documents naming them multiply. A per-place cost linear in the documents
shows as CPU time growing with the copies.

    python bench/export_places.py --split dev --copies 1 10 30
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from validate_exports import documents  # noqa: E402

from kronika.export.snapshot import StoreSnapshot  # noqa: E402
from kronika.export.store_export import render_snapshot  # noqa: E402
from kronika.pipeline import analyze  # noqa: E402
from kronika.store import Store  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "locked", "all"), default="dev")
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 10, 30])
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, Store.open(f"sqlite:///{folder}/store.sqlite") as store:
        for document in documents(arguments.split):
            store.ingest(analyze(document))
        base = StoreSnapshot.load(store)
    print(f"{len(base.analyses)} documents, {len(base.places())} places")
    for copies in arguments.copies:
        analyses = {f"{copy}:{key}": analysis for copy in range(copies) for key, analysis in base.analyses.items()}
        snapshot = dataclasses.replace(base, analyses=analyses)
        timings = []
        for label, options in (("CSV places", {"table": "places"}), ("LPF", {})):
            started = time.process_time()
            render_snapshot(snapshot, "csv" if options else "lpf", **options)
            timings.append(f"{label} {time.process_time() - started:.2f} s")
        print(f"{len(analyses)} documents: " + ", ".join(timings), flush=True)


if __name__ == "__main__":
    main()
