"""Scores of the pipeline against gold files in the format of ``shared/seed/*.gold.json``.

The definitions follow CONTRACT.md ("How the scores are defined") so that every evaluation agrees.
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from kronika.errors import InputError
from kronika.lang.tokens import QUOTES
from kronika.model import Analysis, Document, Timex
from kronika.pipeline import analyze
from kronika.timex.values import parse_iso_date, shift_date

_APOSTROPHES = "'‘"  # nor does a name's apostrophe (O'Neill, Rossi‘ego); ’ is among QUOTES

QuestionAnswerer = Callable[[Analysis, list[str]], list[list[dict[str, Any]]]]


def normalise_name(text: str) -> str:
    """Comparison key for base forms: case, quote marks and extra spaces ignored."""
    text = "".join(c for c in text if c not in QUOTES and c not in _APOSTROPHES)
    return " ".join(text.split()).casefold()


def normalise_answer(text: str) -> str:
    text = normalise_name(text)
    return re.sub(r"(?<=\d)[\s\u00a0.](?=\d{3}\b)", "", text)  # 320 000 = 320000


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def prf(tp: int, n_system: int, n_gold: int) -> dict[str, float]:
    p = tp / n_system if n_system else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": p, "r": r, "f": 2 * p * r / (p + r) if p + r else 0.0, "tp": tp, "system": n_system, "gold": n_gold}


def _haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _greedy_match(gold: Sequence[dict[str, Any]], system: Sequence[Any],
                  fits: Callable[[dict[str, Any], Any], bool]) -> list[tuple[dict[str, Any], Any]]:
    """One-to-one matching, greedy in text order (gold order, then the first fitting system item)."""
    used: set[int] = set()
    pairs = []
    for g in sorted(gold, key=lambda x: (x["start"], x["end"])):
        for index, s in enumerate(system):
            if index not in used and fits(g, s):
                used.add(index)
                pairs.append((g, s))
                break
    return pairs


def score_sentences(gold: dict[str, Any], analysis: Analysis) -> dict[str, Any]:
    gold_spans = {tuple(s) for s in gold.get("sentences", [])}
    system_spans = {(s.start, s.end) for s in analysis.sentences}
    gold_ends = {e for _, e in gold_spans}
    system_ends = {e for _, e in system_spans}
    exact = len(gold_spans & system_spans)
    return {"exact": exact, "gold": len(gold_spans), "accuracy": exact / len(gold_spans) if gold_spans else 1.0,
            "boundaries": prf(len(gold_ends & system_ends), len(system_ends), len(gold_ends))}


def score_entities(gold: dict[str, Any], analysis: Analysis) -> dict[str, Any]:
    gold_top = [g for g in gold.get("entities", []) if not g.get("nested")]
    system_top = [e for e in analysis.entities if e.parent is None]

    def type_ok(g: dict[str, Any], s: Any) -> bool:
        return s.type == g["type"] or s.type in g.get("type_alternatives", [])

    result: dict[str, Any] = {}
    for mode, span_ok in (("overlap", lambda g, s: _overlap((g["start"], g["end"]), (s.start, s.end))),
                          ("exact", lambda g, s: (g["start"], g["end"]) == (s.start, s.end))):
        pairs = _greedy_match(gold_top, system_top, lambda g, s, ok=span_ok: ok(g, s) and type_ok(g, s))
        by_type: dict[str, dict[str, float]] = {}
        for entity_type in sorted({g["type"] for g in gold_top} | {s.type for s in system_top}):
            # precision counts matches by the system's type, recall by the gold type (they differ where the
            # gold accepts an alternative type)
            n_system = sum(1 for s in system_top if s.type == entity_type)
            n_gold = sum(1 for g in gold_top if g["type"] == entity_type)
            p_tp = sum(1 for _, s in pairs if s.type == entity_type)
            r_tp = sum(1 for g, _ in pairs if g["type"] == entity_type)
            precision = p_tp / n_system if n_system else 0.0
            recall = r_tp / n_gold if n_gold else 0.0
            by_type[entity_type] = {"p": precision, "r": recall, "tp": r_tp, "system": n_system, "gold": n_gold,
                                    "f": 2 * precision * recall / (precision + recall) if precision + recall else 0.0}
        result[mode] = {**prf(len(pairs), len(system_top), len(gold_top)), "by_type": by_type}
        if mode == "overlap":
            overlap_pairs = pairs
    # Base forms: over every gold entity; the system mention with the same span, else an overlapping one
    # at the same nesting level.
    right, misses = 0, []
    for g in gold.get("entities", []):
        same_level = [e for e in analysis.entities if (e.parent is not None) == bool(g.get("nested"))]
        candidates = [e for e in analysis.entities if (e.start, e.end) == (g["start"], g["end"])] or [
            e for e in same_level if _overlap((g["start"], g["end"]), (e.start, e.end))]
        accepted = {normalise_name(x) for x in [g["lemma"], *g.get("lemma_alternatives", [])]}
        if candidates and normalise_name(candidates[0].lemma) in accepted:
            right += 1
        else:
            system_lemma = candidates[0].lemma if candidates else None
            misses.append({"text": g["text"], "gold": g["lemma"], "system": system_lemma})
    total = len(gold.get("entities", []))
    result["base_form"] = {"right": right, "gold": total, "accuracy": right / total if total else 1.0,
                           "misses": misses}
    result["_overlap_pairs"] = overlap_pairs
    return result


def score_geo(gold: dict[str, Any], analysis: Analysis, max_km: float = 30.0) -> dict[str, Any]:
    right, misses = 0, []
    gold_geo = [g for g in gold.get("entities", []) if g.get("geo")]
    for g in gold_geo:
        found = [e for e in analysis.entities if e.geo and _overlap((g["start"], g["end"]), (e.start, e.end))]
        distance = min((_haversine_km(g["geo"]["lat"], g["geo"]["lon"], e.geo["lat"], e.geo["lon"])  # type: ignore[index]
                        for e in found), default=None)
        if distance is not None and distance <= max_km:
            right += 1
        else:
            misses.append({"text": g["text"], "km": None if distance is None else round(distance, 1)})
    return {"right": right, "gold": len(gold_geo), "accuracy": right / len(gold_geo) if gold_geo else 1.0,
            "misses": misses}


def match_timexes(gold: Sequence[dict[str, Any]], system: Sequence[Timex],
                  strict: bool) -> list[tuple[dict[str, Any], Timex]]:
    """Gold and system timexes paired: strict = identical span, relaxed = overlapping."""
    if strict:
        return _greedy_match(gold, system, lambda g, s: (g["start"], g["end"]) == (s.start, s.end))
    return _greedy_match(gold, system, lambda g, s: _overlap((g["start"], g["end"]), (s.start, s.end)))


def timex_value_right(gold: dict[str, Any], value: str | None) -> bool:
    return value in [gold["value"], *gold.get("value_alternatives", [])]


def score_timexes(gold: dict[str, Any], analysis: Analysis) -> dict[str, Any]:
    gold_t = gold.get("timexes", [])
    system = analysis.timexes
    strict = match_timexes(gold_t, system, strict=True)
    relaxed = match_timexes(gold_t, system, strict=False)
    value_right, misses = 0, []
    for g, s in relaxed:
        if timex_value_right(g, s.value):
            value_right += 1
        else:
            misses.append({"text": g["text"], "gold": g["value"], "system": s.value})
    matched = {id(g) for g, _ in relaxed}
    misses += [{"text": g["text"], "gold": g["value"], "system": None} for g in gold_t if id(g) not in matched]
    return {"strict": prf(len(strict), len(system), len(gold_t)),
            "relaxed": prf(len(relaxed), len(system), len(gold_t)),
            "value": {"right": value_right, "matched": len(relaxed), "gold": len(gold_t),
                      "accuracy_matched": value_right / len(relaxed) if relaxed else 0.0,
                      "accuracy": value_right / len(gold_t) if gold_t else 1.0},
            "misses": misses}


# KPWr TimeML gold restated in the contract's terms (CONTRACT.md "timexes[]"), so that bench/timex_kpwr.py
# counts a difference of convention as no error. Each rule is one the contract states:
# - "A range ("29–30 września") is one timex whose value is an ISO interval": KPWr's two ends become one;
# - values are TIMEX3, resolved from the creation date ("--dct sets the document creation date used to
#   resolve relative dates"): an amount before "temu" / after "za", "przed" is the date it points to,
#   PAST_REF / FUTURE_REF for an unknown amount; after "wcześniej", "później" it points from a time the
#   gold does not give, so the value is not scored;
# - TIMEX3 writes what is unknown as X ("XXXX-09-17"): a time without a day is "XXXX-XX-XXT18:00", KPWr's
#   "VAGUE" duration is a duration of an unknown amount ("PXY", "PTXH"); a week KPWr dates to its year
#   only ("2009-WXX": its annotators write no week numbers, TIMEX3 does) has no value to compare.
_RANGE_GLUE = re.compile(r"\s{0,3}(?:[-–—/]|do)\s{0,3}", re.IGNORECASE)
_AND_GLUE = re.compile(r"\s{1,3}i\s{1,3}", re.IGNORECASE)  # "i" joins a range only after a bare day: "7 i 8 kwietnia"
_AGO = re.compile(r"\s{1,3}temu(?![^\W_])", re.IGNORECASE)
_AHEAD = re.compile(r"(?<![^\W_])(?:za|przed)\s{1,3}$", re.IGNORECASE)
_FROM_NARRATIVE = re.compile(r"\s{1,3}(?:wcześniej|później|przedtem|potem)(?![^\W_])", re.IGNORECASE)
_UNNUMBERED_WEEK = re.compile(r"^\d{4}-WXX(?:-WE)?$")
_AMOUNT = re.compile(r"^P(\d+)(Y|M|W|D)$")
_UNKNOWN_AMOUNTS = [f"PX{unit}" for unit in ("Y", "M", "W", "D", "Q", "WE", "DE", "CE")] + [
    f"PTX{unit}" for unit in ("H", "M", "S")]


def _pointed_date(dct: date, amount: int, unit: str) -> str:
    """The date ``amount`` units from ``dct`` at the unit's precision (a week or a day: the day)."""
    moved = shift_date(dct, amount, unit)
    return {"Y": f"{moved.year:04d}", "M": f"{moved.year:04d}-{moved.month:02d}"}.get(unit, moved.isoformat())


def kpwr_contract_gold(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The gold timexes of a KPWr TimeML document (``text``, ``dct``, ``timexes``) in the contract's terms."""
    text, dct = doc["text"], parse_iso_date(doc.get("dct"))
    gold: list[dict[str, Any]] = []
    for raw in sorted(doc["timexes"], key=lambda t: t["start"]):
        g = dict(raw)
        if g["value"] is not None:
            g["value"] = g["value"].replace("x", "X")
            if g["value"].startswith("T"):
                g["value"] = "XXXX-XX-XX" + g["value"]
            if _UNNUMBERED_WEEK.match(g["value"]):
                g["value"] = None
        previous = gold[-1] if gold else None
        if (
            previous is not None and previous["value"] and g["value"] and "/" not in previous["value"]
            and {previous["type"], g["type"]} <= {"DATE", "TIME"}
            and (_RANGE_GLUE.fullmatch(text, previous["end"], g["start"])
                 or (previous["text"].isdigit() and _AND_GLUE.fullmatch(text, previous["end"], g["start"])))
        ):
            previous.update(end=g["end"], text=text[previous["start"]:g["end"]],
                            value=f"{previous['value']}/{g['value']}",
                            type="TIME" if "TIME" in (previous["type"], g["type"]) else "DATE")
            continue
        if g["type"] == "DURATION" and g["value"] is not None:
            ago = _AGO.match(text, g["end"])
            ahead = _AHEAD.search(text, max(0, g["start"] - 8), g["start"])
            amount = _AMOUNT.match(g["value"])
            if ago or ahead:
                g["type"] = "DATE"
                sign = -1 if ago or text[ahead.start():g["start"]].lower().startswith("przed") else 1
                if g["value"] == "VAGUE":
                    g["value"] = "PAST_REF" if sign < 0 else "FUTURE_REF"
                elif amount and dct:
                    g["value"] = _pointed_date(dct, sign * int(amount[1]), amount[2])
                else:
                    g["value"] = None
            elif _FROM_NARRATIVE.match(text, g["end"]):
                g["type"], g["value"] = "DATE", None
            elif g["value"] == "VAGUE":
                g["value"], g["value_alternatives"] = _UNKNOWN_AMOUNTS[0], _UNKNOWN_AMOUNTS[1:]
        gold.append(g)
    return gold


def score_events(gold: dict[str, Any], analysis: Analysis) -> dict[str, Any]:
    def fits(g: dict[str, Any], s: Any) -> bool:
        if not _overlap((g["start"], g["end"]), (s.trigger_start, s.trigger_end)):
            return False
        if g.get("date") and s.time not in [g["date"], *g.get("date_alternatives", [])]:
            return False
        places = {normalise_name(p.lemma) for p in s.places}
        return all(normalise_name(p) in places for p in g.get("places", []))

    gold_events = gold.get("events", [])
    pairs = _greedy_match(gold_events, analysis.events, fits)
    found = {g["id"] for g, _ in pairs}
    triggers = _greedy_match(gold_events, analysis.events,
                             lambda g, s: _overlap((g["start"], g["end"]), (s.trigger_start, s.trigger_end)))
    return {**prf(len(pairs), len(analysis.events), len(gold_events)),
            "trigger": prf(len(triggers), len(analysis.events), len(gold_events)),
            "missed": [g["id"] + " " + g["trigger"] for g in gold_events if g["id"] not in found]}


def score_questions(gold: dict[str, Any], analysis: Analysis, answerer: QuestionAnswerer) -> dict[str, Any]:
    questions = gold.get("questions", [])
    right, wrong = 0, []
    all_answers = answerer(analysis, [q["question"] for q in questions]) if questions else []
    for q, answers in zip(questions, all_answers, strict=True):
        accepted = {normalise_answer(a) for a in q["answers"]}
        ok = any((normalise_answer(str(a.get("value", ""))) in accepted
                  or normalise_answer(a.get("text", "")) in accepted) and a.get("citations") for a in answers)
        right += ok
        if not ok:
            wrong.append({"question": q["question"], "gold": q["answers"],
                          "system": [a.get("value") for a in answers]})
    return {"right": right, "gold": len(questions), "accuracy": right / len(questions) if questions else 1.0,
            "wrong": wrong}


def answers_from_analysis(analysis: Analysis, questions: list[str]) -> list[list[dict[str, Any]]]:
    """Answers to questions from a temporary store holding just this analysis (as after `kronika ingest`)."""
    import tempfile

    from kronika.qa import answer
    from kronika.store import Store

    with tempfile.TemporaryDirectory() as folder, Store.open(f"sqlite:///{folder}/eval.sqlite") as store:
        store.ingest(analysis)
        return [[a.to_json() for a in answer(store, question)] for question in questions]


@dataclass
class GoldScores:
    path: str
    scores: dict[str, Any]


def load_gold(path: str) -> dict[str, Any]:
    try:
        gold = json.loads(Path(path).read_text("utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: not a JSON gold file ({error})") from None
    if not isinstance(gold, dict) or not isinstance(gold.get("text"), str):
        raise InputError(f"{path}: a gold file needs a \"text\" field (see shared/seed/*.gold.json)")
    return gold


def evaluate_gold(path: str, answerer: QuestionAnswerer | None = None) -> GoldScores:
    gold = load_gold(path)
    document = Document(id=Path(path).name.split(".")[0], text=gold["text"], dct=gold.get("dct"),
                        title=gold.get("document"), source=path)
    analysis = analyze(document)
    entities = score_entities(gold, analysis)
    entities.pop("_overlap_pairs")
    scores = {
        "sentences": score_sentences(gold, analysis),
        "entities": entities,
        "geo": score_geo(gold, analysis),
        "timexes": score_timexes(gold, analysis),
        "events": score_events(gold, analysis),
        "questions": score_questions(gold, analysis, answerer or answers_from_analysis),
    }
    return GoldScores(path, scores)


def total(results: list[GoldScores]) -> dict[str, Any]:
    """Micro-averaged totals over gold files."""
    sums: dict[str, float] = defaultdict(float)
    for r in results:
        s = r.scores
        sums["sent_exact"] += s["sentences"]["exact"]
        sums["sent_gold"] += s["sentences"]["gold"]
        for mode in ("overlap", "exact"):
            for k in ("tp", "system", "gold"):
                sums[f"ent_{mode}_{k}"] += s["entities"][mode][k]
        sums["base_right"] += s["entities"]["base_form"]["right"]
        sums["base_gold"] += s["entities"]["base_form"]["gold"]
        sums["geo_right"] += s["geo"]["right"]
        sums["geo_gold"] += s["geo"]["gold"]
        for mode in ("strict", "relaxed"):
            for k in ("tp", "system", "gold"):
                sums[f"tx_{mode}_{k}"] += s["timexes"][mode][k]
        sums["tx_value"] += s["timexes"]["value"]["right"]
        for k in ("tp", "system", "gold"):
            sums[f"ev_{k}"] += s["events"][k]
        sums["q_right"] += s["questions"]["right"]
        sums["q_gold"] += s["questions"]["gold"]

    def ratio(a: str, b: str) -> float:
        return sums[a] / sums[b] if sums[b] else 0.0

    return {
        "sentences": {"accuracy": ratio("sent_exact", "sent_gold")},
        "entities": {m: prf(int(sums[f"ent_{m}_tp"]), int(sums[f"ent_{m}_system"]), int(sums[f"ent_{m}_gold"]))
                     for m in ("overlap", "exact")} | {"base_form": ratio("base_right", "base_gold")},
        "geo": {"accuracy": ratio("geo_right", "geo_gold")},
        "timexes": {m: prf(int(sums[f"tx_{m}_tp"]), int(sums[f"tx_{m}_system"]), int(sums[f"tx_{m}_gold"]))
                    for m in ("strict", "relaxed")} | {"value_accuracy": ratio("tx_value", "tx_relaxed_gold")},
        "events": prf(int(sums["ev_tp"]), int(sums["ev_system"]), int(sums["ev_gold"])),
        "questions": {"accuracy": ratio("q_right", "q_gold")},
    }


def _f(d: dict[str, float]) -> str:
    counts = f"({int(d['tp'])}/{int(d['gold'])} gold, {int(d['system'])} system)"
    return f"P {d['p']:.3f}  R {d['r']:.3f}  F1 {d['f']:.3f}  {counts}"


def format_report(results: list[GoldScores]) -> str:
    lines: list[str] = []
    for r in results:
        s = r.scores
        lines.append(f"== {r.path}")
        sent = s["sentences"]
        lines.append(f"sentences        exact {sent['exact']}/{sent['gold']} = {sent['accuracy']:.3f}   "
                     f"boundary F1 {sent['boundaries']['f']:.3f}")
        for mode in ("overlap", "exact"):
            lines.append(f"entities {mode:<8}{_f(s['entities'][mode])}")
        for entity_type, d in s["entities"]["overlap"]["by_type"].items():
            lines.append(f"  {entity_type:<15} {_f(d)}")
        bf = s["entities"]["base_form"]
        lines.append(f"base forms       {bf['right']}/{bf['gold']} = {bf['accuracy']:.3f}")
        geo = s["geo"]
        lines.append(f"geocoding 30 km  {geo['right']}/{geo['gold']} = {geo['accuracy']:.3f}")
        tx = s["timexes"]
        lines.append(f"timex strict     {_f(tx['strict'])}")
        lines.append(f"timex relaxed    {_f(tx['relaxed'])}")
        lines.append(f"timex value      {tx['value']['right']}/{tx['value']['gold']} = {tx['value']['accuracy']:.3f}"
                     f"   (on matched {tx['value']['accuracy_matched']:.3f})")
        ev = s["events"]
        lines.append(f"events           recall {ev['r']:.3f}  precision {ev['p']:.3f}  "
                     f"({int(ev['tp'])}/{int(ev['gold'])} gold, "
                     f"{int(ev['system'])} system; trigger recall {ev['trigger']['r']:.3f})")
        q = s["questions"]
        lines.append(f"questions        {q['right']}/{q['gold']} = {q['accuracy']:.3f}")
    if len(results) > 1:
        t = total(results)
        lines.append("== total")
        lines.append(f"sentences {t['sentences']['accuracy']:.3f}  "
                     f"entities overlap F1 {t['entities']['overlap']['f']:.3f}  "
                     f"exact F1 {t['entities']['exact']['f']:.3f}  base forms {t['entities']['base_form']:.3f}  "
                     f"geo {t['geo']['accuracy']:.3f}  timex relaxed F1 {t['timexes']['relaxed']['f']:.3f}  "
                     f"strict F1 {t['timexes']['strict']['f']:.3f}  values {t['timexes']['value_accuracy']:.3f}  "
                     f"events recall {t['events']['r']:.3f}  questions {t['questions']['accuracy']:.3f}")
    return "\n".join(lines)
