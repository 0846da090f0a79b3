"""What the server says about one resource: its triples as data, and, for its HTML page,
its label and types, properties with labelled objects, backlinks and provenance.

Provenance: the named graphs holding triples about the resource, each `prov:wasDerivedFrom`
its source document, and the W3C Web Annotations whose body is the resource or a statement
or participation about it (the sentence quoted from the source, its position, the rule).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, RDFS, SKOS
from rdflib.term import Node

from mhkg.iri import is_absolute_iri
from mhkg.store import Store
from mhkg.vocab import SCHEMA

BACKLINK_LIMIT = 500
_LABEL_PROPERTIES = (SKOS.prefLabel, RDFS.label, DCTERMS.title, FOAF.name, SCHEMA.name)
_SAFE_IRI = re.compile(r"^[^\s<>\"{}|^`\\]+$")
# The properties as a FILTER, not a VALUES block joined with the IRIs': Oxigraph plans such a
# join as a scan of every triple (1.6 s for 635 IRIs at 10,000 projects, 69 ms so).
_LABELS = """SELECT ?x ?property ?label WHERE {{ VALUES ?x {{ {iris} }}
  ?x ?property ?label FILTER (?property IN ({properties})) }}"""
_PROVENANCE = """SELECT DISTINCT ?r ?graph ?document ?title ?generated WHERE {
  GRAPH ?graph { ?r ?p ?o }
  OPTIONAL { ?graph prov:wasDerivedFrom ?document OPTIONAL { ?document dcterms:title ?title } }
  OPTIONAL { ?graph prov:generatedAtTime ?generated } }"""
_QUOTES = """SELECT DISTINCT ?resource ?document ?documentTitle ?graph ?quote ?start ?end ?rule
WHERE {{
  VALUES ?resource {{ {iri} }}
  GRAPH ?graph {{ {{ ?resource ?property ?value }} UNION {{ ?subject ?property ?resource }} }}
  GRAPH ?graph {{
    ?annotation oa:hasBody/(rdf:subject|rdf:object|mhkg:participant|mhkg:inProject)? ?resource ;
                mhkg:extractionRule ?rule ;
                oa:hasTarget/oa:hasSelector ?quoted .
    ?quoted oa:exact ?quote .
    OPTIONAL {{ ?annotation oa:hasTarget/oa:hasSelector ?position .
               ?position oa:start ?start ; oa:end ?end }}
  }}
  ?graph prov:wasDerivedFrom ?document .
  OPTIONAL {{ ?document dcterms:title ?documentTitle }}
}}"""
SOURCE_LIMIT = 200
QUOTE_LIMIT = 200


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
    sources_cut: bool = False  # more sources than SOURCE_LIMIT: some are shown
    quotes_cut: bool = False  # more quotes than QUOTE_LIMIT


def quotes_about(store: Store, iri: URIRef, limit: int = QUOTE_LIMIT) -> list[dict[str, Node]]:
    """Where statements about the resource were read: the rows of the named query
    `provenance` that quote a sentence (its first branch), by document and position; at most
    `limit` + 1 of them, the first the engine finds (a hub such as IOM is quoted in every
    project's description)."""
    if not is_absolute_iri(iri):  # no store holds it; and it could not be written as <iri>
        return []
    rows = store.query(_QUOTES.format(iri=f"<{iri}>"), max_rows=limit + 1).rows
    return sorted(rows, key=lambda row: _by(row, "document", "start", "quote"))


def sources_of(store: Store, iri: URIRef, limit: int = SOURCE_LIMIT) -> list[dict[str, Node]]:
    """The named graphs that say something of the resource, with their documents: at most
    `limit` + 1 (the first the engine finds: a hub is in every record), sorted by graph."""
    rows = store.query(_PROVENANCE, {"r": iri}, max_rows=limit + 1).rows
    return sorted(rows, key=lambda row: _by(row, "graph"))


def _by(row: dict[str, Node], *names: str) -> tuple:
    """A sort key of a row: its values by name, an unbound one first, integers as numbers."""
    key: list[tuple] = []
    for name in names:
        value = row.get(name)
        if value is None:
            key.append((0, 0, ""))
        elif isinstance(value, Literal) and isinstance(value.toPython(), int):
            key.append((1, value.toPython(), ""))
        else:
            key.append((2, 0, str(value)))
    return tuple(key)


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
    query = _LABELS.format(
        iris=" ".join(f"<{i}>" for i in iris),
        properties=", ".join(f"<{p}>" for p in _LABEL_PROPERTIES),
    )
    rank = {prop: k for k, prop in enumerate(_LABEL_PROPERTIES)}
    rows = sorted(
        store.query(query).rows, key=lambda row: (rank[row["property"]], str(row["label"]))
    )
    candidates: dict[Node, list[Node]] = {}
    for row in rows:  # in order of preference of the property
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
    sources = sources_of(store, iri, SOURCE_LIMIT)
    quotes = quotes_about(store, iri, QUOTE_LIMIT)
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
        sources=sources[:SOURCE_LIMIT],
        sources_cut=len(sources) > SOURCE_LIMIT,
        quotes=quotes[:QUOTE_LIMIT],
        quotes_cut=len(quotes) > QUOTE_LIMIT,
    )
