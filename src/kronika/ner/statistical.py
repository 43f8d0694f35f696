"""Statistical named-entity tagger in the NKJP / PolEval 2018 scheme (a linear-chain CRF).

Nested names are tagged in one pass with stacked labels: a token's label lists its BIO tag at every
nesting level, outermost first (``B-persName#B-persName_forename``), exactly as the NKJP training data
encodes them, so a name and its parts are predicted jointly. :func:`decode_levels` turns the stacked
tags back into spans level by level.

The model (``models/nkjp_crf.crfsuite``) is built by ``scripts/train_ner.py`` from NKJP (CC BY 4.0).
"""

from __future__ import annotations

import gzip
import hashlib
import struct
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pycrfsuite

from kronika.errors import KronikaError
from kronika.model import NkjpSpan, Sentence
from kronika.ner.features import SentenceFeatures

MODEL_NAME = "nkjp_crf.crfsuite"
LEVEL_SEPARATOR = "#"


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


def model_attributes(model_path: Path) -> frozenset[str]:
    """The attributes a CRFsuite model has weights for, read from the model file's attribute dictionary
    (its id → string array; CRFsuite's own ``info()`` builds every feature and takes seconds)."""
    data = model_path.read_bytes()
    # file header: magic, size, type, version, counts of features, labels and attributes, five offsets
    magic, *_, attributes_at, _label_refs_at, _attribute_refs_at = struct.unpack_from("<4sI4sIIIIIIIII", data)
    chunk, _size, _flag, _byteorder, count, backward_at = struct.unpack_from("<4sIIIII", data, attributes_at)
    if magic != b"lCRF" or chunk != b"CQDB":
        raise KronikaError(f"not a CRFsuite model: {model_path}")
    attributes = []
    for offset in struct.unpack_from(f"<{count}I", data, attributes_at + backward_at):
        start = attributes_at + offset
        _id, size = struct.unpack_from("<II", data, start)  # each record: id, key size, key with its NUL
        attributes.append(data[start + 8:start + 7 + size].decode("utf-8"))
    return frozenset(attributes)


class NkjpTagger:
    """A trained CRF; thread-safe (the crfsuite tagger object is not)."""

    def __init__(self, model_path: Path) -> None:
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model_path))
        self._lock = threading.Lock()
        self._features = SentenceFeatures(known=model_attributes(model_path))

    def tag_forms(self, forms: list[str]) -> list[str]:
        if not forms:
            return []
        features = self._features(forms)
        with self._lock:
            return self._tagger.tag(features)

    def spans(self, forms: list[str]) -> list[tuple[int, int, str]]:
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
    tagger = get_tagger()
    spans: list[NkjpSpan] = []
    for sentence in sentences:
        tokens = sentence.tokens
        for first, after_last, label in tagger.spans([token.text for token in tokens]):
            spans.append(NkjpSpan(tokens[first].start, tokens[after_last - 1].end, label))
    spans.sort(key=lambda span: (span.start, -span.end, span.label))
    return spans
