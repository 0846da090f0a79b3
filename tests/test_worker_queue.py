"""The time a client waits is bounded by the timeout, queueing for a worker included, and a
queue longer than the workers can serve is refused at once (503 with Retry-After).

Each test holds a worker busy with a query that only the timeout stops, and bounds its own
duration by the timeouts it sets (a few seconds).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from mhkg.server import create_app
from mhkg.server.store import close, request_deadline
from mhkg.server.workers import QUEUE_PER_WORKER, Backlog, QueryTimeout, QueryWorkers, QueueFull
from mhkg.store.embedded import EmbeddedStore

# Every triple times every triple times every triple: ~10^10 solutions on the seeds.
PATHOLOGICAL = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
ASK = "ASK { ?s ?p ?o }"


@contextmanager
def app_over(folder: Path, **config: Any) -> Iterator[Flask]:
    app = create_app({"STORE": str(folder), "TESTING": True, **config})
    try:
        app.extensions["mhkg.workers"].start()
        yield app
    finally:
        close(app)


@contextmanager
def pool(folder: Path, **options: Any) -> Iterator[QueryWorkers]:
    workers = QueryWorkers(str(folder), **options)
    try:
        workers.start()
        yield workers
    finally:
        workers.close()


def in_background(call: Callable[[], Any]) -> tuple[threading.Thread, list]:
    """Run `call` in a thread; the list receives what it returns or raises."""
    outcome: list = []

    def run() -> None:
        try:
            outcome.append(call())
        except Exception as error:
            outcome.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def wait_until(condition: Callable[[], bool], limit: float = 5.0) -> None:
    end = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < end, "timed out waiting for the test's setup"
        time.sleep(0.02)


def busy(workers: QueryWorkers) -> bool:
    return workers._idle.qsize() == 0


def test_a_query_whose_deadline_passes_in_the_queue_is_answered_without_running(
    seeded_copy,
) -> None:
    with pool(seeded_copy("queue-deadline"), size=1, timeout=3.0) as workers:
        thread, _ = in_background(lambda: workers.query(PATHOLOGICAL))
        wait_until(lambda: busy(workers))
        arrived = time.monotonic() - 2.7  # the request has waited 2.7 s of its 3 s already
        started = time.monotonic()
        with pytest.raises(QueryTimeout, match="busy until this server's limit of 3 s"):
            workers.query(ASK, deadline=arrived + 3.0)
        assert time.monotonic() - started < 1.0  # its own 3 s did not start afresh
        assert workers._backlog.waiting == 0
        thread.join()


def test_a_deadline_already_passed_runs_nothing_even_with_a_worker_free(seeded_copy) -> None:
    with pool(seeded_copy("queue-passed"), size=1, timeout=3.0) as workers:
        before = {w.process.pid for w in workers._all}
        with pytest.raises(QueryTimeout, match="before this query could start"):
            workers.query(ASK, deadline=time.monotonic() - 0.1)
        assert {w.process.pid for w in workers._all} == before  # no worker was stopped
        assert workers.query(ASK).boolean is True


def test_the_request_deadline_starts_when_the_request_arrives(seeded_copy) -> None:
    with app_over(seeded_copy("queue-request"), QUERY_TIMEOUT=3.0, QUERY_WORKERS=1) as app:
        with app.test_request_context("/sparql", environ_base={"mhkg.started": 100.0}):
            assert request_deadline() == 103.0  # and every query of the request shares it
        thread, slow = in_background(
            lambda: app.test_client().get("/sparql", query_string={"query": PATHOLOGICAL})
        )
        wait_until(lambda: busy(app.extensions["mhkg.workers"]))
        started = time.monotonic()
        late = app.test_client().get(
            "/sparql",
            query_string={"query": ASK},
            environ_base={"mhkg.started": started - 2.7},  # it arrived 2.7 s ago
        )
        assert late.status_code == 503 and late.headers["Retry-After"]
        assert "busy" in late.get_json()["error"]["detail"]
        assert time.monotonic() - started < 1.0
        thread.join()
        assert slow[0].status_code == 503


def test_a_queue_longer_than_the_workers_can_serve_is_refused_at_once(seeded_copy) -> None:
    with app_over(seeded_copy("queue-full"), QUERY_TIMEOUT=3.0, QUERY_WORKERS=1) as app:
        workers = app.extensions["mhkg.workers"]

        def client(query: str) -> Callable[[], Any]:
            return lambda: app.test_client().get("/sparql", query_string={"query": query})

        running = [in_background(client(PATHOLOGICAL))]
        wait_until(lambda: busy(workers))
        running += [in_background(client(ASK)) for _ in range(QUEUE_PER_WORKER)]
        wait_until(lambda: workers._backlog.waiting == QUEUE_PER_WORKER)
        started = time.monotonic()
        refused = app.test_client().get("/sparql", query_string={"query": ASK})
        assert time.monotonic() - started < 0.5  # at once, not at the timeout
        assert refused.status_code == 503
        assert 1 <= int(refused.headers["Retry-After"]) <= 3
        assert "already wait" in refused.get_json()["error"]["detail"]
        for thread, _ in running:
            thread.join()
        waited = [outcome[0].status_code for _, outcome in running[1:]]
        assert set(waited) <= {200, 503}  # served by the replacement, or out of time
        wait_until(lambda: not busy(workers), limit=30)  # the replacement has started
        again = app.test_client().get("/sparql", query_string={"query": ASK})
        assert again.status_code == 200  # and the server goes on answering


def test_normal_requests_are_all_served(seeded_copy) -> None:
    with app_over(seeded_copy("queue-normal"), QUERY_TIMEOUT=10.0, QUERY_WORKERS=2) as app:
        clients = [
            in_background(
                lambda: app.test_client().get(
                    "/queries/project-countries", query_string={"iso3": "GIN"}
                )
            )
            for _ in range(12)
        ]
        for thread, _ in clients:
            thread.join()
        assert [outcome[0].status_code for _, outcome in clients] == [200] * 12


def test_the_backlog_refuses_what_the_workers_cannot_serve_in_time() -> None:
    backlog = Backlog(workers=1, limit=10, fallback=5.0)
    for seconds in (2.0, 2.0, 2.0):
        backlog.served(seconds)
    now = time.monotonic()
    backlog.join(now + 3.0)  # first in line: its turn comes next
    backlog.join(now + 3.0)  # one round of 2 s ahead: in time
    with pytest.raises(QueueFull, match="past this query's time limit") as late:
        backlog.join(now + 3.0)  # two rounds ahead: 4 s > 3 s
    assert late.value.retry_after == 6  # three rounds of 2 s until the queue has cleared
    backlog.join(now + 30.0)  # a query with more time left may wait
    assert backlog.waiting == 3
    for _ in range(3):
        backlog.leave()
    assert backlog.waiting == 0


def test_the_backlog_is_bounded_before_any_time_is_known() -> None:
    backlog = Backlog(workers=2, limit=2, fallback=5.0)
    backlog.join(None)
    backlog.join(None)
    with pytest.raises(QueueFull, match="2 queries already wait") as full:
        backlog.join(None)
    assert full.value.retry_after == 5


def test_after_a_write_the_workers_open_the_store_again_without_restarting(seeded_copy) -> None:
    folder = seeded_copy("reopen")
    ask = "ASK { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> 1 } }"
    with pool(folder, size=2) as workers:
        processes = {worker.process.pid for worker in workers._all}
        assert workers.query(ask).boolean is False
        with EmbeddedStore(folder) as writer:
            writer.update("INSERT DATA { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> 1 } }")
        assert workers.query(ask).boolean is False  # a worker reads the store as it opened it
        started = time.monotonic()
        workers.refresh()
        wait_until(lambda: workers._idle.qsize() == 2)
        assert time.monotonic() - started < 2.0  # no new process: a start takes seconds
        assert {worker.process.pid for worker in workers._all} == processes
        assert [workers.query(ask).boolean for _ in range(4)] == [True] * 4
