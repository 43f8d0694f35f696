"""Statistical named-entity tagger in the NKJP / PolEval 2018 scheme (a linear-chain CRF).

Nested names are tagged in one pass with stacked labels: a token's label lists its BIO tag at every
nesting level, outermost first (``B-persName#B-persName_forename``), exactly as the NKJP training data
encodes them, so a name and its parts are predicted jointly. :func:`decode_levels` turns the stacked
tags back into spans level by level.

The model (``models/nkjp_crf.crfsuite``) is built by ``scripts/train_ner.py`` from NKJP (CC BY 4.0).
"""

from __future__ import annotations

import bisect
import gzip
import hashlib
import operator
import struct
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from importlib import resources
from itertools import chain
from pathlib import Path
from typing import NamedTuple

import numpy as np

from kronika.errors import KronikaError
from kronika.model import NkjpSpan, Sentence
from kronika.ner.features import BOUNDARIES, CAP_INSIDE, form_features, next_pair, positioned, previous_pair

MODEL_NAME = "nkjp_crf.crfsuite"
LEVEL_SEPARATOR = "#"
_IS_ID = partial(operator.is_not, None)  # an attribute id, not the None of an unknown attribute
_BATCH_TOKENS = 1000  # tokens scored in one array: bounds memory on long documents
_FEATURE = np.dtype([("type", "<u4"), ("source", "<u4"), ("target", "<u4"), ("weight", "<f8")])


@dataclass(slots=True)
class IobSentence:
    forms: list[str]
    labels: list[str]  # stacked labels, "O" outside any name


@dataclass(slots=True)
class IobDocument:
    name: str
    sentences: list[IobSentence]


def is_held_out(document_name: str) -> bool:
    """Whether an NKJP training document is in the held-out development part (1 in 16, by hash): the
    model is trained on the rest, tuned on this part, and reported on the NKJP dev split, which is
    never tuned on."""
    return hashlib.sha1(document_name.encode("utf-8")).hexdigest()[0] == "0"


def normalise_label(label: str) -> str:
    """NKJP IOB files write subtypes with a hyphen (``B-persName-forename``); the PolEval scheme and
    our contract use an underscore (``persName_forename``)."""
    if label == "O":
        return label
    return LEVEL_SEPARATOR.join(
        tag[:2] + tag[2:].replace("-", "_") for tag in label.split(LEVEL_SEPARATOR)
    )


def read_nkjp_iob(path: Path) -> Iterator[IobDocument]:
    """Documents of an NKJP IOB file (``orth base ctag label`` a line, a blank line between
    sentences, ``-DOCSTART FILE name`` before each document). Only forms and labels are kept: the
    file's lemmas and tags are automatic, and the tagger computes its own from Morfeusz."""
    document: IobDocument | None = None
    sentence = IobSentence([], [])
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            line = line.rstrip("\n")
            if line.startswith("-DOCSTART"):
                if sentence.forms and document is not None:
                    document.sentences.append(sentence)
                sentence = IobSentence([], [])
                if line.startswith("-DOCSTART FILE"):
                    if document is not None:
                        yield document
                    document = IobDocument(line.split(" ", 2)[2], [])
                continue
            if not line.strip():
                if sentence.forms and document is not None:
                    document.sentences.append(sentence)
                sentence = IobSentence([], [])
                continue
            columns = line.split("\t")
            if len(columns) != 4:
                raise ValueError(f"{path}:{number}: expected 4 tab-separated columns, got {len(columns)}")
            sentence.forms.append(columns[0])
            sentence.labels.append(normalise_label(columns[3]))
    if document is not None:
        if sentence.forms:
            document.sentences.append(sentence)
        yield document


def decode_levels(labels: list[str]) -> list[tuple[int, int, str]]:
    """Stacked BIO labels → ``(first token, last token + 1, label)`` spans at every level.

    An ``I-`` that does not continue a span of the same label at its level starts one, so an
    ill-formed prediction still yields a span instead of losing it."""
    spans: list[tuple[int, int, str]] = []
    open_spans: dict[int, tuple[int, str]] = {}  # level → (start, label)
    for i, stacked in enumerate([*labels, "O"]):
        tags = [] if stacked == "O" else stacked.split(LEVEL_SEPARATOR)
        for level in sorted(open_spans):
            start, label = open_spans[level]
            tag = tags[level] if level < len(tags) else "O"
            if tag != f"I-{label}":
                spans.append((start, i, label))
                del open_spans[level]
        for level, tag in enumerate(tags):
            if tag.startswith("B-") or level not in open_spans:
                if level in open_spans:
                    start, label = open_spans.pop(level)
                    spans.append((start, i, label))
                open_spans[level] = (i, tag[2:])
    return sorted(spans)


def _cqdb_strings(data: bytes, at: int) -> list[str]:
    """The strings of a CRFsuite CQDB chunk (attributes or labels) in id order, read from its id → string
    array: each record is an id, the key's size and the key with its NUL."""
    chunk, _size, _flag, _byteorder, count, backward_at = struct.unpack_from("<4sIIIII", data, at)
    if chunk != b"CQDB":
        raise KronikaError("not a CRFsuite model: no string table")
    strings = []
    for offset in struct.unpack_from(f"<{count}I", data, at + backward_at):
        _id, size = struct.unpack_from("<II", data, at + offset)
        strings.append(data[at + offset + 8:at + offset + 7 + size].decode("utf-8"))
    return strings


class CrfModel(NamedTuple):
    """A CRFsuite model as arrays: ``state[attribute id, label id]`` (and a last row of zeros, past the last
    attribute, to pad lists of ids with) and ``transition[from, to]`` weights."""

    attributes: list[str]
    labels: list[str]
    state: np.ndarray
    transition: np.ndarray


def read_model(model_path: Path) -> CrfModel:
    """The weights of a CRFsuite model file (CRFsuite's own ``info()`` builds every feature's strings and
    takes seconds): a header, the features (type, source, destination, weight), then the label and the
    attribute string tables."""
    data = model_path.read_bytes()
    # file header: magic, size, type, version, counts of features, labels and attributes, five offsets
    magic, *_, features_at, labels_at, attributes_at, _label_refs_at, _attribute_refs_at = struct.unpack_from(
        "<4sI4sIIIIIIIII", data)
    chunk, _size, count = struct.unpack_from("<4sII", data, features_at)
    if magic != b"lCRF" or chunk != b"FEAT":
        raise KronikaError(f"not a CRFsuite model: {model_path}")
    labels, attributes = _cqdb_strings(data, labels_at), _cqdb_strings(data, attributes_at)
    features = np.frombuffer(data, dtype=_FEATURE, count=count, offset=features_at + 12)
    state = np.zeros((len(attributes) + 1, len(labels)))
    transition = np.zeros((len(labels), len(labels)))
    for kind, weights in ((0, state), (1, transition)):  # 0: attribute → label, 1: label → label
        chosen = features[features["type"] == kind]
        weights[chosen["source"], chosen["target"]] = chosen["weight"]
    return CrfModel(attributes, labels, state, transition)


@dataclass(slots=True)
class _Form:
    """A form's features (rows of ``NkjpTagger._feature_ids``, in :func:`form_features`' order), and the sums
    of their weights at each place around a token (computed for a batch of new forms at once)."""

    features: tuple[int, ...]
    lower: str
    capitalised: bool
    sums: np.ndarray | None = None  # [place, label]: own (with "bias"), before2, before1, after1, after2


_OWN, _BEFORE2, _BEFORE1, _AFTER1, _AFTER2 = range(5)
_NO_FEATURE, _BIAS = 0, 1  # the first rows of the feature table: no attribute at any place; "bias" as its own


class NkjpTagger:
    """A trained CRF, scored and decoded in array code as CRFsuite's tagger does: a token's score for each
    label is the sum of its attributes' weights, then Viterbi over the labels, the first best kept on a tie.

    Each (kind, value) feature of a form is a row of attribute ids, one per place around a token (its own,
    and lent to the tokens before and after it), looked up once; a new form's weights are summed at every
    place at once, in array code over its features' rows; a token's score then adds its own sum, its
    neighbours' sums and the few attributes of its pairs of words, place by place in
    :class:`SentenceFeatures`' order. (CRFsuite adds the same weights one attribute at a time: the sums may
    differ from its in the last bits, the labels do not, ``tests/ner/test_statistical.py``.)"""

    def __init__(self, model_path: Path, cache_size: int = 300_000) -> None:
        model = read_model(model_path)
        self._labels = model.labels
        self._ids = {attribute: i for i, attribute in enumerate(model.attributes)}
        self._state = model.state
        self._padding = len(model.attributes)
        # [label, previous label]: Viterbi's maxima then run over contiguous rows, several times faster than
        # over the columns of ``transition[previous label, label]``
        self._transition_into = np.ascontiguousarray(model.transition.T)
        # the weights a token gets past the sentence's edges, by offset
        self._boundaries = {offset: self._state[list(self._known(feature))].sum(axis=0)
                            for offset, feature in BOUNDARIES.items()}
        self._cap_inside = self._known(CAP_INSIDE)
        (bias,) = self._known("bias")
        self._lock = threading.Lock()  # the tables grow as new forms come
        self._cache_size = cache_size
        self._initial_ids = np.array([[self._padding] * 5, [bias] + [self._padding] * 4])
        self._clear()

    def _clear(self) -> None:
        """Empty the per-form and per-feature tables (at the start, and to bound memory on huge inputs)."""
        self._forms: dict[str, _Form] = {}
        self._feature_rows: dict[tuple[str, str], int] = {}  # (kind, value) → its row in ``_feature_ids``
        self._feature_ids = np.empty((1024, 5), dtype=np.intp)  # [row, place]
        self._feature_ids[: len(self._initial_ids)] = self._initial_ids
        self._features = len(self._initial_ids)  # rows in use
        self._new_features: list[list[int]] = []  # the rows of the features new in this batch, not yet written

    def _known(self, *attributes: str) -> tuple[int, ...]:
        """The ids of the attributes the model has weights for (CRFsuite skips the others)."""
        return tuple(filter(_IS_ID, map(self._ids.get, attributes)))

    def _form(self, form: str) -> _Form:
        entry = self._forms.get(form)
        if entry is None:
            features = form_features(form)
            rows = list(map(self._feature_rows.get, features))
            if None in rows:
                rows = [self._feature_row(feature) if row is None else row
                        for feature, row in zip(features, rows, strict=True)]
            entry = self._forms[form] = _Form((_BIAS, *rows), form.lower(), form[:1].isupper())
        return entry

    def _feature_row(self, feature: tuple[str, str]) -> int:
        """A new feature's row: its attribute ids, one per place (the zero row's where the model has none), are
        written into ``_feature_ids`` with the other new ones of the batch (``_new_feature_rows``)."""
        row = self._feature_rows[feature] = self._features + len(self._new_features)
        ids = self._ids
        self._new_features.append([self._padding if string is None else ids.get(string, self._padding)
                                   for string in positioned(*feature)])
        return row

    def _new_feature_rows(self) -> None:
        first, last = self._features, self._features + len(self._new_features)
        if last > len(self._feature_ids):  # full: double
            size = max(last, 2 * len(self._feature_ids))
            self._feature_ids = np.concatenate([self._feature_ids, np.empty((size - first, 5), dtype=np.intp)])
        self._feature_ids[first:last] = self._new_features
        self._features = last
        self._new_features = []

    def _summed_forms(self, new: Sequence[_Form]) -> None:
        """Each new form's weights at each place, its features' added one after another."""
        lengths = [len(entry.features) for entry in new]
        rows = np.full((len(new), max(lengths)), _NO_FEATURE)
        rows[np.repeat(np.arange(len(new)), lengths), np.arange(sum(lengths)) - np.repeat(
            np.cumsum(lengths) - lengths, lengths)] = np.fromiter(
            chain.from_iterable(entry.features for entry in new), dtype=np.intp, count=sum(lengths))
        ids = self._feature_ids[rows]  # [form, feature, place]
        state = self._state
        sums = state[ids[:, 0]]  # [form, place, label]
        for feature in range(1, ids.shape[1]):
            sums += state[ids[:, feature]]
        for entry, entry_sums in zip(new, sums, strict=True):
            entry.sums = entry_sums

    def _pair_ids(self, entries: Sequence[_Form]) -> list[tuple[int, ...]]:
        """The ids of each token's attributes of word pairs and ``cap_inside``, in :class:`SentenceFeatures`'
        order: the pair with the word before it, a capital inside the sentence, the pair with the word after."""
        ids = self._ids
        last = len(entries) - 1
        pairs: list[tuple[int, ...]] = []
        for i, entry in enumerate(entries):
            token: tuple[int, ...] = ()
            if i > 0:
                pair = ids.get(previous_pair(entries[i - 1], entry))
                if pair is not None:
                    token += (pair,)
                if entry.capitalised:
                    token += self._cap_inside
            if i < last:
                pair = ids.get(next_pair(entry, entries[i + 1]))
                if pair is not None:
                    token += (pair,)
            pairs.append(token)
        return pairs

    def _summed(self, id_lists: Sequence[tuple[int, ...]]) -> np.ndarray:
        """``[list, label]``: each list's weights added one attribute after another. The lists are padded with
        the zero row into ``[place, list]`` ids, and a reduction over the first axis adds the places in order."""
        lengths = np.fromiter(map(len, id_lists), dtype=np.intp, count=len(id_lists))
        total = int(lengths.sum())
        places = np.full((len(id_lists), max(1, int(lengths.max()))), self._padding)
        # each list's ids at its row
        columns = np.arange(total) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        places[np.repeat(np.arange(len(id_lists)), lengths), columns] = np.fromiter(
            chain.from_iterable(id_lists), dtype=np.intp, count=total)
        return np.add.reduce(self._state[places.T], axis=0)

    def scores(self, sentences: Sequence[Sequence[str]]) -> np.ndarray:
        """``[token, label]`` state scores of the sentences' tokens, one after another: each token's own sum,
        its neighbours' sums (or the sentence's edges), then its pairs' attributes."""
        with self._lock:
            if len(self._forms) >= self._cache_size or self._features >= self._cache_size:
                self._clear()  # between batches: no form of a batch keeps a cleared row
            entries: list[_Form] = []
            pairs: list[tuple[int, ...]] = []
            for forms in sentences:
                sentence_entries = [self._form(form) for form in forms]
                entries += sentence_entries
                pairs += self._pair_ids(sentence_entries)
            new = list({id(entry): entry for entry in entries if entry.sums is None}.values())
            if self._new_features:
                self._new_feature_rows()
            if new:
                self._summed_forms(new)
        by_token = np.stack([entry.sums for entry in entries])  # [token, place, label]
        lengths = np.fromiter(map(len, sentences), dtype=np.intp, count=len(sentences))
        position = np.arange(len(entries)) - np.repeat(np.cumsum(lengths) - lengths, lengths)  # in its sentence
        after = np.repeat(lengths, lengths) - 1 - position  # tokens after it in its sentence
        total = by_token[:, _OWN].copy()
        total[2:][position[2:] >= 2] += by_token[:-2, _BEFORE2][position[2:] >= 2]
        total[position == 1] += self._boundaries[-2]
        total[1:][position[1:] >= 1] += by_token[:-1, _BEFORE1][position[1:] >= 1]
        total[position == 0] += self._boundaries[-1]
        total[:-1][after[:-1] >= 1] += by_token[1:, _AFTER1][after[:-1] >= 1]
        total[after == 0] += self._boundaries[1]
        total[:-2][after[:-2] >= 2] += by_token[2:, _AFTER2][after[:-2] >= 2]
        total[after == 1] += self._boundaries[2]
        return total + self._summed(pairs) if any(pairs) else total

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """The labels of each sentence's tokens, a batch of sentences at a time (bounded memory)."""
        labels: list[list[str]] = []
        batch: list[Sequence[str]] = []
        size = 0
        for forms in sentences:
            if batch and size + len(forms) > _BATCH_TOKENS:
                labels += self._tag_batch(batch)
                batch, size = [], 0
            batch.append(forms)
            size += len(forms)
        return labels + self._tag_batch(batch) if batch else labels

    def _tag_batch(self, sentences: list[Sequence[str]]) -> list[list[str]]:
        """Viterbi over all the sentences at once, longest first: at step ``t`` the sentences longer than
        ``t`` are a prefix of that order, and one array operation advances them all."""
        order = sorted((i for i, forms in enumerate(sentences) if forms), key=lambda i: -len(sentences[i]))
        labels: list[list[str]] = [[] for _ in sentences]
        if not order:
            return labels
        lengths = [len(sentences[i]) for i in order]
        scores = self.scores([sentences[i] for i in order])
        starts = np.cumsum([0, *lengths[:-1]])
        active = [bisect.bisect_left(lengths, -t, key=operator.neg) for t in range(lengths[0])]  # len > t
        best = scores[starts]
        backpointers = []
        names = self._labels
        rows, columns = np.arange(len(order))[:, None], np.arange(len(names))  # to read each best total
        for t in range(1, lengths[0]):
            k = active[t]
            totals = best[:k, None, :] + self._transition_into  # [sentence, label, previous label]
            previous = totals.argmax(axis=2)  # the first best previous label, as CRFsuite keeps
            backpointers.append(previous)
            best[:k] = totals[rows[:k], columns, previous] + scores[starts[:k] + t]
        path = np.empty((lengths[0], len(order)), dtype=np.intp)
        current = best.argmax(axis=1)
        for t in range(lengths[0] - 1, 0, -1):
            k = active[t]
            path[t, :k] = current[:k]
            current[:k] = backpointers[t - 1][np.arange(k), current[:k]]
        path[0] = current
        for column, (i, length) in enumerate(zip(order, lengths, strict=True)):
            labels[i] = [names[label] for label in path[:length, column].tolist()]
        return labels

    def tag_forms(self, forms: Sequence[str]) -> list[str]:
        return self.tag_sentences([forms])[0]

    def spans(self, forms: Sequence[str]) -> list[tuple[int, int, str]]:
        return decode_levels(self.tag_forms(forms))


_tagger: NkjpTagger | None = None
_tagger_lock = threading.Lock()


def default_model_path() -> Path:
    return Path(str(resources.files("kronika.ner").joinpath(f"models/{MODEL_NAME}")))


def get_tagger() -> NkjpTagger:
    """The process-wide tagger, loaded on first use."""
    global _tagger
    with _tagger_lock:
        if _tagger is None:
            path = default_model_path()
            if not path.is_file():
                raise KronikaError(f"NKJP model missing: {path} (build it with scripts/train_ner.py)")
            _tagger = NkjpTagger(path)
    return _tagger


def tag_nkjp(sentences: list[Sentence]) -> list[NkjpSpan]:
    """NKJP / PolEval 2018 names in the sentences, every nesting level, with character offsets."""
    labels = get_tagger().tag_sentences([[token.text for token in sentence.tokens] for sentence in sentences])
    spans: list[NkjpSpan] = []
    for sentence, sentence_labels in zip(sentences, labels, strict=True):
        tokens = sentence.tokens
        for first, after_last, label in decode_levels(sentence_labels):
            spans.append(NkjpSpan(tokens[first].start, tokens[after_last - 1].end, label))
    spans.sort(key=lambda span: (span.start, -span.end, span.label))
    return spans
