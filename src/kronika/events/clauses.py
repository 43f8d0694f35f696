"""Splitting a sentence into clauses.

A clause is the set of tokens an event's arguments are looked for in. Polish marks clause edges with
a comma before a subordinator (*który*, *gdy*, *że*) and with a coordinator between two finite verbs;
an embedded relative clause ends at the comma after its verb, and the main clause resumes
(*w Brześciu, który został przekazany …, odbyła się defilada*). A parenthesis is a clause of its own
when it has a finite verb, else part of the clause around it (*obrona Grodna (20–21 września)*).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kronika.events.grammar import PUNCTUATION_BREAKS, is_finite
from kronika.events.lexicon import load_function_words
from kronika.lang.grammar import lemmas, lemmas_lower
from kronika.model import Sentence, Token

# the subordinators that open a clause on a noun: relative pronouns and adverbs of place (not *że*, *gdy*)
RELATIVE_PRONOUNS = frozenset({"który", "jaki", "gdzie", "dokąd", "skąd"})


@dataclass
class Clause:
    kind: str  # "main", "subordinate", "parenthesis"
    tokens: list[int] = field(default_factory=list)  # indices into the sentence's tokens
    antecedent: int | None = None  # for a relative clause: the last token before its comma
    relative: int | None = None  # index of the subordinator opening it (który, że, gdy)
    _lemma_set: frozenset[str] | None = field(default=None, repr=False, compare=False)

    def lemma_set(self, tokens: list[Token]) -> frozenset[str]:
        """The lowercase lemmas of the clause's tokens, computed once, when a test first asks for them."""
        if self._lemma_set is None:
            self._lemma_set = frozenset().union(*(lemmas_lower(tokens[i]) for i in self.tokens))
        return self._lemma_set

    def has_finite(self, tokens: list[Token]) -> bool:
        return any(is_finite(tokens[i], tokens[i - 1] if i else None) for i in self.tokens)


def _segment_has_finite(tokens: list[Token], start: int, coordinators: frozenset[str],
                        across_commas: bool = False) -> bool:
    """Whether the stretch from ``start`` to the next punctuation or coordinator has a finite verb.
    After a coordinator the stretch may run across commas ("i dzień później, 22 września, podpisano")."""
    subordinators = load_function_words()["subordinator"]
    for i in range(start, len(tokens)):
        token = tokens[i]
        if across_commas and token.text == "," and not lemmas(tokens[min(i + 1, len(tokens) - 1)]) & subordinators:
            continue
        if token.text in PUNCTUATION_BREAKS or token.text in "()" or lemmas(token) & coordinators:
            return False
        if is_finite(token, tokens[i - 1] if i else None):
            return True
    return False


def _opens_subordinate(tokens: list[Token], i: int, subordinators: frozenset[str]) -> int | None:
    """Index of the subordinator opening a clause at ``i`` (*który*, *w którym*), else None."""
    for j in (i, i + 1):
        if j < len(tokens) and lemmas(tokens[j]) & subordinators:
            if j == i or lemmas(tokens[i]) & {"w", "na", "z", "do", "przez", "pod", "o", "od", "za"}:
                return j
    return None


def _quotes_after(tokens: list[Token], clause: Clause, colon: int, saying: frozenset[str]) -> bool:
    """A colon right after a finite verb of speech, over abbreviations (*mówił m. in.:*, *oświadczył:*)."""
    before = [k for k in clause.tokens if colon - 6 <= k < colon and tokens[k].text != "."]
    while before and not is_finite(tokens[before[-1]]) and len(tokens[before[-1]].text) <= 3:
        before.pop()  # an abbreviation: *m. in.*, *np.*
    return bool(before) and is_finite(tokens[before[-1]]) and bool(lemmas_lower(tokens[before[-1]]) & saying)


def split_clauses(sentence: Sentence) -> list[Clause]:
    """Clauses of a sentence in order of their first token; every token in exactly one clause,
    except punctuation at clause edges and brackets."""
    words = load_function_words()
    subordinators, coordinators = words["subordinator"], words["coordinator"]
    tokens = sentence.tokens
    done: list[Clause] = []
    stack: list[Clause] = [Clause("main")]

    def last_word(clause: Clause) -> int | None:
        return clause.tokens[-1] if clause.tokens else None

    for i, token in enumerate(tokens):
        top = stack[-1]
        if token.text == "(":
            stack.append(Clause("parenthesis"))
            continue
        if token.text == ")" and top.kind == "parenthesis" and len(stack) > 1:
            stack.pop()
            if top.has_finite(tokens):
                done.append(top)
            else:
                stack[-1].tokens.extend(top.tokens)
            continue
        if token.text == ":" and _quotes_after(tokens, top, i, words["saying"]):
            # the words a speaker is quoted in (*mówił m. in.: …*) run to the sentence's end, a clause apart
            done.extend(c for c in stack if c.tokens)
            stack = [Clause("subordinate")]
            continue
        is_break = token.text in PUNCTUATION_BREAKS
        is_coordinator = bool(lemmas(token) & coordinators) and token.text.islower()
        if is_break:
            opener = _opens_subordinate(tokens, i + 1, subordinators)
            if opener is not None:
                stack.append(Clause("subordinate", antecedent=last_word(top), relative=opener))
                continue
            next_is_coordinator = i + 1 < len(tokens) and bool(lemmas(tokens[i + 1]) & coordinators)
            if top.kind == "subordinate" and top.has_finite(tokens) and not next_is_coordinator:
                done.append(stack.pop())
                if not stack:  # the quoted words after a colon go on
                    stack.append(Clause("subordinate"))
                    continue
                top = stack[-1]
                if not (top.has_finite(tokens) and _segment_has_finite(tokens, i + 1, coordinators)):
                    continue  # the clause the subordinate one interrupted resumes
            if top.has_finite(tokens) and _segment_has_finite(tokens, i + 1, coordinators):
                done.append(stack.pop())
                stack.append(Clause(top.kind))
                continue
        elif is_coordinator and top.has_finite(tokens) and _segment_has_finite(tokens, i + 1, coordinators, True):
            done.append(stack.pop())
            stack.append(Clause(top.kind))
            continue
        if not (is_break and not top.tokens):
            top.tokens.append(i)
    done.extend(c for c in stack if c.tokens)
    return sorted((c for c in done if c.tokens), key=lambda c: c.tokens[0])
