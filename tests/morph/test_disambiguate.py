"""The disambiguator on real Morfeusz output: one full tag and a clean lemma per token, chosen in context."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from kronika.morph.analyzer import expand_tag
from kronika.morph.disambiguate import (
    END,
    MODEL_FORMAT,
    START,
    Tagger,
    capitalisation,
    clean_lemma,
    context_features,
    contexts,
    disambiguate,
    emission_features,
    is_proper,
    to_nkjp,
    weight_tables,
)
from kronika.text.segment import split_sentences


def _tag(text: str) -> dict[str, tuple[str, str]]:
    """``{token text: (lemma, tag)}`` for a one-sentence text (first occurrence of each form)."""
    [sentence] = split_sentences(text)
    disambiguate([sentence])
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
        disambiguate([sentence])
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


# Sentences whose candidates cover abbreviations before a dot, names, numbers, agreement and punctuation.
_TABLE_SENTENCES = (
    "Dnia 17 września 1939 r. Armia Czerwona wkroczyła na wschodnie ziemie II Rzeczypospolitej.",
    "Rozkaz wydał gen. Anders, a pułk ruszył pod Kock; nie wiem, gdzie jest.",
    "Słyszałem o tym od brata, który dostał list z Warszawy.",
)


@pytest.fixture(scope="module")
def tagger_pair() -> tuple[Tagger, Tagger]:
    """The committed model twice: scored from its weight tables, and from feature strings as in training."""
    fast = Tagger.load()
    return fast, Tagger(fast.weights, fast.lemma_counts, fixed_weights=False)


@pytest.mark.parametrize("text", _TABLE_SENTENCES)
def test_weight_tables_score_as_feature_strings(tagger_pair: tuple[Tagger, Tagger], text: str) -> None:
    """The tables must give the same sums as the feature strings training scores, to the last bit."""
    fast, strings = tagger_pair
    tokens = [token for sentence in split_sentences(text) for token in sentence.tokens]
    previous_tags: tuple[str, ...] = (START,)
    for index, (token, context) in enumerate(zip(tokens, contexts(tokens), strict=True)):
        entry = fast.form_candidates(token.text, index == 0, bool(context.dot))
        case_context = capitalisation(token.text, index == 0)
        expected = [
            strings.score(emission_features(token.text, case_context, tag, is_proper(interp)))
            for tag, interp in zip(entry.tags, entry.chosen, strict=True)
        ]
        assert list(entry.emissions) == expected
        assert fast.context_scores([entry], [context]).tolist() == [
            emission + strings.score(context_features(context, tag))
            for emission, tag in zip(expected, entry.tags, strict=True)
        ]
        assert _all_transitions(fast, previous_tags, entry.tags) == _all_transitions(strings, previous_tags, entry.tags)
        previous_tags = entry.tags
    assert _all_transitions(fast, previous_tags, (END,)) == _all_transitions(strings, previous_tags, (END,))


def _all_transitions(tagger: Tagger, previous_tags: tuple[str, ...], tags: tuple[str, ...]) -> list[float]:
    """The transition score from every previous tag into every tag."""
    current, previous = np.divmod(np.arange(len(tags) * len(previous_tags)), len(previous_tags))
    return tagger.transition_scores([previous_tags, tags], current + len(previous_tags), previous).tolist()


@pytest.mark.parametrize("text", _TABLE_SENTENCES)
def test_cached_tagger_chooses_as_training_scores(tagger_pair: tuple[Tagger, Tagger], text: str) -> None:
    fast, strings = tagger_pair
    chosen = []
    for tagger in (fast, strings, fast):  # the second pass of ``fast`` runs on its caches
        sentences = split_sentences(text)
        for sentence in sentences:
            tagger.tag(sentence.tokens)
        chosen.append([(token.chosen, token.interps) for sentence in sentences for token in sentence.tokens])
    assert chosen[0] == chosen[1] == chosen[2]


def test_weight_tables_regroup_every_weight() -> None:
    weights = {"t|subst:sg:nom:f": 1.0, "w|||interp": 2.0, "cap|U|1|subst": 3.0, "ba|adj|subst|111": 4.0}
    assert weight_tables(weights) == {
        "t": {"": {"subst:sg:nom:f": 1.0}},
        "w": {"|": {"interp": 2.0}},
        "cap": {"U|1": {"subst": 3.0}},
        "ba": {"adj|subst": {"111": 4.0}},
    }


SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def test_committed_model_was_trained_on_the_shared_data() -> None:
    """models/README.md records the training file of the committed model and its SHA-256; when the
    shared file changes, the model must be retrained (and the README updated)."""
    readme = resources.files("kronika.morph").joinpath("models/README.md").read_text(encoding="utf-8")
    recorded = dict(re.findall(r"^ {4}(training data|sha256): (\S+)$", readme, flags=re.MULTILINE))
    data = SHARED / recorded["training data"]
    if not data.is_file():
        pytest.skip(f"{data} absent")
    assert hashlib.sha256(data.read_bytes()).hexdigest() == recorded["sha256"]
