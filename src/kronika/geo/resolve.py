"""Place mentions → gazetteer places, alone or jointly over a document.

Each candidate gets a prior (its salience: log10 population plus the curated-history and
Polish-exonym bonuses of the index), adjusted for the document's period (a 1919–1945 text prefers
places inside Poland's 1939 borders), for spelling, and for geographic coherence: a place close to
the document's other places wins over a bigger one far away (*pod Jabłonią i Milanowem* keeps the
two villages together). Coherence is a few rounds of mean-field updates: each ambiguous mention's
candidates score by their expected closeness to the other mentions' current candidate
distributions. The mention's own context (:mod:`kronika.geo.context`) rules out a street or a
building, leaves villages out for a common noun without evidence, and favours the district named beside
it. The winner's reason and the ranked candidates are kept so a user can correct it.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from kronika.geo.agreement import agreeing_base_forms
from kronika.geo.context import APART, GEOGRAPHIC_NAME, MentionContext, read_context, unit_adjectives, unnamed_places
from kronika.geo.curated import TownDistrict, load_town_districts
from kronika.geo.index import Hit, Place, get_gazetteer
from kronika.geo.keys import fold, mention_forms, mention_keys
from kronika.geo.publication import publication_city
from kronika.geo.qualifiers import Region, regions, seat_names, split_qualifier
from kronika.geo.states import country_then, full_date
from kronika.lang.base_forms import guess_base
from kronika.lang.grammar import place_prepositions
from kronika.lang.orthography import misreadings_of, modernised
from kronika.model import Entity
from kronika.ner.coref import slug

if TYPE_CHECKING:
    from kronika.model import Analysis, Token

PERIOD_YEARS = range(1919, 1946)  # texts about the II RP and the war: prefer its 1939 territory
PERIOD_BONUS = 2.0  # outweighs a 100x population: Jarosław on the San, not on the Volga
# The 1938 border data is tens of km off in places (Pokucie drawn as Romanian), so "in 1939 Poland"
# for the period preference means inside or this close to its drawn border.
PERIOD_MARGIN_KM = 75
INFLECTED_PENALTY = 0.3  # the mention matched a case form of this place, but a name of another
SPELLING_BONUS = 0.3  # the mention is spelled exactly (diacritics included) like the place's name
COHERENCE_WEIGHT = 3.0  # in log10-population units: full coherence outweighs a 1000x population
COHERENCE_KM = 100.0  # distance at which closeness falls to 1/e
COHERENCE_ROUNDS = 3
CLOSENESS_REASON = "closest to the document's other places"
CONTEXT_KINDS = frozenset({"settlement", "site"})  # regions and rivers are too large to anchor a point
CONTEXT_WINDOW = 40  # other mentions, nearest in the text, that a mention is compared with
MAX_CANDIDATES = 10
DUPLICATE_KM = 10.0  # same name this close: one place listed by two sources
CURATED_PREFIX = "curated:"
TOWN_POPULATION = 5_000  # below it a settlement is a village or a hamlet
DISTRICT_BONUS = 3.0  # the district named beside the mention outweighs a 1000x population
SEAT_RADIUS_KM = 40.0  # a district of the partitions reached about this far from its seat town
ALIAS_KM = 30.0  # a name in parentheses after a place's names it when its own match lies farther
# why a mention the name stages typed a person is a place, by what its context says (context.governed_place)
GOVERNED_REASONS = {"dateline": "the place of a press dateline",
                    "known": "a settlement after a preposition of place",
                    "foreign": "a settlement after a preposition of place",
                    "declined": "a settlement's name in the case a preposition of place governs",
                    "located": "a settlement the administrative unit after it locates",
                    "abbreviated": "a place name with an abbreviated qualifying word",
                    "named": "a settlement after a noun for one",
                    "joined": "a settlement joined by a dash to another place",
                    "landmark": "a mountain or a river named after a preposition of place"}
# letters Polish spelling lacks: a name another of a place's names spells without them is its Polish one
# (Worochta, the gazetteer's Vorokhta), one with them a Latin or a foreign one (Resovia: Rzeszów)
FOREIGN_LETTERS = frozenset("qvx")
LANDMARK_KINDS = frozenset({"mountains", "river"})  # what a capitalised common noun after a preposition may name
PART_KM = 15.0  # a district or a suburb lies this close to a place of its town the text names
PERSON_NAMES = frozenset({"imię", "nazwisko", "pseudonim"})  # SGJP's qualifiers of persons' names (Lenin)
NO_ID = -1  # a place made from a data file, not in the index: a district of a town
NAMED_AGAIN_CHARS = 3_000  # a name means the same place within a news item, not across a long collection
UNIT_REACH_KM = 250.0  # no administrative unit (a gubernia, a voivodeship) reached farther from its seat
NEAR_KM = 30.0  # a namesake this close to a settlement the text names competes, however small
PUBLICATION_WEIGHT = 1.0  # a namesake by the periodical's city: a third of full coherence with the text's places


@dataclass(slots=True)
class Candidate:
    place: Place
    score: float
    parts: dict[str, float] = field(compare=False)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.place.name, "name_now": self.place.name_now, "lat": self.place.lat,
                "lon": self.place.lon, "country_now": self.place.country_now,
                "country_1939": self.place.country_1939, "source": self.place.source,
                "score": round(self.score, 3)}


@dataclass(frozen=True, slots=True)
class Resolution:
    mention: str
    candidates: tuple[Candidate, ...]  # best first
    reason: str

    @property
    def place(self) -> Place | None:
        return self.candidates[0].place if self.candidates else None


class _Located(Protocol):
    lat: float
    lon: float


def distance_km(a: _Located, b: _Located) -> float:
    """Equirectangular distance: exact enough below a few hundred km, where it matters here."""
    mean_lat = math.radians((a.lat + b.lat) / 2)
    dx = math.radians(b.lon - a.lon) * math.cos(mean_lat)
    dy = math.radians(b.lat - a.lat)
    return 6371.0 * math.hypot(dx, dy)


def _river_names(phrase: str) -> set[str]:
    """Folded names a river phrase may stand for: its base forms (*Odrą* → odra) and, for rivers in
    the gazetteer, their names today (oder)."""
    keys = set(mention_keys(phrase))
    gazetteer = get_gazetteer()
    rivers = [place for key in keys for place in gazetteer.places(key) if place.kind == "river"]
    return keys | {fold(river.name_now) for river in rivers}


def _qualified(mention: str) -> tuple[Hit, ...]:
    """Matches of a qualified name's head (*Drohiczyn* for *Drohiczyn Poleski*) inside the region its
    adjective names, or, for a river phrase, those whose name names the river (*Frankfurt (Oder)*) if any."""
    qualified = split_qualifier(mention)
    if qualified is None:
        return ()
    hits = _matches(qualified.head)
    region = qualified.region
    if region is not None:
        return tuple(hit for hit in hits if distance_km(hit, region) <= region.radius_km)
    if qualified.river is not None:
        rivers = _river_names(qualified.river)
        on_river = tuple(hit for hit in hits if rivers & set(f"{fold(hit.name)} {fold(hit.name_now)}".split()))
        return on_river or tuple(hits)
    return tuple(hits)


def _matches(mention: str, direct: tuple[Hit, ...] | None = None) -> list[Hit]:
    """Places the mention may name, one hit per place (``inflected`` set when it matched only as a
    case form). ``direct`` is the look-up of the mention's own key when the caller already made it."""
    gazetteer = get_gazetteer()
    found = gazetteer.hits(fold(mention)) if direct is None else direct
    if len(found) == 1:
        return list(found)
    if not found:  # not a name as written: its lemmas, its modern spelling, its head without a qualifier
        found = tuple(hit._replace(inflected=1) for key in mention_keys(mention)[1:] for hit in gazetteer.hits(key))
        modern = modernised(mention)
        if not found and modern != mention:
            found = tuple(hit._replace(inflected=1) for key in mention_keys(modern) for hit in gazetteer.hits(key))
        found = found or _qualified(mention)
    best: dict[int, Hit] = {}
    for hit in found:
        if hit.id not in best or best[hit.id].inflected > hit.inflected:
            best[hit.id] = hit
    return list(best.values())


def _prior(spelled: str, hit: Hit, year: int | None) -> dict[str, float]:
    """Score parts of a candidate before context; ``spelled``: the mention, casefolded."""
    return {
        "salience": hit.salience,
        "period": PERIOD_BONUS if year in PERIOD_YEARS and hit.km_to_poland_1939 is not None
        and hit.km_to_poland_1939 <= PERIOD_MARGIN_KM else 0.0,
        "form": -INFLECTED_PENALTY if hit.inflected else 0.0,
        "spelling": SPELLING_BONUS if spelled in (hit.name.casefold(), hit.name_now.casefold()) else 0.0,
    }


def _best(mention: str, hits: Sequence[Hit], year: int | None) -> Place | None:
    """The first candidate ``_ranked`` would give, without building the others."""
    if len(hits) <= 1:
        return get_gazetteer().place(hits[0]) if hits else None
    spelled = mention.casefold()
    best = min(hits, key=lambda hit: (-sum(_prior(spelled, hit, year).values()), hit.id))
    return get_gazetteer().place(best)


def is_town(place: Place) -> bool:
    """A town or a larger place (a region, a river, a curated place), not a village."""
    return place.kind != "settlement" or place.curated_source is not None or (
        place.population or 0) >= TOWN_POPULATION


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a mention's context says (see :mod:`kronika.geo.context`)."""

    towns_only: bool = False  # villages are not candidates: nothing says a village is meant
    district: str | None = None  # adjective of the district or region named beside it: "włoszczowski"
    water: bool = False  # after "nad", "rzeka": a river where one has the name (wieś nad Pilicą)
    inside: bool = False  # after "w": a settlement where one has the name, not its river (w Pilicy)
    plural_names: frozenset[str] = frozenset()  # names it is only a plural case form of (New: Newa)
    landform: bool = False  # after "dolina", "szczyt": a river or a mountain, never a settlement
    singular: bool = False  # only a singular case form (na Tatrze): no place named by a plurale tantum


NO_EVIDENCE = Evidence()


def in_district(place: Place, district: str) -> bool:
    """The place lies in the PRNG district (powiat) or the region the adjective names, or near the
    seat town of the district (an old district is often not today's)."""
    if place.admin == district:
        return True
    region = regions().get(district)
    if region is not None:
        return distance_km(place, region) <= region.radius_km
    seat = district_seat(district)
    return seat is not None and distance_km(place, seat) <= SEAT_RADIUS_KM


def _located_unit(districts: tuple[str, ...]) -> str | None:
    """The first of the units named beside a mention that the gazetteer can place, else the first."""
    return next((d for d in districts if district_anchor(d) is not None), districts[0] if districts else None)


def district_anchor(district: str) -> _Located | None:
    """Where the unit the adjective names lies: its region's centre or its seat town."""
    return regions().get(district) or district_seat(district)


@lru_cache(maxsize=1_000)
def district_seat(district: str) -> Place | None:
    """The most salient town among the names the district's adjective gives its seat, with or without a
    qualifying word after it (*rawski*: Rawa Mazowiecka, *ostrowski*: Ostrów Wielkopolski)."""
    gazetteer = get_gazetteer()
    names = [spelled for name in seat_names(district) for spelled in dict.fromkeys((name, modernised(name)))]
    towns = [place for name in names for place in gazetteer.places(fold(name))
             if place.kind == "settlement" and place.name.split()[0] == name]
    return max(towns, key=lambda place: place.salience, default=None)


def _ranked(mention: str, year: int | None, direct: tuple[Hit, ...] | None = None,
            extra: Sequence[Hit] = (), evidence: Evidence = NO_EVIDENCE, keep: frozenset[int] = frozenset()
            ) -> list[Candidate]:
    """Candidates by prior, one per place (near duplicates of the same name dropped). ``extra``:
    matches of another spelling of the same mention (its surface form when ``mention`` is a lemma);
    ``keep``: ids of places that stay candidates however low their prior (namesakes near the text's places)."""
    best: dict[int, Hit] = {}
    for hit in [*_matches(mention, direct), *extra]:
        if hit.id not in best or best[hit.id].inflected > hit.inflected:
            best[hit.id] = hit
    spelled = mention.casefold()
    scored = [(hit, _prior(spelled, hit, year)) for hit in best.values()]
    scored.sort(key=lambda item: (-sum(item[1].values()), item[0].id))
    kept: list[tuple[Hit, dict[str, float]]] = []
    limit = MAX_CANDIDATES * 2 if evidence != NO_EVIDENCE else MAX_CANDIDATES
    for hit, parts in scored:
        if any(k.name == hit.name and distance_km(k, hit) < DUPLICATE_KM for k, _ in kept):
            continue
        if len(kept) >= limit and hit.id not in keep:
            continue
        kept.append((hit, parts))
    gazetteer = get_gazetteer()
    ranked = [Candidate(gazetteer.place(hit), sum(parts.values()), parts) for hit, parts in kept]
    if evidence.towns_only:
        ranked = [c for c in ranked if is_town(c.place)]
    if evidence.plural_names:  # a river is named in the singular: "New Jersey" is no genitive plural of Newa
        ranked = [c for c in ranked if c.place.kind != "river" or c.place.name not in evidence.plural_names]
    if evidence.singular:  # "na Tatrze" (the make of car) is no form of Tatry
        ranked = [c for c in ranked if not plurale_tantum(c.place.name)]
    if evidence.landform:  # "dolina Baksanu" is the river's valley, not the town's
        ranked = [c for c in ranked if c.place.kind in LANDMARK_KINDS]
    rivers = [c for c in ranked if c.place.kind == "river"]
    if evidence.water and rivers:
        ranked = rivers
    elif evidence.inside and len(rivers) < len(ranked):
        ranked = [c for c in ranked if c.place.kind != "river"]
    if evidence.district and any(in_district(c.place, evidence.district) for c in ranked):
        ranked = [Candidate(c.place, c.score + DISTRICT_BONUS, {**c.parts, "district": DISTRICT_BONUS})
                  if in_district(c.place, evidence.district) else c for c in ranked]
        ranked.sort(key=lambda c: (-c.score, c.place.id))
    elif evidence.district and (unit := district_anchor(evidence.district)) is not None:
        # "we wsi Jakubówce w gub. Kijowskiej": a namesake far from the unit named is not the place
        ranked = [c for c in ranked if distance_km(c.place, unit) <= UNIT_REACH_KM]
    return ranked[:MAX_CANDIDATES] + [c for c in ranked[MAX_CANDIDATES:] if c.place.id in keep]


@lru_cache(maxsize=10_000)
def plurale_tantum(name: str) -> bool:
    """The one-word name is, to Morfeusz, a noun only in the plural (Tatry, Karwiny, Kielce)."""
    from kronika.morph.analyzer import get_morphology

    if " " in name or "-" in name:
        return False
    readings = [i for i in get_morphology().analyse(name) if i.pos == "subst"]
    return bool(readings) and all(":pt" in i.tag or i.tag.split(":")[1] == "pl" for i in readings)


def _softmax10(scores: list[float]) -> list[float]:
    top = max(scores)
    weights = [10.0 ** (s - top) for s in scores]
    total = sum(weights)
    return [w / total for w in weights]


def _cohere(ranked: list[list[Candidate]]) -> list[list[Candidate]]:
    """Mean-field rounds adding a coherence part to the candidates of every ambiguous mention."""
    context = [i for i, cands in enumerate(ranked) if any(c.place.kind in CONTEXT_KINDS for c in cands)]
    ambiguous = [i for i, cands in enumerate(ranked) if len(cands) > 1]
    if not ambiguous or len(context) < 2:
        return ranked
    # closeness[i][c] = [(other mention j, [(candidate d, kernel)])], fixed across rounds
    closeness: dict[int, list[list[tuple[int, list[tuple[int, float]]]]]] = {}
    for i in ambiguous:
        # the nearest are among the window's count on either side of it in the (ordered) context mentions
        at = bisect_left(context, i)
        near = context[max(0, at - CONTEXT_WINDOW):at + CONTEXT_WINDOW + 1]
        others = sorted((j for j in near if j != i), key=lambda j: abs(j - i))[:CONTEXT_WINDOW]
        closeness[i] = [
            [(j, [(d, math.exp(-distance_km(c.place, other.place) / COHERENCE_KM))
                  for d, other in enumerate(ranked[j]) if other.place.kind in CONTEXT_KINDS])
             for j in others] if c.place.kind in CONTEXT_KINDS else []
            for c in ranked[i]
        ]
    current = ranked
    for _ in range(COHERENCE_ROUNDS):
        probabilities = [_softmax10([c.score for c in cands]) if cands else [] for cands in current]
        updated = list(current)
        for i in ambiguous:
            rescored = []
            for c, links in zip(ranked[i], closeness[i], strict=True):
                expected = [sum(probabilities[j][d] * k for d, k in pairs) for j, pairs in links]
                coherence = COHERENCE_WEIGHT * sum(expected) / len(expected) if expected else 0.0
                parts = {**c.parts, "coherence": coherence}
                rescored.append(Candidate(c.place, sum(parts.values()), parts))
            rescored.sort(key=lambda c: (-c.score, c.place.id))
            updated[i] = rescored
        current = updated
    return current


def _reason(candidates: list[Candidate], others: Sequence[Place]) -> str:
    """Why the first candidate beat the second, in words a user can check."""
    if not candidates:
        return "not in the gazetteer"
    best = candidates[0]
    if len(candidates) == 1:
        return "only candidate"
    runner = candidates[1]
    gains = {part: value - runner.parts.get(part, 0.0) for part, value in best.parts.items()}
    part = max(gains, key=lambda p: gains[p])
    if part == "coherence":
        return _closeness_reason(best.place, [(o.name, o) for o in others if o.id != best.place.id])
    if part == "district":
        return "in the district or region named beside it"
    if part == "publication":
        return "closest to where the document's periodical appeared"
    if part == "period":
        return "inside Poland's 1939 borders, as the document's period suggests"
    if part == "spelling":
        return "spelled exactly as the mention"
    if part == "form":
        return "the mention is its name, not a case form of another"
    if best.place.source.startswith(CURATED_PREFIX) and not runner.place.source.startswith(CURATED_PREFIX):
        return "historically salient (curated)"
    return f"larger population ({best.place.population or 'town'} vs {runner.place.population or 'village'})"


def _closeness_reason(place: _Located, others: Sequence[tuple[str, _Located]]) -> str:
    """Why closeness chose ``place``, naming the closest of the document's other places."""
    if not others:
        return CLOSENESS_REASON
    name, closest = min(others, key=lambda other: distance_km(place, other[1]))
    return f"{CLOSENESS_REASON} ({name}, {distance_km(place, closest):.0f} km)"


def _renamed_closest(placed: Sequence[Entity]) -> None:
    """A reason of closeness names the closest place as the document finally reads it: a town's district or
    another name may have replaced a place the resolver compared with (*na Okęciu*: Okęcie, not a village)."""
    points = [(e, _Point(e.geo["lat"], e.geo["lon"])) for e in placed
              if e.geo and e.geo.get("kind") in CONTEXT_KINDS]
    for entity, point in points:
        reason = entity.geo["reason"] if entity.geo else ""
        at = reason.find(CLOSENESS_REASON)
        if at < 0 or entity.geo is None:
            continue
        others = [(other.geo["name"], at_other) for other, at_other in points if other.geo
                  and other.geo["name"] != entity.geo["name"] and distance_km(point, at_other) > 0]
        entity.geo["reason"] = reason[:at] + _closeness_reason(point, others)


class _Point(NamedTuple):
    lat: float
    lon: float


def _surface_matches(surface: str, direct: tuple[Hit, ...]) -> list[Hit]:
    """Matches of a mention's text, and of each base form its case form may have (*Aleksandrowie*: the
    locative of both Aleksandrów and Aleksandrowo, whichever the lemma chose)."""
    gazetteer = get_gazetteer()
    return [*_matches(surface, direct),
            *(hit._replace(inflected=1) for key in mention_keys(surface)[1:] for hit in gazetteer.hits(key))]


def _near_namesakes(name: str, surface: str, anchors: Sequence[tuple[float, float]],
                    km: float = NEAR_KM) -> tuple[Hit, ...]:
    """Places of the mention's name, beyond the most salient that every look-up returns, within ``km``
    of a settlement the text names beyond doubt (``anchors``): *w Zalesiu* in news from a town next to one
    of the hundreds of villages of that name; their closeness, not their size, decides (``_cohere``)."""
    gazetteer = get_gazetteer()
    own = {fold(name), fold(surface)}
    keys = dict.fromkeys([*own, *mention_keys(name)[1:], *mention_keys(surface)[1:]])
    return tuple(hit if key in own else hit._replace(inflected=1)
                 for key in keys for hit in gazetteer.hits_near(key, anchors, km))


def _namesakes_in_unit(name: str, surface: str, district: str | None) -> tuple[Hit, ...]:
    """Places of the mention's name beyond the most salient, in the district or the region named beside it
    (*we wsi Dąbrowie w pow. X*): the unit narrows the candidates before their salience cuts them."""
    unit = district_anchor(district) if district else None
    if unit is None:
        return ()
    reach = unit.radius_km if isinstance(unit, Region) else SEAT_RADIUS_KM
    return _near_namesakes(name, surface, [(unit.lat, unit.lon)], reach)


def _near_publication(ranked: list[Candidate], home: Place) -> list[Candidate]:
    """Candidates of an ambiguous mention with a part for their closeness to where the periodical appeared."""
    if len(ranked) < 2:
        return ranked
    rescored = [Candidate(c.place, c.score + part, {**c.parts, "publication": part}) for c in ranked
                for part in [PUBLICATION_WEIGHT * math.exp(-distance_km(c.place, home) / COHERENCE_KM)
                             if c.place.kind in CONTEXT_KINDS else 0.0]]
    return sorted(rescored, key=lambda c: (-c.score, c.place.id))


def resolve(mentions: Sequence[str], year: int | None = None, surfaces: Sequence[str] | None = None,
            evidence: Sequence[Evidence] | None = None, home: Place | None = None) -> list[Resolution]:
    """Resolve the place mentions of one document jointly; one Resolution per mention, in order.
    ``surfaces``: the text of each mention when ``mentions`` are lemmas, whose own matches join the
    candidates (a wrong lemma, *Dubne* for *Dubnem*, then still lets *Dubno* compete); ``evidence``:
    per mention, what its context says; ``home``: where the document's periodical appeared."""
    asked = [(m.strip(), s.strip(), e) for m, s, e in zip(
        mentions, surfaces or mentions, evidence or [NO_EVIDENCE] * len(mentions), strict=True)]
    pairs = list(dict.fromkeys(asked))
    direct = get_gazetteer().hits_many([fold(n) for name, surface, _ in pairs for n in (name, surface)])
    alone = [
        _ranked(name, year, direct[fold(name)], _surface_matches(surface, direct[fold(surface)]) if surface != name
                else (), said)
        for name, surface, said in pairs
    ]
    anchors = list(dict.fromkeys(  # settlements named beyond doubt, a tenth of a degree apart at most
        (round(cands[0].place.lat, 1), round(cands[0].place.lon, 1)) for cands in alone if cands
        and cands[0].place.kind == "settlement" and (len(cands) == 1 or cands[0].score - cands[1].score >= 1.0)))
    if home is not None:  # the periodical's readers knew its surroundings as the text's own places
        anchors.append((round(home.lat, 1), round(home.lon, 1)))
    for at, ((name, surface, said), cands) in enumerate(zip(pairs, alone, strict=True)):
        near = (_near_namesakes(name, surface, anchors) if len(cands) > 1 else ()) \
            + _namesakes_in_unit(name, surface, said.district)
        if near:
            extra = [*(_surface_matches(surface, direct[fold(surface)]) if surface != name else ()), *near]
            alone[at] = _ranked(name, year, direct[fold(name)], extra, said, frozenset(hit.id for hit in near))
    if home is not None:
        alone = [_near_publication(cands, home) for cands in alone]
    ranked = _cohere(alone)
    chosen = [cands[0].place for cands in ranked if cands and cands[0].place.kind in CONTEXT_KINDS]
    by_pair = {pair: Resolution(pair[0], tuple(cands), _reason(cands, chosen)) for pair, cands in zip(
        pairs, ranked, strict=True)}
    return [by_pair[pair] for pair in asked]


def geocode(name: str, year: int | None = None) -> Place | None:
    """The most likely place for one name (any case form, historical or modern), or None."""
    name = name.strip()
    return _best(name, _matches(name), year)


def geocode_many(names: Sequence[str], year: int | None = None) -> list[Place | None]:
    """``geocode`` for many names, each on its own (no context)."""
    return [geocode(name, year) for name in names]


def candidates(name: str, year: int | None = None) -> list[Place]:
    """All places the name may denote, most likely first."""
    return [c.place for c in resolve([name], year)[0].candidates]


def document_date(analysis: Analysis) -> str | None:
    """The document's date (``YYYY-MM-DD``), whose year is its period: its creation date, else the middle
    of the median year of its dates."""
    if analysis.document.dct and analysis.document.dct[:4].isdigit():
        return full_date(analysis.document.dct)
    years = sorted(t.value[:4] for t in analysis.timexes if t.value[:4].isdigit())
    return full_date(years[len(years) // 2]) if years else None


def _contexts(analysis: Analysis, entities: Sequence[Entity]) -> list[MentionContext]:
    starts = [sentence.start for sentence in analysis.sentences]
    found = []
    for entity in entities:
        at = bisect_right(starts, entity.start) - 1
        tokens = analysis.sentences[at].tokens if at >= 0 else []
        found.append(read_context(tokens, entity.start, entity.end))
    return found


def annotate_places(analysis: Analysis) -> None:
    """Set ``geo`` on every PLACE entity, resolving the document's places jointly; a street or a
    building (by its context) gets that subtype and no settlement's coordinates. A one-word PERSON, or
    ORGANIZATION no noun for a body or quotation marks mark (*przez Worochtę*), after a preposition of place
    that governs it as a place (*konsul w Warszawie*) becomes a PLACE when the gazetteer knows it as a
    settlement; so does such a word no entity covers (*do Göding*), and the place of
    a press dateline (*HELSINGFORS (Pat).*)."""
    entities = []
    contexts = []
    surnames = _surnames(analysis)
    unnamed = _unnamed_places(analysis, surnames)
    declined = {id(entity): entity.lemma or entity.text for entity, context in unnamed
                if context.governed == "declined"}  # the settlement's name each declines
    nested = {e.parent for e in analysis.entities if e.parent}
    # a work's title (obraz „Zmierzch nad Narwią”) names the work: a place word in it is the title's
    titles = [(e.start, e.end) for e in analysis.entities if e.type == "DOCUMENT" and e.subtype == "work"]
    asked = [e for e in analysis.entities if e.type == "PLACE" and not any(
        start <= e.start and e.end <= end for start, end in titles)
             or e.type == "PERSON" and e.parent is None and e.id not in nested
             or e.type == "ORGANIZATION" and e.parent is None and " " not in e.text]
    units: list[tuple[Entity, str]] = []  # adjectives naming an administrative unit, and their base forms
    unplaced: list[Entity] = []  # one-word persons with a geographic reading
    # one index of the document's tokens by offsets, for the base forms of person mentions read as places
    by_span = {(t.start, t.end): t for sentence in analysis.sentences for t in sentence.tokens}
    for entity, context in zip(asked, _contexts(analysis, asked), strict=True):
        if context.land and entity.type in ("PLACE", "PERSON"):  # "w Kieleckiem": a land, no settlement
            entity.type, entity.subtype, entity.role, entity.geo = "PLACE", "region", None, None
            entity.lemma, entity.ref = context.land, f"place:{slug(context.land)}"
            continue
        if context.unit:
            units.append((entity, context.unit))
        if entity.type == "PERSON" and context.unit or entity.type == "ORGANIZATION" and (
                context.unit or context.quoted or not context.governed or _names_a_body(by_span.get((entity.start,
                                                                                                     entity.end)))):
            continue  # a unit a body or a person was mistaken for (gm. Chocieńczyckiej) is no settlement
        if entity.type in ("PERSON", "ORGANIZATION"):  # an organisation only after a preposition of place
            if context.apart or context.quoted or context.titled:
                continue
            token = by_span.get((entity.start, entity.end))
            if context.governed == "declined" and token is not None and \
                    (name := declined_settlement(token, context.cases, surnames)) is not None:
                declined[id(entity)] = name  # "pomiędzy Kurnikami", no first name, no title: the village
                entities.append(entity)
                contexts.append(context)
            elif context.governed and context.governed != "declined":
                entities.append(entity)
                contexts.append(context)
            elif lemma := _geographic_lemma(entity, by_span):  # "ewakuacji Nadrenji": the tagger's person
                entity.type, entity.subtype, entity.lemma, entity.role = "PLACE", None, lemma, None
                entity.ref = f"place:{slug(lemma)}"
                entities.append(entity)
                contexts.append(context)
            elif (token := by_span.get((entity.start, entity.end))) is not None and entity.text[:1].isupper() \
                    and any(GEOGRAPHIC_NAME in i.quals for i in token.interps):
                unplaced.append(entity)  # "przed Kraśnikiem": a place if the document names it so elsewhere
            continue
        if context.apart and not (context.building_head and _settlement_named(entity.lemma or entity.text)):
            entity.subtype, entity.geo = context.apart, None
            continue
        if context.apart:  # "w kopalni „Barbara” w Królewskiej Hucie": the town, whatever its last word names
            entity.subtype = "settlement"
        if context.common_phrase or context.quoted or context.titled or context.abbreviation or context.function_word:
            entity.geo = None
            continue
        entities.append(entity)
        contexts.append(context)
    entities += [entity for entity, _ in unnamed]
    contexts += [context for _, context in unnamed]
    unnamed_ids = {id(entity) for entity, _ in unnamed}
    for entity, name in units:  # after *powiat*, *gmina*, *wieś* the adjective names that unit, in its gender
        entity.lemma, entity.ref = name, f"place:{slug(name)}"
        if entity.type != "PLACE":  # no body or person is named by an adjective after a unit's noun
            entity.type, entity.subtype, entity.role = "PLACE", "region", None
    analysis.entities.extend(_unnamed_units(analysis))
    if not entities:
        _cite_agreeing(analysis)
        analysis.entities.sort(key=lambda e: (e.start, -e.end))
        return
    # a place only if it resolves
    governed = {id(e) for e in entities if e.type in ("PERSON", "ORGANIZATION")} | unnamed_ids
    landmarks = {id(e) for e, c in unnamed if c.governed == "landmark"}  # looked up by the noun's lemma: Amur
    lemmas = [e.lemma or e.text if id(e) in landmarks else declined.get(id(e)) or _place_lemma(e, by_span)
              if id(e) in governed else e.lemma or e.text for e in entities]
    surfaces = [e.text for e in entities]
    whole = [bool(c.wider) and _names_whole(c.wider or "") for c in contexts]
    for i, context in enumerate(contexts):
        if whole[i]:  # the name stages cut the name short
            lemmas[i] = surfaces[i] = context.wider or ""
    evidence = [Evidence(c.towns_only or c.lone_adjective, _located_unit(c.districts), c.water, c.inside,
                         c.plural_names, c.landform, c.singular) for c in contexts]
    date = document_date(analysis)
    city = publication_city(analysis.document)
    home = geocode(city) if city else None
    resolutions = resolve(lemmas, int(date[:4]) if date else None, surfaces=surfaces, evidence=evidence,
                          home=home if home is not None and home.kind == "settlement" else None)
    about_a_town = any(r.place is not None and r.place.kind == "settlement" and is_town(r.place)
                       for r in resolutions)
    towns = sorted(((e.start, r.place) for e, r, c in zip(entities, resolutions, contexts, strict=True)
                    if r.place is not None and r.place.kind == "settlement" and not c.part_of_town),
                   key=lambda pair: pair[0])  # in text order: the places no entity covered come last above
    main_town = _main_town([place for _, place in towns])
    covered_by_entities = {(e.start, e.end) for e in analysis.entities}
    previous: tuple[Entity, Place] | None = None
    unknown: list[Entity] = []  # places no gazetteer name answers to
    merged: set[int] = set()  # entities a widened mention took in
    for entity, context, resolution, lemma, surface, named_whole in zip(entities, contexts, resolutions, lemmas,
                                                                        surfaces, whole, strict=True):
        if id(entity) in merged:
            continue
        place, reason = resolution.place, resolution.reason
        if context.longer_name and not named_whole and place is not None and place.kind == "settlement":
            place = None  # "Koła Polskiego", "Krzyżem Zasługi": a body, a decoration, not a town
        if context.part_of_town:
            spoken_of = [t for t in (_town_spoken_of(towns, entity.start), main_town) if t is not None]
            part = _part_of_town(resolution, spoken_of) if place is not None else None
            place = part or _town_district((lemma, surface), spoken_of)
            reason = reason if place is not None and place is resolution.place else \
                "a part of a town the document names (na + locative)"
        elif place is None:  # "Rozbark." in news from Bytom: no town of that name, or none the context allows
            spoken_of = [t for t in (_town_spoken_of(towns, entity.start), main_town) if t is not None]
            if spoken_of and (part := _town_district((lemma, surface), spoken_of)) is not None:
                place, reason = part, "a part of a town the document names"
        elif not is_town(place) and towns and (part := _town_district((lemma, surface), [t for _, t in towns])) \
                is not None and distance_km(place, part) > PART_KM:
            # "do Kuźnic" in news from Zakopane: its part, not a village of the name elsewhere
            place, reason = part, "a part of a town the document names, not a village elsewhere"
        if id(entity) in governed:
            if not _governed_settlement(entity, context, place):
                continue
            if context.governed == "abbreviated":  # "Król. Hutę" → Królewska Huta
                lemma = _whole_base_form(surface, place) or lemma
            entity.type, entity.subtype, entity.lemma, entity.role = \
                "PLACE", None if id(entity) in landmarks else "settlement", lemma, None
            entity.ref = f"place:{slug(lemma)}"
            reason = f"{GOVERNED_REASONS[context.governed or '']}; {reason}"
            if id(entity) in unnamed_ids:
                covered = [e for e in analysis.entities if e.parent is None
                           and entity.start <= e.start and e.end <= entity.end]  # "Król. Hucie" read as a person
                for part in covered:
                    analysis.entities.remove(part)
                analysis.entities.append(entity)
        if _compound_head(entity, context, named_whole, covered_by_entities):
            # "z Nowo-Święcian": a hyphenated compound is one name, and its head alone names another place
            written = entity.text
            _widen(entity, context.wider or "", analysis.document.text)
            entity.lemma = f"{entity.text[:-len(written)]}{entity.lemma or written}"
            entity.ref = f"place:{slug(entity.lemma)}"
            place = None
        if previous and previous[1].kind == "settlement" and _other_name_of(analysis.document.text, previous[0],
                                                                            entity) and (
                place is None or place.kind == "settlement" and distance_km(place, previous[1]) > ALIAS_KM):
            place, reason = previous[1], "another name of the place before it"
        if place is None:
            entity.geo = None
            if context.lone_adjective and about_a_town:
                entity.subtype = "street"  # "na Marszałkowskiej" in a text about Warsaw
            elif not resolution.candidates and id(entity) not in governed and not context.part_of_town:
                unknown.append(entity)
            if entity.lemma == entity.text and (named := _geographic_lemma(entity, by_span)):
                entity.lemma, entity.ref = named, f"place:{slug(named)}"  # Nadrenji, as today's Nadrenii
            continue
        cited = _cited_name(place, entity.lemma, surface) if id(entity) not in governed else None
        if id(entity) not in governed and named_whole and surface != entity.text:
            # the whole name the gazetteer confirmed: "Nowym" → "Nowym Tomyślu", "Wilejki" → "Nowo-Wilejki"
            written = entity.text
            _widen(entity, surface, analysis.document.text)
            parts = [e for e in analysis.entities if e is not entity and e.parent is None
                     and entity.start <= e.start and e.end <= entity.end]  # "Jorku" of "Nowym Jorku"
            for part in parts:
                analysis.entities.remove(part)
            merged.update(id(part) for part in parts)
            cited = cited or _whole_base_form(surface, place)
        if cited:
            old_ref = f"place:{slug(entity.lemma)}"
            entity.lemma = cited
            entity.ref = f"place:{slug(cited)}" if entity.ref == old_ref else entity.ref
        if place.kind == "river" and entity.subtype == "settlement":
            entity.subtype = None  # the name stages' guess for one word (nad Pilicą): the context said water
        entity.geo = {
            **place.to_geo(),
            "country_then": country_then(place, date) if date else None,
            "reason": reason,
            "candidates": [c.to_json() for c in resolution.candidates[:5]],
        }
        previous = entity, place
    _renamed_closest(entities)
    if unknown:
        _misprinted(unknown, [e for e in entities if e.geo and e.geo["kind"] == "settlement"])
    if unplaced:  # from the places the name stages recognised, not the persons read as places above
        _named_again(unplaced, [e for e in entities if e.geo and e.geo["kind"] == "settlement"
                                and id(e) not in governed])
    _first_words_of_names(analysis)
    _cite_agreeing(analysis)
    analysis.entities.sort(key=lambda e: (e.start, -e.end))


def _first_words_of_names(analysis: Analysis) -> None:
    """A one-word place that begins, with the capitalised word after it, a name of two words the document
    gives a person or a body elsewhere is a word of that name, not a place on its own (*w Pester Lloydzie*
    where the text has *Pester Lloyd*, a newspaper): it takes the name's span, type and base form, with no
    coordinates. The second word may be declined (*Lloydzie*): it need only begin with the name's word
    less its last letter."""
    text = analysis.document.text
    names = {tuple(e.text.split()): e for e in analysis.entities if e.type in ("PERSON", "ORGANIZATION")
             and len(e.text.split()) == 2}
    if not names:
        return
    by_start = {t.start: t for sentence in analysis.sentences for t in sentence.tokens}
    for entity in analysis.entities:
        if entity.type != "PLACE" or " " in entity.text or text[entity.end:entity.end + 1] != " ":
            continue
        after = by_start.get(entity.end + 1)
        name = next((e for (first, second), e in names.items() if after is not None and first == entity.text
                     and after.text[:1].isupper() and after.text.startswith(second[:-1])), None)
        if name is None:
            continue
        entity.end, entity.text = after.end, text[entity.start:after.end]
        entity.type, entity.subtype, entity.role, entity.geo = name.type, name.subtype, name.role, None
        entity.lemma, entity.ref = name.lemma, name.ref
        for part in [e for e in analysis.entities if e.parent is None and e.start == after.start
                     and e.end == after.end]:  # "Lloydzie" read as a name of its own
            analysis.entities.remove(part)


def _cite_agreeing(analysis: Analysis) -> None:
    """A place name of several words in an oblique case is cited with every word in the nominative, an
    adjective in its noun's gender (``agreement.agreeing_base_forms``: *Kasprowego Wierchu* → Kasprowy Wierch),
    not as the name stages cut its words (*Kasprowy Wierchu*, *Nowe Bieruń*); of a geocoded place, the form
    that names it (*Tomaszowa Lubelskiego*: Tomaszów, not Tomaszowo), and a base form naming it already stays
    (*Polska Cerekiew*). Streets and buildings keep their own citation (*ulica Marszałkowska*)."""
    starts = [sentence.start for sentence in analysis.sentences]
    for entity in analysis.entities:
        at = bisect_right(starts, entity.start) - 1
        if entity.type != "PLACE" or entity.subtype in APART or " " not in entity.text or at < 0:
            continue
        tokens = analysis.sentences[at].tokens
        forms = agreeing_base_forms([t for t in tokens if entity.start <= t.start and t.end <= entity.end])
        if not forms or entity.geo and _names_place(entity.lemma or "", entity.geo):
            continue
        named = next((form for form in forms if entity.geo and _names_place(form, entity.geo)), forms[0])
        if named != entity.lemma:
            if entity.ref == f"place:{slug(entity.lemma or entity.text)}":
                entity.ref = f"place:{slug(named)}"
            entity.lemma = named


def _names_place(name: str, geo: dict[str, Any]) -> bool:
    """The base form is a name of the geocoded place (its own, or one the gazetteer lists for it)."""
    if fold(name) in (fold(geo["name_pl"]), fold(geo["name"])):
        return True
    return any(not hit.inflected and abs(hit.lat - geo["lat"]) < 1e-4 and abs(hit.lon - geo["lon"]) < 1e-4
               for hit in get_gazetteer().hits(fold(name)))


def _compound_head(entity: Entity, context: MentionContext, named_whole: bool,
                   entity_spans: set[tuple[int, int]]) -> bool:
    """The mention is the second part of a hyphenated compound name the name stages cut (*Święcian* of *z
    Nowo-Święcian*) that the gazetteer does not know whole: the first part, written with a hyphen and no
    space, is no name of its own (*Warszawa-Kraków* joins two)."""
    wider = context.wider or ""
    if named_whole or not wider.endswith(f"-{entity.text}") or " " in wider:
        return False
    first = wider[:-len(entity.text) - 1]
    start = entity.start - len(first) - 1
    return first[:1].isupper() and not any(s <= start < e for s, e in entity_spans)


def _misprinted(unknown: Sequence[Entity], placed: Sequence[Entity]) -> None:
    """A place no gazetteer name answers to is a settlement the same document names when one confusion of
    worn type or OCR turns the one into the other (*Szumh* beside *Szumli*): its coordinates and base form."""
    by_form = {fold(e.text): e for e in placed}
    for entity in unknown:
        same = next((by_form[form] for form in misreadings_of(fold(entity.text)) if form in by_form), None)
        if same is not None and same.geo is not None:
            entity.lemma, entity.ref = same.lemma, same.ref
            entity.geo = {**same.geo, "reason": f"a misprint of {same.text}, which the document names"}


def _named_again(unplaced: Sequence[Entity], placed: Sequence[Entity]) -> None:
    """One place to one name in a document: a one-word person with the base form of a settlement the document
    geocodes nearby (the nearest such mention within ``NAMED_AGAIN_CHARS``) names that settlement (*przed
    Kraśnikiem* typed a person, where the text also has *od Kraśnika*). Places left without coordinates do
    not take it: a wrong place would spread (*Unia* as a Turkish town)."""
    by_lemma: dict[str, list[Entity]] = {}
    for entity in placed:
        by_lemma.setdefault(fold(entity.lemma or entity.text), []).append(entity)
    for entity in unplaced:
        near = [e for e in by_lemma.get(fold(entity.lemma or entity.text), ())
                if abs(e.start - entity.start) <= NAMED_AGAIN_CHARS]
        same = min(near, key=lambda e: abs(e.start - entity.start), default=None)
        if same is None or same.geo is None:
            continue
        if entity.type != "PLACE":
            entity.type, entity.subtype, entity.role = "PLACE", "settlement", None
        entity.lemma, entity.ref = same.lemma, same.ref
        entity.geo = {**same.geo, "reason": f"the settlement the document names as {same.text}"}


def _town_spoken_of(towns: Sequence[tuple[int, Place]], at: int) -> Place | None:
    """The settlement named last before offset ``at`` (the first after it when none is before): the town
    whose part a mention after *na* names."""
    before = [place for start, place in towns if start < at]
    return before[-1] if before else next((place for start, place in towns if start > at), None)


def _part_of_town(resolution: Resolution, towns: Sequence[Place]) -> Place | None:
    """The first candidate a mention after *na* + locative may name: a region or a country (*na Węgrzech*), a
    curated district (*na Antokolu*), or a settlement close to a town the text speaks of (*na Mokotowie*
    after *w Warszawie*, or in a text about Warsaw); None when every candidate is a town or a village elsewhere
    (*teatr na Wiedeniu*). ``towns``: the town named last before the mention, and the town the document
    names most."""
    for candidate in resolution.candidates:
        place = candidate.place
        if place.kind != "settlement" or place.curated_source is not None and not place.population:
            return place
        if any(town.id != place.id and distance_km(place, town) <= PART_KM for town in towns):
            return place
    return None


def _main_town(towns: Sequence[Place]) -> Place | None:
    """The town a document names most (the first named among equals): where its news happens, whose districts
    it names with *na*."""
    counts = Counter(place.id for place in towns if is_town(place))
    if not counts:
        return None
    most = max(counts.values())
    return next(place for place in towns if counts.get(place.id) == most)


@lru_cache(maxsize=1)
def _districts_by_key() -> dict[str, tuple[TownDistrict, ...]]:
    found: dict[str, list[TownDistrict]] = {}
    for district in load_town_districts():
        found.setdefault(fold(district.name), []).append(district)
    return {key: tuple(districts) for key, districts in found.items()}


def _town_district(names: Sequence[str], towns: Sequence[Place]) -> Place | None:
    """A district of ``town_districts.tsv`` a mention after *na* + locative names (*na Pradze*, *na
    Podgórzu*): of one of the ``towns`` the text speaks of, or, when the text names none of the towns that
    have a district of that name, of the only such town. Its states are its town's."""
    by_key = _districts_by_key()
    found = list(dict.fromkeys(d for name in names for key in mention_keys(name) for d in by_key.get(key, ())))
    gazetteer = get_gazetteer()
    for district in found:
        town = next((t for t in towns if fold(t.name) == fold(district.town)), None)
        if town is None and len({d.town for d in found}) == 1 and not towns:
            town = next((p for p in gazetteer.places(fold(district.town)) if p.kind == "settlement"), None)
        if town is not None:
            return replace(town, id=NO_ID, name=district.name, name_now=district.name_now, lat=district.lat,
                           lon=district.lon, population=None, admin=None, geonames_id=None, prng_id=None,
                           curated_source=district.source)
    return None


def _spans_by_sentence(analysis: Analysis) -> dict[int, list[tuple[int, int, str]]]:
    """The entities' spans and types by the index of the sentence they start in."""
    starts = [sentence.start for sentence in analysis.sentences]
    spans: dict[int, list[tuple[int, int, str]]] = {}
    for e in analysis.entities:
        spans.setdefault(bisect_right(starts, e.start) - 1, []).append((e.start, e.end, e.type))
    return spans


def _unnamed_units(analysis: Analysis) -> list[Entity]:
    """Regions no entity covers that an adjective after an administrative unit's noun names (*w powiecie
    hrubieszowskim*, ``context.unit_adjectives``): no coordinates, a base form in the noun's gender."""
    spans = _spans_by_sentence(analysis)
    text = analysis.document.text
    found: list[Entity] = []
    for at, sentence in enumerate(analysis.sentences):
        tokens = sentence.tokens
        inside = spans.get(at, [])
        named = {i for i, t in enumerate(tokens) if any(s <= t.start and t.end <= e for s, e, _ in inside)}
        for k, name in unit_adjectives(tokens, named):
            start, end = tokens[k].start, tokens[k].end
            found.append(Entity(f"eu{len(found) + 1}", start, end, text[start:end], "PLACE", name,
                                ref=f"place:{slug(name)}", subtype="region"))
    return found


def _surnames(analysis: Analysis) -> frozenset[str]:
    """The folded last words of the persons the document names with a first name or a title (*Jan Kurnik*):
    a word after a preposition that is one of them is that person, not a village of the name."""
    return frozenset(fold(word) for e in analysis.entities if e.type == "PERSON" and " " in e.text.strip()
                     for word in (e.text.split()[-1], (e.lemma or e.text).split()[-1]))


def _nominative_of(tag: str, numbers: str, genders: str) -> bool:
    """A noun's tag is a nominative of one of the numbers and genders (``'pl'``, ``'m2.m3'``) of a reading."""
    fields = [set(field.split(".")) for field in tag.split(":")]
    return len(fields) > 3 and "subst" in fields[0] and "nom" in fields[2] \
        and bool(fields[1] & set(numbers.split("."))) and bool(fields[3] & set(genders.split(".")))


def declined_settlement(token: Token, cases: frozenset[str], surnames: frozenset[str] = frozenset()) -> str | None:
    """The name of the settlement a capitalised word after a preposition of place is a case form of, in one
    of the ``cases`` the preposition governs: a form SGJP declines a gazetteer settlement's name to (*z
    Gółkowic*: Gołkowice), the nominative of a common noun's form in that case (*pomiędzy Kurnikami*:
    Kurniki; an accusative is a nominative: *przez Tatarów*), or the base form the guesser gives a word
    Morfeusz does not know in that case; a town's district (``town_districts.tsv``: *na Zasaniu*) counts. None
    when the word is, in that case, only a first name or a surname (*do Nowaka*), or a surname of a person the
    document names (``surnames``), or no settlement answers."""
    from kronika.morph.analyzer import get_morphology  # loaded already: the tagger has run

    def in_case(tag: str) -> bool:
        return any(part in cases for field in tag.split(":")[1:] for part in field.split("."))

    word = fold(token.text)
    readings = [i for i in token.interps if i.tag != "ign" and in_case(i.tag)]
    if word in surnames or readings and all(PERSON_NAMES.intersection(i.quals) for i in readings):
        return None  # in that case only a first name or a surname (do Nowaka), not also a noun (przez Tatarów)
    morphology, gazetteer = get_morphology(), get_gazetteer()
    names = [hit.name for hit in gazetteer.hits(word) if hit.inflected and any(
        fold(form) == word and in_case(tag) for form, tag, _ in morphology.generate(hit.name))]
    for reading in (i for i in readings if i.pos == "subst"):  # the nominative of the same number: kurnikami → kurniki
        _, numbers, _, genders = reading.tag.split(":")[:4]
        names += [form[:1].upper() + form[1:] for form, tag, quals in morphology.generate(reading.lemma.split(":")[0])
                  if tuple(quals) == tuple(reading.quals) and _nominative_of(tag, numbers, genders)]
    if "acc" in cases and not token.text.endswith("a"):
        names.append(token.text)  # a place name's accusative is its nominative (przez Tatarów), but a feminine's
        # in -a, which ends in -ę (przez Wisłę), and the genitive-like one of a person (przez Lenina)
    if not any(i.tag != "ign" for i in token.interps):
        names += [guess_base(token.text, "place", f"{case}:{number}")
                  for case in sorted(cases) for number in ("sg", "pl")]
    for name in dict.fromkeys(names):
        key = fold(name)
        if key not in surnames and (key in _districts_by_key() or any(
                not hit.inflected and (fold(hit.name) == key or not FOREIGN_LETTERS & set(key))
                and gazetteer.place(hit).kind == "settlement"
                for hit in gazetteer.hits(key))):
            return name
    return None


def _unnamed_places(analysis: Analysis, surnames: frozenset[str] = frozenset()) -> list[tuple[Entity, MentionContext]]:
    """Mentions no entity covers that their context says name a place (``context.unnamed_places``), each
    a provisional entity with its context; they join the document only if they resolve to a settlement. A
    word in the case a preposition of place governs takes the name of the settlement it declines
    (:func:`declined_settlement`), and is left out when it declines none."""
    spans = _spans_by_sentence(analysis)
    found: list[tuple[Entity, MentionContext]] = []
    text = analysis.document.text
    for at, sentence in enumerate(analysis.sentences):
        tokens = sentence.tokens
        inside = spans.get(at, [])
        named = {i for i, t in enumerate(tokens) if any(s <= t.start and t.end <= e for s, e, _ in inside)}
        persons = frozenset(i for i, t in enumerate(tokens) if all(
            kind == "PERSON" for s, e, kind in inside if s <= t.start and t.end <= e))
        places = frozenset(i for i, t in enumerate(tokens) if any(
            s <= t.start and t.end <= e and kind == "PLACE" for s, e, kind in inside))
        for first, last, why in unnamed_places(tokens, named, persons, places):
            start, end = tokens[first].start, tokens[last].end
            context = read_context(tokens, start, end)
            if context.apart or context.quoted or context.titled:
                continue
            lemma = text[start:end]
            if why == "landmark":  # Śnieżce, Amurze: the common noun's lemma, capitalised as the name is
                chosen = tokens[first].chosen
                lemma = chosen.lemma[:1].upper() + chosen.lemma[1:] if chosen is not None else lemma
            elif why == "declined" and (lemma := declined_settlement(tokens[first], context.cases, surnames)) is None:
                continue
            entity = Entity(f"eg{len(found) + 1}", start, end, text[start:end], "PLACE", lemma)
            found.append((entity, replace(context, governed=why)))
    return found


def _place_lemma(entity: Entity, by_span: dict[tuple[int, int], Token]) -> str:
    """A person mention's base form as a place: its geographic reading's lemma, else its text.
    ``by_span``: the document's tokens by their offsets."""
    token = by_span.get((entity.start, entity.end))
    written = entity.text.title() if entity.text.isupper() else entity.text  # a dateline: HELSINGFORS
    if token is None:
        return written
    return next((i.lemma for i in token.interps if GEOGRAPHIC_NAME in i.quals), written)


def _geographic_lemma(entity: Entity, by_span: dict[tuple[int, int], Token]) -> str | None:
    """The base form of a one-word person mention that the dictionary knows only as a geographic name, never
    as a first name or a surname (*Nadrenji*, in today's spelling *Nadrenii* → Nadrenia), else None."""
    token = by_span.get((entity.start, entity.end))
    if token is None or not entity.text[:1].isupper():
        return None
    readings = [i for i in token.interps if i.tag != "ign"]
    if not readings and modernised(entity.text) != entity.text:
        from kronika.morph.analyzer import get_morphology  # loaded already: the tagger has run

        readings = [i for i in get_morphology().analyse(modernised(entity.text)) if i.tag != "ign"]
    proper = [i for i in readings if i.lemma[:1].isupper()]
    if not proper or not all(GEOGRAPHIC_NAME in i.quals and PERSON_NAMES.isdisjoint(i.quals) for i in proper):
        return None
    return proper[0].lemma.split(":", 1)[0]


def _names_a_body(token: Token | None) -> bool:
    """The one word of an organisation is itself a noun for a body (*w Sejmie*, *przez Senat*), or it is no
    word at all: what says an organisation is meant, which an unmarked name (*przez Worochtę*) lacks."""
    from kronika.ner.domain import load_lexicon

    if token is None:
        return True
    heads = load_lexicon().organization_heads
    return any((i.lemma.split(":", 1)[0].lower(),) in heads for i in token.interps)


def _governed_settlement(entity: Entity, context: MentionContext, place: Place | None) -> bool:
    """The person mention after a preposition of place is a settlement: the gazetteer's best match is one,
    and a word Morfeusz does not know is that place's own name, not a case form indexed for it; a capitalised
    common noun after one (*na Śnieżce*) is a place only as a mountain or a river."""
    if place is not None and context.governed == "landmark":
        return place.kind in LANDMARK_KINDS
    if place is None or place.kind != "settlement":
        return False
    return context.governed in ("known", "abbreviated", "named", "declined") or any(
        not hit.inflected for hit in get_gazetteer().hits(fold(entity.text)))


def _settlement_named(name: str) -> bool:
    """The gazetteer knows a settlement by all the words of a name (*Królewska Huta*, an older name of
    Chorzów), not a building of a town (*Krakowska Katedra*)."""
    words = len(fold(name).split())
    gazetteer = get_gazetteer()
    return any(gazetteer.place(hit).kind == "settlement" for key in mention_keys(name) if len(key.split()) >= words
               for hit in gazetteer.hits(key))


def _names_whole(wider: str) -> bool:
    """The gazetteer knows a place named by all the words of the wider mention (*Rawa-Ruska*, *Nowym
    Sączu*, *Król. Hucie*, an older name of Chorzów), not just by one of them (*mecz Wilno–Kowno* names two
    towns)."""
    words = len(fold(wider).split())
    gazetteer = get_gazetteer()
    return any(len(fold(hit.name).split()) >= words or len(fold(hit.name_now).split()) >= words
               for hit in _matches(wider)) or any(gazetteer.hits(key) for key in mention_keys(wider)[1:]
                                                  if len(key.split()) >= words)  # Król. Hucie: Chorzów


def _other_name_of(text: str, before: Entity, entity: Entity) -> bool:
    """The mention stands in parentheses right after another place's (*Nowem (Neuenburg)*, *Gdańsk
    (Danzig)*): the same place's name in another language, unless it names a larger unit (*Kraków
    (Polska)*), which the caller keeps; the caller asks only after a settlement (*w Chorwacji (Rijeka)*
    names a town of the country)."""
    return text[before.end:entity.start].strip() == "(" and text[entity.end:entity.end + 1] == ")"


def _cited_name(place: Place, lemma: str | None, surface: str) -> str | None:
    """The place's own name as the mention's base form, when the mention is a case form of that name and
    the base form the name stages gave is not it, nor it in the mention's older spelling (*Turcyi*, lemma
    *Turcia* → Turcja; *Galicyi*, lemma *Galicia* → Galicja; *Swieciem* → Świecie; *Szumli* → Szumla), or the
    mention as written when it is another of the place's names (*San Sebastian*, lemma *San*), or that
    other name when the mention is a case form of it (*Dysseldorfie*, lemma *Dysseldorfa* → Dysseldorf); None
    to keep the base form given (*Turcyi*, lemma *Turcya*; *Brünn*, *Göding* are no case forms of Brno or
    Hodonín)."""
    if not lemma:
        return None
    written = mention_keys(surface)
    hits = [hit for hit in get_gazetteer().hits(fold(surface)) if hit.id == place.id]
    if any(hit.inflected for hit in hits):
        named = place.name  # the index holds the case forms of a place's own name
    else:
        keys = {*written, *mention_keys(modernised(surface))}
        named = next((name for name in (place.name, place.name_now) if fold(name) in keys), None)
    if named is None and hits:  # written as one of its other names: San Sebastian, Rawa-Ruska
        named = surface.title() if surface.isupper() else surface
    if named is None and " " not in surface.strip():  # a case form of another of its names: Dysseldorfie
        gazetteer = get_gazetteer()
        forms = [*mention_forms(surface)[1:], *mention_forms(modernised(surface))]  # Persyi → Persji → Persja
        named = next((form for form in forms if form[:1].isupper() and form != surface
                      and any(hit.id == place.id for hit in gazetteer.hits(fold(form)))), None)
    if named is None or fold(lemma) == fold(named) or (
            fold(modernised(lemma)) == fold(named) and fold(lemma) in written):
        return None
    return named


def _whole_base_form(surface: str, place: Place) -> str | None:
    """The base form of a name of several words that names ``place``, each word capitalised but a
    preposition, as Polish writes settlement names (*Rawy ruskiej* → Rawa Ruska, *Król. Hutę* → Królewska
    Huta, *Bielsku-Białej* → Bielsko-Biała); None when no candidate form names it."""
    gazetteer = get_gazetteer()
    written = re.split(r"([\s\-]+)", surface.strip())
    naming = [words for form in mention_forms(surface)[1:] if any(hit.id == place.id for hit in gazetteer.hits(
        fold(form))) and len(words := re.split(r"([\s\-]+)", form)) == len(written)]
    if not naming:
        return None
    # the form with the most words in a base form ("Rawa ruska", not "Rawa Ruską", which folds alike)
    words = max(naming, key=lambda w: sum(a != b for a, b in zip(w, written, strict=True)))
    return "".join(w if w.lower() in place_prepositions() else w[:1].upper() + w[1:] for w in words)


def _widen(entity: Entity, wider: str, text: str) -> None:
    """Stretch the entity over the whole name the gazetteer confirmed (*Nowym* → *Nowym Tomyślu*), which
    contains the mention and lies beside it in the text."""
    low = max(0, entity.start - len(wider))
    at = text.find(wider, low, entity.end + len(wider))
    while at != -1 and at <= entity.start:
        if at + len(wider) >= entity.end:
            entity.start, entity.end, entity.text = at, at + len(wider), wider
            return
        at = text.find(wider, at + 1, entity.end + len(wider))
