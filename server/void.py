"""The dataset described in VoID (statistics, partitions, links, sources) and DCAT
(distributions: the dumps; a data service: the SPARQL endpoint)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF, XSD

from mhkg.store import Store
from mhkg.vocab import ONTOLOGY_IRI

VOID = Namespace("http://rdfs.org/ns/void#")
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


def describe(store: Store, urls: dict[str, str], base: str, license_iri: str) -> Graph:
    """VoID and DCAT for the whole dataset; `urls` has 'dataset', 'sparql', and 'dump.EXT'."""
    g = Graph()
    g.bind("void", VOID)
    g.bind("dcat", DCAT)
    dataset = URIRef(urls["dataset"])
    g.add((dataset, RDF.type, VOID.Dataset))
    g.add((dataset, RDF.type, DCAT.Dataset))
    g.add((dataset, DCTERMS.title, Literal("Migration-health knowledge graph (mhkg)", lang="en")))
    g.add((dataset, DCTERMS.description, Literal(DESCRIPTION, lang="en")))
    g.add((dataset, DCTERMS.license, URIRef(license_iri)))
    g.add((dataset, VOID.sparqlEndpoint, URIRef(urls["sparql"])))
    g.add((dataset, VOID.vocabulary, URIRef(ONTOLOGY_IRI + "#")))
    g.add((dataset, VOID.uriSpace, Literal(base + "id/")))
    g.add((dataset, VOID.rootResource, URIRef(base + "id/")))
    _statistics(g, dataset, store, base)
    _distributions(g, dataset, urls)
    for row in store.query(_SOURCES).rows:
        g.add((dataset, DCTERMS.source, row["document"]))
        if "title" in row:
            g.add((row["document"], DCTERMS.title, row["title"]))
    return g


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


def _distributions(g: Graph, dataset: URIRef, urls: dict[str, str]) -> None:
    for ext, media_type in DUMP_TYPES.items():
        dump = URIRef(urls[f"dump.{ext}"])
        g.add((dataset, VOID.dataDump, dump))
        g.add((dataset, DCAT.distribution, dump))
        g.add((dump, RDF.type, DCAT.Distribution))
        g.add((dump, DCAT.downloadURL, dump))
        iana = f"https://www.iana.org/assignments/media-types/{media_type}"
        g.add((dump, DCAT.mediaType, URIRef(iana)))
    service = URIRef(urls["sparql"])
    g.add((service, RDF.type, DCAT.DataService))
    g.add((service, DCAT.endpointURL, service))
    g.add((service, DCAT.servesDataset, dataset))
    g.add((service, DCTERMS.conformsTo, URIRef("https://www.w3.org/TR/sparql11-protocol/")))
