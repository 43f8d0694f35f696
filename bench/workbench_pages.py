"""Load times of the workbench's pages on a large store: every page a historian opens, through `kronika serve`.

Copies the store given with `--db` (a SQLite file, e.g. one `bench/ingest_scaling.py --documents 500 --keep
FOLDER` filled), records a few corrections in the copy (so the corrections list and the exports have some),
serves it on loopback and fetches each page `--rounds` times (after one warm-up round). Before every fetch
an editing request (refused: no CSRF token) empties the server's page cache, as a correction does, so every
page is computed from the store; each page is then fetched once more from the cache. Prints the median and
the slowest wall time per page and whether all are under one second.
Run: `python bench/workbench_pages.py --db sqlite:///PATH [--rounds 5]`.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from server_latency import KRONIKA, free_port, wait_until_up  # noqa: E402

from kronika.store import Store  # noqa: E402
from kronika.store import corrections as library  # noqa: E402

CORRECTIONS = 10
TARGET = 1.0  # seconds: the issue's bound for a page on a store of 500 documents


def prepare(store: Store) -> dict[str, str]:
    """Record corrections by a bench user; returns the pages' paths, keyed by a short label."""
    entities = store.entities()
    top_place = next(e for e in entities if e.type == "PLACE" and e.geo)
    for entity in entities[1:CORRECTIONS + 1]:
        library.correct(store, "entity", {"ref": entity.ref}, {"lemma": entity.lemma + " (sprawdzone)"}, "bench")
    document = store.documents()[len(store.documents()) // 2].id
    quote = urllib.parse.quote
    return {
        "documents /": "/",
        "names /entities": "/entities",
        f"entity ({entities[0].mentions} mentions)": f"/entity?ref={quote(entities[0].ref)}",
        f"place ({top_place.mentions} mentions)": f"/entity?ref={quote(top_place.ref)}",
        "document /doc/ID": f"/doc/{document}",
        "timeline /timeline": "/timeline",
        "map /map": "/map",
        "map data /api/map": "/api/map",
        "corrections /corrections": "/corrections",
        "search /search?q=Warszawa": "/search?q=Warszawa",
        "conflicts /conflicts": "/conflicts",
    }


def fetch(address: str) -> float:
    start = time.perf_counter()
    urllib.request.urlopen(address, timeout=120).read()
    return time.perf_counter() - start


def forget(base: str) -> None:
    """An editing request: the server empties its page cache (this one is refused, it has no CSRF token)."""
    try:
        urllib.request.urlopen(urllib.request.Request(f"{base}/undo", data=b"id=0", method="POST"), timeout=60)
    except urllib.error.HTTPError as error:
        assert error.code == 400, error.code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True, help="sqlite:///PATH of a filled store (copied, never changed)")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    source = Path(args.db.removeprefix("sqlite:///"))
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "store.sqlite"
        shutil.copyfile(source, copy)
        db = f"sqlite:///{copy}"
        with Store.open(db) as store:
            documents = len(store.documents())
            paths = prepare(store)
        port = free_port()
        server = subprocess.Popen(KRONIKA + ["serve", "--db", db, "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        times: dict[str, list[float]] = {label: [] for label in paths}
        cached: dict[str, list[float]] = {label: [] for label in paths}
        try:
            wait_until_up(f"{base}/api/documents")
            for round_number in range(args.rounds + 1):
                for label, path in paths.items():
                    forget(base)
                    computed = fetch(base + path)
                    again = fetch(base + path)
                    if round_number:  # the first round only warms the server
                        times[label].append(computed)
                        cached[label].append(again)
        finally:
            server.terminate()
            server.wait()
    print(f"{documents} documents, {CORRECTIONS} corrections; {args.rounds} rounds, wall seconds per page")
    print("| page | median | slowest | from the cache (median) |\n| --- | --- | --- | --- |")
    for label, measured in times.items():
        print(f"| {label} | {statistics.median(measured):.3f} | {max(measured):.3f} | "
              f"{statistics.median(cached[label]):.3f} |")
    slowest = max(max(measured) for measured in times.values())
    print(f"every page under {TARGET:.0f} s: {'yes' if slowest < TARGET else 'no'} (slowest {slowest:.3f} s)")


if __name__ == "__main__":
    main()
