"""bench/events_gold.py, the scorer of written events golds, on a note written for this test (not from any gold)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from kronika.model import Event
from tests.conftest import BENCH, load_script

TEXT = ("GDYNIA, 3 maja. — Wczoraj o godz. 10 przybył do portu nowy statek szkolny. Jutro odbędzie się jego "
        "poświęcenie, a gdyby pogoda dopisała, statek wypłynie w rejs próbny.")
NOTE = {"id": "events-test-statek", "dct": "1936-05-04", "title": "Nowy statek szkolny", "text": TEXT,
        "happenings": [
            {"start": TEXT.index("przybył"), "end": TEXT.index("przybył") + 7, "trigger": "przybył",
             "kind": "visit", "modality": "fact", "time": "1936-05-02T10:00", "time_alternatives": ["1936-05-02"]},
            {"start": TEXT.index("poświęcenie"), "end": TEXT.index("poświęcenie") + 11, "trigger": "poświęcenie",
             "kind": "construction", "modality": "planned", "time": "1936-05-04"},
            {"start": TEXT.index("wypłynie"), "end": TEXT.index("wypłynie") + 8, "trigger": "wypłynie",
             "kind": "other", "modality": "conditional", "time": None},
        ]}


def _scorer() -> ModuleType:
    """The script as run from bench/ (it imports fresh.py beside it)."""
    return load_script(BENCH / "events_gold.py")


def _event(word: str, type_: str, modality: str, time: str | None) -> Event:
    start = TEXT.index(word)
    return Event(f"v{start}", type_, start, start + len(word), word, (0, len(TEXT)), time=time, modality=modality)


def test_the_gold_of_the_test_note_has_its_offsets() -> None:
    for happening in NOTE["happenings"]:
        assert TEXT[happening["start"]:happening["end"]] == happening["trigger"]


def test_counts_recall_precision_and_the_matched() -> None:
    events = [
        _event("przybył", "visit", "asserted", "1936-05-02"),  # an accepted alternative of the time
        _event("poświęcenie", "meeting", "future", "1936-05-05"),  # future agrees with planned; type, time wrong
        _event("statek szkolny", "other", "asserted", None),  # no gold happening: counts against precision
    ]
    counts, lines = _scorer().score_note(NOTE, events)
    assert (counts["gold"], counts["found"], counts["system"], counts["correct"]) == (3, 2, 3, 2)
    assert (counts["modality"], counts["type"], counts["timed"], counts["time"]) == (2, 1, 2, 1)
    assert [line.split(": ")[1].split()[0] for line in lines] == ["gold", "missed", "extra"]


def test_modalities_are_read_in_the_gold_terms() -> None:
    counts, _ = _scorer().score_note(NOTE, [_event("wypłynie", "other", "possible", None)])
    assert (counts["found"], counts["modality"], counts["timed"]) == (1, 1, 0)
    counts, _ = _scorer().score_note(NOTE, [_event("wypłynie", "other", "asserted", "1936-05-04")])
    assert (counts["modality"], counts["timed"], counts["time"]) == (0, 1, 0)


def test_misses_of_a_set_never_tuned_on_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scorer = _scorer()
    gold = tmp_path / "unseen.gold.jsonl"
    gold.write_text(json.dumps(NOTE, ensure_ascii=False) + "\n", "utf-8")
    monkeypatch.setattr(sys.modules[scorer.refuse_misses.__module__], "NEVER_TUNED_ON", frozenset({gold.resolve()}))
    monkeypatch.setattr(sys, "argv", ["events_gold.py", "--gold", str(gold), "--show"])
    with pytest.raises(SystemExit, match="never tuned on"):
        scorer.main()


def test_the_written_events_gold_is_named_in_the_list_of_fresh_sets() -> None:
    scorer = _scorer()
    fresh = sys.modules[scorer.refuse_misses.__module__]
    assert scorer.DEFAULT_GOLD in fresh.NEVER_TUNED_ON | fresh.WHOLLY_DEVELOPMENT


def test_runs_the_pipeline_on_a_note(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "note.gold.jsonl"
    gold.write_text(json.dumps(NOTE, ensure_ascii=False) + "\n", "utf-8")
    monkeypatch.setattr(sys, "argv", ["events_gold.py", "--gold", str(gold), "--show"])
    _scorer().main()
    out = capsys.readouterr().out
    assert "1 notes, 3 happenings" in out
    assert "recall " in out and "precision against the gold " in out and "of the matched: modality " in out
