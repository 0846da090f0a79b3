"""The dataset described in VoID (statistics, partitions, links, sources) and DCAT
(distributions: the dumps; a data service: the SPARQL endpoint), in the shape DCAT-AP 3.0.1
asks of it (tests/standards: its shapes are run in the suite): every distribution has an
access URL and a media type that is a dct:MediaType, the data service a title and a standard
it conforms to, the source documents are what the dataset was derived from
(prov:wasDerivedFrom: they are web pages, not the datasets dct:source would need)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, PROV, RDF, SKOS, XSD

from mhkg.store import Store
from mhkg.vocab import ONTOLOGY_IRI

VOID = Namespace("http://rdfs.org/ns/void#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
EU = "http://publications.europa.eu/resource/authority/"
DCATAP = Namespace("http://data.europa.eu/r5r/")
KEYWORDS = ("migration", "health", "development projects", "IOM")
AVAILABLE = URIRef(f"{EU}planned-availability/AVAILABLE")
FILE_TYPES = {"ttl": "RDF_TURTLE", "trig": "RDF_TRIG", "nq": "RDF_N_QUADS", "jsonld": "JSON_LD"}
FORMAT_NAMES = {"ttl": "Turtle (the union of the graphs)", "trig": "TriG", "nq": "N-Quads",
                "jsonld": "JSON-LD"}  # fmt: skip
THEMES = {  # the EU's data themes, as DCAT-AP asks: their codes and English labels
    URIRef(f"{EU}data-theme/{code}"): label
    for code, label in (("HEAL", "Health"), ("SOCI", "Population and society"))
}
DUMP_TYPES = {
    "ttl": "text/turtle",
    "trig": "application/trig",
    "nq": "application/n-quads",
    "jsonld": "application/ld+json",
}
DUMP_FORMATS = {"ttl": "turtle", "trig": "trig", "nq": "nquads", "jsonld": "jsonld"}
DESCRIPTION = (
    "IOM migration-and-health development projects, the organisations, people, events, "
    "countries and SDGs they concern, and the source documents every statement comes from."
)
_STATE = """SELECT ?g ?t WHERE { { GRAPH ?g { ?g prov:generatedAtTime ?t } }
  UNION { GRAPH ?g { ?g dcterms:identifier ?t } } } ORDER BY ?g ?t"""
_COUNTS = """SELECT (COUNT(*) AS ?triples) (COUNT(DISTINCT ?s) AS ?subjects)
  (COUNT(DISTINCT ?p) AS ?properties) (COUNT(DISTINCT ?o) AS ?objects) WHERE { ?s ?p ?o }"""
_ENTITIES = """SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s ?p ?o
  FILTER(isIRI(?s) && STRSTARTS(STR(?s), {space})) }}"""
_CLASSES = "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY ?c"
_PROPERTIES = "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY ?p"
_LINKS = """SELECT ?p ?target (COUNT(*) AS ?n) WHERE {{ ?s ?p ?o
  FILTER(isIRI(?o) && STRSTARTS(STR(?s), {space}) && !STRSTARTS(STR(?o), {base})
         && ?p != rdf:type && !STRSTARTS(STR(?o), "https://w3id.org/mhkg/"))
  BIND(REPLACE(STR(?o), "^([a-z]+://[^/]+/).*$", "$1") AS ?target) }}
  GROUP BY ?p ?target ORDER BY ?p ?target"""
_COVERAGE = """SELECT DISTINCT ?country WHERE {
  ?project a mhkg:Project ; mhkg:benefitingCountry|mhkg:projectCountry ?country }"""
_PERIOD = """SELECT ?first ?last WHERE {
  { SELECT (MIN(SUBSTR(STR(?start), 1, 10)) AS ?first) WHERE { ?p mhkg:startDate ?start } }
  { SELECT (MAX(SUBSTR(STR(?end), 1, 10)) AS ?last) WHERE { ?p mhkg:endDate ?end } } }"""
_SOURCES = """SELECT DISTINCT ?document ?title WHERE { ?graph prov:wasDerivedFrom ?document
  OPTIONAL { ?document dcterms:title ?title } } ORDER BY ?document"""


@dataclass(frozen=True)
class State:
    """What identifies the store's content: a digest, and when it last changed."""

    digest: str
    modified: str | None  # the latest prov:generatedAtTime, ISO 8601


def state(store: Store) -> State:
    """Cheap to compute: the graphs, their generation times, the ontology's digest, and the
    number of triples (which catches an update that adds or removes some)."""
    rows = store.query(_STATE).rows
    count = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0]["n"]
    digest = hashlib.sha256(str(count).encode())
    for name in store.graph_names():
        digest.update(f"{name}\n".encode())
    times = []
    for row in rows:
        digest.update(f"{row['g']} {row['t']}\n".encode())
        if row["t"].datatype == XSD.dateTime:
            times.append(str(row["t"]))
    return State(digest.hexdigest(), max(times, default=None))


def describe(
    store: Store,
    urls: dict[str, str],
    base: str,
    license_iri: str,
    contact: str | None = None,
    publisher: str | None = None,
) -> Graph:
    """VoID and DCAT for the whole dataset; `urls` has 'dataset', 'sparql', and 'dump.EXT';
    `contact` (a mailto: or https: IRI) is who answers for it, `publisher` who publishes it
    (a name)."""
    g = Graph()
    g.bind("void", VOID)
    g.bind("dcat", DCAT)
    dataset = URIRef(urls["dataset"])
    g.add((dataset, RDF.type, VOID.Dataset))
    g.add((dataset, RDF.type, DCAT.Dataset))
    g.add((dataset, DCTERMS.title, Literal("Migration-health knowledge graph (mhkg)", lang="en")))
    g.add((dataset, DCTERMS.description, Literal(DESCRIPTION, lang="en")))
    g.add((dataset, DCTERMS.license, URIRef(license_iri)))
    g.add((URIRef(license_iri), RDF.type, DCTERMS.LicenseDocument))
    g.add((dataset, VOID.sparqlEndpoint, URIRef(urls["sparql"])))
    g.add((dataset, VOID.vocabulary, URIRef(ONTOLOGY_IRI + "#")))
    g.add((dataset, VOID.uriSpace, Literal(base + "id/")))
    g.add((dataset, VOID.rootResource, URIRef(base + "id/")))
    licence = URIRef(license_iri)
    attribution = URIRef("http://purl.org/adms/licencetype/Attribution")
    g.add((licence, DCTERMS.type, attribution))
    g.add((attribution, RDF.type, SKOS.Concept))
    g.add((attribution, SKOS.prefLabel, Literal("Attribution", lang="en")))
    service = URIRef(urls["sparql"])
    _about(g, (dataset, service), contact, publisher)
    _coverage(g, dataset, store)
    _statistics(g, dataset, store, base)
    _distributions(g, dataset, urls, licence)
    for row in store.query(_SOURCES).rows:
        g.add((dataset, PROV.wasDerivedFrom, row["document"]))
        if "title" in row:
            g.add((row["document"], DCTERMS.title, row["title"]))
    return g


def _about(
    g: Graph, described: tuple[URIRef, ...], contact: str | None, publisher: str | None
) -> None:
    """What the dataset and its service share: keywords, themes, contact and publisher."""
    point = _contact_point(g, URIRef(contact)) if contact else None
    agent = None
    if publisher:
        agent = BNode()
        g.add((agent, RDF.type, FOAF.Agent))
        g.add((agent, FOAF.name, Literal(publisher)))
    for node in described:
        for keyword in KEYWORDS:
            g.add((node, DCAT.keyword, Literal(keyword, lang="en")))
        for theme, label in THEMES.items():
            g.add((node, DCAT.theme, theme))
            g.add((theme, RDF.type, SKOS.Concept))
            g.add((theme, SKOS.prefLabel, Literal(label, lang="en")))
        if point is not None:
            g.add((node, DCAT.contactPoint, point))
        if agent is not None:
            g.add((node, DCTERMS.publisher, agent))


def _coverage(g: Graph, dataset: URIRef, store: Store) -> None:
    """Where (the projects' countries) and when (their first start to their last end)."""
    for row in store.query(_COVERAGE).rows:
        g.add((dataset, DCTERMS.spatial, row["country"]))
        g.add((row["country"], RDF.type, DCTERMS.Location))
    period = store.query(_PERIOD).rows
    if period and ("first" in period[0] or "last" in period[0]):
        node = BNode()
        g.add((dataset, DCTERMS.temporal, node))
        g.add((node, RDF.type, DCTERMS.PeriodOfTime))
        for key, prop in (("first", DCAT.startDate), ("last", DCAT.endDate)):
            if key in period[0]:
                g.add((node, prop, _date(str(period[0][key]))))


def _date(text: str) -> Literal:
    """A date as written (2019, 2019-03, 2019-03-01), typed as precisely as it is."""
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth}.get(len(text), XSD.date)
    return Literal(text, datatype=datatype)


def _contact_point(g: Graph, contact: URIRef) -> BNode:
    point = BNode()
    g.add((point, RDF.type, VCARD.Kind))
    g.add((point, VCARD.fn, Literal("Contact for the mhkg dataset", lang="en")))
    g.add((point, VCARD.hasEmail if str(contact).startswith("mailto:") else VCARD.hasURL, contact))
    return point


def _statistics(g: Graph, dataset: URIRef, store: Store, base: str) -> None:
    counts = store.query(_COUNTS).rows[0]
    for name in ("triples", "properties"):
        g.add((dataset, VOID[name], counts[name]))
    g.add((dataset, VOID.distinctSubjects, counts["subjects"]))
    g.add((dataset, VOID.distinctObjects, counts["objects"]))
    # the base is an IRI checked by mhkg.iri.base_iri (no quotes, spaces or braces)
    space = {"space": json.dumps(base + "id/"), "base": json.dumps(base)}
    entities = store.query(_ENTITIES.format(**space)).rows[0]["n"]
    g.add((dataset, VOID.entities, entities))
    classes = store.query(_CLASSES).rows
    g.add((dataset, VOID.classes, Literal(len(classes))))
    for row in classes:
        _partition(
            g, dataset, VOID.classPartition, VOID["class"], row["c"], VOID.entities, row["n"]
        )
    for row in store.query(_PROPERTIES).rows:
        _partition(
            g, dataset, VOID.propertyPartition, VOID.property, row["p"], VOID.triples, row["n"]
        )
    for row in store.query(_LINKS.format(**space)).rows:
        linkset = BNode()
        g.add((linkset, RDF.type, VOID.Linkset))
        g.add((linkset, VOID.subjectsTarget, dataset))
        g.add((linkset, VOID.objectsTarget, URIRef(str(row["target"]))))
        g.add((linkset, VOID.linkPredicate, row["p"]))
        g.add((linkset, VOID.triples, row["n"]))
        g.add((dataset, VOID.subset, linkset))


def _partition(g: Graph, dataset, kind, key, value, measure, count) -> None:
    part = BNode()
    g.add((dataset, kind, part))
    g.add((part, key, value))
    g.add((part, measure, count))


def _distributions(g: Graph, dataset: URIRef, urls: dict[str, str], license_iri: URIRef) -> None:
    for ext, media_type in DUMP_TYPES.items():
        dump = URIRef(urls[f"dump.{ext}"])
        g.add((dataset, VOID.dataDump, dump))
        g.add((dataset, DCAT.distribution, dump))
        g.add((dump, RDF.type, DCAT.Distribution))
        g.add((dump, DCAT.accessURL, dump))
        g.add((dump, DCAT.downloadURL, dump))
        iana = URIRef(f"https://www.iana.org/assignments/media-types/{media_type}")
        g.add((dump, DCAT.mediaType, iana))
        g.add((iana, RDF.type, DCTERMS.MediaType))
        g.add((dump, DCTERMS.license, license_iri))
        g.add((dump, DCTERMS.description, Literal(f"The whole dataset as {FORMAT_NAMES[ext]}",
                                                  lang="en")))  # fmt: skip
        file_type = URIRef(f"{EU}file-type/{FILE_TYPES[ext]}")
        g.add((dump, DCTERMS["format"], file_type))
        g.add((file_type, RDF.type, DCTERMS.MediaTypeOrExtent))
        g.add((dump, DCATAP.availability, AVAILABLE))
    g.add((AVAILABLE, RDF.type, SKOS.Concept))
    g.add((AVAILABLE, SKOS.prefLabel, Literal("Available", lang="en")))
    service = URIRef(urls["sparql"])
    g.add((service, RDF.type, DCAT.DataService))
    g.add((service, DCTERMS.title, Literal("mhkg SPARQL 1.1 endpoint", lang="en")))
    g.add((service, DCAT.endpointURL, service))
    g.add((service, DCAT.endpointDescription, service))  # it answers with its Service Description
    g.add((service, DCAT.servesDataset, dataset))
    g.add((service, DCTERMS.license, license_iri))
    protocol = URIRef("https://www.w3.org/TR/sparql11-protocol/")
    g.add((service, DCTERMS.conformsTo, protocol))
    g.add((protocol, RDF.type, DCTERMS.Standard))
