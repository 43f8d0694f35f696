"""A learned choice of each word's base form where the rules of :mod:`kronika.morph.lemmatize` guess.

The approach of edit-tree lemmatizers (UDPipe, spaCy's trainable lemmatizer), as a ranker: for a word of
a name that Morfeusz does not know, or whose readings are forms of several lemmas, the candidates are
the rules' answer, the word as written (not in the head phrase where Morfeusz reads it only as oblique
cases of proper names: *Brześciu*), its readings' lemmas, and the ending rules' guesses for each
class of names (:func:`kronika.lang.base_forms.guess_base`). Each candidate is an edit of the word
(strip *n* letters, append *s*); an averaged perceptron scores it from features of the word (its
endings, capitalisation, position in the name, whether Morfeusz knows it), of the candidate (which
source proposed it, its edit conjoined with the word's endings, whether Morfeusz reads it as a
nominative and as which kind of name, the shape of its last letters, the pair of the word's ending and
its own with the word's position and capitalisation, and with the number of words) and of the
neighbouring words.
Where the rules are sure of a word that no agreement in the head phrase fixes (Morfeusz reads it as
forms of one lemma) a second set of weights ranks the same candidates, and overrules the rules only when
its choice scores ``SURE_MARGIN`` above theirs (*Europejskiej* as a name-derived adjective). The
weights are learned by ``scripts/learn_lemma_edits.py`` from the Polem KPWr training names only
(``models/lemma-edits-pl.json.gz``); agreement in a phrase stays with Morfeusz's generator, whose
answer is the rules' candidate.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from kronika.lang.base_forms import UNKNOWN, foreign_name_kind, guess_base, oblique_ending
from kronika.lang.grammar import PROPER_QUALIFIERS
from kronika.model import Token
from kronika.morph.analyzer import expand_tag, get_morphology

MODEL_FORMAT = "kronika-lemma-edits/1"
MODEL_FILE = "lemma-edits-pl.json.gz"
_GUESS_CLASSES = ("person", "place", "other")
SURE_MARGIN = 0.5  # how much the model must beat the rules by where they are sure (dev: 0 to 2 alike)
_VOWELS = set("aąeęiouóyäëöüéèáàíìúùâêîôû")
# the singular case endings of Polish nouns a foreign name takes (Benjamina, Lucindy, Malcolmem, Ritchiego)
_FOREIGN_CASE_ENDINGS = ("a", "u", "y", "i", "e", "ie", "ę", "ą", "em", "owi", "go", "ego", "emu", "mu")


@dataclass(frozen=True, slots=True)
class Candidate:
    form: str
    sources: tuple[str, ...]  # what proposed it: rule, keep, lemma:<pos>:<qualifier>, guess:<class>


def edit(form: str, base: str) -> str:
    """The edit that turns ``form`` into ``base``, case folded: letters to strip, ``>``, letters to add."""
    lower, target = form.lower(), base.lower()
    common = 0
    while common < min(len(lower), len(target)) and lower[common] == target[common]:
        common += 1
    return f"{len(lower) - common}>{target[common:]}"


def _match_case(form: str, orth: str) -> str:
    if len(orth) > 1 and orth.isupper():
        return form.upper()
    return (form[:1].upper() if orth[:1].isupper() else form[:1].lower()) + form[1:]


def candidates(token: Token, rule_form: str, in_head: bool = False) -> list[Candidate]:
    """The forms the word ``token`` may be cited in, ``rule_form`` (the rules' answer) first. In the head
    phrase, a word Morfeusz reads only as oblique cases of proper names is no base form as written
    (*Brześciu nad Bugiem*, *Juliusza Słowackiego*): a name is cited in the nominative."""
    proposed: dict[str, list[str]] = {rule_form.lower(): ["rule"]}
    proposed.setdefault(token.text.lower(), []).append("keep")
    forms = {rule_form.lower(): rule_form, token.text.lower(): token.text}
    for interp in token.interps:
        if interp.pos == "ign":
            continue
        lemma = interp.lemma.split(":")[0]
        qualifier = interp.quals[0] if interp.quals else "-"
        forms.setdefault(lemma.lower(), _match_case(lemma, token.text))
        proposed.setdefault(lemma.lower(), []).append(f"lemma:{interp.pos}:{qualifier}")
    for cls in _GUESS_CLASSES:
        guess = guess_base(token.text, cls)
        forms.setdefault(guess.lower(), guess)
        proposed.setdefault(guess.lower(), []).append(f"guess:{cls}")
    for stem, ending in _foreign_stems(token.text):
        forms.setdefault(stem.lower(), stem)
        proposed.setdefault(stem.lower(), []).append(f"foreign:{ending}")
    if in_head and _oblique_proper(token) and rule_form.lower() != token.text.lower():
        del proposed[token.text.lower()]
    # Polish inflects at the end: a candidate keeps the word's first letter (A4 is not 4)
    return [Candidate(forms[key], tuple(dict.fromkeys(sources))) for key, sources in proposed.items()
            if key[:1] == token.text[:1].lower()]


def _oblique_proper(token: Token) -> bool:
    """Whether Morfeusz reads the word only as proper nouns, in oblique cases and none in the nominative
    (*Brześciu*, *Krakowa*; not *Mario*, only a vocative, which may be a foreign forename as written)."""
    readings = [i for i in token.interps if i.pos != "ign"]
    if not readings or not all(i.pos in ("subst", "depr") and PROPER_QUALIFIERS.intersection(i.quals)
                               for i in readings):
        return False
    cases = {full.split(":")[2] for i in readings for full in expand_tag(i.tag)}
    return "nom" not in cases and bool(cases - {"voc"})


def _foreign_stems(word: str) -> list[tuple[str, str]]:
    """(nominative, Polish case ending) where ``word`` is a foreign name's nominative with a Polish case
    ending on it: the stem, or the stem with the *-a*/*-e*/*-o* the ending replaced (*Benjamina* →
    Benjamin, *Lucindy* → Lucinda, *Ritchiego* → Ritchie)."""
    found = []
    for ending in _FOREIGN_CASE_ENDINGS:
        stem = word[: len(word) - len(ending)]
        if word.lower().endswith(ending) and len(stem) > 2:
            found += [(stem + vowel, ending) for vowel in ("", "a", "e", "o")
                      if stem + vowel != word and foreign_name_kind(stem + vowel)]
    return found


def is_ambiguous(token: Token) -> bool:
    """Whether the rules guess at the word: Morfeusz does not know it (and it has none of the hand-written
    oblique endings of Polish names, which are certain: *Stresemannie*), or reads it as forms of several
    lemmas."""
    lemmas = {i.lemma.split(":")[0].lower() for i in token.interps if i.pos != "ign"}
    if not lemmas:
        return oblique_ending(token.text, UNKNOWN) is None
    return len(lemmas) > 1


def decides(choice: Choice) -> bool:
    """Whether the model chooses the word's base form: the rules guess at it, and no other word of the
    head phrase Morfeusz knows tells its reading or case by agreement (*Edwarda Gierka*, *Winstonie
    Churchillu*)."""
    token = choice.tokens[choice.index]
    if not is_ambiguous(token):
        return False
    return not (choice.in_head and choice.agreement)


@lru_cache(maxsize=50_000)
def _nominative_reading(form: str) -> str:
    """How Morfeusz reads a candidate: ``nom`` (some reading is a nominative), ``other`` or ``unknown``."""
    interps = [i for i in get_morphology().analyse(form) if i.pos != "ign"]
    if not interps:
        return "unknown"
    return "nom" if any(":nom" in full for i in interps for full in expand_tag(i.tag)) else "other"


@lru_cache(maxsize=50_000)
def _nominative_kind(form: str) -> str:
    """The name qualifier of a nominative reading of a candidate (``imię``, ``nazwisko``, …), ``common``
    for a common word's, ``-`` for none: Polish cites a name by a form that is itself a name."""
    kinds = {i.quals[0] if i.quals else "common" for i in get_morphology().analyse(form)
             if i.pos != "ign" and any(":nom" in full for full in expand_tag(i.tag))}
    return "+".join(sorted(kinds)) or "-"


def _closing(form: str) -> str:
    """The vowel-consonant shape of a candidate's last three letters (``CCV``: *-nda*): a base form
    ending in a cluster Polish does not end words in is a stripped nominative (*Lucind*, *Ravenn*)."""
    return "".join("V" if c in _VOWELS else "C" for c in form.lower()[-3:])


def _suffix_pair(form: str, base: str) -> str:
    """The word's ending and the candidate's, from one letter before they part, up to 4 letters each
    (*Jacka* → *Jacek*: ``cka>cek``): the same change reads differently after another letter."""
    lower, target = form.lower(), base.lower()
    common = 0
    while common < min(len(lower), len(target)) and lower[common] == target[common]:
        common += 1
    start = max(common - 1, 0)
    return f"{lower[start:][-4:]}>{target[start:][-4:]}"


def _shape(text: str) -> str:
    if text.isupper() and len(text) > 1:
        return "upper"
    return "cap" if text[:1].isupper() else "lower"


def _word_features(tokens: list[Token], i: int) -> list[str]:
    token = tokens[i]
    lower = token.text.lower()
    words = [j for j, t in enumerate(tokens) if t.text[:1].isalpha()]
    position = "only" if len(words) == 1 else "first" if i == words[0] else "last" if i == words[-1] else "mid"
    known = "unknown" if all(t.pos == "ign" for t in token.interps) else "known"
    features = [f"pos={position}", f"shape={_shape(token.text)}", known, f"len={min(len(words), 4)}"]
    features += [f"suf{n}={lower[-n:]}" for n in range(1, 5) if len(lower) > n]
    for offset, name in ((-1, "prev"), (1, "next")):
        j = i + offset
        if 0 <= j < len(tokens) and tokens[j].text[:1].isalpha():
            neighbour = tokens[j].text.lower()
            features.append(f"{name}suf2={neighbour[-2:]}")
            features.append(f"{name}known={any(t.pos != 'ign' for t in tokens[j].interps)}")
        else:
            features.append(f"{name}=none")
    return features


def features(tokens: list[Token], i: int, cls: str, candidate: Candidate) -> list[str]:
    """The features of citing ``tokens[i]`` as ``candidate`` in a name of class ``cls``."""
    token = tokens[i]
    change = edit(token.text, candidate.form)
    lower = token.text.lower()
    word = _word_features(tokens, i)
    reading = _nominative_reading(candidate.form)
    ending = candidate.form.lower()[-2:]
    kind = _nominative_kind(candidate.form)
    pair = _suffix_pair(token.text, candidate.form)
    result = [f"edit={change}", f"cand={reading}", f"cand={reading}|{word[2]}", f"cls={cls}|edit={change}",
              f"candsuf={ending}", f"candsuf={ending}|cls={cls}|{word[0]}", f"candsuf={ending}|cand={reading}",
              f"candkind={kind}", f"candkind={kind}|{word[1]}", f"candsuf3={candidate.form.lower()[-3:]}",
              f"closing={_closing(candidate.form)}|edit={change}",
              f"pair={pair}|{word[0]}|{word[1]}", f"pair={pair}|{word[3]}"]
    # a candidate that is a foreign name's nominative (Lucinda, Benjamin) is likelier the base form
    if foreign := foreign_name_kind(candidate.form):
        result += [f"foreign={foreign}", f"foreign={foreign}|{word[0]}", f"foreign={foreign}|edit={change}"]
    for source in candidate.sources:
        result += [f"src={source}", f"src={source}|cls={cls}", f"src={source}|cand={reading}",
                   f"src={source}|{word[0]}", f"src={source}|{word[2]}"]
    result += [f"edit={change}|{feature}" for feature in word]
    result += [f"edit={change}|suf{n}={lower[-n:]}|cls={cls}" for n in (2, 3) if len(lower) > n]
    return result


@lru_cache(maxsize=1)
def _bundled_weights() -> dict[str, float] | None:
    path = resources.files("kronika.morph").joinpath(f"models/{MODEL_FILE}")
    if not path.is_file():
        return None
    model = json.loads(gzip.decompress(path.read_bytes()).decode("utf-8"))
    if model.get("format") != MODEL_FORMAT:
        raise ValueError(f"{MODEL_FILE}: expected format {MODEL_FORMAT!r}")
    return model["weights"]


_override: list[dict[str, float] | None] = []


def use_weights(weights: dict[str, float] | None) -> None:
    """Score with ``weights`` instead of the bundled model (``None``: the rules alone), as training and
    cross-validation do; ``restore_weights()`` undoes it."""
    _override.append(weights)


def restore_weights() -> None:
    _override.pop()


def _weights() -> dict[str, float] | None:
    return _override[-1] if _override else _bundled_weights()


@dataclass(frozen=True, slots=True)
class Choice:
    """A word the model chooses the base form of, as training sees it."""

    tokens: list[Token]
    index: int
    cls: str
    rule_form: str
    in_head: bool
    agreement: bool  # another word of the head phrase Morfeusz knows agrees with it
    position: int  # among the words and signs the base form keeps
    kept: int


_recorders: list[list[Choice]] = []


def record(into: list[Choice] | None) -> None:
    """Collect the choices instead of making them (``None``: stop), for training."""
    if into is None:
        _recorders.pop()
    else:
        _recorders.append(into)


def choice_features(choice: Choice, candidate: Candidate) -> list[str]:
    """The features of a candidate; where the rules are sure of the word (it is known and unambiguous, or
    agreement fixes it) they are kept apart, as a second model that overrules the rules only by a margin."""
    head = "head" if choice.in_head else "rest"
    result = features(choice.tokens, choice.index, choice.cls, candidate)
    change = edit(choice.tokens[choice.index].text, candidate.form)
    kept = f"kept={min(choice.kept, 4)}|at={min(choice.position, 3)}"
    result += [f"{head}|src={source}" for source in candidate.sources] + [
        f"{head}|edit={change}", f"{head}|{kept}|edit={change}", f"{head}|{result[1]}"]
    return result if decides(choice) else [f"sure|{feature}" for feature in result]


def choose(choice: Choice) -> str:
    """The base form of the word: the best-scored candidate; the rules' form when there is no model or
    the rules do not guess at the word."""
    if _recorders:
        _recorders[-1].append(choice)
        return choice.rule_form
    weights = _weights()
    if weights is None or not ranks(choice):
        return choice.rule_form
    options = candidates(choice.tokens[choice.index], choice.rule_form, choice.in_head)
    scored = [(sum(weights.get(f, 0.0) for f in choice_features(choice, c)), -n, c.form)
              for n, c in enumerate(options)]
    best = max(scored)
    # the rules' form is the first candidate; where the rules are sure, the model must beat it clearly
    if not decides(choice) and best[0] - scored[0][0] <= SURE_MARGIN:
        return choice.rule_form
    if choice.kept == 1 and _adjective_lemma(options[-best[1]]):
        return best[2].lower()  # a name-derived adjective is cited lower case: Europejskiej → europejski
    return best[2]


def _adjective_lemma(candidate: Candidate) -> bool:
    """Whether a candidate is only an adjective's dictionary lemma, no noun's (europejski, not Kowalski)."""
    lemmas = [s for s in candidate.sources if s.startswith("lemma:")]
    return bool(lemmas) and all(s.startswith("lemma:adj:") for s in lemmas)


def ranks(choice: Choice) -> bool:
    """Whether the model ranks the word's candidates at all: not for a hand-written oblique ending
    (*Kalininych*), nor where another word of the head phrase Morfeusz knows fixes its case by agreement
    (*Edwarda Gierka*: Gierek, whatever surnames in *-ka* do elsewhere)."""
    if decides(choice):
        return True
    known = any(i.pos != "ign" for i in choice.tokens[choice.index].interps)
    return known and not (choice.in_head and choice.agreement)
