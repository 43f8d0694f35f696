"""What a document page pays for the human marks: ``human_marks`` over a correction log of 20,000 rows
(19 date corrections in each of 1,000 documents, one entity correction per document), for the whole log (the
exports) and for one document (a workbench page, its ``analyze`` JSON).

Run: `python bench/correction_marks.py` (results on stdout; record them in BENCHMARKS.md with the date).
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import insert

from kronika.store import Store, schema
from kronika.store.corrections import human_marks

DOCUMENTS, DATES_PER_DOCUMENT = 1_000, 19


def correction_rows() -> list[dict[str, object]]:
    common = {"previous": "{}", "user": "Ewa", "created_at": "2026-12-07T10:00:00+00:00"}
    rows: list[dict[str, object]] = []
    for document in range(DOCUMENTS):
        for k in range(DATES_PER_DOCUMENT):
            rows.append({**common, "document_id": f"doc{document:04}", "kind": "timex",
                         "target": json.dumps({"start": 10 * k, "end": 10 * k + 5, "text": "1939"}),
                         "value": json.dumps({"value": "1939"})})
        rows.append({**common, "document_id": None, "kind": "entity",
                     "target": json.dumps({"ref": f"person:p{document}"}), "value": json.dumps({"lemma": "Nowak"})})
    return rows


def cpu_ms(function: Callable[[], object], repeats: int = 7) -> float:
    """Median CPU milliseconds of ``repeats`` calls."""
    times = []
    for _ in range(repeats):
        start = time.process_time()
        function()
        times.append(time.process_time() - start)
    return 1000 * statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(f"sqlite:///{Path(folder) / 'store.sqlite'}")
        with store.engine.begin() as connection:
            connection.execute(insert(schema.corrections), correction_rows())
        rows = DOCUMENTS * (DATES_PER_DOCUMENT + 1)
        print(f"human_marks, {rows:,} corrections: whole log {cpu_ms(lambda: human_marks(store)):.0f} ms CPU, "
              f"one document {cpu_ms(lambda: human_marks(store, 'doc0500')):.0f} ms CPU (median of 7)")
        store.engine.dispose()


if __name__ == "__main__":
    main()
