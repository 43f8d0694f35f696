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
from itertools import repeat
from operator import add
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
_ZEROS = repeat(0.0)  # default weight of unseen features, for map(dict.get, ...)
_NO_SCORE = (0.0,)
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


@lru_cache(maxsize=200_000)
def expand_readings(interps: tuple[Interp, ...]) -> tuple[Interp, ...]:
    """One reading per lemma and full tag (``adj:sg:nom.voc:m1.m2.m3:pos`` gives six), lemmas cleaned:
    the set the tagger chooses from, so the chosen reading is always one of a token's ``interps``."""
    expanded: dict[Interp, None] = {}
    for interp in interps:
        lemma = clean_lemma(interp.lemma)
        for tag in expand_tag(interp.tag):
            expanded[Interp(lemma, tag, interp.quals)] = None
    return tuple(expanded)


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


class FormCandidates(NamedTuple):
    """Everything about a token that depends on its form, capitalisation and glued dot only, computed
    once per distinct form: running text repeats its forms, so the tagger's per-token work is the
    context lookups and the Viterbi step."""

    tags: tuple[str, ...]  # candidate full tags
    chosen: tuple[Interp, ...]  # per candidate tag, the reading with the chosen lemma
    emissions: tuple[float, ...]  # per candidate, the weight of its emission features
    case_keys: tuple[str, ...]  # per candidate, "pos:case" and "pos": the keys of the context weights
    pos_keys: tuple[str, ...]
    interps: tuple[Interp, ...]  # all readings, one per full tag, for ``token.interps``


# context feature prefixes of ``context_features``, in its order, and whether they key on "pos:case"
_CONTEXT_PREFIXES = {"p2": True, "p1": True, "n1": False, "dot": False}


class Tagger:
    """Viterbi decoding over Morfeusz candidate tags with linear feature weights.

    ``cache`` memoises per-form candidates and per-tag-pair transition scores; training turns it off
    because its weights change."""

    def __init__(self, weights: dict[str, float], lemma_counts: dict[str, int], cache: bool = True) -> None:
        self.weights = weights
        self.lemma_counts = lemma_counts
        self._cache = cache
        self._transitions: dict[tuple[str, str], float] = {}
        self._blocks: dict[tuple[tuple[str, ...], tuple[str, ...]], list[list[float]]] = {}
        self._forms: dict[tuple[str, bool, bool], FormCandidates] = {}
        # the context weights regrouped by prefix and neighbour word, so a token looks each neighbour up
        # once instead of building a feature string per candidate: {"p1": {"w": {"subst:loc": 2.1}}}
        self._context: dict[str, dict[str, dict[str, float]]] = {prefix: {} for prefix in _CONTEXT_PREFIXES}
        if cache:
            for feature, weight in weights.items():
                prefix, _, rest = feature.partition("|")
                if prefix in self._context:
                    word, _, key = rest.rpartition("|")
                    self._context[prefix].setdefault(word, {})[key] = weight

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
        return sum(map(self.weights.get, features, _ZEROS))

    def transition(self, previous: str, tag: str) -> float:
        key = (previous, tag)
        value = self._transitions.get(key) if self._cache else None
        if value is None:
            value = self.score(transition_features(previous, tag))
            if self._cache:
                self._transitions[key] = value
        return value

    def transition_block(self, previous_tags: tuple[str, ...], tags: tuple[str, ...]) -> list[list[float]]:
        """Per tag, the transition scores from each previous tag: one Viterbi step's table, cached
        per pair of candidate sets (far fewer than word pairs: ambiguity classes repeat)."""
        key = (previous_tags, tags)
        block = self._blocks.get(key) if self._cache else None
        if block is None:
            transition = self.transition
            block = [[transition(previous, tag) for previous in previous_tags] for tag in tags]
            if self._cache:
                if len(self._blocks) >= _CELL_CACHE_SIZE:  # bound memory on huge inputs
                    self._blocks.clear()
                self._blocks[key] = block
        return block

    def form_candidates(self, form: str, sentence_initial: bool, dot_follows: bool) -> FormCandidates:
        key = (form, sentence_initial, dot_follows)
        cached = self._forms.get(key) if self._cache else None
        if cached is not None:
            return cached
        case_context = capitalisation(form, sentence_initial)
        interps = readings(form, dot_follows)
        candidates = self.candidates(interps, case_context)
        attributes = [tag_attributes(tag) for tag, _interp in candidates]
        entry = FormCandidates(
            tags=tuple(tag for tag, _interp in candidates),
            chosen=tuple(interp for _tag, interp in candidates),
            emissions=tuple(
                self.score(emission_features(form, case_context, tag, is_proper(interp)))
                for tag, interp in candidates
            ),
            case_keys=tuple(f"{pos}:{case}" for pos, _number, case, _gender in attributes),
            pos_keys=tuple(pos for pos, _number, _case, _gender in attributes),
            interps=expand_readings(interps),
        )
        if self._cache:
            if len(self._forms) >= _CELL_CACHE_SIZE:  # bound memory on huge inputs
                self._forms.clear()
            self._forms[key] = entry
        return entry

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

    def context_scores(self, entry: FormCandidates, context: Context) -> tuple[float, ...]:
        """``entry``'s emission scores plus the weights of ``context_features`` of each candidate; the
        same sums in the same order as scoring the feature strings, without building them."""
        tables = self._context
        lookups = [
            (table, keys)
            for table, keys in (
                (tables["p2"].get(context.before2), entry.case_keys),
                (tables["p1"].get(context.before), entry.case_keys),
                (tables["n1"].get(context.after), entry.pos_keys),
                (tables["dot"].get(context.dot), entry.pos_keys),
            )
            if table
        ]
        if not lookups:
            return entry.emissions
        totals = [0.0] * len(entry.tags)
        for table, keys in lookups:
            totals = list(map(add, totals, map(table.get, keys, _ZEROS)))
        return tuple(map(add, entry.emissions, totals))

    def best_path(self, lattice: Sequence[tuple[tuple[str, ...], Sequence[float]]]) -> list[int]:
        """Index of the chosen candidate in each ``(candidate tags, their emission scores)`` column."""
        previous_tags: tuple[str, ...] = (START,)
        previous_scores = [0.0]
        backpointers: list[list[int]] = []
        for tags, emissions in lattice:
            scores: list[float] = []
            pointers: list[int] = []
            for pair_scores, emission in zip(self.transition_block(previous_tags, tags), emissions, strict=True):
                totals = list(map(add, previous_scores, pair_scores))
                best = max(totals)
                pointers.append(totals.index(best))  # the first best, as a strict ">" scan would keep
                scores.append(best + emission)
            backpointers.append(pointers)
            previous_tags, previous_scores = tags, scores
        if not backpointers:
            return []
        [to_end] = self.transition_block(previous_tags, (END,))
        final = list(map(add, previous_scores, to_end))
        index = final.index(max(final))
        path = [index]
        for pointers in reversed(backpointers[1:]):
            index = pointers[index]
            path.append(index)
        return path[::-1]

    def tag(self, tokens: Sequence[Token]) -> None:
        """Fill ``interps`` (readings with full tags) and ``chosen`` (one of them) of every token."""
        entries = [
            self.form_candidates(token.text, index == 0, dot_follows(tokens, index))
            for index, token in enumerate(tokens)
        ]
        lattice = [
            # a single candidate needs no score: it is on every path
            (entry.tags, _NO_SCORE if len(entry.tags) == 1 else self.context_scores(entry, context_of(tokens, i)))
            for i, entry in enumerate(entries)
        ]
        for token, entry, choice in zip(tokens, entries, self.best_path(lattice), strict=True):
            token.interps = entry.interps
            token.chosen = entry.chosen[choice]


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
