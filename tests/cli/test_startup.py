"""Start-up: ``kronika --help`` lists the commands without importing them (nor the database, web or
question-answering stacks), from summaries that must match the commands' own help."""

from __future__ import annotations

import importlib
import subprocess
import sys

import click
import pytest

from kronika.cli import COMMANDS, SUMMARIES


def test_every_command_has_a_summary():
    assert sorted(SUMMARIES) == sorted(COMMANDS)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_summary_matches_the_commands_help(name):
    summary = SUMMARIES[name]
    command = importlib.import_module(COMMANDS[name]).command
    for limit in (40, 60, 80, 120, 200):
        assert click.Command(name, help=summary).get_short_help_str(limit) == command.get_short_help_str(limit), (
            f"update the summary of {name!r} in kronika/cli.py to the first sentence of its help")


def test_help_imports_no_command():
    probe = ("import sys\nfrom kronika.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
             "print(sorted(m for m in sys.modules if m.startswith(('kronika.commands.', 'sqlalchemy', 'kronika.qa',"
             " 'kronika.pipeline', 'kronika.store'))))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"
