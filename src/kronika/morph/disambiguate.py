"""Choosing one Morfeusz reading per token.

Morfeusz gives every reading a word form can have; a first-order averaged-perceptron tagger picks one
full tag per token (Viterbi over the candidate tags only, so the tagger never invents a reading), then a
lemma among the readings that carry that tag. Features are deliberately few and cacheable: emission
scores depend on the form and its capitalisation context only, context scores on the neighbouring
words, transition scores on the tag pair only. Decoding computes emission scores once per distinct form,
reads the context and transition weights from matrices indexed by the ids of their contexts and keys
(the transition score of every pair of tags that score differently, filled in as tags appear), decodes
all sentences of a document together in array steps, and sums the weights in the order training does,
so the cached path and the training path choose alike (``tests/morph/test_disambiguate.py``).

The weights come from ``scripts/train_tagger.py`` (see ``models/README.md``); agreement with the KPWr
corpus' chosen readings is measured by ``bench/morph_agreement.py``.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from itertools import repeat
from pathlib import Path
from typing import NamedTuple

import numpy as np

from kronika.lang.grammar import CASES
from kronika.model import Interp, Sentence, Token
from kronika.morph.analyzer import expand_tag, get_morphology, strip_homonym

MODEL_RESOURCE = "models/tagger-pl.json.gz"
MODEL_FORMAT = "kronika-tagger/1"

_NAME_QUALIFIERS = frozenset({"nazwa_geograficzna", "imię", "nazwisko", "nazwa_organizacji", "nazwa_własna"})
_NUMBERS = frozenset({"sg", "pl"})
_GENDERS = frozenset({"m1", "m2", "m3", "f", "n"})
# SGJP refines neuter nouns by collectivity; NKJP 1M does not
_SGJP_ONLY_VALUES = frozenset({"ncol", "col", "pt"})
# SGJP homonym markers the analyser leaves on lemmas: "dostać:Vp~anę", "Orlik:Sm1"
START, END = "<s>", "</s>"
_ZEROS = repeat(0.0)  # default weight of unseen features, for map(dict.get, ...)
_NO_SCORE = np.zeros(1)
_CACHE_SIZE = 200_000  # distinct forms or candidate-set pairs; running text rarely has more


def clean_lemma(lemma: str) -> str:
    """``'dostać:Vp~anę'`` → ``'dostać'``, ``'na_przykład'`` → ``'na przykład'``; bare ``':'``, ``'_'`` stay."""
    if len(lemma) < 2 or ":" not in lemma and "_" not in lemma:
        return lemma
    return strip_homonym(lemma).replace("_", " ")


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


class TagKeys(NamedTuple):
    """The parts of a full tag that features key on; ``''`` for what the tag does not mark."""

    pos: str
    number: str
    case: str
    gender: str
    pos_case: str  # "subst:loc"
    pos_number_gender: str  # "subst:sg:f"


@lru_cache(maxsize=8192)
def tag_keys(tag: str) -> TagKeys:
    parts = tag.split(":")
    number = case = gender = ""
    for part in parts[1:]:
        if part in _NUMBERS:
            number = part
        elif part in CASES:
            case = part
        elif part in _GENDERS:
            gender = part
    pos = parts[0]
    return TagKeys(pos, number, case, gender, f"{pos}:{case}", f"{pos}:{number}:{gender}")


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
    return interp.lemma[:1].isupper() or not _NAME_QUALIFIERS.isdisjoint(interp.quals)


# Every feature is "template|context|key" (the context may be empty or hold "|"; the key may not): the
# context comes from the words or the previous tag, the key from the candidate tag. The tagger regroups
# the weights by template and context (``Tagger.tables``) and sums them per candidate in the order of the
# feature lists below, so both ways score alike to the last bit; training uses the strings.


def emission_features(form: str, case_context: str, tag: str, proper: bool) -> list[str]:
    """Features of one candidate tag of one token, independent of its neighbours."""
    lower = form.lower()
    keys = tag_keys(tag)
    return [
        f"t|{tag}",
        f"pc|{keys.pos_case}",
        f"pn|{keys.pos_number_gender}",
        f"w|{lower}|{tag}",
        f"wp|{lower}|{keys.pos}",
        f"wc|{lower}|{keys.pos_case}",
        f"s2|{lower[-2:]}|{tag}",
        f"s3|{lower[-3:]}|{keys.pos_case}",
        f"cap|{case_context}|{int(proper)}|{keys.pos}",
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


def contexts(tokens: Sequence[Token]) -> list[Context]:
    """The context of every token of a sentence."""
    words = ["", "", *(token.text.lower() for token in tokens), ""]
    sentence_contexts = []
    for index in range(len(tokens)):
        dot = ("end" if index + 2 == len(tokens) else "mid") if dot_follows(tokens, index) else ""
        sentence_contexts.append(Context(words[index], words[index + 1], words[index + 3], dot))
    return sentence_contexts


def context_features(context: Context, tag: str) -> list[str]:
    """Features tying a candidate to the words around it: what governs its case two words back
    (*w 1939 roku*), what follows a function word (*to jest*, *nie wiem*), and a dot the sentence
    splitter kept inside the sentence, which marks an abbreviation (*gen. Anders*)."""
    keys = tag_keys(tag)
    return [
        f"p2|{context.before2}|{keys.pos_case}",
        f"p1|{context.before}|{keys.pos_case}",
        f"n1|{context.after}|{keys.pos}",
        f"dot|{context.dot}|{keys.pos}",
    ]


def agreement(previous: TagKeys, keys: TagKeys) -> str:
    """``'110'``: same case, same number, not the same gender (a value the tag lacks never agrees)."""
    return (
        f"{int(bool(keys.case) and previous.case == keys.case)}"
        f"{int(bool(keys.number) and previous.number == keys.number)}"
        f"{int(bool(keys.gender) and previous.gender == keys.gender)}"
    )


def transition_features(previous: str, tag: str) -> list[str]:
    """Features of a pair of adjacent tags: the pair itself, and the part-of-speech, case and
    agreement (same case, number, gender) patterns that generalise to unseen pairs."""
    p_keys, keys = tag_keys(previous), tag_keys(tag)
    return [
        f"b|{previous}|{tag}",
        f"bp|{p_keys.pos}|{keys.pos}",
        f"bc|{p_keys.pos_case}|{keys.pos_case}",
        f"ba|{p_keys.pos}|{keys.pos}|{agreement(p_keys, keys)}",
    ]


class FormCandidates(NamedTuple):
    """What the tagger knows of a token from its form, capitalisation and glued dot alone, computed
    once per distinct form (running text repeats its forms): per candidate tag, the reading with the
    chosen lemma, the emission score and the ids of the keys of the context and transition features."""

    tags: tuple[str, ...]
    chosen: tuple[Interp, ...]
    emissions: np.ndarray
    ids: np.ndarray  # ``Tagger.ids`` of the tags
    interps: tuple[Interp, ...]  # all readings, one per full tag, for ``token.interps``


WeightTables = dict[str, dict[str, dict[str, float]]]  # template -> context -> key -> weight
_NO_WEIGHTS: dict[str, float] = {}


def _vocabulary(values: Iterable[str]) -> dict[str, int]:
    """Ids from 1 in first-seen order; 0 stands for every value the model has no weight for."""
    ids: dict[str, int] = {}
    for value in values:
        ids.setdefault(value, len(ids) + 1)
    return ids


def _matrix(table: dict[str, dict[str, float]], rows: dict[str, int], columns: dict[str, int]) -> np.ndarray:
    """A weight table as a matrix indexed by context id and key id; row and column 0 stay zero."""
    matrix = np.zeros((len(rows) + 1, len(columns) + 1))
    for context, weights in table.items():
        for key, weight in weights.items():
            matrix[rows[context], columns[key]] = weight
    return matrix


# ids of the values of a tag's case, number and gender; "" (the tag has none) is 0 and agrees with nothing
_VALUE_IDS = {value: number for number, value in enumerate(("", *CASES, *sorted(_NUMBERS), *sorted(_GENDERS)))}


def weight_tables(weights: dict[str, float]) -> WeightTables:
    """``{"p1|w|subst:loc": 2.1}`` → ``{"p1": {"w": {"subst:loc": 2.1}}}``."""
    tables: WeightTables = {}
    for feature, weight in weights.items():
        template, _, rest = feature.partition("|")
        context, _, key = rest.rpartition("|")
        tables.setdefault(template, {}).setdefault(context, {})[key] = weight
    return tables


class Tagger:
    """Viterbi decoding over Morfeusz candidate tags with linear feature weights.

    With ``fixed_weights`` the tagger regroups the weights into tables and matrices and memoises per-form
    candidates and transition scores; training passes ``False`` because its weights change, and then
    every score is summed from feature strings."""

    def __init__(self, weights: dict[str, float], lemma_counts: dict[str, int], fixed_weights: bool = True) -> None:
        self.weights = weights
        self.lemma_counts = lemma_counts
        self._fixed = fixed_weights
        self.tables = weight_tables(weights) if fixed_weights else {}
        # the templates scored per token and per tag pair, held apart to save a lookup in the hot paths
        self._transition_and_context_matrices()
        # the emission templates, resolved once: by the tag alone, by the word, by the capitalisation
        self._by_tag, self._by_pos_case, self._by_pos_number_gender = (
            self.table(template, "") for template in ("t", "pc", "pn"))
        self._word_tables = {template: self.tables.get(template, _NO_WEIGHTS)
                             for template in ("w", "wp", "wc", "s2", "s3")}
        self._capitals = {case: (self.table("cap", f"{case}|0"), self.table("cap", f"{case}|1"))
                          for case in ("U", "I", "l", "-")}
        self._forms: dict[tuple[str, bool, bool], FormCandidates] = {}
        self._tag_parts: dict[str, tuple[TagKeys, float]] = {}  # a few thousand full tags
        self._tag_codes: dict[str, tuple[int, int, int, int, int, int]] = {}
        # Tags that share their ids of the transition features' keys score alike: a "signature" each (about
        # a thousand for Morfeusz's whole tagset), with the transition score of every pair of those seen so far
        self._signatures: dict[tuple[int, int, int, int, int, int], int] = {}
        self._transitions = np.zeros((0, 0))  # [signature, previous signature]
        self._signature_codes = np.zeros((6, 0), dtype=np.intp)  # a column per signature: its code
        self._ids: dict[tuple[str, ...], np.ndarray] = {}

    def _transition_and_context_matrices(self) -> None:
        """The transition and context weights as matrices, indexed by the ids of their contexts and keys:
        a Viterbi step's block and a token's context scores are then a few array look-ups and sums."""
        table = self.tables.get
        pair, pair_pos, pair_case, pair_agreement = (table(t, _NO_WEIGHTS) for t in ("b", "bp", "bc", "ba"))
        before2, before, after, dot = (table(t, _NO_WEIGHTS) for t in ("p2", "p1", "n1", "dot"))
        # one id per tag, part of speech and part of speech with case, on either side of a pair
        self._tag_ids = _vocabulary([*pair, *(tag for weights in pair.values() for tag in weights)])
        self._pos_ids = _vocabulary([
            *pair_pos, *(pos for weights in pair_pos.values() for pos in weights),
            *(pos for context in pair_agreement for pos in context.split("|")),
            *(pos for weights in (*after.values(), *dot.values()) for pos in weights),
        ])
        self._pos_case_ids = _vocabulary([
            *pair_case, *(key for weights in (*pair_case.values(), *before2.values(), *before.values())
                          for key in weights),
        ])
        self._pair_weights = _matrix(pair, self._tag_ids, self._tag_ids)
        self._pair_pos_weights = _matrix(pair_pos, self._pos_ids, self._pos_ids)
        self._pair_case_weights = _matrix(pair_case, self._pos_case_ids, self._pos_case_ids)
        # by the previous part of speech, the part of speech and the agreement as the bits case-number-gender
        self._agreement_weights = np.zeros((len(self._pos_ids) + 1, len(self._pos_ids) + 1, 8))
        for context, weights in pair_agreement.items():
            previous_pos, pos = context.split("|")
            for agreeing, weight in weights.items():
                self._agreement_weights[self._pos_ids[previous_pos], self._pos_ids[pos], int(agreeing, 2)] = weight
        self._context_rows = tuple(_vocabulary(t) for t in (before2, before, after, dot))
        self._context_weights = (
            _matrix(before2, self._context_rows[0], self._pos_case_ids),
            _matrix(before, self._context_rows[1], self._pos_case_ids),
            _matrix(after, self._context_rows[2], self._pos_ids),
            _matrix(dot, self._context_rows[3], self._pos_ids),
        )

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

    def table(self, template: str, context: str) -> dict[str, float]:
        return self.tables.get(template, _NO_WEIGHTS).get(context, _NO_WEIGHTS)

    def emission_scores(self, form: str, case_context: str, candidates: Sequence[tuple[str, Interp]]) -> list[float]:
        """``score(emission_features(...))`` of each candidate."""
        if not self._fixed:
            return [self.score(emission_features(form, case_context, t, is_proper(i))) for t, i in candidates]
        lower = form.lower()
        tables = self._word_tables
        word_tag = tables["w"].get(lower, _NO_WEIGHTS)
        word_pos = tables["wp"].get(lower, _NO_WEIGHTS)
        word_pos_case = tables["wc"].get(lower, _NO_WEIGHTS)
        suffix2 = tables["s2"].get(lower[-2:], _NO_WEIGHTS)
        suffix3 = tables["s3"].get(lower[-3:], _NO_WEIGHTS)
        capitals = self._capitals[case_context]
        scores = []
        for tag, interp in candidates:
            keys, by_tag_alone = self._tag_part(tag)
            pos, pos_case = keys.pos, keys.pos_case
            # the tag's own terms come first in the sum, so their partial sum stands for them to the last bit
            scores.append(by_tag_alone + word_tag.get(tag, 0.0) + word_pos.get(pos, 0.0)
                          + word_pos_case.get(pos_case, 0.0) + suffix2.get(tag, 0.0) + suffix3.get(pos_case, 0.0)
                          + capitals[is_proper(interp)].get(pos, 0.0))
        return scores

    def _tag_part(self, tag: str) -> tuple[TagKeys, float]:
        """A tag's keys and the sum of its emission features that depend on the tag alone (the first three of
        ``emission_features``, added as ``sum`` adds them): tags repeat far more than forms, so they are
        looked up once per tag."""
        part = self._tag_parts.get(tag)
        if part is None:
            keys = tag_keys(tag)
            alone = (self._by_tag.get(tag, 0.0), self._by_pos_case.get(keys.pos_case, 0.0),
                     self._by_pos_number_gender.get(keys.pos_number_gender, 0.0))
            part = self._tag_parts[tag] = (keys, sum(alone))
        return part

    def context_scores(self, entries: Sequence[FormCandidates], token_contexts: Sequence[Context]) -> np.ndarray:
        """The emission scores plus the score of each candidate's ``context_features``, for every candidate
        of every token, one after the other."""
        if not self._fixed:
            return np.array([
                emission + self.score(context_features(context, tag))
                for entry, context in zip(entries, token_contexts, strict=True)
                for emission, tag in zip(entry.emissions, entry.tags, strict=True)
            ])
        counts = [len(entry.tags) for entry in entries]
        ids = np.concatenate([entry.ids for entry in entries], axis=1)
        pos, pos_case = ids[1], ids[2]
        (before2, before, after, dot), (before2_ids, before_ids, after_ids, dot_ids) = (
            self._context_weights, self._context_rows)
        rows = np.repeat(np.array([
            (before2_ids.get(c.before2, 0), before_ids.get(c.before, 0), after_ids.get(c.after, 0),
             dot_ids.get(c.dot, 0)) for c in token_contexts], dtype=np.intp).reshape(-1, 4), counts, axis=0).T
        # summed in the order of context_features, then added to the emission, as training sums them
        return np.concatenate([entry.emissions for entry in entries]) + (
            before2[rows[0], pos_case] + before[rows[1], pos_case] + after[rows[2], pos] + dot[rows[3], pos])

    def ids(self, tags: tuple[str, ...]) -> np.ndarray:
        """Per tag (a column), its signature, the id of its part of speech and of its part of speech with
        case (rows): the keys of the transition and context weights; cached per candidate set."""
        ids = self._ids.get(tags)
        if ids is None:
            if len(self._ids) >= _CACHE_SIZE:  # bound memory on huge inputs
                self._ids.clear()
            ids = self._ids[tags] = np.array(
                [(self._signature(code), code[1], code[2]) for code in map(self._tag_code, tags)], dtype=np.intp).T
        return ids

    def _tag_code(self, tag: str) -> tuple[int, int, int, int, int, int]:
        """The ids of a tag, its part of speech, part of speech with case, case, number and gender."""
        code = self._tag_codes.get(tag)
        if code is None:
            keys = tag_keys(tag)
            code = self._tag_codes[tag] = (
                self._tag_ids.get(tag, 0), self._pos_ids.get(keys.pos, 0), self._pos_case_ids.get(keys.pos_case, 0),
                _VALUE_IDS[keys.case], _VALUE_IDS[keys.number], _VALUE_IDS[keys.gender])
        return code

    def _signature(self, code: tuple[int, int, int, int, int, int]) -> int:
        """The signature of a tag's code; a new one gets its transition scores from and into every known one."""
        signature = self._signatures.get(code)
        if signature is None:
            signature = self._signatures[code] = len(self._signatures)
            if signature == len(self._transitions):  # full: grow by a quarter
                size = max(256, signature * 5 // 4)
                grown = np.zeros((size, size))
                grown[:signature, :signature] = self._transitions
                grown_codes = np.zeros((6, size), dtype=np.intp)
                grown_codes[:, :signature] = self._signature_codes[:, :signature]
                self._transitions, self._signature_codes = grown, grown_codes
            self._signature_codes[:, signature] = code
            codes = self._signature_codes[:, : signature + 1]
            new = codes[:, -1:]
            self._transitions[signature, : signature + 1] = self._block(codes, new)[0]
            self._transitions[: signature + 1, signature] = self._block(new, codes)[:, 0]
        return signature

    def transition_scores(self, columns: Sequence[tuple[str, ...]], current: np.ndarray,
                          previous: np.ndarray) -> np.ndarray:
        """``score(transition_features(previous, tag))`` of each pair of slots, a slot being one candidate tag
        of ``columns`` counted through them all."""
        if self._fixed:
            signatures = np.concatenate([self.ids(tags)[0] for tags in columns])
            return self._transitions[signatures[current], signatures[previous]]
        slot_tags = [tag for tags in columns for tag in tags]
        return np.array([self.score(transition_features(slot_tags[p], slot_tags[c]))
                         for c, p in zip(current.tolist(), previous.tolist(), strict=True)])

    def _block(self, previous: np.ndarray, current: np.ndarray) -> np.ndarray:
        """The transition scores from tags into tags given by the columns of their codes (``_tag_code``)."""
        previous_tag, previous_pos, previous_pos_case, previous_case, previous_number, previous_gender = previous
        tag, pos, pos_case, case, number, gender = current[:, :, np.newaxis]  # rows: the tags, columns: previous
        agreeing = (((case != 0) & (previous_case == case)) * 4 + ((number != 0) & (previous_number == number)) * 2
                    + ((gender != 0) & (previous_gender == gender)))
        # summed in the order of transition_features, as training sums them, so the scores agree to the last bit
        return (self._pair_weights[previous_tag, tag] + self._pair_pos_weights[previous_pos, pos]
                + self._pair_case_weights[previous_pos_case, pos_case]
                + self._agreement_weights[previous_pos, pos, agreeing])

    def form_candidates(self, form: str, sentence_initial: bool, dot_follows: bool) -> FormCandidates:
        key = (form, sentence_initial, dot_follows)
        entry = self._forms.get(key)
        if entry is None:
            case_context = capitalisation(form, sentence_initial)
            expanded = expand_readings(readings(form, dot_follows))
            candidates = self._one_per_tag(expanded, case_context)
            tags = tuple(tag for tag, _interp in candidates)
            entry = FormCandidates(
                tags=tags,
                chosen=tuple(interp for _tag, interp in candidates),
                emissions=np.array(self.emission_scores(form, case_context, candidates)),
                ids=self.ids(tags),
                interps=expanded,
            )
            if self._fixed:
                if len(self._forms) >= _CACHE_SIZE:
                    self._forms.clear()
                self._forms[key] = entry
        return entry

    def candidates(self, interps: Sequence[Interp], case_context: str) -> list[tuple[str, Interp]]:
        """One reading per full tag Morfeusz allows, the lemma chosen among readings sharing the tag:
        a capitalised word inside a sentence prefers a proper-name lemma, any other word a common one;
        then the lemma seen more often in training."""
        return self._one_per_tag(expand_readings(tuple(interps)), case_context)

    def _one_per_tag(self, expanded: tuple[Interp, ...], case_context: str) -> list[tuple[str, Interp]]:
        """``candidates`` of readings already expanded to full tags."""
        prefer_proper = case_context == "U"

        def rank(interp: Interp) -> tuple[bool, int]:
            return is_proper(interp) == prefer_proper, self.lemma_counts.get(interp.lemma.lower(), 0)

        by_tag: dict[str, Interp] = {}
        for interp in expanded:  # in Morfeusz's order: the first wins a tie
            best = by_tag.get(interp.tag)
            if best is None or rank(interp) > rank(best):
                by_tag[interp.tag] = interp
        return list(by_tag.items())

    def best_path(self, lattice: Sequence[tuple[tuple[str, ...], Sequence[float]]]) -> list[int]:
        """Index of the chosen candidate in each ``(candidate tags, their scores)`` column."""
        scores = [np.asarray(column_scores, dtype=float) for _tags, column_scores in lattice]
        return self.best_paths([[tags for tags, _scores in lattice]], np.concatenate([np.zeros(0), *scores]))[0]

    def best_paths(self, sentences: Sequence[Sequence[tuple[str, ...]]], scores: np.ndarray) -> list[list[int]]:
        """``best_path`` of many sentences at once, given each sentence's candidate tags per token and the
        scores of all their candidates one after the other. Viterbi runs over array slices: one step decodes
        the same position of every sentence (a start column, the tokens, an end column), so a document
        takes as many array steps as its longest sentence has tokens, whatever its length."""
        columns: list[tuple[str, ...]] = []
        positions: list[int] = []  # of a column in its sentence: 0 the start
        is_token: list[bool] = []
        for sentence in sentences:
            columns += [(START,), *sentence, (END,)]
            positions += range(len(sentence) + 2)
            is_token += [False, *repeat(True, len(sentence)), False]
        position = np.array(positions)
        counts = np.array([len(tags) for tags in columns], dtype=np.intp)
        first_slot = np.cumsum(counts) - counts  # a slot is one candidate of a column
        previous_count = np.where(position > 0, np.roll(counts, 1), 0)
        # the cells of a step: every candidate of a column (major) from every candidate of the previous one
        cell_counts = counts * previous_count
        cell_column = np.repeat(np.arange(len(columns)), cell_counts)
        offset = np.arange(len(cell_column)) - np.repeat(np.cumsum(cell_counts) - cell_counts, cell_counts)
        current = first_slot[cell_column] + offset // previous_count[cell_column]
        previous = first_slot[cell_column - 1] + offset % previous_count[cell_column]
        transitions = self.transition_scores(columns, current, previous)
        slot_column = np.repeat(np.arange(len(columns)), counts)
        slot_scores = np.zeros(len(slot_column))
        slot_scores[np.array(is_token)[slot_column]] = scores
        # the slots and cells of each position, contiguous: stable sorts keep each column's order
        slot_position = position[slot_column]
        slot_order = np.argsort(slot_position, kind="stable")
        cell_order = np.argsort(slot_position[current], kind="stable")
        current, previous, transitions = current[cell_order], previous[cell_order], transitions[cell_order]
        slot_cells = previous_count[slot_column][slot_order]  # a slot's cells, in slot order
        slot_first_cell = np.cumsum(slot_cells) - slot_cells
        slot_bounds = np.searchsorted(slot_position[slot_order], np.arange(position.max() + 2))
        best = np.zeros(len(slot_column))
        pointer = np.zeros(len(slot_column), dtype=np.intp)
        for step in range(1, len(slot_bounds) - 1):
            first, last = slot_bounds[step], slot_bounds[step + 1]
            slots = slot_order[first:last]
            cells_first = slot_first_cell[first]
            cells = slice(cells_first, slot_first_cell[last - 1] + slot_cells[last - 1])
            totals = transitions[cells] + best[previous[cells]]
            starts = slot_first_cell[first:last] - cells_first
            maxima = np.maximum.reduceat(totals, starts)
            # the first best previous candidate, as a strict ">" scan keeps
            pointer[slots] = np.minimum.reduceat(
                np.where(totals == np.repeat(maxima, slot_cells[first:last]), previous[cells], len(best)), starts)
            best[slots] = maxima + slot_scores[slots]
        index_in_column = (np.arange(len(slot_column)) - first_slot[slot_column]).tolist()
        pointers = pointer.tolist()
        paths = []
        end = -1
        for sentence in sentences:
            end += len(sentence) + 2
            path = []
            slot = int(first_slot[end])
            for _ in sentence:
                slot = pointers[slot]
                path.append(index_in_column[slot])
            paths.append(path[::-1])
        return paths

    def tag(self, tokens: Sequence[Token]) -> None:
        """Fill ``interps`` (readings with full tags) and ``chosen`` (one of them) of every token."""
        self.tag_sentences([tokens])

    def tag_sentences(self, sentences: Sequence[Sequence[Token]]) -> None:
        """``tag`` of every sentence, decoded together."""
        sentence_contexts = [contexts(tokens) for tokens in sentences]
        entries = [
            [self.form_candidates(token.text, index == 0, bool(context.dot))
             for index, (token, context) in enumerate(zip(tokens, token_contexts, strict=True))]
            for tokens, token_contexts in zip(sentences, sentence_contexts, strict=True)
        ]
        all_entries = [entry for sentence_entries in entries for entry in sentence_entries]
        if not all_entries:
            return
        scores = self.context_scores(all_entries, [context for c in sentence_contexts for context in c])
        # a single candidate is on every path: its score changes nothing, and adds no rounding
        scores[np.repeat([len(entry.tags) == 1 for entry in all_entries],
                         [len(entry.tags) for entry in all_entries])] = 0.0
        paths = self.best_paths([[entry.tags for entry in sentence_entries] for sentence_entries in entries], scores)
        for tokens, token_contexts, sentence_entries, path in zip(sentences, sentence_contexts, entries, paths,
                                                                 strict=True):
            for token, entry, choice in zip(tokens, sentence_entries, path, strict=True):
                token.interps = entry.interps
                token.chosen = entry.chosen[choice]
            apply_agreement_rules(tokens, token_contexts)


def apply_agreement_rules(tokens: Sequence[Token], sentence_contexts: Sequence[Context]) -> None:
    """Two rules the statistical model sees too rarely to learn, applied after it:

    - a dot the sentence splitter kept inside the sentence closes an abbreviation, so a form that has an
      abbreviation reading takes it (*wydał gen. Anders* → *generał*, *w 1939 r. we wrześniu* → *rok*);
    - a surname right after a forename agrees with it in number, case and gender (*z Barbarą Zając* →
      instrumental feminine, not the nominative masculine *Zając*)."""
    previous: Token | None = None
    for token, context in zip(tokens, sentence_contexts, strict=True):
        if token.chosen is not None:
            if context.dot == "mid" and not token.chosen.tag.startswith("brev"):
                token.chosen = next((i for i in token.interps if i.tag.startswith("brev")), token.chosen)
            elif previous is not None and previous.chosen is not None and "imię" in previous.chosen.quals:
                token.chosen = _agreeing_surname(previous.chosen, token) or token.chosen
        previous = token


def _agreeing_surname(forename: Interp, token: Token) -> Interp | None:
    """The reading of a capitalised noun that agrees with the forename before it, if the chosen one does not."""
    wanted = forename.tag.split(":")[1:4]
    if not token.text[:1].isupper() or len(wanted) < 3 or token.chosen is None:
        return None
    if token.chosen.tag.split(":")[1:4] == wanted:
        return None
    agreeing = [i for i in token.interps if i.pos == "subst" and i.tag.split(":")[1:4] == wanted]
    return next((i for i in agreeing if i.lemma == token.chosen.lemma), agreeing[0] if agreeing else None)


def dot_follows(tokens: Sequence[Token], index: int) -> bool:
    """Whether a dot is glued to the end of ``tokens[index]`` (a possible abbreviation)."""
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return following is not None and following.text == "." and following.start == tokens[index].end


@lru_cache(maxsize=1)
def get_tagger() -> Tagger:
    """The process-wide tagger with the committed model."""
    return Tagger.load()


_BATCH = 256  # sentences decoded together: enough to share the array steps, few enough to keep the arrays small


def disambiguate(sentences: Sequence[Sentence]) -> None:
    """Fill ``token.interps`` and ``token.chosen`` for every token of the sentences."""
    tagger = get_tagger()
    for first in range(0, len(sentences), _BATCH):
        tagger.tag_sentences([sentence.tokens for sentence in sentences[first : first + _BATCH]])
