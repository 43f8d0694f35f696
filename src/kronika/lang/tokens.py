"""Polish tokenization with character offsets, the abbreviations that keep their dot, and the quotation marks.

Tokens follow the NKJP convention (punctuation, hyphens and dots are tokens of their own) so that the
statistical models trained on NKJP see the same units. A dotted abbreviation such as *m.in* is one
token, its final dot another. The abbreviations (``resources/pl/abbreviations.txt``) also tell the
sentence segmenter which dots do not end a sentence and the name stage which forenames are abbreviated.
The quotation marks of the period's and today's typography are defined here once, as pairs, for every stage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kronika.lang.resources import read_table
from kronika.model import Interp, Token

_TOKEN = re.compile(
    r"(?P<dotted>(?:[^\W\d_]{1,4}\.)+[^\W\d_]{1,4}(?=\.))"  # m.in. / p.n.e. (checked against the lexicon)
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)?)"
    r"|(?P<number>\d+(?:[.,:]\d+)*)"
    r"|(?P<dots>\.\.\.|…)"
    r"|(?P<other>\S)"
)


# Quotation marks as (opening, closing) pairs: each stage asks which marks open, which close, and which close
# a given one. »…« and "…" use one mark both ways, so a mark alone does not say whether it opens or closes.
QUOTE_PAIRS: tuple[tuple[str, str], ...] = (
    ("„", "”"),  # Polish typography
    ("„", "“"),  # the German form, common in interwar print („Kurjer“)
    ("„", '"'),  # OCR and typewriters close „ with a straight mark
    ("«", "»"),  # French guillemets of nineteenth-century press
    ("»", "«"),  # reversed guillemets, as the Prussian partition's press printed them after German
    ("‚", "’"),  # single marks: a quotation inside a quotation
    ('"', '"'),  # straight marks of typewriters and today's keyboards
    ("“", "”"),  # English typography of today's texts
)
CLOSING_QUOTES_OF: dict[str, frozenset[str]] = {
    opening: frozenset(c for o, c in QUOTE_PAIRS if o == opening) for opening, _ in QUOTE_PAIRS
}
OPENING_QUOTES = frozenset(CLOSING_QUOTES_OF)
CLOSING_QUOTES = frozenset(closing for _, closing in QUOTE_PAIRS)
QUOTES = OPENING_QUOTES | CLOSING_QUOTES

_VOWELS = frozenset("aąeęioóuyAĄEĘIOÓUY")
_TRUNCATION_LETTERS = 6  # "Komit", "Oester": longer unknown words are names or foreign words


@dataclass(frozen=True)
class Abbreviations:
    prefix: frozenset[str]  # never end a sentence: titles, "np", "ok"
    final: frozenset[str]  # may end a sentence: "r", "w", "tys"
    names: frozenset[str]  # abbreviated first names, only as written: "Stan." is Stanisław, "stan." a word
    titles: frozenset[str]  # titles that are also words ("sen." senator, "sen" a dream): not before a name
    numbered: frozenset[str]  # nouns a number follows ("art. II", "poz. 5"): not before a number

    @property
    def dotted(self) -> frozenset[str]:
        return frozenset(a for a in self.prefix | self.final | self.titles | self.numbered if "." in a)


@lru_cache(maxsize=1)
def load_abbreviations(language: str = "pl") -> Abbreviations:
    kinds = ("prefix", "final", "name", "title", "numbered")
    classes: dict[str, set[str]] = {kind: set() for kind in kinds}
    for number, (abbreviation, kind) in read_table("kronika.lang", f"resources/{language}/abbreviations.txt", 2):
        if kind not in classes:
            raise ValueError(f"abbreviations.txt line {number}: unknown class {kind!r}")
        classes[kind].add(abbreviation)
    return Abbreviations(*(frozenset(classes[kind]) for kind in kinds))


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    dotted = load_abbreviations().dotted
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text, start, len(text) if end is None else end):
        if match.lastgroup == "dotted" and match.group().lower() not in dotted:
            # not a known dotted abbreviation: re-tokenize its parts
            for part in re.finditer(r"[^\W\d_]+|\.", match.group()):
                tokens.append(Token(match.start() + part.start(), match.start() + part.end(), part.group()))
            continue
        tokens.append(Token(match.start(), match.end(), match.group()))
    return tokens


def is_truncation(word: str, interps: list[Interp] | tuple[Interp, ...]) -> bool:
    """Whether ``word`` (with its Morfeusz readings), written before a dot, is a word cut before a vowel, as
    Polish abbreviates by truncation (*Komit.*, *Ekon.*, *wewn.*, *budż.*, *Warsz.*): short, ending in a
    consonant, not in capitals (an acronym), and no word the dictionary knows."""
    return (
        2 <= len(word) <= _TRUNCATION_LETTERS and word.isalpha() and not word.isupper()
        and word[-1] not in _VOWELS and all(i.pos == "ign" for i in interps)
    )
