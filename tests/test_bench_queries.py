"""bench/query_store.py builds a store of N projects shaped like mhkg's output (hubs in every
project, one record graph per project, records that conform), and bench/queries.py counts
the rows a direct query gives."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from mhkg import queries as named_queries
from mhkg.store.embedded import EmbeddedStore

BENCH = Path(__file__).resolve().parent.parent / "bench"
N, SAMPLE = 30, 10  # three copies of each sample record


if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))  # the bench modules import one another by name
import query_runner  # noqa: E402
import query_store  # noqa: E402
import query_store_check  # noqa: E402


def _bench_queries():
    """bench/queries.py, under a name of its own (`queries` is mhkg's data package's)."""
    spec = importlib.util.spec_from_file_location("bench_queries", BENCH / "queries.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


bench_queries = _bench_queries()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return query_store.build(tmp_path_factory.mktemp("cache"), N, seed=3, sample=SAMPLE)


def _rows(path: Path, sparql: str) -> list[dict]:
    store = EmbeddedStore(path, read_only=True)
    try:
        return store.query(sparql).rows
    finally:
        store.close()


def test_store_holds_n_projects_and_conforms(store: Path) -> None:
    found = query_store_check.check(store, N, validate=N // SAMPLE + 2)
    assert found.projects == found.record_graphs == N
    assert found.derived_holds, found.derived_text
    assert len(found.validated) == N // SAMPLE + 2 and found.violations == []
    assert found.holds(N)


def test_hubs_take_part_in_every_project(store: Path) -> None:
    found = query_store_check.check(store, N, validate=0)
    assert found.hub_projects == {"IOM": N, "IDF": N}


def test_record_graphs_distinct_per_project(store: Path) -> None:
    rows = _rows(
        store,
        "SELECT ?project ?graph ?title ?code WHERE { GRAPH ?graph { ?project a mhkg:Project ; "
        "dcterms:title ?title ; mhkg:projectCode ?code } }",
    )
    assert len(rows) == N
    for column in ("project", "graph", "title", "code"):
        assert len({row[column] for row in rows}) == N, column
    # blank nodes and participations are each in one record graph, of one project
    shared = """SELECT ?node WHERE {
      { GRAPH ?g { ?node ?p ?o } FILTER isBlank(?node) }
      UNION { GRAPH ?g { ?node mhkg:inProject ?o } }
    } GROUP BY ?node HAVING (COUNT(DISTINCT ?g) > 1 || COUNT(DISTINCT ?o) > 1 && !isBlank(?node))"""
    assert _rows(store, shared) == []


def test_runner_rows_equal_a_direct_query(store: Path) -> None:
    values = bench_queries.sample_values(store)
    limits = query_runner.Limits(repeat=1, timeout=60, budget=60)
    worker = query_runner.QueryWorker(store)
    try:
        for named in named_queries.all_queries():
            for case, text, bindings in bench_queries.cases(named, values):
                timings = query_runner.measure(worker, text, bindings, limits)
                direct = EmbeddedStore(store, read_only=True)
                expected = len(direct.query(text, bindings).rows)
                direct.close()
                assert timings["mhkg"].rows == timings["raw"].rows == expected, (named.name, case)
    finally:
        worker.close()


def test_a_query_past_the_timeout_is_stopped(store: Path) -> None:
    worker = query_runner.QueryWorker(store)
    cubed = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    try:
        assert worker.run("raw", cubed, {}, timeout=1)[0] == "timeout"
        status, rows, _ = worker.run("mhkg", "SELECT ?p WHERE { ?p a mhkg:Project }", {}, 30)
        assert (status, rows) == ("ok", N)  # a new worker took over
    finally:
        worker.close()


def test_remote_queries_gives_the_same_rows_on_both_kinds(store: Path, capsys) -> None:
    """bench/remote_queries.py end to end on the small store: a Virtuoso of its own, filled
    by the bulk loader, answers every case with the embedded store's row counts."""
    spec = importlib.util.spec_from_file_location(
        "bench_remote_queries", BENCH / "remote_queries.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    cache, n = store.parent.parent, int(store.parent.name.split("-")[0][1:])
    argv = ["--n", str(n), "--seed", "3", "--cache", str(cache), "--repeat", "1",
            "--timeout", "20", "--budget", "5", "--buffers", "20000"]  # fmt: skip
    assert module.main(argv) == 0, capsys.readouterr().err[-2000:]
    table = capsys.readouterr().out
    assert "| Virtuoso p50 |" in table and "≠" not in table
    assert "| budget per country | aggregate |" in table
