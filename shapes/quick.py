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
from collections.abc import Callable, Iterable
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
    has as a subject or as the object of a predicate other than `rdf:type`. They are indexed
    once, by subject and predicate and by class; what the context gives is read once per
    process (`_ContextParts`), since the same context serves every record of a load."""

    def __init__(self, record: Graph, context: Graph | None) -> None:
        self._record = set(record)
        self.triples: set[tuple[Node, Node, Node]] = set(self._record)
        self._oxigraph: ox.Store | None = None
        self._parts = _ContextParts.of(context) if context is not None else None
        self._described: list[Node] = []  # the mentioned nodes that the context describes
        if self._parts is not None:
            mentioned = {s for s, _, _ in self.triples if isinstance(s, URIRef)}
            mentioned.update(o for _, p, o in self.triples if p != _TYPE and isinstance(o, URIRef))
            self._described = [node for node in mentioned if self._parts.describes(node)]
            for node in self._described:
                self.triples.update(self._parts.about(node))
        self._by_subject: dict[Node, dict[Node, set[Node]]] = {}
        self._by_object: dict[Node, dict[Node, set[Node]]] = {}
        for s, p, o in self.triples:
            self._by_subject.setdefault(s, {}).setdefault(p, set()).add(o)
            if p in (_TYPE, _SUBCLASS):
                self._by_object.setdefault(o, {}).setdefault(p, set()).add(s)

    def objects(self, subject: Node, predicate: Node) -> set[Node]:
        found = self._by_subject.get(subject, {}).get(predicate, set())
        if predicate == _SUBCLASS and self._parts is not None:
            return found | self._parts.superclasses.get(subject, set())
        return found

    def subjects(self, predicate: Node, obj: Node) -> set[Node]:
        """For rdf:type and rdfs:subClassOf: the subjects of (?, predicate, obj)."""
        found = self._by_object.get(obj, {}).get(predicate, set())
        if predicate == _SUBCLASS and self._parts is not None:
            return found | self._parts.subclasses.get(obj, set())
        return found

    def oxigraph(self) -> ox.Store:
        """The view's triples in an in-memory Oxigraph store (made once), for SPARQL."""
        if self._oxigraph is None:
            self._oxigraph = ox.Store()
            self._oxigraph.extend(
                ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in self._record
            )
            if self._parts is not None:
                self._oxigraph.extend(self._parts.subclass_quads)
                for node in self._described:
                    self._oxigraph.extend(self._parts.about_quads(node))
        return self._oxigraph


_TYPE = RDF.type
_SUBCLASS = RDFS.subClassOf


class _ContextParts:
    """What a validation context gives to every record's view, read once per context: its
    subclass axioms (indexed both ways, and as Oxigraph quads) and its description of each
    node it describes (kept as the records ask for them; no more than the context holds)."""

    _last: tuple[Graph, _ContextParts] | None = None

    def __init__(self, context: Graph) -> None:
        self.context = context
        self.subclasses: dict[Node, set[Node]] = {}
        self.superclasses: dict[Node, set[Node]] = {}
        for sub, _, sup in context.triples((None, _SUBCLASS, None)):
            self.subclasses.setdefault(sup, set()).add(sub)
            self.superclasses.setdefault(sub, set()).add(sup)
        self.subclass_quads = _quads(context.triples((None, _SUBCLASS, None)))
        self._described = set(context.subjects())
        self._about: dict[Node, frozenset[tuple[Node, Node, Node]]] = {}
        self._about_quads: dict[Node, list[ox.Quad]] = {}

    @classmethod
    def of(cls, context: Graph) -> _ContextParts:
        """The parts of `context` (the last context's are kept: a load has one). A context
        must not change while records are checked against it."""
        if cls._last is None or cls._last[0] is not context:
            cls._last = (context, cls(context))
        return cls._last[1]

    def describes(self, node: Node) -> bool:
        return node in self._described

    def about(self, node: Node) -> frozenset[tuple[Node, Node, Node]]:
        """The context's triples about a node it describes."""
        if node not in self._about:
            self._about[node] = frozenset(self.context.triples((node, None, None)))
        return self._about[node]

    def about_quads(self, node: Node) -> list[ox.Quad]:
        if node not in self._about_quads:
            self._about_quads[node] = _quads(self.about(node))
        return self._about_quads[node]


def _quads(triples: Iterable[tuple[Node, Node, Node]]) -> list[ox.Quad]:
    return [ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in triples]


@dataclass
class Shape:
    node: Node
    path: URIRef | None = None  # a property shape's predicate
    target_classes: list[Node] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)  # each constraint, compiled
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
                shape.checks.append(self._check(p, self._shape(o)))
            elif p in (SH["or"], SH["and"]):
                members = [self._shape(m) for m in Collection(g, o)]
                shape.checks.append(self._check(p, members))
            elif p == SH["in"]:
                shape.checks.append(self._check(p, frozenset(Collection(g, o))))
            elif p in (SH.minCount, SH.maxCount, SH.maxLength):
                shape.checks.append(self._check(p, int(o)))
            elif p in (SH.minInclusive, SH.maxInclusive):
                if not isinstance(o, Literal) or not _is_number(o):
                    raise Unsupported(f"{p} of {node} is not a number")
                shape.checks.append(self._check(p, o.value))
            elif p == SH.pattern:
                shape.checks.append(self._check(p, re.compile(str(o))))
            elif p in (SH.datatype, SH["class"], SH.nodeKind, SH.hasValue):
                shape.checks.append(self._check(p, o))
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
            shape.checks.append(
                self._check(SH.qualifiedValueShape, (self._shape(qualified[0]), *bounds))
            )
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
                    focus.update(view.subjects(RDF.type, cls))
            for node in focus:
                if not self._holds(shape, node, view, classes):
                    return False
        return True

    def _holds(self, shape: Shape, focus: Node, view: ContextView, classes: _Classes) -> bool:
        values = view.objects(focus, shape.path) if shape.path is not None else {focus}
        for holds in shape.checks:
            if not holds(values, view, classes):
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

    def _check(self, component: URIRef, rule: Any) -> Check:
        """The constraint `component` with its parameter `rule` as a function of a focus
        node's values, strict where pySHACL might judge otherwise."""
        holds = self._holds
        if component in (SH.property, SH.node):  # each value node conforms to the shape
            return lambda values, view, classes: all(holds(rule, v, view, classes) for v in values)
        if component == SH.minCount:
            return lambda values, view, classes: len(values) >= rule
        if component == SH.maxCount:
            return lambda values, view, classes: len(values) <= rule
        if component == SH.hasValue:
            return lambda values, view, classes: rule in values
        if component == SH.qualifiedValueShape:
            qualified, low, high = rule

            def counted(values: set[Node], view: ContextView, classes: _Classes) -> bool:
                count = sum(1 for v in values if holds(qualified, v, view, classes))
                return (low is None or count >= low) and (high is None or count <= high)

            return counted
        if component == SH["or"]:
            return lambda values, view, classes: all(
                any(holds(m, v, view, classes) for m in rule) for v in values
            )
        if component == SH["and"]:
            return lambda values, view, classes: all(
                all(holds(m, v, view, classes) for m in rule) for v in values
            )
        value_holds = _value_check(component, rule)
        return lambda values, view, classes: all(value_holds(v, classes) for v in values)


Check = Callable[[set[Node], ContextView, "_Classes"], bool]

_NODE_KINDS = {
    SH.Literal: (Literal,),
    SH.IRI: (URIRef,),
    SH.BlankNode: (BNode,),
    SH.BlankNodeOrIRI: (BNode, URIRef),
    SH.BlankNodeOrLiteral: (BNode, Literal),
    SH.IRIOrLiteral: (URIRef, Literal),
}


def _value_check(component: URIRef, rule: Any) -> Callable[[Node, _Classes], bool]:
    """One value-level constraint as a function of one value, strict."""
    if component == SH.datatype:
        return lambda v, classes: _has_datatype(v, rule)
    if component == SH["class"]:
        return lambda v, classes: not isinstance(v, Literal) and classes.is_instance(v, rule)
    if component == SH.nodeKind:
        kinds = _NODE_KINDS.get(rule, ())
        return lambda v, classes: bool(kinds) and isinstance(v, kinds)
    if component == SH["in"]:
        return lambda v, classes: v in rule
    if component == SH.pattern:
        return lambda v, classes: not isinstance(v, BNode) and rule.search(str(v)) is not None
    if component == SH.maxLength:
        return lambda v, classes: not isinstance(v, BNode) and len(str(v)) <= rule
    if component == SH.minInclusive:  # other literals than numbers: pySHACL judges
        return lambda v, classes: isinstance(v, Literal) and _is_number(v) and v.value >= rule
    if component == SH.maxInclusive:
        return lambda v, classes: isinstance(v, Literal) and _is_number(v) and v.value <= rule
    raise Unsupported(f"{component}")


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
                for sub in self.view.subjects(RDFS.subClassOf, todo.pop()):
                    if sub not in found:
                        found.add(sub)
                        todo.append(sub)
            self._below[cls] = found
        return self._below[cls]

    def is_instance(self, node: Node, cls: Node) -> bool:
        if node not in self._types:
            self._types[node] = self.view.objects(node, RDF.type)
        return bool(self._types[node] & self.below(cls))
