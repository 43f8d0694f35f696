"""The learned edit ranker of name base forms (kronika.morph.lemma_edits)."""

from __future__ import annotations

import gzip
import json
from importlib import resources

import pytest

from kronika.lang.tokens import tokenize
from kronika.morph import get_morphology, lemma_edits
from kronika.morph.lemmatize import lemmatize_phrase
from tests.conftest import SCRIPTS, load_script


def _tokens(text: str):
    tokens = tokenize(text)
    for token in tokens:
        token.interps = get_morphology().analyse(token.text)
    return tokens


def test_an_edit_strips_and_appends_case_folded() -> None:
    assert lemma_edits.edit("Kowalskiego", "Kowalski") == "3>"
    assert lemma_edits.edit("Typelówny", "Typelówna") == "1>a"
    assert lemma_edits.edit("Gdańsk", "Gdańsk") == "0>"


def test_the_candidates_are_the_rules_answer_the_word_its_lemmas_and_guesses() -> None:
    tokens = _tokens("Edwarda")
    options = lemma_edits.candidates(tokens[0], "Edward")
    assert options[0].form == "Edward" and "rule" in options[0].sources
    forms = {option.form for option in options}
    assert {"Edward", "Edwarda"} <= forms
    # every candidate keeps the word's first letter: inflection is at the end
    assert all(form[:1].lower() == "e" for form in forms)


@pytest.mark.parametrize(
    ("word", "nominative"),
    [("Benjamina", "Benjamin"), ("Lucindy", "Lucinda"), ("Ritchiego", "Ritchie"), ("Malcolmem", "Malcolm")],
)
def test_a_foreign_names_nominative_under_a_polish_ending_is_a_candidate(word: str, nominative: str) -> None:
    options = {option.form: option.sources for option in lemma_edits.candidates(_tokens(word)[0], word)}
    assert any(source.startswith("foreign:") for source in options[nominative])


def test_an_oblique_form_of_proper_names_in_the_head_is_no_base_form_as_written() -> None:
    token = _tokens("Krakowa")[0]  # Kraków's genitive, no nominative reading
    in_head = {o.form for o in lemma_edits.candidates(token, "Kraków", in_head=True)}
    assert "Kraków" in in_head and "Krakowa" not in in_head
    # after the head (a complement: Klemensa z Krakowa) the word as written stays a candidate
    assert "Krakowa" in {o.form for o in lemma_edits.candidates(token, "Kraków")}
    # a form that is only a vocative may be a foreign forename as written (Mario)
    assert "Mario" in {o.form for o in lemma_edits.candidates(_tokens("Mario")[0], "Maria", in_head=True)}


def test_a_foreign_name_as_written_is_no_candidate_of_its_own_stem() -> None:
    options = lemma_edits.candidates(_tokens("Lucinda")[0], "Lucind")
    assert not any(s.startswith("foreign:") for option in options for s in option.sources)


def test_the_rules_decide_where_they_are_certain() -> None:
    # one lemma only: nothing to guess
    tokens = _tokens("Warszawy")
    assert not lemma_edits.is_ambiguous(tokens[0])
    # a hand-written oblique ending of Polish names is certain (an invented surname)
    assert not lemma_edits.is_ambiguous(_tokens("Bzdrągównej")[0])


def test_agreement_in_the_head_phrase_is_the_rules() -> None:
    tokens = _tokens("Edwarda Gierka")
    choice = lemma_edits.Choice(tokens, 1, "unknown", "Gierek", True, True, 1, 2)
    assert not lemma_edits.decides(choice)
    lemma_edits.use_weights({"src=keep": 100.0})
    try:
        assert lemma_edits.choose(choice) == "Gierek"
        alone = lemma_edits.Choice(tokens[1:], 0, "unknown", "Gierek", True, False, 0, 1)
        assert lemma_edits.choose(alone) == "Gierka"  # the weights prefer the word as written
    finally:
        lemma_edits.restore_weights()


def test_without_weights_the_rules_answer() -> None:
    lemma_edits.use_weights(None)
    try:
        assert lemmatize_phrase("Franciszka Kleeberga") == "Franciszek Kleeberg"
    finally:
        lemma_edits.restore_weights()


def test_where_the_rules_are_sure_the_model_overrules_them_only_by_a_margin() -> None:
    tokens = _tokens("Warszawy")  # one lemma, alone: the rules are sure, the model may still rank
    choice = lemma_edits.Choice(tokens, 0, "unknown", "Warszawa", True, False, 0, 1)
    assert lemma_edits.ranks(choice) and not lemma_edits.decides(choice)
    below, above = lemma_edits.SURE_MARGIN / 2, lemma_edits.SURE_MARGIN * 2
    for weight, expected in ((below, "Warszawa"), (above, "Warszawy")):
        lemma_edits.use_weights({"sure|src=keep": weight})
        try:
            assert lemma_edits.choose(choice) == expected
        finally:
            lemma_edits.restore_weights()


def test_a_one_word_name_chosen_as_an_adjective_lemma_is_cited_lower_case() -> None:
    weights = {f"{regime}src=lemma:adj:-": 10.0 for regime in ("", "sure|")}
    lemma_edits.use_weights(weights)
    try:
        for text, rule_form, expected in (("Europejskiej", "Europejska", "europejski"),
                                          ("Kowalskiego", "Kowalski", "Kowalski")):  # also a surname
            choice = lemma_edits.Choice(_tokens(text), 0, "unknown", rule_form, True, False, 0, 1)
            assert lemma_edits.choose(choice) == expected
    finally:
        lemma_edits.restore_weights()


def test_agreement_and_hand_written_endings_are_not_ranked() -> None:
    tokens = _tokens("Edwarda Gierka")
    assert not lemma_edits.ranks(lemma_edits.Choice(tokens, 1, "unknown", "Gierek", True, True, 1, 2))
    # an invented Russian family name in a hand-written oblique ending
    tokens = _tokens("Bzdryninych")
    assert not lemma_edits.ranks(lemma_edits.Choice(tokens, 0, "unknown", "Bzdrynin", True, False, 0, 1))


def test_the_bundled_model_reads() -> None:
    weights = lemma_edits._bundled_weights()
    assert weights and all(isinstance(value, float) for value in list(weights.values())[:10])


def test_the_bundled_model_matches_its_sources() -> None:
    """The committed model records the SHA-256 of its training file and of the script that learned it: an
    edited script, or a changed training file, must be followed by retraining
    (``python scripts/learn_lemma_edits.py``)."""
    learner = load_script(SCRIPTS / "learn_lemma_edits.py")
    path = resources.files("kronika.morph").joinpath(f"models/{lemma_edits.MODEL_FILE}")
    provenance = json.loads(gzip.decompress(path.read_bytes()))["provenance"]
    if not learner.DEFAULT_TRAIN.is_file():
        pytest.skip(f"{learner.DEFAULT_TRAIN} absent")
    assert provenance["training"] == learner.DEFAULT_TRAIN.name
    names = ("training_sha256", "script_sha256", "features_sha256", "names_sha256")
    assert {name: provenance.get(name) for name in names} == learner.sources(learner.DEFAULT_TRAIN)
