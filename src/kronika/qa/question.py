"""Parsing a Polish question into what it asks and the words it asks about.

The wh-word and its case give the expected answer: *kto* a person in the nominative, *kogo* one in the
accusative, *komu* the dative, *z kim* the instrumental after *z*; *kiedy* a date; *gdzie/skąd/dokąd* a
place at, from or to; *ile/ilu* a quantity of the noun that follows; *jaki/który* + noun an entity of
that noun's class (*W którym roku* asks a year). The rest gives content terms, the main verb, whether
the question is passive (*Kto został aresztowany?* asks the patient) and whether it asks who led.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

from kronika.lang.grammar import CASES, FINITE_VERBS, fully_agrees, known_lemmas, place_question_direction
from kronika.lang.orthography import modernised
from kronika.lang.resources import read_table
from kronika.lang.tokens import tokenize
from kronika.model import Interp, Token
from kronika.morph import get_morphology

OTHER_CLASSES = ("stop", "amount", "command", "happen", "leader", "people", "title", "total", "pronoun", "conjunction",
                 "settlement", "ordinal", "kin", "district", "together", "lasting", "low", "high",
                 "companion", "lose", "beat", "sufferer", "light", "length", "building", "vehicle",
                 "motion")
ASKS = ("person", "time", "place", "quantity", "which", "what")
VERB_CLASSES = {"fin", "praet", "impt", "imps", "inf", "ppas", "bedzie", "pact", "pcon", "pant", "winien"}
FUNCTION_CLASSES = {"prep", "conj", "comp", "qub", "interp", "brev", "ppron3", "ppron12", "siebie"}
PLACE_NOUNS = frozenset({"miasto", "miejscowość", "wieś", "kraj", "państwo", "miejsce", "region", "rzeka"})
TIME_NOUNS = frozenset({"rok", "dzień", "miesiąc", "data", "godzina", "wiek"})
COPULAS = frozenset({"być", "zostać"})
HOUR_PREPOSITIONS = frozenset({"o", "od", "do", "po", "przed", "około"})  # before "której" with "godzinie" left out


@dataclass(frozen=True)
class Term:
    """A content word of a question: its form and every lemma it may have."""

    form: str
    lemmas: frozenset[str]
    name: bool  # capitalised or unknown to the dictionary
    verb: bool  # a verb form: the predicate asked about
    position: int = 0  # index of the word in the question
    main: bool = True  # in the clause of the main verb, not in a relative clause or an aside


@dataclass
class Question:
    text: str
    asks: str  # time, place, person, which, quantity, what, unknown
    cases: frozenset[str] = frozenset()  # the answer's case(s), or a place direction (at, from, to)
    preposition: str | None = None  # "z" in "Z kim…", "w" in "W którym piśmie…"
    noun: Term | None = None  # the noun after jaki/który/ile: "dywizja", "żołnierz"
    measured: Term | None = None  # the genitive after the unit ile counts: "żyta" in "Ile kwintali żyta…?"
    entity_type: str | None = None  # the type that noun names
    terms: list[Term] = field(default_factory=list)
    passive: bool = False  # asks about the patient: "Kto został aresztowany?"
    command: bool = False  # "Kto dowodził …?"
    happened: bool = False  # "Co się stało …?"
    granularity: str | None = None  # "rok" in "W którym roku…"
    lasting: bool = False  # asks a length of time in any unit: "Ile trwał…?", "W jakim czasie…?"
    end: str | None = None  # the end of a range a superlative asks: "low" for "najtańsze", "high" for "najwyższa"
    dimension: str | None = None  # the noun of the size "jak" + adjective asks: "długość" for "Jak długa…?"
    predicates: list[Term] = field(default_factory=list)  # what happened: the main verb, or the event noun
    # subject of a light verb ("Gdzie odbędzie się ingres?")


@lru_cache(maxsize=2)
def load_question_words(language: str = "pl") -> dict[str, frozenset[str]]:
    classes: dict[str, set[str]] = {}
    for number, (name, lemma) in read_table("kronika.qa", f"resources/{language}/question_words.tsv", 2):
        if name not in OTHER_CLASSES and not name.startswith(("type:", "duration:", "dimension:")):
            raise ValueError(f"question_words.tsv line {number}: unknown class {name!r}")
        classes.setdefault(name, set()).add(lemma)
    return {name: frozenset(words) for name, words in classes.items()}


@lru_cache(maxsize=2)
def load_wh_words(language: str = "pl") -> dict[str, tuple[str, frozenset[str]]]:
    """Question word (form or lemma) → (what it asks, the answer's cases or place direction)."""
    words: dict[str, tuple[str, frozenset[str]]] = {}
    for number, (word, asks, case) in read_table("kronika.qa", f"resources/{language}/wh_words.tsv", 3):
        cases = frozenset() if case == "-" else frozenset(case.split("."))
        if asks not in ASKS or not cases <= set(CASES) | {"at", "from", "to"}:
            raise ValueError(f"wh_words.tsv line {number}: unknown class or case in {asks!r} {case!r}")
        words[word] = (asks, cases)
    return words


def _cases_of_interp(interp: Interp) -> frozenset[str]:
    return frozenset(c for part in interp.tag.split(":") for c in part.split(".") if c in CASES)


def _cases(token: Token) -> frozenset[str]:
    return frozenset().union(*(_cases_of_interp(i) for i in token.interps))


def _place_direction(preposition: str | None) -> str | None:
    """The place a "which place" question asks (at, to, from): *W którym mieście…?* asks where; without a
    preposition (*Który kraj otrzymał notę?*) the place is a subject or object, asked as an entity."""
    return None if preposition is None else place_question_direction(preposition)


@lru_cache(maxsize=4096)
def modern_readings(form: str) -> tuple[Interp, ...]:
    """The dictionary readings of a word unknown as written, read in today's spelling: before 1936 j was
    written where i stands now after most consonants (*linja*, *linji*, *żandarmerja* → linia,
    żandarmeria), and before 1918 y (*stacyi*); none when that spelling is unknown too."""
    modern = modernised(form)
    if modern == form:
        return ()
    return tuple(i for i in get_morphology().analyse(modern) if i.tag != "ign")


def modern_lemmas(form: str) -> frozenset[str]:
    return frozenset(i.lemma.lower() for i in modern_readings(form))


def _term(token: Token, first: bool, position: int = 0) -> Term:
    lemmas = known_lemmas(token) or modern_lemmas(token.text)
    verb = any(i.pos in VERB_CLASSES for i in token.interps) and not any(
        i.pos in {"subst", "adj"} for i in token.interps if i.pos != "ppas")
    name = not lemmas or (token.text[:1].isupper() and not first)
    return Term(token.text, lemmas or frozenset({token.text.lower()}), name, verb, position)


def _function_word(token: Token) -> bool:
    return bool(token.interps) and all(i.pos in FUNCTION_CLASSES for i in token.interps)


def _wh(token: Token) -> tuple[str, frozenset[str]] | None:
    table = load_wh_words()
    found = table.get(token.text.lower())
    if found is None:
        found = next((table[lemma] for lemma in sorted(known_lemmas(token)) if lemma in table), None)
        if found is not None and not found[1]:
            found = (found[0], _cases(token))  # "jaką" → acc
    return found


def parse_question(text: str) -> Question:
    words = load_question_words()
    morphology = get_morphology()
    tokens = [t for t in tokenize(text) if t.text[:1].isalnum()]
    for token in tokens:
        token.interps = morphology.analyse(token.text)
    question = Question(text=text, asks="unknown")
    wh_index = next((i for i, t in enumerate(tokens[:4]) if _wh(t) is not None), None)
    skip: set[int] = set()
    if wh_index is not None:
        asks, cases = _wh(tokens[wh_index]) or ("unknown", frozenset())
        question.asks, question.cases = asks, cases
        skip.add(wh_index)
        if wh_index > 0 and any(i.pos == "prep" for i in tokens[wh_index - 1].interps):
            question.preposition = tokens[wh_index - 1].text.lower()
            skip.add(wh_index - 1)
        noun_index = wh_index + 1
        # "czyj" (the person in the genitive) agrees with its noun; the pronouns kto, kogo, komu, kim take
        # none: the noun after them is the question's subject (*Z kim wojewoda odbył konferencję?*)
        possessive = asks == "person" and cases == frozenset({"gen"})
        if (asks in {"which", "quantity"} or possessive) and noun_index < len(tokens):
            candidate = tokens[noun_index]
            if noun_index + 1 < len(tokens) and _qualifies(candidate, tokens[noun_index + 1]):
                noun_index += 1  # "Z jaką średnią szybkością…?": the noun after its adjective
                candidate = tokens[noun_index]
            # the noun "ile" counts stands in the genitive (ile kilometrów, ilu ludzi); one in the nominative
            # is the subject (*O ile deszcze opóźniły…?*)
            counted = asks != "quantity" or "gen" in _cases(candidate)
            # "jaki/który/czyj" agree with their noun in case, number and gender: *Do której trwało…?* has
            # none (*trwało* is a verb here, its noun reading a vocative)
            wh = tokens[wh_index]
            agrees = asks == "quantity" or not any(i.pos == "adj" for i in wh.interps) or fully_agrees(wh, candidate)
            if any(i.pos in {"subst", "depr"} for i in candidate.interps) and not candidate.text[:1].isupper() \
                    and counted and agrees:
                question.noun = _term(candidate, False)
                following = tokens[noun_index + 1] if noun_index + 1 < len(tokens) else None
                if asks == "quantity" and following is not None and following.text.islower() and \
                        "gen" in _cases(following) and any(i.pos == "subst" for i in following.interps):
                    question.measured = _term(following, False, noun_index + 1)
    if question.asks == "which" and question.noun is None and question.preposition in HOUR_PREPOSITIONS and \
            wh_index is not None and tokens[wh_index].text.lower() == "której":
        # "O której…?", "Do której…?": *godzina* is left out after a preposition of time, the hour asked
        question.asks, question.cases = "time", frozenset()
    if wh_index is not None and tokens[wh_index].text.lower() == "jak" and wh_index + 1 < len(tokens):
        # "Jak długa była trasa?": an adjective of size after "jak" asks the amount of that dimension
        size = tokens[wh_index + 1]
        dimension = next((name.removeprefix("dimension:") for name, lemmas in words.items()
                          if name.startswith("dimension:") and known_lemmas(size) & lemmas), None)
        if dimension is not None and any(i.pos == "adj" for i in size.interps):
            question.asks, question.cases, question.noun, question.dimension = "quantity", frozenset(), None, dimension
            skip.add(wh_index + 1)
    if question.asks == "which" and wh_index is not None:
        # "Jaki był obrót…?", "Na jakiej fali…?": a noun whose value is an amount, after "jaki" or after
        # "jaki" and a copula, asks that amount
        asked = question.noun or next((t for t in tokens[wh_index + 2:wh_index + 3]
                                       if known_lemmas(tokens[wh_index + 1]) & COPULAS), None)
        amount = asked.lemmas if isinstance(asked, Term) else known_lemmas(asked) if asked is not None else set()
        if amount & words["amount"]:
            question.asks, question.cases, question.noun = "quantity", frozenset(), None
    noun = question.noun
    if noun is not None and question.asks == "which" and not (
            wh_index is not None and _has_genitive_attribute(tokens, wh_index + 2)):
        for name, lemmas in words.items():
            if name.startswith("type:") and noun.lemmas & lemmas:
                question.entity_type = name.removeprefix("type:")
        if noun.lemmas & TIME_NOUNS:
            question.asks, question.granularity = "time", next(iter(noun.lemmas & TIME_NOUNS))
        elif noun.lemmas & PLACE_NOUNS and (direction := _place_direction(question.preposition)):
            question.asks, question.cases = "place", frozenset({direction})
        elif question.entity_type == "PERSON" and question.preposition is None:
            question.asks = "person"
    if question.asks in {"quantity", "which"} and (noun is None or noun.lemmas & words["lasting"]) and \
            any(known_lemmas(t) & words["lasting"] for t in tokens):
        question.asks, question.lasting = "quantity", True
    if question.asks == "quantity":
        for token in tokens:
            if any(i.pos == "adj" and i.tag.endswith(":sup") for i in token.interps):
                lemmas = known_lemmas(token)
                question.end = "low" if lemmas & words["low"] else "high" if lemmas & words["high"] else question.end
    if question.asks == "what":
        question.happened = any(known_lemmas(t) & words["happen"] for t in tokens)
    main_clause = _main_clause(text, tokens)
    subjects: list[Term] = []
    predicative: list[Term] = []  # a noun in the instrumental after a copula: "Kto był oskarżycielem?"
    copula = any(known_lemmas(t) & COPULAS for t in tokens)
    for position, token in enumerate(tokens):
        lemmas = known_lemmas(token)
        if lemmas & words["command"]:
            question.command = True
        if any(i.pos in {"ppas", "imps"} for i in token.interps) and not any(
                i.pos in {"subst", "adj"} for i in token.interps):
            question.passive = True
        if position in skip or lemmas & (words["stop"] | words["happen"]) or _function_word(token):
            continue
        term = replace(_term(token, position == 0, position), main=main_clause[0] <= token.start < main_clause[1])
        question.terms.append(term)
        if term.main and not term.name and (term.verb or "nom" in _cases(token) and any(
                i.pos in {"subst", "ger"} for i in token.interps)):
            subjects.append(term)
        elif copula and term.main and not term.name and not term.verb and any(
                i.pos == "subst" and "inst" in _cases_of_interp(i) for i in token.interps):
            predicative.append(term)
    verbs = [t for t in subjects if t.verb]
    # "Co się stało w kopalni?" names no happening: the place is not one. With neither a verb nor a subject
    # noun, the noun said of the asked subject after a copula names what it did (*Kto był oskarżycielem?*:
    # who accused), as the verb of its word family does
    question.predicates = [] if question.happened else verbs or subjects[:1] or predicative[:1]
    return question


def _qualifies(word: Token, following: Token) -> bool:
    """Whether the word may be an adjective of the common noun after it, agreeing in case: *średnią
    szybkością* (*średnia* is also a noun)."""
    noun_cases = frozenset().union(*(_cases_of_interp(i) for i in following.interps if i.pos == "subst"))
    return following.text.islower() and not any(i.pos in VERB_CLASSES for i in following.interps) and any(
        i.pos == "adj" and _cases_of_interp(i) & noun_cases for i in word.interps)


def _has_genitive_attribute(tokens: list[Token], index: int) -> bool:
    """Whether a noun in the genitive follows the asked noun: *W którym roku życia…?* asks an ordinal of
    the years of a life, not a year of the calendar; *W którym miejscu tabeli…?* no place."""
    return index < len(tokens) and not tokens[index].text[:1].isupper() and any(
        i.pos == "subst" and "gen" in i.tag.replace(".", ":").split(":") for i in tokens[index].interps)


def _main_clause(text: str, tokens: list[Token]) -> tuple[int, int]:
    """The span between commas that holds the first finite verb: *Gdzie, poza Wilnem, plotka krążyła?*
    → "plotka krążyła"; *Jaką rolę grał X w filmie, od którego wzięła początek plotka?* → the first part."""
    bounds = [0] + [i + 1 for i, c in enumerate(text) if c == ","] + [len(text) + 1]
    finite = next((t.start for t in tokens if any(i.pos in FINITE_VERBS for i in t.interps)), 0)
    for begin, end in zip(bounds, bounds[1:], strict=False):
        if begin <= finite < end:
            return begin, end
    return 0, len(text)

