"""Document → Analysis: the stages in data-flow order.

Each stage is a callable that reads and writes parts of an :class:`~kronika.model.Analysis`, and
declares which (``requires`` / ``assigns``), so the order can be checked without running it.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from kronika.model import Analysis, Document


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Analysis], None]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


def _segment(analysis: Analysis) -> None:
    from kronika.text.segment import split_sentences

    analysis.sentences = split_sentences(analysis.document.text)


def _morphology(analysis: Analysis) -> None:
    from kronika.morph.disambiguate import disambiguate

    disambiguate(analysis.sentences)


def _entities(analysis: Analysis) -> None:
    from kronika.ner.entities import annotate_entities

    annotate_entities(analysis)


def _source_markup(analysis: Analysis) -> None:
    from kronika.text.tei import apply_source_markup

    apply_source_markup(analysis)


def _places(analysis: Analysis) -> None:
    from kronika.geo import annotate_places

    annotate_places(analysis)


def _events(analysis: Analysis) -> None:
    from kronika.events import annotate_events

    annotate_events(analysis)


def _nkjp(analysis: Analysis) -> None:
    from kronika.ner.statistical import tag_nkjp

    # always computed: the domain-entity stage builds on these spans; the JSON shows them only with --nkjp
    analysis.nkjp = tag_nkjp(analysis.sentences)


def _quantities(analysis: Analysis) -> None:
    from kronika.quantities import annotate_quantities

    annotate_quantities(analysis)


def _timex(analysis: Analysis) -> None:
    from kronika.timex import annotate_timexes

    annotate_timexes(analysis)


STAGES: list[Stage] = [
    Stage("segment", _segment, requires=("document.text",), assigns=("sentences", "tokens")),
    Stage("morphology", _morphology, requires=("tokens",), assigns=("tokens.interps", "tokens.chosen")),
    Stage("timex", _timex, requires=("tokens",), assigns=("timexes",)),
    Stage("nkjp", _nkjp, requires=("tokens.chosen",), assigns=("nkjp",)),
    Stage("entities", _entities, requires=("tokens.chosen", "nkjp", "timexes"), assigns=("entities",)),
    Stage("source_markup", _source_markup, requires=("entities", "timexes"), assigns=("entities", "timexes")),
    Stage("places", _places, requires=("entities",),
          assigns=("entities.geo", "entities.type", "entities.lemma", "entities.ref")),
    Stage("events", _events, requires=("entities", "timexes"), assigns=("events",)),
    Stage("quantities", _quantities, requires=("tokens.chosen", "timexes", "entities"), assigns=("quantities",)),
]


def check_order(stages: list[Stage]) -> None:
    """Raise when a stage requires something no earlier stage assigns."""
    available = {"document.text", "document.dct"}
    for stage in stages:
        missing = [r for r in stage.requires if r not in available]
        if missing:
            raise ValueError(f"stage {stage.name!r} requires {missing} before any stage assigns it")
        available.update(stage.assigns)


def analyze(document: Document, *, nkjp: bool = False) -> Analysis:
    """Run every stage on one document."""
    analysis = Analysis(document=document, show_nkjp=nkjp)
    for stage in STAGES:
        stage.run(analysis)
    return analysis


def analyze_all(documents: Iterable[Document], *, nkjp: bool = False) -> Iterator[Analysis]:
    for document in documents:
        yield analyze(document, nkjp=nkjp)


# Analysis makes almost no cyclic garbage (on NKJP dev none is left for the oldest generation), yet with
# Python's default thresholds (700, 10, 10) the collector runs thousands of times a run, and each full
# collection walks every object of the loaded models and per-form caches: about a third of the CPU of a
# long run. At these thresholds the young objects are still collected, and a full collection comes after
# some 20 million new objects instead of 70,000.
COLLECTOR_THRESHOLDS = (50_000, 20, 20)


def collect_garbage_rarely() -> None:
    """Run Python's cyclic garbage collector at :data:`COLLECTOR_THRESHOLDS`: once, where a process that
    may analyse many documents starts."""
    gc.set_threshold(*COLLECTOR_THRESHOLDS)
