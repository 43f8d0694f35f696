"""Build ``src/kronika/ner/resources/pl/word_clusters.tsv``: word classes learned from NKJP text.

    pip install numpy && python scripts/build_word_clusters.py

Words that occur in similar contexts (the words just before and just after them) fall into the same
class, so the NKJP tagger can generalise from a name or a title it saw in training to one it did not
(*prezydent*, *premier*, *minister*; *Kraków*, *Lublin*). Method: the lowercased words of the NKJP
training text (``../shared/data/nkjp-ner/nkjp-ner-train.iob.gz`` without the held-out documents, labels
unused; NKJP, CC BY 4.0) that occur at least ``--min-count`` times; counts of the most frequent words as
left and as right neighbours; positive PMI; an SVD to ``--dims`` dimensions; k-means on the
unit-length vectors at three granularities (64, 256 and 1,024 classes). Deterministic (fixed seed).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import numpy as np

from kronika.ner.statistical import is_held_out, read_nkjp_iob

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT / ".." / "shared" / "data" / "nkjp-ner" / "nkjp-ner-train.iob.gz"
OUTPUT = ROOT / "src" / "kronika" / "ner" / "resources" / "pl" / "word_clusters.tsv"
GRANULARITIES = (64, 256, 1024)
BOUNDARY = "<s>"


def kmeans(vectors: np.ndarray, k: int, rng: np.random.Generator, iterations: int = 25) -> np.ndarray:
    """Spherical k-means (cosine similarity); the class of every row."""
    centres = vectors[rng.choice(len(vectors), size=k, replace=False)].copy()
    assignment = np.zeros(len(vectors), dtype=np.int64)
    for _ in range(iterations):
        assignment = np.argmax(vectors @ centres.T, axis=1)
        for cluster in range(k):
            members = vectors[assignment == cluster]
            if len(members):
                centre = members.sum(axis=0)
                centres[cluster] = centre / (np.linalg.norm(centre) or 1.0)
    return assignment


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--contexts", type=int, default=2000, help="neighbour words counted on each side")
    parser.add_argument("--dims", type=int, default=100)
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    args = parser.parse_args()

    sentences = [
        [BOUNDARY, *(form.lower() for form in sentence.forms), BOUNDARY]
        for document in read_nkjp_iob(TRAIN) if not is_held_out(document.name)
        for sentence in document.sentences
    ]
    counts = Counter(word for sentence in sentences for word in sentence[1:-1])
    vocabulary = sorted(word for word, n in counts.items() if n >= args.min_count)
    row = {word: i for i, word in enumerate(vocabulary)}
    contexts = [BOUNDARY, *(word for word, _ in counts.most_common(args.contexts - 1))]
    column = {word: i for i, word in enumerate(contexts)}
    matrix = np.zeros((len(vocabulary), 2 * len(contexts)), dtype=np.float64)
    for sentence in sentences:
        for i in range(1, len(sentence) - 1):
            r = row.get(sentence[i])
            if r is None:
                continue
            left, right = column.get(sentence[i - 1]), column.get(sentence[i + 1])
            if left is not None:
                matrix[r, left] += 1
            if right is not None:
                matrix[r, len(contexts) + right] += 1
    total = matrix.sum()
    expected = matrix.sum(axis=1, keepdims=True) @ matrix.sum(axis=0, keepdims=True) / total
    with np.errstate(divide="ignore", invalid="ignore"):
        matrix = np.where(matrix > 0, np.maximum(np.log(matrix / expected), 0.0), 0.0)
    # the SVD through the small Gram matrix: M = U S Vᵀ, vectors U S^½ = M V S^-½
    eigenvalues, eigenvectors = np.linalg.eigh(matrix.T @ matrix)
    top = np.argsort(eigenvalues)[::-1][: args.dims]
    singular = np.sqrt(np.maximum(eigenvalues[top], 1e-12))
    vectors = matrix @ eigenvectors[:, top] / np.sqrt(singular)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    rng = np.random.default_rng(1939)
    classes = [kmeans(vectors, k, rng) for k in GRANULARITIES]
    lines = [
        "# word\tclass among 64\tamong 256\tamong 1024; learned from the NKJP train text (CC BY 4.0) "
        "by scripts/build_word_clusters.py",
        *(f"{word}\t" + "\t".join(str(c[i]) for c in classes) for i, word in enumerate(vocabulary)),
    ]
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.output}: {len(vocabulary)} words, {len(sentences)} sentences")


if __name__ == "__main__":
    main()
