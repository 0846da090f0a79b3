"""The one interface every store implements: embedded on disk, or a remote engine."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import BinaryIO

from rdflib import Graph, URIRef
from rdflib.term import Node

from mhkg.errors import MhkgError
from mhkg.results import QueryResult

EXPORT_FORMATS = ("turtle", "trig", "nquads", "jsonld")


@dataclass(frozen=True)
class QueryDataset:
    """The RDF dataset a query runs on, as the SPARQL Protocol's default-graph-uri and
    named-graph-uri name it: the merge of `default_graphs` (each triple once) as the default
    graph, and `named_graphs` as the only graphs GRAPH can reach. Either may be empty."""

    default_graphs: Sequence[URIRef] = ()
    named_graphs: Sequence[URIRef] = ()


class Store(ABC):
    """A quad store holding one named graph per source document.

    Queries see the union of all named graphs as their default graph, each
    triple once. Writes are whole graphs: replacing a graph is one
    transaction, so a reader sees either the old graph or the new one, never
    a mix.
    """

    location: str

    @abstractmethod
    def query(
        self,
        sparql: str,
        bindings: Mapping[str, Node] | None = None,
        *,
        dataset: QueryDataset | None = None,
        base: str | None = None,
        max_rows: int | None = None,
        max_bytes: int | None = None,
    ) -> QueryResult:
        """Run a SPARQL query; `bindings` pin variables to values (parameters), and relative
        IRIs are resolved against `base` (none: a relative IRI is an error).

        `dataset` replaces the store's dataset (and the query's FROM / FROM NAMED);
        `max_rows` stops the evaluation after that many solutions (or triples), and
        `max_bytes` before the values read pass that many characters (`truncated` is then
        set on the result). Raises QueryError for a query that does not parse, or that is
        too deep for the engine to parse safely (see mhkg.sparql_lexer).
        """

    @abstractmethod
    def update(
        self,
        sparql: str,
        *,
        base: str | None = None,
        using: Sequence[URIRef] = (),
        using_named: Sequence[URIRef] = (),
    ) -> None:
        """Run a SPARQL 1.1 Update on the named graphs, as one transaction; relative IRIs
        are resolved against `base`, and `using` / `using_named` are the dataset of each
        DELETE/INSERT operation's WHERE (the protocol's using-graph-uri and
        using-named-graph-uri)."""

    def has_graph(self, name: URIRef) -> bool:
        """Whether the store holds a named graph `name` (perhaps empty)."""
        return name in self.graph_names()

    @abstractmethod
    def replace_graph(self, name: URIRef, graph: Graph) -> None:
        """Atomically replace the named graph `name` with the triples of `graph`."""

    def replace_graphs(self, graphs: Sequence[tuple[URIRef, str]]) -> None:
        """Replace each named graph with its triples (N-Triples text), in order. A store
        that can does it in one transaction; this one replaces them one by one."""
        for name, triples in graphs:
            self.replace_graph(name, Graph().parse(data=triples, format="nt"))

    @abstractmethod
    def add_to_graph(self, name: URIRef, graph: Graph) -> None:
        """Add the triples of `graph` to the named graph `name`, as one transaction."""

    @abstractmethod
    def remove_graph(self, name: URIRef) -> None:
        """Remove the named graph, if it exists."""

    @abstractmethod
    def graph_names(self) -> list[URIRef]:
        """The names of all named graphs, sorted."""

    @abstractmethod
    def export(self, out: BinaryIO, fmt: str = "trig") -> None:
        """Write the whole dataset (every named graph) to `out`."""

    def flush(self) -> None:  # noqa: B027 - optional hook
        """Make what was written durable in the store's files, where a store keeps it
        elsewhere first (a log, memory)."""

    def for_rules(self) -> Store:
        """The store that mhkg's own derivation rules (mhkg.derivation) read the records
        from: this one, unless its engine cannot be trusted with them."""
        return self

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release the store's resources."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: object, exc: BaseException | None, tb: object) -> None:
        try:
            self.close()
        except MhkgError:
            if exc is None:
                raise
            # else the error on its way out is the one to tell (a full disk fails both)
