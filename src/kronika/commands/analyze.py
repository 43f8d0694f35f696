"""``kronika analyze``: documents in, the contract's JSON (or a readable text summary) out."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TextIO

import click

from kronika.commands.options import db_option, dct_option, time_limit_option
from kronika.errors import KronikaError, OutputError
from kronika.model import Analysis, Document

# formats written one document at a time; the others (whole pages) need every analysis at once
_STREAMED = ("json", "jsonl", "text")


@click.command()
@click.argument("paths", nargs=-1)
@dct_option
@time_limit_option
@click.option("--nkjp", is_flag=True, help="Add the NKJP / PolEval 2018 named-entity layer.")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "html", "tei", "text"]), default="json",
              show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here instead of stdout.")
@click.option("--stored", metavar="ID", help="Show a stored document as the store has it (with human corrections, "
              '"source": "human") instead of analysing PATHS.')
@db_option
def command(paths: tuple[str, ...], dct: str | None, time_limit_seconds: float | None, nkjp: bool, fmt: str,
            output: str | None, stored: str | None, db_url: str | None) -> None:
    """Analyse documents: .txt .md .html .pdf .docx files, folders, - for stdin, or .jsonl documents.

    json, jsonl and text are written as each document is analysed (progress on stderr on a terminal)."""
    if stored is not None:
        with _destination(output) as handle:
            handle.write(_stored(stored, db_url, fmt))
        return
    if not paths:
        raise click.UsageError("Missing argument 'PATHS...': the documents to analyse (or --stored ID)")
    from kronika.pipeline import analyze, collect_garbage_rarely
    from kronika.text.reader import read_paths

    collect_garbage_rarely()

    # The input is read and checked whole first (texts are small beside their analyses), so a bad
    # document anywhere in it is reported before anything is written.
    documents = list(read_paths(list(paths)))
    for document in documents:
        if document.dct is None and dct is not None:
            document.dct = dct
    from kronika.limits import time_limit

    def analysed(document: Document) -> Analysis:
        with time_limit(time_limit_seconds, document.source or document.id, len(document.text)):
            return analyze(document, nkjp=nkjp)

    analyses = (analysed(document) for document in _with_progress(documents))
    with _destination(output) as handle:
        if fmt in _STREAMED:
            _write_streamed(analyses, fmt, len(documents), handle)
        elif fmt == "html":
            from kronika.export.html import analyses_to_html

            handle.write(analyses_to_html(list(analyses)))
        else:
            from kronika.export.tei import analyses_to_tei

            handle.write(analyses_to_tei(list(analyses)))


def _write_streamed(analyses: Iterable[Analysis], fmt: str, count: int, handle: TextIO) -> None:
    if fmt == "jsonl":
        for analysis in analyses:
            handle.write(json.dumps(analysis.to_json(), ensure_ascii=False) + "\n")
    elif fmt == "text":
        from kronika.summary import render_text

        for number, analysis in enumerate(analyses):
            handle.write(("\n\n" if number else "") + render_text(analysis))
        handle.write("\n")
    elif count == 1:
        [analysis] = analyses
        handle.write(json.dumps(analysis.to_json(), ensure_ascii=False, indent=2) + "\n")
    else:  # the same bytes as json.dumps(list, indent=2), one document at a time
        handle.write("[" if count else "[]")
        for number, analysis in enumerate(analyses):
            item = json.dumps(analysis.to_json(), ensure_ascii=False, indent=2).replace("\n", "\n  ")
            handle.write(("," if number else "") + "\n  " + item)
        handle.write("\n]\n" if count else "\n")


def _stored(document: str, db_url: str | None, fmt: str) -> str:
    from kronika.export.html import analyses_to_html
    from kronika.export.tei import analyses_to_tei
    from kronika.store import Store
    from kronika.store.corrections import human_marks, mark_human
    from kronika.summary import render_text

    with Store.open(db_url) as store:
        analysis = store.document_analysis(document)
        if analysis is None:
            raise KronikaError(f"no document {document} in the store")
        if fmt in ("json", "jsonl"):
            data = mark_human(store, document, analysis.to_json())
            return json.dumps(data, ensure_ascii=False, indent=2 if fmt == "json" else None) + "\n"
        human = human_marks(store, document)
    if fmt == "html":
        return analyses_to_html([analysis])
    if fmt == "tei":
        return analyses_to_tei([analysis], human=human)
    return render_text(analysis) + "\n"


def _with_progress(documents: list[Document]) -> Iterator[Document]:
    """The documents, with a progress bar on stderr when it is a terminal and the input is long."""
    from kronika.parallel import count_words

    total = sum(count_words(d.text) for d in documents)
    if total < 20_000 or not sys.stderr.isatty():
        yield from documents
        return
    from tqdm import tqdm

    with tqdm(total=total, desc="analyze", unit=" words", unit_scale=True, file=sys.stderr) as bar:
        for document in documents:
            yield document
            bar.update(count_words(document.text))


@contextmanager
def _destination(output: str | None) -> Iterator[TextIO]:
    """stdout, or a temporary file beside ``output`` renamed over it when everything is written, so a
    failure never leaves a half-written file."""
    if output is None:
        yield sys.stdout
        return
    folder = os.path.dirname(os.path.abspath(output))
    try:
        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=".kronika-", suffix=".part")
    except OSError as error:
        raise OutputError(f"{output}: cannot write ({error.strerror})") from None
    umask = os.umask(0)
    os.umask(umask)
    try:
        os.chmod(temporary, 0o666 & ~umask)  # the permissions a plain open() would give
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            yield handle
        os.replace(temporary, output)
    except OSError as error:
        raise OutputError(f"{output}: cannot write ({error.strerror})") from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
