"""Errors a user can act on; the CLI prints them as one line, never a traceback."""


class KronikaError(Exception):
    """Base class for errors reported to the user as a single line."""


class InputError(KronikaError):
    """A document cannot be read: missing, binary, undecodable, empty, malformed."""
