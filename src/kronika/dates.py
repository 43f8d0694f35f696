"""The document creation date (``dct``): the day relative dates are anchored to, checked where it enters."""

from __future__ import annotations

import datetime as dt
import re

# Relative dates are computed from the dct in whole days, months and years; a dct inside this span keeps
# every such sum a real calendar day (Polish writing begins after 1000).
EARLIEST = dt.date(1000, 1, 1)
LATEST = dt.date(2999, 12, 31)
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def check_date(value: str) -> str:
    """``value`` when it is a real day ``YYYY-MM-DD`` between :data:`EARLIEST` and :data:`LATEST`; else
    ValueError with a message that says what is wrong."""
    if not _ISO_DAY.fullmatch(value):
        raise ValueError(f"must be a date YYYY-MM-DD, not {value[:40]!r}")
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value} is not a day of the calendar") from None
    if not EARLIEST <= day <= LATEST:
        raise ValueError(f"{value} is outside the supported range {EARLIEST} to {LATEST}")
    return value
