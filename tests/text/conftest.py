"""Fixtures: jing with tei_all.rng (see tests/tei_validation.py)."""

from tests.tei_validation import jing_errors, tei_schema  # noqa: F401
