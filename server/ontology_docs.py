"""Documentation generated from the ontology and the shapes: terms with their labels,
definitions, domains and ranges, a class-hierarchy diagram (inline SVG), node shapes with
their targets and property constraints."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from rdflib import BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH, SKOS
from rdflib.term import Node

from mhkg.vocab import ONTOLOGY_IRI

KINDS = (
    ("Classes", OWL.Class),
    ("Object properties", OWL.ObjectProperty),
    ("Datatype properties", OWL.DatatypeProperty),
    ("Named individuals", OWL.NamedIndividual),
)
CONSTRAINTS = (
    "minCount",
    "maxCount",
    "datatype",
    "class",
    "nodeKind",
    "pattern",
    "in",
    "or",
    "hasValue",
    "minInclusive",
    "maxInclusive",
    "node",
    "message",
)


@dataclass
class Term:
    iri: URIRef
    name: str
    label: str
    definition: str = ""
    comment: str = ""
    parents: list[URIRef] = field(default_factory=list)
    domains: list[URIRef] = field(default_factory=list)
    ranges: list[URIRef] = field(default_factory=list)
    types: list[URIRef] = field(default_factory=list)


def local_name(iri: Node) -> str:
    text = str(iri)
    return text.rsplit("#", 1)[-1] if "#" in text else text.rstrip("/").rsplit("/", 1)[-1]


def _text(graph: Graph, node: Node, *properties: URIRef) -> str:
    for prop in properties:
        values = list(graph.objects(node, prop))
        english = [v for v in values if getattr(v, "language", None) in (None, "en")]
        if english or values:
            return str((english or values)[0])
    return ""


def term(graph: Graph, iri: URIRef, parent: URIRef) -> Term:
    return Term(
        iri=iri,
        name=local_name(iri),
        label=_text(graph, iri, RDFS.label, SKOS.prefLabel) or local_name(iri),
        definition=_text(graph, iri, SKOS.definition),
        comment=_text(graph, iri, RDFS.comment),
        parents=sorted(o for o in graph.objects(iri, parent) if isinstance(o, URIRef)),
        domains=sorted(o for o in graph.objects(iri, RDFS.domain) if isinstance(o, URIRef)),
        ranges=sorted(o for o in graph.objects(iri, RDFS.range) if isinstance(o, URIRef)),
        types=sorted(o for o in graph.objects(iri, RDF.type) if o != OWL.NamedIndividual),
    )


def ontology_sections(graph: Graph, namespace: str = ONTOLOGY_IRI + "#") -> dict[str, list[Term]]:
    """The ontology's own terms by kind, alphabetically (external terms are left out)."""
    sections = {}
    for title, kind in KINDS:
        parent = RDFS.subClassOf if kind == OWL.Class else RDFS.subPropertyOf
        iris = sorted(s for s in graph.subjects(RDF.type, kind) if str(s).startswith(namespace))
        sections[title] = [term(graph, iri, parent) for iri in iris]
    return sections


def metadata(graph: Graph, iri: URIRef) -> dict[str, str]:
    return {
        "title": _text(graph, iri, DCTERMS.title, RDFS.label),
        "description": _text(graph, iri, DCTERMS.description, RDFS.comment),
        "version": _text(graph, iri, OWL.versionInfo),
        "license": _text(graph, iri, DCTERMS.license),
        "created": _text(graph, iri, DCTERMS.created),
    }


def class_diagram(classes: list[Term], row: int = 22, indent: int = 22) -> str:
    """The class hierarchy as an indented tree in inline SVG, each box linking to its term."""
    own = {c.iri: c for c in classes}
    children: dict[URIRef | None, list[Term]] = {}
    for c in classes:
        parents = [p for p in c.parents if p in own] or [None]
        for p in parents[:1]:
            children.setdefault(p, []).append(c)
    lines: list[tuple[int, Term, int | None]] = []  # (depth, term, row of the parent)

    def walk(parent: URIRef | None, depth: int, parent_row: int | None) -> None:
        for child in sorted(children.get(parent, []), key=lambda t: t.name):
            lines.append((depth, child, parent_row))
            walk(child.iri, depth + 1, len(lines) - 1)

    walk(None, 0, None)
    width = max((d * indent + 12 + 8 * len(t.name) for d, t, _ in lines), default=100) + 20
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="diagram" width="{width}" '
        f'height="{len(lines) * row + 10}" role="img" aria-label="Class hierarchy">'
    ]
    for i, (depth, t, parent_row) in enumerate(lines):
        x, y = depth * indent + 10, i * row + 18
        if parent_row is not None:
            px, py = (depth - 1) * indent + 16, parent_row * row + 22
            parts.append(f'<path d="M{px},{py} V{y - 4} H{x - 2}" class="edge"/>')
        parts.append(
            f'<a href="#{escape(t.name)}"><text x="{x}" y="{y}">{escape(t.name)}</text></a>'
        )
    parts.append("</svg>")
    return "\n".join(parts)


@dataclass
class NodeShape:
    iri: Node
    name: str
    label: str
    comment: str
    targets: list[Node]
    properties: list[dict[str, object]]
    constraints: dict[str, object]
    sparql: list[str]


def _value(graph: Graph, node: Node) -> object:
    if isinstance(node, BNode) and graph.value(node, RDF.first) is not None:
        return list(Collection(graph, node))
    return node


def _constraints(graph: Graph, node: Node) -> dict[str, object]:
    found: dict[str, object] = {}
    for name in CONSTRAINTS:
        values = list(graph.objects(node, SH[name]))
        if values:
            found[name] = _value(graph, values[0])
    return found


def node_shapes(graph: Graph) -> list[NodeShape]:
    shapes = []
    for iri in sorted(set(graph.subjects(RDF.type, SH.NodeShape)), key=str):
        properties = []
        for prop in graph.objects(iri, SH.property):
            path = graph.value(prop, SH.path)
            properties.append(
                {"path": path, "name": _text(graph, prop, SH.name), **_constraints(graph, prop)}
            )
        shapes.append(
            NodeShape(
                iri=iri,
                name=local_name(iri),
                label=_text(graph, iri, RDFS.label),
                comment=_text(graph, iri, RDFS.comment),
                targets=sorted(graph.objects(iri, SH.targetClass), key=str),
                properties=sorted(properties, key=lambda p: str(p["path"])),
                constraints=_constraints(graph, iri),
                sparql=[
                    _text(graph, c, SH.message) or _text(graph, c, SH.select)
                    for c in graph.objects(iri, SH.sparql)
                ],
            )
        )
    return shapes
