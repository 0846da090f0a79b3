"""Writes that keep the graph valid: a graph replaced or merged (the Graph Store Protocol) or
changed by a SPARQL Update is validated against the shapes before it counts, and a write
that breaks a shape is refused whole, leaving the store as it was.

Each named graph written is validated as a load validates a record, with the ontology and the
reference data as its context (`mhkg.reading.validation_context`), and also with what the
store's other graphs say about the entities it mentions: a graph that adds a partner to a
project described elsewhere is read with that project's description. Emptying or removing a
graph cannot break a shape.

- A graph written whole (`put`, `post`) is validated before anything is written, then written
  in one transaction.
- An update is read first (rdflib's SPARQL parser: structure only, nothing is evaluated) for
  the graphs it writes: the graphs its data, templates, WITH and graph operations name. Those
  graphs are copied, the update runs as one transaction, and the graphs it wrote are
  validated; if one does not conform, the copies are put back (one transaction) and the
  update is refused with the report. A reader may see the refused update in between, and a
  crash in between leaves it in the store (``mhkg validate`` then reports it).
- The default graph is the union of the named graphs. The Graph Store Protocol's
  ``?default`` is kept as a named graph of its own (`default_graph`), in the union like any
  other; an update names the graphs it writes (``GRAPH <…>`` or ``WITH <…>``): a template
  that writes the default graph, or a graph named by a variable, is refused before anything
  runs, since its graphs cannot be known, and so validated, beforehand.
- The graphs mhkg maintains (ontology, reference data, derived links) are not written by
  clients; ``CLEAR ALL`` and ``DROP ALL`` remove them with the rest, and they are installed
  again after the update.

After every write the derived links are recomputed, as after a load.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.plugins.sparql.algebra import translateUpdate
from rdflib.plugins.sparql.parser import parseUpdate
from rdflib.term import Variable

from mhkg import derivation, pipeline, shapes
from mhkg.errors import MhkgError, QueryError
from mhkg.iri import Minter, is_absolute_iri
from mhkg.reading import validation_context
from mhkg.store import Store
from mhkg.vocab import PREFIXES

CONTEXT_CHUNK = 500  # IRIs per VALUES block when reading what the store says about them
DEFAULT_GRAPH = "default"
"""The system-graph name of the graph that the Graph Store Protocol's ``?default`` writes."""


class WriteRefused(MhkgError):
    """A write after which some of its graphs would not conform: nothing of it was kept."""

    def __init__(self, reports: dict[URIRef, shapes.ValidationReport]) -> None:
        self.reports = reports
        count = sum(len(report.results) for report in reports.values())
        graphs = ", ".join(f"<{name}>" for name in reports)
        super().__init__(f"{count} violation(s) of the shapes in {graphs}: nothing was written")

    def report_graph(self) -> Graph:
        """The violations as one SHACL validation report."""
        report = Graph()
        report.bind("sh", SH)
        node = BNode()
        report.add((node, RDF.type, SH.ValidationReport))
        report.add((node, SH.conforms, Literal(False)))
        for graph_report in self.reports.values():
            for result in graph_report.results:
                item = BNode()
                report.add((node, SH.result, item))
                report.add((item, RDF.type, SH.ValidationResult))
                report.add((item, SH.resultSeverity, SH.Violation))
                report.add((item, SH.focusNode, result.focus_node))
                report.add((item, SH.sourceConstraintComponent, result.source_constraint_component))
                if result.result_path is not None:
                    report.add((item, SH.resultPath, result.result_path))
                if result.message:
                    report.add((item, SH.resultMessage, Literal(result.message)))
        return report

    def as_json(self) -> dict:
        return {
            "conforms": False,
            "results": [
                {
                    "graph": str(name),
                    "focusNode": str(result.focus_node),
                    "resultPath": None if result.result_path is None else str(result.result_path),
                    "sourceConstraintComponent": str(result.source_constraint_component),
                    "message": result.message,
                }
                for name, report in self.reports.items()
                for result in report.results
            ],
        }


class ProtectedGraph(MhkgError):
    """A write to a graph that mhkg maintains itself."""


class UnsupportedUpdate(QueryError):
    """An update whose written graphs cannot be known before it runs."""


def default_graph(minter: Minter) -> URIRef:
    return minter.system_graph(DEFAULT_GRAPH)


def graph_of(store: Store, name: URIRef) -> Graph | None:
    """What the named graph holds, or None when the store has no such graph."""
    if not store.has_graph(name):
        return None
    result = store.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": name})
    return result.graph if result.graph is not None else Graph()


def check(store: Store, graphs: dict[URIRef, Graph], minter: Minter) -> None:
    """Raises WriteRefused when one of the graphs does not conform to the shapes, each read
    with what the store's other graphs say about the entities it mentions (see
    `with_neighbours`)."""
    context = validation_context(minter.base)
    failed = {}
    for name, graph in graphs.items():
        if not is_absolute_iri(str(name)):
            raise QueryError(f"<{name}> is not an IRI that names a graph")
        combined = with_neighbours(store, name, graph, minter.system_graphs())
        report = shapes.validate_quickly(combined, extra=context)
        described = set(graph.subjects())
        results = [r for r in report.results if r.focus_node in described]
        if results:
            failed[name] = shapes.ValidationReport(False, results, report.text)
    if failed:
        raise WriteRefused(failed)


def with_neighbours(store: Store, name: URIRef, graph: Graph, skipped: set[URIRef]) -> Graph:
    """`graph`, with what the store's record graphs other than `name` say about the IRIs it
    mentions, and the classes of the IRIs those statements point at: a participation written
    alone points at a project that another graph describes. (The ontology and reference data
    come in as the validation's context; mhkg's own graphs, `skipped`, are left out: the
    derived links are recomputed after the write.)

    What is validated is then more than `graph`: `check` keeps the results about the nodes
    `graph` describes (its subjects), since the neighbours are described here only in
    part."""
    skipped = skipped | {name}
    combined = Graph()
    combined += graph
    described = _statements(store, skipped, _iris(graph), "?e ?p ?o")
    combined += described
    combined += _statements(store, skipped, _iris(described) - _iris(graph), f"?e <{RDF.type}> ?o")
    return combined


def _iris(graph: Graph) -> set[URIRef]:
    return {
        node
        for triple in graph
        for node in (triple[0], triple[2])
        if isinstance(node, URIRef) and is_absolute_iri(str(node))
    }


def _statements(store: Store, skipped: set[URIRef], iris: set[URIRef], pattern: str) -> Graph:
    """The triples matching `pattern` (about ?e) in the store's graphs other than `skipped`,
    for each ?e of `iris`."""
    found = Graph()
    ordered = sorted(iris)
    outside = ", ".join(f"<{name}>" for name in sorted(skipped))
    for start in range(0, len(ordered), CONTEXT_CHUNK):
        values = " ".join(f"<{iri}>" for iri in ordered[start : start + CONTEXT_CHUNK])
        result = store.query(
            f"CONSTRUCT {{ {pattern} }} WHERE {{ VALUES ?e {{ {values} }} "
            f"GRAPH ?g {{ {pattern} }} FILTER (?g NOT IN ({outside})) }}"
        )
        if result.graph is not None:
            found += result.graph
    return found


def put(store: Store, minter: Minter, name: URIRef, graph: Graph) -> bool:
    """Replace the named graph with `graph`, if it conforms. True when the graph is new.

    Raises ProtectedGraph for a graph of mhkg's own, WriteRefused when `graph` does not
    conform (nothing is written then).
    """
    _writable(name, minter)
    check(store, {name: graph}, minter)
    created = not store.has_graph(name)
    _with_derived(store, minter, lambda: store.replace_graph(name, graph))
    return created


def post(store: Store, minter: Minter, name: URIRef, graph: Graph) -> bool:
    """Add the triples of `graph` to the named graph, if the merge conforms (blank nodes of
    `graph` are new nodes). True when the graph is new. Raises as `put`."""
    _writable(name, minter)
    before = graph_of(store, name)
    merged = Graph()
    merged += graph
    if before is not None:
        merged += before
    check(store, {name: merged}, minter)
    _with_derived(store, minter, lambda: store.add_to_graph(name, graph))
    return before is None


def delete(store: Store, minter: Minter, name: URIRef) -> bool:
    """Remove the named graph. False when there was no such graph."""
    _writable(name, minter)
    if not store.has_graph(name):
        return False
    _with_derived(store, minter, lambda: store.remove_graph(name))
    return True


@dataclass
class UpdateTargets:
    """The graphs an update writes, read from its text before it runs."""

    graphs: set[URIRef] = field(default_factory=set)
    everything: bool = False  # CLEAR or DROP of ALL or NAMED graphs
    dataset_clauses: bool = False  # USING, USING NAMED or WITH in some operation


def targets(sparql: str, base: str | None = None) -> UpdateTargets:
    """The graphs `sparql` writes.

    Raises QueryError when it does not parse, UnsupportedUpdate when it writes the default
    graph or a graph named by a variable.
    """
    # mhkg's prefixes are declared in the text, not given as initNs: rdflib binds initNs again
    # for each operation, which drops a prefix the update declared for the same namespace
    declared = "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in PREFIXES.items())
    try:
        operations = translateUpdate(parseUpdate(declared + sparql), base=base).algebra
    except Exception as error:  # pyparsing's and rdflib's errors have no common base
        raise QueryError(f"the update does not parse: {error}") from None
    found = UpdateTargets()
    for operation in operations:
        _operation_targets(operation, found)
    return found


def update(
    store: Store,
    minter: Minter,
    sparql: str,
    *,
    base: str | None = None,
    using: Iterable[URIRef] = (),
    using_named: Iterable[URIRef] = (),
) -> None:
    """Run `sparql` if every graph it writes still conforms after it; else put them back and
    raise WriteRefused. `using` and `using_named` are the protocol's using-graph-uri and
    using-named-graph-uri (the dataset of every operation's WHERE).

    Raises QueryError when the update does not parse or names a dataset both ways,
    UnsupportedUpdate and ProtectedGraph as `targets` and `put` do.
    """
    using, using_named = list(using), list(using_named)
    found = targets(sparql, base)
    if (using or using_named) and found.dataset_clauses:
        raise QueryError(
            "the update names its dataset (USING, USING NAMED or WITH) and the request does "
            "too (using-graph-uri, using-named-graph-uri): give it one way"
        )
    for name in found.graphs:
        _writable(name, minter)
    if found.everything and found.graphs:
        saved = {name: graph_of(store, name) for name in store.graph_names()}
    else:
        saved = {name: graph_of(store, name) for name in found.graphs}
    derivation.invalidate(store, minter)
    store.update(sparql, base=base, using=using, using_named=using_named)
    try:
        check(store, _written(store, found.graphs), minter)
    except WriteRefused:
        _restore(store, saved, found.everything)
        derivation.refresh(store, minter)
        raise
    if found.everything:
        pipeline.install_vocabulary(store, minter)
    derivation.refresh(store, minter)


def _written(store: Store, names: set[URIRef]) -> dict[URIRef, Graph]:
    graphs = {name: graph_of(store, name) for name in sorted(names)}
    return {name: graph for name, graph in graphs.items() if graph is not None}


def _restore(store: Store, saved: dict[URIRef, Graph | None], everything: bool) -> None:
    """Put the saved graphs back as they were (None: the graph did not exist)."""
    if everything:
        for name in store.graph_names():
            if name not in saved:
                store.remove_graph(name)
    store.replace_graphs(
        [(name, graph.serialize(format="nt")) for name, graph in saved.items() if graph is not None]
    )
    for name, graph in saved.items():
        if graph is None:
            store.remove_graph(name)


def _operation_targets(operation, found: UpdateTargets) -> None:
    kind = operation.name
    if kind in ("InsertData", "DeleteData", "DeleteWhere"):
        _template_targets(operation, None, found)
    elif kind == "Modify":
        found.dataset_clauses |= bool(operation.using) or operation.withClause is not None
        for template in (operation.delete, operation.insert):
            if template is not None:
                _template_targets(template, operation.withClause, found)
    elif kind in ("Clear", "Drop"):
        target = operation.graphiri
        if target in ("ALL", "NAMED"):
            found.everything = True
        else:
            found.graphs.add(_named(target, kind.upper()))
    elif kind in ("Add", "Copy", "Move"):
        source, target = operation.graph
        found.graphs.add(_named(target, kind.upper()))
        if kind == "Move" and isinstance(source, URIRef):
            found.graphs.add(source)
    elif kind == "Load":
        found.graphs.add(_named(operation.graphiri, "LOAD"))
    elif kind != "Create":
        raise UnsupportedUpdate(f"unknown update operation {kind}")


def _template_targets(template, graph: URIRef | None, found: UpdateTargets) -> None:
    if template.triples:
        if graph is None:
            raise UnsupportedUpdate(
                "the update writes the default graph, which is the union of the named "
                "graphs here: name the graph it writes (GRAPH <…> or WITH <…>)"
            )
        found.graphs.add(graph)
    for name in template.quads or {}:
        if isinstance(name, Variable):
            raise UnsupportedUpdate(
                f"the update writes graphs named by ?{name}, which cannot be validated before "
                "it runs: name each graph it writes"
            )
        found.graphs.add(name)


def _named(target: object, operation: str) -> URIRef:
    if not isinstance(target, URIRef):
        raise UnsupportedUpdate(
            f"{operation} into the default graph: the default graph is the union of the named "
            "graphs here; name a graph"
        )
    return target


def _writable(name: URIRef, minter: Minter) -> None:
    if name in minter.system_graphs():
        raise ProtectedGraph(f"<{name}> is maintained by mhkg and cannot be written")


def _with_derived(store: Store, minter: Minter, write) -> None:
    derivation.invalidate(store, minter)
    write()
    derivation.refresh(store, minter)
