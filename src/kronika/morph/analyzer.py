"""Cached Morfeusz 2 analysis of single word forms.

Running text repeats its forms, and the Python wrapper's tuple building dominates Morfeusz's cost,
so every form is analysed once per process.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

import _morfeusz2
import morfeusz2

from kronika.model import Interp

# SGJP marks homonyms in lemmas ("Orlik:Sm1", "orlik:Sm3"); the marker is not part of the word.
_HOMONYM_MARK = re.compile(r":[A-Za-z][\w.~]*$")
_GENERATED_LEMMAS = 20_000  # lemmas whose generated forms are kept (a paradigm has dozens of forms)


def strip_homonym(lemma: str) -> str:
    """``'Kowiel:Sm1'`` → ``'Kowiel'``; a bare ``':'`` lemma stays as it is."""
    return _HOMONYM_MARK.sub("", lemma) if len(lemma) > 1 and ":" in lemma else lemma


# The extension's own field getters: the wrapper's attributes go through two Python properties each.
_start_node = _morfeusz2.MorphInterpretation_startNode_get
_lemma_of = _morfeusz2.MorphInterpretation__lemma_get
_tag_id_of = _morfeusz2.MorphInterpretation_tagId_get
_name_id_of = _morfeusz2.MorphInterpretation_nameId_get
_orth_of = _morfeusz2.MorphInterpretation__orth_get


def tag_has(tag: str, value: str, position: int | None = None) -> bool:
    """Whether a compact Morfeusz tag allows ``value`` (``'gen'`` in ``'subst:sg:gen.acc:m1'``)."""
    parts = tag.split(":")
    if position is not None:
        return position < len(parts) and value in parts[position].split(".")
    return any(value in p.split(".") for p in parts)


@lru_cache(maxsize=8192)
def expand_tag(tag: str) -> tuple[str, ...]:
    """All full tags a compact one stands for: ``'adj:sg:nom.voc:m1'`` → two tags (memoised: Morfeusz has a
    few thousand compact tags)."""
    options: list[list[str]] = [[]]
    for part in tag.split(":"):
        values = part.split(".")
        options = [o + [v] for o in options for v in values]
    return tuple(":".join(o) for o in options)


class Morphology:
    """Morfeusz 2 analyser and generator with a per-form cache."""

    def __init__(self, cache_size: int = 200_000) -> None:
        self._analyser = morfeusz2.Morfeusz(generate=False)
        self._generator: morfeusz2.Morfeusz | None = None
        self._lock = threading.Lock()
        self.analyse = lru_cache(maxsize=cache_size)(self._analyse)  # type: ignore[method-assign]
        # Readings are read by their tag and name ids, resolved once per id: the wrapper's own tuples
        # convert every string of every reading (and the labels we do not use), which cost more than
        # the analysis itself.
        self._ids = self._analyser._morfeusz_obj.getIdResolver()
        self._tags: dict[int, str] = {}
        self._names: dict[int, tuple[str, ...]] = {}
        # readings repeat across forms (a lemma's forms share it with its tag): each is built once
        self._interps: dict[tuple[str, int, int], Interp] = {}
        self._generated: dict[str, tuple[tuple[str, str, tuple[str, ...]], ...]] = {}  # by lemma: names recur
        self._cache_size = cache_size

    @property
    def dictionary_id(self) -> str:
        return str(self._analyser.dict_id())

    def _analyse(self, form: str) -> tuple[Interp, ...]:
        """Readings of one token. Agglutinates (``poszedł|em``) keep the readings of the host word;
        an unknown word gives ``ign``."""
        with self._lock:
            results = self._analyser._morfeusz_obj.analyse(form)
            found = [(_lemma_of(r), _tag_id_of(r), _name_id_of(r), r) for r in results if _start_node(r) == 0]
        interps = self._interps
        readings: dict[Interp, None] = {}
        for lemma, tag_id, name_id, result in found:
            key = (lemma, tag_id, name_id)
            interp = interps.get(key)
            if interp is None:
                if len(interps) >= self._cache_size:  # bound memory on huge inputs
                    interps.clear()
                interp = interps[key] = Interp(strip_homonym(lemma), self._tag(tag_id), self._qualifiers(name_id))
            if interp.tag == "interp" and _orth_of(result) != form:
                continue
            readings[interp] = None
        if not readings:
            readings[Interp(form, "ign", ())] = None
        return tuple(readings)

    def _tag(self, tag_id: int) -> str:
        tag = self._tags.get(tag_id)
        if tag is None:
            tag = self._tags[tag_id] = self._ids.getTag(tag_id)
        return tag

    def _qualifiers(self, name_id: int) -> tuple[str, ...]:
        quals = self._names.get(name_id)
        if quals is None:
            name = self._ids.getName(name_id)
            quals = self._names[name_id] = tuple(name.split("|")) if name else ()
        return quals

    def generate(self, lemma: str) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
        """All forms of a lemma as ``(form, tag, qualifiers)``; empty when Morfeusz does not know it."""
        forms = self._generated.get(lemma)
        if forms is None:
            if len(self._generated) >= _GENERATED_LEMMAS:  # bound memory
                self._generated.clear()
            forms = self._generated[lemma] = tuple(self._generate(lemma))
        return forms

    def _generate(self, lemma: str) -> list[tuple[str, str, tuple[str, ...]]]:
        with self._lock:
            if self._generator is None:
                self._generator = morfeusz2.Morfeusz(analyse=False, generate=True)
            try:
                # read by ids through the extension's getters, as the analyses are (the same dictionary, so the
                # same ids)
                results = list(self._generator._morfeusz_obj.generate(lemma))
            except RuntimeError:
                return []
        return [(_orth_of(r), self._tag(_tag_id_of(r)), self._qualifiers(_name_id_of(r))) for r in results]


_instance: Morphology | None = None


def get_morphology() -> Morphology:
    """The process-wide analyser (Morfeusz loads its dictionary once, ~0.2 s)."""
    global _instance
    if _instance is None:
        _instance = Morphology()
    return _instance
