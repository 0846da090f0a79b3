"""Checks of a store that bench/query_store.py built: is it what mhkg would have made?

`check` opens the store with ``mhkg.store.open_store``, as every mhkg command does, and
finds: N projects, in N distinct record graphs; IOM and the IOM Development Fund taking part
in every project (the hubs of real data); the derived graph as the rules in queries/derive/
give it now (``mhkg.derivation.check``); and a sample of record graphs, spread over the
copies, conforming to mhkg's shapes in the context the pipeline validates records in
(``mhkg.reading.validation_context``).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from query_store import HUBS, MHKG
from rdflib import Graph, URIRef

from mhkg import derivation, shapes
from mhkg.iri import Minter
from mhkg.reading import validation_context, violations
from mhkg.store import Store, open_store

PROJECT_COUNT = "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a mhkg:Project }"
RECORD_GRAPHS = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?p a mhkg:Project } }"
HUB_PROJECTS = """SELECT (COUNT(DISTINCT ?p) AS ?n)
WHERE {{ ?part mhkg:participant <{hub}> ; mhkg:inProject ?p }}"""
DERIVED_TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"


@dataclass
class Check:
    """What `check` found in a built store."""

    projects: int
    hub_projects: dict[str, int]
    record_graphs: int
    derived_triples: int
    derived_text: str
    derived_holds: bool
    validated: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def holds(self, n: int) -> bool:
        return (
            self.projects == n == self.record_graphs
            and all(count == n for count in self.hub_projects.values())
            and self.derived_holds
            and not self.violations
        )

    def text(self, n: int) -> str:
        hubs = ", ".join(f"{name} in {count:,}" for name, count in self.hub_projects.items())
        conforming = len(self.validated) - len({v.split()[0] for v in self.violations})
        return (
            f"store check ({'holds' if self.holds(n) else 'FAILS'}, {self.seconds:.1f} s, "
            f"opened with mhkg.store.open_store): {self.projects:,} projects in "
            f"{self.record_graphs:,} record graphs (N = {n:,}); hubs: {hubs}; derived graph: "
            f"{self.derived_triples:,} triples, {self.derived_text}; SHACL: {conforming}/"
            f"{len(self.validated)} sampled records conform"
            + "".join(f"\n  violation: {v}" for v in self.violations[:10])
        )


def check(path: Path, n: int, validate: int = 10) -> Check:
    """Open the store as mhkg does and check it (see the module's docstring); `validate`
    record graphs, spread over the projects, go through the shapes."""
    start = time.perf_counter()
    minter = Minter.from_environment()
    with open_store(path, create=False) as store:

        def count(sparql: str) -> int:
            return int(store.query(sparql).rows[0]["n"])

        derived = derivation.check(store, minter)
        found = Check(
            projects=count(PROJECT_COUNT),
            hub_projects={k: count(HUB_PROJECTS.format(hub=v)) for k, v in HUBS.items()},
            record_graphs=count(RECORD_GRAPHS),
            derived_triples=count(DERIVED_TRIPLES.format(graph=derived.graph)),
            derived_text=derived.text().splitlines()[0].removeprefix("Derived links: "),
            derived_holds=derived.holds,
        )
        step = max(1, n // max(1, validate))
        for index in range(0, n, step)[:validate]:
            graph = URIRef(f"{MHKG}graph/page-{index:07d}-txt")
            found.validated.append(str(graph))
            found.violations += _violations(store, graph, minter)
    found.seconds = time.perf_counter() - start
    return found


def _violations(store: Store, graph: URIRef, minter: Minter) -> list[str]:
    held = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    data = held.graph if held.graph is not None else Graph()
    if not len(data):
        return [f"<{graph}> no such record graph"]
    report = shapes.validate(data, extra=validation_context(minter.base))
    return [f"<{graph}> {v}" for v in violations(report)]
