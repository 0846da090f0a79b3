"""The application's store: opened once per app, and the workers that run clients' queries.

The serving process holds the store open read-write (which keeps other writers out) and
runs the server's own, bounded queries (resource pages, dataset statistics) itself; the
queries that clients write (/sparql, /queries/NAME) go to the worker processes, which the
timeout can stop (see mhkg.server.workers). Over an embedded store the workers read a snapshot
of it, taken at the start and after each write (see mhkg.server.snapshots).

The timeout is the request's: its clock starts when the request reaches the application (the
moment the access log measures from), and every query the request sends to the workers,
waiting for a free one included, must be done by `request_deadline()`.
"""

from __future__ import annotations

import atexit
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

from flask import Flask, current_app, request
from rdflib.term import Node

from mhkg import pipeline
from mhkg.errors import StoreError
from mhkg.iri import Minter
from mhkg.results import QueryResult
from mhkg.server.snapshots import Snapshots
from mhkg.server.workers import QueryWorkers
from mhkg.store import Store, is_remote, open_store
from mhkg.store.base import QueryDataset
from mhkg.store.embedded import EmbeddedStore


def init_app(app: Flask) -> None:
    store = open_store(app.config["STORE"])
    app.extensions["mhkg.store"] = store
    workers = snapshots = None
    if store.location != ":memory:":
        location = store.location
        if isinstance(store, EmbeddedStore):
            snapshots = Snapshots(store)
            atexit.register(snapshots.close)  # after the workers have stopped
            location = snapshots.take()
        workers = QueryWorkers(
            location,
            retired=snapshots.remove if snapshots is not None else None,
            size=app.config["QUERY_WORKERS"],
            timeout=app.config["QUERY_TIMEOUT"],
            # a remote store's workers reach it over the network (its engine runs SERVICE)
            allow_network=app.config["ALLOW_SERVICE"] or is_remote(store.location),
            memory=app.config["WORKER_MEMORY"],
        )
        atexit.register(workers.close)
    app.extensions["mhkg.workers"] = workers
    app.extensions["mhkg.snapshots"] = snapshots
    app.extensions["mhkg.write_lock"] = threading.Lock()


def get_store() -> Store:
    return current_app.extensions["mhkg.store"]


def get_workers() -> QueryWorkers | None:
    return current_app.extensions["mhkg.workers"]


def run_client_query(
    sparql: str,
    bindings: Mapping[str, Node] | None = None,
    dataset: QueryDataset | None = None,
    base: str | None = None,
) -> tuple[QueryResult, bool]:
    """A query a client wrote, within the timeout and the caps on rows and on the characters
    of its values: (result, truncated). Relative IRIs are resolved against `base`."""
    cap = current_app.config["MAX_ROWS"]
    limits = {"max_rows": cap + 1 if cap else None, "base": base,
              "max_bytes": current_app.config["MAX_ANSWER_BYTES"] or None}  # fmt: skip
    workers = get_workers()
    if workers is not None:
        result = workers.query(sparql, bindings, dataset=dataset, gone=_client_gone(),
                               deadline=request_deadline(), **limits)  # fmt: skip
    else:
        result = get_store().query(sparql, bindings, dataset=dataset, **limits)
    if result.truncated:
        return result, True
    truncated = bool(cap) and _size(result) > cap
    if truncated and result.graph is not None:
        kept = list(result.graph)[:cap]
        result.graph.remove((None, None, None))
        for triple in kept:
            result.graph.add(triple)
    elif truncated:
        del result.rows[cap:]
    return result, truncated


def run_server_query(sparql: str) -> QueryResult:
    """A query the server composed whose answer grows with the data (exploration reads
    every relation): within the timeout, with no row cap."""
    workers = get_workers()
    if workers is None:
        return get_store().query(sparql)
    return workers.query(sparql, gone=_client_gone(), deadline=request_deadline())


def request_deadline() -> float | None:
    """When the current request's time is up (a `time.monotonic()` value): QUERY_TIMEOUT
    seconds after it arrived; None when there is no timeout."""
    timeout = current_app.config["QUERY_TIMEOUT"]
    if not timeout:
        return None
    return request.environ.setdefault("mhkg.started", time.monotonic()) + timeout


def _client_gone() -> Callable[[], bool] | None:
    """Whether the client has hung up (waitress tells when it reads ahead on a connection)."""
    return request.environ.get("waitress.client_disconnected")


def _size(result: QueryResult) -> int:
    return len(result.graph) if result.graph is not None else len(result.rows)


@contextmanager
def writing() -> Iterator[Store]:
    """The store, for one write at a time (a write reads, validates, then writes: two at
    once could each validate against a state the other changes); the workers see what was
    written once it is done, whether it all went through or not."""
    with current_app.extensions["mhkg.write_lock"]:
        try:
            yield get_store()
        finally:
            store_changed()


def store_changed() -> None:
    """The server wrote to the store: the workers must see the new state, and what was
    computed from the old one (see `generation`) is stale. What was written is flushed
    first: a worker opening the store read-only replays every write not yet flushed (after
    five small writes, 1.6 s per open against 40 ms). The workers then open a new snapshot
    (the store itself where none can be kept, or a remote store)."""
    current_app.extensions["mhkg.generation"] = generation() + 1
    if (workers := get_workers()) is not None:
        try:
            get_store().flush()
        except StoreError as error:  # committed all the same: the workers replay the log
            current_app.logger.warning("mhkg: %s", error)
        snapshots = current_app.extensions["mhkg.snapshots"]
        workers.refresh(snapshots.take() if snapshots is not None else None)


def generation() -> int:
    """How many times the server has written to the store. Nothing else can write while it
    serves (it holds the store's lock), so a value computed at one generation holds until
    the next."""
    return current_app.extensions.get("mhkg.generation", 0)


def close(app: Flask) -> None:
    for name in ("mhkg.words", "mhkg.facet_index"):
        if (index := app.extensions.get(name)) is not None:
            index.close()
    if (workers := app.extensions.get("mhkg.workers")) is not None:
        workers.close()
    if (snapshots := app.extensions.get("mhkg.snapshots")) is not None:
        snapshots.close()
    app.extensions["mhkg.store"].close()


def load_bundled_data_if_empty(location: str, minter: Minter) -> None:
    """A new user sees a populated graph: the seed documents that ship with mhkg."""
    with open_store(location) as kg:
        pipeline.install_vocabulary(kg, minter)
        if pipeline.is_empty(kg, minter):
            report = pipeline.load_bundled(kg, minter)
            print(f"mhkg: loaded {len(report.loaded)} bundled record(s)", flush=True)
