"""The base-form guesser for words Morfeusz does not know (kronika.lang.base_forms)."""

from __future__ import annotations

import pytest

from kronika.lang.base_forms import feminine_surname_base, guess_base, guess_bases, oblique_ending


@pytest.mark.parametrize(
    ("word", "cls", "case_key", "expected"),
    [
        ("Rückemanna", "person", "gen:sg", "Rückemann"),  # case known from context
        ("Rückemann", "person", "nom:sg", "Rückemann"),  # nominative: unchanged
        ("Oranami", "place", "*", "Orany"),  # case unknown: a place ending no nominative has
        ("Szackiem", "other", "*", "Szack"),  # an ending the class has too few examples of: pooled rule
        ("Oranami", "unknown", "*", "Orany"),  # no category: open to the endings of places
        # oblique endings of person names: maiden names, patronymics, families, -mann, adjectival -y
        ("Wolańskówny", "person", "*", "Wolańskówna"),
        ("Pawłowny", "person", "gen:sg", "Pawłowna"),
        ("Pietrowych", "person", "*", "Pietrow"),
        ("Sołowjewem", "person", "*", "Sołowjew"),
        ("Zimmermannowi", "unknown", "*", "Zimmermann"),
        ("Kennedyemu", "person", "*", "Kennedy"),
        # the ending's case must be the word's: Pawłowny read as a nominative plural stays
        ("Pawłowny", "person", "nom:pl", "Pawłowny"),
        # pre-war instrumental of places in -cz, -sz, -rz: Naroczem, Kiszem
        ("Naroczem", "place", "*", "Narocz"),
        # -nem: a neuter in -no after a consonant, a masculine in -n after a vowel
        ("Gnieznem", "place", "*", "Gniezno"),
        ("Bostonem", "place", "*", "Boston"),
        ("Winstonem", "unknown", "*", "Winston"),
        # a vowel ending after a vowel is no Polish declension
        ("Allgäu", "place", "*", "Allgäu"),
    ],
)
def test_guess_base(word: str, cls: str, case_key: str, expected: str) -> None:
    assert guess_base(word, cls, case_key) == expected


def test_oblique_ending_tells_the_case() -> None:
    assert oblique_ending("Typelówny", "person")[0] == "gen:sg"
    assert oblique_ending("Szackiem", "place")[0] == "inst:sg"
    assert oblique_ending("Szackiem", "other") is None  # only persons' and places' endings are written


def test_guess_bases_covers_every_kind_of_name() -> None:
    assert "Rückemann" in guess_bases("Rückemanna")
    assert "Szack" in guess_bases("Szackiem")


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Grzmotkowej", "Grzmotkowa"),  # a wife's surname, genitive/dative/locative
        ("Grzmotkową", "Grzmotkowa"),  # accusative/instrumental
        ("Bzdrągowskiej", "Bzdrągowska"),  # -ska: -iej after k
        ("Zawidzką", "Zawidzka"),
        ("Typelównej", "Typelówna"),
        ("Grzmotkowa", None),  # already a nominative
        ("Warszawskiej", "Warszawska"),  # any capitalised word of the shape: callers ask only of a surname
        ("nowej", None),  # lower case: no surname
    ],
)
def test_a_womans_surname_in_an_oblique_case(word, expected):
    assert feminine_surname_base(word) == expected
