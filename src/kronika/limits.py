"""The per-document time limit: a document that takes too long to analyse ends with a clean error, never
a hang. ``KRONIKA_TIME_LIMIT`` (seconds, ``0`` for none) sets the default."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from kronika.errors import KronikaError, TimeLimitError

TIME_LIMIT_ENV_VAR = "KRONIKA_TIME_LIMIT"
# Far above what the largest accepted document (10 MB) needs at the measured throughput, far below "hung".
DEFAULT_TIME_LIMIT = 600.0


def default_time_limit() -> float:
    raw = os.environ.get(TIME_LIMIT_ENV_VAR)
    if raw is None or not raw.strip():
        return DEFAULT_TIME_LIMIT
    try:
        seconds = float(raw)
    except ValueError:
        raise KronikaError(f"${TIME_LIMIT_ENV_VAR} must be a number of seconds, not {raw[:40]!r}") from None
    if seconds < 0 or seconds != seconds or seconds == float("inf"):
        raise KronikaError(f"${TIME_LIMIT_ENV_VAR} must be a number of seconds (0 for no limit)")
    return seconds


@contextmanager
def time_limit(seconds: float | None, what: str) -> Iterator[None]:
    """Raise :class:`TimeLimitError` naming ``what`` if the block runs longer than ``seconds``.

    Enforced with a timer signal, so only on the main thread of a process on a POSIX system; elsewhere
    (a web worker thread) the block simply runs."""
    if seconds is None:
        seconds = default_time_limit()
    usable = (seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise TimeLimitError(f"{what}: analysis stopped after {seconds:g} s (the per-document time limit); "
                             f"split the document, or raise the limit with ${TIME_LIMIT_ENV_VAR}")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
