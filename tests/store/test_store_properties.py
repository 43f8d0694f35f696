"""Invariants: whatever word a stored sentence contains, searching for that word finds the sentence,
and citations slice back to the stored text."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kronika.store.terms import split_terms

LETTERS = "aąbcćdeęfghijklłmnńoóprsśtuwyzźżAĄBCĆDEĘŁÓŚŻüöä"
words = st.text(alphabet=LETTERS, min_size=2, max_size=12).filter(lambda w: bool(split_terms(w)))


@pytest.fixture(scope="module")
def store(module_store):
    return module_store


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(word=words, filler=st.sampled_from(["Wczoraj widziano", "W kronice zapisano", "Nikt nie znał"]))
def test_a_stored_word_is_found_by_itself(store, build, word, filler):
    text = f"{filler} {word} w mieście. Potem było cicho."
    doc = store.ingest(build(text, name="prop"))
    hits = store.search(word, limit=1000)
    assert any(h.citation.document == doc and h.citation.start == 0 for h in hits), (word, hits)
    stored = store.document_text(doc)
    assert stored == text
    for hit in hits:
        if hit.citation.document == doc:
            assert stored[hit.citation.start:hit.citation.end] == hit.citation.text
