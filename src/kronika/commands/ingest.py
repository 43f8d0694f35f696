"""``kronika ingest``: analyse documents and store them (idempotent, resumable, one transaction each).

Analysis runs on all cores (``--workers``) or on a Dask cluster (``--dask``); this process is the one
writer. A document that cannot be read or analysed is named in the summary and the others are still
stored; the exit status is then 1 (``--fail-fast`` stops at the first one instead).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import click

from kronika.commands.options import db_option, dct_option
from kronika.errors import InputError, KronikaError
from kronika.model import Document
from kronika.parallel import LOCAL, Outcome, analyse_stream, count_words, default_workers


@dataclass
class _Tally:
    new: int = 0
    stored: int = 0
    failures: list[str] = field(default_factory=list)  # "document: reason"


@click.command()
@click.argument("paths", nargs=-1, required=True)
@dct_option
@db_option
@click.option("--workers", type=click.IntRange(1), default=None, metavar="N",
              help="Processes analysing in parallel (with --dask: workers of the local cluster) "
                   "[default: all cores].")
@click.option("--dask", "dask_address", metavar="ADDRESS",
              help=f"Analyse on a Dask cluster: a scheduler address (tcp://HOST:8786), or '{LOCAL}' for a "
                   "cluster of this machine's cores. Best with a shared PostgreSQL store (--db).")
@click.option("--fail-fast", is_flag=True, help="Stop at the first document that cannot be read or analysed.")
@click.option("--journal", metavar="TITLE",
              help="The periodical that published documents whose input does not name one (plain files).")
@click.option("--pub-place", metavar="PLACE",
              help="Where that periodical appeared, for documents whose input does not say (plain files).")
def command(paths: tuple[str, ...], dct: str | None, db_url: str | None, workers: int | None,
            dask_address: str | None, fail_fast: bool, journal: str | None, pub_place: str | None) -> None:
    """Analyse and store documents. Text already stored is skipped, so an interrupted run resumes where
    it stopped. Prints one line per document: id, new|stored, source. A document that cannot be read
    or analysed is named in a summary at the end, the others are stored, and the exit status is 1."""
    from kronika.pipeline import collect_garbage_rarely
    from kronika.store import Store, content_hash

    collect_garbage_rarely()
    workers = workers or default_workers()
    tally = _Tally()
    with Store.open(db_url) as store:
        url = store.where

        def to_analyse() -> Iterator[Document | Outcome]:
            """The documents not stored yet; the others, and what cannot be read, as outcomes in their place."""
            for item in _read(paths):
                if isinstance(item, Document):
                    if item.dct is None:
                        item.dct = dct
                    if item.journal is None:
                        item.journal = journal
                    if item.pub_place is None:
                        item.pub_place = pub_place
                    if store.has_document(content_hash(item.text)):
                        item = Outcome(item, None)
                yield item

        progress = _Progress(_input_bytes(paths))
        try:
            for outcome in analyse_stream(to_analyse(), workers=workers, dask=dask_address):
                document = outcome.document
                name = document.source or document.id
                error = outcome.error
                # "new" only when this call stored it: not when stored before this run, earlier in it (the
                # same text twice) or by another process meanwhile
                was_stored = True
                document_id = None
                if error is None:
                    try:
                        if outcome.analysis is not None:
                            document_id, added = store.add(outcome.analysis)
                            was_stored = not added
                        else:
                            document_id = store.document_for_hash(content_hash(document.text))
                    except KronikaError as store_error:  # this document's fault (e.g. a character the store refuses)
                        error = str(store_error)
                if error is not None:
                    line = f"{name}: {error}" if name and not error.startswith(f"{name}: ") else error
                    if fail_fast:
                        raise KronikaError(line)
                    tally.failures.append(line)
                    continue
                tally.stored += was_stored
                tally.new += not was_stored
                progress.advance(document, stored=was_stored)
                progress.write(f"{document_id}\t{'stored' if was_stored else 'new'}\t{document.source or ''}",
                               sys.stdout)
        finally:
            progress.close()
    failed = len(tally.failures)
    if failed == 1 and not tally.new + tally.stored:  # one bad input: one line, as every other command
        raise KronikaError(tally.failures[0])
    click.echo(f"{tally.new} new, {tally.stored} already stored{f', {failed} failed' if failed else ''}, in {url}",
               err=True)
    if failed:
        for line in tally.failures:
            click.echo(f"  failed: {line}", err=True)
        rest = "the others are stored" if tally.new + tally.stored else "nothing was stored"
        raise KronikaError(f"{failed} of {tally.new + tally.stored + failed} documents failed (listed above); {rest}")


def _read(paths: tuple[str, ...]) -> Iterator[Document | Outcome]:
    """Documents of every path; a file that cannot be read becomes a failed outcome and the next one is read."""
    from kronika.text.reader import SUPPORTED_SUFFIXES, read_file, read_stdin

    for name in paths:
        if name == "-":
            sources: list[Path | None] = [None]
        else:
            path = Path(name)
            if path.is_dir():
                sources = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
                if not sources:
                    yield _unreadable(str(path), "no readable documents in this folder")
            else:
                sources = [path]
        for source in sources:
            try:
                yield from (read_stdin() if source is None else read_file(source))
            except InputError as error:
                # the reader's message names the file (and the line of a JSONL file) already
                yield _unreadable("", str(error))


def _unreadable(source: str, reason: str) -> Outcome:
    return Outcome(Document(id=source, text="", source=source or None), None, reason)


def _input_bytes(paths: tuple[str, ...]) -> int | None:
    """Total size of the input files, for the progress bar's ETA (None when stdin is among them)."""
    total = 0
    for name in paths:
        if name == "-":
            return None
        path = Path(name)
        try:
            total += sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() \
                else path.stat().st_size
        except OSError:
            continue
    return total


class _Progress:
    """A progress bar on stderr (only on a terminal): documents, words per second, ETA by input size."""

    def __init__(self, total_bytes: int | None) -> None:
        from tqdm import tqdm

        self._bar = tqdm(total=total_bytes, desc="ingest", unit="B", unit_scale=True, file=sys.stderr,
                         disable=None, bar_format="{desc}: {percentage:3.0f}%|{bar}| {postfix} [{elapsed}<{remaining}]")
        self._documents = 0
        self._words = 0
        self._start = time.monotonic()

    def advance(self, document: Document, *, stored: bool) -> None:
        self._documents += 1
        if not stored:
            self._words += count_words(document.text)
        if self._bar.disable:
            return
        rate = self._words / max(time.monotonic() - self._start, 1e-9)
        self._bar.set_postfix_str(f"{self._documents} documents, {rate:,.0f} words/s", refresh=False)
        self._bar.update(len(document.text.encode("utf-8")))

    def write(self, line: str, stream: object) -> None:
        self._bar.write(line, file=stream)

    def close(self) -> None:
        self._bar.close()
