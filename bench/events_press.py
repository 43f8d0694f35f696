"""Events on real press, for counting by hand, and the speed of the events stage.

    python bench/events_press.py --split dev|heldout|locked|all [--corpus press|kpwr|nkjp] [--show] [--judged FILE]
                                 [--speed] [--min-confidence C] [--news FIRST-LAST]

The texts are ../shared/data/period-texts/*.jsonl (``press``, the default), or the KPWr documents of
../shared/data/kpwr-timex/ (``kpwr``: news, blogs and reports of 2005–2010, a sample never used to
develop the events stage), or the first ``NKJP_NEWS`` short news items of a national daily in the NKJP
training file (``nkjp``: 130-5-*, about 2002, outside every locked part; ``dev`` is the half whose sha1
starts with 0–7, ``heldout`` the rest, judged but never trained on; ``--news 801-1200`` keeps only those
items, as numbered in the order of their names). ``locked`` is the SPLITS.md part
(sha1 of the id starts with c–f; never judged for KPWr, whose locked part belongs to the timex
benchmark); of the rest, ``heldout`` (sha1 starts with 8–b) is never developed on, ``dev`` (0–7) is.

``--show`` prints every event with its sentence for a historian to judge. ``--judged`` reads a table
of verdicts (``document<TAB>trigger start<TAB>trigger text<TAB>y|n<TAB>note``, or with a reason class
and a y|n for participants and places before the note; no text of the documents beyond the trigger)
and prints precision over the judged events of the split, listing events not judged yet; a table's ``missed`` rows
(``missed<TAB>document<TAB>start<TAB>words<TAB>type<TAB>cause<TAB>note``: happenings a reader found that no event
told) are counted as found again when an event's trigger overlaps their words, and by cause when still missed;
``--min-confidence`` counts only events the plausibility model gives at least that confidence. ``--speed``
times the events stage alone (words per CPU second) on these texts and on NKJP dev re-joined.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import SHARED, kpwr_documents, nkjp_documents, nkjp_named_documents  # noqa: E402
from splits import locked  # noqa: E402

from kronika.model import Analysis, Document  # noqa: E402
from kronika.pipeline import STAGES  # noqa: E402

PRESS = SHARED / "data" / "period-texts"
NKJP_NEWS = 1200  # short news items (NKJP 130-5-*) judged by hand, in the order of their names
WORD = re.compile(r"\w+")


def part(key: str) -> str:
    if locked(key):
        return "locked"
    return "heldout" if hashlib.sha1(key.encode("utf-8")).hexdigest()[0] in "89ab" else "dev"


def press_documents(split: str, corpus: str = "press", news_items: tuple[int, int] = (1, NKJP_NEWS)) -> list[Document]:
    if corpus == "nkjp":
        news = [(name, text) for name, text in nkjp_named_documents("train") if name.startswith("./130-5-")]
        first, last = news_items
        return [Document(id=name, text=text) for name, text in news[first - 1:last]
                if split == "all" or (part(name) == "dev") == (split == "dev")]
    if corpus == "kpwr":
        return [Document(id=item["id"], text=item["text"], dct=item.get("dct"))
                for item in kpwr_documents() if split == "all" and not locked(item["id"]) or part(item["id"]) == split]
    documents = []
    for path in sorted(PRESS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            if split == "all" or part(item["id"]) == split:
                documents.append(Document(id=item["id"], text=item["text"], dct=item.get("dct"),
                                          title=item.get("title")))
    return documents


def analyse(documents: list[Document]) -> tuple[list[Analysis], float]:
    """Analyses, and the CPU seconds the events stage took on them."""
    analyses = [Analysis(document=d) for d in documents]
    events_time = 0.0
    for stage in STAGES:
        start = time.process_time()
        for analysis in analyses:
            stage.run(analysis)
        if stage.name == "events":
            events_time = time.process_time() - start
    return analyses, events_time


def show(analysis: Analysis) -> None:
    text = analysis.document.text
    print(f"\n=== {analysis.document.id} (dct {analysis.document.dct})")
    for event in analysis.events:
        time_note = f"{event.time}{' (' + event.time_basis + ')' if event.time else ''}"
        print(f"- {event.trigger_start}\t{event.trigger_text!r} {event.type} [{event.modality}] time={time_note}"
              f" places={[p.lemma for p in event.places]}"
              f" parts={[(p.lemma, p.role) for p in event.participants]}")
        print(f"    | {text[event.sentence[0]:event.sentence[1]]}")


def read_judged(path: Path) -> dict[tuple[str, int], tuple[str, str, str, str]]:
    """(document, trigger start) → (trigger, y|n, reason class, participants and places y|n|"")."""
    verdicts = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith(("#", "missed\t")):
            continue
        document, start, trigger, verdict, *rest = line.split("\t")
        # older tables have only a note after the verdict; newer ones a reason class, y|n, then the note
        reason, arguments = (rest + ["", ""])[:2] if len(rest) >= 2 else ("", "")
        verdicts[(document, int(start))] = (trigger, verdict, reason, arguments)
    return verdicts


def read_missed(path: Path) -> list[tuple[str, int, str, str]]:
    """The table's missed happenings: (document, start, words, cause)."""
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("missed\t")]
    return [(document, int(start), words, cause) for _, document, start, words, _type, cause, *_ in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=["dev", "heldout", "locked", "all"], default="dev")
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--corpus", choices=["press", "kpwr", "nkjp"], default="press")
    parser.add_argument("--judged", type=Path)
    parser.add_argument("--speed", action="store_true")
    parser.add_argument("--min-confidence", type=float, default=0.0)
    parser.add_argument("--news", default=f"1-{NKJP_NEWS}", help="NKJP news items FIRST-LAST (from 1)")
    args = parser.parse_args()
    if args.corpus != "press" and args.split == "locked":
        parser.error("judge dev or heldout: the locked KPWr documents belong to the timex benchmark, and the NKJP"
                     " news have no locked part")
    first, last = (int(n) for n in args.news.split("-"))
    documents = press_documents(args.split, args.corpus, (first, last))
    analyses, events_time = analyse(documents)
    for analysis in analyses:
        analysis.events = [e for e in analysis.events if (e.confidence or 0.0) >= args.min_confidence]
    if args.show:
        for analysis in analyses:
            show(analysis)
    total = sum(len(a.events) for a in analyses)
    print(f"{len(documents)} documents ({args.split}), {total} events")
    if args.judged:
        verdicts = read_judged(args.judged)
        right = judged = arguments_judged = arguments_right = 0
        reasons: Counter[str] = Counter()
        for analysis in analyses:
            for event in analysis.events:
                verdict = verdicts.get((analysis.document.id, event.trigger_start))
                if verdict is None or verdict[0] != event.trigger_text:
                    print(f"not judged: {analysis.document.id}\t{event.trigger_start}\t{event.trigger_text}")
                    continue
                judged += 1
                right += verdict[1] == "y"
                if verdict[1] != "y":
                    reasons[verdict[2] or "unclassed"] += 1
                if verdict[3]:
                    arguments_judged += 1
                    arguments_right += verdict[3] == "y"
        print(f"event precision (hand) {right}/{judged} = {right / max(judged, 1):.2f}")
        if reasons:
            print("wrong, by reason: " + ", ".join(f"{reason} {n}" for reason, n in reasons.most_common()))
        if arguments_judged:
            print(f"participants and places right {arguments_right}/{arguments_judged}")
        missed = read_missed(args.judged)
        if missed:
            spans = {(a.document.id, e.trigger_start, e.trigger_start + len(e.trigger_text))
                     for a in analyses for e in a.events}
            still = Counter(cause for document, start, words, cause in missed
                            if not any(d == document and s < start + len(words) and start < e for d, s, e in spans))
            print(f"missed happenings listed {len(missed)}, told now {len(missed) - sum(still.values())}; still missed,"
                  " by cause: " + ", ".join(f"{cause} {n}" for cause, n in still.most_common()))
    if args.speed:
        words = sum(len(WORD.findall(d.text)) for d in documents)
        print(f"events stage on the press texts: {words} words, {words / max(events_time, 1e-9):,.0f} words/s")
        nkjp = [Document(id=str(i), text=t) for i, t in enumerate(nkjp_documents("dev"))]
        _, nkjp_time = analyse(nkjp)
        nkjp_words = sum(len(WORD.findall(d.text)) for d in nkjp)
        print(f"events stage on NKJP dev: {nkjp_words} words, {nkjp_words / max(nkjp_time, 1e-9):,.0f} words/s")


if __name__ == "__main__":
    main()
