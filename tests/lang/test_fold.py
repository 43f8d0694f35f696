"""Folding (kronika.lang.fold)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kronika.lang.fold import fold


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Łódź", "lodz"), ("ŻÓŁW", "zolw"), ("Rückemann", "ruckemann"), ("Straße", "strasse"),
     ("Ørsted", "orsted"), ("Brześć nad Bugiem", "brzesc nad bugiem"), ("d’Este", "d'este")],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)
