"""Latency of search and questions inside the web server, and of a first `kronika ask`, on a big store.

Starts `kronika serve` on the store given with `--db` (e.g. the one `bench/ingest_scaling.py --db …`
filled with 10,000 documents), sends `/api/search` and `/api/ask` requests from a few concurrent clients
on loopback for a fixed time, and prints p50/p95/p99 and errors per endpoint: first with every request
made distinct by a counter parameter the API ignores, so each one misses the server's response cache and
is computed (the figure that counts), then with the same few queries repeated (answered from the cache).
Before both, 20 other questions are asked once each: the server read their hit documents for no earlier
question (except those two of them share), so its cache of read documents hardly helps (the cold figure).
The server's own CPU time per request is printed too (from /proc on Linux): on a machine shared with
other jobs the wall times mostly measure the wait for a core. Before that it times the command
`kronika ask` from start to its first answer (wall and CPU). Run:
`python bench/server_latency.py --db sqlite:///PATH [--clients 4] [--seconds 20]`.
"""

from __future__ import annotations

import argparse
import os
import resource
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

KRONIKA = [sys.executable, "-m", "kronika.cli"]
QUERIES = {
    "search": ["Warszawa", "rząd", "wojsko", "Polska", "prezydent", "sejm", "wojna", "Kraków"],
    "ask": ["Kiedy zebrał się Sejm?", "Gdzie walczyło wojsko?", "Kto był prezydentem?", "Ile osób zginęło?"],
}
# asked once each, before anything else: no document they hit was read for an earlier question
FIRST_QUESTIONS = [
    "Kto rządził Polską?", "Gdzie mieszkał król?", "Kiedy wybuchła wojna?", "Ile kosztował bilet?",
    "Kto wygrał wybory?", "Gdzie odbył się mecz?", "Z kim rozmawiał premier?", "Kiedy zmarł papież?",
    "Który klub zdobył mistrzostwo?", "Ile lat miał prezydent?", "Skąd przyjechali goście?",
    "Dokąd pojechał minister?", "Kogo aresztowała policja?", "Jaki był wynik meczu?", "Kto kierował rządem?",
    "Gdzie urodził się poeta?", "Kiedy otwarto szkołę?", "Ile ton zboża zebrano?", "Kto napisał list?",
    "Gdzie pracował lekarz?",
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5).read()
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    sys.exit(f"the server did not answer {url} in {timeout:.0f} s")


def load(base: str, endpoint: str, clients: int, seconds: float, distinct: bool,
         once: list[str] | None = None) -> tuple[list[float], int]:
    """Requests from ``clients`` threads for ``seconds``, or until each query of ``once`` was sent once."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop = time.monotonic() + seconds
    pending = list(once or [])

    def client(number: int) -> None:
        nonlocal errors
        queries = QUERIES[endpoint]
        sent = number
        while time.monotonic() < stop:
            if once is not None:
                with lock:
                    if not pending:
                        return
                    text = pending.pop()
            else:
                text = queries[sent % len(queries)]
            query = urllib.parse.quote(text)
            nonce = f"&n={number}-{sent}" if distinct else ""  # an unknown parameter: a new cache key
            sent += 1
            start = time.perf_counter()
            try:
                urllib.request.urlopen(f"{base}/api/{endpoint}?q={query}{nonce}", timeout=30).read()
                with lock:
                    latencies.append(time.perf_counter() - start)
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                with lock:
                    errors += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors


def cpu_seconds(pid: int) -> float | None:
    """User and system CPU seconds of a process so far (Linux), else None."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=20)
    args = parser.parse_args()
    walls, cpus = [], []
    for question in QUERIES["ask"]:
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(KRONIKA + ["ask", question, "--db", args.db], check=True, capture_output=True)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime)
    print(f"`kronika ask` from start to answer: median {statistics.median(walls):.2f} s wall "
          f"({statistics.median(cpus):.2f} s CPU), max {max(walls):.2f} s wall ({len(walls)} questions)")
    port = free_port()
    server = subprocess.Popen(KRONIKA + ["serve", "--db", args.db, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{base}/api/documents")
        # the first search and question load the dictionary and the reader's tables: not counted
        load(base, "search", 1, 2, distinct=False)
        load(base, "ask", 1, 30, distinct=False, once=QUERIES["ask"][:1])
        phases = [("ask", "first questions", True, FIRST_QUESTIONS)]
        phases += [(endpoint, "distinct" if distinct else "repeated", distinct, None)
                   for distinct in (True, False) for endpoint in QUERIES]
        for endpoint, kind, distinct, once in phases:
            if once is None:
                load(base, endpoint, 1, 2, distinct=False)  # warm the server (and fill its response cache)
            before = cpu_seconds(server.pid)
            latencies, errors = load(base, endpoint, args.clients, args.seconds, distinct, once)
            after = cpu_seconds(server.pid)
            used = f", server CPU {(after - before) / len(latencies) * 1000:.1f} ms per request" \
                if before is not None and after is not None and latencies else ""
            if not latencies:
                print(f"/api/{endpoint} ({kind}): no answer, {errors} errors")
                continue
            p50, p95, p99 = (percentile(latencies, share) * 1000 for share in (0.5, 0.95, 0.99))
            print(f"/api/{endpoint} ({kind}): {len(latencies)} requests from {args.clients} clients, "
                  f"p50 {p50:.0f} ms, p95 {p95:.0f} ms, p99 {p99:.0f} ms, {errors} errors{used}", flush=True)
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
