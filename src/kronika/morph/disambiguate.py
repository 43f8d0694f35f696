"""Choosing one Morfeusz reading per token.

A first, simple policy; its agreement with the KPWr corpus' chosen readings is measured by
``bench/morph_agreement.py``.
"""

from __future__ import annotations

from kronika.model import Interp, Sentence
from kronika.morph.analyzer import get_morphology

_NAME_QUALIFIERS = {"nazwa_geograficzna", "imię", "nazwisko", "nazwa_organizacji", "nazwa_własna"}


def _score(interp: Interp, capitalised: bool, sentence_initial: bool) -> tuple[int, int]:
    is_name = bool(_NAME_QUALIFIERS.intersection(interp.quals)) or interp.lemma[:1].isupper()
    if capitalised and not sentence_initial:
        name_score = 1 if is_name else 0
    else:
        name_score = 0 if is_name else 1
    return (0 if interp.tag == "ign" else 1, name_score)


def disambiguate(sentence: Sentence) -> None:
    """Fill ``token.interps`` and ``token.chosen`` for every token of the sentence."""
    morphology = get_morphology()
    for index, token in enumerate(sentence.tokens):
        token.interps = morphology.analyse(token.text)
        capitalised = token.text[:1].isupper()
        token.chosen = max(token.interps, key=lambda i: _score(i, capitalised, index == 0))
