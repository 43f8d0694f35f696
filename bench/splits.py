"""The locked test parts of the visible data (../shared/data/SPLITS.md): one definition for every benchmark."""

from __future__ import annotations

import hashlib

SPLITS = ("dev", "locked", "all")


def locked(key: str) -> bool:
    """Whether the item keyed ``key`` (a document id) belongs to the locked test part."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[0] in "cdef"


def in_split(key: str, split: str) -> bool:
    """Whether ``key`` belongs to ``split``: "dev" (the rest), "locked", or "all"."""
    return split == "all" or locked(key) == (split == "locked")
