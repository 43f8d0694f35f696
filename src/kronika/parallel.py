"""Documents analysed on several cores or on a Dask cluster, results handed back in input order.

The analysis is the costly part (about 0.1 ms a word); storing is cheap and wants one writer per store,
so the workers only analyse and the caller stores what comes back (``kronika ingest``). At most
``window`` documents are in flight at once, which bounds memory however long the input is. A document
whose analysis fails comes back with a one-line error instead of an analysis, so one bad document never
stops the others.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import re
import signal
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from kronika.errors import KronikaError
from kronika.model import Analysis, Document

_PR_SET_PDEATHSIG = 1  # prctl(2)

_WORD = re.compile(r"\w+")
LOCAL = "local"  # ``--dask local``: a cluster of worker processes on this machine


@dataclass(slots=True)
class Outcome:
    """One document after analysis: its analysis, or the one-line reason it has none (neither: the
    caller decided it needs no analysis, e.g. it is stored already)."""

    document: Document
    analysis: Analysis | None
    error: str | None = None

    @property
    def words(self) -> int:
        return count_words(self.document.text)


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def default_workers() -> int:
    """All the cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def analyse_document(document: Document, nkjp: bool = False) -> Outcome:
    """Analyse one document within the per-document time limit; any failure becomes the outcome's error (a
    worker must outlive a bad document)."""
    from kronika.limits import time_limit
    from kronika.pipeline import analyze

    try:
        with time_limit(None, document.source or document.id, len(document.text)):
            return Outcome(document, analyze(document, nkjp=nkjp))
    except KronikaError as error:
        return Outcome(document, None, str(error))
    except RecursionError:
        return Outcome(document, None, "too deeply nested to analyse")
    except MemoryError:
        return Outcome(document, None, "out of memory; split it into smaller documents")
    except Exception as error:  # a bug, not bad input: reported with the document's name, the run goes on
        return Outcome(document, None, f"internal error: {type(error).__name__}: {error}")


def _die_with_parent() -> None:
    """On Linux, have the kernel end this worker when the process that started it dies (killed with -9, say):
    a forked worker keeps copies of the parent's sockets, so an orphan would hold its database connection
    and its locks open."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass  # not Linux: the worker ends when it finds its task queue closed


def _warm_up() -> None:
    """Tie the worker's life to its parent's, run the garbage collector as a long run should, and load the
    dictionaries and models once per worker, before the first document is timed."""
    from kronika.pipeline import collect_garbage_rarely

    _die_with_parent()
    collect_garbage_rarely()
    analyse_document(Document(id="warm-up", text="Dnia 17 września 1939 r. Armia Czerwona wkroczyła do Polski."))


def analyse_stream(documents: Iterable[Document | Outcome], *, workers: int = 1, dask: str | None = None,
                   nkjp: bool = False, window: int | None = None) -> Iterator[Outcome]:
    """Outcomes of ``documents`` in input order: in this process (``workers=1``), in a pool of ``workers``
    processes, or on the Dask cluster at ``dask`` (a scheduler address, or ``"local"``). An outcome among
    the documents is passed through in its place, unanalysed."""
    if dask is not None:
        yield from _on_dask(documents, dask, workers, nkjp, window or 8 * max(workers, 1))
    elif workers <= 1:
        for item in documents:
            yield item if isinstance(item, Outcome) else analyse_document(item, nkjp)
    else:
        pool = ProcessPoolExecutor(max_workers=workers, initializer=_warm_up)
        try:
            yield from _ordered(documents, lambda d: pool.submit(analyse_document, d, nkjp),
                                lambda futures: wait(futures, return_when=FIRST_COMPLETED), window or 4 * workers)
        except BrokenProcessPool:
            raise KronikaError("a worker process died (out of memory?); what was stored is kept: run the "
                               "same command again to finish") from None
        finally:
            pool.shutdown(cancel_futures=True)  # stopped early: the documents not started are dropped


def _on_dask(documents: Iterable[Document | Outcome], address: str, workers: int, nkjp: bool,
             window: int) -> Iterator[Outcome]:
    try:
        from distributed import Client, LocalCluster
        from distributed import wait as dask_wait
    except ImportError:
        raise KronikaError("--dask needs Dask: pip install 'kronika[dask]'") from None
    import dask.config

    cluster = None
    # a lost worker's documents are analysed again elsewhere; the scheduler gives up on a document only
    # when it has killed several workers (then the document's outcome says so: its log would only repeat it)
    with dask.config.set({"distributed.scheduler.allowed-failures": 5}):
        try:
            if address == LOCAL:
                cluster = LocalCluster(n_workers=max(workers, 1), threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=logging.CRITICAL)
                client = Client(cluster)
            else:
                client = Client(address, timeout="30s")
        except OSError as error:
            raise KronikaError(f"cannot reach the Dask scheduler at {address}: {error}") from None
    try:
        client.run(_warm_up)

        def submit(document: Document) -> Any:
            return client.submit(analyse_document, document, nkjp, pure=False)

        def wait_first(futures: list[Any]) -> tuple[Any, Any]:
            return dask_wait(futures, return_when="FIRST_COMPLETED")

        yield from _ordered(documents, submit, wait_first, window)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _ordered(documents: Iterable[Document | Outcome], submit: Callable[[Document], Any],
             wait_first: Callable[[list[Any]], tuple[Any, Any]], window: int) -> Iterator[Outcome]:
    """Submit documents while fewer than ``window`` are in flight; yield their outcomes in input order."""
    pending: dict[Any, tuple[int, Document]] = {}
    done: dict[int, Outcome] = {}
    next_out = 0
    iterator = enumerate(documents)
    exhausted = False
    while True:
        while not exhausted and len(pending) + len(done) < window:
            item = next(iterator, None)
            if item is None:
                exhausted = True
                break
            position, document = item
            if isinstance(document, Outcome):
                done[position] = document
            else:
                pending[submit(document)] = (position, document)
        if not pending and not done:
            return
        if next_out not in done:
            finished, _ = wait_first(list(pending))
            for future in finished:
                position, document = pending.pop(future)
                done[position] = _result(future, document)
        while next_out in done:
            yield done.pop(next_out)
            next_out += 1


def _result(future: Any, document: Document) -> Outcome:
    try:
        return future.result()
    except BrokenProcessPool:
        raise
    except Exception as error:  # e.g. the workers given this document all died: the others go on
        return Outcome(document, None, f"not analysed: {type(error).__name__}: {error}")
