"""The query timeout really stops the work, and the server goes on answering meanwhile.

A client's query runs in a worker process; past the timeout the worker is killed (its CPU
work ends with it) and replaced, the client gets 503, and other clients are served throughout.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator

import pytest
from flask import Flask

from mhkg.server.workers import QueryTimeout, QueryWorkers

from .fixtures_app import app_over, error_of

TIMEOUT = 2.0
# Every triple times every triple times every triple: ~10^10 solutions on the seeds.
PATHOLOGICAL = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def app(seeded_copy) -> Iterator[Flask]:
    with app_over(seeded_copy("timeout"), QUERY_TIMEOUT=TIMEOUT, QUERY_WORKERS=2) as app:
        app.extensions["mhkg.workers"].start()
        yield app


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_pathological_query_is_cut_while_a_second_client_is_served(app: Flask) -> None:
    workers = app.extensions["mhkg.workers"]
    before = {w.process.pid for w in workers._all}
    slow: dict = {}

    def pathological_client() -> None:
        started = time.monotonic()
        slow["response"] = app.test_client().get("/sparql", query_string={"query": PATHOLOGICAL})
        slow["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=pathological_client)
    thread.start()
    time.sleep(0.3)  # the pathological query is running
    other = app.test_client()
    served = []
    while thread.is_alive():
        started = time.monotonic()
        response = other.get("/queries/project-countries", query_string={"iso3": "GIN"})
        page = other.get("/ontology", headers={"Accept": "text/html"})
        assert response.status_code == 200 and page.status_code == 200
        served.append(time.monotonic() - started)
        time.sleep(0.1)
    thread.join()
    assert len(served) >= 5 and max(served) < 1.5  # answered throughout, promptly
    error = error_of(slow["response"], 503)
    assert "limit of 2 s" in error["detail"]
    assert TIMEOUT <= slow["seconds"] < TIMEOUT + 3
    killed = before - {w.process.pid for w in workers._all}
    assert len(killed) == 1 and not any(alive(pid) for pid in killed)  # the work is stopped
    again = app.test_client().get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"})
    assert again.get_json(force=True)["boolean"] is True  # and a fresh worker took its place


def test_every_worker_busy_is_a_503_not_a_hang(seeded_copy) -> None:
    with app_over(seeded_copy("busy"), QUERY_TIMEOUT=1.0, QUERY_WORKERS=1) as app:
        results = []
        thread = threading.Thread(target=lambda: results.append(
            app.test_client().get("/sparql", query_string={"query": PATHOLOGICAL})))  # fmt: skip
        thread.start()
        time.sleep(0.2)
        waiting = app.test_client().get("/sparql", query_string={"query": "ASK {}"})
        thread.join()
        assert results[0].status_code == 503
        assert waiting.status_code in (200, 503)  # served by the replacement, or told to retry
        if waiting.status_code == 503:
            assert "busy" in error_of(waiting, 503)["detail"]


def test_the_pool_itself(seeded_copy) -> None:
    folder = seeded_copy("pool")
    workers = QueryWorkers(str(folder), size=1, timeout=1.0)
    try:
        assert workers.query("ASK { ?s ?p ?o }").boolean is True
        assert len(workers.query("SELECT * WHERE { ?s ?p ?o }", max_rows=7).rows) == 7
        with pytest.raises(QueryTimeout):
            workers.query(PATHOLOGICAL)
        assert workers.query("ASK { ?s ?p ?o }").boolean is True
    finally:
        workers.close()
    assert not workers._all
