"""The entities stage: NKJP spans and domain rules → contract entities with base forms and refs.

Candidates come from three sources, trusted in this order: the domain rules (:mod:`kronika.ner.domain`),
the statistical NKJP tagger (``analysis.nkjp``), and bare Morfeusz evidence (geographic-name and
first-name qualifiers). A candidate lying wholly inside an accepted document, event or organisation name
becomes a nested entity of it (*Lwowa* in *obrony Lwowa*); other overlaps are dropped.
"""

from __future__ import annotations

from kronika.model import Analysis, Entity, NkjpSpan, Sentence
from kronika.morph.lemmatize import base_form
from kronika.ner.coref import assign_refs
from kronika.ner.domain import RECOGNISERS, Mention, has_qualifier, is_capitalised, is_unknown, load_lexicon, \
    longest_word_match

_SOURCE_RANK = {"rule": 0, "nkjp": 1, "morph": 2}
_CONTAINERS = frozenset({"DOCUMENT", "EVENT", "ORGANIZATION"})
_NESTABLE = frozenset({"PERSON", "PLACE", "COUNTRY", "ORGANIZATION"})
# NKJP label → (contract type, subtype); labels not listed (dates, name parts) make no entity
_NKJP_TYPES: dict[str, tuple[str, str | None]] = {
    "persName": ("PERSON", None),
    "placeName_country": ("COUNTRY", None),
    "placeName_settlement": ("PLACE", "settlement"),
    "placeName_region": ("PLACE", "region"),
    "placeName_district": ("PLACE", "region"),
    "placeName_bloc": ("PLACE", "region"),
    "geogName": ("PLACE", None),
    "orgName": ("ORGANIZATION", None),
}


def annotate_entities(analysis: Analysis) -> None:
    """Fill ``analysis.entities`` (ids e1, e2… in text order, nested ones after their parent)."""
    spans = analysis.nkjp or []
    mentions: list[Mention] = []
    for sentence in analysis.sentences:
        candidates = [m for recognise in RECOGNISERS for m in recognise(sentence.tokens)]
        candidates += _nkjp_mentions(sentence, spans)
        mentions.extend(resolve(candidates))
    entities: list[Entity] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
        parent = _to_entity(analysis, mention, len(entities) + 1, None)
        entities.append(parent)
        for child in sorted(mention.children, key=lambda m: m.start):
            entities.append(_to_entity(analysis, child, len(entities) + 1, parent.id))
    assign_refs(entities)
    analysis.entities = entities


def resolve(candidates: list[Mention]) -> list[Mention]:
    """Top-level mentions with their nested children, from overlapping candidates of one sentence."""
    expanded = candidates + [child for m in candidates for child in m.children]
    for mention in candidates:
        mention.children = []
    ranked = sorted(expanded, key=lambda m: (_SOURCE_RANK[m.source], -(m.end - m.start), m.start))
    accepted: list[Mention] = []
    for mention in ranked:
        overlapping = [a for a in accepted if a.start < mention.end and mention.start < a.end]
        if not overlapping:
            accepted.append(mention)
            continue
        container = overlapping[0]
        if len(overlapping) == 1 and container.type in _CONTAINERS and mention.type in _NESTABLE and \
                container.start <= mention.start and mention.end <= container.end and \
                (container.start, container.end) != (mention.start, mention.end) and \
                not any(c.start < mention.end and mention.start < c.end for c in container.children):
            container.children.append(mention)
    return accepted


def _nkjp_mentions(sentence: Sentence, spans: list[NkjpSpan]) -> list[Mention]:
    """Contract-typed candidates from the NKJP spans inside this sentence."""
    mentions: list[Mention] = []
    for span in spans:
        if span.start < sentence.start or span.end > sentence.end or span.label not in _NKJP_TYPES:
            continue
        tokens = [t for t in sentence.tokens if span.start <= t.start and t.end <= span.end]
        if not tokens or not any(is_capitalised(t) for t in tokens):
            continue  # adjectives derived from names (polskiego) are NKJP names, not entities
        entity_type, subtype = _NKJP_TYPES[span.label]
        if entity_type == "PERSON" and not any(has_qualifier(t, {"imię", "nazwisko"}) or is_unknown(t)
                                               for t in tokens):
            continue  # ethnonyms (Sowieci, Polacy) are persName in NKJP but name no one
        if entity_type == "ORGANIZATION":
            lexicon = load_lexicon()
            if any(longest_word_match(tokens, i, lexicon.unit_heads) for i in range(len(tokens))):
                entity_type = "MILITARY_UNIT"
        mentions.append(Mention(tokens, entity_type, subtype, source="nkjp"))
    return mentions


def _to_entity(analysis: Analysis, mention: Mention, number: int, parent: str | None) -> Entity:
    text = analysis.document.text[mention.start:mention.end]
    lemma = mention.lemma or base_form(mention.tokens, mention.type)
    return Entity(id=f"e{number}", start=mention.start, end=mention.end, text=text, type=mention.type,
                  lemma=lemma, subtype=mention.subtype, parent=parent, role=mention.role)
