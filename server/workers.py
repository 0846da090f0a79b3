"""Clients' queries run in worker processes, so that a query that runs too long is stopped.

pyoxigraph evaluates a query in Rust (releasing the GIL), and nothing in Python can interrupt
it: a thread that gives up waiting leaves the work running. So the queries that clients write
run in a small pool of worker processes (multiprocessing, "spawn"), each holding the store
open read-only (``pyoxigraph.Store.read_only``: no lock, the store as it was when the worker
opened it; the serving process keeps the read-write handle, and with it the lock that keeps
other writers out). Over an embedded store, what they open is a snapshot of it (see
mhkg.server.snapshots). Client SPARQL is parsed only there, never in the serving process.

Each query has one deadline for waiting for a free worker and running together: the server
passes its request's (`timeout` seconds after the request arrived, shared by every query the
request runs), else it is `timeout` seconds after the call. A query whose deadline passes
while it waits gets QueryTimeout without running; one that outlives it while running, or
whose client hangs up, has its worker killed (SIGKILL); the client gets 503 while the other
workers and the serving process go on answering. A replacement joins the pool only once it
has opened the store, so that no query waits for a worker's start. After the server writes,
every worker opens the store again, at the location it is given (a new snapshot), the idle
ones at once, the busy ones when they finish (Reopen: a few milliseconds, where starting a new
process took seconds), so that it sees the new state; one that cannot is replaced. Once no
worker reads a location that is no longer the current one, `retired` is told.

The queue is bounded (`Backlog`): at most `queue` queries wait (by default QUEUE_PER_WORKER
for each worker), and a query that would wait behind more rounds of the workers than its
deadline leaves time for (at the median of their recent times) is not queued either: both
get QueueFull at once (503 with Retry-After, the estimated time for the queue to clear)
rather than a 503 at the end of the timeout.

A worker may not open network sockets unless the operator allows SERVICE (server.sandbox),
holds at most `memory` MB, dies with the serving process, and stops reading an answer once it
holds `max_bytes` characters of values (the answer is then cut, like one past the row cap).
"""

from __future__ import annotations

import logging
import math
import multiprocessing
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from queue import Empty, Queue
from typing import Any

from rdflib import Graph
from rdflib.term import Node

from mhkg.errors import MhkgError, QueryError
from mhkg.results import QueryResult
from mhkg.store import open_reader
from mhkg.store.base import QueryDataset

logger = logging.getLogger("mhkg.server")
_POLL = 0.25  # seconds between two looks at whether the client is still there
_START_LIMIT = 120.0  # seconds a new worker may take to open the store
_START_ATTEMPTS = 3
QUEUE_PER_WORKER = 8  # queries that may wait for each worker (by default 16: the THREADS)
_RECENT = 32  # the workers' latest times kept to estimate how fast the queue moves


class QueryStopped(MhkgError):
    """The server stopped a query: it ran out of time or memory (503)."""


class QueryTimeout(QueryStopped):
    """A query ran longer than the server allows, or no worker became free in that time."""


class QueueFull(QueryTimeout):
    """More queries wait for a worker than the workers can serve in time: refused at once,
    without waiting (503 with Retry-After: `retry_after` seconds)."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ClientDisconnected(MhkgError):
    """The client hung up while its query waited or ran: its worker was stopped."""


@dataclass(frozen=True)
class Reopen:
    """The task that has a worker close the store and open the one at `location`."""

    location: str


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
        store = open_reader(location)
        connection.send(("ready", confined))
    except MhkgError as error:
        connection.send(("failed", str(error)))
        return
    except OSError:  # the server stopped before this worker was ready
        return
    while True:
        try:
            task = connection.recv()
        except (EOFError, OSError):
            return
        if isinstance(task, Reopen):
            store.close()
            try:
                location = task.location
                store = open_reader(location)
            except MhkgError as error:
                connection.send(("failed", str(error)))
                return
            connection.send(("ready", confined))
            continue
        sparql, bindings, options = task
        connection.send(_answer(store, sparql, bindings, options))


def _answer(store: Any, sparql: str, bindings: dict, options: dict[str, Any]):
    """`options`: Store.query's keyword arguments (dataset, base, max_rows, max_bytes)."""
    try:
        result = store.query(sparql, bindings, **options)
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
        self.location, self.generation = location, generation
        self.opening: str | None = None  # the location it is opening, while it does
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

    def reopen(self, location: str, generation: int, limit: float) -> str | None:
        """Have the worker open the store at `location`: None once it has, else why it could
        not."""
        try:
            self.connection.send(Reopen(location))
        except (OSError, ValueError) as error:
            return f"it stopped ({error!r}, exit code {self.process.exitcode})"
        failure = self.wait_ready(limit)
        if failure is None:
            self.location, self.generation = location, generation
        return failure

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


class Backlog:
    """The queries waiting for a free worker: how many may wait, and how fast the queue moves
    (the median of the workers' latest times)."""

    def __init__(self, workers: int, limit: int, fallback: float) -> None:
        self.workers, self.limit, self.fallback = workers, limit, fallback
        self.waiting = 0
        self._recent: deque[float] = deque(maxlen=_RECENT)
        self._lock = threading.Lock()

    def join(self, deadline: float | None) -> None:
        """Count one more query waiting.

        Raises QueueFull when `limit` queries wait already, or when those ahead would keep
        every worker busy past `deadline`."""
        with self._lock:
            ahead, typical = self.waiting, self._typical()
            rounds = ahead // self.workers  # the workers' turns taken before this query's
            if ahead >= self.limit:
                why = f"{ahead} queries already wait for this server's {self.workers} workers"
            elif deadline is not None and typical and rounds * typical > deadline - _now():
                why = (
                    f"the {ahead} queries waiting would keep every query worker busy past "
                    "this query's time limit"
                )
            else:
                self.waiting += 1
                return
            retry = self._retry_after(ahead, typical)
        raise QueueFull(f"{why}; try again in {retry} s", retry)

    def leave(self) -> None:
        with self._lock:
            self.waiting -= 1

    def served(self, seconds: float) -> None:
        """A worker answered (or was stopped) after `seconds`."""
        with self._lock:
            self._recent.append(seconds)

    def _typical(self) -> float | None:
        if not self._recent:
            return None
        ordered = sorted(self._recent)
        return ordered[len(ordered) // 2]

    def _retry_after(self, ahead: int, typical: float | None) -> int:
        """Seconds until the queries ahead are served, as far as the recent times tell."""
        estimate = (ahead / self.workers + 1) * typical if typical else self.fallback
        return max(1, math.ceil(estimate))


def _now() -> float:
    return time.monotonic()


class QueryWorkers:
    """A pool of `size` worker processes over the store at `location` (which `refresh` may
    move on)."""

    def __init__(
        self,
        location: str,
        *,
        size: int = 2,
        timeout: float | None = 30.0,
        allow_network: bool = False,
        memory: int = 0,
        queue: int | None = None,
        retired: Callable[[str], None] | None = None,
    ) -> None:
        """`queue`: how many queries may wait for a worker (default QUEUE_PER_WORKER each);
        `retired(location)`: called once no worker reads a location given up by `refresh`."""
        self.location, self.size, self.timeout = location, size, timeout or None
        self._retired = retired
        self._given_up: set[str] = set()
        limit = size * QUEUE_PER_WORKER if queue is None else queue
        self._backlog = Backlog(size, limit, fallback=self.timeout or 5.0)
        self._options = (not allow_network, memory)
        self.memory = memory
        self._context = multiprocessing.get_context("spawn")
        self._idle: Queue[_Worker] = Queue()
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

    def refresh(self, location: str | None = None) -> None:
        """The store changed: every worker opens it again (at `location`, if given, from now
        on), the busy ones when they finish."""
        with self._lock:
            self._generation += 1
            if location is not None and location != self.location:
                self._given_up.add(self.location)
                self.location = location
        self._retire_unread()
        while True:
            try:
                worker = self._idle.get_nowait()
            except Empty:
                return
            self._renew(worker)

    def query(
        self,
        sparql: str,
        bindings: Mapping[str, Node] | None = None,
        *,
        dataset: QueryDataset | None = None,
        base: str | None = None,
        max_rows: int | None = None,
        max_bytes: int | None = None,
        gone: Callable[[], bool] | None = None,
        deadline: float | None = None,
    ) -> QueryResult:
        """Run the query in a worker by `deadline` (a `time.monotonic()` value: the request's;
        at most `timeout` seconds from now), waiting for a free worker included.

        Raises QueryError (the client's mistake), QueryTimeout, QueueFull (too many wait),
        QueryStopped (memory), ClientDisconnected (when `gone()` turns true) or
        WorkerFailure (a bug)."""
        deadline = self._deadline(deadline)
        gone = gone or _never
        self.start()
        worker = self._checkout(deadline, gone)
        options = {"dataset": dataset, "base": base, "max_rows": max_rows, "max_bytes": max_bytes}
        task = (sparql, dict(bindings or {}), options)
        started = _now()
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
        self._backlog.served(_now() - started)
        if reply is None:
            self._replace(worker)
            raise QueryTimeout(
                f"the query ran past this server's limit of {self._limit()} (waiting for a "
                "worker included) and was stopped; make it more selective, or add a LIMIT"
            )
        self._release(worker)
        return self._result(*reply)

    def _deadline(self, given: float | None) -> float | None:
        """The earlier of the given deadline and `timeout` seconds from now."""
        own = None if self.timeout is None else _now() + self.timeout
        if given is None or own is None:
            return own if given is None else given
        return min(given, own)

    def _limit(self) -> str:
        return "its request's time" if self.timeout is None else f"{self.timeout:g} s"

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
        """A free worker: at once when one is idle and no query waits, else after waiting
        in the backlog (Raises QueueFull, QueryTimeout, ClientDisconnected)."""
        if deadline is not None and _now() >= deadline:
            raise QueryTimeout(
                f"the request had used this server's limit of {self._limit()} (counted from "
                "its arrival) before this query could start; try again later"
            )
        if not self._backlog.waiting:
            try:
                return self._idle.get_nowait()
            except Empty:
                pass
        self._backlog.join(deadline)
        try:
            while True:
                left = _POLL if deadline is None else min(_POLL, deadline - _now())
                if left <= 0:  # never take a worker only to stop it at once
                    raise QueryTimeout(
                        "every query worker stayed busy until this server's limit of "
                        f"{self._limit()} (counted from the request's arrival); try again later"
                    )
                try:
                    return self._idle.get(timeout=left)
                except Empty:
                    pass
                if gone():
                    raise ClientDisconnected("the client hung up while its query waited")
        finally:
            self._backlog.leave()

    def _release(self, worker: _Worker) -> None:
        if worker.generation == self._generation:
            self._idle.put(worker)
        else:
            self._renew(worker)

    def _renew(self, worker: _Worker) -> None:
        """Have `worker` open the store as it is now, in the background; it rejoins the idle
        workers when it has, else it is replaced."""
        threading.Thread(
            target=self._reopen, args=(worker,), name="mhkg-worker-reopen", daemon=True
        ).start()

    def _reopen(self, worker: _Worker) -> None:
        while True:
            with self._lock:
                if self._closed:
                    return
                location, generation = self.location, self._generation
                worker.opening = location  # in use from now: not to be retired meanwhile
            failure = worker.reopen(location, generation, _START_LIMIT)
            with self._lock:
                worker.opening = None
            self._retire_unread()
            if failure is not None:
                with self._lock:
                    if self._closed:  # the pool stopped it
                        return
                logger.warning("a query worker could not open the store again: %s", failure)
                self._replace(worker)
                return
            with self._lock:
                if self._closed:
                    return
                if generation == self._generation:  # else the store changed again meanwhile
                    self._idle.put(worker)
                    return

    def _spawn(self) -> _Worker:
        worker = _Worker(self._context, self.location, self._generation, self._options)
        self._all.add(worker)
        return worker

    def _drop(self, worker: _Worker) -> None:
        worker.stop()
        with self._lock:
            self._all.discard(worker)
        self._retire_unread()

    def _retire_unread(self) -> None:
        """Tell `retired` of each location given up that no worker reads any more."""
        if self._retired is None:
            return
        with self._lock:
            read = {worker.location for worker in self._all}
            read |= {worker.opening for worker in self._all if worker.opening is not None}
            unread = self._given_up - read
            self._given_up -= unread
        for location in unread:
            self._retired(location)

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
        self._idle = Queue()
