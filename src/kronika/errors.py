"""Errors a user can act on; the CLI prints them as one line, never a traceback.

Each class carries the exit status the CLI ends with (``docs/errors.md`` lists them all)."""


class KronikaError(Exception):
    """Base class for errors reported to the user as a single line."""

    exit_status = 1


class InputError(KronikaError):
    """A document cannot be read: missing, binary, undecodable, empty, malformed."""

    exit_status = 1


class StoreError(KronikaError):
    """The store cannot be opened, read or written (not a database, locked, read-only, disk full)."""

    exit_status = 3


class TimeLimitError(KronikaError):
    """A document took longer to analyse than the per-document time limit allows."""

    exit_status = 4


class OutputError(KronikaError):
    """The result cannot be written where it was asked to go."""

    exit_status = 5


class InputWarning(UserWarning):
    """The input was read, but something about it deserves the user's eye (the CLI prints one line)."""
