"""``kronika demo``: Kronika on the bundled sample document (17 September 1939)."""

from __future__ import annotations

from importlib import resources

import click

from kronika.model import Document
from kronika.pipeline import analyze
from kronika.summary import render_text
from kronika.text.reader import content_id

SAMPLE = "sample_1939.txt"


def sample_document() -> Document:
    """The bundled sample: an account of the Soviet invasion of Poland, 17 September 1939."""
    text = resources.files("kronika.data").joinpath(SAMPLE).read_text("utf-8")
    return Document(id=content_id(text), text=text, title="Agresja sowiecka na Polskę, 17 września 1939",
                    source=f"kronika.data/{SAMPLE}")


@click.command()
def command() -> None:
    """Analyse the bundled sample document and print a summary."""
    click.echo(render_text(analyze(sample_document())))
