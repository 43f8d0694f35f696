"""The store as an RDF graph — events in SEM (Simple Event Model) and CIDOC-CRM, text spans in NIF —
serialised as Turtle or JSON-LD.

- documents: ``nif:Context`` + ``crm:E31_Document`` holding the full text (``nif:isString``), title, DCT;
- sentences, event triggers and entity mentions: NIF strings ``<document>#char=START,END`` with
  ``nif:beginIndex``/``nif:endIndex``/``nif:anchorOf``, so every offset slices back to the text; a
  mention points to its entity, a trigger to its event (``itsrdf:taIdentRef``);
- events that happened (not those the text denies or only supposes: negated, conditional, possible):
  ``sem:Event`` + ``crm:E5_Event`` with ``sem:eventType``/``crm:P2_has_type``, and a second
  ``crm:P2_has_type``, a ``modality`` type, when the text only announces or reports them; places by
  ``sem:hasPlace``/``crm:P7_took_place_at``; actors by ``sem:hasActor`` (through a ``sem:Role`` with
  ``sem:roleType`` when the role is known) and ``crm:P14_carried_out_by`` (agents) or
  ``crm:P11_had_participant``; time as ``sem:hasTimeStamp`` (one day) or
  ``sem:hasBeginTimeStamp``/``sem:hasEndTimeStamp`` and a ``crm:E52_Time-Span`` labelled with the
  TIMEX3 value, its EDTF (``dcterms:date`` typed as EDTF) and, beside CIDOC-CRM's ``P82a``/``P82b``, an
  OWL-Time ``time:Instant`` (one day, ``time:inXSDDate``) or ``time:Interval`` with
  ``time:hasBeginning``/``time:hasEnd`` instants; provenance by ``prov:wasDerivedFrom`` the sentence
  and ``crm:P70i_is_documented_in``;
- places: ``crm:E53_Place`` with WGS84 ``lat``/``long`` and ``owl:sameAs`` GeoNames when known; the
  state that held a place in August 1939 and on the dates of the documents naming it as
  ``crm:P89_falls_within`` a SEM constraint (``sem:Temporary``, the pattern SEM qualifies any property in
  time with) whose ``rdf:value`` is the state (a ``crm:E53_Place``) and whose ``sem:hasTimeStamp`` are
  those dates;
- human corrections: an entity, mention or event a person corrected is ``prov:wasAttributedTo`` that
  person (a ``prov:Person``) with ``prov:generatedAtTime`` the time of the correction.
"""

from __future__ import annotations

from urllib.parse import quote

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, XSD
from rdflib.term import Node

from kronika.export.modality import ASSERTED, happened
from kronika.export.place_details import place_details, states_then
from kronika.export.snapshot import Iris, StoreSnapshot
from kronika.model import Analysis
from kronika.store import Argument, EntityRecord, EventRecord
from kronika.store.corrections import HumanMarks, Mark

SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
CRM = Namespace("http://www.cidoc-crm.org/cidoc-crm/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
WGS84 = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
TIME = Namespace("http://www.w3.org/2006/time#")
EDTF = URIRef("http://id.loc.gov/datatypes/edtf")
GEONAMES = "https://sws.geonames.org/{}/"

PREFIXES = {"sem": SEM, "crm": CRM, "nif": NIF, "itsrdf": ITSRDF, "wgs84": WGS84, "prov": PROV,
            "dcterms": DCTERMS, "time": TIME, "owl": OWL, "rdfs": RDFS, "xsd": XSD}

# CIDOC-CRM classes of Kronika's entity types (CONTRACT.md).
CRM_CLASS = {"PERSON": CRM.E21_Person, "ORGANIZATION": CRM.E74_Group, "MILITARY_UNIT": CRM.E74_Group,
             "COUNTRY": CRM.E53_Place, "PLACE": CRM.E53_Place, "EVENT": CRM.E5_Event,
             "DOCUMENT": CRM.E31_Document}
AGENT_ROLE = "agent"
MONTH_1939 = "1939-08"  # the gazetteer's country_1939 is the state of August 1939
DATE_TYPES = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}  # a document date as precise as it is given


def _span(graph: Graph, iris: Iris, analysis: Analysis, start: int, end: int, kind: URIRef) -> URIRef:
    """A NIF string of the document: its offsets and the text they cover."""
    document_id = analysis.document.id
    node = URIRef(iris.span(document_id, start, end))
    graph.add((node, RDF.type, kind))
    graph.add((node, NIF.referenceContext, URIRef(iris.document(document_id))))
    graph.add((node, NIF.beginIndex, Literal(start, datatype=XSD.nonNegativeInteger)))
    graph.add((node, NIF.endIndex, Literal(end, datatype=XSD.nonNegativeInteger)))
    graph.add((node, NIF.anchorOf, Literal(analysis.document.text[start:end])))
    return node


def _attribute(graph: Graph, iris: Iris, node: URIRef, mark: Mark | None) -> None:
    """A person's correction: who made the node what it is, and when."""
    if mark is None:
        return
    person = URIRef(iris.vocabulary("person", mark.by))
    graph.add((person, RDF.type, PROV.Person))
    graph.add((person, RDFS.label, Literal(mark.by)))
    graph.add((node, PROV.wasAttributedTo, person))
    graph.add((node, PROV.generatedAtTime, Literal(mark.at, datatype=XSD.dateTime)))


def _add_document(graph: Graph, iris: Iris, analysis: Analysis, human: HumanMarks) -> None:
    document = analysis.document
    node = URIRef(iris.document(document.id))
    graph.add((node, RDF.type, NIF.Context))
    graph.add((node, RDF.type, CRM.E31_Document))
    graph.add((node, NIF.isString, Literal(document.text)))
    graph.add((node, NIF.beginIndex, Literal(0, datatype=XSD.nonNegativeInteger)))
    graph.add((node, NIF.endIndex, Literal(len(document.text), datatype=XSD.nonNegativeInteger)))
    graph.add((node, DCTERMS.identifier, Literal(document.id)))
    graph.add((node, DCTERMS.language, Literal("pl")))
    if document.title:
        graph.add((node, DCTERMS.title, Literal(document.title)))
    if document.source:
        graph.add((node, DCTERMS.source, Literal(document.source)))
    if document.dct:
        graph.add((node, DCTERMS.created, Literal(document.dct, datatype=XSD.date)))
    for sentence in analysis.sentences:
        _span(graph, iris, analysis, sentence.start, sentence.end, NIF.Sentence)
    for mention in analysis.entities:
        if mention.ref:
            phrase = _span(graph, iris, analysis, mention.start, mention.end, NIF.Phrase)
            graph.add((phrase, ITSRDF.taIdentRef, URIRef(iris.entity(mention.ref))))
            _attribute(graph, iris, phrase, human.entity(document.id, mention.start, mention.end, mention.ref))


def _add_entity(graph: Graph, iris: Iris, entity: EntityRecord, mark: Mark | None) -> None:
    node = URIRef(iris.entity(entity.ref))
    _attribute(graph, iris, node, mark)
    graph.add((node, RDF.type, CRM_CLASS.get(entity.type, CRM.E1_CRM_Entity)))
    graph.add((node, RDFS.label, Literal(entity.lemma, lang="pl")))
    if entity.type == "PLACE":
        graph.add((node, RDF.type, SEM.Place))
    elif entity.type == "EVENT":  # a named event (*kampania wrześniowa*)
        graph.add((node, RDF.type, SEM.Event))
    if entity.geo:
        graph.add((node, WGS84.lat, Literal(entity.geo["lat"], datatype=XSD.decimal)))
        graph.add((node, WGS84.long, Literal(entity.geo["lon"], datatype=XSD.decimal)))
        details = place_details(entity)
        if details and details.geonames_id:
            graph.add((node, OWL.sameAs, URIRef(GEONAMES.format(details.geonames_id))))


def _add_states(graph: Graph, iris: Iris, snapshot: StoreSnapshot, entity: EntityRecord) -> None:
    """The state that held the place in August 1939 and on the dates of the documents naming it, each in
    time by a ``sem:Temporary``: a plain ``P89_falls_within`` would say the place lay in all of them at once."""
    node = URIRef(iris.entity(entity.ref))
    details = place_details(entity)
    held = [(f"{node}/state-1939", details.country_1939, [MONTH_1939])] if details and details.country_1939 else []
    held += [(f"{node}/state-then/{quote(state, safe='')}", state, days)
             for state, days in states_then(snapshot, entity).items()]
    for within, state, days in held:
        state_node = URIRef(iris.vocabulary("state", state))
        graph.add((state_node, RDF.type, CRM.E53_Place))
        graph.add((state_node, RDF.type, SEM.Place))
        graph.add((state_node, RDFS.label, Literal(state, lang="en")))
        constraint = URIRef(within)
        graph.add((node, CRM.P89_falls_within, constraint))
        graph.add((constraint, RDF.type, SEM.Temporary))
        graph.add((constraint, RDF.value, state_node))
        for day in days:
            graph.add((constraint, SEM.hasTimeStamp, Literal(day[:10], datatype=DATE_TYPES.get(len(day[:10])))))


def _argument_node(graph: Graph, iris: Iris, argument: Argument) -> Node:
    if argument.ref:
        return URIRef(iris.entity(argument.ref))
    node = BNode()  # named in the text but not linked to an entity
    graph.add((node, RDFS.label, Literal(argument.lemma, lang="pl")))
    return node


def _instant(graph: Graph, node: URIRef, day: str) -> URIRef:
    graph.add((node, RDF.type, TIME.Instant))
    graph.add((node, TIME.inXSDDate, Literal(day, datatype=XSD.date)))
    return node


def _add_time(graph: Graph, event_node: URIRef, event: EventRecord, edtf: str | None = None) -> None:
    if event.time is None:
        return
    time_span = URIRef(f"{event_node}/time")
    graph.add((event_node, SEM.hasTime, time_span))
    graph.add((event_node, CRM["P4_has_time-span"], time_span))
    graph.add((time_span, RDF.type, SEM.Time))
    graph.add((time_span, RDF.type, CRM["E52_Time-Span"]))
    graph.add((time_span, RDFS.label, Literal(event.time)))  # the TIMEX3 value
    if edtf:
        graph.add((time_span, DCTERMS.date, Literal(edtf, datatype=EDTF)))
    if event.interval is None:  # no calendar anchor (XXXX-09-17): the label is all there is
        return
    begin, end = event.interval
    graph.add((time_span, CRM.P82a_begin_of_the_begin, Literal(f"{begin}T00:00:00", datatype=XSD.dateTime)))
    graph.add((time_span, CRM.P82b_end_of_the_end, Literal(f"{end}T23:59:59", datatype=XSD.dateTime)))
    graph.add((event_node, TIME.hasTime, time_span))
    if begin == end:
        _instant(graph, time_span, begin)
        graph.add((event_node, SEM.hasTimeStamp, Literal(begin, datatype=XSD.date)))
    else:
        graph.add((time_span, RDF.type, TIME.Interval))
        graph.add((time_span, TIME.hasBeginning, _instant(graph, URIRef(f"{time_span}/begin"), begin)))
        graph.add((time_span, TIME.hasEnd, _instant(graph, URIRef(f"{time_span}/end"), end)))
        graph.add((event_node, SEM.hasBeginTimeStamp, Literal(begin, datatype=XSD.date)))
        graph.add((event_node, SEM.hasEndTimeStamp, Literal(end, datatype=XSD.date)))


def _add_event(graph: Graph, iris: Iris, analysis: Analysis, event: EventRecord, edtf: str | None,
               mark: Mark | None) -> None:
    node = URIRef(iris.event(event.document, event.local_id))
    _attribute(graph, iris, node, mark)
    graph.add((node, RDF.type, SEM.Event))
    graph.add((node, RDF.type, CRM.E5_Event))
    graph.add((node, RDFS.label, Literal(f"{event.type}: {event.trigger_text}", lang="pl")))
    event_type = URIRef(iris.vocabulary("eventType", event.type))
    graph.add((event_type, RDF.type, SEM.EventType))
    graph.add((event_type, RDF.type, CRM.E55_Type))
    graph.add((event_type, RDFS.label, Literal(event.type)))
    graph.add((node, SEM.eventType, event_type))
    graph.add((node, CRM.P2_has_type, event_type))
    if event.modality != ASSERTED:  # announced (future) or only reported
        modality = URIRef(iris.vocabulary("modality", event.modality))
        graph.add((modality, RDF.type, CRM.E55_Type))
        graph.add((modality, RDFS.label, Literal(event.modality)))
        graph.add((node, CRM.P2_has_type, modality))

    sentence = URIRef(iris.span(event.document, event.sentence.start, event.sentence.end))
    graph.add((node, PROV.wasDerivedFrom, sentence))
    graph.add((node, CRM.P70i_is_documented_in, URIRef(iris.document(event.document))))
    trigger = _span(graph, iris, analysis, event.trigger_start, event.trigger_end, NIF.Phrase)
    graph.add((trigger, ITSRDF.taIdentRef, node))
    graph.add((trigger, NIF.sentence, sentence))
    if event.time_inherited:
        graph.add((node, RDFS.comment,
                   Literal("time carried over from the narrative, not stated in the clause")))
    _add_time(graph, node, event, edtf)

    for place in event.places:
        place_node = _argument_node(graph, iris, place)
        graph.add((place_node, RDF.type, SEM.Place))
        graph.add((place_node, RDF.type, CRM.E53_Place))
        graph.add((node, SEM.hasPlace, place_node))
        graph.add((node, CRM.P7_took_place_at, place_node))
    for number, participant in enumerate(event.participants, 1):
        actor = _argument_node(graph, iris, participant)
        graph.add((actor, RDF.type, SEM.Actor))
        link = CRM.P14_carried_out_by if participant.role == AGENT_ROLE else CRM.P11_had_participant
        graph.add((node, link, actor))
        if participant.role is None:
            graph.add((node, SEM.hasActor, actor))
            continue
        # SEM's n-ary role pattern: the event has a Role whose value is the actor.
        role = URIRef(f"{node}/role/{number}")
        role_type = URIRef(iris.vocabulary("roleType", participant.role))
        graph.add((node, SEM.hasActor, role))
        graph.add((role, RDF.type, SEM.Role))
        graph.add((role, RDF.value, actor))
        graph.add((role, SEM.roleType, role_type))
        graph.add((role_type, RDF.type, SEM.RoleType))
        graph.add((role_type, RDFS.label, Literal(participant.role)))


def snapshot_to_graph(snapshot: StoreSnapshot, iris: Iris) -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    for analysis in snapshot.analyses.values():
        _add_document(graph, iris, analysis, snapshot.human)
    for entity in snapshot.entities.values():
        _add_entity(graph, iris, entity, snapshot.human.refs.get(entity.ref))
        if entity.geo:
            _add_states(graph, iris, snapshot, entity)
    for event in snapshot.events:
        if event.document in snapshot.analyses and happened(event.modality):
            _add_event(graph, iris, snapshot.analyses[event.document], event, snapshot.event_edtf(event),
                       snapshot.event_mark(event))
    return graph


def serialize(graph: Graph, rdf_format: str) -> str:
    """``turtle`` or ``json-ld`` (compacted with the prefixes above)."""
    if rdf_format == "json-ld":
        context = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
        return graph.serialize(format="json-ld", context=context, indent=2, ensure_ascii=False)
    return graph.serialize(format=rdf_format)
