"""Loading the temporal grammar of a language: lexicons, macros and rules from ``resources/<lang>/``.

The engine knows no language. A language folder holds lexicon files (``*.tsv``: sections of lemmas whose
case forms Morfeusz generates) and ``patterns.txt`` (macros and rules with named groups). Everything is
validated and compiled into one named alternative per rule, matched on lower-cased text only where a
word that can start some rule stands. ``scripts/compile_timex_grammar.py`` stores the compiled form in
``resources/<lang>/compiled.json`` (generated: do not edit), which is used while its recorded input digest
matches the sources.
"""

from __future__ import annotations

import hashlib
import json
import re
import re._parser as _regex_parser  # the standard library's own regex parser, to walk patterns
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from kronika.lang.fold import fold
from kronika.lang.resources import data_lines, read_text
from kronika.morph import get_morphology

# Fields a rule's named groups may carry ("day2" is the second member of a range); the structural groups
# mark spans only.
FIELDS = frozenset({
    "year", "month", "day", "dayword", "hour", "minute", "minuteword", "part", "season", "weekday", "decade",
    "decadeword", "century", "num", "unit", "unitone", "shift", "dayshift", "yearshift", "direction", "set",
    "monthshift", "centuryshift", "era", "hourword", "yearword", "quarter", "holiday", "style", "event", "nth",
    "stopwatch", "numordinal", "andhalf",
})
STRUCTURE = frozenset({"left", "right", "measure", "hedge"})
TYPES = frozenset({"DATE", "TIME", "DURATION", "SET"})
CHECKS = frozenset({
    "feast", "after_day", "after_weekday_set", "decade",
    "bare_year", "ascending", "lowercase_initial", "lowercase_month", "duration", "dateline", "not_age",
    "not_press_kind", "not_score", "not_money", "uppercase_roman", "season_of_year", "after_elapse_verb",
    "clock_ordinal", "after_degree", "capital_roman", "not_house_number",
})
# fields of lexicon sections that name no part of a date: a hedge's mod, an ordinal, a noun class read by a check
_LEXICON_FIELDS = frozenset({"mod", "ordinal", "aged", "press", "tense", "kind"})
# Morfeusz parts of speech never wanted among generated forms: abbreviations, adjectival prefixes
_SKIPPED_POS = frozenset({"brev", "adja", "adjc", "adjp"})
_DEGREES = frozenset({"com", "sup"})
_MACRO_REF = re.compile(r"%([A-Za-z][A-Za-z0-9]*)")
_GROUP = re.compile(r"\(\?P<([a-z]+)(\d?)>")
# unbounded quantifiers are bounded so that no rule can scan far from where it started
_BOUNDED = (
    (r"\s+", r"\s{1,3}"), (r"\s*", r"\s{0,3}"), (r"\w+", r"\w{1,20}"), (r"\w*", r"\w{0,20}"),
    (r"\d+", r"\d{1,12}"),
)
_UNBOUNDED = re.compile(r"(?<!\\)[+*]|\{\d*,\}")


class GrammarError(ValueError):
    """A resource file that does not follow its format."""


@dataclass
class Section:
    """One lexicon section: a macro (``%monthName``) and, when it has a field, the value of each form."""

    name: str
    field: str | None
    values: dict[str, str] = field(default_factory=dict)


@dataclass
class Example:
    text: str  # the input, brackets removed
    span: tuple[int, int]  # where the expected timex is in ``text``
    value: str
    dct: str | None
    whole: bool  # the whole text is one timex (no brackets were written)


@dataclass
class Rule:
    name: str
    type: str
    pattern: str  # after macro expansion
    fields: dict[str, str] = field(default_factory=dict)
    check: str | None = None
    examples: list[Example] = field(default_factory=list)
    counters: list[str] = field(default_factory=list)
    source_pattern: str = ""
    # (group name in the compiled regex, field, member: 0 for a single expression or a range's left, 1 right)
    groups: list[tuple[str, str, int]] = field(default_factory=list)


@dataclass
class Grammar:
    language: str
    rules: list[Rule]
    values: dict[str, dict[str, str]]  # field → form → value
    macros: dict[str, str]
    rule_by_group: dict[str, Rule]
    trigger: re.Pattern[str]  # where a match can start: a digit, a known word, a compound's stem
    rules_at: RulesAt  # the word a match starts with → the rules that can start so

    def matches(self, lower: str) -> Iterator[re.Match[str]]:
        """The grammar's matches in ``lower``, as ``finditer`` over the alternation of all rules would give
        them, but tried only where a trigger word starts, and only with the rules that can start with it."""
        end = 0
        rules_at = self.rules_at
        for trigger in self.trigger.finditer(lower):
            if trigger.start() < end:
                continue
            word = trigger.group()
            match = rules_at.match("" if word.isdigit() else word, lower, trigger.start())
            if match:
                end = match.end()
                yield match

    def value(self, field_name: str, form: str) -> str | None:
        return self.values.get(field_name, {}).get(" ".join(form.split()))

    def compiled_macro(self, name: str) -> re.Pattern[str]:
        return _compiled_macro(self.language, name)


def trie_regex(forms: set[str]) -> str:
    """An alternation of ``forms`` factored by common prefixes; longer continuations are tried first,
    and a space matches any short run of whitespace."""
    trie: dict = {}
    for form in forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = []
        for char in sorted(k for k in node if k):
            head = r"\s{1,3}" if char == " " else re.escape(char)
            branches.append(head + build(node[char]))
        if "" in node:
            if not branches:
                return ""
            return "(?:" + "|".join(branches) + ")?"
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return "(?:" + build(trie) + ")"


def _generated_forms(lemma: str, options: dict[str, str]) -> set[str]:
    allowed_pos = set(options["pos"].split(",")) if "pos" in options else None
    number = options.get("number")
    forms = set()
    for form, tag, _quals in get_morphology().generate(lemma):
        parts = tag.split(":")
        degree = options.get("degree")
        if parts[0] in _SKIPPED_POS or "neg" in parts:
            continue
        if (degree not in parts) if degree else bool(_DEGREES & set(parts)):
            continue
        if allowed_pos is not None and parts[0] not in allowed_pos:
            continue
        if number and not any(number in p.split(".") for p in parts[1:2]):
            continue
        if "case" in options and not any(options["case"] in p.split(".") for p in parts[2:3]):
            continue
        forms.add(form.lower())
    if not forms:
        raise GrammarError(f"Morfeusz generates no forms for lemma {lemma!r} with {options}")
    return forms - set(options.get("exclude", "").split(","))


def _with_folded(forms: set[str]) -> set[str]:
    """Forms plus their spellings without Polish diacritics (common online), unless the folded spelling
    is a word of its own."""
    morphology = get_morphology()
    extra = set()
    for form in forms:
        folded = fold(form)
        if folded != form and len(folded) >= 4 and all(
            i.tag == "ign" for word in folded.split() for i in morphology.analyse(word)
        ):
            extra.add(folded)
    return forms | extra


def _archaic_forms(forms: set[str]) -> set[str]:
    """Adjective forms in the spelling before the 1936 reform: instrumental and locative singular and the
    plural of the masculine and neuter written -em, -emi ("dzisiejszem posiedzeniu", "ubiegłemi laty")."""
    archaic = set()
    for form in forms:
        for modern, old in (("ymi", "emi"), ("ym", "em"), ("imi", "iemi"), ("im", "iem")):
            if form.endswith(modern) and not (modern.startswith("i") and form.endswith(("ymi", "ym"))):
                archaic.add(form[: -len(modern)] + old)
                break
    return archaic


def _parse_lexicon(text: str, filename: str) -> list[Section]:
    sections: list[Section] = []
    for number, line in data_lines(text):
        where = f"{filename} line {number}"
        if line.startswith("["):
            header = line.strip("[] ").split()
            if not 1 <= len(header) <= 2:
                raise GrammarError(f"{where}: section header must be [macro] or [macro field]")
            field_name = header[1] if len(header) == 2 else None
            if field_name is not None and field_name not in FIELDS | _LEXICON_FIELDS:
                raise GrammarError(f"{where}: unknown field {field_name!r}")
            sections.append(Section(header[0], field_name))
            continue
        if not sections:
            raise GrammarError(f"{where}: entry before any [section]")
        columns = line.split("\t")
        if len(columns) not in (2, 3):
            raise GrammarError(f"{where}: expected lemma<TAB>value[<TAB>options]")
        lemma, value = columns[0], columns[1]
        options: dict[str, str] = {}
        for option in (columns[2].split() if len(columns) == 3 else []):
            key, _, val = option.partition("=")
            if key not in {"literal", "pos", "number", "exclude", "degree", "case", "archaic"}:
                raise GrammarError(f"{where}: unknown option {key!r}")
            options[key] = val
        forms = {lemma.lower()} if "literal" in options else _generated_forms(lemma, options)
        if "archaic" in options:
            forms |= _archaic_forms(forms)
        section = sections[-1]
        for form in _with_folded(forms):
            previous = section.values.get(form)
            if previous is not None and previous != value:
                raise GrammarError(f"{where}: form {form!r} has two values ({previous}, {value})")
            section.values[form] = value
    return sections


_EXAMPLE = re.compile(r"^(?P<text>.+?)\s+=>\s+(?P<value>\S+)(?:\s+\[dct (?P<dct>\d{4}-\d\d-\d\d)\])?$")


def _parse_example(raw: str, where: str) -> Example:
    match = _EXAMPLE.match(raw)
    if not match:
        raise GrammarError(f"{where}: example must be 'TEXT => VALUE [dct YYYY-MM-DD]'")
    text = match["text"]
    if "[" in text:
        start = text.index("[")
        end = text.index("]") - 1
        plain = text.replace("[", "", 1).replace("]", "", 1)
        return Example(plain, (start, end), match["value"], match["dct"], whole=False)
    return Example(text, (0, len(text)), match["value"], match["dct"], whole=True)


def _parse_patterns(text: str, filename: str) -> tuple[dict[str, str], list[Rule]]:
    macros: dict[str, str] = {}
    rules: list[Rule] = []
    for number, line in data_lines(text):
        where = f"{filename} line {number}"
        if line.startswith("macro "):
            name, sep, body = line[6:].partition(" = ")
            if not sep:
                raise GrammarError(f"{where}: expected 'macro NAME = REGEX'")
            macros[name.strip()] = body.strip()
        elif line.startswith("rule "):
            rules.append(Rule(line[5:].strip(), "", ""))
        elif line.startswith("  ") and rules:
            key, _, value = line.strip().partition(" ")
            rule = rules[-1]
            if key == "type":
                if value not in TYPES:
                    raise GrammarError(f"{where}: unknown type {value!r}")
                rule.type = value
            elif key == "pattern":
                rule.source_pattern = value
            elif key == "fields":
                rule.fields.update(item.split("=", 1) for item in value.split())
            elif key == "check":
                if value not in CHECKS:
                    raise GrammarError(f"{where}: unknown check {value!r}")
                rule.check = value
            elif key == "example":
                rule.examples.append(_parse_example(value, where))
            elif key == "counter":
                rule.counters.append(value)
            else:
                raise GrammarError(f"{where}: unknown key {key!r}")
        else:
            raise GrammarError(f"{where}: expected a macro, a rule or an indented rule line")
    return macros, rules


def _expand(pattern: str, macros: dict[str, str], trail: tuple[str, ...] = ()) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match[1]
        if name not in macros:
            raise GrammarError(f"unknown macro %{name} in {pattern!r}")
        if name in trail:
            raise GrammarError(f"macro %{name} refers to itself")
        return "(?:" + _expand(macros[name], macros, trail + (name,)) + ")"

    return _MACRO_REF.sub(replace, pattern)


def _bound(pattern: str) -> str:
    for unbounded, bounded in _BOUNDED:
        pattern = pattern.replace(unbounded, bounded)
    if _UNBOUNDED.search(pattern.replace("\\+", "").replace("\\*", "")):
        raise GrammarError(f"unbounded repetition left in {pattern[:80]!r}…")
    return pattern


def _read(language: str, name: str) -> str:
    return read_text("kronika.timex", f"resources/{language}/{name}")


COMPILED_NAME = "compiled.json"


def _inputs_digest(language: str) -> str:
    """What a compiled grammar depends on: every resource file of the language and the SGJP dictionary
    (lexicon forms are generated by Morfeusz)."""
    folder = resources.files("kronika.timex").joinpath(f"resources/{language}")
    digest = hashlib.sha256(get_morphology().dictionary_id.encode())
    for name in sorted(p.name for p in folder.iterdir() if p.name.endswith((".tsv", ".txt"))):
        digest.update(name.encode() + b"\0" + folder.joinpath(name).read_bytes())
    return digest.hexdigest()


def grammar_to_json(grammar: Grammar) -> dict[str, Any]:
    """The compiled grammar as data (``scripts/compile_timex_grammar.py`` writes it next to its sources)."""
    return {
        "inputs": _inputs_digest(grammar.language), "language": grammar.language,
        "rules": [asdict(rule) for rule in grammar.rules], "values": grammar.values, "macros": grammar.macros,
        "rule_by_group": {group: grammar.rules.index(rule) for group, rule in grammar.rule_by_group.items()},
        "trigger": grammar.trigger.pattern, "rules_at": grammar.rules_at.to_json(),
    }


def _grammar_from_json(data: dict[str, Any]) -> Grammar:
    rules = []
    for raw in data["rules"]:
        examples = [Example(**{**e, "span": tuple(e["span"])}) for e in raw["examples"]]
        rules.append(Rule(**{**raw, "examples": examples, "groups": [tuple(g) for g in raw["groups"]]}))
    return Grammar(data["language"], rules, data["values"], data["macros"],
                   {group: rules[index] for group, index in data["rule_by_group"].items()},
                   re.compile(data["trigger"]), RulesAt(**data["rules_at"]))


@lru_cache(maxsize=4)
def load_grammar(language: str = "pl") -> Grammar:
    """The grammar of ``language``, once per process: the committed compiled form when it was made from
    the current resource files and dictionary (compiling from the sources takes over a second), else
    compiled from the sources."""
    compiled = resources.files("kronika.timex").joinpath(f"resources/{language}/{COMPILED_NAME}")
    if compiled.is_file():
        data = json.loads(compiled.read_text("utf-8"))
        if data.get("inputs") == _inputs_digest(language):
            return _grammar_from_json(data)
    return compile_grammar(language)


def compile_grammar(language: str = "pl") -> Grammar:
    """Read, validate and compile the grammar of ``language`` from its resource files."""
    folder = resources.files("kronika.timex").joinpath(f"resources/{language}")
    lexicon_files = sorted(p.name for p in folder.iterdir() if p.name.endswith(".tsv"))
    values: dict[str, dict[str, str]] = {}
    macros: dict[str, str] = {}
    for filename in lexicon_files:
        for section in _parse_lexicon(_read(language, filename), filename):
            if section.name in macros:
                raise GrammarError(f"{filename}: section {section.name!r} defined twice")
            macros[section.name] = trie_regex(set(section.values))
            if section.field:
                table = values.setdefault(section.field, {})
                for form, value in section.values.items():
                    if table.get(form, value) != value:
                        raise GrammarError(f"{filename}: {section.field} form {form!r} has two values")
                    table[form] = value
    pattern_macros, rules = _parse_patterns(_read(language, "patterns.txt"), "patterns.txt")
    clash = set(pattern_macros) & set(macros)
    if clash:
        raise GrammarError(f"patterns.txt redefines lexicon macros {sorted(clash)}")
    macros.update(pattern_macros)
    alternatives = []
    rule_by_group: dict[str, Rule] = {}
    names = set()
    for index, rule in enumerate(rules):
        if rule.name in names or not rule.type or not rule.source_pattern:
            raise GrammarError(f"rule {rule.name!r}: duplicate name, or missing type or pattern")
        names.add(rule.name)
        rule.pattern = _bound(_expand(rule.source_pattern, macros))
        try:
            re.compile(rule.pattern)
        except re.error as error:
            raise GrammarError(f"rule {rule.name!r}: {error}") from error
        prefix = f"r{index}_"

        def rename(match: re.Match[str], prefix: str = prefix, rule: Rule = rule) -> str:
            name, member = match[1], match[2]
            if name not in FIELDS | STRUCTURE:
                raise GrammarError(f"rule {rule.name!r}: unknown group {name!r}")
            return f"(?P<{prefix}{name}{member}>"

        renamed = _GROUP.sub(rename, rule.pattern)
        rule.groups = [
            (f"{prefix}{m[1]}{m[2]}", m[1], 1 if m[2] else 0) for m in _GROUP.finditer(rule.pattern)
        ]
        group = f"r{index}"
        rule_by_group[group] = rule
        alternatives.append(f"(?P<{group}>{renamed}(?![^\\W_]))")
    for name in ("glueDate", "glueTime", "glueRange", "glueWeekdayAfter", "rangeOpener", "ageContext", "modifierBefore",
                 "numberNoun", "scheduleContext", "scoreContext", "afterMidnight", "streetBefore",
                 "moneyBefore", "capitalMonthLocative", "recordOpening"):
        if name not in macros:
            raise GrammarError(f"patterns.txt must define macro {name}")
    trigger, rules_at = _dispatch(rules, alternatives)
    return Grammar(language, rules, values, macros, rule_by_group, trigger, rules_at)


def _may_be_letter(op: object, arg: object) -> bool:
    """Whether a regex element other than a literal can match a letter (``\\w``, ``[^\\W\\d_]``, ``.``)."""
    name = str(op)
    if name == "IN":
        for item_op, item_arg in arg:  # type: ignore[attr-defined]
            item = str(item_op)
            if item == "NEGATE" or (item == "CATEGORY" and "WORD" in str(item_arg)):
                return True
            if item == "LITERAL" and chr(item_arg).isalpha():
                return True
            if item == "RANGE" and any(chr(c).isalpha() for c in item_arg):
                return True
        return False
    if name == "CATEGORY":
        return "WORD" in str(arg)
    return name in ("ANY", "NOT_LITERAL")


def _leads(items: list, prefixes: set[str]) -> tuple[set[str], set[str], set[str]]:
    """Walk a parsed regex from ``prefixes``: the letter strings a match can start with, as whole words,
    word stems (a letter class follows), and paths still open at the end of ``items``."""
    words: set[str] = set()
    stems: set[str] = set()
    current = set(prefixes)
    for op, arg in items:
        if not current:
            break
        name = str(op)
        if name in ("ASSERT", "ASSERT_NOT", "AT"):
            continue
        if name == "LITERAL":
            if chr(arg).isalpha():
                current = {p + chr(arg) for p in current}
            else:
                words |= current
                current = set()
        elif name == "SUBPATTERN":
            sub_words, sub_stems, current = _leads(list(arg[-1]), current)
            words |= sub_words
            stems |= sub_stems
        elif name == "BRANCH":
            following: set[str] = set()
            for branch in arg[1]:
                sub_words, sub_stems, sub_open = _leads(list(branch), current)
                words |= sub_words
                stems |= sub_stems
                following |= sub_open
            current = following
        elif name in ("MAX_REPEAT", "MIN_REPEAT"):
            low, high, body = arg
            sub_words, sub_stems, sub_open = _leads(list(body), current)
            words |= sub_words
            stems |= sub_stems
            if high > 1 and sub_open - current:
                stems |= sub_open  # letters repeated: only a stem is certain
                sub_open = set()
            current = (current if low == 0 else set()) | sub_open
        elif name == "IN" and all(str(item_op) == "LITERAL" for item_op, _ in arg):
            # a set of single characters (the parser folds "(?:a|ę)" into one): one path per letter
            letters = [chr(c) for _, c in arg if chr(c).isalpha()]
            if len(letters) < len(arg):
                words |= current
            current = {p + letter for p in current for letter in letters}
        elif _may_be_letter(op, arg):
            stems |= current
            current = set()
        else:  # a digit, a space: the word ends here
            words |= current
            current = set()
    return words, stems, current


class RulesAt:
    """Start word → the rules that can start with it, tried in order: the first that matches wins, as in one
    alternation of them. Each rule is compiled on its own, once, on first use: a short text needs a few, and
    compiling an alternation per set of rules compiled the rules shared by many sets again for each."""

    def __init__(self, alternatives: list[str], rule_sets: list[list[int]], start_sets: dict[str, int]) -> None:
        self.alternatives = alternatives  # one named alternative per rule
        self.rule_sets = rule_sets  # distinct sets of rule indices
        self.start_sets = start_sets  # start word → index into rule_sets
        self._compiled: dict[int, re.Pattern[str]] = {}

    def match(self, start: str, lower: str, position: int) -> re.Match[str] | None:
        """The first rule that can start with ``start`` and matches ``lower`` at ``position``."""
        for index in self.rule_sets[self.start_sets[start]]:
            pattern = self._compiled.get(index)
            if pattern is None:
                pattern = self._compiled[index] = re.compile(
                    r"(?<![^\W_])(?<![^\W_][-–])(?:" + self.alternatives[index] + ")")
            match = pattern.match(lower, position)
            if match:
                return match
        return None

    def to_json(self) -> dict[str, Any]:
        return {"alternatives": self.alternatives, "rule_sets": self.rule_sets, "start_sets": self.start_sets}


def _dispatch(rules: list[Rule], alternatives: list[str]) -> tuple[re.Pattern[str], RulesAt]:
    """Where a match can start, and which rules to try there: a digit, or a word (whole, or as a stem:
    "dwu|dniowy") that begins some rule's pattern, found by walking the parsed patterns."""
    starts: dict[str, set[int]] = {}
    stems: set[str] = set()
    for index, rule in enumerate(rules):
        rule_words, rule_stems, rule_open = _leads(list(_regex_parser.parse(rule.pattern)), {""})
        for word in rule_words | rule_open | rule_stems:
            starts.setdefault(word, set()).add(index)
        stems |= rule_stems
    if any(0 < len(s) < 2 for s in stems):
        raise GrammarError(f"a rule can start with a one-letter stem: {sorted(s for s in stems if len(s) < 2)}")
    set_index: dict[frozenset[int], int] = {}
    start_sets: dict[str, int] = {}
    for start, indices in sorted(starts.items()):  # sorted: the compiled file must not depend on hashing
        key = frozenset(indices | starts.get("", set()) if start == "" else indices)
        start_sets[start] = set_index.setdefault(key, len(set_index))
    rule_sets = [sorted(key) for key in sorted(set_index, key=set_index.__getitem__)]
    words = set(starts) - stems - {""}
    alternatives_at = [r"\d"]
    if words:  # whole words first: "trzydzieści" is a number, not the stem "trzy"
        alternatives_at.append(trie_regex(words) + r"(?![^\W_])")
    if stems - {""}:
        alternatives_at.append(trie_regex(stems - {""}))
    return re.compile(r"(?<![^\W_])(?:" + "|".join(alternatives_at) + ")"), RulesAt(alternatives, rule_sets, start_sets)


@lru_cache(maxsize=64)
def _compiled_macro(language: str, name: str) -> re.Pattern[str]:
    grammar = load_grammar(language)
    return re.compile(_bound(_expand(grammar.macros[name], grammar.macros)))

