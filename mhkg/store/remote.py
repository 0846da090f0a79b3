"""A store over a SPARQL 1.1 Query + Update endpoint (Virtuoso, or another engine).

The union default graph, each triple once. With no dataset named, Virtuoso's default graph is
every graph it holds, its own system graphs included, and a triple held by two graphs comes
back twice (measured on 7.2.5: two rows; two `default-graph-uri` give two rows as well). So,
as the embedded store does, this store keeps the union of its named graphs, each triple once,
in a graph of its own (`UNION_GRAPH`), and sends every query with that graph as
`default-graph-uri`. The names of its graphs are kept in a catalogue graph (`CATALOGUE_GRAPH`);
a query that says GRAPH gets them as `named-graph-uri`, so that GRAPH ?g reaches the store's
named graphs only: neither the union, nor the catalogue, nor the engine's own graphs. Both
are written in the same request as the graph they follow.

What a request guarantees is the engine's: Virtuoso runs an update request in one
transaction, but one that fails *as it runs* keeps what its earlier operations did (measured:
``DROP SILENT GRAPH <a> ; LOAD <unreachable>`` answers 500 with <a> dropped). A graph larger
than `CHUNK_TRIPLES` is written in several requests; readers may see it part-written.
"""

from __future__ import annotations

import http.client
import os
import time
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from http.client import HTTPException
from itertools import islice, pairwise
from typing import Any, BinaryIO
from urllib.error import URLError
from urllib.parse import urljoin

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node
from SPARQLWrapper import DIGEST, JSON, POST, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException

from mhkg.errors import QueryError, StoreError
from mhkg.results import QueryResult
from mhkg.sparql_lexer import check_shape, tokens, with_using
from mhkg.store.base import EXPORT_FORMATS, QueryDataset, Store
from mhkg.store.embedded import _EXPORT, EmbeddedStore, to_oxigraph
from mhkg.vocab import PREFIXES

UNION_GRAPH = URIRef("urn:x-mhkg:union")
CATALOGUE_GRAPH = URIRef("urn:x-mhkg:graphs")
_EMPTY = URIRef("urn:x-mhkg:empty")  # a graph nothing is written to
_LISTED = URIRef("urn:x-mhkg:namedGraph")  # <catalogue> _LISTED <graph>, in the catalogue
_LIST = f"<{CATALOGUE_GRAPH}> <{_LISTED}>"  # subject and predicate of a catalogue entry
CHUNK_TRIPLES = 2000  # triples per request (Virtuoso 7.2's parser gives up near 5,000)
TIMEOUT = 300  # seconds a request may take
CATALOGUE_SECONDS = 2.0  # how long the names of the graphs read are used for GRAPH

_GRAPHS = (
    f"SELECT ?g WHERE {{ GRAPH <{CATALOGUE_GRAPH}> {{ <{CATALOGUE_GRAPH}> <{_LISTED}> ?g }} }}"
)


def catalogue_nquads(names: Iterable[str]) -> str:
    """The catalogue entries of the graphs `names`, as N-Quads: with them, an engine's own
    bulk loader can fill this store from an embedded store's N-Quads, the triples of its
    default graph (the union, each triple once) loaded into `UNION_GRAPH`.

    >>> print(catalogue_nquads(["https://example.org/g"]), end="")
    <urn:x-mhkg:graphs> <urn:x-mhkg:namedGraph> <https://example.org/g> <urn:x-mhkg:graphs> .
    """
    return "".join(f"{_LIST} <{name}> <{CATALOGUE_GRAPH}> .\n" for name in names)


CUT_AT = "X-SPARQL-MaxRows"
"""The header with which Virtuoso says it answered only the first rows (its ResultSetMaxRows):
an answer cut short is refused, never taken for the whole."""


def credentials() -> tuple[str, str] | None:
    """(user, password) from MHKG_STORE_USER and MHKG_STORE_PASSWORD, when both are set."""
    user, password = os.environ.get("MHKG_STORE_USER"), os.environ.get("MHKG_STORE_PASSWORD")
    return (user, password) if user and password else None


class RemoteStore(Store):
    """The store at a SPARQL endpoint URL (Query and Update on the same URL, as Virtuoso's
    /sparql and /sparql-auth have them). Credentials, when the environment has them, are
    sent with HTTP Digest (Virtuoso's /sparql-auth)."""

    def __init__(self, url: str) -> None:
        self.location = url
        self._names: list[URIRef] | None = None  # the catalogue, as read at `_read_at`
        self._read_at = 0.0

    # --- reading ------------------------------------------------------------------------

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
        shape = check_shape(sparql)
        if dataset is not None and len(dataset.default_graphs) > 1:
            # Virtuoso merges several default graphs with a triple once per graph holding it
            return self._copy(dataset).query(
                sparql, bindings, dataset=dataset, base=base, max_rows=max_rows,
                max_bytes=max_bytes,
            )  # fmt: skip
        text = _with_prologue(_with_values(sparql, bindings or {}), base)
        parameters = self._dataset(dataset, shape.uses("GRAPH"), shape.uses("FROM"))
        form = "CONSTRUCT" if shape.first_keyword in ("CONSTRUCT", "DESCRIBE") else "SELECT"
        named = {value for key, value in parameters if key == "named-graph-uri"}
        if named:
            text = _outside_dataset(text, named)
        answer = self._send(text, parameters, TURTLE if form == "CONSTRUCT" else JSON)
        # Virtuoso's IRI() leaves a relative IRI relative: resolved here, as the standard does
        base = base or _leading_base(sparql)
        if form == "CONSTRUCT":
            return _graph_result(_parse(answer, base), max_rows, max_bytes)
        return _solutions(answer, max_rows, max_bytes, base)

    def _dataset(
        self, dataset: QueryDataset | None, uses_graph: bool, uses_from: bool
    ) -> list[tuple[str, str]]:
        """The protocol's default-graph-uri and named-graph-uri for a query."""
        if dataset is not None:
            defaults = list(dataset.default_graphs) or [_EMPTY]
            named = [*dataset.named_graphs, _EMPTY]
            return [("default-graph-uri", str(g)) for g in defaults] + [
                ("named-graph-uri", str(g)) for g in named
            ]
        if uses_from:  # the query names its own dataset
            return []
        parameters = [("default-graph-uri", str(UNION_GRAPH))]
        if uses_graph:
            names = [*self.graph_names(), _EMPTY]
            parameters += [("named-graph-uri", str(g)) for g in names]
        return parameters

    def graph_names(self) -> list[URIRef]:
        """The catalogue, read again after this store writes and at most CATALOGUE_SECONDS
        after the last reading (another client may load graphs meanwhile)."""
        if self._names is None or time.monotonic() - self._read_at > CATALOGUE_SECONDS:
            rows = self._send(_GRAPHS, [("default-graph-uri", str(CATALOGUE_GRAPH))], JSON)
            self._names = sorted(URIRef(b["g"]["value"]) for b in rows["results"]["bindings"])
            self._read_at = time.monotonic()
        return list(self._names)

    def export(self, out: BinaryIO, fmt: str = "trig") -> None:
        if fmt not in EXPORT_FORMATS:
            raise ValueError(f"cannot export as {fmt!r}; use one of {list(EXPORT_FORMATS)}")
        copy = ox.Store()  # serialised as the embedded store serialises itself
        for name, graph in self._graphs():
            target = ox.DefaultGraph() if fmt == "turtle" else ox.NamedNode(str(name))
            copy.extend(ox.Quad(*(to_oxigraph(t) for t in triple), target) for triple in graph)
        if fmt == "turtle":  # no named graphs in Turtle: the union, each triple once
            copy.dump(out, ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=PREFIXES)
            return
        ox.serialize(copy, out, _EXPORT[fmt], prefixes=PREFIXES)

    def _graphs(self, names: Sequence[URIRef] | None = None) -> Iterator[tuple[URIRef, Graph]]:
        """Each graph (by default every graph of the catalogue), one request each."""
        for name in self.graph_names() if names is None else names:
            construct = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}"
            answer = self._send(construct, [("named-graph-uri", str(name))], TURTLE)
            yield name, _parse(answer)

    def _copy(self, dataset: QueryDataset) -> Store:
        """An in-memory store holding the graphs that `dataset` names."""
        names = sorted(set(dataset.default_graphs) | set(dataset.named_graphs))
        copy = EmbeddedStore(None)
        copy.replace_graphs([(n, g.serialize(format="nt")) for n, g in self._graphs(names)])
        return copy

    def for_rules(self) -> Store:
        """An in-memory copy of the union, for mhkg's derivation rules: Virtuoso 7.2 gets
        their nested subqueries under OPTIONAL wrong (measured: every budget tally without
        its sum and currency), and CONCAT with an unbound argument gives a string."""
        copy = EmbeddedStore(None)
        union = Graph()
        for _, graph in self._graphs():
            union += graph
        copy.replace_graphs([(_EMPTY, union.serialize(format="nt"))])
        return copy

    # --- writing ------------------------------------------------------------------------

    def update(
        self,
        sparql: str,
        *,
        base: str | None = None,
        using: Sequence[URIRef] = (),
        using_named: Sequence[URIRef] = (),
    ) -> None:
        """Run the update, then bring the catalogue and the union in step, in the same
        request (a whole-store pass, for administration, not for loading). A graph the
        update writes is catalogued when the update names it by IRI."""
        check_shape(sparql)
        sparql = with_using(sparql, [str(g) for g in using], [str(g) for g in using_named])
        named = {URIRef(t.text[1:-1]) for t in tokens(sparql) if t.kind == "IRI"}
        candidates = " ".join(f"<{g}>" for g in sorted(named | set(self.graph_names())))
        self._write(
            f"{_with_prologue(sparql, base)} ;\n"
            f"DELETE {{ GRAPH <{CATALOGUE_GRAPH}> {{ <{CATALOGUE_GRAPH}> <{_LISTED}> ?g }} }}"
            f" WHERE {{ GRAPH <{CATALOGUE_GRAPH}> {{ <{CATALOGUE_GRAPH}> <{_LISTED}> ?g }} "
            "FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } } ;\n"
            f"INSERT {{ GRAPH <{CATALOGUE_GRAPH}> {{ <{CATALOGUE_GRAPH}> <{_LISTED}> ?g }} }}"
            f" WHERE {{ VALUES ?g {{ {candidates} }} FILTER EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} }}"
            f" FILTER (?g NOT IN (<{UNION_GRAPH}>, <{CATALOGUE_GRAPH}>)) }} ;\n"
            f"DROP SILENT GRAPH <{UNION_GRAPH}> ;\n"
            f"INSERT {{ GRAPH <{UNION_GRAPH}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{CATALOGUE_GRAPH}>"
            f" {{ <{CATALOGUE_GRAPH}> <{_LISTED}> ?g }} GRAPH ?g {{ ?s ?p ?o }} }}",
            "the update failed",
        )

    def replace_graph(self, name: URIRef, graph: Graph) -> None:
        self.replace_graphs([(name, graph.serialize(format="nt"))])

    def replace_graphs(self, graphs: Sequence[tuple[URIRef, str]]) -> None:
        """Each graph in one request with its union and catalogue entries (several small
        graphs share a request); a graph of more than CHUNK_TRIPLES triples takes several."""
        batch: list[str] = []
        size = 0
        for name, triples in graphs:
            lines = [line for line in triples.splitlines() if line.strip()]
            # a blank node's triples stay in one request (a label names one node per request)
            blank = [line for line in lines if "_:" in line]
            lines = [line for line in lines if "_:" not in line]
            chunks = [lines[i : i + CHUNK_TRIPLES] for i in range(0, len(lines), CHUNK_TRIPLES)]
            operations = [_forget_from_union(name), f"DROP SILENT GRAPH <{name}>"]
            operations += _inserts(name, (chunks[0] if chunks else []) + blank)
            for chunk in chunks[1:]:
                self._write(" ;\n".join(batch + operations))
                batch, size, operations = [], 0, _inserts(name, chunk)
            operations.append(_join_union(name))
            batch += operations
            size += len(lines) + len(blank)
            if size >= CHUNK_TRIPLES:
                self._write(" ;\n".join(batch))
                batch, size = [], 0
        if batch:
            self._write(" ;\n".join(batch))

    def add_to_graph(self, name: URIRef, graph: Graph) -> None:
        lines = [line for line in graph.serialize(format="nt").splitlines() if line.strip()]
        blank = [line for line in lines if "_:" in line]
        lines = [line for line in lines if "_:" not in line]
        for start in range(CHUNK_TRIPLES, len(lines), CHUNK_TRIPLES):
            self._write(" ;\n".join(_inserts(name, lines[start : start + CHUNK_TRIPLES])))
        first = lines[:CHUNK_TRIPLES] + blank
        self._write(" ;\n".join([*_inserts(name, first), _join_union(name)]))

    def remove_graph(self, name: URIRef) -> None:
        self._write(
            f"{_forget_from_union(name)} ;\nDROP SILENT GRAPH <{name}> ;\n"
            f"DELETE DATA {{ GRAPH <{CATALOGUE_GRAPH}> {{ {_LIST} <{name}> }} }}"
        )

    def has_graph(self, name: URIRef) -> bool:
        return name in self.graph_names()

    def _write(self, update: str, failure: str = "cannot write to the store") -> None:
        self._names = None
        self._send(update, [], JSON, update=True, failure=failure)

    # --- the protocol -------------------------------------------------------------------

    def _send(
        self,
        text: str,
        parameters: list[tuple[str, str]],
        answer_format: str,
        *,
        update: bool = False,
        failure: str = "the query failed",
    ) -> Any:
        """The endpoint's answer to a query (JSON as a dict, a graph as bytes) or update.

        Raises QueryError when the endpoint refuses the text (400), StoreError otherwise."""
        client = SPARQLWrapper(self.location, returnFormat=answer_format)
        client.setMethod(POST)
        client.setOnlyConneg(True)  # Virtuoso prefers a `format=` parameter to the Accept header
        if answer_format == TURTLE:  # Virtuoso's Turtle writes 300000^^xsd:decimal as 300000
            client.addCustomHttpHeader("Accept", "application/n-triples")
        client.setTimeout(TIMEOUT)
        if (user := credentials()) is not None:
            client.setHTTPAuth(DIGEST)
            client.setCredentials(*user)
        for name, value in parameters:
            client.addParameter(name, value)
        # Virtuoso answers each named-graph-uri with a header of its own (X-SPARQL-named-graph),
        # and http.client refuses an answer of more than _MAXHEADERS (100) headers: a query
        # that says GRAPH, which names every graph of the store, failed past about 95 graphs
        http.client._MAXHEADERS = max(http.client._MAXHEADERS, len(parameters) + 100)
        with warnings.catch_warnings():  # it guesses the form by regex, and warns when it fails
            warnings.simplefilter("ignore", RuntimeWarning)
            client.setQuery(text)
        # the form is known here (from the tokens): it decides `query=` or `update=`
        client.queryType = (
            "INSERT" if update else ("CONSTRUCT" if answer_format == TURTLE else "SELECT")
        )
        kind = "update" if update else "query"
        try:
            response = client.query()
            if update:
                response.response.read()
                return None
            if (cap := response.response.headers.get(CUT_AT)) is not None:
                raise StoreError(
                    f"{self.location}: the endpoint cut its answer at {cap} rows (Virtuoso's "
                    "ResultSetMaxRows, in the [SPARQL] section of virtuoso.ini): raise it, or "
                    "ask for fewer rows"
                )
            return response.convert() if answer_format == JSON else response.response.read()
        except QueryBadFormed as exc:
            error: Exception = QueryError(f"the {kind} does not parse: {_reason(exc)}")
        except SPARQLWrapperException as exc:
            error = StoreError(f"{self.location}: {failure}: {_reason(exc)}")
        except (URLError, HTTPException, OSError, ValueError) as exc:
            error = StoreError(f"{self.location}: {failure}: {_reason(exc)}")
        raise error


# --- query text ----------------------------------------------------------------------------


def _with_prologue(sparql: str, base: str | None) -> str:
    """The text with BASE (when given) and the project's prefixes that it does not declare
    itself, as the embedded store predeclares them; after the text's own leading BASE, since
    Virtuoso takes no BASE after a PREFIX.

    Raises QueryError for a relative IRI with no base to resolve it (the engine would)."""
    words = list(tokens(sparql))
    declared = {
        words[i + 1].text.rstrip(":")
        for i, t in enumerate(words[:-1])
        if t.kind == "WORD" and t.text.upper() == "PREFIX"
    }
    has_base = any(t.kind == "WORD" and t.text.upper() == "BASE" for t in words)
    if base is None and not has_base:
        for t in words:
            if t.kind == "IRI" and ":" not in t.text:
                raise QueryError(f"the query does not parse: the IRI {t.text} is relative")
    start = 0
    while len(words) >= 2 and words[0].text.upper() == "BASE" and words[1].kind == "IRI":
        start = words[1].offset + len(words[1].text)
        words = words[2:]
    lines = [f"BASE <{base}>"] if base else []
    lines += [sparql[:start]] if start else []
    lines += [f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items() if p not in declared]
    return "\n".join(lines) + "\n" + sparql[start:]


def _outside_dataset(sparql: str, named: set[str]) -> str:
    """The query with each ``GRAPH <iri>`` whose graph is not among the dataset's named
    graphs reading the empty graph instead (which is among them): Virtuoso 7.2 answers such
    a GRAPH as if it matched once (ASK true, a constant row), unless the graph is named.

    >>> _outside_dataset("ASK { GRAPH <g:x> { ?s ?p ?o } }", {"urn:x-mhkg:empty"})
    'ASK { GRAPH <urn:x-mhkg:empty> { ?s ?p ?o } }'
    """
    words = list(tokens(sparql))
    for before, token in reversed(list(pairwise(words))):
        if (
            before.kind == "WORD"
            and before.text.upper() == "GRAPH"
            and token.kind == "IRI"
            and token.text[1:-1] not in named
        ):
            end = token.offset + len(token.text)
            sparql = f"{sparql[: token.offset]}<{_EMPTY}>{sparql[end:]}"
    return sparql


def _with_values(sparql: str, bindings: Mapping[str, Node]) -> str:
    """The query with a VALUES block pinning `bindings` at the start of its WHERE clause, so
    that a variable is bound inside the pattern, as a substitution would bind it.

    >>> _with_values("SELECT ?s WHERE { ?s ?p ?o }", {"o": Literal("x")})
    'SELECT ?s WHERE { VALUES (?o) { ("x") } ?s ?p ?o }'
    """
    if not bindings:
        return sparql
    names = " ".join(f"?{name}" for name in bindings)
    values = " ".join(term.n3() for term in bindings.values())
    block = f" VALUES ({names}) {{ ({values}) }}"
    depth, after_where, first_open = 0, None, None
    for token in tokens(sparql):
        if token.kind == "OPEN" and token.text == "{":
            if depth == 0 and first_open is None:
                first_open = token.offset
            if depth == 0 and after_where is not None:
                return sparql[: token.offset + 1] + block + sparql[token.offset + 1 :]
        if token.kind == "OPEN":
            depth += 1
        elif token.kind == "CLOSE":
            depth -= 1
        elif token.kind == "WORD" and depth == 0 and token.text.upper() == "WHERE":
            after_where = token.offset
    if first_open is None:
        raise QueryError("the query does not parse: it has no WHERE clause to bind parameters in")
    return sparql[: first_open + 1] + block + sparql[first_open + 1 :]


def _inserts(name: URIRef, lines: list[str]) -> list[str]:
    """Operations that add N-Triples `lines` to graph `name` and catalogue it. Virtuoso
    refuses blank nodes in INSERT DATA, so triples with blank nodes go in an INSERT's
    template (one node per label, as in one document)."""
    ground = [line for line in lines if "_:" not in line]
    blank = [line for line in lines if "_:" in line]
    listed = f"GRAPH <{CATALOGUE_GRAPH}> {{ <{CATALOGUE_GRAPH}> <{_LISTED}> <{name}> }}"
    data = f"GRAPH <{name}> {{\n" + "\n".join(ground) + "\n}" if ground else ""
    operations = [f"INSERT DATA {{ {listed}\n{data} }}"]
    if blank:
        template = "\n".join(blank)
        operations.append(f"INSERT {{ GRAPH <{name}> {{\n{template}\n}} }} WHERE {{}}")
    return operations


def _join_union(name: URIRef) -> str:
    into = f"INSERT {{ GRAPH <{UNION_GRAPH}> {{ ?s ?p ?o }} }}"
    return f"{into} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}"


def _forget_from_union(name: URIRef) -> str:
    """Remove from the union the triples that no other catalogued graph holds."""
    return (
        f"DELETE {{ GRAPH <{UNION_GRAPH}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }}"
        f" FILTER NOT EXISTS {{ GRAPH <{CATALOGUE_GRAPH}> {{ {_LIST} ?other }}"
        f" FILTER (?other != <{name}>) GRAPH ?other {{ ?s ?p ?o }} }} }}"
    )


# --- answers -------------------------------------------------------------------------------


def _leading_base(sparql: str) -> str | None:
    """The IRI of the query's first BASE, if it starts with one."""
    words = list(islice(tokens(sparql), 2))
    if len(words) == 2 and words[0].text.upper() == "BASE" and words[1].kind == "IRI":
        return words[1].text[1:-1]
    return None


def _term(value: dict[str, str], base: str | None = None) -> Node:
    kind = value["type"]
    if kind == "uri":
        iri = value["value"]
        return URIRef(urljoin(base, iri) if base and ":" not in iri else iri)
    if kind == "bnode":
        return BNode(value["value"].removeprefix("nodeID://"))
    if "xml:lang" in value:
        return Literal(value["value"], lang=value["xml:lang"])
    datatype = value.get("datatype")
    if datatype and datatype != str(XSD.string):
        return Literal(value["value"], datatype=URIRef(datatype))
    return Literal(value["value"])


def _solutions(
    answer: dict, max_rows: int | None, max_bytes: int | None, base: str | None = None
) -> QueryResult:
    if "boolean" in answer:
        return QueryResult(form="ASK", boolean=bool(answer["boolean"]))
    variables = list(answer["head"].get("vars", []))
    rows: list[dict[str, Node]] = []
    size = 0
    for binding in answer["results"]["bindings"][:max_rows]:
        row = {name: _term(value, base) for name, value in binding.items() if name in variables}
        size += sum(len(str(v)) for v in row.values())
        if max_bytes is not None and size > max_bytes:
            return QueryResult(form="SELECT", variables=variables, rows=rows, truncated=True)
        rows.append(row)
    return QueryResult(form="SELECT", variables=variables, rows=rows)


def _parse(data: bytes, base: str | None = None) -> Graph:
    """A graph the endpoint sent as N-Triples, read as Turtle (a superset, which takes the
    relative IRIs that Virtuoso's IRI() leaves), resolved against `base` (none: against a
    placeholder, never against this process's working folder)."""
    return Graph().parse(data=data, format="turtle", publicID=base or str(_EMPTY))


def _graph_result(answer: Graph, max_rows: int | None, max_bytes: int | None) -> QueryResult:
    if max_rows is None and max_bytes is None:
        return QueryResult(form="CONSTRUCT", graph=answer)
    graph, size = Graph(), 0
    for count, triple in enumerate(answer):
        size += sum(len(str(term)) for term in triple)
        if (max_rows is not None and count >= max_rows) or (
            max_bytes is not None and size > max_bytes
        ):
            return QueryResult(form="CONSTRUCT", graph=graph, truncated=max_bytes is not None)
        graph.add(triple)
    return QueryResult(form="CONSTRUCT", graph=graph)


def _reason(error: Exception) -> str:
    """What the endpoint said (Virtuoso: its error code and message), on one line."""
    text = str(error)
    if "Response:" in text:  # SPARQLWrapper: a fixed sentence, then the body as bytes' repr
        text = text.split("Response:", 1)[1].strip().removeprefix("b").strip("'\"")
        text = text.replace("\\n", "\n")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    kept = []
    for line in lines:
        if line.startswith("SPARQL query:"):  # Virtuoso repeats the query after this
            break
        kept.append(line)
    return " ".join(kept)[:500] or type(error).__name__
