"""The locked test parts of the shared data (../shared/data/SPLITS.md): one definition for every script."""

from __future__ import annotations

import hashlib


def locked(key: str) -> bool:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[0] in "cdef"
