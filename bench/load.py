"""A bounded loopback load test of `kronika serve`: N concurrent clients (default 50) for S seconds
(default 30), each on its own keep-alive connection, requesting a fixed mix of pages and API calls one
after another without pause (a closed loop: the harshest reading of "50 users"). Prints p50/p90/p99/max
latency, throughput and errors.

Run: `python bench/load.py [--clients 50] [--seconds 30] [--split dev|locked|all] [--db URL]`. The
store holds the bundled sample and the Kurjer Wileński 1939 articles (from ../shared, by split); the
server runs as its own process, as a user starts it.
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from splits import locked  # noqa: E402

ARTICLES = Path(__file__).resolve().parents[2] / "shared" / "data" / "period-texts" / "kurjer-wilenski-1939.jsonl"
TARGET_P99_MS = 200.0


def build_store(url: str, split: str) -> list[str]:
    """Ingest the sample and the articles of the split; the stored document ids."""
    from kronika.commands.demo import sample_document
    from kronika.model import Document
    from kronika.store import Store

    documents = [sample_document()]
    if ARTICLES.exists():
        for line in ARTICLES.read_text("utf-8").splitlines():
            record = json.loads(line)
            if split == "all" or locked(record["id"]) == (split == "locked"):
                documents.append(Document(record["id"], record["text"], record.get("dct"), record.get("title"),
                                          record.get("source")))
    with Store.open(url) as store:
        return [store.ingest(document) for document in documents]


def request_mix(document_ids: list[str]) -> list[str]:
    """What a reader does: lists, one document, names, timeline, map, searches and a question."""
    paths = ["/", "/api/documents", "/entities", "/timeline", "/map", "/conflicts", "/search?q=Wilno",
             "/api/search?q=wojsko", "/api/events?type=battle", "/api/entities?type=PLACE",
             "/ask?q=" + quote("Kiedy Armia Czerwona przekroczyła granicę?"), "/static/kronika.css"]
    paths += [f"/doc/{document_id}" for document_id in document_ids[:4]]
    paths += [f"/api/documents/{document_id}" for document_id in document_ids[:2]]
    return paths


async def client(host: str, port: int, paths: list[str], offset: int, deadline: float,
                 latencies: list[float], errors: list[str]) -> None:
    """One keep-alive connection, one request after another (asyncio: 50 clients cost one thread, so the
    measured latency is the server's, not the client's thread switching)."""
    reader, writer = await asyncio.open_connection(host, port)
    index = offset
    while time.monotonic() < deadline:
        path = paths[index % len(paths)]
        index += 1
        started = time.perf_counter()
        try:
            writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode())
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = int(re.search(rb"(?i)content-length:\s*(\d+)", head)[1])  # type: ignore[index]
            await reader.readexactly(length)
        except (OSError, ValueError, TypeError, asyncio.IncompleteReadError) as error:
            errors.append(f"{type(error).__name__} {path}")
            writer.close()
            reader, writer = await asyncio.open_connection(host, port)
            continue
        latencies.append(time.perf_counter() - started)
        if status != 200:
            errors.append(f"{status} {path}")
    writer.close()


async def run_clients(host: str, port: int, paths: list[str], clients: int, seconds: float,
                      latencies: list[float], errors: list[str]) -> None:
    deadline = time.monotonic() + seconds
    await asyncio.gather(*(client(host, port, paths, n, deadline, latencies, errors) for n in range(clients)))


def start_server(url: str) -> tuple[subprocess.Popen[str], str, int]:
    server = subprocess.Popen([sys.executable, "-m", "kronika.cli", "serve", "--db", url, "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert server.stdout is not None
    announced = server.stdout.readline()  # "Kronika: http://127.0.0.1:PORT/  (Ctrl+C kończy)"
    address = urlsplit(announced.split()[1])
    return server, address.hostname or "127.0.0.1", address.port or 0


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--split", choices=["dev", "locked", "all"], default="all",
                        help="which Kurjer Wileński articles go into the store (SPLITS.md)")
    parser.add_argument("--db", help="an existing store to serve instead of a new one")
    args = parser.parse_args()

    folder = tempfile.TemporaryDirectory()
    url = args.db or f"sqlite:///{Path(folder.name) / 'load.sqlite'}"
    ids = build_store(url, args.split)
    paths = request_mix(ids)
    server, host, port = start_server(url)
    try:
        for path in paths:  # warm the caches, and fail early on a broken page
            connection = http.client.HTTPConnection(host, port, timeout=60)
            connection.request("GET", path)
            status = connection.getresponse().status
            connection.close()
            if status != 200:
                raise SystemExit(f"load: {path} answered {status} before the test")
        latencies: list[float] = []
        errors: list[str] = []
        started = time.monotonic()
        asyncio.run(run_clients(host, port, paths, args.clients, args.seconds, latencies, errors))
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait()
        folder.cleanup()
    p99 = percentile(latencies, 0.99) * 1000
    result = {
        "clients": args.clients, "seconds": round(elapsed, 1), "documents": len(ids), "requests": len(latencies),
        "requests_per_second": round(len(latencies) / elapsed, 1),
        "p50_ms": round(percentile(latencies, 0.50) * 1000, 1), "p90_ms": round(percentile(latencies, 0.90) * 1000, 1),
        "p99_ms": round(p99, 1), "max_ms": round(max(latencies) * 1000, 1),
        "mean_ms": round(statistics.fmean(latencies) * 1000, 1), "errors": len(errors),
        "error_examples": sorted(set(errors))[:5], "target_p99_ms": TARGET_P99_MS,
        "target_met": p99 <= TARGET_P99_MS and not errors,
    }
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
