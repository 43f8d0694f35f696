"""The locked test parts of the visible data, as ../shared/data/SPLITS.md defines them."""

from __future__ import annotations

import hashlib


def locked(key: str) -> bool:
    """Whether the item or document ``key`` (an id) is in the locked part: never tuned on, only reported."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[0] in "cdef"


def in_split(key: str, split: str) -> bool:
    """Whether ``key`` belongs to ``split`` (dev, locked or all)."""
    return split == "all" or locked(key) == (split == "locked")
