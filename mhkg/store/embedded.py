"""The default store: Oxigraph embedded in the process, persisted on disk (RocksDB)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import islice
from pathlib import Path
from typing import BinaryIO, TypeVar

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from mhkg.errors import QueryError, StoreError
from mhkg.results import QueryResult
from mhkg.sparql_lexer import check_shape, with_using
from mhkg.store.base import EXPORT_FORMATS, QueryDataset, Store
from mhkg.vocab import PREFIXES

T = TypeVar("T")

_EXPORT = {
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
}


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> Node | None:
    """An Oxigraph term as the equal rdflib term (xsd:string literals become plain)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == str(XSD.string):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise TypeError(f"unsupported term {term!r}")


def to_oxigraph(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"unsupported term {term!r}")


class EmbeddedStore(Store):
    """An Oxigraph store in a folder on disk (or in memory when `path` is None).

    Each source's triples live in its named graph. The store's default graph
    holds their union, each triple once, kept in step with the named graphs
    inside the same transaction. (Oxigraph's own union-default-graph mode
    returns a triple once per graph that holds it, which inflates counts.)
    """

    def __init__(self, path: str | Path | None, *, read_only: bool = False) -> None:
        """`read_only` opens an existing store without its lock, as of now: another process
        may hold it open for writing, and what that process writes later is not seen."""
        self.location = str(path) if path is not None else ":memory:"
        self.read_only = read_only
        self._unflushed = 0  # bytes of updates written since the last flush
        try:
            if path is None:
                self._store = ox.Store()
            elif read_only:
                self._store = _open_read_only(str(path))
            else:
                Path(path).mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(path))
        except OSError as exc:
            raise StoreError(f"cannot open the store at {self.location}: {_one_line(exc)}") from exc

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
        check_shape(sparql)  # before the engine parses it: a deep query would crash it
        substitutions = {ox.Variable(k): to_oxigraph(v) for k, v in (bindings or {}).items()}
        # The error is raised outside the handler, so that no traceback keeps a frame that
        # holds the pyoxigraph store (and with it the store's lock) alive after close().
        try:
            return self._reading(
                lambda: _result(
                    self._evaluate(sparql, substitutions, dataset, base), max_rows, max_bytes
                )
            )
        except SyntaxError as exc:
            error = QueryError(f"the query does not parse: {exc}")
        except OSError as exc:  # raised while evaluating, e.g. a SERVICE that cannot be reached
            error = QueryError(f"the query failed: {exc}")
        raise error

    def _reading(self, read: Callable[[], T]) -> T:
        """`read()`; when the store is open read-only and a writer in another process has
        meanwhile compacted away a file of its snapshot (RocksDB: "No such file or
        directory"), the store is opened again, as of now, and `read()` run on that."""
        for attempt in range(1, READ_ONLY_ATTEMPTS + 1):
            try:
                return read()
            except OSError as exc:
                if not (self.read_only and _vanished(exc)) or attempt == READ_ONLY_ATTEMPTS:
                    raise
                self._store = _open_read_only(self.location)
        raise AssertionError("unreachable")

    def _evaluate(
        self, sparql: str, substitutions: dict, dataset: QueryDataset | None, base: str | None
    ) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        store, graphs = self._store, {}
        if dataset is not None:
            store, graphs = _dataset_store(self._store, dataset)
        return store.query(
            sparql,
            substitutions=substitutions or None,
            prefixes=PREFIXES,
            base_iri=base,
            **graphs,
        )

    def update(
        self,
        sparql: str,
        *,
        base: str | None = None,
        using: Sequence[URIRef] = (),
        using_named: Sequence[URIRef] = (),
    ) -> None:
        """Run an update on the named graphs; the union is then recomputed in the same
        transaction (a whole-store pass: for administration, not for loading)."""
        check_shape(sparql)
        sparql = with_using(sparql, [str(g) for g in using], [str(g) for g in using_named])
        self._update(
            f"{sparql} ;\n{RECOMPUTE_UNION}",
            "the update failed, nothing was written to the store at {}",
            base=base,
        )

    def has_graph(self, name: URIRef) -> bool:
        return self._reading(lambda: self._store.contains_named_graph(ox.NamedNode(str(name))))

    def _update(
        self,
        sparql: str,
        failure: str = "cannot write to the store at {}",
        *,
        base: str | None = None,
    ) -> None:
        """Run `sparql` as one transaction. Raises QueryError when it does not parse, and
        StoreError (`failure`, with the folder) when it fails as it runs: a full disk, a
        folder made read-only, a LOAD that cannot fetch; the transaction is rolled back."""
        try:
            self._store.update(sparql, base_iri=base, prefixes=PREFIXES)
        except SyntaxError as exc:
            raise QueryError(f"the update does not parse: {exc}") from exc
        except OSError as exc:
            raise StoreError(f"{failure.format(self.location)}: {_one_line(exc)}") from exc
        self._written(len(sparql), failure)

    def flush(self, failure: str = "cannot write to the store at {}") -> None:
        """Write RocksDB's memory tables to files: a reader that opens the store read-only
        then reads them instead of replaying the write-ahead log. Raises StoreError
        (`failure`, with the folder) when the disk refuses."""
        if self.read_only or self.location == ":memory:":
            return
        self._unflushed = 0
        try:
            self._store.flush()
        except OSError as exc:
            raise StoreError(f"{failure.format(self.location)}: {_one_line(exc)}") from exc

    def snapshot(self, folder: str | Path) -> None:
        """A copy of the store as it is now, at `folder` (which must not exist yet), that a
        reader may open read-only while this store goes on writing. pyoxigraph calls a
        read-only open of a folder another process writes to undefined behaviour, and it is
        not safe: a compaction can remove a file such a reader has listed but not opened, and
        the reader's query can then spin for minutes (a stress run over the seeds' store: a
        query of a few milliseconds still running after 120 s). The copy is RocksDB's
        checkpoint: what was written is flushed, then its immutable files are hard-linked when
        `folder` is on the same file system (a few milliseconds for a 600 MB store).
        Raises StoreError (with both folders) when it cannot be made."""
        self.flush()
        try:
            self._store.backup(str(folder))
        except OSError as exc:
            raise StoreError(
                f"cannot copy the store at {self.location} to {folder}: {_one_line(exc)}"
            ) from exc

    def _written(self, size: int, failure: str) -> None:
        """Count `size` bytes as committed, and flush after every FLUSH_BYTES.

        A committed transaction is in RocksDB's write-ahead log, which survives a crash of
        the process; close() flushes. Until a flush, RocksDB also keeps what was written in
        its memory tables, one per index, which grow with every record of a long load (1.3 GB
        after 10,000 records of 110 triples): flushing after every FLUSH_BYTES keeps memory
        flat (about 300 MB) at no measurable cost in time (bench: 2 min for both)."""
        self._unflushed += size
        if self._unflushed >= FLUSH_BYTES:
            self.flush(failure)

    def replace_graph(self, name: URIRef, graph: Graph) -> None:
        self.replace_graphs([(name, graph.serialize(format="nt"))])

    def replace_graphs(self, graphs: Sequence[tuple[URIRef, str]]) -> None:
        """One transaction: each graph's earlier triples leave the union (unless another
        graph holds them), the graph is replaced, and its triples join the union."""
        if not graphs:
            return
        if self._all_new(graphs):
            self._insert_new(graphs)
            return
        # One INSERT DATA for both copies of a graph: a blank node label names one node in both.
        self._update(
            " ;\n".join(
                f"{_forget_from_union(name)} ;\nDROP SILENT GRAPH <{name}> ;\n"
                f"INSERT DATA {{ GRAPH <{name}> {{\n{triples}}}\n{triples}}}"
                for name, triples in graphs
            )
        )

    def _all_new(self, graphs: Sequence[tuple[URIRef, str]]) -> bool:
        """Whether no graph of `graphs` is in the store yet, nor twice in `graphs`."""
        names = [name for name, _ in graphs]
        return len(set(names)) == len(names) and not any(
            self._store.contains_named_graph(ox.NamedNode(str(name))) for name in names
        )

    def _insert_new(self, graphs: Sequence[tuple[URIRef, str]]) -> None:
        """Graphs the store does not hold yet (the common case of a load): nothing leaves
        the union, so their triples are added, each to its graph and to the union, in one
        transaction (`Store.extend`), without the SPARQL parser. Each graph's blank nodes
        are renamed apart, as INSERT DATA would."""
        failure = "cannot write to the store at {}"
        try:
            self._store.extend(_both_copies(graphs))
        except OSError as exc:
            raise StoreError(f"{failure.format(self.location)}: {_one_line(exc)}") from exc
        self._written(sum(len(triples) for _, triples in graphs), failure)

    def add_to_graph(self, name: URIRef, graph: Graph) -> None:
        triples = graph.serialize(format="nt")
        self._update(f"INSERT DATA {{ GRAPH <{name}> {{\n{triples}}}\n{triples}}}")

    def remove_graph(self, name: URIRef) -> None:
        self._update(f"{_forget_from_union(name)} ;\nDROP SILENT GRAPH <{name}>")

    def graph_names(self) -> list[URIRef]:
        return self._reading(lambda: sorted(URIRef(g.value) for g in self._store.named_graphs()))

    def export(self, out: BinaryIO, fmt: str = "trig") -> None:
        if fmt not in EXPORT_FORMATS:
            raise ValueError(f"cannot export as {fmt!r}; use one of {list(EXPORT_FORMATS)}")
        if fmt == "turtle":  # no named graphs in Turtle: the union, each triple once
            self._store.dump(
                out, ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=PREFIXES
            )
            return
        named = (q for q in self._store if not isinstance(q.graph_name, ox.DefaultGraph))
        ox.serialize(named, out, _EXPORT[fmt], prefixes=PREFIXES)

    def close(self) -> None:
        """Flush what was written and release the folder (and its lock).

        Raises StoreError when the flush fails (a full disk): what was committed stays in
        the write-ahead log, and the next open replays it."""
        error = None
        try:
            if not self.read_only:
                self._store.flush()
        except OSError as exc:
            error = StoreError(f"cannot write to the store at {self.location}: {_one_line(exc)}")
        finally:
            del self._store  # releases the lock, even when the flush failed
        if error is not None:
            raise error


READ_ONLY_ATTEMPTS = 20
FLUSH_BYTES = 32 * 2**20


def _open_read_only(path: str) -> ox.Store:
    """Open the store at `path` read-only. A writer in another process may compact the
    store while it is opened: a file listed by the manifest just read can be gone a moment
    later, which RocksDB reports as corruption. Such an open is tried again (on the next
    manifest); corruption that persists is raised as an OSError."""
    for attempt in range(1, READ_ONLY_ATTEMPTS + 1):
        try:
            return ox.Store.read_only(path)
        except RuntimeError as exc:
            if attempt == READ_ONLY_ATTEMPTS:
                raise OSError(_one_line(exc)) from exc
            time.sleep(0.005 * attempt)
    raise AssertionError("unreachable")


def _vanished(error: OSError) -> bool:
    """Whether RocksDB failed because a file of the snapshot is gone."""
    return isinstance(error, FileNotFoundError) or "No such file or directory" in str(error)


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())


RECOMPUTE_UNION = "DROP SILENT DEFAULT ;\nINSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def _both_copies(graphs: Sequence[tuple[URIRef, str]]) -> Iterator[ox.Quad]:
    """Each triple of each graph (N-Triples) in its named graph and in the default graph."""
    for name, triples in graphs:
        graph = ox.NamedNode(str(name))
        for triple in ox.parse(triples, ox.RdfFormat.N_TRIPLES, rename_blank_nodes=True):
            s, p, o = triple.subject, triple.predicate, triple.object
            yield ox.Quad(s, p, o, graph)
            yield ox.Quad(s, p, o, ox.DefaultGraph())


def _forget_from_union(name: URIRef) -> str:
    """Remove from the union the triples that only graph `name` holds."""
    return (
        f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != <{name}>) }} }}"
    )


def _dataset_store(store: ox.Store, dataset: QueryDataset) -> tuple[ox.Store, dict]:
    """The store and query arguments that give `dataset`. Oxigraph merges several default
    graphs with a triple once per graph that holds it, so a merge of several is copied into
    an in-memory store's default graph (with the named graphs), where each triple is once."""
    named = [ox.NamedNode(str(g)) for g in dataset.named_graphs]
    defaults = [ox.NamedNode(str(g)) for g in dataset.default_graphs]
    if len(defaults) <= 1:
        return store, {"default_graph": defaults, "named_graphs": named}
    merged = ox.Store()
    for graph in defaults:
        merged.extend(
            ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
            for q in store.quads_for_pattern(None, None, None, graph)
        )
    for graph in named:
        merged.extend(store.quads_for_pattern(None, None, None, graph))
    return merged, {"named_graphs": named}


def _result(
    answer: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples,
    max_rows: int | None = None,
    max_bytes: int | None = None,
) -> QueryResult:
    """The answer as a QueryResult, evaluated no further than `max_rows` rows (or triples)
    and cut before the characters of its values pass `max_bytes` (then `truncated`)."""
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult(form="ASK", boolean=bool(answer))
    size = 0
    if isinstance(answer, ox.QueryTriples):
        graph = Graph()
        for triple in islice(answer, max_rows):
            terms = (triple.subject, triple.predicate, triple.object)
            size += sum(len(str(term)) for term in terms)
            if max_bytes is not None and size > max_bytes:
                return QueryResult(form="CONSTRUCT", graph=graph, truncated=True)
            graph.add(tuple(to_rdflib(term) for term in terms))
        return QueryResult(form="CONSTRUCT", graph=graph)
    variables = [v.value for v in answer.variables]
    rows = []
    for solution in islice(answer, max_rows):
        row = {}
        for name in variables:
            value = solution[name]
            if value is not None:
                size += len(str(value))
                row[name] = to_rdflib(value)
        if max_bytes is not None and size > max_bytes:
            return QueryResult(form="SELECT", variables=variables, rows=rows, truncated=True)
        rows.append(row)
    return QueryResult(form="SELECT", variables=variables, rows=rows)
