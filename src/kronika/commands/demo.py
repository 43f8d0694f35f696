"""``kronika demo``: Kronika on the bundled sample document (17 September 1939), in the web application."""

from __future__ import annotations

from importlib import resources

import click

from kronika.commands.options import host_option, port_option
from kronika.model import Document, content_id
from kronika.pipeline import analyze, collect_garbage_rarely
from kronika.store import Store
from kronika.store.location import data_dir
from kronika.summary import render_text

SAMPLE = "sample_1939.txt"


def sample_document() -> Document:
    """The bundled sample: an account of the Soviet invasion of Poland, 17 September 1939."""
    text = resources.files("kronika.data").joinpath(SAMPLE).read_text("utf-8")
    return Document(id=content_id(text), text=text, title="Agresja sowiecka na Polskę, 17 września 1939",
                    source=f"kronika.data/{SAMPLE}")


def demo_store_url() -> str:
    """A store of its own, so the demo never mixes the sample into the user's documents."""
    return f"sqlite:///{data_dir() / 'demo.sqlite'}"


@click.command()
@click.option("--db", "db_url", metavar="URL", help="Store to load the sample into [default: demo.sqlite in the "
                                                    "user data folder, apart from the default store].")
@host_option
@port_option
@click.option("--no-serve", is_flag=True, help="Only print the summary; do not store the sample or serve.")
@click.option("--browser/--no-browser", default=None,
              help="Open the document in a web browser [default: when a graphical display is available].")
def command(db_url: str | None, host: str, port: int, no_serve: bool, browser: bool | None) -> None:
    """Analyse the bundled sample document, print a summary, then store it in an embedded SQLite store
    and serve the web application on it until Ctrl+C."""
    collect_garbage_rarely()
    analysis = analyze(sample_document())
    click.echo(render_text(analysis))
    if no_serve:
        return
    from kronika.web.server import has_display, serve

    with Store.open(db_url or demo_store_url()) as store:
        document_id = store.ingest(analysis)
        click.echo("")
        serve(store, host, port, start_path=f"/doc/{document_id}",
              open_browser=has_display() if browser is None else browser, echo=click.echo)
