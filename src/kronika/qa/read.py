"""Reading: the answer in a retrieved sentence.

In each passage the candidates are the mentions of the expected kind — names for *kto/kogo/komu*,
dates for *kiedy*, places for *gdzie/skąd/dokąd*, quantities for *ile* — and, when no name fits, the
noun phrase in the asked case. A candidate's *fit* is how well its syntactic role matches the question:
its case (the subject for *kto*, the accusative object for *kogo*, the dative for *komu*), the
preposition before it (*z* for *z kim*, *w/na/pod* for *gdzie*, *z/od* for *skąd*, *do* for *dokąd*),
*przez X* as the agent of a passive, the genitive after a word of leading (*pod kierownictwem X*, *na
czele X*). A passage's *coverage* is the weighted share of the question's words found in the sentence
(names weigh most, then the verb; related words and shared stems count part; neighbouring sentences a
little). A name the question itself contains is never its answer.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import takewhile

from kronika.geo.curated import load_curated
from kronika.lang.fold import fold
from kronika.lang.grammar import CASES
from kronika.lang.resources import read_table
from kronika.lang.tokens import CLOSING_QUOTES_OF, OPENING_QUOTES
from kronika.model import Analysis, Entity, Quantity, Sentence, Timex, Token
from kronika.morph import get_morphology
from kronika.qa.memo import Parts, Terms
from kronika.qa.question import Question, Term, load_question_words, modern_lemmas, modern_readings
from kronika.qa.retrieve import Passage, expanded_lemmas
from kronika.quantities import quantity_words, read_number
from kronika.store.terms import split_terms

PERSON_TYPES = frozenset({"PERSON", "ORGANIZATION", "COUNTRY", "MILITARY_UNIT"})
PLACE_TYPES = frozenset({"PLACE", "COUNTRY"})
STEM = 5  # shared first letters that count as a related word (przyjął / przyjęcie)
NEIGHBOUR_SHARE = 0.4
TOPIC_SHARE = 0.8  # a question word in the sentences before one that opens with the asked verb: its topic
TOPIC_SENTENCES = 2
FALLBACK_FIT = 0.45  # a noun phrase, not a recognised name
SUBJECT = 0.7  # a noun phrase agreeing with the asked verb as its subject, or in the asked place role
MISSING_NAME = 0.6
OTHER_CLAUSE = 0.6  # a name outside the clause of the question's verb
WRONG_CASE = 0.3  # a name in a case the question does not ask
FINITE = frozenset({"fin", "praet", "imps", "bedzie"})
PARTICIPLES = frozenset({"ppas", "pact", "pcon", "pant"})
ADVERBIAL = frozenset({"pcon", "pant"})  # an adverbial participle heads a clause of its own: "…, lądując w X"
VERBAL = FINITE | PARTICIPLES | {"inf", "impt", "winien"}
ASIDE = 0.5  # weight of a word outside the question's main clause
OTHER_MATTER = 0.5  # of a missing name: a question noun the passage's whole document lacks
DOCUMENT_SHARE = 0.3  # credit of a question name found only elsewhere in the passage's document
UNKNOWN_PLACE = 0.8  # fit of an unknown name taken for a person, after the asked place preposition
DURATION = re.compile(r"P(?P<time>T)?(?P<number>\d+)(?P<unit>[YMWDH])")  # a TIMEX3 duration of one unit
AMOUNT_RANGE_GLUE = re.compile(r"\s{0,3}(?:[-–—]|do)\s{0,3}")  # between the two amounts of a range: "3–5", "3 do 5"
NOMINAL = frozenset({"subst", "adj", "ger", "ign", "depr"})
PART = 0.7  # fit of a number in a sentence that also gives their total
ATTRIBUTE = 0.5  # weight of a question's genitive attribute among the words that tell the asked part
NAMED_PLACE = 0.8  # fit of a building or an institution with its name: a town beside it says where, more often
OTHER_KIND = 0.8  # fit of a place beside the one in apposition to the noun the question asks the kind of
NEAR = 0.6  # fit of a place that locates another place named before it
OTHER_PREPOSITION = 0.6  # fit of a date after no preposition or another than the question's "od kiedy"
DATELINE = re.compile(r"(?:^|\n)[A-ZĄĆĘŁŃÓŚŹŻ][A-ZĄĆĘŁŃÓŚŹŻ .-]+,\s*$")  # the town of a dateline before its date
DATELINE_REACH = 40  # characters of the town's name and its comma
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")  # a TIMEX3 value of a day or a time of it
DIMENSION_UNIT = 0.8  # fit of an amount in a unit of the asked dimension, said with no noun of its own
BOUNDS = frozenset({"od", "do"})  # prepositions of a range's ends: "Do której godziny…?" asks the end
RELATIVE_REACH = 5  # words of a prepositional phrase between an antecedent and its "który"
ADJECTIVAL = frozenset({"adj", "ppas", "pact"})
PRONOUNS = frozenset({"to", "co", "ten", "ów", "tamten", "coś", "nic", "wszystko"})  # lemmas of nouns that stand
# for another
CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")", "–", "—"})
LIST_BREAKS = frozenset({";", ":"})
COORDINATING = frozenset({"i", "oraz", "a", "ale", "lecz", "albo", "lub", "więc"})


@dataclass
class Candidate:
    text: str
    value: object
    start: int
    end: int
    fit: float
    passage: Passage
    coverage: float = 0.0
    score: float = 0.0


@lru_cache(maxsize=2)
def preposition_roles(language: str = "pl") -> dict[str, frozenset[str]]:
    roles: dict[str, set[str]] = {}
    for _number, (preposition, role) in read_table("kronika.qa", f"resources/{language}/prepositions.tsv", 2):
        roles.setdefault(preposition, set()).add(role)
    return {p: frozenset(r) for p, r in roles.items()}


def _cases(token: Token) -> frozenset[str]:
    return _cases_of(token.tag)


@lru_cache(maxsize=4096)  # a few hundred tags recur in every sentence
def _cases_of(tag: str) -> frozenset[str]:
    return frozenset(c for part in tag.split(":") for c in part.split(".") if c in CASES)


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """The names of the states in the curated gazetteer, with their former names (Persja)."""
    return frozenset(name for place in load_curated() if place.kind == "country"
                     for name in (place.name, *place.aliases))


@lru_cache(maxsize=4096)
def _form_readings(form: str) -> frozenset[str]:
    """Every case the form has in the dictionary, whichever the tagger chose."""
    return frozenset(c for i in get_morphology().analyse(form) for c in _cases_of(i.tag))


def _in_case(word: Token, cases: frozenset[str], dative: bool) -> bool:
    """Whether the word stands in one of the cases, or may be the dative its phrase's noun is read as."""
    return bool(_cases(word) & cases) or dative and "dat" in _form_readings(word.text)


def _pos(token: Token) -> str:
    return token.tag.split(":", 1)[0]


def _form_cases(token: Token) -> frozenset[str]:
    """The cases of the word's form, with the accusative that equals the genitive of masculine persons
    (and animals in the singular): the tagger picks one of the two for *Zygmunta*, the role may need the
    other."""
    cases = _cases(token)
    tag = token.tag.split(":")
    if "m1" in tag or "m2" in tag and "sg" in tag:
        if "gen" in cases:
            cases |= {"acc"}
        elif "acc" in cases:
            cases |= {"gen"}
    return cases


def _name_cases(token: Token, person: bool, one_word: bool) -> frozenset[str]:
    """The cases a word of a name may stand in: the form's, with the accusative that equals the genitive of
    a man's name whatever gender the tagger gave it (*Szulca*, *Piaseckiego*), and every case of the form
    when the tagger read a one-word name as a common word (*Nawrot* as *nawrot*: nominative or accusative;
    in *Rady Ministrów* the words are the institution's own)."""
    cases = _form_cases(token)
    if one_word and len(token.text) > 2 and (token.lemma[:1].islower() or _pos(token) == "ign"):
        cases |= {c for i in get_morphology().analyse(token.text) for c in _cases_of(i.tag)}
    tag = token.tag.split(":")
    if person and "sg" in tag and {"m1", "m2", "m3"} & set(tag) and "gen" in cases:
        cases |= {"acc"}
    return cases


def _agreement(tag: str) -> tuple[frozenset[str], frozenset[str]]:
    """The numbers and genders of a tag (*subst:sg:nom:m1*, *praet:pl:m1:perf*); the three masculine
    genders are one in the singular, where their forms are the same (the tagger's pick is a guess)."""
    parts = {value for part in tag.split(":") for value in part.split(".")}
    genders = parts & {"m1", "m2", "m3", "f", "n"}
    if "pl" not in parts and genders & {"m1", "m2", "m3"}:
        genders = (genders - {"m1", "m2", "m3"}) | {"m"}
    return frozenset(parts & {"sg", "pl"}), frozenset(genders)


def _agrees(word: Token, adjective: Token) -> bool:
    """Whether a nominal word shares a case with the adjective, or is unknown to the dictionary (it may
    be the noun: *żandarmerja wojskowa*): the two belong to one phrase."""
    return _pos(word) == "ign" or _pos(word) in NOMINAL and bool(_cases(word) & _cases(adjective))


def _noun_cases(token: Token) -> frozenset[str]:
    """Every case of the form's noun readings: a title before a name agrees with it whichever the tagger
    chose (*poseł* tagged as a genitive plural before *Dont wyraził*)."""
    return frozenset(c for i in get_morphology().analyse(token.text) if i.pos == "subst"
                     for part in i.tag.split(":") for c in part.split(".") if c in CASES)


def _token_words(tokens: list[Token]) -> set[str]:
    """The words' forms and lemmas, and the modern lemmas of words in an older spelling, folded."""
    words = {fold(t.text) for t in tokens} | {fold(t.lemma) for t in tokens}
    return words | {fold(lemma) for t in tokens if _pos(t) == "ign" for lemma in modern_lemmas(t.text)}


def _unit_words(analysis: Analysis, start: int, end: int) -> set[str]:
    """The units of the amounts the quantities stage read between the offsets, as words: "1870 km" speaks of
    kilometres, "32-letni" of years (lata), "2-metrowa" of metres."""
    return {fold(q.unit) for q in analysis.quantities if start <= q.start < end and q.unit}


def _name_adjectives(tokens: list[Token], end: int) -> int:
    """The end of a name with the capitalised adjectives after it that agree with its last word in case: they
    are part of it (*Trójcy Przenajświętszej*, *Krzyża Świętego*)."""
    last = next((i for i, t in enumerate(tokens) if t.end == end), None)
    if last is None:
        return end
    following = last + 1
    while following < len(tokens) and tokens[following].text[:1].isupper() and \
            _pos(tokens[following]) == "adj" and _cases(tokens[following]) & _noun_cases(tokens[last]):
        following += 1
    return tokens[following - 1].end


def _anniversary_genitive(tokens: list[Token], index: int) -> bool:
    """Whether digits, a hyphen and *-lecia* stand at the index: the genitive of a noun of years, *50-lecia*
    (the 50th anniversary), written as one word with its number."""
    return index + 2 < len(tokens) and tokens[index].text.isdigit() and tokens[index + 1].text == "-" and \
        tokens[index + 2].text.lower() == "lecia"


def _common_noun(token: Token) -> bool:
    """A noun with a common-noun reading, capitalised or not ("Doktor" opening a sentence)."""
    return any(i.pos == "subst" and i.lemma[:1].islower() for i in get_morphology().analyse(token.text))


@dataclass(frozen=True)
class _Forms:
    """A question's word as the reader matches it: its folded lemmas and form, the related words that are
    not themselves words of the question, and the stems of the lemmas."""

    lemmas: frozenset[str]
    related: frozenset[str]
    stems: frozenset[str]


class Reader:
    """Scores passages and their candidates against one question."""

    def __init__(self, question: Question) -> None:
        self.question = question
        self.words = load_question_words()
        forms: set[str] = set()
        for term in question.terms:
            forms.add(fold(term.form))
            forms |= {fold(lemma) for lemma in term.lemmas}
        self.question_words = forms
        # the question's words and the words of their meaning (*rozprawa* for *proces*, *konsekracja* for
        # *konsekrował*): what the question says, never its answer
        self.said = forms | {fold(lemma) for term in question.terms for lemma in expanded_lemmas(term.lemmas)}
        self.verbs = {fold(lemma) for p in question.predicates if p.verb for lemma in p.lemmas}
        self._terms: dict[int, _Forms] = {}  # by the id of the question's term
        self._predicate_words: dict[tuple[str, str], bool] = {}  # by a word's folded lemma and form
        self.losing = any(p.verb and p.lemmas & self.words["lose"] for p in question.predicates)
        self.told: set[int] = set()  # ids of the topic nouns a retrieved document uses
        # a run of names is one phrase ("Cechu Ślusarzy, Kowali i Mechaników"): one weight, growing slowly
        # with its length, shared among its words
        self.weighted: list[tuple[list[Term], float]] = []
        for term in question.terms:
            last = self.weighted[-1][0][-1] if self.weighted else None
            if term.name and last is not None and last.name and last.position == term.position - 1:
                group, weight = self.weighted[-1]
                self.weighted[-1] = ([*group, term], weight + 0.5)
            else:
                self.weighted.append(([term], self._weight(term)))

    def _weight(self, term: Term) -> float:
        weight = 1.0
        if term.name:
            weight = 2.0
        elif term.verb or self.question.noun is not None and term.form == self.question.noun.form:
            weight = 1.5
        return weight if term.main else weight * ASIDE

    # --- coverage ---------------------------------------------------------------------------------

    @staticmethod
    def _sentence_terms(passage: Passage, sentence: Sentence) -> Terms:
        """The words of a sentence (forms, lemmas, modern readings of old spellings, its names' base
        words), derived once per cached document: they do not depend on the question."""
        key = (sentence.start, sentence.end)
        if key not in passage.memo.terms:
            words = _token_words(sentence.tokens) | _unit_words(passage.analysis, sentence.start, sentence.end)
            for entity in passage.analysis.entities:
                if sentence.start <= entity.start < sentence.end:
                    words.update(split_terms(entity.lemma))
            passage.memo.terms[key] = Terms.of(words)
        return passage.memo.terms[key]

    def _forms(self, term: Term) -> _Forms:
        forms = self._terms.get(id(term))
        if forms is None:
            lemmas = frozenset({fold(lemma) for lemma in term.lemmas} | {fold(term.form)})
            # a word the question itself holds matches that word only: "odczyt" in the sentence is the asked
            # lecture, not also the related word of the asked verb (*Kto wygłosi odczyt?*)
            related = frozenset({fold(lemma) for lemma in expanded_lemmas(term.lemmas)} - self.question_words)
            forms = self._terms[id(term)] = _Forms(lemmas, related, frozenset(w[:STEM] for w in lemmas
                                                                              if len(w) > STEM))
        return forms

    def _match(self, term: Term, terms: Terms) -> float:
        forms = self._forms(term)
        if not forms.lemmas.isdisjoint(terms.words):
            return 1.0
        if not forms.related.isdisjoint(terms.words):
            return 0.8
        if any(word not in self.question_words for stem in forms.stems for word in terms.longer_with_stem(stem)):
            return 0.6
        return 0.0

    def _predicate_word(self, token: Token) -> bool:
        """Whether the word says the question's happening (its verb, or a word related to it); for "what
        happened", a verb of happening (class `light`: *nastąpił wybuch*)."""
        if self.question.happened:
            return token.lemma in self.words["light"]
        key = (fold(token.lemma), fold(token.text))
        if key not in self._predicate_words:
            words = Terms.of(set(key))
            self._predicate_words[key] = any(self._match(p, words) for p in self.question.predicates) or \
                self._companion(token.lemma)
        return self._predicate_words[key]

    def _companion(self, lemma: str) -> bool:
        """Whether the verb's subject is the partner *z kim* asks about, whatever was done together: *Z kim
        odbył lot X?* ← *Towarzyszył mu Y*; and a converse verb of beating, for a verb of losing: *Z kim
        przegrał X?* ← *Y pokonał X*."""
        return self.question.preposition == "z" and self.question.asks == "person" and (
            lemma in self.words["companion"] or lemma in self.words["beat"] and self.losing)

    def coverage(self, passage: Passage) -> float:
        total = sum(weight for _, weight in self.weighted)
        if not total:
            return 0.0
        own = self._sentence_terms(passage, passage.sentence)
        around = self._around_terms(passage)
        found = 0.0
        missing = 0.0
        predicates = self.question.predicates
        # a verb of accompanying says whatever the two did together (*Towarzyszył mu X* for *Z kim odbył lot?*)
        together = any(self._companion(t.lemma) for t in passage.sentence.tokens)
        if predicates and not self.question.command and not any(self._match(t, own) for t in predicates) and \
                not together:
            # the question asks about a happening this sentence does not name (who led may be said by a
            # genitive alone: "Grupa „Polesie” gen. Kleeberga")
            missing += 0.5
        # a sentence opening with the asked verb goes on with the topic the sentence before it named and
        # leaves it unsaid (*Stanął przed sądem kasjer X. Oskarżał prokurator Y.*): that sentence's words
        # count nearly as its own
        first = passage.sentence.tokens[0] if passage.sentence.tokens else None
        opens_with_verb = first is not None and _pos(first) in FINITE and self._predicate_word(first)
        topic = self._previous_terms(passage) if opens_with_verb else None
        for group, weight in self.weighted:
            share = sum(max(self._match(t, own), NEIGHBOUR_SHARE * self._match(t, around),
                            TOPIC_SHARE * self._match(t, topic) if topic is not None else 0.0,
                            float(together and t in predicates)) for t in group)
            found += weight * share / len(group)
            if group[0].name and not share:
                # a name elsewhere in the document is the topic the passage speaks of; a name the whole
                # document lacks means it speaks of something else (Hel, not Różan)
                document = self._document_terms(passage)
                if any(self._match(t, document) for t in group):
                    found += weight * DOCUMENT_SHARE
                else:
                    missing += 1
            elif not share and id(group[0]) in self.told and \
                    not any(self._match(t, self._document_terms(passage)) for t in group):
                # a noun of the question the whole note never uses (nor a word related to it), when another
                # retrieved note does, says the note tells of another matter: the report of a board is not
                # in a note on a forged will
                missing += OTHER_MATTER
        return found / total * MISSING_NAME ** missing

    def know_documents(self, passages: list[Passage]) -> None:
        """Note the question's topic nouns some retrieved document uses (see :meth:`coverage`)."""
        documents = {id(p.analysis): p for p in passages}.values()
        self.told = {id(group[0]) for group, _ in self.weighted if self._topic_noun(group[0]) and any(
            self._match(t, self._document_terms(p)) for p in documents for t in group)}

    def _topic_noun(self, term: Term) -> bool:
        """A common noun of the question's main clause naming its matter, not the asked thing itself (*Ile
        pieniędzy…?*: the amount may come in złoty alone)."""
        if term.verb or term.name or not term.main or any(
                asked is not None and asked.form == term.form
                for asked in (self.question.noun, self.question.measured)):
            return False
        readings = {i.pos for i in get_morphology().analyse(term.form)} or {i.pos for i in modern_readings(term.form)}
        return readings == {"subst"}

    def _around_terms(self, passage: Passage) -> Terms:
        key = (passage.position, passage.last)
        if key not in passage.memo.around:
            sentences = passage.analysis.sentences
            passage.memo.around[key] = Terms.of(set().union(*(self._sentence_terms(passage, sentences[i]).words
                                                              for i in passage.around())))
        return passage.memo.around[key]

    def _previous_terms(self, passage: Passage) -> Terms | None:
        """The words of the topic: the sentences before, up to TOPIC_SENTENCES of them within the paragraph
        (*Premiera X odbyła się w Krakowie. Sztuka … Reżyserował dyr. Y.*)."""
        sentences = passage.analysis.sentences
        text = passage.analysis.document.text
        words: set[str] = set()
        position = passage.position
        while position > 0 and passage.position - position < TOPIC_SENTENCES and \
                "\n" not in text[sentences[position - 1].end:sentences[position].start]:
            position -= 1
            words |= self._sentence_terms(passage, sentences[position]).words
        return Terms.of(words) if words else None

    def _document_terms(self, passage: Passage) -> Terms:
        if passage.memo.document is None:
            # the words of every sentence, read in one pass (a name counts when it starts in a sentence)
            sentences = passage.analysis.sentences
            terms = set(split_terms(passage.analysis.document.title or ""))  # the headline names the topic
            terms |= _token_words([t for sentence in sentences for t in sentence.tokens])
            terms |= _unit_words(passage.analysis, 0, len(passage.analysis.document.text))
            starts = [sentence.start for sentence in sentences]
            for entity in passage.analysis.entities:
                index = bisect_right(starts, entity.start) - 1
                if index >= 0 and entity.start < sentences[index].end:
                    terms.update(split_terms(entity.lemma))
            passage.memo.document = Terms.of(terms)
        return passage.memo.document

    # --- candidates -------------------------------------------------------------------------------

    def _mentioned(self, entity_lemma: str, text: str) -> bool:
        """Whether the question names this (so it is not the answer)."""
        words = [w for w in split_terms(entity_lemma) if len(w) > 2 or w.isdigit()]
        if not words:
            return False
        forms = self.question_words
        stems = {w[:STEM] for w in forms if len(w) > STEM}
        return all(w in forms or (len(w) > STEM and w[:STEM] in stems) for w in words) or fold(text) in forms

    def _tokens(self, passage: Passage, start: int, end: int) -> list[Token]:
        return [t for t in passage.sentence.tokens if start <= t.start < end]

    def _before(self, passage: Passage, start: int, skip_titles: bool = True) -> Token | None:
        tokens = [t for t in passage.sentence.tokens if t.end <= start]
        while tokens and skip_titles and (tokens[-1].text == "." or _pos(tokens[-1]) in {"brev", "adj"}
                                          or tokens[-1].text.lower() in self.words["title"]):
            if tokens.pop().text == "." and tokens and tokens[-1].text.isalpha():
                tokens.pop()  # a word before a period inside a sentence is abbreviated: "kpt. ż. w." (not "w")
        return tokens[-1] if tokens else None

    def _entities(self, passage: Passage, types: frozenset[str]) -> list[Entity]:
        sentence = passage.sentence
        return [e for e in passage.analysis.entities
                if sentence.start <= e.start < sentence.end and e.parent is None and e.type in types
                and not self._mentioned(e.lemma, e.text) and not self._surname_asked(e)]

    def _surname_asked(self, entity: Entity) -> bool:
        """Whether the question names the person by the surname alone: *Z kim odbył lot Brzoza?* is about
        Jan Brzoza, who is not its answer."""
        words = split_terms(entity.lemma)
        return entity.type == "PERSON" and len(words) > 1 and len(words[-1]) > 2 and words[-1] in self.question_words

    def _after_noun(self, passage: Passage, start: int) -> bool:
        """Whether the name stands in apposition to the question's noun, in today's spelling or the one of
        its time: *publicysty niemieckiego Silexa*, *relikwje św. Wiktorji* (relikwie)."""
        noun = self.question.noun
        if noun is None:
            return False
        tokens = [t for t in passage.sentence.tokens if t.end <= start][-4:]
        return any(t.lemma in noun.lemmas or _pos(t) == "ign" and modern_lemmas(t.text) & noun.lemmas
                   for t in tokens)

    def _unnamed_capitals(self, passage: Passage) -> list[Token]:
        """Capitalised words after the sentence's first that no name stage recognised and the question
        does not contain."""
        sentence = passage.sentence
        named = [(e.start, e.end) for e in passage.analysis.entities if sentence.start <= e.start < sentence.end]
        return [t for t in sentence.tokens[1:]
                if t.text[:1].isupper() and t.text.isalpha() and not any(a <= t.start < b for a, b in named)
                and not self._mentioned(t.text, t.text)]

    def _apposed_names(self, passage: Passage) -> list[Token]:
        """Capitalised words no name stage recognised, in apposition to the question's noun."""
        return [t for t in self._unnamed_capitals(passage) if self._after_noun(passage, t.start)]

    def _after_title(self, passage: Passage, start: int) -> bool:
        """Whether a personal title stands before the name, initials aside: *p. A. Lipka*."""
        tokens = [t for t in passage.sentence.tokens if t.end <= start]
        while tokens and (tokens[-1].text == "." or len(tokens[-1].text) == 1 and tokens[-1].text.isupper()):
            tokens.pop()
        return bool(tokens) and tokens[-1].text.lower() in self.words["title"]

    def _titled_names(self, passage: Passage) -> list[Entity]:
        """Capitalised words no name stage recognised, after a personal title: *wygłosi dr Schreneich*."""
        return [Entity("", t.start, t.end, t.text, "PERSON", t.text) for t in self._unnamed_capitals(passage)
                if self._after_title(passage, t.start)]

    def _title_of(self, passage: Passage, entity: Entity) -> Token | None:
        title = self._apposed_title(passage, entity.start) if entity.type == "PERSON" else None
        first = next(iter(self._tokens(passage, entity.start, entity.end)), None)
        if title is None or first is None:
            return title
        # a name in apposition shares its title's case and number; one whose form cannot (the dictionary
        # knowing it) is the title's genitive attribute: "prezes Izby …", not a man named Izba
        readings = [i for i in get_morphology().analyse(first.text) if i.tag != "ign"]
        number, _ = _agreement(title.tag)
        cases = _form_cases(title)
        if readings and not any(_cases_of(i.tag) & cases and _agreement(i.tag)[0] & number for i in readings):
            return None
        return title

    def _apposed_title(self, passage: Passage, start: int) -> Token | None:
        """The personal noun a name stands in apposition to, past adjectives, abbreviations and the noun's
        genitive attribute: *radca ministerjalny dr. Kazys Srouga*, *naczelnik Tatrzańskiego Pogotowia
        Ratunkowego Józef Oppenheim*. The name shares its case (which the tagger may miss on the name)."""
        institutions = [(e.start, e.end) for e in passage.analysis.entities if e.type != "PERSON"]
        before = [t for t in passage.sentence.tokens if t.end <= start][-8:]
        for index in reversed(range(len(before))):
            token = before[index]
            # a word before a period inside a sentence is abbreviated, not a preposition: "kpt. ż. w. X"
            abbreviated = index + 1 < len(before) and before[index + 1].text == "." and token.text.isalpha() \
                and _pos(token) != "subst"
            if any(a <= token.start < b for a, b in institutions) or token.text == "." or abbreviated or \
                    _pos(token) in {"adj", "brev", "ign"}:
                continue
            if _pos(token) != "subst" or not _common_noun(token):
                return None
            if ":m1" in token.tag or token.lemma in self.words["people"] | self.words["title"] | self.words["kin"]:
                return token
            if "gen" not in _cases(token):
                return None  # a noun that is no person and no attribute: "sprawę Piotra Sawickiego"
        return None

    def _same_clause(self, passage: Passage, start: int) -> bool:
        """Whether the name stands in the clause of the question's verb. A sentence falls into clauses at
        punctuation and at coordinating conjunctions; a piece without a finite verb of its own is elliptical
        and shares the verb of the clause before it (*Komendantem wybrano X, inspektorem zaś Y*), or, when it
        opens the sentence, of the one after it (*X, kupiec z Radomia, zeznał*). So in *Sąd ukarał X
        grzywną, Y zaś zwolnił* X is the object of *ukarał*, not of *zwolnił*."""
        tokens = passage.sentence.tokens
        # the asked verb as a finite form, an adverbial participle or a passive one ("wywożeni byli"); else
        # its noun, which heads a clause of its own (*pod kierownictwem X; lekarzem był Y*: X led). A question
        # asking by a noun after a copula (*Kto był sędzią?*) has its role where that noun stands, before a
        # verb of its family (*sędzią był X, na punkty sędziowali Y i Z*)
        verbal = [i for i, t in enumerate(tokens) if _pos(t) in FINITE | ADVERBIAL | {"ppas"} and
                  self._predicate_word(t)]
        nominal = [i for i, t in enumerate(tokens) if _pos(t) in {"subst", "ger"} and self._predicate_word(t)]
        predicates = self.question.predicates
        verbs = (nominal or verbal) if predicates and not any(p.verb for p in predicates) else (verbal or nominal)
        if not verbs:
            return True
        clauses = self._clauses(passage)
        return clauses[self._index_at(passage, start)] in {clauses[i] for i in verbs}

    @staticmethod
    def _clauses(passage: Passage) -> list[int]:
        """The clause of each of the sentence's words, numbered by the piece that holds its finite verb or
        adverbial participle (*przelecieli nad X, lądując po drodze w Y*: Y is where they landed)."""
        key = (passage.sentence.start, passage.sentence.end)
        if key in passage.memo.clauses:
            return passage.memo.clauses[key]
        tokens = passage.sentence.tokens
        # the sentences a passage joins (cut after an abbreviation) end clauses where a capital follows
        joined = {s.start for s in passage.analysis.sentences[passage.position + 1:passage.last + 1]}
        piece = [0] * len(tokens)
        opening = {0}  # the pieces that open a sentence
        for index in range(1, len(tokens)):
            starts = tokens[index].start in joined and tokens[index].text[:1].isupper()
            boundary = tokens[index].text in CLAUSE_BREAKS or tokens[index].text.lower() in COORDINATING and \
                tokens[index - 1].text not in CLAUSE_BREAKS or starts
            piece[index] = piece[index - 1] + boundary
            if starts:
                opening.add(piece[index])
        verbal = {piece[i] for i, t in enumerate(tokens) if _pos(t) in FINITE | ADVERBIAL}
        # a relative clause is set inside the clause of the phrase before it (*Kasjer X, który próbował
        # …, został raniony*): a sentence's opening phrase belongs to the first clause after it that is not one
        relative = {piece[i] for i, t in enumerate(tokens)
                    if t.lemma == "który" and (i == 0 or tokens[i - 1].text in CLAUSE_BREAKS)}
        owner: list[int] = []
        for number in range(piece[-1] + 1 if tokens else 0):
            if number in verbal:
                owner.append(number)
            elif owner and number not in opening:  # elliptical: the clause before
                owner.append(owner[-1])
            else:  # opening a sentence: its first main clause with a finite verb
                owner.append(min((v for v in verbal - relative if v > number),
                                 default=min((v for v in verbal if v > number), default=owner[-1] if owner else 0)))
        passage.memo.clauses[key] = clauses = [owner[p] for p in piece]
        return clauses

    def _passive(self, passage: Passage) -> bool:
        """Whether the sentence says what the question asks in the passive: the question's verb stands in it
        as a passive participle or an impersonal form, or, when it is not there, any verb does. *przez X*
        of a participle beside an active verb (*cukrowni przez X założonej, wynalazł*) is no agent."""
        tokens = passage.sentence.tokens
        voices = {_pos(t) in {"ppas", "imps"} for t in tokens if _pos(t) in FINITE | {"ppas"}
                  and self._predicate_word(t)}
        if voices:
            return True in voices
        return any(_pos(t) in {"ppas", "imps"} for t in tokens)

    def _person_fit(self, passage: Passage, entity: Entity) -> float:
        if self._relative_subject(passage, entity):
            return 1.0
        fit = min(self._role_fit(passage, entity), self._subject_fit(passage, entity))
        return fit if self._same_clause(passage, entity.start) else fit * OTHER_CLAUSE

    def _relative_subject(self, passage: Passage, entity: Entity) -> bool:
        """For *kto* with an active verb, whether the name (or the noun it is the genitive of) is the
        antecedent of *który* in the nominative whose clause has the asked verb: the pronoun is that verb's
        subject and stands for the name (*rodzinie Zambrzyckich z Warszawy, która ufundowała dzwony*). The
        antecedent is the phrase right before the comma, a prepositional phrase after it aside, agreeing
        with the pronoun in number and gender."""
        question = self.question
        if question.passive or "nom" not in question.cases or not any(p.verb for p in question.predicates):
            return False
        tokens = passage.sentence.tokens
        last = next((i for i, t in enumerate(tokens) if t.end >= entity.end), len(tokens))
        first = next((i for i, t in enumerate(tokens) if t.start >= entity.start), last)
        comma = last + 1
        if comma < len(tokens) and _pos(tokens[comma]) == "prep":  # "z Warszawy"
            comma += 1
            while comma < len(tokens) and comma <= last + RELATIVE_REACH and tokens[comma].text not in CLAUSE_BREAKS:
                comma += 1
        if comma + 1 >= len(tokens) or tokens[comma].text != "," or tokens[comma + 1].lemma != "który" or \
                "nom" not in _cases(tokens[comma + 1]):
            return False
        pronoun = _agreement(tokens[comma + 1].tag)
        heads = [tokens[first]] + ([tokens[first - 1]] if first > 0 and _pos(tokens[first - 1]) == "subst" else [])
        if not any(pronoun[0] & _agreement(h.tag)[0] and pronoun[1] & _agreement(h.tag)[1] for h in heads):
            return False
        clauses = self._clauses(passage)
        own = clauses[comma + 1]
        return any(clauses[i] == own and _pos(t) in FINITE and self._predicate_word(t)
                   for i, t in enumerate(tokens[comma + 2:], start=comma + 2))

    def _subject_fit(self, passage: Passage, entity: Entity) -> float:
        """For *kto* with an active verb, a name with no preposition in a sentence without a finite form of
        that verb is the subject or object of another: plainly so when the sentence has the asked verb only
        as a passive participle, which tells its patient (*Sąd rozpatrywał sprawę X, oskarżonego o
        zabójstwo*: the court did not accuse); likely when it lacks the verb (*Czytelnia wydała raut* does
        not say who sang)."""
        question = self.question
        if question.passive or question.command or "nom" not in question.cases or \
                not any(p.verb for p in question.predicates):
            return 1.0
        title = self._title_of(passage, entity)
        before = self._before(passage, entity.start if title is None else title.start)
        tokens = passage.sentence.tokens
        if before is not None and _pos(before) == "prep" or not any(_pos(t) in FINITE for t in tokens):
            return 1.0  # "zorganizowane przez AZS": the participle's agent
        asked = [t for t in tokens if self._predicate_word(t)]
        if not asked:
            return OTHER_CLAUSE
        return WRONG_CASE if all(_pos(t) == "ppas" for t in asked) else 1.0

    def _role_fit(self, passage: Passage, entity: Entity) -> float:
        question = self.question
        if self._after_noun(passage, entity.start):
            return 1.0
        # the case of the title a person's name stands in apposition to, or else of the name's first declined
        # word ("3. Armią": not the digit)
        title = self._title_of(passage, entity)
        cases = _form_cases(title) if title is not None else next(
            (c for t in self._tokens(passage, entity.start, entity.end)
             if (c := _name_cases(t, entity.type == "PERSON", " " not in entity.text))), frozenset())
        if title is None and "acc" in cases and "nom" not in cases and self._agrees_with_verb(passage, entity):
            cases |= {"nom"}  # a plural not of men has one form for both: "Maszynę zbudowały Warsztaty X"
        # the word governing the phrase: "przez stróża nocnego Jana Bułhaka" is an agent
        before = self._before(passage, entity.start if title is None else title.start)
        preposition = before.lemma.lower() if before is not None and _pos(before) == "prep" else None
        sentence_passive = self._passive(passage)
        if question.command:
            if before is not None and (before.lemma in self.words["leader"] or preposition == "przez"):
                return 1.0
            after = [t for t in passage.sentence.tokens if t.start >= entity.end][:2]
            if preposition == "z" and len(after) == 2 and _pos(after[0]) == "prep" and \
                    after[1].lemma in self.words["leader"]:
                return 1.0  # "z płk. X na czele": the one at the head of the group named before
            if "gen" in cases and before is not None and _pos(before) not in {"prep", "fin", "praet"}:
                if entity.type != "PERSON":
                    # what a person heads ("naczelnik Pogotowia Ratunkowego"), or whose the group is ("wyprawa
                    # Akademickiego Klubu"), not who leads
                    return 0.3
                return 0.8  # "Grupa „Polesie” gen. Kleeberga": the unit's commander
        complex_preposition = self._complex_preposition(passage, before)
        if complex_preposition is not None:
            # a complex preposition stands as the simple ones of its role: "w towarzystwie X" as "z X"; its
            # agent ("według projektu X") answers "kto" when its noun names the asked happening
            roles = complex_preposition[1]
            if question.preposition:
                return 1.0 if roles & preposition_roles().get(question.preposition, frozenset()) else 0.2
            if "by" in roles and "nom" in question.cases and not question.passive and self._predicate_word(before):
                return 1.0
        if question.preposition:
            following = next((t for t in passage.sentence.tokens if t.start >= entity.end), None)
            if following is not None and _pos(following) in FINITE and self._companion(following.lemma) or \
                    preposition is None and "nom" in cases and any(
                        self._companion(t.lemma) for t in passage.sentence.tokens if _pos(t) in FINITE):
                # the subject of "towarzyszył mu" is the one "z kim" asks about; a name right before that
                # verb is its subject whatever stands before it (*w koguciej Sándor Tóth pokonał X*)
                return 1.0
            if preposition == question.preposition and (not question.cases or cases & question.cases):
                # "wraz z X" joins X to the subject: with the subject, not the partner "z kim" asks about
                # ("X wraz z Y miał konferencję z Z")
                together = self._before(passage, before.start, skip_titles=False) if before is not None else None
                return 0.5 if together is not None and together.lemma in self.words["together"] else 1.0
            return 0.2
        wanted = set(question.cases)
        if question.passive and "nom" in wanted:
            wanted.add("acc")  # "Kto został aresztowany?" ← "aresztowała sierżanta"
        # "Kogo postrzelili?" ← "Kasjer X został raniony strzałem": the subject of the asked verb's passive
        passive_subject = not question.passive and "acc" in wanted and "nom" in cases and any(
            _pos(t) == "ppas" and self._predicate_word(t) for t in passage.sentence.tokens)
        if passive_subject:
            wanted.add("nom")
        if preposition == "przez" and sentence_passive and not question.passive and "nom" in question.cases:
            return 1.0  # the agent of a passive sentence answers an active "kto"
        if preposition is not None and (preposition != "przez" or not sentence_passive):
            return 0.25
        if "acc" in question.cases and before is not None and _pos(before) in {"subst", "ger"} and \
                "gen" in cases and not self._after_noun(passage, entity.start) and not self._predicate_word(before):
            # a noun's genitive attribute, not the verb's object: "dom p. Jana Gajewskiego"; but the genitive
            # of a noun of the asked happening is its patient: "zabójstwo Antoniego Lisa"
            return WRONG_CASE
        if cases & wanted:
            # the genitive of "kogo" is the object of a negated verb only; mostly it is someone's genitive
            return 0.6 if question.cases == frozenset({"acc", "gen"}) and not cases & {"acc"} and \
                not passive_subject else 1.0
        return 0.7 if not cases else WRONG_CASE  # an undeclined (foreign) name may stand in any case

    def _agrees_with_verb(self, passage: Passage, entity: Entity) -> bool:
        """Whether the name's first word may be a nominative agreeing in number and gender with a finite form
        of the asked verb (the nominative and accusative plural of all but men are one form)."""
        first = next(iter(self._tokens(passage, entity.start, entity.end)), None)
        if first is None:
            return False
        nominatives = [_agreement(i.tag) for i in get_morphology().analyse(first.text) if "nom" in _cases_of(i.tag)]
        for token in passage.sentence.tokens:
            if _pos(token) in {"fin", "praet"} and self._predicate_word(token):
                number, gender = _agreement(token.tag)
                if any(number & n and (not gender or gender & g) for n, g in nominatives):
                    return True
        return False

    def _place_fit(self, passage: Passage, start: int) -> float:
        before = self._before(passage, start, skip_titles=False)
        place = next((t for t in passage.sentence.tokens if t.start >= start), None)
        if before is not None and before.lemma in self.words["settlement"] and place is not None:
            # a name in apposition to a noun of a settlement is placed by the noun: "we wsi Wawrzyszew"
            place, before = before, self._before(passage, before.start, skip_titles=False)
        complex_preposition = self._complex_preposition(passage, before)
        if complex_preposition is not None:
            before, roles = complex_preposition
        elif before is None or _pos(before) != "prep":
            return 0.4
        else:
            roles = preposition_roles().get(before.text.lower(), frozenset())
        cases = _cases(place) if place is not None else frozenset()
        if roles >= {"at", "to"} and cases & {"loc", "acc"}:
            # w, na, pod: with the locative where something is, with the accusative where it goes
            roles = roles - {"to"} if "loc" in cases else roles - {"at"}
        fit = 1.0 if roles & self.question.cases else 0.6 if roles & {"at", "from", "to"} else 0.3
        if "near" in roles and self._after_place(passage, before):
            fit *= NEAR  # "Wawrzyszew pod Warszawą": Warsaw locates the village, it is not the place asked
        return fit

    def _complex_preposition(self, passage: Passage, noun: Token | None) -> tuple[Token, frozenset[str]] | None:
        """The first word and the roles of a complex preposition ending in the noun: *w kierunku* (to)."""
        if noun is None or _pos(noun) != "subst":
            return None
        before = self._before(passage, noun.start, skip_titles=False)
        roles = preposition_roles().get(f"{before.text.lower()} {noun.text.lower()}") if before is not None else None
        return (before, roles) if before is not None and roles else None

    def _apposed_to_noun(self, passage: Passage, start: int) -> bool:
        """Whether the name stands right after the question's noun, titles aside: *we wsi Tereszpol*."""
        head = self._before(passage, start)
        return head is not None and head.text.islower() and self.question.noun is not None and \
            head.lemma in self.question.noun.lemmas

    def _named_noun(self, passage: Passage, start: int) -> Token | None:
        """The common noun a name stands after, titles and abbreviations aside, when it is no settlement
        (those place the name itself) and no district that holds the place asked (*w Rudniku, w powiecie
        Niskim*): *szpitala św. Łazarza*, *kościele Mariackim*."""
        before = self._before(passage, start)
        if before is None or _pos(before) != "subst" or not before.text.islower() or \
                before.lemma in self.words["settlement"] | self.words["district"]:
            return None
        return before

    def _located_by(self, passage: Passage, end: int) -> Entity | None:
        """The place named right after a common noun's phrase by a preposition of nearness or place (*lotnisko
        pod Atenami*, *stocznia w Monfalcone*): it locates the noun."""
        following = [t for t in passage.sentence.tokens if t.start >= end][:2]
        if len(following) < 2 or _pos(following[0]) != "prep" or not preposition_roles().get(
                following[0].text.lower(), frozenset()) & {"near", "at"}:
            return None
        return next((e for e in passage.analysis.entities if e.start == following[1].start
                     and e.type in PLACE_TYPES), None)

    def _after_place(self, passage: Passage, token: Token) -> bool:
        """Whether the word before the token ends a place name."""
        previous = self._before(passage, token.start, skip_titles=False)
        return previous is not None and any(e.start <= previous.start < e.end and e.type in PLACE_TYPES
                                            for e in passage.analysis.entities)

    @staticmethod
    def _genitive_attribute(tokens: list[Token], last: int) -> int:
        """The end of a genitive attribute after a noun (with its adjectives): *sali kasyna garnizonowego*,
        *departamentowi stanu*, *budowę nowej przystani*; the index of the phrase's last token."""
        following = last + 1
        while following < len(tokens) and _pos(tokens[following]) == "adj" and "gen" in _cases(tokens[following]) \
                and tokens[following].text.islower():
            following += 1  # the attribute's own adjectives before it: "budowę nowej przystani"
        if following < len(tokens) and _pos(tokens[following]) == "subst" and "gen" in _cases(tokens[following]) \
                and tokens[following].text.islower():
            last = following
            while last + 1 < len(tokens) and _pos(tokens[last + 1]) == "adj" and "gen" in _cases(tokens[last + 1]):
                last += 1
        return last

    def _noun_phrases(self, passage: Passage, cases: frozenset[str]) -> list[tuple[int, int]]:
        """Spans of nouns in one of the cases (with their adjectives), not words of the question."""
        tokens = passage.sentence.tokens
        key = (passage.sentence.start, passage.sentence.end)
        if key not in passage.memo.tags:  # each word's part of speech and cases, once per cached document
            passage.memo.tags[key] = [(_pos(t), _cases(t)) for t in tokens]
        spans = []
        for index, (token, (pos, token_cases)) in enumerate(zip(tokens, passage.memo.tags[key], strict=True)):
            if pos in ADJECTIVAL and token.text.islower() and token_cases & cases and \
                    token.lemma not in self.words["pronoun"] and (index == 0 or not _agrees(tokens[index - 1], token)
                    and tokens[index - 1].lemma not in {"być", "zostać"}):
                # adjectives or participles with no noun agreeing before or after them stand for one:
                # "przybył do Stambułu deputowany czerkieski", "stawił się oskarżony" (not "Sułtanowi
                # tureckiemu", nor the passive "został aresztowany")
                run = list(takewhile(lambda t: _pos(t) in ADJECTIVAL and _cases(t) & cases, tokens[index:]))
                after = index + len(run)
                if (after == len(tokens) or not _agrees(tokens[after], token)) and \
                        not {fold(t.lemma) for t in run} & self.question_words:
                    spans.append((run[0].start, run[-1].end))
                continue
            # the dative of a feminine noun has the genitive's and the locative's form (komisji, radzie):
            # without a preposition, the tagger's pick among them does not decide ("przekazana komisji")
            dative = "dat" in cases and pos == "subst" and "dat" in _form_readings(token.text) and \
                (index == 0 or _pos(tokens[index - 1]) != "prep")
            if not (pos in {"subst", "ger"} and token_cases & cases or dative or pos == "ign" and any(
                    i.pos == "subst" and _cases_of(i.tag) & cases for i in modern_readings(token.text))):
                continue  # a noun in the case, or one in the spelling before 1936: "żandarmerja wojskowa"
            if fold(token.lemma) in self.said or fold(token.text) in self.question_words or \
                    token.lemma in PRONOUNS:
                continue  # a pronoun stands for a noun said elsewhere: "w tym 6 z Czechosłowacji"
            first = last = index
            while first > 0 and (_pos(tokens[first - 1]) in {"adj", "num"} and
                                 _in_case(tokens[first - 1], cases, dative) or
                                 _pos(tokens[first - 1]) == "dig" and first == index):
                first -= 1  # a number in digits counts the noun after it: "dla 600 dzieci"
            while last + 1 < len(tokens) and _pos(tokens[last + 1]) == "adj" and \
                    _in_case(tokens[last + 1], cases, dative):
                last += 1
            last = self._genitive_attribute(tokens, last)
            # a title noun with the name after it: "kanclerz dr. Rameck"
            probe = last + 1
            while probe < len(tokens) and (tokens[probe].text == "." or _pos(tokens[probe]) == "brev"):
                probe += 1
            while probe < len(tokens) and tokens[probe].text[:1].isupper() and tokens[probe].text.isalpha():
                last = probe
                probe += 1
            spans.append((tokens[first].start, tokens[last].end))
        return spans

    def candidates(self, passage: Passage) -> list[Candidate]:
        question = self.question
        totalled = False
        text = passage.analysis.document.text
        found: list[Candidate] = []
        sentence = passage.sentence
        if question.asks == "time":
            for timex in passage.analysis.timexes:
                if not (sentence.start <= timex.start < sentence.end) or timex.type not in {"DATE", "TIME"}:
                    continue
                if set(split_terms(timex.text)) <= self.question_words:
                    continue  # the question's own date
                if self._dated_from_dateline(passage, timex):
                    continue
                value = timex.value[:4] if question.granularity == "rok" else timex.value
                found.append(Candidate(timex.text, value, timex.start, timex.end, self._time_fit(passage, timex),
                                       passage))
            if not found and passage.position > 0:
                # the date of the narrative: the last one of the sentence before
                previous = passage.analysis.sentences[passage.position - 1]
                dates = [t for t in passage.analysis.timexes
                         if previous.start <= t.start < previous.end and t.type in {"DATE", "TIME"}]
                if dates:
                    found.append(Candidate(dates[-1].text, dates[-1].value, dates[-1].start, dates[-1].end, 0.5,
                                           passage))
        elif question.asks == "place":
            for entity in self._entities(passage, PLACE_TYPES | {"ORGANIZATION", "PERSON"}):
                noun = self._named_noun(passage, entity.start)
                if noun is not None and self._place_fit(passage, noun.start) >= 1.0:
                    # the name of a building or an institution after the asked preposition makes one place
                    # with its noun: "do szpitala św. Łazarza"
                    phrase = text[noun.start:entity.end]
                    found.append(Candidate(phrase, phrase, noun.start, entity.end, NAMED_PLACE, passage))
                    continue
                fit = self._place_fit(passage, entity.start)
                if entity.type == "ORGANIZATION":
                    fit = fit * 0.9 if fit >= 1.0 else 0.0  # an institution answers "gdzie" only after "w/na"
                elif entity.type == "PERSON":
                    # a foreign name the dictionary lacks, after the asked preposition, is a place the name
                    # stage took for a person: "odjechał do Antivari"
                    unknown = all(_pos(t) == "ign" for t in self._tokens(passage, entity.start, entity.end))
                    fit = UNKNOWN_PLACE if fit >= 1.0 and unknown else 0.0
                if fit and not self._same_clause(passage, entity.start):
                    fit *= OTHER_CLAUSE
                if fit:
                    found.append(Candidate(entity.text, entity.lemma, entity.start, entity.end, fit, passage))
            if question.noun is not None and any(self._apposed_to_noun(passage, c.start) for c in found):
                # "W jakiej wsi…?": the name in apposition to the asked noun ("we wsi Tereszpol") says
                # which; another place of the sentence ("z posterunku w Biłgoraju") is not of that kind
                for candidate in found:
                    if not self._apposed_to_noun(passage, candidate.start):
                        candidate.fit *= OTHER_KIND
            found += self._relative_places(passage)
            if all(c.fit < 1.0 for c in found):
                # no name in the asked role: a common noun in it ("oddał na posterunek policji"), before a name
                # in another role ("w Radomiu" does not say whither)
                taken = [(c.start, c.end) for c in found]
                for start, end in self._noun_phrases(passage, frozenset({"loc", "gen", "acc", "inst"})):
                    if self._place_fit(passage, start) >= 1.0 and not any(a < end and start < b for a, b in taken):
                        words = self._tokens(passage, start, end)
                        value = words[0].lemma if len(words) == 1 else text[start:end]  # "schronisko"
                        located = self._located_by(passage, end)
                        if located is not None:  # "z lotniska pod Atenami": the town says where
                            end, value = located.end, located.lemma
                        found.append(Candidate(text[start:end], value, start, end, SUBJECT, passage))
        elif question.asks == "quantity":
            nouns = {fold(lemma) for lemma in question.noun.lemmas} if question.noun else set()
            currencies = set(quantity_words().hundredths.values())
            other: list[tuple[int, int]] = []  # amounts of another thing measured, no answer even bare
            for quantity in passage.analysis.quantities:
                if not sentence.start <= quantity.start < sentence.end:
                    continue
                fit = 1.0 if fold(quantity.unit) in nouns or not nouns and fold(quantity.unit) in \
                    self.question_words else 0.4
                if question.dimension is not None:
                    fit = self._dimension_fit(passage, quantity)
                if self._measures_other(passage, quantity.end) or not fit:
                    other.append((quantity.start, quantity.end))
                    continue
                value: object = int(quantity.value) if float(quantity.value).is_integer() else quantity.value
                if quantity.unit in currencies and isinstance(value, float):
                    value = f"{value:.2f}".replace(".", ",")  # money to the hundredth part: 4,20 zł
                found.append(Candidate(text[quantity.start:quantity.end], value, quantity.start, quantity.end,
                                       fit, passage))
            found += self._durations(passage) if question.dimension is None else []
            if question.dimension is None:
                found += self._counts_after_verb(passage)
            # the question's own number is what it asks about, not its answer: "Ile płacono za 100 kg…?"
            found = [c for c in found if not self._asked_number(c.value)]
            if question.end is not None:
                self._prefer_range_end(passage, found)
            parts = [c for c in self._bare_numbers(passage) if self._noun_left_out(passage, c.end)] \
                if any(c.fit >= 1.0 for c in found) else []
            if parts:
                # the count of a part, its noun left out: "1.340 wystawców, w tem 312 zagranicznych" —
                # the adjective of the question after the number says the part asked, not the whole
                for candidate in found:
                    candidate.fit *= PART
                for part in parts:
                    part.fit = 1.0
                found += parts
            totals = [c for c in found if (before := self._before(passage, c.start, skip_titles=False)) is not None
                      and before.text.lower() in self.words["total"]]
            totalled = bool(totals or parts)
            if totals:
                # parts and then their sum ("45 osób … i 9 …, ogółem 54 osób"): "ile" asks the sum
                for candidate in found:
                    candidate.fit *= 1.0 if candidate in totals else PART
            lemmas = {fold(t.lemma) for t in sentence.tokens}
            if not found and question.dimension is None and (nouns & lemmas or not nouns and any(
                    self._match(p, Terms.of(lemmas)) for p in question.predicates)):
                # the counted noun, or for "ile" with a verb alone (*Ile zebrali…?*) that verb, is here; a size
                # is never a bare number
                found = [c for c in self._bare_numbers(passage) if not self._asked_number(c.value)
                         and not any(a <= c.start < b for a, b in other)]
        elif question.asks in {"person", "which"}:
            found = self._entity_candidates(passage)
        if question.asks == "which":
            found += self._which_phrases(passage) + self._ordinals(passage) + self._noun_amounts(passage)
        if question.asks == "what" and not question.passive:
            found += self._participle_patients(passage)
        if self._means_asked():
            found += self._vehicle_subjects(passage)
        if question.asks in {"person", "what"} or not found and question.asks == "which":
            cases = question.cases or frozenset({"nom"})
            taken = [(c.start, c.end) for c in found]
            causes = self._cause_spans(passage) if question.asks == "what" and not question.passive else []
            found += [Candidate(text[a:b], text[a:b], a, b, SUBJECT, passage) for a, b in causes]
            taken += causes
            for start, end in self._noun_phrases(passage, cases):
                before = self._before(passage, start, skip_titles=False)
                preposition = before.text.lower() if before is not None and _pos(before) == "prep" else None
                if preposition != question.preposition or any(a < end and start < b for a, b in taken):
                    continue
                fit = FALLBACK_FIT
                if question.asks == "person" and not self._personal(passage, start, end):
                    fit *= 0.5  # "kto" asks for people: a masculine-personal noun or a group of people
                subject = cases == frozenset({"nom"}) or question.happened  # "co" is the subject of "stało się"
                if subject and not question.passive and self._subject_of_verb(passage, start, end):
                    fit = SUBJECT  # "rolnik z Jedlni znalazł", "Orkiestra … odegrała": when no name fits
                found.append(Candidate(text[start:end], text[start:end], start, end, fit, passage))
        if not totalled and question.asks != "time":  # a total or a part says which number is asked; dates
            # stand in asides of their own ("…, zmarłego dnia 8 marca"), not in parallel parts
            self._prefer_own_part(passage, found)
        return found

    def _dimension_fit(self, passage: Passage, quantity: Quantity) -> float:
        """How well an amount answers *Jak długa/wysoka…?*: said with the asked dimension's noun (*na wysokość
        61 metrów*, *2 km długości*) it does; said right after another noun it measures that noun (*ze
        średnią szybkością 31 km*), before another dimension's noun that one (*52 metry długości*), and is no
        answer (0), nor is an amount in another unit than the dimension's; else, in a unit of the dimension
        (*licząca 620 km*), it likely is."""
        dimension = self.question.dimension
        tokens = passage.sentence.tokens
        before = next((t for t in reversed(tokens) if t.end <= quantity.start), None)
        after = next((t for t in tokens if t.start >= quantity.end), None)
        if any(t is not None and t.lemma == dimension for t in (before, after)):
            return 1.0
        dimensions = {name.removeprefix("dimension:") for name in self.words if name.startswith("dimension:")}
        if before is not None and _common_noun(before) or after is not None and after.lemma in dimensions:
            return 0.0
        lengths = self.words["length"]
        return 0.0 if dimension in lengths and quantity.unit not in lengths else DIMENSION_UNIT

    def _measures_other(self, passage: Passage, end: int) -> bool:
        """Whether the genitive after an amount names another thing measured than the question's: *16
        kwintali pszenicy* does not answer *Ile kwintali żyta…?*"""
        measured = self.question.measured
        after = next((t for t in passage.sentence.tokens if t.start >= end), None)
        return measured is not None and after is not None and after.text.islower() and _pos(after) == "subst" \
            and "gen" in _cases(after) and fold(after.lemma) not in {fold(lemma) for lemma in measured.lemmas}

    @staticmethod
    def _dated_from_dateline(passage: Passage, timex: Timex) -> bool:
        """Whether the date stands in the note's dateline (*SPAŁA, 12 lipca.*), and the text after it dates
        what it tells to the day: the dateline says when the report was sent, the text when things happened,
        from it (*Wczoraj o godz. 18 nastąpiło otwarcie*)."""
        text = passage.analysis.document.text
        return bool(DATELINE.search(text, max(0, timex.start - DATELINE_REACH), timex.start)) and any(
            t.start > timex.end and t.type in {"DATE", "TIME"} and DAY.match(t.value)
            for t in passage.analysis.timexes)

    def _time_fit(self, passage: Passage, timex: Timex) -> float:
        """*Od kiedy…?*, *Do kiedy…?*, *Do której godziny…?* ask the date after that preposition (*istnieje od
        roku 1880*, *trwało do godz. 21.40*), which another date of the sentence (*w niedzielę*, *o godz. 16*)
        is not."""
        preposition = self.question.preposition
        if preposition is None or self.question.noun is not None and preposition not in BOUNDS:
            return 1.0  # "W którym roku…?" asks any date of a year
        before = self._before(passage, timex.start, skip_titles=False)
        own = preposition in timex.text.lower().split() or before is not None and before.text.lower() == preposition
        return 1.0 if own else OTHER_PREPOSITION

    def _cause_spans(self, passage: Passage) -> list[tuple[int, int]]:
        """For *co* with an active verb said by a verb whose subject suffers it (class `sufferer`:
        *pszenica ucierpiała od upałów*), the noun phrase after *od* in that verb's clause: the cause is
        what the question's subject names (*Co zaszkodziło pszenicy?*)."""
        tokens = passage.sentence.tokens
        clauses = self._clauses(passage)
        verbs = {clauses[i] for i, t in enumerate(tokens) if t.lemma in self.words["sufferer"] and
                 self._predicate_word(t)}
        if not verbs:
            return []
        return [(start, end) for start, end in self._noun_phrases(passage, frozenset({"gen"}))
                if (before := self._before(passage, start, skip_titles=False)) is not None and
                before.lemma == "od" and clauses[self._index_at(passage, start)] in verbs]

    def _means_asked(self) -> bool:
        """Whether the question is *czym* (no preposition) with a verb of travelling: it asks the means of
        transport (*Czym popłynęli emigranci?*)."""
        question = self.question
        return question.asks == "what" and question.cases == frozenset({"inst"}) and \
            question.preposition is None and \
            any(p.verb and p.lemmas & self.words["motion"] for p in question.predicates)

    def _vehicle_subjects(self, passage: Passage) -> list[Candidate]:
        """For *czym* with a verb of travelling, a noun of a vehicle that is the subject of such a verb in
        its clause, agreeing with it: the vehicle carried those the question asks about (*odpłynął statek
        „Pułaski”, zabierając osadników* answers *Czym popłynęli osadnicy?*)."""
        tokens = passage.sentence.tokens
        text = passage.analysis.document.text
        clauses = self._clauses(passage)
        verbs = [(clauses[i], _agreement(t.tag)) for i, t in enumerate(tokens)
                 if _pos(t) in {"fin", "praet"} and t.lemma in self.words["motion"]]
        found = []
        for start, end in self._noun_phrases(passage, frozenset({"nom"})):
            head = next((i for i, t in enumerate(tokens) if start <= t.start < end and _pos(t) == "subst"
                         and t.lemma in self.words["vehicle"]), None)
            if head is None:
                continue
            number, gender = _agreement(tokens[head].tag)
            if any(clause == clauses[head] and number & verb_number and (not verb_gender or gender & verb_gender)
                   for clause, (verb_number, verb_gender) in verbs):
                last = max(i for i, t in enumerate(tokens) if t.start < end)
                if last + 2 < len(tokens) and tokens[last + 1].text in OPENING_QUOTES:
                    # the vessel's name in quotation marks after the noun: statek „Pułaski”
                    close = next((j for j in range(last + 2, min(last + 8, len(tokens)))
                                  if tokens[j].text in CLOSING_QUOTES_OF[tokens[last + 1].text]), None)
                    end = tokens[close].end if close is not None else end
                found.append(Candidate(text[start:end], text[start:end], start, end, SUBJECT, passage))
        return found

    def _named_in_apposition(self, passage: Passage, start: int, end: int) -> bool:
        """Whether a person's name follows the phrase in apposition, after a comma or past titles, nouns and
        abbreviations (no verb, preposition or conjunction between): *prezes T-wa Dobroczynności ks. kan.
        Laus*, *Burmistrz miasta Wiednia, p. Strobach,*; the name says who."""
        people = {e.start for e in passage.analysis.entities if e.type == "PERSON"} | \
            {e.start for e in self._titled_names(passage)}
        following = [t for t in passage.sentence.tokens if t.start >= end]
        if following and following[0].text == ",":
            following = following[1:]
        for token in following:
            if token.start in people:
                return True
            if _pos(token) in FINITE | {"prep", "conj", "comp"} or token.text in CLAUSE_BREAKS:
                return False
        return False

    def _subject_of_verb(self, passage: Passage, start: int, end: int) -> bool:
        """Whether the phrase's head noun, in the nominative, agrees with a finite form of the asked verb in
        its clause, in number and (in the past tense) gender: it is that verb's subject."""
        tokens = passage.sentence.tokens
        # the tagger's accusative may be the nominative of the same form (inanimate nouns: "wybuchł pożar")
        heads = [i for i, t in enumerate(tokens) if start <= t.start < end and _pos(t) == "subst"
                 and "nom" in _cases(t) | _form_readings(t.text)]
        if not heads:
            return False
        if self._named_in_apposition(passage, start, end):
            return False
        clauses = self._clauses(passage)
        head = tokens[heads[0]]
        number, gender = _agreement(head.tag)
        for index, token in enumerate(tokens):
            if _pos(token) in {"fin", "praet"} and self._predicate_word(token) and \
                    clauses[index] == clauses[heads[0]]:
                verb_number, verb_gender = _agreement(token.tag)
                if number & verb_number and (not verb_gender or gender & verb_gender):
                    return True
        return False

    def _prefer_own_part(self, passage: Passage, found: list[Candidate]) -> None:
        """Among candidates of one clause in parts that say the verb once (a list, *za krowę 180 zł, za cielę
        35 zł*, or a gapped clause, *udała się do Warszawy, a druga grupa do Krakowa*), the one asked stands in
        the part that names most of the question's words: the others fit less."""
        parts = self._parts(passage)
        clauses = self._clauses(passage)
        terms = [term for term in self.question.terms if not term.verb]
        # the noun a question asks of weighs more than its genitive attribute: "córka zmarłego inżyniera"
        asked = [(self._forms(term).lemmas, ATTRIBUTE if self._attribute(term, terms) else 1.0) for term in terms]
        groups: dict[int, dict[int, float]] = {}  # clause → its parts holding candidates → question words named
        for candidate in found:
            index = self._index_at(passage, candidate.start)
            part = parts.of_word[index]
            if part in parts.participial:
                continue  # a participle's phrase says something of its own: "…, zmarłego dnia 8 marca"
            own = parts.words.get(part, frozenset())
            groups.setdefault(clauses[index], {})[part] = sum(weight for forms, weight in asked
                                                              if not forms.isdisjoint(own))
        for named in groups.values():
            most = max(named.values())
            if most and min(named.values()) < most:
                for candidate in found:
                    index = self._index_at(passage, candidate.start)
                    if named.get(parts.of_word[index], most) < most and groups.get(clauses[index]) is named:
                        candidate.fit *= PART

    @staticmethod
    def _attribute(term: Term, terms: list[Term]) -> bool:
        """Whether a noun of the question in the genitive follows a nominative noun it qualifies, past its
        own adjectives: *inżyniera* in *córka zmarłego inżyniera*."""
        if "gen" not in _form_readings(term.form):
            return False
        for other in reversed([t for t in terms if t.position < term.position][-2:]):
            if "nom" in _form_readings(other.form) and not other.name and term.position - other.position <= 2:
                return True
        return False

    @staticmethod
    def _parts(passage: Passage) -> Parts:
        """The sentence's parts, derived once per cached document: between semicolons and colons where the
        sentence has a semicolon (the items of a list, each with commas of its own: *1) X, pleban w A,
        plebanem w B; 2) …*), else between any punctuation. An adjective opening a part after a comma is in
        apposition to the item before it, and its phrase belongs to that item (*córkę Zofję, zamężną X,
        zamieszkałą w Y*). The verb is said in one part for all: its words tell none apart."""
        key = (passage.sentence.start, passage.sentence.end)
        if key in passage.memo.parts:
            return passage.memo.parts[key]
        tokens = passage.sentence.tokens
        breaks = LIST_BREAKS if any(t.text == ";" for t in tokens) else CLAUSE_BREAKS
        of_word = [0] * len(tokens)
        for index in range(1, len(tokens)):
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            apposed = tokens[index].text == "," and following is not None and following.text.islower() and \
                _pos(following) == "adj"
            of_word[index] = of_word[index - 1] + (tokens[index].text in breaks and not apposed)
        words: dict[int, set[str]] = {}
        participial: set[int] = set()
        for index, token in enumerate(tokens):
            if _pos(token) in PARTICIPLES:
                participial.add(of_word[index])
            if _pos(token) not in VERBAL:
                words.setdefault(of_word[index], set()).update({fold(token.lemma), fold(token.text)})
        passage.memo.parts[key] = parts = Parts(of_word, {part: frozenset(w) for part, w in words.items()},
                                                frozenset(participial))
        return parts

    @staticmethod
    def _index_at(passage: Passage, start: int) -> int:
        tokens = passage.sentence.tokens
        return next((i for i, t in enumerate(tokens) if t.start >= start), len(tokens) - 1)

    def _participle_patients(self, passage: Passage) -> list[Candidate]:
        """For *co* with an active verb, the noun the verb's passive participle qualifies, when its agent
        is given (*mostu, zniszczonego przez powódź* answers what the flood destroyed): the participle
        agrees with that noun in case, number and gender, before it past a comma."""
        tokens = passage.sentence.tokens
        text = passage.analysis.document.text
        found = []
        for index, token in enumerate(tokens):
            if _pos(token) != "ppas" or not self._predicate_word(token) or index + 1 == len(tokens) or \
                    tokens[index + 1].lemma != "przez":
                continue
            agreement = set(token.tag.split(":")[1:4])
            for noun in reversed(tokens[max(0, index - 8):index]):
                if _pos(noun) == "subst" and noun.text.islower() and agreement <= set(noun.tag.split(":")[1:4]):
                    found.append(Candidate(text[noun.start:noun.end], noun.lemma, noun.start, noun.end, 1.0, passage))
                    break
        return found

    def _durations(self, passage: Passage) -> list[Candidate]:
        """For *ile* + a unit of time (*Na ile lat…?*), the durations in that unit: *na 15 lat* (P15Y); a
        range is read whole (*na 3 do 5 lat* → 3–5), not as the one amount its value keeps. A question of a
        length of time in any unit (*Ile trwał…?*, *W jakim czasie…?*) takes every duration whole (*11
        godzin i 40 minut*: PT11H40M); *o ile* with no noun, one after *o* (*o dwa tygodnie*)."""
        question = self.question
        noun = question.noun
        units: set[str] | None = None  # None: any unit
        if noun is not None and not question.lasting:
            units = {name.removeprefix("duration:") for name, lemmas in self.words.items()
                     if name.startswith("duration:") and noun.lemmas & lemmas}
            if not units:
                return []
        sentence = passage.sentence
        text = passage.analysis.document.text
        found = []
        timexes = passage.analysis.timexes
        joined = -1  # the end of a range's first amount, read with its second
        for index, timex in enumerate(timexes):
            match = DURATION.fullmatch(timex.value) if timex.type == "DURATION" else None
            if timex.type != "DURATION" or not sentence.start <= timex.start < sentence.end or timex.start < joined or \
                    units is not None and (match is None or f"{match['time'] or ''}{match['unit']}" not in units):
                continue
            start, end, value = timex.start, timex.end, timex.value
            following = timexes[index + 1] if index + 1 < len(timexes) else None
            if following is not None and following.type == "DURATION" and \
                    AMOUNT_RANGE_GLUE.fullmatch(text, end, following.start):
                end = joined = following.end  # "3–5 lat": the two amounts of a range are two durations
                value = text[start:end]
            before = self._before(passage, start, skip_titles=False)
            preposition = before.text.lower() if before is not None and _pos(before) == "prep" else None
            if units is None:
                fit = 1.0 if question.lasting or preposition is not None and preposition == question.preposition \
                    else 0.4
                found.append(Candidate(text[start:end], value, start, end, fit, passage))
                continue
            amounts = sorted(self._numbers(text, self._tokens(passage, start, end))) or [int(match["number"])]
            value = amounts[0] if len(amounts) == 1 else f"{amounts[0]}–{amounts[-1]}"
            # "na 2 lata" answers "Na ile lat…?" (a sentence), not the age "Ile lat miał…?"
            fit = 1.0 if preposition == question.preposition or preposition != "na" and \
                question.preposition is None else PART
            found.append(Candidate(text[start:end], value, start, end, fit, passage))
        return found

    def _asked_number(self, value: object) -> bool:
        """Whether the number is written in the question itself."""
        if not isinstance(value, int | float):
            return False
        return any(float(number.replace(",", ".")) == value
                   for number in re.findall(r"\d+(?:,\d+)?", self.question.text.replace(".", "")))

    def _prefer_range_end(self, passage: Passage, found: list[Candidate]) -> None:
        """In a range *od X do Y*, the superlative of the question says which end it asks: *najtańsze*
        the low one, *najdroższe* the high one; the other end fits less."""
        ends: dict[int, str] = {}
        opened = False
        for candidate in sorted(found, key=lambda c: c.start):
            before = self._before(passage, candidate.start, skip_titles=False)
            word = before.text.lower() if before is not None else ""
            if word in {"od", "ode"}:
                ends[id(candidate)], opened = "low", True
            elif word == "do" and opened:
                ends[id(candidate)], opened = "high", False
        for candidate in found:
            if ends.get(id(candidate), self.question.end) != self.question.end:
                candidate.fit *= PART

    @staticmethod
    def _numbers(text: str, tokens: list[Token]) -> set[float | int]:
        numbers: set[float | int] = set()
        index = 0
        while index < len(tokens):
            number = read_number(text, tokens, index)
            if number is None:
                index += 1
                continue
            numbers.add(int(number[0]) if number[0].is_integer() else number[0])
            index = max(number[1], index + 1)
        return numbers

    def _relative_places(self, passage: Passage) -> list[Candidate]:
        """The noun phrase a relative *gdzie* refers to, when the clause it opens says what the question
        asks: *udali się do sali kasyna, gdzie odbyły się obrady* answers where the debates were."""
        tokens = passage.sentence.tokens
        text = passage.analysis.document.text
        found = []
        for index in range(2, len(tokens)):
            if tokens[index].text.lower() != "gdzie" or tokens[index - 1].text != ",":
                continue
            clause = list(takewhile(lambda t: t.text not in {",", ";", ":", "."}, tokens[index + 1:]))
            terms = {fold(t.lemma) for t in clause} | {fold(t.text) for t in clause}
            if not any(self._match(term, Terms.of(terms)) for term in self.question.terms if not term.name):
                continue
            phrase = list(takewhile(lambda t: _pos(t) in {"subst", "adj", "ign"} and t.text[:1].isalnum(),
                                    reversed(tokens[:index - 1])))
            if phrase and _pos(phrase[-1]) == "subst":
                start, end = phrase[-1].start, phrase[0].end
                found.append(Candidate(text[start:end], text[start:end], start, end, 1.0, passage))
        return found

    def _personal(self, passage: Passage, start: int, end: int) -> bool:
        people = self.words["people"]
        return any(":m1" in t.tag or t.lemma in people or _pos(t) == "ign" and modern_lemmas(t.text) & people
                   for t in self._tokens(passage, start, end) if _pos(t) in {"subst", "ger", "adj", "ign"})

    def _noun_left_out(self, passage: Passage, end: int) -> bool:
        """Whether an adjective of the question follows the number with no noun after it: *312
        zagranicznych* (the noun said with the number before)."""
        tokens = [t for t in passage.sentence.tokens if t.start >= end][:2]
        return bool(tokens) and _pos(tokens[0]) == "adj" and fold(tokens[0].lemma) in self.question_words and \
            (len(tokens) == 1 or _pos(tokens[1]) not in NOMINAL)

    def _bare_numbers(self, passage: Passage) -> list[Candidate]:
        """Numbers without a counted noun in a sentence that names the asked noun elsewhere: *Liczba
        jeńców … przenosi 19 000.* Digits in dates and names are not."""
        sentence = passage.sentence
        text = passage.analysis.document.text
        key = (sentence.start, sentence.end)
        if key not in passage.memo.named:
            # the words inside a date or a name, found once per cached document
            taken = [(t.start, t.end) for t in passage.analysis.timexes] + \
                [(e.start, e.end) for e in passage.analysis.entities]
            taken = [(a, b) for a, b in taken if a < sentence.end and sentence.start < b]
            passage.memo.named[key] = {t.start for t in sentence.tokens if any(a <= t.start < b for a, b in taken)}
        named = passage.memo.named[key]
        found: list[Candidate] = []
        tokens = sentence.tokens
        index = 0
        while index < len(tokens):
            token = tokens[index]
            number = None if token.start in named else read_number(text, tokens, index)
            if number is None or not number[2]:  # digits only: "19 000", "104.000"
                index += 1
                continue
            value, after, _ = number
            start, end = token.start, tokens[after - 1].end
            found.append(Candidate(text[start:end], int(value) if value.is_integer() else value, start, end, 0.7,
                                   passage))
            index = after
        return found

    def _counts_after_verb(self, passage: Passage) -> list[Candidate]:
        """A number right after the asked verb closing its clause, with no noun or unit of its own: the verb's
        subject, its noun said before and left out (*do celu dotarło 17.*; *Ilu … ukończyło?*)."""
        tokens = passage.sentence.tokens
        found = []
        for candidate in self._bare_numbers(passage):
            at = next(i for i, t in enumerate(tokens) if t.start == candidate.start)
            after = next((t for t in tokens if t.start >= candidate.end), None)
            if at and self._predicate_word(tokens[at - 1]) and _pos(tokens[at - 1]) in FINITE and (
                    after is None or _pos(after) in {"interp", "conj"}):
                candidate.fit = 1.0
                found.append(candidate)
        return found

    def _noun_amounts(self, passage: Passage) -> list[Candidate]:
        """For *jaki* + noun, the amount that noun is said with: right after it, or after it with *o* or a
        complex preposition of amount (*ze zniżką 50 proc.*, *podwyżka o 5 proc.*, *nagroda w wysokości 500
        zł*), or before it governing its genitive (*50 proc. zniżki*)."""
        noun = self.question.noun
        if noun is None:
            return []
        tokens = passage.sentence.tokens
        text = passage.analysis.document.text
        found = []
        for quantity in passage.analysis.quantities:
            if not passage.sentence.start <= quantity.start < passage.sentence.end:
                continue
            before = [t for t in tokens if t.end <= quantity.start][-3:]
            after = next((t for t in tokens if t.start >= quantity.end), None)
            words = [t.lemma for t in before]
            amount_preposition = len(before) == 3 and "amount" in preposition_roles().get(
                f"{before[1].text.lower()} {before[2].text.lower()}", frozenset())
            said = bool(words) and words[-1] in noun.lemmas or \
                len(words) > 1 and words[-1] == "o" and words[-2] in noun.lemmas or \
                amount_preposition and words[0] in noun.lemmas or \
                after is not None and after.lemma in noun.lemmas and "gen" in _cases(after)
            if said:
                value = int(quantity.value) if float(quantity.value).is_integer() else quantity.value
                found.append(Candidate(text[quantity.start:quantity.end], value, quantity.start, quantity.end,
                                       1.0, passage))
        return found

    def _ordinals(self, passage: Passage) -> list[Candidate]:
        """For *który* + noun, the ordinal before that noun: *na trzecie miejsce*, *w 55 minucie*, *3. pułk*
        (*który* asks which in an order). Digits inside a date or a name are theirs (*w 1936 roku*, *3. Armia*)."""
        noun = self.question.noun
        if noun is None:
            return []
        nouns = {fold(lemma) for lemma in noun.lemmas}
        dated = [(t.start, t.end) for t in passage.analysis.timexes] + \
            [(e.start, e.end) for e in passage.analysis.entities]
        text = passage.analysis.document.text
        tokens = passage.sentence.tokens
        found = []
        for index in range(1, len(tokens)):
            if fold(tokens[index].lemma) not in nouns:
                continue
            before = index - 2 if tokens[index - 1].text == "." and index > 1 else index - 1
            ordinal = tokens[before]
            if not (ordinal.text.isdigit() or _pos(ordinal) == "adj" and ordinal.lemma in self.words["ordinal"]) \
                    or any(a <= ordinal.start < b for a, b in dated):
                continue
            value = int(ordinal.text) if ordinal.text.isdigit() else ordinal.text.lower()
            start, end = ordinal.start, tokens[index].end
            found.append(Candidate(text[start:end], value, start, end, 1.0, passage))
        return found

    def _which_phrases(self, passage: Passage) -> list[Candidate]:
        """For *jaki/który* + noun, phrases that are not names: the genitive after the noun in the
        sentence (*rolę szpiega*) and a quoted title after the question's preposition (*w „Polityce”*)."""
        question = self.question
        text = passage.analysis.document.text
        tokens = passage.sentence.tokens
        found = []
        nouns = question.noun.lemmas if question.noun else frozenset()
        for index, token in enumerate(tokens[:-1]):
            if token.lemma in nouns:
                following = tokens[index + 1]
                names = list(takewhile(lambda t: t.text[:1].isupper() and t.text.isalpha() and _pos(t) != "adj",
                                       tokens[index + 1:]))
                named = " ".join(t.text for t in names)
                if names and token.text.islower() and not self._mentioned(named, named):
                    # a name in apposition to the asked noun keeps its own form: "w hotelu Munsch"
                    start, end = names[0].start, _name_adjectives(tokens, names[-1].end)
                    found.append(Candidate(text[start:end], text[start:end], start, end, 1.0, passage))
                    continue
                if _pos(following) == "adj" and following.text.islower() and _cases(following) & _cases(token) and \
                        following.lemma not in self.words["pronoun"] | self.words["ordinal"] and \
                        fold(following.lemma) not in self.question_words:
                    # a classifying adjective stands after its noun and says which kind: "sklep jubilerski"
                    found.append(Candidate(text[token.start:following.end], following.lemma, token.start,
                                           following.end, 0.9, passage))
                    continue
                modifiers = list(takewhile(lambda t: _pos(t) == "adj" and "gen" in _cases(t), tokens[index + 1:]))
                position = index + 1 + len(modifiers)
                anniversary = _anniversary_genitive(tokens, position)
                position += 2 if anniversary else 0
                head = tokens[position] if position < len(tokens) else None
                if head is not None and (anniversary or _pos(head) in {"subst", "ger"} and "gen" in _cases(head)) \
                        and fold(head.lemma) not in self.question_words:
                    # the genitive after the noun: "rolę szpiega" → szpieg, "grobie Nieznanego Żołnierza"; a
                    # deverbal noun with its own object ("w celu zebrania funduszów", "z okazji 50-lecia
                    # klubu") is read whole
                    start = following.start
                    end = tokens[self._genitive_attribute(tokens, position)].end
                    value = head.lemma if not modifiers and end == head.end else text[start:end]
                    found.append(Candidate(text[start:end], value, start, end, 0.9, passage))
        if nouns & self.words["building"]:
            found += self._named_buildings(passage, nouns)
        for index, token in enumerate(tokens):
            if token.text not in OPENING_QUOTES:
                continue
            close = next((j for j in range(index + 1, min(index + 8, len(tokens)))
                          if tokens[j].text in CLOSING_QUOTES_OF[token.text]), None)
            if close is None or close == index + 1:
                continue
            before = tokens[index - 1].text.lower() if index else None
            if question.preposition and before != question.preposition:
                continue
            start, end = tokens[index + 1].start, tokens[close - 1].end
            title = text[start:end]
            if not self._mentioned(title, title):
                # a one-word title in its base form: "w „Polityce”" → Polityka
                value = tokens[index + 1].lemma.capitalize() if close == index + 2 else title
                shown = text[tokens[index - 1].start:tokens[close].end] if question.preposition else title
                found.append(Candidate(shown, value, start, end, 0.8, passage))
        return found

    def _named_buildings(self, passage: Passage, nouns: frozenset[str]) -> list[Candidate]:
        """For *jaki/który* + a noun of a building or a room (class `building`), one of that kind (or of a
        related word: *sala*, *aula*) named by its capitalised kind and the capitalised adjectives agreeing
        with it, after the question's preposition: *W jakiej sali…?* ← *w Auli Kolumnowej*."""
        text = passage.analysis.document.text
        tokens = passage.sentence.tokens
        kinds = {fold(lemma) for lemma in expanded_lemmas(nouns)}
        found = []
        for index, token in enumerate(tokens[1:], 1):
            kind = any(i.pos == "subst" and fold(i.lemma) in kinds for i in token.interps)
            preposition = self.question.preposition
            if not kind or not token.text[:1].isupper() or \
                    preposition is not None and tokens[index - 1].text.lower() != preposition or \
                    any(e.start <= token.start < e.end for e in passage.analysis.entities):
                continue  # a name the names stage found is a candidate of its own
            end = _name_adjectives(tokens, token.end)
            if end > token.end:
                found.append(Candidate(text[token.start:end], text[token.start:end], token.start, end, 1.0, passage))
        return found

    def _entity_candidates(self, passage: Passage) -> list[Candidate]:
        question = self.question
        found = []
        if question.asks == "which":
            noun = question.noun
            nouns = {fold(lemma) for lemma in noun.lemmas} if noun else set()
            for entity in self._entities(passage, frozenset({"PERSON", "PLACE", "COUNTRY", "ORGANIZATION",
                                                             "MILITARY_UNIT", "EVENT", "DOCUMENT"})):
                named = bool(nouns & set(split_terms(entity.lemma)))
                # a place the gazetteer knows as a country is one, whatever the name stage typed (Persja)
                typed = question.entity_type is not None and (entity.type == question.entity_type or (
                    question.entity_type == "COUNTRY" and entity.lemma in _country_names()))
                start = entity.start
                if self._apposed_to_noun(passage, entity.start):
                    # a name in apposition to the asked noun names it, and the noun's preposition is the
                    # phrase's: "w kościele św. Barbary"
                    named = True
                    start = self._before(passage, entity.start).start
                before = self._before(passage, start, skip_titles=False)
                preposition = before.text.lower() if before is not None and _pos(before) == "prep" else None
                fit = 1.0 if named or typed else 0.5
                if question.preposition and preposition != question.preposition:
                    fit *= 0.5
                if not self._same_clause(passage, entity.start):
                    fit *= OTHER_CLAUSE  # "wystawiły X, Y i Z; po raz pierwszy bierze udział W"
                end = _name_adjectives(passage.sentence.tokens, entity.end)
                shown = passage.analysis.document.text[start:end]
                value = entity.lemma if end == entity.end else passage.analysis.document.text[entity.start:end]
                found.append(Candidate(shown, value, start, end, fit, passage))
            return found
        text = passage.analysis.document.text
        runs: list[list[Token]] = []
        for token in self._apposed_names(passage):
            if runs and text[runs[-1][-1].end:token.start].isspace():
                runs[-1].append(token)  # one name of several words: "Nieznanego Żołnierza"
            else:
                runs.append([token])
        for run in runs:
            start, end = run[0].start, run[-1].end
            found.append(Candidate(text[start:end], text[start:end], start, end, 0.9, passage))
        for entity in self._entities(passage, PERSON_TYPES | {"PLACE"}) + self._titled_names(passage):
            if entity.type == "COUNTRY" and question.cases != frozenset({"nom"}) or \
                    entity.type == "PLACE" and not self._after_title(passage, entity.start):
                continue  # a place is a person only after a personal title: "p. A. Lipka"
            fit = self._person_fit(passage, entity)
            if " " not in entity.text and self._name_follows(passage, entity.end):
                fit *= 0.5  # a noun in apposition to the name after it: "Czech Rudolf Burkert", "Szwajcar X"
            found.append(Candidate(entity.text, entity.lemma, entity.start, entity.end, fit, passage))
        return found

    @staticmethod
    def _name_follows(passage: Passage, end: int) -> bool:
        """Whether a person's name of two words or more starts right after the position."""
        following = next((t for t in passage.sentence.tokens if t.start >= end), None)
        return following is not None and any(e.start == following.start and e.type == "PERSON" and " " in e.text
                                             for e in passage.analysis.entities)

    def conjuncts(self, best: Candidate, candidates: list[Candidate]) -> list[Candidate]:
        """The candidates coordinated with the best one in its sentence (*zwiedzą Kraków i Lwów*, *do
        Krakowa, Lwowa oraz Poznania*): the predicate is said once for all of them, so each answers as the
        first does. Commas alone make no coordination (*Józef Folejewski, prezydent*)."""
        text = best.passage.analysis.document.text
        here = {(c.start, c.end): c for c in candidates if c.passage.analysis is best.passage.analysis
                and c.passage.sentence.start == best.passage.sentence.start}
        ordered = sorted(here.values(), key=lambda c: c.start)
        index = next(i for i, c in enumerate(ordered) if (c.start, c.end) == (best.start, best.end))
        first = last = index
        while first > 0 and self._joining(text[ordered[first - 1].end:ordered[first].start]) is not None:
            first -= 1
        while last + 1 < len(ordered) and self._joining(text[ordered[last].end:ordered[last + 1].start]) is not None:
            last += 1
        gaps = [self._joining(text[a.end:b.start]) for a, b in zip(ordered[first:last], ordered[first + 1:last + 1],
                                                                    strict=True)]
        if not any(gaps):
            return []
        return [c for c in ordered[first:last + 1] if c is not best and str(c.value) != str(best.value)]

    def _joining(self, gap: str) -> bool | None:
        """None when the text between two phrases does not coordinate them; else whether it holds a
        conjunction word (not a comma only). Titles may stand before the second: *p. Kowal i p. Nowicki*."""
        words = re.findall(r"\w+|[^\w\s]", gap.lower())
        joining = [w for w in words if w in self.words["conjunction"]]
        if not joining or any(w not in self.words["conjunction"] and w not in self.words["title"] and w != "."
                              for w in words):
            return None
        return any(w != "," for w in joining)

    def proximity(self, candidate: Candidate) -> float:
        """Closeness of the candidate to the question's verb, or else to its words, in its sentence (1 when
        adjacent)."""
        tokens = candidate.passage.sentence.tokens
        words = self.question_words
        # the answer depends on the asked predicate: measured from it where the sentence has its very lemma
        matched = [t.start for t in tokens if fold(t.lemma) in self.verbs] or \
            [t.start for t in tokens if fold(t.lemma) in words or fold(t.text) in words]
        if not matched:
            return 0.0
        index = {t.start: i for i, t in enumerate(tokens)}
        position = next((i for i, t in enumerate(tokens) if t.start >= candidate.start), 0)
        distance = min(abs(index[m] - position) for m in matched)
        return 1.0 / (1.0 + distance / 4)
