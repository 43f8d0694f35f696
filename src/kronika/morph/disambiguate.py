"""Choosing one Morfeusz reading per token.

Morfeusz gives every reading a word form can have; a first-order averaged-perceptron tagger picks one
full tag per token (Viterbi over the candidate tags only, so the tagger never invents a reading), then a
lemma among the readings that carry that tag. Features are deliberately few and cacheable: emission
scores depend on the form and its capitalisation context only, transition scores on the tag pair only,
so running text costs little more than a dictionary lookup per candidate pair.

The weights come from ``scripts/train_tagger.py`` (see ``models/README.md``); agreement with the KPWr
corpus' chosen readings is measured by ``bench/morph_agreement.py``.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from kronika.model import Interp, Sentence, Token
from kronika.morph.analyzer import expand_tag, get_morphology

MODEL_RESOURCE = "models/tagger-pl.json.gz"
MODEL_FORMAT = "kronika-tagger/1"

_NAME_QUALIFIERS = frozenset({"nazwa_geograficzna", "imię", "nazwisko", "nazwa_organizacji", "nazwa_własna"})
_NUMBERS = frozenset({"sg", "pl"})
_CASES = frozenset({"nom", "gen", "dat", "acc", "inst", "loc", "voc"})
_GENDERS = frozenset({"m1", "m2", "m3", "f", "n"})
# SGJP refines neuter nouns by collectivity; NKJP 1M does not
_SGJP_ONLY_VALUES = frozenset({"ncol", "col", "pt"})
# SGJP homonym markers the analyser leaves on lemmas: "dostać:Vp~anę", "Orlik:Sm1"
_HOMONYM_MARK = re.compile(r"(?<=.):[A-Za-z][^:]*$")
START, END = "<s>", "</s>"
_CELL_CACHE_SIZE = 200_000  # distinct forms; running text rarely has more


def clean_lemma(lemma: str) -> str:
    """``'dostać:Vp~anę'`` → ``'dostać'``, ``'na_przykład'`` → ``'na przykład'``; bare ``':'``, ``'_'`` stay."""
    if len(lemma) < 2:
        return lemma
    return _HOMONYM_MARK.sub("", lemma).replace("_", " ")


def readings(form: str, dot_follows: bool) -> tuple[Interp, ...]:
    """Morfeusz readings of a token; before a dot glued to it, also the abbreviations that the form
    with its dot stands for (*gen.* → *generał*, *r.* → *rok*), which Morfeusz knows only dotted."""
    morphology = get_morphology()
    plain = morphology.analyse(form)
    if not dot_follows:
        return plain
    abbreviations = tuple(i for i in morphology.analyse(form + ".") if i.tag.startswith("brev"))
    if not abbreviations:
        return plain
    known = tuple(i for i in plain if i.tag != "ign")
    return known + tuple(i for i in abbreviations if i not in known)


def to_nkjp(tag: str) -> str:
    """A full Morfeusz (SGJP) tag in the NKJP 1M tagset, for comparing with NKJP-tagged corpora:
    ``'part'`` → ``'qub'``, ``'subst:sg:nom:n:ncol'`` → ``'subst:sg:nom:n'``; trailing colons dropped."""
    parts = [p for p in tag.rstrip(":").split(":") if p not in _SGJP_ONLY_VALUES]
    if parts[0] == "part":
        parts[0] = "qub"
    return ":".join(parts)


@lru_cache(maxsize=8192)
def tag_attributes(tag: str) -> tuple[str, str, str, str]:
    """``(pos, number, case, gender)`` of a full tag; ``''`` for what the tag does not mark."""
    parts = tag.split(":")
    number = case = gender = ""
    for part in parts[1:]:
        if part in _NUMBERS:
            number = part
        elif part in _CASES:
            case = part
        elif part in _GENDERS:
            gender = part
    return parts[0], number, case, gender


def capitalisation(form: str, sentence_initial: bool) -> str:
    """``'U'`` capitalised inside a sentence, ``'I'`` capitalised first word, ``'l'`` lower case,
    ``'-'`` no letters."""
    first = form[:1]
    if not first.isalpha():
        return "-"
    if first.isupper():
        return "I" if sentence_initial else "U"
    return "l"


def is_proper(interp: Interp) -> bool:
    return bool(_NAME_QUALIFIERS.intersection(interp.quals)) or interp.lemma[:1].isupper()


def emission_features(form: str, case_context: str, tag: str, proper: bool) -> list[str]:
    """Features of one candidate tag of one token, independent of its neighbours."""
    lower = form.lower()
    pos, number, case, gender = tag_attributes(tag)
    return [
        f"t|{tag}",
        f"pc|{pos}:{case}",
        f"pn|{pos}:{number}:{gender}",
        f"w|{lower}|{tag}",
        f"wp|{lower}|{pos}",
        f"wc|{lower}|{pos}:{case}",
        f"s2|{lower[-2:]}|{tag}",
        f"s3|{lower[-3:]}|{pos}:{case}",
        f"cap|{case_context}|{int(proper)}|{pos}",
    ]


class Context(NamedTuple):
    before2: str  # the words around a token, lower-cased ("" past the sentence)
    before: str
    after: str
    dot: str  # a dot glued after the token: "" none, "mid" inside the sentence, "end" closing it


def context_of(tokens: Sequence[Token], index: int) -> Context:
    def word(i: int) -> str:
        return tokens[i].text.lower() if 0 <= i < len(tokens) else ""

    dot = ""
    if dot_follows(tokens, index):
        dot = "end" if index + 2 == len(tokens) else "mid"
    return Context(word(index - 2), word(index - 1), word(index + 1), dot)


def context_features(context: Context, tag: str) -> list[str]:
    """Features tying a candidate to the words around it: what governs its case two words back
    (*w 1939 roku*), what follows a function word (*to jest*, *nie wiem*), and a dot the sentence
    splitter kept inside the sentence, which marks an abbreviation (*gen. Anders*)."""
    pos, _number, case, _gender = tag_attributes(tag)
    return [
        f"p2|{context.before2}|{pos}:{case}",
        f"p1|{context.before}|{pos}:{case}",
        f"n1|{context.after}|{pos}",
        f"dot|{context.dot}|{pos}",
    ]


def transition_features(previous: str, tag: str) -> list[str]:
    """Features of a pair of adjacent tags: the pair itself, and the part-of-speech, case and
    agreement (same case, number, gender) patterns that generalise to unseen pairs."""
    p_pos, p_number, p_case, p_gender = tag_attributes(previous)
    pos, number, case, gender = tag_attributes(tag)
    agreement = (
        f"{int(bool(case) and p_case == case)}{int(bool(number) and p_number == number)}"
        f"{int(bool(gender) and p_gender == gender)}"
    )
    return [
        f"b|{previous}|{tag}",
        f"bp|{p_pos}|{pos}",
        f"bc|{p_pos}:{p_case}|{pos}:{case}",
        f"ba|{p_pos}|{pos}|{agreement}",
    ]


class Tagger:
    """Viterbi decoding over Morfeusz candidate tags with linear feature weights.

    ``cache`` memoises emission and transition scores; training turns it off because its weights change."""

    def __init__(self, weights: dict[str, float], lemma_counts: dict[str, int], cache: bool = True) -> None:
        self.weights = weights
        self.lemma_counts = lemma_counts
        self._cache = cache
        self._transitions: dict[tuple[str, str], float] = {}
        self._lattice_cells: dict[tuple[str, bool, bool], list[tuple[str, Interp, float]]] = {}

    @classmethod
    def load(cls, path: Path | None = None) -> Tagger:
        if path is None:
            data = resources.files("kronika.morph").joinpath(MODEL_RESOURCE).read_bytes()
        else:
            data = path.read_bytes()
        model = json.loads(gzip.decompress(data))
        if model.get("format") != MODEL_FORMAT:
            raise ValueError(f"tagger model: expected format {MODEL_FORMAT!r}, got {model.get('format')!r}")
        weights, lemma_counts = model["weights"], model["lemma_counts"]
        if not all(isinstance(v, float | int) for v in weights.values()):
            raise ValueError("tagger model: weights must be numbers")
        return cls({k: float(v) for k, v in weights.items()}, lemma_counts)

    def score(self, features: Sequence[str]) -> float:
        weights = self.weights
        return sum(weights.get(f, 0.0) for f in features)

    def transition(self, previous: str, tag: str) -> float:
        key = (previous, tag)
        value = self._transitions.get(key) if self._cache else None
        if value is None:
            value = self.score(transition_features(previous, tag))
            if self._cache:
                self._transitions[key] = value
        return value

    def cells(self, form: str, sentence_initial: bool, dot_follows: bool) -> list[tuple[str, Interp, float]]:
        """Candidates of one token: ``(full tag, reading with the chosen lemma, emission score)``."""
        key = (form, sentence_initial, dot_follows)
        cached = self._lattice_cells.get(key) if self._cache else None
        if cached is not None:
            return cached
        case_context = capitalisation(form, sentence_initial)
        cells = [
            (tag, interp, self.score(emission_features(form, case_context, tag, is_proper(interp))))
            for tag, interp in self.candidates(readings(form, dot_follows), case_context)
        ]
        if self._cache:
            if len(self._lattice_cells) >= _CELL_CACHE_SIZE:  # bound memory on huge inputs
                self._lattice_cells.clear()
            self._lattice_cells[key] = cells
        return cells

    def candidates(self, interps: Sequence[Interp], case_context: str) -> list[tuple[str, Interp]]:
        """One reading per full tag Morfeusz allows, the lemma chosen among readings sharing the tag:
        a capitalised word inside a sentence prefers a proper-name lemma, any other word a common one;
        then the lemma seen more often in training."""
        prefer_proper = case_context == "U"
        by_tag: dict[str, tuple[tuple[int, int, int], Interp]] = {}
        for order, interp in enumerate(interps):
            lemma = clean_lemma(interp.lemma)
            rank = (
                int(is_proper(interp) == prefer_proper),
                self.lemma_counts.get(lemma.lower(), 0),
                -order,
            )
            for tag in expand_tag(interp.tag):
                best = by_tag.get(tag)
                if best is None or rank > best[0]:
                    by_tag[tag] = (rank, Interp(lemma, tag, interp.quals))
        return [(tag, interp) for tag, (_rank, interp) in by_tag.items()]

    def best_path(self, lattice: Sequence[Sequence[tuple[str, float]]]) -> list[int]:
        """Index of the chosen candidate in each column of ``(tag, emission score)`` columns."""
        previous_tags = [START]
        previous_scores = [0.0]
        backpointers: list[list[int]] = []
        transition = self.transition
        for column in lattice:
            scores: list[float] = []
            pointers: list[int] = []
            for tag, emission in column:
                best_score, best_index = float("-inf"), 0
                for index, previous in enumerate(previous_tags):
                    candidate = previous_scores[index] + transition(previous, tag)
                    if candidate > best_score:
                        best_score, best_index = candidate, index
                scores.append(best_score + emission)
                pointers.append(best_index)
            backpointers.append(pointers)
            previous_tags = [tag for tag, _ in column]
            previous_scores = scores
        if not backpointers:
            return []
        final = [s + transition(t, END) for t, s in zip(previous_tags, previous_scores, strict=True)]
        index = max(range(len(final)), key=final.__getitem__)
        path = [index]
        for pointers in reversed(backpointers[1:]):
            index = pointers[index]
            path.append(index)
        return path[::-1]

    def tag(self, tokens: Sequence[Token]) -> None:
        """Fill ``interps`` and ``chosen`` (a reading with one full tag) of every token."""
        dotted = [dot_follows(tokens, index) for index in range(len(tokens))]
        columns = [self.cells(token.text, index == 0, dotted[index]) for index, token in enumerate(tokens)]
        lattice = []
        for index, column in enumerate(columns):
            if len(column) == 1:  # nothing to choose: skip the context lookups
                lattice.append([(column[0][0], 0.0)])
                continue
            context = context_of(tokens, index)
            lattice.append(
                [(tag, emission + self.score(context_features(context, tag))) for tag, _i, emission in column]
            )
        path = self.best_path(lattice)
        for token, column, choice, dot in zip(tokens, columns, path, dotted, strict=True):
            token.interps = readings(token.text, dot)
            token.chosen = column[choice][1]


def dot_follows(tokens: Sequence[Token], index: int) -> bool:
    """Whether a dot is glued to the end of ``tokens[index]`` (a possible abbreviation)."""
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return following is not None and following.text == "." and following.start == tokens[index].end


@lru_cache(maxsize=1)
def get_tagger() -> Tagger:
    """The process-wide tagger with the committed model."""
    return Tagger.load()


def disambiguate(sentence: Sentence) -> None:
    """Fill ``token.interps`` and ``token.chosen`` for every token of the sentence."""
    get_tagger().tag(sentence.tokens)
