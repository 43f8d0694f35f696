"""The per-document time limit."""

from __future__ import annotations

import threading
import time

import pytest

from kronika.errors import TimeLimitError
from kronika.limits import default_time_limit, time_limit


def _busy(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_a_long_block_stops_with_a_clean_error() -> None:
    with pytest.raises(TimeLimitError, match=r"raport\.txt: analysis stopped after 0.05 s"):
        with time_limit(0.05, "raport.txt"):
            _busy(5)


def test_a_short_block_is_untouched_and_the_timer_is_cleared() -> None:
    with time_limit(5, "raport.txt"):
        _busy(0.01)
    _busy(0.05)  # no stray alarm afterwards


def test_the_default_grows_with_the_document(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KRONIKA_TIME_LIMIT", raising=False)
    assert default_time_limit(0) == 60
    assert default_time_limit(10 * 1024 * 1024) > 30 * 60
    monkeypatch.setenv("KRONIKA_TIME_LIMIT", "7")
    assert default_time_limit(10 * 1024 * 1024) == 7


def test_off_the_main_thread_the_block_runs_unlimited() -> None:
    failures: list[BaseException] = []

    def work() -> None:
        try:
            with time_limit(0.01, "w"):
                _busy(0.05)
        except BaseException as error:  # noqa: BLE001 - recorded for the assertion
            failures.append(error)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert failures == []
