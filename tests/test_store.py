"""The embedded Oxigraph store: terms, queries, whole-graph writes, export, persistence."""

from __future__ import annotations

import io
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, XSD

from mhkg.errors import QueryError, StoreError
from mhkg.store import EXPORT_FORMATS, Store, default_location, open_store
from mhkg.store.base import QueryDataset
from mhkg.store.embedded import EmbeddedStore, to_oxigraph, to_rdflib
from mhkg.store.remote import CHUNK_TRIPLES, RemoteStore
from mhkg.vocab import MHKG

EX = "http://example.org/"
A, B = URIRef(EX + "graph/a"), URIRef(EX + "graph/b")
S = URIRef(EX + "s")
P = URIRef(EX + "p")
RDFLIB_FORMATS = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "jsonld": "json-ld"}


def graph_of(*objects: Literal | URIRef) -> Graph:
    g = Graph()
    for o in objects:
        g.add((S, P, o))
    return g


def triples_in(store: Store, name: URIRef) -> Graph:
    result = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")
    return result.graph


# --- terms -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "term",
    [
        URIRef(EX + "x"),
        BNode("b1"),
        Literal("plain"),
        Literal("chat", lang="fr"),
        Literal("42", datatype=XSD.integer),
        Literal("2019-03", datatype=XSD.gYearMonth),
        Literal("100000.00", datatype=XSD.decimal),
    ],
)
def test_terms_round_trip_between_rdflib_and_oxigraph(term) -> None:
    assert to_rdflib(to_oxigraph(term)) == term


def test_xsd_string_literals_come_back_plain() -> None:
    assert to_rdflib(ox.Literal("x", datatype=ox.NamedNode(str(XSD.string)))) == Literal("x")


# --- queries -----------------------------------------------------------------------------


def test_query_forms(store: Store) -> None:
    store.replace_graph(A, graph_of(Literal("one")))
    select = store.query("SELECT ?o WHERE { ?s ?p ?o }")
    assert (select.form, select.variables, select.rows) == (
        "SELECT",
        ["o"],
        [{"o": Literal("one")}],
    )
    ask = store.query(f"ASK {{ <{S}> ?p ?o }}")
    assert (ask.form, ask.boolean) == ("ASK", True)
    assert store.query("ASK { ?s ?p 'nothing' }").boolean is False
    construct = store.query("CONSTRUCT WHERE { ?s ?p ?o }")
    assert construct.form == "CONSTRUCT"
    assert isomorphic(construct.graph, graph_of(Literal("one")))


def test_unbound_values_are_left_out_of_the_row(store: Store) -> None:
    store.replace_graph(A, graph_of(Literal("one")))
    result = store.query("SELECT ?s ?missing WHERE { ?s ?p ?o OPTIONAL { ?s <urn:x> ?missing } }")
    assert result.variables == ["s", "missing"]
    assert result.rows == [{"s": S}]


def test_the_default_graph_is_the_union_of_the_named_graphs(store: Store) -> None:
    store.replace_graph(A, graph_of(Literal("from a")))
    store.replace_graph(B, graph_of(Literal("from b")))
    values = {str(row["o"]) for row in store.query("SELECT ?o WHERE { ?s ?p ?o }").rows}
    assert values == {"from a", "from b"}


def test_a_triple_in_two_named_graphs_is_one_triple_of_the_default_graph(
    store: Store,
) -> None:
    """The default graph is the union (a set) of the named graphs: an organisation that two
    source documents describe is still one organisation. (Oxigraph's union default graph
    yields one solution per named graph holding the triple, oxigraph/oxigraph#1919.)"""
    store.replace_graph(A, graph_of(Literal("shared")))
    store.replace_graph(B, graph_of(Literal("shared")))
    assert store.query("SELECT ?o WHERE { ?s ?p ?o }").rows == [{"o": Literal("shared")}]
    (row,) = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows
    assert row["n"].toPython() == 1


def test_bindings_pin_variables(store: Store) -> None:
    store.replace_graph(A, graph_of(Literal("one"), Literal("two")))
    result = store.query("SELECT ?s ?o WHERE { ?s ?p ?o }", {"o": Literal("two")})
    assert result.rows == [{"s": S, "o": Literal("two")}]


def test_the_project_prefixes_are_predeclared(store: Store) -> None:
    g = Graph()
    g.add((S, RDF.type, MHKG.Project))
    store.replace_graph(A, g)
    assert store.query("ASK { ?s a mhkg:Project }").boolean is True


@pytest.mark.parametrize(
    "text", ["SELEC ?x", "SELECT ?x WHERE { ?x ", "ASK { ?s undeclared:p ?o }"]
)
def test_a_malformed_query_raises_query_error(store: Store, text: str) -> None:
    with pytest.raises(QueryError, match="does not parse"):
        store.query(text)


def test_a_malformed_update_raises_query_error(store: Store) -> None:
    with pytest.raises(QueryError, match="does not parse"):
        store.update("INSERT DATA { oops")


# --- writes ------------------------------------------------------------------------------


def test_replace_graph_replaces_only_that_graph(store: Store) -> None:
    store.replace_graph(A, graph_of(Literal("old")))
    store.replace_graph(B, graph_of(Literal("other")))
    store.replace_graph(A, graph_of(Literal("new")))
    assert isomorphic(triples_in(store, A), graph_of(Literal("new")))
    assert isomorphic(triples_in(store, B), graph_of(Literal("other")))


def test_replace_graph_keeps_every_kind_of_literal(store: Store) -> None:
    tricky = graph_of(
        Literal('a "quoted" word,\nanother line\tand a \\ backslash'),
        Literal("Guinée", lang="fr"),
        Literal("2019", datatype=XSD.gYear),
        Literal("100000.5", datatype=XSD.decimal),
        URIRef(EX + "o"),
    )
    tricky.add((S, RDFS.label, Literal("label")))
    store.replace_graph(A, tricky)
    assert isomorphic(triples_in(store, A), tricky)


def test_remove_graph_and_graph_names(store: Store) -> None:
    assert store.graph_names() == []
    store.replace_graph(B, graph_of(Literal("b")))
    store.replace_graph(A, graph_of(Literal("a")))
    assert store.graph_names() == [A, B]  # sorted
    assert A in store.graph_names()
    store.remove_graph(A)
    assert store.graph_names() == [B]
    assert A not in store.graph_names()
    store.remove_graph(A)  # removing a missing graph is not an error


def test_add_to_graph_adds_to_the_graph_and_the_union(store: Store) -> None:
    store.replace_graph(A, graph_of(Literal("kept")))
    store.add_to_graph(A, graph_of(Literal("added")))
    store.add_to_graph(B, graph_of(Literal("added")))
    assert isomorphic(triples_in(store, A), graph_of(Literal("kept"), Literal("added")))
    assert isomorphic(triples_in(store, B), graph_of(Literal("added")))
    union = {str(row["o"]) for row in store.query("SELECT ?o WHERE { ?s ?p ?o }").rows}
    assert union == {"kept", "added"}
    store.remove_graph(A)
    assert store.query("SELECT ?o WHERE { ?s ?p ?o }").rows == [{"o": Literal("added")}]


def test_a_failed_update_changes_nothing(store: Store) -> None:
    store.replace_graph(A, graph_of(Literal("kept")))
    with pytest.raises(QueryError):
        store.update(f"DROP GRAPH <{A}> ; INSERT DATA {{ oops")
    assert isomorphic(triples_in(store, A), graph_of(Literal("kept")))


def test_an_update_failing_while_it_runs_changes_nothing(empty_store: Store) -> None:
    """A runtime failure after a first operation has run: the first is rolled back too."""
    empty_store.replace_graph(A, graph_of(Literal("kept")))
    unreachable = "http://127.0.0.1:9/nothing.ttl"  # loopback, discard port: refused
    with pytest.raises(StoreError, match="nothing was written"):
        empty_store.update(f"DROP GRAPH <{A}> ; LOAD <{unreachable}> INTO GRAPH <{B}>")
    assert isomorphic(triples_in(empty_store, A), graph_of(Literal("kept")))
    assert empty_store.query("SELECT ?o WHERE { ?s ?p ?o }").rows == [{"o": Literal("kept")}]


# --- export ------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_export_parses_back_with_every_triple(
    store: Store, fmt: str, parse_rdf, parse_quads
) -> None:
    store.replace_graph(A, graph_of(Literal("a"), Literal("é", lang="fr")))
    store.replace_graph(B, graph_of(Literal("b"), Literal("2", datatype=XSD.integer)))
    out = io.BytesIO()
    store.export(out, fmt)
    data = out.getvalue().decode("utf-8")
    expected = graph_of(Literal("a"), Literal("é", lang="fr"), Literal("b"))
    expected.add((S, P, Literal("2", datatype=XSD.integer)))
    if fmt == "turtle":  # no named graphs: the union, each triple once
        assert isomorphic(parse_rdf(data, "turtle"), expected)
    else:
        graphs = parse_quads(data, RDFLIB_FORMATS[fmt])
        assert set(graphs) == {A, B}
        assert isomorphic(graphs[A], graph_of(Literal("a"), Literal("é", lang="fr")))


def test_export_refuses_an_unknown_format(store: Store) -> None:
    with pytest.raises(ValueError, match="rdfxml"):
        store.export(io.BytesIO(), "rdfxml")


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_export_of_the_seeded_store_holds_the_idf_projects(
    seeded_store: Store, fmt: str, parse_rdf, parse_quads, gold_idf_projects
) -> None:
    out = io.BytesIO()
    seeded_store.export(out, fmt)
    data = out.getvalue().decode("utf-8")
    if fmt == "turtle":
        graph = parse_rdf(data, "turtle")
    else:
        graphs = parse_quads(data, RDFLIB_FORMATS[fmt])
        assert set(graphs) == set(seeded_store.graph_names())
        graph = sum(graphs.values(), Graph())
    for code, project in gold_idf_projects.items():
        (subject,) = graph.subjects(MHKG.projectCode, Literal(code))
        assert (subject, RDF.type, MHKG.Project) in graph
        assert (subject, RDFS.label, Literal(project["title"])) in graph


# --- opening and persistence -------------------------------------------------------------


def test_data_survives_reopening_the_folder(tmp_path: Path) -> None:
    with open_store(tmp_path / "kg") as kg:
        kg.replace_graph(A, graph_of(Literal("kept")))
    with open_store(tmp_path / "kg") as kg:
        assert kg.graph_names() == [A]
        assert isomorphic(triples_in(kg, A), graph_of(Literal("kept")))


def test_a_folder_open_elsewhere_in_the_process_is_a_store_error(tmp_path: Path) -> None:
    with open_store(tmp_path / "kg"), pytest.raises(StoreError, match="cannot open"):
        open_store(tmp_path / "kg")


def test_a_missing_folder_is_created(tmp_path: Path) -> None:
    with open_store(tmp_path / "a" / "b") as kg:
        assert kg.location == str(tmp_path / "a" / "b")
    assert (tmp_path / "a" / "b").is_dir()


def test_the_in_memory_store_works_like_the_folder() -> None:
    with EmbeddedStore(None) as kg:
        kg.replace_graph(A, graph_of(Literal("x")))
        assert kg.location == ":memory:"
        assert kg.graph_names() == [A]


def test_a_url_opens_a_remote_store_and_a_folder_the_embedded_one(virtuoso, tmp_path) -> None:
    with open_store(virtuoso.url) as kg:
        assert isinstance(kg, RemoteStore)
        assert kg.location == virtuoso.url
    with open_store(tmp_path / "kg") as kg:
        assert isinstance(kg, EmbeddedStore)


def test_an_endpoint_that_does_not_answer_is_a_store_error_naming_it() -> None:
    with pytest.raises(StoreError, match=r"http://127\.0\.0\.1:9/sparql: .*refused"):
        open_store("http://127.0.0.1:9/sparql")


def test_virtuoso_alone_answers_a_triple_of_two_graphs_twice(virtuoso) -> None:
    """Why the remote store keeps a union graph: without a dataset, Virtuoso's default graph
    is every graph, and a triple held by two comes back once per graph (7.2.5)."""
    a, b = "http://example.org/dup/a", "http://example.org/dup/b"
    triple = f'<{S}> <{P}> "twice"'
    virtuoso.update(f"INSERT DATA {{ GRAPH <{a}> {{ {triple} }} GRAPH <{b}> {{ {triple} }} }}")
    try:
        answer = virtuoso.select(f'SELECT ?s WHERE {{ ?s <{P}> "twice" }}')
        assert len(answer) == 2
        with open_store(virtuoso.url) as kg:  # the same triple through the store: once
            kg.replace_graph(A, graph_of(Literal("twice")))
            kg.replace_graph(B, graph_of(Literal("twice")))
            assert len(kg.query(f'SELECT ?s WHERE {{ ?s <{P}> "twice" }}').rows) == 1
    finally:
        virtuoso.update(f"DROP SILENT GRAPH <{a}> ; DROP SILENT GRAPH <{b}>")


def test_default_location_is_mhkg_store(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MHKG_STORE", str(tmp_path / "here"))
    assert default_location() == str(tmp_path / "here")
    monkeypatch.delenv("MHKG_STORE")
    assert Path(default_location()).name == "store"
    assert "mhkg" in Path(default_location()).parts[-2].lower()


def test_updates_and_removals_keep_the_union_in_step(store: Store) -> None:
    store.replace_graph(A, graph_of(Literal("one")))
    store.replace_graph(B, graph_of(Literal("one")))
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert store.query(count).rows[0]["n"].toPython() == 1
    store.remove_graph(A)  # B still says it
    assert store.query(count).rows[0]["n"].toPython() == 1
    store.update(f'INSERT DATA {{ GRAPH <{B}> {{ <{S}> <{S}> "two" }} }}')
    assert store.query(count).rows[0]["n"].toPython() == 2
    store.remove_graph(B)
    assert store.query(count).rows[0]["n"].toPython() == 0


def _batch(first: int, records: int) -> list[tuple[URIRef, str]]:
    return [
        (
            URIRef(f"https://example.org/graph/{k}"),
            "".join(
                f'<https://example.org/r{k}> <https://example.org/p{j}> "value {j}" .\n'
                for j in range(50)
            ),
        )
        for k in range(first, first + records)
    ]


def _tables_written_by_a_long_load(path, monkeypatch, flush_bytes: int) -> int:
    """Table files that 40 records written in 8 transactions leave on disk before the close."""
    monkeypatch.setattr("mhkg.store.embedded.FLUSH_BYTES", flush_bytes)
    store = EmbeddedStore(path)
    tables_at_start = set(path.glob("*.sst"))
    for first in range(0, 40, 5):
        store.replace_graphs(_batch(first, 5))  # about 32 KB of updates each
    tables = len(set(path.glob("*.sst")) - tables_at_start)
    counted = store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows
    assert int(counted[0]["n"]) == 40 * 50
    store.close()
    reopened = EmbeddedStore(path)
    assert len(reopened.graph_names()) == 40
    reopened.close()
    return tables


def test_a_long_load_flushes_its_memory_tables_to_disk_as_it_goes(tmp_path, monkeypatch):
    """RocksDB holds what was written in memory until a flush (its memory grew by 130 KB per
    record of a long load): after every FLUSH_BYTES of updates the store flushes, so table
    files appear on disk at each threshold before the store is closed (RocksDB writes one now
    and then by itself), and what was written stays whole."""
    flushing = _tables_written_by_a_long_load(tmp_path / "a", monkeypatch, 32 * 1024)
    holding = _tables_written_by_a_long_load(tmp_path / "b", monkeypatch, 10**12)
    assert flushing >= 8 > holding


# --- writing graphs the store does not hold yet (Store.extend, not SPARQL Update) ----------


def _quads(store: EmbeddedStore) -> set[tuple[str, ...]]:
    """Every quad, blank nodes written as '_' (their labels differ from store to store)."""
    rows = store.query(
        "SELECT ?g ?s ?p ?o WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
    ).rows
    return {
        tuple("_" if isinstance(row.get(k), BNode) else str(row.get(k)) for k in "gspo")
        for row in rows
    }


def test_new_graphs_are_written_as_an_update_would_write_them() -> None:
    """A batch of new graphs takes the fast path; forcing the SPARQL path on a second store
    gives the same named graphs and the same union."""
    fast, slow = EmbeddedStore(None), EmbeddedStore(None)
    batch = [*_batch(0, 3), (A, '_:x <https://example.org/p0> "value 0" .\n')]
    fast.replace_graphs(batch)
    slow._all_new = lambda graphs: False  # type: ignore[method-assign]
    slow.replace_graphs(batch)
    assert _quads(fast) == _quads(slow)
    assert len(fast.query("SELECT * WHERE { ?s ?p ?o }").rows) == 3 * 50 + 1


def test_a_blank_node_label_names_one_node_per_graph_not_across_graphs() -> None:
    store = EmbeddedStore(None)
    triples = '_:b <https://example.org/p> "1" .\n_:b <https://example.org/q> _:c .\n'
    store.replace_graphs([(A, triples), (B, triples)])
    subjects = store.query(
        "SELECT DISTINCT ?g ?s WHERE { GRAPH ?g { ?s <https://example.org/p> ?o } }"
    ).rows
    assert len({row["s"] for row in subjects}) == 2  # one node in A, another in B
    within = store.query(
        f"ASK {{ GRAPH <{A}> {{ ?b <https://example.org/p> ?o ; <https://example.org/q> ?c }} }}"
    )
    assert within.boolean  # in one graph, the label is one node
    union = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows
    assert int(union[0]["n"]) == 4


def test_a_batch_that_replaces_a_graph_takes_the_update_path_and_replaces_it() -> None:
    store = EmbeddedStore(None)
    store.replace_graphs([(A, '<https://example.org/s> <https://example.org/p> "old" .\n')])
    store.replace_graphs(
        [
            (B, '<https://example.org/s> <https://example.org/p> "b" .\n'),
            (A, '<https://example.org/s> <https://example.org/p> "new" .\n'),
        ]
    )
    values = {str(r["o"]) for r in store.query("SELECT ?o WHERE { ?s ?p ?o }").rows}
    assert values == {"b", "new"}  # "old" left the union with A's earlier version


def test_a_graph_named_twice_in_one_batch_ends_as_its_last_version() -> None:
    store = EmbeddedStore(None)
    store.replace_graphs(
        [
            (A, '<https://example.org/s> <https://example.org/p> "first" .\n'),
            (A, '<https://example.org/s> <https://example.org/p> "second" .\n'),
        ]
    )
    assert {str(o) for o in triples_in(store, A).objects()} == {"second"}


# --- what a query may ask of either kind: limits, a dataset, a base -------------------------


def test_max_rows_and_max_bytes_cut_the_answer(store: Store) -> None:
    store.replace_graph(A, graph_of(*(Literal(f"value {i}") for i in range(10))))
    assert len(store.query("SELECT ?o WHERE { ?s ?p ?o }", max_rows=3).rows) == 3
    cut = store.query("SELECT ?o WHERE { ?s ?p ?o }", max_bytes=20)
    assert cut.truncated and 1 <= len(cut.rows) < 10
    whole = store.query("CONSTRUCT WHERE { ?s ?p ?o }", max_rows=4)
    assert len(whole.graph) == 4


def test_a_dataset_of_two_graphs_merges_a_shared_triple_once(store: Store) -> None:
    store.replace_graph(A, graph_of(Literal("shared"), Literal("a")))
    store.replace_graph(B, graph_of(Literal("shared")))
    both = QueryDataset(default_graphs=[A, B])
    rows = store.query("SELECT ?o WHERE { ?s ?p ?o }", dataset=both).rows
    assert sorted(str(r["o"]) for r in rows) == ["a", "shared"]
    only_b = QueryDataset(default_graphs=[B], named_graphs=[A])
    assert store.query("SELECT ?o WHERE { ?s ?p ?o }", dataset=only_b).rows == [
        {"o": Literal("shared")}
    ]
    reachable = store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", dataset=only_b)
    assert reachable.rows == [{"g": A}]


def test_graph_reaches_the_named_graphs_only(store: Store) -> None:
    """Neither the remote store's union and catalogue, nor the engine's own graphs."""
    store.replace_graph(A, graph_of(Literal("a")))
    rows = store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").rows
    assert rows == [{"g": A}]
    assert store.query(f"ASK {{ GRAPH <{B}> {{ ?s ?p ?o }} }}").boolean is False


def test_relative_iris_resolve_against_the_base(store: Store) -> None:
    store.replace_graph(A, graph_of(URIRef(EX + "o")))
    answer = store.query("SELECT ?s WHERE { ?s ?p <o> }", base=EX)
    assert answer.rows == [{"s": S}]
    with pytest.raises(QueryError):
        store.query("SELECT ?s WHERE { ?s ?p <o> }")


def test_credentials_come_from_the_environment(virtuoso, monkeypatch) -> None:
    """Virtuoso's /sparql-auth wants HTTP Digest: the user and password are read from
    MHKG_STORE_USER and MHKG_STORE_PASSWORD, never from the command line."""
    url = virtuoso.url + "-auth"
    with pytest.raises(StoreError, match=r"sparql-auth: .*(401|Unauthorized|authori)"):
        open_store(url)
    monkeypatch.setenv("MHKG_STORE_USER", "dba")
    monkeypatch.setenv("MHKG_STORE_PASSWORD", "dba")
    with open_store(url) as kg:
        assert kg.query("ASK { }").boolean is True


def test_a_graph_larger_than_a_request_is_written_whole(store: Store) -> None:
    """The remote store writes a large graph in chunks (CHUNK_TRIPLES): every triple and
    each blank node arrive, in the graph and in the union, and a replacement removes them."""
    big = Graph()
    for i in range(2 * CHUNK_TRIPLES + 10):
        big.add((URIRef(f"{EX}s{i}"), P, Literal(i)))
    node = BNode()
    big.add((node, P, Literal("blank")))
    big.add((S, P, node))
    store.replace_graph(A, big)
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert int(store.query(count).rows[0]["n"]) == len(big)
    assert isomorphic(triples_in(store, A), big)
    store.add_to_graph(B, big)
    assert int(store.query(count).rows[0]["n"]) == len(big) + 2  # B's blank node is its own
    store.replace_graph(A, graph_of(Literal("small")))
    store.remove_graph(B)
    assert store.query("SELECT ?o WHERE { ?s ?p ?o }").rows == [{"o": Literal("small")}]


def test_graph_reaches_every_graph_of_a_store_of_many(store: Store) -> None:
    """Past 100 graphs: Virtuoso echoes each `named-graph-uri` in a response header, more
    than http.client reads by default (every command over a URL failed past about 95)."""
    graphs = [
        (URIRef(f"{EX}graph/{i}"), "".join(f'<{EX}s{i}> <{P}> "{k}" .\n' for k in range(20)))
        for i in range(150)
    ]
    store.replace_graphs(graphs)
    count = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert int(store.query(count).rows[0]["n"]) == 150
