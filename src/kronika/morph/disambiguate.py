"""Choosing one Morfeusz reading per token.

Morfeusz gives every reading a word form can have; a first-order averaged-perceptron tagger picks one
full tag per token (Viterbi over the candidate tags only, so the tagger never invents a reading), then a
lemma among the readings that carry that tag. Features are deliberately few and cacheable: emission
scores depend on the form and its capitalisation context only, context scores on the neighbouring
words, transition scores on the tag pair only. Decoding computes each once (per distinct form, per tag
pair, per pair of candidate sets), reads the weights from tables keyed by template and context rather
than from feature strings, and sums them in the order training does, so the cached path and the
training path choose alike (``tests/morph/test_disambiguate.py``).

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
from operator import add
from pathlib import Path
from typing import NamedTuple

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
_NO_SCORE = (0.0,)
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
        for tag in full_tags(interp.tag):
            expanded[Interp(lemma, tag, interp.quals)] = None
    return tuple(expanded)


@lru_cache(maxsize=8192)
def full_tags(tag: str) -> tuple[str, ...]:
    """``expand_tag``, memoised: Morfeusz has a few thousand compact tags."""
    return tuple(expand_tag(tag))


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


# agreement() of the three comparisons, for the cached path
_AGREEMENTS = {(case, number, gender): f"{int(case)}{int(number)}{int(gender)}"
               for case in (False, True) for number in (False, True) for gender in (False, True)}


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
    chosen lemma, the emission score and the keys of the context features."""

    tags: tuple[str, ...]
    chosen: tuple[Interp, ...]
    emissions: tuple[float, ...]
    keys: tuple[TagKeys, ...]
    interps: tuple[Interp, ...]  # all readings, one per full tag, for ``token.interps``


WeightTables = dict[str, dict[str, dict[str, float]]]  # template -> context -> key -> weight
_NO_WEIGHTS: dict[str, float] = {}


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

    With ``fixed_weights`` the tagger regroups the weights into tables and memoises per-form candidates
    and per-tag-pair transition scores; training passes ``False`` because its weights change, and then
    every score is summed from feature strings."""

    def __init__(self, weights: dict[str, float], lemma_counts: dict[str, int], fixed_weights: bool = True) -> None:
        self.weights = weights
        self.lemma_counts = lemma_counts
        self._fixed = fixed_weights
        self.tables = weight_tables(weights) if fixed_weights else {}
        # the templates scored per token and per tag pair, held apart to save a lookup in the hot paths
        self._before2, self._before, self._after, self._dot = (
            self.tables.get(template, _NO_WEIGHTS) for template in ("p2", "p1", "n1", "dot")
        )
        self._pair, self._pair_pos, self._pair_case, self._pair_agreement = (
            self.tables.get(template, _NO_WEIGHTS) for template in ("b", "bp", "bc", "ba")
        )
        # the emission templates, resolved once: by the tag alone, by the word, by the capitalisation
        self._by_tag, self._by_pos_case, self._by_pos_number_gender = (
            self.table(template, "") for template in ("t", "pc", "pn"))
        self._word_tables = {template: self.tables.get(template, _NO_WEIGHTS)
                             for template in ("w", "wp", "wc", "s2", "s3")}
        self._capitals = {case: (self.table("cap", f"{case}|0"), self.table("cap", f"{case}|1"))
                          for case in ("U", "I", "l", "-")}
        self._forms: dict[tuple[str, bool, bool], FormCandidates] = {}
        self._tag_parts: dict[str, tuple[TagKeys, float, float, float]] = {}  # a few thousand full tags
        self._transitions_into: dict[str, dict[str, float]] = {}  # tag -> {previous tag: score}
        self._blocks: dict[tuple[tuple[str, ...], tuple[str, ...]], tuple[tuple[float, ...], ...]] = {}

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
        word_tag, word_pos, word_pos_case = (self._word_tables[template].get(lower, _NO_WEIGHTS)
                                             for template in ("w", "wp", "wc"))
        suffix2 = self._word_tables["s2"].get(lower[-2:], _NO_WEIGHTS)
        suffix3 = self._word_tables["s3"].get(lower[-3:], _NO_WEIGHTS)
        capitals = self._capitals[case_context]
        scores = []
        for tag, interp in candidates:
            keys, by_tag, by_pos_case, by_pos_number_gender = self._tag_part(tag)
            pos, pos_case = keys.pos, keys.pos_case
            scores.append(
                sum((
                    by_tag,
                    by_pos_case,
                    by_pos_number_gender,
                    word_tag.get(tag, 0.0),
                    word_pos.get(pos, 0.0),
                    word_pos_case.get(pos_case, 0.0),
                    suffix2.get(tag, 0.0),
                    suffix3.get(pos_case, 0.0),
                    capitals[is_proper(interp)].get(pos, 0.0),
                ))
            )
        return scores

    def _tag_part(self, tag: str) -> tuple[TagKeys, float, float, float]:
        """A tag's keys and the weights of its emission features that depend on the tag alone: tags
        repeat far more than forms, so they are looked up once per tag."""
        part = self._tag_parts.get(tag)
        if part is None:
            keys = tag_keys(tag)
            part = self._tag_parts[tag] = (keys, self._by_tag.get(tag, 0.0), self._by_pos_case.get(keys.pos_case, 0.0),
                                           self._by_pos_number_gender.get(keys.pos_number_gender, 0.0))
        return part

    def context_scores(self, entry: FormCandidates, context: Context) -> list[float]:
        """``entry``'s emission scores plus the score of each candidate's ``context_features``."""
        if not self._fixed:
            return [
                emission + self.score(context_features(context, tag))
                for emission, tag in zip(entry.emissions, entry.tags, strict=True)
            ]
        before2 = self._before2.get(context.before2, _NO_WEIGHTS)
        before = self._before.get(context.before, _NO_WEIGHTS)
        after = self._after.get(context.after, _NO_WEIGHTS)
        dot = self._dot.get(context.dot, _NO_WEIGHTS)
        return [
            emission
            + sum((
                before2.get(keys.pos_case, 0.0),
                before.get(keys.pos_case, 0.0),
                after.get(keys.pos, 0.0),
                dot.get(keys.pos, 0.0),
            ))
            for emission, keys in zip(entry.emissions, entry.keys, strict=True)
        ]

    def transition_score(self, previous: str, tag: str) -> float:
        """``score(transition_features(previous, tag))``."""
        if not self._fixed:
            return self.score(transition_features(previous, tag))
        [score] = self._transition_scores((previous,), tag)
        return score

    def _transition_scores(self, previous_tags: Iterable[str], tag: str) -> list[float]:
        """``transition_score`` from each previous tag into ``tag``, the tag's side resolved once."""
        keys = tag_keys(tag)
        pos, number, case, gender, pos_case = keys.pos, keys.number, keys.case, keys.gender, keys.pos_case
        pair, pair_pos, pair_case, pair_agreement = self._pair, self._pair_pos, self._pair_case, self._pair_agreement
        scores = []
        for previous in previous_tags:
            p_keys = tag_keys(previous)
            agreeing = _AGREEMENTS[(bool(case) and p_keys.case == case, bool(number) and p_keys.number == number,
                                    bool(gender) and p_keys.gender == gender)]
            scores.append(sum((
                pair.get(previous, _NO_WEIGHTS).get(tag, 0.0),
                pair_pos.get(p_keys.pos, _NO_WEIGHTS).get(pos, 0.0),
                pair_case.get(p_keys.pos_case, _NO_WEIGHTS).get(pos_case, 0.0),
                pair_agreement.get(f"{p_keys.pos}|{pos}", _NO_WEIGHTS).get(agreeing, 0.0),
            )))
        return scores

    def transition_block(self, previous_tags: tuple[str, ...], tags: tuple[str, ...]) -> Sequence[Sequence[float]]:
        """Per tag, the transition scores from each previous tag: one Viterbi step's table, cached
        per pair of candidate sets (ambiguity classes: far fewer pairs than of words)."""
        if not self._fixed:
            return tuple(tuple(self.transition_score(previous, tag) for previous in previous_tags) for tag in tags)
        key = (previous_tags, tags)
        block = self._blocks.get(key)
        if block is None:
            rows = []
            for tag in tags:
                known = self._transitions_into.get(tag)
                if known is None:
                    known = self._transitions_into[tag] = {}
                row = tuple(map(known.get, previous_tags))
                if None in row:
                    missing = [previous for previous in previous_tags if previous not in known]
                    known.update(zip(missing, self._transition_scores(missing, tag), strict=True))
                    row = tuple(map(known.__getitem__, previous_tags))
                rows.append(row)
            if len(self._blocks) >= _CACHE_SIZE:  # bound memory on huge inputs
                self._blocks.clear()
            # tuples of floats: the cyclic garbage collector stops scanning them
            block = self._blocks[key] = tuple(rows)
        return block

    def form_candidates(self, form: str, sentence_initial: bool, dot_follows: bool) -> FormCandidates:
        key = (form, sentence_initial, dot_follows)
        entry = self._forms.get(key)
        if entry is None:
            case_context = capitalisation(form, sentence_initial)
            expanded = expand_readings(readings(form, dot_follows))
            candidates = self._one_per_tag(expanded, case_context)
            entry = FormCandidates(
                tags=tuple(tag for tag, _interp in candidates),
                chosen=tuple(interp for _tag, interp in candidates),
                emissions=tuple(self.emission_scores(form, case_context, candidates)),
                keys=tuple(self._tag_part(tag)[0] for tag, _interp in candidates),
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
        previous_tags: tuple[str, ...] = (START,)
        previous_scores = [0.0]
        backpointers: list[list[int]] = []
        for tags, emissions in lattice:
            block = self.transition_block(previous_tags, tags)
            if len(previous_scores) == 1:  # after an unambiguous token (or the start) nothing to choose
                [previous_score] = previous_scores
                pointers = [0] * len(tags)
                scores = [
                    previous_score + pair_scores[0] + emission
                    for pair_scores, emission in zip(block, emissions, strict=True)
                ]
            else:
                pointers, scores = [], []
                for pair_scores, emission in zip(block, emissions, strict=True):
                    totals = list(map(add, previous_scores, pair_scores))
                    best = max(totals)
                    pointers.append(totals.index(best))  # the first best, as a strict ">" scan keeps
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
        sentence_contexts = contexts(tokens)
        entries = [
            self.form_candidates(token.text, index == 0, bool(context.dot))
            for index, (token, context) in enumerate(zip(tokens, sentence_contexts, strict=True))
        ]
        lattice = [
            # a single candidate is on every path: its score changes nothing
            (entry.tags, _NO_SCORE if len(entry.tags) == 1 else self.context_scores(entry, context))
            for entry, context in zip(entries, sentence_contexts, strict=True)
        ]
        for token, entry, choice in zip(tokens, entries, self.best_path(lattice), strict=True):
            token.interps = entry.interps
            token.chosen = entry.chosen[choice]
        apply_agreement_rules(tokens, sentence_contexts)


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


def disambiguate(sentence: Sentence) -> None:
    """Fill ``token.interps`` and ``token.chosen`` for every token of the sentence."""
    get_tagger().tag(sentence.tokens)
