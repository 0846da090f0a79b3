"""The SHACL shapes every mhkg record must conform to, and the one way to run them.

The pipeline validates each record in a plain in-memory rdflib graph before it is committed,
passing the ontology and the reference data as ``extra``::

    report = mhkg.shapes.validate(record, mhkg.ontology.graph() + mhkg.ontology.reference_graph())

The shapes need two things from ``extra``: the ``rdfs:subClassOf`` axioms (so that
``sh:targetClass mhkg:Organisation`` reaches a ``mhkg:Ministry``) and the descriptions of the
reference entities the record points at (so that ``sh:class mhkg:Country`` sees that
``<id/country/GIN>`` is one). pySHACL's own ``ont_graph`` cannot supply the second: it copies only
RDFS/OWL axioms and ``owl:NamedIndividual`` nodes. So ``validate`` copies the record, adds every
``rdfs:subClassOf`` triple of ``extra`` and everything ``extra`` says about the IRIs the record
mentions, and validates that. Referenced reference entities are therefore validated with the
record; the others are not (check the reference data on its own: ``validate(reference, extra)``).

A record is small and the shapes are fixed, so what costs is what pySHACL and rdflib would
redo for every record: rdflib parses a SPARQL query's text on every ``Graph.query`` call (with
pyparsing: ~45 ms for each of the shapes' two ``sh:sparql`` constraints), and pySHACL hands it
the same text for every focus node. The graph ``validate`` builds therefore parses each query
text once per process and reuses the prepared query (``_ValidationGraph``), and the query that
reads the report is prepared once too. The constraints themselves stay SPARQL: they compare
lexical forms by prefix (``2019`` agrees with ``2019-03-01``), which SHACL Core cannot say.

Even so pySHACL takes about 30 ms for a record of 170 triples. A load therefore validates with
``validate_quickly``: the quick check of ``mhkg.shapes.quick`` (about 6 ms) lets through the
records it can show conform, which pySHACL would pass too, and gives every other record to
``validate``, whose verdict and report decide.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any, NamedTuple

import pyshacl
from rdflib import Graph, Node, URIRef
from rdflib.namespace import RDF, RDFS, SH
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query

from .quick import ContextView, QuickCheck

SHAPES_FILE = "mhkg-shapes.ttl"

_RESULTS = """
SELECT ?result ?focus ?path ?component ?message WHERE {
    ?report a sh:ValidationReport ; sh:result ?result .
    ?result sh:focusNode ?focus ; sh:sourceConstraintComponent ?component .
    OPTIONAL { ?result sh:resultPath ?path }
    OPTIONAL { ?result sh:resultMessage ?message }
}
"""


class Result(NamedTuple):
    """One validation result: which node broke which constraint, and why."""

    focus_node: Node
    result_path: Node | None
    source_constraint_component: Node
    message: str


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    results: list[Result]
    text: str


def text() -> str:
    """The shapes as Turtle, exactly as shipped."""
    return resources.files(__package__).joinpath(SHAPES_FILE).read_text("utf-8")


@cache
def graph() -> Graph:
    """The shapes graph."""
    return Graph().parse(data=text(), format="turtle")


@lru_cache(maxsize=64)
def _prepared(text: str, namespaces: tuple[tuple[str, Any], ...]) -> Query:
    """``text`` parsed and translated, as ``Graph.query`` would with these prefixes."""
    return prepareQuery(text, initNs=dict(namespaces))


class _ValidationGraph(Graph):
    """A graph whose SPARQL queries are parsed once per process, not once per call.

    pySHACL evaluates a ``sh:sparql`` constraint with ``data_graph.query(text, initBindings=
    {"this": focus})``, the same text for every focus node of every record. Here a text is
    prepared once (with the prefixes ``Graph.query`` would supply: the graph's bindings, the
    same for every graph made by ``in_context``) and the prepared query is evaluated as
    rdflib evaluates a text, so the results are the same.
    """

    def query(  # type: ignore[override]
        self,
        query_object: str | Query,
        processor: Any = "sparql",
        result: Any = "sparql",
        initNs: Any = None,  # rdflib's parameter names
        initBindings: Any = None,
        use_store_provided: bool = True,
        **kwargs: Any,
    ) -> Any:
        if isinstance(query_object, str) and processor == "sparql" and not kwargs:
            namespaces = initNs or dict(self.namespaces())
            query_object = _prepared(query_object, tuple(sorted(namespaces.items())))
        return super().query(
            query_object, processor, result, initNs, initBindings, use_store_provided, **kwargs
        )


@cache
def _results_query() -> Query:
    return prepareQuery(_RESULTS, initNs={"sh": SH})


def in_context(data: Graph, extra: Graph | None) -> Graph:
    """A copy of ``data`` with the subclass axioms of ``extra`` and its descriptions of the
    entities ``data`` mentions (IRIs as subject or object; not its predicates nor the classes
    it types nodes with: the shapes read only their subclass axioms)."""
    mixed = _ValidationGraph()
    mixed += data
    if extra is not None:
        mixed += extra.triples((None, RDFS.subClassOf, None))
        entities = {s for s in data.subjects() if isinstance(s, URIRef)}
        entities.update(o for p, o in data.predicate_objects() if p != RDF.type)
        for node in entities:
            if isinstance(node, URIRef):
                mixed += extra.triples((node, None, None))
    return mixed


def validate(data: Graph, extra: Graph | None = None) -> ValidationReport:
    """Validate ``data`` (not modified) against the shapes, with ``extra`` as its context.

    Raises ``RuntimeError`` when pySHACL cannot run at all (a broken shapes graph).
    """
    return _run(in_context(data, extra))


def validate_quickly(data: Graph, extra: Graph | None = None) -> ValidationReport:
    """The verdict and report of ``validate``, faster for the records that conform: the quick
    check (``mhkg.shapes.quick``) answers for those, and pySHACL, as ``validate``, for the
    others. Used for every record of a load; ``validate`` stays the reference."""
    if _quick_check().conforms(ContextView(data, extra)):
        return CONFORMS
    return validate(data, extra)


CONFORMS = ValidationReport(True, [], "Validation Report\nConforms: True\n")
"""The report of a record that conforms (pySHACL's text for one)."""


@cache
def _quick_check() -> QuickCheck:
    return QuickCheck(graph())


def _run(data: Graph) -> ValidationReport:
    conforms, report, report_text = pyshacl.validate(
        data,
        shacl_graph=graph(),
        inference="none",
        advanced=True,
        allow_warnings=False,
        inplace=True,  # on our own copy
    )
    if not isinstance(report, Graph):
        raise RuntimeError(f"SHACL validation could not run: {report_text}")
    results: dict[Node, Result] = {}
    for row in report.query(_results_query()):
        # A result with several sh:resultMessage values (one per language) is still one result.
        results.setdefault(
            row.result, Result(row.focus, row.path, row.component, str(row.message or ""))
        )
    ordered = sorted(results.values(), key=lambda r: tuple(str(part) for part in r))
    return ValidationReport(bool(conforms), ordered, report_text)
