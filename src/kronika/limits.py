"""The per-document time limit: a document that takes too long to analyse ends with a clean error, never
a hang. By default the limit grows with the document, as analysis time should; ``KRONIKA_TIME_LIMIT``
(seconds, ``0`` for none) sets one fixed limit instead."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from kronika.errors import KronikaError, TimeLimitError

TIME_LIMIT_ENV_VAR = "KRONIKA_TIME_LIMIT"
# The default limit: a minute, plus a second per 5,000 characters — five times slower than the measured
# pipeline speed (~3,000 words, ~20,000 characters per CPU second), so only a stage gone superlinear or
# stuck reaches it (a 10 MB document gets about 35 minutes, a 50 KB one 70 s).
BASE_SECONDS = 60.0
CHARACTERS_PER_SECOND = 5000.0


def default_time_limit(characters: int = 0) -> float:
    """``$KRONIKA_TIME_LIMIT`` if set, else the limit for a document of ``characters``."""
    raw = os.environ.get(TIME_LIMIT_ENV_VAR)
    if raw is None or not raw.strip():
        return BASE_SECONDS + characters / CHARACTERS_PER_SECOND
    try:
        seconds = float(raw)
    except ValueError:
        raise KronikaError(f"${TIME_LIMIT_ENV_VAR} must be a number of seconds, not {raw[:40]!r}") from None
    if seconds < 0 or seconds != seconds or seconds == float("inf"):
        raise KronikaError(f"${TIME_LIMIT_ENV_VAR} must be a number of seconds (0 for no limit)")
    return seconds


@contextmanager
def time_limit(seconds: float | None, what: str, characters: int = 0) -> Iterator[None]:
    """Raise :class:`TimeLimitError` naming ``what`` if the block runs longer than ``seconds`` (None: the
    default for a document of ``characters``).

    Enforced with a timer signal, so only on the main thread of a process on a POSIX system; elsewhere
    (a web worker thread) the block simply runs."""
    if seconds is None:
        seconds = default_time_limit(characters)
    usable = (seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise TimeLimitError(f"{what}: analysis stopped after {seconds:g} s (the per-document time limit); "
                             f"split the document, or raise the limit with ${TIME_LIMIT_ENV_VAR}")

    previous = signal.signal(signal.SIGALRM, expire)
    # The timer repeats: a stop raised where Python cannot pass it on (a finaliser, a callback) is raised
    # again a moment later.
    signal.setitimer(signal.ITIMER_REAL, seconds, max(seconds, 0.1))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
