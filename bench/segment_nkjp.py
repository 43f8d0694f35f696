"""Score the sentence segmenter against NKJP's sentence boundaries.

    python bench/segment_nkjp.py --split dev|locked [--show N]

Each NKJP document is re-joined from its tokens with the usual Polish spacing (as ``corpus.py`` does) and
split by :func:`kronika.text.segment.split_sentences`; a boundary is the end offset of a sentence inside
the document (the document's own end is not counted). ``dev``: the held-out documents of the NKJP train
split (``statistical.is_held_out``, as ``poleval_ner.py``); ``locked``: the NKJP dev split, scored only to
report. Prints precision, recall and F1 of the boundaries; ``--show N`` prints N wrong and N missed
boundaries of dev with their context (never use it on locked).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys

from corpus import NO_SPACE_AFTER, NO_SPACE_BEFORE, SHARED

from kronika.ner.statistical import is_held_out
from kronika.text.segment import split_sentences


def documents(split: str) -> list[tuple[str, list[list[str]]]]:
    """(name, sentences as token lists) of the split's NKJP documents."""
    path = SHARED / "data" / "nkjp-ner" / f"nkjp-ner-{'train' if split == 'dev' else 'dev'}.iob.gz"
    found: list[tuple[str, list[list[str]]]] = []
    sentence: list[str] = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("-DOCSTART FILE"):
                found.append((line.split(maxsplit=2)[2].strip(), []))
            elif not line.strip():
                if sentence and found:
                    found[-1][1].append(sentence)
                sentence = []
            elif not line.startswith("-DOCSTART"):
                sentence.append(line.split("\t", 1)[0])
    if sentence and found:
        found[-1][1].append(sentence)
    return [(name, sentences) for name, sentences in found
            if split == "locked" or is_held_out(name)]


def joined(sentences: list[list[str]]) -> tuple[str, set[int]]:
    """The document's text and the end offsets of its sentences but the last."""
    out: list[str] = []
    length = 0
    ends: set[int] = set()
    for sentence in sentences:
        for token in sentence:
            if out and token not in NO_SPACE_BEFORE and out[-1][-1:] not in NO_SPACE_AFTER:
                out.append(" ")
                length += 1
            out.append(token)
            length += len(token)
        ends.add(length)
    ends.discard(length)
    return "".join(out), ends


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "locked"), default="dev")
    parser.add_argument("--show", type=int, default=0, help="print wrong and missed boundaries (dev only)")
    args = parser.parse_args()
    if args.show and args.split != "dev":
        sys.exit("--show reads the errors: dev only")
    right = predicted_total = gold_total = 0
    wrong: list[str] = []
    missed: list[str] = []
    for _name, sentences in documents(args.split):
        text, gold = joined(sentences)
        predicted = {s.end for s in split_sentences(text)}
        predicted.discard(len(text.rstrip()))
        right += len(predicted & gold)
        predicted_total += len(predicted)
        gold_total += len(gold)
        wrong += [f"{text[max(0, e - 50):e]} | {text[e:e + 30]}" for e in sorted(predicted - gold)]
        missed += [f"{text[max(0, e - 50):e]} | {text[e:e + 30]}" for e in sorted(gold - predicted)]
    precision = right / predicted_total if predicted_total else 0.0
    recall = right / gold_total if gold_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(json.dumps({"split": args.split, "gold": gold_total, "predicted": predicted_total, "right": right,
                      "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}))
    for label, lines in (("wrong", wrong), ("missed", missed)):
        for line in lines[: args.show]:
            print(f"{label}\t{line}")


if __name__ == "__main__":
    main()
