"""The robustness suite's entry point fixture: the CLI run in-process, as a user runs it but without a new
interpreter per case (the store fixtures come from ``tests.store.conftest``)."""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass

import pytest

from kronika.cli import main


@dataclass
class Outcome:
    status: int
    stdout: str
    stderr: str


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


@pytest.fixture
def kronika(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """``kronika(*args, stdin=b"")`` → :class:`Outcome` of the real entry point (``kronika.cli.main``)."""
    def run(*args: str, stdin: bytes = b"") -> Outcome:
        monkeypatch.setattr(sys, "stdin", _Stdin(stdin))
        capsys.readouterr()
        try:
            main(list(args))
            status = 0
        except SystemExit as exit_:
            status = exit_.code if isinstance(exit_.code, int) else 1
        captured = capsys.readouterr()
        return Outcome(status, captured.out, captured.err)
    return run
