"""``kronika analyze``: documents in, the contract's JSON (or a readable text summary) out."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator

import click

from kronika.commands.options import dct_option, time_limit_option
from kronika.errors import OutputError
from kronika.export.html import analyses_to_html
from kronika.export.tei import analyses_to_tei
from kronika.limits import time_limit
from kronika.model import Document
from kronika.pipeline import analyze
from kronika.summary import render_text
from kronika.text.reader import read_paths


@click.command()
@click.argument("paths", nargs=-1, required=True)
@dct_option
@time_limit_option
@click.option("--nkjp", is_flag=True, help="Add the NKJP / PolEval 2018 named-entity layer.")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "html", "tei", "text"]), default="json",
              show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here instead of stdout.")
def command(paths: tuple[str, ...], dct: str | None, time_limit_seconds: float | None, nkjp: bool, fmt: str,
            output: str | None) -> None:
    """Analyse documents: .txt .md .html .pdf .docx files, folders, - for stdin, or .jsonl documents."""
    documents = read_paths(list(paths))

    def with_dct() -> Iterator[Document]:
        for document in documents:
            if document.dct is None and dct is not None:
                document.dct = dct
            yield document

    # Everything is analysed before anything is written, so a bad document later in the input never
    # leaves a partial result behind.
    analyses = []
    for document in with_dct():
        with time_limit(time_limit_seconds, document.source or document.id, len(document.text)):
            analyses.append(analyze(document, nkjp=nkjp))
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
    if output:
        try:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(rendered)
        except OSError as error:
            raise OutputError(f"{output}: cannot write ({error.strerror})") from None
    else:
        sys.stdout.write(rendered)
