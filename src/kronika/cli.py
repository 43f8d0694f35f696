"""The ``kronika`` command: a thin front over the library (see ``kronika.commands``)."""

from __future__ import annotations

import importlib
import os
import sys
import warnings

import click

from kronika import __version__
from kronika.errors import InputWarning, KronikaError

INTERNAL_ERROR_STATUS = 70  # EX_SOFTWARE: a bug in Kronika, not bad input

# Command modules, each defining a click command named ``command``, imported only when their command runs,
# and the first sentence of each command's help for ``kronika --help``, so that neither ``--help`` nor
# ``kronika analyze`` pays for the web, database or question-answering stack (``tests/cli/test_startup.py``
# checks that the summaries match the commands' help).
COMMANDS: dict[str, str] = {
    "analyze": "kronika.commands.analyze",
    "eval": "kronika.commands.evaluate",
    "demo": "kronika.commands.demo",
    "ingest": "kronika.commands.ingest",
    "search": "kronika.commands.search",
    "conflicts": "kronika.commands.conflicts",
    "ask": "kronika.commands.ask",
    "export": "kronika.commands.export",
    "lemmatize": "kronika.commands.lemmatize",
    "geocode": "kronika.commands.geocode",
    "serve": "kronika.commands.serve",
    "correct": "kronika.commands.correct",
    "corrections": "kronika.commands.corrections",
}
SUMMARIES: dict[str, str] = {
    "analyze": "Analyse documents: .txt .md .html .pdf .docx files, folders, - for stdin, or .jsonl documents.",
    "eval": "Score the pipeline against gold files in the format of shared/seed/*.gold.json.",
    "demo": "Analyse the bundled sample document, print a summary, then store it in an embedded SQLite store "
        "and serve the web application on it until Ctrl+C.",
    "ingest": "Analyse and store documents.",
    "search": 'Find stored sentences by the base forms of their words: "Lwów" finds "Lwowa" and "Lwowie".',
    "conflicts": "List the events and quantities the stored documents give different dates or numbers for, "
        "each claim with its document and sentence.",
    "ask": "Answer QUESTION (Polish: kiedy, gdzie, kto, z kim, ile, jaki/który…, co się stało …) from the "
        'store; prints "nie wiem" when nothing stored supports an answer.',
    "export": "Export everything in the store: documents, places, events, with character offsets as provenance.",
    "lemmatize": "Print the base form of each PHRASE (and each line of --file), one a line, in order.",
    "geocode": "Resolve each NAME (or each line of stdin when none is given) to a place.",
    "serve": "Serve the web application until Ctrl+C: documents with names and dates marked, entity pages, "
        "timeline, map, search, questions, conflicts, exports, corrections, uploads, and a JSON API under /api/.",
    "correct": "Correct what the machine found: entities, places, dates, events (each kept as a human assertion).",
    "corrections": "The corrections people made: list them, export them as training data.",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        return importlib.import_module(COMMANDS[name]).command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list from the summaries above: importing every command would take longer than
        all the rest of ``--help``."""
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = [(name, click.Command(name, help=SUMMARIES[name]).get_short_help_str(limit)) for name in names]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kronika")
def cli() -> None:
    """Kronika: Polish historical narratives as a source-linked chronicle."""


def _show_warning(message: Warning | str, category: type[Warning], *_args: object, **_kwargs: object) -> None:
    """Warnings about the input as one line each (``kronika: warning: …``), not Python's two-line form."""
    if issubclass(category, InputWarning):
        click.echo(f"kronika: warning: {one_line(str(message))}", err=True)


def one_line(message: str) -> str:
    """A message on one line: line breaks shown as spaces, cut at a readable length."""
    flat = " ".join(message.split())
    return flat if len(flat) <= 500 else flat[:497] + "..."


def main(argv: list[str] | None = None) -> None:
    """Entry point: user errors become one line on stderr and the error's exit status, never a traceback
    (``docs/errors.md`` lists them)."""
    warnings.showwarning = _show_warning
    try:
        cli.main(args=argv, prog_name="kronika", standalone_mode=False)
    except KronikaError as error:
        click.echo(f"kronika: error: {one_line(str(error))}", err=True)
        sys.exit(error.exit_status)
    except click.exceptions.Abort:
        click.echo("kronika: aborted", err=True)
        sys.exit(130)
    except click.ClickException as error:
        click.echo(f"kronika: error: {one_line(error.format_message())}", err=True)
        sys.exit(error.exit_code)
    except BrokenPipeError:
        sys.exit(0)
    except KeyboardInterrupt:
        click.echo("kronika: interrupted", err=True)
        sys.exit(130)
    except RecursionError:
        click.echo("kronika: error: the input is nested too deeply to read", err=True)
        sys.exit(1)
    except MemoryError:
        click.echo("kronika: error: out of memory; split the input into smaller documents", err=True)
        sys.exit(1)
    except Exception as error:  # a bug, not bad input: one line, the traceback on request
        if os.environ.get("KRONIKA_DEBUG"):
            raise
        # first line only: a database error goes on with its SQL and the document's text
        first = (str(error).strip().splitlines() or [""])[0][:200]
        click.echo(f"kronika: internal error: {type(error).__name__}: {first} "
                   "(set KRONIKA_DEBUG=1 to see the traceback)", err=True)
        sys.exit(INTERNAL_ERROR_STATUS)


if __name__ == "__main__":
    main()
