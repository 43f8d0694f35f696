"""The NKJP CRF tagger: label handling, span decoding, and the committed model on real sentences."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pycrfsuite
import pytest

from kronika.ner import statistical
from kronika.ner.features import sentence_features, word_shape
from kronika.ner.statistical import (
    decode_levels,
    default_model_path,
    get_tagger,
    is_held_out,
    normalise_label,
    read_model,
    read_nkjp_iob,
    tag_nkjp,
)
from kronika.text.segment import split_sentences

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT / ".." / "shared"
DEV = SHARED / "data" / "nkjp-ner" / "nkjp-ner-dev.iob.gz"
POLEM_TRAIN = SHARED / "data" / "lemma" / "polem-kpwr-ne-train.tsv"


@pytest.mark.parametrize(("raw", "normalised"), [
    ("O", "O"),
    ("B-orgName", "B-orgName"),
    ("B-placeName-country", "B-placeName_country"),
    ("I-persName#B-persName-surname", "I-persName#B-persName_surname"),
])
def test_normalise_label(raw: str, normalised: str) -> None:
    assert normalise_label(raw) == normalised


@pytest.mark.parametrize(("labels", "spans"), [
    (["O", "O"], []),
    # a person with forename and surname nested inside
    (["B-persName#B-persName_forename", "I-persName#B-persName_surname", "O"],
     [(0, 1, "persName_forename"), (0, 2, "persName"), (1, 2, "persName_surname")]),
    # a two-word surname inside the person
    (["B-persName#B-persName_surname", "I-persName#I-persName_surname"],
     [(0, 2, "persName"), (0, 2, "persName_surname")]),
    # a settlement inside an organisation, after its first word
    (["B-orgName", "I-orgName", "I-orgName#B-placeName_settlement"],
     [(0, 3, "orgName"), (2, 3, "placeName_settlement")]),
    # two adjacent names of one label stay apart
    (["B-placeName_country", "B-placeName_country"],
     [(0, 1, "placeName_country"), (1, 2, "placeName_country")]),
    # an I- with nothing to continue still starts a name
    (["O", "I-date", "I-date"], [(1, 3, "date")]),
    (["B-date", "I-time"], [(0, 1, "date"), (1, 2, "time")]),
])
def test_decode_levels(labels: list[str], spans: list[tuple[int, int, str]]) -> None:
    assert decode_levels(labels) == sorted(spans)


@pytest.mark.parametrize(("form", "shape"), [
    ("Kowalski", "Xx"), ("NKWD", "X"), ("1939", "d"), ("Orlik-Rückemann", "Xx-Xx"), ("m.in", "x.x"),
])
def test_word_shape(form: str, shape: str) -> None:
    assert word_shape(form) == shape


def test_features_carry_sgjp_name_qualifiers() -> None:
    features = sentence_features(["Jan", "Kowalski", "mieszka", "w", "Warszawie"])
    assert "q=imię" in features[0]
    assert "q=nazwisko" in features[1]
    assert "-1q=imię" in features[1]
    assert "q=nazwa_geograficzna" in features[4]
    assert "1BOUNDARY" in features[4]


def test_features_carry_name_kinds_and_word_classes() -> None:
    features = sentence_features(["Redaktor", "Jan", "Nowak", "przyjechał", "do", "Krakowa"])
    assert "g=first:B" in features[1]  # a first name of a KPWr person
    assert "-1g=first:B" in features[2]
    assert any(f.startswith("k64=") for f in features[3])  # a word common in NKJP text has a class
    assert "cap_inside" in features[1] and "cap_inside" not in features[0]
    assert "w|+1w=jan|nowak" in features[1]


def test_headline_capitals_find_the_name_kinds_of_the_word() -> None:
    assert "g=first:B" in sentence_features(["JAN"])[0]


def test_held_out_documents_are_fixed_by_hash() -> None:
    assert is_held_out("./doc-5") and is_held_out("./doc-11")
    assert not is_held_out("./doc-1")
    assert 40 < sum(is_held_out(f"./doc-{i}") for i in range(1000)) < 90  # about 1 in 16


# Sentences a model trained on NKJP must get right; each expected span is (text, label).
CASES = [
    ("Jan Kowalski mieszka w Warszawie.",
     {("Jan Kowalski", "persName"), ("Jan", "persName_forename"), ("Kowalski", "persName_surname"),
      ("Warszawie", "placeName_settlement")}),
    ("Prezydent Lech Wałęsa spotkał się z kanclerzem Niemiec.",
     {("Lech Wałęsa", "persName"), ("Lech", "persName_forename"), ("Wałęsa", "persName_surname"),
      ("Niemiec", "placeName_country")}),
    # an adjective derived from a country name is labelled with the country
    ("Ambasador polski wyjechał z Moskwy nad Wisłę 17 września 1939 roku.",
     {("polski", "placeName_country"), ("Moskwy", "placeName_settlement"), ("Wisłę", "geogName"),
      ("17 września 1939 roku", "date")}),
    ("Posłowie Sejmu spotkali się w Krakowie z przedstawicielami Unii Europejskiej.",
     {("Sejmu", "orgName"), ("Krakowie", "placeName_settlement"), ("Unii Europejskiej", "orgName")}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_tag_nkjp_finds_names(text: str, expected: set[tuple[str, str]]) -> None:
    spans = tag_nkjp(split_sentences(text))
    found = {(text[s.start:s.end], s.label) for s in spans}
    assert expected <= found


def test_tag_nkjp_offsets_across_lines_and_spaces() -> None:
    text = "Wczoraj  minister Józef Beck\nprzyjechał do Londynu.\n\nRozmawiał tam z ambasadorem."
    found = {(text[s.start:s.end], s.label) for s in tag_nkjp(split_sentences(text))}
    assert {("Józef Beck", "persName"), ("Londynu", "placeName_settlement")} <= found


def test_tag_nkjp_empty() -> None:
    assert tag_nkjp([]) == []


@pytest.mark.skipif(not DEV.exists(), reason="shared NKJP data absent")
def test_read_nkjp_iob_dev() -> None:
    documents = list(read_nkjp_iob(DEV))
    assert len(documents) == 345
    labels = {label for d in documents for s in d.sentences for label in s.labels}
    assert "B-persName#B-persName_forename" in labels
    assert all(len(s.forms) == len(s.labels) for d in documents for s in d.sentences)


@pytest.mark.skipif(not POLEM_TRAIN.exists(), reason="shared Polem data absent")
def test_name_gazetteer_is_up_to_date() -> None:
    script = ROOT / "scripts" / "build_name_gazetteer.py"
    result = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_array_scoring_tags_every_sentence_as_crfsuite(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tagger scores in array code from the model's weights; CRFsuite's own tagger on all the feature
    strings (the unknown ones skipped) must choose the same labels, alone or in a batch of any lengths."""
    known = set(read_model(default_model_path()).attributes)
    assert "bias" in known and "w=warszawa" in known and "w=kronikarzowanie" not in known
    sentences = [
        ["Gen.", "Władysław", "Sikorski", "przyleciał", "z", "Londynu", "do", "Kairu", "17", "IV", "1943", "r."],
        [],
        ["Warszawa"],
        ["Ministerstwo", "Spraw", "Zagranicznych", "RP", "wydało", "komunikat", "."],
        ["W", "Krakowie", "mieszkał", "Jan", "Matejko", ",", "a", "w", "Paryżu", "Fryderyk", "Chopin", "."],
        ["Pułk", "Ułanów", "Krechowieckich", "walczył", "pod", "Komarowem"],
        ["JAN", "KOWALSKI", "Z", "WARSZAWY"],
    ]
    crf = pycrfsuite.Tagger()
    crf.open(str(default_model_path()))
    expected = [crf.tag(sentence_features(forms)) if forms else [] for forms in sentences]
    tagger = get_tagger()
    assert tagger.tag_sentences(sentences) == expected
    assert [tagger.tag_forms(forms) for forms in sentences] == expected
    assert tagger.tag_sentences(sentences[::-1]) == expected[::-1]
    monkeypatch.setattr(statistical, "_BATCH_TOKENS", 8)  # batches of a few sentences, as in a long document
    assert tagger.tag_sentences(sentences) == expected
