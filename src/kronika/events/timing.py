"""Time attachment: the time of an event from its clause, the document, or the narrative time carried over.

Time is a timex of the clause; else the date of the document the event is about (*pakt … z 23 sierpnia 1939*);
else the narrative time carried from the text before, marked as inherited. News items (a dash, a short verbless
heading) open a new narrative.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, timedelta

from kronika.events.arguments import Mention
from kronika.events.clauses import Clause
from kronika.events.grammar import FINITE, PREDICATE, chosen_pos, support_verb, tense_of
from kronika.events.lexicon import NOT_AN_EVENT, load_function_words, triggers_by_first_lemma
from kronika.events.triggers import TriggerMatch, has_auxiliary
from kronika.lang.grammar import NOMINAL, cases, has_pos, lemmas_lower
from kronika.model import Analysis, Entity, Event, EventArgument, Timex, Token
from kronika.timex import load_grammar

NARRATIVE_SPAN = 3  # sentences a narrative time carries over in a text without paragraphs
DASHES = frozenset({"—", "–"})
REPORTED_DAYS = timedelta(days=7)  # how far before its issue a report of news tells of
HEADING_WORDS = 4  # a verbless sentence this short is a heading of a news column
LINKING_POS = frozenset({"prep", "adv", "part"})  # words between a verb and the time it governs
ATTRIBUTE_GAP = 3  # prepositions and adverbs between a participle and the time it governs ("opanowany dopiero o")


class DocumentContext:
    """What the stage learns while reading a document in order: narrative time, document dates."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        # the clause times met so far, in reading order, with the sentence number and the tense of their clause
        self.narrative: list[tuple[Timex, int, str | None]] = []
        # where the first of those times that is not the issue's own day starts (None: there is none)
        self.other_day_start: int | None = None
        self.dated: dict[str, Timex] = {}  # entity ref or lemma → the date written with it
        self.entities_by_id = {e.id: e for e in analysis.entities}
        self.words = load_function_words()
        self.sentence_number = 0
        self.seen_lemmas: set[str] = set()  # lemmas of the sentences read before this one
        self.seen_refs: set[str] = set()  # entity refs met before this sentence
        self.verbless: set[int] = set()  # numbers of the sentences without a verb (headings, datelines)
        self.reports_its_days = _reports_its_days(analysis)
        self._neighbours: dict[int, frozenset[str]] = {}
        # the day a happening's ordinal day moved the narrative to (*drugi dzień zjazdu*), its ordinal, and where
        # it was said
        self.happening_day: tuple[date, int, int] | None = None

    def tell_time(self, timex: Timex, tense: str | None) -> None:
        self.narrative.append((timex, self.sentence_number, tense))
        dct = self.analysis.document.dct
        if dct and not timex.value.startswith(dct):
            self.other_day_start = min(timex.start, self.other_day_start if self.other_day_start is not None
                                       else timex.start)

    def neighbour_lemmas(self) -> frozenset[str]:
        """The lemmas of the sentences just before and after the one being read."""
        number = self.sentence_number
        if number not in self._neighbours:
            sentences = self.analysis.sentences[max(0, number - 1):number + 2]
            self._neighbours[number] = frozenset().union(*(lemmas_lower(t) for s in sentences for t in s.tokens))
        return self._neighbours[number]

    def forget_times(self) -> None:
        self.narrative.clear()
        self.other_day_start = None
        self.happening_day = None

    def move_to_day(self, ordinal: int, said: Token) -> None:
        """*Drugi dzień zjazdu*: the narrative moves to the happening's day ``ordinal``, counted from the day of an
        ordinal day told before, else from the last day the narrative told (its first day)."""
        if self.happening_day is not None:
            first, base = self.happening_day[0] - timedelta(days=self.happening_day[1] - 1), 1
        else:
            days = [_day(told[0].value) for told in self.narrative]
            first, base = next((d for d in reversed(days) if d is not None), None), 1
        if first is None or ordinal <= base:
            return
        day = first + timedelta(days=ordinal - 1)
        self.happening_day = (day, ordinal, said.start)
        self.tell_time(Timex("", said.start, said.end, said.text, "DATE", day.isoformat()), "past")

    def on_happening_day(self, timex: Timex) -> Timex:
        """A clock time told after an ordinal day of a happening, which the dates stage put on an earlier day it
        was anchored on (*Drugi dzień zjazdu … o godz. 11.30*), on the happening's day."""
        moved = self.happening_day
        day = _day(timex.value)
        if moved is None or timex.type != "TIME" or not timex.anchor or timex.start < moved[2] \
                or day is None or day >= moved[0]:
            return timex
        return Timex(timex.id, timex.start, timex.end, timex.text, timex.type,
                     moved[0].isoformat() + timex.value[10:], timex.anchor, timex.mod)

    def narrative_time(self, before: int) -> tuple[Timex, int, str | None] | None:
        """The last clause time written before offset ``before``, in this sentence or the few before it
        (read backwards: the list is in reading order, so the walk stops at the first sentence too far)."""
        for told in reversed(self.narrative):
            if self.sentence_number - told[1] > NARRATIVE_SPAN:
                return None
            if told[0].start < before:
                return told
        return None


def _day(value: str) -> date | None:
    """The calendar day a time value names (*1935-03-09*, *1935-03-09T11:30*), else None."""
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def happening_ordinal_day(tokens: list[Token]) -> tuple[int, Token] | None:
    """An ordinal day of a happening in the sentence (*drugi dzień zjazdu*, *w trzecim dniu obrad*): the ordinal, and
    its word; *dzień* in it is followed by a noun of a happening the lexicon lists."""
    grammar = load_grammar()
    index = triggers_by_first_lemma()
    for k in range(1, len(tokens) - 1):
        if "dzień" not in lemmas_lower(tokens[k]):
            continue
        ordinal = grammar.value("ordinal", tokens[k - 1].text.lower())
        if ordinal is None or not ordinal.isdigit():
            continue
        noun = tokens[k + 1]
        if "gen" in cases(noun) and any(e.type != NOT_AN_EVENT and len(e.words) == 1
                                        for lemma in lemmas_lower(noun) for e in index.get(lemma, ())):
            return int(ordinal), tokens[k - 1]
    return None


def _reports_its_days(analysis: Analysis) -> bool:
    """Whether the text reports the days around its issue: a date of the week before it, or of its day
    (a dateline, *wczoraj*, *d. 26 b. m.*). Only such a text dates a past happening it gives no day for
    by the issue; a retrospective one (a history, an essay) does not."""
    try:
        issue = date.fromisoformat((analysis.document.dct or "")[:10])
    except ValueError:  # no issue date, or none of a day
        return False
    for timex in analysis.timexes:
        try:
            day = date.fromisoformat(timex.value[:10])
        except ValueError:
            continue
        if timedelta(0) <= issue - day <= REPORTED_DAYS:
            return True
    return False


def entity_key(entity: Entity) -> str:
    return entity.ref or entity.lemma.lower()


def timexes_in(timexes: list[Timex], starts: list[int], tokens: list[Token],
               clause: Clause) -> list[tuple[int, Timex]]:
    """Timexes starting in the clause, with the index of their first token. ``timexes`` are the
    sentence's, sorted by start, and ``starts`` their start offsets."""
    found = []
    for i in clause.tokens:
        token = tokens[i]
        # a timex starting inside this token (or right at it)
        for k in range(bisect_left(starts, token.start), len(starts)):
            if starts[k] >= token.end:
                break
            found.append((i, timexes[k]))
    return found


def _attributive(tokens: list[Token], first: int, words: dict[str, frozenset[str]]) -> bool:
    """A date modifying a noun ("pakt z 23 sierpnia", "decyzja z 5 marca"), not the clause's time."""
    if first < 2 or tokens[first - 1].text.lower() != "z":
        return False
    before = tokens[first - 2]
    return has_pos(before, NOMINAL | {"ign", "adj"}) and not (lemmas_lower(before) & words["time_noun"])


def _compared(tokens: list[Token], first: int, words: dict[str, frozenset[str]]) -> bool:
    """A date that is the standard of a comparison ("4407 osób więcej umarło jak w r. 1836")."""
    before = [tokens[k] for k in range(max(0, first - 2), first)]
    return any(lemmas_lower(t) & words["comparison"] for t in before)


def _inside(entity: Entity, timex: Timex) -> bool:
    return entity.start <= timex.start and timex.end <= entity.end


def choose_time(match: TriggerMatch, tokens: list[Token], timexes: list[tuple[int, Timex]],
                context: DocumentContext, clause_entities: list[Mention],
                clause: Clause) -> tuple[Timex | None, bool]:
    usable, fallback = [], []
    nominal = match.verbal is None
    dct = context.analysis.document.dct
    for first, timex in timexes:
        if timex.type not in {"DATE", "TIME"} or not (timex.value[:4].isdigit() or _weekday(timex)) \
                or _compared(tokens, first, context.words):
            continue
        if dct and timex.value[:4].isdigit() and timex.value[:4] > dct[:4] and not _future_allowed(match, tokens):
            continue  # a number read as a later year: what the document reports happened by its date
        if match.verbal is not None and called_for(tokens, first) and not _night_to(tokens, first):
            continue  # "zarządziło na poniedziałek obławę": the day the verb calls for, not the day it was done
        if _since(tokens, first, timex) and _perfective(match, tokens):
            continue  # "od 1986 r. zamordowała 769 osób": a span's start, over which the clause counts
        if nominal and _other_happening_verb(match, tokens, first, clause, context.words):
            continue  # "pożar … został opanowany o godz. 14": the hour is the containment's, not the fire's
        attributive = _attributive(tokens, first, context.words) or any(
            m.entity.type in {"DOCUMENT"} and _inside(m.entity, timex) for m in clause_entities)
        if attributive and not (nominal and first > match.tokens[-1]):
            continue
        participle = _attribute_participle(tokens, first, clause, context.words)
        if participle is not None and participle not in match.tokens:
            # the time of another happening, told by a participle; one of a verb that performs or tells a
            # happening ("bitwa stoczona 7 września") dates the noun only when the clause gives no time of its
            # own ("wznowiono debatę przerwaną przed dwoma tygodniami" was resumed at the clause's time)
            if _performs(tokens, participle, context.words) and (
                    lemmas_lower(tokens[participle]) & context.words["light_verb"]
                    or not _told_by_other_verb(match, participle, tokens, clause, context.words)):
                fallback.append((first, timex))
            continue
        usable.append((first, timex))
    anchor = match.tokens[0]
    for found in (usable, fallback):
        if found:
            return min(found, key=lambda ft: abs(ft[0] - anchor))[1], False
    return None, False


def _weekday(timex: Timex) -> bool:
    """A weekday no issue date resolves (*w czwartek* in a text of no date, ``XXXX-WXX-4``): the happening's time,
    underspecified, rather than none."""
    return timex.value.startswith("XXXX-WXX-")


def _other_happening_verb(match: TriggerMatch, tokens: list[Token], first: int, clause: Clause,
                          words: dict[str, frozenset[str]]) -> bool:
    """A verb between the noun and a time, the one nearest the time, governs it, and is a verb of the trigger
    lexicon that neither tells nor performs the noun's happening: it dates a happening of its own (*pożar … został
    opanowany o godz. 14*, *o godz. 14 opanowano pożar*); *pożar zniszczył wczoraj tartak*, *odbyła się wczoraj
    defilada*, *zarządził wybory na dzień 6 listopada* date the noun."""
    noun = match.tokens[0]
    between = [k for k in clause.tokens if min(noun, first) < k < max(noun, first) and k not in match.tokens
               and chosen_pos(tokens[k]) in PREDICATE]
    if not between:
        return False
    verb = between[-1] if first > noun else between[0]
    if support_verb(tokens[verb], words["occurrence"] | words["light_verb"]) \
            or lemmas_lower(tokens[verb]) & words["passive_aux"]:
        return False
    index = triggers_by_first_lemma()
    return any(e.type != NOT_AN_EVENT and len(e.words) == 1 for lemma in lemmas_lower(tokens[verb])
               for e in index.get(lemma, ()))


def _since(tokens: list[Token], first: int, timex: Timex) -> bool:
    """A time after *od* with no *do* closing a range after it: the start of a span (*od 1986 r.*)."""
    if first == 0 or tokens[first - 1].text.lower() != "od":
        return False
    after = [k for k in range(first, min(first + 8, len(tokens))) if tokens[k].start >= timex.end]
    return not any(tokens[k].text.lower() == "do" for k in after[:3])


def _perfective(match: TriggerMatch, tokens: list[Token]) -> bool:
    """The trigger is a verb of the perfective aspect: one happening, never one lasting since a time."""
    chosen = tokens[match.verbal].chosen if match.verbal is not None else None
    return chosen is not None and "perf" in chosen.tag.split(":")


def _night_to(tokens: list[Token], first: int) -> bool:
    """A time after *na* closing a night's span opened by *z* (*w nocy z czwartku na piątek*), no day called for."""
    return any(tokens[k].text.lower() == "z" for k in range(max(0, first - 4), first - 1))


def called_for(tokens: list[Token], first: int) -> bool:
    """A time governed by *na*, the day something is called for: *na 15 maja*, *na dzień 6 listopada*."""
    k = first - 1
    if k > 0 and tokens[k].text.lower() in {"dzień", "termin"}:
        k -= 1
    return k >= 0 and tokens[k].text.lower() == "na"


def _told_by_other_verb(match: TriggerMatch, participle: int, tokens: list[Token], clause: Clause,
                        words: dict[str, frozenset[str]]) -> bool:
    """A noun that a verb of its clause other than the participle tells (*toczyła się debata przerwana przed
    dwoma tygodniami*): the time of a participle of a phase (not of one performing the happening: *rozegrane 10
    lutego zawody*) is of a phase before, not of the happening the clause tells."""
    support = words["occurrence"] | words["light_verb"]
    return match.verbal is None and any(i != participle and i not in match.tokens and support_verb(tokens[i], support)
                                        and not has_pos(tokens[i], {"ppas"}) for i in clause.tokens)


def _performs(tokens: list[Token], verb: int, words: dict[str, frozenset[str]]) -> bool:
    """A verb that performs or tells a happening of its noun (*stoczyć bitwę*, *debata została przerwana*)."""
    return bool(lemmas_lower(tokens[verb]) & (words["light_verb"] | words["occurrence"]))


def _future_allowed(match: TriggerMatch, tokens: list[Token]) -> bool:
    """Whether the trigger may lie after the document's date: not a verb in a past form."""
    forms = match.verb_forms(tokens)
    return not forms & {"praet", "imps", "pant", "ppas"}


def narrative_update(tokens: list[Token], clause: Clause, timexes: list[tuple[int, Timex]],
                     clause_entities: list[Mention], context: DocumentContext) -> None:
    # the narrative moves with main clauses: a time in a relative or subordinate clause ("pozycje, które
    # urządzono w marcu") is about that clause only
    if not timexes or clause.kind != "main":
        return
    verb = next((tokens[i] for i in clause.tokens if has_pos(tokens[i], FINITE)), None)
    tense = tense_of(verb, [tokens[i] for i in clause.tokens])
    for first, timex in sorted(timexes, key=lambda ft: ft[0]):
        if timex.type not in {"DATE", "TIME"} or _attributive(tokens, first, context.words) \
                or _compared(tokens, first, context.words) or _time_of_telling(tokens, first, clause, context.words):
            continue
        if any(_inside(m.entity, timex) for m in clause_entities if m.entity.type == "DOCUMENT"):
            continue
        if _attribute_participle(tokens, first, clause, context.words) is not None:
            # "niż preliminarz uchwalony w styczniu", "debata przerwana przed dwoma tygodniami": the time of an
            # attribute, not of the narrative
            continue
        context.tell_time(timex, tense)


def _time_of_telling(tokens: list[Token], first: int, clause: Clause, words: dict[str, frozenset[str]]) -> bool:
    """A time right after a verb of saying or reporting in the past, no punctuation between, is the day of the
    telling, not of what it tells: *podała w czwartek agencja*, *powiedział na konferencji prasowej we wtorek*,
    *informując o tym wczoraj ministerstwo podkreśliło* (not *jak informowaliśmy, przedwczoraj lokatorzy zauważyli
    ogień*)."""
    for k in range(first - 1, clause.tokens[0] - 1, -1):
        if has_pos(tokens[k], {"interp"}):
            return False
        if has_pos(tokens[k], FINITE | {"pcon"}):
            return has_pos(tokens[k], {"praet", "pcon"}) and bool(lemmas_lower(tokens[k])
                                                                  & (words["report_verb"] | words["saying"]))
    return False


def _attribute_participle(tokens: list[Token], first: int, clause: Clause,
                          words: dict[str, frozenset[str]]) -> int | None:
    """The passive participle standing as an attribute right before a time, whose time it is (*debata
    przerwana przed dwoma tygodniami*, *preliminarz uchwalony w styczniu*), else None."""
    if first > 0 and tokens[first - 1].text.lower() == "z":
        return None  # "izby deputowanych z 27 b. m.": a noun's own date
    k = first - 1
    # over the time's preposition and adverbs: *opanowany dopiero o godz. 14*
    while k >= first - ATTRIBUTE_GAP and k in clause.tokens and chosen_pos(tokens[k]) in LINKING_POS:
        k -= 1
    if k >= 0 and k in clause.tokens and chosen_pos(tokens[k]) == "ppas":
        # one with an auxiliary is the clause's predicate
        return None if has_auxiliary(k, tokens, clause, words) else k
    return None


def learn_document_dates(tokens: list[Token], timexes: list[tuple[int, Timex]], mentions: list[Mention],
                         context: DocumentContext) -> None:
    """"pakt … z 23 sierpnia 1939": remember the date of a document, for events about it later."""
    for mention in mentions:
        if mention.entity.type not in {"DOCUMENT", "EVENT"}:
            continue
        for first, timex in timexes:
            right_after = first == mention.last + 2 and tokens[mention.last + 1].text.lower() == "z"
            if timex.type == "DATE" and (right_after or _inside(mention.entity, timex)):
                context.dated.setdefault(entity_key(mention.entity), timex)


def date_by_description(event: Event, match: TriggerMatch, tokens: list[Token], clauses: list[Clause],
                        timexes: list[Timex], starts: list[int], words: dict[str, frozenset[str]]) -> None:
    """A happening noun takes the time of the relative clause that tells it happened (*pożar, który wybuchł
    wczoraj w nocy, został opanowany*): a clause on the noun whose verb says its subject happened."""
    for clause in clauses:
        if clause.relative is None or clause.antecedent != match.tokens[-1] \
                or not any(support_verb(tokens[i], words["existence"]) for i in clause.tokens):
            continue
        dated = [timex for _first, timex in timexes_in(timexes, starts, tokens, clause)
                 if timex.type in {"DATE", "TIME"} and timex.value[:4].isdigit()]
        if dated:
            event.time, event.timex = dated[0].value, dated[0].id
            event.time_basis, event.time_inherited = "stated", False
            return


def document_date(participants: list[EventArgument], context: DocumentContext) -> Timex | None:
    for participant in participants:
        entity = context.entities_by_id.get(participant.entity or "")
        if entity is not None and entity.type == "DOCUMENT" and entity_key(entity) in context.dated:
            return context.dated[entity_key(entity)]
    return None


def sentence_opens_item(tokens: list[Token], verbless: bool) -> bool:
    """A sentence that opens another item of a news column: one led by a dash (the column's separator of
    notices), or a heading (a few words and no verb: *Z kraju.*, *Wiadomości z Łodzi.*)."""
    if tokens and tokens[0].text in DASHES:
        return True
    return verbless and 0 < sum(not has_pos(t, {"interp"}) for t in tokens) <= HEADING_WORDS


@dataclass
class Opening:
    """An event of an item's opening words (a heading, or the first sentence of a notice), waiting for the
    notice to tell its happening again."""

    event: Event
    sentence: int
    heading: bool  # told by a verbless heading


def _same_setting(event: Event, other: Event) -> bool:
    """Two events whose places, where both have some, share one: *W Wilnie spłonął dom. W Lidzie spłonęła stodoła.*
    are two fires."""
    return not event.places or not other.places or bool({p.lemma for p in event.places}
                                                         & {p.lemma for p in other.places})


def tell_opening(opening: list[Opening], told: list[Event], number: int, dct: str | None) -> list[Opening]:
    """An item's heading or first sentence names the happening its notice then tells (*Przyjazd ministra do Wilna.*
    before *Minister przybędzie …*; *W Lidzie spłonął tartak. Pożar wybuchł w poniedziałek w nocy.*): it takes the
    time the notice's first event of its type (and of no other place) has, when the opening had only the issue's
    date and the notice places the happening on a day before it (the issue's date is a fallback, never a past
    happening's time where the text places it elsewhere) or, in a heading, none; a heading takes its modality too.
    A heading naming its happening in other words than the notice (*Tragiczny wypadek. Wczoraj utonął …*) takes the
    time stated by the notice's first sentence (``told`` are the events of sentence ``number``). The openings no
    event has told yet are returned."""
    waiting = []
    for item in opening:
        event = item.event
        notice = next((e for e in told if e.type == event.type and _same_setting(event, e)), None)
        if notice is None and item.heading and number == item.sentence + 1:
            notice = next((e for e in told if e.time_basis == "stated" and _same_setting(event, e)), None)
        if notice is None:
            waiting.append(item)
            continue
        if item.heading and notice.type == event.type and event.modality == "asserted" \
                and notice.modality != "asserted":
            event.modality = notice.modality
        elif notice.time_basis not in {"stated", "narrative"} or notice.modality not in {"asserted", "reported"} \
                or not (event.time_basis == "issue" and dct and (notice.time or "")[:10] < dct
                        or item.heading and event.time_basis is None and (notice.time or "")[:10] <= (dct or "9")):
            continue
        # the notice's time, carried to the words that named it before: the opening states none of its own
        event.time, event.timex = notice.time, notice.timex
        event.time_basis, event.time_inherited = ("narrative", True) if notice.time else (None, False)
    return waiting
