"""LPF place features read each place's mentions and events from indexes built once per snapshot; the
features are the same as when every mention and every event is scanned for each place."""

from __future__ import annotations

import pytest

from kronika.export.lpf import place_feature
from kronika.export.snapshot import Iris, StoreSnapshot
from kronika.model import Entity
from kronika.store import EventRecord
from tests.export.conftest import stored_snapshot

DOCUMENTS = [  # events at places, a place named twice in one text, an event the text denies
    ("a", "Wojska niemieckie zajęły Kraków 6 września 1939 roku. W Krakowie ogłoszono stan oblężenia.",
     "1939-09-07"),
    ("b", "We Lwowie otwarto targi wschodnie. Do Lwowa przyjechał prezydent Mościcki.", "1936-09-01"),
    ("c", "Wojska nie zajęły Lwowa 12 września 1939 roku, lecz oblegały miasto.", "1939-09-13"),
    ("d", "Posiedzenie odbyło się w Warszawie.", None),
]


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory: pytest.TempPathFactory) -> StoreSnapshot:
    return stored_snapshot(tmp_path_factory.mktemp("place_index"), DOCUMENTS)


def _scanned_mentions(snapshot: StoreSnapshot, ref: str) -> list[tuple[str, Entity]]:
    return [(document_id, mention) for document_id, analysis in snapshot.analyses.items()
            for mention in analysis.entities if mention.ref == ref]


def _scanned_events(snapshot: StoreSnapshot, ref: str) -> list[EventRecord]:
    return [event for event in snapshot.events if any(place.ref == ref for place in event.places)]


def test_place_features_are_the_same_as_scanning_everything(snapshot: StoreSnapshot,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    places = snapshot.places()
    assert {place.lemma for place in places} >= {"Kraków", "Lwów", "Warszawa"}
    assert any(snapshot.events_at(place.ref) for place in places)
    iris = Iris()
    indexed = [place_feature(snapshot, iris, place) for place in places]
    monkeypatch.setattr(StoreSnapshot, "mentions_of", _scanned_mentions)
    monkeypatch.setattr(StoreSnapshot, "events_at", _scanned_events)
    assert [place_feature(snapshot, iris, place) for place in places] == indexed


def test_an_entity_nothing_names_has_no_mentions_or_events(snapshot: StoreSnapshot) -> None:
    assert snapshot.mentions_of("no-such-ref") == [] and snapshot.events_at("no-such-ref") == []
