"""The ``kronika`` command: a thin front over the library (see ``kronika.commands``)."""

from __future__ import annotations

import importlib
import os
import sys

import click

from kronika import __version__
from kronika.errors import KronikaError

# Command modules, each defining a click command named ``command``; imported only when used so that
# ``kronika analyze`` does not pay for the web or database stack.
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


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        module = COMMANDS.get(name)
        if module is None:
            return None
        return importlib.import_module(module).command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kronika")
def cli() -> None:
    """Kronika: Polish historical narratives as a source-linked chronicle."""


def main(argv: list[str] | None = None) -> None:
    """Entry point: user errors become one line on stderr and exit status 1, never a traceback."""
    try:
        cli.main(args=argv, prog_name="kronika", standalone_mode=False)
    except KronikaError as error:
        click.echo(f"kronika: error: {error}", err=True)
        sys.exit(1)
    except click.exceptions.Abort:
        click.echo("kronika: aborted", err=True)
        sys.exit(130)
    except click.ClickException as error:
        click.echo(f"kronika: error: {error.format_message()}", err=True)
        sys.exit(error.exit_code)
    except BrokenPipeError:
        sys.exit(0)
    except KeyboardInterrupt:
        click.echo("kronika: interrupted", err=True)
        sys.exit(130)
    except MemoryError:
        click.echo("kronika: error: out of memory; split the input into smaller documents", err=True)
        sys.exit(1)
    except Exception as error:  # a bug, not bad input: one line, the traceback on request
        if os.environ.get("KRONIKA_DEBUG"):
            raise
        click.echo(f"kronika: internal error: {type(error).__name__}: {error} "
                   "(set KRONIKA_DEBUG=1 to see the traceback)", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
