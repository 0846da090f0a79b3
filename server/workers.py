"""Clients' queries run in worker processes, so that a query that runs too long is stopped.

pyoxigraph evaluates a query in Rust (releasing the GIL), and nothing in Python can interrupt
it: a thread that gives up waiting leaves the work running. So the queries that clients write
run in a small pool of worker processes (multiprocessing, "spawn"), each holding the store
open read-only (``pyoxigraph.Store.read_only``: no lock, the store as it was when the worker
opened it; the serving process keeps the read-write handle, and with it the lock that keeps
other writers out). A query that outlives the timeout has its worker killed (SIGKILL) and
replaced; its client gets 503 while the other workers and the serving process go on
answering. After the server writes (SPARQL Update, when enabled) every worker is replaced
before its next query, so that it sees the new state.
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
import time
from collections.abc import Mapping
from typing import Any

from rdflib import Graph
from rdflib.term import Node

from mhkg.errors import MhkgError, QueryError
from mhkg.results import QueryResult
from mhkg.store.base import QueryDataset
from mhkg.store.embedded import EmbeddedStore


class QueryTimeout(MhkgError):
    """A query ran longer than the server allows, or no worker became free in that time."""


class WorkerFailure(RuntimeError):
    """A worker process failed (a bug, or the machine ran out of memory): a server error."""


def worker_main(connection: Any, location: str) -> None:
    """A worker process: open the store read-only, then answer tasks until the pipe closes."""
    try:
        store = EmbeddedStore(location, read_only=True)
    except MhkgError as error:
        connection.send(("failed", str(error)))
        return
    connection.send(("ready", None))
    while True:
        try:
            sparql, bindings, dataset, max_rows = connection.recv()
        except EOFError:
            return
        try:
            result = store.query(sparql, bindings, dataset=dataset, max_rows=max_rows)
            if result.graph is not None:  # a graph pickles more cheaply as its triples
                connection.send(("graph", list(result.graph)))
            else:
                connection.send(("ok", result))
        except QueryError as error:
            connection.send(("query-error", str(error)))
        except Exception as error:  # a bug: reported as a server error, the worker goes on
            connection.send(("failed", f"{type(error).__name__}: {error}"))


class _Worker:
    def __init__(self, context: Any, location: str, generation: int) -> None:
        self.connection, child = context.Pipe()
        self.process = context.Process(
            target=worker_main, args=(child, location), daemon=True, name="mhkg-query-worker"
        )
        self.process.start()
        child.close()
        self.generation = generation
        self.ready = False

    def run(self, task: tuple, deadline: float | None) -> tuple[str, Any] | None:
        """The worker's reply to `task`, or None when the deadline passed first."""
        if not self.ready:
            reply = self._receive(deadline)
            if reply is None or reply[0] != "ready":
                return reply
            self.ready = True
        self.connection.send(task)
        return self._receive(deadline)

    def _receive(self, deadline: float | None) -> tuple[str, Any] | None:
        wait = None if deadline is None else max(deadline - time.monotonic(), 0)
        return self.connection.recv() if self.connection.poll(wait) else None

    def stop(self) -> None:
        self.process.kill()
        self.process.join()
        self.connection.close()


class QueryWorkers:
    """A pool of `size` worker processes over the store folder `location`."""

    def __init__(self, location: str, *, size: int = 2, timeout: float | None = 30.0) -> None:
        self.location, self.size, self.timeout = location, size, timeout or None
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.LifoQueue[_Worker] = queue.LifoQueue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._generation = 0
        self._started = False

    def start(self) -> None:
        """Start the workers now (else at the first query)."""
        with self._lock:
            if not self._started:
                for _ in range(self.size):
                    self._idle.put(self._spawn())
                self._started = True

    def refresh(self) -> None:
        """The store changed: replace each worker before it runs its next query."""
        with self._lock:
            self._generation += 1

    def query(
        self,
        sparql: str,
        bindings: Mapping[str, Node] | None = None,
        *,
        dataset: QueryDataset | None = None,
        max_rows: int | None = None,
    ) -> QueryResult:
        self.start()
        worker = self._checkout()
        deadline = None if self.timeout is None else time.monotonic() + self.timeout
        try:
            reply = worker.run((sparql, dict(bindings or {}), dataset, max_rows), deadline)
        except (EOFError, OSError) as error:
            self._replace(worker)
            raise WorkerFailure(f"the query worker stopped unexpectedly ({error!r})") from error
        if reply is None:
            self._replace(worker)
            raise QueryTimeout(
                f"the query ran longer than this server's limit of {self.timeout:g} s "
                "and was stopped; make it more selective, or add a LIMIT"
            )
        self._idle.put(worker)
        kind, payload = reply
        if kind == "ok":
            return payload
        if kind == "graph":
            graph = Graph()
            for triple in payload:
                graph.add(triple)
            return QueryResult(form="CONSTRUCT", graph=graph)
        if kind == "query-error":
            raise QueryError(payload)
        raise WorkerFailure(payload)

    def _checkout(self) -> _Worker:
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise QueryTimeout(
                f"every query worker stayed busy for {self.timeout:g} s; try again later"
            ) from None
        if worker.generation != self._generation:
            self._drop(worker)
            worker = self._spawn()
        return worker

    def _spawn(self) -> _Worker:
        worker = _Worker(self._context, self.location, self._generation)
        self._all.add(worker)
        return worker

    def _drop(self, worker: _Worker) -> None:
        worker.stop()
        self._all.discard(worker)

    def _replace(self, worker: _Worker) -> None:
        self._drop(worker)
        self._idle.put(self._spawn())

    def close(self) -> None:
        """Stop every worker, busy or not."""
        with self._lock:
            for worker in list(self._all):
                self._drop(worker)
            self._idle = queue.LifoQueue()
            self._started = False
