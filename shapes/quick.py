"""A quick, sound check that a record conforms to the shapes, before pySHACL is asked.

pySHACL takes about 26 ms for a record of 100 triples (most of a load's time), almost all of
it in machinery around constraints that are cheap in themselves. `QuickCheck` reads the
shapes graph once per process into plain Python (targets, paths, constraints) and checks a
record against them in a small fraction of that time.

The check is **sound, not complete**: when it says a record conforms, pySHACL would say so
too; when it does not, pySHACL is run and its report decides (so the verdict and the report
of a refused record are pySHACL's). To keep that promise it is strict wherever it is unsure:

- a shapes graph using anything it does not know (other targets, paths that are not one
  predicate, other constraint components, `sh:deactivated`, `sh:flags`, disjoint qualified
  shapes) makes it give up on every record (`QuickCheck.applies` is False);
- a value it cannot judge exactly as pySHACL would (a comparison of non-numeric literals, a
  datatype whose lexical form it does not know) counts as a violation;
- every result counts, whatever its severity (mhkg runs pySHACL with warnings not allowed).

The data it checks is the record seen together with its validation context exactly as
`in_context` builds it (the context's `rdfs:subClassOf` axioms and its descriptions of the
IRIs the record mentions), but through `ContextView` instead of a copy. SPARQL-based
constraints run on the view's triples in an in-memory Oxigraph store, with `$this`
substituted (SEP-0007): the same SPARQL 1.1 as rdflib's, at a fraction of its cost.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, Node, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD

from mhkg.store.embedded import to_oxigraph


class Unsupported(Exception):
    """The shapes graph uses something the quick check does not know."""


# Predicates of a shape that constrain nothing: names, messages, documentation.
_INERT = {
    SH.name,
    SH.description,
    SH.message,
    SH.order,
    SH.group,
    SH.severity,
    RDF.type,
    RDFS.label,
    RDFS.comment,
    RDFS.seeAlso,
    OWL.versionInfo,
    SH.declare,
    SH.prefixes,
}
_QUALIFIED = {SH.qualifiedValueShape, SH.qualifiedMinCount, SH.qualifiedMaxCount}
_NUMERIC = (int, float, Decimal)

# Lexical forms of the datatypes whose values rdflib does not check (or keeps as strings).
_LEXICAL = {
    XSD.gYear: r"-?[0-9]{4,}(Z|[+-][0-9]{2}:[0-9]{2})?",
    XSD.gYearMonth: r"-?[0-9]{4,}-[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})?",
    XSD.gMonthDay: r"--[0-9]{2}-[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})?",
    XSD.gMonth: r"--[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})?",
}
# The Python type rdflib gives a well-typed literal of these datatypes (pySHACL checks it).
_PYTHON_TYPE: dict[URIRef, type | tuple[type, ...]] = {
    XSD.integer: int,
    XSD.nonNegativeInteger: int,
    XSD.decimal: Decimal,
    XSD.date: object,  # rdflib parses it; ill_typed says whether that failed
}


class ContextView:
    """A record and what its validation context says of the IRIs it mentions, read-only.

    The triples are those of `mhkg.shapes.in_context(record, context)`: the record's, the
    context's `rdfs:subClassOf` axioms, and the context's triples about each IRI the record
    has as a subject or as the object of a predicate other than `rdf:type`."""

    def __init__(self, record: Graph, context: Graph | None) -> None:
        self.record = record
        self.context = context
        self.mentioned: set[Node] = set()
        self._oxigraph: ox.Store | None = None
        if context is not None:
            self.mentioned = {s for s in record.subjects() if isinstance(s, URIRef)}
            self.mentioned.update(
                o for p, o in record.predicate_objects() if p != RDF.type and isinstance(o, URIRef)
            )

    def matching(self, pattern: tuple[Any, Any, Any]) -> Iterator[tuple[Node, Node, Node]]:
        """Each triple of the view that matches (s, p, o), once."""
        seen = set()
        for triple in self._all_matching(pattern):
            if triple not in seen:
                seen.add(triple)
                yield triple

    def _all_matching(self, pattern: tuple[Any, Any, Any]) -> Iterator[tuple[Node, Node, Node]]:
        s, p, o = pattern
        yield from self.record.triples(pattern)
        if self.context is None:
            return
        if p is None or p == RDFS.subClassOf:
            yield from self.context.triples((s, RDFS.subClassOf, o))
        if s is not None:
            if s in self.mentioned:
                yield from self.context.triples(pattern)
        elif p is None and o is None:
            for node in self.mentioned:
                yield from self.context.triples((node, None, None))
        else:
            yield from (t for t in self.context.triples(pattern) if t[0] in self.mentioned)

    def oxigraph(self) -> ox.Store:
        """The view's triples in an in-memory Oxigraph store (made once), for SPARQL."""
        if self._oxigraph is None:
            self._oxigraph = ox.Store()
            self._oxigraph.extend(
                ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o))
                for s, p, o in self.matching((None, None, None))
            )
        return self._oxigraph

    def objects(self, subject: Node, predicate: Node) -> set[Node]:
        return {o for _, _, o in self.matching((subject, predicate, None))}


@dataclass
class Shape:
    node: Node
    path: URIRef | None = None  # a property shape's predicate
    target_classes: list[Node] = field(default_factory=list)
    constraints: list[tuple[URIRef, Any]] = field(default_factory=list)
    sparql: list[str] = field(default_factory=list)


class QuickCheck:
    """The shapes, read once; `conforms(view)` for each record."""

    def __init__(self, shapes: Graph) -> None:
        self.shapes_graph = shapes
        self._shapes: dict[Node, Shape] = {}
        self.applies = True
        try:
            self.targeted = [
                self._shape(node)
                for node in set(shapes.subjects(RDF.type, SH.NodeShape))
                | set(shapes.subjects(SH.targetClass, None))
                if (node, SH.targetClass, None) in shapes
            ]
            for node in set(shapes.subjects(RDF.type, SH.NodeShape)):
                self._shape(node)
        except Unsupported:
            self.applies = False
            self.targeted = []

    # -- reading the shapes ----------------------------------------------------------------

    def _shape(self, node: Node) -> Shape:
        if node in self._shapes:
            return self._shapes[node]
        g = self.shapes_graph
        shape = Shape(node)
        self._shapes[node] = shape  # before its parts: shapes may refer to each other
        if (node, RDF.type, RDFS.Class) in g or (node, RDF.type, OWL.Class) in g:
            raise Unsupported(f"{node} is a class and a shape (an implicit target)")
        for p, o in g.predicate_objects(node):
            if p in _INERT or p in _QUALIFIED:
                continue
            if p == SH.path:
                if not isinstance(o, URIRef):
                    raise Unsupported(f"the path of {node} is not one predicate")
                shape.path = o
            elif p == SH.targetClass:
                shape.target_classes.append(o)
            elif p in (SH.property, SH.node):
                shape.constraints.append((p, self._shape(o)))
            elif p in (SH["or"], SH["and"]):
                members = [self._shape(m) for m in Collection(g, o)]
                shape.constraints.append((p, members))
            elif p == SH["in"]:
                shape.constraints.append((p, frozenset(Collection(g, o))))
            elif p in (SH.minCount, SH.maxCount, SH.maxLength):
                shape.constraints.append((p, int(o)))
            elif p in (SH.minInclusive, SH.maxInclusive):
                if not isinstance(o, Literal) or not _is_number(o):
                    raise Unsupported(f"{p} of {node} is not a number")
                shape.constraints.append((p, o.value))
            elif p == SH.pattern:
                shape.constraints.append((p, re.compile(str(o))))
            elif p in (SH.datatype, SH["class"], SH.nodeKind, SH.hasValue):
                shape.constraints.append((p, o))
            elif p == SH.sparql:
                shape.sparql.append(self._select(o))
            else:
                raise Unsupported(f"{p} on {node}")
        qualified = list(g.objects(node, SH.qualifiedValueShape))
        if len(qualified) > 1:
            raise Unsupported(f"several qualified value shapes on {node}")
        if qualified:
            low = g.value(node, SH.qualifiedMinCount)
            high = g.value(node, SH.qualifiedMaxCount)
            bounds = (None if low is None else int(low), None if high is None else int(high))
            shape.constraints.append((SH.qualifiedValueShape, (self._shape(qualified[0]), *bounds)))
        return shape

    def _select(self, constraint: Node) -> str:
        g = self.shapes_graph
        if (constraint, SH.deactivated, None) in g or (constraint, SH.ask, None) in g:
            raise Unsupported(f"SPARQL constraint {constraint}")
        select = g.value(constraint, SH.select)
        if select is None:
            raise Unsupported(f"SPARQL constraint {constraint} without sh:select")
        if "currentShape" in select or "shapesGraph" in select:  # pre-bound by pySHACL only
            raise Unsupported(f"SPARQL constraint {constraint} reads the shapes graph")
        prefixes = [
            f"PREFIX {g.value(d, SH.prefix)}: <{g.value(d, SH.namespace)}>\n"
            for source in g.objects(constraint, SH.prefixes)
            for d in g.objects(source, SH.declare)
        ]
        return "".join(prefixes) + str(select)

    # -- checking a record -----------------------------------------------------------------

    def conforms(self, view: ContextView) -> bool:
        """True only if pySHACL would find no result (of any severity) in the view."""
        if not self.applies:
            return False
        classes = _Classes(view)
        for shape in self.targeted:
            focus = set()
            for target in shape.target_classes:
                for cls in classes.below(target):
                    focus.update(s for s, _, _ in view.matching((None, RDF.type, cls)))
            for node in focus:
                if not self._holds(shape, node, view, classes):
                    return False
        return True

    def _holds(self, shape: Shape, focus: Node, view: ContextView, classes: _Classes) -> bool:
        values = view.objects(focus, shape.path) if shape.path is not None else {focus}
        for component, value in shape.constraints:
            if not self._component_holds(component, value, focus, values, view, classes):
                return False
        for text in shape.sparql:
            if shape.path is not None:
                return False  # property-level SPARQL constraints: left to pySHACL
            this = {ox.Variable("this"): to_oxigraph(focus)}
            try:
                if any(True for _ in view.oxigraph().query(text, substitutions=this)):
                    return False
            except (SyntaxError, OSError, ValueError):  # Oxigraph cannot run it: pySHACL will
                return False
        return True

    def _component_holds(
        self,
        component: URIRef,
        value: Any,
        focus: Node,
        values: set[Node],
        view: ContextView,
        classes: _Classes,
    ) -> bool:
        if component == SH.property:
            return self._holds(value, focus, view, classes)
        if component == SH.minCount:
            return len(values) >= value
        if component == SH.maxCount:
            return len(values) <= value
        if component == SH.hasValue:
            return value in values
        if component == SH.qualifiedValueShape:
            qualified, low, high = value
            count = sum(1 for v in values if self._holds(qualified, v, view, classes))
            return (low is None or count >= low) and (high is None or count <= high)
        if component == SH.node:
            return all(self._holds(value, v, view, classes) for v in values)
        if component == SH["or"]:
            return all(any(self._holds(m, v, view, classes) for m in value) for v in values)
        if component == SH["and"]:
            return all(all(self._holds(m, v, view, classes) for m in value) for v in values)
        return all(_value_holds(component, value, v, classes) for v in values)


def _value_holds(component: URIRef, rule: Any, v: Node, classes: _Classes) -> bool:
    """One value against one value-level constraint, strictly."""
    if component == SH.datatype:
        return _has_datatype(v, rule)
    if component == SH["class"]:
        return not isinstance(v, Literal) and classes.is_instance(v, rule)
    if component == SH.nodeKind:
        kinds = {
            SH.Literal: (Literal,),
            SH.IRI: (URIRef,),
            SH.BlankNode: (BNode,),
            SH.BlankNodeOrIRI: (BNode, URIRef),
            SH.BlankNodeOrLiteral: (BNode, Literal),
            SH.IRIOrLiteral: (URIRef, Literal),
        }
        return rule in kinds and isinstance(v, kinds[rule])
    if component == SH["in"]:
        return v in rule
    if component == SH.pattern:
        return not isinstance(v, BNode) and rule.search(str(v)) is not None
    if component == SH.maxLength:
        return not isinstance(v, BNode) and len(str(v)) <= rule
    if component in (SH.minInclusive, SH.maxInclusive):
        if not isinstance(v, Literal) or not _is_number(v):
            return False  # pySHACL may compare other literals; let it judge
        return v.value >= rule if component == SH.minInclusive else v.value <= rule
    return False


def _is_number(literal: Literal) -> bool:
    return (
        isinstance(literal.value, _NUMERIC)
        and not isinstance(literal.value, bool)
        and literal.ill_typed is not True  # None: made from a Python value, well typed
    )


def _has_datatype(v: Node, datatype: Node) -> bool:
    if not isinstance(v, Literal) or v.ill_typed:
        return False
    if datatype == XSD.string:
        return v.language is None and v.datatype in (None, XSD.string)
    if v.datatype != datatype or v.language is not None:
        return False
    if datatype in _LEXICAL:
        return re.fullmatch(_LEXICAL[datatype], str(v)) is not None
    if datatype in _PYTHON_TYPE:
        expected = _PYTHON_TYPE[datatype]
        return isinstance(v.value, expected)
    return False  # a datatype this check does not know: pySHACL judges


class _Classes:
    """Instances and subclasses in the view (rdfs:subClassOf, transitively), cached per record."""

    def __init__(self, view: ContextView) -> None:
        self.view = view
        self._below: dict[Node, set[Node]] = {}
        self._types: dict[Node, set[Node]] = {}

    def below(self, cls: Node) -> set[Node]:
        """The class and every class under it."""
        if cls not in self._below:
            found, todo = {cls}, [cls]
            while todo:
                for sub, _, _ in self.view.matching((None, RDFS.subClassOf, todo.pop())):
                    if sub not in found:
                        found.add(sub)
                        todo.append(sub)
            self._below[cls] = found
        return self._below[cls]

    def is_instance(self, node: Node, cls: Node) -> bool:
        if node not in self._types:
            self._types[node] = self.view.objects(node, RDF.type)
        return bool(self._types[node] & self.below(cls))
