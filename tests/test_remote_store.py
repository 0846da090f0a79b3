"""Every command over `--store URL`, on a real Virtuoso holding the seeds: the same answers
as the embedded store holding them (named queries, validation, export, exploration, the
server's query workers, the derived links' interrupted-load mark)."""

from __future__ import annotations

import io
import json
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import PROV
from rdflib.term import Node
from selections import SELECTIONS  # tests/selections.py
from virtuoso_server import Virtuoso

from mhkg import derivation
from mhkg import queries as named_queries
from mhkg.cli import main
from mhkg.errors import NamedQueryError
from mhkg.iri import Minter, base_iri
from mhkg.queries.charts import CHARTS
from mhkg.queries.facets import COLUMNS, FACETS, Selection, words_sparql
from mhkg.results import QueryResult
from mhkg.server import indexed_charts
from mhkg.server.facet_index import FacetIndex
from mhkg.server.store import close
from mhkg.server.words import WordsIndex
from mhkg.store import Store, open_store
from mhkg.store.embedded import EmbeddedStore
from mhkg.store.remote import RemoteStore

SEEDS = Path(__file__).resolve().parent.parent / "data" / "seeds"
CONTRACT = ("projects", "project-countries", "project-sdgs", "project-stakeholders", "people",
            "events")  # fmt: skip


def mhkg(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def remote(virtuoso: Virtuoso) -> Iterator[str]:
    """The Virtuoso's URL, holding the five seeds, loaded by `mhkg load --store URL`."""
    virtuoso.wipe()
    result = mhkg("load", str(SEEDS), "--store", virtuoso.url, "--quiet")
    assert result.exit_code == 0, result.output
    yield virtuoso.url
    virtuoso.wipe()


@pytest.fixture(scope="module")
def remote_store(remote: str) -> Iterator[Store]:
    with open_store(remote) as kg:
        yield kg


@pytest.fixture(scope="module")
def mirror(remote_store: Store, parse_quads) -> Iterator[Store]:
    """An embedded store holding what the remote one holds (from its N-Quads export): the
    same triples, load times included, so that their answers can be compared row by row."""
    out = io.BytesIO()
    remote_store.export(out, "nquads")
    graphs = parse_quads(out.getvalue(), "nquads")
    with EmbeddedStore(None) as kg:
        kg.replace_graphs([(name, graph.serialize(format="nt")) for name, graph in graphs.items()])
        yield kg


def comparable(term: Node) -> object:
    """A value as both engines should give it. Numbers by value: Oxigraph gives an
    xsd:nonNegativeInteger back as xsd:integer, and Virtuoso sums decimals to an integer;
    a GROUP_CONCAT's parts sorted (their order is the engine's); blank nodes as one."""
    if isinstance(term, BNode):
        return "_:"
    if isinstance(term, Literal) and isinstance(term.value, int | float | Decimal):
        return Decimal(str(term.value))
    if isinstance(term, Literal) and "\n" in term:
        return tuple(sorted(str(term).split("\n")))
    return term


def rows(result: QueryResult) -> Counter:
    """The rows as a multiset of comparable values."""
    return Counter(
        frozenset((k, comparable(v)) for k, v in row.items() if str(v) != "") for row in result.rows
    )


def test_the_seeds_are_loaded_into_the_same_graphs(remote_store, seeded_store) -> None:
    assert isinstance(remote_store, RemoteStore)
    assert remote_store.graph_names() == seeded_store.graph_names()
    assert len(remote_store.graph_names()) >= 5


@pytest.mark.parametrize("name", named_queries.names())
def test_a_named_query_gives_the_same_rows_on_both_kinds(name, remote_store, mirror):
    named = named_queries.load(name)
    try:
        bindings = named.bindings({})
    except NamedQueryError:  # a required parameter: none of them has one today
        pytest.fail(f"{name} cannot run without parameters")
    embedded = mirror.query(named.text, bindings)
    assert embedded.rows or name not in CONTRACT  # the contract's queries answer the seeds
    assert rows(remote_store.query(named.text, bindings)) == rows(embedded)


def test_a_parameter_gives_the_same_rows_on_both_kinds(remote_store, mirror) -> None:
    named = named_queries.load("project-countries")
    bindings = named.bindings({"iso3": "GIN"})
    embedded = mirror.query(named.text, bindings)
    assert embedded.rows and {str(r["iso3"]) for r in embedded.rows} == {"GIN"}
    assert rows(remote_store.query(named.text, bindings)) == rows(embedded)


def test_the_union_holds_each_triple_once_as_the_embedded_one(remote_store, seeded_store):
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    remote_n = int(remote_store.query(count).rows[0]["n"])
    assert remote_n == int(seeded_store.query(count).rows[0]["n"]) > 1000
    per_graph = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert remote_n < int(remote_store.query(per_graph).rows[0]["n"])  # some in two graphs


def test_cli_query_over_a_url_answers_as_over_a_folder(remote, seeded_path) -> None:
    answers = []
    for store in (remote, str(seeded_path)):
        result = mhkg("query", "--named", "people", "--format", "json", "--store", store)
        assert result.exit_code == 0, result.output
        bindings = json.loads(result.output)["results"]["bindings"]
        answers.append(sorted(json.dumps(b, sort_keys=True) for b in bindings))
    assert answers[0] == answers[1] and answers[0]


def test_cli_validate_over_a_url(remote) -> None:
    result = mhkg("validate", "--store", remote)
    assert result.exit_code == 0, result.output
    assert "Derived links: up to date" in result.output


def test_cli_export_over_a_url_has_every_graph(remote, remote_store, parse_quads) -> None:
    result = mhkg("export", "--format", "nquads", "--store", remote)
    assert result.exit_code == 0, result.output
    graphs = parse_quads(result.output, "nquads")
    assert set(graphs) == set(remote_store.graph_names())


def test_cli_explore_over_a_url_finds_the_same_paths(remote, seeded_path) -> None:
    args = ["explore", "path", "Ministry of Healthcare of Belarus", "IOM Development Fund",
            "--k", "2", "--format", "json", "--store"]  # fmt: skip
    over_url, over_folder = mhkg(*args, remote), mhkg(*args, str(seeded_path))
    assert over_url.exit_code == 0, over_url.output
    assert json.loads(over_url.output) == json.loads(over_folder.output)
    assert json.loads(over_url.output)["paths"]


def test_the_server_workers_query_the_remote_store(remote) -> None:
    from mhkg.server import create_app

    app = create_app({"STORE": remote, "TESTING": True, "QUERY_WORKERS": 1})
    try:
        answer = app.test_client().get(
            "/queries/project-countries?iso3=GIN", headers={"Accept": "application/json"}
        )
        assert answer.status_code == 200, answer.get_data(as_text=True)[:500]
        isos = {b["iso3"]["value"] for b in answer.get_json()["results"]["bindings"]}
        assert isos == {"GIN"}
    finally:
        close(app)


def test_an_interrupted_load_is_finished_when_the_remote_store_opens(remote) -> None:
    minter = Minter()
    with open_store(remote) as kg:
        derivation.invalidate(kg, minter)
        assert derivation.pending(kg)
    with open_store(remote) as kg:  # finish_interrupted_load ran
        assert not derivation.pending(kg)
        assert derivation.check(kg, minter).holds


def test_replacing_a_graph_of_the_seeds_keeps_the_others(remote_store) -> None:
    name = URIRef("http://example.org/graph/extra")
    extra = Graph()
    extra.add((name, PROV.wasDerivedFrom, Literal("test")))
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    before = int(remote_store.query(count).rows[0]["n"])
    remote_store.replace_graph(name, extra)
    assert int(remote_store.query(count).rows[0]["n"]) == before + 1
    remote_store.remove_graph(name)
    assert int(remote_store.query(count).rows[0]["n"]) == before
    out = io.BytesIO()
    remote_store.export(out, "turtle")
    assert len(Graph().parse(data=out.getvalue(), format="turtle")) == before


def test_remote_store_paths_are_not_folders(remote) -> None:
    assert not Path(remote.removeprefix("http://")).exists()


def test_the_facet_index_over_virtuoso_answers_as_over_the_embedded_store(
    remote_store: Store, mirror: Store
) -> None:
    """The server's facet index (mhkg.server.facet_index), built from Virtuoso's answers,
    counts, charts and sorts as the one built from the embedded store's."""
    remote, local = FacetIndex.build(remote_store.query), FacetIndex.build(mirror.query)
    assert remote.total(Selection()) == local.total(Selection()) > 0
    for args in SELECTIONS:
        selection = Selection.parse(args, base_iri())
        if selection.q:
            words = mirror.query(words_sparql(selection.q)).rows
            selection = selection.found([row["project"] for row in words])
        assert remote.total(selection) == local.total(selection), args
        for name in FACETS:
            assert remote.counts(name, selection) == local.counts(name, selection), (args, name)
        if indexed_charts.answers(local, selection):
            for chart in CHARTS.values():
                rows = indexed_charts.chart_rows(remote, chart, selection)
                assert rows == indexed_charts.chart_rows(local, chart, selection), chart.name
        for column in COLUMNS:
            for sort in ((column, False), (column, True)):
                assert remote.page(selection, sort, 0, 20) == local.page(selection, sort, 0, 20)


def test_the_words_index_over_virtuoso_finds_what_the_filter_finds(remote_store: Store) -> None:
    index = WordsIndex.build(remote_store.query)
    try:
        for words in ("health", "Diaspora", "migrants", "no project says this"):
            found = {str(p) for p in index.find(words)}
            assert found == {
                str(r["project"]) for r in remote_store.query(words_sparql(words)).rows
            }
        assert index.find("health")
    finally:
        index.close()
