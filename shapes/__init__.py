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
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import NamedTuple

import pyshacl
from rdflib import Graph, Node, URIRef
from rdflib.namespace import RDFS, SH

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


def in_context(data: Graph, extra: Graph | None) -> Graph:
    """A copy of ``data`` with the subclass axioms of ``extra`` and its descriptions of the
    IRIs ``data`` mentions."""
    mixed = Graph()
    mixed += data
    if extra is not None:
        mixed += extra.triples((None, RDFS.subClassOf, None))
        for node in {n for triple in data for n in triple if isinstance(n, URIRef)}:
            mixed += extra.triples((node, None, None))
    return mixed


def validate(data: Graph, extra: Graph | None = None) -> ValidationReport:
    """Validate ``data`` (not modified) against the shapes, with ``extra`` as its context.

    Raises ``RuntimeError`` when pySHACL cannot run at all (a broken shapes graph).
    """
    conforms, report, report_text = pyshacl.validate(
        in_context(data, extra),
        shacl_graph=graph(),
        inference="none",
        advanced=True,
        allow_warnings=False,
        inplace=True,  # on our own copy
    )
    if not isinstance(report, Graph):
        raise RuntimeError(f"SHACL validation could not run: {report_text}")
    results: dict[Node, Result] = {}
    for row in report.query(_RESULTS, initNs={"sh": SH}):
        # A result with several sh:resultMessage values (one per language) is still one result.
        results.setdefault(
            row.result, Result(row.focus, row.path, row.component, str(row.message or ""))
        )
    ordered = sorted(results.values(), key=lambda r: tuple(str(part) for part in r))
    return ValidationReport(bool(conforms), ordered, report_text)
