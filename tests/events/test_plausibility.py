"""The event-plausibility model: its weights match the verdicts they were learned from, its features are
general, and every event carries a confidence."""

from __future__ import annotations

import hashlib
import re
from importlib import resources
from pathlib import Path

import pytest

from kronika.events.plausibility import TYPE_CLASSES, PlausibilityModel, event_features, load_plausibility
from kronika.lang.resources import read_text
from kronika.model import EventArgument
from tests.events.builders import annotated_events

ROOT = Path(__file__).resolve().parents[2]
SOURCE = re.compile(r"^#\s+(\S+)\s+sha256 ([0-9a-f]{64})$", re.MULTILINE)


def _sources() -> list[tuple[str, str]]:
    return SOURCE.findall(read_text("kronika.events", "resources/pl/plausibility.tsv"))


def test_weights_record_the_verdict_tables_they_were_learned_from() -> None:
    tables = [(path, digest) for path, digest in _sources() if path.startswith("bench/")]
    assert tables, "the weights file names no verdict table"
    for path, digest in tables:
        actual = hashlib.sha256((ROOT / path).read_bytes()).hexdigest()
        assert actual == digest, f"{path} changed: run python scripts/train_event_plausibility.py"


def test_weights_record_the_texts_they_were_learned_from() -> None:
    texts = [(path, digest) for path, digest in _sources() if path.startswith("../shared/")]
    if not (ROOT / texts[0][0]).exists():
        pytest.skip("the shared texts are not beside the project")
    for path, digest in texts:
        assert hashlib.sha256((ROOT / path).read_bytes()).hexdigest() == digest, path


def test_no_locked_or_held_out_table_is_trained_on() -> None:
    # the press "heldout" part is no longer held out (developed on); the KPWr and NKJP held-out halves are
    assert not any(part in path for path, _digest in _sources()
                   for part in ("locked", "kpwr-heldout", "nkjp-heldout"))


def test_features_are_general() -> None:
    # classes of grammar and of the event's fields, never a word of a text
    known = re.compile(r"^(bias|agent|participants|places|multiword|sense_condition|heading|first_sentence|"
                       r"clause:\w+|verb:\w+|noun:\w+|type:\w+|modality:\w+|time:\w+)$")
    assert all(known.match(name) for name in load_plausibility().weights)
    assert {name.split(":")[1] for name in load_plausibility().weights if name.startswith("type:")} \
        <= set(TYPE_CLASSES.values())


def test_confidence_is_a_probability_that_rises_with_a_feature_of_positive_weight() -> None:
    model = PlausibilityModel({"bias": 0.0, "agent": 1.0})
    assert model.confidence(frozenset()) == 0.5
    assert 0.5 < model.confidence(frozenset({"agent"})) < 1.0


def test_event_features_read_the_event() -> None:
    (event,) = annotated_events("Wojska niemieckie zajęły Kraków 6 września.", [("Kraków", "PLACE", "Kraków")],
                                [("6 września", "DATE", "1939-09-06")])
    event.participants.append(EventArgument("Niemcy", None, "agent"))
    features = event_features(event, frozenset({"verb:past"}))
    assert {"verb:past", "type:military", "modality:asserted", "time:stated", "agent", "places"} <= features


def test_every_event_has_a_confidence() -> None:
    events = annotated_events("Wczoraj w Wilnie wybuchł pożar. Sejm uchwalił ustawę.",
                              [("Wilnie", "PLACE", "Wilno"), ("Sejm", "ORGANIZATION", "Sejm")], dct="1939-05-02")
    assert events and all(e.confidence is not None and 0.0 < e.confidence < 1.0 for e in events)
    assert all(e.to_json()["confidence"] == e.confidence for e in events)


def test_the_weights_file_is_packaged() -> None:
    assert resources.files("kronika.events").joinpath("resources/pl/plausibility.tsv").is_file()
