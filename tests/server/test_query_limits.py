"""What one query may cost the server besides time: the characters of its answer, the memory
of its worker, the depth of its text; and what an update leaves behind (derived links)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask

from mhkg import derivation
from mhkg.iri import Minter
from mhkg.sparql_lexer import MAX_DEPTH
from mhkg.store import open_store

from .fixtures_app import app_over, error_of, writer

# A 1.6 KB query whose one value doubles 26 times: 64 M characters.
DOUBLING = (
    "SELECT ?x WHERE { BIND('ab' AS ?x0) "
    + " ".join(f"BIND(CONCAT(?x{i}, ?x{i}) AS ?x{i + 1})" for i in range(26))
    + " BIND(?x26 AS ?x) }"
)


# Many rows, each with a long value: 2,000 × 64,000 characters.
def rows_of_long_values(rows: int) -> str:
    doubling = " ".join(f"BIND(CONCAT(?y{i}, ?y{i}) AS ?y{i + 1})" for i in range(6))
    return (
        "SELECT ?x WHERE { VALUES ?i { " + " ".join(str(i) for i in range(rows)) + " } "
        f"BIND('{'y' * 1000}' AS ?y0) {doubling} BIND(CONCAT(STR(?i), ?y6) AS ?x) }}"
    )


WIDE = rows_of_long_values(2000)


@pytest.fixture(scope="module")
def app(seeded_copy) -> Iterator[Flask]:
    with app_over(
        seeded_copy("limits"), MAX_ANSWER_BYTES=2_000_000, WORKER_MEMORY=600, QUERY_TIMEOUT=60.0
    ) as app:
        app.extensions["mhkg.workers"].start()
        yield app


def test_an_answer_is_cut_at_the_size_cap_with_the_truncation_signal(app: Flask) -> None:
    response = app.test_client().get(
        "/sparql",
        query_string={"query": WIDE},
        headers={"Accept": "application/sparql-results+json"},
    )
    assert response.status_code == 200
    assert response.headers["MHKG-Truncated"] == "true"
    body = response.get_json(force=True)
    assert "size limit" in body["note"]
    rows = body["results"]["bindings"]
    assert 10 <= len(rows) < 2000  # cut, not emptied
    assert len(response.get_data()) < 2_500_000


def test_one_value_past_the_cap_leaves_an_empty_truncated_answer(app: Flask) -> None:
    response = app.test_client().get(
        "/sparql", query_string={"query": DOUBLING}, headers={"Accept": "text/csv"}
    )
    assert response.status_code in (200, 503)  # cut, or stopped at the memory cap
    if response.status_code == 200:
        assert response.headers["MHKG-Truncated"] == "true"
        assert len(response.get_data()) < 1000
    else:
        assert "memory" in error_of(response, 503)["detail"]


def test_a_query_that_needs_more_memory_than_a_worker_may_hold_is_a_503(app: Flask) -> None:
    # GROUP_CONCAT of a long value over many rows: well over the 600 MB this app allows
    hungry = rows_of_long_values(10_000).replace(
        "SELECT ?x WHERE", "SELECT (STRLEN(GROUP_CONCAT(?x)) AS ?n) WHERE", 1
    )
    response = app.test_client().get("/sparql", query_string={"query": hungry})
    error = error_of(response, 503)
    assert "600 MB of memory" in error["detail"]
    assert "Retry-After" in response.headers
    again = app.test_client().get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"})
    assert again.get_json(force=True)["boolean"] is True  # a fresh worker took its place


def test_a_query_nested_too_deep_is_a_clear_400(app: Flask) -> None:
    deep = "SELECT * WHERE " + "{" * 3000 + "}" * 3000
    for response in (
        app.test_client().get("/sparql", query_string={"query": deep}),
        app.test_client().post("/sparql", data={"query": deep}),
    ):
        assert f"at most {MAX_DEPTH}" in error_of(response, 400)["detail"]


def test_mhkg_query_refuses_a_deep_query_with_a_message_not_a_crash(
    writable_seeded_path,
) -> None:
    deep = "SELECT * WHERE " + "{" * 3000 + "}" * 3000
    mhkg = str(Path(sys.executable).with_name("mhkg"))
    run = subprocess.run(
        [mhkg, "query", "--store", str(writable_seeded_path), deep],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert run.returncode == 1, run.stderr
    assert "nests 3000 brackets deep" in run.stderr
    assert "Traceback" not in run.stderr


def test_an_update_leaves_the_derived_links_in_step(writable_seeded_path, tmp_path) -> None:
    config, token = writer(tmp_path)
    with app_over(writable_seeded_path, **config) as app:
        minter = Minter(app.config["BASE_IRI"])
        participation = (
            "PREFIX p: <https://example.org/p/> INSERT DATA { GRAPH <https://example.org/g> { "
            "p:a mhkg:participant p:org1 ; mhkg:inProject p:project . "
            "p:b mhkg:participant p:org2 ; mhkg:inProject p:project } }"
        )
        response = app.test_client().post("/sparql", data={"update": participation}, headers=token)
        assert response.status_code == 204, response.get_data(as_text=True)
        store = app.extensions["mhkg.store"]
        assert derivation.check(store, minter).holds
        ask = "ASK { <https://example.org/p/org1> mhkg:worksWith <https://example.org/p/org2> }"
        assert store.query(ask).boolean is True
    with open_store(writable_seeded_path) as kg:
        assert not derivation.pending(kg)
