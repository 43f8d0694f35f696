"""Lemmas from the analyser: SGJP homonym and inflection-class marks are stripped once, when readings are built."""

from __future__ import annotations

import pytest

from kronika.morph.analyzer import get_morphology, strip_homonym


@pytest.mark.parametrize(("lemma", "clean"), [
    ("Orlik:Sm1", "Orlik"),
    ("Polska:Sf~i", "Polska"),
    ("zawrzeć:Vp~rę", "zawrzeć"),
    ("Lew:Sm1~Lwa", "Lew"),
    ("oko:Sn_ncol", "oko"),
    ("na_przykład", "na_przykład"),  # a multi-word lemma keeps its underscore here
    (":", ":"),
    ("Warszawa", "Warszawa"),
])
def test_strip_homonym(lemma: str, clean: str) -> None:
    assert strip_homonym(lemma) == clean
    assert strip_homonym(clean) == clean  # callers may strip lemmas that are already clean


@pytest.mark.parametrize("form", ["Lwa", "zawarł", "Polską", "na", "oka"])
def test_readings_carry_no_homonym_marks(form: str) -> None:
    assert all(strip_homonym(i.lemma) == i.lemma for i in get_morphology().analyse(form))
