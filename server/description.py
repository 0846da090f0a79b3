"""What the server says about one resource: its triples as data, and, for its HTML page,
its label and types, properties with labelled objects, backlinks and provenance.

Provenance: the named graphs holding triples about the resource, each `prov:wasDerivedFrom`
its source document, and the W3C Web Annotations whose body is the resource or a statement
or participation about it (the sentence quoted from the source, its position, the rule).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from mhkg import queries as named_queries
from mhkg.store import Store

BACKLINK_LIMIT = 500
_LABEL_PROPERTIES = ("skos:prefLabel", "rdfs:label", "dcterms:title", "foaf:name", "schema:name")
_SAFE_IRI = re.compile(r"^[^\s<>\"{}|^`\\]+$")
_LABELS = """SELECT ?x ?label WHERE {{ VALUES ?x {{ {iris} }}
  VALUES (?rank ?property) {{ {ranked} }} ?x ?property ?label }} ORDER BY ?x ?rank"""
_PROVENANCE = """SELECT DISTINCT ?r ?graph ?document ?title ?generated WHERE {
  GRAPH ?graph { ?r ?p ?o }
  OPTIONAL { ?graph prov:wasDerivedFrom ?document OPTIONAL { ?document dcterms:title ?title } }
  OPTIONAL { ?graph prov:generatedAtTime ?generated } } ORDER BY ?graph"""


@dataclass
class Link:
    term: Node
    label: str | None = None


@dataclass
class Property:
    predicate: Link
    values: list[Link]


@dataclass
class ResourceView:
    iri: URIRef
    label: str | None
    types: list[Link]
    properties: list[Property]
    backlinks: list[tuple[Link, Link]]  # (subject, predicate)
    backlinks_cut: bool
    sources: list[dict[str, Node]] = field(default_factory=list)
    quotes: list[dict[str, Node]] = field(default_factory=list)


def quotes_about(store: Store, iri: URIRef) -> list[dict[str, Node]]:
    """Where statements about the resource were read: the named query `provenance`'s rows
    that quote a sentence."""
    provenance = named_queries.load("provenance")
    rows = store.query(provenance.text, provenance.bindings({"resource": str(iri)})).rows
    return [row for row in rows if row.get("quote") is not None]


def exists(store: Store, iri: URIRef) -> bool:
    """Whether the store says anything of `iri` (an IRI no store could hold: no)."""
    if not _SAFE_IRI.match(iri):
        return False
    return bool(store.query("ASK { { ?r ?p ?o } UNION { ?s ?p ?r } }", {"r": iri}).boolean)


def outgoing(store: Store, node: Node) -> Graph:
    """The triples about `node`, and those about the blank nodes it leads to (its CBD)."""
    graph, todo, seen = Graph(), [node], set()
    while todo:
        subject = todo.pop()
        seen.add(subject)
        found = store.query("CONSTRUCT { ?r ?p ?o } WHERE { ?r ?p ?o }", {"r": subject}).graph
        for triple in found or ():
            graph.add(triple)
            if isinstance(triple[2], BNode) and triple[2] not in seen:
                todo.append(triple[2])
    return graph


def incoming(store: Store, iri: URIRef, limit: int = BACKLINK_LIMIT) -> Graph:
    query = f"CONSTRUCT {{ ?s ?p ?r }} WHERE {{ ?s ?p ?r }} LIMIT {limit}"
    return store.query(query, {"r": iri}).graph or Graph()


def data_graph(store: Store, iri: URIRef) -> Graph:
    """The resource's document as data: what it says, and what points at it."""
    return outgoing(store, iri) + incoming(store, iri)


def labels(store: Store, nodes: set[Node]) -> dict[Node, str]:
    """The best label of each IRI (skos:prefLabel, rdfs:label, title, name; English first)."""
    iris = sorted(str(n) for n in nodes if isinstance(n, URIRef) and _SAFE_IRI.match(str(n)))
    if not iris:
        return {}
    ranked = " ".join(f"({i} {p})" for i, p in enumerate(_LABEL_PROPERTIES))
    query = _LABELS.format(iris=" ".join(f"<{i}>" for i in iris), ranked=ranked)
    candidates: dict[Node, list[Node]] = {}
    for row in store.query(query).rows:  # in order of preference of the property
        candidates.setdefault(row["x"], []).append(row["label"])
    return {
        node: str(
            next((x for x in found if getattr(x, "language", None) in (None, "en")), found[0])
        )
        for node, found in candidates.items()
    }


def view(store: Store, iri: URIRef) -> ResourceView:
    """Everything the HTML page of `iri` shows."""
    about = outgoing(store, iri)
    backlinks = incoming(store, iri, BACKLINK_LIMIT + 1)
    names = labels(
        store,
        {iri}
        | set(about.predicates())
        | set(about.objects())
        | set(backlinks.subjects())
        | set(backlinks.predicates()),
    )
    link = lambda term: Link(term, names.get(term))  # noqa: E731
    by_predicate: dict[Node, list[Link]] = {}
    for p, o in sorted(about.predicate_objects(iri), key=lambda po: tuple(map(str, po))):
        if p != RDF.type:
            by_predicate.setdefault(p, []).append(link(o))
    inbound = sorted(
        ((s, p) for s, p, _ in backlinks if not isinstance(s, BNode)),
        key=lambda sp: tuple(map(str, sp)),
    )
    return ResourceView(
        iri=iri,
        label=names.get(iri),
        types=[link(t) for t in sorted(about.objects(iri, RDF.type), key=str)],
        properties=[Property(link(p), values) for p, values in by_predicate.items()],
        backlinks=[(link(s), link(p)) for s, p in inbound[:BACKLINK_LIMIT]],
        backlinks_cut=len(backlinks) > BACKLINK_LIMIT,
        sources=store.query(_PROVENANCE, {"r": iri}).rows,
        quotes=quotes_about(store, iri),
    )
