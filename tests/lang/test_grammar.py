"""Token grammar (kronika.lang.grammar)."""

from __future__ import annotations

from kronika.lang.grammar import (
    FINITE,
    FINITE_VERBS,
    case_agrees,
    cases,
    has_pos,
    known_lemmas,
    lemmas,
    lemmas_and_form,
    lemmas_lower,
    number_gender,
    place_prepositions,
    place_question_direction,
    prepositions_before_places,
    prepositions_in_place_names,
    subject_agrees,
)
from kronika.model import Token
from kronika.morph import get_morphology


def token(text: str) -> Token:
    return Token(0, len(text), text, get_morphology().analyse(text))


def test_lemmas() -> None:
    assert "Lwów" in lemmas(token("Lwowa"))
    assert "lwów" in lemmas_lower(token("Lwowa"))
    assert {"lwów", "lwowa"} <= lemmas_and_form(token("Lwowa"))
    assert lemmas(Token(0, 3, "xyz")) == {"xyz"}  # no readings: the form


def test_known_lemmas() -> None:
    assert "lwów" in known_lemmas(token("Lwowa"))
    assert known_lemmas(token("Qwxzyk")) == frozenset()  # unknown to the dictionary: no lemma, not the form


def test_finite_verb_forms() -> None:
    assert has_pos(token("pojechał"), FINITE_VERBS)
    assert has_pos(token("trzeba"), FINITE) and not has_pos(token("trzeba"), FINITE_VERBS)
    assert not has_pos(token("pojechać"), FINITE)


def test_place_question_direction() -> None:
    assert place_question_direction("w") == "at"
    assert place_question_direction("do") == "to"
    assert place_question_direction("ze") == "from"
    assert place_question_direction("przez") is None


def test_lemmas_are_kept_per_analysis() -> None:
    readings = get_morphology().analyse("Lwowa")
    first, second = Token(0, 5, "Lwowa", readings), Token(10, 15, "Lwowa", readings)
    assert lemmas(first) is lemmas(second)  # one analysis, computed once
    assert lemmas(Token(0, 5, "Lwowa", tuple(readings))) == lemmas(first)


def test_has_pos() -> None:
    assert has_pos(token("szedł"), {"praet"})
    assert not has_pos(token("szedł"), {"subst"})
    assert has_pos(token("Lwowa"), {"subst"}, "Lwów")
    assert not has_pos(Token(0, 3, "xyz"), {"subst"})


def test_cases() -> None:
    assert "gen" in cases(token("Lwowa"))
    assert cases(token("bardzo")) == frozenset()  # an adverb has no case
    assert "loc" in cases(token("Tomaszowie"), ("subst",))


def test_case_agrees() -> None:
    assert case_agrees(token("Lubelskim"), token("Tomaszowem"))
    assert not case_agrees(token("Lubelskiego"), token("Tomaszowem"))


def test_place_prepositions() -> None:
    assert {"pod", "koło", "w"} <= prepositions_before_places()
    assert "na" not in prepositions_before_places()  # takes people and things as often
    assert prepositions_in_place_names() == {"nad", "pod", "przy"}
    assert prepositions_before_places() | prepositions_in_place_names() <= place_prepositions()


def test_subject_agrees() -> None:
    assert subject_agrees(token("stoczyła"), token("armia"))
    assert not subject_agrees(token("stoczyła"), token("pułk"))
    assert subject_agrees(token("walczyli"), token("armia"))  # a plural verb: coordinated subjects
    assert subject_agrees(token("stoczyła"), Token(0, 3, "xyz"))  # an unknown word agrees


def test_number_gender() -> None:
    assert ("pl", "m1") in number_gender(token("którzy"))
