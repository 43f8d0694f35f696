"""``kronika analyze``: documents in, the contract's JSON (or a readable text summary) out."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator

import click

from kronika.commands.options import db_option, dct_option
from kronika.errors import InputError, KronikaError
from kronika.export.html import analyses_to_html
from kronika.export.tei import analyses_to_tei
from kronika.model import Document
from kronika.pipeline import analyze_all
from kronika.summary import render_text
from kronika.text.reader import read_paths


@click.command()
@click.argument("paths", nargs=-1)
@dct_option
@click.option("--nkjp", is_flag=True, help="Add the NKJP / PolEval 2018 named-entity layer.")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "html", "tei", "text"]), default="json",
              show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here instead of stdout.")
@click.option("--stored", metavar="ID", help="Show a stored document as the store has it (with human corrections, "
              '"source": "human") instead of analysing PATHS.')
@db_option
def command(paths: tuple[str, ...], dct: str | None, nkjp: bool, fmt: str, output: str | None,
            stored: str | None, db_url: str | None) -> None:
    """Analyse documents: .txt .md .html .pdf .docx files, folders, - for stdin, or .jsonl documents."""
    if stored is not None:
        _write(_stored(stored, db_url, fmt), output)
        return
    if not paths:
        raise click.UsageError("Missing argument 'PATHS...': the documents to analyse (or --stored ID)")
    documents = read_paths(list(paths))

    def with_dct() -> Iterator[Document]:
        for document in documents:
            if document.dct is None and dct is not None:
                document.dct = dct
            yield document

    # Everything is analysed before anything is written, so a bad document later in the input never
    # leaves a partial result behind.
    analyses = list(analyze_all(with_dct(), nkjp=nkjp))
    if fmt == "json":
        payload = [a.to_json() for a in analyses]
        rendered = json.dumps(payload[0] if len(payload) == 1 else payload, ensure_ascii=False, indent=2) + "\n"
    elif fmt == "jsonl":
        rendered = "".join(json.dumps(a.to_json(), ensure_ascii=False) + "\n" for a in analyses)
    elif fmt == "html":
        rendered = analyses_to_html(analyses)
    elif fmt == "tei":
        rendered = analyses_to_tei(analyses)
    else:
        rendered = "\n\n".join(render_text(a) for a in analyses) + "\n"
    _write(rendered, output)


def _stored(document: str, db_url: str | None, fmt: str) -> str:
    from kronika.store import Store
    from kronika.store.corrections import mark_human

    with Store.open(db_url) as store:
        analysis = store.document_analysis(document)
        if analysis is None:
            raise KronikaError(f"no document {document} in the store")
        if fmt in ("json", "jsonl"):
            data = mark_human(store, document, analysis.to_json())
            return json.dumps(data, ensure_ascii=False, indent=2 if fmt == "json" else None) + "\n"
    if fmt == "html":
        return analyses_to_html([analysis])
    if fmt == "tei":
        return analyses_to_tei([analysis])
    return render_text(analysis) + "\n"


def _write(rendered: str, output: str | None) -> None:
    if output:
        try:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(rendered)
        except OSError as error:
            raise InputError(f"{output}: cannot write ({error.strerror})") from None
    else:
        sys.stdout.write(rendered)
