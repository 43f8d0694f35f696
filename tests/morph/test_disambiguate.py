"""The disambiguator on real Morfeusz output: one full tag and a clean lemma per token, chosen in context."""

from __future__ import annotations

import gzip
import json

import pytest

from kronika.morph.analyzer import expand_tag
from kronika.morph.disambiguate import MODEL_FORMAT, Tagger, clean_lemma, disambiguate, to_nkjp
from kronika.text.segment import split_sentences


def _tag(text: str) -> dict[str, tuple[str, str]]:
    """``{token text: (lemma, tag)}`` for a one-sentence text (first occurrence of each form)."""
    [sentence] = split_sentences(text)
    disambiguate(sentence)
    readings: dict[str, tuple[str, str]] = {}
    for token in sentence.tokens:
        readings.setdefault(token.text, (token.lemma, token.tag))
    return readings


@pytest.mark.parametrize(
    ("text", "form", "lemma", "tag"),
    [
        # case from the preposition
        ("W Warszawie mieszka Jan Kowalski.", "Warszawie", "Warszawa", "subst:sg:loc:f"),
        ("W Warszawie mieszka Jan Kowalski.", "W", "w", "prep:loc:nwok"),
        ("Wojska weszły do Polski.", "Polski", "Polska", "subst:sg:gen:f"),
        ("Bitwa pod Kockiem trwała kilka dni.", "Kockiem", "Kock", "subst:sg:inst:m3"),
        # agreement of adjective and noun
        ("Armia Czerwona przekroczyła granicę.", "Czerwona", "czerwony", "adj:sg:nom:f:pos"),
        ("Armia Czerwona przekroczyła granicę.", "granicę", "granica", "subst:sg:acc:f"),
        # agglutinate kept on its host; SGJP homonym marks stripped from the lemma
        ("Wczoraj dostałam list.", "dostałam", "dostać", "praet:sg:f:perf"),
        ("Słyszałem o tym od brata.", "Słyszałem", "słyszeć", "praet:sg:m1:imperf"),
        # function words
        ("Nie wiem, gdzie jest.", "Nie", "nie", "part"),
        ("Żołnierze wycofali się za rzekę.", "się", "się", "part"),
        # an abbreviation before its dot: Morfeusz knows it only with the dot
        ("Rozkaz wydał gen. Anders.", "gen", "generał", "brev:pun"),
        ("Było to w 1939 r. we wrześniu.", "r", "rok", "brev:pun"),
        # a capitalised word inside a sentence takes the proper-name lemma (and its indeclinable case)
        ("Rozmawiał z Barbarą Zając o zającu.", "Zając", "Zając", "subst:sg:inst:f"),
        # the case of a date's year noun is governed across the number
        ("Armia przekroczyła granicę 17 września 1939 roku.", "roku", "rok", "subst:sg:gen:m3"),
    ],
)
def test_chosen_reading_in_context(text: str, form: str, lemma: str, tag: str) -> None:
    assert _tag(text)[form] == (lemma, tag)


def test_chosen_is_one_of_the_full_tag_readings() -> None:
    text = "Dnia 17 września 1939 r. Armia Czerwona wkroczyła na wschodnie ziemie II Rzeczypospolitej."
    for sentence in split_sentences(text):
        disambiguate(sentence)
        for token in sentence.tokens:
            assert token.chosen is not None
            assert "." not in token.chosen.tag or token.chosen.tag == "."
            assert token.chosen in token.interps
            assert all(len(expand_tag(i.tag)) == 1 for i in token.interps)


@pytest.mark.parametrize(
    ("lemma", "clean"),
    [("dostać:Vp~anę", "dostać"), ("Orlik:Sm1", "Orlik"), ("oko:Sn_ncol", "oko"), ("na_przykład", "na przykład"),
     (":", ":"), ("_", "_"), ("Warszawa", "Warszawa")],
)
def test_clean_lemma(lemma: str, clean: str) -> None:
    assert clean_lemma(lemma) == clean


@pytest.mark.parametrize(
    ("morfeusz", "nkjp"),
    [("part", "qub"), ("subst:sg:nom:n:ncol", "subst:sg:nom:n"), ("interp:", "interp"),
     ("adj:sg:gen:f:pos", "adj:sg:gen:f:pos")],
)
def test_to_nkjp(morfeusz: str, nkjp: str) -> None:
    assert to_nkjp(morfeusz) == nkjp


def test_model_of_another_format_is_refused(tmp_path) -> None:
    path = tmp_path / "model.json.gz"
    path.write_bytes(gzip.compress(json.dumps({"format": "other", "weights": {}, "lemma_counts": {}}).encode()))
    with pytest.raises(ValueError, match="format"):
        Tagger.load(path)


def test_committed_model_loads() -> None:
    tagger = Tagger.load()
    assert len(tagger.weights) > 1000
    assert MODEL_FORMAT.startswith("kronika-tagger/")
