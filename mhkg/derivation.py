"""Derived links (mhkg:worksWith …): what the rules in queries/derive/ give on the records,
kept in the derived graph, and kept in step with the records by construction.

Recomputing the derived graph reads every record, so it is done once per load, not once
per record; in between, the derived graph is out of date. That is written down in the store
before the first record is: the triple ``<graph/derived> prov:invalidatedAtTime when`` in
the derived graph itself (`invalidate`). The recomputation that ends a load replaces the
derived graph, the mark with it, in one transaction (`refresh`). A load cut short (SIGKILL,
a full disk) leaves the mark set, and the next `open_store` recomputes
(`finish_interrupted_load`); `check` compares the graph with what the rules give now.

Besides the mhkg:worksWith links, the rules keep summaries that the aggregates read instead of
every record: one mhkg:CoParticipation node per pair of organisations with the number of
projects they share (queries/derive/co-participation.rq). Their IRIs are relative (`pair/…`):
each rule runs under ``BASE <derived graph IRI/>`` (`rule_text`), so they live under the
derived graph's IRI, whatever base the store's IRIs were minted with. Each project's place in
the list by title (`mhkg:titleRank`) and each document's by file name (`mhkg:fileRank`),
which paged lists read, are computed in Python (`mhkg.ranking`): SPARQL 1.1 cannot number
rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from importlib import resources

from rdflib import Graph, Literal, URIRef
from rdflib.compare import graph_diff, to_isomorphic
from rdflib.namespace import PROV, XSD

from mhkg import ranking
from mhkg.iri import Minter
from mhkg.store import Store

DERIVED_GRAPH = "derived"

_MARKED = f"SELECT ?g WHERE {{ GRAPH ?g {{ ?g <{PROV.invalidatedAtTime}> ?t }} }}"


@cache
def rules() -> tuple[str, ...]:
    """The CONSTRUCT queries in queries/derive/, in file-name order."""
    folder = resources.files("mhkg.queries").joinpath("derive")
    names = sorted(f.name for f in folder.iterdir() if f.name.endswith(".rq"))
    return tuple(folder.joinpath(n).read_text("utf-8") for n in names)


def rule_text(rule: str, graph: URIRef) -> str:
    """A rule as run for the derived graph `graph`: under a BASE that resolves the IRIs the
    rule mints (`pair/…`) to IRIs under the graph's own.

    >>> print(rule_text("CONSTRUCT {} WHERE {}", URIRef("https://w3id.org/mhkg/graph/derived")))
    BASE <https://w3id.org/mhkg/graph/derived/>
    CONSTRUCT {} WHERE {}
    """
    return f"BASE <{graph}/>\n{rule}"


def derive(store: Store, graph: URIRef | None = None) -> Graph:
    """What the rules give on the store's records now, for the derived graph `graph` (by
    default the one under the configured base IRI)."""
    graph = graph or Minter.from_environment().system_graph(DERIVED_GRAPH)
    source = store.for_rules()  # a remote store: a local copy (see Store.for_rules)
    derived = ranking.ranks(source)
    for rule in rules():
        derived += source.query(rule_text(rule, graph)).graph or Graph()
    return derived


def refresh(store: Store, minter: Minter) -> None:
    """Recompute the derived graph; the one transaction that writes it removes the mark."""
    name = minter.system_graph(DERIVED_GRAPH)
    store.replace_graph(name, derive(store, name))


def invalidate(store: Store, minter: Minter) -> None:
    """Mark the derived graph out of date (unless it is already): call before a write that
    may change what it derives from, and `refresh` after the last one."""
    if pending(store):
        return
    name = minter.system_graph(DERIVED_GRAPH)
    now = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    mark = Graph()
    mark.add((name, PROV.invalidatedAtTime, Literal(now, datatype=XSD.dateTime)))
    store.add_to_graph(name, mark)


def pending(store: Store) -> bool:
    """Whether the derived graph is marked out of date."""
    return bool(_marked(store))


def _marked(store: Store) -> list[URIRef]:
    return [g for g in store.query(_MARKED).values("g") if str(g).endswith(f"/{DERIVED_GRAPH}")]


def finish_interrupted_load(store: Store) -> bool:
    """Recompute the derived graph if a load was cut short before it could; True when it
    did. The graph recomputed is the marked one, under the base IRI the load used."""
    marked = _marked(store)
    for name in marked:
        store.replace_graph(name, derive(store, name))
    return bool(marked)


@dataclass
class Check:
    """How the derived graph differs from what the rules give now."""

    graph: URIRef
    missing: Graph
    extra: Graph
    marked: bool  # marked out of date by a load that was cut short

    @property
    def holds(self) -> bool:
        return not (len(self.missing) or len(self.extra) or self.marked)

    def text(self, shown: int = 10) -> str:
        """One line, then up to `shown` lines of missing and of extra triples."""
        if self.holds:
            return "Derived links: up to date"
        lines = [
            f"Derived links: out of date: <{self.graph}> lacks {len(self.missing)} and has "
            f"{len(self.extra)} extra of the triples that queries/derive/*.rq give now"
            + (" (a load into this store was cut short)" if self.marked else "")
            + "; the next `mhkg load` recomputes them"
        ]
        for label, graph in (("missing", self.missing), ("extra", self.extra)):
            triples = sorted(graph)
            lines += [f"  {label}: <{s}> <{p}> {o.n3()}" for s, p, o in triples[:shown]]
            if len(triples) > shown:
                lines.append(f"  … and {len(triples) - shown} more {label}")
        return "\n".join(lines)


def check(store: Store, minter: Minter) -> Check:
    """Compare the derived graph with what the rules give now."""
    name = minter.system_graph(DERIVED_GRAPH)
    held = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")
    graph = held.graph if held.graph is not None else Graph()
    marks = set(graph.triples((name, PROV.invalidatedAtTime, None)))
    for mark in marks:
        graph.remove(mark)
    _, missing, extra = graph_diff(to_isomorphic(derive(store, name)), to_isomorphic(graph))
    return Check(name, missing, extra, bool(marks))
