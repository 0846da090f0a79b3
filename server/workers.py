"""Clients' queries run in worker processes, so that a query that runs too long is stopped.

pyoxigraph evaluates a query in Rust (releasing the GIL), and nothing in Python can interrupt
it: a thread that gives up waiting leaves the work running. So the queries that clients write
run in a small pool of worker processes (multiprocessing, "spawn"), each holding the store
open read-only (``pyoxigraph.Store.read_only``: no lock, the store as it was when the worker
opened it; the serving process keeps the read-write handle, and with it the lock that keeps
other writers out). Client SPARQL is parsed only there, never in the serving process.

Each query has one deadline, `timeout` seconds after it arrives, for waiting for a free worker
and running together. A query that outlives it, or whose client hangs up, has its worker
killed (SIGKILL); the client gets 503 while the other workers and the serving process go on
answering. A replacement joins the pool only once it has opened the store, so that no query
waits for a worker's start. After the server writes (SPARQL Update, when enabled) every worker
is replaced, so that it sees the new state.

A worker may not open network sockets unless the operator allows SERVICE (server.sandbox),
holds at most `memory` MB, dies with the serving process, and stops reading an answer once it
holds `max_bytes` characters of values (the answer is then cut, like one past the row cap).
"""

from __future__ import annotations

import logging
import multiprocessing
import queue
import signal
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any

from rdflib import Graph
from rdflib.term import Node

from mhkg.errors import MhkgError, QueryError
from mhkg.results import QueryResult
from mhkg.store.base import QueryDataset
from mhkg.store.embedded import EmbeddedStore

logger = logging.getLogger("mhkg.server")
_POLL = 0.25  # seconds between two looks at whether the client is still there
_START_LIMIT = 120.0  # seconds a new worker may take to open the store
_START_ATTEMPTS = 3


class QueryStopped(MhkgError):
    """The server stopped a query: it ran out of time or memory (503)."""


class QueryTimeout(QueryStopped):
    """A query ran longer than the server allows, or no worker became free in that time."""


class ClientDisconnected(MhkgError):
    """The client hung up while its query waited or ran: its worker was stopped."""


class WorkerFailure(RuntimeError):
    """A worker process failed (a bug, or the machine ran out of memory): a server error."""


def worker_main(connection: Any, location: str, sandboxed: bool, memory: int) -> None:
    """A worker process: confine itself, open the store read-only, then answer tasks until
    the pipe closes."""
    from mhkg.server import sandbox

    sandbox.die_with_parent()
    confined = sandbox.forbid_network() if sandboxed else False
    sandbox.limit_memory(memory)
    try:
        store = EmbeddedStore(location, read_only=True)
        connection.send(("ready", confined))
    except MhkgError as error:
        connection.send(("failed", str(error)))
        return
    except OSError:  # the server stopped before this worker was ready
        return
    while True:
        try:
            sparql, bindings, dataset, max_rows, max_bytes = connection.recv()
        except (EOFError, OSError):
            return
        connection.send(_answer(store, sparql, bindings, dataset, max_rows, max_bytes))


def _answer(store: Any, sparql: str, bindings: dict, dataset: Any, max_rows: Any, max_bytes: Any):
    try:
        result = store.query(sparql, bindings, dataset=dataset, max_rows=max_rows,
                             max_bytes=max_bytes)  # fmt: skip
    except QueryError as error:
        return ("query-error", str(error))
    except MemoryError:
        return ("memory", None)
    except Exception as error:  # a bug: reported as a server error, the worker goes on
        return ("failed", f"{type(error).__name__}: {error}")
    if result.graph is not None:  # a graph pickles more cheaply as its triples
        return ("graph", (list(result.graph), result.truncated))
    return ("ok", result)


class _Worker:
    def __init__(self, context: Any, location: str, generation: int, options: tuple) -> None:
        self.connection, child = context.Pipe()
        self.process = context.Process(
            target=worker_main, args=(child, location, *options), daemon=True,
            name="mhkg-query-worker",
        )  # fmt: skip
        self.process.start()
        child.close()
        self.generation = generation
        self._stopping = threading.Lock()
        self._stopped = False

    def wait_ready(self, limit: float) -> str | None:
        """None once the worker has opened the store, else why it could not."""
        try:
            if not self.connection.poll(limit):
                return f"it did not open the store within {limit:g} s"
            kind, payload = self.connection.recv()
        except (EOFError, OSError, ValueError) as error:  # ValueError: the pool closed it
            return f"it stopped ({error!r}, exit code {self.process.exitcode})"
        if kind != "ready":
            return str(payload)
        if not payload:
            logger.warning("query worker runs without a network sandbox (no seccomp here)")
        return None

    def run(self, task: tuple, deadline: float | None, gone: Callable[[], bool]) -> tuple | None:
        """The worker's reply to `task`, or None when the deadline passed first.

        Raises ClientDisconnected when `gone()` says the client left meanwhile."""
        self.connection.send(task)
        while True:
            wait = _POLL if deadline is None else min(_POLL, deadline - time.monotonic())
            if self.connection.poll(max(wait, 0)):
                return self.connection.recv()
            if gone():
                raise ClientDisconnected("the client hung up; its query was stopped")
            if deadline is not None and time.monotonic() >= deadline:
                return None

    def stop(self) -> None:
        """Kill the process; once, even when the pool closes while a thread starts it."""
        with self._stopping:
            if self._stopped:
                return
            self._stopped = True
            self.process.kill()
            self.process.join()
            self.connection.close()


def _never() -> bool:
    return False


class QueryWorkers:
    """A pool of `size` worker processes over the store at `location`."""

    def __init__(
        self,
        location: str,
        *,
        size: int = 2,
        timeout: float | None = 30.0,
        allow_network: bool = False,
        memory: int = 0,
    ) -> None:
        self.location, self.size, self.timeout = location, size, timeout or None
        self._options = (not allow_network, memory)
        self.memory = memory
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._generation = 0
        self._started = self._closed = False

    def start(self) -> None:
        """Start the workers now (else at the first query), and wait until they are ready."""
        with self._lock:
            if self._started:
                return
            self._started, self._closed = True, False
            workers = [self._spawn() for _ in range(self.size)]
        for worker in workers:
            if (failure := worker.wait_ready(_START_LIMIT)) is not None:
                self._drop(worker)
                raise WorkerFailure(f"a query worker could not start: {failure}")
            self._idle.put(worker)

    def refresh(self) -> None:
        """The store changed: replace every worker, the busy ones when they finish."""
        with self._lock:
            self._generation += 1
        while True:
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                return
            self._replace(worker)

    def query(
        self,
        sparql: str,
        bindings: Mapping[str, Node] | None = None,
        *,
        dataset: QueryDataset | None = None,
        max_rows: int | None = None,
        max_bytes: int | None = None,
        gone: Callable[[], bool] | None = None,
    ) -> QueryResult:
        """Run the query in a worker, within the timeout (waiting included).

        Raises QueryError (the client's mistake), QueryTimeout, QueryStopped (memory),
        ClientDisconnected (when `gone()` turns true) or WorkerFailure (a bug)."""
        deadline = None if self.timeout is None else time.monotonic() + self.timeout
        gone = gone or _never
        self.start()
        worker = self._checkout(deadline, gone)
        task = (sparql, dict(bindings or {}), dataset, max_rows, max_bytes)
        try:
            reply = worker.run(task, deadline, gone)
        except ClientDisconnected:
            self._replace(worker)
            raise
        except (EOFError, OSError) as error:
            self._replace(worker)
            if self.memory and worker.process.exitcode == -signal.SIGABRT:  # allocation failed
                raise QueryStopped(self._memory_message()) from error
            raise WorkerFailure(f"the query worker stopped unexpectedly ({error!r})") from error
        if reply is None:
            self._replace(worker)
            raise QueryTimeout(
                f"the query ran longer than this server's limit of {self.timeout:g} s "
                "and was stopped; make it more selective, or add a LIMIT"
            )
        self._release(worker)
        return self._result(*reply)

    def _result(self, kind: str, payload: Any) -> QueryResult:
        if kind == "ok":
            return payload
        if kind == "graph":
            triples, truncated = payload
            graph = Graph()
            for triple in triples:
                graph.add(triple)
            return QueryResult(form="CONSTRUCT", graph=graph, truncated=truncated)
        if kind == "query-error":
            raise QueryError(payload)
        if kind == "memory":
            raise QueryStopped(self._memory_message())
        raise WorkerFailure(payload)

    def _memory_message(self) -> str:
        return (
            f"the query needed more than this server's {self.memory:,} MB of memory and was "
            "stopped; make it more selective, or add a LIMIT"
        )

    def _checkout(self, deadline: float | None, gone: Callable[[], bool]) -> _Worker:
        while True:
            wait = _POLL if deadline is None else min(_POLL, deadline - time.monotonic())
            try:
                return self._idle.get(timeout=max(wait, 0.001))
            except queue.Empty:
                pass
            if gone():
                raise ClientDisconnected("the client hung up while its query waited")
            if deadline is not None and time.monotonic() >= deadline:
                raise QueryTimeout(
                    f"every query worker stayed busy for {self.timeout:g} s; try again later"
                )

    def _release(self, worker: _Worker) -> None:
        if worker.generation == self._generation:
            self._idle.put(worker)
        else:
            self._replace(worker)

    def _spawn(self) -> _Worker:
        worker = _Worker(self._context, self.location, self._generation, self._options)
        self._all.add(worker)
        return worker

    def _drop(self, worker: _Worker) -> None:
        worker.stop()
        with self._lock:
            self._all.discard(worker)

    def _replace(self, worker: _Worker) -> None:
        """Stop `worker`; a new one joins the idle workers once it is ready."""
        self._drop(worker)
        threading.Thread(target=self._start_one, name="mhkg-worker-start", daemon=True).start()

    def _start_one(self) -> None:
        for _ in range(_START_ATTEMPTS):
            with self._lock:
                if self._closed:
                    return
                worker = self._spawn()
            failure = worker.wait_ready(_START_LIMIT)
            with self._lock:
                if failure is None and not self._closed:
                    self._idle.put(worker)
                    return
            self._drop(worker)
            if failure is None:  # closed meanwhile
                return
            logger.error("a query worker could not start: %s", failure)
            time.sleep(1)

    def close(self) -> None:
        """Stop every worker, busy, idle or starting."""
        with self._lock:
            self._closed, self._started = True, False
            workers = list(self._all)
        for worker in workers:
            self._drop(worker)
        self._idle = queue.Queue()
