"""Sentence segmentation with character offsets, over the tokens of :mod:`kronika.lang.tokens`.

Sentence boundaries come after ``.``, ``!``, ``?`` and ``…`` unless the dot closes an abbreviation (Morfeusz
``brev:pun`` readings and ``lang/resources/pl/abbreviations.txt``: a title before a name, *sen. Malinowski*; a
numbered noun before its number, *Art. II.*), a truncation the dictionary does not know (*Komit. Ekon. Ministrów*),
an abbreviation inside a short quoted title, whatever follows the title (*„Now. Wr.”*, *„N. Wr. Journal” Jerzy R.*),
an initial (*J. Piłsudski*), an ordinal numeral (*52. Dywizja*) or a day before a month in Roman numerals
(*17. II.*); nor does a dash before the narrator's verb open one (*„Dość!” — zawołał*). Press layout adds two
boundaries without punctuation: before an agency dateline (*… w Londynie BERLIN, (PAT). — Mowa …*) and before a
capitalised preposition that opens the text after a run-in heading (*… o oddłużeniu rolnictwa Na posiedzeniu Sejmu
…*).
"""

from __future__ import annotations

import re
from functools import lru_cache

from kronika.lang.grammar import FINITE_VERBS
from kronika.lang.resources import data_lines, read_text
from kronika.lang.tokens import (
    CLOSING_QUOTES,
    CLOSING_QUOTES_OF,
    OPENING_QUOTES,
    Abbreviations,
    is_truncation,
    load_abbreviations,
    tokenize,
)
from kronika.model import Sentence, Token
from kronika.morph import get_morphology
from kronika.morph.analyzer import tag_has

_SENTENCE_END = {".", "!", "?", "...", "…"}
_CLOSING = CLOSING_QUOTES | set(")]}")
_OPENING = OPENING_QUOTES | set("([–—-")
_UPPER = "A-ZĄĆĘŁŃÓŚŹŻ"
DASHES = set("–—-")
_ROMAN = re.compile(r"[IVXLC]+")
_ROMAN_MONTH = frozenset({"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"})
_QUOTED_TITLE_TOKENS = 4  # words and dots of an abbreviated title between its quotation marks ("Now. Wr.")


@lru_cache(maxsize=1)
def _dateline() -> re.Pattern[str]:
    """A place in capitals followed by an agency in brackets or a date and a dash: a report's dateline."""
    agencies = [line.strip() for _, line in data_lines(read_text("kronika.text", "resources/pl/datelines.txt"))]
    if not agencies or any(not a.replace(" ", "").isalpha() for a in agencies):
        raise ValueError("datelines.txt: expected one agency name (letters) a line")
    agency = "|".join(re.escape(a) for a in sorted(agencies, key=len, reverse=True))
    return re.compile(
        rf"[{_UPPER}]{{3,}}(?:[- ][{_UPPER}]{{2,}})*\s*[,.]?\s*"
        rf"(?:\(\s*(?i:{agency})\.?\s*\)|\d{{1,2}}\s+[a-ząćęłńóśźż]{{3,}}\.?\s*[—–-])"
    )


def _is_abbreviation(word: str, abbreviations: Abbreviations) -> str | None:
    """``'prefix'`` / ``'final'`` / ``'title'`` / ``'numbered'`` when ``word`` followed by a dot is an
    abbreviation of that class, else None."""
    lower = word.lower()
    if lower in abbreviations.prefix or word in abbreviations.names:
        return "prefix"
    if lower in abbreviations.final:
        return "final"
    if lower in abbreviations.titles:
        return "title"
    if lower in abbreviations.numbered:
        return "numbered"
    interps = get_morphology().analyse(word)
    if interps and all(i.tag.startswith("brev") for i in interps):
        return "prefix" if any(i.tag == "brev:pun" for i in interps) else None
    if is_truncation(word, interps):
        return "truncation"
    return None


def _continues_name(tokens: list[Token], i: int, abbreviations: Abbreviations) -> bool:
    """Whether the capitalised word after the dot ``tokens[i]`` continues a name cut short before it: another
    abbreviation with its dot (*Komit. Ekon.*) or a noun or adjective in the genitive, the case of a name's
    complement (*Ekon. Ministrów*); an unknown capitalised word ending a sentence is a surname (*… Tyson.*)."""
    after = tokens[i + 1]
    if i + 2 < len(tokens) and tokens[i + 2].text == "." and tokens[i + 2].start == after.end:
        if _is_abbreviation(after.text, abbreviations) is not None:
            return True
    interps = get_morphology().analyse(after.text)
    return bool(interps) and all(i.pos in {"subst", "adj", "depr"} for i in interps) and any(
        tag_has(i.tag, "gen", 2) for i in interps)


def _is_name_word(token: Token) -> bool:
    """A capitalised word that may be a name: only nominal readings (not *Potem*, an adverb besides a
    surname), a forename or surname among them or none the dictionary knows; an abbreviation reading does
    not count against it (*Jan*, also *jan.* for January)."""
    if not token.text[:1].isupper():
        return False
    interps = get_morphology().analyse(token.text)
    if not all(i.pos in {"subst", "adj", "depr", "ign", "brev"} for i in interps):
        return False
    return all(i.pos == "ign" for i in interps) or any({"imię", "nazwisko"} & set(i.quals) for i in interps)


def _in_quoted_title(tokens: list[Token], i: int) -> bool:
    """Whether the dot ``tokens[i]`` lies inside a short quoted title of abbreviations (*„Now. Wr.”*, *„Sł.
    Polsk.”*, *„Wasza król. Mość.”*): an opening quotation mark a few tokens before, its closing one a few after.
    A mark that both opens and closes (*"*, *»*) opens only glued to the word after it and not to the one before."""
    closing: frozenset[str] | None = None
    for k in range(i - 1, max(-1, i - 1 - _QUOTED_TITLE_TOKENS), -1):
        text = tokens[k].text
        if text in _SENTENCE_END and text != ".":
            return False
        if text in OPENING_QUOTES and (text not in CLOSING_QUOTES or _opens(tokens, k)):
            closing = CLOSING_QUOTES_OF[text]
            break
        if text in CLOSING_QUOTES:
            return False
    if closing is None:
        return False
    for token in tokens[i + 1:i + 1 + _QUOTED_TITLE_TOKENS]:
        if token.text in closing:
            return True
        if token.text in _SENTENCE_END and token.text != ".":
            return False
    return False


def _opens(tokens: list[Token], k: int) -> bool:
    """Whether the mark ``tokens[k]`` is glued to the word after it and not to the one before (*"Kurjer*)."""
    glued_before = k > 0 and tokens[k - 1].end == tokens[k].start
    following = tokens[k + 1] if k + 1 < len(tokens) else None
    return not glued_before and following is not None and following.start == tokens[k].end and \
        following.text[:1].isalnum()


def _is_nominal(word: str) -> bool:
    """Only noun or adjective readings (*Dywizją*, *Pułk*), not a word that may open a sentence (*Potem*)."""
    return all(i.pos in {"subst", "adj", "depr", "ign"} for i in get_morphology().analyse(word))


def _governed(preposition: Token | None, noun: Token) -> bool:
    """Whether ``noun`` can stand in a case ``preposition`` governs (*z 1. Pułku*), or no preposition
    comes before the number."""
    if preposition is None:
        return True
    cases = {i.tag.split(":")[1] for i in get_morphology().analyse(preposition.text.lower()) if i.pos == "prep"}
    if not cases:
        return True
    return any(tag_has(i.tag, case, 2) for i in get_morphology().analyse(noun.text) for case in cases)


def _starts_sentence(text: str, position: int) -> bool:
    """Whether the text from ``position`` (after whitespace) looks like a sentence start."""
    found = _NON_SPACE.search(text, position)  # not text[position:].lstrip(): a copy of the rest each time
    if found is None:
        return True
    first = found.group()
    if first in DASHES and _is_speech_tag(text, found.end()):
        return False
    return first.isupper() or first.isdigit() or first in _OPENING


_LOWER_WORD = re.compile(r"\s*([a-ząćęłńóśźż]+)")


def _is_speech_tag(text: str, position: int) -> bool:
    """Whether a dash ending at ``position`` opens the narrator's words after direct speech: a verb in lower
    case follows (*„Dość!” — zawołał*, *— pytano go*); a reply in a dialogue starts a sentence of its own."""
    found = _LOWER_WORD.match(text, position)
    return found is not None and any(i.pos in FINITE_VERBS for i in get_morphology().analyse(found.group(1)))


def _is_boundary(tokens: list[Token], i: int, text: str, abbreviations: Abbreviations) -> bool:
    """Whether sentence-final punctuation ``tokens[i]`` ends a sentence."""
    token = tokens[i]
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if after is None:
        return True
    position = token.end
    while position < len(text) and text[position] in _CLOSING:
        position += 1
    if not _starts_sentence(text, position):
        return False
    if token.text != ".":
        return True
    before = tokens[i - 1] if i > 0 else None
    if before is None or before.end != token.start:
        return True
    word = before.text
    if word.isdigit():
        if len(word) <= 2 and after.text in _ROMAN_MONTH and i + 2 < len(tokens) and tokens[i + 2].text == ".":
            return False  # a day before a month in Roman numerals: "17. II. 1926", "17.II."
        # "52. Dywizja", "1. Pułk": a short number with a dot before a capitalised noun or adjective
        # is an ordinal; before "Potem" or "Nikt" it ends a sentence, and so does the number of a numbered
        # noun or an amount after its currency ("… wydatki rb. 500. Dochody"), and a number after a preposition
        # whose case the noun cannot take ("do 19. Koleje": a cardinal closing the range)
        numbered = i >= 3 and tokens[i - 2].text == "." and \
            _is_abbreviation(tokens[i - 3].text, abbreviations) == "numbered"
        return not (len(word) <= 3 and after.text[:1].isupper() and _is_nominal(after.text) and not numbered
                    and _governed(tokens[i - 2] if i >= 2 else None, after))
    if word in _ROMAN_MONTH and i >= 3 and tokens[i - 2].text == "." and tokens[i - 3].text.isdigit() and \
            len(tokens[i - 3].text) <= 2 and after.text.isdigit():
        return False  # the month of a date before its year: "17. II. 1926"
    if len(word) == 1 and word.isupper():
        return False  # an initial: "J. Piłsudski"
    if _in_quoted_title(tokens, i):
        return False  # an abbreviation inside a quotation closing a few words on: "„N. Wr. Journal” Jerzy R."
    kind = _is_abbreviation(word, abbreviations)
    if kind == "prefix":
        return False
    if kind == "final":
        return after.text[:1].isupper()
    if kind == "title":
        return not _is_name_word(after)
    if kind == "numbered":
        return not (after.text[:1].isdigit() or _ROMAN.fullmatch(after.text))
    if kind == "truncation":
        return not _continues_name(tokens, i, abbreviations)
    return True


def _opens_unpunctuated(tokens: list[Token], i: int, text: str) -> bool:
    """Whether ``tokens[i]`` starts a new sentence though no punctuation ends the one before: a dateline
    after a heading, or a capitalised preposition followed by a lower-case word after a word (a run-in
    heading: "… rolnictwa Na posiedzeniu", "… w Kownie W ub. czwartek"). Names with a preposition
    (*Bitwa Pod Grunwaldem*) continue in capitals and are left alone."""
    previous, token = tokens[i - 1], tokens[i]
    if not previous.text[:1].isalpha() and previous.text not in _CLOSING:
        return False
    if token.text.isupper() and len(token.text) >= 3 and _dateline().match(text, token.start):
        return True
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    return (
        token.text[:1].isupper() and (len(token.text) == 1 or token.text[1:].islower())
        and previous.text[:1].isalpha() and after is not None and after.start > token.end
        and (after.text[:1].islower() or after.text[:1].isdigit())
        and any(i.pos == "prep" for i in get_morphology().analyse(token.text.lower()))
    )


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` with their tokens; spans exclude surrounding whitespace."""
    abbreviations = load_abbreviations()
    sentences: list[Sentence] = []
    for block_start, block_end in _blocks(text):
        tokens = tokenize(text, block_start, block_end)
        current: list[Token] = []
        i = 0
        while i < len(tokens):
            if current and _opens_unpunctuated(tokens, i, text):
                sentences.append(Sentence(current[0].start, current[-1].end, current))
                current = []
            current.append(tokens[i])
            if tokens[i].text in _SENTENCE_END and _is_boundary(tokens, i, text, abbreviations):
                # closing quotes and brackets glued to the punctuation stay with the sentence
                while i + 1 < len(tokens) and tokens[i + 1].text in _CLOSING and (
                    tokens[i + 1].start == tokens[i].end
                ):
                    i += 1
                    current.append(tokens[i])
                sentences.append(Sentence(current[0].start, current[-1].end, current))
                current = []
            i += 1
        if current:
            sentences.append(Sentence(current[0].start, current[-1].end, current))
    return sentences


_BLANK_LINE = re.compile(r"\n[ \t]*\n")  # a paragraph break (the white space after it does not matter)
_NON_SPACE = re.compile(r"\S")
_LINE = re.compile(r"\n")


def _blocks(text: str) -> list[tuple[int, int]]:
    """Spans that no sentence crosses: paragraphs, and lines that end a thought.

    A single line break ends a sentence when the line ends with punctuation or the next line starts
    like a sentence (a heading, a list item); hard-wrapped prose continuing in lower case is kept."""
    cuts: list[int] = []
    last_visible = -1  # the last non-space character before the line break (kept as the text is walked)
    line_start = 0
    for match in _LINE.finditer(text):
        line = text[line_start:match.start()].rstrip()
        if line:
            last_visible = line_start + len(line) - 1
        line_start = match.start()
        if _BLANK_LINE.match(text, match.start()) or last_visible < 0:
            cuts.append(match.start())
        elif text[last_visible] in ".!?…:;" or text[last_visible] in CLOSING_QUOTES or \
                _starts_sentence(text, match.end()):
            cuts.append(match.start())
    spans = []
    start = 0
    for cut in cuts:
        spans.append((start, cut))
        start = cut + 1
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]
