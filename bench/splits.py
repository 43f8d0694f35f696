"""The locked test part of every visible data set (../shared/data/SPLITS.md): one definition for all."""

from __future__ import annotations

import hashlib


def locked(key: str) -> bool:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[0] in "cdef"


def in_split(key: str, split: str) -> bool:
    """Whether ``key`` belongs to ``split`` (dev, locked or all)."""
    return split == "all" or locked(key) == (split == "locked")
