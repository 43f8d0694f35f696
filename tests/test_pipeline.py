import gc

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kronika.model import Document
from kronika.pipeline import COLLECTOR_THRESHOLDS, STAGES, Stage, analyze, check_order, collect_garbage_rarely
from kronika.text.segment import split_sentences


def test_stages_are_in_a_valid_order():
    check_order(STAGES)


def test_check_order_rejects_a_stage_before_its_inputs():
    with pytest.raises(ValueError, match="requires"):
        check_order([Stage("late", lambda a: None, requires=("entities",), assigns=())])


def test_analysis_leaves_no_cyclic_garbage():
    """What makes collecting rarely safe: analysing a document frees everything by reference counts."""
    document = Document(id="d", text="Dnia 3 maja 1791 r. Sejm Czteroletni uchwalił w Warszawie konstytucję. "
                        "Król Stanisław August Poniatowski zaprzysiągł ją tego samego dnia na Zamku Królewskim.")
    analyze(document)  # models and caches loaded first
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        analysis = analyze(document)
        del analysis
        assert gc.collect() == 0
    finally:
        if was_enabled:
            gc.enable()


def test_long_runs_collect_garbage_rarely():
    thresholds = gc.get_threshold()
    try:
        collect_garbage_rarely()
        assert gc.get_threshold() == COLLECTOR_THRESHOLDS
    finally:
        gc.set_threshold(*thresholds)


POLISH_TEXT = st.text(
    alphabet=st.sampled_from(list("aąbcćdeęfghijklłmnńoóprsśtuwyzźżAĄCĆEĘŁŃÓŚŹŻ0123456789 .,;:!?-–—„”\"'()[]…\n\t")),
    max_size=400,
)


@settings(max_examples=200, deadline=None)
@given(POLISH_TEXT)
def test_sentences_and_tokens_slice_back_and_cover_every_word(text):
    sentences = split_sentences(text)
    covered = set()
    previous_end = 0
    for sentence in sentences:
        assert previous_end <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start:sentence.end].strip() == text[sentence.start:sentence.end]
        previous_end = sentence.end
        for token in sentence.tokens:
            assert sentence.start <= token.start < token.end <= sentence.end
            assert text[token.start:token.end] == token.text
            covered.update(range(token.start, token.end))
    assert all(i in covered for i, c in enumerate(text) if not c.isspace())
